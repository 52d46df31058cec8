//! The corridor simulation: the cohort engine on 10^7 people over 3,650 days on a 10-place
//! corridor, the agent engine's agent-steps per second, and the ensemble over cores.
//!
//! The corridor: a gathering town (dwell 2 days, 3,000 a day may leave), two boat routes, two
//! trails (uniform 2-10 days and log-normal mean 5, attrition), two villages, two reception
//! stations (dwell 2, one holding 544) and a border post before the destination. Inflow 2,740 a day
//! (10^7 over 3,650 days). An agent-step is one person on one day (people held or in transit,
//! summed over the days). Run: `cargo bench --bench sim` (and `--features parallel` for the
//! ensemble over both cores).

use std::hint::black_box;

use corridor::flow::Nationality;
use corridor::sim::{Model, Place, PlaceKind, Route, Run, Scenario, Transit};
use criterion::{Criterion, criterion_group, criterion_main};
use time::macros::date;

fn model() -> Model {
    let p = |n: &str, k| Place::new(n, k).unwrap();
    let fixed = |d| Transit::fixed(d).unwrap();
    Model::builder()
        .place(
            p("Necoclí", PlaceKind::GatheringTown)
                .dwell(2)
                .throughput(3_000)
                .unwrap(),
        )
        .place(p("Capurganá", PlaceKind::CrossingPoint))
        .place(p("Acandí", PlaceKind::CrossingPoint))
        .place(p("Bajo Chiquito", PlaceKind::CrossingPoint))
        .place(p("Canaán Membrillo", PlaceKind::CrossingPoint))
        .place(p("Lajas Blancas", PlaceKind::ReceptionStation).dwell(2))
        .place(
            p("San Vicente", PlaceKind::ReceptionStation)
                .dwell(2)
                .holding(544)
                .unwrap(),
        )
        .place(p("Paso Canoas", PlaceKind::BorderPost))
        .place(p("Costa Rica", PlaceKind::Destination))
        .place(p("Turbo", PlaceKind::GatheringTown))
        .route(Route::new("Turbo", "Acandí", 1.0, fixed(1)).unwrap())
        .route(Route::new("Necoclí", "Capurganá", 0.5, fixed(1)).unwrap())
        .route(Route::new("Necoclí", "Acandí", 0.5, fixed(1)).unwrap())
        .route(
            Route::new("Capurganá", "Bajo Chiquito", 1.0, Transit::uniform(2, 10).unwrap())
                .unwrap()
                .attrition(0.0005, 0.01)
                .unwrap(),
        )
        .route(
            Route::new(
                "Acandí",
                "Bajo Chiquito",
                0.8,
                Transit::lognormal(5.0, 2.0).unwrap().within(2, 10).unwrap(),
            )
            .unwrap()
            .attrition(0.0005, 0.01)
            .unwrap(),
        )
        .route(Route::new("Acandí", "Canaán Membrillo", 0.2, Transit::uniform(3, 8).unwrap()).unwrap())
        .route(Route::new("Bajo Chiquito", "Lajas Blancas", 1.0, fixed(1)).unwrap())
        .route(Route::new("Canaán Membrillo", "San Vicente", 1.0, fixed(1)).unwrap())
        .route(Route::new("Lajas Blancas", "Paso Canoas", 1.0, fixed(1)).unwrap())
        .route(Route::new("San Vicente", "Paso Canoas", 1.0, fixed(1)).unwrap())
        .route(Route::new("Paso Canoas", "Costa Rica", 1.0, fixed(1)).unwrap())
        .build()
        .unwrap()
}

fn scenario(days: u32, per_day: u64) -> Scenario {
    Scenario::new(date!(2015 - 01 - 01), days)
        .unwrap()
        .inflow_daily("Necoclí", Nationality::Unknown, vec![per_day * 9 / 10; days as usize])
        .unwrap()
        .inflow_daily("Turbo", Nationality::Unknown, vec![per_day / 10; days as usize])
        .unwrap()
}

/// People held at a place that is not a destination, or in transit, summed over the days.
fn agent_steps(m: &Model, run: &Run) -> u64 {
    let mut steps = 0;
    for p in m.places().iter().filter(|p| p.kind() != PlaceKind::Destination) {
        steps += run.stock_values(p.name()).unwrap().iter().sum::<u64>();
    }
    for r in m.routes() {
        steps += run
            .route_in_transit(r.from(), r.to())
            .unwrap()
            .iter()
            .map(|(_, v)| v.unwrap())
            .sum::<u64>();
    }
    steps
}

fn bench(c: &mut Criterion) {
    let m = model();
    let mode = if cfg!(feature = "parallel") {
        "parallel"
    } else {
        "serial"
    };
    let big = scenario(3_650, 2_740);
    let small = scenario(365, 2_740);
    let run = m.run(&small, 1).unwrap();
    eprintln!(
        "agent engine, 365 days x 2,740 a day: {} people, {} agent-steps",
        run.entered(),
        agent_steps(&m, &run)
    );
    let mut g = c.benchmark_group(format!("sim/{mode}"));
    g.sample_size(10);
    g.bench_function("cohorts 1e7 people 3650 days 10 places", |b| {
        b.iter(|| m.run_cohorts(black_box(&big)).unwrap().entered());
    });
    g.bench_function("agents 1e6 people 365 days 10 places", |b| {
        b.iter(|| m.run(black_box(&small), 7).unwrap().entered());
    });
    g.bench_function("ensemble 8 seeds 1e6 people 365 days", |b| {
        b.iter(|| m.ensemble(black_box(&small), 7, 8).unwrap().runs().len());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
