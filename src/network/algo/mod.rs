//! Graph algorithms over [`Csr`](super::csr::Csr), one file per family.
//!
//! Every function here is `pub(crate)`, takes a `&Csr` and returns plain vectors indexed by node
//! (`ActorId::index()`), except the maximum flow, which is built arc by arc (`maxflow::Dinic`); the
//! public, documented entry points are the methods of `SmugglingNetwork`.
//! Definitions and normalisations follow networkx 3.6 unless a function says otherwise. All procedures
//! are iterative (no recursion), so deep graphs cannot overflow the stack.

pub(crate) mod betweenness;
pub(crate) mod brokerage;
pub(crate) mod closeness;
pub(crate) mod clustering;
pub(crate) mod components;
pub(crate) mod core;
pub(crate) mod degree;
pub(crate) mod keyplayer;
pub(crate) mod maxflow;
pub(crate) mod paths;
pub(crate) mod spectral;

/// Whether edge weights are used (as lengths for path measures, as strengths otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Weighting {
    /// Every edge counts 1 (networkx `weight=None`).
    #[default]
    Unweighted,
    /// Edge weights are used (networkx `weight="weight"`).
    Weighted,
}

#[cfg(test)]
pub(crate) mod testdata {
    //! Reads `tests/data/reference/networkx.json` for the unit tests.
    use super::super::csr::Csr;
    use serde_json::Value;

    /// The parsed reference file.
    pub(crate) fn reference() -> Value {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/reference/networkx.json"
        ))
        .expect("reference file");
        serde_json::from_str(&text).expect("valid json")
    }

    /// The graphs of the reference file as `(name, csr, case)`.
    pub(crate) fn graphs() -> Vec<(String, Csr, Value)> {
        graphs_in("graphs")
    }

    /// The graphs listed under `key` in the reference file as `(name, csr, case)`.
    pub(crate) fn graphs_in(key: &str) -> Vec<(String, Csr, Value)> {
        let r = reference();
        r[key]
            .as_array()
            .expect("graphs")
            .iter()
            .map(|g| {
                let n = g["n"].as_u64().expect("n") as usize;
                let directed = g["directed"].as_bool().expect("directed");
                let edges: Vec<(u32, u32, f64)> = g["edges"]
                    .as_array()
                    .expect("edges")
                    .iter()
                    .map(|e| {
                        (
                            e[0].as_u64().unwrap() as u32,
                            e[1].as_u64().unwrap() as u32,
                            e[2].as_f64().unwrap(),
                        )
                    })
                    .collect();
                (
                    g["name"].as_str().unwrap().to_string(),
                    Csr::from_edges(n, directed, &edges),
                    g.clone(),
                )
            })
            .collect()
    }

    /// A float vector from the JSON value (null is NaN).
    pub(crate) fn floats(v: &Value) -> Vec<f64> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|x| x.as_f64().unwrap_or(f64::NAN))
            .collect()
    }

    /// Asserts that two vectors agree to `tol` (absolute, or relative for large values).
    pub(crate) fn assert_close(what: &str, ours: &[f64], theirs: &[f64], tol: f64) {
        assert_eq!(ours.len(), theirs.len(), "{what}: length");
        for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
            let scale = b.abs().max(1.0);
            assert!((a - b).abs() <= tol * scale, "{what}: node {i}: ours {a}, networkx {b}");
        }
    }
}
