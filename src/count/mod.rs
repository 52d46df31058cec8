//! Counts of people with their precision (exact, at least, at most, about, nearly, between).

use core::fmt;
use core::iter::Sum;
use core::ops::{Add, AddAssign};

mod words;

/// How a [`Count`] was stated.
///
/// ```
/// use corridor::{Count, CountKind};
/// assert_eq!("over 60".parse::<Count>()?.kind(), CountKind::AtLeast);
/// # Ok::<(), corridor::CountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum CountKind {
    /// An exact figure.
    Exact,
    /// A lower bound with no upper bound ("at least", "over", "more than").
    AtLeast,
    /// An upper bound, with lower bound 0 ("at most", "up to", "fewer than").
    AtMost,
    /// An approximate figure, read as within 10% ("about", "approximately", "~").
    About,
    /// A figure approached from below, read as up to 10% under it ("nearly", "almost").
    Nearly,
    /// An inclusive range, or a sum that is neither exact nor unbounded.
    Between,
}

/// A number of people with its precision: lower bound, optional upper bound and point estimate.
///
/// Official statements about irregular migration are often bounds: "over 60
/// arrested", "nearly 140,000 crossed", "21–24 rescued". A [`Count`] keeps the
/// lower bound, the upper bound (or none) and a point estimate, and arithmetic
/// propagates all three, so "over 60" is never silently turned into 60.
///
/// # Text forms
///
/// | text | kind | lower | upper | point |
/// |---|---|---|---|---|
/// | `60` | exact | 60 | 60 | 60 |
/// | `at least 5`, `60+`, `no fewer than 5` | at least | n | none | n |
/// | `over 60`, `more than 60`, `above 60` | at least | n + 1 | none | n + 1 |
/// | `at most 30`, `up to 30`, `no more than 30` | at most | 0 | n | n |
/// | `fewer than 30`, `less than 30`, `under 30`, `below 30` | at most | 0 | n − 1 | n − 1 |
/// | `about 1,200`, `approximately`, `around`, `roughly`, `some`, `circa`, `~1,200` | about | n − ⌈n/10⌉ | n + ⌈n/10⌉ | n |
/// | `nearly 140,000`, `almost`, `close to`, `just under` | nearly | n − ⌈n/10⌉ | n | n |
/// | `21-24`, `21–24`, `21 to 24`, `between 21 and 24` | between | a | b | a + ⌈(b − a)/2⌉ |
///
/// Words are matched case-insensitively and surrounding whitespace is ignored.
/// Numbers may group thousands with `,` or a space (`1,200`, `1 200`); every group
/// after the first must have exactly three digits (`1,20` is an error). The
/// single words `zero` to `twenty`, `thirty` … `ninety` and `hundred` also stand for
/// numbers (`more than ten`); compound number words are not read.
/// A range or lower bound may carry an explicit point estimate: `21-24 (point 22)`,
/// `at least 61 (point 75)`. These arise from sums, whose point estimate is the sum
/// of the point estimates.
///
/// [`Display`](fmt::Display) writes the canonical form (`60`, `at least 61`,
/// `at most 30`, `about 1200`, `nearly 140000`, `21-24`, plus ` (point p)` when the
/// point estimate is not the one the form implies), and parsing it gives back the
/// same value exactly.
///
/// # The "about" convention
///
/// "About n" and "nearly n" state a figure, not bounds. So that sums of such
/// figures still have usable bounds, this crate reads them as **within 10% of n,
/// rounded outward**: about n covers `n − ⌈n/10⌉ ..= n + ⌈n/10⌉`, and nearly n —
/// "a little under n" — covers `n − ⌈n/10⌉ ..= n`. The point estimate is n in both
/// cases. This is a convention, not a statistical interval; when a source gives
/// its own bounds, use [`Count::between`] or [`Count::from_bounds`] instead.
///
/// Invariant: `lower <= point <= upper` (when there is an upper bound).
///
/// ```
/// use corridor::Count;
/// let arrested: Count = "over 60".parse()?;
/// let rescued: Count = "21–24".parse()?;
/// let total = arrested + rescued;
/// assert_eq!((total.lower(), total.upper()), (82, None));
/// assert!(!total.is_exact());
/// assert_eq!(total.to_string(), "at least 82 (point 84)");
/// assert_eq!(total.to_string().parse::<Count>()?, total);
/// # Ok::<(), corridor::CountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Count {
    lower: u64,
    upper: Option<u64>,
    point: u64,
    kind: CountKind,
}

