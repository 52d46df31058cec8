//! PELT: exact optimal partitioning with pruning (Killick, Fearnhead & Eckley 2012).

use super::cost::{SegmentCost, Sums};
use super::{Changepoints, Cost, Penalty, prepare, with_cost};

/// Exact penalised segmentation by PELT, equal to R `changepoint`'s `method = "PELT"`.
///
/// With `F(0) = −β`, PELT computes for `t = 1, …, n`
///
/// ```text
/// F(t) = min over candidates s of  F(s) + C(x[s..t]) + β
/// ```
///
/// keeping after step `t` only the candidates with `F(s) + C(x[s..t]) ≤ F(t)` (the pruning rule
/// of R's C code). Every index is a candidate (no `jump`). Segments have at least
/// `min_segment_len` observations; ties in the minimum go to the earliest candidate, as in R.
///
/// With `min_segment_len = 1` the result is the exact optimum. With longer minimum segments R's
/// pruning rule, kept here so that results equal R's, may discard a candidate `s` at step `t` that
/// would have been optimal for some `T < t + min_segment_len` (where `t` itself is not yet a
/// candidate): the result can then cost slightly more than the true optimum.
///
/// * Matches: R `changepoint::cpt.mean` / `cpt.meanvar(..., method = "PELT", penalty = …,
///   minseglen = …)` (its C routine `PELTC` step for step; checked on Nile), and ruptures
///   `Pelt(model="l2", jump=1, min_size=…)` for [`Cost::NormalMean`] with a manual penalty.
///
/// # Complexity
///
/// `O(n)` memory; `O(n)` time per candidate kept, between `O(n)` (changes spread through the series) and
/// `O(n²)` (no change at all) overall. Inner loops do not allocate.
///
/// **Worst case: exactly constant data.** Every candidate then ties with the optimum, and R's pruning
/// rule keeps a candidate whose cost equals it, so none is pruned and the search is quadratic: on a
/// shared 2-core machine 10⁴ equal values took 0.34 s, 3·10⁴ 3.2 s, 10⁵ 29 s (`benches/changepoint.rs`,
/// `pelt_l2_constant`; 10⁶ would take about 100 times longer). The tied candidates are kept on purpose:
/// dropping them could change which of several equal-cost segmentations is returned, and the results
/// must stay equal to R's. Constant stretches within changing data are pruned as usual once a change
/// follows them.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, Pelt, Penalty};
/// let x = [0.0, 0.1, -0.1, 0.0, 5.0, 5.1, 4.9, 5.0];
/// let cps = Pelt::new(Cost::NormalMean).penalty(Penalty::Manual(2.0)).detect(&x)?;
/// assert_eq!(cps.indices(), &[4]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pelt {
    cost: Cost,
    penalty: Penalty,
    min_seg: Option<usize>,
}

