//! Columnar tables of flow records.

use std::hash::Hash;
use std::iter::FusedIterator;

use time::Date;

use super::{AgeGroup, Direction, FlowError, FlowRecord, Location, Nationality, Sex};
use crate::{Count, Granularity, Period, Source};
use rustc_hash::FxHashMap;

/// Marks "attribute absent" in a dictionary column.
const NONE: u32 = u32::MAX;

/// [`FlowTable::group_by`] uses a flat array of slots when distinct periods × keys are
/// at most this many (or at most the number of records), a hash map otherwise.
const DENSE_GROUPS: usize = 1 << 20;

/// Distinct values of one column, each stored once and referred to by index.
#[derive(Debug, Clone)]
struct Dict<T> {
    items: Vec<T>,
    index: FxHashMap<T, u32>,
}

impl<T> Default for Dict<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: FxHashMap::default(),
        }
    }
}

impl<T: Clone + Eq + Hash> Dict<T> {
    fn intern(&mut self, value: T) -> u32 {
        if let Some(&i) = self.index.get(&value) {
            return i;
        }
        let i = u32::try_from(self.items.len()).expect("fewer than 2^32 - 1 distinct values");
        self.items.push(value.clone());
        self.index.insert(value, i);
        i
    }

    fn intern_opt(&mut self, value: Option<T>) -> u32 {
        value.map_or(NONE, |v| self.intern(v))
    }

    fn get(&self, i: u32) -> Option<&T> {
        if i == NONE { None } else { self.items.get(i as usize) }
    }

    /// Interns every value of `other`, in its order, and returns the new index of each
    /// of its indices.
    fn merge(&mut self, other: Dict<T>) -> Vec<u32> {
        other.items.into_iter().map(|v| self.intern(v)).collect()
    }

    /// Whether this dictionary's values are the first values of `other`, in order.
    fn is_prefix_of(&self, other: &Dict<T>) -> bool {
        other.items.starts_with(&self.items)
    }
}

/// Maps an index of a merged dictionary through `map`, keeping [`NONE`].
#[inline]
fn remap(map: &[u32], i: u32) -> u32 {
    if i == NONE { NONE } else { map[i as usize] }
}

/// Counts by column: the point of every count, and the full [`Count`] of the few
/// that are not exact (a bit per row says which).
#[derive(Debug, Clone, Default)]
struct CountColumn {
    points: Vec<u64>,
    inexact_bits: Vec<u64>,
    /// `(row, count)` of the rows whose count is not exact, in row order.
    inexact: Vec<(usize, Count)>,
}

impl CountColumn {
    /// Appends an exact count's point (its inexact bit stays 0).
    fn push_exact(&mut self, point: u64) {
        if self.points.len().is_multiple_of(64) {
            self.inexact_bits.push(0);
        }
        self.points.push(point);
    }

    fn push(&mut self, c: Count) {
        let row = self.points.len();
        self.push_exact(c.point());
        if !c.is_exact() {
            self.inexact_bits[row / 64] |= 1 << (row % 64);
            self.inexact.push((row, c));
        }
    }

    /// The full count of an inexact row, `None` for an exact one.
    #[inline]
    fn inexact(&self, row: usize) -> Option<Count> {
        if (self.inexact_bits[row / 64] >> (row % 64)) & 1 == 0 {
            return None;
        }
        self.inexact
            .binary_search_by_key(&row, |e| e.0)
            .ok()
            .map(|i| self.inexact[i].1)
    }

    fn get(&self, row: usize) -> Count {
        self.inexact(row).unwrap_or(Count::exact(self.points[row]))
    }

    fn reserve(&mut self, additional: usize) {
        self.points.reserve(additional);
        self.inexact_bits.reserve(additional / 64 + 1);
    }

    fn append(&mut self, other: CountColumn) {
        let offset = self.points.len();
        self.points.extend_from_slice(&other.points);
        if offset.is_multiple_of(64) {
            self.inexact_bits.extend_from_slice(&other.inexact_bits);
        } else {
            self.inexact_bits.resize(self.points.len().div_ceil(64), 0);
            for &(row, _) in &other.inexact {
                let r = row + offset;
                self.inexact_bits[r / 64] |= 1 << (r % 64);
            }
        }
        self.inexact
            .extend(other.inexact.into_iter().map(|(row, c)| (row + offset, c)));
    }
}

/// Many flow records, stored by column.
///
/// Periods, nationalities, places and sources are stored once each and referred to
/// by index, and an exact count takes 8 bytes, so a million records take about 27 MB.
/// Records keep the order in which they were added.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable, GroupBy, Nationality};
/// use corridor::Granularity;
///
/// let table: FlowTable = [
///     ("2021-08-01", 2000, "HTI"),
///     ("2021-08-02", 461, "HTI"),
///     ("2021-08-02", 300, "CUB"),
/// ]
/// .into_iter()
/// .map(|(d, n, c)| -> corridor::Result<FlowRecord> {
///     Ok(FlowRecord::new(d.parse()?, corridor::Count::exact(n)).nationality(c.parse()?))
/// })
/// .collect::<corridor::Result<_>>()?;
///
/// let by_month = table.group_by(Granularity::Month, GroupBy::Nationality)?;
/// assert_eq!(by_month.len(), 2);
/// assert_eq!(by_month[0].key().to_string(), "CUB");
/// assert_eq!(by_month[1].total().point(), 2461);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct FlowTable {
    periods: Vec<u32>,
    counts: CountColumn,
    nationality: Vec<u32>,
    location: Vec<u32>,
    source: Vec<u32>,
    direction: Vec<Option<Direction>>,
    sex: Vec<Option<Sex>>,
    age: Vec<Option<AgeGroup>>,
    period_dict: Dict<Period>,
    nationalities: Dict<Nationality>,
    locations: Dict<Location>,
    sources: Dict<Source>,
}

