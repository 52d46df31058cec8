//! Poisson rate comparisons against base R 4.2.2 `poisson.test` (tests/reference-scripts/rate.R).

use crate::common;
use common::load;
use corridor::stats::{
    StatsError, poisson_rate_test,
    rate::{poisson_exact_interval, poisson_test},
};
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
    common::close_to(got, want, rel, 0.0, "value");
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
            let ci = t.interval(level).unwrap();
            assert_eq!(t.confidence_interval(level), ci.bounds());
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
        assert!(t.interval(bad).is_err());
        assert!(t.confidence_interval(bad).0.is_nan() && t.confidence_interval(bad).1.is_nan());
        assert!(poisson_exact_interval(3, bad).is_err());
    }
}

#[test]
fn one_sample_exact_test_against_r() {
    let d = load("rate_R.json");
    for c in d["one_sample_test"].as_array().unwrap() {
        let t = poisson_test(f(&c["x"]) as u64, f(&c["T"]), f(&c["r"])).unwrap();
        close(t.p_value(), f(&c["p_value"]), REL);
        close(t.rate(), f(&c["estimate"]), REL);
        let (lo, hi) = t.confidence_interval(0.95).unwrap().bounds();
        close(lo, f(&c["conf_int_95"][0]), REL_CI);
        close(hi, f(&c["conf_int_95"][1]), REL_CI);
    }
    for (x, t, r) in [
        (1, 0.0, 1.0),
        (1, 1.0, 0.0),
        (1, 1.0, f64::NAN),
        (1, f64::INFINITY, 1.0),
        (1, 1e300, 1e300),
    ] {
        assert!(
            matches!(poisson_test(x, t, r), Err(StatsError::InvalidParameter { .. })),
            "{t} {r}"
        );
    }
}

/// Counts of 10⁶ to 10¹⁸: R's interval to a relative 2e-11, and fast (statrs' exact inversion
/// took about a minute at 10¹⁵ and hung at 2⁶³).
#[test]
fn large_counts_get_a_bounded_accurate_interval() {
    let d = load("rate_R.json");
    for c in d["one_sample_large"].as_array().unwrap() {
        let x = f(&c["x"]) as u64;
        let start = std::time::Instant::now();
        let (lo, hi) = poisson_exact_interval(x, 0.95).unwrap().bounds();
        assert!(start.elapsed().as_secs_f64() < 1.0, "x = {x}");
        close(lo, f(&c["conf_int_95"][0]), 2e-11);
        close(hi, f(&c["conf_int_95"][1]), 2e-11);
    }
    let (lo, hi) = poisson_exact_interval(u64::MAX, 0.95).unwrap().bounds();
    assert!(lo.is_finite() && hi.is_finite() && lo < hi);
}

/// Equal rates over exposures at either end of the f64 range: the null proportion is 1/2 and the
/// p-value 1 (R 4.2.2 returns 0 for exposures of 1e308, its t1 + t2 overflowing, and a NaN ratio
/// for 1e-308).
#[test]
fn extreme_exposures_do_not_fake_a_difference() {
    for t in [1e308, f64::MAX, 1e-308, 5e-324] {
        let r = poisson_rate_test(5, t, 5, t).unwrap();
        assert_eq!(r.p_value(), 1.0, "{t}");
        assert_eq!(r.ratio(), 1.0, "{t}");
    }
    // Equal rates, exposures past 1e300 whose sum is still finite: R 4.2.2 gives 1 as well.
    let r = poisson_rate_test(6, 1e300, 12, 2e300).unwrap();
    assert_eq!((r.p_value(), r.ratio()), (1.0, 1.0));
    assert!(matches!(
        poisson_rate_test(5, 1e-300, 5, 1e300),
        Err(StatsError::InvalidParameter { .. })
    ));
}
