//! Comparing Poisson rates: the exact conditional test of R `poisson.test` and the Garwood interval.

use statrs::function::factorial::ln_binomial;
use statrs::function::gamma::ln_gamma;

use super::distributions::{
    beta_quantile, gamma_quantile, poisson_cdf, poisson_upper, regularised_beta, std_normal_quantile,
};
use super::validate::check_level;
use super::{Interval, StatsError};

/// The result of [`poisson_rate_test`]: two Poisson counts over two exposures compared.
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // 30 events against 10 over equal exposures: conditional on 40, x1 ~ Binomial(40, 1/2),
/// // so p = 2 P(X ≥ 30) (R poisson.test(c(30, 10), c(10, 10)) p-value = 0.002221).
/// let t = corridor::stats::poisson_rate_test(30, 10.0, 10, 10.0)?;
/// assert_eq!(t.ratio(), 3.0);
/// assert!((t.p_value() - 0.002_221_433_773).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RateTest {
    x1: u64,
    t1: f64,
    x2: u64,
    t2: f64,
    p_value: f64,
}

impl RateTest {
    /// The rate ratio `(x1/t1) / (x2/t2)`, computed as `(x1/x2)(t2/t1)` so that exposures near
    /// the ends of the `f64` range do not make it NaN; `+∞` when `x2 = 0` (as R), `0` when
    /// `x1 = 0`, and `+∞` or `0` when the ratio itself is beyond the `f64` range.
    ///
    /// # Examples
    /// ```
    /// // 12 events in 4 months against 6 in 6 months: (12/4) / (6/6) = 3.
    /// assert_eq!(corridor::stats::poisson_rate_test(12, 4.0, 6, 6.0)?.ratio(), 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn ratio(&self) -> f64 {
        (self.x1 as f64 / self.x2 as f64) * (self.t2 / self.t1)
    }

    /// The two-sided exact p-value for `H0: ratio = 1` (R `poisson.test(c(x1, x2), c(t1, t2))$p.value`).
    ///
    /// # Examples
    /// ```
    /// // Equal counts over equal exposures: the test cannot reject.
    /// assert_eq!(corridor::stats::poisson_rate_test(20, 5.0, 20, 5.0)?.p_value(), 1.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        self.p_value
    }

    /// The exact (Clopper–Pearson based) confidence interval of the rate ratio at `level`.
    ///
    /// With `n = x1 + x2`, `α = (1 − level)/2` and the Clopper–Pearson bounds
    /// `p_L = B⁻¹(α; x1, n − x1 + 1)` (0 when `x1 = 0`) and `p_U = B⁻¹(1 − α; x1 + 1, n − x1)`
    /// (1 when `x1 = n`), the interval is `p/(1 − p) · t2/t1` at both bounds, as R
    /// `poisson.test(c(x1, x2), c(t1, t2), conf.level = level)$conf.int` (upper `+∞` when `x2 = 0`).
    ///
    /// Returns `(lower, upper)`, the form fixed for programs that depend on the crate; a `level`
    /// outside `(0, 1)` gives `(NaN, NaN)`. [`RateTest::interval`] is the same interval as the
    /// crate's one [`Interval`] type, with an invalid level as an error.
    ///
    /// # Examples
    /// ```
    /// let t = corridor::stats::poisson_rate_test(30, 10.0, 10, 10.0)?;
    /// let (lo, hi) = t.confidence_interval(0.95);
    /// assert!(lo < t.ratio() && t.ratio() < hi);
    /// assert!(t.confidence_interval(1.5).0.is_nan());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn confidence_interval(&self, level: f64) -> (f64, f64) {
        self.interval(level).map_or((f64::NAN, f64::NAN), |ci| ci.bounds())
    }

    /// [`RateTest::confidence_interval`] as an [`Interval`] carrying its level.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `0 < level < 1`.
    ///
    /// # Examples
    /// ```
    /// let t = corridor::stats::poisson_rate_test(30, 10.0, 10, 10.0)?;
    /// let ci = t.interval(0.95)?;
    /// assert!(ci.lower() < t.ratio() && t.ratio() < ci.upper());
    /// assert!(t.interval(1.5).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn interval(&self, level: f64) -> crate::stats::error::Result<Interval> {
        check_level(level)?;
        let n = self.x1 + self.x2;
        let alpha = (1.0 - level) / 2.0;
        let (x, nf) = (self.x1 as f64, n as f64);
        let lower = if self.x1 == 0 {
            0.0
        } else {
            beta_quantile(alpha, x, nf - x + 1.0)
        };
        let upper = if self.x1 == n {
            1.0
        } else {
            beta_quantile(1.0 - alpha, x + 1.0, nf - x)
        };
        let scale = self.t2 / self.t1;
        Ok(Interval::new(
            lower / (1.0 - lower) * scale,
            upper / (1.0 - upper) * scale,
            level,
        ))
    }
}

