//! Measures of `SmugglingNetwork` against networkx 3.6 (tests/data/reference/networkx.json, written by
//! tests/reference-scripts/networkx_measures.py), through the public API only.

use crate::common;
use common::{close_scaled_slices, floats, load};

use corridor::network::{
    Actor, ActorId, BetweennessOptions, ClosenessOptions, EigenvectorOptions, Endpoints, Fragmentation, KatzOptions,
    NetworkError, Normalization, PageRankOptions, SmugglingNetwork, Tie, TieKind, Weighting,
};
use proptest::prelude::*;
use serde_json::Value;

/// Agreement with networkx on floating-point measures.
const TOL: f64 = 1e-9;

fn build(n: usize, directed: bool, edges: &[(usize, usize, f64)]) -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<ActorId> = (0..n).map(|i| b.add_actor(Actor::person(format!("n{i}")))).collect();
    for &(u, v, w) in edges {
        let tie = if directed {
            Tie::directed(TieKind::Communication)
        } else {
            Tie::undirected(TieKind::Communication)
        };
        b.add_tie(ids[u], ids[v], tie.weight(w)).expect("valid tie");
    }
    b.build().expect("valid network")
}

/// The reference graphs without self-loops (the builder refuses self-ties), as (name, network, measures).
pub(crate) fn networks() -> Vec<(String, SmugglingNetwork, Value)> {
    let out = networks_in("graphs", false);
    assert!(out.len() >= 5);
    out
}

/// The graphs under `key`, skipping those with self-loops or, with `drop_loops`, dropping the loops.
fn networks_in(key: &str, drop_loops: bool) -> Vec<(String, SmugglingNetwork, Value)> {
    let r = load("networkx.json");
    let mut out = Vec::new();
    for g in r[key].as_array().unwrap() {
        let edges: Vec<(usize, usize, f64)> = g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_f64().unwrap(),
                )
            })
            .collect();
        let loops = edges.iter().any(|e| e.0 == e.1);
        if loops && !drop_loops {
            continue;
        }
        let edges: Vec<_> = edges.into_iter().filter(|e| e.0 != e.1).collect();
        let net = build(
            g["n"].as_u64().unwrap() as usize,
            g["directed"].as_bool().unwrap(),
            &edges,
        );
        out.push((g["name"].as_str().unwrap().to_string(), net, g["measures"].clone()));
    }
    out
}

#[test]
fn centralities_equal_networkx() {
    for (name, net, m) in networks() {
        close_scaled_slices(
            &net.betweenness(),
            &floats(&m["betweenness"]),
            TOL,
            &format!("{name} betweenness"),
        );
        close_scaled_slices(
            &net.closeness(),
            &floats(&m["closeness"]),
            TOL,
            &format!("{name} closeness"),
        );
        close_scaled_slices(
            &net.closeness_with(&Weighting::Weighted.into()),
            &floats(&m["closeness_weighted"]),
            TOL,
            &format!("{name} closeness w"),
        );
        close_scaled_slices(
            &net.harmonic(Weighting::Unweighted),
            &floats(&m["harmonic"]),
            TOL,
            &format!("{name} harmonic"),
        );
        close_scaled_slices(
            &net.eigenvector().unwrap(),
            &floats(&m["eigenvector"]),
            TOL,
            &format!("{name} eigenvector"),
        );
        close_scaled_slices(
            &net.eigenvector_with(&Weighting::Weighted.into()).unwrap(),
            &floats(&m["eigenvector_weighted"]),
            TOL,
            &format!("{name} eigenvector w"),
        );
        close_scaled_slices(
            &net.pagerank(Weighting::Weighted).unwrap(),
            &floats(&m["pagerank"]),
            TOL,
            &format!("{name} pagerank"),
        );
        match net.katz(0.1) {
            Ok(k) => close_scaled_slices(&k, &floats(&m["katz"]), TOL, &format!("{name} katz")),
            // networkx raises PowerIterationFailedConvergence too (null in the file).
            Err(e) => {
                assert!(m["katz"].is_null(), "{name}: {e}");
                assert!(matches!(e, NetworkError::NotConverged { iterations: 1000, .. }));
            }
        }
        close_scaled_slices(
            &net.degree_centrality(),
            &floats(&m["degree_centrality"]),
            TOL,
            &format!("{name} degree centrality"),
        );
        close_scaled_slices(
            &net.strength(),
            &floats(&m["strength"]),
            TOL,
            &format!("{name} strength"),
        );
        let deg: Vec<f64> = net.degree().into_iter().map(|d| d as f64).collect();
        close_scaled_slices(&deg, &floats(&m["degree"]), TOL, &format!("{name} degree"));
        assert!((net.density() - m["density"].as_f64().unwrap()).abs() < TOL);
    }
}

