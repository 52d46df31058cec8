//! `SmugglingNetwork`, its builder, views and merge.

use std::collections::HashMap;
use std::iter::FusedIterator;
use std::ops::RangeInclusive;

use time::Date;

use super::actor::{fresh_tag, name_key};
use super::csr::Csr;
use super::{Actor, ActorId, ActorKind, NetworkError, Tie, TieKind};

/// Collects actors and ties, then checks them and builds a [`SmugglingNetwork`].
///
/// # Example
///
/// ```
/// use corridor::network::{Actor, Role, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let boss = b.add_actor(Actor::person("Boss").role(Role::Leader));
/// let guide = b.add_actor(Actor::person("Guide").role(Role::Guide));
/// b.add_tie(boss, guide, Tie::directed(TieKind::Command))?;
/// let net = b.build()?;
/// assert_eq!((net.actor_count(), net.tie_count()), (2, 1));
/// assert!(net.is_directed());
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// Each builder tags the ids it hands out (see [`ActorId`]): a tie between ids of another builder is
/// refused even when their indices are in range. A clone of a builder shares its tag.
#[derive(Debug, Clone)]
pub struct NetworkBuilder {
    actors: Vec<Actor>,
    ends: Vec<(ActorId, ActorId)>,
    ties: Vec<Tie>,
    index: HashMap<TieKey, usize>,
    tag: u32,
}

impl Default for NetworkBuilder {
    /// An empty builder with a tag of its own.
    fn default() -> Self {
        Self::with_tag(fresh_tag())
    }
}

/// Identity of a tie for duplicate detection: kind, direction and the (ordered or sorted) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct TieKey {
    kind: TieKind,
    directed: bool,
    from: u32,
    to: u32,
}

impl NetworkBuilder {
    fn with_tag(tag: u32) -> Self {
        Self {
            actors: Vec::new(),
            ends: Vec::new(),
            ties: Vec::new(),
            index: HashMap::new(),
            tag,
        }
    }

    /// Adds an actor and returns its id (its insertion index).
    ///
    /// The actor is checked by [`Self::build`].
    ///
    /// # Panics
    ///
    /// Panics if more than `u32::MAX` actors are added.
    pub fn add_actor(&mut self, actor: Actor) -> ActorId {
        let id = ActorId::tagged(self.actors.len(), self.tag);
        self.actors.push(actor);
        id
    }

