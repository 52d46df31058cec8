//! The crate error type.
//!
//! Each module returns its own narrow error where only that family can fail:
//! [`StatsError`] from `stats`, [`NetworkError`] from `network`, [`FlowError`] from
//! `flow`, and so on. [`Error`] wraps one narrow error per variant: `From` each narrow
//! error makes `?` work in code that returns `corridor::Error`, and `TryFrom<Error>`
//! gives the narrow error back (or the crate error unchanged when it is of another
//! family), as the `time` crate does. Each narrow error names the bad value and, for
//! files, where it was found.

use crate::count::CountError;
use crate::country::CountryError;
use crate::flow::FlowError;
use crate::impact::ImpactError;
#[cfg(feature = "arrow")]
use crate::io::ArrowError;
use crate::io::{GraphmlError, ReadError};
use crate::network::NetworkError;
use crate::operation::OperationError;
use crate::partner::PartnerError;
use crate::period::PeriodError;
#[cfg(feature = "plot")]
use crate::plot::PlotError;
use crate::sim::SimError;
use crate::source::SourceError;
use crate::stats::StatsError;

/// The error of every fallible function in this crate.
///
/// New variants may be added in minor releases.
///
/// # Examples
/// ```
/// use corridor::{Count, Error, Period, stats::StatsError};
/// // `?` lifts each module's narrow error into the crate error.
/// fn parse(count: &str, period: &str) -> Result<(Count, Period), Error> {
///     Ok((count.parse()?, period.parse()?))
/// }
/// assert!(parse("about 1,200", "2021-08").is_ok());
/// assert!(matches!(parse("1,20", "2021-08"), Err(Error::Count(_))));
/// assert!(matches!(parse("12", "August"), Err(Error::Period(_))));
/// // TryFrom gives the narrow error back, or the crate error unchanged.
/// let e = Error::from(corridor::stats::mann_kendall(&[1.0]).unwrap_err());
/// assert!(matches!(StatsError::try_from(e), Ok(StatsError::TooShort { .. })));
/// ```
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
    /// A source (provenance) could not be built.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A flow record, table or series was invalid.
    #[error(transparent)]
    Flow(#[from] FlowError),
    /// A file (CSV, HXL, edge list) could not be read; names line and column.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A `GraphML` file could not be read; names line and column.
    #[error(transparent)]
    Graphml(#[from] GraphmlError),
    /// An input/output failure of the reader or writer the caller passed in.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A file opened by path (as `io::flee::read_flee_dir` opens a scenario's files) could not
    /// be opened or read: its path, and the error within it (which names the line and column where
    /// the file's reader does).
    #[error("{}: {source}", path.display())]
    File {
        /// The file's path.
        path: std::path::PathBuf,
        /// What went wrong: [`Error::Io`] when the file cannot be opened, the reader's error otherwise.
        #[source]
        source: Box<Error>,
    },
    /// A statistic could not be computed from its input.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// A smuggling network was invalid or a measure could not be computed.
    #[error(transparent)]
    Network(#[from] NetworkError),
    /// An impact measure, claim check or report could not be made.
    #[error(transparent)]
    Impact(#[from] ImpactError),
    /// A partner state, agreement or registry record was invalid.
    #[error(transparent)]
    Partner(#[from] PartnerError),
    /// A joint operation or operation log record was invalid.
    #[error(transparent)]
    Operation(#[from] OperationError),
    /// A simulation model, scenario or calibration was invalid.
    #[error(transparent)]
    Sim(#[from] SimError),
    /// A record batch or an Arrow IPC file could not be read or written (feature `arrow`).
    #[cfg(feature = "arrow")]
    #[error(transparent)]
    Arrow(#[from] ArrowError),
    /// A chart could not be drawn (feature `plot`).
    #[cfg(feature = "plot")]
    #[error(transparent)]
    Plot(#[from] PlotError),
}

/// Shorthand for `Result<T, corridor::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `TryFrom<Error>` for each narrow error: the narrow error back, or the crate error unchanged when it is
/// of another family (as `time::error::*` do).
macro_rules! narrow {
    ($($variant:ident => $ty:ty),* $(,)?) => {$(
        impl TryFrom<Error> for $ty {
            type Error = Error;

            fn try_from(e: Error) -> std::result::Result<Self, Error> {
                match e {
                    Error::$variant(inner) => Ok(inner),
                    other => Err(other),
                }
            }
        }
    )*};
}

narrow! {
    Country => CountryError,
    Period => PeriodError,
    Count => CountError,
    Source => SourceError,
    Flow => FlowError,
    Read => ReadError,
    Graphml => GraphmlError,
    Io => std::io::Error,
    Stats => StatsError,
    Network => NetworkError,
    Impact => ImpactError,
    Partner => PartnerError,
    Operation => OperationError,
    Sim => SimError,
}

#[cfg(feature = "plot")]
narrow! {
    Plot => PlotError,
}

#[cfg(feature = "arrow")]
narrow! {
    Arrow => ArrowError,
}
