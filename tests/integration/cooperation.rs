//! Joint operations, partner states and the statement of early 2022 on the embedded Darién data:
//! the entry points of issue 12, hand-checked facts (fact ids of
//! `data/darien/cooperation_facts_sourced.csv` beside each), every error path, property tests and
//! serde round trips that validate.
#![cfg(feature = "csv")]

use corridor::datasets::darien;
use corridor::impact::{
    ClaimCheck, ClaimKind, Engagement, Evidence, Figure, ImpactError, ImpactReport, NetworkImpact, OperationRecord,
    Subject, Verdict,
};
use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
use corridor::operation::{
    Crime, JointOperation, Measure, OperationError, OperationKind, OperationLog, Outcome, Participant, ParticipantRole,
    Target,
};
use corridor::partner::{
    Activity, ActivityKind, Agreement, AgreementKind, PartnerError, PartnerRegistry, PartnerState, Party, PartyRole,
    RoleSpell, StateRole,
};
use corridor::{Count, Country, Period, Source};
use serde_json::Value;
use time::macros::date;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn src(publisher: &str) -> Source {
    Source::new(publisher, "a report").unwrap()
}

/// From the August 2021 ministerial (S01, S02) to the end of the statement's quarter.
fn since_summit() -> Period {
    Period::range(date!(2021 - 08 - 11), darien::statement_period().end()).unwrap()
}

// ---------------------------------------------------------------------------------------------------
// The entry points named in issue 12, with their exact signatures.

fn serde_both<T: serde::Serialize + serde::de::DeserializeOwned>() {}

