//! Closeness (Wasserman–Faust improved) and harmonic closeness, networkx definitions.
//!
//! For a node `u` with `r(u)` nodes that can reach it (itself included) at total distance `D(u)`:
//!
//! ```text
//! closeness(u) = (r(u) - 1) / D(u) * (r(u) - 1) / (n - 1)     (0 when D(u) = 0 or n = 1)
//! harmonic(u)  = sum over v != u reaching u of 1 / d(v, u)
//! ```
//!
//! Directed graphs use incoming distances `d(v, u)`, as networkx (which reverses the graph).
//! `O(n m)` unweighted, `O(n m log n)` weighted; one set of `O(n)` buffers reused across sources.

use super::super::csr::Csr;
use super::Weighting;
use super::paths::{Follow, Searcher};

/// networkx `closeness_centrality(G, distance=..., wf_improved=True)`.
pub(crate) fn closeness(g: &Csr, weighting: Weighting) -> Vec<f64> {
    let n = g.node_count();
    let mut se = Searcher::new(n);
    (0..n)
        .map(|u| {
            se.run(g, u, weighting, Follow::In);
            let total: f64 = se.reached().iter().map(|&v| se.dist(v as usize)).sum();
            let r = se.reached().len() as f64;
            if total > 0.0 && n > 1 {
                (r - 1.0) / total * ((r - 1.0) / (n - 1) as f64)
            } else {
                0.0
            }
        })
        .collect()
}

/// networkx `harmonic_centrality(G, distance=...)` (zero distances are skipped, as networkx).
pub(crate) fn harmonic(g: &Csr, weighting: Weighting) -> Vec<f64> {
    let n = g.node_count();
    let mut se = Searcher::new(n);
    (0..n)
        .map(|u| {
            se.run(g, u, weighting, Follow::In);
            se.reached()
                .iter()
                .map(|&v| se.dist(v as usize))
                .filter(|&d| d != 0.0)
                .map(|d| 1.0 / d)
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    #[test]
    fn closeness_and_harmonic_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            assert_close(
                &name,
                &closeness(&g, Weighting::Unweighted),
                &floats(&m["closeness"]),
                1e-9,
            );
            assert_close(
                &name,
                &closeness(&g, Weighting::Weighted),
                &floats(&m["closeness_weighted"]),
                1e-9,
            );
            assert_close(
                &name,
                &harmonic(&g, Weighting::Unweighted),
                &floats(&m["harmonic"]),
                1e-9,
            );
            assert_close(
                &name,
                &harmonic(&g, Weighting::Weighted),
                &floats(&m["harmonic_weighted"]),
                1e-9,
            );
        }
    }
}
