//! Offline changepoint detection: PELT, binary segmentation and CROPS, equal to R `changepoint`.
//!
//! A segmentation of `x_0, …, x_{n-1}` into segments `[τ_0, τ_1), [τ_1, τ_2), …, [τ_k, n)` (with
//! `τ_0 = 0`) is chosen to minimise
//!
//! ```text
//! Σ_j C(x[τ_j .. τ_{j+1}]) + k · β
//! ```
//!
//! where `C` is a segment [`Cost`] and `β` the [`Penalty`] per changepoint. The reported
//! changepoints are the `τ_1 < … < τ_k`: 0-based indices at which a new segment starts. They equal
//! R's `cpts()` (the 1-based index of the last observation of each segment but the final one).
//!
//! Costs, penalties and search steps follow R `changepoint` 2.2 (Killick & Eckley 2014) — its C
//! routines `PELTC`, `binseg` and cost functions, and `range_of_penalties` for CROPS — down to the
//! variance floor, the MBIC cost variant, the pruning rule and the tie-breaking, so that results
//! equal `cpt.mean` / `cpt.meanvar` with the same options.
//!
//! Validation (`tests/integration/changepoint.rs`): R `changepoint` outputs on Nile (PELT with manual and MBIC
//! penalties for mean and mean+variance, `BinSeg` with `Q = 3`), and 64 PELT cases plus CROPS sweeps on
//! seeded Gaussian and Poisson series computed by ruptures 1.1.10's PELT with R's cost formulas and
//! penalty definitions (`tests/reference-scripts/changepoint.py`); indices are equal, costs agree to
//! `1e-9`. `tests/integration/changepoint_r_port.rs` adds 1,022 PELT and 292 `BinSeg` cases on 66 seeded series
//! (Gaussian, Student-t, whole-number, flat-stretch and Poisson shapes, 20 to 2,000 points, every
//! cost, penalty and minimum segment lengths 1 to 10) computed by R changepoint's C routines (the
//! changepoint-cython 0.1.5 port, patched to R's C semantics; `tests/reference-scripts/
//! changepoint_r_port.py`): indices equal, costs to `1e-9`. Cumulative sums are accumulated in an
//! emulated x87 80-bit format, as R's `cumsum` on x86-64, so the sums agree to the last bit.

mod binseg;
mod cost;
mod crops;
mod pelt;

pub use binseg::BinSeg;
pub use crops::{Crops, CropsResult, CropsSegmentation};
pub use pelt::Pelt;

use super::StatsError;
use cost::Sums;

/// The cost of one segment (twice a negative log-likelihood, up to constants), as in R `changepoint`.
///
/// With `m` the segment length, `S = Σx`, `Q = Σx²` over the segment:
///
/// | variant | R call | segment cost | parameters per change |
/// |---|---|---|---|
/// | `NormalMean` | `cpt.mean(test.stat="Normal")` | `Q − S²/m` (residual sum of squares; variance taken as 1) | 1 |
/// | `NormalMeanVar` | `cpt.meanvar(test.stat="Normal")` | `m (ln 2π + ln σ̂² + 1)`, `σ̂² = (Q − S²/m)/m` floored at `1e-11` | 2 |
/// | `Poisson` | `cpt.meanvar(test.stat="Poisson")` | `2 S (ln m − ln S)` (0 when `S = 0`) | 1 |
///
/// `NormalMean` is scale dependent (as in R): scale the data to unit variance, or use a manual
/// penalty in the data's squared units, for BIC-type penalties to make sense.
///
/// # Examples
/// ```
/// use corridor::stats::{Cost, Pelt, Penalty};
/// // Monthly counts whose rate jumps from about 2 to about 12.
/// let counts = [2.0, 1.0, 3.0, 2.0, 2.0, 12.0, 11.0, 13.0, 12.0, 12.0];
/// let cps = Pelt::new(Cost::Poisson).penalty(Penalty::Mbic).detect(&counts)?;
/// assert_eq!(cps.indices(), &[5]);
/// assert_eq!(cps.segments()[0].rate(), 2.0);
/// assert_eq!(cps.segments()[1].rate(), 12.0);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Cost {
    /// Change in mean of a normal series with unit variance (L2 cost; ruptures `model="l2"`).
    NormalMean,
    /// Change in mean and variance of a normal series.
    NormalMeanVar,
    /// Change in rate of Poisson counts (non-negative whole numbers).
    Poisson,
}

impl Cost {
    /// Number of parameters that change at a changepoint (R's `diffparam`): 1, 2 and 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::Cost;
    /// assert_eq!(Cost::NormalMeanVar.params_per_change(), 2);
    /// ```
    #[must_use]
    pub fn params_per_change(self) -> usize {
        match self {
            Cost::NormalMean | Cost::Poisson => 1,
            Cost::NormalMeanVar => 2,
        }
    }

