//! Integration tests for `corridor::Period` through the public API.
//!
//! Calendar facts are checked against tests/data/reference/calendar.json, produced by
//! tests/reference-scripts/calendar_reference.py from Python's `datetime` and `calendar`
//! (proleptic Gregorian calendar, ISO 8601 week dates). Tolerance: exact (integers and dates).

use crate::common;
use common::load;

use corridor::{Granularity, Period, PeriodError};
use serde_json::Value;
use time::Date;

fn int(v: &Value) -> i64 {
    v.as_i64().expect("integer")
}

/// A `YYYY-MM-DD` string from the reference, read through the public parser.
fn date(v: &Value) -> Date {
    let p: Period = v.as_str().expect("string").parse().expect("a day");
    assert_eq!(p.granularity(), Some(Granularity::Day));
    p.start()
}

#[test]
fn years_months_quarters_match_python_calendar() {
    let r = load("calendar.json");
    for y in r["years"].as_array().unwrap() {
        let year = int(&y["year"]) as i32;
        let p = Period::year(year).unwrap();
        assert_eq!(i64::from(p.days()), int(&y["days"]), "year {year}");
        for (m, len) in y["months"].as_array().unwrap().iter().enumerate() {
            let month = Period::month(year, m as u8 + 1).unwrap();
            assert_eq!(i64::from(month.days()), int(len), "{month}");
            assert_eq!(month.days_iter().len() as i64, int(len));
        }
        for (q, len) in y["quarters"].as_array().unwrap().iter().enumerate() {
            let quarter = Period::quarter(year, q as u8 + 1).unwrap();
            assert_eq!(i64::from(quarter.days()), int(len), "{quarter}");
        }
        let weeks = int(&y["iso_weeks"]) as u8;
        assert!(Period::iso_week(year, weeks).is_ok(), "{year}-W{weeks}");
        assert!(
            matches!(
                Period::iso_week(year, weeks + 1),
                Err(PeriodError::WeekOutOfRange { .. })
            ),
            "{year}-W{}",
            weeks + 1
        );
    }
}

#[test]
fn iso_weeks_match_python_fromisocalendar() {
    let r = load("calendar.json");
    for w in r["weeks"].as_array().unwrap() {
        let (y, n) = (int(&w["year"]) as i32, int(&w["week"]) as u8);
        let p = Period::iso_week(y, n).unwrap();
        assert_eq!(p.start(), date(&w["start"]), "{p}");
        assert_eq!(p.end(), date(&w["end"]), "{p}");
        assert_eq!(p.days(), 7);
        assert_eq!(p.iso_week_number(), Some((y, n)));
        assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
    }
}

#[test]
fn containing_matches_python_isocalendar() {
    let r = load("calendar.json");
    for d in r["days"].as_array().unwrap() {
        let day = date(&d["date"]);
        let week = Period::containing(day, Granularity::Week);
        assert_eq!(
            week.iso_week_number(),
            Some((int(&d["iso_year"]) as i32, int(&d["iso_week"]) as u8)),
            "{day}"
        );
        assert_eq!(
            i64::from(week.days_iter().position(|x| x == day).unwrap() as u8 + 1),
            int(&d["weekday"])
        );
        let q = Period::containing(day, Granularity::Quarter);
        assert_eq!(i64::from(q.quarter_number().unwrap()), int(&d["quarter"]));
        for g in Granularity::ALL {
            let p = Period::containing(day, g);
            assert!(p.contains(day));
            assert_eq!(p.granularity(), Some(g));
            assert_eq!(Period::day(day).coarsen(g).unwrap(), p);
        }
    }
}

// Known calendar values: Gregorian calendar (2020 leap, 2021 not, 2024-02 has 29 days,
// Q3 = 31 + 31 + 30) and ISO 8601 (2021-W33 = 16–22 August 2021; 2020 has 53 weeks, 2021 has 52).
#[test]
fn known_calendar_values() {
    let p = |s: &str| s.parse::<Period>().unwrap();
    assert_eq!(p("2020").days(), 366);
    assert_eq!(p("2021").days(), 365);
    assert_eq!(p("2024-02").days(), 29);
    assert_eq!(p("2021-Q3").days(), 92);
    assert_eq!(p("2021-W33").to_string(), "2021-W33");
    assert_eq!(p("2021-W33").start().to_string(), "2021-08-16");
    assert_eq!(p("2021-W33").end().to_string(), "2021-08-22");
    assert!("2020-W53".parse::<Period>().is_ok());
    assert!("2021-W53".parse::<Period>().is_err());
}

#[test]
fn text_forms_round_trip_and_normalise() {
    for s in [
        "2021-08-15",
        "2021-W33",
        "2021-08",
        "2021-Q3",
        "2021",
        "2021-08-01..2021-08-31",
        "0000",
        "-0001-12",
    ] {
        assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
    }
    assert_eq!(" 2021-w33 ".parse::<Period>().unwrap().to_string(), "2021-W33");
    assert_eq!("2021-q3".parse::<Period>().unwrap().to_string(), "2021-Q3");
}

#[test]
fn errors_name_the_text() {
    let e = "2021-13".parse::<Period>().unwrap_err();
    assert_eq!(e.to_string(), "invalid period \"2021-13\": month 13 is outside 1..=12");
    let e = Period::quarter(2021, 0).unwrap_err();
    assert_eq!(e.to_string(), "invalid period \"2021-Q0\": quarter 0 is outside 1..=4");
    let e = "2021-08-31..2021-08-01".parse::<Period>().unwrap_err();
    assert!(matches!(e, PeriodError::RangeReversed { .. }));
    let e: corridor::Error = "Aug 2021".parse::<Period>().unwrap_err().into();
    assert!(e.to_string().starts_with("unknown period form \"Aug 2021\""));
}

#[test]
fn a_monthly_axis() {
    let axis: Vec<Period> = Period::month(2021, 1)
        .unwrap()
        .successors_until(Period::month(2023, 12).unwrap())
        .unwrap()
        .collect();
    assert_eq!(axis.len(), 36);
    assert_eq!(axis.iter().map(Period::days).sum::<u32>(), 365 * 3);
    assert!(axis.windows(2).all(|w| w[0] < w[1] && w[0].next() == Some(w[1])));
}

#[cfg(feature = "serde")]
#[test]
fn serde_through_text() {
    let p: Period = "2021-W33".parse().unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"2021-W33\"");
    assert_eq!(serde_json::from_str::<Period>("\"2021-W33\"").unwrap(), p);
    assert!(serde_json::from_str::<Period>("\"2021-W53\"").is_err());
    assert_eq!(serde_json::to_string(&Granularity::Quarter).unwrap(), "\"quarter\"");
    assert_eq!(
        serde_json::from_str::<Granularity>("\"Week\"").unwrap(),
        Granularity::Week
    );
}

#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug + 'static>() {}
    check::<Period>();
    check::<Granularity>();
    check::<PeriodError>();
    check::<corridor::Days>();
    check::<corridor::Periods>();
}
