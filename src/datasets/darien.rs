//! Irregular crossings of the Darién Gap, from Panama's National Migration Service
//! (SNM) as tabulated by WOLA and reported by the press.
//!
//! Every figure carries its [`Source`]. The data teaches four things about the model:
//!
//! - **Sources disagree.** 2020 has 8,594 crossings in SNM's annual figure and 6,465
//!   in the sum of its monthly tables: [`annual_totals`] keeps both, each with its
//!   source; the caller chooses.
//! - **Many figures are bounds or approximations** ("over 40 arrests", "nearly
//!   140,000"): they are [`Count`]s with their precision.
//! - **Some months are missing** (2024 April–July and September–October are not
//!   published month by month) and some are residuals of a published total
//!   ([`ValueType::Derived`]): gaps stay gaps in [`monthly`].
//! - **Nationality groups are not always countries**: "Haiti (plus Brazil and
//!   Chile)" counts children born in Chile or Brazil to Haitian parents with Haitians;
//!   it is a [`Nationality::Group`], never a fake country.
//!
//! # Examples
//! ```
//! use corridor::datasets::darien;
//!
//! let monthly = darien::monthly();
//! assert_eq!(monthly.start().to_string(), "2020-01");
//! assert_eq!(monthly.end().to_string(), "2025-07");
//! assert_eq!(monthly.gap_count(), 6);
//! # Ok::<(), corridor::Error>(())
//! ```

use time::{Date, Month};

mod check;
mod cooperation;

pub use check::check_statement;
pub use cooperation::{operations, partners};

use crate::flow::{FlowRecord, FlowSeries, FlowTable, GroupName, Nationality};
use crate::{Count, Period, Source};

mod sim;
pub use sim::{DarienFit, SimParameter, corridor_model, scenario_2021_2024, sim_parameters};

const MONTHLY_TOTALS: &str = include_str!("../../data/darien/darien_monthly_totals.csv");
const ANNUAL_TOTALS: &str = include_str!("../../data/darien/darien_annual_and_ytd_totals.csv");
const BY_NATIONALITY: &str = include_str!("../../data/darien/darien_by_nationality.csv");
const MONTHLY_BY_NATIONALITY: &str = include_str!("../../data/darien/darien_monthly_by_nationality_2020_2022.csv");

/// How a monthly figure was obtained.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::{monthly_figures, ValueType};
/// // December 2022 is the 2022 annual total minus the published months.
/// let figures = monthly_figures();
/// let dec_2022 = figures.iter().find(|f| f.period().to_string() == "2022-12").unwrap();
/// assert_eq!(dec_2022.value_type(), ValueType::Derived);
/// assert_eq!(dec_2022.crossings().point(), 20_269);
/// assert_eq!(figures.iter().filter(|f| f.value_type() == ValueType::Derived).count(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum ValueType {
    /// Summed from SNM's published monthly tables (by WOLA).
    OfficialTabulated,
    /// Reported by SNM or the security ministry for the month.
    OfficialReported,
    /// A residual: a published total minus the published months.
    Derived,
}

/// One month of crossings with how it was obtained and its source.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::{monthly_figures, ValueType};
/// // August 2021, from SNM's monthly report as tabulated by WOLA.
/// let figures = monthly_figures();
/// let aug = figures.iter().find(|f| f.period().to_string() == "2021-08").unwrap();
/// assert_eq!(aug.crossings().point(), 25_332);
/// assert_eq!(aug.value_type(), ValueType::OfficialTabulated);
/// assert_eq!(aug.source().publisher(), "WOLA");
/// assert!(aug.reliability().starts_with("high"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MonthlyFigure {
    period: Period,
    crossings: Count,
    value_type: ValueType,
    source: Source,
    reliability: String,
}

impl MonthlyFigure {
    /// The month.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// People who crossed.
    #[must_use]
    pub fn crossings(&self) -> &Count {
        &self.crossings
    }

    /// How the figure was obtained.
    #[must_use]
    pub fn value_type(&self) -> ValueType {
        self.value_type
    }

    /// Where it comes from; the data file's note is the source's note.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The compiler's reliability grading ("high", "medium (…)").
    #[must_use]
    pub fn reliability(&self) -> &str {
        &self.reliability
    }
}

