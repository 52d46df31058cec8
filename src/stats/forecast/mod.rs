//! Exponential-smoothing forecasts: R's `HoltWinters` and state-space ETS.

mod ets;
mod holt_winters;
mod nmmin;
pub(crate) mod optim;

pub use ets::{Ets, EtsErrorType, EtsFit, EtsModel, EtsSeason, EtsSpec, EtsTrend, ets};
pub use holt_winters::{HoltWinters, HoltWintersFit, HwSeasonal, HwTrend, holt_winters};

/// Point forecasts with a prediction interval at one level.
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
/// let y = [3.0, 5.0, 4.0, 6.0, 5.5, 7.0, 6.0, 8.0];
/// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
/// let f = fit.predict(3, 0.8)?;
/// // Simple smoothing forecasts the last level at every horizon; the interval widens with h.
/// assert_eq!(f.mean(), &[fit.level(); 3]);
/// assert!(f.upper()[2] - f.lower()[2] > f.upper()[0] - f.lower()[0]);
/// assert_eq!(f.level(), 0.8);
/// # Ok::<(), corridor::Error>(())
/// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [3.0, 5.0, 4.0, 6.0, 5.5, 7.0, 6.0, 8.0];
    /// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
    /// let f = fit.predict(2, 0.95)?;
    /// // Normal intervals are symmetric about the point forecast.
    /// for h in 0..2 {
    ///     assert!(((f.mean()[h] - f.lower()[h]) - (f.upper()[h] - f.mean()[h])).abs() < 1e-9);
    /// }
    /// # Ok::<(), corridor::Error>(())
    /// ```
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

    /// The prediction interval at horizon `h` (1-based, as R's rows), `None` beyond the last horizon or
    /// for `h = 0`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal};
    /// let y = [12.0, 15.0, 14.0, 18.0, 17.0, 21.0, 20.0, 24.0, 23.0, 27.0];
    /// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).fit()?;
    /// let f = fit.predict(3, 0.95)?;
    /// let pi = f.interval(1).expect("horizon 1");
    /// assert!(pi.contains(f.mean()[0]) && pi.level() == 0.95);
    /// assert!(f.interval(0).is_none() && f.interval(4).is_none());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn interval(&self, h: usize) -> Option<super::Interval> {
        let i = h.checked_sub(1)?;
        Some(super::Interval::new(
            *self.lower.get(i)?,
            *self.upper.get(i)?,
            self.level,
        ))
    }
}
