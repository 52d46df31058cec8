//! A [`Count`] as plain numbers, for dataframes: [`CountNumbers`], and the serde field adapter
//! [`count_as_numbers`].

use crate::{Count, CountError, CountKind};

/// A [`Count`]'s bounds, point estimate and kind as plain numbers: the shape a dataframe column set
/// (`lower`, `point`, `upper`) can hold, where the text form (`"at least 61"`) would be a string column.
///
/// - `lower` is the lower bound.
/// - `upper` is the upper bound, `None` for "at least N" (no upper bound: an empty cell or null, not a
///   guess).
/// - `point` is the count's point estimate ([`Count::point`]): the stated figure for an exact count,
///   "at most N", "about N" and "nearly N"; for "at least N" it is N, the lower bound (a figure known to
///   be exceeded is not raised by a guess), unless the count carries an explicit point (`at least 82
///   (point 84)`, as sums do); for a range `a-b` it is the midpoint rounded half up, `a + ⌈(b − a)/2⌉`,
///   unless the range carries an explicit point; for a sum it is the sum of the point estimates.
/// - `kind` is how the count was stated ([`CountKind`]), so that the numbers give back the very same
///   count ("about 1200" and "1080-1320 (point 1200)" have the same numbers but are different counts).
///
/// With the `serde` feature it serialises as `{"lower": …, "point": …, "upper": … or null, "kind": …}`
/// with `kind` one of `exact`, `at_least`, `at_most`, `about`, `nearly`, `between`, and deserialises
/// through [`Count::from_numbers`]'s checks; `point` and `kind` may be left out when reading (the point
/// then is the lower bound without an upper one and the midpoint of a range; the kind is read from the
/// bounds as [`Count::from_numbers`] does). A `Count` itself keeps its text form as its default
/// serialisation; a struct field of type `Count` serialises as these numbers with
/// `#[serde(with = "corridor::count_as_numbers")]`.
///
/// # Examples
///
/// ```
/// use corridor::{Count, CountKind};
///
/// let arrested: Count = "over 60".parse()?;
/// let n = arrested.numbers();
/// assert_eq!((n.lower(), n.point(), n.upper()), (61, 61, None));
/// let rescued = Count::between(21, 24)?.numbers();
/// assert_eq!((rescued.lower(), rescued.point(), rescued.upper()), (21, 23, Some(24)));
/// assert_eq!(rescued.kind(), CountKind::Between);
/// assert_eq!(n.to_count(), arrested);
/// # Ok::<(), corridor::CountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountNumbers {
    lower: u64,
    point: u64,
    upper: Option<u64>,
    kind: CountKind,
}

impl CountNumbers {
    /// The lower bound.
    #[must_use]
    pub fn lower(&self) -> u64 {
        self.lower
    }

    /// The point estimate (see [`CountNumbers`] for what it is for each kind of count).
    ///
    /// # Examples
    /// ```
    /// use corridor::Count;
    /// // A range's point is its midpoint rounded half up: 21 + ⌈3/2⌉.
    /// assert_eq!("21-24".parse::<Count>()?.numbers().point(), 23);
    /// // "Over 60": the point is the lower bound, 61.
    /// assert_eq!("over 60".parse::<Count>()?.numbers().point(), 61);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub fn point(&self) -> u64 {
        self.point
    }

    /// The upper bound, `None` for a count with no upper bound ("at least N").
    #[must_use]
    pub fn upper(&self) -> Option<u64> {
        self.upper
    }

    /// How the count was stated.
    #[must_use]
    pub fn kind(&self) -> CountKind {
        self.kind
    }

    /// The count these numbers were taken from.
    ///
    /// # Panics
    ///
    /// Never: a `CountNumbers` is only made from a count (by [`Count::numbers`] or through
    /// [`Count::from_numbers`]'s checks), whose numbers always rebuild it.
    ///
    /// # Examples
    /// ```
    /// use corridor::Count;
    /// let c: Count = "nearly 140,000".parse()?;
    /// let n = c.numbers();
    /// assert_eq!((n.lower(), n.upper()), (126_000, Some(140_000)));
    /// assert_eq!(n.to_count(), c);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub fn to_count(&self) -> Count {
        Count::from_numbers(self.lower, Some(self.point), self.upper, Some(self.kind))
            .expect("numbers taken from a count rebuild it")
    }
}

impl From<Count> for CountNumbers {
    fn from(c: Count) -> Self {
        c.numbers()
    }
}

impl From<CountNumbers> for Count {
    fn from(n: CountNumbers) -> Self {
        n.to_count()
    }
}

