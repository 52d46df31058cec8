//! Did the flow through the Darién change when states acted? An interrupted time series of the monthly
//! crossings around three events — the Carepa quota agreed with Colombia (9 August 2021), the United
//! States' expulsion policy for Venezuelans (12 October 2022) and the trilateral US–Colombia–Panama
//! campaign (11 April 2023) — with level and slope change, their intervals, the counterfactual and the
//! caveats in plain words. Every figure is followed by its source.
//!
//! Run with `cargo run --example intervention`.

use std::error::Error;

use corridor::Period;
use corridor::datasets::darien;
use corridor::impact::{DatedEvent, FlowEffect, FlowEffectFit};
use corridor::stats::{Family, its::Seasonality};
use time::Date;
use time::macros::date;

/// The events, each with the date it took effect and where that date comes from.
fn events() -> Vec<(&'static str, Date, &'static str)> {
    vec![
        (
            "Carepa quota (Panama–Colombia)",
            date!(2021 - 08 - 09),
            "Ministerio de Relaciones Exteriores de Panamá, 2021-08-09 (fact S05)",
        ),
        (
            "US expulsion policy for Venezuelans",
            date!(2022 - 10 - 12),
            "latintimes.com, note on the 2022-11 row of the monthly data",
        ),
        (
            "trilateral 60-day campaign (US–Colombia–Panama)",
            date!(2023 - 04 - 11),
            "U.S. Department of Homeland Security, Trilateral Joint Statement, 2023-04-11 (fact S29)",
        ),
    ]
}

/// Other dated events that may coincide with the ones studied.
fn context() -> Vec<DatedEvent> {
    let day = |d: Date| Period::day(d);
    vec![
        DatedEvent::new("Carepa quota (Panama–Colombia)", day(date!(2021 - 08 - 09))),
        DatedEvent::new("August 2021 ministerial on migration", day(date!(2021 - 08 - 11))),
        DatedEvent::new("Operación Binacional Crepúsculo", day(date!(2021 - 09 - 21))),
        DatedEvent::new("Bogotá ministerial on migration", day(date!(2021 - 10 - 20))),
        DatedEvent::new("US expulsion policy for Venezuelans", day(date!(2022 - 10 - 12))),
        DatedEvent::new("Panama–Costa Rica operation", day(date!(2022 - 12 - 20))),
        DatedEvent::new(
            "trilateral 60-day campaign (US–Colombia–Panama)",
            day(date!(2023 - 04 - 11)),
        ),
        DatedEvent::new("Campaña Escudo", day(date!(2023 - 06 - 02))),
    ]
}

fn main() -> Result<(), Box<dyn Error>> {
    let monthly = darien::monthly();
    println!("INTERVENTIONS AND THE FLOW THROUGH THE DARIÉN");
    println!("=============================================");
    println!(
        "Monthly crossings {} .. {} ({} months published month by month; {} gaps, never read as zero).\n\
         Model: crossings = trend + level and slope change after the event + month-of-year terms,\n\
         least squares with Newey–West errors (lag 3); the window stops at 2024-03, before 2024's gaps.\n",
        monthly.start(),
        monthly.end(),
        monthly.len() - monthly.gap_count(),
        monthly.gap_count()
    );
    for (label, when, cite) in events() {
        let fit = FlowEffect::after(&monthly, when)
            .label(label)
            .window("2020-01".parse()?, "2024-03".parse()?)
            .seasonality(Seasonality::Dummies { period: 12 })
            .hac(3)
            .events(context())
            .fit()?;
        report(&fit, when, cite);
        // The same question on the log scale: a quasi-Poisson model of crossings per day.
        let rate = FlowEffect::after(&monthly, when)
            .label(label)
            .window("2020-01".parse()?, "2024-03".parse()?)
            .seasonality(Seasonality::Dummies { period: 12 })
            .family(Family::QuasiPoisson)
            .fit()?;
        let (lo, hi) = rate.level_change().interval();
        println!(
            "   per-day rate ratio at the break (quasi-Poisson): {:.2} (95 % CI {:.2} to {:.2})\n",
            rate.level_change().value().exp(),
            lo.exp(),
            hi.exp()
        );
    }
    println!("Read these as associations in a short, turbulent series, not as effects proven:");
    println!("each event shares its months with others, and crossings answered to conditions far away.");
    Ok(())
}

fn report(fit: &FlowEffectFit, when: Date, cite: &str) {
    let (first, last) = fit.window();
    println!("{} ({when}) [{cite}]", fit.label());
    println!(
        "   first full month after it: {}; fitted {first} .. {last}",
        fit.first_after()
    );
    let (lo, hi) = fit.level_change().interval();
    println!(
        "   level change: {:+.0} crossings a month (95 % CI {lo:+.0} to {hi:+.0}, p = {:.3})",
        fit.level_change().value(),
        fit.level_change().p_value()
    );
    let (lo, hi) = fit.slope_change().interval();
    println!(
        "   slope change: {:+.0} crossings a month per month (95 % CI {lo:+.0} to {hi:+.0}, p = {:.3})",
        fit.slope_change().value(),
        fit.slope_change().p_value()
    );
    if let Some(end) = fit.points().last() {
        let (lo, hi) = fit.end_absolute().interval();
        println!(
            "   {}: observed {:.0}, fitted {:.0}, without the event (counterfactual) {:.0}: \
             difference {:+.0} (95 % CI {lo:+.0} to {hi:+.0})",
            end.period(),
            end.observed(),
            end.fitted(),
            end.counterfactual(),
            fit.end_absolute().value()
        );
    }
    let publishers: std::collections::BTreeSet<&str> = fit.sources().iter().map(corridor::Source::publisher).collect();
    println!(
        "   the months come from {} sources: {}",
        fit.sources().len(),
        publishers.into_iter().collect::<Vec<_>>().join(", ")
    );
    println!("   caveats:");
    for c in fit.caveats() {
        println!("   - {c}");
    }
}
