//! Key-player fragmentation (Borgatti 2006, "Identifying sets of key players in a social network").
//!
//! After removing a set of nodes, on the `n'` remaining nodes with components of sizes `s_k` and
//! hop distances `d_ij` (unreachable: `1 / d = 0`):
//!
//! ```text
//! F  = 1 - sum_k s_k (s_k - 1) / (n' (n' - 1))
//! DF = 1 - sum over ordered pairs i != j of (1 / d_ij) / (n' (n' - 1))
//! ```
//!
//! Both are 1 when fewer than two nodes remain. Components ignore direction; distances follow out-edges.
//! `F` costs `O(n + m)`, `DF` `O(n (n + m))`. Greedy selection adds, `k` times, the node whose removal
//! gives the largest value (ties: lowest index): `O(k n)` evaluations (Borgatti's swap optimisation is
//! not run).

use super::super::csr::Csr;

/// Which key-player measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Fragmentation {
    /// Share of node pairs that cannot reach each other (`F`).
    Pairs,
    /// One minus the mean reciprocal distance (`DF`).
    DistanceWeighted,
}

/// `F` or `DF` of the graph without the nodes flagged in `removed`.
pub(crate) fn fragmentation(g: &Csr, removed: &[bool], measure: Fragmentation) -> f64 {
    let n = g.node_count();
    let left = removed.iter().filter(|&&r| !r).count();
    if left < 2 {
        return 1.0;
    }
    let pairs = left as f64 * (left as f64 - 1.0);
    let mut seen = vec![u32::MAX; n];
    let mut dist = vec![0u32; n];
    let mut queue: Vec<usize> = Vec::with_capacity(n);
    let mut sum = 0.0;
    match measure {
        Fragmentation::Pairs => {
            for s in 0..n {
                if removed[s] || seen[s] != u32::MAX {
                    continue;
                }
                seen[s] = s as u32;
                queue.clear();
                queue.push(s);
                let mut head = 0;
                while head < queue.len() {
                    let v = queue[head];
                    head += 1;
                    let ins: &[u32] = if g.is_directed() { g.in_neighbors(v) } else { &[] };
                    for &w in g.out_neighbors(v).iter().chain(ins) {
                        let w = w as usize;
                        if !removed[w] && seen[w] == u32::MAX {
                            seen[w] = s as u32;
                            queue.push(w);
                        }
                    }
                }
                let size = queue.len() as f64;
                sum += size * (size - 1.0);
            }
        }
        Fragmentation::DistanceWeighted => {
            for s in 0..n {
                if removed[s] {
                    continue;
                }
                seen[s] = s as u32;
                dist[s] = 0;
                queue.clear();
                queue.push(s);
                let mut head = 0;
                while head < queue.len() {
                    let v = queue[head];
                    head += 1;
                    for &w in g.out_neighbors(v) {
                        let w = w as usize;
                        if !removed[w] && seen[w] != s as u32 {
                            seen[w] = s as u32;
                            dist[w] = dist[v] + 1;
                            sum += 1.0 / f64::from(dist[w]);
                            queue.push(w);
                        }
                    }
                }
            }
        }
    }
    1.0 - sum / pairs
}

/// Greedy key-player set of size `k` (at most `n`) and the value after removing it.
pub(crate) fn greedy_key_players(g: &Csr, k: usize, measure: Fragmentation) -> (Vec<usize>, f64) {
    let n = g.node_count();
    let mut removed = vec![false; n];
    let mut chosen = Vec::new();
    let mut value = fragmentation(g, &removed, measure);
    for _ in 0..k.min(n) {
        let mut best: Option<(usize, f64)> = None;
        for v in 0..n {
            if removed[v] {
                continue;
            }
            removed[v] = true;
            let f = fragmentation(g, &removed, measure);
            removed[v] = false;
            if best.is_none_or(|(_, b)| f > b) {
                best = Some((v, f));
            }
        }
        let Some((v, f)) = best else { break };
        removed[v] = true;
        chosen.push(v);
        value = f;
    }
    (chosen, value)
}

#[cfg(test)]
mod tests {
    use super::super::testdata::graphs;
    use super::*;

    #[test]
    fn fragmentation_matches_direct_python_computation() {
        // tests/reference-scripts/networkx_measures.py computes F and DF directly with networkx
        // (connected components and all-pairs shortest path lengths) for the listed removals.
        for (name, g, case) in graphs() {
            let Some(cases) = case["measures"].get("keyplayer") else {
                continue;
            };
            for c in cases.as_array().unwrap() {
                let mut removed = vec![false; g.node_count()];
                for r in c["removed"].as_array().unwrap() {
                    removed[r.as_u64().unwrap() as usize] = true;
                }
                let f = fragmentation(&g, &removed, Fragmentation::Pairs);
                let df = fragmentation(&g, &removed, Fragmentation::DistanceWeighted);
                assert!((f - c["F"].as_f64().unwrap()).abs() < 1e-12, "{name} F");
                assert!((df - c["DF"].as_f64().unwrap()).abs() < 1e-12, "{name} DF");
            }
            if let Some(gr) = case["measures"].get("keyplayer_greedy") {
                let k = gr["k"].as_u64().unwrap() as usize;
                let (set, f) = greedy_key_players(&g, k, Fragmentation::Pairs);
                let theirs: Vec<usize> = gr["set"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect();
                assert_eq!(set, theirs, "{name} greedy set");
                assert!((f - gr["F"].as_f64().unwrap()).abs() < 1e-12);
            }
        }
    }
}
