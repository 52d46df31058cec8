//! Covariance matrices of OLS coefficients: classical, HC0–HC3 and Newey–West.
//!
//! All robust forms are sandwiches `B M B` with bread `B = (X'X)^{-1}` and a
//! meat `M` built from the scores `g_t = u_t x_t` (`u` the residuals):
//!
//! ```text
//! classical  sigma^2 B,   sigma^2 = u'u / (n - k)
//! HC0        M = sum_t u_t^2 x_t x_t'
//! HC1        HC0 * n / (n - k)
//! HC2        M = sum_t u_t^2 / (1 - h_t) x_t x_t'        h_t = x_t' B x_t (leverage)
//! HC3        M = sum_t u_t^2 / (1 - h_t)^2 x_t x_t'
//! HAC        M = G_0 + sum_{l=1..L} w_l (G_l + G_l'),   G_l = sum_{t>=l} g_t g_{t-l}'
//!            w_l = 1 - l / (L + 1) (Bartlett), optionally times n / (n - k)
//! ```
//!
//! HAC equals statsmodels `OLS.fit(cov_type="HAC", cov_kwds={"maxlags": L,
//! "use_correction": c})` and R `sandwich::NeweyWest(fit, lag = L,
//! prewhite = FALSE, adjust = c)`.
//!
//! The HAC meat is computed in `O(n k^2)` whatever the lag: with
//! `h_t = sum_{l=1..L} w_l g_{t-l}`, `sum_l w_l G_l = sum_t g_t h_t'`, and
//! because the Bartlett weights are linear in `l`, `h_t` follows from two
//! running sums (`A_t = sum_l g_{t-l}`, `B_t = sum_l l g_{t-l}`,
//! `h_t = A_t - B_t/(L+1)`) updated in `O(k)` per step and recomputed exactly
//! every 4096 steps to bound rounding drift.

// Index loops over the k x k matrices mirror the formulas.
#![allow(clippy::needless_range_loop)]

use crate::stats::StatsError;

use super::Design;

/// Small-sample factor of the Newey–West covariance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SmallSample {
    /// No factor: statsmodels `use_correction=False` (its default), sandwich `adjust=FALSE`.
    #[default]
    None,
    /// Multiply by `n / (n - k)`: statsmodels `use_correction=True`, sandwich `adjust=TRUE`.
    Df,
}

/// Which covariance matrix of the coefficients to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CovType {
    /// Classical `sigma^2 (X'X)^{-1}` (statsmodels `nonrobust`); t tests.
    #[default]
    Nonrobust,
    /// White's heteroskedasticity-consistent covariance; z tests.
    Hc0,
    /// HC0 times `n / (n - k)`; z tests.
    Hc1,
    /// Residuals scaled by `1 / (1 - h_t)`; z tests.
    Hc2,
    /// Residuals scaled by `1 / (1 - h_t)^2` (jackknife-like); z tests.
    Hc3,
    /// Newey–West with Bartlett weights and lag `lag`, no prewhitening; z tests.
    Hac {
        /// Largest lag `L` (0 gives HC0).
        lag: usize,
        /// Optional `n / (n - k)` factor.
        small_sample: SmallSample,
    },
}

impl CovType {
    /// Whether this is a robust (sandwich) covariance, tested against the normal.
    #[must_use]
    pub fn is_robust(self) -> bool {
        !matches!(self, Self::Nonrobust)
    }
}

/// Row `t` of the design, scaled by `s`, into `out`.
#[inline]
fn score(data: &[f64], n: usize, t: usize, s: f64, out: &mut [f64]) {
    for (j, o) in out.iter_mut().enumerate() {
        *o = data[j * n + t] * s;
    }
}

/// `B M B` for row-major `k x k` `B` and `M`.
fn sandwich(bread: &[f64], meat: &[f64], k: usize) -> Vec<f64> {
    let mut tmp = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            tmp[i * k + j] = (0..k).map(|m| bread[i * k + m] * meat[m * k + j]).sum();
        }
    }
    let mut out = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            out[i * k + j] = (0..k).map(|m| tmp[i * k + m] * bread[m * k + j]).sum();
        }
    }
    // symmetrise exactly
    for i in 0..k {
        for j in 0..i {
            let v = 0.5 * (out[i * k + j] + out[j * k + i]);
            out[i * k + j] = v;
            out[j * k + i] = v;
        }
    }
    out
}

