//! The Hamed–Rao (1998) variance-corrected Mann–Kendall test for autocorrelated series.

use crate::stats::distributions::std_normal_quantile;

use super::kendall;
use super::mann_kendall::{Trend, classify};
use super::sen::{present_with_times, sens_slope, sens_slope_with_gaps};
use crate::stats::validate::{check_len, check_open_unit, check_series};
use crate::stats::{StatsError, descriptive::GapPolicy};

/// The result of [`hamed_rao`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// use corridor::stats::{mann_kendall, trend::hamed_rao};
/// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
/// let hr = hamed_rao(&nile, 0.05, None)?;
/// let mk = mann_kendall(&nile)?;
/// // S and tau are the plain test's; only the variance is scaled, by n/n*.
/// assert_eq!(hr.s(), mk.s());
/// assert_eq!(hr.tau(), mk.tau());
/// assert!((hr.var_s() - mk.var_s() * hr.correction()).abs() < 1e-9);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HamedRao {
    n: usize,
    s: i64,
    var_s: f64,
    correction: f64,
    alpha: f64,
}

impl HamedRao {
    /// Kendall's score S (unchanged by the correction).
    ///
    /// # Examples
    /// ```
    /// // Kendall's S is not corrected: the plain test's.
    /// let xs = [1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 10.0];
    /// let hr = corridor::stats::trend::hamed_rao(&xs, 0.05, None)?;
    /// assert_eq!(hr.s(), corridor::stats::mann_kendall(&xs)?.s());
    /// assert_eq!(hr.s(), 45.0 - 2.0 * 3.0); // three falls among 45 pairs
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn s(&self) -> f64 {
        self.s as f64
    }

    /// The corrected variance `Var*(S) = Var(S) · n/n*`.
    ///
    /// # Examples
    /// ```
    /// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
    /// let hr = corridor::stats::trend::hamed_rao(&nile, 0.05, None)?;
    /// let plain = corridor::stats::mann_kendall(&nile)?;
    /// assert!((hr.var_s() - plain.var_s() * hr.correction()).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn var_s(&self) -> f64 {
        self.var_s
    }

    /// The variance correction factor `n/n* = 1 + 2/(n(n−1)(n−2)) Σ (n−i)(n−i−1)(n−i−2) ρ_i`.
    ///
    /// # Examples
    /// ```
    /// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
    /// let hr = corridor::stats::trend::hamed_rao(&nile, 0.05, None)?;
    /// let plain = corridor::stats::mann_kendall(&nile)?;
    /// assert!((hr.correction() - hr.var_s() / plain.var_s()).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn correction(&self) -> f64 {
        self.correction
    }

    /// `z = (S − sign S) / √Var*(S)`.
    ///
    /// # Examples
    /// ```
    /// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
    /// let hr = corridor::stats::trend::hamed_rao(&nile, 0.05, None)?;
    /// assert!((hr.z() - (hr.s() - hr.s().signum()) / hr.var_s().sqrt()).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn z(&self) -> f64 {
        kendall::z_score(self.s, self.var_s)
    }

    /// Two-sided p-value `erfc(|z|/√2)`.
    ///
    /// # Examples
    /// ```
    /// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
    /// let hr = corridor::stats::trend::hamed_rao(&nile, 0.05, None)?;
    /// // The normal two-sided p-value of the corrected z.
    /// let two_sided = corridor::stats::regression::Reference::Normal.two_sided_p(hr.z());
    /// assert_eq!(hr.p_value(), two_sided);
    /// assert!(hr.p_value() > 0.05); // no trend in these twelve years
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        kendall::two_sided_p(self.z())
    }

    /// Tau as pymannkendall: `S / (n(n−1)/2)`.
    ///
    /// # Examples
    /// ```
    /// let xs = [1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 10.0];
    /// // S / (n(n − 1)/2) = 39/45.
    /// assert!((corridor::stats::trend::hamed_rao(&xs, 0.05, None)?.tau() - 39.0 / 45.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn tau(&self) -> f64 {
        self.s as f64 / ((self.n * (self.n - 1)) as f64 / 2.0)
    }

    /// The trend direction at the `alpha` given to [`hamed_rao`].
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::trend::{hamed_rao, Trend};
    /// let rising: Vec<f64> = (0..20).map(|i| i as f64 + if i % 2 == 0 { 0.5 } else { 0.0 }).collect();
    /// assert_eq!(hamed_rao(&rising, 0.05, None)?.trend(), Trend::Increasing);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn trend(&self) -> Trend {
        // alpha was validated at construction.
        classify(self.z(), self.alpha).unwrap_or(Trend::NoTrend)
    }
}

