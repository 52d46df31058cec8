//! Arrow record batches and IPC files (feature `arrow`).
//!
//! # The flow table schema
//!
//! [`FlowTable::to_record_batch`] writes one row per record; [`FlowTable::from_record_batch`] reads it
//! back (and batches of the same shape made by polars, pyarrow or DataFusion):
//!
//! | column | Arrow type | null when |
//! |---|---|---|
//! | `period_start`, `period_end` | `Date32` | never |
//! | `granularity` | `Dictionary(Int8, Utf8)`: `day`, `week`, `month`, `quarter`, `year`, `range` | never |
//! | `nationality` | `Dictionary(UInt32, Utf8)`: ISO alpha-3 or the group's label | no nationality |
//! | `place`, `place_country`, `place_kind` | `Dictionary(UInt32, Utf8)`, one key column shared by the three | no place (country: none stated) |
//! | `direction`, `sex`, `age` | `Dictionary(UInt8, Utf8)` | not stated |
//! | `count_lower`, `count_point` | `UInt64` | never |
//! | `count_upper` | `UInt64` | no upper bound ("at least") |
//! | `count_kind` | `Dictionary(UInt8, Utf8)`: `exact`, `at least`, `at most`, `about`, `nearly`, `between` | never |
//! | `source`, `source_title`, `source_date`, `source_address`, `source_note` | `Dictionary(UInt32, Utf8)`, one key column shared by the five | no source (date, address, note: not given) |
//!
//! The table is already dictionary-encoded, so its index columns become the Arrow keys (one copy, to
//! turn "absent" into a null) and each distinct nationality, place and source is written once.
//! Reading accepts dictionary or plain string columns (`Utf8`, `LargeUtf8`, `Utf8View`) with any
//! integer keys, so a batch that went through polars (`Categorical` → `Dictionary(UInt32, Utf8View)`)
//! reads back.
//!
//! [`FlowSeries::to_record_batch`] writes `period_start`, `period_end`, `granularity`, the four count
//! columns (null for a gap) and `partial`.
//!
//! [`SmugglingNetwork::measures_record_batch`] writes one row per actor: its id, name, kind, roles,
//! country and the measures [`ActorMeasures`] asks for (the columns are listed at
//! [`SmugglingNetwork::measures_record_batch_with`]).
//!
//! IPC files: [`write_ipc`] and [`read_ipc`] (the Arrow file format, what `pyarrow.ipc.open_file`
//! and polars' `read_ipc` read). Checked by hand once, with pyarrow 26.0.1 and polars
//! 2.1.0: both read the file `tests/integration/arrow.rs` writes (same rows, same total, the dictionary columns
//! as polars `Categorical`), and corridor reads back the file polars writes from it (its
//! dictionaries are `Utf8View`):
//!
//! ```text
//! CORRIDOR_ARROW_FILE=/tmp/flows.arrow cargo test --all-features --test integration arrow::round_trip_darien
//! python3 tests/reference-scripts/read_arrow.py /tmp/flows.arrow /tmp/flows_polars.arrow
//! CORRIDOR_ARROW_POLARS=/tmp/flows_polars.arrow cargo test --all-features --test integration arrow::round_trip_darien
//! ```
//!
//! Confirmed again on 2026-12-03 with the same versions, and for the per-actor measures: pyarrow 26.0.1
//! and polars 2.1.0 read the karate club's batch (`roles` as `list[str]`, `kind` as `Categorical`) and its
//! betweenness, closeness, `PageRank` and degree equal networkx 3.6's on `nx.karate_club_graph()` to 1e-9:
//!
//! ```text
//! CORRIDOR_ARROW_MEASURES=/tmp/karate.arrow cargo test --all-features --test integration arrow_network
//! python3 tests/reference-scripts/read_arrow.py --measures /tmp/karate.arrow
//! ```
//!
//! # Partitions: which aggregates merge
//!
//! Engines that partition data (`DataFusion`, Spark through Arrow, polars) can hand corridor one
//! record batch per partition. These results of partitions combine into the result of the whole:
//!
//! - [`FlowTable::total`], the totals of [`FlowTable::group_by`] per key, and record counts: add the
//!   partitions' [`Count`]s (lower, point and upper bounds add; an unbounded upper stays
//!   unbounded), and take the union of their sources.
//! - Shares and rates per day: merge the totals first, then divide.
//! - [`FlowTable::append`] of the partitions' tables equals the table of the whole (row order aside).
//!
//! Statistics of a time series (trend tests, changepoints, STL, ETS, interrupted time series) are not
//! mergeable across time partitions: partition by group (nationality, place), not by time, or merge
//! the series first. `tests/integration/arrow.rs` checks that merged totals and group totals equal the whole's.

use std::io::{Read, Seek, Write};
use std::sync::Arc;

