//! Descriptive helpers against numpy 2.4.6 / pandas 3.1.1 (`tests/reference-scripts/descriptive.py`)
//! and the Darién arithmetic in `tests/data/reference/darien_descriptive.json`.

use crate::common;
use common::load;
use corridor::stats::descriptive::{
    Change, GapPolicy, Window, compound_growth_rate, cumulative_sum, dropping_gaps, herfindahl, index_to_base, mean,
    median, peak, percent_change, quantile, quantiles, ratio_to, ratio_to_base, rolling_mean, rolling_sum,
    seasonal_change, shares, std_dev, sum, top_k_share, trough, variance,
};
use proptest::prelude::*;
use serde_json::Value;

/// Relative tolerance: same formulas as numpy/pandas, summation order may differ (numpy sums
/// pairwise, pandas' rolling windows add and subtract), so a few ulps apart.
const REL: f64 = 1e-9;

fn vec_f64(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

fn vec_opt(v: &Value) -> Vec<Option<f64>> {
    v.as_array().unwrap().iter().map(Value::as_f64).collect()
}

#[track_caller]
fn close(got: f64, want: f64) {
    common::close_to(got, want, REL, 1e-12, "value");
}

#[track_caller]
fn close_opt(got: &[Option<f64>], want: &[Option<f64>]) {
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        match (g, w) {
            (Some(g), Some(w)) => close(*g, *w),
            (None, None) => {}
            _ => panic!("position {i}: got {g:?}, want {w:?}"),
        }
    }
}

/// pandas' `min_periods=1` also fills edge positions whose window does not fit; we leave those
/// `None`, so compare only where our result is `Some` and require `None` exactly at the edges.
#[track_caller]
fn close_full_windows(got: &[Option<f64>], want: &[Option<f64>], k: usize, window: Window) {
    let back = if window == Window::Trailing { k - 1 } else { k / 2 };
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let fits = i >= back && i - back + k <= got.len();
        if fits {
            close_opt(&[*g], &[*w]);
        } else {
            assert_eq!(*g, None, "edge position {i}");
        }
    }
}

#[test]
fn plain_series_against_numpy_pandas() {
    let d = load("descriptive.json");
    for (name, c) in d["plain"].as_object().unwrap() {
        let y = vec_f64(&c["y"]);
        let yo: Vec<Option<f64>> = y.iter().copied().map(Some).collect();
        close(sum(&y).unwrap(), c["sum"].as_f64().unwrap());
        close(mean(&y).unwrap(), c["mean"].as_f64().unwrap());
        close(median(&y).unwrap(), c["median"].as_f64().unwrap());
        close(variance(&y).unwrap(), c["var_ddof1"].as_f64().unwrap());
        close(std_dev(&y).unwrap(), c["std_ddof1"].as_f64().unwrap());
        let probs = vec_f64(&c["probs"]);
        let want = vec_f64(&c["quantile_linear"]);
        for (q, w) in quantiles(&y, &probs).unwrap().iter().zip(&want) {
            close(*q, *w);
        }
        for (p, w) in probs.iter().zip(&want) {
            close(quantile(&y, *p).unwrap(), *w);
        }
        let pk = peak(&y).unwrap();
        assert_eq!(
            (pk.index() as u64, pk.value()),
            (c["argmax"].as_u64().unwrap(), c["max"].as_f64().unwrap()),
            "{name}"
        );
        let tr = trough(&y).unwrap();
        assert_eq!(
            (tr.index() as u64, tr.value()),
            (c["argmin"].as_u64().unwrap(), c["min"].as_f64().unwrap()),
            "{name}"
        );
        let cs: Vec<Option<f64>> = vec_f64(&c["cumsum"]).into_iter().map(Some).collect();
        close_opt(&cumulative_sum(&yo, GapPolicy::Error).unwrap(), &cs);
        for (g, w) in index_to_base(&y, 0)
            .unwrap()
            .iter()
            .zip(vec_f64(&c["index_to_first_x100"]))
        {
            close(*g, w);
        }
        for k in 2..=5 {
            let Some(want) = c.get(format!("rolling_mean_{k}")) else {
                continue;
            };
            close_opt(
                &rolling_mean(&yo, k, Window::Trailing, GapPolicy::Error).unwrap(),
                &vec_opt(want),
            );
            close_opt(
                &rolling_sum(&yo, k, Window::Trailing, GapPolicy::Error).unwrap(),
                &vec_opt(&c[format!("rolling_sum_{k}")]),
            );
            close_opt(
                &rolling_mean(&yo, k, Window::Centred, GapPolicy::Error).unwrap(),
                &vec_opt(&c[format!("rolling_mean_{k}_center")]),
            );
            close_opt(
                &rolling_sum(&yo, k, Window::Centred, GapPolicy::Error).unwrap(),
                &vec_opt(&c[format!("rolling_sum_{k}_center")]),
            );
        }
        if let Some(want) = c.get("diff_2") {
            close_opt(&seasonal_change(&yo, 2, Change::Difference).unwrap(), &vec_opt(want));
            close_opt(
                &seasonal_change(&yo, 2, Change::Percent).unwrap(),
                &vec_opt(&c["pct_change_2_x100"]),
            );
        }
        if let Some(want) = c.get("shares") {
            for (g, w) in shares(&y).unwrap().iter().zip(vec_f64(want)) {
                close(*g, w);
            }
            close(herfindahl(&y).unwrap(), c["hhi"].as_f64().unwrap());
            close(top_k_share(&y, 3).unwrap(), c["top3_share"].as_f64().unwrap());
        }
    }
}

