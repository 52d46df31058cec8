//! Calendar periods: day, ISO week, month, quarter, year, inclusive date range.

use core::cmp::Ordering;
use core::fmt;

use time::{Date, Month, Weekday};

mod granularity;
mod iter;
mod parse;

pub use granularity::Granularity;
pub use iter::{Days, Periods};
pub(crate) use parse::parse_iso_date;

/// The earliest year a [`Period`] can name (that of `time::Date::MIN`).
const MIN_YEAR: i32 = -9999;
/// The latest year a [`Period`] can name (that of `time::Date::MAX`).
const MAX_YEAR: i32 = 9999;

/// Why a period could not be parsed, built or transformed.
///
/// # Examples
/// ```
/// use corridor::{Period, PeriodError};
/// assert!(matches!(Period::month(2021, 13), Err(PeriodError::MonthOutOfRange { month: 13, .. })));
/// assert!(matches!(Period::iso_week(2021, 53), Err(PeriodError::WeekOutOfRange { weeks_in_year: 52, .. })));
/// let err = "August 2021".parse::<Period>().unwrap_err();
/// assert!(matches!(err, PeriodError::UnknownForm { .. }));
/// assert!(err.to_string().starts_with("unknown period form \"August 2021\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The text is not one of the period forms.
    #[error(
        "unknown period form {text:?}: expected a day (2021-08-15), ISO week (2021-W33), month (2021-08), \
         quarter (2021-Q3), year (2021) or range (2021-08-01..2021-08-31)"
    )]
    UnknownForm {
        /// The text that was given.
        text: String,
    },
    /// The year is outside what `time::Date` supports (-9999..=9999).
    #[error("invalid period {text:?}: year {year} is outside -9999..=9999")]
    YearOutOfRange {
        /// The period text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The year.
        year: i32,
    },
    /// The month number is not 1..=12.
    #[error("invalid period {text:?}: month {month} is outside 1..=12")]
    MonthOutOfRange {
        /// The period text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The month number.
        month: u8,
    },
    /// The day does not exist in that month (for example 2021-02-29).
    #[error("invalid period {text:?}: day {day} is outside 1..={days_in_month} for that month")]
    DayOutOfRange {
        /// The period text.
        text: String,
        /// The day of the month.
        day: u8,
        /// The number of days in that month.
        days_in_month: u8,
    },
    /// The ISO week does not exist in that ISO year (week 0, or 53 in a 52-week year).
    #[error("invalid period {text:?}: ISO year {year} has weeks 1..={weeks_in_year}, not week {week}")]
    WeekOutOfRange {
        /// The period text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The ISO year.
        year: i32,
        /// The week number.
        week: u8,
        /// The number of ISO weeks in that year (52 or 53).
        weeks_in_year: u8,
    },
    /// The quarter is not 1..=4.
    #[error("invalid period {text:?}: quarter {quarter} is outside 1..=4")]
    QuarterOutOfRange {
        /// The period text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The quarter number.
        quarter: u8,
    },
    /// An inclusive range ends before it starts.
    #[error("invalid period {text:?}: the range ends on {end} before it starts on {start}")]
    RangeReversed {
        /// The period text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The first day given.
        start: Date,
        /// The last day given.
        end: Date,
    },
    /// The text is not one of `day`, `week`, `month`, `quarter`, `year`.
    #[error("unknown granularity {text:?}: expected day, week, month, quarter or year")]
    UnknownGranularity {
        /// The text that was given.
        text: String,
    },
    /// [`Period::coarsen`] was asked for a granularity finer than the period's own.
    #[error("cannot coarsen {period} to a {granularity}: a {granularity} is finer than the period")]
    Finer {
        /// The period to coarsen.
        period: Period,
        /// The granularity asked for.
        granularity: Granularity,
    },
    /// [`Period::coarsen`]: the period straddles two periods of the granularity asked for.
    #[error("cannot coarsen {period} to a {granularity}: it is not inside a single {granularity}")]
    NotInside {
        /// The period to coarsen.
        period: Period,
        /// The granularity asked for.
        granularity: Granularity,
    },
    /// [`Period::split`]: the period does not start and end on boundaries of the granularity.
    #[error(
        "cannot split {period} into whole periods of a {granularity}: it does not start and end on their boundaries"
    )]
    NotAligned {
        /// The period to split.
        period: Period,
        /// The granularity asked for.
        granularity: Granularity,
    },
    /// [`Period::successors_until`]: `last` is not reached from `first` by [`Period::next`].
    #[error("cannot run from {first} to {last}: {last} is not reached by stepping forward from {first}")]
    Unreachable {
        /// The first period.
        first: Period,
        /// The last period asked for.
        last: Period,
    },
}

