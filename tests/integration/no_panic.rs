//! Issue 13, "no public function panics or aborts on any input unless its docs say `# Panics`": hostile
//! input through the public API of `io`, `flow` and `sim`. Each property passes when the call returns
//! (a value or an error); a panic, an overflow (tests build with overflow checks) or an abort fails it.
//! Also the operations log, the partner registry and `impact::FlowEffect` on the embedded data (feature
//! `csv`).

use corridor::flow::{FlowRecord, FlowSeries, FlowTable, GroupBy, Nationality, Partial};
use corridor::{Count, Granularity, Period};
use proptest::prelude::*;

/// Cells that readers get wrong: empty, huge and negative numbers, non-finite words, NUL, a BOM,
/// quotes, line ends, dates at the ends of the calendar, and the header words of every reader.
#[cfg(feature = "csv")]
const CELLS: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "1",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
    "-9223372036854775808",
    "4294967296",
    "1e308",
    "-1e308",
    "1e309",
    "NaN",
    "inf",
    "-inf",
    "0.5",
    "\0",
    "\u{feff}",
    "\"",
    "\"a,b\"",
    "\"\"",
    "\r",
    "\n",
    "2021-08",
    "2021-08-15",
    "2021-W53",
    "2021-Q5",
    "9999-12-31",
    "0000-01-01",
    "-9999-01-01",
    "20210815",
    "99999999",
    "over 18446744073709551615",
    "between 5 and 3",
    "about 18446744073709551615",
    "COL",
    "XX",
    "XK",
    "Venezuela",
    // flows
    "date",
    "period",
    "country_code",
    "nationality",
    "location",
    "count",
    "direction",
    "sex",
    "age",
    "source",
    "#date",
    "#affected+total",
    "#affected+f",
    "#affected+m",
    "#country+code",
    "#loc+name",
    // edge lists
    "source_name",
    "target",
    "kind",
    "weight",
    "directed",
    "first_seen",
    "last_seen",
    // events
    "day",
    "actor1",
    "actor2",
    "cameo",
    "SQLDATE",
    "Actor1CountryCode",
    "Actor2CountryCode",
    "EventCode",
    "010",
    "99",
    // flee
    "#name",
    "name",
    "region",
    "country",
    "lat",
    "lon",
    "location_type",
    "conflict_date",
    "population",
    "conflict_zone",
    "camp",
    "town",
    "forwarding_hub",
    "#name1",
    "name2",
    "distance",
    "forced_redirection",
    "#closure_type",
    "name1",
    "closure_start",
    "closure_end",
    "location",
    "#Day",
    "StartDate",
    "Length",
    "Date",
    "Count",
    "a",
    "b",
];

/// A CSV-like text of 0–12 lines of 0–9 cells from [`CELLS`], joined by `,` (or `;`, tab), with a
/// chance of a giant field and of raw bytes that are not UTF-8.
#[cfg(feature = "csv")]
fn hostile_text() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        8 => proptest::sample::select(CELLS).prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..6),
        1 => (1usize..4).prop_map(|k| vec![b'9'; k * 400]),
    ];
    let line = (proptest::collection::vec(cell, 0..9), 0usize..3);
    proptest::collection::vec(line, 0..12).prop_map(|lines| {
        let mut out = Vec::new();
        for (cells, sep) in lines {
            let sep = [b',', b';', b'\t'][sep];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(sep);
                }
                out.extend_from_slice(c);
            }
            out.push(b'\n');
        }
        out
    })
}

