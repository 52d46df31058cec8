//! Flow tables from and to CSV, with plain headers or an HXL hashtag row.

use std::collections::HashMap;
use std::io::{Read, Write};

use super::ReadError;
use crate::flow::{AgeGroup, Direction, FlowTable, Location, LocationKind, Nationality, Row, Sex};
use crate::{Count, Country, Period, Source};

/// How a reader treats bad rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReadMode {
    /// Stop at the first bad cell or row and return its error (the default).
    #[default]
    Strict,
    /// Keep the good rows and list an error for every bad row in
    /// [`ReadReport::errors`]. A bad header still stops the reader.
    Lenient,
}

/// The header style of a flow CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Header {
    /// One row of plain column names (`date,nationality,location,count,…`).
    #[default]
    Plain,
    /// Column names followed by an HXL hashtag row (`#date,#country+name,#loc+name,#affected,…`),
    /// or a hashtag row alone.
    Hxl,
}

/// Options of [`read_flows_csv_with`].
///
/// # Example
/// ```
/// use corridor::io::{read_flows_csv_with, ReadMode, ReadOptions};
///
/// let csv = "date,nationality,count,note\n2021-08,HTI,100,checked\n2021-09,HTI,lots,\n";
/// let report = read_flows_csv_with(
///     csv.as_bytes(),
///     &ReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true),
/// )?;
/// assert_eq!(report.table().len(), 1);
/// assert_eq!(report.errors().len(), 1);
/// assert_eq!(report.ignored_columns(), ["note"]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    mode: ReadMode,
    ignore_unknown: bool,
    delimiter: Option<u8>,
    default_source: Option<Source>,
}

impl ReadOptions {
    /// Strict mode, unknown columns are errors, comma-separated, no default source.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Strict or lenient.
    #[must_use]
    pub fn mode(mut self, mode: ReadMode) -> Self {
        self.mode = mode;
        self
    }

    /// Skip columns the reader does not know instead of failing; the skipped headers
    /// are listed in [`ReadReport::ignored_columns`].
    #[must_use]
    pub fn ignore_unknown_columns(mut self, yes: bool) -> Self {
        self.ignore_unknown = yes;
        self
    }

    /// The field delimiter (default `,`).
    #[must_use]
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// The source of every record that has no source column or an empty source cell.
    #[must_use]
    pub fn default_source(mut self, source: Source) -> Self {
        self.default_source = Some(source);
        self
    }
}

/// What [`read_flows_csv_with`] read: the table, the header style, the skipped
/// columns and (in lenient mode) the errors of the rows it left out.
#[derive(Debug)]
pub struct ReadReport {
    table: FlowTable,
    header: Header,
    errors: Vec<crate::Error>,
    ignored: Vec<String>,
}

impl ReadReport {
    /// The records read.
    #[must_use]
    pub fn table(&self) -> &FlowTable {
        &self.table
    }

    /// The records read, by value.
    #[must_use]
    pub fn into_table(self) -> FlowTable {
        self.table
    }

    /// Plain or HXL.
    #[must_use]
    pub fn header(&self) -> Header {
        self.header
    }

    /// One error per row left out (lenient mode only; empty in strict mode).
    #[must_use]
    pub fn errors(&self) -> &[crate::Error] {
        &self.errors
    }

    /// Headers of the columns skipped by [`ReadOptions::ignore_unknown_columns`].
    #[must_use]
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Period,
    Count(Option<Sex>, Option<AgeGroup>),
    NationalityCode,
    NationalityLabel,
    Location,
    LocationCountry,
    LocationKind,
    Direction,
    Sex,
    Age,
    SourcePublisher,
    SourceTitle,
    SourceDate,
    SourceAddress,
    SourceNote,
}

