//! The smuggling-network model through the public API: trait bounds, views and merge invariants.

use std::fmt::Debug;

use corridor::network::{
    Actor, ActorId, ActorKind, Attack, AttackComparison, Capacity, CorridorFlow, Disruption, DisruptionMetrics, Fee,
    NetworkBuilder, Recovery, ResilienceCurve, Role, SmugglingNetwork, StageServed, Tie, TieDirection, TieKind,
    Undated,
};
use proptest::prelude::*;
use time::macros::date;

fn assert_traits<T: Send + Sync + Debug + Clone + 'static>() {}

#[test]
fn public_types_are_send_sync_debug_clone() {
    assert_traits::<SmugglingNetwork>();
    assert_traits::<NetworkBuilder>();
    assert_traits::<Actor>();
    assert_traits::<ActorId>();
    assert_traits::<ActorKind>();
    assert_traits::<Role>();
    assert_traits::<StageServed>();
    assert_traits::<Fee>();
    assert_traits::<Tie>();
    assert_traits::<TieKind>();
    assert_traits::<TieDirection>();
    assert_traits::<Undated>();
    assert_traits::<Disruption>();
    assert_traits::<DisruptionMetrics>();
    assert_traits::<CorridorFlow>();
    assert_traits::<Capacity>();
    assert_traits::<Attack>();
    assert_traits::<Recovery>();
    assert_traits::<ResilienceCurve>();
    assert_traits::<AttackComparison>();
    assert_traits::<corridor::network::NetworkError>();
}

/// (from, to, kind index, directed, weight in tenths, optional day offsets for first/last seen).
type RawTie = (usize, usize, usize, bool, u8, Option<(u16, u16)>);

fn network(n: usize, ties: &[RawTie]) -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    for i in 0..n {
        let mut a = Actor::person(format!("P{i}")).alias(format!("alias {i}"));
        if i % 3 == 0 {
            a = a.role(Role::Guide).stage(StageServed::new((i % 4) as u32, "s"));
        }
        b.add_actor(a);
    }
    let day0 = date!(2021 - 01 - 01);
    for &(u, v, k, directed, w, seen) in ties {
        if u == v || u >= n || v >= n {
            continue;
        }
        let kind = TieKind::ALL[k % TieKind::ALL.len()];
        let mut t = if directed {
            Tie::directed(kind)
        } else {
            Tie::undirected(kind)
        };
        t = t.weight(f64::from(w) / 10.0 + 0.1);
        if let Some((a, len)) = seen {
            let first = day0 + time::Duration::days(i64::from(a));
            t = t.seen(first, first + time::Duration::days(i64::from(len)));
        }
        b.add_tie(ActorId::new(u), ActorId::new(v), t).unwrap();
    }
    b.build().unwrap()
}

fn arb() -> impl Strategy<Value = (usize, Vec<RawTie>)> {
    (
        2usize..12,
        proptest::collection::vec(
            (
                0usize..12,
                0usize..12,
                0usize..6,
                any::<bool>(),
                any::<u8>(),
                proptest::option::of((0u16..1000, 0u16..400)),
            ),
            0..30,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Merging a network with itself changes nothing and maps every actor to itself.
    #[test]
    fn merge_with_itself_is_identity((n, ties) in arb()) {
        let net = network(n, &ties);
        let (m, map) = net.merge(&net).unwrap();
        prop_assert_eq!(map, (0..n).map(ActorId::new).collect::<Vec<_>>());
        prop_assert_eq!(m.actor_count(), n);
        prop_assert_eq!(m.tie_count(), net.tie_count());
        for ((a, b, t), (c, d, u)) in net.ties().zip(m.ties()) {
            prop_assert_eq!((a, b, t.kind(), t.direction()), (c, d, u.kind(), u.direction()));
            // Duplicates merge by summing weights.
            prop_assert!((u.tie_weight() - 2.0 * t.tie_weight()).abs() <= 1e-12 * t.tie_weight());
        }
    }

    /// The kind views partition the ties and keep every actor.
    #[test]
    fn kind_views_partition_the_ties((n, ties) in arb()) {
        let net = network(n, &ties);
        prop_assert_eq!(net.by_kind(&TieKind::ALL), net.clone());
        let total: usize = TieKind::ALL.iter().map(|&k| net.by_kind(&[k]).tie_count()).sum();
        prop_assert_eq!(total, net.tie_count());
        for &k in &TieKind::ALL {
            let v = net.by_kind(&[k]);
            prop_assert_eq!(v.actor_count(), n);
            prop_assert!(v.ties().all(|(_, _, t)| t.kind() == k));
        }
    }

    /// A window covering every date keeps every tie; keeping or dropping undated ties splits them.
    #[test]
    fn windows_keep_dated_ties((n, ties) in arb()) {
        let net = network(n, &ties);
        let all = date!(2020 - 01 - 01)..=date!(2030 - 01 - 01);
        prop_assert_eq!(net.during(all.clone(), Undated::Keep).unwrap(), net.clone());
        let undated = net.ties().filter(|(_, _, t)| t.first_seen().is_none()).count();
        prop_assert_eq!(net.during(all, Undated::Drop).unwrap().tie_count(), net.tie_count() - undated);
    }

    /// The analysis graph has one edge per connected pair (per direction when directed).
    #[test]
    fn analysis_graph_collapses_kinds((n, ties) in arb()) {
        let net = network(n, &ties);
        let mut pairs = std::collections::BTreeSet::new();
        for (a, b, t) in net.ties() {
            if net.is_directed() {
                pairs.insert((a, b));
                if !t.is_directed() {
                    pairs.insert((b, a));
                }
            } else {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
        prop_assert_eq!(net.edge_count(), pairs.len());
        prop_assert_eq!(net.is_directed(), net.ties().any(|(_, _, t)| t.is_directed()));
    }
}

#[test]
fn find_uses_names_and_aliases() {
    let net = network(3, &[]);
    assert_eq!(net.find("  ALIAS 2 "), Some(ActorId::new(2)));
    assert_eq!(net.find("p0"), Some(ActorId::new(0)));
    assert_eq!(net.find("nobody"), None);
    assert!(net.actor(ActorId::new(3)).is_none());
    assert_eq!(net.actors().len(), 3);
}
