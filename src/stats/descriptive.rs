//! Descriptive helpers: location, spread, quantiles, extremes, changes, rolling windows, shares.
//!
//! Conventions follow numpy and pandas (quantile: R type 7 = numpy `linear`; variance with
//! `n − 1`; rolling windows as pandas `rolling`). Series with gaps come as `&[Option<f64>]` with
//! a [`GapPolicy`]; a gap is never read as zero.
//!
//! Large finite values do not overflow where the answer is an `f64`: sums fall back to values
//! scaled by `2⁻⁶⁴` when the plain sum overflows (so the mean of two `1e308` is `1e308`),
//! variances to values scaled by a power of two, and interpolation between order statistics to
//! `a(1 − t) + bt` when `b − a` overflows (so the median of `−1e308` and `1e308` is 0). Where the
//! answer itself exceeds `f64::MAX` (the sum of two `1e308`, the variance of `±1e308`) the result
//! is [`StatsError::Overflow`], never an infinity.

use super::StatsError;
use super::linalg::{lerp, scaled_sum, scaled_variance};
use super::validate::{check_finite, check_positive, check_series};

/// What to do with a gap (`None`) in a series.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{peak_with_gaps, GapPolicy};
/// let xs = [Some(3.0), None, Some(7.0)];
/// assert!(peak_with_gaps(&xs, GapPolicy::Error).is_err());
/// assert_eq!(peak_with_gaps(&xs, GapPolicy::Skip)?.value(), 7.0);
/// assert_eq!(GapPolicy::default(), GapPolicy::Error);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum GapPolicy {
    /// Fail with [`StatsError::Gap`] at the first gap.
    #[default]
    Error,
    /// Compute from the values that are present (pandas `skipna=True`, `min_periods=1`).
    Skip,
    /// A result that depends on a gap is itself a gap (pandas' default for rolling windows).
    Propagate,
}

/// Where a rolling window sits relative to the position it is reported at.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{rolling_mean, GapPolicy, Window};
/// let xs = [Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
/// // A trailing window of 3 ends at its position, a centred one straddles it.
/// assert_eq!(rolling_mean(&xs, 3, Window::Trailing, GapPolicy::Error)?, vec![None, None, Some(2.0), Some(3.0)]);
/// assert_eq!(rolling_mean(&xs, 3, Window::Centred, GapPolicy::Error)?, vec![None, Some(2.0), Some(3.0), None]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Window {
    /// Positions `i − k + 1 ..= i` (pandas `rolling(k)`).
    Trailing,
    /// Positions `i − ⌊k/2⌋ ..= i − ⌊k/2⌋ + k − 1` (pandas `rolling(k, center=True)`): for an even
    /// `k` the window reaches one further back than forward, e.g. `k = 4` covers `i−2 ..= i+1`.
    Centred,
}

/// How to express a change between two values.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{seasonal_change, Change};
/// let xs = [Some(80.0), Some(100.0)];
/// assert_eq!(seasonal_change(&xs, 1, Change::Difference)?, vec![None, Some(20.0)]);
/// assert_eq!(seasonal_change(&xs, 1, Change::Percent)?, vec![None, Some(25.0)]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Change {
    /// `new − old`.
    Difference,
    /// `(new − old) / old × 100`.
    Percent,
}

/// A series' extreme value and the (first) position where it occurs.
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{peak, trough};
/// let xs = [4.0, 9.0, 1.0, 9.0];
/// let p = peak(&xs)?;
/// assert_eq!((p.index(), p.value()), (1, 9.0)); // the first of the two 9s
/// assert_eq!(trough(&xs)?.index(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Extreme {
    index: usize,
    value: f64,
}

impl Extreme {
    /// 0-based position of the first occurrence.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The extreme value.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }
}

/// The present values of `xs`, failing at the first gap.
///
/// # Errors
/// [`StatsError::Gap`] naming the first gap.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::without_gaps(&[Some(1.0), Some(2.0)])?, vec![1.0, 2.0]);
/// assert!(corridor::stats::descriptive::without_gaps(&[Some(1.0), None]).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn without_gaps(xs: &[Option<f64>]) -> crate::stats::error::Result<Vec<f64>> {
    xs.iter()
        .enumerate()
        .map(|(index, x)| x.ok_or(StatsError::Gap { index }))
        .collect()
}

