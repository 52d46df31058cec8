//! Migrant flows: places, corridors, records, tables and regular series.
//!
//! - [`Location`] and [`Corridor`]: where people move.
//! - [`FlowRecord`]: one observation — a [`crate::Count`] in a [`crate::Period`], with
//!   nationality, place, direction, sex, age group and [`crate::Source`].
//! - [`FlowTable`]: many records, stored by column, with filter, group-by, totals,
//!   shares and rates per day.
//! - [`FlowSeries`]: a regular series on one granularity with explicit gaps, the
//!   input of the statistics helpers.

/// Declares a small enum of fixed words with `Display`/`FromStr` (case-insensitive).
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $word:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The canonical word.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::flow::FlowError;

            fn from_str(s: &str) -> Result<Self, $crate::flow::FlowError> {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($word) $(|| t.eq_ignore_ascii_case($alias))* {
                        return Ok(Self::$variant);
                    }
                )+
                Err($crate::flow::FlowError::UnknownWord { what: $what, text: s.to_owned() })
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

mod corridor;
mod location;
mod record;
mod series;
mod table;

pub use corridor::{Corridor, CorridorBuilder, Stage};
pub use location::{Location, LocationKind};
pub use record::{AgeGroup, Direction, FlowRecord, GroupName, Nationality, Sex};
pub use series::{FlowSeries, Iter as SeriesIter, Partial};
#[cfg(feature = "csv")]
pub(crate) use table::Row;
pub use table::{Aggregate, FlowFilter, FlowTable, Group, GroupBy, GroupKey, Iter as RecordIter, RecordRef, Share};

use crate::Granularity;

/// Shorthand for `Result<T, FlowError>` inside `flow`.
pub(crate) type Result<T, E = FlowError> = std::result::Result<T, E>;

/// Why a flow record, table or series was invalid.
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