/// The role of a plain column name, or `None` when unknown.
fn plain_role(name: &str) -> Option<Role> {
    let key: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Some(match key.as_str() {
        "date" | "period" => Role::Period,
        "count" | "crossings" | "people" | "value" | "total" | "affected" => Role::Count(None, None),
        "nationality_code" | "country_code" | "iso3" | "nationality_iso3" | "country_iso3" => Role::NationalityCode,
        "nationality" | "country" | "citizenship" => Role::NationalityLabel,
        "location" | "place" => Role::Location,
        "location_country" => Role::LocationCountry,
        "location_kind" => Role::LocationKind,
        "direction" => Role::Direction,
        "sex" | "gender" => Role::Sex,
        "age" | "age_group" => Role::Age,
        "source" | "publisher" => Role::SourcePublisher,
        "source_title" => Role::SourceTitle,
        "source_date" => Role::SourceDate,
        "source_address" | "source_url" => Role::SourceAddress,
        "source_note" => Role::SourceNote,
        _ => return None,
    })
}

/// The role of an HXL hashtag with attributes, or `None` when unknown.
fn hxl_role(tag: &str) -> Option<Role> {
    let lower = tag.trim().to_ascii_lowercase();
    let mut parts = lower.split('+').map(str::trim);
    let hashtag = parts.next()?;
    let attrs: Vec<&str> = parts.filter(|a| !a.is_empty()).collect();
    let has = |a: &str| attrs.contains(&a);
    let only = |allowed: &[&str]| attrs.iter().all(|a| allowed.contains(a));
    Some(match hashtag {
        "#date" if only(&["reported", "start", "month"]) => Role::Period,
        "#affected" | "#inneed" | "#reached" | "#targeted" | "#population" => {
            if !only(&[
                "f", "m", "female", "male", "children", "adults", "ind", "num", "total", "all", "abs",
            ]) {
                return None;
            }
            let sex = if has("f") || has("female") {
                Some(Sex::Female)
            } else if has("m") || has("male") {
                Some(Sex::Male)
            } else {
                None
            };
            let age = if has("children") {
                Some(AgeGroup::Children)
            } else if has("adults") {
                Some(AgeGroup::Adults)
            } else {
                None
            };
            if (has("f") || has("female")) && (has("m") || has("male")) || has("children") && has("adults") {
                return None;
            }
            Role::Count(sex, age)
        }
        "#country" if has("code") && only(&["code", "iso3", "v_iso3", "nationality", "origin"]) => {
            Role::NationalityCode
        }
        "#country" if only(&["name", "nationality", "origin"]) => Role::NationalityLabel,
        "#loc" if has("country") && only(&["country", "code"]) => Role::LocationCountry,
        "#loc" if attrs == ["type"] => Role::LocationKind,
        "#loc" if only(&["name"]) => Role::Location,
        "#indicator" | "#meta" if attrs == ["direction"] => Role::Direction,
        "#meta" if attrs == ["sex"] => Role::Sex,
        "#meta" if attrs == ["age"] => Role::Age,
        "#meta" if attrs == ["source"] => Role::SourcePublisher,
        "#meta" if attrs == ["source", "title"] => Role::SourceTitle,
        "#meta" if attrs == ["source", "date"] => Role::SourceDate,
        "#meta" if attrs == ["source", "url"] => Role::SourceAddress,
        "#meta" if attrs == ["source", "note"] => Role::SourceNote,
        _ => return None,
    })
}

fn is_hashtag_row(cells: &csv::ByteRecord) -> bool {
    let mut any = false;
    for c in cells {
        let t = c.trim_ascii();
        if t.is_empty() {
            continue;
        }
        if t[0] != b'#' {
            return false;
        }
        any = true;
    }
    any
}

/// The reader is flexible and reads bytes, so the csv crate reports only i/o errors.
fn csv_error(e: csv::Error) -> crate::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}

/// Column positions of each role, checked.
#[derive(Debug, Default)]
struct Layout {
    period: usize,
    counts: Vec<(usize, Option<Sex>, Option<AgeGroup>)>,
    nationality: Option<(usize, bool)>,
    location: Option<usize>,
    location_country: Option<usize>,
    location_kind: Option<usize>,
    direction: Option<usize>,
    sex: Option<usize>,
    age: Option<usize>,
    source: [Option<usize>; 5],
    width: usize,
}