/// The present values of `xs`, gaps dropped (positions shift: do not feed the result to a
/// statistic that reads time from positions, such as Sen's slope, or whose answer is a position,
/// such as [`peak`]; use [`peak_with_gaps`], [`sens_slope_with_gaps`](crate::stats::trend::sens_slope_with_gaps)).
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::dropping_gaps(&[Some(1.0), None, Some(3.0)]), vec![1.0, 3.0]);
/// ```
#[must_use]
pub fn dropping_gaps(xs: &[Option<f64>]) -> Vec<f64> {
    xs.iter().filter_map(|x| *x).collect()
}

/// The sum `Σ x_i` (0 for an empty slice, as numpy).
///
/// # Errors
/// [`StatsError::NonFinite`] for NaN or infinity; [`StatsError::Overflow`] when the sum exceeds
/// `f64::MAX` in magnitude (partial sums may: `sum(&[1e308, 1e308, -1e308])` is `1e308`).
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::sum(&[1.0, 2.5])?, 3.5);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn sum(xs: &[f64]) -> crate::stats::error::Result<f64> {
    check_finite(xs)?;
    finite_sum("sum", xs.iter().copied())
}

/// `Σ x` of finite values, or [`StatsError::Overflow`] when it is not an `f64`.
fn finite_sum(method: &'static str, xs: impl Iterator<Item = f64> + Clone) -> crate::stats::error::Result<f64> {
    let (s, k) = scaled_sum(xs);
    let total = s / k;
    if total.is_finite() {
        Ok(total)
    } else {
        Err(StatsError::Overflow { method, what: "sum" })
    }
}

/// The mean of finite values (non-empty): never overflows, since it lies between their extremes.
fn finite_mean(xs: impl Iterator<Item = f64> + Clone, n: usize) -> f64 {
    let (s, k) = scaled_sum(xs.clone());
    let m = s / n as f64 / k;
    if k == 1.0 {
        return m;
    }
    // Scaled division can round one ulp past an extreme (all values f64::MAX): clamp.
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    m.clamp(lo, hi)
}

/// The arithmetic mean `Σ x_i / n`; finite for any finite input (the mean of two `1e308` is
/// `1e308`: the sum is then taken on scaled values).
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`].
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::mean(&[1.0, 2.0, 6.0])?, 3.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn mean(xs: &[f64]) -> crate::stats::error::Result<f64> {
    check_series("mean", xs, 1)?;
    Ok(finite_mean(xs.iter().copied(), xs.len()))
}

/// The median (mean of the two middle values for even `n`, as numpy).
///
/// Finite for any finite input: the median of `−1e308` and `1e308` is 0 (see [`quantile`]).
///
/// # Complexity
///
/// `O(n)` by selection.
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`].
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::median(&[4.0, 1.0, 3.0, 2.0])?, 2.5);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn median(xs: &[f64]) -> crate::stats::error::Result<f64> {
    check_series("median", xs, 1)?;
    quantile_unchecked(&mut xs.to_vec(), 0.5).ok_or_else(|| unreachable_empty("median"))
}

fn unreachable_empty(method: &'static str) -> StatsError {
    StatsError::TooShort {
        method,
        needed: 1,
        got: 0,
    }
}

/// The sample variance `Σ (x_i − x̄)² / (n − 1)` (two-pass; numpy `var(ddof=1)`, R `var`).
///
/// Values whose squares overflow are rescaled by a power of two first, so the variance is
/// returned whenever it is an `f64`.
///
/// # Errors
/// [`StatsError::TooShort`] for fewer than 2 values, [`StatsError::NonFinite`],
/// [`StatsError::Overflow`] when the variance exceeds `f64::MAX` (values spread over more than
/// about `1.3e154`); [`std_dev`] is finite there.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::variance(&[1.0, 2.0, 3.0, 4.0])?, 5.0 / 3.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn variance(xs: &[f64]) -> crate::stats::error::Result<f64> {
    check_series("variance", xs, 2)?;
    let (v, k) = scaled_variance(xs);
    let var = v / k / k;
    if var.is_finite() {
        Ok(var)
    } else {
        Err(StatsError::Overflow {
            method: "variance",
            what: "variance",
        })
    }
}

