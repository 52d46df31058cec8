//! Flow tables and series through the public API: invariants as property tests.

use corridor::flow::{
    Aggregate, Corridor, FlowFilter, FlowRecord, FlowSeries, FlowTable, Group, GroupBy, Location, Nationality, Partial,
    Share,
};
use corridor::{Count, Granularity, Period};
use proptest::prelude::*;

/// `with_source` attaches the source to values only: a gap has no value, so no source of one, the same as a
/// period without records in `from_table` (the Darién months of 2024 that were not published).
#[test]
fn with_source_skips_gaps_as_from_table_does() {
    use corridor::Source;
    let snm = Source::new("SNM Panamá", "Tránsito irregular por Darién").unwrap();
    let s = FlowSeries::new(
        "2024-01".parse().unwrap(),
        vec![Some(Count::exact(36_001)), None, Some(Count::exact(37_166))],
    )
    .unwrap()
    .with_source(snm.clone());
    assert_eq!(s.sources(), std::slice::from_ref(&snm));
    assert_eq!(s.sources_at(0).collect::<Vec<_>>(), [&snm]);
    assert_eq!(s.sources_at(1).count(), 0, "a gap has no source");
    assert_eq!(s.sources_at(2).collect::<Vec<_>>(), [&snm]);
    // Attaching twice does not repeat it.
    let twice = s.clone().with_source(snm.clone());
    assert_eq!(twice, s);
    // An all-gap series still lists the source for its caption, but no period cites it.
    let empty = FlowSeries::new("2024-04".parse().unwrap(), vec![None, None])
        .unwrap()
        .with_source(snm.clone());
    assert_eq!(empty.sources(), std::slice::from_ref(&snm));
    assert_eq!(empty.sources_at(0).count() + empty.sources_at(1).count(), 0);

    // From a table: January and March have records (with a source), February has none.
    let wola = Source::new("WOLA", "Darién Gap crossings").unwrap();
    let table: FlowTable = [("2024-01-15", 36_001), ("2024-03-15", 37_166)]
        .into_iter()
        .map(|(d, n)| FlowRecord::new(d.parse().unwrap(), Count::exact(n)).source(wola.clone()))
        .collect();
    let from_table = FlowSeries::from_table(&table, Granularity::Month).unwrap();
    assert_eq!(from_table.sources_at(1).count(), 0);
    let both = from_table.with_source(snm.clone());
    assert_eq!(both.sources_at(0).collect::<Vec<_>>(), [&wola, &snm]);
    assert_eq!(both.sources_at(1).count(), 0, "the gap stays without a source");
    assert_eq!(both.sources(), [wola.clone(), snm.clone()]);

    // Coarsened: a quarter that is a gap (a month missing) cites nothing; its partial sum cites the months it adds.
    let missing = both.coarsen(Granularity::Quarter, Partial::Missing).unwrap();
    assert_eq!((missing.point(0), missing.sources_at(0).count()), (None, 0));
    let partial = both.coarsen(Granularity::Quarter, Partial::Sum).unwrap();
    assert_eq!(partial.point(0), Some(73_167));
    assert_eq!(partial.sources_at(0).collect::<Vec<_>>(), [&wola, &snm]);
}

/// Public types are Send, Sync, Debug and Clone (checked at compile time).
#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone>() {}
    check::<FlowTable>();
    check::<FlowSeries>();
    check::<FlowRecord>();
    check::<FlowFilter>();
    check::<Location>();
    check::<Corridor>();
    check::<Nationality>();
    check::<Group>();
    check::<Share>();
    check::<Aggregate>();
}

/// The crate error is Send, Sync and 'static (it wraps `std::io::Error`, so it is not Clone).
#[test]
fn error_is_send_sync_static() {
    fn check<T: Send + Sync + std::error::Error + 'static>() {}
    check::<corridor::Error>();
}

fn arb_count() -> impl Strategy<Value = Count> {
    prop_oneof![
        (0u64..100_000).prop_map(Count::exact),
        (0u64..100_000).prop_map(Count::at_least),
        (0u64..100_000).prop_map(Count::about),
        (0u64..1000, 0u64..1000).prop_map(|(a, b)| Count::between(a, a + b).expect("ordered")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Coarsening keeps totals: with no gap, the coarse values of complete periods sum
    /// to the sum of their fine values, bounds included; partial sums add up to the
    /// known values.
    #[test]
    fn coarsening_keeps_totals(
        start_month in 1u8..=12,
        values in prop::collection::vec(prop::option::weighted(0.9, arb_count()), 1..60),
    ) {
        let start = Period::month(2019, start_month).expect("valid month");
        let series = FlowSeries::new(start, values.clone()).expect("valid series");
        for g in [Granularity::Quarter, Granularity::Year] {
            let partial = series.coarsen(g, Partial::Sum).expect("coarser");
            let strict = series.coarsen(g, Partial::Missing).expect("coarser");
            let known: Count = values.iter().flatten().copied().sum();
            let partial_sum: Count = partial.counts().iter().flatten().copied().sum();
            prop_assert_eq!(partial_sum.lower(), known.lower());
            prop_assert_eq!(partial_sum.upper(), known.upper());
            prop_assert_eq!(partial_sum.point(), known.point());
            for (i, (p, v)) in strict.iter().enumerate() {
                let fine: Vec<Option<Count>> = series
                    .iter()
                    .zip(series.counts())
                    .filter(|((q, _), _)| p.contains_period(q))
                    .map(|(_, c)| *c)
                    .collect();
                let complete = fine.len() == p.split(Granularity::Month).expect("months").count()
                    && fine.iter().all(Option::is_some);
                prop_assert_eq!(v.is_some(), complete, "period {} ", p);
                if complete {
                    let sum: Count = fine.into_iter().flatten().sum();
                    prop_assert_eq!(strict.counts()[i], Some(sum));
                }
            }
        }
    }

    /// Grouping keeps totals: the groups of a table sum to its total.
    #[test]
    fn grouping_keeps_totals(rows in prop::collection::vec((1u8..=28, 1u8..=12, 0usize..3, arb_count()), 0..80)) {
        let nats = ["VEN", "HTI", "other"];
        let table: FlowTable = rows
            .iter()
            .map(|&(d, m, n, c)| {
                let day = time::Date::from_calendar_date(2021, time::Month::try_from(m).expect("month"), d).expect("date");
                FlowRecord::new(Period::day(day), c).nationality(nats[n].parse().expect("label"))
            })
            .collect();
        let total = table.total();
        for by in [GroupBy::Total, GroupBy::Nationality] {
            let groups = table.group_by(Granularity::Month, by).expect("days are inside months");
            let sum: Count = groups.iter().map(|g| *g.total()).sum();
            prop_assert_eq!(sum, *total.total());
            let records: usize = groups.iter().map(|g| g.aggregate().records()).sum();
            prop_assert_eq!(records, table.len());
        }
    }
}
