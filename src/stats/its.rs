//! Interrupted time series: segmented regression around one or more interventions.

use crate::stats::StatsError;
use crate::stats::glm::{Family, GlmFit, fit_glm};
use crate::stats::linalg::dot;
use crate::stats::regression::{
    Coefficients, CovType, Design, Estimate, OlsFit, SmallSample, TestDistribution, fit_ols_internal,
};
use crate::stats::validate::{check_finite, check_len};

/// Seasonal terms of an interrupted time series.
///
/// # Examples
/// ```
/// use corridor::stats::{Its, its::Seasonality};
/// // Four years of a monthly series with a seasonal swing and a step of 20 after month 24.
/// let y: Vec<f64> = (0..48)
///     .map(|t| 100.0 + 10.0 * (std::f64::consts::TAU * t as f64 / 12.0).sin() + if t >= 24 { 20.0 } else { 0.0 })
///     .collect();
/// let fit = Its::new(&y, 24).seasonality(Seasonality::Fourier { period: 12, pairs: 1 }).fit()?;
/// assert!((fit.level_change().value() - 20.0).abs() < 1e-8);
/// assert_eq!(fit.names().len(), 6); // const, t, D, (t−T)D, sin, cos
/// let dummies = Its::new(&y, 24).seasonality(Seasonality::Dummies { period: 12 }).fit()?;
/// assert_eq!(dummies.names().len(), 4 + 11);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Seasonality {
    /// No seasonal terms.
    #[default]
    None,
    /// `period - 1` indicator columns: column `s` (`s = 1..period`) is 1 when
    /// `t mod period == s`; the season of the first observation is the reference.
    Dummies {
        /// Season length (12 for monthly data).
        period: usize,
    },
    /// Fourier pairs `sin(2 pi j t / period)`, `cos(2 pi j t / period)`, `j = 1..=pairs`.
    Fourier {
        /// Season length (12 for monthly data).
        period: usize,
        /// Number of pairs, at least 1 and below `period / 2`.
        pairs: usize,
    },
}

/// An interrupted time series (segmented regression; Bernal, Cummins & Gasparrini
/// 2017, *Int. J. Epidemiol.* 46:348).
///
/// ```text
/// g(E[y_t]) = b0 + b1 t + sum_j ( b2j D_jt + b3j (t - T_j) D_jt ) + seasonal terms (+ log exposure_t)
/// t = 0..n-1,   D_jt = 1 when t >= T_j
/// ```
///
/// `b2j` is the level change and `b3j` the slope change at intervention `j`. The
/// Gaussian family (default) fits by OLS with the classical covariance, or
/// Newey–West with [`Its::hac`]; the count families fit the log-link GLMs of
/// [`Glm`](crate::stats::glm::Glm) with offset `log exposure` (for example days in the
/// month), so that coefficients are on the log scale and `exp(b2)` is a rate ratio.
///
/// With a control series ([`Its::control`], comparative ITS) both series are
/// stacked (treated first) with a group indicator `G` (1 treated, 0 control) and
/// the columns `1, t, G, G t` then, per intervention, `D, (t - T) D, G D,
/// G (t - T) D`; the effect is the group interaction (`G D` level, `G (t - T) D`
/// slope) and the counterfactual keeps the control's changes.
///
/// **Association is not causation.** The model attributes to the intervention any
/// change that coincides with it (other policies, seasons not modelled, reporting
/// changes, regression to the mean). A control series helps only if it shares
/// every other influence. **Newey–West undercovers** when autocorrelation is strong
/// or the series is short (a few dozen points): its intervals are then too narrow
/// and p-values too small; prefer a lag of about `0.75 n^(1/3)` or more, check the
/// residual autocorrelation, and read borderline results with caution.
///
/// # Complexity
///
/// `O(n k^2)` for `k` columns.
///
/// # Examples
/// ```
/// use corridor::stats::{Family, Its};
/// let y = [10.0, 12.0, 11.0, 13.0, 14.0, 13.0, 25.0, 27.0, 26.0, 29.0, 30.0, 31.0];
/// let fit = Its::new(&y, 6).hac(1).fit()?;
/// let level = fit.level_change();
/// assert!(level.value() > 5.0 && level.p_value() < 0.05);
/// let counts = Its::new(&y, 6).family(Family::Poisson).fit()?;
/// assert!(counts.level_change().value() > 0.3); // log rate ratio
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Its<'a> {
    y: &'a [f64],
    interventions: Vec<usize>,
    family: Family,
    hac: Option<usize>,
    exposure: Option<&'a [f64]>,
    seasonality: Seasonality,
    control: Option<&'a [f64]>,
    dist: TestDistribution,
}

