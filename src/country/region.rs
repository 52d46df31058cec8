//! UN M49 geographic regions: region, sub-region and intermediate region.
//!
//! The names and numeric codes are those of the UN Statistics Division's
//! "Standard country or area codes for statistical use" (M49).

use super::CountryError;

/// Defines an M49 grouping enum: a [`word_enum!`] whose words are the M49 English names and which
/// also parses the M49 numeric code, with `m49()` giving that code.
macro_rules! m49_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $text:literal) ),+ $(,)?
        }
    ) => {
        word_enum! {
            $(#[$meta])*
            #[non_exhaustive]
            pub enum $name {
                $( $(#[$vmeta])* $variant => $text, )+
            }
            error: CountryError = |text| CountryError::UnknownRegion { kind: $kind, name: text.to_owned() };
            fallback: |trimmed| Self::from_m49_text(trimmed);
        }

        impl $name {
            /// The three-digit M49 numeric code, e.g. `419` for Latin America and the Caribbean.
            #[must_use]
            pub const fn m49(self) -> u16 {
                match self { $( $name::$variant => $code, )+ }
            }

            /// The value whose M49 code is `text` (one to three ASCII digits).
            fn from_m49_text(text: &str) -> Option<Self> {
                if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let code = text.parse::<u16>().ok()?;
                Self::ALL.into_iter().find(|v| v.m49() == code)
            }
        }
    };
}

m49_enum! {
    /// A UN M49 region (continent), the top level below "World".
    ///
    /// Display prints the M49 English name and [`FromStr`](std::str::FromStr) parses it back
    /// (case-insensitively) or from the M49 code.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::{Country, Region};
    ///
    /// let region: Region = "americas".parse()?;
    /// assert_eq!(Country::PAN.region(), Some(region));
    /// assert_eq!(region.to_string(), "Americas");
    /// assert_eq!(region.m49(), 19);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    Region, "region" {
        /// Africa (M49 002).
        Africa = (2, "Africa"),
        /// The Americas (M49 019).
        Americas = (19, "Americas"),
        /// Asia (M49 142).
        Asia = (142, "Asia"),
        /// Europe (M49 150).
        Europe = (150, "Europe"),
        /// Oceania (M49 009).
        Oceania = (9, "Oceania"),
    }
}

m49_enum! {
    /// A UN M49 sub-region, e.g. Latin America and the Caribbean or Southern Asia.
    ///
    /// Display prints the M49 English name and [`FromStr`](std::str::FromStr) parses it back
    /// (case-insensitively) or from the M49 code.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::{Country, Region, SubRegion};
    ///
    /// let sub: SubRegion = "Latin America and the Caribbean".parse()?;
    /// assert_eq!(Country::COL.sub_region(), Some(sub));
    /// assert_eq!(sub.region(), Region::Americas);
    /// assert_eq!(sub.m49(), 419);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    SubRegion, "sub-region" {
        /// Northern Africa (M49 015).
        NorthernAfrica = (15, "Northern Africa"),
        /// Sub-Saharan Africa (M49 202).
        SubSaharanAfrica = (202, "Sub-Saharan Africa"),
        /// Latin America and the Caribbean (M49 419).
        LatinAmericaAndTheCaribbean = (419, "Latin America and the Caribbean"),
        /// Northern America (M49 021).
        NorthernAmerica = (21, "Northern America"),
        /// Central Asia (M49 143).
        CentralAsia = (143, "Central Asia"),
        /// Eastern Asia (M49 030).
        EasternAsia = (30, "Eastern Asia"),
        /// South-eastern Asia (M49 035).
        SouthEasternAsia = (35, "South-eastern Asia"),
        /// Southern Asia (M49 034).
        SouthernAsia = (34, "Southern Asia"),
        /// Western Asia (M49 145).
        WesternAsia = (145, "Western Asia"),
        /// Eastern Europe (M49 151).
        EasternEurope = (151, "Eastern Europe"),
        /// Northern Europe (M49 154).
        NorthernEurope = (154, "Northern Europe"),
        /// Southern Europe (M49 039).
        SouthernEurope = (39, "Southern Europe"),
        /// Western Europe (M49 155).
        WesternEurope = (155, "Western Europe"),
        /// Australia and New Zealand (M49 053).
        AustraliaAndNewZealand = (53, "Australia and New Zealand"),
        /// Melanesia (M49 054).
        Melanesia = (54, "Melanesia"),
        /// Micronesia, the region (M49 057).
        Micronesia = (57, "Micronesia"),
        /// Polynesia (M49 061).
        Polynesia = (61, "Polynesia"),
    }
}

