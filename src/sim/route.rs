//! Routes between the places of a simulated corridor.

use super::{Result, SimError, Transit};

/// A route from one place to another: the share of those leaving its origin who take it, its
/// transit-time distribution, attrition and an optional throughput.
///
/// Attrition is a pair of rates per person who sets out: dead or missing, and turned back.
/// Both leave the corridor and are counted on the route on the day of departure.
///
/// # Examples
/// ```
/// use corridor::sim::{Route, Transit};
///
/// let trail = Route::new("Capurganá", "Bajo Chiquito", 0.6, Transit::uniform(2, 10)?)?
///     .attrition(0.001, 0.01)?;
/// assert_eq!(trail.from(), "Capurganá");
/// assert_eq!(trail.attrition_rates(), (0.001, 0.01));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Route {
    from: String,
    to: String,
    share: f64,
    transit: Transit,
    dead: f64,
    turned_back: f64,
    throughput: Option<u64>,
}

impl Route {
    /// A route from `from` to `to` taken by `share` of those leaving `from`.
    ///
    /// # Errors
    /// [`SimError::EmptyName`] for an empty name, [`SimError::SelfLoop`] when `from` is `to`,
    /// [`SimError::Share`] unless `0 < share ≤ 1`.
    pub fn new(from: impl AsRef<str>, to: impl AsRef<str>, share: f64, transit: Transit) -> Result<Self> {
        let (from, to) = (from.as_ref().trim(), to.as_ref().trim());
        if from.is_empty() || to.is_empty() {
            return Err(SimError::EmptyName);
        }
        if from == to {
            return Err(SimError::SelfLoop { place: from.to_owned() });
        }
        if !(share > 0.0 && share <= 1.0) {
            return Err(SimError::Share {
                from: from.to_owned(),
                to: to.to_owned(),
                share,
            });
        }
        Ok(Self {
            from: from.to_owned(),
            to: to.to_owned(),
            share,
            transit,
            dead: 0.0,
            turned_back: 0.0,
            throughput: None,
        })
    }

    /// The same route, on which a share `dead` of those who set out die or go missing and a
    /// share `turned_back` turn back.
    ///
    /// # Errors
    /// [`SimError::Attrition`] unless both are in `[0, 1]` and sum to at most 1.
    pub fn attrition(mut self, dead: f64, turned_back: f64) -> Result<Self> {
        let ok = (0.0..=1.0).contains(&dead) && (0.0..=1.0).contains(&turned_back) && dead + turned_back <= 1.0;
        if !ok {
            return Err(SimError::Attrition {
                from: self.from,
                to: self.to,
                dead,
                turned_back,
            });
        }
        self.dead = dead;
        self.turned_back = turned_back;
        Ok(self)
    }

    /// The same route, on which at most `per_day` people set out a day.
    ///
    /// # Errors
    /// [`SimError::ZeroCapacity`] for 0.
    pub fn throughput(mut self, per_day: u64) -> Result<Self> {
        if per_day == 0 {
            return Err(SimError::ZeroCapacity {
                what: "throughput",
                name: self.name(),
            });
        }
        self.throughput = Some(per_day);
        Ok(self)
    }

    /// The origin's name.
    #[must_use]
    pub fn from(&self) -> &str {
        &self.from
    }

    /// The end's name.
    #[must_use]
    pub fn to(&self) -> &str {
        &self.to
    }

    /// The route's name, `"from → to"`.
    #[must_use]
    pub fn name(&self) -> String {
        format!("{} → {}", self.from, self.to)
    }

    /// The share of those leaving the origin who take this route.
    #[must_use]
    pub fn share(&self) -> f64 {
        self.share
    }

    /// The transit-time distribution.
    #[must_use]
    pub fn transit(&self) -> &Transit {
        &self.transit
    }

    /// The attrition rates: (dead or missing, turned back).
    #[must_use]
    pub fn attrition_rates(&self) -> (f64, f64) {
        (self.dead, self.turned_back)
    }

    /// People who may set out a day, when bounded.
    #[must_use]
    pub fn throughput_per_day(&self) -> Option<u64> {
        self.throughput
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Transit {
        Transit::fixed(1).unwrap()
    }

    #[test]
    fn errors() {
        assert_eq!(
            Route::new("a", "a", 1.0, t()).unwrap_err(),
            SimError::SelfLoop { place: "a".into() }
        );
        assert!(matches!(Route::new("a", "b", 0.0, t()), Err(SimError::Share { .. })));
        assert!(matches!(
            Route::new("a", "b", f64::NAN, t()),
            Err(SimError::Share { .. })
        ));
        assert!(matches!(Route::new("a", "b", 1.5, t()), Err(SimError::Share { .. })));
        assert_eq!(Route::new("", "b", 1.0, t()).unwrap_err(), SimError::EmptyName);
        let r = Route::new("a", "b", 1.0, t()).unwrap();
        assert!(matches!(r.clone().attrition(0.6, 0.6), Err(SimError::Attrition { .. })));
        assert!(matches!(
            r.clone().attrition(-0.1, 0.0),
            Err(SimError::Attrition { .. })
        ));
        assert!(r.clone().throughput(0).is_err());
        assert_eq!(r.name(), "a → b");
    }
}
