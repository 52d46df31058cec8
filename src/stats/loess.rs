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
/// `w` is scratch of length at least `y.len()`; `rw` are the robustness weights
/// when they are to be used. Returns `None` when every weight is zero (the
/// caller then keeps the data value, as R does).
#[allow(clippy::too_many_arguments)]
pub(crate) fn estimate(
    y: &[f64],
    len: usize,
    degree: LoessDegree,
    xs: f64,
    nleft: usize,
    nright: usize,
    w: &mut [f64],
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
    let w = &mut w[lo..hi];
    let y = &y[lo..hi];
    let rw = rw.map(|rw| &rw[lo..hi]);
    let pos = |k: usize| (nleft + k) as f64;
    let mut a = 0.0;
    for (k, wk) in w.iter_mut().enumerate() {
        let mut wj = 0.0;
        let r = (pos(k) - xs).abs();
        if r <= h9 {
            if r <= h1 {
                wj = 1.0;
            } else {
                let q = r / h;
                let t = 1.0 - q * q * q;
                wj = t * t * t;
            }
            if let Some(rw) = rw {
                wj *= rw[k];
            }
            a += wj;
        }
        *wk = wj;
    }
    if a <= 0.0 {
        return None;
    }
    for wk in w.iter_mut() {
        *wk /= a;
    }
    if h > 0.0 && degree == LoessDegree::Linear {
        let mut a = 0.0;
        for (k, wk) in w.iter().enumerate() {
            a += wk * pos(k);
        }
        let mut b = xs - a;
        let mut c = 0.0;
        for (k, wk) in w.iter().enumerate() {
            let d = pos(k) - a;
            c += wk * (d * d);
        }
        if c.sqrt() > F001 * range {
            b /= c;
            for (k, wk) in w.iter_mut().enumerate() {
                *wk *= b * (pos(k) - a) + 1.0;
            }
        }
    }
    let mut ys = 0.0;
    for (wk, yk) in w.iter().zip(y) {
        ys += wk * yk;
    }
    Some(ys)
}

/// Loess smooth of `y` into `ys` (same length) with window `len`, evaluating
/// every `jump` points and interpolating linearly between, as R `stless`.
///
/// `res` is scratch of length at least `y.len()`.
pub(crate) fn smooth(
    y: &[f64],
    len: usize,
    degree: LoessDegree,
    jump: usize,
    rw: Option<&[f64]>,
    ys: &mut [f64],
    res: &mut [f64],
) {
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
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, res, rw).unwrap_or(y[i - 1]);
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
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, res, rw).unwrap_or(y[i - 1]);
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
            ys[i - 1] = estimate(y, len, degree, i as f64, nleft, nright, res, rw).unwrap_or(y[i - 1]);
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
        ys[n - 1] = estimate(y, len, degree, n as f64, nleft, nright, res, rw).unwrap_or(y[n - 1]);
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
        let mut res = vec![0.0; 20];
        smooth(&y, 7, LoessDegree::Linear, 3, None, &mut ys, &mut res);
        for (a, b) in y.iter().zip(&ys) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
    }

    #[test]
    fn zero_weights_give_none() {
        let y = [1.0, 2.0, 3.0];
        let mut w = [0.0; 3];
        let rw = [0.0; 3];
        assert_eq!(
            estimate(&y, 3, LoessDegree::Constant, 2.0, 1, 3, &mut w, Some(&rw)),
            None
        );
    }
}
