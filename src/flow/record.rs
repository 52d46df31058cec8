//! One observation of a flow: who, where, when, how many, according to whom.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
/// a [`Nationality::Group`] label, except text shaped like a code (two or three ASCII
/// letters or digits, or one digit) that is no code, which is an error. Labels are put
/// in Unicode normalisation form C first, so that a decomposed "Côte d'Ivoire" is
/// Côte d'Ivoire and the same group label is one group however it was encoded.
///
/// [`Nationality::from_label`] (and `FromStr`, and serde) accept any other label as a
/// new group, since a group written out must read back. The flow readers do not: there
/// a label that is no country or category must be a declared group
/// ([`ReadOptions::groups`](crate::io::ReadOptions::groups)), and
/// [`Nationality::from_known_label`] does the same for code of your own.
///
/// # Examples
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
/// It never names a country or a fixed category and is never shaped like a country
/// code, so a group and a country can never be confused when read back from text. It
/// is trimmed and in Unicode normalisation form C.
///
/// With the `serde` feature it is its label, checked by [`GroupName::new`] when deserialised.
///
/// # Examples
/// ```
/// use corridor::flow::{GroupName, Nationality};
/// let g = GroupName::new("Extra-continental")?;
/// assert_eq!(Nationality::group("Extra-continental")?, Nationality::Group(g.clone()));
/// assert_eq!(g.to_string(), "Extra-continental");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupName(String);

impl GroupName {
    /// A group label, checked as [`Nationality::group`] checks it.
    ///
    /// # Errors
    /// As [`Nationality::group`].
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::GroupName;
    ///
    /// let g = GroupName::new(" Haiti (plus Brazil and Chile) ")?;
    /// assert_eq!(g.as_str(), "Haiti (plus Brazil and Chile)");
    /// assert!(GroupName::new("Cuba").is_err());
    /// assert!(GroupName::new("XX").is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn new(label: impl AsRef<str>) -> crate::flow::Result<Self> {
        match Nationality::from_label(label.as_ref())? {
            Nationality::Group(g) => Ok(g),
            _ => Err(FlowError::GroupIsCountry {
                label: nfc(label.as_ref().trim()).into_owned(),
            }),
        }
    }

    /// The label, trimmed and in normalisation form C.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `s` in Unicode normalisation form C, borrowed when it already is (ASCII always is).
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Whether `t` has the shape of a country code: two or three ASCII letters or digits,
/// or a single digit.
fn looks_like_code(t: &str) -> bool {
    let b = t.as_bytes();
    ((2..=3).contains(&b.len()) && b.iter().all(u8::is_ascii_alphanumeric)) || (b.len() == 1 && b[0].is_ascii_digit())
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
    /// people are never counted under two keys); [`FlowError::NotACode`] when it is
    /// shaped like a country code (`"XX"`).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowError, Nationality};
    /// let g = Nationality::group("Haiti (plus Brazil and Chile)")?;
    /// assert_eq!(g.to_string(), "Haiti (plus Brazil and Chile)");
    /// // A country is never a group, so the same people are never counted under two keys.
    /// assert!(matches!(Nationality::group("Haiti"), Err(FlowError::GroupIsCountry { .. })));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn group(label: impl AsRef<str>) -> crate::flow::Result<Self> {
        GroupName::new(label).map(Self::Group)
    }

    /// Reads a label as found in published tables: an ISO code (alpha-2, alpha-3,
    /// numeric; `XK` / `XKX` for Kosovo) or an English country name gives
    /// [`Nationality::Country`]; "other", "others", "other countries", "other
    /// nationalities" give [`Nationality::Other`]; "unknown", "not stated" give
    /// [`Nationality::Unknown`]; any other label is a [`Nationality::Group`] — unless it
    /// is shaped like a code. The label is trimmed and put in normalisation form C first.
    ///
    /// Free text becomes a group, so a typo ("Venezula") is a group here: to refuse
    /// labels that were not declared, use [`Nationality::from_known_label`] (the flow
    /// readers do).
    ///
    /// # Errors
    /// [`FlowError::EmptyName`] for an empty label; [`FlowError::NotACode`] for text of
    /// two or three ASCII letters or digits (or one digit) that is no code (`"XX"`,
    /// `"999"`).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowError, Nationality};
    /// use corridor::Country;
    /// assert_eq!(Nationality::from_label("Côte d'Ivoire")?, Nationality::Country(Country::CIV));
    /// assert_eq!(Nationality::from_label(" not stated ")?, Nationality::Unknown);
    /// assert!(matches!(Nationality::from_label("XX"), Err(FlowError::NotACode { .. })));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_label(label: &str) -> crate::flow::Result<Self> {
        let normal = nfc(label.trim());
        let label = normal.trim();
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
        if looks_like_code(label) {
            return Err(FlowError::NotACode {
                label: label.to_owned(),
            });
        }
        Ok(Self::Group(GroupName(label.to_owned())))
    }

    /// Reads a label as [`Nationality::from_label`] does, but accepts a group only when
    /// it is one of `groups`: a label that is no country, code or fixed category and
    /// was not declared (a typo such as "Venezula") is an error instead of a new group.
    ///
    /// # Errors
    /// As [`Nationality::from_label`], and [`FlowError::UnknownNationality`] for a
    /// label that would be a group not in `groups`.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{GroupName, Nationality};
    ///
    /// let groups = [GroupName::new("Haiti (plus Brazil and Chile)")?];
    /// assert_eq!(Nationality::from_known_label("Venezuela", &groups)?.to_string(), "VEN");
    /// assert!(matches!(
    ///     Nationality::from_known_label("Haiti (plus Brazil and Chile)", &groups)?,
    ///     Nationality::Group(_)
    /// ));
    /// assert!(Nationality::from_known_label("Venezula", &groups).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_known_label(label: &str, groups: &[GroupName]) -> crate::flow::Result<Self> {
        match Self::from_label(label)? {
            Self::Group(g) if !groups.contains(&g) => Err(FlowError::UnknownNationality { label: g.0 }),
            n => Ok(n),
        }
    }

    /// The country, for [`Nationality::Country`].
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::Nationality;
    /// use corridor::Country;
    /// assert_eq!(Nationality::from_label("Venezuela")?.country(), Some(Country::VEN));
    /// assert_eq!(Nationality::Other.country(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
