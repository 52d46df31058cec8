//! `PartnerRegistry`: validated states, agreements and activities; who was engaged when; the cooperation
//! network of states.

use std::collections::BTreeMap;
use std::iter::FusedIterator;

use time::Date;

use super::activity::Activity;
use super::agreement::{Agreement, PartyRole};
use super::state::{PartnerState, StateRole};
use super::state_index::StateIndex;
use super::{PartnerError, Result};
use crate::network::{ActorId, SmugglingNetwork, Tie, TieKind};
use crate::{Count, Country, Granularity, Period, Source};

/// States, agreements and joint activities, checked as they are added.
///
/// Every state an agreement or activity names must be registered first (with
/// [`PartnerRegistry::add_state`]); ids are unique within agreements and within activities.
///
/// ```
/// use corridor::partner::{Activity, ActivityKind, PartnerRegistry, PartnerState};
/// use corridor::{Country, Period};
///
/// let mut reg = PartnerRegistry::new();
/// reg.add_state(PartnerState::new(Country::PAN))?;
/// reg.add_state(PartnerState::new(Country::CRI))?;
/// reg.add_activity(Activity::new("crepusculo-2021", "Crepúsculo", ActivityKind::Operation,
///     "2021-09-21".parse()?, vec![Country::PAN, Country::CRI])?)?;
/// assert_eq!(reg.engaged_with(Country::PAN, "2021".parse()?), [Country::CRI]);
/// assert!(reg.add_state(PartnerState::new(Country::PAN)).is_err()); // already registered
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "serde_repr::RegistryRepr", into = "serde_repr::RegistryRepr")
)]
pub struct PartnerRegistry {
    /// Sorted by country.
    states: Vec<PartnerState>,
    agreements: Vec<Agreement>,
    activities: Vec<Activity>,
}

/// What links a focal state to a partner in [`PartnerRegistry::engagements`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EngagementRecord {
    /// Both are parties of an agreement adopted in the period.
    Agreement {
        /// The agreement's id.
        id: String,
    },
    /// The partner joined, in the period, an agreement the focal state is a party of.
    Joined {
        /// The agreement's id.
        id: String,
    },
    /// Both attended a meeting held in the period under an agreement.
    Meeting {
        /// The agreement's id.
        id: String,
        /// The meeting's name.
        meeting: String,
    },
    /// Both took part in a joint activity (operation) in the period.
    Activity {
        /// The activity's id.
        id: String,
    },
}

/// One reason why a partner counts as engaged with a focal state: the record, its period and its
/// sources (so that a caller can leave out the records of a given source).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Engagement {
    partner: Country,
    record: EngagementRecord,
    period: Period,
    sources: Vec<Source>,
}

impl Engagement {
    /// The partner state.
    #[must_use]
    pub fn partner(&self) -> Country {
        self.partner
    }

    /// The record that links them.
    #[must_use]
    pub fn record(&self) -> &EngagementRecord {
        &self.record
    }

    /// When.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The record's sources.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

/// The iterator of [`PartnerRegistry::agreements`].
#[derive(Debug, Clone)]
pub struct Agreements<'a>(core::slice::Iter<'a, Agreement>);

impl<'a> Iterator for Agreements<'a> {
    type Item = &'a Agreement;

    fn next(&mut self) -> Option<&'a Agreement> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Agreements<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back()
    }
}

impl ExactSizeIterator for Agreements<'_> {}
impl FusedIterator for Agreements<'_> {}

/// What a state did with the others in the registry: its roles, memberships and activities.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartnerSummary {
    country: Country,
    roles: Vec<StateRole>,
    memberships: Vec<(String, PartyRole, Option<Period>, Option<Period>)>,
    activities: Vec<String>,
    first: Option<Date>,
    last: Option<Date>,
}

impl PartnerSummary {
    /// The state.
    #[must_use]
    pub fn country(&self) -> Country {
        self.country
    }

    /// Every role it has held on the corridor, without repeats.
    #[must_use]
    pub fn roles(&self) -> &[StateRole] {
        &self.roles
    }

    /// Its memberships: agreement id, role, joined (if not at adoption) and left.
    #[must_use]
    pub fn memberships(&self) -> &[(String, PartyRole, Option<Period>, Option<Period>)] {
        &self.memberships
    }