impl Layout {
    /// `names` are the plain names or the hashtags; `labels` the plain names above a
    /// hashtag row, used in messages where a hashtag cell is empty.
    fn new(
        names: &csv::ByteRecord,
        labels: Option<&csv::ByteRecord>,
        hxl: bool,
        line: u64,
        ignore: bool,
        ignored: &mut Vec<String>,
    ) -> crate::Result<Self> {
        let mut roles: Vec<(usize, Role)> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let tag = String::from_utf8_lossy(raw).into_owned();
            let role = if hxl { hxl_role(&tag) } else { plain_role(&tag) };
            let name = match labels.and_then(|l| l.get(i)) {
                Some(label) if tag.trim().is_empty() => String::from_utf8_lossy(label).into_owned(),
                _ => tag,
            };
            let Some(role) = role else {
                if ignore {
                    ignored.push(name);
                    continue;
                }
                return Err(ReadError::UnknownColumn {
                    line,
                    column: i + 1,
                    name,
                }
                .into());
            };
            let clash = roles.iter().any(|(_, r)| {
                *r == role
                    || matches!(
                        (r, role),
                        (
                            Role::NationalityCode | Role::NationalityLabel,
                            Role::NationalityCode | Role::NationalityLabel
                        )
                    )
            });
            if clash {
                return Err(ReadError::DuplicateColumn {
                    line,
                    column: i + 1,
                    name,
                }
                .into());
            }
            roles.push((i, role));
        }
        let mut l = Layout {
            width: names.len(),
            ..Layout::default()
        };
        let mut period = None;
        for (i, role) in roles {
            match role {
                Role::Period => period = Some(i),
                Role::Count(s, a) => l.counts.push((i, s, a)),
                Role::NationalityCode => l.nationality = Some((i, true)),
                Role::NationalityLabel => l.nationality = Some((i, false)),
                Role::Location => l.location = Some(i),
                Role::LocationCountry => l.location_country = Some(i),
                Role::LocationKind => l.location_kind = Some(i),
                Role::Direction => l.direction = Some(i),
                Role::Sex => l.sex = Some(i),
                Role::Age => l.age = Some(i),
                Role::SourcePublisher => l.source[0] = Some(i),
                Role::SourceTitle => l.source[1] = Some(i),
                Role::SourceDate => l.source[2] = Some(i),
                Role::SourceAddress => l.source[3] = Some(i),
                Role::SourceNote => l.source[4] = Some(i),
            }
        }
        l.period = period.ok_or(ReadError::MissingColumn {
            name: "date",
            expected: "\"date\", \"period\" or #date",
        })?;
        if l.counts.is_empty() {
            return Err(ReadError::MissingColumn {
                name: "count",
                expected: "\"count\", \"crossings\" or #affected",
            }
            .into());
        }
        if l.counts.len() > 1 && (l.sex.is_some() || l.age.is_some()) {
            // A sex or age column beside disaggregated count columns would be ambiguous.
            let i = l.sex.or(l.age).unwrap_or(0);
            let name = String::from_utf8_lossy(&names[i]).into_owned();
            return Err(ReadError::DuplicateColumn {
                line,
                column: i + 1,
                name,
            }
            .into());
        }
        if l.location.is_none() && (l.location_country.is_some() || l.location_kind.is_some()) {
            return Err(ReadError::MissingColumn {
                name: "location",
                expected: "\"location\" or #loc+name (a location country or kind describes a location)",
            }
            .into());
        }
        Ok(l)
    }
}

/// Per-reader caches: files repeat the same dates, codes, places and sources.
#[derive(Debug, Default)]
struct Caches {
    last_period: Option<(Vec<u8>, Period)>,
    nationality: HashMap<Box<[u8]>, u32>,
    location: HashMap<Vec<u8>, u32>,
    source: HashMap<Vec<u8>, u32>,
    key: Vec<u8>,
}

