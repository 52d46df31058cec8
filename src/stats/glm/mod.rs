//! Generalised linear models for counts: Poisson, quasi-Poisson and negative
//! binomial (NB2), log link, with an offset; plus the Gaussian identity model.

mod irls;
mod negbin;

use statrs::function::gamma::ln_gamma;

use crate::stats::StatsError;
use crate::stats::regression::{Coefficients, CovType, Design, Estimate, Reference, TestDistribution};
use crate::stats::validate::check_finite;

use irls::{Variance, irls};

/// R `glm.control()` defaults: deviance relative change below `1e-8`, at most 25 iterations.
const EPSILON: f64 = 1e-8;
/// See [`EPSILON`].
const MAXIT: usize = 25;

/// The response distribution of a [`Glm`] (and of an interrupted time series).
///
/// # Examples
/// ```
/// use corridor::stats::{Family, glm::Glm, regression::Design};
/// // Two groups of counts with means 3 and 8: with a group indicator every family fits the
/// // group means, so the log-link coefficients are ln 3 and ln(8/3).
/// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
/// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
/// let poisson = Glm::new(&x, &y).family(Family::Poisson).fit()?;
/// assert!((poisson.coefficients()[1] - (8.0f64 / 3.0).ln()).abs() < 1e-8);
/// // Quasi-Poisson: the same coefficients, standard errors scaled by √φ.
/// let quasi = Glm::new(&x, &y).family(Family::QuasiPoisson).fit()?;
/// let ratio = quasi.std_errors()[1] / poisson.std_errors()[1];
/// assert!((ratio - quasi.dispersion().sqrt()).abs() < 1e-9);
/// // Gaussian: identity link, the difference of the means.
/// let gaussian = Glm::new(&x, &y).family(Family::Gaussian).fit()?;
/// assert!((gaussian.coefficients()[1] - 5.0).abs() < 1e-12);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Family {
    /// Normal errors, identity link: ordinary least squares (t tests).
    #[default]
    Gaussian,
    /// Poisson counts, log link, dispersion 1 (z tests); R `glm(family = poisson)`.
    Poisson,
    /// Poisson mean and variance `phi * mu`, `phi` estimated from the Pearson residuals
    /// (t tests); R `glm(family = quasipoisson)` with `summary.glm`.
    QuasiPoisson,
    /// Negative binomial NB2, variance `mu + mu^2 / theta` (`alpha = 1 / theta`),
    /// `theta` by maximum likelihood (z tests); R `MASS::glm.nb`.
    NegativeBinomial,
}

impl Family {
    fn name(self) -> &'static str {
        match self {
            Self::Gaussian => "gaussian glm",
            Self::Poisson => "poisson glm",
            Self::QuasiPoisson => "quasi-poisson glm",
            Self::NegativeBinomial => "negative binomial glm",
        }
    }
}