/// The sample standard deviation `√variance` (`n − 1`), finite for any finite input (the
/// standard deviation of `−1e308` and `1e308` is `√2 · 1e308`, whose variance is not an `f64`).
///
/// # Errors
/// [`StatsError::TooShort`] for fewer than 2 values, [`StatsError::NonFinite`].
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::std_dev(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])?, (32.0f64 / 7.0).sqrt());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn std_dev(xs: &[f64]) -> crate::stats::error::Result<f64> {
    check_series("standard deviation", xs, 2)?;
    let (v, k) = scaled_variance(xs);
    Ok(v.sqrt() / k)
}

fn check_prob(p: f64) -> Result<(), StatsError> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name: "probability",
            value: p.to_string(),
            reason: "must lie in [0, 1]",
        })
    }
}

/// Type-7 quantile of `v` (reordered), `p` in [0, 1]; `None` when `v` is empty.
fn quantile_unchecked(v: &mut [f64], p: f64) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as usize;
    let (_, &mut a, right) = v.select_nth_unstable_by(lo, f64::total_cmp);
    let t = h - lo as f64;
    if t == 0.0 || right.is_empty() {
        return Some(a);
    }
    let b = right.iter().copied().fold(f64::INFINITY, f64::min);
    Some(lerp(a, b, t))
}

/// The `p`-quantile by linear interpolation between order statistics: R `quantile(type = 7)`,
/// numpy `quantile` (method `linear`).
///
/// ```text
/// h = (n − 1) p,   Q(p) = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋))     (0-based order statistics)
/// ```
///
/// Where `x_(⌊h⌋+1) − x_(⌊h⌋)` overflows the interpolation is taken as
/// `x_(⌊h⌋)(1 − t) + x_(⌊h⌋+1) t`, so the result is finite for any finite input.
///
/// # Complexity
///
/// `O(n)` expected, by selection.
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`],
/// [`StatsError::InvalidParameter`] unless `0 ≤ p ≤ 1`.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::quantile(&[1.0, 2.0, 3.0, 4.0], 0.25)?, 1.75);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn quantile(xs: &[f64], p: f64) -> crate::stats::error::Result<f64> {
    check_series("quantile", xs, 1)?;
    check_prob(p)?;
    quantile_unchecked(&mut xs.to_vec(), p).ok_or_else(|| unreachable_empty("quantile"))
}

/// Several type-7 quantiles at once, in the order of `ps`.
///
/// # Complexity
///
/// `O(n log n)`: one sort serves every probability.
///
/// # Errors
/// As [`quantile`], for the first bad probability.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::quantiles(&[1.0, 2.0, 3.0, 4.0, 5.0], &[0.0, 0.5, 1.0])?, vec![1.0, 3.0, 5.0]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn quantiles(xs: &[f64], ps: &[f64]) -> crate::stats::error::Result<Vec<f64>> {
    check_series("quantile", xs, 1)?;
    for &p in ps {
        check_prob(p)?;
    }
    let mut sorted = xs.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let n = sorted.len();
    Ok(ps
        .iter()
        .map(|&p| {
            let h = (n - 1) as f64 * p;
            let lo = h.floor() as usize;
            let t = h - lo as f64;
            if t == 0.0 || lo + 1 >= n {
                sorted[lo]
            } else {
                lerp(sorted[lo], sorted[lo + 1], t)
            }
        })
        .collect())
}

fn extreme(
    method: &'static str,
    xs: &[f64],
    better: impl Fn(f64, f64) -> bool,
) -> crate::stats::error::Result<Extreme> {
    check_series(method, xs, 1)?;
    let mut best = Extreme { index: 0, value: xs[0] };
    for (index, &value) in xs.iter().enumerate().skip(1) {
        if better(value, best.value) {
            best = Extreme { index, value };
        }
    }
    Ok(best)
}

/// The maximum and its first position (numpy `argmax`).
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`].
///
/// # Examples
/// ```
/// let p = corridor::stats::descriptive::peak(&[3.0, 9.0, 1.0, 9.0])?;
/// assert_eq!((p.index(), p.value()), (1, 9.0));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn peak(xs: &[f64]) -> crate::stats::error::Result<Extreme> {
    extreme("peak", xs, |a, b| a > b)
}

