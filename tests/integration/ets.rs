//! ETS against R `forecast::ets` / `forecast.ets` (R 4.2.2, forecast 8.20) and statsmodels 0.15 `ETSModel`.
//!
//! Optimised fits are not promised to agree exactly across implementations, but ours uses forecast's
//! start values, objective, bounds and R's Nelder–Mead, and on `AirPassengers` it lands on R's optimum:
//! parameters, log-likelihood, `AICc`, means and intervals agree to `TOL_R` (observed ~1e-12).
//! Against statsmodels (other initialisation and likelihood) only forecasts are compared, to `TOL_SM`.

use crate::common;
use common::{floats, load, spec_of};
use corridor::stats::forecast::{EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
use serde_json::Value;

/// Relative tolerance against R `forecast::ets` (documented: far inside the 1 % `AICc` / 2 % forecast targets).
const TOL_R: f64 = 1e-6;
/// Relative tolerance of point forecasts against statsmodels `ETSModel` (different initialisation).
const TOL_SM: f64 = 0.02;

fn close(what: &str, a: f64, b: f64, tol: f64) {
    common::close_to(a, b, tol, 1e-3, what);
}

fn close_all(what: &str, a: &[f64], b: &[f64], tol: f64) {
    assert_eq!(a.len(), b.len(), "{what}: length");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        close(&format!("{what}[{i}]"), *x, *y, tol);
    }
}

/// Everything a reference case from R holds, against our fit, to [`TOL_R`]: the class (`method`), the
/// smoothing parameters and initial states of R's `par` (`l`, `b`, `s0`…), the first state (`initstate`),
/// `loglik`, `aic`, `aicc`, `bic`, `sigma2`, and the `mean` and 80 / 95 % bounds of R's `forecast`. Keys a
/// case does not hold are skipped. Smoothing parameters are compared absolutely below 1, since forecast's
/// optimum often sits at its lower bound 1e-4.
fn check_r_fit(what: &str, fit: &corridor::stats::forecast::EtsFit, c: &Value) {
    if let Some(method) = c.get("method") {
        assert_eq!(fit.spec().to_string(), method.as_str().unwrap(), "{what}");
    }
    let par = &c["par"];
    for (name, ours) in [
        ("alpha", fit.alpha()),
        ("beta", fit.beta()),
        ("gamma", fit.gamma()),
        ("phi", fit.phi()),
    ] {
        if let Some(r) = par.get(name).and_then(Value::as_f64) {
            assert!(
                (ours - r).abs() <= TOL_R * r.abs().max(1.0),
                "{what} {name}: ours {ours}, R {r}"
            );
        }
    }
    let states = fit.initial_states();
    let state_names = ["l".to_string(), "b".to_string()]
        .into_iter()
        .chain((0..states.len()).map(|k| format!("s{k}")));
    let mut next = 0;
    for name in state_names {
        if let Some(r) = par.get(&name).and_then(Value::as_f64) {
            close(&format!("{what} {name}"), states[next], r, TOL_R);
            next += 1;
        }
    }
    assert!(
        next > 0 || c.get("initstate").is_some(),
        "{what}: no initial state in the reference"
    );
    if let Some(init) = c.get("initstate") {
        close_all(&format!("{what} initial state"), states, &floats(init), TOL_R);
    }
    for (key, ours) in [
        ("loglik", fit.log_likelihood()),
        ("aic", fit.aic()),
        ("aicc", fit.aicc()),
        ("bic", fit.bic()),
        ("sigma2", fit.sigma2()),
    ] {
        if let Some(r) = c.get(key).and_then(Value::as_f64) {
            close(&format!("{what} {key}"), ours, r, TOL_R);
        }
    }
    let mean = floats(&c["mean"]);
    for (level, lower, upper) in [(0.80, "lower80", "upper80"), (0.95, "lower95", "upper95")] {
        let p = fit.predict(mean.len(), level).unwrap();
        close_all(&format!("{what} mean"), p.mean(), &mean, TOL_R);
        for (key, ours) in [(lower, p.lower()), (upper, p.upper())] {
            if let Some(r) = c.get(key) {
                close_all(&format!("{what} {key}"), ours, &floats(r), TOL_R);
            }
        }
    }
}

#[test]
fn airpassengers_auto_selects_r_class_and_optimum() {
    // R: fit <- ets(AirPassengers); forecast(fit, 12)  -> ETS(M,Ad,M)
    let r = load("airpassengers_R.json");
    let y = floats(&r["input"]["y"]);
    let c = &r["forecast_ets_auto"];
    let fit = ets(&y, 12, EtsModel::Auto).unwrap();
    check_r_fit("ets(AirPassengers)", &fit, c);
}

#[test]
fn log_airpassengers_aaa_equals_r() {
    // R: ets(log(AirPassengers), model = "AAA", damped = FALSE); forecast(fit, 12)
    let r = load("airpassengers_R.json");
    let y: Vec<f64> = floats(&r["input"]["y"]).iter().map(|v| v.ln()).collect();
    let spec = EtsSpec {
        error: EtsErrorType::Additive,
        trend: EtsTrend::Additive,
        season: EtsSeason::Additive,
    };
    let fit = ets(&y, 12, EtsModel::Fixed(spec)).unwrap();
    check_r_fit("log AAA", &fit, &r["forecast_ets_AAA_log"]);
}

