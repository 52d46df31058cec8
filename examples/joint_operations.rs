//! The joint operations and partner states of the Darién corridor, on the embedded data: the timeline,
//! arrests and rescues per partner with their bounds, the cooperation network of states and its most
//! central members, and who was engaged with Panama between the August 2021 ministerial and the
//! statement of early 2022.
//!
//! Run with `cargo run --example joint_operations`.

use std::error::Error;

use corridor::datasets::darien;
use corridor::operation::{Crime, Measure, OperationLog, PartnerTotal, TimelineEvent};
use corridor::partner::{EngagementRecord, PartnerRegistry};
use corridor::{Count, Country, Period};
use time::macros::date;

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A count with its bounds: `42` when exact, `42–51`, `at least 61`.
fn bounds(c: Count) -> String {
    match c.upper() {
        Some(u) if u == c.lower() => thousands(u),
        Some(u) => format!("{}–{}", thousands(c.lower()), thousands(u)),
        None => format!("at least {}", thousands(c.lower())),
    }
}

fn per_partner(title: &str, totals: &[PartnerTotal]) {
    println!("  {title}:");
    for t in totals {
        println!(
            "    {} {:<24} {:>12}  in {} operation(s), {} source(s)",
            t.partner(),
            t.partner().name(),
            bounds(t.count()),
            t.operations().len(),
            t.sources().len()
        );
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let log = darien::operations();
    let reg = darien::partners();
    timeline(&log)?;
    per_partner_totals(&log)?;
    let since_summit = Period::range(date!(2021 - 08 - 11), darien::statement_period().end())?;
    network(&reg, since_summit)?;
    engaged(&reg, since_summit);
    println!("\nSee also: `cargo run --example check_statement` (each claim of the statement against this evidence).");
    Ok(())
}

fn timeline(log: &OperationLog) -> Result<(), Box<dyn Error>> {
    println!("Timeline of {} operations", log.len());
    println!("==========================");
    for e in log.timeline() {
        let what = match e.event() {
            TimelineEvent::InvestigationStarted => "investigation started",
            TimelineEvent::Announced => "announced",
            TimelineEvent::Executed => "executed",
            TimelineEvent::Ended => "ended",
            TimelineEvent::Retracted => "retracted",
            _ => "other",
        };
        let op = log.get(e.id()).ok_or("timeline names an operation of the log")?;
        let mark = if op.is_unconfirmed_elsewhere() {
            "  (only the statement reports it)"
        } else {
            ""
        };
        println!("  {:<24} {:<22} {}{mark}", e.period().to_string(), what, e.name());
    }

    Ok(())
}

fn per_partner_totals(log: &OperationLog) -> Result<(), Box<dyn Error>> {
    let statement = darien::statement_2022().source;
    let all: Period = "2020-01-01..2025-12-31".parse()?;
    println!("\nArrests and rescues per partner state, 2020–2025 (bounds kept: \"over 60\" is at least 61)");
    println!("==========================================================================================");
    per_partner("arrested, every record", &log.arrests_by_partner(all));
    let smuggling = log
        .totals(Measure::Arrested)
        .within(all)
        .crime(Crime::MigrantSmuggling)
        .excluding_source(&statement)
        .by_partner();
    per_partner(
        "arrested in operations against migrant smuggling, without the statement's own figures",
        &smuggling,
    );
    per_partner("rescued, every record", &log.rescued_by_partner(all));
    let crepusculo = log.get("crepusculo-2021").ok_or("Crepúsculo (S21)")?;
    println!(
        "  Crepúsculo (S21): {} arrested across its reports (Panama 21 or some 24, Costa Rica 21 or 24)",
        bounds(crepusculo.arrests())
    );

    Ok(())
}

fn network(reg: &PartnerRegistry, since_summit: Period) -> Result<(), Box<dyn Error>> {
    println!("\nThe cooperation network of states (shared agreements, meetings and operations)");
    println!("================================================================================");
    let coop = reg.cooperation_network(None)?;
    let net = coop.network();
    println!(
        "  all records: {} states, {} linked pairs, density {:.3} (the 1996 Regional Conference and the 2022\n  \
         Los Angeles Declaration link nearly every pair); most records shared:",
        coop.states().len(),
        coop.pairs().count(),
        net.density()
    );
    for (i, (c, v)) in coop.ranked(&net.strength()).into_iter().take(6).enumerate() {
        println!("    {}. {} {:<22} {:>4.0}", i + 1, c, c.name(), v);
    }
    let w = coop.weight(Country::PAN, Country::CRI);
    println!(
        "  Panama–Costa Rica: {} agreements and {} joint activities",
        w.agreements(),
        w.activities()
    );
    let recent = reg.cooperation_network(Some(since_summit))?;
    let rnet = recent.network();
    println!(
        "  {since_summit} only: {} linked pairs, density {:.3}; most records shared:",
        recent.pairs().count(),
        rnet.density()
    );
    for (i, (c, v)) in recent.ranked(&rnet.strength()).into_iter().take(6).enumerate() {
        println!("    {}. {} {:<22} {:>4.0}", i + 1, c, c.name(), v);
    }
    let broker = recent.ranked(&rnet.betweenness()).into_iter().next();
    match broker {
        Some((c, v)) if v > 0.0 => println!("  the main broker in that window: {c} (betweenness {v:.3})"),
        _ => println!(
            "  betweenness is 0 for every state in that window: the states engaged then are all linked to each\n  \
             other (the Bogotá ministerial of October 2021 brought them together), so none brokers between others"
        ),
    }

    Ok(())
}

fn engaged(reg: &PartnerRegistry, since_summit: Period) {
    println!("\nEngaged with Panama from the August 2021 ministerial to the statement ({since_summit})");
    println!("================================================================================");
    let engaged = reg.engaged_with(Country::PAN, since_summit);
    let engagements = reg.engagements(Country::PAN, since_summit);
    for c in &engaged {
        let mut records: Vec<String> = engagements
            .iter()
            .filter(|e| e.partner() == *c)
            .map(|e| match e.record() {
                EngagementRecord::Agreement { id }
                | EngagementRecord::Joined { id }
                | EngagementRecord::Activity { id } => id.clone(),
                EngagementRecord::Meeting { meeting, .. } => meeting.clone(),
                _ => "another record".to_owned(),
            })
            .collect();
        records.dedup();
        println!("  {} {:<24} {}", c, c.name(), records.join("; "));
    }
    println!(
        "  {} states named; {} counting the parties some sources give only as a number; the statement said \"more than ten\"",
        engaged.len(),
        bounds(reg.engaged_count(Country::PAN, since_summit))
    );
}