    /// Adds a tie from `from` to `to` (for an undirected tie the order does not matter).
    ///
    /// A tie with the same kind, the same direction and the same pair as an earlier one (for undirected
    /// ties in either order) is merged into it: weights are summed, the observation windows covered (an
    /// open end wins; see [`Tie`]'s "Observation window"), and the sources united.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] if an id was not returned by this builder (an id of another
    /// builder is refused even when its index is in range; [`ActorId::new`] ids are checked by index
    /// only), [`NetworkError::SelfTie`] if `from == to`, [`NetworkError::InvalidWeight`] if the weight is
    /// not positive and finite, [`NetworkError::WeightOverflow`] if merging it into an earlier tie would
    /// sum weights past `f64::MAX`, [`NetworkError::SeenOrder`] if the last sighting precedes the first,
    /// [`NetworkError::ReservedExtra`] if an extra attribute is unnamed or named like a tie field.
    /// A refused tie leaves the builder unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let x = b.add_actor(Actor::person("X"));
    /// let y = b.add_actor(Actor::person("Y"));
    /// b.add_tie(x, y, Tie::undirected(TieKind::Communication).weight(2.0))?;
    /// b.add_tie(y, x, Tie::undirected(TieKind::Communication))?; // merged: weight 3
    /// assert!(b.add_tie(x, y, Tie::undirected(TieKind::Kinship).weight(-1.0)).is_err());
    /// let net = b.build()?;
    /// assert_eq!(net.tie_count(), 1);
    /// assert_eq!(net.ties().next().unwrap().2.tie_weight(), 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn add_tie(&mut self, from: ActorId, to: ActorId, tie: Tie) -> crate::network::Result<()> {
        for id in [from, to] {
            if !id.belongs_to(self.tag) || id.index() >= self.actors.len() {
                return Err(NetworkError::UnknownActor { id: id.index() });
            }
        }
        if from == to {
            return Err(NetworkError::SelfTie { id: from.index() });
        }
        tie.validate()?;
        self.push_tie(from, to, tie)
    }

    /// Adds a checked tie between actors of this builder (by index), merging duplicates.
    fn push_tie(&mut self, from: ActorId, to: ActorId, tie: Tie) -> crate::network::Result<()> {
        let directed = tie.is_directed();
        let (from, to) = (
            ActorId::tagged(from.index(), self.tag),
            ActorId::tagged(to.index(), self.tag),
        );
        let (a, b) = if directed || from <= to { (from, to) } else { (to, from) };
        let key = TieKey {
            kind: tie.kind(),
            directed,
            from: a.raw(),
            to: b.raw(),
        };
        if let Some(&at) = self.index.get(&key) {
            if !(self.ties[at].tie_weight() + tie.tie_weight()).is_finite() {
                return Err(NetworkError::WeightOverflow {
                    from: a.index(),
                    to: b.index(),
                });
            }
            self.ties[at].absorb(&tie);
        } else {
            self.index.insert(key, self.ties.len());
            self.ends.push((a, b));
            self.ties.push(tie);
        }
        Ok(())
    }

    /// Checks every actor and builds the network.
    ///
    /// Checks: every name and alias is non-empty; no two actors share a name or alias (compared trimmed
    /// and case-insensitively; an actor may not repeat its own name as alias either, the setters already
    /// drop that); stage names are non-empty.
    ///
    /// # Errors
    ///
    /// [`NetworkError::EmptyName`], [`NetworkError::DuplicateName`], [`NetworkError::EmptyStageName`],
    /// [`NetworkError::ReservedExtra`] (an extra attribute unnamed or named like an actor field);
    /// [`NetworkError::WeightOverflow`] when the ties of all kinds between two actors (one edge of the
    /// analysis graph, see [`SmugglingNetwork`]) have weights summing past `f64::MAX`.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// b.add_actor(Actor::person("Ana"));
    /// b.add_actor(Actor::person("Luis").alias("ana"));
    /// assert!(b.build().is_err());
    /// ```
    pub fn build(self) -> crate::network::Result<SmugglingNetwork> {
        let mut names: HashMap<String, ActorId> = HashMap::new();
        for (i, a) in self.actors.iter().enumerate() {
            a.validate(i)?;
            for n in a.names() {
                if let Some(prev) = names.insert(name_key(n), ActorId::tagged(i, self.tag)) {
                    return Err(NetworkError::DuplicateName {
                        name: n.to_owned(),
                        first: prev.index(),
                        second: i,
                    });
                }
            }
        }
        SmugglingNetwork::assemble(self.actors, names, self.ends, self.ties, self.tag)
    }
}

/// A smuggling network: actors, typed ties, and the compact analysis graph.
///
/// # Analysis graph
///
/// Measures (centralities, components, disruption) run on one simple graph derived from the ties:
///
/// - The network is **undirected iff every tie is undirected** (a networkx `Graph`). With at least one
///   directed tie it is **directed** (a networkx `DiGraph`) and each undirected tie becomes two arcs.
/// - Between a pair of actors there is **one edge** (one arc per direction in a directed network) whose
///   weight is the **sum** of the weights of all ties of all kinds joining them in that direction.
///
/// Actors keep the [`ActorId`] their builder gave them. The graph is stored in compressed sparse row
/// form in both directions, so neighbour scans are slices.
///
/// # Example
///
/// ```
/// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let a = b.add_actor(Actor::organisation("Clan").alias("AGC"));
/// let x = b.add_actor(Actor::person("X"));
/// b.add_tie(x, a, Tie::undirected(TieKind::Membership))?;
/// let net = b.build()?;
/// assert_eq!(net.find("agc"), Some(a));
/// assert_eq!(net.actor(x).map(|p| p.name()), Some("X"));
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// With the `serde` feature a network (de)serialises as `{"actors": [...], "ties": [{"from": 0, "to": 1,
/// "tie": {...}}, ...]}`; deserialising rebuilds it through [`NetworkBuilder`], so every check applies.
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "serde_repr::NetworkRepr", into = "serde_repr::NetworkRepr")
)]
pub struct SmugglingNetwork {
    actors: Vec<Actor>,
    names: HashMap<String, ActorId>,
    ends: Vec<(ActorId, ActorId)>,
    ties: Vec<Tie>,
    graph: Csr,
    /// The tag of the builder, shared by views and merges into this network (see [`ActorId`]).
    tag: u32,
}

impl PartialEq for SmugglingNetwork {
    fn eq(&self, other: &Self) -> bool {
        self.actors == other.actors && self.ends == other.ends && self.ties == other.ties
    }
}

