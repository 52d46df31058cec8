//! The flow effect around an intervention: an interrupted time series on a [`FlowSeries`].

use core::fmt;

use time::Date;

use super::{ImpactError, Result};
use crate::flow::FlowSeries;
use crate::stats::{Estimate, Family, Its, ItsFit, its::Seasonality};
use crate::{Granularity, Period, Source};

/// Segments shorter than this many periods get a caveat: Wagner, Soumerai, Zhang & Ross-Degnan (2002),
/// *J. Clin. Pharm. Ther.* 27:299, recommend at least 12 points before and 12 after an intervention.
pub const RECOMMENDED_SEGMENT: usize = 12;

/// What [`FlowEffect::fit`] does with a gap (a period without a value) inside the analysis window.
///
/// A gap is never read as zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum GapPolicy {
    /// Refuse: [`ImpactError::Gap`] names the first missing period (the default).
    #[default]
    Refuse,
    /// Fit on the longest run of consecutive periods with values (in the treated series and the control)
    /// that contains the last period before the intervention and the first after it; the cut is
    /// reported as a [`Caveat::Trimmed`].
    LongestRun,
}

/// A dated event that may have moved the flow at the same time as the intervention: an operation, an
/// agreement, a policy elsewhere. Its date has its precision (a day, a month, a range).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DatedEvent {
    name: String,
    when: Period,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl DatedEvent {
    /// An event known by `name` that happened within `when`.
    #[must_use]
    pub fn new(name: impl Into<String>, when: Period) -> Self {
        Self {
            name: name.into(),
            when,
            source: None,
        }
    }

    /// Where the event is reported.
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        self.source = Some(source);
        self
    }

    /// The event's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// When it happened, with its precision.
    #[must_use]
    pub fn when(&self) -> Period {
        self.when
    }

    /// Where it is reported, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// A plain-words warning attached to an estimated flow effect.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "caveat", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Caveat {
    /// The model gives the intervention every change that coincides with it; it shows association, not
    /// causation. Always present.
    Association,
    /// Another event falls within the co-occurrence window of the intervention.
    CoOccurring {
        /// The other event.
        event: String,
        /// When it happened.
        when: Period,
        /// Periods from the first period after the intervention to the period containing the event's
        /// start (negative: before).
        offset: i64,
    },
    /// A seasonal series was fitted without seasonal terms.
    SeasonalityNotModelled {
        /// The series' granularity.
        granularity: Granularity,
    },
    /// Seasonal terms were estimated from fewer than two full cycles before the intervention.
    FewSeasonalCycles {
        /// Periods before the intervention.
        before: usize,
        /// The season length.
        period: usize,
    },
    /// A segment is shorter than [`RECOMMENDED_SEGMENT`] periods.
    ShortSegment {
        /// Periods before the intervention.
        before: usize,
        /// Periods from the intervention to the end of the window.
        after: usize,
    },
    /// The window was cut to a gap-free run ([`GapPolicy::LongestRun`]).
    Trimmed {
        /// First period used.
        first: Period,
        /// Last period used.
        last: Period,
        /// Number of periods of the requested window left out.
        left_out: usize,
    },
    /// A control series was used: it helps only if it shares every other influence on the flow.
    Control {
        /// The control's label.
        label: String,
    },
    /// Newey–West errors on a short series undercover (intervals too narrow).
    NeweyWestShortSeries {
        /// Periods in the window.
        n: usize,
    },
}

