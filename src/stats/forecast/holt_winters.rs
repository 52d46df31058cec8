//! Holt–Winters exponential smoothing, equal to R `stats::HoltWinters`.

use crate::stats::distributions::std_normal_quantile;

use super::Forecast;
use super::optim::nelder_mead;
use crate::stats::StatsError;
use crate::stats::validate::{check_alloc, check_level, check_series};

/// The trend of a Holt–Winters model.
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
/// let y = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
/// // R starts Holt's trend at l = y[1], b = y[1] − y[0]: on a straight line every one-step
/// // forecast is exact.
/// let holt = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).alpha(0.5).beta(0.3).fit()?;
/// assert_eq!((holt.level(), holt.slope(), holt.sse()), (6.0, 1.0, 0.0));
/// assert_eq!(holt.forecast(2), vec![7.0, 8.0]);
/// // Damped with φ = 0.5: the slope adds 0.5 b, then 0.25 b more.
/// let damped = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::Damped)
///     .alpha(0.5).beta(0.3).phi(0.5).fit()?;
/// let f = damped.forecast(2);
/// assert!((f[1] - f[0] - 0.25 * damped.slope()).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[allow(clippy::doc_markdown, reason = "an author's name in the docs, not code")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum HwTrend {
    /// No trend, R `beta = FALSE`.
    None,
    /// Additive (linear) trend, R's default.
    Additive,
    /// Additive damped trend (Gardner & McKenzie 1985), as statsmodels
    /// `ExponentialSmoothing(trend = "add", damped_trend = True)`: the slope enters each
    /// step multiplied by `φ` and the `h`-step forecast adds `(φ + φ² + … + φ^h) b`.
    /// `φ` is fixed with [`HoltWinters::phi`] or estimated in `[0.8, 0.995]`
    /// (statsmodels' bounds); `φ = 1` is [`HwTrend::Additive`] exactly.
    Damped,
}

/// The seasonal component of a Holt–Winters model.
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{HoltWinters, HwSeasonal};
/// // Twelve years of a quarterly series: a linear trend plus the pattern +3, −1, −4, +2.
/// let y: Vec<f64> = (0..48).map(|i| 20.0 + f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// let fit = HoltWinters::new(&y, 4).seasonal(HwSeasonal::Additive).alpha(0.3).beta(0.1).gamma(0.2).fit()?;
/// // s1 applies to the first forecast (quarter 48 mod 4 = 0): close to +3; the third to −4.
/// let s = fit.seasonal_figures();
/// assert_eq!(s.len(), 4);
/// assert!((s[0] - 3.0).abs() < 0.1 && (s[2] + 4.0).abs() < 0.1);
/// let mult = HoltWinters::new(&y, 4).seasonal(HwSeasonal::Multiplicative).fit()?;
/// assert!(mult.seasonal_figures().iter().all(|&f| f > 0.8 && f < 1.2));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum HwSeasonal {
    /// No season, R `gamma = FALSE`.
    None,
    /// Additive season, R `seasonal = "additive"` (the default).
    Additive,
    /// Multiplicative season, R `seasonal = "multiplicative"` (data must be non-zero).
    Multiplicative,
}

/// A Holt–Winters model on a series, to be fitted; by default R `HoltWinters(x)`: additive
/// trend and season, all three smoothing parameters estimated by minimising the
/// one-step squared error, start values from `decompose` of the first two periods.
/// The model, its agreement with R and statsmodels and its errors are documented on
/// [`holt_winters`], its single-shot form.
///
/// # Examples
///
/// ```
/// use corridor::stats::forecast::{HoltWinters, HwSeasonal};
/// let y: Vec<f64> = (0..48).map(|i| 10.0 + 0.5 * f64::from(i) * [1.1, 0.9, 0.8, 1.2][i as usize % 4]).collect();
/// // R: HoltWinters(x, alpha = 0.3, beta = 0.05, gamma = 0.2, seasonal = "multiplicative")
/// let fit = HoltWinters::new(&y, 4)
///     .seasonal(HwSeasonal::Multiplicative)
///     .alpha(0.3)
///     .beta(0.05)
///     .gamma(0.2)
///     .fit()?;
/// assert_eq!((fit.alpha(), fit.beta(), fit.gamma()), (0.3, 0.05, 0.2));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HoltWinters<'a> {
    y: &'a [f64],
    period: usize,
    trend: HwTrend,
    seasonal: HwSeasonal,
    alpha: Option<f64>,
    beta: Option<f64>,
    gamma: Option<f64>,
    phi: Option<f64>,
    start_periods: usize,
    level_start: Option<f64>,
    slope_start: Option<f64>,
    seasonal_start: Option<Vec<f64>>,
}

