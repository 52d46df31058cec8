//! ETS fits on `AirPassengers` (n = 144, period 12): one class (M,Ad,M) and the automatic choice.
//! Peers: `benches/peers/ets.R` (`forecast::ets`) and `benches/peers/ets.py` (statsmodels `ETSModel`).

use corridor::stats::{EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
