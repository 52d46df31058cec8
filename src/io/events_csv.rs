//! Cooperation events (GDELT / ICEWS-like) from and to CSV.

use std::io::{Read, Write};
use std::ops::ControlFlow;

use time::{Date, Month};

use super::ReadError;
use super::chunks::{Chunk, Input, OwnedRec, Rec, Splitter};
use super::flows_csv::{CHUNK, CommonRead, ReadMode, bad, common_read_setters, first_record, shift_line, unclosed};
use crate::Country;
use crate::partner::{CameoCode, CooperationEvents, EventColumns};

/// Options of [`read_cooperation_events_with`].
///
/// ```
/// use corridor::io::{read_cooperation_events_with, EventReadOptions, ReadMode};
///
/// let csv = "date,cameo,actor1,actor2,count,url\n\
///            2021-08-11,036,PAN,COL,2,https://example.org/a\n\
///            2021-08-12,036,PAN,ZZZ,1,https://example.org/b\n";
/// let options = EventReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true);
/// let report = read_cooperation_events_with(csv.as_bytes(), &options)?;
/// assert_eq!(report.events().len(), 1);
/// assert_eq!(report.errors()[0].to_string(), "line 3, column 4: unknown country code: \"ZZZ\"");
/// assert_eq!(report.ignored_columns(), ["url"]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventReadOptions {
    common: CommonRead,
    chunk: Option<usize>,
    serial: bool,
}

impl EventReadOptions {
    /// Strict mode, unknown columns are errors, comma-separated.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    common_read_setters! {
        errors: "[`EventReadReport::errors`]",
        ignored: "[`EventReadReport::ignored_columns`] (GDELT has 58 columns)",
        delimiter: "; GDELT's exports use a tab, `b'\\t'`",
    }
}

/// What [`read_cooperation_events_with`] read: the events, the skipped columns and (in lenient mode)
/// the errors of the rows left out.
///
/// # Examples
/// ```
/// use corridor::io::{read_cooperation_events_with, EventReadOptions, ReadMode};
/// let csv = "date,cameo,actor1,actor2,count\n2021-08-11,036,PAN,COL,2\n2021-08-12,036,PAN,COL,x\n";
/// let report = read_cooperation_events_with(csv.as_bytes(), &EventReadOptions::new().mode(ReadMode::Lenient))?;
/// assert_eq!((report.events().len(), report.errors().len()), (1, 1));
/// assert!(report.ignored_columns().is_empty());
/// assert_eq!(report.into_events().len(), 1);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug)]
pub struct EventReadReport {
    events: CooperationEvents,
    errors: Vec<crate::Error>,
    ignored: Vec<String>,
}

impl EventReadReport {
    /// The events read.
    #[must_use]
    pub fn events(&self) -> &CooperationEvents {
        &self.events
    }

    /// The events read, by value.
    #[must_use]
    pub fn into_events(self) -> CooperationEvents {
        self.events
    }

    /// One error per row left out, in file order (lenient mode only; empty in strict mode).
    #[must_use]
    pub fn errors(&self) -> &[crate::Error] {
        &self.errors
    }

    /// Headers of the columns skipped by [`EventReadOptions::ignore_unknown_columns`].
    #[must_use]
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Date,
    Code,
    First,
    Second,
    Count,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Date => "date",
            Role::Code => "cameo",
            Role::First => "actor1",
            Role::Second => "actor2",
            Role::Count => "count",
        }
    }
}

/// The role of a column name: compared lower-cased, without spaces, `_` and `-`.
fn role(name: &str) -> Option<Role> {
    let key: String = name
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some(match key.as_str() {
        "date" | "day" | "eventdate" | "sqldate" => Role::Date,
        "cameo" | "cameocode" | "eventcode" | "code" => Role::Code,
        "actor1" | "state1" | "actor1state" | "actor1country" | "actor1countrycode" | "sourcecountry" => Role::First,
        "actor2" | "state2" | "actor2state" | "actor2country" | "actor2countrycode" | "targetcountry" => Role::Second,
        "count" | "events" | "numevents" => Role::Count,
        _ => return None,
    })
}

