//! ETS fits on `AirPassengers` (n = 144, period 12): one class (M,Ad,M), the automatic choice (with and
//! without multiplicative trends), and simulated prediction intervals of ETS(M,Md,M) (5000 paths, h = 24).
//! Peers: `benches/peers/ets.R` (`forecast::ets`) and `benches/peers/ets.py` (statsmodels `ETSModel`).

use corridor::stats::forecast::{EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn air_passengers() -> Vec<f64> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reference/airpassengers_R.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["input"]["y"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let y = air_passengers();
    let madm = EtsSpec {
        error: EtsErrorType::Multiplicative,
        trend: EtsTrend::AdditiveDamped,
        season: EtsSeason::Multiplicative,
    };
    c.bench_function("ets fit ETS(M,Ad,M) AirPassengers", |b| {
        b.iter(|| ets(black_box(&y), 12, EtsModel::Fixed(madm)).unwrap());
    });
    let mut g = c.benchmark_group("ets auto");
    g.sample_size(10);
    g.bench_function("ets auto (AICc over 15 classes) AirPassengers", |b| {
        b.iter(|| ets(black_box(&y), 12, EtsModel::Auto).unwrap());
    });
    g.bench_function("ets auto with multiplicative trend (19 classes) AirPassengers", |b| {
        b.iter(|| ets(black_box(&y), 12, EtsModel::AutoWithMultiplicativeTrend).unwrap());
    });
    g.finish();
    let mmdm = EtsSpec {
        trend: EtsTrend::MultiplicativeDamped,
        ..madm
    };
    let fit = ets(&y, 12, EtsModel::Fixed(mmdm)).unwrap();
    c.bench_function("ets simulated 95% intervals ETS(M,Md,M) 5000 paths h=24", |b| {
        b.iter(|| black_box(&fit).predict_simulated(24, 0.95, 5000, 0).unwrap());
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
