//! Arrow record batches and IPC files (feature `arrow`): round trips, the schema, errors that name
//! the row and column, and partitions whose merged aggregates equal the whole's.
//!
//! Set `CORRIDOR_ARROW_FILE=/tmp/flows.arrow` to also write the Darién table there, for
//! `tests/reference-scripts/read_arrow.py` (polars and pyarrow).
#![cfg(all(feature = "arrow", feature = "csv"))]

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use corridor::datasets::darien;
use corridor::flow::{
    AgeGroup, Direction, FlowRecord, FlowSeries, FlowTable, GroupBy, GroupKey, Location, LocationKind, Nationality, Sex,
};
use corridor::io::{ArrowError, read_ipc, write_ipc};
use corridor::{Count, Country, Error, Granularity, Period, Source};
use time::macros::date;

/// A table with every attribute present and absent, every kind of count, every kind of period.
fn varied() -> FlowTable {
    let src = Source::new("SNM Panama", "Irregulares en tránsito por Darién")
        .unwrap()
        .date(date!(2022 - 01 - 05))
        .address("https://www.migracion.gob.pa/")
        .note("monthly bulletin");
    let bare = Source::new("WOLA", "Darién Gap migration").unwrap();
    let station = Location::new("ERM Lajas Blancas")
        .unwrap()
        .in_country("PAN".parse::<Country>().unwrap())
        .kind(LocationKind::ReceptionStation);
    let trail = Location::new("Bajo Chiquito").unwrap();
    let p = |s: &str| s.parse::<Period>().unwrap();
    let c = |s: &str| s.parse::<Count>().unwrap();
    vec![
        FlowRecord::new(p("2021-08"), c("25,332"))
            .nationality(Nationality::from_label("HTI").unwrap())
            .location(station.clone())
            .direction(Direction::Northbound)
            .sex(Sex::Female)
            .age(AgeGroup::Children)
            .source(src.clone()),
        FlowRecord::new(p("2021-W33"), c("over 60")).source(bare.clone()),
        FlowRecord::new(p("2021-Q3"), c("about 10,000")).location(trail.clone()),
        FlowRecord::new(p("2021"), c("nearly 140,000")).nationality(Nationality::from_label("other").unwrap()),
        FlowRecord::new(p("2021-08-15"), c("at most 2,461")).direction(Direction::Southbound),
        FlowRecord::new(p("2021-08-01..2021-08-20"), c("21-24 (point 22)"))
            .nationality(Nationality::from_label("Haiti (plus Brazil and Chile)").unwrap())
            .location(station)
            .sex(Sex::Male)
            .age(AgeGroup::Adults)
            .source(src),
        FlowRecord::new(p("2022-01"), c("between 100 and 200"))
            .location(trail)
            .source(bare),
    ]
    .into_iter()
    .collect()
}

#[test]
fn round_trip_every_attribute() {
    let t = varied();
    let b = t.to_record_batch().unwrap();
    assert_eq!(b.num_rows(), t.len());
    let back = FlowTable::from_record_batch(&b).unwrap();
    assert_eq!(back, t);
    // Counts keep their kind, not only their bounds.
    let kinds: Vec<String> = back.iter().map(|r| format!("{:?}", r.count().kind())).collect();
    let want: Vec<String> = t.iter().map(|r| format!("{:?}", r.count().kind())).collect();
    assert_eq!(kinds, want);
}

#[test]
fn round_trip_darien_tables_through_ipc() {
    for t in [darien::by_nationality(), darien::monthly_by_nationality()] {
        let b = t.to_record_batch().unwrap();
        let mut file = Vec::new();
        write_ipc(&[b], &mut file).unwrap();
        if let Some(path) = std::env::var_os("CORRIDOR_ARROW_FILE") {
            std::fs::write(path, &file).unwrap();
        }
        let batches = read_ipc(std::io::Cursor::new(file)).unwrap();
        assert_eq!(batches.len(), 1);
        assert_eq!(FlowTable::from_record_batch(&batches[0]).unwrap(), t);
    }
    // The same table after polars read it and wrote it again (`read_arrow.py FILE OUT`), when given.
    if let Some(path) = std::env::var_os("CORRIDOR_ARROW_POLARS") {
        let batches = read_ipc(std::fs::File::open(path).unwrap()).unwrap();
        let mut back = FlowTable::new();
        for b in &batches {
            back.append(FlowTable::from_record_batch(b).unwrap());
        }
        assert_eq!(back, darien::monthly_by_nationality());
    }
}