impl<'a> Its<'a> {
    /// A series `y` (equally spaced in time) interrupted at index `intervention`
    /// (the first observation after it). Never fails: everything is checked by [`Its::fit`].
    #[must_use]
    pub fn new(y: &'a [f64], intervention: usize) -> Self {
        Self {
            y,
            interventions: vec![intervention],
            family: Family::Gaussian,
            hac: None,
            exposure: None,
            seasonality: Seasonality::None,
            control: None,
            dist: TestDistribution::Default,
        }
    }

    /// Adds another intervention at index `at` (its own level and slope terms).
    #[must_use]
    pub fn intervention(mut self, at: usize) -> Self {
        self.interventions.push(at);
        self
    }

    /// Newey–West standard errors with lag `lag`, Bartlett kernel, no prewhitening
    /// and no small-sample factor (statsmodels `cov_type="HAC"` default,
    /// `sandwich::NeweyWest(lag = lag, prewhite = FALSE, adjust = FALSE)`); z tests unless
    /// [`Its::test_distribution`] asks for t.
    /// Gaussian family only.
    #[must_use]
    pub fn hac(mut self, lag: usize) -> Self {
        self.hac = Some(lag);
        self
    }

    /// Chooses the family (Gaussian by default).
    #[must_use]
    pub fn family(mut self, family: Family) -> Self {
        self.family = family;
        self
    }

