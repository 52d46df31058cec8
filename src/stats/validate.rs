//! Input checks shared by every statistic: one place, one set of messages.

use super::StatsError;

/// Errors unless `copies` buffers of `count` values of `T` could be allocated (a horizon, a number of
/// paths): a size past the address space is refused without trying, others are reserved with
/// `try_reserve_exact` and released, so an absurd size from the caller is an error, not an abort.
pub(crate) fn check_alloc<T>(name: &'static str, count: usize, copies: usize) -> Result<(), StatsError> {
    let refuse = || StatsError::InvalidParameter {
        name,
        value: count.to_string(),
        reason: "too large: the values cannot be allocated",
    };
    let total = count.checked_mul(copies.max(1)).ok_or_else(refuse)?;
    let bytes = total.checked_mul(std::mem::size_of::<T>()).ok_or_else(refuse)?;
    if isize::try_from(bytes).is_err() {
        return Err(refuse());
    }
    let mut trial: Vec<T> = Vec::new();
    trial.try_reserve_exact(total).map_err(|_| refuse())
}

/// Errors unless `xs` has at least `needed` elements.
pub(crate) fn check_len(method: &'static str, len: usize, needed: usize) -> Result<(), StatsError> {
    if len < needed {
        return Err(StatsError::TooShort {
            method,
            needed,
            got: len,
        });
    }
    Ok(())
}

/// Errors at the first NaN or infinite value.
pub(crate) fn check_finite(xs: &[f64]) -> Result<(), StatsError> {
    match xs.iter().position(|x| !x.is_finite()) {
        Some(index) => Err(StatsError::NonFinite {
            index,
            value: xs[index],
        }),
        None => Ok(()),
    }
}

/// Errors unless `xs` has at least `needed` elements, all finite.
pub(crate) fn check_series(method: &'static str, xs: &[f64], needed: usize) -> Result<(), StatsError> {
    check_len(method, xs.len(), needed)?;
    check_finite(xs)
}

/// Errors unless `0 < level < 1` (a confidence level).
pub(crate) fn check_level(level: f64) -> Result<(), StatsError> {
    if level.is_finite() && level > 0.0 && level < 1.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name: "confidence level",
            value: level.to_string(),
            reason: "must lie strictly between 0 and 1",
        })
    }
}

/// Errors unless `0 < value < 1` (a significance level, a probability); `name` names the parameter.
pub(crate) fn check_open_unit(name: &'static str, value: f64) -> Result<(), StatsError> {
    if value.is_finite() && value > 0.0 && value < 1.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidParameter {
            name,
            value: value.to_string(),
            reason: "must lie strictly between 0 and 1",
        })
    }
}

/// Errors unless a count (a window, a period, a number of replicates, …) is at least 1; `name` names it.
pub(crate) fn check_positive(name: &'static str, k: usize) -> Result<(), StatsError> {
    if k == 0 {
        return Err(StatsError::InvalidParameter {
            name,
            value: "0".to_owned(),
            reason: "must be at least 1",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_short_names_method_and_lengths() {
        let e = check_len("mann-kendall", 1, 2).unwrap_err();
        assert_eq!(e.to_string(), "mann-kendall needs at least 2 observations, got 1");
    }

    #[test]
    fn non_finite_names_index() {
        let e = check_finite(&[1.0, f64::NAN]).unwrap_err();
        assert!(matches!(e, StatsError::NonFinite { index: 1, .. }));
        assert!(check_series("x", &[1.0, f64::INFINITY], 1).is_err());
    }

    #[test]
    fn level_must_be_inside_unit_interval() {
        assert!(check_level(0.95).is_ok());
        for bad in [0.0, 1.0, -0.5, f64::NAN] {
            assert!(matches!(check_level(bad), Err(StatsError::InvalidParameter { .. })));
            assert!(matches!(
                check_open_unit("alpha", bad),
                Err(StatsError::InvalidParameter { name: "alpha", .. })
            ));
        }
    }
}
