//! STL of a 10-year daily series (n = 3650, period 365), R `stl(x, s.window = 7)` settings.
//! Peers: `benches/peers/stl.R` and `stl.py` read the same data (`benches/peers/stl_data.py`).

mod common;

use common::SplitMix;
use corridor::stats::{StlOptions, decompose::Robustness, stl};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The series of `benches/peers/stl_data.py`.
fn series() -> Vec<f64> {
    let mut rng = SplitMix(2026);
    (0..3650)
        .map(|t| {
            let u = rng.uniform();
            let t = f64::from(t);
            200.0
                + 0.02 * t
                + 30.0 * (2.0 * std::f64::consts::PI * t / 365.0).sin()
                + 8.0 * (2.0 * std::f64::consts::PI * t / 7.0).sin()
                + 10.0 * (u - 0.5)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let y = series();
    c.bench_function("stl daily n=3650 period=365 s.window=7", |b| {
        b.iter(|| stl(black_box(&y), 365, StlOptions::default()).unwrap());
    });
    c.bench_function("stl daily n=3650 period=365 s.window=7 robust", |b| {
        b.iter(|| stl(black_box(&y), 365, StlOptions::default().robustness(Robustness::Robust)).unwrap());
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
