//! k-core numbers (Batagelj and Zaversnik 2003), networkx `core_number`.
//!
//! The core number of `v` is the largest `k` such that `v` belongs to a subgraph whose nodes all have
//! degree at least `k`. Directed graphs use the total degree (in + out) and all neighbours, as networkx.
//! Bucket-sort peeling, `O(n + m)`.

use super::super::csr::Csr;

/// A self-loop at `node`: networkx refuses graphs with self-loops for core numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SelfLoop {
    /// The node with a self-loop.
    pub(crate) node: usize,
}

/// Neighbours of `v` ignoring direction (a reciprocated pair appears twice for directed graphs).
fn all_neighbors(g: &Csr, v: usize) -> impl Iterator<Item = usize> + '_ {
    let ins: &[u32] = if g.is_directed() { g.in_neighbors(v) } else { &[] };
    g.out_neighbors(v).iter().chain(ins).map(|&u| u as usize)
}

/// Core number of every node.
pub(crate) fn core_numbers(g: &Csr) -> Result<Vec<usize>, SelfLoop> {
    let n = g.node_count();
    if let Some(node) = (0..n).find(|&v| g.out_neighbors(v).binary_search(&(v as u32)).is_ok()) {
        return Err(SelfLoop { node });
    }
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
    Ok(deg)
}

#[cfg(test)]
mod tests {
    use super::super::testdata::graphs;
    use super::*;

    #[test]
    fn core_numbers_match_networkx() {
        for (name, g, case) in graphs() {
            let r = &case["measures"]["core_number"];
            match core_numbers(&g) {
                Ok(c) => {
                    let theirs: Vec<usize> = r
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap() as usize)
                        .collect();
                    assert_eq!(c, theirs, "{name}");
                }
                Err(e) => assert!(r.is_null(), "{name}: {e:?}"),
            }
        }
    }

    #[test]
    fn self_loops_are_refused() {
        let g = Csr::from_edges(2, false, &[(0, 1, 1.0), (1, 1, 1.0)]);
        assert_eq!(core_numbers(&g), Err(SelfLoop { node: 1 }));
    }
}
