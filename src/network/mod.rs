//! Smuggling networks: actors, typed ties, centralities, disruption.
//!
//! A [`SmugglingNetwork`] is built once from [`Actor`]s (people and organisations with [`Role`]s, the
//! corridor stages they serve ([`StageServed`]), a [`Fee`] and a monthly capacity) and [`Tie`]s (a [`TieKind`],
//! directed or not, weighted, dated, cited), then stored compactly for analysis. Views
//! ([`SmugglingNetwork::by_kind`], [`SmugglingNetwork::during`], [`SmugglingNetwork::organisation`])
//! keep actor ids, so results of different views line up.
//!
//! ```
//! use corridor::network::{Actor, Role, SmugglingNetwork, StageServed, Tie, TieKind};
//!
//! let mut b = SmugglingNetwork::builder();
//! let boss = b.add_actor(Actor::person("Boss").role(Role::Leader));
//! let boat = b.add_actor(Actor::person("Boatman").role(Role::BoatOperator).stage(StageServed::new(0, "Necoclí")));
//! b.add_tie(boss, boat, Tie::directed(TieKind::Command))?;
//! let net = b.build()?;
//! assert_eq!(net.find("boatman"), Some(boat));
//! # Ok::<(), corridor::Error>(())
//! ```

use time::Date;

mod actor;
pub(crate) mod algo;
mod csr;
mod disruption;
mod extra;
mod measures;
mod model;
mod tie;

pub use actor::{Actor, ActorId, ActorKind, Fee, Role, StageServed};
pub use disruption::{
    Attack, AttackComparison, Capacity, CorridorFlow, Disruption, DisruptionMetrics, Recovery, ResilienceCurve,
    ResiliencePoint,
};
pub use extra::Extra;
pub use model::{Actors, NetworkBuilder, SmugglingNetwork, Ties, Undated};
pub use tie::{Tie, TieDirection, TieKind};

/// Shorthand for `Result<T, NetworkError>` inside `network`.
pub(crate) type Result<T, E = NetworkError> = std::result::Result<T, E>;

pub use algo::Weighting;
pub use algo::betweenness::{BetweennessOptions, Endpoints, Normalization, Sources};
pub use algo::brokerage::BrokerageRoles;
pub use algo::closeness::ClosenessOptions;
pub use algo::keyplayer::Fragmentation;
pub use algo::spectral::{EigenvectorOptions, KatzOptions, PageRankOptions};

