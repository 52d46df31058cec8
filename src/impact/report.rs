//! The impact report of an operation, an agreement or a statement.

use core::fmt::Write as _;

use super::{ClaimCheck, FlowEffectFit, ImpactError, NetworkImpact, Result};
use crate::operation::JointOperation;
use crate::partner::{Agreement, Target};
use crate::{Count, Period, Source};

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Subject {
    /// A joint (or national) operation.
    Operation,
    /// An agreement, meeting, campaign or other arrangement between states.
    Agreement,
    /// A statement and its claims.
    Statement,
}

/// A figure reported about the subject (an operation's arrests, an agreement's quota), with its source.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReportedFigure {
    what: String,
    count: Count,
    source: Source,
}

impl ReportedFigure {
    /// `count` of `what` ("arrested in Costa Rica"), from `source`.
    #[must_use]
    pub fn new(what: impl Into<String>, count: Count, source: Source) -> Self {
        Self {
            what: what.into(),
            count,
            source,
        }
    }

    /// What is counted.
    #[must_use]
    pub fn what(&self) -> &str {
        &self.what
    }

    /// The figure, with its bounds.
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

/// Everything the impact layer says about one operation, agreement or statement: its reported figures,
/// its flow effects, its effect on smuggling networks and its claims checked, each number with its
/// source.
///
/// Serialises to JSON with serde (feature `serde`); deserialising validates every part as its own type
/// does (intervals contain their estimates, verdicts carry what they need, no claim is confirmed by
/// its own source, network counts add up).
///
/// # Example
/// ```
/// use corridor::impact::{ImpactReport, ReportedFigure, Subject};
/// use corridor::{Count, Source};
///
/// let efe = Source::new("EFE", "More than 40 arrested in Panama, Costa Rica raids")?;
/// let report = ImpactReport::new(Subject::Operation, "Operación Binacional Crepúsculo")?
///     .when("2021-09-21".parse()?)
///     .figure(ReportedFigure::new("arrested", "over 40".parse()?, efe.clone()));
/// assert_eq!(report.sources(), vec![&efe]);
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&report).unwrap();
/// let back: ImpactReport = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, report);
/// # }
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ImpactReportRepr", into = "ImpactReportRepr"))]
pub struct ImpactReport {
    subject: Subject,
    name: String,
    when: Option<Period>,
    subject_sources: Vec<Source>,
    figures: Vec<ReportedFigure>,
    flow_effects: Vec<FlowEffectFit>,
    networks: Vec<NetworkImpact>,
    claims: Vec<ClaimCheck>,
}

