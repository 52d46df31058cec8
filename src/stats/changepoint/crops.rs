//! CROPS: the optimal segmentations for every penalty in a range (Haynes, Eckley & Fearnhead 2017).

use super::pelt::{Work, run};
use super::{Cost, Pelt, check_penalty, prepare, with_cost};

/// One optimal segmentation found by [`Crops::detect`].
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, changepoint::Crops};
/// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
/// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
/// let two = &crops.segmentations()[0];
/// assert_eq!(two.indices(), &[3, 6]);
/// let (from, to) = two.penalty_range();
/// assert!(from <= two.penalty_tested() && two.penalty_tested() <= to);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CropsSegmentation {
    penalty_from: f64,
    penalty_to: f64,
    penalty_tested: f64,
    indices: Vec<usize>,
    cost: f64,
}

impl CropsSegmentation {
    /// The penalties `[from, to]` for which this segmentation is optimal within the searched range
    /// (the `from` values are R's `pen.value.full`; `to` of one segmentation is `from` of the
    /// next, and the last one ends at the upper bound of the search). As in R, the first interval
    /// starts at the smallest penalty tried, which is below the lower bound of the search when
    /// PELT with `min_segment_len > 1` was not exactly optimal there (see [`Pelt`]).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, changepoint::Crops};
    /// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
    /// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
    /// let s = crops.segmentations();
    /// // Consecutive ranges meet: each ends where the next (fewer changepoints) starts.
    /// assert_eq!(s[0].penalty_range().1, s[1].penalty_range().0);
    /// // Two changepoints give way to one where their penalised costs are equal.
    /// let (c2, c1) = (s[0].cost(), s[1].cost());
    /// assert!((s[1].penalty_range().0 - (c1 - c2)).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn penalty_range(&self) -> (f64, f64) {
        (self.penalty_from, self.penalty_to)
    }

    /// The penalty at which PELT was run to find this segmentation (R's `pen_values` row).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, changepoint::Crops};
    /// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
    /// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
    /// // Each segmentation was found by a PELT run at a penalty inside its range.
    /// for s in crops.segmentations() {
    ///     let (from, to) = s.penalty_range();
    ///     assert!(from <= s.penalty_tested() && s.penalty_tested() <= to);
    /// }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn penalty_tested(&self) -> f64 {
        self.penalty_tested
    }

    /// Number of changepoints (R's `numberofchangepoints` row counts segments: this plus 1).
    #[must_use]
    pub fn len(&self) -> usize {
        self.indices.len()
    }

    /// True for the segmentation without changepoints.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The changepoints, 0-based segment starts (a row of R's `cpts.full`).
    #[must_use]
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// The unpenalised cost `F(n) − k β` of the segmentation (R's `penalised_cost` row, which
    /// despite its name holds the unpenalised cost).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Cost, changepoint::Crops};
    /// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
    /// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
    /// // Three segments, each with squares 0.02 about its mean; no change: the total sum of squares.
    /// let best = &crops.segmentations()[0];
    /// assert!((best.cost() - 0.06).abs() < 1e-12);
    /// let none = crops.segmentations().last().unwrap();
    /// let mean = x.iter().sum::<f64>() / 9.0;
    /// assert!((none.cost() - x.iter().map(|v| (v - mean).powi(2)).sum::<f64>()).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn cost(&self) -> f64 {
        self.cost
    }
}

/// The result of [`Crops::detect`]: the distinct optimal segmentations, most changepoints first.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, changepoint::Crops};
/// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
/// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
/// let counts: Vec<usize> = crops.segmentations().iter().map(|s| s.len()).collect();
/// assert_eq!(counts, vec![2, 1, 0]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CropsResult {
    segmentations: Vec<CropsSegmentation>,
}

impl CropsResult {
    /// The segmentations in order of decreasing number of changepoints (increasing penalty).
    #[must_use]
    pub fn segmentations(&self) -> &[CropsSegmentation] {
        &self.segmentations
    }
}

/// One PELT run: (number of segments, changepoints, unpenalised cost).
struct Run {
    segments: usize,
    indices: Vec<usize>,
    cost: f64,
}