/// A generalised linear model `g(E[y]) = X b + offset`.
///
/// * Poisson: IRLS exactly as R `glm.fit` — start `mu = y + 0.1`,
///   `eta = log mu`; working response `z = eta - offset + (y - mu)/mu`, weights
///   `mu`; stop when `|D - D_old| / (|D| + 0.1) < 1e-8` (at most 25 iterations).
///   The covariance `(X'WX)^{-1}` comes from the last weighted least-squares step,
///   as R `summary.glm`. Deviance `2 sum (y log(y/mu) - (y - mu))`, Pearson
///   `sum (y - mu)^2 / mu`, AIC `-2 sum log dpois(y, mu) + 2k`. The null deviance is
///   that of the intercept-only model with the same offset (statsmodels' and R's
///   `glm` with an intercept term) when the design has a constant column, else of
///   `mu = exp(offset)`.
/// * Quasi-Poisson: the Poisson fit; dispersion `phi = sum w_t r_t^2 / (n - k)`
///   with R's working weights and residuals (R `summary.glm`; equal to Pearson
///   `chi^2 / (n - k)` at convergence, to about `1e-6` relative), standard errors
///   times `sqrt(phi)`, t tests on `n - k` degrees of freedom. No likelihood, no AIC.
/// * Negative binomial: R `MASS::glm.nb` — a Poisson fit, then `theta` by Newton
///   (`theta.ml`) for fixed `mu`, IRLS for fixed `theta`, alternating until
///   `|L_0 - L| / d_1 + |Δtheta| / d_2 < 1e-8` (`d_1 = sqrt(2 max(1, n - k))`,
///   `d_2 = 1`, at most 25 alternations; IRLS steps that raise the deviance are
///   halved, as R package `glm2`). The alternation can stop early when it
///   converges only linearly (heavily overdispersed series), so a final joint
///   Newton–Raphson on `(b, theta)` reaches the maximum: the result equals
///   statsmodels' `NegativeBinomial(loglike_method="nb2")` MLE to ~1e-12 and
///   `glm.nb` within its own tolerance. Standard errors `(X'WX)^{-1}` at the final
///   `(b, theta)` (theta treated as known, as `summary.negbin`); `SE(theta)` from
///   `theta.ml`'s information. AIC `-2 L + 2k + 2`.
/// * Gaussian: OLS of `y - offset` with the classical covariance.
///
/// Tests and intervals refer to the normal for Poisson and the negative binomial and to Student's t
/// with `n - k` degrees of freedom for quasi-Poisson and the Gaussian family (R `summary.glm`: t
/// whenever the dispersion is estimated); [`Glm::test_distribution`] chooses otherwise (statsmodels
/// `GLM.fit(use_t=...)`).
///
/// # Complexity
///
/// `O(n k^2)` per IRLS iteration.
///
/// # Examples
/// ```
/// use corridor::stats::{Family, regression::Design, glm::Glm};
/// let t: Vec<f64> = (0..12).map(f64::from).collect();
/// let y = [3.0, 4.0, 6.0, 5.0, 9.0, 10.0, 12.0, 15.0, 14.0, 20.0, 24.0, 25.0];
/// let x = Design::with_intercept(&[&t[..]])?;
/// let fit = Glm::new(&x, &y).family(Family::Poisson).fit()?;
/// let growth = fit.estimate(1).unwrap();
/// assert!(growth.value() > 0.1 && growth.p_value() < 1e-6);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Glm<'a> {
    x: &'a Design,
    y: &'a [f64],
    offset: Option<&'a [f64]>,
    family: Family,
    dist: TestDistribution,
}

impl<'a> Glm<'a> {
    /// A Poisson model of `y` on the columns of `x`, no offset (change with the setters).
    #[must_use]
    pub fn new(x: &'a Design, y: &'a [f64]) -> Self {
        Self {
            x,
            y,
            offset: None,
            family: Family::Poisson,
            dist: TestDistribution::Default,
        }
    }

    /// Chooses the family.
    #[must_use]
    pub fn family(mut self, family: Family) -> Self {
        self.family = family;
        self
    }