    /// Exposure of each observation (for example days in the month); the offset is
    /// its logarithm. Count families only; default 1. With a control series the
    /// same exposure applies to both series.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, Its};
    /// // 10 crossings a day, then 15 a day from the fifth month; months of unequal length.
    /// let days = [31.0, 28.0, 31.0, 30.0, 31.0, 30.0, 31.0, 31.0];
    /// let y: Vec<f64> = days.iter().enumerate().map(|(t, d)| if t < 4 { 10.0 * d } else { 15.0 * d }).collect();
    /// let fit = Its::new(&y, 4).family(Family::Poisson).exposure(&days).fit()?;
    /// // On the log scale: the rate ratio 1.5, and no change of slope.
    /// assert!((fit.level_change().value() - 1.5f64.ln()).abs() < 1e-8);
    /// assert!(fit.slope_change().value().abs() < 1e-8);
    /// assert!(fit.glm().is_some() && fit.ols().is_none());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn exposure(mut self, exposure: &'a [f64]) -> Self {
        self.exposure = Some(exposure);
        self
    }

    /// Adds seasonal terms.
    #[must_use]
    pub fn seasonality(mut self, seasonality: Seasonality) -> Self {
        self.seasonality = seasonality;
        self
    }

    /// A control series over the same times (comparative ITS).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// // Both series rise by 2 at month 6 (a shock common to both); the treated one by 5 more.
    /// let step = |t: usize, s: f64| if t >= 6 { s } else { 0.0 };
    /// let control: Vec<f64> = (0..12).map(|t| 20.0 + 0.5 * t as f64 + step(t, 2.0)).collect();
    /// let treated: Vec<f64> = (0..12).map(|t| 10.0 + t as f64 + step(t, 7.0)).collect();
    /// let fit = Its::new(&treated, 6).control(&control).fit()?;
    /// // The effect is the difference of the changes: 7 − 2.
    /// assert!((fit.level_change().value() - 5.0).abs() < 1e-9);
    /// assert!(fit.slope_change().value().abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn control(mut self, control: &'a [f64]) -> Self {
        self.control = Some(control);
        self
    }

    /// Chooses the distribution that tests and intervals refer to — the coefficients, the level and
    /// slope changes and the [`Effect`]s — with the same meaning as
    /// [`Ols::test_distribution`](crate::stats::regression::Ols::test_distribution) and
    /// [`Glm::test_distribution`](crate::stats::glm::Glm::test_distribution) (statsmodels `use_t`; see
    /// [`TestDistribution`]). By default Newey–West fits and the Poisson and negative binomial families
    /// use the normal, the classical Gaussian fit and quasi-Poisson Student's t;
    /// [`TestDistribution::StudentT`] gives t with `n - k` degrees of freedom for all of them
    /// (statsmodels `fit(cov_type="HAC", use_t=True)`, `GLM.fit(use_t=True)`), which covers better than
    /// the normal on the short series ITS is often fitted to. Estimates and standard errors do not change.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// use corridor::stats::regression::{Reference, TestDistribution};
    /// let y = [10.0, 12.0, 11.0, 13.0, 14.0, 13.0, 25.0, 27.0, 26.0, 29.0, 30.0, 31.0];
    /// let fit = Its::new(&y, 6).hac(1).test_distribution(TestDistribution::StudentT).fit()?;
    /// assert_eq!(fit.level_change().reference(), Reference::StudentT { df: 8.0 });
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
    /// [`StatsError::InvalidParameter`] for an intervention at 0 or at or past the
    /// end, a repeated intervention, a bad seasonality, a non-positive exposure,
    /// an exposure with the Gaussian family, Newey–West with a count family, or a
    /// negative count;
    /// [`StatsError::NonFinite`] for NaN or infinite values;
    /// [`StatsError::LengthMismatch`] for an exposure or control of another length;
    /// [`StatsError::TooShort`] when there are not more observations than
    /// coefficients; [`StatsError::Degenerate`] for a constant series;
    /// [`StatsError::Singular`] when the terms are collinear (for example a season
    /// dummy that never occurs); and the errors of [`Glm::fit`](crate::stats::glm::Glm::fit).
    pub fn fit(&self) -> crate::stats::error::Result<ItsFit> {
        self.fit_inner()
    }

    fn validate(&self) -> Result<(), StatsError> {
        let n = self.y.len();
        check_finite(self.y)?;
        for (i, &at) in self.interventions.iter().enumerate() {
            if at == 0 || at >= n {
                return Err(StatsError::InvalidParameter {
                    name: "intervention",
                    value: format!("{at} (series of length {n})"),
                    reason: "must leave at least one observation before and one after: 0 < intervention < n",
                });
            }
            if self.interventions[..i].contains(&at) {
                return Err(StatsError::InvalidParameter {
                    name: "intervention",
                    value: at.to_string(),
                    reason: "each intervention must start at a different index",
                });
            }
        }
        match self.seasonality {
            Seasonality::None => {}
            Seasonality::Dummies { period } => {
                if period < 2 {
                    return Err(StatsError::InvalidParameter {
                        name: "seasonal period",
                        value: period.to_string(),
                        reason: "must be at least 2",
                    });
                }
            }
            Seasonality::Fourier { period, pairs } => {
                if period < 3 || pairs == 0 || pairs.checked_mul(2).is_none_or(|p| p >= period) {
                    return Err(StatsError::InvalidParameter {
                        name: "fourier pairs",
                        value: format!("{pairs} for period {period}"),
                        reason: "need period >= 3 and 1 <= pairs < period / 2",
                    });
                }
            }
        }
        if let Some(c) = self.control {
            if c.len() != n {
                return Err(StatsError::LengthMismatch {
                    what: "control series",
                    expected: n,
                    got: c.len(),
                });
            }
            check_finite(c).map_err(|e| match e {
                StatsError::NonFinite { index, value } => StatsError::NonFinite {
                    index: n + index,
                    value,
                },
                other => other,
            })?;
        }
        if let Some(e) = self.exposure {
            if e.len() != n {
                return Err(StatsError::LengthMismatch {
                    what: "exposure",
                    expected: n,
                    got: e.len(),
                });
            }
            check_finite(e)?;
            if let Some(index) = e.iter().position(|&v| v <= 0.0) {
                return Err(StatsError::InvalidParameter {
                    name: "exposure",
                    value: format!("{} at index {index}", e[index]),
                    reason: "must be positive",
                });
            }
        }
        if self.hac.is_some() && self.family != Family::Gaussian {
            return Err(StatsError::InvalidParameter {
                name: "hac",
                value: format!("{:?}", self.family),
                reason: "newey-west standard errors are offered for the gaussian family only",
            });
        }
        if self.exposure.is_some() && self.family == Family::Gaussian {
            return Err(StatsError::InvalidParameter {
                name: "exposure",
                value: "gaussian".to_owned(),
                reason: "an exposure offset needs a count family (poisson, quasi-poisson, negative binomial)",
            });
        }
        Ok(())
    }

    /// The number of coefficients of the design, `None` when it overflows `usize`.
    fn coefficient_count(&self) -> Option<usize> {
        let control = self.control.is_some();
        let per_intervention = if control { 4 } else { 2 };
        let seasonal = match self.seasonality {
            Seasonality::None => 0,
            Seasonality::Dummies { period } => period.saturating_sub(1),
            Seasonality::Fourier { pairs, .. } => pairs.checked_mul(2)?,
        };
        (2 + 2 * usize::from(control))
            .checked_add(self.interventions.len().checked_mul(per_intervention)?)?
            .checked_add(seasonal)
    }

    fn fit_inner(&self) -> Result<ItsFit, StatsError> {
        let n = self.y.len();
        check_len("interrupted time series", n, 3)?;
        self.validate()?;
        let y: Vec<f64> = match self.control {
            Some(c) => self.y.iter().chain(c).copied().collect(),
            None => self.y.to_vec(),
        };
        if y.iter().all(|&v| v == y[0]) {
            return Err(StatsError::Degenerate {
                method: "interrupted time series",
                reason: "the series is constant: there is no change to estimate",
            });
        }
        // Count the coefficients before naming them: a seasonal period or a number of Fourier pairs from
        // the caller can be far larger than the series (and than what could be allocated).
        let rows = y.len();
        let k = self.coefficient_count().unwrap_or(usize::MAX);
        if rows <= k {
            return Err(StatsError::TooShort {
                method: "interrupted time series (more observations than coefficients)",
                needed: k.saturating_add(1),
                got: rows,
            });
        }
        let layout = Layout::new(n, &self.interventions, self.seasonality, self.control.is_some());
        let k = layout.names.len();
        if rows <= k {
            return Err(StatsError::TooShort {
                method: "interrupted time series (more observations than coefficients)",
                needed: k + 1,
                got: rows,
            });
        }
        let x = layout.design();
        let offset: Option<Vec<f64>> = self.exposure.map(|e| {
            let lo: Vec<f64> = e.iter().map(|v| v.ln()).collect();
            if self.control.is_some() {
                lo.iter().chain(&lo).copied().collect()
            } else {
                lo
            }
        });
        let model = if self.family == Family::Gaussian {
            let cov = self.hac.map_or(CovType::Nonrobust, |lag| CovType::Hac {
                lag,
                small_sample: SmallSample::None,
            });
            Model::Ols(fit_ols_internal(&x, &y, cov, self.dist)?)
        } else {
            Model::Glm(fit_glm(&x, &y, offset.as_deref(), self.family, self.dist)?)
        };
        let table = match &model {
            Model::Ols(f) => Coefficients::new(f.coefficients().to_vec(), f.covariance().to_vec(), f.reference()),
            Model::Glm(f) => Coefficients::new(f.coefficients().to_vec(), f.covariance().to_vec(), f.reference()),
        };
        let params = table.params();
        let treated = layout.treated_rows(&x);
        let x0 = layout.counterfactual_rows(&treated);
        let off_t: Vec<f64> = offset.map_or_else(|| vec![0.0; n], |o| o[..n].to_vec());
        let log_link = self.family != Family::Gaussian;
        let predict = |rows: &[f64]| -> Vec<f64> {
            (0..n)
                .map(|t| {
                    let eta: f64 = (0..k).map(|j| rows[j * n + t] * params[j]).sum::<f64>();
                    if log_link { (eta + off_t[t]).exp() } else { eta }
                })
                .collect()
        };
        let fitted = predict(&treated);
        let counterfactual = predict(&x0);
        Ok(ItsFit {
            family: self.family,
            names: layout.names.clone(),
            effect_columns: layout.effect_columns.clone(),
            table,
            n,
            treated,
            counterfactual_rows: x0,
            fitted,
            counterfactual,
            model,
        })
    }
}