/// What to group records by, besides their period.
///
/// With the `serde` feature it is the word `total`, `nationality` or `location`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
/// use corridor::{Count, Granularity};
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(600)).nationality("VEN".parse()?));
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(300)).nationality("ECU".parse()?));
/// table.push(FlowRecord::new("2023-02".parse()?, Count::exact(100)).nationality("VEN".parse()?));
/// assert_eq!(table.group_by(Granularity::Month, GroupBy::Total)?.len(), 2); // two months
/// assert_eq!(table.group_by(Granularity::Month, GroupBy::Nationality)?.len(), 3);
/// assert_eq!(table.group_by(Granularity::Year, GroupBy::Nationality)?.len(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
pub enum GroupBy {
    /// Periods only: one total per period.
    Total,
    /// Period × nationality.
    Nationality,
    /// Period × place.
    Location,
}

/// The non-period part of a group's key.
///
/// With the `serde` feature it is `"all"`, `{"nationality": …}` or `{"location": …}` (`null` inside
/// for records without one); deserialising checks the nationality or place as their own
/// deserialisers do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable, GroupBy, GroupKey};
/// use corridor::Count;
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(600)).nationality("VEN".parse()?));
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(40)));
/// let shares = table.shares(GroupBy::Nationality);
/// assert_eq!(shares[0].key(), &GroupKey::Nationality(Some("VEN".parse()?)));
/// // Records without a nationality form their own group.
/// assert_eq!(shares[1].key(), &GroupKey::Nationality(None));
/// assert_eq!(shares[1].key().to_string(), "(not stated)");
/// assert_eq!(table.shares(GroupBy::Total)[0].key(), &GroupKey::All);
/// # Ok::<(), corridor::Error>(())
/// ```
pub enum GroupKey {
    /// All records ([`GroupBy::Total`]).
    All,
    /// Records of one nationality; `None` for records without one.
    Nationality(Option<Nationality>),
    /// Records at one place; `None` for records without one.
    Location(Option<Location>),
}

impl std::fmt::Display for GroupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::All => f.write_str("all"),
            Self::Nationality(Some(n)) => n.fmt(f),
            Self::Location(Some(l)) => l.fmt(f),
            Self::Nationality(None) | Self::Location(None) => f.write_str("(not stated)"),
        }
    }
}

/// The sum of some records: a [`Count`] whose bounds are the sums of the records'
/// bounds, how many records went into it, and the set of their sources.
///
/// With the `serde` feature it serialises (serialise-only) as `total`, `records` and `sources`.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::{Count, Source};
/// let snm = Source::new("SNM Panamá", "Tránsito irregular por Darién")?;
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(500)).source(snm.clone()));
/// table.push(FlowRecord::new("2023-02".parse()?, Count::about(1200)).source(snm.clone()));
/// let all = table.total();
/// assert_eq!(all.records(), 2);
/// // Bounds add up: 500 plus 1,080..=1,320.
/// assert_eq!((all.total().lower(), all.total().upper()), (1580, Some(1820)));
/// assert_eq!(all.sources(), &[snm]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Aggregate {
    total: Count,
    records: usize,
    sources: Vec<Source>,
}

impl Aggregate {
    /// The total, with bounds.
    #[must_use]
    pub fn total(&self) -> &Count {
        &self.total
    }

    /// How many records were summed.
    #[must_use]
    pub fn records(&self) -> usize {
        self.records
    }

    /// The distinct sources of the summed records, sorted.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

/// One row of [`FlowTable::group_by`]: a period, a key and their [`Aggregate`].
///
/// With the `serde` feature it serialises (serialise-only) as one flat row: `period`, `key`, and the
/// aggregate's `total`, `records` and `sources`.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable, GroupBy, GroupKey};
/// use corridor::{Count, Granularity};
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-01-03".parse()?, Count::exact(400)));
/// table.push(FlowRecord::new("2023-01-20".parse()?, Count::exact(220)));
/// let months = table.group_by(Granularity::Month, GroupBy::Total)?;
/// let jan = &months[0];
/// assert_eq!((jan.period().to_string(), jan.key()), ("2023-01".to_string(), &GroupKey::All));
/// assert_eq!((jan.total().point(), jan.aggregate().records()), (620, 2));
/// assert_eq!(jan.per_day(), 20.0); // 620 people over 31 days
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Group {
    period: Period,
    key: GroupKey,
    #[cfg_attr(feature = "serde", serde(flatten))]
    aggregate: Aggregate,
}

impl Group {
    /// The period of the group.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The nationality or place of the group.
    #[must_use]
    pub fn key(&self) -> &GroupKey {
        &self.key
    }

    /// The summed count.
    #[must_use]
    pub fn total(&self) -> &Count {
        &self.aggregate.total
    }

    /// The total with its record count and sources.
    #[must_use]
    pub fn aggregate(&self) -> &Aggregate {
        &self.aggregate
    }

    /// People per day: the point estimate divided by the exact number of calendar days
    /// of the period.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
    /// use corridor::{Count, Granularity};
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2024-02".parse()?, Count::exact(29_000)));
    /// // February 2024 has 29 days.
    /// assert_eq!(table.group_by(Granularity::Month, GroupBy::Total)?[0].per_day(), 1000.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn per_day(&self) -> f64 {
        self.aggregate.total.point() as f64 / f64::from(self.period.days())
    }
}

