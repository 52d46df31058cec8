//! PELT (normal mean / L2 cost, penalty 3 ln n) on piecewise-constant signals with one change per
//! 1,000 points, like `ruptures.pw_constant`. The signals are written to
//! `target/bench-data/pelt_{n}.txt` (or `$CORRIDOR_BENCH_DATA`) (one value per line, shortest round-trip form) so that the peers
//! (`benches/peers/changepoint.R`, `benches/peers/changepoint.py`) time the same data, and our
//! changepoints to `pelt_{n}_ours.txt` there for the peers to compare with.

mod common;

use common::SplitMix;
use corridor::stats::{Cost, Pelt, Penalty};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

/// Piecewise-constant signal: a new level every 1,000 points, jumps of random sign and size in
/// [1, 10] (ruptures `pw_constant`'s `delta`), plus N(0, 1) noise.
fn signal(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix(seed);
    let mut level = 0.0;
    (0..n)
        .map(|i| {
            if i > 0 && i % 1000 == 0 {
                let size = 1.0 + 9.0 * rng.uniform();
                level += if rng.uniform() < 0.5 { -size } else { size };
            }
            level + rng.normal()
        })
        .collect()
}

fn write_lines<T: std::fmt::Display>(path: &std::path::Path, xs: &[T]) {
    if let Ok(f) = std::fs::File::create(path) {
        let mut w = std::io::BufWriter::new(f);
        for x in xs {
            let _ = writeln!(w, "{x}");
        }
    }
}

fn bench_pelt(c: &mut Criterion) {
    let mut group = c.benchmark_group("pelt_l2");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let x = signal(n, 42);
        let pen = 3.0 * (n as f64).ln();
        let pelt = Pelt::new(Cost::NormalMean)
            .penalty(Penalty::Manual(pen))
            .min_segment_len(1);
        let found = pelt.detect(&x).expect("finite data");
        let dir = common::data_dir();
        write_lines(&dir.join(format!("pelt_{n}.txt")), &x);
        write_lines(&dir.join(format!("pelt_{n}_ours.txt")), found.indices());
        group.bench_with_input(BenchmarkId::from_parameter(n), &x, |b, x| {
            b.iter(|| pelt.detect(black_box(x)).expect("finite data"));
        });
    }
    group.finish();
}

/// PELT's worst case: exactly constant data, where every candidate ties with the optimum and R's
/// pruning rule (keep a candidate whose cost equals it) prunes none, so the search is quadratic.
fn bench_pelt_constant(c: &mut Criterion) {
    let mut group = c.benchmark_group("pelt_l2_constant");
    group.sample_size(10);
    for n in [10_000usize, 30_000, 100_000] {
        let x = vec![7.0; n];
        let pen = 3.0 * (n as f64).ln();
        let pelt = Pelt::new(Cost::NormalMean)
            .penalty(Penalty::Manual(pen))
            .min_segment_len(1);
        assert!(pelt.detect(&x).expect("finite data").is_empty());
        group.bench_with_input(BenchmarkId::from_parameter(n), &x, |b, x| {
            b.iter(|| pelt.detect(black_box(x)).expect("finite data"));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pelt, bench_pelt_constant);
criterion_main!(benches);
