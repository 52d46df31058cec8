//! Hostile sizes and parameters through the public `stats` API: every case is an error or a
//! documented answer, never a panic, an abort, a hang or a NaN passed off as a result.

use corridor::stats::{
    Estimate, Its, StatsError,
    bootstrap::Bootstrap,
    forecast::{EtsModel, HoltWinters, ets},
    its::Seasonality,
    regression::{CovType, Design, Ols, Reference, SmallSample},
    trend::{Trend, hamed_rao, seasonal_mann_kendall, seasonal_sens_slope},
};

/// pymannkendall 1.4.3 `hamed_rao_modification_test(range(20))`: trend 'no trend', p NaN, z NaN,
/// `var_s` NaN, s 190, Tau 1.0 (the detrended ranks are constant, so no autocorrelation exists).
#[test]
fn hamed_rao_on_a_linear_series_is_no_trend_with_nan_statistics() {
    let xs: Vec<f64> = (0..20).map(f64::from).collect();
    let hr = hamed_rao(&xs, 0.05, None).unwrap();
    assert_eq!(hr.trend(), Trend::NoTrend);
    assert!(hr.z().is_nan() && hr.p_value().is_nan() && hr.var_s().is_nan());
    assert_eq!(hr.s(), 190.0);
    assert_eq!(hr.tau(), 1.0);
}

#[test]
fn a_period_beyond_any_series_is_an_error_not_a_wrap() {
    let xs = [1.0, 2.0, 3.0, 4.0];
    for period in [usize::MAX, usize::MAX / 2 + 1, 3] {
        assert!(matches!(
            seasonal_mann_kendall(&xs, period),
            Err(StatsError::TooShort { .. })
        ));
        assert!(matches!(
            seasonal_sens_slope(&xs, period),
            Err(StatsError::TooShort { .. })
        ));
    }
}

#[test]
fn fourier_pairs_whose_double_overflows_are_rejected() {
    let y: Vec<f64> = (0..40).map(|t| f64::from(t % 12) + f64::from(t) * 0.1).collect();
    let r = Its::new(&y, 20)
        .seasonality(Seasonality::Fourier {
            period: 12,
            pairs: usize::MAX / 2 + 1,
        })
        .fit();
    assert!(matches!(r, Err(StatsError::InvalidParameter { .. })));
}

#[test]
fn hac_with_the_largest_lag_does_not_overflow() {
    let t: Vec<f64> = (0..30).map(f64::from).collect();
    let y: Vec<f64> = t.iter().map(|v| 2.0 + 0.5 * v + (v * 1.7).sin()).collect();
    let x = Design::with_intercept(&[&t[..]]).unwrap();
    let fit = Ols::new(&x, &y)
        .cov_type(CovType::Hac {
            lag: usize::MAX,
            small_sample: SmallSample::None,
        })
        .fit()
        .unwrap();
    assert!(fit.std_errors().iter().all(|s| s.is_finite()));
}

#[test]
fn replicates_that_cannot_be_allocated_are_an_error() {
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let r = Bootstrap::new(usize::MAX).run(&[1.0, 2.0, 3.0], mean);
    assert!(matches!(
        r,
        Err(StatsError::InvalidParameter { name: "replicates", .. })
    ));
}

/// Huge replicates: the standard error is the standard deviation of the replicates, finite even
/// where their squares overflow (Python `statistics.stdev([1e308, -1e308])` = 1.4142135623730951e308
/// is the largest spread two such replicates can have).
#[test]
fn bootstrap_summaries_of_huge_replicates_are_finite() {
    let data = [1e308, -1e308, 1e308, -1e308];
    let first = |xs: &[f64]| xs[0];
    let b = Bootstrap::new(200).seed(3).run(&data, first).unwrap();
    assert!(b.std_error().is_finite() && b.std_error() <= 1.414_213_562_373_095_1e308);
    assert!(b.bias().is_finite());
}

/// A t reference with no valid degrees of freedom reaches no statrs `unwrap`: NaN, documented.
#[test]
fn student_t_with_invalid_df_is_nan_not_a_panic() {
    for df in [0.0, -3.0, f64::NAN, f64::NEG_INFINITY] {
        let r = Reference::StudentT { df };
        assert!(r.two_sided_p(2.0).is_nan());
        let e = Estimate::new(1.0, 0.5, r);
        assert!(e.p_value().is_nan());
        let (lo, hi) = e.confidence_interval(0.95).unwrap().bounds();
        assert!(lo.is_nan() && hi.is_nan());
    }
    // df = ∞ is the normal: R 2 * pnorm(-2) = 0.04550026.
    let p = Reference::StudentT { df: f64::INFINITY }.two_sided_p(2.0);
    assert!((p - 0.045_500_263_896_358_42).abs() < 1e-9);
}

/// A forecast horizon that cannot be allocated is an error from `predict` (it aborted the process with
/// "memory allocation of 9223372036854775800 bytes failed" in ETS, and with a capacity overflow in
/// Holt–Winters).
#[test]
fn horizons_that_cannot_be_allocated_are_an_error() {
    let y: Vec<f64> = (0..40)
        .map(|i| 100.0 + f64::from(i) + 5.0 * (f64::from(i) * 0.9).sin())
        .collect();
    let fit = ets(&y, 1, EtsModel::Auto).unwrap();
    for h in [usize::MAX, usize::MAX / 16, 1 << 60] {
        assert!(
            matches!(
                fit.predict(h, 0.95),
                Err(StatsError::InvalidParameter { name: "horizon", .. })
            ),
            "ets h = {h}"
        );
        assert!(fit.predict_simulated(h, 0.95, 10, 0).is_err(), "ets simulated h = {h}");
    }
    assert_eq!(fit.predict(3, 0.95).unwrap().mean().len(), 3);
    let hw = HoltWinters::new(&y, 4).fit().unwrap();
    for h in [usize::MAX, usize::MAX / 16, 1 << 60] {
        assert!(
            matches!(
                hw.predict(h, 0.95),
                Err(StatsError::InvalidParameter { name: "horizon", .. })
            ),
            "holt-winters h = {h}"
        );
    }
}

/// A seasonal period far beyond the series is too short for an interrupted time series, not an abort
/// while naming `usize::MAX` dummy columns.
#[test]
fn its_with_a_huge_seasonal_period_is_too_short() {
    let y: Vec<f64> = (0..40).map(|t| f64::from(t % 12) + f64::from(t) * 0.1).collect();
    for period in [usize::MAX, 1 << 40, 40] {
        let r = Its::new(&y, 20).seasonality(Seasonality::Dummies { period }).fit();
        assert!(matches!(r, Err(StatsError::TooShort { .. })), "period {period}: {r:?}");
    }
}