fn check_exposure(name: &'static str, t: f64) -> Result<(), StatsError> {
    if t.is_finite() && t > 0.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name,
            value: t.to_string(),
            reason: "an exposure must be finite and positive",
        })
    }
}

/// `ln P(X = k)` for `X ~ Binomial(n, p)`, `0 < p < 1`.
fn ln_dbinom(k: u64, n: u64, p: f64) -> f64 {
    ln_binomial(n, k) + k as f64 * p.ln() + (n - k) as f64 * (-p).ln_1p()
}

/// `P(X ≤ k)`; `k < 0` gives 0.
fn pbinom(k: i128, n: u64, p: f64) -> f64 {
    if k < 0 {
        0.0
    } else if k >= i128::from(n) {
        1.0
    } else {
        let k = k as f64;
        regularised_beta(n as f64 - k, k + 1.0, 1.0 - p)
    }
}

/// `P(X > k)`.
fn pbinom_upper(k: i128, n: u64, p: f64) -> f64 {
    if k < 0 {
        1.0
    } else if k >= i128::from(n) {
        0.0
    } else {
        let k = k as f64;
        regularised_beta(k + 1.0, n as f64 - k, p)
    }
}

/// R `binom.test(x, n, p)$p.value` (two-sided): sums the probabilities of outcomes no more likely
/// than `x`, with R's relative tolerance `1 + 1e-7`.
fn binom_two_sided(x: u64, n: u64, p: f64) -> f64 {
    let m = n as f64 * p;
    let xf = x as f64;
    if xf == m {
        return 1.0;
    }
    let ln_threshold = ln_dbinom(x, n, p) + 1e-7f64.ln_1p();
    let below = |i: u64| ln_dbinom(i, n, p) <= ln_threshold;
    let pv = if xf < m {
        // On ceil(m)..=n the pmf is non-increasing: find the first i with pmf(i) <= d·relErr.
        let (mut lo, mut hi) = (m.ceil() as u64, n + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(mid) { hi = mid } else { lo = mid + 1 }
        }
        let y = n + 1 - lo;
        pbinom(i128::from(x), n, p) + pbinom_upper(i128::from(n) - i128::from(y), n, p)
    } else {
        // On 0..=floor(m) the pmf is non-decreasing: count the i with pmf(i) <= d·relErr.
        let top = m.floor() as u64;
        let (mut lo, mut hi) = (0u64, top + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(mid) { lo = mid + 1 } else { hi = mid }
        }
        let y = lo;
        pbinom(i128::from(y) - 1, n, p) + pbinom_upper(i128::from(x) - 1, n, p)
    };
    pv.min(1.0)
}

