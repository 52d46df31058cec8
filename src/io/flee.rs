//! Flee's input files (as Flee 3.1 reads them) into a simulation [`Model`] and [`Scenario`].
//!
//! [Flee](https://github.com/djgroen/flee) is the agent-based model of forced displacement that
//! analysts validate against UNHCR camp counts. Its scenarios are directories of CSV files:
//! `locations.csv`, `routes.csv`, `closures.csv`, `conflicts.csv`, `conflict_period.csv` (or
//! `sim_period.csv`), and source data (`data_layout.csv`, the total displaced `refugees.csv` and
//! one file per camp). Each has a reader here taking any [`std::io::Read`]; a [`FleeInput`] puts
//! them together and gives the [`Model`] and [`Scenario`] that follow Flee's rules as closely as
//! the simulation's engines allow, with [`FleeSettings`] holding Flee's movement parameters
//! (its code defaults unless set).
//!
//! # Reading a scenario directory
//!
//! [`read_flee_dir`] reads a whole scenario directory into a [`FleeInput`] as Flee 3.1's driver
//! does: every file Flee opens is required (a missing one is a [`crate::Error::File`] naming it),
//! each error names the file and, where its reader gives them, the line and column, and a
//! `data_layout.csv` row that names several files is their sum as Flee adds them (by date,
//! without interpolation; see [`read_flee_dir`]).
//!
//! ```
//! use corridor::io::flee::{read_flee_dir, FleeSettings};
//!
//! let input = read_flee_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/flee/mali"))?;
//! let settings = FleeSettings::default().hasten(10);
//! let (model, scenario) = (input.model(&settings)?, input.scenario(&settings)?);
//! assert_eq!((model.places().len(), scenario.days()), (23, 300));
//! # Ok::<(), corridor::Error>(())
//! ```
//!
//! # How Flee's rules become the model's
//!
//! - **Places.** One per location. Conflict zones become gathering towns, towns crossing points,
//!   camps reception stations, forwarding hubs and markers trails. A location without a route is
//!   a destination.
//! - **Move chances** become [`crate::sim::Place::leave_chance`]: conflict zones 1, towns 0.3,
//!   camps 0.001, IDP camps 0.1, forwarding hubs and markers 1 a day. Flee changes a location's
//!   chance when a conflict starts there; the model's chance is fixed, so a location is a conflict
//!   zone in the model when it is one on at least half of the scenario's days (by `conflicts.csv`,
//!   or by its conflict date when there is no conflicts file).
//! - **Route weights.** Flee's routes run both ways; each becomes two routes. From a location `L`
//!   Flee weighs each neighbour `N` at distance `d` by `score(N) / (softening + d)` (awareness
//!   level 1, its default), `score(N)` being the product of the foreign weight (when `N` is in
//!   another country than the first location), the camp weight (camps) and the conflict weight
//!   (conflict zones); the shares of the routes out of `L` are these weights normalised. Flee also
//!   multiplies a camp's weight by a factor falling from 1 at 90 % of its capacity to 0 at 100 %;
//!   the model has no such factor: a camp's capacity is a hard holding capacity, and people queue
//!   for it upstream.
//! - **Time on a route.** Flee moves an agent `speed` km a day (360 by default) and the agent
//!   arrives on the day the distance done exceeds the route's length, so a route of `d` km takes
//!   `⌊d / speed⌋` days after the day of departure. The model's transit time is that, but at least
//!   one day: routes shorter than a day's travel take a day here, where Flee lets an agent hop on
//!   the same day.
//! - **Closures** become closures of routes from day `start` to day `end − 1` (to the end of the
//!   scenario when `end ≤ start`, as Flee never reopens them): `country` closes every route between
//!   the two countries both ways, `location` every route into and out of the location, `link` the
//!   link both ways. `remove_forced_redirection` has no effect on movement in Flee 3.1 and is
//!   skipped; `camp` and `idpcamp` (which make a camp a town for a while) are refused.
//! - **Spawning.** Flee's data-driven spawning: the total displaced (`refugees.csv`), divided by
//!   the population scale-down factor, linearly interpolated between its dates and truncated to a
//!   whole number on each day; the day's new people are its increase less the "debt" of earlier
//!   decreases; none on day 0, when the camps receive their day-0 counts instead. Flee draws each
//!   new person's origin among the day's conflict zones with probability proportional to
//!   population times intensity; the scenario divides the day's people between them in that
//!   proportion in whole persons (a carried largest remainder, as the cohort engine divides
//!   people), so the inflow is Flee's expected spawning, exactly conserved.
//!
//! See also the [`crate::sim`] module docs, "Beside Flee".
//!
//! # Examples
//! ```
//! use corridor::io::flee::{FleeInput, FleeSettings, read_flee_locations, read_flee_routes};
//! use time::macros::date;
//!
//! let locations = read_flee_locations(&b"#name,region,country,lat,lon,location_type,conflict_date,population
//! A,AB,ABC,1.0,1.0,conflict_zone,0,10000
//! B,B,ABC,1.0,1.0,town,,5000
//! C,C,DEF,1.0,1.0,camp,,0
//! "[..])?;
//! let routes = read_flee_routes(&b"#name1,name2,distance
//! A,B,100
//! B,C,400
//! "[..])?;
//! let input = FleeInput::new(locations, routes, date!(2010 - 01 - 01), 30)?;
//! let model = input.model(&FleeSettings::default())?;
//! assert_eq!(model.route("B", "C").map(|r| r.transit().mean()), Some(1.0));
//! assert_eq!(model.place("B").map(|p| p.leave_chance_per_day()), Some(0.3));
//! // From B: C weighs 1 / (10 + 400), A (a conflict zone) 10^-1/2 / (10 + 100).
//! let to_c = model.route("B", "C").map(|r| r.share()).unwrap_or_default();
//! let (wc, wa) = (1.0 / 410.0, 10f64.sqrt().recip() / 110.0);
//! assert!((to_c - wc / (wc + wa)).abs() < 1e-12);
//! # Ok::<(), corridor::Error>(())
//! ```

use std::io::Read;

use time::Date;

use super::ReadError;
use crate::flow::Nationality;
use crate::sim::{Event, Model, Place, PlaceKind, Route, Scenario, SimError, Target, Transit};

/// What kind of location a Flee location is (its `location_type`, matched as Flee matches it: a
/// case-insensitive substring, `camp` before `conflict` before `forward`, `marker`, `town`).
///
/// # Examples
/// ```
/// use corridor::io::flee::{read_flee_locations, FleeKind};
/// // Matched as Flee matches location_type: a case-insensitive substring.
/// let csv = "#name,region,country,lat,lon,location_type,conflict_date,population
/// A,A,ABC,0,0,Conflict_Zone,0,1000
/// B,B,ABC,0,0,town,,500
/// C,C,DEF,0,0,IDPCamp,,0
/// D,D,DEF,0,0,default,,0
/// ";
/// let kinds: Vec<FleeKind> = read_flee_locations(csv.as_bytes())?.iter().map(|l| l.kind()).collect();
/// assert_eq!(kinds, [FleeKind::ConflictZone, FleeKind::Town, FleeKind::IdpCamp, FleeKind::Town]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FleeKind {
    /// A conflict zone: where people are displaced from.
    ConflictZone,
    /// A town (`town` or `default`).
    Town,
    /// A camp: where Flee compares its counts with the data.
    Camp,
    /// An IDP camp (`idpcamp`).
    IdpCamp,
    /// A forwarding hub.
    Forward,
    /// A marker (a bend of a route).
    Marker,
}

impl FleeKind {
    fn parse(s: &str) -> Option<Self> {
        let s = s.to_lowercase();
        Some(if s.contains("camp") {
            if s.contains("idp") { Self::IdpCamp } else { Self::Camp }
        } else if s.contains("conflict") {
            Self::ConflictZone
        } else if s.contains("forward") {
            Self::Forward
        } else if s.contains("marker") {
            Self::Marker
        } else if s.contains("town") || s.contains("default") {
            Self::Town
        } else {
            return None;
        })
    }

    fn is_camp(self) -> bool {
        matches!(self, Self::Camp | Self::IdpCamp)
    }
}