/// `Ok` values equal networkx's to `TOL`; a null (networkx's `PowerIterationFailedConvergence`) is our
/// `NotConverged`.
fn same_or_both_fail(ours: Result<Vec<f64>, NetworkError>, theirs: &Value, what: &str) {
    if theirs.is_null() {
        assert!(
            matches!(ours, Err(NetworkError::NotConverged { .. })),
            "{what}: {ours:?}"
        );
    } else {
        close_scaled_slices(&ours.expect(what), &floats(theirs), TOL, what);
    }
}

/// Closeness without `wf_improved`; eigenvector, Katz and `PageRank` with `max_iter`, `tol`, `nstart`,
/// `alpha`, `beta` and personalization; the converged eigenvector: all against networkx 3.6
/// (tests/reference-scripts/networkx_power_options.py on the graphs of networkx.json).
#[test]
#[allow(clippy::too_many_lines)] // one reference case after another
fn power_iteration_and_closeness_options_equal_networkx() {
    let nx = load("networkx_power_options.json");
    let cases = nx["graphs"].as_array().unwrap();
    let nets = networks();
    assert_eq!(cases.len(), nets.len());
    let mut converged_checked = 0;
    for ((name, net, _), case) in nets.iter().zip(cases) {
        assert_eq!(case["name"].as_str(), Some(name.as_str()));
        let m = &case["measures"];
        let nstart = floats(&case["nstart"]);
        let what = |k: &str| format!("{name} {k}");
        let not_wf = ClosenessOptions::new().wf_improved(false);
        close_scaled_slices(
            &net.closeness_with(&not_wf),
            &floats(&m["closeness_not_wf"]),
            TOL,
            &what("closeness"),
        );
        close_scaled_slices(
            &net.closeness_with(&not_wf.weighting(Weighting::Weighted)),
            &floats(&m["closeness_weighted_not_wf"]),
            TOL,
            &what("closeness weighted"),
        );

        let e = EigenvectorOptions::new();
        same_or_both_fail(
            net.eigenvector_with(&e.clone().max_iter(5000).tol(1e-10)),
            &m["eigenvector_tol1e-10"],
            &what("eig tol"),
        );
        same_or_both_fail(
            net.eigenvector_with(&e.clone().nstart(nstart.clone())),
            &m["eigenvector_nstart"],
            &what("eig nstart"),
        );
        let w = e
            .clone()
            .weighting(Weighting::Weighted)
            .nstart(nstart.clone())
            .max_iter(5000)
            .tol(1e-9);
        same_or_both_fail(
            net.eigenvector_with(&w),
            &m["eigenvector_weighted_nstart_tol1e-9"],
            &what("eig w"),
        );
        same_or_both_fail(
            net.eigenvector_with(&e.clone().max_iter(3)),
            &m["eigenvector_max_iter3"],
            &what("eig 3"),
        );
        // The converged eigenvector equals networkx's ARPACK eigenvector (where it is unique: connected).
        for (key, weighting) in [
            ("eigenvector_numpy", Weighting::Unweighted),
            ("eigenvector_numpy_weighted", Weighting::Weighted),
        ] {
            if !m[key].is_null() {
                let ours = net
                    .eigenvector_with(&EigenvectorOptions::converged().weighting(weighting))
                    .unwrap();
                close_scaled_slices(&ours, &floats(&m[key]), TOL, &what(key));
                converged_checked += 1;
            }
        }

        let k = KatzOptions::new();
        same_or_both_fail(
            net.katz_with(&k.clone().alpha(0.05).beta(2.0).tol(1e-10)),
            &m["katz_alpha0.05_beta2_tol1e-10"],
            &what("katz"),
        );
        same_or_both_fail(
            net.katz_with(&k.clone().alpha(0.01).weighting(Weighting::Weighted)),
            &m["katz_weighted_alpha0.01"],
            &what("katz w"),
        );
        same_or_both_fail(
            net.katz_with(&k.clone().alpha(0.05).nstart(nstart.clone()).max_iter(2000)),
            &m["katz_nstart_max_iter2000"],
            &what("katz nstart"),
        );
        same_or_both_fail(
            net.katz_with(&k.clone().max_iter(3)),
            &m["katz_max_iter3"],
            &what("katz 3"),
        );

        let p = PageRankOptions::new();
        same_or_both_fail(
            net.pagerank_with(&p.clone().alpha(0.5)),
            &m["pagerank_alpha0.5"],
            &what("pr 0.5"),
        );
        let tight = p.clone().alpha(0.95).tol(1e-10).max_iter(1000);
        same_or_both_fail(
            net.pagerank_with(&tight),
            &m["pagerank_alpha0.95_tol1e-10_max_iter1000"],
            &what("pr 0.95"),
        );
        let un = p.clone().weighting(Weighting::Unweighted).nstart(nstart.clone());
        same_or_both_fail(
            net.pagerank_with(&un),
            &m["pagerank_unweighted_nstart"],
            &what("pr nstart"),
        );
        let pers = p.clone().personalization(floats(&case["personalization"]));
        same_or_both_fail(
            net.pagerank_with(&pers),
            &m["pagerank_personalization"],
            &what("pr pers"),
        );
        same_or_both_fail(
            net.pagerank_with(&p.clone().max_iter(3)),
            &m["pagerank_max_iter3"],
            &what("pr 3"),
        );
    }
    assert_eq!(converged_checked, 6);
}