#[test]
fn schema_is_dictionary_encoded_with_bounds() {
    let t = varied();
    let b = t.to_record_batch().unwrap();
    let schema = b.schema();
    let dict32 = DataType::Dictionary(Box::new(DataType::UInt32), Box::new(DataType::Utf8));
    for name in ["nationality", "place", "source"] {
        assert_eq!(schema.field_with_name(name).unwrap().data_type(), &dict32, "{name}");
    }
    assert_eq!(
        schema.field_with_name("period_start").unwrap().data_type(),
        &DataType::Date32
    );
    assert_eq!(
        schema.field_with_name("count_lower").unwrap().data_type(),
        &DataType::UInt64
    );
    // Each distinct nationality is written once.
    let nat = b.column_by_name("nationality").unwrap();
    let values_len = nat.as_any_dictionary().values().len();
    assert_eq!(values_len, t.nationalities().len());
    assert_eq!(nat.null_count(), t.iter().filter(|r| r.nationality().is_none()).count());
    // "over 60" is at least 61: lower 61, no upper.
    let upper = b.column_by_name("count_upper").unwrap();
    let lower = b.column_by_name("count_lower").unwrap();
    let lower = lower.as_any().downcast_ref::<arrow_array::UInt64Array>().unwrap();
    assert_eq!(lower.value(1), 61);
    assert!(upper.is_null(1));
    assert!(!upper.is_null(0));
    // 2021-08 is 2021-08-01..2021-08-31: days since 1970-01-01.
    let start = b.column_by_name("period_start").unwrap();
    let start = start.as_any().downcast_ref::<arrow_array::Date32Array>().unwrap();
    assert_eq!(start.value(0), 18_840); // 2021-08-01
}

