//! Exponential smoothing state-space models (ETS), after R `forecast::ets`.

use std::fmt;

use crate::stats::distributions::std_normal_quantile;

use super::Forecast;
use super::holt_winters::{HwSeasonal, decompose};
use super::nmmin::nmmin;
use crate::rng::Rng;
use crate::stats::StatsError;
use crate::stats::linalg::dot;
use crate::stats::regression::qr::Qr;
use crate::stats::validate::{check_alloc, check_level, check_positive, check_series};

/// The error term of an ETS model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EtsErrorType {
    /// Additive errors (`A`).
    Additive,
    /// Multiplicative (relative) errors (`M`); the data must be positive.
    Multiplicative,
}

/// The trend of an ETS model.
///
/// The multiplicative trends are fitted only when asked for: by [`EtsModel::Fixed`] or
/// [`EtsModel::AutoWithMultiplicativeTrend`] (R `allow.multiplicative.trend = TRUE`); [`EtsModel::Auto`]
/// leaves them out, as `forecast::ets` does by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EtsTrend {
    /// No trend (`N`).
    None,
    /// Additive trend (`A`): forecasts `l + h b`.
    Additive,
    /// Damped additive trend (`Ad`): forecasts `l + (φ + … + φ^h) b`.
    AdditiveDamped,
    /// Multiplicative trend (`M`): forecasts `l b^h`; the data must be positive.
    Multiplicative,
    /// Damped multiplicative trend (`Md`): forecasts `l b^(φ + … + φ^h)`; the data must be positive.
    MultiplicativeDamped,
}

impl EtsTrend {
    fn is_damped(self) -> bool {
        matches!(self, Self::AdditiveDamped | Self::MultiplicativeDamped)
    }
    fn is_multiplicative(self) -> bool {
        matches!(self, Self::Multiplicative | Self::MultiplicativeDamped)
    }
}

/// The season of an ETS model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EtsSeason {
    /// No season (`N`).
    None,
    /// Additive season (`A`).
    Additive,
    /// Multiplicative season (`M`).
    Multiplicative,
}

/// An ETS model class such as `ETS(M,Ad,M)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EtsSpec {
    /// The error term.
    pub error: EtsErrorType,
    /// The trend.
    pub trend: EtsTrend,
    /// The season.
    pub season: EtsSeason,
}

impl fmt::Display for EtsSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = match self.error {
            EtsErrorType::Additive => "A",
            EtsErrorType::Multiplicative => "M",
        };
        let t = match self.trend {
            EtsTrend::None => "N",
            EtsTrend::Additive => "A",
            EtsTrend::AdditiveDamped => "Ad",
            EtsTrend::Multiplicative => "M",
            EtsTrend::MultiplicativeDamped => "Md",
        };
        let s = match self.season {
            EtsSeason::None => "N",
            EtsSeason::Additive => "A",
            EtsSeason::Multiplicative => "M",
        };
        write!(f, "ETS({e},{t},{s})")
    }
}

/// Which models [`ets`] and [`Ets::fit`] fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EtsModel {
    /// The classes R `ets(y)` (model `"ZZZ"`) tries, keeping the lowest `AICc`: trend N, A or Ad, no
    /// additive error with a multiplicative season.
    Auto,
    /// The classes R `ets(y, allow.multiplicative.trend = TRUE)` tries, keeping the lowest `AICc`: those of
    /// [`EtsModel::Auto`] and the multiplicative trends M and Md, except R's restricted combinations (additive
    /// error with a multiplicative trend or season; multiplicative trend with additive season).
    AutoWithMultiplicativeTrend,
    /// One class, any of the 30 (R `ets(y, model = "MAM", damped = TRUE, restrict = FALSE)` and so on).
    Fixed(EtsSpec),
}

/// A fitted ETS model, from [`Ets::fit`] or [`ets`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EtsFit {
    spec: EtsSpec,
    period: usize,
    alpha: f64,
    beta: f64,
    gamma: f64,
    phi: f64,
    initial: Vec<f64>,
    last: Vec<f64>,
    residuals: Vec<f64>,
    fitted: Vec<f64>,
    lik: f64,
    n_params: usize,
    n: usize,
    sigma2: f64,
}