fn bad(line: u64, column: usize, text: &[u8], reason: impl std::fmt::Display) -> crate::Error {
    ReadError::BadCell {
        line,
        column: column + 1,
        text: String::from_utf8_lossy(text).into_owned(),
        reason: reason.to_string(),
    }
    .into()
}

fn text(rec: &csv::ByteRecord, i: usize, line: u64) -> crate::Result<&str> {
    let raw = rec.get(i).unwrap_or_default();
    let t = std::str::from_utf8(raw).map_err(|_| bad(line, i, raw, "not valid utf-8"))?;
    Ok(t.trim())
}

fn optional<T, E: std::fmt::Display>(
    rec: &csv::ByteRecord,
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

struct Reader<'o> {
    layout: Layout,
    options: &'o ReadOptions,
    caches: Caches,
    default_source: u32,
    pending: Vec<Row>,
}

impl Reader<'_> {
    fn period(&mut self, rec: &csv::ByteRecord, line: u64) -> crate::Result<Period> {
        let i = self.layout.period;
        let raw = rec.get(i).unwrap_or_default();
        if let Some((last, p)) = &self.caches.last_period
            && last.as_slice() == raw
        {
            return Ok(*p);
        }
        let t = text(rec, i, line)?;
        if t.is_empty() {
            return Err(bad(line, i, raw, "empty date"));
        }
        let p: Period = t
            .parse()
            .map_err(|e: crate::period::PeriodError| bad(line, i, raw, e))?;
        self.caches.last_period = Some((raw.to_vec(), p));
        Ok(p)
    }

    fn nationality(&mut self, rec: &csv::ByteRecord, line: u64, table: &mut FlowTable) -> crate::Result<u32> {
        let Some((i, code)) = self.layout.nationality else {
            return Ok(Row::NONE);
        };
        let raw = rec.get(i).unwrap_or_default().trim_ascii();
        if raw.is_empty() {
            return Ok(Row::NONE);
        }
        if let Some(&k) = self.caches.nationality.get(raw) {
            return Ok(k);
        }
        let t = text(rec, i, line)?;
        let n = if code {
            Nationality::Country(t.parse::<Country>().map_err(|e| bad(line, i, raw, e))?)
        } else {
            Nationality::from_label(t).map_err(|e| bad(line, i, raw, e))?
        };
        let k = table.intern_nationality(n);
        self.caches.nationality.insert(raw.into(), k);
        Ok(k)
    }

    fn location(&mut self, rec: &csv::ByteRecord, line: u64, table: &mut FlowTable) -> crate::Result<u32> {
        let Some(i) = self.layout.location else {
            return Ok(Row::NONE);
        };
        let cols = [Some(i), self.layout.location_country, self.layout.location_kind];
        if rec.get(i).unwrap_or_default().trim_ascii().is_empty() {
            // A country or kind without a place name describes nothing: say so.
            for c in cols.into_iter().skip(1).flatten() {
                let raw = rec.get(c).unwrap_or_default();
                if !raw.trim_ascii().is_empty() {
                    return Err(bad(line, c, raw, "location detail without a location name"));
                }
            }
            return Ok(Row::NONE);
        }
        self.caches.key.clear();
        for c in cols.into_iter().flatten() {
            self.caches.key.extend_from_slice(rec.get(c).unwrap_or_default());
            self.caches.key.push(0x1f);
        }
        if let Some(&k) = self.caches.location.get(&self.caches.key) {
            return Ok(k);
        }
        let name = text(rec, i, line)?;
        let mut loc = Location::new(name).map_err(|e| bad(line, i, name.as_bytes(), e))?;
        if let Some(c) = optional(rec, self.layout.location_country, line, str::parse::<Country>)? {
            loc = loc.in_country(c);
        }
        if let Some(k) = optional(rec, self.layout.location_kind, line, str::parse::<LocationKind>)? {
            loc = loc.kind(k);
        }
        let k = table.intern_location(loc);
        self.caches.location.insert(self.caches.key.clone(), k);
        Ok(k)
    }

    fn source(&mut self, rec: &csv::ByteRecord, line: u64, table: &mut FlowTable) -> crate::Result<u32> {
        let cols = self.layout.source;
        if cols
            .iter()
            .all(|c| c.is_none_or(|i| rec.get(i).unwrap_or_default().trim_ascii().is_empty()))
        {
            return Ok(self.default_source);
        }
        self.caches.key.clear();
        for c in cols.into_iter().flatten() {
            self.caches.key.extend_from_slice(rec.get(c).unwrap_or_default());
            self.caches.key.push(0x1f);
        }
        if let Some(&k) = self.caches.source.get(&self.caches.key) {
            return Ok(k);
        }
        let cell = |j: usize| -> crate::Result<&str> { cols[j].map_or(Ok(""), |i| text(rec, i, line)) };
        let publisher = cell(0)?;
        if publisher.is_empty() {
            let i = cols[1..]
                .iter()
                .flatten()
                .copied()
                .find(|&i| !rec[i].trim_ascii().is_empty())
                .unwrap_or(0);
            return Err(bad(line, i, &rec[i], "source detail without a publisher"));
        }
        let mut s = Source::new(publisher, cell(1)?);
        if let Some(d) = optional(rec, cols[2], line, |t| {
            time::Date::parse(t, time::macros::format_description!("[year]-[month]-[day]"))
        })? {
            s = s.date(d);
        }
        if let Some(a) = optional(rec, cols[3], line, |t| Ok::<_, std::convert::Infallible>(t.to_owned()))? {
            s = s.address(a);
        }
        if let Some(n) = optional(rec, cols[4], line, |t| Ok::<_, std::convert::Infallible>(t.to_owned()))? {
            s = s.note(n);
        }
        let k = table.intern_source(s);
        self.caches.source.insert(self.caches.key.clone(), k);
        Ok(k)
    }

    /// Parses one data row into `self.pending` (one row per count column).
    fn row(&mut self, rec: &csv::ByteRecord, line: u64, table: &mut FlowTable) -> crate::Result<()> {
        self.pending.clear();
        if rec.len() != self.layout.width {
            return Err(ReadError::RowLength {
                line,
                expected: self.layout.width,
                got: rec.len(),
            }
            .into());
        }
        let period = self.period(rec, line)?;
        let nationality = self.nationality(rec, line, table)?;
        let location = self.location(rec, line, table)?;
        let source = self.source(rec, line, table)?;
        let direction = optional(rec, self.layout.direction, line, str::parse::<Direction>)?;
        let sex = optional(rec, self.layout.sex, line, str::parse::<Sex>)?;
        let age = optional(rec, self.layout.age, line, str::parse::<AgeGroup>)?;
        for &(i, col_sex, col_age) in &self.layout.counts {
            let t = text(rec, i, line)?;
            let count = count_cell(t).map_err(|reason| bad(line, i, t.as_bytes(), reason))?;
            self.pending.push(Row {
                period,
                count,
                nationality,
                location,
                source,
                direction,
                sex: col_sex.or(sex),
                age: col_age.or(age),
            });
        }
        Ok(())
    }
}

