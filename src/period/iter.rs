//! Iteration: the days of a period, its neighbours, and runs of consecutive periods.

use core::iter::FusedIterator;

use time::Date;

use super::{Granularity, Kind, Period, PeriodError, jd};

impl Period {
    /// The days of the period, in order.
    ///
    /// ```
    /// use corridor::Period;
    /// let p = Period::iso_week(2021, 33)?;
    /// assert_eq!(p.days_iter().len(), 7);
    /// assert_eq!(p.days_iter().next_back(), Some(p.end()));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn days_iter(&self) -> Days {
        Days {
            front: jd(self.start),
            back: jd(self.end),
        }
    }

    /// The following period of the same kind; `None` past the end of the calendar.
    ///
    /// For a range, the adjacent range of the same length that starts the day after this one ends.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::month(2021, 12)?.next(), Some(Period::month(2022, 1)?));
    /// assert_eq!(Period::year(9999)?.next(), None);
    /// let r: Period = "2021-08-01..2021-08-10".parse()?;
    /// assert_eq!(r.next().map(|p| p.to_string()).as_deref(), Some("2021-08-11..2021-08-20"));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn next(&self) -> Option<Period> {
        let first = self.end.next_day()?;
        if let Some(g) = self.granularity() {
            return Some(Period::containing(first, g));
        }
        let last = Date::from_julian_day(jd(self.end).checked_add(self.days().cast_signed())?).ok()?;
        Some(Period {
            start: first,
            end: last,
            kind: Kind::Range,
        })
    }

    /// The preceding period of the same kind; `None` before the start of the calendar.
    ///
    /// For a range, the adjacent range of the same length that ends the day before this one starts.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::iso_week(2021, 1)?.previous(), Some(Period::iso_week(2020, 53)?));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn previous(&self) -> Option<Period> {
        let last = self.start.previous_day()?;
        if let Some(g) = self.granularity() {
            return Some(Period::containing(last, g));
        }
        let first = Date::from_julian_day(jd(self.start).checked_sub(self.days().cast_signed())?).ok()?;
        Some(Period {
            start: first,
            end: last,
            kind: Kind::Range,
        })
    }

    /// The consecutive periods from `self` to `last`, both included, as [`Period::next`] steps.
    ///
    /// This is the time axis of a regular series (`2021-01` … `2021-12`).
    ///
    /// # Errors
    ///
    /// [`PeriodError::Unreachable`] when `last` has another kind, starts before `self`, or (for
    /// ranges) has another length or is not a whole number of steps away.
    ///
    /// ```
    /// use corridor::Period;
    /// let months: Vec<String> = Period::month(2021, 11)?
    ///     .successors_until(Period::month(2022, 2)?)?
    ///     .map(|p| p.to_string())
    ///     .collect();
    /// assert_eq!(months, ["2021-11", "2021-12", "2022-01", "2022-02"]);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn successors_until(self, last: Period) -> Result<Periods, PeriodError> {
        let err = || PeriodError::Unreachable { first: self, last };
        if self.kind != last.kind || last.start < self.start {
            return Err(err());
        }
        let day_gap = jd(last.start) - jd(self.start);
        let month_index = |d: Date| i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1;
        let steps: i64 = match self.kind {
            Kind::Day => i64::from(day_gap),
            Kind::Week => i64::from(day_gap / 7),
            Kind::Month => month_index(last.start) - month_index(self.start),
            Kind::Quarter => (month_index(last.start) - month_index(self.start)) / 3,
            Kind::Year => i64::from(last.start.year() - self.start.year()),
            Kind::Range => {
                let len = self.days().cast_signed();
                if last.days().cast_signed() != len || day_gap % len != 0 {
                    return Err(err());
                }
                i64::from(day_gap / len)
            }
        };
        Ok(Periods {
            front: self,
            back: last,
            remaining: usize::try_from(steps + 1).unwrap_or(0),
        })
    }

    /// The periods of granularity `g` that exactly cover this period, in order.
    ///
    /// The period must start on the first day and end on the last day of a
    /// period of granularity `g`; weeks that would stick out are not clipped.
    /// (For the ISO weeks overlapping a month, use
    /// `Period::containing(m.start(), Week).successors_until(Period::containing(m.end(), Week))`.)
    ///
    /// # Errors
    ///
    /// [`PeriodError::NotAligned`] when the period does not start and end on boundaries of `g`
    /// (including when `g` is coarser than the period, such as a month split into years).
    ///
    /// ```
    /// use corridor::{Granularity, Period};
    /// let q: Vec<Period> = Period::year(2021)?.split(Granularity::Quarter)?.collect();
    /// assert_eq!(q.len(), 4);
    /// assert_eq!(Period::month(2021, 2)?.split(Granularity::Week)?.len(), 4); // 2021-02-01 is a Monday
    /// assert!(Period::month(2021, 8)?.split(Granularity::Week).is_err());
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn split(&self, g: Granularity) -> Result<Periods, PeriodError> {
        let first = Period::containing(self.start, g);
        let last = Period::containing(self.end, g);
        if first.start != self.start || last.end != self.end {
            return Err(PeriodError::NotAligned {
                period: *self,
                granularity: g,
            });
        }
        first.successors_until(last)
    }
}