impl EtsFit {
    /// The model class.
    #[must_use]
    pub fn spec(&self) -> EtsSpec {
        self.spec
    }
    /// Level smoothing parameter α.
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.alpha
    }
    /// Trend smoothing parameter β (forecast's β, `β < α`); 0 without trend.
    #[must_use]
    pub fn beta(&self) -> f64 {
        self.beta
    }
    /// Seasonal smoothing parameter γ; 0 without season.
    #[must_use]
    pub fn gamma(&self) -> f64 {
        self.gamma
    }
    /// Damping φ (1 unless damped).
    #[must_use]
    pub fn phi(&self) -> f64 {
        self.phi
    }
    /// Initial states `l, b, s1..sm` (R `$states[1, ]`; `s1` is the most recent season).
    #[must_use]
    pub fn initial_states(&self) -> &[f64] {
        &self.initial
    }
    /// One-step residuals (relative errors for multiplicative error models), R `residuals(fit)`.
    #[must_use]
    pub fn residuals(&self) -> &[f64] {
        &self.residuals
    }
    /// One-step fitted values, R `fitted(fit)`.
    #[must_use]
    pub fn fitted(&self) -> &[f64] {
        &self.fitted
    }
    /// Log-likelihood as R reports it: `-0.5 (n log Σe² + 2 Σ log|ŷ|)` (the last term for multiplicative errors).
    #[must_use]
    pub fn log_likelihood(&self) -> f64 {
        -0.5 * self.lik
    }
    /// AIC = `-2 loglik + 2k`, `k` = smoothing parameters + initial states + 1.
    #[must_use]
    pub fn aic(&self) -> f64 {
        self.lik + 2.0 * self.n_params as f64
    }
    /// `AICc` = `AIC + 2k(k+1)/(n-k-1)`.
    #[must_use]
    pub fn aicc(&self) -> f64 {
        let k = self.n_params as f64;
        self.aic() + 2.0 * k * (k + 1.0) / (self.n as f64 - k - 1.0)
    }
    /// BIC = `-2 loglik + k log n`.
    #[must_use]
    pub fn bic(&self) -> f64 {
        self.lik + (self.n as f64).ln() * self.n_params as f64
    }
    /// Residual variance `Σe² / (n - k + 1)` (R `$sigma2`: forecast divides by `n` minus
    /// the number of smoothing parameters and initial states, without the variance).
    #[must_use]
    pub fn sigma2(&self) -> f64 {
        self.sigma2
    }

    /// Point forecasts for horizons `1..=h` from the last state, exactly as R forecast 8.20's C
    /// `etsforecast` computes them (the `mean` of `forecast(fit, simulate = TRUE)`).
    ///
    /// **R's damping quirk, kept on purpose:** for damped trends the multiplier of the growth is built as
    /// `φ*₁ = φ` and `φ*ₕ₊₁ = φ*ₕ + φ^h`, so horizon 2 uses `2φ` instead of `φ + φ²` and horizon `h` uses
    /// `φ + φ + φ² + … + φ^(h-1)` instead of `φ + φ² + … + φ^h` (for `Md`: `b` to that power). The model's
    /// own recursions, the simulated paths of [`EtsFit::predict_simulated`] and the analytic means of
    /// [`EtsFit::predict`] use the correct `φ + … + φ^h`; only these point forecasts carry the quirk, so that
    /// they equal R's. Undamped trends are not affected.
    ///
    /// For multiplicative seasons (class 3) R's analytic `forecast` mean differs slightly from these (see
    /// [`EtsFit::predict`]). A multiplicative trend whose last growth is negative (possible with additive
    /// errors) gives NaN, R's `NA`.
    ///
    /// # Panics
    ///
    /// As any `Vec`, when `h` values cannot be allocated (`h` beyond about `isize::MAX / 8`, or more than
    /// the memory available); [`EtsFit::predict`] checks the horizon and returns an error instead.
    #[must_use]
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        point_forecast(&self.last, self.spec, self.period, self.phi, h)
    }

    /// Whether R's `forecast.ets` has analytic prediction intervals for this class (Hyndman et al. 2008,
    /// ch. 6, classes 1–3): every class except the multiplicative trends (`M`, `Md`) and additive error with
    /// multiplicative season (`(A,*,M)`). For the others [`EtsFit::predict`] simulates.
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::stats::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..40).map(|i| 100.0 * 1.02_f64.powi(i) + (f64::from(i) * 0.9).sin()).collect();
    /// let mmn = EtsSpec { error: EtsErrorType::Multiplicative, trend: EtsTrend::Multiplicative, season: EtsSeason::None };
    /// assert!(!ets(&y, 1, EtsModel::Fixed(mmn))?.has_analytic_intervals());
    /// let man = EtsSpec { trend: EtsTrend::Additive, ..mmn };
    /// assert!(ets(&y, 1, EtsModel::Fixed(man))?.has_analytic_intervals());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn has_analytic_intervals(&self) -> bool {
        !(self.spec.trend.is_multiplicative()
            || (self.spec.error == EtsErrorType::Additive && self.spec.season == EtsSeason::Multiplicative))
    }

    /// The number of simulated paths [`EtsFit::predict`] uses where there is no analytic interval (R
    /// `forecast.ets`'s default `npaths`).
    pub const DEFAULT_NPATHS: usize = 5000;

    /// The seed [`EtsFit::predict`] uses where there is no analytic interval.
    pub const DEFAULT_SEED: u64 = 0;

    /// The longest horizon [`EtsFit::predict`] takes for a multiplicative-error model with a season and
    /// trend that are none or additive (Hyndman et al.'s class 2), whose variance recursion is quadratic in
    /// the horizon: 10,000 steps (about 5·10⁷ multiply-adds). [`EtsFit::predict_simulated`] has no such
    /// bound.
    pub const MAX_MULTIPLICATIVE_ERROR_HORIZON: usize = 10_000;

    /// Forecast means and prediction intervals as R `forecast(fit, h, level)`.
    ///
    /// Where R has analytic intervals ([`EtsFit::has_analytic_intervals`]; Hyndman et al. 2008 ch. 6), so do
    /// we: class 1 (additive error, no multiplicative part) and class 2 (multiplicative error, additive or
    /// no trend and season) have the linear-model mean `H Fʰ⁻¹ x` (correct damping); class 3
    /// (multiplicative error and season, trend N/A/Ad) has forecast's second-order mean and variance (its
    /// `class3`). The interval is `mean ± z sqrt(v_h)`.
    ///
    /// Otherwise — multiplicative trends (`M`, `Md`) and `(A,*,M)` — R simulates, and so do we: this is
    /// [`EtsFit::predict_simulated`] with [`EtsFit::DEFAULT_NPATHS`] paths and [`EtsFit::DEFAULT_SEED`], so the
    /// result is reproducible (R's depends on its global random state) and equals R's only up to Monte
    /// Carlo error. Call [`EtsFit::predict_simulated`] to choose the number of paths or the seed.
    ///
    /// # Complexity
    ///
    /// Linear in `h` for classes 1 and 3 (class 3 with matrix products of order `m` or `2m` per step, `m`
    /// the period). Class 2's variance is Hyndman et al.'s (2008, ch. 6) recursion
    /// `θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}`, a convolution that takes `h²/2` multiply-adds, so its
    /// horizon is bounded by [`EtsFit::MAX_MULTIPLICATIVE_ERROR_HORIZON`] (10,000 steps, about 5·10⁷
    /// multiply-adds); beyond it [`EtsFit::predict_simulated`] is linear in the horizon.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `0 < level < 1` and `h >= 1`, or when a horizon of `h`
    /// values cannot be allocated, or for class 2 (multiplicative error, season none or additive, trend
    /// none or additive) when `h` exceeds [`EtsFit::MAX_MULTIPLICATIVE_ERROR_HORIZON`]; for simulated
    /// classes, the errors of [`EtsFit::predict_simulated`].
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::stats::{ets, EtsModel};
    /// let y: Vec<f64> = (0..40).map(|i| 100.0 + f64::from(i) + 5.0 * (f64::from(i) * 0.9).sin()).collect();
    /// let fit = ets(&y, 1, EtsModel::Auto)?;
    /// let p = fit.predict(6, 0.95)?;
    /// assert!(p.lower()[5] < p.mean()[5] && p.mean()[5] < p.upper()[5]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn predict(&self, h: usize, level: f64) -> crate::stats::error::Result<Forecast> {
        check_horizon(h)?;
        check_level(level)?;
        if !self.has_analytic_intervals() {
            return self.predict_simulated(h, level, Self::DEFAULT_NPATHS, Self::DEFAULT_SEED);
        }
        let z = std_normal_quantile(f64::midpoint(1.0, level));
        let (mu, var) = match (self.spec.error, self.spec.season) {
            (_, EtsSeason::Multiplicative) => class3(self, h),
            (EtsErrorType::Additive, _) => {
                let (mu, var, _) = class1(self, h);
                (mu, var)
            }
            (EtsErrorType::Multiplicative, _) => {
                if h > Self::MAX_MULTIPLICATIVE_ERROR_HORIZON {
                    return Err(StatsError::InvalidParameter {
                        name: "horizon",
                        value: h.to_string(),
                        reason: "beyond 10,000 steps for a multiplicative-error model without a multiplicative \
                                 season or trend: its variance recursion is quadratic in the horizon \
                                 (use predict_simulated, which is linear in it)",
                    });
                }
                let (mu, _, cj) = class1(self, h);
                let s2 = self.sigma2;
                let mut theta = vec![0.0; h];
                for j in 0..h {
                    let mut acc = 0.0;
                    for i in 0..j {
                        acc += cj[i] * cj[i] * theta[j - 1 - i];
                    }
                    theta[j] = mu[j] * mu[j] + s2 * acc;
                }
                let var = (0..h).map(|j| (1.0 + s2) * theta[j] - mu[j] * mu[j]).collect();
                (mu, var)
            }
        };
        let lower = mu
            .iter()
            .zip(&var)
            .map(|(m, v): (&f64, &f64)| m - z * v.sqrt())
            .collect();
        let upper = mu
            .iter()
            .zip(&var)
            .map(|(m, v): (&f64, &f64)| m + z * v.sqrt())
            .collect();
        Ok(Forecast::new(mu, lower, upper, level))
    }

    /// Forecast means and simulated prediction intervals, as R
    /// `forecast(fit, h, level, simulate = TRUE, npaths)` (its `pegelsfcast.C` and `simulate.ets`).
    ///
    /// Simulates `npaths` future sample paths of the fitted model from its last state: at each step the
    /// one-step forecast `ŷ`, an error `ε ~ N(0, σ²)` with `σ² =` [`EtsFit::sigma2`] (for multiplicative
    /// errors `ε` is floored at `-1`, as R's `pmax(-1, e)`), the observation `ŷ + ε` or `ŷ (1 + ε)`, and
    /// the state update. The bounds at each horizon are R's `quantile(…, type = 8)` (median-unbiased,
    /// Hyndman & Fan 1996) of the paths at probabilities `(1 ∓ level) / 2`. The mean is [`EtsFit::forecast`],
    /// R's `mean` here (with R's damping quirk, documented there), not the average of the paths.
    ///
    /// Path `i` draws its normals (Marsaglia's polar method on xoshiro256\*\*) from its own stream of
    /// `seed`, so the result depends only on `(h, level, npaths, seed)`: the same on every platform and
    /// with or without the `parallel` feature (which spreads the paths over threads). R's draws come
    /// from R's generator, so ours agree with R's up to Monte Carlo error, about `1.4 / sqrt(npaths)` of
    /// the 95 % half-width for one bound (see `tests/integration/ets_more.rs` for the measured agreement).
    ///
    /// # Complexity
    ///
    /// `O(npaths · h)` time (plus a selection per horizon) and `O(npaths · h)` memory.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `h >= 1`, `npaths >= 1` and `0 < level < 1`, or when
    /// `npaths · h` values do not fit in memory; [`StatsError::Degenerate`] when a multiplicative trend's
    /// growth is negative in the last state (R stops: "Problem with multiplicative damped trend") or turns
    /// negative on a path (possible with additive errors; R 8.20 misses this case, its C returning the
    /// code -99999 that R's `is.na` check does not catch, and mixes -99999 and zeros into its quantiles).
    ///
    /// # Example
    ///
    /// ```
    /// use corridor::stats::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..48)
    ///     .map(|i| 100.0 * 1.01_f64.powi(i) * [1.1, 0.9, 1.05, 0.95][i as usize % 4] + (f64::from(i) * 1.3).sin())
    ///     .collect();
    /// let spec = EtsSpec { error: EtsErrorType::Multiplicative, trend: EtsTrend::MultiplicativeDamped, season: EtsSeason::Multiplicative };
    /// let fit = ets(&y, 4, EtsModel::Fixed(spec))?;
    /// let p = fit.predict_simulated(8, 0.95, 2000, 42)?;
    /// assert_eq!(p, fit.predict_simulated(8, 0.95, 2000, 42)?); // same seed, same intervals
    /// assert!(p.lower()[7] < p.mean()[7] && p.mean()[7] < p.upper()[7]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn predict_simulated(
        &self,
        h: usize,
        level: f64,
        npaths: usize,
        seed: u64,
    ) -> crate::stats::error::Result<Forecast> {
        self.simulate(h, level, npaths, seed)
    }

    fn simulate(&self, h: usize, level: f64, npaths: usize, seed: u64) -> Result<Forecast, StatsError> {
        check_horizon(h)?;
        check_level(level)?;
        check_positive("npaths", npaths)?;
        let too_many = || StatsError::InvalidParameter {
            name: "npaths",
            value: npaths.to_string(),
            reason: "npaths times the horizon values do not fit in memory",
        };
        let total = npaths.checked_mul(h).ok_or_else(too_many)?;
        let mean = self.forecast(h);
        let negative_trend = StatsError::Degenerate {
            method: "ets simulation",
            reason: "the multiplicative trend's growth turned negative",
        };
        if mean.iter().any(|v| v.is_nan()) {
            return Err(negative_trend);
        }
        // Path-major: path i fills paths[i h .. (i + 1) h].
        let mut paths: Vec<f64> = Vec::new();
        paths.try_reserve_exact(total).map_err(|_| too_many())?;
        paths.resize(total, 0.0);
        let ok = self.simulate_paths(&mut paths, h, seed);
        if !ok {
            return Err(negative_trend);
        }
        let p_lo = 0.5 - level / 2.0;
        let p_hi = 0.5 + level / 2.0;
        let mut col = vec![0.0; npaths];
        let mut lower = Vec::with_capacity(h);
        let mut upper = Vec::with_capacity(h);
        for j in 0..h {
            for (c, path) in col.iter_mut().zip(paths.chunks_exact(h)) {
                *c = path[j];
            }
            lower.push(quantile_type8(&mut col, p_lo));
            upper.push(quantile_type8(&mut col, p_hi));
        }
        Ok(Forecast::new(mean, lower, upper, level))
    }

    /// Fills `paths` (path-major, `h` values each) with simulated paths; false if one hit a negative
    /// multiplicative growth.
    fn simulate_paths(&self, paths: &mut [f64], h: usize, seed: u64) -> bool {
        let rec = Recursion::new(self.spec, [self.alpha, self.beta, self.gamma, self.phi]);
        let sd = self.sigma2.sqrt();
        let one = |(i, out): (usize, &mut [f64])| {
            simulate_path(
                &rec,
                &self.last,
                self.period,
                sd,
                &mut Rng::for_stream(seed, i as u64),
                out,
            )
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            paths.par_chunks_mut(h).enumerate().all(one)
        }
        #[cfg(not(feature = "parallel"))]
        {
            paths.chunks_mut(h).enumerate().all(one)
        }
    }
}

