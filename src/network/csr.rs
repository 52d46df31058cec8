//! Compressed sparse row storage shared by the network model and its algorithms.
//!
//! Node indices are `0..n` (they are `ActorId::index()` values). Each node's
//! neighbours are a contiguous slice, sorted by neighbour index, with a parallel
//! slice of weights. A directed graph stores its out-edges and its in-edges; an
//! undirected graph stores each edge `{u, v}` once in `u`'s row and once in `v`'s
//! row (a self-loop `{v, v}` appears once in `v`'s row), and its in-rows are its
//! out-rows.

/// A weighted graph in compressed sparse row form, in both directions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Csr {
    directed: bool,
    out_offsets: Vec<usize>,
    out_targets: Vec<u32>,
    out_weights: Vec<f64>,
    /// Empty for undirected graphs: the in-rows are the out-rows.
    in_offsets: Vec<usize>,
    in_sources: Vec<u32>,
    in_weights: Vec<f64>,
    /// A power of two by which weights are multiplied when summed as lengths, so that no path length
    /// (nor a sum of `n` of them) overflows; 1 unless the weights are near `f64::MAX`.
    length_scale: f64,
}

/// The largest power of two `2^-k` (`k >= 0`) such that `n` times the sum of all `weights`, each
/// multiplied by it, stays finite: every simple path uses an edge at most once, so no path length and no
/// sum of `n` path lengths can overflow. Multiplying by a power of two is exact (away from subnormals),
/// so where nothing overflows unscaled, scaled sums compare exactly as unscaled ones.
fn length_scale(n: usize, weights: &[f64]) -> f64 {
    let max = weights.iter().fold(0.0f64, |m, &w| m.max(w));
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    // sum * n <= max * m * n; compare in log2 to avoid overflowing the estimate itself.
    let log2 = max.log2() + (weights.len().max(1) as f64).log2() + (n.max(1) as f64).log2();
    let excess = log2 - 1022.0;
    if excess <= 0.0 {
        1.0
    } else {
        2f64.powi(-(excess.ceil() as i32 + 1))
    }
}

