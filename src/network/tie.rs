//! Typed, weighted, dated ties between actors.

use std::fmt;
use std::str::FromStr;

use time::Date;

use super::NetworkError;
use crate::Source;

/// What a tie is made of.
///
/// Text form (Display / `FromStr`): lower case, e.g. `communication`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum TieKind {
    /// Family ties.
    Kinship,
    /// Phone calls, messages, meetings.
    Communication,
    /// Payments and money transfers.
    Financial,
    /// Handing migrants over, sharing boats, vehicles, safe houses.
    Logistics,
    /// A person belongs to an organisation.
    Membership,
    /// One actor gives orders to another.
    Command,
}

impl TieKind {
    /// Every kind, in declaration order.
    pub const ALL: [TieKind; 6] = [
        TieKind::Kinship,
        TieKind::Communication,
        TieKind::Financial,
        TieKind::Logistics,
        TieKind::Membership,
        TieKind::Command,
    ];

    /// The name used by Display, `FromStr` and the file formats.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::TieKind;
    /// assert_eq!(TieKind::Financial.as_str(), "financial");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TieKind::Kinship => "kinship",
            TieKind::Communication => "communication",
            TieKind::Financial => "financial",
            TieKind::Logistics => "logistics",
            TieKind::Membership => "membership",
            TieKind::Command => "command",
        }
    }
}

impl fmt::Display for TieKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TieKind {
    type Err = NetworkError;

    /// Parses the lower-case name, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        TieKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| NetworkError::UnknownName {
                what: "tie kind",
                text: s.to_owned(),
            })
    }
}

/// Whether a tie points from one actor to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Direction {
    /// From the first actor to the second (an order, a payment).
    Directed,
    /// Symmetric (kinship, a shared boat).
    Undirected,
}

/// A tie between two actors: kind, direction, weight, when it was seen and who reported it.
///
/// Like [`Actor`](super::Actor), a `Tie` is a description; it is checked by
/// [`NetworkBuilder::add_tie`](super::NetworkBuilder::add_tie): the weight must be positive and finite,
/// and the last sighting must not come before the first.
///
/// Each tie carries the [`Source`]s that report it.
///
/// # Observation window
///
/// A tie was observed over `first_seen..=last_seen` (inclusive). A **missing date is open-ended**,
/// never "unknown": no `first_seen` means "observed since an unknown start", no `last_seen` means "still
/// observed". A tie with neither date is open at both ends (*undated*);
/// [`SmugglingNetwork::during`](super::SmugglingNetwork::during) lets the caller keep or drop such ties
/// ([`Undated`](super::Undated)), since nothing bounds them.
///
/// When two reports of one tie are merged ([`NetworkBuilder::add_tie`](super::NetworkBuilder::add_tie)
/// with a duplicate, [`SmugglingNetwork::merge`](super::SmugglingNetwork::merge)), the merged window is
/// the smallest one covering both: the earlier start and the later end, an open end winning over any
/// date. So merging never narrows or reverses a window; disjoint windows merge into one that covers the
/// gap between them; a merge with an undated report is undated.
///
/// | first report | second report | merged |
/// |---|---|---|
/// | `2022-03..=2022-04` | `2022-01..=2022-02` | `2022-01..=2022-04` |
/// | `2022-03..` (open end) | `2022-01..=2022-02` | `2022-01..` |
/// | `..=2022-01` (open start) | `2022-06..` (open end) | open at both ends |
/// | undated | `2022-01..=2022-02` | undated |
///
/// # Example
///
/// ```
/// use corridor::Source;
/// use corridor::network::{Tie, TieKind};
/// use time::macros::date;
///
/// let t = Tie::directed(TieKind::Financial)
///     .weight(3.0)
///     .seen(date!(2022 - 01 - 10), date!(2022 - 06 - 30))
///     .source(Source::new("Fiscalía General de la Nación", "Press release"));
/// assert_eq!(t.kind(), TieKind::Financial);
/// assert_eq!(t.tie_weight(), 3.0);
/// assert_eq!(t.first_seen(), Some(date!(2022 - 01 - 10)));
/// ```
///
/// With the `serde` feature a tie (de)serialises as a map `kind`, `direction`, `weight`, `first_seen`,
/// `last_seen` (`YYYY-MM-DD`), `sources`; the weight and dates are checked when the tie is added to a
/// network.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "serde_repr::TieRepr", into = "serde_repr::TieRepr")
)]
pub struct Tie {
    kind: TieKind,
    direction: Direction,
    weight: f64,
    first_seen: Option<Date>,
    last_seen: Option<Date>,
    sources: Vec<Source>,
}

impl Tie {
    fn new(kind: TieKind, direction: Direction) -> Self {
        Self {
            kind,
            direction,
            weight: 1.0,
            first_seen: None,
            last_seen: None,
            sources: Vec::new(),
        }
    }