    /// Adds a known offset to the linear predictor (for a rate model, the log exposure).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // Two months at 10 a day and two at 15 a day: with offset ln(days) the coefficients are log rates.
    /// let days: [f64; 4] = [31.0, 28.0, 31.0, 30.0];
    /// let y = [310.0, 280.0, 465.0, 450.0];
    /// let offset: Vec<f64> = days.iter().map(|d| d.ln()).collect();
    /// let x = Design::with_intercept(&[[0.0, 0.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).offset(&offset).fit()?;
    /// assert!((fit.coefficients()[0] - 10f64.ln()).abs() < 1e-8);
    /// assert!((fit.coefficients()[1] - 1.5f64.ln()).abs() < 1e-8);
    /// assert!((fit.fitted()[1] - 280.0).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn offset(mut self, offset: &'a [f64]) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Chooses the distribution that tests and intervals refer to, with the same meaning as
    /// [`Ols::test_distribution`](crate::stats::regression::Ols::test_distribution) (statsmodels `use_t`; see
    /// [`TestDistribution`]): [`TestDistribution::Default`] keeps the family's convention (normal for
    /// Poisson and the negative binomial, t for quasi-Poisson and Gaussian),
    /// [`TestDistribution::StudentT`] is statsmodels `GLM.fit(use_t=True)` (t with `n - k` degrees of
    /// freedom for every family), [`TestDistribution::Normal`] is `use_t=False` (z statistics for every
    /// family). Estimates and standard errors do not change. Checked against statsmodels 0.15.0
    /// (`tests/reference-scripts/glm_use_t.py`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Family;
    /// use corridor::stats::glm::Glm;
    /// use corridor::stats::regression::{Design, Reference, TestDistribution};
    /// let t: Vec<f64> = (0..12).map(f64::from).collect();
    /// let y = [3.0, 4.0, 6.0, 5.0, 9.0, 10.0, 12.0, 15.0, 14.0, 20.0, 24.0, 25.0];
    /// let x = Design::with_intercept(&[&t[..]])?;
    /// let fit = Glm::new(&x, &y).family(Family::Poisson).test_distribution(TestDistribution::StudentT).fit()?;
    /// assert_eq!(fit.reference(), Reference::StudentT { df: 10.0 });
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn test_distribution(mut self, dist: TestDistribution) -> Self {
        self.dist = dist;
        self
    }

    /// Fits the model.
    ///
    /// # Errors
    /// [`StatsError::LengthMismatch`] when `y` or the offset differ from the design
    /// in length, [`StatsError::NonFinite`] for NaN or infinite values,
    /// [`StatsError::InvalidParameter`] for a negative count,
    /// [`StatsError::Degenerate`] when every count is 0,
    /// [`StatsError::TooShort`] unless `n > k`, [`StatsError::Singular`] for a
    /// rank-deficient design, [`StatsError::NoConvergence`] when IRLS diverges.
    pub fn fit(&self) -> crate::stats::error::Result<GlmFit> {
        fit_glm(self.x, self.y, self.offset, self.family, self.dist)
    }
}

pub(crate) fn fit_glm(
    x: &Design,
    y: &[f64],
    offset: Option<&[f64]>,
    family: Family,
    dist: TestDistribution,
) -> Result<GlmFit, StatsError> {
    let mut fit = fit_glm_default(x, y, offset, family)?;
    let reference = match dist {
        TestDistribution::Default => return Ok(fit),
        TestDistribution::StudentT => Reference::StudentT { df: fit.df_resid },
        TestDistribution::Normal => Reference::Normal,
    };
    fit.coef.set_reference(reference);
    Ok(fit)
}

