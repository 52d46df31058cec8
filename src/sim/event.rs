//! Policy levers as dated events.

use std::fmt;

use time::{Date, Weekday};

use super::{Result, SimError};
use crate::flow::Nationality;
use crate::network::{Capacity, Disruption};

/// What a quota or closure applies to: a place (its departures) or a route.
///
/// # Examples
///
/// ```
/// use corridor::flow::Nationality;
/// use corridor::sim::{Event, Model, Place, PlaceKind, Route, Scenario, Target, Transit};
/// use time::macros::date;
/// let model = Model::builder()
///     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?)
///     .place(Place::new("Capurganá", PlaceKind::Destination)?)
///     .route(Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1)?)?)
///     .build()?;
/// // The boats stop for the first three days of August.
/// let closure = Event::closure(Target::route("Necoclí", "Capurganá"), date!(2021 - 08 - 01), date!(2021 - 08 - 03))?;
/// let scenario = Scenario::new(date!(2021 - 08 - 01), 5)?
///     .inflow_daily("Necoclí", Nationality::Unknown, vec![10; 5])?
///     .event(closure);
/// let departures = model.run_cohorts(&scenario)?.departure_values("Necoclí").expect("a place").to_vec();
/// assert_eq!(departures, [0, 0, 0, 40, 10]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Target {
    /// The departures from a place, over all its routes.
    Place(String),
    /// One route, by its origin and end.
    Route {
        /// The origin.
        from: String,
        /// The end.
        to: String,
    },
}

impl Target {
    /// A place, by name.
    pub fn place(name: impl Into<String>) -> Self {
        Self::Place(name.into())
    }

    /// A route, by its origin and end.
    pub fn route(from: impl Into<String>, to: impl Into<String>) -> Self {
        Self::Route {
            from: from.into(),
            to: to.into(),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Place(p) => write!(f, "place {p:?}"),
            Self::Route { from, to } => write!(f, "route {from:?} → {to:?}"),
        }
    }
}

/// A set of weekdays.
///
/// # Examples
/// ```
/// use corridor::sim::Weekdays;
/// use time::Weekday;
///
/// let tue_sat = Weekdays::of(&[Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday]);
/// assert!(tue_sat.contains(Weekday::Friday));
/// assert!(!tue_sat.contains(Weekday::Sunday));
/// assert_eq!(tue_sat.len(), 5);
/// assert!(Weekdays::ALL.contains(Weekday::Monday));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Weekdays(u8);

impl Weekdays {
    /// Every day of the week.
    pub const ALL: Self = Self(0b111_1111);

    /// The days listed.
    #[must_use]
    pub fn of(days: &[Weekday]) -> Self {
        Self(days.iter().fold(0, |acc, d| acc | 1 << d.number_days_from_monday()))
    }

    /// Whether `day` is in the set.
    #[must_use]
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.number_days_from_monday()) != 0
    }

    /// How many days are in the set.
    #[must_use]
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// One rule of a [`QuotaSchedule`]: from `first` to `last` (both included), at most
/// `per_day` people on the listed weekdays and nobody on the others.
///
/// # Examples
///
/// ```
/// use corridor::sim::{QuotaSchedule, Weekdays};
/// use time::{macros::date, Weekday};
/// let quota = QuotaSchedule::new().rule(date!(2021 - 09 - 01), date!(2021 - 12 - 31), Weekdays::of(&[Weekday::Tuesday]), 500)?;
/// let rule = quota.rules()[0];
/// assert_eq!((rule.first(), rule.last(), rule.per_day()), (date!(2021 - 09 - 01), date!(2021 - 12 - 31), 500));
/// assert!(rule.weekdays().contains(Weekday::Tuesday) && rule.weekdays().len() == 1);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotaRule {
    first: Date,
    last: Date,
    weekdays: Weekdays,
    per_day: u64,
}

impl QuotaRule {
    /// The first day the rule applies.
    #[must_use]
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last day the rule applies.
    #[must_use]
    pub fn last(&self) -> Date {
        self.last
    }

