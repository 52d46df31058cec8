//! Seasonal Mann–Kendall test (Hirsch & Slack 1984) and seasonal Sen slope (Hipel & `McLeod` 1994).

use super::kendall;
use super::mann_kendall::{Trend, classify};
use super::sen::{MATERIALISE_MAX_PAIRS, Timed, kth_slopes_grouped, median, present_with_times};
use crate::stats::descriptive::GapPolicy;
use crate::stats::validate::{check_len, check_positive, check_series};

fn check_period(xs: &[f64], period: usize) -> crate::stats::error::Result<()> {
    check_positive("period", period)?;
    check_series("seasonal mann-kendall", xs, period.saturating_mul(2))
}

/// Checks `period` and the length of a series with gaps, and that a gap is allowed (`Skip`).
fn check_period_with_gaps(xs: &[Option<f64>], period: usize, gaps: GapPolicy) -> crate::stats::error::Result<()> {
    check_positive("period", period)?;
    check_len("seasonal mann-kendall", xs.len(), period.saturating_mul(2))?;
    present_with_times(xs, gaps).map(|_| ())
}

/// The present values of season `season` of a series with gaps, with their cycle numbers.
fn season_present(xs: &[Option<f64>], period: usize, season: usize) -> (Vec<f64>, Vec<f64>) {
    xs.iter()
        .skip(season)
        .step_by(period)
        .enumerate()
        .filter_map(|(cycle, v)| v.map(|v| (v, cycle as f64)))
        .unzip()
}

/// The values of season `season` (positions `season, season + period, …`).
fn season(xs: &[f64], period: usize, season: usize) -> Vec<f64> {
    xs.iter().skip(season).step_by(period).copied().collect()
}

/// The result of [`seasonal_mann_kendall`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // Three years of a monthly series that rises by 1/12 a month: each of the 12 seasons
/// // has 3 values and 3 rising pairs, so S = 12·3 = 36 and Var S = 12 · (3·2·11/18) = 44.
/// let xs: Vec<f64> = (0..36).map(|i| ((i % 12) * 7 % 5) as f64 + i as f64 / 12.0).collect();
/// let smk = corridor::stats::trend::seasonal_mann_kendall(&xs, 12)?;
/// assert_eq!(smk.s(), 36.0);
/// assert!((smk.var_s() - 44.0).abs() < 1e-12);
/// assert!((smk.z() - 35.0 / 44f64.sqrt()).abs() < 1e-12);
/// assert_eq!(smk.tau(), 1.0);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeasonalMannKendall {
    s: i64,
    var_s: f64,
    pairs: f64,
}

impl SeasonalMannKendall {
    /// `S = Σ_seasons S_g`.
    ///
    /// # Examples
    /// ```
    /// // Season [1, 2, 3] rises (S = 3), season [9, 7, 8] has one rise and two falls (S = −1).
    /// let smk = corridor::stats::trend::seasonal_mann_kendall(&[1.0, 9.0, 2.0, 7.0, 3.0, 8.0], 2)?;
    /// assert_eq!(smk.s(), 2.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn s(&self) -> f64 {
        self.s as f64
    }

    /// `Var S = Σ_seasons Var S_g` (each tie-corrected; seasons taken as independent).
    ///
    /// # Examples
    /// ```
    /// // Two seasons of 3 values, no ties: 2 · (3 · 2 · 11 / 18).
    /// let smk = corridor::stats::trend::seasonal_mann_kendall(&[1.0, 9.0, 2.0, 8.0, 3.0, 7.0], 2)?;
    /// assert!((smk.var_s() - 2.0 * 66.0 / 18.0).abs() < 1e-12);
    /// // The first season rises (S = 3), the second falls (S = −3).
    /// assert_eq!(smk.s(), 0.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn var_s(&self) -> f64 {
        self.var_s
    }

    /// `z = (S − sign S) / √Var S`, 0 when `S = 0`.
    ///
    /// # Examples
    /// ```
    /// // S = 36, Var S = 44 (see [`SeasonalMannKendall`]): z = 35/√44.
    /// let xs: Vec<f64> = (0..36).map(|i| ((i % 12) * 7 % 5) as f64 + i as f64 / 12.0).collect();
    /// let smk = corridor::stats::trend::seasonal_mann_kendall(&xs, 12)?;
    /// assert!((smk.z() - 5.276448).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn z(&self) -> f64 {
        kendall::z_score(self.s, self.var_s)
    }

    /// Two-sided p-value `erfc(|z|/√2)` (no underflow; R `smk.test` `AirPassengers` 3.17e-54).
    ///
    /// # Examples
    /// ```
    /// // z = 35/√44 = 5.2764; 2(1 − Φ(z)) = 1.317e-7 (R: 2 * pnorm(-35 / sqrt(44))).
    /// let xs: Vec<f64> = (0..36).map(|i| ((i % 12) * 7 % 5) as f64 + i as f64 / 12.0).collect();
    /// let smk = corridor::stats::trend::seasonal_mann_kendall(&xs, 12)?;
    /// assert!((smk.p_value() / 1.317e-7 - 1.0).abs() < 1e-3);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        kendall::two_sided_p(self.z())
    }

    /// Tau as pymannkendall `seasonal_test`: `S / Σ_g n_g(n_g − 1)/2`.
    ///
    /// # Examples
    /// ```
    /// // Both seasons rise in all 3 of their pairs.
    /// let smk = corridor::stats::trend::seasonal_mann_kendall(&[1.0, 7.0, 2.0, 8.0, 3.0, 9.0], 2)?;
    /// assert_eq!(smk.tau(), 1.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn tau(&self) -> f64 {
        self.s as f64 / self.pairs
    }

    /// The trend direction at significance `alpha` (`|z| > Φ⁻¹(1 − α/2)`).
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) unless `0 < alpha < 1`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::trend::{seasonal_mann_kendall, Trend};
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
/// # Examples
/// ```
/// let xs: Vec<f64> = (0..36).map(|i| ((i % 12) * 7 % 5) as f64 + i as f64 / 12.0).collect();
/// let smk = corridor::stats::trend::seasonal_mann_kendall(&xs, 12)?;
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

