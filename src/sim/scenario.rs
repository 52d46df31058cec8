//! Scenarios: the calendar, the inflow and the policy levers of a run.

use time::Date;

use super::{Event, Result, SimError};
use crate::Period;
use crate::flow::{FlowSeries, Nationality};

/// The longest scenario, in days (a hundred years).
const MAX_DAYS: u32 = 36_525;

/// The most people a scenario lets enter, inflow shocks included (a trillion): every count and
/// person-day of a run (at most this times [`MAX_DAYS`]) then fits in a `u64`.
pub(crate) const MAX_PEOPLE: u64 = 1_000_000_000_000;

/// People entering the corridor at one place, of one nationality, day by day.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(crate) struct Inflow {
    pub(crate) place: String,
    pub(crate) nationality: Nationality,
    /// People on each day of the scenario.
    pub(crate) daily: Vec<u64>,
}

/// What a run simulates: the days, the inflow at the entry places by nationality, and dated
/// policy levers ([`Event`]s).
///
/// Place and route names are checked against the model when the scenario is run.
///
/// # Example
/// ```
/// use corridor::sim::{Event, Scenario, Target};
/// use corridor::flow::Nationality;
/// use time::macros::date;
///
/// let s = Scenario::new(date!(2021 - 01 - 01), 365)?
///     .inflow_daily("Necoclí", Nationality::Unknown, vec![300; 365])?
///     .event(Event::closure(Target::place("Necoclí"), date!(2021 - 03 - 01), date!(2021 - 03 - 07))?);
/// assert_eq!(s.days(), 365);
/// assert_eq!(s.last_date(), date!(2021 - 12 - 31));
/// assert_eq!(s.total_inflow(), 109_500);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Scenario {
    start: Date,
    days: u32,
    pub(crate) inflows: Vec<Inflow>,
    pub(crate) events: Vec<Event>,
}

impl Scenario {
    /// A scenario of `days` days from `start`, without inflow or events.
    ///
    /// # Errors
    /// [`SimError::Days`] unless `1 ≤ days ≤ 36,525` and the last day is in the calendar.
    pub fn new(start: Date, days: u32) -> Result<Self> {
        let bad = SimError::Days { days, max: MAX_DAYS };
        if days == 0 || days > MAX_DAYS {
            return Err(bad);
        }
        start
            .checked_add(time::Duration::days(i64::from(days) - 1))
            .ok_or(bad)?;
        Ok(Self {
            start,
            days,
            inflows: Vec::new(),
            events: Vec::new(),
        })
    }

    /// The first day.
    #[must_use]
    pub fn start(&self) -> Date {
        self.start
    }

    /// The number of days.
    #[must_use]
    pub fn days(&self) -> u32 {
        self.days
    }

    /// The last day.
    #[must_use]
    pub fn last_date(&self) -> Date {
        self.date(self.days - 1)
    }

    /// The date of day `t` (day 0 is the start), saturating at the calendar's end.
    pub(crate) fn date(&self, t: u32) -> Date {
        self.start
            .checked_add(time::Duration::days(i64::from(t)))
            .unwrap_or(Date::MAX)
    }

    /// The day index of `date`, which may lie outside the scenario (negative or past its end).
    pub(crate) fn day_of(&self, date: Date) -> i64 {
        (date - self.start).whole_days()
    }

    /// The same scenario, with `daily[t]` people of `nationality` entering at `place` on day `t`.
    ///
    /// # Errors
    /// [`SimError::Inflow`] when `daily` is longer than the scenario, or when more than 10¹² people
    /// (a trillion) would enter over the scenario's inflows, so that no count of a run can overflow.
    pub fn inflow_daily(mut self, place: impl Into<String>, nationality: Nationality, daily: Vec<u64>) -> Result<Self> {
        let place = place.into();
        if daily.len() > self.days as usize {
            return Err(SimError::Inflow {
                place,
                reason: format!("{} days of inflow for a scenario of {} days", daily.len(), self.days),
            });
        }
        let total = daily.iter().try_fold(self.total_inflow(), |sum, &v| {
            sum.checked_add(v).filter(|s| *s <= MAX_PEOPLE)
        });
        if total.is_none() {
            return Err(SimError::Inflow {
                place,
                reason: format!("more than {MAX_PEOPLE} people would enter over the scenario"),
            });
        }
        let mut daily = daily;
        daily.resize(self.days as usize, 0);
        self.inflows.push(Inflow {
            place,
            nationality,
            daily,
        });
        Ok(self)
    }

