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
//! ## A tour of the other domains
//!
//! **Smuggling networks** are built actor by actor; the measures follow networkx's definitions:
//!
//! ```
//! use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
//! let mut b = SmugglingNetwork::builder();
//! let guide = b.add_actor(Actor::person("guide"));
//! let boatman = b.add_actor(Actor::person("boatman"));
//! let driver = b.add_actor(Actor::person("driver"));
//! b.add_tie(guide, boatman, Tie::undirected(TieKind::Logistics))?;
//! b.add_tie(boatman, driver, Tie::undirected(TieKind::Logistics))?;
//! let net = b.build()?;
//! assert_eq!(net.betweenness()[boatman.index()], 1.0); // networkx betweenness_centrality: the broker
//! assert_eq!(net.articulation_points(), vec![boatman]);
//! # Ok::<(), corridor::Error>(())
//! ```
//!
//! **Joint operations and partner states** keep every report of a figure and the agreements' parties
//! over time; the embedded Darién log and registry come from sourced facts:
//!
//! ```
//! # #[cfg(feature = "csv")] {
//! use corridor::datasets::darien;
//! use corridor::{Country, Period};
//! let log = darien::operations();
//! // Operación Crepúsculo (2021): sources disagree on the arrests, so the total is a bound.
//! let arrests = log.get("crepusculo-2021").expect("in the log").arrests();
//! assert_eq!((arrests.lower(), arrests.upper()), (42, Some(51)));
//! let registry = darien::partners();
//! let since_summit: Period = "2021-08-11..2022-01-31".parse()?;
//! assert!(registry.engaged_with(Country::PAN, since_summit).contains(&Country::COL));
//! # }
//! # Ok::<(), corridor::Error>(())
//! ```
//!
//! **Impact** is where the domains meet: a flow effect around a dated event, arrests applied to a
//! network, and claims checked against evidence that does not come from the claim's own source:
//!
//! ```
//! # #[cfg(feature = "csv")] {
//! use corridor::impact::Verdict;
//! let checks = corridor::datasets::darien::check_statement();
//! // "2,461 a day at the peak": the monthly totals allow such a day but cannot confirm it.
//! assert_eq!(checks[0].verdict(), Verdict::NotVerifiable);
//! # }
//! ```
//!
//! **Simulation** asks "what if": the same model runs as deterministic cohorts or seeded agents, and its
//! outputs are the `FlowSeries` every statistic takes:
//!
//! ```
//! # #[cfg(feature = "csv")] {
//! use corridor::datasets::darien;
//! let run = darien::corridor_model().run_cohorts(&darien::scenario_2021_2024())?;
//! let arrivals = run.arrivals("Bajo Chiquito").expect("a place of the model");
//! assert_eq!(arrivals.len(), run.days());
//! assert!(run.attrition() <= run.entered());
//! # }
//! # Ok::<(), corridor::Error>(())
//! ```
//!
//! ## Choosing between similar functions
//!
//! - A trend in a series: [`stats::mann_kendall`] on independent observations,
//!   [`stats::trend::hamed_rao`] when they are autocorrelated, [`stats::trend::seasonal_mann_kendall`] on monthly data with
//!   a seasonal cycle; [`stats::sens_slope`] for the size of the trend.
//! - A change at a known date: [`stats::Its`] (level and slope change with confidence intervals). A change at
//!   an unknown date: [`stats::Pelt`] (exact, penalised), [`stats::changepoint::BinSeg`] (a fixed number of changes),
//!   [`stats::trend::pettitt`] (one change, a test).
//! - Forecasts: [`stats::forecast::ets`] chooses a model by `AICc` as R `forecast::ets`; [`stats::forecast::holt_winters`] fits
//!   the one R `HoltWinters` fits.
//! - A fixed-text result such as "over 60" is a [`Count`]; add counts rather than their points.
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
//! - [`partner`]: partner states with their roles over time, agreements (forums, declarations,
//!   memoranda, quota arrangements…) with parties, commitments and funding, and the registry that
//!   answers who was engaged with whom and builds the cooperation network.
//! - [`operation`]: joint operations with participants, phases, targets and outcomes that keep every
//!   report of a figure, and the log queried by partner, period, target and measure.
//! - [`impact`]: where the domains meet — flow effects around an operation or agreement, arrests
//!   applied to a network, claims checked against independent evidence, reports with every number's
//!   source.
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
//! | `arrow` | no | `FlowTable`, `FlowSeries` and per-actor network measures ([`network::SmugglingNetwork::measures_record_batch`]) as Arrow record batches, Arrow IPC files ([`io::write_ipc`], [`io::read_ipc`]) |
//! | `petgraph` | no | `SmugglingNetwork::to_petgraph` / `from_petgraph`: actors and ties as the weights of a `petgraph::Graph` |
//! | `plot` | no | SVG charts in `plot` (plotters, SVG backend only): series with gaps and changepoints, STL panels, interrupted time series, forecast fans, resilience curves |

#[macro_use]
mod words;

mod count;
mod count_numbers;
mod country;
#[cfg(feature = "csv")]
pub mod datasets;
mod distinct;
mod error;
pub mod flow;
pub mod impact;
pub mod io;
mod names;
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
pub use count_numbers::CountNumbers;
#[cfg(feature = "serde")]
pub use count_numbers::count_as_numbers;
pub use country::{AllCountries, Country, CountryError, IntermediateRegion, Region, SubRegion};
pub use error::{Error, Result};
pub use period::{Days, Granularity, Period, PeriodError, Periods};
pub use source::{Source, SourceError};
