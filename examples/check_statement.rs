//! Panama's statement of early 2022, claim by claim, beside the evidence that does not come from it:
//! the verdict, by how much a claim is off, what the evidence could and could not decide, and the
//! sources on both sides.
//!
//! Run with `cargo run --example check_statement`.

use std::error::Error;

use corridor::Source;
use corridor::datasets::darien;
use corridor::impact::{ImpactReport, Verdict};

/// A short citation: publisher, and address when known.
fn cite(s: &Source) -> String {
    match s.address_str() {
        Some(a) => format!("{} <{a}>", s.publisher()),
        None => s.publisher().to_owned(),
    }
}

/// `133726` as `133,726`; `6620.5` as `6,620.5`.
fn thousands(v: f64) -> String {
    let whole = v.abs().trunc() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = v.abs().fract();
    if frac > 1e-9 {
        out.push_str(&format!("{frac:.1}")[1..]);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// A range `lo–hi`, or `at least lo` without an upper bound.
fn range((lo, hi): (f64, Option<f64>)) -> String {
    match hi {
        Some(h) if h == lo => thousands(lo),
        Some(h) => format!("{}–{}", thousands(lo), thousands(h)),
        None => format!("at least {}", thousands(lo)),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let statement = darien::statement_2022().source;
    println!("Panama's statement of early 2022, checked");
    println!("=========================================");
    println!("claims from: {}", cite(&statement));
    println!("evidence: the embedded monthly and annual Darién series, the partner registry and the");
    println!("operations log, leaving out everything the statement's own ministry published.\n");

    let checks = darien::check_statement();
    let mut tally = [0usize; 3];
    for c in &checks {
        let claim = c.claim();
        println!("{}: \"{}\"", claim.label(), claim.text());
        println!("  verdict: {}", c.verdict().to_string().to_uppercase());
        tally[match c.verdict() {
            Verdict::Consistent => 0,
            Verdict::Inconsistent => 1,
            Verdict::NotVerifiable => 2,
        }] += 1;
        if let Some(d) = c.discrepancy() {
            println!(
                "  off by: {} {} ({:.1} %): {} claimed {}, the evidence allows {}",
                thousands(d.by().abs()),
                if d.by() > 0.0 { "above" } else { "below" },
                d.relative().abs() * 100.0,
                d.quantity(),
                range(d.claimed()),
                range(d.evidence())
            );
        }
        for d in c.decided() {
            println!("  decided: {d}");
        }
        for u in c.undecided() {
            println!("  undecided: {u}");
        }
        if c.evidence().is_empty() {
            println!("  evidence used: none independent");
        } else {
            println!("  evidence used ({}):", c.evidence().len());
            for e in c.evidence().iter().take(6) {
                let src = e.source().map_or_else(|| "no source".to_owned(), cite);
                println!("    - {}  [{src}]", e.what());
            }
            if c.evidence().len() > 6 {
                println!("    … and {} more", c.evidence().len() - 6);
            }
        }
        for e in c.set_aside() {
            let src = e
                .source()
                .map_or_else(|| "no source".to_owned(), |s| s.publisher().to_owned());
            println!("  set aside (the claim's own source): {}  [{src}]", e.what());
        }
        println!("  claimed by: {}\n", claim.source().publisher());
    }
    println!(
        "{} consistent, {} inconsistent, {} not verifiable.",
        tally[0], tally[1], tally[2]
    );

    let report = ImpactReport::for_statement(&statement, darien::statement_period(), checks)?;
    println!(
        "The statement's impact report rests on {} distinct sources.",
        report.sources().len()
    );
    Ok(())
}