/// Reads a flow table from CSV, strictly: the whole table or the first error.
///
/// The first row holds plain column names, optionally followed by an HXL hashtag
/// row; a hashtag row alone also works. Recognised columns (plain name / hashtag):
///
/// | holds | plain names | HXL |
/// |---|---|---|
/// | period (required; any [`Period`] text form) | `date`, `period` | `#date` |
/// | count (required; any [`Count`] text form) | `count`, `crossings`, `people`, `value`, `total`, `affected` | `#affected`, `#inneed`, `#reached`, `#targeted`, `#population`, each with `+f`/`+m`, `+children`/`+adults` (several columns: one record each) |
/// | nationality as an ISO code | `nationality_code`, `country_code`, `iso3` | `#country+code` |
/// | nationality as a label ([`Nationality::from_label`]) | `nationality`, `country`, `citizenship` | `#country`, `#country+name` |
/// | place name / its country / its kind | `location`, `place` / `location_country` / `location_kind` | `#loc+name` / `#loc+country+code` / `#loc+type` |
/// | direction, sex, age group | `direction`, `sex`, `age` | `#meta+direction`, `#meta+sex`, `#meta+age` |
/// | source: publisher, title, date, address, note | `source`, `source_title`, `source_date`, `source_address`, `source_note` | `#meta+source`, `#meta+source+title`, `+date`, `+url`, `+note` |
///
/// Empty optional cells mean "not stated"; an empty count is an error (a missing value
/// is not zero). Unknown columns are errors unless
/// [`ReadOptions::ignore_unknown_columns`] is set.
///
/// # Errors
/// [`crate::Error::Read`] naming the line, the column and the offending text, or
/// [`crate::Error::Io`] when the reader fails.
///
/// # Example
/// ```
/// use corridor::io::read_flows_csv;
///
/// let csv = "\
/// date,country,location,affected,affected
/// #date,#country+code,#loc+name,#affected+f,#affected+m
/// 2021-08,HTI,Bajo Chiquito,900,1200
/// 2021-08,CUB,Bajo Chiquito,about 40,over 60
/// ";
/// let table = read_flows_csv(csv.as_bytes())?;
/// assert_eq!(table.len(), 4);
/// assert_eq!(table.total().total().lower(), 900 + 1200 + 36 + 61);
///
/// let err = read_flows_csv("date,count\n2021-08,12\n2021-13,5\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().starts_with("line 3, column 1:"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flows_csv<R: Read>(reader: R) -> crate::Result<FlowTable> {
    read_flows_csv_with(reader, &ReadOptions::new()).map(ReadReport::into_table)
}

