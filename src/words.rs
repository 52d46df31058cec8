//! A small enum of fixed words with `Display`, `FromStr` (case-insensitive) and serde through them.
//!
//! Shared by the `partner` and `operation` vocabularies; each names the narrow error that an unknown word
//! becomes.

/// Declares a word enum.
///
/// `words! { #[meta] pub enum Name: "what", Error::unknown { Variant => "word" | "alias", ... } }` where
/// `Error::unknown(what: &'static str, text: &str) -> Error` builds the error of an unknown word.
macro_rules! words {
    ($(#[$meta:meta])* pub enum $name:ident: $what:literal, $err:ident :: $ctor:ident {
        $($(#[$vmeta:meta])* $variant:ident => $word:literal $(| $alias:literal)*),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The canonical word, as written by `Display` and read by `FromStr`.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $err;

            /// Reads the canonical word or an alias, case-insensitively, ignoring surrounding whitespace.
            fn from_str(s: &str) -> Result<Self, $err> {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($word) $(|| t.eq_ignore_ascii_case($alias))* {
                        return Ok(Self::$variant);
                    }
                )+
                Err($err::$ctor($what, s))
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Whether `id` is a slug: non-empty, lowercase ASCII letters, digits and single hyphens, starting and
/// ending with a letter or digit (`crepusculo-2021`).
pub(crate) fn is_slug(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && !id.contains("--")
}

/// Whether `code` is an ISO 4217 currency code: three ASCII upper-case letters.
pub(crate) fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("crepusculo-2021"));
        assert!(is_slug("s01"));
        for bad in ["", "-a", "a-", "a--b", "Crepusculo", "a b", "año"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn currencies() {
        assert!(is_currency("USD"));
        assert!(!is_currency("usd") && !is_currency("US") && !is_currency("US$"));
    }
}

/// Serialize / Deserialize for a record type whose `#[serde(remote = "Self")]` derive gives inherent
/// `serialize` / `deserialize` functions: deserialising then runs the type's `validate(&self)`, so a
/// record read from JSON passes the same checks as one built by its builder.
macro_rules! serde_validated {
    ($ty:ty) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, s)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <$ty>::deserialize(d)?;
                v.validate().map_err(serde::de::Error::custom)?;
                Ok(v)
            }
        }
    };
}

/// serde for `time::Date` and `Option<Date>` as `YYYY-MM-DD` strings (`#[serde(with = "...")]`).
#[cfg(feature = "serde")]
pub(crate) mod serde_date {
    use time::Date;

    struct Iso(Date);

    impl core::fmt::Display for Iso {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            crate::period::write_date(f, self.0)
        }
    }

    // serde's `with` passes the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub(crate) fn serialize<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Iso(*date))
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
        crate::period::parse_iso_date(&text).map_err(serde::de::Error::custom)
    }

    /// The same for `Option<Date>` (`null` or absent is `None` with `#[serde(default)]`).
    pub(crate) mod option {
        use time::Date;

        #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
        pub(crate) fn serialize<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => s.collect_str(&super::Iso(*d)),
                None => s.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            let text: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
            text.map(|t| crate::period::parse_iso_date(&t).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}