/// One future path of `out.len()` observations from state `last` (R's C `etssimulate`, errors drawn
/// here); false if the multiplicative growth turned negative.
fn simulate_path(rec: &Recursion, last: &[f64], m: usize, sd: f64, rng: &mut Rng, out: &mut [f64]) -> bool {
    let mut state = FilterState::new(rec.spec, last, m);
    for slot in out {
        let observe = |f: f64| {
            let e = sd * rng.standard_normal();
            match rec.spec.error {
                EtsErrorType::Additive => f + e,
                EtsErrorType::Multiplicative => f * (1.0 + e.max(-1.0)),
            }
        };
        let Some((_, y)) = state.step(rec, observe) else {
            return false;
        };
        *slot = y;
    }
    true
}

/// R `quantile(x, p, type = 8)` (`a = b = 1/3`, with R's fuzz), reordering `x`; `x` is not empty and has
/// no NaN.
fn quantile_type8(x: &mut [f64], p: f64) -> f64 {
    let n = x.len();
    let (a, b) = (1.0 / 3.0, 1.0 / 3.0);
    let fuzz = 4.0 * f64::EPSILON;
    let nppm = a + p * (n as f64 + 1.0 - a - b);
    let j = (nppm + fuzz).floor();
    let mut frac = nppm - j;
    if frac.abs() < fuzz {
        frac = 0.0;
    }
    // 1-based order statistics x_j and x_{j+1}, clamped to x_1 and x_n.
    let j = j.max(0.0) as usize;
    let lo_idx = j.saturating_sub(1).min(n - 1);
    let hi_idx = j.min(n - 1);
    let (_, lo, rest) = x.select_nth_unstable_by(lo_idx, f64::total_cmp);
    let lo = *lo;
    let hi = if hi_idx == lo_idx {
        lo
    } else {
        rest.iter().copied().fold(f64::INFINITY, f64::min)
    };
    if frac > 0.0 && lo != hi {
        (1.0 - frac) * lo + frac * hi
    } else {
        lo
    }
}

/// Errors unless the forecast horizon is at least 1 (R: "Forecast horizon out of bounds").
/// A horizon of at least 1 whose working vectors (mean, variance and the `c_j` of class 1, the two
/// bounds) can be allocated.
fn check_horizon(h: usize) -> Result<(), StatsError> {
    check_positive("horizon", h)?;
    check_alloc::<f64>("horizon", h, 5)
}

fn n_trend(spec: EtsSpec) -> usize {
    usize::from(spec.trend != EtsTrend::None)
}

/// forecast's `class1`: mean, variance and the `c_j` of the linear models.
fn class1(fit: &EtsFit, h: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let x = &fit.last;
    let p = x.len();
    let m = fit.period;
    let trend = fit.spec.trend != EtsTrend::None;
    let seasonal = fit.spec.season == EtsSeason::Additive;
    let phi = if fit.spec.trend.is_damped() { fit.phi } else { 1.0 };
    let mut hv = vec![0.0; p];
    hv[0] = 1.0;
    if seasonal {
        hv[p - 1] = 1.0;
    }
    if trend {
        hv[1] = phi;
    }
    let mut f = vec![0.0; p * p];
    f[0] = 1.0;
    if trend {
        f[1] = phi;
        f[p + 1] = phi;
    }
    if seasonal {
        f[(p - m) * p + p - 1] = 1.0;
        for k in 0..m - 1 {
            f[(p - m + 1 + k) * p + (p - m + k)] = 1.0;
        }
    }
    let mut g = vec![0.0; p];
    g[0] = fit.alpha;
    if trend {
        g[1] = fit.beta;
    }
    if seasonal {
        // forecast puts gamma in row 3 whatever the trend.
        g[2] = fit.gamma;
    }
    // hf = H F^j as a row vector.
    let mut hf = hv.clone();
    let mut mu = Vec::with_capacity(h);
    let mut cj = Vec::with_capacity(h.saturating_sub(1));
    for i in 0..h {
        mu.push(dot(&hf, x));
        if i + 1 < h {
            cj.push(dot(&hf, &g));
            let mut next = vec![0.0; p];
            for (c, out) in next.iter_mut().enumerate() {
                *out = (0..p).map(|r| hf[r] * f[r * p + c]).sum();
            }
            hf = next;
        }
    }
    let mut var = Vec::with_capacity(h);
    let mut cum = 0.0;
    for i in 0..h {
        if i > 0 {
            cum += cj[i - 1] * cj[i - 1];
        }
        var.push(fit.sigma2 * (1.0 + cum));
    }
    (mu, var, cj)
}

/// Small dense row-major matrix for forecast's `class3`.
#[derive(Clone)]
struct Mat {
    r: usize,
    c: usize,
    a: Vec<f64>,
}