/// Whether a total covers a whole year or the year up to a date.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::{annual_totals, TotalKind};
/// let totals = annual_totals();
/// // By 30 September 2022, 151,572 had crossed (Panama's security ministry).
/// let sep = totals.iter().find(|t| t.kind() == TotalKind::YearToDate && t.period().end().to_string() == "2022-09-30");
/// assert_eq!(sep.map(|t| t.total().point()), Some(151_572));
/// assert!(totals.iter().any(|t| t.year() == 2022 && t.kind() == TotalKind::Annual));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum TotalKind {
    /// January to December.
    Annual,
    /// January 1 to the period's end date.
    YearToDate,
}

/// An annual or year-to-date total, with the agency that counted and the source.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::{annual_totals, TotalKind};
/// // 2023 has two annual figures: Panama's arrivals and Colombia's departures.
/// let totals = annual_totals();
/// let y2023: Vec<_> = totals.iter().filter(|t| t.year() == 2023 && t.kind() == TotalKind::Annual).collect();
/// assert_eq!(y2023.len(), 2);
/// assert_eq!(y2023[0].total().point(), 520_085);
/// assert!(y2023[1].counting_agency().starts_with("Migración Colombia"));
/// assert_eq!(y2023[0].period().to_string(), "2023");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AnnualFigure {
    period: Period,
    kind: TotalKind,
    total: Count,
    counting_agency: String,
    source: Source,
    reliability: String,
}

impl AnnualFigure {
    /// The year (annual) or January 1 to the reporting date (year to date).
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The calendar year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.period.start().year()
    }

    /// Annual or year to date.
    #[must_use]
    pub fn kind(&self) -> TotalKind {
        self.kind
    }

    /// People counted.
    #[must_use]
    pub fn total(&self) -> &Count {
        &self.total
    }

    /// Who counted: Panama's SNM, its security ministry, or Colombia's migration
    /// authority (departures, a different count that is not a duplicate).
    #[must_use]
    pub fn counting_agency(&self) -> &str {
        &self.counting_agency
    }

    /// Where the figure comes from.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The compiler's reliability grading.
    #[must_use]
    pub fn reliability(&self) -> &str {
        &self.reliability
    }
}

/// Splits the embedded CSV text into records (header skipped).
fn rows(text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    csv::ReaderBuilder::new()
        .from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.expect("embedded Darién data is valid CSV (checked by the test suite)"))
}

