//! The Mann–Kendall trend test.

use crate::stats::distributions::std_normal_quantile;

use super::kendall;
use super::sen::present_with_times;
use crate::stats::descriptive::GapPolicy;
use crate::stats::validate::{check_len, check_open_unit, check_series};

/// The direction of a monotonic trend at a chosen significance level.
///
/// # Examples
/// ```
/// use corridor::stats::{mann_kendall, trend::Trend};
/// let falling = mann_kendall(&[9.0, 8.0, 8.5, 6.0, 5.0, 4.0, 3.5, 2.0, 1.0, 0.5])?;
/// assert_eq!(falling.trend(0.05)?, Trend::Decreasing);
/// let flat = mann_kendall(&[1.0, 3.0, 2.0, 3.0, 1.0, 2.0])?;
/// assert_eq!(flat.trend(0.05)?, Trend::NoTrend);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Trend {
    /// Significant upward trend (`z > 0`).
    Increasing,
    /// Significant downward trend (`z < 0`).
    Decreasing,
    /// No significant trend at the chosen level.
    NoTrend,
}

/// Classifies `z` at significance `alpha` as pymannkendall does: a trend when `|z| > Φ⁻¹(1 - α/2)`;
/// a NaN `z` is no trend (pymannkendall's `h = abs(z) > z_crit` is false), never a direction.
pub(super) fn classify(z: f64, alpha: f64) -> crate::stats::error::Result<Trend> {
    check_open_unit("alpha", alpha)?;
    let critical = std_normal_quantile(1.0 - alpha / 2.0);
    Ok(if z.is_nan() || z.abs() <= critical {
        Trend::NoTrend
    } else if z > 0.0 {
        Trend::Increasing
    } else {
        Trend::Decreasing
    })
}

/// The result of [`mann_kendall`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// use corridor::stats::mann_kendall;
/// // 45 pairs, one of them discordant (5 before 4): S = 44 − 1 = 43; no ties, so
/// // Var(S) = n(n−1)(2n+5)/18 = 10·9·25/18 = 125.
/// let mk = mann_kendall(&[1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 7.0, 8.0, 9.0, 11.0])?;
/// assert_eq!((mk.n(), mk.s(), mk.var_s()), (10, 43.0, 125.0));
/// assert!((mk.z() - 42.0 / 125f64.sqrt()).abs() < 1e-12);
/// assert!((mk.tau() - 43.0 / 45.0).abs() < 1e-12);
/// assert!(mk.p_value() < 0.001);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MannKendall {
    n: usize,
    s: i64,
    var_s: f64,
    tied_pairs: u64,
}

impl MannKendall {
    pub(super) fn from_parts(n: usize, s: i64, groups: &[u64]) -> Self {
        MannKendall {
            n,
            s,
            var_s: kendall::var_s(n, groups),
            tied_pairs: groups.iter().map(|&t| t * (t - 1) / 2).sum(),
        }
    }