/// The minimum and its first position (numpy `argmin`).
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`].
///
/// # Examples
/// ```
/// let t = corridor::stats::descriptive::trough(&[3.0, 1.0, 1.0])?;
/// assert_eq!((t.index(), t.value()), (1, 1.0));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn trough(xs: &[f64]) -> crate::stats::error::Result<Extreme> {
    extreme("trough", xs, |a, b| a < b)
}

fn extreme_with_gaps(
    method: &'static str,
    xs: &[Option<f64>],
    gaps: GapPolicy,
    better: impl Fn(f64, f64) -> bool,
) -> crate::stats::error::Result<Extreme> {
    check_gap_series(xs)?;
    if gaps != GapPolicy::Skip {
        without_gaps(xs)?;
    }
    let mut best: Option<Extreme> = None;
    for (index, x) in xs.iter().enumerate() {
        if let Some(value) = *x
            && best.is_none_or(|b| better(value, b.value))
        {
            best = Some(Extreme { index, value });
        }
    }
    best.ok_or({
        StatsError::TooShort {
            method,
            needed: 1,
            got: 0,
        }
    })
}

/// The maximum of a series with gaps and its first position in the original series (pandas
/// `idxmax()`, which skips NaN). [`GapPolicy::Skip`] ignores gaps; `Error` and `Propagate`
/// fail at the first gap.
///
/// # Errors
/// [`StatsError::Gap`] (policies `Error`, `Propagate`), [`StatsError::NonFinite`],
/// [`StatsError::TooShort`] when no value is present.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{peak_with_gaps, GapPolicy};
/// let p = peak_with_gaps(&[Some(3.0), None, Some(9.0)], GapPolicy::Skip)?;
/// assert_eq!((p.index(), p.value()), (2, 9.0));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn peak_with_gaps(xs: &[Option<f64>], gaps: GapPolicy) -> crate::stats::error::Result<Extreme> {
    extreme_with_gaps("peak", xs, gaps, |a, b| a > b)
}

/// The minimum of a series with gaps and its first position in the original series (pandas
/// `idxmin()`); gaps as [`peak_with_gaps`].
///
/// # Errors
/// As [`peak_with_gaps`].
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{trough_with_gaps, GapPolicy};
/// let t = trough_with_gaps(&[None, Some(3.0), Some(1.0)], GapPolicy::Skip)?;
/// assert_eq!((t.index(), t.value()), (2, 1.0));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn trough_with_gaps(xs: &[Option<f64>], gaps: GapPolicy) -> crate::stats::error::Result<Extreme> {
    extreme_with_gaps("trough", xs, gaps, |a, b| a < b)
}

fn check_value(name: &'static str, x: f64) -> Result<(), StatsError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name,
            value: x.to_string(),
            reason: "must be finite",
        })
    }
}

/// `(to − from) / from × 100`, through `to/from` when the difference overflows.
fn percent(from: f64, to: f64) -> f64 {
    let d = to - from;
    if d.is_finite() {
        d / from * 100.0
    } else {
        (to / from - 1.0) * 100.0
    }
}

/// `x` when finite, else [`StatsError::Overflow`].
fn finite(method: &'static str, what: &'static str, x: f64) -> crate::stats::error::Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(StatsError::Overflow { method, what })
    }
}

fn check_nonzero_base(name: &'static str, x: f64) -> Result<(), StatsError> {
    check_value(name, x)?;
    if x == 0.0 {
        return Err(StatsError::Degenerate {
            method: "relative change",
            reason: "the base value is zero",
        });
    }
    Ok(())
}

/// The percent change `(to − from) / from × 100` (as `(to/from − 1) × 100` where `to − from`
/// overflows: `percent_change(-1e308, 1e308)` is −200).
///
/// # Errors
/// [`StatsError::InvalidParameter`] for a non-finite value, [`StatsError::Degenerate`] for
/// `from = 0`, [`StatsError::Overflow`] when the change exceeds `f64::MAX` percent.
///
/// # Examples
/// ```
/// // Darién: 2,461 crossings a day in August 2021, 140 a day later: −94.31 %.
/// let pct = corridor::stats::descriptive::percent_change(2461.0, 140.0)?;
/// assert!((pct + 94.311_255_587_159_69).abs() < 1e-9);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn percent_change(from: f64, to: f64) -> crate::stats::error::Result<f64> {
    check_nonzero_base("from", from)?;
    check_value("to", to)?;
    finite("percent change", "percent change", percent(from, to))
}

