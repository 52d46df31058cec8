//! Cooperation events at scale (GDELT / ICEWS-like): a compact columnar table, queries by state and
//! period, dyad counts per period and the cooperation network of each period.

use std::fmt;
use std::iter::FusedIterator;
use std::str::FromStr;

use time::Date;

use super::state_index::StateIndex;
use super::{PartnerError, Result};
use crate::network::{ActorId, SmugglingNetwork, Tie, TieKind};
use crate::{Country, Granularity, Period};

/// A CAMEO event code, kept as text: `"010"` (make statement, not specified below) and `"10"`
/// (demand) are different codes, which an integer column would merge, so the code is never read as a
/// number.
///
/// A code is two to four ASCII digits whose first two name one of the twenty CAMEO root codes `01`
/// to `20` (Schrodt, *CAMEO Conflict and Mediation Event Observations Codebook*, version 1.1b3, 2012):
/// `"05"` (engage in diplomatic cooperation), `"057"`, `"0874"`. It is stored in two bytes.
///
/// [`Display`](fmt::Display) prints the code as it was read; [`FromStr`] reads it back (surrounding
/// whitespace trimmed). With the `serde` feature it is a string, deserialised through [`FromStr`].
///
/// ```
/// use corridor::partner::{CameoCode, QuadClass};
///
/// let sign: CameoCode = "057".parse()?;
/// assert_eq!(sign.to_string(), "057");
/// assert_ne!("010".parse::<CameoCode>()?, "10".parse::<CameoCode>()?);
/// assert_eq!(sign.root(), 5);
/// assert_eq!(sign.quad_class(), QuadClass::VerbalCooperation);
/// assert!("21".parse::<CameoCode>().is_err()); // no root code 21
/// assert!("0571a".parse::<CameoCode>().is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode(u16);

impl CameoCode {
    /// The code of `bytes` (exactly two to four digits, no whitespace), or `None`.
    #[inline]
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<CameoCode> {
        if !(2..=4).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let root = u16::from(bytes[0] - b'0') * 10 + u16::from(bytes[1] - b'0');
        if !(1..=20).contains(&root) {
            return None;
        }
        let value = bytes.iter().fold(0u16, |acc, &b| acc * 10 + u16::from(b - b'0'));
        // Value times 4 plus (digits − 2): at most 9999 · 4 + 2, within a u16.
        Some(CameoCode(value * 4 + (bytes.len() as u16 - 2)))
    }

    /// The number of digits, 2 to 4.
    #[must_use]
    pub fn digits(self) -> usize {
        usize::from(self.0 % 4) + 2
    }

    /// The root code, 1 to 20 (the first two digits): 1 make public statement … 5 engage in diplomatic
    /// cooperation … 6 engage in material cooperation … 14 protest … 20 use unconventional mass
    /// violence.
    #[must_use]
    pub fn root(self) -> u8 {
        let value = self.0 / 4;
        let scale = [1, 10, 100][self.digits() - 2];
        (value / scale) as u8
    }

    /// The quad class of the root code, as GDELT's `QuadClass` column assigns it.
    #[must_use]
    pub fn quad_class(self) -> QuadClass {
        match self.root() {
            1..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    /// Whether the code is one of cooperation (root codes 01 to 08, verbal or material).
    #[must_use]
    pub fn is_cooperation(self) -> bool {
        self.root() <= 8
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:0width$}", self.0 / 4, width = self.digits())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({self})")
    }
}

impl FromStr for CameoCode {
    type Err = PartnerError;

    /// Reads two to four digits starting with a root code `01` to `20`, surrounding whitespace trimmed.
    ///
    /// # Errors
    ///
    /// [`PartnerError::InvalidCameo`] naming the text.
    fn from_str(s: &str) -> Result<CameoCode> {
        CameoCode::from_bytes(s.trim().as_bytes()).ok_or_else(|| PartnerError::InvalidCameo { code: s.to_owned() })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CameoCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for CameoCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(crate::period::FromStrVisitor(
            core::marker::PhantomData,
            "a CAMEO code such as \"057\"",
        ))
    }
}

words! {
    /// The four classes of CAMEO root codes used by GDELT (its `QuadClass` column): roots 01–05 are
    /// verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
    pub enum QuadClass: "quad class", PartnerError::unknown {
        /// Root codes 01 to 05 (statements, appeals, intent to cooperate, consultations, diplomatic
        /// cooperation).
        VerbalCooperation => "verbal_cooperation",
        /// Root codes 06 to 08 (material cooperation, aid, yielding).
        MaterialCooperation => "material_cooperation",
        /// Root codes 09 to 13 (investigations, demands, disapproval, rejection, threats).
        VerbalConflict => "verbal_conflict",
        /// Root codes 14 to 20 (protest, force posture, reduced relations, coercion, assault, fighting,
        /// mass violence).
        MaterialConflict => "material_conflict",
    }
}

