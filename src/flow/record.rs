//! One observation of a flow: who, where, when, how many, according to whom.

use std::fmt;
use std::str::FromStr;

use super::{FlowError, Location};
use crate::{Count, Country, Period, Source};

/// The nationality of a group of people.
///
/// A nationality is a [`Country`]. Data that groups people otherwise — "Haiti (plus
/// Brazil and Chile)" for children born in Chile or Brazil to Haitian parents,
/// "Other countries" — gets an explicit category, never a fake country.
///
/// Text forms (`Display` and `FromStr` round-trip): a country is written as its
/// alpha-3 code; `other` and `unknown` are the two fixed categories; anything else is
/// a [`Nationality::Group`] label.
///
/// # Example
/// ```
/// use corridor::flow::Nationality;
///
/// assert_eq!("VEN".parse::<Nationality>()?.to_string(), "VEN");
/// assert_eq!(Nationality::from_label("Venezuela")?.to_string(), "VEN");
/// assert_eq!(Nationality::from_label("Other Countries")?, Nationality::Other);
/// let haiti_plus = Nationality::from_label("Haiti (plus Brazil and Chile)")?;
/// assert!(matches!(haiti_plus, Nationality::Group(_)));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Nationality {
    /// Citizens of one country.
    Country(Country),
    /// A named group that is not one country. Build it with [`Nationality::group`].
    Group(GroupName),
    /// Every nationality not listed separately ("Other", "Other countries").
    Other,
    /// Nationality not recorded.
    Unknown,
}

/// The label of a nationality group that is not one country; see [`Nationality::group`].
///
/// It never names a country or a fixed category, so a group and a country can never
/// be confused when read back from text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupName(String);

impl GroupName {
    /// The label, trimmed.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GroupName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Nationality {
    /// A named group that is not one country.
    ///
    /// # Errors
    /// [`FlowError::EmptyName`] for an empty label; [`FlowError::GroupIsCountry`] when the
    /// label names a country or a fixed category (use those instead, so that the same
    /// people are never counted under two keys).
    pub fn group(label: impl AsRef<str>) -> crate::flow::Result<Self> {
        let label = label.as_ref().trim();
        match Self::from_label(label)? {
            g @ Self::Group(_) => Ok(g),
            _ => Err(FlowError::GroupIsCountry {
                label: label.to_owned(),
            }),
        }
    }

    /// Reads a label as found in published tables: an ISO code (alpha-2, alpha-3,
    /// numeric) or an English country name gives [`Nationality::Country`]; "other",
    /// "others", "other countries", "other nationalities" give [`Nationality::Other`];
    /// "unknown", "not stated" give [`Nationality::Unknown`]; any other label is a
    /// [`Nationality::Group`].
    ///
    /// # Errors
    /// [`FlowError::EmptyName`] for an empty label.
    pub fn from_label(label: &str) -> crate::flow::Result<Self> {
        let label = label.trim();
        if label.is_empty() {
            return Err(FlowError::EmptyName { what: "nationality" });
        }
        let lower = label.to_ascii_lowercase();
        match lower.as_str() {
            "other" | "others" | "other countries" | "other nationalities" => return Ok(Self::Other),
            "unknown" | "not stated" | "n/a" => return Ok(Self::Unknown),
            _ => {}
        }
        if let Ok(c) = label.parse::<Country>() {
            return Ok(Self::Country(c));
        }
        if let Ok(c) = Country::from_name(label) {
            return Ok(Self::Country(c));
        }
        Ok(Self::Group(GroupName(label.to_owned())))
    }

    /// The country, for [`Nationality::Country`].
    #[must_use]
    pub fn country(&self) -> Option<Country> {
        match self {
            Self::Country(c) => Some(*c),
            _ => None,
        }
    }
}

impl From<Country> for Nationality {
    fn from(c: Country) -> Self {
        Self::Country(c)
    }
}

impl fmt::Display for Nationality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Country(c) => f.write_str(c.alpha3()),
            Self::Group(g) => f.write_str(g.as_str()),
            Self::Other => f.write_str("other"),
            Self::Unknown => f.write_str("unknown"),
        }
    }
}

impl FromStr for Nationality {
    type Err = FlowError;

