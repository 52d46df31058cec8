//! Levers fed from other domains: a partner agreement's quota commitment as a simulation quota, and a
//! capacity cut on a route from a smuggling network's corridor capacity before and after arrests.

#[cfg(feature = "csv")]
use corridor::datasets::darien;
use corridor::flow::Nationality;
use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
use corridor::partner::QuotaStep;
use corridor::sim::{
    Event, Model, Place, PlaceKind, QuotaSchedule, Route, Run, Scenario, Target, Transit, capacity_ratio,
};
use time::macros::date;
use time::{Date, Duration};

fn place(name: &str, kind: PlaceKind) -> Place {
    Place::new(name, kind).unwrap()
}

/// The Carepa agreement's quota commitment (fact S06 in `data/darien/agreement_figures.csv`: RT en Español,
/// 11 Aug 2021, SNM director Samira Gozaine): up to 650 a day to the end of August 2021, then 500 a day Tuesday
/// to Saturday from 1 September, no end announced.
fn carepa() -> corridor::partner::QuotaSchedule {
    corridor::partner::QuotaSchedule::new(vec![
        QuotaStep::new(date!(2021 - 08 - 11), 650).until(date!(2021 - 08 - 31)),
        QuotaStep::new(date!(2021 - 09 - 01), 500).on("tue-sat".parse().unwrap()),
    ])
    .unwrap()
}

#[cfg(feature = "csv")]
#[test]
fn the_embedded_carepa_agreement_carries_that_quota() {
    let embedded = darien::partners()
        .agreement("pan-col-quota-2021")
        .and_then(|a| a.quota())
        .cloned()
        .expect("the Carepa agreement has a quota");
    assert_eq!(embedded.steps().len(), 2);
    for (a, b) in embedded.steps().iter().zip(carepa().steps()) {
        assert_eq!(
            (a.first_day(), a.last_day(), a.per_day(), a.weekdays()),
            (b.first_day(), b.last_day(), b.per_day(), b.weekdays())
        );
    }
}

/// Everyone who entered is held, in transit, dead or turned back, or removed.
fn assert_conserved(run: &Run) {
    assert_eq!(
        run.entered(),
        run.held_at_end() + run.in_transit_at_end() + run.attrition() + run.removed()
    );
}

#[test]
fn the_carepa_commitment_is_the_sim_quota_day_by_day() {
    let partner = carepa();
    let sim = QuotaSchedule::from(&partner);
    // Day by day from before the arrangement to years after it (the 500-a-day step has no announced end).
    let mut d = date!(2021 - 07 - 01);
    while d <= date!(2027 - 12 - 31) {
        assert_eq!(sim.cap_on(d), partner.limit_on(d), "{d}");
        d = d.next_day().unwrap();
    }
    // The facts (S06): up to 650 a day to the end of August 2021, then 500 a day Tuesday to Saturday.
    assert_eq!(sim.cap_on(date!(2021 - 08 - 10)), None);
    assert_eq!(sim.cap_on(date!(2021 - 08 - 11)), Some(650));
    assert_eq!(sim.cap_on(date!(2021 - 08 - 29)), Some(650)); // a Sunday in August: the cap is daily
    assert_eq!(sim.cap_on(date!(2021 - 08 - 31)), Some(650));
    assert_eq!(sim.cap_on(date!(2021 - 09 - 01)), Some(500)); // a Wednesday
    assert_eq!(sim.cap_on(date!(2021 - 09 - 04)), Some(500)); // a Saturday
    assert_eq!(sim.cap_on(date!(2021 - 09 - 05)), Some(0)); // a Sunday
    assert_eq!(sim.cap_on(date!(2021 - 09 - 06)), Some(0)); // a Monday
    assert_eq!(sim.cap_on(date!(2021 - 09 - 07)), Some(500)); // a Tuesday
    // Open end: no end was announced, so the quota still binds.
    assert_eq!(sim.cap_on(date!(2030 - 01 - 01)), Some(500)); // a Tuesday
    assert_eq!(sim.cap_on(Date::MAX), partner.limit_on(Date::MAX));
    assert_eq!(sim.rules().len(), partner.steps().len());
    assert_eq!(sim.rules()[1].last(), Date::MAX);
}

#[test]
fn the_carepa_commitment_binds_necocli_departures() {
    // 1,000 a day gather at Necoclí from 1 August 2021, more than the quota lets through: the queue never
    // empties, so on each day the departures are exactly the partner schedule's limit (everyone on days it
    // does not cover).
    let start = date!(2021 - 08 - 01);
    let days = 92u32;
    let model = Model::builder()
        .place(place("Necoclí", PlaceKind::GatheringTown))
        .place(place("Capurganá", PlaceKind::Destination))
        .route(Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1).unwrap()).unwrap())
        .build()
        .unwrap();
    let partner = carepa();
    let scenario = Scenario::new(start, days)
        .unwrap()
        .inflow_daily("Necoclí", Nationality::Unknown, vec![1_000; days as usize])
        .unwrap()
        .event(Event::quota(Target::place("Necoclí"), QuotaSchedule::from(&partner)));
    for run in [
        model.run_cohorts(&scenario).unwrap(),
        model.run(&scenario, 2021).unwrap(),
    ] {
        let dep = run.departure_values("Necoclí").unwrap();
        assert_eq!(dep.len(), days as usize);
        for (t, &left) in dep.iter().enumerate() {
            let d = start + Duration::days(t as i64);
            assert_eq!(left, partner.limit_on(d).unwrap_or(1_000), "{d}");
        }
        assert_conserved(&run);
    }
}

