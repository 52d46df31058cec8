//! The outputs of a run: daily and monthly series per place and route, totals, summaries.

use time::Date;

use super::engine::{Plan, Records};
use super::{Model, PlaceKind, Scenario};
use crate::flow::{FlowSeries, Nationality, Partial};
use crate::{Count, Granularity, Period};

/// What one engine run gives: daily counts per place and route, and totals.
///
/// With the `serde` feature it serialises (serialise-only) as `start`, `days`, `nationalities`, the
/// totals (`entered`, `dead`, `turned_back`, `removed`, `held_at_end`, `in_transit_at_end`,
/// `arrived_at_destinations`, `mean_journey_days`), `places` (each `name`, `kind` and the daily
/// `arrivals`, `departures`, `stock` and `removals`, day 0 first) and `routes` (each `from`, `to` and the
/// daily `departures`, `arrivals`, `in_transit`, `dead` and `turned_back`).
///
/// Daily series start on the scenario's first day. Stocks are counted at the end of each day;
/// arrivals, departures, removals and attrition are the day's flows. Conservation holds to the
/// person on every day:
///
/// ```text
/// entered = held at places (destinations included) + in transit + attrition + removed
/// ```
///
/// # Example
/// ```
/// use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
/// use corridor::flow::Nationality;
/// use time::macros::date;
///
/// let model = Model::builder()
///     .place(Place::new("Lajas Blancas", PlaceKind::ReceptionStation)?.dwell(3))
///     .place(Place::new("Paso Canoas", PlaceKind::Destination)?)
///     .route(Route::new("Lajas Blancas", "Paso Canoas", 1.0, Transit::fixed(1)?)?)
///     .build()?;
/// let s = Scenario::new(date!(2023 - 10 - 01), 61)?.inflow_daily("Lajas Blancas", Nationality::Unknown, vec![1_000; 61])?;
/// let run = model.run_cohorts(&s)?;
/// let lajas = run.summary("Lajas Blancas").expect("a place");
/// assert_eq!(lajas.mean_wait_days(), Some(3.0));
/// assert_eq!(run.stock("Lajas Blancas").and_then(|s| s.point(30)), Some(3_000));
/// let monthly = run.monthly_arrivals("Paso Canoas").expect("a place");
/// assert_eq!(monthly.point(1), Some(30_000)); // November
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    start: Date,
    days: usize,
    places: Vec<(String, PlaceKind)>,
    routes: Vec<(String, String)>,
    nationalities: Vec<Nationality>,
    rec: Records,
}

/// Totals and means for one place over a run; see [`Run::summary`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlaceSummary {
    name: String,
    kind: PlaceKind,
    arrivals: u64,
    departures: u64,
    removed: u64,
    final_stock: u64,
    max_stock: u64,
    mean_stock: f64,
    mean_wait: Option<f64>,
}

impl PlaceSummary {
    /// The place's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The place's kind.
    #[must_use]
    pub fn kind(&self) -> PlaceKind {
        self.kind
    }

    /// People who arrived (inflow included).
    #[must_use]
    pub fn arrivals(&self) -> u64 {
        self.arrivals
    }

    /// People who left.
    #[must_use]
    pub fn departures(&self) -> u64 {
        self.departures
    }

    /// People removed from the place.
    #[must_use]
    pub fn removed(&self) -> u64 {
        self.removed
    }

    /// People held at the end of the last day.
    #[must_use]
    pub fn final_stock(&self) -> u64 {
        self.final_stock
    }

    /// The largest end-of-day stock.
    #[must_use]
    pub fn max_stock(&self) -> u64 {
        self.max_stock
    }

    /// The mean end-of-day stock.
    #[must_use]
    pub fn mean_stock(&self) -> f64 {
        self.mean_stock
    }