impl fmt::Display for Caveat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Caveat::Association => f.write_str(
                "association, not causation: any change that coincides with the intervention \
                 (other policies, reporting changes, regression to the mean) is counted as its effect",
            ),
            Caveat::CoOccurring { event, when, offset } => {
                let rel = match offset.signum() {
                    -1 => format!("{} period(s) before", -offset),
                    1 => format!("{offset} period(s) after"),
                    _ => "in the same period as".to_owned(),
                };
                write!(
                    f,
                    "{event} ({when}) happened {rel} the first period after the intervention: \
                     its effect cannot be told apart"
                )
            }
            Caveat::SeasonalityNotModelled { granularity } => write!(
                f,
                "the {granularity}ly series was fitted without seasonal terms: a seasonal rise or fall \
                 next to the intervention would be counted as its effect"
            ),
            Caveat::FewSeasonalCycles { before, period } => write!(
                f,
                "the seasonal terms rest on {before} periods before the intervention, fewer than two \
                 cycles of {period}: they are poorly separated from the trend"
            ),
            Caveat::ShortSegment { before, after } => write!(
                f,
                "short segments ({before} periods before, {after} after; at least {RECOMMENDED_SEGMENT} \
                 each are recommended): the trend and its change are uncertain"
            ),
            Caveat::Trimmed { first, last, left_out } => write!(
                f,
                "the window was cut to {first}..{last} to avoid gaps ({left_out} period(s) left out; \
                 missing months are never read as zero)"
            ),
            Caveat::Control { label } => write!(
                f,
                "the control series ({label}) removes shared influences only if it shares every \
                 influence but the intervention"
            ),
            Caveat::NeweyWestShortSeries { n } => write!(
                f,
                "Newey–West intervals on {n} periods undercover when autocorrelation is strong: \
                 read borderline results with caution"
            ),
        }
    }
}

/// How the coefficient covariance was estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
pub enum Covariance {
    /// The model's own covariance (classical OLS, or the GLM's).
    Model,
    /// Newey–West with this lag (Bartlett kernel, no prewhitening, no small-sample factor).
    NeweyWest {
        /// The lag.
        lag: usize,
    },
}

/// An estimated quantity with its standard error, two-sided interval and p-value, in plain numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EffectEstimate {
    value: f64,
    std_error: f64,
    lower: f64,
    upper: f64,
    p_value: f64,
}

impl EffectEstimate {
    fn from_estimate(e: Estimate, level: f64) -> Result<Self> {
        let interval = e
            .confidence_interval(level)
            .map_err(|_| ImpactError::InvalidLevel { level })?;
        let (lower, upper) = (interval.lower(), interval.upper());
        Ok(Self {
            value: e.value(),
            std_error: e.std_error(),
            lower,
            upper,
            p_value: e.p_value(),
        })
    }

    /// The point estimate.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }

    /// Its standard error.
    #[must_use]
    pub fn std_error(&self) -> f64 {
        self.std_error
    }

    /// The two-sided confidence interval at the fit's level.
    #[must_use]
    pub fn interval(&self) -> (f64, f64) {
        (self.lower, self.upper)
    }

    /// Two-sided p-value of "the true value is 0".
    #[must_use]
    pub fn p_value(&self) -> f64 {
        self.p_value
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    pub(crate) fn validate(&self, what: &'static str) -> Result<()> {
        let bad = |reason: String| Err(ImpactError::Invalid { what, reason });
        let all = [self.value, self.std_error, self.lower, self.upper, self.p_value];
        if all.iter().any(|v| !v.is_finite()) {
            return bad(format!("non-finite number in {all:?}"));
        }
        if self.std_error < 0.0 {
            return bad(format!("negative standard error {}", self.std_error));
        }
        if !(self.lower <= self.value && self.value <= self.upper) {
            return bad(format!(
                "interval {}..{} does not contain the estimate {}",
                self.lower, self.upper, self.value
            ));
        }
        if !(0.0..=1.0).contains(&self.p_value) {
            return bad(format!("p-value {} outside 0..1", self.p_value));
        }
        Ok(())
    }
}

/// One period of a fitted flow effect: what was observed, what the model fits and what it would have
/// fitted without the intervention.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EffectPoint {
    period: Period,
    observed: f64,
    fitted: f64,
    counterfactual: f64,
}

impl EffectPoint {
    /// The period.
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The observed value (people in the period).
    #[must_use]
    pub fn observed(&self) -> f64 {
        self.observed
    }

    /// The fitted mean.
    #[must_use]
    pub fn fitted(&self) -> f64 {
        self.fitted
    }