    /// R's default minimum segment length: 1 for a change in mean, 2 for mean and variance and
    /// for Poisson (`cpt.meanvar`'s `minseglen = 2`).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::Cost;
    /// assert_eq!(Cost::NormalMean.default_min_segment_len(), 1);
    /// ```
    #[must_use]
    pub fn default_min_segment_len(self) -> usize {
        match self {
            Cost::NormalMean => 1,
            Cost::NormalMeanVar | Cost::Poisson => 2,
        }
    }
}

/// The penalty per changepoint, as R `changepoint`'s `penalty_decision`.
///
/// With `n` the series length and `p` = [`Cost::params_per_change`]:
///
/// | variant | R `penalty=` | value per changepoint |
/// |---|---|---|
/// | `Manual(β)` | `"Manual"` | `β` (finite, `≥ 0`) |
/// | `Bic` | `"BIC"` = `"SIC"` | `(p + 1) ln n` |
/// | `Mbic` | `"MBIC"` | `(p + 2) ln n`, and every segment cost gets `+ ln m` (R's `*.mbic` costs) |
/// | `Aic` | `"AIC"` | `2 (p + 1)` |
///
/// # Examples
/// ```
/// use corridor::stats::{Cost, Penalty};
/// // Per changepoint for n = 50 and a change in mean and variance (p = 2), as R's pen.value.
/// let ln_n = 50f64.ln();
/// assert!((Penalty::Bic.value(Cost::NormalMeanVar, 50)? - 3.0 * ln_n).abs() < 1e-12);
/// assert!((Penalty::Mbic.value(Cost::NormalMeanVar, 50)? - 4.0 * ln_n).abs() < 1e-12);
/// assert_eq!(Penalty::Aic.value(Cost::NormalMeanVar, 50)?, 6.0);
/// assert!(Penalty::Manual(-1.0).value(Cost::NormalMean, 50).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Penalty {
    /// A penalty value given by the caller.
    Manual(f64),
    /// Schwarz / Bayesian information criterion (R "SIC" / "BIC").
    Bic,
    /// Modified BIC of Zhang & Siegmund (2007) (R "MBIC", R's default).
    Mbic,
    /// Akaike information criterion (R "AIC").
    Aic,
}

impl Penalty {
    /// The penalty per changepoint for a series of length `n` under `cost` (R's `pen.value`).
    ///
    /// # Errors
    ///
    /// [`StatsError::InvalidParameter`] if a manual penalty is negative or not finite.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Penalty};
    /// let bic = Penalty::Bic.value(Cost::NormalMean, 100)?;
    /// assert!((bic - 2.0 * 100f64.ln()).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn value(self, cost: Cost, n: usize) -> crate::stats::error::Result<f64> {
        let p = cost.params_per_change() as f64;
        let ln_n = (n as f64).ln();
        Ok(match self {
            Penalty::Manual(v) => {
                check_penalty("penalty", v)?;
                v
            }
            Penalty::Bic => (p + 1.0) * ln_n,
            Penalty::Mbic => (p + 2.0) * ln_n,
            Penalty::Aic => 2.0 * (p + 1.0),
        })
    }
}

fn check_penalty(name: &'static str, v: f64) -> Result<(), StatsError> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name,
            value: v.to_string(),
            reason: "must be finite and non-negative",
        })
    }
}

/// One segment `[start, end)` of a segmentation with its maximum-likelihood parameters.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, Pelt, Penalty};
/// let x = [1.0, 3.0, 2.0, 9.0, 11.0, 10.0];
/// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&x)?;
/// let second = cps.segments()[1];
/// assert_eq!((second.start(), second.end(), second.len()), (3, 6, 3));
/// assert_eq!(second.mean(), 10.0);
/// assert!((second.variance() - 2.0 / 3.0).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Segment {
    start: usize,
    end: usize,
    mean: f64,
    variance: f64,
}

impl Segment {
    /// 0-based index of the first observation.
    #[must_use]
    pub fn start(&self) -> usize {
        self.start
    }

    /// 0-based index one past the last observation.
    #[must_use]
    pub fn end(&self) -> usize {
        self.end
    }

