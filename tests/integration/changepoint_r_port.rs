//! PELT and binary segmentation against R `changepoint`'s C routines on many seeded series.
//!
//! Source: `tests/data/reference/changepoint_r_port.json`, written by
//! `tests/reference-scripts/changepoint_r_port.py`: R changepoint's `PELTC` and `binseg` C
//! routines as ported by changepoint-cython 0.1.5 (from `PyPI`), patched where the port departs from R's
//! C code (arg-min tie-break, PELT start, variance floor) and built with `-O2`, behind a Python
//! transcription of R's `cpt.mean` / `cpt.meanvar` wrapper (long-double cumulative sums,
//! `penalty_decision`). 66 series (piecewise-constant Gaussian with large and small shifts, pure
//! noise, mean+variance changes, Student-t noise, whole numbers with exact ties, exactly flat
//! segments, Poisson counts dense and sparse) of 20 to 2,000 points; costs normal mean, normal
//! mean+variance and Poisson; penalties manual, BIC, MBIC and AIC; minimum segment lengths 1 to 10;
//! `BinSeg` with `Q` from 1 to 10.
//!
//! Changepoint indices are compared exactly; costs with the relative tolerance `COST_TOL`.

use crate::common;
use common::load;

use corridor::stats::{Changepoints, Cost, Pelt, Penalty, changepoint::BinSeg};
use serde_json::Value;

/// Relative tolerance for costs (R's C doubles vs ours; both sum the same segment costs).
const COST_TOL: f64 = 1e-9;

fn series(doc: &Value, name: &str) -> Vec<f64> {
    doc["series"][name]["x"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn cost(case: &Value) -> Cost {
    match case["cost"].as_str().unwrap() {
        "mean" => Cost::NormalMean,
        "meanvar" => Cost::NormalMeanVar,
        "poisson" => Cost::Poisson,
        other => panic!("unknown cost {other}"),
    }
}

fn penalty(case: &Value) -> Penalty {
    match &case["penalty"] {
        Value::Number(v) => Penalty::Manual(v.as_f64().unwrap()),
        Value::String(s) => match s.as_str() {
            "BIC" => Penalty::Bic,
            "MBIC" => Penalty::Mbic,
            "AIC" => Penalty::Aic,
            other => panic!("unknown penalty {other}"),
        },
        other => panic!("unexpected penalty {other}"),
    }
}

fn usize_of(v: &Value) -> usize {
    usize::try_from(v.as_u64().unwrap()).unwrap()
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array().unwrap().iter().map(usize_of).collect()
}

fn rel_close(got: f64, want: f64) -> bool {
    (got - want).abs() <= COST_TOL * want.abs().max(1.0)
}

/// Compares one result with its reference case; returns a description of the first difference.
fn compare(label: &str, got: &Changepoints, case: &Value) -> Option<String> {
    let want = indices(&case["cpts"]);
    if got.indices() != want.as_slice() {
        return Some(format!("{label}: indices {:?}, R {want:?}", got.indices()));
    }
    for (what, ours) in [
        ("pen", got.penalty()),
        ("segment_cost", got.cost()),
        ("penalised_cost", got.penalised_cost()),
    ] {
        let r = case[what].as_f64().unwrap();
        if !rel_close(ours, r) {
            return Some(format!("{label}: {what} {ours}, R {r}"));
        }
    }
    None
}

fn label(case: &Value) -> String {
    format!(
        "{} {} pen={} minseglen={}{}",
        case["series"].as_str().unwrap(),
        case["cost"].as_str().unwrap(),
        case["penalty"],
        case["minseglen"],
        case.get("Q").map(|q| format!(" Q={q}")).unwrap_or_default()
    )
}

#[test]
fn pelt_equals_r_changepoint_c_code() {
    let doc = load("changepoint_r_port.json");
    let cases = doc["pelt"].as_array().unwrap();
    assert!(cases.len() > 1000);
    let mut failures = Vec::new();
    for case in cases {
        let x = series(&doc, case["series"].as_str().unwrap());
        let got = Pelt::new(cost(case))
            .penalty(penalty(case))
            .min_segment_len(usize_of(&case["minseglen"]))
            .detect(&x)
            .unwrap();
        failures.extend(compare(&label(case), &got, case));
    }
    assert!(
        failures.is_empty(),
        "{} of {} PELT cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn binseg_equals_r_changepoint_c_code() {
    let doc = load("changepoint_r_port.json");
    let cases = doc["binseg"].as_array().unwrap();
    assert!(cases.len() > 250);
    let mut failures = Vec::new();
    for case in cases {
        let x = series(&doc, case["series"].as_str().unwrap());
        let got = BinSeg::new(cost(case))
            .penalty(penalty(case))
            .min_segment_len(usize_of(&case["minseglen"]))
            .max_changepoints(usize_of(&case["Q"]))
            .detect(&x)
            .unwrap();
        failures.extend(compare(&label(case), &got, case));
    }
    assert!(
        failures.is_empty(),
        "{} of {} BinSeg cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn reference_covers_every_cost_penalty_and_shape() {
    let doc = load("changepoint_r_port.json");
    let pelt = doc["pelt"].as_array().unwrap();
    for c in ["mean", "meanvar", "poisson"] {
        assert!(pelt.iter().any(|k| k["cost"] == c), "no {c} case");
    }
    for p in ["BIC", "MBIC", "AIC"] {
        assert!(pelt.iter().any(|k| k["penalty"] == p), "no {p} case");
    }
    assert!(pelt.iter().any(|k| k["penalty"].is_number()));
    for m in [1, 2, 3, 5, 10] {
        assert!(pelt.iter().any(|k| k["minseglen"] == m), "no minseglen {m}");
    }
    let kinds: std::collections::BTreeSet<&str> = doc["series"]
        .as_object()
        .unwrap()
        .values()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 9);
    // Some references really find changes, some find none.
    assert!(pelt.iter().any(|k| k["cpts"].as_array().unwrap().len() >= 5));
    assert!(pelt.iter().any(|k| k["cpts"].as_array().unwrap().is_empty()));
}
