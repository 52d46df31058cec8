//! Sen's slope (Theil–Sen estimator) with an exact selection that does not materialise all slopes.

use crate::stats::distributions::std_normal_quantile;

use super::kendall;
use crate::rng::Rng;
use crate::stats::validate::{check_len, check_level, check_series};
use crate::stats::{Interval, StatsError, descriptive::GapPolicy};

/// Up to this many pairwise slopes (those of n = 2000 points) they are materialised and selected
/// directly.
pub(super) const MATERIALISE_MAX_PAIRS: usize = 2000 * 1999 / 2;

/// The result of [`sens_slope`].
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // Pairwise slopes of [0, 2, 4, 6, 9]: six 2s, then 9/4, 7/3, 5/2, 3; median 2.
/// let s = corridor::stats::sens_slope(&[0.0, 2.0, 4.0, 6.0, 9.0])?;
/// assert_eq!(s.slope(), 2.0);
/// // Conover's intercept: median(x) − slope · median(t) = 4 − 2 · 2.
/// assert_eq!(s.intercept(), 0.0);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SensSlope {
    #[cfg_attr(feature = "serde", serde(skip))]
    xs: Vec<f64>,
    /// Observation times when the series had gaps (`None`: positions `0..n`).
    #[cfg_attr(feature = "serde", serde(skip))]
    t: Option<Vec<f64>>,
    slope: f64,
    intercept: f64,
    var_s: f64,
}

impl SensSlope {
    /// The median of the pairwise slopes `(x_j − x_i) / (j − i)`, `i < j` (numpy median: mean of
    /// the two middle slopes when their number is even).
    ///
    /// # Examples
    /// ```
    /// // Slopes of [1, 3, 2]: 2, 1/2, −1; median 1/2.
    /// assert_eq!(corridor::stats::sens_slope(&[1.0, 3.0, 2.0])?.slope(), 0.5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn slope(&self) -> f64 {
        self.slope
    }

    /// The intercept as pymannkendall (Conover 1980): `median(x) − slope · median(t)`, `t = 0..n−1`.
    ///
    /// # Examples
    /// ```
    /// // Slope 0.5; median(x) = 2 and median(t) = 1: 2 − 0.5 · 1.
    /// assert_eq!(corridor::stats::sens_slope(&[1.0, 3.0, 2.0])?.intercept(), 1.5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn intercept(&self) -> f64 {
        self.intercept
    }

    /// The confidence interval of the slope at `level`, as R `trend::sens.slope(x, conf.level)`
    /// (Gilbert 1987, §16.5).
    ///
    /// With `N = n(n−1)/2` sorted slopes `d_(1) ≤ … ≤ d_(N)` and
    /// `C = Φ⁻¹(1 − (1 − level)/2) · √Var(S)` (tie-corrected `Var S`), the bounds are
    /// `d_(round((N − C)/2))` and `d_(round((N + C)/2 + 1))` (1-based ranks; R's `round`, half to even).
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `0 < level < 1`;
    /// [`StatsError::Degenerate`] when a rank falls outside `1..=N` (too few observations for
    /// that level; R returns `NA` there).
    ///
    /// # Examples
    /// ```
    /// let s = corridor::stats::sens_slope(&[1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 10.0])?;
    /// let ci = s.confidence_interval(0.95)?;
    /// assert!(ci.contains(s.slope()));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn confidence_interval(&self, level: f64) -> crate::stats::error::Result<Interval> {
        let ranks = self.interval_ranks(level)?;
        let series = Timed {
            x: &self.xs,
            t: self.t.as_deref(),
        };
        let v = kth_slopes_grouped(&[series], &ranks, MATERIALISE_MAX_PAIRS);
        Ok(Interval::new(v[0], v[1], level))
    }

    /// The 0-based ranks of the interval bounds among the sorted slopes.
    fn interval_ranks(&self, level: f64) -> crate::stats::error::Result<[usize; 2]> {
        check_level(level)?;
        let n = self.xs.len() as f64;
        let pairs = n * (n - 1.0) / 2.0;
        let c = std_normal_quantile(1.0 - (1.0 - level) / 2.0) * self.var_s.sqrt();
        let rank_up = (f64::midpoint(pairs, c) + 1.0).round_ties_even();
        let rank_lo = ((pairs - c) / 2.0).round_ties_even();
        if !(rank_lo >= 1.0 && rank_up <= pairs) {
            return Err(StatsError::Degenerate {
                method: "sen's slope confidence interval",
                reason: "too few observations for this confidence level: a rank falls outside the slopes",
            });
        }
        Ok([rank_lo as usize - 1, rank_up as usize - 1])
    }
}

