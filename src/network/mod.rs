//! Smuggling networks: actors, typed ties, centralities, disruption.
//!
//! (Placeholder: lands with issue 5.)

#[allow(dead_code)] // used by the model and the measures as they land
pub(crate) mod algo;
#[allow(dead_code)] // used by the model and the measures as they land
mod csr;

pub use algo::Weighting;
pub use algo::betweenness::{BetweennessOptions, Endpoints, Normalization, Sources};
pub use algo::brokerage::BrokerageRoles;
pub use algo::keyplayer::Fragmentation;

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
