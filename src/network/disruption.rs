//! Disruption: removing arrested actors, attack strategies, resilience curves and recovery.
//!
//! See [`DisruptionMetrics`] for the definitions.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;

use super::algo::maxflow::Dinic;
use super::csr::Csr;
use super::{ActorId, Role, SmugglingNetwork};

/// Monthly capacity of the corridor: a number of migrants or unlimited.
///
/// With the `serde` feature it is the number, or the word `unbounded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capacity {
    /// At most this many migrants per month.
    Bounded(u64),
    /// No actor on some path states a capacity, so the flow is not limited by the data.
    Unbounded,
}

impl fmt::Display for Capacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Capacity::Bounded(c) => write!(f, "{c}"),
            Capacity::Unbounded => f.write_str("unbounded"),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Capacity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Capacity::Bounded(c) => s.serialize_u64(*c),
            Capacity::Unbounded => s.serialize_str("unbounded"),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Capacity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Capacity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of migrants per month or \"unbounded\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Capacity, E> {
                Ok(Capacity::Bounded(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Capacity, E> {
                if v == "unbounded" {
                    Ok(Capacity::Unbounded)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Whether the corridor still works end to end, and its capacity (defined in [`DisruptionMetrics`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CorridorFlow {
    first_stage: u32,
    last_stage: u32,
    capacity: Capacity,
}

impl CorridorFlow {
    /// Index of the first stage of the corridor.
    #[must_use]
    pub fn first_stage(&self) -> u32 {
        self.first_stage
    }

    /// Index of the last stage of the corridor.
    #[must_use]
    pub fn last_stage(&self) -> u32 {
        self.last_stage
    }

    /// Maximum number of migrants per month from the first stage to the last.
    #[must_use]
    pub fn capacity(&self) -> Capacity {
        self.capacity
    }

    /// Whether a positive flow still passes from the first stage to the last.
    #[must_use]
    pub fn is_reachable(&self) -> bool {
        self.capacity != Capacity::Bounded(0)
    }
}

/// The state of a (possibly damaged) network.
///
/// # Graph used
///
/// Disruption works on the **undirected view** of the analysis graph (an edge wherever the analysis graph
/// has an arc in either direction), unweighted: components are the weakly connected components, and
/// ties are channels of cooperation that migrants, money and orders can use both ways. Removed actors
/// keep their ids and simply drop out.
///
/// # Metrics
///
/// With `N` actors in the intact network and `n` actors remaining:
///
/// - **largest component share** = size of the largest connected component of the remaining actors
///   ÷ `N` (so it falls as actors are removed; 0 for an empty network);
/// - **components** = number of connected components among the remaining actors (isolates count);
/// - **fragmentation** (Borgatti 2006) = `1 − Σ_k s_k (s_k − 1) / (n (n − 1))` over the component sizes
///   `s_k` of the remaining actors; 1 when `n < 2`;
/// - **global efficiency** = networkx `global_efficiency` of the remaining graph: the mean of `1/d(u, v)`
///   over ordered pairs of distinct remaining actors (`1/∞ = 0`), unweighted; 0 when `n < 2`;
/// - **corridor flow**: whether the corridor's first stage still reaches its last, and how many migrants
///   per month can pass — see [`CorridorFlow`].
///
/// # Corridor flow
///
/// The first and last stages are the lowest and highest [`StageServed`](super::StageServed) index served by any actor
/// of the intact network. A maximum flow is computed from a super-source joined to every remaining actor
/// serving the first stage to a super-sink joined from every remaining actor serving the last stage.
/// Migrants pass only through actors that serve at least one stage (leaders, financiers and
/// organisations without stages carry none; to let only some tie kinds carry migrants, measure a
/// [`by_kind`](SmugglingNetwork::by_kind) view, which keeps the ids). Each actor is split into an
/// in-node and an out-node joined by an arc whose capacity is the actor's monthly capacity
/// ([`Actor::capacity`](super::Actor::capacity)); actors without a stated capacity are unlimited; ties
/// are unlimited arcs both ways. The value is found with Dinic's algorithm in
/// `O(V² E)` for `V = 2n + 2` nodes and `E = 2n + 2m` arcs; it equals networkx
/// `maximum_flow_value` on the same node-split graph.
///
/// # Attacks and recovery
///
/// An [`Attack`] removes one actor per step; [`Recovery::SameRoleNeighbour`] lets the network repair
/// itself after each removal, as in Duijn, Kashirin & Sloot (2014), *The relative ineffectiveness of
/// criminal network disruption*, Scientific Reports 4:4238.
///
/// # Complexity
///
/// Each metrics evaluation costs `O(n (n + m))` (one breadth-first search per actor for the efficiency) plus
/// the max-flow.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DisruptionMetrics {
    remaining: usize,
    largest_component: usize,
    largest_component_share: f64,
    components: usize,
    fragmentation: f64,
    efficiency: f64,
    corridor: Option<CorridorFlow>,
}

impl DisruptionMetrics {
    /// Number of actors not removed.
    #[must_use]
    pub fn remaining(&self) -> usize {
        self.remaining
    }

    /// Size of the largest connected component.
    #[must_use]
    pub fn largest_component(&self) -> usize {
        self.largest_component
    }

    /// Largest component size ÷ the number of actors of the intact network.
    #[must_use]
    pub fn largest_component_share(&self) -> f64 {
        self.largest_component_share
    }

    /// Number of connected components among the remaining actors.
    #[must_use]
    pub fn components(&self) -> usize {
        self.components
    }

    /// Borgatti's fragmentation `1 − Σ s_k(s_k − 1) / (n(n − 1))`.
    #[must_use]
    pub fn fragmentation(&self) -> f64 {
        self.fragmentation
    }

    /// networkx `global_efficiency` of the remaining graph.
    #[must_use]
    pub fn efficiency(&self) -> f64 {
        self.efficiency
    }

    /// The corridor flow, or `None` if no actor serves any stage.
    #[must_use]
    pub fn corridor(&self) -> Option<CorridorFlow> {
        self.corridor
    }
}

/// Metrics before and after removing a set of actors; see [`SmugglingNetwork::disrupt`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Disruption {
    removed: Vec<ActorId>,
    before: DisruptionMetrics,
    after: DisruptionMetrics,
}

impl Disruption {
    /// The actors removed (sorted, distinct).
    #[must_use]
    pub fn removed(&self) -> &[ActorId] {
        &self.removed
    }

    /// Metrics of the intact network.
    #[must_use]
    pub fn before(&self) -> &DisruptionMetrics {
        &self.before
    }

    /// Metrics after the removal.
    #[must_use]
    pub fn after(&self) -> &DisruptionMetrics {
        &self.after
    }
}

/// Which actor an attack removes next. Ties between candidates (scores within a relative 1e-9) go to the
/// lowest id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Attack {
    /// The actor with the most neighbours in the current (damaged) network.
    HighestDegree,
    /// The actor with the highest betweenness (unweighted, undirected view, networkx definition).
    HighestBetweenness {
        /// Recompute betweenness after every removal (adaptive attack), or rank once on the intact
        /// network.
        recompute: bool,
    },
    /// Actors with this role, highest current degree first; the attack stops when none is left.
    ByRole(Role),
    /// A uniformly random order of the actors, drawn from `seed` (same seed, same order, on every
    /// platform).
    Random {
        /// Seed of the generator.
        seed: u64,
    },
}

impl fmt::Display for Attack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Attack::HighestDegree => f.write_str("degree"),
            Attack::HighestBetweenness { recompute: true } => f.write_str("betweenness (adaptive)"),
            Attack::HighestBetweenness { recompute: false } => f.write_str("betweenness"),
            Attack::ByRole(r) => write!(f, "role {r}"),
            Attack::Random { seed } => write!(f, "random (seed {seed})"),
        }
    }
}

