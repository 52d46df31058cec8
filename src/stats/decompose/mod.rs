//! Seasonal-trend decomposition by loess (STL), equal to R `stats::stl`.

mod loess;
mod psort;

use super::StatsError;
use super::validate::{check_positive, check_series};
pub use loess::LoessDegree;
use loess::{F001, F999};

/// The seasonal smoothing window of [`stl`].
///
/// # Examples
/// ```
/// use corridor::stats::{stl, StlOptions, decompose::SeasonalWindow};
/// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// let periodic = stl(&y, 4, StlOptions::default().seasonal_window(SeasonalWindow::Periodic))?;
/// // A periodic seasonal component repeats exactly every cycle; R's window is then 10 n + 1.
/// assert!(periodic.seasonal().windows(5).all(|w| w[0] == w[4]));
/// assert_eq!(periodic.windows()[0], 10 * 48 + 1);
/// let moving = stl(&y, 4, StlOptions::default().seasonal_window(SeasonalWindow::Span(7)))?;
/// assert_eq!(moving.windows()[0], 7);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SeasonalWindow {
    /// A loess span (odd, at least 3) in cycles, R `s.window = <odd>`.
    Span(usize),
    /// A seasonal component that is the same every cycle, R `s.window = "periodic"`
    /// (R smooths with span `10 n + 1`, degree 0, then averages each cycle position).
    Periodic,
}

/// Whether [`stl`] downweights outliers.
///
/// # Examples
/// ```
/// use corridor::stats::{stl, StlOptions, decompose::Robustness};
/// let mut y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// y[20] += 60.0; // an outlier upwards
/// y[30] -= 50.0; // and one downwards
/// let standard = stl(&y, 4, StlOptions::default())?;
/// assert!(standard.weights().iter().all(|&w| w == 1.0));
/// let robust = stl(&y, 4, StlOptions::default().robustness(Robustness::Robust))?;
/// // Both outliers get no weight (as in R's `$weights`), so they land in the remainder.
/// assert_eq!((robust.weights()[20], robust.weights()[30]), (0.0, 0.0));
/// assert!(robust.remainder()[20] > 59.0 && robust.remainder()[30] < -49.0);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Robustness {
    /// Plain least-squares loess, R `robust = FALSE` (inner 2, outer 0).
    Standard,
    /// Bisquare robustness weights, R `robust = TRUE` (inner 1, outer 15).
    Robust,
}

/// The options of [`stl`]; [`StlOptions::default`] is R `stl(x, s.window = 7)`.
///
/// Every window left unset takes R's default for the given period:
///
/// | setting | R argument | default |
/// |---|---|---|
/// | [`seasonal_window`](Self::seasonal_window) | `s.window` | `7` |
/// | [`trend_window`](Self::trend_window) | `t.window` | `nextodd(ceiling(1.5 period / (1 - 1.5 / s.window)))` |
/// | [`low_pass_window`](Self::low_pass_window) | `l.window` | `nextodd(period)` |
/// | [`seasonal_degree`](Self::seasonal_degree) | `s.degree` | `0` (constant) |
/// | [`trend_degree`](Self::trend_degree) | `t.degree` | `1` (linear) |
/// | [`low_pass_degree`](Self::low_pass_degree) | `l.degree` | `t.degree` |
/// | [`seasonal_jump`](Self::seasonal_jump), ... | `s.jump`, `t.jump`, `l.jump` | `ceiling(window / 10)` |
/// | [`robustness`](Self::robustness) | `robust` | `FALSE` |
/// | [`inner`](Self::inner) / [`outer`](Self::outer) | `inner` / `outer` | 2 / 0, robust 1 / 15 |
///
/// How to choose: the seasonal window says over how many cycles the seasonal
/// pattern may change (small = fast-changing pattern; `Periodic` = fixed); the
/// trend window (in observations) how smooth the trend is; the low-pass window
/// rarely needs changing. Choose [`Robustness::Robust`] when the series has
/// outliers that should go to the remainder rather than bend the trend.
///
/// # Examples
///
/// ```
/// use corridor::stats::{stl, StlOptions, decompose::{Robustness, SeasonalWindow}};
/// let y: Vec<f64> = (0..96).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// // R: stl(x, s.window = 13, t.window = 21, robust = TRUE)
/// let options = StlOptions::default()
///     .seasonal_window(SeasonalWindow::Span(13))
///     .trend_window(21)
///     .robustness(Robustness::Robust);
/// let fit = stl(&y, 4, options)?;
/// assert_eq!(fit.trend().len(), y.len());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StlOptions {
    seasonal_window: SeasonalWindow,
    trend_window: Option<usize>,
    low_pass_window: Option<usize>,
    seasonal_degree: LoessDegree,
    trend_degree: LoessDegree,
    low_pass_degree: Option<LoessDegree>,
    seasonal_jump: Option<usize>,
    trend_jump: Option<usize>,
    low_pass_jump: Option<usize>,
    robustness: Robustness,
    inner: Option<usize>,
    outer: Option<usize>,
}