#[test]
fn forecasts_near_statsmodels() {
    // statsmodels 0.15 ETSModel AAA on log(AirPassengers) and MAdM on AirPassengers (airpassengers.json).
    let r = load("airpassengers.json");
    let y = floats(&r["input"]["y"]);
    let ly: Vec<f64> = y.iter().map(|v| v.ln()).collect();
    let aaa = EtsSpec {
        error: EtsErrorType::Additive,
        trend: EtsTrend::Additive,
        season: EtsSeason::Additive,
    };
    let fit = ets(&ly, 12, EtsModel::Fixed(aaa)).unwrap();
    close_all(
        "AAA log",
        &fit.forecast(12),
        &floats(&r["ets_AAA_log_optimized"]["forecast_mean"]),
        TOL_SM,
    );
    let madm = EtsSpec {
        error: EtsErrorType::Multiplicative,
        trend: EtsTrend::AdditiveDamped,
        season: EtsSeason::Multiplicative,
    };
    let fit = ets(&y, 12, EtsModel::Fixed(madm)).unwrap();
    close_all(
        "MAdM",
        &fit.forecast(12),
        &floats(&r["ets_MAdM_optimized"]["forecast_12"]),
        TOL_SM,
    );
}

#[test]
fn bad_inputs_are_errors() {
    let y: Vec<f64> = (1..=60).map(f64::from).collect();
    let mam = EtsSpec {
        error: EtsErrorType::Additive,
        trend: EtsTrend::None,
        season: EtsSeason::Multiplicative,
    };
    // (A,N,M) is fitted (R with restrict = FALSE), but needs positive data.
    assert!(ets(&y, 12, EtsModel::Fixed(mam)).is_ok());
    let mut with_zero = y.clone();
    with_zero[7] = 0.0;
    assert!(ets(&with_zero, 12, EtsModel::Fixed(mam)).is_err());
    let mnn = EtsSpec {
        error: EtsErrorType::Multiplicative,
        trend: EtsTrend::None,
        season: EtsSeason::None,
    };
    let mut z = y.clone();
    z[4] = -1.0;
    assert!(ets(&z, 1, EtsModel::Fixed(mnn)).is_err());
    let ana = EtsSpec {
        error: EtsErrorType::Additive,
        trend: EtsTrend::None,
        season: EtsSeason::Additive,
    };
    // No more than one period (R drops the season), or fewer observations than parameters + 5.
    assert!(ets(&y[..12], 12, EtsModel::Fixed(ana)).is_err());
    assert!(ets(&y[..18], 12, EtsModel::Fixed(ana)).is_err());
    assert!(ets(&y[..19], 12, EtsModel::Fixed(ana)).is_ok());
    assert!(ets(&y, 30, EtsModel::Fixed(ana)).is_err());
    assert!(ets(&y, 0, EtsModel::Auto).is_err());
    z[4] = f64::NAN;
    let e = ets(&z, 1, EtsModel::Auto).unwrap_err();
    assert_eq!(e.to_string(), "value at index 4 is not finite: NaN");
    assert!(ets(&y[..3], 1, EtsModel::Auto).is_err());
}

mod properties {
    use corridor::stats::forecast::{EtsModel, ets};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// Any input gives a fit or an error, never a panic.
        #[test]
        fn never_panics(
            y in prop::collection::vec(prop_oneof![-1e3..1e3_f64, 1.0..1e3_f64, Just(f64::NAN)], 0..40),
            period in 0usize..5,
        ) {
            if let Ok(fit) = ets(&y, period, EtsModel::Auto) {
                let _ = fit.predict(4, 0.8);
                prop_assert_eq!(fit.forecast(4).len(), 4);
            }
        }
    }
}

/// Cases of tests/reference-scripts/ts.R (R 4.2.2, forecast 8.20), stored in ts.json.
#[test]
fn ts_json_cases_equal_r() {
    let r = load("ts.json");
    let spec = |e, t, s| {
        EtsModel::Fixed(EtsSpec {
            error: e,
            trend: t,
            season: s,
        })
    };
    let cases = [
        ("ets_co2_auto", EtsModel::Auto),
        ("ets_wwwusage_auto", EtsModel::Auto),
        ("ets_nile_auto", EtsModel::Auto),
        (
            "ets_ap_MNA",
            spec(EtsErrorType::Multiplicative, EtsTrend::None, EtsSeason::Additive),
        ),
        (
            "ets_ap_ANA",
            spec(EtsErrorType::Additive, EtsTrend::None, EtsSeason::Additive),
        ),
        (
            "ets_ap_MAN_damped",
            spec(EtsErrorType::Multiplicative, EtsTrend::AdditiveDamped, EtsSeason::None),
        ),
    ];
    for (key, model) in cases {
        let c = &r[key];
        let y = floats(&c["y"]);
        let period = c["period"].as_u64().unwrap() as usize;
        let fit = ets(&y, period, model).unwrap();
        check_r_fit(key, &fit, c);
    }
}