/// The ratio `value / baseline`.
///
/// # Errors
/// [`StatsError::InvalidParameter`] for a non-finite value, [`StatsError::Degenerate`] for a
/// zero baseline, [`StatsError::Overflow`] when the ratio exceeds `f64::MAX`.
///
/// # Examples
/// ```
/// // 140,000 crossings against a normal year of 10,000.
/// assert_eq!(corridor::stats::descriptive::ratio_to(140_000.0, 10_000.0)?, 14.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn ratio_to(value: f64, baseline: f64) -> crate::stats::error::Result<f64> {
    check_nonzero_base("baseline", baseline)?;
    check_value("value", value)?;
    finite("ratio", "ratio", value / baseline)
}

fn base_value(xs: &[f64], base: usize) -> crate::stats::error::Result<f64> {
    check_series("index to base", xs, 1)?;
    let Some(&b) = xs.get(base) else {
        return Err(StatsError::InvalidParameter {
            name: "base index",
            value: base.to_string(),
            reason: "must be a position of the series",
        });
    };
    check_nonzero_base("base value", b)?;
    Ok(b)
}

/// Every value as a ratio to the value at position `base`: `x_i / x_base`.
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`], [`StatsError::InvalidParameter`]
/// when `base` is out of range, [`StatsError::Degenerate`] when `x_base = 0`,
/// [`StatsError::Overflow`] when a ratio exceeds `f64::MAX`.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::ratio_to_base(&[2.0, 3.0, 5.0], 0)?, vec![1.0, 1.5, 2.5]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn ratio_to_base(xs: &[f64], base: usize) -> crate::stats::error::Result<Vec<f64>> {
    let b = base_value(xs, base)?;
    xs.iter().map(|x| finite("ratio to base", "ratio", x / b)).collect()
}

/// An index with the base period at 100: `x_i / x_base × 100`.
///
/// # Errors
/// As [`ratio_to_base`].
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::index_to_base(&[2.0, 3.0, 5.0], 0)?, vec![100.0, 150.0, 250.0]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn index_to_base(xs: &[f64], base: usize) -> crate::stats::error::Result<Vec<f64>> {
    let b = base_value(xs, base)?;
    xs.iter()
        .map(|x| finite("index to base", "index", x / b * 100.0))
        .collect()
}

fn check_gap_series(xs: &[Option<f64>]) -> Result<(), StatsError> {
    match xs.iter().position(|x| x.is_some_and(|v| !v.is_finite())) {
        Some(index) => Err(StatsError::NonFinite {
            index,
            value: xs[index].unwrap_or(f64::NAN),
        }),
        None => Ok(()),
    }
}

/// The change over a seasonal lag (year over year for `lag = 12` on monthly data):
/// `x_i − x_{i−lag}` or `(x_i − x_{i−lag}) / x_{i−lag} × 100` (pandas `diff(lag)` /
/// `pct_change(lag) × 100`).
///
/// The first `lag` positions are `None`, and so is any position where either value is a gap or
/// (for [`Change::Percent`]) the earlier value is zero.
///
/// # Errors
/// [`StatsError::InvalidParameter`] for `lag = 0`, [`StatsError::NonFinite`] for a NaN or
/// infinite value, [`StatsError::Overflow`] when a change exceeds `f64::MAX` (a percent change
/// whose difference alone overflows is computed as [`percent_change`] does).
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{seasonal_change, Change};
/// let xs = [Some(100.0), Some(50.0), Some(110.0), None];
/// assert_eq!(seasonal_change(&xs, 2, Change::Percent)?, vec![None, None, Some(10.0), None]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn seasonal_change(
    xs: &[Option<f64>],
    lag: usize,
    change: Change,
) -> crate::stats::error::Result<Vec<Option<f64>>> {
    check_positive("lag", lag)?;
    check_gap_series(xs)?;
    (0..xs.len())
        .map(|i| {
            let Some((old, new)) = i.checked_sub(lag).and_then(|j| xs[j].zip(xs[i])) else {
                return Ok(None);
            };
            match change {
                Change::Difference => finite("seasonal change", "difference", new - old).map(Some),
                Change::Percent if old == 0.0 => Ok(None),
                Change::Percent => finite("seasonal change", "percent change", percent(old, new)).map(Some),
            }
        })
        .collect()
}

/// The compound growth rate per period between `first` and `last`, `periods` periods apart:
/// `(last / first)^(1/periods) − 1` (a fraction: multiply by 100 for percent).
///
/// Where `last / first` overflows or underflows the rate is taken through logarithms,
/// `exp((ln last − ln first) / periods) − 1`.
///
/// # Errors
/// [`StatsError::InvalidParameter`] unless `first > 0`, `last ≥ 0`, `periods > 0`, all finite;
/// [`StatsError::Overflow`] when the rate exceeds `f64::MAX`.
///
/// # Examples
/// ```
/// let g = corridor::stats::descriptive::compound_growth_rate(100.0, 121.0, 2.0)?;
/// assert!((g - 0.1).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn compound_growth_rate(first: f64, last: f64, periods: f64) -> crate::stats::error::Result<f64> {
    let bad = |name, v: f64, reason| -> StatsError {
        StatsError::InvalidParameter {
            name,
            value: v.to_string(),
            reason,
        }
    };
    if !(first.is_finite() && first > 0.0) {
        return Err(bad("first", first, "must be finite and positive"));
    }
    if !(last.is_finite() && last >= 0.0) {
        return Err(bad("last", last, "must be finite and not negative"));
    }
    if !(periods.is_finite() && periods > 0.0) {
        return Err(bad("periods", periods, "must be finite and positive"));
    }
    let ratio = last / first;
    let rate = if ratio.is_normal() || last == 0.0 {
        ratio.powf(1.0 / periods) - 1.0
    } else {
        ((last.ln() - first.ln()) / periods).exp_m1()
    };
    finite("compound growth rate", "rate", rate)
}

