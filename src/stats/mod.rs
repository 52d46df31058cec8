//! Statistics helpers on plain slices.
//!
//! This module knows nothing of migration: it takes `&[f64]` / `&[u64]` (and
//! `Option`s where gaps matter) and returns result structs with named accessors.
//! Conventions are pinned to the reference implementations (R, statsmodels,
//! pymannkendall, ruptures) so that results agree to about `1e-9`; each function
//! names the reference it matches.
//!
//! One public module per family, so that the documentation groups them:
//!
//! | module | what |
//! |---|---|
//! | [`descriptive`] | sums, means, quantiles, extremes, changes, rolling windows, shares |
//! | [`trend`] | Mann–Kendall (plain, seasonal, Hamed–Rao), Sen's slope, Pettitt |
//! | [`changepoint`] | PELT, binary segmentation, CROPS |
//! | [`rate`] | Poisson rates: `poisson.test` and the exact interval |
//! | [`regression`] | OLS with classical, HC and HAC covariances; estimates and their references |
//! | [`glm`] | Poisson, quasi-Poisson, negative binomial and Gaussian GLMs |
//! | [`its`] | interrupted time series |
//! | [`decompose`] | STL |
//! | [`forecast`] | Holt–Winters and ETS |
//! | [`bootstrap`] | ordinary and block bootstrap |
//!
//! The error type, [`StatsError`], and the interval type every family returns, [`Interval`], live here; so do
//! short paths for the most used calls (`stats::mann_kendall`, `stats::sens_slope`, `stats::poisson_rate_test`,
//! `stats::stl`, `stats::Pelt`, `stats::Its`), which are the same items as in their modules.

pub mod bootstrap;
pub mod changepoint;
pub mod decompose;
pub mod descriptive;
pub mod forecast;
pub mod glm;
pub mod its;
pub mod rate;
pub mod regression;
pub mod trend;

mod distributions;
pub(crate) mod error;
mod interval;
mod linalg;
mod validate;

pub use error::StatsError;
pub use interval::Interval;

// Short paths for the most used calls (among them the fixed entry points downstream programs rely on).
pub use changepoint::{Changepoints, Cost, Pelt, Penalty};
pub use decompose::{Stl, StlOptions, stl};
pub use glm::Family;
pub use its::{Its, ItsFit};
pub use rate::{RateTest, poisson_rate_test};
pub use regression::Estimate;
pub use trend::{MannKendall, SensSlope, mann_kendall, sens_slope};

/// The box-constrained Nelder–Mead minimiser, for the simulation's calibration.
pub(crate) use forecast::optim::nelder_mead;