#[test]
fn entry_points_keep_their_names_and_signatures() {
    let _: fn() -> OperationLog = darien::operations;
    let _: fn() -> PartnerRegistry = darien::partners;
    let _: fn() -> Vec<ClaimCheck> = darien::check_statement;
    let _: fn(&JointOperation) -> &str = JointOperation::name;
    let _: fn(&JointOperation) -> Period = JointOperation::period;
    let _: fn(&JointOperation) -> &[Country] = JointOperation::participants;
    let _: fn(&JointOperation) -> Count = JointOperation::arrests;
    let _: fn(&Agreement) -> &str = Agreement::name;
    let _: fn(&Agreement) -> &[String] = Agreement::aliases;
    let _: fn(&Agreement, time::Date) -> Vec<Country> = Agreement::parties_on;
    let _: fn(&PartnerRegistry, Country, Period) -> Vec<Country> = PartnerRegistry::engaged_with;
    let _: fn(&ClaimCheck) -> Verdict = ClaimCheck::verdict;
    serde_both::<ImpactReport>();

    let log = darien::operations();
    let ops: Vec<&JointOperation> = log.iter().collect();
    assert_eq!(ops.len(), log.len());
    let reg = darien::partners();
    let agreements: Vec<&Agreement> = reg.agreements().collect();
    assert!(!agreements.is_empty());
    let pan: Option<&PartnerState> = reg.state(Country::PAN);
    assert_eq!(pan.map(PartnerState::country), Some(Country::PAN));
    for v in darien::check_statement().iter().map(ClaimCheck::verdict) {
        match v {
            Verdict::Consistent | Verdict::Inconsistent | Verdict::NotVerifiable => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Hand-checked expectations from the sourced facts.

#[test]
fn the_august_2021_ministerial_had_ten_governments() {
    // S02 (MIRE Panamá, 17 Apr 2022) and S04 (RT, 11 Aug 2021): Brazil, Canada, Colombia, Costa Rica,
    // Chile, Ecuador, the United States, Mexico, Peru and the host Panama.
    let reg = darien::partners();
    let a = reg.agreement("ministerial-2021-08-11").unwrap();
    let mut parties = a.parties_on(date!(2021 - 08 - 11));
    parties.sort();
    let mut want = vec![
        Country::BRA,
        Country::CAN,
        Country::COL,
        Country::CRI,
        Country::CHL,
        Country::ECU,
        Country::USA,
        Country::MEX,
        Country::PER,
        Country::PAN,
    ];
    want.sort();
    assert_eq!(parties, want);
    // Nine partners of Panama that day (S02: "ten governments" including the host).
    assert_eq!(
        reg.engaged_with(Country::PAN, Period::day(date!(2021 - 08 - 11))).len(),
        9
    );
}

#[test]
fn ecuador_joined_the_alliance_in_june_2022() {
    // S11: founded 22 Sep 2021 by Costa Rica, Panama and the Dominican Republic; S14: Ecuador the fourth
    // member, June 2022 (Summit of the Americas); S16: founders vs member.
    let reg = darien::partners();
    let add = reg.agreement("add").unwrap();
    assert!(add.is_named("Alliance for Development in Democracy"));
    assert!(add.is_named("Alianza para el fortalecimiento de la institucionalidad democrática")); // S11
    let mut founders = add.parties_on(date!(2021 - 10 - 01));
    founders.sort();
    assert_eq!(founders, [Country::CRI, Country::DOM, Country::PAN]);
    assert!(!add.parties_on(date!(2022 - 01 - 15)).contains(&Country::ECU));
    assert!(add.parties_on(date!(2022 - 07 - 15)).contains(&Country::ECU));
}

#[test]
fn crepusculo_arrests_are_a_bound_from_the_conflicting_reports() {
    // S21: Panama 21 (EFE), Costa Rica 21 (EFE) or 24 (radio-corporacion.com); S23: "some 24" in
    // Panama (Newsroom Panama), read as about 24 = 21..=27. Per state the spread of the reports, summed:
    // Panama 21..=27 + Costa Rica 21..=24 = 42..=51. Whole-operation figures ("more than 40", 45, "at least
    // 40", 42) are not added on top of the per-state ones.
    let log = darien::operations();
    let op = log.get("crepusculo-2021").unwrap();
    let a = op.arrests();
    assert_eq!((a.lower(), a.upper()), (42, Some(51)));
    assert_eq!(
        op.figure(Measure::Arrested, Some(Country::CRI))
            .map(|c| (c.lower(), c.upper())),
        Some((21, Some(24)))
    );
    // S22: 23 charged in Panama; arrested is not charged.
    assert_eq!(op.total(Measure::Charged), Some(Count::exact(23)));
    // Without the variant reports only EFE's 21 + 21 = 42 remains.
    let efe = op.figure(Measure::Arrested, Some(Country::PAN)).unwrap();
    assert_eq!((efe.lower(), efe.upper()), (21, Some(27)));
}

#[test]
fn states_engaged_with_panama_from_the_summit_to_the_statement() {
    // S02: BRA CAN COL CRI CHL ECU USA MEX PER (11 Aug 2021); S08 (Bogotá, 20 Oct 2021) adds DOM GTM HND
    // SLV; S11–S13 (the Alliance: CRI DOM, and USA at San José) and S21 (Crepúsculo: CRI) add none. 13.
    let reg = darien::partners();
    let engaged = reg.engaged_with(Country::PAN, since_summit());
    assert_eq!(
        engaged,
        [
            Country::BRA,
            Country::CAN,
            Country::CHL,
            Country::COL,
            Country::CRI,
            Country::DOM,
            Country::ECU,
            Country::GTM,
            Country::HND,
            Country::MEX,
            Country::PER,
            Country::SLV,
            Country::USA
        ]
    );
}

#[test]
fn statement_only_operations_and_fisher() {
    let log = darien::operations();
    let statement = darien::statement_2022().source;
    // Claims 5, 6 and 7 as records whose one source is the statement.
    for id in [
        "statement-coyotes-2022",
        "statement-clan-del-golfo-2021",
        "statement-pan-cri-2021-09",
    ] {
        let op = log.get(id).unwrap();
        assert!(op.is_unconfirmed_elsewhere(), "{id}");
        assert_eq!(op.sole_source(), Some(&statement));
        assert!(!op.is_reported_besides(&statement), "{id}");
    }
    // "Over 60" stays at least 61.
    let a = log.get("statement-clan-del-golfo-2021").unwrap().arrests();
    assert_eq!((a.lower(), a.upper()), (61, None));
    // S24: Operación Fisher is drug logistics, with the DEA and without Colombia.
    let fisher = log.get("fisher-2021").unwrap();
    assert!(!fisher.targets_crime(Crime::MigrantSmuggling));
    assert!(fisher.targets_crime(Crime::DrugTrafficking));
    assert!(!fisher.involves(Country::COL));
    // Joint work with the Dominican Republic is a claim, not an operation.
    assert!(log.with_partner(Country::DOM).is_empty());
}

#[test]
fn the_statement_checked_claim_by_claim() {
    let checks = darien::check_statement();
    let statement = darien::statement_2022().source;
    let claims = darien::statement();
    assert_eq!(checks.len(), 7);
    for (c, claim) in checks.iter().zip(&claims) {
        assert_eq!(c.claim(), claim, "in the statement's order");
        // Never the statement's own publisher, under either of its names.
        for e in c.evidence() {
            let publisher = e.source().unwrap().publisher();
            assert_ne!(publisher, statement.publisher());
            assert_ne!(publisher, "Ministerio de Relaciones Exteriores de Panamá");
        }
    }
    let v: Vec<Verdict> = checks.iter().map(ClaimCheck::verdict).collect();

    // Claim 1: 2,461 a day at the peak of August 2021, 140 a day in early 2022. August 2021 had 25,332
    // crossings (WOLA from SNM), a mean of 817.2 a day: a peak day of 2,461 is possible but monthly totals
    // cannot confirm it. January–March 2022 had 4,702, 4,262 and 4,827: a day of 140 is possible too.
    assert_eq!(v[0], Verdict::NotVerifiable);
    assert!(checks[0].decided().iter().any(|d| d.contains("817.2")));

    // Claim 2: 2021's 133,726 (WOLA) lies in "nearly 140,000" (126,000..=140,000), but "about 10,000 in a
    // normal year" (9,000..=11,000) is above the median of 2011–2020 (annual CSV; 2016 30,060 or 30,055,
    // 2020 6,465 or 8,594): 6,620.5..=7,685, by 9,000 - 7,685 = 1,315.
    assert_eq!(v[1], Verdict::Inconsistent);
    let d = checks[1].discrepancy().unwrap();
    assert_eq!(d.evidence(), (6620.5, Some(7685.0)));
    assert_eq!(d.by(), 1315.0);
    assert!(checks[1].decided().iter().any(|d| d.contains("133,726")));

    // Claim 3: more than ten partners, the USA, Canada and Colombia among them. Without Panama's foreign
    // ministry's own release on the August meeting (S02), the Bogotá ministerial (S08, Blu Radio) alone
    // names 13 partners of Panama, the three named among them.
    assert_eq!(v[2], Verdict::Consistent);
    assert!(checks[2].decided()[0].contains("13 states"));
    assert!(
        checks[2]
            .set_aside()
            .iter()
            .any(|e| e.source().unwrap().publisher() == "Ministerio de Relaciones Exteriores de Panamá")
    );

    // Claim 4: no independent joint operation against smuggling with the Dominican Republic, Colombia or
    // the United States between August 2021 and March 2022 (Fisher, S24, is drug logistics).
    assert_eq!(v[3], Verdict::NotVerifiable);
    assert!(checks[3].undecided().iter().any(|u| u.starts_with("DOM:")));

    // Claim 5: only the statement reports the six coyotes and 26 Nicaraguans.
    assert_eq!(v[4], Verdict::NotVerifiable);
    assert!(checks[4].evidence().is_empty());
    assert!(
        checks[4]
            .set_aside()
            .iter()
            .any(|e| e.what().contains("26 rescued (NIC nationals)"))
    );

    // Claim 6: over 60 in the Clan del Golfo network with Colombia — only the statement; Fisher is not it.
    assert_eq!(v[5], Verdict::NotVerifiable);
    assert!(
        checks[5]
            .decided()
            .iter()
            .any(|d| d.contains("Fisher") && d.contains("nor joint with COL"))
    );
    assert!(checks[5].evidence().is_empty());

    // Claim 7: over 40 with Costa Rica in September 2021 — Crepúsculo (S21, S23): 42..=51 on independent
    // reports, at least 41 claimed.
    assert_eq!(v[6], Verdict::Consistent);
    assert!(checks[6].decided().iter().any(|d| d.contains("42–51")));
    assert!(checks[6].set_aside().iter().all(|e| e.source() == Some(&statement)));
}

#[test]
fn totals_never_count_an_event_twice() {
    use corridor::operation::{Related, Relation};
    let log = darien::operations();
    // Costa Rica, every record 2020–2025: Crepúsculo 42–51 (S21, S23) is possibly the statement's "over
    // 40" (at least 41): together at least min(42, 41) = 41, not 42 + 41. Then HSI 19 (S26), Dec 2022
    // 21–22 (S27: 15 + 6 or 15 + 7) and Jul–Aug 2024 25–27 (S35: 8 + 17 or 19): at least 106.
    let all = p("2020-01-01..2025-12-31");
    let cri = log
        .arrests_by_partner(all)
        .into_iter()
        .find(|t| t.partner() == Country::CRI)
        .unwrap();
    assert_eq!((cri.count().lower(), cri.count().upper()), (106, None));
    assert_eq!(cri.operations().len(), 5);
    // S32, S33: the first removal flight (29 or about 30 Colombians) is part of the flights' 1,548 to
    // 1,696 returned: the whole's figure alone.
    let returned = log
        .totals(Measure::Returned)
        .within(p("2024-08-01..2025-05-31"))
        .by_state();
    let pan = returned.iter().find(|t| t.partner() == Country::PAN).unwrap();
    assert_eq!((pan.count().lower(), pan.count().upper()), (1548, Some(1696)));
    // Two records of one event count once, as their spread; distinct events are summed.
    let rec = |id: &str, n: u64, rel: Option<(Relation, &str)>| {
        let mut b = op_builder(id, OperationKind::Joint, &[Country::PAN, Country::CRI]).outcome(Outcome::new(
            Measure::Arrested,
            Count::exact(n),
            src(id),
        ));
        if let Some((r, other)) = rel {
            b = b.related(Related::new(r, other));
        }
        b.build().unwrap()
    };
    let log = OperationLog::from_operations([
        rec("a", 21, None),
        rec("b", 22, Some((Relation::SameEventAs, "a"))),
        rec("c", 10, Some((Relation::ContinuationOf, "a"))),
    ])
    .unwrap();
    let t = log.totals(Measure::Arrested).overall().unwrap();
    assert_eq!((t.lower(), t.upper()), (31, Some(32)));
}

// ---------------------------------------------------------------------------------------------------
// The impact layer from the domain records.

fn corridor_network() -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    let guide = b.add_actor(
        Actor::person("Guide")
            .stage(StageServed::new(0, "Necoclí"))
            .capacity(400),
    );
    let boat = b.add_actor(
        Actor::person("Boatman")
            .stage(StageServed::new(1, "Capurganá"))
            .capacity(300),
    );
    let driver = b.add_actor(
        Actor::person("Driver")
            .stage(StageServed::new(2, "Metetí"))
            .capacity(500),
    );
    b.add_tie(guide, boat, Tie::undirected(TieKind::Logistics)).unwrap();
    b.add_tie(boat, driver, Tie::undirected(TieKind::Logistics)).unwrap();
    b.build().unwrap()
}

fn raid(targets: &[Target]) -> JointOperation {
    let mut b = JointOperation::builder("raid-2021", "Raid", OperationKind::JointInvestigation, p("2021-09-21"))
        .crime(Crime::MigrantSmuggling)
        .participant(Participant::new(Country::PAN, ParticipantRole::CoLead))
        .participant(Participant::new(Country::CRI, ParticipantRole::CoLead))
        .outcome(Outcome::new(Measure::Arrested, Count::exact(5), src("EFE")).state(Country::PAN))
        .outcome(Outcome::new(Measure::Arrested, "over 3".parse().unwrap(), src("La Nación")).state(Country::CRI));
    for t in targets {
        b = b.target(t.clone());
    }
    b.build().unwrap()
}

#[test]
fn an_operations_arrests_on_a_network() {
    let net = corridor_network();
    // Hand-checked: removing the boatman splits Guide | Driver and cuts the 300 a month bottleneck to 0.
    let op = raid(&[Target::new("boat crew").actor("Boatman")]);
    let hit = NetworkImpact::of_operation(&net, &op).unwrap();
    assert_eq!(hit.operation(), "Raid");
    assert_eq!(hit.removed(), ["Boatman"]);
    assert_eq!((hit.before().components(), hit.after().components()), (1, 2));
    assert_eq!(hit.capacity_lost(), Some(300));
    // 5 in Panama + at least 4 in Costa Rica = at least 9.
    let a = hit.arrests_reported().unwrap();
    assert_eq!((a.lower(), a.upper()), (9, None));
    assert_eq!(hit.sources(), [src("EFE"), src("La Nación")]);
    // Errors: no target; a target the network does not know (never skipped).
    assert_eq!(
        NetworkImpact::of_operation(&net, &raid(&[])).unwrap_err(),
        ImpactError::NoLinkedTarget {
            operation: "Raid".into()
        }
    );
    assert!(matches!(
        NetworkImpact::of_operation(&net, &raid(&[Target::new("Nobody")])),
        Err(ImpactError::UnknownActor { .. })
    ));
    let report = ImpactReport::for_operation(&op).unwrap().network(hit);
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(serde_json::from_str::<ImpactReport>(&json).unwrap(), report);
}

#[test]
fn reports_gather_every_number_with_its_source() {
    let log = darien::operations();
    let reg = darien::partners();
    // Crepúsculo: every outcome report, seizure and fee is a figure with its own source.
    let op = log.get("crepusculo-2021").unwrap();
    let r = ImpactReport::for_operation(op).unwrap();
    assert_eq!(r.subject(), Subject::Operation);
    assert_eq!(r.period(), Some(op.period()));
    assert_eq!(
        r.figures().len(),
        op.outcomes().len() + op.seizures().len() + op.fees().len()
    );
    // S21: 24 arrested in Costa Rica, from radio-corporacion.com.
    assert!(r.figures().iter().any(|f| f.what() == "arrested in CRI"
        && f.count() == Count::exact(24)
        && f.source().publisher() == "radio-corporacion.com"));
    // S24: Fisher's cash, B/.44,426.80 as whole balboas 44,426–44,427.
    let fisher = ImpactReport::for_operation(log.get("fisher-2021").unwrap()).unwrap();
    assert!(
        fisher
            .figures()
            .iter()
            .any(|f| f.what() == "seized: cash (PAB) in PAN" && f.count().lower() == 44_426)
    );
    // S06: the Carepa quota, 650 a day to 31 August 2021 then 500 Tuesday to Saturday.
    let quota = ImpactReport::for_agreement(reg.agreement("pan-col-quota-2021").unwrap()).unwrap();
    let steps: Vec<(&str, u64)> = quota
        .figures()
        .iter()
        .filter(|f| f.what().starts_with("quota"))
        .map(|f| (f.what(), f.count().point()))
        .collect();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].1, 650);
    assert!(steps[0].0.contains("until 2021-08-31"));
    assert_eq!(steps[1].1, 500);
    // S32, S33: the memorandum's funding, US$6 million then US$14 million.
    let mou = ImpactReport::for_agreement(reg.agreement("us-pan-mou-2024").unwrap()).unwrap();
    let funding: Vec<u64> = mou
        .figures()
        .iter()
        .filter(|f| f.what().starts_with("funding"))
        .map(|f| f.count().point())
        .collect();
    assert_eq!(funding, [6_000_000, 14_000_000]);
    // The statement's report: its claims, the statement as its source, and refuses a foreign claim.
    let statement = darien::statement_2022().source;
    let report =
        ImpactReport::for_statement(&statement, darien::statement_period(), darien::check_statement()).unwrap();
    assert_eq!(report.subject_sources(), core::slice::from_ref(&statement));
    assert_eq!(report.claim_checks().len(), 7);
    let other = Source::new("Someone else", "another statement").unwrap();
    assert!(matches!(
        ImpactReport::for_statement(&other, darien::statement_period(), darien::check_statement()),
        Err(ImpactError::Invalid { .. })
    ));
    // An agreement figure without any source is refused, never reported unsourced.
    let bare = Agreement::builder("bare-2021", "Bare meeting", AgreementKind::MinisterialMeeting)
        .adopted(p("2021-08-11"))
        .party(Party::new(Country::PAN, PartyRole::Convener))
        .party(Party::new(Country::COL, PartyRole::Participant))
        .build()
        .unwrap();
    assert!(matches!(
        ImpactReport::for_agreement(&bare),
        Err(ImpactError::Invalid { .. })
    ));
}

