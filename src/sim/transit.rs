//! Transit-time distributions in whole days.

use super::{Result, SimError};

/// The longest transit time a distribution may give, in days (ten years).
pub(crate) const MAX_TRANSIT_DAYS: u32 = 3_660;

/// A distribution of transit times in whole days, each at least one day.
///
/// Stored as probabilities of `first, first + 1, …` days. Built from a fixed time, a uniform
/// range, explicit weights, or a log-normal time discretised to whole days (a continuous time
/// `T` counts as `⌈T⌉` days, at least one), optionally restricted to a range.
///
/// # Examples
/// ```
/// use corridor::sim::Transit;
///
/// let trail = Transit::uniform(2, 10)?; // "two to ten days" through the Darién
/// assert_eq!(trail.mean(), 6.0);
/// assert_eq!((trail.min_days(), trail.max_days()), (2, 10));
/// let t = Transit::lognormal(5.0, 2.0)?.within(2, 10)?;
/// assert!((t.probabilities().iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Transit {
    first: u32,
    probs: Vec<f64>,
}

fn bad(reason: impl Into<String>) -> SimError {
    SimError::Transit { reason: reason.into() }
}

impl Transit {
    /// Always `days` days.
    ///
    /// # Errors
    /// [`SimError::Transit`] unless `1 ≤ days ≤ 3,660`.
    pub fn fixed(days: u32) -> Result<Self> {
        Self::uniform(days, days)
    }

    /// Each whole number of days from `min` to `max` (both included) equally likely.
    ///
    /// # Errors
    /// [`SimError::Transit`] unless `1 ≤ min ≤ max ≤ 3,660`.
    pub fn uniform(min: u32, max: u32) -> Result<Self> {
        if min == 0 || max < min || max > MAX_TRANSIT_DAYS {
            return Err(bad(format!(
                "days {min} to {max} must satisfy 1 <= min <= max <= {MAX_TRANSIT_DAYS}"
            )));
        }
        let n = (max - min + 1) as usize;
        Self::weights(min, vec![1.0; n])
    }

