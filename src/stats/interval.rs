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
/// # Examples
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
    ///
    /// # Examples
    /// ```
    /// // Garwood interval for 10 events (R poisson.test(10)$conf.int: 4.795389, 18.390356).
    /// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.95)?;
    /// assert!((ci.lower() - 4.795_389).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn lower(&self) -> f64 {
        self.lower
    }

    /// The upper bound.
    ///
    /// # Examples
    /// ```
    /// // Garwood interval for 10 events (R poisson.test(10)$conf.int: 4.795389, 18.390356).
    /// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.95)?;
    /// assert!((ci.upper() - 18.390_356).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn upper(&self) -> f64 {
        self.upper
    }

    /// The nominal coverage level, in `(0, 1)`.
    ///
    /// # Examples
    /// ```
    /// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.9)?;
    /// assert_eq!(ci.level(), 0.9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn level(&self) -> f64 {
        self.level
    }

    /// `upper − lower`.
    ///
    /// # Examples
    /// ```
    /// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.95)?;
    /// assert_eq!(ci.width(), ci.upper() - ci.lower());
    /// // A higher level gives a wider interval.
    /// assert!(corridor::stats::rate::poisson_exact_interval(10, 0.99)?.width() > ci.width());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn width(&self) -> f64 {
        self.upper - self.lower
    }

    /// Whether `lower ≤ x ≤ upper`.
    ///
    /// # Examples
    /// ```
    /// let ci = corridor::stats::rate::poisson_exact_interval(10, 0.95)?;
    /// assert!(ci.contains(10.0) && !ci.contains(20.0));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        self.lower <= x && x <= self.upper
    }

    /// The bounds as a pair `(lower, upper)`.
    ///
    /// # Examples
    /// ```
    /// // No events: the lower bound is 0 (R poisson.test(0)$conf.int: 0, 3.688879).
    /// let (lo, hi) = corridor::stats::rate::poisson_exact_interval(0, 0.95)?.bounds();
    /// assert_eq!(lo, 0.0);
    /// assert!((hi - 3.688_879).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn bounds(&self) -> (f64, f64) {
        (self.lower, self.upper)
    }
}
