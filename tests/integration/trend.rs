//! Trend tests against R `trend` 1.1.6 and pymannkendall 1.4.3 reference vectors.

use crate::common;
use common::load;
use corridor::stats::{
    StatsError,
    descriptive::GapPolicy,
    mann_kendall, sens_slope,
    trend::{
        Trend, hamed_rao, hamed_rao_with_gaps, pettitt, seasonal_mann_kendall, seasonal_mann_kendall_with_gaps,
        seasonal_sens_slope, seasonal_sens_slope_with_gaps,
    },
};
use proptest::prelude::*;
use serde_json::Value;

/// Relative tolerance where our formula and the reference's are the same computation.
const REL: f64 = 1e-9;
/// Absolute part of the tolerance for pymannkendall p-values: it computes `2(1 − Φ(|z|))` and so
/// loses relative precision for small p (we use `erfc`); the relative part is [`REL`], which also
/// covers statrs' `erfc` (relative error up to ~5e-11 seen against scipy here).
const P_ABS: f64 = 1e-15;

fn vec_f64(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[track_caller]
fn close(got: f64, want: f64, rel: f64) {
    common::close_to(got, want, rel, 1e-300, "value");
}

#[track_caller]
fn close_p(got: f64, want: f64) {
    assert!(
        (got - want).abs() <= REL * want.abs() + P_ABS,
        "p: got {got}, want {want}"
    );
}

#[track_caller]
fn close_abs(got: f64, want: f64, abs: f64) {
    assert!((got - want).abs() <= abs, "got {got}, want {want}");
}

fn trend_of(s: &str) -> Trend {
    match s {
        "increasing" => Trend::Increasing,
        "decreasing" => Trend::Decreasing,
        _ => Trend::NoTrend,
    }
}

#[test]
fn nile_against_r_trend() {
    let r = load("nile_R.json");
    let y = vec_f64(&r["input"]["y"]);
    let t = &r["trend"];
    let mk = mann_kendall(&y).unwrap();
    close(mk.s(), f(&t["mk.test"]["estimate"]["S"]), REL);
    close(mk.var_s(), f(&t["mk.test"]["estimate"]["varS"]), REL);
    close(mk.z(), f(&t["mk.test"]["statistic"]), REL);
    close(mk.p_value(), f(&t["mk.test"]["p.value"]), REL);
    close(mk.tau_b(), f(&t["mk.test"]["estimate"]["tau"]), REL);
    let sen = sens_slope(&y).unwrap();
    close(sen.slope(), f(&t["sens.slope"]["estimate"]["Sen's slope"]), REL);
    let ci = sen.confidence_interval(0.95).unwrap();
    let want = vec_f64(&t["sens.slope"]["conf.int"]);
    close(ci.lower(), want[0], REL);
    close(ci.upper(), want[1], REL);
    let pt = pettitt(&y).unwrap();
    close(pt.u(), f(&t["pettitt.test"]["statistic"]), REL);
    close(pt.p_value(), f(&t["pettitt.test"]["p.value"]), REL);
    // R's K = 28 (1-based last observation before the change) = our 0-based first index after it.
    assert_eq!(
        pt.index() as f64,
        f(&t["pettitt.test"]["estimate"]["probable change point at time K"])
    );
}

#[test]
fn airpassengers_against_r_trend() {
    let r = load("airpassengers_R.json");
    let y = vec_f64(&r["input"]["y"]);
    let t = &r["trend"];
    let mk = mann_kendall(&y).unwrap();
    close(mk.z(), f(&t["mk.test"]["statistic"]), REL);
    // R p = 6.75e-47: erfc keeps full relative precision where 1 - Φ underflows.
    close(mk.p_value(), f(&t["mk.test"]["p.value"]), REL);
    close(mk.tau_b(), f(&t["mk.test"]["estimate"]["tau"]), REL);
    let sen = sens_slope(&y).unwrap();
    close(sen.slope(), f(&t["sens.slope"]["estimate"]["Sen's slope"]), REL);
    let ci = sen.confidence_interval(0.95).unwrap();
    let want = vec_f64(&t["sens.slope"]["conf.int"]);
    close(ci.lower(), want[0], REL);
    close(ci.upper(), want[1], REL);
    let smk = seasonal_mann_kendall(&y, 12).unwrap();
    close(smk.s(), f(&t["smk.test"]["estimate"]["S"]), REL);
    close(smk.var_s(), f(&t["smk.test"]["estimate"]["varS"]), REL);
    close(smk.z(), f(&t["smk.test"]["statistic"]), REL);
    close(smk.p_value(), f(&t["smk.test"]["p.value"]), REL);
    close(
        seasonal_sens_slope(&y, 12).unwrap().slope(),
        f(&t["sea.sens.slope"]),
        REL,
    );
}

fn check_pmk(y: &[f64], want: &Value, what: &str) {
    let mk = mann_kendall(y).unwrap();
    close(mk.s(), f(&want["s"]), REL);
    close(mk.var_s(), f(&want["var_s"]), REL);
    close(mk.z(), f(&want["z"]), REL);
    close_p(mk.p_value(), f(&want["p"]));
    close(mk.tau(), f(&want["Tau"]), REL);
    assert_eq!(
        mk.trend(0.05).unwrap(),
        trend_of(want["trend"].as_str().unwrap()),
        "{what}"
    );
    let sen = sens_slope(y).unwrap();
    close(sen.slope(), f(&want["slope"]), REL);
    close_abs(
        sen.intercept(),
        f(&want["intercept"]),
        1e-9 * (1.0 + f(&want["intercept"]).abs()),
    );
}

fn check_hr(y: &[f64], alpha: f64, lag: Option<usize>, want: &Value) {
    let hr = hamed_rao(y, alpha, lag).unwrap();
    close(hr.s(), f(&want["s"]), REL);
    close(hr.var_s(), f(&want["var_s"]), 1e-8);
    close(hr.z(), f(&want["z"]), 1e-8);
    close_abs(hr.p_value(), f(&want["p"]), 1e-10);
    close(hr.tau(), f(&want["Tau"]), REL);
    assert_eq!(hr.trend(), trend_of(want["trend"].as_str().unwrap()));
}

#[test]
fn nile_and_airpassengers_against_pymannkendall() {
    for file in ["nile.json", "airpassengers.json"] {
        let d = load(file);
        let y = vec_f64(&d["input"]["y"]);
        let p = &d["pymannkendall"];
        check_pmk(&y, &p["original_test"], file);
        // Hamed-Rao: the variance sums O(n) autocorrelation terms; 1e-8 relative.
        check_hr(&y, 0.05, None, &p["hamed_rao_modification_test"]);
    }
    let d = load("airpassengers.json");
    let y = vec_f64(&d["input"]["y"]);
    let want = &d["pymannkendall"]["seasonal_test_period12"];
    let smk = seasonal_mann_kendall(&y, 12).unwrap();
    close(smk.s(), f(&want["s"]), REL);
    close(smk.var_s(), f(&want["var_s"]), REL);
    close(smk.z(), f(&want["z"]), REL);
    close(smk.tau(), f(&want["Tau"]), REL);
    let ss = seasonal_sens_slope(&y, 12).unwrap();
    close(ss.slope(), f(&want["slope"]), REL);
    close(ss.intercept(), f(&want["intercept"]), REL);
}

#[test]
fn generated_cases_against_pymannkendall() {
    let d = load("trend_pymannkendall.json");
    for (name, case) in d["cases"].as_object().unwrap() {
        let y = vec_f64(&case["y"]);
        check_pmk(&y, &case["original_test"], name);
        close(sens_slope(&y).unwrap().slope(), f(&case["sens_slope"]["slope"]), REL);
        if let Some(want) = case.get("hamed_rao_alpha0.05") {
            check_hr(&y, 0.05, None, want);
            check_hr(&y, 0.1, Some(3), &case["hamed_rao_alpha0.1_lag3"]);
        }
        if let Some(want) = case.get("seasonal_test_period12") {
            let smk = seasonal_mann_kendall(&y, 12).unwrap();
            close(smk.s(), f(&want["s"]), REL);
            close(smk.var_s(), f(&want["var_s"]), REL);
            close(smk.z(), f(&want["z"]), REL);
            close(smk.tau(), f(&want["Tau"]), REL);
            close_p(smk.p_value(), f(&want["p"]));
            assert_eq!(
                smk.trend(0.05).unwrap(),
                trend_of(want["trend"].as_str().unwrap()),
                "{name}"
            );
            let ss = seasonal_sens_slope(&y, 12).unwrap();
            let w = &case["seasonal_sens_slope_period12"];
            close(ss.slope(), f(&w["slope"]), REL);
            close_abs(
                ss.intercept(),
                f(&w["intercept"]),
                1e-9 * (1.0 + f(&w["intercept"]).abs()),
            );
        }
    }
}

#[test]
fn bad_input_is_an_error() {
    assert!(mann_kendall(&[]).is_err());
    assert!(mann_kendall(&[1.0]).is_err());
    assert!(mann_kendall(&[1.0, f64::NAN]).is_err());
    assert!(sens_slope(&[1.0, f64::INFINITY]).is_err());
    assert!(pettitt(&[f64::NEG_INFINITY, 1.0]).is_err());
    assert!(seasonal_mann_kendall(&[1.0; 30], 0).is_err());
    assert!(seasonal_mann_kendall(&[1.0; 23], 12).is_err());
    assert!(hamed_rao(&[1.0, 2.0, 3.0, 4.0], 1.5, None).is_err());
    assert!(hamed_rao(&[1.0, 2.0, 3.0, 4.0], 0.05, Some(4)).is_err());
    let mk = mann_kendall(&[1.0, 2.0, 3.0]).unwrap();
    assert!(mk.trend(0.0).is_err());
    let s = sens_slope(&[1.0, 2.0, 3.0]).unwrap();
    assert!(s.confidence_interval(1.0).is_err());
    // n = 3: N = 3 slopes, C = 1.96·√(11/3): rank_lo = round(-0.38) = 0 is outside 1..=3 (R: NA).
    assert!(s.confidence_interval(0.95).is_err());
}

#[test]
fn constant_series_has_documented_answer() {
    let mk = mann_kendall(&[4.0; 10]).unwrap();
    assert_eq!(
        (mk.s(), mk.var_s(), mk.z(), mk.p_value(), mk.tau()),
        (0.0, 0.0, 0.0, 1.0, 0.0)
    );
    assert!(mk.tau_b().is_nan());
    assert_eq!(sens_slope(&[4.0; 10]).unwrap().slope(), 0.0);
    let pt = pettitt(&[4.0; 10]).unwrap();
    assert_eq!((pt.u(), pt.p_value()), (0.0, 1.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mann_kendall_invariant_under_increasing_transforms(xs in prop::collection::vec(-5.0f64..5.0, 2..80)) {
        let a = mann_kendall(&xs).unwrap();
        let cube: Vec<f64> = xs.iter().map(|x| x * x * x).collect();
        let exp: Vec<f64> = xs.iter().map(|x| x.exp()).collect();
        for t in [cube, exp] {
            let b = mann_kendall(&t).unwrap();
            prop_assert_eq!(a.s(), b.s());
            prop_assert_eq!(a.var_s(), b.var_s());
            prop_assert_eq!(a.p_value(), b.p_value());
        }
    }

    #[test]
    fn never_panics(xs in prop::collection::vec(prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e6f64..1e6], 0..40)) {
        let _ = mann_kendall(&xs);
        let _ = sens_slope(&xs).map(|s| s.confidence_interval(0.9));
        let _ = pettitt(&xs);
        let _ = seasonal_mann_kendall(&xs, 4);
        let _ = seasonal_sens_slope(&xs, 4);
        let _ = hamed_rao(&xs, 0.05, None);
    }
}

#[test]
fn gappy_series_against_pymannkendall() {
    use corridor::stats::{
        descriptive::GapPolicy,
        trend::{mann_kendall_with_gaps, sens_slope_with_gaps},
    };
    let d = load("trend_pymannkendall.json");
    for (name, case) in d["gaps"].as_object().unwrap() {
        let y: Vec<Option<f64>> = case["y"].as_array().unwrap().iter().map(Value::as_f64).collect();
        let want = &case["original_test"];
        let mk = mann_kendall_with_gaps(&y, GapPolicy::Skip).unwrap();
        close(mk.s(), f(&want["s"]), REL);
        close(mk.var_s(), f(&want["var_s"]), REL);
        close(mk.z(), f(&want["z"]), REL);
        close_p(mk.p_value(), f(&want["p"]));
        close(mk.tau(), f(&want["Tau"]), REL);
        assert_eq!(
            mk.trend(0.05).unwrap(),
            trend_of(want["trend"].as_str().unwrap()),
            "{name}"
        );
        // n = 2600 with 260 gaps: 2340 present values, past the materialising limit (fast path).
        let sen = sens_slope_with_gaps(&y, GapPolicy::Skip).unwrap();
        close(sen.slope(), f(&want["slope"]), REL);
        close_abs(
            sen.intercept(),
            f(&want["intercept"]),
            1e-9 * (1.0 + f(&want["intercept"]).abs()),
        );
        assert!(mann_kendall_with_gaps(&y, GapPolicy::Error).is_err());
        assert!(sens_slope_with_gaps(&y, GapPolicy::Propagate).is_err());
    }
}

/// pymannkendall 1.4.3 on series with NaN (`tests/reference-scripts/trend_gaps.py` →
/// `tests/data/reference/trend_gaps_pymannkendall.json`): the Darién monthly crossings 2020-01..2025-07
/// with their six gaps, a seeded random walk with 11 gaps, a tied series with 6, and a seasonal series
/// one of whose seasons keeps a single value. `seasonal_test`, `seasonal_sens_slope` and
/// `hamed_rao_modification_test` (default and `alpha = 0.1, lag = 3`).
#[test]
fn gap_variants_match_pymannkendall() {
    let r = load("trend_gaps_pymannkendall.json");
    assert_eq!(r["versions"]["pymannkendall"], "1.4.3");
    for (name, case) in r["cases"].as_object().unwrap() {
        let xs: Vec<Option<f64>> = case["y"].as_array().unwrap().iter().map(Value::as_f64).collect();
        assert!(xs.iter().any(Option::is_none), "{name} has gaps");
        let period = usize::try_from(case["period"].as_u64().unwrap()).unwrap();
        let want = &case["seasonal_test"];
        let smk = seasonal_mann_kendall_with_gaps(&xs, period, GapPolicy::Skip).unwrap();
        assert_eq!(smk.s(), f(&want["s"]), "{name} seasonal s");
        close(smk.var_s(), f(&want["var_s"]), REL);
        close(smk.z(), f(&want["z"]), REL);
        close_p(smk.p_value(), f(&want["p"]));
        close(smk.tau(), f(&want["Tau"]), REL);
        assert_eq!(
            smk.trend(0.05).unwrap(),
            trend_of(want["trend"].as_str().unwrap()),
            "{name}"
        );
        let ss = seasonal_sens_slope_with_gaps(&xs, period, GapPolicy::Skip).unwrap();
        close(ss.slope(), f(&case["seasonal_sens_slope"]["slope"]), REL);
        close(ss.intercept(), f(&case["seasonal_sens_slope"]["intercept"]), REL);
        // pymannkendall's seasonal_test reports the same slope and intercept.
        close(ss.slope(), f(&want["slope"]), REL);
        for (key, alpha, lag) in [
            ("hamed_rao_alpha0.05", 0.05, None),
            ("hamed_rao_alpha0.1_lag3", 0.1, Some(3)),
        ] {
            let want = &case[key];
            let hr = hamed_rao_with_gaps(&xs, alpha, lag, GapPolicy::Skip).unwrap();
            assert_eq!(hr.s(), f(&want["s"]), "{name} {key} s");
            close(hr.var_s(), f(&want["var_s"]), REL);
            close(hr.z(), f(&want["z"]), REL);
            close_p(hr.p_value(), f(&want["p"]));
            close(hr.tau(), f(&want["Tau"]), REL);
            assert_eq!(hr.trend(), trend_of(want["trend"].as_str().unwrap()), "{name} {key}");
        }
    }
}

/// Without a gap the gap variants are the plain tests; with one, `Error` and `Propagate` refuse it.
#[test]
fn gap_variants_without_gaps_equal_the_plain_tests() {
    let y: Vec<f64> = (0..48).map(|i| f64::from((i * 37) % 11) + f64::from(i) * 0.2).collect();
    let o: Vec<Option<f64>> = y.iter().copied().map(Some).collect();
    for gaps in [GapPolicy::Skip, GapPolicy::Error, GapPolicy::Propagate] {
        assert_eq!(
            seasonal_mann_kendall_with_gaps(&o, 12, gaps).unwrap(),
            seasonal_mann_kendall(&y, 12).unwrap()
        );
        assert_eq!(
            seasonal_sens_slope_with_gaps(&o, 12, gaps).unwrap(),
            seasonal_sens_slope(&y, 12).unwrap()
        );
        assert_eq!(
            hamed_rao_with_gaps(&o, 0.05, Some(4), gaps).unwrap(),
            hamed_rao(&y, 0.05, Some(4)).unwrap()
        );
    }
    let mut gapped = o.clone();
    gapped[5] = None;
    for gaps in [GapPolicy::Error, GapPolicy::Propagate] {
        assert_eq!(
            seasonal_mann_kendall_with_gaps(&gapped, 12, gaps),
            Err(StatsError::Gap { index: 5 })
        );
        assert_eq!(
            hamed_rao_with_gaps(&gapped, 0.05, None, gaps),
            Err(StatsError::Gap { index: 5 })
        );
    }
    // A season needs two values present; a period beyond the series is too short, not a wrap.
    let sparse = [Some(1.0), None, None, Some(2.0)];
    assert!(matches!(
        seasonal_mann_kendall_with_gaps(&sparse, 2, GapPolicy::Skip),
        Err(StatsError::TooShort { .. })
    ));
    assert!(matches!(
        seasonal_mann_kendall_with_gaps(&o, usize::MAX, GapPolicy::Skip),
        Err(StatsError::TooShort { .. })
    ));
    assert!(matches!(
        hamed_rao_with_gaps(&[Some(1.0), None, Some(2.0)], 0.05, None, GapPolicy::Skip),
        Err(StatsError::TooShort { .. })
    ));
}
