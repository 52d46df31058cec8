//! The Darién cooperation data: partner states, agreements and forums, joint operations.
//!
//! Read from the one-figure-per-row files under `data/darien/` (`partner_states.csv`, `agreements.csv`,
//! `agreement_parties.csv`, `agreement_meetings.csv`, `agreement_figures.csv`, `operations.csv`,
//! `operation_figures.csv`), restructured from the project's sourced fact table (fact ids `S01`…`S37`)
//! and table of operations (rows `csv1`…`csv10`). Every figure keeps its source; conflicting reports are
//! separate rows.

use std::collections::BTreeMap;

use time::Date;

use super::statement_2022;
use crate::flow::Location;
use crate::operation::{
    Crime, JointOperation, Measure, OperationKind, OperationLog, Outcome, Participant, ParticipantRole, PersonFee,
    Phase, Related, Relation, Seizure, Target as OpTarget,
};
use crate::partner::{
    Agreement, AgreementBuilder, AgreementKind, Binding, Commitment, CommitmentCategory, Funding, Meeting, Mode,
    PartnerRegistry, PartnerState, Party, PartyCount, PartyRole, QuotaSchedule, QuotaStep, RoleSpell, StateRole,
    Target, Weekdays,
};
use crate::{Count, Country, Period, Source};

const STATES: &str = include_str!("../../../data/darien/partner_states.csv");
const AGREEMENTS: &str = include_str!("../../../data/darien/agreements.csv");
const PARTIES: &str = include_str!("../../../data/darien/agreement_parties.csv");
const MEETINGS: &str = include_str!("../../../data/darien/agreement_meetings.csv");
const AGREEMENT_FIGURES: &str = include_str!("../../../data/darien/agreement_figures.csv");
const OPERATIONS: &str = include_str!("../../../data/darien/operations.csv");
const OPERATION_FIGURES: &str = include_str!("../../../data/darien/operation_figures.csv");

/// The marker in the data files for the statement of early 2022 as a source.
const STATEMENT: &str = "statement_2022";

/// Records of an embedded file, as maps from column name to cell.
fn records(text: &'static str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = r
        .headers()
        .expect("embedded cooperation data has a header (checked by the test suite)")
        .clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("embedded cooperation data is valid CSV (checked by the test suite)");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.trim().to_owned()))
                .collect()
        })
        .collect()
}

fn cell<'a>(r: &'a BTreeMap<String, String>, col: &str) -> &'a str {
    r.get(col).map_or("", String::as_str)
}

fn opt<'a>(r: &'a BTreeMap<String, String>, col: &str) -> Option<&'a str> {
    Some(cell(r, col)).filter(|s| !s.is_empty())
}

fn parse<T: core::str::FromStr>(text: &str, what: &str) -> T
where
    T::Err: core::fmt::Display,
{
    text.parse()
        .unwrap_or_else(|e| panic!("embedded {what} {text:?} is invalid: {e}"))
}

fn period(text: &str) -> Period {
    parse(text, "period")
}

fn country(text: &str) -> Country {
    parse(text, "country")
}