/// Builds one direction's rows from `(row, col, weight)` triples.
fn rows(n: usize, triples: impl Iterator<Item = (u32, u32, f64)> + Clone) -> (Vec<usize>, Vec<u32>, Vec<f64>) {
    let mut offsets = vec![0usize; n + 1];
    for (r, _, _) in triples.clone() {
        offsets[r as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let m = offsets[n];
    let mut cursor = offsets.clone();
    let mut cols = vec![0u32; m];
    let mut weights = vec![0.0f64; m];
    for (r, c, w) in triples {
        let at = cursor[r as usize];
        cols[at] = c;
        weights[at] = w;
        cursor[r as usize] += 1;
    }
    // Sort each row by neighbour index so that rows are canonical (independent of insertion order).
    let mut pairs: Vec<(u32, f64)> = Vec::new();
    for i in 0..n {
        let (a, b) = (offsets[i], offsets[i + 1]);
        if cols[a..b].windows(2).all(|w| w[0] <= w[1]) {
            continue;
        }
        pairs.clear();
        pairs.extend(cols[a..b].iter().copied().zip(weights[a..b].iter().copied()));
        pairs.sort_by_key(|p| p.0);
        for (k, (c, w)) in pairs.iter().enumerate() {
            cols[a + k] = *c;
            weights[a + k] = *w;
        }
    }
    (offsets, cols, weights)
}

impl Csr {
    /// Builds a graph on nodes `0..n` from distinct edges `(u, v, weight)`.
    ///
    /// The caller guarantees: every endpoint is `< n`, `n <= u32::MAX`, and no
    /// edge is given twice (for undirected graphs, not as `(u, v)` and `(v, u)`
    /// either). Weights are stored as given.
    pub(crate) fn from_edges(n: usize, directed: bool, edges: &[(u32, u32, f64)]) -> Self {
        debug_assert!(u32::try_from(n).is_ok());
        debug_assert!(edges.iter().all(|&(u, v, _)| (u as usize) < n && (v as usize) < n));
        if directed {
            let (out_offsets, out_targets, out_weights) = rows(n, edges.iter().copied());
            let (in_offsets, in_sources, in_weights) = rows(n, edges.iter().map(|&(u, v, w)| (v, u, w)));
            Self {
                directed,
                length_scale: length_scale(n, &out_weights),
                out_offsets,
                out_targets,
                out_weights,
                in_offsets,
                in_sources,
                in_weights,
            }
        } else {
            let both = edges
                .iter()
                .copied()
                .flat_map(|(u, v, w)| [Some((u, v, w)), (u != v).then_some((v, u, w))])
                .flatten();
            let (out_offsets, out_targets, out_weights) = rows(n, both);
            Self {
                directed,
                length_scale: length_scale(n, &out_weights),
                out_offsets,
                out_targets,
                out_weights,
                in_offsets: Vec::new(),
                in_sources: Vec::new(),
                in_weights: Vec::new(),
            }
        }
    }

    /// Number of nodes.
    pub(crate) fn node_count(&self) -> usize {
        self.out_offsets.len() - 1
    }

    /// Number of edges (an undirected edge counts once).
    pub(crate) fn edge_count(&self) -> usize {
        if self.directed {
            self.out_targets.len()
        } else {
            let loops = (0..self.node_count())
                .filter(|&v| self.out_neighbors(v).binary_search(&(v as u32)).is_ok())
                .count();
            (self.out_targets.len() - loops) / 2 + loops
        }
    }

    /// The power of two by which path searches multiply weights used as lengths (see [`length_scale`]):
    /// 1 unless sums of weights could overflow.
    pub(crate) fn length_scale(&self) -> f64 {
        self.length_scale
    }

    /// Whether edges have a direction.
    pub(crate) fn is_directed(&self) -> bool {
        self.directed
    }

    /// Successors of `v` (all neighbours for undirected graphs), sorted.
    pub(crate) fn out_neighbors(&self, v: usize) -> &[u32] {
        &self.out_targets[self.out_offsets[v]..self.out_offsets[v + 1]]
    }

    /// Weights parallel to [`Self::out_neighbors`].
    pub(crate) fn out_weights(&self, v: usize) -> &[f64] {
        &self.out_weights[self.out_offsets[v]..self.out_offsets[v + 1]]
    }

    /// Predecessors of `v` (all neighbours for undirected graphs), sorted.
    pub(crate) fn in_neighbors(&self, v: usize) -> &[u32] {
        if self.directed {
            &self.in_sources[self.in_offsets[v]..self.in_offsets[v + 1]]
        } else {
            self.out_neighbors(v)
        }
    }

    /// Weights parallel to [`Self::in_neighbors`].
    pub(crate) fn in_weights(&self, v: usize) -> &[f64] {
        if self.directed {
            &self.in_weights[self.in_offsets[v]..self.in_offsets[v + 1]]
        } else {
            self.out_weights(v)
        }
    }

    /// The same nodes with every edge touching a node `v` with `removed[v]` dropped.
    ///
    /// Node indices are kept, so results stay indexed by `ActorId::index()`;
    /// removed nodes become isolated.
    pub(crate) fn without_nodes(&self, removed: &[bool]) -> Self {
        let n = self.node_count();
        let mut edges = Vec::new();
        for u in 0..n {
            if removed[u] {
                continue;
            }
            for (&v, &w) in self.out_neighbors(u).iter().zip(self.out_weights(u)) {
                if !removed[v as usize] && (self.directed || u as u32 <= v) {
                    edges.push((u as u32, v, w));
                }
            }
        }
        Self::from_edges(n, self.directed, &edges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undirected_rows_are_symmetric_and_sorted() {
        let g = Csr::from_edges(4, false, &[(2, 0, 1.0), (0, 1, 2.0), (3, 3, 0.5)]);
        assert_eq!(g.node_count(), 4);
        assert_eq!(g.edge_count(), 3);
        assert_eq!(g.out_neighbors(0), &[1, 2]);
        assert_eq!(g.out_weights(0), &[2.0, 1.0]);
        assert_eq!(g.in_neighbors(2), &[0]);
        assert_eq!(g.out_neighbors(3), &[3]);
    }

    #[test]
    fn directed_rows_have_both_directions() {
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (2, 1, 3.0)]);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.out_neighbors(1), &[] as &[u32]);
        assert_eq!(g.in_neighbors(1), &[0, 2]);
        assert_eq!(g.in_weights(1), &[1.0, 3.0]);
    }

    #[test]
    fn length_scale_is_one_unless_sums_could_overflow() {
        assert_eq!(
            Csr::from_edges(3, false, &[(0, 1, 1e300), (1, 2, 0.5)]).length_scale(),
            1.0
        );
        let g = Csr::from_edges(3, false, &[(0, 1, f64::MAX), (1, 2, f64::MAX)]);
        let s = g.length_scale();
        assert!(s < 1.0 && s.log2().fract() == 0.0, "{s}");
        let total: f64 = (0..3).flat_map(|v| g.out_weights(v)).map(|w| w * s).sum();
        assert!((total * 3.0).is_finite());
    }

    #[test]
    fn removing_nodes_keeps_indices() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let h = g.without_nodes(&[false, true, false]);
        assert_eq!(h.node_count(), 3);
        assert_eq!(h.edge_count(), 0);
    }
}
