//! An operation's arrests applied to a smuggling network: disruption and corridor capacity before and
//! after, through [`SmugglingNetwork::disrupt`].

use super::{ImpactError, Result};
use crate::network::{ActorId, Capacity, DisruptionMetrics, SmugglingNetwork};
use crate::operation::{JointOperation, Measure};
use crate::{Count, Source};

/// The corridor's monthly capacity in a [`NetworkState`] (see
/// [`DisruptionMetrics`](crate::network::DisruptionMetrics) for its definition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
pub enum FlowCapacity {
    /// At most this many migrants a month can pass from the first stage to the last.
    Bounded {
        /// Migrants per month.
        per_month: u64,
    },
    /// No actor on some path states a capacity: the data does not limit the flow.
    Unbounded,
    /// No actor serves a corridor stage: there is no corridor to measure.
    NoCorridor,
}

/// The measures of a network before or after an operation (the network module's disruption metrics).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NetworkState {
    remaining: usize,
    largest_component: usize,
    largest_component_share: f64,
    components: usize,
    fragmentation: f64,
    efficiency: f64,
    capacity: FlowCapacity,
}

impl NetworkState {
    fn from_metrics(m: &DisruptionMetrics) -> Self {
        Self {
            remaining: m.remaining(),
            largest_component: m.largest_component(),
            largest_component_share: m.largest_component_share(),
            components: m.components(),
            fragmentation: m.fragmentation(),
            efficiency: m.efficiency(),
            capacity: match m.corridor().map(|c| c.capacity()) {
                None => FlowCapacity::NoCorridor,
                Some(Capacity::Unbounded) => FlowCapacity::Unbounded,
                Some(Capacity::Bounded(per_month)) => FlowCapacity::Bounded { per_month },
            },
        }
    }

    /// Actors not removed.
    #[must_use]
    pub fn remaining(&self) -> usize {
        self.remaining
    }

    /// Size of the largest connected component.
    #[must_use]
    pub fn largest_component(&self) -> usize {
        self.largest_component
    }

    /// Largest component ÷ actors of the intact network.
    #[must_use]
    pub fn largest_component_share(&self) -> f64 {
        self.largest_component_share
    }

    /// Connected components among the remaining actors.
    #[must_use]
    pub fn components(&self) -> usize {
        self.components
    }

    /// Borgatti's fragmentation.
    #[must_use]
    pub fn fragmentation(&self) -> f64 {
        self.fragmentation
    }

    /// networkx global efficiency.
    #[must_use]
    pub fn efficiency(&self) -> f64 {
        self.efficiency
    }

    /// The corridor's monthly capacity.
    #[must_use]
    pub fn capacity(&self) -> FlowCapacity {
        self.capacity
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    fn validate(&self) -> Result<()> {
        let bad = |reason: String| {
            Err(ImpactError::Invalid {
                what: "network state",
                reason,
            })
        };
        for (name, v) in [
            ("largest component share", self.largest_component_share),
            ("fragmentation", self.fragmentation),
            ("efficiency", self.efficiency),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return bad(format!("{name} {v} outside 0..1"));
            }
        }
        if self.largest_component > self.remaining || self.components > self.remaining {
            return bad(format!(
                "largest component {} or {} components for {} remaining actors",
                self.largest_component, self.components, self.remaining
            ));
        }
        Ok(())
    }
}

