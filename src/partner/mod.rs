//! Partner states, the agreements, forums and meetings that join them, and who was engaged when.
//!
//! - [`PartnerState`]: a [`Country`] with its roles on a corridor over time (origin, transit,
//!   destination, return) and its Spanish name.
//! - [`Agreement`]: a forum, ministerial meeting, declaration, alliance, memorandum, joint statement or
//!   campaign, quota arrangement or unilateral measure — with its aliases, adoption date, period in force
//!   (open end allowed), declared duration, venue and mode, conveners, [`Party`]s with their own roles and
//!   join / leave dates, [`Commitment`]s (with quantitative targets such as a [`QuotaSchedule`]),
//!   [`Funding`] as dated amounts, and [`Meeting`]s.
//! - [`Activity`]: a dated joint activity of states that is not an agreement (a joint operation,
//!   recorded by `corridor::operation` through [`PartnerRegistry::add_activity`]).
//! - [`PartnerRegistry`]: validated records; the parties of an agreement on a date; the states engaged
//!   with a focal state within a period and how many ([`PartnerRegistry::engaged_count`], a
//!   [`crate::Count`] when a source gives only a bound); the [`CooperationNetwork`] of states, analysed
//!   with the `network` module's measures; a [`PartnerSummary`] per state.
//! - [`CooperationEvents`]: event data at scale (GDELT / ICEWS-like records of a day, a [`CameoCode`],
//!   two states and a number of events) in a compact columnar table, with queries by state and period
//!   in `O(log n + k)`, [`DyadCounts`] per period × pair of states, and the [`EventNetwork`] of each
//!   period for the `network` module's measures.
//!
//! Records have stable slug ids (`add-2021`), never row numbers; a forum that changed its name keeps the
//! old one as an alias, and summits are named by place and date, never by ordinal (sources number them
//! differently).
//!
//! ```
//! use corridor::partner::{Agreement, AgreementKind, Party, PartyRole, PartnerRegistry, PartnerState};
//! use corridor::{Country, Period};
//! use time::macros::date;
//!
//! let mut reg = PartnerRegistry::new();
//! for c in [Country::CRI, Country::PAN, Country::DOM, Country::ECU] {
//!     reg.add_state(PartnerState::new(c))?;
//! }
//! let add = Agreement::builder("add", "Alliance for Development in Democracy", AgreementKind::Alliance)
//!     .adopted(Period::day(date!(2021 - 09 - 22)))
//!     .party(Party::new(Country::CRI, PartyRole::Founder))
//!     .party(Party::new(Country::PAN, PartyRole::Founder))
//!     .party(Party::new(Country::DOM, PartyRole::Founder))
//!     .party(Party::new(Country::ECU, PartyRole::Member).joined(Period::month(2022, 6)?))
//!     .build()?;
//! reg.add_agreement(add)?;
//! let add = reg.agreement("add").expect("added");
//! assert!(!add.parties_on(date!(2022 - 01 - 15)).contains(&Country::ECU));
//! assert!(add.parties_on(date!(2022 - 07 - 15)).contains(&Country::ECU));
//! # Ok::<(), corridor::Error>(())
//! ```

mod activity;
mod agreement;
mod commitment;
mod events;
mod registry;
mod state;
mod state_index;

pub use activity::{Activity, ActivityKind};
pub use agreement::{
    Agreement, AgreementBuilder, AgreementKind, Binding, Funding, Meeting, Mode, Party, PartyCount, PartyRole,
};
pub use commitment::{Commitment, CommitmentCategory, QuotaSchedule, QuotaStep, Target, Weekdays};
#[cfg(feature = "csv")]
pub(crate) use events::EventColumns;
pub use events::{
    CameoCode, CooperationEvent, CooperationEvents, DyadCounts, EventNetwork, Events, PartnerEvents, QuadClass,
};
pub use registry::{
    Agreements, CooperationNetwork, CooperationWeight, Engagement, EngagementRecord, PartnerRegistry, PartnerSummary,
};
pub use state::{PartnerState, RoleSpell, StateRole};

use time::Date;

use crate::network::NetworkError;
use crate::{Country, Period};

/// Shorthand for `Result<T, PartnerError>` inside `partner`.
pub(crate) type Result<T, E = PartnerError> = std::result::Result<T, E>;

