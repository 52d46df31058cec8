//! `OperationLog`: operations indexed by date, partner, target and measure; totals that keep bounds; a
//! timeline.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::iter::FusedIterator;

use time::Date;

use super::kind::Crime;
use super::outcome::Measure;
use super::record::JointOperation;
use super::{OperationError, Result};
use crate::partner::{Activity, PartnerRegistry};
use crate::{Count, Country, Granularity, Period, Source};

/// Joint operations, checked as they are added and indexed for queries.
///
/// Operations are kept in the order added and indexed by the first day of their execution, by partner
/// state, by target (name or linked actor, case-insensitive) and by measure reported. Each index is a
/// vector sorted by (key, date) and searched by binary search.
///
/// # Complexity
///
/// Queries ([`OperationLog::executed_in`], [`OperationLog::with_partner_in`],
/// [`OperationLog::targeting_in`], [`OperationLog::reporting_in`] and their whole-log forms) take
/// `O(log n + k)` for `n` index entries and `k` operations returned. [`OperationLog::add`] inserts into
/// the sorted indexes, `O(n)` moves; [`OperationLog::from_operations`] builds them once, `O(n log n)`.
///
/// ```
/// # #[cfg(feature = "csv")] {
/// use corridor::datasets::darien;
/// use corridor::Country;
///
/// let log = darien::operations();
/// let with_cri = log.with_partner_in(Country::CRI, "2021".parse()?);
/// assert!(with_cri.iter().any(|op| op.id() == "crepusculo-2021"));
/// for op in log.iter().take(2) {
///     println!("{} {} {}", op.period(), op.name(), op.arrests());
/// }
/// # }
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperationLog {
    ops: Vec<JointOperation>,
    ids: HashMap<String, u32>,
    by_date: Vec<(Date, u32)>,
    by_partner: Vec<(Country, Date, u32)>,
    by_target: Vec<(String, Date, u32)>,
    by_measure: Vec<(Measure, Date, u32)>,
    known: Option<Vec<Country>>,
}