    /// Number of observations, `end − start` (at least 1).
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Always false: a segment holds at least one observation.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Segment mean `Σx / m` (for [`Cost::Poisson`] this is the rate).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&[1.0, 3.0, 2.0, 9.0, 11.0, 10.0])?;
    /// let means: Vec<f64> = cps.segments().iter().map(|s| s.mean()).collect();
    /// assert_eq!(means, [2.0, 10.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// Segment variance with divisor `m` (the maximum-likelihood estimate used by
    /// [`Cost::NormalMeanVar`], before R's `1e-11` floor). NaN for [`Cost::Poisson`], whose segments
    /// have no variance parameter.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&[1.0, 3.0, 2.0, 9.0, 11.0, 10.0])?;
    /// // Squares about the mean 2: 1 + 1 + 0, divisor m = 3.
    /// assert!((cps.segments()[0].variance() - 2.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn variance(&self) -> f64 {
        self.variance
    }

    /// The Poisson rate of the segment (its mean).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// let counts = [2.0, 1.0, 3.0, 2.0, 2.0, 12.0, 11.0, 13.0, 12.0, 12.0];
    /// let cps = Pelt::new(Cost::Poisson).penalty(Penalty::Mbic).detect(&counts)?;
    /// // Events per period in each segment: 10/5 and 60/5.
    /// let rates: Vec<f64> = cps.segments().iter().map(|s| s.rate()).collect();
    /// assert_eq!(rates, [2.0, 12.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn rate(&self) -> f64 {
        self.mean
    }
}

/// The result of a changepoint search.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, Pelt, Penalty};
/// let x = [1.0, 3.0, 2.0, 9.0, 11.0, 10.0];
/// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&x)?;
/// assert_eq!(cps.indices(), &[3]);
/// assert_eq!(cps.len(), 1);
/// // Residual sum of squares 2 + 2, plus one penalty.
/// assert_eq!(cps.cost(), 4.0);
/// assert_eq!(cps.penalised_cost(), 9.0);
/// assert_eq!(cps.penalty(), 5.0);
/// assert_eq!(cps.cost_function(), Cost::NormalMean);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Changepoints {
    cost_fn: Cost,
    indices: Vec<usize>,
    segments: Vec<Segment>,
    cost: f64,
    penalised_cost: f64,
    penalty: f64,
}

impl Changepoints {
    /// 0-based indices at which a new segment starts, increasing (Nile → `[28]`); equal to R's
    /// `cpts()`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// // Two shifts: new segments start at 3 and at 6 (R's cpts() would print 3 and 6 too: the
    /// // 1-based last index of each segment but the final one).
    /// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(1.0)).detect(&x)?;
    /// assert_eq!(cps.indices(), &[3, 6]);
    /// assert_eq!((cps.len(), cps.is_empty()), (2, false));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// Number of changepoints.
    #[must_use]
    pub fn len(&self) -> usize {
        self.indices.len()
    }

    /// True when no change was found (a single segment).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The segments, in order, with their parameters.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The cost function used.
    #[must_use]
    pub fn cost_function(&self) -> Cost {
        self.cost_fn
    }

    /// The unpenalised cost: the sum of the segment costs `Σ_j C(segment j)` in R's convention
    /// (see [`Cost`]; without MBIC's `ln m` terms). For [`Cost::NormalMean`] it is the residual sum
    /// of squares about the segment means.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// // Segments [1, 3, 2] and [9, 11, 10]: squares about the means 2 and 10 sum to 2 + 2.
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&[1.0, 3.0, 2.0, 9.0, 11.0, 10.0])?;
    /// assert_eq!(cps.cost(), 4.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn cost(&self) -> f64 {
        self.cost
    }

    /// The penalised cost that the search minimises: the segment costs (with `+ ln m` per segment
    /// under [`Penalty::Mbic`], as R) plus `k · β` for `k` changepoints. For PELT it equals R's
    /// `lastchangelike[n]`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// // Cost 4 plus one changepoint at penalty 5.
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(5.0)).detect(&[1.0, 3.0, 2.0, 9.0, 11.0, 10.0])?;
    /// assert_eq!(cps.penalised_cost(), cps.cost() + 5.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn penalised_cost(&self) -> f64 {
        self.penalised_cost
    }

    /// The penalty per changepoint `β` that was used (R's `pen.value`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// // MBIC for a change in mean: (1 + 2) ln n.
    /// let x = [1.0, 3.0, 2.0, 9.0, 11.0, 10.0];
    /// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Mbic).detect(&x)?;
    /// assert!((cps.penalty() - 3.0 * 6f64.ln()).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn penalty(&self) -> f64 {
        self.penalty
    }

    /// Builds the result from sorted changepoint indices.
    fn from_indices(sums: &Sums, cost: Cost, indices: Vec<usize>, penalty: f64, mbic: bool) -> Self {
        let n = sums.n();
        let mut segments = Vec::with_capacity(indices.len() + 1);
        let mut total = 0.0;
        let mut mbic_terms = 0.0;
        let mut start = 0;
        for end in indices.iter().copied().chain(std::iter::once(n)) {
            let (x, x2) = sums.range(start, end);
            let m = end - start;
            let c = cost::base_cost(cost, x, x2, m as f64);
            total += c;
            if mbic && !(cost == Cost::Poisson && x == 0.0) {
                mbic_terms += (m as f64).ln();
            }
            let mean = x / m as f64;
            let variance = if cost == Cost::Poisson {
                f64::NAN
            } else {
                (x2 - x * x / m as f64) / m as f64
            };
            segments.push(Segment {
                start,
                end,
                mean,
                variance,
            });
            start = end;
        }
        if cost == Cost::Poisson {
            // The Poisson variance equals its rate.
            for s in &mut segments {
                s.variance = s.mean;
            }
        }
        let k = indices.len() as f64;
        Changepoints {
            cost_fn: cost,
            penalised_cost: total + mbic_terms + k * penalty,
            indices,
            segments,
            cost: total,
            penalty,
        }
    }
}

