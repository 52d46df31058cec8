//! Betweenness centrality (Brandes 2001), exact or estimated from sampled sources.
//!
//! For every source `s` a single-source shortest-path search (BFS, or Dijkstra when weighted) counts
//! shortest paths `sigma`, then dependencies are accumulated in reverse order of distance:
//!
//! ```text
//! delta_s(v) = sigma_s(v) * sum over w with v on a shortest s-w path, (v, w) an edge, of (1 + delta_s(w)) / sigma_s(w)
//! ```
//!
//! and `b(v) = sum over s != v of delta_s(v)` (with endpoints: `+1` per reached target, and `|reached| - 1`
//! for the source itself). Rescaling is networkx 3.6 `_rescale`: with `N = n` (endpoints) or `n - 1`,
//! normalised values divide by `K (N - 1)` (`K = N` exact, `k` sampled), raw undirected values by 2;
//! sampled estimates without endpoints scale sources by `1 / (k - 1)` and the other nodes by `1 / k`.
//! A node `u` precedes `w` on a weighted shortest path when `d(u) + w(u, w) == d(w)` exactly, the same
//! floating-point test networkx uses for equal-length paths. Weights must be positive.
//!
//! Complexity `O(n m)` unweighted, `O(n m log n)` weighted (`k` instead of `n` when sampled); memory: the
//! graph plus `O(n)` buffers per worker, reused across sources, and one partial result per chunk of sources.
//!
//! Determinism: sources are cut into at most [`CHUNKS`] contiguous chunks, each chunk accumulates its own
//! partial vector and the partials are added in chunk order, so the result is bit-identical with or without
//! the `parallel` feature and whatever the number of threads.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::super::csr::Csr;
use super::Weighting;
use crate::rng::Rng;

/// Number of source chunks whose partial sums are added in a fixed order.
pub(crate) const CHUNKS: usize = 16;

/// Whether the values are divided by the number of node pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Normalization {
    /// Divided by the number of pairs that can pass through a node (networkx `normalized=True`).
    #[default]
    Normalized,
    /// Raw pair-dependency sums (halved for undirected graphs, as networkx `normalized=False`).
    Raw,
}

/// Whether the endpoints of a path count as lying on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Endpoints {
    /// Only inner nodes of a path count (networkx `endpoints=False`).
    #[default]
    Excluded,
    /// The source and target count too (networkx `endpoints=True`).
    Included,
}

/// Which sources the shortest paths start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Sources {
    /// Every node: the exact value.
    #[default]
    All,
    /// `k` distinct nodes drawn uniformly with a seeded generator: an unbiased estimate (networkx `k`,
    /// `seed`; networkx draws with Python's `random`, so the drawn nodes, hence the estimates, differ).
    Sample {
        /// Number of sources.
        k: usize,
        /// Seed of the generator.
        seed: u64,
    },
}

/// Options of [`SmugglingNetwork::betweenness_with`](crate::network::SmugglingNetwork): weights,
/// normalisation, endpoints and source sampling. The default is networkx `betweenness_centrality(G)`.
///
/// # Example
///
/// ```
/// use corridor::network::{BetweennessOptions, Endpoints, Weighting};
///
/// let opts = BetweennessOptions::new().weighting(Weighting::Weighted).endpoints(Endpoints::Included).sample(50, 7);
/// assert_eq!(opts.get_weighting(), Weighting::Weighted);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BetweennessOptions {
    weighting: Weighting,
    normalization: Normalization,
    endpoints: Endpoints,
    sources: Sources,
}

impl BetweennessOptions {
    /// The networkx defaults: unweighted, normalised, endpoints excluded, all sources.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Use tie weights as path lengths (Dijkstra) or not (BFS).
    #[must_use]
    pub fn weighting(mut self, weighting: Weighting) -> Self {
        self.weighting = weighting;
        self
    }

    /// Normalised or raw values.
    #[must_use]
    pub fn normalization(mut self, normalization: Normalization) -> Self {
        self.normalization = normalization;
        self
    }

    /// Whether path endpoints count.
    #[must_use]
    pub fn endpoints(mut self, endpoints: Endpoints) -> Self {
        self.endpoints = endpoints;
        self
    }

    /// Estimate from `k` sources drawn with `seed` (checked against the network size when measured).
    #[must_use]
    pub fn sample(mut self, k: usize, seed: u64) -> Self {
        self.sources = Sources::Sample { k, seed };
        self
    }

    /// Use every node as a source (exact; the default).
    #[must_use]
    pub fn exact(mut self) -> Self {
        self.sources = Sources::All;
        self
    }

    /// The weighting chosen.
    #[must_use]
    pub fn get_weighting(&self) -> Weighting {
        self.weighting
    }