/// How the network reacts to a removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Recovery {
    /// No reaction.
    #[default]
    None,
    /// Before an actor is removed, its ties pass to one of its neighbours that shares one of its roles
    /// (Duijn, Kashirin & Sloot 2014): the neighbour with the highest current degree, ties to the lowest
    /// id. The heir is joined to every other remaining neighbour of the removed actor. Without such a
    /// neighbour nothing is repaired.
    SameRoleNeighbour,
}

/// One point of a resilience curve.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ResiliencePoint {
    removed: Option<ActorId>,
    metrics: DisruptionMetrics,
}

impl ResiliencePoint {
    /// The actor removed at this step (`None` for step 0, the intact network).
    #[must_use]
    pub fn removed(&self) -> Option<ActorId> {
        self.removed
    }

    /// The metrics after this step.
    #[must_use]
    pub fn metrics(&self) -> &DisruptionMetrics {
        &self.metrics
    }
}

/// Metrics after 0, 1, 2, … removals by one [`Attack`]; see [`SmugglingNetwork::resilience`].
///
/// With the `serde` feature it serialises (serialise-only) as `attack`, `recovery` and `points`, each
/// point as `removed` (the actor's index, `null` for the intact network) and `metrics` (the fields of
/// [`DisruptionMetrics`] by their accessor names, `corridor` as `first_stage`, `last_stage` and
/// `capacity`, a number or `"unbounded"`); an [`AttackComparison`] as `curves`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ResilienceCurve {
    attack: Attack,
    recovery: Recovery,
    points: Vec<ResiliencePoint>,
}