impl<'a> HoltWinters<'a> {
    /// The model on `y` with `period` observations per season (1 for a model without season),
    /// with R's defaults.
    #[must_use]
    pub fn new(y: &'a [f64], period: usize) -> Self {
        Self {
            y,
            period,
            trend: HwTrend::Additive,
            seasonal: HwSeasonal::Additive,
            alpha: None,
            beta: None,
            gamma: None,
            phi: None,
            start_periods: 2,
            level_start: None,
            slope_start: None,
            seasonal_start: None,
        }
    }

    /// Fits the model: R `HoltWinters`, see [`holt_winters`].
    ///
    /// # Errors
    /// As [`holt_winters`].
    pub fn fit(&self) -> crate::stats::error::Result<HoltWintersFit> {
        fit(self.y, self.period, self)
    }

    /// The trend component (R `beta = FALSE` for [`HwTrend::None`]).
    #[must_use]
    pub fn trend(mut self, trend: HwTrend) -> Self {
        self.trend = trend;
        self
    }
    /// The seasonal component (R `seasonal`, or `gamma = FALSE` for [`HwSeasonal::None`]).
    #[must_use]
    pub fn seasonal(mut self, seasonal: HwSeasonal) -> Self {
        self.seasonal = seasonal;
        self
    }
    /// Fixes the level smoothing parameter (R `alpha`), in `(0, 1]`.
    #[must_use]
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = Some(alpha);
        self
    }
    /// Fixes the trend smoothing parameter (R `beta`), in `[0, 1]`.
    #[must_use]
    pub fn beta(mut self, beta: f64) -> Self {
        self.beta = Some(beta);
        self
    }
    /// Fixes the seasonal smoothing parameter (R `gamma`), in `[0, 1]`.
    #[must_use]
    pub fn gamma(mut self, gamma: f64) -> Self {
        self.gamma = Some(gamma);
        self
    }
    /// Fixes the damping parameter `φ` of a [`HwTrend::Damped`] trend (statsmodels
    /// `damping_trend`), in `(0, 1]`; unset, it is estimated in `[0.8, 0.995]`. Setting it
    /// for another trend is an error when fitting.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [10.0, 12.0, 13.5, 14.2, 15.0, 15.4, 15.9, 16.1];
    /// let fit = HoltWinters::new(&y, 1)
    ///     .seasonal(HwSeasonal::None)
    ///     .trend(HwTrend::Damped)
    ///     .alpha(0.5)
    ///     .beta(0.3)
    ///     .phi(0.9)
    ///     .fit()?;
    /// assert_eq!(fit.phi(), 0.9);
    /// let f = fit.forecast(2);
    /// assert!((f[1] - (fit.level() + (0.9 + 0.81) * fit.slope())).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn phi(mut self, phi: f64) -> Self {
        self.phi = Some(phi);
        self
    }
    /// Periods used by `decompose` for the start values (R `start.periods`, default 2).
    #[must_use]
    pub fn start_periods(mut self, periods: usize) -> Self {
        self.start_periods = periods;
        self
    }
    /// The start level (R `l.start`).
    #[must_use]
    pub fn level_start(mut self, level: f64) -> Self {
        self.level_start = Some(level);
        self
    }
    /// The start slope (R `b.start`).
    #[must_use]
    pub fn slope_start(mut self, slope: f64) -> Self {
        self.slope_start = Some(slope);
        self
    }
    /// The start seasonal figures, one per position in the cycle (R `s.start`).
    #[must_use]
    pub fn seasonal_start(mut self, figures: Vec<f64>) -> Self {
        self.seasonal_start = Some(figures);
        self
    }
}

/// A fitted Holt–Winters model, from [`HoltWinters::fit`] or [`holt_winters`].
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
/// // Simple smoothing with α = 0.5 from l = y[0] = 3: forecasts 3, 4, 4; levels 4, 4, 5.
/// let y = [3.0, 5.0, 4.0, 6.0];
/// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
/// assert_eq!(fit.first_fitted(), 1);
/// assert_eq!(fit.fitted(), &[3.0, 4.0, 4.0]);
/// assert_eq!(fit.sse(), 8.0); // 2² + 0² + 2²
/// assert_eq!(fit.level(), 5.0);
/// assert_eq!((fit.beta(), fit.gamma(), fit.phi()), (0.0, 0.0, 1.0));
/// assert_eq!((fit.trend(), fit.seasonal()), (HwTrend::None, HwSeasonal::None));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HoltWintersFit {
    trend: HwTrend,
    seasonal: HwSeasonal,
    period: usize,
    alpha: f64,
    beta: f64,
    gamma: f64,
    phi: f64,
    sse: f64,
    first_fitted: usize,
    fitted: Vec<f64>,
    residual_variance: f64,
    level: f64,
    slope: f64,
    figures: Vec<f64>,
}

