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
use crate::stats::linalg::dot;

/// Small-sample factor of the Newey–West covariance.
///
/// # Examples
/// ```
/// use corridor::stats::regression::{CovType, Design, Ols, SmallSample};
/// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
/// let y = [1.0, 3.0, 2.0, 4.0];
/// let hac = |small_sample| Ols::new(&x, &y).cov_type(CovType::Hac { lag: 1, small_sample }).fit();
/// // The factor n/(n − k) = 4/2 doubles the covariance.
/// let (plain, df) = (hac(SmallSample::None)?, hac(SmallSample::Df)?);
/// assert!((df.covariance()[3] - 2.0 * plain.covariance()[3]).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::regression::{CovType, Design, Ols};
/// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
/// let y = [1.0, 3.0, 2.0, 4.0];
/// // White's HC0 for the slope: Σ (t − t̄)² u² / Sxx² = 4 · 2.25 · 0.09 / 25 = 0.0324.
/// let hc0 = Ols::new(&x, &y).cov_type(CovType::Hc0).fit()?;
/// assert!((hc0.std_errors()[1] - 0.18).abs() < 1e-12);
/// // HC1 scales HC0 by n/(n − k) = 2.
/// let hc1 = Ols::new(&x, &y).cov_type(CovType::Hc1).fit()?;
/// assert!((hc1.covariance()[3] - 0.0648).abs() < 1e-12);
/// assert!(CovType::Hc1.is_robust() && !CovType::Nonrobust.is_robust());
/// # Ok::<(), corridor::Error>(())
/// ```
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