/// A key's share of the total, from [`FlowTable::shares`].
///
/// With the `serde` feature it serialises (serialise-only) as one flat row: `key`, the aggregate's
/// `total`, `records` and `sources`, and `share` (between 0 and 1).
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
/// use corridor::Count;
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(600)).nationality("VEN".parse()?));
/// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(300)).nationality("ECU".parse()?));
/// table.push(FlowRecord::new("2023-02".parse()?, Count::exact(100)).nationality("VEN".parse()?));
/// let shares = table.shares(GroupBy::Nationality);
/// assert_eq!(shares[0].key().to_string(), "VEN");
/// assert_eq!((shares[0].total().point(), shares[0].share()), (700, 0.7));
/// assert_eq!((shares[1].aggregate().records(), shares[1].share()), (1, 0.3));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Share {
    key: GroupKey,
    #[cfg_attr(feature = "serde", serde(flatten))]
    aggregate: Aggregate,
    #[cfg_attr(feature = "serde", serde(rename = "share"))]
    fraction: f64,
}

impl Share {
    /// The nationality or place.
    #[must_use]
    pub fn key(&self) -> &GroupKey {
        &self.key
    }

    /// Its total.
    #[must_use]
    pub fn total(&self) -> &Count {
        &self.aggregate.total
    }

    /// Its total with record count and sources.
    #[must_use]
    pub fn aggregate(&self) -> &Aggregate {
        &self.aggregate
    }

    /// Its share of the grand total of point estimates, between 0 and 1.
    #[must_use]
    pub fn share(&self) -> f64 {
        self.fraction
    }
}

/// Which records [`FlowTable::filter`] keeps. Every condition that is set must hold.
///
/// # Examples
/// ```
/// use corridor::flow::{Direction, FlowFilter};
/// use time::macros::date;
///
/// let f = FlowFilter::new()
///     .within(date!(2021 - 01 - 01), date!(2021 - 12 - 31))
///     .nationality("VEN".parse()?)
///     .direction(Direction::Northbound);
/// # let _ = f;
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowFilter {
    within: Option<(Date, Date)>,
    nationalities: Vec<Nationality>,
    locations: Vec<String>,
    direction: Option<Direction>,
    sex: Option<Sex>,
    age: Option<AgeGroup>,
    sources: Vec<Source>,
}

impl FlowFilter {
    /// A filter that keeps every record.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Keep records whose period lies entirely within `first..=last`.
    #[must_use]
    pub fn within(mut self, first: Date, last: Date) -> Self {
        self.within = Some((first, last));
        self
    }

    /// Keep records of this nationality (call again to allow several).
    #[must_use]
    pub fn nationality(mut self, n: Nationality) -> Self {
        self.nationalities.push(n);
        self
    }

    /// Keep records at a place of this name (call again to allow several).
    #[must_use]
    pub fn location(mut self, name: impl Into<String>) -> Self {
        self.locations.push(name.into());
        self
    }

    /// Keep records of this direction.
    #[must_use]
    pub fn direction(mut self, d: Direction) -> Self {
        self.direction = Some(d);
        self
    }

    /// Keep records of this sex.
    #[must_use]
    pub fn sex(mut self, s: Sex) -> Self {
        self.sex = Some(s);
        self
    }

    /// Keep records of this age group.
    #[must_use]
    pub fn age(mut self, a: AgeGroup) -> Self {
        self.age = Some(a);
        self
    }

    /// Keep records from this source (call again to allow several). Tables that
    /// gather several sources often hold the same people twice: choose one source
    /// before summing.
    #[must_use]
    pub fn source(mut self, s: Source) -> Self {
        self.sources.push(s);
        self
    }
}

/// A borrowed view of one record of a [`FlowTable`].
///
/// # Examples
/// ```
/// use corridor::flow::{Direction, FlowRecord, FlowTable};
/// use corridor::Count;
/// let mut table = FlowTable::new();
/// table.push(FlowRecord::new("2023-05".parse()?, Count::exact(80)).direction(Direction::Southbound));
/// let row = table.get(0).unwrap();
/// assert_eq!((row.count().point(), row.direction()), (80, Some(Direction::Southbound)));
/// assert_eq!(row.nationality(), None);
/// // An owned copy, equal to the record that was pushed.
/// assert_eq!(row.to_record().count(), &Count::exact(80));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RecordRef<'a> {
    table: &'a FlowTable,
    row: usize,
}

impl<'a> RecordRef<'a> {
    /// The period.
    #[must_use]
    pub fn period(&self) -> Period {
        self.table.period_dict.items[self.table.periods[self.row] as usize]
    }

    /// The count.
    #[must_use]
    pub fn count(&self) -> Count {
        self.table.counts.get(self.row)
    }

    /// The nationality, if any.
    #[must_use]
    pub fn nationality(&self) -> Option<&'a Nationality> {
        self.table.nationalities.get(self.table.nationality[self.row])
    }

    /// The place, if any.
    #[must_use]
    pub fn location(&self) -> Option<&'a Location> {
        self.table.locations.get(self.table.location[self.row])
    }

    /// The direction, if any.
    #[must_use]
    pub fn direction(&self) -> Option<Direction> {
        self.table.direction[self.row]
    }

    /// The sex, if any.
    #[must_use]
    pub fn sex(&self) -> Option<Sex> {
        self.table.sex[self.row]
    }

    /// The age group, if any.
    #[must_use]
    pub fn age(&self) -> Option<AgeGroup> {
        self.table.age[self.row]
    }

    /// The source, if any.
    #[must_use]
    pub fn source(&self) -> Option<&'a Source> {
        self.table.sources.get(self.table.source[self.row])
    }

    /// An owned copy of the record.
    #[must_use]
    pub fn to_record(&self) -> FlowRecord {
        let mut r = FlowRecord::new(self.period(), self.count());
        if let Some(n) = self.nationality() {
            r = r.nationality(n.clone());
        }
        if let Some(l) = self.location() {
            r = r.location(l.clone());
        }
        if let Some(d) = self.direction() {
            r = r.direction(d);
        }
        if let Some(s) = self.sex() {
            r = r.sex(s);
        }
        if let Some(a) = self.age() {
            r = r.age(a);
        }
        if let Some(s) = self.source() {
            r = r.source(s.clone());
        }
        r
    }
}