impl Pelt {
    /// A PELT search with `cost`, R's default penalty ([`Penalty::Mbic`]) and R's default minimum
    /// segment length ([`Cost::default_min_segment_len`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Pelt};
    /// let pelt = Pelt::new(Cost::Poisson);
    /// assert_eq!(pelt.detect(&[3.0, 4.0, 2.0, 3.0])?.indices(), &[] as &[usize]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn new(cost: Cost) -> Self {
        Pelt {
            cost,
            penalty: Penalty::Mbic,
            min_seg: None,
        }
    }

    /// Sets the penalty per changepoint.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// let pelt = Pelt::new(Cost::NormalMean).penalty(Penalty::Bic);
    /// # let _ = pelt;
    /// ```
    #[must_use]
    pub fn penalty(mut self, penalty: Penalty) -> Self {
        self.penalty = penalty;
        self
    }

    /// Sets the minimum number of observations per segment (R's `minseglen`). It must be at least
    /// 1 (2 for [`Cost::NormalMeanVar`]) and at most half the series length; [`Pelt::detect`]
    /// reports an error otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Pelt};
    /// let pelt = Pelt::new(Cost::NormalMean).min_segment_len(5);
    /// # let _ = pelt;
    /// ```
    #[must_use]
    pub fn min_segment_len(mut self, len: usize) -> Self {
        self.min_seg = Some(len);
        self
    }

    /// The minimum segment length in force.
    pub(super) fn min_seg(&self) -> usize {
        self.min_seg.unwrap_or(self.cost.default_min_segment_len())
    }

    /// The cost function.
    pub(super) fn cost_fn(&self) -> Cost {
        self.cost
    }

    /// Finds the changepoints of `xs`.
    ///
    /// # Errors
    ///
    /// * [`StatsError::TooShort`](super::super::StatsError::TooShort) for fewer than 2 observations;
    /// * [`StatsError::NonFinite`](super::super::StatsError::NonFinite) at a NaN or infinite value;
    /// * [`StatsError::InvalidParameter`](super::super::StatsError::InvalidParameter) for negative
    ///   or fractional data with [`Cost::Poisson`], a negative or non-finite manual penalty, or a
    ///   minimum segment length of 0 (1 for [`Cost::NormalMeanVar`]) or above `n / 2`, or values
    ///   so large (about `1e154`) that their sum of squares overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, Pelt, Penalty};
    /// let x = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    /// assert!(Pelt::new(Cost::NormalMean).penalty(Penalty::Bic).detect(&x)?.is_empty());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn detect(&self, xs: &[f64]) -> crate::stats::error::Result<Changepoints> {
        let min_seg = self.min_seg();
        let sums = prepare("pelt", xs, self.cost, min_seg)?;
        let pen = self.penalty.value(self.cost, xs.len())?;
        let mbic = self.penalty == Penalty::Mbic;
        let mut work = Work::default();
        with_cost!(self.cost, mbic, |c| run(&sums, pen, min_seg, c, &mut work));
        let indices = work.backtrack();
        Ok(Changepoints::from_indices(&sums, self.cost, indices, pen, mbic))
    }
}

/// Buffers of one PELT run, reusable across runs (CROPS).
#[derive(Debug, Default)]
pub(super) struct Work {
    /// `F(t)`: optimal penalised cost of `x[0..t]`, R's `lastchangelike`.
    pub(super) f: Vec<f64>,
    /// Start of the last segment of the optimal segmentation of `x[0..t]`.
    last: Vec<usize>,
    /// Number of segments of that segmentation (R's `numchangecpts`).
    pub(super) nseg: Vec<usize>,
    /// The candidates `s` (R's `checklist`), in increasing order, and beside them, contiguous for
    /// the inner loop, `F(s)`, `S1[s]`, `S2[s]` and `s` as `f64`.
    cand: Vec<usize>,
    cand_f: Vec<f64>,
    cand_s1: Vec<f64>,
    cand_s2: Vec<f64>,
    cand_pos: Vec<f64>,
    /// `F(s) + C(x[s..t]) + β` for each candidate (R's `tmplike`).
    tmp: Vec<f64>,
}

impl Work {
    /// The changepoints of the optimal segmentation of the whole series, increasing.
    pub(super) fn backtrack(&self) -> Vec<usize> {
        let n = self.f.len() - 1;
        let mut out = Vec::with_capacity(self.nseg[n].saturating_sub(1));
        let mut t = self.last[n];
        while t != 0 {
            out.push(t);
            t = self.last[t];
        }
        out.reverse();
        out
    }

    fn push_candidate(&mut self, s: usize, s1: &[f64], s2: &[f64]) {
        self.cand.push(s);
        self.cand_f.push(self.f[s]);
        self.cand_s1.push(s1[s]);
        self.cand_s2.push(s2[s]);
        self.cand_pos.push(s as f64);
    }
}