/// What a period is, beside its first and last day. Private: the public view is [`Period::granularity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Range,
}

/// A day, ISO week, month, quarter, year or inclusive date range.
///
/// A [`Period`] is a span of whole days over [`time::Date`] (proleptic Gregorian
/// calendar). It knows its exact length (leap years, month lengths), iterates its
/// days, tests containment, coarsens to a wider period, splits into finer ones and
/// steps to its neighbours.
///
/// # Text forms
///
/// | form | example | meaning |
/// |---|---|---|
/// | day | `2021-08-15` | one calendar day |
/// | ISO week | `2021-W33` | Monday to Sunday, numbered as in ISO 8601 (week 1 holds the year's first Thursday) |
/// | month | `2021-08` | a calendar month |
/// | quarter | `2021-Q3` | July to September |
/// | year | `2021` | a calendar year |
/// | range | `2021-08-01..2021-08-31` | an inclusive date range |
///
/// Parsing trims surrounding whitespace and accepts `w`/`q` in either case;
/// [`Display`](fmt::Display) writes the canonical form above, so that
/// `text.parse::<Period>()?.to_string()` gives back the canonical text and
/// `period.to_string().parse()` gives back `period` exactly. A range stays a range:
/// `2021-08-01..2021-08-31` covers the same days as `2021-08` but is a different
/// value and is displayed as a range. Years are written with four digits
/// (`0000`–`9999`, and `-9999`–`-0001` for the rare proleptic years before 0).
///
/// # Calendar limits
///
/// `time::Date` (default features) spans `-9999-01-01..=9999-12-31`. ISO week
/// `9999-W52` starts on Monday 9999-12-27 and would end in year 10000; it is clipped
/// to 9999-12-31 and is the only week with fewer than 7 days. (Week `-9999-W01`
/// starts exactly on `-9999-01-01`, a Monday, because the 400-year Gregorian cycle
/// is a whole number of weeks and 0001-01-01 is a Monday.)
///
/// Values are built validated (constructors return `Result`) or parsed from the
/// text forms described above. Periods order by first
/// day, then last day (then, for equal spans such as `2021-08` and
/// `2021-08-01..2021-08-31`, by kind: calendar units before ranges).
///
/// ```
/// use corridor::{Granularity, Period};
/// let week: Period = "2021-W33".parse()?;
/// assert_eq!(week.to_string(), "2021-W33");
/// assert_eq!(week.days(), 7);
/// let month = week.coarsen(Granularity::Month)?;
/// assert_eq!(month, Period::month(2021, 8)?);
/// assert!(month.contains_period(&week));
/// # Ok::<(), corridor::PeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    start: Date,
    end: Date,
    kind: Kind,
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.start, self.end, self.kind).cmp(&(other.start, other.end, other.kind))
    }
}

/// A reason for failure found without allocating; turned into a [`PeriodError`] with the text at the boundary.
#[derive(Debug, Clone, Copy)]
enum Bad {
    Form,
    Year(i32),
    Month(u8),
    Day { day: u8, max: u8 },
    Week { year: i32, week: u8, max: u8 },
    Quarter(u8),
    Reversed { start: Date, end: Date },
}

impl Bad {
    fn into_error(self, text: String) -> PeriodError {
        match self {
            Bad::Form => PeriodError::UnknownForm { text },
            Bad::Year(year) => PeriodError::YearOutOfRange { text, year },
            Bad::Month(month) => PeriodError::MonthOutOfRange { text, month },
            Bad::Day { day, max } => PeriodError::DayOutOfRange {
                text,
                day,
                days_in_month: max,
            },
            Bad::Week { year, week, max } => PeriodError::WeekOutOfRange {
                text,
                year,
                week,
                weeks_in_year: max,
            },
            Bad::Quarter(quarter) => PeriodError::QuarterOutOfRange { text, quarter },
            Bad::Reversed { start, end } => PeriodError::RangeReversed { text, start, end },
        }
    }
}