impl HoltWintersFit {
    /// The level smoothing parameter (fixed or estimated).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [12.0, 15.0, 14.0, 18.0, 17.0, 21.0, 20.0, 24.0, 23.0, 27.0, 26.0, 30.0];
    /// // Estimated (R optim's L-BFGS-B on the squared one-step errors) when not fixed, within [0, 1].
    /// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).fit()?;
    /// assert!((0.0..=1.0).contains(&fit.alpha()));
    /// // Fixed when given.
    /// assert_eq!(HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).alpha(0.2).beta(0.1).fit()?.alpha(), 0.2);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.alpha
    }
    /// The trend smoothing parameter (0 without trend).
    #[must_use]
    pub fn beta(&self) -> f64 {
        self.beta
    }
    /// The seasonal smoothing parameter (0 without season).
    #[must_use]
    pub fn gamma(&self) -> f64 {
        self.gamma
    }
    /// The damping parameter `φ` (fixed or estimated) of a [`HwTrend::Damped`] trend;
    /// 1 for the other trends.
    #[must_use]
    pub fn phi(&self) -> f64 {
        self.phi
    }
    /// The trend component of the model.
    #[must_use]
    pub fn trend(&self) -> HwTrend {
        self.trend
    }
    /// The seasonal component of the model.
    #[must_use]
    pub fn seasonal(&self) -> HwSeasonal {
        self.seasonal
    }
    /// Sum of squared one-step errors over the fitted span (R `$SSE`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [3.0, 5.0, 4.0, 6.0, 5.0];
    /// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
    /// let sse: f64 = fit.fitted().iter().zip(&y[fit.first_fitted()..]).map(|(f, y)| (y - f).powi(2)).sum();
    /// assert_eq!(fit.sse(), sse);
    /// assert_eq!(sse, 4.0 + 0.0 + 4.0 + 0.0); // forecasts 3, 4, 4, 5
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn sse(&self) -> f64 {
        self.sse
    }
    /// The one-step forecasts (R `fitted(m)[, "xhat"]`); `fitted()[i]` forecasts
    /// `y[first_fitted() + i]`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// // α = 0.5 from l = 3: forecasts 3, (5 + 3)/2 = 4, (4 + 4)/2 = 4.
    /// let fit = HoltWinters::new(&[3.0, 5.0, 4.0, 6.0], 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
    /// assert_eq!(fit.fitted(), &[3.0, 4.0, 4.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn fitted(&self) -> &[f64] {
        &self.fitted
    }
    /// 0-based index of the first observation with a one-step forecast
    /// (`period` when seasonal, 2 with trend only, 1 for simple smoothing).
    #[must_use]
    pub fn first_fitted(&self) -> usize {
        self.first_fitted
    }
    /// The final level (R `coef(m)["a"]`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// // The last update: 0.5 · 6 + 0.5 · 4.
    /// let fit = HoltWinters::new(&[3.0, 5.0, 4.0, 6.0], 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
    /// assert_eq!(fit.level(), 5.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn level(&self) -> f64 {
        self.level
    }
    /// The final slope (R `coef(m)["b"]`; 0 without trend). Undamped: the forecast
    /// `k` steps ahead adds `k b`; damped: `(φ + … + φ^k) b`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal};
    /// // On a straight line of slope 2 Holt's slope stays 2.
    /// let fit = HoltWinters::new(&[1.0, 3.0, 5.0, 7.0, 9.0], 1).seasonal(HwSeasonal::None).alpha(0.4).beta(0.2).fit()?;
    /// assert!((fit.level() - 9.0).abs() < 1e-12 && (fit.slope() - 2.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn slope(&self) -> f64 {
        self.slope
    }
    /// The final seasonal figures `s1..s_period` (R `coef(m)[c("s1", ...)]`);
    /// empty without season. `s1` applies to the first forecast.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal};
    /// let y: Vec<f64> = (0..48).map(|i| 20.0 + f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
    /// let fit = HoltWinters::new(&y, 4).seasonal(HwSeasonal::Additive).alpha(0.3).beta(0.1).gamma(0.2).fit()?;
    /// // One figure per quarter, close to +3, −1, −4, +2 (s1 applies to the first forecast).
    /// for (s, want) in fit.seasonal_figures().iter().zip([3.0, -1.0, -4.0, 2.0]) {
    ///     assert!((s - want).abs() < 0.1);
    /// }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn seasonal_figures(&self) -> &[f64] {
        &self.figures
    }

    /// Point forecasts for horizons `1..=h` (R `predict(m, h)`):
    /// `(a + φ_k b) s_{((k - 1) mod m) + 1}` (or `+ s` when additive), where
    /// `φ_k = φ + φ² + … + φ^k` for a damped trend and `φ_k = k` otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [3.0, 5.0, 4.0, 6.0, 5.5, 7.0];
    /// let fit = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?;
    /// assert_eq!(fit.forecast(2), vec![fit.level(); 2]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// As any `Vec`, when `h` values cannot be allocated (`h` beyond about `isize::MAX / 8`, or more than
    /// the memory available); [`HoltWintersFit::predict`] checks the horizon and returns an error instead.
    #[must_use]
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        let phi_k = self.phi_sums(h);
        (1..=h)
            .zip(phi_k)
            .map(|(k, phi_k)| {
                let base = self.level + phi_k * self.slope;
                match self.seasonal {
                    HwSeasonal::None => base,
                    HwSeasonal::Additive => base + self.figures[(k - 1) % self.period],
                    HwSeasonal::Multiplicative => base * self.figures[(k - 1) % self.period],
                }
            })
            .collect()
    }

    /// Point forecasts with R's `predict.HoltWinters(prediction.interval = TRUE)` interval:
    /// `fit ± z_{(1+level)/2} sqrt(v_k)` with `v_k = σ² (1 + Σ_{j<k} ψ_j²)` (additive;
    /// `ψ_j = α(1 + jβ) + [j mod m = 0] γ(1 - α)`) and `σ²` the sample variance
    /// (denominator `n - 1`) of the one-step errors. For a multiplicative season R's
    /// formula is used as written, including its indexing of the coefficient vector
    /// `(a, b, s1, ..)` (where a lag of `0 mod m` picks `b`).
    ///
    /// With a damped trend (additive or no season) `jβ` becomes `β φ_j`,
    /// `φ_j = φ + … + φ^j`: the model is then ETS(A,Ad,A) (or A,Ad,N) with smoothing
    /// parameters `α`, `αβ`, `γ(1 - α)`, and this is its exact class-1 variance
    /// (Hyndman et al. 2008, ch. 6), equal to statsmodels `ETSModel`'s forecast variance;
    /// at `φ = 1` it is R's formula.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] unless `0 < level < 1`, or when a horizon of `h` values
    /// cannot be allocated;
    /// [`StatsError::Degenerate`] for a multiplicative season without trend (R's
    /// formula indexes past its coefficients there) or with a damped trend (R's
    /// multiplicative formula is an approximation with no damped form, and we do not
    /// invent one).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::stats::forecast::{HoltWinters, HwSeasonal, HwTrend};
    /// let y = [3.0, 5.0, 4.0, 6.0, 5.5, 7.0];
    /// let p = HoltWinters::new(&y, 1).seasonal(HwSeasonal::None).trend(HwTrend::None).alpha(0.5).fit()?.predict(3, 0.95)?;
    /// assert!(p.lower()[0] < p.mean()[0] && p.mean()[0] < p.upper()[0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn predict(&self, h: usize, level: f64) -> crate::stats::error::Result<Forecast> {
        check_level(level)?;
        // φ_j, the means and the two bounds.
        check_alloc::<f64>("horizon", h, 4)?;
        if self.seasonal == HwSeasonal::Multiplicative && self.trend == HwTrend::None {
            return Err(StatsError::Degenerate {
                method: "holt-winters prediction interval",
                reason: "R's formula for a multiplicative season needs a trend",
            });
        }
        if self.seasonal == HwSeasonal::Multiplicative && self.trend == HwTrend::Damped {
            return Err(StatsError::Degenerate {
                method: "holt-winters prediction interval",
                reason: "R's formula for a multiplicative season is not defined for a damped trend",
            });
        }
        let z = std_normal_quantile(f64::midpoint(1.0, level));
        let m = self.period;
        // φ_j (= j exactly when undamped), for lags j = 0..h.
        let mut phi_j = vec![0.0];
        phi_j.extend(self.phi_sums(h));
        let psi = |j: usize| {
            self.alpha * (1.0 + phi_j[j] * self.beta)
                + if j.is_multiple_of(m) {
                    self.gamma * (1.0 - self.alpha)
                } else {
                    0.0
                }
        };
        // R's coefficient vector c(a, b, s1, ..., sm), 1-based.
        let coef = |i: usize| match i {
            1 => self.level,
            2 => self.slope,
            _ => self.figures[i - 3],
        };
        let mean = self.forecast(h);
        let mut lower = Vec::with_capacity(h);
        let mut upper = Vec::with_capacity(h);
        for (k, &f) in (1..=h).zip(&mean) {
            let factor = if self.seasonal == HwSeasonal::Multiplicative {
                let rel = 1 + (k - 1) % m;
                (0..k)
                    .map(|j| {
                        let idx = (rel + m * k - j) % m;
                        let v = psi(j) * coef(2 + rel) / coef(2 + idx);
                        v * v
                    })
                    .sum::<f64>()
            } else {
                1.0 + (1..k).map(|j| psi(j) * psi(j)).sum::<f64>()
            };
            let half = z * (self.residual_variance * factor).sqrt();
            lower.push(f - half);
            upper.push(f + half);
        }
        Ok(Forecast::new(mean, lower, upper, level))
    }

    /// `φ_k = φ + φ² + … + φ^k` for `k = 1..=h` (exactly `k` when `φ = 1`).
    fn phi_sums(&self, h: usize) -> Vec<f64> {
        let (mut power, mut sum) = (1.0, 0.0);
        (0..h)
            .map(|_| {
                power *= self.phi;
                sum += power;
                sum
            })
            .collect()
    }
}

