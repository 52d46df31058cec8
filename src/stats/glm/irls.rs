//! Iteratively reweighted least squares for log-link count models, step by step as R `glm.fit`.

// Index loops over the k x k matrices mirror the formulas.
#![allow(clippy::needless_range_loop)]

use crate::stats::StatsError;
use crate::stats::regression::Design;
use crate::stats::regression::qr::{Qr, xtx_inverse};

/// Largest linear predictor before `exp` overflows; larger steps are halved.
const ETA_MAX: f64 = 700.0;

/// Variance function of the count family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Variance {
    /// `V(mu) = mu`.
    Poisson,
    /// `V(mu) = mu + mu^2 / theta` (NB2).
    NegBin(f64),
}

impl Variance {
    /// The IRLS weight `mu^2 / V(mu)` (log link), written to avoid overflow.
    fn weight(self, mu: f64) -> f64 {
        match self {
            Self::Poisson => mu,
            Self::NegBin(theta) => mu / (1.0 + mu / theta),
        }
    }

    /// Unit deviance contribution, as R's `dev.resids` of `poisson()` / `negative.binomial(theta)`.
    pub(crate) fn unit_deviance(self, y: f64, mu: f64) -> f64 {
        match self {
            Self::Poisson => {
                if y > 0.0 {
                    2.0 * (y * (y / mu).ln() - (y - mu))
                } else {
                    2.0 * mu
                }
            }
            Self::NegBin(theta) => 2.0 * (y * (y.max(1.0) / mu).ln() - (y + theta) * ((y + theta) / (mu + theta)).ln()),
        }
    }

    pub(crate) fn deviance(self, y: &[f64], mu: &[f64]) -> f64 {
        y.iter().zip(mu).map(|(&a, &m)| self.unit_deviance(a, m)).sum()
    }
}

/// What one IRLS run leaves behind.
#[derive(Debug, Clone)]
pub(crate) struct Irls {
    pub(crate) beta: Vec<f64>,
    /// `(X' W X)^{-1}` from the last weighted least-squares step (as R's `fit$qr`).
    pub(crate) cov_unscaled: Vec<f64>,
    pub(crate) mu: Vec<f64>,
    pub(crate) deviance: f64,
    pub(crate) iterations: usize,
    pub(crate) converged: bool,
    /// `sum w_t^2 r_t^2` with the working weights of the last step and the final working
    /// residuals `(y - mu)/mu`: R `summary.glm`'s dispersion numerator.
    pub(crate) working_pearson: f64,
}

/// Runs IRLS from the linear predictor `eta` (R `etastart`).
///
/// Convergence as R `glm.control`: `|dev - dev_old| / (|dev| + 0.1) < eps`, at most
/// `maxit` iterations. A step giving a non-finite deviance, `|eta| > 700`, or (once
/// previous coefficients exist, from `start` or an earlier step) a larger deviance is
/// halved towards the previous coefficients, as R package `glm2` (Marschner 2011);
/// R `glm.fit` halves on a non-finite deviance only, and diverges where this converges.
pub(crate) fn irls(
    x: &Design,
    y: &[f64],
    offset: &[f64],
    variance: Variance,
    mut eta: Vec<f64>,
    start: Option<Vec<f64>>,
) -> Result<Irls, StatsError> {
    let (maxit, eps) = (super::MAXIT, super::EPSILON);
    let n = x.nrows();
    let k = x.ncols();
    let data = x.data();
    let mut mu: Vec<f64> = eta.iter().map(|e| e.exp()).collect();
    let mut devold = variance.deviance(y, &mu);
    let mut wx = vec![0.0; n * k];
    let mut wz = vec![0.0; n];
    let mut w = vec![0.0; n];
    let mut beta_old: Option<Vec<f64>> = start;
    let mut last: Option<(Vec<f64>, Vec<f64>)> = None; // (beta, cov_unscaled)
    let mut converged = false;
    let mut iterations = 0;
    let mut dev = devold;
    for iter in 1..=maxit {
        iterations = iter;
        for t in 0..n {
            let m = mu[t];
            let z = (eta[t] - offset[t]) + (y[t] - m) / m;
            let wt = variance.weight(m).sqrt();
            w[t] = wt;
            wz[t] = wt * z;
        }
        for j in 0..k {
            for t in 0..n {
                wx[j * n + t] = w[t] * data[j * n + t];
            }
        }
        let qr = Qr::new(wx.clone(), n, k)?;
        let mut beta = qr.least_squares(&wz);
        let cov = xtx_inverse(&qr.r_inverse(), k);
        let mut halvings = 0;
        loop {
            linear_predictor(data, n, &beta, offset, &mut eta);
            let ok = eta.iter().all(|e| e.abs() <= ETA_MAX);
            if ok {
                for (m, e) in mu.iter_mut().zip(&eta) {
                    *m = e.exp();
                }
                dev = variance.deviance(y, &mu);
                let worse = beta_old.is_some() && dev > devold + 1e-12 * devold.abs();
                if dev.is_finite() && !worse {
                    break;
                }
            }
            let Some(old) = &beta_old else {
                return Err(StatsError::NoConvergence {
                    method: "irls (first step diverged; no valid coefficients)",
                    iterations: iter,
                });
            };
            halvings += 1;
            if halvings > maxit {
                return Err(StatsError::NoConvergence {
                    method: "irls step halving",
                    iterations: iter,
                });
            }
            for (b, o) in beta.iter_mut().zip(old) {
                *b = 0.5 * (*b + o);
            }
        }
        last = Some((beta.clone(), cov));
        if (dev - devold).abs() / (dev.abs() + 0.1) < eps {
            converged = true;
            break;
        }
        devold = dev;
        beta_old = Some(beta);
    }
    let (beta, cov_unscaled) = last.ok_or(StatsError::NoConvergence {
        method: "irls",
        iterations: 0,
    })?;
    let working_pearson = (0..n)
        .map(|t| {
            let r = (y[t] - mu[t]) / mu[t];
            w[t] * w[t] * r * r
        })
        .sum();
    Ok(Irls {
        beta,
        cov_unscaled,
        mu,
        deviance: dev,
        iterations,
        converged,
        working_pearson,
    })
}

/// `(X' W X)^{-1}` with the IRLS weights `W = mu^2 / V(mu)` at `mu` (Fisher information inverse).
pub(crate) fn fisher_inverse(x: &Design, mu: &[f64], variance: Variance) -> Result<Vec<f64>, StatsError> {
    let n = x.nrows();
    let k = x.ncols();
    let data = x.data();
    let mut wx = vec![0.0; n * k];
    for j in 0..k {
        for t in 0..n {
            wx[j * n + t] = variance.weight(mu[t]).sqrt() * data[j * n + t];
        }
    }
    let qr = Qr::new(wx, n, k)?;
    Ok(xtx_inverse(&qr.r_inverse(), k))
}

/// `eta = X beta + offset`.
pub(crate) fn linear_predictor(data: &[f64], n: usize, beta: &[f64], offset: &[f64], eta: &mut [f64]) {
    eta.copy_from_slice(offset);
    for (j, b) in beta.iter().enumerate() {
        for (e, v) in eta.iter_mut().zip(&data[j * n..(j + 1) * n]) {
            *e += b * v;
        }
    }
}