/// Column layout of the design.
#[derive(Debug, Clone)]
struct Layout {
    n: usize,
    interventions: Vec<usize>,
    seasonality: Seasonality,
    control: bool,
    names: Vec<String>,
    /// `(level column, slope column)` of each intervention's effect.
    effect_columns: Vec<(usize, usize)>,
}

impl Layout {
    fn new(n: usize, interventions: &[usize], seasonality: Seasonality, control: bool) -> Self {
        let mut names: Vec<String> = vec!["const".into(), "t".into()];
        if control {
            names.extend(["group".into(), "group*t".into()]);
        }
        let mut effect_columns = Vec::new();
        for (j, at) in interventions.iter().enumerate() {
            let tag = if interventions.len() == 1 {
                String::new()
            } else {
                format!("{}", j + 1)
            };
            let base = names.len();
            names.push(format!("D{tag}"));
            names.push(format!("(t-{at})D{tag}"));
            if control {
                names.push(format!("group*D{tag}"));
                names.push(format!("group*(t-{at})D{tag}"));
                effect_columns.push((base + 2, base + 3));
            } else {
                effect_columns.push((base, base + 1));
            }
        }
        match seasonality {
            Seasonality::None => {}
            Seasonality::Dummies { period } => names.extend((1..period).map(|s| format!("season{s}"))),
            Seasonality::Fourier { pairs, .. } => {
                for j in 1..=pairs {
                    names.push(format!("sin{j}"));
                    names.push(format!("cos{j}"));
                }
            }
        }
        Self {
            n,
            interventions: interventions.to_vec(),
            seasonality,
            control,
            names,
            effect_columns,
        }
    }

