//! The one door to statrs' distributions: every constructor and special function is reached
//! through these helpers, which validate the parameters first (statrs `unwrap`s inside some of
//! its functions, e.g. a Student-t quantile or a regularised incomplete beta with a shape ≤ 0).
//!
//! Each helper returns NaN for parameters outside the distribution's domain; callers that expose
//! the value document that NaN (or validate earlier and never reach it).

use statrs::distribution::{Beta, ContinuousCDF, Gamma, Normal, StudentsT};
use statrs::function::beta::checked_beta_reg;
use statrs::function::erf::erfc;
use statrs::function::gamma::{checked_gamma_lr, checked_gamma_ur};

/// `Φ⁻¹(p)`, NaN unless `0 ≤ p ≤ 1`.
pub(crate) fn std_normal_quantile(p: f64) -> f64 {
    if (0.0..=1.0).contains(&p) {
        Normal::standard().inverse_cdf(p)
    } else {
        f64::NAN
    }
}

/// `Φ(z)` (NaN for NaN).
pub(crate) fn std_normal_cdf(z: f64) -> f64 {
    Normal::standard().cdf(z)
}

/// Two-sided normal p-value `erfc(|z| / √2)`: no cancellation, no underflow before 1e-300;
/// NaN for a NaN `z` (never a p-value of 1 for an undefined statistic).
pub(crate) fn normal_two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return f64::NAN;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

/// A Student-t degrees of freedom statrs accepts: positive, not NaN (∞ means the normal).
fn valid_df(df: f64) -> bool {
    df > 0.0
}

/// Two-sided Student-t p-value `I_{df/(df+t²)}(df/2, 1/2)`, the normal's for `df = ∞`; NaN for
/// `df ≤ 0`, a NaN `df` or a NaN `t`.
pub(crate) fn student_t_two_sided_p(df: f64, t: f64) -> f64 {
    if !valid_df(df) || t.is_nan() {
        return f64::NAN;
    }
    if df.is_infinite() {
        return normal_two_sided_p(t);
    }
    if t.is_infinite() {
        return 0.0;
    }
    regularised_beta(df / 2.0, 0.5, df / (df + t * t))
}

/// The Student-t quantile at `p` (the normal's for `df = ∞`); NaN for an invalid `df` or `p`.
pub(crate) fn student_t_quantile(df: f64, p: f64) -> f64 {
    if !valid_df(df) || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if df.is_infinite() {
        return std_normal_quantile(p);
    }
    StudentsT::new(0.0, 1.0, df).map_or(f64::NAN, |d| d.inverse_cdf(p))
}

/// The regularised incomplete beta `I_x(a, b)`; NaN unless `a, b > 0` finite and `0 ≤ x ≤ 1`.
pub(crate) fn regularised_beta(a: f64, b: f64, x: f64) -> f64 {
    checked_beta_reg(a, b, x).unwrap_or(f64::NAN)
}

/// The `Beta(a, b)` quantile at `p`; NaN unless `a, b > 0` finite and `0 ≤ p ≤ 1`.
pub(crate) fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    Beta::new(a, b).map_or(f64::NAN, |d| d.inverse_cdf(p))
}

/// The unit-rate `Gamma(shape)` quantile at `p`; NaN unless `shape > 0` finite and `0 ≤ p ≤ 1`.
pub(crate) fn gamma_quantile(p: f64, shape: f64) -> f64 {
    if !((0.0..=1.0).contains(&p) && shape.is_finite() && shape > 0.0) {
        return f64::NAN;
    }
    Gamma::new(shape, 1.0).map_or(f64::NAN, |g| g.inverse_cdf(p))
}

/// `P(X ≤ k)` for `X ~ Poisson(m)`, `m > 0` finite (`Q(k + 1, m)`, the regularised upper gamma);
/// NaN otherwise.
pub(crate) fn poisson_cdf(k: f64, m: f64) -> f64 {
    if k < 0.0 {
        return 0.0;
    }
    checked_gamma_ur(k + 1.0, m).unwrap_or(f64::NAN)
}

/// `P(X > k)` for `X ~ Poisson(m)` (`P(k + 1, m)`, the regularised lower gamma); NaN for an
/// invalid `m`.
pub(crate) fn poisson_upper(k: f64, m: f64) -> f64 {
    if k < 0.0 {
        return 1.0;
    }
    checked_gamma_lr(k + 1.0, m).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_parameters_give_nan_not_a_panic() {
        for df in [0.0, -1.0, f64::NAN, f64::NEG_INFINITY] {
            assert!(student_t_two_sided_p(df, 2.0).is_nan(), "{df}");
            assert!(student_t_quantile(df, 0.975).is_nan(), "{df}");
        }
        assert!(student_t_quantile(5.0, 1.5).is_nan());
        assert!(regularised_beta(-1.0, 0.5, 0.3).is_nan());
        assert!(regularised_beta(1.0, 0.5, 1.3).is_nan());
        assert!(beta_quantile(0.5, 0.0, 1.0).is_nan());
        assert!(gamma_quantile(0.5, f64::INFINITY).is_nan());
        assert!(std_normal_quantile(f64::NAN).is_nan());
    }

    #[test]
    fn infinite_df_is_the_normal() {
        // R: 2 * pnorm(-1.96) = 0.04999579, qt(0.975, Inf) = qnorm(0.975) = 1.959964
        assert!((student_t_two_sided_p(f64::INFINITY, 1.96) / 0.049_995_790_296_440_86 - 1.0).abs() < 1e-9);
        assert!((student_t_quantile(f64::INFINITY, 0.975) - 1.959_963_984_540_054).abs() < 1e-12);
        // R: 2 * pt(-2, 10) = 0.07338803, qt(0.975, 10) = 2.228139
        assert!((student_t_two_sided_p(10.0, 2.0) - 0.073_388_034_770_740_39).abs() < 1e-12);
        assert!((student_t_quantile(10.0, 0.975) - 2.228_138_851_986_273).abs() < 1e-9);
    }
}