    /// The weekdays on which people may pass.
    #[must_use]
    pub fn weekdays(&self) -> Weekdays {
        self.weekdays
    }

    /// People a day on those weekdays.
    #[must_use]
    pub fn per_day(&self) -> u64 {
        self.per_day
    }
}

/// A quota by date and weekday: a list of [`QuotaRule`]s. A day that no rule covers has no
/// quota; where rules overlap the lowest applies.
///
/// The quota agreed at Carepa in August 2021 between Panama and Colombia: 650 a day to the end
/// of August, then 500 a day Tuesday to Saturday.
///
/// # Examples
/// ```
/// use corridor::sim::{QuotaSchedule, Weekdays};
/// use time::{macros::date, Weekday::*};
///
/// let carepa = QuotaSchedule::new()
///     .rule(date!(2021 - 08 - 11), date!(2021 - 08 - 31), Weekdays::ALL, 650)?
///     .rule(date!(2021 - 09 - 01), date!(2021 - 12 - 31), Weekdays::of(&[Tuesday, Wednesday, Thursday, Friday, Saturday]), 500)?;
/// assert_eq!(carepa.cap_on(date!(2021 - 08 - 20)), Some(650));
/// assert_eq!(carepa.cap_on(date!(2021 - 09 - 05)), Some(0)); // a Sunday
/// assert_eq!(carepa.cap_on(date!(2021 - 09 - 07)), Some(500)); // a Tuesday
/// assert_eq!(carepa.cap_on(date!(2021 - 08 - 01)), None);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotaSchedule {
    rules: Vec<QuotaRule>,
}

impl QuotaSchedule {
    /// A schedule without rules.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a rule: from `first` to `last`, `per_day` people on `weekdays`, nobody on the others.
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first`.
    pub fn rule(mut self, first: Date, last: Date, weekdays: Weekdays, per_day: u64) -> Result<Self> {
        if last < first {
            return Err(SimError::Event {
                event: "quota".into(),
                reason: format!("rule ends on {last}, before it starts on {first}"),
            });
        }
        self.rules.push(QuotaRule {
            first,
            last,
            weekdays,
            per_day,
        });
        Ok(self)
    }

    /// The rules, in the order they were added.
    #[must_use]
    pub fn rules(&self) -> &[QuotaRule] {
        &self.rules
    }

    /// The quota on `date`, or `None` when no rule covers it.
    #[must_use]
    pub fn cap_on(&self, date: Date) -> Option<u64> {
        self.rules
            .iter()
            .filter(|r| r.first <= date && date <= r.last)
            .map(|r| {
                if r.weekdays.contains(date.weekday()) {
                    r.per_day
                } else {
                    0
                }
            })
            .min()
    }
}

impl From<crate::partner::Weekdays> for Weekdays {
    /// The same days.
    fn from(days: crate::partner::Weekdays) -> Self {
        let all = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        let listed: Vec<Weekday> = all.into_iter().filter(|&d| days.contains(d)).collect();
        Self::of(&listed)
    }
}

impl From<&crate::partner::QuotaSchedule> for QuotaSchedule {
    /// A partner agreement's quota commitment as a simulation quota: one rule per step, on the
    /// step's weekdays, with the step's daily limit; a step without an end (an arrangement whose end
    /// was not announced) runs to [`Date::MAX`], so the quota binds to the end of any scenario.
    /// [`QuotaSchedule::cap_on`] then equals [`crate::partner::QuotaSchedule::limit_on`] on every
    /// day (the partner schedule's steps do not overlap, so "the lowest rule applies" never has to
    /// choose).
    ///
    /// # Examples
    /// ```
    /// use corridor::partner::{self, QuotaStep};
    /// use corridor::sim::{Event, QuotaSchedule, Target};
    /// use time::macros::date;
    ///
    /// // The Carepa arrangement between Panama and Colombia (August 2021), as a partner commitment
    /// // (the embedded one is `datasets::darien::partners()`'s "pan-col-quota-2021").
    /// let carepa = partner::QuotaSchedule::new(vec![
    ///     QuotaStep::new(date!(2021 - 08 - 11), 650).until(date!(2021 - 08 - 31)),
    ///     QuotaStep::new(date!(2021 - 09 - 01), 500).on("tue-sat".parse()?),
    /// ])?;
    /// let quota = QuotaSchedule::from(&carepa);
    /// assert_eq!(quota.cap_on(date!(2021 - 08 - 20)), Some(650));
    /// assert_eq!(quota.cap_on(date!(2021 - 09 - 07)), Some(500)); // a Tuesday
    /// assert_eq!(quota.cap_on(date!(2021 - 09 - 05)), Some(0)); // a Sunday
    /// assert_eq!(quota.cap_on(date!(2030 - 01 - 01)), Some(500)); // no end was announced
    /// let lever = Event::quota(Target::place("Necoclí"), quota);
    /// assert_eq!(lever.kind(), "quota");
    /// # Ok::<(), corridor::Error>(())
    /// ```
    fn from(schedule: &crate::partner::QuotaSchedule) -> Self {
        Self {
            rules: schedule
                .steps()
                .iter()
                .map(|s| QuotaRule {
                    first: s.first_day(),
                    last: s.last_day().unwrap_or(Date::MAX),
                    weekdays: s.weekdays().into(),
                    per_day: s.per_day(),
                })
                .collect(),
        }
    }
}