/// R's `all.equal(target, current)` for two numbers (tolerance `1.5e-8`, relative unless
/// `|target|` is tiny).
fn all_equal(target: f64, current: f64) -> bool {
    const TOL: f64 = 1.5e-8;
    let diff = (target - current).abs();
    let scale = target.abs();
    if scale.is_finite() && scale > TOL {
        diff / scale <= TOL
    } else {
        diff <= TOL
    }
}

/// CROPS: PELT for every penalty in a range (Haynes, Eckley & Fearnhead 2017), as R `changepoint`'s
/// `penalty = "CROPS"`. Configured with a cost, the penalty range and a minimum segment length, then
/// applied with [`Crops::detect`].
///
/// It is a procedure of its own rather than an option of [`Pelt`] because it has no single penalty:
/// the range replaces it.
///
/// # Examples
///
/// ```
/// use corridor::stats::{Cost, changepoint::Crops};
/// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).min_segment_len(2);
/// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
/// assert_eq!(crops.detect(&x)?.segmentations()[0].indices(), &[3, 6]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crops {
    pelt: Pelt,
    pen_min: f64,
    pen_max: f64,
}

impl Crops {
    /// CROPS with `cost` over the penalties `[pen_min, pen_max]` (either order; checked by
    /// [`Crops::detect`]) and R's default minimum segment length ([`Cost::default_min_segment_len`]).
    #[must_use]
    pub fn new(cost: Cost, pen_min: f64, pen_max: f64) -> Self {
        Self {
            pelt: Pelt::new(cost),
            pen_min,
            pen_max,
        }
    }

    /// Sets the minimum segment length, as [`Pelt::min_segment_len`].
    #[must_use]
    pub fn min_segment_len(mut self, len: usize) -> Self {
        self.pelt = self.pelt.min_segment_len(len);
        self
    }

    /// PELT for every penalty in `[pen_min, pen_max]` by CROPS (Haynes, Eckley & Fearnhead 2017),
    /// as R `changepoint`'s `penalty = "CROPS"`.
    ///
    /// PELT runs at `pen_min` and `pen_max`; whenever two neighbouring solutions differ by more than
    /// one changepoint, it runs again at the penalty where their penalised costs are equal,
    /// `β = (C₂ − C₁)/(k₁ − k₂)`, unless that penalty was already tried (R's `all.equal`). Each
    /// distinct number of changepoints is kept once, with the interval of penalties where it is
    /// optimal. Costs have no MBIC term.
    ///
    /// * Follows: R `cpt.mean(x, penalty = "CROPS", pen.value = c(pen_min, pen_max),
    ///   method = "PELT")` and `cpt.meanvar(...)` (`range_of_penalties`): the rows are R's
    ///   `cpts.full`, the interval starts R's `pen.value.full`. Checked against ruptures PELT on a
    ///   grid of penalties (every segmentation it finds is here, its penalty inside the interval).
    ///
    /// # Complexity
    ///
    /// One PELT run per segmentation found, plus at most one per boundary.
    ///
    /// # Errors
    ///
    /// As [`Pelt::detect`], and [`StatsError::InvalidParameter`](crate::stats::StatsError) when a
    /// bound is negative or not finite. The bounds may come in either order (R swaps them).
    /// [`StatsError::NoConvergence`](crate::stats::StatsError) if more than `2n + 10` PELT runs
    /// would be needed (possible only when PELT is not exactly optimal, `min_segment_len > 1`;
    /// never seen in tests).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::{Cost, changepoint::Crops};
    /// let x = [0.0, 0.2, 0.1, 3.0, 3.1, 2.9, 8.0, 8.1, 7.9];
    /// let crops = Crops::new(Cost::NormalMean, 0.5, 100.0).detect(&x)?;
    /// let counts: Vec<usize> = crops.segmentations().iter().map(|s| s.len()).collect();
    /// assert_eq!(counts.first(), Some(&2));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn detect(&self, xs: &[f64]) -> crate::stats::error::Result<CropsResult> {
        let (pelt, pen_min, pen_max) = (&self.pelt, self.pen_min, self.pen_max);
        check_penalty("crops minimum penalty", pen_min)?;
        check_penalty("crops maximum penalty", pen_max)?;
        let (lo, hi) = if pen_max < pen_min {
            (pen_max, pen_min)
        } else {
            (pen_min, pen_max)
        };
        let min_seg = pelt.min_seg();
        let cost = pelt.cost_fn();
        let sums = prepare("crops", xs, cost, min_seg)?;
        let n = xs.len();
        let mut work = Work::default();
        let mut solve = |pen: f64| -> Run {
            with_cost!(cost, false, |c| run(&sums, pen, min_seg, c, &mut work));
            let segments = work.nseg[n];
            Run {
                segments,
                indices: work.backtrack(),
                cost: work.f[n] - (segments as f64 - 1.0) * pen,
            }
        };