/// R's `decompose(ts(x, frequency = f), type)`: the centred moving-average
/// trend (defined values only) and the normalised seasonal figure.
pub(crate) fn decompose(x: &[f64], f: usize, seasonal: HwSeasonal) -> (Vec<f64>, Vec<f64>) {
    let l = x.len();
    let filter: Vec<f64> = if f.is_multiple_of(2) {
        let mut w = vec![1.0 / f as f64; f + 1];
        w[0] = 0.5 / f as f64;
        w[f] = 0.5 / f as f64;
        w
    } else {
        vec![1.0 / f as f64; f]
    };
    let nf = filter.len();
    let o = nf / 2;
    let mut trend = vec![None; l];
    for (i, t) in trend.iter_mut().enumerate() {
        if i + o < l && i + o + 1 >= nf {
            // R's cfilter sums x[i + o - j] for j = 0, 1, ...
            let mut z = 0.0;
            for (j, w) in filter.iter().enumerate() {
                z += w * x[i + o - j];
            }
            *t = Some(z);
        }
    }
    let mut figure = vec![0.0; f];
    for (i, fig) in figure.iter_mut().enumerate() {
        let (mut s, mut c) = (0.0, 0usize);
        let mut p = i;
        while p < l {
            if let Some(t) = trend[p] {
                s += if seasonal == HwSeasonal::Multiplicative {
                    x[p] / t
                } else {
                    x[p] - t
                };
                c += 1;
            }
            p += f;
        }
        *fig = s / c as f64;
    }
    let mean = figure.iter().sum::<f64>() / f as f64;
    for fig in &mut figure {
        if seasonal == HwSeasonal::Multiplicative {
            *fig /= mean;
        } else {
            *fig -= mean;
        }
    }
    (trend.into_iter().flatten().collect(), figure)
}