/// The share of a smuggling network's corridor capacity left after a disruption: the maximum flow
/// of migrants a month from the first stage to the last after the arrests divided by that before
/// (both from [`crate::network::SmugglingNetwork::disrupt`]), in `[0, 1]`.
///
/// # Errors
/// [`SimError::Event`] when the network has no corridor (no actor serves a stage), when its
/// capacity before the arrests is unbounded (no actor on some path states a capacity, so the data
/// give no ratio) or zero, or when it is unbounded after them.
///
/// # Examples
/// ```
/// use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let a = b.add_actor(Actor::person("A").stage(StageServed::new(0, "Turbo")).capacity(400));
/// let g = b.add_actor(Actor::person("G").stage(StageServed::new(1, "Acandí")).capacity(100));
/// b.add_tie(a, g, Tie::undirected(TieKind::Logistics))?;
/// let n = b.build()?;
/// assert_eq!(corridor::sim::capacity_ratio(&n.disrupt(&[])?)?, 1.0);
/// assert_eq!(corridor::sim::capacity_ratio(&n.disrupt(&[g])?)?, 0.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn capacity_ratio(disruption: &Disruption) -> Result<f64> {
    let bad = |reason: &str| SimError::Event {
        event: "capacity cut".into(),
        reason: reason.to_owned(),
    };
    let capacity = |m: &crate::network::DisruptionMetrics| {
        m.corridor()
            .map(|c| c.capacity())
            .ok_or_else(|| bad("the network has no corridor: no actor serves a stage"))
    };
    let before = match capacity(disruption.before())? {
        Capacity::Bounded(0) => return Err(bad("the network carries nobody before the arrests")),
        Capacity::Bounded(n) => n,
        Capacity::Unbounded => {
            return Err(bad(
                "the network's capacity before the arrests is unbounded (no actor on some path states a capacity)",
            ));
        }
    };
    match capacity(disruption.after())? {
        Capacity::Bounded(n) => Ok((n as f64 / before as f64).min(1.0)),
        Capacity::Unbounded => Err(bad("the network's capacity after the arrests is unbounded")),
    }
}

/// A policy lever: what an [`Event`] does.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(crate) enum Lever {
    Quota(Target, QuotaSchedule),
    Closure(Target),
    Transport {
        vehicles: u32,
        seats: u32,
    },
    Removals {
        nationality: Option<Nationality>,
        per_week: u64,
    },
    CapacityCut {
        factor: f64,
    },
    InflowShock {
        factor: f64,
    },
    LeaveChance {
        chance: f64,
    },
}