fn countries(text: &str) -> Vec<Country> {
    text.split(';').filter(|s| !s.trim().is_empty()).map(country).collect()
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn day(text: &str) -> Date {
    let p = period(text);
    assert!(p.days() == 1, "embedded date {text:?} is a day");
    p.start()
}

/// The source of a row: the statement of early 2022 for the marker, else publisher, title, publication
/// date (a day; a month or "(not shown)" goes to the note), address, and the fact id with the row's note.
fn source(r: &BTreeMap<String, String>) -> Option<Source> {
    let publisher = opt(r, "publisher")?;
    if publisher == STATEMENT {
        return Some(statement_2022().source);
    }
    // `opt` gives only non-empty cells, so the publisher is never refused.
    let mut s = Source::new(publisher, opt(r, "title").unwrap_or("(untitled)")).ok()?;
    let mut note = Vec::new();
    if let Some(f) = opt(r, "fact") {
        note.push(format!("fact {f}"));
    }
    match opt(r, "source_date").map(str::parse::<Period>) {
        Some(Ok(p)) if p.days() == 1 => s = s.date(p.start()),
        Some(Ok(p)) => note.push(format!("published {p}")),
        Some(Err(_)) | None => {}
    }
    if let Some(u) = opt(r, "url") {
        s = s.address(u);
    }
    if let Some(n) = opt(r, "note") {
        note.push(n.to_owned());
    }
    if note.is_empty() {
        Some(s)
    } else {
        Some(s.note(note.join("; ")))
    }
}

/// The registered states and the agreements, without the operations' activities.
fn registry_of_agreements() -> PartnerRegistry {
    let mut reg = PartnerRegistry::new();
    for st in states() {
        reg.add_state(st).expect("embedded states are valid and distinct");
    }
    let parties = records(PARTIES);
    let meetings = records(MEETINGS);
    let figures = records(AGREEMENT_FIGURES);
    for r in records(AGREEMENTS) {
        let id = cell(&r, "id").to_owned();
        let agreement = agreement(&r, &parties, &meetings, &figures)
            .build()
            .unwrap_or_else(|e| panic!("embedded agreement {id:?} is invalid: {e}"));
        reg.add_agreement(agreement)
            .unwrap_or_else(|e| panic!("embedded agreement {id:?} is not accepted: {e}"));
    }
    reg
}

fn states() -> Vec<PartnerState> {
    let mut states: BTreeMap<Country, PartnerState> = BTreeMap::new();
    for r in records(STATES) {
        let c = country(cell(&r, "country"));
        let mut st = states
            .remove(&c)
            .unwrap_or_else(|| PartnerState::new(c).spanish_name(cell(&r, "name_es")));
        if let Some(role) = opt(&r, "role") {
            let mut spell = RoleSpell::new(parse::<StateRole>(role, "state role"));
            if let Some(f) = opt(&r, "from") {
                spell = spell.from(day(f));
            }
            if let Some(u) = opt(&r, "until") {
                spell = spell.until(day(u));
            }
            let note = cell(&r, "note");
            let src = Source::new("corridor data compilers", "Darién cooperation facts")
                .expect("a literal, non-empty publisher")
                .note(format!("fact {}; {note}", cell(&r, "fact")));
            st = st.role(spell.source(src));
        }
        states.insert(c, st);
    }
    states.into_values().collect()
}

type Rows = [BTreeMap<String, String>];

fn agreement(r: &BTreeMap<String, String>, parties: &Rows, meetings: &Rows, figures: &Rows) -> AgreementBuilder {
    let id = cell(r, "id");
    let mut b = Agreement::builder(id, cell(r, "name"), parse::<AgreementKind>(cell(r, "kind"), "kind"))
        .binding(parse::<Binding>(cell(r, "binding"), "binding"));
    for a in list(cell(r, "aliases")) {
        b = b.alias(a);
    }
    if let Some(p) = opt(r, "adopted") {
        b = b.adopted(period(p));
    }
    if let Some(d) = opt(r, "in_force_from") {
        b = b.in_force_from(day(d));
    }
    if let Some(d) = opt(r, "in_force_until") {
        b = b.in_force_until(day(d));
    }
    if let Some(n) = opt(r, "duration_days") {
        b = b.declared_duration_days(parse(n, "duration"));
    }
    if let Some(v) = opt(r, "venue") {
        b = b.venue(v);
    }
    if let Some(m) = opt(r, "mode") {
        b = b.mode(parse::<Mode>(m, "mode"));
    }
    for c in countries(cell(r, "conveners")) {
        b = b.convener(c);
    }
    if let Some(s) = source(r) {
        b = b.source(s);
    }
    if let Some(n) = opt(r, "note") {
        b = b.note(n);
    }
    for p in parties.iter().filter(|p| cell(p, "agreement") == id) {
        let mut party = Party::new(country(cell(p, "country")), parse::<PartyRole>(cell(p, "role"), "role"));
        if let Some(j) = opt(p, "joined") {
            party = party.joined(period(j));
        }
        if let Some(l) = opt(p, "left") {
            party = party.left(period(l));
        }
        if let Some(s) = source(p) {
            party = party.source(s);
        }
        b = b.party(party);
    }
    for m in meetings.iter().filter(|m| cell(m, "agreement") == id) {
        b = b.meeting(meeting(m));
    }
    agreement_figures(b, id, figures)
}

fn meeting(m: &BTreeMap<String, String>) -> Meeting {
    let mut meeting = Meeting::new(cell(m, "name"), period(cell(m, "period")));
    for a in list(cell(m, "aliases")) {
        meeting = meeting.alias(a);
    }
    if let Some(v) = opt(m, "venue") {
        meeting = meeting.venue(v);
    }
    if let Some(mode) = opt(m, "mode") {
        meeting = meeting.mode(parse::<Mode>(mode, "mode"));
    }
    for c in countries(cell(m, "attendees")) {
        meeting = meeting.attendee(c);
    }
    if let Some(s) = source(m) {
        meeting = meeting.source(s);
    }
    meeting
}

fn agreement_figures(mut b: AgreementBuilder, id: &str, figures: &Rows) -> AgreementBuilder {
    let mut quota: Vec<(String, CommitmentCategory, QuotaStep, Option<Source>)> = Vec::new();
    for f in figures.iter().filter(|f| cell(f, "agreement") == id) {
        let src = source(f);
        match cell(f, "figure") {
            "parties" => {
                let count = parse::<Count>(cell(f, "count"), "count");
                let src = src.expect("a declared number of parties has a source");
                b = b.party_count(PartyCount::new(period(cell(f, "as_of")), count, src));
            }
            "funding" => {
                let amount = parse(cell(f, "count"), "amount");
                let mut fund = Funding::new(period(cell(f, "as_of")), amount, cell(f, "currency"))
                    .expect("embedded currency is valid");
                if let Some(s) = src {
                    fund = fund.source(s);
                }
                b = b.funding(fund);
            }
            "commitment" => {
                let category = parse::<CommitmentCategory>(cell(f, "category"), "category");
                let mut c = Commitment::new(category, cell(f, "text"));
                if let Some(s) = src {
                    c = c.source(s);
                }
                b = b.commitment(c);
            }
            "quota_step" => {
                let mut step = QuotaStep::new(day(cell(f, "quota_from")), parse(cell(f, "count"), "quota"))
                    .on(parse::<Weekdays>(cell(f, "weekdays"), "weekdays"));
                if let Some(u) = opt(f, "quota_until") {
                    step = step.until(day(u));
                }
                if let Some(s) = src.clone() {
                    step = step.source(s);
                }
                let category = parse::<CommitmentCategory>(cell(f, "category"), "category");
                quota.push((cell(f, "text").to_owned(), category, step, src));
            }
            other => panic!("unknown agreement figure {other:?} in embedded data"),
        }
    }
    if let Some((text, category, _, src)) = quota.first().cloned() {
        let steps = quota.into_iter().map(|q| q.2).collect();
        let schedule = QuotaSchedule::new(steps).expect("embedded quota steps are ordered");
        let mut c = Commitment::new(category, text).target(Target::Quota(schedule));
        if let Some(s) = src {
            c = c.source(s);
        }
        b = b.commitment(c);
    }
    b
}

/// `PAN=co_lead(A|B)` → a participant with role and agencies.
fn participant(text: &str) -> Participant {
    let (c, rest) = text.split_once('=').expect("participant is COUNTRY=role");
    let (role, agencies) = match rest.find('(') {
        Some(i) if rest.ends_with(')') => (&rest[..i], &rest[i + 1..rest.len() - 1]),
        _ => (rest, ""),
    };
    let mut p = Participant::new(country(c), parse::<ParticipantRole>(role, "participant role"));
    for a in agencies.split('|').map(str::trim).filter(|a| !a.is_empty()) {
        p = p.agency(a);
    }
    p
}

fn place(text: &str) -> Location {
    let (name, c) = text.rsplit_once('@').expect("place is name@COUNTRY");
    Location::new(name)
        .expect("embedded place has a name")
        .in_country(country(c))
}

fn operation(r: &BTreeMap<String, String>, figures: &[BTreeMap<String, String>]) -> JointOperation {
    let id = cell(r, "id");
    let kind = parse::<OperationKind>(cell(r, "kind"), "operation kind");
    let mut b = JointOperation::builder(id, cell(r, "name"), kind, period(cell(r, "executed")));
    for a in list(cell(r, "aliases")) {
        b = b.alias(a);
    }
    for c in list(cell(r, "crimes")) {
        b = b.crime(parse::<Crime>(c, "crime"));
    }
    if let Some(c) = opt(r, "cameo") {
        b = b.cameo(c);
    }
    if let Some(p) = opt(r, "announced") {
        b = b.announced(period(p));
    }
    if let Some(p) = opt(r, "ended") {
        b = b.ended(period(p));
    }
    if let Some(p) = opt(r, "investigation_start") {
        b = b.investigation_start(period(p));
    }
    for p in list(cell(r, "participants")) {
        b = b.participant(participant(p));
    }
    for p in list(cell(r, "phases")) {
        let (c, when) = p.split_once('@').expect("phase is COUNTRY@period");
        b = b.phase(Phase::new(country(c), period(when)));
    }
    for t in list(cell(r, "targets")) {
        b = b.target(match t.split_once('>') {
            Some((name, actor)) => OpTarget::new(name).actor(actor),
            None => OpTarget::new(t),
        });
    }
    for p in list(cell(r, "places")) {
        b = b.place(place(p));
    }
    for rel in list(cell(r, "related")) {
        let (relation, other) = rel.split_once(':').expect("related is relation:id");
        b = b.related(Related::new(parse::<Relation>(relation, "relation"), other));
    }
    if cell(r, "only_source") == STATEMENT {
        b = b.only_reported_by(statement_2022().source);
    }
    if let Some(s) = source(r).filter(|_| cell(r, "only_source").is_empty()) {
        b = b.source(s);
    }
    if let Some(n) = opt(r, "note") {
        b = b.note(n);
    }
    for f in figures.iter().filter(|f| cell(f, "operation") == id) {
        let src = source(f).expect("every figure has a source");
        let count = parse::<Count>(cell(f, "count"), "count");
        match cell(f, "measure") {
            "seized" => {
                let mut s = Seizure::new(cell(f, "item"), count, src);
                if let Some(c) = opt(f, "currency") {
                    s = s.currency(c);
                }
                if let Some(c) = opt(f, "state") {
                    s = s.state(country(c));
                }
                b = b.seizure(s);
            }
            "fee_per_person" => b = b.fee(PersonFee::new(count, cell(f, "currency"), src)),
            m => {
                let mut o = Outcome::new(parse::<Measure>(m, "measure"), count, src).fact(cell(f, "fact"));
                if let Some(c) = opt(f, "state") {
                    o = o.state(country(c));
                }
                if let Some(c) = opt(f, "nationality") {
                    o = o.nationality(country(c));
                }
                if cell(f, "publisher") == STATEMENT
                    && let Some(n) = opt(f, "note")
                {
                    b = b.note(format!("{m}: {n}"));
                }
                b = b.outcome(o);
            }
        }
    }
    b.build()
        .unwrap_or_else(|e| panic!("embedded operation {id:?} is invalid: {e}"))
}

/// The joint (and national) operations of the Darién corridor, each figure with its source.
///
/// Every report is kept when sources disagree (Crepúsculo: 21 or 24 arrested in Costa Rica, fact S21;
/// 21 or "some 24" in Panama, S23), so totals carry the spread as bounds. Three records rest only on the
/// statement of early 2022 ([`super::statement_2022`], their [`JointOperation::sole_source`]) and are
/// [`JointOperation::is_unconfirmed_elsewhere`]: six alleged coyotes arrested and 26 Nicaraguan victims
/// rescued "last month" (`statement-coyotes-2022`), over 60 arrested in the Clan del Golfo network with
/// Colombia in December–January (`statement-clan-del-golfo-2021`) and over 40 with Costa Rica in
/// September 2021 (`statement-pan-cri-2021-09`, possibly the same event as Crepúsculo, which is
/// independently reported). Operación Fisher (1 December 2021, S24) is kept as a drug-logistics case
/// ([`Crime::DrugTrafficking`]): it does not count for the Clan del Golfo smuggling claim. Joint work with
/// the Dominican Republic is a claim of the statement, not an operation. Operations of the data without a
/// date (two Colombian raids and two Panamanian border operations) are not included.
///
/// Built with a registry of [`partners`]' states: every state is known.
///
/// # Panics
///
/// Never: the embedded data is checked by the crate's tests.
///
/// ```
/// use corridor::datasets::darien;
/// use corridor::operation::Crime;
///
/// let log = darien::operations();
/// let crepusculo = log.get("crepusculo-2021").expect("S21");
/// let arrests = crepusculo.arrests();
/// assert_eq!((arrests.lower(), arrests.upper()), (42, Some(51))); // PAN 21 or ~24, CRI 21 or 24
/// let fisher = log.get("fisher-2021").expect("S24");
/// assert!(!fisher.targets_crime(Crime::MigrantSmuggling));
/// assert!(log.get("statement-clan-del-golfo-2021").expect("claim 6").is_unconfirmed_elsewhere());
/// ```
#[must_use]
pub fn operations() -> OperationLog {
    let figures = records(OPERATION_FIGURES);
    let mut log = OperationLog::with_registry(&registry_of_agreements());
    log.extend_checked(records(OPERATIONS).iter().map(|r| operation(r, &figures)))
        .unwrap_or_else(|e| panic!("embedded operations are not accepted: {e}"));
    log
}

/// The partner states of the Darién corridor, the agreements, forums and meetings that join them (the
/// ministerials of August 2021, October 2021 and April 2022, the Carepa quota, the Alliance for
/// Development in Democracy, the Los Angeles Declaration, the Regional Conference on Migration, the 2023
/// trilateral campaign, the 2024 US–Panama memorandum…) and the operations of [`operations`] as joint
/// activities.
///
/// # Panics
///
/// Never: the embedded data is checked by the crate's tests.
///
/// ```
/// use corridor::datasets::darien;
/// use corridor::Country;
/// use time::macros::date;
///
/// let reg = darien::partners();
/// let add = reg.agreement("add").expect("S11");
/// assert!(!add.parties_on(date!(2022 - 01 - 15)).contains(&Country::ECU)); // S14: joined June 2022
/// assert!(add.parties_on(date!(2022 - 07 - 15)).contains(&Country::ECU));
/// let quota = reg.agreement("pan-col-quota-2021").and_then(|a| a.quota()).expect("S06");
/// assert_eq!(quota.limit_on(date!(2021 - 08 - 20)), Some(650));
/// ```
#[must_use]
pub fn partners() -> PartnerRegistry {
    let mut reg = registry_of_agreements();
    for a in operations().activities() {
        reg.add_activity(a)
            .unwrap_or_else(|e| panic!("embedded operation is not accepted as an activity: {e}"));
    }
    reg
}