/// The batch with each dictionary column replaced by plain strings, as some engines hand them over.
fn plain(b: &RecordBatch) -> RecordBatch {
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (f, c) in b.schema().fields().iter().zip(b.columns()) {
        if let Some(d) = c
            .as_any()
            .downcast_ref::<arrow_array::DictionaryArray<arrow_array::types::UInt32Type>>()
        {
            let values = d.values().as_any().downcast_ref::<StringArray>().unwrap();
            let s: StringArray = d
                .keys()
                .iter()
                .map(|k| k.and_then(|k| values.is_valid(k as usize).then(|| values.value(k as usize))))
                .collect();
            fields.push(Field::new(f.name(), DataType::Utf8, true));
            columns.push(Arc::new(s));
        } else {
            fields.push(f.as_ref().clone());
            columns.push(c.clone());
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
}

#[test]
fn other_dictionary_key_types_read_the_same() {
    // Int16 and Int64 keys (as some engines write) in place of corridor's UInt32 ones.
    let t = varied();
    let b = t.to_record_batch().unwrap();
    let nat = b
        .column_by_name("nationality")
        .unwrap()
        .as_dictionary::<arrow_array::types::UInt32Type>();
    let keys16: arrow_array::Int16Array = nat.keys().iter().map(|k| k.map(|k| k as i16)).collect();
    let src = b
        .column_by_name("source")
        .unwrap()
        .as_dictionary::<arrow_array::types::UInt32Type>();
    let keys64: arrow_array::Int64Array = src.keys().iter().map(|k| k.map(i64::from)).collect();
    let nat16 =
        arrow_array::DictionaryArray::<arrow_array::types::Int16Type>::try_new(keys16, nat.values().clone()).unwrap();
    let src64 =
        arrow_array::DictionaryArray::<arrow_array::types::Int64Type>::try_new(keys64, src.values().clone()).unwrap();
    let b = replace(&b, "nationality", Arc::new(nat16));
    let b = replace(&b, "source", Arc::new(src64));
    assert_eq!(
        b.schema().field_with_name("nationality").unwrap().data_type(),
        &DataType::Dictionary(Box::new(DataType::Int16), Box::new(DataType::Utf8))
    );
    assert_eq!(FlowTable::from_record_batch(&b).unwrap(), t);
}

#[test]
fn plain_string_columns_read_the_same() {
    let t = varied();
    let b = plain(&t.to_record_batch().unwrap());
    assert_eq!(
        b.schema().field_with_name("place").unwrap().data_type(),
        &DataType::Utf8
    );
    assert_eq!(FlowTable::from_record_batch(&b).unwrap(), t);
}

/// `b` with column `name` replaced.
fn replace(b: &RecordBatch, name: &str, column: ArrayRef) -> RecordBatch {
    let mut column = Some(column);
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (f, c) in b.schema().fields().iter().zip(b.columns()) {
        if let Some(column) = column.take_if(|_| f.name() == name) {
            fields.push(Field::new(name, column.data_type().clone(), true));
            columns.push(column);
        } else {
            fields.push(f.as_ref().clone());
            columns.push(c.clone());
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
}

#[test]
fn errors_name_row_and_column() {
    let t = varied();
    let b = plain(&t.to_record_batch().unwrap());
    let n = b.num_rows();

    let without = b.project(&[1, 2]).unwrap(); // period_end, granularity
    let e = FlowTable::from_record_batch(&without).unwrap_err();
    assert!(
        matches!(e, Error::Arrow(ArrowError::MissingColumn { name: "period_start" })),
        "{e}"
    );

    let wrong = replace(&b, "count_lower", Arc::new(StringArray::from(vec!["1"; n])));
    let e = FlowTable::from_record_batch(&wrong).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Arrow(ArrowError::ColumnType {
                name: "count_lower",
                ..
            })
        ),
        "{e}"
    );

    // Row 0 says "month" but its dates are a week.
    let mut g: Vec<Option<&str>> = vec![Some("month"); n];
    for (i, r) in t.iter().enumerate() {
        g[i] = Some(match r.period().granularity() {
            Some(Granularity::Day) => "day",
            Some(Granularity::Week) => "week",
            Some(Granularity::Month) => "month",
            Some(Granularity::Quarter) => "quarter",
            Some(Granularity::Year) => "year",
            None => "range",
        });
    }
    g[1] = Some("month");
    let bad = replace(&b, "granularity", Arc::new(StringArray::from(g)));
    let e = FlowTable::from_record_batch(&bad).unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Arrow(ArrowError::BadValue {
                row: 1,
                column: "period_end",
                ..
            })
        ),
        "{e}"
    );
    assert!(e.to_string().starts_with("row 1, column \"period_end\""), "{e}");

    let mut nat: Vec<Option<&str>> = vec![None; n];
    nat[3] = Some(" ");
    let bad = replace(&b, "nationality", Arc::new(StringArray::from(nat)));
    let e = FlowTable::from_record_batch(&bad).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Arrow(ArrowError::BadValue {
                row: 3,
                column: "nationality",
                ..
            })
        ),
        "{e}"
    );

    let mut kinds: Vec<Option<&str>> = vec![Some("exact"); n];
    kinds[0] = Some("roughly");
    let bad = replace(&b, "count_kind", Arc::new(StringArray::from(kinds)));
    let e = FlowTable::from_record_batch(&bad).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Arrow(ArrowError::BadValue {
                row: 0,
                column: "count_kind",
                ..
            })
        ),
        "{e}"
    );

    assert!(matches!(
        read_ipc(std::io::Cursor::new(b"not arrow".to_vec())),
        Err(Error::Arrow(ArrowError::Arrow { .. }))
    ));
    assert!(matches!(
        write_ipc(&[], Vec::new()),
        Err(Error::Arrow(ArrowError::Arrow { .. }))
    ));
}

#[test]
fn a_null_start_date_is_refused() {
    let b = plain(&varied().to_record_batch().unwrap());
    let mut starts: Vec<Option<i32>> = b
        .column_by_name("period_start")
        .unwrap()
        .as_primitive::<arrow_array::types::Date32Type>()
        .iter()
        .collect();
    starts[2] = None;
    let bad = replace(&b, "period_start", Arc::new(arrow_array::Date32Array::from(starts)));
    let e = FlowTable::from_record_batch(&bad).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Arrow(ArrowError::BadValue {
                row: 2,
                column: "period_start",
                ..
            })
        ),
        "{e}"
    );
}

/// Group totals as a map, for comparing partitions with the whole.
fn group_totals(t: &FlowTable) -> BTreeMap<(Period, GroupKey), (u64, Option<u64>, u64)> {
    t.group_by(Granularity::Year, GroupBy::Nationality)
        .unwrap()
        .into_iter()
        .map(|g| {
            (
                (g.period(), g.key().clone()),
                (g.total().lower(), g.total().upper(), g.total().point()),
            )
        })
        .collect()
}

