//! Per-actor network measures as a record batch (feature `arrow`): the columns equal networkx 3.6's
//! measures (tests/data/reference/networkx.json, written by tests/reference-scripts/networkx_measures.py),
//! the actor columns carry names, kinds, roles and countries, and the batch survives an IPC file.
//!
//! Set `CORRIDOR_ARROW_MEASURES=/tmp/karate.arrow` to also write the karate club's batch there, for
//! `tests/reference-scripts/read_arrow.py --measures` (polars, pyarrow and networkx).
#![cfg(feature = "arrow")]

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use corridor::io::{ActorMeasures, read_ipc, write_ipc};
use corridor::network::{Actor, KatzOptions, NetworkError, Role, SmugglingNetwork, Tie, TieKind};
use corridor::{Country, Error};

use crate::common::{close_scaled_slices, floats};
use crate::network_measures::networks;

/// Agreement with networkx, as in `network_measures.rs`.
const TOL: f64 = 1e-9;

fn f64s(b: &RecordBatch, name: &str) -> Vec<f64> {
    let c = b.column_by_name(name).unwrap_or_else(|| panic!("column {name}"));
    assert_eq!(c.data_type(), &DataType::Float64, "{name}");
    assert_eq!(c.null_count(), 0, "{name}");
    c.as_primitive::<Float64Type>().values().to_vec()
}

fn u64s(b: &RecordBatch, name: &str) -> Vec<f64> {
    let c = b.column_by_name(name).unwrap_or_else(|| panic!("column {name}"));
    c.as_primitive::<UInt64Type>()
        .values()
        .iter()
        .map(|&v| v as f64)
        .collect()
}

fn labels(b: &RecordBatch, name: &str) -> Vec<u32> {
    b.column_by_name(name)
        .unwrap()
        .as_primitive::<UInt32Type>()
        .values()
        .to_vec()
}

#[test]
fn measure_columns_equal_networkx() {
    let with_katz = ActorMeasures::new().katz(KatzOptions::new().alpha(0.1));
    let mut katz_checked = 0;
    for (name, net, m) in networks() {
        let b = match net.measures_record_batch_with(&with_katz) {
            Ok(b) => {
                close_scaled_slices(&f64s(&b, "katz"), &floats(&m["katz"]), TOL, &format!("{name} katz"));
                katz_checked += 1;
                b
            }
            // networkx raises PowerIterationFailedConvergence (null in the file): the batch is refused with
            // the measure named, and the default measures (no Katz) still give a batch.
            Err(e) => {
                assert!(m["katz"].is_null(), "{name}: {e}");
                assert!(
                    matches!(e, Error::Network(NetworkError::NotConverged { measure, .. }) if measure.contains("atz")),
                    "{name}: {e}"
                );
                let b = net.measures_record_batch().unwrap();
                assert!(b.column_by_name("katz").is_none());
                b
            }
        };
        assert_eq!(b.num_rows(), net.actor_count(), "{name}");
        // For reading by hand with polars and pyarrow (see `corridor::io::arrow`).
        if let Some(path) = std::env::var_os("CORRIDOR_ARROW_MEASURES").filter(|_| name == "karate") {
            let mut file = Vec::new();
            write_ipc(std::slice::from_ref(&b), &mut file).unwrap();
            std::fs::write(path, file).unwrap();
        }
        for (column, key) in [
            ("betweenness", "betweenness"),
            ("closeness", "closeness"),
            ("harmonic", "harmonic"),
            ("eigenvector", "eigenvector"),
            ("pagerank", "pagerank"),
            ("clustering", "clustering"),
            ("degree_centrality", "degree_centrality"),
            ("strength", "strength"),
        ] {
            close_scaled_slices(&f64s(&b, column), &floats(&m[key]), TOL, &format!("{name} {column}"));
        }
        for (column, key) in [("degree", "degree"), ("core_number", "core_number")] {
            close_scaled_slices(&u64s(&b, column), &floats(&m[key]), 0.0, &format!("{name} {column}"));
        }
        if net.is_directed() {
            for key in ["in_degree", "out_degree"] {
                close_scaled_slices(&u64s(&b, key), &floats(&m[key]), 0.0, &format!("{name} {key}"));
            }
            let scc = labels(&b, "strong_component");
            assert_eq!(
                u64::from(scc.iter().max().unwrap() + 1),
                m["scc_count"].as_u64().unwrap(),
                "{name}"
            );
        } else {
            assert_eq!(u64s(&b, "in_degree"), u64s(&b, "degree"), "{name}");
        }
        let comp = labels(&b, "component");
        assert_eq!(
            u64::from(comp.iter().max().unwrap() + 1),
            m["component_count"].as_u64().unwrap(),
            "{name}"
        );
        let ids = labels(&b, "id");
        assert!(ids.iter().enumerate().all(|(i, &id)| id as usize == i));
    }
    assert!(katz_checked >= 4, "{katz_checked}");
}