    /// The mean whole days waited by those who left (`None` when nobody left).
    #[must_use]
    pub fn mean_wait_days(&self) -> Option<f64> {
        self.mean_wait
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Run {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct PlaceDays<'a> {
            name: &'a str,
            kind: PlaceKind,
            arrivals: &'a [u64],
            departures: &'a [u64],
            stock: &'a [u64],
            removals: &'a [u64],
        }
        #[derive(serde::Serialize)]
        struct RouteDays<'a> {
            from: &'a str,
            to: &'a str,
            departures: &'a [u64],
            arrivals: &'a [u64],
            in_transit: &'a [u64],
            dead: &'a [u64],
            turned_back: &'a [u64],
        }
        #[derive(serde::Serialize)]
        struct View<'a> {
            start: Date,
            days: usize,
            nationalities: &'a [Nationality],
            entered: u64,
            dead: u64,
            turned_back: u64,
            removed: u64,
            held_at_end: u64,
            in_transit_at_end: u64,
            arrived_at_destinations: u64,
            mean_journey_days: Option<f64>,
            places: Vec<PlaceDays<'a>>,
            routes: Vec<RouteDays<'a>>,
        }
        let r = &self.rec;
        View {
            start: self.start,
            days: self.days,
            nationalities: &self.nationalities,
            entered: self.entered(),
            dead: self.dead(),
            turned_back: self.turned_back(),
            removed: self.removed(),
            held_at_end: self.held_at_end(),
            in_transit_at_end: self.in_transit_at_end(),
            arrived_at_destinations: self.arrived_at_destinations(),
            mean_journey_days: self.mean_journey_days(),
            places: self
                .places
                .iter()
                .enumerate()
                .map(|(p, (name, kind))| PlaceDays {
                    name,
                    kind: *kind,
                    arrivals: self.slice(&r.place_arrivals, p),
                    departures: self.slice(&r.place_departures, p),
                    stock: self.slice(&r.place_stock, p),
                    removals: self.slice(&r.place_removed, p),
                })
                .collect(),
            routes: self
                .routes
                .iter()
                .enumerate()
                .map(|(i, (from, to))| RouteDays {
                    from,
                    to,
                    departures: self.slice(&r.route_departures, i),
                    arrivals: self.slice(&r.route_arrivals, i),
                    in_transit: self.slice(&r.route_in_transit, i),
                    dead: self.slice(&r.route_dead, i),
                    turned_back: self.slice(&r.route_turned_back, i),
                })
                .collect(),
        }
        .serialize(s)
    }
}

impl Run {
    pub(crate) fn new(model: &Model, scenario: &Scenario, plan: &Plan, rec: Records) -> Self {
        Self {
            start: scenario.start(),
            days: plan.days as usize,
            places: model.places().iter().map(|p| (p.name().to_owned(), p.kind())).collect(),
            routes: model
                .routes()
                .iter()
                .map(|r| (r.from().to_owned(), r.to().to_owned()))
                .collect(),
            nationalities: plan.nationalities.clone(),
            rec,
        }
    }

    fn place(&self, name: &str) -> Option<usize> {
        self.places.iter().position(|(n, _)| n == name)
    }

    fn route(&self, from: &str, to: &str) -> Option<usize> {
        self.routes.iter().position(|(a, b)| a == from && b == to)
    }

