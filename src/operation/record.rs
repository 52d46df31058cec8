//! `JointOperation`, its builder and its parts.

use time::Date;

use super::kind::{Crime, OperationKind, ParticipantRole, Relation};
use super::outcome::{Measure, Outcome, PersonFee, Seizure, spread, total_of};
use super::{OperationError, Result};
use crate::flow::Location;
use crate::network::{ActorId, SmugglingNetwork};
use crate::partner::{Activity, ActivityKind};
use crate::{Count, Country, Period, Source};

/// A state taking part in an operation, its role and its agencies.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Participant {
    country: Country,
    role: ParticipantRole,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    agencies: Vec<String>,
}

impl Participant {
    /// A state with its role and no named agency.
    #[must_use]
    pub fn new(country: Country, role: ParticipantRole) -> Participant {
        Participant {
            country,
            role,
            agencies: Vec::new(),
        }
    }

    /// Adds an agency (`SENAFRONT`, `OIJ`, `HSI`).
    #[must_use]
    pub fn agency(mut self, name: impl Into<String>) -> Participant {
        self.agencies.push(name.into());
        self
    }

    /// The state.
    #[must_use]
    pub fn country(&self) -> Country {
        self.country
    }

    /// Its role.
    #[must_use]
    pub fn role(&self) -> ParticipantRole {
        self.role
    }

    /// Its agencies.
    #[must_use]
    pub fn agencies(&self) -> &[String] {
        &self.agencies
    }
}

/// The part of an operation carried out in one state: its dates and places.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Phase {
    state: Country,
    period: Period,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    places: Vec<Location>,
}

impl Phase {
    /// The phase in `state` during `period`.
    #[must_use]
    pub fn new(state: Country, period: Period) -> Phase {
        Phase {
            state,
            period,
            places: Vec::new(),
        }
    }

    /// Adds a place.
    #[must_use]
    pub fn place(mut self, place: Location) -> Phase {
        self.places.push(place);
        self
    }

    /// The state.
    #[must_use]
    pub fn state(&self) -> Country {
        self.state
    }

    /// When.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// Where.
    #[must_use]
    pub fn places(&self) -> &[Location] {
        &self.places
    }
}

/// An organisation or person an operation targeted, optionally linked to an actor of a
/// [`SmugglingNetwork`] by name.
///
/// ```
/// use corridor::operation::Target;
/// use corridor::network::{Actor, SmugglingNetwork};
/// let mut b = SmugglingNetwork::builder();
/// let clan = b.add_actor(Actor::organisation("Clan del Golfo").alias("AGC"));
/// let net = b.build()?;
/// let t = Target::new("Clan del Golfo logistics network").actor("AGC");
/// assert_eq!(t.actor_in(&net), Some(clan));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Target {
    name: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    actor: Option<String>,
}

impl Target {
    /// A target by name.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Target {
        Target {
            name: name.into(),
            actor: None,
        }
    }

    /// Links it to a network actor's name or alias.
    #[must_use]
    pub fn actor(mut self, name: impl Into<String>) -> Target {
        self.actor = Some(name.into());
        self
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The linked actor's name, if any.
    #[must_use]
    pub fn actor_name(&self) -> Option<&str> {
        self.actor.as_deref()
    }

    /// The actor of `network` it names (the linked name, else the target's own name).
    #[must_use]
    pub fn actor_in(&self, network: &SmugglingNetwork) -> Option<ActorId> {
        network.find(self.actor.as_deref().unwrap_or(&self.name))
    }

    /// Whether `name` is its name or linked actor (trimmed, case-insensitive).
    #[must_use]
    pub fn is_named(&self, name: &str) -> bool {
        crate::names::is_named(name, &self.name, self.actor.as_slice())
    }
}

/// A link to another record (operation or agreement) by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Related {
    relation: Relation,
    id: String,
}

impl Related {
    /// A link of kind `relation` to the record `id`.
    #[must_use]
    pub fn new(relation: Relation, id: impl Into<String>) -> Related {
        Related {
            relation,
            id: id.into(),
        }
    }

    /// How they relate.
    #[must_use]
    pub fn relation(&self) -> Relation {
        self.relation
    }

    /// The other record's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Why and when a record was retracted. A retracted record stays in the log (and is found by its
/// queries) but is left out of totals.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Retraction {
    #[cfg_attr(feature = "serde", serde(with = "crate::words::serde_date"))]
    on: Date,
    reason: String,
}