/// A dated policy lever; added to a [`super::Scenario`] with [`super::Scenario::event`].
///
/// Each lever binds on the days from `first` to `last` (both included); the lowest bound of
/// all levers, capacities and quotas applies on a day.
///
/// # Examples
///
/// ```
/// use corridor::flow::Nationality;
/// use corridor::sim::{Event, Model, Place, PlaceKind, QuotaSchedule, Route, Scenario, Target, Transit, Weekdays};
/// use time::macros::date;
/// let model = Model::builder()
///     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?)
///     .place(Place::new("Capurganá", PlaceKind::Destination)?)
///     .route(Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1)?)?)
///     .build()?;
/// let quota = QuotaSchedule::new().rule(date!(2021 - 08 - 01), date!(2021 - 08 - 31), Weekdays::ALL, 6)?;
/// let event = Event::quota(Target::place("Necoclí"), quota);
/// assert_eq!((event.kind(), event.first(), event.last()), ("quota", date!(2021 - 08 - 01), date!(2021 - 08 - 31)));
/// let scenario = Scenario::new(date!(2021 - 08 - 01), 5)?.inflow_daily("Necoclí", Nationality::Unknown, vec![10; 5])?.event(event);
/// // 6 may leave a day: 4 more wait each day.
/// assert_eq!(model.run_cohorts(&scenario)?.stock_values("Necoclí"), Some(&[4, 8, 12, 16, 20][..]));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Event {
    pub(crate) lever: Lever,
    /// A place or route for the levers that name one (quota targets are in the lever).
    pub(crate) target: Option<Target>,
    pub(crate) first: Date,
    pub(crate) last: Date,
}

fn check_dates(event: &str, first: Date, last: Date) -> Result<()> {
    if last < first {
        return Err(SimError::Event {
            event: event.to_owned(),
            reason: format!("ends on {last}, before it starts on {first}"),
        });
    }
    Ok(())
}

fn check_factor(event: &str, factor: f64) -> Result<()> {
    if !(factor.is_finite() && factor >= 0.0) {
        return Err(SimError::Event {
            event: event.to_owned(),
            reason: format!("factor {factor} is not a finite number >= 0"),
        });
    }
    Ok(())
}

impl Event {
    /// A quota on a place's departures or on a route, by date and weekday.
    #[must_use]
    pub fn quota(target: Target, schedule: QuotaSchedule) -> Self {
        let first = schedule.rules.iter().map(|r| r.first).min().unwrap_or(Date::MIN);
        let last = schedule.rules.iter().map(|r| r.last).max().unwrap_or(Date::MIN);
        Self {
            lever: Lever::Quota(target, schedule),
            target: None,
            first,
            last,
        }
    }

    /// Nobody leaves the place, or sets out on the route, from `first` to `last`. People on
    /// the route already keep going.
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first`.
    pub fn closure(target: Target, first: Date, last: Date) -> Result<Self> {
        check_dates("closure", first, last)?;
        Ok(Self {
            lever: Lever::Closure(target.clone()),
            target: Some(target),
            first,
            last,
        })
    }

    /// Controlled-flow transport: from `first` to `last`, the route carries at most `vehicles`
    /// vehicles of `seats` people a day (Panama's buses from the reception stations to the Costa
    /// Rican border from October 2023: 30 buses and 1,593 people on the first day).
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first`.
    pub fn transport(
        from: impl Into<String>,
        to: impl Into<String>,
        first: Date,
        last: Date,
        vehicles: u32,
        seats: u32,
    ) -> Result<Self> {
        check_dates("transport", first, last)?;
        Ok(Self {
            lever: Lever::Transport { vehicles, seats },
            target: Some(Target::route(from, to)),
            first,
            last,
        })
    }

