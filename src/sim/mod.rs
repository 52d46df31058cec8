//! The corridor simulation: people moving along a corridor of places and routes, with
//! capacities, transit times, attrition and dated policy levers.
//!
//! - [`Place`] (a gathering town, crossing point, trail, reception station, border post or
//!   destination) with an optional throughput (people a day who may leave), a holding capacity
//!   (people it can hold) and a dwell time (days before anyone may leave).
//! - [`Route`] between two places: the share of those leaving its origin who take it, a
//!   [`Transit`] time distribution in whole days, attrition rates (dead or missing, turned
//!   back) and an optional throughput.
//! - [`Model`]: places and routes, validated (shares sum to one, times positive, every place
//!   reachable from an entry place), or built from a [`crate::flow::Corridor`].
//! - [`Scenario`]: the calendar (a start date and a number of days), the inflow at the entry
//!   places by nationality (from an observed [`crate::flow::FlowSeries`] or daily counts) and
//!   the policy levers as dated [`Event`]s: quotas by weekday and date ([`QuotaSchedule`]),
//!   closures, controlled-flow transport, removals, capacity cuts and inflow shocks. Two levers are
//!   fed from other domains: a partner agreement's quota commitment becomes a quota
//!   (`QuotaSchedule::from(&partner::QuotaSchedule)`), and a smuggling network's corridor capacity
//!   (its max-flow) before and after an operation's arrests becomes a capacity cut on a route
//!   ([`Event::capacity_cut_from`], [`capacity_ratio`]).
//! - Two engines on one model: [`Model::run_cohorts`], deterministic, and [`Model::run`], a
//!   seeded agent engine; both give a [`Run`] whose daily and monthly outputs are `FlowSeries`.
//!   [`Model::ensemble`] runs many seeds (over cores with the `parallel` feature) and gives
//!   bands per day and place.
//! - [`Calibration`]: fits free parameters to an observed monthly series with the crate's
//!   Nelder–Mead minimiser, by Poisson deviance or [`ard`].
//!
//! # One day
//!
//! Time runs in whole days. On day `t`, in this order:
//!
//! 1. people whose transit ends on `t` arrive at the end of their route;
//! 2. the day's inflow arrives at the entry places;
//! 3. removals take people from the places they are held at, oldest arrivals first;
//! 4. each place lets people leave, first in first out: a person who arrived on day `a` may
//!    leave from day `a + dwell` on; the place's throughput, each route's throughput, quotas,
//!    closures, vehicles and the room left at a destination with a holding capacity bound the
//!    day's departures (places are served downstream first, so that room freed on day `t` is
//!    usable on day `t`);
//! 5. stocks are recorded at the end of the day.
//!
//! On arrival at a place each person chooses a route (by the routes' shares) and waits in that
//! route's queue. On departure each person's outcome is drawn: dead or missing, turned back
//! (both leave the corridor, counted as attrition on the route on the day of departure), or
//! arrival after `d` days, `d` from the route's transit distribution. Transit times are at
//! least one day, so nobody crosses two routes on one day. A place without routes is a
//! destination: it keeps everyone who arrives.
//!
//! Inflow is never refused: a holding capacity bounds only what routes deliver.
//!
//! # The two engines
//!
//! The **cohort engine** ([`Model::run_cohorts`]) moves whole cohorts: the people of one
//! nationality who entered the corridor on one day and arrived at a place on one day, queued
//! for one route. It divides people between routes and outcomes in whole persons by a
//! *carried largest-remainder* rule: for each route (or place) and nationality it keeps the
//! fractional people owed to each outcome; a batch of `n` gets `n · p_k` plus what is owed to
//! outcome `k`, rounded down, and the people left over go one at a time to the outcomes with
//! the largest remainders. Every batch is divided exactly (conservation holds to the person),
//! and the cumulative count of each outcome stays within about one person of its expectation,
//! however small the batches.
//!
//! The **agent engine** ([`Model::run`]) holds each person as a 16-byte record (day entered, day
//! arrived, nationality) and draws each person's route and outcome from the crate's seeded
//! xoshiro256\*\* generator. The same seed gives the same run on every platform, with or without
//! the `parallel` feature; its mean over seeds agrees with the cohort engine.
//!
//! # Beside Flee
//!
//! Flee 3.1 (see `design/flee_formats.md`) and this module differ in their rules:
//!
//! - **Direction.** Flee's agents have no goal: each day they leave a place with its move chance
//!   (towns 0.3, camps 0.001, conflict zones 1) and pick a neighbour by attractiveness over
//!   distance, so in a chain they diffuse both ways. Here people move only along routes, by the
//!   routes' shares, and leave a place as soon as its dwell time and capacities allow, unless the
//!   place has a leave chance ([`Place::leave_chance`], Flee's move chance; changed for a period
//!   by [`Event::leave_chance`]). A network whose routes run both ways, as Flee's do, declares its
//!   entries ([`ModelBuilder::entry`]).
//! - **Route choice.** Flee draws the neighbour when the agent leaves, with weights that change as
//!   conflicts start (conflict weight) and camps fill (capacity factor); here the route is drawn by
//!   fixed shares when the person arrives, and the person waits in that route's queue.
//! - **Awareness.** Flee can weigh paths up to `awareness_level` links ahead (default 1, the
//!   neighbours); the conversion of Flee's files uses level 1 only.
//! - **Time on a link.** Flee advances agents by a speed (km a day) over a route's distance and may
//!   hop several links a day; here a route has a transit-time distribution in whole days (at least
//!   one), so a person crosses at most one route a day.
//! - **Capacity.** Flee's camps fill softly (route weight falls linearly from 90 % to 100 % of
//!   capacity) and never evict; here throughputs and holding capacities are hard bounds and people
//!   queue first in first out upstream.
//! - **Closures.** In Flee an agent on a closed link finishes it and is sent back to its start;
//!   here people already on a closed route keep going and nobody sets out.
//! - **Attrition and removals.** Flee has none (camps may deactivate agents as sinks); here routes
//!   have dead-or-missing and turned-back rates and removals are a lever.
//! - **Randomness.** Flee uses Python's global generator without a seed; the agent engine here is
//!   seeded and reproducible, and the cohort engine is deterministic.
//! - **Validation.** Flee compares camp populations (stocks) by ARD; [`ard`] here is the same
//!   measure applied to any pair of series, usually monthly flows.
//!
//! [`crate::io::flee`] reads Flee's input files into a [`Model`] and [`Scenario`] (feature `csv`)
//! and lists how each of Flee's rules is carried over. On Flee's published Mali 2012 scenario
//! (23 locations, 35 routes, 300 days, scaled down tenfold) the agent engine's camp populations
//! differ from the mean of ten Flee 3.1 runs by an averaged relative difference of about 0.25
//! (`tests/integration/sim_flee.rs`): they agree while the camps have room, and part when the small camps
//! fill, because Flee's agents then turn to other camps and here they queue for the full camp.
//!
//! # Beyond one machine
//!
//! Runs are independent given their seeds, and so are the points of a parameter sweep: a large
//! ensemble is partitioned over an engine that already schedules independent jobs, not over a
//! cluster of this crate's making.
//!
//! - **A job array** (Slurm `--array=0-99`, PBS, or GNU `parallel`): job `k` of `K` builds the
//!   same [`Model`] and [`Scenario`] (from the same files) and calls [`Model::run`] for the seeds
//!   `s` with `s % K == k` (or takes the `k`-th block of parameter points), writing its runs' daily series
//!   (for example as Arrow IPC with the `arrow` feature, [`crate::io::write_ipc`], one file per
//!   job, with the seed as a column). Seeds are plain `u64`s, so the partition is reproducible and
//!   a failed job is rerun alone.
//! - **Spark, Dask or polars over the outputs.** Quantile bands are not mergeable from partial
//!   quantiles, but counts are: read the per-seed series (Arrow files) as one table and take the
//!   quantiles per day and place in the engine (`percentile_approx` in Spark, `quantile` in
//!   polars); means, totals and exceedance counts merge by summing.
//! - **Within a job**, [`Model::ensemble`] spreads its seeds over the job's cores with the
//!   `parallel` feature; the result is the same as without it, so jobs of any size agree.
//!
//! # What such a model can and cannot tell
//!
//! It tells what the stated rules imply: how a quota that binds turns a flow into a queue, how
//! long a queue takes to clear, where people wait when buses run at a given rate, how a cut in
//! one route's capacity shifts arrivals downstream and in time. It cannot tell why people
//! come, how many would come under another policy (demand is an input, not an output), how
//! people or smugglers adapt to a lever (they take the routes and shares the model is given),
//! or anything the data it is calibrated on does not constrain. A good fit to monthly
//! crossings means the timing and the levers are consistent with the record, not that the
//! model's parameters are the true ones.
//!
//! # Example
//! ```
//! use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
//! use corridor::flow::Nationality;
//! use time::macros::date;
//!
//! let model = Model::builder()
//!     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?.dwell(2))
//!     .place(Place::new("Bajo Chiquito", PlaceKind::CrossingPoint)?)
//!     .place(Place::new("Paso Canoas", PlaceKind::Destination)?)
//!     .route(Route::new("Necoclí", "Bajo Chiquito", 1.0, Transit::uniform(2, 10)?)?.throughput(500)?)
//!     .route(Route::new("Bajo Chiquito", "Paso Canoas", 1.0, Transit::fixed(2)?)?)
//!     .build()?;
//! let scenario = Scenario::new(date!(2021 - 08 - 01), 60)?
//!     .inflow_daily("Necoclí", Nationality::Unknown, vec![800; 60])?;
//! let run = model.run_cohorts(&scenario)?;
//! assert_eq!(run.entered(), 48_000);
//! // 300 people a day more than the route takes: the queue at Necoclí grows.
//! let necocli = run.stock("Necoclí").expect("a place");
//! assert!(necocli.point(59).expect("a value") > 15_000);
//! // Nobody is lost: everyone who entered is somewhere.
//! assert_eq!(run.entered(), run.held_at_end() + run.in_transit_at_end() + run.attrition() + run.removed());
//! # Ok::<(), corridor::Error>(())
//! ```

