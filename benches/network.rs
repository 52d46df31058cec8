//! Betweenness benchmarks on seeded G(n, m) graphs shared with the peers (benches/peers/network.py).
//!
//! The edge lists are written by the peer script to `/work/bench-data/gnm_1e4_1e5.txt` and
//! `gnm_1e5_1e6.txt` (networkx `gnm_random_graph`, seeds 42 and 43). Without them the benches are skipped.
//! Exact betweenness takes seconds per run: 10 samples (criterion's minimum).
//!
//! Run: `cargo bench --bench network --features parallel`.

use std::hint::black_box;

use corridor::network::{Actor, BetweennessOptions, SmugglingNetwork, Tie, TieKind};
use criterion::{Criterion, criterion_group, criterion_main};

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

fn betweenness(c: &mut Criterion) {
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(10);
    if let Some(net) = load("/work/bench-data/gnm_1e4_1e5.txt") {
        group.bench_function("exact_gnm_1e4_1e5", |b| b.iter(|| black_box(net.betweenness())));
    } else {
        eprintln!("skipping exact betweenness: run benches/peers/network.py first to write the data");
    }
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

criterion_group!(benches, betweenness);
criterion_main!(benches);