use arrow_array::builder::{StringBuilder, UInt64Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int8Type, UInt8Type, UInt32Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, DictionaryArray, Int8Array, PrimitiveArray, RecordBatch, StringArray,
    UInt8Array, UInt32Array, UInt64Array,
};
use arrow_buffer::{BooleanBufferBuilder, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use time::Date;

use crate::flow::{
    AgeGroup, AttributeColumns, Direction, FlowSeries, FlowTable, Location, LocationKind, Nationality, Row, Sex,
};
use crate::{Count, Country, Granularity, Period, Source};
use rustc_hash::FxHashMap;

#[cfg(doc)]
use super::ActorMeasures;
#[cfg(doc)]
use crate::network::SmugglingNetwork;

/// Why a record batch or an IPC file could not be read or written.
///
/// # Examples
/// ```
/// use corridor::io::{read_ipc, ArrowError};
/// let err = read_ipc(std::io::Cursor::new(b"date,count\n2021-08,12\n".to_vec())).unwrap_err();
/// assert!(matches!(err, corridor::Error::Arrow(_)));
/// assert!(ArrowError::try_from(err).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArrowError {
    /// A column the reader needs is absent.
    #[error("no {name:?} column in the record batch")]
    MissingColumn {
        /// The column's name.
        name: &'static str,
    },
    /// A column has a type the reader cannot take.
    #[error("column {name:?} has type {got}, expected {expected}")]
    ColumnType {
        /// The column's name.
        name: &'static str,
        /// What the reader takes.
        expected: &'static str,
        /// The type found.
        got: String,
    },
    /// A value is null where it may not be, or cannot be parsed.
    #[error("row {row}, column {column:?}: {reason}: {text:?}")]
    BadValue {
        /// 0-based row of the batch.
        row: usize,
        /// The column's name.
        column: &'static str,
        /// The offending text ("null" for a null).
        text: String,
        /// What was wrong.
        reason: String,
    },
    /// The Arrow library refused a batch or a file (its message).
    #[error("arrow: {message}")]
    Arrow {
        /// arrow-rs's message.
        message: String,
    },
}

impl From<arrow_schema::ArrowError> for ArrowError {
    fn from(e: arrow_schema::ArrowError) -> Self {
        ArrowError::Arrow { message: e.to_string() }
    }
}

const GRANULARITIES: [&str; 6] = ["day", "week", "month", "quarter", "year", "range"];
const COUNT_KINDS: [&str; 6] = ["exact", "at least", "at most", "about", "nearly", "between"];
const DIRECTIONS: [Direction; 2] = [Direction::Northbound, Direction::Southbound];
const SEXES: [Sex; 2] = [Sex::Female, Sex::Male];
const AGES: [AgeGroup; 2] = [AgeGroup::Children, AgeGroup::Adults];

/// A cache slot not filled yet (table indices stay below it).
const UNSET: u32 = u32::MAX - 1;

/// The Unix epoch as a Julian day number, for `Date32`.
const EPOCH_JULIAN: i32 = 2_440_588;

fn date32(d: Date) -> i32 {
    d.to_julian_day() - EPOCH_JULIAN
}

fn granularity_key(p: Period) -> i8 {
    match p.granularity() {
        Some(Granularity::Day) => 0,
        Some(Granularity::Week) => 1,
        Some(Granularity::Month) => 2,
        Some(Granularity::Quarter) => 3,
        Some(Granularity::Year) => 4,
        None => 5,
    }
}

fn count_kind_key(c: &Count) -> u8 {
    use crate::count::CountKind;
    match c.kind() {
        CountKind::Exact => 0,
        CountKind::AtLeast => 1,
        CountKind::AtMost => 2,
        CountKind::About => 3,
        CountKind::Nearly => 4,
        CountKind::Between => 5,
    }
}

fn dict_field(name: &'static str, key: DataType, nullable: bool) -> Field {
    Field::new(
        name,
        DataType::Dictionary(Box::new(key), Box::new(DataType::Utf8)),
        nullable,
    )
}

/// `UInt32` keys from table indices, `u32::MAX` ("absent") as null.
fn keys32(idx: &[u32]) -> UInt32Array {
    let nulls = idx
        .contains(&Row::NONE)
        .then(|| idx.iter().map(|&i| i != Row::NONE).collect::<NullBuffer>());
    let values: Vec<u32> = idx.iter().map(|&i| if i == Row::NONE { 0 } else { i }).collect();
    UInt32Array::new(ScalarBuffer::from(values), nulls)
}

fn dict32(keys: &UInt32Array, values: StringArray) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(DictionaryArray::<UInt32Type>::try_new(
        keys.clone(),
        Arc::new(values),
    )?))
}