impl Mat {
    fn zeros(r: usize, c: usize) -> Self {
        Self {
            r,
            c,
            a: vec![0.0; r * c],
        }
    }
    fn at(&self, i: usize, j: usize) -> f64 {
        self.a[i * self.c + j]
    }
    fn set(&mut self, i: usize, j: usize, v: f64) {
        self.a[i * self.c + j] = v;
    }
    fn mul(&self, o: &Mat) -> Mat {
        let mut out = Mat::zeros(self.r, o.c);
        for i in 0..self.r {
            for k in 0..self.c {
                let v = self.at(i, k);
                if v != 0.0 {
                    for j in 0..o.c {
                        out.a[i * o.c + j] += v * o.at(k, j);
                    }
                }
            }
        }
        out
    }
    fn t(&self) -> Mat {
        let mut out = Mat::zeros(self.c, self.r);
        for i in 0..self.r {
            for j in 0..self.c {
                out.set(j, i, self.at(i, j));
            }
        }
        out
    }
    fn kron(&self, o: &Mat) -> Mat {
        let mut out = Mat::zeros(self.r * o.r, self.c * o.c);
        for i in 0..self.r {
            for j in 0..self.c {
                for k in 0..o.r {
                    for l in 0..o.c {
                        out.set(i * o.r + k, j * o.c + l, self.at(i, j) * o.at(k, l));
                    }
                }
            }
        }
        out
    }
    fn add(&self, o: &Mat) -> Mat {
        Mat {
            r: self.r,
            c: self.c,
            a: self.a.iter().zip(&o.a).map(|(x, y)| x + y).collect(),
        }
    }
    fn scale(&self, s: f64) -> Mat {
        Mat {
            r: self.r,
            c: self.c,
            a: self.a.iter().map(|x| x * s).collect(),
        }
    }
}

/// forecast's `class3` (multiplicative error and season): second-order mean and variance.
fn class3(fit: &EtsFit, h: usize) -> (Vec<f64>, Vec<f64>) {
    let x = &fit.last;
    let p = x.len();
    let m = fit.period;
    let p1 = p - m;
    let s2 = fit.sigma2;
    let mut h1 = Mat::zeros(1, p1);
    h1.a.fill(1.0);
    let mut h2 = Mat::zeros(1, m);
    h2.set(0, m - 1, 1.0);
    let (f1, g1) = if p1 == 1 {
        (
            Mat {
                r: 1,
                c: 1,
                a: vec![1.0],
            },
            Mat {
                r: 1,
                c: 1,
                a: vec![fit.alpha],
            },
        )
    } else {
        let phi = if fit.spec.trend.is_damped() { fit.phi } else { 1.0 };
        (
            Mat {
                r: 2,
                c: 2,
                a: vec![1.0, 1.0, 0.0, phi],
            },
            Mat {
                r: 2,
                c: 2,
                a: vec![fit.alpha, fit.alpha, fit.beta, fit.beta],
            },
        )
    };
    let mut f2 = Mat::zeros(m, m);
    f2.set(0, m - 1, 1.0);
    for k in 1..m {
        f2.set(k, k - 1, 1.0);
    }
    let mut g2 = Mat::zeros(m, m);
    g2.set(0, m - 1, fit.gamma);
    let lt = Mat {
        r: p1,
        c: 1,
        a: x[..p1].to_vec(),
    };
    let st = Mat {
        r: 1,
        c: m,
        a: x[p1..].to_vec(),
    };
    let mut mh = lt.mul(&st);
    let q = p1 * m;
    let mut vh = Mat::zeros(q, q);
    let h21 = h2.kron(&h1);
    let f21 = f2.kron(&f1);
    let g21 = g2.kron(&g1);
    let k = g2.kron(&f1).add(&f2.kron(&g1));
    let (f21t, g21t, kt, h21t, h2t, f2t, g2t) = (f21.t(), g21.t(), k.t(), h21.t(), h2.t(), f2.t(), g2.t());
    let mut mu = Vec::with_capacity(h);
    let mut var = Vec::with_capacity(h);
    for _ in 0..h {
        let m_i = h1.mul(&mh).mul(&h2t).a[0];
        mu.push(m_i);
        var.push((1.0 + s2) * h21.mul(&vh).mul(&h21t).a[0] + s2 * m_i * m_i);
        // vec(Mh), column-major.
        let mut v = Mat::zeros(q, 1);
        for col in 0..m {
            for row in 0..p1 {
                v.a[row + p1 * col] = mh.at(row, col);
            }
        }
        let vv = v.mul(&v.t());
        let term = f21
            .mul(&vh)
            .mul(&g21t)
            .add(&g21.mul(&vh).mul(&f21t))
            .add(&k.mul(&vh.add(&vv)).mul(&kt))
            .add(&g21.mul(&vh.scale(3.0).add(&vv.scale(2.0))).mul(&g21t).scale(s2));
        vh = f21.mul(&vh).mul(&f21t).add(&term.scale(s2));
        mh = f1.mul(&mh).mul(&f2t).add(&g1.mul(&mh).mul(&g2t).scale(s2));
    }
    (mu, var)
}

/// forecast's C `forecast()`: h-step point forecasts from state `x = (l, b, s1..sm)`, with its damping
/// multiplier `φ*` (`φ` at `h = 1`, then `φ* += φ^h`, so `2φ` at `h = 2`, see [`EtsFit::forecast`]). NaN (R's
/// `NA`) for a multiplicative trend whose growth `b` is negative.
fn point_forecast(x: &[f64], spec: EtsSpec, m: usize, phi: f64, h: usize) -> Vec<f64> {
    let nt = n_trend(spec);
    let l = x[0];
    let b = if nt == 1 { x[1] } else { 0.0 };
    let s = &x[1 + nt..];
    let phi = if spec.trend.is_damped() { phi } else { 1.0 };
    let mut phistar = phi;
    let mut out = Vec::with_capacity(h);
    for i in 0..h {
        let mut f = match spec.trend {
            EtsTrend::None => l,
            EtsTrend::Additive | EtsTrend::AdditiveDamped => l + phistar * b,
            EtsTrend::Multiplicative | EtsTrend::MultiplicativeDamped => {
                if b < 0.0 {
                    f64::NAN
                } else {
                    l * libm::pow(b, phistar)
                }
            }
        };
        if spec.season != EtsSeason::None {
            let j = (m - 1 + m * (i / m + 1) - i) % m;
            match spec.season {
                EtsSeason::Additive => f += s[j],
                EtsSeason::Multiplicative => f *= s[j],
                EtsSeason::None => {}
            }
        }
        out.push(f);
        if (phi - 1.0).abs() < 1e-10 {
            phistar += 1.0;
        } else {
            phistar += phi.powi(i as i32 + 1);
        }
    }
    out
}

/// forecast's `HUGEN`: the stand-in for a division by (nearly) zero in the state update.
const HUGEN: f64 = 1e10;

/// The recursions of one ETS class with its parameters: forecast's C `forecast(…, h = 1)` and `update`.
#[derive(Clone, Copy)]
struct Recursion {
    spec: EtsSpec,
    alpha: f64,
    beta: f64,
    gamma: f64,
    /// 1 unless the trend is damped.
    phi: f64,
}

impl Recursion {
    fn new(spec: EtsSpec, [alpha, beta, gamma, phi]: [f64; 4]) -> Self {
        let phi = if spec.trend.is_damped() { phi } else { 1.0 };
        Self {
            spec,
            alpha,
            beta,
            gamma,
            phi,
        }
    }

    /// `(l + φb, φb)` for additive trends, `(l b^φ, b^φ)` for multiplicative ones, `(l, 0)` without trend.
    #[inline]
    fn trend_part(&self, l: f64, b: f64) -> (f64, f64) {
        match self.spec.trend {
            EtsTrend::None => (l, 0.0),
            EtsTrend::Additive | EtsTrend::AdditiveDamped => {
                let phib = self.phi * b;
                (l + phib, phib)
            }
            EtsTrend::Multiplicative => (l * b, b),
            EtsTrend::MultiplicativeDamped => {
                let phib = libm::pow(b, self.phi);
                (l * phib, phib)
            }
        }
    }

    /// The one-step forecast from level `l`, growth `b` and the oldest season `sm`, with the
    /// [`Recursion::trend_part`] `(q, φb)` that [`Recursion::update`] needs; `None` (R's `NA`) for a
    /// negative multiplicative growth.
    #[inline]
    fn one_step(&self, l: f64, b: f64, sm: f64) -> Option<(f64, f64, f64)> {
        if self.spec.trend.is_multiplicative() && b < 0.0 {
            return None;
        }
        let (q, phib) = self.trend_part(l, b);
        let f = match self.spec.season {
            EtsSeason::None => q,
            EtsSeason::Additive => q + sm,
            EtsSeason::Multiplicative => q * sm,
        };
        Some((f, q, phib))
    }

