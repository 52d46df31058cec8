//! Segment costs from cumulative sums, with R `changepoint`'s conventions.

use super::Cost;

/// Cumulative sums `S1[t] = x_0 + … + x_{t-1}` and `S2[t] = x_0² + … + x_{t-1}²` (length `n + 1`).
///
/// R's `cumsum` accumulates in C `long double` and rounds each partial sum to `double`. On x86-64
/// (Linux, Windows, Intel macOS) that is the x87 80-bit format with a 64-bit significand, whose own
/// rounding errors sometimes make R's partial sum differ from the correctly rounded one by an ulp.
/// [`ExtSum`] emulates that format in integer arithmetic, so that our sums equal x86-64 R's to the
/// last bit on every platform. The last bit matters where a cost depends on rounding noise: the
/// variance of an exactly constant stretch under [`Cost::NormalMeanVar`], where R's choice between
/// its `1e-11` floor and a tiny rounding residue moves changepoints.
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

/// Cumulative sum with a leading 0, as R's `c(0, cumsum(x))` on x86-64 (see [`Sums`]).
fn cumsum(xs: impl Iterator<Item = f64>) -> Vec<f64> {
    let (lo, _) = xs.size_hint();
    let mut out = Vec::with_capacity(lo + 1);
    out.push(0.0);
    let mut acc = ExtSum::ZERO;
    for x in xs {
        acc = acc.add(x);
        out.push(acc.to_f64());
    }
    out
}

/// Guard bits under the larger operand's last bit in [`ExtSum::add`].
const EXT_GUARD: u32 = 62;

/// A number in the x87 extended format (64-bit significand, explicit leading bit; its 15-bit
/// exponent range cannot be left by sums of finite doubles): `±m · 2^e` with `m` normalised
/// (bit 63 set) or `m = 0` for zero.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ExtSum {
    neg: bool,
    m: u64,
    e: i32,
}

impl ExtSum {
    const ZERO: ExtSum = ExtSum { neg: false, m: 0, e: 0 };

    /// The exact value of a finite double.
    fn from_f64(x: f64) -> Self {
        let bits = x.to_bits();
        let neg = bits >> 63 == 1;
        let field = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
        let frac = bits & ((1 << 52) - 1);
        let (m, e) = if field == 0 {
            (frac, -1074)
        } else {
            (frac | (1 << 52), field - 1075)
        };
        if m == 0 {
            return ExtSum::ZERO;
        }
        let lz = m.leading_zeros();
        ExtSum {
            neg,
            m: m << lz,
            e: e - lz.cast_signed(),
        }
    }

    /// `self + x` rounded to 64 significant bits, to nearest with ties to even (x87 `fadd` in
    /// extended precision). `x` must be finite.
    fn add(self, x: f64) -> Self {
        let b = ExtSum::from_f64(x);
        if b.m == 0 {
            return self;
        }
        if self.m == 0 {
            return b;
        }
        let (a, b) = if (self.e, self.m) >= (b.e, b.m) {
            (self, b)
        } else {
            (b, self)
        };
        // Work in a frame with 62 guard bits under a's last bit; b's bits shifted out of the frame
        // are kept as a sticky bit. With at most one bit of cancellation whenever the sticky bit
        // is set (exponents at least 2 apart), this rounds exactly.
        let big = u128::from(a.m) << EXT_GUARD;
        let d = u32::try_from(a.e - b.e).unwrap_or(u32::MAX);
        let b_frame = u128::from(b.m) << EXT_GUARD;
        let (small, sticky) = if d >= 127 {
            (0, true)
        } else {
            let shifted = b_frame >> d;
            (shifted, shifted << d != b_frame)
        };
        let small = small | u128::from(sticky);
        let (neg, sum) = if a.neg == b.neg {
            (a.neg, big + small)
        } else if big >= small {
            (a.neg, big - small)
        } else {
            (b.neg, small - big)
        };
        if sum == 0 {
            return ExtSum::ZERO;
        }
        let top = sum.ilog2(); // position of the leading bit
        let base = a.e - EXT_GUARD.cast_signed();
        if top <= 63 {
            // Exact (heavy cancellation happens only without sticky bits).
            let m = u64::try_from(sum).unwrap_or(u64::MAX) << (63 - top);
            return ExtSum {
                neg,
                m,
                e: base - (63 - top).cast_signed(),
            };
        }
        let shift = top - 63;
        let (m, e) = round_shift(sum, shift);
        ExtSum {
            neg,
            m,
            e: base + e.cast_signed(),
        }
    }

