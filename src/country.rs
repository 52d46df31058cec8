//! ISO 3166-1 countries with their UN M49 regions.
//!
//! (Placeholder: the full table lands with issue 2.)

/// Why a country could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountryError {
    /// The text is not an ISO 3166-1 alpha-2, alpha-3 or numeric code.
    #[error("unknown country code {code:?}")]
    UnknownCode {
        /// The text that was given.
        code: String,
    },
}