/// One cooperation event record: a day, a CAMEO code, the two states (actor 1 and actor 2, in the
/// order the source gives them) and the number of events it stands for (GDELT's `NumEvents`; 1 for
/// one-event-per-row data such as ICEWS).
///
/// The two states may be the same (a domestic event): such records are kept, counted on the diagonal
/// of [`DyadCounts`] and left out of the [`EventNetwork`], which has no self-ties.
///
/// ```
/// use corridor::partner::CooperationEvent;
/// use corridor::Country;
/// use time::macros::date;
///
/// let e = CooperationEvent::new(date!(2021 - 08 - 11), "036".parse()?, Country::PAN, Country::COL, 3)?;
/// assert_eq!(e.count(), 3);
/// assert!(CooperationEvent::new(date!(2021 - 08 - 11), "036".parse()?, Country::PAN, Country::COL, 0).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct CooperationEvent {
    #[cfg_attr(feature = "serde", serde(with = "crate::words::serde_date"))]
    date: Date,
    code: CameoCode,
    first: Country,
    second: Country,
    count: u32,
}

serde_validated!(CooperationEvent);

impl CooperationEvent {
    /// An event record of `count` events.
    ///
    /// # Errors
    ///
    /// [`PartnerError::ZeroEvents`] when `count` is 0.
    pub fn new(date: Date, code: CameoCode, first: Country, second: Country, count: u32) -> Result<Self> {
        let e = CooperationEvent {
            date,
            code,
            first,
            second,
            count,
        };
        e.validate()?;
        Ok(e)
    }

    fn validate(&self) -> Result<()> {
        if self.count == 0 {
            return Err(PartnerError::ZeroEvents {
                date: self.date,
                first: self.first,
                second: self.second,
            });
        }
        Ok(())
    }

    /// The day.
    #[must_use]
    pub fn date(&self) -> Date {
        self.date
    }

    /// The CAMEO code.
    #[must_use]
    pub fn code(&self) -> CameoCode {
        self.code
    }

    /// Actor 1's state.
    #[must_use]
    pub fn first(&self) -> Country {
        self.first
    }

    /// Actor 2's state.
    #[must_use]
    pub fn second(&self) -> Country {
        self.second
    }

    /// The two states as an unordered pair: the lower (in alpha-3 order) first.
    #[must_use]
    pub fn pair(&self) -> (Country, Country) {
        if self.first <= self.second {
            (self.first, self.second)
        } else {
            (self.second, self.first)
        }
    }

    /// The number of events, at least 1.
    #[must_use]
    pub fn count(&self) -> u32 {
        self.count
    }
}

/// Puts `v` in `order` (a permutation of its indices).
fn permute<T: Copy>(v: &mut Vec<T>, order: &[u32]) {
    *v = order.iter().map(|&i| v[i as usize]).collect();
}

/// Columns being filled, before sorting and indexing (the CSV reader fills one per chunk).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct EventColumns {
    dates: Vec<Date>,
    codes: Vec<CameoCode>,
    first: Vec<Country>,
    second: Vec<Country>,
    counts: Vec<u32>,
}

impl EventColumns {
    /// Appends an event (its count already checked to be at least 1).
    #[inline]
    pub(crate) fn push(&mut self, date: Date, code: CameoCode, first: Country, second: Country, count: u32) {
        debug_assert!(count > 0);
        self.dates.push(date);
        self.codes.push(code);
        self.first.push(first);
        self.second.push(second);
        self.counts.push(count);
    }

    /// Appends the events of `other`.
    #[cfg(feature = "csv")]
    pub(crate) fn append(&mut self, mut other: EventColumns) {
        if self.dates.is_empty() {
            *self = other;
            return;
        }
        self.dates.append(&mut other.dates);
        self.codes.append(&mut other.codes);
        self.first.append(&mut other.first);
        self.second.append(&mut other.second);
        self.counts.append(&mut other.counts);
    }

