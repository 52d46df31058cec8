//! Cooperation events (GDELT / ICEWS-like CSV) through the public API: reading, dyad counts per
//! period, the networks, queries, errors and the round trip.
#![cfg(feature = "csv")]

use corridor::io::{
    EventReadOptions, ReadError, ReadMode, read_cooperation_events, read_cooperation_events_with,
    write_cooperation_events,
};
use corridor::partner::{CameoCode, CooperationEvent, CooperationEvents};
use corridor::{Country, Error, Granularity, Period};
use proptest::prelude::*;
use time::macros::date;

/// Twelve records written by hand (`tests/data/events/hand_made.csv`); the expected dyads below were
/// counted by hand from them. One record (2021-07-30) is out of day order, one is domestic (PAN–PAN).
const HAND_MADE: &str = include_str!("../data/events/hand_made.csv");

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn read_err(text: &str) -> ReadError {
    match read_cooperation_events(text.as_bytes()) {
        Err(Error::Read(e)) => e,
        other => panic!("expected a read error, got {other:?}"),
    }
}

#[test]
fn hand_made_file_monthly_dyads() {
    use Country as C;
    let events = read_cooperation_events(HAND_MADE.as_bytes()).unwrap();
    assert_eq!(events.len(), 12);
    // 3+2+1+4+5+2+6+1+2+1+7+1
    assert_eq!(events.total(), 35);
    assert_eq!(events.get(0).unwrap().date(), date!(2021 - 07 - 30)); // sorted by day
    let m = events.dyads(Granularity::Month);
    assert_eq!(
        m.periods(),
        ["2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12"].map(p)
    );
    let all: Vec<(Period, Country, Country, u64)> = m.iter().collect();
    assert_eq!(
        all,
        [
            (p("2021-07"), C::COL, C::USA, 2),
            (p("2021-08"), C::COL, C::PAN, 5), // 3 (PAN→COL) + 2 (COL→PAN)
            (p("2021-08"), C::CRI, C::PAN, 4),
            (p("2021-08"), C::PAN, C::PAN, 5), // domestic, on the diagonal
            (p("2021-08"), C::PAN, C::USA, 1),
            (p("2021-09"), C::CRI, C::PAN, 9), // 2 + 6 + 1
            (p("2021-10"), C::COL, C::PAN, 7),
            (p("2021-10"), C::COL, C::USA, 1),
            (p("2021-12"), C::PAN, C::USA, 1),
        ]
    );
    assert_eq!(m.total(), 35);
    assert_eq!(m.count(p("2021-08"), C::PAN, C::COL), 5);
    assert_eq!(m.count(p("2021-08"), C::COL, C::PAN), 5);
    assert_eq!(m.dyads(p("2021-11")).len(), 0);
    assert_eq!(m.states(), [C::COL, C::CRI, C::PAN, C::USA]);

    let q = events.dyads(Granularity::Quarter);
    assert_eq!(q.count(p("2021-Q3"), C::CRI, C::PAN), 13); // 4 + 9
    assert_eq!(q.count(p("2021-Q3"), C::PAN, C::PAN), 5);
    assert_eq!(q.count(p("2021-Q4"), C::COL, C::PAN), 7);
}

#[test]
fn monthly_networks_for_the_network_measures() {
    let m = read_cooperation_events(HAND_MADE.as_bytes())
        .unwrap()
        .dyads(Granularity::Month);
    let aug = m.network(p("2021-08")).unwrap();
    assert_eq!(aug.period(), p("2021-08"));
    let g = aug.network();
    // The same four states in every month; August links COL–PAN (5), CRI–PAN (4), PAN–USA (1).
    assert_eq!(g.actor_count(), 4);
    assert_eq!(g.edge_count(), 3);
    let strength = g.strength();
    let ranked = aug.ranked(&strength);
    assert_eq!(ranked[0], (Country::PAN, 10.0));
    assert_eq!(aug.weight(Country::USA, Country::PAN), 1);
    assert_eq!(aug.weight(Country::PAN, Country::PAN), 0);
    let pan = aug.actor(Country::PAN).unwrap();
    assert_eq!(aug.state(pan), Some(Country::PAN));
    assert_eq!(g.degree()[pan.index()], 3);
    // Symmetric: each pair once, its weight the same either way.
    for (a, b, w) in aug.pairs() {
        assert!(a < b);
        assert_eq!(aug.weight(b, a), w);
    }
    let nets = m.networks().unwrap();
    assert_eq!(nets.len(), 6);
    assert_eq!(nets[4].network().edge_count(), 0); // November: no record
    assert!(m.network(p("2021-08-11")).is_err()); // not a month
}