#[test]
fn operation_records_total_independent_reports_by_state() {
    // The record of Crepúsculo without the variant reports of one outlet: EFE's 21 + 21 = 42 stays, the
    // other outlets' reports widen it, and a claim by EFE itself sees only the others.
    let log = darien::operations();
    let rec = OperationRecord::from(log.get("crepusculo-2021").unwrap());
    assert_eq!(rec.participants(), [Country::PAN, Country::CRI]);
    assert!(rec.is_against_smuggling() && !rec.is_retracted());
    let efe = Source::new(
        "La Prensa Latina (EFE)",
        "More than 40 arrested in Panama, Costa Rica raids against migrant smuggling",
    )
    .unwrap();
    let claim = corridor::impact::Claim::new(
        "efe",
        "more than 40 arrested",
        ClaimKind::Operation {
            focal: Country::PAN,
            partners: vec![Country::CRI],
            within: p("2021-09"),
            target: None,
            arrested: Some("more than 40".parse().unwrap()),
            rescued: None,
            rescued_nationality: None,
        },
        efe,
    )
    .unwrap();
    let check = Evidence::new().operations([rec]).check(&claim);
    // Others: PAN "some 24" (21..=27, S23), CRI 24 (radio-corporacion.com): 45..=51, at least 41 claimed.
    assert_eq!(check.verdict(), Verdict::Consistent);
    assert!(
        check.decided().iter().any(|d| d.contains("45–51")),
        "{:?}",
        check.decided()
    );
    assert!(
        check
            .evidence()
            .iter()
            .all(|e| e.source().unwrap().publisher() != "La Prensa Latina (EFE)")
    );
}