    /// The number of agreements it is a party of.
    #[must_use]
    pub fn agreement_count(&self) -> usize {
        self.memberships.len()
    }

    /// The ids of the joint activities (operations) it took part in.
    #[must_use]
    pub fn activities(&self) -> &[String] {
        &self.activities
    }

    /// The first day of its earliest dated record.
    #[must_use]
    pub fn first_engaged(&self) -> Option<Date> {
        self.first
    }

    /// The last day of its latest dated record.
    #[must_use]
    pub fn last_engaged(&self) -> Option<Date> {
        self.last
    }
}

impl PartnerRegistry {
    /// An empty registry.
    #[must_use]
    pub fn new() -> PartnerRegistry {
        PartnerRegistry::default()
    }

    /// Registers a state.
    ///
    /// # Errors
    ///
    /// [`PartnerError::DuplicateState`] when it is already registered; the errors of
    /// [`PartnerState::validate`].
    pub fn add_state(&mut self, state: PartnerState) -> Result<()> {
        state.validate()?;
        match self
            .states
            .binary_search_by_key(&state.country(), PartnerState::country)
        {
            Ok(_) => Err(PartnerError::DuplicateState {
                country: state.country(),
            }),
            Err(at) => {
                self.states.insert(at, state);
                Ok(())
            }
        }
    }

    /// Registers an agreement (already validated by its builder).
    ///
    /// # Errors
    ///
    /// [`PartnerError::DuplicateId`] when an agreement with its id is registered;
    /// [`PartnerError::UnknownState`] when it names a state that is not registered.
    pub fn add_agreement(&mut self, agreement: Agreement) -> Result<()> {
        agreement.validate()?;
        if self.agreement(agreement.id()).is_some() {
            return Err(PartnerError::DuplicateId {
                what: "agreement",
                id: agreement.id().to_owned(),
            });
        }
        self.check_known("agreement", agreement.id(), &agreement.states())?;
        self.agreements.push(agreement);
        Ok(())
    }

    /// Registers a joint activity.
    ///
    /// # Errors
    ///
    /// [`PartnerError::DuplicateId`] when an activity with its id is registered;
    /// [`PartnerError::UnknownState`] when it names a state that is not registered.
    pub fn add_activity(&mut self, activity: Activity) -> Result<()> {
        activity.validate()?;
        if self.activities.iter().any(|a| a.id() == activity.id()) {
            return Err(PartnerError::DuplicateId {
                what: "activity",
                id: activity.id().to_owned(),
            });
        }
        self.check_known("activity", activity.id(), activity.states())?;
        self.activities.push(activity);
        Ok(())
    }

    fn check_known(&self, what: &'static str, id: &str, states: &[Country]) -> Result<()> {
        match states.iter().find(|c| !self.is_registered(**c)) {
            Some(c) => Err(PartnerError::UnknownState {
                what,
                id: id.to_owned(),
                country: *c,
            }),
            None => Ok(()),
        }
    }

    /// Whether `country` is registered.
    #[must_use]
    pub fn is_registered(&self, country: Country) -> bool {
        self.state(country).is_some()
    }

    /// The registered state of `country`.
    #[must_use]
    pub fn state(&self, country: Country) -> Option<&PartnerState> {
        self.states
            .binary_search_by_key(&country, PartnerState::country)
            .ok()
            .map(|i| &self.states[i])
    }

    /// Every registered state, in alpha-3 order.
    #[must_use]
    pub fn states(&self) -> &[PartnerState] {
        &self.states
    }