#[cfg(feature = "csv")]
fn read_everything(bytes: &[u8]) {
    use corridor::io::flee::{
        read_flee_closures, read_flee_conflicts, read_flee_counts, read_flee_layout, read_flee_locations,
        read_flee_period, read_flee_routes,
    };
    use corridor::io::{
        EdgeListOptions, EventReadOptions, ReadMode, ReadOptions, read_cooperation_events,
        read_cooperation_events_with, read_edge_list, read_edge_list_with, read_flows_csv, read_flows_csv_with,
        read_graphml,
    };
    let _ = read_flows_csv(bytes);
    let _ = read_flows_csv_with(bytes, &ReadOptions::new().mode(ReadMode::Lenient));
    let _ = read_edge_list(bytes);
    let _ = read_edge_list_with(bytes, &EdgeListOptions::new());
    let _ = read_cooperation_events(bytes);
    let _ = read_cooperation_events_with(bytes, &EventReadOptions::new().mode(ReadMode::Lenient));
    let _ = read_graphml(bytes);
    let _ = read_flee_locations(bytes);
    let _ = read_flee_routes(bytes);
    let _ = read_flee_closures(bytes);
    let _ = read_flee_conflicts(bytes);
    let _ = read_flee_period(bytes);
    let _ = read_flee_layout(bytes);
    let _ = read_flee_counts(bytes);
    #[cfg(feature = "arrow")]
    let _ = corridor::io::read_ipc(std::io::Cursor::new(bytes));
    #[cfg(feature = "arrow")]
    let _ = FlowTable::read_ipc(std::io::Cursor::new(bytes));
}

/// A valid IPC file of a small table with every attribute, nulls and inexact counts, in two batches.
#[cfg(all(feature = "csv", feature = "arrow"))]
fn small_ipc_file() -> Vec<u8> {
    let table = corridor::datasets::darien::by_nationality();
    let batch = table.to_record_batch().expect("a batch");
    let half = batch.num_rows() / 2;
    let mut file = Vec::new();
    corridor::io::write_ipc(
        &[batch.slice(0, half), batch.slice(half, batch.num_rows() - half)],
        &mut file,
    )
    .expect("written");
    file
}

#[cfg(all(feature = "csv", feature = "arrow"))]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A valid IPC file with a few bytes overwritten (footer, metadata, dictionaries, keys, counts)
    /// or cut short: both readers give a table or an error.
    #[test]
    fn ipc_files_with_bytes_overwritten(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut file = small_ipc_file();
        for (at, byte) in edits {
            let i = at.index(file.len());
            file[i] = byte;
        }
        if let Some(c) = cut {
            file.truncate(c.index(file.len()));
        }
        if let Ok(batches) = corridor::io::read_ipc(std::io::Cursor::new(&file)) {
            for b in &batches {
                let _ = FlowTable::from_record_batch(b);
            }
        }
        let _ = FlowTable::read_ipc(std::io::Cursor::new(&file));
    }
}

#[cfg(feature = "csv")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every reader on arbitrary bytes: a value or an error.
    #[test]
    fn readers_take_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        read_everything(&bytes);
    }

    /// Every reader on CSV-shaped hostile text (header words of every format, huge numbers, NUL,
    /// invalid UTF-8, giant fields).
    #[test]
    fn readers_take_hostile_csv(bytes in hostile_text()) {
        read_everything(&bytes);
    }
}

/// A Flee scenario of hostile files (huge populations, distances, days and periods) is a model and a
/// scenario or an error.
#[cfg(feature = "csv")]
#[test]
fn flee_input_with_extreme_values_is_an_error_or_a_model() {
    use corridor::io::flee::{FleeInput, FleeSettings, read_flee_locations, read_flee_routes};
    let locations = "#name,region,country,lat,lon,location_type,conflict_date,population\n\
                     A,r,c,0,0,conflict_zone,0,18446744073709551615\n\
                     B,r,c,1e308,1e308,camp,,18446744073709551615\n\
                     C,r,c,0,0,town,99999999,0\n";
    let routes = "#name1,name2,distance,forced_redirection\nA,B,1e308\nB,C,0.000001\nA,C,1\n";
    let (Ok(locations), Ok(routes)) = (
        read_flee_locations(locations.as_bytes()),
        read_flee_routes(routes.as_bytes()),
    ) else {
        return;
    };
    for days in [1, 300, 36_525, 36_526, u32::MAX] {
        let start = time::macros::date!(2012 - 02 - 29);
        if let Ok(input) = FleeInput::new(locations.clone(), routes.clone(), start, days) {
            for settings in [
                FleeSettings::default(),
                FleeSettings::default().speed_km(f64::MIN_POSITIVE).hasten(u32::MAX),
                FleeSettings::default().speed_km(f64::MAX).softening_km(f64::MAX),
            ] {
                if let (Ok(model), Ok(scenario)) = (input.model(&settings), input.scenario(&settings)) {
                    let _ = model.run_cohorts(&scenario);
                }
            }
        }
    }
}

