//! The local regression kernels of STL (Cleveland et al. 1990), as in R's
//! `stl.f` (`stlest`, `stless`): tricube weights on integer abscissae, degree 0
//! or 1, evaluation every `jump` points with linear interpolation between.
//!
//! Positions passed around here are 1-based, as in the Fortran, so that the
//! floating-point arithmetic is the same operation for operation.

/// R's `stl.f` writes `.999` and `.001` as default-kind (single precision)
/// literals, which widen to these doubles.
pub(crate) const F999: f64 = 0.999_f32 as f64;
/// See [`F999`].
pub(crate) const F001: f64 = 0.001_f32 as f64;

/// Degree of a local polynomial fit.
///
/// # Examples
/// ```
/// use corridor::stats::{stl, StlOptions, decompose::LoessDegree};
/// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// let options = StlOptions::default().seasonal_degree(LoessDegree::Linear).trend_degree(LoessDegree::Linear);
/// let fit = stl(&y, 4, options)?;
/// assert_eq!(fit.trend().len(), 48);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LoessDegree {
    /// Local constant (weighted mean), R degree `0`.
    Constant,
    /// Local linear, R degree `1`.
    Linear,
}

/// One loess estimate at abscissa `xs` (1-based) from the points
/// `nleft..=nright` (1-based) of `y`, as R `stlest`.
///
/// `rw` are the robustness weights when they are to be used. Returns `None`
/// when every weight is zero (the caller then keeps the data value, as R does).
///
/// R normalises the tricube weights, then takes their mean abscissa, their
/// spread and the linear correction in four more passes over the window. The
/// same estimate follows from five weighted sums taken in one pass, with the
/// abscissae centred on `xs` (so the spread is not the difference of two large
/// numbers): with `S0 = Σw`, `S1 = Σw·d`, `S2 = Σw·d²`, `Sy = Σw·e`,
/// `Sdy = Σw·d·e`, `d = x − xs` and `e = y − y₀` (`y₀` the window's first
/// value), the weighted mean offset is `a = S1/S0`, the spread
/// `c = S2/S0 − a²`, and the estimate `y₀ + Sy/S0 − (a/c)(Sdy/S0 − a·Sy/S0)`.
/// The comparisons that decide which points count (`0.999 h`, `0.001 h`) and
/// whether the slope is used (`√c > 0.001 (n − 1)`) are R's, on the same
/// quantities; the result differs from R's order of operations by rounding
/// only (about 1e-15 relative; the STL tests hold it to R at 1e-9).
pub(crate) fn estimate(
    y: &[f64],
    len: usize,
    degree: LoessDegree,
    xs: f64,
    nleft: usize,
    nright: usize,
    rw: Option<&[f64]>,
) -> Option<f64> {
    let n = y.len();
    let range = n as f64 - 1.0;
    let mut h = (xs - nleft as f64).max(nright as f64 - xs);
    if len > n {
        h += ((len - n) / 2) as f64;
    }
    let h9 = F999 * h;
    let h1 = F001 * h;
    let (lo, hi) = (nleft - 1, nright);
    let y = &y[lo..hi];
    let d0 = nleft as f64 - xs;
    // y is also taken relative to a value in the window, so that the covariance
    // `Sdy/S0 − a·Sy/S0` is not the difference of two large numbers either.
    let y0 = y[0];
    let inv_h = 1.0 / h;
    let (mut s0, mut s1, mut s2, mut sy, mut sdy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut add = |k: usize, yk: f64, robust: f64| {
        let d = d0 + k as f64;
        let r = d.abs();
        if r <= h9 {
            let mut wj = 1.0;
            if r > h1 {
                let q = r * inv_h;
                let t = 1.0 - q * q * q;
                wj = t * t * t;
            }
            wj *= robust;
            s0 += wj;
            s1 += wj * d;
            s2 += wj * (d * d);
            let e = yk - y0;
            sy += wj * e;
            sdy += wj * (d * e);
        }
    };
    match rw {
        Some(rw) => {
            for (k, (&yk, &rk)) in y.iter().zip(&rw[lo..hi]).enumerate() {
                add(k, yk, rk);
            }
        }
        None => {
            for (k, &yk) in y.iter().enumerate() {
                add(k, yk, 1.0);
            }
        }
    }
    if s0 <= 0.0 {
        return None;
    }
    let mean = sy / s0;
    if h > 0.0 && degree == LoessDegree::Linear {
        let a = s1 / s0;
        let c = s2 / s0 - a * a;
        if c.sqrt() > F001 * range {
            return Some(y0 + (mean - (a / c) * (sdy / s0 - a * mean)));
        }
    }
    Some(y0 + mean)
}

/// Loess smooth of `y` into `ys` (same length) with window `len`, evaluating
/// every `jump` points and interpolating linearly between, as R `stless`.
pub(crate) fn smooth(y: &[f64], len: usize, degree: LoessDegree, jump: usize, rw: Option<&[f64]>, ys: &mut [f64]) {
    let n = y.len();
    if n == 0 {
        return;
    }
    if n < 2 {
        ys[0] = y[0];
        return;
    }
    let newnj = jump.min(n - 1).max(1);
    let mut nleft = 1;
    let mut nright = n;
    if len >= n {
        let mut i = 1;
        while i <= n {
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, rw).unwrap_or(y[i - 1]);
            i += newnj;
        }
    } else if newnj == 1 {
        let nsh = len.div_ceil(2);
        nright = len;
        for i in 1..=n {
            if i > nsh && nright != n {
                nleft += 1;
                nright += 1;
            }
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, rw).unwrap_or(y[i - 1]);
        }
    } else {
        let nsh = len.div_ceil(2);
        let mut i = 1;
        while i <= n {
            if i < nsh {
                nleft = 1;
                nright = len;
            } else if i > n - nsh {
                nleft = n - len + 1;
                nright = n;
            } else {
                nleft = i - nsh + 1;
                nright = len + i - nsh;
            }
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, rw).unwrap_or(y[i - 1]);
            i += newnj;
        }
    }
    if newnj == 1 {
        return;
    }
    let step = newnj as f64;
    let mut i = 1;
    while i + newnj <= n {
        let delta = (ys[i + newnj - 1] - ys[i - 1]) / step;
        for j in i + 1..i + newnj {
            ys[j - 1] = ys[i - 1] + delta * (j - i) as f64;
        }
        i += newnj;
    }
    let k = ((n - 1) / newnj) * newnj + 1;
    if k != n {
        // R keeps the window of the last evaluated point here.
        ys[n - 1] = estimate(y, len, degree, n as f64, nleft, nright, rw).unwrap_or(y[n - 1]);
        if k != n - 1 {
            let delta = (ys[n - 1] - ys[k - 1]) / (n - k) as f64;
            for j in k + 1..n {
                ys[j - 1] = ys[k - 1] + delta * (j - k) as f64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_loess_reproduces_a_line() {
        // A local linear fit reproduces any straight line exactly (up to rounding).
        let y: Vec<f64> = (0..20).map(|i| 3.0 + 0.5 * f64::from(i)).collect();
        let mut ys = vec![0.0; 20];
        smooth(&y, 7, LoessDegree::Linear, 3, None, &mut ys);
        for (a, b) in y.iter().zip(&ys) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
    }

    #[test]
    fn zero_weights_give_none() {
        let y = [1.0, 2.0, 3.0];
        let rw = [0.0; 3];
        assert_eq!(estimate(&y, 3, LoessDegree::Constant, 2.0, 1, 3, Some(&rw)), None);
    }
}