/// Start values and the recursion of R's C routine `HoltWinters`, with a damped trend.
struct Model<'a> {
    x: &'a [f64],
    period: usize,
    start_time: usize,
    trend: HwTrend,
    seasonal: HwSeasonal,
    l0: f64,
    b0: f64,
    s0: Vec<f64>,
}

/// The outputs of one pass of the recursion.
struct Run {
    sse: f64,
    xhat: Vec<f64>,
    level: f64,
    slope: f64,
    figures: Vec<f64>,
}

impl Model<'_> {
    /// One pass with parameters `[α, β, γ, φ]`: returns the SSE and the final level and
    /// slope, leaves the seasonal states in `season` and, if asked, the one-step
    /// forecasts in `xhat_out`. With `φ = 1` every operation is R's (multiplying by 1
    /// is exact), so the undamped results are bit-identical.
    fn run(&self, par: [f64; 4], season: &mut Vec<f64>, mut xhat_out: Option<&mut Vec<f64>>) -> (f64, f64, f64) {
        let (alpha, beta, gamma) = (par[0].clamp(0.0, 1.0), par[1].clamp(0.0, 1.0), par[2].clamp(0.0, 1.0));
        let phi = par[3];
        let dotrend = self.trend != HwTrend::None;
        let doseasonal = self.seasonal != HwSeasonal::None;
        let additive = self.seasonal != HwSeasonal::Multiplicative;
        season.clear();
        if doseasonal {
            season.extend_from_slice(&self.s0);
        }
        let mut level = self.l0;
        let mut trend = if dotrend { self.b0 } else { 0.0 };
        let mut sse = 0.0;
        for (t, &x) in self.x[self.start_time - 1..].iter().enumerate() {
            let damped = if dotrend { phi * trend } else { 0.0 };
            let mut xhat = level + damped;
            let stmp = if doseasonal {
                season[t]
            } else if additive {
                0.0
            } else {
                1.0
            };
            if additive {
                xhat += stmp;
            } else {
                xhat *= stmp;
            }
            if let Some(out) = xhat_out.as_deref_mut() {
                out.push(xhat);
            }
            let res = x - xhat;
            sse += res * res;
            let new_level = if additive {
                alpha * (x - stmp) + (1.0 - alpha) * (level + damped)
            } else {
                alpha * (x / stmp) + (1.0 - alpha) * (level + damped)
            };
            if dotrend {
                trend = beta * (new_level - level) + (1.0 - beta) * damped;
            }
            level = new_level;
            if doseasonal {
                // R (and ours): the new level l_t; statsmodels' ExponentialSmoothing uses
                // l_{t-1} + φ b_{t-1} here instead.
                let s = if additive {
                    gamma * (x - level) + (1.0 - gamma) * stmp
                } else {
                    gamma * (x / level) + (1.0 - gamma) * stmp
                };
                season.push(s);
            }
        }
        (sse, level, trend)
    }

    fn full(&self, par: [f64; 4]) -> Run {
        let mut season = Vec::with_capacity(self.x.len() + self.period);
        let mut xhat = Vec::with_capacity(self.x.len());
        let (sse, level, slope) = self.run(par, &mut season, Some(&mut xhat));
        let figures = if self.seasonal == HwSeasonal::None {
            Vec::new()
        } else {
            season[season.len() - self.period..].to_vec()
        };
        Run {
            sse,
            xhat,
            level,
            slope,
            figures,
        }
    }
}

