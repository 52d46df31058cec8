//! Closeness (Wasserman–Faust improved or not) and harmonic closeness, networkx definitions.
//!
//! For a node `u` with `r(u)` nodes that can reach it (itself included) at total distance `D(u)`:
//!
//! ```text
//! closeness(u) = (r(u) - 1) / D(u) * (r(u) - 1) / (n - 1)     (0 when D(u) = 0 or n = 1)
//!                 (without the second factor when wf_improved is off)
//! harmonic(u)  = sum over v != u reaching u of 1 / d(v, u)
//! ```
//!
//! Directed graphs use incoming distances `d(v, u)`, as networkx (which reverses the graph).
//! `O(n m)` unweighted, `O(n m log n)` weighted; one set of `O(n)` buffers reused across sources.

use super::super::csr::Csr;
use super::Weighting;
use super::paths::{Follow, Searcher};

/// Options of [`SmugglingNetwork::closeness_with`](crate::network::SmugglingNetwork::closeness_with):
/// weights as lengths, and whether to scale by the share of actors reached (networkx `wf_improved`).
/// The default is networkx `closeness_centrality(G)`: unweighted, `wf_improved=True`.
///
/// # Examples
///
/// ```
/// use corridor::network::{ClosenessOptions, Weighting};
/// let opts = ClosenessOptions::new().weighting(Weighting::Weighted).wf_improved(false);
/// assert_eq!(opts, ClosenessOptions::from(Weighting::Weighted).wf_improved(false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClosenessOptions {
    weighting: Weighting,
    wf_improved: bool,
}

impl Default for ClosenessOptions {
    fn default() -> Self {
        Self {
            weighting: Weighting::Unweighted,
            wf_improved: true,
        }
    }
}

impl ClosenessOptions {
    /// The networkx defaults: unweighted, Wasserman–Faust improved.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Tie weights as lengths (networkx `distance="weight"`) or hops.
    #[must_use]
    pub fn weighting(mut self, weighting: Weighting) -> Self {
        self.weighting = weighting;
        self
    }

    /// Multiply by `(r - 1) / (n - 1)`, the share of other actors that reach the actor (networkx
    /// `wf_improved=True`, the default); without it closeness is `(r - 1) / D` within the actor's reach.
    #[must_use]
    pub fn wf_improved(mut self, yes: bool) -> Self {
        self.wf_improved = yes;
        self
    }
}

impl From<Weighting> for ClosenessOptions {
    /// The defaults with this weighting.
    fn from(weighting: Weighting) -> Self {
        Self::new().weighting(weighting)
    }
}

/// networkx `closeness_centrality(G, distance=..., wf_improved=...)`.
pub(crate) fn closeness(g: &Csr, o: ClosenessOptions) -> Vec<f64> {
    let n = g.node_count();
    let mut se = Searcher::new(n);
    (0..n)
        .map(|u| {
            se.run(g, u, o.weighting, Follow::In);
            let total: f64 = se.reached().iter().map(|&v| se.dist(v as usize)).sum();
            let r = se.reached().len() as f64;
            if total > 0.0 && n > 1 {
                let c = (r - 1.0) / total;
                if o.wf_improved {
                    c * ((r - 1.0) / (n - 1) as f64)
                } else {
                    c
                }
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
                &closeness(&g, ClosenessOptions::new()),
                &floats(&m["closeness"]),
                1e-9,
            );
            assert_close(
                &name,
                &closeness(&g, Weighting::Weighted.into()),
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