/// Checks the data for `cost` and the minimum segment length; returns the sums.
fn prepare(method: &'static str, xs: &[f64], cost: Cost, min_seg: usize) -> crate::stats::error::Result<Sums> {
    super::validate::check_series(method, xs, 2)?;
    if cost == Cost::Poisson
        && let Some(i) = xs.iter().position(|&x| x < 0.0 || x.fract() != 0.0)
    {
        return Err(StatsError::InvalidParameter {
            name: "data",
            value: format!("{} at index {i}", xs[i]),
            reason: "the poisson cost needs non-negative whole counts",
        });
    }
    let min_allowed = if cost == Cost::NormalMeanVar { 2 } else { 1 };
    if min_seg < min_allowed {
        return Err(StatsError::InvalidParameter {
            name: "min_segment_len",
            value: min_seg.to_string(),
            reason: if min_allowed == 2 {
                "must be at least 2 for the normal mean and variance cost"
            } else {
                "must be at least 1"
            },
        });
    }
    if min_seg.saturating_mul(2) > xs.len() {
        return Err(StatsError::InvalidParameter {
            name: "min_segment_len",
            value: min_seg.to_string(),
            reason: "must be at most half the series length",
        });
    }
    let sums = Sums::new(xs, cost);
    let n = xs.len();
    if !sums.s1[n].is_finite() || sums.s2.last().is_some_and(|s| !s.is_finite()) {
        return Err(StatsError::InvalidParameter {
            name: "data",
            value: format!(
                "values up to {:e} in magnitude",
                xs.iter().fold(0.0_f64, |m, x| m.max(x.abs()))
            ),
            reason: "too large: their sum or sum of squares overflows",
        });
    }
    Ok(sums)
}

/// Runs `$body` with `$c` bound to the monomorphised segment cost for `$cost` (MBIC or not).
macro_rules! with_cost {
    ($cost:expr, $mbic:expr, |$c:ident| $body:expr) => {{
        use $crate::stats::changepoint::Cost as K;
        use $crate::stats::changepoint::cost::{Mbic, NormalMean, NormalMeanVar, Poisson};
        match ($cost, $mbic) {
            (K::NormalMean, false) => {
                let $c = NormalMean;
                $body
            }
            (K::NormalMean, true) => {
                let $c = Mbic(NormalMean);
                $body
            }
            (K::NormalMeanVar, false) => {
                let $c = NormalMeanVar;
                $body
            }
            (K::NormalMeanVar, true) => {
                let $c = Mbic(NormalMeanVar);
                $body
            }
            (K::Poisson, false) => {
                let $c = Poisson;
                $body
            }
            (K::Poisson, true) => {
                let $c = Mbic(Poisson);
                $body
            }
        }
    }};
}
pub(crate) use with_cost;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_follow_penalty_decision() {
        let ln = 100f64.ln();
        assert_eq!(Penalty::Bic.value(Cost::NormalMeanVar, 100).unwrap(), 3.0 * ln);
        assert_eq!(Penalty::Mbic.value(Cost::NormalMean, 100).unwrap(), 3.0 * ln);
        assert_eq!(Penalty::Aic.value(Cost::Poisson, 100).unwrap(), 4.0);
        assert!(Penalty::Manual(-1.0).value(Cost::NormalMean, 10).is_err());
        assert!(Penalty::Manual(f64::NAN).value(Cost::NormalMean, 10).is_err());
    }

    #[test]
    fn segments_carry_parameters() {
        let xs = [1.0, 3.0, 10.0, 10.0];
        let sums = Sums::new(&xs, Cost::NormalMean);
        let r = Changepoints::from_indices(&sums, Cost::NormalMean, vec![2], 5.0, false);
        assert_eq!(r.segments()[0].mean(), 2.0);
        assert_eq!(r.segments()[0].variance(), 1.0);
        assert_eq!(r.segments()[1].len(), 2);
        assert_eq!(r.cost(), 2.0);
        assert_eq!(r.penalised_cost(), 7.0);
    }
}