/// The seasonal Mann–Kendall test on a series with gaps.
///
/// [`GapPolicy::Skip`] tests, in each season, the values present: `S_g` and the tie-corrected
/// `Var S_g` of season `g` are those of its `n_g` present values (a season with fewer than two
/// contributes nothing), and tau is `S / Σ_g n_g(n_g − 1)/2`. This is pymannkendall 1.4.3
/// `seasonal_test(x, period)` on a series with NaN (it reshapes into cycles and drops each
/// season's NaN). [`GapPolicy::Error`] and [`GapPolicy::Propagate`] fail at the first gap; with no gap
/// the result equals [`seasonal_mann_kendall`].
///
/// # Complexity
///
/// `O(n log n)` time, `O(n)` memory.
///
/// # Errors
/// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) for `period = 0`;
/// [`StatsError::TooShort`](crate::stats::StatsError::TooShort) for fewer than `2 · period` positions or
/// when no season has two values present; [`StatsError::NonFinite`](crate::stats::StatsError::NonFinite)
/// for a present NaN or infinity; [`StatsError::Gap`](crate::stats::StatsError::Gap) (policies `Error`,
/// `Propagate`).
///
/// # Examples
/// ```
/// use corridor::stats::{trend::seasonal_mann_kendall_with_gaps, descriptive::GapPolicy};
/// // Two seasons over three cycles; season 0 misses its second value.
/// let xs = [Some(1.0), Some(10.0), None, Some(11.0), Some(3.0), Some(12.0)];
/// let smk = seasonal_mann_kendall_with_gaps(&xs, 2, GapPolicy::Skip)?;
/// assert_eq!(smk.s(), 4.0); // season 0: 1 < 3 (S = 1); season 1: 10 < 11 < 12 (S = 3)
/// assert_eq!(smk.tau(), 1.0);
/// assert!(seasonal_mann_kendall_with_gaps(&xs, 2, GapPolicy::Error).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn seasonal_mann_kendall_with_gaps(
    xs: &[Option<f64>],
    period: usize,
    gaps: GapPolicy,
) -> crate::stats::error::Result<SeasonalMannKendall> {
    check_period_with_gaps(xs, period, gaps)?;
    let (mut s, mut var_s, mut pairs) = (0i64, 0.0, 0.0);
    for g in 0..period {
        let (v, _) = season_present(xs, period, g);
        if v.len() < 2 {
            continue;
        }
        let (sg, groups) = kendall::s_and_ties(&v);
        s += sg;
        var_s += kendall::var_s(v.len(), &groups);
        pairs += (v.len() * (v.len() - 1)) as f64 / 2.0;
    }
    if pairs == 0.0 {
        return Err(crate::stats::StatsError::TooShort {
            method: "seasonal mann-kendall (two values present in a season)",
            needed: 2,
            got: 1,
        });
    }
    Ok(SeasonalMannKendall { s, var_s, pairs })
}