/// The data files' `SOURCE` cells read "address (Publisher; detail)" or just an
/// address: the publisher is the text before the first `;` in the parentheses, or the
/// web host.
fn source(cell: &str, title: &str, note: &str) -> Source {
    let cell = cell.trim();
    let bracket = cell.find(" (").filter(|_| cell.ends_with(')'));
    let (address, publisher, detail) = if let Some(i) = bracket {
        let inner = &cell[i + 2..cell.len() - 1];
        let (publisher, detail) = inner.split_once(';').unwrap_or((inner, ""));
        (&cell[..i], publisher.trim(), detail.trim())
    } else {
        let host = cell
            .split("://")
            .nth(1)
            .unwrap_or(cell)
            .split('/')
            .next()
            .unwrap_or(cell);
        (cell, host.trim_start_matches("www."), "")
    };
    let note = [detail, note.trim()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
    let s = Source::new(publisher, title)
        .expect("embedded sources name a publisher")
        .address(address);
    if note.is_empty() { s } else { s.note(note) }
}

fn month(year: &str, month: &str) -> Period {
    let y: i32 = year.trim().parse().expect("embedded year is a number");
    let m: u8 = month.trim().parse().expect("embedded month is a number");
    Period::month(y, m).expect("embedded month is valid")
}

fn count(cell: &str) -> Count {
    cell.parse().expect("embedded count is valid")
}

/// Every month of 2020-01 … 2025-07 that has a figure, with its value type and source.
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// let figures = corridor::datasets::darien::monthly_figures();
/// // 67 months from 2020-01 to 2025-07, six of them unpublished.
/// assert_eq!(figures.len(), 61);
/// assert_eq!(figures[0].crossings().point(), 1_538); // January 2020
/// ```
#[must_use]
pub fn monthly_figures() -> Vec<MonthlyFigure> {
    const TITLE: &str = "Darién Gap monthly irregular crossings";
    rows(MONTHLY_TOTALS)
        .map(|r| MonthlyFigure {
            period: month(&r[0], &r[1]),
            crossings: count(&r[2]),
            value_type: match &r[3] {
                "official_tabulated" => ValueType::OfficialTabulated,
                "official_reported" => ValueType::OfficialReported,
                "derived" => ValueType::Derived,
                other => panic!("unknown value type {other:?} in embedded data"),
            },
            source: source(&r[4], TITLE, &r[5]),
            reliability: r[6].to_owned(),
        })
        .collect()
}

/// Monthly crossings 2020-01 … 2025-07 as a regular series; months without a
/// published figure (2024 April–July, September–October) are gaps, never zero.
///
/// Each value carries its source ([`FlowSeries::sources_at`]).
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// let s = darien::monthly();
/// // The months of 2021 add up to SNM's annual figure, 133,726.
/// let y2021 = s.slice("2021-01".parse()?, "2021-12".parse()?)?;
/// assert_eq!(y2021.total().map(|c| c.point()), Some(133_726));
/// // April 2024 was not published month by month: a gap, not a zero.
/// assert_eq!(s.get("2024-04".parse()?), Some(None));
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn monthly() -> FlowSeries {
    let table: FlowTable = monthly_figures()
        .into_iter()
        .map(|f| FlowRecord::new(f.period, f.crossings).source(f.source))
        .collect();
    FlowSeries::from_table(&table, crate::Granularity::Month).expect("embedded months form a series")
}

/// Annual totals 2010–2024 and dated year-to-date checkpoints, keeping every figure
/// (figures the compiler marks "approx" are [`Count::about`]) where sources disagree (2020: 8,594 from SNM's annual report and 6,465 from its
/// monthly tables; 2023: Panama's 520,085 arrivals and Colombia's 539,959 departures).
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien::{annual_totals, TotalKind};
/// // 2020: SNM's annual report (8,594) and the sum of its monthly tables (6,465) disagree; both are kept.
/// let mut y2020: Vec<u64> = annual_totals()
///     .iter()
///     .filter(|t| t.year() == 2020 && t.kind() == TotalKind::Annual)
///     .map(|t| t.total().point())
///     .collect();
/// y2020.sort_unstable();
/// assert_eq!(y2020, [6_465, 8_594]);
/// ```
#[must_use]
pub fn annual_totals() -> Vec<AnnualFigure> {
    const TITLE: &str = "Darién Gap annual and year-to-date crossings";
    rows(ANNUAL_TOTALS)
        .map(|r| {
            let end = Date::parse(&r[1], time::macros::format_description!("[year]-[month]-[day]"))
                .expect("embedded date is valid");
            let kind = if &r[2] == "annual" {
                TotalKind::Annual
            } else {
                TotalKind::YearToDate
            };
            let period = match kind {
                TotalKind::Annual => Period::year(end.year()),
                TotalKind::YearToDate => Period::range(
                    Date::from_calendar_date(end.year(), Month::January, 1).expect("valid"),
                    end,
                ),
            }
            .expect("embedded period is valid");
            // The compiler marks rounded figures "approx" (in the agency or the note):
            // they are kept as "about", not as exact counts.
            let approximate = r[4].contains("approx") || r[6].starts_with("approx");
            let total = if approximate {
                Count::about(count(&r[3]).point())
            } else {
                count(&r[3])
            };
            AnnualFigure {
                period,
                kind,
                total,
                counting_agency: r[4].to_owned(),
                source: source(&r[5], TITLE, &r[6]),
                reliability: r[7].to_owned(),
            }
        })
        .collect()
}

/// The period of a by-nationality row: "full year", "Jan-Aug", "Jan-Jul",
/// "Jan 1 - ~Dec 17" (the last published figure of 2024, dated 17 December).
fn nationality_period(year: i32, text: &str) -> Period {
    let d = |m: Month, day: u8| Date::from_calendar_date(year, m, day).expect("valid date");
    match text {
        "full year" => Period::year(year),
        "Jan-Aug" => Period::range(d(Month::January, 1), d(Month::August, 31)),
        "Jan-Jul" => Period::range(d(Month::January, 1), d(Month::July, 31)),
        "Jan 1 - ~Dec 17" => Period::range(d(Month::January, 1), d(Month::December, 17)),
        other => panic!("unknown period {other:?} in embedded data"),
    }
    .expect("valid period")
}

/// The nationality groups of the embedded tables that are not one country, declared
/// so that any other label must be a country or a fixed category ("Other").
pub const GROUPS: [&str; 2] = ["Haiti (plus Brazil and Chile)", "Chile (Chile-born, ~100% minors)"];

fn nationality(label: &str) -> Nationality {
    let groups = GROUPS.map(|g| GroupName::new(g).expect("declared group is a valid group label"));
    Nationality::from_known_label(label, &groups)
        .expect("embedded nationality is a country, a category or a declared group")
}

/// Annual crossings by nationality 2010–2025 (2023 has both January–August and
/// full-year rows; 2024 runs to about 17 December; 2025 to July), each with its
/// source. Filter by period before summing: the 2023 rows overlap.
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// use corridor::flow::{FlowFilter, GroupBy};
/// use time::macros::date;
/// let y2021 = darien::by_nationality().filter(&FlowFilter::new().within(date!(2021 - 01 - 01), date!(2021 - 12 - 31)));
/// // Haitians (with their Chile- and Brazil-born children) were three in four crossings of 2021.
/// let top = &y2021.top_k(GroupBy::Nationality, 1)[0];
/// assert_eq!(top.key().to_string(), "Haiti (plus Brazil and Chile)");
/// assert_eq!(top.total().point(), 101_072);
/// ```
#[must_use]
pub fn by_nationality() -> FlowTable {
    const TITLE: &str = "Darién Gap crossings by nationality";
    rows(BY_NATIONALITY)
        .map(|r| {
            let year: i32 = r[0].parse().expect("embedded year is a number");
            let note = if r[6].is_empty() {
                r[5].to_owned()
            } else {
                format!("{}; reliability: {}", &r[5], &r[6])
            };
            FlowRecord::new(nationality_period(year, &r[1]), count(&r[3]))
                .nationality(nationality(&r[2]))
                .source(source(&r[4], TITLE, note.trim_start_matches("; ")))
        })
        .collect()
}

/// Monthly crossings January 2020 – July 2022 by ten nationality groups (WOLA's
/// tabulation of SNM reports; blank cells of the source table are 0 as the compiler
/// notes), each with its source.
///
/// # Panics
/// Never: the embedded data is checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// use corridor::flow::GroupBy;
/// use corridor::Granularity;
/// let table = darien::monthly_by_nationality();
/// // Ten groups a month; their sum is the monthly total (1,538 in January 2020).
/// let months = table.group_by(Granularity::Month, GroupBy::Total)?;
/// assert_eq!(months.len(), 31); // January 2020 to July 2022
/// assert_eq!(months[0].total().point(), darien::monthly().point(0).unwrap());
/// assert_eq!(table.len(), 310);
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn monthly_by_nationality() -> FlowTable {
    const TITLE: &str = "Darién Gap monthly crossings by nationality";
    rows(MONTHLY_BY_NATIONALITY)
        .map(|r| {
            FlowRecord::new(month(&r[0], &r[1]), count(&r[3]))
                .nationality(nationality(&r[2]))
                .source(source(&r[4], TITLE, &r[5]))
        })
        .collect()
}

/// The figures of Panama's foreign-ministry statement of early 2022, the statement
/// this crate began from, each as a [`Count`] with its precision.
///
/// # Examples
/// ```
/// let s = corridor::datasets::darien::statement_2022();
/// assert_eq!(s.peak_per_day.point(), 2_461);
/// assert_eq!(s.peak_month.to_string(), "2021-08");
/// // "Nearly 140,000" is a bound below 140,000, not an exact figure.
/// assert!(!s.crossed_2021.is_exact() && s.crossed_2021.upper() == Some(140_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Statement2022 {
    /// Peak crossings per day, August 2021: 2,461.
    pub peak_per_day: Count,
    /// The month of that peak.
    pub peak_month: Period,
    /// Crossings per day at the time of the statement: 140.
    pub latest_per_day: Count,
    /// Crossings in 2021: "nearly 140,000".
    pub crossed_2021: Count,
    /// Crossings in a normal year: "about 10,000".
    pub normal_year: Count,
    /// Partner states engaged since the August 2021 ministerial summit: "more than ten".
    pub partner_states: Count,
    /// Arrests in the Clan del Golfo network with Colombia, December–January: "over 60".
    pub arrests_clan_del_golfo: Count,
    /// Arrests with Costa Rica, September 2021: "over 40".
    pub arrests_with_costa_rica: Count,
    /// Alleged smugglers arrested in one operation: 6.
    pub smugglers_one_operation: Count,
    /// Nicaraguan victims rescued in that operation: 26.
    pub victims_rescued: Count,
    /// The statement.
    pub source: Source,
}

