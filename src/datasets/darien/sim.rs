//! The Darién corridor as a simulation model and the 2021–2024 scenario.

use time::{Date, Weekday};

use crate::flow::{FlowSeries, Nationality};
use crate::sim::{Event, Model, Place, PlaceKind, QuotaSchedule, Route, Scenario, Target, Transit, Weekdays};
use crate::{Count, Period};

const PARAMETERS: &str = include_str!("../../../data/darien/sim_parameters.csv");

/// The first simulated day: December 2020 is a warm-up month (the corridor starts empty).
const START: Date = time::macros::date!(2020 - 12 - 01);
/// The last simulated day.
const END: Date = time::macros::date!(2024 - 12 - 31);

/// One row of `data/darien/sim_parameters.csv`.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::sim_parameters;
/// let params = sim_parameters();
/// let lead = params.iter().find(|p| p.name() == "lead_days").unwrap();
/// assert_eq!((lead.value(), lead.unit(), lead.status()), ("8.051", "days", "calibrated"));
/// assert!(lead.source().is_empty() && !lead.note().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SimParameter {
    name: String,
    value: String,
    unit: String,
    status: String,
    source: String,
    note: String,
}

impl SimParameter {
    /// The parameter's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its value as written in the data file.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Its unit.
    #[must_use]
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// How it was obtained: `sourced` (a published figure, with its address), `derived` (computed
    /// from published figures, as the note says), `reported` (a figure of the facts gathered for
    /// the simulation whose source address is not in the data files), `assumed`, or `calibrated`.
    #[must_use]
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The source address and publisher, when sourced or derived.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How the value was obtained or used.
    #[must_use]
    pub fn note(&self) -> &str {
        &self.note
    }
}

/// Every parameter of the Darién simulation, with its status and source, from
/// `data/darien/sim_parameters.csv`.
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// let params = corridor::datasets::darien::sim_parameters();
/// assert_eq!(params.len(), 38);
/// // Four are calibrated: those of `DarienFit`.
/// let calibrated: Vec<&str> = params.iter().filter(|p| p.status() == "calibrated").map(|p| p.name()).collect();
/// assert_eq!(calibrated, corridor::datasets::darien::DarienFit::NAMES);
/// ```
#[must_use]
pub fn sim_parameters() -> Vec<SimParameter> {
    super::rows(PARAMETERS)
        .map(|r| SimParameter {
            name: r[0].to_owned(),
            value: r[1].to_owned(),
            unit: r[2].to_owned(),
            status: r[3].to_owned(),
            source: r[4].to_owned(),
            note: r[5].to_owned(),
        })
        .collect()
}

fn value(name: &str) -> String {
    sim_parameters()
        .into_iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("embedded parameter {name} is in sim_parameters.csv"))
        .value
}

fn number(name: &str) -> f64 {
    value(name).parse().expect("embedded parameter is a number")
}

fn whole(name: &str) -> u32 {
    value(name).parse().expect("embedded parameter is a whole number")
}

fn date(name: &str) -> Date {
    Date::parse(&value(name), time::macros::format_description!("[year]-[month]-[day]")).expect("embedded date")
}

/// The four free parameters of the Darién simulation, fitted to the monthly crossings of
/// 2021–2022 (see [`corridor_model`]).
///
/// # Examples
/// ```
/// use corridor::datasets::darien::DarienFit;
/// let fit = DarienFit::calibrated();
/// assert_eq!(fit.to_vec(), [8.051, 0.294, 6.784, 2339.0]);
/// assert_eq!(DarienFit::from_slice(&fit.to_vec()), fit);
/// // Missing entries take the calibration's starting point.
/// assert_eq!(DarienFit::from_slice(&[10.0]).to_vec(), [10.0, 0.7, 6.0, 1500.0]);
/// // A walking time whose mean the 2–10 day range cannot hold builds no model.
/// assert!(DarienFit { trail_mean_days: 50.0, ..fit }.model().is_err());
/// let scenario = fit.scenario()?;
/// assert_eq!(scenario.start().to_string(), "2020-12-01");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DarienFit {
    /// Days by which demand at Necoclí and Turbo precedes Panama's count of crossings.
    pub lead_days: f64,
    /// Share of the demand that gathers at Necoclí (the rest at Turbo).
    pub necocli_share: f64,
    /// Mean of the log-normal walking time before it is restricted to 2–10 days.
    pub trail_mean_days: f64,
    /// People the boats from Necoclí carry a day.
    pub necocli_boats_per_day: f64,
}

