//! The Darién corridor simulated from 2021 to 2024: calibration on 2021–2022, a held-out 2023,
//! the Necoclí backlog under the Carepa quota beside the reported ~15,000, waiting times at the
//! reception stations, and the counterfactual without the quota.
//!
//! Run with `cargo run --release --example corridor_simulation`; with the `plot` feature,
//! `cargo run --release --example corridor_simulation --features plot -- --svg DIR` also writes the
//! simulated stocks per place to `DIR/corridor_stocks.svg`.

use std::error::Error;
use std::path::PathBuf;

use corridor::Period;
use corridor::datasets::darien::{self, DarienFit};
use corridor::flow::FlowSeries;
use corridor::sim::{Calibration, Loss, Measure, Run, ard};

const COUNTED_AT: [&str; 2] = ["Bajo Chiquito", "Canaán Membrillo"];

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn score(sim: &FlowSeries, observed: &FlowSeries, first: &str, last: &str) -> corridor::Result<f64> {
    let obs = observed.slice(first.parse()?, last.parse()?)?;
    Ok(ard(sim, &obs).unwrap_or(f64::NAN))
}

fn stock_on(run: &Run, place: &str, date: time::Date) -> u64 {
    let t = (date - run.start()).whole_days() as usize;
    run.stock_values(place).map_or(0, |v| v[t])
}

fn max_stock_between(run: &Run, place: &str, a: time::Date, b: time::Date) -> u64 {
    let (i, j) = (
        (a - run.start()).whole_days() as usize,
        (b - run.start()).whole_days() as usize,
    );
    run.stock_values(place)
        .map_or(0, |v| v[i..=j].iter().copied().max().unwrap_or(0))
}

/// The directory given with `--svg DIR`, if any.
fn svg_dir() -> Result<Option<PathBuf>, Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--svg" => {
                let d = args.next().ok_or("--svg needs a directory: --svg DIR")?;
                if cfg!(not(feature = "plot")) {
                    return Err("--svg needs the `plot` feature: \
                        cargo run --release --example corridor_simulation --features plot -- --svg DIR"
                        .into());
                }
                dir = Some(PathBuf::from(d));
            }
            other => return Err(format!("unknown argument {other:?} (usage: corridor_simulation [--svg DIR])").into()),
        }
    }
    Ok(dir)
}

/// Writes the run's stocks per place to `dir/corridor_stocks.svg`.
#[cfg(feature = "plot")]
fn write_svg(run: &Run, observed: &FlowSeries, dir: &std::path::Path) -> Result<PathBuf, Box<dyn Error>> {
    use corridor::plot::{Chart, StocksChart, stocks_svg};
    let chart = Chart::default()
        .size(1100, 540)
        .title("Darién corridor 2021–2024: people held at each place (simulated)")
        .note("Cohort engine, stored calibrated parameters; inflow from Panama's monthly crossings, the Carepa quota and the 2023 buses as levers.");
    let svg = stocks_svg(run, &StocksChart::default().sources(observed.sources()).chart(chart))?;
    std::fs::create_dir_all(dir)?;
    let path = dir.join("corridor_stocks.svg");
    std::fs::write(&path, svg)?;
    Ok(path)
}

