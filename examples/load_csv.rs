//! Reads a flow CSV or HXL file named on the command line (or standard input) and
//! prints a summary: records, periods, totals with their bounds, top nationalities,
//! the monthly series, and every bad row — or one clear error.
//!
//! ```text
//! cargo run --example load_csv -- flows.csv
//! cargo run --example load_csv -- --lenient flows.csv
//! cargo run --example load_csv -- --group "Haiti (plus Brazil and Chile)" flows.csv
//! cargo run --example load_csv -- --new-groups flows.csv
//! cat flows.csv | cargo run --example load_csv
//! ```
//!
//! A nationality label that is no country or category must be declared with `--group`,
//! or every such label accepted with `--new-groups`; the groups read are listed.

use std::error::Error;
use std::fs::File;
use std::io::{BufReader, Read};

use corridor::Granularity;
use corridor::flow::GroupBy;
use corridor::io::{ReadMode, ReadOptions, read_flows_csv_with};

fn main() -> Result<(), Box<dyn Error>> {
    let (mut lenient, mut new_groups) = (false, false);
    let mut groups = Vec::new();
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lenient" => lenient = true,
            "--new-groups" => new_groups = true,
            "--group" => groups.push(args.next().ok_or("--group needs a label")?),
            "-h" | "--help" => {
                println!(
                    "usage: load_csv [--lenient] [--group LABEL]... [--new-groups] [FILE]   (reads standard input without FILE)"
                );
                return Ok(());
            }
            _ => path = Some(arg),
        }
    }
    let input: Box<dyn Read> = match &path {
        Some(p) => Box::new(BufReader::new(
            File::open(p).map_err(|e| format!("cannot open {p}: {e}"))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let mode = if lenient { ReadMode::Lenient } else { ReadMode::Strict };
    let options = ReadOptions::new()
        .mode(mode)
        .ignore_unknown_columns(lenient)
        .groups(&groups)
        .accept_new_groups(new_groups);
    let name = path.as_deref().unwrap_or("standard input");
    let report = match read_flows_csv_with(input, &options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::exit(1);
        }
    };
    let table = report.table();
    println!("{name}: {} records ({:?} header)", table.len(), report.header());
    for c in report.ignored_columns() {
        println!("  ignored column {c:?}");
    }
    for g in report.groups() {
        println!("  nationality group {:?}", g.as_str());
    }
    for e in report.errors() {
        println!("  skipped: {e}");
    }
    if table.is_empty() {
        return Ok(());
    }
    let total = table.total();
    let c = total.total();
    match c.upper() {
        Some(u) if u == c.lower() => println!("total: {}", c.point()),
        Some(u) => println!("total: {} (between {} and {u})", c.point(), c.lower()),
        None => println!("total: {} (at least {})", c.point(), c.lower()),
    }
    println!("sources: {}", total.sources().len());
    println!("top nationalities:");
    for s in table.top_k(GroupBy::Nationality, 5) {
        println!(
            "  {:<30} {:>12} {:>6.1} %",
            s.key().to_string(),
            s.total().point(),
            s.share() * 100.0
        );
    }
    match table.group_by(Granularity::Month, GroupBy::Nationality) {
        Ok(groups) => {
            println!("month x nationality groups: {}", groups.len());
            if let (Some(first), Some(last)) = (groups.first(), groups.last()) {
                println!("months: {} .. {}", first.period(), last.period());
            }
        }
        Err(e) => println!("not groupable by month: {e}"),
    }
    Ok(())
}
