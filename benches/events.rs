//! Cooperation events at scale (issue 12): reading 1,000,000 synthetic GDELT-like events
//! (`date,cameo,actor1,actor2,count`) into `CooperationEvents` and counting the monthly dyads (month ×
//! unordered pair of states), then building the monthly cooperation networks; beside it, the polars
//! peer (`benches/peers/events.py`) doing the same dyad counting on the same file. The file is
//! generated once, deterministically (splitmix64, seed 20210811), at
//! `target/bench-data/events_1e6.csv`. See BENCHMARKS.md.
//!
//! The second group times queries by state and period on tables of 10³ to 10⁶ events with the same
//! density of events per day (so the number returned stays the same while the table grows):
//! `CooperationEvents::with_partner_in` and, on logs of joint operations, `OperationLog::with_partner_in`.
//!
//! `cargo bench --bench events -- --once [FILE]` reads the file and counts the monthly dyads once
//! (`--networks`: and builds the networks), printing the sizes (for peak memory with `/usr/bin/time -v`).

mod common;

use std::fs::File;
use std::hint::black_box;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use common::SplitMix;
use corridor::io::read_cooperation_events;
use corridor::operation::{JointOperation, OperationKind, OperationLog, Participant, ParticipantRole};
use corridor::partner::{CooperationEvent, CooperationEvents};
use corridor::{Country, Granularity, Period};
use criterion::{BenchmarkId, Criterion, criterion_group};
use time::{Date, Duration, Month};

const EVENTS: usize = 1_000_000;
/// Days from 2015-01-01 to 2024-12-31.
const DAYS: u64 = 3653;

/// CAMEO codes drawn for the synthetic events (cooperation roots 01 to 08 and a few others, CAMEO
/// 1.1b3): statements, consultations, agreements, material cooperation, aid, arrests, expulsions.
const CODES: [&str; 16] = [
    "010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "063", "064", "071", "0874", "173", "174",
];

/// The 200 states drawn from (the first 200 ISO entries in alpha-3 order).
fn states() -> Vec<Country> {
    Country::all().filter(|c| c.is_iso()).take(200).collect()
}

/// A state drawn with a skewed (cubic) law: low indices far more often, as a few states dominate
/// event data.
fn draw_state(rng: &mut SplitMix, states: &[Country]) -> Country {
    let u = rng.uniform();
    states[((u * u * u) * states.len() as f64) as usize]
}

/// The synthetic events, in day order: `n` events over `n / EVENTS · DAYS` days (at least one), so
/// that the density of events per day is the same at every size; 3 % domestic (both states the same).
fn synthetic(n: usize, seed: u64) -> impl Iterator<Item = (Date, &'static str, Country, Country, u32)> {
    let states = states();
    let mut rng = SplitMix(seed);
    let start = Date::from_calendar_date(2015, Month::January, 1).expect("valid date");
    let days = (DAYS * n as u64 / EVENTS as u64).max(1);
    let mut offsets: Vec<u64> = (0..n).map(|_| rng.below(days)).collect();
    offsets.sort_unstable();
    offsets.into_iter().map(move |d| {
        let a = draw_state(&mut rng, &states);
        let b = if rng.below(100) < 3 {
            a
        } else {
            loop {
                let b = draw_state(&mut rng, &states);
                if b != a {
                    break b;
                }
            }
        };
        let code = CODES[rng.below(CODES.len() as u64) as usize];
        // Mostly 1 (one article), sometimes more, as GDELT's NumEvents.
        let count = if rng.below(4) == 0 { 2 + rng.below(20) as u32 } else { 1 };
        (start + Duration::days(d as i64), code, a, b, count)
    })
}

/// Writes the benchmark file if it is not there yet and returns its path.
fn events_file() -> PathBuf {
    let path = common::data_dir().join("events_1e6.csv");
    if path.exists() {
        return path;
    }
    let mut w = BufWriter::new(File::create(&path).expect("create bench file"));
    writeln!(w, "date,cameo,actor1,actor2,count").expect("write");
    for (d, code, a, b, count) in synthetic(EVENTS, 20_210_811) {
        writeln!(w, "{d},{code},{a},{b},{count}").expect("write");
    }
    w.flush().expect("flush");
    path
}

