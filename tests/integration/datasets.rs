//! The embedded Darién data, checked against the rows and published totals it comes from.
#![cfg(feature = "csv")]

use corridor::Granularity;
use corridor::datasets::darien::{self, TotalKind, ValueType};
use corridor::flow::{FlowFilter, GroupBy, Nationality, Partial};

#[test]
fn monthly_series_spans_2020_01_to_2025_07_with_its_gaps() {
    let m = darien::monthly();
    assert_eq!(m.start().to_string(), "2020-01");
    assert_eq!(m.end().to_string(), "2025-07");
    assert_eq!(m.len(), 67);
    // data/darien/README.md: 2024 April–July and September–October are not known month by month.
    let gaps: Vec<String> = m
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| p.to_string())
        .collect();
    assert_eq!(gaps, ["2024-04", "2024-05", "2024-06", "2024-07", "2024-09", "2024-10"]);
    // darien_monthly_totals.csv rows 2021-08 (25,332, WOLA tabulation) and 2023-08 (81,946, SNM).
    assert_eq!(m.get("2021-08".parse().unwrap()).flatten().unwrap().point(), 25_332);
    assert_eq!(m.get("2023-08".parse().unwrap()).flatten().unwrap().point(), 81_946);
    let i = m.position("2021-08".parse().unwrap()).unwrap();
    assert_eq!(m.sources_at(i).next().unwrap().publisher(), "WOLA");
}

#[test]
fn monthly_sums_equal_published_annual_totals() {
    let m = darien::monthly();
    let years = m.coarsen(Granularity::Year, Partial::Missing).unwrap();
    let annual = darien::annual_totals();
    // darien_annual_and_ytd_totals.csv: 2021 = 133,726 and 2022 = 248,284 (SNM via WOLA),
    // 2023 = 520,085 (SNM/Minseg); 2020's monthly tables sum to 6,465 (its reliability note).
    for (year, published) in [(2020, 6_465), (2021, 133_726), (2022, 248_284), (2023, 520_085)] {
        let i = years.position(year.to_string().parse().unwrap()).unwrap();
        assert_eq!(years.point(i), Some(published), "{year}");
        assert!(
            annual
                .iter()
                .any(|f| f.year() == year && f.kind() == TotalKind::Annual && f.total().point() == published)
        );
    }
    // 2024 has gaps: no annual sum unless partial sums are asked for.
    let i = years.position("2024".parse().unwrap()).unwrap();
    assert_eq!(years.point(i), None);
    let partial = m.coarsen(Granularity::Year, Partial::Sum).unwrap();
    assert!(partial.is_partial(i));
    assert_eq!(partial.point(i), Some(142_604)); // the 6 published months of 2024
}

#[test]
fn disagreeing_figures_are_both_kept() {
    let annual = darien::annual_totals();
    let y2020: Vec<u64> = annual
        .iter()
        .filter(|f| f.year() == 2020 && f.kind() == TotalKind::Annual)
        .map(|f| f.total().point())
        .collect();
    assert!(y2020.contains(&8_594) && y2020.contains(&6_465), "{y2020:?}");
    let colombia = annual.iter().find(|f| f.total().point() == 539_959).unwrap();
    assert!(colombia.counting_agency().starts_with("Migración Colombia"));
    // "approx" figures keep their precision: 2024-10-31 year to date, ~286,000 (SNM, approx).
    let approx = annual
        .iter()
        .find(|f| f.period().end().to_string() == "2024-10-31")
        .unwrap();
    assert_eq!(approx.kind(), TotalKind::YearToDate);
    assert!(approx.total().upper().is_some_and(|u| u > approx.total().lower()));
}

#[test]
fn value_types_and_derived_months() {
    let figures = darien::monthly_figures();
    let derived: Vec<String> = figures
        .iter()
        .filter(|f| f.value_type() == ValueType::Derived)
        .map(|f| f.period().to_string())
        .collect();
    // darien_monthly_totals.csv marks two residual months.
    assert_eq!(derived, ["2022-12", "2023-09"]);
}

#[test]
fn nationality_groups_are_not_countries() {
    let t = darien::monthly_by_nationality();
    assert_eq!(t.len(), 310);
    let groups: Vec<&Nationality> = t
        .nationalities()
        .iter()
        .filter(|n| matches!(n, Nationality::Group(_)))
        .collect();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].to_string(), "Haiti (plus Brazil and Chile)");
    assert!(t.nationalities().contains(&Nationality::Other));
    // The ten groups of January 2020 sum to that month's total, 1,538.
    let jan =
        t.filter(&FlowFilter::new().within(time::macros::date!(2020 - 01 - 01), time::macros::date!(2020 - 01 - 31)));
    assert_eq!(jan.total().total().point(), 1_538);
    let by_month = t.group_by(Granularity::Month, GroupBy::Total).unwrap();
    assert_eq!(by_month.len(), 31);
}

#[test]
fn annual_by_nationality() {
    let t = darien::by_nationality();
    // WOLA's table: Venezuela 2023 January–August 201,288; Minseg full year 328,667.
    let ven = t.filter(&FlowFilter::new().nationality("VEN".parse().unwrap()));
    let values: Vec<(String, u64)> = ven
        .iter()
        .filter(|r| r.period().start().year() == 2023)
        .map(|r| (r.period().to_string(), r.count().point()))
        .collect();
    assert_eq!(
        values,
        [
            ("2023-01-01..2023-08-31".to_owned(), 201_288),
            ("2023".to_owned(), 328_667)
        ]
    );
}

#[test]
fn statement_figures() {
    let s = darien::statement_2022();
    // reference: tests/data/reference/darien_descriptive.json (2,461 -> 140 a day: -94.31 %; 140,000 / 10,000 = 14).
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("../data/reference/darien_descriptive.json")).unwrap();
    let pct = (s.latest_per_day.point() as f64 - s.peak_per_day.point() as f64) / s.peak_per_day.point() as f64 * 100.0;
    assert!((pct - reference["pct_change_peak_to_later"].as_f64().unwrap()).abs() < 1e-9);
    let ratio = s.crossed_2021.point() as f64 / s.normal_year.point() as f64;
    assert!((ratio - reference["ratio_year_to_normal"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(s.arrests_clan_del_golfo.lower(), 61);
    assert_eq!(s.arrests_with_costa_rica.lower(), 41);
    assert_eq!(s.partner_states.lower(), 11);
}