#[test]
fn queries_by_state_and_period() {
    let events = read_cooperation_events(HAND_MADE.as_bytes()).unwrap();
    assert_eq!(events.with_partner_in(Country::CRI, p("2021-09")).len(), 3);
    assert_eq!(events.with_partner(Country::USA).len(), 4);
    let usa: Vec<_> = events.with_partner(Country::USA).map(|e| e.date()).collect();
    assert!(usa.is_sorted());
    assert_eq!(events.within(p("2021-08-11")).len(), 3);
    assert_eq!(events.within(p("2021-08-11..2021-08-20")).len(), 4);
    assert_eq!(events.with_partner_in(Country::PAN, p("2021-08")).len(), 5); // the domestic record once
    assert_eq!(events.with_partner_in(Country::NIC, p("2021")).len(), 0);
}

#[test]
fn gdelt_like_header_tab_delimited() {
    // GDELT 1.0 event exports: SQLDATE (YYYYMMDD), EventCode, Actor1CountryCode, Actor2CountryCode,
    // NumEvents, tab-delimited, with many more columns.
    let tsv = "GLOBALEVENTID\tSQLDATE\tActor1CountryCode\tActor2CountryCode\tEventCode\tNumEvents\tSOURCEURL\n\
               1\t20210811\tPAN\tCOL\t036\t4\thttps://example.org/1\n\
               2\t20210812\tCOL\tPAN\t0874\t1\thttps://example.org/2\n";
    let err = read_cooperation_events_with(tsv.as_bytes(), &EventReadOptions::new().delimiter(b'\t')).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, column 1: unknown column \"GLOBALEVENTID\" (ask the reader to ignore unknown columns to skip it)"
    );
    let r = read_cooperation_events_with(
        tsv.as_bytes(),
        &EventReadOptions::new().delimiter(b'\t').ignore_unknown_columns(true),
    )
    .unwrap();
    assert_eq!(r.ignored_columns(), ["GLOBALEVENTID", "SOURCEURL"]);
    let m = r.events().dyads(Granularity::Month);
    assert_eq!(m.count(p("2021-08"), Country::COL, Country::PAN), 5);
    assert_eq!(r.events().get(1).unwrap().code().to_string(), "0874");
}

#[test]
fn one_event_per_row_without_a_count_column() {
    // ICEWS-like: one row per event; its states as alpha-2 or numeric codes.
    let csv = "event_date,cameo_code,source_country,target_country\n2021-08-11,036,PA,170\n2021-08-11,036,pa,CO\n";
    let events = read_cooperation_events(csv.as_bytes()).unwrap();
    assert_eq!(events.counts(), [1, 1]);
    assert_eq!(
        events
            .dyads(Granularity::Month)
            .count(p("2021-08"), Country::PAN, Country::COL),
        2
    );
}

#[test]
fn bad_dates_codes_counts_and_states() {
    let head = "date,cameo,actor1,actor2,count\n";
    let cases = [
        (
            "2021-02-29,036,PAN,COL,1",
            "line 2, column 1: expected a day such as 2021-08-15 or 20210815: \"2021-02-29\"",
        ),
        (
            "2021/08/11,036,PAN,COL,1",
            "line 2, column 1: expected a day such as 2021-08-15 or 20210815: \"2021/08/11\"",
        ),
        (
            "20211301,036,PAN,COL,1",
            "line 2, column 1: expected a day such as 2021-08-15 or 20210815: \"20211301\"",
        ),
        (
            "2021-08,036,PAN,COL,1",
            "line 2, column 1: expected a day such as 2021-08-15 or 20210815: \"2021-08\"",
        ),
        (
            "2021-08-11,21,PAN,COL,1",
            "line 2, column 2: expected a CAMEO code of 2 to 4 digits starting with a root code 01 to 20: \"21\"",
        ),
        (
            "2021-08-11,5,PAN,COL,1",
            "line 2, column 2: expected a CAMEO code of 2 to 4 digits starting with a root code 01 to 20: \"5\"",
        ),
        (
            "2021-08-11,05711,PAN,COL,1",
            "line 2, column 2: expected a CAMEO code of 2 to 4 digits starting with a root code 01 to 20: \"05711\"",
        ),
        (
            "2021-08-11,,PAN,COL,1",
            "line 2, column 2: expected a CAMEO code of 2 to 4 digits starting with a root code 01 to 20: \"\"",
        ),
        (
            "2021-08-11,036,ZZZ,COL,1",
            "line 2, column 3: unknown country code: \"ZZZ\"",
        ),
        (
            "2021-08-11,036,PAN,,1",
            "line 2, column 4: empty state (an event needs two states): \"\"",
        ),
        (
            "2021-08-11,036,PAN,COL,0",
            "line 2, column 5: a record of 0 events: \"0\"",
        ),
        (
            "2021-08-11,036,PAN,COL,-1",
            "line 2, column 5: expected a whole number of events, 1 or more: \"-1\"",
        ),
        (
            "2021-08-11,036,PAN,COL,1.5",
            "line 2, column 5: expected a whole number of events, 1 or more: \"1.5\"",
        ),
        (
            "2021-08-11,036,PAN,COL,",
            "line 2, column 5: expected a whole number of events, 1 or more: \"\"",
        ),
        (
            "2021-08-11,036,PAN,COL,4294967296",
            "line 2, column 5: more events than a record holds (4,294,967,295): \"4294967296\"",
        ),
        ("2021-08-11,036,PAN,COL", "line 2: 4 cells where the header has 5"),
        (
            "2021-08-11,036,PAN,COL,\"1",
            "line 2, column 5: a quote opens this field and is never closed (the rest of the input would be one cell)",
        ),
    ];
    for (row, want) in cases {
        let e = read_err(&format!("{head}{row}\n"));
        assert_eq!(e.to_string(), want, "{row}");
    }
    // Surrounding spaces are trimmed; a count of u32::MAX is one record.
    let ok = read_cooperation_events(format!("{head} 2021-08-11 , 036 ,PAN, col ,4294967295\n").as_bytes()).unwrap();
    assert_eq!(ok.total(), 4_294_967_295);
}