/// Writes a year with at least four digits and a leading `-` when negative.
fn write_year(f: &mut impl fmt::Write, year: i32) -> fmt::Result {
    if year < 0 {
        write!(f, "-{:04}", year.unsigned_abs())
    } else {
        write!(f, "{year:04}")
    }
}

/// Writes a date as `YYYY-MM-DD`.
pub(crate) fn write_date(f: &mut impl fmt::Write, date: Date) -> fmt::Result {
    write_year(f, date.year())?;
    write!(f, "-{:02}-{:02}", u8::from(date.month()), date.day())
}

/// The text a constructor's arguments would be written as (for error messages).
fn text_of(year: i32, tail: fmt::Arguments<'_>) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_year(&mut s, year);
    let _ = fmt::Write::write_fmt(&mut s, tail);
    s
}

fn check_year(year: i32) -> Result<(), Bad> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Bad::Year(year))
    }
}

fn month_from(m: u8) -> Result<Month, Bad> {
    Month::try_from(m).map_err(|_| Bad::Month(m))
}

fn jd(date: Date) -> i32 {
    date.to_julian_day()
}

/// A date from a validated year, month and day; never fails for validated input.
fn date_of(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

impl Period {
    /// Builds without validation; callers have checked the year (and week) already.
    fn week_unchecked(year: i32, week: u8) -> Period {
        // Only 9999-W52 runs past the calendar: its end is clipped to Date::MAX (see module docs).
        let start = Date::from_iso_week_date(year, week, Weekday::Monday).unwrap_or(Date::MIN);
        let end = Date::from_iso_week_date(year, week, Weekday::Sunday).unwrap_or(Date::MAX);
        Period {
            start,
            end,
            kind: Kind::Week,
        }
    }

    fn month_unchecked(year: i32, month: Month) -> Period {
        Period {
            start: date_of(year, month, 1),
            end: date_of(year, month, month.length(year)),
            kind: Kind::Month,
        }
    }

    fn quarter_unchecked(year: i32, quarter: u8) -> Period {
        let first = Month::try_from(3 * quarter - 2).unwrap_or(Month::January);
        let last = first.nth_next(2);
        Period {
            start: date_of(year, first, 1),
            end: date_of(year, last, last.length(year)),
            kind: Kind::Quarter,
        }
    }

    fn year_unchecked(year: i32) -> Period {
        Period {
            start: date_of(year, Month::January, 1),
            end: date_of(year, Month::December, 31),
            kind: Kind::Year,
        }
    }

    fn week_inner(year: i32, week: u8) -> Result<Period, Bad> {
        check_year(year)?;
        let max = time::util::weeks_in_year(year);
        if week == 0 || week > max {
            return Err(Bad::Week { year, week, max });
        }
        Ok(Period::week_unchecked(year, week))
    }

    fn month_inner(year: i32, month: u8) -> Result<Period, Bad> {
        check_year(year)?;
        Ok(Period::month_unchecked(year, month_from(month)?))
    }

    fn quarter_inner(year: i32, quarter: u8) -> Result<Period, Bad> {
        check_year(year)?;
        if !(1..=4).contains(&quarter) {
            return Err(Bad::Quarter(quarter));
        }
        Ok(Period::quarter_unchecked(year, quarter))
    }

    fn range_inner(start: Date, end: Date) -> Result<Period, Bad> {
        if end < start {
            return Err(Bad::Reversed { start, end });
        }
        Ok(Period {
            start,
            end,
            kind: Kind::Range,
        })
    }

    /// The single day `date`.
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// let p = Period::day(date!(2021 - 08 - 15));
    /// assert_eq!(p.to_string(), "2021-08-15");
    /// assert_eq!(p.days(), 1);
    /// ```
    #[must_use]
    pub const fn day(date: Date) -> Period {
        Period {
            start: date,
            end: date,
            kind: Kind::Day,
        }
    }

    /// ISO 8601 week `week` of ISO year `year` (Monday to Sunday).
    ///
    /// ISO week 1 is the week holding the year's first Thursday, so a week may
    /// start in the previous calendar year (2026-W01 starts on 2025-12-29), and
    /// only years starting on a Thursday (or leap years starting on a Wednesday)
    /// have a week 53.
    ///
    /// # Errors
    ///
    /// [`PeriodError::YearOutOfRange`] outside -9999..=9999;
    /// [`PeriodError::WeekOutOfRange`] for week 0 or a week the ISO year lacks (53 in a 52-week year).
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// let w = Period::iso_week(2021, 33)?;
    /// assert_eq!((w.start(), w.end()), (date!(2021 - 08 - 16), date!(2021 - 08 - 22)));
    /// assert!(Period::iso_week(2020, 53).is_ok());
    /// assert!(Period::iso_week(2021, 53).is_err());
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn iso_week(year: i32, week: u8) -> Result<Period, PeriodError> {
        Period::week_inner(year, week).map_err(|b| b.into_error(text_of(year, format_args!("-W{week:02}"))))
    }

    /// Calendar month `month` (1 = January) of `year`.
    ///
    /// # Errors
    ///
    /// [`PeriodError::YearOutOfRange`] outside -9999..=9999; [`PeriodError::MonthOutOfRange`] outside 1..=12.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::month(2024, 2)?.days(), 29);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn month(year: i32, month: u8) -> Result<Period, PeriodError> {
        Period::month_inner(year, month).map_err(|b| b.into_error(text_of(year, format_args!("-{month:02}"))))
    }

    /// Calendar quarter `quarter` (1..=4) of `year`.
    ///
    /// # Errors
    ///
    /// [`PeriodError::YearOutOfRange`] outside -9999..=9999; [`PeriodError::QuarterOutOfRange`] outside 1..=4.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::quarter(2021, 3)?.days(), 92);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn quarter(year: i32, quarter: u8) -> Result<Period, PeriodError> {
        Period::quarter_inner(year, quarter).map_err(|b| b.into_error(text_of(year, format_args!("-Q{quarter}"))))
    }

    /// Calendar year `year`.
    ///
    /// # Errors
    ///
    /// [`PeriodError::YearOutOfRange`] outside -9999..=9999 (the years `time::Date` supports).
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::year(2020)?.days(), 366);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn year(year: i32) -> Result<Period, PeriodError> {
        check_year(year)
            .map(|()| Period::year_unchecked(year))
            .map_err(|b| b.into_error(text_of(year, format_args!(""))))
    }

    /// The inclusive range `start..=end`.
    ///
    /// A range stays a range even when it covers exactly a calendar unit:
    /// `granularity()` is `None` and it is displayed as `start..end`.
    ///
    /// # Errors
    ///
    /// [`PeriodError::RangeReversed`] when `end < start`.
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// let r = Period::range(date!(2021 - 08 - 01), date!(2021 - 08 - 31))?;
    /// assert_eq!(r.to_string(), "2021-08-01..2021-08-31");
    /// assert_ne!(r, Period::month(2021, 8)?);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn range(start: Date, end: Date) -> Result<Period, PeriodError> {
        Period::range_inner(start, end).map_err(|b| {
            let mut s = String::new();
            let _ = write_date(&mut s, start);
            s.push_str("..");
            let _ = write_date(&mut s, end);
            b.into_error(s)
        })
    }

    /// The first day.
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// assert_eq!(Period::quarter(2021, 3)?.start(), date!(2021 - 07 - 01));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub const fn start(&self) -> Date {
        self.start
    }

    /// The last day (inclusive).
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// assert_eq!(Period::quarter(2021, 3)?.end(), date!(2021 - 09 - 30));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub const fn end(&self) -> Date {
        self.end
    }

    /// Whether this is an inclusive date range rather than a calendar unit.
    ///
    /// ```
    /// use corridor::Period;
    /// assert!("2021-08-01..2021-08-03".parse::<Period>()?.is_range());
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub const fn is_range(&self) -> bool {
        matches!(self.kind, Kind::Range)
    }

    /// The exact number of days, first and last included.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::year(2021)?.days(), 365);
    /// assert_eq!(Period::month(2024, 2)?.days(), 29);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn days(&self) -> u32 {
        (jd(self.end) - jd(self.start) + 1).unsigned_abs()
    }

    /// The calendar year of the first day.
    ///
    /// For an ISO week this can differ from its ISO year (see [`Period::iso_week_number`]):
    /// `2026-W01` starts on 2025-12-29, so its `year()` is 2025.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!("2021-08".parse::<Period>()?.year_of_start(), 2021);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub const fn year_of_start(&self) -> i32 {
        self.start.year()
    }

    /// The month number (1..=12) of a month period; `None` for other periods.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::month(2021, 8)?.month_number(), Some(8));
    /// assert_eq!(Period::year(2021)?.month_number(), None);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn month_number(&self) -> Option<u8> {
        matches!(self.kind, Kind::Month).then(|| u8::from(self.start.month()))
    }

    /// The quarter number (1..=4) of a quarter period; `None` for other periods.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!(Period::quarter(2021, 3)?.quarter_number(), Some(3));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn quarter_number(&self) -> Option<u8> {
        matches!(self.kind, Kind::Quarter).then(|| (u8::from(self.start.month()) - 1) / 3 + 1)
    }

    /// The ISO year and week number of a week period; `None` for other periods.
    ///
    /// ```
    /// use corridor::Period;
    /// assert_eq!("2026-W01".parse::<Period>()?.iso_week_number(), Some((2026, 1)));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn iso_week_number(&self) -> Option<(i32, u8)> {
        matches!(self.kind, Kind::Week).then(|| {
            let (y, w, _) = self.start.to_iso_week_date();
            (y, w)
        })
    }

    /// Whether `date` falls in this period.
    ///
    /// ```
    /// use corridor::Period;
    /// use time::macros::date;
    /// assert!(Period::month(2021, 8)?.contains(date!(2021 - 08 - 31)));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether every day of `other` falls in this period.
    ///
    /// ```
    /// use corridor::Period;
    /// let q3 = Period::quarter(2021, 3)?;
    /// assert!(q3.contains_period(&Period::iso_week(2021, 33)?));
    /// assert!(!q3.contains_period(&Period::year(2021)?));
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn contains_period(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Day => write_date(f, self.start),
            Kind::Week => {
                let (y, w, _) = self.start.to_iso_week_date();
                write_year(f, y)?;
                write!(f, "-W{w:02}")
            }
            Kind::Month => {
                write_year(f, self.start.year())?;
                write!(f, "-{:02}", u8::from(self.start.month()))
            }
            Kind::Quarter => {
                write_year(f, self.start.year())?;
                write!(f, "-Q{}", (u8::from(self.start.month()) - 1) / 3 + 1)
            }
            Kind::Year => write_year(f, self.start.year()),
            Kind::Range => {
                write_date(f, self.start)?;
                f.write_str("..")?;
                write_date(f, self.end)
            }
        }
    }
}

