//! Joint operations against smuggling and trafficking: who took part, what they targeted, what came of it.
//!
//! - [`JointOperation`]: a stable slug id, name and aliases, an [`OperationKind`] and the [`Crime`]s it
//!   targeted, dates with their precision (announced, executed, ended, investigation start) as
//!   [`crate::Period`]s, [`Phase`]s per state, [`Participant`]s with roles and agencies, [`Target`]s
//!   (optionally linked to `network` actors), places, [`Outcome`]s — typed [`Measure`]s, each a
//!   [`crate::Count`] with its [`crate::Source`], every conflicting report kept — and [`Seizure`]s,
//!   related records, an optional CAMEO code, retraction, and whether its only source is one statement.
//! - [`OperationLog`]: operations indexed by date, partner, target and measure (queries in
//!   `O(log n + k)`), totals per partner that keep bounds, a timeline.
//!
//! Arrested is not charged: measures stay apart. When outlets disagree (21 or 24 arrested in Costa Rica),
//! each report is kept with its source and an aggregate carries the spread as bounds.
//!
//! ```
//! use corridor::operation::{JointOperation, Measure, OperationKind, OperationLog, Outcome, Participant,
//!     ParticipantRole};
//! use corridor::{Count, Country, Source};
//!
//! let efe = Source::new("La Prensa Latina (EFE)", "More than 40 arrested in Panama, Costa Rica raids")?;
//! let radio = Source::new("radio-corporacion.com", "Crepúsculo")?;
//! let op = JointOperation::builder("crepusculo-2021", "Operación Binacional Crepúsculo",
//!         OperationKind::JointInvestigation, "2021-09-21".parse()?)
//!     .participant(Participant::new(Country::PAN, ParticipantRole::CoLead))
//!     .participant(Participant::new(Country::CRI, ParticipantRole::CoLead))
//!     .outcome(Outcome::new(Measure::Arrested, Count::exact(21), efe.clone()).state(Country::PAN))
//!     .outcome(Outcome::new(Measure::Arrested, Count::exact(21), efe).state(Country::CRI))
//!     .outcome(Outcome::new(Measure::Arrested, Count::exact(24), radio).state(Country::CRI))
//!     .build()?;
//! let arrests = op.arrests(); // 21 in Panama + 21 or 24 in Costa Rica
//! assert_eq!((arrests.lower(), arrests.upper()), (42, Some(45)));
//! let log = OperationLog::from_operations([op])?;
//! assert_eq!(log.with_partner(Country::CRI).len(), 1);
//! # Ok::<(), corridor::Error>(())
//! ```

mod kind;
mod log;
mod outcome;
mod record;

pub use kind::{Crime, OperationKind, ParticipantRole, Relation};
pub use log::{Iter, OperationLog, PartnerTotal, TimelineEntry, TimelineEvent, Totals};
pub(crate) use outcome::total_of;
pub use outcome::{Measure, Outcome, PersonFee, Seizure};
pub use record::{JointOperation, OperationBuilder, Participant, Phase, Related, Retraction, Target};

use crate::count::CountError;
use crate::{Country, Period};

/// Shorthand for `Result<T, OperationError>` inside `operation`.
pub(crate) type Result<T, E = OperationError> = std::result::Result<T, E>;

