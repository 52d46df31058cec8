//! The Nelder–Mead variant of R's `optim(method = "Nelder-Mead")` (`nmmin`,
//! after Nash 1990, *Compact Numerical Methods*), which `forecast::ets` also
//! uses: one initial step for every coordinate (a tenth of the largest
//! `|x_i|`), reflection 1, contraction 1/2, expansion 2, no outside
//! contraction, shrink only when a contraction fails after a reflection no
//! better than the worst point, stop when the simplex values span less than
//! `reltol (|f_low| + reltol)` or after `maxit` evaluations.
//!
//! Non-finite objective values count as `1e35`, as in R.

const BIG: f64 = 1.0e35;

/// Minimises `f` from `x0`; returns the best vertex and its value.
#[allow(clippy::too_many_lines, clippy::needless_range_loop)] // R's nmmin kept in one piece, indexed as R
pub(crate) fn nmmin<F: FnMut(&[f64]) -> f64>(mut f: F, x0: &[f64], reltol: f64, maxit: usize) -> (Vec<f64>, f64) {
    let n = x0.len();
    let mut fx = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() { v } else { BIG }
    };
    let f0 = fx(x0);
    if n == 0 {
        return (Vec::new(), f0);
    }
    let n1 = n + 1;
    // Columns 0..n1 are vertices, column n1 the centroid; values apart.
    let mut p = vec![vec![0.0; n]; n1 + 1];
    let mut v = vec![0.0; n1 + 1];
    let mut b = x0.to_vec();
    let mut funcount = 1usize;
    let convtol = reltol * (f0.abs() + reltol);
    v[0] = f0;
    p[0].copy_from_slice(x0);
    let mut l = 0usize;
    let mut step = 0.0_f64;
    for &x in x0 {
        if 0.1 * x.abs() > step {
            step = 0.1 * x.abs();
        }
    }
    if step == 0.0 {
        step = 0.1;
    }
    let mut size = 0.0;
    for j in 1..n1 {
        p[j].copy_from_slice(x0);
        let mut trystep = step;
        while p[j][j - 1] == x0[j - 1] {
            p[j][j - 1] = x0[j - 1] + trystep;
            trystep *= 10.0;
        }
        size += trystep;
    }
    let mut oldsize = size;
    let mut calcvert = true;
    let c = n1;
    loop {
        if calcvert {
            for j in 0..n1 {
                if j != l {
                    b.copy_from_slice(&p[j]);
                    v[j] = fx(&b);
                    funcount += 1;
                }
            }
            calcvert = false;
        }
        let mut vl = v[l];
        let mut vh = vl;
        let mut h = l;
        for j in 0..n1 {
            if j != l {
                let fj = v[j];
                if fj < vl {
                    l = j;
                    vl = fj;
                }
                if fj > vh {
                    h = j;
                    vh = fj;
                }
            }
        }
        if vh <= vl + convtol {
            break;
        }
        for i in 0..n {
            let mut temp = -p[h][i];
            for col in p.iter().take(n1) {
                temp += col[i];
            }
            p[c][i] = temp / n as f64;
        }
        for i in 0..n {
            b[i] = 2.0 * p[c][i] - p[h][i];
        }
        let vr = fx(&b);
        funcount += 1;
        if vr < vl {
            v[c] = vr;
            for i in 0..n {
                let e = 2.0 * b[i] + (1.0 - 2.0) * p[c][i];
                p[c][i] = b[i];
                b[i] = e;
            }
            let fe = fx(&b);
            funcount += 1;
            if fe < vr {
                p[h].copy_from_slice(&b);
                v[h] = fe;
            } else {
                let cc = p[c].clone();
                p[h].copy_from_slice(&cc);
                v[h] = vr;
            }
        } else {
            if vr < vh {
                p[h].copy_from_slice(&b);
                v[h] = vr;
            }
            for i in 0..n {
                b[i] = 0.5 * p[h][i] + 0.5 * p[c][i];
            }
            let fc = fx(&b);
            funcount += 1;
            if fc < v[h] {
                p[h].copy_from_slice(&b);
                v[h] = fc;
            } else if vr >= vh {
                calcvert = true;
                size = 0.0;
                let pl = p[l].clone();
                for j in 0..n1 {
                    if j != l {
                        for i in 0..n {
                            p[j][i] = 0.5 * (p[j][i] - pl[i]) + pl[i];
                            size += (p[j][i] - pl[i]).abs();
                        }
                    }
                }
                if size < oldsize {
                    oldsize = size;
                } else {
                    break;
                }
            }
        }
        if funcount > maxit {
            break;
        }
    }
    (p[l].clone(), v[l])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimises_a_quadratic() {
        let (x, v) = nmmin(
            |x| (x[0] - 1.0).powi(2) + (x[1] + 2.0).powi(2),
            &[0.5, 0.5],
            1e-12,
            5000,
        );
        assert!(v < 1e-8, "{v}");
        assert!((x[0] - 1.0).abs() < 1e-3 && (x[1] + 2.0).abs() < 1e-3);
    }
}