/// The iterator of [`OperationLog::iter`]: operations by first day of execution, then in the order added.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    ops: &'a [JointOperation],
    order: core::slice::Iter<'a, (Date, u32)>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a JointOperation;

    fn next(&mut self) -> Option<&'a JointOperation> {
        self.order.next().map(|&(_, i)| &self.ops[i as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.order.next_back().map(|&(_, i)| &self.ops[i as usize])
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl FusedIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a OperationLog {
    type Item = &'a JointOperation;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// What happened on a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TimelineEvent {
    /// The investigation behind an operation started.
    InvestigationStarted,
    /// It was announced.
    Announced,
    /// It was executed.
    Executed,
    /// It ended.
    Ended,
    /// It was retracted.
    Retracted,
}

/// One dated event of [`OperationLog::timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimelineEntry {
    period: Period,
    event: TimelineEvent,
    id: String,
    name: String,
}

impl TimelineEntry {
    /// When, with its precision.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// What happened.
    #[must_use]
    pub fn event(&self) -> TimelineEvent {
        self.event
    }

    /// The operation's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The operation's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A total of one measure for one state: the count with its bounds, and the operations and sources it
/// was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartnerTotal {
    partner: Country,
    count: Count,
    operations: Vec<String>,
    sources: Vec<Source>,
}

impl PartnerTotal {
    /// The state.
    #[must_use]
    pub fn partner(&self) -> Country {
        self.partner
    }

    /// The total, with its bounds ("over 60" stays at least 61).
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// The ids of the operations summed.
    #[must_use]
    pub fn operations(&self) -> &[String] {
        &self.operations
    }

    /// The sources of the figures summed.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

/// A total of one measure over the log, configured then applied (see [`OperationLog::totals`]).
///
/// Retracted operations are left out. Each operation contributes its [`JointOperation::total`] (the
/// spread of disagreeing reports, per-state figures summed) computed from the reports that pass the
/// filters, and nothing is counted twice: a record that is part of another record with a figure is left
/// out, records of the same event count once (the spread of their figures), and records that are
/// possibly the same event count from the lowest lower bound (one event) to the sum of the upper bounds
/// (distinct events). In the Darién log the statement's "over 40 with Costa Rica" is possibly Crepúsculo
/// (42–51): together at least 41, not at least 83.
#[derive(Debug, Clone)]
pub struct Totals<'a> {
    log: &'a OperationLog,
    measure: Measure,
    within: Option<Period>,
    crime: Option<Crime>,
    excluding: Option<&'a Source>,
}

impl<'a> Totals<'a> {
    /// Only operations executed (first day) within `period`.
    #[must_use]
    pub fn within(mut self, period: Period) -> Self {
        self.within = Some(period);
        self
    }

    /// Only operations that targeted `crime` (Operación Fisher, drug logistics, is left out of
    /// [`Crime::MigrantSmuggling`]).
    #[must_use]
    pub fn crime(mut self, crime: Crime) -> Self {
        self.crime = Some(crime);
        self
    }

    /// Leaves out the figures reported by `source` (to set a claim beside evidence that is not its own).
    #[must_use]
    pub fn excluding_source(mut self, source: &'a Source) -> Self {
        self.excluding = Some(source);
        self
    }

    fn operations(&self) -> Vec<&'a JointOperation> {
        let ops: Vec<&JointOperation> = match self.within {
            Some(p) => self.log.executed_in(p),
            None => self.log.iter().collect(),
        };
        ops.into_iter()
            .filter(|op| !op.is_retracted())
            .filter(|op| self.crime.is_none_or(|c| op.targets_crime(c)))
            .collect()
    }

    fn accept(&self, o: &super::Outcome) -> bool {
        self.excluding.is_none_or(|s| o.source() != s)
    }

    /// Per partner state: the sum of the totals of the operations it took part in (an operation of
    /// Panama and Costa Rica counts for both), in alpha-3 order; states without a figure are left out.
    /// Related records are not counted twice (see [`Totals`]).
    #[must_use]
    pub fn by_partner(&self) -> Vec<PartnerTotal> {
        let ops = self.operations();
        let mut states: Vec<Country> = ops.iter().flat_map(|op| op.participants().iter().copied()).collect();
        states.sort_unstable();
        states.dedup();
        let mut out: Vec<PartnerTotal> = Vec::new();
        for state in states {
            let figures: Vec<(&JointOperation, Count)> = ops
                .iter()
                .filter(|op| op.involves(state))
                .filter_map(|op| op.total_where(self.measure, |o| self.accept(o)).map(|c| (*op, c)))
                .collect();
            for (members, c) in combine(&figures) {
                for op in &members {
                    add_to(&mut out, state, None, op.id(), &self.sources_of(op));
                }
                add_to(&mut out, state, Some(c), "", &[]);
            }
        }
        out.sort_by_key(|t| t.partner);
        out
    }

    /// Per state where the figures were reported (only figures attributed to a state), in alpha-3 order.
    /// Related records are not counted twice (see [`Totals`]).
    #[must_use]
    pub fn by_state(&self) -> Vec<PartnerTotal> {
        let ops = self.operations();
        let mut states: Vec<Country> = ops.iter().flat_map(|op| op.participants().iter().copied()).collect();
        states.sort_unstable();
        states.dedup();
        let mut out: Vec<PartnerTotal> = Vec::new();
        for state in states {
            let figures: Vec<(&JointOperation, Count)> = ops
                .iter()
                .filter_map(|op| {
                    op.total_where(self.measure, |o| self.accept(o) && o.in_state() == Some(state))
                        .map(|c| (*op, c))
                })
                .collect();
            for (members, c) in combine(&figures) {
                for op in &members {
                    let sources: Vec<Source> = op
                        .reports(self.measure)
                        .filter(|o| self.accept(o) && o.in_state() == Some(state))
                        .map(|o| o.source().clone())
                        .collect();
                    add_to(&mut out, state, None, op.id(), &sources);
                }
                add_to(&mut out, state, Some(c), "", &[]);
            }
        }
        out.sort_by_key(|t| t.partner);
        out
    }

    /// The sum over all operations, `None` when none reports the measure. Related records are not
    /// counted twice (see [`Totals`]).
    #[must_use]
    pub fn overall(&self) -> Option<Count> {
        let figures: Vec<(&JointOperation, Count)> = self
            .operations()
            .into_iter()
            .filter_map(|op| op.total_where(self.measure, |o| self.accept(o)).map(|c| (op, c)))
            .collect();
        combine(&figures).into_iter().map(|(_, c)| c).reduce(|a, b| a + b)
    }

    /// [`Totals::by_partner`] for each period of granularity `g` that overlaps the window (the whole log's
    /// span without one), in order; periods without figures are kept with an empty list.
    #[must_use]
    pub fn by_partner_per(&self, g: Granularity) -> Vec<(Period, Vec<PartnerTotal>)> {
        let span = self.within.or_else(|| {
            let first = self.log.by_date.first().map(|d| d.0);
            let last = self.log.by_date.last().map(|d| d.0);
            first.zip(last).and_then(|(a, b)| Period::range(a, b).ok())
        });
        let Some(span) = span else { return Vec::new() };
        let mut out = Vec::new();
        let mut p = Period::containing(span.start(), g);
        loop {
            let window = Period::range(p.start().max(span.start()), p.end().min(span.end()));
            if let Ok(w) = window {
                let mut t = self.clone();
                t.within = Some(w);
                out.push((p, t.by_partner()));
            }
            match p.next() {
                Some(n) if n.start() <= span.end() => p = n,
                _ => break,
            }
        }
        out
    }

    fn sources_of(&self, op: &JointOperation) -> Vec<Source> {
        op.reports(self.measure)
            .filter(|o| self.accept(o))
            .map(|o| o.source().clone())
            .collect()
    }
}

