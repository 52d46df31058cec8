//! The admissible region of an ETS model: forecast's `admissible`, with the characteristic roots by
//! Durand–Kerner iteration.

/// forecast's `admissible`: the characteristic roots lie in the unit circle.
pub(super) fn admissible(
    alpha: f64,
    beta: Option<f64>,
    gamma: Option<f64>,
    phi: f64,
    m: usize,
    roots: &mut Vec<(f64, f64)>,
) -> bool {
    if !(0.0..=1.0 + 1e-8).contains(&phi) {
        return false;
    }
    match gamma {
        None => {
            if alpha < 1.0 - 1.0 / phi || alpha > 1.0 + 1.0 / phi {
                return false;
            }
            if let Some(beta) = beta
                && (beta < alpha * (phi - 1.0) || beta > (1.0 + phi) * (2.0 - alpha))
            {
                return false;
            }
            true
        }
        Some(gamma) if m > 1 => {
            let beta = beta.unwrap_or(0.0);
            let mf = m as f64;
            if gamma < (1.0 - 1.0 / phi - alpha).max(0.0) || gamma > 1.0 + 1.0 / phi - alpha {
                return false;
            }
            if alpha < 1.0 - 1.0 / phi - gamma * (1.0 - mf + phi + phi * mf) / (2.0 * phi * mf) {
                return false;
            }
            if beta < -(1.0 - phi) * (gamma / mf + alpha) {
                return false;
            }
            // P(z) = c0 + c1 z + ... + c_m z^m, increasing order as R's polyroot.
            let mut coef = Vec::with_capacity(m + 1);
            coef.push(phi * (1.0 - alpha - gamma));
            coef.push(alpha + beta - alpha * phi + gamma - 1.0);
            for _ in 0..m.saturating_sub(2) {
                coef.push(alpha + beta - alpha * phi);
            }
            coef.push(alpha + beta - phi);
            coef.push(1.0);
            max_root_modulus(&coef, roots) <= 1.0 + 1e-10
        }
        Some(_) => true,
    }
}

/// Largest root modulus of a monic polynomial (coefficients in increasing
/// order), by Durand–Kerner iteration, starting from `roots` and leaving the
/// roots found there.
fn max_root_modulus(coef: &[f64], roots: &mut Vec<(f64, f64)>) -> f64 {
    let deg = coef.len() - 1;
    if deg == 0 {
        return 0.0;
    }
    let lead = coef[deg];
    let a: Vec<f64> = coef.iter().map(|c| c / lead).collect();
    let eval = |z: (f64, f64)| {
        let mut acc = (0.0, 0.0);
        for &c in a.iter().rev() {
            acc = (acc.0 * z.0 - acc.1 * z.1 + c, acc.0 * z.1 + acc.1 * z.0);
        }
        acc
    };
    // Warm start from the previous call's roots (the optimiser moves little
    // between evaluations), else a circle of radius 0.9.
    if roots.len() != deg || roots.iter().any(|z| !z.0.is_finite() || !z.1.is_finite()) {
        roots.clear();
        roots.extend((0..deg).map(|k| {
            let th = 2.0 * std::f64::consts::PI * k as f64 / deg as f64 + 0.4;
            (0.9 * th.cos(), 0.9 * th.sin())
        }));
    }
    for _ in 0..500 {
        let mut delta = 0.0_f64;
        for i in 0..deg {
            let zi = roots[i];
            let num = eval(zi);
            let mut den = (1.0, 0.0);
            for (j, &zj) in roots.iter().enumerate() {
                if j != i {
                    let d = (zi.0 - zj.0, zi.1 - zj.1);
                    den = (den.0 * d.0 - den.1 * d.1, den.0 * d.1 + den.1 * d.0);
                }
            }
            let dd = den.0 * den.0 + den.1 * den.1;
            if dd == 0.0 {
                continue;
            }
            let q = (
                (num.0 * den.0 + num.1 * den.1) / dd,
                (num.1 * den.0 - num.0 * den.1) / dd,
            );
            roots[i] = (zi.0 - q.0, zi.1 - q.1);
            delta = delta.max(q.0 * q.0 + q.1 * q.1);
        }
        if delta < 1e-26 {
            break;
        }
    }
    roots.iter().map(|z| z.0 * z.0 + z.1 * z.1).fold(0.0, f64::max).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_modulus_of_known_polynomials() {
        // (z - 0.5)(z + 2) = z^2 + 1.5 z - 1.
        assert!((max_root_modulus(&[-1.0, 1.5, 1.0], &mut Vec::new()) - 2.0).abs() < 1e-12);
        // z^2 + 0.25: roots ±0.5i.
        assert!((max_root_modulus(&[0.25, 0.0, 1.0], &mut Vec::new()) - 0.5).abs() < 1e-12);
    }
}
