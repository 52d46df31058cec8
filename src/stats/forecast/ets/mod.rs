//! Exponential smoothing state-space models (ETS), after R `forecast::ets`.
//!
//! The model classes and the fitted model are here; forecast's start values in `init`, the
//! state-space filter and maximum-likelihood fit in `fit`, the admissible region in `admissible`, point
//! forecasts and prediction intervals in `interval`.

use std::fmt;

mod admissible;
mod fit;
mod init;
mod interval;

pub use fit::{Ets, ets};

/// The error term of an ETS model.
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
/// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
/// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
/// let mnn = EtsSpec { error: EtsErrorType::Multiplicative, ..ann };
/// // Additive errors are y − ŷ; multiplicative ones are relative, (y − ŷ)/ŷ.
/// let a = ets(&y, 1, EtsModel::Fixed(ann))?;
/// assert!((a.residuals()[5] - (y[5] - a.fitted()[5])).abs() < 1e-9);
/// let m = ets(&y, 1, EtsModel::Fixed(mnn))?;
/// assert!((m.residuals()[5] - (y[5] - m.fitted()[5]) / m.fitted()[5]).abs() < 1e-9);
/// # Ok::<(), corridor::Error>(())
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
/// let y: Vec<f64> = (0..40).map(|i| 50.0 + 2.0 * f64::from(i) + (f64::from(i) * 0.9).sin()).collect();
/// let spec = |trend| EtsSpec { error: EtsErrorType::Additive, trend, season: EtsSeason::None };
/// let linear = ets(&y, 1, EtsModel::Fixed(spec(EtsTrend::Additive)))?;
/// let f = linear.forecast(3);
/// // An additive trend forecasts l + h b: equal steps.
/// assert!(((f[2] - f[1]) - (f[1] - f[0])).abs() < 1e-9);
/// let damped = ets(&y, 1, EtsModel::Fixed(spec(EtsTrend::AdditiveDamped)))?;
/// assert!(damped.phi() < 1.0 && damped.spec().to_string() == "ETS(A,Ad,N)");
/// # Ok::<(), corridor::Error>(())
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
/// let y: Vec<f64> = (0..48).map(|i| 100.0 + [8.0, -3.0, -6.0, 1.0][i as usize % 4] + (f64::from(i) * 1.3).sin()).collect();
/// let spec = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::Additive };
/// let fit = ets(&y, 4, EtsModel::Fixed(spec))?;
/// // Initial states: the level, then one figure per season.
/// assert_eq!(fit.initial_states().len(), 1 + 4);
/// let f = fit.forecast(4);
/// assert!(f[0] > f[2]); // the +8 quarter comes first, the −6 one third
/// # Ok::<(), corridor::Error>(())
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{EtsErrorType, EtsSeason, EtsSpec, EtsTrend};
/// let spec = EtsSpec {
///     error: EtsErrorType::Multiplicative,
///     trend: EtsTrend::AdditiveDamped,
///     season: EtsSeason::Multiplicative,
/// };
/// assert_eq!(spec.to_string(), "ETS(M,Ad,M)"); // R's name for the class
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
/// let y: Vec<f64> = (0..40).map(|i| 80.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
/// // The automatic search keeps the class with the lowest AICc among those it fits.
/// let auto = ets(&y, 1, EtsModel::Auto)?;
/// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
/// let fixed = ets(&y, 1, EtsModel::Fixed(ann))?;
/// assert!(auto.aicc() <= fixed.aicc() + 1e-9);
/// # Ok::<(), corridor::Error>(())
/// ```
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
///
/// # Examples
/// ```
/// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
/// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
/// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
/// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
/// // ETS(A,N,N) has k = 3 parameters (α, l₀ and the variance) and n = 30 observations.
/// let (k, n) = (3.0, 30.0);
/// assert!((fit.aic() - (-2.0 * fit.log_likelihood() + 2.0 * k)).abs() < 1e-9);
/// assert!((fit.bic() - (-2.0 * fit.log_likelihood() + k * f64::ln(n))).abs() < 1e-9);
/// assert!((fit.aicc() - (fit.aic() + 2.0 * k * (k + 1.0) / (n - k - 1.0))).abs() < 1e-9);
/// // σ² divides the squared one-step errors by n − 2 (α and l₀).
/// let sse: f64 = fit.residuals().iter().map(|e| e * e).sum();
/// assert!((fit.sigma2() - sse / (n - 2.0)).abs() < 1e-9);
/// assert!(fit.alpha() > 0.0 && fit.alpha() < 1.0 && fit.beta() == 0.0 && fit.gamma() == 0.0);
/// # Ok::<(), corridor::Error>(())
/// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..40).map(|i| 50.0 + 2.0 * f64::from(i) + (f64::from(i) * 0.9).sin()).collect();
    /// let aan = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::Additive, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(aan))?;
    /// // forecast's usual region: 0 < β < α < 1; no season, no damping.
    /// assert!(0.0 < fit.beta() && fit.beta() < fit.alpha() && fit.alpha() < 1.0);
    /// assert_eq!((fit.gamma(), fit.phi()), (0.0, 1.0));
    /// assert_eq!(fit.initial_states().len(), 2); // l and b
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // Additive errors: y − ŷ at every step.
    /// assert!(fit.residuals().iter().zip(fit.fitted()).zip(&y).all(|((e, f), y)| (e - (y - f)).abs() < 1e-9));
    /// # Ok::<(), corridor::Error>(())
    /// ```
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
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // Additive errors: −0.5 n ln Σe².
    /// let sse: f64 = fit.residuals().iter().map(|e| e * e).sum();
    /// assert!((fit.log_likelihood() + 0.5 * 30.0 * sse.ln()).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn log_likelihood(&self) -> f64 {
        -0.5 * self.lik
    }
    /// AIC = `-2 loglik + 2k`, `k` = smoothing parameters + initial states + 1.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // k = 3 for ETS(A,N,N): α, l₀ and the variance.
    /// assert!((fit.aic() - (-2.0 * fit.log_likelihood() + 6.0)).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn aic(&self) -> f64 {
        self.lik + 2.0 * self.n_params as f64
    }
    /// `AICc` = `AIC + 2k(k+1)/(n-k-1)`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // k = 3, n = 30: AIC + 2 · 3 · 4 / 26.
    /// assert!((fit.aicc() - (fit.aic() + 24.0 / 26.0)).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn aicc(&self) -> f64 {
        let k = self.n_params as f64;
        self.aic() + 2.0 * k * (k + 1.0) / (self.n as f64 - k - 1.0)
    }
    /// BIC = `-2 loglik + k log n`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // k = 3, n = 30: −2 ln L + 3 ln 30.
    /// assert!((fit.bic() - (-2.0 * fit.log_likelihood() + 3.0 * 30f64.ln())).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn bic(&self) -> f64 {
        self.lik + (self.n as f64).ln() * self.n_params as f64
    }
    /// Residual variance `Σe² / (n - k + 1)` (R `$sigma2`: forecast divides by `n` minus
    /// the number of smoothing parameters and initial states, without the variance).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::forecast::{ets, EtsErrorType, EtsModel, EtsSeason, EtsSpec, EtsTrend};
    /// let y: Vec<f64> = (0..30).map(|i| 100.0 + 5.0 * (f64::from(i) * 1.7).sin()).collect();
    /// let ann = EtsSpec { error: EtsErrorType::Additive, trend: EtsTrend::None, season: EtsSeason::None };
    /// let fit = ets(&y, 1, EtsModel::Fixed(ann))?;
    /// // Σe² over n − 2 (α and l₀).
    /// let sse: f64 = fit.residuals().iter().map(|e| e * e).sum();
    /// assert!((fit.sigma2() - sse / 28.0).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn sigma2(&self) -> f64 {
        self.sigma2
    }
}

fn n_trend(spec: EtsSpec) -> usize {
    usize::from(spec.trend != EtsTrend::None)
}

#[cfg(test)]
mod tests {
    use super::*;

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
