//! Integration tests of `corridor::stats::bootstrap::{Bootstrap, BlockBootstrap}` through the public API.
//!
//! Deterministic parts (jackknife values, acceleration) are compared with R `boot` 1.3-28.1
//! (tests/reference-scripts/bootstrap.R → tests/data/reference/bootstrap.json). Intervals depend on the
//! generator, which is not R's: they are checked by coverage and by properties.

use crate::common;
use common::{floats, load};
use corridor::Error;
use corridor::stats::{
    Interval, StatsError,
    bootstrap::{BlockBootstrap, BlockScheme, Bootstrap, BootstrapResult},
};
use proptest::prelude::*;
use serde_json::Value;
use statrs::distribution::{ContinuousCDF, StudentsT};

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn var(xs: &[f64]) -> f64 {
    let m = mean(xs);
    xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len().is_multiple_of(2) {
        f64::midpoint(v[m - 1], v[m])
    } else {
        v[m]
    }
}

/// Through the crate error and back: `TryFrom<corridor::Error>` gives the narrow error again.
fn stats_err(e: impl Into<Error>) -> StatsError {
    StatsError::try_from(e.into()).unwrap_or_else(|other| panic!("expected a stats error, got {other:?}"))
}

fn reference() -> Value {
    load("bootstrap.json")
}

/// Relative tolerance for jackknife values and the acceleration against R (observed <= 3e-14).
const TOL_R: f64 = 1e-13;

fn assert_close(got: f64, want: f64, what: &str) {
    common::close_scaled(got, want, TOL_R, what);
}

#[test]
fn jackknife_and_acceleration_equal_r_boot() {
    // Reference: R boot 1.3-28.1; a = sum(L^3) / (6 sum(L^2)^1.5), L from the leave-one-out statistics
    // (Efron & Tibshirani 1993, eq. 14.15), stored as "acceleration" in bootstrap.json.
    let r = reference();
    for case in r["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let res = if case["kind"] == "two-sample" {
            let (x, y) = (floats(&case["x"]), floats(&case["y"]));
            Bootstrap::new(10).run_two(&x, &y, |a, b| mean(b) - mean(a)).unwrap()
        } else {
            let x = floats(&case["x"]);
            let stat: fn(&[f64]) -> f64 = match name.split('_').next().unwrap() {
                "mean" => mean,
                "var" => var,
                "median" => median,
                other => panic!("unknown statistic {other}"),
            };
            Bootstrap::new(10).run(&x, stat).unwrap()
        };
        assert_close(res.estimate(), case["t0"].as_f64().unwrap(), name);
        let want = floats(&case["jackknife"]);
        assert_eq!(res.jackknife().len(), want.len(), "{name}");
        for (g, w) in res.jackknife().iter().zip(&want) {
            assert_close(*g, *w, name);
        }
        assert_close(
            res.acceleration().unwrap(),
            case["acceleration"].as_f64().unwrap(),
            name,
        );
    }
}

/// Normal variates from a test-local splitmix64 + Box-Muller (independent of the crate's generator).
fn normals(state: &mut u64, n: usize) -> Vec<f64> {
    let mut next = || {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let (u1, u2) = (1.0 - next(), next());
            (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
        })
        .collect()
}

#[test]
fn percentile_interval_of_the_mean_covers_at_the_expected_rate() {
    // 200 seeded experiments, n = 20 normal observations, B = 400, nominal 90 %. For the mean, the
    // percentile interval is close to xbar ± z_0.95 · sd_ML / sqrt(n), whose exact coverage is
    // P(|T_{n-1}| < z_0.95 · sqrt((n - 1) / n)) = 0.8855 for n = 20 (Student t, statrs). Tolerance: 3
    // binomial standard deviations for 200 experiments plus 0.02 for the Monte Carlo error of B = 400
    // replicates in the endpoints.
    let (experiments, n, level) = (200, 20_usize, 0.90);
    let t = StudentsT::new(0.0, 1.0, (n - 1) as f64).unwrap();
    let z = 1.644_853_626_951_472_2; // qnorm(0.95), R
    let expected = 2.0 * t.cdf(z * ((n - 1) as f64 / n as f64).sqrt()) - 1.0;
    let mut state = 2021_u64;
    let mut covered = 0;
    for e in 0..experiments {
        let x = normals(&mut state, n);
        let ci = Bootstrap::new(400)
            .seed(e)
            .run(&x, mean)
            .unwrap()
            .percentile_interval(level)
            .unwrap();
        if ci.lower() <= 0.0 && 0.0 <= ci.upper() {
            covered += 1;
        }
    }
    let coverage = f64::from(covered) / experiments as f64;
    let tol = 3.0 * (expected * (1.0 - expected) / experiments as f64).sqrt() + 0.02;
    assert!(
        (coverage - expected).abs() <= tol,
        "coverage {coverage}, expected {expected} ± {tol}"
    );
}