/// Why a count could not be parsed or built.
///
/// # Examples
/// ```
/// use corridor::{Count, CountError};
/// assert!(matches!("".parse::<Count>(), Err(CountError::Empty { .. })));
/// assert!(matches!("1,20".parse::<Count>(), Err(CountError::Grouping { .. })));
/// let err = Count::between(24, 21).unwrap_err();
/// assert!(matches!(err, CountError::Descending { lower: 24, upper: 21, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountError {
    /// The text is empty or only whitespace.
    #[error("empty count {text:?}")]
    Empty {
        /// The text that was given.
        text: String,
    },
    /// The text is not in any count form.
    #[error("unrecognised count {text:?}: {reason}")]
    Unrecognised {
        /// The text that was given.
        text: String,
        /// What was wrong with it.
        reason: &'static str,
    },
    /// The count would be negative (`-5`, `fewer than 0`).
    #[error("invalid count {text:?}: a number of people cannot be negative")]
    Negative {
        /// The text that was given.
        text: String,
    },
    /// Thousands separators in the wrong places (`1,20`, `1,2000`, `12345,678`).
    #[error("invalid count {text:?}: thousands separators must split the number into groups of three digits")]
    Grouping {
        /// The text that was given.
        text: String,
    },
    /// A number does not fit in 64 bits (or `over 18446744073709551615`).
    #[error("invalid count {text:?}: the number is larger than 18446744073709551615")]
    Overflow {
        /// The text that was given.
        text: String,
    },
    /// A range whose upper end is below its lower end (`24-21`).
    #[error("invalid count {text:?}: the range runs down from {lower} to {upper}")]
    Descending {
        /// The text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The first (lower) end given.
        lower: u64,
        /// The second (upper) end given.
        upper: u64,
    },
    /// An explicit point estimate outside the bounds (`21-24 (point 30)`).
    #[error(
        "invalid count {text:?}: the point estimate {point} is outside the bounds {lower}..{}",
        .upper.map_or_else(String::new, |u| format!("={u}"))
    )]
    PointOutOfRange {
        /// The text (as given, or as the constructor's arguments would be written).
        text: String,
        /// The point estimate given.
        point: u64,
        /// The lower bound.
        lower: u64,
        /// The upper bound, `None` when unbounded.
        upper: Option<u64>,
    },
}

/// A reason for failure found without allocating; turned into a [`CountError`] with the text at the boundary.
#[derive(Debug, Clone, Copy)]
enum Bad {
    Empty,
    Unrecognised(&'static str),
    Negative,
    Grouping,
    Overflow,
    Descending { lower: u64, upper: u64 },
    Point { point: u64, lower: u64, upper: Option<u64> },
}

impl Bad {
    fn into_error(self, text: String) -> CountError {
        match self {
            Bad::Empty => CountError::Empty { text },
            Bad::Unrecognised(reason) => CountError::Unrecognised { text, reason },
            Bad::Negative => CountError::Negative { text },
            Bad::Grouping => CountError::Grouping { text },
            Bad::Overflow => CountError::Overflow { text },
            Bad::Descending { lower, upper } => CountError::Descending { text, lower, upper },
            Bad::Point { point, lower, upper } => CountError::PointOutOfRange {
                text,
                point,
                lower,
                upper,
            },
        }
    }
}

/// The midpoint of `a..=b`, rounded half up (`a <= b`).
const fn midpoint(a: u64, b: u64) -> u64 {
    a + (b - a).div_ceil(2)
}

impl Count {
    /// Zero people, exactly.
    pub const ZERO: Count = Count::exact(0);

    /// Exactly `n` people.
    ///
    /// ```
    /// use corridor::Count;
    /// let c = Count::exact(60);
    /// assert_eq!((c.lower(), c.upper(), c.point()), (60, Some(60), 60));
    /// assert_eq!(c, "60".parse()?);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn exact(n: u64) -> Count {
        Count {
            lower: n,
            upper: Some(n),
            point: n,
            kind: CountKind::Exact,
        }
    }