m49_enum! {
    /// A UN M49 intermediate region, which M49 defines inside some sub-regions only
    /// (Sub-Saharan Africa, Latin America and the Caribbean, Northern Europe).
    ///
    /// Display prints the M49 English name and [`FromStr`](std::str::FromStr) parses it back
    /// (case-insensitively) or from the M49 code.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::{Country, IntermediateRegion, SubRegion};
    ///
    /// let central: IntermediateRegion = "central america".parse()?;
    /// assert_eq!(Country::PAN.intermediate_region(), Some(central));
    /// assert_eq!(central.sub_region(), SubRegion::LatinAmericaAndTheCaribbean);
    /// assert_eq!(central.m49(), 13);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    IntermediateRegion, "intermediate region" {
        /// Eastern Africa (M49 014).
        EasternAfrica = (14, "Eastern Africa"),
        /// Middle Africa (M49 017).
        MiddleAfrica = (17, "Middle Africa"),
        /// Southern Africa (M49 018).
        SouthernAfrica = (18, "Southern Africa"),
        /// Western Africa (M49 011).
        WesternAfrica = (11, "Western Africa"),
        /// The Caribbean (M49 029).
        Caribbean = (29, "Caribbean"),
        /// Central America, Mexico included (M49 013).
        CentralAmerica = (13, "Central America"),
        /// South America (M49 005).
        SouthAmerica = (5, "South America"),
        /// The Channel Islands (M49 830).
        ChannelIslands = (830, "Channel Islands"),
    }
}

impl SubRegion {
    /// The M49 region this sub-region belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::{Region, SubRegion};
    ///
    /// assert_eq!(SubRegion::NorthernAmerica.region(), Region::Americas);
    /// ```
    #[must_use]
    pub const fn region(self) -> Region {
        match self {
            SubRegion::NorthernAfrica | SubRegion::SubSaharanAfrica => Region::Africa,
            SubRegion::LatinAmericaAndTheCaribbean | SubRegion::NorthernAmerica => Region::Americas,
            SubRegion::CentralAsia
            | SubRegion::EasternAsia
            | SubRegion::SouthEasternAsia
            | SubRegion::SouthernAsia
            | SubRegion::WesternAsia => Region::Asia,
            SubRegion::EasternEurope
            | SubRegion::NorthernEurope
            | SubRegion::SouthernEurope
            | SubRegion::WesternEurope => Region::Europe,
            SubRegion::AustraliaAndNewZealand | SubRegion::Melanesia | SubRegion::Micronesia | SubRegion::Polynesia => {
                Region::Oceania
            }
        }
    }
}

impl IntermediateRegion {
    /// The M49 sub-region this intermediate region belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::{IntermediateRegion, SubRegion};
    ///
    /// assert_eq!(
    ///     IntermediateRegion::Caribbean.sub_region(),
    ///     SubRegion::LatinAmericaAndTheCaribbean
    /// );
    /// ```
    #[must_use]
    pub const fn sub_region(self) -> SubRegion {
        match self {
            IntermediateRegion::EasternAfrica
            | IntermediateRegion::MiddleAfrica
            | IntermediateRegion::SouthernAfrica
            | IntermediateRegion::WesternAfrica => SubRegion::SubSaharanAfrica,
            IntermediateRegion::Caribbean | IntermediateRegion::CentralAmerica | IntermediateRegion::SouthAmerica => {
                SubRegion::LatinAmericaAndTheCaribbean
            }
            IntermediateRegion::ChannelIslands => SubRegion::NorthernEurope,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Codes and parents from the UN M49 overview table
    // (unstats.un.org/unsd/methodology/m49/overview).
    #[test]
    fn m49_codes_and_parents() {
        assert_eq!(Region::Asia.m49(), 142);
        assert_eq!(SubRegion::SouthernAsia.m49(), 34);
        assert_eq!(SubRegion::SouthernAsia.region(), Region::Asia);
        assert_eq!(IntermediateRegion::SouthAmerica.m49(), 5);
        assert_eq!(
            IntermediateRegion::ChannelIslands.sub_region(),
            SubRegion::NorthernEurope
        );
    }

    #[test]
    fn display_from_str_round_trip() {
        for r in Region::ALL {
            assert_eq!(r.to_string().parse::<Region>(), Ok(r));
            assert_eq!(r.m49().to_string().parse::<Region>(), Ok(r));
        }
        for r in SubRegion::ALL {
            assert_eq!(r.to_string().to_uppercase().parse::<SubRegion>(), Ok(r));
            assert_eq!(format!("{:03}", r.m49()).parse::<SubRegion>(), Ok(r));
        }
        for r in IntermediateRegion::ALL {
            assert_eq!(format!("  {r}\t").parse::<IntermediateRegion>(), Ok(r));
        }
    }

    #[test]
    fn unknown_region_is_an_error() {
        let err = "Atlantis".parse::<Region>().unwrap_err();
        assert_eq!(
            err,
            CountryError::UnknownRegion {
                kind: "region",
                name: "Atlantis".into()
            }
        );
        assert_eq!(err.to_string(), r#"unknown region "Atlantis""#);
        // A code of another level is not accepted.
        assert!("419".parse::<Region>().is_err());
        assert!("".parse::<SubRegion>().is_err());
        assert_eq!(
            "Asia".parse::<IntermediateRegion>().unwrap_err().to_string(),
            r#"unknown intermediate region "Asia""#
        );
    }
}