/// Column positions.
#[derive(Debug, Clone, Copy)]
struct Layout {
    date: usize,
    code: usize,
    first: usize,
    second: usize,
    count: Option<usize>,
    width: usize,
}

impl Layout {
    fn new(names: Rec<'_>, line: u64, ignore: bool, ignored: &mut Vec<String>) -> crate::Result<Layout> {
        let mut cols: [Option<usize>; 5] = [None; 5];
        for (i, raw) in names.iter().enumerate() {
            let name = String::from_utf8_lossy(raw).into_owned();
            let Some(r) = role(&name) else {
                super::unknown_column(ignore, ignored, line, i + 1, name)?;
                continue;
            };
            let slot = &mut cols[r as usize];
            if slot.is_some() {
                return Err(ReadError::DuplicateColumn {
                    line,
                    column: i + 1,
                    name,
                }
                .into());
            }
            *slot = Some(i);
        }
        let need = |r: Role, expected: &'static str| {
            cols[r as usize].ok_or(ReadError::MissingColumn {
                name: r.name(),
                expected,
            })
        };
        Ok(Layout {
            date: need(Role::Date, "\"date\", \"event_date\" or \"SQLDATE\"")?,
            code: need(Role::Code, "\"cameo\", \"cameo_code\" or \"EventCode\"")?,
            first: need(Role::First, "\"actor1\", \"state1\" or \"Actor1CountryCode\"")?,
            second: need(Role::Second, "\"actor2\", \"state2\" or \"Actor2CountryCode\"")?,
            count: cols[Role::Count as usize],
            width: names.len(),
        })
    }
}

/// A day written `YYYY-MM-DD` or `YYYYMMDD` (GDELT's `SQLDATE`), or `None`.
#[inline]
fn day(b: &[u8]) -> Option<Date> {
    let (y, m, d) = match *b {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] | [y0, y1, y2, y3, m0, m1, d0, d1] => {
            ([y0, y1, y2, y3], [m0, m1], [d0, d1])
        }
        _ => return None,
    };
    let mut digits = [0u8; 8];
    for (k, &c) in y.iter().chain(&m).chain(&d).enumerate() {
        if !c.is_ascii_digit() {
            return None;
        }
        digits[k] = c - b'0';
    }
    let num = |s: &[u8]| s.iter().fold(0u16, |acc, &x| acc * 10 + u16::from(x));
    let month = Month::try_from(num(&digits[4..6]) as u8).ok()?;
    Date::from_calendar_date(i32::from(num(&digits[..4])), month, num(&digits[6..]) as u8).ok()
}

/// Per-chunk caches: event files repeat the same day and the same few hundred state codes.
struct Cache {
    /// The last day cell and its date (files come in day order).
    last_day: Vec<u8>,
    last_date: Option<Date>,
    /// States by three upper-case letters (26³ slots), filled on first sight.
    alpha3: Vec<Option<Country>>,
}

impl Cache {
    fn new() -> Self {
        Cache {
            last_day: Vec::with_capacity(10),
            last_date: None,
            alpha3: vec![None; 26 * 26 * 26],
        }
    }

    #[inline]
    fn date(&mut self, rec: Rec<'_>, i: usize, line: u64) -> crate::Result<Date> {
        let raw = rec.get(i);
        if let Some(d) = self.last_date
            && raw == self.last_day.as_slice()
        {
            return Ok(d);
        }
        let d = day(raw)
            .or_else(|| day(raw.trim_ascii()))
            .ok_or_else(|| bad(line, i, raw, "expected a day such as 2021-08-15 or 20210815"))?;
        self.last_day.clear();
        self.last_day.extend_from_slice(raw);
        self.last_date = Some(d);
        Ok(d)
    }

    #[inline]
    fn state(&mut self, rec: Rec<'_>, i: usize, line: u64) -> crate::Result<Country> {
        let raw = rec.get(i);
        if let &[a, b, c] = raw
            && [a, b, c].iter().all(u8::is_ascii_uppercase)
        {
            let k = usize::from(a - b'A') * 676 + usize::from(b - b'A') * 26 + usize::from(c - b'A');
            if let Some(s) = self.alpha3[k] {
                return Ok(s);
            }
            let s = parse_state(raw, i, line)?;
            self.alpha3[k] = Some(s);
            return Ok(s);
        }
        parse_state(raw, i, line)
    }
}