    /// At least `n` people, no upper bound; the point estimate is `n`.
    ///
    /// "Over 60" is `Count::at_least(61)`.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!("over 60".parse::<Count>()?, Count::at_least(61));
    /// assert_eq!(Count::at_least(61).upper(), None);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn at_least(n: u64) -> Count {
        Count {
            lower: n,
            upper: None,
            point: n,
            kind: CountKind::AtLeast,
        }
    }

    /// At most `n` people (lower bound 0); the point estimate is `n`, the stated figure.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!("up to 30".parse::<Count>()?, Count::at_most(30));
    /// assert_eq!(Count::at_most(30).lower(), 0);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn at_most(n: u64) -> Count {
        Count {
            lower: 0,
            upper: Some(n),
            point: n,
            kind: CountKind::AtMost,
        }
    }

    /// About `n` people: point `n`, bounds `n − ⌈n/10⌉ ..= n + ⌈n/10⌉` (the upper bound
    /// saturates at `u64::MAX`); see the "about" convention on [`Count`].
    ///
    /// ```
    /// use corridor::Count;
    /// let c = Count::about(1200);
    /// assert_eq!((c.lower(), c.upper(), c.point()), (1080, Some(1320), 1200));
    /// assert_eq!(c, "~1,200".parse()?);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn about(n: u64) -> Count {
        let margin = n.div_ceil(10);
        Count {
            lower: n - margin,
            upper: Some(n.saturating_add(margin)),
            point: n,
            kind: CountKind::About,
        }
    }

    /// Nearly `n` people: point `n`, bounds `n − ⌈n/10⌉ ..= n`; see the "about" convention on [`Count`].
    ///
    /// ```
    /// use corridor::Count;
    /// let c: Count = "nearly 140,000".parse()?;
    /// assert_eq!(c, Count::nearly(140_000));
    /// assert_eq!((c.lower(), c.upper()), (126_000, Some(140_000)));
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn nearly(n: u64) -> Count {
        Count {
            lower: n - n.div_ceil(10),
            upper: Some(n),
            point: n,
            kind: CountKind::Nearly,
        }
    }

    /// Between `lower` and `upper` people inclusive; the point estimate is the midpoint rounded half up.
    ///
    /// # Errors
    ///
    /// [`CountError::Descending`] when `upper < lower`.
    ///
    /// ```
    /// use corridor::Count;
    /// let c = Count::between(21, 24)?;
    /// assert_eq!(c.point(), 23);
    /// assert!(Count::between(24, 21).is_err());
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    pub fn between(lower: u64, upper: u64) -> Result<Count, CountError> {
        if upper < lower {
            return Err(Bad::Descending { lower, upper }.into_error(format!("{lower}-{upper}")));
        }
        Ok(Count {
            lower,
            upper: Some(upper),
            point: midpoint(lower, upper),
            kind: CountKind::Between,
        })
    }

    /// A count with explicit bounds and point estimate: [`CountKind::AtLeast`] when `upper`
    /// is `None`, else [`CountKind::Between`].
    ///
    /// # Errors
    ///
    /// [`CountError::Descending`] when `upper < lower`; [`CountError::PointOutOfRange`] when
    /// `point` is outside the bounds.
    ///
    /// ```
    /// use corridor::Count;
    /// let c = Count::from_bounds(21, Some(24), 22)?;
    /// assert_eq!(c.to_string(), "21-24 (point 22)");
    /// assert!(Count::from_bounds(21, Some(24), 30).is_err());
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    pub fn from_bounds(lower: u64, upper: Option<u64>, point: u64) -> Result<Count, CountError> {
        Count::bounds_inner(lower, upper, point).map_err(|b| {
            let text = match upper {
                Some(u) => format!("{lower}-{u} (point {point})"),
                None => format!("at least {lower} (point {point})"),
            };
            b.into_error(text)
        })
    }

    fn bounds_inner(lower: u64, upper: Option<u64>, point: u64) -> Result<Count, Bad> {
        if let Some(u) = upper
            && u < lower
        {
            return Err(Bad::Descending { lower, upper: u });
        }
        if point < lower || upper.is_some_and(|u| point > u) {
            return Err(Bad::Point { point, lower, upper });
        }
        Ok(Count {
            lower,
            upper,
            point,
            kind: if upper.is_some() {
                CountKind::Between
            } else {
                CountKind::AtLeast
            },
        })
    }

    /// The lower bound.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!("more than 10".parse::<Count>()?.lower(), 11);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn lower(&self) -> u64 {
        self.lower
    }

    /// The upper bound, `None` when unbounded.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!("fewer than 30".parse::<Count>()?.upper(), Some(29));
    /// assert_eq!("60+".parse::<Count>()?.upper(), None);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn upper(&self) -> Option<u64> {
        self.upper
    }

    /// The point estimate: the stated figure (for `at least n`, `at most n`, `about n`,
    /// `nearly n`: n), the midpoint rounded half up for a range, the sum of point
    /// estimates for a sum.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!("21-24".parse::<Count>()?.point(), 23);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn point(&self) -> u64 {
        self.point
    }

    /// How the count was stated (or, for a sum, what its bounds look like).
    ///
    /// ```
    /// use corridor::{Count, CountKind};
    /// assert_eq!("about 50".parse::<Count>()?.kind(), CountKind::About);
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> CountKind {
        self.kind
    }

    /// Whether the count is exact.
    ///
    /// ```
    /// use corridor::Count;
    /// assert!((Count::exact(2) + Count::exact(3)).is_exact());
    /// assert!(!(Count::exact(2) + Count::at_most(3)).is_exact());
    /// ```
    #[must_use]
    pub const fn is_exact(&self) -> bool {
        matches!(self.kind, CountKind::Exact)
    }

    /// Whether `n` is within the bounds.
    ///
    /// ```
    /// use corridor::Count;
    /// let c: Count = "up to 30".parse()?;
    /// assert!(c.contains(0) && c.contains(30) && !c.contains(31));
    /// # Ok::<(), corridor::CountError>(())
    /// ```
    #[must_use]
    pub fn contains(&self, n: u64) -> bool {
        self.lower <= n && self.upper.is_none_or(|u| n <= u)
    }

    /// The sum, or `None` if a bound or the point estimate would overflow `u64`.
    ///
    /// ```
    /// use corridor::Count;
    /// assert_eq!(Count::exact(2).checked_add(Count::exact(3)), Some(Count::exact(5)));
    /// assert_eq!(Count::exact(u64::MAX).checked_add(Count::exact(1)), None);
    /// ```
    #[must_use]
    pub fn checked_add(self, rhs: Count) -> Option<Count> {
        let lower = self.lower.checked_add(rhs.lower)?;
        let point = self.point.checked_add(rhs.point)?;
        let upper = match (self.upper, rhs.upper) {
            (Some(a), Some(b)) => Some(a.checked_add(b)?),
            _ => None,
        };
        Some(Count::combine(self, rhs, lower, upper, point))
    }

    fn combine(a: Count, b: Count, lower: u64, upper: Option<u64>, point: u64) -> Count {
        let kind = match upper {
            None => CountKind::AtLeast,
            Some(_) if a.is_exact() && b.is_exact() => CountKind::Exact,
            Some(_) => CountKind::Between,
        };
        Count {
            lower,
            upper,
            point,
            kind,
        }
    }
}