    /// The counterfactual mean: the fitted model with the intervention's terms set to 0.
    #[must_use]
    pub fn counterfactual(&self) -> f64 {
        self.counterfactual
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Period(Period),
    After(Date),
}

/// The flow effect of an intervention on a [`FlowSeries`]: an interrupted time series (segmented
/// regression, [`Its`]) with optional seasonal terms and control series, a stated gap policy and
/// plain-words caveats.
///
/// ```text
/// y_t = b0 + b1 t + b2 D_t + b3 (t - T) D_t + seasonal terms,   D_t = 1 from the first period after
/// ```
///
/// `b2` is the level change and `b3` the slope change (people per period for the Gaussian family; for
/// the count families the log rate ratio of people per day, the exposure being each period's days).
/// With a control series the effect is the treated-minus-control difference in those changes
/// (comparative ITS, see [`Its::control`]).
///
/// # Example
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::impact::FlowEffect;
/// use corridor::Count;
///
/// let y = [10, 12, 11, 13, 14, 13, 25, 27, 26, 29, 30, 31];
/// let series = FlowSeries::new("2021-01".parse()?, y.iter().map(|&v| Some(Count::exact(v))).collect())?;
/// let fit = FlowEffect::new(&series, "2021-07".parse()?).label("new route").fit()?;
/// assert!(fit.level_change().value() > 5.0);
/// assert_eq!(fit.points().len(), 12);
/// assert!(!fit.caveats().is_empty()); // short segments, no seasonal terms, association
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FlowEffect<'a> {
    series: &'a FlowSeries,
    at: At,
    label: String,
    window: Option<(Period, Period)>,
    gaps: GapPolicy,
    seasonality: Seasonality,
    family: Family,
    hac: Option<usize>,
    control: Option<(&'a FlowSeries, String)>,
    events: Vec<DatedEvent>,
    event_window: u32,
    level: f64,
}

impl<'a> FlowEffect<'a> {
    /// The effect on `series` of an intervention whose first full period is `first_after`. Never fails:
    /// everything is checked by [`FlowEffect::fit`].
    #[must_use]
    pub fn new(series: &'a FlowSeries, first_after: Period) -> Self {
        Self {
            series,
            at: At::Period(first_after),
            label: "intervention".to_owned(),
            window: None,
            gaps: GapPolicy::Refuse,
            seasonality: Seasonality::None,
            family: Family::Gaussian,
            hac: None,
            control: None,
            events: Vec::new(),
            event_window: 2,
            level: 0.95,
        }
    }

    /// The effect of an intervention on `date`: the period that contains the date is the last one before
    /// it unless the date is that period's first day (a quota agreed on 9 August acts on September
    /// first in full).
    #[must_use]
    pub fn after(series: &'a FlowSeries, date: Date) -> Self {
        let mut s = Self::new(series, series.start());
        s.at = At::After(date);
        s
    }

    /// What the intervention is (used in the report and the caveats).
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Fits on `first ..= last` only (default: the whole series).
    #[must_use]
    pub fn window(mut self, first: Period, last: Period) -> Self {
        self.window = Some((first, last));
        self
    }

    /// What to do with gaps in the window (default [`GapPolicy::Refuse`]).
    #[must_use]
    pub fn gaps(mut self, policy: GapPolicy) -> Self {
        self.gaps = policy;
        self
    }

    /// Seasonal terms (for monthly data `Seasonality::Dummies { period: 12 }`).
    #[must_use]
    pub fn seasonality(mut self, seasonality: Seasonality) -> Self {
        self.seasonality = seasonality;
        self
    }

    /// The family (Gaussian by default; the count families use each period's days as exposure).
    #[must_use]
    pub fn family(mut self, family: Family) -> Self {
        self.family = family;
        self
    }

    /// Newey–West standard errors with lag `lag` (Gaussian family only).
    #[must_use]
    pub fn hac(mut self, lag: usize) -> Self {
        self.hac = Some(lag);
        self
    }

    /// A control series over the same periods (a nationality or corridor the measure did not touch),
    /// with its label.
    #[must_use]
    pub fn control(mut self, control: &'a FlowSeries, label: impl Into<String>) -> Self {
        self.control = Some((control, label.into()));
        self
    }

    /// Other dated events: each one within [`FlowEffect::event_window`] periods of the intervention is
    /// reported as a [`Caveat::CoOccurring`].
    #[must_use]
    pub fn events(mut self, events: impl IntoIterator<Item = DatedEvent>) -> Self {
        self.events.extend(events);
        self
    }

