//! `Agreement`: forums, meetings, declarations, alliances, memoranda, campaigns, quotas, unilateral measures.

use time::Date;

use super::commitment::{Commitment, QuotaSchedule};
use super::{PartnerError, Result, check_id};
use crate::{Count, Country, Period, Source};

words! {
    /// What kind of arrangement an [`Agreement`] is.
    ///
    /// Text form: the snake-case name (`ministerial_meeting`).
    #[non_exhaustive]
    pub enum AgreementKind: "agreement kind", PartnerError::unknown {
        /// A standing regional forum (the Regional Conference on Migration).
        Forum => "forum",
        /// A meeting of ministers.
        MinisterialMeeting => "ministerial_meeting" | "ministerial",
        /// A meeting of officials below ministers (migration directors).
        OfficialsMeeting => "officials_meeting",
        /// A meeting of heads of state or government.
        Summit => "summit",
        /// A declaration adopted by several states (the Los Angeles Declaration).
        Declaration => "declaration",
        /// An alliance of states (the Alliance for Development in Democracy).
        Alliance => "alliance",
        /// A memorandum of understanding.
        Memorandum => "memorandum" | "mou",
        /// A joint statement.
        JointStatement => "joint_statement",
        /// A coordinated campaign with a declared duration.
        JointCampaign => "joint_campaign" | "campaign",
        /// A daily quota on crossings agreed between states.
        QuotaArrangement => "quota_arrangement" | "quota",
        /// A measure one state takes alone (a transit visa).
        UnilateralMeasure => "unilateral_measure" | "unilateral",
        /// A bilateral arrangement of another kind.
        BilateralAgreement => "bilateral_agreement" | "bilateral",
    }
}

words! {
    /// Whether an agreement binds its parties.
    #[non_exhaustive]
    pub enum Binding: "binding", PartnerError::unknown {
        /// Legally binding.
        Binding => "binding",
        /// Political, not legally binding.
        NonBinding => "non_binding",
        /// The sources do not say.
        Unknown => "unknown",
    }
}

words! {
    /// How a meeting was held.
    #[non_exhaustive]
    pub enum Mode: "meeting mode", PartnerError::unknown {
        /// Everyone in one place.
        InPerson => "in_person",
        /// By video conference.
        Virtual => "virtual",
        /// Some in person, some by video.
        Hybrid => "hybrid",
    }
}

words! {
    /// The role of a state in an agreement.
    #[non_exhaustive]
    pub enum PartyRole: "party role", PartnerError::unknown {
        /// A founding member.
        Founder => "founder",
        /// A member that is not a founder.
        Member => "member",
        /// An observer.
        Observer => "observer",
        /// A state that endorsed a declaration.
        Endorser => "endorser",
        /// The host of a meeting.
        Host => "host",
        /// The state that convened it.
        Convener => "convener",
        /// The chair (or pro tempore presidency).
        Chair => "chair",
        /// The lead of an action package.
        ActionLead => "action_lead",
        /// A signatory.
        Signatory => "signatory",
        /// A participant in a meeting.
        Participant => "participant",
        /// A supporting state outside the membership (a "strategic ally").
        Supporter => "supporter",
    }
}

/// A state's part in an agreement: its role and its own join and leave dates, each with its precision.
///
/// Without a join date the party joined when the agreement was adopted; without a leave date it is still
/// in. A party counts as in on a day when it had certainly joined by then (on or after the last day of
/// its join period) and had not yet begun to leave (before the first day of its leave period).
///
/// ```
/// use corridor::partner::{Party, PartyRole};
/// use corridor::{Country, Period};
/// let ecu = Party::new(Country::ECU, PartyRole::Member).joined(Period::month(2022, 6)?);
/// assert_eq!(ecu.joined_in(), Some(Period::month(2022, 6)?));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Party {
    country: Country,
    role: PartyRole,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    joined: Option<Period>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    left: Option<Period>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl Party {
    /// A party from the agreement's adoption, still in.
    #[must_use]
    pub fn new(country: Country, role: PartyRole) -> Party {
        Party {
            country,
            role,
            joined: None,
            left: None,
            source: None,
        }
    }

    /// Sets when it joined (with its precision: a day, a month…).
    #[must_use]
    pub fn joined(mut self, when: Period) -> Party {
        self.joined = Some(when);
        self
    }

    /// Sets when it left.
    #[must_use]
    pub fn left(mut self, when: Period) -> Party {
        self.left = Some(when);
        self
    }

    /// Sets the source of the membership.
    #[must_use]
    pub fn source(mut self, source: Source) -> Party {
        self.source = Some(source);
        self
    }

    /// The state.
    #[must_use]
    pub fn country(&self) -> Country {
        self.country
    }

    /// Its role.
    #[must_use]
    pub fn role(&self) -> PartyRole {
        self.role
    }

    /// When it joined, if not at adoption.
    #[must_use]
    pub fn joined_in(&self) -> Option<Period> {
        self.joined
    }

    /// When it left, if it did.
    #[must_use]
    pub fn left_in(&self) -> Option<Period> {
        self.left
    }

    /// The source, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    /// Whether it is in on `date`, given when the agreement was adopted.
    fn is_in_on(&self, adopted: Option<Period>, date: Date) -> bool {
        let from = self.joined.or(adopted).map(|p| p.end());
        from.is_none_or(|f| f <= date) && self.left.is_none_or(|l| date < l.start())
    }
}

