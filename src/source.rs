//! Provenance of a figure: who published it, where, when.
//!
//! Records carry a [`Source`]; aggregates keep the set of sources they were built
//! from (tables store sources once, in a `Vec`, and refer to them by index).

use core::fmt;

use time::Date;

use crate::period::write_date;

/// Why a [`Source`] could not be built.
///
/// # Examples
/// ```
/// use corridor::{Source, SourceError};
/// let err = Source::new("  ", "Monthly transits").unwrap_err();
/// assert!(matches!(err, SourceError::EmptyPublisher { .. }));
/// assert_eq!(err.to_string(), "a source needs a publisher (got \"  \")");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The publisher is empty after trimming: a source must say who published the figure.
    #[error("a source needs a publisher (got {publisher:?})")]
    EmptyPublisher {
        /// The text that was given.
        publisher: String,
    },
}

/// Where a figure comes from: publisher, title, and optionally date, address (URL or
/// citation) and a note.
///
/// Built with [`Source::new`] and chained setters; displayed as a one-line citation
/// `Publisher, "Title", 2022-01-05, address (note)` with absent parts left out.
///
/// Every text part is trimmed when it is set, the publisher must not be empty, and an
/// empty address or note is no address or note: a source is stored as it is written
/// out, so that writing a table and reading it back gives the same sources. With the
/// `serde` feature, deserialising goes through the same checks.
///
/// ```
/// use corridor::Source;
/// use time::macros::date;
/// let s = Source::new("Servicio Nacional de Migración (Panamá)", "Tránsito irregular por Darién 2023")?
///     .date(date!(2024 - 01 - 05))
///     .address("https://www.migracion.gob.pa/")
///     .note("monthly totals");
/// assert_eq!(s.publication_date(), Some(date!(2024 - 01 - 05)));
/// assert_eq!(
///     s.to_string(),
///     "Servicio Nacional de Migración (Panamá), \"Tránsito irregular por Darién 2023\", 2024-01-05, \
///      https://www.migracion.gob.pa/ (monthly totals)"
/// );
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields, try_from = "serde_repr::SourceRepr"))]
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
    /// A source with its publisher and title (both trimmed; the title may be empty);
    /// date, address and note are absent.
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new(" IOM ", "Displacement Tracking Matrix")?;
    /// assert_eq!(s.to_string(), "IOM, \"Displacement Tracking Matrix\"");
    /// assert!(Source::new("  ", "Untitled").is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`SourceError::EmptyPublisher`] when the publisher is empty after trimming.
    pub fn new(publisher: impl AsRef<str>, title: impl AsRef<str>) -> Result<Source, SourceError> {
        let p = publisher.as_ref().trim();
        if p.is_empty() {
            return Err(SourceError::EmptyPublisher {
                publisher: publisher.as_ref().to_owned(),
            });
        }
        Ok(Source {
            publisher: p.to_owned(),
            title: title.as_ref().trim().to_owned(),
            date: None,
            address: None,
            note: None,
        })
    }

    /// Sets the publication date (read it back with [`Source::publication_date`]).
    ///
    /// ```
    /// use corridor::Source;
    /// use time::macros::date;
    /// let s = Source::new("UNHCR", "Americas update")?.date(date!(2022 - 01 - 05));
    /// assert_eq!(s.publication_date(), Some(date!(2022 - 01 - 05)));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn date(mut self, date: Date) -> Source {
        self.date = Some(date);
        self
    }

    /// Sets the address: a URL or a bibliographic citation, trimmed (read it back with
    /// [`Source::address_str`]). An empty address removes it.
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new("UNHCR", "Americas update")?.address(" https://data.unhcr.org/ ");
    /// assert_eq!(s.address_str(), Some("https://data.unhcr.org/"));
    /// assert_eq!(s.address("").address_str(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn address(mut self, address: impl AsRef<str>) -> Source {
        self.address = non_empty(address.as_ref());
        self
    }

    /// Sets a free-text note, trimmed (read it back with [`Source::note_str`]). An empty
    /// note removes it.
    ///
    /// ```
    /// use corridor::Source;
    /// let s = Source::new("UNHCR", "Americas update")?.note("figures rounded");
    /// assert_eq!(s.note_str(), Some("figures rounded"));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl AsRef<str>) -> Source {
        self.note = non_empty(note.as_ref());
        self
    }

    /// The publisher.
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM")?.publisher(), "IOM");
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn publisher(&self) -> &str {
        &self.publisher
    }

    /// The title.
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM")?.title(), "DTM");
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The publication date, if given (set with [`Source::date`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM")?.publication_date(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub const fn publication_date(&self) -> Option<Date> {
        self.date
    }

    /// The address (URL or citation), if given (set with [`Source::address`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM")?.address_str(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn address_str(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// The note, if given (set with [`Source::note`]).
    ///
    /// ```
    /// assert_eq!(corridor::Source::new("IOM", "DTM")?.note_str(), None);
    /// # Ok::<(), corridor::Error>(())
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

/// The trimmed text, or `None` when it is empty.
fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The shape a source deserialises from, checked by [`Source::new`] and the setters.
#[cfg(feature = "serde")]
mod serde_repr {
    use time::Date;

    use super::{Source, SourceError};

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct SourceRepr {
        publisher: String,
        title: String,
        #[serde(default, with = "super::iso_date")]
        date: Option<Date>,
        #[serde(default)]
        address: Option<String>,
        #[serde(default)]
        note: Option<String>,
    }

    impl TryFrom<SourceRepr> for Source {
        type Error = SourceError;

        fn try_from(r: SourceRepr) -> Result<Source, SourceError> {
            let mut s = Source::new(r.publisher, r.title)?;
            s.date = r.date;
            if let Some(a) = r.address {
                s = s.address(a);
            }
            if let Some(n) = r.note {
                s = s.note(n);
            }
            Ok(s)
        }
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
        let s = Source::new("SNM", "Irregulares en tránsito")
            .unwrap()
            .note("provisional");
        assert_eq!(s.to_string(), "SNM, \"Irregulares en tránsito\" (provisional)");
        let s = Source::new("SNM", "T").unwrap().date(date!(2021 - 08 - 15));
        assert_eq!(s.to_string(), "SNM, \"T\", 2021-08-15");
    }

    #[test]
    fn parts_are_trimmed_and_the_publisher_is_required() {
        let s = Source::new(" SNM\t", " T \r\n").unwrap().address("  ").note(" n ");
        assert_eq!(
            (s.publisher(), s.title(), s.address_str(), s.note_str()),
            ("SNM", "T", None, Some("n"))
        );
        for p in ["", " ", "\r\n", "\u{3000}"] {
            assert_eq!(
                Source::new(p, "T"),
                Err(SourceError::EmptyPublisher {
                    publisher: p.to_owned()
                }),
                "{p:?}"
            );
        }
        assert_eq!(
            Source::new("", "T").unwrap_err().to_string(),
            "a source needs a publisher (got \"\")"
        );
    }

    #[test]
    fn ordering_by_publisher_then_title() {
        let src = |p: &str, t: &str| Source::new(p, t).unwrap();
        let mut v = [src("b", "a"), src("a", "z"), src("a", "b")];
        v.sort();
        assert_eq!(v.iter().map(Source::title).collect::<Vec<_>>(), ["b", "z", "a"]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip() {
        let s = Source::new("IOM", "DTM")
            .unwrap()
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
        // Deserialising goes through the constructor and the setters.
        let e = serde_json::from_str::<Source>(r#"{"publisher":" ","title":"DTM"}"#).unwrap_err();
        assert!(e.to_string().starts_with("a source needs a publisher"), "{e}");
        let s: Source = serde_json::from_str(r#"{"publisher":" IOM ","title":"DTM","note":""}"#).unwrap();
        assert_eq!(s, Source::new("IOM", "DTM").unwrap());
        assert!(serde_json::from_str::<Source>(r#"{"publisher":"IOM","title":"DTM","x":1}"#).is_err());
    }
}
