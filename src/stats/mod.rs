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

// Trend tests, descriptive helpers and rate comparisons (stats-trend).
mod rate;
mod trend;
pub use rate::{RateTest, poisson_exact_interval, poisson_rate_test};
pub use trend::{
    HamedRao, MannKendall, Pettitt, SeasonalMannKendall, SeasonalSensSlope, SensSlope, Trend, hamed_rao, mann_kendall,
    pettitt, seasonal_mann_kendall, seasonal_sens_slope, sens_slope,
};
