//! Flee's published Mali 2012 scenario (Suleimenova, Bell & Groen 2017, Sci. Rep. 7:13377; input files of Flee
//! v3.1, BSD-3-Clause, copied to tests/data/flee/ with Flee's licence) read into a model and scenario, and run with
//! the agent engine beside the mean of ten Flee 3.1 runs on the same input
//! (`tests/data/flee/mali/flee_3.1_runs.json`, made by `tests/reference-scripts/flee_run.py`; hasten 10).
#![cfg(feature = "csv")]
#![allow(clippy::needless_range_loop)] // day-indexed series side by side read best by day

use std::fs::File;
use std::path::{Path, PathBuf};

use corridor::io::flee::{
    FleeInput, FleeSettings, read_flee_closures, read_flee_conflicts, read_flee_counts, read_flee_layout,
    read_flee_locations, read_flee_period, read_flee_routes,
};
use corridor::sim::{Model, Scenario};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/flee/mali")
}

fn open(name: &str) -> File {
    File::open(dir().join(name)).unwrap()
}

/// The scale-down factor of the reference runs.
const HASTEN: u32 = 10;

fn mali() -> (FleeInput, Model, Scenario) {
    let (start, days) = read_flee_period(open("conflict_period.csv")).unwrap();
    let mut input = FleeInput::new(
        read_flee_locations(open("locations.csv")).unwrap(),
        read_flee_routes(open("routes.csv")).unwrap(),
        start,
        days,
    )
    .unwrap()
    .closures(read_flee_closures(open("closures.csv")).unwrap())
    .conflicts(read_flee_conflicts(open("conflicts.csv")).unwrap())
    .unwrap();
    for (key, files) in read_flee_layout(open("source_data/data_layout.csv")).unwrap() {
        assert_eq!(files.len(), 1, "one file a key in Mali");
        let counts = read_flee_counts(open(&format!("source_data/{}", files[0]))).unwrap();
        input = if key == "total" {
            input.displaced(counts)
        } else {
            input.camp_counts(key, counts)
        };
    }
    let settings = FleeSettings::default().hasten(HASTEN);
    let model = input.model(&settings).unwrap();
    let scenario = input.scenario(&settings).unwrap();
    (input, model, scenario)
}

fn reference() -> Value {
    serde_json::from_reader(open("flee_3.1_runs.json")).unwrap()
}

#[test]
fn reads_the_mali_files() {
    let (input, model, scenario) = mali();
    // locations.csv: 23 locations; routes.csv: 35 routes, each both ways.
    assert_eq!(model.places().len(), 23);
    assert_eq!(model.routes().len(), 70);
    assert_eq!(input.period().1, 300);
    assert_eq!(scenario.start(), time::macros::date!(2012 - 02 - 29));
    // closures.csv: Mali-Burkina Faso days 0-21 (Douentza-Mentao, Mopti-Mentao, Mopti-Bobo, Segou-Bobo),
    // Mali-Niger days 0-32 (Menaka-Abala, Menaka-Mangaize, Ansongo-Tabareybarey, Menaka-Tabareybarey); both ways.
    let closures = scenario.events().iter().filter(|e| e.kind() == "closure").count();
    assert_eq!(closures, 16);
    // Conflict zones that start late in conflicts.csv (Menaka day 1 ... Lere day 273) or start as towns change their
    // leave chance on the days their status is not the model's.
    assert!(
        scenario
            .events()
            .iter()
            .all(|e| matches!(e.kind(), "closure" | "leave chance"))
    );
    // Flee's spawning on the same input: the same number of people every run (its origins are drawn, not its
    // totals), plus the camps' day-0 counts (Flee: agents at the end = spawned + day 0).
    let r = reference();
    let spawned = r["spawned_total"][0].as_u64().unwrap();
    assert!(
        r["spawned_total"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v.as_u64() == Some(spawned))
    );
    // Flee's agents at the end (15,730 = 13,723 spawned + 2,007 placed in the camps on day 0) are exactly the
    // scenario's inflow.
    let agents_end = r["agents_end"][0].as_u64().unwrap();
    assert!(
        r["agents_end"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v.as_u64() == Some(agents_end))
    );
    assert_eq!(scenario.total_inflow(), agents_end);
    assert!(scenario.total_inflow() > spawned);
}

#[test]
fn beside_flee() {
    let (_, model, scenario) = mali();
    let r = reference();
    let camps = [
        "Fassala-Mbera",
        "Mentao",
        "Bobo-Dioulasso",
        "Abala",
        "Mangaize",
        "Niamey",
        "Tabareybarey",
    ];
    let seeds = 5u64;
    let days = scenario.days() as usize;
    let mut ours = vec![vec![0.0; days]; model.places().len()];
    for seed in 0..seeds {
        let run = model.run(&scenario, seed).unwrap();
        for (i, p) in model.places().iter().enumerate() {
            for (t, v) in run.stock_values(p.name()).unwrap().iter().enumerate() {
                ours[i][t] += *v as f64 / seeds as f64;
            }
        }
    }
    let flee = |name: &str| -> Vec<f64> {
        r["mean_population"][name]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    // Held at places at the end (people on routes aside) within 2 % of Flee's.
    let held_end: f64 = ours.iter().map(|v| v[days - 1]).sum();
    let flee_end: f64 = model.places().iter().map(|p| flee(p.name())[days - 1]).sum();
    assert!(
        (held_end - flee_end).abs() < 0.02 * flee_end,
        "{held_end} vs {flee_end}"
    );
    // Flee's validation measure, between the two models: on each day, Σ over camps |ours − Flee| / Σ Flee,
    // averaged over the days.
    let mut total = 0.0;
    for t in 0..days {
        let (mut diff, mut sum) = (0.0, 0.0);
        for c in camps {
            let i = model.places().iter().position(|p| p.name() == c).unwrap();
            diff += (ours[i][t] - flee(c)[t]).abs();
            sum += flee(c)[t];
        }
        total += diff / sum;
    }
    let ard = total / days as f64;
    // Measured 0.245 (5 seeds here, 10 Flee runs): the two models differ by the rules listed in the docs of
    // corridor::io::flee and corridor::sim, above all Flee's soft camp capacities (agents re-route when a camp
    // fills; here they queue for it upstream: Ansongo and Menaka for Tabareybarey and Mangaize, Douentza and Mopti
    // for Mentao) and its same-day hops. Without camp capacities the difference is 0.71.
    eprintln!("ARD over camps, agent engine (5 seeds) against Flee 3.1 (10 runs): {ard:.3}");
    assert!((0.15..0.35).contains(&ard), "ARD over camps {ard}");
    // Before the camps fill (day 50) the largest camp agrees within 15 %.
    let f = model.places().iter().position(|p| p.name() == "Fassala-Mbera").unwrap();
    let rel = (ours[f][50] - flee("Fassala-Mbera")[50]).abs() / flee("Fassala-Mbera")[50];
    assert!(
        rel < 0.15,
        "Fassala-Mbera on day 50: {} vs {}",
        ours[f][50],
        flee("Fassala-Mbera")[50]
    );
}