#[test]
fn betweenness_options_equal_networkx() {
    for (name, net, m) in networks() {
        let n = net.actor_count();
        for (key, opts) in [
            (
                "betweenness_raw",
                BetweennessOptions::new().normalization(Normalization::Raw),
            ),
            (
                "betweenness_endpoints",
                BetweennessOptions::new().endpoints(Endpoints::Included),
            ),
            (
                "betweenness_weighted",
                BetweennessOptions::new().weighting(Weighting::Weighted),
            ),
            ("betweenness", BetweennessOptions::new().sample(n, 99)),
        ] {
            close_scaled_slices(
                &net.betweenness_with(&opts).unwrap(),
                &floats(&m[key]),
                TOL,
                &format!("{name} {key}"),
            );
        }
    }
}

#[test]
fn structure_equals_networkx() {
    for (name, net, m) in networks() {
        assert_eq!(
            net.component_count() as u64,
            m["component_count"].as_u64().unwrap(),
            "{name}"
        );
        let ap: Vec<u64> = net.articulation_points().iter().map(|a| a.index() as u64).collect();
        let theirs: Vec<u64> = m["articulation_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(ap, theirs, "{name}");
        let br: Vec<(u64, u64)> = net
            .bridges()
            .iter()
            .map(|(a, b)| (a.index() as u64, b.index() as u64))
            .collect();
        let theirs: Vec<(u64, u64)> = m["bridges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_u64().unwrap(), e[1].as_u64().unwrap()))
            .collect();
        assert_eq!(br, theirs, "{name}");
        let core: Vec<u64> = net.core_numbers().iter().map(|&c| c as u64).collect();
        let theirs: Vec<u64> = m["core_number"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(core, theirs, "{name}");
        if net.is_directed() {
            let scc = net.strong_components();
            let count = scc.iter().max().map_or(0, |&x| x + 1) as u64;
            assert_eq!(count, m["scc_count"].as_u64().unwrap(), "{name}");
        }
        // Directed networks: Fagiolo 2007 clustering and networkx's successor-only transitivity.
        close_scaled_slices(
            &net.clustering(Weighting::Unweighted),
            &floats(&m["clustering"]),
            TOL,
            &format!("{name} clustering"),
        );
        close_scaled_slices(
            &net.clustering(Weighting::Weighted),
            &floats(&m["clustering_weighted"]),
            TOL,
            &format!("{name} clustering w"),
        );
        assert!(
            (net.transitivity() - m["transitivity"].as_f64().unwrap()).abs() < TOL,
            "{name}"
        );
        let avg = net.average_clustering(Weighting::Unweighted);
        assert!((avg - m["average_clustering"].as_f64().unwrap()).abs() < TOL, "{name}");
        let avg = net.average_clustering(Weighting::Weighted);
        assert!(
            (avg - m["average_clustering_weighted"].as_f64().unwrap()).abs() < TOL,
            "{name}"
        );
        let d = net.distance_matrix(Weighting::Weighted);
        for (s, row) in d.iter().enumerate() {
            for (t, x) in row.iter().enumerate() {
                let r = m["distances_weighted"][s][t].as_f64();
                assert!(
                    x.zip(r).is_none_or(|(a, b)| (a - b).abs() < TOL) && x.is_some() == r.is_some(),
                    "{name} {s} {t}"
                );
            }
        }
    }
}

#[test]
fn directed_clustering_equals_networkx() {
    // networkx 3.6.1 clustering (Fagiolo 2007), average_clustering and transitivity on a DiGraph with
    // many reciprocated arcs and real weights; its self-loops are lighter than the heaviest arc, so
    // networkx gives the same values without them (asserted by the script), and they are dropped here.
    let cases = networks_in("directed_clustering", true);
    assert_eq!(cases.len(), 1);
    for (name, net, m) in cases {
        assert!(net.is_directed());
        close_scaled_slices(
            &net.clustering(Weighting::Unweighted),
            &floats(&m["clustering"]),
            TOL,
            &name,
        );
        close_scaled_slices(
            &net.clustering(Weighting::Weighted),
            &floats(&m["clustering_weighted"]),
            TOL,
            &name,
        );
        for (w, key) in [
            (Weighting::Unweighted, "average_clustering"),
            (Weighting::Weighted, "average_clustering_weighted"),
        ] {
            assert!(
                (net.average_clustering(w) - m[key].as_f64().unwrap()).abs() < TOL,
                "{name} {key}"
            );
        }
        assert!(
            (net.transitivity() - m["transitivity"].as_f64().unwrap()).abs() < TOL,
            "{name}"
        );
    }
}

#[test]
fn key_player_fragmentation_equals_direct_computation() {
    // Reference: naive_fragmentation in the script (networkx components and path lengths).
    for (name, net, m) in networks() {
        for c in m["keyplayer"].as_array().unwrap() {
            let removed: Vec<ActorId> = c["removed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| ActorId::new(x.as_u64().unwrap() as usize))
                .collect();
            let f = net.fragmentation(&removed, Fragmentation::Pairs).unwrap();
            let df = net.fragmentation(&removed, Fragmentation::DistanceWeighted).unwrap();
            assert!((f - c["F"].as_f64().unwrap()).abs() < TOL, "{name}");
            assert!((df - c["DF"].as_f64().unwrap()).abs() < TOL, "{name}");
        }
    }
}

#[test]
fn errors_name_the_problem() {
    let net = build(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
    let e = net
        .betweenness_with(&BetweennessOptions::new().sample(4, 1))
        .unwrap_err();
    assert_eq!(e.to_string(), "cannot sample 4 sources from 3 actors");
    assert!(matches!(
        net.betweenness_with(&BetweennessOptions::new().sample(0, 1)),
        Err(NetworkError::SampleSize { k: 0, n: 3 })
    ));
    assert!(matches!(
        net.brokerage(&[0, 1]),
        Err(NetworkError::LengthMismatch {
            got: 2,
            expected: 3,
            ..
        })
    ));
    assert!(matches!(
        net.distances_from(ActorId::new(9), Weighting::Unweighted),
        Err(NetworkError::UnknownActor { id: 9 })
    ));
    assert!(matches!(
        net.fragmentation(&[ActorId::new(3)], Fragmentation::Pairs),
        Err(NetworkError::UnknownActor { id: 3 })
    ));
    let empty = SmugglingNetwork::builder().build().unwrap();
    // networkx raises for the eigenvector of an empty graph, and returns {} for PageRank and Katz
    // (tests/data/reference/networkx_power_options.json, "empty").
    assert!(matches!(empty.eigenvector(), Err(NetworkError::EmptyNetwork { .. })));
    let nx = load("networkx_power_options.json");
    assert_eq!(nx["empty"]["pagerank"], serde_json::json!({}));
    assert_eq!(nx["empty"]["katz"], serde_json::json!({}));
    assert_eq!(empty.pagerank(Weighting::Unweighted), Ok(vec![]));
    assert_eq!(empty.pagerank_with(&PageRankOptions::new().alpha(0.5)), Ok(vec![]));
    assert_eq!(empty.katz(0.1), Ok(vec![]));
    assert_eq!(empty.katz_with(&KatzOptions::new()), Ok(vec![]));
    // Vectors of the wrong length, or that cannot be scaled to sum 1.
    assert_eq!(
        net.pagerank_with(&PageRankOptions::new().personalization(vec![1.0; 2])),
        Err(NetworkError::LengthMismatch {
            what: "personalization",
            got: 2,
            expected: net.actor_count()
        })
    );
    assert!(matches!(
        net.eigenvector_with(&EigenvectorOptions::new().nstart(vec![0.0; net.actor_count()])),
        Err(NetworkError::InvalidOption { option: "nstart", .. })
    ));
    assert!(empty.betweenness().is_empty());
    // A non-finite Katz alpha can never converge (the Les Misérables case above is networkx's own failure).
    assert!(matches!(net.katz(f64::NAN), Err(NetworkError::NotConverged { .. })));
}

#[test]
fn brokerage_equals_naive_reference() {
    // Reference: naive_brokerage in the script, labelled there (a triple loop over Gould & Fernandez's
    // definitions), not a published package.
    for case in load("networkx.json")["brokerage"].as_array().unwrap() {
        let edges: Vec<(usize, usize, f64)> = case["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_u64().unwrap() as usize, e[1].as_u64().unwrap() as usize, 1.0))
            .collect();
        let net = build(
            case["n"].as_u64().unwrap() as usize,
            case["directed"].as_bool().unwrap(),
            &edges,
        );
        let groups: Vec<usize> = case["group"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as usize)
            .collect();
        let roles = net.brokerage(&groups).unwrap();
        for (v, row) in case["roles"].as_array().unwrap().iter().enumerate() {
            let r = roles[v];
            let t: Vec<u64> = row.as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
            assert_eq!(
                vec![r.coordinator, r.itinerant, r.gatekeeper, r.representative, r.liaison],
                t
            );
            assert_eq!(r.total(), t.iter().sum::<u64>());
        }
    }
}

/// A random simple undirected graph on `n` nodes: the kept pairs among all pairs.
fn random_graph() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
    (3usize..14)
        .prop_flat_map(|n| {
            let pairs: Vec<(usize, usize)> = (0..n).flat_map(|u| (u + 1..n).map(move |v| (u, v))).collect();
            let len = pairs.len();
            (
                Just(n),
                Just(pairs),
                proptest::collection::vec((any::<bool>(), 1u8..4), len),
            )
        })
        .prop_map(|(n, pairs, keep)| {
            let edges = pairs
                .into_iter()
                .zip(keep)
                .filter(|(_, k)| k.0)
                .map(|((u, v), k)| (u, v, f64::from(k.1)))
                .collect();
            (n, edges)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Relabelling actors (and adding ties in another order) permutes every measure the same way.
    #[test]
    fn measures_do_not_depend_on_labels_or_order((n, edges) in random_graph(), seed in any::<u64>()) {
        let mut perm: Vec<usize> = (0..n).collect();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let a = build(n, false, &edges);
        let mut moved: Vec<(usize, usize, f64)> = edges.iter().map(|&(u, v, w)| (perm[v], perm[u], w)).collect();
        moved.reverse();
        let b = build(n, false, &moved);
        let wb = BetweennessOptions::new().weighting(Weighting::Weighted);
        let pairs = [
            (a.betweenness(), b.betweenness()),
            (a.betweenness_with(&wb).unwrap(), b.betweenness_with(&wb).unwrap()),
            (a.closeness(), b.closeness()),
            (a.clustering(Weighting::Weighted), b.clustering(Weighting::Weighted)),
        ];
        for (x, y) in pairs {
            for v in 0..n {
                prop_assert!((x[v] - y[perm[v]]).abs() < 1e-12);
            }
        }
        let (ca, cb) = (a.core_numbers(), b.core_numbers());
        for v in 0..n {
            prop_assert_eq!(ca[v], cb[perm[v]]);
        }
        prop_assert_eq!(a.component_count(), b.component_count());
        prop_assert_eq!(a.articulation_points().len(), b.articulation_points().len());
    }

    /// The centre of a star has the largest betweenness, 1 when normalised (networkx: star_graph).
    #[test]
    fn star_centre_is_maximal(leaves in 2usize..40) {
        let edges: Vec<(usize, usize, f64)> = (1..=leaves).map(|i| (0, i, 1.0)).collect();
        let b = build(leaves + 1, false, &edges).betweenness();
        // networkx multiplies by 1 / (n - 1)(n - 2), so 1 up to rounding.
        prop_assert!((b[0] - 1.0).abs() < 1e-12);
        prop_assert!(b[1..].iter().all(|&x| x == 0.0 && x < b[0]));
    }
}