/// Iterator over the records of a table; see [`FlowTable::iter`].
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::Count;
/// let table: FlowTable = [100, 250, 50]
///     .into_iter()
///     .map(|n| -> corridor::Result<FlowRecord> { Ok(FlowRecord::new("2023-05".parse()?, Count::exact(n))) })
///     .collect::<corridor::Result<_>>()?;
/// let sum: u64 = table.iter().map(|r| r.count().point()).sum();
/// assert_eq!((table.iter().len(), sum), (3, 400));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    table: &'a FlowTable,
    next: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = RecordRef<'a>;

    fn next(&mut self) -> Option<RecordRef<'a>> {
        let r = self.table.get(self.next)?;
        self.next += 1;
        Some(r)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.table.len() - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl FusedIterator for Iter<'_> {}

/// Accumulates one group: exact counts as a plain sum, the others with their
/// bounds, the record count and the source indices.
#[derive(Debug, Clone)]
struct Acc {
    exact: u128,
    rest: Count,
    records: usize,
    sources: Vec<u32>,
}

impl Acc {
    fn new() -> Self {
        Self {
            exact: 0,
            rest: Count::ZERO,
            records: 0,
            sources: Vec::new(),
        }
    }

    #[inline]
    fn add(&mut self, counts: &CountColumn, row: usize, source: u32) {
        match counts.inexact(row) {
            None => self.exact += u128::from(counts.points[row]),
            Some(c) => self.rest += c,
        }
        self.records += 1;
        if source != NONE && !self.sources.contains(&source) {
            self.sources.push(source);
        }
    }

    fn total(&self) -> Count {
        // Past u64::MAX the sum saturates exactly as `Count`'s own addition does.
        let exact = u64::try_from(self.exact).map_or(Count::exact(u64::MAX) + Count::exact(1), Count::exact);
        exact + self.rest
    }

    fn finish(self, sources: &Dict<Source>) -> Aggregate {
        let total = self.total();
        let mut s: Vec<Source> = self.sources.iter().filter_map(|&i| sources.get(i).cloned()).collect();
        s.sort();
        Aggregate {
            total,
            records: self.records,
            sources: s,
        }
    }
}

impl FlowTable {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of records.
    #[must_use]
    pub fn len(&self) -> usize {
        self.periods.len()
    }