/// What [`SmugglingNetwork::during`] does with ties that carry no date at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Undated {
    /// Keep them (assume they were active the whole time).
    Keep,
    /// Drop them (count only ties known to be active in the window).
    Drop,
}

impl SmugglingNetwork {
    /// Starts an empty builder.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::SmugglingNetwork;
    /// let net = SmugglingNetwork::builder().build()?;
    /// assert_eq!(net.actor_count(), 0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn builder() -> NetworkBuilder {
        NetworkBuilder::default()
    }

    /// Builds the analysis graph from checked parts.
    ///
    /// # Errors
    ///
    /// [`NetworkError::WeightOverflow`] when the weights of one edge sum past `f64::MAX`.
    fn assemble(
        actors: Vec<Actor>,
        names: HashMap<String, ActorId>,
        ends: Vec<(ActorId, ActorId)>,
        ties: Vec<Tie>,
        tag: u32,
    ) -> crate::network::Result<Self> {
        let directed = ties.iter().any(Tie::is_directed);
        let mut weights: HashMap<(u32, u32), f64> = HashMap::with_capacity(ties.len());
        for (&(a, b), t) in ends.iter().zip(&ties) {
            let (a, b) = (a.raw(), b.raw());
            let w = t.tie_weight();
            if directed {
                *weights.entry((a, b)).or_insert(0.0) += w;
                if !t.is_directed() {
                    *weights.entry((b, a)).or_insert(0.0) += w;
                }
            } else {
                *weights.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
            }
        }
        let mut edges: Vec<(u32, u32, f64)> = weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        edges.sort_by_key(|&(a, b, _)| (a, b));
        if let Some(&(a, b, _)) = edges.iter().find(|e| !e.2.is_finite()) {
            return Err(NetworkError::WeightOverflow {
                from: a as usize,
                to: b as usize,
            });
        }
        let graph = Csr::from_edges(actors.len(), directed, &edges);
        Ok(Self {
            actors,
            names,
            ends,
            ties,
            graph,
            tag,
        })
    }

    /// The id of the actor at `index` in this network (tagged as its own).
    pub(crate) fn id(&self, index: usize) -> ActorId {
        ActorId::tagged(index, self.tag)
    }

    /// The index of `id` when it names an actor of this network: in range, and not an id of another
    /// network (see [`ActorId`]).
    pub(crate) fn index_of(&self, id: ActorId) -> Option<usize> {
        (id.belongs_to(self.tag) && id.index() < self.actors.len()).then(|| id.index())
    }

    /// `Ok` when `id` names an actor of this network.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] otherwise.
    pub(crate) fn check_actor(&self, id: ActorId) -> crate::network::Result<usize> {
        self.index_of(id).ok_or(NetworkError::UnknownActor { id: id.index() })
    }

    /// The analysis graph (see the type docs), indexed by `ActorId::index()`.
    pub(crate) fn graph(&self) -> &Csr {
        &self.graph
    }

    /// Number of actors.
    #[must_use]
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// Number of ties after duplicates were merged (ties of different kinds between one pair count
    /// separately).
    #[must_use]
    pub fn tie_count(&self) -> usize {
        self.ties.len()
    }

    /// Number of edges of the analysis graph (arcs if directed).
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Whether the analysis graph is directed (at least one tie is directed).
    #[must_use]
    pub fn is_directed(&self) -> bool {
        self.graph.is_directed()
    }

    /// The actor with this id, or `None` if there is none (or the id is another network's, see
    /// [`ActorId`]).
    #[must_use]
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.index_of(id).map(|i| &self.actors[i])
    }

    /// The actors with their ids, in id order.
    #[must_use]
    pub fn actors(&self) -> Actors<'_> {
        Actors {
            inner: self.actors.iter().enumerate(),
            tag: self.tag,
        }
    }

    /// The actor known by `name` (name or alias, compared trimmed and case-insensitively).
    #[must_use]
    pub fn find(&self, name: &str) -> Option<ActorId> {
        self.names.get(&name_key(name)).copied()
    }

    /// The ties as `(from, to, tie)`, in the order they were first added. Undirected ties give their
    /// endpoints with the lower id first.
    #[must_use]
    pub fn ties(&self) -> Ties<'_> {
        Ties {
            inner: self.ends.iter().zip(self.ties.iter()),
        }
    }

    /// The neighbours of `id` in the analysis graph (successors and predecessors of a directed graph,
    /// each once), sorted; empty for an unknown id (or another network's).
    #[must_use]
    pub fn neighbours(&self, id: ActorId) -> Vec<ActorId> {
        let Some(v) = self.index_of(id) else {
            return Vec::new();
        };
        let mut out: Vec<u32> = self.graph.out_neighbors(v).to_vec();
        if self.graph.is_directed() {
            out.extend_from_slice(self.graph.in_neighbors(v));
            out.sort_unstable();
            out.dedup();
        }
        out.into_iter().map(|u| self.id(u as usize)).collect()
    }

    /// A network with the same actors (same ids) and only the ties for which `keep` is true.
    fn filtered(&self, mut keep: impl FnMut(ActorId, ActorId, &Tie) -> bool) -> Self {
        let (mut ends, mut ties) = (Vec::new(), Vec::new());
        for (&(a, b), t) in self.ends.iter().zip(&self.ties) {
            if keep(a, b, t) {
                ends.push((a, b));
                ties.push(t.clone());
            }
        }
        // The kept ties are a subset of checked ones, so their sums are finite too.
        Self::assemble(self.actors.clone(), self.names.clone(), ends, ties, self.tag)
            .expect("a subset of ties with finite weight sums has finite sums")
    }

    /// The same actors (same ids) with only the ties of the given kinds.
    ///
    /// Directedness is recomputed from the ties that remain.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let x = b.add_actor(Actor::person("X"));
    /// let y = b.add_actor(Actor::person("Y"));
    /// b.add_tie(x, y, Tie::directed(TieKind::Financial))?;
    /// b.add_tie(x, y, Tie::undirected(TieKind::Kinship))?;
    /// let kin = b.build()?.by_kind(&[TieKind::Kinship]);
    /// assert_eq!((kin.actor_count(), kin.tie_count(), kin.is_directed()), (2, 1, false));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn by_kind(&self, kinds: &[TieKind]) -> Self {
        self.filtered(|_, _, t| kinds.contains(&t.kind()))
    }

    /// The same actors (same ids) with only the ties observed at some time in `window` (inclusive).
    ///
    /// A tie is in the window if `first_seen <= window.end()` and `last_seen >= window.start()`; a missing
    /// first (last) date counts as "since ever" ("still active"). Ties with no date at all follow
    /// `undated`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::EmptyWindow`] if the window ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Undated};
    /// use time::macros::date;
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let x = b.add_actor(Actor::person("X"));
    /// let y = b.add_actor(Actor::person("Y"));
    /// b.add_tie(x, y, Tie::undirected(TieKind::Logistics).seen(date!(2021-01-01), date!(2021-12-31)))?;
    /// let net = b.build()?;
    /// assert_eq!(net.during(date!(2022-01-01)..=date!(2022-12-31), Undated::Keep)?.tie_count(), 0);
    /// assert_eq!(net.during(date!(2021-06-01)..=date!(2022-12-31), Undated::Keep)?.tie_count(), 1);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn during(&self, window: RangeInclusive<Date>, undated: Undated) -> crate::network::Result<Self> {
        let (first, last) = (*window.start(), *window.end());
        if last < first {
            return Err(NetworkError::EmptyWindow { first, last });
        }
        Ok(self.filtered(|_, _, t| t.overlaps(first, last).unwrap_or(undated == Undated::Keep)))
    }

    /// The organisation `org`, its members and the ties among them; every other actor stays (same ids)
    /// but is isolated.
    ///
    /// Members are the actors joined to `org` by a [`TieKind::Membership`] tie (either direction). All
    /// ties among `org` and its members are kept (including the membership ties).
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] for an unknown id, [`NetworkError::NotAnOrganisation`] if the actor
    /// is a person.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let org = b.add_actor(Actor::organisation("Clan"));
    /// let x = b.add_actor(Actor::person("X"));
    /// let y = b.add_actor(Actor::person("Y"));
    /// let z = b.add_actor(Actor::person("Z"));
    /// b.add_tie(x, org, Tie::undirected(TieKind::Membership))?;
    /// b.add_tie(y, org, Tie::undirected(TieKind::Membership))?;
    /// b.add_tie(x, y, Tie::undirected(TieKind::Communication))?;
    /// b.add_tie(y, z, Tie::undirected(TieKind::Communication))?;
    /// let clan = b.build()?.organisation(org)?;
    /// assert_eq!((clan.actor_count(), clan.tie_count()), (4, 3));
    /// assert!(clan.neighbours(z).is_empty());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn organisation(&self, org: ActorId) -> crate::network::Result<Self> {
        let a = &self.actors[self.check_actor(org)?];
        if a.kind() != ActorKind::Organisation {
            return Err(NetworkError::NotAnOrganisation { id: org.index() });
        }
        let mut inside = vec![false; self.actors.len()];
        inside[org.index()] = true;
        for (&(a, b), t) in self.ends.iter().zip(&self.ties) {
            if t.kind() == TieKind::Membership {
                if a == org {
                    inside[b.index()] = true;
                } else if b == org {
                    inside[a.index()] = true;
                }
            }
        }
        Ok(self.filtered(|a, b, _| inside[a.index()] && inside[b.index()]))
    }

    /// Merges `other` into a copy of `self`, matching actors by name or alias.
    ///
    /// Actors of `self` keep their ids. An actor of `other` that shares a name or alias (trimmed,
    /// case-insensitive) with an actor of `self` is that actor: its names become aliases, its roles and
    /// stages are added, and its country, fee and capacity fill in what `self` lacks (`self` wins when
    /// both have a fee or capacity). Other actors are appended in their order in `other`. Ties of
    /// `other` are added with mapped ids; duplicates merge as in [`NetworkBuilder::add_tie`]. The result
    /// accepts the ids of `self` (it shares its tag, see [`ActorId`]), not those of `other`: map them.
    ///
    /// Returns the merged network and, for each actor of `other` (by index), its id in the result.
    ///
    /// # Errors
    ///
    /// [`NetworkError::AmbiguousMerge`] if an actor of `other` matches two actors of `self`;
    /// [`NetworkError::MergeConflict`] if matched actors differ in kind or in (known) country;
    /// [`NetworkError::WeightOverflow`] if merged tie weights sum past `f64::MAX`.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let x = b.add_actor(Actor::person("Ximena").alias("La Flaca"));
    /// let y = b.add_actor(Actor::person("Yeison"));
    /// b.add_tie(x, y, Tie::undirected(TieKind::Kinship))?;
    /// let police = b.build()?;
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let f = b.add_actor(Actor::person("la flaca"));
    /// let z = b.add_actor(Actor::person("Zoila"));
    /// b.add_tie(f, z, Tie::directed(TieKind::Financial))?;
    /// let press = b.build()?;
    ///
    /// let (all, map) = police.merge(&press)?;
    /// assert_eq!(map, vec![x, corridor::network::ActorId::new(2)]);
    /// assert_eq!((all.actor_count(), all.tie_count()), (3, 2));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn merge(&self, other: &Self) -> crate::network::Result<(Self, Vec<ActorId>)> {
        let mut actors = self.actors.clone();
        let mut mapping = Vec::with_capacity(other.actors.len());
        let mut appended: Vec<usize> = Vec::new();
        for a in &other.actors {
            let mut hit: Option<ActorId> = None;
            for n in a.names() {
                if let Some(&id) = self.names.get(&name_key(n)) {
                    if hit.is_some_and(|h| h != id) {
                        return Err(NetworkError::AmbiguousMerge {
                            name: a.name().to_owned(),
                        });
                    }
                    hit = Some(id);
                }
            }
            if let Some(id) = hit {
                actors[id.index()].absorb(a)?;
                mapping.push(id);
            } else {
                mapping.push(self.id(actors.len()));
                appended.push(actors.len());
                actors.push(a.clone());
            }
        }
        let mut b = NetworkBuilder {
            actors,
            ..NetworkBuilder::with_tag(self.tag)
        };
        for (&(x, y), t) in self.ends.iter().zip(&self.ties) {
            b.push_tie(x, y, t.clone())?;
        }
        for (&(x, y), t) in other.ends.iter().zip(&other.ties) {
            b.push_tie(mapping[x.index()], mapping[y.index()], t.clone())?;
        }
        Ok((b.build()?, mapping))
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    //! The serialised shape of a network: actors and ties, rebuilt through the builder.
    use super::{Actor, ActorId, SmugglingNetwork, Tie};

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct TieRecord {
        from: ActorId,
        to: ActorId,
        tie: Tie,
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct NetworkRepr {
        actors: Vec<Actor>,
        #[serde(default)]
        ties: Vec<TieRecord>,
    }

    impl TryFrom<NetworkRepr> for SmugglingNetwork {
        type Error = crate::network::NetworkError;

        fn try_from(r: NetworkRepr) -> crate::network::Result<Self> {
            let mut b = SmugglingNetwork::builder();
            for a in r.actors {
                b.add_actor(a);
            }
            for t in r.ties {
                b.add_tie(t.from, t.to, t.tie)?;
            }
            b.build()
        }
    }

    impl From<SmugglingNetwork> for NetworkRepr {
        fn from(n: SmugglingNetwork) -> Self {
            let ties = n
                .ends
                .iter()
                .zip(n.ties)
                .map(|(&(from, to), tie)| TieRecord { from, to, tie })
                .collect();
            Self { actors: n.actors, ties }
        }
    }
}