#[test]
fn merged_partition_aggregates_equal_the_whole() {
    let whole = darien::monthly_by_nationality();
    let b = whole.to_record_batch().unwrap();
    let n = b.num_rows();
    assert!(n > 30, "enough rows to partition");
    let cuts = [0, n / 3, 2 * n / 3 + 1, n];
    let parts: Vec<FlowTable> = cuts
        .windows(2)
        .map(|w| FlowTable::from_record_batch(&b.slice(w[0], w[1] - w[0])).unwrap())
        .collect();

    // Totals add (bounds and points).
    let sum: Count = parts.iter().map(|p| *p.total().total()).sum();
    assert_eq!(sum, *whole.total().total());
    assert_eq!(
        parts.iter().map(|p| p.total().records()).sum::<usize>(),
        whole.total().records()
    );

    // Group totals add key by key.
    let mut merged: BTreeMap<(Period, GroupKey), (u64, Option<u64>, u64)> = BTreeMap::new();
    for p in &parts {
        for (k, (lo, up, pt)) in group_totals(p) {
            let e = merged.entry(k).or_insert((0, Some(0), 0));
            e.0 += lo;
            e.1 = e.1.zip(up).map(|(a, b)| a + b);
            e.2 += pt;
        }
    }
    assert_eq!(merged, group_totals(&whole));

    // Appending the partitions gives back the whole table.
    let mut appended = FlowTable::new();
    for p in parts {
        appended.append(p);
    }
    assert_eq!(appended, whole);
}

#[test]
fn series_batch_keeps_gaps_as_nulls() {
    let monthly = darien::monthly();
    let b = monthly.to_record_batch().unwrap();
    assert_eq!(b.num_rows(), monthly.len());
    let point = b.column_by_name("count_point").unwrap();
    assert_eq!(point.null_count(), monthly.gap_count());
    let point = point.as_any().downcast_ref::<arrow_array::UInt64Array>().unwrap();
    let aug = monthly.position("2021-08".parse().unwrap()).unwrap();
    assert_eq!(Some(point.value(aug)), monthly.point(aug));
    let partial = b.column_by_name("partial").unwrap();
    assert_eq!(partial.null_count(), 0);
    let s = FlowSeries::new("2024-01".parse().unwrap(), vec![None]).unwrap();
    assert_eq!(
        s.to_record_batch()
            .unwrap()
            .column_by_name("count_lower")
            .unwrap()
            .null_count(),
        1
    );
}

/// A table of `n` rows cycling through `varied()`'s records, so that it spans several of
/// `FlowTable::read_ipc`'s runs with nulls in every optional column.
fn long(n: usize) -> FlowTable {
    let base: Vec<FlowRecord> = varied().iter().map(|r| r.to_record()).collect();
    (0..n).map(|i| base[i % base.len()].clone()).collect()
}

fn ipc_file(batches: &[RecordBatch]) -> Vec<u8> {
    let mut file = Vec::new();
    write_ipc(batches, &mut file).unwrap();
    file
}

/// The rows of every batch through `from_record_batch`: what `FlowTable::read_ipc` must equal.
fn by_batches(file: &[u8]) -> FlowTable {
    let mut t = FlowTable::new();
    for b in read_ipc(std::io::Cursor::new(file)).unwrap() {
        t.append(FlowTable::from_record_batch(&b).unwrap());
    }
    t
}

#[test]
fn read_ipc_of_a_table_equals_the_batches_read_one_by_one() {
    for t in [
        varied(),
        darien::by_nationality(),
        darien::monthly_by_nationality(),
        long(100_003),
        FlowTable::new(),
    ] {
        let b = t.to_record_batch().unwrap();
        let whole = ipc_file(std::slice::from_ref(&b));
        assert_eq!(FlowTable::read_ipc(std::io::Cursor::new(&whole)).unwrap(), t);
        assert_eq!(by_batches(&whole), t);
        // Batches of 40,000 rows (not a multiple of the reader's run): the rows in order, one table.
        if b.num_rows() > 0 {
            let parts: Vec<RecordBatch> = (0..b.num_rows())
                .step_by(40_000)
                .map(|at| b.slice(at, 40_000.min(b.num_rows() - at)))
                .collect();
            let sliced = ipc_file(&parts);
            assert_eq!(FlowTable::read_ipc(std::io::Cursor::new(&sliced)).unwrap(), t);
            assert_eq!(by_batches(&sliced), t);
        }
        let mut written = Vec::new();
        t.write_ipc(&mut written).unwrap();
        assert_eq!(written, whole);
    }
}

#[test]
fn read_ipc_of_another_layout_takes_the_batch_path() {
    // Plain string columns (as from an engine without dictionaries): not corridor's schema, read
    // through record batches, the same table.
    let t = long(70_000);
    let file = ipc_file(&[plain(&t.to_record_batch().unwrap())]);
    assert_eq!(FlowTable::read_ipc(std::io::Cursor::new(&file)).unwrap(), t);
}

