//! Typed, weighted, dated ties between actors.

use time::Date;

use super::NetworkError;
use super::extra::{self, Extra, Extras};
use crate::Source;

word_enum! {
    /// What a tie is made of.
    ///
    /// Text form (Display / `FromStr` / serde): lower case, e.g. `communication`.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::TieKind;
    /// assert_eq!(TieKind::Financial.as_str(), "financial");
    /// assert_eq!(" Financial ".parse::<TieKind>()?, TieKind::Financial);
    /// # Ok::<(), corridor::network::NetworkError>(())
    /// ```
    pub enum TieKind {
        /// Family ties.
        Kinship => "kinship",
        /// Phone calls, messages, meetings.
        Communication => "communication",
        /// Payments and money transfers.
        Financial => "financial",
        /// Handing migrants over, sharing boats, vehicles, safe houses.
        Logistics => "logistics",
        /// A person belongs to an organisation.
        Membership => "membership",
        /// One actor gives orders to another.
        Command => "command",
        /// The source does not say what kind of tie it is (a `GraphML` edge without a `kind`, as
        /// networkx, igraph and Gephi write them): never read as any of the kinds above.
        Unspecified => "unspecified",
    }
    error: NetworkError = |text| NetworkError::UnknownName { what: "tie kind", text: text.to_owned() };
}

word_enum! {
    /// Whether a tie points from one actor to the other. (Not a flow's
    /// [`flow::Direction`](crate::flow::Direction), which is a direction of travel.)
    ///
    /// Text form (Display / `FromStr` / serde): `directed`, `undirected`.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Tie, TieDirection, TieKind};
    /// assert_eq!(Tie::directed(TieKind::Command).direction(), TieDirection::Directed);
    /// assert_eq!("undirected".parse::<TieDirection>()?, TieDirection::Undirected);
    /// # Ok::<(), corridor::network::NetworkError>(())
    /// ```
    pub enum TieDirection {
        /// From the first actor to the second (an order, a payment).
        Directed => "directed",
        /// Symmetric (kinship, a shared boat).
        Undirected => "undirected",
    }
    error: NetworkError = |text| NetworkError::UnknownName { what: "tie direction", text: text.to_owned() };
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
///     .source(Source::new("Fiscalía General de la Nación", "Press release")?);
/// assert_eq!(t.kind(), TieKind::Financial);
/// assert_eq!(t.tie_weight(), 3.0);
/// assert_eq!(t.first_seen(), Some(date!(2022 - 01 - 10)));
/// # Ok::<(), corridor::Error>(())
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
    direction: TieDirection,
    weight: f64,
    first_seen: Option<Date>,
    last_seen: Option<Date>,
    sources: Vec<Source>,
    extras: Extras,
}

impl Tie {
    fn new(kind: TieKind, direction: TieDirection) -> Self {
        Self {
            kind,
            direction,
            weight: 1.0,
            first_seen: None,
            last_seen: None,
            sources: Vec::new(),
            extras: Extras::new(),
        }
    }

    /// A symmetric tie of weight 1.
    #[must_use]
    pub fn undirected(kind: TieKind) -> Self {
        Self::new(kind, TieDirection::Undirected)
    }

    /// A tie from the first actor to the second, of weight 1.
    #[must_use]
    pub fn directed(kind: TieKind) -> Self {
        Self::new(kind, TieDirection::Directed)
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
        crate::distinct::push_distinct(&mut self.sources, source);
        self
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> TieKind {
        self.kind
    }

    /// Directed or undirected.
    #[must_use]
    pub fn direction(&self) -> TieDirection {
        self.direction
    }

    /// Whether the tie is directed.
    #[must_use]
    pub fn is_directed(&self) -> bool {
        self.direction == TieDirection::Directed
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

    /// Sets an extra attribute: one corridor has no field for, such as a label or a colour read from a
    /// `GraphML` file (see [`Extra`]). Setting a name again replaces its value.
    ///
    /// The name is checked by [`NetworkBuilder::add_tie`](super::NetworkBuilder::add_tie): non-empty, and
    /// not one of the attribute names [`write_graphml`](crate::io::write_graphml) gives the tie's own
    /// fields (`kind`, `weight`, `first_seen`, `last_seen`, `directed`, `sources`). When duplicates are
    /// merged, the first tie's extras win and the others add the names it lacks.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::network::{Extra, Tie, TieKind};
    /// let t = Tie::undirected(TieKind::Kinship).extra("label", "cousins");
    /// assert_eq!(t.extras().get("label"), Some(&Extra::Text("cousins".into())));
    /// ```
    #[must_use]
    pub fn extra(mut self, name: impl Into<String>, value: impl Into<Extra>) -> Self {
        self.extras.insert(name.into(), value.into());
        self
    }

    /// The extra attributes, by name.
    #[must_use]
    pub fn extras(&self) -> &std::collections::BTreeMap<String, Extra> {
        &self.extras
    }

    /// Checks weight, dates and extra names.
    pub(crate) fn validate(&self) -> Result<(), NetworkError> {
        if !(self.weight.is_finite() && self.weight > 0.0) {
            return Err(NetworkError::InvalidWeight { weight: self.weight });
        }
        if let (Some(first), Some(last)) = (self.first_seen, self.last_seen)
            && last < first
        {
            return Err(NetworkError::SeenOrder { first, last });
        }
        extra::check_names(&self.extras, &extra::TIE_FIELDS)
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
        extra::absorb(&mut self.extras, &other.extras);
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
    use super::{Extras, Tie, TieDirection, TieKind};
    use crate::Source;
    use crate::period::{parse_iso_date, write_date};

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct TieRepr {
        kind: TieKind,
        direction: TieDirection,
        weight: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_seen: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_seen: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<Source>,
        #[serde(default, skip_serializing_if = "Extras::is_empty")]
        extras: Extras,
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
            t.extras = r.extras;
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
                extras: t.extras,
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
        Source::new("P", t).unwrap()
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