// ---------------------------------------------------------------------------------------------------
// Every error path.

fn registry(states: &[Country]) -> PartnerRegistry {
    let mut reg = PartnerRegistry::new();
    for &c in states {
        reg.add_state(PartnerState::new(c)).unwrap();
    }
    reg
}

fn op_builder(id: &str, kind: OperationKind, states: &[Country]) -> corridor::operation::OperationBuilder {
    let mut b = JointOperation::builder(id, id, kind, p("2021-09-21"));
    for &c in states {
        b = b.participant(Participant::new(c, ParticipantRole::Participant));
    }
    b
}

#[test]
fn an_unknown_state_is_refused() {
    // An unknown state: the log's registry does not know Nicaragua; an agreement naming it is refused.
    let reg = registry(&[Country::PAN, Country::CRI]);
    let mut log = OperationLog::with_registry(&reg);
    let nic = op_builder("pan-nic", OperationKind::Joint, &[Country::PAN, Country::NIC])
        .build()
        .unwrap();
    assert_eq!(
        log.add(nic).unwrap_err(),
        OperationError::UnknownState {
            id: "pan-nic".into(),
            country: Country::NIC
        }
    );
    let mut reg2 = reg.clone();
    let ag = Agreement::builder("pan-nic-mou", "MoU", AgreementKind::Memorandum)
        .party(Party::new(Country::PAN, PartyRole::Signatory))
        .party(Party::new(Country::NIC, PartyRole::Signatory))
        .build()
        .unwrap();
    assert!(matches!(
        reg2.add_agreement(ag),
        Err(PartnerError::UnknownState {
            country: Country::NIC,
            ..
        })
    ));
    assert!(matches!(
        reg2.add_activity(
            Activity::new(
                "x-2021",
                "x",
                ActivityKind::Operation,
                p("2021"),
                vec![Country::PAN, Country::NIC]
            )
            .unwrap()
        ),
        Err(PartnerError::UnknownState { .. })
    ));
    assert!("XX".parse::<Country>().is_err());
}

