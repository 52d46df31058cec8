//! Start values of an ETS fit: forecast's `initstate`.

use super::{EtsSeason, EtsSpec, EtsTrend};
use crate::stats::forecast::holt_winters::{HwSeasonal, decompose};
use crate::stats::regression::qr::Qr;

/// R's `sinpi(x)`: `sin(πx)`, exact at multiples of 1/2.
fn sinpi(x: f64) -> f64 {
    let mut x = x % 2.0;
    if x <= -1.0 {
        x += 2.0;
    } else if x > 1.0 {
        x -= 2.0;
    }
    if x == 0.0 || x == 1.0 {
        0.0
    } else if x == 0.5 {
        1.0
    } else if x == -0.5 {
        -1.0
    } else {
        (std::f64::consts::PI * x).sin()
    }
}

/// R's `cospi(x)`: `cos(πx)`, exact at multiples of 1/2.
fn cospi(x: f64) -> f64 {
    let x = x.abs() % 2.0;
    if x % 1.0 == 0.5 {
        0.0
    } else if x == 1.0 {
        -1.0
    } else if x == 0.0 {
        1.0
    } else {
        (std::f64::consts::PI * x).cos()
    }
}

/// Intercept and slope of forecast's `tslm(y ~ trend + fourier(y, 1))` (trend `1..n`; the sine column
/// is left out for `m = 2`, where it vanishes), by Householder QR. `None` if the design is singular.
fn fourier_line(y: &[f64], m: usize) -> Option<(f64, f64)> {
    let n = y.len();
    let x2 = |t: usize| 2.0 * (1.0 / m as f64) * (t + 1) as f64;
    let mut cols: Vec<f64> = Vec::with_capacity(4 * n);
    cols.extend(std::iter::repeat_n(1.0, n));
    cols.extend((1..=n).map(|t| t as f64));
    if m != 2 {
        cols.extend((0..n).map(|t| sinpi(x2(t))));
    }
    cols.extend((0..n).map(|t| cospi(x2(t))));
    let k = cols.len() / n;
    if n <= k {
        return None;
    }
    let coef = Qr::new(cols, n, k).ok()?.least_squares(y);
    Some((coef[0], coef[1]))
}

/// forecast's `initstate`: `l, b, s0..s_{m-2}` from `decompose` (or, for fewer than three
/// periods, from a line-plus-one-harmonic regression, as forecast) and a straight line.
/// `None` if that regression is singular.
pub(super) fn initstate(y: &[f64], spec: EtsSpec, m: usize) -> Option<Vec<f64>> {
    let n = y.len();
    let (y_sa, seas): (Vec<f64>, Vec<f64>) = if spec.season == EtsSeason::None {
        (y.to_vec(), Vec::new())
    } else {
        let multiplicative = spec.season == EtsSeason::Multiplicative;
        // R's `y.d$seasonal`, one value per observation.
        let seasonal: Vec<f64> = if n < 3 * m {
            let (a, b) = fourier_line(y, m)?;
            let line = |t: usize| a + b * (t + 1) as f64;
            if multiplicative {
                y.iter().enumerate().map(|(t, v)| v / line(t)).collect()
            } else {
                y.iter().enumerate().map(|(t, v)| v - line(t)).collect()
            }
        } else {
            let kind = if multiplicative {
                HwSeasonal::Multiplicative
            } else {
                HwSeasonal::Additive
            };
            let (_, figure) = decompose(y, m, kind);
            (0..n).map(|t| figure[t % m]).collect()
        };
        let mut init: Vec<f64> = seasonal[1..m].iter().rev().copied().collect();
        if multiplicative {
            for v in &mut init {
                *v = v.max(0.01);
            }
            let sum: f64 = init.iter().sum();
            if sum > m as f64 {
                let d: f64 = init.iter().map(|v| v + 0.01).sum();
                for v in &mut init {
                    *v /= d;
                }
            }
            (y.iter().zip(&seasonal).map(|(v, s)| v / s.max(0.01)).collect(), init)
        } else {
            (y.iter().zip(&seasonal).map(|(v, s)| v - s).collect(), init)
        }
    };
    let maxn = (2 * m).max(10).min(n);
    let mut out = Vec::with_capacity(2 + seas.len());
    if spec.trend == EtsTrend::None {
        out.push(y_sa[..maxn].iter().sum::<f64>() / maxn as f64);
    } else {
        let nm = maxn as f64;
        let tbar = f64::midpoint(nm, 1.0);
        let ybar = y_sa[..maxn].iter().sum::<f64>() / nm;
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for (i, v) in y_sa[..maxn].iter().enumerate() {
            let d = (i + 1) as f64 - tbar;
            sxy += d * (v - ybar);
            sxx += d * d;
        }
        // lsfit(1:maxn, y_sa[1:maxn]): intercept a, slope c.
        let c = sxy / sxx;
        let a = ybar - c * tbar;
        let (l0, b0) = if spec.trend.is_multiplicative() {
            // The line's values at t = 1 and 2 give the level before t = 1 and the growth.
            let mut l0 = a + c;
            if l0.abs() < 1e-8 {
                l0 = 1e-7;
            }
            let mut b0 = (a + 2.0 * c) / l0;
            l0 /= b0;
            if b0.abs() > 1e10 {
                b0 = b0.signum() * 1e10;
            }
            if l0 < 1e-8 || b0 < 1e-8 {
                l0 = y_sa[0].max(0.001);
                b0 = (y_sa[1] / y_sa[0]).max(0.001);
            }
            (l0, b0)
        } else {
            let (mut l0, mut b0) = (a, c);
            if (l0 + b0).abs() < 1e-8 {
                l0 *= 1.001;
                b0 *= 0.999;
            }
            (l0, b0)
        };
        out.push(l0);
        out.push(b0);
    }
    out.extend(seas);
    Some(out)
}