    /// Every agreement, in the order added.
    #[must_use]
    pub fn agreements(&self) -> Agreements<'_> {
        Agreements(self.agreements.iter())
    }

    /// The agreement with this id.
    #[must_use]
    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id() == id)
    }

    /// The first agreement with this name or alias (trimmed, case-insensitive).
    #[must_use]
    pub fn find_agreement(&self, name: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.is_named(name))
    }

    /// Every joint activity, in the order added.
    #[must_use]
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    /// Every record that links `focal` with another state within `within`: agreements adopted in it (both
    /// parties on its adoption), joinings in it (the joining state and the focal state both parties),
    /// meetings held in it (both attending; without named attendees, both parties on the meeting's last
    /// day) and activities executed in it (both taking part). A record counts when its whole period lies
    /// inside `within` (a date known only to a month counts when the month does).
    ///
    /// Sorted by partner, then record.
    ///
    /// # Complexity
    ///
    /// `O(r · p)` for `r` records with `p` parties each.
    #[must_use]
    pub fn engagements(&self, focal: Country, within: Period) -> Vec<Engagement> {
        let mut out = Vec::new();
        let mut push = |states: &[Country], record: EngagementRecord, period: Period, sources: &[Source]| {
            if states.contains(&focal) {
                for &c in states.iter().filter(|c| **c != focal) {
                    out.push(Engagement {
                        partner: c,
                        record: record.clone(),
                        period,
                        sources: sources.to_vec(),
                    });
                }
            }
        };
        for a in &self.agreements {
            if let Some(adopted) = a.adopted()
                && within.contains_period(&adopted)
            {
                let mut states = a.parties_on(adopted.end());
                for c in a.conveners() {
                    if !states.contains(c) {
                        states.push(*c);
                    }
                }
                push(
                    &states,
                    EngagementRecord::Agreement { id: a.id().to_owned() },
                    adopted,
                    a.sources(),
                );
            }
            for p in a.parties() {
                if let Some(j) = p.joined_in()
                    && within.contains_period(&j)
                    && a.parties_on(j.end()).contains(&focal)
                {
                    push(
                        &[focal, p.country()],
                        EngagementRecord::Joined { id: a.id().to_owned() },
                        j,
                        p.source_ref().map_or(a.sources(), core::slice::from_ref),
                    );
                }
            }
            for m in a.meetings() {
                if within.contains_period(&m.period()) {
                    let states = if m.attendees().is_empty() {
                        a.parties_on(m.period().end())
                    } else {
                        m.attendees().to_vec()
                    };
                    let record = EngagementRecord::Meeting {
                        id: a.id().to_owned(),
                        meeting: m.name().to_owned(),
                    };
                    let sources = if m.sources().is_empty() {
                        a.sources()
                    } else {
                        m.sources()
                    };
                    push(&states, record, m.period(), sources);
                }
            }
        }
        for act in &self.activities {
            if within.contains_period(&act.period()) {
                push(
                    act.states(),
                    EngagementRecord::Activity {
                        id: act.id().to_owned(),
                    },
                    act.period(),
                    act.sources(),
                );
            }
        }
        out.sort_by(|x, y| (x.partner, &x.record).cmp(&(y.partner, &y.record)));
        out.dedup();
        out
    }

    /// The states engaged with `focal` within `within` (see [`PartnerRegistry::engagements`]), in alpha-3
    /// order, without repeats.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::{Country, Period};
    /// use time::macros::date;
    ///
    /// let reg = darien::partners();
    /// // S02: the ministerial of 11 August 2021 had nine partners of Panama.
    /// let day = Period::day(date!(2021 - 08 - 11));
    /// assert_eq!(reg.engaged_with(Country::PAN, day).len(), 9);
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn engaged_with(&self, focal: Country, within: Period) -> Vec<Country> {
        let mut out: Vec<Country> = self
            .engagements(focal, within)
            .iter()
            .map(Engagement::partner)
            .collect();
        out.dedup();
        out
    }

    /// How many states were engaged with `focal` within `within`, as a [`Count`].
    ///
    /// Exact when every party of the records is named. When a source gives only a number of parties
    /// ([`super::PartyCount`], such as "at least 20 countries"), the count is a bound: at least the larger
    /// of the named partners and each declared number less the focal state, at most the named partners
    /// plus the unnamed ones each declaration leaves room for (unbounded when a declaration is). Declared
    /// numbers count for an agreement that links `focal` in the period, when they were known by its end.
    #[must_use]
    pub fn engaged_count(&self, focal: Country, within: Period) -> Count {
        let engagements = self.engagements(focal, within);
        let mut named: Vec<Country> = engagements.iter().map(Engagement::partner).collect();
        named.dedup();
        let n = named.len() as u64;
        let (mut lower, mut point, mut upper) = (n, n, Some(n));
        let linked = |id: &str| {
            engagements.iter().any(|e| match &e.record {
                EngagementRecord::Agreement { id: x }
                | EngagementRecord::Joined { id: x }
                | EngagementRecord::Meeting { id: x, .. } => x == id,
                EngagementRecord::Activity { .. } => false,
            })
        };
        for a in &self.agreements {
            let declared = a
                .party_counts()
                .iter()
                .filter(|c| c.as_of().end() <= within.end())
                .max_by_key(|c| (c.count().lower(), c.as_of()));
            let Some(declared) = declared else { continue };
            let on_record = a.adopted().is_some_and(|p| within.contains_period(&p)) || linked(a.id());
            if !on_record || !a.states().contains(&focal) {
                continue;
            }
            let d = declared.count();
            let named_here = a.states().iter().filter(|c| **c != focal).count() as u64;
            lower = lower.max(d.lower().saturating_sub(1));
            point = point.max(d.point().saturating_sub(1));
            upper = match (upper, d.upper()) {
                (Some(u), Some(du)) => u.checked_add(du.saturating_sub(1).saturating_sub(named_here)),
                _ => None,
            };
        }
        if upper == Some(lower) {
            return Count::exact(lower);
        }
        let point = upper.map_or(point, |u| point.min(u)).max(lower);
        Count::from_bounds(lower, upper, point).unwrap_or(Count::at_least(lower))
    }

    /// The number engaged with `focal` from the start of `within` to the end of each period of granularity
    /// `g` that overlaps it (cumulative), each a [`Count`] as in [`PartnerRegistry::engaged_count`].
    ///
    /// # Errors
    ///
    /// [`PartnerError::TooManyPeriods`] when `within` holds more than 10,000 periods of granularity `g`
    /// (each step counts the engagements anew: `O(s · r)` for `s` steps and `r` records).
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::{Country, Granularity, Period};
    ///
    /// let reg = darien::partners();
    /// let since_summit: Period = "2021-08-11..2022-03-31".parse()?;
    /// let steps = reg.engaged_over_time(Country::PAN, since_summit, Granularity::Month)?;
    /// assert_eq!(steps.len(), 8);
    /// assert!(steps.windows(2).all(|w| w[0].1.lower() <= w[1].1.lower())); // cumulative
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn engaged_over_time(&self, focal: Country, within: Period, g: Granularity) -> Result<Vec<(Period, Count)>> {
        const MAX_STEPS: usize = 10_000;
        let first = Period::containing(within.start(), g);
        let mut steps = 1;
        let mut p = first;
        while let Some(n) = p.next().filter(|n| n.start() <= within.end()) {
            steps += 1;
            if steps > MAX_STEPS {
                return Err(PartnerError::TooManyPeriods {
                    period: within,
                    granularity: g,
                    max: MAX_STEPS,
                });
            }
            p = n;
        }
        let mut out = Vec::with_capacity(steps);
        let mut p = first;
        loop {
            let end = p.end().min(within.end());
            // `end >= within.start()` because `p` overlaps `within`.
            if let Ok(window) = Period::range(within.start(), end) {
                out.push((p, self.engaged_count(focal, window)));
            }
            match p.next() {
                Some(n) if n.start() <= within.end() => p = n,
                _ => break,
            }
        }
        Ok(out)
    }

    /// The cooperation network of states: one actor per registered state (alpha-3 order, so the network
    /// does not depend on the order records were added), linked by the agreements and joint activities
    /// they share.
    ///
    /// Without `within`, every agreement links every state it names and every activity its states. With
    /// `within`, an agreement counts when it was adopted or held a meeting inside the period, linking its
    /// parties on the period's last day (and its conveners); an activity counts when it took place inside
    /// the period.
    ///
    /// # Errors
    ///
    /// [`PartnerError::Network`] if the network module rejects the graph (it does not for valid registries:
    /// state names are unique and weights positive).
    ///
    /// # Complexity
    ///
    /// `O(r · p² + s log s)` for `r` records with `p` states each and `s` states.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::Country;
    ///
    /// let coop = darien::partners().cooperation_network(None)?;
    /// let w = coop.weight(Country::PAN, Country::CRI);
    /// assert_eq!(w, coop.weight(Country::CRI, Country::PAN)); // symmetric
    /// assert!(w.activities() >= 1); // Crepúsculo (S21)
    /// let ranked = coop.ranked(&coop.network().strength());
    /// assert_eq!(ranked[0].0, Country::PAN);
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn cooperation_network(&self, within: Option<Period>) -> Result<CooperationNetwork> {
        let mut weights: BTreeMap<(Country, Country), CooperationWeight> = BTreeMap::new();
        let mut link = |states: &[Country], activity: bool| {
            let mut s = states.to_vec();
            s.sort_unstable();
            s.dedup();
            for (i, &a) in s.iter().enumerate() {
                for &b in &s[i + 1..] {
                    let w = weights.entry((a, b)).or_default();
                    if activity {
                        w.activities += 1;
                    } else {
                        w.agreements += 1;
                    }
                }
            }
        };
        for a in &self.agreements {
            match within {
                None => link(&a.states(), false),
                Some(p) => {
                    let adopted = a.adopted().is_some_and(|x| p.contains_period(&x));
                    let met = a.meetings().iter().any(|m| p.contains_period(&m.period()));
                    if adopted || met {
                        let mut s = a.parties_on(p.end());
                        s.extend_from_slice(a.conveners());
                        link(&s, false);
                    }
                }
            }
        }
        for act in &self.activities {
            if within.is_none_or(|p| p.contains_period(&act.period())) {
                link(act.states(), true);
            }
        }
        let mut b = SmugglingNetwork::builder();
        let (states, ids) = StateIndex::add_actors(self.states.iter().map(PartnerState::country).collect(), &mut b);
        let id_of = |c: Country| states.id_in(&ids, c);
        let network_err = |source| PartnerError::Network { source };
        for (&(x, y), w) in &weights {
            let (Some(a), Some(c)) = (id_of(x), id_of(y)) else {
                continue;
            };
            if w.agreements > 0 {
                b.add_tie(
                    a,
                    c,
                    Tie::undirected(TieKind::Communication).weight(f64::from(w.agreements)),
                )
                .map_err(network_err)?;
            }
            if w.activities > 0 {
                b.add_tie(
                    a,
                    c,
                    Tie::undirected(TieKind::Logistics).weight(f64::from(w.activities)),
                )
                .map_err(network_err)?;
            }
        }
        let network = b.build().map_err(network_err)?;
        Ok(CooperationNetwork {
            network,
            states,
            weights,
        })
    }

    /// A summary of `country`'s roles, memberships and activities, or `None` if it is not registered.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::Country;
    /// let s = darien::partners().summary(Country::ECU).expect("registered");
    /// assert!(s.memberships().iter().any(|m| m.0 == "add")); // S14
    /// # }
    /// ```
    #[must_use]
    pub fn summary(&self, country: Country) -> Option<PartnerSummary> {
        let state = self.state(country)?;
        let mut roles = Vec::new();
        for r in state.roles() {
            if !roles.contains(&r.role()) {
                roles.push(r.role());
            }
        }
        let mut dates: Vec<Period> = Vec::new();
        let mut memberships = Vec::new();
        for a in &self.agreements {
            if let Some(p) = a.party(country) {
                memberships.push((a.id().to_owned(), p.role(), p.joined_in(), p.left_in()));
                dates.extend(p.joined_in().or(a.adopted()));
            }
            for m in a.meetings() {
                if m.attendees().contains(&country) {
                    dates.push(m.period());
                }
            }
        }
        let activities = self
            .activities
            .iter()
            .filter(|a| a.states().contains(&country))
            .map(|a| {
                dates.push(a.period());
                a.id().to_owned()
            })
            .collect();
        Some(PartnerSummary {
            country,
            roles,
            memberships,
            activities,
            first: dates.iter().map(Period::start).min(),
            last: dates.iter().map(Period::end).max(),
        })
    }

    /// The summary of every registered state, in alpha-3 order.
    #[must_use]
    pub fn summaries(&self) -> Vec<PartnerSummary> {
        self.states.iter().filter_map(|s| self.summary(s.country())).collect()
    }
}