impl Default for StlOptions {
    /// R's defaults for `stl(x, s.window = 7)`; the windows left unset follow the period.
    fn default() -> Self {
        Self {
            seasonal_window: SeasonalWindow::Span(7),
            trend_window: None,
            low_pass_window: None,
            seasonal_degree: LoessDegree::Constant,
            trend_degree: LoessDegree::Linear,
            low_pass_degree: None,
            seasonal_jump: None,
            trend_jump: None,
            low_pass_jump: None,
            robustness: Robustness::Standard,
            inner: None,
            outer: None,
        }
    }
}

impl StlOptions {
    /// The seasonal window (R `s.window`): an odd span of at least 3, or periodic.
    #[must_use]
    pub fn seasonal_window(mut self, window: SeasonalWindow) -> Self {
        self.seasonal_window = window;
        self
    }
    /// The trend window in observations (R `t.window`), odd, at least 3.
    #[must_use]
    pub fn trend_window(mut self, window: usize) -> Self {
        self.trend_window = Some(window);
        self
    }
    /// The low-pass window in observations (R `l.window`), odd, at least 3.
    #[must_use]
    pub fn low_pass_window(mut self, window: usize) -> Self {
        self.low_pass_window = Some(window);
        self
    }
    /// Degree of the seasonal loess (R `s.degree`, default constant).
    /// Ignored for [`SeasonalWindow::Periodic`], which R fits with degree 0.
    #[must_use]
    pub fn seasonal_degree(mut self, degree: LoessDegree) -> Self {
        self.seasonal_degree = degree;
        self
    }
    /// Degree of the trend loess (R `t.degree`, default linear).
    #[must_use]
    pub fn trend_degree(mut self, degree: LoessDegree) -> Self {
        self.trend_degree = degree;
        self
    }
    /// Degree of the low-pass loess (R `l.degree`, default the trend degree).
    #[must_use]
    pub fn low_pass_degree(mut self, degree: LoessDegree) -> Self {
        self.low_pass_degree = Some(degree);
        self
    }
    /// Evaluate the seasonal loess every `jump` points (R `s.jump`), at least 1.
    #[must_use]
    pub fn seasonal_jump(mut self, jump: usize) -> Self {
        self.seasonal_jump = Some(jump);
        self
    }
    /// Evaluate the trend loess every `jump` points (R `t.jump`), at least 1.
    #[must_use]
    pub fn trend_jump(mut self, jump: usize) -> Self {
        self.trend_jump = Some(jump);
        self
    }
    /// Evaluate the low-pass loess every `jump` points (R `l.jump`), at least 1.
    #[must_use]
    pub fn low_pass_jump(mut self, jump: usize) -> Self {
        self.low_pass_jump = Some(jump);
        self
    }
    /// Robust fitting (R `robust`); also sets R's iteration defaults.
    #[must_use]
    pub fn robustness(mut self, robustness: Robustness) -> Self {
        self.robustness = robustness;
        self
    }
    /// Inner loop passes (R `inner`), at least 1.
    #[must_use]
    pub fn inner(mut self, passes: usize) -> Self {
        self.inner = Some(passes);
        self
    }
    /// Robustness iterations (R `outer`); 0 means no robustness weights.
    #[must_use]
    pub fn outer(mut self, iterations: usize) -> Self {
        self.outer = Some(iterations);
        self
    }
}

/// An STL decomposition `y = seasonal + trend + remainder`, from [`stl`].
///
/// # Examples
/// ```
/// use corridor::stats::{stl, StlOptions};
/// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// let fit = stl(&y, 4, StlOptions::default())?;
/// // The three components add up to the series.
/// for i in 0..y.len() {
///     let sum = fit.seasonal()[i] + fit.trend()[i] + fit.remainder()[i];
///     assert!((sum - y[i]).abs() < 1e-9);
/// }
/// // R's defaults for period 4 and s.window = 7: t.window = nextodd(⌈6 / (1 − 1.5/7)⌉) = 9,
/// // l.window = nextodd(4) = 5, every jump ⌈window / 10⌉ = 1.
/// assert_eq!(fit.windows(), [7, 9, 5]);
/// assert_eq!(fit.jumps(), [1, 1, 1]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Stl {
    seasonal: Vec<f64>,
    trend: Vec<f64>,
    remainder: Vec<f64>,
    weights: Vec<f64>,
    windows: [usize; 3],
    jumps: [usize; 3],
}

