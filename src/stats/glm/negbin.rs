//! Negative binomial (NB2) dispersion by maximum likelihood, as R `MASS::theta.ml`.

use statrs::function::gamma::{digamma, ln_gamma};

/// Trigamma `psi'(x)` for `x > 0`.
///
/// statrs 0.19 has no trigamma. The recurrence `psi'(x) = psi'(x + 1) + 1/x^2`
/// moves `x` to at least 10, then the asymptotic series
/// `psi'(x) ~ 1/x + 1/(2x^2) + sum_k B_2k / x^(2k+1)`
/// (Abramowitz & Stegun 6.4.12) is summed through `B_12`; the first omitted term is
/// below `1e-15` relative at `x = 10`.
pub(crate) fn trigamma(mut x: f64) -> f64 {
    let mut acc = 0.0;
    while x < 10.0 {
        acc += 1.0 / (x * x);
        x += 1.0;
    }
    let z = 1.0 / (x * x);
    // B2 = 1/6, B4 = -1/30, B6 = 1/42, B8 = -1/30, B10 = 5/66, B12 = -691/2730
    let series =
        1.0 / 6.0 + z * (-1.0 / 30.0 + z * (1.0 / 42.0 + z * (-1.0 / 30.0 + z * (5.0 / 66.0 + z * (-691.0 / 2730.0)))));
    acc + 1.0 / x + z / 2.0 + series * z / x
}

/// NB2 log-likelihood as `MASS::glm.nb`'s `loglik`.
pub(crate) fn loglik(theta: f64, mu: &[f64], y: &[f64]) -> f64 {
    y.iter()
        .zip(mu)
        .map(|(&y, &m)| {
            ln_gamma(theta + y) - ln_gamma(theta) - ln_gamma(y + 1.0)
                + theta * theta.ln()
                + y * (m + if y == 0.0 { 1.0 } else { 0.0 }).ln()
                - (theta + y) * (theta + m).ln()
        })
        .sum()
}

/// The outcome of [`theta_ml`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct ThetaMl {
    pub(crate) theta: f64,
    pub(crate) se: f64,
}

/// `MASS::theta.ml`: Newton's method on the profile score of `theta` for fixed `mu`,
/// from `theta_0 = n / sum (y/mu - 1)^2`, stopping when the step is below
/// `eps = DBL_EPSILON^(1/4)` or after `limit - 1` steps; truncated at 0.
pub(crate) fn theta_ml(y: &[f64], mu: &[f64], limit: usize) -> ThetaMl {
    let n = y.len() as f64;
    let eps = f64::EPSILON.powf(0.25);
    let mut t0 = n / y.iter().zip(mu).map(|(&y, &m)| (y / m - 1.0).powi(2)).sum::<f64>();
    let mut it = 0;
    let mut del: f64 = 1.0;
    let mut info = f64::NAN;
    loop {
        it += 1;
        if !(it < limit && del.abs() > eps) {
            break;
        }
        t0 = t0.abs();
        let mut score = 0.0;
        info = 0.0;
        for (&y, &m) in y.iter().zip(mu) {
            score += digamma(t0 + y) - digamma(t0) + t0.ln() + 1.0 - (t0 + m).ln() - (y + t0) / (m + t0);
            info += -trigamma(t0 + y) + trigamma(t0) - 1.0 / t0 + 2.0 / (m + t0) - (y + t0) / (m + t0).powi(2);
        }
        del = score / info;
        t0 += del;
    }
    if t0 < 0.0 {
        t0 = 0.0;
    }
    ThetaMl {
        theta: t0,
        se: (1.0 / info).sqrt(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigamma_matches_scipy() {
        // scipy.special.polygamma(1, x)
        for (x, want) in [
            (0.5, 4.934_802_200_544_68),
            (1.0, 1.644_934_066_848_226_6),
            (3.7, 0.310_037_857_670_038_33),
            (25.0, 0.040_810_663_257_225_58),
        ] {
            let got = trigamma(x);
            assert!((got / want - 1.0).abs() < 1e-13, "{x}: {got} vs {want}");
        }
    }
}
