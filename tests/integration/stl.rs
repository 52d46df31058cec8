//! STL against R `stats::stl` (R 4.2.2) and statsmodels STL configured like R.

use crate::common;
use common::{floats, load};
use corridor::stats::{
    StlOptions,
    decompose::{Robustness, SeasonalWindow},
    stl,
};
use serde_json::Value;

/// Relative agreement with R (R's Fortran and ours do the same operations).
const TOL_REL: f64 = 1e-9;

fn assert_close(what: &str, ours: &[f64], reference: &[f64]) {
    assert_eq!(ours.len(), reference.len(), "{what}: length");
    let scale = reference.iter().fold(0.0_f64, |m, x| m.max(x.abs())).max(1e-300);
    for (i, (a, b)) in ours.iter().zip(reference).enumerate() {
        assert!(
            (a - b).abs() <= TOL_REL * scale.max(b.abs()),
            "{what}[{i}]: ours {a}, reference {b}"
        );
    }
}

#[test]
fn airpassengers_swindow7_equals_r() {
    // R: stl(AirPassengers, s.window = 7)
    let r = load("airpassengers_R.json");
    let y = floats(&r["input"]["y"]);
    let fit = stl(&y, 12, StlOptions::default()).unwrap();
    let c = &r["stl_swindow7"];
    assert_close("seasonal", fit.seasonal(), &floats(&c["seasonal"]));
    assert_close("trend", fit.trend(), &floats(&c["trend"]));
    assert_close("remainder", fit.remainder(), &floats(&c["remainder"]));
    assert_eq!(fit.windows(), [7, 23, 13]);
    assert_eq!(fit.jumps(), [1, 3, 2]);
    assert!(fit.weights().iter().all(|&w| w == 1.0));
}

#[test]
fn airpassengers_swindow7_robust_equals_r() {
    // R: stl(AirPassengers, s.window = 7, robust = TRUE)
    let r = load("airpassengers_R.json");
    let y = floats(&r["input"]["y"]);
    let fit = stl(&y, 12, StlOptions::default().robustness(Robustness::Robust)).unwrap();
    let c = &r["stl_swindow7_robust"];
    assert_close("seasonal", fit.seasonal(), &floats(&c["seasonal"]));
    assert_close("trend", fit.trend(), &floats(&c["trend"]));
    assert_close("weights", fit.weights(), &floats(&c["weights"]));
}

#[test]
fn log_airpassengers_periodic_equals_r() {
    // R: stl(log(AirPassengers), s.window = "periodic")
    let r = load("airpassengers_R.json");
    let y: Vec<f64> = floats(&r["input"]["y"]).iter().map(|x| x.ln()).collect();
    let fit = stl(&y, 12, StlOptions::default().seasonal_window(SeasonalWindow::Periodic)).unwrap();
    let c = &r["stl_log_periodic"];
    assert_close("seasonal", fit.seasonal(), &floats(&c["seasonal"]));
    assert_close("trend", fit.trend(), &floats(&c["trend"]));
    assert_eq!(fit.windows()[0], 10 * 144 + 1);
}

#[test]
fn airpassengers_equals_statsmodels_in_r_config() {
    // statsmodels 0.15 STL(period=12, seasonal=7, trend=23, low_pass=13, seasonal_deg=0,
    // jumps 1/3/2).fit(inner_iter=2, outer_iter=0)
    let r = load("airpassengers.json");
    let y = floats(&r["input"]["y"]);
    let fit = stl(&y, 12, StlOptions::default()).unwrap();
    let c = &r["stl_R_stl_swindow7_equivalent"];
    assert_close("seasonal", fit.seasonal(), &floats(&c["seasonal"]));
    assert_close("trend", fit.trend(), &floats(&c["trend"]));
    assert_close("resid", fit.remainder(), &floats(&c["resid"]));
}

#[allow(clippy::needless_range_loop)] // parallel arrays read by position
mod properties {
    use corridor::stats::{
        StlOptions,
        decompose::{Robustness, SeasonalWindow},
        stl,
    };
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any input gives a decomposition or an error, never a panic; a decomposition adds up.
        #[test]
        fn never_panics_and_adds_up(
            y in prop::collection::vec(prop_oneof![-1e6..1e6_f64, Just(f64::NAN), Just(f64::INFINITY), Just(1e300)], 0..80),
            period in 0usize..12,
            robust in any::<bool>(),
            periodic in any::<bool>(),
        ) {
            let mut o = StlOptions::default();
            if robust { o = o.robustness(Robustness::Robust); }
            if periodic { o = o.seasonal_window(SeasonalWindow::Periodic); }
            if let Ok(fit) = stl(&y, period, o) {
                for i in 0..y.len() {
                    let s = fit.seasonal()[i] + fit.trend()[i] + fit.remainder()[i];
                    prop_assert!((s - y[i]).abs() <= 1e-9 * y[i].abs().max(1.0));
                    prop_assert!((0.0..=1.0).contains(&fit.weights()[i]));
                }
            }
        }