    /// A symmetric tie of weight 1.
    #[must_use]
    pub fn undirected(kind: TieKind) -> Self {
        Self::new(kind, Direction::Undirected)
    }

    /// A tie from the first actor to the second, of weight 1.
    #[must_use]
    pub fn directed(kind: TieKind) -> Self {
        Self::new(kind, Direction::Directed)
    }

    /// Sets the weight (strength, number of contacts, amount): positive and finite, checked by `add_tie`.
    #[must_use]
    pub fn weight(mut self, weight: f64) -> Self {
        self.weight = weight;
        self
    }

    /// Sets the first and last dates the tie was observed (inclusive).
    #[must_use]
    pub fn seen(mut self, first: Date, last: Date) -> Self {
        self.first_seen = Some(first);
        self.last_seen = Some(last);
        self
    }

    /// Sets only the first date the tie was observed; the window stays open at its end ("still
    /// observed").
    #[must_use]
    pub fn seen_from(mut self, first: Date) -> Self {
        self.first_seen = Some(first);
        self
    }

    /// Sets only the last date the tie was observed; the window stays open at its start ("since an
    /// unknown date").
    #[must_use]
    pub fn seen_until(mut self, last: Date) -> Self {
        self.last_seen = Some(last);
        self
    }

    /// Adds a source reporting the tie (ignored if already present).
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        if !self.sources.contains(&source) {
            self.sources.push(source);
        }
        self
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> TieKind {
        self.kind
    }

    /// Directed or undirected.
    #[must_use]
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Whether the tie is directed.
    #[must_use]
    pub fn is_directed(&self) -> bool {
        self.direction == Direction::Directed
    }

    /// The weight.
    #[must_use]
    pub fn tie_weight(&self) -> f64 {
        self.weight
    }

    /// First date observed; `None` when the window is open at its start.
    #[must_use]
    pub fn first_seen(&self) -> Option<Date> {
        self.first_seen
    }

    /// Last date observed; `None` when the window is open at its end.
    #[must_use]
    pub fn last_seen(&self) -> Option<Date> {
        self.last_seen
    }

    /// The sources, in the order given.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Checks weight and dates.
    pub(crate) fn validate(&self) -> Result<(), NetworkError> {
        if !(self.weight.is_finite() && self.weight > 0.0) {
            return Err(NetworkError::InvalidWeight { weight: self.weight });
        }
        if let (Some(first), Some(last)) = (self.first_seen, self.last_seen)
            && last < first
        {
            return Err(NetworkError::SeenOrder { first, last });
        }
        Ok(())
    }

    /// Folds a duplicate into `self`: weights summed, windows covered (see the type docs), sources
    /// united.
    pub(crate) fn absorb(&mut self, other: &Tie) {
        self.weight += other.weight;
        self.first_seen = cover(self.first_seen, other.first_seen, std::cmp::min);
        self.last_seen = cover(self.last_seen, other.last_seen, std::cmp::max);
        for s in &other.sources {
            if !self.sources.contains(s) {
                self.sources.push(s.clone());
            }
        }
    }

