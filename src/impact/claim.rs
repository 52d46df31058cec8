//! Claims with the bounds of their phrases, checked against evidence from other sources.

use core::fmt;
use core::fmt::Write as _;

use super::{ImpactError, Result};
use crate::flow::FlowSeries;
use crate::operation::{Crime, JointOperation, Measure, Outcome, total_of};
use crate::{Count, Country, Period, Source};

/// How a claimed rate per day is to be read.
///
/// # Examples
///
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::impact::{Claim, ClaimKind, Evidence, Rate, RateReading, Verdict};
/// use corridor::{Count, Source};
/// let snm = Source::new("SNM", "monthly crossings")?;
/// let monthly = FlowSeries::new("2021-08".parse()?, vec![Some(Count::exact(25_332))])?.with_source(snm);
/// let per_day = Count::between(810, 820)?;
/// let rate = |reading| Rate { period: "2021-08".parse().unwrap(), per_day, reading };
/// let claim = |reading| Claim::new("rate", "810 to 820 a day", ClaimKind::Rate { rate: rate(reading) }, Source::new("Ministry", "statement").unwrap());
/// // 25,332 in 31 days is a mean of 817.2 a day: a daily mean can be checked, one day cannot.
/// assert_eq!(Evidence::new().monthly(&monthly).check(&claim(RateReading::DailyMean)?).verdict(), Verdict::Consistent);
/// assert_eq!(Evidence::new().monthly(&monthly).check(&claim(RateReading::Day)?).verdict(), Verdict::NotVerifiable);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RateReading {
    /// The busiest day of the period ("2,461 a day at the peak").
    PeakDay,
    /// One day of the period, not said to be typical ("140 a day today").
    Day,
    /// The mean over the whole period (its total over its days).
    DailyMean,
}

/// A claimed number of people per day in a period.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Rate, RateReading};
/// // "140 a day today" (early 2022): one day, not said to be typical.
/// let today = Rate { period: "2022-01".parse()?, per_day: "140".parse()?, reading: RateReading::Day };
/// assert_eq!(today.per_day.point(), 140);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Rate {
    /// The period the rate is said of.
    pub period: Period,
    /// People per day, with the phrase's bounds.
    pub per_day: Count,
    /// How to read it.
    pub reading: RateReading,
}

/// The summary of a span of years that a "normal year" is read as.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Baseline, BaselineStatistic};
/// // "About 10,000 in a normal year", read as the median year of 2010–2020.
/// let normal = Baseline { per_year: "about 10,000".parse()?, first_year: 2010, last_year: 2020, statistic: BaselineStatistic::Median };
/// assert_eq!(normal.statistic, BaselineStatistic::Median);
/// assert!(normal.per_year.contains(10_000));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BaselineStatistic {
    /// The median year (a typical year; robust to surges).
    Median,
    /// The mean year.
    Mean,
}

/// A claimed baseline ("about 10,000 in a normal year") and how the checker reads it: the
/// [`BaselineStatistic`] of the annual totals of `first_year ..= last_year`. The phrase does not define
/// its years; the reading is the checker's, stated beside every verdict.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Baseline, BaselineStatistic, Claim, ClaimKind};
/// use corridor::Source;
/// let normal = Baseline { per_year: "about 10,000".parse()?, first_year: 2010, last_year: 2020, statistic: BaselineStatistic::Mean };
/// let kind = ClaimKind::RatioToBaseline { period: "2021".parse()?, total: "nearly 140,000".parse()?, baseline: normal };
/// let source = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// assert!(Claim::new("ratio", "nearly 140,000 against about 10,000", kind, source.clone()).is_ok());
/// // Years that end before they start are refused.
/// let reversed = Baseline { first_year: 2020, last_year: 2010, ..normal };
/// let kind = ClaimKind::RatioToBaseline { period: "2021".parse()?, total: "nearly 140,000".parse()?, baseline: reversed };
/// assert!(Claim::new("ratio", "text", kind, source).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Baseline {
    /// The claimed baseline per year, with the phrase's bounds.
    pub per_year: Count,
    /// First year of the span read as "normal".
    pub first_year: i32,
    /// Last year of the span.
    pub last_year: i32,
    /// How the span is summarised.
    pub statistic: BaselineStatistic,
}

/// What a claim asserts.
///
/// Operation and cooperation claims are about migrant smuggling: only operations against migrant
/// smuggling count as their evidence (a drug-logistics case against the same organisation does not).
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind};
/// use corridor::{Country, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// // "More than ten" partner states since the August 2021 summit, Colombia and Costa Rica among them.
/// let kind = ClaimKind::PartnerCount {
///     focal: Country::PAN,
///     within: "2021-08-11..2022-01-31".parse()?,
///     count: "more than ten".parse()?,
///     named: vec![Country::COL, Country::CRI],
/// };
/// let claim = Claim::new("claim 3", "more than ten partner states", kind, ministry.clone())?;
/// assert!(matches!(claim.kind(), ClaimKind::PartnerCount { count, .. } if count.lower() == 11));
/// // A partner named twice is refused.
/// let twice = ClaimKind::Cooperation { focal: Country::PAN, partners: vec![Country::COL, Country::COL], within: "2021".parse()? };
/// assert!(Claim::new("claim 5", "joint work with Colombia", twice, ministry).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum ClaimKind {
    /// A rate per day in a period.
    Rate {
        /// The rate.
        rate: Rate,
    },
    /// A change from one rate to another ("fell from 2,461 a day to 140 a day").
    RateChange {
        /// The earlier rate.
        from: Rate,
        /// The later rate.
        to: Rate,
    },
    /// A total over a period ("nearly 140,000 in 2021").
    Total {
        /// The period.
        period: Period,
        /// The total, with the phrase's bounds.
        total: Count,
    },
    /// A total set against a baseline ("nearly 140,000 … against about 10,000 in a normal year").
    RatioToBaseline {
        /// The period of the total.
        period: Period,
        /// The total.
        total: Count,
        /// The baseline and how it is read.
        baseline: Baseline,
    },
    /// A number of partner states engaged with a focal state within a period, some of them named.
    PartnerCount {
        /// The focal state.
        focal: Country,
        /// When.
        within: Period,
        /// How many, with the phrase's bounds ("more than ten").
        count: Count,
        /// Partners the claim names.
        named: Vec<Country>,
    },
    /// Joint work against migrant smuggling with each of `partners`.
    Cooperation {
        /// The focal state.
        focal: Country,
        /// The partner states.
        partners: Vec<Country>,
        /// When.
        within: Period,
    },
    /// The outcome of an operation against migrant smuggling: arrests, rescues or both.
    Operation {
        /// The focal state.
        focal: Country,
        /// The partner states (empty: the claim names none).
        partners: Vec<Country>,
        /// When.
        within: Period,
        /// The organisation targeted, if named ("Clan del Golfo").
        target: Option<String>,
        /// People arrested.
        arrested: Option<Count>,
        /// People rescued.
        rescued: Option<Count>,
        /// The nationality of those rescued, if stated.
        rescued_nationality: Option<Country>,
    },
}

/// A claim: a label, the phrase as stated, what it asserts, and its source.
///
/// # Examples
/// ```
/// use corridor::impact::{Claim, ClaimKind};
/// use corridor::Source;
///
/// let claim = Claim::new(
///     "2021 total",
///     "nearly 140,000 migrants passed through Panama in 2021",
///     ClaimKind::Total { period: "2021".parse()?, total: "nearly 140,000".parse()? },
///     Source::new("Ministry of Foreign Affairs of Panama", "Statement on migration")?,
/// )?;
/// assert_eq!(claim.label(), "2021 total");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClaimRepr", into = "ClaimRepr"))]
pub struct Claim {
    label: String,
    text: String,
    kind: ClaimKind,
    source: Source,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRepr {
    label: String,
    text: String,
    kind: ClaimKind,
    source: Source,
}

#[cfg(feature = "serde")]
impl TryFrom<ClaimRepr> for Claim {
    type Error = ImpactError;

