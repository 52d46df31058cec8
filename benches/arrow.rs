//! A `FlowTable` of 10^6 rows to an Arrow IPC file and back (issue 16), beside polars reading the same
//! file with `pl.read_ipc` and writing it again with `DataFrame.write_ipc` (`benches/peers/arrow_ipc.py`).
//!
//! The table is made with a fixed seed (splitmix64, seed 16): 120 months (2015-01 to 2024-12) and a few
//! days, 60 nationalities and one group label, 12 places in 4 countries, 4 sources, direction, sex and
//! age stated on most rows, and counts mostly exact (2 % "about", 1 % "at least", 1 % "between").
//! It is written to `$CORRIDOR_BENCH_DATA/flows_1e6.arrow` (default `target/bench-data`) for the peer.
//!
//! Criterion times, on the 10^6-row table: `to_record_batch` + `write_ipc` to a file ("write"),
//! `read_ipc` of the file + `from_record_batch` ("read"), the same with the batch written as slices of
//! 65,536 rows (`flows_1e6.sliced.arrow`: arrow-rs encodes each batch whole before writing it, so slices
//! bound the writer's memory), and the four steps alone.
//!
//! `FlowTable::read_ipc` (the "read: `FlowTable::read_ipc`" benches) reads the same files straight into a table, without
//! record batches.
//!
//! `cargo bench --bench arrow --features arrow -- --once write|write-sliced|read|read-table|rewrite [FILE]`
//! does one write (building the table first), one read (`read`: batches then table; `read-table`:
//! `FlowTable::read_ipc`), or one read and write back (as the peer's write mode), and prints the sizes,
//! for peak memory and CPU time with `/usr/bin/time -v`.

mod common;

use std::fs::File;
use std::hint::black_box;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use common::SplitMix;
use corridor::flow::{AgeGroup, Direction, FlowRecord, FlowTable, Location, LocationKind, Nationality, Sex};
use corridor::io::{read_ipc, write_ipc};
use corridor::{Count, Country, Period, Source};
use criterion::Criterion;

const ROWS: usize = 1_000_000;

/// The synthetic table: `n` rows drawn with seed `seed`.
fn table(n: usize, seed: u64) -> FlowTable {
    let mut rng = SplitMix(seed);
    let countries: Vec<Country> = Country::all().filter(|c| c.is_iso()).take(60).collect();
    let mut nationalities: Vec<Nationality> = countries.iter().map(|&c| Nationality::from(c)).collect();
    nationalities.push(Nationality::from_label("Haiti (incl. Chile- and Brazil-born children)").expect("a label"));
    let place_countries: Vec<Country> = ["COL", "PAN", "CRI", "NIC"]
        .iter()
        .map(|c| c.parse().expect("ISO code"))
        .collect();
    let places: Vec<Location> = (0..12)
        .map(|i| {
            Location::new(format!("station {i}"))
                .expect("a name")
                .in_country(place_countries[i % 4])
                .kind(if i % 3 == 0 {
                    LocationKind::CrossingPoint
                } else {
                    LocationKind::ReceptionStation
                })
        })
        .collect();
    let sources: Vec<Source> = (0..4)
        .map(|i| {
            Source::new(format!("publisher {i}"), format!("monthly bulletin {i}"))
                .expect("a source")
                .address(format!("https://example.org/{i}"))
        })
        .collect();
    let months: Vec<Period> = (2015..2025)
        .flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}")))
        .map(|s| s.parse().expect("a month"))
        .collect();
    let days: Vec<Period> = (1..=28)
        .map(|d| format!("2021-08-{d:02}").parse().expect("a day"))
        .collect();
    let mut t = FlowTable::new();
    t.reserve(n);
    for _ in 0..n {
        let period = if rng.below(10) == 0 {
            days[rng.below(days.len() as u64) as usize]
        } else {
            months[rng.below(months.len() as u64) as usize]
        };
        let point = 1 + rng.below(5_000);
        let count = match rng.below(100) {
            0 | 1 => Count::about(point),
            2 => Count::at_least(point),
            3 => Count::between(point, point + 100).expect("ordered bounds"),
            _ => Count::exact(point),
        };
        let mut r = FlowRecord::new(period, count);
        if rng.below(50) != 0 {
            r = r.nationality(nationalities[rng.below(nationalities.len() as u64) as usize].clone());
        }
        if rng.below(10) != 0 {
            r = r.location(places[rng.below(places.len() as u64) as usize].clone());
        }
        if rng.below(5) != 0 {
            r = r.direction(if rng.below(20) == 0 {
                Direction::Southbound
            } else {
                Direction::Northbound
            });
        }
        if rng.below(2) == 0 {
            r = r.sex(if rng.below(2) == 0 { Sex::Female } else { Sex::Male });
            r = r.age(if rng.below(4) == 0 {
                AgeGroup::Children
            } else {
                AgeGroup::Adults
            });
        }
        if rng.below(20) != 0 {
            r = r.source(sources[rng.below(sources.len() as u64) as usize].clone());
        }
        t.push(r);
    }
    t
}