impl serde::Serialize for GroupName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for GroupName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        GroupName::new(s.as_ref()).map_err(serde::de::Error::custom)
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
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::Direction;
    /// // Aliases are read case-insensitively; the canonical word is written back.
    /// assert_eq!("North".parse::<Direction>()?, Direction::Northbound);
    /// assert_eq!(Direction::Southbound.to_string(), "southbound");
    /// assert_eq!(Direction::Northbound.as_str(), "northbound");
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::Sex;
    /// assert_eq!("women".parse::<Sex>()?, Sex::Female);
    /// assert_eq!(Sex::Male.to_string(), "m"); // the HXL attribute's letter
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::AgeGroup;
    /// assert_eq!("minors".parse::<AgeGroup>()?, AgeGroup::Children);
    /// assert_eq!(AgeGroup::Adults.as_str(), "adults");
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
/// # Examples
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
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{AgeGroup, Direction, FlowRecord, Location, Sex};
    /// use corridor::Count;
    /// let r = FlowRecord::new("2021-08".parse()?, "about 1,200".parse()?)
    ///     .nationality("HTI".parse()?)
    ///     .location(Location::new("Bajo Chiquito")?)
    ///     .direction(Direction::Northbound)
    ///     .sex(Sex::Female)
    ///     .age(AgeGroup::Children);
    /// assert_eq!(r.count(), &Count::about(1200));
    /// assert_eq!(r.period().to_string(), "2021-08");
    /// assert_eq!(r.location_ref().map(|l| l.name()), Some("Bajo Chiquito"));
    /// assert_eq!((r.direction_value(), r.sex_value(), r.age_value()), (Some(Direction::Northbound), Some(Sex::Female), Some(AgeGroup::Children)));
    /// assert!(r.source_ref().is_none());
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
    fn code_shaped_labels_must_be_codes() {
        for s in ["XX", "xx", "ZZZ", "999", "0", "A1", " QQ "] {
            let e = Nationality::from_label(s).unwrap_err();
            assert!(matches!(e, FlowError::NotACode { .. }), "{s:?}: {e}");
            assert!(Nationality::group(s).is_err(), "{s:?}");
        }
        assert_eq!(
            Nationality::from_label("XX").unwrap_err().to_string(),
            "\"XX\" is shaped like a country code but is none (nor a country name)"
        );
        // Codes and names of that shape still resolve; Kosovo's user-assigned codes too.
        for (s, want) in [
            ("UK", "GBR"),
            ("USA", "USA"),
            ("DRC", "COD"),
            ("XK", "XKX"),
            ("4", "AFG"),
        ] {
            assert_eq!(Nationality::from_label(s).unwrap().to_string(), want, "{s:?}");
        }
        // Longer or non-alphanumeric text is a group.
        assert!(matches!(Nationality::from_label("Xxxx"), Ok(Nationality::Group(_))));
        assert!(matches!(Nationality::from_label("X"), Ok(Nationality::Group(_))));
    }

    #[test]
    fn labels_are_normalised_to_nfc() {
        let nfd = "Co\u{302}te d'Ivoire";
        assert_eq!(Nationality::from_label(nfd).unwrap().to_string(), "CIV");
        let composed = Nationality::group("Ha\u{ef}ti (plus Br\u{e9}sil)").unwrap();
        let decomposed = Nationality::group("Hai\u{308}ti (plus Bre\u{301}sil)").unwrap();
        assert_eq!(composed, decomposed);
        assert_eq!(decomposed.to_string(), "Ha\u{ef}ti (plus Br\u{e9}sil)");
    }

    #[test]
    fn known_labels_only() {
        let groups = [GroupName::new("Haiti (plus Brazil and Chile)").unwrap()];
        assert!(matches!(
            Nationality::from_known_label(" Haiti (plus Brazil and Chile)", &groups),
            Ok(Nationality::Group(_))
        ));
        assert_eq!(Nationality::from_known_label("other", &[]), Ok(Nationality::Other));
        let e = Nationality::from_known_label("Venezula", &groups).unwrap_err();
        assert_eq!(
            e,
            FlowError::UnknownNationality {
                label: "Venezula".into()
            }
        );
        assert!(matches!(
            Nationality::from_known_label("XX", &groups),
            Err(FlowError::NotACode { .. })
        ));
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