/// The exact conditional test comparing two Poisson rates, as R
/// `poisson.test(c(x1, x2), c(t1, t2))` (base R `stats`).
///
/// Given `n = x1 + x2`, `x1 ~ Binomial(n, t1/(t1 + t2))` under `H0: λ1 = λ2`. The two-sided
/// p-value is R `binom.test`'s: the total probability of outcomes whose probability is at most
/// `P(x1) · (1 + 1e-7)`. The ratio is `(x1/t1)/(x2/t2)` and
/// [`RateTest::confidence_interval`] transforms the Clopper–Pearson interval.
/// statsmodels `test_poisson_2indep(method="exact-cond")` gives the same p-value.
///
/// # Complexity
///
/// `O(log n)` evaluations of the binomial pmf (the pmf is monotone on each tail, so R's count
/// is found by bisection) plus two regularised incomplete beta functions.
///
/// Exposures anywhere in the positive `f64` range are accepted: the null proportion is computed
/// as `1 / (1 + t2/t1)`, so equal rates over exposures of `1e308` give `p = 1` (R gives 0 there,
/// its `t1 + t2` overflowing).
///
/// # Errors
/// [`StatsError::InvalidParameter`] when an exposure is not finite and positive, or when
/// `t1/(t1 + t2)` rounds to 0 or 1 (exposures more than about `1e308` times apart);
/// [`StatsError::Degenerate`] when `x1 = x2 = 0` (R stops there too).
///
/// # Examples
/// ```
/// // Darién: 2,461 crossings a day over August 2021 against 140 a day over 31 later days.
/// let t = corridor::stats::poisson_rate_test(2461 * 31, 31.0, 140 * 31, 31.0)?;
/// assert!((t.ratio() - 2461.0 / 140.0).abs() < 1e-12);
/// assert!(t.p_value() < 1e-300);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn poisson_rate_test(x1: u64, t1: f64, x2: u64, t2: f64) -> crate::stats::error::Result<RateTest> {
    check_exposure("t1", t1)?;
    check_exposure("t2", t2)?;
    let n = x1.checked_add(x2).ok_or(StatsError::InvalidParameter {
        name: "x1 + x2",
        value: format!("{x1} + {x2}"),
        reason: "the total count overflows u64",
    })?;
    if n == 0 {
        return Err(StatsError::Degenerate {
            method: "poisson rate test",
            reason: "both counts are zero",
        });
    }
    // t1 / (t1 + t2) without forming t1 + t2, which overflows for exposures near f64::MAX (R's
    // `T[1L]/sum(T)` does, and then reports p = 0 for equal rates).
    let p = 1.0 / (1.0 + t2 / t1);
    if !(p > 0.0 && p < 1.0) {
        return Err(StatsError::InvalidParameter {
            name: "t1 / t2",
            value: format!("{t1} / {t2}"),
            reason: "the exposures are so unequal that the null proportion t1/(t1 + t2) rounds to 0 or 1",
        });
    }
    Ok(RateTest {
        x1,
        t1,
        x2,
        t2,
        p_value: binom_two_sided(x1, n, p),
    })
}

/// The exact (Garwood 1936) confidence interval for the mean of one Poisson count `x`, as R
/// `poisson.test(x, conf.level = level)$conf.int`.
///
/// With `α = (1 − level)/2`: lower `G⁻¹(α; x)` (0 when `x = 0`), upper `G⁻¹(1 − α; x + 1)`,
/// `G` the gamma distribution with unit rate. Divide by an exposure to get a rate interval.
///
/// For `x ≥ 10⁶` the gamma quantiles are the Wilson–Hilferty (1931) approximation
/// `a (1 − 1/(9a) + z_p/(3√a))³` (`a` the shape, `z_p` the normal quantile), which agrees with R
/// `qgamma` to a relative `2e-11` at `10⁶`, the error falling as `a^(−3/2)` (checked at
/// `10⁶ … 10¹⁸`, `tests/data/reference/rate_R.json`; statrs' iterative inversion, used below
/// `10⁶`, is off by `5e-10` at `10⁷` and takes a minute at `10¹⁵`). Bounded time for every `x`.
///
/// # Errors
/// [`StatsError::InvalidParameter`] unless `0 < level < 1`.
///
/// # Examples
/// ```
/// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.95)?;
/// assert!((ci.lower() - 4.795).abs() < 1e-3 && (ci.upper() - 18.39).abs() < 1e-2); // R: 4.795389 18.390356
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn poisson_exact_interval(x: u64, level: f64) -> crate::stats::error::Result<Interval> {
    check_level(level)?;
    let alpha = (1.0 - level) / 2.0;
    let (lower, upper) = garwood(x, alpha);
    Ok(Interval::new(lower, upper, level))
}