/// The figures of the statement of early 2022 (see [`Statement2022`]).
///
/// # Panics
/// Never: the figures are constants checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// let s = darien::statement_2022();
/// // The peak of 2,461 a day was reached in August 2021, a month of 25,332 crossings.
/// assert_eq!(darien::monthly().get(s.peak_month), Some(Some(&corridor::Count::exact(25_332))));
/// assert!(s.arrests_with_costa_rica.contains(41));
/// ```
#[must_use]
pub fn statement_2022() -> Statement2022 {
    Statement2022 {
        peak_per_day: Count::exact(2461),
        peak_month: Period::month(2021, 8).expect("valid month"),
        latest_per_day: Count::exact(140),
        crossed_2021: count("nearly 140,000"),
        normal_year: count("about 10,000"),
        partner_states: count("more than 10"),
        arrests_clan_del_golfo: count("over 60"),
        arrests_with_costa_rica: count("over 40"),
        smugglers_one_operation: Count::exact(6),
        victims_rescued: Count::exact(26),
        source: Source::new(
            "Ministry of Foreign Affairs of Panama",
            "Statement on migration through the Darién",
        )
        .expect("the publisher is not empty")
        .note("early 2022; figures as listed in the crate's data/darien/README.md"),
    }
}

/// When the statement of early 2022 was made: the first quarter of 2022 (its "today"; it speaks of
/// December and January as past). The window of claims 3 and 4 runs from the August 2021 ministerial
/// (11 August, fact S02) to the end of this period.
///
/// # Panics
/// Never: the dates are constants.
///
/// # Examples
/// ```
/// let q = corridor::datasets::darien::statement_period();
/// assert_eq!(q.to_string(), "2022-Q1");
/// assert_eq!(q.days(), 90);
/// ```
#[must_use]
pub fn statement_period() -> Period {
    Period::quarter(2022, 1).expect("valid quarter")
}

