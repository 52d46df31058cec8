//! Binary segmentation (Scott & Knott 1974), as R `changepoint`'s `method = "BinSeg"`.

use super::cost::{SegmentCost, Sums};
use super::{Changepoints, Cost, Penalty, prepare, with_cost};
use crate::stats::StatsError;
use crate::stats::validate::check_positive;

/// Approximate segmentation by binary segmentation, equal to R `changepoint`'s
/// `method = "BinSeg"`.
///
/// Starting from one segment, each step adds the split `j` of an existing segment `[a, b)` with the
/// largest gain `λ_j = C(x[a..b])/2 − C(x[a..j])/2 − C(x[j..b])/2`, up to `max_changepoints` (R's
/// `Q`) splits. The recorded gains are made non-increasing (`λ_(q) = min(λ_(q−1), λ_q)`), and the
/// first `k` splits are kept where `k` is the number of leading steps with `2 λ_(q) ≥ β`.
///
/// As in R's C code, a split `j` (the 0-based start of the new segment) is considered only for
/// `2 ≤ j ≤ n − 3`, with the left part longer than `min_segment_len` and the right part at least
/// `min_segment_len` long; ties go to the smallest `j`. The search stops early when no split has a
/// positive gain (R would record a meaningless split at 0 there).
///
/// * Matches: R `changepoint::cpt.mean` / `cpt.meanvar(..., method = "BinSeg", Q = …)` (Nile,
///   `Q = 3`, manual penalty 10⁴ → `[10, 19, 28]`, as ruptures `Binseg(model="l2").predict(n_bkps=3)`).
///
/// # Complexity
///
/// `O(Q n)` time, `O(n)` memory.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, Penalty, changepoint::BinSeg};
/// let x = [0.0, 0.1, -0.1, 0.0, 5.0, 5.1, 4.9, 5.0, 5.2, 4.8];
/// let cps = BinSeg::new(Cost::NormalMean).penalty(Penalty::Manual(2.0)).detect(&x)?;
/// assert_eq!(cps.indices(), &[4]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BinSeg {
    cost: Cost,
    penalty: Penalty,
    max_cpts: usize,
    min_seg: Option<usize>,
    exact: bool,
}

impl BinSeg {
    /// Binary segmentation with `cost` and R's defaults: [`Penalty::Mbic`], `Q = 5`, and
    /// [`Cost::default_min_segment_len`].
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, changepoint::BinSeg};
    /// let b = BinSeg::new(Cost::NormalMean);
    /// # let _ = b;
    /// ```
    #[must_use]
    pub fn new(cost: Cost) -> Self {
        BinSeg {
            cost,
            penalty: Penalty::Mbic,
            max_cpts: 5,
            min_seg: None,
            exact: false,
        }
    }

    /// Sets the penalty per changepoint.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Penalty, changepoint::BinSeg};
    /// let b = BinSeg::new(Cost::NormalMean).penalty(Penalty::Manual(1e4));
    /// # let _ = b;
    /// ```
    #[must_use]
    pub fn penalty(mut self, penalty: Penalty) -> Self {
        self.penalty = penalty;
        self.exact = false;
        self
    }

    /// Sets the largest number of changepoints searched for (R's `Q`; at least 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, changepoint::BinSeg};
    /// let b = BinSeg::new(Cost::NormalMean).max_changepoints(3);
    /// # let _ = b;
    /// ```
    #[must_use]
    pub fn max_changepoints(mut self, q: usize) -> Self {
        self.max_cpts = q;
        self
    }

    /// Asks for exactly `k` changepoints: the first `k` splits of the greedy search, whatever their
    /// gain (ruptures `Binseg(...).predict(n_bkps=k)`; R `cpt.mean(method = "BinSeg", Q = k,
    /// penalty = "None")`, which returns all `Q` splits found). The penalty is not used (its value is
    /// reported as 0 in [`Changepoints`]); a later [`BinSeg::penalty`] goes back to penalised selection
    /// with `Q = k`.
    ///
    /// [`BinSeg::detect`] reports an error when the series admits fewer than `k` splits (as ruptures
    /// raises `BadSegmentationParameters`), rather than returning fewer.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, changepoint::BinSeg};
    /// let x = [0.0, 0.1, -0.1, 0.0, 5.0, 5.1, 4.9, 5.0, 9.0, 9.2, 8.8, 9.0];
    /// let cps = BinSeg::new(Cost::NormalMean).n_changepoints(2).detect(&x)?;
    /// assert_eq!(cps.indices(), &[4, 8]);
    /// assert!(BinSeg::new(Cost::NormalMean).n_changepoints(20).detect(&x).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn n_changepoints(mut self, k: usize) -> Self {
        self.max_cpts = k;
        self.penalty = Penalty::Manual(0.0);
        self.exact = true;
        self
    }

    /// Sets the minimum segment length (R's `minseglen`); see [`super::Pelt::min_segment_len`].
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, changepoint::BinSeg};
    /// let b = BinSeg::new(Cost::NormalMean).min_segment_len(2);
    /// # let _ = b;
    /// ```
    #[must_use]
    pub fn min_segment_len(mut self, len: usize) -> Self {
        self.min_seg = Some(len);
        self
    }

    /// Finds the changepoints of `xs`.
    ///
    /// # Errors
    ///
    /// As [`super::Pelt::detect`], and
    /// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter) when `max_changepoints`
    /// (or `n_changepoints`) is 0, or when [`BinSeg::n_changepoints`] asks for more changepoints than the
    /// series admits (each split needs a positive gain within the candidate range and minimum segment
    /// length).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Penalty, changepoint::BinSeg};
    /// let x = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    /// assert!(BinSeg::new(Cost::NormalMean).penalty(Penalty::Bic).detect(&x)?.is_empty());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn detect(&self, xs: &[f64]) -> crate::stats::error::Result<Changepoints> {
        check_positive("max_changepoints", self.max_cpts)?;
        let min_seg = self.min_seg.unwrap_or(self.cost.default_min_segment_len());
        let sums = prepare("binary segmentation", xs, self.cost, min_seg)?;
        let pen = self.penalty.value(self.cost, xs.len())?;
        let mbic = self.penalty == Penalty::Mbic;
        let indices = with_cost!(self.cost, mbic, |c| run(&sums, pen, min_seg, self.max_cpts, c));
        if self.exact && indices.len() < self.max_cpts {
            return Err(StatsError::InvalidParameter {
                name: "n_changepoints",
                value: self.max_cpts.to_string(),
                reason: "more changepoints than the series admits (only fewer splits have a positive gain)",
            });
        }
        Ok(Changepoints::from_indices(&sums, self.cost, indices, pen, mbic))
    }
}