    /// The normalisation chosen.
    #[must_use]
    pub fn get_normalization(&self) -> Normalization {
        self.normalization
    }

    /// The endpoint rule chosen.
    #[must_use]
    pub fn get_endpoints(&self) -> Endpoints {
        self.endpoints
    }

    /// The sources chosen.
    #[must_use]
    pub fn get_sources(&self) -> Sources {
        self.sources
    }
}

/// A sampled source count that is 0 or larger than the number of nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadSample {
    /// Requested sources.
    pub(crate) k: usize,
    /// Number of nodes.
    pub(crate) n: usize,
}

/// A heap entry ordered by (distance, insertion counter), smallest first, as networkx's heap.
#[derive(Debug, Clone, Copy)]
struct Entry {
    dist: f64,
    count: u64,
    node: u32,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap.
        other.dist.total_cmp(&self.dist).then(other.count.cmp(&self.count))
    }
}

/// Per-node state of an unweighted search, packed so that one neighbour visit touches one cache line:
/// `val` holds the path count `sigma` during the forward pass and is overwritten by the coefficient
/// `(1 + delta) / sigma` in the backward pass (a node's `sigma` is not needed once its coefficient is known).
#[derive(Debug, Clone, Copy)]
struct Packed {
    val: f64,
    hops: u32,
}

const UNREACHED: Packed = Packed {
    val: 0.0,
    hops: u32::MAX,
};

/// Per-worker buffers, allocated once and reset in `O(reached)` after each source.
struct Workspace {
    /// Unweighted searches.
    st: Vec<Packed>,
    /// Weighted searches (empty when unweighted).
    dist: Vec<f64>,
    done: Vec<bool>,
    sigma: Vec<f64>,
    coeff: Vec<f64>,
    order: Vec<u32>,
    heap: BinaryHeap<Entry>,
}

impl Workspace {
    fn new(n: usize, weighting: Weighting) -> Self {
        let weighted = if weighting == Weighting::Weighted { n } else { 0 };
        Self {
            st: if weighted == 0 { vec![UNREACHED; n] } else { Vec::new() },
            dist: vec![f64::INFINITY; weighted],
            done: vec![false; weighted],
            sigma: vec![0.0; weighted],
            coeff: vec![0.0; weighted],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }

    /// BFS from `s`, then dependency accumulation into `bc`; resets the buffers.
    fn unweighted(&mut self, g: &Csr, s: usize, endpoints: Endpoints, bc: &mut [f64]) {
        let st = &mut self.st;
        st[s] = Packed { val: 1.0, hops: 0 };
        self.order.push(s as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let Packed { val: sv, hops } = st[v];
            let dv = hops + 1;
            for &w in g.out_neighbors(v) {
                let e = &mut st[w as usize];
                if e.hops == u32::MAX {
                    *e = Packed { val: sv, hops: dv };
                    self.order.push(w);
                } else if e.hops == dv {
                    e.val += sv;
                }
            }
        }
        if endpoints == Endpoints::Included {
            bc[s] += (self.order.len() - 1) as f64;
        }
        for &v in self.order.iter().rev() {
            let v = v as usize;
            let next = st[v].hops + 1;
            let mut sum = 0.0;
            for &w in g.out_neighbors(v) {
                let e = st[w as usize];
                if e.hops == next {
                    sum += e.val;
                }
            }
            let sigma = st[v].val;
            let delta = sigma * sum;
            st[v].val = (1.0 + delta) / sigma;
            if v != s {
                bc[v] += match endpoints {
                    Endpoints::Excluded => delta,
                    Endpoints::Included => delta + 1.0,
                };
            }
        }
        for &v in &self.order {
            st[v as usize] = UNREACHED;
        }
        self.order.clear();
    }

    /// Dijkstra from `s` with networkx's equal-path rule, then accumulation into `bc`; resets the buffers.
    ///
    /// Lengths are multiplied by [`Csr::length_scale`] (exact: a power of two, 1 unless sums could
    /// overflow), so paths longer than `f64::MAX` are still found and compared.
    fn weighted(&mut self, g: &Csr, s: usize, endpoints: Endpoints, bc: &mut [f64]) {
        let scale = g.length_scale();
        let mut count = 0u64;
        self.dist[s] = 0.0;
        self.heap.push(Entry {
            dist: 0.0,
            count,
            node: s as u32,
        });
        while let Some(Entry { dist: d, node: v, .. }) = self.heap.pop() {
            let v = v as usize;
            if self.done[v] || d > self.dist[v] {
                continue;
            }
            self.done[v] = true;
            self.order.push(v as u32);
            if v == s {
                self.sigma[v] = 1.0;
            } else {
                let mut sv = 0.0;
                for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                    let u = u as usize;
                    if self.done[u] && u != v && self.dist[u] + w * scale == d {
                        sv += self.sigma[u];
                    }
                }
                self.sigma[v] = sv;
            }
            for (&w, &len) in g.out_neighbors(v).iter().zip(g.out_weights(v)) {
                let w = w as usize;
                let nd = d + len * scale;
                if !self.done[w] && nd < self.dist[w] {
                    self.dist[w] = nd;
                    count += 1;
                    self.heap.push(Entry {
                        dist: nd,
                        count,
                        node: w as u32,
                    });
                }
            }
        }
        if endpoints == Endpoints::Included {
            bc[s] += (self.order.len() - 1) as f64;
        }
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let dv = self.dist[v];
            let mut sum = 0.0;
            for (&w, &len) in g.out_neighbors(v).iter().zip(g.out_weights(v)) {
                let w = w as usize;
                if w != v && self.done[w] && dv + len * scale == self.dist[w] {
                    sum += self.coeff[w];
                }
            }
            let delta = self.sigma[v] * sum;
            self.coeff[v] = (1.0 + delta) / self.sigma[v];
            if v != s {
                bc[v] += match endpoints {
                    Endpoints::Excluded => delta,
                    Endpoints::Included => delta + 1.0,
                };
            }
        }
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = f64::INFINITY;
            self.done[v] = false;
            self.sigma[v] = 0.0;
            self.coeff[v] = 0.0;
        }
        self.order.clear();
        self.heap.clear();
    }
}