/// How much two states share in a [`CooperationNetwork`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CooperationWeight {
    agreements: u32,
    activities: u32,
}

impl CooperationWeight {
    /// Agreements (and forums, meetings, declarations) both are parties of.
    #[must_use]
    pub fn agreements(&self) -> u32 {
        self.agreements
    }

    /// Joint activities (operations) both took part in.
    #[must_use]
    pub fn activities(&self) -> u32 {
        self.activities
    }

    /// Agreements plus activities: the weight of the pair's edge in the analysis graph.
    #[must_use]
    pub fn total(&self) -> u32 {
        self.agreements + self.activities
    }
}

/// The cooperation network of states built by [`PartnerRegistry::cooperation_network`].
///
/// The graph is a [`SmugglingNetwork`] whose actors are states (organisations named by their ISO short
/// name, with the alpha-3 code as alias and the country set), so every measure of the `network` module
/// applies. A pair of states has up to two undirected ties: a [`TieKind::Communication`] tie weighted by
/// the agreements they share and a [`TieKind::Logistics`] tie weighted by the joint activities they
/// share; the analysis graph sums them into one edge of weight [`CooperationWeight::total`]. The network
/// is undirected, hence symmetric.
///
/// With the `serde` feature it serialises (serialise-only) as `network` (the [`SmugglingNetwork`],
/// actor `i` the `i`-th state) and `pairs` (`{"a", "b", "weight"}`, the [`CooperationWeight`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CooperationNetwork {
    network: SmugglingNetwork,
    states: StateIndex,
    weights: BTreeMap<(Country, Country), CooperationWeight>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for CooperationNetwork {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Pair {
            a: Country,
            b: Country,
            weight: CooperationWeight,
        }
        #[derive(serde::Serialize)]
        struct View<'a> {
            network: &'a SmugglingNetwork,
            pairs: Vec<Pair>,
        }
        View {
            network: &self.network,
            pairs: self.pairs().map(|(a, b, weight)| Pair { a, b, weight }).collect(),
        }
        .serialize(s)
    }
}