#[test]
fn actor_columns_and_ipc_round_trip() {
    let mut b = SmugglingNetwork::builder();
    let clan = b.add_actor(Actor::organisation("Clan del Golfo").country("COL".parse::<Country>().unwrap()));
    let boss = b.add_actor(Actor::person("Boss").role(Role::Leader).role(Role::Financier));
    let guide = b.add_actor(Actor::person("Guía").role(Role::Guide).country("PAN".parse().unwrap()));
    b.add_tie(clan, boss, Tie::undirected(TieKind::Membership)).unwrap();
    b.add_tie(boss, guide, Tie::directed(TieKind::Command)).unwrap();
    let net = b.build().unwrap();
    let batch = net
        .measures_record_batch_with(&ActorMeasures::new().betweenness(None).clustering(None))
        .unwrap();
    assert!(batch.column_by_name("betweenness").is_none());
    assert!(batch.column_by_name("clustering").is_none());
    assert!(batch.column_by_name("pagerank").is_some());

    let actor = batch.column_by_name("actor").unwrap().as_string::<i32>();
    assert_eq!(
        actor.iter().collect::<Vec<_>>(),
        [Some("Clan del Golfo"), Some("Boss"), Some("Guía")]
    );
    let kind = batch
        .column_by_name("kind")
        .unwrap()
        .as_dictionary::<arrow_array::types::UInt8Type>();
    let words = kind.values().as_string::<i32>();
    let kinds: Vec<&str> = kind.keys().values().iter().map(|&k| words.value(k as usize)).collect();
    assert_eq!(kinds, ["organisation", "person", "person"]);
    let roles = batch.column_by_name("roles").unwrap().as_list::<i32>();
    let roles_of = |i: usize| -> Vec<String> {
        let r = roles.value(i);
        r.as_string::<i32>().iter().map(|s| s.unwrap().to_owned()).collect()
    };
    assert!(roles_of(0).is_empty());
    assert_eq!(roles_of(1), ["leader", "financier"]);
    assert_eq!(roles_of(2), ["guide"]);
    let based = batch.column_by_name("based_in").unwrap().as_string::<i32>();
    assert_eq!(based.iter().collect::<Vec<_>>(), [Some("COL"), None, Some("PAN")]);
    // One directed tie makes the analysis graph directed: Boss -> Guía is one way, Clan - Boss both.
    assert_eq!(u64s(&batch, "out_degree"), [1.0, 2.0, 0.0]);
    assert_eq!(u64s(&batch, "in_degree"), [1.0, 1.0, 1.0]);
    assert_eq!(
        labels(&batch, "strong_component")[0],
        labels(&batch, "strong_component")[1]
    );
    assert_ne!(
        labels(&batch, "strong_component")[1],
        labels(&batch, "strong_component")[2]
    );

    let mut file = Vec::new();
    write_ipc(std::slice::from_ref(&batch), &mut file).unwrap();
    let back = read_ipc(std::io::Cursor::new(file)).unwrap();
    assert_eq!(back, vec![batch]);
}

#[test]
fn empty_network_gives_an_empty_batch() {
    let net = SmugglingNetwork::builder().build().unwrap();
    let b = net
        .measures_record_batch_with(&ActorMeasures::new().katz(KatzOptions::new()))
        .unwrap();
    assert_eq!(b.num_rows(), 0);
    assert!(b.column_by_name("eigenvector").is_some());
}
