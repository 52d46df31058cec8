//! Ordinary least squares by Householder QR.

use super::Design;
use super::covariance::{CovType, covariance};
use super::estimate::{Coefficients, Estimate, Reference, TestDistribution};
use super::qr::{Qr, xtx_inverse};
use crate::stats::StatsError;
use crate::stats::validate::check_finite;

/// Ordinary least squares: `y = X b + u`, fitted by Householder QR.
///
/// ```text
/// X = Q R,   b = R^{-1} Q'y,   u = y - X b,   sigma^2 = u'u / (n - k)
/// R^2 = 1 - u'u / TSS   (TSS centred when X has a constant column, else uncentred)
/// adjusted R^2 = 1 - (n - c) / (n - k) (1 - R^2),   c = 1 with a constant column, else 0
/// ```
///
/// The covariance is chosen with [`Ols::cov_type`] (see [`CovType`]); p-values
/// and intervals use Student's t with `n - k` degrees of freedom for the
/// classical covariance and the standard normal for the robust ones, as
/// statsmodels does by default; [`Ols::test_distribution`] chooses otherwise (statsmodels `use_t`).
/// Matches statsmodels `OLS(y, X).fit(...)`.
///
/// # Complexity
///
/// `O(n k^2)` time (the Newey–West meat included, whatever its lag), one `n x k` copy of the design.
///
/// # Examples
/// ```
/// use corridor::stats::regression::{CovType, Design, Ols, SmallSample};
/// let t: Vec<f64> = (0..8).map(f64::from).collect();
/// let y = [1.0, 3.1, 4.9, 7.2, 8.8, 11.1, 13.0, 14.9];
/// let x = Design::with_intercept(&[&t[..]])?;
/// let fit = Ols::new(&x, &y)
///     .cov_type(CovType::Hac { lag: 2, small_sample: SmallSample::None })
///     .fit()?;
/// assert!((fit.coefficients()[1] - 1.98).abs() < 0.05);
/// assert!(fit.r_squared() > 0.99);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Ols<'a> {
    x: &'a Design,
    y: &'a [f64],
    cov: CovType,
    dist: TestDistribution,
}

impl<'a> Ols<'a> {
    /// A regression of `y` on the columns of `x` (classical covariance until told otherwise).
    #[must_use]
    pub fn new(x: &'a Design, y: &'a [f64]) -> Self {
        Self {
            x,
            y,
            cov: CovType::Nonrobust,
            dist: TestDistribution::Default,
        }
    }

    /// Chooses the covariance of the coefficients.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{CovType, Design, Ols, SmallSample};
    /// // The Nile's mean shift with Newey–West standard errors, lag 4 (R sandwich 3.0.2:
    /// // NeweyWest(fit, lag = 4, prewhite = FALSE, adjust = FALSE) gives 27.199, 31.339).
    /// let nile = [
    ///     1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0, 1110.0, 994.0, 1020.0, 960.0, 1180.0, 799.0, 958.0, 1140.0,
    ///     1100.0, 1210.0, 1150.0, 1250.0, 1260.0, 1220.0, 1030.0, 1100.0, 774.0, 840.0, 874.0, 694.0, 940.0, 833.0, 701.0, 916.0, 692.0, 1020.0, 1050.0, 969.0,
    ///     831.0, 726.0, 456.0, 824.0, 702.0, 1120.0, 1100.0, 832.0, 764.0, 821.0, 768.0, 845.0, 864.0, 862.0, 698.0, 845.0, 744.0, 796.0, 1040.0, 759.0,
    ///     781.0, 865.0, 845.0, 944.0, 984.0, 897.0, 822.0, 1010.0, 771.0, 676.0, 649.0, 846.0, 812.0, 742.0, 801.0, 1040.0, 860.0, 874.0, 848.0, 890.0,
    ///     744.0, 749.0, 838.0, 1050.0, 918.0, 986.0, 797.0, 923.0, 975.0, 815.0, 1020.0, 906.0, 901.0, 1170.0, 912.0, 746.0, 919.0, 718.0, 714.0, 740.0,
    /// ];
    /// let shift: Vec<f64> = (0..100).map(|t| if t >= 28 { 1.0 } else { 0.0 }).collect();
    /// let x = Design::with_intercept(&[&shift[..]])?;
    /// let hac = CovType::Hac { lag: 4, small_sample: SmallSample::None };
    /// let se = Ols::new(&x, &nile).cov_type(hac).fit()?.std_errors();
    /// assert!((se[0] - 27.198_998_565).abs() < 1e-6 && (se[1] - 31.339_448_718).abs() < 1e-6);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn cov_type(mut self, cov: CovType) -> Self {
        self.cov = cov;
        self
    }

    /// Chooses the distribution that tests and intervals refer to (statsmodels `use_t`; see
    /// [`TestDistribution`]). [`TestDistribution::StudentT`] with a robust covariance is statsmodels
    /// `fit(cov_type=..., use_t=True)`: t with `n - k` degrees of freedom (checked against statsmodels
    /// 0.15.0 for HC0–HC3 and HAC, `tests/regression.rs`).
    #[must_use]
    pub fn test_distribution(mut self, dist: TestDistribution) -> Self {
        self.dist = dist;
        self
    }

    /// Fits the regression.
    ///
    /// # Errors
    /// [`StatsError::LengthMismatch`] when `y` and `x` differ in rows,
    /// [`StatsError::NonFinite`] for a NaN or infinite `y`,
    /// [`StatsError::TooShort`] unless `n > k`,
    /// [`StatsError::Singular`] for a rank-deficient design (tolerance in
    /// [`Design`]'s QR: `|R_jj| <= 1e-7 ||x_j||`, as R `lm`),
    /// [`StatsError::Degenerate`] for HC2/HC3 with an observation of leverage 1.
    pub fn fit(&self) -> crate::stats::error::Result<OlsFit> {
        fit_ols(self.x, self.y, self.cov, self.dist)
    }
}

