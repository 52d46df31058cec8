//! Point forecasts and prediction intervals of a fitted ETS model: analytic for classes 1–3 of
//! Hyndman et al. (2008, ch. 6), simulated otherwise, as R `forecast.ets`.

use super::fit::{FilterState, Recursion};
use super::{EtsErrorType, EtsFit, EtsSeason, EtsSpec, EtsTrend, n_trend};
use crate::rng::Rng;
use crate::stats::StatsError;
use crate::stats::distributions::std_normal_quantile;
use crate::stats::forecast::Forecast;
use crate::stats::linalg::dot;
use crate::stats::validate::{check_alloc, check_level, check_positive};

impl EtsFit {
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
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // Without trend or season every horizon forecasts the last level.
    /// let f = fit.forecast(3);
    /// assert!(f.iter().all(|&v| v == f[0]));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        point_forecast(&self.last, self.spec, self.period, self.phi, h)
    }

    /// Whether R's `forecast.ets` has analytic prediction intervals for this class (Hyndman et al. 2008,
    /// ch. 6, classes 1–3): every class except the multiplicative trends (`M`, `Md`) and additive error with
    /// multiplicative season (`(A,*,M)`). For the others [`EtsFit::predict`] simulates.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
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
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{ets, EtsModel};
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
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