/// Shapes from which [`poisson_exact_interval`] uses the Wilson–Hilferty quantile: the exact
/// inversion in statrs slows down (about a second at 10¹², a minute at 10¹⁵) and loses accuracy
/// (a relative 2.5e-8 at 10¹⁵) as the shape grows.
const WILSON_HILFERTY_FROM: f64 = 1e6;

/// The Garwood interval of a Poisson mean, `α` in each tail.
fn garwood(x: u64, alpha: f64) -> (f64, f64) {
    let xf = x as f64;
    let q = |p: f64, shape: f64| {
        if shape >= WILSON_HILFERTY_FROM {
            let z = std_normal_quantile(p);
            let c = 1.0 - 1.0 / (9.0 * shape) + z / (3.0 * shape.sqrt());
            shape * c * c * c
        } else {
            gamma_quantile(p, shape)
        }
    };
    let lower = if x == 0 { 0.0 } else { q(alpha, xf) };
    (lower, q(1.0 - alpha, xf + 1.0))
}

/// The result of [`poisson_test`]: one Poisson count over an exposure against a hypothesised
/// rate.
///
/// Serialises (feature `serde`) as a plain record; results are not deserialised.
///
/// # Examples
/// ```
/// // 10 events in 2 years against 3 a year (R poisson.test(10, 2, 3)).
/// let t = corridor::stats::rate::poisson_test(10, 2.0, 3.0)?;
/// assert_eq!(t.rate(), 5.0);
/// assert!((t.p_value() - 0.101_275_282_231_540_36).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PoissonTest {
    x: u64,
    exposure: f64,
    p_value: f64,
}

impl PoissonTest {
    /// The estimated rate `x / exposure` (R's `estimate`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(corridor::stats::rate::poisson_test(12, 4.0, 2.0)?.rate(), 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn rate(&self) -> f64 {
        self.x as f64 / self.exposure
    }

    /// The two-sided exact p-value (R `poisson.test(x, T, r)$p.value`).
    ///
    /// # Examples
    /// ```
    /// // 4 events in 2 years against a rate of 2 a year: x = m = 4, so p = 1 (R poisson.test(4, 2, 2)).
    /// assert_eq!(corridor::stats::rate::poisson_test(4, 2.0, 2.0)?.p_value(), 1.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        self.p_value
    }

    /// The exact (Garwood) confidence interval of the rate at `level`: the interval of
    /// [`poisson_exact_interval`] divided by the exposure, as R `poisson.test(x, T, r,
    /// conf.level = level)$conf.int`.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `0 < level < 1`.
    ///
    /// # Examples
    /// ```
    /// let t = corridor::stats::rate::poisson_test(10, 2.0, 3.0)?;
    /// let ci = t.confidence_interval(0.95)?;
    /// assert!((ci.lower() - 2.397_694_348).abs() < 1e-8 && (ci.upper() - 9.195_178_021).abs() < 1e-8); // R
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn confidence_interval(&self, level: f64) -> crate::stats::error::Result<Interval> {
        let ci = poisson_exact_interval(self.x, level)?;
        Ok(Interval::new(
            ci.lower() / self.exposure,
            ci.upper() / self.exposure,
            level,
        ))
    }
}

/// Largest expected count `m = rate · exposure` the exact one-sample test accepts (`2⁵³`: counts
/// above it are not exact in `f64`).
const POISSON_TEST_MAX_MEAN: f64 = 9_007_199_254_740_992.0;

