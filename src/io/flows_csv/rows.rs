//! The cells of a flow CSV, the rows of one chunk, and the chunked (optionally parallel) reader.

use std::io::Read;
use std::ops::ControlFlow;

use super::super::ReadError;
use super::super::chunks::{Chunk, Input, OwnedRec, Rec, Splitter, Unclosed};
use super::header::{CountCol, Layout, is_hashtag_row};
use super::{Header, ReadMode, ReadOptions, ReadReport};
use crate::flow::{
    AgeGroup, Direction, FlowError, FlowTable, GroupName, Location, LocationKind, Nationality, Row, Sex,
};
use crate::{Count, Country, Period, Source};
use rustc_hash::FxHashMap;

/// Writes into `key` the cells `cols` of `rec` as one byte string that no other cells
/// give: each cell's length (LEB128, one byte below 128), then its bytes. (Joining with a
/// separator byte would let two rows collide when a cell holds that byte.)
fn cells_key(key: &mut Vec<u8>, rec: Rec<'_>, cols: impl IntoIterator<Item = usize>) {
    key.clear();
    for c in cols {
        let cell = rec.get(c);
        let mut n = cell.len();
        while n >= 0x80 {
            key.push((n & 0x7f) as u8 | 0x80);
            n >>= 7;
        }
        key.push(n as u8);
        key.extend_from_slice(cell);
    }
}

/// Byte strings to dictionary indices. Keys shorter than 16 bytes are packed in an
/// integer with their length in the top byte, so that a look-up neither allocates nor
/// follows a pointer.
#[derive(Debug, Default)]
struct BytesMap {
    small: FxHashMap<u64, u32>,
    medium: FxHashMap<u128, u32>,
    long: FxHashMap<Box<[u8]>, u32>,
}

/// A byte string's key in a [`BytesMap`].
enum Key<'a> {
    Small(u64),
    Medium(u128),
    Long(&'a [u8]),
}

impl BytesMap {
    #[inline]
    fn key(b: &[u8]) -> Key<'_> {
        let n = b.len();
        let fold = |bytes: &[u8]| bytes.iter().rev().fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
        if n < 8 {
            Key::Small(fold(b) | (n as u64) << 56)
        } else if n < 16 {
            let lo = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            Key::Medium(u128::from(lo) | u128::from(fold(&b[8..])) << 64 | (n as u128) << 120)
        } else {
            Key::Long(b)
        }
    }

    #[inline]
    fn get(&self, b: &[u8]) -> Option<u32> {
        match Self::key(b) {
            Key::Small(k) => self.small.get(&k).copied(),
            Key::Medium(k) => self.medium.get(&k).copied(),
            Key::Long(b) => self.long.get(b).copied(),
        }
    }

    fn insert(&mut self, b: &[u8], v: u32) {
        match Self::key(b) {
            Key::Small(k) => self.small.insert(k, v),
            Key::Medium(k) => self.medium.insert(k, v),
            Key::Long(b) => self.long.insert(b.into(), v),
        };
    }
}

/// Dictionary indices of days written `YYYY-MM-DD` (years 1900 to 2155), by array
/// look-ups instead of a hash: one block of 12 × 31 slots per year seen.
#[derive(Debug, Default)]
struct DayIndex {
    years: Vec<Option<Box<[u32; 372]>>>,
}

impl DayIndex {
    /// The (year, day) slot of `YYYY-MM-DD` text (not checked to be a real day).
    #[inline]
    fn slot(b: &[u8]) -> Option<(usize, usize)> {
        let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
            return None;
        };
        if ![y0, y1, y2, y3, m0, m1, d0, d1].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |a: u8, b: u8| usize::from(a - b'0') * 10 + usize::from(b - b'0');
        let year = num(y0, y1) * 100 + num(y2, y3);
        let (m, d) = (num(m0, m1), num(d0, d1));
        if !(1900..2156).contains(&year) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((year - 1900, (m - 1) * 31 + (d - 1)))
    }

    #[inline]
    fn get(&self, (year, day): (usize, usize)) -> Option<u32> {
        let k = self.years.get(year)?.as_ref()?[day];
        (k != Row::NONE).then_some(k)
    }

    fn insert(&mut self, (year, day): (usize, usize), k: u32) {
        if self.years.len() <= year {
            self.years.resize(year + 1, None);
        }
        self.years[year].get_or_insert_with(|| Box::new([Row::NONE; 372]))[day] = k;
    }
}