/// Why a network could not be built or measured.
///
/// # Examples
///
/// ```
/// use corridor::network::{Actor, NetworkError, SmugglingNetwork, Tie, TieKind};
/// let mut b = SmugglingNetwork::builder();
/// let x = b.add_actor(Actor::person("X"));
/// let err = b.add_tie(x, x, Tie::undirected(TieKind::Kinship)).unwrap_err();
/// assert_eq!(err, NetworkError::SelfTie { id: 0 });
/// assert_eq!(err.to_string(), "actor 0 cannot be tied to itself");
/// // Code returning corridor::Error can use `?`; the narrow error comes back with TryFrom.
/// let wide: corridor::Error = err.into();
/// assert!(matches!(NetworkError::try_from(wide), Ok(NetworkError::SelfTie { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// A tie or a query names an actor that does not exist: the index is out of range, or the id was
    /// handed out by another builder or network (see [`ActorId`]).
    #[error("unknown actor id {id}")]
    UnknownActor {
        /// The index that was given.
        id: usize,
    },
    /// A tie joins an actor to itself.
    #[error("actor {id} cannot be tied to itself")]
    SelfTie {
        /// The actor's index.
        id: usize,
    },
    /// A tie weight is not positive and finite.
    #[error("tie weight {weight} is not positive and finite")]
    InvalidWeight {
        /// The weight given.
        weight: f64,
    },
    /// The weights of the ties joining two actors sum past `f64::MAX` (duplicates merged by the builder,
    /// or ties of several kinds summed into one edge of the analysis graph).
    #[error("tie weights between actors {from} and {to} sum past the largest finite number")]
    WeightOverflow {
        /// Index of one actor (the source of a directed tie or edge).
        from: usize,
        /// Index of the other actor.
        to: usize,
    },
    /// A tie was last seen before it was first seen.
    #[error("tie last seen {last} before it was first seen {first}")]
    SeenOrder {
        /// First sighting.
        first: Date,
        /// Last sighting.
        last: Date,
    },
    /// An actor's name or one of its aliases is empty.
    #[error("actor {id} has an empty name or alias")]
    EmptyName {
        /// The actor's index.
        id: usize,
    },
    /// Two actors share a name or alias.
    #[error("name {name:?} is used by actors {first} and {second}")]
    DuplicateName {
        /// The shared name (as given for the second actor).
        name: String,
        /// Index of the first actor using it.
        first: usize,
        /// Index of the second actor using it.
        second: usize,
    },
    /// A stage has an empty name.
    #[error("actor {actor:?} serves a stage with an empty name")]
    EmptyStageName {
        /// The actor's name.
        actor: String,
    },
    /// A fee is negative, NaN or infinite.
    #[error("fee {amount} is not a finite non-negative amount")]
    InvalidFee {
        /// The amount given.
        amount: f64,
    },
    /// A currency code is not three ASCII letters.
    #[error("currency code {code:?} is not an ISO 4217 code")]
    InvalidCurrency {
        /// The code given.
        code: String,
    },
    /// A name for a role, actor kind or tie kind was not recognised.
    #[error("unknown {what} {text:?}")]
    UnknownName {
        /// What was being parsed (`role`, `actor kind`, `tie kind`, `tie direction`).
        what: &'static str,
        /// The text given.
        text: String,
    },
    /// A date window ends before it starts.
    #[error("window {first}..={last} ends before it starts")]
    EmptyWindow {
        /// Start of the window.
        first: Date,
        /// End of the window.
        last: Date,
    },
    /// `organisation` was asked for a person.
    #[error("actor {id} is not an organisation")]
    NotAnOrganisation {
        /// The actor's index.
        id: usize,
    },
    /// While merging, one actor matched two actors of the other network.
    #[error("actor {name:?} matches more than one actor by name or alias")]
    AmbiguousMerge {
        /// The name of the actor being merged.
        name: String,
    },
    /// While merging, the same actor has contradictory attributes.
    #[error("actor {actor:?}: the networks disagree on its {field}")]
    MergeConflict {
        /// The actor's name.
        actor: String,
        /// The attribute (`kind` or `country`).
        field: &'static str,
    },
    /// A power iteration (eigenvector, `PageRank`, Katz) did not meet its tolerance.
    #[error("{measure} did not converge within {iterations} iterations")]
    NotConverged {
        /// The measure.
        measure: &'static str,
        /// The iteration limit.
        iterations: usize,
    },
    /// A sampled betweenness asks for no sources or more sources than actors.
    #[error("cannot sample {k} sources from {n} actors")]
    SampleSize {
        /// Sources asked for.
        k: usize,
        /// Number of actors.
        n: usize,
    },
    /// The measure is undefined on a network without actors.
    #[error("{measure} is undefined for a network without actors")]
    EmptyNetwork {
        /// The measure.
        measure: &'static str,
    },
    /// An option of a measure cannot be used (a start or personalization vector that sums to zero).
    #[error("{measure}: {option} {reason}")]
    InvalidOption {
        /// The measure.
        measure: &'static str,
        /// The option (`nstart`, `personalization`).
        option: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An extra attribute has an empty name or the name of a field corridor writes itself (for an
    /// actor `name`, `kind`, `aliases`, `roles`, `country`, `stages`, `fee`, `fee_currency`, `capacity`;
    /// for a tie `kind`, `weight`, `first_seen`, `last_seen`, `directed`, `sources`).
    #[error("extra attribute {name:?} is empty or the name of a field corridor writes itself")]
    ReservedExtra {
        /// The name given.
        name: String,
    },
    /// A per-actor input has the wrong length.
    #[error("{what} has {got} entries for {expected} actors")]
    LengthMismatch {
        /// The input.
        what: &'static str,
        /// Its length.
        got: usize,
        /// Number of actors.
        expected: usize,
    },
}