#[test]
fn gappy_series_against_pandas() {
    let d = load("descriptive.json");
    let c = &d["gaps"]["gaps_n14"];
    let y = vec_opt(&c["y"]);
    close_opt(
        &cumulative_sum(&y, GapPolicy::Skip).unwrap(),
        &vec_opt(&c["cumsum_skipna"]),
    );
    close_opt(
        &rolling_mean(&y, 3, Window::Trailing, GapPolicy::Propagate).unwrap(),
        &vec_opt(&c["rolling_mean_3_propagate"]),
    );
    close_full_windows(
        &rolling_mean(&y, 3, Window::Trailing, GapPolicy::Skip).unwrap(),
        &vec_opt(&c["rolling_mean_3_minp1"]),
        3,
        Window::Trailing,
    );
    close_full_windows(
        &rolling_sum(&y, 4, Window::Centred, GapPolicy::Skip).unwrap(),
        &vec_opt(&c["rolling_sum_4_center_minp1"]),
        4,
        Window::Centred,
    );
    close_opt(
        &rolling_sum(&y, 4, Window::Centred, GapPolicy::Propagate).unwrap(),
        &vec_opt(&c["rolling_sum_4_center_propagate"]),
    );
    close_opt(
        &seasonal_change(&y, 3, Change::Difference).unwrap(),
        &vec_opt(&c["diff_3"]),
    );
    close_opt(
        &seasonal_change(&y, 3, Change::Percent).unwrap(),
        &vec_opt(&c["pct_change_3_x100"]),
    );
    close(mean(&dropping_gaps(&y)).unwrap(), c["mean_skipna"].as_f64().unwrap());
    let pk = corridor::stats::descriptive::peak_with_gaps(&y, GapPolicy::Skip).unwrap();
    assert_eq!(pk.index() as u64, c["idxmax_skipna"].as_u64().unwrap());
    let tr = corridor::stats::descriptive::trough_with_gaps(&y, GapPolicy::Skip).unwrap();
    assert_eq!(tr.index() as u64, c["idxmin_skipna"].as_u64().unwrap());
    assert!(corridor::stats::descriptive::peak_with_gaps(&y, GapPolicy::Propagate).is_err());
    assert!(corridor::stats::descriptive::trough_with_gaps(&[None], GapPolicy::Skip).is_err());
    assert!(rolling_mean(&y, 3, Window::Trailing, GapPolicy::Error).is_err());
    assert!(cumulative_sum(&y, GapPolicy::Error).is_err());
}