    /// Removals from a place: `per_week` people a week (of one nationality, or any), taken from
    /// those held there, oldest arrivals first, spread over the days as evenly as whole people
    /// allow (`⌊k · n / 7⌋ − ⌊(k − 1) · n / 7⌋` on the `k`-th day). When fewer people are held
    /// the shortfall is not carried over.
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first`.
    pub fn removals(
        place: impl Into<String>,
        nationality: Option<Nationality>,
        per_week: u64,
        first: Date,
        last: Date,
    ) -> Result<Self> {
        check_dates("removals", first, last)?;
        Ok(Self {
            lever: Lever::Removals { nationality, per_week },
            target: Some(Target::place(place)),
            first,
            last,
        })
    }

    /// A cut in a route's throughput: from `first` to `last` it carries `factor` times its
    /// throughput a day (rounded down), for example a smuggling network's flow capacity after an
    /// operation's arrests divided by that before.
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first` or `factor` is negative or not finite.
    /// Running a scenario whose route has no throughput gives [`SimError::Event`].
    pub fn capacity_cut(
        from: impl Into<String>,
        to: impl Into<String>,
        first: Date,
        last: Date,
        factor: f64,
    ) -> Result<Self> {
        check_dates("capacity cut", first, last)?;
        check_factor("capacity cut", factor)?;
        Ok(Self {
            lever: Lever::CapacityCut { factor },
            target: Some(Target::route(from, to)),
            first,
            last,
        })
    }

