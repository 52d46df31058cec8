//! Named places on a corridor.

use std::fmt;

use super::FlowError;
use crate::Country;

word_enum! {
    /// What kind of place a [`Location`] is.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{Location, LocationKind};
    /// assert_eq!("reception station".parse::<LocationKind>()?, LocationKind::ReceptionStation);
    /// assert_eq!(LocationKind::ReceptionStation.to_string(), "reception_station");
    /// let erm = Location::new("Lajas Blancas")?.kind(LocationKind::ReceptionStation);
    /// assert_eq!(erm.location_kind(), LocationKind::ReceptionStation);
    /// assert_eq!(Location::new("Acandí")?.location_kind(), LocationKind::Unspecified);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub enum LocationKind {
        /// Not stated.
        Unspecified => "unspecified",
        /// A place where people cross a border or a natural barrier (for example a jungle trail head).
        CrossingPoint => "crossing_point" | "crossing point",
        /// A migrant reception station (for example Panama's ERM Lajas Blancas).
        ReceptionStation => "reception_station" | "reception station",
        /// An official border post.
        BorderPost => "border_post" | "border post",
        /// A city or town.
        City => "city" | "town",
        /// A province, department or other administrative area.
        Region => "region",
    }
    error: FlowError = |text| FlowError::UnknownWord { what: "location kind", text: text.to_owned() };
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro that cannot take #[default]
impl Default for LocationKind {
    /// [`LocationKind::Unspecified`].
    fn default() -> Self {
        Self::Unspecified
    }
}

/// A named place with its country and kind.
///
/// Two locations are equal when name, country and kind are equal. The name is
/// trimmed and must not be empty; with the `serde` feature, deserialising goes through
/// [`Location::new`], so a blank name is an error there too.
///
/// # Examples
/// ```
/// use corridor::flow::{Location, LocationKind};
/// use corridor::Country;
///
/// let bajo = Location::new("Bajo Chiquito")?
///     .in_country("PAN".parse::<Country>()?)
///     .kind(LocationKind::ReceptionStation);
/// assert_eq!(bajo.name(), "Bajo Chiquito");
/// assert_eq!(bajo.country().map(|c| c.alpha3()), Some("PAN"));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "serde_repr::LocationRepr"))]
pub struct Location {
    name: String,
    country: Option<Country>,
    kind: LocationKind,
}

impl Location {
    /// A location of unspecified kind and country.
    ///
    /// # Errors
    /// [`FlowError::EmptyName`] when the name is empty after trimming.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::Location;
    /// use corridor::Country;
    /// let lajas = Location::new(" Lajas Blancas ")?.in_country(Country::PAN);
    /// assert_eq!((lajas.name(), lajas.country()), ("Lajas Blancas", Some(Country::PAN)));
    /// assert!(Location::new("").is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn new(name: impl AsRef<str>) -> crate::flow::Result<Self> {
        let name = name.as_ref().trim();
        if name.is_empty() {
            return Err(FlowError::EmptyName { what: "location" });
        }
        Ok(Self {
            name: name.to_owned(),
            country: None,
            kind: LocationKind::Unspecified,
        })
    }

    /// The same location, in `country`.
    #[must_use]
    pub fn in_country(mut self, country: Country) -> Self {
        self.country = Some(country);
        self
    }

    /// The same location, of kind `kind`.
    #[must_use]
    pub fn kind(mut self, kind: LocationKind) -> Self {
        self.kind = kind;
        self
    }

    /// The name, trimmed.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The country, if known.
    #[must_use]
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The kind of place.
    #[must_use]
    pub fn location_kind(&self) -> LocationKind {
        self.kind
    }
}

impl fmt::Display for Location {
    /// The name, followed by the country's alpha-3 code in parentheses when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.country {
            Some(c) => write!(f, "{} ({})", self.name, c.alpha3()),
            None => f.write_str(&self.name),
        }
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    //! The shape a location deserialises from, checked by [`Location::new`].
    use super::{Location, LocationKind};
    use crate::Country;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct LocationRepr {
        name: String,
        #[serde(default)]
        country: Option<Country>,
        #[serde(default)]
        kind: LocationKind,
    }

    impl TryFrom<LocationRepr> for Location {
        type Error = crate::flow::FlowError;

        fn try_from(r: LocationRepr) -> crate::flow::Result<Location> {
            let mut l = Location::new(r.name)?.kind(r.kind);
            l.country = r.country;
            Ok(l)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_name_is_an_error() {
        let e = Location::new("  ").unwrap_err();
        assert_eq!(e.to_string(), "location name is empty");
    }

    #[test]
    fn display_names_country() {
        let l = Location::new(" Necoclí ").unwrap().in_country("COL".parse().unwrap());
        assert_eq!(l.to_string(), "Necoclí (COL)");
        assert_eq!(l.location_kind(), LocationKind::Unspecified);
    }
}
