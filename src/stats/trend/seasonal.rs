//! Seasonal Mann–Kendall test (Hirsch & Slack 1984) and seasonal Sen slope (Hipel & `McLeod` 1994).

use super::kendall;
use super::mann_kendall::{Trend, classify};
use super::sen::{MATERIALISE_MAX_PAIRS, Timed, kth_slopes_grouped, median};
use crate::stats::validate::{check_positive, check_series};

fn check_period(xs: &[f64], period: usize) -> crate::stats::error::Result<()> {
    check_positive("period", period)?;
    check_series("seasonal mann-kendall", xs, period.saturating_mul(2))
}

/// The values of season `season` (positions `season, season + period, …`).
fn season(xs: &[f64], period: usize, season: usize) -> Vec<f64> {
    xs.iter().skip(season).step_by(period).copied().collect()
}

/// The result of [`seasonal_mann_kendall`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeasonalMannKendall {
    s: i64,
    var_s: f64,
    pairs: f64,
}

impl SeasonalMannKendall {
    /// `S = Σ_seasons S_g`.
    #[must_use]
    pub fn s(&self) -> f64 {
        self.s as f64
    }

    /// `Var S = Σ_seasons Var S_g` (each tie-corrected; seasons taken as independent).
    #[must_use]
    pub fn var_s(&self) -> f64 {
        self.var_s
    }

    /// `z = (S − sign S) / √Var S`, 0 when `S = 0`.
    #[must_use]
    pub fn z(&self) -> f64 {
        kendall::z_score(self.s, self.var_s)
    }

    /// Two-sided p-value `erfc(|z|/√2)` (no underflow; R `smk.test` `AirPassengers` 3.17e-54).
    #[must_use]
    pub fn p_value(&self) -> f64 {
        kendall::two_sided_p(self.z())
    }

    /// Tau as pymannkendall `seasonal_test`: `S / Σ_g n_g(n_g − 1)/2`.
    #[must_use]
    pub fn tau(&self) -> f64 {
        self.s as f64 / self.pairs
    }

    /// The trend direction at significance `alpha` (`|z| > Φ⁻¹(1 − α/2)`).
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) unless `0 < alpha < 1`.
    ///
    /// # Example
    /// ```
    /// use corridor::stats::{seasonal_mann_kendall, Trend};
    /// let xs: Vec<f64> = (0..48).map(|i| (i % 12) as f64 * 10.0 + (i / 12) as f64).collect();
    /// assert_eq!(seasonal_mann_kendall(&xs, 12)?.trend(0.05)?, Trend::Increasing);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn trend(&self, alpha: f64) -> crate::stats::error::Result<Trend> {
        classify(self.z(), alpha)
    }
}

/// The seasonal Mann–Kendall test with `period` seasons (Hirsch & Slack 1984 without the
/// covariance term).
///
/// Season `g` holds `x_g, x_{g+m}, x_{g+2m}, …` (`m = period`; a short last cycle simply leaves
/// some seasons one value shorter). `S = Σ_g S_g`, `Var S = Σ_g Var S_g` (tie-corrected),
/// `z` continuity-corrected, `p = erfc(|z|/√2)`.
///
/// Matches pymannkendall 1.4.3 `seasonal_test(x, period)` (S, Var S, z, Tau) and R
/// `trend::smk.test` (S, `varS`, z, p); `AirPassengers` period 12 agrees to 1e-9.
///
/// # Complexity
///
/// `O(n log n)` time, `O(n)` memory.
///
/// # Errors
/// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) for `period = 0`; [`StatsError::TooShort`](crate::stats::StatsError::TooShort) for fewer than
/// `2 · period` values; [`StatsError::NonFinite`](crate::stats::StatsError::NonFinite) for NaN or infinity.
///
/// # Example
/// ```
/// let xs: Vec<f64> = (0..36).map(|i| ((i % 12) * 7 % 5) as f64 + i as f64 / 12.0).collect();
/// let smk = corridor::stats::seasonal_mann_kendall(&xs, 12)?;
/// assert_eq!(smk.s(), 36.0); // every season rises in all 3 of its pairs
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn seasonal_mann_kendall(xs: &[f64], period: usize) -> crate::stats::error::Result<SeasonalMannKendall> {
    check_period(xs, period)?;
    let (mut s, mut var_s, mut pairs) = (0i64, 0.0, 0.0);
    for g in 0..period {
        let v = season(xs, period, g);
        let (sg, groups) = kendall::s_and_ties(&v);
        s += sg;
        var_s += kendall::var_s(v.len(), &groups);
        pairs += (v.len() * (v.len() - 1)) as f64 / 2.0;
    }
    Ok(SeasonalMannKendall { s, var_s, pairs })
}