/// A `Dictionary(UInt8, Utf8)` column of an optional word enum.
fn word_column<T: Copy + PartialEq>(
    values: &[Option<T>],
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<ArrayRef, ArrowError> {
    let keys: UInt8Array = values
        .iter()
        .map(|v| v.and_then(|v| all.iter().position(|a| *a == v)).map(|k| k as u8))
        .collect();
    let dict = StringArray::from_iter_values(all.iter().map(|&a| name(a)));
    Ok(Arc::new(DictionaryArray::<UInt8Type>::try_new(keys, Arc::new(dict))?))
}

fn count_columns(counts: impl Iterator<Item = Option<Count>>, n: usize) -> Result<[ArrayRef; 4], ArrowError> {
    let mut lower = UInt64Builder::with_capacity(n);
    let mut upper = UInt64Builder::with_capacity(n);
    let mut point = UInt64Builder::with_capacity(n);
    let mut kind: Vec<Option<u8>> = Vec::with_capacity(n);
    for c in counts {
        if let Some(c) = c {
            lower.append_value(c.lower());
            upper.append_option(c.upper());
            point.append_value(c.point());
            kind.push(Some(count_kind_key(&c)));
        } else {
            lower.append_null();
            upper.append_null();
            point.append_null();
            kind.push(None);
        }
    }
    let kind = DictionaryArray::<UInt8Type>::try_new(
        UInt8Array::from(kind),
        Arc::new(StringArray::from_iter_values(COUNT_KINDS)),
    )?;
    Ok([
        Arc::new(lower.finish()),
        Arc::new(upper.finish()),
        Arc::new(point.finish()),
        Arc::new(kind),
    ])
}

/// The count columns of a table from its stored points: exact rows are copied as they are, the few
/// inexact rows patched.
fn table_count_columns(t: &FlowTable) -> Result<[ArrayRef; 4], ArrowError> {
    let (points, inexact) = t.count_parts();
    let n = points.len();
    let mut lower = points.to_vec();
    let mut upper = points.to_vec();
    let mut kind = vec![0_u8; n];
    let mut upper_valid: Option<BooleanBufferBuilder> = None;
    for &(row, c) in inexact {
        lower[row] = c.lower();
        kind[row] = count_kind_key(&c);
        if let Some(u) = c.upper() {
            upper[row] = u;
        } else {
            upper[row] = 0;
            upper_valid
                .get_or_insert_with(|| {
                    let mut b = BooleanBufferBuilder::new(n);
                    b.append_n(n, true);
                    b
                })
                .set_bit(row, false);
        }
    }
    let upper_nulls = upper_valid.map(|mut b| NullBuffer::new(b.finish()));
    let kind = DictionaryArray::<UInt8Type>::try_new(
        UInt8Array::new(ScalarBuffer::from(kind), None),
        Arc::new(StringArray::from_iter_values(COUNT_KINDS)),
    )?;
    Ok([
        Arc::new(UInt64Array::new(ScalarBuffer::from(lower), None)),
        Arc::new(UInt64Array::new(ScalarBuffer::from(upper), upper_nulls)),
        Arc::new(UInt64Array::new(ScalarBuffer::from(points.to_vec()), None)),
        Arc::new(kind),
    ])
}

fn period_columns(periods: impl Iterator<Item = Period> + Clone) -> Result<[ArrayRef; 3], ArrowError> {
    let start: Date32Array = periods.clone().map(|p| date32(p.start())).collect::<Vec<_>>().into();
    let end: Date32Array = periods.clone().map(|p| date32(p.end())).collect::<Vec<_>>().into();
    let g = DictionaryArray::<Int8Type>::try_new(
        Int8Array::from(periods.map(granularity_key).collect::<Vec<_>>()),
        Arc::new(StringArray::from_iter_values(GRANULARITIES)),
    )?;
    Ok([Arc::new(start), Arc::new(end), Arc::new(g)])
}

/// The period columns of a table: each distinct period converted once, then looked up by key.
fn table_period_columns(keys: &[u32], periods: &[Period]) -> Result<[ArrayRef; 3], ArrowError> {
    let starts: Vec<i32> = periods.iter().map(|p| date32(p.start())).collect();
    let ends: Vec<i32> = periods.iter().map(|p| date32(p.end())).collect();
    let grans: Vec<i8> = periods.iter().map(|&p| granularity_key(p)).collect();
    let start: Vec<i32> = keys.iter().map(|&k| starts[k as usize]).collect();
    let end: Vec<i32> = keys.iter().map(|&k| ends[k as usize]).collect();
    let g: Vec<i8> = keys.iter().map(|&k| grans[k as usize]).collect();
    let g = DictionaryArray::<Int8Type>::try_new(
        Int8Array::new(ScalarBuffer::from(g), None),
        Arc::new(StringArray::from_iter_values(GRANULARITIES)),
    )?;
    Ok([
        Arc::new(Date32Array::new(ScalarBuffer::from(start), None)),
        Arc::new(Date32Array::new(ScalarBuffer::from(end), None)),
        Arc::new(g),
    ])
}

fn flow_schema() -> Schema {
    Schema::new(vec![
        Field::new("period_start", DataType::Date32, false),
        Field::new("period_end", DataType::Date32, false),
        dict_field("granularity", DataType::Int8, false),
        dict_field("nationality", DataType::UInt32, true),
        dict_field("place", DataType::UInt32, true),
        dict_field("place_country", DataType::UInt32, true),
        dict_field("place_kind", DataType::UInt32, true),
        dict_field("direction", DataType::UInt8, true),
        dict_field("sex", DataType::UInt8, true),
        dict_field("age", DataType::UInt8, true),
        Field::new("count_lower", DataType::UInt64, false),
        Field::new("count_upper", DataType::UInt64, true),
        Field::new("count_point", DataType::UInt64, false),
        dict_field("count_kind", DataType::UInt8, false),
        dict_field("source", DataType::UInt32, true),
        dict_field("source_title", DataType::UInt32, true),
        dict_field("source_date", DataType::UInt32, true),
        dict_field("source_address", DataType::UInt32, true),
        dict_field("source_note", DataType::UInt32, true),
    ])
}

impl FlowTable {
    /// The table as one Arrow [`RecordBatch`], dictionary-encoded as it is stored (the schema:
    /// [`crate::io::arrow`]).
    ///
    /// # Errors
    /// [`crate::Error::Arrow`] if arrow-rs refuses a column (it does not for tables this crate
    /// builds).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable, Nationality};
    ///
    /// let t: FlowTable = [
    ///     FlowRecord::new("2021-08".parse()?, "25,332".parse()?).nationality(Nationality::from_label("HTI")?),
    ///     FlowRecord::new("2021-09".parse()?, "over 60".parse()?),
    /// ]
    /// .into_iter()
    /// .collect();
    /// let batch = t.to_record_batch()?;
    /// assert_eq!(batch.num_rows(), 2);
    /// assert_eq!(FlowTable::from_record_batch(&batch)?, t);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn to_record_batch(&self) -> crate::Result<RecordBatch> {
        Ok(to_batch(self)?)
    }

    /// A table from a [`RecordBatch`] of the schema [`FlowTable::to_record_batch`] writes. Dictionary
    /// or plain string columns are accepted; the optional columns (`nationality`, `place*`,
    /// `direction`, `sex`, `age`, `count_upper`, `count_point`, `count_kind`, `source*`) may be
    /// absent.
    ///
    /// A count is rebuilt from its kind and bounds (`about 10,000` stays "about"); bounds that do not
    /// match the kind give a count between the bounds with the point given.
    ///
    /// # Errors
    /// [`crate::Error::Arrow`]: a required column missing or of the wrong type, a null where a value
    /// is needed, a period whose end does not match its start and granularity, a code that does not
    /// parse; each names the row and the column.
    ///
    /// # Examples
    /// ```
    /// use corridor::datasets::darien;
    /// use corridor::flow::FlowTable;
    /// // The by-nationality table survives the round trip, groups and sources included.
    /// let table = darien::by_nationality();
    /// let back = FlowTable::from_record_batch(&table.to_record_batch()?)?;
    /// assert_eq!(back, table);
    /// assert_eq!(back.total().total(), table.total().total());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_record_batch(batch: &RecordBatch) -> crate::Result<FlowTable> {
        Ok(from_batch(batch)?)
    }
}

