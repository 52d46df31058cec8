//! Bootstrap of the mean: 10,000 replicates on n = 1,000 (ordinary; percentile and `BCa` intervals) and
//! on a 10,000-point series (moving and circular blocks of length 20).
//!
//! Data (splitmix64, seed 2021; `benches/peers/bootstrap.py` builds the same values): the sample is
//! exponential with mean 140 (`−140 ln(1 − u)`, `u` the top 53 bits), the series an AR(1)
//! `x_t = 0.6 x_{t−1} + (u_t − 0.5)`. Run serially with `cargo bench --bench bootstrap`, and over
//! rayon's threads with `--features parallel` (same results).

mod common;

use std::hint::black_box;

use common::SplitMix;
use corridor::stats::bootstrap::{BlockBootstrap, BlockScheme, Bootstrap};
use criterion::{Criterion, criterion_group, criterion_main};

const REPLICATES: usize = 10_000;

/// The ordinary sample (n = 1,000) and the series (n = 10,000).
fn data() -> (Vec<f64>, Vec<f64>) {
    let mut rng = SplitMix(2021);
    let sample = (0..1_000).map(|_| -140.0 * (1.0 - rng.uniform()).ln()).collect();
    let mut prev = 0.0;
    let series = (0..10_000)
        .map(|_| {
            prev = 0.6 * prev + (rng.uniform() - 0.5);
            prev
        })
        .collect();
    (sample, series)
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn bench(c: &mut Criterion) {
    let (sample, series) = data();
    let mode = if cfg!(feature = "parallel") {
        "parallel"
    } else {
        "serial"
    };
    let mut g = c.benchmark_group(format!("bootstrap/{mode}"));
    g.sample_size(10);
    g.bench_function("mean n=1000 B=10000 percentile", |b| {
        b.iter(|| {
            let r = Bootstrap::new(REPLICATES)
                .seed(7)
                .run(black_box(&sample), mean)
                .unwrap();
            r.percentile_interval(0.95).unwrap()
        });
    });
    g.bench_function("mean n=1000 B=10000 percentile+bca", |b| {
        b.iter(|| {
            let r = Bootstrap::new(REPLICATES)
                .seed(7)
                .run(black_box(&sample), mean)
                .unwrap();
            (r.percentile_interval(0.95).unwrap(), r.bca_interval(0.95).unwrap())
        });
    });
    for (name, scheme) in [("moving", BlockScheme::Moving), ("circular", BlockScheme::Circular)] {
        g.bench_function(format!("mean series n=10000 l=20 B=10000 {name}"), |b| {
            b.iter(|| {
                let r = BlockBootstrap::new(REPLICATES, 20)
                    .scheme(scheme)
                    .seed(7)
                    .run(black_box(&series), mean)
                    .unwrap();
                r.percentile_interval(0.95).unwrap()
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