/// Iterator over the actors of a network with their ids; see [`SmugglingNetwork::actors`].
#[derive(Debug, Clone)]
pub struct Actors<'a> {
    inner: std::iter::Enumerate<std::slice::Iter<'a, Actor>>,
    tag: u32,
}

impl<'a> Iterator for Actors<'a> {
    type Item = (ActorId, &'a Actor);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(i, a)| (ActorId::tagged(i, self.tag), a))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Actors<'_> {}
impl FusedIterator for Actors<'_> {}

/// Iterator over the ties of a network; see [`SmugglingNetwork::ties`].
#[derive(Debug, Clone)]
pub struct Ties<'a> {
    inner: std::iter::Zip<std::slice::Iter<'a, (ActorId, ActorId)>, std::slice::Iter<'a, Tie>>,
}

impl<'a> Iterator for Ties<'a> {
    type Item = (ActorId, ActorId, &'a Tie);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(&(a, b), t)| (a, b, t))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Ties<'_> {}
impl FusedIterator for Ties<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Fee, Role, StageServed};
    use time::macros::date;

    fn err(r: crate::network::Result<impl std::fmt::Debug>) -> NetworkError {
        match r {
            Err(e) => e,
            other => panic!("expected a network error, got {other:?}"),
        }
    }

    fn pair() -> (NetworkBuilder, ActorId, ActorId) {
        let mut b = SmugglingNetwork::builder();
        let x = b.add_actor(Actor::person("X"));
        let y = b.add_actor(Actor::person("Y"));
        (b, x, y)
    }