fn to_batch(t: &FlowTable) -> Result<RecordBatch, ArrowError> {
    let raw = t.raw_columns();
    let [start, end, granularity] = table_period_columns(raw.periods, raw.period_values)?;
    let nat_keys = keys32(raw.nationality);
    let nationality = dict32(
        &nat_keys,
        StringArray::from_iter_values(t.nationalities().iter().map(ToString::to_string)),
    )?;
    let loc_keys = keys32(raw.location);
    let locs = t.locations();
    let place = dict32(
        &loc_keys,
        StringArray::from_iter_values(locs.iter().map(Location::name)),
    )?;
    let place_country = dict32(
        &loc_keys,
        locs.iter().map(|l| l.country().map(Country::alpha3)).collect(),
    )?;
    let place_kind = dict32(
        &loc_keys,
        StringArray::from_iter_values(locs.iter().map(|l| l.location_kind().as_str())),
    )?;
    let direction = word_column(raw.direction, &DIRECTIONS, Direction::as_str)?;
    let sex = word_column(raw.sex, &SEXES, Sex::as_str)?;
    let age = word_column(raw.age, &AGES, AgeGroup::as_str)?;
    let [lower, upper, point, kind] = table_count_columns(t)?;
    let src_keys = keys32(raw.source);
    let srcs = t.sources();
    let source = dict32(
        &src_keys,
        StringArray::from_iter_values(srcs.iter().map(Source::publisher)),
    )?;
    let source_title = dict32(&src_keys, StringArray::from_iter_values(srcs.iter().map(Source::title)))?;
    let mut dates = StringBuilder::new();
    for s in srcs {
        dates.append_option(s.publication_date().map(|d| d.to_string()));
    }
    let source_date = dict32(&src_keys, dates.finish())?;
    let source_address = dict32(&src_keys, srcs.iter().map(Source::address_str).collect())?;
    let source_note = dict32(&src_keys, srcs.iter().map(Source::note_str).collect())?;
    Ok(RecordBatch::try_new(
        Arc::new(flow_schema()),
        vec![
            start,
            end,
            granularity,
            nationality,
            place,
            place_country,
            place_kind,
            direction,
            sex,
            age,
            lower,
            upper,
            point,
            kind,
            source,
            source_title,
            source_date,
            source_address,
            source_note,
        ],
    )?)
}

/// Per-row keys of a string column into its distinct values.
enum Keys<'a> {
    /// `UInt32` keys as stored (corridor's and polars' dictionaries), with their nulls: not copied.
    Borrowed(&'a [u32], Option<NullBuffer>),
    /// `UInt8` keys as stored (corridor's word columns), with their nulls.
    BorrowedU8(&'a [u8], Option<NullBuffer>),
    /// `Int8` keys as stored (corridor's granularity), with their nulls.
    BorrowedI8(&'a [i8], Option<NullBuffer>),
    /// Keys of another integer type, widened; `u32::MAX` for null.
    Owned(Vec<u32>),
    /// A plain string column: row `i` is value `i`.
    Identity,
}

/// A string column, plain or dictionary-encoded, read as per-row keys into a list of distinct
/// values (for a plain column each row is its own key).
struct StrColumn<'a> {
    name: &'static str,
    keys: Keys<'a>,
    len: usize,
    values: Vec<Option<&'a str>>,
}

impl<'a> StrColumn<'a> {
    /// The key of row `row`, `None` for null.
    #[allow(clippy::inline_always)] // called for every row and column of a batch; not inlined otherwise
    #[inline(always)]
    fn key(&self, row: usize) -> Option<usize> {
        match &self.keys {
            Keys::Borrowed(k, nulls) => nulls.as_ref().is_none_or(|n| n.is_valid(row)).then(|| k[row] as usize),
            Keys::BorrowedU8(k, nulls) => nulls
                .as_ref()
                .is_none_or(|n| n.is_valid(row))
                .then(|| usize::from(k[row])),
            Keys::BorrowedI8(k, nulls) => nulls.as_ref().is_none_or(|n| n.is_valid(row)).then(|| k[row] as usize),
            Keys::Owned(k) => (k[row] != u32::MAX).then(|| k[row] as usize),
            Keys::Identity => Some(row),
        }
    }

    /// Whether `other` (absent: no keys at all) has this column's keys on every row, so that this
    /// column's key alone tells a row's combination of the two (corridor writes one key column for a
    /// place's name, country and kind, and one for a source's fields).
    fn same_keys(&self, other: Option<&StrColumn<'_>>) -> bool {
        match other.map(|o| &o.keys) {
            None => true,
            Some(Keys::Borrowed(b, nb)) => matches!(&self.keys, Keys::Borrowed(a, na) if a == b && na == nb),
            Some(_) => false,
        }
    }

    /// `f` of every row's key, in row order (one match on the key type, then a tight loop).
    fn map_keys<T>(&self, mut f: impl FnMut(Option<usize>) -> T) -> Vec<T> {
        fn borrowed<K: Copy, T>(
            k: &[K],
            nulls: Option<&NullBuffer>,
            widen: impl Fn(K) -> usize,
            mut f: impl FnMut(Option<usize>) -> T,
        ) -> Vec<T> {
            match nulls {
                None => k.iter().map(|&k| f(Some(widen(k)))).collect(),
                Some(n) => k
                    .iter()
                    .enumerate()
                    .map(|(row, &k)| f(n.is_valid(row).then(|| widen(k))))
                    .collect(),
            }
        }
        match &self.keys {
            Keys::Borrowed(k, nulls) => borrowed(k, nulls.as_ref(), |k| k as usize, f),
            Keys::BorrowedU8(k, nulls) => borrowed(k, nulls.as_ref(), usize::from, f),
            Keys::BorrowedI8(k, nulls) => borrowed(k, nulls.as_ref(), |k| k as usize, f),
            Keys::Owned(k) => k.iter().map(|&k| f((k != u32::MAX).then_some(k as usize))).collect(),
            Keys::Identity => (0..self.len).map(|row| f(Some(row))).collect(),
        }
    }

    fn get(&self, row: usize) -> Option<&'a str> {
        self.key(row).and_then(|k| self.values[k])
    }

    /// The first row whose key is `k` (0 if none), for error messages.
    fn first_row(&self, k: usize) -> usize {
        (0..self.len).find(|&r| self.key(r) == Some(k)).unwrap_or(0)
    }
}