pub(crate) fn fit_ols(x: &Design, y: &[f64], cov: CovType, dist: TestDistribution) -> Result<OlsFit, StatsError> {
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
    if n <= k {
        return Err(StatsError::TooShort {
            method: "ols (more observations than regressors)",
            needed: k + 1,
            got: n,
        });
    }
    let qr = Qr::new(x.data().to_vec(), n, k)?;
    let params = qr.least_squares(y);
    let bread = xtx_inverse(&qr.r_inverse(), k);
    let data = x.data();
    let mut fitted = vec![0.0; n];
    for (j, b) in params.iter().enumerate() {
        for (f, v) in fitted.iter_mut().zip(&data[j * n..(j + 1) * n]) {
            *f += b * v;
        }
    }
    let resid: Vec<f64> = y.iter().zip(&fitted).map(|(a, b)| a - b).collect();
    let ssr: f64 = resid.iter().map(|u| u * u).sum();
    let df_resid = (n - k) as f64;
    let sigma2 = ssr / df_resid;
    let has_const = (0..k).any(|j| x.is_constant_column(j));
    let tss = if has_const {
        let mean = y.iter().sum::<f64>() / n as f64;
        y.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>()
    } else {
        y.iter().map(|v| v * v).sum::<f64>()
    };
    let cov_matrix = covariance(cov, x, &bread, &resid, sigma2)?;
    let reference = match dist {
        TestDistribution::Default if cov.is_robust() => Reference::Normal,
        TestDistribution::Default | TestDistribution::StudentT => Reference::StudentT { df: df_resid },
        TestDistribution::Normal => Reference::Normal,
    };
    Ok(OlsFit {
        coef: Coefficients::new(params, cov_matrix, reference),
        cov_type: cov,
        resid,
        fitted,
        ssr,
        tss,
        n,
        has_const,
        names: x.names().map(<[String]>::to_vec),
    })
}

/// The result of [`Ols::fit`].
///
/// With the `serde` feature it serialises (serialise-only) as what statsmodels' `summary()` reports:
/// `coefficients` (one row per column with `name` when the design has names, `estimate`, `std_error`,
/// `statistic`, `p_value`, `ci_lower`, `ci_upper` at 95 %), `covariance` (row-major), `cov_type`,
/// `reference`, `nobs`, `df_model`, `df_resid`, `r_squared`, `adj_r_squared`, `ssr`, `sigma2`,
/// `fitted` and `residuals`.
///
/// # Examples
/// ```
/// use corridor::stats::regression::{Design, Ols};
/// // y = [1, 3, 2, 4] on t = 0..3: Sxy = 4, Sxx = 5, so b = 0.8 and a = 2.5 − 0.8 · 1.5 = 1.3;
/// // residuals ±0.3, ±0.9 give SSR = 1.8 against TSS = 5.
/// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?.with_names(&["const", "t"])?;
/// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
/// let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
/// assert!(close(fit.coefficients()[0], 1.3) && close(fit.coefficients()[1], 0.8));
/// assert!(close(fit.ssr(), 1.8) && close(fit.r_squared(), 0.64));
/// assert!(close(fit.std_errors()[1], 0.18f64.sqrt())); // √(σ² / Sxx) = √(0.9 / 5)
/// // t = 0.8/√0.18 on 2 degrees of freedom: p = 1 − t/√(2 + t²) = 0.2 exactly.
/// assert!((fit.estimate(1).unwrap().p_value() - 0.2).abs() < 1e-10);
/// assert_eq!(fit.names().unwrap()[1], "t");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OlsFit {
    coef: Coefficients,
    cov_type: CovType,
    resid: Vec<f64>,
    fitted: Vec<f64>,
    ssr: f64,
    tss: f64,
    n: usize,
    has_const: bool,
    names: Option<Vec<String>>,
}

