//! Linear regression: a dense design matrix, ordinary least squares by
//! Householder QR, and classical, heteroskedasticity-robust (HC0–HC3) and
//! Newey–West (HAC) covariances.

mod covariance;
mod estimate;
mod ols;
pub(crate) mod qr;

pub use covariance::{CovType, SmallSample};
#[cfg(feature = "serde")]
pub(crate) use estimate::CoefficientRow;
pub(crate) use estimate::Coefficients;
pub use estimate::{Estimate, Reference, TestDistribution};
pub(crate) use ols::fit_ols as fit_ols_internal;
pub use ols::{Ols, OlsFit};

use crate::stats::StatsError;
use crate::stats::validate::check_finite;

/// A dense design matrix (observations in rows, regressors in columns), stored
/// column by column.
///
/// Built from columns; every value must be finite. Column names are optional.
///
/// # Examples
/// ```
/// use corridor::stats::regression::Design;
/// let t = [0.0, 1.0, 2.0, 3.0];
/// let x = Design::with_intercept(&[&t[..]])?.with_names(&["const", "t"])?;
/// assert_eq!((x.nrows(), x.ncols()), (4, 2));
/// assert_eq!(x.column(1), Some(&t[..]));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    nrows: usize,
    ncols: usize,
    data: Vec<f64>,
    names: Option<Vec<String>>,
}

impl Design {
    /// A design from its columns (each of the same length, all values finite).
    ///
    /// # Errors
    /// [`StatsError::TooShort`] with no column or no row,
    /// [`StatsError::LengthMismatch`] when columns differ in length,
    /// [`StatsError::NonFinite`] at the first NaN or infinite value (its index
    /// is `column * nrows + row`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::regression::{Design, Ols};
    /// // Regression through the origin: b = Σxy / Σx² = (2 + 8 + 19.5) / 14.
    /// let x = Design::from_columns(&[[1.0, 2.0, 3.0]])?;
    /// let fit = Ols::new(&x, &[2.0, 4.0, 6.5]).fit()?;
    /// assert!((fit.coefficients()[0] - 29.5 / 14.0).abs() < 1e-12);
    /// assert_eq!((x.ncols(), x.names()), (1, None));
    /// // Without a constant column R² is uncentred: 1 − SSR / Σy².
    /// assert!((fit.r_squared() - (1.0 - fit.ssr() / (4.0 + 16.0 + 42.25))).abs() < 1e-12);
    /// assert!(Design::from_columns(&[vec![1.0, 2.0], vec![1.0]]).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_columns<C: AsRef<[f64]>>(columns: &[C]) -> crate::stats::error::Result<Self> {
        let Some(first) = columns.first() else {
            return Err(StatsError::TooShort {
                method: "design matrix columns",
                needed: 1,
                got: 0,
            });
        };
        let nrows = first.as_ref().len();
        if nrows == 0 {
            return Err(StatsError::TooShort {
                method: "design matrix rows",
                needed: 1,
                got: 0,
            });
        }
        let mut data = Vec::with_capacity(nrows * columns.len());
        for c in columns {
            let c = c.as_ref();
            if c.len() != nrows {
                return Err(StatsError::LengthMismatch {
                    what: "design matrix column",
                    expected: nrows,
                    got: c.len(),
                });
            }
            data.extend_from_slice(c);
        }
        check_finite(&data)?;
        Ok(Self {
            nrows,
            ncols: columns.len(),
            data,
            names: None,
        })
    }

    /// A design whose first column is the intercept (all ones), followed by `columns`.
    ///
    /// # Errors
    /// As [`Design::from_columns`]; an empty `columns` is a
    /// [`StatsError::TooShort`] (the number of rows would be unknown).
    pub fn with_intercept<C: AsRef<[f64]>>(columns: &[C]) -> crate::stats::error::Result<Self> {
        let n = columns.first().map_or(0, |c| c.as_ref().len());
        let mut all: Vec<&[f64]> = Vec::with_capacity(columns.len() + 1);
        let ones = vec![1.0; n];
        all.push(&ones);
        all.extend(columns.iter().map(AsRef::as_ref));
        if columns.is_empty() {
            return Err(StatsError::TooShort {
                method: "design matrix with intercept (regressors)",
                needed: 1,
                got: 0,
            });
        }
        Self::from_columns(&all)
    }

    /// Names the columns.
    ///
    /// # Errors
    /// [`StatsError::LengthMismatch`] unless there is one name per column.
    pub fn with_names<S: AsRef<str>>(mut self, names: &[S]) -> crate::stats::error::Result<Self> {
        if names.len() != self.ncols {
            return Err(StatsError::LengthMismatch {
                what: "column names",
                expected: self.ncols,
                got: names.len(),
            });
        }
        self.names = Some(names.iter().map(|s| s.as_ref().to_owned()).collect());
        Ok(self)
    }

    /// Number of observations.
    #[must_use]
    pub fn nrows(&self) -> usize {
        self.nrows
    }

    /// Number of regressors.
    #[must_use]
    pub fn ncols(&self) -> usize {
        self.ncols
    }

    /// Column `j`, or `None` past the last column.
    #[must_use]
    pub fn column(&self, j: usize) -> Option<&[f64]> {
        (j < self.ncols).then(|| &self.data[j * self.nrows..(j + 1) * self.nrows])
    }

    /// The column names, if set.
    #[must_use]
    pub fn names(&self) -> Option<&[String]> {
        self.names.as_deref()
    }

    /// The column-major data.
    pub(crate) fn data(&self) -> &[f64] {
        &self.data
    }

    /// Whether column `j` is a non-zero constant (an intercept).
    pub(crate) fn is_constant_column(&self, j: usize) -> bool {
        self.column(j)
            .is_some_and(|c| c[0] != 0.0 && c.iter().all(|&v| v == c[0]))
    }

    /// Builds from column-major data already checked finite.
    pub(crate) fn from_raw(nrows: usize, ncols: usize, data: Vec<f64>) -> Self {
        debug_assert_eq!(data.len(), nrows * ncols);
        Self {
            nrows,
            ncols,
            data,
            names: None,
        }
    }

    /// Sets names without checks (internal builders).
    pub(crate) fn set_names(&mut self, names: Vec<String>) {
        debug_assert_eq!(names.len(), self.ncols);
        self.names = Some(names);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn construction_errors() {
        let none: [&[f64]; 0] = [];
        assert!(Design::from_columns(&none).is_err());
        assert!(Design::from_columns(&[&[][..]]).is_err());
        assert!(Design::from_columns(&[&[1.0, 2.0][..], &[1.0][..]]).is_err());
        assert!(Design::from_columns(&[&[1.0, f64::NAN][..]]).is_err());
        assert!(Design::with_intercept(&none).is_err());
        let d = Design::from_columns(&[&[1.0, 2.0][..]]).unwrap();
        assert!(d.clone().with_names(&["a", "b"]).is_err());
        assert_eq!(d.column(1), None);
    }
}