    fn try_from(r: ClaimRepr) -> Result<Self> {
        Claim::new(r.label, r.text, r.kind, r.source)
    }
}

#[cfg(feature = "serde")]
impl From<Claim> for ClaimRepr {
    fn from(c: Claim) -> Self {
        ClaimRepr {
            label: c.label,
            text: c.text,
            kind: c.kind,
            source: c.source,
        }
    }
}

fn has_duplicate(v: &[Country]) -> Option<Country> {
    v.iter().enumerate().find(|(i, c)| v[..*i].contains(c)).map(|(_, c)| *c)
}

impl Claim {
    /// A claim.
    ///
    /// # Errors
    /// [`ImpactError::InvalidClaim`] for an empty label or text; a rate change whose later rate starts
    /// before the earlier one; a baseline whose last year comes before its first; a partner repeated or
    /// equal to the focal state; an operation claim with neither arrests nor rescues, or a rescued
    /// nationality without rescues; an empty target name.
    pub fn new(label: impl Into<String>, text: impl Into<String>, kind: ClaimKind, source: Source) -> Result<Self> {
        let label = label.into();
        let text = text.into();
        let bad = |reason: String| {
            Err(ImpactError::InvalidClaim {
                label: label.clone(),
                reason,
            })
        };
        if label.trim().is_empty() {
            return bad("the label is empty".to_owned());
        }
        if text.trim().is_empty() {
            return bad("the text is empty".to_owned());
        }
        match &kind {
            ClaimKind::Rate { .. } | ClaimKind::Total { .. } => {}
            ClaimKind::RateChange { from, to } => {
                if to.period.start() < from.period.start() {
                    return bad(format!(
                        "the later rate ({}) starts before the earlier ({})",
                        to.period, from.period
                    ));
                }
            }
            ClaimKind::RatioToBaseline { baseline, .. } => {
                if baseline.last_year < baseline.first_year {
                    return bad(format!(
                        "baseline years {}..{} end before they start",
                        baseline.first_year, baseline.last_year
                    ));
                }
                if Period::year(baseline.first_year).is_err() || Period::year(baseline.last_year).is_err() {
                    return bad(format!(
                        "baseline years {}..{} are outside the calendar",
                        baseline.first_year, baseline.last_year
                    ));
                }
            }
            ClaimKind::PartnerCount { focal, named, .. } => {
                if let Some(c) = has_duplicate(named) {
                    return bad(format!("partner {c} is named twice"));
                }
                if named.contains(focal) {
                    return bad(format!("the focal state {focal} is named as its own partner"));
                }
            }
            ClaimKind::Cooperation { focal, partners, .. } => {
                if partners.is_empty() {
                    return bad("a cooperation claim names at least one partner".to_owned());
                }
                if let Some(c) = has_duplicate(partners) {
                    return bad(format!("partner {c} is named twice"));
                }
                if partners.contains(focal) {
                    return bad(format!("the focal state {focal} is named as its own partner"));
                }
            }
            ClaimKind::Operation {
                focal,
                partners,
                target,
                arrested,
                rescued,
                rescued_nationality,
                ..
            } => {
                if let Some(c) = has_duplicate(partners) {
                    return bad(format!("partner {c} is named twice"));
                }
                if partners.contains(focal) {
                    return bad(format!("the focal state {focal} is named as its own partner"));
                }
                if arrested.is_none() && rescued.is_none() {
                    return bad("an operation claim states arrests, rescues or both".to_owned());
                }
                if rescued_nationality.is_some() && rescued.is_none() {
                    return bad("a rescued nationality without a number rescued".to_owned());
                }
                if target.as_ref().is_some_and(|t| t.trim().is_empty()) {
                    return bad("the target name is empty".to_owned());
                }
            }
        }
        Ok(Self {
            label,
            text,
            kind,
            source,
        })
    }

    /// A short label ("claim 1").
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The phrase as stated.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What it asserts.
    #[must_use]
    pub fn kind(&self) -> &ClaimKind {
        &self.kind
    }

    /// Who made it.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }
}

/// The outcome of a claim check.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Evidence, Figure, Verdict};
/// use corridor::{Count, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
/// let total = |n| Claim::new("2021", "text", ClaimKind::Total { period: "2021".parse().unwrap(), total: Count::exact(n) }, ministry.clone());
/// let evidence = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(133_726), snm)]);
/// assert_eq!(evidence.check(&total(133_726)?).verdict(), Verdict::Consistent);
/// assert_eq!(evidence.check(&total(200_000)?).verdict(), Verdict::Inconsistent);
/// assert_eq!(Evidence::new().check(&total(133_726)?).verdict(), Verdict::NotVerifiable); // no evidence
/// assert_eq!(Verdict::NotVerifiable.to_string(), "not verifiable");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Verdict {
    /// Independent evidence agrees with the claim within both sides' bounds.
    Consistent,
    /// Independent evidence contradicts the claim; by how much is [`ClaimCheck::discrepancy`].
    Inconsistent,
    /// No independent evidence can decide the claim (none found, or it cannot bear on the claim: a
    /// monthly total cannot confirm a peak day).
    NotVerifiable,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotVerifiable => "not verifiable",
        })
    }
}

/// How far a claim lies from the independent evidence: the gap between the claimed bounds and the
/// range the evidence allows.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Evidence, Figure};
/// use corridor::{Count, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
/// let claim = Claim::new("2021", "200,000 in 2021", ClaimKind::Total { period: "2021".parse()?, total: Count::exact(200_000) }, ministry)?;
/// let check = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(133_726), snm)]).check(&claim);
/// let d = check.discrepancy().expect("inconsistent");
/// assert_eq!((d.claimed(), d.evidence()), ((200_000.0, Some(200_000.0)), (133_726.0, Some(133_726.0))));
/// assert_eq!(d.by(), 66_274.0); // the claim lies above the evidence
/// assert!((d.relative() - 66_274.0 / 133_726.0).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Discrepancy {
    quantity: String,
    claimed_lower: f64,
    claimed_upper: Option<f64>,
    evidence_lower: f64,
    evidence_upper: Option<f64>,
}

impl Discrepancy {
    fn new(quantity: impl Into<String>, claimed: (f64, Option<f64>), evidence: (f64, Option<f64>)) -> Self {
        Self {
            quantity: quantity.into(),
            claimed_lower: claimed.0,
            claimed_upper: claimed.1,
            evidence_lower: evidence.0,
            evidence_upper: evidence.1,
        }
    }

    /// What is compared ("crossings per day at the peak of 2021-08").
    #[must_use]
    pub fn quantity(&self) -> &str {
        &self.quantity
    }

    /// The claimed bounds (no upper bound for "over n").
    #[must_use]
    pub fn claimed(&self) -> (f64, Option<f64>) {
        (self.claimed_lower, self.claimed_upper)
    }

    /// The range the evidence allows (no upper bound when it gives none).
    #[must_use]
    pub fn evidence(&self) -> (f64, Option<f64>) {
        (self.evidence_lower, self.evidence_upper)
    }