#[test]
fn reference_files_of_the_skeleton() {
    let d = load("darien_descriptive.json");
    let i = &d["input"];
    let f = |v: &Value| v.as_f64().unwrap();
    close(
        percent_change(f(&i["peak_per_day_aug"]), f(&i["later_per_day"])).unwrap(),
        f(&d["pct_change_peak_to_later"]),
    );
    close(
        ratio_to(f(&i["year_total"]), f(&i["normal_year_total"])).unwrap(),
        f(&d["ratio_year_to_normal"]),
    );
    close(
        percent_change(f(&i["normal_year_total"]), f(&i["year_total"])).unwrap(),
        f(&d["pct_above_normal"]),
    );

    let nile = load("nile.json");
    let y = vec_f64(&nile["input"]["y"]);
    let n = &nile["descriptive"];
    close(mean(&y).unwrap(), f(&n["mean"]));
    close(variance(&y).unwrap(), f(&n["var_ddof1"]));
    close(std_dev(&y).unwrap(), f(&n["sd_ddof1"]));
    close(median(&y).unwrap(), f(&n["median"]));
    let pk = peak(&y).unwrap();
    assert_eq!(pk.value(), f(&n["max"]));
    assert_eq!(1871 + pk.index() as u64, n["argmax_year"].as_u64().unwrap());
    assert_eq!(trough(&y).unwrap().value(), f(&n["min"]));

    let ap = load("airpassengers.json");
    let y: Vec<Option<f64>> = vec_f64(&ap["input"]["y"]).into_iter().map(Some).collect();
    let a = &ap["descriptive"];
    close_opt(
        &rolling_mean(&y, 12, Window::Trailing, GapPolicy::Error).unwrap(),
        &vec_opt(&a["rolling_mean_12_trailing"]),
    );
    close_opt(
        &seasonal_change(&y, 12, Change::Percent).unwrap(),
        &vec_opt(&a["monthly_yoy_pct_change"]),
    );
    let annual = vec_f64(&a["annual_totals"]);
    for (g, w) in ratio_to_base(&annual, 0)
        .unwrap()
        .iter()
        .zip(vec_f64(&a["ratio_to_1949_baseline"]))
    {
        close(*g, w);
    }
    let annual_opt: Vec<Option<f64>> = annual.iter().copied().map(Some).collect();
    let yoy = seasonal_change(&annual_opt, 1, Change::Percent).unwrap();
    close_opt(&yoy[1..], &vec_opt(&a["yoy_pct_change_annual"]));
    close(peak(&dropping_gaps(&y)).unwrap().value(), f(&a["peak"]));
}

