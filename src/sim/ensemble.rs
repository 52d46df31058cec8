//! Ensembles of agent runs over seeds, with bands per day and place.

use super::engine::{Plan, agents};
use super::{Model, Run, Scenario, SimError};
use crate::rng::Rng;

/// Which daily count of a place an ensemble band is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Measure {
    /// People held at the end of the day.
    Stock,
    /// People who arrived.
    Arrivals,
    /// People who left.
    Departures,
    /// People removed.
    Removals,
}

/// Agent runs of one model and scenario over independent seeds; see [`Model::ensemble`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ensemble {
    runs: Vec<Run>,
}

impl Model {
    /// Runs the agent engine `runs` times; run `i` uses stream `i` of `seed` (the crate's
    /// xoshiro256\*\* seeded by the `(i + 1)`-th `SplitMix64` output from `seed`), so each run
    /// depends only on `seed` and `i`. With the `parallel` feature the runs are spread over
    /// cores; the result is identical with or without it.
    ///
    /// Runs are independent given their seeds: a large ensemble or a parameter sweep can be cut
    /// into ranges of `i` run as separate jobs (a job array, or tasks of a cluster framework)
    /// and their outputs joined afterwards.
    ///
    /// # Errors
    /// As [`Model::run`]; [`SimError::Memory`] when the daily records of `runs` runs (ten `u64`
    /// series per place and route) cannot be allocated. `runs == 0` gives an empty ensemble, whose
    /// bands are errors.
    ///
    /// # Example
    /// ```
    /// use corridor::sim::{Measure, Model, Place, PlaceKind, Route, Scenario, Transit};
    /// use corridor::flow::Nationality;
    /// use time::macros::date;
    ///
    /// let model = Model::builder()
    ///     .place(Place::new("Acandí", PlaceKind::CrossingPoint)?)
    ///     .place(Place::new("Bajo Chiquito", PlaceKind::Destination)?)
    ///     .route(Route::new("Acandí", "Bajo Chiquito", 1.0, Transit::uniform(2, 10)?)?)
    ///     .build()?;
    /// let s = Scenario::new(date!(2022 - 01 - 01), 20)?.inflow_daily("Acandí", Nationality::Unknown, vec![50; 20])?;
    /// let e = model.ensemble(&s, 2022, 20)?;
    /// let low = e.band("Bajo Chiquito", Measure::Arrivals, 0.05)?;
    /// let high = e.band("Bajo Chiquito", Measure::Arrivals, 0.95)?;
    /// assert!(low.iter().zip(&high).all(|(l, h)| l <= h));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn ensemble(&self, scenario: &Scenario, seed: u64, runs: u32) -> crate::Result<Ensemble> {
        let plan = Plan::new(self, scenario)?;
        plan.check_agents()?;
        check_runs(&plan, runs)?;
        let one = |i: u32| {
            Run::new(
                self,
                scenario,
                &plan,
                agents(&plan, Rng::for_stream(seed, u64::from(i))),
            )
        };
        #[cfg(feature = "parallel")]
        let runs: Vec<Run> = {
            use rayon::prelude::*;
            (0..runs).into_par_iter().map(one).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let runs: Vec<Run> = (0..runs).map(one).collect();
        Ok(Ensemble { runs })
    }
}

/// Errors when the daily records of `runs` runs (ten `u64` series per place and route) cannot be
/// allocated.
fn check_runs(plan: &Plan, runs: u32) -> crate::Result<()> {
    let words = (plan.n_places as u128 + plan.n_routes as u128) * 5 * u128::from(plan.days) * u128::from(runs);
    let refuse = || SimError::Memory {
        what: "the daily records of the ensemble's runs",
        bytes: words * 8,
    };
    let words = usize::try_from(words).map_err(|_| refuse())?;
    if words.checked_mul(8).is_none_or(|b| isize::try_from(b).is_err()) {
        return Err(refuse().into());
    }
    let mut trial: Vec<u64> = Vec::new();
    trial.try_reserve_exact(words).map_err(|_| refuse())?;
    Ok(())
}

impl Ensemble {
    /// The runs, in seed-stream order.
    #[must_use]
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    fn columns(&self, place: &str, measure: Measure) -> crate::Result<Vec<&[u64]>> {
        if self.runs.is_empty() {
            return Err(SimError::Calibration {
                reason: "an ensemble of no runs has no bands".into(),
            }
            .into());
        }
        self.runs
            .iter()
            .map(|r| {
                r.values(place, measure).ok_or_else(|| {
                    SimError::UnknownPlace {
                        name: place.to_owned(),
                        context: "ensemble",
                    }
                    .into()
                })
            })
            .collect()
    }

    /// The mean over runs of `measure` at `place`, day by day.
    ///
    /// # Errors
    /// [`SimError::UnknownPlace`] when there is no such place; [`SimError::Calibration`] for an
    /// empty ensemble.
    pub fn mean(&self, place: &str, measure: Measure) -> crate::Result<Vec<f64>> {
        let cols = self.columns(place, measure)?;
        let n = cols.len() as f64;
        Ok((0..cols[0].len())
            .map(|t| cols.iter().map(|c| c[t] as f64).sum::<f64>() / n)
            .collect())
    }

    /// The `p`-quantile over runs (R type 7, as [`crate::stats::descriptive::quantile`]) of `measure` at
    /// `place`, day by day.
    ///
    /// # Errors
    /// As [`Ensemble::mean`]; [`crate::stats::StatsError`] unless `0 ≤ p ≤ 1`.
    pub fn band(&self, place: &str, measure: Measure, p: f64) -> crate::Result<Vec<f64>> {
        let cols = self.columns(place, measure)?;
        let mut day = vec![0.0; cols.len()];
        (0..cols[0].len())
            .map(|t| {
                for (x, c) in day.iter_mut().zip(&cols) {
                    *x = c[t] as f64;
                }
                Ok(crate::stats::descriptive::quantile(&day, p)?)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Nationality;
    use crate::sim::{Place, PlaceKind, Route, Transit};
    use time::macros::date;

    /// The ensemble (spread over cores when built with `parallel`) equals the same runs made one
    /// after the other on one thread: same seed, same result, with or without `parallel`.
    #[test]
    fn parallel_ensemble_equals_the_serial_runs() {
        let model = Model::builder()
            .place(
                Place::new("a", PlaceKind::GatheringTown)
                    .unwrap()
                    .leave_chance(0.4)
                    .unwrap(),
            )
            .place(Place::new("b", PlaceKind::CrossingPoint).unwrap())
            .place(Place::new("c", PlaceKind::Destination).unwrap())
            .route(Route::new("a", "b", 1.0, Transit::uniform(1, 4).unwrap()).unwrap())
            .route(
                Route::new("b", "c", 1.0, Transit::uniform(2, 6).unwrap())
                    .unwrap()
                    .attrition(0.01, 0.02)
                    .unwrap(),
            )
            .build()
            .unwrap();
        let s = Scenario::new(date!(2021 - 01 - 01), 60)
            .unwrap()
            .inflow_daily("a", Nationality::Unknown, vec![70; 60])
            .unwrap();
        let e = model.ensemble(&s, 42, 16).unwrap();
        let plan = Plan::new(&model, &s).unwrap();
        let serial: Vec<Run> = (0..16u64)
            .map(|i| Run::new(&model, &s, &plan, agents(&plan, Rng::for_stream(42, i))))
            .collect();
        assert_eq!(e.runs(), serial.as_slice());
        // And the streams differ: the runs are not copies of one another.
        assert_ne!(serial[0], serial[1]);
    }
}
