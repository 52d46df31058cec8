//! # corridor
//!
//! Typed models of irregular migration along a corridor — **migrant flows,
//! smuggling networks, joint operations, partner states** — and statistics
//! helpers validated against the reference implementations analysts already
//! trust: R, statsmodels, pymannkendall, ruptures and networkx.
//!
//! It is for engineers and analysts at ministries, international agencies, NGOs,
//! research groups and newsrooms who embed it in their own programs: pipelines,
//! dashboards, simulations. It is pure: no network, no global state, no printing,
//! no files opened behind the caller's back.
//!
//! ## A first example
//!
//! Panama reported in early 2022 that crossings of the Darién Gap had fallen from
//! 2,461 a day to 140 a day. The monthly data, shipped with the crate, lets you
//! check such figures, with their sources:
//!
//! ```
//! # #[cfg(feature = "csv")] {
//! use corridor::datasets::darien;
//! use corridor::flow::Partial;
//! use corridor::stats;
//! use corridor::Granularity;
//!
//! let monthly = darien::monthly(); // 2020-01 … 2025-07; unpublished months are gaps
//! let aug_2021 = monthly.position("2021-08".parse()?).expect("in the series");
//! let per_day = monthly.per_day()[aug_2021].1.expect("published");
//! assert_eq!(per_day.round(), 817.0); // the monthly mean; 2,461 was a peak day
//!
//! // A year with a missing month has no annual total unless partial sums are asked for.
//! let years = monthly.coarsen(Granularity::Year, Partial::Missing)?;
//! assert_eq!(years.point(1), Some(133_726)); // 2021
//!
//! // Official figures are often bounds: "over 60" arrests is at least 61, never 60.
//! let arrests: corridor::Count = "over 60".parse()?;
//! assert_eq!(arrests.lower(), 61);
//!
//! // Statistics take plain slices and know nothing of migration.
//! let y: Vec<f64> = monthly.to_f64().into_iter().take(24).map(|v| v.expect("2020-2021 complete")).collect();
//! let trend = stats::mann_kendall(&y)?;
//! assert!(trend.z() > 0.0);
//! # }
//! # Ok::<(), corridor::Error>(())
//! ```
//!
//! ## Modules
//!
//! - The vocabulary, at the root: [`Country`] (ISO 3166-1 with UN M49 regions),
//!   [`Period`] (day, ISO week, month, quarter, year, date range), [`Count`] (people
//!   with their precision: exact, at least, at most, about, between), [`Source`]
//!   (provenance) and the crate [`Error`].
//! - [`flow`]: places, corridors, flow records, columnar [`flow::FlowTable`]s and
//!   regular [`flow::FlowSeries`] with explicit gaps.
//! - [`network`]: smuggling networks of actors and typed ties, their measures
//!   (networkx definitions) and disruption by arrests.
//! - [`stats`]: descriptive helpers, trend tests, changepoints, rate tests,
//!   regression with robust errors, count models, interrupted time series, STL,
//!   Holt–Winters and ETS, the bootstrap. Each function names the reference it
//!   matches.
//! - [`sim`]: the corridor simulation — places and routes with capacities and
//!   transit times, dated policy levers, a deterministic cohort engine and a seeded
//!   agent engine whose outputs are `FlowSeries`, and calibration to observed series.
//! - [`io`]: CSV and HXL flow tables, graph export; the only module that reads or
//!   writes bytes.
//! - `plot` (feature `plot`): SVG charts of series, fits and resilience curves; it reads
//!   values from the modules above and nothing imports it.
//! - `datasets` (feature `csv`): real, sourced data embedded in the crate.
//!
//! ## Decisions that hold everywhere
//!
//! - **Missing is not zero.** Gaps stay gaps; a statistic that cannot take a gap
//!   asks for a policy.
//! - **Validate at construction.** Constructors return `Result`; deserialising
//!   validates the same way. No public function panics on any input unless its docs
//!   say `# Panics`.
//! - **Determinism.** Every random procedure takes a seed; same seed, same result on
//!   every platform.
//!
//! `DESIGN.md` at the root of the repository (and of the published package) states the
//! one API convention — models built on their data then fitted
//! (`Ols::new(&x, &y).fit()`), procedures configured then applied
//! (`Pelt::new(cost).detect(&y)`), single-shot tests as free functions
//! (`mann_kendall(&y)`) — and the error design, with the reasons for each.
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `serde` | yes | `Serialize`/`Deserialize`; deserialising validates |
//! | `csv` | yes | CSV/HXL readers and writers in [`io`], and `datasets` |
//! | `parallel` | no | spreads embarrassingly parallel loops over cores (rayon), flow CSV parsing included |
//! | `arrow` | no | `FlowTable` and `FlowSeries` as Arrow record batches, Arrow IPC files ([`io::write_ipc`], [`io::read_ipc`]) |
//! | `plot` | no | SVG charts in `plot` (plotters, SVG backend only): series with gaps and changepoints, STL panels, interrupted time series, forecast fans, resilience curves |

#[macro_use]
mod words;

mod count;
mod country;
#[cfg(feature = "csv")]
pub mod datasets;
mod error;
pub mod flow;
pub mod impact;
pub mod io;
pub mod network;
pub mod operation;
pub mod partner;
mod period;
#[cfg(feature = "plot")]
pub mod plot;
mod rng;
pub mod sim;
mod source;
pub mod stats;

pub use count::{Count, CountError, CountKind};
pub use country::{AllCountries, Country, CountryError, IntermediateRegion, Region, SubRegion};
pub use error::{Error, Result};
pub use period::{Days, Granularity, Period, PeriodError, Periods};
pub use source::{Source, SourceError};