/// A number of parties declared by a source that does not name them all ("at least 20 countries";
/// "21 countries have endorsed the Declaration so far"), as of a date. The count includes every party
/// (the host too).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartyCount {
    as_of: Period,
    count: Count,
    source: Source,
}

impl PartyCount {
    /// A declared number of parties as of a period, with its source.
    #[must_use]
    pub fn new(as_of: Period, count: Count, source: Source) -> PartyCount {
        PartyCount { as_of, count, source }
    }

    /// When the figure holds.
    #[must_use]
    pub fn as_of(&self) -> Period {
        self.as_of
    }

    /// The number of parties, with its precision.
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// Who declared it.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }
}

/// Money committed or spent under an agreement, dated: US$6 million by August 2024, US$14 million by May
/// 2025 (facts S32, S33). Amounts are whole units of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Funding {
    on: Period,
    amount: u64,
    currency: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl Funding {
    /// `amount` whole units of `currency` as of `on`.
    ///
    /// # Errors
    ///
    /// [`PartnerError::InvalidCurrency`] when `currency` is not three upper-case ASCII letters.
    ///
    /// ```
    /// use corridor::partner::Funding;
    /// use corridor::Period;
    /// let f = Funding::new(Period::month(2025, 5)?, 14_000_000, "USD")?;
    /// assert_eq!((f.amount(), f.currency()), (14_000_000, "USD"));
    /// assert!(Funding::new(Period::month(2025, 5)?, 1, "US$").is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn new(on: Period, amount: u64, currency: &str) -> Result<Funding> {
        let f = Funding {
            on,
            amount,
            currency: currency.to_owned(),
            source: None,
        };
        f.validate()?;
        Ok(f)
    }

    fn validate(&self) -> Result<()> {
        if crate::words::is_currency(&self.currency) {
            Ok(())
        } else {
            Err(PartnerError::InvalidCurrency {
                code: self.currency.clone(),
            })
        }
    }

    /// Sets the source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Funding {
        self.source = Some(source);
        self
    }

    /// When the amount holds.
    #[must_use]
    pub fn on(&self) -> Period {
        self.on
    }

    /// The amount in whole units.
    #[must_use]
    pub fn amount(&self) -> u64 {
        self.amount
    }

    /// The ISO 4217 currency code.
    #[must_use]
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The source, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// A meeting held under an agreement (a summit of an alliance), named by place and date — never by an
/// ordinal, since sources number summits differently; the ordinals they use are kept as aliases.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Meeting {
    name: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    aliases: Vec<String>,
    period: Period,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    venue: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    mode: Option<Mode>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    attendees: Vec<Country>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    sources: Vec<Source>,
}