/// One row of Flee's `locations.csv`.
///
/// # Examples
/// ```
/// use corridor::io::flee::{read_flee_locations, FleeKind};
/// let csv = "#name,region,country,lat,lon,location_type,conflict_date,population
/// Bangui,Bangui,CAR,4.36,18.55,conflict_zone,3,734350
/// Zemio,Haut-Mbomou,,5.03,25.13,town,,16000
/// ";
/// let locations = read_flee_locations(csv.as_bytes())?;
/// let bangui = &locations[0];
/// assert_eq!((bangui.name(), bangui.country(), bangui.kind()), ("Bangui", "CAR", FleeKind::ConflictZone));
/// assert_eq!((bangui.conflict_date(), bangui.population()), (Some(3), 734_350));
/// // An empty country is "unknown", as in Flee; an empty conflict date is none.
/// assert_eq!((locations[1].country(), locations[1].conflict_date()), ("unknown", None));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FleeLocation {
    name: String,
    country: String,
    kind: FleeKind,
    conflict_date: Option<i64>,
    population: u64,
}

impl FleeLocation {
    /// The name (other files refer to the location by it).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The country (`"unknown"` when the cell is empty, as in Flee).
    #[must_use]
    pub fn country(&self) -> &str {
        &self.country
    }

    /// The kind of location.
    #[must_use]
    pub fn kind(&self) -> FleeKind {
        self.kind
    }

    /// The conflict date, in days from the start, when the cell is set.
    #[must_use]
    pub fn conflict_date(&self) -> Option<i64> {
        self.conflict_date
    }

    /// The population (for camps: the capacity, 0 meaning unlimited).
    #[must_use]
    pub fn population(&self) -> u64 {
        self.population
    }
}

/// One row of Flee's `routes.csv`: a route that runs both ways.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_routes;
/// let routes = read_flee_routes("#name1,name2,distance,forced_redirection\nA,B,112.5,0\n".as_bytes())?;
/// assert_eq!(routes[0].ends(), ("A", "B"));
/// assert_eq!(routes[0].distance_km(), 112.5);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FleeRoute {
    a: String,
    b: String,
    distance_km: f64,
}

impl FleeRoute {
    /// The two ends.
    #[must_use]
    pub fn ends(&self) -> (&str, &str) {
        (&self.a, &self.b)
    }

    /// The length in km.
    #[must_use]
    pub fn distance_km(&self) -> f64 {
        self.distance_km
    }
}

/// What a row of Flee's `closures.csv` closes.
///
/// # Examples
/// ```
/// use corridor::io::flee::{read_flee_closures, FleeClosureKind};
/// let csv = "#closure_type,name1,name2,closure_start,closure_end
/// country,ABC,DEF,0,10
/// location,B,,5,-1
/// link,A,B,2,4
/// ";
/// let kinds: Vec<FleeClosureKind> = read_flee_closures(csv.as_bytes())?.into_iter().map(|c| c.kind().clone()).collect();
/// assert_eq!(kinds[0], FleeClosureKind::Country("ABC".into(), "DEF".into()));
/// assert_eq!(kinds[1], FleeClosureKind::Location("B".into()));
/// assert_eq!(kinds[2], FleeClosureKind::Link("A".into(), "B".into()));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FleeClosureKind {
    /// Every route between two countries.
    Country(String, String),
    /// Every route into and out of a location.
    Location(String),
    /// One route.
    Link(String, String),
    /// `remove_forced_redirection` (no effect on movement in Flee 3.1).
    RemoveForcedRedirection(String, String),
    /// `camp` or `idpcamp`: the camp becomes a town while closed (not supported by the model).
    Camp(String),
}

/// One row of Flee's `closures.csv`: what closes, on day `start`, and reopens on day `end`.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_closures;
/// let closures = read_flee_closures("#closure_type,name1,name2,closure_start,closure_end\nlocation,B,,5,-1\n".as_bytes())?;
/// // Closed from day 5, never reopened.
/// assert_eq!(closures[0].days(), (5, -1));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FleeClosure {
    kind: FleeClosureKind,
    start: i64,
    end: i64,
}

impl FleeClosure {
    /// What closes.
    #[must_use]
    pub fn kind(&self) -> &FleeClosureKind {
        &self.kind
    }

    /// The days, from the start, on which it closes and reopens (`-1`: never).
    #[must_use]
    pub fn days(&self) -> (i64, i64) {
        (self.start, self.end)
    }
}

/// Flee's `conflicts.csv`: the conflict intensity of some locations, one row per day.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_conflicts;
/// let conflicts = read_flee_conflicts("#Day,A,B\n0,1,0\n1,1,0.5\n2,0,1\n".as_bytes())?;
/// assert_eq!(conflicts.names(), ["A", "B"]);
/// assert_eq!(conflicts.days(), 3);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FleeConflicts {
    names: Vec<String>,
    /// `rows[t][k]`: intensity of `names[k]` on day `t`.
    rows: Vec<Vec<f64>>,
}

impl FleeConflicts {
    /// The locations the file names.
    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The number of days it covers.
    #[must_use]
    pub fn days(&self) -> usize {
        self.rows.len()
    }
}

/// A dated series of counts: a Flee source-data file (`refugees.csv`, a camp's file).
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_counts;
/// use time::macros::date;
/// let counts = read_flee_counts("Date,count\n2014-01-01,100\n2014-01-11,\n2014-01-21,300\n".as_bytes())?;
/// // The header is skipped, and so is the row with an empty count.
/// assert_eq!(counts.points(), &[(date!(2014 - 01 - 01), 100.0), (date!(2014 - 01 - 21), 300.0)]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FleeCounts {
    points: Vec<(Date, f64)>,
    /// For a sum of files ([`read_flee_dir`]): each point's addends, one per file in the layout
    /// row's order; empty for one file.
    parts: Vec<Vec<f64>>,
}

impl FleeCounts {
    /// The dates and counts, in the file's order. For the sum of several files of a
    /// `data_layout.csv` row ([`read_flee_dir`]), the rows of Flee's sum, in its order (a date may
    /// then appear twice, as in Flee's table).
    #[must_use]
    pub fn points(&self) -> &[(Date, f64)] {
        &self.points
    }

    /// Point `k`'s count divided by `h`, as Flee holds it: each file's count divided by the
    /// scale-down factor when read, then added up in the row's order.
    fn scaled(&self, k: usize, h: f64) -> f64 {
        match self.parts.get(k) {
            Some(parts) => parts.iter().fold(0.0, |sum, v| sum + v / h),
            None => self.points[k].1 / h,
        }
    }

    /// The sum of `self` (the files before) and `next` (one file), row by row as Flee 3.1's
    /// `AddCSVTables` (`flee/datamanager/DataTable.py`) makes it, which does not interpolate: it
    /// walks `next`'s dates; a date of `self` before the current one of `next` gets `self`'s count
    /// plus `next`'s previous count, a date of `next` gets its count plus `self`'s count on that
    /// date or, when `self` has none, on its next date. Once `self`'s last date is passed, each
    /// later date of `next` repeats that last date with `next`'s previous count (`next`'s own
    /// count is dropped); `self`'s dates after `next`'s last are dropped.
    ///
    /// Errors (as text) where Flee fails: either side empty (Flee indexes the first row), or
    /// `next` starting after `self` (Flee reads a previous count of `next` that does not exist,
    /// an `IndexError`).
    fn add_as_flee(&self, next: &FleeCounts) -> Result<FleeCounts, String> {
        let rows: Vec<(Date, Vec<f64>)> = if self.parts.is_empty() {
            self.points.iter().map(|&(d, v)| (d, vec![v])).collect()
        } else {
            self.points
                .iter()
                .map(|p| p.0)
                .zip(self.parts.iter().cloned())
                .collect()
        };
        let (Some(first), Some(&(first_next, _))) = (rows.first(), next.points.first()) else {
            return Err("a file of the row has no counts (Flee 3.1 cannot add it)".into());
        };
        if first_next > first.0 {
            return Err(format!(
                "a file starts on {first_next}, after {} where the files before it start (Flee 3.1's AddCSVTables fails on this)",
                first.0
            ));
        }
        let mut out: Vec<(Date, Vec<f64>)> = Vec::new();
        let with = |parts: &[f64], v: f64| {
            let mut p = parts.to_vec();
            p.push(v);
            p
        };
        let mut offset = 0;
        let mut last = 0.0;
        for &(day, v) in &next.points {
            while day > rows[offset].0 {
                out.push((rows[offset].0, with(&rows[offset].1, last)));
                if offset + 1 < rows.len() {
                    offset += 1;
                } else {
                    break;
                }
            }
            if day <= rows[offset].0 {
                out.push((day, with(&rows[offset].1, v)));
                if day == rows[offset].0 && offset + 1 < rows.len() {
                    offset += 1;
                }
                last = v;
            }
        }
        Ok(FleeCounts {
            points: out
                .iter()
                .map(|(d, p)| (*d, p.iter().fold(0.0, |sum, v| sum + v)))
                .collect(),
            parts: out.into_iter().map(|(_, p)| p).collect(),
        })
    }
}