impl Stl {
    /// The seasonal component (R `$time.series[, "seasonal"]`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{stl, StlOptions, decompose::SeasonalWindow};
    /// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
    /// let fit = stl(&y, 4, StlOptions::default().seasonal_window(SeasonalWindow::Periodic))?;
    /// // Close to the pattern +3, −1, −4, +2, and the same in every cycle.
    /// for (s, want) in fit.seasonal()[..4].iter().zip([3.0, -1.0, -4.0, 2.0]) {
    ///     assert!((s - want).abs() < 0.3, "{s}");
    /// }
    /// assert_eq!(fit.seasonal()[0], fit.seasonal()[44]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn seasonal(&self) -> &[f64] {
        &self.seasonal
    }
    /// The trend component (R `$time.series[, "trend"]`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{stl, StlOptions, decompose::SeasonalWindow};
    /// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
    /// let fit = stl(&y, 4, StlOptions::default().seasonal_window(SeasonalWindow::Periodic))?;
    /// // The straight line t away from the ends.
    /// assert!((fit.trend()[24] - 24.0).abs() < 0.1);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn trend(&self) -> &[f64] {
        &self.trend
    }
    /// The remainder `y - seasonal - trend` (R `$time.series[, "remainder"]`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{stl, StlOptions};
    /// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
    /// let fit = stl(&y, 4, StlOptions::default())?;
    /// // What the seasonal and trend components leave: y − seasonal − trend.
    /// let r = fit.remainder()[10];
    /// assert!((r - (y[10] - fit.seasonal()[10] - fit.trend()[10])).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn remainder(&self) -> &[f64] {
        &self.remainder
    }
    /// The final robustness weights (R `$weights`): all 1 unless robust.
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{stl, StlOptions, decompose::Robustness};
    /// let mut y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
    /// y[20] += 60.0;
    /// let fit = stl(&y, 4, StlOptions::default().robustness(Robustness::Robust))?;
    /// // Bisquare weights lie in [0, 1]; the outlier's is (close to) 0.
    /// let w = fit.weights();
    /// assert!(w.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// assert!(w[20] < 0.01);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }
    /// The windows used: seasonal, trend, low-pass (R `$win`; periodic gives `10 n + 1`).
    ///
    /// # Examples
    /// ```
    /// use corridor::stats::{stl, StlOptions, decompose::SeasonalWindow};
    /// // Period 12, s.window = 13: t.window = nextodd(⌈18 / (1 − 1.5/13)⌉) = nextodd(21) = 21,
    /// // l.window = nextodd(12) = 13 (R stl(x, s.window = 13)$win).
    /// let y: Vec<f64> = (0..60).map(|i| f64::from(i % 12) + f64::from(i) / 12.0).collect();
    /// let fit = stl(&y, 12, StlOptions::default().seasonal_window(SeasonalWindow::Span(13)))?;
    /// assert_eq!(fit.windows(), [13, 21, 13]);
    /// assert_eq!(fit.jumps(), [2, 3, 2]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn windows(&self) -> [usize; 3] {
        self.windows
    }
    /// The jumps used: seasonal, trend, low-pass (R `$jump`).
    #[must_use]
    pub fn jumps(&self) -> [usize; 3] {
        self.jumps
    }
}

/// R's `nextodd(x)`: round, and add one if even.
fn nextodd(x: f64) -> usize {
    let r = x.round() as usize;
    if r.is_multiple_of(2) { r + 1 } else { r }
}

fn check_window(name: &'static str, w: usize) -> Result<(), StatsError> {
    if w < 3 || w.is_multiple_of(2) {
        return Err(StatsError::InvalidParameter {
            name,
            value: w.to_string(),
            reason: "must be an odd integer of at least 3",
        });
    }
    Ok(())
}