/// Reads a flow table from CSV with options: lenient mode, unknown columns, delimiter,
/// default source. See [`read_flows_csv`] for the columns.
///
/// # Errors
/// In strict mode, the first bad row; in both modes, a bad or missing header and
/// malformed CSV before the first data row.
pub fn read_flows_csv_with<R: Read>(reader: R, options: &ReadOptions) -> crate::Result<ReadReport> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter.unwrap_or(b','))
        .from_reader(reader);
    let mut first = csv::ByteRecord::new();
    if !csv.read_byte_record(&mut first).map_err(csv_error)? {
        return Err(ReadError::Empty.into());
    }
    let mut second = csv::ByteRecord::new();
    let (names, labels, header_line, pending_data) = if is_hashtag_row(&first) {
        (first, None, 1, None)
    } else if csv.read_byte_record(&mut second).map_err(csv_error)? {
        if is_hashtag_row(&second) {
            (second, Some(first), 2, None)
        } else {
            (first, None, 1, Some(second))
        }
    } else {
        (first, None, 1, None)
    };
    let header = if header_line == 2 || names.iter().next().is_some_and(|c| c.trim_ascii().starts_with(b"#")) {
        Header::Hxl
    } else {
        Header::Plain
    };
    let mut ignored = Vec::new();
    let layout = Layout::new(
        &names,
        labels.as_ref(),
        header == Header::Hxl,
        header_line,
        options.ignore_unknown,
        &mut ignored,
    )?;
    let mut table = FlowTable::new();
    let default_source = options
        .default_source
        .clone()
        .map_or(Row::NONE, |s| table.intern_source(s));
    let mut reader = Reader {
        layout,
        options,
        caches: Caches::default(),
        default_source,
        pending: Vec::new(),
    };
    let mut errors = Vec::new();
    let mut handle = |rec: &csv::ByteRecord, reader: &mut Reader<'_>, table: &mut FlowTable| -> crate::Result<()> {
        let line = rec.position().map_or(0, csv::Position::line);
        match reader.row(rec, line, table) {
            Ok(()) => {
                for row in reader.pending.drain(..) {
                    table.push_row(row);
                }
                Ok(())
            }
            Err(e) if reader.options.mode == ReadMode::Lenient => {
                errors.push(e);
                Ok(())
            }
            Err(e) => Err(e),
        }
    };
    if let Some(rec) = pending_data {
        handle(&rec, &mut reader, &mut table)?;
    }
    let mut rec = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut rec) {
            Ok(true) => handle(&rec, &mut reader, &mut table)?,
            Ok(false) => break,
            Err(e) => return Err(csv_error(e)),
        }
    }
    Ok(ReadReport {
        table,
        header,
        errors,
        ignored,
    })
}