    /// Sorts by date (stably: records of one day keep their order) and indexes by state.
    pub(crate) fn finish(mut self) -> Result<CooperationEvents> {
        let n = self.dates.len();
        if u32::try_from(n).is_err() {
            return Err(PartnerError::TooManyEvents { len: n });
        }
        if !self.dates.is_sorted() {
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_by_key(|&i| self.dates[i as usize]);
            permute(&mut self.dates, &order);
            permute(&mut self.codes, &order);
            permute(&mut self.first, &order);
            permute(&mut self.second, &order);
            permute(&mut self.counts, &order);
        }
        self.dates.shrink_to_fit();
        self.codes.shrink_to_fit();
        self.first.shrink_to_fit();
        self.second.shrink_to_fit();
        self.counts.shrink_to_fit();
        // Rows of each state by date: a counting sort over the date-sorted rows keeps date order.
        let mut offsets = vec![0u32; Country::COUNT + 1];
        for (a, b) in self.first.iter().zip(&self.second) {
            offsets[a.index() + 1] += 1;
            if a != b {
                offsets[b.index() + 1] += 1;
            }
        }
        for i in 0..Country::COUNT {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut rows = vec![0u32; offsets[Country::COUNT] as usize];
        for (i, (a, b)) in self.first.iter().zip(&self.second).enumerate() {
            rows[next[a.index()] as usize] = i as u32;
            next[a.index()] += 1;
            if a != b {
                rows[next[b.index()] as usize] = i as u32;
                next[b.index()] += 1;
            }
        }
        Ok(CooperationEvents {
            cols: self,
            offsets,
            rows,
        })
    }
}

/// Cooperation events in a compact columnar table: GDELT- or ICEWS-like records of a day, a
/// [`CameoCode`], two states and a number of events, ordered by day (records of one day in the order
/// given), indexed by state.
///
/// Each record takes 12 bytes in the columns (day 4, code 2, the states 1 each, count 4) and 4 or 8
/// in the state index, so a million events take about 20 MB — less than the 25 to 30 MB of their
/// CSV text. Build one with [`CooperationEvents::from_events`] (or `collect`), or read one with
/// `corridor::io::read_cooperation_events` (feature `csv`).
///
/// # Complexity
///
/// Building sorts by day (`O(n)` when the records come in day order, as event files do, else
/// `O(n log n)`) and indexes by state in `O(n)`. [`CooperationEvents::within`] and
/// [`CooperationEvents::with_partner_in`] take `O(log n + k)` for `k` records returned;
/// [`CooperationEvents::dyads`] takes `O(n + p log p)` for `p` dyads.
///
/// ```
/// use corridor::partner::{CooperationEvent, CooperationEvents};
/// use corridor::{Country, Granularity};
/// use time::macros::date;
///
/// let e = |d, code: &str, a, b, n| CooperationEvent::new(d, code.parse().unwrap(), a, b, n).unwrap();
/// let events = CooperationEvents::from_events([
///     e(date!(2021 - 09 - 21), "061", Country::PAN, Country::CRI, 2),
///     e(date!(2021 - 08 - 11), "036", Country::PAN, Country::COL, 1),
///     e(date!(2021 - 08 - 20), "042", Country::COL, Country::PAN, 4),
/// ])?;
/// assert_eq!(events.get(0).map(|e| e.date()), Some(date!(2021 - 08 - 11))); // ordered by day
/// assert_eq!(events.with_partner_in(Country::PAN, "2021-08".parse()?).len(), 2);
/// let monthly = events.dyads(Granularity::Month);
/// assert_eq!(monthly.count("2021-08".parse()?, Country::PAN, Country::COL), 5); // 1 + 4, either order
/// assert_eq!(monthly.count("2021-09".parse()?, Country::CRI, Country::PAN), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// With the `serde` feature the table serialises as the sequence of its records by day, each as a
/// [`CooperationEvent`] serialises, and deserialises from such a sequence through each record's checks
/// (and [`CooperationEvents::from_events`]'s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CooperationEvents {
    cols: EventColumns,
    /// `rows[offsets[c]..offsets[c + 1]]` are the records of state `c` (by index), by day.
    offsets: Vec<u32>,
    rows: Vec<u32>,
}

impl Default for CooperationEvents {
    fn default() -> Self {
        CooperationEvents {
            cols: EventColumns::default(),
            offsets: vec![0; Country::COUNT + 1],
            rows: Vec::new(),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CooperationEvents {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for CooperationEvents {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let events = <Vec<CooperationEvent> as serde::Deserialize>::deserialize(d)?;
        CooperationEvents::from_events(events).map_err(serde::de::Error::custom)
    }
}

impl FromIterator<CooperationEvent> for CooperationEvents {
    /// # Panics
    ///
    /// Panics with more than `u32::MAX` events (use [`CooperationEvents::from_events`] for an error).
    fn from_iter<I: IntoIterator<Item = CooperationEvent>>(iter: I) -> Self {
        CooperationEvents::from_events(iter).expect("at most u32::MAX events")
    }
}

impl CooperationEvents {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The table of `events`, ordered by day (records of one day keep their order).
    ///
    /// # Errors
    ///
    /// [`PartnerError::TooManyEvents`] with more than `u32::MAX` records.
    pub fn from_events<I: IntoIterator<Item = CooperationEvent>>(events: I) -> Result<Self> {
        let mut cols = EventColumns::default();
        for e in events {
            cols.push(e.date, e.code, e.first, e.second, e.count);
        }
        cols.finish()
    }

    /// The number of records.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cols.dates.len()
    }

    /// Whether there is no record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cols.dates.is_empty()
    }

    /// The record at `index` (in day order).
    #[must_use]
    pub fn get(&self, index: usize) -> Option<CooperationEvent> {
        (index < self.len()).then(|| self.at(index))
    }

    #[inline]
    fn at(&self, i: usize) -> CooperationEvent {
        CooperationEvent {
            date: self.cols.dates[i],
            code: self.cols.codes[i],
            first: self.cols.first[i],
            second: self.cols.second[i],
            count: self.cols.counts[i],
        }
    }

    /// The days of the records, in order (a column of the table).
    #[must_use]
    pub fn dates(&self) -> &[Date] {
        &self.cols.dates
    }

    /// The number of events of each record, in order (a column of the table).
    #[must_use]
    pub fn counts(&self) -> &[u32] {
        &self.cols.counts
    }

    /// The total number of events (the sum of the records' counts).
    #[must_use]
    pub fn total(&self) -> u64 {
        self.cols.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// Every record, by day.
    #[must_use]
    pub fn iter(&self) -> Events<'_> {
        Events {
            table: self,
            range: 0..self.len(),
        }
    }

    /// The records whose day lies within `period`, by day. `O(log n + k)`.
    #[must_use]
    pub fn within(&self, period: Period) -> Events<'_> {
        let dates = &self.cols.dates;
        let lo = dates.partition_point(|d| *d < period.start());
        let hi = dates.partition_point(|d| *d <= period.end()).max(lo);
        Events {
            table: self,
            range: lo..hi,
        }
    }