fn strings(array: &dyn Array) -> Option<Vec<Option<&str>>> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return Some(a.iter().collect());
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return Some(a.iter().collect());
    }
    if let Some(a) = array.as_string_view_opt() {
        return Some(a.iter().collect());
    }
    None
}

fn str_column<'a>(batch: &'a RecordBatch, name: &'static str) -> Result<Option<StrColumn<'a>>, ArrowError> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let bad_type = || ArrowError::ColumnType {
        name,
        expected: "Utf8, LargeUtf8, Utf8View or a dictionary of them",
        got: col.data_type().to_string(),
    };
    let len = col.len();
    if let Some(d) = col.as_any_dictionary_opt() {
        let values = strings(d.values().as_ref()).ok_or_else(bad_type)?;
        let keys_nulls = d.keys().logical_nulls();
        if values.is_empty() {
            // No dictionary values: every key must be null (arrow-rs checks keys against the values).
            if keys_nulls.as_ref().map_or(0, NullBuffer::null_count) != len {
                return Err(bad(0, name, "", "a key into an empty dictionary"));
            }
            return Ok(Some(StrColumn {
                name,
                keys: Keys::Owned(vec![u32::MAX; len]),
                len,
                values,
            }));
        }
        let borrowed = if let Some(k) = d.keys().as_primitive_opt::<UInt32Type>() {
            Some(Keys::Borrowed(k.values(), keys_nulls.clone()))
        } else if let Some(k) = d.keys().as_primitive_opt::<UInt8Type>() {
            Some(Keys::BorrowedU8(k.values(), keys_nulls.clone()))
        } else {
            d.keys()
                .as_primitive_opt::<Int8Type>()
                .map(|k| Keys::BorrowedI8(k.values(), keys_nulls.clone()))
        };
        if let Some(keys) = borrowed {
            return Ok(Some(StrColumn {
                name,
                keys,
                len,
                values,
            }));
        }
        if values.len() >= u32::MAX as usize {
            return Err(bad(0, name, "", "more than 2^32 - 1 dictionary values"));
        }
        let keys = d
            .normalized_keys()
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                if keys_nulls.as_ref().is_none_or(|nb| nb.is_valid(i)) {
                    k as u32
                } else {
                    u32::MAX
                }
            })
            .collect();
        return Ok(Some(StrColumn {
            name,
            keys: Keys::Owned(keys),
            len,
            values,
        }));
    }
    let values = strings(col.as_ref()).ok_or_else(bad_type)?;
    Ok(Some(StrColumn {
        name,
        keys: Keys::Identity,
        len,
        values,
    }))
}

fn required<T>(v: Option<T>, name: &'static str) -> Result<T, ArrowError> {
    v.ok_or(ArrowError::MissingColumn { name })
}

fn u64_column<'a>(batch: &'a RecordBatch, name: &'static str) -> Result<Option<&'a UInt64Array>, ArrowError> {
    match batch.column_by_name(name) {
        None => Ok(None),
        Some(c) => c
            .as_primitive_opt::<UInt64Type>()
            .map(Some)
            .ok_or_else(|| ArrowError::ColumnType {
                name,
                expected: "UInt64",
                got: c.data_type().to_string(),
            }),
    }
}

fn date_column<'a>(batch: &'a RecordBatch, name: &'static str) -> Result<&'a PrimitiveArray<Date32Type>, ArrowError> {
    let c = required(batch.column_by_name(name), name)?;
    c.as_primitive_opt::<Date32Type>()
        .ok_or_else(|| ArrowError::ColumnType {
            name,
            expected: "Date32",
            got: c.data_type().to_string(),
        })
}

fn bad(row: usize, column: &'static str, text: impl Into<String>, reason: impl Into<String>) -> ArrowError {
    ArrowError::BadValue {
        row,
        column,
        text: text.into(),
        reason: reason.into(),
    }
}

fn date_at(a: &PrimitiveArray<Date32Type>, row: usize, column: &'static str) -> Result<Date, ArrowError> {
    if a.is_null(row) {
        return Err(bad(row, column, "null", "a date is needed"));
    }
    let d = a.value(row);
    Date::from_julian_day(d.saturating_add(EPOCH_JULIAN)).map_err(|e| bad(row, column, d.to_string(), e.to_string()))
}

/// Parses a column's distinct values once: `parsed[k]` for value `k`.
fn parse_values<T>(
    col: &StrColumn<'_>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Vec<Option<T>>, ArrowError> {
    col.values
        .iter()
        .enumerate()
        .map(|(k, v)| match v {
            None => Ok(None),
            Some(s) => parse(s).map(Some).map_err(|reason| {
                let row = col.first_row(k);
                bad(row, col.name, *s, reason)
            }),
        })
        .collect()
}