fn extreme_count() -> impl Strategy<Value = Count> {
    prop_oneof![
        Just(Count::exact(u64::MAX)),
        Just(Count::at_least(u64::MAX)),
        Just(Count::at_most(u64::MAX)),
        Just(Count::about(u64::MAX)),
        Just(Count::exact(0)),
        (0u64..1000).prop_map(Count::exact),
        any::<u64>().prop_map(Count::exact),
        (any::<u64>(), any::<u64>()).prop_filter_map("ordered", |(a, b)| Count::between(a.min(b), a.max(b)).ok()),
    ]
}

fn extreme_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        Just("9999-12-31"),
        Just("9999-12"),
        Just("9999-Q4"),
        Just("9999"),
        Just("9999-W52"),
        Just("-9999-01-01"),
        Just("-9999"),
        Just("2021-08"),
        Just("2021-W33"),
        Just("2021-08-01..2021-08-31"),
        Just("-9999-01-01..9999-12-31"),
    ]
    .prop_filter_map("a period", |s| s.parse().ok())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Series at the ends of the calendar with counts at `u64::MAX`: every operation gives a value or an
    /// error.
    #[test]
    fn flow_series_with_extreme_counts_and_periods(
        start in extreme_period(),
        values in proptest::collection::vec(proptest::option::weighted(0.8, extreme_count()), 0..40),
    ) {
        if let Ok(s) = FlowSeries::new(start, values) {
            let _ = s.total();
            let _ = s.per_day();
            let _ = s.to_f64();
            let _ = s.end();
            let _ = s.periods().count();
            for g in [Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter, Granularity::Year] {
                let _ = s.coarsen(g, Partial::Sum);
                let _ = s.coarsen(g, Partial::Missing);
            }
            let _ = s.slice(s.start(), s.end());
        }
    }

    /// Tables of records at the ends of the calendar with counts at `u64::MAX`: grouping, shares, rates
    /// and series give values or errors.
    #[test]
    fn flow_tables_with_extreme_counts_and_periods(
        rows in proptest::collection::vec((extreme_period(), extreme_count(), 0usize..3), 0..30),
        k in prop_oneof![Just(0usize), Just(1), Just(usize::MAX)],
    ) {
        let nats = [Nationality::Unknown, Nationality::from("COL".parse::<corridor::Country>().unwrap()), Nationality::from("VEN".parse::<corridor::Country>().unwrap())];
        let mut t = FlowTable::new();
        for (p, c, n) in rows {
            t.push(FlowRecord::new(p, c).nationality(nats[n].clone()));
        }
        let _ = t.total();
        for by in [GroupBy::Nationality, GroupBy::Location, GroupBy::Total] {
            let _ = t.shares(by);
            let _ = t.top_k(by, k);
            for g in [Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Year] {
                let _ = t.group_by(g, by);
                let _ = t.rates_per_day(g, by);
            }
        }
        for g in [Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Year] {
            let _ = FlowSeries::from_table(&t, g);
        }
    }
}

mod sim {
    use corridor::flow::Nationality;
    use corridor::sim::{Event, Model, Place, PlaceKind, Route, Scenario, Target, Transit};
    use proptest::prelude::*;
    use time::macros::date;

    fn big_u64() -> impl Strategy<Value = u64> {
        prop_oneof![
            Just(0u64),
            Just(1),
            Just(u64::MAX),
            Just(u64::MAX / 2),
            Just(u64::from(u32::MAX) + 1),
            0u64..1000
        ]
    }