    /// The records naming `state` (as actor 1 or 2), by day. `O(1)` to make, `O(k)` to walk.
    #[must_use]
    pub fn with_partner(&self, state: Country) -> PartnerEvents<'_> {
        let c = state.index();
        PartnerEvents {
            table: self,
            rows: self.rows[self.offsets[c] as usize..self.offsets[c + 1] as usize].iter(),
        }
    }

    /// The records naming `state` whose day lies within `period`, by day. `O(log n + k)`.
    ///
    /// ```
    /// use corridor::partner::{CooperationEvent, CooperationEvents};
    /// use corridor::Country;
    /// use time::macros::date;
    ///
    /// let events = CooperationEvents::from_events([
    ///     CooperationEvent::new(date!(2021 - 09 - 21), "061".parse()?, Country::PAN, Country::CRI, 2)?,
    ///     CooperationEvent::new(date!(2022 - 01 - 10), "061".parse()?, Country::CRI, Country::NIC, 1)?,
    /// ])?;
    /// let cri_2021: Vec<Country> = events
    ///     .with_partner_in(Country::CRI, "2021".parse()?)
    ///     .map(|e| e.first())
    ///     .collect();
    /// assert_eq!(cri_2021, [Country::PAN]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn with_partner_in(&self, state: Country, period: Period) -> PartnerEvents<'_> {
        let c = state.index();
        let rows = &self.rows[self.offsets[c] as usize..self.offsets[c + 1] as usize];
        let dates = &self.cols.dates;
        let lo = rows.partition_point(|&r| dates[r as usize] < period.start());
        let hi = rows.partition_point(|&r| dates[r as usize] <= period.end()).max(lo);
        PartnerEvents {
            table: self,
            rows: rows[lo..hi].iter(),
        }
    }

    /// The states named by some record, in alpha-3 order.
    #[must_use]
    pub fn states(&self) -> Vec<Country> {
        (0..Country::COUNT)
            .filter(|&c| self.offsets[c + 1] > self.offsets[c])
            .filter_map(Country::from_index)
            .collect()
    }

    /// The number of events per period of granularity `g` × unordered pair of states, every period
    /// from the first record's to the last record's (a period without records has no dyads).
    ///
    /// A record of states `a` and `b` adds its count to the dyad `{a, b}` whichever is actor 1, so the
    /// counts are symmetric; a domestic record (`a == b`) adds to the diagonal dyad `{a, a}`.
    ///
    /// `O(n + p log p)` for `n` records and `p` dyads: records are in day order, so each period is one
    /// run of records, summed in a dense `Country::COUNT`² array.
    ///
    #[must_use]
    pub fn dyads(&self, g: Granularity) -> DyadCounts {
        let n = Country::COUNT;
        let dates = &self.cols.dates;
        let mut out = DyadCounts {
            granularity: g,
            periods: Vec::new(),
            offsets: vec![0],
            pairs: Vec::new(),
            counts: Vec::new(),
            states: self.states(),
        };
        let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
            return out;
        };
        let mut sums = vec![0u64; n * n];
        let mut touched: Vec<u32> = Vec::new();
        let mut period = Period::containing(first, g);
        let last_period = Period::containing(last, g);
        let mut i = 0;
        loop {
            let end = period.end();
            while i < dates.len() && dates[i] <= end {
                let (a, b) = (self.cols.first[i].index(), self.cols.second[i].index());
                let key = if a <= b { a * n + b } else { b * n + a };
                if sums[key] == 0 {
                    touched.push(key as u32);
                }
                sums[key] += u64::from(self.cols.counts[i]);
                i += 1;
            }
            touched.sort_unstable();
            for &k in &touched {
                let k = k as usize;
                // Both indices come from countries, so both are countries again.
                if let (Some(a), Some(b)) = (Country::from_index(k / n), Country::from_index(k % n)) {
                    out.pairs.push((a, b));
                    out.counts.push(sums[k]);
                }
                sums[k] = 0;
            }
            touched.clear();
            out.periods.push(period);
            out.offsets.push(out.pairs.len() as u32);
            // `last_period` follows `period`, so a next period exists until it is reached.
            match period.next() {
                Some(next) if period != last_period => period = next,
                _ => return out,
            }
        }
    }
}