impl Count {
    /// The count as plain numbers: lower bound, point estimate, upper bound and kind (see
    /// [`CountNumbers`]).
    ///
    /// ```
    /// use corridor::Count;
    /// let n = "about 1,200".parse::<Count>()?.numbers();
    /// assert_eq!((n.lower(), n.point(), n.upper()), (1080, 1200, Some(1320)));
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub fn numbers(&self) -> CountNumbers {
        CountNumbers {
            lower: self.lower(),
            point: self.point(),
            upper: self.upper(),
            kind: self.kind(),
        }
    }

    /// The count with these numbers: the inverse of [`Count::numbers`].
    ///
    /// Without a `point`, the point is the lower bound when there is no upper bound and the midpoint
    /// rounded half up of a range. Without a `kind`, the kind is read from the bounds: exact when
    /// `lower = upper = point`, "at least" without an upper bound, a range otherwise. With a kind, the
    /// numbers must be those of a count of that kind: `exact` `n..=n` (point `n`), `at_most`
    /// `0..=n` (point `n`), `about` and `nearly` the bounds of their 10 % convention around the point,
    /// `at_least` no upper bound, `between` an upper bound.
    ///
    /// # Errors
    ///
    /// [`CountError::Descending`] when `upper < lower`; [`CountError::PointOutOfRange`] when the point is
    /// outside the bounds; [`CountError::Unrecognised`] when the numbers are not those of a count of the
    /// given kind.
    ///
    /// ```
    /// use corridor::{Count, CountKind};
    /// assert_eq!(Count::from_numbers(61, None, None, None)?, "over 60".parse()?);
    /// assert_eq!(Count::from_numbers(60, None, Some(60), None)?, Count::exact(60));
    /// assert_eq!(Count::from_numbers(21, None, Some(24), None)?.point(), 23);
    /// let about = Count::from_numbers(1080, Some(1200), Some(1320), Some(CountKind::About))?;
    /// assert_eq!(about, Count::about(1200));
    /// assert!(Count::from_numbers(1000, Some(1200), Some(1320), Some(CountKind::About)).is_err());
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    pub fn from_numbers(
        lower: u64,
        point: Option<u64>,
        upper: Option<u64>,
        kind: Option<CountKind>,
    ) -> Result<Count, CountError> {
        let point = match (point, upper) {
            (Some(p), _) => p,
            (None, None) => lower,
            (None, Some(u)) if u < lower => lower,
            (None, Some(u)) => lower + (u - lower).div_ceil(2),
        };
        let general = Count::from_bounds(lower, upper, point)?;
        let Some(kind) = kind else {
            return Ok(if upper == Some(lower) {
                Count::exact(lower)
            } else {
                general
            });
        };
        let candidate = match kind {
            CountKind::Exact => Count::exact(point),
            CountKind::AtMost => Count::at_most(point),
            CountKind::About => Count::about(point),
            CountKind::Nearly => Count::nearly(point),
            _ => general,
        };
        if candidate.numbers()
            == (CountNumbers {
                lower,
                point,
                upper,
                kind,
            })
        {
            Ok(candidate)
        } else {
            Err(CountError::Unrecognised {
                text: format!(
                    "{} {lower}..{} (point {point})",
                    kind_word(kind),
                    upper.map_or_else(String::new, |u| format!("={u}"))
                ),
                reason: "the bounds and point are not those of a count of this kind",
            })
        }
    }
}

/// The word of a kind in [`CountNumbers`]' serialisation.
fn kind_word(kind: CountKind) -> &'static str {
    match kind {
        CountKind::Exact => "exact",
        CountKind::AtLeast => "at_least",
        CountKind::AtMost => "at_most",
        CountKind::About => "about",
        CountKind::Nearly => "nearly",
        CountKind::Between => "between",
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{CountNumbers, kind_word};
    use crate::{Count, CountKind};

    impl serde::Serialize for CountKind {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(kind_word(*self))
        }
    }

    impl<'de> serde::Deserialize<'de> for CountKind {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            const WORDS: &[&str] = &["exact", "at_least", "at_most", "about", "nearly", "between"];
            let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            Ok(match s.as_ref() {
                "exact" => CountKind::Exact,
                "at_least" => CountKind::AtLeast,
                "at_most" => CountKind::AtMost,
                "about" => CountKind::About,
                "nearly" => CountKind::Nearly,
                "between" => CountKind::Between,
                other => return Err(serde::de::Error::unknown_variant(other, WORDS)),
            })
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Repr {
        lower: u64,
        #[serde(default)]
        point: Option<u64>,
        #[serde(default)]
        upper: Option<u64>,
        #[serde(default)]
        kind: Option<CountKind>,
    }

    impl serde::Serialize for CountNumbers {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Repr {
                lower: self.lower,
                point: Some(self.point),
                upper: self.upper,
                kind: Some(self.kind),
            }
            .serialize(s)
        }
    }

    impl<'de> serde::Deserialize<'de> for CountNumbers {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let r = Repr::deserialize(d)?;
            Count::from_numbers(r.lower, r.point, r.upper, r.kind)
                .map(|c| c.numbers())
                .map_err(serde::de::Error::custom)
        }
    }
}