/// R's `binseg` C routine, with the same candidate range and order of operations.
fn run<C: SegmentCost>(sums: &Sums, pen: f64, min_seg: usize, q_max: usize, c: C) -> Vec<usize> {
    let n = sums.n();
    let s1 = &sums.s1[..];
    let s2 = if sums.s2.is_empty() { s1 } else { &sums.s2[..] };
    // Half the cost of observations a..b (0-based, b exclusive), negated: R's `-0.5 * cost`.
    let half = |a: usize, b: usize| -0.5 * c.cost(s1[b] - s1[a], s2[b] - s2[a], (b - a) as f64);
    let mut tau: Vec<usize> = vec![0, n];
    // At most n - 1 splits exist whatever `q_max` says ("no limit" may be `usize::MAX`).
    let q_cap = q_max.min(n);
    let mut found: Vec<usize> = Vec::with_capacity(q_cap);
    let mut gains: Vec<f64> = Vec::with_capacity(q_cap);
    let mut oldmax = 1.7e308_f64;
    for _ in 0..q_cap {
        // Segment [a, b) being scanned; `i` indexes its end in `tau`.
        let mut i = 1;
        let (mut a, mut b) = (tau[0], tau[1]);
        let mut null = half(a, b);
        let mut best = 0.0_f64;
        let mut arg = 0;
        for j in 2..n.saturating_sub(2) {
            if j == b {
                a = b;
                i += 1;
                b = tau[i];
                null = half(a, b);
            } else if j - a > min_seg && b - j >= min_seg {
                let lambda = half(a, j) + half(j, b) - null;
                if lambda > best {
                    best = lambda;
                    arg = j;
                }
            }
        }
        if arg == 0 {
            break;
        }
        let like = if oldmax <= best { oldmax } else { best };
        oldmax = like;
        found.push(arg);
        gains.push(like);
        let pos = tau.partition_point(|&t| t < arg);
        tau.insert(pos, arg);
    }
    let k = gains.iter().take_while(|&&g| 2.0 * g >= pen).count();
    let mut out = found[..k].to_vec();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_q_is_rejected() {
        let e = BinSeg::new(Cost::NormalMean)
            .max_changepoints(0)
            .detect(&[1.0, 2.0, 3.0]);
        assert!(matches!(
            e,
            Err(StatsError::InvalidParameter {
                name: "max_changepoints",
                ..
            })
        ));
    }

    #[test]
    fn short_series_has_no_candidate() {
        let r = BinSeg::new(Cost::NormalMean)
            .penalty(Penalty::Manual(0.0))
            .detect(&[1.0, 5.0, 9.0, 2.0])
            .unwrap();
        assert!(r.is_empty());
    }
}
