//! Reading a 1,000,000-row flow CSV into a `FlowTable` and grouping it by month ×
//! nationality. The file is generated once, deterministically, at
//! `target/bench-data/flows_1e6.csv`, so that the polars peer
//! (`benches/peers/flow_csv.py`) reads the same bytes. See BENCHMARKS.md.
//!
//! `cargo bench --bench flow_csv -- --once [FILE]` reads and groups once, for peak memory.

mod common;

use std::fs::File;
use std::hint::black_box;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;

use common::SplitMix;
use corridor::Granularity;
use corridor::flow::GroupBy;
use corridor::io::read_flows_csv;
use criterion::{Criterion, criterion_group};

const ROWS: usize = 1_000_000;

/// Writes the benchmark file if it is not there yet and returns its path.
fn flows_file() -> PathBuf {
    let path = common::data_dir().join("flows_1e6.csv");
    if path.exists() {
        return path;
    }
    let codes = [
        "VEN", "HTI", "ECU", "CUB", "COL", "CHN", "IND", "NPL", "BGD", "AFG", "CMR", "SEN", "GIN", "AGO", "PER", "BRA",
        "CHL", "DOM", "SOM", "UZB", "PAK", "SYR", "VNM", "GHA", "MLI",
    ];
    let places = [
        "Bajo Chiquito",
        "Lajas Blancas",
        "San Vicente",
        "Canaan Membrillo",
        "Paso Canoas",
        "Necoclí",
    ];
    let mut rng = SplitMix(20_210_815);
    let mut w = BufWriter::new(File::create(&path).expect("create bench file"));
    writeln!(w, "date,country_code,location,count").expect("write");
    let start = time::Date::from_calendar_date(2015, time::Month::January, 1).expect("valid date");
    for _ in 0..ROWS {
        let day = start + time::Duration::days((rng.next_u64() % 3653) as i64);
        let code = codes[(rng.next_u64() % codes.len() as u64) as usize];
        let place = places[(rng.next_u64() % places.len() as u64) as usize];
        let count = rng.next_u64() % 5000;
        writeln!(w, "{day},{code},{place},{count}").expect("write");
    }
    w.flush().expect("flush");
    path
}

fn bench(c: &mut Criterion) {
    let path = flows_file();
    let mut g = c.benchmark_group("flow_csv_1e6");
    g.sample_size(10);
    g.bench_function("read", |b| {
        b.iter(|| {
            black_box(
                read_flows_csv(BufReader::new(File::open(&path).expect("open")))
                    .expect("read")
                    .len(),
            )
        });
    });
    g.bench_function("read_and_group_month_nationality", |b| {
        b.iter(|| {
            let t = read_flows_csv(BufReader::new(File::open(&path).expect("open"))).expect("read");
            black_box(
                t.group_by(Granularity::Month, GroupBy::Nationality)
                    .expect("group")
                    .len(),
            )
        });
    });
    let table = read_flows_csv(BufReader::new(File::open(&path).expect("open"))).expect("read");
    g.bench_function("group_month_nationality", |b| {
        b.iter(|| {
            black_box(
                table
                    .group_by(Granularity::Month, GroupBy::Nationality)
                    .expect("group")
                    .len(),
            )
        });
    });
    g.finish();
}

criterion_group!(benches, bench);

/// `--once [FILE]` reads and groups the file once and prints the sizes (for peak-memory
/// measurements with `/usr/bin/time -v`); otherwise the criterion benches run.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--once") {
        let path = args
            .iter()
            .find(|a| !a.starts_with("--"))
            .map_or_else(flows_file, PathBuf::from);
        let t = read_flows_csv(BufReader::new(File::open(&path).expect("open"))).expect("read");
        let g = t.group_by(Granularity::Month, GroupBy::Nationality).expect("group");
        println!("{} rows, {} groups", t.len(), g.len());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