/// Raw dependency sums over the given sources (before rescaling), chunked as described in the module docs.
fn raw_sums(g: &Csr, sources: &[usize], weighting: Weighting, endpoints: Endpoints) -> Vec<f64> {
    let n = g.node_count();
    let mut total = vec![0.0; n];
    if sources.is_empty() {
        return total;
    }
    let chunk = sources.len().div_ceil(CHUNKS);
    let run = |part: &[usize]| {
        let mut ws = Workspace::new(n, weighting);
        let mut bc = vec![0.0; n];
        for &s in part {
            match weighting {
                Weighting::Unweighted => ws.unweighted(g, s, endpoints, &mut bc),
                Weighting::Weighted => ws.weighted(g, s, endpoints, &mut bc),
            }
        }
        bc
    };
    #[cfg(feature = "parallel")]
    let partials: Vec<Vec<f64>> = {
        use rayon::prelude::*;
        sources.par_chunks(chunk).map(run).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let partials: Vec<Vec<f64>> = sources.chunks(chunk).map(run).collect();
    for p in partials {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    }
    total
}

/// Betweenness of every node with the given options (networkx `betweenness_centrality`).
///
/// Errors with [`BadSample`] when a sample asks for 0 or more than `n` sources.
pub(crate) fn betweenness(g: &Csr, opts: &BetweennessOptions) -> Result<Vec<f64>, BadSample> {
    let n = g.node_count();
    let (sources, sampled): (Vec<usize>, Option<Vec<usize>>) = match opts.sources {
        Sources::Sample { k, .. } if k == 0 || k > n => return Err(BadSample { k, n }),
        Sources::Sample { k, .. } if k == n => ((0..n).collect(), None),
        Sources::Sample { k, seed } => {
            let s = Rng::seed_from_u64(seed).sample_indices(n, k);
            (s.clone(), Some(s))
        }
        Sources::All => ((0..n).collect(), None),
    };
    let mut bc = raw_sums(g, &sources, opts.weighting, opts.endpoints);
    rescale(&mut bc, g.is_directed(), opts, sampled.as_deref());
    Ok(bc)
}

/// networkx 3.6 `_rescale`.
fn rescale(bc: &mut [f64], directed: bool, opts: &BetweennessOptions, sampled: Option<&[usize]>) {
    let n = bc.len();
    let big_n = if opts.endpoints == Endpoints::Included {
        n
    } else {
        n.saturating_sub(1)
    };
    if big_n < 2 {
        return;
    }
    let nf = big_n as f64;
    let correction = if directed { 1.0 } else { 2.0 };
    let k_source = sampled.map_or(nf, |s| s.len() as f64);
    match sampled {
        Some(s) if opts.endpoints == Endpoints::Excluded => {
            let (src, other) = match opts.normalization {
                Normalization::Normalized => (1.0 / ((k_source - 1.0) * (nf - 1.0)), 1.0 / (k_source * (nf - 1.0))),
                Normalization::Raw => (nf / ((k_source - 1.0) * correction), nf / (k_source * correction)),
            };
            // k == 1: networkx gives NaN for the source (0/0 estimate).
            let src = if k_source > 1.0 { src } else { f64::NAN };
            let mut is_src = vec![false; n];
            for &v in s {
                is_src[v] = true;
            }
            for (v, b) in bc.iter_mut().enumerate() {
                *b *= if is_src[v] { src } else { other };
            }
        }
        _ => {
            let scale = match opts.normalization {
                Normalization::Normalized => 1.0 / (k_source * (nf - 1.0)),
                Normalization::Raw => nf / (k_source * correction),
            };
            if scale != 1.0 {
                for b in bc.iter_mut() {
                    *b *= scale;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    #[test]
    fn paths_longer_than_f64_max_are_counted() {
        // A path 0 - 1 - 2 whose length exceeds f64::MAX: 1 is still on the only path from 0 to 2
        // (normalised 1, as for any path of three), and of two such routes the shorter is taken.
        let big = f64::MAX / 1.5;
        let g = Csr::from_edges(3, false, &[(0, 1, big), (1, 2, big)]);
        let opts = BetweennessOptions::new().weighting(Weighting::Weighted);
        assert_eq!(betweenness(&g, &opts).unwrap(), vec![0.0, 1.0, 0.0]);
        let g = Csr::from_edges(
            4,
            false,
            &[(0, 1, big), (1, 2, big), (0, 3, f64::MAX), (3, 2, f64::MAX)],
        );
        let b = betweenness(&g, &opts).unwrap();
        assert!(b[1] > b[3], "{b:?}");
    }

    #[test]
    fn matches_networkx_all_options() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            for (key, opts) in [
                ("betweenness", BetweennessOptions::new()),
                (
                    "betweenness_raw",
                    BetweennessOptions::new().normalization(Normalization::Raw),
                ),
                (
                    "betweenness_endpoints",
                    BetweennessOptions::new().endpoints(Endpoints::Included),
                ),
                (
                    "betweenness_raw_endpoints",
                    BetweennessOptions::new()
                        .normalization(Normalization::Raw)
                        .endpoints(Endpoints::Included),
                ),
                (
                    "betweenness_weighted",
                    BetweennessOptions::new().weighting(Weighting::Weighted),
                ),
                (
                    "betweenness_weighted_raw",
                    BetweennessOptions::new()
                        .weighting(Weighting::Weighted)
                        .normalization(Normalization::Raw),
                ),
                // networkx sets k = None when k == n: the exact value.
                ("betweenness", BetweennessOptions::new().sample(g.node_count(), 3)),
            ] {
                let ours = betweenness(&g, &opts).unwrap();
                assert_close(&format!("{name} {key}"), &ours, &floats(&m[key]), 1e-9);
            }
        }
    }

    #[test]
    fn sampled_scaling_matches_networkx_with_given_sources() {
        // networkx rescales a k-source estimate by 1/(k-1) for sources and 1/k for the others; the
        // reference file has networkx's values for the sources our generator draws (seed 11, k = n/2).
        for (name, g, case) in graphs() {
            let Some(r) = case["measures"].get("betweenness_sampled") else {
                continue;
            };
            let k = r["k"].as_u64().unwrap() as usize;
            let drawn = Rng::seed_from_u64(11).sample_indices(g.node_count(), k);
            let theirs: Vec<usize> = r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect();
            assert_eq!(drawn, theirs, "{name}: sources");
            for (key, norm) in [("normalized", Normalization::Normalized), ("raw", Normalization::Raw)] {
                let ours = betweenness(&g, &BetweennessOptions::new().normalization(norm).sample(k, 11)).unwrap();
                assert_close(&format!("{name} sampled {key}"), &ours, &floats(&r[key]), 1e-9);
            }
        }
    }

    #[test]
    fn bad_samples_are_rejected() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert_eq!(
            betweenness(&g, &BetweennessOptions::new().sample(0, 1)),
            Err(BadSample { k: 0, n: 3 })
        );
        assert_eq!(
            betweenness(&g, &BetweennessOptions::new().sample(4, 1)),
            Err(BadSample { k: 4, n: 3 })
        );
    }

    #[test]
    fn star_centre_is_maximal_and_leaves_zero() {
        // networkx: betweenness_centrality(star_graph(5)) gives the centre 1.0 and leaves 0.0.
        let edges: Vec<(u32, u32, f64)> = (1..=5).map(|i| (0, i, 1.0)).collect();
        let g = Csr::from_edges(6, false, &edges);
        let b = betweenness(&g, &BetweennessOptions::new()).unwrap();
        assert_eq!(b[0], 1.0);
        assert!(b[1..].iter().all(|&x| x == 0.0));
    }
}