    /// How many periods on either side count as co-occurring (default 2).
    #[must_use]
    pub fn event_window(mut self, periods: u32) -> Self {
        self.event_window = periods;
        self
    }

    /// The confidence level of the intervals (default 0.95).
    #[must_use]
    pub fn confidence(mut self, level: f64) -> Self {
        self.level = level;
        self
    }

    fn not_in(&self, p: Period) -> ImpactError {
        ImpactError::PeriodNotInSeries {
            period: p.to_string(),
            first: self.series.start().to_string(),
            last: self.series.end().to_string(),
        }
    }

    fn first_after(&self) -> Result<Period> {
        match self.at {
            At::Period(p) => Ok(p),
            At::After(d) => {
                let g = self.series.granularity();
                let p = Period::containing(d, g);
                if p.start() == d {
                    Ok(p)
                } else {
                    p.next().ok_or_else(|| self.not_in(p))
                }
            }
        }
    }

    /// Fits the model.
    ///
    /// # Errors
    /// [`ImpactError::InvalidLevel`] for a level outside `(0, 1)`; [`ImpactError::PeriodNotInSeries`]
    /// when the intervention or a window end is not a period of the series;
    /// [`ImpactError::ReversedWindow`]; [`ImpactError::ControlMismatch`] when the control has another
    /// granularity or does not cover the window; [`ImpactError::Gap`] for a gap under
    /// [`GapPolicy::Refuse`]; [`ImpactError::TooFewPeriods`] when fewer than 2 periods lie on either
    /// side; [`ImpactError::Fit`] when the regression fails (constant series, collinear terms, Newey–West
    /// with a count family…).
    pub fn fit(&self) -> Result<FlowEffectFit> {
        if !(self.level > 0.0 && self.level < 1.0) {
            return Err(ImpactError::InvalidLevel { level: self.level });
        }
        let s = self.series;
        let at = self.first_after()?;
        let at_i = s.position(at).ok_or_else(|| self.not_in(at))?;
        let (first, last) = self.window.unwrap_or((s.start(), s.end()));
        let a = s.position(first).ok_or_else(|| self.not_in(first))?;
        let b = s.position(last).ok_or_else(|| self.not_in(last))?;
        if b < a {
            return Err(ImpactError::ReversedWindow {
                first: first.to_string(),
                last: last.to_string(),
            });
        }
        let periods: Vec<Period> = s.periods().collect();
        let y_all = s.to_f64();
        let control = match &self.control {
            None => None,
            Some((c, label)) => Some((self.control_values(c, &periods[a..=b])?, label.clone())),
        };
        let known = |i: usize| y_all[i].is_some() && control.as_ref().is_none_or(|(c, _)| c[i - a].is_some());
        let (lo, hi) = match self.gaps {
            GapPolicy::Refuse => {
                if let Some(i) = (a..=b).find(|&i| !known(i)) {
                    return Err(ImpactError::Gap {
                        period: periods[i].to_string(),
                        first: first.to_string(),
                        last: last.to_string(),
                    });
                }
                (a, b)
            }
            GapPolicy::LongestRun => {
                let anchor = if at_i > a { at_i - 1 } else { at_i };
                if !(a..=b).contains(&anchor) || !known(anchor) {
                    return Err(ImpactError::Gap {
                        period: periods[anchor.clamp(a, b)].to_string(),
                        first: first.to_string(),
                        last: last.to_string(),
                    });
                }
                let mut lo = anchor;
                while lo > a && known(lo - 1) {
                    lo -= 1;
                }
                let mut hi = anchor;
                while hi < b && known(hi + 1) {
                    hi += 1;
                }
                (lo, hi)
            }
        };
        if at_i < lo + 2 || at_i + 2 > hi + 1 {
            return Err(ImpactError::TooFewPeriods {
                at: at.to_string(),
                before: at_i.saturating_sub(lo),
                after: (hi + 1).saturating_sub(at_i),
                needed: 2,
            });
        }
        let y: Vec<f64> = (lo..=hi).filter_map(|i| y_all[i]).collect();
        let days: Vec<f64> = periods[lo..=hi].iter().map(|p| f64::from(p.days())).collect();
        let ctl: Option<Vec<f64>> = control
            .as_ref()
            .map(|(c, _)| c[lo - a..=hi - a].iter().map(|v| v.unwrap_or(f64::NAN)).collect());
        let t0 = at_i - lo;
        let mut its = Its::new(&y, t0).family(self.family).seasonality(self.seasonality);
        if self.family != Family::Gaussian {
            its = its.exposure(&days);
        }
        if let Some(lag) = self.hac {
            its = its.hac(lag);
        }
        if let Some(c) = &ctl {
            its = its.control(c);
        }
        let fit = its.fit().map_err(|source| ImpactError::Fit {
            at: at.to_string(),
            source,
        })?;
        let caveats = self.caveats(&periods, lo, hi, a, b, at_i, control.as_ref().map(|c| c.1.clone()));
        self.assemble(&fit, &periods[lo..=hi], &y, at, caveats, lo, hi, control.map(|c| c.1))
    }