    fn hostile_f64() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            Just(0.0),
            Just(1.0),
            Just(f64::MIN_POSITIVE),
            Just(1e308),
            Just(-1.0),
            0.0..1.0f64,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A hostile model (zero and huge capacities, huge dwell, NaN or odd shares and attrition) and
        /// scenario (huge inflows, the longest horizon, extreme event factors): each constructor and both
        /// engines give a value or an error, never a panic, an overflow or an abort.
        #[test]
        fn hostile_models_and_scenarios_are_values_or_errors(
            throughput in proptest::option::of(big_u64()),
            holding in proptest::option::of(big_u64()),
            route_throughput in proptest::option::of(big_u64()),
            dwell in prop_oneof![Just(0u32), Just(1), Just(u32::MAX), 0u32..40],
            share in hostile_f64(),
            dead in hostile_f64(),
            back in hostile_f64(),
            transit in prop_oneof![Just((1u32, 1u32)), Just((1, 3660)), Just((3660, 3660)), Just((0, 5)), Just((5, 1))],
            days in prop_oneof![Just(1u32), Just(60), Just(36_525), Just(36_526), Just(u32::MAX)],
            inflow in big_u64(),
            inflow_days in 0usize..70,
            factor in hostile_f64(),
            seats in prop_oneof![Just(0u32), Just(u32::MAX), 1u32..100],
            per_week in big_u64(),
        ) {
            let mut a = Place::new("a", PlaceKind::GatheringTown).unwrap().dwell(dwell);
            if let Some(t) = throughput {
                let Ok(with) = a.throughput(t) else { return Ok(()) };
                a = with;
            }
            let mut c = Place::new("c", PlaceKind::Destination).unwrap();
            if let Some(h) = holding {
                let Ok(with) = c.holding(h) else { return Ok(()) };
                c = with;
            }
            let Ok(transit) = Transit::uniform(transit.0, transit.1) else { return Ok(()) };
            let Ok(route) = Route::new("a", "b", share, transit.clone()) else { return Ok(()) };
            let Ok(route) = route.attrition(dead, back) else { return Ok(()) };
            let route = match route_throughput {
                Some(t) => match route.throughput(t) {
                    Ok(r) => r,
                    Err(_) => return Ok(()),
                },
                None => route,
            };
            let b = Place::new("b", PlaceKind::CrossingPoint).unwrap();
            let Ok(second) = Route::new("b", "c", 1.0, transit) else { return Ok(()) };
            let Ok(model) = Model::builder().place(a).place(b).place(c).route(route).route(second).build() else {
                return Ok(());
            };
            let start = date!(2021 - 01 - 01);
            let Ok(scenario) = Scenario::new(start, days) else { return Ok(()) };
            let n = inflow_days.min(scenario.days() as usize);
            let Ok(mut scenario) = scenario.inflow_daily("a", Nationality::Unknown, vec![inflow; n]) else {
                return Ok(());
            };
            let end = date!(2021 - 03 - 01);
            for e in [
                Event::inflow_shock(None, start, end, factor),
                Event::capacity_cut("a", "b", start, end, factor),
                Event::transport("a", "b", start, end, seats, seats),
                Event::removals("a", None, per_week, start, end),
                Event::leave_chance("a", start, end, factor),
                Event::closure(Target::place("b"), start, end),
            ]
            .into_iter()
            .flatten()
            {
                scenario = scenario.event(e);
            }
            let _ = scenario.total_inflow();
            if let Ok(run) = model.run_cohorts(&scenario) {
                let _ = (run.entered(), run.held_at_end(), run.in_transit_at_end(), run.attrition(), run.removed());
            }
            if let Ok(run) = model.run(&scenario, 1) {
                let _ = (run.entered(), run.held_at_end(), run.attrition());
            }
        }
    }
}

#[cfg(feature = "csv")]
mod domain {
    use std::sync::OnceLock;

    use corridor::flow::FlowSeries;
    use corridor::impact::{FlowEffect, GapPolicy};
    use corridor::operation::{Measure, OperationLog};
    use corridor::partner::PartnerRegistry;
    use corridor::stats::Family;
    use corridor::stats::its::Seasonality;
    use corridor::{Count, Country, Granularity, Period};
    use proptest::prelude::*;