impl CooperationNetwork {
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

    /// The actor of `country`, if registered.
    #[must_use]
    pub fn actor(&self, country: Country) -> Option<ActorId> {
        self.states.actor(country)
    }

    /// The state of actor `id`.
    #[must_use]
    pub fn state(&self, id: ActorId) -> Option<Country> {
        self.states.state(id)
    }

    /// What `a` and `b` share (zero when nothing, or when `a == b`); the same in either order.
    #[must_use]
    pub fn weight(&self, a: Country, b: Country) -> CooperationWeight {
        let key = if a <= b { (a, b) } else { (b, a) };
        self.weights.get(&key).copied().unwrap_or_default()
    }

    /// Every linked pair `(a, b, weight)` with `a < b`, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (Country, Country, CooperationWeight)> + '_ {
        self.weights.iter().map(|(&(a, b), &w)| (a, b, w))
    }

    /// States ranked by a per-actor score (a centrality of [`Self::network`]), highest first, ties in
    /// alpha-3 order; scores beyond the number of states are ignored, NaN ranks last.
    #[must_use]
    pub fn ranked(&self, scores: &[f64]) -> Vec<(Country, f64)> {
        self.states.ranked(scores)
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    use super::{Activity, Agreement, PartnerError, PartnerRegistry, PartnerState};

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct RegistryRepr {
        states: Vec<PartnerState>,
        #[serde(default)]
        agreements: Vec<Agreement>,
        #[serde(default)]
        activities: Vec<Activity>,
    }

    impl From<PartnerRegistry> for RegistryRepr {
        fn from(r: PartnerRegistry) -> Self {
            RegistryRepr {
                states: r.states,
                agreements: r.agreements,
                activities: r.activities,
            }
        }
    }

    impl TryFrom<RegistryRepr> for PartnerRegistry {
        type Error = PartnerError;

        fn try_from(r: RegistryRepr) -> Result<Self, PartnerError> {
            let mut reg = PartnerRegistry::new();
            for s in r.states {
                reg.add_state(s)?;
            }
            for a in r.agreements {
                reg.add_agreement(a)?;
            }
            for a in r.activities {
                reg.add_activity(a)?;
            }
            Ok(reg)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ActivityKind, AgreementKind, Party, PartyCount};
    use super::*;
    use time::macros::date;

    fn reg(states: &[Country]) -> PartnerRegistry {
        let mut r = PartnerRegistry::new();
        for c in states {
            r.add_state(PartnerState::new(*c)).unwrap();
        }
        r
    }

    #[test]
    fn unknown_state_and_duplicates() {
        let mut r = reg(&[Country::PAN]);
        let a = Agreement::builder("x", "X", AgreementKind::Forum)
            .party(Party::new(Country::COL, PartyRole::Member))
            .build()
            .unwrap();
        assert!(matches!(
            r.add_agreement(a.clone()),
            Err(PartnerError::UnknownState { country, .. }) if country == Country::COL
        ));
        r.add_state(PartnerState::new(Country::COL)).unwrap();
        r.add_agreement(a.clone()).unwrap();
        assert!(matches!(r.add_agreement(a), Err(PartnerError::DuplicateId { .. })));
        let act = Activity::new(
            "o",
            "O",
            ActivityKind::Operation,
            Period::year(2021).unwrap(),
            vec![Country::PAN, Country::COL],
        )
        .unwrap();
        r.add_activity(act.clone()).unwrap();
        assert!(matches!(r.add_activity(act), Err(PartnerError::DuplicateId { .. })));
    }

    #[test]
    fn declared_counts_are_bounds() {
        // S09: "at least 20 countries" at the Panama ministerial of April 2022, only PAN and USA named.
        let mut r = reg(&[Country::PAN, Country::USA]);
        let src = Source::new("MIRE", "press release").unwrap();
        let a = Agreement::builder("ministerial-2022", "M", AgreementKind::MinisterialMeeting)
            .adopted("2022-04-19..2022-04-20".parse().unwrap())
            .party(Party::new(Country::PAN, PartyRole::Convener))
            .party(Party::new(Country::USA, PartyRole::Participant))
            .party_count(PartyCount::new(
                Period::day(date!(2022 - 04 - 17)),
                Count::at_least(20),
                src,
            ))
            .build()
            .unwrap();
        r.add_agreement(a).unwrap();
        let c = r.engaged_count(Country::PAN, Period::year(2022).unwrap());
        assert_eq!((c.lower(), c.upper()), (19, None));
        assert_eq!(r.engaged_count(Country::PAN, Period::year(2021).unwrap()), Count::ZERO);
    }

    #[test]
    fn network_is_symmetric_and_ranked() {
        let mut r = reg(&[Country::PAN, Country::CRI, Country::COL]);
        for (id, s) in [("a", [Country::PAN, Country::CRI]), ("b", [Country::COL, Country::PAN])] {
            let act = Activity::new(id, id, ActivityKind::Operation, Period::year(2021).unwrap(), s.to_vec()).unwrap();
            r.add_activity(act).unwrap();
        }
        let n = r.cooperation_network(None).unwrap();
        assert_eq!(n.weight(Country::PAN, Country::CRI).activities(), 1);
        assert_eq!(n.weight(Country::CRI, Country::PAN).activities(), 1);
        assert_eq!(n.weight(Country::CRI, Country::COL).total(), 0);
        let ranked = n.ranked(&n.network().degree().iter().map(|d| *d as f64).collect::<Vec<_>>());
        assert_eq!(ranked[0], (Country::PAN, 2.0));
        assert_eq!(n.state(n.actor(Country::CRI).unwrap()), Some(Country::CRI));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let mut r = reg(&[Country::PAN, Country::COL]);
        let act = Activity::new(
            "o",
            "O",
            ActivityKind::Operation,
            Period::year(2021).unwrap(),
            vec![Country::PAN, Country::COL],
        )
        .unwrap();
        r.add_activity(act).unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<PartnerRegistry>(&json).unwrap(), r);
        let bad = json.replace(r#"{"country":"COL"},"#, "");
        assert!(serde_json::from_str::<PartnerRegistry>(&bad).is_err(), "{bad}");
    }
}