/// Seasonal-trend decomposition by loess, equal to R `stl` (Cleveland,
/// Cleveland, `McRae` & Terpenning 1990, as implemented in R's `stl.f`).
///
/// Each inner pass detrends `y`, smooths every cycle-subseries with loess
/// (window `s`, extended by one point at each end), removes the low-frequency
/// part of that (moving averages of lengths `period`, `period`, 3 followed by a
/// loess of window `l`) to get the seasonal, and smooths `y - seasonal` with
/// loess (window `t`) to get the trend. Robust fitting repeats this `outer`
/// times with bisquare weights `(1 - (r / h)^2)^2`, `h = 6 median|r|`.
/// Loess is evaluated every `jump` points and interpolated linearly between.
///
/// Matches R 4.2 `stl` to about `1e-12` relative (tests use `1e-9`) on
/// `AirPassengers` with `s.window = 7`, robust and periodic, and on `co2`,
/// `nottem` and a daily series with period 7 (`tests/reference-scripts/ts.R`).
/// The robust median is taken with R's own partial sort, which does not always
/// return the exact median; we reproduce it, because the robust iterations
/// amplify the difference (0.1 on `AirPassengers` with an exact median).
///
/// # Arguments
/// - `y`: the series, without gaps (interpolate first: STL takes no gaps).
/// - `period`: observations per cycle (R `frequency(x)`), at least 2.
///
/// - `options`: windows, degrees, jumps and robustness; [`StlOptions::default()`] is R
///   `stl(x, s.window = 7)`.
///
/// A procedure configured then applied (DESIGN.md): the options hold no data.
///
/// # Complexity
///
/// `O((inner) (outer + 1) n (s + t / t_jump + l / l_jump))` time with the
/// default jumps about `O(n (s + 20))` per pass; `O(n + period)` memory.
///
/// # Errors
/// [`StatsError::InvalidParameter`] if `period < 2`, a window is even or below 3,
/// a jump or `inner` is 0; [`StatsError::TooShort`] unless `n > 2 period`
/// (R: "series is not periodic or has less than two periods");
/// [`StatsError::NonFinite`] at the first NaN or infinite value;
/// [`StatsError::Degenerate`] if the values are so large that the fit overflows.
///
/// # Examples
///
/// ```
/// use corridor::stats::{stl, StlOptions};
/// let y: Vec<f64> = (0..48).map(|i| f64::from(i) + [3.0, -1.0, -4.0, 2.0][i as usize % 4]).collect();
/// let fit = stl(&y, 4, StlOptions::default())?;
/// for i in 0..y.len() {
///     let sum = fit.seasonal()[i] + fit.trend()[i] + fit.remainder()[i];
///     assert!((sum - y[i]).abs() < 1e-9);
/// }
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn stl(y: &[f64], period: usize, options: StlOptions) -> crate::stats::error::Result<Stl> {
    stl_impl(y, period, &options)
}

