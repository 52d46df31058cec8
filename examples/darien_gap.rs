//! The Darién Gap in figures: what Panama's statement of early 2022 said, and what
//! the monthly data says, every figure followed by its source.
//!
//! Run with `cargo run --example darien_gap`. With the `plot` feature it also draws its charts:
//! `cargo run --example darien_gap --features plot -- --svg DIR` writes `darien_monthly.svg` (the
//! monthly series with its changepoints), `darien_years.svg` (2021 beside a normal year) and
//! `darien_statement.svg` (the statement's peak beside the data) into `DIR`.

use std::error::Error;

use corridor::datasets::darien::{self, Statement2022, TotalKind};
use corridor::flow::{FlowFilter, FlowSeries, FlowTable, GroupBy};
use corridor::stats::{Cost, Pelt, Penalty};
use corridor::{Count, Period, Source};

/// A short citation: publisher and address.
fn cite(s: &Source) -> String {
    match s.address_str() {
        Some(a) => format!("[{}: {a}]", s.publisher()),
        None => format!("[{}]", s.publisher()),
    }
}

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

/// A count's text with its digits grouped: "about 10,000", "9,000..=11,000".
fn count_text(c: &Count) -> String {
    group_digits(&c.to_string())
}

/// The bounds of a count, grouped: `9,000..=11,000`, or `61..` when there is no upper bound.
fn bounds_text(c: &Count) -> String {
    match c.upper() {
        Some(u) => format!("{}..={}", thousands(c.lower()), thousands(u)),
        None => format!("{}..", thousands(c.lower())),
    }
}

/// Every run of digits in `text` with thousands separators.
fn group_digits(text: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for ch in text.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        if !digits.is_empty() {
            out.push_str(&digits.parse::<u64>().map_or(digits.clone(), thousands));
            digits.clear();
        }
        out.push(ch);
    }
    out.pop();
    out
}

fn percent_change(from: f64, to: f64) -> f64 {
    (to - from) / from * 100.0
}

/// `--svg DIR` from the command line, if given.
fn svg_dir() -> Result<Option<std::path::PathBuf>, Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let mut dir = None;
    while let Some(a) = args.next() {
        if a == "--svg" {
            dir = Some(args.next().ok_or("--svg needs a directory: --svg DIR")?.into());
        } else {
            return Err(format!(
                "unknown argument \"{}\" (usage: darien_gap [--svg DIR])",
                a.to_string_lossy()
            )
            .into());
        }
    }
    if dir.is_some() && !cfg!(feature = "plot") {
        return Err(
            "--svg needs the `plot` feature: cargo run --example darien_gap --features plot -- --svg DIR".into(),
        );
    }
    Ok(dir)
}

/// Changepoints of the monthly series: PELT (change in mean and variance, MBIC penalty, R
/// `changepoint::cpt.meanvar` conventions) on the log counts of the months from the start of the
/// series to the first unpublished month, segments at least three months long.
fn changepoints(monthly: &FlowSeries) -> Result<Vec<usize>, Box<dyn Error>> {
    let logs: Vec<f64> = monthly
        .to_f64()
        .into_iter()
        .map_while(|v| v.map(|v| (v + 1.0).ln()))
        .collect();
    let cpts = Pelt::new(Cost::NormalMeanVar)
        .penalty(Penalty::Mbic)
        .min_segment_len(3)
        .detect(&logs)?;
    Ok(cpts.indices().to_vec())
}

fn main() -> Result<(), Box<dyn Error>> {
    let svg = svg_dir()?;
    let monthly = darien::monthly();
    let statement = darien::statement_2022();

    println!("THE DARIÉN GAP IN FIGURES");
    println!("=========================");
    println!(
        "Irregular crossings from Colombia into Panama through the Darién jungle, as counted by Panama's\n\
         National Migration Service (SNM). Monthly data: {} to {}, {} months, {} of them not published\n\
         month by month (gaps stay gaps, never zero).\n",
        monthly.start(),
        monthly.end(),
        monthly.len(),
        monthly.gap_count()
    );

    years(&monthly)?;
    versus_normal_year(&statement)?;
    peak_and_fall(&monthly)?;
    nationalities()?;
    statement_beside_data(&monthly, &statement)?;
    let cpts = changepoints(&monthly)?;
    let names: Vec<String> = cpts
        .iter()
        .filter_map(|&i| monthly.periods().nth(i))
        .map(|p| p.to_string())
        .collect();
    println!(
        "\n7. Changepoints (PELT, change in mean and variance of the log counts, MBIC; months {} to the first gap)\n   new segments start in {}",
        monthly.start(),
        names.join(", ")
    );
    further();
    if let Some(dir) = svg {
        charts::write(&dir, &monthly, &statement, &cpts)?;
    }
    Ok(())
}