/// Adds to `state`'s total: the operation `id` and its `sources` (when `id` is not empty), and the count
/// `c` (when given).
fn add_to(out: &mut Vec<PartnerTotal>, state: Country, c: Option<Count>, id: &str, sources: &[Source]) {
    let at = if let Some(at) = out.iter().position(|t| t.partner == state) {
        at
    } else {
        out.push(PartnerTotal {
            partner: state,
            count: Count::ZERO,
            operations: Vec::new(),
            sources: Vec::new(),
        });
        out.len() - 1
    };
    let t = &mut out[at];
    if let Some(c) = c {
        t.count += c;
    }
    if !id.is_empty() {
        t.operations.push(id.to_owned());
    }
    for s in sources {
        if !t.sources.contains(s) {
            t.sources.push(s.clone());
        }
    }
}

/// The root of `i` in a union-find forest, halving the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups the figures of operations so that no event is counted twice:
///
/// - a record that is [`Relation::PartOf`] another record with a figure is left out (the whole's figure
///   includes it);
/// - records linked by [`Relation::SameEventAs`] are one event: the spread of their figures (the lowest
///   lower bound, the highest upper bound), as for disagreeing reports of one figure;
/// - records linked by [`Relation::PossiblySameAs`] may be one event or several: from the lowest lower
///   bound (one event, the lowest report right) to the sum of the upper bounds (distinct events);
/// - other relations (a continuation, an implementation) are distinct events and are summed.
///
/// Returns each group's members (in the order given) and its count.
fn combine<'a>(figures: &[(&'a JointOperation, Count)]) -> Vec<(Vec<&'a JointOperation>, Count)> {
    use super::Relation;
    let has = |id: &str| figures.iter().any(|(op, _)| op.id() == id);
    let kept: Vec<(&JointOperation, Count)> = figures
        .iter()
        .filter(|(op, _)| {
            !op.related()
                .iter()
                .any(|r| r.relation() == Relation::PartOf && r.id() != op.id() && has(r.id()))
        })
        .copied()
        .collect();
    // Union-find over the kept records, by the same-event links in either direction.
    let n = kept.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut possibly = vec![false; n];
    for i in 0..n {
        for r in kept[i].0.related() {
            let same = r.relation() == Relation::SameEventAs;
            if !same && r.relation() != Relation::PossiblySameAs {
                continue;
            }
            if let Some(j) = kept.iter().position(|(op, _)| op.id() == r.id()) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                if a != b {
                    parent[a] = b;
                }
                if !same {
                    possibly[i] = true;
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|g| g.0 == r) {
            Some(g) => g.1.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, members)| {
            let counts: Vec<Count> = members.iter().map(|&i| kept[i].1).collect();
            let lower = counts.iter().map(Count::lower).min().unwrap_or(0);
            let c = if counts.len() == 1 {
                counts[0]
            } else if members.iter().any(|&i| possibly[i]) {
                let upper = counts
                    .iter()
                    .map(Count::upper)
                    .try_fold(0u64, |acc, u| u.and_then(|u| acc.checked_add(u)));
                let point = counts.iter().map(Count::point).max().unwrap_or(lower).max(lower);
                let point = upper.map_or(point, |u| point.min(u));
                Count::from_bounds(lower, upper, point).unwrap_or(Count::at_least(lower))
            } else {
                super::outcome::spread(counts.into_iter()).unwrap_or(Count::at_least(lower))
            };
            (members.iter().map(|&i| kept[i].0).collect(), c)
        })
        .collect()
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl OperationLog {
    /// An empty log that accepts any state.
    #[must_use]
    pub fn new() -> OperationLog {
        OperationLog::default()
    }

    /// An empty log whose operations may only name states registered in `registry`.
    #[must_use]
    pub fn with_registry(registry: &PartnerRegistry) -> OperationLog {
        OperationLog {
            known: Some(
                registry
                    .states()
                    .iter()
                    .map(crate::partner::PartnerState::country)
                    .collect(),
            ),
            ..OperationLog::default()
        }
    }

    /// A log of `operations`, indexes built once.
    ///
    /// # Errors
    ///
    /// [`OperationError::DuplicateId`] when two share an id.
    pub fn from_operations(operations: impl IntoIterator<Item = JointOperation>) -> Result<OperationLog> {
        let mut log = OperationLog::new();
        log.extend_checked(operations)?;
        Ok(log)
    }

    /// Adds many operations, then sorts the indexes once.
    ///
    /// # Errors
    ///
    /// [`OperationError::DuplicateId`]; [`OperationError::UnknownState`] when the log has a registry that
    /// does not know a state. On error the log is left unchanged.
    pub fn extend_checked(&mut self, operations: impl IntoIterator<Item = JointOperation>) -> Result<()> {
        let before = self.ops.len();
        for op in operations {
            if let Err(e) = self.check(&op) {
                self.truncate(before);
                return Err(e);
            }
            let i = self.ops.len() as u32;
            self.ids.insert(op.id().to_owned(), i);
            self.ops.push(op);
            self.index(i as usize, |v, e| v.push(e));
        }
        self.by_date.sort_unstable();
        self.by_partner.sort_unstable();
        self.by_target.sort_unstable();
        self.by_measure.sort_unstable();
        Ok(())
    }

    fn truncate(&mut self, len: usize) {
        let len32 = len as u32;
        self.ops.truncate(len);
        self.ids.retain(|_, i| *i < len32);
        self.by_date.retain(|e| e.1 < len32);
        self.by_partner.retain(|e| e.2 < len32);
        self.by_target.retain(|e| e.2 < len32);
        self.by_measure.retain(|e| e.2 < len32);
    }

    fn check(&self, op: &JointOperation) -> Result<()> {
        if self.ids.contains_key(op.id()) {
            return Err(OperationError::DuplicateId { id: op.id().to_owned() });
        }
        if let Some(known) = &self.known
            && let Some(c) = op.participants().iter().find(|c| known.binary_search(c).is_err())
        {
            return Err(OperationError::UnknownState {
                id: op.id().to_owned(),
                country: *c,
            });
        }
        Ok(())
    }

    /// Adds the index entries of operation `i` with `put` (push, or sorted insert).
    fn index(&mut self, i: usize, put: impl Fn(&mut dyn IndexVec, Entry)) {
        let op = &self.ops[i];
        let i = i as u32;
        let d = op.executed().start();
        put(&mut self.by_date, Entry::Date((d, i)));
        for &c in op.participants() {
            put(&mut self.by_partner, Entry::Partner((c, d, i)));
        }
        let mut names: Vec<String> = op
            .targets()
            .iter()
            .flat_map(|t| core::iter::once(key(t.name())).chain(t.actor_name().map(key)))
            .collect();
        names.sort_unstable();
        names.dedup();
        for n in names {
            put(&mut self.by_target, Entry::Target((n, d, i)));
        }
        let mut measures: Vec<Measure> = op.outcomes().iter().map(super::Outcome::measure).collect();
        measures.sort_unstable();
        measures.dedup();
        for m in measures {
            put(&mut self.by_measure, Entry::Measure((m, d, i)));
        }
    }

    /// Adds one operation.
    ///
    /// # Errors
    ///
    /// [`OperationError::DuplicateId`] when an operation with its id is in the log;
    /// [`OperationError::UnknownState`] when the log was made [`OperationLog::with_registry`] and the
    /// operation names a state the registry does not know.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::operation::OperationLog;
    ///
    /// let mut log = OperationLog::new();
    /// let crepusculo = darien::operations().get("crepusculo-2021").cloned().expect("embedded");
    /// log.add(crepusculo.clone())?;
    /// assert!(log.add(crepusculo).is_err()); // duplicate id
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn add(&mut self, op: JointOperation) -> Result<()> {
        self.check(&op)?;
        let i = self.ops.len();
        self.ids.insert(op.id().to_owned(), i as u32);
        self.ops.push(op);
        self.index(i, |v, e| v.insert_sorted(e));
        Ok(())
    }

    /// Checks every operation's states against `registry`.
    ///
    /// # Errors
    ///
    /// [`OperationError::UnknownState`] for the first state the registry does not know.
    pub fn validate_against(&self, registry: &PartnerRegistry) -> Result<()> {
        for op in self {
            if let Some(c) = op.participants().iter().find(|c| !registry.is_registered(**c)) {
                return Err(OperationError::UnknownState {
                    id: op.id().to_owned(),
                    country: *c,
                });
            }
        }
        Ok(())
    }

    /// The number of operations.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the log is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Every operation, by first day of execution (then in the order added).
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            ops: &self.ops,
            order: self.by_date.iter(),
        }
    }

    /// The operation with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&JointOperation> {
        self.ids.get(id).map(|&i| &self.ops[i as usize])
    }

    /// The first operation with this name or alias (trimmed, case-insensitive).
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&JointOperation> {
        self.iter().find(|op| op.is_named(name))
    }

    fn pick<'a>(&'a self, idx: impl Iterator<Item = u32> + 'a) -> Vec<&'a JointOperation> {
        idx.map(|i| &self.ops[i as usize]).collect()
    }

    /// The operations of the `index` entries `(key, date, operation)` with this key, by date; with a
    /// period, only those whose date lies in it. `O(log n + k)`.
    fn keyed<'a, S: Borrow<K>, K: Ord + ?Sized>(
        &'a self,
        index: &'a [(S, Date, u32)],
        key: &K,
        period: Option<Period>,
    ) -> Vec<&'a JointOperation> {
        let (lo, hi) = match period {
            None => (
                index.partition_point(|e| e.0.borrow() < key),
                index.partition_point(|e| e.0.borrow() <= key),
            ),
            Some(p) => (
                index.partition_point(|e| (e.0.borrow(), e.1) < (key, p.start())),
                index.partition_point(|e| (e.0.borrow(), e.1) <= (key, p.end())),
            ),
        };
        self.pick(index[lo..hi.max(lo)].iter().map(|e| e.2))
    }

    /// Operations whose execution began within `period`, by date. `O(log n + k)`.
    #[must_use]
    pub fn executed_in(&self, period: Period) -> Vec<&JointOperation> {
        let lo = self.by_date.partition_point(|e| e.0 < period.start());
        let hi = self.by_date.partition_point(|e| e.0 <= period.end());
        self.pick(self.by_date[lo..hi.max(lo)].iter().map(|e| e.1))
    }

    /// Operations `country` took part in, by date. `O(log n + k)`.
    #[must_use]
    pub fn with_partner(&self, country: Country) -> Vec<&JointOperation> {
        self.keyed(&self.by_partner, &country, None)
    }

    /// Operations `country` took part in whose execution began within `period`. `O(log n + k)`.
    #[must_use]
    pub fn with_partner_in(&self, country: Country, period: Period) -> Vec<&JointOperation> {
        self.keyed(&self.by_partner, &country, Some(period))
    }

    /// Operations that targeted `name` (a target's name or linked actor, trimmed, case-insensitive).
    /// `O(log n + k)`.
    #[must_use]
    pub fn targeting(&self, name: &str) -> Vec<&JointOperation> {
        self.keyed(&self.by_target, key(name).as_str(), None)
    }

    /// Operations that targeted `name` and began within `period`. `O(log n + k)`.
    #[must_use]
    pub fn targeting_in(&self, name: &str, period: Period) -> Vec<&JointOperation> {
        self.keyed(&self.by_target, key(name).as_str(), Some(period))
    }

    /// Operations with at least one report of `measure`. `O(log n + k)`.
    #[must_use]
    pub fn reporting(&self, measure: Measure) -> Vec<&JointOperation> {
        self.keyed(&self.by_measure, &measure, None)
    }

    /// Operations with a report of `measure` that began within `period`. `O(log n + k)`.
    #[must_use]
    pub fn reporting_in(&self, measure: Measure, period: Period) -> Vec<&JointOperation> {
        self.keyed(&self.by_measure, &measure, Some(period))
    }

    /// Totals of `measure`, configured then applied:
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::operation::{Crime, Measure};
    /// use corridor::Country;
    ///
    /// let log = darien::operations();
    /// let statement = darien::statement_2022().source;
    /// let arrests = log.totals(Measure::Arrested)
    ///     .within("2021".parse()?)
    ///     .crime(Crime::MigrantSmuggling)
    ///     .excluding_source(&statement)
    ///     .by_partner();
    /// let cri = arrests.iter().find(|t| t.partner() == Country::CRI).expect("Crepúsculo");
    /// assert!(cri.count().lower() >= 42); // S21: 21 in Panama + 21 in Costa Rica at least
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn totals(&self, measure: Measure) -> Totals<'_> {
        Totals {
            log: self,
            measure,
            within: None,
            crime: None,
            excluding: None,
        }
    }

    /// Arrests per partner state in operations executed within `within`, bounds kept (see
    /// [`Totals::by_partner`]).
    #[must_use]
    pub fn arrests_by_partner(&self, within: Period) -> Vec<PartnerTotal> {
        self.totals(Measure::Arrested).within(within).by_partner()
    }

    /// People rescued per partner state in operations executed within `within`, bounds kept.
    #[must_use]
    pub fn rescued_by_partner(&self, within: Period) -> Vec<PartnerTotal> {
        self.totals(Measure::Rescued).within(within).by_partner()
    }

    /// Every dated event (investigation start, announcement, execution, end, retraction) of every
    /// operation, in date order (by first day, then event, then id).
    #[must_use]
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        let mut out = Vec::new();
        for op in self {
            let mut push = |period: Period, event| {
                out.push(TimelineEntry {
                    period,
                    event,
                    id: op.id().to_owned(),
                    name: op.name().to_owned(),
                });
            };
            if let Some(p) = op.investigation_start() {
                push(p, TimelineEvent::InvestigationStarted);
            }
            if let Some(p) = op.announced() {
                push(p, TimelineEvent::Announced);
            }
            push(op.executed(), TimelineEvent::Executed);
            if let Some(p) = op.ended() {
                push(p, TimelineEvent::Ended);
            }
            if let Some(r) = op.retraction() {
                push(Period::day(r.on()), TimelineEvent::Retracted);
            }
        }
        out.sort_by(|a, b| (a.period.start(), a.event, &a.id).cmp(&(b.period.start(), b.event, &b.id)));
        out
    }

    /// The operations with two or more states (not retracted) as joint activities, for
    /// [`PartnerRegistry::add_activity`].
    #[must_use]
    pub fn activities(&self) -> Vec<Activity> {
        self.iter()
            .filter(|op| !op.is_retracted())
            .filter_map(JointOperation::activity)
            .collect()
    }
}

