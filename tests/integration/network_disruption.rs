//! Disruption metrics and the degree attack against networkx 3.6
//! (`tests/reference-scripts/network_disruption.py` → `tests/data/reference/network_disruption.json`).

use crate::common;
use common::{close_scaled, load};

use corridor::network::{Actor, ActorId, Attack, Capacity, Recovery, SmugglingNetwork, StageServed, Tie, TieKind};
use serde_json::Value;

/// Efficiency and fragmentation are sums of a few hundred terms: agreement to 1e-12 relative.
const TOL: f64 = 1e-12;

pub(crate) fn build(case: &Value) -> SmugglingNetwork {
    let n = case["n"].as_u64().unwrap() as usize;
    let mut b = SmugglingNetwork::builder();
    for v in 0..n {
        let mut a = Actor::person(format!("actor {v}"));
        if let Some(st) = case["stages"].get(v.to_string()) {
            for s in st.as_array().unwrap() {
                let i = s.as_u64().unwrap() as u32;
                a = a.stage(StageServed::new(i, format!("stage {i}")));
            }
        }
        if let Some(c) = case["capacities"].get(v.to_string()) {
            a = a.capacity(c.as_u64().unwrap() as u32);
        }
        b.add_actor(a);
    }
    for e in case["edges"].as_array().unwrap() {
        let (u, v) = (e[0].as_u64().unwrap() as usize, e[1].as_u64().unwrap() as usize);
        b.add_tie(ActorId::new(u), ActorId::new(v), Tie::undirected(TieKind::Logistics))
            .unwrap();
    }
    b.build().unwrap()
}

#[test]
fn metrics_match_networkx() {
    let r = load("network_disruption.json");
    for case in r["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let net = build(case);
        for rem in case["removals"].as_array().unwrap() {
            let ids: Vec<ActorId> = rem["removed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| ActorId::new(v.as_u64().unwrap() as usize))
                .collect();
            let m = *net.disrupt(&ids).unwrap().after();
            let x = &rem["metrics"];
            let what = format!("{name} minus {ids:?}");
            assert_eq!(m.largest_component() as u64, x["largest"].as_u64().unwrap(), "{what}");
            assert_eq!(m.components() as u64, x["components"].as_u64().unwrap(), "{what}");
            close_scaled(
                m.largest_component_share(),
                x["largest_share"].as_f64().unwrap(),
                TOL,
                &what,
            );
            close_scaled(m.fragmentation(), x["fragmentation"].as_f64().unwrap(), TOL, &what);
            close_scaled(m.efficiency(), x["efficiency"].as_f64().unwrap(), TOL, &what);
            match &x["flow"] {
                Value::Null => assert!(m.corridor().is_none(), "{what}"),
                Value::String(s) if s == "unbounded" => {
                    assert_eq!(m.corridor().unwrap().capacity(), Capacity::Unbounded, "{what}");
                }
                v => assert_eq!(
                    m.corridor().unwrap().capacity(),
                    Capacity::Bounded(v.as_u64().unwrap()),
                    "{what}"
                ),
            }
        }
    }
}

#[test]
fn betweenness_attack_orders_match_networkx() {
    let r = load("network_disruption.json");
    for case in r["cases"].as_array().unwrap() {
        let net = build(case);
        for (key, recompute) in [("betweenness_attack", false), ("adaptive_betweenness_attack", true)] {
            let expected: Vec<ActorId> = case[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| ActorId::new(v.as_u64().unwrap() as usize))
                .collect();
            let curve = net
                .resilience(Attack::HighestBetweenness { recompute }, expected.len(), Recovery::None)
                .unwrap();
            assert_eq!(curve.removed(), expected, "{} {key}", case["name"]);
        }
    }
}

#[test]
fn degree_attack_order_matches_networkx() {
    let r = load("network_disruption.json");
    for case in r["cases"].as_array().unwrap() {
        let expected: Vec<ActorId> = case["degree_attack"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| ActorId::new(v.as_u64().unwrap() as usize))
            .collect();
        let net = build(case);
        let curve = net
            .resilience(Attack::HighestDegree, expected.len(), Recovery::None)
            .unwrap();
        assert_eq!(curve.removed(), expected, "{}", case["name"]);
        // Each point equals a one-shot disruption by the same set.
        let last = curve.points().last().unwrap().metrics();
        assert_eq!(net.disrupt(&expected).unwrap().after(), last);
    }
}
