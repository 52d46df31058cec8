//! The narrow error of the `impact` layer.

use crate::flow::FlowError;
use crate::network::NetworkError;
use crate::stats::StatsError;

/// Why an impact measure, a claim check or a report could not be made.
///
/// Converts into [`crate::Error`] (`?` works in code returning the crate error) and back with
/// `TryFrom<corridor::Error>`.
///
/// # Examples
///
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::impact::{FlowEffect, ImpactError};
/// use corridor::Count;
/// let series = FlowSeries::new("2021-01".parse()?, (0..12).map(|i| Some(Count::exact(100 + i))).collect())?;
/// let err = FlowEffect::new(&series, "2023-01".parse()?).fit().unwrap_err();
/// assert!(matches!(err, ImpactError::PeriodNotInSeries { .. }));
/// assert_eq!(err.to_string(), "period 2023-01 is not in the series (2021-01 to 2021-12)");
/// // `?` lifts it into corridor::Error, and TryFrom brings it back.
/// let wide: corridor::Error = err.into();
/// assert!(ImpactError::try_from(wide).is_ok());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ImpactError {
    /// A period (an intervention, a window end) is not one of the series' periods.
    #[error("period {period} is not in the series ({first} to {last})")]
    PeriodNotInSeries {
        /// The period asked for.
        period: String,
        /// The series' first period.
        first: String,
        /// The series' last period.
        last: String,
    },
    /// The analysis window holds a gap and the gap policy is to refuse it (missing is not zero).
    #[error("the series has no value for {period}, inside the analysis window {first} to {last}")]
    Gap {
        /// The first missing period.
        period: String,
        /// First period of the window.
        first: String,
        /// Last period of the window.
        last: String,
    },
    /// The intervention leaves too few periods before or after it in the window.
    #[error(
        "intervention at {at} leaves {before} periods before and {after} after it; at least {needed} each are needed"
    )]
    TooFewPeriods {
        /// The first period after the intervention.
        at: String,
        /// Periods before it in the window.
        before: usize,
        /// Periods from it to the end of the window.
        after: usize,
        /// The minimum on each side.
        needed: usize,
    },
    /// The window ends before it starts.
    #[error("window {first} to {last} ends before it starts")]
    ReversedWindow {
        /// First period given.
        first: String,
        /// Last period given.
        last: String,
    },
    /// A control series does not cover the window on the treated series' granularity.
    #[error("control series: {reason}")]
    ControlMismatch {
        /// What does not line up.
        reason: String,
    },
    /// A confidence level outside `(0, 1)`.
    #[error("confidence level {level} is not between 0 and 1")]
    InvalidLevel {
        /// The level given.
        level: f64,
    },
    /// The segmented regression could not be fitted.
    #[error("interrupted time series around {at}: {source}")]
    Fit {
        /// The first period after the intervention.
        at: String,
        /// The statistical failure.
        #[source]
        source: StatsError,
    },
    /// A flow series could not be cut to the window.
    #[error("flow series: {source}")]
    Flow {
        /// The flow failure.
        #[source]
        source: FlowError,
    },
    /// An operation names a target or arrested actor that the network does not know.
    #[error("operation {operation:?}: actor {name:?} is not in the network")]
    UnknownActor {
        /// The operation.
        operation: String,
        /// The name given.
        name: String,
    },
    /// An operation applied to a network names no target to remove.
    #[error("operation {operation:?} names no target to remove from the network")]
    NoLinkedTarget {
        /// The operation.
        operation: String,
    },
    /// The network refused the disruption.
    #[error("network disruption: {source}")]
    Network {
        /// The network failure.
        #[source]
        source: NetworkError,
    },
    /// A claim is malformed (an empty text, a repeated partner, a baseline that is not a span of years…).
    #[error("invalid claim {label:?}: {reason}")]
    InvalidClaim {
        /// The claim's label.
        label: String,
        /// What is wrong.
        reason: String,
    },
    /// A deserialised report or check is inconsistent (for example an interval that does not contain its
    /// estimate, or a verdict without the evidence it needs).
    #[error("invalid {what}: {reason}")]
    Invalid {
        /// What was being read.
        what: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// Shorthand for `Result<T, ImpactError>`.
pub type Result<T, E = ImpactError> = std::result::Result<T, E>;