fn word_values<T: std::str::FromStr<Err = crate::flow::FlowError>>(
    col: Option<&StrColumn<'_>>,
) -> Result<Vec<Option<T>>, ArrowError> {
    match col {
        None => Ok(Vec::new()),
        Some(c) => parse_values(c, |s| s.parse::<T>().map_err(|e| e.to_string())),
    }
}

#[allow(clippy::too_many_lines)] // one pass per column
fn from_batch(batch: &RecordBatch) -> Result<FlowTable, ArrowError> {
    let n = batch.num_rows();
    let start = date_column(batch, "period_start")?;
    let end = date_column(batch, "period_end")?;
    let granularity = required(str_column(batch, "granularity")?, "granularity")?;
    let nationality = str_column(batch, "nationality")?;
    let place = str_column(batch, "place")?;
    let place_country = str_column(batch, "place_country")?;
    let place_kind = str_column(batch, "place_kind")?;
    let direction = str_column(batch, "direction")?;
    let sex = str_column(batch, "sex")?;
    let age = str_column(batch, "age")?;
    let lower = required(u64_column(batch, "count_lower")?, "count_lower")?;
    let upper = u64_column(batch, "count_upper")?;
    let point = u64_column(batch, "count_point")?;
    let kind = str_column(batch, "count_kind")?;
    let source = str_column(batch, "source")?;
    let source_title = str_column(batch, "source_title")?;
    let source_date = str_column(batch, "source_date")?;
    let source_address = str_column(batch, "source_address")?;
    let source_note = str_column(batch, "source_note")?;

    let granularities = parse_values(&granularity, |s| {
        if s == "range" {
            Ok(None)
        } else {
            s.parse::<Granularity>().map(Some).map_err(|e| e.to_string())
        }
    })?;
    let nationalities = match &nationality {
        None => Vec::new(),
        Some(c) => parse_values(c, |s| s.parse::<Nationality>().map_err(|e| e.to_string()))?,
    };
    let directions: Vec<Option<Direction>> = word_values(direction.as_ref())?;
    let sexes: Vec<Option<Sex>> = word_values(sex.as_ref())?;
    let ages: Vec<Option<AgeGroup>> = word_values(age.as_ref())?;
    let countries = match &place_country {
        None => Vec::new(),
        Some(c) => parse_values(c, |s| s.parse::<Country>().map_err(|e| e.to_string()))?,
    };
    let kinds: Vec<Option<LocationKind>> = word_values(place_kind.as_ref())?;
    let count_kinds = match &kind {
        None => Vec::new(),
        Some(c) => parse_values(c, |s| {
            COUNT_KINDS
                .iter()
                .position(|k| *k == s)
                .ok_or_else(|| format!("unknown count kind (expected one of {})", COUNT_KINDS.join(", ")))
        })?,
    };
    let dates = match &source_date {
        None => Vec::new(),
        Some(c) => parse_values(c, |s| {
            Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).map_err(|e| e.to_string())
        })?,
    };

    // One pass per column, each value converted once per distinct dictionary entry.
    let mut table = FlowTable::new();
    table.reserve(n);
    let key = |c: &Option<StrColumn<'_>>, row: usize| c.as_ref().and_then(|c| c.key(row));

    // Counts.
    for row in 0..n {
        if lower.is_null(row) {
            return Err(bad(row, "count_lower", "null", "a count is needed"));
        }
        let lo = lower.value(row);
        let up = upper.and_then(|u| (!u.is_null(row)).then(|| u.value(row)));
        let pt = point
            .and_then(|p| (!p.is_null(row)).then(|| p.value(row)))
            .unwrap_or(lo);
        let kd = key(&kind, row).and_then(|k| count_kinds[k]);
        let count = rebuild_count(lo, up, pt, kd).map_err(|e| {
            bad(
                row,
                "count_point",
                format!("{lo}..{} (point {pt})", up.map_or(String::new(), |u| u.to_string())),
                e.to_string(),
            )
        })?;
        table.push_count(count);
    }

    // Periods: a direct cache by start day (most tables span a few thousand days), a hash map for the
    // other periods that start on the same day.
    let mut periods = Vec::with_capacity(n);
    let first_day = start.values().iter().copied().min().unwrap_or(0);
    let last_day = start.values().iter().copied().max().unwrap_or(0);
    let span = usize::try_from(i64::from(last_day) - i64::from(first_day) + 1).unwrap_or(usize::MAX);
    let mut by_start: Vec<Option<(i32, usize, u32)>> = if span <= 1 << 16 { vec![None; span] } else { Vec::new() };
    let mut period_cache: FxHashMap<(i32, i32, usize), u32> = FxHashMap::default();
    let dates_have_nulls = start.null_count() > 0 || end.null_count() > 0;
    for row in 0..n {
        let gk = granularity
            .key(row)
            .ok_or_else(|| bad(row, "granularity", "null", "a granularity is needed"))?;
        if dates_have_nulls {
            date_at(start, row, "period_start")?;
            date_at(end, row, "period_end")?;
        }
        let (s, e) = (start.value(row), end.value(row));
        let slot = by_start.get((i64::from(s) - i64::from(first_day)) as usize);
        if let Some(&Some((se, sg, k))) = slot
            && se == e
            && sg == gk
        {
            periods.push(k);
            continue;
        }
        let k = if let Some(&k) = period_cache.get(&(s, e, gk)) {
            k
        } else {
            let sd = date_at(start, row, "period_start")?;
            let ed = date_at(end, row, "period_end")?;
            let p = match granularities[gk] {
                None => return Err(bad(row, "granularity", "null", "a granularity is needed")),
                Some(Some(g)) => {
                    let p = Period::containing(sd, g);
                    if p.start() != sd || p.end() != ed {
                        return Err(bad(
                            row,
                            "period_end",
                            format!("{sd}..{ed}"),
                            format!("not one {} (that would be {p})", g.as_str()),
                        ));
                    }
                    p
                }
                Some(None) => {
                    Period::range(sd, ed).map_err(|e| bad(row, "period_end", format!("{sd}..{ed}"), e.to_string()))?
                }
            };
            let k = table.intern_period(p);
            period_cache.insert((s, e, gk), k);
            k
        };
        if let Some(slot @ None) = by_start.get_mut((i64::from(s) - i64::from(first_day)) as usize) {
            *slot = Some((e, gk, k));
        }
        periods.push(k);
    }

    // Nationalities: the table index of each key (UNSET until first seen, so the table's dictionary
    // keeps the order of first appearance).
    let mut nat_cache: Vec<u32> = vec![UNSET; nationality.as_ref().map_or(0, |c| c.values.len())];
    let nats: Vec<u32> = match &nationality {
        None => vec![Row::NONE; n],
        Some(c) => c.map_keys(|k| match k {
            None => Row::NONE,
            Some(k) => {
                if nat_cache[k] == UNSET {
                    nat_cache[k] = match &nationalities[k] {
                        Some(v) => table.intern_nationality(v.clone()),
                        None => Row::NONE,
                    };
                }
                nat_cache[k]
            }
        }),
    };

    // Places, by the key of their name, checked against the country and kind keys of the row (the hash
    // map holds the combinations seen besides the first).
    let mut locs = Vec::with_capacity(n);
    let mut loc_first: Vec<Option<([Option<usize>; 3], u32)>> =
        vec![None; place.as_ref().map_or(0, |c| c.values.len())];
    let mut loc_cache: FxHashMap<[Option<usize>; 3], u32> = FxHashMap::default();
    let place_shared = place
        .as_ref()
        .is_some_and(|p| p.same_keys(place_country.as_ref()) && p.same_keys(place_kind.as_ref()));
    for row in 0..n {
        let Some(k0) = key(&place, row) else {
            locs.push(Row::NONE);
            continue;
        };
        if place_shared && let Some((_, i)) = loc_first[k0] {
            locs.push(i);
            continue;
        }
        let lk = [Some(k0), key(&place_country, row), key(&place_kind, row)];
        let cached = match loc_first[k0] {
            Some((first, i)) if first == lk => Some(i),
            _ => loc_cache.get(&lk).copied(),
        };
        let loc = match cached {
            Some(i) => i,
            None => match place.as_ref().and_then(|c| c.get(row)) {
                None => Row::NONE,
                Some(name) => {
                    let mut l = Location::new(name).map_err(|e| bad(row, "place", name, e.to_string()))?;
                    if let Some(c) = lk[1].and_then(|k| countries[k]) {
                        l = l.in_country(c);
                    }
                    if let Some(kd) = lk[2].and_then(|k| kinds[k]) {
                        l = l.kind(kd);
                    }
                    let i = table.intern_location(l);
                    if loc_first[k0].is_none() {
                        loc_first[k0] = Some((lk, i));
                    } else {
                        loc_cache.insert(lk, i);
                    }
                    i
                }
            },
        };
        locs.push(loc);
    }

    // Sources, as places.
    let mut srcs = Vec::with_capacity(n);
    let mut src_first: Vec<Option<([Option<usize>; 5], u32)>> =
        vec![None; source.as_ref().map_or(0, |c| c.values.len())];
    let mut src_cache: FxHashMap<[Option<usize>; 5], u32> = FxHashMap::default();
    let source_shared = source.as_ref().is_some_and(|c| {
        [&source_title, &source_date, &source_address, &source_note]
            .iter()
            .all(|o| c.same_keys(o.as_ref()))
    });
    for row in 0..n {
        let Some(k0) = key(&source, row) else {
            srcs.push(Row::NONE);
            continue;
        };
        if source_shared && let Some((_, i)) = src_first[k0] {
            srcs.push(i);
            continue;
        }
        let sk = [
            Some(k0),
            key(&source_title, row),
            key(&source_date, row),
            key(&source_address, row),
            key(&source_note, row),
        ];
        let cached = match src_first[k0] {
            Some((first, i)) if first == sk => Some(i),
            _ => src_cache.get(&sk).copied(),
        };
        let src = match (cached, source.as_ref().and_then(|c| c.get(row))) {
            (Some(i), _) => i,
            (None, None) => Row::NONE,
            (None, Some(publisher)) => {
                let title = source_title.as_ref().and_then(|c| c.get(row)).unwrap_or("");
                let mut s = Source::new(publisher, title).map_err(|e| ArrowError::BadValue {
                    row,
                    column: "source",
                    text: publisher.to_string(),
                    reason: e.to_string(),
                })?;
                if let Some(d) = sk[2].and_then(|k| dates[k]) {
                    s = s.date(d);
                }
                if let Some(a) = source_address.as_ref().and_then(|c| c.get(row)) {
                    s = s.address(a);
                }
                if let Some(nt) = source_note.as_ref().and_then(|c| c.get(row)) {
                    s = s.note(nt);
                }
                let i = table.intern_source(s);
                if src_first[k0].is_none() {
                    src_first[k0] = Some((sk, i));
                } else {
                    src_cache.insert(sk, i);
                }
                i
            }
        };
        srcs.push(src);
    }

    table.set_attribute_columns(AttributeColumns {
        periods,
        nationality: nats,
        location: locs,
        source: srcs,
        direction: word_values_of(direction.as_ref(), &directions, n),
        sex: word_values_of(sex.as_ref(), &sexes, n),
        age: word_values_of(age.as_ref(), &ages, n),
    });
    Ok(table)
}

