//! The integration tests, one binary with a module per area (as `time` does), so the suite links once.
//!
//! Shared comparison and reference-loading helpers are in [`common`]; [`meta`] checks the auto traits and
//! the common derives of every public type.

mod arrow;
mod arrow_network;
mod bootstrap;
mod changepoint;
mod changepoint_r_port;
mod common;
mod cooperation;
mod cooperation_events;
mod count;
mod count_numbers;
mod country;
mod datasets;
mod descriptive;
mod entry_points;
mod errors;
mod ets;
mod ets_more;
mod flow;
mod flows_csv_bounds;
mod glm;
mod graphml_read;
mod hardening_io;
mod holt_winters;
mod holt_winters_damped;
mod impact;
mod io_csv;
mod its;
mod meta;
mod network_disruption;
mod network_io;
mod network_measures;
mod network_model;
mod no_panic;
mod period;
#[cfg(feature = "petgraph")]
mod petgraph_conv;
mod plot;
mod rate;
mod regression;
#[cfg(feature = "serde")]
mod serde_results;
mod sim;
mod sim_darien;
mod sim_flee;
mod sim_levers;
mod stats_hardening;

mod stl;
mod trend;