#[allow(clippy::too_many_lines)] // validation, then R's driver loop
fn stl_impl(y: &[f64], period: usize, o: &StlOptions) -> Result<Stl, StatsError> {
    if period < 2 {
        return Err(StatsError::InvalidParameter {
            name: "period",
            value: period.to_string(),
            reason: "must be at least 2",
        });
    }
    let n = y.len();
    check_series("stl", y, period.saturating_mul(2).saturating_add(1))?;
    let (s_window, s_degree, periodic) = match o.seasonal_window {
        SeasonalWindow::Span(w) => {
            check_window("seasonal window", w)?;
            (w, o.seasonal_degree, false)
        }
        SeasonalWindow::Periodic => (10 * n + 1, LoessDegree::Constant, true),
    };
    let t_window = match o.trend_window {
        Some(w) => w,
        None => nextodd((1.5 * period as f64 / (1.0 - 1.5 / s_window as f64)).ceil()),
    };
    check_window("trend window", t_window)?;
    let l_window = o.low_pass_window.unwrap_or_else(|| nextodd(period as f64));
    check_window("low-pass window", l_window)?;
    let l_degree = o.low_pass_degree.unwrap_or(o.trend_degree);
    let s_jump = o.seasonal_jump.unwrap_or(s_window.div_ceil(10));
    let t_jump = o.trend_jump.unwrap_or(t_window.div_ceil(10));
    let l_jump = o.low_pass_jump.unwrap_or(l_window.div_ceil(10));
    check_positive("seasonal jump", s_jump)?;
    check_positive("trend jump", t_jump)?;
    check_positive("low-pass jump", l_jump)?;
    let robust = o.robustness == Robustness::Robust;
    let inner = o.inner.unwrap_or(if robust { 1 } else { 2 });
    let outer = o.outer.unwrap_or(if robust { 15 } else { 0 });
    check_positive("inner", inner)?;

    let mut ws = Workspace::new(n, period);
    let p = Params {
        np: period,
        ns: s_window,
        nt: t_window,
        nl: l_window,
        isdeg: s_degree,
        itdeg: o.trend_degree,
        ildeg: l_degree,
        nsjump: s_jump,
        ntjump: t_jump,
        nljump: l_jump,
    };
    let mut season = vec![0.0; n];
    let mut trend = vec![0.0; n];
    let mut rw = vec![0.0; n];
    let mut userw = false;
    let mut k = 0;
    loop {
        stlstp(
            y,
            &p,
            inner,
            userw.then_some(rw.as_slice()),
            &mut season,
            &mut trend,
            &mut ws,
        );
        if !season.iter().chain(trend.iter()).all(|v| v.is_finite()) {
            return Err(StatsError::Degenerate {
                method: "stl",
                reason: "the fit overflowed (values too large for f64 arithmetic)",
            });
        }
        k += 1;
        if k > outer {
            break;
        }
        for i in 0..n {
            ws.w1[i] = trend[i] + season[i];
        }
        robustness_weights(y, &ws.w1[..n], &mut rw, &mut ws.w2);
        userw = true;
    }
    if outer == 0 {
        rw.fill(1.0);
    }
    if periodic {
        let mut sums = vec![0.0; period];
        let mut counts = vec![0usize; period];
        for (i, s) in season.iter().enumerate() {
            sums[i % period] += s;
            counts[i % period] += 1;
        }
        for (i, s) in season.iter_mut().enumerate() {
            *s = sums[i % period] / counts[i % period] as f64;
        }
    }
    let remainder = (0..n).map(|i| y[i] - season[i] - trend[i]).collect();
    Ok(Stl {
        seasonal: season,
        trend,
        remainder,
        weights: rw,
        windows: [s_window, t_window, l_window],
        jumps: [s_jump, t_jump, l_jump],
    })
}

struct Params {
    np: usize,
    ns: usize,
    nt: usize,
    nl: usize,
    isdeg: LoessDegree,
    itdeg: LoessDegree,
    ildeg: LoessDegree,
    nsjump: usize,
    ntjump: usize,
    nljump: usize,
}

/// Scratch for the inner loop (R's `work` array, less the loess scratch the fused estimate does without), plus the subseries scratch.
struct Workspace {
    w1: Vec<f64>,
    w2: Vec<f64>,
    w3: Vec<f64>,
    sub_y: Vec<f64>,
    sub_fit: Vec<f64>,
    sub_rw: Vec<f64>,
}

impl Workspace {
    fn new(n: usize, np: usize) -> Self {
        let m = n + 2 * np;
        let k = n / np + 3;
        Self {
            w1: vec![0.0; m],
            w2: vec![0.0; m],
            w3: vec![0.0; m],
            sub_y: vec![0.0; k],
            sub_fit: vec![0.0; k],
            sub_rw: vec![0.0; k],
        }
    }
}

/// R `stlstp`: `inner` passes of the inner loop.
fn stlstp(
    y: &[f64],
    p: &Params,
    inner: usize,
    rw: Option<&[f64]>,
    season: &mut [f64],
    trend: &mut [f64],
    ws: &mut Workspace,
) {
    let n = y.len();
    let np = p.np;
    for _ in 0..inner {
        for i in 0..n {
            ws.w1[i] = y[i] - trend[i];
        }
        stlss(
            &ws.w1[..n],
            p,
            rw,
            &mut ws.w2,
            &mut ws.sub_y,
            &mut ws.sub_fit,
            &mut ws.sub_rw,
        );
        // Low-pass filter of the (n + 2 np) cycle-subseries smooth.
        moving_average(&ws.w2[..n + 2 * np], np, &mut ws.w3);
        moving_average(&ws.w3[..=n + np], np, &mut ws.w1);
        moving_average(&ws.w1[..n + 2], 3, &mut ws.w3);
        loess::smooth(&ws.w3[..n], p.nl, p.ildeg, p.nljump, None, &mut ws.w1[..n]);
        for (i, s) in season.iter_mut().enumerate() {
            *s = ws.w2[np + i] - ws.w1[i];
        }
        for i in 0..n {
            ws.w1[i] = y[i] - season[i];
        }
        loess::smooth(&ws.w1[..n], p.nt, p.itdeg, p.ntjump, rw, trend);
    }
}