/// Per-chunk caches: files repeat the same dates, codes, places and sources.
#[derive(Debug, Default)]
struct Caches {
    day: DayIndex,
    period: BytesMap,
    nationality: BytesMap,
    location: BytesMap,
    source: BytesMap,
    key: Vec<u8>,
}

pub(in crate::io) fn bad(line: u64, column: usize, text: &[u8], reason: impl std::fmt::Display) -> crate::Error {
    ReadError::BadCell {
        line,
        column: column + 1,
        text: String::from_utf8_lossy(text).into_owned(),
        reason: reason.to_string(),
    }
    .into()
}

fn text(rec: Rec<'_>, i: usize, line: u64) -> crate::Result<&str> {
    let raw = rec.get(i);
    let t = std::str::from_utf8(raw).map_err(|_| bad(line, i, raw, "not valid utf-8"))?;
    Ok(t.trim())
}

fn optional<T, E: std::fmt::Display>(
    rec: Rec<'_>,
    col: Option<usize>,
    line: u64,
    parse: impl Fn(&str) -> Result<T, E>,
) -> crate::Result<Option<T>> {
    let Some(i) = col else { return Ok(None) };
    let t = text(rec, i, line)?;
    if t.is_empty() {
        return Ok(None);
    }
    parse(t).map(Some).map_err(|e| bad(line, i, t.as_bytes(), e))
}

/// A count cell: plain digits on the fast path, every other form through [`Count`]'s parser.
fn count_cell(t: &str) -> Result<Count, String> {
    if t.is_empty() {
        return Err("empty count (a missing value is not zero)".to_owned());
    }
    if t.len() <= 19 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.bytes().fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
        return Ok(Count::exact(n));
    }
    t.parse::<Count>().map_err(|e| e.to_string())
}

/// The count in column `i`; untrimmed plain digits skip the text checks.
#[inline]
fn count_at(rec: Rec<'_>, i: usize, line: u64) -> crate::Result<Count> {
    let raw = rec.get(i);
    if !raw.is_empty() && raw.len() <= 19 && raw.iter().all(u8::is_ascii_digit) {
        return Ok(Count::exact(
            raw.iter().fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0')),
        ));
    }
    let t = text(rec, i, line)?;
    count_cell(t).map_err(|reason| bad(line, i, t.as_bytes(), reason))
}

/// A numeric bound cell: digits, optionally followed by a decimal point and zeros (as pandas writes an
/// integer column that has nulls); `None` for an empty cell.
fn bound_at(rec: Rec<'_>, i: usize, line: u64) -> crate::Result<Option<u64>> {
    let t = text(rec, i, line)?;
    if t.is_empty() {
        return Ok(None);
    }
    let digits = match t.split_once('.') {
        Some((d, zeros)) if zeros.bytes().all(|b| b == b'0') => d,
        _ => t,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(line, i, t.as_bytes(), "not a whole number of people"));
    }
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| bad(line, i, t.as_bytes(), "the number is larger than 18446744073709551615"))
}

/// The count of a row that has numeric bound columns: checked against the text count when there is
/// one, else built from the bounds ([`Count::from_numbers`]: the point of a range is its midpoint).
fn count_with_bounds(
    rec: Rec<'_>,
    text_count: Option<(usize, Count)>,
    (lo, up): (usize, Option<usize>),
    line: u64,
) -> crate::Result<Count> {
    let lower = bound_at(rec, lo, line)?;
    let upper = match up {
        Some(u) => bound_at(rec, u, line)?,
        None => None,
    };
    let Some((col, count)) = text_count else {
        let Some(lower) = lower else {
            return Err(bad(
                line,
                lo,
                rec.get(lo),
                "empty count_lower (a missing value is not zero)",
            ));
        };
        return Count::from_numbers(lower, None, upper, None).map_err(|e| bad(line, lo, rec.get(lo), e));
    };
    if lower != Some(count.lower()) {
        return Err(bad(
            line,
            lo,
            rec.get(lo),
            format!(
                "count_lower does not agree with the count {:?} in column {} (lower bound {})",
                count.to_string(),
                col + 1,
                count.lower()
            ),
        ));
    }
    if let Some(u) = up
        && upper != count.upper()
    {
        return Err(bad(
            line,
            u,
            rec.get(u),
            format!(
                "count_upper does not agree with the count {:?} in column {} ({})",
                count.to_string(),
                col + 1,
                count.upper().map_or_else(
                    || "no upper bound: the cell must be empty".to_owned(),
                    |b| format!("upper bound {b}")
                )
            ),
        ));
    }
    Ok(count)
}