    /// The new level, growth and season after observing `y` (forecast's `update`), from the old level,
    /// the trend part `(q, φb)` of the old state and the oldest season `sm`.
    #[inline]
    fn update(&self, oldl: f64, (q, phib): (f64, f64), sm: f64, y: f64) -> (f64, f64, f64) {
        let p = match self.spec.season {
            EtsSeason::None => y,
            EtsSeason::Additive => y - sm,
            EtsSeason::Multiplicative => {
                if sm.abs() < 1e-10 {
                    HUGEN
                } else {
                    y / sm
                }
            }
        };
        let l = q + self.alpha * (p - q);
        let b = match self.spec.trend {
            EtsTrend::None => 0.0,
            EtsTrend::Additive | EtsTrend::AdditiveDamped => phib + (self.beta / self.alpha) * ((l - oldl) - phib),
            EtsTrend::Multiplicative | EtsTrend::MultiplicativeDamped => {
                let r = if oldl.abs() < 1e-10 { HUGEN } else { l / oldl };
                phib + (self.beta / self.alpha) * (r - phib)
            }
        };
        let s = match self.spec.season {
            EtsSeason::None => 0.0,
            EtsSeason::Additive => sm + self.gamma * ((y - q) - sm),
            EtsSeason::Multiplicative => {
                let t = if q.abs() < 1e-10 { HUGEN } else { y / q };
                sm + self.gamma * (t - sm)
            }
        };
        (l, b, s)
    }
}

/// The running state of an ETS filter: level, growth and the `m` seasons in a ring on the stack
/// (`s[j] = ring[(start + j) % m]`, `s[0]` the newest; at most 24 seasons, checked when fitting).
struct FilterState {
    l: f64,
    b: f64,
    ring: [f64; 24],
    start: usize,
    m: usize,
    trend: bool,
    seasonal: bool,
}

impl FilterState {
    /// From a state vector `(l, b, s1..sm)` (`b` only with a trend, seasons only with a season).
    fn new(spec: EtsSpec, x: &[f64], m: usize) -> Self {
        let nt = n_trend(spec);
        let seasonal = spec.season != EtsSeason::None;
        let mut ring = [0.0; 24];
        if seasonal {
            ring[..m].copy_from_slice(&x[1 + nt..1 + nt + m]);
        }
        Self {
            l: x[0],
            b: if nt == 1 { x[1] } else { 0.0 },
            ring,
            start: 0,
            m: m.max(1),
            trend: nt == 1,
            seasonal,
        }
    }

    /// One time step: the one-step forecast `f`, the observation `observe(f)`, and the state update with
    /// it; returns `(f, y)`, or `None` (R's `NA`) for a negative multiplicative growth.
    #[inline]
    fn step(&mut self, rec: &Recursion, observe: impl FnOnce(f64) -> f64) -> Option<(f64, f64)> {
        let oldest = (self.start + self.m - 1) % self.m;
        let sm = if self.seasonal { self.ring[oldest] } else { 0.0 };
        let (f, q, phib) = rec.one_step(self.l, self.b, sm)?;
        let y = observe(f);
        let (l, b, s) = rec.update(self.l, (q, phib), sm, y);
        self.l = l;
        self.b = b;
        if self.seasonal {
            self.ring[oldest] = s;
            self.start = oldest;
        }
        Some((f, y))
    }

    /// Writes the state vector `(l, b, s1..sm)` to `out`.
    fn write(&self, out: &mut Vec<f64>) {
        out.clear();
        out.push(self.l);
        if self.trend {
            out.push(self.b);
        }
        if self.seasonal {
            out.extend((0..self.m).map(|j| self.ring[(self.start + j) % self.m]));
        }
    }
}

/// forecast's C `etscalc`: runs the filter from state `x0`, returns
/// `n log Σe² (+ 2 Σ log|ŷ|)`, filling residuals, one-step forecasts and the last state.
/// NaN (forecast's `NA` likelihood) when a multiplicative growth turns negative.
#[allow(clippy::too_many_arguments)]
fn etscalc(
    y: &[f64],
    x0: &[f64],
    m: usize,
    spec: EtsSpec,
    par: [f64; 4],
    e: &mut [f64],
    fhat: &mut [f64],
    last: &mut Vec<f64>,
) -> f64 {
    let rec = Recursion::new(spec, par);
    let mut state = FilterState::new(spec, x0, m);
    let mut lik = 0.0;
    let mut lik2 = 0.0;
    for (i, &yi) in y.iter().enumerate() {
        let Some((f, _)) = state.step(&rec, |_| yi) else {
            return f64::NAN;
        };
        fhat[i] = f;
        e[i] = match spec.error {
            EtsErrorType::Additive => yi - f,
            EtsErrorType::Multiplicative => (yi - f) / f,
        };
        lik += e[i] * e[i];
        lik2 += f.abs().ln();
    }
    state.write(last);
    let mut out = y.len() as f64 * lik.ln();
    if spec.error == EtsErrorType::Multiplicative {
        out += 2.0 * lik2;
    }
    out
}

/// forecast's `admissible`: the characteristic roots lie in the unit circle.
fn admissible(
    alpha: f64,
    beta: Option<f64>,
    gamma: Option<f64>,
    phi: f64,
    m: usize,
    roots: &mut Vec<(f64, f64)>,
) -> bool {
    if !(0.0..=1.0 + 1e-8).contains(&phi) {
        return false;
    }
    match gamma {
        None => {
            if alpha < 1.0 - 1.0 / phi || alpha > 1.0 + 1.0 / phi {
                return false;
            }
            if let Some(beta) = beta
                && (beta < alpha * (phi - 1.0) || beta > (1.0 + phi) * (2.0 - alpha))
            {
                return false;
            }
            true
        }
        Some(gamma) if m > 1 => {
            let beta = beta.unwrap_or(0.0);
            let mf = m as f64;
            if gamma < (1.0 - 1.0 / phi - alpha).max(0.0) || gamma > 1.0 + 1.0 / phi - alpha {
                return false;
            }
            if alpha < 1.0 - 1.0 / phi - gamma * (1.0 - mf + phi + phi * mf) / (2.0 * phi * mf) {
                return false;
            }
            if beta < -(1.0 - phi) * (gamma / mf + alpha) {
                return false;
            }
            // P(z) = c0 + c1 z + ... + c_m z^m, increasing order as R's polyroot.
            let mut coef = Vec::with_capacity(m + 1);
            coef.push(phi * (1.0 - alpha - gamma));
            coef.push(alpha + beta - alpha * phi + gamma - 1.0);
            for _ in 0..m.saturating_sub(2) {
                coef.push(alpha + beta - alpha * phi);
            }
            coef.push(alpha + beta - phi);
            coef.push(1.0);
            max_root_modulus(&coef, roots) <= 1.0 + 1e-10
        }
        Some(_) => true,
    }
}

/// Largest root modulus of a monic polynomial (coefficients in increasing
/// order), by Durand–Kerner iteration, starting from `roots` and leaving the
/// roots found there.
fn max_root_modulus(coef: &[f64], roots: &mut Vec<(f64, f64)>) -> f64 {
    let deg = coef.len() - 1;
    if deg == 0 {
        return 0.0;
    }
    let lead = coef[deg];
    let a: Vec<f64> = coef.iter().map(|c| c / lead).collect();
    let eval = |z: (f64, f64)| {
        let mut acc = (0.0, 0.0);
        for &c in a.iter().rev() {
            acc = (acc.0 * z.0 - acc.1 * z.1 + c, acc.0 * z.1 + acc.1 * z.0);
        }
        acc
    };
    // Warm start from the previous call's roots (the optimiser moves little
    // between evaluations), else a circle of radius 0.9.
    if roots.len() != deg || roots.iter().any(|z| !z.0.is_finite() || !z.1.is_finite()) {
        roots.clear();
        roots.extend((0..deg).map(|k| {
            let th = 2.0 * std::f64::consts::PI * k as f64 / deg as f64 + 0.4;
            (0.9 * th.cos(), 0.9 * th.sin())
        }));
    }
    for _ in 0..500 {
        let mut delta = 0.0_f64;
        for i in 0..deg {
            let zi = roots[i];
            let num = eval(zi);
            let mut den = (1.0, 0.0);
            for (j, &zj) in roots.iter().enumerate() {
                if j != i {
                    let d = (zi.0 - zj.0, zi.1 - zj.1);
                    den = (den.0 * d.0 - den.1 * d.1, den.0 * d.1 + den.1 * d.0);
                }
            }
            let dd = den.0 * den.0 + den.1 * den.1;
            if dd == 0.0 {
                continue;
            }
            let q = (
                (num.0 * den.0 + num.1 * den.1) / dd,
                (num.1 * den.0 - num.0 * den.1) / dd,
            );
            roots[i] = (zi.0 - q.0, zi.1 - q.1);
            delta = delta.max(q.0 * q.0 + q.1 * q.1);
        }
        if delta < 1e-26 {
            break;
        }
    }
    roots.iter().map(|z| z.0 * z.0 + z.1 * z.1).fold(0.0, f64::max).sqrt()
}