/// Where the story continues: the operations and partners behind the statement, and its claims checked.
fn further() {
    use corridor::impact::Verdict;
    let log = darien::operations();
    let reg = darien::partners();
    let checks = darien::check_statement();
    let count = |v: Verdict| checks.iter().filter(|c| c.verdict() == v).count();
    println!(
        "\n8. Further\n   {} operations and {} agreements, meetings and campaigns are embedded \
         (darien::operations, darien::partners):\n   `cargo run --example joint_operations` shows their timeline, \
         arrests and rescues per partner with their bounds,\n   the cooperation network of states and who was \
         engaged with Panama after the August 2021 ministerial.\n   The statement's {} claims checked against \
         independent evidence (darien::check_statement): {} consistent,\n   {} inconsistent, {} not verifiable; \
         `cargo run --example check_statement` sets each beside its evidence.\n   \
         `cargo run --example intervention` estimates the flow effect of chosen events.",
        log.len(),
        reg.agreements().len(),
        checks.len(),
        count(Verdict::Consistent),
        count(Verdict::Inconsistent),
        count(Verdict::NotVerifiable)
    );
}

/// The charts behind `--svg DIR` (feature `plot`).
#[cfg(feature = "plot")]
mod charts {
    use std::error::Error;
    use std::path::Path;

    use corridor::datasets::darien::{self, Statement2022, TotalKind};
    use corridor::flow::FlowSeries;
    use corridor::plot::{Chart, SeriesChart, series_svg};

    pub(crate) fn write(
        dir: &Path,
        monthly: &FlowSeries,
        statement: &Statement2022,
        cpts: &[usize],
    ) -> Result<(), Box<dyn Error>> {
        std::fs::create_dir_all(dir)?;
        let mut written = Vec::new();
        let mut save = |name: &str, svg: String| -> std::io::Result<()> {
            let path = dir.join(name);
            std::fs::write(&path, svg)?;
            written.push(path);
            Ok(())
        };

        // The monthly series with its changepoints.
        let chart = SeriesChart::default()
            .title("Irregular crossings of the Darién Gap into Panama, per month")
            .changepoints(cpts)
            .chart(
                Chart::default()
                    .title("Irregular crossings of the Darién Gap into Panama, per month")
                    .y_label("people per month")
                    .note("Unpublished months are gaps, not zeros. Vertical rules: changepoints (PELT, mean and variance of log counts, MBIC)."),
            );
        save("darien_monthly.svg", series_svg(monthly, &chart)?)?;

        // 2021 beside a normal year: the annual totals (Panama's counts) and the statement's normal year.
        let annual = darien::annual_totals();
        let mut years = Vec::new();
        let mut sources = Vec::new();
        for year in 2020..=2024 {
            let figure = annual.iter().find(|f| {
                f.year() == year && f.kind() == TotalKind::Annual && f.counting_agency().starts_with("Panama")
            });
            years.push(figure.map(|f| *f.total()));
            if let Some(f) = figure {
                sources.push(f.source().clone());
            }
        }
        let mut series = FlowSeries::new("2020".parse()?, years)?;
        for s in sources.into_iter().chain(std::iter::once(statement.source.clone())) {
            series = series.with_source(s);
        }
        let chart = SeriesChart::default()
            .bars(true)
            .reference(
                "a normal year, as the statement of early 2022 put it",
                statement.normal_year.point() as f64,
            )
            .chart(
                Chart::default()
                    .title("2021 beside a normal year: crossings per year")
                    .y_label("people per year")
                    .note(
                        "Bars: annual totals counted by Panama. Rule: the statement's \"about 10,000\" a normal year.",
                    ),
            );
        save("darien_years.svg", series_svg(&series, &chart)?)?;

        // The statement's peak beside the data: the mean per day of each month.
        let months = monthly
            .slice("2021-01".parse()?, "2022-02".parse()?)?
            .with_source(statement.source.clone());
        let chart = SeriesChart::default()
            .bars(true)
            .per_day(true)
            .reference("statement: at the peak, per day", statement.peak_per_day.point() as f64)
            .reference("statement: early 2022, per day", statement.latest_per_day.point() as f64)
            .chart(
                Chart::default()
                    .title("The statement's peak beside the data: crossings per day")
                    .y_label("people per day (monthly mean)")
                    .note("Bars: each month's count over its days. 2,461 a day was a peak day, about three times August 2021's mean."),
            );
        save("darien_statement.svg", series_svg(&months, &chart)?)?;

        for p in written {
            println!("   wrote {}", p.display());
        }
        Ok(())
    }
}