fn parse_state(raw: &[u8], i: usize, line: u64) -> crate::Result<Country> {
    let t = std::str::from_utf8(raw).map_err(|_| bad(line, i, raw, "not valid utf-8"))?;
    if t.trim().is_empty() {
        return Err(bad(line, i, raw, "empty state (an event needs two states)"));
    }
    t.parse::<Country>()
        .map_err(|_| bad(line, i, raw, "unknown country code"))
}

fn code(rec: Rec<'_>, i: usize, line: u64) -> crate::Result<CameoCode> {
    let raw = rec.get(i);
    CameoCode::from_bytes(raw)
        .or_else(|| CameoCode::from_bytes(raw.trim_ascii()))
        .ok_or_else(|| {
            bad(
                line,
                i,
                raw,
                "expected a CAMEO code of 2 to 4 digits starting with a root code 01 to 20",
            )
        })
}

fn count(rec: Rec<'_>, i: usize, line: u64) -> crate::Result<u32> {
    let raw = rec.get(i);
    let t = raw.trim_ascii();
    if t.is_empty() || t.len() > 10 || !t.iter().all(u8::is_ascii_digit) {
        return Err(bad(line, i, raw, "expected a whole number of events, 1 or more"));
    }
    let n = t.iter().fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'));
    match u32::try_from(n) {
        Ok(0) => Err(bad(line, i, raw, "a record of 0 events")),
        Ok(n) => Ok(n),
        Err(_) => Err(bad(line, i, raw, "more events than a record holds (4,294,967,295)")),
    }
}

/// What one chunk gave.
struct ChunkOut {
    cols: EventColumns,
    errors: Vec<crate::Error>,
    lines: u64,
}

fn parse_chunk(layout: Layout, mode: ReadMode, splitter: &Splitter, chunk: &Chunk) -> ChunkOut {
    let mut cols = EventColumns::default();
    let mut errors = Vec::new();
    let mut cache = Cache::new();
    let mut scratch = OwnedRec::default();
    let mut row = |rec: Rec<'_>, line: u64| -> crate::Result<()> {
        if rec.len() != layout.width {
            return Err(ReadError::RowLength {
                line,
                expected: layout.width,
                got: rec.len(),
            }
            .into());
        }
        let date = cache.date(rec, layout.date, line)?;
        let code = code(rec, layout.code, line)?;
        let first = cache.state(rec, layout.first, line)?;
        let second = cache.state(rec, layout.second, line)?;
        let n = match layout.count {
            Some(i) => count(rec, i, line)?,
            None => 1,
        };
        cols.push(date, code, first, second, n);
        Ok(())
    };
    let lines = splitter.for_each(chunk, &mut scratch, |line, rec| {
        let r = match rec {
            Ok(rec) => row(rec, line),
            Err(at) => Err(unclosed(at)),
        };
        match r {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                errors.push(e);
                if mode == ReadMode::Strict {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            }
        }
    });
    ChunkOut { cols, errors, lines }
}

/// [`read_cooperation_events_with`] with the chunk size and the choice of parallel parsing open to
/// tests.
fn read_chunked<R: Read>(
    reader: R,
    options: &EventReadOptions,
    chunk: usize,
    parallel: bool,
) -> crate::Result<EventReadReport> {
    let splitter = Splitter::new(options.common.delimiter());
    let mut input = Input::new(reader, chunk);
    let mut header = OwnedRec::default();
    let line = first_record(&mut input, &splitter, &mut header)?;
    let mut ignored = Vec::new();
    let layout = Layout::new(header.rec(), line, options.common.ignore_unknown, &mut ignored)?;
    let strict = options.common.mode == ReadMode::Strict;
    let mut cols = EventColumns::default();
    let mut errors = Vec::new();
    let mut line = input.line();
    super::chunks::parse_chunks(
        &mut input,
        &splitter,
        |c| parse_chunk(layout, options.common.mode, &splitter, c),
        |out: ChunkOut| {
            let base = line;
            let mut errs = out.errors.into_iter().map(|e| shift_line(e, base));
            if strict && let Some(e) = errs.next() {
                return Err(e);
            }
            errors.extend(errs);
            cols.append(out.cols);
            line += out.lines;
            Ok(())
        },
        parallel,
    )?;
    Ok(EventReadReport {
        events: cols.finish()?,
        errors,
        ignored,
    })
}

