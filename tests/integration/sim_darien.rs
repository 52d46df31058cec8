//! The embedded Darién simulation: names, sourced parameters, the levers, the calibration.
#![cfg(feature = "csv")]

use corridor::datasets::darien::{self, DarienFit};
use corridor::sim::{Calibration, Loss, PlaceKind};
use time::macros::date;

#[test]
fn places_are_named_as_in_the_facts() {
    let m = darien::corridor_model();
    for name in [
        "Necoclí",
        "Turbo",
        "Capurganá",
        "Acandí",
        "Bajo Chiquito",
        "Canaán Membrillo",
        "Lajas Blancas",
        "San Vicente",
        "Paso Canoas",
    ] {
        assert!(m.place(name).is_some(), "{name}");
    }
    assert_eq!(m.place("San Vicente").unwrap().holding_capacity(), Some(544));
    assert_eq!(m.place("Lajas Blancas").unwrap().kind(), PlaceKind::ReceptionStation);
    assert_eq!(m.place("Paso Canoas").unwrap().kind(), PlaceKind::BorderPost);
    let trail = m.route("Capurganá", "Bajo Chiquito").unwrap().transit();
    assert_eq!((trail.min_days(), trail.max_days()), (2, 10));
    let mut entries: Vec<&str> = m.entries().map(corridor::sim::Place::name).collect();
    entries.sort_unstable();
    assert_eq!(entries, ["Necoclí", "Turbo"]);
}

#[test]
fn every_parameter_has_a_status_and_sourced_ones_an_address() {
    let params = darien::sim_parameters();
    assert!(params.len() > 30);
    for p in &params {
        assert!(
            ["sourced", "derived", "reported", "assumed", "calibrated"].contains(&p.status()),
            "{}: {}",
            p.name(),
            p.status()
        );
        if matches!(p.status(), "sourced" | "derived") {
            assert!(p.source().starts_with("https://"), "{} has no address", p.name());
        }
        assert!(!p.note().is_empty(), "{} has no note", p.name());
    }
    // The Carepa quota as published (cooperation_facts_sourced.csv S06).
    let v = |n: &str| params.iter().find(|p| p.name() == n).unwrap().value().to_owned();
    assert_eq!(v("quota_650_per_day"), "650");
    assert_eq!(v("quota_500_per_day"), "500");
    assert_eq!(v("buses_per_day"), "30");
}

#[test]
fn the_scenario_keeps_everyone_and_the_quota_binds() {
    let m = darien::corridor_model();
    let s = darien::scenario_2021_2024();
    assert_eq!(s.start(), date!(2020 - 12 - 01));
    assert_eq!(s.last_date(), date!(2024 - 12 - 31));
    let run = m.run_cohorts(&s).unwrap();
    assert_eq!(run.entered(), s.total_inflow());
    assert_eq!(
        run.entered(),
        run.held_at_end() + run.in_transit_at_end() + run.attrition() + run.removed()
    );
    let dep = run.departure_values("Necoclí").unwrap();
    let day = |d: time::Date| (d - s.start()).whole_days() as usize;
    assert!(
        dep[day(date!(2021 - 08 - 11))..=day(date!(2021 - 08 - 31))]
            .iter()
            .all(|&v| v <= 650)
    );
    // Sundays and Mondays in September 2021: no boat under the quota.
    assert_eq!(dep[day(date!(2021 - 09 - 05))], 0);
    assert_eq!(dep[day(date!(2021 - 09 - 06))], 0);
    // Removals took place after 20 August 2024 only.
    let r = run.removal_values("Lajas Blancas").unwrap();
    assert!(r[..day(date!(2024 - 08 - 20))].iter().all(|&v| v == 0));
    assert!(run.removed() > 0);
    // Total crossings over 2021-2024 equal the demand that reached the villages: the simulated
    // count of 2021-2023 is within 2% of the published one (the fit's levels are the record's).
    let sim = run.monthly_arrivals_at(&["Bajo Chiquito", "Canaán Membrillo"]).unwrap();
    let obs = darien::monthly();
    let total = |f: &corridor::flow::FlowSeries| {
        f.slice("2021-01".parse().unwrap(), "2023-12".parse().unwrap())
            .unwrap()
            .total()
            .unwrap()
            .point() as f64
    };
    assert!((total(&sim) - total(&obs)).abs() / total(&obs) < 0.02);
}

#[test]
fn the_stored_calibration_improves_on_its_start() {
    let obs = darien::monthly();
    let cal = Calibration::new(obs, &["Bajo Chiquito", "Canaán Membrillo"])
        .window("2021-01".parse().unwrap(), "2022-12".parse().unwrap())
        .unwrap()
        .loss(Loss::PoissonDeviance);
    let loss = |x: &[f64]| {
        let p = DarienFit::from_slice(x);
        let run = p.model().unwrap().run_cohorts(&p.scenario().unwrap()).unwrap();
        cal.loss_of(&run).unwrap()
    };
    let best = DarienFit::calibrated().to_vec();
    let at_best = loss(&best);
    assert!(at_best < loss(&DarienFit::START), "the fit is no better than its start");
}

#[test]
fn a_necocli_share_outside_zero_one_is_an_error_not_clamped() {
    for share in [-0.1, 1.5, f64::NAN] {
        let fit = DarienFit {
            necocli_share: share,
            ..DarienFit::calibrated()
        };
        let err = fit.scenario().expect_err("a share outside [0, 1] must be refused");
        assert!(
            matches!(err, corridor::Error::Sim(corridor::sim::SimError::Inflow { ref place, .. }) if place == "Necoclí"),
            "{err}"
        );
    }
    // the ends are shares: everyone at Turbo, everyone at Necoclí
    for share in [0.0, 1.0] {
        let fit = DarienFit {
            necocli_share: share,
            ..DarienFit::calibrated()
        };
        assert!(fit.scenario().is_ok());
    }
}
