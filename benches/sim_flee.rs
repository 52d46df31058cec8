//! The agent engine on Flee's own Mali 2012 scenario (`tests/data/flee/mali`, read through
//! `corridor::io::flee` with Flee's code defaults and the population scale-down factor `hasten`
//! 10, as `benches/peers/flee_bench.py` runs Flee 3.1 on it): agent-steps per second, one run on
//! one thread and an ensemble of seeds (over both cores with `--features parallel`).
//!
//! An agent-step is one person on one day: everyone in the corridor at the end of the day (held
//! at a place, destinations included, or on a route), summed over the days; Flee's peer counts
//! `len(e.agents)`, every agent it has spawned, on each day. Besides criterion's wall-clock
//! medians the bench prints the main thread's on-CPU time (`/proc/self/schedstat`, Linux) of a
//! few runs, since the machine is shared.
//!
//! Run: `cargo bench --bench sim_flee` and `cargo bench --bench sim_flee --features parallel`;
//! the peer: `python3 benches/peers/flee_bench.py 3 10`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use corridor::io::flee::{FleeSettings, read_flee_dir};
use corridor::sim::{Model, Run, Scenario};
use criterion::{Criterion, criterion_group, criterion_main};

const HASTEN: u32 = 10;

fn mali(hasten: u32) -> (Model, Scenario) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/flee/mali");
    let input = read_flee_dir(dir).unwrap();
    let settings = FleeSettings::default().hasten(hasten);
    (input.model(&settings).unwrap(), input.scenario(&settings).unwrap())
}

/// Everyone in the corridor at the end of each day (held anywhere or on a route), summed.
fn agent_steps(m: &Model, run: &Run) -> u64 {
    let held: u64 = m
        .places()
        .iter()
        .map(|p| run.stock_values(p.name()).unwrap().iter().sum::<u64>())
        .sum();
    let moving: u64 = m
        .routes()
        .iter()
        .map(|r| {
            run.route_in_transit(r.from(), r.to())
                .unwrap()
                .iter()
                .map(|(_, v)| v.unwrap())
                .sum::<u64>()
        })
        .sum();
    held + moving
}

/// The calling thread's on-CPU time in seconds (Linux `/proc/thread-self/schedstat`), if known.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn bench(c: &mut Criterion) {
    let (m, s) = mali(HASTEN);
    let mode = if cfg!(feature = "parallel") {
        "parallel"
    } else {
        "serial"
    };
    let run = m.run(&s, 0).unwrap();
    let steps = agent_steps(&m, &run);
    eprintln!(
        "Mali 2012, hasten {HASTEN}: {} places, {} routes, {} days, {} people entered, {steps} agent-steps a run",
        m.places().len(),
        m.routes().len(),
        s.days(),
        run.entered()
    );
    // On-CPU time of 20 single-thread runs (the machine is shared; wall time is criterion's).
    if let Some(cpu0) = thread_cpu_seconds() {
        let wall = Instant::now();
        let mut total = 0u64;
        for seed in 0..20 {
            let r = m.run(black_box(&s), seed).unwrap();
            total += agent_steps(&m, &r);
        }
        let cpu = thread_cpu_seconds().unwrap_or(cpu0) - cpu0;
        let wall = wall.elapsed().as_secs_f64();
        eprintln!(
            "20 runs: {total} agent-steps in {wall:.3} s wall, {cpu:.3} s on-CPU: {:.0} agent-steps/s wall, {:.0} /cpu-s",
            total as f64 / wall,
            total as f64 / cpu
        );
    }
    let mut g = c.benchmark_group(format!("sim_flee/{mode}"));
    g.sample_size(20);
    g.bench_function("agents mali hasten 10 one run", |b| {
        b.iter(|| m.run(black_box(&s), 7).unwrap().entered());
    });
    g.bench_function("ensemble 8 seeds mali hasten 10", |b| {
        b.iter(|| m.ensemble(black_box(&s), 7, 8).unwrap().runs().len());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