    #[test]
    fn add_tie_errors() {
        let (mut b, x, y) = pair();
        let t = || Tie::undirected(TieKind::Kinship);
        assert_eq!(
            err(b.add_tie(x, ActorId::new(5), t())),
            NetworkError::UnknownActor { id: 5 }
        );
        assert_eq!(err(b.add_tie(x, x, t())), NetworkError::SelfTie { id: 0 });
        assert!(matches!(
            err(b.add_tie(x, y, t().weight(0.0))),
            NetworkError::InvalidWeight { .. }
        ));
        assert!(matches!(
            err(b.add_tie(x, y, t().weight(f64::INFINITY))),
            NetworkError::InvalidWeight { .. }
        ));
        assert!(matches!(
            err(b.add_tie(x, y, t().seen(date!(2022 - 02 - 01), date!(2022 - 01 - 01)))),
            NetworkError::SeenOrder { .. }
        ));
    }

    /// Ids of one builder are refused by another builder, its network, views and merges, even when the
    /// index is in range (they used to be taken as that network's actor of the same index).
    #[test]
    fn ids_of_another_builder_are_unknown_actors() {
        let (mut b, x, y) = pair();
        let (mut other, p, q) = pair();
        let unknown = |id: usize| NetworkError::UnknownActor { id };
        assert_eq!(err(other.add_tie(p, y, Tie::undirected(TieKind::Kinship))), unknown(1));
        assert_eq!(err(b.add_tie(q, x, Tie::undirected(TieKind::Kinship))), unknown(1));
        other.add_tie(p, q, Tie::undirected(TieKind::Kinship)).unwrap();
        b.add_tie(x, y, Tie::undirected(TieKind::Kinship)).unwrap();
        // Ids of no builder are plain indices, accepted everywhere.
        b.add_tie(ActorId::new(1), ActorId::new(0), Tie::directed(TieKind::Command))
            .unwrap();
        let net = b.build().unwrap();
        let other = other.build().unwrap();
        assert!(other.actor(x).is_none());
        assert!(other.neighbours(y).is_empty());
        assert_eq!(err(other.organisation(x)), unknown(0));
        assert_eq!(net.actor(x).map(Actor::name), Some("X"));
        assert_eq!(net.actor(ActorId::new(1)).map(Actor::name), Some("Y"));
        // Views keep the parent's ids; ids the network hands out are its own.
        let view = net.by_kind(&[TieKind::Kinship]);
        assert_eq!(view.neighbours(x), vec![y]);
        let (found, _) = net.actors().nth(1).unwrap();
        assert!(view.actor(found).is_some() && other.actor(found).is_none());
        assert!(other.actor(net.find("x").unwrap()).is_none());
        let (from, _, _) = net.ties().next().unwrap();
        assert!(other.actor(from).is_none());
        // A merge keeps the ids of `self` and maps those of `other`.
        let (merged, map) = net.merge(&other).unwrap();
        assert!(merged.actor(x).is_some() && merged.actor(map[0]).is_some());
        assert!(merged.actor(p).is_none());
        // Small and Copy.
        assert_eq!(std::mem::size_of::<ActorId>(), 8);
    }