/// Covariance of the coefficients of type `cov` (row-major `k x k`).
///
/// `bread` is `(X'X)^{-1}`, `resid` the residuals, `sigma2 = u'u / (n - k)`.
pub(crate) fn covariance(
    cov: CovType,
    x: &Design,
    bread: &[f64],
    resid: &[f64],
    sigma2: f64,
) -> Result<Vec<f64>, StatsError> {
    let n = x.nrows();
    let k = x.ncols();
    let data = x.data();
    let df_factor = n as f64 / (n - k) as f64;
    match cov {
        CovType::Nonrobust => Ok(bread.iter().map(|b| b * sigma2).collect()),
        CovType::Hc0 | CovType::Hc1 | CovType::Hc2 | CovType::Hc3 => {
            let mut meat = vec![0.0; k * k];
            let mut xt = vec![0.0; k];
            for t in 0..n {
                score(data, n, t, 1.0, &mut xt);
                let mut w = resid[t] * resid[t];
                if matches!(cov, CovType::Hc2 | CovType::Hc3) {
                    let mut h = 0.0;
                    for i in 0..k {
                        let row: f64 = (0..k).map(|j| bread[i * k + j] * xt[j]).sum();
                        h += xt[i] * row;
                    }
                    let one_minus = 1.0 - h;
                    if one_minus.is_nan() || one_minus <= 1e-12 {
                        return Err(StatsError::Degenerate {
                            method: "HC2/HC3 covariance",
                            reason: "an observation has leverage 1",
                        });
                    }
                    w /= if cov == CovType::Hc2 {
                        one_minus
                    } else {
                        one_minus * one_minus
                    };
                }
                for i in 0..k {
                    for j in i..k {
                        meat[i * k + j] += w * xt[i] * xt[j];
                    }
                }
            }
            mirror(&mut meat, k);
            let mut v = sandwich(bread, &meat, k);
            if cov == CovType::Hc1 {
                for c in &mut v {
                    *c *= df_factor;
                }
            }
            Ok(v)
        }
        CovType::Hac { lag, small_sample } => {
            let meat = hac_meat(data, n, k, resid, lag);
            let mut v = sandwich(bread, &meat, k);
            if small_sample == SmallSample::Df {
                for c in &mut v {
                    *c *= df_factor;
                }
            }
            Ok(v)
        }
    }
}

fn mirror(m: &mut [f64], k: usize) {
    for i in 0..k {
        for j in 0..i {
            m[i * k + j] = m[j * k + i];
        }
    }
}

/// Every how many steps the running sums of the HAC filter are recomputed exactly.
const RESYNC: usize = 4096;

/// The Newey–West meat `G_0 + sum_l w_l (G_l + G_l')` in `O(n k^2 + n k)`.
pub(crate) fn hac_meat(data: &[f64], n: usize, k: usize, resid: &[f64], lag: usize) -> Vec<f64> {
    let mut g0 = vec![0.0; k * k];
    let mut cross = vec![0.0; k * k];
    let mut g = vec![0.0; k];
    let mut old = vec![0.0; k];
    let mut a = vec![0.0; k];
    let mut b = vec![0.0; k];
    let mut h = vec![0.0; k];
    let lp1 = (lag + 1) as f64;
    for t in 0..n {
        score(data, n, t, resid[t], &mut g);
        if lag > 0 {
            if t % RESYNC == 0 && t > 0 {
                // exact A_t, B_t
                a.fill(0.0);
                b.fill(0.0);
                for l in 1..=lag.min(t) {
                    score(data, n, t - l, resid[t - l], &mut old);
                    for j in 0..k {
                        a[j] += old[j];
                        b[j] += l as f64 * old[j];
                    }
                }
            }
            for j in 0..k {
                h[j] = a[j] - b[j] / lp1;
            }
            for i in 0..k {
                let gi = g[i];
                for j in 0..k {
                    cross[i * k + j] += gi * h[j];
                }
            }
            // advance to t + 1: B' = g_t + B + A - (L+1) g_{t-L};  A' = A + g_t - g_{t-L}
            if t >= lag {
                score(data, n, t - lag, resid[t - lag], &mut old);
            } else {
                old.fill(0.0);
            }
            for j in 0..k {
                b[j] = g[j] + b[j] + a[j] - lp1 * old[j];
                a[j] = a[j] + g[j] - old[j];
            }
        }
        for i in 0..k {
            let gi = g[i];
            for j in i..k {
                g0[i * k + j] += gi * g[j];
            }
        }
    }
    mirror(&mut g0, k);
    for i in 0..k {
        for j in 0..k {
            g0[i * k + j] += cross[i * k + j] + cross[j * k + i];
        }
    }
    g0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct `O(n k^2 L)` definition, for checking the fast path.
    fn hac_direct(data: &[f64], n: usize, k: usize, u: &[f64], lag: usize) -> Vec<f64> {
        let mut m = vec![0.0; k * k];
        for l in 0..=lag.min(n - 1) {
            let w = if l == 0 { 1.0 } else { 1.0 - l as f64 / (lag + 1) as f64 };
            for t in l..n {
                for i in 0..k {
                    for j in 0..k {
                        let v = data[i * n + t] * u[t] * data[j * n + t - l] * u[t - l];
                        m[i * k + j] += w * v;
                        if l > 0 {
                            m[j * k + i] += w * v;
                        }
                    }
                }
            }
        }
        m
    }

    #[test]
    fn fast_hac_equals_definition() {
        let n = 9000;
        let k = 2;
        let mut s = 1u64;
        let mut next = || {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let data: Vec<f64> = (0..n * k).map(|_| next()).collect();
        let u: Vec<f64> = (0..n).map(|_| next()).collect();
        for lag in [0, 1, 7, 46, 12_000] {
            let fast = hac_meat(&data, n, k, &u, lag);
            let slow = hac_direct(&data, n, k, &u, lag);
            for (f, s) in fast.iter().zip(&slow) {
                assert!((f - s).abs() <= 1e-10 * s.abs().max(1.0), "lag {lag}: {f} vs {s}");
            }
        }
    }
}