    /// Whether the table has no record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.periods.is_empty()
    }

    /// Appends a record.
    ///
    /// # Panics
    /// When the table already holds 2³² − 1 distinct nationalities, places or sources.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable};
    /// use corridor::Count;
    /// let mut table = FlowTable::new();
    /// assert!(table.is_empty());
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(10)).nationality("VEN".parse()?));
    /// table.push(FlowRecord::new("2023-02".parse()?, Count::exact(20)).nationality("VEN".parse()?));
    /// // Nationalities are stored once each.
    /// assert_eq!((table.len(), table.nationalities().len()), (2, 1));
    /// assert_eq!(table.get(1).map(|r| r.count().point()), Some(20));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn push(&mut self, record: FlowRecord) {
        let parts = record.into_parts();
        let period = self.period_dict.intern(parts.period);
        let nationality = self.nationalities.intern_opt(parts.nationality);
        let location = self.locations.intern_opt(parts.location);
        let source = self.sources.intern_opt(parts.source);
        self.push_row(Row {
            period,
            count: parts.count,
            nationality,
            location,
            source,
            direction: parts.direction,
            sex: parts.sex,
            age: parts.age,
        });
    }

    /// Moves every record of `other` to the end of this table, keeping their order.
    ///
    /// Periods, nationalities, places and sources that this table already stores are
    /// not stored twice; the others are added in `other`'s order, so that reading a file
    /// in pieces and appending them gives the same table as reading it whole.
    ///
    /// # Complexity
    ///
    /// O(`other.len()` + the distinct values of `other`).
    ///
    /// # Panics
    /// When the table would hold 2³² − 1 distinct periods, nationalities, places or sources.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable};
    /// use corridor::Count;
    ///
    /// let rec = |d: &str, n: u64, c: &str| -> corridor::Result<FlowRecord> {
    ///     Ok(FlowRecord::new(d.parse()?, Count::exact(n)).nationality(c.parse()?))
    /// };
    /// let mut a: FlowTable = [rec("2021-08", 10, "HTI")?].into_iter().collect();
    /// let b: FlowTable = [rec("2021-09", 5, "CUB")?, rec("2021-08", 2, "HTI")?].into_iter().collect();
    /// a.append(b);
    /// assert_eq!(a.len(), 3);
    /// assert_eq!(a.nationalities().len(), 2);
    /// assert_eq!(a.get(2).unwrap().count(), Count::exact(2));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn append(&mut self, other: FlowTable) {
        if self.is_empty()
            && self.period_dict.is_prefix_of(&other.period_dict)
            && self.nationalities.is_prefix_of(&other.nationalities)
            && self.locations.is_prefix_of(&other.locations)
            && self.sources.is_prefix_of(&other.sources)
        {
            *self = other;
            return;
        }
        let FlowTable {
            periods,
            counts,
            nationality,
            location,
            source,
            direction,
            sex,
            age,
            period_dict,
            nationalities,
            locations,
            sources,
        } = other;
        let map = self.period_dict.merge(period_dict);
        self.periods.extend(periods.iter().map(|&i| map[i as usize]));
        let map = self.nationalities.merge(nationalities);
        self.nationality.extend(nationality.iter().map(|&i| remap(&map, i)));
        let map = self.locations.merge(locations);
        self.location.extend(location.iter().map(|&i| remap(&map, i)));
        let map = self.sources.merge(sources);
        self.source.extend(source.iter().map(|&i| remap(&map, i)));
        self.counts.append(counts);
        self.direction.extend_from_slice(&direction);
        self.sex.extend_from_slice(&sex);
        self.age.extend_from_slice(&age);
    }

    /// Stores a period once and returns its index, for fast readers.
    #[cfg(any(feature = "csv", feature = "arrow"))]
    pub(crate) fn intern_period(&mut self, p: Period) -> u32 {
        self.period_dict.intern(p)
    }

    /// Stores a nationality once and returns its index, for fast readers.
    #[cfg(any(feature = "csv", feature = "arrow"))]
    pub(crate) fn intern_nationality(&mut self, n: Nationality) -> u32 {
        self.nationalities.intern(n)
    }

    /// Stores a place once and returns its index, for fast readers.
    #[cfg(any(feature = "csv", feature = "arrow"))]
    pub(crate) fn intern_location(&mut self, l: Location) -> u32 {
        self.locations.intern(l)
    }

    /// Stores a source once and returns its index, for fast readers.
    #[cfg(any(feature = "csv", feature = "arrow"))]
    pub(crate) fn intern_source(&mut self, s: Source) -> u32 {
        self.sources.intern(s)
    }

    /// Appends a row whose dictionary indices come from the `intern_*` methods
    /// (or `Row::NONE`).
    pub(crate) fn push_row(&mut self, row: Row) {
        self.periods.push(row.period);
        self.counts.push(row.count);
        self.nationality.push(row.nationality);
        self.location.push(row.location);
        self.source.push(row.source);
        self.direction.push(row.direction);
        self.sex.push(row.sex);
        self.age.push(row.age);
    }

    /// Reserves room for `additional` more records.
    pub fn reserve(&mut self, additional: usize) {
        self.periods.reserve(additional);
        self.counts.reserve(additional);
        self.nationality.reserve(additional);
        self.location.reserve(additional);
        self.source.reserve(additional);
        self.direction.reserve(additional);
        self.sex.reserve(additional);
        self.age.reserve(additional);
    }

    /// The record at `row`, if it exists.
    #[must_use]
    pub fn get(&self, row: usize) -> Option<RecordRef<'_>> {
        (row < self.len()).then_some(RecordRef { table: self, row })
    }

    /// The records in the order they were added.
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter { table: self, next: 0 }
    }

    /// The distinct sources of all records, in order of first appearance.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources.items
    }

    /// The distinct nationalities of all records, in order of first appearance.
    #[must_use]
    pub fn nationalities(&self) -> &[Nationality] {
        &self.nationalities.items
    }

    /// The distinct places of all records, in order of first appearance.
    #[must_use]
    pub fn locations(&self) -> &[Location] {
        &self.locations.items
    }

    /// The records that pass `filter`, as a new table.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{Direction, FlowFilter, FlowRecord, FlowTable};
    /// use corridor::Count;
    /// use time::macros::date;
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(600)).direction(Direction::Northbound));
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(20)).direction(Direction::Southbound));
    /// table.push(FlowRecord::new("2023-03".parse()?, Count::exact(900)).direction(Direction::Northbound));
    /// let north_q1_feb = FlowFilter::new().direction(Direction::Northbound).within(date!(2023 - 01 - 01), date!(2023 - 02 - 28));
    /// let kept = table.filter(&north_q1_feb);
    /// assert_eq!((kept.len(), kept.total().total().point()), (1, 600));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn filter(&self, filter: &FlowFilter) -> FlowTable {
        let wanted_nat: Vec<u32> = filter
            .nationalities
            .iter()
            .filter_map(|n| self.nationalities.index.get(n).copied())
            .collect();
        let wanted_loc: Vec<u32> = self
            .locations
            .items
            .iter()
            .enumerate()
            .filter(|(_, l)| filter.locations.iter().any(|name| name == l.name()))
            .map(|(i, _)| i as u32)
            .collect();
        let wanted_src: Vec<u32> = filter
            .sources
            .iter()
            .filter_map(|s| self.sources.index.get(s).copied())
            .collect();
        let mut out = FlowTable::new();
        for row in 0..self.len() {
            let p = self.period_dict.items[self.periods[row] as usize];
            let keep = filter.within.is_none_or(|(a, b)| p.start() >= a && p.end() <= b)
                && (filter.nationalities.is_empty() || wanted_nat.contains(&self.nationality[row]))
                && (filter.locations.is_empty() || wanted_loc.contains(&self.location[row]))
                && filter.direction.is_none_or(|d| self.direction[row] == Some(d))
                && filter.sex.is_none_or(|s| self.sex[row] == Some(s))
                && filter.age.is_none_or(|a| self.age[row] == Some(a))
                && (filter.sources.is_empty() || wanted_src.contains(&self.source[row]));
            if keep {
                out.push(RecordRef { table: self, row }.to_record());
            }
        }
        out
    }

    fn key_column(&self, by: GroupBy) -> Option<&[u32]> {
        match by {
            GroupBy::Total => None,
            GroupBy::Nationality => Some(&self.nationality),
            GroupBy::Location => Some(&self.location),
        }
    }

    fn group_key(&self, by: GroupBy, index: u32) -> GroupKey {
        match by {
            GroupBy::Total => GroupKey::All,
            GroupBy::Nationality => GroupKey::Nationality(self.nationalities.get(index).cloned()),
            GroupBy::Location => GroupKey::Location(self.locations.get(index).cloned()),
        }
    }

    /// Sums records by period of granularity `g` and by `by`, sorted by period, then key.
    ///
    /// Each record's period must lie inside one period of granularity `g` (a day, week
    /// or month inside a month; a month inside a quarter or year…). Sums keep
    /// [`Count`] bounds and the set of sources.
    ///
    /// # Complexity
    ///
    /// O(n) plus sorting the groups: an array look-up per record when there are few distinct periods × keys,
    /// else a hash look-up.
    ///
    /// # Errors
    /// [`FlowError::PeriodNotInside`] when a record's period spans two periods of `g`
    /// (for example a date range across a month end grouped by month).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
    /// use corridor::{Count, Granularity};
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01-31".parse()?, Count::exact(10)));
    /// table.push(FlowRecord::new("2023-02-01".parse()?, Count::exact(20)));
    /// let by_month = table.group_by(Granularity::Month, GroupBy::Total)?;
    /// assert_eq!(by_month.iter().map(|g| g.total().point()).collect::<Vec<_>>(), [10, 20]);
    /// // A date range across the month end lies inside no single month.
    /// table.push(FlowRecord::new("2023-01-30..2023-02-02".parse()?, Count::exact(5)));
    /// assert!(table.group_by(Granularity::Month, GroupBy::Total).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn group_by(&self, g: Granularity, by: GroupBy) -> crate::flow::Result<Vec<Group>> {
        // Coarsen each distinct period once, on first use (a dictionary entry may be
        // unused: a lenient reader interns the period of a row it then rejects).
        let mut coarse: Vec<Period> = Vec::new();
        let mut coarse_index: FxHashMap<Period, u32> = FxHashMap::default();
        let mut period_to_coarse: Vec<u32> = vec![NONE; self.period_dict.items.len()];
        let mut coarse_of = |fine: u32| -> crate::flow::Result<u32> {
            let known = period_to_coarse[fine as usize];
            if known != NONE {
                return Ok(known);
            }
            let p = self.period_dict.items[fine as usize];
            let c = p.coarsen(g).map_err(|_| FlowError::PeriodNotInside {
                period: p.to_string(),
                granularity: g,
            })?;
            let index = *coarse_index.entry(c).or_insert_with(|| {
                coarse.push(c);
                (coarse.len() - 1) as u32
            });
            period_to_coarse[fine as usize] = index;
            Ok(index)
        };
        let keys = self.key_column(by);
        let mut accs: Vec<(u64, Acc)> = Vec::new();
        // Distinct keys, plus one for "not stated"; coarse periods are at most the fine ones.
        let width = match by {
            GroupBy::Total => 1,
            GroupBy::Nationality => self.nationalities.items.len() + 1,
            GroupBy::Location => self.locations.items.len() + 1,
        };
        let cells = self.period_dict.items.len().saturating_mul(width);
        if cells <= DENSE_GROUPS.max(self.len()) {
            // Dense key space: a flat array of slots indexed by (coarse period, key).
            let mut slots: Vec<u32> = vec![NONE; cells];
            for row in 0..self.len() {
                let c = coarse_of(self.periods[row])?;
                let k = keys.map_or(NONE, |k| k[row]);
                let cell = c as usize * width + if k == NONE { width - 1 } else { k as usize };
                let mut slot = slots[cell];
                if slot == NONE {
                    slot = accs.len() as u32;
                    slots[cell] = slot;
                    accs.push(((u64::from(c) << 32) | u64::from(k), Acc::new()));
                }
                accs[slot as usize].1.add(&self.counts, row, self.source[row]);
            }
        } else {
            let mut slots: FxHashMap<u64, usize> = FxHashMap::default();
            for row in 0..self.len() {
                let c = coarse_of(self.periods[row])?;
                let key = (u64::from(c) << 32) | u64::from(keys.map_or(NONE, |k| k[row]));
                let slot = *slots.entry(key).or_insert_with(|| {
                    accs.push((key, Acc::new()));
                    accs.len() - 1
                });
                accs[slot].1.add(&self.counts, row, self.source[row]);
            }
        }
        let mut groups: Vec<Group> = accs
            .into_iter()
            .map(|(key, acc)| Group {
                period: coarse[(key >> 32) as usize],
                key: self.group_key(by, key as u32),
                aggregate: acc.finish(&self.sources),
            })
            .collect();
        groups.sort_by(|a, b| a.period.cmp(&b.period).then_with(|| a.key.cmp(&b.key)));
        Ok(groups)
    }

    /// The sum of every record, with bounds and sources.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable};
    /// use corridor::Count;
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(500)));
    /// table.push(FlowRecord::new("2023-02".parse()?, Count::at_least(100)));
    /// // "At least 100" has no upper bound, so neither has the sum.
    /// let t = table.total();
    /// assert_eq!((t.total().lower(), t.total().upper()), (600, None));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn total(&self) -> Aggregate {
        let mut acc = Acc::new();
        for row in 0..self.len() {
            acc.add(&self.counts, row, self.source[row]);
        }
        acc.finish(&self.sources)
    }

    /// Totals by `by` over all periods, each with its share of the grand total of point
    /// estimates, largest first (ties by key).
    ///
    /// Shares are of point estimates; see [`Count::point`]. With a grand total of zero
    /// every share is 0.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
    /// use corridor::Count;
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(250)).nationality("HTI".parse()?));
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(750)).nationality("VEN".parse()?));
    /// let shares: Vec<(String, f64)> = table.shares(GroupBy::Nationality).iter().map(|s| (s.key().to_string(), s.share())).collect();
    /// assert_eq!(shares, [("VEN".to_string(), 0.75), ("HTI".to_string(), 0.25)]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn shares(&self, by: GroupBy) -> Vec<Share> {
        let keys = self.key_column(by);
        let mut slots: FxHashMap<u32, Acc> = FxHashMap::default();
        for row in 0..self.len() {
            let k = keys.map_or(NONE, |k| k[row]);
            slots
                .entry(k)
                .or_insert_with(Acc::new)
                .add(&self.counts, row, self.source[row]);
        }
        let grand: f64 = slots.values().map(|a| a.total().point() as f64).sum();
        let mut out: Vec<Share> = slots
            .into_iter()
            .map(|(k, acc)| {
                let point = acc.total().point() as f64;
                Share {
                    key: self.group_key(by, k),
                    aggregate: acc.finish(&self.sources),
                    fraction: if grand > 0.0 { point / grand } else { 0.0 },
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.aggregate
                .total
                .point()
                .cmp(&a.aggregate.total.point())
                .then_with(|| a.key.cmp(&b.key))
        });
        out
    }

    /// The `k` largest entries of [`FlowTable::shares`].
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
    /// use corridor::Count;
    /// let mut table = FlowTable::new();
    /// for (c, n) in [("HTI", 250), ("VEN", 600), ("ECU", 150)] {
    ///     table.push(FlowRecord::new("2023-01".parse()?, Count::exact(n)).nationality(c.parse()?));
    /// }
    /// let top = table.top_k(GroupBy::Nationality, 2);
    /// assert_eq!(top.iter().map(|s| s.key().to_string()).collect::<Vec<_>>(), ["VEN", "HTI"]);
    /// assert!((top[0].share() + top[1].share() - 0.85).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn top_k(&self, by: GroupBy, k: usize) -> Vec<Share> {
        let mut s = self.shares(by);
        s.truncate(k);
        s
    }

    /// People per day for every period × key of granularity `g`: see [`Group::per_day`].
    ///
    /// # Errors
    /// As [`FlowTable::group_by`].
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, GroupBy};
    /// use corridor::{Count, Granularity};
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01".parse()?, Count::exact(3100)));
    /// table.push(FlowRecord::new("2023-02".parse()?, Count::exact(1400)));
    /// let rates: Vec<f64> = table.rates_per_day(Granularity::Month, GroupBy::Total)?.into_iter().map(|(_, _, r)| r).collect();
    /// assert_eq!(rates, [100.0, 50.0]); // over 31 and 28 days
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn rates_per_day(&self, g: Granularity, by: GroupBy) -> crate::flow::Result<Vec<(Period, GroupKey, f64)>> {
        Ok(self
            .group_by(g, by)?
            .into_iter()
            .map(|gr| (gr.period, gr.key.clone(), gr.per_day()))
            .collect())
    }
}

