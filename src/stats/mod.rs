//! Statistics helpers on plain slices.
//!
//! This module knows nothing of migration: it takes `&[f64]` / `&[u64]` (and
//! `Option`s where gaps matter) and returns result structs with named accessors.
//! Conventions are pinned to the reference implementations (R, statsmodels,
//! pymannkendall, ruptures) so that results agree to about `1e-9`; each function
//! names the reference it matches.

mod changepoint;
mod error;
#[allow(dead_code)] // used by the statistics modules as they land
mod validate;

pub use changepoint::{BinSeg, Changepoints, Cost, Crops, CropsSegmentation, Pelt, Penalty, Segment};
pub use error::StatsError;