/// R's `sinpi(x)`: `sin(πx)`, exact at multiples of 1/2.
fn sinpi(x: f64) -> f64 {
    let mut x = x % 2.0;
    if x <= -1.0 {
        x += 2.0;
    } else if x > 1.0 {
        x -= 2.0;
    }
    if x == 0.0 || x == 1.0 {
        0.0
    } else if x == 0.5 {
        1.0
    } else if x == -0.5 {
        -1.0
    } else {
        (std::f64::consts::PI * x).sin()
    }
}

/// R's `cospi(x)`: `cos(πx)`, exact at multiples of 1/2.
fn cospi(x: f64) -> f64 {
    let x = x.abs() % 2.0;
    if x % 1.0 == 0.5 {
        0.0
    } else if x == 1.0 {
        -1.0
    } else if x == 0.0 {
        1.0
    } else {
        (std::f64::consts::PI * x).cos()
    }
}

/// Intercept and slope of forecast's `tslm(y ~ trend + fourier(y, 1))` (trend `1..n`; the sine column
/// is left out for `m = 2`, where it vanishes), by Householder QR. `None` if the design is singular.
fn fourier_line(y: &[f64], m: usize) -> Option<(f64, f64)> {
    let n = y.len();
    let x2 = |t: usize| 2.0 * (1.0 / m as f64) * (t + 1) as f64;
    let mut cols: Vec<f64> = Vec::with_capacity(4 * n);
    cols.extend(std::iter::repeat_n(1.0, n));
    cols.extend((1..=n).map(|t| t as f64));
    if m != 2 {
        cols.extend((0..n).map(|t| sinpi(x2(t))));
    }
    cols.extend((0..n).map(|t| cospi(x2(t))));
    let k = cols.len() / n;
    if n <= k {
        return None;
    }
    let coef = Qr::new(cols, n, k).ok()?.least_squares(y);
    Some((coef[0], coef[1]))
}

/// forecast's `initstate`: `l, b, s0..s_{m-2}` from `decompose` (or, for fewer than three
/// periods, from a line-plus-one-harmonic regression, as forecast) and a straight line.
/// `None` if that regression is singular.
fn initstate(y: &[f64], spec: EtsSpec, m: usize) -> Option<Vec<f64>> {
    let n = y.len();
    let (y_sa, seas): (Vec<f64>, Vec<f64>) = if spec.season == EtsSeason::None {
        (y.to_vec(), Vec::new())
    } else {
        let multiplicative = spec.season == EtsSeason::Multiplicative;
        // R's `y.d$seasonal`, one value per observation.
        let seasonal: Vec<f64> = if n < 3 * m {
            let (a, b) = fourier_line(y, m)?;
            let line = |t: usize| a + b * (t + 1) as f64;
            if multiplicative {
                y.iter().enumerate().map(|(t, v)| v / line(t)).collect()
            } else {
                y.iter().enumerate().map(|(t, v)| v - line(t)).collect()
            }
        } else {
            let kind = if multiplicative {
                HwSeasonal::Multiplicative
            } else {
                HwSeasonal::Additive
            };
            let (_, figure) = decompose(y, m, kind);
            (0..n).map(|t| figure[t % m]).collect()
        };
        let mut init: Vec<f64> = seasonal[1..m].iter().rev().copied().collect();
        if multiplicative {
            for v in &mut init {
                *v = v.max(0.01);
            }
            let sum: f64 = init.iter().sum();
            if sum > m as f64 {
                let d: f64 = init.iter().map(|v| v + 0.01).sum();
                for v in &mut init {
                    *v /= d;
                }
            }
            (y.iter().zip(&seasonal).map(|(v, s)| v / s.max(0.01)).collect(), init)
        } else {
            (y.iter().zip(&seasonal).map(|(v, s)| v - s).collect(), init)
        }
    };
    let maxn = (2 * m).max(10).min(n);
    let mut out = Vec::with_capacity(2 + seas.len());
    if spec.trend == EtsTrend::None {
        out.push(y_sa[..maxn].iter().sum::<f64>() / maxn as f64);
    } else {
        let nm = maxn as f64;
        let tbar = f64::midpoint(nm, 1.0);
        let ybar = y_sa[..maxn].iter().sum::<f64>() / nm;
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for (i, v) in y_sa[..maxn].iter().enumerate() {
            let d = (i + 1) as f64 - tbar;
            sxy += d * (v - ybar);
            sxx += d * d;
        }
        // lsfit(1:maxn, y_sa[1:maxn]): intercept a, slope c.
        let c = sxy / sxx;
        let a = ybar - c * tbar;
        let (l0, b0) = if spec.trend.is_multiplicative() {
            // The line's values at t = 1 and 2 give the level before t = 1 and the growth.
            let mut l0 = a + c;
            if l0.abs() < 1e-8 {
                l0 = 1e-7;
            }
            let mut b0 = (a + 2.0 * c) / l0;
            l0 /= b0;
            if b0.abs() > 1e10 {
                b0 = b0.signum() * 1e10;
            }
            if l0 < 1e-8 || b0 < 1e-8 {
                l0 = y_sa[0].max(0.001);
                b0 = (y_sa[1] / y_sa[0]).max(0.001);
            }
            (l0, b0)
        } else {
            let (mut l0, mut b0) = (a, c);
            if (l0 + b0).abs() < 1e-8 {
                l0 *= 1.001;
                b0 *= 0.999;
            }
            (l0, b0)
        };
        out.push(l0);
        out.push(b0);
    }
    out.extend(seas);
    Some(out)
}

const LOWER: [f64; 4] = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER: [f64; 4] = [0.9999, 0.9999, 0.9999, 0.98];

/// Fits one class by maximum likelihood (forecast's `etsmodel`); `None` when
/// the class has too many parameters for the data.
#[allow(clippy::too_many_lines)] // forecast's etsmodel: start values, bounds, objective, refit
fn fit_one(y: &[f64], m_in: usize, spec: EtsSpec) -> Option<EtsFit> {
    let seasonal = spec.season != EtsSeason::None;
    let m = if seasonal { m_in } else { 1 };
    let trend = spec.trend != EtsTrend::None;
    let damped = spec.trend.is_damped();
    // initparam (bounds "both").
    let mut alpha = LOWER[0] + 0.2 * (UPPER[0] - LOWER[0]) / m as f64;
    if !(0.0..=1.0).contains(&alpha) {
        alpha = LOWER[0] + 0.002;
    }
    let mut par = vec![alpha];
    if trend {
        let up = UPPER[1].min(alpha);
        let mut beta = LOWER[1] + 0.1 * (up - LOWER[1]);
        if beta < 0.0 || beta > alpha {
            beta = alpha - 0.001;
        }
        par.push(beta);
    }
    if seasonal {
        let up = UPPER[2].min(1.0 - alpha);
        let mut gamma = LOWER[2] + 0.05 * (up - LOWER[2]);
        if gamma < 0.0 || gamma > 1.0 - alpha {
            gamma = 1.0 - alpha - 0.001;
        }
        par.push(gamma);
    }
    if damped {
        let mut phi = LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]);
        if !(0.0..=1.0).contains(&phi) {
            phi = UPPER[3] - 0.001;
        }
        par.push(phi);
    }
    let n_smooth = par.len();
    let init = initstate(y, spec, m)?;
    let nstate = init.len();
    par.extend_from_slice(&init);
    let np = par.len();
    if np >= y.len() - 1 {
        return None;
    }
    let n = y.len();
    let mut e = vec![0.0; n];
    let mut fh = vec![0.0; n];
    let mut last = Vec::with_capacity(nstate + 1);
    let mut state = Vec::with_capacity(nstate + 1);
    let unpack = |p: &[f64]| -> [f64; 4] {
        let mut k = 1;
        let beta = if trend {
            k += 1;
            p[k - 1]
        } else {
            0.0
        };
        let gamma = if seasonal {
            k += 1;
            p[k - 1]
        } else {
            0.0
        };
        let phi = if damped { p[k] } else { 1.0 };
        [p[0], beta, gamma, phi]
    };
    let full_state = |p: &[f64], state: &mut Vec<f64>| -> bool {
        state.clear();
        state.extend_from_slice(&p[n_smooth..]);
        if seasonal {
            let start = 1 + usize::from(trend);
            let sum: f64 = state[start..].iter().sum();
            let extra = if spec.season == EtsSeason::Multiplicative {
                m as f64
            } else {
                0.0
            } - sum;
            state.push(extra);
            if spec.season == EtsSeason::Multiplicative && state[start..].iter().any(|&v| v < 0.0) {
                return false;
            }
        }
        true
    };
    let mut roots = Vec::new();
    let mut check = |pp: [f64; 4]| -> bool {
        let [a, b, g, ph] = pp;
        if !(LOWER[0]..=UPPER[0]).contains(&a) {
            return false;
        }
        if trend && (b < LOWER[1] || b > a || b > UPPER[1]) {
            return false;
        }
        if damped && !(LOWER[3]..=UPPER[3]).contains(&ph) {
            return false;
        }
        if seasonal && (g < LOWER[2] || g > 1.0 - a || g > UPPER[2]) {
            return false;
        }
        admissible(a, trend.then_some(b), seasonal.then_some(g), ph, m, &mut roots)
    };
    let objective = |p: &[f64]| -> f64 {
        let pp = unpack(p);
        if !check(pp) {
            return f64::INFINITY;
        }
        if !full_state(p, &mut state) {
            return f64::INFINITY;
        }
        let lik = etscalc(y, &state, m, spec, pp, &mut e, &mut fh, &mut last);
        if lik.is_nan() { f64::INFINITY } else { lik.max(-1e10) }
    };
    let (best, _) = nmmin(objective, &par, f64::EPSILON.sqrt(), 2000);
    let pp = unpack(&best);
    if !full_state(&best, &mut state) {
        return None;
    }
    let lik = etscalc(y, &state, m, spec, pp, &mut e, &mut fh, &mut last);
    if lik.is_nan() {
        return None;
    }
    // A perfect fit has log 0 = -inf; forecast's objective floors it at -1e10.
    let lik = lik.max(-1e10);
    let n_params = np + 1;
    let sse: f64 = e.iter().map(|v| v * v).sum();
    let fitted = match spec.error {
        EtsErrorType::Additive => y.iter().zip(&e).map(|(a, b)| a - b).collect(),
        EtsErrorType::Multiplicative => y.iter().zip(&e).map(|(a, b)| a / (1.0 + b)).collect(),
    };
    Some(EtsFit {
        spec,
        period: m,
        alpha: pp[0],
        beta: pp[1],
        gamma: pp[2],
        phi: pp[3],
        initial: state,
        last,
        residuals: e,
        fitted,
        lik,
        n_params,
        n,
        sigma2: sse / (n as f64 - (n_params - 1) as f64),
    })
}