/// Flee's movement parameters that the conversion uses; [`Default`] gives Flee 3.1's code
/// defaults (those of an empty settings file).
///
/// # Examples
/// ```
/// use corridor::io::flee::FleeSettings;
///
/// let v1 = FleeSettings::default().speed_km(200.0).camp_weight(2.0).conflict_weight(0.25).hasten(10);
/// assert_eq!(v1.speed_km_per_day(), 200.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FleeSettings {
    speed: f64,
    softening: f64,
    foreign_weight: f64,
    camp_weight: f64,
    conflict_weight: f64,
    conflict_move: f64,
    camp_move: f64,
    idpcamp_move: f64,
    default_move: f64,
    hasten: u32,
    capacities: bool,
}

impl Default for FleeSettings {
    /// Flee 3.1's defaults (`flee/SimulationSettings.py`): speed 360 km a day, softening 10 km,
    /// foreign and camp weights 1, conflict weight `1/√10`, move chances conflict 1, camp 0.001,
    /// IDP camp 0.1, town 0.3; no population scale-down.
    fn default() -> Self {
        Self {
            speed: 360.0,
            softening: 10.0,
            foreign_weight: 1.0,
            camp_weight: 1.0,
            conflict_weight: 1.0 / 10f64.sqrt(),
            conflict_move: 1.0,
            camp_move: 0.001,
            idpcamp_move: 0.1,
            default_move: 0.3,
            hasten: 1,
            capacities: true,
        }
    }
}

impl FleeSettings {
    /// `max_move_speed`, km a day.
    #[must_use]
    pub fn speed_km(mut self, km: f64) -> Self {
        self.speed = km;
        self
    }

    /// `softening`, km added to every distance in the route weights.
    #[must_use]
    pub fn softening_km(mut self, km: f64) -> Self {
        self.softening = km;
        self
    }

    /// `foreign_weight`.
    #[must_use]
    pub fn foreign_weight(mut self, w: f64) -> Self {
        self.foreign_weight = w;
        self
    }

    /// `camp_weight`.
    #[must_use]
    pub fn camp_weight(mut self, w: f64) -> Self {
        self.camp_weight = w;
        self
    }

    /// `conflict_weight`.
    #[must_use]
    pub fn conflict_weight(mut self, w: f64) -> Self {
        self.conflict_weight = w;
        self
    }

    /// Move chances a day: conflict zones, camps, IDP camps, towns.
    #[must_use]
    pub fn move_chances(mut self, conflict: f64, camp: f64, idpcamp: f64, town: f64) -> Self {
        self.conflict_move = conflict;
        self.camp_move = camp;
        self.idpcamp_move = idpcamp;
        self.default_move = town;
        self
    }

    /// `hasten`: the population scale-down factor (populations, capacities and counts divided by
    /// it, as Flee does).
    #[must_use]
    pub fn hasten(mut self, factor: u32) -> Self {
        self.hasten = factor.max(1);
        self
    }

    /// Whether a camp's capacity becomes the place's holding capacity (the default), or is left
    /// out (camps then hold whoever arrives; Flee's camps fill softly, see the [module
    /// docs](self)).
    #[must_use]
    pub fn camp_capacities(mut self, hold: bool) -> Self {
        self.capacities = hold;
        self
    }

    /// The speed, km a day.
    ///
    /// # Examples
    /// ```
    /// use corridor::io::flee::FleeSettings;
    /// // Flee's default: 360 km a day.
    /// assert_eq!(FleeSettings::default().speed_km_per_day(), 360.0);
    /// assert_eq!(FleeSettings::default().speed_km(200.0).speed_km_per_day(), 200.0);
    /// ```
    #[must_use]
    pub fn speed_km_per_day(&self) -> f64 {
        self.speed
    }

    /// The move chance of a location of kind `kind` when not in conflict.
    fn chance(&self, kind: FleeKind) -> f64 {
        match kind {
            FleeKind::Camp => self.camp_move,
            FleeKind::IdpCamp => self.idpcamp_move,
            FleeKind::Forward | FleeKind::Marker => 1.0,
            FleeKind::Town | FleeKind::ConflictZone => self.default_move,
        }
    }

    fn check(&self) -> crate::Result<()> {
        let ok = |w: f64| w.is_finite() && w > 0.0;
        let chance = |c: f64| c > 0.0 && c <= 1.0;
        if !(ok(self.speed)
            && self.softening.is_finite()
            && self.softening >= 0.0
            && ok(self.foreign_weight)
            && ok(self.camp_weight)
            && ok(self.conflict_weight))
        {
            return Err(SimError::Calibration {
                reason: format!("Flee settings must be finite and positive: {self:?}"),
            }
            .into());
        }
        for (what, c) in [
            ("conflict", self.conflict_move),
            ("camp", self.camp_move),
            ("idpcamp", self.idpcamp_move),
            ("town", self.default_move),
        ] {
            if !chance(c) {
                return Err(SimError::LeaveChance {
                    place: format!("every {what}"),
                    chance: c,
                }
                .into());
            }
        }
        Ok(())
    }
}

fn bad(line: u64, column: usize, text: &str, reason: &str) -> crate::Error {
    ReadError::BadCell {
        line,
        column,
        text: text.to_owned(),
        reason: reason.to_owned(),
    }
    .into()
}

fn csv_error(e: csv::Error) -> crate::Error {
    let line = e.position().map_or(0, csv::Position::line);
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        csv::ErrorKind::Utf8 { err, .. } => bad(line, err.field() + 1, "", "not valid UTF-8"),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}

/// Every row of `r` as (line, cells), as Python's `csv.reader` gives them.
fn rows(r: impl Read) -> crate::Result<Vec<(u64, Vec<String>)>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(r);
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec).map_err(csv_error)? {
        let line = rec.position().map_or(0, csv::Position::line);
        out.push((line, rec.iter().map(str::to_owned).collect()));
    }
    Ok(out)
}

/// Rows that are data: not empty, first field not starting with `#`.
fn data_rows(r: impl Read) -> crate::Result<Vec<(u64, Vec<String>)>> {
    Ok(rows(r)?
        .into_iter()
        .filter(|(_, row)| row.first().is_some_and(|c| !c.is_empty() && !c.starts_with('#')))
        .collect())
}

fn cell<'a>(line: u64, row: &'a [String], k: usize, what: &str) -> crate::Result<&'a str> {
    row.get(k)
        .map(|s| s.trim())
        .ok_or_else(|| {
            ReadError::RowLength {
                line,
                expected: k + 1,
                got: row.len(),
            }
            .into()
        })
        .and_then(|s| {
            if s.is_empty() && what == "name" {
                Err(bad(line, k + 1, s, "empty name"))
            } else {
                Ok(s)
            }
        })
}

fn number(line: u64, k: usize, s: &str) -> crate::Result<f64> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| bad(line, k + 1, s, "not a number"))
}

/// Reads Flee's `locations.csv`: `name, region, country, latitude, longitude, location_type,
/// conflict_date, population` by position (custom columns after these are ignored).
///
/// # Errors
/// [`ReadError::RowLength`] for a row of fewer than 8 cells (6 when the last are empty);
/// [`ReadError::BadCell`] for an empty name, an unknown location type, or a conflict date or
/// population that is not a whole number; [`crate::Error::Io`] when reading fails.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_locations;
/// let ok = read_flee_locations("#name,region,country,lat,lon,location_type,conflict_date,population\nA,A,ABC,0,0,town,,500\n".as_bytes())?;
/// assert_eq!(ok.len(), 1);
/// let err = read_flee_locations("A,A,ABC,0,0,harbour,,500\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().starts_with("line 1, column 6"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_locations(r: impl Read) -> crate::Result<Vec<FleeLocation>> {
    let mut out = Vec::new();
    for (line, row) in data_rows(r)? {
        let name = cell(line, &row, 0, "name")?.to_owned();
        let country = row.get(2).map_or("", |s| s.trim());
        let country = if country.is_empty() { "unknown" } else { country }.to_owned();
        let t = cell(line, &row, 5, "location_type")?;
        let kind = FleeKind::parse(t).ok_or_else(|| bad(line, 6, t, "unknown location type"))?;
        let conflict_date = match row.get(6).map_or("", |s| s.trim()) {
            "" => None,
            s => Some(
                s.parse::<i64>()
                    .map_err(|_| bad(line, 7, s, "not a whole number of days"))?,
            ),
        };
        let population = match row.get(7).map_or("", |s| s.trim()) {
            "" => 0,
            s => s
                .parse::<u64>()
                .map_err(|_| bad(line, 8, s, "not a whole number of people"))?,
        };
        out.push(FleeLocation {
            name,
            country,
            kind,
            conflict_date,
            population,
        });
    }
    Ok(out)
}

