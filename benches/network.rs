//! Betweenness benchmarks on seeded G(n, m) graphs shared with the peers (benches/peers/network.py).
//!
//! The edge lists are written by the peer script to `/work/bench-data/gnm_1e4_1e5.txt` and
//! `gnm_1e5_1e6.txt` (networkx `gnm_random_graph`, seeds 42 and 43). Without them the benches are skipped.
//! Exact betweenness is timed directly (`CORRIDOR_EXACT_RUNS` runs, default 3, median printed);
//! sampled betweenness with criterion (10 samples).
//!
//! Run: `cargo bench --bench network --features parallel`.

use std::hint::black_box;

use corridor::network::{Actor, BetweennessOptions, SmugglingNetwork, Tie, TieKind};
use std::time::Instant;

use criterion::Criterion;

fn load(path: &str) -> Option<SmugglingNetwork> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let head: Vec<usize> = lines
        .next()?
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let n = *head.first()?;
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<_> = (0..n).map(|i| b.add_actor(Actor::person(format!("a{i}")))).collect();
    for line in lines {
        let mut it = line.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
        let (u, v) = (it.next()?, it.next()?);
        b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Communication))
            .ok()?;
    }
    b.build().ok()
}

/// Exact betweenness takes seconds per run even on two cores, so it is timed directly (a few runs, median
/// printed) rather than with criterion's minimum of 10 samples.
fn exact_timed(runs: usize) {
    let Some(net) = load("/work/bench-data/gnm_1e4_1e5.txt") else {
        eprintln!("skipping exact betweenness: run benches/peers/network.py first to write the data");
        return;
    };
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(net.betweenness());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "betweenness/exact_gnm_1e4_1e5: median {:.3} s over {runs} runs {times:.3?}",
        times[runs / 2]
    );
}

fn sampled(c: &mut Criterion) {
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(10);
    if let Some(net) = load("/work/bench-data/gnm_1e5_1e6.txt") {
        let opts = BetweennessOptions::new().sample(200, 1);
        group.bench_function("sampled200_gnm_1e5_1e6", |b| {
            b.iter(|| black_box(net.betweenness_with(&opts)));
        });
    } else {
        eprintln!("skipping sampled betweenness: run benches/peers/network.py first to write the data");
    }
    group.finish();
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and then nothing heavy runs.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runs = std::env::var("CORRIDOR_EXACT_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    exact_timed(runs);
    let mut c = Criterion::default().configure_from_args();
    sampled(&mut c);
    c.final_summary();
}