fn read(path: &Path) -> CooperationEvents {
    read_cooperation_events(BufReader::new(File::open(path).expect("open"))).expect("read")
}

fn bench_file(c: &mut Criterion) {
    let path = events_file();
    let mut g = c.benchmark_group("events_1e6");
    g.sample_size(10);
    g.bench_function("read", |b| b.iter(|| black_box(read(&path).len())));
    g.bench_function("read_and_monthly_dyads", |b| {
        b.iter(|| black_box(read(&path).dyads(Granularity::Month).len()));
    });
    g.bench_function("read_dyads_and_networks", |b| {
        b.iter(|| {
            let nets = read(&path).dyads(Granularity::Month).networks().expect("networks");
            black_box(nets.len())
        });
    });
    let events = read(&path);
    g.bench_function("monthly_dyads", |b| {
        b.iter(|| black_box(events.dyads(Granularity::Month).len()));
    });
    let dyads = events.dyads(Granularity::Month);
    g.bench_function("monthly_networks", |b| {
        b.iter(|| black_box(dyads.networks().expect("networks").len()));
    });
    g.finish();
}

/// A one-day window in the middle of a table of `n` events, and the most frequent state.
fn query_window(n: usize) -> Period {
    let start = Date::from_calendar_date(2015, Month::January, 1).expect("valid date");
    let days = (DAYS * n as u64 / EVENTS as u64).max(1);
    Period::day(start + Duration::days((days / 2) as i64))
}

fn bench_queries(c: &mut Criterion) {
    let focal = states()[0];
    let mut g = c.benchmark_group("events_query_partner_day");
    for n in [1_000, 10_000, 100_000, 1_000_000] {
        let events =
            CooperationEvents::from_events(synthetic(n, 7).map(|(d, code, a, b, k)| {
                CooperationEvent::new(d, code.parse().expect("code"), a, b, k).expect("event")
            }))
            .expect("table");
        let day = query_window(n);
        let k = events.with_partner_in(focal, day).len();
        g.bench_with_input(BenchmarkId::new(format!("k={k}"), n), &n, |b, _| {
            b.iter(|| black_box(events.with_partner_in(focal, day).map(|e| e.count()).sum::<u32>()));
        });
    }
    g.finish();
    let mut g = c.benchmark_group("operation_log_query_partner_day");
    for n in [1_000, 10_000, 100_000, 1_000_000] {
        let ops = synthetic(n, 11)
            .enumerate()
            .filter(|(_, e)| e.2 != e.3)
            .map(|(i, (d, _, a, b, _))| {
                JointOperation::builder(
                    format!("op-{i}"),
                    format!("Operation {i}"),
                    OperationKind::Joint,
                    Period::day(d),
                )
                .participant(Participant::new(a, ParticipantRole::Participant))
                .participant(Participant::new(b, ParticipantRole::Participant))
                .build()
                .expect("operation")
            });
        let log = OperationLog::from_operations(ops).expect("log");
        let day = query_window(n);
        let k = log.with_partner_in(focal, day).len();
        g.bench_with_input(BenchmarkId::new(format!("k={k}"), n), &n, |b, _| {
            b.iter(|| black_box(log.with_partner_in(focal, day).len()));
        });
    }
    g.finish();
}

criterion_group!(benches, bench_file, bench_queries);

/// `--once [FILE]` reads the file and counts the monthly dyads once (what the polars peer does), and
/// with `--networks` builds the monthly networks too, printing the sizes (for peak-memory measurements
/// with `/usr/bin/time -v`); otherwise the criterion benches run.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--once") {
        let path = args
            .iter()
            .find(|a| !a.starts_with("--"))
            .map_or_else(events_file, PathBuf::from);
        let events = read(&path);
        let dyads = events.dyads(Granularity::Month);
        println!(
            "{} records, {} events, {} month x pair groups, {} months",
            events.len(),
            events.total(),
            dyads.len(),
            dyads.periods().len(),
        );
        if args.iter().any(|a| a == "--networks") {
            let nets = dyads.networks().expect("networks");
            let ties: usize = nets.iter().map(|n| n.network().tie_count()).sum();
            println!("{} networks, {ties} ties", nets.len());
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