/// Reads Flee's `routes.csv`: `name1, name2, distance[, forced_redirection, …]` (the columns after
/// the distance are ignored; forced redirection has no effect on movement in Flee 3.1).
///
/// # Errors
/// [`ReadError::RowLength`] for a row of fewer than 3 cells; [`ReadError::BadCell`] for an empty
/// name or a distance that is not a finite number ≥ 0.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_routes;
/// assert_eq!(read_flee_routes("A,B,100\nB,C,400\n".as_bytes())?.len(), 2);
/// assert!(read_flee_routes("A,B,-3\n".as_bytes()).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_routes(r: impl Read) -> crate::Result<Vec<FleeRoute>> {
    let mut out = Vec::new();
    for (line, row) in data_rows(r)? {
        let a = cell(line, &row, 0, "name")?.to_owned();
        let b = cell(line, &row, 1, "name")?.to_owned();
        let d = cell(line, &row, 2, "distance")?;
        let distance_km = number(line, 2, d)?;
        if distance_km < 0.0 {
            return Err(bad(line, 3, d, "a negative distance"));
        }
        out.push(FleeRoute { a, b, distance_km });
    }
    Ok(out)
}

/// Reads Flee's `closures.csv`: `closure_type, name1, name2, closure_start, closure_end`.
///
/// # Errors
/// [`ReadError::RowLength`] for a short row; [`ReadError::BadCell`] for an unknown closure type
/// or a day that is not a whole number.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_closures;
/// assert_eq!(read_flee_closures("link,A,B,2,4\n".as_bytes())?.len(), 1);
/// assert!(read_flee_closures("bridge,A,B,2,4\n".as_bytes()).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_closures(r: impl Read) -> crate::Result<Vec<FleeClosure>> {
    let mut out = Vec::new();
    for (line, row) in data_rows(r)? {
        let t = cell(line, &row, 0, "closure_type")?;
        let n1 = cell(line, &row, 1, "name")?.to_owned();
        let n2 = cell(line, &row, 2, "name2")?.to_owned();
        let kind = match t.to_lowercase().as_str() {
            "country" => FleeClosureKind::Country(n1, n2),
            "location" => FleeClosureKind::Location(n1),
            "link" => FleeClosureKind::Link(n1, n2),
            "remove_forced_redirection" => FleeClosureKind::RemoveForcedRedirection(n1, n2),
            "camp" | "idpcamp" => FleeClosureKind::Camp(n1),
            _ => return Err(bad(line, 1, t, "unknown closure type")),
        };
        let day = |k: usize| -> crate::Result<i64> {
            let s = cell(line, &row, k, "day")?;
            s.parse::<i64>()
                .map_err(|_| bad(line, k + 1, s, "not a whole number of days"))
        };
        out.push(FleeClosure {
            kind,
            start: day(3)?,
            end: day(4)?,
        });
    }
    Ok(out)
}

/// Reads Flee's `conflicts.csv`: a header `#Day, <location>, …` and one row of intensities per
/// day. As in Flee, rows are taken in order (the day column is not read).
///
/// # Errors
/// [`ReadError::Empty`] without a header; [`ReadError::RowLength`] for a row with more cells than
/// the header; [`ReadError::BadCell`] for an intensity that is not a number in `[0, 1]`.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_conflicts;
/// // Intensities are in [0, 1].
/// assert!(read_flee_conflicts("#Day,A\n0,1.5\n".as_bytes()).is_err());
/// assert_eq!(read_flee_conflicts("#Day,A\n0,1\n".as_bytes())?.days(), 1);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_conflicts(r: impl Read) -> crate::Result<FleeConflicts> {
    let mut all = rows(r)?.into_iter();
    let (_, header) = all.next().ok_or(ReadError::Empty)?;
    let names: Vec<String> = header.iter().skip(1).map(|s| s.trim().to_owned()).collect();
    let mut out = Vec::new();
    for (line, row) in all {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.len() > header.len() {
            return Err(ReadError::RowLength {
                line,
                expected: header.len(),
                got: row.len(),
            }
            .into());
        }
        let mut v = vec![0.0; names.len()];
        for (k, c) in row.iter().enumerate().skip(1) {
            let x = number(line, k, c.trim())?;
            if !(0.0..=1.0).contains(&x) {
                return Err(bad(line, k + 1, c, "an intensity outside [0, 1]"));
            }
            v[k - 1] = x;
        }
        out.push(v);
    }
    Ok(FleeConflicts { names, rows: out })
}

fn date(line: u64, k: usize, s: &str) -> crate::Result<Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s, &fmt).map_err(|_| bad(line, k + 1, s, "not a YYYY-MM-DD date"))
}

/// Reads Flee's `conflict_period.csv` (or `sim_period.csv`): rows `StartDate,YYYY-MM-DD` and
/// `Length,<days>`; gives the start and the number of days.
///
/// # Errors
/// [`ReadError::BadCell`] for a bad date or length; [`ReadError::MissingColumn`] when either row
/// is absent.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_period;
/// use time::macros::date;
/// let (start, days) = read_flee_period("StartDate,2013-12-01\nLength,820\n".as_bytes())?;
/// assert_eq!((start, days), (date!(2013 - 12 - 01), 820));
/// assert!(read_flee_period("StartDate,2013-12-01\n".as_bytes()).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_period(r: impl Read) -> crate::Result<(Date, u32)> {
    let (mut start, mut days) = (None, None);
    for (line, row) in data_rows(r)? {
        let v = cell(line, &row, 1, "value")?;
        // Matched case-insensitively, as Flee's read_conflict_period does.
        match row[0].trim().to_lowercase().as_str() {
            "startdate" => start = Some(date(line, 1, v)?),
            "length" => {
                days = Some(
                    v.parse::<u32>()
                        .map_err(|_| bad(line, 2, v, "not a whole number of days"))?,
                );
            }
            _ => {}
        }
    }
    let start = start.ok_or(ReadError::MissingColumn {
        name: "start date",
        expected: "StartDate,YYYY-MM-DD",
    })?;
    let days = days.ok_or(ReadError::MissingColumn {
        name: "length",
        expected: "Length,<days>",
    })?;
    Ok((start, days))
}

/// Reads Flee's `data_layout.csv`: rows `<key>,<file>[,<file>…]`, the first `total` (Flee sums
/// the files of a row). Gives the keys with their files; the caller opens them.
///
/// # Errors
/// [`ReadError::RowLength`] for a row without a file.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_layout;
/// let layout = read_flee_layout("total,refugees.csv\nC,c.csv,c2.csv\n".as_bytes())?;
/// assert_eq!(layout[0], ("total".to_string(), vec!["refugees.csv".to_string()]));
/// assert_eq!(layout[1].1.len(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_layout(r: impl Read) -> crate::Result<Vec<(String, Vec<String>)>> {
    data_rows(r)?
        .into_iter()
        .map(|(line, row)| {
            let key = cell(line, &row, 0, "name")?.to_owned();
            cell(line, &row, 1, "file")?;
            let files = row[1..]
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            Ok((key, files))
        })
        .collect()
}

/// Reads a Flee source-data file: rows `YYYY-MM-DD,count` (a first row whose first field is
/// `Date` or `DateTime` is a header; rows with an empty count are skipped, as in Flee).
///
/// # Errors
/// [`ReadError::BadCell`] for a bad date or count, or a date not after the one before.
///
/// # Examples
/// ```
/// use corridor::io::flee::read_flee_counts;
/// // Dates must increase.
/// assert!(read_flee_counts("2014-01-11,100\n2014-01-01,300\n".as_bytes()).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_counts(r: impl Read) -> crate::Result<FleeCounts> {
    let mut points: Vec<(Date, f64)> = Vec::new();
    for (i, (line, row)) in data_rows(r)?.into_iter().enumerate() {
        let d = row[0].trim();
        if i == 0 && (d == "Date" || d == "DateTime") {
            continue;
        }
        let c = row.get(1).map_or("", |s| s.trim());
        if c.is_empty() {
            continue;
        }
        let day = date(line, 0, d)?;
        let v = number(line, 1, c)?;
        if v < 0.0 {
            return Err(bad(line, 2, c, "a negative count"));
        }
        if points.last().is_some_and(|(p, _)| *p >= day) {
            return Err(bad(line, 1, d, "a date not after the row before"));
        }
        points.push((day, v));
    }
    Ok(FleeCounts {
        points,
        parts: Vec::new(),
    })
}