/// Without the `plot` feature `--svg` is refused before anything is computed.
#[cfg(not(feature = "plot"))]
mod charts {
    use std::error::Error;
    use std::path::Path;

    use corridor::datasets::darien::Statement2022;
    use corridor::flow::FlowSeries;

    pub(crate) fn write(_: &Path, _: &FlowSeries, _: &Statement2022, _: &[usize]) -> Result<(), Box<dyn Error>> {
        Err("--svg needs the `plot` feature".into())
    }
}

/// 1. Totals per year, every published figure with its source.
fn years(monthly: &FlowSeries) -> Result<(), Box<dyn Error>> {
    println!("1. Crossings per year");
    let annual = darien::annual_totals();
    for year in 2020..=2024 {
        for f in annual
            .iter()
            .filter(|f| f.year() == year && f.kind() == TotalKind::Annual)
        {
            println!(
                "   {year}: {:>9}  counted by {}  {}",
                thousands(f.total().point()),
                f.counting_agency(),
                cite(f.source())
            );
        }
        let months = monthly.slice(format!("{year}-01").parse()?, format!("{year}-12").parse()?)?;
        match months.total() {
            Some(t) => println!("   {year}: {:>9}  sum of the 12 monthly figures", thousands(t.point())),
            None => println!(
                "   {year}:           {} of 12 months unpublished: no annual sum from the monthly data",
                months.gap_count()
            ),
        }
    }
    println!("   Where figures disagree (2020: 8,594 vs 6,465; 2023: Panama's arrivals vs Colombia's departures)");
    println!("   both are kept with their sources: choose the one that counts what you need.\n");
    Ok(())
}

/// 2. 2021 against a normal year.
fn versus_normal_year(statement: &Statement2022) -> Result<(), Box<dyn Error>> {
    let annual = darien::annual_totals();
    println!("2. 2021 against a normal year");
    let y2021 = annual
        .iter()
        .find(|f| f.year() == 2021 && f.kind() == TotalKind::Annual)
        .ok_or("no 2021 total")?;
    let normal = &statement.normal_year;
    println!(
        "   2021: {} crossings {}",
        thousands(y2021.total().point()),
        cite(y2021.source())
    );
    println!(
        "   a normal year: {} {}\n   -> 2021 was {:.1} times a normal year",
        count_text(normal),
        cite(&statement.source),
        y2021.total().point() as f64 / normal.point() as f64
    );
    println!(
        "   ({:?} is kept with its bounds: {} people)\n",
        count_text(normal),
        bounds_text(normal)
    );

    Ok(())
}

/// 3. The peak month and its rate per day; 4. the fall to the latest month.
fn peak_and_fall(monthly: &FlowSeries) -> Result<(), Box<dyn Error>> {
    println!("3. The peak month");
    let (peak_i, (peak_p, peak_v)) = monthly
        .iter()
        .enumerate()
        .filter_map(|(i, (p, v))| v.map(|v| (i, (p, v))))
        .max_by_key(|(_, (_, v))| *v)
        .ok_or("empty series")?;
    let peak_src = monthly.sources_at(peak_i).next().ok_or("no source")?;
    println!(
        "   {peak_p}: {} crossings = {} a day over its {} days {}",
        thousands(peak_v),
        thousands((peak_v as f64 / f64::from(peak_p.days())).round() as u64),
        peak_p.days(),
        cite(peak_src)
    );
    println!("\n4. From the peak to the latest month");
    let last_i = monthly.len() - 1;
    let last_p = monthly.end();
    let last_v = monthly.point(last_i).ok_or("latest month missing")?;
    let last_src = monthly.sources_at(last_i).next().ok_or("no source")?;
    println!(
        "   {last_p}: {} crossings = {:.2} a day {}",
        thousands(last_v),
        last_v as f64 / f64::from(last_p.days()),
        cite(last_src)
    );
    println!(
        "   change from the peak: {:.2} %\n",
        percent_change(peak_v as f64, last_v as f64)
    );

    Ok(())
}