/// An index entry of one of the four indexes.
enum Entry {
    Date((Date, u32)),
    Partner((Country, Date, u32)),
    Target((String, Date, u32)),
    Measure((Measure, Date, u32)),
}

/// The four index vectors behind one interface, so that [`OperationLog::index`] is written once.
trait IndexVec {
    fn push(&mut self, e: Entry);
    fn insert_sorted(&mut self, e: Entry);
}

macro_rules! index_vec {
    ($t:ty, $variant:ident) => {
        impl IndexVec for Vec<$t> {
            fn push(&mut self, e: Entry) {
                if let Entry::$variant(x) = e {
                    Vec::push(self, x);
                }
            }

            fn insert_sorted(&mut self, e: Entry) {
                if let Entry::$variant(x) = e {
                    let at = self.partition_point(|y| *y < x);
                    self.insert(at, x);
                }
            }
        }
    };
}

index_vec!((Date, u32), Date);
index_vec!((Country, Date, u32), Partner);
index_vec!((String, Date, u32), Target);
index_vec!((Measure, Date, u32), Measure);

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{JointOperation, OperationLog};
    use crate::Country;

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LogRepr {
        operations: Vec<JointOperation>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        known_states: Option<Vec<Country>>,
    }

    impl serde::Serialize for OperationLog {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(
                &LogRepr {
                    operations: self.ops.clone(),
                    known_states: self.known.clone(),
                },
                s,
            )
        }
    }

    impl<'de> serde::Deserialize<'de> for OperationLog {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let r = LogRepr::deserialize(d)?;
            let mut log = OperationLog::new();
            if let Some(mut k) = r.known_states {
                k.sort_unstable();
                k.dedup();
                log.known = Some(k);
            }
            log.extend_checked(r.operations).map_err(serde::de::Error::custom)?;
            Ok(log)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{OperationKind, Outcome, Participant, ParticipantRole, Target};
    use super::*;
    use crate::partner::PartnerState;

    fn op(id: &str, day: &str, states: &[Country], arrests: u64) -> JointOperation {
        let mut b = JointOperation::builder(id, id, OperationKind::Joint, day.parse().unwrap())
            .crime(Crime::MigrantSmuggling)
            .target(Target::new("Red X").actor("X"))
            .outcome(Outcome::new(
                Measure::Arrested,
                Count::exact(arrests),
                Source::new("p", "t").unwrap(),
            ));
        for c in states {
            b = b.participant(Participant::new(*c, ParticipantRole::Participant));
        }
        b.build().unwrap()
    }

    #[test]
    fn queries_and_order() {
        let mut log = OperationLog::new();
        log.add(op("b", "2022-12-20", &[Country::PAN, Country::CRI], 21))
            .unwrap();
        log.add(op("a", "2021-09-21", &[Country::PAN, Country::CRI], 42))
            .unwrap();
        log.add(op("c", "2023-04-11", &[Country::PAN, Country::COL], 1))
            .unwrap();
        let ids: Vec<&str> = log.iter().map(JointOperation::id).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let in_2022: Vec<&str> = log
            .executed_in("2022".parse().unwrap())
            .iter()
            .map(|o| o.id())
            .collect();
        assert_eq!(in_2022, ["b"]);
        assert_eq!(log.with_partner(Country::CRI).len(), 2);
        assert_eq!(log.with_partner_in(Country::PAN, "2021".parse().unwrap()).len(), 1);
        assert_eq!(log.targeting(" red x ").len(), 3);
        assert_eq!(log.targeting_in("x", "2023".parse().unwrap()).len(), 1);
        assert_eq!(log.reporting(Measure::Arrested).len(), 3);
        assert!(log.reporting(Measure::Rescued).is_empty());
        let totals = log.arrests_by_partner("2021-01-01..2023-12-31".parse().unwrap());
        let pan = totals.iter().find(|t| t.partner() == Country::PAN).unwrap();
        assert_eq!(pan.count(), Count::exact(64));
        assert_eq!(log.timeline().len(), 3);
        let bulk = OperationLog::from_operations(log.iter().cloned()).unwrap();
        assert_eq!(bulk.iter().map(JointOperation::id).collect::<Vec<_>>(), ids);
        assert_eq!(bulk.with_partner(Country::COL).len(), 1);
    }

    #[test]
    fn duplicate_and_unknown() {
        let mut log = OperationLog::new();
        log.add(op("a", "2021-09-21", &[Country::PAN, Country::CRI], 1))
            .unwrap();
        assert!(matches!(
            log.add(op("a", "2021-09-22", &[Country::PAN, Country::CRI], 1)),
            Err(OperationError::DuplicateId { .. })
        ));
        let mut reg = PartnerRegistry::new();
        reg.add_state(PartnerState::new(Country::PAN)).unwrap();
        let mut log = OperationLog::with_registry(&reg);
        assert!(matches!(
            log.add(op("a", "2021-09-21", &[Country::PAN, Country::CRI], 1)),
            Err(OperationError::UnknownState { country, .. }) if country == Country::CRI
        ));
        let r = OperationLog::new().extend_checked([
            op("a", "2021-09-21", &[Country::PAN, Country::CRI], 1),
            op("a", "2021-09-21", &[Country::PAN, Country::CRI], 1),
        ]);
        assert!(r.is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let log = OperationLog::from_operations([
            op("a", "2021-09-21", &[Country::PAN, Country::CRI], 1),
            op("b", "2021-09-22", &[Country::PAN, Country::CRI], 2),
        ])
        .unwrap();
        let json = serde_json::to_string(&log).unwrap();
        let back: OperationLog = serde_json::from_str(&json).unwrap();
        assert_eq!(back, log);
        let dup = json.replace("\"id\":\"b\"", "\"id\":\"a\"");
        assert!(serde_json::from_str::<OperationLog>(&dup).is_err());
    }
}
