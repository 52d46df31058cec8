//! Segment costs from cumulative sums, with R `changepoint`'s conventions.

use super::Cost;

/// Cumulative sums `S1[t] = x_0 + … + x_{t-1}` and `S2[t] = x_0² + … + x_{t-1}²` (length `n + 1`).
///
/// R's `cumsum` accumulates in `long double`; we accumulate with a compensated (two-sum) running
/// sum and round once per entry, which reproduces R's sums to the last bit except in rare
/// double-rounding cases.
#[derive(Debug, Clone)]
pub(super) struct Sums {
    pub(super) s1: Vec<f64>,
    pub(super) s2: Vec<f64>,
}

impl Sums {
    /// Builds the sums; `S2` only when the cost needs it (it is left empty otherwise).
    pub(super) fn new(xs: &[f64], cost: Cost) -> Self {
        let s1 = cumsum(xs.iter().copied());
        let s2 = if cost == Cost::Poisson {
            Vec::new()
        } else {
            cumsum(xs.iter().map(|x| x * x))
        };
        Sums { s1, s2 }
    }

    /// Number of observations.
    pub(super) fn n(&self) -> usize {
        self.s1.len() - 1
    }

    /// `(Σx, Σx²)` over observations `s..t` (0-based, `t` exclusive); `Σx²` is 0 if not stored.
    #[inline]
    pub(super) fn range(&self, s: usize, t: usize) -> (f64, f64) {
        let x = self.s1[t] - self.s1[s];
        let x2 = if self.s2.is_empty() {
            0.0
        } else {
            self.s2[t] - self.s2[s]
        };
        (x, x2)
    }
}

/// Compensated cumulative sum with a leading 0.
fn cumsum(xs: impl Iterator<Item = f64>) -> Vec<f64> {
    let (lo, _) = xs.size_hint();
    let mut out = Vec::with_capacity(lo + 1);
    out.push(0.0);
    let (mut hi, mut err) = (0.0_f64, 0.0_f64);
    for x in xs {
        // Knuth's two-sum: hi + x = s + e exactly.
        let s = hi + x;
        let bp = s - hi;
        let e = (hi - (s - bp)) + (x - bp);
        hi = s;
        err += e;
        out.push(hi + err);
    }
    out
}

/// The variance floor R `changepoint` applies before taking a logarithm (`0.00000000001`).
pub(super) const VAR_FLOOR: f64 = 1e-11;

/// A segment cost evaluated from `(Σx, Σx², length)`, exactly as R's C functions.
///
/// The length comes as `f64` (exact for any length below 2⁵³, the same value R's C code gets
/// when it converts its `int n`), so that PELT's inner loop runs on `f64` arrays only.
pub(super) trait SegmentCost: Copy {
    /// Cost of one segment.
    fn cost(self, x: f64, x2: f64, len: f64) -> f64;

    /// R's MBIC variant of the cost: the cost plus `ln m`.
    #[inline]
    fn mbic(self, x: f64, x2: f64, len: f64) -> f64 {
        self.cost(x, x2, len) + len.ln()
    }
}

/// R `mll_mean`: `Σx² − (Σx)²/m`, the residual sum of squares (variance taken as 1).
#[derive(Debug, Clone, Copy)]
pub(super) struct NormalMean;

impl SegmentCost for NormalMean {
    #[inline]
    fn cost(self, x: f64, x2: f64, len: f64) -> f64 {
        x2 - (x * x) / len
    }
}

/// R `mll_meanvar`: `m (ln 2π + ln σ̂² + 1)` with `σ̂² = (Σx² − (Σx)²/m)/m` floored at `1e-11`.
#[derive(Debug, Clone, Copy)]
pub(super) struct NormalMeanVar;

impl SegmentCost for NormalMeanVar {
    #[inline]
    fn cost(self, x: f64, x2: f64, len: f64) -> f64 {
        let m = len;
        let mut sigsq = (x2 - (x * x) / m) / m;
        if sigsq <= 0.0 {
            sigsq = VAR_FLOOR;
        }
        m * ((2.0 * std::f64::consts::PI).ln() + sigsq.ln() + 1.0)
    }
}

/// R `mll_meanvar_poisson`: `2 Σx (ln m − ln Σx)`, and 0 when `Σx = 0`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Poisson;

impl SegmentCost for Poisson {
    #[inline]
    fn cost(self, x: f64, _x2: f64, len: f64) -> f64 {
        if x == 0.0 { 0.0 } else { 2.0 * x * (len.ln() - x.ln()) }
    }

    #[inline]
    fn mbic(self, x: f64, x2: f64, len: f64) -> f64 {
        // R's `mbic_meanvar_poisson` returns 0 (no `ln m`) when the segment sums to 0.
        if x == 0.0 {
            0.0
        } else {
            self.cost(x, x2, len) + len.ln()
        }
    }
}

/// R's `*.mbic` cost variants: the base cost plus `ln m` per segment (Zhang & Siegmund 2007).
///
/// For Poisson R adds nothing when `Σx = 0` (its `mbic_meanvar_poisson` returns 0 there).
#[derive(Debug, Clone, Copy)]
pub(super) struct Mbic<C>(pub(super) C);

impl<C: SegmentCost> SegmentCost for Mbic<C> {
    #[inline]
    fn cost(self, x: f64, x2: f64, len: f64) -> f64 {
        self.0.mbic(x, x2, len)
    }
}

/// Evaluates the (non-MBIC) cost of `cost` on a segment.
pub(super) fn base_cost(cost: Cost, x: f64, x2: f64, len: f64) -> f64 {
    match cost {
        Cost::NormalMean => NormalMean.cost(x, x2, len),
        Cost::NormalMeanVar => NormalMeanVar.cost(x, x2, len),
        Cost::Poisson => Poisson.cost(x, x2, len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumsum_is_exact_on_integers() {
        let s = cumsum([1.0, 2.0, 3.0].into_iter());
        assert_eq!(s, vec![0.0, 1.0, 3.0, 6.0]);
    }

    #[test]
    fn compensated_sum_keeps_small_terms() {
        // 1e16 + 1 + 1 in plain f64 loses both ones; the compensated sum keeps them.
        let s = cumsum([1e16, 1.0, 1.0].into_iter());
        assert_eq!(s[3], 1e16 + 2.0);
    }

    #[test]
    fn l2_cost_is_residual_sum_of_squares() {
        // x = [1, 2, 3]: mean 2, RSS 2.
        assert_eq!(NormalMean.cost(6.0, 14.0, 3.0), 2.0);
    }

    #[test]
    fn meanvar_floors_zero_variance() {
        let c = NormalMeanVar.cost(4.0, 8.0, 2.0);
        let want = 2.0 * ((2.0 * std::f64::consts::PI).ln() + VAR_FLOOR.ln() + 1.0);
        assert_eq!(c, want);
    }

    #[test]
    fn poisson_zero_sum_costs_nothing() {
        assert_eq!(Poisson.cost(0.0, 0.0, 5.0), 0.0);
        assert_eq!(Mbic(Poisson).cost(0.0, 0.0, 5.0), 0.0);
        assert!((Mbic(NormalMean).cost(6.0, 14.0, 3.0) - (2.0 + 3f64.ln())).abs() < 1e-15);
    }
}