impl ImpactReport {
    /// An empty report on `subject`, known as `name`.
    ///
    /// # Errors
    /// [`ImpactError::Invalid`] for an empty name.
    pub fn new(subject: Subject, name: impl Into<String>) -> Result<Self> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(ImpactError::Invalid {
                what: "impact report",
                reason: "the subject's name is empty".to_owned(),
            });
        }
        Ok(Self {
            subject,
            name,
            when: None,
            subject_sources: Vec::new(),
            figures: Vec::new(),
            flow_effects: Vec::new(),
            networks: Vec::new(),
            claims: Vec::new(),
        })
    }

    /// The report of an operation: its name, its period ([`JointOperation::period`]), every source it
    /// cites (its sole source too, when only one statement reports it), and every reported figure with
    /// its own source — each outcome report (conflicting ones kept, with the state and nationality it is
    /// attributed to), each seizure and each fee per person. Add its network impact
    /// ([`NetworkImpact::of_operation`]), flow effects and claims with the chained setters.
    ///
    /// # Errors
    ///
    /// None for a valid operation (its name is never empty); the `Result` is that of
    /// [`ImpactReport::new`].
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::impact::{ImpactReport, Subject};
    ///
    /// let log = darien::operations();
    /// let report = ImpactReport::for_operation(log.get("crepusculo-2021").expect("S21"))?;
    /// assert_eq!(report.subject(), Subject::Operation);
    /// // S21: 21 arrested in Panama, reported by EFE, is one of the figures.
    /// assert!(report.figures().iter().any(|f| f.what() == "arrested in PAN" && f.count().point() == 21));
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn for_operation(operation: &JointOperation) -> Result<Self> {
        let mut report = Self::new(Subject::Operation, operation.name())?.when(operation.period());
        for s in operation.sources() {
            report = report.subject_source(s.clone());
        }
        for o in operation.outcomes() {
            let mut what = o.measure().to_string().replace('_', " ");
            if let Some(n) = o.of_nationality() {
                let _ = write!(what, " ({n} nationals)");
            }
            if let Some(st) = o.in_state() {
                let _ = write!(what, " in {st}");
            }
            report = report.figure(ReportedFigure::new(what, o.count(), o.source().clone()));
        }
        for z in operation.seizures() {
            let mut what = format!("seized: {}", z.item());
            if let Some(u) = z.unit_name() {
                let _ = write!(what, " ({u})");
            }
            if let Some(c) = z.currency_code() {
                let _ = write!(what, " ({c})");
            }
            if let Some(st) = z.in_state() {
                let _ = write!(what, " in {st}");
            }
            report = report.figure(ReportedFigure::new(what, z.quantity(), z.source().clone()));
        }
        for fee in operation.fees() {
            report = report.figure(ReportedFigure::new(
                format!("fee per person ({})", fee.currency()),
                fee.amount(),
                fee.source().clone(),
            ));
        }
        Ok(report)
    }

    /// The report of an agreement, meeting or campaign: its name, its adoption (else the start of its
    /// period in force), its sources and its figures — the number of states it names, each declared
    /// number of parties, each funding amount, each step of a quota and each quantitative target. A
    /// figure without its own source is the agreement record's and carries the agreement's first source.
    ///
    /// # Errors
    ///
    /// [`ImpactError::Invalid`] when a figure has no source of its own and the agreement has none
    /// either (a number is never reported without its source).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::impact::ImpactReport;
    ///
    /// let reg = darien::partners();
    /// let report = ImpactReport::for_agreement(reg.agreement("pan-col-quota-2021").expect("S05"))?;
    /// // S06: 650 a day until the end of August 2021, then 500 a day Tuesday to Saturday.
    /// let quota: Vec<u64> = report.figures().iter()
    ///     .filter(|f| f.what().starts_with("quota"))
    ///     .map(|f| f.count().point())
    ///     .collect();
    /// assert_eq!(quota, [650, 500]);
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn for_agreement(agreement: &Agreement) -> Result<Self> {
        let mut report = Self::new(Subject::Agreement, agreement.name())?;
        if let Some(p) = agreement.adopted() {
            report = report.when(p);
        } else if let Some(d) = agreement.in_force_from() {
            report = report.when(Period::day(d));
        }
        for s in agreement.sources() {
            report = report.subject_source(s.clone());
        }
        let fallback = agreement.sources().first();
        let sourced = |what: &str, own: Option<&Source>| -> Result<Source> {
            own.or(fallback).cloned().ok_or_else(|| ImpactError::Invalid {
                what: "impact report",
                reason: format!("{} of {:?} has no source", what, agreement.name()),
            })
        };
        let states = agreement.states();
        if !states.is_empty() {
            let what = "states named as parties or conveners";
            let src = sourced(what, None)?;
            report = report.figure(ReportedFigure::new(what, Count::exact(states.len() as u64), src));
        }
        for pc in agreement.party_counts() {
            report = report.figure(ReportedFigure::new(
                format!("parties (as of {})", pc.as_of()),
                pc.count(),
                pc.source().clone(),
            ));
        }
        for f in agreement.funding() {
            let what = format!("funding in {} ({})", f.currency(), f.on());
            let src = sourced(&what, f.source_ref())?;
            report = report.figure(ReportedFigure::new(what, Count::exact(f.amount()), src));
        }
        for c in agreement.commitments() {
            match c.target_ref() {
                Some(Target::Quota(q)) => {
                    for step in q.steps() {
                        let until = step.last_day().map(|d| format!(" until {d}")).unwrap_or_default();
                        let what = format!("quota per day from {}{until} ({})", step.first_day(), step.weekdays());
                        let src = sourced(&what, step.source_ref().or(c.source_ref()))?;
                        report = report.figure(ReportedFigure::new(what, Count::exact(step.per_day()), src));
                    }
                }
                Some(Target::Figure { what, count }) => {
                    let src = sourced(what, c.source_ref())?;
                    report = report.figure(ReportedFigure::new(format!("target: {what}"), *count, src));
                }
                _ => {}
            }
        }
        Ok(report)
    }

    /// The report of a statement: its claims checked ([`ClaimCheck`]s, in the statement's order), the
    /// statement as the subject's source, and `when` it was made. Each check carries the sources of both
    /// sides.
    ///
    /// # Errors
    ///
    /// [`ImpactError::Invalid`] when a claim checked is not the statement's (its source differs).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::impact::ImpactReport;
    ///
    /// let statement = darien::statement_2022().source;
    /// let report = ImpactReport::for_statement(&statement, darien::statement_period(), darien::check_statement())?;
    /// assert_eq!(report.claim_checks().len(), 7);
    /// assert_eq!(report.sources()[0], &statement);
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn for_statement(
        statement: &Source,
        when: Period,
        checks: impl IntoIterator<Item = ClaimCheck>,
    ) -> Result<Self> {
        let checks: Vec<ClaimCheck> = checks.into_iter().collect();
        if let Some(c) = checks.iter().find(|c| c.claim().source() != statement) {
            return Err(ImpactError::Invalid {
                what: "impact report",
                reason: format!(
                    "claim {:?} is from {:?}, not from the statement {:?}",
                    c.claim().label(),
                    c.claim().source().publisher(),
                    statement.publisher()
                ),
            });
        }
        Ok(Self::new(Subject::Statement, statement.title())?
            .when(when)
            .subject_source(statement.clone())
            .claims(checks))
    }

    /// When the subject happened (an operation's execution, an agreement's adoption, a statement).
    #[must_use]
    pub fn when(mut self, period: Period) -> Self {
        self.when = Some(period);
        self
    }

    /// A source that reports the subject itself; repeats are ignored.
    #[must_use]
    pub fn subject_source(mut self, source: Source) -> Self {
        crate::distinct::push_distinct(&mut self.subject_sources, source);
        self
    }

    /// A reported figure.
    #[must_use]
    pub fn figure(mut self, figure: ReportedFigure) -> Self {
        self.figures.push(figure);
        self
    }

    /// A flow effect around the subject's date.
    #[must_use]
    pub fn flow_effect(mut self, fit: FlowEffectFit) -> Self {
        self.flow_effects.push(fit);
        self
    }

    /// The subject's arrests applied to a network.
    #[must_use]
    pub fn network(mut self, impact: NetworkImpact) -> Self {
        self.networks.push(impact);
        self
    }

    /// A claim checked.
    #[must_use]
    pub fn claim(mut self, check: ClaimCheck) -> Self {
        self.claims.push(check);
        self
    }

    /// Claims checked.
    #[must_use]
    pub fn claims(mut self, checks: impl IntoIterator<Item = ClaimCheck>) -> Self {
        self.claims.extend(checks);
        self
    }

    /// What the report is about.
    #[must_use]
    pub fn subject(&self) -> Subject {
        self.subject
    }

    /// The subject's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// When the subject happened, if given.
    #[must_use]
    pub fn period(&self) -> Option<Period> {
        self.when
    }

    /// The sources that report the subject itself.
    #[must_use]
    pub fn subject_sources(&self) -> &[Source] {
        &self.subject_sources
    }

    /// The reported figures.
    #[must_use]
    pub fn figures(&self) -> &[ReportedFigure] {
        &self.figures
    }

    /// The flow effects.
    #[must_use]
    pub fn flow_effects(&self) -> &[FlowEffectFit] {
        &self.flow_effects
    }

    /// The network impacts.
    #[must_use]
    pub fn networks(&self) -> &[NetworkImpact] {
        &self.networks
    }

    /// The claim checks.
    #[must_use]
    pub fn claim_checks(&self) -> &[ClaimCheck] {
        &self.claims
    }

    /// Every distinct source the report rests on, in order of first appearance: the subject's, the
    /// figures', the flow series', the networks', and both sides of every claim.
    #[must_use]
    pub fn sources(&self) -> Vec<&Source> {
        let mut all: Vec<&Source> = Vec::new();
        all.extend(&self.subject_sources);
        all.extend(self.figures.iter().map(|f| &f.source));
        all.extend(self.flow_effects.iter().flat_map(FlowEffectFit::sources));
        all.extend(self.networks.iter().flat_map(NetworkImpact::sources));
        for c in &self.claims {
            all.push(c.claim().source());
            all.extend(c.evidence().iter().filter_map(|e| e.source()));
        }
        let mut out: Vec<&Source> = Vec::with_capacity(all.len());
        for s in all {
            crate::distinct::push_distinct(&mut out, s);
        }
        out
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ImpactReportRepr {
    subject: Subject,
    name: String,
    #[serde(default)]
    when: Option<Period>,
    #[serde(default)]
    subject_sources: Vec<Source>,
    #[serde(default)]
    figures: Vec<ReportedFigure>,
    #[serde(default)]
    flow_effects: Vec<FlowEffectFit>,
    #[serde(default)]
    networks: Vec<NetworkImpact>,
    #[serde(default)]
    claims: Vec<ClaimCheck>,
}

#[cfg(feature = "serde")]
impl TryFrom<ImpactReportRepr> for ImpactReport {
    type Error = ImpactError;

    fn try_from(r: ImpactReportRepr) -> Result<Self> {
        // The parts validated themselves while being read; the name is checked here.
        let mut report = ImpactReport::new(r.subject, r.name)?;
        report.when = r.when;
        report.subject_sources = r.subject_sources;
        report.figures = r.figures;
        report.flow_effects = r.flow_effects;
        report.networks = r.networks;
        report.claims = r.claims;
        Ok(report)
    }
}

#[cfg(feature = "serde")]
impl From<ImpactReport> for ImpactReportRepr {
    fn from(r: ImpactReport) -> Self {
        ImpactReportRepr {
            subject: r.subject,
            name: r.name,
            when: r.when,
            subject_sources: r.subject_sources,
            figures: r.figures,
            flow_effects: r.flow_effects,
            networks: r.networks,
            claims: r.claims,
        }
    }
}
