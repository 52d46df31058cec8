//! Degree, in- and out-degree, strength, degree centrality and density (networkx definitions).
//!
//! A self-loop adds 2 to the degree of its node in an undirected graph and 1 to each of the in- and
//! out-degree in a directed graph, as networkx `G.degree`.

use super::super::csr::Csr;
use super::Weighting;

/// Which edges of a node are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Direction {
    /// Outgoing edges (all edges in an undirected graph).
    Out,
    /// Incoming edges (all edges in an undirected graph).
    In,
    /// Both (in + out for directed graphs; the degree for undirected graphs).
    Both,
}

/// Sum of `1` (or of the weights) over one row, a self-loop counted twice in undirected graphs.
fn row_sum(g: &Csr, v: usize, incoming: bool, weighting: Weighting) -> f64 {
    let (nbrs, ws) = if incoming {
        (g.in_neighbors(v), g.in_weights(v))
    } else {
        (g.out_neighbors(v), g.out_weights(v))
    };
    let mut s = 0.0;
    for (&u, &w) in nbrs.iter().zip(ws) {
        let w = match weighting {
            Weighting::Unweighted => 1.0,
            Weighting::Weighted => w,
        };
        s += if !g.is_directed() && u as usize == v {
            2.0 * w
        } else {
            w
        };
    }
    s
}

/// Degree (or strength when weighted) of every node: networkx `G.degree(weight=...)`,
/// `G.in_degree`, `G.out_degree`. `O(n + m)`.
pub(crate) fn degree(g: &Csr, direction: Direction, weighting: Weighting) -> Vec<f64> {
    (0..g.node_count())
        .map(|v| {
            if !g.is_directed() {
                return row_sum(g, v, false, weighting);
            }
            match direction {
                Direction::Out => row_sum(g, v, false, weighting),
                Direction::In => row_sum(g, v, true, weighting),
                Direction::Both => row_sum(g, v, false, weighting) + row_sum(g, v, true, weighting),
            }
        })
        .collect()
}

/// Degree centrality `deg(v) / (n - 1)`: networkx `degree_centrality`, `in_degree_centrality`,
/// `out_degree_centrality` (all 1 when `n == 1`, as networkx). `O(n + m)`.
pub(crate) fn degree_centrality(g: &Csr, direction: Direction) -> Vec<f64> {
    let n = g.node_count();
    if n <= 1 {
        return vec![1.0; n];
    }
    let s = 1.0 / (n - 1) as f64;
    degree(g, direction, Weighting::Unweighted)
        .into_iter()
        .map(|d| d * s)
        .collect()
}

/// Density: `2m / (n (n - 1))` undirected, `m / (n (n - 1))` directed, 0 for `n <= 1` (networkx
/// `density`; self-loops count in `m`). `O(n)`.
pub(crate) fn density(g: &Csr) -> f64 {
    let n = g.node_count() as f64;
    let m = g.edge_count() as f64;
    if n <= 1.0 {
        return 0.0;
    }
    if g.is_directed() {
        m / (n * (n - 1.0))
    } else {
        2.0 * m / (n * (n - 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    #[test]
    fn degrees_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            assert_close(
                &name,
                &degree(&g, Direction::Both, Weighting::Unweighted),
                &floats(&m["degree"]),
                1e-12,
            );
            assert_close(
                &name,
                &degree(&g, Direction::Both, Weighting::Weighted),
                &floats(&m["strength"]),
                1e-9,
            );
            assert_close(
                &name,
                &degree_centrality(&g, Direction::Both),
                &floats(&m["degree_centrality"]),
                1e-12,
            );
            if g.is_directed() {
                assert_close(
                    &name,
                    &degree(&g, Direction::In, Weighting::Unweighted),
                    &floats(&m["in_degree"]),
                    0.0,
                );
                assert_close(
                    &name,
                    &degree(&g, Direction::Out, Weighting::Unweighted),
                    &floats(&m["out_degree"]),
                    0.0,
                );
            }
            let d = m["density"].as_f64().unwrap();
            assert!((density(&g) - d).abs() < 1e-12, "{name}: density");
        }
    }

    #[test]
    fn self_loop_counts_twice_undirected() {
        // networkx: G = nx.Graph([(0, 0), (0, 1)]); G.degree(0) == 3.
        let g = Csr::from_edges(2, false, &[(0, 0, 1.0), (0, 1, 1.0)]);
        assert_eq!(degree(&g, Direction::Both, Weighting::Unweighted), vec![3.0, 1.0]);
    }
}