/// Fits an ETS state-space model by maximum likelihood, after R
/// `forecast::ets` (Hyndman, Koehler, Ord & Snyder 2008).
///
/// State `x = (l, b, s1..sm)`; for example ETS(M,Ad,M):
///
/// ```text
/// ŷ_t = (l + φ b) s_m,   e_t = (y_t - ŷ_t) / ŷ_t
/// l ← (l + φ b) + α ((y_t / s_m) - (l + φ b))
/// b ← φ b + (β / α) (l_new - l - φ b)
/// s1 ← s_m + γ (y_t / (l + φ b) - s_m),  s_j ← s_{j-1}
/// ```
///
/// With a multiplicative trend `l + φ b` becomes `l b^φ` and the growth update
/// `b ← b^φ + (β / α) (l_new / l - b^φ)` (forecast's C `update`).
///
/// Objective (forecast's): `n log Σ e_t² + 2 Σ log |ŷ_t|` (second term for
/// multiplicative errors), minimised over the smoothing parameters and the
/// initial states with R's Nelder–Mead (`optim` variant, tolerance
/// `sqrt(eps)`, at most 2000 evaluations), from forecast's start values
/// (`initparam`, `initstate`: `decompose` of the whole series, a line through
/// the first `max(10, 2m)` seasonally adjusted values; for a multiplicative
/// trend, `l0 = ŷ₁ / b0` and `b0 = ŷ₂ / ŷ₁` from that line, as forecast's
/// `initstate`). Parameter region
/// "both": `1e-4 <= β <= α <= 0.9999`, `γ <= 1 - α`, `0.8 <= φ <= 0.98`, and
/// the admissible region (characteristic roots inside the unit circle; ours by
/// Durand–Kerner, R's by `polyroot`). `k` counts the smoothing parameters, the
/// free initial states and the variance.
///
/// [`EtsModel::Auto`] fits every class forecast's `ets` tries by default:
/// error A/M (M only for positive data), trend N/A/Ad, season N/A/M (only when
/// `period > 1`), except additive error with multiplicative season, and keeps
/// the lowest `AICc` (the first, in R's order, on a tie).
/// [`EtsModel::AutoWithMultiplicativeTrend`] adds the trends M and Md as
/// `ets(y, allow.multiplicative.trend = TRUE)`, with R's restrictions (no
/// additive error with a multiplicative trend, no multiplicative trend with an
/// additive season). [`EtsModel::Fixed`] fits any of the 30 classes, including
/// those restricted in the searches (R's `restrict = FALSE`).
///
/// Agreement with R 4.2.2 forecast 8.20: because the start values, objective,
/// bounds and optimiser are forecast's own, the optimum is R's: on
/// `AirPassengers` the automatic choice is ETS(M,Ad,M) as in R, and the
/// parameters, initial states, log-likelihood, AIC/`AICc`/BIC, forecast means
/// and 80/95 % intervals agree to about `1e-12` relative (tests assert `1e-6`);
/// likewise for `co2`, `WWWusage`, `Nile` (automatic) and four fixed classes;
/// and for the 15 classes with a multiplicative trend or an `(A,*,M)` form
/// (21 fits on `AirPassengers`, `lynx`, `uspop`, `UKgas`) and the search with
/// multiplicative trends (ETS(M,Md,M) on `AirPassengers`, as R), to about
/// `1e-11` (`tests/integration/ets_more.rs`). Prediction intervals are analytic where R's
/// are (classes 1–3 of Hyndman et al. 2008, ch. 6) and simulated, seeded,
/// otherwise: see [`EtsFit::predict`].
///
/// Start values are forecast's: `decompose` for the seasonal start when there are
/// at least three periods, and for shorter seasonal series (more than one
/// period) a regression on a line and one Fourier pair, as forecast's `initstate`.
///
/// # Complexity
///
/// `O(n · evaluations)` per class; [`EtsModel::Auto`] fits up to 15 classes,
/// [`EtsModel::AutoWithMultiplicativeTrend`] up to 19.
///
/// # Errors
/// [`StatsError::InvalidParameter`] for `period == 0`, a seasonal class with `period < 2` or
/// `period > 24` (forecast's limit), or a class with a multiplicative error, trend or season on data
/// that are not all positive; [`StatsError::TooShort`] for a seasonal class with no more than `period`
/// observations (R drops the season there), a fixed class with fewer observations than it has
/// parameters plus 5, or a search on fewer than 7 observations (R returns a non-optimised Holt-Winters
/// fit in both cases, not reproduced); [`StatsError::NonFinite`] at the first NaN or infinite value;
/// [`StatsError::Degenerate`] if no class could be fitted (for a fixed multiplicative trend, also when
/// its growth turns negative at every start the optimiser tries).
///
/// # Example
///
/// ```
/// use corridor::stats::{ets, EtsModel, EtsSpec, EtsErrorType, EtsTrend, EtsSeason};
/// let y: Vec<f64> = (0..60)
///     .map(|i| 50.0 + 0.5 * f64::from(i) + [4.0, -2.0, -3.0, 1.0][i as usize % 4] + (f64::from(i) * 1.3).sin())
///     .collect();
/// let spec = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::Additive, season: EtsSeason::Additive };
/// let fit = ets(&y, 4, EtsModel::Fixed(spec))?;
/// assert_eq!(fit.spec().to_string(), "ETS(A,A,A)");
/// assert!(fit.forecast(4)[0] > 70.0);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn ets(y: &[f64], period: usize, model: EtsModel) -> crate::stats::error::Result<EtsFit> {
    Ets::new(y, period).model(model).fit()
}

/// An ETS model on a series, to be fitted: the builder form of [`ets`], after R `forecast::ets`
/// (the model, its agreement with R, the errors and the complexity are documented there).
///
/// `Ets::new(&y, period)` searches the classes of [`EtsModel::Auto`], as R `ets(y)`; `.model(…)`
/// chooses another search or one class.
///
/// # Example
///
/// ```
/// use corridor::stats::{Ets, EtsModel};
/// let y: Vec<f64> = (0..60).map(|i| 50.0 + 0.5 * f64::from(i) + [4.0, -2.0, -3.0, 1.0][i as usize % 4]).collect();
/// let fit = Ets::new(&y, 4).model(EtsModel::Auto).fit()?;
/// assert_eq!(fit.fitted().len(), y.len());
/// assert!(fit.predict(4, 0.95)?.interval(1).is_some());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ets<'a> {
    y: &'a [f64],
    period: usize,
    model: EtsModel,
}

