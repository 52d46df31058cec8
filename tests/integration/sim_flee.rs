//! Flee's published Mali 2012 scenario (Suleimenova, Bell & Groen 2017, Sci. Rep. 7:13377; input files of Flee
//! v3.1, BSD-3-Clause, copied to tests/data/flee/ with Flee's licence) read into a model and scenario, and run with
//! the agent engine beside the mean of ten Flee 3.1 runs on the same input
//! (`tests/data/flee/mali/flee_3.1_runs.json`, made by `tests/reference-scripts/flee_run.py`; hasten 10).
#![cfg(feature = "csv")]
#![allow(clippy::needless_range_loop)] // day-indexed series side by side read best by day

use std::fs::File;
use std::path::{Path, PathBuf};

use corridor::Error;
use corridor::io::ReadError;
use corridor::io::flee::{
    FleeInput, FleeSettings, read_flee_closures, read_flee_conflicts, read_flee_counts, read_flee_dir,
    read_flee_layout, read_flee_locations, read_flee_period, read_flee_routes,
};
use corridor::sim::{Model, Scenario};
use serde_json::Value;
use time::macros::date;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/flee/mali")
}

fn open(name: &str) -> File {
    File::open(dir().join(name)).unwrap()
}

/// The scale-down factor of the reference runs.
const HASTEN: u32 = 10;

fn mali() -> (FleeInput, Model, Scenario) {
    let input = read_flee_dir(dir()).unwrap();
    let settings = FleeSettings::default().hasten(HASTEN);
    let model = input.model(&settings).unwrap();
    let scenario = input.scenario(&settings).unwrap();
    (input, model, scenario)
}

/// The input assembled file by file, as this test and `benches/sim_flee.rs` did before `read_flee_dir`.
fn by_hand() -> FleeInput {
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
    input
}

#[test]
fn read_flee_dir_reads_mali() {
    let input = read_flee_dir(dir()).unwrap();
    assert_eq!(input, by_hand());
    // Read by hand from the files: 23 rows of locations.csv, 35 of routes.csv, conflict_period.csv
    // "StartDate,2012-02-29" and "Length,300".
    assert_eq!(input.locations().len(), 23);
    assert_eq!(input.routes().len(), 35);
    assert_eq!(input.routes()[0].ends(), ("Douentza", "Mentao"));
    assert_eq!(input.routes()[0].distance_km(), 487.0);
    assert_eq!(input.period(), (date!(2012 - 02 - 29), 300));
    // source_data/data_layout.csv: total (refugees.csv) and the seven camps, in the file's order.
    let keys: Vec<&str> = input.camps().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "Bobo-Dioulasso",
            "Mentao",
            "Fassala-Mbera",
            "Abala",
            "Mangaize",
            "Tabareybarey",
            "Niamey"
        ]
    );
    // refugees.csv: 133 rows under its header, from 2012-02-29,20075 and 2012-03-07,25281 to 2015-12-31,139173.
    let total = input.displaced_counts().unwrap().points();
    assert_eq!(total.len(), 133);
    assert_eq!(
        total[..2],
        [(date!(2012 - 02 - 29), 20_075.0), (date!(2012 - 03 - 07), 25_281.0)]
    );
    assert_eq!(total[132], (date!(2015 - 12 - 31), 139_173.0));
    // mau-fassala-mbera.csv: 65 rows, 2012-02-29,17790 first; nig-niamey.csv: 9 rows, 2013-01-31,6624 last.
    let fassala = input.camps()[2].1.points();
    assert_eq!((fassala.len(), fassala[0]), (65, (date!(2012 - 02 - 29), 17_790.0)));
    let niamey = input.camps()[6].1.points();
    assert_eq!((niamey.len(), niamey[8]), (9, (date!(2013 - 01 - 31), 6_624.0)));
}