/// Shared rolling machinery: `reduce(window)` on the present values of each full window.
fn rolling(
    xs: &[Option<f64>],
    k: usize,
    window: Window,
    gaps: GapPolicy,
    reduce: impl Fn(&[Option<f64>]) -> crate::stats::error::Result<f64>,
) -> crate::stats::error::Result<Vec<Option<f64>>> {
    check_positive("window", k)?;
    check_gap_series(xs)?;
    if gaps == GapPolicy::Error {
        without_gaps(xs)?;
    }
    let n = xs.len();
    let back = match window {
        Window::Trailing => k - 1,
        Window::Centred => k / 2,
    };
    (0..n)
        .map(|i| {
            let Some(w) = i
                .checked_sub(back)
                .and_then(|start| xs.get(start..start.checked_add(k)?))
            else {
                return Ok(None);
            };
            let has_gap = w.iter().any(Option::is_none);
            if (has_gap && gaps == GapPolicy::Propagate) || w.iter().all(Option::is_none) {
                return Ok(None);
            }
            reduce(w).map(Some)
        })
        .collect()
}

/// The rolling mean over windows of `k` positions (pandas `rolling(k, center=…).mean()`).
///
/// Positions whose window does not fit in the series are `None` (pandas' `NaN`). Gaps:
/// [`GapPolicy::Error`] fails, [`GapPolicy::Propagate`] makes any window containing a gap `None`
/// (pandas' default), [`GapPolicy::Skip`] averages the present values of the window
/// (pandas `min_periods=1` on every full window; `None` if all are gaps). Unlike pandas with
/// `min_periods`, edge positions whose window does not fit stay `None` under every policy. See [`Window`] for the alignment of
/// centred windows with an even `k`.
///
/// # Complexity
///
/// `O(n·k)`.
///
/// # Errors
/// [`StatsError::InvalidParameter`] for `k = 0`, [`StatsError::NonFinite`],
/// [`StatsError::Gap`] under [`GapPolicy::Error`].
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{rolling_mean, GapPolicy, Window};
/// let xs = [Some(1.0), Some(2.0), None, Some(4.0)];
/// assert_eq!(rolling_mean(&xs, 2, Window::Trailing, GapPolicy::Propagate)?, vec![None, Some(1.5), None, None]);
/// assert_eq!(rolling_mean(&xs, 2, Window::Trailing, GapPolicy::Skip)?, vec![None, Some(1.5), Some(2.0), Some(4.0)]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn rolling_mean(
    xs: &[Option<f64>],
    k: usize,
    window: Window,
    gaps: GapPolicy,
) -> crate::stats::error::Result<Vec<Option<f64>>> {
    rolling(xs, k, window, gaps, |w| {
        let present = w.iter().flatten().count();
        Ok(finite_mean(w.iter().flatten().copied(), present))
    })
}