    /// The gap between the two ranges: positive when the claim lies above the evidence, negative when
    /// below, 0 when they overlap.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::impact::{Claim, ClaimKind, Evidence, Figure};
    /// use corridor::{Count, Source};
    /// let ministry = Source::new("Ministry", "statement")?;
    /// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
    /// // "Under 100,000" against 133,726: 33,727 below (the claim's range ends at 99,999).
    /// let claim = Claim::new("2021", "under 100,000", ClaimKind::Total { period: "2021".parse()?, total: "under 100,000".parse()? }, ministry)?;
    /// let check = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(133_726), snm)]).check(&claim);
    /// assert_eq!(check.discrepancy().map(|d| d.by()), Some(-33_727.0));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn by(&self) -> f64 {
        gap(
            (self.claimed_lower, self.claimed_upper),
            (self.evidence_lower, self.evidence_upper),
        )
    }

    /// [`Discrepancy::by`] as a share of the nearest evidence bound (0.2 = 20 % above it).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::impact::{Claim, ClaimKind, Evidence, Figure};
    /// use corridor::{Count, Source};
    /// let ministry = Source::new("Ministry", "statement")?;
    /// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
    /// let claim = Claim::new("2021", "120,000", ClaimKind::Total { period: "2021".parse()?, total: Count::exact(120_000) }, ministry)?;
    /// let check = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(100_000), snm)]).check(&claim);
    /// assert_eq!(check.discrepancy().map(|d| d.relative()), Some(0.2)); // 20 % above
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn relative(&self) -> f64 {
        let by = self.by();
        let base = if by > 0.0 {
            self.evidence_upper.unwrap_or(self.evidence_lower)
        } else {
            self.evidence_lower
        };
        if base == 0.0 {
            f64::INFINITY * by.signum()
        } else {
            by / base
        }
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    fn validate(&self) -> Result<()> {
        let nums = [
            Some(self.claimed_lower),
            self.claimed_upper,
            Some(self.evidence_lower),
            self.evidence_upper,
        ];
        if nums.iter().flatten().any(|v| !v.is_finite()) {
            return Err(invalid_check("non-finite bound in the discrepancy"));
        }
        if self.claimed_upper.is_some_and(|u| u < self.claimed_lower)
            || self.evidence_upper.is_some_and(|u| u < self.evidence_lower)
        {
            return Err(invalid_check("a discrepancy range ends before it starts"));
        }
        if self.by() == 0.0 {
            return Err(invalid_check("the claimed and evidence ranges overlap: no discrepancy"));
        }
        Ok(())
    }
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = |lo: f64, hi: Option<f64>| match hi {
            Some(h) if h == lo => format!("{lo:.1}"),
            Some(h) => format!("{lo:.1}–{h:.1}"),
            None => format!("at least {lo:.1}"),
        };
        let by = self.by();
        write!(
            f,
            "{}: claimed {}, evidence {}: {} by at least {:.1} ({:.1} %)",
            self.quantity,
            range(self.claimed_lower, self.claimed_upper),
            range(self.evidence_lower, self.evidence_upper),
            if by > 0.0 { "above" } else { "below" },
            by.abs(),
            self.relative().abs() * 100.0
        )
    }
}

/// A range of values: lower bound and optional upper bound.
type Range = (f64, Option<f64>);

/// Signed distance between two ranges (positive: `a` above `b`), 0 when they overlap.
fn gap(a: (f64, Option<f64>), b: (f64, Option<f64>)) -> f64 {
    if let Some(bu) = b.1
        && a.0 > bu
    {
        return a.0 - bu;
    }
    if let Some(au) = a.1
        && au < b.0
    {
        return au - b.0;
    }
    0.0
}

/// One piece of evidence: what it says and who says it.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Evidence, Figure};
/// use corridor::{Count, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
/// let claim = Claim::new("2021", "text", ClaimKind::Total { period: "2021".parse()?, total: Count::exact(133_726) }, ministry.clone())?;
/// let evidence = Evidence::new().annual([
///     Figure::new("2021".parse()?, Count::exact(133_726), snm.clone()),
///     Figure::new("2021".parse()?, Count::exact(133_726), ministry), // the claim's own source
/// ]);
/// let check = evidence.check(&claim);
/// assert_eq!(check.evidence()[0].source(), Some(&snm));
/// assert_eq!(check.set_aside().len(), 1);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EvidenceItem {
    what: String,
    source: Option<Source>,
}

impl EvidenceItem {
    /// What the evidence says, with its figure ("2021-08: 25,332 crossings").
    #[must_use]
    pub fn what(&self) -> &str {
        &self.what
    }

    /// Who says it (`None` for a figure without a source, which is never used as evidence).
    #[must_use]
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// A figure with its source: an annual total, say.
///
/// # Examples
///
/// ```
/// use corridor::impact::Figure;
/// use corridor::{Count, Source};
/// let wola = Source::new("WOLA", "Darién crossings by year")?;
/// let f = Figure::new("2021".parse()?, Count::exact(133_726), wola);
/// assert_eq!((f.period().to_string(), f.count().point()), ("2021".to_owned(), 133_726));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Figure {
    period: Period,
    count: Count,
    source: Source,
}

impl Figure {
    /// `count` people in `period`, from `source`.
    #[must_use]
    pub fn new(period: Period, count: Count, source: Source) -> Self {
        Self { period, count, source }
    }

    /// The period.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The figure.
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// Its source.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }
}

/// A state's engagement with the focal state: a shared agreement, meeting or operation, dated, with
/// its source.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Engagement, Evidence, Verdict};
/// use corridor::{Count, Country, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let state = Source::new("U.S. Department of State", "Joint statement")?;
/// let since = "2021-08-11..2022-01-31".parse()?;
/// let named = |c| Engagement::new(Country::PAN, c, "2021-10-20".parse().unwrap(), "Bogotá ministerial", state.clone());
/// let evidence = Evidence::new().engagements([named(Country::COL), named(Country::CRI), named(Country::USA)]);
/// let claim = |n| Claim::new("partners", "text", ClaimKind::PartnerCount { focal: Country::PAN, within: since, count: Count::exact(n), named: vec![] }, ministry.clone());
/// assert_eq!(evidence.check(&claim(3)?).verdict(), Verdict::Consistent);
/// assert_eq!(evidence.check(&claim(2)?).verdict(), Verdict::Inconsistent); // three are documented
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Engagement {
    partner: Country,
    focal: Country,
    when: Period,
    what: String,
    source: Source,
}

impl Engagement {
    /// `partner` engaged with `focal` in `what` (an agreement's or meeting's name) during `when`.
    #[must_use]
    pub fn new(focal: Country, partner: Country, when: Period, what: impl Into<String>, source: Source) -> Self {
        Self {
            partner,
            focal,
            when,
            what: what.into(),
            source,
        }
    }
}

/// An operation as evidence: who took part, when, against whom, whether against migrant smuggling, and
/// its reported arrests and rescues, each report with its source (and, where given, the state it is
/// attributed to and the nationality of those rescued).
///
/// Built by hand, or from a [`JointOperation`] with `From`. A check totals an operation's independent
/// reports as [`JointOperation::total`] does: disagreeing reports of one figure as their spread, the
/// figures of states summed with their bounds.
///
/// # Examples
/// ```
/// # #[cfg(feature = "csv")] {
/// use corridor::datasets::darien;
/// use corridor::impact::OperationRecord;
///
/// let log = darien::operations();
/// let crepusculo = OperationRecord::from(log.get("crepusculo-2021").expect("S21"));
/// assert!(crepusculo.is_against_smuggling());
/// let fisher = OperationRecord::from(log.get("fisher-2021").expect("S24"));
/// assert!(!fisher.is_against_smuggling()); // drug logistics
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OperationRecord {
    name: String,
    period: Period,
    participants: Vec<Country>,
    smuggling: bool,
    retracted: bool,
    targets: Vec<String>,
    arrested: Vec<Outcome>,
    rescued: Vec<Outcome>,
    sources: Vec<Source>,
}