    /// `first`, `first + 1`, … days with probabilities proportional to `weights`.
    ///
    /// # Errors
    /// [`SimError::Transit`] when `first` is 0, a weight is negative or not finite, all are
    /// zero, or the range passes 3,660 days.
    #[allow(clippy::needless_pass_by_value)] // takes the weights as `Route::new` takes its transit: by value
    pub fn weights(first: u32, weights: Vec<f64>) -> Result<Self> {
        if first == 0 {
            return Err(bad("a transit takes at least 1 day"));
        }
        if weights.is_empty() || first as usize + weights.len() - 1 > MAX_TRANSIT_DAYS as usize {
            return Err(bad(format!("{} weights from day {first}", weights.len())));
        }
        if let Some(w) = weights.iter().find(|w| !w.is_finite() || **w < 0.0) {
            return Err(bad(format!("weight {w} is not a finite number >= 0")));
        }
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return Err(bad("all weights are zero"));
        }
        let mut probs: Vec<f64> = weights.iter().map(|w| w / total).collect();
        let mut first = first;
        // Trim zero weights at both ends, so that min_days and max_days are possible times.
        while probs.last() == Some(&0.0) {
            probs.pop();
        }
        let lead = probs.iter().take_while(|p| **p == 0.0).count();
        probs.drain(..lead);
        first += lead as u32;
        Ok(Self { first, probs })
    }

    /// A log-normal time of mean `mean` and standard deviation `sd` days, discretised: day `k`
    /// has the probability that the time lies in `(k − 1, k]` (day 1 also takes the time
    /// below 0), up to the day where less than `1e-9` of the mass is left.
    ///
    /// Computed with `libm`'s `log` and `erfc`, so the probabilities are the same on every
    /// platform. The discretised mean is about `mean + 0.5`; [`Transit::mean`] gives it.
    ///
    /// # Errors
    /// [`SimError::Transit`] unless `mean` and `sd` are finite and positive and the tail ends
    /// before 3,660 days.
    pub fn lognormal(mean: f64, sd: f64) -> Result<Self> {
        if !(mean.is_finite() && sd.is_finite() && mean > 0.0 && sd > 0.0) {
            return Err(bad(format!(
                "log-normal mean {mean} and sd {sd} must be finite and > 0"
            )));
        }
        let s2 = libm::log(1.0 + (sd / mean) * (sd / mean));
        let sigma = libm::sqrt(s2);
        let mu = libm::log(mean) - s2 / 2.0;
        let cdf = |t: f64| 0.5 * libm::erfc(-(libm::log(t) - mu) / (sigma * std::f64::consts::SQRT_2));
        let mut probs = Vec::new();
        let mut prev = 0.0;
        for k in 1..=MAX_TRANSIT_DAYS {
            let c = cdf(f64::from(k));
            probs.push(c - prev);
            prev = c;
            if 1.0 - c < 1e-9 {
                return Self::weights(1, probs);
            }
        }
        Err(bad(format!(
            "log-normal mean {mean} and sd {sd} run past {MAX_TRANSIT_DAYS} days"
        )))
    }

    /// The same distribution restricted to `min..=max` days and renormalised.
    ///
    /// # Errors
    /// [`SimError::Transit`] when the range holds none of the distribution's mass or is not a
    /// range of at least one day.
    pub fn within(&self, min: u32, max: u32) -> Result<Self> {
        if min == 0 || max < min {
            return Err(bad(format!("range {min} to {max} days")));
        }
        let w: Vec<f64> = (min..=max).map(|d| self.probability(d)).collect();
        if w.iter().all(|p| *p == 0.0) {
            return Err(bad(format!("no transit time between {min} and {max} days")));
        }
        Self::weights(min, w)
    }

    /// The probability of a transit of exactly `days` days.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::sim::Transit;
    /// let t = Transit::uniform(2, 5)?;
    /// assert_eq!(t.probability(3), 0.25);
    /// assert_eq!(t.probability(6), 0.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn probability(&self, days: u32) -> f64 {
        days.checked_sub(self.first)
            .and_then(|i| self.probs.get(i as usize))
            .copied()
            .unwrap_or(0.0)
    }

    /// The probabilities of `min_days()`, `min_days() + 1`, … `max_days()` days.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::sim::Transit;
    /// let t = Transit::weights(3, vec![1.0, 3.0])?; // 3 days once in four, 4 days three times
    /// assert_eq!(t.probabilities(), [0.25, 0.75]);
    /// assert_eq!((t.min_days(), t.max_days()), (3, 4));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn probabilities(&self) -> &[f64] {
        &self.probs
    }

    /// The shortest possible transit, in days.
    #[must_use]
    pub fn min_days(&self) -> u32 {
        self.first
    }

    /// The longest possible transit, in days.
    #[must_use]
    pub fn max_days(&self) -> u32 {
        self.first + self.probs.len() as u32 - 1
    }

    /// The mean transit in days.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::sim::Transit;
    /// assert_eq!(Transit::uniform(2, 10)?.mean(), 6.0);
    /// assert_eq!(Transit::weights(3, vec![1.0, 3.0])?.mean(), 3.75);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn mean(&self) -> f64 {
        self.probs
            .iter()
            .enumerate()
            .map(|(i, p)| p * f64::from(self.first + i as u32))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_and_fixed() {
        let t = Transit::fixed(3).unwrap();
        assert_eq!((t.min_days(), t.max_days(), t.mean()), (3, 3, 3.0));
        assert!(Transit::fixed(0).is_err());
        assert!(Transit::uniform(5, 4).is_err());
        assert!(Transit::uniform(1, MAX_TRANSIT_DAYS + 1).is_err());
        assert_eq!(Transit::uniform(2, 10).unwrap().probability(7), 1.0 / 9.0);
    }

    #[test]
    fn weights_trim_zero_ends() {
        let t = Transit::weights(1, vec![0.0, 1.0, 3.0, 0.0]).unwrap();
        assert_eq!((t.min_days(), t.max_days()), (2, 3));
        assert_eq!(t.mean(), 2.75);
        assert!(Transit::weights(1, vec![0.0]).is_err());
        assert!(Transit::weights(1, vec![-1.0, 2.0]).is_err());
        assert!(Transit::weights(0, vec![1.0]).is_err());
        assert!(Transit::weights(1, vec![]).is_err());
    }

    #[test]
    fn lognormal_discretised_mean() {
        // The mean of ceil(T) for continuous T lies in [E T, E T + 1); for a smooth density
        // it is close to E T + 1/2.
        let t = Transit::lognormal(6.0, 2.0).unwrap();
        assert!((t.mean() - 6.5).abs() < 0.05, "{}", t.mean());
        assert!((t.probabilities().iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(Transit::lognormal(0.0, 1.0).is_err());
        assert!(Transit::lognormal(f64::NAN, 1.0).is_err());
        let w = t.within(2, 10).unwrap();
        assert_eq!((w.min_days(), w.max_days()), (2, 10));
        assert!(t.within(4000, 4001).is_err());
    }
}
