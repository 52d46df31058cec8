//! Calibration of free parameters to an observed monthly series, and the losses used.

use super::{Model, Run, Scenario, SimError};
use crate::Period;
use crate::flow::FlowSeries;

/// The loss a [`Calibration`] minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Loss {
    /// The Poisson deviance of the observed counts given the simulated ones (see
    /// [`poisson_deviance`]): large months weigh more, as counts do.
    #[default]
    PoissonDeviance,
    /// Flee's averaged relative difference (see [`ard`]): every month weighs the same.
    Ard,
}

/// The pairs (simulated, observed) of the periods both series have a value for.
fn pairs(simulated: &FlowSeries, observed: &FlowSeries) -> Vec<(f64, f64)> {
    observed
        .iter()
        .filter_map(|(p, o)| {
            let s = simulated.get(p)??.point();
            Some((s as f64, o? as f64))
        })
        .collect()
}

/// The averaged relative difference of `simulated` from `observed`, as Flee scores a simulation
/// (Suleimenova, Bell & Groen 2017, "A generalized simulation development approach for
/// predicting refugee destinations", Scientific Reports 7): the mean over periods of
/// `|s − o| / o`, over the periods both series have a value for and `o > 0`.
///
/// Returns `None` when no period qualifies.
///
/// # Example
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::Count;
///
/// let obs = FlowSeries::new("2021-01".parse()?, vec![Some(Count::exact(100)), Some(Count::exact(200)), None])?;
/// let sim = FlowSeries::new("2021-01".parse()?, vec![Some(Count::exact(110)), Some(Count::exact(150)), Some(Count::exact(5))])?;
/// assert_eq!(corridor::sim::ard(&sim, &obs), Some((0.1 + 0.25) / 2.0));
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn ard(simulated: &FlowSeries, observed: &FlowSeries) -> Option<f64> {
    let rel: Vec<f64> = pairs(simulated, observed)
        .into_iter()
        .filter(|(_, o)| *o > 0.0)
        .map(|(s, o)| (s - o).abs() / o)
        .collect();
    (!rel.is_empty()).then(|| rel.iter().sum::<f64>() / rel.len() as f64)
}

/// The Poisson deviance `2 Σ [o ln(o / s) − (o − s)]` of the observed counts `o` given the
/// simulated means `s`, over the periods both series have a value for (`o ln(o / s)` is 0 when
/// `o = 0`; a period with `s = 0 < o` makes it infinite).
///
/// Returns `None` when no period qualifies.
///
/// # Example
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::Count;
///
/// let obs = FlowSeries::new("2021-01".parse()?, vec![Some(Count::exact(100)), Some(Count::exact(0))])?;
/// let sim = FlowSeries::new("2021-01".parse()?, vec![Some(Count::exact(100)), Some(Count::exact(3))])?;
/// assert_eq!(corridor::sim::poisson_deviance(&sim, &obs), Some(6.0));
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn poisson_deviance(simulated: &FlowSeries, observed: &FlowSeries) -> Option<f64> {
    let p = pairs(simulated, observed);
    (!p.is_empty()).then(|| {
        2.0 * p
            .iter()
            .map(|&(s, o)| {
                let lo = if o > 0.0 { o * (o / s).ln() } else { 0.0 };
                lo - (o - s)
            })
            .sum::<f64>()
    })
}

/// A fitted calibration; see [`Calibration::fit`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fit {
    params: Vec<f64>,
    loss: f64,
    evaluations: usize,
}

impl Fit {
    /// The parameters at the minimum found.
    #[must_use]
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// The loss there.
    #[must_use]
    pub fn loss(&self) -> f64 {
        self.loss
    }

    /// How many runs the fit took.
    #[must_use]
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }
}

/// Fits free parameters of a model and scenario so that the simulated monthly arrivals at some
/// places match an observed monthly series over a window, by the crate's box-constrained
/// Nelder–Mead minimiser on the cohort engine (deterministic, so the loss is a function of the
/// parameters alone).
///
/// # Example
/// ```
/// use corridor::sim::{Calibration, Loss, Model, Place, PlaceKind, Route, Scenario, Transit};
/// use corridor::flow::{FlowSeries, Nationality};
/// use corridor::Count;
/// use time::macros::date;
///
/// // Observed: 3,100 arrivals in January, 2,800 in February.
/// let observed = FlowSeries::new("2021-01".parse()?, vec![Some(Count::exact(3_100)), Some(Count::exact(2_800))])?;
/// let build = |x: &[f64]| -> corridor::Result<(Model, Scenario)> {
///     let model = Model::builder()
///         .place(Place::new("Acandí", PlaceKind::CrossingPoint)?)
///         .place(Place::new("Bajo Chiquito", PlaceKind::Destination)?)
///         .route(Route::new("Acandí", "Bajo Chiquito", 1.0, Transit::fixed(1)?)?)
///         .build()?;
///     let daily = (x[0].max(0.0).round() as u64).max(1);
///     let s = Scenario::new(date!(2020 - 12 - 31), 60)?.inflow_daily("Acandí", Nationality::Unknown, vec![daily; 60])?;
///     Ok((model, s))
/// };
/// let fit = Calibration::new(observed, &["Bajo Chiquito"]).loss(Loss::PoissonDeviance).fit(&[50.0], &[1.0], &[500.0], build)?;
/// assert!((fit.params()[0] - 100.0).abs() < 1.0); // 100 a day
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Calibration {
    observed: FlowSeries,
    places: Vec<String>,
    window: Option<(Period, Period)>,
    loss: Loss,
    max_evals: usize,
}