        let mut tested: Vec<f64> = Vec::new();
        let mut runs: Vec<Run> = Vec::new();
        let mut todo: Vec<f64> = if lo == hi { vec![lo] } else { vec![lo, hi] };
        // Exact CROPS needs at most about two runs per number of changepoints; the cap guards
        // against cycling when PELT is not exactly optimal (min_segment_len > 1).
        let max_runs = 2 * n + 10;
        while !todo.is_empty() {
            if runs.len() + todo.len() > max_runs {
                return Err(crate::stats::StatsError::NoConvergence {
                    method: "crops",
                    iterations: runs.len(),
                });
            }
            for &pen in &todo {
                runs.push(solve(pen));
            }
            tested.extend_from_slice(&todo);
            tested.sort_by(f64::total_cmp);
            tested.dedup();
            // R sorts the counts (decreasing), costs (increasing) and segmentations (by length,
            // decreasing) each on its own; for optimal solutions all three orders agree.
            runs.sort_by(|a, b| b.segments.cmp(&a.segments).then(a.cost.total_cmp(&b.cost)));
            todo.clear();
            for i in 0..tested.len().saturating_sub(1).min(runs.len().saturating_sub(1)) {
                let (a, b) = (&runs[i], &runs[i + 1]);
                if a.segments.abs_diff(b.segments) > 1 {
                    todo.push((b.cost - a.cost) / (a.segments as f64 - b.segments as f64));
                }
            }
            todo.retain(|&beta| {
                let nearest = tested
                    .iter()
                    .copied()
                    .min_by(|x, y| (beta - x).abs().total_cmp(&(beta - y).abs()));
                !nearest.is_some_and(|t| all_equal(beta, t))
            });
        }

        // Keep the first of each run of equal counts (R prunes from the end).
        let m = tested.len().min(runs.len());
        let mut keep_pen = Vec::with_capacity(m);
        let mut keep_runs: Vec<Run> = Vec::with_capacity(m);
        for (pen, r) in tested.into_iter().zip(runs) {
            if keep_runs.last().is_some_and(|p| p.segments == r.segments) {
                continue;
            }
            keep_pen.push(pen);
            keep_runs.push(r);
        }
        let nb = keep_runs.len();
        let mut segmentations = Vec::with_capacity(nb);
        let mut from = keep_pen[0];
        for k in 0..nb {
            // R ends the last interval at the smallest penalty tried that gave it; it is in fact
            // optimal up to `hi` (and beyond), so we end it at `hi`.
            let to = if k + 1 == nb {
                hi
            } else {
                (keep_runs[k].cost - keep_runs[k + 1].cost)
                    / (keep_runs[k + 1].segments as f64 - keep_runs[k].segments as f64)
            };
            segmentations.push(CropsSegmentation {
                penalty_from: from,
                penalty_to: to,
                penalty_tested: keep_pen[k],
                indices: std::mem::take(&mut keep_runs[k].indices),
                cost: keep_runs[k].cost,
            });
            from = to;
        }
        Ok(CropsResult { segmentations })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_equal_is_relative() {
        assert!(all_equal(1e6, 1e6 + 1e-3));
        assert!(!all_equal(1.0, 1.0 + 1e-6));
        assert!(all_equal(0.0, 1e-9));
    }
}
