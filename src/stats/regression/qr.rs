//! Householder QR of a dense column-major matrix, with rank detection.
//!
//! The factorisation is `X = Q R` with `Q` orthogonal (stored implicitly as
//! Householder reflectors) and `R` upper triangular. It is the numerically
//! stable route to least squares (the normal equations square the condition
//! number). Cost `O(n k^2)` for an `n x k` matrix, one copy of the matrix.

// Index loops over the triangular factor mirror the formulas.
#![allow(clippy::needless_range_loop)]

use crate::stats::StatsError;
use crate::stats::linalg::{axpy, dot, norm2};

/// Relative tolerance for rank detection: column `j` is declared (nearly)
/// dependent on the columns before it when `|R_jj| <= RANK_TOL * ||x_j||`,
/// i.e. when the part of `x_j` orthogonal to the earlier columns is shorter
/// than `1e-7` times `x_j` itself. This is the tolerance of R's `lm.fit`
/// (`tol = 1e-7`, LINPACK `dqrdc2`), which pivots such columns out; here they
/// are an error instead.
pub(crate) const RANK_TOL: f64 = 1e-7;

/// A Householder QR factorisation.
#[derive(Debug, Clone)]
pub(crate) struct Qr {
    n: usize,
    k: usize,
    /// Column-major `n x k`: `R` on and above the diagonal, reflector tails below.
    a: Vec<f64>,
    /// First component of each reflector.
    v0: Vec<f64>,
    /// `2 / (v'v)` of each reflector (0 for an identity reflector).
    beta: Vec<f64>,
}

impl Qr {
    /// Factorises the column-major `n x k` matrix `a` (consumed), `n >= k`.
    pub(crate) fn new(mut a: Vec<f64>, n: usize, k: usize) -> Result<Self, StatsError> {
        debug_assert_eq!(a.len(), n * k);
        let mut v0 = vec![0.0; k];
        let mut beta = vec![0.0; k];
        let norms: Vec<f64> = (0..k).map(|j| norm2(&a[j * n..(j + 1) * n])).collect();
        for j in 0..k {
            let (left, right) = a.split_at_mut((j + 1) * n);
            let col = &mut left[j * n + j..];
            let norm = norm2(col);
            if norm.is_nan() || norm <= RANK_TOL * norms[j] || norms[j] == 0.0 {
                return Err(StatsError::Singular { column: j });
            }
            let x0 = col[0];
            let alpha = if x0 >= 0.0 { -norm } else { norm };
            let first = x0 - alpha;
            // v = (first, col[1..]); v'v = norm^2 - x0^2 + first^2
            let vtv = (norm * norm - x0 * x0) + first * first;
            let b = if vtv > 0.0 { 2.0 / vtv } else { 0.0 };
            v0[j] = first;
            beta[j] = b;
            col[0] = alpha;
            let tail = &col[1..];
            for c in (j + 1)..k {
                let other = &mut right[(c - j - 1) * n + j..(c - j) * n];
                let s = b * (first * other[0] + dot(tail, &other[1..]));
                other[0] -= s * first;
                axpy(-s, tail, &mut other[1..]);
            }
        }
        Ok(Self { n, k, a, v0, beta })
    }

    /// Applies `Q'` to `y` in place.
    pub(crate) fn apply_qt(&self, y: &mut [f64]) {
        let n = self.n;
        for j in 0..self.k {
            let tail = &self.a[j * n + j + 1..(j + 1) * n];
            let yj = &mut y[j..];
            let s = self.beta[j] * (self.v0[j] * yj[0] + dot(tail, &yj[1..]));
            yj[0] -= s * self.v0[j];
            axpy(-s, tail, &mut yj[1..]);
        }
    }

    /// `R[i][j]` for `i <= j`.
    fn r(&self, i: usize, j: usize) -> f64 {
        self.a[j * self.n + i]
    }

    /// Solves `R b = c` for the first `k` entries of `c`.
    pub(crate) fn solve_r(&self, c: &[f64]) -> Vec<f64> {
        let k = self.k;
        let mut b = c[..k].to_vec();
        for i in (0..k).rev() {
            let mut s = b[i];
            for j in (i + 1)..k {
                s -= self.r(i, j) * b[j];
            }
            b[i] = s / self.r(i, i);
        }
        b
    }

    /// Least-squares coefficients of `y` on the factorised matrix.
    pub(crate) fn least_squares(&self, y: &[f64]) -> Vec<f64> {
        let mut qty = y.to_vec();
        self.apply_qt(&mut qty);
        self.solve_r(&qty)
    }

    /// `R^{-1}` as a row-major `k x k` upper-triangular matrix.
    pub(crate) fn r_inverse(&self) -> Vec<f64> {
        let k = self.k;
        let mut inv = vec![0.0; k * k];
        for col in 0..k {
            // solve R x = e_col
            for i in (0..=col).rev() {
                let mut s = if i == col { 1.0 } else { 0.0 };
                for j in (i + 1)..=col {
                    s -= self.r(i, j) * inv[j * k + col];
                }
                inv[i * k + col] = s / self.r(i, i);
            }
        }
        inv
    }
}

/// `(X'X)^{-1} = R^{-1} R^{-T}`, row-major `k x k`, from `R^{-1}`.
pub(crate) fn xtx_inverse(rinv: &[f64], k: usize) -> Vec<f64> {
    let mut out = vec![0.0; k * k];
    for i in 0..k {
        for j in i..k {
            let mut s = 0.0;
            for m in j..k {
                s += rinv[i * k + m] * rinv[j * k + m];
            }
            out[i * k + j] = s;
            out[j * k + i] = s;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_square_system_exactly() {
        // X = [[2, 1], [1, 3]] column-major, y = X * [1, 2] = [4, 7]
        let qr = Qr::new(vec![2.0, 1.0, 1.0, 3.0], 2, 2).unwrap();
        let b = qr.least_squares(&[4.0, 7.0]);
        assert!((b[0] - 1.0).abs() < 1e-14 && (b[1] - 2.0).abs() < 1e-14);
        let inv = xtx_inverse(&qr.r_inverse(), 2);
        // X'X = [[5, 5], [5, 10]], inverse = [[0.4, -0.2], [-0.2, 0.2]]
        for (got, want) in inv.iter().zip([0.4, -0.2, -0.2, 0.2]) {
            assert!((got - want).abs() < 1e-14);
        }
    }

    #[test]
    fn dependent_column_is_singular() {
        let e = Qr::new(vec![1.0, 2.0, 3.0, 2.0, 4.0, 6.0], 3, 2).unwrap_err();
        assert_eq!(e, StatsError::Singular { column: 1 });
        let e = Qr::new(vec![0.0, 0.0, 0.0], 3, 1).unwrap_err();
        assert_eq!(e, StatsError::Singular { column: 0 });
    }
}