#[test]
fn bca_is_right_shifted_for_a_right_skewed_statistic() {
    // Efron & Tibshirani (1993) ch. 14: for the variance of a right-skewed sample, a > 0 and the BCa
    // interval lies to the right of the percentile interval. Data: the skewed sample of bootstrap.json.
    let x = floats(&reference()["cases"][1]["x"]);
    let res = Bootstrap::new(2000).seed(3).run(&x, var).unwrap();
    assert!(res.acceleration().unwrap() > 0.0);
    let (p, b) = (res.percentile_interval(0.9).unwrap(), res.bca_interval(0.9).unwrap());
    assert!(b.lower() > p.lower() && b.upper() > p.upper(), "{p:?} {b:?}");
}

#[test]
fn errors_name_the_problem() {
    let data = [1.0, 2.0, 3.0, 4.0];
    let err = |r: Result<BootstrapResult, StatsError>| stats_err(r.unwrap_err());
    assert!(matches!(
        err(Bootstrap::new(0).run(&data, mean)),
        StatsError::InvalidParameter { name: "replicates", .. }
    ));
    assert!(matches!(
        err(Bootstrap::new(10).run(&[], mean)),
        StatsError::TooShort { needed: 1, got: 0, .. }
    ));
    assert!(matches!(
        err(Bootstrap::new(10).run(&[1.0, f64::NAN], mean)),
        StatsError::NonFinite { index: 1, .. }
    ));
    assert!(matches!(
        err(Bootstrap::new(10).run(&data, |_| f64::NAN)),
        StatsError::Degenerate {
            method: "bootstrap",
            ..
        }
    ));
    assert!(matches!(
        err(Bootstrap::new(10).run_two(&data, &[], |a, b| mean(a) - mean(b))),
        StatsError::TooShort { got: 0, .. }
    ));
    assert!(matches!(
        err(Bootstrap::new(10).run_two(&data, &[f64::INFINITY], |a, b| mean(a) - mean(b))),
        StatsError::NonFinite { index: 0, .. }
    ));
    for l in [0, 5] {
        let e = err(BlockBootstrap::new(10, l).run(&data, mean));
        assert!(
            matches!(
                e,
                StatsError::InvalidParameter {
                    name: "block length",
                    ..
                }
            ),
            "{e}"
        );
    }
    assert!(matches!(
        err(BlockBootstrap::new(0, 2).run(&data, mean)),
        StatsError::InvalidParameter { name: "replicates", .. }
    ));
    assert!(matches!(
        err(BlockBootstrap::new(5, 1).run(&[], mean)),
        StatsError::TooShort { .. }
    ));
    assert!(matches!(
        err(BlockBootstrap::new(5, 1).run(&[f64::NAN], mean)),
        StatsError::NonFinite { index: 0, .. }
    ));
    assert!(matches!(
        err(BlockBootstrap::new(5, 1).run(&data, |_| f64::INFINITY)),
        StatsError::Degenerate { .. }
    ));
}

#[track_caller]
fn level_err(r: Result<Interval, StatsError>) -> StatsError {
    stats_err(r.unwrap_err())
}

#[test]
fn interval_errors() {
    let ok = Bootstrap::new(50).seed(1).run(&[1.0, 5.0, 2.0, 8.0], mean).unwrap();
    for bad in [0.0, 1.0, f64::NAN, -0.1] {
        assert!(matches!(
            level_err(ok.percentile_interval(bad)),
            StatsError::InvalidParameter { .. }
        ));
        assert!(matches!(
            level_err(ok.bca_interval(bad)),
            StatsError::InvalidParameter { .. }
        ));
    }
    // n = 1: no jackknife.
    let one = Bootstrap::new(20).run(&[3.0], mean).unwrap();
    assert!(one.jackknife().is_empty());
    assert!(matches!(
        level_err(one.bca_interval(0.9)),
        StatsError::TooShort {
            method: "bca interval",
            needed: 2,
            got: 1
        }
    ));
    // Constant sample: all jackknife values equal.
    let flat = Bootstrap::new(20).run(&[2.0; 6], mean).unwrap();
    assert!(matches!(
        level_err(flat.bca_interval(0.9)),
        StatsError::Degenerate { .. }
    ));
    // Block bootstrap: BCa not defined.
    let block = BlockBootstrap::new(20, 2).run(&[1.0, 4.0, 2.0, 3.0], mean).unwrap();
    assert!(block.jackknife().is_empty());
    assert!(matches!(
        level_err(block.bca_interval(0.9)),
        StatsError::Degenerate { .. }
    ));
    // The minimum: no replicate is below the estimate, so z0 = -inf.
    let min = |xs: &[f64]| xs.iter().copied().fold(f64::INFINITY, f64::min);
    let m = Bootstrap::new(200)
        .seed(2)
        .run(&[4.0, 1.0, 3.0, 7.0, 5.0], min)
        .unwrap();
    assert!(m.acceleration().is_ok());
    assert!(matches!(
        stats_err(m.bias_correction().unwrap_err()),
        StatsError::Degenerate { .. }
    ));
    assert!(matches!(level_err(m.bca_interval(0.9)), StatsError::Degenerate { .. }));
    // Statistic finite on its first call only (the original sample): no finite replicate.
    let data = [1.0, 2.0, 3.0];
    let called = std::sync::atomic::AtomicBool::new(false);
    let picky = |_: &[f64]| {
        if called.swap(true, std::sync::atomic::Ordering::SeqCst) {
            f64::NAN
        } else {
            2.0
        }
    };
    let p = Bootstrap::new(50).seed(3).run(&data, picky).unwrap();
    let e = level_err(p.percentile_interval(0.9));
    assert!(matches!(e, StatsError::TooShort { got: 0, .. }), "{e}");
    assert!(p.bias().is_nan() && p.std_error().is_nan());
    // Statistic NaN on the jackknife samples (length n - 1).
    let short = |xs: &[f64]| if xs.len() == 3 { mean(xs) } else { f64::NAN };
    let s = Bootstrap::new(50).seed(3).run(&data, short).unwrap();
    assert!(matches!(
        stats_err(s.acceleration().unwrap_err()),
        StatsError::Degenerate { .. }
    ));
}

