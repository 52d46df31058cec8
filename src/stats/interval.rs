//! The one interval type of every confidence or prediction interval.

/// A two-sided interval `[lower, upper]` at a nominal coverage `level` (for example `0.95`).
///
/// Every confidence or prediction interval in [`stats`](crate::stats) is one: an
/// [`Estimate`](super::Estimate)'s, a [`SensSlope`](super::SensSlope)'s, a
/// [`RateTest`](super::RateTest)'s, [`poisson_exact_interval`](super::rate::poisson_exact_interval),
/// the bootstrap's percentile and `BCa` intervals, and each horizon of a
/// [`Forecast`](super::forecast::Forecast). The bounds may be infinite (a rate ratio with no events in
/// the second sample has `upper = +∞`, as in R).
///
/// # Example
///
/// ```
/// let t = corridor::stats::poisson_rate_test(30, 10.0, 10, 10.0)?;
/// let ci = t.interval(0.95)?;
/// assert!(ci.contains(t.ratio()));
/// assert!(ci.lower() < ci.upper() && ci.width() > 0.0);
/// assert_eq!(ci.level(), 0.95);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Interval {
    lower: f64,
    upper: f64,
    level: f64,
}

impl Interval {
    /// The interval from its bounds and level; callers have checked `0 < level < 1`.
    pub(crate) fn new(lower: f64, upper: f64, level: f64) -> Self {
        Self { lower, upper, level }
    }

    /// The lower bound.
    #[must_use]
    pub fn lower(&self) -> f64 {
        self.lower
    }

    /// The upper bound.
    #[must_use]
    pub fn upper(&self) -> f64 {
        self.upper
    }

    /// The nominal coverage level, in `(0, 1)`.
    #[must_use]
    pub fn level(&self) -> f64 {
        self.level
    }

    /// `upper − lower`.
    #[must_use]
    pub fn width(&self) -> f64 {
        self.upper - self.lower
    }

    /// Whether `lower ≤ x ≤ upper`.
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        self.lower <= x && x <= self.upper
    }

    /// The bounds as a pair `(lower, upper)`.
    #[must_use]
    pub fn bounds(&self) -> (f64, f64) {
        (self.lower, self.upper)
    }
}
