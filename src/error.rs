//! The crate error type.
//!
//! Every fallible function in `corridor` returns [`Error`], an enum that wraps one
//! narrow error per module. Each narrow error names the bad value and, for files,
//! where it was found. Match on [`Error`] to tell the families apart, or on the
//! narrow type through the variant.

use crate::count::CountError;
use crate::country::CountryError;
use crate::flow::FlowError;
use crate::io::ReadError;
use crate::network::NetworkError;
use crate::period::PeriodError;
use crate::stats::StatsError;

/// The error of every fallible function in this crate.
///
/// New variants may be added in minor releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A country code or name could not be resolved.
    #[error(transparent)]
    Country(#[from] CountryError),
    /// A period could not be parsed or built.
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// A count of people could not be parsed or built.
    #[error(transparent)]
    Count(#[from] CountError),
    /// A flow record, table or series was invalid.
    #[error(transparent)]
    Flow(#[from] FlowError),
    /// A file (CSV, HXL, edge list) could not be read; names line and column.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// An input/output failure of the reader or writer the caller passed in.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A statistic could not be computed from its input.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// A smuggling network was invalid or a measure could not be computed.
    #[error(transparent)]
    Network(#[from] NetworkError),
}

/// Shorthand for `Result<T, corridor::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