/// Rows per batch when writing slices.
const SLICE: usize = 1 << 16;

/// The table as one batch to an IPC file, or as slices of `SLICE` rows of that batch.
fn write(t: &FlowTable, path: &Path, sliced: bool) {
    let batch = t.to_record_batch().expect("a batch");
    let batches: Vec<RecordBatch> = if sliced {
        (0..batch.num_rows())
            .step_by(SLICE)
            .map(|at| batch.slice(at, SLICE.min(batch.num_rows() - at)))
            .collect()
    } else {
        vec![batch]
    };
    let file = File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    write_ipc(&batches, BufWriter::new(file)).expect("written");
}

fn read(path: &Path) -> FlowTable {
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let batches = read_ipc(BufReader::new(file)).expect("an IPC file");
    let mut t = FlowTable::new();
    for b in &batches {
        t.append(FlowTable::from_record_batch(b).expect("a flow table"));
    }
    t
}

/// The file straight into a table (`FlowTable::read_ipc`: no record batch).
fn read_table(path: &Path) -> FlowTable {
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    FlowTable::read_ipc(BufReader::new(file)).expect("a flow table")
}

fn once(args: &[String], default: PathBuf) {
    let path = args.get(1).map_or(default, PathBuf::from);
    match args.first().map(String::as_str) {
        Some(mode @ ("write" | "write-sliced")) => {
            let t = table(ROWS, 16);
            write(&t, &path, mode == "write-sliced");
            let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
            println!("wrote {} rows to {} ({bytes} bytes)", t.len(), path.display());
        }
        Some("read-table") => {
            let t = read_table(&path);
            println!("read {} rows, {} nationalities", t.len(), t.nationalities().len());
        }
        Some("read") => {
            let t = read(&path);
            println!("read {} rows, {} nationalities", t.len(), t.nationalities().len());
        }
        Some("rewrite") => {
            // As the peer's write mode: read the file, then write the table to FILE.corridor.arrow.
            let t = read(&path);
            let out = path.with_extension("corridor.arrow");
            write(&t, &out, false);
            println!("read {} rows, wrote {}", t.len(), out.display());
        }
        other => panic!("--once write|write-sliced|read|read-table|rewrite [FILE], not {other:?}"),
    }
}

fn main() {
    let path = common::data_dir().join("flows_1e6.arrow");
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--once") {
        once(&args[i + 1..], path);
        return;
    }
    let t = table(ROWS, 16);
    let sliced = path.with_extension("sliced.arrow");
    write(&t, &sliced, true);
    assert_eq!(read(&sliced), t, "the sliced file reads back as the table");
    write(&t, &path, false);
    assert_eq!(read(&path), t, "the file reads back as the table");
    assert_eq!(read_table(&path), t, "the file reads straight back as the table");
    assert_eq!(
        read_table(&sliced),
        t,
        "the sliced file reads straight back as the table"
    );
    let bytes = std::fs::read(&path).expect("just written");
    println!("{} rows, IPC file {} bytes at {}", t.len(), bytes.len(), path.display());

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    let mut g = c.benchmark_group("arrow_1e6");
    g.bench_function("write: to_record_batch + write_ipc to a file", |b| {
        b.iter(|| write(black_box(&t), &path, false));
    });
    g.bench_function("write: to_record_batch + write_ipc to a file, 65,536-row slices", |b| {
        b.iter(|| write(black_box(&t), &sliced, true));
    });
    g.bench_function("read: read_ipc of the sliced file + from_record_batch + append", |b| {
        b.iter(|| black_box(read(&sliced)));
    });
    g.bench_function("read: read_ipc of the file + from_record_batch", |b| {
        b.iter(|| black_box(read(&path)));
    });
    g.bench_function("read: FlowTable::read_ipc of the file", |b| {
        b.iter(|| black_box(read_table(&path)));
    });
    g.bench_function("read: FlowTable::read_ipc of the sliced file", |b| {
        b.iter(|| black_box(read_table(&sliced)));
    });
    let batch = t.to_record_batch().expect("a batch");
    g.bench_function("to_record_batch", |b| {
        b.iter(|| black_box(t.to_record_batch().expect("a batch")));
    });
    g.bench_function("write_ipc to memory", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes.len());
            write_ipc(std::slice::from_ref(&batch), &mut out).expect("written");
            black_box(out)
        });
    });
    g.bench_function("read_ipc from memory", |b| {
        b.iter(|| black_box(read_ipc(std::io::Cursor::new(bytes.as_slice())).expect("read")));
    });
    g.bench_function("from_record_batch", |b| {
        b.iter(|| black_box(FlowTable::from_record_batch(&batch).expect("a table")));
    });
    g.finish();
    c.final_summary();
}