fn fit_glm_default(x: &Design, y: &[f64], offset: Option<&[f64]>, family: Family) -> Result<GlmFit, StatsError> {
    let n = x.nrows();
    let k = x.ncols();
    if y.len() != n {
        return Err(StatsError::LengthMismatch {
            what: "y",
            expected: n,
            got: y.len(),
        });
    }
    check_finite(y)?;
    let zeros;
    let offset = if let Some(o) = offset {
        if o.len() != n {
            return Err(StatsError::LengthMismatch {
                what: "offset",
                expected: n,
                got: o.len(),
            });
        }
        check_finite(o)?;
        o
    } else {
        zeros = vec![0.0; n];
        &zeros
    };
    if n <= k {
        return Err(StatsError::TooShort {
            method: family.name(),
            needed: k + 1,
            got: n,
        });
    }
    let has_const = (0..k).any(|j| x.is_constant_column(j));
    if family == Family::Gaussian {
        return gaussian(x, y, offset, has_const);
    }
    if let Some(index) = y.iter().position(|&v| v < 0.0) {
        return Err(StatsError::InvalidParameter {
            name: "count",
            value: format!("{} at index {index}", y[index]),
            reason: "counts must be non-negative",
        });
    }
    if y.iter().all(|&v| v == 0.0) {
        return Err(StatsError::Degenerate {
            method: family.name(),
            reason: "every count is 0: the log-linear model has no finite estimate",
        });
    }
    let eta0: Vec<f64> = y.iter().map(|v| (v + 0.1).ln()).collect();
    let pois = irls(x, y, offset, Variance::Poisson, eta0, None)?;
    let df_resid = (n - k) as f64;
    match family {
        Family::Poisson | Family::QuasiPoisson => {
            let mu = &pois.mu;
            let pearson = pearson(y, mu, Variance::Poisson);
            let null_deviance = null_deviance_poisson(y, offset, has_const);
            let (dispersion, reference, llf) = if family == Family::Poisson {
                let llf: f64 = y
                    .iter()
                    .zip(mu)
                    .map(|(&y, &m)| y * m.ln() - m - ln_gamma(y + 1.0))
                    .sum();
                (1.0, Reference::Normal, Some(llf))
            } else {
                (
                    pois.working_pearson / df_resid,
                    Reference::StudentT { df: df_resid },
                    None,
                )
            };
            let cov = pois.cov_unscaled.iter().map(|c| c * dispersion).collect();
            Ok(GlmFit {
                family,
                coef: Coefficients::new(pois.beta.clone(), cov, reference),
                mu: pois.mu.clone(),
                deviance: pois.deviance,
                null_deviance,
                pearson_chi2: pearson,
                log_likelihood: llf,
                aic: llf.map(|l| -2.0 * l + 2.0 * k as f64),
                dispersion,
                df_resid,
                iterations: pois.iterations,
                converged: pois.converged,
                theta: None,
            })
        }
        Family::NegativeBinomial => negative_binomial(x, y, offset, pois, has_const),
        Family::Gaussian => unreachable!("handled above"),
    }
}

fn pearson(y: &[f64], mu: &[f64], v: Variance) -> f64 {
    y.iter()
        .zip(mu)
        .map(|(&y, &m)| {
            let var = match v {
                Variance::Poisson => m,
                Variance::NegBin(theta) => m + m * m / theta,
            };
            (y - m) * (y - m) / var
        })
        .sum()
}

fn null_deviance_poisson(y: &[f64], offset: &[f64], has_const: bool) -> f64 {
    let exposure: Vec<f64> = offset.iter().map(|o| o.exp()).collect();
    let mu: Vec<f64> = if has_const {
        // intercept-only Poisson MLE with offset: mu_t = e_t sum(y) / sum(e)
        let rate = y.iter().sum::<f64>() / exposure.iter().sum::<f64>();
        exposure.iter().map(|e| e * rate).collect()
    } else {
        exposure
    };
    Variance::Poisson.deviance(y, &mu)
}

