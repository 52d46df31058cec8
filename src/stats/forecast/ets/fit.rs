//! The ETS state-space filter (forecast's C `etscalc`) and the maximum-likelihood fit of one class or a
//! search over classes (forecast's `etsmodel` and `ets`).

use super::admissible::admissible;
use super::init::initstate;
use super::{EtsErrorType, EtsFit, EtsModel, EtsSeason, EtsSpec, EtsTrend, n_trend};
use crate::stats::StatsError;
use crate::stats::forecast::nmmin::nmmin;
use crate::stats::validate::{check_positive, check_series};

/// forecast's `HUGEN`: the stand-in for a division by (nearly) zero in the state update.
const HUGEN: f64 = 1e10;

/// The recursions of one ETS class with its parameters: forecast's C `forecast(…, h = 1)` and `update`.
#[derive(Clone, Copy)]
pub(super) struct Recursion {
    pub(super) spec: EtsSpec,
    alpha: f64,
    beta: f64,
    gamma: f64,
    /// 1 unless the trend is damped.
    phi: f64,
}

impl Recursion {
    pub(super) fn new(spec: EtsSpec, [alpha, beta, gamma, phi]: [f64; 4]) -> Self {
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
pub(super) struct FilterState {
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
    pub(super) fn new(spec: EtsSpec, x: &[f64], m: usize) -> Self {
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
    pub(super) fn step(&mut self, rec: &Recursion, observe: impl FnOnce(f64) -> f64) -> Option<(f64, f64)> {
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
/// # Examples
///
/// ```
/// use corridor::stats::forecast::{ets, EtsModel, EtsSpec, EtsErrorType, EtsTrend, EtsSeason};
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
/// # Examples
///
/// ```
/// use corridor::stats::forecast::{Ets, EtsModel};
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
