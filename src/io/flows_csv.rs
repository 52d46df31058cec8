//! Flow tables from and to CSV, with plain headers or an HXL hashtag row.

use std::io::{Read, Write};
use std::ops::ControlFlow;

use super::ReadError;
use super::chunks::{Chunk, Input, OwnedRec, Rec, Splitter, Unclosed};
use crate::flow::{
    AgeGroup, Direction, FlowError, FlowTable, GroupName, Location, LocationKind, Nationality, Row, Sex,
};
use crate::{Count, Country, Period, Source};
use rustc_hash::FxHashMap;

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
    groups: Vec<String>,
    accept_new_groups: bool,
}

impl ReadOptions {
    /// Strict mode, unknown columns are errors, comma-separated, no default source, no
    /// nationality groups.
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

    /// Declares nationality labels that are groups, not one country ("Haiti (plus Brazil
    /// and Chile)"): a nationality label that is no country code or name and no fixed
    /// category ("other", "unknown") is an error unless it is declared here (after
    /// trimming and Unicode normalisation form C, otherwise exactly) or
    /// [`ReadOptions::accept_new_groups`] is set, so that a typo ("Venezula") or a
    /// decomposed "Côte d'Ivoire" never becomes a group silently. Adds to the labels
    /// declared before.
    ///
    /// A declared label that is not a valid group (a country, a category, code-shaped
    /// text such as `"XX"`, empty) makes the read fail with that [`FlowError`].
    ///
    /// # Example
    /// ```
    /// use corridor::io::{read_flows_csv_with, ReadOptions};
    ///
    /// let csv = "date,nationality,count\n2021,Haiti (plus Brazil and Chile),5\n2021,Venezula,3\n";
    /// let options = ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]);
    /// let err = read_flows_csv_with(csv.as_bytes(), &options).unwrap_err();
    /// assert!(err.to_string().starts_with("line 3, column 2: unknown nationality \"Venezula\""));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn groups<I>(mut self, labels: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.groups.extend(labels.into_iter().map(|l| l.as_ref().to_owned()));
        self
    }

    /// Accepts every nationality label that is no country or category as a group, as
    /// [`Nationality::from_label`] does (default: only the declared
    /// [`ReadOptions::groups`]). Every label accepted as a group is listed in
    /// [`ReadReport::groups`].
    #[must_use]
    pub fn accept_new_groups(mut self, yes: bool) -> Self {
        self.accept_new_groups = yes;
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
    groups: Vec<GroupName>,
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

    /// Every nationality label read as a [`Nationality::Group`] (declared with
    /// [`ReadOptions::groups`] or accepted by [`ReadOptions::accept_new_groups`]), in
    /// order of first appearance.
    #[must_use]
    pub fn groups(&self) -> &[GroupName] {
        &self.groups
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Period,
    Count(Option<Sex>, Option<AgeGroup>),
    CountLower,
    CountUpper,
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
        "count_lower" => Role::CountLower,
        "count_upper" => Role::CountUpper,
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
        "#affected" if attrs == ["lower"] => Role::CountLower,
        "#affected" if attrs == ["upper"] => Role::CountUpper,
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

fn is_hashtag_row(cells: Rec<'_>) -> bool {
    let mut any = false;
    for c in cells.iter() {
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

/// The writer reports only i/o errors.
fn csv_error(e: csv::Error) -> crate::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}
/// A count column: its position, the sex and age group its attributes name, and the
/// people it covers as a set of the four sex × age cells (a bit each), so that a total
/// covers its breakdown.
#[derive(Debug, Clone, Copy)]
struct CountCol {
    col: usize,
    sex: Option<Sex>,
    age: Option<AgeGroup>,
    cells: u8,
}

impl CountCol {
    fn new(col: usize, sex: Option<Sex>, age: Option<AgeGroup>) -> Self {
        let sexes: u8 = match sex {
            None => 0b11,
            Some(Sex::Female) => 0b01,
            Some(Sex::Male) => 0b10,
        };
        let ages: u8 = match age {
            None => 0b11,
            Some(AgeGroup::Children) => 0b01,
            Some(AgeGroup::Adults) => 0b10,
        };
        // Bit 2 × sex + age.
        let mut cells = 0;
        for s in 0..2 {
            for a in 0..2 {
                if sexes >> s & 1 == 1 && ages >> a & 1 == 1 {
                    cells |= 1 << (2 * s + a);
                }
            }
        }
        Self { col, sex, age, cells }
    }

    /// Whether this column counts everyone `other` counts and more.
    fn covers(&self, other: &CountCol) -> bool {
        self.cells != other.cells && self.cells & other.cells == other.cells
    }

    fn overlaps(&self, other: &CountCol) -> bool {
        self.cells & other.cells != 0
    }
}

/// Column positions of each role, checked.
#[derive(Debug, Default)]
struct Layout {
    period: usize,
    /// The count columns, in file order.
    counts: Vec<CountCol>,
    /// Whether some count column covers another (a total beside its breakdown).
    nested: bool,
    /// The numeric bound columns `count_lower` and `count_upper`, when present.
    bounds: Option<(usize, Option<usize>)>,
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
        names: Rec<'_>,
        labels: Option<Rec<'_>>,
        hxl: bool,
        line: u64,
        ignore: bool,
        ignored: &mut Vec<String>,
    ) -> crate::Result<Self> {
        let mut roles: Vec<(usize, Role)> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let tag = String::from_utf8_lossy(raw).into_owned();
            let role = if hxl { hxl_role(&tag) } else { plain_role(&tag) };
            let name = match labels.and_then(|l| l.field(i)) {
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
        let (mut lower, mut upper) = (None, None);
        for (i, role) in roles {
            match role {
                Role::Period => period = Some(i),
                Role::Count(s, a) => l.counts.push(CountCol::new(i, s, a)),
                Role::CountLower => lower = Some(i),
                Role::CountUpper => upper = Some(i),
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
        l.set_bounds(lower, upper, names, line)?;
        if l.counts.is_empty() && l.bounds.is_none() {
            return Err(ReadError::MissingColumn {
                name: "count",
                expected: "\"count\", \"crossings\", #affected, or \"count_lower\" with \"count_upper\"",
            }
            .into());
        }
        // A sex or age column beside disaggregated count columns (or a count column that
        // names its own sex or age group) would say it twice.
        let by_sex = l.counts.len() > 1 || l.counts.iter().any(|c| c.sex.is_some());
        let by_age = l.counts.len() > 1 || l.counts.iter().any(|c| c.age.is_some());
        if let Some(i) = l.sex.filter(|_| by_sex).or(l.age.filter(|_| by_age)) {
            let name = String::from_utf8_lossy(names.get(i)).into_owned();
            return Err(ReadError::DuplicateColumn {
                line,
                column: i + 1,
                name,
            }
            .into());
        }
        l.check_breakdown(names, line)?;
        if l.location.is_none() && (l.location_country.is_some() || l.location_kind.is_some()) {
            return Err(ReadError::MissingColumn {
                name: "location",
                expected: "\"location\" or #loc+name (a location country or kind describes a location)",
            }
            .into());
        }
        Ok(l)
    }

    /// Records the numeric bound columns: an upper bound needs a lower one, and bounds go with at most
    /// one count column.
    fn set_bounds(
        &mut self,
        lower: Option<usize>,
        upper: Option<usize>,
        names: Rec<'_>,
        line: u64,
    ) -> crate::Result<()> {
        match (lower, upper) {
            (None, Some(_)) => {
                return Err(ReadError::MissingColumn {
                    name: "count_lower",
                    expected: "\"count_lower\" or #affected+lower (an upper bound needs its lower bound)",
                }
                .into());
            }
            (Some(lo), up) => {
                if self.counts.len() > 1 {
                    return Err(ReadError::ConflictingColumns {
                        line,
                        column: lo + 1,
                        name: String::from_utf8_lossy(names.get(lo)).into_owned(),
                        reason: "numeric count bounds go with a single count column, not a breakdown".to_owned(),
                    }
                    .into());
                }
                self.bounds = Some((lo, up));
            }
            (None, None) => {}
        }
        Ok(())
    }

    /// Checks that the count columns can be read as records without counting anyone
    /// twice: the finest columns (those that cover no other) must not overlap, and each
    /// total or subtotal must be exactly the sum of the finest columns it covers, which
    /// become the records while the total is checked against their sum row by row.
    fn check_breakdown(&mut self, names: Rec<'_>, line: u64) -> crate::Result<()> {
        let counts = &self.counts;
        let name = |c: &CountCol| String::from_utf8_lossy(names.get(c.col)).into_owned();
        let finest: Vec<&CountCol> = counts.iter().filter(|c| !counts.iter().any(|o| c.covers(o))).collect();
        for (k, b) in finest.iter().enumerate() {
            if let Some(a) = finest[..k].iter().find(|a| a.overlaps(b)) {
                return Err(ReadError::ConflictingColumns {
                    line,
                    column: b.col + 1,
                    name: name(b),
                    reason: format!(
                        "overlaps column {} ({:?}): the people in both would be counted twice; give the joint \
                         columns (such as +f+children) or one breakdown only",
                        a.col + 1,
                        name(a)
                    ),
                }
                .into());
            }
        }
        for t in counts.iter().filter(|t| counts.iter().any(|o| t.covers(o))) {
            self.nested = true;
            let tiled = finest.iter().filter(|f| t.covers(f)).fold(0, |acc, f| acc | f.cells);
            if tiled != t.cells {
                return Err(ReadError::ConflictingColumns {
                    line,
                    column: t.col + 1,
                    name: name(t),
                    reason: "is broken down only in part by the other count columns: reading it beside them \
                             would count people twice (give every part, such as both +f and +m, or the \
                             total alone)"
                        .to_owned(),
                }
                .into());
            }
        }
        Ok(())
    }
}

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

pub(super) fn bad(line: u64, column: usize, text: &[u8], reason: impl std::fmt::Display) -> crate::Error {
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

/// The error of a quote that never closes.
pub(super) fn unclosed(at: Unclosed) -> crate::Error {
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
pub(super) fn shift_line(e: crate::Error, base: u64) -> crate::Error {
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
pub(super) const CHUNK: usize = 2 << 20;

/// Parses the chunks of `input` one after the other, or on rayon's pool.
fn read_chunks<R: Read>(
    input: &mut Input<R>,
    plan: &Plan<'_>,
    merged: &mut Merged,
    parallel: bool,
) -> crate::Result<()> {
    super::chunks::parse_chunks(
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
    let splitter = Splitter::new(options.delimiter.unwrap_or(b','));
    let mut input = Input::new(reader, chunk);
    input.skip_bom()?;
    let mut first = OwnedRec::default();
    let first_line = match input.record(&splitter, &mut first)? {
        None => return Err(ReadError::Empty.into()),
        Some((_, Some(at))) => return Err(unclosed(at)),
        Some((line, None)) => line,
    };
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
        options.ignore_unknown,
        &mut ignored,
    )?;
    let plan = Plan {
        layout,
        mode: options.mode,
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
        strict: options.mode == ReadMode::Strict,
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

/// Reads a flow table from CSV, strictly: the whole table or the first error.
///
/// The first row holds plain column names, optionally followed by an HXL hashtag
/// row; a hashtag row alone also works. Recognised columns (plain name / hashtag):
///
/// | holds | plain names | HXL |
/// |---|---|---|
/// | period (required; any [`Period`] text form) | `date`, `period` | `#date` |
/// | count (required; any [`Count`] text form) | `count`, `crossings`, `people`, `value`, `total`, `affected` | `#affected`, `#inneed`, `#reached`, `#targeted`, `#population`, each with `+f`/`+m`, `+children`/`+adults` (several columns: one record each) |
/// | count bounds as numbers (optional, beside a single count column or instead of it; see [`WriteOptions`]) | `count_lower`, `count_upper` | `#affected+lower`, `#affected+upper` |
/// | nationality as an ISO code | `nationality_code`, `country_code`, `iso3` | `#country+code` |
/// | nationality as a label ([`Nationality::from_label`]) | `nationality`, `country`, `citizenship` | `#country`, `#country+name` |
/// | place name / its country / its kind | `location`, `place` / `location_country` / `location_kind` | `#loc+name` / `#loc+country+code` / `#loc+type` |
/// | direction, sex, age group | `direction`, `sex`, `age` | `#meta+direction`, `#meta+sex`, `#meta+age` |
/// | source: publisher, title, date, address, note | `source`, `source_title`, `source_date`, `source_address`, `source_note` | `#meta+source`, `#meta+source+title`, `+date`, `+url`, `+note` |
///
/// Empty optional cells mean "not stated"; an empty count is an error (a missing value
/// is not zero). Numeric bounds beside a text count must agree with it on every row (an empty
/// `count_upper` for "at least N"), or the row's error names the line and the column; without a text
/// count, the count is built from its bounds ([`Count::from_numbers`]: a range's point is its midpoint). Unknown columns are errors unless
/// [`ReadOptions::ignore_unknown_columns`] is set.
///
/// Quoting follows RFC 4180 as the `csv` crate reads it (doubled quotes; `\r`, `\n` or
/// `\r\n` end a record; blank lines are skipped; a UTF-8 byte order mark at the start is
/// dropped). Line numbers in errors are those of the first line of the record.
///
/// The input is read in chunks of a few megabytes cut at record ends; with the
/// `parallel` feature the chunks are parsed on rayon's pool. The table and the errors
/// are the same either way: the first bad row in file order in strict mode, every bad
/// row in order in lenient mode. Memory stays near the size of the table plus a few
/// chunks, whatever the size of the input.
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
    read_chunked(reader, options, CHUNK, true)
}

/// Writes a flow table as CSV in long form: one record per row, plain column names,
/// followed by an HXL hashtag row when `header` is [`Header::Hxl`].
///
/// Only the columns that some record uses are written (date and count always), so
/// that reading the output back with [`read_flows_csv`] gives an equal table, sources
/// included; a table with nationality groups reads back with those groups declared
/// ([`ReadOptions::groups`]) or with [`ReadOptions::accept_new_groups`].
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
    write_flows_csv_with(table, writer, &WriteOptions::new().header(header))
}

/// Options of [`write_flows_csv_with`]: the header style and whether the counts' bounds are written as
/// numbers too.
///
/// # Numeric count columns
///
/// With [`WriteOptions::count_bounds`] the writer adds, after `count`, the columns `count_lower` and
/// `count_upper` (HXL `#affected+lower`, `#affected+upper`): the lower and upper bounds as whole
/// numbers, the upper cell empty for "at least N". pandas and polars read them as integer columns (the
/// text `count` stays as it is, so nothing of the count is lost), and [`read_flows_csv`] reads such a
/// file back exactly, checking on every row that the bounds agree with the text count.
///
/// Checked by hand with polars 2.1.0 (Python 3.11.7) on the file the example below writes (its text
/// is asserted there), saved as `flows.csv`:
/// `python3 -c 'import polars as pl; print(pl.read_csv("flows.csv").schema)'` gives `count_lower` and
/// `count_upper` as `Int64`, the upper bound of "at least 61" null. pandas 3.1.1 (`pd.read_csv`) reads
/// `count_lower` as `int64` and `count_upper` as `float64` (pandas has no null in an `int64` column;
/// `dtype={"count_upper": "Int64"}` keeps integers); both forms read back here, as the reader accepts
/// `24.0` for a bound.
///
/// # Example
/// ```
/// use corridor::io::{read_flows_csv, write_flows_csv_with, WriteOptions};
///
/// let table = read_flows_csv("date,nationality,count\n2021-08,HTI,over 60\n2021-08,CUB,21-24\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_flows_csv_with(&table, &mut out, &WriteOptions::new().count_bounds(true))?;
/// assert_eq!(
///     String::from_utf8(out.clone()).unwrap(),
///     "date,nationality,count,count_lower,count_upper\n2021-08,HTI,at least 61,61,\n2021-08,CUB,21-24,21,24\n"
/// );
/// assert_eq!(read_flows_csv(out.as_slice())?, table);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WriteOptions {
    header: Header,
    count_bounds: bool,
}

impl WriteOptions {
    /// Plain header, counts as text only.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Plain column names, or followed by an HXL hashtag row.
    #[must_use]
    pub fn header(mut self, header: Header) -> Self {
        self.header = header;
        self
    }

    /// Also write each count's bounds as the numeric columns `count_lower` and `count_upper` (see
    /// [`WriteOptions`]).
    #[must_use]
    pub fn count_bounds(mut self, yes: bool) -> Self {
        self.count_bounds = yes;
        self
    }
}

/// Writes a flow table as CSV with options (see [`write_flows_csv`] for the columns and
/// [`WriteOptions`] for the numeric count columns).
///
/// # Errors
/// [`crate::Error::Io`] when the writer fails.
pub fn write_flows_csv_with<W: Write>(table: &FlowTable, writer: W, options: &WriteOptions) -> crate::Result<()> {
    type Cell = fn(&crate::flow::RecordRef<'_>) -> Option<String>;
    let header = options.header;
    let columns: [(&str, &str, Cell); 16] = [
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
        ("count_lower", "#affected+lower", |r| {
            Some(r.count().lower().to_string())
        }),
        ("count_upper", "#affected+upper", |r| {
            r.count().upper().map(|u| u.to_string())
        }),
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
        .filter(|&c| match columns[c].0 {
            "date" | "count" => true,
            "count_lower" | "count_upper" => options.count_bounds,
            _ => table.iter().any(|r| columns[c].2(&r).is_some()),
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

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;

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