/// Boat crews A (300 migrants a month) and B (200) at stage 0 (Necoclí), guides C (250) and D (400) at stage 1,
/// a transporter E (600) at stage 2; ties A-C, A-D, B-D, C-E, D-E.
fn network() -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    let actor = |name: &str, stage: u32, at: &str, cap: u32| {
        Actor::person(name).stage(StageServed::new(stage, at)).capacity(cap)
    };
    let a = b.add_actor(actor("A", 0, "Necoclí", 300));
    let bb = b.add_actor(actor("B", 0, "Necoclí", 200));
    let c = b.add_actor(actor("C", 1, "Capurganá", 250));
    let d = b.add_actor(actor("D", 1, "Capurganá", 400));
    let e = b.add_actor(actor("E", 2, "Bajo Chiquito", 600));
    for (u, v) in [(a, c), (a, d), (bb, d), (c, e), (d, e)] {
        b.add_tie(u, v, Tie::undirected(TieKind::Logistics)).unwrap();
    }
    b.build().unwrap()
}

#[test]
fn a_capacity_cut_from_arrests_in_a_smuggling_network() {
    let net = network();
    let d = net.find("D").unwrap();
    let arrests = net.disrupt(&[d]).unwrap();
    // networkx 3.6 maximum_flow_value on the node-split graph (tests/reference-scripts/sim_capacity_cut.py):
    // 500 before, 250 after arresting D; by hand, A and B carry 300 + 200 through C (250) and D (400), and
    // without D only A -> C -> E is left, bounded by C's 250.
    let cap = |m: &corridor::network::DisruptionMetrics| m.corridor().unwrap().capacity();
    assert_eq!(cap(arrests.before()), corridor::network::Capacity::Bounded(500));
    assert_eq!(cap(arrests.after()), corridor::network::Capacity::Bounded(250));
    assert_eq!(capacity_ratio(&arrests).unwrap(), 0.5);
    assert_eq!(
        capacity_ratio(&net.disrupt(&[net.find("A").unwrap()]).unwrap()).unwrap(),
        0.4
    );

    // The route the network works carries 500 a day and 600 a day gather at Necoclí, so the route binds every
    // day and a queue builds; the operation halves it for the 30 days of April.
    let start = date!(2022 - 03 - 01);
    let days = 90u32;
    let model = Model::builder()
        .place(place("Necoclí", PlaceKind::GatheringTown))
        .place(place("Capurganá", PlaceKind::Destination))
        .route(
            Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1).unwrap())
                .unwrap()
                .throughput(500)
                .unwrap(),
        )
        .build()
        .unwrap();
    let base = Scenario::new(start, days)
        .unwrap()
        .inflow_daily("Necoclí", Nationality::Unknown, vec![600; days as usize])
        .unwrap();
    let (first, last) = (date!(2022 - 04 - 01), date!(2022 - 04 - 30));
    let cut = base
        .clone()
        .event(Event::capacity_cut_from("Necoclí", "Capurganá", first, last, &arrests).unwrap());
    let (a, b) = (
        (first - start).whole_days() as usize,
        (last - start).whole_days() as usize,
    );
    for (without, with) in [
        (model.run_cohorts(&base).unwrap(), model.run_cohorts(&cut).unwrap()),
        (model.run(&base, 5).unwrap(), model.run(&cut, 5).unwrap()),
    ] {
        let arr0 = without.arrival_values("Capurganá").unwrap();
        let arr1 = with.arrival_values("Capurganá").unwrap();
        // A day's departures arrive the next day: 500 a day, 250 a day while the cut lasts.
        for t in 1..days as usize {
            assert_eq!(arr0[t], 500, "day {t}");
            let expect = if (a + 1..=b + 1).contains(&t) { 250 } else { 500 };
            assert_eq!(arr1[t], expect, "day {t}");
        }
        // 30 days at 250 fewer: 7,500 fewer arrivals, waiting at Necoclí instead.
        let total = |v: &[u64]| v.iter().sum::<u64>();
        assert_eq!(total(arr0) - total(arr1), 7_500);
        assert_eq!(
            with.stock_values("Necoclí").unwrap()[days as usize - 1]
                - without.stock_values("Necoclí").unwrap()[days as usize - 1],
            7_500
        );
        assert_conserved(&without);
        assert_conserved(&with);
        assert_eq!(with.entered(), 54_000);
    }
}

#[test]
fn a_capacity_cut_needs_a_bounded_corridor() {
    // No actor serves a stage: no corridor to measure.
    let mut b = SmugglingNetwork::builder();
    let x = b.add_actor(Actor::person("X"));
    let net = b.build().unwrap();
    let err = capacity_ratio(&net.disrupt(&[x]).unwrap()).unwrap_err();
    assert!(err.to_string().contains("no corridor"), "{err}");
    // Nobody states a capacity: the data give no ratio.
    let mut b = SmugglingNetwork::builder();
    let x = b.add_actor(Actor::person("X").stage(StageServed::new(0, "Turbo")));
    let y = b.add_actor(Actor::person("Y").stage(StageServed::new(1, "Acandí")));
    b.add_tie(x, y, Tie::undirected(TieKind::Logistics)).unwrap();
    let net = b.build().unwrap();
    let err = Event::capacity_cut_from(
        "a",
        "b",
        date!(2022 - 01 - 01),
        date!(2022 - 01 - 31),
        &net.disrupt(&[x]).unwrap(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unbounded"), "{err}");
    // A period that ends before it starts.
    let arrests = network().disrupt(&[]).unwrap();
    assert!(Event::capacity_cut_from("a", "b", date!(2022 - 02 - 01), date!(2022 - 01 - 31), &arrests).is_err());
}
