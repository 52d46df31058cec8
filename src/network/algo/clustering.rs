//! Clustering coefficients and transitivity, networkx 3.6 definitions.
//!
//! Undirected, with `d(v)` the number of neighbours of `v` other than itself and `T(v)` the triangles
//! through `v`:
//!
//! ```text
//! c(v) = 2 T(v) / (d(v) (d(v) - 1))            (0 when T(v) = 0)
//! c_w(v) = 2 / (d(v) (d(v) - 1)) * sum over triangles {v, j, k} of (w_vj w_jk w_kv)^(1/3)   (weights / max weight)
//! average = sum of c(v) / n
//! transitivity = 3 * triangles / connected triples = sum 2 T(v) / sum d(v) (d(v) - 1)
//! ```
//!
//! Directed (Fagiolo 2007, networkx `clustering` on a `DiGraph`), with `A` the adjacency matrix without
//! self-loops (`W` the weights divided by the largest weight, and `W^[1/3]` their cube roots, when
//! weighted), `d_tot(v)` the in- plus out-degree and `d_bi(v)` the number of reciprocated neighbours:
//!
//! ```text
//! T(v) = ((A + A^T)^3)_vv / 2        (weighted: ((W^[1/3] + W^[1/3]T)^3)_vv / 2)
//! c(v) = T(v) / (d_tot(v) (d_tot(v) - 1) - 2 d_bi(v))          (0 when T(v) = 0)
//! ```
//!
//! Directed transitivity is networkx's `transitivity` applied to a `DiGraph`: its triangle count runs over
//! successors only, so it is the share of out-two-stars `v -> j`, `v -> k` (`j != k`) closed by an arc
//! `j -> k`: `sum over v of #{(j, k) in S(v)^2 : j -> k} / sum over v of |S(v)| (|S(v)| - 1)`, with `S(v)`
//! the successors of `v` other than itself.
//!
//! `O(sum over v of d(v)^2)` with marker arrays reused across nodes. Self-loops are ignored (their weight
//! still counts for the largest weight, as in networkx).

use super::super::csr::Csr;
use super::Weighting;

/// Per node: (degree without self-loop, twice the (weighted) triangle sum).
fn triangles(g: &Csr, weighting: Weighting) -> Vec<(usize, f64)> {
    let n = g.node_count();
    let max_w = max_weight(g, weighting);
    let mut mark = vec![usize::MAX; n];
    let mut wmark = vec![0.0; n];
    (0..n)
        .map(|i| {
            let mut d = 0;
            for (&u, &w) in g.out_neighbors(i).iter().zip(g.out_weights(i)) {
                if u as usize != i {
                    mark[u as usize] = i;
                    wmark[u as usize] = w / max_w;
                    d += 1;
                }
            }
            let mut t = 0.0;
            for &j in g.out_neighbors(i) {
                let j = j as usize;
                if j == i {
                    continue;
                }
                for (&k, &wjk) in g.out_neighbors(j).iter().zip(g.out_weights(j)) {
                    let k = k as usize;
                    if k > j && k != i && mark[k] == i {
                        t += match weighting {
                            Weighting::Unweighted => 1.0,
                            Weighting::Weighted => (wmark[j] * (wjk / max_w) * wmark[k]).cbrt(),
                        };
                    }
                }
            }
            (d, 2.0 * t)
        })
        .collect()
}

/// The largest edge weight (1 when unweighted or without edges), networkx's `max_weight`.
fn max_weight(g: &Csr, weighting: Weighting) -> f64 {
    match weighting {
        Weighting::Unweighted => 1.0,
        Weighting::Weighted => {
            let m = (0..g.node_count())
                .flat_map(|v| g.out_weights(v).iter().copied())
                .fold(f64::NEG_INFINITY, f64::max);
            if m.is_finite() { m } else { 1.0 }
        }
    }
}

/// Directed clustering of every node (networkx `_directed_triangles_and_degree_iter` and its weighted
/// twin, then `t / (2 (d_tot (d_tot - 1) - 2 d_bi))`).
fn directed_clustering(g: &Csr, weighting: Weighting) -> Vec<f64> {
    let n = g.node_count();
    let max_w = max_weight(g, weighting);
    // Stamps: in_mark[k] == i when k -> i, out_mark[k] == i when i -> k (k != i), with the scaled weights.
    let mut in_mark = vec![usize::MAX; n];
    let mut out_mark = vec![usize::MAX; n];
    let mut w_in = vec![0.0; n];
    let mut w_out = vec![0.0; n];
    (0..n)
        .map(|i| {
            let (mut d_in, mut d_out, mut d_bi) = (0usize, 0usize, 0usize);
            for (&k, &w) in g.in_neighbors(i).iter().zip(g.in_weights(i)) {
                if k as usize != i {
                    in_mark[k as usize] = i;
                    w_in[k as usize] = w / max_w;
                    d_in += 1;
                }
            }
            for (&k, &w) in g.out_neighbors(i).iter().zip(g.out_weights(i)) {
                if k as usize != i {
                    out_mark[k as usize] = i;
                    w_out[k as usize] = w / max_w;
                    d_out += 1;
                    if in_mark[k as usize] == i {
                        d_bi += 1;
                    }
                }
            }
            let mut t = 0.0;
            // Every j adjacent to i (once as a predecessor, once more as a successor), then every k
            // adjacent to both: one term per (i-j arc, i-k arc, j-k arc) combination.
            let preds = g.in_neighbors(i).iter().map(|&j| (j as usize, true));
            let succs = g.out_neighbors(i).iter().map(|&j| (j as usize, false));
            for (j, j_is_pred) in preds.chain(succs) {
                if j == i {
                    continue;
                }
                let w_ij = if j_is_pred { w_in[j] } else { w_out[j] };
                let sides = [
                    (g.in_neighbors(j), g.in_weights(j)),
                    (g.out_neighbors(j), g.out_weights(j)),
                ];
                for (ks, ws) in sides {
                    for (&k, &w_jk) in ks.iter().zip(ws) {
                        let k = k as usize;
                        if k == j {
                            continue;
                        }
                        for (marked, w_ik) in [(in_mark[k] == i, w_in[k]), (out_mark[k] == i, w_out[k])] {
                            if marked {
                                t += match weighting {
                                    Weighting::Unweighted => 1.0,
                                    Weighting::Weighted => (w_ij * w_ik * (w_jk / max_w)).cbrt(),
                                };
                            }
                        }
                    }
                }
            }
            if t == 0.0 {
                0.0
            } else {
                let d_tot = (d_in + d_out) as f64;
                t / (2.0 * (d_tot * (d_tot - 1.0) - 2.0 * d_bi as f64))
            }
        })
        .collect()
}

