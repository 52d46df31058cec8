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