/// A serde visitor for types that deserialise through [`FromStr`](core::str::FromStr) (shared by the vocabulary types).
#[cfg(feature = "serde")]
pub(crate) struct FromStrVisitor<T>(pub(crate) core::marker::PhantomData<T>, pub(crate) &'static str);

#[cfg(feature = "serde")]
impl<T> serde::de::Visitor<'_> for FromStrVisitor<T>
where
    T: core::str::FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(FromStrVisitor(
            core::marker::PhantomData,
            "a period such as 2021-08 or 2021-W33",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    // Known lengths from the Gregorian calendar: 2020 is a leap year (divisible by 4, not by 100).
    #[test]
    fn known_lengths() {
        assert_eq!(p("2020").days(), 366);
        assert_eq!(p("2021").days(), 365);
        assert_eq!(p("2024-02").days(), 29);
        assert_eq!(p("2100-02").days(), 28); // century, not divisible by 400
        assert_eq!(p("2000-02").days(), 29); // divisible by 400
        assert_eq!(p("2021-Q3").days(), 92); // July 31 + August 31 + September 30
        assert_eq!(p("2021-Q1").days(), 90);
        assert_eq!(p("2021-W33").days(), 7);
    }

    // ISO 8601 week dates: 2021-W33 is Monday 16 to Sunday 22 August 2021; 2020 has 53 weeks
    // (it starts on a Wednesday and is a leap year), 2021 has 52 (it starts on a Friday).
    #[test]
    fn iso_weeks() {
        let w = p("2021-W33");
        assert_eq!((w.start(), w.end()), (date!(2021 - 08 - 16), date!(2021 - 08 - 22)));
        assert_eq!(p("2020-W53").start(), date!(2020 - 12 - 28));
        assert!(matches!(
            "2021-W53".parse::<Period>(),
            Err(PeriodError::WeekOutOfRange {
                week: 53,
                weeks_in_year: 52,
                ..
            })
        ));
        assert_eq!(p("2026-w01").start(), date!(2025 - 12 - 29));
        assert_eq!(p("2026-W01").year_of_start(), 2025);
    }

    #[test]
    fn calendar_edges() {
        let last = Period::containing(Date::MAX, Granularity::Week);
        assert_eq!(last.to_string(), "9999-W52");
        assert_eq!(last.days(), 5);
        assert_eq!(last.next(), None);
        assert_eq!(p("9999-W52"), last);
        let first = Period::containing(Date::MIN, Granularity::Week);
        assert_eq!(first.start(), Date::MIN);
        assert_eq!(first.days(), 7);
        assert_eq!(first.previous(), None);
        assert_eq!(p("-9999").start(), Date::MIN);
        assert_eq!(Period::day(Date::MAX).next(), None);
        assert_eq!(Period::range(Date::MIN, Date::MIN).unwrap().previous(), None);
    }

    #[test]
    fn every_error_variant() {
        let e = |s: &str| s.parse::<Period>().unwrap_err();
        assert!(matches!(e("2021/08"), PeriodError::UnknownForm { .. }));
        assert!(matches!(e(""), PeriodError::UnknownForm { .. }));
        assert!(matches!(e("21-08"), PeriodError::UnknownForm { .. }));
        assert!(matches!(e("2021-W3"), PeriodError::UnknownForm { .. }));
        assert!(matches!(e("2021-13"), PeriodError::MonthOutOfRange { month: 13, .. }));
        assert!(matches!(e("2021-00-01"), PeriodError::MonthOutOfRange { month: 0, .. }));
        assert!(matches!(
            e("2021-02-29"),
            PeriodError::DayOutOfRange {
                day: 29,
                days_in_month: 28,
                ..
            }
        ));
        assert!(matches!(e("2021-W00"), PeriodError::WeekOutOfRange { week: 0, .. }));
        assert!(matches!(
            e("2021-Q5"),
            PeriodError::QuarterOutOfRange { quarter: 5, .. }
        ));
        assert!(matches!(e("2021-08-31..2021-08-01"), PeriodError::RangeReversed { .. }));
        assert!(matches!(
            Period::year(10000),
            Err(PeriodError::YearOutOfRange { year: 10000, .. })
        ));
        assert!(matches!(
            Period::month(-10000, 1),
            Err(PeriodError::YearOutOfRange { .. })
        ));
        assert!(matches!(
            "fortnight".parse::<Granularity>(),
            Err(PeriodError::UnknownGranularity { .. })
        ));
        assert!(matches!(
            p("2021-08").coarsen(Granularity::Week),
            Err(PeriodError::Finer { .. })
        ));
        assert!(matches!(
            p("2021-W35").coarsen(Granularity::Month),
            Err(PeriodError::NotInside { .. })
        ));
        assert!(matches!(
            p("2021-08").split(Granularity::Week),
            Err(PeriodError::NotAligned { .. })
        ));
        assert!(matches!(
            p("2021-08").successors_until(p("2021-Q3")),
            Err(PeriodError::Unreachable { .. })
        ));
    }

    #[test]
    fn error_messages_name_the_text() {
        let msg = "2021-02-29".parse::<Period>().unwrap_err().to_string();
        assert_eq!(
            msg,
            "invalid period \"2021-02-29\": day 29 is outside 1..=28 for that month"
        );
        let msg = Period::iso_week(2021, 53).unwrap_err().to_string();
        assert_eq!(
            msg,
            "invalid period \"2021-W53\": ISO year 2021 has weeks 1..=52, not week 53"
        );
    }

    #[test]
    fn range_stays_range() {
        let r = p(" 2021-08-01 .. 2021-08-31 ");
        assert_eq!(r.to_string(), "2021-08-01..2021-08-31");
        assert_eq!(r.granularity(), None);
        assert_ne!(r, p("2021-08"));
        assert!(p("2021-08") < r);
        assert_eq!(r.coarsen(Granularity::Month).unwrap(), p("2021-08"));
        assert_eq!(r.split(Granularity::Week).map(|s| s.len()).ok(), None);
        assert_eq!(p("2021-08-01..2021-08-03").split(Granularity::Day).unwrap().len(), 3);
    }

    #[test]
    fn series_and_split() {
        let mut it = p("2021-W52").successors_until(p("2022-W02")).unwrap();
        assert_eq!(it.len(), 3);
        assert_eq!(it.next_back(), Some(p("2022-W02")));
        assert_eq!(it.collect::<Vec<_>>(), vec![p("2021-W52"), p("2022-W01")]);
        assert_eq!(p("2021").split(Granularity::Month).unwrap().len(), 12);
        assert_eq!(p("2021").split(Granularity::Day).unwrap().len(), 365);
        assert_eq!(
            p("2020-Q1").split(Granularity::Month).unwrap().nth(1),
            Some(p("2020-02"))
        );
        let r = p("2021-01-01..2021-01-10");
        assert_eq!(r.successors_until(p("2021-01-21..2021-01-30")).unwrap().len(), 3);
        assert!(r.successors_until(p("2021-01-22..2021-01-31")).is_err());
        assert!(p("2021-05").successors_until(p("2021-04")).is_err());
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (jd(Date::MIN)..=jd(Date::MAX)).prop_map(|j| Date::from_julian_day(j).unwrap())
    }

    fn any_period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (any_date(), 0usize..5).prop_map(|(d, g)| Period::containing(d, Granularity::ALL[g])),
            (any_date(), any_date()).prop_map(|(a, b)| Period::range(a.min(b), a.max(b)).unwrap()),
            (any_date(), 0i32..400).prop_map(|(a, n)| {
                let b = Date::from_julian_day((jd(a) + n).min(jd(Date::MAX))).unwrap();
                Period::range(a, b).unwrap()
            }),
        ]
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(per in any_period()) {
            let text = per.to_string();
            prop_assert_eq!(text.parse::<Period>().unwrap(), per);
        }

        #[test]
        fn days_matches_iterator(per in any_period()) {
            prop_assume!(per.days() < 20_000);
            prop_assert_eq!(per.days() as usize, per.days_iter().count());
            prop_assert_eq!(per.days_iter().len(), per.days() as usize);
            prop_assert_eq!(per.days_iter().next(), Some(per.start()));
            prop_assert_eq!(per.days_iter().next_back(), Some(per.end()));
        }

        #[test]
        fn coarsen_contains_self(per in any_period(), g in 0usize..5) {
            if let Ok(c) = per.coarsen(Granularity::ALL[g]) {
                prop_assert!(c.contains_period(&per));
                prop_assert_eq!(c.granularity(), Some(Granularity::ALL[g]));
            }
        }

        #[test]
        fn next_previous_inverse(per in any_period()) {
            if let Some(n) = per.next() {
                prop_assert_eq!(n.previous(), Some(per));
                prop_assert_eq!(jd(n.start()), jd(per.end()) + 1);
            }
        }

        #[test]
        fn split_covers_exactly(d in any_date(), g in 1usize..5, h in 0usize..4) {
            let per = Period::containing(d, Granularity::ALL[g]);
            if let Ok(parts) = per.split(Granularity::ALL[h]) {
                let parts: Vec<Period> = parts.collect();
                prop_assert_eq!(parts.first().map(Period::start), Some(per.start()));
                prop_assert_eq!(parts.last().map(Period::end), Some(per.end()));
                prop_assert_eq!(parts.iter().map(Period::days).sum::<u32>(), per.days());
            }
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = s.parse::<Period>();
        }

        #[test]
        fn parse_never_panics_near_forms(s in "-?[0-9]{4}(-[WwQq0-9][0-9]{0,2}(-[0-9]{2})?)?(\\.\\.[0-9-]{0,12})?") {
            let _ = s.parse::<Period>();
        }
    }
}