        /// A constant series has no seasonal and no remainder (loess reproduces constants).
        #[test]
        fn constant_series_is_all_trend(c in -1e3..1e3_f64, n in 9usize..60, robust in any::<bool>()) {
            let y = vec![c; n];
            let o = if robust { StlOptions::default().robustness(Robustness::Robust) } else { StlOptions::default() };
            let fit = stl(&y, 4, o).unwrap();
            for i in 0..n {
                prop_assert!(fit.seasonal()[i].abs() <= 1e-9 * c.abs().max(1.0));
                prop_assert!((fit.trend()[i] - c).abs() <= 1e-9 * c.abs().max(1.0));
            }
        }
    }
}

#[test]
fn errors_name_the_bad_value() {
    let y = vec![1.0; 30];
    let e = stl(&y, 1, StlOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "invalid period = 1: must be at least 2");
    let e = stl(&y[..24], 12, StlOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "stl needs at least 25 observations, got 24");
    let e = stl(&y, 4, StlOptions::default().trend_window(8)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid trend window = 8: must be an odd integer of at least 3"
    );
    let mut z = y.clone();
    z[5] = f64::NAN;
    let e = stl(&z, 4, StlOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "value at index 5 is not finite: NaN");
    assert!(stl(&y, usize::MAX, StlOptions::default()).is_err());
    let big = vec![1.7e308; 10];
    let e = stl(&big, 2, StlOptions::default()).unwrap_err();
    assert!(e.to_string().starts_with("stl: the fit overflowed"), "{e}");
}

/// Cases of tests/reference-scripts/ts.R (R 4.2.2 `stl`), stored in ts.json.
#[test]
fn ts_json_cases_equal_r() {
    use corridor::stats::decompose::LoessDegree;
    type Options = fn(StlOptions) -> StlOptions;
    let r = load("ts.json");
    let cases: [(&str, Options); 5] = [
        ("stl_co2_swindow35", |o| o.seasonal_window(SeasonalWindow::Span(35))),
        ("stl_co2_robust", |o| {
            o.seasonal_window(SeasonalWindow::Span(13))
                .robustness(Robustness::Robust)
        }),
        ("stl_nottem_periodic", |o| o.seasonal_window(SeasonalWindow::Periodic)),
        ("stl_nottem_custom", |o| {
            o.seasonal_window(SeasonalWindow::Span(9))
                .trend_window(31)
                .low_pass_window(15)
                .seasonal_degree(LoessDegree::Linear)
                .trend_jump(1)
        }),
        ("stl_daily7_robust", |o| o.robustness(Robustness::Robust)),
    ];
    for (key, options) in cases {
        let c = &r[key];
        let y = floats(&c["y"]);
        let period = c["period"].as_u64().unwrap() as usize;
        let fit = stl(&y, period, options(StlOptions::default())).unwrap();
        assert_close(&format!("{key} seasonal"), fit.seasonal(), &floats(&c["seasonal"]));
        assert_close(&format!("{key} trend"), fit.trend(), &floats(&c["trend"]));
        assert_close(&format!("{key} remainder"), fit.remainder(), &floats(&c["remainder"]));
        assert_close(&format!("{key} weights"), fit.weights(), &floats(&c["weights"]));
        let w = &c["windows"];
        let j = &c["jumps"];
        let as_us = |v: &Value| v.as_u64().unwrap() as usize;
        assert_eq!(fit.windows(), [as_us(&w["s"]), as_us(&w["t"]), as_us(&w["l"])], "{key}");
        assert_eq!(fit.jumps(), [as_us(&j["s"]), as_us(&j["t"]), as_us(&j["l"])], "{key}");
    }
}