/// A serde field adapter: a field of type [`Count`] serialised as its [`CountNumbers`]
/// (`{"lower", "point", "upper", "kind"}`) instead of its text, and read back through
/// [`Count::from_numbers`]'s checks. [`count_as_numbers::option`] does the same for `Option<Count>`
/// (`null` for `None`; add `#[serde(default)]` to let the field be left out).
///
/// # Examples
///
/// ```
/// use corridor::Count;
///
/// #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
/// struct Arrests {
///     place: String,
///     #[serde(with = "corridor::count_as_numbers")]
///     arrested: Count,
///     #[serde(with = "corridor::count_as_numbers::option", default)]
///     charged: Option<Count>,
/// }
///
/// let a = Arrests { place: "Darién".into(), arrested: "over 60".parse()?, charged: None };
/// let json = serde_json::to_string(&a)?;
/// assert_eq!(
///     json,
///     r#"{"place":"Darién","arrested":{"lower":61,"point":61,"upper":null,"kind":"at_least"},"charged":null}"#
/// );
/// assert_eq!(serde_json::from_str::<Arrests>(&json)?, a);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "serde")]
pub mod count_as_numbers {
    use super::CountNumbers;
    use crate::Count;

    /// Serialises `count` as its [`CountNumbers`].
    ///
    /// # Errors
    ///
    /// The serializer's.
    ///
    /// # Examples
    /// ```
    /// use corridor::Count;
    /// let mut out = Vec::new();
    /// corridor::count_as_numbers::serialize(&Count::about(1200), &mut serde_json::Serializer::new(&mut out))?;
    /// // "About 1,200" is 1,200 within 10 %.
    /// assert_eq!(String::from_utf8(out)?, r#"{"lower":1080,"point":1200,"upper":1320,"kind":"about"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn serialize<S: serde::Serializer>(count: &Count, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&count.numbers(), s)
    }

    /// Deserialises a [`Count`] from its [`CountNumbers`], through [`Count::from_numbers`]'s checks.
    ///
    /// # Errors
    ///
    /// The deserializer's, and those of [`Count::from_numbers`].
    ///
    /// # Examples
    /// ```
    /// use corridor::Count;
    /// let json = r#"{"lower":21,"upper":24}"#;
    /// let c = corridor::count_as_numbers::deserialize(&mut serde_json::Deserializer::from_str(json))?;
    /// // A range's point is its midpoint rounded half up.
    /// assert_eq!(c, Count::between(21, 24)?);
    /// assert_eq!(c.point(), 23);
    /// // Bounds that run down are refused.
    /// let bad = r#"{"lower":24,"upper":21}"#;
    /// assert!(corridor::count_as_numbers::deserialize(&mut serde_json::Deserializer::from_str(bad)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        <CountNumbers as serde::Deserialize>::deserialize(d).map(|n| n.to_count())
    }

    /// The same adapter for an `Option<Count>` field: `null` for `None`.
    pub mod option {
        use super::CountNumbers;
        use crate::Count;

        /// Serialises `count` as its [`CountNumbers`], or `null`.
        ///
        /// # Errors
        ///
        /// The serializer's.
        ///
        /// # Examples
        /// ```
        /// let mut out = Vec::new();
        /// corridor::count_as_numbers::option::serialize(&None, &mut serde_json::Serializer::new(&mut out))?;
        /// assert_eq!(String::from_utf8(out)?, "null");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[allow(clippy::ref_option)]
        pub fn serialize<S: serde::Serializer>(count: &Option<Count>, s: S) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(&count.map(|c| c.numbers()), s)
        }

        /// Deserialises an optional [`Count`] from its [`CountNumbers`] or `null`.
        ///
        /// # Errors
        ///
        /// The deserializer's, and those of [`Count::from_numbers`].
        ///
        /// # Examples
        /// ```
        /// use corridor::Count;
        /// let de = |s: &str| corridor::count_as_numbers::option::deserialize(&mut serde_json::Deserializer::from_str(s));
        /// assert_eq!(de("null")?, None);
        /// assert_eq!(de(r#"{"lower":61,"upper":null,"kind":"at_least"}"#)?, Some(Count::at_least(61)));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Count>, D::Error> {
            <Option<CountNumbers> as serde::Deserialize>::deserialize(d).map(|n| n.map(|n| n.to_count()))
        }
    }
}
