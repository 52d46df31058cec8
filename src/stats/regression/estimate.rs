//! A single estimated quantity with its standard error and reference distribution.

use crate::stats::distributions::{normal_two_sided_p, std_normal_quantile, student_t_quantile, student_t_two_sided_p};

use crate::stats::Interval;
use crate::stats::validate::check_level;

/// The distribution that test statistics and intervals are referred to.
///
/// statsmodels' convention, which this crate follows: classical (non-robust) OLS
/// uses Student's t with the residual degrees of freedom; robust covariances
/// (HC0–HC3, HAC) use the standard normal (statsmodels `use_t=False`, its default
/// for those covariance types); Poisson and negative binomial GLMs use the
/// normal; quasi-Poisson uses t with the residual degrees of freedom (R
/// `summary.glm` with an estimated dispersion).
///
/// # Examples
/// ```
/// use corridor::stats::regression::Reference;
/// // |z| = 1.96 is the normal's 5 % point; t with 2 df at t = 2.828427 (= √8) has p = 1 − t/√(2 + t²) = 0.1056.
/// assert!((Reference::Normal.two_sided_p(1.959_964) - 0.05).abs() < 1e-6);
/// let p = Reference::StudentT { df: 2.0 }.two_sided_p(8f64.sqrt());
/// assert!((p - (1.0 - 8f64.sqrt() / 10f64.sqrt())).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Reference {
    /// The standard normal: the statistic is a z.
    Normal,
    /// Student's t with `df` degrees of freedom: the statistic is a t.
    StudentT {
        /// Degrees of freedom (residual degrees of freedom of the fit).
        df: f64,
    },
}

/// Which distribution a fit's tests and intervals refer to, as statsmodels' `use_t`.
///
/// [`TestDistribution::Default`] is statsmodels' default: Student's t with the residual degrees of
/// freedom for the classical covariance, the standard normal for robust ones (HC0–HC3, HAC).
/// [`TestDistribution::StudentT`] is `use_t=True` (t with the residual degrees of freedom whatever the
/// covariance, as small-sample practice and Stata's `regress, vce(robust)` do);
/// [`TestDistribution::Normal`] is `use_t=False` (z statistics even for the classical covariance).
/// The choice changes p-values and intervals only, never the estimates or their standard errors.
///
/// # Examples
/// ```
/// use corridor::stats::regression::{CovType, Design, Ols, Reference, TestDistribution};
/// let t: Vec<f64> = (0..8).map(f64::from).collect();
/// let y = [1.0, 3.1, 4.9, 7.2, 8.8, 11.1, 13.0, 14.9];
/// let x = Design::with_intercept(&[&t[..]])?;
/// let fit = Ols::new(&x, &y).cov_type(CovType::Hc1).test_distribution(TestDistribution::StudentT).fit()?;
/// assert_eq!(fit.reference(), Reference::StudentT { df: 6.0 });
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TestDistribution {
    /// statsmodels' default: t for the classical covariance, normal for robust ones.
    #[default]
    Default,
    /// Student's t with the residual degrees of freedom (statsmodels `use_t=True`).
    StudentT,
    /// The standard normal (statsmodels `use_t=False`).
    Normal,
}

impl Reference {
    /// Two-sided p-value of the statistic `stat`.
    ///
    /// Normal: `erfc(|z| / sqrt 2)`; t: `I_{df/(df+t^2)}(df/2, 1/2)` (regularised
    /// incomplete beta), both free of cancellation in the far tail. A t with `df = ∞` is the
    /// normal; NaN for a NaN statistic and for `df ≤ 0` or NaN (no distribution).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::Reference;
    /// assert!((Reference::Normal.two_sided_p(-1.959_964) - 0.05).abs() < 1e-6);
    /// assert!(Reference::StudentT { df: 0.0 }.two_sided_p(1.0).is_nan());
    /// ```
    #[must_use]
    pub fn two_sided_p(self, stat: f64) -> f64 {
        if stat.is_nan() {
            return f64::NAN;
        }
        match self {
            Self::Normal => normal_two_sided_p(stat),
            Self::StudentT { df } => student_t_two_sided_p(df, stat),
        }
    }

    /// The `1 - (1 - level)/2` quantile, used for two-sided intervals.
    fn critical(self, level: f64) -> f64 {
        let p = 1.0 - (1.0 - level) / 2.0;
        match self {
            Self::Normal => std_normal_quantile(p),
            Self::StudentT { df } => student_t_quantile(df, p),
        }
    }
}

/// An estimate, its standard error and the distribution its test refers to.
///
/// # Examples
/// ```
/// use corridor::stats::{Estimate, regression::Reference};
/// let e = Estimate::new(2.0, 1.0, Reference::Normal);
/// assert!((e.p_value() - 0.0455).abs() < 1e-4);
/// let (lo, hi) = e.confidence_interval(0.95)?.bounds();
/// assert!((lo - 0.04004).abs() < 1e-4 && (hi - 3.95996).abs() < 1e-4);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Estimate {
    value: f64,
    std_error: f64,
    reference: Reference,
}

impl Estimate {
    /// An estimate with its standard error, referred to `reference`.
    #[must_use]
    pub fn new(value: f64, std_error: f64, reference: Reference) -> Self {
        Self {
            value,
            std_error,
            reference,
        }
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

    /// The reference distribution of [`Estimate::z_or_t`].
    #[must_use]
    pub fn reference(&self) -> Reference {
        self.reference
    }

    /// The test statistic `value / std_error` (a z or a t, see [`Estimate::reference`]).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Estimate, regression::Reference};
    /// assert_eq!(Estimate::new(3.0, 1.5, Reference::Normal).z_or_t(), 2.0);
    /// ```
    #[must_use]
    pub fn z_or_t(&self) -> f64 {
        self.value / self.std_error
    }

    /// Two-sided p-value of the null hypothesis "the true value is 0".
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Estimate, regression::Reference};
    /// // z = 2: 2(1 − Φ(2)) = 0.0455 (R: 2 * pnorm(-2)).
    /// let e = Estimate::new(3.0, 1.5, Reference::Normal);
    /// assert!((e.p_value() - 0.045_500_263_9).abs() < 1e-10);
    /// ```
    #[must_use]
    pub fn p_value(&self) -> f64 {
        self.reference.two_sided_p(self.z_or_t())
    }

