//! `PartnerState`: a country and its roles on the corridor over time.

use time::Date;

use super::{PartnerError, Result};
use crate::{Country, Source};

words! {
    /// A state's role on a migration corridor.
    ///
    /// Text form: `origin`, `transit`, `destination`, `return`.
    ///
    /// ```
    /// use corridor::partner::StateRole;
    /// assert_eq!("Transit".parse::<StateRole>()?, StateRole::Transit);
    /// # Ok::<(), corridor::partner::PartnerError>(())
    /// ```
    #[non_exhaustive]
    pub enum StateRole: "state role", PartnerError::unknown {
        /// People leave from it.
        Origin => "origin",
        /// People pass through it.
        Transit => "transit",
        /// People head for it.
        Destination => "destination",
        /// People are returned to or through it.
        Return => "return",
    }
}

/// A role held over a span of days (either end open), with its source.
///
/// ```
/// use corridor::partner::{RoleSpell, StateRole};
/// use time::macros::date;
/// let r = RoleSpell::new(StateRole::Transit).from(date!(2021 - 01 - 01));
/// assert!(r.holds_on(date!(2022 - 01 - 01)));
/// assert!(!r.holds_on(date!(2020 - 12 - 31)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RoleSpell {
    role: StateRole,
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::words::serde_date::option"
        )
    )]
    from: Option<Date>,
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::words::serde_date::option"
        )
    )]
    until: Option<Date>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl RoleSpell {
    /// A role held at all times (no start, no end).
    #[must_use]
    pub fn new(role: StateRole) -> RoleSpell {
        RoleSpell {
            role,
            from: None,
            until: None,
            source: None,
        }
    }

    /// Sets the first day.
    #[must_use]
    pub fn from(mut self, first: Date) -> RoleSpell {
        self.from = Some(first);
        self
    }

    /// Sets the last day.
    #[must_use]
    pub fn until(mut self, last: Date) -> RoleSpell {
        self.until = Some(last);
        self
    }

    /// Sets the source.
    #[must_use]
    pub fn source(mut self, source: Source) -> RoleSpell {
        self.source = Some(source);
        self
    }

    /// The role.
    #[must_use]
    pub fn role(&self) -> StateRole {
        self.role
    }

    /// The first day, `None` when open.
    #[must_use]
    pub fn first_day(&self) -> Option<Date> {
        self.from
    }

    /// The last day, `None` when open.
    #[must_use]
    pub fn last_day(&self) -> Option<Date> {
        self.until
    }

    /// The source, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    /// Whether the role is held on `date`.
    #[must_use]
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A state that takes part in cooperation on a corridor: a [`Country`], its roles on the corridor over
/// time, and its Spanish name where the sources use it.
///
/// Its memberships (agreements and forums, with role, joined and left) are the parties of the
/// registry's agreements: [`super::PartnerRegistry::summary`] gathers them, so they are stored once.
///
/// ```
/// use corridor::partner::{PartnerState, RoleSpell, StateRole};
/// use corridor::Country;
/// use time::macros::date;
///
/// let pan = PartnerState::new(Country::PAN)
///     .spanish_name("Panamá")
///     .role(RoleSpell::new(StateRole::Transit))
///     .role(RoleSpell::new(StateRole::Return).from(date!(2024 - 07 - 01)));
/// pan.validate()?;
/// assert_eq!(pan.roles_on(date!(2023 - 01 - 01)), [StateRole::Transit]);
/// assert_eq!(pan.roles_on(date!(2024 - 08 - 20)), [StateRole::Transit, StateRole::Return]);
/// assert_eq!(pan.name(), "Panama");
/// # Ok::<(), corridor::partner::PartnerError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct PartnerState {
    country: Country,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    name_es: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    roles: Vec<RoleSpell>,
}

serde_validated!(PartnerState);

impl PartnerState {
    /// A state with no recorded role.
    #[must_use]
    pub fn new(country: Country) -> PartnerState {
        PartnerState {
            country,
            name_es: None,
            roles: Vec::new(),
        }
    }

    /// Sets the Spanish name (`Panamá`).
    #[must_use]
    pub fn spanish_name(mut self, name: impl Into<String>) -> PartnerState {
        self.name_es = Some(name.into());
        self
    }

    /// Adds a role on the corridor.
    #[must_use]
    pub fn role(mut self, spell: RoleSpell) -> PartnerState {
        self.roles.push(spell);
        self
    }

    /// Checks the role spells (the registry calls this when the state is added).
    ///
    /// # Errors
    ///
    /// [`PartnerError::RoleReversed`] when a role ends before it starts.
    pub fn validate(&self) -> Result<()> {
        for r in &self.roles {
            if let (Some(from), Some(until)) = (r.from, r.until)
                && until < from
            {
                return Err(PartnerError::RoleReversed {
                    country: self.country,
                    role: r.role,
                    from,
                    until,
                });
            }
        }
        Ok(())
    }

    /// The country.
    #[must_use]
    pub fn country(&self) -> Country {
        self.country
    }

    /// The English short name (ISO 3166-1).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.country.name()
    }

    /// The Spanish name, if given.
    #[must_use]
    pub fn name_es(&self) -> Option<&str> {
        self.name_es.as_deref()
    }

    /// Every role spell.
    #[must_use]
    pub fn roles(&self) -> &[RoleSpell] {
        &self.roles
    }

    /// The roles held on `date`, in the order they were added, without repeats.
    #[must_use]
    pub fn roles_on(&self, date: Date) -> Vec<StateRole> {
        let mut out = Vec::new();
        for r in self.roles.iter().filter(|r| r.holds_on(date)) {
            if !out.contains(&r.role) {
                out.push(r.role);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn reversed_role_is_an_error() {
        let s = PartnerState::new(Country::COL).role(
            RoleSpell::new(StateRole::Origin)
                .from(date!(2022 - 01 - 01))
                .until(date!(2021 - 01 - 01)),
        );
        assert!(matches!(s.validate(), Err(PartnerError::RoleReversed { .. })));
    }

    #[test]
    fn words_round_trip() {
        for r in StateRole::ALL {
            assert_eq!(r.to_string().parse::<StateRole>().unwrap(), r);
        }
        assert!(matches!(
            "nowhere".parse::<StateRole>(),
            Err(PartnerError::UnknownWord { .. })
        ));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let s = PartnerState::new(Country::PAN)
            .spanish_name("Panamá")
            .role(RoleSpell::new(StateRole::Transit).from(date!(2021 - 01 - 01)));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<PartnerState>(&json).unwrap(), s);
        let bad = r#"{"country":"PAN","roles":[{"role":"transit","from":"2022-01-01","until":"2021-01-01"}]}"#;
        assert!(serde_json::from_str::<PartnerState>(bad).is_err());
    }
}