impl Default for Count {
    /// [`Count::ZERO`].
    fn default() -> Count {
        Count::ZERO
    }
}

impl Add for Count {
    type Output = Count;

    /// Adds bounds and point estimates. Never panics: on overflow the lower bound and the
    /// point estimate saturate at `u64::MAX` and the upper bound becomes unbounded
    /// (use [`Count::checked_add`] to detect it). The sum is exact only if both terms are;
    /// otherwise it is [`CountKind::AtLeast`] when unbounded above, else [`CountKind::Between`].
    fn add(self, rhs: Count) -> Count {
        let lower = self.lower.saturating_add(rhs.lower);
        let point = self.point.saturating_add(rhs.point);
        let upper = match (self.upper, rhs.upper) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
        Count::combine(self, rhs, lower, upper, point)
    }
}

impl AddAssign for Count {
    fn add_assign(&mut self, rhs: Count) {
        *self = *self + rhs;
    }
}

impl Sum for Count {
    fn sum<I: Iterator<Item = Count>>(iter: I) -> Count {
        iter.fold(Count::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Count> for Count {
    fn sum<I: Iterator<Item = &'a Count>>(iter: I) -> Count {
        iter.copied().sum()
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.upper) {
            (CountKind::Exact, _) => write!(f, "{}", self.point),
            (CountKind::AtMost, Some(u)) => write!(f, "at most {u}"),
            (CountKind::About, _) => write!(f, "about {}", self.point),
            (CountKind::Nearly, _) => write!(f, "nearly {}", self.point),
            (_, None) => {
                write!(f, "at least {}", self.lower)?;
                if self.point != self.lower {
                    write!(f, " (point {})", self.point)?;
                }
                Ok(())
            }
            (_, Some(u)) => {
                write!(f, "{}-{u}", self.lower)?;
                if self.point != midpoint(self.lower, u) {
                    write!(f, " (point {})", self.point)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(crate::period::FromStrVisitor(
            core::marker::PhantomData,
            "a count such as 60, over 60 or 21-24",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(s: &str) -> Count {
        s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn forms_from_the_brief() {
        assert_eq!(c("60"), Count::exact(60));
        assert_eq!(c("over 60"), Count::at_least(61));
        assert_eq!(c("More Than 10"), Count::at_least(11));
        assert_eq!(c("at least 5"), Count::at_least(5));
        assert_eq!(c("nearly 140,000"), Count::nearly(140_000));
        assert_eq!(c("about 1,200"), Count::about(1200));
        assert_eq!(c("approximately 1200"), Count::about(1200));
        assert_eq!(c("~1,200"), Count::about(1200));
        assert_eq!(c("~ 1 200"), Count::about(1200));
        assert_eq!(c("around 50"), Count::about(50));
        assert_eq!(c("some 300"), Count::about(300));
        assert_eq!(c("up to 30"), Count::at_most(30));
        assert_eq!(c("fewer than 30"), Count::at_most(29));
        assert_eq!(c("less than 30"), Count::at_most(29));
        assert_eq!(c("at most 30"), Count::at_most(30));
        assert_eq!(c("under 30"), Count::at_most(29));
        let r = Count::between(21, 24).unwrap();
        assert_eq!(c("21-24"), r);
        assert_eq!(c("21–24"), r);
        assert_eq!(c("21 — 24"), r);
        assert_eq!(c("21 to 24"), r);
        assert_eq!(c("between 21 and 24"), r);
        assert_eq!(c("60+"), Count::at_least(60));
        assert_eq!(c("  12,345,678 "), Count::exact(12_345_678));
        assert_eq!(c("1\u{a0}200"), Count::exact(1200));
        assert_eq!(c("over60"), Count::at_least(61));
        assert_eq!(c("more than ten"), Count::at_least(11));
        assert_eq!(c("Twelve"), Count::exact(12));
        assert_eq!(c("nine to eleven"), Count::between(9, 11).unwrap());
        assert_eq!(c("a hundred"), Count::exact(100));
    }

    #[test]
    fn every_error_variant() {
        let e = |s: &str| s.parse::<Count>().unwrap_err();
        assert!(matches!(e(""), CountError::Empty { .. }));
        assert!(matches!(e("   "), CountError::Empty { .. }));
        assert!(matches!(e("12abc"), CountError::Unrecognised { .. }));
        assert!(matches!(e("over"), CountError::Unrecognised { .. }));
        assert!(matches!(e("dozens"), CountError::Unrecognised { .. }));
        assert!(matches!(e("tens"), CountError::Unrecognised { .. }));
        assert!(matches!(e("overt 5"), CountError::Unrecognised { .. }));
        assert!(matches!(e("+60"), CountError::Unrecognised { .. }));
        assert!(matches!(e("1.5"), CountError::Unrecognised { .. }));
        assert!(matches!(e("about 5 (point 4)"), CountError::Unrecognised { .. }));
        assert!(matches!(e("5)"), CountError::Unrecognised { .. }));
        assert!(matches!(e("between 5 or 6"), CountError::Unrecognised { .. }));
        assert!(matches!(e("-5"), CountError::Negative { .. }));
        assert!(matches!(e("fewer than 0"), CountError::Negative { .. }));
        assert!(matches!(e("1,20"), CountError::Grouping { .. }));
        assert!(matches!(e("1,2000"), CountError::Grouping { .. }));
        assert!(matches!(e("12345,678"), CountError::Grouping { .. }));
        assert!(matches!(e("1,234 567"), CountError::Grouping { .. }));
        assert!(matches!(e("18446744073709551616"), CountError::Overflow { .. }));
        assert!(matches!(e("over 18446744073709551615"), CountError::Overflow { .. }));
        assert!(matches!(
            e("24-21"),
            CountError::Descending {
                lower: 24,
                upper: 21,
                ..
            }
        ));
        assert!(matches!(Count::between(24, 21), Err(CountError::Descending { .. })));
        assert!(matches!(
            e("21-24 (point 30)"),
            CountError::PointOutOfRange { point: 30, .. }
        ));
        assert!(matches!(e("at least 5 (point 4)"), CountError::PointOutOfRange { .. }));
        assert!(matches!(
            Count::from_bounds(5, Some(4), 4),
            Err(CountError::Descending { .. })
        ));
    }

    #[test]
    fn messages() {
        let m = "1,20".parse::<Count>().unwrap_err().to_string();
        assert_eq!(
            m,
            "invalid count \"1,20\": thousands separators must split the number into groups of three digits"
        );
        let m = "at least 5 (point 4)".parse::<Count>().unwrap_err().to_string();
        assert_eq!(
            m,
            "invalid count \"at least 5 (point 4)\": the point estimate 4 is outside the bounds 5.."
        );
    }

    #[test]
    fn sums() {
        assert_eq!(Count::exact(2) + Count::exact(3), Count::exact(5));
        let s = Count::about(100) + Count::exact(10);
        assert_eq!(
            (s.lower(), s.upper(), s.point(), s.kind()),
            (100, Some(120), 110, CountKind::Between)
        );
        let s: Count = [Count::at_least(5), Count::at_most(3)].iter().sum();
        assert_eq!(
            (s.lower(), s.upper(), s.point(), s.kind()),
            (5, None, 8, CountKind::AtLeast)
        );
        assert_eq!(std::iter::empty::<Count>().sum::<Count>(), Count::ZERO);
        let big = Count::exact(u64::MAX) + Count::exact(1);
        assert_eq!((big.lower(), big.upper(), big.point()), (u64::MAX, None, u64::MAX));
        let mut a = Count::exact(1);
        a += Count::exact(1);
        assert_eq!(a, Count::exact(2));
    }

    fn any_count() -> impl Strategy<Value = Count> {
        let n = prop_oneof![0u64..1000, 0u64..10_000_000, any::<u64>()];
        let base = prop_oneof![
            n.clone().prop_map(Count::exact),
            n.clone().prop_map(Count::at_least),
            n.clone().prop_map(Count::at_most),
            n.clone().prop_map(Count::about),
            n.clone().prop_map(Count::nearly),
            (n.clone(), n).prop_map(|(a, b)| Count::between(a.min(b), a.max(b)).unwrap()),
        ];
        prop::collection::vec(base, 1..4).prop_map(|v| v.into_iter().sum())
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(x in any_count()) {
            prop_assert_eq!(x.to_string().parse::<Count>().unwrap(), x);
        }

        #[test]
        fn invariant_holds(x in any_count()) {
            prop_assert!(x.lower() <= x.point());
            prop_assert!(x.upper().is_none_or(|u| x.point() <= u));
        }

        #[test]
        fn sum_bounds_contain_sums_of_members(
            parts in prop::collection::vec((any_count(), 0.0f64..=1.0), 1..6)
        ) {
            // Pick a value inside each count's bounds; their total must lie inside the sum's bounds.
            let parts: Vec<(Count, f64)> = parts
                .into_iter()
                .filter(|(c, _)| c.upper().is_some_and(|u| u < 1 << 50) || c.upper().is_none() && c.lower() < 1 << 50)
                .collect();
            let total: Count = parts.iter().map(|(c, _)| *c).sum();
            let mut value: u64 = 0;
            for (c, f) in &parts {
                let hi = c.upper().unwrap_or(c.lower() + 1_000_000);
                value += c.lower() + ((hi - c.lower()) as f64 * f) as u64;
            }
            prop_assert!(total.contains(value));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = s.parse::<Count>();
        }

        #[test]
        fn parse_never_panics_near_forms(s in "(over |about |~|between |nearly )?-?[0-9, ]{0,12}(-|–| to | and )?[0-9, ]{0,8}\\+?( ?\\(point [0-9]{0,4}\\)?)?") {
            let _ = s.parse::<Count>();
        }
    }
}