    /// The control's values on `window` (its periods must be the treated window's).
    fn control_values(&self, c: &FlowSeries, window: &[Period]) -> Result<Vec<Option<f64>>> {
        if c.granularity() != self.series.granularity() {
            return Err(ImpactError::ControlMismatch {
                reason: format!(
                    "granularity {} differs from the treated series' {}",
                    c.granularity(),
                    self.series.granularity()
                ),
            });
        }
        let values = c.to_f64();
        window
            .iter()
            .map(|&p| {
                c.position(p)
                    .map(|i| values[i])
                    .ok_or_else(|| ImpactError::ControlMismatch {
                        reason: format!("has no period {p} (it runs {} to {})", c.start(), c.end()),
                    })
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn caveats(
        &self,
        periods: &[Period],
        lo: usize,
        hi: usize,
        a: usize,
        b: usize,
        at_i: usize,
        control: Option<String>,
    ) -> Vec<Caveat> {
        let mut out = vec![Caveat::Association];
        let (before, after) = (at_i - lo, hi + 1 - at_i);
        if before < RECOMMENDED_SEGMENT || after < RECOMMENDED_SEGMENT {
            out.push(Caveat::ShortSegment { before, after });
        }
        let g = self.series.granularity();
        match self.seasonality {
            Seasonality::None => {
                if matches!(g, Granularity::Week | Granularity::Month | Granularity::Quarter) {
                    out.push(Caveat::SeasonalityNotModelled { granularity: g });
                }
            }
            Seasonality::Dummies { period } | Seasonality::Fourier { period, .. } => {
                if before < 2 * period {
                    out.push(Caveat::FewSeasonalCycles { before, period });
                }
            }
        }
        if (lo, hi) != (a, b) {
            out.push(Caveat::Trimmed {
                first: periods[lo],
                last: periods[hi],
                left_out: (b - a) - (hi - lo),
            });
        }
        if let Some(label) = control {
            out.push(Caveat::Control { label });
        }
        if self.hac.is_some() && hi - lo + 1 < 100 {
            out.push(Caveat::NeweyWestShortSeries { n: hi - lo + 1 });
        }
        for e in &self.events {
            if e.name == self.label {
                continue;
            }
            let Some(i) = self.series.position(Period::containing(e.when.start(), g)) else {
                continue;
            };
            let offset = i as i64 - at_i as i64;
            if offset.unsigned_abs() <= u64::from(self.event_window) {
                out.push(Caveat::CoOccurring {
                    event: e.name.clone(),
                    when: e.when,
                    offset,
                });
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        fit: &ItsFit,
        periods: &[Period],
        y: &[f64],
        at: Period,
        caveats: Vec<Caveat>,
        lo: usize,
        hi: usize,
        control: Option<String>,
    ) -> Result<FlowEffectFit> {
        let level = self.level;
        let points = periods
            .iter()
            .zip(y)
            .zip(fit.fitted().iter().zip(fit.counterfactual()))
            .map(|((&period, &observed), (&fitted, &counterfactual))| EffectPoint {
                period,
                observed,
                fitted,
                counterfactual,
            })
            .collect();
        let last = fit.fitted().len() - 1;
        let end = fit.effect_at(last).map_err(|source| ImpactError::Fit {
            at: at.to_string(),
            source,
        })?;
        let mut sources: Vec<Source> = Vec::new();
        for i in lo..=hi {
            for src in self.series.sources_at(i) {
                if !sources.contains(src) {
                    sources.push(src.clone());
                }
            }
        }
        Ok(FlowEffectFit {
            label: self.label.clone(),
            first_after: at,
            family: self.family,
            covariance: self.hac.map_or(Covariance::Model, |lag| Covariance::NeweyWest { lag }),
            seasonality: self.seasonality,
            confidence: level,
            level_change: EffectEstimate::from_estimate(fit.level_change(), level)?,
            slope_change: EffectEstimate::from_estimate(fit.slope_change(), level)?,
            end_absolute: EffectEstimate::from_estimate(end.absolute(), level)?,
            end_relative: EffectEstimate::from_estimate(end.relative(), level)?,
            points,
            control,
            caveats,
            sources,
        })
    }
}

/// The result of [`FlowEffect::fit`]: level and slope change with intervals, the counterfactual, the
/// effect at the end of the window, caveats and the sources of the series values used.
///
/// Serialises with serde (feature `serde`); deserialising checks that the numbers are finite, the
/// intervals contain their estimates, the periods run consecutively and the intervention lies inside.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FlowEffectFitRepr", into = "FlowEffectFitRepr"))]
pub struct FlowEffectFit {
    label: String,
    first_after: Period,
    family: Family,
    covariance: Covariance,
    seasonality: Seasonality,
    confidence: f64,
    level_change: EffectEstimate,
    slope_change: EffectEstimate,
    end_absolute: EffectEstimate,
    end_relative: EffectEstimate,
    points: Vec<EffectPoint>,
    control: Option<String>,
    caveats: Vec<Caveat>,
    sources: Vec<Source>,
}

impl FlowEffectFit {
    /// What the intervention is.
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The first period after the intervention.
    #[must_use]
    pub fn first_after(&self) -> Period {
        self.first_after
    }

    /// The first and last period fitted.
    #[must_use]
    pub fn window(&self) -> (Period, Period) {
        let first = self.points.first().map_or(self.first_after, |p| p.period);
        let last = self.points.last().map_or(self.first_after, |p| p.period);
        (first, last)
    }

    /// The family fitted.
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// How the covariance was estimated.
    #[must_use]
    pub fn covariance(&self) -> Covariance {
        self.covariance
    }

    /// The seasonal terms.
    #[must_use]
    pub fn seasonality(&self) -> Seasonality {
        self.seasonality
    }

    /// The confidence level of every interval.
    #[must_use]
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The level change `b2` (people per period; log rate ratio for the count families).
    #[must_use]
    pub fn level_change(&self) -> EffectEstimate {
        self.level_change
    }

    /// The slope change `b3` (people per period per period; log scale for the count families).
    #[must_use]
    pub fn slope_change(&self) -> EffectEstimate {
        self.slope_change
    }

    /// Fitted minus counterfactual in the last period, in people (delta method).
    #[must_use]
    pub fn end_absolute(&self) -> EffectEstimate {
        self.end_absolute
    }

    /// Fitted over counterfactual minus 1 in the last period (delta method).
    #[must_use]
    pub fn end_relative(&self) -> EffectEstimate {
        self.end_relative
    }

    /// Observed, fitted and counterfactual values, period by period.
    #[must_use]
    pub fn points(&self) -> &[EffectPoint] {
        &self.points
    }

    /// The control series' label, if one was used.
    #[must_use]
    pub fn control(&self) -> Option<&str> {
        self.control.as_deref()
    }

    /// The plain-words caveats.
    #[must_use]
    pub fn caveats(&self) -> &[Caveat] {
        &self.caveats
    }

    /// The sources of the treated series' values that were fitted.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used when deserialising
    fn validate(&self) -> Result<()> {
        let bad = |reason: String| {
            Err(ImpactError::Invalid {
                what: "flow effect",
                reason,
            })
        };
        if !(self.confidence > 0.0 && self.confidence < 1.0) {
            return bad(format!("confidence level {} outside (0, 1)", self.confidence));
        }
        for e in [
            self.level_change,
            self.slope_change,
            self.end_absolute,
            self.end_relative,
        ] {
            e.validate("flow effect")?;
        }
        if self.points.len() < 4 {
            return bad(format!("{} points; at least 4 are fitted", self.points.len()));
        }
        for w in self.points.windows(2) {
            if w[0].period.next() != Some(w[1].period) || w[0].period.granularity().is_none() {
                return bad(format!(
                    "periods {} and {} are not consecutive",
                    w[0].period, w[1].period
                ));
            }
        }
        if self
            .points
            .iter()
            .any(|p| !(p.observed.is_finite() && p.fitted.is_finite() && p.counterfactual.is_finite()))
        {
            return bad("non-finite value among the points".to_owned());
        }
        let i = self.points.iter().position(|p| p.period == self.first_after);
        if !i.is_some_and(|i| i >= 2 && i + 2 <= self.points.len()) {
            return bad(format!(
                "intervention {} is not inside the fitted periods with 2 on each side",
                self.first_after
            ));
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowEffectFitRepr {
    label: String,
    first_after: Period,
    family: Family,
    covariance: Covariance,
    seasonality: Seasonality,
    confidence: f64,
    level_change: EffectEstimate,
    slope_change: EffectEstimate,
    end_absolute: EffectEstimate,
    end_relative: EffectEstimate,
    points: Vec<EffectPoint>,
    #[serde(default)]
    control: Option<String>,
    caveats: Vec<Caveat>,
    sources: Vec<Source>,
}

#[cfg(feature = "serde")]
impl TryFrom<FlowEffectFitRepr> for FlowEffectFit {
    type Error = ImpactError;

    fn try_from(r: FlowEffectFitRepr) -> Result<Self> {
        let fit = FlowEffectFit {
            label: r.label,
            first_after: r.first_after,
            family: r.family,
            covariance: r.covariance,
            seasonality: r.seasonality,
            confidence: r.confidence,
            level_change: r.level_change,
            slope_change: r.slope_change,
            end_absolute: r.end_absolute,
            end_relative: r.end_relative,
            points: r.points,
            control: r.control,
            caveats: r.caveats,
            sources: r.sources,
        };
        fit.validate()?;
        Ok(fit)
    }
}

#[cfg(feature = "serde")]
impl From<FlowEffectFit> for FlowEffectFitRepr {
    fn from(f: FlowEffectFit) -> Self {
        FlowEffectFitRepr {
            label: f.label,
            first_after: f.first_after,
            family: f.family,
            covariance: f.covariance,
            seasonality: f.seasonality,
            confidence: f.confidence,
            level_change: f.level_change,
            slope_change: f.slope_change,
            end_absolute: f.end_absolute,
            end_relative: f.end_relative,
            points: f.points,
            control: f.control,
            caveats: f.caveats,
            sources: f.sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Count;

    fn series(v: &[Option<u64>]) -> FlowSeries {
        FlowSeries::new(
            "2021-01".parse().unwrap(),
            v.iter().map(|x| x.map(Count::exact)).collect(),
        )
        .unwrap()
    }

    #[test]
    fn after_a_date_starts_with_the_next_full_period() {
        let s = series(&[Some(1), Some(2), Some(4), Some(3), Some(9), Some(8), Some(10)]);
        let mid = FlowEffect::after(&s, time::macros::date!(2021 - 03 - 09));
        assert_eq!(mid.first_after().unwrap().to_string(), "2021-04");
        let first_day = FlowEffect::after(&s, time::macros::date!(2021 - 03 - 01));
        assert_eq!(first_day.first_after().unwrap().to_string(), "2021-03");
    }

    #[test]
    fn longest_run_keeps_the_run_around_the_intervention() {
        let s = series(&[
            Some(5),
            None,
            Some(1),
            Some(2),
            Some(3),
            Some(9),
            Some(10),
            Some(12),
            None,
            Some(4),
        ]);
        let fit = FlowEffect::new(&s, "2021-06".parse().unwrap())
            .gaps(GapPolicy::LongestRun)
            .fit()
            .unwrap();
        assert_eq!(fit.window().0.to_string(), "2021-03");
        assert_eq!(fit.window().1.to_string(), "2021-08");
        assert!(
            fit.caveats()
                .iter()
                .any(|c| matches!(c, Caveat::Trimmed { left_out: 4, .. }))
        );
    }
}
