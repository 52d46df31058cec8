//! k-core numbers (Batagelj and Zaversnik 2003), networkx `core_number`.
//!
//! The core number of `v` is the largest `k` such that `v` belongs to a subgraph whose nodes all have
//! degree at least `k`. Directed graphs use the total degree (in + out) and all neighbours, as networkx.
//! Bucket-sort peeling, `O(n + m)`. networkx refuses graphs with self-loops; here they are ignored
//! (the network builder refuses self-ties, so public networks never have them).

use super::super::csr::Csr;

/// Neighbours of `v` ignoring direction (a reciprocated pair appears twice for directed graphs), without `v`.
fn all_neighbors(g: &Csr, v: usize) -> impl Iterator<Item = usize> + '_ {
    let ins: &[u32] = if g.is_directed() { g.in_neighbors(v) } else { &[] };
    g.out_neighbors(v)
        .iter()
        .chain(ins)
        .map(|&u| u as usize)
        .filter(move |&u| u != v)
}

/// Core number of every node.
pub(crate) fn core_numbers(g: &Csr) -> Vec<usize> {
    let n = g.node_count();
    let mut deg: Vec<usize> = (0..n).map(|v| all_neighbors(g, v).count()).collect();
    let max_deg = deg.iter().copied().max().unwrap_or(0);
    // bin[d] = start of the block of nodes with current degree d in `vert`.
    let mut bin = vec![0usize; max_deg + 2];
    for &d in &deg {
        bin[d + 1] += 1;
    }
    for d in 0..=max_deg {
        bin[d + 1] += bin[d];
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    let mut next = bin.clone();
    for v in 0..n {
        pos[v] = next[deg[v]];
        vert[pos[v]] = v;
        next[deg[v]] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        for u in all_neighbors(g, v) {
            if deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}

#[cfg(test)]
mod tests {
    use super::super::testdata::graphs;
    use super::*;

    #[test]
    fn core_numbers_match_networkx() {
        for (name, g, case) in graphs() {
            let r = &case["measures"]["core_number"];
            // networkx refuses self-loops (null in the file).
            if let Some(theirs) = r.as_array() {
                let theirs: Vec<usize> = theirs.iter().map(|x| x.as_u64().unwrap() as usize).collect();
                assert_eq!(core_numbers(&g), theirs, "{name}");
            }
        }
    }

    #[test]
    fn self_loops_are_ignored() {
        let with = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (1, 1, 1.0)]);
        let without = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]);
        assert_eq!(core_numbers(&with), core_numbers(&without));
    }
}