fn negative_binomial(
    x: &Design,
    y: &[f64],
    offset: &[f64],
    pois: irls::Irls,
    has_const: bool,
) -> Result<GlmFit, StatsError> {
    let n = x.nrows();
    let k = x.ncols();
    let df_resid = (n - k) as f64;
    let pois_beta = pois.beta;
    let mut mu = pois.mu;
    let mut fit = None;
    let mut th = negbin::theta_ml(y, &mu, MAXIT);
    let d1 = (2.0 * df_resid.max(1.0)).sqrt();
    let d2 = 1.0;
    let mut del: f64 = 1.0;
    let mut lm = negbin::loglik(th.theta, &mu, y);
    let mut lm0 = lm + 2.0 * d1;
    let mut iter = 0;
    let mut converged = false;
    loop {
        iter += 1;
        if iter > MAXIT {
            break;
        }
        if (lm0 - lm).abs() / d1 + del.abs() / d2 <= EPSILON {
            converged = true;
            break;
        }
        if !(th.theta > 0.0 && th.theta.is_finite()) {
            return Err(StatsError::Degenerate {
                method: "negative binomial glm",
                reason: "theta is 0 or infinite: no overdispersion to estimate, or too much",
            });
        }
        let eta: Vec<f64> = mu.iter().map(|m| m.ln()).collect();
        let start = fit
            .as_ref()
            .map_or_else(|| pois_beta.clone(), |(f, _): &(irls::Irls, f64)| f.beta.clone());
        let f = irls(x, y, offset, Variance::NegBin(th.theta), eta, Some(start))?;
        let t0 = th.theta;
        th = negbin::theta_ml(y, &mu, MAXIT);
        mu.clone_from(&f.mu);
        del = t0 - th.theta;
        lm0 = lm;
        lm = negbin::loglik(th.theta, &mu, y);
        fit = Some((f, t0));
    }
    let Some((f, theta_used)) = fit else {
        return Err(StatsError::NoConvergence {
            method: "negative binomial glm",
            iterations: 0,
        });
    };
    if !converged {
        return Err(StatsError::NoConvergence {
            method: "negative binomial glm (theta / irls alternation)",
            iterations: MAXIT,
        });
    }
    // Polish to the joint maximum; keep the glm.nb answer if Newton cannot improve it.
    let (beta, theta, cov, deviance) = match negbin::newton_polish(x.data(), n, k, y, offset, &f.beta, theta_used) {
        Some((beta, theta)) => {
            let mut eta = vec![0.0; n];
            irls::linear_predictor(x.data(), n, &beta, offset, &mut eta);
            mu = eta.iter().map(|e| e.exp()).collect();
            let cov = irls::fisher_inverse(x, &mu, Variance::NegBin(theta))?;
            let dev = Variance::NegBin(theta).deviance(y, &mu);
            (beta, theta, cov, dev)
        }
        None => (f.beta, th.theta, f.cov_unscaled, f.deviance),
    };
    let lm = negbin::loglik(theta, &mu, y);
    let se_theta = (1.0 / negbin::theta_info(theta, &mu, y)).sqrt();
    let null_deviance = if has_const {
        let ones = Design::from_raw(n, 1, vec![1.0; n]);
        let eta: Vec<f64> = y.iter().map(|v| (v + 0.1).ln()).collect();
        irls(&ones, y, offset, Variance::NegBin(theta), eta, None)?.deviance
    } else {
        let mu0: Vec<f64> = offset.iter().map(|o| o.exp()).collect();
        Variance::NegBin(theta).deviance(y, &mu0)
    };
    Ok(GlmFit {
        family: Family::NegativeBinomial,
        coef: Coefficients::new(beta, cov, Reference::Normal),
        pearson_chi2: pearson(y, &mu, Variance::NegBin(theta)),
        mu,
        deviance,
        null_deviance,
        log_likelihood: Some(lm),
        aic: Some(-2.0 * lm + 2.0 * k as f64 + 2.0),
        dispersion: 1.0,
        df_resid,
        iterations: iter - 1,
        converged: true,
        theta: Some((theta, se_theta)),
    })
}

fn gaussian(x: &Design, y: &[f64], offset: &[f64], has_const: bool) -> Result<GlmFit, StatsError> {
    let yo: Vec<f64> = y.iter().zip(offset).map(|(a, o)| a - o).collect();
    let ols = crate::stats::regression::fit_ols_internal(x, &yo, CovType::Nonrobust, TestDistribution::Default)?;
    let n = x.nrows() as f64;
    let ssr = ols.ssr();
    let null = if has_const {
        let m = yo.iter().sum::<f64>() / n;
        yo.iter().map(|v| (v - m) * (v - m)).sum()
    } else {
        yo.iter().map(|v| v * v).sum()
    };
    let llf = -n / 2.0 * ((2.0 * std::f64::consts::PI * ssr / n).ln() + 1.0);
    Ok(GlmFit {
        family: Family::Gaussian,
        coef: Coefficients::new(ols.coefficients().to_vec(), ols.covariance().to_vec(), ols.reference()),
        mu: y.iter().zip(ols.residuals()).map(|(a, u)| a - u).collect(),
        deviance: ssr,
        null_deviance: null,
        pearson_chi2: ssr,
        log_likelihood: Some(llf),
        aic: Some(-2.0 * llf + 2.0 * (x.ncols() + 1) as f64),
        dispersion: ols.sigma2(),
        df_resid: ols.df_resid(),
        iterations: 1,
        converged: true,
        theta: None,
    })
}