#[test]
fn bad_headers() {
    assert!(matches!(read_err(""), ReadError::Empty));
    assert!(matches!(
        read_err("date,cameo,actor1,count\n"),
        ReadError::MissingColumn { name: "actor2", .. }
    ));
    assert!(matches!(
        read_err("date,cameo,actor1,actor2,SQLDATE\n"),
        ReadError::DuplicateColumn { column: 5, .. }
    ));
    assert!(matches!(
        read_err("date,cameo,actor1,actor2,goldstein\n"),
        ReadError::UnknownColumn { column: 5, .. }
    ));
}

#[test]
fn lenient_mode_keeps_the_good_rows() {
    let csv = "date,cameo,actor1,actor2,count\n\
               2021-08-11,036,PAN,COL,2\n\
               2021-08-12,99,PAN,COL,1\n\
               2021-08-13,036,PAN,COL,x\n\
               2021-08-14,036,PAN,CRI,1\n";
    let strict = read_cooperation_events(csv.as_bytes()).unwrap_err();
    assert!(strict.to_string().starts_with("line 3, column 2:"), "{strict}");
    let r = read_cooperation_events_with(csv.as_bytes(), &EventReadOptions::new().mode(ReadMode::Lenient)).unwrap();
    assert_eq!(r.events().len(), 2);
    let lines: Vec<String> = r.errors().iter().map(|e| e.to_string()[..7].to_owned()).collect();
    assert_eq!(lines, ["line 3,", "line 4,"]);
}

#[test]
fn hand_made_file_round_trips() {
    let events = read_cooperation_events(HAND_MADE.as_bytes()).unwrap();
    let mut out = Vec::new();
    write_cooperation_events(&events, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.starts_with("date,cameo,actor1,actor2,count\n2021-07-30,046,USA,COL,2\n"));
    assert_eq!(read_cooperation_events(out.as_slice()).unwrap(), events);
}

fn event() -> impl Strategy<Value = CooperationEvent> {
    let codes = ["01", "010", "036", "0874", "10", "173", "20", "2042"];
    (
        -3000i64..3000,
        0usize..codes.len(),
        0usize..250,
        0usize..250,
        1u32..=u32::MAX,
    )
        .prop_map(move |(d, c, a, b, n)| {
            let state = |i: usize| Country::all().nth(i).unwrap();
            CooperationEvent::new(
                date!(2020 - 01 - 01) + time::Duration::days(d),
                codes[c].parse::<CameoCode>().unwrap(),
                state(a),
                state(b),
                n,
            )
            .unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn written_events_read_back_equal(evs in prop::collection::vec(event(), 0..80)) {
        let events = CooperationEvents::from_events(evs).unwrap();
        let mut out = Vec::new();
        write_cooperation_events(&events, &mut out).unwrap();
        prop_assert_eq!(read_cooperation_events(out.as_slice()).unwrap(), events.clone());
        // The dyad counts keep every event.
        prop_assert_eq!(events.dyads(Granularity::Week).total(), events.total());
    }
}
