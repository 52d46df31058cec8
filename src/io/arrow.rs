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
//! and polars' `read_ipc` read), and for a flow table [`FlowTable::write_ipc`] and
//! [`FlowTable::read_ipc`]: the latter reads a file of this schema straight into a table, a run of
//! 32,768 rows at a time through one small buffer, without building record batches (a file of 10^6
//! rows, 75 MB, reads in about 36 MB of memory, and faster than polars reads it: BENCHMARKS.md
//! "arrow"); another layout goes through record batches. Checked by hand once, with pyarrow 26.0.1 and polars
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

use std::sync::Arc;

use arrow_array::builder::{StringBuilder, UInt64Builder};
use arrow_array::types::{Int8Type, UInt8Type, UInt32Type};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Int8Array, RecordBatch, StringArray, UInt8Array, UInt32Array,
    UInt64Array,
};
use arrow_buffer::{BooleanBufferBuilder, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use time::Date;

use crate::flow::{AgeGroup, Direction, FlowSeries, FlowTable, Location, Row, Sex};
use crate::{Count, Country, Granularity, Period, Source};

mod ipc;
mod read;
pub use ipc::{read_ipc, write_ipc};

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
        Ok(read::from_batch(batch)?)
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