/// The Hamed–Rao modified Mann–Kendall test, exactly as pymannkendall 1.4.3
/// `hamed_rao_modification_test(x, alpha, lag)`.
///
/// 1. Detrend: `e_k = x_k − (k+1)·b` with `b` Sen's slope (pymannkendall uses times `1..n` here).
/// 2. Rank `e` (average ranks) and take the sample autocorrelations `ρ_i` of the ranks
///    (biased, divisor `n`) for `i = 1..L`; `L = n − 1` when `lag` is `None`, else `lag`.
/// 3. Keep only significant `ρ_i`: outside `±Φ⁻¹(1 − α/2)/√n` (bounds inclusive as "not significant").
/// 4. `n/n* = 1 + 2/(n(n−1)(n−2)) Σ (n−i)(n−i−1)(n−i−2) ρ_i`; `Var*(S) = Var(S) · n/n*`.
///
/// `alpha` therefore changes the variance, not only the decision.
///
/// A series whose detrended values are all equal (an exactly linear series) has ranks with no
/// variance, so its autocorrelations are undefined: then, as pymannkendall 1.4.3,
/// [`HamedRao::var_s`], [`HamedRao::correction`], [`HamedRao::z`] and [`HamedRao::p_value`] are
/// NaN and [`HamedRao::trend`] is [`Trend::NoTrend`] (S and tau stay defined).
///
/// # Complexity
///
/// `O(n·L)` for the autocorrelations (`O(n²)` with the default lag), plus Sen's slope.
///
/// # Errors
/// [`StatsError::TooShort`] for fewer than 3 values; [`StatsError::NonFinite`];
/// [`StatsError::InvalidParameter`] unless `0 < alpha < 1` or when `lag ≥ n`.
///
/// # Examples
/// ```
/// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0];
/// let hr = corridor::stats::trend::hamed_rao(&nile, 0.05, None)?;
/// assert!(hr.p_value() > 0.05);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn hamed_rao(xs: &[f64], alpha: f64, lag: Option<usize>) -> crate::stats::error::Result<HamedRao> {
    check_series("hamed-rao", xs, 3)?;
    check_open_unit("alpha", alpha)?;
    let lag = check_lag(xs.len(), lag)?;
    let slope = sens_slope(xs)?.slope();
    Ok(corrected(xs, slope, alpha, lag))
}