/// A scenario directory of three locations under the system's temporary directory, whose
/// `data_layout.csv` names `layout` and whose source files are `files`; removed by the caller.
fn scenario_dir(name: &str, layout: &str, files: &[(&str, &str)]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("corridor-flee-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("source_data")).unwrap();
    let conflicts: String = (0..20).map(|t| t.to_string() + ",1\n").collect();
    for (file, text) in [
        (
            "locations.csv",
            "#name,region,country,lat,lon,location_type,conflict_date,population\nA,A,ABC,0,0,conflict_zone,0,1000\nB,B,ABC,0,0,town,,500\nC,C,DEF,0,0,camp,,0\n",
        ),
        ("routes.csv", "#name1,name2,distance\nA,B,100\nB,C,400\n"),
        ("closures.csv", "#closure_type,name1,name2,closure_start,closure_end\n"),
        ("conflicts.csv", &format!("#Day,A\n{conflicts}")),
        ("conflict_period.csv", "StartDate,2012-01-01\nLength,20\n"),
        ("source_data/data_layout.csv", layout),
    ]
    .into_iter()
    .chain(files.iter().copied())
    {
        std::fs::write(d.join(file), text).unwrap();
    }
    d
}

#[test]
fn read_flee_dir_sums_the_files_of_a_row() {
    let d = scenario_dir(
        "sum",
        "total,t1.csv,t2.csv\nC,c1.csv,c2.csv\n",
        &[
            ("source_data/t1.csv", "2012-01-01,100\n2012-01-11,600\n2012-01-16,700\n"),
            ("source_data/t2.csv", "2012-01-01,50\n2012-01-06,150\n2012-01-21,250\n"),
            ("source_data/c1.csv", "2012-01-01,40\n2012-01-10,80\n"),
            ("source_data/c2.csv", "2012-01-01,5\n2012-01-05,7\n2012-01-10,9\n"),
        ],
    );
    let input = read_flee_dir(&d);
    std::fs::remove_dir_all(&d).unwrap();
    let input = input.unwrap();
    // By hand, as Flee 3.1's DataTable.AddCSVTables adds t2 to t1 (no interpolation): day 0: 100 + 50; day 5
    // (t2 only): 150 + t1's next count 600; day 10 (t1 only): t2's previous count 150 + 600; day 15: 150 + 700;
    // t2's day 20 is past t1's end and dropped. Checked with Flee itself on the same files (flee 3.1, python 3.11):
    //   RefugeeTable(csvformat="generic", data_directory="source_data", start_date="2012-01-01",
    //                data_layout="data_layout.csv", population_scaledown_factor=1).data_table
    //   -> [[0,150],[5,750],[10,750],[15,850]] and [[0,45],[4,87],[9,89]]
    assert_eq!(
        input.displaced_counts().unwrap().points(),
        [
            (date!(2012 - 01 - 01), 150.0),
            (date!(2012 - 01 - 06), 750.0),
            (date!(2012 - 01 - 11), 750.0),
            (date!(2012 - 01 - 16), 850.0)
        ]
    );
    // C: day 0: 40 + 5; day 4 (c2 only): 7 + c1's next count 80; day 9: 9 + 80.
    assert_eq!(input.camps()[0].0, "C");
    assert_eq!(
        input.camps()[0].1.points(),
        [
            (date!(2012 - 01 - 01), 45.0),
            (date!(2012 - 01 - 05), 87.0),
            (date!(2012 - 01 - 10), 89.0)
        ]
    );
    // Spawning follows the summed total: Flee's get_field("total", t) for t = 0..19 is
    // [150, 270, 390, 510, 630, 750 x6, 770, 790, 810, 830, 850 x5], so 850 - 150 = 700 people spawned
    // (Flee: sum of get_daily_difference(t) for t = 1..19 = 700), plus C's day-0 count get_field("C", 0) = 45.
    // (Interpolating each file before adding would give 700 + 243 = 943 on day 19.)
    let scenario = input.scenario(&FleeSettings::default()).unwrap();
    assert_eq!(scenario.total_inflow(), 700 + 45);
}

#[test]
fn read_flee_dir_names_what_is_missing() {
    let d = scenario_dir(
        "missing",
        "total,t.csv\nC,c.csv\n",
        &[("source_data/t.csv", "2012-01-01,10\n")],
    );
    let found = read_flee_dir(&d);
    std::fs::remove_file(d.join("closures.csv")).unwrap();
    let no_closures = read_flee_dir(&d);
    std::fs::remove_dir_all(&d).unwrap();
    // c.csv, named by data_layout.csv, is absent.
    let err = found.unwrap_err();
    let Error::File { path, source } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, &d.join("source_data/c.csv"));
    assert!(
        matches!(&**source, Error::Io(e) if e.kind() == std::io::ErrorKind::NotFound),
        "{err}"
    );
    assert!(err.to_string().contains("c.csv: i/o error"), "{err}");
    // closures.csv is required, as Flee 3.1's run.py opens it.
    let err = no_closures.unwrap_err();
    let Error::File { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, &d.join("closures.csv"));
    assert!(err.to_string().contains("closures.csv"), "{err}");
}

#[test]
fn read_flee_dir_errors_name_the_file_and_line() {
    // A bad count on line 2 of the camp's file.
    let d = scenario_dir(
        "bad",
        "total,t.csv\nC,c.csv\n",
        &[
            ("source_data/t.csv", "2012-01-01,10\n"),
            ("source_data/c.csv", "2012-01-01,10\n2012-01-05,x\n"),
        ],
    );
    let bad_cell = read_flee_dir(&d).unwrap_err();
    // No row for the camp C.
    std::fs::write(d.join("source_data/data_layout.csv"), "total,t.csv\n").unwrap();
    let no_camp = read_flee_dir(&d).unwrap_err();
    // A second file that starts after the first: Flee 3.1's AddCSVTables fails (IndexError).
    std::fs::write(d.join("source_data/data_layout.csv"), "total,t.csv,c.csv\nC,t.csv\n").unwrap();
    std::fs::write(d.join("source_data/c.csv"), "2012-01-05,3\n").unwrap();
    let late = read_flee_dir(&d).unwrap_err();
    std::fs::remove_dir_all(&d).unwrap();
    let c = d.join("source_data/c.csv");
    assert_eq!(
        bad_cell.to_string(),
        format!("{}: line 2, column 2: not a number: \"x\"", c.display())
    );
    assert_eq!(
        no_camp.to_string(),
        format!(
            "{}: data_layout.csv row \"C\": absent for this camp (Flee 3.1 reads each camp's day-0 count from its row)",
            d.join("source_data/data_layout.csv").display()
        )
    );
    let Error::File { path, source } = &late else {
        panic!("{late}")
    };
    assert_eq!(path, &c);
    assert!(
        matches!(&**source, Error::Read(ReadError::FleeLayout { key, .. }) if key == "total"),
        "{late}"
    );
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