/// Bounds of an estimated damping parameter: statsmodels `ExponentialSmoothing`'s
/// (R `forecast::ets` and statsmodels `ETSModel` use `[0.8, 0.98]`).
const PHI_BOUNDS: [f64; 2] = [0.8, 0.995];

fn check_unit(name: &'static str, v: Option<f64>, allow_zero: bool) -> Result<(), StatsError> {
    if let Some(v) = v {
        let ok = v.is_finite() && v <= 1.0 && if allow_zero { v >= 0.0 } else { v > 0.0 };
        if !ok {
            return Err(StatsError::InvalidParameter {
                name,
                value: v.to_string(),
                reason: if allow_zero {
                    "must lie in [0, 1]"
                } else {
                    "must lie in (0, 1]"
                },
            });
        }
    }
    Ok(())
}

/// Holt–Winters filtering with R's defaults, equal to R `stats::HoltWinters(x)` (Holt 1957, Winters 1960):
/// the single-shot form of [`HoltWinters::new(y, period).fit()`](HoltWinters::fit). The options
/// (trend, season, fixed parameters, start values) are set on [`HoltWinters`].
///
/// The model:
///
/// With `m = period`, for `t` from the first fitted observation on:
///
/// ```text
/// ŷ_t = (l_{t-1} + φ b_{t-1}) · s_{t-m}        (+ s_{t-m} when additive)
/// l_t = α y_t / s_{t-m} + (1 - α)(l_{t-1} + φ b_{t-1})
/// b_t = β (l_t - l_{t-1}) + (1 - β) φ b_{t-1}
/// s_t = γ y_t / l_t + (1 - γ) s_{t-m}
/// ```
///
/// with `φ = 1` except for a [`HwTrend::Damped`] trend (Gardner & McKenzie 1985), which
/// follows statsmodels `ExponentialSmoothing(trend = "add", damped_trend = True)` in the
/// level and slope and R everywhere else: R's start values, first fitted observation,
/// SSE, and R's seasonal update with the *new* level `l_t`. statsmodels'
/// `ExponentialSmoothing` updates the season with `l_{t-1} + φ b_{t-1}` instead, so its
/// seasonal damped fits differ from ours (and from R's at `φ = 1`); our additive-season
/// model is exactly statsmodels `ETSModel(error = "add", trend = "add", damped_trend =
/// True, seasonal = "add")` with smoothing parameters `(α, αβ, γ(1 - α), φ)`, since the
/// recursion above is `l_t = l_{t-1} + φ b_{t-1} + α e_t`, `b_t = φ b_{t-1} + αβ e_t`,
/// `s_t = s_{t-m} + γ(1 - α) e_t` with `e_t = y_t - ŷ_t`. Without a season, it is
/// `ExponentialSmoothing`'s model exactly. `φ = 1` gives the undamped results bit for bit.
///
/// Start values as R: seasonal models start at observation `m + 1` with the
/// level and slope of a straight line fitted to the `decompose` trend of the
/// first `start_periods` cycles and its seasonal figure; trend-only models start
/// at observation 3 with `l = y_2`, `b = y_2 - y_1`; simple smoothing at 2 with
/// `l = y_1`. Unfixed parameters minimise the SSE over `[0, 1]` (R uses
/// `optim(method = "L-BFGS-B")` from `(0.3, 0.1, 0.1)`; we use a bounded
/// Nelder–Mead from that start and from a few others, keeping the best, so the
/// SSE is never above R's by more than the optimiser tolerance; the parameters
/// themselves may differ where the SSE surface is flat). An unfixed `φ` is estimated
/// with them in `[0.8, 0.995]`, statsmodels `ExponentialSmoothing`'s bounds.
///
/// Fixed parameters reproduce R to about `1e-12` relative (SSE, one-step
/// forecasts, coefficients, `predict` and its intervals). Estimated: on
/// `AirPassengers` (multiplicative) we reach SSE 16570.77775 against R's
/// 16570.77787 with (α, β, γ) = (0.27560, 0.03268, 0.87076) against R's
/// (0.27559, 0.03269, 0.87073); additive and `co2` likewise within `2e-4` of R's
/// parameters and never above R's SSE (`tests/integration/holt_winters.rs`).
///
/// # Complexity
///
/// `O(n)` per evaluation; estimation `O(n · evaluations)` (a few hundred).
///
/// # Errors
/// [`StatsError::InvalidParameter`] for `period < 2` with a season (or 0), a
/// parameter outside its range (`alpha` and `phi` in `(0, 1]`, NaN included), `phi`
/// set for a trend other than [`HwTrend::Damped`], `start_periods < 2`, start
/// figures of the wrong length, or a zero observation with a multiplicative season;
/// [`StatsError::TooShort`] when there are fewer than `start_periods · period`
/// observations (3 for trend-only, 2 for simple smoothing);
/// [`StatsError::NonFinite`] at the first NaN or infinite value.
///
/// # Examples
///
/// ```
/// use corridor::stats::forecast::{holt_winters, HoltWinters};
/// let y: Vec<f64> = (0..48).map(|i| 10.0 + 0.5 * f64::from(i) + [2.0, -1.0, -3.0, 2.0][i as usize % 4]).collect();
/// let fit = holt_winters(&y, 4)?; // R's defaults: HoltWinters::new(&y, 4).fit()
/// assert_eq!(fit, HoltWinters::new(&y, 4).fit()?);
/// let f = fit.forecast(4);
/// assert!((f[0] - (10.0 + 0.5 * 48.0 + 2.0)).abs() < 0.5);
/// # Ok::<(), corridor::Error>(())
/// ```
#[allow(clippy::doc_markdown, reason = "an author's name in the docs, not code")]
pub fn holt_winters(y: &[f64], period: usize) -> crate::stats::error::Result<HoltWintersFit> {
    HoltWinters::new(y, period).fit()
}