/// A word column's value on every row (`None` without the column).
fn word_values_of<T: Copy>(col: Option<&StrColumn<'_>>, parsed: &[Option<T>], n: usize) -> Vec<Option<T>> {
    match col {
        None => vec![None; n],
        Some(c) => c.map_keys(|k| k.and_then(|k| parsed[k])),
    }
}

/// The count of kind `kind` (an index into [`COUNT_KINDS`]) with these bounds, or the count between
/// them.
fn rebuild_count(lower: u64, upper: Option<u64>, point: u64, kind: Option<usize>) -> Result<Count, crate::CountError> {
    let candidate = match (kind, upper) {
        (Some(0), _) => Some(Count::exact(point)),
        (Some(1), None) => Some(Count::at_least(lower)),
        (Some(2), Some(u)) => Some(Count::at_most(u)),
        (Some(3), _) => Some(Count::about(point)),
        (Some(4), _) => Some(Count::nearly(point)),
        _ => None,
    };
    match candidate {
        Some(c) if c.lower() == lower && c.upper() == upper && c.point() == point => Ok(c),
        _ => Count::from_bounds(lower, upper, point),
    }
}

impl FlowSeries {
    /// The series as an Arrow [`RecordBatch`]: `period_start`, `period_end` (`Date32`),
    /// `granularity`, `count_lower`, `count_upper`, `count_point` (`UInt64`, null for a gap; upper
    /// also null for "at least"), `count_kind`, and `partial` (a coarse value summed over a period
    /// with missing parts).
    ///
    /// # Errors
    /// [`crate::Error::Arrow`] if arrow-rs refuses a column (it does not for series this crate
    /// builds).
    ///
    /// # Examples
    /// ```
    /// use corridor::Count;
    /// use corridor::flow::FlowSeries;
    ///
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(36_001)), None])?;
    /// let b = s.to_record_batch()?;
    /// assert_eq!(b.num_rows(), 2);
    /// assert_eq!(b.column_by_name("count_point").map(|c| c.null_count()), Some(1));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn to_record_batch(&self) -> crate::Result<RecordBatch> {
        Ok(series_batch(self)?)
    }
}