impl OlsFit {
    /// The coefficients `b`, in column order.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// // b = Sxy/Sxx = 4/5, a = ȳ − b t̄ = 2.5 − 1.2.
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let b = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?.coefficients().to_vec();
    /// assert!((b[0] - 1.3).abs() < 1e-12 && (b[1] - 0.8).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn coefficients(&self) -> &[f64] {
        self.coef.params()
    }

    /// Standard errors (square roots of the covariance diagonal).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // σ² = 0.9: intercept √(σ² (1/n + t̄²/Sxx)) = √0.63, slope √(σ²/Sxx) = √0.18.
    /// let se = fit.std_errors();
    /// assert!((se[0] - 0.63f64.sqrt()).abs() < 1e-12 && (se[1] - 0.18f64.sqrt()).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn std_errors(&self) -> Vec<f64> {
        self.coef.std_errors()
    }

    /// Coefficient `j` with its standard error, test and interval; `None` past the last.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// // The Nile's mean shift from index 28 (R 4.2.2: lm(Nile ~ (seq_along(Nile) > 28))).
    /// let nile = [
    ///     1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0, 1110.0, 994.0, 1020.0, 960.0, 1180.0, 799.0, 958.0, 1140.0,
    ///     1100.0, 1210.0, 1150.0, 1250.0, 1260.0, 1220.0, 1030.0, 1100.0, 774.0, 840.0, 874.0, 694.0, 940.0, 833.0, 701.0, 916.0, 692.0, 1020.0, 1050.0, 969.0,
    ///     831.0, 726.0, 456.0, 824.0, 702.0, 1120.0, 1100.0, 832.0, 764.0, 821.0, 768.0, 845.0, 864.0, 862.0, 698.0, 845.0, 744.0, 796.0, 1040.0, 759.0,
    ///     781.0, 865.0, 845.0, 944.0, 984.0, 897.0, 822.0, 1010.0, 771.0, 676.0, 649.0, 846.0, 812.0, 742.0, 801.0, 1040.0, 860.0, 874.0, 848.0, 890.0,
    ///     744.0, 749.0, 838.0, 1050.0, 918.0, 986.0, 797.0, 923.0, 975.0, 815.0, 1020.0, 906.0, 901.0, 1170.0, 912.0, 746.0, 919.0, 718.0, 714.0, 740.0,
    /// ];
    /// let shift: Vec<f64> = (0..100).map(|t| if t >= 28 { 1.0 } else { 0.0 }).collect();
    /// let x = Design::with_intercept(&[&shift[..]])?;
    /// let fit = Ols::new(&x, &nile).fit()?;
    /// let e = fit.estimate(1).unwrap();
    /// assert!((e.value() + 247.777_777_778).abs() < 1e-6);
    /// assert!((e.std_error() - 28.435_201_692).abs() < 1e-6);
    /// assert!(fit.estimate(2).is_none());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn estimate(&self, j: usize) -> Option<Estimate> {
        self.coef.estimate(j)
    }

    /// Every coefficient as an [`Estimate`].
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// let slope = fit.estimates()[1];
    /// assert!((slope.z_or_t() - 0.8 / 0.18f64.sqrt()).abs() < 1e-10);
    /// assert!(slope.confidence_interval(0.95)?.contains(0.0)); // p = 0.2
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn estimates(&self) -> Vec<Estimate> {
        self.coef.estimates()
    }

    /// The covariance matrix of the coefficients, row-major `k x k`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // σ² (X'X)⁻¹ with σ² = 0.9: Var(b) = 0.9/5, Cov(a, b) = −0.9 · 1.5/5.
    /// let v = fit.covariance();
    /// assert!((v[3] - 0.18).abs() < 1e-12 && (v[1] + 0.27).abs() < 1e-12 && v[1] == v[2]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn covariance(&self) -> &[f64] {
        self.coef.covariance()
    }

    /// The covariance type that was used.
    #[must_use]
    pub fn cov_type(&self) -> CovType {
        self.cov_type
    }

    /// The distribution tests and intervals refer to.
    #[must_use]
    pub fn reference(&self) -> Reference {
        self.coef.reference()
    }

    /// Residuals `y - X b`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // Fitted 1.3, 2.1, 2.9, 3.7.
    /// for (r, want) in fit.residuals().iter().zip([-0.3, 0.9, -0.9, 0.3]) {
    ///     assert!((r - want).abs() < 1e-12);
    /// }
    /// assert!((fit.fitted()[3] - 3.7).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn residuals(&self) -> &[f64] {
        &self.resid
    }

    /// Fitted values `X b`.
    #[must_use]
    pub fn fitted(&self) -> &[f64] {
        &self.fitted
    }

    /// Sum of squared residuals.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// // Residuals −0.3, 0.9, −0.9, 0.3.
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// assert!((Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?.ssr() - 1.8).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn ssr(&self) -> f64 {
        self.ssr
    }

    /// `sigma^2 = ssr / (n - k)`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // SSR 1.8 over n − k = 4 − 2.
    /// assert_eq!((fit.nobs(), fit.df_resid(), fit.df_model()), (4, 2.0, 1.0));
    /// assert!((fit.sigma2() - 0.9).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn sigma2(&self) -> f64 {
        self.ssr / self.df_resid()
    }

    /// Residual degrees of freedom `n - k`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// // n − k: 6 observations, intercept and one slope.
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 2.5, 2.0, 4.0, 4.5, 6.0]).fit()?;
    /// assert_eq!((fit.df_resid(), fit.df_model(), fit.nobs()), (4.0, 1.0, 6));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn df_resid(&self) -> f64 {
        (self.n - self.coef.len()) as f64
    }

    /// Model degrees of freedom `k - c` (`c` = 1 with a constant column).
    #[must_use]
    pub fn df_model(&self) -> f64 {
        (self.coef.len() - usize::from(self.has_const)) as f64
    }

    /// Number of observations.
    #[must_use]
    pub fn nobs(&self) -> usize {
        self.n
    }

    /// `R^2` (centred with a constant column, uncentred without, as statsmodels).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // 1 − SSR/TSS = 1 − 1.8/5.
    /// assert!((fit.r_squared() - 0.64).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn r_squared(&self) -> f64 {
        1.0 - self.ssr / self.tss
    }

    /// Adjusted `R^2 = 1 - (n - c)/(n - k) (1 - R^2)`.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// let x = Design::with_intercept(&[[0.0, 1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[1.0, 3.0, 2.0, 4.0]).fit()?;
    /// // 1 − (n − 1)/(n − k) (1 − R²) = 1 − 3/2 · 0.36.
    /// assert!((fit.adj_r_squared() - 0.46).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn adj_r_squared(&self) -> f64 {
        let c = usize::from(self.has_const) as f64;
        1.0 - (self.n as f64 - c) / self.df_resid() * (1.0 - self.r_squared())
    }

    /// Column names, when the design had them.
    #[must_use]
    pub fn names(&self) -> Option<&[String]> {
        self.names.as_deref()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OlsFit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            coefficients: Vec<super::estimate::CoefficientRow<'a>>,
            covariance: &'a [f64],
            cov_type: CovType,
            reference: Reference,
            nobs: usize,
            df_model: f64,
            df_resid: f64,
            r_squared: f64,
            adj_r_squared: f64,
            ssr: f64,
            sigma2: f64,
            fitted: &'a [f64],
            residuals: &'a [f64],
        }
        View {
            coefficients: self.coef.rows(self.names()),
            covariance: self.covariance(),
            cov_type: self.cov_type,
            reference: self.reference(),
            nobs: self.n,
            df_model: self.df_model(),
            df_resid: self.df_resid(),
            r_squared: self.r_squared(),
            adj_r_squared: self.adj_r_squared(),
            ssr: self.ssr,
            sigma2: self.sigma2(),
            fitted: &self.fitted,
            residuals: &self.resid,
        }
        .serialize(s)
    }
}