impl OperationRecord {
    /// An operation `name` during `period` by `participants`; `smuggling` says whether it targeted migrant
    /// smuggling (a drug-logistics case does not).
    #[must_use]
    pub fn new(name: impl Into<String>, period: Period, participants: Vec<Country>, smuggling: bool) -> Self {
        Self {
            name: name.into(),
            period,
            participants,
            smuggling,
            retracted: false,
            targets: Vec::new(),
            arrested: Vec::new(),
            rescued: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// A source that reports the operation itself (evidence that it took place, whatever its figures);
    /// repeats are ignored.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        crate::distinct::push_distinct(&mut self.sources, source);
        self
    }

    /// An organisation it targeted.
    #[must_use]
    pub fn target(mut self, name: impl Into<String>) -> Self {
        self.targets.push(name.into());
        self
    }

    /// A report of the number arrested in the whole operation (every report is kept).
    #[must_use]
    pub fn arrested(mut self, count: Count, source: Source) -> Self {
        self.arrested.push(Outcome::new(Measure::Arrested, count, source));
        self
    }

    /// A report of the number arrested in one of its states.
    #[must_use]
    pub fn arrested_in(mut self, state: Country, count: Count, source: Source) -> Self {
        self.arrested
            .push(Outcome::new(Measure::Arrested, count, source).state(state));
        self
    }

    /// A report of the number rescued, with their nationality if one.
    #[must_use]
    pub fn rescued(mut self, count: Count, nationality: Option<Country>, source: Source) -> Self {
        let o = Outcome::new(Measure::Rescued, count, source);
        self.rescued.push(match nationality {
            Some(n) => o.nationality(n),
            None => o,
        });
        self
    }

    /// The operation's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// When it was carried out.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The states that took part.
    #[must_use]
    pub fn participants(&self) -> &[Country] {
        &self.participants
    }

    /// Whether it targeted migrant smuggling.
    #[must_use]
    pub fn is_against_smuggling(&self) -> bool {
        self.smuggling
    }

    /// Whether the record was retracted (a retracted record is never evidence).
    #[must_use]
    pub fn is_retracted(&self) -> bool {
        self.retracted
    }

    fn participants_text(&self) -> String {
        let states: Vec<String> = self.participants.iter().map(ToString::to_string).collect();
        format!("joint operation of {}", states.join(", "))
    }
}

impl From<&JointOperation> for OperationRecord {
    /// The operation's name, period, states, targets (names and linked actors), whether it targeted
    /// [`Crime::MigrantSmuggling`], whether it was retracted, and every report of
    /// [`Measure::Arrested`] and [`Measure::Rescued`] with its state, nationality and source; every source
    /// it cites reports the operation itself.
    fn from(op: &JointOperation) -> Self {
        let mut targets = Vec::new();
        for t in op.targets() {
            targets.push(t.name().to_owned());
            if let Some(a) = t.actor_name() {
                targets.push(a.to_owned());
            }
        }
        Self {
            name: op.name().to_owned(),
            period: op.period(),
            participants: op.participants().to_vec(),
            smuggling: op.targets_crime(Crime::MigrantSmuggling),
            retracted: op.is_retracted(),
            targets,
            arrested: op.reports(Measure::Arrested).cloned().collect(),
            rescued: op.reports(Measure::Rescued).cloned().collect(),
            sources: op.sources().into_iter().cloned().collect(),
        }
    }
}

/// Which evidence counts as independent of a claim.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Evidence, Figure, Independence, Verdict};
/// use corridor::{Count, Source};
/// let statement = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let release = Source::new("Ministry of Foreign Affairs of Panama", "press release")?;
/// let claim = Claim::new("2021", "text", ClaimKind::Total { period: "2021".parse()?, total: Count::exact(133_726) }, statement)?;
/// let evidence = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(133_726), release)]);
/// // By default the ministry does not confirm itself with its own press release.
/// assert_eq!(evidence.check(&claim).verdict(), Verdict::NotVerifiable);
/// assert_eq!(evidence.independence(Independence::OtherSource).check(&claim).verdict(), Verdict::Consistent);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Independence {
    /// Evidence from another publisher (the default: a ministry does not confirm itself with its own
    /// later press release).
    #[default]
    OtherPublisher,
    /// Evidence from any other source, even by the same publisher.
    OtherSource,
}

impl Independence {
    fn allows(self, claim: &Source, evidence: &Source) -> bool {
        if claim == evidence {
            return false;
        }
        match self {
            Independence::OtherSource => true,
            Independence::OtherPublisher => !claim
                .publisher()
                .trim()
                .eq_ignore_ascii_case(evidence.publisher().trim()),
        }
    }
}

/// The evidence a claim is checked against: a monthly series, annual figures, engagements between
/// states, operations. Every piece carries its source; pieces that come from the claim's own source
/// (see [`Independence`]) or carry none are set aside, never used.
///
/// # Examples
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::impact::{Claim, ClaimKind, Evidence, Rate, RateReading, Verdict};
/// use corridor::{Count, Source};
///
/// let snm = Source::new("SNM", "monthly crossings")?;
/// let monthly = FlowSeries::new("2021-08".parse()?, vec![Some(Count::exact(25_332))])?.with_source(snm);
/// let peak = Claim::new(
///     "peak",
///     "2,461 a day at the peak in August 2021",
///     ClaimKind::Rate { rate: Rate { period: "2021-08".parse()?, per_day: Count::exact(2461), reading: RateReading::PeakDay } },
///     Source::new("Ministry of Foreign Affairs of Panama", "statement")?,
/// )?;
/// let check = Evidence::new().monthly(&monthly).check(&peak);
/// // A month averaging 817 a day and totalling 25,332 allows a peak day of 2,461 but cannot confirm it.
/// assert_eq!(check.verdict(), Verdict::NotVerifiable);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Evidence<'a> {
    monthly: Option<&'a FlowSeries>,
    annual: Vec<Figure>,
    engagements: Vec<Engagement>,
    operations: Vec<OperationRecord>,
    independence: Independence,
    same_publishers: Vec<(String, String)>,
}

/// What a check found, before it is wrapped with its claim.
#[derive(Debug, Default)]
struct Finding {
    verdict: Option<Verdict>,
    discrepancy: Option<Discrepancy>,
    evidence: Vec<EvidenceItem>,
    set_aside: Vec<EvidenceItem>,
    decided: Vec<String>,
    undecided: Vec<String>,
}

impl Finding {
    fn verdict(&self) -> Verdict {
        self.verdict.unwrap_or(Verdict::NotVerifiable)
    }

    fn use_item(&mut self, what: String, source: &Source) {
        let item = EvidenceItem {
            what,
            source: Some(source.clone()),
        };
        crate::distinct::push_distinct(&mut self.evidence, item);
    }

    fn set_aside(&mut self, what: String, source: Option<&Source>) {
        let item = EvidenceItem {
            what,
            source: source.cloned(),
        };
        crate::distinct::push_distinct(&mut self.set_aside, item);
    }

    /// Combines the part findings of a compound claim: inconsistent if any part is, consistent if all
    /// are, else not verifiable.
    fn merge(parts: Vec<Finding>) -> Finding {
        let mut out = Finding::default();
        let verdicts: Vec<Verdict> = parts.iter().map(Finding::verdict).collect();
        out.verdict = Some(if verdicts.contains(&Verdict::Inconsistent) {
            Verdict::Inconsistent
        } else if verdicts.iter().all(|v| *v == Verdict::Consistent) {
            Verdict::Consistent
        } else {
            Verdict::NotVerifiable
        });
        for p in parts {
            if out.discrepancy.is_none() && p.verdict() == Verdict::Inconsistent {
                out.discrepancy = p.discrepancy;
            }
            for e in p.evidence {
                crate::distinct::push_distinct(&mut out.evidence, e);
            }
            for e in p.set_aside {
                crate::distinct::push_distinct(&mut out.set_aside, e);
            }
            out.decided.extend(p.decided);
            out.undecided.extend(p.undecided);
        }
        out
    }
}

fn bounds(c: Count) -> (f64, Option<f64>) {
    (c.lower() as f64, c.upper().map(|u| u as f64))
}

fn overlaps(p: Period, q: Period) -> bool {
    p.start() <= q.end() && q.start() <= p.end()
}

