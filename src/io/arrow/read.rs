//! Reading flow tables: the columns of a record batch (or of a run of rows of an IPC file's batch) as
//! borrowed views, and one builder that turns runs of rows into a table, one pass per column.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int8Type, UInt8Type, UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch};
use arrow_buffer::NullBuffer;
use rustc_hash::FxHashMap;
use time::Date;

use super::{ArrowError, COUNT_KINDS, EPOCH_JULIAN, UNSET};
use crate::flow::{AgeGroup, AttributeColumns, Direction, FlowTable, Location, LocationKind, Nationality, Row, Sex};
use crate::{Count, Country, Granularity, Period, Source};

/// A primitive column's values and nulls, borrowed.
#[derive(Clone, Copy)]
pub(super) struct Prim<'a, T> {
    pub(super) values: &'a [T],
    pub(super) nulls: Option<&'a NullBuffer>,
}

impl<T: Copy> Prim<'_, T> {
    fn is_null(&self, row: usize) -> bool {
        self.nulls.is_some_and(|n| n.is_null(row))
    }

    fn get(&self, row: usize) -> Option<T> {
        (!self.is_null(row)).then(|| self.values[row])
    }

    fn has_nulls(&self) -> bool {
        self.nulls.is_some_and(|n| n.null_count() > 0)
    }
}

/// Per-row keys of a string column into its distinct values.
pub(super) enum Keys<'a> {
    /// `UInt32` keys as stored (corridor's and polars' dictionaries), with their nulls: not copied.
    Borrowed(&'a [u32], Option<&'a NullBuffer>),
    /// `UInt8` keys as stored (corridor's word columns), with their nulls.
    BorrowedU8(&'a [u8], Option<&'a NullBuffer>),
    /// `Int8` keys as stored (corridor's granularity), with their nulls.
    BorrowedI8(&'a [i8], Option<&'a NullBuffer>),
    /// Keys of another integer type, widened; `u32::MAX` for null.
    Owned(Vec<u32>),
    /// A plain string column: row `i` is value `i`.
    Identity,
}

/// A string column, plain or dictionary-encoded, read as per-row keys into a list of distinct
/// values (for a plain column each row is its own key).
pub(super) struct StrColumn<'a> {
    pub(super) name: &'static str,
    pub(super) keys: Keys<'a>,
    pub(super) len: usize,
    pub(super) values: Vec<Option<&'a str>>,
}