/// Why a partner state, agreement or registry record was invalid.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PartnerError {
    /// An id is not a slug (lowercase ASCII letters, digits and single hyphens, such as `add-2021`).
    #[error("invalid id {id:?}: expected lowercase letters, digits and single hyphens")]
    InvalidId {
        /// The id given.
        id: String,
    },
    /// A record's name (or one of its aliases) is empty.
    #[error("{what} {id:?} has an empty name or alias")]
    EmptyName {
        /// What was being named (`agreement`, `meeting`, `activity`).
        what: &'static str,
        /// The record's id.
        id: String,
    },
    /// Two records of the registry share an id.
    #[error("duplicate {what} id {id:?}")]
    DuplicateId {
        /// What kind of record (`agreement`, `activity`).
        what: &'static str,
        /// The shared id.
        id: String,
    },
    /// A state was registered twice.
    #[error("state {country} is already registered")]
    DuplicateState {
        /// The state.
        country: Country,
    },
    /// A record names a state the registry does not know.
    #[error("{what} {id:?} names state {country}, which is not registered")]
    UnknownState {
        /// What kind of record (`agreement`, `activity`).
        what: &'static str,
        /// The record's id.
        id: String,
        /// The unknown state.
        country: Country,
    },
    /// An agreement lists the same state as a party twice.
    #[error("agreement {id:?} lists {country} as a party twice")]
    DuplicateParty {
        /// The agreement's id.
        id: String,
        /// The repeated state.
        country: Country,
    },
    /// A membership (party of an agreement) ends before it begins.
    #[error("{country} leaves agreement {id:?} in {left} before it joins in {joined}")]
    LeavesBeforeJoining {
        /// The agreement's id.
        id: String,
        /// The party.
        country: Country,
        /// When it joined.
        joined: Period,
        /// When it left.
        left: Period,
    },
    /// A state's role on the corridor ends before it begins.
    #[error("{country}'s role as {role} ends on {until} before it starts on {from}")]
    RoleReversed {
        /// The state.
        country: Country,
        /// The role.
        role: StateRole,
        /// First day of the role.
        from: Date,
        /// Last day given.
        until: Date,
    },
    /// Two dates of a record are in the wrong order (in force before adoption, a period in force that
    /// ends before it starts, a join before the agreement was adopted).
    #[error("{what} {id:?}: {later_name} ({later}) comes before {earlier_name} ({earlier})")]
    DatesOutOfOrder {
        /// What kind of record.
        what: &'static str,
        /// The record's id.
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
    /// A declared duration of zero days.
    #[error("agreement {id:?} declares a duration of 0 days")]
    ZeroDuration {
        /// The agreement's id.
        id: String,
    },
    /// A quota step ends before it starts.
    #[error("quota step from {from} ends on {until} before it starts")]
    QuotaReversed {
        /// First day of the step.
        from: Date,
        /// Last day given.
        until: Date,
    },
    /// Two quota steps overlap, or a step follows an open-ended one.
    #[error("quota step from {from} overlaps the step from {previous}")]
    QuotaOverlap {
        /// First day of the earlier step.
        previous: Date,
        /// First day of the overlapping step.
        from: Date,
    },
    /// A quota step applies on no weekday.
    #[error("quota step from {from} applies on no weekday")]
    NoWeekdays {
        /// First day of the step.
        from: Date,
    },
    /// A quota schedule has no step.
    #[error("a quota schedule needs at least one step")]
    EmptyQuota,
    /// A currency code is not three upper-case ASCII letters.
    #[error("currency code {code:?} is not an ISO 4217 code")]
    InvalidCurrency {
        /// The code given.
        code: String,
    },
    /// A weekday set could not be read.
    #[error("invalid weekdays {text:?}: expected daily or names such as tue-sat or mon,wed,fri")]
    InvalidWeekdays {
        /// The text given.
        text: String,
    },
    /// A word (role, kind, mode, category) is not one of the known ones.
    #[error("unknown {what} {text:?}")]
    UnknownWord {
        /// What kind of word was expected.
        what: &'static str,
        /// The text given.
        text: String,
    },
    /// An activity names fewer than two states.
    #[error("activity {id:?} names {states} state(s); a joint activity needs at least 2")]
    TooFewStates {
        /// The activity's id.
        id: String,
        /// How many distinct states it names.
        states: usize,
    },
    /// A CAMEO event code is not two to four digits starting with a root code `01` to `20`.
    #[error("invalid CAMEO code {code:?}: expected 2 to 4 digits starting with a root code 01 to 20")]
    InvalidCameo {
        /// The text given.
        code: String,
    },
    /// A cooperation event record counts no event.
    #[error("an event record of {first} and {second} on {date} counts 0 events")]
    ZeroEvents {
        /// Its day.
        date: Date,
        /// Actor 1's state.
        first: Country,
        /// Actor 2's state.
        second: Country,
    },
    /// More cooperation event records than a table indexes (`u32::MAX`).
    #[error("{len} event records are more than a table holds ({max})", max = u32::MAX)]
    TooManyEvents {
        /// The number of records.
        len: usize,
    },
    /// A period cut into more steps than a query answers.
    #[error("{period} holds more than {max} periods of granularity {granularity}")]
    TooManyPeriods {
        /// The period asked for.
        period: Period,
        /// The granularity it was cut into.
        granularity: crate::Granularity,
        /// The most steps answered.
        max: usize,
    },
    /// A period that dyad counts do not cover (not of their granularity, or outside their records).
    #[error("no dyad counts for {period}")]
    PeriodNotCounted {
        /// The period asked for.
        period: Period,
    },
    /// The cooperation network could not be built.
    #[error("cooperation network: {source}")]
    Network {
        /// The network module's error.
        #[source]
        source: NetworkError,
    },
}

impl PartnerError {
    /// The error of an unknown word (used by the word enums).
    pub(crate) fn unknown(what: &'static str, text: &str) -> PartnerError {
        PartnerError::UnknownWord {
            what,
            text: text.to_owned(),
        }
    }
}

/// Checks a slug id.
pub(crate) fn check_id(id: &str) -> Result<()> {
    if crate::words::is_slug(id) {
        Ok(())
    } else {
        Err(PartnerError::InvalidId { id: id.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_name_the_value() {
        let e = PartnerError::InvalidId { id: "Bad Id".into() };
        assert_eq!(
            e.to_string(),
            "invalid id \"Bad Id\": expected lowercase letters, digits and single hyphens"
        );
        let e = PartnerError::DuplicateState { country: Country::PAN };
        assert_eq!(e.to_string(), "state PAN is already registered");
    }

    #[test]
    fn ids() {
        assert!(check_id("add").is_ok());
        assert!(matches!(check_id("ADD"), Err(PartnerError::InvalidId { .. })));
    }
}