/// The table's columns as stored: per row, indices into the dictionaries (`Row::NONE` for absent), for
/// writers that keep the dictionary encoding (Arrow).
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawColumns<'a> {
    pub(crate) periods: &'a [u32],
    pub(crate) period_values: &'a [Period],
    pub(crate) nationality: &'a [u32],
    pub(crate) location: &'a [u32],
    pub(crate) source: &'a [u32],
    pub(crate) direction: &'a [Option<Direction>],
    pub(crate) sex: &'a [Option<Sex>],
    pub(crate) age: &'a [Option<AgeGroup>],
}

#[cfg(feature = "arrow")]
impl FlowTable {
    /// The stored columns and dictionaries.
    pub(crate) fn raw_columns(&self) -> RawColumns<'_> {
        RawColumns {
            periods: &self.periods,
            period_values: &self.period_dict.items,
            nationality: &self.nationality,
            location: &self.location,
            source: &self.source,
            direction: &self.direction,
            sex: &self.sex,
            age: &self.age,
        }
    }

    /// Appends a count to the count column alone: the reader then gives the other columns with
    /// [`Self::set_attribute_columns`].
    pub(crate) fn push_count(&mut self, c: Count) {
        self.counts.push(c);
    }

    /// [`FlowTable::push_count`] of `Count::exact(point)`, without building the count.
    pub(crate) fn push_exact_count(&mut self, point: u64) {
        self.counts.push_exact(point);
    }

    /// Sets the period and attribute columns of a table that has only counts so far (one entry per
    /// count), moving the vectors in.
    pub(crate) fn set_attribute_columns(&mut self, columns: AttributeColumns) {
        debug_assert!(self.periods.is_empty() && columns.periods.len() == self.counts.points.len());
        self.periods = columns.periods;
        self.nationality = columns.nationality;
        self.location = columns.location;
        self.source = columns.source;
        self.direction = columns.direction;
        self.sex = columns.sex;
        self.age = columns.age;
    }

    /// The counts as stored: every row's point, and `(row, count)` of the rows whose count is not exact,
    /// in row order.
    pub(crate) fn count_parts(&self) -> (&[u64], &[(usize, Count)]) {
        (&self.counts.points, &self.counts.inexact)
    }
}

