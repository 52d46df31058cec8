//! Betweenness benchmarks on seeded G(n, m) graphs shared with the peers (benches/peers/network.py).
//!
//! The edge lists are written by the peer script to `$CORRIDOR_BENCH_DATA/gnm_1e4_1e5.txt` and
//! `gnm_1e5_1e6.txt` (networkx `gnm_random_graph`, seeds 42 and 43; the directory defaults to
//! `target/bench-data`). Without them the benches are skipped. Those two are timed directly
//! (`CORRIDOR_PEER_RUNS` runs, default 2, median printed), as the peers, and each result is summarised
//! (sum, max, argmax, top 5) so that it can be compared with the peers' output. On Linux the resident
//! memory of the loaded network and the peak resident memory added by the measure are printed beside the
//! size of the CSR arrays. Criterion times exact (unweighted and weighted) betweenness on a seeded
//! G(2000, 10000). `CORRIDOR_SAMPLE_SEED` (default 1) seeds the 200 sampled sources.
//!
//! Run: `cargo bench --bench network --features parallel` (and without `--features parallel`).

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use corridor::network::{Actor, BetweennessOptions, SmugglingNetwork, Tie, TieKind};

use common::SplitMix;
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

/// Times `f` `runs` times and prints the median wall time (these runs take seconds to minutes, too long
/// for criterion's minimum of 10 samples), the median CPU time of the process (all threads; less
/// sensitive than wall time to other jobs on a shared machine) and the peak resident memory the first
/// run added (later runs reuse the allocator's pages). Returns the last result.
fn timed(label: &str, runs: usize, mut f: impl FnMut() -> Vec<f64>) -> Vec<f64> {
    let mut last = Vec::new();
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut extra = None;
    for run in 0..runs.max(1) {
        drop(std::mem::take(&mut last));
        let before = reset_peak();
        let c0 = cpu_seconds();
        let t = Instant::now();
        last = black_box(f());
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_seconds()) {
            cpu.push(c1 - c0);
        }
        if let (0, Some(before), Some((_, peak))) = (run, before, memory()) {
            extra = Some(peak.saturating_sub(before));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (mut w, mut c) = (wall.clone(), cpu.clone());
    print!(
        "{label}: median {:.3} s over {} runs {wall:.3?}",
        median(&mut w),
        wall.len()
    );
    if !cpu.is_empty() {
        print!(", CPU median {:.3} s {cpu:.3?}", median(&mut c));
    }
    println!();
    if let Some(extra) = extra {
        println!(
            "{label}: peak resident memory added by the first run {:.1} MiB",
            mib(extra)
        );
    }
    last
}

/// User + system CPU time of the whole process from `/proc/self/stat` (Linux only; clock ticks of
/// 1/100 s, the Linux `USER_HZ`).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Sum, max, argmax and the five largest values (ties broken by index), the checksum the peers print.
fn summary(label: &str, b: &[f64]) {
    let mut idx: Vec<usize> = (0..b.len()).collect();
    idx.sort_by(|&x, &y| b[y].total_cmp(&b[x]).then(x.cmp(&y)));
    let top: Vec<usize> = idx.iter().take(5).copied().collect();
    println!(
        "{label}: sum {:.12e} max {:.12e} argmax {} top5 {top:?}",
        b.iter().sum::<f64>(),
        b[idx[0]],
        idx[0]
    );
}

/// `(VmRSS, VmHWM)` in bytes from `/proc/self/status` (Linux only; `None` elsewhere).
fn memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Resets the peak resident memory to the current one (Linux `clear_refs` 5) and returns the current one.
fn reset_peak() -> Option<u64> {
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    memory().map(|(rss, _)| rss)
}

#[allow(clippy::cast_precision_loss)]
fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Loads an edge list, printing the resident memory it added and the size of the CSR arrays
/// (offsets `8 (n + 1)`, targets `4 · 2m`, weights `8 · 2m` for an undirected graph).
fn load_reported(path: &Path) -> Option<SmugglingNetwork> {
    let before = memory().map(|(rss, _)| rss);
    let net = load(path.to_str()?)?;
    let csr = 8 * (net.actor_count() as u64 + 1) + 12 * 2 * net.edge_count() as u64;
    print!(
        "{}: n {} m {}, CSR arrays {:.1} MiB",
        path.display(),
        net.actor_count(),
        net.edge_count(),
        mib(csr)
    );
    if let (Some(before), Some((after, _))) = (before, memory()) {
        print!(
            ", whole network (actors, names, ties, CSR) resident {:.1} MiB",
            mib(after.saturating_sub(before))
        );
    }
    println!();
    Some(net)
}

/// A seeded G(n, m) graph (splitmix64 draws, duplicates and loops redrawn) for the criterion bench.
fn gnm(n: usize, m: usize, seed: u64) -> SmugglingNetwork {
    let mut rng = SplitMix(seed);
    let mut next = || rng.below(n as u64) as usize;
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
    let dir = common::data_dir();
    println!(
        "parallel feature: {}, threads: {}",
        cfg!(feature = "parallel"),
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
    if let Some(net) = load_reported(&dir.join("gnm_1e4_1e5.txt")) {
        let b = timed("betweenness/exact_gnm_1e4_1e5", runs, || net.betweenness());
        summary("betweenness/exact_gnm_1e4_1e5", &b);
    } else {
        eprintln!("skipping exact betweenness on 1e4/1e5: run benches/peers/network.py first to write the data");
    }
    if let Some(net) = load_reported(&dir.join("gnm_1e5_1e6.txt")) {
        // CORRIDOR_SAMPLE_SEED draws other sources (to see the sampling noise beside the peer's estimate).
        let seed = std::env::var("CORRIDOR_SAMPLE_SEED")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        let opts = BetweennessOptions::new().sample(200, seed);
        let b = timed("betweenness/sampled200_gnm_1e5_1e6", runs, || {
            net.betweenness_with(&opts).expect("200 <= n")
        });
        summary("betweenness/sampled200_gnm_1e5_1e6", &b);
    } else {
        eprintln!("skipping sampled betweenness on 1e5/1e6: run benches/peers/network.py first to write the data");
    }
    let mut c = Criterion::default().configure_from_args();
    small(&mut c);
    c.final_summary();
}