/// The Hamed–Rao test on a series with gaps, as pymannkendall 1.4.3 `hamed_rao_modification_test`
/// on a series with NaN.
///
/// [`GapPolicy::Skip`] follows pymannkendall step for step: S, `Var S` and tau are those of the `n`
/// values present (S depends only on their order); Sen's slope `b` is taken with the true positions
/// ([`sens_slope_with_gaps`]: a gap widens the step); the detrending `e_k = x_k − (k+1)·b` then numbers
/// the present values `1..n` (pymannkendall closes the gaps up here), and the autocorrelations are
/// those of the ranks of these `n` residuals, with `L = n − 1` when `lag` is `None`.
/// [`GapPolicy::Error`] and [`GapPolicy::Propagate`] fail at the first gap; with no gap the result
/// equals [`hamed_rao`].
///
/// # Complexity
///
/// As [`hamed_rao`], with `n` the number of values present.
///
/// # Errors
/// [`StatsError::TooShort`] for fewer than 3 present values; [`StatsError::NonFinite`] for a present NaN
/// or infinity; [`StatsError::Gap`] (policies `Error`, `Propagate`); [`StatsError::InvalidParameter`]
/// unless `0 < alpha < 1` or when `lag ≥ n`.
///
/// # Examples
/// ```
/// use corridor::stats::{trend::hamed_rao_with_gaps, descriptive::GapPolicy};
/// let xs = [Some(1120.0), Some(1160.0), None, Some(1210.0), Some(1160.0), Some(1160.0), Some(813.0), Some(1230.0)];
/// let hr = hamed_rao_with_gaps(&xs, 0.05, None, GapPolicy::Skip)?;
/// // pymannkendall 1.4.3 with NaN for the gap: s = 4, var_s = 40.667, p = 0.638
/// assert_eq!(hr.s(), 4.0);
/// assert!((hr.var_s() - 40.666_666_666_666_66).abs() < 1e-9);
/// assert!((hr.p_value() - 0.638_042_451_734_421_4).abs() < 1e-9);
/// assert!(hamed_rao_with_gaps(&xs, 0.05, None, GapPolicy::Error).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn hamed_rao_with_gaps(
    xs: &[Option<f64>],
    alpha: f64,
    lag: Option<usize>,
    gaps: GapPolicy,
) -> crate::stats::error::Result<HamedRao> {
    let (x, _) = present_with_times(xs, gaps)?;
    check_len("hamed-rao", x.len(), 3)?;
    check_open_unit("alpha", alpha)?;
    let lag = check_lag(x.len(), lag)?;
    let slope = sens_slope_with_gaps(xs, GapPolicy::Skip)?.slope();
    Ok(corrected(&x, slope, alpha, lag))
}

/// The lag in force: `n − 1` by default, else the caller's, which must be below `n`.
fn check_lag(n: usize, lag: Option<usize>) -> crate::stats::error::Result<usize> {
    match lag {
        None => Ok(n - 1),
        Some(l) if l < n => Ok(l),
        Some(l) => Err(StatsError::InvalidParameter {
            name: "lag",
            value: l.to_string(),
            reason: "must be smaller than the number of observations",
        }),
    }
}

/// Steps 1–4 on `xs` (finite, at least 3 values) with Sen's slope `slope` already computed.
fn corrected(xs: &[f64], slope: f64, alpha: f64, lag: usize) -> HamedRao {
    let n = xs.len();
    let (s, groups) = kendall::s_and_ties(xs);
    let var_s = kendall::var_s(n, &groups);
    let detrended: Vec<f64> = xs
        .iter()
        .enumerate()
        .map(|(k, &x)| x - (k + 1) as f64 * slope)
        .collect();
    let ranks = kendall::average_ranks(&detrended);
    let mean = ranks.iter().sum::<f64>() / n as f64;
    let y: Vec<f64> = ranks.iter().map(|r| r - mean).collect();
    let acov0: f64 = y.iter().map(|v| v * v).sum();
    let bound = std_normal_quantile(1.0 - alpha / 2.0) / (n as f64).sqrt();
    let nf = n as f64;
    let mut sni = 0.0;
    for i in 1..=lag {
        let rho = if acov0 > 0.0 {
            y[..n - i].iter().zip(&y[i..]).map(|(a, b)| a * b).sum::<f64>() / acov0
        } else {
            f64::NAN
        };
        if !(rho <= bound && rho >= -bound) {
            let fi = i as f64;
            sni += (nf - fi) * (nf - fi - 1.0) * (nf - fi - 2.0) * rho;
        }
    }
    let correction = 1.0 + 2.0 / (nf * (nf - 1.0) * (nf - 2.0)) * sni;
    HamedRao {
        n,
        s,
        var_s: var_s * correction,
        correction,
        alpha,
    }
}