/// A table's columns other than its counts, as dictionary indices (`Row::NONE` for absent).
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Default)]
pub(crate) struct AttributeColumns {
    pub(crate) periods: Vec<u32>,
    pub(crate) nationality: Vec<u32>,
    pub(crate) location: Vec<u32>,
    pub(crate) source: Vec<u32>,
    pub(crate) direction: Vec<Option<Direction>>,
    pub(crate) sex: Vec<Option<Sex>>,
    pub(crate) age: Vec<Option<AgeGroup>>,
}

/// One record as dictionary indices, for fast readers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub(crate) period: u32,
    pub(crate) count: Count,
    pub(crate) nationality: u32,
    pub(crate) location: u32,
    pub(crate) source: u32,
    pub(crate) direction: Option<Direction>,
    pub(crate) sex: Option<Sex>,
    pub(crate) age: Option<AgeGroup>,
}

#[cfg(any(feature = "csv", feature = "arrow"))]
impl Row {
    /// The index meaning "attribute absent".
    pub(crate) const NONE: u32 = NONE;
}

impl PartialEq for FlowTable {
    /// Tables are equal when they hold equal records in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.iter().zip(other.iter()).all(|(a, b)| {
                a.period() == b.period()
                    && a.count() == b.count()
                    && a.nationality() == b.nationality()
                    && a.location() == b.location()
                    && a.direction() == b.direction()
                    && a.sex() == b.sex()
                    && a.age() == b.age()
                    && a.source() == b.source()
            })
    }
}

