//! Non-parametric trend tests: Mann–Kendall (plain, seasonal, Hamed–Rao), Sen's slope, Pettitt.

mod hamed_rao;
mod kendall;
mod mann_kendall;
mod pettitt;
mod seasonal;
mod sen;

pub use hamed_rao::{HamedRao, hamed_rao, hamed_rao_with_gaps};
pub use mann_kendall::{MannKendall, Trend, mann_kendall, mann_kendall_with_gaps};
pub use pettitt::{Pettitt, pettitt};
pub use seasonal::{
    SeasonalMannKendall, SeasonalSensSlope, seasonal_mann_kendall, seasonal_mann_kendall_with_gaps,
    seasonal_sens_slope, seasonal_sens_slope_with_gaps,
};
pub use sen::{SensSlope, sens_slope, sens_slope_with_gaps};