/// Reads a Flee scenario directory into a [`FleeInput`], as Flee 3.1's driver
/// (`runscripts/run.py` at v3.1) reads it: `locations.csv`, `routes.csv`, `closures.csv`,
/// `conflicts.csv` and `conflict_period.csv` in the directory, and the validation data
/// `source_data/data_layout.csv` with the files its rows name.
///
/// - Every one of these files is required, as Flee opens each without checking it exists. The
///   period is read from `conflict_period.csv`, or, when that file is absent, from
///   `sim_period.csv` (the name later Flee versions read).
/// - Each `data_layout.csv` row names a key and one or more files: the `total` row gives the total
///   displaced ([`FleeInput::displaced`]), any other row a camp's counts
///   ([`FleeInput::camp_counts`]). A row of several files is their sum as Flee 3.1's
///   `AddCSVTables` makes it, without interpolation: a date that one file has and another lacks
///   takes the other file's count on its next date (or, past that file's end, its previous one),
///   and the dates of an earlier file after the last of a later one are dropped. Each file's
///   count is divided by the scale-down factor (`hasten`) before the counts are added, as in
///   Flee. A key named twice keeps its first row, as Flee's lookup by name does.
/// - Flee 3.1 (with its default settings) needs a `total` row and a row for every camp; their
///   absence is an error here. `registration_corrections.csv` is not read (Flee's level-1
///   corrections change the validation data and the camps' day-0 counts), nor `agents.csv`
///   (read only when a setting asks for it).
///
/// # Errors
/// [`crate::Error::File`] naming the file for every failure: an [`crate::Error::Io`] within when a
/// required file is missing or cannot be read; the error of the file's reader
/// ([`read_flee_locations`], [`read_flee_routes`], [`read_flee_closures`],
/// [`read_flee_conflicts`], [`read_flee_period`], [`read_flee_layout`], [`read_flee_counts`]),
/// which names the line and column; the errors of [`FleeInput::new`] (under `routes.csv`) and of
/// [`FleeInput::conflicts`] (under `conflicts.csv`); [`ReadError::FleeLayout`] for a missing
/// `total` or camp row (under `data_layout.csv`), and for a row whose files Flee 3.1 cannot add
/// (a file without counts, or a file starting after the files before it; under that file).
///
/// # Examples
/// ```
/// use corridor::io::flee::{read_flee_dir, FleeSettings};
/// use time::macros::date;
///
/// // Flee's Mali 2012 scenario, as shipped with Flee 3.1.
/// let input = read_flee_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/flee/mali"))?;
/// assert_eq!(input.period(), (date!(2012 - 02 - 29), 300));
/// assert_eq!(input.locations().len(), 23);
/// let settings = FleeSettings::default().hasten(10);
/// assert_eq!(input.model(&settings)?.routes().len(), 70);
/// // A missing directory is an error naming the file Flee needs first.
/// let err = read_flee_dir("no/such/scenario").unwrap_err();
/// assert!(err.to_string().contains("conflict_period.csv: i/o error"), "{err}");
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flee_dir(path: impl AsRef<std::path::Path>) -> crate::Result<FleeInput> {
    use std::path::Path;
    fn read<T>(path: &Path, f: impl FnOnce(std::fs::File) -> crate::Result<T>) -> crate::Result<T> {
        let in_file = |e: crate::Error| crate::Error::File {
            path: path.to_path_buf(),
            source: Box::new(e),
        };
        let file = std::fs::File::open(path).map_err(|e| in_file(e.into()))?;
        f(file).map_err(in_file)
    }
    let dir = path.as_ref();
    let at = |name: &str| dir.join(name);
    let period = if !at("conflict_period.csv").exists() && at("sim_period.csv").exists() {
        at("sim_period.csv")
    } else {
        at("conflict_period.csv")
    };
    let (start, days) = read(&period, read_flee_period)?;
    let locations = read(&at("locations.csv"), read_flee_locations)?;
    let routes = at("routes.csv");
    let routes = read(&routes, |f| {
        FleeInput::new(locations, read_flee_routes(f)?, start, days)
    })?;
    let closures = read(&at("closures.csv"), read_flee_closures)?;
    let mut input = read(&at("conflicts.csv"), |f| {
        routes.closures(closures).conflicts(read_flee_conflicts(f)?)
    })?;
    let source = at("source_data");
    let layout_path = source.join("data_layout.csv");
    let layout = read(&layout_path, read_flee_layout)?;
    let layout_error = |path: &Path, key: &str, reason: String| crate::Error::File {
        path: path.to_path_buf(),
        source: Box::new(
            ReadError::FleeLayout {
                key: key.to_owned(),
                reason,
            }
            .into(),
        ),
    };
    let missing = |key: &str, reason: String| layout_error(&layout_path, key, reason);
    let mut seen: Vec<&str> = Vec::new();
    for (key, files) in &layout {
        if seen.contains(&key.as_str()) {
            continue;
        }
        seen.push(key);
        let mut sum: Option<FleeCounts> = None;
        for file in files {
            let file = source.join(file);
            let counts = read(&file, read_flee_counts)?;
            sum = Some(match sum {
                None => counts,
                Some(before) => before
                    .add_as_flee(&counts)
                    .map_err(|reason| layout_error(&file, key, reason))?,
            });
        }
        let Some(counts) = sum else {
            return Err(missing(key, "names no file".into()));
        };
        input = if key == "total" {
            input.displaced(counts)
        } else {
            input.camp_counts(key.clone(), counts)
        };
    }
    if !seen.contains(&"total") {
        return Err(missing(
            "total",
            "absent (Flee 3.1 spawns people by the total displaced)".into(),
        ));
    }
    for l in input.locations() {
        if l.kind.is_camp() && !seen.contains(&l.name.as_str()) {
            return Err(missing(
                &l.name,
                "absent for this camp (Flee 3.1 reads each camp's day-0 count from its row)".into(),
            ));
        }
    }
    Ok(input)
}

/// A Flee scenario's input, put together: locations, routes, the calendar, and optionally
/// closures, conflicts, the total displaced and the camps' counts. Gives the [`Model`]
/// ([`FleeInput::model`]) and the [`Scenario`] ([`FleeInput::scenario`]); see the [module
/// docs](self) for the rules.
///
/// # Examples
/// ```
/// use corridor::io::flee::{read_flee_counts, read_flee_locations, read_flee_routes, FleeInput, FleeSettings};
/// use time::macros::date;
/// let locations = read_flee_locations(&b"A,A,ABC,0,0,conflict_zone,0,10000\nB,B,ABC,0,0,town,,5000\nC,C,DEF,0,0,camp,,0\n"[..])?;
/// let routes = read_flee_routes(&b"A,B,100\nB,C,400\n"[..])?;
/// let displaced = read_flee_counts(&b"2010-01-01,0\n2010-01-31,3000\n"[..])?;
/// let input = FleeInput::new(locations, routes, date!(2010 - 01 - 01), 30)?.displaced(displaced);
/// assert_eq!(input.period(), (date!(2010 - 01 - 01), 30));
/// assert_eq!(input.locations().len(), 3);
/// let settings = FleeSettings::default();
/// // Each Flee route runs both ways: two routes in the model.
/// assert!(input.model(&settings)?.route("C", "B").is_some());
/// assert_eq!(input.scenario(&settings)?.days(), 30);
/// // A route to a location that does not exist is refused.
/// let bad = read_flee_routes(&b"A,Z,10\n"[..])?;
/// assert!(FleeInput::new(input.locations().to_vec(), bad, date!(2010 - 01 - 01), 30).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FleeInput {
    locations: Vec<FleeLocation>,
    routes: Vec<FleeRoute>,
    start: Date,
    days: u32,
    closures: Vec<FleeClosure>,
    conflicts: Option<FleeConflicts>,
    total: Option<FleeCounts>,
    camps: Vec<(String, FleeCounts)>,
}

/// Whether each location is a conflict zone on at least half of the days.
fn majority(timeline: &[Vec<f64>]) -> Vec<bool> {
    timeline
        .iter()
        .map(|days| 2 * days.iter().filter(|v| **v > 0.0).count() >= days.len())
        .collect()
}

/// The kind of place a location is when not in conflict.
fn peaceful(kind: FleeKind) -> PlaceKind {
    match kind {
        FleeKind::Camp | FleeKind::IdpCamp => PlaceKind::ReceptionStation,
        FleeKind::Forward | FleeKind::Marker => PlaceKind::Trail,
        FleeKind::Town | FleeKind::ConflictZone => PlaceKind::CrossingPoint,
    }
}

fn unknown(name: &str, context: &'static str) -> crate::Error {
    SimError::UnknownPlace {
        name: name.to_owned(),
        context,
    }
    .into()
}

