//! Parsing country codes and names, as when reading a large CSV of flow records.
//!
//! Data: 100,000 codes drawn with splitmix64 (seed 2021): a uniformly chosen entry
//! (alpha-3 order) written as upper-case alpha-3, lower-case alpha-2 or three-digit
//! numeric. `benches/peers/country.py` builds the same data.

mod common;

use std::hint::black_box;

use common::SplitMix;
use corridor::Country;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const N: usize = 100_000;

fn data() -> (Vec<String>, Vec<&'static str>) {
    // ISO 3166-1 only, as the peer (pycountry has no Kosovo).
    let all: Vec<Country> = Country::all().filter(|c| c.is_iso()).collect();
    let mut rng = SplitMix(2021);
    let mut codes = Vec::with_capacity(N);
    let mut names = Vec::with_capacity(N);
    for _ in 0..N {
        let r = rng.next_u64();
        let c = all[(r % all.len() as u64) as usize];
        codes.push(match (r >> 32) % 3 {
            0 => c.alpha3().to_owned(),
            1 => c.alpha2().to_ascii_lowercase(),
            _ => format!("{:03}", c.numeric().expect("ISO entries have a numeric code")),
        });
        names.push(c.name());
    }
    (codes, names)
}

fn bench(c: &mut Criterion) {
    let (codes, names) = data();
    let mut group = c.benchmark_group("country");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("from_str 100k codes", |b| {
        b.iter(|| {
            for s in &codes {
                black_box(black_box(s.as_str()).parse::<Country>().ok());
            }
        });
    });
    group.bench_function("from_name 100k ISO names", |b| {
        b.iter(|| {
            for s in &names {
                black_box(Country::from_name(black_box(s)).ok());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