/// The result of [`Glm::fit`].
///
/// With the `serde` feature it serialises (serialise-only) as R's `summary.glm` reports:
/// `family`, `coefficients` (rows of `estimate`, `std_error`, `statistic`, `p_value`, `ci_lower`,
/// `ci_upper` at 95 %, Wald intervals on the link scale), `covariance` (row-major), `reference`,
/// `deviance`, `null_deviance`, `pearson_chi2`, `log_likelihood` and `aic` (null for quasi-Poisson),
/// `dispersion`, `df_resid`, `iterations`, `converged`, `theta` and `theta_std_error` (null unless
/// negative binomial) and the fitted means `fitted`.
///
/// # Examples
/// ```
/// use corridor::stats::{glm::Glm, regression::Design};
/// // Poisson counts in two groups (means 3 and 8), values checked by hand and with
/// // R: glm(y ~ g, family = poisson).
/// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
/// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
/// let fit = Glm::new(&x, &y).fit()?;
/// assert!((fit.coefficients()[0] - 3f64.ln()).abs() < 1e-8);
/// assert!(fit.converged() && fit.dispersion() == 1.0 && fit.df_resid() == 4.0);
/// // SE of the intercept 1/√(n μ) = 1/√9; of the contrast √(1/9 + 1/24).
/// assert!((fit.std_errors()[0] - 1.0 / 3.0).abs() < 1e-6);
/// assert!((fit.std_errors()[1] - (1.0f64 / 9.0 + 1.0 / 24.0).sqrt()).abs() < 1e-6);
/// assert!((fit.deviance() - 1.467_600_561).abs() < 1e-6);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GlmFit {
    family: Family,
    coef: Coefficients,
    mu: Vec<f64>,
    deviance: f64,
    null_deviance: f64,
    pearson_chi2: f64,
    log_likelihood: Option<f64>,
    aic: Option<f64>,
    dispersion: f64,
    df_resid: f64,
    iterations: usize,
    converged: bool,
    theta: Option<(f64, f64)>,
}