impl Retraction {
    /// Retracted on `on` for `reason`.
    #[must_use]
    pub fn new(on: Date, reason: impl Into<String>) -> Retraction {
        Retraction {
            on,
            reason: reason.into(),
        }
    }

    /// When.
    #[must_use]
    pub fn on(&self) -> Date {
        self.on
    }

    /// Why.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A joint (or national) operation against smuggling or trafficking.
///
/// Built with [`JointOperation::builder`]; [`OperationBuilder::build`] checks it and deserialising runs
/// the same checks.
///
/// ```
/// use corridor::operation::{JointOperation, Measure, OperationKind, Outcome, Participant, ParticipantRole};
/// use corridor::{Count, Country, Source};
///
/// // S26: HSI Panama with Panama and Costa Rica, December 2022.
/// let ice = Source::new("U.S. Immigration and Customs Enforcement", "HSI Panama, Costa Rica investigation")?;
/// let op = JointOperation::builder("hsi-pan-cri-2022", "HSI Panama–Costa Rica smuggling investigation",
///         OperationKind::JointInvestigation, "2022-12-13".parse()?)
///     .investigation_start("2020-11".parse()?)
///     .participant(Participant::new(Country::USA, ParticipantRole::Lead).agency("HSI"))
///     .participant(Participant::new(Country::PAN, ParticipantRole::Participant))
///     .participant(Participant::new(Country::CRI, ParticipantRole::Participant))
///     .outcome(Outcome::new(Measure::Arrested, Count::exact(19), ice.clone()))
///     .outcome(Outcome::new(Measure::Rescued, Count::exact(77), ice))
///     .build()?;
/// assert_eq!(op.participants(), [Country::USA, Country::PAN, Country::CRI]);
/// assert_eq!(op.arrests(), Count::exact(19));
/// assert_eq!(op.rescued(), Count::exact(77));
/// assert_eq!(op.period().to_string(), "2022-12-13");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct JointOperation {
    id: String,
    name: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    aliases: Vec<String>,
    kind: OperationKind,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    crimes: Vec<Crime>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    cameo: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    announced: Option<Period>,
    executed: Period,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    ended: Option<Period>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    investigation_start: Option<Period>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    phases: Vec<Phase>,
    participants: Vec<Participant>,
    /// Derived from `participants` (kept in step by the builder and by deserialising).
    #[cfg_attr(feature = "serde", serde(skip))]
    states: Vec<Country>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    targets: Vec<Target>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    places: Vec<Location>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    outcomes: Vec<Outcome>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    seizures: Vec<Seizure>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    fees: Vec<PersonFee>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    charges: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    related: Vec<Related>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    sources: Vec<Source>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    only_source: Option<Source>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    retraction: Option<Retraction>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    notes: Vec<String>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for JointOperation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        JointOperation::serialize(self, s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for JointOperation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        let mut v = JointOperation::deserialize(d)?;
        v.states = v.participants.iter().map(Participant::country).collect();
        v.validate().map_err(serde::de::Error::custom)?;
        Ok(v)
    }
}

/// Collects a [`JointOperation`]'s data; [`OperationBuilder::build`] checks it.
#[derive(Debug, Clone)]
pub struct OperationBuilder(JointOperation);

impl JointOperation {
    /// Starts an operation with its slug id, name, kind and the period it was executed in.
    #[must_use]
    pub fn builder(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: OperationKind,
        executed: Period,
    ) -> OperationBuilder {
        OperationBuilder(JointOperation {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            kind,
            crimes: Vec::new(),
            cameo: None,
            announced: None,
            executed,
            ended: None,
            investigation_start: None,
            phases: Vec::new(),
            participants: Vec::new(),
            states: Vec::new(),
            targets: Vec::new(),
            places: Vec::new(),
            outcomes: Vec::new(),
            seizures: Vec::new(),
            fees: Vec::new(),
            charges: Vec::new(),
            related: Vec::new(),
            sources: Vec::new(),
            only_source: None,
            retraction: None,
            notes: Vec::new(),
        })
    }