fn thousands(v: f64) -> String {
    if v.fract().abs() > 1e-9 {
        // One decimal, the whole part grouped: 6,620.5.
        let text = format!("{:.1}", v.abs());
        let (whole, frac) = text.split_once('.').unwrap_or((&text, "0"));
        let grouped = thousands(whole.parse::<f64>().unwrap_or(0.0));
        return format!("{}{grouped}.{frac}", if v < 0.0 { "-" } else { "" });
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

fn show(c: Count) -> String {
    match (c.lower(), c.upper()) {
        (l, Some(u)) if l == u => thousands(l as f64),
        (l, Some(u)) => format!("{}–{}", thousands(l as f64), thousands(u as f64)),
        (l, None) => format!("at least {}", thousands(l as f64)),
    }
}

/// One month of the series as evidence.
struct MonthValue {
    period: Period,
    total: Count,
    /// Whether the month lies wholly inside the claim's period.
    inside: bool,
}

impl<'a> Evidence<'a> {
    /// No evidence yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A monthly (or other regular) series of crossings, each value with its sources.
    #[must_use]
    pub fn monthly(mut self, series: &'a FlowSeries) -> Self {
        self.monthly = Some(series);
        self
    }

    /// Annual (or other) figures; several figures for one period from disagreeing sources are all kept.
    #[must_use]
    pub fn annual(mut self, figures: impl IntoIterator<Item = Figure>) -> Self {
        self.annual.extend(figures);
        self
    }

    /// Engagements between states.
    #[must_use]
    pub fn engagements(mut self, engagements: impl IntoIterator<Item = Engagement>) -> Self {
        self.engagements.extend(engagements);
        self
    }

    /// Operations.
    #[must_use]
    pub fn operations(mut self, operations: impl IntoIterator<Item = OperationRecord>) -> Self {
        self.operations.extend(operations);
        self
    }

    /// Which evidence counts as independent (default [`Independence::OtherPublisher`]).
    #[must_use]
    pub fn independence(mut self, independence: Independence) -> Self {
        self.independence = independence;
        self
    }

    /// Declares `a` and `b` to be names of one publisher (a ministry under its Spanish and its English
    /// name): under [`Independence::OtherPublisher`] evidence published as either is not independent of a
    /// claim published as the other. Names are compared trimmed and case-insensitively.
    ///
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::impact::{Claim, ClaimKind, Evidence, Verdict};
    /// use corridor::{Count, Source};
    ///
    /// let mire = Source::new("Ministerio de Relaciones Exteriores de Panamá", "comunicado")?;
    /// let series = FlowSeries::new("2021".parse()?, vec![Some(Count::exact(133_726))])?.with_source(mire);
    /// let claim = Claim::new("2021", "nearly 140,000 in 2021",
    ///     ClaimKind::Total { period: "2021".parse()?, total: "nearly 140,000".parse()? },
    ///     Source::new("Ministry of Foreign Affairs of Panama", "statement")?)?;
    /// assert_eq!(Evidence::new().monthly(&series).check(&claim).verdict(), Verdict::Consistent);
    /// let same = Evidence::new()
    ///     .monthly(&series)
    ///     .same_publisher("Ministry of Foreign Affairs of Panama", "Ministerio de Relaciones Exteriores de Panamá");
    /// assert_eq!(same.check(&claim).verdict(), Verdict::NotVerifiable);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn same_publisher(mut self, a: impl Into<String>, b: impl Into<String>) -> Self {
        self.same_publishers.push((a.into(), b.into()));
        self
    }

    fn independent(&self, claim: &Claim, source: &Source) -> bool {
        if !self.independence.allows(&claim.source, source) {
            return false;
        }
        if self.independence == Independence::OtherPublisher {
            let is = |x: &str, y: &str| x.trim().eq_ignore_ascii_case(y.trim());
            let (c, e) = (claim.source.publisher(), source.publisher());
            if self
                .same_publishers
                .iter()
                .any(|(a, b)| (is(a, c) && is(b, e)) || (is(b, c) && is(a, e)))
            {
                return false;
            }
        }
        true
    }

    /// Checks `claim` against the independent evidence. Never fails: what the evidence cannot decide
    /// is [`Verdict::NotVerifiable`], with the reason in [`ClaimCheck::undecided`].
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::impact::Verdict;
    /// let checks = darien::check_statement();
    /// // Claim 7, over 40 arrested with Costa Rica: Crepúsculo's independent reports give 42 to 51 (S21).
    /// assert_eq!(checks[6].verdict(), Verdict::Consistent);
    /// assert!(!checks[6].evidence().is_empty() && !checks[6].decided().is_empty());
    /// # }
    /// ```
    #[must_use]
    pub fn check(&self, claim: &Claim) -> ClaimCheck {
        let f = match &claim.kind {
            ClaimKind::Rate { rate } => self.check_rate(claim, rate),
            ClaimKind::RateChange { from, to } => {
                Finding::merge(vec![self.check_rate(claim, from), self.check_rate(claim, to)])
            }
            ClaimKind::Total { period, total } => self.check_total(claim, *period, *total),
            ClaimKind::RatioToBaseline {
                period,
                total,
                baseline,
            } => self.check_ratio(claim, *period, *total, baseline),
            ClaimKind::PartnerCount {
                focal,
                within,
                count,
                named,
            } => self.check_partners(claim, *focal, *within, *count, named),
            ClaimKind::Cooperation {
                focal,
                partners,
                within,
            } => self.check_cooperation(claim, *focal, partners, *within),
            ClaimKind::Operation {
                focal,
                partners,
                within,
                target,
                arrested,
                rescued,
                rescued_nationality,
            } => self.check_operation(
                claim,
                *focal,
                partners,
                *within,
                target.as_deref(),
                *arrested,
                *rescued,
                *rescued_nationality,
            ),
        };
        ClaimCheck {
            claim: claim.clone(),
            verdict: f.verdict(),
            discrepancy: f.discrepancy,
            evidence: f.evidence,
            set_aside: f.set_aside,
            decided: f.decided,
            undecided: f.undecided,
        }
    }

    /// The independent months of the series that overlap `period`, and whether they tile it exactly
    /// without gaps.
    fn months(&self, claim: &Claim, period: Period, f: &mut Finding) -> (Vec<MonthValue>, bool) {
        let Some(s) = self.monthly else {
            return (Vec::new(), false);
        };
        let mut out = Vec::new();
        let mut complete = true;
        let mut first = None;
        let mut last = None;
        for (i, (p, _)) in s.iter().enumerate() {
            if !overlaps(p, period) {
                continue;
            }
            first.get_or_insert(p);
            last = Some(p);
            let Some(c) = s.counts()[i] else {
                complete = false;
                f.undecided.push(format!("{p}: no published figure (a gap, not zero)"));
                continue;
            };
            let what = format!("{p}: {} crossings", show(c));
            let sources: Vec<&Source> = s.sources_at(i).collect();
            if let Some(src) = sources.iter().find(|src| self.independent(claim, src)) {
                f.use_item(what, src);
                out.push(MonthValue {
                    period: p,
                    total: c,
                    inside: period.contains_period(&p),
                });
            } else {
                complete = false;
                f.set_aside(what, sources.first().copied());
            }
        }
        let tiles = complete
            && first.is_some_and(|p: Period| p.start() == period.start())
            && last.is_some_and(|p: Period| p.end() == period.end());
        (out, tiles)
    }

    fn check_rate(&self, claim: &Claim, rate: &Rate) -> Finding {
        let mut f = Finding::default();
        let (months, tiles) = self.months(claim, rate.period, &mut f);
        let claimed = bounds(rate.per_day);
        if months.is_empty() {
            f.undecided.push(format!(
                "{}: no independent figure for {} a day",
                rate.period,
                show(rate.per_day)
            ));
            return f;
        }
        let means: Vec<String> = months
            .iter()
            .map(|m| {
                format!(
                    "{} averaged {:.1} a day",
                    m.period,
                    m.total.point() as f64 / f64::from(m.period.days())
                )
            })
            .collect();
        match rate.reading {
            RateReading::DailyMean => {
                if !tiles {
                    f.undecided.push(format!(
                        "the months with independent figures do not cover {} exactly: its daily mean cannot be computed",
                        rate.period
                    ));
                    return f;
                }
                let total: Count = months.iter().map(|m| m.total).sum();
                let days = f64::from(rate.period.days());
                let ev = (total.lower() as f64 / days, total.upper().map(|u| u as f64 / days));
                let g = gap(claimed, ev);
                f.decided.push(format!(
                    "{}: {} in {} days, {:.1} a day; claimed {} a day",
                    rate.period,
                    show(total),
                    rate.period.days(),
                    total.point() as f64 / days,
                    show(rate.per_day)
                ));
                if g == 0.0 {
                    f.verdict = Some(Verdict::Consistent);
                } else {
                    f.verdict = Some(Verdict::Inconsistent);
                    f.discrepancy = Some(Discrepancy::new(
                        format!("mean crossings per day in {}", rate.period),
                        claimed,
                        ev,
                    ));
                }
            }
            RateReading::PeakDay | RateReading::Day => Self::check_day(rate, &months, &means, &mut f),
        }
        f
    }

    /// A single or peak day against monthly totals: a day of a month lies between 0 and the month's
    /// total; the busiest day of a period is at least the mean of each of its months.
    fn check_day(rate: &Rate, months: &[MonthValue], means: &[String], f: &mut Finding) {
        let claimed = bounds(rate.per_day);
        // A day of a month lies between 0 and the month's total; the busiest day of a period
        // is at least the mean of each month wholly inside it.
        let peak = rate.reading == RateReading::PeakDay;
        let floor = if peak {
            months
                .iter()
                .filter(|m| m.inside)
                .map(|m| m.total.lower() as f64 / f64::from(m.period.days()))
                .fold(0.0, f64::max)
        } else {
            0.0
        };
        let ceiling = months
            .iter()
            .map(|m| m.total.upper().map(|u| u as f64))
            .try_fold(0.0, |acc: f64, u| u.map(|u| acc.max(u)));
        let ev = (floor, ceiling);
        let g = gap(claimed, ev);
        let kind = if peak { "peak day" } else { "single day" };
        let range = match ceiling {
            Some(c) => format!("{} to {}", thousands(floor.ceil()), thousands(c)),
            None => format!("at least {}", thousands(floor.ceil())),
        };
        if g == 0.0 {
            f.decided.push(format!(
                "the arithmetic allows a {kind} of {} in {}: {} ({range} a day is possible)",
                show(rate.per_day),
                rate.period,
                means.join(", ")
            ));
            f.undecided.push(format!(
                "a {kind} figure cannot be confirmed from monthly totals: daily counts would be needed"
            ));
        } else {
            f.decided.push(format!(
                "the arithmetic forbids a {kind} of {} in {}: {}, so only {range} a day is possible",
                show(rate.per_day),
                rate.period,
                means.join(", ")
            ));
            f.verdict = Some(Verdict::Inconsistent);
            f.discrepancy = Some(Discrepancy::new(
                format!("crossings on a {kind} in {}", rate.period),
                claimed,
                ev,
            ));
        }
    }

    /// Independent figures for exactly `period`: the annual figures and the series' sum when its months
    /// tile the period. Returns the spread of the figures.
    fn figures_for(&self, claim: &Claim, period: Period, f: &mut Finding) -> Option<(f64, Option<f64>)> {
        let mut spread: Option<(f64, Option<f64>)> = None;
        let mut add = |c: Count| {
            let (l, u) = bounds(c);
            spread = Some(match spread {
                None => (l, u),
                Some((sl, su)) => (sl.min(l), su.zip(u).map(|(a, b)| a.max(b))),
            });
        };
        for fig in self.annual.iter().filter(|g| g.period == period) {
            let what = format!("{}: {}", fig.period, show(fig.count));
            if self.independent(claim, &fig.source) {
                f.use_item(what, &fig.source);
                add(fig.count);
            } else {
                f.set_aside(what, Some(&fig.source));
            }
        }
        if self.monthly.is_some() {
            let mut scratch = Finding::default();
            let (months, tiles) = self.months(claim, period, &mut scratch);
            if tiles && !months.is_empty() {
                let total: Count = months.iter().map(|m| m.total).sum();
                f.evidence.extend(scratch.evidence);
                f.decided.push(format!(
                    "the {} months of {period} sum to {}",
                    months.len(),
                    show(total)
                ));
                add(total);
            } else {
                f.set_aside.extend(scratch.set_aside);
            }
        }
        spread
    }

    fn check_total(&self, claim: &Claim, period: Period, total: Count) -> Finding {
        let mut f = Finding::default();
        let claimed = bounds(total);
        let Some(ev) = self.figures_for(claim, period, &mut f) else {
            f.undecided
                .push(format!("no independent figure for the total of {period}"));
            return f;
        };
        let g = gap(claimed, ev);
        f.decided.push(format!(
            "independent figures for {period} span {}; claimed {}",
            span(ev),
            show(total)
        ));
        if g == 0.0 {
            f.verdict = Some(Verdict::Consistent);
        } else {
            f.verdict = Some(Verdict::Inconsistent);
            f.discrepancy = Some(Discrepancy::new(format!("total in {period}"), claimed, ev));
        }
        f
    }

    fn check_ratio(&self, claim: &Claim, period: Period, total: Count, baseline: &Baseline) -> Finding {
        let total_part = self.check_total(claim, period, total);
        let mut f = Finding::default();
        let mut lowers = Vec::new();
        let mut uppers: Vec<Option<f64>> = Vec::new();
        let mut missing = Vec::new();
        for year in baseline.first_year..=baseline.last_year {
            let Ok(p) = Period::year(year) else { continue };
            match self.figures_for(claim, p, &mut f) {
                Some((l, u)) => {
                    lowers.push(l);
                    uppers.push(u);
                }
                None => missing.push(year),
            }
        }
        let stat_name = match baseline.statistic {
            BaselineStatistic::Median => "median",
            BaselineStatistic::Mean => "mean",
        };
        let reading = format!(
            "\"a normal year\" read as the {stat_name} of the annual totals {}–{} (the phrase names no years; \
             the reading is the checker's)",
            baseline.first_year, baseline.last_year
        );
        f.decided.clear();
        if !missing.is_empty() {
            f.undecided.push(format!(
                "{reading}; no independent annual figure for {missing:?}: the baseline cannot be computed"
            ));
            return Finding::merge(vec![total_part, f]);
        }
        let summary = |v: &[f64]| -> f64 {
            match baseline.statistic {
                BaselineStatistic::Mean => v.iter().sum::<f64>() / v.len() as f64,
                BaselineStatistic::Median => {
                    let mut s = v.to_vec();
                    s.sort_by(f64::total_cmp);
                    let n = s.len();
                    if n % 2 == 1 {
                        s[n / 2]
                    } else {
                        f64::midpoint(s[n / 2 - 1], s[n / 2])
                    }
                }
            }
        };
        // The median and the mean rise with each year's figure: their range over the disagreeing
        // figures runs from the summary of the lowers to the summary of the uppers.
        let lo = summary(&lowers);
        let hi = uppers
            .iter()
            .copied()
            .collect::<Option<Vec<f64>>>()
            .map(|u| summary(&u));
        let ev = (lo, hi);
        let claimed = bounds(baseline.per_year);
        f.decided.push(format!(
            "{reading}: {} a year, where sources disagree the range over their figures; claimed {}",
            span(ev),
            show(baseline.per_year)
        ));
        if let (Some(hi), Some(t_hi)) = (hi, total.upper()) {
            let claimed_ratio = (
                total.lower() as f64 / baseline.per_year.upper().map_or(f64::INFINITY, |u| u as f64),
                t_hi as f64 / baseline.per_year.lower() as f64,
            );
            f.decided.push(format!(
                "the claimed ratio is {:.2}–{:.2}; against the {stat_name} year the claimed total is {:.2}–{:.2} times it",
                claimed_ratio.0,
                claimed_ratio.1,
                total.lower() as f64 / hi,
                t_hi as f64 / lo
            ));
        }
        let g = gap(claimed, ev);
        if g == 0.0 {
            f.verdict = Some(Verdict::Consistent);
        } else {
            f.verdict = Some(Verdict::Inconsistent);
            f.discrepancy = Some(Discrepancy::new(
                format!(
                    "crossings in a normal year ({stat_name} of {}–{})",
                    baseline.first_year, baseline.last_year
                ),
                claimed,
                ev,
            ));
        }
        Finding::merge(vec![total_part, f])
    }

    fn check_partners(
        &self,
        claim: &Claim,
        focal: Country,
        within: Period,
        count: Count,
        named: &[Country],
    ) -> Finding {
        let mut f = Finding::default();
        let mut found: Vec<Country> = Vec::new();
        for e in &self.engagements {
            if e.focal != focal || e.partner == focal || !overlaps(e.when, within) {
                continue;
            }
            let what = format!("{} with {focal} in {} ({})", e.partner, e.what, e.when);
            if self.independent(claim, &e.source) {
                f.use_item(what, &e.source);
                if !found.contains(&e.partner) {
                    found.push(e.partner);
                }
            } else {
                f.set_aside(what, Some(&e.source));
            }
        }
        found.sort();
        let n = found.len() as u64;
        let list: Vec<String> = found.iter().map(ToString::to_string).collect();
        f.decided.push(format!(
            "independent records show {n} states engaged with {focal} within {within}: {}",
            list.join(", ")
        ));
        let missing: Vec<String> = named
            .iter()
            .filter(|c| !found.contains(c))
            .map(ToString::to_string)
            .collect();
        // The records are a lower bound on engagement: they can refute "at most n", not "at least n".
        if count.upper().is_some_and(|u| n > u) {
            f.verdict = Some(Verdict::Inconsistent);
            f.discrepancy = Some(Discrepancy::new(
                format!("partner states engaged with {focal} within {within}"),
                bounds(count),
                (n as f64, None),
            ));
        } else if n >= count.lower() && missing.is_empty() {
            f.verdict = Some(Verdict::Consistent);
        } else {
            if n < count.lower() {
                f.undecided.push(format!(
                    "{n} states found, fewer than the claimed {}: the records are not exhaustive, so this does not refute it",
                    show(count)
                ));
            }
            if !missing.is_empty() {
                f.undecided.push(format!(
                    "no independent record of engagement with the named {}",
                    missing.join(", ")
                ));
            }
        }
        f
    }

    /// Independent operations against migrant smuggling by `focal` and every partner within `within`.
    fn matching_operations(
        &self,
        claim: &Claim,
        focal: Country,
        partners: &[Country],
        within: Period,
        target: Option<&str>,
        f: &mut Finding,
    ) -> Vec<&OperationRecord> {
        let mut out = Vec::new();
        for op in &self.operations {
            if !overlaps(op.period, within) || !op.participants.contains(&focal) {
                continue;
            }
            let missing: Vec<String> = partners
                .iter()
                .filter(|p| !op.participants.contains(p))
                .map(ToString::to_string)
                .collect();
            let target_named = target.map(|t| {
                let t = t.to_lowercase();
                op.targets.iter().any(|x| x.to_lowercase().contains(&t))
            });
            if target_named == Some(false) {
                continue;
            }
            if !op.smuggling || op.retracted {
                // Said where it could be mistaken for evidence: it names the target, or has every partner.
                if target_named == Some(true) || missing.is_empty() {
                    let why = if op.retracted {
                        "was retracted"
                    } else {
                        "is not an operation against migrant smuggling"
                    };
                    let joint = if missing.is_empty() {
                        String::new()
                    } else {
                        format!(", nor joint with {}", missing.join(", "))
                    };
                    f.decided.push(format!(
                        "{} ({}) {why}{joint}: it is not evidence for this claim",
                        op.name, op.period
                    ));
                }
                continue;
            }
            if !missing.is_empty() {
                continue;
            }
            let mut any_independent = op.sources.iter().any(|s| self.independent(claim, s));
            for o in op.arrested.iter().chain(&op.rescued) {
                if self.independent(claim, o.source()) {
                    any_independent = true;
                } else {
                    f.set_aside(report_text(op, o), Some(o.source()));
                }
            }
            for s in op.sources.iter().filter(|s| !self.independent(claim, s)) {
                f.set_aside(format!("{} ({}): the record", op.name, op.period), Some(s));
            }
            if any_independent {
                out.push(op);
            } else if op.arrested.is_empty() && op.rescued.is_empty() && op.sources.is_empty() {
                f.undecided
                    .push(format!("{} ({}): no sourced report", op.name, op.period));
            } else {
                f.undecided.push(format!(
                    "{} ({}) is reported only by the claim's own source: unconfirmed elsewhere",
                    op.name, op.period
                ));
            }
        }
        out
    }

    fn check_cooperation(&self, claim: &Claim, focal: Country, partners: &[Country], within: Period) -> Finding {
        let mut parts = Vec::new();
        for &p in partners {
            let mut f = Finding::default();
            let ops = self.matching_operations(claim, focal, &[p], within, None, &mut f);
            if ops.is_empty() {
                f.undecided.push(format!(
                    "{p}: no independent record of a joint operation against migrant smuggling with {focal} within {within}"
                ));
            } else {
                for op in &ops {
                    let mut cited = false;
                    for o in op.arrested.iter().filter(|o| self.independent(claim, o.source())) {
                        f.use_item(report_text(op, o), o.source());
                        cited = true;
                    }
                    if !cited {
                        for s in op.sources.iter().filter(|s| self.independent(claim, s)) {
                            f.use_item(format!("{} ({}): {}", op.name, op.period, op.participants_text()), s);
                        }
                    }
                }
                f.decided.push(format!(
                    "{p}: joint operation(s) with {focal}: {}",
                    ops.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
                ));
                f.verdict = Some(Verdict::Consistent);
            }
            parts.push(f);
        }
        Finding::merge(parts)
    }

    #[allow(clippy::too_many_arguments)]
    fn check_operation(
        &self,
        claim: &Claim,
        focal: Country,
        partners: &[Country],
        within: Period,
        target: Option<&str>,
        arrested: Option<Count>,
        rescued: Option<Count>,
        nationality: Option<Country>,
    ) -> Finding {
        let mut f = Finding::default();
        let ops = self.matching_operations(claim, focal, partners, within, target, &mut f);
        let with = if partners.is_empty() {
            String::new()
        } else {
            format!(
                " with {}",
                partners.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
            )
        };
        if ops.is_empty() {
            f.undecided.push(format!(
                "no independent record of an operation against migrant smuggling by {focal}{with} within {within}{}",
                target.map(|t| format!(" targeting {t}")).unwrap_or_default()
            ));
            return f;
        }
        let mut parts = Vec::new();
        for (measure, claimed) in [("arrested", arrested), ("rescued", rescued)] {
            let Some(claimed) = claimed else { continue };
            let mut part = Finding::default();
            let mut best: Option<(f64, Range, &str)> = None;
            for op in &ops {
                let reports = if measure == "arrested" {
                    &op.arrested
                } else {
                    &op.rescued
                };
                let independent: Vec<&Outcome> = reports
                    .iter()
                    .filter(|o| nationality.is_none() || measure == "arrested" || o.of_nationality() == nationality)
                    .filter(|o| self.independent(claim, o.source()))
                    .collect();
                for o in &independent {
                    part.use_item(report_text(op, o), o.source());
                }
                let spread = total_of(independent.iter().copied()).map(bounds);
                let Some(ev) = spread else { continue };
                part.decided.push(format!(
                    "{}: the independent reports of {} give {} {measure} (disagreeing reports as their spread, \
                     states summed); claimed {}",
                    op.name,
                    op.period,
                    span(ev),
                    show(claimed)
                ));
                let g = gap(bounds(claimed), ev);
                if best.is_none_or(|(bg, _, _)| g.abs() < bg.abs()) {
                    best = Some((g, ev, op.name.as_str()));
                }
            }
            match best {
                None => part.undecided.push(format!(
                    "no independent report of the number {measure}{}",
                    nationality.map(|n| format!(" ({n} nationals)")).unwrap_or_default()
                )),
                Some((g, ev, name)) => {
                    if g == 0.0 {
                        part.verdict = Some(Verdict::Consistent);
                    } else {
                        part.verdict = Some(Verdict::Inconsistent);
                        part.discrepancy = Some(Discrepancy::new(
                            format!("people {measure} in {name}"),
                            bounds(claimed),
                            ev,
                        ));
                    }
                }
            }
            parts.push(part);
        }
        let merged = Finding::merge(parts);
        let mut out = Finding::merge(vec![merged]);
        out.decided.splice(0..0, f.decided);
        out.undecided.splice(0..0, f.undecided);
        out.set_aside.extend(f.set_aside);
        out
    }
}

/// "Crepúsculo (2021-09-21): 21 arrested in PAN".
fn report_text(op: &OperationRecord, o: &Outcome) -> String {
    let measure = if o.measure() == Measure::Rescued {
        "rescued"
    } else {
        "arrested"
    };
    let mut t = format!("{} ({}): {} {measure}", op.name, op.period, show(o.count()));
    if let Some(n) = o.of_nationality() {
        let _ = write!(t, " ({n} nationals)");
    }
    if let Some(st) = o.in_state() {
        let _ = write!(t, " in {st}");
    }
    t
}

fn span(ev: (f64, Option<f64>)) -> String {
    match ev.1 {
        Some(u) if u == ev.0 => thousands(ev.0),
        Some(u) => format!("{}–{}", thousands(ev.0), thousands(u)),
        None => format!("at least {}", thousands(ev.0)),
    }
}

#[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
fn invalid_check(reason: &str) -> ImpactError {
    ImpactError::Invalid {
        what: "claim check",
        reason: reason.to_owned(),
    }
}

/// A claim beside the evidence: the verdict, by how much it is off when inconsistent, the evidence used
/// and the evidence set aside (the claim's own source), and what the evidence could and could not
/// decide.
///
/// Serialises with serde; deserialising checks that an inconsistent verdict carries its discrepancy and
/// only it does, that a consistent one rests on evidence, and that no evidence used shares the claim's
/// source.
///
/// # Examples
///
/// ```
/// use corridor::impact::{Claim, ClaimKind, Evidence, Figure, Verdict};
/// use corridor::{Count, Source};
/// let ministry = Source::new("Ministry of Foreign Affairs of Panama", "statement")?;
/// let snm = Source::new("Servicio Nacional de Migración", "annual crossings")?;
/// let claim = Claim::new("2021", "133,726 in 2021", ClaimKind::Total { period: "2021".parse()?, total: Count::exact(133_726) }, ministry)?;
/// let check = Evidence::new().annual([Figure::new("2021".parse()?, Count::exact(133_726), snm)]).check(&claim);
/// assert_eq!((check.claim().label(), check.verdict()), ("2021", Verdict::Consistent));
/// assert!(check.discrepancy().is_none()); // only an inconsistent verdict has one
/// assert_eq!(check.evidence().len(), 1);
/// assert!(!check.decided().is_empty());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClaimCheckRepr", into = "ClaimCheckRepr"))]
pub struct ClaimCheck {
    claim: Claim,
    verdict: Verdict,
    discrepancy: Option<Discrepancy>,
    evidence: Vec<EvidenceItem>,
    set_aside: Vec<EvidenceItem>,
    decided: Vec<String>,
    undecided: Vec<String>,
}

impl ClaimCheck {
    /// The claim checked.
    #[must_use]
    pub fn claim(&self) -> &Claim {
        &self.claim
    }

    /// The verdict.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// By how much the claim is off (only when [`Verdict::Inconsistent`]).
    #[must_use]
    pub fn discrepancy(&self) -> Option<&Discrepancy> {
        self.discrepancy.as_ref()
    }

    /// The independent evidence used, each with its source.
    #[must_use]
    pub fn evidence(&self) -> &[EvidenceItem] {
        &self.evidence
    }

    /// Evidence set aside because it comes from the claim's own source (or has none).
    #[must_use]
    pub fn set_aside(&self) -> &[EvidenceItem] {
        &self.set_aside
    }

    /// What the evidence decided, in plain words.
    #[must_use]
    pub fn decided(&self) -> &[String] {
        &self.decided
    }

    /// What the evidence could not decide, in plain words.
    #[must_use]
    pub fn undecided(&self) -> &[String] {
        &self.undecided
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    pub(crate) fn validate(&self) -> Result<()> {
        match (self.verdict, &self.discrepancy) {
            (Verdict::Inconsistent, None) => {
                return Err(invalid_check("an inconsistent verdict without its discrepancy"));
            }
            (Verdict::Inconsistent, Some(d)) => d.validate()?,
            (_, Some(_)) => return Err(invalid_check("a discrepancy on a verdict that is not inconsistent")),
            (_, None) => {}
        }
        if self.verdict == Verdict::Consistent && self.evidence.is_empty() {
            return Err(invalid_check("a consistent verdict without evidence"));
        }
        if self.verdict != Verdict::NotVerifiable && self.evidence.iter().all(|e| e.source.is_none()) {
            return Err(invalid_check("a verdict resting on unsourced evidence"));
        }
        if self
            .evidence
            .iter()
            .any(|e| e.source.as_ref() == Some(&self.claim.source))
        {
            return Err(invalid_check("evidence from the claim's own source"));
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimCheckRepr {
    claim: Claim,
    verdict: Verdict,
    #[serde(default)]
    discrepancy: Option<Discrepancy>,
    evidence: Vec<EvidenceItem>,
    set_aside: Vec<EvidenceItem>,
    decided: Vec<String>,
    undecided: Vec<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<ClaimCheckRepr> for ClaimCheck {
    type Error = ImpactError;

    fn try_from(r: ClaimCheckRepr) -> Result<Self> {
        let c = ClaimCheck {
            claim: r.claim,
            verdict: r.verdict,
            discrepancy: r.discrepancy,
            evidence: r.evidence,
            set_aside: r.set_aside,
            decided: r.decided,
            undecided: r.undecided,
        };
        c.validate()?;
        Ok(c)
    }
}

#[cfg(feature = "serde")]
impl From<ClaimCheck> for ClaimCheckRepr {
    fn from(c: ClaimCheck) -> Self {
        ClaimCheckRepr {
            claim: c.claim,
            verdict: c.verdict,
            discrepancy: c.discrepancy,
            evidence: c.evidence,
            set_aside: c.set_aside,
            decided: c.decided,
            undecided: c.undecided,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_is_signed_and_zero_on_overlap() {
        assert_eq!(gap((10.0, Some(12.0)), (5.0, Some(8.0))), 2.0);
        assert_eq!(gap((1.0, Some(2.0)), (5.0, Some(8.0))), -3.0);
        assert_eq!(gap((6.0, None), (5.0, Some(8.0))), 0.0);
        assert_eq!(gap((9.0, None), (5.0, Some(8.0))), 1.0);
        assert_eq!(gap((9.0, None), (5.0, None)), 0.0);
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(133_726.0), "133,726");
        assert_eq!(thousands(817.5), "817.5");
        assert_eq!(thousands(6620.5), "6,620.5");
        assert_eq!(thousands(-1315.75), "-1,315.8");
    }
}