/// The records of [`CooperationEvents::iter`] and [`CooperationEvents::within`]: a run of the table.
#[derive(Debug, Clone)]
pub struct Events<'a> {
    table: &'a CooperationEvents,
    range: std::ops::Range<usize>,
}

impl Iterator for Events<'_> {
    type Item = CooperationEvent;

    fn next(&mut self) -> Option<CooperationEvent> {
        self.range.next().map(|i| self.table.at(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Events<'_> {
    fn next_back(&mut self) -> Option<CooperationEvent> {
        self.range.next_back().map(|i| self.table.at(i))
    }
}

impl ExactSizeIterator for Events<'_> {}
impl FusedIterator for Events<'_> {}

/// The records of [`CooperationEvents::with_partner`] and [`CooperationEvents::with_partner_in`].
#[derive(Debug, Clone)]
pub struct PartnerEvents<'a> {
    table: &'a CooperationEvents,
    rows: core::slice::Iter<'a, u32>,
}

impl Iterator for PartnerEvents<'_> {
    type Item = CooperationEvent;

    fn next(&mut self) -> Option<CooperationEvent> {
        self.rows.next().map(|&i| self.table.at(i as usize))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl DoubleEndedIterator for PartnerEvents<'_> {
    fn next_back(&mut self) -> Option<CooperationEvent> {
        self.rows.next_back().map(|&i| self.table.at(i as usize))
    }
}

impl ExactSizeIterator for PartnerEvents<'_> {}
impl FusedIterator for PartnerEvents<'_> {}

impl<'a> IntoIterator for &'a CooperationEvents {
    type Item = CooperationEvent;
    type IntoIter = Events<'a>;

    fn into_iter(self) -> Events<'a> {
        self.iter()
    }
}

/// The number of events per period × unordered pair of states, built by [`CooperationEvents::dyads`]:
/// for each period (every one from the first record's to the last record's), its dyads in order of
/// the pair, each pair `(a, b)` with `a <= b`.
///
/// With the `serde` feature it serialises (serialise-only) as one row per period and pair:
/// `{"period", "a", "b", "events"}`, in the order of [`DyadCounts::iter`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadCounts {
    granularity: Granularity,
    periods: Vec<Period>,
    offsets: Vec<u32>,
    pairs: Vec<(Country, Country)>,
    counts: Vec<u64>,
    states: Vec<Country>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct DyadRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
    a: Country,
    b: Country,
    events: u64,
}

#[cfg(feature = "serde")]
impl serde::Serialize for DyadCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|(period, a, b, events)| DyadRow {
            period: Some(period),
            a,
            b,
            events,
        }))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EventNetwork {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            period: Period,
            network: &'a SmugglingNetwork,
            pairs: Vec<DyadRow>,
        }
        View {
            period: self.period,
            network: &self.network,
            pairs: self
                .pairs()
                .map(|(a, b, events)| DyadRow {
                    period: None,
                    a,
                    b,
                    events,
                })
                .collect(),
        }
        .serialize(s)
    }
}

impl DyadCounts {
    /// The granularity of the periods.
    #[must_use]
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// Every period, in order.
    #[must_use]
    pub fn periods(&self) -> &[Period] {
        &self.periods
    }

    /// The number of dyads over all periods.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there is no dyad.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The states of the table the counts come from, in alpha-3 order (the actors of every
    /// [`EventNetwork`], so that actor ids are the same in every period).
    #[must_use]
    pub fn states(&self) -> &[Country] {
        &self.states
    }

    fn slot(&self, period: Period) -> Option<usize> {
        let i = self.periods.partition_point(|p| p.start() < period.start());
        (self.periods.get(i) == Some(&period)).then_some(i)
    }

