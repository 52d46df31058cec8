//! Statistics helpers on plain slices.
//!
//! This module knows nothing of migration: it takes `&[f64]` / `&[u64]` (and
//! `Option`s where gaps matter) and returns result structs with named accessors.
//! Conventions are pinned to the reference implementations (R, statsmodels,
//! pymannkendall, ruptures) so that results agree to about `1e-9`; each function
//! names the reference it matches.

mod error;
#[allow(dead_code)] // used by the statistics modules as they land
mod validate;

pub use error::StatsError;

// Regression, count models and interrupted time series (issue 4, items 1-3).
mod regression;
pub use regression::{CovType, Design, Estimate, Ols, OlsFit, Reference, SmallSample};
mod glm;
pub use glm::{Family, Glm, GlmFit};
mod its;
pub use its::{Effect, Its, ItsFit, Seasonality};