impl Meeting {
    /// A meeting with its name and dates; attendees default to the agreement's parties on its last day.
    #[must_use]
    pub fn new(name: impl Into<String>, period: Period) -> Meeting {
        Meeting {
            name: name.into(),
            aliases: Vec::new(),
            period,
            venue: None,
            mode: None,
            attendees: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Adds another name, such as a source's ordinal (`Segunda Cumbre`).
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Meeting {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the venue.
    #[must_use]
    pub fn venue(mut self, venue: impl Into<String>) -> Meeting {
        self.venue = Some(venue.into());
        self
    }

    /// Sets how it was held.
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Meeting {
        self.mode = Some(mode);
        self
    }

    /// Adds a state that attended.
    #[must_use]
    pub fn attendee(mut self, country: Country) -> Meeting {
        crate::distinct::push_distinct(&mut self.attendees, country);
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Meeting {
        self.sources.push(source);
        self
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names.
    #[must_use]
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// When it was held.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// Where, if known.
    #[must_use]
    pub fn venue_name(&self) -> Option<&str> {
        self.venue.as_deref()
    }

    /// How, if known.
    #[must_use]
    pub fn meeting_mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The states named as attending (empty: the agreement's parties on its last day).
    #[must_use]
    pub fn attendees(&self) -> &[Country] {
        &self.attendees
    }

    /// The sources.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

/// A forum, ministerial meeting, declaration, alliance, memorandum, joint statement or campaign, quota
/// arrangement or unilateral measure.
///
/// Built with [`Agreement::builder`]; fields are private and [`AgreementBuilder::build`] validates
/// them (deserialising runs the same checks).
///
/// ```
/// use corridor::partner::{Agreement, AgreementKind, Mode, Party, PartyRole};
/// use corridor::{Country, Period};
/// use time::macros::date;
///
/// // S02: the virtual ministerial of 11 August 2021, convened by Panama, ten governments.
/// let mut b = Agreement::builder("ministerial-2021-08-11", "Regional ministerial meeting on migration",
///     AgreementKind::MinisterialMeeting)
///     .adopted(Period::day(date!(2021 - 08 - 11)))
///     .mode(Mode::Virtual)
///     .convener(Country::PAN)
///     .party(Party::new(Country::PAN, PartyRole::Convener));
/// for c in [Country::BRA, Country::CAN, Country::COL, Country::CRI, Country::CHL, Country::ECU,
///           Country::USA, Country::MEX, Country::PER] {
///     b = b.party(Party::new(c, PartyRole::Participant));
/// }
/// let meeting = b.build()?;
/// assert_eq!(meeting.parties_on(date!(2021 - 08 - 11)).len(), 10);
/// assert!(meeting.parties_on(date!(2021 - 08 - 10)).is_empty());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct Agreement {
    id: String,
    name: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    aliases: Vec<String>,
    kind: AgreementKind,
    #[cfg_attr(feature = "serde", serde(default = "unknown_binding"))]
    binding: Binding,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    adopted: Option<Period>,
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::words::serde_date::option"
        )
    )]
    in_force_from: Option<Date>,
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::words::serde_date::option"
        )
    )]
    in_force_until: Option<Date>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    duration_days: Option<u32>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    venue: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    mode: Option<Mode>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    conveners: Vec<Country>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    parties: Vec<Party>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    party_counts: Vec<PartyCount>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    commitments: Vec<Commitment>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    funding: Vec<Funding>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    meetings: Vec<Meeting>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    sources: Vec<Source>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    note: Option<String>,
}

#[cfg(feature = "serde")]
fn unknown_binding() -> Binding {
    Binding::Unknown
}

serde_validated!(Agreement);

/// Collects an [`Agreement`]'s data; [`AgreementBuilder::build`] checks it.
#[derive(Debug, Clone)]
pub struct AgreementBuilder(Agreement);

impl Agreement {
    /// Starts an agreement with its slug id, name and kind.
    #[must_use]
    pub fn builder(id: impl Into<String>, name: impl Into<String>, kind: AgreementKind) -> AgreementBuilder {
        AgreementBuilder(Agreement {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            kind,
            binding: Binding::Unknown,
            adopted: None,
            in_force_from: None,
            in_force_until: None,
            duration_days: None,
            venue: None,
            mode: None,
            conveners: Vec::new(),
            parties: Vec::new(),
            party_counts: Vec::new(),
            commitments: Vec::new(),
            funding: Vec::new(),
            meetings: Vec::new(),
            sources: Vec::new(),
            note: None,
        })
    }