    /// The dyads of `period` as `(a, b, events)` with `a <= b`, in pair order; empty when `period` is
    /// not one of [`DyadCounts::periods`].
    #[must_use]
    pub fn dyads(&self, period: Period) -> impl ExactSizeIterator<Item = (Country, Country, u64)> + '_ {
        let range = self
            .slot(period)
            .map_or(0..0, |i| self.offsets[i] as usize..self.offsets[i + 1] as usize);
        range.map(|k| (self.pairs[k].0, self.pairs[k].1, self.counts[k]))
    }

    /// Every dyad of every period as `(period, a, b, events)`, by period then pair.
    pub fn iter(&self) -> impl Iterator<Item = (Period, Country, Country, u64)> + '_ {
        self.periods.iter().enumerate().flat_map(move |(i, &p)| {
            (self.offsets[i] as usize..self.offsets[i + 1] as usize)
                .map(move |k| (p, self.pairs[k].0, self.pairs[k].1, self.counts[k]))
        })
    }

    /// The events of `a` and `b` in `period`, in either order (0 when there were none or `period` is
    /// not counted). `O(log p)`.
    #[must_use]
    pub fn count(&self, period: Period, a: Country, b: Country) -> u64 {
        let key = if a <= b { (a, b) } else { (b, a) };
        let Some(i) = self.slot(period) else { return 0 };
        let (lo, hi) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        self.pairs[lo..hi]
            .binary_search(&key)
            .map_or(0, |k| self.counts[lo + k])
    }

    /// The total number of events counted, diagonal included.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The cooperation network of `period`: the states of [`DyadCounts::states`] as actors, an
    /// undirected tie between two states weighted by their events in the period (domestic events,
    /// on the diagonal, are left out: a network has no self-ties).
    ///
    /// # Errors
    ///
    /// [`PartnerError::PeriodNotCounted`] when `period` is not one of [`DyadCounts::periods`];
    /// [`PartnerError::Network`] if the graph cannot be built.
    ///
    /// ```
    /// use corridor::partner::{CooperationEvent, CooperationEvents};
    /// use corridor::{Country, Granularity};
    /// use time::macros::date;
    ///
    /// let e = |a, b, n| CooperationEvent::new(date!(2021 - 08 - 11), "036".parse().unwrap(), a, b, n).unwrap();
    /// let events = CooperationEvents::from_events([
    ///     e(Country::PAN, Country::COL, 3),
    ///     e(Country::PAN, Country::CRI, 1),
    ///     e(Country::USA, Country::PAN, 2),
    /// ])?;
    /// let august = events.dyads(Granularity::Month).network("2021-08".parse()?)?;
    /// let ranked = august.ranked(&august.network().strength());
    /// assert_eq!(ranked[0], (Country::PAN, 6.0));
    /// assert_eq!(august.weight(Country::COL, Country::PAN), 3);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn network(&self, period: Period) -> Result<EventNetwork> {
        let i = self.slot(period).ok_or(PartnerError::PeriodNotCounted { period })?;
        self.network_at(i)
    }

    /// The cooperation network of every period, in order (see [`DyadCounts::network`]).
    ///
    /// # Errors
    ///
    /// [`PartnerError::Network`] if a graph cannot be built.
    pub fn networks(&self) -> Result<Vec<EventNetwork>> {
        (0..self.periods.len()).map(|i| self.network_at(i)).collect()
    }

    fn network_at(&self, i: usize) -> Result<EventNetwork> {
        let network_err = |source| PartnerError::Network { source };
        let mut b = SmugglingNetwork::builder();
        let (states, ids) = StateIndex::add_actors(self.states.clone(), &mut b);
        let id_of = |c: Country| states.id_in(&ids, c);
        let (lo, hi) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        let mut pairs = Vec::with_capacity(hi - lo);
        for k in lo..hi {
            let (x, y) = self.pairs[k];
            if x == y {
                continue;
            }
            let (Some(a), Some(c)) = (id_of(x), id_of(y)) else {
                continue;
            };
            b.add_tie(
                a,
                c,
                Tie::undirected(TieKind::Communication).weight(self.counts[k] as f64),
            )
            .map_err(network_err)?;
            pairs.push((x, y, self.counts[k]));
        }
        Ok(EventNetwork {
            period: self.periods[i],
            network: b.build().map_err(network_err)?,
            states,
            pairs,
        })
    }
}

/// The cooperation network of one period built by [`DyadCounts::network`]: a [`SmugglingNetwork`]
/// whose actors are states (organisations named by their ISO short name, the alpha-3 code as alias,
/// the country set), with one undirected [`TieKind::Communication`] tie per pair of states weighted by
/// their events in the period, so every measure of the `network` module applies. Undirected, hence
/// symmetric.
///
/// With the `serde` feature it serialises (serialise-only) as `period`, `network` (the
/// [`SmugglingNetwork`], actor `i` the `i`-th state) and `pairs` (`{"a", "b", "events"}`).
#[derive(Debug, Clone, PartialEq)]
pub struct EventNetwork {
    period: Period,
    network: SmugglingNetwork,
    states: StateIndex,
    pairs: Vec<(Country, Country, u64)>,
}

impl EventNetwork {
    /// The period.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The graph, for the `network` module's measures.
    #[must_use]
    pub fn network(&self) -> &SmugglingNetwork {
        &self.network
    }