impl<'a> Ets<'a> {
    /// The model on `y` with `period` observations per season (1 for none), searching
    /// [`EtsModel::Auto`].
    #[must_use]
    pub fn new(y: &'a [f64], period: usize) -> Self {
        Self {
            y,
            period,
            model: EtsModel::Auto,
        }
    }

    /// Which classes to fit (default [`EtsModel::Auto`]).
    #[must_use]
    pub fn model(mut self, model: EtsModel) -> Self {
        self.model = model;
        self
    }

    /// Fits the model by maximum likelihood, as [`ets`].
    ///
    /// # Errors
    /// As [`ets`].
    pub fn fit(&self) -> crate::stats::error::Result<EtsFit> {
        ets_impl(self.y, self.period, self.model)
    }
}

fn n_params(spec: EtsSpec, m: usize) -> usize {
    let mut k = 2;
    if spec.trend != EtsTrend::None {
        k += 2;
    }
    if spec.season != EtsSeason::None {
        k += m;
    }
    if spec.trend.is_damped() {
        k += 1;
    }
    k
}

fn ets_impl(y: &[f64], period: usize, model: EtsModel) -> Result<EtsFit, StatsError> {
    check_positive("period", period)?;
    check_series("ets", y, 2)?;
    let positive = y.iter().all(|&v| v > 0.0);
    let spec = match model {
        EtsModel::Fixed(spec) => spec,
        EtsModel::Auto => return auto(y, period, positive, false),
        EtsModel::AutoWithMultiplicativeTrend => return auto(y, period, positive, true),
    };
    if spec.season != EtsSeason::None {
        if !(2..=24).contains(&period) {
            return Err(StatsError::InvalidParameter {
                name: "period",
                value: period.to_string(),
                reason: "a seasonal ets model needs 2 <= period <= 24",
            });
        }
        check_series("seasonal ets", y, period + 1)?;
    }
    let mult = spec.error == EtsErrorType::Multiplicative
        || spec.season == EtsSeason::Multiplicative
        || spec.trend.is_multiplicative();
    if mult && !positive {
        return Err(StatsError::InvalidParameter {
            name: "ets model",
            value: spec.to_string(),
            reason: "multiplicative components need positive data",
        });
    }
    let m = if spec.season == EtsSeason::None { 1 } else { period };
    check_series("ets", y, n_params(spec, m) + 5)?;
    fit_one(y, period, spec).ok_or(StatsError::Degenerate {
        method: "ets",
        reason: "the model could not be fitted (too many parameters for the data, or a multiplicative trend \
                 that turns negative)",
    })
}

/// R `ets(y)`'s search (`multiplicative_trend`: with `allow.multiplicative.trend = TRUE`), in R's order
/// (error A, M; trend N, A, M; season N, A, M; damped before undamped), keeping the first lowest `AICc`.
///
/// Every class is tried that has fewer optimised parameters than `n - 1` (forecast's `etsmodel` rule, in
/// `fit_one`). Below 7 observations R does not search at all but returns a non-optimised Holt-Winters fit
/// (`HoltWintersZZ`), which is not reproduced: that is [`StatsError::TooShort`].
fn auto(y: &[f64], period: usize, positive: bool, multiplicative_trend: bool) -> Result<EtsFit, StatsError> {
    check_series("ets search", y, 7)?;
    let n = y.len();
    let seasons: &[EtsSeason] = if (2..=24).contains(&period) && n > period {
        &[EtsSeason::None, EtsSeason::Additive, EtsSeason::Multiplicative]
    } else {
        &[EtsSeason::None]
    };
    let errors: &[EtsErrorType] = if positive {
        &[EtsErrorType::Additive, EtsErrorType::Multiplicative]
    } else {
        &[EtsErrorType::Additive]
    };
    // Each base trend with its damped twin first, as R's `damped = c(TRUE, FALSE)`.
    let trends: &[&[EtsTrend]] = if multiplicative_trend && positive {
        &[
            &[EtsTrend::None],
            &[EtsTrend::AdditiveDamped, EtsTrend::Additive],
            &[EtsTrend::MultiplicativeDamped, EtsTrend::Multiplicative],
        ]
    } else {
        &[&[EtsTrend::None], &[EtsTrend::AdditiveDamped, EtsTrend::Additive]]
    };
    let mut best: Option<EtsFit> = None;
    for &error in errors {
        for &base in trends {
            for &season in seasons {
                for &trend in base {
                    let spec = EtsSpec { error, trend, season };
                    // R's `restrict = TRUE`.
                    if error == EtsErrorType::Additive
                        && (trend.is_multiplicative() || season == EtsSeason::Multiplicative)
                    {
                        continue;
                    }
                    if error == EtsErrorType::Multiplicative
                        && trend.is_multiplicative()
                        && season == EtsSeason::Additive
                    {
                        continue;
                    }
                    if let Some(fit) = fit_one(y, period, spec)
                        && fit.aicc().is_finite()
                        && best.as_ref().is_none_or(|b| fit.aicc() < b.aicc())
                    {
                        best = Some(fit);
                    }
                }
            }
        }
    }
    best.ok_or(StatsError::Degenerate {
        method: "ets",
        reason: "no model class could be fitted (too few observations?)",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_modulus_of_known_polynomials() {
        // (z - 0.5)(z + 2) = z^2 + 1.5 z - 1.
        assert!((max_root_modulus(&[-1.0, 1.5, 1.0], &mut Vec::new()) - 2.0).abs() < 1e-12);
        // z^2 + 0.25: roots ±0.5i.
        assert!((max_root_modulus(&[0.25, 0.0, 1.0], &mut Vec::new()) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn quantile_type8_equals_r() {
        // R 4.2.2: quantile(c(3,1,4,1,5,9,2,6,5,3,5), c(0, .025, .1, .5, .9, .975, 1), type = 8)
        let x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0];
        let want = [1.0, 1.0, 1.0, 4.0, 7.6, 9.0, 9.0];
        for (p, w) in [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0].into_iter().zip(want) {
            let mut v = x;
            assert!((quantile_type8(&mut v, p) - w).abs() < 1e-13, "p = {p}");
        }
        // quantile(7, c(.1, .9), type = 8) = 7; quantile(c(2, 1), c(.1, .5, .9), type = 8) = 1, 1.5, 2.
        assert_eq!(quantile_type8(&mut [7.0], 0.1), 7.0);
        assert_eq!(quantile_type8(&mut [7.0], 0.9), 7.0);
        assert_eq!(quantile_type8(&mut [2.0, 1.0], 0.1), 1.0);
        assert!((quantile_type8(&mut [2.0, 1.0], 0.5) - 1.5).abs() < 1e-15);
        assert_eq!(quantile_type8(&mut [2.0, 1.0], 0.9), 2.0);
    }

    #[test]
    fn damped_point_forecast_keeps_r_multiplier() {
        // l = 10, b = 1: R's etsforecast multiplies b by phi, 2 phi, 2 phi + phi^2.
        let spec = EtsSpec {
            error: EtsErrorType::Additive,
            trend: EtsTrend::AdditiveDamped,
            season: EtsSeason::None,
        };
        let f = point_forecast(&[10.0, 1.0], spec, 1, 0.9, 3);
        assert!((f[0] - 10.9).abs() < 1e-12 && (f[1] - 11.8).abs() < 1e-12 && (f[2] - 12.61).abs() < 1e-12);
        let spec = EtsSpec {
            trend: EtsTrend::MultiplicativeDamped,
            ..spec
        };
        let f = point_forecast(&[10.0, 1.1], spec, 1, 0.9, 2);
        assert!((f[1] - 10.0 * 1.1_f64.powf(1.8)).abs() < 1e-12);
        assert!(point_forecast(&[10.0, -0.5], spec, 1, 0.9, 2)[0].is_nan());
    }

    #[test]
    fn spec_displays_like_r() {
        let s = EtsSpec {
            error: EtsErrorType::Multiplicative,
            trend: EtsTrend::AdditiveDamped,
            season: EtsSeason::Multiplicative,
        };
        assert_eq!(s.to_string(), "ETS(M,Ad,M)");
    }
}