#[test]
fn compound_growth_rate_against_numpy() {
    let d = load("descriptive.json");
    for c in d["cagr"].as_array().unwrap() {
        let f = |k: &str| c[k].as_f64().unwrap();
        close(
            compound_growth_rate(f("first"), f("last"), f("periods")).unwrap(),
            f("rate"),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics(xs in prop::collection::vec(prop_oneof![Just(None), Just(Some(f64::NAN)), (-1e6f64..1e6).prop_map(Some)], 0..30), k in 0usize..6) {
        let plain = dropping_gaps(&xs);
        let _ = (sum(&plain), mean(&plain), median(&plain), variance(&plain), quantile(&plain, 0.3));
        let _ = (peak(&plain), trough(&plain), shares(&plain), herfindahl(&plain), top_k_share(&plain, k));
        let _ = (index_to_base(&plain, k), seasonal_change(&xs, k, Change::Percent));
        for g in [GapPolicy::Error, GapPolicy::Skip, GapPolicy::Propagate] {
            let _ = rolling_mean(&xs, k, Window::Centred, g);
            let _ = rolling_sum(&xs, k, Window::Trailing, g);
            let _ = cumulative_sum(&xs, g);
        }
    }

    #[test]
    fn shares_sum_to_one_and_hhi_in_range(xs in prop::collection::vec(0.0f64..1e6, 1..40)) {
        prop_assume!(xs.iter().sum::<f64>() > 0.0);
        let s: f64 = shares(&xs).unwrap().iter().sum();
        prop_assert!((s - 1.0).abs() < 1e-9);
        let h = herfindahl(&xs).unwrap();
        prop_assert!(h <= 1.0 + 1e-12 && h >= 1.0 / xs.len() as f64 - 1e-12);
    }
}

/// Large finite inputs. Expected values are Python 3.11 `statistics` (`mean`, `median`, `variance`,
/// `stdev`) and `fractions.Fraction` sums and shares: exact rational arithmetic rounded once.
#[test]
fn huge_finite_values_give_the_representable_answer_or_an_overflow_error() {
    use corridor::stats::StatsError;
    let overflow = |r: Result<f64, StatsError>| matches!(r, Err(StatsError::Overflow { .. }));
    assert_eq!(mean(&[1e308, 1e308]).unwrap(), 1e308);
    assert_eq!(mean(&[f64::MAX; 3]).unwrap(), f64::MAX);
    assert_eq!(median(&[-1e308, 1e308]).unwrap(), 0.0);
    close(median(&[1e308, 1.5e308, f64::MAX, 1.2e308]).unwrap(), 1.35e308);
    close(quantile(&[-1e308, 1e308], 0.25).unwrap(), -5e307);
    close(quantiles(&[-1e308, 1e308], &[0.75]).unwrap()[0], 5e307);
    assert_eq!(sum(&[1e308, 1e308, -1e308]).unwrap(), 1e308);
    assert!(overflow(sum(&[1e308, 1e308])));
    // The squares overflow, the variance does not: statistics.variance = 1.44e308.
    close(variance(&[-1.2e154, 0.0, 1.2e154]).unwrap(), 1.44e308);
    close(std_dev(&[-1.2e154, 0.0, 1.2e154]).unwrap(), 1.2e154);
    // Var = 2e616 is no f64; its square root is.
    assert!(overflow(variance(&[-1e308, 1e308])));
    close(std_dev(&[-1e308, 1e308]).unwrap(), 1.414_213_562_373_095_1e308);
    let xs = [1e308, 1e308, 2e307];
    let sh = shares(&xs).unwrap();
    for (g, w) in sh.iter().zip([
        0.454_545_454_545_454_5,
        0.454_545_454_545_454_5,
        0.090_909_090_909_090_9,
    ]) {
        close(*g, w);
    }
    close(herfindahl(&xs).unwrap(), 0.421_487_603_305_785_1);
    close(top_k_share(&xs, 2).unwrap(), 0.909_090_909_090_909_1);
    assert_eq!(percent_change(-1e308, 1e308).unwrap(), -200.0);
    assert!(overflow(percent_change(1e-300, 1e308)));
    assert!(overflow(ratio_to(1e308, 1e-10)));
    assert!(matches!(
        index_to_base(&[1e-10, 1e308], 0),
        Err(StatsError::Overflow { .. })
    ));
    let w = rolling_mean(
        &[Some(1e308), Some(1e308), Some(-1e308)],
        2,
        Window::Trailing,
        GapPolicy::Error,
    )
    .unwrap();
    assert_eq!(w, vec![None, Some(1e308), Some(0.0)]);
    assert!(rolling_sum(&[Some(1e308), Some(1e308)], 2, Window::Trailing, GapPolicy::Error).is_err());
    assert!(cumulative_sum(&[Some(1e308), Some(1e308)], GapPolicy::Skip).is_err());
    assert!(seasonal_change(&[Some(-1e308), Some(1e308)], 1, Change::Difference).is_err());
    assert_eq!(
        seasonal_change(&[Some(-1e308), Some(1e308)], 1, Change::Percent).unwrap(),
        vec![None, Some(-200.0)]
    );
    // (1e308 / 1e-300)^(1/1000) − 1 = 10^0.608 − 1: the ratio overflows, the rate does not.
    close(
        compound_growth_rate(1e-300, 1e308, 1000.0).unwrap(),
        10f64.powf(0.608) - 1.0,
    );
}
