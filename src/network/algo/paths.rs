//! Shortest paths: unweighted BFS and weighted Dijkstra distances, one path, and a distance matrix.
//!
//! Distances follow out-edges (networkx `single_source_shortest_path_length` /
//! `single_source_dijkstra_path_length`); unreachable nodes are `None` (networkx leaves them out).
//! Weights must be non-negative. BFS `O(n + m)`, Dijkstra `O(m log n)`, matrix `n` times that and
//! `O(n^2)` memory (meant for small graphs).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::super::csr::Csr;
use super::Weighting;

/// Which way the edges of a directed graph are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Follow {
    /// From a node along its out-edges.
    Out,
    /// Into a node: distances *to* the source (along in-edges).
    In,
}

/// Reusable buffers for repeated searches, reset in `O(reached)`.
#[derive(Debug)]
pub(crate) struct Searcher {
    dist: Vec<f64>,
    pred: Vec<u32>,
    done: Vec<bool>,
    reached: Vec<u32>,
    heap: BinaryHeap<Reverse<(OrdF64, u32)>>,
    /// The factor the last search multiplied lengths by ([`Csr::length_scale`]; 1 for hops).
    scale: f64,
}

/// A total order on non-NaN floats for the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct OrdF64(f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Searcher {
    /// Buffers for a graph of `n` nodes.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            dist: vec![f64::INFINITY; n],
            pred: vec![u32::MAX; n],
            done: vec![false; n],
            reached: Vec::new(),
            heap: BinaryHeap::new(),
            scale: 1.0,
        }
    }

    fn clear(&mut self) {
        for &v in &self.reached {
            self.dist[v as usize] = f64::INFINITY;
            self.pred[v as usize] = u32::MAX;
            self.done[v as usize] = false;
        }
        self.reached.clear();
        self.heap.clear();
    }

    /// Searches from `s`; afterwards [`Self::reached`] lists the reached nodes in order of distance and
    /// [`Self::dist`] gives their distances (`INFINITY` elsewhere).
    ///
    /// Weighted searches sum lengths multiplied by [`Csr::length_scale`], so a path whose length exceeds
    /// `f64::MAX` still reaches its end (and is compared correctly with other such paths).
    pub(crate) fn run(&mut self, g: &Csr, s: usize, weighting: Weighting, follow: Follow) {
        self.clear();
        let row = |v: usize| match follow {
            Follow::Out => (g.out_neighbors(v), g.out_weights(v)),
            Follow::In => (g.in_neighbors(v), g.in_weights(v)),
        };
        self.dist[s] = 0.0;
        self.scale = 1.0;
        match weighting {
            Weighting::Unweighted => {
                self.reached.push(s as u32);
                let mut head = 0;
                while head < self.reached.len() {
                    let v = self.reached[head] as usize;
                    head += 1;
                    let dv = self.dist[v] + 1.0;
                    for &w in row(v).0 {
                        if self.dist[w as usize] == f64::INFINITY {
                            self.dist[w as usize] = dv;
                            self.pred[w as usize] = v as u32;
                            self.reached.push(w);
                        }
                    }
                }
            }
            Weighting::Weighted => {
                let scale = g.length_scale();
                self.scale = scale;
                self.heap.push(Reverse((OrdF64(0.0), s as u32)));
                while let Some(Reverse((OrdF64(d), v))) = self.heap.pop() {
                    let v = v as usize;
                    if self.done[v] || d > self.dist[v] {
                        continue;
                    }
                    self.done[v] = true;
                    self.reached.push(v as u32);
                    let (nbrs, ws) = row(v);
                    for (&w, &len) in nbrs.iter().zip(ws) {
                        let nd = d + len * scale;
                        if !self.done[w as usize] && nd < self.dist[w as usize] {
                            self.dist[w as usize] = nd;
                            self.pred[w as usize] = v as u32;
                            self.heap.push(Reverse((OrdF64(nd), w)));
                        }
                    }
                }
            }
        }
    }

    /// Nodes reached by the last search, in order of distance.
    pub(crate) fn reached(&self) -> &[u32] {
        &self.reached
    }

    /// Distance of `v` in the last search: `INFINITY` when unreached, and also for a reached node
    /// whose distance exceeds `f64::MAX` (use [`Self::is_reached`] to tell them apart).
    pub(crate) fn dist(&self, v: usize) -> f64 {
        self.dist[v] / self.scale
    }

    /// Whether the last search reached `v`.
    pub(crate) fn is_reached(&self, v: usize) -> bool {
        self.dist[v] != f64::INFINITY
    }

    /// The path from the last source to `t` (both included), or `None` when unreached.
    pub(crate) fn path_to(&self, t: usize) -> Option<Vec<usize>> {
        if !self.is_reached(t) {
            return None;
        }
        let mut path = vec![t];
        let mut v = t;
        while self.pred[v] != u32::MAX {
            v = self.pred[v] as usize;
            path.push(v);
        }
        path.reverse();
        Some(path)
    }
}