    pub(crate) fn validate(&self) -> Result<()> {
        check_id(&self.id)?;
        let empty = |n: &String| n.trim().is_empty();
        if empty(&self.name) || self.aliases.iter().any(empty) || self.meetings.iter().any(|m| empty(&m.name)) {
            return Err(PartnerError::EmptyName {
                what: "agreement",
                id: self.id.clone(),
            });
        }
        let order = |earlier_name, earlier: Period, later_name, later: Period| {
            if later.end() < earlier.start() {
                Err(PartnerError::DatesOutOfOrder {
                    what: "agreement",
                    id: self.id.clone(),
                    earlier_name,
                    earlier,
                    later_name,
                    later,
                })
            } else {
                Ok(())
            }
        };
        if let (Some(a), Some(f)) = (self.adopted, self.in_force_from) {
            order("adoption", a, "entry into force", Period::day(f))?;
        }
        if let (Some(f), Some(u)) = (self.in_force_from, self.in_force_until) {
            order("entry into force", Period::day(f), "end of force", Period::day(u))?;
        }
        if self.duration_days == Some(0) {
            return Err(PartnerError::ZeroDuration { id: self.id.clone() });
        }
        for (i, p) in self.parties.iter().enumerate() {
            if self.parties[..i].iter().any(|q| q.country == p.country) {
                return Err(PartnerError::DuplicateParty {
                    id: self.id.clone(),
                    country: p.country,
                });
            }
            if let (Some(j), Some(l)) = (p.joined, p.left)
                && l.end() < j.start()
            {
                return Err(PartnerError::LeavesBeforeJoining {
                    id: self.id.clone(),
                    country: p.country,
                    joined: j,
                    left: l,
                });
            }
            if let (Some(a), Some(j)) = (self.adopted, p.joined) {
                order("adoption", a, "joining", j)?;
            }
        }
        for f in &self.funding {
            f.validate()?;
        }
        Ok(())
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

    /// Other names (a founding name, a name in another language).
    #[must_use]
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Whether `name` is its name or an alias (trimmed, case-insensitive).
    #[must_use]
    pub fn is_named(&self, name: &str) -> bool {
        crate::names::is_named(name, &self.name, &self.aliases)
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> AgreementKind {
        self.kind
    }

    /// Whether it binds its parties.
    #[must_use]
    pub fn binding(&self) -> Binding {
        self.binding
    }

    /// When it was adopted, signed or held, with its precision.
    #[must_use]
    pub fn adopted(&self) -> Option<Period> {
        self.adopted
    }

    /// The first day in force, if known.
    #[must_use]
    pub fn in_force_from(&self) -> Option<Date> {
        self.in_force_from
    }

    /// The last day in force; `None` when open-ended or unknown.
    #[must_use]
    pub fn in_force_until(&self) -> Option<Date> {
        self.in_force_until
    }

    /// Whether it is in force on `date`: from its entry into force (or, without one, its adoption) to its
    /// end, open-ended when no end is known.
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        let from = self.in_force_from.or(self.adopted.map(|p| p.start()));
        from.is_some_and(|f| f <= date) && self.in_force_until.is_none_or(|u| date <= u)
    }

    /// The declared duration in days ("a sixty-day campaign"), if any.
    #[must_use]
    pub fn declared_duration_days(&self) -> Option<u32> {
        self.duration_days
    }

    /// The venue, if known.
    #[must_use]
    pub fn venue(&self) -> Option<&str> {
        self.venue.as_deref()
    }

    /// How it was held, if a meeting.
    #[must_use]
    pub fn mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The states that convened it.
    #[must_use]
    pub fn conveners(&self) -> &[Country] {
        &self.conveners
    }

    /// Every party with its role and dates.
    #[must_use]
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// The party entry of `country`, if it is one.
    #[must_use]
    pub fn party(&self, country: Country) -> Option<&Party> {
        self.parties.iter().find(|p| p.country == country)
    }

    /// The states that are parties on `date` (in the order they were added): those that had certainly
    /// joined by then — on or after the last day of their join period, or of the adoption for founding
    /// parties — and had not begun to leave, while the agreement has not ended its force.
    ///
    /// # Complexity
    ///
    /// `O(p)` for `p` parties.
    #[must_use]
    pub fn parties_on(&self, date: Date) -> Vec<Country> {
        if self.in_force_until.is_some_and(|u| date > u) {
            return Vec::new();
        }
        self.parties
            .iter()
            .filter(|p| p.is_in_on(self.adopted, date))
            .map(|p| p.country)
            .collect()
    }

    /// Every state the agreement names (parties, conveners and meeting attendees), without repeats.
    #[must_use]
    pub fn states(&self) -> Vec<Country> {
        let mut out: Vec<Country> = Vec::new();
        let all = self
            .parties
            .iter()
            .map(|p| p.country)
            .chain(self.conveners.iter().copied())
            .chain(self.meetings.iter().flat_map(|m| m.attendees.iter().copied()));
        for c in all {
            crate::distinct::push_distinct(&mut out, c);
        }
        out
    }

    /// Declared numbers of parties where the sources do not name them all.
    #[must_use]
    pub fn party_counts(&self) -> &[PartyCount] {
        &self.party_counts
    }

    /// The commitments.
    #[must_use]
    pub fn commitments(&self) -> &[Commitment] {
        &self.commitments
    }

    /// The first quota schedule among the commitments, if any.
    #[must_use]
    pub fn quota(&self) -> Option<&QuotaSchedule> {
        self.commitments.iter().find_map(Commitment::quota)
    }

    /// The dated funding amounts, in the order added.
    #[must_use]
    pub fn funding(&self) -> &[Funding] {
        &self.funding
    }

    /// The latest funding figure known on `date` (the one whose period ends last, on or before `date`).
    #[must_use]
    pub fn funding_on(&self, date: Date) -> Option<&Funding> {
        self.funding
            .iter()
            .filter(|f| f.on.end() <= date)
            .max_by_key(|f| f.on.end())
    }

    /// Meetings held under it.
    #[must_use]
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The sources.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// A free-text note, if any.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl AgreementBuilder {
    /// Adds another name.
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.0.aliases.push(alias.into());
        self
    }