impl GlmFit {
    /// The family that was fitted.
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// Coefficients (log scale for the count families).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // Log of the group means 3 and 8/3 of the other group's.
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let b = Glm::new(&x, &[2.0, 4.0, 3.0, 6.0, 9.0, 9.0]).fit()?.coefficients().to_vec();
    /// assert!((b[0] - 3f64.ln()).abs() < 1e-8 && (b[1] - (8.0f64 / 3.0).ln()).abs() < 1e-8);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn coefficients(&self) -> &[f64] {
        self.coef.params()
    }

    /// Standard errors (scaled by the dispersion for quasi-Poisson).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // Poisson: 1/√(n μ) for the intercept, √(1/9 + 1/24) for the contrast.
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let se = Glm::new(&x, &[2.0, 4.0, 3.0, 6.0, 9.0, 9.0]).fit()?.std_errors();
    /// assert!((se[0] - 1.0 / 3.0).abs() < 1e-6 && (se[1] - 0.390_868).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn std_errors(&self) -> Vec<f64> {
        self.coef.std_errors()
    }

    /// Coefficient `j` as an [`Estimate`]; `None` past the last.
    #[must_use]
    pub fn estimate(&self, j: usize) -> Option<Estimate> {
        self.coef.estimate(j)
    }

    /// Every coefficient as an [`Estimate`].
    #[must_use]
    pub fn estimates(&self) -> Vec<Estimate> {
        self.coef.estimates()
    }

    /// Covariance of the coefficients, row-major `k x k`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // (X'WX)⁻¹ with W = μ from the last IRLS step: Var(intercept) = 1/(3 · 3),
    /// // Cov(intercept, contrast) = −1/9 (to the convergence of IRLS).
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let v = Glm::new(&x, &y).fit()?.covariance().to_vec();
    /// assert!((v[0] - 1.0 / 9.0).abs() < 1e-6 && (v[1] + 1.0 / 9.0).abs() < 1e-6);
    /// assert!((v[3] - (1.0 / 9.0 + 1.0 / 24.0)).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn covariance(&self) -> &[f64] {
        self.coef.covariance()
    }

    /// The distribution tests refer to.
    #[must_use]
    pub fn reference(&self) -> Reference {
        self.coef.reference()
    }

    /// Fitted means `mu` (offset included).
    #[must_use]
    pub fn fitted(&self) -> &[f64] {
        &self.mu
    }

    /// Residual deviance.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // 2 Σ y ln(y/μ) with μ = 3, 3, 3, 8, 8, 8 (the Σ (y − μ) term is 0 within each group).
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// let want: f64 = 2.0 * y.iter().zip(fit.fitted()).map(|(y, m)| y * (y / m).ln()).sum::<f64>();
    /// assert!((fit.deviance() - want).abs() < 1e-9 && (want - 1.467_600_561).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn deviance(&self) -> f64 {
        self.deviance
    }

    /// Null deviance (intercept-only model with the same offset, when the design has an intercept).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // The intercept-only model fits the overall mean 5.5.
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// let want: f64 = 2.0 * y.iter().map(|y| y * (y / 5.5).ln()).sum::<f64>();
    /// assert!((fit.null_deviance() - want).abs() < 1e-9 && (want - 8.542_441_670).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn null_deviance(&self) -> f64 {
        self.null_deviance
    }

    /// Pearson `chi^2 = sum (y - mu)^2 / V(mu)` at the final fit.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // (1 + 1 + 0)/3 + (4 + 1 + 1)/8 about the group means 3 and 8.
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// assert!((fit.pearson_chi2() - (2.0 / 3.0 + 6.0 / 8.0)).abs() < 1e-8);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn pearson_chi2(&self) -> f64 {
        self.pearson_chi2
    }

    /// Maximised log-likelihood; `None` for quasi-Poisson.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, glm::Glm, regression::Design};
    /// // Σ ln dpois(y, μ) at μ = 3, 3, 3, 8, 8, 8 (R: sum(dpois(y, mu, log = TRUE)) = −11.05176).
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// assert!((fit.log_likelihood().unwrap() + 11.051_759_054).abs() < 1e-6);
    /// assert_eq!(Glm::new(&x, &y).family(Family::QuasiPoisson).fit()?.log_likelihood(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn log_likelihood(&self) -> Option<f64> {
        self.log_likelihood
    }

    /// Akaike information criterion; `None` for quasi-Poisson.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// // −2 ln L + 2k with ln L = −11.05176 and k = 2.
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// assert!((fit.aic().unwrap() - 26.103_518_108).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn aic(&self) -> Option<f64> {
        self.aic
    }

    /// Dispersion `phi` (1 for Poisson and negative binomial).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, glm::Glm, regression::Design};
    /// // Quasi-Poisson: Pearson χ² / (n − k) = (2/3 + 3/4) / 4 (R summary.glm, to its ~1e-6).
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).family(Family::QuasiPoisson).fit()?;
    /// assert!((fit.dispersion() - 17.0 / 48.0).abs() < 1e-5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn dispersion(&self) -> f64 {
        self.dispersion
    }

    /// Residual degrees of freedom `n - k`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// assert_eq!(Glm::new(&x, &[2.0, 4.0, 3.0, 6.0, 9.0, 9.0]).fit()?.df_resid(), 4.0); // 6 − 2
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn df_resid(&self) -> f64 {
        self.df_resid
    }

    /// IRLS iterations (for the negative binomial: theta / IRLS alternations).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{glm::Glm, regression::Design};
    /// let y = [2.0, 4.0, 3.0, 6.0, 9.0, 9.0];
    /// let x = Design::with_intercept(&[[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])?;
    /// let fit = Glm::new(&x, &y).fit()?;
    /// // IRLS stops within R's glm.control() limit of 25 iterations.
    /// assert!(fit.converged() && (1..=25).contains(&fit.iterations()));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// Whether the deviance criterion was met within 25 iterations (a fit that is
    /// not converged is still returned for Poisson, as R does with a warning).
    #[must_use]
    pub fn converged(&self) -> bool {
        self.converged
    }

    /// NB2 `theta` and its standard error (`MASS::glm.nb`'s `theta`, `SE.theta`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, glm::Glm, regression::Design};
    /// // Overdispersed counts in two groups (means 4.5 and 17.5): the NB2 fit still fits the group
    /// // means, and estimates theta.
    /// let y = [1.0, 5.0, 0.0, 8.0, 2.0, 11.0, 10.0, 30.0, 4.0, 40.0, 18.0, 3.0];
    /// let g = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    /// let x = Design::with_intercept(&[g])?;
    /// let fit = Glm::new(&x, &y).family(Family::NegativeBinomial).fit()?;
    /// assert!((fit.coefficients()[0] - 4.5f64.ln()).abs() < 1e-6);
    /// let (theta, se) = fit.theta().unwrap();
    /// assert!(theta > 0.0 && se > 0.0);
    /// assert!((fit.alpha().unwrap() - 1.0 / theta).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn theta(&self) -> Option<(f64, f64)> {
        self.theta
    }

    /// NB2 `alpha = 1 / theta` (statsmodels' parameterisation).
    #[must_use]
    pub fn alpha(&self) -> Option<f64> {
        self.theta.map(|(t, _)| 1.0 / t)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for GlmFit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            family: Family,
            coefficients: Vec<crate::stats::regression::CoefficientRow<'a>>,
            covariance: &'a [f64],
            reference: Reference,
            deviance: f64,
            null_deviance: f64,
            pearson_chi2: f64,
            log_likelihood: Option<f64>,
            aic: Option<f64>,
            dispersion: f64,
            df_resid: f64,
            iterations: usize,
            converged: bool,
            theta: Option<f64>,
            theta_std_error: Option<f64>,
            fitted: &'a [f64],
        }
        View {
            family: self.family,
            coefficients: self.coef.rows(None),
            covariance: self.covariance(),
            reference: self.reference(),
            deviance: self.deviance,
            null_deviance: self.null_deviance,
            pearson_chi2: self.pearson_chi2,
            log_likelihood: self.log_likelihood,
            aic: self.aic,
            dispersion: self.dispersion,
            df_resid: self.df_resid,
            iterations: self.iterations,
            converged: self.converged,
            theta: self.theta.map(|t| t.0),
            theta_std_error: self.theta.map(|t| t.1),
            fitted: &self.mu,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_errors() {
        let t = [0.0, 1.0, 2.0, 3.0];
        let x = Design::with_intercept(&[&t[..]]).unwrap();
        assert!(matches!(
            fit_glm(
                &x,
                &[1.0, -1.0, 2.0, 3.0],
                None,
                Family::Poisson,
                TestDistribution::Default
            ),
            Err(StatsError::InvalidParameter { .. })
        ));
        assert!(matches!(
            fit_glm(&x, &[0.0; 4], None, Family::Poisson, TestDistribution::Default),
            Err(StatsError::Degenerate { .. })
        ));
        assert!(matches!(
            fit_glm(
                &x,
                &[1.0, 2.0, 3.0, 4.0],
                Some(&[0.0]),
                Family::Poisson,
                TestDistribution::Default
            ),
            Err(StatsError::LengthMismatch { .. })
        ));
        assert!(matches!(
            fit_glm(
                &x,
                &[1.0, 2.0, f64::INFINITY, 4.0],
                None,
                Family::QuasiPoisson,
                TestDistribution::Default
            ),
            Err(StatsError::NonFinite { index: 2, .. })
        ));
    }
}
