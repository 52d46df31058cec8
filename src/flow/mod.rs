//! Migrant flows: places, corridors, records, tables and regular series.
//!
//! (Placeholder: lands with issue 2.)

/// Why a flow record, table or series was invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FlowError {
    /// A placeholder until the flow module lands.
    #[error("invalid flow: {reason}")]
    Invalid {
        /// What was wrong.
        reason: String,
    },
}
