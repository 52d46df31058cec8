//! Exponential-smoothing forecasts: R's `HoltWinters` and state-space ETS.

pub(crate) mod ets;
pub(crate) mod holt_winters;
mod nmmin;
pub(crate) mod optim;

/// Point forecasts with a prediction interval at one level.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Forecast {
    mean: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    level: f64,
}

impl Forecast {
    pub(crate) fn new(mean: Vec<f64>, lower: Vec<f64>, upper: Vec<f64>, level: f64) -> Self {
        Self {
            mean,
            lower,
            upper,
            level,
        }
    }
    /// Point forecasts for horizons `1..=h`.
    #[must_use]
    pub fn mean(&self) -> &[f64] {
        &self.mean
    }
    /// Lower interval bounds for horizons `1..=h`.
    #[must_use]
    pub fn lower(&self) -> &[f64] {
        &self.lower
    }
    /// Upper interval bounds for horizons `1..=h`.
    #[must_use]
    pub fn upper(&self) -> &[f64] {
        &self.upper
    }
    /// The coverage level of the interval, in `(0, 1)`.
    #[must_use]
    pub fn level(&self) -> f64 {
        self.level
    }
}
