//! Smuggling networks: actors, typed ties, centralities, disruption.
//!
//! (Placeholder: lands with issue 5.)

/// Why a network could not be built or measured.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// A tie names an actor that does not exist.
    #[error("unknown actor id {id}")]
    UnknownActor {
        /// The index that was given.
        id: usize,
    },
}