    /// The states in actor order: `states()[id.index()]` is the state of actor `id`.
    #[must_use]
    pub fn states(&self) -> &[Country] {
        self.states.as_slice()
    }

    /// The actor of `state`, if it is one.
    #[must_use]
    pub fn actor(&self, state: Country) -> Option<ActorId> {
        self.states.actor(state)
    }

    /// The state of actor `id`.
    #[must_use]
    pub fn state(&self, id: ActorId) -> Option<Country> {
        self.states.state(id)
    }

    /// The events of `a` and `b` in the period, in either order (0 when none or `a == b`).
    #[must_use]
    pub fn weight(&self, a: Country, b: Country) -> u64 {
        let key = if a <= b { (a, b) } else { (b, a) };
        self.pairs
            .binary_search_by(|p| (p.0, p.1).cmp(&key))
            .map_or(0, |k| self.pairs[k].2)
    }

    /// Every linked pair `(a, b, events)` with `a < b`, in order.
    #[must_use]
    pub fn pairs(&self) -> impl ExactSizeIterator<Item = (Country, Country, u64)> + '_ {
        self.pairs.iter().copied()
    }

    /// States ranked by a per-actor score (a centrality of [`Self::network`]), highest first, ties in
    /// alpha-3 order; scores beyond the number of states are ignored, NaN ranks last.
    #[must_use]
    pub fn ranked(&self, scores: &[f64]) -> Vec<(Country, f64)> {
        self.states.ranked(scores)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;

    fn ev(d: Date, code: &str, a: Country, b: Country, n: u32) -> CooperationEvent {
        CooperationEvent::new(d, code.parse().unwrap(), a, b, n).unwrap()
    }

    #[test]
    fn cameo_codes_stay_text() {
        // CAMEO 1.1b3: 057 "sign formal agreement", 0874 "retreat or surrender militarily" (root 08).
        for text in ["01", "05", "057", "0874", "20", "204", "2042"] {
            let c: CameoCode = text.parse().unwrap();
            assert_eq!(c.to_string(), text);
        }
        // CAMEO 1.1b3: 010 "make statement, not specified below" (root 01), 10 "demand" (root 10).
        assert_ne!("010".parse::<CameoCode>().unwrap(), "10".parse::<CameoCode>().unwrap());
        assert_eq!("010".parse::<CameoCode>().unwrap().root(), 1);
        assert_eq!("10".parse::<CameoCode>().unwrap().root(), 10);
        assert_eq!("0874".parse::<CameoCode>().unwrap().root(), 8);
        assert_eq!("173".parse::<CameoCode>().unwrap().root(), 17);
        assert_eq!(
            "173".parse::<CameoCode>().unwrap().quad_class(),
            QuadClass::MaterialConflict
        );
        assert_eq!(
            "064".parse::<CameoCode>().unwrap().quad_class(),
            QuadClass::MaterialCooperation
        );
        assert_eq!(
            "13".parse::<CameoCode>().unwrap().quad_class(),
            QuadClass::VerbalConflict
        );
        assert!("064".parse::<CameoCode>().unwrap().is_cooperation());
        for bad in ["", "0", "00", "21", "99", "05711", "5a", "-57", "0 5"] {
            assert!(
                matches!(bad.parse::<CameoCode>(), Err(PartnerError::InvalidCameo { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(" 057 ".parse::<CameoCode>().unwrap().to_string(), "057");
    }

    #[test]
    fn zero_events_is_an_error() {
        let e = CooperationEvent::new(
            date!(2021 - 08 - 11),
            "036".parse().unwrap(),
            Country::PAN,
            Country::COL,
            0,
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "an event record of PAN and COL on 2021-08-11 counts 0 events"
        );
    }

    #[test]
    fn queries_by_state_and_period() {
        let events = CooperationEvents::from_events([
            ev(date!(2021 - 09 - 21), "061", Country::PAN, Country::CRI, 2),
            ev(date!(2021 - 08 - 11), "036", Country::PAN, Country::COL, 1),
            ev(date!(2021 - 08 - 20), "042", Country::COL, Country::PAN, 4),
            ev(date!(2021 - 08 - 20), "042", Country::PAN, Country::PAN, 7),
            ev(date!(2022 - 01 - 05), "057", Country::CRI, Country::NIC, 1),
        ])
        .unwrap();
        assert_eq!(events.len(), 5);
        assert_eq!(events.total(), 15);
        let days: Vec<Date> = events.iter().map(|e| e.date()).collect();
        assert!(days.is_sorted());
        // Records of one day keep their order: COL–PAN before PAN–PAN on 2021-08-20.
        assert_eq!(events.get(1).unwrap().first(), Country::COL);
        assert_eq!(events.get(2).unwrap().first(), Country::PAN);
        assert_eq!(events.within("2021-08".parse().unwrap()).len(), 3);
        assert_eq!(events.within("2020".parse().unwrap()).len(), 0);
        assert_eq!(events.with_partner(Country::PAN).len(), 4); // the domestic record once
        assert_eq!(events.with_partner_in(Country::CRI, "2022".parse().unwrap()).len(), 1);
        assert_eq!(events.with_partner_in(Country::USA, "2021".parse().unwrap()).len(), 0);
        assert_eq!(
            events.states(),
            [Country::COL, Country::CRI, Country::NIC, Country::PAN]
        );
        let rev: Vec<Date> = events.with_partner(Country::PAN).rev().map(|e| e.date()).collect();
        assert_eq!(rev[0], date!(2021 - 09 - 21));
    }

    #[test]
    fn dyads_and_networks() {
        let events = CooperationEvents::from_events([
            ev(date!(2021 - 08 - 11), "036", Country::PAN, Country::COL, 1),
            ev(date!(2021 - 08 - 20), "042", Country::COL, Country::PAN, 4),
            ev(date!(2021 - 08 - 20), "042", Country::PAN, Country::PAN, 7),
            ev(date!(2021 - 10 - 02), "061", Country::PAN, Country::CRI, 2),
        ])
        .unwrap();
        let m = events.dyads(Granularity::Month);
        // August, September (no records) and October.
        assert_eq!(m.periods().len(), 3);
        let aug: Period = "2021-08".parse().unwrap();
        let sep: Period = "2021-09".parse().unwrap();
        assert_eq!(
            m.dyads(aug).collect::<Vec<_>>(),
            [(Country::COL, Country::PAN, 5), (Country::PAN, Country::PAN, 7)]
        );
        assert_eq!(m.dyads(sep).len(), 0);
        assert_eq!(m.total(), events.total());
        assert_eq!(m.count(aug, Country::PAN, Country::COL), 5);
        let net = m.network(aug).unwrap();
        assert_eq!(net.network().actor_count(), 3);
        assert_eq!(net.network().edge_count(), 1); // the domestic dyad has no tie
        assert_eq!(net.weight(Country::PAN, Country::PAN), 0);
        assert!(matches!(
            m.network("2021-12".parse().unwrap()),
            Err(PartnerError::PeriodNotCounted { .. })
        ));
        assert_eq!(m.networks().unwrap().len(), 3);
        let y = events.dyads(Granularity::Year);
        assert_eq!(y.periods().len(), 1);
        assert_eq!(y.count("2021".parse().unwrap(), Country::CRI, Country::PAN), 2);
        assert!(CooperationEvents::new().dyads(Granularity::Month).is_empty());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn event_serde_validates() {
        let e = ev(date!(2021 - 08 - 11), "036", Country::PAN, Country::COL, 3);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"date":"2021-08-11","code":"036","first":"PAN","second":"COL","count":3}"#
        );
        assert_eq!(serde_json::from_str::<CooperationEvent>(&json).unwrap(), e);
        assert!(serde_json::from_str::<CooperationEvent>(&json.replace(":3", ":0")).is_err());
        assert!(serde_json::from_str::<CooperationEvent>(&json.replace("036", "36x")).is_err());
    }

    fn event() -> impl Strategy<Value = CooperationEvent> {
        let states = [Country::PAN, Country::COL, Country::CRI, Country::USA, Country::NIC];
        (0i64..900, 0usize..5, 0usize..5, 1u32..50).prop_map(move |(d, a, b, n)| {
            ev(
                date!(2021 - 01 - 01) + time::Duration::days(d),
                "057",
                states[a],
                states[b],
                n,
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Dyad counts equal a naive count, are symmetric and do not depend on the records' order.
        #[test]
        fn dyads_match_a_naive_count(mut evs in prop::collection::vec(event(), 0..60)) {
            let t = CooperationEvents::from_events(evs.iter().copied()).unwrap();
            let m = t.dyads(Granularity::Month);
            let mut naive = std::collections::BTreeMap::<(Period, Country, Country), u64>::new();
            for e in &evs {
                let (a, b) = e.pair();
                *naive.entry((Period::containing(e.date(), Granularity::Month), a, b)).or_default() +=
                    u64::from(e.count());
            }
            let got: Vec<_> = m.iter().map(|(p, a, b, n)| ((p, a, b), n)).collect();
            prop_assert_eq!(got, naive.into_iter().collect::<Vec<_>>());
            evs.reverse();
            let r = CooperationEvents::from_events(evs.iter().copied()).unwrap();
            prop_assert_eq!(r.dyads(Granularity::Month), m.clone());
            for (p, a, b, n) in m.iter() {
                prop_assert_eq!(m.count(p, b, a), n);
            }
            // Each state's records, found through the index, are those naming it.
            for s in [Country::PAN, Country::USA] {
                let want = evs.iter().filter(|e| e.first() == s || e.second() == s).count();
                prop_assert_eq!(t.with_partner(s).len(), want);
            }
        }
    }
}