/// Robust STL with outliers of both signs, cases of `tests/reference-scripts/stl_outliers.R`
/// (R 4.2.2 `stl(..., robust = TRUE)`: inner 1, outer 15; stored in `stl_outliers.json`). Each
/// series is rebuilt here from the script's formula and checked against R's input first.
#[test]
fn outliers_of_both_signs_equal_r_robust() {
    // `line4`'s residuals away from the outliers are about 4e-6 against values near 40, so
    // rounding (1e-13 in the fit) moves its weights by about 2e-9; the others use TOL_REL.
    const TOL_WEIGHTS_NEAR_EXACT_FIT: f64 = 1e-8;
    let r = load("stl_outliers.json");
    let seasonal4 = |t: u32| [3.0, -1.0, -4.0, 2.0][t as usize % 4];
    let line4: Vec<f64> = (0..48_u32)
        .map(|t| f64::from(t) + seasonal4(t) + spike(t, &[(20, 60.0), (30, -50.0)]))
        .collect();
    let wiggle4: Vec<f64> = (0..49_u32)
        .map(|t| {
            let x = f64::from(t);
            x + seasonal4(t) + 0.5 * (1.3 * x).sin() + spike(t, &[(20, 60.0), (30, -50.0)])
        })
        .collect();
    let monthly: Vec<f64> = (0..96_u32)
        .map(|t| {
            let x = f64::from(t);
            0.8 * x
                + 10.0 * (2.0 * std::f64::consts::PI * x / 12.0).sin()
                + 2.0 * (0.9 * x).cos()
                + spike(t, &[(20, 60.0), (30, -50.0), (61, -45.0)])
        })
        .collect();
    let robust = StlOptions::default().robustness(Robustness::Robust);
    let cases = [
        ("line4_two_outliers", &line4, 4, robust, TOL_WEIGHTS_NEAR_EXACT_FIT),
        ("wiggle4_two_outliers_odd", &wiggle4, 4, robust, TOL_REL),
        (
            "wiggle4_two_outliers_periodic",
            &wiggle4,
            4,
            robust.seasonal_window(SeasonalWindow::Periodic),
            TOL_REL,
        ),
        (
            "monthly_three_outliers",
            &monthly,
            12,
            robust.seasonal_window(SeasonalWindow::Span(13)),
            TOL_REL,
        ),
    ];
    for (key, y, period, options, tol_weights) in cases {
        let c = &r[key];
        assert_close(&format!("{key} input"), y, &floats(&c["y"]));
        assert_eq!(c["period"].as_u64(), Some(period as u64), "{key}");
        assert_eq!((c["inner"].as_u64(), c["outer"].as_u64()), (Some(1), Some(15)), "{key}");
        let fit = stl(y, period, options).unwrap();
        let want = floats(&c["weights"]);
        for (i, (a, b)) in fit.weights().iter().zip(&want).enumerate() {
            assert!((a - b).abs() <= tol_weights, "{key} weights[{i}]: ours {a}, R {b}");
        }
        assert_close(&format!("{key} seasonal"), fit.seasonal(), &floats(&c["seasonal"]));
        assert_close(&format!("{key} trend"), fit.trend(), &floats(&c["trend"]));
        assert_close(&format!("{key} remainder"), fit.remainder(), &floats(&c["remainder"]));
        // R gives both outliers, the upward one and the downward one, weight 0.
        assert_eq!((want[20], want[30]), (0.0, 0.0), "{key}: R's weights");
        assert_eq!(
            (fit.weights()[20], fit.weights()[30]),
            (0.0, 0.0),
            "{key}: +60 at 20, -50 at 30"
        );
    }
}

/// `value` added at each listed position, 0 elsewhere.
fn spike(t: u32, at: &[(u32, f64)]) -> f64 {
    at.iter().filter(|(i, _)| *i == t).map(|(_, v)| v).sum()
}

/// Compile-time check: the public time-series types are Send, Sync, Debug and Clone.
#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone>() {}
    use corridor::stats::{
        Stl, StlOptions,
        decompose::LoessDegree,
        forecast::{
            EtsErrorType, EtsFit, EtsModel, EtsSeason, EtsSpec, EtsTrend, Forecast, HoltWinters, HoltWintersFit,
            HwSeasonal, HwTrend,
        },
    };
    check::<Stl>();
    check::<StlOptions>();
    check::<SeasonalWindow>();
    check::<Robustness>();
    check::<LoessDegree>();
    check::<HoltWintersFit>();
    check::<HoltWinters<'static>>();
    check::<HwTrend>();
    check::<HwSeasonal>();
    check::<Forecast>();
    check::<EtsFit>();
    check::<EtsSpec>();
    check::<EtsModel>();
    check::<EtsErrorType>();
    check::<EtsTrend>();
    check::<EtsSeason>();
}