    /// The full design (stacked when there is a control).
    fn design(&self) -> Design {
        let n = self.n;
        let groups: &[f64] = if self.control { &[1.0, 0.0] } else { &[1.0] };
        let rows = n * groups.len();
        let mut data = Vec::with_capacity(rows * self.names.len());
        let col = |f: &dyn Fn(usize, f64) -> f64, data: &mut Vec<f64>| {
            for &g in groups {
                for t in 0..n {
                    data.push(f(t, g));
                }
            }
        };
        col(&|_, _| 1.0, &mut data);
        col(&|t, _| t as f64, &mut data);
        if self.control {
            col(&|_, g| g, &mut data);
            col(&|t, g| g * t as f64, &mut data);
        }
        for &at in &self.interventions {
            let d = move |t: usize| if t >= at { 1.0 } else { 0.0 };
            let s = move |t: usize| if t >= at { (t - at) as f64 } else { 0.0 };
            col(&|t, _| d(t), &mut data);
            col(&|t, _| s(t), &mut data);
            if self.control {
                col(&|t, g| g * d(t), &mut data);
                col(&|t, g| g * s(t), &mut data);
            }
        }
        match self.seasonality {
            Seasonality::None => {}
            Seasonality::Dummies { period } => {
                for s in 1..period {
                    col(&|t, _| if t % period == s { 1.0 } else { 0.0 }, &mut data);
                }
            }
            Seasonality::Fourier { period, pairs } => {
                for j in 1..=pairs {
                    let w = 2.0 * std::f64::consts::PI * j as f64 / period as f64;
                    col(&|t, _| (w * t as f64).sin(), &mut data);
                    col(&|t, _| (w * t as f64).cos(), &mut data);
                }
            }
        }
        let mut d = Design::from_raw(rows, self.names.len(), data);
        d.set_names(self.names.clone());
        d
    }

    /// Column-major rows of the treated series (the first `n` rows).
    fn treated_rows(&self, x: &Design) -> Vec<f64> {
        let n = self.n;
        (0..x.ncols())
            .flat_map(|j| x.column(j).map_or(&[][..], |c| &c[..n]).iter().copied())
            .collect()
    }

    /// The treated rows with the intervention effect columns set to 0.
    fn counterfactual_rows(&self, treated: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut x0 = treated.to_vec();
        for &(a, b) in &self.effect_columns {
            x0[a * n..(a + 1) * n].fill(0.0);
            x0[b * n..(b + 1) * n].fill(0.0);
        }
        x0
    }
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
enum Model {
    Ols(OlsFit),
    Glm(GlmFit),
}

/// The result of [`Its::fit`].
///
/// With the `serde` feature it serialises (serialise-only) as `family`, `coefficients` (one row per
/// column of [`ItsFit::names`] with `name`, `estimate`, `std_error`, `statistic`, `p_value`,
/// `ci_lower`, `ci_upper` at 95 %), `covariance` (row-major), `interventions` (per intervention its
/// `level_change` and `slope_change` rows), `fitted`, `counterfactual` and `model`, the underlying
/// fit as `{"ols": …}` ([`OlsFit`]) or `{"glm": …}` ([`GlmFit`]).
///
/// # Examples
/// ```
/// use corridor::stats::Its;
/// // 10 + t before month 6; after it the level rises by 5 and the slope by 2 a month.
/// let y: Vec<f64> = (0..12).map(|t| if t < 6 { 10.0 + t as f64 } else { 15.0 + t as f64 + 2.0 * (t - 6) as f64 }).collect();
/// let fit = Its::new(&y, 6).fit()?;
/// assert!((fit.level_change().value() - 5.0).abs() < 1e-9);
/// assert!((fit.slope_change().value() - 2.0).abs() < 1e-9);
/// // The counterfactual continues 10 + t.
/// assert!((fit.counterfactual()[11] - 21.0).abs() < 1e-9 && (fit.fitted()[11] - 36.0).abs() < 1e-9);
/// assert_eq!(fit.names()[2], "D");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ItsFit {
    family: Family,
    names: Vec<String>,
    effect_columns: Vec<(usize, usize)>,
    table: Coefficients,
    n: usize,
    treated: Vec<f64>,
    counterfactual_rows: Vec<f64>,
    fitted: Vec<f64>,
    counterfactual: Vec<f64>,
    model: Model,
}