impl ResilienceCurve {
    /// The attack.
    #[must_use]
    pub fn attack(&self) -> Attack {
        self.attack
    }

    /// The recovery rule.
    #[must_use]
    pub fn recovery(&self) -> Recovery {
        self.recovery
    }

    /// The points; `points()[0]` is the intact network, `points()[k]` the network after `k` removals.
    #[must_use]
    pub fn points(&self) -> &[ResiliencePoint] {
        &self.points
    }

    /// The actors removed, in order.
    #[must_use]
    pub fn removed(&self) -> Vec<ActorId> {
        self.points.iter().filter_map(|p| p.removed).collect()
    }
}

/// Resilience curves of several attacks side by side; `Display` prints a table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AttackComparison {
    curves: Vec<ResilienceCurve>,
}

impl AttackComparison {
    /// One curve per attack, in the order asked.
    #[must_use]
    pub fn curves(&self) -> &[ResilienceCurve] {
        &self.curves
    }
}

impl fmt::Display for AttackComparison {
    /// One row per step; per attack three columns: largest component share (`lcc`), global efficiency
    /// (`eff`) and corridor capacity per month (`flow`, `-` without stages).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const W: usize = 24;
        write!(f, "{:>4}", "step")?;
        for c in &self.curves {
            let name = c.attack.to_string();
            write!(f, " | {name:<W$}")?;
        }
        writeln!(f)?;
        write!(f, "{:>4}", "")?;
        for _ in &self.curves {
            write!(f, " | {:>6} {:>6} {:>10}", "lcc", "eff", "flow")?;
        }
        writeln!(f)?;
        let rows = self.curves.iter().map(|c| c.points.len()).max().unwrap_or(0);
        for k in 0..rows {
            write!(f, "{k:>4}")?;
            for c in &self.curves {
                match c.points.get(k) {
                    Some(p) => {
                        let m = &p.metrics;
                        let flow = m.corridor.map_or_else(|| "-".to_owned(), |c| c.capacity.to_string());
                        write!(
                            f,
                            " | {:>6.3} {:>6.3} {:>10}",
                            m.largest_component_share, m.efficiency, flow
                        )?;
                    }
                    None => write!(f, " | {:W$}", "")?,
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// The mutable, undirected working graph of a disruption simulation.
struct Working {
    adj: Vec<BTreeMap<u32, f64>>,
    removed: Vec<bool>,
}

impl Working {
    fn new(net: &SmugglingNetwork) -> Self {
        let g = net.graph();
        let n = g.node_count();
        let mut adj = vec![BTreeMap::new(); n];
        for (u, row) in adj.iter_mut().enumerate() {
            for (&v, &w) in g.out_neighbors(u).iter().zip(g.out_weights(u)) {
                *row.entry(v).or_insert(0.0) += w;
            }
            if g.is_directed() {
                for (&v, &w) in g.in_neighbors(u).iter().zip(g.in_weights(u)) {
                    *row.entry(v).or_insert(0.0) += w;
                }
            }
        }
        Self {
            adj,
            removed: vec![false; n],
        }
    }

    fn degree(&self, v: usize) -> usize {
        self.adj[v].len()
    }

    /// Removes `v`, first passing its ties to an heir if `recovery` says so.
    fn remove(&mut self, net: &SmugglingNetwork, v: usize, recovery: Recovery) {
        if recovery == Recovery::SameRoleNeighbour
            && let Some(actor) = net.actor(ActorId::new(v))
        {
            let heir = self.adj[v]
                .keys()
                .map(|&u| u as usize)
                .filter(|&u| {
                    net.actor(ActorId::new(u))
                        .is_some_and(|a| a.roles().iter().any(|r| actor.has_role(*r)))
                })
                .max_by_key(|&u| (self.degree(u), std::cmp::Reverse(u)));
            if let Some(h) = heir {
                let ties: Vec<(u32, f64)> = self.adj[v].iter().map(|(&w, &x)| (w, x)).collect();
                for (w, x) in ties {
                    let w = w as usize;
                    if w != h {
                        *self.adj[h].entry(w as u32).or_insert(0.0) += x;
                        *self.adj[w].entry(h as u32).or_insert(0.0) += x;
                    }
                }
            }
        }
        let nbrs: Vec<u32> = self.adj[v].keys().copied().collect();
        for u in nbrs {
            self.adj[u as usize].remove(&(v as u32));
        }
        self.adj[v].clear();
        self.removed[v] = true;
    }

    fn csr(&self) -> Csr {
        let mut edges = Vec::new();
        for (u, row) in self.adj.iter().enumerate() {
            for (&v, &w) in row.range(u as u32..) {
                edges.push((u as u32, v, w));
            }
        }
        Csr::from_edges(self.adj.len(), false, &edges)
    }

    /// Component sizes of the remaining actors.
    fn component_sizes(&self) -> Vec<usize> {
        let n = self.adj.len();
        let mut seen = self.removed.clone();
        let mut sizes = Vec::new();
        let mut queue = VecDeque::new();
        for s in 0..n {
            if seen[s] {
                continue;
            }
            seen[s] = true;
            queue.push_back(s);
            let mut size = 0;
            while let Some(u) = queue.pop_front() {
                size += 1;
                for &v in self.adj[u].keys() {
                    if !seen[v as usize] {
                        seen[v as usize] = true;
                        queue.push_back(v as usize);
                    }
                }
            }
            sizes.push(size);
        }
        sizes
    }

    /// networkx `global_efficiency` over the remaining actors.
    fn efficiency(&self, remaining: usize) -> f64 {
        if remaining < 2 {
            return 0.0;
        }
        let n = self.adj.len();
        let mut dist = vec![u32::MAX; n];
        let mut queue = VecDeque::new();
        let mut total = 0.0;
        for s in (0..n).filter(|&s| !self.removed[s]) {
            dist.fill(u32::MAX);
            dist[s] = 0;
            queue.push_back(s);
            while let Some(u) = queue.pop_front() {
                for &v in self.adj[u].keys() {
                    let v = v as usize;
                    if dist[v] == u32::MAX {
                        dist[v] = dist[u] + 1;
                        total += 1.0 / f64::from(dist[v]);
                        queue.push_back(v);
                    }
                }
            }
        }
        total / (remaining as f64 * (remaining as f64 - 1.0))
    }

    fn metrics(&self, net: &SmugglingNetwork, stages: Option<(u32, u32)>) -> DisruptionMetrics {
        let total = self.adj.len();
        let remaining = self.removed.iter().filter(|&&r| !r).count();
        let sizes = self.component_sizes();
        let largest = sizes.iter().copied().max().unwrap_or(0);
        let fragmentation = if remaining < 2 {
            1.0
        } else {
            let n = remaining as f64;
            let pairs: f64 = sizes.iter().map(|&s| s as f64 * (s as f64 - 1.0)).sum();
            1.0 - pairs / (n * (n - 1.0))
        };
        DisruptionMetrics {
            remaining,
            largest_component: largest,
            largest_component_share: if total == 0 { 0.0 } else { largest as f64 / total as f64 },
            components: sizes.len(),
            fragmentation,
            efficiency: self.efficiency(remaining),
            corridor: stages.map(|(first, last)| CorridorFlow {
                first_stage: first,
                last_stage: last,
                capacity: self.max_flow(net, first, last),
            }),
        }
    }

    /// Node-split maximum flow from the actors serving `first` to those serving `last`.
    fn max_flow(&self, net: &SmugglingNetwork, first: u32, last: u32) -> Capacity {
        let n = self.adj.len();
        let inf: u128 = 1u128 << 64;
        let (source, sink) = (2 * n, 2 * n + 1);
        let mut flow = Dinic::new(2 * n + 2);
        for (v, actor) in net.actors() {
            let v = v.index();
            if self.removed[v] || actor.stages().is_empty() {
                continue;
            }
            let cap = actor.monthly_capacity().map_or(inf, u128::from);
            flow.add_arc(2 * v, 2 * v + 1, cap);
            if actor.stages().iter().any(|s| s.index() == first) {
                flow.add_arc(source, 2 * v, inf);
            }
            if actor.stages().iter().any(|s| s.index() == last) {
                flow.add_arc(2 * v + 1, sink, inf);
            }
            for &u in self.adj[v].keys() {
                // Migrants pass only between actors that serve a stage.
                if net
                    .actor(ActorId::new(u as usize))
                    .is_some_and(|a| !a.stages().is_empty())
                {
                    flow.add_arc(2 * v + 1, 2 * u as usize, inf);
                }
            }
        }
        let value = flow.max_flow(source, sink, inf);
        if value >= inf {
            Capacity::Unbounded
        } else {
            Capacity::Bounded(value as u64)
        }
    }
}

/// Unweighted betweenness (networkx definition) of the working graph; removed actors are isolated and
/// score 0. Only the ranking is used.
fn betweenness(g: &Csr) -> Vec<f64> {
    // With all sources the computation cannot fail; zeros keep the attack going if it ever did.
    super::algo::betweenness::betweenness(g, &super::BetweennessOptions::new())
        .unwrap_or_else(|_| vec![0.0; g.node_count()])
}

/// Relative tolerance under which two scores count as tied (floating-point noise in betweenness).
const TIE: f64 = 1e-9;

/// Whether score `a` beats `b` by more than the tie tolerance.
fn beats(a: f64, b: f64) -> bool {
    a > b + TIE * b.abs().max(1.0)
}

/// Index of the largest score among the remaining actors, ties (within [`TIE`]) to the lowest index.
fn argmax(scores: &[f64], removed: &[bool], eligible: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for v in 0..scores.len() {
        if removed[v] || !eligible(v) {
            continue;
        }
        if best.is_none_or(|b| beats(scores[v], scores[b])) {
            best = Some(v);
        }
    }
    best
}

impl SmugglingNetwork {
    /// First and last stage index served by any actor.
    fn stage_span(&self) -> Option<(u32, u32)> {
        let mut span: Option<(u32, u32)> = None;
        for (_, a) in self.actors() {
            for s in a.stages() {
                span = Some(span.map_or((s.index(), s.index()), |(lo, hi)| {
                    (lo.min(s.index()), hi.max(s.index()))
                }));
            }
        }
        span
    }

    /// The disruption metrics of the intact network (defined in [`DisruptionMetrics`]).
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let x = b.add_actor(Actor::person("X"));
    /// let y = b.add_actor(Actor::person("Y"));
    /// b.add_actor(Actor::person("Z"));
    /// b.add_tie(x, y, Tie::undirected(TieKind::Kinship))?;
    /// let m = b.build()?.disruption_metrics();
    /// assert_eq!((m.largest_component(), m.components()), (2, 2));
    /// // Borgatti: 1 - 2*1/(3*2)
    /// assert!((m.fragmentation() - 2.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn disruption_metrics(&self) -> DisruptionMetrics {
        Working::new(self).metrics(self, self.stage_span())
    }

    /// Removes the `arrested` actors (duplicates ignored) and reports the metrics before and after.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`](super::NetworkError::UnknownActor) if an id does not belong to this network.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..5).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// let d = b.build()?.disrupt(&[ids[2]])?;
    /// assert_eq!(d.before().largest_component(), 5);
    /// assert_eq!(d.after().largest_component(), 2);
    /// assert_eq!(d.after().components(), 2);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn disrupt(&self, arrested: &[ActorId]) -> crate::network::Result<Disruption> {
        self.check_ids(arrested)?;
        let stages = self.stage_span();
        let mut w = Working::new(self);
        let before = w.metrics(self, stages);
        let mut removed = arrested.to_vec();
        removed.sort_unstable();
        removed.dedup();
        for &v in &removed {
            w.remove(self, v.index(), Recovery::None);
        }
        let after = w.metrics(self, stages);
        Ok(Disruption { removed, before, after })
    }

    fn check_ids(&self, ids: &[ActorId]) -> crate::network::Result<()> {
        ids.iter().try_for_each(|&id| self.check_actor(id).map(drop))
    }

    /// Removes up to `steps` actors one at a time by `attack`, applying `recovery` at each removal, and
    /// records the metrics after every step.
    ///
    /// The curve has `1 + r` points, where `r <= steps` is the number of actors actually removed (an
    /// attack stops early when no actor is left or, for [`Attack::ByRole`], no actor with the role).
    ///
    /// # Errors
    ///
    /// None at present; the `Result` leaves room for attacks that can fail.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, Attack, Recovery, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub"));
    /// for i in 0..4 {
    ///     let leaf = b.add_actor(Actor::person(format!("L{i}")));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
    /// }
    /// let curve = b.build()?.resilience(Attack::HighestDegree, 1, Recovery::None)?;
    /// assert_eq!(curve.removed(), vec![hub]);
    /// assert_eq!(curve.points()[1].metrics().largest_component(), 1);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn resilience(
        &self,
        attack: Attack,
        steps: usize,
        recovery: Recovery,
    ) -> crate::network::Result<ResilienceCurve> {
        let stages = self.stage_span();
        let n = self.actor_count();
        let mut w = Working::new(self);
        let mut points = vec![ResiliencePoint {
            removed: None,
            metrics: w.metrics(self, stages),
        }];
        let fixed_order: Option<Vec<usize>> = match attack {
            Attack::Random { seed } => Some(crate::rng::Rng::seed_from_u64(seed).sample_indices(n, n)),
            Attack::HighestBetweenness { recompute: false } => {
                let scores = betweenness(&w.csr());
                let mut order = Vec::with_capacity(n);
                let mut taken = vec![false; n];
                while let Some(v) = argmax(&scores, &taken, |_| true) {
                    taken[v] = true;
                    order.push(v);
                }
                Some(order)
            }
            _ => None,
        };
        for k in 0..steps.min(n) {
            let next = match (&fixed_order, attack) {
                (Some(order), _) => Some(order[k]),
                (None, Attack::HighestBetweenness { .. }) => argmax(&betweenness(&w.csr()), &w.removed, |_| true),
                (None, Attack::ByRole(role)) => {
                    let deg: Vec<f64> = (0..n).map(|v| w.degree(v) as f64).collect();
                    argmax(&deg, &w.removed, |v| {
                        self.actor(self.id(v)).is_some_and(|a| a.has_role(role))
                    })
                }
                (None, _) => {
                    let deg: Vec<f64> = (0..n).map(|v| w.degree(v) as f64).collect();
                    argmax(&deg, &w.removed, |_| true)
                }
            };
            let Some(v) = next else { break };
            w.remove(self, v, recovery);
            points.push(ResiliencePoint {
                removed: Some(self.id(v)),
                metrics: w.metrics(self, stages),
            });
        }
        Ok(ResilienceCurve {
            attack,
            recovery,
            points,
        })
    }

    /// Resilience curves of several attacks on this network, side by side.
    ///
    /// # Errors
    ///
    /// As [`Self::resilience`].
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Actor, Attack, Recovery, Role, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A").role(Role::Guide));
    /// let c = b.add_actor(Actor::person("C"));
    /// b.add_tie(a, c, Tie::undirected(TieKind::Kinship))?;
    /// let table = b.build()?.compare_attacks(
    ///     &[Attack::HighestDegree, Attack::ByRole(Role::Guide), Attack::Random { seed: 1 }],
    ///     2,
    ///     Recovery::None,
    /// )?;
    /// assert_eq!(table.curves().len(), 3);
    /// println!("{table}");
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn compare_attacks(
        &self,
        attacks: &[Attack],
        steps: usize,
        recovery: Recovery,
    ) -> crate::network::Result<AttackComparison> {
        let curves = attacks
            .iter()
            .map(|&a| self.resilience(a, steps, recovery))
            .collect::<crate::network::Result<Vec<_>>>()?;
        Ok(AttackComparison { curves })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Actor, NetworkError, StageServed, Tie, TieKind};
    use proptest::prelude::*;

    fn path(n: usize) -> SmugglingNetwork {
        let mut b = SmugglingNetwork::builder();
        let ids: Vec<_> = (0..n).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
        for w in ids.windows(2) {
            b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics)).unwrap();
        }
        b.build().unwrap()
    }

    #[test]
    fn empty_and_directed_networks() {
        let empty = SmugglingNetwork::builder().build().unwrap().disruption_metrics();
        assert_eq!(
            (empty.remaining(), empty.largest_component(), empty.components()),
            (0, 0, 0)
        );
        assert_eq!(
            (
                empty.largest_component_share(),
                empty.efficiency(),
                empty.fragmentation()
            ),
            (0.0, 0.0, 1.0)
        );
        assert!(empty.corridor().is_none());

        // A directed chain a -> b -> c is measured on its undirected view: networkx
        // global_efficiency(path of 3) = (1 + 1 + 1/2) * 2 / (3 * 2) = 5/6.
        let mut b = SmugglingNetwork::builder();
        let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("D{i}")))).collect();
        b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Command)).unwrap();
        b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Command)).unwrap();
        let m = b.build().unwrap().disruption_metrics();
        assert_eq!((m.largest_component(), m.components()), (3, 1));
        assert!((m.efficiency() - 5.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn unknown_arrest_is_an_error() {
        assert!(matches!(
            path(3).disrupt(&[ActorId::new(3)]),
            Err(NetworkError::UnknownActor { id: 3 })
        ));
    }

    #[test]
    fn recovery_passes_ties_to_same_role_neighbour() {
        // Star: hub 0 (guide) with leaves 1 (guide), 2, 3. Removing the hub with recovery makes 1 the hub.
        let mut b = SmugglingNetwork::builder();
        let hub = b.add_actor(Actor::person("H").role(Role::Guide));
        let heir = b.add_actor(Actor::person("G").role(Role::Guide));
        let x = b.add_actor(Actor::person("X"));
        let y = b.add_actor(Actor::person("Y"));
        for v in [heir, x, y] {
            b.add_tie(hub, v, Tie::undirected(TieKind::Logistics)).unwrap();
        }
        let net = b.build().unwrap();
        let plain = net.resilience(Attack::HighestDegree, 1, Recovery::None).unwrap();
        assert_eq!(plain.points()[1].metrics().largest_component(), 1);
        let healed = net
            .resilience(Attack::HighestDegree, 1, Recovery::SameRoleNeighbour)
            .unwrap();
        assert_eq!(healed.points()[1].metrics().largest_component(), 3);
        assert_eq!(healed.removed(), vec![hub]);
    }

    #[test]
    fn flow_respects_node_capacities() {
        // Two parallel routes from stage 0 to stage 2 with capacities 30 and 50, a bottleneck of 40 on one.
        let mut b = SmugglingNetwork::builder();
        let s1 = b.add_actor(Actor::person("S1").stage(StageServed::new(0, "a")).capacity(30));
        let s2 = b.add_actor(Actor::person("S2").stage(StageServed::new(0, "a")).capacity(100));
        let m = b.add_actor(Actor::person("M").stage(StageServed::new(1, "b")).capacity(40));
        let t = b.add_actor(Actor::person("T").stage(StageServed::new(2, "c")));
        b.add_tie(s1, t, Tie::undirected(TieKind::Logistics)).unwrap();
        b.add_tie(s2, m, Tie::undirected(TieKind::Logistics)).unwrap();
        b.add_tie(m, t, Tie::undirected(TieKind::Logistics)).unwrap();
        let net = b.build().unwrap();
        let c = net.disruption_metrics().corridor().unwrap();
        assert_eq!(c.capacity(), Capacity::Bounded(70));
        let d = net.disrupt(&[m]).unwrap();
        assert_eq!(d.after().corridor().unwrap().capacity(), Capacity::Bounded(30));
        let d = net.disrupt(&[t]).unwrap();
        assert!(!d.after().corridor().unwrap().is_reachable());
        // The remaining first-stage actor has no route to the last stage.
        let d = net.disrupt(&[s1, m]).unwrap();
        assert_eq!(d.after().corridor().unwrap().capacity(), Capacity::Bounded(0));
        // No capacity stated anywhere on a path: unbounded.
        let mut b = SmugglingNetwork::builder();
        let a = b.add_actor(Actor::person("A").stage(StageServed::new(0, "a")));
        let z = b.add_actor(Actor::person("Z").stage(StageServed::new(1, "b")));
        b.add_tie(a, z, Tie::undirected(TieKind::Logistics)).unwrap();
        let c = b.build().unwrap().disruption_metrics().corridor().unwrap();
        assert_eq!(
            (c.capacity(), c.first_stage(), c.last_stage()),
            (Capacity::Unbounded, 0, 1)
        );
    }

    #[test]
    fn random_attack_is_deterministic_and_stops() {
        let net = path(6);
        let a = net.resilience(Attack::Random { seed: 9 }, 10, Recovery::None).unwrap();
        let b = net.resilience(Attack::Random { seed: 9 }, 10, Recovery::None).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.points().len(), 7);
        let mut r = a.removed();
        r.sort_unstable();
        assert_eq!(r, (0..6).map(ActorId::new).collect::<Vec<_>>());
        let roles = net.resilience(Attack::ByRole(Role::Guide), 3, Recovery::None).unwrap();
        assert_eq!(roles.points().len(), 1);
    }

    #[test]
    fn comparison_table_has_a_row_per_step() {
        let t = path(4)
            .compare_attacks(
                &[Attack::HighestDegree, Attack::HighestBetweenness { recompute: true }],
                2,
                Recovery::None,
            )
            .unwrap()
            .to_string();
        assert_eq!(t.lines().count(), 2 + 3);
        assert!(t.contains("betweenness (adaptive)"));
    }

    fn arb_network() -> impl Strategy<Value = (SmugglingNetwork, Vec<usize>)> {
        (1usize..20).prop_flat_map(|n| {
            (
                proptest::collection::vec((0..n, 0..n), 0..40),
                proptest::collection::vec(0..n, 0..n),
            )
                .prop_map(move |(edges, order)| {
                    let mut b = SmugglingNetwork::builder();
                    for i in 0..n {
                        // Stages 0..=3 and capacities vary with the index; every fifth actor is unlimited.
                        let mut a = Actor::person(format!("A{i}")).stage(StageServed::new((i % 4) as u32, "s"));
                        if i % 5 != 0 {
                            a = a.capacity((7 * i as u32) % 50);
                        }
                        b.add_actor(a);
                    }
                    for (u, v) in edges {
                        if u != v {
                            b.add_tie(ActorId::new(u), ActorId::new(v), Tie::undirected(TieKind::Logistics))
                                .unwrap();
                        }
                    }
                    (b.build().unwrap(), order)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn removing_actors_never_grows_the_largest_component((net, order) in arb_network()) {
            let m = net.disruption_metrics();
            let (mut prev, mut prev_flow) = (m.largest_component(), m.corridor().map(|c| c.capacity()));
            for k in 1..=order.len() {
                let ids: Vec<ActorId> = order[..k].iter().map(|&i| ActorId::new(i)).collect();
                let after = *net.disrupt(&ids).unwrap().after();
                prop_assert!(after.largest_component() <= prev);
                prop_assert!((0.0..=1.0).contains(&after.fragmentation()));
                prop_assert!((0.0..=1.0).contains(&after.efficiency()));
                // Removing actors never raises the corridor's capacity (Bounded < Unbounded).
                let flow = after.corridor().map(|c| c.capacity());
                prop_assert!(flow <= prev_flow, "{flow:?} after {prev_flow:?}");
                prev = after.largest_component();
                prev_flow = flow;
            }
        }
    }
}