/// The effect of an operation's arrests on a smuggling network: the actors removed (by name, matched
/// with [`SmugglingNetwork::find`]), the network's measures before and after, the arrests the
/// operation reported and the sources of both.
///
/// # Example
/// ```
/// use corridor::impact::{FlowCapacity, NetworkImpact};
/// use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let guide = b.add_actor(Actor::person("Guide").stage(StageServed::new(0, "Necoclí")).capacity(400));
/// let boat = b.add_actor(Actor::person("Boatman").stage(StageServed::new(1, "Capurganá")).capacity(300));
/// let driver = b.add_actor(Actor::person("Driver").stage(StageServed::new(2, "Metetí")).capacity(500));
/// b.add_tie(guide, boat, Tie::undirected(TieKind::Logistics))?;
/// b.add_tie(boat, driver, Tie::undirected(TieKind::Logistics))?;
/// let net = b.build()?;
/// let hit = NetworkImpact::of_arrests(&net, "raid", &["boatman"])?;
/// assert_eq!(hit.before().capacity(), FlowCapacity::Bounded { per_month: 300 });
/// assert_eq!(hit.after().capacity(), FlowCapacity::Bounded { per_month: 0 });
/// assert_eq!(hit.after().components(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "NetworkImpactRepr", into = "NetworkImpactRepr"))]
pub struct NetworkImpact {
    operation: String,
    removed: Vec<String>,
    before: NetworkState,
    after: NetworkState,
    reported_arrests: Option<Count>,
    sources: Vec<Source>,
}

impl NetworkImpact {
    /// Removes the actors known by `names` (names or aliases, trimmed, case-insensitive; repeats
    /// ignored) from `network` as the arrests of `operation`.
    ///
    /// # Errors
    /// [`ImpactError::UnknownActor`] for a name the network does not know; [`ImpactError::Network`] if
    /// the network refuses the removal.
    pub fn of_arrests(network: &SmugglingNetwork, operation: impl Into<String>, names: &[&str]) -> Result<Self> {
        let operation = operation.into();
        let mut ids: Vec<ActorId> = Vec::with_capacity(names.len());
        for name in names {
            let id = network.find(name).ok_or_else(|| ImpactError::UnknownActor {
                operation: operation.clone(),
                name: (*name).to_owned(),
            })?;
            ids.push(id);
        }
        let d = network
            .disrupt(&ids)
            .map_err(|source| ImpactError::Network { source })?;
        let removed = d
            .removed()
            .iter()
            .filter_map(|&id| network.actor(id).map(|a| a.name().to_owned()))
            .collect();
        Ok(Self {
            operation,
            removed,
            before: NetworkState::from_metrics(d.before()),
            after: NetworkState::from_metrics(d.after()),
            reported_arrests: None,
            sources: Vec::new(),
        })
    }

