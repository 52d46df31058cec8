//! # corridor
//!
//! Typed models of irregular migration along a corridor — **migrant flows,
//! smuggling networks, joint operations, partner states** — and statistics
//! helpers validated against R, statsmodels and networkx.
//!
//! (The guide grows with the modules; see README.md.)

pub mod count;
pub mod country;
#[cfg(feature = "csv")]
pub mod datasets;
mod error;
pub mod flow;
pub mod io;
pub mod network;
pub mod period;
mod rng;
pub mod source;
pub mod stats;

pub use count::{Count, CountError};
pub use country::{Country, CountryError, IntermediateRegion, Region, SubRegion};
pub use error::{Error, Result};
pub use period::{Granularity, Period, PeriodError};
pub use source::Source;
