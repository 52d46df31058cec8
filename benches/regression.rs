//! OLS + Newey–West (HAC) on n = 10^6 rows, 4 regressors (intercept + 3 seeded columns).
//!
//! The data are written once to `target/bench-data/ols_1e6.bin` (or `$CORRIDOR_BENCH_DATA`) (raw little-endian f64:
//! y, then x1, x2, x3, each n values) so that the statsmodels peer
//! (`benches/peers/regression.py`) reads exactly the same numbers.

mod common;

use std::hint::black_box;

use common::SplitMix;
use corridor::stats::regression::{CovType, Design, Ols, SmallSample};
use criterion::{Criterion, criterion_group, criterion_main};

const N: usize = 1_000_000;

/// Uniform on [-1, 1) (exactly `(top 53 bits) / 2^52 - 1`, as the peer).
fn symmetric(r: &mut SplitMix) -> f64 {
    2.0 * r.uniform() - 1.0
}

/// y = 1 + 0.5 x1 - 0.25 x2 + 0.1 x3 + e, e AR(1) with phi = 0.5 (so HAC matters).
fn data() -> (Vec<f64>, Vec<Vec<f64>>) {
    let mut r = SplitMix(20_240_521);
    let xs: Vec<Vec<f64>> = (0..3).map(|_| (0..N).map(|_| symmetric(&mut r)).collect()).collect();
    let mut e = 0.0;
    let y = (0..N)
        .map(|t| {
            e = 0.5 * e + symmetric(&mut r);
            1.0 + 0.5 * xs[0][t] - 0.25 * xs[1][t] + 0.1 * xs[2][t] + e
        })
        .collect();
    (y, xs)
}

fn write_once(y: &[f64], xs: &[Vec<f64>]) {
    let path = common::data_dir().join("ols_1e6.bin");
    if path.exists() {
        return;
    }
    let mut bytes = Vec::with_capacity(4 * N * 8);
    for v in y.iter().chain(xs.iter().flatten()) {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn bench(c: &mut Criterion) {
    let (y, xs) = data();
    write_once(&y, &xs);
    let x = Design::with_intercept(&xs).unwrap();
    let mut g = c.benchmark_group("ols_hac_n1e6_k4");
    g.sample_size(20);
    for lag in [7usize, 46] {
        g.bench_function(format!("lag{lag}"), |b| {
            b.iter(|| {
                let fit = Ols::new(black_box(&x), black_box(&y))
                    .cov_type(CovType::Hac {
                        lag,
                        small_sample: SmallSample::None,
                    })
                    .fit()
                    .unwrap();
                black_box(fit.std_errors())
            });
        });
    }
    g.bench_function("nonrobust", |b| {
        b.iter(|| black_box(Ols::new(black_box(&x), black_box(&y)).fit().unwrap().std_errors()));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
