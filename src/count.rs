//! Counts of people with their precision (exact, at least, at most, about, between).
//!
//! (Placeholder: lands with issue 2.)

/// Why a count could not be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountError {
    /// The text is not a count.
    #[error("invalid count {text:?}")]
    Invalid {
        /// The text that was given.
        text: String,
    },
}