/// The effect of the interventions at one time, with delta-method standard errors.
///
/// For the Gaussian family, with `x_t` the design row and `x0_t` the same row with
/// the intervention terms set to 0:
///
/// ```text
/// absolute = (x_t - x0_t)' b                     gradient x_t - x0_t
/// relative = absolute / (x0_t' b)                gradient (x_t - x0_t)/(x0_t'b) - absolute x0_t/(x0_t'b)^2
/// ```
///
/// For the log-link families, `mu = exp(x_t'b + o_t)`, `mu0 = exp(x0_t'b + o_t)`:
///
/// ```text
/// absolute = mu - mu0                            gradient mu x_t - mu0 x0_t
/// relative = exp((x_t - x0_t)'b) - 1             gradient exp((x_t - x0_t)'b) (x_t - x0_t)
/// ```
///
/// Each standard error is `sqrt(g' V g)` with `V` the coefficient covariance; the
/// intervals are symmetric (first-order delta method) and use the fit's reference
/// distribution.
///
/// With the `serde` feature it serialises (serialise-only) as `time`, `fitted`, `counterfactual`,
/// `absolute` and `relative` (each an [`Estimate`]).
///
/// # Examples
/// ```
/// use corridor::stats::{Family, Its};
/// // Counts steady at 20 a month, then at 30: a rate ratio of 1.5.
/// let y = [20.0, 20.0, 20.0, 20.0, 30.0, 30.0, 30.0, 30.0];
/// let fit = Its::new(&y, 4).family(Family::Poisson).fit()?;
/// let e = fit.effect_at(6)?;
/// assert_eq!(e.time(), 6);
/// assert!((e.fitted() - 30.0).abs() < 1e-6 && (e.counterfactual() - 20.0).abs() < 1e-6);
/// assert!((e.absolute().value() - 10.0).abs() < 1e-6);
/// assert!((e.relative().value() - 0.5).abs() < 1e-8);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Effect {
    time: usize,
    fitted: f64,
    counterfactual: f64,
    absolute: Estimate,
    relative: Estimate,
}

impl Effect {
    /// The time index.
    #[must_use]
    pub fn time(&self) -> usize {
        self.time
    }

    /// Fitted value (mean) at that time.
    #[must_use]
    pub fn fitted(&self) -> f64 {
        self.fitted
    }

    /// Counterfactual value (mean without the interventions).
    #[must_use]
    pub fn counterfactual(&self) -> f64 {
        self.counterfactual
    }

    /// Fitted minus counterfactual, in the units of `y`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, Its};
    /// // 20 a month, then 25: five more a month.
    /// let y = [20.0, 20.0, 20.0, 20.0, 25.0, 25.0, 25.0, 25.0];
    /// let e = Its::new(&y, 4).family(Family::Poisson).fit()?.effect_at(5)?;
    /// assert!((e.absolute().value() - 5.0).abs() < 1e-6);
    /// assert!((e.fitted() - e.counterfactual() - e.absolute().value()).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn absolute(&self) -> Estimate {
        self.absolute
    }

    /// `fitted / counterfactual - 1`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{Family, Its};
    /// // 20 a month, then 25: the relative effect is 25/20 − 1, with a delta-method standard error.
    /// let y = [20.0, 20.0, 20.0, 20.0, 25.0, 25.0, 25.0, 25.0];
    /// let e = Its::new(&y, 4).family(Family::Poisson).fit()?.effect_at(5)?;
    /// assert!((e.relative().value() - 0.25).abs() < 1e-8);
    /// assert!(e.relative().std_error() > 0.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn relative(&self) -> Estimate {
        self.relative
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ItsFit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::stats::regression::CoefficientRow;
        #[derive(serde::Serialize)]
        struct Intervention<'a> {
            level_change: CoefficientRow<'a>,
            slope_change: CoefficientRow<'a>,
        }
        #[derive(serde::Serialize)]
        struct View<'a> {
            family: Family,
            coefficients: Vec<CoefficientRow<'a>>,
            covariance: &'a [f64],
            interventions: Vec<Intervention<'a>>,
            fitted: &'a [f64],
            counterfactual: &'a [f64],
            model: &'a Model,
        }
        let row = |j: usize| CoefficientRow::new(self.names.get(j).map(String::as_str), &self.coef(j));
        View {
            family: self.family,
            coefficients: self.table.rows(Some(&self.names)),
            covariance: self.table.covariance(),
            interventions: self
                .effect_columns
                .iter()
                .map(|&(level, slope)| Intervention {
                    level_change: row(level),
                    slope_change: row(slope),
                })
                .collect(),
            fitted: &self.fitted,
            counterfactual: &self.counterfactual,
            model: &self.model,
        }
        .serialize(s)
    }
}

