//! Corridors: ordered stages of a migration route.

use super::{FlowError, Location};

/// One stage of a [`Corridor`]: a place and the typical number of days people take
/// from it to the next stage.
///
/// # Examples
/// ```
/// use corridor::flow::{Corridor, Location};
/// let darien = Corridor::builder("Darién")
///     .stage(Location::new("Acandí")?, Some(4))
///     .stage(Location::new("Bajo Chiquito")?, None)
///     .build()?;
/// let first = &darien.stages()[0];
/// assert_eq!((first.location().name(), first.transit_days()), ("Acandí", Some(4)));
/// assert_eq!(darien.stages()[1].transit_days(), None);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Stage {
    location: Location,
    transit_days: Option<u32>,
}

impl Stage {
    /// The place of this stage.
    #[must_use]
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Typical days from this stage to the next, when known.
    #[must_use]
    pub fn transit_days(&self) -> Option<u32> {
        self.transit_days
    }
}

/// A migration route as an ordered list of stages (for example Necoclí → Acandí →
/// the Darién trails → Bajo Chiquito → Lajas Blancas).
///
/// # Examples
/// ```
/// use corridor::flow::{Corridor, Location};
///
/// let darien = Corridor::builder("Darién")
///     .stage(Location::new("Necoclí")?, Some(1))
///     .stage(Location::new("Acandí")?, Some(4))
///     .stage(Location::new("Bajo Chiquito")?, None)
///     .build()?;
/// assert_eq!(darien.stages().len(), 3);
/// assert_eq!(darien.typical_transit_days(), Some(5));
/// assert_eq!(darien.position("Acandí"), Some(1));
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// With the `serde` feature a corridor deserialises through [`CorridorBuilder::build`],
/// so every check applies (a name, at least two stages, no place twice).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "serde_repr::CorridorRepr"))]
pub struct Corridor {
    name: String,
    stages: Vec<Stage>,
}

/// Builds a [`Corridor`] stage by stage; see [`Corridor::builder`].
///
/// # Examples
/// ```
/// use corridor::flow::{Corridor, FlowError, Location};
/// let necocli = Location::new("Necoclí")?;
/// let built = Corridor::builder("Darién")
///     .stage(necocli.clone(), Some(1))
///     .stage(Location::new("Acandí")?, Some(4))
///     .build()?;
/// assert_eq!(built.name(), "Darién");
/// // The same place twice is refused.
/// let twice = Corridor::builder("loop").stage(necocli.clone(), None).stage(necocli, None).build();
/// assert!(matches!(twice, Err(FlowError::DuplicateStage { .. })));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct CorridorBuilder {
    name: String,
    stages: Vec<Stage>,
}

impl CorridorBuilder {
    /// Appends a stage; `transit_days` is the typical time to the next stage.
    #[must_use]
    pub fn stage(mut self, location: Location, transit_days: Option<u32>) -> Self {
        self.stages.push(Stage { location, transit_days });
        self
    }

    /// Checks and builds the corridor.
    ///
    /// # Errors
    /// [`FlowError::EmptyName`] for an empty name, [`FlowError::TooFewStages`] with fewer
    /// than two stages, [`FlowError::DuplicateStage`] when a place appears twice.
    pub fn build(self) -> crate::flow::Result<Corridor> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(FlowError::EmptyName { what: "corridor" });
        }
        if self.stages.len() < 2 {
            return Err(FlowError::TooFewStages { got: self.stages.len() });
        }
        for (i, s) in self.stages.iter().enumerate() {
            if self.stages[..i].iter().any(|t| t.location == s.location) {
                return Err(FlowError::DuplicateStage {
                    name: s.location.name().to_owned(),
                });
            }
        }
        Ok(Corridor {
            name: name.to_owned(),
            stages: self.stages,
        })
    }
}

impl Corridor {
    /// Starts a corridor called `name`.
    pub fn builder(name: impl Into<String>) -> CorridorBuilder {
        CorridorBuilder {
            name: name.into(),
            stages: Vec::new(),
        }
    }

    /// The corridor's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The stages in travel order.
    #[must_use]
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// The 0-based position of the stage whose place is called `name`.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{Corridor, Location};
    /// let darien = Corridor::builder("Darién")
    ///     .stage(Location::new("Necoclí")?, Some(1))
    ///     .stage(Location::new("Acandí")?, Some(4))
    ///     .stage(Location::new("Bajo Chiquito")?, None)
    ///     .build()?;
    /// assert_eq!(darien.position("Bajo Chiquito"), Some(2));
    /// assert_eq!(darien.position("Turbo"), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.location.name() == name)
    }

    /// The sum of the known transit days of all stages but the last, or `None` when
    /// any of them is unknown (a missing figure is not zero).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{Corridor, Location};
    /// // The known days add up: 1 + 4 (the last stage has none).
    /// let darien = Corridor::builder("Darién")
    ///     .stage(Location::new("Necoclí")?, Some(1))
    ///     .stage(Location::new("Acandí")?, Some(4))
    ///     .stage(Location::new("Bajo Chiquito")?, None)
    ///     .build()?;
    /// assert_eq!(darien.typical_transit_days(), Some(5));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn typical_transit_days(&self) -> Option<u32> {
        let n = self.stages.len();
        self.stages[..n - 1]
            .iter()
            .try_fold(0u32, |acc, s| s.transit_days.map(|d| acc.saturating_add(d)))
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    //! The shape a corridor deserialises from, checked by the builder.
    use super::{Corridor, Stage};

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct CorridorRepr {
        name: String,
        stages: Vec<Stage>,
    }

    impl TryFrom<CorridorRepr> for Corridor {
        type Error = crate::flow::FlowError;

        fn try_from(r: CorridorRepr) -> crate::flow::Result<Corridor> {
            r.stages
                .into_iter()
                .fold(Corridor::builder(r.name), |b, s| b.stage(s.location, s.transit_days))
                .build()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(n: &str) -> Location {
        Location::new(n).unwrap()
    }

    #[test]
    fn errors() {
        let e = Corridor::builder(" ")
            .stage(loc("a"), None)
            .stage(loc("b"), None)
            .build()
            .unwrap_err();
        assert_eq!(e.to_string(), "corridor name is empty");
        let e = Corridor::builder("x").stage(loc("a"), None).build().unwrap_err();
        assert_eq!(e.to_string(), "a corridor needs at least 2 stages, got 1");
        let e = Corridor::builder("x")
            .stage(loc("a"), None)
            .stage(loc("a"), None)
            .build()
            .unwrap_err();
        assert_eq!(e.to_string(), "stage \"a\" appears twice in the corridor");
    }

    #[test]
    fn unknown_transit_is_not_zero() {
        let c = Corridor::builder("x")
            .stage(loc("a"), None)
            .stage(loc("b"), Some(3))
            .build()
            .unwrap();
        assert_eq!(c.typical_transit_days(), None);
        assert_eq!(c.position("b"), Some(1));
        assert_eq!(c.name(), "x");
    }
}