/// Distances from `s` along out-edges (`None` when unreachable; `Some(INFINITY)` when reachable at a
/// distance beyond `f64::MAX`).
pub(crate) fn distances_from(g: &Csr, s: usize, weighting: Weighting) -> Vec<Option<f64>> {
    let mut se = Searcher::new(g.node_count());
    se.run(g, s, weighting, Follow::Out);
    (0..g.node_count())
        .map(|v| se.is_reached(v).then(|| se.dist(v)))
        .collect()
}

/// One shortest path from `s` to `t` (node sequence), or `None` when `t` is unreachable.
pub(crate) fn shortest_path(g: &Csr, s: usize, t: usize, weighting: Weighting) -> Option<Vec<usize>> {
    let mut se = Searcher::new(g.node_count());
    se.run(g, s, weighting, Follow::Out);
    se.path_to(t)
}

/// All-pairs distance matrix, row-major `n * n`, `None` when unreachable (networkx
/// `floyd_warshall_numpy` / `all_pairs_shortest_path_length`); `Some(INFINITY)` for a reachable pair
/// farther apart than `f64::MAX`.
pub(crate) fn distance_matrix(g: &Csr, weighting: Weighting) -> Vec<Option<f64>> {
    let n = g.node_count();
    let mut out = vec![None; n * n];
    let mut se = Searcher::new(n);
    for s in 0..n {
        se.run(g, s, weighting, Follow::Out);
        for &v in se.reached() {
            out[s * n + v as usize] = Some(se.dist(v as usize));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testdata::graphs;
    use super::*;

    #[test]
    fn paths_longer_than_f64_max_still_reach() {
        // 0 -> 1 -> 2 with lengths near f64::MAX: 2 is reachable at a distance beyond f64::MAX, and the
        // cheaper of two such paths is chosen (0 -> 3 -> 2 is longer still).
        let big = f64::MAX / 1.5;
        let g = Csr::from_edges(4, true, &[(0, 1, big), (1, 2, big), (0, 3, f64::MAX), (3, 2, f64::MAX)]);
        let d = distances_from(&g, 0, Weighting::Weighted);
        assert_eq!(d[1], Some(big));
        assert_eq!(d[2], Some(f64::INFINITY));
        assert_eq!(shortest_path(&g, 0, 2, Weighting::Weighted), Some(vec![0, 1, 2]));
        assert_eq!(distance_matrix(&g, Weighting::Weighted)[2], Some(f64::INFINITY));
        assert_eq!(distances_from(&g, 2, Weighting::Weighted)[0], None);
        // Lengths that sum to a finite total are exactly the unscaled sums.
        let h = Csr::from_edges(3, true, &[(0, 1, f64::MAX / 4.0), (1, 2, f64::MAX / 4.0)]);
        assert_eq!(distances_from(&h, 0, Weighting::Weighted)[2], Some(f64::MAX / 2.0));
    }

    #[test]
    fn distances_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            for (key, weighting) in [
                ("distances", Weighting::Unweighted),
                ("distances_weighted", Weighting::Weighted),
            ] {
                let theirs = &m[key];
                let ours = distance_matrix(&g, weighting);
                let n = g.node_count();
                for s in 0..n {
                    for t in 0..n {
                        let r = theirs[s][t].as_f64().unwrap_or(f64::INFINITY);
                        let o = ours[s * n + t].unwrap_or(f64::INFINITY);
                        assert!(
                            o == r || (o - r).abs() <= 1e-9 * r.abs().max(1.0),
                            "{name} {key} {s}->{t}: {o} vs {r}"
                        );
                    }
                }
                // Each returned path is a walk of the right length.
                let p = shortest_path(&g, 0, n - 1, weighting);
                assert_eq!(p.is_some(), ours[n - 1].is_some(), "{name}");
                if let Some(p) = p {
                    assert_eq!((p[0], *p.last().unwrap()), (0, n - 1));
                    let mut len = 0.0;
                    for e in p.windows(2) {
                        let i = g
                            .out_neighbors(e[0])
                            .binary_search(&(e[1] as u32))
                            .expect("edge on path");
                        len += if weighting == Weighting::Weighted {
                            g.out_weights(e[0])[i]
                        } else {
                            1.0
                        };
                    }
                    assert!((len - ours[n - 1].unwrap()).abs() <= 1e-9 * len.max(1.0));
                }
            }
        }
    }
}