    fn operations() -> &'static OperationLog {
        static LOG: OnceLock<OperationLog> = OnceLock::new();
        LOG.get_or_init(corridor::datasets::darien::operations)
    }

    fn partners() -> &'static PartnerRegistry {
        static REG: OnceLock<PartnerRegistry> = OnceLock::new();
        REG.get_or_init(corridor::datasets::darien::partners)
    }

    fn period() -> impl Strategy<Value = Period> {
        prop_oneof![
            Just("-9999-01-01..9999-12-31"),
            Just("9999-12-31"),
            Just("-9999-01-01"),
            Just("9999"),
            Just("2021"),
            Just("2021-08"),
            Just("2022-W01"),
            Just("1900-01-01..2100-12-31"),
        ]
        .prop_filter_map("a period", |s| s.parse().ok())
    }

    fn granularity() -> impl Strategy<Value = Granularity> {
        proptest::sample::select(vec![
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Quarter,
            Granularity::Year,
        ])
    }

    fn country() -> impl Strategy<Value = Country> {
        proptest::sample::select(vec!["PAN", "COL", "USA", "CRI", "ATA"]).prop_map(|c| c.parse().unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The operations log and the partner registry queried over periods from the first day of the
        /// calendar to the last, at every granularity: values or errors.
        #[test]
        fn operation_and_partner_queries_over_any_period(
            within in period(),
            g in granularity(),
            c in country(),
            m in proptest::sample::select(Measure::ALL.to_vec()),
        ) {
            let log = operations();
            let _ = log.executed_in(within).len();
            let _ = log.with_partner_in(c, within).len();
            let _ = log.reporting_in(m, within).len();
            let totals = log.totals(m).within(within);
            let _ = totals.by_partner();
            let _ = totals.by_state();
            let _ = totals.overall();
            let _ = totals.by_partner_per(g);
            let _ = log.arrests_by_partner(within);
            let _ = log.timeline();
            let reg = partners();
            let _ = reg.engagements(c, within);
            let _ = reg.engaged_count(c, within);
            let _ = reg.engaged_over_time(c, within, g);
            let _ = reg.cooperation_network(Some(within));
            let _ = reg.summary(c);
        }

        /// An intervention effect on a hostile monthly series (counts at `u64::MAX`, gaps, one value),
        /// at any date, with huge seasonal periods, Newey–West lags, event windows and odd levels: a fit
        /// or an error.
        #[test]
        fn flow_effects_on_hostile_series(
            values in proptest::collection::vec(
                proptest::option::weighted(0.9, prop_oneof![
                    Just(Count::exact(u64::MAX)),
                    Just(Count::exact(0)),
                    (0u64..10_000).prop_map(Count::exact),
                    Just(Count::at_least(u64::MAX)),
                ]),
                1..40,
            ),
            start in prop_oneof![Just("2021-01"), Just("9998-01"), Just("-9999-01")],
            at in 0usize..45,
            seasonality in prop_oneof![
                Just(Seasonality::None),
                Just(Seasonality::Dummies { period: 12 }),
                Just(Seasonality::Dummies { period: usize::MAX }),
                Just(Seasonality::Fourier { period: usize::MAX, pairs: usize::MAX / 2 }),
                Just(Seasonality::Fourier { period: 12, pairs: 2 }),
            ],
            family in proptest::sample::select(vec![Family::Gaussian, Family::Poisson, Family::QuasiPoisson, Family::NegativeBinomial]),
            hac in proptest::option::of(prop_oneof![Just(0usize), Just(3), Just(usize::MAX)]),
            event_window in prop_oneof![Just(0u32), Just(2), Just(u32::MAX)],
            level in prop_oneof![Just(0.95), Just(f64::NAN), Just(0.0), Just(1.0), Just(-1.0)],
            longest in any::<bool>(),
        ) {
            let Ok(start) = start.parse::<Period>() else { return Ok(()) };
            let Ok(series) = FlowSeries::new(start, values) else { return Ok(()) };
            let mut p = series.start();
            for _ in 0..at {
                match p.next() {
                    Some(q) => p = q,
                    None => break,
                }
            }
            let mut e = FlowEffect::new(&series, p)
                .seasonality(seasonality)
                .family(family)
                .event_window(event_window)
                .confidence(level)
                .gaps(if longest { GapPolicy::LongestRun } else { GapPolicy::Refuse });
            if let Some(lag) = hac {
                e = e.hac(lag);
            }
            let _ = e.fit();
            let _ = FlowEffect::after(&series, time::Date::MAX).fit();
            let _ = FlowEffect::after(&series, time::Date::MIN).fit();
        }
    }
}
