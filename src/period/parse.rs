//! Parsing the text forms of a period and of a date, without allocating unless the text is invalid.

use core::str::FromStr;

use time::Date;

use super::{Bad, Period, PeriodError, check_year, date_of, month_from};

fn digit(b: u8) -> Result<u8, Bad> {
    if b.is_ascii_digit() {
        Ok(b - b'0')
    } else {
        Err(Bad::Form)
    }
}

fn two(a: u8, b: u8) -> Result<u8, Bad> {
    Ok(digit(a)? * 10 + digit(b)?)
}

/// An optional `-` and exactly four digits, then the rest.
fn parse_year(b: &[u8]) -> Result<(i32, &[u8]), Bad> {
    let (negative, b) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    match b {
        [a, c, d, e, rest @ ..] => {
            let y = i32::from(two(*a, *c)?) * 100 + i32::from(two(*d, *e)?);
            Ok((if negative { -y } else { y }, rest))
        }
        _ => Err(Bad::Form),
    }
}

fn day_inner(year: i32, month: u8, day: u8) -> Result<Date, Bad> {
    check_year(year)?;
    let m = month_from(month)?;
    let max = m.length(year);
    if day == 0 || day > max {
        return Err(Bad::Day { day, max });
    }
    Ok(date_of(year, m, day))
}

/// `YYYY-MM-DD` (with an optional leading `-`), nothing else.
fn parse_date(b: &[u8]) -> Result<Date, Bad> {
    let (year, rest) = parse_year(b)?;
    match rest {
        [b'-', a, c, b'-', d, e] => day_inner(year, two(*a, *c)?, two(*d, *e)?),
        _ => Err(Bad::Form),
    }
}

/// Parses a date in the `YYYY-MM-DD` form written by [`write_date`](super::write_date) (used by serde for `Source` and by
/// `read_graphml`).
pub(crate) fn parse_iso_date(s: &str) -> Result<Date, PeriodError> {
    parse_date(s.trim().as_bytes()).map_err(|b| b.into_error(s.to_owned()))
}

fn parse(b: &[u8]) -> Result<Period, Bad> {
    if let Some(i) = b.windows(2).position(|w| w == b"..") {
        let start = parse_date(b[..i].trim_ascii())?;
        let end = parse_date(b[i + 2..].trim_ascii())?;
        return Period::range_inner(start, end);
    }
    let (year, rest) = parse_year(b)?;
    match rest {
        [] => {
            check_year(year)?;
            Ok(Period::year_unchecked(year))
        }
        [b'-', b'W' | b'w', a, c] => Period::week_inner(year, two(*a, *c)?),
        [b'-', b'Q' | b'q', a] => Period::quarter_inner(year, digit(*a)?),
        [b'-', a, c] => Period::month_inner(year, two(*a, *c)?),
        [b'-', a, c, b'-', d, e] => day_inner(year, two(*a, *c)?, two(*d, *e)?).map(Period::day),
        _ => Err(Bad::Form),
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Parses one of the text forms listed on [`Period`].
    ///
    /// Does not allocate unless the text is invalid.
    ///
    /// # Errors
    ///
    /// [`PeriodError::UnknownForm`] for text in none of the forms; the out-of-range variants
    /// ([`PeriodError::MonthOutOfRange`], [`PeriodError::DayOutOfRange`],
    /// [`PeriodError::WeekOutOfRange`], [`PeriodError::QuarterOutOfRange`]) and
    /// [`PeriodError::RangeReversed`] for well-formed text naming no period.
    fn from_str(s: &str) -> Result<Self, PeriodError> {
        parse(s.trim().as_bytes()).map_err(|b| b.into_error(s.to_owned()))
    }
}
