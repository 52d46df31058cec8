//! Statistics helpers on plain slices.
//!
//! This module knows nothing of migration: it takes `&[f64]` / `&[u64]` (and
//! `Option`s where gaps matter) and returns result structs with named accessors.
//! Conventions are pinned to the reference implementations (R, statsmodels,
//! pymannkendall, ruptures) so that results agree to about `1e-9`; each function
//! names the reference it matches.

mod error;
mod validate;

pub use error::StatsError;

// Time series: STL decomposition and forecasting (issue 4).
mod forecast;
mod loess;
mod psort;
mod stl;
pub use forecast::Forecast;
pub use forecast::ets::{Ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
pub use forecast::holt_winters::{HoltWinters, HoltWintersOptions, HwSeasonal, HwTrend, holt_winters};
pub use loess::LoessDegree;
pub use stl::{Robustness, SeasonalWindow, Stl, StlOptions, stl};