/// Writes a flow table as CSV in long form: one record per row, plain column names,
/// followed by an HXL hashtag row when `header` is [`Header::Hxl`].
///
/// Only the columns that some record uses are written (date and count always), so
/// that reading the output back with [`read_flows_csv`] gives an equal table.
///
/// # Errors
/// [`crate::Error::Io`] when the writer fails.
///
/// # Example
/// ```
/// use corridor::io::{read_flows_csv, write_flows_csv, Header};
///
/// let table = read_flows_csv("date,nationality,count\n2021-08,HTI,over 60\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_flows_csv(&table, &mut out, Header::Hxl)?;
/// assert_eq!(
///     String::from_utf8(out.clone()).unwrap(),
///     "date,nationality,count\n#date,#country+name,#affected\n2021-08,HTI,at least 61\n"
/// );
/// assert_eq!(read_flows_csv(out.as_slice())?, table);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_flows_csv<W: Write>(table: &FlowTable, writer: W, header: Header) -> crate::Result<()> {
    type Cell = fn(&crate::flow::RecordRef<'_>) -> Option<String>;
    let columns: [(&str, &str, Cell); 14] = [
        ("date", "#date", |r| Some(r.period().to_string())),
        ("nationality", "#country+name", |r| {
            r.nationality().map(ToString::to_string)
        }),
        ("location", "#loc+name", |r| r.location().map(|l| l.name().to_owned())),
        ("location_country", "#loc+country+code", |r| {
            r.location()?.country().map(|c| c.alpha3().to_owned())
        }),
        ("location_kind", "#loc+type", |r| {
            r.location()
                .map(Location::location_kind)
                .filter(|k| *k != LocationKind::Unspecified)
                .map(|k| k.to_string())
        }),
        ("direction", "#meta+direction", |r| r.direction().map(|d| d.to_string())),
        ("sex", "#meta+sex", |r| r.sex().map(|d| d.to_string())),
        ("age", "#meta+age", |r| r.age().map(|d| d.to_string())),
        ("count", "#affected", |r| Some(r.count().to_string())),
        ("source", "#meta+source", |r| {
            r.source().map(|s| s.publisher().to_owned())
        }),
        ("source_title", "#meta+source+title", |r| {
            r.source().map(|s| s.title().to_owned()).filter(|t| !t.is_empty())
        }),
        ("source_date", "#meta+source+date", |r| {
            r.source()?.publication_date().map(|d| d.to_string())
        }),
        ("source_address", "#meta+source+url", |r| {
            r.source()?.address_str().map(ToOwned::to_owned)
        }),
        ("source_note", "#meta+source+note", |r| {
            r.source()?.note_str().map(ToOwned::to_owned)
        }),
    ];
    let used: Vec<usize> = (0..columns.len())
        .filter(|&c| {
            columns[c].0 == "date" || columns[c].0 == "count" || table.iter().any(|r| columns[c].2(&r).is_some())
        })
        .collect();
    let mut w = csv::WriterBuilder::new().from_writer(writer);
    w.write_record(used.iter().map(|&c| columns[c].0)).map_err(csv_error)?;
    if header == Header::Hxl {
        w.write_record(used.iter().map(|&c| columns[c].1)).map_err(csv_error)?;
    }
    for r in table {
        w.write_record(used.iter().map(|&c| columns[c].2(&r).unwrap_or_default()))
            .map_err(csv_error)?;
    }
    w.flush()?;
    Ok(())
}
