//! Conversions between a [`SmugglingNetwork`] and a [`petgraph::Graph`] (feature `petgraph`).
//!
//! The actors are the node weights and the ties the edge weights, so nothing is lost either way:
//! node `NodeIndex::new(i)` is the actor with [`ActorId::index`](crate::network::ActorId::index) `i`, and
//! each tie (not the summed edge of corridor's analysis graph) is one petgraph edge, in the order of
//! [`SmugglingNetwork::ties`]. petgraph's algorithms (shortest paths, flows, isomorphism, …) then run on
//! the same graph corridor measures.
//!
//! ```
//! use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
//! use petgraph::graph::NodeIndex;
//!
//! let mut b = SmugglingNetwork::builder();
//! let boss = b.add_actor(Actor::person("Boss"));
//! let guide = b.add_actor(Actor::person("Guide"));
//! b.add_actor(Actor::person("Alone"));
//! b.add_tie(boss, guide, Tie::directed(TieKind::Command))?;
//! let net = b.build()?;
//!
//! let g = net.to_petgraph();
//! assert_eq!(g[NodeIndex::new(1)].name(), "Guide");
//! assert_eq!(petgraph::algo::connected_components(&g), net.component_count());
//! assert_eq!(SmugglingNetwork::from_petgraph(&g)?, net);
//! # Ok::<(), corridor::Error>(())
//! ```

use petgraph::EdgeType;
use petgraph::graph::{Graph, IndexType, NodeIndex};

use crate::network::{Actor, ActorId, NetworkError, SmugglingNetwork, Tie};

impl SmugglingNetwork {
    /// The network as a directed `petgraph::Graph` whose node weights are the actors and edge weights
    /// the ties.
    ///
    /// Node `i` is the actor with index `i`; each tie is one edge from its first actor to its second,
    /// in [`SmugglingNetwork::ties`] order, and an undirected tie keeps its direction in its weight
    /// ([`Tie::is_directed`]), so petgraph's algorithms that follow edge directions see it one way only:
    /// use [`Self::to_petgraph_undirected`] for algorithms on the undirected graph.
    ///
    /// # Complexity
    ///
    /// O(n + m), cloning each actor and tie.
    #[must_use]
    pub fn to_petgraph(&self) -> Graph<Actor, Tie> {
        self.petgraph_of()
    }

    /// The network as an undirected `petgraph::Graph` (every tie one undirected edge, its own direction
    /// kept in its weight); node `i` is the actor with index `i`.
    ///
    /// # Complexity
    ///
    /// O(n + m).
    #[must_use]
    pub fn to_petgraph_undirected(&self) -> Graph<Actor, Tie, petgraph::Undirected> {
        self.petgraph_of()
    }

    fn petgraph_of<Ty: EdgeType>(&self) -> Graph<Actor, Tie, Ty> {
        let mut g = Graph::with_capacity(self.actor_count(), self.tie_count());
        for (_, a) in self.actors() {
            g.add_node(a.clone());
        }
        for (from, to, t) in self.ties() {
            g.add_edge(NodeIndex::new(from.index()), NodeIndex::new(to.index()), t.clone());
        }
        g
    }

    /// Builds a network from a `petgraph::Graph` of actors and ties, through
    /// [`NetworkBuilder`](crate::network::NetworkBuilder), so every check applies.
    ///
    /// Node `i` becomes the actor with index `i`; each edge becomes a tie from its source to its target.
    /// A tie's direction is its own ([`Tie::is_directed`]), whatever the graph's `Ty`. Parallel edges of one
    /// kind and direction are merged as [`NetworkBuilder::add_tie`](crate::network::NetworkBuilder::add_tie)
    /// merges duplicates (weights summed), so a graph from [`Self::to_petgraph`] converts back equal.
    ///
    /// # Errors
    ///
    /// The builder's errors: [`NetworkError::SelfTie`] for a self-loop, [`NetworkError::DuplicateName`],
    /// [`NetworkError::EmptyName`], [`NetworkError::InvalidWeight`] and the rest (see
    /// [`NetworkBuilder::add_tie`](crate::network::NetworkBuilder::add_tie) and
    /// [`NetworkBuilder::build`](crate::network::NetworkBuilder::build)).
    ///
    /// # Complexity
    ///
    /// O(n + m) expected (hashing of names and duplicate ties).
    pub fn from_petgraph<Ty: EdgeType, Ix: IndexType>(g: &Graph<Actor, Tie, Ty, Ix>) -> Result<Self, NetworkError> {
        let mut b = SmugglingNetwork::builder();
        let ids: Vec<ActorId> = g.node_weights().map(|a| b.add_actor(a.clone())).collect();
        for e in g.raw_edges() {
            let (from, to) = (ids[e.source().index()], ids[e.target().index()]);
            b.add_tie(from, to, e.weight.clone())?;
        }
        b.build()
    }
}

impl From<&SmugglingNetwork> for Graph<Actor, Tie> {
    /// [`SmugglingNetwork::to_petgraph`].
    fn from(net: &SmugglingNetwork) -> Self {
        net.to_petgraph()
    }
}

impl<Ty: EdgeType, Ix: IndexType> TryFrom<&Graph<Actor, Tie, Ty, Ix>> for SmugglingNetwork {
    type Error = NetworkError;

    /// [`SmugglingNetwork::from_petgraph`].
    fn try_from(g: &Graph<Actor, Tie, Ty, Ix>) -> Result<Self, NetworkError> {
        SmugglingNetwork::from_petgraph(g)
    }
}
