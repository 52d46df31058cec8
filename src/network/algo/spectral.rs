//! Eigenvector centrality, `PageRank` and Katz centrality by power iteration, as networkx 3.6.
//!
//! - Eigenvector (`eigenvector_centrality(G, max_iter=100, tol=1e-6)`): start `x = 1/n`; iterate
//!   `x <- x + A^T x` (the shift by the identity keeps bipartite graphs from oscillating), divide by the
//!   Euclidean norm; stop when `sum |x - x_last| < n * tol`.
//! - `PageRank` (`pagerank(G, alpha=0.85, max_iter=100, tol=1e-6)`, scipy version): rows of the weight
//!   matrix scaled to sum 1; `x <- alpha (x P + (sum of x over dangling nodes) / n) + (1 - alpha) / n`,
//!   start `1/n`; stop when `sum |x - x_last| < n * tol`. Undirected edges count both ways.
//! - Katz (`katz_centrality(G, alpha=0.1, beta=1, max_iter=1000, tol=1e-6, normalized=True)`): start 0;
//!   `x <- alpha A^T x + beta`; stop as above, then divide by the Euclidean norm.
//!
//! Each iteration is `O(n + m)`. Not converging within the iteration limit is an error, as in networkx.

use super::super::csr::Csr;
use super::Weighting;

/// The power iteration did not meet its tolerance within `iterations` steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotConverged {
    /// The iteration limit.
    pub(crate) iterations: usize,
}

fn weight(w: f64, weighting: Weighting) -> f64 {
    match weighting {
        Weighting::Unweighted => 1.0,
        Weighting::Weighted => w,
    }
}

/// Euclidean norm without overflow, like Python's `math.hypot`.
fn norm2(x: &[f64]) -> f64 {
    let scale = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return scale;
    }
    let s: f64 = x.iter().map(|v| (v / scale) * (v / scale)).sum();
    scale * s.sqrt()
}

/// networkx `eigenvector_centrality` (weights used when `weighting` says so). `n == 0` gives an empty vector.
pub(crate) fn eigenvector(g: &Csr, weighting: Weighting, max_iter: usize, tol: f64) -> Result<Vec<f64>, NotConverged> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut last = vec![0.0; n];
    for _ in 0..max_iter {
        std::mem::swap(&mut x, &mut last);
        for v in 0..n {
            let mut s = last[v];
            for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                s += last[u as usize] * weight(w, weighting);
            }
            x[v] = s;
        }
        let norm = norm2(&x);
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for v in &mut x {
            *v /= norm;
        }
        let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if err < n as f64 * tol {
            return Ok(x);
        }
    }
    Err(NotConverged { iterations: max_iter })
}

#[allow(clippy::needless_range_loop)]
/// networkx `pagerank` with uniform personalisation and dangling distribution.
pub(crate) fn pagerank(
    g: &Csr,
    weighting: Weighting,
    alpha: f64,
    max_iter: usize,
    tol: f64,
) -> Result<Vec<f64>, NotConverged> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let nf = n as f64;
    let inv_out: Vec<f64> = (0..n)
        .map(|v| {
            let s: f64 = g.out_weights(v).iter().map(|&w| weight(w, weighting)).sum();
            if s == 0.0 { 0.0 } else { 1.0 / s }
        })
        .collect();
    let mut x = vec![1.0 / nf; n];
    let mut last = vec![0.0; n];
    for _ in 0..max_iter {
        std::mem::swap(&mut x, &mut last);
        let dangling: f64 = (0..n).filter(|&v| inv_out[v] == 0.0).map(|v| last[v]).sum();
        for v in 0..n {
            let mut s = 0.0;
            for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                s += last[u as usize] * (weight(w, weighting) * inv_out[u as usize]);
            }
            x[v] = alpha * (s + dangling / nf) + (1.0 - alpha) / nf;
        }
        let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if err < nf * tol {
            return Ok(x);
        }
    }
    Err(NotConverged { iterations: max_iter })
}

#[allow(clippy::needless_range_loop)]
/// networkx `katz_centrality` with a constant `beta`, normalised.
pub(crate) fn katz(
    g: &Csr,
    weighting: Weighting,
    alpha: f64,
    beta: f64,
    max_iter: usize,
    tol: f64,
) -> Result<Vec<f64>, NotConverged> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut x = vec![0.0; n];
    let mut last = vec![0.0; n];
    for _ in 0..max_iter {
        std::mem::swap(&mut x, &mut last);
        for v in 0..n {
            let mut s = 0.0;
            for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                s += last[u as usize] * weight(w, weighting);
            }
            x[v] = alpha * s + beta;
        }
        let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if err < n as f64 * tol {
            let norm = norm2(&x);
            let s = if norm == 0.0 { 1.0 } else { 1.0 / norm };
            for v in &mut x {
                *v *= s;
            }
            return Ok(x);
        }
    }
    Err(NotConverged { iterations: max_iter })
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    fn check(name: &str, key: &str, ours: Result<Vec<f64>, NotConverged>, m: &serde_json::Value) {
        let r = &m[key];
        if r.is_null() {
            assert!(ours.is_err(), "{name} {key}: networkx did not converge, we did");
        } else {
            assert_close(&format!("{name} {key}"), &ours.expect("converged"), &floats(r), 1e-9);
        }
    }

    #[test]
    fn power_iterations_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            check(
                &name,
                "eigenvector",
                eigenvector(&g, Weighting::Unweighted, 100, 1e-6),
                m,
            );
            check(
                &name,
                "eigenvector_weighted",
                eigenvector(&g, Weighting::Weighted, 100, 1e-6),
                m,
            );
            check(&name, "pagerank", pagerank(&g, Weighting::Weighted, 0.85, 100, 1e-6), m);
            check(
                &name,
                "pagerank_unweighted",
                pagerank(&g, Weighting::Unweighted, 0.85, 100, 1e-6),
                m,
            );
            check(&name, "katz", katz(&g, Weighting::Unweighted, 0.1, 1.0, 1000, 1e-6), m);
        }
    }
}