/// The rolling sum over windows of `k` positions (pandas `rolling(k, center=…).sum()`); gaps as
/// [`rolling_mean`] (under [`GapPolicy::Skip`] the sum of the present values: read it as a lower
/// bound, not as the window's total).
///
/// # Errors
/// As [`rolling_mean`], and [`StatsError::Overflow`] when a window's sum exceeds `f64::MAX`
/// (a rolling mean never overflows).
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{rolling_sum, GapPolicy, Window};
/// let xs = [Some(1.0), Some(2.0), Some(4.0), Some(8.0)];
/// assert_eq!(rolling_sum(&xs, 3, Window::Centred, GapPolicy::Error)?, vec![None, Some(7.0), Some(14.0), None]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn rolling_sum(
    xs: &[Option<f64>],
    k: usize,
    window: Window,
    gaps: GapPolicy,
) -> crate::stats::error::Result<Vec<Option<f64>>> {
    rolling(xs, k, window, gaps, |w| {
        finite_sum("rolling sum", w.iter().flatten().copied())
    })
}

/// The cumulative sum. Gaps: [`GapPolicy::Skip`] leaves the gap position `None` and keeps
/// summing the present values (pandas `cumsum()`); [`GapPolicy::Propagate`] makes every position
/// from the first gap on `None`; [`GapPolicy::Error`] fails.
///
/// # Errors
/// [`StatsError::NonFinite`], [`StatsError::Gap`] under [`GapPolicy::Error`],
/// [`StatsError::Overflow`] when a partial sum exceeds `f64::MAX`.
///
/// # Examples
/// ```
/// use corridor::stats::descriptive::{cumulative_sum, GapPolicy};
/// let xs = [Some(1.0), None, Some(4.0)];
/// assert_eq!(cumulative_sum(&xs, GapPolicy::Skip)?, vec![Some(1.0), None, Some(5.0)]);
/// assert_eq!(cumulative_sum(&xs, GapPolicy::Propagate)?, vec![Some(1.0), None, None]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn cumulative_sum(xs: &[Option<f64>], gaps: GapPolicy) -> crate::stats::error::Result<Vec<Option<f64>>> {
    check_gap_series(xs)?;
    if gaps == GapPolicy::Error {
        without_gaps(xs)?;
    }
    let mut total = Some(0.0);
    xs.iter()
        .map(|x| match (x, gaps) {
            (Some(v), _) => {
                total = total.map(|t| t + v);
                match total {
                    Some(t) if !t.is_finite() => Err(StatsError::Overflow {
                        method: "cumulative sum",
                        what: "partial sum",
                    }),
                    t => Ok(t),
                }
            }
            (None, GapPolicy::Propagate) => {
                total = None;
                Ok(None)
            }
            (None, _) => Ok(None),
        })
        .collect()
}

/// Checks the input of a share and returns `(total, scale)`: shares are `x_i · scale / total`
/// (`scale = 2⁻⁶⁴` when the plain total overflows, so that huge values keep their shares).
fn check_shares_input(method: &'static str, xs: &[f64]) -> crate::stats::error::Result<(f64, f64)> {
    check_series(method, xs, 1)?;
    if let Some(index) = xs.iter().position(|&x| x < 0.0) {
        return Err(StatsError::InvalidParameter {
            name: "value",
            value: format!("{} at index {index}", xs[index]),
            reason: "shares need values that are not negative",
        });
    }
    let (total, scale) = scaled_sum(xs.iter().copied());
    if total == 0.0 {
        return Err(StatsError::Degenerate {
            method,
            reason: "the values sum to zero",
        });
    }
    Ok((total, scale))
}