impl Calibration {
    /// Calibrates the sum of monthly arrivals at `places` to the monthly series `observed`.
    #[must_use]
    pub fn new(observed: FlowSeries, places: &[&str]) -> Self {
        Self {
            observed,
            places: places.iter().map(|&p| p.to_owned()).collect(),
            window: None,
            loss: Loss::default(),
            max_evals: 400,
        }
    }

    /// Only the months from `first` to `last` (both included) count.
    ///
    /// # Errors
    /// [`SimError::Calibration`] when either is not a month of the observed series or `last`
    /// comes before `first`.
    pub fn window(mut self, first: Period, last: Period) -> crate::Result<Self> {
        let (a, b) = (self.observed.position(first), self.observed.position(last));
        match (a, b) {
            (Some(a), Some(b)) if a <= b => {
                self.window = Some((first, last));
                Ok(self)
            }
            _ => Err(SimError::Calibration {
                reason: format!("window {first} to {last} is not within the observed series"),
            }
            .into()),
        }
    }

    /// The loss to minimise (Poisson deviance by default).
    #[must_use]
    pub fn loss(mut self, loss: Loss) -> Self {
        self.loss = loss;
        self
    }

    /// At most `n` runs (400 by default).
    #[must_use]
    pub fn max_evaluations(mut self, n: usize) -> Self {
        self.max_evals = n;
        self
    }

    fn observed_window(&self) -> crate::Result<FlowSeries> {
        match self.window {
            Some((a, b)) => Ok(self.observed.slice(a, b)?),
            None => Ok(self.observed.clone()),
        }
    }

    /// The simulated monthly arrivals at the calibration's places in `run`.
    ///
    /// # Errors
    /// [`SimError::UnknownPlace`] when a place is not in the run.
    pub fn simulated(&self, run: &Run) -> crate::Result<FlowSeries> {
        let names: Vec<&str> = self.places.iter().map(String::as_str).collect();
        run.monthly_arrivals_at(&names).ok_or_else(|| {
            SimError::UnknownPlace {
                name: self.places.join(", "),
                context: "calibration",
            }
            .into()
        })
    }

    /// The loss of `run` over the window.
    ///
    /// # Errors
    /// As [`Calibration::simulated`]; [`SimError::Calibration`] when the run and the window
    /// share no month.
    pub fn loss_of(&self, run: &Run) -> crate::Result<f64> {
        let sim = self.simulated(run)?;
        let obs = self.observed_window()?;
        let v = match self.loss {
            Loss::PoissonDeviance => poisson_deviance(&sim, &obs),
            Loss::Ard => ard(&sim, &obs),
        };
        v.ok_or_else(|| {
            SimError::Calibration {
                reason: "the run and the observed window share no month".into(),
            }
            .into()
        })
    }

    /// Minimises the loss over the box `[lower, upper]` from `start`; `build` gives the model
    /// and scenario for a parameter vector. A parameter vector for which `build` or the run
    /// fails counts as an infinite loss.
    ///
    /// # Errors
    /// [`SimError::Calibration`] when `start`, `lower` and `upper` differ in length, a bound is
    /// not finite or `lower > upper`; the error of `build` or of the loss at `start`.
    pub fn fit<F>(&self, start: &[f64], lower: &[f64], upper: &[f64], mut build: F) -> crate::Result<Fit>
    where
        F: FnMut(&[f64]) -> crate::Result<(Model, Scenario)>,
    {
        let ok = start.len() == lower.len()
            && start.len() == upper.len()
            && lower
                .iter()
                .zip(upper)
                .all(|(l, u)| l.is_finite() && u.is_finite() && l <= u)
            && start.iter().all(|x| x.is_finite());
        if !ok {
            return Err(SimError::Calibration {
                reason: "start, lower and upper must be finite, of one length, with lower <= upper".into(),
            }
            .into());
        }
        let clamped: Vec<f64> = start
            .iter()
            .zip(lower.iter().zip(upper))
            .map(|(x, (l, u))| x.clamp(*l, *u))
            .collect();
        // The loss at the start must be computable: its error is the caller's to see.
        let (m, s) = build(&clamped)?;
        self.loss_of(&m.run_cohorts(&s)?)?;
        let mut evaluations = 0usize;
        let mut f = |x: &[f64]| {
            evaluations += 1;
            build(x)
                .and_then(|(m, s)| m.run_cohorts(&s))
                .and_then(|r| self.loss_of(&r))
                .unwrap_or(f64::INFINITY)
        };
        let min = crate::stats::nelder_mead(&mut f, &clamped, lower, upper, 0.1, 1e-8, self.max_evals);
        Ok(Fit {
            params: min.x,
            loss: min.value,
            evaluations,
        })
    }
}
