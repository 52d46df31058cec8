//! The one declaration of the crate's text-named enums.
//!
//! Every enum whose values are words (a flow's direction, an actor's role, a tie's kind, an
//! M49 region, a granularity…) is declared with [`word_enum!`], so that each has the same
//! `ALL`, `as_str`, `Display`, `FromStr` and serde, and deserialising checks the text exactly
//! as parsing does.

/// Declares an enum of fixed words.
///
/// Generates, for the enum:
/// - `ALL`, every value in declaration order, and `as_str`, the canonical word;
/// - `Display` printing the canonical word;
/// - `FromStr`, case-insensitive (ASCII), surrounding whitespace ignored, accepting the canonical
///   word and the listed aliases, then the optional `fallback` (given the trimmed text, returning
///   `Option<Self>`); otherwise the `error` built from the text as given;
/// - with the `serde` feature, `Serialize` as the canonical word and `Deserialize` through
///   `FromStr`, so that deserialising validates.
///
/// ```ignore
/// word_enum! {
///     /// Docs.
///     pub enum Direction {
///         /// Docs.
///         Northbound => "northbound" | "north",
///     }
///     error: FlowError = |text| FlowError::UnknownWord { what: "direction", text: text.to_owned() };
/// }
/// ```
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $word:literal $(| $alias:literal)* ),+ $(,)?
        }
        error: $err:ty = |$text:ident| $make:expr;
        $( fallback: |$trimmed:ident| $fallback:expr; )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            $vis const ALL: [Self; [$($word),+].len()] = [$(Self::$variant),+];

            /// The canonical word, which [`Display`](std::fmt::Display) prints and
            /// [`FromStr`](std::str::FromStr) parses back.
            #[must_use]
            $vis const fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $word, )+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $err;

            fn from_str($text: &str) -> Result<Self, $err> {
                let trimmed = $text.trim();
                $(
                    if trimmed.eq_ignore_ascii_case($word) $(|| trimmed.eq_ignore_ascii_case($alias))* {
                        return Ok(Self::$variant);
                    }
                )+
                $(
                    let $trimmed = trimmed;
                    if let Some(value) = $fallback {
                        return Ok(value);
                    }
                )?
                Err($make)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::period::FromStrVisitor(
                    core::marker::PhantomData,
                    concat!("one of:" $(, " ", $word)+),
                ))
            }
        }
    };
}

/// [`word_enum!`] in a shorter form, for enums whose error type has a constructor
/// `Error::unknown(what: &'static str, text: &str) -> Error`:
///
/// ```ignore
/// words! {
///     /// Docs.
///     pub enum Crime: "crime", OperationError::unknown {
///         /// Docs.
///         Smuggling => "smuggling" | "migrant smuggling",
///     }
/// }
/// ```
#[allow(
    unused_macros,
    reason = "the form for vocabularies whose error has an `unknown(what, text)` constructor"
)]
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis enum $name:ident: $what:literal, $err:ident :: $ctor:ident { $($body:tt)* }) => {
        word_enum! {
            $(#[$meta])*
            $vis enum $name { $($body)* }
            error: $err = |text| $err::$ctor($what, text);
        }
    };
}

#[cfg(test)]
mod tests {
    /// The error of the test enum: the rejected text.
    #[derive(Debug, PartialEq)]
    struct Unknown(String);

    impl std::fmt::Display for Unknown {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "unknown colour {:?}", self.0)
        }
    }

    word_enum! {
        /// A test enum.
        enum Colour {
            /// Red.
            Red => "red" | "rouge",
            /// Dark blue.
            DarkBlue => "dark_blue",
        }
        error: Unknown = |text| Unknown(text.to_owned());
        fallback: |trimmed| (trimmed == "1").then_some(Colour::Red);
    }

    impl Unknown {
        fn word(what: &'static str, text: &str) -> Self {
            Unknown(format!("{what}: {text}"))
        }
    }

    words! {
        /// A test enum in the short form.
        enum Size: "size", Unknown::word {
            /// Small.
            Small => "small" | "s",
            /// Large.
            Large => "large",
        }
    }

    #[test]
    fn the_short_form_is_the_same_declaration() {
        assert_eq!(Size::ALL, [Size::Small, Size::Large]);
        assert_eq!(" S ".parse::<Size>(), Ok(Size::Small));
        assert_eq!(Size::Large.to_string(), "large");
        assert_eq!("medium".parse::<Size>(), Err(Unknown("size: medium".into())));
    }

    #[test]
    fn words_aliases_fallback_and_errors() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
        assert_eq!(" ROUGE\t".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!("Dark_Blue".parse::<Colour>(), Ok(Colour::DarkBlue));
        assert_eq!("1".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!("dark blue ".parse::<Colour>(), Err(Unknown("dark blue ".into())));
        for c in Colour::ALL {
            assert_eq!(c.as_str().parse::<Colour>(), Ok(c));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_words() {
        assert_eq!(serde_json::to_string(&Colour::DarkBlue).unwrap(), r#""dark_blue""#);
        assert_eq!(serde_json::from_str::<Colour>(r#""Rouge""#).unwrap(), Colour::Red);
        let err = serde_json::from_str::<Colour>(r#""green""#).unwrap_err().to_string();
        assert!(err.starts_with(r#"unknown colour "green""#), "{err}");
        let err = serde_json::from_str::<Colour>("3").unwrap_err().to_string();
        assert!(err.contains("one of: red dark_blue"), "{err}");
    }
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
mod slug_tests {
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