/// What the parsers of all chunks share.
#[derive(Debug)]
struct Plan<'o> {
    layout: Layout,
    mode: ReadMode,
    default_source: Option<&'o Source>,
    splitter: Splitter,
    /// Declared nationality groups.
    groups: Vec<GroupName>,
    accept_new_groups: bool,
}

/// What one chunk gave: its records in a table of their own, the errors of its bad
/// rows (at most one in strict mode) with lines counted from the chunk's start, and
/// the number of lines in the chunk.
#[derive(Debug)]
struct ChunkOut {
    table: FlowTable,
    errors: Vec<crate::Error>,
    lines: u64,
}

/// Parses the rows of one chunk.
struct Rows<'p, 'o> {
    plan: &'p Plan<'o>,
    caches: Caches,
    table: FlowTable,
    default_source: u32,
    errors: Vec<crate::Error>,
    pending: Vec<Row>,
    /// The counts of a row with several count columns (`None` for an empty cell).
    counts: Vec<Option<Count>>,
}

fn parse_chunk(plan: &Plan<'_>, chunk: &Chunk) -> ChunkOut {
    let mut table = FlowTable::new();
    // The default source comes first in every chunk as in the whole table, so that
    // appending the chunks' tables gives the dictionaries of a serial read.
    let default_source = plan
        .default_source
        .map_or(Row::NONE, |s| table.intern_source(s.clone()));
    let mut rows = Rows {
        plan,
        caches: Caches::default(),
        table,
        default_source,
        errors: Vec::new(),
        pending: Vec::new(),
        counts: Vec::new(),
    };
    let mut scratch = OwnedRec::default();
    let lines = plan.splitter.for_each(chunk, &mut scratch, |line, rec| match rec {
        Ok(rec) => rows.handle(rec, line),
        Err(at) => rows.fail(unclosed(at)),
    });
    ChunkOut {
        table: rows.table,
        errors: rows.errors,
        lines,
    }
}

/// Skips a UTF-8 byte order mark and reads the first record (the header) into `rec`: its line, or
/// the error of an empty input or of a quote that never closes.
pub(in crate::io) fn first_record<R: Read>(
    input: &mut Input<R>,
    splitter: &Splitter,
    rec: &mut OwnedRec,
) -> crate::Result<u64> {
    input.skip_bom()?;
    match input.record(splitter, rec)? {
        None => Err(ReadError::Empty.into()),
        Some((_, Some(at))) => Err(unclosed(at)),
        Some((line, None)) => Ok(line),
    }
}

/// The error of a quote that never closes.
pub(in crate::io) fn unclosed(at: Unclosed) -> crate::Error {
    ReadError::UnterminatedQuote {
        line: at.line,
        column: at.column,
    }
    .into()
}

