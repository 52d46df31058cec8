//! Calendar periods: day, ISO week, month, quarter, year, inclusive date range.
//!
//! (Placeholder: lands with issue 2.)

/// Why a period could not be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The text is not one of the period forms.
    #[error("invalid period {text:?}")]
    Invalid {
        /// The text that was given.
        text: String,
    },
}