/// Sen's slope of `xs` against time `0..n−1`, with pymannkendall's intercept.
///
/// ```text
/// slope     = median_{i<j} (x_j − x_i) / (j − i)
/// intercept = median(x) − slope · median(0..n−1)
/// ```
///
/// Matches pymannkendall 1.4.3 `sens_slope` and R `trend::sens.slope` (slope and, through
/// [`SensSlope::confidence_interval`], `conf.int`).
///
/// # Complexity
///
/// For `n ≤ 2000` the slopes are materialised and selected (`O(n²)` time and memory). Above, an
/// exact randomised slope selection (in the spirit of Matoušek 1991 and Dillencourt, Mount &
/// Netanyahu 1992) with a fixed seed: random pairs narrow an interval `(lo, hi]` around the wanted
/// rank, the number of slopes `≤ s` is counted in `O(n log n)` as the inversions of
/// `x_k − s·k` (evaluated in double-double arithmetic), and the `O(n)` slopes left in the interval
/// are enumerated and selected. Expected `O(n log n)` time per narrowing round (about two rounds at
/// n = 10⁵), `O(n)` memory. Deterministic.
///
/// # Errors
/// [`StatsError::TooShort`] for fewer than 2 values, [`StatsError::NonFinite`] for NaN or infinity.
///
/// # Examples
/// ```
/// let s = corridor::stats::sens_slope(&[1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0])?;
/// assert_eq!(s.slope(), 10.0); // pymannkendall 1.4.3: slope 10, intercept 1115
/// assert_eq!(s.intercept(), 1115.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn sens_slope(xs: &[f64]) -> crate::stats::error::Result<SensSlope> {
    check_series("sen's slope", xs, 2)?;
    let n = xs.len();
    let pairs = n * (n - 1) / 2;
    let slope = median_of_slopes(xs, pairs, MATERIALISE_MAX_PAIRS);
    let intercept = median(xs) - slope * (n - 1) as f64 / 2.0;
    let groups = kendall::tie_groups(xs);
    Ok(SensSlope {
        xs: xs.to_vec(),
        t: None,
        slope,
        intercept,
        var_s: kendall::var_s(n, &groups),
    })
}

/// Sen's slope of a series with gaps, against the positions of the values present.
///
/// [`GapPolicy::Skip`]: the slopes `(x_j − x_i)/(j − i)` of all pairs of present values, at their
/// original positions `i < j` (so a gap widens the time step instead of closing it up), and the
/// intercept `median(present x) − slope · median(present positions)`: pymannkendall 1.4.3
/// `sens_slope` on a series with NaN. [`GapPolicy::Error`] and [`GapPolicy::Propagate`] fail at
/// the first gap (a slope of the whole series is undefined with a gap). The confidence interval
/// uses the `n` present values.
///
/// # Errors
/// [`StatsError::Gap`] (policies `Error`, `Propagate`), [`StatsError::NonFinite`] for a present
/// NaN or infinity, [`StatsError::TooShort`] for fewer than 2 present values.
///
/// # Examples
/// ```
/// use corridor::stats::{trend::sens_slope_with_gaps, descriptive::GapPolicy};
/// let xs = [Some(1.0), None, Some(5.0), Some(7.0)];
/// assert_eq!(sens_slope_with_gaps(&xs, GapPolicy::Skip)?.slope(), 2.0);
/// assert!(sens_slope_with_gaps(&xs, GapPolicy::Error).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn sens_slope_with_gaps(xs: &[Option<f64>], gaps: GapPolicy) -> crate::stats::error::Result<SensSlope> {
    let (x, t) = present_with_times(xs, gaps)?;
    check_len("sen's slope", x.len(), 2)?;
    let n = x.len();
    let pairs = n * (n - 1) / 2;
    let series = Timed { x: &x, t: Some(&t) };
    let slope = if pairs % 2 == 1 {
        kth_slopes_grouped(&[series], &[pairs / 2], MATERIALISE_MAX_PAIRS)[0]
    } else {
        let v = kth_slopes_grouped(&[series], &[pairs / 2 - 1, pairs / 2], MATERIALISE_MAX_PAIRS);
        f64::midpoint(v[0], v[1])
    };
    let intercept = median(&x) - slope * median(&t);
    let groups = kendall::tie_groups(&x);
    Ok(SensSlope {
        var_s: kendall::var_s(n, &groups),
        xs: x,
        t: Some(t),
        slope,
        intercept,
    })
}