/// The exact one-sample Poisson test of `H0: λ = rate` for a count `x` observed over `exposure`,
/// as R `poisson.test(x, T = exposure, r = rate)` (two-sided).
///
/// With `m = rate · exposure` and `d = P(X = x)`, `X ~ Poisson(m)`, the p-value is the total
/// probability of the outcomes no more likely than `x`, with R's relative tolerance
/// `d (1 + 1e-7)`: for `x < m`, `P(X ≤ x) + P(X ≥ y)` with `y` the first count above the mode
/// whose probability is at most that; for `x > m` the mirror image; 1 when `x = m`.
///
/// # Complexity
/// `O(log m)` evaluations of the Poisson pmf (it is monotone on each side of its mode, so R's
/// count is found by bisection) plus two regularised incomplete gamma functions.
///
/// # Errors
/// [`StatsError::InvalidParameter`] when `exposure` or `rate` is not finite and positive, or when
/// `rate · exposure` exceeds `2⁵³`.
///
/// # Examples
/// ```
/// // 10 events in 2 years against a rate of 3 a year: R poisson.test(10, 2, 3)$p.value
/// let t = corridor::stats::rate::poisson_test(10, 2.0, 3.0)?;
/// assert!((t.p_value() - 0.101_275_282_231_540_36).abs() < 1e-12);
/// assert_eq!(t.rate(), 5.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn poisson_test(x: u64, exposure: f64, rate: f64) -> crate::stats::error::Result<PoissonTest> {
    check_exposure("exposure", exposure)?;
    if !(rate.is_finite() && rate > 0.0) {
        return Err(StatsError::InvalidParameter {
            name: "rate",
            value: rate.to_string(),
            reason: "a hypothesised rate must be finite and positive",
        });
    }
    let m = rate * exposure;
    if !(m > 0.0 && m <= POISSON_TEST_MAX_MEAN) {
        return Err(StatsError::InvalidParameter {
            name: "rate × exposure",
            value: m.to_string(),
            reason: "the expected count must be positive and at most 2^53",
        });
    }
    Ok(PoissonTest {
        x,
        exposure,
        p_value: poisson_two_sided(x, m),
    })
}

/// `ln P(X = k)`, `X ~ Poisson(m)`.
fn ln_dpois(k: f64, m: f64) -> f64 {
    k * m.ln() - m - ln_gamma(k + 1.0)
}

/// R `poisson.test(x, T, r)`'s two-sided p-value for `m = rT`.
fn poisson_two_sided(x: u64, m: f64) -> f64 {
    let xf = x as f64;
    if xf == m {
        return 1.0;
    }
    let ln_threshold = ln_dpois(xf, m) + 1e-7f64.ln_1p();
    let below = |i: f64| ln_dpois(i, m) <= ln_threshold;
    let pv = if xf < m {
        // On ceil(m).. the pmf is non-increasing: the first i there with pmf(i) <= d·relErr.
        let mut lo = m.ceil();
        let mut hi = (2.0 * m - xf).ceil().max(lo);
        while !below(hi) {
            hi *= 2.0;
        }
        while lo < hi {
            let mid = (lo + (hi - lo) / 2.0).floor();
            if below(mid) { hi = mid } else { lo = mid + 1.0 }
        }
        poisson_cdf(xf, m) + poisson_upper(lo - 1.0, m)
    } else {
        // On 0..=floor(m) the pmf is non-decreasing: count the i with pmf(i) <= d·relErr.
        let (mut lo, mut hi) = (0.0, m.floor() + 1.0);
        while lo < hi {
            let mid = (lo + (hi - lo) / 2.0).floor();
            if below(mid) { lo = mid + 1.0 } else { hi = mid }
        }
        poisson_cdf(lo - 1.0, m) + poisson_upper(xf - 1.0, m)
    };
    pv.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_exposure_and_empty_counts_are_errors() {
        for t in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(poisson_rate_test(1, t, 1, 1.0).is_err());
            assert!(poisson_rate_test(1, 1.0, 1, t).is_err());
        }
        assert!(matches!(
            poisson_rate_test(0, 1.0, 0, 1.0),
            Err(StatsError::Degenerate { .. })
        ));
        assert!(poisson_rate_test(u64::MAX, 1.0, 1, 1.0).is_err());
        assert!(poisson_exact_interval(3, 1.0).is_err());
    }

    #[test]
    fn pbinom_tails_add_to_one() {
        let (n, p) = (40, 0.3);
        for k in -1..=41 {
            let s = pbinom(k, n, p) + pbinom_upper(k, n, p);
            assert!((s - 1.0).abs() < 1e-12, "k = {k}: {s}");
        }
    }
}
