//! Clustering coefficients and transitivity of undirected graphs, networkx definitions.
//!
//! With `d(v)` the number of neighbours of `v` other than itself and `T(v)` the triangles through `v`:
//!
//! ```text
//! c(v) = 2 T(v) / (d(v) (d(v) - 1))            (0 when T(v) = 0)
//! c_w(v) = 2 / (d(v) (d(v) - 1)) * sum over triangles {v, j, k} of (w_vj w_jk w_kv)^(1/3)   (weights / max weight)
//! average = sum of c(v) / n
//! transitivity = 3 * triangles / connected triples = sum 2 T(v) / sum d(v) (d(v) - 1)
//! ```
//!
//! `O(sum over v of d(v)^2)` with a marker array reused across nodes. Self-loops are ignored.
//! Directed graphs are refused (networkx's directed variants are not implemented here).

use super::super::csr::Csr;
use super::Weighting;

/// Per node: (degree without self-loop, twice the (weighted) triangle sum).
fn triangles(g: &Csr, weighting: Weighting) -> Vec<(usize, f64)> {
    let n = g.node_count();
    let max_w = match weighting {
        Weighting::Unweighted => 1.0,
        Weighting::Weighted => {
            let m = (0..n)
                .flat_map(|v| g.out_weights(v).iter().copied())
                .fold(f64::NEG_INFINITY, f64::max);
            if m.is_finite() { m } else { 1.0 }
        }
    };
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

/// Local clustering of every node (networkx `clustering(G, weight=...)`); `None` for directed graphs.
pub(crate) fn clustering(g: &Csr, weighting: Weighting) -> Option<Vec<f64>> {
    if g.is_directed() {
        return None;
    }
    Some(
        triangles(g, weighting)
            .into_iter()
            .map(|(d, t)| {
                if t == 0.0 {
                    0.0
                } else {
                    t / (d as f64 * (d as f64 - 1.0))
                }
            })
            .collect(),
    )
}

/// Mean local clustering over all nodes, zeros included (networkx `average_clustering`; 0 for no nodes).
pub(crate) fn average_clustering(g: &Csr, weighting: Weighting) -> Option<f64> {
    let c = clustering(g, weighting)?;
    if c.is_empty() {
        return Some(0.0);
    }
    Some(c.iter().sum::<f64>() / c.len() as f64)
}

/// Global transitivity (networkx `transitivity`); `None` for directed graphs.
pub(crate) fn transitivity(g: &Csr) -> Option<f64> {
    if g.is_directed() {
        return None;
    }
    let (mut tri, mut triads) = (0.0, 0.0);
    for (d, t) in triangles(g, Weighting::Unweighted) {
        tri += t;
        triads += d as f64 * (d as f64 - 1.0);
    }
    Some(if tri == 0.0 { 0.0 } else { tri / triads })
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    #[test]
    fn clustering_matches_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            if g.is_directed() {
                assert!(clustering(&g, Weighting::Unweighted).is_none());
                continue;
            }
            assert_close(
                &name,
                &clustering(&g, Weighting::Unweighted).unwrap(),
                &floats(&m["clustering"]),
                1e-12,
            );
            assert_close(
                &name,
                &clustering(&g, Weighting::Weighted).unwrap(),
                &floats(&m["clustering_weighted"]),
                1e-9,
            );
            let avg = average_clustering(&g, Weighting::Unweighted).unwrap();
            assert!(
                (avg - m["average_clustering"].as_f64().unwrap()).abs() < 1e-12,
                "{name}"
            );
            let tr = transitivity(&g).unwrap();
            assert!((tr - m["transitivity"].as_f64().unwrap()).abs() < 1e-12, "{name}");
        }
    }
}