/// 5. Top nationalities and their shares per year.
///
/// The by-nationality table gathers several sources that count the same people
/// (WOLA's tabulation, later SNM releases, a Chilean paper's count of Chile-born
/// children who are also in WOLA's "Haiti (plus Brazil and Chile)" group): each year
/// uses one source, the one with the most rows, and divides by the published total
/// for the same period.
fn nationalities() -> Result<(), Box<dyn Error>> {
    println!("5. Top nationalities by year (share of the published total for the same period)");
    let by_nat = darien::by_nationality();
    let annual = darien::annual_totals();
    for year in 2020..=2024 {
        let y = Period::year(year)?;
        let rows = by_nat.filter(&FlowFilter::new().within(y.start(), y.end()));
        // 2023 has January–August and full-year rows: use the full year where there is one.
        let full: FlowTable = rows.iter().filter(|r| r.period() == y).map(|r| r.to_record()).collect();
        let rows = if full.is_empty() { rows } else { full };
        // Row notes live in each row's source, so pick the source by its address.
        let address = |r: &corridor::flow::RecordRef<'_>| r.source().and_then(|s| s.address_str()).map(str::to_owned);
        let addresses: Vec<Option<String>> = rows.iter().map(|r| address(&r)).collect();
        let chosen = addresses
            .iter()
            .max_by_key(|a| addresses.iter().filter(|b| b == a).count())
            .ok_or("no rows")?
            .clone();
        let rows: FlowTable = rows
            .iter()
            .filter(|r| address(r) == chosen)
            .map(|r| r.to_record())
            .collect();
        let source = rows.get(0).and_then(|r| r.source().cloned()).ok_or("no source")?;
        let period = rows.get(0).ok_or("no rows")?.period();
        let same_period: Vec<_> = annual.iter().filter(|f| f.period() == period).collect();
        let Some(total) = same_period
            .iter()
            .find(|f| f.source().publisher() == source.publisher())
            .or_else(|| same_period.iter().find(|f| f.counting_agency().starts_with("Panama")))
        else {
            println!("   {year}: no published total for {period}");
            continue;
        };
        let shares: Vec<String> = rows
            .top_k(GroupBy::Nationality, 3)
            .iter()
            .map(|s| {
                format!(
                    "{} {:.1} %",
                    s.key(),
                    s.total().point() as f64 / total.total().point() as f64 * 100.0
                )
            })
            .collect();
        println!(
            "   {period}: {}\n      of {} {}; rows {}",
            shares.join(", "),
            thousands(total.total().point()),
            cite(total.source()),
            cite(&source)
        );
    }
    println!();
    Ok(())
}

/// 6. The press statement beside the data.
fn statement_beside_data(monthly: &FlowSeries, statement: &Statement2022) -> Result<(), Box<dyn Error>> {
    println!(
        "6. The statement of early 2022 beside the monthly data {}",
        cite(&statement.source)
    );
    let s = statement;
    println!(
        "   statement: {} a day at the peak ({}) -> {} a day: {:.1} %",
        count_text(&s.peak_per_day),
        s.peak_month,
        count_text(&s.latest_per_day),
        percent_change(s.peak_per_day.point() as f64, s.latest_per_day.point() as f64)
    );
    let aug_i = monthly.position(s.peak_month).ok_or("August 2021 not in the series")?;
    let aug = monthly.point(aug_i).ok_or("August 2021 missing")?;
    println!(
        "   data: August 2021 averaged {} a day ({} in {} days) {}",
        thousands((aug as f64 / f64::from(s.peak_month.days())).round() as u64),
        thousands(aug),
        s.peak_month.days(),
        cite(monthly.sources_at(aug_i).next().ok_or("no source")?)
    );
    println!("         so 2,461 was a peak day, about three times that month's mean;");
    for m in ["2022-01", "2022-02"] {
        let p: Period = m.parse()?;
        if let Some(v) = monthly.position(p).and_then(|i| monthly.point(i)) {
            println!(
                "         {m} averaged {} a day",
                thousands((v as f64 / f64::from(p.days())).round() as u64)
            );
        }
    }
    println!(
        "   statement: {} crossed in 2021 against {} in a normal year: about {:.0} times",
        count_text(&s.crossed_2021),
        count_text(&s.normal_year),
        s.crossed_2021.point() as f64 / s.normal_year.point() as f64
    );
    let total_2021: Count = monthly
        .slice("2021-01".parse()?, "2021-12".parse()?)?
        .total()
        .ok_or("gap in 2021")?;
    println!(
        "   data: the 12 months of 2021 sum to {} ({} the statement's bounds {})",
        thousands(total_2021.point()),
        if s.crossed_2021.contains(total_2021.point()) {
            "inside"
        } else {
            "outside"
        },
        bounds_text(&s.crossed_2021)
    );
    println!(
        "   statement: {} partner states engaged; arrests: {} in the Clan del Golfo network (with Colombia),\n   {} with Costa Rica; {} alleged smugglers arrested and {} victims rescued in one operation",
        count_text(&s.partner_states),
        count_text(&s.arrests_clan_del_golfo),
        count_text(&s.arrests_with_costa_rica),
        count_text(&s.smugglers_one_operation),
        count_text(&s.victims_rescued)
    );
    println!("   (\"over 60\" is kept as at least 61, never silently as 60.)");
    Ok(())
}