impl Extend<FlowRecord> for FlowTable {
    fn extend<I: IntoIterator<Item = FlowRecord>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for r in iter {
            self.push(r);
        }
    }
}

/// A table serialises as the sequence of its records, each as a [`FlowRecord`] serialises (`period`,
/// `count`, `nationality`, `location`, `direction`, `sex`, `age`, `source`, absent attributes as
/// `null`): the records-oriented shape that `pandas.DataFrame(records)` and `polars.DataFrame(records)`
/// read, with the dictionary encoding undone.
#[cfg(feature = "serde")]
impl serde::Serialize for FlowTable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            period: Period,
            count: Count,
            nationality: Option<&'a Nationality>,
            location: Option<&'a Location>,
            direction: Option<Direction>,
            sex: Option<Sex>,
            age: Option<AgeGroup>,
            source: Option<&'a Source>,
        }
        s.collect_seq(self.iter().map(|r| Row {
            period: r.period(),
            count: r.count(),
            nationality: r.nationality(),
            location: r.location(),
            direction: r.direction(),
            sex: r.sex(),
            age: r.age(),
            source: r.source(),
        }))
    }
}

/// A table deserialises from a sequence of records, each checked as [`FlowRecord`]'s deserialiser
/// checks it.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FlowTable {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Records;
        impl<'de> serde::de::Visitor<'de> for Records {
            type Value = FlowTable;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence of flow records")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<FlowTable, A::Error> {
                let mut t = FlowTable::new();
                t.reserve(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(r) = seq.next_element::<FlowRecord>()? {
                    t.push(r);
                }
                Ok(t)
            }
        }
        d.deserialize_seq(Records)
    }
}

impl FromIterator<FlowRecord> for FlowTable {
    fn from_iter<I: IntoIterator<Item = FlowRecord>>(iter: I) -> Self {
        let mut t = FlowTable::new();
        t.extend(iter);
        t
    }
}

impl<'a> IntoIterator for &'a FlowTable {
    type Item = RecordRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(p: &str, n: &str, nat: &str) -> FlowRecord {
        FlowRecord::new(p.parse().unwrap(), n.parse().unwrap()).nationality(nat.parse().unwrap())
    }

    fn table() -> FlowTable {
        [
            rec("2021-08-01", "100", "HTI"),
            rec("2021-08-20", "over 60", "HTI"),
            rec("2021-09", "21-24", "CUB"),
            rec("2021-09-03", "10", "HTI"),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn group_by_month_and_nationality_keeps_bounds() {
        let g = table().group_by(Granularity::Month, GroupBy::Nationality).unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].period().to_string(), "2021-08");
        assert_eq!(g[0].total().lower(), 161);
        assert_eq!(g[0].total().upper(), None);
        assert_eq!(g[1].key().to_string(), "CUB");
        assert_eq!((g[1].total().lower(), g[1].total().upper()), (21, Some(24)));
        assert_eq!(g[0].aggregate().records(), 2);
    }

    #[test]
    fn range_across_months_is_an_error() {
        let mut t = table();
        t.push(FlowRecord::new(
            "2021-08-30..2021-09-02".parse().unwrap(),
            Count::exact(4),
        ));
        let e = t.group_by(Granularity::Month, GroupBy::Total).unwrap_err();
        assert_eq!(
            e.to_string(),
            "period 2021-08-30..2021-09-02 does not lie inside one month"
        );
        assert!(t.group_by(Granularity::Year, GroupBy::Total).is_ok());
    }

    #[test]
    fn shares_and_filter() {
        let t = table();
        let s = t.shares(GroupBy::Nationality);
        assert_eq!(s[0].key().to_string(), "HTI");
        let sum: f64 = s.iter().map(Share::share).sum();
        assert!((sum - 1.0).abs() < 1e-12);
        assert_eq!(t.top_k(GroupBy::Nationality, 1).len(), 1);
        let hti = t.filter(&FlowFilter::new().nationality("HTI".parse().unwrap()));
        assert_eq!(hti.len(), 3);
        let aug = t.filter(
            &FlowFilter::new().within(time::macros::date!(2021 - 08 - 01), time::macros::date!(2021 - 08 - 31)),
        );
        assert_eq!(aug.len(), 2);
        assert_eq!(aug.total().total().lower(), 161);
    }

    #[test]
    fn round_trip_through_records() {
        let t = table();
        let u: FlowTable = t.iter().map(|r| r.to_record()).collect();
        assert_eq!(t, u);
        assert!(t.get(4).is_none());
        assert_eq!(t.iter().len(), 4);
    }
}