    /// Applies `operation` to `network`: the actors its targets are linked to
    /// ([`Target::actor_in`](crate::operation::Target::actor_in): the linked actor's name, else the
    /// target's own) are removed, its reported arrests ([`JointOperation::total`] of
    /// [`Measure::Arrested`], bounds kept) and every source it cites are recorded. Named after the
    /// operation's name.
    ///
    /// # Errors
    ///
    /// [`ImpactError::NoLinkedTarget`] when the operation names no target; [`ImpactError::UnknownActor`]
    /// for a target the network does not know (never skipped silently); [`ImpactError::Network`] if the
    /// network refuses the removal.
    ///
    /// # Example
    /// ```
    /// use corridor::impact::{FlowCapacity, NetworkImpact};
    /// use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
    /// use corridor::operation::{JointOperation, Measure, OperationKind, Outcome, Participant,
    ///     ParticipantRole, Target};
    /// use corridor::{Count, Country, Source};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let guide = b.add_actor(Actor::person("Guide").stage(StageServed::new(0, "Necoclí")).capacity(400));
    /// let boat = b.add_actor(Actor::person("Boatman").stage(StageServed::new(1, "Capurganá")).capacity(300));
    /// b.add_tie(guide, boat, Tie::undirected(TieKind::Logistics))?;
    /// let net = b.build()?;
    /// let efe = Source::new("EFE", "raids")?;
    /// let op = JointOperation::builder("raid-2021", "Raid", OperationKind::JointInvestigation, "2021-09-21".parse()?)
    ///     .participant(Participant::new(Country::PAN, ParticipantRole::CoLead))
    ///     .participant(Participant::new(Country::COL, ParticipantRole::CoLead))
    ///     .target(Target::new("the boat crew").actor("Boatman"))
    ///     .outcome(Outcome::new(Measure::Arrested, Count::exact(3), efe.clone()))
    ///     .build()?;
    /// let hit = NetworkImpact::of_operation(&net, &op)?;
    /// assert_eq!(hit.removed(), ["Boatman"]);
    /// assert_eq!(hit.arrests_reported(), Some(Count::exact(3)));
    /// assert_eq!(hit.capacity_lost(), Some(300));
    /// assert_eq!(hit.sources(), [efe]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn of_operation(network: &SmugglingNetwork, operation: &JointOperation) -> Result<Self> {
        if operation.targets().is_empty() {
            return Err(ImpactError::NoLinkedTarget {
                operation: operation.name().to_owned(),
            });
        }
        let names: Vec<&str> = operation
            .targets()
            .iter()
            .map(|t| t.actor_name().unwrap_or(t.name()))
            .collect();
        let mut impact = Self::of_arrests(network, operation.name(), &names)?;
        impact.reported_arrests = operation.total(Measure::Arrested);
        for s in operation.sources() {
            impact = impact.source(s.clone());
        }
        Ok(impact)
    }

    /// Records the number of arrests the operation reported (which may be more than the actors the
    /// network knows).
    #[must_use]
    pub fn reported_arrests(mut self, count: Count) -> Self {
        self.reported_arrests = Some(count);
        self
    }

    /// Adds a source (of the operation's report or of the network data); repeats are ignored.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        crate::distinct::push_distinct(&mut self.sources, source);
        self
    }

    /// The operation.
    #[must_use]
    pub fn operation(&self) -> &str {
        &self.operation
    }

    /// The names of the actors removed, in id order.
    #[must_use]
    pub fn removed(&self) -> &[String] {
        &self.removed
    }

    /// The intact network.
    #[must_use]
    pub fn before(&self) -> &NetworkState {
        &self.before
    }

    /// The network after the arrests.
    #[must_use]
    pub fn after(&self) -> &NetworkState {
        &self.after
    }

    /// The arrests the operation reported, if recorded.
    #[must_use]
    pub fn arrests_reported(&self) -> Option<Count> {
        self.reported_arrests
    }

    /// The sources of the operation's figures and of the network.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The monthly capacity lost: before minus after, when both are bounded.
    #[must_use]
    pub fn capacity_lost(&self) -> Option<u64> {
        match (self.before.capacity, self.after.capacity) {
            (FlowCapacity::Bounded { per_month: a }, FlowCapacity::Bounded { per_month: b }) => {
                Some(a.saturating_sub(b))
            }
            _ => None,
        }
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    fn validate(&self) -> Result<()> {
        if self.operation.trim().is_empty() {
            return Err(ImpactError::Invalid {
                what: "network impact",
                reason: "the operation's name is empty".to_owned(),
            });
        }
        self.before.validate()?;
        self.after.validate()?;
        if self.after.remaining + self.removed.len() != self.before.remaining {
            return Err(ImpactError::Invalid {
                what: "network impact",
                reason: format!(
                    "{} actors before, {} removed and {} after do not add up",
                    self.before.remaining,
                    self.removed.len(),
                    self.after.remaining
                ),
            });
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkImpactRepr {
    operation: String,
    removed: Vec<String>,
    before: NetworkState,
    after: NetworkState,
    #[serde(default)]
    reported_arrests: Option<Count>,
    sources: Vec<Source>,
}

#[cfg(feature = "serde")]
impl TryFrom<NetworkImpactRepr> for NetworkImpact {
    type Error = ImpactError;

    fn try_from(r: NetworkImpactRepr) -> Result<Self> {
        let n = NetworkImpact {
            operation: r.operation,
            removed: r.removed,
            before: r.before,
            after: r.after,
            reported_arrests: r.reported_arrests,
            sources: r.sources,
        };
        n.validate()?;
        Ok(n)
    }
}

#[cfg(feature = "serde")]
impl From<NetworkImpact> for NetworkImpactRepr {
    fn from(n: NetworkImpact) -> Self {
        NetworkImpactRepr {
            operation: n.operation,
            removed: n.removed,
            before: n.before,
            after: n.after,
            reported_arrests: n.reported_arrests,
            sources: n.sources,
        }
    }
}