/// Each value's share of the total, `x_i / Σ x` (fractions summing to 1; values so large that
/// their total overflows are scaled first: the shares of `[1e308, 1e308]` are `[0.5, 0.5]`).
///
/// # Errors
/// [`StatsError::TooShort`] when empty, [`StatsError::NonFinite`],
/// [`StatsError::InvalidParameter`] for a negative value, [`StatsError::Degenerate`] when the
/// total is zero.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::shares(&[1.0, 3.0])?, vec![0.25, 0.75]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn shares(xs: &[f64]) -> crate::stats::error::Result<Vec<f64>> {
    let (total, scale) = check_shares_input("shares", xs)?;
    Ok(xs.iter().map(|x| x * scale / total).collect())
}

/// The Herfindahl–Hirschman index `Σ s_i²` of the shares `s_i = x_i / Σ x`, on the 0..1 scale
/// (1 = one holder of everything, `1/n` = `n` equal holders). Multiply by 10,000 for the
/// antitrust "points" scale (e.g. US DOJ: above 1,800 = highly concentrated).
///
/// # Errors
/// As [`shares`].
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::herfindahl(&[50.0, 30.0, 20.0])?, 0.38);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn herfindahl(xs: &[f64]) -> crate::stats::error::Result<f64> {
    let (total, scale) = check_shares_input("herfindahl", xs)?;
    Ok(xs.iter().map(|x| (x * scale / total) * (x * scale / total)).sum())
}

/// The top-`k` concentration ratio: the share of the total held by the `k` largest values
/// (`k` larger than the series counts all of it).
///
/// # Complexity
///
/// `O(n)` by selection.
///
/// # Errors
/// As [`shares`], and [`StatsError::InvalidParameter`] for `k = 0`.
///
/// # Examples
/// ```
/// assert_eq!(corridor::stats::descriptive::top_k_share(&[10.0, 50.0, 40.0], 2)?, 0.9);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn top_k_share(xs: &[f64], k: usize) -> crate::stats::error::Result<f64> {
    check_positive("k", k)?;
    let (total, scale) = check_shares_input("top-k share", xs)?;
    if k >= xs.len() {
        return Ok(1.0);
    }
    let mut v = xs.to_vec();
    v.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
    Ok(v[..k].iter().map(|x| x * scale).sum::<f64>() / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_problem() {
        assert!(matches!(mean(&[]), Err(StatsError::TooShort { .. })));
        assert!(matches!(
            median(&[1.0, f64::NAN]),
            Err(StatsError::NonFinite { index: 1, .. })
        ));
        assert!(matches!(
            quantile(&[1.0], 1.5),
            Err(StatsError::InvalidParameter { .. })
        ));
        assert!(matches!(
            without_gaps(&[Some(1.0), None]),
            Err(StatsError::Gap { index: 1 })
        ));
        assert!(matches!(percent_change(0.0, 1.0), Err(StatsError::Degenerate { .. })));
        assert!(matches!(shares(&[0.0, 0.0]), Err(StatsError::Degenerate { .. })));
        assert!(shares(&[1.0, -1.0]).is_err());
        assert!(top_k_share(&[1.0], 0).is_err());
        assert!(index_to_base(&[1.0], 3).is_err());
        assert!(rolling_mean(&[Some(1.0)], 0, Window::Trailing, GapPolicy::Skip).is_err());
        assert!(rolling_mean(&[None], 1, Window::Trailing, GapPolicy::Error).is_err());
        assert!(cumulative_sum(&[Some(f64::INFINITY)], GapPolicy::Skip).is_err());
        assert!(compound_growth_rate(0.0, 1.0, 1.0).is_err());
        assert!(compound_growth_rate(1.0, -1.0, 1.0).is_err());
        assert!(compound_growth_rate(1.0, 1.0, 0.0).is_err());
        assert!(seasonal_change(&[Some(1.0)], 0, Change::Difference).is_err());
    }

    #[test]
    fn small_cases() {
        assert_eq!(sum(&[]).unwrap(), 0.0);
        assert_eq!(quantile(&[5.0], 0.3).unwrap(), 5.0);
        assert_eq!(top_k_share(&[1.0, 2.0], 5).unwrap(), 1.0);
        assert_eq!(
            rolling_sum(&[None, None], 2, Window::Trailing, GapPolicy::Skip).unwrap(),
            vec![None, None]
        );
    }
}