#[allow(clippy::too_many_lines)] // one story, told in order
fn main() -> Result<(), Box<dyn Error>> {
    let svg = svg_dir()?;
    let observed = darien::monthly();

    // 1. Calibration on 2021-2022 (Poisson deviance of monthly crossings), from a stated start.
    let calibration = Calibration::new(observed.clone(), &COUNTED_AT)
        .window("2021-01".parse()?, "2022-12".parse()?)?
        .loss(Loss::PoissonDeviance)
        .max_evaluations(600);
    let build = |x: &[f64]| {
        let p = DarienFit::from_slice(x);
        Ok((p.model()?, p.scenario()?))
    };
    let fit = calibration.fit(&DarienFit::START, &DarienFit::LOWER, &DarienFit::UPPER, build)?;
    let stored = DarienFit::calibrated();
    println!(
        "Calibration on 2021-2022 (Poisson deviance), {} runs of the cohort engine",
        fit.evaluations()
    );
    println!("{:<24} {:>10} {:>10} {:>10}", "parameter", "start", "fitted", "stored");
    for (i, name) in DarienFit::NAMES.iter().enumerate() {
        println!(
            "{name:<24} {:>10.3} {:>10.3} {:>10.3}",
            DarienFit::START[i],
            fit.params()[i],
            stored.to_vec()[i]
        );
    }
    println!("deviance at the fit: {:.0}", fit.loss());

    // 2. The embedded model and scenario (stored calibrated values) against the record.
    let model = darien::corridor_model();
    let scenario = darien::scenario_2021_2024();
    let run = model.run_cohorts(&scenario)?;
    let sim = run.monthly_arrivals_at(&COUNTED_AT).expect("places of the model");
    println!("\nMonthly crossings counted by Panama (Bajo Chiquito + Canaán Membrillo)");
    println!("{:<8} {:>10} {:>10}", "month", "observed", "simulated");
    for (p, s) in &sim {
        if p < "2021-01".parse::<Period>()? {
            continue;
        }
        let o = observed
            .get(p)
            .flatten()
            .map_or("gap".to_owned(), |c| thousands(c.point()));
        println!("{:<8} {:>10} {:>10}", p.to_string(), o, thousands(s.unwrap_or(0)));
    }
    println!(
        "ARD (Flee's averaged relative difference): calibration 2021-2022 {:.3}, held-out 2023 {:.3}, 2021-2024 (published months) {:.3}",
        score(&sim, &observed, "2021-01", "2022-12")?,
        score(&sim, &observed, "2023-01", "2023-12")?,
        score(&sim, &observed, "2021-01", "2024-12")?
    );

    // 3. The Necoclí backlog under the Carepa quota.
    let (aug11, aug31, sep30) = (
        time::macros::date!(2021 - 08 - 11),
        time::macros::date!(2021 - 08 - 31),
        time::macros::date!(2021 - 09 - 30),
    );
    println!(
        "\nNecoclí: simulated {} waiting on 11 Aug 2021 (reported: about 15,000); at most {} in Aug-Sep 2021",
        thousands(stock_on(&run, "Necoclí", aug11)),
        thousands(max_stock_between(
            &run,
            "Necoclí",
            time::macros::date!(2021 - 08 - 01),
            sep30
        ))
    );
    let wait = run.monthly_mean_wait("Necoclí").expect("a place");
    for (m, w) in wait
        .iter()
        .filter(|(m, _)| m.year_of_start() == 2021 && (7..=10).contains(&m.month_number().unwrap_or(0)))
    {
        println!("  {m}: mean wait {:.1} days", w.unwrap_or(f64::NAN));
    }

    // 4. Waiting at the reception stations.
    println!("\nReception stations: mean days waited by those who left, by quarter-end month");
    for station in ["Lajas Blancas", "San Vicente", "Canaán Membrillo"] {
        let w = run.monthly_mean_wait(station).expect("a place");
        let row: Vec<String> = w
            .iter()
            .filter(|(m, _)| matches!(m.month_number(), Some(3 | 6 | 9 | 12)))
            .map(|(m, w)| format!("{m} {:.1}", w.unwrap_or(f64::NAN)))
            .collect();
        println!("  {station:<17} {}", row.join(" | "));
    }
    let sv = run.summary("San Vicente").expect("a place");
    println!(
        "  San Vicente held at most {} (capacity 544); Canaán Membrillo at most {} waiting for room",
        sv.max_stock(),
        thousands(run.summary("Canaán Membrillo").expect("a place").max_stock())
    );
    let lb = run.summary("Lajas Blancas").expect("a place");
    println!(
        "  Lajas Blancas held at most {} (buses from 10 Oct 2023: 22 of 53 seats a day)",
        thousands(lb.max_stock())
    );

    // 5. The counterfactual without the quota.
    let no_quota = scenario.clone().without_events_where(|e| e.kind() == "quota");
    let cf = model.run_cohorts(&no_quota)?;
    let cf_sim = cf.monthly_arrivals_at(&COUNTED_AT).expect("places");
    println!("\nWithout the Carepa quota");
    println!(
        "  Necoclí on 31 Aug 2021: {} with the quota, {} without",
        thousands(stock_on(&run, "Necoclí", aug31)),
        thousands(stock_on(&cf, "Necoclí", aug31))
    );
    for m in ["2021-08", "2021-09", "2021-10", "2021-11", "2021-12"] {
        let p: Period = m.parse()?;
        println!(
            "  {m}: crossings {} with the quota, {} without",
            thousands(sim.get(p).flatten().map_or(0, corridor::Count::point)),
            thousands(cf_sim.get(p).flatten().map_or(0, corridor::Count::point))
        );
    }

    // 6. The agent engine: 20 seeds, a band for the Necoclí backlog.
    let ensemble = model.ensemble(&scenario, 2021, 20)?;
    let t = (aug31 - run.start()).whole_days() as usize;
    let lo = ensemble.band("Necoclí", Measure::Stock, 0.05)?[t];
    let hi = ensemble.band("Necoclí", Measure::Stock, 0.95)?[t];
    let mean = ensemble.mean("Necoclí", Measure::Stock)?[t];
    println!("\nAgent engine, 20 seeds: Necoclí on 31 Aug 2021 mean {mean:.0}, 90% band {lo:.0} to {hi:.0}");

    // 7. With the `plot` feature, the stocks per place as SVG.
    #[cfg(feature = "plot")]
    if let Some(dir) = svg {
        println!(
            "\nStocks per place written to {}",
            write_svg(&run, &observed, &dir)?.display()
        );
    }
    #[cfg(not(feature = "plot"))]
    let _ = svg;
    Ok(())
}