    /// Weights that sum past `f64::MAX` are refused like a single infinite weight, whether a duplicate is
    /// merged or ties of several kinds make one edge.
    #[test]
    fn weights_summing_past_the_largest_float_are_errors() {
        let (mut b, x, y) = pair();
        let big = || Tie::undirected(TieKind::Kinship).weight(f64::MAX);
        b.add_tie(x, y, big()).unwrap();
        assert_eq!(
            err(b.add_tie(y, x, big())),
            NetworkError::WeightOverflow { from: 0, to: 1 }
        );
        // The refused tie left the builder unchanged.
        assert_eq!(
            b.clone().build().unwrap().ties().next().unwrap().2.tie_weight(),
            f64::MAX
        );
        b.add_tie(x, y, Tie::undirected(TieKind::Financial).weight(f64::MAX))
            .unwrap();
        assert_eq!(err(b.build()), NetworkError::WeightOverflow { from: 0, to: 1 });

        let (mut b, x, y) = pair();
        b.add_tie(x, y, big()).unwrap();
        let net = b.build().unwrap();
        assert_eq!(err(net.merge(&net)), NetworkError::WeightOverflow { from: 0, to: 1 });
    }

    #[test]
    fn build_errors() {
        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("  "));
        assert_eq!(err(b.build()), NetworkError::EmptyName { id: 0 });

        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("A"));
        b.add_actor(Actor::organisation("a "));
        assert!(matches!(
            err(b.build()),
            NetworkError::DuplicateName {
                first: 0,
                second: 1,
                ..
            }
        ));

        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("A").stage(StageServed::new(0, " ")));
        assert!(matches!(err(b.build()), NetworkError::EmptyStageName { .. }));
    }

    #[test]
    fn graph_sums_kinds_and_follows_directedness() {
        let (mut b, x, y) = pair();
        let z = b.add_actor(Actor::person("Z"));
        b.add_tie(x, y, Tie::undirected(TieKind::Kinship).weight(2.0)).unwrap();
        b.add_tie(y, x, Tie::undirected(TieKind::Communication).weight(0.5))
            .unwrap();
        b.add_tie(y, z, Tie::undirected(TieKind::Communication)).unwrap();
        let net = b.clone().build().unwrap();
        assert!(!net.is_directed());
        assert_eq!(net.tie_count(), 3);
        assert_eq!(net.edge_count(), 2);
        assert_eq!(net.graph().out_weights(0), &[2.5]);

        b.add_tie(z, x, Tie::directed(TieKind::Command)).unwrap();
        let net = b.build().unwrap();
        assert!(net.is_directed());
        // x<->y two arcs of 2.5, y<->z two arcs, z->x one arc.
        assert_eq!(net.edge_count(), 5);
        assert_eq!(net.graph().out_neighbors(2), &[0, 1]);
        assert_eq!(net.graph().in_neighbors(0), &[1, 2]);
        assert_eq!(net.neighbours(x), vec![y, z]);
    }

    #[test]
    fn views_keep_ids() {
        let mut b = SmugglingNetwork::builder();
        let org = b.add_actor(Actor::organisation("Org"));
        let p = b.add_actor(Actor::person("P"));
        let q = b.add_actor(Actor::person("Q"));
        b.add_tie(p, org, Tie::directed(TieKind::Membership)).unwrap();
        b.add_tie(
            p,
            q,
            Tie::undirected(TieKind::Communication).seen_until(date!(2020 - 01 - 01)),
        )
        .unwrap();
        let net = b.build().unwrap();
        assert_eq!(err(net.organisation(p)), NetworkError::NotAnOrganisation { id: 1 });
        assert_eq!(
            err(net.organisation(ActorId::new(9))),
            NetworkError::UnknownActor { id: 9 }
        );
        let o = net.organisation(org).unwrap();
        assert_eq!(o.tie_count(), 1);
        assert_eq!(o.find("q"), Some(q));
        let w = net
            .during(date!(2021 - 01 - 01)..=date!(2021 - 12 - 31), Undated::Drop)
            .unwrap();
        assert_eq!(w.tie_count(), 0);
        let w = net
            .during(date!(2019 - 01 - 01)..=date!(2019 - 12 - 31), Undated::Drop)
            .unwrap();
        assert_eq!(w.tie_count(), 1);
        let w = net
            .during(date!(2019 - 01 - 01)..=date!(2019 - 12 - 31), Undated::Keep)
            .unwrap();
        assert_eq!(w.tie_count(), 2);
        #[allow(clippy::reversed_empty_ranges)]
        let bad = date!(2022 - 01 - 01)..=date!(2021 - 01 - 01);
        assert!(matches!(
            err(net.during(bad, Undated::Keep)),
            NetworkError::EmptyWindow { .. }
        ));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trips_and_validates() {
        let mut b = SmugglingNetwork::builder();
        let x = b.add_actor(
            Actor::person("X")
                .alias("Equis")
                .role(Role::Guide)
                .country(crate::Country::PAN)
                .stage(StageServed::new(2, "Darién"))
                .fee(Fee::new(350.0, "USD").unwrap())
                .capacity(200),
        );
        let y = b.add_actor(Actor::organisation("Y"));
        b.add_tie(
            x,
            y,
            Tie::directed(TieKind::Membership)
                .weight(0.5)
                .seen(date!(2022 - 01 - 01), date!(2022 - 03 - 31))
                .source(crate::Source::new("P", "T").unwrap()),
        )
        .unwrap();
        let net = b.build().unwrap();
        let json = serde_json::to_string(&net).unwrap();
        assert!(json.contains("\"first_seen\":\"2022-01-01\""), "{json}");
        assert!(json.contains("\"country\":\"PAN\""), "{json}");
        let back: SmugglingNetwork = serde_json::from_str(&json).unwrap();
        assert_eq!(back, net);
        assert_eq!(back.find("equis"), Some(x));

        let bad_fee = json.replace("\"amount\":350.0", "\"amount\":-1.0");
        assert!(serde_json::from_str::<SmugglingNetwork>(&bad_fee).is_err());
        let bad_weight = json.replace("\"weight\":0.5", "\"weight\":0.0");
        assert!(serde_json::from_str::<SmugglingNetwork>(&bad_weight).is_err());
        let bad_id = json.replace("\"to\":1", "\"to\":7");
        let e = serde_json::from_str::<SmugglingNetwork>(&bad_id).unwrap_err();
        assert!(e.to_string().contains("unknown actor id 7"), "{e}");
    }

    #[test]
    fn merge_matches_aliases_and_reports_conflicts() {
        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("A").alias("Alpha").country(crate::Country::COL));
        b.add_actor(Actor::person("B"));
        let left = b.build().unwrap();

        let mut b = SmugglingNetwork::builder();
        let a = b.add_actor(
            Actor::person("alpha")
                .alias("El A")
                .role(Role::Guide)
                .fee(Fee::new(1.0, "USD").unwrap()),
        );
        let c = b.add_actor(Actor::person("C"));
        b.add_tie(a, c, Tie::undirected(TieKind::Kinship)).unwrap();
        let right = b.build().unwrap();
        let (m, map) = left.merge(&right).unwrap();
        assert_eq!(map, vec![ActorId::new(0), ActorId::new(2)]);
        let merged = m.actor(ActorId::new(0)).unwrap();
        assert_eq!(merged.roles(), &[Role::Guide]);
        assert_eq!(m.find("el a"), Some(ActorId::new(0)));
        assert!(merged.fee_per_migrant().is_some());

        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("A").alias("B"));
        assert!(matches!(
            err(left.merge(&b.build().unwrap())),
            NetworkError::AmbiguousMerge { .. }
        ));

        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::organisation("A"));
        assert!(matches!(
            err(left.merge(&b.build().unwrap())),
            NetworkError::MergeConflict { field: "kind", .. }
        ));
        let mut b = SmugglingNetwork::builder();
        b.add_actor(Actor::person("A").country(crate::Country::PAN));
        assert!(matches!(
            err(left.merge(&b.build().unwrap())),
            NetworkError::MergeConflict { field: "country", .. }
        ));
    }
}
