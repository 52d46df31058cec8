//! Gould–Fernandez brokerage roles (Gould and Fernandez 1989), as R `sna::brokerage` counts them.
//!
//! Node `b` brokers the ordered pair `(a, c)` when `a -> b -> c`, `a != c` and there is no edge `a -> c`.
//! With `g(.)` the group of a node, each such two-path is one of five roles of `b`:
//!
//! | role | groups |
//! |---|---|
//! | coordinator | `g(a) = g(b) = g(c)` |
//! | itinerant (consultant) | `g(a) = g(c) != g(b)` |
//! | gatekeeper | `g(a) != g(b) = g(c)` |
//! | representative | `g(a) = g(b) != g(c)` |
//! | liaison | `g(a), g(b), g(c)` all different |
//!
//! Undirected edges count in both directions. Self-loops are ignored. `O(sum over b of din(b) dout(b) log d)`.

use super::super::csr::Csr;

/// Brokerage counts of one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BrokerageRoles {
    /// Two-paths inside one group.
    pub coordinator: u64,
    /// Two-paths between two members of one group through an outsider.
    pub itinerant: u64,
    /// Two-paths into the broker's group from outside.
    pub gatekeeper: u64,
    /// Two-paths from the broker's group to outside.
    pub representative: u64,
    /// Two-paths joining three different groups.
    pub liaison: u64,
}

impl BrokerageRoles {
    /// Sum of the five roles: all brokered two-paths.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.coordinator + self.itinerant + self.gatekeeper + self.representative + self.liaison
    }
}

/// Roles of every node given `group[v]` for every node (`group.len() == n`).
pub(crate) fn brokerage(g: &Csr, group: &[usize]) -> Vec<BrokerageRoles> {
    let n = g.node_count();
    (0..n)
        .map(|b| {
            let mut r = BrokerageRoles::default();
            for &a in g.in_neighbors(b) {
                let a = a as usize;
                if a == b {
                    continue;
                }
                let a_out = g.out_neighbors(a);
                for &c in g.out_neighbors(b) {
                    let c = c as usize;
                    if c == b || c == a || a_out.binary_search(&(c as u32)).is_ok() {
                        continue;
                    }
                    let (ga, gb, gc) = (group[a], group[b], group[c]);
                    match (ga == gb, gb == gc, ga == gc) {
                        (true, true, _) => r.coordinator += 1,
                        (false, false, true) => r.itinerant += 1,
                        (false, true, _) => r.gatekeeper += 1,
                        (true, false, _) => r.representative += 1,
                        (false, false, false) => r.liaison += 1,
                    }
                }
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testdata::reference;
    use super::*;

    #[test]
    fn matches_the_naive_python_reference() {
        // tests/reference-scripts/networkx_measures.py: a naive triple loop over all (a, b, c), labelled
        // there as our own reference implementation of Gould and Fernandez's definitions.
        let r = reference();
        for case in r["brokerage"].as_array().unwrap() {
            let n = case["n"].as_u64().unwrap() as usize;
            let directed = case["directed"].as_bool().unwrap();
            let edges: Vec<(u32, u32, f64)> = case["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32, 1.0))
                .collect();
            let group: Vec<usize> = case["group"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect();
            let g = Csr::from_edges(n, directed, &edges);
            let ours = brokerage(&g, &group);
            for (v, row) in case["roles"].as_array().unwrap().iter().enumerate() {
                let t: Vec<u64> = row.as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
                let o = ours[v];
                assert_eq!(
                    vec![o.coordinator, o.itinerant, o.gatekeeper, o.representative, o.liaison],
                    t,
                    "{} node {v}",
                    case["name"]
                );
            }
        }
    }
}