#[test]
fn reversed_dates_are_refused() {
    // Reversed dates: an investigation that starts after the execution; a range that ends before it starts.
    let late = op_builder("late", OperationKind::Joint, &[Country::PAN, Country::CRI])
        .investigation_start(p("2022-01"))
        .build();
    assert!(matches!(
        late,
        Err(OperationError::DatesOutOfOrder {
            earlier_name: "investigation start",
            ..
        })
    ));
    let ended = op_builder("ended", OperationKind::Joint, &[Country::PAN, Country::CRI])
        .ended(p("2021-01-01"))
        .build();
    assert!(matches!(ended, Err(OperationError::DatesOutOfOrder { .. })));
    assert!("2022-01-31..2021-12-01".parse::<Period>().is_err());
    let in_force = Agreement::builder("in-force", "In force", AgreementKind::Memorandum)
        .in_force_from(date!(2024 - 07 - 01))
        .in_force_until(date!(2024 - 01 - 01))
        .party(Party::new(Country::PAN, PartyRole::Signatory))
        .build();
    assert!(matches!(in_force, Err(PartnerError::DatesOutOfOrder { .. })));
    let role = PartnerState::new(Country::PAN).role(
        RoleSpell::new(StateRole::Transit)
            .from(date!(2022 - 01 - 01))
            .until(date!(2021 - 01 - 01)),
    );
    assert!(matches!(role.validate(), Err(PartnerError::RoleReversed { .. })));
}

