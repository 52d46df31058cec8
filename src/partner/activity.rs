//! `Activity`: a dated joint activity of states that is not an agreement (a joint operation).

use super::{PartnerError, Result, check_id};
use crate::{Country, Period, Source};

words! {
    /// What a joint activity is.
    #[non_exhaustive]
    pub enum ActivityKind: "activity kind", PartnerError::unknown {
        /// A joint operation (from `corridor::operation`).
        Operation => "operation",
        /// Intelligence handed from one state to another.
        IntelligenceSharing => "intelligence_sharing",
        /// An official visit or inspection by officials of several states.
        Visit => "visit",
    }
}

/// A dated activity of two or more states that is not an agreement: a joint operation, intelligence
/// sharing, a joint visit. It links its states in [`super::PartnerRegistry::engaged_with`] and in the
/// cooperation network. `corridor::operation` turns each joint operation into one.
///
/// ```
/// use corridor::partner::{Activity, ActivityKind};
/// use corridor::{Country, Period};
/// let a = Activity::new("crepusculo-2021", "Operación Binacional Crepúsculo", ActivityKind::Operation,
///     "2021-09-21".parse()?, vec![Country::PAN, Country::CRI])?;
/// assert_eq!(a.states(), [Country::PAN, Country::CRI]);
/// assert!(Activity::new("x", "X", ActivityKind::Operation, "2021".parse()?, vec![Country::PAN]).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct Activity {
    id: String,
    name: String,
    kind: ActivityKind,
    period: Period,
    states: Vec<Country>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    sources: Vec<Source>,
}

serde_validated!(Activity);

impl Activity {
    /// An activity of `states` (repeats dropped) in `period`.
    ///
    /// # Errors
    ///
    /// [`PartnerError::InvalidId`], [`PartnerError::EmptyName`], [`PartnerError::TooFewStates`] when fewer
    /// than two distinct states are named.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: ActivityKind,
        period: Period,
        states: Vec<Country>,
    ) -> Result<Activity> {
        let mut distinct: Vec<Country> = Vec::with_capacity(states.len());
        for c in states {
            crate::distinct::push_distinct(&mut distinct, c);
        }
        let a = Activity {
            id: id.into(),
            name: name.into(),
            kind,
            period,
            states: distinct,
            sources: Vec::new(),
        };
        a.validate()?;
        Ok(a)
    }

    pub(crate) fn validate(&self) -> Result<()> {
        check_id(&self.id)?;
        if self.name.trim().is_empty() {
            return Err(PartnerError::EmptyName {
                what: "activity",
                id: self.id.clone(),
            });
        }
        let distinct = self
            .states
            .iter()
            .enumerate()
            .filter(|(i, c)| !self.states[..*i].contains(c))
            .count();
        if distinct < 2 {
            return Err(PartnerError::TooFewStates {
                id: self.id.clone(),
                states: distinct,
            });
        }
        Ok(())
    }

    /// Adds a source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Activity {
        crate::distinct::push_distinct(&mut self.sources, source);
        self
    }

    /// The slug id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> ActivityKind {
        self.kind
    }

    /// When it took place.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The states, without repeats.
    #[must_use]
    pub fn states(&self) -> &[Country] {
        &self.states
    }

    /// The sources.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors() {
        let p: Period = "2021".parse().unwrap();
        let r = Activity::new("x", "X", ActivityKind::Visit, p, vec![Country::PAN, Country::PAN]);
        assert!(matches!(r, Err(PartnerError::TooFewStates { states: 1, .. })));
        let r = Activity::new("x y", "X", ActivityKind::Visit, p, vec![Country::PAN, Country::COL]);
        assert!(matches!(r, Err(PartnerError::InvalidId { .. })));
        let r = Activity::new("x", "", ActivityKind::Visit, p, vec![Country::PAN, Country::COL]);
        assert!(matches!(r, Err(PartnerError::EmptyName { .. })));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let a = Activity::new(
            "x",
            "X",
            ActivityKind::Visit,
            "2023-02-14".parse().unwrap(),
            vec![Country::USA, Country::COL],
        )
        .unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Activity>(&json).unwrap(), a);
        let bad = r#"{"id":"x","name":"X","kind":"visit","period":"2023","states":["USA"]}"#;
        assert!(serde_json::from_str::<Activity>(bad).is_err());
    }
}
