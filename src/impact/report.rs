//! The impact report of an operation, an agreement or a statement.

use super::{ClaimCheck, FlowEffectFit, ImpactError, NetworkImpact, Result};
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

    /// When the subject happened (an operation's execution, an agreement's adoption, a statement).
    #[must_use]
    pub fn when(mut self, period: Period) -> Self {
        self.when = Some(period);
        self
    }

    /// A source that reports the subject itself; repeats are ignored.
    #[must_use]
    pub fn subject_source(mut self, source: Source) -> Self {
        if !self.subject_sources.contains(&source) {
            self.subject_sources.push(source);
        }
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
            if !out.contains(&s) {
                out.push(s);
            }
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