#[test]
fn a_joint_operation_needs_two_states() {
    for kind in [
        OperationKind::Joint,
        OperationKind::JointInvestigation,
        OperationKind::JointActionDays,
    ] {
        let one = op_builder("solo", kind, &[Country::PAN]).build();
        assert_eq!(
            one.unwrap_err(),
            OperationError::TooFewStates {
                id: "solo".into(),
                kind,
                states: 1,
                needed: 2
            }
        );
    }
    assert!(
        op_builder("solo", OperationKind::National, &[Country::PAN])
            .build()
            .is_ok()
    );
    assert!(matches!(
        Activity::new("solo", "solo", ActivityKind::Operation, p("2021"), vec![Country::PAN]),
        Err(PartnerError::TooFewStates { .. })
    ));
}

#[test]
fn negative_or_malformed_counts_are_refused() {
    for bad in ["-5", "over sixty-one", "", "5-3", "about -2", "lots"] {
        assert!(
            matches!(
                Outcome::parse(Measure::Arrested, bad, src("x")),
                Err(OperationError::InvalidCount { .. })
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn a_membership_cannot_leave_before_it_joins() {
    let ecu = Agreement::builder("alliance", "Alliance", AgreementKind::Alliance)
        .party(Party::new(Country::PAN, PartyRole::Founder))
        .party(
            Party::new(Country::ECU, PartyRole::Member)
                .joined(p("2022-06"))
                .left(p("2021-01")),
        )
        .build();
    assert!(matches!(
        ecu,
        Err(PartnerError::LeavesBeforeJoining {
            country: Country::ECU,
            ..
        })
    ));
}

#[test]
fn duplicates_are_refused() {
    let a = op_builder("dup", OperationKind::Joint, &[Country::PAN, Country::CRI])
        .build()
        .unwrap();
    assert_eq!(
        OperationLog::from_operations([a.clone(), a]).unwrap_err(),
        OperationError::DuplicateId { id: "dup".into() }
    );
    let mut reg3 = registry(&[Country::PAN, Country::COL]);
    assert!(matches!(
        reg3.add_state(PartnerState::new(Country::PAN)),
        Err(PartnerError::DuplicateState { .. })
    ));
    let ag = || {
        Agreement::builder("same-id", "Meeting", AgreementKind::MinisterialMeeting)
            .party(Party::new(Country::PAN, PartyRole::Convener))
            .party(Party::new(Country::COL, PartyRole::Participant))
            .build()
            .unwrap()
    };
    reg3.add_agreement(ag()).unwrap();
    assert!(matches!(
        reg3.add_agreement(ag()),
        Err(PartnerError::DuplicateId { .. })
    ));
    let twice = op_builder("twice", OperationKind::Joint, &[Country::PAN, Country::PAN]).build();
    assert!(matches!(twice, Err(OperationError::DuplicateParticipant { .. })));
    assert!(matches!(
        JointOperation::builder("Not A Slug", "x", OperationKind::National, p("2021")).build(),
        Err(OperationError::InvalidId { .. })
    ));

    // Errors convert into the crate error and back.
    let e: corridor::Error = OperationError::DuplicateId { id: "dup".into() }.into();
    assert!(OperationError::try_from(e).is_ok());
    let e: corridor::Error = ImpactError::NoLinkedTarget { operation: "x".into() }.into();
    assert!(matches!(
        ImpactError::try_from(e),
        Ok(ImpactError::NoLinkedTarget { .. })
    ));
}

// ---------------------------------------------------------------------------------------------------
// Serde: every record type round-trips, and a tampered JSON is refused.

fn round_trip<T>(v: &T) -> String
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + core::fmt::Debug,
{
    let json = serde_json::to_string(v).unwrap();
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v);
    json
}

fn tampered<T: serde::de::DeserializeOwned>(json: &str, path: &str, bad: Value) -> bool {
    let mut v: Value = serde_json::from_str(json).unwrap();
    *v.pointer_mut(path).unwrap_or_else(|| panic!("{path} in {json:.200}")) = bad;
    serde_json::from_value::<T>(v).is_err()
}

#[test]
fn every_record_round_trips_and_tampering_is_refused() {
    let log = darien::operations();
    let reg = darien::partners();
    for op in &log {
        round_trip(op);
    }
    round_trip(&log);
    round_trip(&reg);
    for a in reg.agreements() {
        round_trip(a);
    }
    for s in reg.states() {
        round_trip(s);
    }
    for c in darien::check_statement() {
        round_trip(&c);
    }

    // An operation: a joint kind reduced to one state; an outcome with a negative count.
    let json = round_trip(log.get("crepusculo-2021").unwrap());
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["participants"].as_array_mut().unwrap().truncate(1);
    assert!(serde_json::from_value::<JointOperation>(v).is_err());
    assert!(tampered::<JointOperation>(
        &json,
        "/outcomes/0/count",
        Value::from("-3")
    ));
    assert!(tampered::<JointOperation>(
        &json,
        "/investigation_start",
        Value::from("2022-01")
    ));
    // An agreement whose member leaves before joining.
    let add = reg.agreement("add").unwrap();
    let json = round_trip(add);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let ecu = v["parties"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["country"] == "ECU")
        .unwrap();
    ecu["left"] = Value::from("2021-01");
    assert!(serde_json::from_value::<Agreement>(v).is_err());
    // A log holding one operation twice.
    let json = round_trip(&log);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let first = v["operations"][0].clone();
    v["operations"].as_array_mut().unwrap().push(first);
    assert!(serde_json::from_value::<OperationLog>(v).is_err());
    // A registry that lost a state its agreements name.
    let json = round_trip(&reg);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["states"].as_array_mut().unwrap().retain(|s| s["country"] != "PAN");
    assert!(serde_json::from_value::<PartnerRegistry>(v).is_err());

    // Impact reports of an operation, an agreement and the statement.
    let statement = darien::statement_2022().source;
    let reports = [
        ImpactReport::for_operation(log.get("crepusculo-2021").unwrap()).unwrap(),
        ImpactReport::for_agreement(reg.agreement("pan-col-quota-2021").unwrap()).unwrap(),
        ImpactReport::for_statement(&statement, darien::statement_period(), darien::check_statement()).unwrap(),
    ];
    for r in &reports {
        round_trip(r);
    }
    let json = round_trip(&reports[2]);
    // Claim 5 turned consistent without evidence; claim 7's evidence replaced by the statement itself;
    // claim 2's discrepancy dropped; a negative figure.
    assert!(tampered::<ImpactReport>(
        &json,
        "/claims/4/verdict",
        Value::from("consistent")
    ));
    let own = serde_json::to_value(&statement).unwrap();
    assert!(tampered::<ImpactReport>(&json, "/claims/6/evidence/0/source", own));
    assert!(tampered::<ImpactReport>(&json, "/claims/1/discrepancy", Value::Null));
    let json = round_trip(&reports[0]);
    assert!(tampered::<ImpactReport>(&json, "/figures/0/count", Value::from("-1")));
    assert!(tampered::<ImpactReport>(&json, "/name", Value::from("")));
}

// ---------------------------------------------------------------------------------------------------
// Property tests.

mod props {
    use super::*;
    use proptest::prelude::*;

    /// A report: a count in one of the forms sources use, with one value consistent with it.
    fn report() -> impl Strategy<Value = (Count, u64)> {
        (0u64..200, 0u64..40, 0u8..5).prop_flat_map(|(n, w, form)| {
            let c = match form {
                0 => Count::exact(n),
                1 => Count::at_least(n),
                2 => Count::between(n, n + w).unwrap(),
                3 => Count::about(n),
                _ => Count::nearly(n),
            };
            let hi = c.upper().unwrap_or(c.lower() + 500);
            (Just(c), c.lower()..=hi)
        })
    }

    const STATES: [Country; 4] = [Country::PAN, Country::CRI, Country::COL, Country::USA];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the true figure per state, as long as it agrees with one of the reports for that
        /// state, the sum lies inside the operation's arrests and the log's per-partner total.
        #[test]
        fn aggregate_bounds_contain_every_consistent_sum(
            per_state in proptest::collection::vec(proptest::collection::vec(report(), 1..4), 2..5),
            pick in proptest::collection::vec(0usize..3, 4),
        ) {
            let mut b = JointOperation::builder("op", "op", OperationKind::Joint, p("2021-09-21"));
            let mut truth = 0u64;
            for (i, reports) in per_state.iter().enumerate() {
                let state = STATES[i];
                b = b.participant(Participant::new(state, ParticipantRole::Participant));
                for (j, (c, _)) in reports.iter().enumerate() {
                    b = b.outcome(Outcome::new(Measure::Arrested, *c, src(&format!("outlet {j}"))).state(state));
                }
                truth += reports[pick[i] % reports.len()].1;
            }
            let op = b.build().unwrap();
            let total = op.arrests();
            prop_assert!(total.lower() <= truth);
            prop_assert!(total.upper().is_none_or(|u| truth <= u));
            let log = OperationLog::from_operations([op]).unwrap();
            for t in log.arrests_by_partner(p("2021")) {
                prop_assert!(t.count().lower() <= truth && t.count().upper().is_none_or(|u| truth <= u));
            }
        }

        /// The cooperation network is symmetric and does not depend on the order records were added.
        #[test]
        fn cooperation_network_is_symmetric_and_order_free(
            records in proptest::collection::vec(
                (proptest::sample::subsequence(STATES.to_vec(), 2..=4), any::<bool>(), 1u8..13),
                1..8,
            ),
            seed in any::<u64>(),
        ) {
            let build = |order: &[usize], state_order: &[Country]| {
                let mut reg = PartnerRegistry::new();
                for &c in state_order {
                    reg.add_state(PartnerState::new(c)).unwrap();
                }
                for &i in order {
                    let (states, agreement, month) = &records[i];
                    let when = Period::month(2021, *month).unwrap();
                    if *agreement {
                        let mut b = Agreement::builder(format!("a-{i}"), format!("a {i}"), AgreementKind::MinisterialMeeting)
                            .adopted(when);
                        for &c in states {
                            b = b.party(Party::new(c, PartyRole::Participant));
                        }
                        reg.add_agreement(b.build().unwrap()).unwrap();
                    } else {
                        reg.add_activity(Activity::new(format!("o-{i}"), format!("o {i}"), ActivityKind::Operation, when, states.clone()).unwrap()).unwrap();
                    }
                }
                reg
            };
            let forward: Vec<usize> = (0..records.len()).collect();
            let mut shuffled = forward.clone();
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let mut states_rev = STATES.to_vec();
            states_rev.reverse();
            let a = build(&forward, &STATES).cooperation_network(None).unwrap();
            let b = build(&shuffled, &states_rev).cooperation_network(None).unwrap();
            let pa: Vec<_> = a.pairs().collect();
            let pb: Vec<_> = b.pairs().collect();
            prop_assert_eq!(&pa, &pb);
            prop_assert_eq!(a.network().strength(), b.network().strength());
            for &x in &STATES {
                for &y in &STATES {
                    prop_assert_eq!(a.weight(x, y), a.weight(y, x));
                }
            }
            for &i in &forward {
                let (states, _, _) = &records[i];
                prop_assert!(a.weight(states[0], states[1]).total() >= 1);
            }
        }

        /// However the statement's own publisher (under either of its names) fills the evidence, no claim
        /// of the statement is confirmed by it, and none of it is used.
        #[test]
        fn a_claim_is_never_confirmed_by_its_own_publisher(
            months in proptest::collection::vec(0u64..30_000, 27),
            total in 0u64..300_000,
            arrested in 0u64..100,
            spanish in any::<bool>(),
        ) {
            let own = darien::statement_2022().source;
            let same = if spanish {
                Source::new("Ministerio de Relaciones Exteriores de Panamá", "comunicado").unwrap()
            } else {
                Source::new(own.publisher(), "a later release").unwrap()
            };
            let series = corridor::flow::FlowSeries::new(
                p("2020-01"),
                months.iter().map(|&m| Some(Count::exact(m))).collect(),
            )
            .unwrap()
            .with_source(same.clone());
            let figures: Vec<Figure> = (2011..=2021)
                .map(|y| Figure::new(Period::year(y).unwrap(), Count::exact(total / 10), same.clone()))
                .collect();
            let engagements: Vec<Engagement> = STATES[1..]
                .iter()
                .map(|&c| Engagement::new(Country::PAN, c, p("2021-10"), "meeting", same.clone()))
                .collect();
            let ops: Vec<OperationRecord> = [p("2021-09"), p("2021-12"), p("2022-01")]
                .into_iter()
                .map(|when| {
                    OperationRecord::new("op", when, vec![Country::PAN, Country::CRI, Country::COL, Country::USA, Country::DOM], true)
                        .target("Clan del Golfo")
                        .arrested(Count::exact(arrested), same.clone())
                        .rescued(Count::exact(26), Some(Country::NIC), same.clone())
                        .source(same.clone())
                })
                .collect();
            let ev = Evidence::new()
                .monthly(&series)
                .annual(figures)
                .engagements(engagements)
                .operations(ops)
                .same_publisher(own.publisher(), "Ministerio de Relaciones Exteriores de Panamá");
            for claim in darien::statement() {
                let check = ev.check(&claim);
                prop_assert_ne!(check.verdict(), Verdict::Consistent, "{}", claim.label());
                prop_assert!(check.evidence().is_empty(), "{}", claim.label());
            }
        }
    }
}

/// Issue 13, near-endless loops: `engaged_over_time` counts the engagements anew at each step, so the
/// days from the first of the calendar to the last (7.3 million steps) ran for hours; more than 10,000
/// steps are an error naming the period and granularity, and 10,000 are answered.
#[test]
fn engaged_over_time_refuses_more_than_ten_thousand_steps() {
    use corridor::Granularity;
    use corridor::partner::PartnerError;
    let reg = darien::partners();
    let everything = p("-9999-01-01..9999-12-31");
    match reg.engaged_over_time(Country::PAN, everything, Granularity::Day) {
        Err(PartnerError::TooManyPeriods {
            period,
            granularity,
            max,
        }) => {
            assert_eq!((period, granularity, max), (everything, Granularity::Day, 10_000));
        }
        other => panic!("expected too many periods, got {other:?}"),
    }
    // 10,000 days from 2000-01-01 is the bound; one more day is refused.
    let start = date!(2000 - 01 - 01);
    let last = start + time::Duration::days(9_999);
    let steps = reg
        .engaged_over_time(Country::PAN, Period::range(start, last).unwrap(), Granularity::Day)
        .unwrap();
    assert_eq!(steps.len(), 10_000);
    assert!(
        reg.engaged_over_time(
            Country::PAN,
            Period::range(start, last + time::Duration::days(1)).unwrap(),
            Granularity::Day
        )
        .is_err()
    );
}