    /// A cut in a route's throughput fed from a smuggling network: from `first` to `last` the route
    /// carries its throughput times the ratio of the network's corridor capacity after an
    /// operation's arrests to that before ([`capacity_ratio`]), as [`Event::capacity_cut`].
    ///
    /// The network's capacity is the maximum flow of migrants a month from the first corridor
    /// stage its actors serve to the last (see [`crate::network::DisruptionMetrics`]); the route
    /// is taken to be the smuggling network's link of the corridor, so it loses the same share of
    /// its capacity.
    ///
    /// # Errors
    /// As [`capacity_ratio`]; [`SimError::Event`] when `last` is before `first`.
    ///
    /// # Examples
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
    /// use corridor::sim::Event;
    /// use time::macros::date;
    ///
    /// // Two boat crews of 300 and 200 a month at stage 0, both handing over to one guide at stage 1.
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A").stage(StageServed::new(0, "Necoclí")).capacity(300));
    /// let c = b.add_actor(Actor::person("C").stage(StageServed::new(0, "Necoclí")).capacity(200));
    /// let g = b.add_actor(Actor::person("G").stage(StageServed::new(1, "Capurganá")));
    /// b.add_tie(a, g, Tie::undirected(TieKind::Logistics))?;
    /// b.add_tie(c, g, Tie::undirected(TieKind::Logistics))?;
    /// let arrests = b.build()?.disrupt(&[a])?; // 500 a month before, 200 after
    /// let cut = Event::capacity_cut_from("Necoclí", "Capurganá", date!(2021 - 10 - 01), date!(2021 - 10 - 31), &arrests)?;
    /// assert_eq!(cut.kind(), "capacity cut");
    /// assert_eq!(corridor::sim::capacity_ratio(&arrests)?, 0.4);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn capacity_cut_from(
        from: impl Into<String>,
        to: impl Into<String>,
        first: Date,
        last: Date,
        disruption: &Disruption,
    ) -> Result<Self> {
        Self::capacity_cut(from, to, first, last, capacity_ratio(disruption)?)
    }

    /// An inflow shock: from `first` to `last`, the inflow at `place` (or at every entry when
    /// `None`) is multiplied by `factor`, in whole people (the running total of the scaled inflow
    /// is rounded down, so nobody is lost to rounding).
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first` or `factor` is negative or not finite.
    pub fn inflow_shock(place: Option<String>, first: Date, last: Date, factor: f64) -> Result<Self> {
        check_dates("inflow shock", first, last)?;
        check_factor("inflow shock", factor)?;
        Ok(Self {
            lever: Lever::InflowShock { factor },
            target: place.map(Target::Place),
            first,
            last,
        })
    }

    /// A change in a place's leave chance: from `first` to `last`, each person who may leave
    /// `place` does so on a day with probability `chance` instead of the place's own (a conflict
    /// breaking out in a town makes everyone leave: Flee's conflict zones have a move chance of 1).
    ///
    /// # Errors
    /// [`SimError::Event`] when `last` is before `first` or `chance` is not in `(0, 1]`.
    pub fn leave_chance(place: impl Into<String>, first: Date, last: Date, chance: f64) -> Result<Self> {
        check_dates("leave chance", first, last)?;
        if !(chance > 0.0 && chance <= 1.0) {
            return Err(SimError::Event {
                event: "leave chance".into(),
                reason: format!("chance {chance} is not in (0, 1]"),
            });
        }
        Ok(Self {
            lever: Lever::LeaveChance { chance },
            target: Some(Target::place(place)),
            first,
            last,
        })
    }

    /// What kind of lever this is: `"quota"`, `"closure"`, `"transport"`, `"removals"`,
    /// `"capacity cut"`, `"inflow shock"` or `"leave chance"` (for counterfactuals, with
    /// [`super::Scenario::without_events_where`]).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match &self.lever {
            Lever::Quota(..) => "quota",
            Lever::Closure(_) => "closure",
            Lever::Transport { .. } => "transport",
            Lever::Removals { .. } => "removals",
            Lever::CapacityCut { .. } => "capacity cut",
            Lever::InflowShock { .. } => "inflow shock",
            Lever::LeaveChance { .. } => "leave chance",
        }
    }

    /// The first day the event binds.
    #[must_use]
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last day the event binds.
    #[must_use]
    pub fn last(&self) -> Date {
        self.last
    }
}

impl fmt::Display for Event {
    /// A short description, for error messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Lever::Quota(t, _) = &self.lever {
            return write!(f, "quota on {t}");
        }
        let what = self.kind();
        match &self.target {
            Some(t) => write!(f, "{what} on {t} from {} to {}", self.first, self.last),
            None => write!(f, "{what} from {} to {}", self.first, self.last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn overlapping_rules_take_the_lowest() {
        let s = QuotaSchedule::new()
            .rule(date!(2021 - 01 - 01), date!(2021 - 01 - 31), Weekdays::ALL, 100)
            .unwrap()
            .rule(date!(2021 - 01 - 10), date!(2021 - 01 - 12), Weekdays::ALL, 40)
            .unwrap();
        assert_eq!(s.cap_on(date!(2021 - 01 - 11)), Some(40));
        assert_eq!(s.cap_on(date!(2021 - 01 - 13)), Some(100));
        assert_eq!(s.cap_on(date!(2021 - 02 - 01)), None);
        assert!(
            s.clone()
                .rule(date!(2021 - 02 - 02), date!(2021 - 02 - 01), Weekdays::ALL, 1)
                .is_err()
        );
        assert_eq!(Weekdays::of(&[]).len(), 0);
        assert!(Weekdays::of(&[]).is_empty());
    }

    #[test]
    fn bad_events() {
        let (a, b) = (date!(2021 - 01 - 02), date!(2021 - 01 - 01));
        assert!(Event::closure(Target::place("x"), a, b).is_err());
        assert!(Event::transport("x", "y", a, b, 1, 1).is_err());
        assert!(Event::removals("x", None, 1, a, b).is_err());
        assert!(Event::capacity_cut("x", "y", b, a, -1.0).is_err());
        assert!(Event::inflow_shock(None, b, a, f64::INFINITY).is_err());
        let e = Event::capacity_cut("x", "y", b, a, 0.5).unwrap();
        assert_eq!(
            e.to_string(),
            "capacity cut on route \"x\" → \"y\" from 2021-01-01 to 2021-01-02"
        );
    }
}
