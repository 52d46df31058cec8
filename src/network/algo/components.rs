//! Connected and strongly connected components, articulation points and bridges.
//!
//! All traversals are iterative (explicit stacks), so a path graph of millions of nodes cannot
//! overflow the call stack. For directed graphs, "connected" means weakly connected and articulation
//! points and bridges are those of the underlying undirected graph (networkx would ask for
//! `G.to_undirected()` first).

use super::super::csr::Csr;

/// Sentinel for "not yet visited".
const UNSEEN: u32 = u32::MAX;

/// The `i`-th neighbour of `v` ignoring direction (out-neighbours, then in-neighbours when directed).
fn und_len(g: &Csr, v: usize) -> usize {
    if g.is_directed() {
        g.out_neighbors(v).len() + g.in_neighbors(v).len()
    } else {
        g.out_neighbors(v).len()
    }
}

fn und_nbr(g: &Csr, v: usize, i: usize) -> usize {
    let out = g.out_neighbors(v);
    if i < out.len() {
        out[i] as usize
    } else {
        g.in_neighbors(v)[i - out.len()] as usize
    }
}

/// Component label of every node (labels `0..count` in order of their smallest node) and the count:
/// networkx `connected_components` (undirected) / `weakly_connected_components` (directed). `O(n + m)`.
pub(crate) fn connected_components(g: &Csr) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let mut label = vec![usize::MAX; n];
    let mut stack = Vec::new();
    let mut count = 0;
    for s in 0..n {
        if label[s] != usize::MAX {
            continue;
        }
        label[s] = count;
        stack.push(s);
        while let Some(v) = stack.pop() {
            for i in 0..und_len(g, v) {
                let w = und_nbr(g, v, i);
                if label[w] == usize::MAX {
                    label[w] = count;
                    stack.push(w);
                }
            }
        }
        count += 1;
    }
    (label, count)
}

/// Number of (weakly) connected components: networkx `number_connected_components`. `O(n + m)`.
pub(crate) fn component_count(g: &Csr) -> usize {
    connected_components(g).1
}

/// Strongly connected component label of every node and the count (Tarjan 1972, iterative):
/// networkx `strongly_connected_components` as a partition (labels in order of completion). For
/// undirected graphs these are the connected components. `O(n + m)`.
pub(crate) fn strongly_connected_components(g: &Csr) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut call: Vec<(usize, usize)> = Vec::new();
    let mut label = vec![usize::MAX; n];
    let mut counter = 0u32;
    let mut count = 0;
    for s in 0..n {
        if index[s] != UNSEEN {
            continue;
        }
        index[s] = counter;
        low[s] = counter;
        counter += 1;
        stack.push(s);
        on_stack[s] = true;
        call.push((s, 0));
        while let Some(frame) = call.last_mut() {
            let v = frame.0;
            let nbrs = g.out_neighbors(v);
            if frame.1 < nbrs.len() {
                let w = nbrs[frame.1] as usize;
                frame.1 += 1;
                if index[w] == UNSEEN {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some(&(p, _)) = call.last() {
                    low[p] = low[p].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        label[w] = count;
                        if w == v {
                            break;
                        }
                    }
                    count += 1;
                }
            }
        }
    }
    (label, count)
}

/// Articulation points (ascending) and bridges (`(u, v)` with `u < v`, ascending) of the underlying
/// undirected simple graph (Hopcroft and Tarjan 1973, iterative): the sets of networkx
/// `articulation_points` and `bridges`. Self-loops are ignored. `O(n + m)`.
pub(crate) fn articulation_points_and_bridges(g: &Csr) -> (Vec<usize>, Vec<(usize, usize)>) {
    let n = g.node_count();
    let mut disc = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut is_ap = vec![false; n];
    let mut bridges = Vec::new();
    // (node, parent, next neighbour position)
    let mut call: Vec<(usize, usize, usize)> = Vec::new();
    let mut counter = 0u32;
    for r in 0..n {
        if disc[r] != UNSEEN {
            continue;
        }
        disc[r] = counter;
        low[r] = counter;
        counter += 1;
        let mut root_children = 0;
        call.push((r, usize::MAX, 0));
        while let Some(frame) = call.last_mut() {
            let (v, parent) = (frame.0, frame.1);
            if frame.2 < und_len(g, v) {
                let w = und_nbr(g, v, frame.2);
                frame.2 += 1;
                if w == v || w == parent {
                    continue;
                }
                if disc[w] == UNSEEN {
                    disc[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    call.push((w, v, 0));
                } else {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                call.pop();
                if parent == usize::MAX {
                    continue;
                }
                low[parent] = low[parent].min(low[v]);
                if parent == r {
                    root_children += 1;
                } else if low[v] >= disc[parent] {
                    is_ap[parent] = true;
                }
                if low[v] > disc[parent] {
                    bridges.push((parent.min(v), parent.max(v)));
                }
            }
        }
        if root_children >= 2 {
            is_ap[r] = true;
        }
    }
    bridges.sort_unstable();
    ((0..n).filter(|&v| is_ap[v]).collect(), bridges)
}

#[cfg(test)]
mod tests {
    use super::super::testdata::graphs;
    use super::*;

    fn ints(v: &serde_json::Value) -> Vec<usize> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as usize)
            .collect()
    }

    #[test]
    fn components_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            assert_eq!(
                component_count(&g) as u64,
                m["component_count"].as_u64().unwrap(),
                "{name}"
            );
            let (ap, br) = articulation_points_and_bridges(&g);
            assert_eq!(ap, ints(&m["articulation_points"]), "{name}");
            let br_ref: Vec<(usize, usize)> = m["bridges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e[0].as_u64().unwrap() as usize, e[1].as_u64().unwrap() as usize))
                .collect();
            assert_eq!(br, br_ref, "{name}");
            if g.is_directed() {
                let (label, count) = strongly_connected_components(&g);
                assert_eq!(count as u64, m["scc_count"].as_u64().unwrap(), "{name}");
                // Same partition: nodes share a label iff networkx puts them together.
                let theirs = ints(&m["scc_label"]);
                for u in 0..g.node_count() {
                    for v in 0..g.node_count() {
                        assert_eq!(label[u] == label[v], theirs[u] == theirs[v], "{name}: {u} {v}");
                    }
                }
            }
        }
    }

    #[test]
    fn deep_path_does_not_overflow_the_stack() {
        let n = 200_000u32;
        let edges: Vec<(u32, u32, f64)> = (0..n - 1).map(|i| (i, i + 1, 1.0)).collect();
        let g = Csr::from_edges(n as usize, true, &edges);
        assert_eq!(strongly_connected_components(&g).1, n as usize);
        let (ap, br) = articulation_points_and_bridges(&g);
        assert_eq!(ap.len(), n as usize - 2);
        assert_eq!(br.len(), n as usize - 1);
    }
}