/// The seven claims of Panama's foreign-ministry statement of early 2022, in its order, each with the
/// bounds of its phrase and the statement as its one source (the [`Source`] of [`statement_2022`]).
///
/// 1. crossings fell from 2,461 a day at the peak in August 2021 to 140 a day "today": a rate change
///    from a peak day of 2021-08 to a single day of the statement's period ([`statement_period`]);
/// 2. nearly 140,000 in 2021 against about 10,000 in a normal year: a ratio to a baseline, "a normal
///    year" read as the median of the annual totals 2011–2020 (the phrase names no years);
/// 3. more than ten strategic partners, the United States, Canada and Colombia among them, engaged
///    since the August 2021 ministerial;
/// 4. work with the Dominican Republic, Colombia and the United States to dismantle smuggling
///    organisations (in the same window);
/// 5. "last month": six alleged coyotes arrested and 26 Nicaraguan victims rescued (last month read as
///    December 2021 to February 2022);
/// 6. December and January: with Colombian authorities, over 60 arrested in the Clan del Golfo network;
/// 7. September 2021: with Costa Rican authorities, over 40 accused smugglers arrested.
///
/// # Panics
/// Never: the claims are constants checked by the crate's tests.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// let claims = darien::statement();
/// assert_eq!(claims.len(), 7);
/// // Every claim cites the statement itself.
/// assert!(claims.iter().all(|c| c.source() == &darien::statement_2022().source));
/// ```
#[must_use]
pub fn statement() -> Vec<crate::impact::Claim> {
    use crate::Country;
    use crate::impact::{Baseline, BaselineStatistic, Claim, ClaimKind, Rate, RateReading};
    let source = statement_2022().source;
    let s = statement_2022();
    let day = |y: i32, m: Month, d: u8| Date::from_calendar_date(y, m, d).expect("valid date");
    let range = |a: Date, b: Date| Period::range(a, b).expect("valid range");
    let since_summit = range(day(2021, Month::August, 11), statement_period().end());
    let claims = [
        (
            "Crossings fell from 2,461 a day at the peak in August 2021 to 140 a day today",
            ClaimKind::RateChange {
                from: Rate {
                    period: s.peak_month,
                    per_day: s.peak_per_day,
                    reading: RateReading::PeakDay,
                },
                to: Rate {
                    period: statement_period(),
                    per_day: s.latest_per_day,
                    reading: RateReading::Day,
                },
            },
        ),
        (
            "Nearly 140,000 migrants passed through Panama in 2021, against about 10,000 in a normal year",
            ClaimKind::RatioToBaseline {
                period: Period::year(2021).expect("valid year"),
                total: s.crossed_2021,
                baseline: Baseline {
                    per_year: s.normal_year,
                    first_year: 2011,
                    last_year: 2020,
                    statistic: BaselineStatistic::Median,
                },
            },
        ),
        (
            "More than ten strategic partners, including the United States, Canada and Colombia, engaged \
             since the first ministerial summit convened by Panama in August 2021",
            ClaimKind::PartnerCount {
                focal: Country::PAN,
                within: since_summit,
                count: s.partner_states,
                named: vec![Country::USA, Country::CAN, Country::COL],
            },
        ),
        (
            "Work with the Dominican Republic, Colombia and the United States to dismantle smuggling \
             organisations",
            ClaimKind::Cooperation {
                focal: Country::PAN,
                partners: vec![Country::DOM, Country::COL, Country::USA],
                within: since_summit,
            },
        ),
        (
            "Last month: six alleged coyotes arrested and 26 Nicaraguan victims rescued",
            ClaimKind::Operation {
                focal: Country::PAN,
                partners: Vec::new(),
                within: range(day(2021, Month::December, 1), day(2022, Month::February, 28)),
                target: None,
                arrested: Some(s.smugglers_one_operation),
                rescued: Some(s.victims_rescued),
                rescued_nationality: Some(Country::NIC),
            },
        ),
        (
            "December and January: with Colombian authorities, over 60 arrested in the Clan del Golfo network",
            ClaimKind::Operation {
                focal: Country::PAN,
                partners: vec![Country::COL],
                within: range(day(2021, Month::December, 1), day(2022, Month::January, 31)),
                target: Some("Clan del Golfo".to_owned()),
                arrested: Some(s.arrests_clan_del_golfo),
                rescued: None,
                rescued_nationality: None,
            },
        ),
        (
            "September: with Costa Rican authorities, a joint operation with over 40 accused smugglers arrested",
            ClaimKind::Operation {
                focal: Country::PAN,
                partners: vec![Country::CRI],
                within: Period::month(2021, 9).expect("valid month"),
                target: None,
                arrested: Some(s.arrests_with_costa_rica),
                rescued: None,
                rescued_nationality: None,
            },
        ),
    ];
    claims
        .into_iter()
        .enumerate()
        .map(|(i, (text, kind))| {
            Claim::new(format!("claim {}", i + 1), text, kind, source.clone())
                .expect("the statement's claims are valid")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        // Row counts of the shipped files (header excluded).
        assert_eq!(monthly_figures().len(), 61);
        assert_eq!(annual_totals().len(), 45);
        assert_eq!(by_nationality().len(), 160);
        assert_eq!(monthly_by_nationality().len(), 310);
    }

    #[test]
    fn only_the_declared_groups_are_groups() {
        let mut groups: Vec<String> = by_nationality()
            .nationalities()
            .iter()
            .chain(monthly_by_nationality().nationalities())
            .filter_map(|n| match n {
                Nationality::Group(g) => Some(g.as_str().to_owned()),
                _ => None,
            })
            .collect();
        groups.sort();
        groups.dedup();
        let mut want = GROUPS.map(str::to_owned).to_vec();
        want.sort();
        assert_eq!(groups, want);
    }

    #[test]
    fn source_cells() {
        let s = source(
            "https://adamisacson.com/tag/darien-gap/ (WOLA; tabulated from Panama SNM monthly reports)",
            "t",
            "",
        );
        assert_eq!(s.publisher(), "WOLA");
        let s = source("https://www.latintimes.com/x", "t", "n");
        assert_eq!(s.publisher(), "latintimes.com");
    }
}