/// Reads cooperation events from CSV, strictly: every record or the first error.
///
/// One header row names the columns (compared case-insensitively, ignoring spaces, `_` and `-`):
///
/// | holds | names |
/// |---|---|
/// | day (required): `YYYY-MM-DD` or GDELT's `YYYYMMDD` | `date`, `day`, `event_date`, `SQLDATE` |
/// | CAMEO code (required), kept as text ([`CameoCode`]) | `cameo`, `cameo_code`, `event_code`, `EventCode`, `code` |
/// | actor 1's state (required): an ISO 3166-1 alpha-3, alpha-2 or numeric code | `actor1`, `state1`, `Actor1CountryCode`, `source_country` |
/// | actor 2's state (required), likewise | `actor2`, `state2`, `Actor2CountryCode`, `target_country` |
/// | number of events (optional; 1 per row without it): a whole number, 1 or more | `count`, `events`, `NumEvents` |
///
/// An empty state, an unknown code, a day that does not exist (`2021-02-29`), a code outside CAMEO's
/// root codes, and a count that is empty, 0, negative, fractional or past `u32::MAX` are errors naming
/// the line and column. Quoting and line ends are those of [`super::read_flows_csv`] (RFC 4180 as the
/// `csv` crate reads it), and so is the reading: chunks of a few megabytes cut at record ends, parsed
/// on rayon's pool with the `parallel` feature, with the same events and errors either way.
///
/// The events are returned ordered by day, records of one day in file order (see
/// [`CooperationEvents`]).
///
/// # Errors
///
/// [`crate::Error::Read`] naming the line, the column and the offending text, or [`crate::Error::Io`]
/// when the reader fails.
///
/// # Examples
///
/// ```
/// use corridor::io::read_cooperation_events;
/// use corridor::{Country, Granularity};
///
/// let csv = "date,cameo,actor1,actor2,count\n\
///            2021-08-11,036,PAN,COL,2\n\
///            20210820,042,COL,PAN,3\n\
///            2021-09-21,061,PAN,CRI,1\n";
/// let events = read_cooperation_events(csv.as_bytes())?;
/// let monthly = events.dyads(Granularity::Month);
/// assert_eq!(monthly.count("2021-08".parse()?, Country::COL, Country::PAN), 5);
///
/// let err = read_cooperation_events("date,cameo,actor1,actor2\n2021-02-29,036,PAN,COL\n".as_bytes());
/// assert_eq!(
///     err.unwrap_err().to_string(),
///     "line 2, column 1: expected a day such as 2021-08-15 or 20210815: \"2021-02-29\""
/// );
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_cooperation_events<R: Read>(reader: R) -> crate::Result<CooperationEvents> {
    read_cooperation_events_with(reader, &EventReadOptions::new()).map(EventReadReport::into_events)
}

/// Reads cooperation events from CSV with options: lenient mode, unknown columns, delimiter. See
/// [`read_cooperation_events`] for the columns.
///
/// # Errors
///
/// In strict mode, the first bad row; in both modes, a bad or missing header and malformed CSV before
/// the first data row.
///
/// # Examples
/// ```
/// use corridor::io::{read_cooperation_events_with, EventReadOptions};
/// let csv = "date;cameo;actor1;actor2\n2021-08-11;036;PAN;COL\n";
/// let report = read_cooperation_events_with(csv.as_bytes(), &EventReadOptions::new().delimiter(b';'))?;
/// assert_eq!(report.events().len(), 1);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_cooperation_events_with<R: Read>(reader: R, options: &EventReadOptions) -> crate::Result<EventReadReport> {
    read_chunked(reader, options, options.chunk.unwrap_or(CHUNK), !options.serial)
}

