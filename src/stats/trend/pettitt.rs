//! Pettitt's (1979) non-parametric test for a single change point.

use super::kendall;
use crate::stats::validate::check_series;

/// The result of [`pettitt`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // Ranks r = [5, 7, 6, 8, 2, 4, 1, 3]; U_k = 2 Σ_{i≤k} r_i − 9k peaks at k = 4 with
/// // U = 2·26 − 36 = 16, so p = 2 exp(−6·16²/(8³ + 8²)) = 2 exp(−8/3).
/// let pt = corridor::stats::trend::pettitt(&[5.0, 6.0, 5.5, 6.2, 1.0, 1.5, 0.8, 1.2])?;
/// assert_eq!((pt.index(), pt.u()), (4, 16.0));
/// assert!((pt.p_value() - 2.0 * (-8.0f64 / 3.0).exp()).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Pettitt {
    index: usize,
    u: f64,
    p: f64,
}

impl Pettitt {
    /// 0-based index of the first observation after the change (where the new segment starts,
    /// the crate's changepoint convention).
    ///
    /// Numerically equal to R's `K` ("probable change point at time K"), which is the 1-based
    /// position of the last observation before the change: Nile → 28 in both.
    ///
    /// # Examples
    /// ```
    /// // The Nile at Aswan, 1871–1970: R trend 1.1.6 pettitt.test gives U = 1617, K = 28,
    /// // p = 3.591e-7.
    /// let nile = [
    ///     1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0, 1110.0, 994.0, 1020.0, 960.0, 1180.0, 799.0, 958.0, 1140.0,
    ///     1100.0, 1210.0, 1150.0, 1250.0, 1260.0, 1220.0, 1030.0, 1100.0, 774.0, 840.0, 874.0, 694.0, 940.0, 833.0, 701.0, 916.0, 692.0, 1020.0, 1050.0, 969.0,
    ///     831.0, 726.0, 456.0, 824.0, 702.0, 1120.0, 1100.0, 832.0, 764.0, 821.0, 768.0, 845.0, 864.0, 862.0, 698.0, 845.0, 744.0, 796.0, 1040.0, 759.0,
    ///     781.0, 865.0, 845.0, 944.0, 984.0, 897.0, 822.0, 1010.0, 771.0, 676.0, 649.0, 846.0, 812.0, 742.0, 801.0, 1040.0, 860.0, 874.0, 848.0, 890.0,
    ///     744.0, 749.0, 838.0, 1050.0, 918.0, 986.0, 797.0, 923.0, 975.0, 815.0, 1020.0, 906.0, 901.0, 1170.0, 912.0, 746.0, 919.0, 718.0, 714.0, 740.0,
    /// ];
    /// let pt = corridor::stats::trend::pettitt(&nile)?;
    /// assert_eq!((pt.index(), pt.u()), (28, 1617.0));
    /// assert!((pt.p_value() / 3.591_022_176_936e-7 - 1.0).abs() < 1e-8);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The statistic `U = max_k |U_k|`, `U_k = 2 Σ_{i≤k} r_i − k(n+1)`.
    ///
    /// # Examples
    /// ```
    /// // Ranks [5, 7, 6, 8, 2, 4, 1, 3]: U_4 = 2 · 26 − 4 · 9 = 16 is the largest |U_k|.
    /// assert_eq!(corridor::stats::trend::pettitt(&[5.0, 6.0, 5.5, 6.2, 1.0, 1.5, 0.8, 1.2])?.u(), 16.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn u(&self) -> f64 {
        self.u
    }

    /// Approximate p-value `min(1, 2 exp(−6U² / (n³ + n²)))`.
    ///
    /// # Examples
    /// ```
    /// // U = 16, n = 8 (see [`Pettitt`]): 2 exp(−6·256/576) = 0.1390.
    /// let pt = corridor::stats::trend::pettitt(&[5.0, 6.0, 5.5, 6.2, 1.0, 1.5, 0.8, 1.2])?;
    /// assert!((pt.p_value() - 0.1390).abs() < 1e-4);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        self.p
    }
}

/// Pettitt's change-point test, as R `trend::pettitt.test`.
///
/// With `r_i` the average ranks of `xs`, `U_k = 2 Σ_{i≤k} r_i − k(n+1)` for `k = 1..n`,
/// `U = max |U_k|` at the first maximising `K`, `p = min(1, 2 exp(−6U²/(n³+n²)))`.
/// Nile: `U = 1617`, `K = 28`, `p = 3.59e-7` (R trend 1.1.6).
///
/// # Complexity
///
/// `O(n log n)`.
///
/// # Errors
/// [`StatsError::TooShort`](crate::stats::StatsError::TooShort) for fewer than 2 values,
/// [`StatsError::NonFinite`](crate::stats::StatsError::NonFinite). A constant series gives
/// `U = 0`, `p = 1`, `index = 1`.
///
/// # Examples
/// ```
/// let xs = [5.0, 6.0, 5.5, 6.2, 1.0, 1.5, 0.8, 1.2];
/// let pt = corridor::stats::trend::pettitt(&xs)?;
/// assert_eq!(pt.index(), 4); // the new segment starts at 0-based index 4
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn pettitt(xs: &[f64]) -> crate::stats::error::Result<Pettitt> {
    check_series("pettitt", xs, 2)?;
    let n = xs.len() as f64;
    let ranks = kendall::average_ranks(xs);
    let (mut best, mut best_k, mut cum) = (-1.0, 0, 0.0);
    for (k, r) in ranks.iter().enumerate() {
        cum += r;
        let uk = (2.0 * cum - (k + 1) as f64 * (n + 1.0)).abs();
        if uk > best {
            best = uk;
            best_k = k + 1;
        }
    }
    let p = (2.0 * (-6.0 * best * best / (n * n * n + n * n)).exp()).min(1.0);
    Ok(Pettitt {
        index: best_k,
        u: best,
        p,
    })
}
