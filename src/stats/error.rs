//! The error of the statistics helpers.

/// Why a statistic could not be computed.
///
/// Messages are lowercase and name the offending value and its position.
///
/// # Examples
/// ```
/// use corridor::stats::{descriptive::mean, mann_kendall, StatsError};
/// assert!(matches!(mann_kendall(&[1.0]), Err(StatsError::TooShort { got: 1, .. })));
/// let err = mean(&[1.0, f64::NAN]).unwrap_err();
/// assert!(matches!(err, StatsError::NonFinite { index: 1, .. }));
/// assert_eq!(err.to_string(), "value at index 1 is not finite: NaN");
/// // `?` lifts it into the crate error.
/// let lifted: corridor::Error = err.into();
/// assert!(StatsError::try_from(lifted).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// The input has fewer observations than the method needs.
    #[error("{method} needs at least {needed} observations, got {got}")]
    TooShort {
        /// The method that was asked for.
        method: &'static str,
        /// The smallest number of observations it accepts.
        needed: usize,
        /// The number it was given.
        got: usize,
    },
    /// A value is NaN or infinite.
    #[error("value at index {index} is not finite: {value}")]
    NonFinite {
        /// 0-based position of the value.
        index: usize,
        /// The value itself.
        value: f64,
    },
    /// A gap (`None`) where the method was told not to accept gaps.
    #[error("gap at index {index}: the chosen gap policy does not allow missing values")]
    Gap {
        /// 0-based position of the gap.
        index: usize,
    },
    /// Two inputs that must have the same length do not.
    #[error("length mismatch: {what} has length {got}, expected {expected}")]
    LengthMismatch {
        /// Which input is of the wrong length.
        what: &'static str,
        /// The length it should have.
        expected: usize,
        /// The length it has.
        got: usize,
    },
    /// A parameter is outside its valid range.
    #[error("invalid {name} = {value}: {reason}")]
    InvalidParameter {
        /// The parameter's name.
        name: &'static str,
        /// The value that was passed, as text.
        value: String,
        /// What the parameter must satisfy.
        reason: &'static str,
    },
    /// The input is degenerate for this method (for example constant, or all zero).
    #[error("{method}: {reason}")]
    Degenerate {
        /// The method that was asked for.
        method: &'static str,
        /// What makes the input unusable.
        reason: &'static str,
    },
    /// A design matrix is singular or rank deficient.
    #[error("design matrix is rank deficient: column {column} is (nearly) a combination of the others")]
    Singular {
        /// 0-based column at which the rank deficiency was found.
        column: usize,
    },
    /// The exact answer is finite but cannot be represented as an `f64` (its magnitude exceeds
    /// `f64::MAX`, about `1.8e308`), for example the sum of two values near `1e308`.
    #[error("{method}: the {what} overflows f64 (its magnitude exceeds about 1.8e308)")]
    Overflow {
        /// The method that was asked for.
        method: &'static str,
        /// The quantity that overflows.
        what: &'static str,
    },
    /// An iterative method did not converge.
    #[error("{method} did not converge in {iterations} iterations")]
    NoConvergence {
        /// The method that was asked for.
        method: &'static str,
        /// How many iterations were run.
        iterations: usize,
    },
}

/// Shorthand for `Result<T, StatsError>` inside `stats`.
pub(crate) type Result<T, E = StatsError> = std::result::Result<T, E>;
