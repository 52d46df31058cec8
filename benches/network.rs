//! Betweenness benchmarks on seeded G(n, m) graphs shared with the peers (benches/peers/network.py).
//!
//! The edge lists are written by the peer script to `/work/bench-data/gnm_1e4_1e5.txt` and
//! `gnm_1e5_1e6.txt` (networkx `gnm_random_graph`, seeds 42 and 43). Without them the benches are skipped.
//! Those two are timed directly (`CORRIDOR_PEER_RUNS` runs, default 2, median printed), as the peers;
//! criterion times exact (unweighted and weighted) betweenness on a seeded G(2000, 10000).
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

/// Times `f` `runs` times and prints the median (these runs take seconds to minutes, too long for
/// criterion's minimum of 10 samples).
fn timed(label: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: median {:.3} s over {} runs {times:.3?}",
        times[times.len() / 2],
        times.len()
    );
}

/// A seeded G(n, m) graph (splitmix64 draws, duplicates and loops redrawn) for the criterion bench.
fn gnm(n: usize, m: usize, seed: u64) -> SmugglingNetwork {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    };
    let mut seen = std::collections::HashSet::new();
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<_> = (0..n).map(|i| b.add_actor(Actor::person(format!("a{i}")))).collect();
    while seen.len() < m {
        let (u, v) = (next(), next());
        if u != v && seen.insert((u.min(v), u.max(v))) {
            b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Communication))
                .expect("valid tie");
        }
    }
    b.build().expect("valid network")
}

fn small(c: &mut Criterion) {
    let net = gnm(2_000, 10_000, 7);
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(10);
    group.bench_function("exact_gnm_2e3_1e4", |b| b.iter(|| black_box(net.betweenness())));
    let w = BetweennessOptions::new().weighting(corridor::network::Weighting::Weighted);
    group.bench_function("exact_weighted_gnm_2e3_1e4", |b| {
        b.iter(|| black_box(net.betweenness_with(&w)));
    });
    group.finish();
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and then nothing heavy runs.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runs = std::env::var("CORRIDOR_PEER_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(2);
    if let Some(net) = load("/work/bench-data/gnm_1e4_1e5.txt") {
        timed("betweenness/exact_gnm_1e4_1e5", runs, || {
            black_box(net.betweenness());
        });
    } else {
        eprintln!("skipping exact betweenness on 1e4/1e5: run benches/peers/network.py first to write the data");
    }
    if let Some(net) = load("/work/bench-data/gnm_1e5_1e6.txt") {
        let opts = BetweennessOptions::new().sample(200, 1);
        timed("betweenness/sampled200_gnm_1e5_1e6", runs, || {
            black_box(net.betweenness_with(&opts).expect("200 <= n"));
        });
    } else {
        eprintln!("skipping sampled betweenness on 1e5/1e6: run benches/peers/network.py first to write the data");
    }
    let mut c = Criterion::default().configure_from_args();
    small(&mut c);
    c.final_summary();
}