mod calibrate;
mod engine;
mod ensemble;
mod event;
mod model;
mod place;
mod route;
mod run;
mod scenario;
mod transit;

pub use calibrate::{Calibration, Fit, Loss, ard, poisson_deviance};
pub use ensemble::{Ensemble, Measure};
pub use event::{Event, QuotaRule, QuotaSchedule, Target, Weekdays, capacity_ratio};
pub use model::{Model, ModelBuilder};
pub use place::{Place, PlaceKind};
pub use route::Route;
pub use run::{PlaceSummary, Run};
pub use scenario::Scenario;
pub use transit::Transit;

/// Shorthand for `Result<T, SimError>` inside `sim`.
pub(crate) type Result<T, E = SimError> = std::result::Result<T, E>;

/// Why a simulation model, scenario or calibration was invalid.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SimError {
    /// A place's name is empty.
    #[error("place name is empty")]
    EmptyName,
    /// Two places have the same name.
    #[error("place {name:?} is defined twice")]
    DuplicatePlace {
        /// The name.
        name: String,
    },
    /// A name does not name a place of the model.
    #[error("{context}: no place is called {name:?}")]
    UnknownPlace {
        /// The name.
        name: String,
        /// Where it was used.
        context: &'static str,
    },
    /// No route runs between the two places.
    #[error("{context}: no route runs from {from:?} to {to:?}")]
    UnknownRoute {
        /// The origin.
        from: String,
        /// The end.
        to: String,
        /// Where it was used.
        context: &'static str,
    },
    /// A route starts and ends at the same place.
    #[error("route from {place:?} to itself")]
    SelfLoop {
        /// The place.
        place: String,
    },
    /// Two routes join the same two places in the same direction.
    #[error("route from {from:?} to {to:?} is defined twice")]
    DuplicateRoute {
        /// The origin.
        from: String,
        /// The end.
        to: String,
    },
    /// A route's share is not in `(0, 1]`.
    #[error("route from {from:?} to {to:?}: share {share} is not in (0, 1]")]
    Share {
        /// The origin.
        from: String,
        /// The end.
        to: String,
        /// The share given.
        share: f64,
    },
    /// The shares of the routes leaving a place do not sum to one.
    #[error("shares of the routes leaving {place:?} sum to {sum}, not 1")]
    SharesSum {
        /// The place.
        place: String,
        /// Their sum.
        sum: f64,
    },
    /// A transit-time distribution is invalid.
    #[error("transit time: {reason}")]
    Transit {
        /// What is wrong.
        reason: String,
    },
    /// Attrition rates are not in `[0, 1]` or sum to more than one.
    #[error(
        "route from {from:?} to {to:?}: attrition rates {dead} (dead or missing) and {turned_back} (turned back) must be in [0, 1] and sum to at most 1"
    )]
    Attrition {
        /// The origin.
        from: String,
        /// The end.
        to: String,
        /// Dead or missing.
        dead: f64,
        /// Turned back.
        turned_back: f64,
    },
    /// A place's leave chance is not in `(0, 1]`.
    #[error("place {place:?}: leave chance {chance} is not in (0, 1]")]
    LeaveChance {
        /// The place.
        place: String,
        /// The chance given.
        chance: f64,
    },
    /// A capacity of zero (use a closure instead).
    #[error("{what} of {name:?} is zero; close it with an event instead")]
    ZeroCapacity {
        /// Which capacity.
        what: &'static str,
        /// The place or route.
        name: String,
    },
    /// A model has no place.
    #[error("a model needs at least one place")]
    NoPlace,
    /// Every place has a route into it, so no place is an entry.
    #[error("no place is an entry (every place has a route into it)")]
    NoEntry,
    /// A place cannot be reached from any entry place.
    #[error("place {place:?} cannot be reached from any entry place")]
    Unreachable {
        /// The place.
        place: String,
    },
    /// A place that is not a destination has no route out of it.
    #[error("place {place:?} has no route out but is not a destination")]
    DeadEnd {
        /// The place.
        place: String,
    },
    /// A destination has a route out of it.
    #[error("destination {place:?} has a route out of it")]
    DestinationHasRoutes {
        /// The place.
        place: String,
    },
    /// What a run or an ensemble would hold cannot be allocated.
    #[error("{what}: {bytes} bytes cannot be allocated")]
    Memory {
        /// What would be held.
        what: &'static str,
        /// How many bytes it would take.
        bytes: u128,
    },
    /// A model has too many places, routes or nationalities for the engines' indices.
    #[error("too many {what}: {got} (at most {max})")]
    TooMany {
        /// What there are too many of.
        what: &'static str,
        /// How many.
        got: usize,
        /// The limit.
        max: usize,
    },
    /// A corridor stage has no typical transit time.
    #[error("corridor stage {stage:?} has no typical transit time")]
    UnknownTransit {
        /// The stage's place.
        stage: String,
    },
    /// A scenario has no day, or runs past the calendar.
    #[error("a scenario needs between 1 and {max} days, got {days}")]
    Days {
        /// The days asked for.
        days: u32,
        /// The limit.
        max: u32,
    },
    /// An inflow series has a gap or does not cover the scenario.
    #[error("inflow at {place:?}: {reason}")]
    Inflow {
        /// The place.
        place: String,
        /// What is wrong.
        reason: String,
    },
    /// A dated event is invalid.
    #[error("event {event}: {reason}")]
    Event {
        /// Which event.
        event: String,
        /// What is wrong.
        reason: String,
    },
    /// A calibration was set up wrongly.
    #[error("calibration: {reason}")]
    Calibration {
        /// What is wrong.
        reason: String,
    },
}