impl<'a> StrColumn<'a> {
    /// The key of row `row`, `None` for null.
    #[allow(clippy::inline_always)] // called for every row and column of a batch; not inlined otherwise
    #[inline(always)]
    fn key(&self, row: usize) -> Option<usize> {
        match &self.keys {
            Keys::Borrowed(k, nulls) => nulls.is_none_or(|n| n.is_valid(row)).then(|| k[row] as usize),
            Keys::BorrowedU8(k, nulls) => nulls.is_none_or(|n| n.is_valid(row)).then(|| usize::from(k[row])),
            Keys::BorrowedI8(k, nulls) => nulls.is_none_or(|n| n.is_valid(row)).then(|| k[row] as usize),
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

    /// `f` of every row's key, in row order (one match on the key type, then a tight loop), appended
    /// to `out`.
    fn extend_keys<T>(&self, out: &mut Vec<T>, mut f: impl FnMut(Option<usize>) -> T) {
        fn borrowed<K: Copy, T>(
            out: &mut Vec<T>,
            k: &[K],
            nulls: Option<&NullBuffer>,
            widen: impl Fn(K) -> usize,
            mut f: impl FnMut(Option<usize>) -> T,
        ) {
            match nulls {
                None => out.extend(k.iter().map(|&k| f(Some(widen(k))))),
                Some(n) => out.extend(k.iter().zip(n.iter()).map(|(&k, valid)| f(valid.then(|| widen(k))))),
            }
        }
        match &self.keys {
            Keys::Borrowed(k, nulls) => borrowed(out, k, *nulls, |k| k as usize, f),
            Keys::BorrowedU8(k, nulls) => borrowed(out, k, *nulls, usize::from, f),
            Keys::BorrowedI8(k, nulls) => borrowed(out, k, *nulls, |k| k as usize, f),
            Keys::Owned(k) => out.extend(k.iter().map(|&k| f((k != u32::MAX).then_some(k as usize)))),
            Keys::Identity => out.extend((0..self.len).map(|row| f(Some(row)))),
        }
    }

    fn get(&self, row: usize) -> Option<&'a str> {
        self.key(row).and_then(|k| self.values[k])
    }

    /// The first row whose key is `k` (0 if none), for error messages.
    fn first_row(&self, k: usize) -> usize {
        (0..self.len).find(|&r| self.key(r) == Some(k)).unwrap_or(0)
    }

    /// Refuses a key outside the dictionary on a row that is not null (`row0`: the run's first row,
    /// for the message). arrow-rs checks this when it builds a dictionary array; keys read straight
    /// from a file are checked here.
    pub(super) fn check_keys(&self, row0: usize) -> Result<(), ArrowError> {
        fn check<K: Copy + Into<i64>>(
            name: &'static str,
            k: &[K],
            nulls: Option<&NullBuffer>,
            n: usize,
            row0: usize,
        ) -> Result<(), ArrowError> {
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            let out = |key: K| {
                let key: i64 = key.into();
                key < 0 || key >= n
            };
            let bad_row = match nulls {
                None => k.iter().position(|&key| out(key)),
                Some(nb) => k
                    .iter()
                    .enumerate()
                    .position(|(row, &key)| nb.is_valid(row) && out(key)),
            };
            match bad_row {
                None => Ok(()),
                Some(row) => Err(bad(
                    row0 + row,
                    name,
                    k[row].into().to_string(),
                    format!("a key outside the column's dictionary of {n} values"),
                )),
            }
        }
        let n = self.values.len();
        // Every slot, null ones included (a writer leaves them in range, usually 0): the greatest key
        // (and the least, for signed keys) in a pass the compiler vectorises; only a key out of range
        // sends the column to the row-by-row check.
        let in_range = match &self.keys {
            Keys::Borrowed(k, _) => k.is_empty() || (k.iter().fold(0, |m, &x| m.max(x)) as usize) < n,
            Keys::BorrowedU8(k, _) => k.is_empty() || usize::from(k.iter().fold(0, |m, &x| m.max(x))) < n,
            Keys::BorrowedI8(k, _) => {
                let (lo, hi) = k.iter().fold((0i8, 0i8), |(lo, hi), &x| (lo.min(x), hi.max(x)));
                k.is_empty() || (lo >= 0 && usize::try_from(hi).is_ok_and(|h| h < n))
            }
            Keys::Owned(_) | Keys::Identity => true,
        };
        if in_range {
            return Ok(());
        }
        match &self.keys {
            Keys::Borrowed(k, nulls) => check(self.name, k, *nulls, n, row0),
            Keys::BorrowedU8(k, nulls) => check(self.name, k, *nulls, n, row0),
            Keys::BorrowedI8(k, nulls) => check(self.name, k, *nulls, n, row0),
            Keys::Owned(_) | Keys::Identity => Ok(()),
        }
    }
}

/// The values of a string array (`Utf8`, `LargeUtf8`, `Utf8View`), `None` for another type.
pub(super) fn strings(array: &dyn Array) -> Option<Vec<Option<&str>>> {
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
            Some(Keys::Borrowed(k.values(), k.nulls()))
        } else if let Some(k) = d.keys().as_primitive_opt::<UInt8Type>() {
            Some(Keys::BorrowedU8(k.values(), k.nulls()))
        } else {
            d.keys()
                .as_primitive_opt::<Int8Type>()
                .map(|k| Keys::BorrowedI8(k.values(), k.nulls()))
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

fn u64_column<'a>(batch: &'a RecordBatch, name: &'static str) -> Result<Option<Prim<'a, u64>>, ArrowError> {
    match batch.column_by_name(name) {
        None => Ok(None),
        Some(c) => c
            .as_primitive_opt::<UInt64Type>()
            .map(|a| {
                Some(Prim {
                    values: a.values(),
                    nulls: a.nulls(),
                })
            })
            .ok_or_else(|| ArrowError::ColumnType {
                name,
                expected: "UInt64",
                got: c.data_type().to_string(),
            }),
    }
}

fn date_column<'a>(batch: &'a RecordBatch, name: &'static str) -> Result<Prim<'a, i32>, ArrowError> {
    let c = required(batch.column_by_name(name), name)?;
    c.as_primitive_opt::<Date32Type>()
        .map(|a| Prim {
            values: a.values(),
            nulls: a.nulls(),
        })
        .ok_or_else(|| ArrowError::ColumnType {
            name,
            expected: "Date32",
            got: c.data_type().to_string(),
        })
}

pub(super) fn bad(row: usize, column: &'static str, text: impl Into<String>, reason: impl Into<String>) -> ArrowError {
    ArrowError::BadValue {
        row,
        column,
        text: text.into(),
        reason: reason.into(),
    }
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

fn parse_opt<T>(
    col: Option<&StrColumn<'_>>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Vec<Option<T>>, ArrowError> {
    col.map_or_else(|| Ok(Vec::new()), |c| parse_values(c, parse))
}

fn word<T: std::str::FromStr<Err = crate::flow::FlowError>>(s: &str) -> Result<T, String> {
    s.parse::<T>().map_err(|e| e.to_string())
}

/// The columns of a run of rows of the flow table schema (the whole batch, or a run of an IPC
/// file's batch): rows `0..n` of every view.
pub(super) struct Columns<'a> {
    pub(super) n: usize,
    pub(super) start: Prim<'a, i32>,
    pub(super) end: Prim<'a, i32>,
    pub(super) granularity: StrColumn<'a>,
    pub(super) nationality: Option<StrColumn<'a>>,
    pub(super) place: [Option<StrColumn<'a>>; 3],
    pub(super) direction: Option<StrColumn<'a>>,
    pub(super) sex: Option<StrColumn<'a>>,
    pub(super) age: Option<StrColumn<'a>>,
    pub(super) lower: Prim<'a, u64>,
    pub(super) upper: Option<Prim<'a, u64>>,
    pub(super) point: Option<Prim<'a, u64>>,
    pub(super) kind: Option<StrColumn<'a>>,
    pub(super) source: [Option<StrColumn<'a>>; 5],
}

impl<'a> Columns<'a> {
    /// The columns of `batch`, by name (the optional ones may be absent).
    fn of_batch(batch: &'a RecordBatch) -> Result<Self, ArrowError> {
        Ok(Columns {
            n: batch.num_rows(),
            start: date_column(batch, "period_start")?,
            end: date_column(batch, "period_end")?,
            granularity: required(str_column(batch, "granularity")?, "granularity")?,
            nationality: str_column(batch, "nationality")?,
            place: [
                str_column(batch, "place")?,
                str_column(batch, "place_country")?,
                str_column(batch, "place_kind")?,
            ],
            direction: str_column(batch, "direction")?,
            sex: str_column(batch, "sex")?,
            age: str_column(batch, "age")?,
            lower: required(u64_column(batch, "count_lower")?, "count_lower")?,
            upper: u64_column(batch, "count_upper")?,
            point: u64_column(batch, "count_point")?,
            kind: str_column(batch, "count_kind")?,
            source: [
                str_column(batch, "source")?,
                str_column(batch, "source_title")?,
                str_column(batch, "source_date")?,
                str_column(batch, "source_address")?,
                str_column(batch, "source_note")?,
            ],
        })
    }
}

pub(super) fn from_batch(batch: &RecordBatch) -> Result<FlowTable, ArrowError> {
    let cols = Columns::of_batch(batch)?;
    let mut b = TableBuilder::new(&cols, cols.n)?;
    b.push(&cols, 0)?;
    Ok(b.finish())
}

/// The parsed distinct values of each string column (the same for every run of one file or batch).
struct Parsed {
    /// `None` for a null value, `Some(None)` for "range".
    #[allow(clippy::option_option)]
    granularities: Vec<Option<Option<Granularity>>>,
    nationalities: Vec<Option<Nationality>>,
    countries: Vec<Option<Country>>,
    kinds: Vec<Option<LocationKind>>,
    directions: Vec<Option<Direction>>,
    sexes: Vec<Option<Sex>>,
    ages: Vec<Option<AgeGroup>>,
    count_kinds: Vec<Option<usize>>,
    dates: Vec<Option<Date>>,
}

/// Turns runs of rows into one table. The caches are by dictionary key, so every run pushed must use
/// the dictionaries of the run the builder was made from.
pub(super) struct TableBuilder {
    table: FlowTable,
    parsed: Parsed,
    columns: AttributeColumns,
    /// Periods: a direct cache by start day from `by_start_base` (most tables span a few thousand
    /// days), a hash map for the other periods.
    by_start_base: Option<i32>,
    by_start: Vec<Option<(i32, usize, u32)>>,
    period_cache: FxHashMap<(i32, i32, usize), u32>,
    /// Nationalities: the table index of each key (UNSET until first seen, so the table's dictionary
    /// keeps the order of first appearance).
    nat_cache: Vec<u32>,
    /// Places and sources by the combination of their key columns.
    locations: ComboCache<3>,
    sources: ComboCache<5>,
    /// Places and sources by key when the key columns are one (`UNSET` until first seen).
    loc_shared: Vec<u32>,
    src_shared: Vec<u32>,
}

/// Table indices by a combination of `N` keys whose first is a dictionary key (a place's name, country
/// and kind keys; a source's five): the first combination seen for each first key in a vector, the
/// others in a hash map.
struct ComboCache<const N: usize> {
    first: Vec<Option<([Option<usize>; N], u32)>>,
    rest: FxHashMap<[Option<usize>; N], u32>,
}

impl<const N: usize> ComboCache<N> {
    fn new(keys: usize) -> Self {
        ComboCache {
            first: vec![None; keys],
            rest: FxHashMap::default(),
        }
    }

    fn get(&self, k0: usize, combo: &[Option<usize>; N]) -> Option<u32> {
        match self.first[k0] {
            Some((first, i)) if first == *combo => Some(i),
            _ => self.rest.get(combo).copied(),
        }
    }

    fn insert(&mut self, k0: usize, combo: [Option<usize>; N], i: u32) {
        if self.first[k0].is_none() {
            self.first[k0] = Some((combo, i));
        } else {
            self.rest.insert(combo, i);
        }
    }
}

/// Days the direct period cache covers.
const BY_START_DAYS: usize = 1 << 16;

impl TableBuilder {
    /// A builder for runs of `cols`' dictionaries, with room for `rows` rows; parses each distinct
    /// value once.
    pub(super) fn new(cols: &Columns<'_>, rows: usize) -> Result<Self, ArrowError> {
        let parsed = Parsed {
            granularities: parse_values(&cols.granularity, |s| {
                if s == "range" {
                    Ok(None)
                } else {
                    s.parse::<Granularity>().map(Some).map_err(|e| e.to_string())
                }
            })?,
            nationalities: parse_opt(cols.nationality.as_ref(), |s| {
                s.parse::<Nationality>().map_err(|e| e.to_string())
            })?,
            directions: parse_opt(cols.direction.as_ref(), word)?,
            sexes: parse_opt(cols.sex.as_ref(), word)?,
            ages: parse_opt(cols.age.as_ref(), word)?,
            countries: parse_opt(cols.place[1].as_ref(), |s| {
                s.parse::<Country>().map_err(|e| e.to_string())
            })?,
            kinds: parse_opt(cols.place[2].as_ref(), word)?,
            count_kinds: parse_opt(cols.kind.as_ref(), |s| {
                COUNT_KINDS
                    .iter()
                    .position(|k| *k == s)
                    .ok_or_else(|| format!("unknown count kind (expected one of {})", COUNT_KINDS.join(", ")))
            })?,
            dates: parse_opt(cols.source[2].as_ref(), |s| {
                Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).map_err(|e| e.to_string())
            })?,
        };
        let mut table = FlowTable::new();
        table.reserve(rows);
        let dict_len = |c: &Option<StrColumn<'_>>| c.as_ref().map_or(0, |c| c.values.len());
        Ok(TableBuilder {
            table,
            parsed,
            columns: AttributeColumns {
                periods: Vec::with_capacity(rows),
                nationality: Vec::with_capacity(rows),
                location: Vec::with_capacity(rows),
                source: Vec::with_capacity(rows),
                direction: Vec::with_capacity(rows),
                sex: Vec::with_capacity(rows),
                age: Vec::with_capacity(rows),
            },
            by_start_base: None,
            by_start: Vec::new(),
            period_cache: FxHashMap::default(),
            nat_cache: vec![UNSET; dict_len(&cols.nationality)],
            locations: ComboCache::new(dict_len(&cols.place[0])),
            sources: ComboCache::new(dict_len(&cols.source[0])),
            loc_shared: vec![UNSET; dict_len(&cols.place[0])],
            src_shared: vec![UNSET; dict_len(&cols.source[0])],
        })
    }

    /// Appends rows `0..cols.n` of `cols`; `row0` is the first one's row in its batch (for errors).
    pub(super) fn push(&mut self, cols: &Columns<'_>, row0: usize) -> Result<(), ArrowError> {
        self.counts(cols, row0)?;
        self.periods(cols, row0)?;
        self.nationalities(cols)?;
        self.places(cols, row0)?;
        self.sources(cols, row0)?;
        let p = &self.parsed;
        let c = &mut self.columns;
        extend_words(&mut c.direction, cols.direction.as_ref(), &p.directions, cols.n);
        extend_words(&mut c.sex, cols.sex.as_ref(), &p.sexes, cols.n);
        extend_words(&mut c.age, cols.age.as_ref(), &p.ages, cols.n);
        Ok(())
    }

    pub(super) fn finish(mut self) -> FlowTable {
        self.table.set_attribute_columns(self.columns);
        self.table
    }

    fn counts(&mut self, cols: &Columns<'_>, row0: usize) -> Result<(), ArrowError> {
        let (lower, upper, point) = (cols.lower, cols.upper, cols.point);
        for row in 0..cols.n {
            let Some(lo) = lower.get(row) else {
                return Err(bad(row0 + row, "count_lower", "null", "a count is needed"));
            };
            let up = upper.and_then(|u| u.get(row));
            let pt = point.and_then(|p| p.get(row)).unwrap_or(lo);
            let kd = cols
                .kind
                .as_ref()
                .and_then(|c| c.key(row))
                .and_then(|k| self.parsed.count_kinds[k]);
            if kd == Some(0) && lo == pt && up == Some(pt) {
                self.table.push_exact_count(pt);
                continue;
            }
            let count = rebuild_count(lo, up, pt, kd).map_err(|e| {
                bad(
                    row0 + row,
                    "count_point",
                    format!("{lo}..{} (point {pt})", up.map_or(String::new(), |u| u.to_string())),
                    e.to_string(),
                )
            })?;
            self.table.push_count(count);
        }
        Ok(())
    }

    fn periods(&mut self, cols: &Columns<'_>, row0: usize) -> Result<(), ArrowError> {
        let (start, end, granularity) = (cols.start, cols.end, &cols.granularity);
        let base = *self.by_start_base.get_or_insert_with(|| {
            let first = start.values.iter().copied().min().unwrap_or(0);
            let last = start.values.iter().copied().max().unwrap_or(0);
            let span = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(usize::MAX);
            if span <= BY_START_DAYS {
                self.by_start = vec![None; span];
            }
            first
        });
        let dates_have_nulls = start.has_nulls() || end.has_nulls();
        let slot_of = |s: i32| usize::try_from(i64::from(s) - i64::from(base)).ok();
        for row in 0..cols.n {
            let gk = granularity
                .key(row)
                .ok_or_else(|| bad(row0 + row, "granularity", "null", "a granularity is needed"))?;
            if dates_have_nulls {
                date_at(start, row, row0, "period_start")?;
                date_at(end, row, row0, "period_end")?;
            }
            let (s, e) = (start.values[row], end.values[row]);
            let slot = slot_of(s).and_then(|i| self.by_start.get(i));
            if let Some(&Some((se, sg, k))) = slot
                && se == e
                && sg == gk
            {
                self.columns.periods.push(k);
                continue;
            }
            let k = if let Some(&k) = self.period_cache.get(&(s, e, gk)) {
                k
            } else {
                let sd = date_at(start, row, row0, "period_start")?;
                let ed = date_at(end, row, row0, "period_end")?;
                let at = row0 + row;
                let p = match self.parsed.granularities[gk] {
                    None => return Err(bad(at, "granularity", "null", "a granularity is needed")),
                    Some(Some(g)) => {
                        let p = Period::containing(sd, g);
                        if p.start() != sd || p.end() != ed {
                            return Err(bad(
                                at,
                                "period_end",
                                format!("{sd}..{ed}"),
                                format!("not one {} (that would be {p})", g.as_str()),
                            ));
                        }
                        p
                    }
                    Some(None) => Period::range(sd, ed)
                        .map_err(|e| bad(at, "period_end", format!("{sd}..{ed}"), e.to_string()))?,
                };
                let k = self.table.intern_period(p);
                self.period_cache.insert((s, e, gk), k);
                k
            };
            if let Some(slot @ None) = slot_of(s).and_then(|i| self.by_start.get_mut(i)) {
                *slot = Some((e, gk, k));
            }
            self.columns.periods.push(k);
        }
        Ok(())
    }

    fn nationalities(&mut self, cols: &Columns<'_>) -> Result<(), ArrowError> {
        let out = &mut self.columns.nationality;
        match &cols.nationality {
            None => out.extend(std::iter::repeat_n(Row::NONE, cols.n)),
            Some(c) => {
                let (parsed, table) = (&self.parsed.nationalities, &mut self.table);
                extend_cached(out, c, &mut self.nat_cache, |_, k| {
                    Ok(match &parsed[k] {
                        Some(v) => table.intern_nationality(v.clone()),
                        None => Row::NONE,
                    })
                })?;
            }
        }
        Ok(())
    }

    /// Places, by the key of their name, checked against the country and kind keys of the row. When
    /// the three key columns are one (as corridor writes them), by the name's key alone.
    fn places(&mut self, cols: &Columns<'_>, row0: usize) -> Result<(), ArrowError> {
        let [place, country, kind] = &cols.place;
        let Some(p) = place else {
            self.columns.location.extend(std::iter::repeat_n(Row::NONE, cols.n));
            return Ok(());
        };
        let key = |c: &Option<StrColumn<'_>>, row: usize| c.as_ref().and_then(|c| c.key(row));
        if p.same_keys(country.as_ref()) && p.same_keys(kind.as_ref()) {
            let shared = |k0: usize| [Some(k0), country.as_ref().map(|_| k0), kind.as_ref().map(|_| k0)];
            let mut out = std::mem::take(&mut self.columns.location);
            let mut cache = std::mem::take(&mut self.loc_shared);
            let r = extend_cached(&mut out, p, &mut cache, |row, k0| {
                self.location_at(p, row, shared(k0), row0)
            });
            self.columns.location = out;
            self.loc_shared = cache;
            return r;
        }
        for row in 0..cols.n {
            let i = self.location_at(p, row, [key(place, row), key(country, row), key(kind, row)], row0)?;
            self.columns.location.push(i);
        }
        Ok(())
    }

    /// The table index of the place of row `row`, whose name, country and kind keys are `lk`.
    fn location_at(
        &mut self,
        place: &StrColumn<'_>,
        row: usize,
        lk: [Option<usize>; 3],
        row0: usize,
    ) -> Result<u32, ArrowError> {
        let Some(k0) = lk[0] else { return Ok(Row::NONE) };
        if let Some(i) = self.locations.get(k0, &lk) {
            return Ok(i);
        }
        let Some(name) = place.get(row) else {
            return Ok(Row::NONE);
        };
        let mut l = Location::new(name).map_err(|e| bad(row0 + row, "place", name, e.to_string()))?;
        if let Some(c) = lk[1].and_then(|k| self.parsed.countries[k]) {
            l = l.in_country(c);
        }
        if let Some(kd) = lk[2].and_then(|k| self.parsed.kinds[k]) {
            l = l.kind(kd);
        }
        let i = self.table.intern_location(l);
        self.locations.insert(k0, lk, i);
        Ok(i)
    }

    /// Sources, as places: by the key of the publisher, checked against the other four keys.
    fn sources(&mut self, cols: &Columns<'_>, row0: usize) -> Result<(), ArrowError> {
        let source = &cols.source;
        let Some(p) = &source[0] else {
            self.columns.source.extend(std::iter::repeat_n(Row::NONE, cols.n));
            return Ok(());
        };
        let key = |c: &Option<StrColumn<'_>>, row: usize| c.as_ref().and_then(|c| c.key(row));
        if source[1..].iter().all(|o| p.same_keys(o.as_ref())) {
            let shared = |k0: usize| {
                [
                    Some(k0),
                    source[1].as_ref().map(|_| k0),
                    source[2].as_ref().map(|_| k0),
                    source[3].as_ref().map(|_| k0),
                    source[4].as_ref().map(|_| k0),
                ]
            };
            let mut out = std::mem::take(&mut self.columns.source);
            let mut cache = std::mem::take(&mut self.src_shared);
            let r = extend_cached(&mut out, p, &mut cache, |row, k0| {
                self.source_at(source, row, shared(k0), row0)
            });
            self.columns.source = out;
            self.src_shared = cache;
            return r;
        }
        for row in 0..cols.n {
            let sk = [
                key(&source[0], row),
                key(&source[1], row),
                key(&source[2], row),
                key(&source[3], row),
                key(&source[4], row),
            ];
            let i = self.source_at(source, row, sk, row0)?;
            self.columns.source.push(i);
        }
        Ok(())
    }

    /// The table index of the source of row `row`, whose publisher, title, date, address and note
    /// keys are `sk`.
    fn source_at(
        &mut self,
        cols: &[Option<StrColumn<'_>>; 5],
        row: usize,
        sk: [Option<usize>; 5],
        row0: usize,
    ) -> Result<u32, ArrowError> {
        let Some(k0) = sk[0] else { return Ok(Row::NONE) };
        if let Some(i) = self.sources.get(k0, &sk) {
            return Ok(i);
        }
        let text = |c: usize| cols[c].as_ref().and_then(|c| c.get(row));
        let Some(publisher) = text(0) else { return Ok(Row::NONE) };
        let mut s = Source::new(publisher, text(1).unwrap_or("")).map_err(|e| ArrowError::BadValue {
            row: row0 + row,
            column: "source",
            text: publisher.to_string(),
            reason: e.to_string(),
        })?;
        if let Some(d) = sk[2].and_then(|k| self.parsed.dates[k]) {
            s = s.date(d);
        }
        if let Some(a) = text(3) {
            s = s.address(a);
        }
        if let Some(nt) = text(4) {
            s = s.note(nt);
        }
        let i = self.table.intern_source(s);
        self.sources.insert(k0, sk, i);
        Ok(i)
    }
}

/// Appends each row's table index, looked up by the row's key in `cache` (`UNSET` until known); a key's
/// index is found with `first(row, key)` on the first row that has it, in row order, so that the
/// table's dictionary keeps the order of first appearance.
fn extend_cached(
    out: &mut Vec<u32>,
    col: &StrColumn<'_>,
    cache: &mut [u32],
    mut first: impl FnMut(usize, usize) -> Result<u32, ArrowError>,
) -> Result<(), ArrowError> {
    let start = out.len();
    let mut missing = false;
    col.extend_keys(out, |k| match k {
        None => Row::NONE,
        Some(k) => {
            let v = cache[k];
            missing |= v == UNSET;
            v
        }
    });
    if missing {
        for row in 0..col.len {
            if out[start + row] == UNSET
                && let Some(k) = col.key(row)
            {
                if cache[k] == UNSET {
                    cache[k] = first(row, k)?;
                }
                out[start + row] = cache[k];
            }
        }
    }
    Ok(())
}

/// A word column's value on every row (`None` without the column), appended to `out`.
fn extend_words<T: Copy>(out: &mut Vec<Option<T>>, col: Option<&StrColumn<'_>>, parsed: &[Option<T>], n: usize) {
    match col {
        None => out.extend(std::iter::repeat_n(None, n)),
        Some(c) => c.extend_keys(out, |k| k.and_then(|k| parsed[k])),
    }
}

fn date_at(a: Prim<'_, i32>, row: usize, row0: usize, column: &'static str) -> Result<Date, ArrowError> {
    let Some(d) = a.get(row) else {
        return Err(bad(row0 + row, column, "null", "a date is needed"));
    };
    Date::from_julian_day(d.saturating_add(EPOCH_JULIAN))
        .map_err(|e| bad(row0 + row, column, d.to_string(), e.to_string()))
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
