//! Helpers shared by the benches: the seeded generator whose draws the peer scripts in
//! `benches/peers/` reproduce, and the directory where benches leave data for the peers.
//!
//! Each bench uses only some of them.
#![allow(dead_code)]

use std::path::PathBuf;

/// splitmix64 (Steele, Lea & Flood 2014): a tiny deterministic generator, the same stream on every
/// platform and in the Python peers.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next draw reduced modulo `n` (the peers use the same reduction).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// Uniform on [0, 1): the top 53 bits times 2⁻⁵³.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    /// Standard normal by Box–Muller (`u1 = 1 − uniform`, `u2 = uniform`, cosine branch).
    pub(crate) fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// Where benches write data for the peers and read it back: `CORRIDOR_BENCH_DATA` if set, else
/// `target/bench-data` in the crate; created if missing.
pub(crate) fn data_dir() -> PathBuf {
    let dir = std::env::var_os("CORRIDOR_BENCH_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"),
        PathBuf::from,
    );
    // A failure shows up when the first file is written, with its path.
    let _ = std::fs::create_dir_all(&dir);
    dir
}