    /// Number of observations.
    ///
    /// # Examples
    /// ```
    /// // The Nile at Aswan, 1871–1970 (R datasets::Nile); R trend 1.1.6 mk.test: S = −1387,
    /// // varS = 112728.33, z = −4.1281, p = 3.658e-5.
    /// let nile = [
    ///     1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0, 1110.0, 994.0, 1020.0, 960.0, 1180.0, 799.0, 958.0, 1140.0,
    ///     1100.0, 1210.0, 1150.0, 1250.0, 1260.0, 1220.0, 1030.0, 1100.0, 774.0, 840.0, 874.0, 694.0, 940.0, 833.0, 701.0, 916.0, 692.0, 1020.0, 1050.0, 969.0,
    ///     831.0, 726.0, 456.0, 824.0, 702.0, 1120.0, 1100.0, 832.0, 764.0, 821.0, 768.0, 845.0, 864.0, 862.0, 698.0, 845.0, 744.0, 796.0, 1040.0, 759.0,
    ///     781.0, 865.0, 845.0, 944.0, 984.0, 897.0, 822.0, 1010.0, 771.0, 676.0, 649.0, 846.0, 812.0, 742.0, 801.0, 1040.0, 860.0, 874.0, 848.0, 890.0,
    ///     744.0, 749.0, 838.0, 1050.0, 918.0, 986.0, 797.0, 923.0, 975.0, 815.0, 1020.0, 906.0, 901.0, 1170.0, 912.0, 746.0, 919.0, 718.0, 714.0, 740.0,
    /// ];
    /// let mk = corridor::stats::mann_kendall(&nile)?;
    /// assert_eq!((mk.n(), mk.s()), (100, -1387.0));
    /// assert!((mk.var_s() - 112_728.333_333).abs() < 1e-5);
    /// assert!((mk.z() + 4.128_066_522_844).abs() < 1e-8);
    /// assert!((mk.p_value() / 3.658_262_921_664e-5 - 1.0).abs() < 1e-8);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// Kendall's score `S = Σ_{i<j} sign(x_j - x_i)`.
    ///
    /// # Examples
    /// ```
    /// // Three rises, no fall.
    /// assert_eq!(corridor::stats::mann_kendall(&[1.0, 2.0, 3.0])?.s(), 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn s(&self) -> f64 {
        self.s as f64
    }

    /// `Var(S) = (n(n-1)(2n+5) - Σ t(t-1)(2t+5)) / 18`, summing over groups of `t` tied values.
    ///
    /// # Examples
    /// ```
    /// // One group of t = 2 ties among n = 4: (4·3·13 − 2·1·9)/18 = (156 − 18)/18.
    /// let mk = corridor::stats::mann_kendall(&[1.0, 2.0, 2.0, 3.0])?;
    /// assert!((mk.var_s() - 138.0 / 18.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn var_s(&self) -> f64 {
        self.var_s
    }

    /// `z = (S - sign S) / sqrt(Var S)` (continuity correction), `0` when `S = 0`.
    ///
    /// # Examples
    /// ```
    /// // S = 43, Var(S) = 125 (see [`MannKendall`]): z = (43 − 1)/√125.
    /// let mk = corridor::stats::mann_kendall(&[1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 7.0, 8.0, 9.0, 11.0])?;
    /// assert!((mk.z() - 3.756594).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn z(&self) -> f64 {
        kendall::z_score(self.s, self.var_s)
    }

    /// Two-sided p-value `2(1 - Φ(|z|)) = erfc(|z| / √2)`.
    ///
    /// Computed with the complementary error function, so it does not underflow to 0 for large
    /// `|z|` (`AirPassengers`: R `trend::mk.test` 6.75e-47, where pymannkendall reports 0).
    ///
    /// # Examples
    /// ```
    /// // z = 42/√125 = 3.7566; 2(1 − Φ(3.7566)) = 1.722e-4 (R: 2 * pnorm(-42 / sqrt(125))).
    /// let mk = corridor::stats::mann_kendall(&[1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 7.0, 8.0, 9.0, 11.0])?;
    /// assert!((mk.p_value() - 1.722e-4).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        kendall::two_sided_p(self.z())
    }

    /// Kendall's tau as pymannkendall: `S / (n(n-1)/2)` (no tie correction).
    ///
    /// # Examples
    /// ```
    /// // Pairs (1,3)+ (1,2)+ (1,4)+ (3,2)− (3,4)+ (2,4)+ give S = 5 − 1 = 4, tau = 4/6.
    /// let mk = corridor::stats::mann_kendall(&[1.0, 3.0, 2.0, 4.0])?;
    /// assert!((mk.tau() - 4.0 / 6.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn tau(&self) -> f64 {
        let pairs = (self.n * (self.n - 1)) as f64 / 2.0;
        self.s as f64 / pairs
    }

    /// Kendall's tau-b as R `trend::mk.test`: `S / sqrt(N (N - T))`, `N = n(n-1)/2` pairs and `T`
    /// pairs tied in `x` (time has no ties).
    ///
    /// NaN when every value is equal (`N = T`): tau-b is undefined there.
    ///
    /// # Examples
    /// ```
    /// // Pairs: (1,2)+ (1,2)+ (1,3)+ (2,2) tied (2,3)+ (2,3)+: S = 5, N = 6, T = 1 tied pair,
    /// // tau-b = 5/√(6·5) while tau = 5/6.
    /// let mk = corridor::stats::mann_kendall(&[1.0, 2.0, 2.0, 3.0])?;
    /// assert!((mk.tau_b() - 5.0 / 30f64.sqrt()).abs() < 1e-12);
    /// assert!((mk.tau() - 5.0 / 6.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn tau_b(&self) -> f64 {
        let pairs = (self.n * (self.n - 1)) as f64 / 2.0;
        let d = pairs * (pairs - self.tied_pairs as f64);
        if d > 0.0 { self.s as f64 / d.sqrt() } else { f64::NAN }
    }

    /// The trend direction at significance level `alpha` (two-sided, pymannkendall's rule
    /// `|z| > Φ⁻¹(1 - α/2)`).
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) unless `0 < alpha < 1`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{mann_kendall, trend::Trend};
    /// let mk = mann_kendall(&[1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 7.0, 8.0, 9.0, 11.0])?;
    /// assert_eq!(mk.trend(0.05)?, Trend::Increasing);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn trend(&self, alpha: f64) -> crate::stats::error::Result<Trend> {
        classify(self.z(), alpha)
    }
}

