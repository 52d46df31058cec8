//! Helpers shared by the integration tests that read reference values from `tests/data/reference/`.
//!
//! Each test crate uses only some of them.
#![allow(dead_code)]

use serde_json::Value;

/// The reference file `tests/data/reference/{name}`, parsed.
pub(crate) fn load(name: &str) -> Value {
    let path = format!("{}/tests/data/reference/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A JSON array of numbers as `Vec<f64>`.
pub(crate) fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

/// The one comparison of the suite: `got` within `rel · max(|want|, floor)` of `want`, or equal to it (so
/// infinities and exact zeros compare). Every other helper here, and each test module's shorthand, calls it.
#[track_caller]
pub(crate) fn close_to(got: f64, want: f64, rel: f64, floor: f64, what: &str) {
    let scale = want.abs().max(floor);
    assert!(
        got == want || (got - want).abs() <= rel * scale,
        "{what}: got {got}, want {want} (relative {:e})",
        (got - want).abs() / scale
    );
}

/// Every `got[i]` within relative `rel` of `want[i]` (absolute near 0), same lengths.
pub(crate) fn close_slices(got: &[f64], want: &[f64], rel: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        close_to(*g, *w, rel, 1e-300, &format!("{what}[{i}]"));
    }
}

/// `got` within `tol · max(|want|, 1)` of `want`: relative for values above 1 in size, absolute below.
pub(crate) fn close_scaled(got: f64, want: f64, tol: f64, what: &str) {
    close_to(got, want, tol, 1.0, what);
}

/// [`close_scaled`] for every element, same lengths.
pub(crate) fn close_scaled_slices(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        close_scaled(*g, *w, tol, &format!("{what}[{i}]"));
    }
}

/// The ETS class of R's name for it, `ETS(M,Ad,M)` and so on.
pub(crate) fn spec_of(method: &str) -> corridor::stats::forecast::EtsSpec {
    use corridor::stats::forecast::{EtsErrorType, EtsSeason, EtsSpec, EtsTrend};
    let parts: Vec<&str> = method
        .trim_start_matches("ETS(")
        .trim_end_matches(')')
        .split(',')
        .collect();
    let error = match parts[0] {
        "A" => EtsErrorType::Additive,
        _ => EtsErrorType::Multiplicative,
    };
    let trend = match parts[1] {
        "N" => EtsTrend::None,
        "A" => EtsTrend::Additive,
        "Ad" => EtsTrend::AdditiveDamped,
        "M" => EtsTrend::Multiplicative,
        _ => EtsTrend::MultiplicativeDamped,
    };
    let season = match parts[2] {
        "N" => EtsSeason::None,
        "A" => EtsSeason::Additive,
        _ => EtsSeason::Multiplicative,
    };
    EtsSpec { error, trend, season }
}