impl ItsFit {
    /// Level change at the first intervention (`b2`; log scale for the count families).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// // A step of 8 at month 5 on a flat series with a little noise.
    /// let y = [10.0, 10.2, 9.9, 10.1, 9.8, 18.1, 17.9, 18.0, 18.2, 17.8];
    /// let fit = Its::new(&y, 5).fit()?;
    /// let level = fit.level_change();
    /// assert!((level.value() - 8.0).abs() < 0.5 && level.p_value() < 0.001);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn level_change(&self) -> Estimate {
        self.coef(self.effect_columns[0].0)
    }

    /// Slope change at the first intervention (`b3`; log scale for the count families).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// // The slope goes from 1 to 3 a month at month 6, with no jump.
    /// let y: Vec<f64> = (0..12).map(|t| if t < 6 { t as f64 } else { 6.0 + 3.0 * (t - 6) as f64 }).collect();
    /// let fit = Its::new(&y, 6).fit()?;
    /// assert!((fit.slope_change().value() - 2.0).abs() < 1e-9);
    /// assert!(fit.level_change().value().abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn slope_change(&self) -> Estimate {
        self.coef(self.effect_columns[0].1)
    }

    /// Level change at intervention `i` (in the order given); `None` past the last.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// // A step of +5 at month 4 and of −3 at month 8.
    /// let y: Vec<f64> = (0..12).map(|t| 10.0 + if t >= 4 { 5.0 } else { 0.0 } - if t >= 8 { 3.0 } else { 0.0 } + 0.1 * (t % 3) as f64).collect();
    /// let fit = Its::new(&y, 4).intervention(8).fit()?;
    /// assert!((fit.level_change_at(0).unwrap().value() - 5.0).abs() < 0.2);
    /// assert!((fit.level_change_at(1).unwrap().value() + 3.0).abs() < 0.2);
    /// assert!(fit.level_change_at(2).is_none());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn level_change_at(&self, i: usize) -> Option<Estimate> {
        self.effect_columns.get(i).map(|c| self.coef(c.0))
    }

    /// Slope change at intervention `i`; `None` past the last.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// // The slope goes from 0 to 1 at month 4 and back to 0 at month 8.
    /// let y: Vec<f64> = (0..12).map(|t| (t.clamp(4, 8) - 4) as f64 + 0.1 * (t % 2) as f64).collect();
    /// let fit = Its::new(&y, 4).intervention(8).fit()?;
    /// assert!((fit.slope_change_at(0).unwrap().value() - 1.0).abs() < 0.1);
    /// assert!((fit.slope_change_at(1).unwrap().value() + 1.0).abs() < 0.1);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn slope_change_at(&self, i: usize) -> Option<Estimate> {
        self.effect_columns.get(i).map(|c| self.coef(c.1))
    }

    fn coef(&self, j: usize) -> Estimate {
        self.table.estimate(j).expect("effect columns index the design")
    }

    /// Every coefficient, in the order of [`ItsFit::names`].
    #[must_use]
    pub fn estimates(&self) -> Vec<Estimate> {
        self.table.estimates()
    }

    /// Column names (`const`, `t`, `D`, `(t-T)D` with the intervention index for `T`, e.g. `(t-6)D`, … seasonal terms).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// let y = [10.0, 12.0, 11.0, 13.0, 14.0, 13.0, 25.0, 27.0, 26.0, 29.0, 30.0, 31.0];
    /// let fit = Its::new(&y, 6).fit()?;
    /// assert_eq!(fit.names(), ["const", "t", "D", "(t-6)D"]);
    /// assert_eq!((fit.estimates().len(), fit.covariance().len()), (4, 16));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Coefficient covariance, row-major.
    #[must_use]
    pub fn covariance(&self) -> &[f64] {
        self.table.covariance()
    }

    /// The family that was fitted.
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// Fitted means of the (treated) series.
    #[must_use]
    pub fn fitted(&self) -> &[f64] {
        &self.fitted
    }

    /// The counterfactual: the fitted model with every intervention term set to 0.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// let y: Vec<f64> = (0..10).map(|t| if t < 5 { 2.0 * t as f64 } else { 2.0 * t as f64 + 6.0 }).collect();
    /// let fit = Its::new(&y, 5).fit()?;
    /// // Before the intervention the counterfactual is the fit; after it, the pre-period line 2t.
    /// assert!((fit.counterfactual()[2] - fit.fitted()[2]).abs() < 1e-9);
    /// assert!((fit.counterfactual()[8] - 16.0).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn counterfactual(&self) -> &[f64] {
        &self.counterfactual
    }

    /// The underlying OLS fit (Gaussian family).
    #[must_use]
    pub fn ols(&self) -> Option<&OlsFit> {
        match &self.model {
            Model::Ols(f) => Some(f),
            Model::Glm(_) => None,
        }
    }

    /// The underlying GLM fit (count families).
    #[must_use]
    pub fn glm(&self) -> Option<&GlmFit> {
        match &self.model {
            Model::Glm(f) => Some(f),
            Model::Ols(_) => None,
        }
    }

    /// The absolute and relative effect at time `t` (see [`Effect`]).
    ///
    /// # Errors
    /// [`StatsError::InvalidParameter`] when `t` is past the end of the series.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::Its;
    /// let y: Vec<f64> = (0..12).map(|t| if t < 6 { 10.0 + t as f64 } else { 15.0 + t as f64 + 2.0 * (t - 6) as f64 }).collect();
    /// let fit = Its::new(&y, 6).fit()?;
    /// // Three months after the start: 5 + 2 · 3 above the counterfactual 10 + 9.
    /// let e = fit.effect_at(9)?;
    /// assert!((e.absolute().value() - 11.0).abs() < 1e-9);
    /// assert!((e.relative().value() - 11.0 / 19.0).abs() < 1e-9);
    /// assert!(fit.effect_at(12).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn effect_at(&self, t: usize) -> crate::stats::error::Result<Effect> {
        if t >= self.n {
            return Err(StatsError::InvalidParameter {
                name: "time",
                value: t.to_string(),
                reason: "must index the series",
            });
        }
        let n = self.n;
        let k = self.table.len();
        let x: Vec<f64> = (0..k).map(|j| self.treated[j * n + t]).collect();
        let x0: Vec<f64> = (0..k).map(|j| self.counterfactual_rows[j * n + t]).collect();
        let c: Vec<f64> = x.iter().zip(&x0).map(|(a, b)| a - b).collect();
        let quad = |g: &[f64]| -> f64 {
            let mut s = 0.0;
            for i in 0..k {
                for j in 0..k {
                    s += g[i] * self.table.covariance()[i * k + j] * g[j];
                }
            }
            s.sqrt()
        };
        let fitted = self.fitted[t];
        let cf = self.counterfactual[t];
        let (abs_v, abs_g, rel_v, rel_g) = if self.family == Family::Gaussian {
            let a = dot(&c, self.table.params());
            let base = dot(&x0, self.table.params());
            let rel_g: Vec<f64> = c
                .iter()
                .zip(&x0)
                .map(|(ci, xi)| ci / base - a * xi / (base * base))
                .collect();
            (a, c.clone(), a / base, rel_g)
        } else {
            let abs_g: Vec<f64> = x.iter().zip(&x0).map(|(xi, x0i)| fitted * xi - cf * x0i).collect();
            let r = dot(&c, self.table.params()).exp();
            let rel_g: Vec<f64> = c.iter().map(|ci| r * ci).collect();
            (fitted - cf, abs_g, r - 1.0, rel_g)
        };
        Ok(Effect {
            time: t,
            fitted,
            counterfactual: cf,
            absolute: Estimate::new(abs_v, quad(&abs_g), self.table.reference()),
            relative: Estimate::new(rel_v, quad(&rel_g), self.table.reference()),
        })
    }
}