/// Leverages `h_t = x_t' (X'X)^{-1} x_t`, accumulated column pair by column pair.
fn leverages(data: &[f64], n: usize, k: usize, bread: &[f64]) -> Vec<f64> {
    let mut h = vec![0.0; n];
    for i in 0..k {
        let xi = &data[i * n..(i + 1) * n];
        for j in i..k {
            let c = if i == j {
                bread[i * k + j]
            } else {
                2.0 * bread[i * k + j]
            };
            for ((ht, a), b) in h.iter_mut().zip(xi).zip(&data[j * n..(j + 1) * n]) {
                *ht += c * a * b;
            }
        }
    }
    h
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
            // omega_t = u_t^2 (HC0, HC1), u_t^2 / (1 - h_t) (HC2), u_t^2 / (1 - h_t)^2 (HC3)
            let mut omega: Vec<f64> = resid.iter().map(|u| u * u).collect();
            if matches!(cov, CovType::Hc2 | CovType::Hc3) {
                let lev = leverages(data, n, k, bread);
                for (o, h) in omega.iter_mut().zip(&lev) {
                    let one_minus = 1.0 - h;
                    if one_minus.is_nan() || one_minus <= 1e-12 {
                        return Err(StatsError::Degenerate {
                            method: "HC2/HC3 covariance",
                            reason: "an observation has leverage 1",
                        });
                    }
                    *o /= if cov == CovType::Hc2 {
                        one_minus
                    } else {
                        one_minus * one_minus
                    };
                }
            }
            let mut meat = vec![0.0; k * k];
            let mut wx = vec![0.0; n];
            for i in 0..k {
                for ((w, x), o) in wx.iter_mut().zip(&data[i * n..(i + 1) * n]).zip(&omega) {
                    *w = x * o;
                }
                for j in i..k {
                    let v = dot(&wx, &data[j * n..(j + 1) * n]);
                    meat[i * k + j] = v;
                    meat[j * k + i] = v;
                }
            }
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

/// Every how many steps the running sums of the HAC filter are recomputed exactly.
const RESYNC: usize = 4096;

/// The Newey–West meat `G_0 + sum_l w_l (G_l + G_l')` in `O(n k^2)`.
///
/// For up to 8 regressors, one sweep over the rows with the `k x k` accumulators in
/// registers ([`hac_meat_fixed`]); beyond, column by column ([`hac_meat_columns`]).
pub(crate) fn hac_meat(data: &[f64], n: usize, k: usize, resid: &[f64], lag: usize) -> Vec<f64> {
    match k {
        1 => hac_meat_fixed::<1>(data, n, resid, lag),
        2 => hac_meat_fixed::<2>(data, n, resid, lag),
        3 => hac_meat_fixed::<3>(data, n, resid, lag),
        4 => hac_meat_fixed::<4>(data, n, resid, lag),
        5 => hac_meat_fixed::<5>(data, n, resid, lag),
        6 => hac_meat_fixed::<6>(data, n, resid, lag),
        7 => hac_meat_fixed::<7>(data, n, resid, lag),
        8 => hac_meat_fixed::<8>(data, n, resid, lag),
        _ => hac_meat_columns(data, n, k, resid, lag),
    }
}

/// One pass over the rows: `g_t = u_t x_t`, `G_0 += g_t g_t'`, `cross += g_t h_t'` with
/// `h_t` from the running Bartlett sums of [`bartlett_filter`], for `K` columns.
fn hac_meat_fixed<const K: usize>(data: &[f64], n: usize, resid: &[f64], lag: usize) -> Vec<f64> {
    let cols: [&[f64]; K] = std::array::from_fn(|j| &data[j * n..(j + 1) * n]);
    let resid = &resid[..n];
    let mut g0 = [[0.0; K]; K];
    let mut cross = [[0.0; K]; K];
    let mut a = [0.0; K];
    let mut b = [0.0; K];
    let lp1 = lag as f64 + 1.0;
    let inv = 1.0 / lp1;
    for t in 0..n {
        let u = resid[t];
        let g: [f64; K] = std::array::from_fn(|j| cols[j][t] * u);
        if lag > 0 {
            if t % RESYNC == 0 && t > 0 {
                a = [0.0; K];
                b = [0.0; K];
                for l in 1..=lag.min(t) {
                    let ul = resid[t - l];
                    for j in 0..K {
                        let v = cols[j][t - l] * ul;
                        a[j] += v;
                        b[j] += l as f64 * v;
                    }
                }
            }
            let h: [f64; K] = std::array::from_fn(|j| a[j] - b[j] * inv);
            for i in 0..K {
                for j in 0..K {
                    cross[i][j] += g[i] * h[j];
                }
            }
            let old: [f64; K] = if t >= lag {
                let ul = resid[t - lag];
                std::array::from_fn(|j| cols[j][t - lag] * ul)
            } else {
                [0.0; K]
            };
            for j in 0..K {
                b[j] += g[j] + a[j] - lp1 * old[j];
                a[j] += g[j] - old[j];
            }
        }
        for i in 0..K {
            for j in i..K {
                g0[i][j] += g[i] * g[j];
            }
        }
    }
    let mut meat = vec![0.0; K * K];
    for i in 0..K {
        for j in 0..K {
            let base = if i <= j { g0[i][j] } else { g0[j][i] };
            meat[i * K + j] = base + cross[i][j] + cross[j][i];
        }
    }
    meat
}

/// Column-by-column form of [`hac_meat`] for many regressors: scores formed once,
/// `G_0` and the cross terms as dot products of contiguous columns.
fn hac_meat_columns(data: &[f64], n: usize, k: usize, resid: &[f64], lag: usize) -> Vec<f64> {
    let mut g = vec![0.0; n * k];
    for j in 0..k {
        for ((gv, xv), u) in g[j * n..(j + 1) * n]
            .iter_mut()
            .zip(&data[j * n..(j + 1) * n])
            .zip(resid)
        {
            *gv = xv * u;
        }
    }
    let col = |j: usize| &g[j * n..(j + 1) * n];
    let mut meat = vec![0.0; k * k];
    for i in 0..k {
        for j in i..k {
            let v = dot(col(i), col(j));
            meat[i * k + j] = v;
            meat[j * k + i] = v;
        }
    }
    if lag == 0 {
        return meat;
    }
    let mut h = vec![0.0; n];
    let mut cross = vec![0.0; k * k];
    for j in 0..k {
        bartlett_filter(col(j), lag, &mut h);
        for i in 0..k {
            cross[i * k + j] = dot(col(i), &h);
        }
    }
    for i in 0..k {
        for j in 0..k {
            meat[i * k + j] += cross[i * k + j] + cross[j * k + i];
        }
    }
    meat
}

/// `h_t = sum_{l=1..L} (1 - l/(L+1)) g_{t-l}` (terms before the start are 0), in `O(n)`:
/// with `A_t = sum_l g_{t-l}` and `B_t = sum_l l g_{t-l}`, `h_t = A_t - B_t / (L+1)`,
/// `B_{t+1} = g_t + B_t + A_t - (L+1) g_{t-L}` and `A_{t+1} = A_t + g_t - g_{t-L}`.
/// The sums are recomputed exactly every [`RESYNC`] steps to bound rounding drift.
fn bartlett_filter(g: &[f64], lag: usize, h: &mut [f64]) {
    let lp1 = lag as f64 + 1.0;
    let inv = 1.0 / lp1;
    let (mut a, mut b) = (0.0, 0.0);
    for t in 0..g.len() {
        if t % RESYNC == 0 && t > 0 {
            a = 0.0;
            b = 0.0;
            for l in 1..=lag.min(t) {
                a += g[t - l];
                b += l as f64 * g[t - l];
            }
        }
        h[t] = a - b * inv;
        let old = if t >= lag { g[t - lag] } else { 0.0 };
        // grouped so that each running sum's dependency chain is a single addition
        b += g[t] + a - lp1 * old;
        a += g[t] - old;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct `O(n k^2 L)` definition, for checking the fast path.
    fn hac_direct(data: &[f64], n: usize, k: usize, u: &[f64], lag: usize) -> Vec<f64> {
        let mut m = vec![0.0; k * k];
        for l in 0..=lag.min(n - 1) {
            let w = if l == 0 {
                1.0
            } else {
                1.0 - l as f64 / (lag as f64 + 1.0)
            };
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
        for (k, lags) in [(2, &[0, 1, 7, 46, 12_000][..]), (9, &[0, 1, 7, 46][..])] {
            check_fast_hac(k, lags);
        }
    }

    fn check_fast_hac(k: usize, lags: &[usize]) {
        let n = 9000;
        let mut s = 1u64;
        let mut next = || {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let data: Vec<f64> = (0..n * k).map(|_| next()).collect();
        let u: Vec<f64> = (0..n).map(|_| next()).collect();
        for &lag in lags {
            let fast = hac_meat(&data, n, k, &u, lag);
            let slow = hac_direct(&data, n, k, &u, lag);
            for (f, s) in fast.iter().zip(&slow) {
                assert!((f - s).abs() <= 1e-10 * s.abs().max(1.0), "lag {lag}: {f} vs {s}");
            }
        }
    }
}