    /// Whether the tie was observed at some time in `first..=last`.
    ///
    /// `None` when the tie has no dates at all.
    pub(crate) fn overlaps(&self, first: Date, last: Date) -> Option<bool> {
        match (self.first_seen, self.last_seen) {
            (None, None) => None,
            (a, b) => Some(a.is_none_or(|a| a <= last) && b.is_none_or(|b| b >= first)),
        }
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    //! The serialised shape of a tie, with ISO dates.
    use super::{Direction, Tie, TieKind};
    use crate::Source;
    use crate::period::{parse_iso_date, write_date};

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct TieRepr {
        kind: TieKind,
        direction: Direction,
        weight: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_seen: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_seen: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<Source>,
    }

    impl TryFrom<TieRepr> for Tie {
        type Error = crate::Error;

        fn try_from(r: TieRepr) -> crate::Result<Tie> {
            let date = |d: Option<String>| d.map(|t| parse_iso_date(&t)).transpose();
            let mut t = Tie::new(r.kind, r.direction).weight(r.weight);
            t.first_seen = date(r.first_seen)?;
            t.last_seen = date(r.last_seen)?;
            for s in r.sources {
                t = t.source(s);
            }
            Ok(t)
        }
    }

    impl From<Tie> for TieRepr {
        fn from(t: Tie) -> Self {
            let date = |d: Option<time::Date>| {
                d.map(|d| {
                    let mut s = String::new();
                    let _ = write_date(&mut s, d);
                    s
                })
            };
            Self {
                kind: t.kind,
                direction: t.direction,
                weight: t.weight,
                first_seen: date(t.first_seen),
                last_seen: date(t.last_seen),
                sources: t.sources,
            }
        }
    }
}

/// One end of the window covering two windows: `None` (open) wins over any date.
fn cover(a: Option<Date>, b: Option<Date>, pick: fn(Date, Date) -> Date) -> Option<Date> {
    Some(pick(a?, b?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn kind_text_round_trips() {
        for k in TieKind::ALL {
            assert_eq!(k.to_string().parse::<TieKind>().unwrap(), k);
        }
        assert!("friendship".parse::<TieKind>().is_err());
    }

    fn src(t: &str) -> Source {
        Source::new("P", t)
    }

    #[test]
    fn absorb_sums_weights_and_widens_dates() {
        let mut a = Tie::undirected(TieKind::Logistics)
            .weight(2.0)
            .seen(date!(2022 - 03 - 01), date!(2022 - 04 - 01))
            .source(src("a"));
        let b = Tie::undirected(TieKind::Logistics)
            .seen(date!(2022 - 01 - 01), date!(2022 - 02 - 01))
            .source(src("b"))
            .source(src("a"));
        a.absorb(&b);
        assert_eq!(a.tie_weight(), 3.0);
        assert_eq!(a.first_seen(), Some(date!(2022 - 01 - 01)));
        assert_eq!(a.last_seen(), Some(date!(2022 - 04 - 01)));
        assert_eq!(a.sources(), &[src("a"), src("b")]);
    }

    /// Merges every combination of windows (closed, open at either end, open at both) both ways round.
    #[test]
    fn merged_windows_cover_both_and_open_ends_win() {
        type W = (Option<u8>, Option<u8>);
        let d = |m: u8| Date::from_calendar_date(2022, time::Month::try_from(m).unwrap(), 1).unwrap();
        let t = |first: Option<u8>, last: Option<u8>| {
            let mut t = Tie::undirected(TieKind::Logistics);
            t.first_seen = first.map(d);
            t.last_seen = last.map(d);
            t
        };
        // (first report, second report, merged): months of 2022, `None` for an open end.
        let cases: [(W, W, W); 12] = [
            // both dated: overlapping, nested, disjoint (the gap is covered), identical
            ((Some(3), Some(4)), (Some(1), Some(2)), (Some(1), Some(4))),
            ((Some(1), Some(9)), (Some(3), Some(4)), (Some(1), Some(9))),
            ((Some(1), Some(2)), (Some(8), Some(9)), (Some(1), Some(9))),
            ((Some(5), Some(5)), (Some(5), Some(5)), (Some(5), Some(5))),
            // one open end: the open end is kept (it was narrowed to the other's date before)
            ((Some(3), None), (Some(1), Some(2)), (Some(1), None)),
            ((None, Some(3)), (Some(5), Some(6)), (None, Some(6))),
            // open end against a later start, open start against an earlier end: never reversed
            ((Some(6), None), (None, Some(1)), (None, None)),
            ((None, Some(1)), (Some(6), None), (None, None)),
            ((Some(6), None), (Some(1), None), (Some(1), None)),
            ((None, Some(6)), (None, Some(1)), (None, Some(6))),
            // undated (open at both ends) against anything
            ((None, None), (Some(1), Some(2)), (None, None)),
            ((None, None), (None, None), (None, None)),
        ];
        for (a, b, want) in cases {
            for (x, y) in [(a, b), (b, a)] {
                let mut m = t(x.0, x.1);
                m.absorb(&t(y.0, y.1));
                assert_eq!(
                    (m.first_seen, m.last_seen),
                    (want.0.map(d), want.1.map(d)),
                    "{x:?} + {y:?}"
                );
                m.validate().expect("a merged window is never reversed");
                // The merged tie is seen in every window either report was seen in.
                for (f, l) in [(1, 1), (2, 3), (5, 5), (6, 7), (12, 12)] {
                    let seen = |t: &Tie| t.overlaps(d(f), d(l)).unwrap_or(true);
                    if seen(&t(x.0, x.1)) || seen(&t(y.0, y.1)) {
                        assert!(seen(&m), "{x:?} + {y:?} lost {f}..={l}");
                    }
                }
            }
        }
    }

    #[test]
    fn overlap_rules() {
        let t = Tie::undirected(TieKind::Kinship).seen(date!(2022 - 03 - 01), date!(2022 - 04 - 01));
        assert_eq!(t.overlaps(date!(2022 - 04 - 01), date!(2022 - 05 - 01)), Some(true));
        assert_eq!(t.overlaps(date!(2022 - 04 - 02), date!(2022 - 05 - 01)), Some(false));
        let open = Tie::undirected(TieKind::Kinship).seen_from(date!(2022 - 03 - 01));
        assert_eq!(open.overlaps(date!(2030 - 01 - 01), date!(2030 - 01 - 01)), Some(true));
        assert_eq!(
            Tie::undirected(TieKind::Kinship).overlaps(date!(2030 - 01 - 01), date!(2030 - 01 - 01)),
            None
        );
    }
}