    fn slice<'a>(&self, v: &'a [u64], i: usize) -> &'a [u64] {
        &v[i * self.days..(i + 1) * self.days]
    }

    fn series(&self, v: &[u64]) -> Option<FlowSeries> {
        FlowSeries::new(
            Period::day(self.start),
            v.iter().map(|&x| Some(Count::exact(x))).collect(),
        )
        .ok()
    }

    /// The first day of the run.
    #[must_use]
    pub fn start(&self) -> Date {
        self.start
    }

    /// The number of days.
    #[must_use]
    pub fn days(&self) -> usize {
        self.days
    }

    /// The nationalities of the inflow, in the order they first appear in the scenario.
    #[must_use]
    pub fn nationalities(&self) -> &[Nationality] {
        &self.nationalities
    }

    /// People held at `place` at the end of each day, or `None` when there is no such place.
    #[must_use]
    pub fn stock(&self, place: &str) -> Option<FlowSeries> {
        self.series(self.stock_values(place)?)
    }

    /// People who arrived at `place` each day (inflow included).
    #[must_use]
    pub fn arrivals(&self, place: &str) -> Option<FlowSeries> {
        self.series(self.arrival_values(place)?)
    }

    /// People who left `place` each day.
    #[must_use]
    pub fn departures(&self, place: &str) -> Option<FlowSeries> {
        self.series(self.departure_values(place)?)
    }

    /// People removed from `place` each day.
    #[must_use]
    pub fn removals(&self, place: &str) -> Option<FlowSeries> {
        self.series(self.removal_values(place)?)
    }

    /// End-of-day stocks at `place` as numbers.
    #[must_use]
    pub fn stock_values(&self, place: &str) -> Option<&[u64]> {
        Some(self.slice(&self.rec.place_stock, self.place(place)?))
    }

    /// Daily arrivals at `place` as numbers.
    #[must_use]
    pub fn arrival_values(&self, place: &str) -> Option<&[u64]> {
        Some(self.slice(&self.rec.place_arrivals, self.place(place)?))
    }

    /// Daily departures from `place` as numbers.
    #[must_use]
    pub fn departure_values(&self, place: &str) -> Option<&[u64]> {
        Some(self.slice(&self.rec.place_departures, self.place(place)?))
    }

    /// Daily removals from `place` as numbers.
    #[must_use]
    pub fn removal_values(&self, place: &str) -> Option<&[u64]> {
        Some(self.slice(&self.rec.place_removed, self.place(place)?))
    }

    /// The mean whole days waited at `place` by those who left it each day (`None` on days
    /// nobody left).
    #[must_use]
    pub fn mean_wait(&self, place: &str) -> Option<Vec<Option<f64>>> {
        let p = self.place(place)?;
        let dep = self.slice(&self.rec.place_departures, p);
        let wait = self.slice(&self.rec.place_wait, p);
        Some(
            dep.iter()
                .zip(wait)
                .map(|(&n, &w)| (n > 0).then(|| w as f64 / n as f64))
                .collect(),
        )
    }

    /// The mean whole days waited at `place` by those who left it in each month (`None` in
    /// months nobody left), with the month each value belongs to.
    #[must_use]
    pub fn monthly_mean_wait(&self, place: &str) -> Option<Vec<(Period, Option<f64>)>> {
        let p = self.place(place)?;
        let dep = self.slice(&self.rec.place_departures, p);
        let wait = self.slice(&self.rec.place_wait, p);
        let mut out: Vec<(Period, u64, u64)> = Vec::new();
        for (t, (&n, &w)) in dep.iter().zip(wait).enumerate() {
            let month = Period::containing(self.date(t), Granularity::Month);
            match out.last_mut() {
                Some((m, a, b)) if *m == month => {
                    *a += n;
                    *b += w;
                }
                _ => out.push((month, n, w)),
            }
        }
        Some(
            out.into_iter()
                .map(|(m, n, w)| (m, (n > 0).then(|| w as f64 / n as f64)))
                .collect(),
        )
    }

    fn date(&self, t: usize) -> Date {
        self.start
            .checked_add(time::Duration::days(t as i64))
            .unwrap_or(Date::MAX)
    }

    /// Arrivals at `place` by calendar month (a month the run covers only in part is the sum
    /// of its days in the run, marked partial).
    #[must_use]
    pub fn monthly_arrivals(&self, place: &str) -> Option<FlowSeries> {
        self.arrivals(place)?.coarsen(Granularity::Month, Partial::Sum).ok()
    }

    /// Departures from `place` by calendar month (partial months as in
    /// [`Run::monthly_arrivals`]).
    #[must_use]
    pub fn monthly_departures(&self, place: &str) -> Option<FlowSeries> {
        self.departures(place)?.coarsen(Granularity::Month, Partial::Sum).ok()
    }

    /// People held at `place` at the end of each calendar month (or of the run's last day in
    /// its last month).
    #[must_use]
    pub fn monthly_stock(&self, place: &str) -> Option<FlowSeries> {
        let v = self.stock_values(place)?;
        let mut out: Vec<(Period, u64)> = Vec::new();
        for (t, &x) in v.iter().enumerate() {
            let month = Period::containing(self.date(t), Granularity::Month);
            match out.last_mut() {
                Some((m, last)) if *m == month => *last = x,
                _ => out.push((month, x)),
            }
        }
        let start = out.first()?.0;
        FlowSeries::new(start, out.into_iter().map(|(_, x)| Some(Count::exact(x))).collect()).ok()
    }

    /// Arrivals summed over several places, by calendar month (partial months as in
    /// [`Run::monthly_arrivals`]); `None` when a name is not a place or none is given.
    #[must_use]
    pub fn monthly_arrivals_at(&self, places: &[&str]) -> Option<FlowSeries> {
        let mut total = vec![0u64; self.days];
        for p in places {
            for (t, v) in self.arrival_values(p)?.iter().enumerate() {
                total[t] += v;
            }
        }
        if places.is_empty() {
            return None;
        }
        self.series(&total)?.coarsen(Granularity::Month, Partial::Sum).ok()
    }

    /// People who set out on the route from `from` to `to` each day.
    #[must_use]
    pub fn route_departures(&self, from: &str, to: &str) -> Option<FlowSeries> {
        self.series(self.slice(&self.rec.route_departures, self.route(from, to)?))
    }

    /// People who reached the end of the route each day.
    #[must_use]
    pub fn route_arrivals(&self, from: &str, to: &str) -> Option<FlowSeries> {
        self.series(self.slice(&self.rec.route_arrivals, self.route(from, to)?))
    }

    /// People on the route at the end of each day.
    #[must_use]
    pub fn route_in_transit(&self, from: &str, to: &str) -> Option<FlowSeries> {
        self.series(self.slice(&self.rec.route_in_transit, self.route(from, to)?))
    }

    /// People who set out on the route each day and died or went missing.
    #[must_use]
    pub fn route_dead(&self, from: &str, to: &str) -> Option<FlowSeries> {
        self.series(self.slice(&self.rec.route_dead, self.route(from, to)?))
    }

    /// People who set out on the route each day and turned back.
    #[must_use]
    pub fn route_turned_back(&self, from: &str, to: &str) -> Option<FlowSeries> {
        self.series(self.slice(&self.rec.route_turned_back, self.route(from, to)?))
    }

    /// People who entered the corridor.
    #[must_use]
    pub fn entered(&self) -> u64 {
        self.rec.entered
    }

    /// People who died, went missing or turned back on the routes.
    #[must_use]
    pub fn attrition(&self) -> u64 {
        self.dead() + self.turned_back()
    }

    /// People who died or went missing on the routes.
    #[must_use]
    pub fn dead(&self) -> u64 {
        self.rec.route_dead.iter().sum()
    }

    /// People who turned back on the routes.
    #[must_use]
    pub fn turned_back(&self) -> u64 {
        self.rec.route_turned_back.iter().sum()
    }

    /// People removed from the places.
    #[must_use]
    pub fn removed(&self) -> u64 {
        self.rec.place_removed.iter().sum()
    }

    /// People held at the places (destinations included) at the end of the last day.
    #[must_use]
    pub fn held_at_end(&self) -> u64 {
        (0..self.places.len())
            .map(|p| self.rec.place_stock[(p + 1) * self.days - 1])
            .sum()
    }

    /// People on the routes at the end of the last day (those due after the end included).
    #[must_use]
    pub fn in_transit_at_end(&self) -> u64 {
        (0..self.routes.len())
            .map(|r| self.rec.route_in_transit[(r + 1) * self.days - 1])
            .sum()
    }

    /// People who reached a destination.
    #[must_use]
    pub fn arrived_at_destinations(&self) -> u64 {
        self.places
            .iter()
            .enumerate()
            .filter(|(_, (_, k))| *k == PlaceKind::Destination)
            .map(|(p, _)| self.slice(&self.rec.place_arrivals, p).iter().sum::<u64>())
            .sum()
    }

    /// The mean whole days from entry to a destination over those who reached one.
    #[must_use]
    pub fn mean_journey_days(&self) -> Option<f64> {
        let n = self.arrived_at_destinations();
        (n > 0).then(|| self.rec.journey_days as f64 / n as f64)
    }

    /// Totals and means for `place`.
    #[must_use]
    pub fn summary(&self, place: &str) -> Option<PlaceSummary> {
        let p = self.place(place)?;
        let stock = self.slice(&self.rec.place_stock, p);
        let departures: u64 = self.slice(&self.rec.place_departures, p).iter().sum();
        let wait: u64 = self.slice(&self.rec.place_wait, p).iter().sum();
        Some(PlaceSummary {
            name: self.places[p].0.clone(),
            kind: self.places[p].1,
            arrivals: self.slice(&self.rec.place_arrivals, p).iter().sum(),
            departures,
            removed: self.slice(&self.rec.place_removed, p).iter().sum(),
            final_stock: stock.last().copied().unwrap_or(0),
            max_stock: stock.iter().copied().max().unwrap_or(0),
            mean_stock: stock.iter().sum::<u64>() as f64 / self.days as f64,
            mean_wait: (departures > 0).then(|| wait as f64 / departures as f64),
        })
    }

    /// [`Run::summary`] of every place, in the model's order.
    #[must_use]
    pub fn summaries(&self) -> Vec<PlaceSummary> {
        self.places.iter().filter_map(|(n, _)| self.summary(n)).collect()
    }

    /// Raw values of `measure` at `place`, for ensembles.
    pub(crate) fn values(&self, place: &str, measure: super::Measure) -> Option<&[u64]> {
        match measure {
            super::Measure::Stock => self.stock_values(place),
            super::Measure::Arrivals => self.arrival_values(place),
            super::Measure::Departures => self.departure_values(place),
            super::Measure::Removals => self.removal_values(place),
        }
    }
}