impl FleeInput {
    /// The locations and routes of a scenario of `days` days from `start`.
    ///
    /// # Errors
    /// [`SimError::NoPlace`] without locations; [`SimError::UnknownPlace`] for a route's end that
    /// is not a location; [`SimError::Days`] for a bad number of days.
    pub fn new(locations: Vec<FleeLocation>, routes: Vec<FleeRoute>, start: Date, days: u32) -> crate::Result<Self> {
        if locations.is_empty() {
            return Err(SimError::NoPlace.into());
        }
        Scenario::new(start, days)?;
        for r in &routes {
            for end in [&r.a, &r.b] {
                if !locations.iter().any(|l| &l.name == end) {
                    return Err(unknown(end, "Flee route"));
                }
            }
        }
        Ok(Self {
            locations,
            routes,
            start,
            days,
            closures: Vec::new(),
            conflicts: None,
            total: None,
            camps: Vec::new(),
        })
    }

    /// The same input with closures.
    #[must_use]
    pub fn closures(mut self, closures: Vec<FleeClosure>) -> Self {
        self.closures = closures;
        self
    }

    /// The same input with a conflicts file.
    ///
    /// # Errors
    /// [`SimError::Inflow`] when it has fewer rows than the scenario has days (Flee needs one per
    /// day).
    pub fn conflicts(mut self, conflicts: FleeConflicts) -> crate::Result<Self> {
        if conflicts.days() < self.days as usize {
            return Err(SimError::Inflow {
                place: "conflicts.csv".into(),
                reason: format!("{} rows for {} days", conflicts.days(), self.days),
            }
            .into());
        }
        self.conflicts = Some(conflicts);
        Ok(self)
    }

    /// The same input with the total displaced over time (the `total` row of
    /// `data_layout.csv`), which drives spawning.
    #[must_use]
    pub fn displaced(mut self, total: FleeCounts) -> Self {
        self.total = Some(total);
        self
    }

    /// The same input with the counts of the camp called `camp` (its day-0 value is placed in
    /// the camp on day 0; keys that are not camps are ignored, as in Flee).
    #[must_use]
    pub fn camp_counts(mut self, camp: impl Into<String>, counts: FleeCounts) -> Self {
        self.camps.push((camp.into(), counts));
        self
    }

    /// The locations.
    #[must_use]
    pub fn locations(&self) -> &[FleeLocation] {
        &self.locations
    }

    /// The start and the number of days.
    #[must_use]
    pub fn period(&self) -> (Date, u32) {
        (self.start, self.days)
    }