/// Why a joint operation or an operation log record was invalid.
///
/// # Examples
///
/// ```
/// use corridor::operation::{JointOperation, OperationError, OperationKind, Participant, ParticipantRole};
/// use corridor::Country;
/// let when = "2021-09-21".parse()?;
/// let bad_id = JointOperation::builder("Crepúsculo 2021", "Crepúsculo", OperationKind::National, when)
///     .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
///     .build();
/// assert!(matches!(bad_id, Err(OperationError::InvalidId { .. })));
/// // A joint kind needs two states.
/// let alone = JointOperation::builder("crepusculo-2021", "Crepúsculo", OperationKind::JointInvestigation, when)
///     .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
///     .build();
/// assert!(matches!(alone, Err(OperationError::TooFewStates { states: 1, needed: 2, .. })));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OperationError {
    /// An id is not a slug (lowercase ASCII letters, digits and single hyphens, such as `crepusculo-2021`).
    #[error("invalid operation id {id:?}: expected lowercase letters, digits and single hyphens")]
    InvalidId {
        /// The id given.
        id: String,
    },
    /// The name or an alias is empty.
    #[error("operation {id:?} has an empty name or alias")]
    EmptyName {
        /// The operation's id.
        id: String,
    },
    /// A joint kind of operation with fewer than two states, or an operation with no state at all.
    #[error("operation {id:?} ({kind}) names {states} state(s); it needs at least {needed}")]
    TooFewStates {
        /// The operation's id.
        id: String,
        /// Its kind.
        kind: OperationKind,
        /// How many distinct states take part.
        states: usize,
        /// How many its kind needs (2 for a joint kind, else 1).
        needed: usize,
    },
    /// A state is listed twice among the participants.
    #[error("operation {id:?} lists {country} twice among its participants")]
    DuplicateParticipant {
        /// The operation's id.
        id: String,
        /// The repeated state.
        country: Country,
    },
    /// Two of an operation's dates are in the wrong order.
    #[error("operation {id:?}: {later_name} ({later}) comes before {earlier_name} ({earlier})")]
    DatesOutOfOrder {
        /// The operation's id.
        id: String,
        /// The name of the date that should come first.
        earlier_name: &'static str,
        /// Its value.
        earlier: Period,
        /// The name of the date that should come later.
        later_name: &'static str,
        /// Its value.
        later: Period,
    },
    /// A phase lies outside the operation's period.
    #[error("operation {id:?}: the phase in {state} ({phase}) lies outside the operation ({operation})")]
    PhaseOutside {
        /// The operation's id.
        id: String,
        /// The state of the phase.
        state: Country,
        /// The phase's period.
        phase: Period,
        /// The operation's period.
        operation: Period,
    },
    /// A phase, outcome or seizure is attributed to a state that does not take part.
    #[error("operation {id:?}: {what} attributed to {country}, which does not take part")]
    NotAParticipant {
        /// The operation's id.
        id: String,
        /// What was attributed (`phase`, `outcome`, `seizure`).
        what: &'static str,
        /// The state.
        country: Country,
    },
    /// A count could not be read (malformed or negative text).
    #[error("invalid count {text:?}: {source}")]
    InvalidCount {
        /// The text given.
        text: String,
        /// Why it was rejected.
        source: CountError,
    },
    /// A CAMEO code is not two to four ASCII digits.
    #[error("invalid CAMEO code {code:?}: expected 2 to 4 digits, kept as text")]
    InvalidCameo {
        /// The code given.
        code: String,
    },
    /// A currency code is not three upper-case ASCII letters.
    #[error("currency code {code:?} is not an ISO 4217 code")]
    InvalidCurrency {
        /// The code given.
        code: String,
    },
    /// A seizure names no item.
    #[error("operation {id:?} has a seizure with an empty item")]
    EmptySeizure {
        /// The operation's id.
        id: String,
    },
    /// A record marked as reported only by one source carries a figure or citation from another.
    #[error("operation {id:?} is reported only by {only:?} but cites {other:?}")]
    SoleSourceMismatch {
        /// The operation's id.
        id: String,
        /// The one source (its publisher).
        only: String,
        /// The other source (its publisher).
        other: String,
    },
    /// A related-record link points at the record itself or is not a slug.
    #[error("operation {id:?} cannot be related to {related:?}")]
    BadRelation {
        /// The operation's id.
        id: String,
        /// The id it points at.
        related: String,
    },
    /// A retraction without a reason.
    #[error("operation {id:?} is retracted without a reason")]
    EmptyRetraction {
        /// The operation's id.
        id: String,
    },
    /// Two operations of a log share an id.
    #[error("duplicate operation id {id:?}")]
    DuplicateId {
        /// The shared id.
        id: String,
    },
    /// An operation names a state that the log's registry does not know.
    #[error("operation {id:?} names state {country}, which is not in the partner registry")]
    UnknownState {
        /// The operation's id.
        id: String,
        /// The unknown state.
        country: Country,
    },
    /// A word (kind, role, measure, crime, relation) is not one of the known ones.
    #[error("unknown {what} {text:?}")]
    UnknownWord {
        /// What kind of word was expected.
        what: &'static str,
        /// The text given.
        text: String,
    },
}

impl OperationError {
    /// The error of an unknown word (used by the word enums).
    pub(crate) fn unknown(what: &'static str, text: &str) -> OperationError {
        OperationError::UnknownWord {
            what,
            text: text.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        let e = OperationError::TooFewStates {
            id: "x".into(),
            kind: OperationKind::JointInvestigation,
            states: 1,
            needed: 2,
        };
        assert_eq!(
            e.to_string(),
            "operation \"x\" (joint_investigation) names 1 state(s); it needs at least 2"
        );
        let e: crate::Error = e.into();
        assert!(matches!(
            OperationError::try_from(e),
            Ok(OperationError::TooFewStates { .. })
        ));
    }
}
