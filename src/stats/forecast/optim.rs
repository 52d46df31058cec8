//! A box-constrained Nelder–Mead simplex minimiser (Nelder & Mead 1965, with
//! the standard coefficients reflection 1, expansion 2, contraction 1/2,
//! shrink 1/2). Points are projected onto the box before evaluation.

/// Result of [`nelder_mead`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Minimum {
    /// The best point found.
    pub(crate) x: Vec<f64>,
    /// The objective there.
    pub(crate) value: f64,
}

fn project(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for ((v, &lo), &hi) in x.iter_mut().zip(lower).zip(upper) {
        *v = v.clamp(lo, hi);
    }
}

/// Minimises `f` over the box `[lower, upper]` from `start`.
///
/// Stops when the spread of the simplex values falls below
/// `ftol * (|f_best| + ftol)` or after `max_evals` evaluations. Non-finite
/// objective values count as `+inf`. `O(max_evals * d)` besides `f`.
#[allow(clippy::too_many_lines)] // the four simplex moves, kept together
pub(crate) fn nelder_mead<F: FnMut(&[f64]) -> f64>(
    mut f: F,
    start: &[f64],
    lower: &[f64],
    upper: &[f64],
    step: f64,
    ftol: f64,
    max_evals: usize,
) -> Minimum {
    let d = start.len();
    let mut eval = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() { v } else { f64::INFINITY }
    };
    let mut pts: Vec<Vec<f64>> = Vec::with_capacity(d + 1);
    let mut x0 = start.to_vec();
    project(&mut x0, lower, upper);
    pts.push(x0.clone());
    for i in 0..d {
        let mut p = x0.clone();
        let span = upper[i] - lower[i];
        let h = if span.is_finite() {
            step * span
        } else {
            step * p[i].abs().max(1.0)
        };
        p[i] = if p[i] + h <= upper[i] { p[i] + h } else { p[i] - h };
        project(&mut p, lower, upper);
        pts.push(p);
    }
    let mut vals: Vec<f64> = pts.iter().map(|p| eval(p)).collect();
    let mut evals = d + 1;
    let mut order: Vec<usize> = (0..=d).collect();
    let mut centroid = vec![0.0; d];
    let mut trial = vec![0.0; d];
    let mut trial2 = vec![0.0; d];
    while evals < max_evals {
        order.sort_by(|&a, &b| vals[a].total_cmp(&vals[b]));
        let best = order[0];
        let worst = order[d];
        let second = order[d - 1];
        if (vals[worst] - vals[best]).abs() <= ftol * (vals[best].abs() + ftol) {
            break;
        }
        centroid.fill(0.0);
        for &i in &order[..d] {
            for (c, v) in centroid.iter_mut().zip(&pts[i]) {
                *c += v / d as f64;
            }
        }
        for k in 0..d {
            trial[k] = centroid[k] + (centroid[k] - pts[worst][k]);
        }
        project(&mut trial, lower, upper);
        let fr = eval(&trial);
        evals += 1;
        if fr < vals[best] {
            for k in 0..d {
                trial2[k] = centroid[k] + 2.0 * (centroid[k] - pts[worst][k]);
            }
            project(&mut trial2, lower, upper);
            let fe = eval(&trial2);
            evals += 1;
            if fe < fr {
                pts[worst].copy_from_slice(&trial2);
                vals[worst] = fe;
            } else {
                pts[worst].copy_from_slice(&trial);
                vals[worst] = fr;
            }
            continue;
        }
        if fr < vals[second] {
            pts[worst].copy_from_slice(&trial);
            vals[worst] = fr;
            continue;
        }
        // Contraction (outside if the reflection improved on the worst, else inside).
        let outside = fr < vals[worst];
        for k in 0..d {
            trial2[k] = if outside {
                centroid[k] + 0.5 * (trial[k] - centroid[k])
            } else {
                centroid[k] + 0.5 * (pts[worst][k] - centroid[k])
            };
        }
        project(&mut trial2, lower, upper);
        let fc = eval(&trial2);
        evals += 1;
        if fc < fr.min(vals[worst]) {
            pts[worst].copy_from_slice(&trial2);
            vals[worst] = fc;
            continue;
        }
        // Shrink towards the best point.
        let bp = pts[best].clone();
        for i in 0..=d {
            if i == best {
                continue;
            }
            for k in 0..d {
                pts[i][k] = bp[k] + 0.5 * (pts[i][k] - bp[k]);
            }
            vals[i] = eval(&pts[i]);
            evals += 1;
        }
    }
    let best = (0..=d).min_by(|&a, &b| vals[a].total_cmp(&vals[b])).unwrap_or(0);
    Minimum {
        x: pts[best].clone(),
        value: vals[best],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_bowl_and_respects_bounds() {
        let m = nelder_mead(
            |x| (x[0] - 0.3).powi(2) + 10.0 * (x[1] - 0.7).powi(2),
            &[0.9, 0.1],
            &[0.0, 0.0],
            &[1.0, 1.0],
            0.1,
            1e-14,
            2000,
        );
        assert!((m.x[0] - 0.3).abs() < 1e-5 && (m.x[1] - 0.7).abs() < 1e-5);
        let m = nelder_mead(|x| x[0], &[0.5], &[0.2], &[1.0], 0.1, 1e-14, 500);
        assert!((m.x[0] - 0.2).abs() < 1e-12);
    }
}
