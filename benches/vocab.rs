//! Parsing speed of the vocabulary types: 100,000 `Period` and `Count` strings, as a large CSV column would hold.
//!
//! Data: fixed-seed splitmix64, mixed forms. Run: `cargo bench --bench vocab`.

mod common;

use std::hint::black_box;

use common::SplitMix;
use corridor::{Count, Period};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const N: usize = 100_000;

fn period_strings(seed: u64) -> Vec<String> {
    let mut r = SplitMix(seed);
    (0..N)
        .map(|_| {
            let y = 2000 + r.below(30);
            let m = 1 + r.below(12);
            let d = 1 + r.below(28);
            match r.below(6) {
                0 => format!("{y}-{m:02}-{d:02}"),
                1 => format!("{y}-W{:02}", 1 + r.below(52)),
                2 => format!("{y}-{m:02}"),
                3 => format!("{y}-Q{}", 1 + r.below(4)),
                4 => format!("{y}"),
                _ => format!("{y}-{m:02}-01..{y}-{m:02}-{d:02}"),
            }
        })
        .collect()
}

fn count_strings(seed: u64) -> Vec<String> {
    let mut r = SplitMix(seed);
    (0..N)
        .map(|_| {
            let n = r.below(200_000);
            match r.below(8) {
                0 | 1 => format!("{n}"),
                2 => format!("over {n}"),
                3 => format!("nearly {},{:03}", n / 1000 + 1, n % 1000),
                4 => format!("about {n}"),
                5 => format!("up to {n}"),
                6 => format!("{n}-{}", n + r.below(100)),
                _ => format!("{n}+"),
            }
        })
        .collect()
}

fn parse(c: &mut Criterion) {
    let periods = period_strings(1);
    let counts = count_strings(2);
    let mut g = c.benchmark_group("vocab_parse");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("period_1e5", |b| {
        b.iter(|| {
            let mut ok = 0u32;
            for s in &periods {
                ok += u32::from(black_box(s.as_str()).parse::<Period>().is_ok());
            }
            assert_eq!(ok as usize, N);
            ok
        });
    });
    g.bench_function("count_1e5", |b| {
        b.iter(|| {
            let mut ok = 0u32;
            for s in &counts {
                ok += u32::from(black_box(s.as_str()).parse::<Count>().is_ok());
            }
            assert_eq!(ok as usize, N);
            ok
        });
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
