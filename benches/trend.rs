//! Mann–Kendall + Sen's slope on fixed-seed series of 1e3, 1e4 and 1e5 points.
//!
//! Data: `x_i = 0.001·i + 10·u_i`, `u_i` uniform in [0, 1) from splitmix64 seeded with 42
//! (`benches/peers/trend.py` generates the identical series for pymannkendall).

mod common;

use std::hint::black_box;

use common::SplitMix;
use corridor::stats::{mann_kendall, sens_slope};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn series(n: usize) -> Vec<f64> {
    let mut rng = SplitMix(42);
    (0..n).map(|i| 0.001 * i as f64 + 10.0 * rng.uniform()).collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("trend");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let xs = series(n);
        group.bench_with_input(BenchmarkId::new("mann_kendall+sens_slope", n), &xs, |b, xs| {
            b.iter(|| {
                let mk = mann_kendall(black_box(xs)).unwrap();
                let sen = sens_slope(black_box(xs)).unwrap();
                (mk.p_value(), sen.slope())
            });
        });
        group.bench_with_input(BenchmarkId::new("mann_kendall", n), &xs, |b, xs| {
            b.iter(|| mann_kendall(black_box(xs)).unwrap().p_value());
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