/// The present values and their positions; a gap is an error unless `gaps` is `Skip`.
pub(super) fn present_with_times(xs: &[Option<f64>], gaps: GapPolicy) -> Result<(Vec<f64>, Vec<f64>), StatsError> {
    let mut x = Vec::with_capacity(xs.len());
    let mut t = Vec::with_capacity(xs.len());
    for (index, v) in xs.iter().enumerate() {
        match v {
            Some(v) if !v.is_finite() => return Err(StatsError::NonFinite { index, value: *v }),
            Some(v) => {
                x.push(*v);
                t.push(index as f64);
            }
            None if gaps == GapPolicy::Skip => {}
            None => return Err(StatsError::Gap { index }),
        }
    }
    Ok((x, t))
}

/// numpy median of a non-empty finite slice.
pub(super) fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    median_in_place(&mut v)
}

/// numpy median, reordering `v` (non-empty).
pub(super) fn median_in_place(v: &mut [f64]) -> f64 {
    let n = v.len();
    let (_, &mut hi, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    if n % 2 == 1 {
        hi
    } else {
        let lo = v[..n / 2].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        f64::midpoint(lo, hi)
    }
}

fn median_of_slopes(xs: &[f64], pairs: usize, materialise_max: usize) -> f64 {
    if pairs % 2 == 1 {
        kth_slopes(xs, &[pairs / 2], materialise_max)[0]
    } else {
        let v = kth_slopes(xs, &[pairs / 2 - 1, pairs / 2], materialise_max);
        f64::midpoint(v[0], v[1])
    }
}

/// A series with its observation times: positions `0, 1, …` when `t` is `None`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timed<'a> {
    pub(super) x: &'a [f64],
    pub(super) t: Option<&'a [f64]>,
}

impl Timed<'_> {
    fn len(&self) -> usize {
        self.x.len()
    }

    fn time(&self, k: usize) -> f64 {
        self.t.map_or(k as f64, |t| t[k])
    }
}

/// The float slope of the pair `i < j`, computed as the references do.
fn pair_slope(g: Timed<'_>, i: usize, j: usize) -> f64 {
    (g.x[j] - g.x[i]) / (g.time(j) - g.time(i))
}

/// The slopes of 0-based ranks `ranks` (each `< n(n-1)/2`) among all pairwise slopes; materialised
/// when there are at most `materialise_max` of them.
pub(super) fn kth_slopes(xs: &[f64], ranks: &[usize], materialise_max: usize) -> Vec<f64> {
    kth_slopes_grouped(&[Timed { x: xs, t: None }], ranks, materialise_max)
}