/// Writes cooperation events as CSV: a `date,cameo,actor1,actor2,count` header, then one row per
/// record in the table's order (days as `YYYY-MM-DD`, states as alpha-3 codes), which
/// [`read_cooperation_events`] reads back to an equal table.
///
/// # Errors
///
/// [`crate::Error::Io`] when the writer fails.
///
/// ```
/// use corridor::io::{read_cooperation_events, write_cooperation_events};
///
/// let events = read_cooperation_events("date,cameo,actor1,actor2\n20210811,036,pa,COL\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_cooperation_events(&events, &mut out)?;
/// assert_eq!(String::from_utf8(out.clone()).unwrap(), "date,cameo,actor1,actor2,count\n2021-08-11,036,PAN,COL,1\n");
/// assert_eq!(read_cooperation_events(out.as_slice())?, events);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_cooperation_events<W: Write>(events: &CooperationEvents, mut writer: W) -> crate::Result<()> {
    use std::fmt::Write as _;
    let mut line = String::with_capacity(64);
    let mut buf = Vec::with_capacity(1 << 16);
    buf.extend_from_slice(b"date,cameo,actor1,actor2,count\n");
    for e in events {
        line.clear();
        let d = e.date();
        // Writing to a String cannot fail.
        let _ = writeln!(
            line,
            "{:04}-{:02}-{:02},{},{},{},{}",
            d.year(),
            u8::from(d.month()),
            d.day(),
            e.code(),
            e.first(),
            e.second(),
            e.count()
        );
        buf.extend_from_slice(line.as_bytes());
        if buf.len() >= 1 << 16 {
            writer.write_all(&buf)?;
            buf.clear();
        }
    }
    writer.write_all(&buf)?;
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Granularity;

    fn options(chunk: usize, serial: bool) -> EventReadOptions {
        EventReadOptions {
            chunk: Some(chunk),
            serial,
            ..EventReadOptions::new().mode(ReadMode::Lenient)
        }
    }

    /// Events and error messages, through `chunk`-byte chunks, serially or on a pool of 3 threads.
    fn outcome(data: &[u8], chunk: usize, parallel: bool) -> (CooperationEvents, Vec<String>) {
        let run = || {
            let r = read_chunked(data, &options(chunk, !parallel), chunk, parallel).unwrap();
            let errors = r.errors().iter().map(ToString::to_string).collect();
            (r.into_events(), errors)
        };
        #[cfg(feature = "parallel")]
        if parallel {
            return rayon::ThreadPoolBuilder::new()
                .num_threads(3)
                .build()
                .unwrap()
                .install(run);
        }
        run()
    }

    #[test]
    fn chunks_and_threads_agree() {
        use std::fmt::Write as _;
        let mut csv = String::from("date,cameo,actor1,actor2,count\n");
        for i in 0..400 {
            let d = 1 + i % 28;
            let (a, b) = [("PAN", "COL"), ("CRI", "PAN"), ("USA", "MEX"), ("PA", "co")][i % 4];
            if i % 97 == 5 {
                let _ = writeln!(csv, "2021-02-{d:02},057,{a},XX,1");
            } else if i % 89 == 7 {
                let _ = writeln!(csv, "2021-02-{d:02},057,{a},{b},0");
            } else if i % 13 == 0 {
                let _ = writeln!(csv, "\"2021-03-{d:02}\",\"057\",{a},{b},\"1\"\r");
            } else {
                let _ = writeln!(csv, "2021-0{}-{d:02},057,{a},{b},{}", 1 + i % 9, 1 + i % 5);
            }
        }
        let want = outcome(csv.as_bytes(), 1 << 20, false);
        assert_eq!(want.1.len(), 10, "{:?}", want.1);
        assert_eq!(want.0.len(), 390);
        assert_eq!(want.1[0], "line 7, column 4: unknown country code: \"XX\"");
        assert_eq!(want.1[1], "line 9, column 5: a record of 0 events: \"0\"");
        for chunk in [7, 64, 1000] {
            assert_eq!(outcome(csv.as_bytes(), chunk, false), want, "chunk {chunk}");
            assert_eq!(outcome(csv.as_bytes(), chunk, true), want, "chunk {chunk}, parallel");
        }
        let m = want.0.dyads(Granularity::Month);
        assert_eq!(m.total(), want.0.total());
    }
}
