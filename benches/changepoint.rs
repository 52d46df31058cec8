//! PELT (normal mean / L2 cost, penalty 3 ln n) on piecewise-constant signals with one change per
//! 1,000 points, like `ruptures.pw_constant`. The signals are written to
//! `/work/bench-data/pelt_{n}.txt` (one value per line, shortest round-trip form) so that the peers
//! (`benches/peers/changepoint.R`, `benches/peers/changepoint.py`) time the same data, and our
//! changepoints to `/work/bench-data/pelt_{n}_ours.txt` for the peers to compare with.

use corridor::stats::{Cost, Pelt, Penalty};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

/// splitmix64: a tiny deterministic generator (no rand dependency).
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal by Box-Muller.
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

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

fn write_lines<T: std::fmt::Display>(path: &str, xs: &[T]) {
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
        if std::fs::create_dir_all("/work/bench-data").is_ok() {
            write_lines(&format!("/work/bench-data/pelt_{n}.txt"), &x);
            write_lines(&format!("/work/bench-data/pelt_{n}_ours.txt"), found.indices());
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &x, |b, x| {
            b.iter(|| pelt.detect(black_box(x)).expect("finite data"));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pelt);
criterion_main!(benches);