    /// Sets whether it binds.
    #[must_use]
    pub fn binding(mut self, binding: Binding) -> Self {
        self.0.binding = binding;
        self
    }

    /// Sets when it was adopted, signed or held.
    #[must_use]
    pub fn adopted(mut self, when: Period) -> Self {
        self.0.adopted = Some(when);
        self
    }

    /// Sets the first day in force (without one, it is in force from its adoption).
    #[must_use]
    pub fn in_force_from(mut self, first: Date) -> Self {
        self.0.in_force_from = Some(first);
        self
    }

    /// Sets the last day in force.
    #[must_use]
    pub fn in_force_until(mut self, last: Date) -> Self {
        self.0.in_force_until = Some(last);
        self
    }

    /// Sets a declared duration in days ("a sixty-day campaign").
    #[must_use]
    pub fn declared_duration_days(mut self, days: u32) -> Self {
        self.0.duration_days = Some(days);
        self
    }

    /// Sets the venue.
    #[must_use]
    pub fn venue(mut self, venue: impl Into<String>) -> Self {
        self.0.venue = Some(venue.into());
        self
    }

    /// Sets how it was held.
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Self {
        self.0.mode = Some(mode);
        self
    }

    /// Adds a convening state.
    #[must_use]
    pub fn convener(mut self, country: Country) -> Self {
        crate::distinct::push_distinct(&mut self.0.conveners, country);
        self
    }

    /// Adds a party.
    #[must_use]
    pub fn party(mut self, party: Party) -> Self {
        self.0.parties.push(party);
        self
    }

    /// Adds a declared number of parties.
    #[must_use]
    pub fn party_count(mut self, count: PartyCount) -> Self {
        self.0.party_counts.push(count);
        self
    }

    /// Adds a commitment.
    #[must_use]
    pub fn commitment(mut self, commitment: Commitment) -> Self {
        self.0.commitments.push(commitment);
        self
    }

    /// Adds a dated funding amount.
    #[must_use]
    pub fn funding(mut self, funding: Funding) -> Self {
        self.0.funding.push(funding);
        self
    }

    /// Adds a meeting.
    #[must_use]
    pub fn meeting(mut self, meeting: Meeting) -> Self {
        self.0.meetings.push(meeting);
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        self.0.sources.push(source);
        self
    }