#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone + 'static>() {}
    check::<Bootstrap>();
    check::<BlockBootstrap>();
    check::<BlockScheme>();
    check::<BootstrapResult>();
    check::<Interval>();
}

fn finite_series() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-1e6..1e6_f64, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn same_seed_same_result(x in finite_series(), seed in any::<u64>(), l in 1_usize..5) {
        let a = Bootstrap::new(64).seed(seed).run(&x, mean).unwrap();
        prop_assert_eq!(&a, &Bootstrap::new(64).seed(seed).run(&x, mean).unwrap());
        let l = l.min(x.len());
        for scheme in [BlockScheme::Moving, BlockScheme::Circular] {
            let b = BlockBootstrap::new(64, l).scheme(scheme).seed(seed);
            prop_assert_eq!(b.run(&x, mean).unwrap(), b.run(&x, mean).unwrap());
        }
    }

    #[test]
    fn replicates_of_the_mean_lie_within_the_data_range(x in finite_series(), seed in any::<u64>()) {
        let (lo, hi) = x.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        let slack = 1e-9 * lo.abs().max(hi.abs()).max(1.0);
        let r = Bootstrap::new(64).seed(seed).run(&x, mean).unwrap();
        prop_assert!(r.replicates().iter().all(|&v| v >= lo - slack && v <= hi + slack));
        let ci = r.percentile_interval(0.9).unwrap();
        prop_assert!(ci.lower() <= ci.upper());
    }

    #[test]
    fn block_bootstrap_of_a_constant_series_is_that_constant(
        c in -1e9..1e9_f64, n in 1_usize..60, l in 1_usize..60, seed in any::<u64>(), circ in any::<bool>()
    ) {
        let x = vec![c; n];
        let scheme = if circ { BlockScheme::Circular } else { BlockScheme::Moving };
        let r = BlockBootstrap::new(32, l.min(n)).scheme(scheme).seed(seed).run(&x, mean).unwrap();
        // The mean of n copies of c may differ from c by rounding (n additions): tolerance n ulps.
        let tol = n as f64 * f64::EPSILON * c.abs();
        prop_assert!(r.replicates().iter().all(|&v| (v - r.estimate()).abs() <= tol));
        prop_assert!((r.estimate() - c).abs() <= tol);
        // The standard error sums 32 replicates: 64 more ulps of slack.
        prop_assert!(r.std_error() <= tol + 64.0 * f64::EPSILON * c.abs(), "se {}", r.std_error());
        // The statistic "first value" sees only the constant.
        let first = BlockBootstrap::new(32, l.min(n)).scheme(scheme).seed(seed).run(&x, |xs| xs[0]).unwrap();
        prop_assert!(first.replicates().iter().all(|&v| v == c));
    }

    #[test]
    fn no_panic_on_any_input(
        x in prop::collection::vec(prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -10.0..10.0_f64], 0..12),
        y in prop::collection::vec(-10.0..10.0_f64, 0..5),
        reps in 0_usize..20, l in 0_usize..15, level in -1.0..2.0_f64, seed in any::<u64>()
    ) {
        let results = [
            Bootstrap::new(reps).seed(seed).run(&x, mean),
            Bootstrap::new(reps).seed(seed).run(&x, median),
            Bootstrap::new(reps).seed(seed).run_two(&x, &y, |a, b| mean(a) - mean(b)),
            BlockBootstrap::new(reps, l).seed(seed).run(&x, mean),
            BlockBootstrap::new(reps, l).scheme(BlockScheme::Circular).seed(seed).run(&x, median),
        ];
        for r in results.into_iter().flatten() {
            let _ = (r.bias(), r.std_error(), r.acceleration(), r.bias_correction());
            let _ = (r.percentile_interval(level), r.bca_interval(level));
        }
    }
}