    /// Same as [`Nationality::from_label`].
    fn from_str(s: &str) -> crate::flow::Result<Self> {
        Self::from_label(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Nationality {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Nationality {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

word_enum! {
    /// Direction of travel along a corridor.
    pub enum Direction {
        /// Towards the north (Colombia → Panama → Costa Rica → …).
        Northbound => "northbound" | "north" | "n",
        /// Towards the south (returns, "reverse migration").
        Southbound => "southbound" | "south" | "s",
    }
    error: FlowError = |text| FlowError::UnknownWord { what: "direction", text: text.to_owned() };
}

word_enum! {
    /// Sex of the people counted (HXL attributes `+f` / `+m`).
    pub enum Sex {
        /// Women and girls.
        Female => "f" | "female" | "women",
        /// Men and boys.
        Male => "m" | "male" | "men",
    }
    error: FlowError = |text| FlowError::UnknownWord { what: "sex", text: text.to_owned() };
}

word_enum! {
    /// Age group of the people counted (HXL attributes `+children` / `+adults`).
    pub enum AgeGroup {
        /// Under 18.
        Children => "children" | "child" | "minors",
        /// 18 and over.
        Adults => "adults" | "adult",
    }
    error: FlowError = |text| FlowError::UnknownWord { what: "age group", text: text.to_owned() };
}

/// One observation: a [`Count`] of people in a [`Period`], with optional nationality,
/// place, direction, sex, age group and [`Source`].
///
/// An absent attribute means "all": a record without a nationality counts people of
/// every nationality.
///
/// # Example
/// ```
/// use corridor::flow::{Direction, FlowRecord, Nationality};
///
/// let r = FlowRecord::new("2021-08".parse()?, "over 60".parse()?)
///     .nationality("HTI".parse::<Nationality>()?)
///     .direction(Direction::Northbound);
/// assert_eq!(r.count().lower(), 61);
/// assert_eq!(r.period().to_string(), "2021-08");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FlowRecord {
    period: Period,
    count: Count,
    nationality: Option<Nationality>,
    location: Option<Location>,
    direction: Option<Direction>,
    sex: Option<Sex>,
    age: Option<AgeGroup>,
    source: Option<Source>,
}

impl FlowRecord {
    /// A record of `count` people in `period`, with no other attribute.
    #[must_use]
    pub fn new(period: Period, count: Count) -> Self {
        Self {
            period,
            count,
            nationality: None,
            location: None,
            direction: None,
            sex: None,
            age: None,
            source: None,
        }
    }

    /// With a nationality.
    #[must_use]
    pub fn nationality(mut self, nationality: Nationality) -> Self {
        self.nationality = Some(nationality);
        self
    }

    /// With a place.
    #[must_use]
    pub fn location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// With a direction of travel.
    #[must_use]
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }

    /// With a sex.
    #[must_use]
    pub fn sex(mut self, sex: Sex) -> Self {
        self.sex = Some(sex);
        self
    }

    /// With an age group.
    #[must_use]
    pub fn age(mut self, age: AgeGroup) -> Self {
        self.age = Some(age);
        self
    }

    /// With a source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        self.source = Some(source);
        self
    }

    /// The record's fields, moved out.
    pub(crate) fn into_parts(self) -> Parts {
        Parts {
            period: self.period,
            count: self.count,
            nationality: self.nationality,
            location: self.location,
            direction: self.direction,
            sex: self.sex,
            age: self.age,
            source: self.source,
        }
    }

    /// The period the count covers.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The number of people, with its precision.
    #[must_use]
    pub fn count(&self) -> &Count {
        &self.count
    }

    /// The nationality, if the record is for one.
    #[must_use]
    pub fn nationality_ref(&self) -> Option<&Nationality> {
        self.nationality.as_ref()
    }

    /// The place, if the record is for one.
    #[must_use]
    pub fn location_ref(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The direction of travel, if recorded.
    #[must_use]
    pub fn direction_value(&self) -> Option<Direction> {
        self.direction
    }

    /// The sex, if the record is for one.
    #[must_use]
    pub fn sex_value(&self) -> Option<Sex> {
        self.sex
    }

    /// The age group, if the record is for one.
    #[must_use]
    pub fn age_value(&self) -> Option<AgeGroup> {
        self.age
    }

    /// The source, if recorded.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// The fields of a [`FlowRecord`], for the table that stores them by column.
#[derive(Debug)]
pub(crate) struct Parts {
    pub(crate) period: Period,
    pub(crate) count: Count,
    pub(crate) nationality: Option<Nationality>,
    pub(crate) location: Option<Location>,
    pub(crate) direction: Option<Direction>,
    pub(crate) sex: Option<Sex>,
    pub(crate) age: Option<AgeGroup>,
    pub(crate) source: Option<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(Nationality::from_label("Other").unwrap(), Nationality::Other);
        assert_eq!(Nationality::from_label(" unknown ").unwrap(), Nationality::Unknown);
        assert_eq!(
            Nationality::from_label("Haiti").unwrap().country().unwrap().alpha3(),
            "HTI"
        );
        assert!(Nationality::from_label("").is_err());
    }

    #[test]
    fn group_that_is_a_country_is_an_error() {
        let e = Nationality::group("Cuba").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"Cuba\" names a country or a fixed category, not a group"
        );
        assert!(Nationality::group("Haiti (plus Brazil and Chile)").is_ok());
    }

    #[test]
    fn display_from_str_round_trip() {
        for n in [
            Nationality::Other,
            Nationality::Unknown,
            Nationality::Country("ECU".parse().unwrap()),
            Nationality::group("Haiti (plus Brazil and Chile)").unwrap(),
        ] {
            assert_eq!(n.to_string().parse::<Nationality>().unwrap(), n);
        }
    }

    #[test]
    fn words() {
        assert_eq!("F".parse::<Sex>().unwrap(), Sex::Female);
        assert_eq!("Northbound".parse::<Direction>().unwrap(), Direction::Northbound);
        assert_eq!("adults".parse::<AgeGroup>().unwrap(), AgeGroup::Adults);
        let e = "sideways".parse::<Direction>().unwrap_err();
        assert_eq!(e.to_string(), "unknown direction \"sideways\"");
        for d in Direction::ALL {
            assert_eq!(d.to_string().parse::<Direction>().unwrap(), d);
        }
    }
}