/// Where the record batch's `column`-th values buffer starts in `file` (located with arrow-ipc's
/// flatbuffer reader, as the file format lays it out).
fn values_offset(file: &[u8], column: usize) -> usize {
    let n = file.len();
    let footer_len = i32::from_le_bytes(file[n - 10..n - 6].try_into().unwrap()) as usize;
    let footer = arrow_ipc::root_as_footer(&file[n - 10 - footer_len..n - 10]).unwrap();
    let block = footer.recordBatches().unwrap().get(0);
    let at = block.offset() as usize;
    let meta = &file[at..at + block.metaDataLength() as usize];
    let message = arrow_ipc::root_as_message(&meta[8..]).unwrap();
    let batch = message.header_as_record_batch().unwrap();
    at + block.metaDataLength() as usize + batch.buffers().unwrap().get(2 * column + 1).offset() as usize
}

#[test]
fn hostile_files_are_errors() {
    let t = varied();
    let file = ipc_file(&[t.to_record_batch().unwrap()]);

    // A nationality key (column 3) past the end of its dictionary of 3 values, on row 0 (HTI).
    let mut bad_key = file.clone();
    let at = values_offset(&file, 3);
    bad_key[at..at + 4].copy_from_slice(&7u32.to_le_bytes());
    let e = FlowTable::read_ipc(std::io::Cursor::new(&bad_key)).unwrap_err();
    assert!(
        matches!(&e, Error::Arrow(ArrowError::BadValue { row: 0, column: "nationality", text, .. }) if text == "7"),
        "{e}"
    );
    // arrow-rs's validation refuses it on the batch path.
    assert!(read_ipc(std::io::Cursor::new(&bad_key)).is_err());

    // A footer block whose body length is negative (arrow-rs's own `FileReader` unwraps it).
    let n = file.len();
    let footer_len = i32::from_le_bytes(file[n - 10..n - 6].try_into().unwrap()) as usize;
    let footer_at = n - 10 - footer_len;
    let footer = arrow_ipc::root_as_footer(&file[footer_at..n - 10]).unwrap();
    let block = footer.recordBatches().unwrap().get(0);
    let mut pattern = Vec::new();
    pattern.extend_from_slice(&block.offset().to_le_bytes());
    pattern.extend_from_slice(&block.metaDataLength().to_le_bytes());
    pattern.extend_from_slice(&[0; 4]);
    pattern.extend_from_slice(&block.bodyLength().to_le_bytes());
    let pos = footer_at
        + file[footer_at..]
            .windows(pattern.len())
            .position(|w| w == pattern.as_slice())
            .unwrap();
    for body in [-1i64, i64::MAX, (n as i64) * 2] {
        let mut bad_block = file.clone();
        bad_block[pos + 16..pos + 24].copy_from_slice(&body.to_le_bytes());
        let e = FlowTable::read_ipc(std::io::Cursor::new(&bad_block)).unwrap_err();
        assert!(e.to_string().contains("outside the file"), "{e}");
        let e = read_ipc(std::io::Cursor::new(&bad_block)).unwrap_err();
        assert!(e.to_string().contains("outside the file"), "{e}");
    }

    // Cut short, and not an IPC file at all.
    for bytes in [
        &file[..file.len() / 2],
        &file[..12],
        b"ARROW1".as_slice(),
        b"".as_slice(),
    ] {
        assert!(FlowTable::read_ipc(std::io::Cursor::new(bytes)).is_err());
        assert!(read_ipc(std::io::Cursor::new(bytes)).is_err());
    }
}

/// A file the `ipc` fuzz target found (`fuzz/fuzz_targets/ipc.rs`, 2026-12-03): the Darién table with bytes
/// changed so that arrow-rs 60's decoder panics validating a buffer (`Buffer::typed_data` on a length that
/// is not a whole number of values). Both readers give an error instead.
#[test]
fn a_file_arrow_rs_panics_on_is_an_error() {
    let bytes = include_bytes!("../data/arrow/malformed_buffer_length.arrow");
    let e = read_ipc(std::io::Cursor::new(bytes.as_slice())).unwrap_err();
    assert!(e.to_string().contains("arrow-rs could not decode a malformed"), "{e}");
    assert!(FlowTable::read_ipc(std::io::Cursor::new(bytes.as_slice())).is_err());
}