/// The result of [`seasonal_sens_slope`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // Each season rises by 2 a cycle; within a cycle the months step by 1.
/// let xs: Vec<f64> = (0..36).map(|i| (i % 12) as f64 + 2.0 * (i / 12) as f64).collect();
/// let ss = corridor::stats::trend::seasonal_sens_slope(&xs, 12)?;
/// assert_eq!(ss.slope(), 2.0);
/// // median(x) = 7.5, median(0..35) = 17.5: 7.5 − 17.5/12 · 2.
/// assert!((ss.intercept() - (7.5 - 17.5 / 12.0 * 2.0)).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeasonalSensSlope {
    slope: f64,
    intercept: f64,
}

impl SeasonalSensSlope {
    /// Median of the within-season slopes, per cycle (e.g. per year for monthly data).
    ///
    /// # Examples
    /// ```
    /// // Each season rises by 3 a cycle.
    /// let xs: Vec<f64> = (0..24).map(|i| [5.0, 1.0, 8.0][i % 3] + 3.0 * (i / 3) as f64).collect();
    /// assert_eq!(corridor::stats::trend::seasonal_sens_slope(&xs, 3)?.slope(), 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn slope(&self) -> f64 {
        self.slope
    }

    /// pymannkendall's intercept: `median(x) − median(0..n−1) / period · slope`.
    ///
    /// # Examples
    /// ```
    /// // Slope 3 a cycle; median(x) = 15 and median(0..23) = 11.5: 15 − 11.5/3 · 3.
    /// let xs: Vec<f64> = (0..24).map(|i| [5.0, 1.0, 8.0][i % 3] + 3.0 * (i / 3) as f64).collect();
    /// let ss = corridor::stats::trend::seasonal_sens_slope(&xs, 3)?;
    /// let mut sorted = xs.clone();
    /// sorted.sort_by(f64::total_cmp);
    /// let median = (sorted[11] + sorted[12]) / 2.0;
    /// assert!((ss.intercept() - (median - 11.5 / 3.0 * 3.0)).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
/// # Examples
/// ```
/// let xs: Vec<f64> = (0..36).map(|i| (i % 12) as f64 + 2.0 * (i / 12) as f64).collect();
/// assert_eq!(corridor::stats::trend::seasonal_sens_slope(&xs, 12)?.slope(), 2.0);
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

/// The seasonal Sen slope of a series with gaps.
///
/// [`GapPolicy::Skip`] takes the within-season slopes `(x_{g+jm} − x_{g+im}) / (j − i)` between the
/// values present (a gap widens the step, it does not close it up), and the intercept
/// `median(present x) − median(present positions) / period · slope`: pymannkendall 1.4.3
/// `seasonal_sens_slope(x, period)` on a series with NaN. [`GapPolicy::Error`] and
/// [`GapPolicy::Propagate`] fail at the first gap; with no gap the result equals
/// [`seasonal_sens_slope`].
///
/// # Complexity
///
/// As [`seasonal_sens_slope`].
///
/// # Errors
/// As [`seasonal_mann_kendall_with_gaps`].
///
/// # Examples
/// ```
/// use corridor::stats::{trend::seasonal_sens_slope_with_gaps, descriptive::GapPolicy};
/// let xs = [Some(1.0), Some(10.0), None, Some(12.0), Some(5.0), Some(14.0)];
/// assert_eq!(seasonal_sens_slope_with_gaps(&xs, 2, GapPolicy::Skip)?.slope(), 2.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn seasonal_sens_slope_with_gaps(
    xs: &[Option<f64>],
    period: usize,
    gaps: GapPolicy,
) -> crate::stats::error::Result<SeasonalSensSlope> {
    check_period_with_gaps(xs, period, gaps)?;
    let seasons: Vec<(Vec<f64>, Vec<f64>)> = (0..period).map(|g| season_present(xs, period, g)).collect();
    let pairs: usize = seasons
        .iter()
        .map(|(v, _)| v.len() * v.len().saturating_sub(1) / 2)
        .sum();
    if pairs == 0 {
        return Err(crate::stats::StatsError::TooShort {
            method: "seasonal sen's slope (two values present in a season)",
            needed: 2,
            got: 1,
        });
    }
    let refs: Vec<Timed<'_>> = seasons.iter().map(|(x, t)| Timed { x, t: Some(t) }).collect();
    let slope = if pairs % 2 == 1 {
        kth_slopes_grouped(&refs, &[pairs / 2], MATERIALISE_MAX_PAIRS)[0]
    } else {
        let v = kth_slopes_grouped(&refs, &[pairs / 2 - 1, pairs / 2], MATERIALISE_MAX_PAIRS);
        f64::midpoint(v[0], v[1])
    };
    let (present, positions) = present_with_times(xs, GapPolicy::Skip)?;
    let intercept = median(&present) - median(&positions) / period as f64 * slope;
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