/// The days of a [`Period`], from [`Period::days_iter`].
///
/// # Examples
/// ```
/// use corridor::Period;
/// // February 2024 has 29 days (a leap year).
/// let feb = Period::month(2024, 2)?;
/// let days: Vec<_> = feb.days_iter().collect();
/// assert_eq!(days.len(), 29);
/// assert_eq!((days[0], days[28]), (feb.start(), feb.end()));
/// # Ok::<(), corridor::PeriodError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Days {
    /// Julian day of the next day from the front.
    front: i32,
    /// Julian day of the next day from the back; empty when `front > back`.
    back: i32,
}

impl Iterator for Days {
    type Item = Date;

    fn next(&mut self) -> Option<Date> {
        if self.front > self.back {
            return None;
        }
        let d = Date::from_julian_day(self.front).ok();
        self.front += 1;
        d
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(i64::from(self.back) - i64::from(self.front) + 1).unwrap_or(0);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Days {
    fn next_back(&mut self) -> Option<Date> {
        if self.front > self.back {
            return None;
        }
        let d = Date::from_julian_day(self.back).ok();
        self.back -= 1;
        d
    }
}

impl ExactSizeIterator for Days {}
impl FusedIterator for Days {}

/// A run of consecutive periods of one kind, from [`Period::successors_until`] or [`Period::split`].
///
/// # Examples
/// ```
/// use corridor::{Granularity, Period};
/// let quarters = Period::year(2021)?.split(Granularity::Quarter)?;
/// assert_eq!(quarters.len(), 4);
/// let names: Vec<String> = quarters.rev().map(|q| q.to_string()).collect();
/// assert_eq!(names, ["2021-Q4", "2021-Q3", "2021-Q2", "2021-Q1"]);
/// # Ok::<(), corridor::PeriodError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Periods {
    front: Period,
    back: Period,
    remaining: usize,
}

impl Iterator for Periods {
    type Item = Period;

    fn next(&mut self) -> Option<Period> {
        if self.remaining == 0 {
            return None;
        }
        let p = self.front;
        self.remaining -= 1;
        if self.remaining > 0 {
            if let Some(n) = p.next() {
                self.front = n;
            } else {
                self.remaining = 0;
            }
        }
        Some(p)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl DoubleEndedIterator for Periods {
    fn next_back(&mut self) -> Option<Period> {
        if self.remaining == 0 {
            return None;
        }
        let p = self.back;
        self.remaining -= 1;
        if self.remaining > 0 {
            if let Some(n) = p.previous() {
                self.back = n;
            } else {
                self.remaining = 0;
            }
        }
        Some(p)
    }
}

impl ExactSizeIterator for Periods {}
impl FusedIterator for Periods {}