/// The result of [`seasonal_sens_slope`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeasonalSensSlope {
    slope: f64,
    intercept: f64,
}

impl SeasonalSensSlope {
    /// Median of the within-season slopes, per cycle (e.g. per year for monthly data).
    #[must_use]
    pub fn slope(&self) -> f64 {
        self.slope
    }

    /// pymannkendall's intercept: `median(x) − median(0..n−1) / period · slope`.
    #[must_use]
    pub fn intercept(&self) -> f64 {
        self.intercept
    }
}

/// The seasonal Sen slope: the median of all within-season pairwise slopes
/// `(x_{g+jm} − x_{g+im}) / (j − i)`, in units per cycle.
///
/// Matches pymannkendall 1.4.3 `seasonal_sens_slope(x, period)` (slope and intercept) and R
/// `trend::sea.sens.slope` (slope).
///
/// # Complexity
///
/// As [`sens_slope`](crate::stats::sens_slope): the within-season slopes are materialised up to
/// about 2·10⁶ of them, above that selected exactly without materialising (`O(n)` memory).
///
/// # Errors
/// As [`seasonal_mann_kendall`].
///
/// # Example
/// ```
/// let xs: Vec<f64> = (0..36).map(|i| (i % 12) as f64 + 2.0 * (i / 12) as f64).collect();
/// assert_eq!(corridor::stats::seasonal_sens_slope(&xs, 12)?.slope(), 2.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn seasonal_sens_slope(xs: &[f64], period: usize) -> crate::stats::error::Result<SeasonalSensSlope> {
    check_period(xs, period)?;
    let seasons: Vec<Vec<f64>> = (0..period).map(|g| season(xs, period, g)).collect();
    let refs: Vec<Timed<'_>> = seasons.iter().map(|g| Timed { x: g, t: None }).collect();
    let pairs: usize = seasons.iter().map(|g| g.len() * (g.len() - 1) / 2).sum();
    let slope = if pairs % 2 == 1 {
        kth_slopes_grouped(&refs, &[pairs / 2], MATERIALISE_MAX_PAIRS)[0]
    } else {
        let v = kth_slopes_grouped(&refs, &[pairs / 2 - 1, pairs / 2], MATERIALISE_MAX_PAIRS);
        f64::midpoint(v[0], v[1])
    };
    let n = xs.len();
    let intercept = median(xs) - (n - 1) as f64 / 2.0 / period as f64 * slope;
    Ok(SeasonalSensSlope { slope, intercept })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::StatsError;

    #[test]
    fn large_seasonal_slope_takes_the_fast_path_exactly() {
        // 2 seasons of 2100 values: 4.4e6 within-season slopes > the materialising limit.
        let xs: Vec<f64> = (0..4200u32)
            .map(|i| f64::from((i * 7919) % 101) + f64::from(i / 2) * 0.03)
            .collect();
        let seasons: Vec<Vec<f64>> = (0..2).map(|g| season(&xs, 2, g)).collect();
        let refs: Vec<Timed<'_>> = seasons.iter().map(|g| Timed { x: g, t: None }).collect();
        let pairs = 2 * 2100 * 2099 / 2;
        let naive = kth_slopes_grouped(&refs, &[pairs / 2 - 1, pairs / 2], usize::MAX);
        assert_eq!(
            seasonal_sens_slope(&xs, 2).unwrap().slope(),
            f64::midpoint(naive[0], naive[1])
        );
    }

    #[test]
    fn zero_period_is_invalid() {
        assert!(matches!(
            seasonal_mann_kendall(&[1.0; 4], 0),
            Err(StatsError::InvalidParameter { name: "period", .. })
        ));
    }
}
