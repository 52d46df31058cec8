//! Statistics helpers on plain slices.
//!
//! This module knows nothing of migration: it takes `&[f64]` / `&[u64]` (and
//! `Option`s where gaps matter) and returns result structs with named accessors.
//! Conventions are pinned to the reference implementations (R, statsmodels,
//! pymannkendall, ruptures) so that results agree to about `1e-9`; each function
//! names the reference it matches.

mod changepoint;
pub(crate) mod error;

// The bootstrap.
mod bootstrap;
pub use bootstrap::{BlockBootstrap, BlockScheme, Bootstrap, BootstrapResult};

mod distributions;
mod linalg;
mod validate;

mod interval;
pub use interval::Interval;

pub use changepoint::{BinSeg, Changepoints, Cost, Crops, CropsResult, CropsSegmentation, Pelt, Penalty, Segment};
pub use error::StatsError;

// Regression, count models and interrupted time series.
mod regression;
pub use regression::{CovType, Design, Estimate, Ols, OlsFit, Reference, SmallSample, TestDistribution};
mod glm;
pub use glm::{Family, Glm, GlmFit};
mod its;
pub use its::{Effect, Its, ItsFit, Seasonality};
// Trend tests, descriptive helpers and rate comparisons.
mod descriptive;
mod rate;
mod trend;
pub use descriptive::{
    Change, Extreme, GapPolicy, Window, compound_growth_rate, cumulative_sum, dropping_gaps, herfindahl, index_to_base,
    mean, median, peak, peak_with_gaps, percent_change, quantile, quantiles, ratio_to, ratio_to_base, rolling_mean,
    rolling_sum, seasonal_change, shares, std_dev, sum, top_k_share, trough, trough_with_gaps, variance, without_gaps,
};
pub use rate::{PoissonTest, RateTest, poisson_exact_interval, poisson_rate_test, poisson_test};
pub use trend::{
    HamedRao, MannKendall, Pettitt, SeasonalMannKendall, SeasonalSensSlope, SensSlope, Trend, hamed_rao,
    hamed_rao_with_gaps, mann_kendall, mann_kendall_with_gaps, pettitt, seasonal_mann_kendall,
    seasonal_mann_kendall_with_gaps, seasonal_sens_slope, seasonal_sens_slope_with_gaps, sens_slope,
    sens_slope_with_gaps,
};
// Time series: STL decomposition and forecasting.
mod forecast;
mod loess;
mod psort;
mod stl;
pub use forecast::Forecast;
pub use forecast::ets::{Ets, EtsErrorType, EtsFit, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
pub use forecast::holt_winters::{HoltWinters, HoltWintersFit, HwSeasonal, HwTrend, holt_winters};
/// The box-constrained Nelder–Mead minimiser, for the simulation's calibration.
pub(crate) use forecast::optim::nelder_mead;
pub use loess::LoessDegree;
pub use stl::{Robustness, SeasonalWindow, Stl, StlOptions, stl};
