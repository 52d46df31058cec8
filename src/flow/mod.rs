//! Migrant flows: places, corridors, records, tables and regular series.
//!
//! - [`Location`] and [`Corridor`]: where people move.
//! - [`FlowRecord`]: one observation — a [`crate::Count`] in a [`crate::Period`], with
//!   nationality, place, direction, sex, age group and [`crate::Source`].
//! - [`FlowTable`]: many records, stored by column, with filter, group-by, totals,
//!   shares and rates per day.
//! - [`FlowSeries`]: a regular series on one granularity with explicit gaps, the
//!   input of the statistics helpers.

mod corridor;
mod location;
mod record;
mod series;
mod table;

pub use corridor::{Corridor, CorridorBuilder, Stage};
pub use location::{Location, LocationKind};
pub use record::{AgeGroup, Direction, FlowRecord, GroupName, Nationality, Sex};
pub use series::{FlowSeries, Iter as SeriesIter, Partial};
#[cfg(feature = "arrow")]
pub(crate) use table::AttributeColumns;
#[cfg(any(feature = "csv", feature = "arrow"))]
pub(crate) use table::Row;
pub use table::{Aggregate, FlowFilter, FlowTable, Group, GroupBy, GroupKey, Iter as RecordIter, RecordRef, Share};

use crate::Granularity;

/// Shorthand for `Result<T, FlowError>` inside `flow`.
pub(crate) type Result<T, E = FlowError> = std::result::Result<T, E>;

/// Why a flow record, table or series was invalid.
///
/// # Examples
/// ```
/// use corridor::flow::{Corridor, FlowError, Location, Nationality};
/// assert!(matches!(Location::new("  "), Err(FlowError::EmptyName { what: "location" })));
/// assert!(matches!(Nationality::from_label("XQ"), Err(FlowError::NotACode { .. })));
/// let one_stage = Corridor::builder("Darién").stage(Location::new("Necoclí")?, None).build();
/// assert!(matches!(one_stage, Err(FlowError::TooFewStages { got: 1 })));
/// let err = "eastbound".parse::<corridor::flow::Direction>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown direction \"eastbound\"");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FlowError {
    /// A name or label is empty.
    #[error("{what} name is empty")]
    EmptyName {
        /// What was being named.
        what: &'static str,
    },
    /// A corridor has fewer than two stages.
    #[error("a corridor needs at least 2 stages, got {got}")]
    TooFewStages {
        /// How many stages it has.
        got: usize,
    },
    /// A place appears twice in a corridor.
    #[error("stage {name:?} appears twice in the corridor")]
    DuplicateStage {
        /// The place's name.
        name: String,
    },
    /// A nationality group label names a country or a fixed category.
    #[error("{label:?} names a country or a fixed category, not a group")]
    GroupIsCountry {
        /// The label.
        label: String,
    },
    /// A nationality label is shaped like a country code (two or three ASCII letters or
    /// digits, or one digit) but is no code and no country name.
    #[error("{label:?} is shaped like a country code but is none (nor a country name)")]
    NotACode {
        /// The label.
        label: String,
    },
    /// A nationality label is no country code or name, nor a fixed category, nor one of
    /// the declared groups.
    #[error(
        "unknown nationality {label:?}: not a country code or name, \"other\" or \"unknown\", nor a declared group"
    )]
    UnknownNationality {
        /// The label (trimmed, in normalisation form C).
        label: String,
    },
    /// A word (direction, sex, age group) is not one of the known ones.
    #[error("unknown {what} {text:?}")]
    UnknownWord {
        /// What kind of word was expected.
        what: &'static str,
        /// The text that was given.
        text: String,
    },
    /// A record's period does not lie inside one period of the requested granularity.
    #[error("period {period} does not lie inside one {granularity}")]
    PeriodNotInside {
        /// The record's period.
        period: String,
        /// The requested granularity.
        granularity: Granularity,
    },
    /// A series must start at a day, week, month, quarter or year, not a date range.
    #[error("{period} is a date range, not a regular period")]
    NotRegular {
        /// The period given as start.
        period: String,
    },
    /// A series needs at least one period.
    #[error("series has no period")]
    EmptySeries,
    /// A series would run past the last date the calendar supports.
    #[error("series runs past the end of the calendar")]
    PastCalendar,
    /// A period is not one of the series' periods.
    #[error("period {period} is not in the series")]
    PeriodNotInSeries {
        /// The period asked for.
        period: String,
    },
    /// A series cannot be coarsened to that granularity.
    #[error("cannot coarsen a {from} series to {to}")]
    NotCoarser {
        /// The series' granularity.
        from: Granularity,
        /// The requested granularity.
        to: Granularity,
    },
}