/// The PELT recursion, step for step as R's `PELTC` (same floating-point operations in the same
/// order, so the same results to the last bit given the same cumulative sums).
pub(super) fn run<C: SegmentCost>(sums: &Sums, pen: f64, min_seg: usize, c: C, w: &mut Work) {
    let n = sums.n();
    let s1 = &sums.s1[..];
    let s2 = if sums.s2.is_empty() { s1 } else { &sums.s2[..] };
    w.f.clear();
    w.f.resize(n + 1, 0.0);
    w.last.clear();
    w.last.resize(n + 1, 0);
    w.nseg.clear();
    w.nseg.resize(n + 1, 0);
    for v in [&mut w.cand_f, &mut w.cand_s1, &mut w.cand_s2, &mut w.cand_pos] {
        v.clear();
        v.reserve(n + 1);
    }
    w.cand.clear();
    w.cand.reserve(n + 1);
    w.tmp.clear();
    w.tmp.resize(n + 1, 0.0);

    w.f[0] = -pen;
    for j in min_seg..2 * min_seg {
        w.f[j] = c.cost(s1[j] - s1[0], s2[j] - s2[0], j as f64);
        w.nseg[j] = 1;
    }
    w.push_candidate(0, s1, s2);
    w.push_candidate(min_seg, s1, s2);
    for t in 2 * min_seg..=n {
        let (a1, a2, tf) = (s1[t], s2[t], t as f64);
        let k = w.cand.len();
        let (cf, c1, c2, cp) = (&w.cand_f[..k], &w.cand_s1[..k], &w.cand_s2[..k], &w.cand_pos[..k]);
        let tmp = &mut w.tmp[..k];
        // Contiguous arrays and no branch: this loop vectorises.
        for i in 0..k {
            tmp[i] = cf[i] + c.cost(a1 - c1[i], a2 - c2[i], tf - cp[i]) + pen;
        }
        // R's `min_which`: the first minimum wins.
        let mut best = tmp[0];
        let mut bi = 0;
        for (i, &v) in tmp.iter().enumerate().skip(1) {
            if v < best {
                best = v;
                bi = i;
            }
        }
        let arg = w.cand[bi];
        w.f[t] = best;
        w.last[t] = arg;
        w.nseg[t] = w.nseg[arg] + 1;
        let threshold = best + pen;
        // Compact only from the first pruned candidate on (most steps prune few or none).
        let first_pruned = w.tmp[..k].iter().position(|&v| v > threshold).unwrap_or(k);
        let mut kept = first_pruned;
        for i in first_pruned..k {
            if w.tmp[i] <= threshold {
                w.cand[kept] = w.cand[i];
                w.cand_f[kept] = w.cand_f[i];
                w.cand_s1[kept] = w.cand_s1[i];
                w.cand_s2[kept] = w.cand_s2[i];
                w.cand_pos[kept] = w.cand_pos[i];
                kept += 1;
            }
        }
        w.cand.truncate(kept);
        w.cand_f.truncate(kept);
        w.cand_s1.truncate(kept);
        w.cand_s2.truncate(kept);
        w.cand_pos.truncate(kept);
        w.push_candidate(t + 1 - min_seg, s1, s2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_level_signal() {
        let x = [0.0, 0.0, 0.0, 10.0, 10.0, 10.0];
        let r = Pelt::new(Cost::NormalMean)
            .penalty(Penalty::Manual(1.0))
            .detect(&x)
            .unwrap();
        assert_eq!(r.indices(), &[3]);
        assert_eq!(r.cost(), 0.0);
        assert_eq!(r.penalised_cost(), 1.0);
    }

    #[test]
    fn zero_penalty_splits_everything_distinct() {
        let x = [0.0, 1.0, 2.0, 3.0];
        let r = Pelt::new(Cost::NormalMean)
            .penalty(Penalty::Manual(0.0))
            .detect(&x)
            .unwrap();
        assert_eq!(r.cost(), 0.0);
    }
}
