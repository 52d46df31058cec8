//! Provenance of a figure: who published it, where, when.
//!
//! Records carry a [`Source`]; aggregates keep the set of sources they were built
//! from (tables store sources once, in a `Vec`, and refer to them by index).

use core::fmt;

use time::Date;

use crate::period::write_date;

/// Where a figure comes from: publisher, title, and optionally date, address (URL or
/// citation) and a note.
///
/// Built with [`Source::new`] and chained setters; displayed as a one-line citation
/// `Publisher, "Title", 2022-01-05, address (note)` with absent parts left out.
///
/// ```
/// use corridor::Source;
/// use time::macros::date;
/// let s = Source::new("Servicio Nacional de Migración (Panamá)", "Tránsito irregular por Darién 2023")
///     .date(date!(2024 - 01 - 05))
///     .address("https://www.migracion.gob.pa/")
///     .note("monthly totals");
/// assert_eq!(s.publication_date(), Some(date!(2024 - 01 - 05)));
/// assert_eq!(
///     s.to_string(),
///     "Servicio Nacional de Migración (Panamá), \"Tránsito irregular por Darién 2023\", 2024-01-05, \
///      https://www.migracion.gob.pa/ (monthly totals)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Source {
    publisher: String,
    title: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none", with = "iso_date")
    )]
    date: Option<Date>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    address: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    note: Option<String>,
}

impl Source {
    /// A source with its publisher and title; date, address and note are absent.
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new("IOM", "Displacement Tracking Matrix");
    /// assert_eq!(s.to_string(), "IOM, \"Displacement Tracking Matrix\"");
    /// ```
    #[must_use]
    pub fn new(publisher: impl Into<String>, title: impl Into<String>) -> Source {
        Source {
            publisher: publisher.into(),
            title: title.into(),
            date: None,
            address: None,
            note: None,
        }
    }

    /// Sets the publication date (read it back with [`Source::publication_date`]).
    ///
    /// ```
    /// use corridor::Source;
    /// use time::macros::date;
    /// let s = Source::new("UNHCR", "Americas update").date(date!(2022 - 01 - 05));
    /// assert_eq!(s.publication_date(), Some(date!(2022 - 01 - 05)));
    /// ```
    #[must_use]
    pub fn date(mut self, date: Date) -> Source {
        self.date = Some(date);
        self
    }

    /// Sets the address: a URL or a bibliographic citation (read it back with [`Source::address_str`]).
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new("UNHCR", "Americas update").address("https://data.unhcr.org/");
    /// assert_eq!(s.address_str(), Some("https://data.unhcr.org/"));
    /// ```
    #[must_use]
    pub fn address(mut self, address: impl Into<String>) -> Source {
        self.address = Some(address.into());
        self
    }

    /// Sets a free-text note (read it back with [`Source::note_str`]).
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new("UNHCR", "Americas update").note("figures rounded");
    /// assert_eq!(s.note_str(), Some("figures rounded"));
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Source {
        self.note = Some(note.into());
        self
    }

    /// The publisher.
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM").publisher(), "IOM");
    /// ```
    #[must_use]
    pub fn publisher(&self) -> &str {
        &self.publisher
    }

    /// The title.
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM").title(), "DTM");
    /// ```
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The publication date, if given (set with [`Source::date`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM").publication_date(), None);
    /// ```
    #[must_use]
    pub const fn publication_date(&self) -> Option<Date> {
        self.date
    }

    /// The address (URL or citation), if given (set with [`Source::address`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM").address_str(), None);
    /// ```
    #[must_use]
    pub fn address_str(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// The note, if given (set with [`Source::note`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM").note_str(), None);
    /// ```
    #[must_use]
    pub fn note_str(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl fmt::Display for Source {
    /// `Publisher, "Title", 2022-01-05, address (note)`, leaving out absent parts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, \"{}\"", self.publisher, self.title)?;
        if let Some(d) = self.date {
            f.write_str(", ")?;
            write_date(f, d)?;
        }
        if let Some(a) = &self.address {
            write!(f, ", {a}")?;
        }
        if let Some(n) = &self.note {
            write!(f, " ({n})")?;
        }
        Ok(())
    }
}

/// serde for `Option<Date>` as a `YYYY-MM-DD` string.
#[cfg(feature = "serde")]
mod iso_date {
    use time::Date;

    // serde's `with` passes the field by reference.
    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
    pub(super) fn serialize<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        struct Iso(Date);
        impl core::fmt::Display for Iso {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                crate::period::write_date(f, self.0)
            }
        }
        match date {
            Some(d) => s.collect_str(&Iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
        text.map(|t| crate::period::parse_iso_date(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn display_leaves_out_absent_parts() {
        let s = Source::new("SNM", "Irregulares en tránsito").note("provisional");
        assert_eq!(s.to_string(), "SNM, \"Irregulares en tránsito\" (provisional)");
        let s = Source::new("SNM", "T").date(date!(2021 - 08 - 15));
        assert_eq!(s.to_string(), "SNM, \"T\", 2021-08-15");
    }

    #[test]
    fn ordering_by_publisher_then_title() {
        let mut v = [Source::new("b", "a"), Source::new("a", "z"), Source::new("a", "b")];
        v.sort();
        assert_eq!(v.iter().map(Source::title).collect::<Vec<_>>(), ["b", "z", "a"]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip() {
        let s = Source::new("IOM", "DTM")
            .date(date!(2022 - 01 - 05))
            .address("https://dtm.iom.int/");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"publisher":"IOM","title":"DTM","date":"2022-01-05","address":"https://dtm.iom.int/"}"#
        );
        assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), s);
        let bad = r#"{"publisher":"IOM","title":"DTM","date":"2022-02-30"}"#;
        assert!(serde_json::from_str::<Source>(bad).is_err());
    }
}