    /// The same scenario, with the people of an observed `series` (of days, weeks, months,
    /// quarters or years) of `nationality` entering at `place`, each period's count spread over
    /// its days in whole people: the `k`-th of the `n` days of a period of `N` people gets
    /// `⌊k N / n⌋ − ⌊(k − 1) N / n⌋`, so each period's total is kept exactly. The point value of
    /// each count is used. Periods outside the scenario are ignored.
    ///
    /// # Errors
    /// [`SimError::Inflow`] when a day of the scenario lies in a gap of the series or outside it:
    /// missing is not zero; and as [`Scenario::inflow_daily`].
    pub fn inflow_series(
        self,
        place: impl Into<String>,
        nationality: Nationality,
        series: &FlowSeries,
    ) -> Result<Self> {
        let place = place.into();
        let mut daily: Vec<Option<u64>> = vec![None; self.days as usize];
        for (period, value) in series {
            let (a, b) = (self.day_of(period.start()), self.day_of(period.end()));
            if b < 0 || a >= i64::from(self.days) {
                continue;
            }
            let Some(total) = value else {
                return Err(SimError::Inflow {
                    place,
                    reason: format!("no value for {period} (a gap in the series)"),
                });
            };
            let n = u128::from(period.days());
            let total = u128::from(total);
            for k in 0..n {
                let t = a + k as i64;
                if t >= 0 && t < i64::from(self.days) {
                    daily[t as usize] = Some(((k + 1) * total / n - k * total / n) as u64);
                }
            }
        }
        if let Some(t) = daily.iter().position(Option::is_none) {
            return Err(SimError::Inflow {
                place,
                reason: format!("the series does not cover {}", Period::day(self.date(t as u32))),
            });
        }
        let daily = daily.into_iter().map(|v| v.unwrap_or(0)).collect();
        self.inflow_daily(place, nationality, daily)
    }

    /// The same scenario, with one more event.
    #[must_use]
    pub fn event(mut self, event: Event) -> Self {
        self.events.push(event);
        self
    }

    /// The events, in the order they were added.
    #[must_use]
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The same scenario without its events (a counterfactual without any lever).
    #[must_use]
    pub fn without_events(mut self) -> Self {
        self.events.clear();
        self
    }

    /// The same scenario without the events for which `drop` is true.
    #[must_use]
    pub fn without_events_where(mut self, mut drop: impl FnMut(&Event) -> bool) -> Self {
        self.events.retain(|e| !drop(e));
        self
    }

    /// People entering over the whole scenario before any inflow shock.
    #[must_use]
    pub fn total_inflow(&self) -> u64 {
        // At most `MAX_PEOPLE` (checked as inflows are added); saturating all the same.
        self.inflows
            .iter()
            .flat_map(|i| &i.daily)
            .fold(0u64, |sum, &v| sum.saturating_add(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Count;
    use time::macros::date;

    #[test]
    fn series_is_spread_exactly_and_gaps_are_errors() {
        let s = FlowSeries::new(
            "2021-02".parse().unwrap(),
            vec![Some(Count::exact(1_000)), Some(Count::exact(31)), None],
        )
        .unwrap();
        let sc = Scenario::new(date!(2021 - 02 - 01), 59)
            .unwrap()
            .inflow_series("a", Nationality::Unknown, &s)
            .unwrap();
        let d = &sc.inflows[0].daily;
        assert_eq!(d[..28].iter().sum::<u64>(), 1_000);
        assert!(d[..28].iter().all(|&v| v == 35 || v == 36));
        assert!(d[28..].iter().all(|&v| v == 1));
        let e = Scenario::new(date!(2021 - 02 - 01), 60)
            .unwrap()
            .inflow_series("a", Nationality::Unknown, &s)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "inflow at \"a\": no value for 2021-04 (a gap in the series)"
        );
        let e = Scenario::new(date!(2021 - 01 - 31), 2)
            .unwrap()
            .inflow_series("a", Nationality::Unknown, &s)
            .unwrap_err();
        assert_eq!(e.to_string(), "inflow at \"a\": the series does not cover 2021-01-31");
    }

    #[test]
    fn bad_days() {
        assert!(Scenario::new(date!(2021 - 01 - 01), 0).is_err());
        assert!(Scenario::new(date!(2021 - 01 - 01), MAX_DAYS + 1).is_err());
        assert!(Scenario::new(Date::MAX, 2).is_err());
        let s = Scenario::new(date!(2021 - 01 - 01), 2).unwrap();
        assert!(s.inflow_daily("a", Nationality::Unknown, vec![1, 2, 3]).is_err());
    }
}