    /// The two-sided confidence interval `value ± q * std_error` at `level`
    /// (for example `0.95`), `q` the `(1 + level)/2` quantile of the reference
    /// distribution.
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`](crate::stats::StatsError::InvalidParameter)
    /// unless `0 < level < 1`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Estimate, regression::Reference};
    /// // 1 ± q · 0.5 with the t(2) 97.5 % point q = 4.302653 (R: qt(0.975, 2)).
    /// let e = Estimate::new(1.0, 0.5, Reference::StudentT { df: 2.0 });
    /// let ci = e.confidence_interval(0.95)?;
    /// assert!((ci.upper() - (1.0 + 0.5 * 4.302_653)).abs() < 1e-6);
    /// assert!(e.confidence_interval(1.0).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn confidence_interval(&self, level: f64) -> crate::stats::error::Result<Interval> {
        check_level(level)?;
        let q = self.reference.critical(level);
        Ok(Interval::new(
            self.value - q * self.std_error,
            self.value + q * self.std_error,
            level,
        ))
    }
}

/// The coefficients of a fitted linear predictor with their covariance and reference
/// distribution: the table that OLS, GLM and ITS fits share.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Coefficients {
    params: Vec<f64>,
    /// Row-major `k x k`.
    cov: Vec<f64>,
    reference: Reference,
}

impl Coefficients {
    /// `cov` is the row-major `k x k` covariance of the `k` values in `params`.
    pub(crate) fn new(params: Vec<f64>, cov: Vec<f64>, reference: Reference) -> Self {
        debug_assert_eq!(cov.len(), params.len() * params.len());
        Self { params, cov, reference }
    }

    /// Number of coefficients `k`.
    pub(crate) fn len(&self) -> usize {
        self.params.len()
    }

    pub(crate) fn params(&self) -> &[f64] {
        &self.params
    }

    pub(crate) fn covariance(&self) -> &[f64] {
        &self.cov
    }

    pub(crate) fn reference(&self) -> Reference {
        self.reference
    }

    pub(crate) fn set_reference(&mut self, reference: Reference) {
        self.reference = reference;
    }

    fn std_error(&self, j: usize) -> f64 {
        self.cov[j * self.len() + j].sqrt()
    }

    /// Square roots of the covariance diagonal.
    pub(crate) fn std_errors(&self) -> Vec<f64> {
        (0..self.len()).map(|j| self.std_error(j)).collect()
    }

    /// Coefficient `j` as an [`Estimate`]; `None` past the last.
    pub(crate) fn estimate(&self, j: usize) -> Option<Estimate> {
        (j < self.len()).then(|| Estimate::new(self.params[j], self.std_error(j), self.reference))
    }

    pub(crate) fn estimates(&self) -> Vec<Estimate> {
        (0..self.len()).filter_map(|j| self.estimate(j)).collect()
    }

    /// The coefficient table as serialised rows, named by `names` when given.
    #[cfg(feature = "serde")]
    pub(crate) fn rows<'a>(&self, names: Option<&'a [String]>) -> Vec<CoefficientRow<'a>> {
        self.estimates()
            .iter()
            .enumerate()
            .map(|(j, e)| CoefficientRow::new(names.and_then(|n| n.get(j)).map(String::as_str), e))
            .collect()
    }
}

/// One row of a serialised coefficient table, as statsmodels' `summary()` prints it: the name, the
/// estimate, its standard error, the z or t statistic, the two-sided p-value and the 95 % confidence
/// interval.
#[cfg(feature = "serde")]
#[derive(Debug, serde::Serialize)]
pub(crate) struct CoefficientRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    estimate: f64,
    std_error: f64,
    statistic: f64,
    p_value: f64,
    ci_lower: f64,
    ci_upper: f64,
}

#[cfg(feature = "serde")]
impl<'a> CoefficientRow<'a> {
    /// The row of `e`; the interval is at 95 % (NaN bounds where the reference has no quantile).
    pub(crate) fn new(name: Option<&'a str>, e: &Estimate) -> Self {
        let (ci_lower, ci_upper) = e
            .confidence_interval(0.95)
            .map_or((f64::NAN, f64::NAN), |ci| ci.bounds());
        Self {
            name,
            estimate: e.value(),
            std_error: e.std_error(),
            statistic: e.z_or_t(),
            p_value: e.p_value(),
            ci_lower,
            ci_upper,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_match_scipy() {
        // scipy.stats.norm.sf(2.5)*2 = 0.012419330651552265
        let p = Reference::Normal.two_sided_p(2.5);
        // statrs' erfc is accurate to ~1e-10 relative here
        assert!((p / 0.012_419_330_651_552_265 - 1.0).abs() < 1e-9);
        // scipy.stats.t.sf(2.5, 10)*2 = 0.03144684423660882
        let p = Reference::StudentT { df: 10.0 }.two_sided_p(-2.5);
        assert!((p / 0.031_446_844_236_608_82 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_level_is_an_error() {
        let e = Estimate::new(1.0, 1.0, Reference::Normal);
        assert!(e.confidence_interval(1.5).is_err());
    }
}