impl DarienFit {
    /// The names of the parameters, in the order of [`DarienFit::to_vec`].
    pub const NAMES: [&'static str; 4] = ["lead_days", "necocli_share", "trail_mean_days", "necocli_boats_per_day"];
    /// Lower bounds of the calibration box.
    pub const LOWER: [f64; 4] = [0.0, 0.2, 3.0, 200.0];
    /// Upper bounds of the calibration box.
    pub const UPPER: [f64; 4] = [30.0, 1.0, 9.5, 5_000.0];
    /// The starting point of the calibration.
    pub const START: [f64; 4] = [7.0, 0.7, 6.0, 1_500.0];

    /// The calibrated values in `data/darien/sim_parameters.csv`.
    ///
    /// # Panics
    /// Never: the embedded data is checked by the crate's tests.
    #[must_use]
    pub fn calibrated() -> Self {
        Self {
            lead_days: number("lead_days"),
            necocli_share: number("necocli_share"),
            trail_mean_days: number("trail_mean_days"),
            necocli_boats_per_day: number("necocli_boats_per_day"),
        }
    }

    /// The parameters from a vector in the order of [`DarienFit::NAMES`] (missing entries are
    /// those of [`DarienFit::START`]).
    #[must_use]
    pub fn from_slice(x: &[f64]) -> Self {
        let g = |i: usize| x.get(i).copied().unwrap_or(Self::START[i]);
        Self {
            lead_days: g(0),
            necocli_share: g(1),
            trail_mean_days: g(2),
            necocli_boats_per_day: g(3),
        }
    }

    /// The parameters as a vector in the order of [`DarienFit::NAMES`].
    #[must_use]
    pub fn to_vec(self) -> Vec<f64> {
        vec![
            self.lead_days,
            self.necocli_share,
            self.trail_mean_days,
            self.necocli_boats_per_day,
        ]
    }

    /// The corridor model with these parameters.
    ///
    /// # Errors
    /// [`crate::sim::SimError`] when a parameter is out of range (a mean the 2–10 day range cannot
    /// hold, fewer than one boat place a day).
    pub fn model(&self) -> crate::Result<Model> {
        let boat = Transit::fixed(whole("boat_days"))?;
        let (lo, hi) = (whole("trail_min_days"), whole("trail_max_days"));
        let trail = Transit::lognormal(self.trail_mean_days, number("trail_sd_days"))?.within(lo, hi)?;
        let dead = number("trail_dead_rate");
        let back = number("trail_turned_back_rate");
        let to_capurgana = number("necocli_to_capurgana_share");
        let to_canaan = number("acandi_to_canaan_share");
        let village = Transit::fixed(whole("village_to_station_days"))?;
        let bus = Transit::fixed(whole("bus_days"))?;
        let border = Transit::fixed(whole("border_days"))?;
        let dwell = whole("station_dwell_days");
        let boats = self.necocli_boats_per_day.round().max(0.0) as u64;
        let model = Model::builder()
            .place(Place::new("Necoclí", PlaceKind::GatheringTown)?.throughput(boats)?)
            .place(Place::new("Turbo", PlaceKind::GatheringTown)?)
            .place(Place::new("Capurganá", PlaceKind::CrossingPoint)?)
            .place(Place::new("Acandí", PlaceKind::CrossingPoint)?)
            .place(Place::new("Bajo Chiquito", PlaceKind::CrossingPoint)?)
            .place(Place::new("Canaán Membrillo", PlaceKind::CrossingPoint)?)
            .place(Place::new("Lajas Blancas", PlaceKind::ReceptionStation)?.dwell(dwell))
            .place(
                Place::new("San Vicente", PlaceKind::ReceptionStation)?
                    .dwell(dwell)
                    .holding(u64::from(whole("san_vicente_capacity")))?,
            )
            .place(Place::new("Paso Canoas", PlaceKind::BorderPost)?)
            .place(Place::new("Costa Rica", PlaceKind::Destination)?)
            .route(Route::new("Necoclí", "Capurganá", to_capurgana, boat.clone())?)
            .route(Route::new("Necoclí", "Acandí", 1.0 - to_capurgana, boat.clone())?)
            .route(Route::new("Turbo", "Capurganá", to_capurgana, boat.clone())?)
            .route(Route::new("Turbo", "Acandí", 1.0 - to_capurgana, boat)?)
            .route(Route::new("Capurganá", "Bajo Chiquito", 1.0, trail.clone())?.attrition(dead, back)?)
            .route(Route::new("Acandí", "Bajo Chiquito", 1.0 - to_canaan, trail.clone())?.attrition(dead, back)?)
            .route(Route::new("Acandí", "Canaán Membrillo", to_canaan, trail)?.attrition(dead, back)?)
            .route(Route::new("Bajo Chiquito", "Lajas Blancas", 1.0, village.clone())?)
            .route(Route::new("Canaán Membrillo", "San Vicente", 1.0, village)?)
            .route(Route::new("Lajas Blancas", "Paso Canoas", 1.0, bus.clone())?)
            .route(Route::new("San Vicente", "Paso Canoas", 1.0, bus)?)
            .route(Route::new("Paso Canoas", "Costa Rica", 1.0, border)?)
            .build()?;
        Ok(model)
    }

    /// The 2021–2024 scenario with these parameters (see [`scenario_2021_2024`]).
    ///
    /// # Errors
    /// [`crate::sim::SimError::Inflow`] when `necocli_share` is not in `[0, 1]` (it is never
    /// clamped), and [`crate::sim::SimError`] when another parameter is out of range.
    pub fn scenario(&self) -> crate::Result<Scenario> {
        let share = self.necocli_share;
        if !(0.0..=1.0).contains(&share) {
            return Err(crate::sim::SimError::Inflow {
                place: "Necoclí".to_owned(),
                reason: format!("share of the demand gathering there {share} is not in [0, 1]"),
            }
            .into());
        }
        let days = (END - START).whole_days() as u32 + 1;
        let demand = demand(self.lead_days, days)?;
        let (mut necocli, mut turbo) = (Vec::with_capacity(demand.len()), Vec::with_capacity(demand.len()));
        let (mut sum, mut given) = (0.0_f64, 0u64);
        for &d in &demand {
            sum += d as f64 * share;
            let total = sum.floor() as u64;
            let n = total.saturating_sub(given).min(d);
            given += n;
            necocli.push(n);
            turbo.push(d - n);
        }
        let tue_sat = Weekdays::of(&[
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
        ]);
        let carepa = QuotaSchedule::new()
            .rule(
                date("quota_650_first"),
                date("quota_650_last"),
                Weekdays::ALL,
                u64::from(whole("quota_650_per_day")),
            )?
            .rule(
                date("quota_500_first"),
                date("quota_500_last"),
                tue_sat,
                u64::from(whole("quota_500_per_day")),
            )?;
        let buses = whole("buses_per_day");
        let lajas = whole("lajas_blancas_buses").min(buses);
        let seats = whole("bus_seats");
        let (b0, b1) = (date("buses_first"), date("buses_last"));
        let s = Scenario::new(START, days)?
            .inflow_daily("Necoclí", Nationality::Unknown, necocli)?
            .inflow_daily("Turbo", Nationality::Unknown, turbo)?
            .event(Event::quota(Target::place("Necoclí"), carepa))
            .event(Event::transport("Lajas Blancas", "Paso Canoas", b0, b1, lajas, seats)?)
            .event(Event::transport(
                "San Vicente",
                "Paso Canoas",
                b0,
                b1,
                buses - lajas,
                seats,
            )?)
            .event(Event::removals(
                "Lajas Blancas",
                None,
                u64::from(whole("removals_per_week")),
                date("removals_first"),
                date("removals_last"),
            )?);
        Ok(s)
    }
}

/// Monthly crossings November 2020 – February 2025, the 2024 gap months filled with the derived
/// values of the data file.
fn filled_monthly() -> crate::Result<FlowSeries> {
    let monthly = super::monthly();
    let first: Period = "2020-11".parse()?;
    let last: Period = "2025-02".parse()?;
    let s = monthly.slice(first, last)?;
    let mut values = Vec::with_capacity(s.len());
    for (p, v) in &s {
        let v = v.unwrap_or_else(|| {
            let key = format!("inflow_{}_{:02}", p.year_of_start(), p.month_number().unwrap_or(0));
            u64::from(whole(&key))
        });
        values.push(Some(Count::exact(v)));
    }
    Ok(FlowSeries::new(first, values)?)
}

/// Daily demand from `START` for `days` days: the monthly crossings spread over their days,
/// moved `lead` days earlier (linear in the running total, so a fractional lead is smooth) and
/// rounded by the running total, so every person is kept.
fn demand(lead: f64, days: u32) -> crate::Result<Vec<u64>> {
    if !(lead.is_finite() && (0.0..=60.0).contains(&lead)) {
        return Err(crate::sim::SimError::Inflow {
            place: "Necoclí".into(),
            reason: format!("lead of {lead} days is not in [0, 60]"),
        }
        .into());
    }
    let monthly = filled_monthly()?;
    // Running total of the daily observed series from the series' first day.
    let origin = monthly.start().start();
    let mut cum = vec![0.0_f64];
    for (p, v) in &monthly {
        let n = f64::from(p.days());
        let total = v.unwrap_or(0) as f64;
        for _ in 0..p.days() {
            let last = *cum.last().unwrap_or(&0.0);
            cum.push(last + total / n);
        }
    }
    let at = |x: f64| {
        let x = x.clamp(0.0, (cum.len() - 1) as f64);
        let i = x.floor() as usize;
        let f = x - i as f64;
        if i + 1 < cum.len() {
            cum[i] * (1.0 - f) + cum[i + 1] * f
        } else {
            cum[i]
        }
    };
    let offset = (START - origin).whole_days() as f64 + lead;
    let mut out = Vec::with_capacity(days as usize);
    let mut given = at(offset).floor();
    for t in 0..days {
        let next = at(offset + f64::from(t) + 1.0).floor();
        out.push((next - given).max(0.0) as u64);
        given = next.max(given);
    }
    Ok(out)
}

/// The Darién corridor as a simulation model, with the calibrated parameters of
/// `data/darien/sim_parameters.csv`.
///
/// Necoclí and Turbo (gathering towns; Necoclí's boats carry a calibrated number a day) →
/// boats to Capurganá or Acandí → the jungle trails, two to ten days (a log-normal walking time
/// of calibrated mean restricted to that range; a dead-or-missing rate derived from recovered
/// remains, a lower bound) → Bajo Chiquito or Canaán Membrillo, where Panama counts the crossing
/// → the reception stations Lajas Blancas and San Vicente (San Vicente holds 544) → bus to Paso
/// Canoas → Costa Rica. Each parameter's status (sourced, derived, reported, assumed,
/// calibrated) and source is in [`sim_parameters`].
///
/// # Panics
/// Never: the embedded parameters are checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
///
/// let model = darien::corridor_model();
/// let run = model.run_cohorts(&darien::scenario_2021_2024())?;
/// let crossings = run.monthly_arrivals_at(&["Bajo Chiquito", "Canaán Membrillo"]).expect("places");
/// let observed = darien::monthly();
/// let ard = corridor::sim::ard(&crossings.slice("2021-01".parse()?, "2023-12".parse()?)?, &observed).expect("months");
/// assert!(ard < 0.5);
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn corridor_model() -> Model {
    DarienFit::calibrated()
        .model()
        .expect("embedded parameters build a valid model")
}

/// December 2020 (warm-up) to December 2024 on the Darién corridor: demand at Necoclí and Turbo
/// from Panama's monthly crossings (the 2024 gap months filled from year-to-date totals, as the
/// data file derives them) moved a calibrated number of days earlier; the Carepa quota on
/// Necoclí's departures (650 a day from 11 to 31 August 2021, then 500 a day Tuesday to
/// Saturday; its end is assumed); controlled-flow buses from 10 October 2023 (30 buses of 53
/// seats a day, 22 of them from Lajas Blancas: assumed split); removals from Lajas Blancas from
/// 20 August 2024 (90 a week, derived from 1,548 returned by December 2024).
///
/// Demand is an input: the scenario cannot say how many would have come under other policies.
///
/// # Panics
/// Never: the embedded parameters are checked by the crate's tests.
///
/// # Examples
/// ```
/// let s = corridor::datasets::darien::scenario_2021_2024();
/// // A warm-up month, then 2021 to 2024.
/// assert_eq!((s.start().to_string(), s.last_date().to_string()), ("2020-12-01".to_string(), "2024-12-31".to_string()));
/// assert_eq!(s.days(), 31 + 365 + 365 + 365 + 366);
/// ```
#[must_use]
pub fn scenario_2021_2024() -> Scenario {
    DarienFit::calibrated()
        .scenario()
        .expect("embedded parameters build a valid scenario")
}