fn series_batch(s: &FlowSeries) -> Result<RecordBatch, ArrowError> {
    let n = s.len();
    let [start, end, granularity] = period_columns(s.periods().collect::<Vec<_>>().into_iter())?;
    let [lower, upper, point, kind] = count_columns(s.counts().iter().copied(), n)?;
    let partial: BooleanArray = (0..n).map(|i| Some(s.is_partial(i))).collect();
    let schema = Schema::new(vec![
        Field::new("period_start", DataType::Date32, false),
        Field::new("period_end", DataType::Date32, false),
        dict_field("granularity", DataType::Int8, false),
        Field::new("count_lower", DataType::UInt64, true),
        Field::new("count_upper", DataType::UInt64, true),
        Field::new("count_point", DataType::UInt64, true),
        dict_field("count_kind", DataType::UInt8, true),
        Field::new("partial", DataType::Boolean, false),
    ]);
    Ok(RecordBatch::try_new(
        Arc::new(schema),
        vec![start, end, granularity, lower, upper, point, kind, Arc::new(partial)],
    )?)
}

/// Writes record batches (all of the first one's schema) as an Arrow IPC file.
///
/// # Errors
/// [`crate::Error::Arrow`] when the batches' schemas differ or the writer fails (the i/o error's
/// message), [`crate::Error::Arrow`] with "no batch" when `batches` is empty.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::io::{read_ipc, write_ipc};
///
/// let t: FlowTable = [FlowRecord::new("2021-08".parse()?, "about 10,000".parse()?)].into_iter().collect();
/// let mut file = Vec::new();
/// write_ipc(&[t.to_record_batch()?], &mut file)?;
/// let batches = read_ipc(std::io::Cursor::new(file))?;
/// assert_eq!(FlowTable::from_record_batch(&batches[0])?, t);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_ipc<W: Write>(batches: &[RecordBatch], writer: W) -> crate::Result<()> {
    Ok(write_inner(batches, writer)?)
}

fn write_inner<W: Write>(batches: &[RecordBatch], writer: W) -> Result<(), ArrowError> {
    let first = batches.first().ok_or(ArrowError::Arrow {
        message: "no batch to write".to_owned(),
    })?;
    let mut w = arrow_ipc::writer::FileWriter::try_new(writer, first.schema_ref())?;
    for b in batches {
        w.write(b)?;
    }
    w.finish()?;
    Ok(())
}

/// Reads every record batch of an Arrow IPC file.
///
/// # Errors
/// [`crate::Error::Arrow`] when the input is not an Arrow IPC file or is cut short.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::io::{read_ipc, write_ipc};
/// let t: FlowTable = [FlowRecord::new("2021-08".parse()?, "nearly 26,000".parse()?)].into_iter().collect();
/// let mut file = Vec::new();
/// // Two partitions of the same schema, read back as two batches.
/// write_ipc(&[t.to_record_batch()?, t.to_record_batch()?], &mut file)?;
/// let batches = read_ipc(std::io::Cursor::new(file))?;
/// assert_eq!(batches.len(), 2);
/// assert_eq!(FlowTable::from_record_batch(&batches[1])?.total().total().upper(), Some(26_000));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_ipc<R: Read + Seek>(reader: R) -> crate::Result<Vec<RecordBatch>> {
    Ok(read_inner(reader)?)
}

fn read_inner<R: Read + Seek>(reader: R) -> Result<Vec<RecordBatch>, ArrowError> {
    let r = arrow_ipc::reader::FileReader::try_new(reader, None)?;
    Ok(r.collect::<Result<Vec<_>, _>>()?)
}