    #[allow(clippy::too_many_lines)] // one check after another, in the order the docs list them
    fn validate(&self) -> Result<()> {
        let id = || self.id.clone();
        if !crate::words::is_slug(&self.id) {
            return Err(OperationError::InvalidId { id: id() });
        }
        if self.name.trim().is_empty() || self.aliases.iter().any(|a| a.trim().is_empty()) {
            return Err(OperationError::EmptyName { id: id() });
        }
        for (i, p) in self.participants.iter().enumerate() {
            if self.participants[..i].iter().any(|q| q.country == p.country) {
                return Err(OperationError::DuplicateParticipant {
                    id: id(),
                    country: p.country,
                });
            }
        }
        let needed = if self.kind.is_joint() { 2 } else { 1 };
        if self.states.len() < needed {
            return Err(OperationError::TooFewStates {
                id: id(),
                kind: self.kind,
                states: self.states.len(),
                needed,
            });
        }
        let order = |earlier_name, earlier: Period, later_name, later: Period| {
            if later.start() < earlier.start() {
                Err(OperationError::DatesOutOfOrder {
                    id: id(),
                    earlier_name,
                    earlier,
                    later_name,
                    later,
                })
            } else {
                Ok(())
            }
        };
        if let Some(inv) = self.investigation_start {
            order("investigation start", inv, "execution", self.executed)?;
        }
        if let Some(end) = self.ended {
            order("execution", self.executed, "end", end)?;
            if end.end() < self.executed.end() {
                return Err(OperationError::DatesOutOfOrder {
                    id: id(),
                    earlier_name: "execution",
                    earlier: self.executed,
                    later_name: "end",
                    later: end,
                });
            }
        }
        let period = self.period();
        for ph in &self.phases {
            if !self.states.contains(&ph.state) {
                return Err(OperationError::NotAParticipant {
                    id: id(),
                    what: "phase",
                    country: ph.state,
                });
            }
            if !period.contains_period(&ph.period) {
                return Err(OperationError::PhaseOutside {
                    id: id(),
                    state: ph.state,
                    phase: ph.period,
                    operation: period,
                });
            }
        }
        let attributed = self
            .outcomes
            .iter()
            .map(|o| ("outcome", o.in_state()))
            .chain(self.seizures.iter().map(|s| ("seizure", s.in_state())));
        for (what, state) in attributed {
            if let Some(c) = state
                && !self.states.contains(&c)
            {
                return Err(OperationError::NotAParticipant {
                    id: id(),
                    what,
                    country: c,
                });
            }
        }
        if let Some(code) = &self.cameo
            && !(2..=4).contains(&code.len()) | !code.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(OperationError::InvalidCameo { code: code.clone() });
        }
        let currencies = self
            .seizures
            .iter()
            .filter_map(|s| s.currency_code())
            .chain(self.fees.iter().map(PersonFee::currency));
        for code in currencies {
            if !crate::words::is_currency(code) {
                return Err(OperationError::InvalidCurrency { code: code.to_owned() });
            }
        }
        if self.seizures.iter().any(|s| s.item().trim().is_empty()) {
            return Err(OperationError::EmptySeizure { id: id() });
        }
        for r in &self.related {
            if r.id == self.id || !crate::words::is_slug(&r.id) {
                return Err(OperationError::BadRelation {
                    id: id(),
                    related: r.id.clone(),
                });
            }
        }
        if let Some(r) = &self.retraction
            && r.reason.trim().is_empty()
        {
            return Err(OperationError::EmptyRetraction { id: id() });
        }
        if let Some(only) = &self.only_source
            && let Some(other) = self.cited().find(|s| *s != only)
        {
            return Err(OperationError::SoleSourceMismatch {
                id: id(),
                only: only.publisher().to_owned(),
                other: other.publisher().to_owned(),
            });
        }
        Ok(())
    }

    /// Every source cited by the record and its figures, with repeats.
    fn cited(&self) -> impl Iterator<Item = &Source> {
        self.sources
            .iter()
            .chain(self.outcomes.iter().map(Outcome::source))
            .chain(self.seizures.iter().map(Seizure::source))
            .chain(self.fees.iter().map(PersonFee::source))
    }

    /// The slug id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names (`Operation Twilight`).
    #[must_use]
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Whether `name` is its name or an alias (trimmed, case-insensitive).
    #[must_use]
    pub fn is_named(&self, name: &str) -> bool {
        crate::names::is_named(name, &self.name, &self.aliases)
    }

    /// How it was run.
    #[must_use]
    pub fn kind(&self) -> OperationKind {
        self.kind
    }

    /// What it targeted.
    #[must_use]
    pub fn crimes(&self) -> &[Crime] {
        &self.crimes
    }

    /// Whether it targeted `crime`.
    #[must_use]
    pub fn targets_crime(&self, crime: Crime) -> bool {
        self.crimes.contains(&crime)
    }

    /// The CAMEO (or PLOVER) event code, as text (`"173"` arrest; `"064"` share intelligence).
    #[must_use]
    pub fn cameo(&self) -> Option<&str> {
        self.cameo.as_deref()
    }

    /// When it was announced, if known.
    #[must_use]
    pub fn announced(&self) -> Option<Period> {
        self.announced
    }

    /// When it was executed (the raids, the launch).
    #[must_use]
    pub fn executed(&self) -> Period {
        self.executed
    }

    /// When it ended, if known.
    #[must_use]
    pub fn ended(&self) -> Option<Period> {
        self.ended
    }

    /// When the investigation behind it started, if known.
    #[must_use]
    pub fn investigation_start(&self) -> Option<Period> {
        self.investigation_start
    }

    /// The operation's period: from its execution to its end (the execution period alone when no end is
    /// known), with the precision of its dates.
    #[must_use]
    pub fn period(&self) -> Period {
        match self.ended {
            Some(end) => Period::range(self.executed.start(), end.end()).unwrap_or(self.executed),
            None => self.executed,
        }
    }

    /// Its phases per state.
    #[must_use]
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The states taking part, in the order added.
    #[must_use]
    pub fn participants(&self) -> &[Country] {
        &self.states
    }

    /// The participants with their roles and agencies.
    #[must_use]
    pub fn participant_roles(&self) -> &[Participant] {
        &self.participants
    }

    /// Whether `country` took part.
    #[must_use]
    pub fn involves(&self, country: Country) -> bool {
        self.states.contains(&country)
    }

    /// What it targeted (organisations, networks, people).
    #[must_use]
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// Where it took place.
    #[must_use]
    pub fn places(&self) -> &[Location] {
        &self.places
    }

    /// Every outcome report, conflicting ones included.
    #[must_use]
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// The reports of one measure.
    pub fn reports(&self, measure: Measure) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(move |o| o.measure() == measure)
    }

    /// The spread of the reports of `measure` attributed to `state` (`None`: to the whole operation) for
    /// all nationalities; `None` without such reports. See [`JointOperation::total`] for the spread.
    #[must_use]
    pub fn figure(&self, measure: Measure, state: Option<Country>) -> Option<Count> {
        spread(
            self.reports(measure)
                .filter(|o| o.in_state() == state && o.of_nationality().is_none())
                .map(Outcome::count),
        )
    }

    /// The total of `measure` for the whole operation, or `None` without a report.
    ///
    /// Reports of one figure (same state, same nationality) that disagree are combined into their spread:
    /// the lowest lower bound, the highest upper bound (unbounded if any report is) and the first
    /// report's point estimate. Figures attributed to states are then summed, bounds kept; a figure for
    /// the whole operation is used only when no state has its own (per-state reports are the more
    /// specific). Within a state, a figure for all nationalities is preferred to the sum of figures by
    /// nationality.
    #[must_use]
    pub fn total(&self, measure: Measure) -> Option<Count> {
        self.total_where(measure, |_| true)
    }

    /// [`JointOperation::total`] from the reports that `keep` accepts (leave out a source, a state).
    pub fn total_where(&self, measure: Measure, keep: impl Fn(&Outcome) -> bool) -> Option<Count> {
        total_of(self.reports(measure).filter(|o| keep(o)))
    }

    /// People arrested, summed over states with bounds kept ([`JointOperation::total`] of
    /// [`Measure::Arrested`]); with no report at all, `at least 0` (unknown, never zero).
    #[must_use]
    pub fn arrests(&self) -> Count {
        self.total(Measure::Arrested).unwrap_or(Count::at_least(0))
    }

    /// People rescued, as [`JointOperation::arrests`] does for arrests.
    #[must_use]
    pub fn rescued(&self) -> Count {
        self.total(Measure::Rescued).unwrap_or(Count::at_least(0))
    }

    /// What was seized.
    #[must_use]
    pub fn seizures(&self) -> &[Seizure] {
        &self.seizures
    }

    /// Fees per person the targeted network charged.
    #[must_use]
    pub fn fees(&self) -> &[PersonFee] {
        &self.fees
    }

    /// Charges brought (`migrant smuggling`).
    #[must_use]
    pub fn charges(&self) -> &[String] {
        &self.charges
    }

    /// Links to other records.
    #[must_use]
    pub fn related(&self) -> &[Related] {
        &self.related
    }

    /// Every source the record cites — its own and those of its figures — without repeats, in the order
    /// first cited.
    #[must_use]
    pub fn sources(&self) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        for s in self.cited().chain(self.only_source.as_ref()) {
            crate::distinct::push_distinct(&mut out, s);
        }
        out
    }

    /// The one source the record rests on when no other source reports it.
    #[must_use]
    pub fn sole_source(&self) -> Option<&Source> {
        self.only_source.as_ref()
    }

    /// Whether the record is reported only by one source (a statement) and confirmed by no other.
    #[must_use]
    pub fn is_unconfirmed_elsewhere(&self) -> bool {
        self.only_source.is_some()
    }

    /// Whether any source other than `source` reports it.
    #[must_use]
    pub fn is_reported_besides(&self, source: &Source) -> bool {
        self.cited().any(|s| s != source)
    }

    /// The retraction, if retracted.
    #[must_use]
    pub fn retraction(&self) -> Option<&Retraction> {
        self.retraction.as_ref()
    }

    /// Whether it was retracted.
    #[must_use]
    pub fn is_retracted(&self) -> bool {
        self.retraction.is_some()
    }

    /// Free-text notes.
    #[must_use]
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The operation as a joint activity of its states for a [`crate::partner::PartnerRegistry`], or
    /// `None` when fewer than two states took part.
    #[must_use]
    pub fn activity(&self) -> Option<Activity> {
        let a = Activity::new(
            self.id.clone(),
            self.name.clone(),
            ActivityKind::Operation,
            self.period(),
            self.states.clone(),
        )
        .ok()?;
        Some(self.sources().into_iter().fold(a, |a, s| a.source(s.clone())))
    }
}

