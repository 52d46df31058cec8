//! A small, seeded, platform-independent pseudo-random generator for the crate's random procedures.
//!
//! [`Rng`] is xoshiro256\*\* (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators",
//! <https://prng.di.unimi.it/>), its 256-bit state filled by `SplitMix64` (Steele, Lea & Flood 2014) from a
//! `u64` seed, as the authors recommend. Only integer arithmetic on `u64` is used, so the same seed gives
//! the same stream on every platform. It is not cryptographically secure.

/// The `SplitMix64` increment (the golden ratio times 2⁶⁴, odd).
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// One step of `SplitMix64`: advances `state` by the golden gamma and returns the mixed value.
///
/// Also derives the seed of each independent stream, see [`Rng::for_stream`].
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256\*\*: 256 bits of state, period 2²⁵⁶ − 1, passes `BigCrush`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// Seeds the generator: the four state words are the first four outputs of `SplitMix64` started at
    /// `seed` (never all zero, since `SplitMix64` is a bijection of its counter).
    pub(crate) fn seed_from_u64(seed: u64) -> Self {
        let mut sm = seed;
        let s = [
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
        ];
        Self { s }
    }

    /// The generator of stream `index` of `seed` (one per simulated path or replicate, so that the result
    /// does not depend on the order or the thread in which the streams run): xoshiro256\*\* seeded with the
    /// `(index + 1)`-th output of `SplitMix64` started at `seed`.
    pub(crate) fn for_stream(seed: u64, index: u64) -> Self {
        // SplitMix64's state after `index` steps is `seed + index * gamma`; one more step gives its output.
        let mut state = seed.wrapping_add(index.wrapping_mul(GOLDEN_GAMMA));
        Self::seed_from_u64(splitmix64(&mut state))
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform `f64` in `[0, 1)`: the top 53 bits times 2⁻⁵³.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw (mean 0, variance 1) by Marsaglia's polar method (Marsaglia & Bray 1964, "A
    /// convenient method for generating normal variables", SIAM Review 6(3)).
    ///
    /// Draws `u, v` uniform in `[-1, 1)` until `0 < s = u² + v² < 1` (on average `4/π ≈ 1.27` pairs) and
    /// returns `u · sqrt(-2 ln s / s)`; the method's second normal, `v · sqrt(-2 ln s / s)`, is discarded so
    /// that the generator's state stays its four words. `ln` and `sqrt` are `libm`'s, not the platform's:
    /// the same seed gives bit-identical draws on every platform.
    pub(crate) fn standard_normal(&mut self) -> f64 {
        loop {
            // Exact: 2x and 2x - 1 are representable for x in [0, 1) on the 2^-53 grid.
            let u = 2.0 * self.next_f64() - 1.0;
            let v = 2.0 * self.next_f64() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * libm::sqrt(-2.0 * libm::log(s) / s);
            }
        }
    }

    /// A uniform integer in `0..n`, without bias (Lemire 2019, "Fast random integer generation in an
    /// interval", ACM TOMACS 29(1)): multiply-shift with rejection of the `2⁶⁴ mod n` low products.
    /// Returns 0 when `n` is 0.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        let mut low = m as u64;
        if low < n {
            let threshold = n.wrapping_neg() % n;
            while low < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
                low = m as u64;
            }
        }
        (m >> 64) as u64
    }

    /// `k` distinct indices drawn uniformly from `0..n` (partial Fisher–Yates), in draw order.
    pub(crate) fn sample_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = i + self.below((n - i) as u64) as usize;
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_reference_outputs() {
        // Reference: Rosetta Code "Pseudo-random numbers/Splitmix64", first five outputs for seed 1234567
        // (computed there with the C reference splitmix64.c).
        let mut s = 1_234_567_u64;
        let out: Vec<u64> = (0..5).map(|_| splitmix64(&mut s)).collect();
        assert_eq!(
            out,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821
            ]
        );
    }

    #[test]
    fn xoshiro256starstar_matches_reference_from_state_1234() {
        // Reference: xoshiro256starstar.c (Blackman & Vigna) from state {1, 2, 3, 4}; the first ten
        // outputs as listed in the test `reference` of the crate rand_xoshiro (Xoshiro256StarStar).
        let mut r = Rng { s: [1, 2, 3, 4] };
        let expected: [u64; 10] = [
            11_520,
            0,
            1_509_978_240,
            1_215_971_899_390_074_240,
            1_216_172_134_540_287_360,
            607_988_272_756_665_600,
            16_172_922_978_634_559_625,
            8_476_171_486_693_032_832,
            10_595_114_339_597_558_777,
            2_904_607_092_377_533_576,
        ];
        for e in expected {
            assert_eq!(r.next_u64(), e);
        }
    }

    #[test]
    fn next_f64_is_in_unit_interval_and_below_is_in_range() {
        let mut r = Rng::seed_from_u64(7);
        for _ in 0..10_000 {
            let u = r.next_f64();
            assert!((0.0..1.0).contains(&u));
        }
        for n in [1_u64, 2, 3, 7, 1000, u64::MAX] {
            for _ in 0..1000 {
                assert!(r.below(n) < n);
            }
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn below_is_roughly_uniform() {
        // Chi-squared goodness of fit on 6 cells, 60,000 draws; the 0.999 quantile of chi2(5) is 20.52.
        let mut r = Rng::seed_from_u64(2021);
        let mut counts = [0_u32; 6];
        for _ in 0..60_000 {
            counts[r.below(6) as usize] += 1;
        }
        let chi2: f64 = counts
            .iter()
            .map(|&c| (f64::from(c) - 10_000.0).powi(2) / 10_000.0)
            .sum();
        assert!(chi2 < 20.52, "chi2 = {chi2}");
    }

    #[test]
    fn standard_normal_is_deterministic_and_standard() {
        let mut a = Rng::seed_from_u64(2026);
        let mut b = Rng::seed_from_u64(2026);
        let n = 100_000;
        let (mut sum, mut sum2, mut sum4) = (0.0, 0.0, 0.0);
        for _ in 0..n {
            let z = a.standard_normal();
            assert_eq!(z.to_bits(), b.standard_normal().to_bits());
            assert!(z.is_finite());
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
        }
        let nf = f64::from(n);
        let mean = sum / nf;
        let var = sum2 / nf - mean * mean;
        // Standard errors: mean 1/sqrt(n) = 0.0032, variance sqrt(2/n) = 0.0045, fourth moment
        // sqrt(96/n) = 0.031; bounds at about 5 standard errors.
        assert!(mean.abs() < 0.016, "mean {mean}");
        assert!((var - 1.0).abs() < 0.023, "variance {var}");
        assert!((sum4 / nf - 3.0).abs() < 0.16, "fourth moment {}", sum4 / nf);
        // A different seed gives a different stream.
        let mut c = Rng::seed_from_u64(2027);
        let mut a = Rng::seed_from_u64(2026);
        assert_ne!(a.standard_normal().to_bits(), c.standard_normal().to_bits());
    }

    #[test]
    fn standard_normal_pinned_bits_for_seed_0() {
        // Recorded on x86-64; integer arithmetic, IEEE `+ - * /` and libm's `log` / `sqrt` give the same
        // bits everywhere, so a change here means the stream of every seeded simulation changed.
        let mut r = Rng::seed_from_u64(0);
        let bits: Vec<u64> = (0..4).map(|_| r.standard_normal().to_bits()).collect();
        assert_eq!(
            bits,
            [
                4_603_562_449_273_866_725,
                13_829_609_173_090_531_484,
                13_835_993_918_339_616_522,
                13_828_416_512_714_038_222
            ]
        );
    }

    #[test]
    fn standard_normal_tail_frequencies() {
        // P(|Z| > 1.96) = 0.05 and P(Z < -1) = 0.158655: binomial standard errors 0.0007 and 0.0012 for
        // 1e5 draws; bounds at about 5 of them.
        let mut r = Rng::seed_from_u64(99);
        let n = 100_000;
        let (mut out95, mut below1) = (0_u32, 0_u32);
        for _ in 0..n {
            let z = r.standard_normal();
            out95 += u32::from(z.abs() > 1.96);
            below1 += u32::from(z < -1.0);
        }
        let nf = f64::from(n);
        assert!((f64::from(out95) / nf - 0.05).abs() < 0.0035, "{out95}");
        assert!((f64::from(below1) / nf - 0.158_655).abs() < 0.006, "{below1}");
    }

    #[test]
    fn same_seed_same_stream_and_sample_is_distinct() {
        let mut a = Rng::seed_from_u64(42);
        let mut b = Rng::seed_from_u64(42);
        assert_eq!(a.next_u64(), b.next_u64());
        let s = a.sample_indices(100, 30);
        let mut t = s.clone();
        t.sort_unstable();
        t.dedup();
        assert_eq!(t.len(), 30);
        assert!(s.iter().all(|&i| i < 100));
        let x = a.next_f64();
        assert!((0.0..1.0).contains(&x));
    }
}