#[test]
fn constant_series_forecasts_the_constant() {
    // Property (no reference needed): every ETS class reproduces a constant series exactly.
    let y = vec![5.0; 30];
    let fit = ets(&y, 1, EtsModel::Auto).unwrap();
    for f in fit.forecast(5) {
        assert!((f - 5.0).abs() < 1e-6, "{f}");
    }
}

#[test]
fn short_series_search_tries_every_class_r_does() {
    // R 4.2.2, forecast 8.20: tests/reference-scripts/ets_short.R. R tries a class while it has fewer
    // optimised parameters than n - 1, so ETS(A,A,N) (4 parameters) competes at n = 8 and wins; below 7
    // observations R returns a non-optimised Holt-Winters fit, which we do not reproduce (an error).
    let r = load("ets_short.json");
    for c in r["nonseasonal"].as_array().unwrap() {
        let y = floats(&c["y"]);
        let fit = ets(&y, 1, EtsModel::Auto).unwrap();
        check_r_fit(&format!("n = {}", y.len()), &fit, c);
        let mt = ets(&y, 1, EtsModel::AutoWithMultiplicativeTrend).unwrap();
        assert_eq!(mt.spec().to_string(), c["method_mt"].as_str().unwrap());
    }
    let y = floats(&r["nonseasonal"][0]["y"]);
    let err = ets(&y[..6], 1, EtsModel::Auto).unwrap_err().to_string();
    assert!(err.contains('7') && err.contains('6'), "{err}");
}

#[test]
fn seasonal_series_shorter_than_three_periods_equal_r() {
    // R 4.2.2, forecast 8.20: tests/reference-scripts/ets_short.R. With fewer than three periods forecast's
    // initstate takes the seasonal start from a line plus one Fourier pair instead of `decompose`.
    let r = load("ets_short.json");
    for c in r["seasonal"].as_array().unwrap() {
        let y = floats(&c["y"]);
        let period = c["period"].as_u64().unwrap() as usize;
        let code = c["model"].as_str().unwrap();
        let model = if code == "ZZZ" {
            EtsModel::Auto
        } else {
            let damped = if c["damped"].as_bool().unwrap() { "d" } else { "" };
            let (e, t, s) = (&code[0..1], &code[1..2], &code[2..3]);
            EtsModel::Fixed(spec_of(&format!("ETS({e},{t}{damped},{s})")))
        };
        let fit = ets(&y, period, model).unwrap();
        check_r_fit(c["call"].as_str().unwrap(), &fit, c);
    }
}

/// Class 2 (multiplicative error, season and trend none or additive) has a variance recursion that is
/// quadratic in the horizon: `predict` takes at most `EtsFit::MAX_MULTIPLICATIVE_ERROR_HORIZON` steps and
/// refuses more with an error naming the horizon (it used to run for hours at a horizon of 10⁶), while the
/// simulated intervals and the classes with linear recursions take longer horizons.
#[test]
fn multiplicative_error_prediction_horizon_is_bounded() {
    use corridor::stats::StatsError;
    use corridor::stats::forecast::EtsFit;
    let r = load("airpassengers_R.json");
    let y = floats(&r["input"]["y"]);
    let mna = EtsSpec {
        error: EtsErrorType::Multiplicative,
        trend: EtsTrend::None,
        season: EtsSeason::Additive,
    };
    let fit = ets(&y, 12, EtsModel::Fixed(mna)).unwrap();
    let max = EtsFit::MAX_MULTIPLICATIVE_ERROR_HORIZON;
    assert_eq!(max, 10_000);
    match fit.predict(max + 1, 0.95) {
        Err(StatsError::InvalidParameter {
            name: "horizon",
            value,
            reason,
        }) => {
            assert_eq!(value, "10001");
            assert!(reason.contains("predict_simulated"), "{reason}");
        }
        other => panic!("expected a horizon error, got {other:?}"),
    }
    assert!(fit.predict(usize::MAX, 0.95).is_err());
    // At the bound: the first values are those of a short horizon (the recursion does not depend on h).
    let long = fit.predict(max, 0.95).unwrap();
    let short = fit.predict(24, 0.95).unwrap();
    assert_eq!(long.mean().len(), max);
    assert_eq!(&long.mean()[..24], short.mean());
    assert_eq!(&long.lower()[..24], short.lower());
    assert_eq!(&long.upper()[..24], short.upper());
    assert!(long.upper().iter().all(|v| !v.is_nan()));
    // Additive errors (class 1) have no such bound.
    let ana = EtsSpec {
        error: EtsErrorType::Additive,
        ..mna
    };
    let fit = ets(&y, 12, EtsModel::Fixed(ana)).unwrap();
    assert_eq!(fit.predict(max + 1, 0.95).unwrap().mean().len(), max + 1);
}