/// R `stlss`: smooth each cycle-subseries, extended one point at each end.
fn stlss(
    y: &[f64],
    p: &Params,
    rw: Option<&[f64]>,
    season: &mut [f64],
    sub_y: &mut [f64],
    sub_fit: &mut [f64],
    sub_rw: &mut [f64],
) {
    let n = y.len();
    let np = p.np;
    let ns = p.ns;
    for j in 1..=np {
        let k = (n - j) / np + 1;
        for i in 1..=k {
            sub_y[i - 1] = y[(i - 1) * np + j - 1];
        }
        let sub_rw = match rw {
            Some(rw) => {
                for i in 1..=k {
                    sub_rw[i - 1] = rw[(i - 1) * np + j - 1];
                }
                Some(&sub_rw[..k])
            }
            None => None,
        };
        let ys = &sub_y[..k];
        loess::smooth(ys, ns, p.isdeg, p.nsjump, sub_rw, &mut sub_fit[1..=k]);
        let nright = ns.min(k);
        sub_fit[0] = loess::estimate(ys, ns, p.isdeg, 0.0, 1, nright, sub_rw).unwrap_or(sub_fit[1]);
        let nleft = if k + 1 > ns { k - ns + 1 } else { 1 };
        sub_fit[k + 1] = loess::estimate(ys, ns, p.isdeg, (k + 1) as f64, nleft, k, sub_rw).unwrap_or(sub_fit[k]);
        for m in 1..=k + 2 {
            season[(m - 1) * np + j - 1] = sub_fit[m - 1];
        }
    }
}

/// R `stlma`: moving average of length `len`; writes `x.len() - len + 1` values.
fn moving_average(x: &[f64], len: usize, ave: &mut [f64]) {
    let newn = x.len() - len + 1;
    let flen = len as f64;
    let mut v: f64 = x[..len].iter().sum();
    ave[0] = v / flen;
    for j in 1..newn {
        v = v - x[j - 1] + x[len + j - 1];
        ave[j] = v / flen;
    }
}

/// R `stlrwt`: bisquare weights on `|y - fit|` scaled by `6 median`, the median
/// taken with R's `psort` (see that module for why).
fn robustness_weights(y: &[f64], fit: &[f64], rw: &mut [f64], scratch: &mut [f64]) {
    let n = y.len();
    let r = &mut scratch[..n];
    for i in 0..n {
        r[i] = (y[i] - fit[i]).abs();
    }
    let mid1 = n / 2 + 1;
    let mid2 = n - mid1 + 1;
    psort::psort(r, &[mid1, mid2]);
    let (a, b) = (r[mid1 - 1], r[mid2 - 1]);
    let cmad = 3.0 * (a + b);
    let c9 = F999 * cmad;
    let c1 = F001 * cmad;
    for i in 0..n {
        let r = (y[i] - fit[i]).abs();
        rw[i] = if r <= c1 {
            1.0
        } else if r <= c9 {
            let q = r / cmad;
            let t = 1.0 - q * q;
            t * t
        } else {
            0.0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nextodd_matches_r() {
        assert_eq!(nextodd(12.0), 13);
        assert_eq!(nextodd(13.0), 13);
        assert_eq!(nextodd(22.4), 23);
    }

    #[test]
    fn default_windows_for_monthly_data_are_r_defaults() {
        // R stl(AirPassengers, s.window = 7)$win = c(s = 7, t = 23, l = 13), $deg 0 1 1, $jump 1 3 2.
        let y: Vec<f64> = (0..36).map(|i| f64::from(i % 12)).collect();
        let fit = stl(&y, 12, StlOptions::default()).unwrap();
        assert_eq!(fit.windows(), [7, 23, 13]);
        assert_eq!(fit.jumps(), [1, 3, 2]);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let y = vec![1.0; 30];
        assert!(stl(&y, 1, StlOptions::default()).is_err());
        assert!(stl(&y[..24], 12, StlOptions::default()).is_err());
        assert!(stl(&y, 4, StlOptions::default().trend_window(4)).is_err());
        assert!(stl(&y, 4, StlOptions::default().seasonal_window(SeasonalWindow::Span(1))).is_err());
        assert!(stl(&y, 4, StlOptions::default().low_pass_window(2)).is_err());
        assert!(stl(&y, 4, StlOptions::default().trend_jump(0)).is_err());
        assert!(stl(&y, 4, StlOptions::default().inner(0)).is_err());
        let mut z = y.clone();
        z[3] = f64::NAN;
        assert!(stl(&z, 4, StlOptions::default()).is_err());
    }
}