    /// Sets a note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.0.note = Some(note.into());
        self
    }

    /// Checks the data and builds the agreement.
    ///
    /// # Errors
    ///
    /// [`PartnerError::InvalidId`] for an id that is not a slug; [`PartnerError::EmptyName`] for an empty
    /// name, alias or meeting name; [`PartnerError::DatesOutOfOrder`] when it enters into force before its
    /// adoption, ends before it enters into force, or a party joins before the adoption;
    /// [`PartnerError::ZeroDuration`]; [`PartnerError::DuplicateParty`];
    /// [`PartnerError::LeavesBeforeJoining`] when a party's leave period ends before its join period
    /// starts; [`PartnerError::InvalidCurrency`] for funding.
    ///
    /// ```
    /// use corridor::partner::{Agreement, AgreementKind, Party, PartyRole, PartnerError};
    /// use corridor::{Country, Period};
    /// let r = Agreement::builder("x", "X", AgreementKind::Alliance)
    ///     .party(Party::new(Country::ECU, PartyRole::Member)
    ///         .joined(Period::month(2022, 6)?)
    ///         .left(Period::month(2021, 1)?))
    ///     .build();
    /// assert!(matches!(r, Err(PartnerError::LeavesBeforeJoining { .. })));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn build(self) -> Result<Agreement> {
        self.0.validate()?;
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn add() -> AgreementBuilder {
        // S11, S14: founded 22 Sep 2021 by CRI, PAN, DOM; Ecuador a member from June 2022.
        Agreement::builder(
            "add",
            "Alianza para el Desarrollo en Democracia",
            AgreementKind::Alliance,
        )
        .alias("Alianza para el fortalecimiento de la institucionalidad democrática")
        .adopted(Period::day(date!(2021 - 09 - 22)))
        .party(Party::new(Country::CRI, PartyRole::Founder))
        .party(Party::new(Country::PAN, PartyRole::Founder))
        .party(Party::new(Country::DOM, PartyRole::Founder))
        .party(Party::new(Country::ECU, PartyRole::Member).joined(Period::month(2022, 6).unwrap()))
    }

    #[test]
    fn parties_by_date() {
        let a = add().build().unwrap();
        assert_eq!(
            a.parties_on(date!(2022 - 01 - 15)),
            [Country::CRI, Country::PAN, Country::DOM]
        ); // S11
        assert_eq!(a.parties_on(date!(2022 - 07 - 15)).len(), 4); // S14
        assert!(a.parties_on(date!(2021 - 09 - 21)).is_empty());
        assert!(a.is_named("alianza para el fortalecimiento de la institucionalidad democrática"));
    }

    #[test]
    fn errors() {
        let r = Agreement::builder("Bad", "x", AgreementKind::Forum).build();
        assert!(matches!(r, Err(PartnerError::InvalidId { .. })));
        let r = Agreement::builder("a", " ", AgreementKind::Forum).build();
        assert!(matches!(r, Err(PartnerError::EmptyName { .. })));
        let r = add().party(Party::new(Country::PAN, PartyRole::Member)).build();
        assert!(matches!(r, Err(PartnerError::DuplicateParty { country, .. }) if country == Country::PAN));
        let r = add().in_force_from(date!(2021 - 01 - 01)).build();
        assert!(matches!(r, Err(PartnerError::DatesOutOfOrder { .. })));
        let r = add()
            .in_force_from(date!(2021 - 10 - 01))
            .in_force_until(date!(2021 - 09 - 30))
            .build();
        assert!(matches!(r, Err(PartnerError::DatesOutOfOrder { .. })));
        let r = add().declared_duration_days(0).build();
        assert!(matches!(r, Err(PartnerError::ZeroDuration { .. })));
        let r = add()
            .party(Party::new(Country::USA, PartyRole::Supporter).joined(Period::year(2020).unwrap()))
            .build();
        assert!(matches!(r, Err(PartnerError::DatesOutOfOrder { .. })));
    }

    #[test]
    fn in_force_and_funding() {
        let a = Agreement::builder("us-pan-mou-2024", "MoU", AgreementKind::Memorandum)
            .adopted(Period::day(date!(2024 - 07 - 01)))
            .funding(Funding::new(Period::day(date!(2024 - 08 - 20)), 6_000_000, "USD").unwrap())
            .funding(Funding::new(Period::day(date!(2025 - 05 - 13)), 14_000_000, "USD").unwrap())
            .build()
            .unwrap();
        assert!(a.in_force_on(date!(2025 - 01 - 01)));
        assert!(!a.in_force_on(date!(2024 - 06 - 30)));
        assert_eq!(
            a.funding_on(date!(2024 - 12 - 31)).map(Funding::amount),
            Some(6_000_000)
        ); // S32
        assert_eq!(
            a.funding_on(date!(2025 - 06 - 01)).map(Funding::amount),
            Some(14_000_000)
        ); // S33
        assert_eq!(a.funding_on(date!(2024 - 08 - 01)), None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let a = add().build().unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Agreement>(&json).unwrap(), a);
        let bad = json.replace("\"2022-06\"", "\"2020-06\"");
        assert!(serde_json::from_str::<Agreement>(&bad).is_err());
        let bad = json.replace("\"id\":\"add\"", "\"id\":\"A D D\"");
        assert!(serde_json::from_str::<Agreement>(&bad).is_err());
    }
}