/// The Mann–Kendall test for a monotonic trend in `xs` (time = position).
///
/// ```text
/// S      = Σ_{i<j} sign(x_j − x_i)
/// Var(S) = (n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)) / 18      (t_g: size of tie group g)
/// z      = (S − sign S) / √Var(S)
/// p      = erfc(|z| / √2)                                    (two-sided)
/// ```
///
/// Matches pymannkendall 1.4.3 `original_test` (S, Var S, z, p, Tau) and R `trend::mk.test`
/// (S, `varS`, z, p, tau-b via [`MannKendall::tau_b`]); Nile and `AirPassengers` agree to 1e-9.
///
/// # Complexity
///
/// `O(n log n)` time, `O(n)` memory: S by merge-sort inversion counting (Knight 1966),
/// `S = N − T − 2Q` with `N` pairs, `T` tied pairs and `Q` strict inversions.
///
/// # Errors
/// [`StatsError::TooShort`](crate::stats::StatsError::TooShort) for fewer than 2 values,
/// [`StatsError::NonFinite`](crate::stats::StatsError::NonFinite) for a NaN or infinite value.
/// A constant series is not an error: `S = 0`, `Var S = 0`, `z = 0`, `p = 1`, tau-b NaN.
///
/// # Examples
/// ```
/// // Nile 1871–1880 (R datasets::Nile)
/// let nile = [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0];
/// let mk = corridor::stats::mann_kendall(&nile)?;
/// assert_eq!(mk.s(), 10.0); // pymannkendall 1.4.3: s = 10, p = 0.4139
/// assert!(mk.p_value() > 0.05);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn mann_kendall(xs: &[f64]) -> crate::stats::error::Result<MannKendall> {
    check_series("mann-kendall", xs, 2)?;
    let (s, groups) = kendall::s_and_ties(xs);
    Ok(MannKendall::from_parts(xs.len(), s, &groups))
}

/// The Mann–Kendall test on a series with gaps.
///
/// [`GapPolicy::Skip`] tests the values present (S depends only on their order, so this is
/// pymannkendall 1.4.3 `original_test` on a series with NaN); [`GapPolicy::Error`] and
/// [`GapPolicy::Propagate`] fail at the first gap.
///
/// # Errors
/// [`StatsError::Gap`](crate::stats::StatsError::Gap) (policies `Error`, `Propagate`),
/// [`StatsError::NonFinite`](crate::stats::StatsError::NonFinite) for a present NaN or infinity,
/// [`StatsError::TooShort`](crate::stats::StatsError::TooShort) for fewer than 2 present values.
///
/// # Examples
/// ```
/// use corridor::stats::{trend::mann_kendall_with_gaps, descriptive::GapPolicy};
/// let xs = [Some(1.0), None, Some(3.0), Some(2.0), Some(5.0)];
/// assert_eq!(mann_kendall_with_gaps(&xs, GapPolicy::Skip)?.s(), 4.0);
/// assert!(mann_kendall_with_gaps(&xs, GapPolicy::Propagate).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn mann_kendall_with_gaps(xs: &[Option<f64>], gaps: GapPolicy) -> crate::stats::error::Result<MannKendall> {
    let (x, _) = present_with_times(xs, gaps)?;
    check_len("mann-kendall", x.len(), 2)?;
    let (s, groups) = kendall::s_and_ties(&x);
    Ok(MannKendall::from_parts(x.len(), s, &groups))
}
