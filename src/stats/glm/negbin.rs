//! Negative binomial (NB2) dispersion by maximum likelihood, as R `MASS::theta.ml`.

use statrs::function::gamma::{digamma, ln_gamma};

use crate::stats::linalg::cholesky_solve;

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
    loop {
        it += 1;
        if !(it < limit && del.abs() > eps) {
            break;
        }
        t0 = t0.abs();
        let mut score = 0.0;
        let mut info = 0.0;
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
    ThetaMl { theta: t0 }
}

/// `theta.ml`'s information for `theta` at fixed `mu` (its `SE` is `1/sqrt(info)`).
pub(crate) fn theta_info(theta: f64, mu: &[f64], y: &[f64]) -> f64 {
    y.iter()
        .zip(mu)
        .map(|(&y, &m)| {
            -trigamma(theta + y) + trigamma(theta) - 1.0 / theta + 2.0 / (m + theta) - (y + theta) / (m + theta).powi(2)
        })
        .sum()
}

/// Joint Newton–Raphson on `(b, theta)` from the `glm.nb` estimate, with step halving on
/// the log-likelihood: it removes what the alternation leaves when it converges only
/// linearly. Stops when every step is below `1e-10` relative; `None` if the Hessian is
/// not negative definite or no step improves the likelihood.
///
/// ```text
/// d l / d b       = sum x (y - mu) theta / (theta + mu)
/// d l / d theta   = sum psi(theta + y) - psi(theta) + log theta + 1 - log(theta + mu) - (theta + y)/(theta + mu)
/// d2 l / d b d b' = -sum x x' mu theta (theta + y) / (theta + mu)^2
/// d2 l / d b dth  = sum x mu (y - mu) / (theta + mu)^2
/// d2 l / d th2    = sum psi'(theta + y) - psi'(theta) + 1/theta - 2/(theta + mu) + (theta + y)/(theta + mu)^2
/// ```
pub(crate) fn newton_polish(
    data: &[f64],
    n: usize,
    k: usize,
    y: &[f64],
    offset: &[f64],
    beta: &[f64],
    theta: f64,
) -> Option<(Vec<f64>, f64)> {
    let m = k + 1;
    let mut p: Vec<f64> = beta.iter().copied().chain(std::iter::once(theta)).collect();
    let mut eta = vec![0.0; n];
    let mut mu = vec![0.0; n];
    let eval_mu = |p: &[f64], eta: &mut [f64], mu: &mut [f64]| -> bool {
        super::irls::linear_predictor(data, n, &p[..k], offset, eta);
        for (mv, e) in mu.iter_mut().zip(eta.iter()) {
            if e.abs() > 700.0 {
                return false;
            }
            *mv = e.exp();
        }
        true
    };
    if !eval_mu(&p, &mut eta, &mut mu) {
        return None;
    }
    let mut ll = loglik(p[k], &mu, y);
    for _ in 0..50 {
        let th = p[k];
        let mut grad = vec![0.0; m];
        let mut hess = vec![0.0; m * m]; // negative Hessian, row-major
        for t in 0..n {
            let (yt, mt) = (y[t], mu[t]);
            let tm = th + mt;
            let gb = (yt - mt) * th / tm;
            let wbb = mt * th * (th + yt) / (tm * tm);
            let wbt = mt * (yt - mt) / (tm * tm);
            for i in 0..k {
                let xi = data[i * n + t];
                grad[i] += xi * gb;
                hess[i * m + k] -= xi * wbt;
                for j in i..k {
                    hess[i * m + j] += xi * data[j * n + t] * wbb;
                }
            }
            grad[k] += digamma(th + yt) - digamma(th) + th.ln() + 1.0 - tm.ln() - (th + yt) / tm;
            hess[k * m + k] -= trigamma(th + yt) - trigamma(th) + 1.0 / th - 2.0 / tm + (th + yt) / (tm * tm);
        }
        for i in 0..m {
            for j in 0..i {
                hess[i * m + j] = hess[j * m + i];
            }
        }
        let step = cholesky_solve(&hess, &grad, m)?;
        let mut scale = 1.0;
        let mut accepted = false;
        let mut trial = p.clone();
        for _ in 0..40 {
            for i in 0..m {
                trial[i] = p[i] + scale * step[i];
            }
            if trial[k] > 0.0 && eval_mu(&trial, &mut eta, &mut mu) {
                let l = loglik(trial[k], &mu, y);
                if l.is_finite() && l >= ll - 1e-12 * ll.abs() {
                    ll = l;
                    accepted = true;
                    break;
                }
            }
            scale *= 0.5;
        }
        if !accepted {
            return None;
        }
        let small = step
            .iter()
            .zip(&p)
            .all(|(s, v)| (scale * s).abs() <= 1e-10 * v.abs().max(1e-3));
        p.clone_from(&trial);
        if small {
            return Some((p[..k].to_vec(), p[k]));
        }
    }
    None
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
