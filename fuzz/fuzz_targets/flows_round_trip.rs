//! Fuzzes write → read round trips of flow tables: a table built from arbitrary records
//! (any text in place names, sources and group labels; every count form; every optional
//! attribute), written as plain CSV or HXL, must read back equal, with the same sources
//! and nationalities in the same order, and its groups listed in the report. Text that no
//! constructor accepts (a blank place, a source without publisher, a group label that is
//! a country) is left out of the record, never written.
#![no_main]

use corridor::flow::{AgeGroup, Direction, FlowRecord, FlowTable, Location, LocationKind, Nationality, Sex};
use corridor::io::{Header, ReadOptions, read_flows_csv_with, write_flows_csv};
use corridor::{Count, Country, Period, Source};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    // Mostly short strings with the characters that matter to CSV and to trimming.
    if u.ratio(1, 4)? {
        return u.arbitrary();
    }
    let alphabet = ['a', 'B', ' ', ',', ';', '"', '\r', '\n', '\t', '\u{1f}', 'é', '\u{301}', '\u{3000}', '#', '+'];
    let n = u.int_in_range(0..=12)?;
    (0..n).map(|_| u.choose(&alphabet).copied()).collect()
}

fn period(u: &mut Unstructured<'_>) -> Result<Option<Period>> {
    let y = u.int_in_range(1990..=2030)?;
    Ok(match u.int_in_range(0..=4)? {
        0 => Period::year(y).ok(),
        1 => Period::month(y, u.int_in_range(1..=12)?).ok(),
        2 => Period::quarter(y, u.int_in_range(1..=4)?).ok(),
        3 => time::Month::try_from(u.int_in_range(1..=12)?)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(y, m, u.int_in_range(1..=28).ok()?).ok())
            .map(Period::day),
        _ => Period::iso_week(y, u.int_in_range(1..=52)?).ok(),
    })
}

fn count(u: &mut Unstructured<'_>) -> Result<Count> {
    let n: u64 = u.arbitrary()?;
    let m: u64 = u.arbitrary()?;
    Ok(match u.int_in_range(0..=4)? {
        0 => Count::exact(n),
        1 => Count::at_least(n),
        2 => Count::at_most(n),
        3 => Count::about(n),
        _ => Count::between(n.min(m), n.max(m)).unwrap_or(Count::exact(n)),
    })
}

fn record(u: &mut Unstructured<'_>) -> Result<Option<FlowRecord>> {
    let Some(p) = period(u)? else { return Ok(None) };
    let mut r = FlowRecord::new(p, count(u)?);
    match u.int_in_range(0..=4)? {
        0 => {}
        1 => r = r.nationality(Nationality::Country(*u.choose(&[Country::VEN, Country::HTI, Country::XKX, Country::CIV])?)),
        2 => r = r.nationality(Nationality::Other),
        3 => r = r.nationality(Nationality::Unknown),
        _ => {
            if let Ok(g) = Nationality::group(text(u)?) {
                r = r.nationality(g);
            }
        }
    }
    if u.arbitrary()? {
        if let Ok(mut l) = Location::new(text(u)?) {
            if u.arbitrary()? {
                l = l.in_country(Country::PAN);
            }
            l = l.kind(*u.choose(&LocationKind::ALL)?);
            r = r.location(l);
        }
    }
    if u.arbitrary()? {
        if let Ok(mut s) = Source::new(text(u)?, text(u)?) {
            if u.arbitrary()? {
                s = s.date(time::Date::from_calendar_date(2022, time::Month::March, u.int_in_range(1..=31)?).unwrap());
            }
            s = s.address(text(u)?).note(text(u)?);
            r = r.source(s);
        }
    }
    if u.arbitrary()? {
        r = r.direction(*u.choose(&Direction::ALL)?);
    }
    if u.arbitrary()? {
        r = r.sex(*u.choose(&Sex::ALL)?);
    }
    if u.arbitrary()? {
        r = r.age(*u.choose(&AgeGroup::ALL)?);
    }
    Ok(Some(r))
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut table = FlowTable::new();
    while !u.is_empty() {
        match record(&mut u) {
            Ok(Some(r)) => table.push(r),
            Ok(None) => {}
            Err(_) => break,
        }
    }
    let groups: Vec<_> = table
        .nationalities()
        .iter()
        .filter(|n| matches!(n, Nationality::Group(_)))
        .cloned()
        .collect();
    for header in [Header::Plain, Header::Hxl] {
        let mut out = Vec::new();
        write_flows_csv(&table, &mut out, header).expect("writing to a Vec cannot fail");
        let report = read_flows_csv_with(out.as_slice(), &ReadOptions::new().accept_new_groups(true))
            .unwrap_or_else(|e| panic!("written table reads back: {e}\n{}", String::from_utf8_lossy(&out)));
        let back = report.table();
        assert_eq!(back.sources(), table.sources());
        assert_eq!(back.nationalities(), table.nationalities());
        assert_eq!(back.locations(), table.locations());
        let listed: Vec<_> = report.groups().iter().cloned().map(Nationality::Group).collect();
        assert_eq!(listed, groups);
        assert_eq!(back, &table);
    }
});
