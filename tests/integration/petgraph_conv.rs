//! `petgraph` conversions (feature `petgraph`): round trips, and petgraph's own algorithms agreeing with
//! corridor's measures on the converted graph.

use corridor::network::{Actor, NetworkError, Role, SmugglingNetwork, Tie, TieKind};
use petgraph::graph::{Graph, NodeIndex};
use time::macros::date;

/// Two components and an isolated actor; a directed command chain with a cycle.
fn sample() -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    let boss = b.add_actor(Actor::person("Boss").role(Role::Leader).extra("community", 1_i64));
    let a = b.add_actor(Actor::person("A"));
    let c = b.add_actor(Actor::person("C"));
    let d = b.add_actor(Actor::organisation("Clan"));
    let e = b.add_actor(Actor::person("E"));
    b.add_actor(Actor::person("Alone"));
    b.add_tie(boss, a, Tie::directed(TieKind::Command).weight(2.0)).unwrap();
    b.add_tie(a, c, Tie::directed(TieKind::Command)).unwrap();
    b.add_tie(
        c,
        boss,
        Tie::directed(TieKind::Financial).seen(date!(2022 - 01 - 01), date!(2022 - 03 - 01)),
    )
    .unwrap();
    b.add_tie(boss, a, Tie::undirected(TieKind::Kinship)).unwrap();
    b.add_tie(d, e, Tie::undirected(TieKind::Membership)).unwrap();
    b.build().unwrap()
}

#[test]
fn round_trips_both_ways() {
    let net = sample();
    let g = net.to_petgraph();
    assert_eq!((g.node_count(), g.edge_count()), (net.actor_count(), net.tie_count()));
    for (id, a) in net.actors() {
        assert_eq!(&g[NodeIndex::new(id.index())], a);
    }
    assert_eq!(SmugglingNetwork::from_petgraph(&g).unwrap(), net);
    let u = net.to_petgraph_undirected();
    assert_eq!(SmugglingNetwork::try_from(&u).unwrap(), net);
    let g2: Graph<Actor, Tie> = (&net).into();
    assert_eq!(g2.edge_count(), g.edge_count());
}

/// petgraph 0.8's union-find components and Tarjan SCCs on the converted graph equal corridor's weakly
/// and strongly connected components (which are pinned to networkx in `tests/network_measures.rs`).
#[test]
fn petgraph_algorithms_agree_with_corridor() {
    let net = sample();
    let g = net.to_petgraph();
    assert_eq!(petgraph::algo::connected_components(&g), net.component_count());
    assert_eq!(net.component_count(), 3);
    let strong = net.strong_components();
    let count = strong.iter().max().map_or(0, |m| m + 1);
    // An undirected tie is one edge of the directed petgraph graph (its direction is in its weight), so
    // the undirected membership Clan - E is one-way there: 4 strong components where corridor, whose
    // analysis graph gives an undirected tie both arcs, has 3.
    assert_eq!(petgraph::algo::tarjan_scc(&g).len(), 4);
    assert_eq!(count, 3);
    // With the reverse arc of every undirected tie added, Tarjan's SCCs equal corridor's.
    let mut g = g;
    for (from, to, t) in net.ties() {
        if !t.is_directed() {
            g.add_edge(NodeIndex::new(to.index()), NodeIndex::new(from.index()), t.clone());
        }
    }
    let sccs = petgraph::algo::tarjan_scc(&g);
    assert_eq!(sccs.len(), count);
    for scc in sccs {
        let label = strong[scc[0].index()];
        assert!(scc.iter().all(|n| strong[n.index()] == label));
    }
}

/// A graph the builder refuses is an error, not a panic: a self-loop, two actors with one name.
#[test]
fn refused_graphs_are_errors() {
    let mut g: Graph<Actor, Tie> = Graph::new();
    let x = g.add_node(Actor::person("x"));
    g.add_edge(x, x, Tie::undirected(TieKind::Kinship));
    assert_eq!(
        SmugglingNetwork::from_petgraph(&g).unwrap_err(),
        NetworkError::SelfTie { id: 0 }
    );
    let mut g: Graph<Actor, Tie> = Graph::new();
    g.add_node(Actor::person("Ana"));
    g.add_node(Actor::person("ana"));
    assert!(matches!(
        SmugglingNetwork::from_petgraph(&g),
        Err(NetworkError::DuplicateName {
            first: 0,
            second: 1,
            ..
        })
    ));
    // Parallel edges of one kind merge (weights summed), as the builder merges duplicates.
    let mut g: Graph<Actor, Tie> = Graph::new();
    let a = g.add_node(Actor::person("a"));
    let b = g.add_node(Actor::person("b"));
    g.add_edge(a, b, Tie::undirected(TieKind::Kinship).weight(1.5));
    g.add_edge(b, a, Tie::undirected(TieKind::Kinship).weight(2.0));
    let net = SmugglingNetwork::from_petgraph(&g).unwrap();
    assert_eq!(net.tie_count(), 1);
    assert_eq!(net.ties().next().unwrap().2.tie_weight(), 3.5);
}