    /// Rounds to the nearest double, ties to even (R's `(double) sum`), with gradual underflow;
    /// beyond the double range it gives an infinity.
    fn to_f64(self) -> f64 {
        if self.m == 0 {
            return 0.0;
        }
        let sign = if self.neg { -1.0 } else { 1.0 };
        let mut top = self.e + 63; // exponent of the leading bit
        if top > 1023 {
            return sign * f64::INFINITY;
        }
        // Significant bits a double keeps at this magnitude: 53, fewer when subnormal.
        let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
        if keep < 0 {
            // Below half the smallest subnormal.
            return sign * 0.0;
        }
        let (mut q, _) = round_shift(u128::from(self.m), (64 - keep).cast_unsigned());
        let bits = if top >= -1022 {
            if q == 1 << 53 {
                q = 1 << 52;
                top += 1;
                if top > 1023 {
                    return sign * f64::INFINITY;
                }
            }
            (u64::try_from(top + 1023).unwrap_or(0) << 52) | (q & ((1 << 52) - 1))
        } else {
            // Subnormal; a carry to 2^52 is the smallest normal's bit pattern.
            q
        };
        sign * f64::from_bits(bits)
    }
}

/// `v >> shift` (`1 ≤ shift ≤ 64`) rounded to nearest, ties to even. When the result reaches
/// 2^64 it is given as 2^63 with `shift + 1`; returns the result and the shift applied.
fn round_shift(v: u128, shift: u32) -> (u64, u32) {
    let q = v >> shift;
    let rem = v - (q << shift);
    let half = 1u128 << (shift - 1);
    let q = q + u128::from(rem > half || (rem == half && q & 1 == 1));
    match u64::try_from(q) {
        Ok(q) => (q, shift),
        Err(_) => (1 << 63, shift + 1),
    }
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
    fn extended_sum_keeps_small_terms() {
        // 1e16 + 1 + 1 in plain f64 loses both ones; the 64-bit significand keeps them.
        let s = cumsum([1e16, 1.0, 1.0].into_iter());
        assert_eq!(s[3], 1e16 + 2.0);
    }

    // Expected values: numpy 2.4.6 `np.cumsum(x.astype(np.longdouble)).astype(np.float64)` on
    // x86-64 (x87 80-bit long double), as R's `cumsum`.

    #[test]
    fn extended_sum_rounds_like_x87() {
        // 2^-64 is half an ulp of 1 in 64 bits: each addition ties back to 1 (the exact sum
        // 1 + 3072 · 2^-64 would round to 1 + 2^-52).
        let xs = std::iter::once(1.0).chain(std::iter::repeat_n(2f64.powi(-64), 3072));
        assert_eq!(*cumsum(xs).last().unwrap(), 1.0);
        // Double rounding: 1 + 2^-53 + 2^-64 is 1 + 2^-53 in 64 bits, then 1 in 53 bits.
        let s = cumsum([1.0, 2f64.powi(-53), 2f64.powi(-64)].into_iter());
        assert_eq!(s[3], 1.0);
        assert_eq!(s[2], 1.0);
    }

    #[test]
    fn extended_sum_equals_numpy_longdouble() {
        // 50 of these 5,000 partial sums differ from the correctly rounded ones.
        let scale = [1e-3, 1.0, 1e4, 1e8];
        let xs: Vec<f64> = (0..5000_i64)
            .map(|i| ((i * i * 7919) % 100_003 - 50_000) as f64 / 7.0 * scale[(i % 4) as usize])
            .collect();
        let s1 = cumsum(xs.iter().copied());
        let s2 = cumsum(xs.iter().map(|x| x * x));
        assert_eq!(s1[2501].to_bits(), 0x4297_c8db_4a6d_904d);
        assert_eq!(s1[5000].to_bits(), 0x42ae_dd7d_63a4_eef8);
        assert_eq!(s2[5000].to_bits(), 0x4565_e73f_6992_4483);
    }

    #[test]
    fn extended_conversions_round_trip_and_cancel() {
        for x in [1.0, -2.5, 1e-310, f64::MIN_POSITIVE, f64::MAX, -5e-324, 0.1] {
            assert_eq!(ExtSum::from_f64(x).to_f64(), x);
            assert_eq!(ExtSum::ZERO.add(x).to_f64(), x);
            assert_eq!(ExtSum::from_f64(x).add(-x).to_f64(), 0.0);
        }
        // Beyond the double range the extended sum keeps going; converting gives an infinity.
        let big = ExtSum::from_f64(f64::MAX).add(f64::MAX);
        assert_eq!(big.to_f64(), f64::INFINITY);
        assert_eq!(big.add(-f64::MAX).to_f64(), f64::MAX);
        // Tiny sums round into the subnormal range once.
        assert_eq!(ExtSum::from_f64(5e-324).add(5e-324).to_f64(), 1e-323);
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