    /// The routes, as `routes.csv` gives them (each runs both ways).
    ///
    /// # Examples
    /// ```
    /// use corridor::io::flee::{read_flee_locations, read_flee_routes, FleeInput};
    /// use time::macros::date;
    /// let locations = read_flee_locations(&b"A,A,ABC,0,0,conflict_zone,0,100\nB,B,ABC,0,0,camp,,0\n"[..])?;
    /// let input = FleeInput::new(locations, read_flee_routes(&b"A,B,100\n"[..])?, date!(2010 - 01 - 01), 10)?;
    /// assert_eq!(input.routes()[0].ends(), ("A", "B"));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn routes(&self) -> &[FleeRoute] {
        &self.routes
    }

    /// The total displaced over time ([`FleeInput::displaced`]), when given.
    ///
    /// # Examples
    /// ```
    /// use corridor::io::flee::{read_flee_counts, read_flee_locations, FleeInput};
    /// use time::macros::date;
    /// let locations = read_flee_locations(&b"A,A,ABC,0,0,conflict_zone,0,100\n"[..])?;
    /// let input = FleeInput::new(locations, Vec::new(), date!(2010 - 01 - 01), 10)?;
    /// assert!(input.displaced_counts().is_none());
    /// let input = input.displaced(read_flee_counts(&b"2010-01-01,0\n2010-01-11,500\n"[..])?);
    /// assert_eq!(input.displaced_counts().map(|c| c.points().len()), Some(2));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn displaced_counts(&self) -> Option<&FleeCounts> {
        self.total.as_ref()
    }

    /// The camps' counts ([`FleeInput::camp_counts`]), in the order given.
    ///
    /// # Examples
    /// ```
    /// use corridor::io::flee::{read_flee_counts, read_flee_locations, FleeInput};
    /// use time::macros::date;
    /// let locations = read_flee_locations(&b"A,A,ABC,0,0,conflict_zone,0,100\nC,C,DEF,0,0,camp,,0\n"[..])?;
    /// let input = FleeInput::new(locations, Vec::new(), date!(2010 - 01 - 01), 10)?
    ///     .camp_counts("C", read_flee_counts(&b"2010-01-01,40\n"[..])?);
    /// assert_eq!(input.camps()[0].0, "C");
    /// assert_eq!(input.camps()[0].1.points(), &[(date!(2010 - 01 - 01), 40.0)]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn camps(&self) -> &[(String, FleeCounts)] {
        &self.camps
    }

    /// Per location, its conflict intensity on each day (0: not a conflict zone), by Flee's
    /// rules: with a conflicts file, a location becomes a conflict zone on a day its value rises
    /// above `1e-6` (from below it, or on day 0) at that day's intensity, and stops when its value
    /// falls below `1e-6` from exactly 1; conflict zones of `locations.csv` with conflict date 0
    /// are conflict zones from day 0 at intensity 1. Without a file, conflict zones of
    /// `locations.csv` start on their conflict date.
    #[allow(clippy::needless_range_loop)] // day t reads rows t and t - 1
    fn conflict_timeline(&self) -> Vec<Vec<f64>> {
        let d = self.days as usize;
        let mut out: Vec<Vec<f64>> = self
            .locations
            .iter()
            .map(|l| {
                let from_day0 = l.kind == FleeKind::ConflictZone && l.conflict_date.unwrap_or(0) <= 0;
                vec![if from_day0 { 1.0 } else { 0.0 }; d]
            })
            .collect();
        match &self.conflicts {
            None => {
                for (i, l) in self.locations.iter().enumerate() {
                    if l.kind == FleeKind::ConflictZone
                        && let Some(c) = l.conflict_date.filter(|c| *c > 0)
                    {
                        for v in out[i].iter_mut().skip(c as usize) {
                            *v = 1.0;
                        }
                    }
                }
            }
            Some(c) => {
                for (k, name) in c.names.iter().enumerate() {
                    let Some(i) = self.locations.iter().position(|l| &l.name == name) else {
                        continue;
                    };
                    let mut now = out[i][0];
                    for t in 0..d {
                        let v = c.rows[t][k];
                        let prev = (t > 0).then(|| c.rows[t - 1][k]);
                        if v > 1e-6 && prev.is_none_or(|p| p < 1e-6) {
                            now = v;
                        }
                        if v < 1e-6 && prev == Some(1.0) {
                            now = 0.0;
                        }
                        out[i][t] = now;
                    }
                }
            }
        }
        out
    }

    /// The model of the scenario's geography, by the rules of the [module docs](self).
    ///
    /// # Errors
    /// [`SimError::DuplicateRoute`] for a route given twice; [`SimError::Unreachable`] for a
    /// location no conflict zone or camp leads to; [`SimError::Calibration`] or
    /// [`SimError::LeaveChance`] for settings out of range; the errors of [`Model::builder`].
    pub fn model(&self, settings: &FleeSettings) -> crate::Result<Model> {
        settings.check()?;
        let h = u64::from(settings.hasten);
        let timeline = self.conflict_timeline();
        let conflict = majority(&timeline);
        let home = &self.locations[0].country;
        let index = |name: &str| self.locations.iter().position(|l| l.name == name);
        let score = |i: usize| {
            let l = &self.locations[i];
            let mut s = 1.0;
            if &l.country != home {
                s *= settings.foreign_weight;
            }
            if l.kind.is_camp() {
                s *= settings.camp_weight;
            }
            if conflict[i] {
                s *= settings.conflict_weight;
            }
            s
        };
        // Directed routes out of each location: (to, distance).
        let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.locations.len()];
        for r in &self.routes {
            let (a, b) = (
                index(&r.a).ok_or_else(|| unknown(&r.a, "Flee route"))?,
                index(&r.b).ok_or_else(|| unknown(&r.b, "Flee route"))?,
            );
            out[a].push((b, r.distance_km));
            out[b].push((a, r.distance_km));
        }
        let mut b = Model::builder();
        for (i, l) in self.locations.iter().enumerate() {
            let (kind, chance) = if out[i].is_empty() {
                (PlaceKind::Destination, 1.0)
            } else if conflict[i] {
                (PlaceKind::GatheringTown, settings.conflict_move)
            } else {
                (peaceful(l.kind), settings.chance(l.kind))
            };
            let mut p = Place::new(&l.name, kind)?;
            if kind != PlaceKind::Destination {
                p = p.leave_chance(chance)?;
            }
            if settings.capacities && l.kind.is_camp() && l.population / h > 0 {
                p = p.holding(l.population / h)?;
            }
            b = b.place(p);
            if l.kind == FleeKind::ConflictZone || l.kind.is_camp() || timeline[i].iter().any(|v| *v > 0.0) {
                b = b.entry(&l.name);
            }
        }
        for (a, outs) in out.iter().enumerate() {
            let w: Vec<f64> = outs
                .iter()
                .map(|&(to, d)| score(to) / (settings.softening + d))
                .collect();
            let total: f64 = w.iter().sum();
            let mut given = 0.0;
            for (k, (&(to, d), wk)) in outs.iter().zip(&w).enumerate() {
                // The last share takes what rounding leaves, so the shares sum to one exactly.
                let share = if k + 1 == outs.len() { 1.0 - given } else { wk / total };
                given += share;
                let days = (d / settings.speed).floor().clamp(1.0, 3_660.0) as u32;
                b = b.route(Route::new(
                    &self.locations[a].name,
                    &self.locations[to].name,
                    share.clamp(f64::MIN_POSITIVE, 1.0),
                    Transit::fixed(days)?,
                )?);
            }
        }
        Ok(b.build()?)
    }

    /// The scenario: spawning at the conflict zones, the camps' day-0 counts, and the closures,
    /// by the rules of the [module docs](self).
    ///
    /// # Errors
    /// [`SimError::UnknownPlace`] for a closure naming a location that does not exist;
    /// [`SimError::Event`] for a `camp` or `idpcamp` closure (not supported);
    /// [`SimError::Inflow`] when people are to be spawned on a day without a conflict zone.
    #[allow(clippy::too_many_lines)] // camps, spawning, move chances and closures, in Flee's order
    pub fn scenario(&self, settings: &FleeSettings) -> crate::Result<Scenario> {
        settings.check()?;
        let h = f64::from(settings.hasten);
        let d = self.days as usize;
        let mut s = Scenario::new(self.start, self.days)?;
        let day_of = |date: Date| (date - self.start).whole_days();
        // Flee's interpolation, values divided by hasten, truncated to a whole number.
        let at = |c: &FleeCounts, t: i64| -> i64 {
            let p = &c.points;
            let Some(&(d0, _)) = p.first() else { return 0 };
            if t <= day_of(d0) {
                return c.scaled(0, h) as i64;
            }
            for k in 1..p.len() {
                let (a, b) = (day_of(p[k - 1].0), day_of(p[k].0));
                if t < b {
                    let f = (t - a) as f64 / (b - a) as f64;
                    let (va, vb) = (c.scaled(k - 1, h), c.scaled(k, h));
                    return (va + f * (vb - va)) as i64;
                }
            }
            c.scaled(p.len() - 1, h) as i64
        };
        for (name, counts) in &self.camps {
            let Some(l) = self.locations.iter().find(|l| &l.name == name) else {
                continue;
            };
            if !l.kind.is_camp() {
                continue;
            }
            let n = at(counts, 0).max(0) as u64;
            if n > 0 {
                s = s.inflow_daily(name.clone(), Nationality::Unknown, vec![n])?;
            }
        }
        if let Some(total) = &self.total {
            let timeline = self.conflict_timeline();
            let weight: Vec<Vec<f64>> = timeline
                .iter()
                .zip(&self.locations)
                .map(|(days, l)| {
                    days.iter()
                        .map(|v| v * (l.population / u64::from(settings.hasten)) as f64)
                        .collect()
                })
                .collect();
            let mut daily = vec![vec![0u64; d]; self.locations.len()];
            let mut owed = vec![0.0; self.locations.len()];
            let mut debt = 0i64;
            for t in 1..d {
                let mut new = at(total, t as i64) - at(total, t as i64 - 1) - debt;
                if new < 0 {
                    debt = -new;
                    new = 0;
                } else {
                    debt = 0;
                }
                if new == 0 {
                    continue;
                }
                let w_total: f64 = weight.iter().map(|w| w[t]).sum();
                if w_total <= 0.0 {
                    return Err(SimError::Inflow {
                        place: "conflict zones".into(),
                        reason: format!("{new} people to spawn on day {t} and no conflict zone"),
                    }
                    .into());
                }
                // Carried largest remainder over the zones (whole persons, exact total).
                let n = new as u64;
                let mut given = 0u64;
                let mut frac: Vec<(f64, usize)> = Vec::new();
                for (i, w) in weight.iter().enumerate() {
                    if w[t] > 0.0 {
                        let x = n as f64 * w[t] / w_total + owed[i];
                        let k = x.floor().max(0.0) as u64;
                        daily[i][t] += k;
                        given += k;
                        owed[i] = x - k as f64;
                        frac.push((owed[i], i));
                    }
                }
                frac.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                for &(_, i) in frac.iter().cycle().take(n.saturating_sub(given) as usize) {
                    daily[i][t] += 1;
                    owed[i] -= 1.0;
                }
                if given > n {
                    // Rounding never hands out more than n; keep the total exact regardless.
                    for &(_, i) in frac.iter().rev() {
                        if given == n {
                            break;
                        }
                        if daily[i][t] > 0 {
                            daily[i][t] -= 1;
                            owed[i] += 1.0;
                            given -= 1;
                        }
                    }
                }
            }
            for (i, v) in daily.into_iter().enumerate() {
                if v.iter().any(|x| *x > 0) {
                    s = s.inflow_daily(self.locations[i].name.clone(), Nationality::Unknown, v)?;
                }
            }
        }
        let date = |t: i64| self.start + time::Duration::days(t);
        let last = i64::from(self.days) - 1;
        // Days on which a location's conflict status is not the model's: its move chance then.
        let timeline = self.conflict_timeline();
        let conflict = majority(&timeline);
        let linked = |i: usize| {
            let n = &self.locations[i].name;
            self.routes.iter().any(|r| &r.a == n || &r.b == n)
        };
        for (i, days) in timeline.iter().enumerate() {
            if !linked(i) {
                continue;
            }
            let chance = if conflict[i] {
                settings.chance(self.locations[i].kind)
            } else {
                settings.conflict_move
            };
            let mut t = 0;
            while t < d {
                if (days[t] > 0.0) == conflict[i] {
                    t += 1;
                    continue;
                }
                let a = t;
                while t < d && (days[t] > 0.0) != conflict[i] {
                    t += 1;
                }
                s = s.event(Event::leave_chance(
                    self.locations[i].name.clone(),
                    date(a as i64),
                    date(t as i64 - 1),
                    chance,
                )?);
            }
        }
        let find = |n: &str| {
            self.locations
                .iter()
                .position(|l| l.name == n)
                .ok_or_else(|| unknown(n, "Flee closure"))
        };
        for c in &self.closures {
            if c.start < 0 || c.start > last {
                // Flee fires a closure only on a day of the run.
                continue;
            }
            let end = if c.end > c.start { (c.end - 1).min(last) } else { last };
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            let links = self
                .routes
                .iter()
                .filter_map(|r| Some((find(&r.a).ok()?, find(&r.b).ok()?)));
            match &c.kind {
                FleeClosureKind::Country(x, y) => {
                    if !self.locations.iter().any(|l| &l.country == x) {
                        return Err(unknown(x, "Flee closure (country)"));
                    }
                    for (a, b) in links {
                        let (ca, cb) = (&self.locations[a].country, &self.locations[b].country);
                        if (ca == x && cb == y) || (ca == y && cb == x) {
                            pairs.extend([(a, b), (b, a)]);
                        }
                    }
                }
                FleeClosureKind::Location(x) => {
                    let p = find(x)?;
                    for (a, b) in links {
                        if a == p || b == p {
                            pairs.extend([(a, b), (b, a)]);
                        }
                    }
                }
                FleeClosureKind::Link(x, y) => {
                    let (p, q) = (find(x)?, find(y)?);
                    for (a, b) in links {
                        if (a, b) == (p, q) || (a, b) == (q, p) {
                            pairs.extend([(a, b), (b, a)]);
                        }
                    }
                }
                FleeClosureKind::RemoveForcedRedirection(..) => continue,
                FleeClosureKind::Camp(x) => {
                    return Err(SimError::Event {
                        event: format!("Flee camp closure of {x:?}"),
                        reason: "a camp that becomes a town for a while changes its move chance, which the model keeps fixed"
                            .into(),
                    }
                    .into());
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            for (a, b) in pairs {
                s = s.event(Event::closure(
                    Target::route(&self.locations[a].name, &self.locations[b].name),
                    date(c.start),
                    date(end),
                )?);
            }
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn testcity() -> FleeInput {
        // Flee's own test scenario conflict_input/testcity (v3.1), abridged.
        let loc = read_flee_locations(
            &br#"#"name","region","country","lat","lon","location_type","conflict_date","population"
"A","AB","ABC",1.0,1.0,"conflict_zone",0,100000
"B","AB","ABC",1.0,1.0,"conflict_zone",10,500000
"C","C","ABC",1.0,1.0,"town",0,100000
"D","D","DEF",1.0,1.0,"town",0,100000
"N","D","DEF",1.0,1.0,"camp",,0
"#[..],
        )
        .unwrap();
        let routes = read_flee_routes(
            &br#"#"name1","name2","distance",forced_redirection
"A","B",100,0
"A","C",50,0
"B","D",50,0
"C","D",50,0
"D","N",400,0
"#[..],
        )
        .unwrap();
        FleeInput::new(loc, routes, date!(2010 - 01 - 01), 20).unwrap()
    }

    fn counts(days: &[(i64, f64)]) -> FleeCounts {
        let start = date!(2012 - 01 - 01);
        FleeCounts {
            points: days
                .iter()
                .map(|&(t, v)| (start + time::Duration::days(t), v))
                .collect(),
            parts: Vec::new(),
        }
    }

    fn days(c: &FleeCounts) -> Vec<(i64, f64)> {
        let start = date!(2012 - 01 - 01);
        c.points().iter().map(|&(d, v)| ((d - start).whole_days(), v)).collect()
    }

    #[test]
    fn sums_as_flee_adds_tables() {
        // Flee 3.1 flee.datamanager.DataTable.AddCSVTables on the same tables (python3, flee 3.1, numpy):
        //   A(np.array([[0.,10],[10,20],[20,30]]), np.array([[0.,1],[5,2],[20,3]]))
        //     -> [[0,11],[5,22],[10,22],[20,33]]
        //   A(t1, np.array([[0.,1],[5,2],[30,3],[40,4]])) -> [[0,11],[5,22],[10,22],[20,32],[20,32]]
        //   A(t1, np.array([[0.,1],[5,2]])) -> [[0,11],[5,22]]
        //   A(t1, np.array([[5.,2],[20,3]])) -> IndexError
        let t1 = counts(&[(0, 10.0), (10, 20.0), (20, 30.0)]);
        let sum = |t2: &[(i64, f64)]| t1.add_as_flee(&counts(t2)).map(|c| days(&c));
        assert_eq!(
            sum(&[(0, 1.0), (5, 2.0), (20, 3.0)]).unwrap(),
            [(0, 11.0), (5, 22.0), (10, 22.0), (20, 33.0)]
        );
        assert_eq!(
            sum(&[(0, 1.0), (5, 2.0), (30, 3.0), (40, 4.0)]).unwrap(),
            [(0, 11.0), (5, 22.0), (10, 22.0), (20, 32.0), (20, 32.0)]
        );
        assert_eq!(sum(&[(0, 1.0), (5, 2.0)]).unwrap(), [(0, 11.0), (5, 22.0)]);
        let late = sum(&[(5, 2.0), (20, 3.0)]).unwrap_err();
        assert!(late.contains("starts on 2012-01-06, after 2012-01-01"), "{late}");
        assert!(sum(&[]).is_err());
        // A third file adds to the sum of the first two (Flee: A(A(t1, [[0,1],[10,2],[20,3]]),
        // [[0,100],[20,300]]) -> [[0,111],[10,122],[20,333]]); each file is divided by hasten
        // before the counts are added (Flee divides when it reads a file).
        let three = t1
            .add_as_flee(&counts(&[(0, 1.0), (10, 2.0), (20, 3.0)]))
            .unwrap()
            .add_as_flee(&counts(&[(0, 100.0), (20, 300.0)]))
            .unwrap();
        assert_eq!(days(&three), [(0, 111.0), (10, 122.0), (20, 333.0)]);
        assert_eq!(three.parts[1], [20.0, 2.0, 100.0]);
        assert_eq!(three.scaled(1, 10.0), 2.0 + 0.2 + 10.0);
    }

    #[test]
    fn kinds_as_flee_matches_them() {
        assert_eq!(FleeKind::parse("conflict_zone"), Some(FleeKind::ConflictZone));
        assert_eq!(FleeKind::parse("IDPCamp"), Some(FleeKind::IdpCamp));
        assert_eq!(FleeKind::parse("camp"), Some(FleeKind::Camp));
        assert_eq!(FleeKind::parse("default"), Some(FleeKind::Town));
        assert_eq!(FleeKind::parse("village"), None);
    }

    #[test]
    fn conflict_dates_without_a_file() {
        let t = testcity().conflict_timeline();
        // A from day 0; B from day 10 (loaded as a town before); C never.
        assert!(t[0].iter().all(|v| *v == 1.0));
        assert_eq!(t[1][9], 0.0);
        assert_eq!(t[1][10], 1.0);
        assert!(t[2].iter().all(|v| *v == 0.0));
        let m = testcity().model(&FleeSettings::default()).unwrap();
        // B is a conflict zone on 10 of 20 days: half, so a conflict zone in the model.
        assert_eq!(m.place("B").unwrap().kind(), PlaceKind::GatheringTown);
        assert_eq!(m.place("N").unwrap().leave_chance_per_day(), 0.001);
        assert_eq!(m.route("D", "N").unwrap().transit().mean(), 1.0);
    }

    #[test]
    fn spawning_follows_the_total() {
        let total = read_flee_counts(&b"Date,n\n2010-01-01,100\n2010-01-11,1100\n"[..]).unwrap();
        let s = testcity().displaced(total).scenario(&FleeSettings::default()).unwrap();
        // 100 a day from day 1 to day 10, then flat: 1,000 people; none on day 0.
        assert_eq!(s.total_inflow(), 1_000);
        let bad = read_flee_counts(&b"2010-01-02,1\n2010-01-01,2\n"[..]).unwrap_err();
        assert!(bad.to_string().contains("not after"), "{bad}");
    }

    #[test]
    fn closures_and_errors() {
        let c = read_flee_closures(&b"#closure_type,name1,name2,closure_start,closure_end\ncountry,ABC,DEF,5,8\n"[..])
            .unwrap();
        let s = testcity().closures(c).scenario(&FleeSettings::default()).unwrap();
        // B-D and C-D cross the border, both ways: four closures of days 5 to 7.
        let closed: Vec<_> = s.events().iter().filter(|e| e.kind() == "closure").collect();
        assert_eq!(closed.len(), 4);
        assert_eq!(closed[0].first(), date!(2010 - 01 - 06));
        assert_eq!(closed[0].last(), date!(2010 - 01 - 08));
        // B is a conflict zone in the model (10 of 20 days) and a town, of move chance 0.3, on days 0 to 9.
        let town: Vec<_> = s.events().iter().filter(|e| e.kind() == "leave chance").collect();
        assert_eq!(town.len(), 1);
        assert_eq!(
            (town[0].first(), town[0].last()),
            (date!(2010 - 01 - 01), date!(2010 - 01 - 10))
        );
        let camp = read_flee_closures(&b"camp,N,,1,2\n"[..]).unwrap();
        assert!(testcity().closures(camp).scenario(&FleeSettings::default()).is_err());
        assert!(read_flee_closures(&b"bridge,a,b,1,2\n"[..]).is_err());
        let e = read_flee_locations(&b"A,AB,ABC,1,1,village,0,10\n"[..]).unwrap_err();
        assert_eq!(e.to_string(), "line 1, column 6: unknown location type: \"village\"");
        assert!(read_flee_routes(&b"A,B,-3\n"[..]).is_err());
        assert!(read_flee_routes(&b"A,B\n"[..]).is_err());
        let r = read_flee_routes(&b"A,Z,3\n"[..]).unwrap();
        let loc = testcity().locations().to_vec();
        assert!(FleeInput::new(loc, r, date!(2010 - 01 - 01), 5).is_err());
        assert!(read_flee_conflicts(&b"#Day,A\n0,2\n"[..]).is_err());
        assert!(read_flee_period(&b"StartDate,2010-01-01\n"[..]).is_err());
        assert_eq!(
            read_flee_period(&b"StartDate,2010-01-01\nLength,300\n"[..]).unwrap(),
            (date!(2010 - 01 - 01), 300)
        );
    }
}