impl Rows<'_, '_> {
    fn handle(&mut self, rec: Rec<'_>, line: u64) -> ControlFlow<()> {
        match self.row(rec, line) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => self.fail(e),
        }
    }

    /// Records the error of a bad row; stops in strict mode.
    fn fail(&mut self, e: crate::Error) -> ControlFlow<()> {
        self.errors.push(e);
        if self.plan.mode == ReadMode::Strict {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// The period's index in the table: each distinct text is parsed once.
    fn period(&mut self, rec: Rec<'_>, line: u64) -> crate::Result<u32> {
        let i = self.plan.layout.period;
        let raw = rec.get(i);
        let day = DayIndex::slot(raw);
        let cached = match day {
            Some(slot) => self.caches.day.get(slot),
            None => self.caches.period.get(raw),
        };
        if let Some(k) = cached {
            return Ok(k);
        }
        let t = text(rec, i, line)?;
        if t.is_empty() {
            return Err(bad(line, i, raw, "empty date"));
        }
        let p: Period = t
            .parse()
            .map_err(|e: crate::period::PeriodError| bad(line, i, raw, e))?;
        let k = self.table.intern_period(p);
        match day {
            Some(slot) => self.caches.day.insert(slot, k),
            None => self.caches.period.insert(raw, k),
        }
        Ok(k)
    }

    fn nationality(&mut self, rec: Rec<'_>, line: u64) -> crate::Result<u32> {
        let Some((i, code)) = self.plan.layout.nationality else {
            return Ok(Row::NONE);
        };
        let raw = rec.get(i).trim_ascii();
        if raw.is_empty() {
            return Ok(Row::NONE);
        }
        if let Some(k) = self.caches.nationality.get(raw) {
            return Ok(k);
        }
        let t = text(rec, i, line)?;
        let n = if code {
            Nationality::Country(t.parse::<Country>().map_err(|e| bad(line, i, raw, e))?)
        } else {
            match Nationality::from_label(t).map_err(|e| bad(line, i, raw, e))? {
                Nationality::Group(g) if !self.plan.accept_new_groups && !self.plan.groups.contains(&g) => {
                    return Err(bad(
                        line,
                        i,
                        raw,
                        format!(
                            "{} (declare it with ReadOptions::groups, or accept new groups)",
                            FlowError::UnknownNationality {
                                label: g.as_str().to_owned()
                            }
                        ),
                    ));
                }
                n => n,
            }
        };
        let k = self.table.intern_nationality(n);
        self.caches.nationality.insert(raw, k);
        Ok(k)
    }

    fn location(&mut self, rec: Rec<'_>, line: u64) -> crate::Result<u32> {
        let layout = &self.plan.layout;
        let Some(i) = layout.location else {
            return Ok(Row::NONE);
        };
        let cols = [Some(i), layout.location_country, layout.location_kind];
        if rec.get(i).trim_ascii().is_empty() {
            // A country or kind without a place name describes nothing: say so.
            for c in cols.into_iter().skip(1).flatten() {
                let raw = rec.get(c);
                if !raw.trim_ascii().is_empty() {
                    return Err(bad(line, c, raw, "location detail without a location name"));
                }
            }
            return Ok(Row::NONE);
        }
        let single = layout.location_country.is_none() && layout.location_kind.is_none();
        if !single {
            cells_key(&mut self.caches.key, rec, cols.into_iter().flatten());
        }
        let key: &[u8] = if single { rec.get(i) } else { &self.caches.key };
        if let Some(k) = self.caches.location.get(key) {
            return Ok(k);
        }
        let name = text(rec, i, line)?;
        let mut loc = Location::new(name).map_err(|e| bad(line, i, name.as_bytes(), e))?;
        if let Some(c) = optional(rec, layout.location_country, line, str::parse::<Country>)? {
            loc = loc.in_country(c);
        }
        if let Some(k) = optional(rec, layout.location_kind, line, str::parse::<LocationKind>)? {
            loc = loc.kind(k);
        }
        let k = self.table.intern_location(loc);
        self.caches.location.insert(key, k);
        Ok(k)
    }

    fn source(&mut self, rec: Rec<'_>, line: u64) -> crate::Result<u32> {
        let cols = self.plan.layout.source;
        if cols
            .iter()
            .all(|c| c.is_none_or(|i| rec.get(i).trim_ascii().is_empty()))
        {
            return Ok(self.default_source);
        }
        cells_key(&mut self.caches.key, rec, cols.into_iter().flatten());
        if let Some(k) = self.caches.source.get(&self.caches.key) {
            return Ok(k);
        }
        // Trimmed as `Source` trims, so that what was written reads back the same.
        let cell = |j: usize| -> crate::Result<&str> { cols[j].map_or(Ok(""), |i| text(rec, i, line)) };
        let texts = [cell(0)?, cell(1)?, cell(2)?, cell(3)?, cell(4)?];
        let k = if texts.iter().all(|t| t.is_empty()) {
            // Blank but for Unicode white space.
            self.default_source
        } else {
            let publisher = cols[0].filter(|_| !texts[0].is_empty());
            let Some(p) = publisher else {
                let j = (1..5).find(|&j| !texts[j].is_empty()).unwrap_or(1);
                let i = cols[j].unwrap_or(0);
                return Err(bad(line, i, rec.get(i), "source detail without a publisher"));
            };
            let mut s = Source::new(texts[0], texts[1]).map_err(|e| bad(line, p, rec.get(p), e))?;
            if let Some(d) = optional(rec, cols[2], line, |t| {
                time::Date::parse(t, time::macros::format_description!("[year]-[month]-[day]"))
            })? {
                s = s.date(d);
            }
            s = s.address(texts[3]).note(texts[4]);
            self.table.intern_source(s)
        };
        self.caches.source.insert(&self.caches.key, k);
        Ok(k)
    }

    /// Parses one data row into the table (one row per count column), or nothing when
    /// a cell is bad.
    fn row(&mut self, rec: Rec<'_>, line: u64) -> crate::Result<()> {
        let layout = &self.plan.layout;
        if rec.len() != layout.width {
            return Err(ReadError::RowLength {
                line,
                expected: layout.width,
                got: rec.len(),
            }
            .into());
        }
        let period = self.period(rec, line)?;
        let nationality = self.nationality(rec, line)?;
        let location = self.location(rec, line)?;
        let source = self.source(rec, line)?;
        let direction = optional(rec, layout.direction, line, str::parse::<Direction>)?;
        let sex = optional(rec, layout.sex, line, str::parse::<Sex>)?;
        let age = optional(rec, layout.age, line, str::parse::<AgeGroup>)?;
        let row = |count, col_sex: Option<Sex>, col_age: Option<AgeGroup>| Row {
            period,
            count,
            nationality,
            location,
            source,
            direction,
            sex: col_sex.or(sex),
            age: col_age.or(age),
        };
        if let [c] = layout.counts[..] {
            let mut count = count_at(rec, c.col, line)?;
            if let Some(bounds) = layout.bounds {
                count = count_with_bounds(rec, Some((c.col, count)), bounds, line)?;
            }
            self.table.push_row(row(count, c.sex, c.age));
            return Ok(());
        }
        if let (true, Some(bounds)) = (layout.counts.is_empty(), layout.bounds) {
            let count = count_with_bounds(rec, None, bounds, line)?;
            self.table.push_row(row(count, None, None));
            return Ok(());
        }
        self.pending.clear();
        if layout.nested {
            self.counts.clear();
            for c in &layout.counts {
                let t = text(rec, c.col, line)?;
                self.counts.push(if t.is_empty() {
                    None
                } else {
                    Some(count_at(rec, c.col, line)?)
                });
            }
            let records = breakdown(&layout.counts, &self.counts, rec, line)?;
            for (k, c) in layout.counts.iter().enumerate() {
                if records >> k & 1 == 1 {
                    let count = self.counts[k].unwrap_or(Count::ZERO);
                    self.pending.push(row(count, c.sex, c.age));
                }
            }
        } else {
            for c in &layout.counts {
                self.pending.push(row(count_at(rec, c.col, line)?, c.sex, c.age));
            }
        }
        for r in self.pending.drain(..) {
            self.table.push_row(r);
        }
        Ok(())
    }
}

/// The records of a row whose count columns include totals (see
/// [`Layout::check_breakdown`]), as a bit set of `counts`: the finest non-empty columns.
/// An empty cell is allowed only under a non-empty total; every non-empty total must be
/// the sum of the records it covers (their bounds must meet), never a record itself
/// beside them.
fn breakdown(counts: &[CountCol], values: &[Option<Count>], rec: Rec<'_>, line: u64) -> crate::Result<u16> {
    let present = |k: usize| values[k].is_some();
    let n = counts.len();
    for k in (0..n).filter(|&k| !present(k)) {
        if !(0..n).any(|t| present(t) && counts[t].covers(&counts[k])) {
            let i = counts[k].col;
            return Err(bad(line, i, rec.get(i), "empty count (a missing value is not zero)"));
        }
    }
    let records: u16 = (0..n)
        .filter(|&k| present(k) && !(0..n).any(|o| present(o) && counts[k].covers(&counts[o])))
        .fold(0, |acc, k| acc | 1 << k);
    let is_record = |k: usize| records >> k & 1 == 1;
    for b in (0..n).filter(|&b| is_record(b)) {
        if let Some(a) = (0..b).find(|&a| is_record(a) && counts[a].overlaps(&counts[b])) {
            let i = counts[b].col;
            return Err(bad(
                line,
                i,
                rec.get(i),
                format!(
                    "overlaps column {} and no finer column is given in this row: the people in both would be \
                     counted twice",
                    counts[a].col + 1
                ),
            ));
        }
    }
    for t in (0..n).filter(|&t| present(t) && !is_record(t)) {
        let parts: Vec<usize> = (0..n)
            .filter(|&k| is_record(k) && counts[t].covers(&counts[k]))
            .collect();
        let i = counts[t].col;
        let cells = parts.iter().fold(0, |acc, &k| acc | counts[k].cells);
        if cells != counts[t].cells {
            let empty = (0..n).find(|&k| !present(k) && counts[t].covers(&counts[k]));
            return Err(bad(
                line,
                i,
                rec.get(i),
                format!(
                    "the breakdown of this total is incomplete in this row (column {} is empty)",
                    empty.map_or(0, |k| counts[k].col + 1)
                ),
            ));
        }
        let total = values[t].unwrap_or(Count::ZERO);
        let sum = parts
            .iter()
            .fold(Count::ZERO, |acc, &k| acc + values[k].unwrap_or(Count::ZERO));
        let meet = sum.lower() <= total.upper().unwrap_or(u64::MAX) && total.lower() <= sum.upper().unwrap_or(u64::MAX);
        if !meet {
            let columns: Vec<String> = parts.iter().map(|&k| (counts[k].col + 1).to_string()).collect();
            return Err(bad(
                line,
                i,
                rec.get(i),
                format!(
                    "the total disagrees with the sum of its breakdown, {sum} (columns {})",
                    columns.join(", ")
                ),
            ));
        }
    }
    Ok(records)
}

/// The chunks' results put together in file order.
#[derive(Debug)]
struct Merged {
    table: FlowTable,
    errors: Vec<crate::Error>,
    /// Line of the next chunk's start.
    line: u64,
    strict: bool,
}

impl Merged {
    /// Adds the next chunk; in strict mode, its first error ends the reading.
    fn add(&mut self, out: ChunkOut) -> crate::Result<()> {
        let base = self.line;
        let mut errors = out.errors.into_iter().map(|e| shift_line(e, base));
        if self.strict
            && let Some(e) = errors.next()
        {
            return Err(e);
        }
        self.errors.extend(errors);
        self.table.append(out.table);
        self.line += out.lines;
        Ok(())
    }
}

/// Turns a line counted from a chunk's start (from 0) into a line of the file.
pub(in crate::io) fn shift_line(e: crate::Error, base: u64) -> crate::Error {
    match e {
        crate::Error::Read(ReadError::BadCell {
            line,
            column,
            text,
            reason,
        }) => ReadError::BadCell {
            line: line + base,
            column,
            text,
            reason,
        }
        .into(),
        crate::Error::Read(ReadError::RowLength { line, expected, got }) => ReadError::RowLength {
            line: line + base,
            expected,
            got,
        }
        .into(),
        crate::Error::Read(ReadError::UnterminatedQuote { line, column }) => ReadError::UnterminatedQuote {
            line: line + base,
            column,
        }
        .into(),
        other => other,
    }
}

/// Bytes per chunk (the last chunk of a file, or one holding a longer record, differs).
pub(in crate::io) const CHUNK: usize = 2 << 20;

/// Parses the chunks of `input` one after the other, or on rayon's pool.
fn read_chunks<R: Read>(
    input: &mut Input<R>,
    plan: &Plan<'_>,
    merged: &mut Merged,
    parallel: bool,
) -> crate::Result<()> {
    super::super::chunks::parse_chunks(
        input,
        &plan.splitter,
        |chunk| parse_chunk(plan, chunk),
        |out| merged.add(out),
        parallel,
    )
}

/// [`read_flows_csv_with`] with the chunk size and the choice of parallel parsing
/// (effective with the `parallel` feature) open to tests.
pub(crate) fn read_chunked<R: Read>(
    reader: R,
    options: &ReadOptions,
    chunk: usize,
    parallel: bool,
) -> crate::Result<ReadReport> {
    let groups = options
        .groups
        .iter()
        .map(GroupName::new)
        .collect::<Result<Vec<_>, FlowError>>()?;
    let splitter = Splitter::new(options.common.delimiter());
    let mut input = Input::new(reader, chunk);
    let mut first = OwnedRec::default();
    let first_line = first_record(&mut input, &splitter, &mut first)?;
    let mut second = OwnedRec::default();
    let (names, labels, header_line) = if is_hashtag_row(first.rec()) {
        (&first, None, first_line)
    } else {
        let before = input.position();
        match input.record(&splitter, &mut second)? {
            Some((line, None)) if is_hashtag_row(second.rec()) => (&second, Some(&first), line),
            // A first data row with an unclosed quote is read (and reported) with the data.
            Some(_) => {
                input.rewind(before);
                (&first, None, first_line)
            }
            None => (&first, None, first_line),
        }
    };
    let header = if labels.is_some() || names.rec().field(0).is_some_and(|c| c.trim_ascii().starts_with(b"#")) {
        Header::Hxl
    } else {
        Header::Plain
    };
    let mut ignored = Vec::new();
    let layout = Layout::new(
        names.rec(),
        labels.map(OwnedRec::rec),
        header == Header::Hxl,
        header_line,
        options.common.ignore_unknown,
        &mut ignored,
    )?;
    let plan = Plan {
        layout,
        mode: options.common.mode,
        default_source: options.default_source.as_ref(),
        splitter,
        groups,
        accept_new_groups: options.accept_new_groups,
    };
    let mut table = FlowTable::new();
    if let Some(s) = &options.default_source {
        table.intern_source(s.clone());
    }
    let mut merged = Merged {
        table,
        errors: Vec::new(),
        line: input.line(),
        strict: options.common.mode == ReadMode::Strict,
    };
    read_chunks(&mut input, &plan, &mut merged, parallel)?;
    let groups = merged
        .table
        .nationalities()
        .iter()
        .filter_map(|n| match n {
            Nationality::Group(g) => Some(g.clone()),
            _ => None,
        })
        .collect();
    Ok(ReadReport {
        table: merged.table,
        header,
        errors: merged.errors,
        ignored,
        groups,
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use super::super::read_flows_csv;
    use super::*;

    /// Everything a read gives, as comparable values: records, dictionaries (in order),
    /// header, skipped columns and errors; or the error.
    type Outcome = Result<
        (
            FlowTable,
            Vec<Source>,
            Vec<Nationality>,
            Vec<Location>,
            Header,
            Vec<String>,
            Vec<String>,
        ),
        String,
    >;

    fn outcome(data: &[u8], options: &ReadOptions, chunk: usize, parallel: bool) -> Outcome {
        let run = || read_chunked(data, options, chunk, parallel);
        #[cfg(feature = "parallel")]
        let report = if parallel {
            // More threads than cores, so that chunks really finish out of order.
            rayon::ThreadPoolBuilder::new()
                .num_threads(3)
                .build()
                .unwrap()
                .install(run)
        } else {
            run()
        };
        #[cfg(not(feature = "parallel"))]
        let report = run();
        report
            .map(|r| {
                let t = r.table();
                (
                    t.clone(),
                    t.sources().to_vec(),
                    t.nationalities().to_vec(),
                    t.locations().to_vec(),
                    r.header(),
                    r.ignored_columns().to_vec(),
                    r.errors().iter().map(ToString::to_string).collect(),
                )
            })
            .map_err(|e| e.to_string())
    }

    /// Reads `data` whole and in chunks of every size in `chunks`, serially and in
    /// parallel, strictly and leniently, and checks that all agree; returns the
    /// strict and lenient outcomes.
    fn agree(data: &[u8], options: &ReadOptions, chunks: &[usize]) -> (Outcome, Outcome) {
        let strict = options.clone().mode(ReadMode::Strict);
        let lenient = options.clone().mode(ReadMode::Lenient);
        let want = (
            outcome(data, &strict, 1 << 24, false),
            outcome(data, &lenient, 1 << 24, false),
        );
        for &chunk in chunks {
            for parallel in [false, true] {
                assert_eq!(
                    outcome(data, &strict, chunk, parallel),
                    want.0,
                    "strict, chunk {chunk}, parallel {parallel}"
                );
                assert_eq!(
                    outcome(data, &lenient, chunk, parallel),
                    want.1,
                    "lenient, chunk {chunk}, parallel {parallel}"
                );
            }
        }
        want
    }

    /// A few thousand rows with bad rows late in the file.
    fn big_file() -> String {
        let mut s = String::from("date,country_code,location,count,source\n");
        let codes = ["VEN", "HTI", "ECU", "CUB"];
        let places = ["Bajo Chiquito", "Lajas Blancas", "\"Necoclí, \"\"Urabá\"\"\"", ""];
        for i in 0..3000 {
            let src = if i % 7 == 0 { "SNM" } else { "" };
            let _ = writeln!(
                s,
                "2021-{:02}-{:02},{},{},{},{src}",
                i % 12 + 1,
                i % 28 + 1,
                codes[i % 4],
                places[i % 4],
                if i % 11 == 0 {
                    "over 60".to_owned()
                } else {
                    (i * 7).to_string()
                }
            );
            if i == 2500 {
                s += "2021-13-01,VEN,,5,\n";
            }
            if i == 2700 {
                s += "2021-02-01,XX,,5,\n2021-02-01,VEN,,5\n";
            }
        }
        s
    }

    #[test]
    fn chunks_and_threads_agree_with_late_errors() {
        let data = big_file();
        let (strict, lenient) = agree(data.as_bytes(), &ReadOptions::new(), &[1, 7, 100, 1000, 4096, 50_000]);
        assert_eq!(
            strict.unwrap_err(),
            "line 2503, column 1: invalid period \"2021-13-01\": month 13 is outside 1..=12: \"2021-13-01\""
        );
        let (table, .., errors) = lenient.unwrap();
        assert_eq!(table.len(), 3000);
        assert_eq!(
            errors,
            [
                "line 2503, column 1: invalid period \"2021-13-01\": month 13 is outside 1..=12: \"2021-13-01\"",
                "line 2704, column 2: unknown country code \"XX\": \"XX\"",
                "line 2705: 4 cells where the header has 5",
            ]
        );
    }

    #[test]
    fn quoted_newlines_across_chunk_ends() {
        let data = "date,location,count\n\
                    2021-08,\"Bajo\nChiquito\",1\n\
                    2021-08,\"Lajas\r\n\"\"Blancas\"\"\",2\r\n\
                    2021-09,\"a,\nb\",x\n\
                    2021-09,\"Bajo\nChiquito\",3\n";
        let (strict, lenient) = agree(data.as_bytes(), &ReadOptions::new(), &[1, 2, 3, 5, 11, 17, 30, 64]);
        assert_eq!(
            strict.unwrap_err(),
            "line 6, column 3: unrecognised count \"x\": expected a number: \"x\""
        );
        let (table, .., locations, _, _, errors) = lenient.unwrap();
        assert_eq!(table.len(), 3);
        assert_eq!(locations[1].name(), "Lajas\r\n\"Blancas\"");
        assert_eq!(
            errors,
            ["line 6, column 3: unrecognised count \"x\": expected a number: \"x\""]
        );
    }

    #[test]
    fn line_numbers_are_those_of_the_record_start() {
        let e = read_flows_csv("date,count\r\n2021-08,1\r\n2021-13,5\r\n".as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("line 3, column 1:"), "{e}");
        let e = read_flows_csv("\ndate,count\n\n\n2021-13,5\n".as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("line 5, column 1:"), "{e}");
        let e = read_flows_csv("\n\ndate,count,colour\n".as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("line 3, column 3:"), "{e}");
    }

    #[test]
    fn hxl_header_and_default_source_in_chunks() {
        let data = "Date,Place,F,M,Note\n#date,#loc+name,#affected+f,#affected+m,\n\
                    2022-01,Lajas Blancas,10,20,x\n2022-02,Lajas Blancas,11,about 21,y\n2022-02,,1,x,z\n";
        let options = ReadOptions::new()
            .ignore_unknown_columns(true)
            .default_source(Source::new("SNM", "Monthly").unwrap());
        let (_, lenient) = agree(data.as_bytes(), &options, &[1, 4, 9, 33]);
        let (table, sources, .., header, ignored, errors) = lenient.unwrap();
        assert_eq!(
            (table.len(), header, ignored),
            (4, Header::Hxl, vec!["Note".to_owned()])
        );
        assert_eq!(sources, [Source::new("SNM", "Monthly").unwrap()]);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn unclosed_quotes_cr_line_ends_and_totals_agree_in_chunks() {
        // CR-only line ends, a total with its breakdown (one row disagreeing), a
        // misspelt nationality, and an unclosed quote that is not the last line.
        let data = "date,nationality,total,f,m\r#date,#country+name,#affected+total,#affected+f,#affected+m\r\
                    2021-01,HTI,3,1,2\r2021-02,Venezula,3,1,2\r2021-03,VEN,9,1,2\r\r\
                    2021-04,\"CUB,3,1,2\r2021-05,CUB,5,,\r2021-06,ECU,1,1,0\r";
        let (strict, lenient) = agree(data.as_bytes(), &ReadOptions::new(), &[1, 2, 5, 13, 40, 100]);
        assert!(
            strict
                .unwrap_err()
                .starts_with("line 4, column 2: unknown nationality \"Venezula\"")
        );
        let (table, .., errors) = lenient.unwrap();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(
            errors[1].starts_with("line 5, column 3: the total disagrees"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].starts_with("line 7, column 2: a quote opens this field"),
            "{}",
            errors[2]
        );
        assert_eq!(
            table.iter().map(|r| r.count().point()).collect::<Vec<_>>(),
            [1, 2, 5, 1, 0]
        );
    }

    fn cell() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "2021-08",
            "2021-08-15",
            "2021-13",
            "",
            "HTI",
            "VEN",
            "XX",
            "Haiti (plus Brazil and Chile)",
            "12",
            "over 60",
            "x",
            "\"a,b\"",
            "\"1\n2\"",
            "\"\"",
            " 7 ",
            "SNM",
            "north",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_files_read_the_same_in_chunks(
            header in prop::sample::select(vec![
                "date,nationality,count", "date,count,location,source", "date,country_code,count,direction",
            ]),
            rows in prop::collection::vec(prop::collection::vec(cell(), 1..5), 0..30),
            crlf in any::<bool>(),
            chunk in 1usize..60,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut data = format!("{header}{end}");
            for r in rows {
                data += &r.join(",");
                data += end;
            }
            let _ = agree(data.as_bytes(), &ReadOptions::new(), &[chunk]);
        }
    }
}