impl OperationBuilder {
    /// Adds another name.
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.0.aliases.push(alias.into());
        self
    }

    /// Adds a crime it targeted.
    #[must_use]
    pub fn crime(mut self, crime: Crime) -> Self {
        crate::distinct::push_distinct(&mut self.0.crimes, crime);
        self
    }

    /// Sets the CAMEO code (checked by [`Self::build`]: two to four digits, kept as text).
    #[must_use]
    pub fn cameo(mut self, code: impl Into<String>) -> Self {
        self.0.cameo = Some(code.into());
        self
    }

    /// Sets when it was announced.
    #[must_use]
    pub fn announced(mut self, when: Period) -> Self {
        self.0.announced = Some(when);
        self
    }

    /// Sets when it ended.
    #[must_use]
    pub fn ended(mut self, when: Period) -> Self {
        self.0.ended = Some(when);
        self
    }

    /// Sets when the investigation started.
    #[must_use]
    pub fn investigation_start(mut self, when: Period) -> Self {
        self.0.investigation_start = Some(when);
        self
    }

    /// Adds a phase.
    #[must_use]
    pub fn phase(mut self, phase: Phase) -> Self {
        self.0.phases.push(phase);
        self
    }

    /// Adds a participating state.
    #[must_use]
    pub fn participant(mut self, participant: Participant) -> Self {
        if !self.0.states.contains(&participant.country) {
            self.0.states.push(participant.country);
        }
        self.0.participants.push(participant);
        self
    }

    /// Adds a target.
    #[must_use]
    pub fn target(mut self, target: Target) -> Self {
        self.0.targets.push(target);
        self
    }

    /// Adds a place.
    #[must_use]
    pub fn place(mut self, place: Location) -> Self {
        self.0.places.push(place);
        self
    }

    /// Adds an outcome report.
    #[must_use]
    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.0.outcomes.push(outcome);
        self
    }

    /// Adds a seizure.
    #[must_use]
    pub fn seizure(mut self, seizure: Seizure) -> Self {
        self.0.seizures.push(seizure);
        self
    }

    /// Adds a fee per person.
    #[must_use]
    pub fn fee(mut self, fee: PersonFee) -> Self {
        self.0.fees.push(fee);
        self
    }

    /// Adds a charge.
    #[must_use]
    pub fn charge(mut self, charge: impl Into<String>) -> Self {
        self.0.charges.push(charge.into());
        self
    }

    /// Adds a link to another record.
    #[must_use]
    pub fn related(mut self, related: Related) -> Self {
        self.0.related.push(related);
        self
    }

    /// Adds a source of the record as a whole.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        self.0.sources.push(source);
        self
    }

    /// Marks the record as reported only by `source` (a statement no other source confirms): every figure
    /// and citation must then be that source.
    #[must_use]
    pub fn only_reported_by(mut self, source: Source) -> Self {
        self.0.only_source = Some(source);
        self
    }

    /// Marks the record as retracted.
    #[must_use]
    pub fn retracted(mut self, retraction: Retraction) -> Self {
        self.0.retraction = Some(retraction);
        self
    }

    /// Adds a note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.0.notes.push(note.into());
        self
    }

    /// Checks the data and builds the operation.
    ///
    /// # Errors
    ///
    /// [`OperationError::InvalidId`]; [`OperationError::EmptyName`]; [`OperationError::DuplicateParticipant`];
    /// [`OperationError::TooFewStates`] for a joint kind with fewer than two states (or any kind with
    /// none); [`OperationError::DatesOutOfOrder`] when the investigation starts after the execution or the
    /// end comes before it; [`OperationError::NotAParticipant`] and [`OperationError::PhaseOutside`] for
    /// phases, outcomes and seizures; [`OperationError::InvalidCameo`]; [`OperationError::InvalidCurrency`];
    /// [`OperationError::EmptySeizure`]; [`OperationError::BadRelation`];
    /// [`OperationError::EmptyRetraction`]; [`OperationError::SoleSourceMismatch`].
    ///
    /// ```
    /// use corridor::operation::{JointOperation, OperationError, OperationKind, Participant, ParticipantRole};
    /// use corridor::Country;
    /// let r = JointOperation::builder("x", "X", OperationKind::JointInvestigation, "2021-09".parse()?)
    ///     .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
    ///     .build();
    /// assert!(matches!(r, Err(OperationError::TooFewStates { states: 1, needed: 2, .. })));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn build(self) -> Result<JointOperation> {
        self.0.validate()?;
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn src(p: &str) -> Source {
        Source::new(p, "t").unwrap()
    }

    fn crepusculo() -> OperationBuilder {
        JointOperation::builder(
            "crepusculo-2021",
            "Operación Binacional Crepúsculo",
            OperationKind::JointInvestigation,
            Period::day(date!(2021 - 09 - 21)),
        )
        .participant(Participant::new(Country::PAN, ParticipantRole::CoLead))
        .participant(Participant::new(Country::CRI, ParticipantRole::CoLead))
    }

    #[test]
    fn arrests_keep_the_spread() {
        // S21: PAN 21, CRI 21 (EFE) or 24 (radio-corporacion.com); total "more than 40" (EFE).
        let op = crepusculo()
            .outcome(Outcome::new(Measure::Arrested, Count::exact(21), src("EFE")).state(Country::PAN))
            .outcome(Outcome::new(Measure::Arrested, Count::exact(21), src("EFE")).state(Country::CRI))
            .outcome(Outcome::new(Measure::Arrested, Count::exact(24), src("radio")).state(Country::CRI))
            .outcome(Outcome::new(Measure::Arrested, Count::at_least(41), src("EFE")))
            .build()
            .unwrap();
        let a = op.arrests();
        assert_eq!((a.lower(), a.upper()), (42, Some(45)));
        assert_eq!(op.figure(Measure::Arrested, None), Some(Count::at_least(41)));
        assert_eq!(op.total(Measure::Charged), None);
        assert_eq!(op.rescued(), Count::at_least(0));
    }

    #[test]
    fn by_nationality_is_summed_when_no_overall_figure() {
        let op = crepusculo()
            .outcome(Outcome::new(Measure::Rescued, Count::exact(3), src("a")).nationality(Country::HTI))
            .outcome(Outcome::new(Measure::Rescued, Count::exact(4), src("a")).nationality(Country::CUB))
            .build()
            .unwrap();
        assert_eq!(op.rescued(), Count::exact(7));
    }

    #[test]
    fn errors() {
        let one = JointOperation::builder("x", "X", OperationKind::Joint, Period::year(2021).unwrap())
            .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
            .build();
        assert!(matches!(one, Err(OperationError::TooFewStates { .. })));
        let none = JointOperation::builder("x", "X", OperationKind::National, Period::year(2021).unwrap()).build();
        assert!(matches!(none, Err(OperationError::TooFewStates { needed: 1, .. })));
        let r = crepusculo()
            .investigation_start(Period::day(date!(2021 - 10 - 01)))
            .build();
        assert!(matches!(r, Err(OperationError::DatesOutOfOrder { .. })));
        let r = crepusculo().ended(Period::day(date!(2021 - 09 - 01))).build();
        assert!(matches!(r, Err(OperationError::DatesOutOfOrder { .. })));
        let r = crepusculo()
            .participant(Participant::new(Country::PAN, ParticipantRole::Supporting))
            .build();
        assert!(matches!(r, Err(OperationError::DuplicateParticipant { .. })));
        let r = crepusculo()
            .phase(Phase::new(Country::PAN, Period::day(date!(2021 - 09 - 22))))
            .build();
        assert!(matches!(r, Err(OperationError::PhaseOutside { .. })));
        let r = crepusculo()
            .phase(Phase::new(Country::COL, Period::day(date!(2021 - 09 - 21))))
            .build();
        assert!(matches!(r, Err(OperationError::NotAParticipant { what: "phase", .. })));
        let r = crepusculo()
            .outcome(Outcome::new(Measure::Arrested, Count::exact(1), src("a")).state(Country::NIC))
            .build();
        assert!(matches!(
            r,
            Err(OperationError::NotAParticipant { what: "outcome", .. })
        ));
        for code in ["1", "17a", "12345"] {
            let r = crepusculo().cameo(code).build();
            assert!(matches!(r, Err(OperationError::InvalidCameo { .. })), "{code}");
        }
        assert_eq!(crepusculo().cameo("010").build().unwrap().cameo(), Some("010"));
        let r = crepusculo()
            .seizure(Seizure::new("cash", Count::exact(3000), src("a")).currency("US$"))
            .build();
        assert!(matches!(r, Err(OperationError::InvalidCurrency { .. })));
        let r = crepusculo()
            .seizure(Seizure::new(" ", Count::exact(3), src("a")))
            .build();
        assert!(matches!(r, Err(OperationError::EmptySeizure { .. })));
        let r = crepusculo()
            .related(Related::new(Relation::SameEventAs, "crepusculo-2021"))
            .build();
        assert!(matches!(r, Err(OperationError::BadRelation { .. })));
        let r = crepusculo()
            .retracted(Retraction::new(date!(2022 - 01 - 01), ""))
            .build();
        assert!(matches!(r, Err(OperationError::EmptyRetraction { .. })));
        let r = crepusculo()
            .only_reported_by(src("statement"))
            .outcome(Outcome::new(Measure::Arrested, Count::exact(1), src("press")))
            .build();
        assert!(matches!(r, Err(OperationError::SoleSourceMismatch { .. })));
        let r = JointOperation::builder("Crepúsculo", "X", OperationKind::National, Period::year(2021).unwrap())
            .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
            .build();
        assert!(matches!(r, Err(OperationError::InvalidId { .. })));
        let r = crepusculo().alias("").build();
        assert!(matches!(r, Err(OperationError::EmptyName { .. })));
    }

    #[test]
    fn sources_and_confirmation() {
        let st = src("statement");
        let op = crepusculo()
            .only_reported_by(st.clone())
            .outcome(Outcome::new(Measure::Arrested, Count::at_least(41), st.clone()))
            .build()
            .unwrap();
        assert!(op.is_unconfirmed_elsewhere());
        assert!(!op.is_reported_besides(&st));
        assert_eq!(op.sources(), [&st]);
        assert_eq!(op.activity().map(|a| a.states().len()), Some(2));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let op = crepusculo()
            .outcome(Outcome::new(Measure::Arrested, Count::exact(21), src("EFE")).state(Country::PAN))
            .phase(Phase::new(Country::PAN, Period::day(date!(2021 - 09 - 21))))
            .retracted(Retraction::new(date!(2022 - 01 - 01), "test"))
            .build()
            .unwrap();
        let json = serde_json::to_string(&op).unwrap();
        let back: JointOperation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, op);
        assert_eq!(back.participants(), [Country::PAN, Country::CRI]);
        let one_state = json.replace(r#",{"country":"CRI","role":"co_lead"}"#, "");
        assert!(
            serde_json::from_str::<JointOperation>(&one_state).is_err(),
            "{one_state}"
        );
        let negative = json.replace(r#""count":"21""#, r#""count":"-21""#);
        assert!(serde_json::from_str::<JointOperation>(&negative).is_err());
    }
}