/// The slopes of 0-based ranks `ranks` among the union of the within-group pairwise slopes
/// (time = position within each group).
pub(super) fn kth_slopes_grouped(groups: &[Timed<'_>], ranks: &[usize], materialise_max: usize) -> Vec<f64> {
    let pairs: usize = groups.iter().map(|g| g.len() * g.len().saturating_sub(1) / 2).sum();
    if pairs <= materialise_max {
        let mut d = Vec::with_capacity(pairs);
        for &g in groups {
            for i in 0..g.len() {
                for j in i + 1..g.len() {
                    d.push(pair_slope(g, i, j));
                }
            }
        }
        return ranks
            .iter()
            .map(|&k| *d.select_nth_unstable_by(k, f64::total_cmp).1)
            .collect();
    }
    // Ranks close together (the two middle slopes of an even count) share one narrowing.
    let mut out = Vec::with_capacity(ranks.len());
    let mut i = 0;
    while i < ranks.len() {
        if i + 1 < ranks.len() && ranks[i + 1].abs_diff(ranks[i]) <= 1 {
            let (a, b) = (ranks[i].min(ranks[i + 1]), ranks[i].max(ranks[i + 1]));
            let v = select_slopes(groups, pairs, a, b);
            out.extend(if ranks[i] <= ranks[i + 1] {
                [v.0, v.1]
            } else {
                [v.1, v.0]
            });
            i += 2;
        } else {
            out.push(select_slopes(groups, pairs, ranks[i], ranks[i]).0);
            i += 1;
        }
    }
    out
}

/// `x_k − s·k` as an unevaluated double-double `(hi, lo)`.
fn dd_residual(x: f64, s: f64, k: f64) -> (f64, f64) {
    let p = s * k;
    let e = s.mul_add(k, -p); // s·k = p + e exactly
    let h = x - p;
    let bb = h - x;
    let l1 = (x - (h - bb)) + (-p - bb); // two_sum(x, -p) = h + l1 exactly
    let l = l1 - e;
    let hi = h + l;
    (hi, l - (hi - h))
}

fn residuals(g: Timed<'_>, s: f64) -> Vec<(f64, f64)> {
    g.x.iter()
        .enumerate()
        .map(|(k, &x)| dd_residual(x, s, g.time(k)))
        .collect()
}

/// Number of within-group pairs with slope `≤ s`.
fn count_le_grouped(groups: &[Timed<'_>], s: f64) -> u64 {
    groups.iter().map(|&g| count_le(g, s)).sum()
}

/// Number of within-group pairs with slope `< s` (strictly).
fn count_lt_grouped(groups: &[Timed<'_>], s: f64) -> u64 {
    groups
        .iter()
        .map(|&g| {
            if g.len() < 2 {
                0
            } else {
                kendall::strict_inversions(&residuals(g, s))
            }
        })
        .sum()
}

/// Number of pairs `i < j` with slope `≤ s`, i.e. with `x_j − s j ≤ x_i − s i`.
fn count_le(g: Timed<'_>, s: f64) -> u64 {
    let n = g.len() as u64;
    if n < 2 || s == f64::NEG_INFINITY {
        return 0;
    }
    if s == f64::INFINITY {
        return n * (n - 1) / 2;
    }
    kendall::weak_inversions(&residuals(g, s))
}

/// The float slopes of the within-group pairs with `lo < slope ≤ hi`.
fn slopes_between_grouped(groups: &[Timed<'_>], lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    for &g in groups {
        slopes_between(g, lo, hi, &mut out);
    }
    out
}

/// Pushes the float slopes of the pairs with `lo < slope ≤ hi` (as decided by the residual
/// orderings) onto `out`.
fn slopes_between(g: Timed<'_>, lo: f64, hi: f64, out: &mut Vec<f64>) {
    let n = g.len();
    // Order by the residual at `lo` (ties: larger index first), carry (index, residual at `hi`).
    let mut order: Vec<usize> = (0..n).collect();
    // At lo = −∞ every pair has slope > lo: index order is the residual order.
    if lo > f64::NEG_INFINITY {
        let r = residuals(g, lo);
        order.sort_by(|&a, &b| {
            r[a].partial_cmp(&r[b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.cmp(&a))
        });
    }
    let rh: Vec<(f64, f64)> = if hi == f64::INFINITY {
        // at s → +∞ every pair has slope ≤ hi: key −k makes every pair i<j inverted.
        (0..n).map(|k| (-(k as f64), 0.0)).collect()
    } else {
        residuals(g, hi)
    };
    let mut a: Vec<usize> = order;
    let mut buf = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if rh[a[i]] >= rh[a[j]] {
                    let b = a[j];
                    for &l in &a[i..mid] {
                        let (p, q) = if l < b { (l, b) } else { (b, l) };
                        out.push(pair_slope(g, p, q));
                    }
                    buf[k] = b;
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + end - j].copy_from_slice(&a[j..end]);
            start = end;
        }
        a.copy_from_slice(&buf);
        width *= 2;
    }
}

/// Up to `m` slopes inside `(lo, hi]` from uniformly drawn within-group pairs, sorted.
fn draw_sample(
    groups: &[Timed<'_>],
    cumulative: &[usize],
    pairs: usize,
    (lo, hi): (f64, f64),
    m: usize,
    rng: &mut Rng,
) -> Vec<f64> {
    let n: usize = groups.iter().map(Timed::len).sum();
    let mut sample = Vec::with_capacity(m);
    let budget = 40 * n.max(m);
    for _ in 0..budget {
        let g = if groups.len() == 1 {
            groups[0]
        } else {
            let u = rng.below(pairs as u64) as usize;
            groups[cumulative.partition_point(|&c| c <= u)]
        };
        let i = rng.below(g.len() as u64) as usize;
        let j = rng.below(g.len() as u64) as usize;
        if i == j {
            continue;
        }
        let (p, q) = if i < j { (i, j) } else { (j, i) };
        let s = pair_slope(g, p, q);
        if s > lo && s <= hi {
            sample.push(s);
            if sample.len() == m {
                break;
            }
        }
    }
    sample.sort_unstable_by(f64::total_cmp);
    sample
}

/// The slopes of 0-based ranks `ka ≤ kb < pairs` by randomised interval narrowing (see
/// [`sens_slope`]); `pairs` is the number of within-group pairs.
fn select_slopes(groups: &[Timed<'_>], pairs: usize, ka: usize, kb: usize) -> (f64, f64) {
    let n: usize = groups.iter().map(Timed::len).sum();
    // Cumulative pair counts, to draw a pair uniformly: first its group, then the pair.
    let cumulative: Vec<usize> = groups
        .iter()
        .scan(0, |acc, g| {
            *acc += g.len() * g.len().saturating_sub(1) / 2;
            Some(*acc)
        })
        .collect();
    let (ka, kb) = (ka as u64, kb as u64);
    let enumerate_max = (32 * n) as u64;
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    let (mut c_lo, mut c_hi) = (0u64, pairs as u64);
    let mut rng = Rng::seed_from_u64(0x5EED_0F5E_u64 ^ ka);
    let m = n.clamp(64, 100_000);
    let mut stalls = 0;
    for _round in 0..64 {
        let window = c_hi - c_lo;
        if window <= enumerate_max {
            break;
        }
        let sample = draw_sample(groups, &cumulative, pairs, (lo, hi), m, &mut rng);
        if sample.len() < 16 {
            break;
        }
        let len = sample.len() as f64;
        let frac_a = (ka - c_lo) as f64 / window as f64;
        let frac_b = (kb - c_lo) as f64 / window as f64;
        // Heavy ties (integer counts give many equal slopes, often 0): when the sampled value at
        // the wanted rank repeats, test whether the wanted ranks fall inside its tie block, which
        // no interval (lo, hi] around it could shrink.
        let at = ((frac_a * len) as usize).min(sample.len() - 1);
        let v = sample[at];
        if sample.iter().filter(|&&w| w == v).count() >= 2 {
            let c_le = count_le_grouped(groups, v);
            if c_le > ka && count_lt_grouped(groups, v) <= ka {
                if c_le > kb {
                    return (v, v);
                }
                // rank ka is v; rank kb lies above the block.
                return (v, select_slopes(groups, pairs, kb as usize, kb as usize).1);
            }
        }
        let delta = 3.0 / len.sqrt();
        let lo_idx = ((frac_a - delta) * len).floor();
        let hi_idx = ((frac_b + delta) * len).ceil();
        let mut moved = false;
        if lo_idx >= 0.0 {
            let cand = sample[lo_idx as usize];
            if cand > lo {
                let c = count_le_grouped(groups, cand);
                if c <= ka && c >= c_lo {
                    lo = cand;
                    c_lo = c;
                    moved = true;
                }
            }
        }
        if hi_idx < len {
            let cand = sample[hi_idx as usize];
            if cand < hi {
                let c = count_le_grouped(groups, cand);
                if c > kb && c <= c_hi {
                    hi = cand;
                    c_hi = c;
                    moved = true;
                }
            }
        }
        if !moved {
            // A rare overshoot of both candidates: draw a fresh sample, a few times at most.
            stalls += 1;
            if stalls > 3 {
                break;
            }
        }
    }
    let mut window = slopes_between_grouped(groups, lo, hi);
    if window.is_empty() {
        let v = if hi.is_finite() { hi } else { lo };
        return (v, v);
    }
    let last = window.len() - 1;
    let ia = ((ka - c_lo) as usize).min(last);
    let ib = ((kb - c_lo) as usize).min(last);
    let a = *window.select_nth_unstable_by(ia, f64::total_cmp).1;
    let b = if ib == ia {
        a
    } else {
        // After selecting ia, every element right of it is >= a: the next rank is their minimum
        // when ib = ia + 1, otherwise select again in the right part.
        let right = &mut window[ia + 1..];
        *right.select_nth_unstable_by(ib - ia - 1, f64::total_cmp).1
    };
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(xs: &[f64], ranks: &[usize]) -> Vec<f64> {
        kth_slopes(xs, ranks, usize::MAX)
    }

    #[test]
    fn fast_path_matches_naive_on_a_seeded_series() {
        let mut state = 7u64;
        let mut next = || crate::rng::splitmix64(&mut state);
        let xs: Vec<f64> = (0..900)
            .map(|i| f64::from(i) * 0.01 + (next() % 1000) as f64 / 37.0)
            .collect();
        let pairs = 900 * 899 / 2;
        for k in [0, 1, pairs / 3, pairs / 2 - 1, pairs / 2, pairs - 2, pairs - 1] {
            assert_eq!(kth_slopes(&xs, &[k], 0), naive(&xs, &[k]), "rank {k}");
        }
    }

    #[test]
    fn public_fast_path_matches_naive_above_threshold() {
        // 2500·2499/2 > MATERIALISE_MAX_PAIRS: sens_slope and its interval take the fast path.
        let mut state = 11u64;
        let mut next = || crate::rng::splitmix64(&mut state);
        let xs: Vec<f64> = (0..2500).map(|i| ((next() % 40) + i / 100) as f64).collect();
        let s = sens_slope(&xs).unwrap();
        let pairs = 2500 * 2499 / 2;
        let m = naive(&xs, &[pairs / 2 - 1, pairs / 2]);
        assert_eq!(s.slope(), f64::midpoint(m[0], m[1]));
        let (lo, hi) = s.confidence_interval(0.9).unwrap().bounds();
        let want = naive(&xs, &s.interval_ranks(0.9).unwrap());
        assert_eq!((lo, hi), (want[0], want[1]));
    }

    #[test]
    fn heavy_ties_above_threshold_match_naive() {
        // 3000 values in 0..4: the median slope is 0, held by a huge block of tied slopes.
        let mut state = 3u64;
        let mut next = || crate::rng::splitmix64(&mut state);
        let xs: Vec<f64> = (0..3000).map(|_| (next() % 4) as f64).collect();
        let pairs = 3000 * 2999 / 2;
        for ranks in [
            [pairs / 2 - 1, pairs / 2],
            [pairs / 3, pairs / 3 + 1],
            [10, 11],
            [pairs - 2, pairs - 1],
        ] {
            assert_eq!(kth_slopes(&xs, &ranks, 0), naive(&xs, &ranks), "{ranks:?}");
        }
        let s = sens_slope(&xs).unwrap();
        let m = naive(&xs, &[pairs / 2 - 1, pairs / 2]);
        assert_eq!(s.slope(), f64::midpoint(m[0], m[1]));
    }

    #[test]
    fn count_le_counts_ties_as_le() {
        let xs = [0.0, 1.0, 2.0, 2.0];
        // slopes: 1, 1, 2/3, 1, 0.5, 0
        let g = Timed { x: &xs, t: None };
        assert_eq!(count_le(g, 1.0), 6);
        assert_eq!(count_le(g, 0.75), 3);
        assert_eq!(count_le(g, 0.0), 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn fast_selection_equals_naive(
            xs in prop::collection::vec(-1.0e3f64..1.0e3, 2..160),
            r in 0.0f64..1.0,
        ) {
            let pairs = xs.len() * (xs.len() - 1) / 2;
            let k = ((r * pairs as f64) as usize).min(pairs - 1);
            prop_assert_eq!(kth_slopes(&xs, &[k], 0), naive(&xs, &[k]));
        }

        #[test]
        fn fast_paired_ranks_equal_naive(
            xs in prop::collection::vec(-50i32..50, 2..120),
            r in 0.0f64..1.0,
        ) {
            let xs: Vec<f64> = xs.into_iter().map(f64::from).collect();
            let pairs = xs.len() * (xs.len() - 1) / 2;
            prop_assume!(pairs >= 2);
            let k = ((r * pairs as f64) as usize).min(pairs - 2);
            prop_assert_eq!(kth_slopes(&xs, &[k, k + 1], 0), naive(&xs, &[k, k + 1]));
            prop_assert_eq!(kth_slopes(&xs, &[k + 1, k], 0), naive(&xs, &[k + 1, k]));
        }

        #[test]
        fn fast_grouped_selection_equals_naive(
            groups in prop::collection::vec(prop::collection::vec(0u16..30, 0..50), 1..5),
            r in 0.0f64..1.0,
        ) {
            let groups: Vec<Vec<f64>> = groups.into_iter().map(|g| g.into_iter().map(f64::from).collect()).collect();
            let refs: Vec<Timed<'_>> = groups.iter().map(|g| Timed { x: g, t: None }).collect();
            let pairs: usize = refs.iter().map(|g| g.len() * g.len().saturating_sub(1) / 2).sum();
            prop_assume!(pairs >= 1);
            let k = ((r * pairs as f64) as usize).min(pairs - 1);
            prop_assert_eq!(kth_slopes_grouped(&refs, &[k], 0), kth_slopes_grouped(&refs, &[k], usize::MAX));
        }

        #[test]
        fn fast_selection_with_gaps_equals_naive(
            xs in prop::collection::vec(prop::option::weighted(0.8, 0u16..25), 2..150),
            r in 0.0f64..1.0,
        ) {
            let xs: Vec<Option<f64>> = xs.into_iter().map(|v| v.map(f64::from)).collect();
            let (x, t) = present_with_times(&xs, GapPolicy::Skip).unwrap();
            let pairs = x.len() * x.len().saturating_sub(1) / 2;
            prop_assume!(pairs >= 1);
            let k = ((r * pairs as f64) as usize).min(pairs - 1);
            let g = [Timed { x: &x, t: Some(&t) }];
            prop_assert_eq!(kth_slopes_grouped(&g, &[k], 0), kth_slopes_grouped(&g, &[k], usize::MAX));
        }

        #[test]
        fn fast_selection_equals_naive_with_ties(
            xs in prop::collection::vec(0u16..20, 2..160),
            r in 0.0f64..1.0,
        ) {
            let xs: Vec<f64> = xs.into_iter().map(f64::from).collect();
            let pairs = xs.len() * (xs.len() - 1) / 2;
            let k = ((r * pairs as f64) as usize).min(pairs - 1);
            prop_assert_eq!(kth_slopes(&xs, &[k], 0), naive(&xs, &[k]));
        }
    }
}