#[allow(clippy::too_many_lines)] // validation, start values, estimation
fn fit(y: &[f64], period: usize, o: &HoltWinters<'_>) -> Result<HoltWintersFit, StatsError> {
    check_unit("alpha", o.alpha, false)?;
    check_unit("beta", o.beta, true)?;
    check_unit("gamma", o.gamma, true)?;
    check_unit("phi", o.phi, false)?;
    let damped = o.trend == HwTrend::Damped;
    if let (Some(phi), false) = (o.phi, damped) {
        return Err(StatsError::InvalidParameter {
            name: "phi",
            value: phi.to_string(),
            reason: "applies only to a damped trend (HwTrend::Damped)",
        });
    }
    let seasonal = o.seasonal != HwSeasonal::None;
    let trended = o.trend != HwTrend::None;
    if period < 1 || (seasonal && period < 2) {
        return Err(StatsError::InvalidParameter {
            name: "period",
            value: period.to_string(),
            reason: "must be at least 2 for a seasonal model (at least 1 otherwise)",
        });
    }
    let (start_time, l0, b0, s0) = if seasonal {
        if o.start_periods < 2 {
            return Err(StatsError::InvalidParameter {
                name: "start periods",
                value: o.start_periods.to_string(),
                reason: "must be at least 2 to compute seasonal start values",
            });
        }
        let wind = o.start_periods.saturating_mul(period);
        check_series("holt-winters", y, wind.max(period.saturating_add(1)))?;
        if o.seasonal == HwSeasonal::Multiplicative
            && let Some(i) = y.iter().position(|&v| v == 0.0)
        {
            return Err(StatsError::InvalidParameter {
                name: "observation",
                value: format!("0 at index {i}"),
                reason: "data must be non-zero for a multiplicative season",
            });
        }
        let needs_decompose = o.level_start.is_none() || o.slope_start.is_none() || o.seasonal_start.is_none();
        let (trend, figure) = if needs_decompose {
            decompose(&y[..wind], period, o.seasonal)
        } else {
            (Vec::new(), Vec::new())
        };
        let (l, b) = if o.level_start.is_none() || o.slope_start.is_none() {
            // lm(dat ~ seq_along(dat)).
            let m = trend.len() as f64;
            let tbar = f64::midpoint(m, 1.0);
            let dbar = trend.iter().sum::<f64>() / m;
            let (mut sxy, mut sxx) = (0.0, 0.0);
            for (i, d) in trend.iter().enumerate() {
                let dt = (i + 1) as f64 - tbar;
                sxy += dt * (d - dbar);
                sxx += dt * dt;
            }
            let b = sxy / sxx;
            (dbar - b * tbar, b)
        } else {
            (0.0, 0.0)
        };
        let s0 = match &o.seasonal_start {
            Some(s) => {
                if s.len() != period {
                    return Err(StatsError::LengthMismatch {
                        what: "seasonal start figures",
                        expected: period,
                        got: s.len(),
                    });
                }
                crate::stats::validate::check_finite(s)?;
                s.clone()
            }
            None => figure,
        };
        (period + 1, o.level_start.unwrap_or(l), o.slope_start.unwrap_or(b), s0)
    } else if trended {
        check_series("holt-winters", y, 3)?;
        (
            3,
            o.level_start.unwrap_or(y[1]),
            o.slope_start.unwrap_or(y[1] - y[0]),
            Vec::new(),
        )
    } else {
        check_series("holt-winters", y, 2)?;
        (2, o.level_start.unwrap_or(y[0]), 0.0, Vec::new())
    };
    for (name, v) in [("level start", l0), ("slope start", b0)] {
        if !v.is_finite() {
            return Err(StatsError::InvalidParameter {
                name,
                value: v.to_string(),
                reason: "must be finite",
            });
        }
    }
    let model = Model {
        x: y,
        period,
        start_time,
        trend: o.trend,
        seasonal: o.seasonal,
        l0,
        b0,
        s0,
    };
    // Free parameters, in R's order (alpha, beta, gamma), then phi.
    let fixed = [
        o.alpha,
        if trended { o.beta } else { Some(0.0) },
        if seasonal { o.gamma } else { Some(0.0) },
        if damped { o.phi } else { Some(1.0) },
    ];
    let free: Vec<usize> = (0..4).filter(|&i| fixed[i].is_none()).collect();
    let mut par = [
        fixed[0].unwrap_or(0.3),
        fixed[1].unwrap_or(0.1),
        fixed[2].unwrap_or(0.1),
        fixed[3].unwrap_or(PHI_BOUNDS[1]),
    ];
    if !free.is_empty() {
        let mut season = Vec::with_capacity(y.len() + period);
        let mut objective = |p: &[f64]| {
            let mut full = par;
            for (k, &i) in free.iter().enumerate() {
                full[i] = p[k];
            }
            model.run(full, &mut season, None).0
        };
        let bounds = [[0.0, 1.0], [0.0, 1.0], [0.0, 1.0], PHI_BOUNDS];
        let lower: Vec<f64> = free.iter().map(|&i| bounds[i][0]).collect();
        let upper: Vec<f64> = free.iter().map(|&i| bounds[i][1]).collect();
        let starts: [[f64; 4]; 4] = [
            [0.3, 0.1, 0.1, 0.98],
            [0.5, 0.05, 0.5, 0.9],
            [0.1, 0.01, 0.9, 0.95],
            [0.8, 0.2, 0.3, 0.85],
        ];
        let mut best: Option<(Vec<f64>, f64)> = None;
        for s in &starts {
            let start: Vec<f64> = free.iter().map(|&i| s[i]).collect();
            let mut m = nelder_mead(&mut objective, &start, &lower, &upper, 0.1, 1e-12, 4000);
            // Restart from the optimum to escape a collapsed simplex.
            let again = nelder_mead(&mut objective, &m.x, &lower, &upper, 0.05, 1e-14, 4000);
            if again.value <= m.value {
                m = again;
            }
            if best.as_ref().is_none_or(|(_, v)| m.value < *v) {
                best = Some((m.x, m.value));
            }
        }
        if let Some((x, _)) = best {
            for (k, &i) in free.iter().enumerate() {
                par[i] = x[k];
            }
        }
    }
    let run = model.full(par);
    let first_fitted = start_time - 1;
    let resid: Vec<f64> = y[first_fitted..].iter().zip(&run.xhat).map(|(a, b)| a - b).collect();
    let nres = resid.len() as f64;
    let mean = resid.iter().sum::<f64>() / nres;
    let residual_variance = resid.iter().map(|r| (r - mean) * (r - mean)).sum::<f64>() / (nres - 1.0);
    Ok(HoltWintersFit {
        trend: o.trend,
        seasonal: o.seasonal,
        period,
        alpha: par[0],
        beta: par[1],
        gamma: par[2],
        phi: par[3],
        sse: run.sse,
        first_fitted,
        fitted: run.xhat,
        residual_variance,
        level: run.level,
        slope: run.slope,
        figures: run.figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decompose_of_a_pure_season_recovers_it() {
        // Additive: x = 10 + s with s summing to zero; decompose returns s and a flat trend.
        let s = [1.0, -2.0, 3.0, -2.0];
        let x: Vec<f64> = (0..8).map(|i| 10.0 + s[i % 4]).collect();
        let (trend, fig) = decompose(&x, 4, HwSeasonal::Additive);
        assert_eq!(trend.len(), 4);
        assert!(trend.iter().all(|t| (t - 10.0).abs() < 1e-12));
        for (a, b) in fig.iter().zip(&s) {
            assert!((a - b).abs() < 1e-12);
        }
    }

    #[test]
    fn bad_parameters_are_errors() {
        let y: Vec<f64> = (1..=30).map(f64::from).collect();
        assert!(HoltWinters::new(&y, 4).alpha(0.0).fit().is_err());
        assert!(HoltWinters::new(&y, 4).beta(1.5).fit().is_err());
        assert!(HoltWinters::new(&y, 4).gamma(f64::NAN).fit().is_err());
        assert!(HoltWinters::new(&y, 1).fit().is_err());
        assert!(HoltWinters::new(&y, 4).start_periods(1).fit().is_err());
        assert!(HoltWinters::new(&y[..7], 4).fit().is_err());
        assert!(HoltWinters::new(&y, 4).seasonal_start(vec![0.0; 3]).fit().is_err());
        let mut z = y.clone();
        z[3] = 0.0;
        assert!(
            HoltWinters::new(&z, 4)
                .seasonal(HwSeasonal::Multiplicative)
                .fit()
                .is_err()
        );
    }
}
