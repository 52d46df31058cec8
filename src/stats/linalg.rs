//! Small dense routines shared by the regression, GLM, ITS and forecasting code: one copy of each.
//!
//! Vectors are slices; matrices are row-major `m × m` slices unless a routine says otherwise.

/// Euclidean norm: a plain sum of squares, rescaled only when it over- or underflows.
pub(crate) fn norm2(x: &[f64]) -> f64 {
    let ss = dot(x, x);
    if ss.is_finite() && ss > 1e-280 {
        return ss.sqrt();
    }
    let scale = x.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return scale;
    }
    let s: f64 = x.iter().map(|v| (v / scale) * (v / scale)).sum();
    scale * s.sqrt()
}

/// Dot product with four independent accumulators (lets the compiler use SIMD).
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0; 4];
    let ca = a.chunks_exact(4);
    let cb = b.chunks_exact(4);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        acc[0] += x[0] * y[0];
        acc[1] += x[1] * y[1];
        acc[2] += x[2] * y[2];
        acc[3] += x[3] * y[3];
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

pub(crate) fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

/// Solves `A x = b` for a symmetric positive definite `A` (row-major `m x m`).
pub(crate) fn cholesky_solve(a: &[f64], b: &[f64], m: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..=i {
            let mut s = a[i * m + j];
            for p in 0..j {
                s -= l[i * m + p] * l[j * m + p];
            }
            if i == j {
                if s.is_nan() || s <= 0.0 {
                    return None;
                }
                l[i * m + i] = s.sqrt();
            } else {
                l[i * m + j] = s / l[j * m + j];
            }
        }
    }
    let mut z = b.to_vec();
    for i in 0..m {
        for p in 0..i {
            z[i] -= l[i * m + p] * z[p];
        }
        z[i] /= l[i * m + i];
    }
    for i in (0..m).rev() {
        for p in (i + 1)..m {
            z[i] -= l[p * m + i] * z[p];
        }
        z[i] /= l[i * m + i];
    }
    Some(z)
}

/// `2⁻⁶⁴`: multiplying a normal `f64` by it (or dividing by it) is exact, and `n · f64::MAX · 2⁻⁶⁴`
/// is finite for every `n` a slice can hold.
pub(crate) const DOWN: f64 = 1.0 / 18_446_744_073_709_551_616.0;

/// `Σ x_i` as `(s, scale)` with `Σ x_i = s / scale`: the plain left-to-right sum with `scale = 1`
/// when it is finite, otherwise the sum of the values scaled by [`DOWN`] (which cannot overflow)
/// with `scale = DOWN`. Values must be finite.
pub(crate) fn scaled_sum(xs: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let plain: f64 = xs.clone().sum();
    if plain.is_finite() {
        (plain, 1.0)
    } else {
        (xs.map(|x| x * DOWN).sum(), DOWN)
    }
}

/// The sample variance `Σ (x_i − x̄)² / (n − 1)` of finite values (`n ≥ 2`) as `(v, scale)` with
/// the variance `v / scale²`: two-pass with `scale = 1` when that is finite, otherwise two-pass on
/// the values divided by a power of two near `max |x_i|`, so that no intermediate overflows.
pub(crate) fn scaled_variance(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let (s, k) = scaled_sum(xs.iter().copied());
    let m = s / n / k;
    let plain = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    if plain.is_finite() {
        return (plain, 1.0);
    }
    let big = xs.iter().fold(0.0_f64, |a, x| a.max(x.abs()));
    // A power of two at or below `big`: dividing by it is exact for normal values.
    let scale = 2f64.powi(big.log2().floor() as i32).recip();
    let ys = xs.iter().map(|x| x * scale);
    let my = ys.clone().sum::<f64>() / n;
    (ys.map(|y| (y - my) * (y - my)).sum::<f64>() / (n - 1.0), scale)
}

/// `a + (b − a) t` for `0 ≤ t ≤ 1` as numpy's `_lerp` (the symmetric form for `t ≥ 0.5`), or
/// `a (1 − t) + b t` where `b − a` overflows (then `a` and `b` have opposite signs and neither
/// product nor their sum can overflow).
pub(crate) fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let d = b - a;
    if !d.is_finite() {
        a * (1.0 - t) + b * t
    } else if t < 0.5 {
        a + d * t
    } else {
        b - d * (1.0 - t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_norm() {
        assert_eq!(dot(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 4.0, 3.0, 2.0, 1.0]), 35.0);
        assert_eq!(norm2(&[3.0, 4.0]), 5.0);
        // A plain sum of squares overflows here; the rescaled norm does not.
        assert!((norm2(&[3e200, 4e200]) / 5e200 - 1.0).abs() < 1e-15);
        let mut y = [1.0, 1.0];
        axpy(2.0, &[1.0, 3.0], &mut y);
        assert_eq!(y, [3.0, 7.0]);
    }

    #[test]
    fn sums_and_variances_survive_huge_values() {
        assert_eq!(scaled_sum([1.0, 2.0].into_iter()), (3.0, 1.0));
        let (s, k) = scaled_sum([1e308, 1e308, -1e308].into_iter());
        assert_eq!(s / k, 1e308);
        let (v, k) = scaled_variance(&[-1e308, 1e308]);
        // Var = 2e616: not an f64, but its square root is.
        assert!((v / k / k).is_infinite());
        assert!((v.sqrt() / k / 1e308 - std::f64::consts::SQRT_2).abs() < 1e-15);
        assert_eq!(scaled_variance(&[1.0, 2.0, 3.0, 4.0]), (5.0 / 3.0, 1.0));
        assert_eq!(lerp(-1e308, 1e308, 0.5), 0.0);
        assert_eq!(lerp(1.0, 3.0, 0.25), 1.5);
    }

    #[test]
    fn cholesky_solves_spd_and_refuses_indefinite() {
        // [[4, 2], [2, 3]] x = [8, 7] has x = [1.25, 1.5].
        let x = cholesky_solve(&[4.0, 2.0, 2.0, 3.0], &[8.0, 7.0], 2).unwrap();
        assert!((x[0] - 1.25).abs() < 1e-15 && (x[1] - 1.5).abs() < 1e-15);
        assert!(cholesky_solve(&[1.0, 2.0, 2.0, 1.0], &[1.0, 1.0], 2).is_none());
    }
}