/// Local clustering of every node (networkx `clustering(G, weight=...)`, directed or not).
pub(crate) fn clustering(g: &Csr, weighting: Weighting) -> Vec<f64> {
    if g.is_directed() {
        return directed_clustering(g, weighting);
    }
    triangles(g, weighting)
        .into_iter()
        .map(|(d, t)| {
            if t == 0.0 {
                0.0
            } else {
                t / (d as f64 * (d as f64 - 1.0))
            }
        })
        .collect()
}

/// Mean local clustering over all nodes, zeros included (networkx `average_clustering`; 0 for no nodes).
pub(crate) fn average_clustering(g: &Csr, weighting: Weighting) -> f64 {
    let c = clustering(g, weighting);
    if c.is_empty() {
        return 0.0;
    }
    c.iter().sum::<f64>() / c.len() as f64
}

/// Global transitivity (networkx `transitivity`; for directed graphs over successors, see the module docs).
pub(crate) fn transitivity(g: &Csr) -> f64 {
    let (mut tri, mut triads) = (0.0, 0.0);
    if g.is_directed() {
        let n = g.node_count();
        let mut mark = vec![usize::MAX; n];
        for v in 0..n {
            let mut d = 0usize;
            for &j in g.out_neighbors(v) {
                if j as usize != v {
                    mark[j as usize] = v;
                    d += 1;
                }
            }
            for &j in g.out_neighbors(v) {
                let j = j as usize;
                if j == v {
                    continue;
                }
                for &k in g.out_neighbors(j) {
                    if k as usize != j && mark[k as usize] == v {
                        tri += 1.0;
                    }
                }
            }
            triads += d as f64 * (d as f64 - 1.0);
        }
    } else {
        for (d, t) in triangles(g, Weighting::Unweighted) {
            tri += t;
            triads += d as f64 * (d as f64 - 1.0);
        }
    }
    if tri == 0.0 { 0.0 } else { tri / triads }
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs, graphs_in};
    use super::*;

    #[test]
    fn clustering_matches_networkx() {
        // Directed graphs too: Fagiolo 2007 clustering and networkx's successor-only transitivity; the
        // `directed_clustering` case has reciprocated arcs, real weights and self-loops.
        for (name, g, case) in graphs().into_iter().chain(graphs_in("directed_clustering")) {
            let m = &case["measures"];
            assert_close(
                &name,
                &clustering(&g, Weighting::Unweighted),
                &floats(&m["clustering"]),
                1e-12,
            );
            assert_close(
                &name,
                &clustering(&g, Weighting::Weighted),
                &floats(&m["clustering_weighted"]),
                1e-9,
            );
            let avg = average_clustering(&g, Weighting::Unweighted);
            assert!(
                (avg - m["average_clustering"].as_f64().unwrap()).abs() < 1e-12,
                "{name}"
            );
            let avg = average_clustering(&g, Weighting::Weighted);
            assert!(
                (avg - m["average_clustering_weighted"].as_f64().unwrap()).abs() < 1e-9,
                "{name}"
            );
            let tr = transitivity(&g);
            assert!((tr - m["transitivity"].as_f64().unwrap()).abs() < 1e-12, "{name}");
        }
    }

    #[test]
    fn directed_three_cycle_with_a_reciprocal_arc() {
        // networkx 3.6.1: G = DiGraph([(0, 1), (1, 2), (2, 0), (0, 2)]); clustering(G) gives
        // {0: 0.5, 1: 1.0, 2: 0.5} and transitivity(G) 0.5.
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (0, 2, 1.0)]);
        assert_eq!(clustering(&g, Weighting::Unweighted), vec![0.5, 1.0, 0.5]);
        assert_eq!(transitivity(&g), 0.5);
        let empty = Csr::from_edges(0, true, &[]);
        assert!(clustering(&empty, Weighting::Weighted).is_empty());
        assert_eq!(average_clustering(&empty, Weighting::Unweighted), 0.0);
        assert_eq!(transitivity(&empty), 0.0);
    }
}
