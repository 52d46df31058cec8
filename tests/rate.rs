//! Poisson rate comparisons against base R 4.2.2 `poisson.test` (tests/reference-scripts/rate.R).

mod common;
use common::load;
use corridor::stats::{poisson_exact_interval, poisson_rate_test};
use serde_json::Value;

/// Relative tolerance for the ratio and the p-value (same arithmetic as R).
const REL: f64 = 1e-9;
/// Relative tolerance for interval bounds (beta/gamma quantiles by statrs' iterative inversion).
const REL_CI: f64 = 1e-9;

/// Numbers, with R's `Inf` written as the string "Inf".
fn f(v: &Value) -> f64 {
    match v.as_str() {
        Some("Inf") => f64::INFINITY,
        _ => v.as_f64().unwrap(),
    }
}

#[track_caller]
fn close(got: f64, want: f64, rel: f64) {
    assert!(
        got == want || (got - want).abs() <= rel * want.abs(),
        "got {got}, want {want}"
    );
}

#[test]
fn two_sample_against_r_poisson_test() {
    let d = load("rate_R.json");
    for c in d["two_sample"].as_array().unwrap() {
        let t = poisson_rate_test(f(&c["x1"]) as u64, f(&c["t1"]), f(&c["x2"]) as u64, f(&c["t2"])).unwrap();
        close(t.ratio(), f(&c["ratio"]), REL);
        let p = f(&c["p_value"]);
        if p < 1e-300 {
            // R reports its smallest subnormal here (Darién cases); we only ask for "that small".
            assert!(t.p_value() < 1e-300, "{c}");
        } else {
            close(t.p_value(), p, REL);
        }
        for (level, key) in [(0.95, "conf_int_95"), (0.9, "conf_int_90")] {
            let ci = t.confidence_interval(level).unwrap();
            close(ci.lower(), f(&c[key][0]), REL_CI);
            close(ci.upper(), f(&c[key][1]), REL_CI);
            assert_eq!(ci.level(), level);
        }
    }
}

#[test]
fn one_sample_garwood_against_r() {
    let d = load("rate_R.json");
    for c in d["one_sample"].as_array().unwrap() {
        let x = f(&c["x"]) as u64;
        for (level, key) in [(0.95, "conf_int_95"), (0.99, "conf_int_99")] {
            let (lo, hi) = poisson_exact_interval(x, level).unwrap().bounds();
            close(lo, f(&c[key][0]), REL_CI);
            close(hi, f(&c[key][1]), REL_CI);
        }
    }
}

#[test]
fn invalid_level_is_an_error() {
    let t = poisson_rate_test(3, 1.0, 2, 1.5).unwrap();
    for bad in [0.0, 1.0, -0.1, f64::NAN] {
        assert!(t.confidence_interval(bad).is_err());
        assert!(poisson_exact_interval(3, bad).is_err());
    }
}
