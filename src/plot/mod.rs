//! SVG charts of flows, fits and networks (feature `plot`).
//!
//! Each function reads values that the domain and `stats` modules computed and returns the text of a
//! standalone SVG document; nothing in the crate imports this module. Styling is plain: white
//! background, light grid, the Okabe–Ito colour-blind-safe palette, a title, axis labels with
//! thousands separators, and the sources in a caption under the chart.
//!
//! | chart | function |
//! |---|---|
//! | a [`FlowSeries`](crate::flow::FlowSeries) with its gaps as gaps, changepoints as vertical rules, reference figures as horizontal rules; as a line or as bars | [`series_svg`] |
//! | STL panels: data, trend, seasonal, remainder | [`stl_svg`] |
//! | interrupted time series: data, fitted line, counterfactual with its band, the event | [`its_svg`] |
//! | forecast fan: history, mean forecast, 80 % and 95 % intervals | [`forecast_svg`] |
//! | resilience curves of several attack strategies, side by side | [`resilience_svg`] |
//! | a simulation run's stocks (people held at the end of each day) per place | [`stocks_svg`] |
//!
//! The SVG is drawn with `plotters`' SVG backend and no font files: text is written as SVG `<text>`
//! elements in the `sans-serif` family and laid out by whatever shows the file (a browser, Inkscape,
//! `rsvg-convert`).
//!
//! # Examples
//! ```
//! use corridor::Count;
//! use corridor::flow::FlowSeries;
//! use corridor::plot::{SeriesChart, series_svg};
//!
//! let s = FlowSeries::new(
//!     "2024-01".parse()?,
//!     vec![Some(Count::exact(36_001)), Some(Count::exact(37_166)), None, Some(Count::exact(29_000))],
//! )?;
//! let svg = series_svg(&s, &SeriesChart::default().title("Crossings per month").changepoints(&[3]))?;
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("Crossings per month"));
//! # Ok::<(), corridor::Error>(())
//! ```

mod forecast;
mod frame;
mod its;
mod resilience;
mod series;
mod stl;
mod stocks;

pub use forecast::forecast_svg;
pub use its::its_svg;
pub use resilience::resilience_svg;
pub use series::{SeriesChart, series_svg};
pub use stl::stl_svg;
pub use stocks::{StocksChart, stocks_svg};

/// Why a chart could not be drawn.
///
/// # Examples
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::plot::{Chart, PlotError, SeriesChart, series_svg};
/// use corridor::Count;
/// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(10)), Some(Count::exact(12))])?;
/// // A changepoint past the end of the series.
/// let err = series_svg(&s, &SeriesChart::default().changepoints(&[5])).unwrap_err();
/// assert!(matches!(err, corridor::Error::Plot(PlotError::Index { index: 5, len: 2, .. })));
/// // A chart too small to draw.
/// let err = series_svg(&s, &SeriesChart::default().chart(Chart::default().size(100, 100))).unwrap_err();
/// assert!(matches!(err, corridor::Error::Plot(PlotError::Size { width: 100, height: 100 })));
/// // Only gaps: nothing to draw.
/// let gaps = FlowSeries::new("2024-01".parse()?, vec![None, None])?;
/// assert!(matches!(series_svg(&gaps, &SeriesChart::default()), Err(corridor::Error::Plot(PlotError::NoData { .. }))));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlotError {
    /// There is no value to draw.
    #[error("nothing to draw: {what} has no value")]
    NoData {
        /// What was empty.
        what: &'static str,
    },
    /// Two inputs that must have the same length do not.
    #[error("{what}: {got} values where {expected} are needed")]
    Length {
        /// Which input.
        what: &'static str,
        /// The length needed.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// An index (a changepoint, an intervention) is past the end of the series.
    #[error("{what} {index} is past the end of a series of {len} values")]
    Index {
        /// What the index marks.
        what: &'static str,
        /// The index given.
        index: usize,
        /// The length of the series.
        len: usize,
    },
    /// A value that must be finite is not.
    #[error("{what} must be finite, got {value}")]
    NotFinite {
        /// Which value.
        what: &'static str,
        /// Its text.
        value: String,
    },
    /// A name (a place of a simulation) that the data do not have.
    #[error("no {what} is called {name:?}")]
    UnknownName {
        /// What was named.
        what: &'static str,
        /// The name given.
        name: String,
    },
    /// More series than the chart has colours for.
    #[error("too many {what}: {got} (at most {max}, one colour each)")]
    TooMany {
        /// What was counted.
        what: &'static str,
        /// How many were asked for.
        got: usize,
        /// The most the chart draws.
        max: usize,
    },
    /// The chart size is outside 200..=10,000 by 150..=10,000 pixels.
    #[error("chart size {width}x{height} is outside 200..=10000 by 150..=10000 pixels")]
    Size {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
    },
    /// The drawing backend failed (it writes to a string, so this does not happen in practice).
    #[error("drawing failed: {reason}")]
    Draw {
        /// plotters' message.
        reason: String,
    },
}

/// Options that every chart takes: title, size in pixels, and a note for the caption.
///
/// # Examples
/// ```
/// use corridor::plot::Chart;
/// let c = Chart::default().title("Resilience").size(1000, 420).note("Simulated network.");
/// assert_eq!(c.width(), 1000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    title: Option<String>,
    width: u32,
    height: u32,
    y_label: Option<String>,
    note: Option<String>,
}

impl Default for Chart {
    fn default() -> Self {
        Self {
            title: None,
            width: 900,
            height: 480,
            y_label: None,
            note: None,
        }
    }
}

impl Chart {
    /// The title at the top (each chart has a default).
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Width and height in pixels (default 900 × 480; each within 200..=10,000 and 150..=10,000).
    #[must_use]
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    /// The description of the value axis (each chart has a default).
    #[must_use]
    pub fn y_label(mut self, label: impl Into<String>) -> Self {
        self.y_label = Some(label.into());
        self
    }

    /// A note printed in the caption above the sources (one caption line per text line).
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Width in pixels.
    #[must_use]
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    #[must_use]
    pub fn height(&self) -> u32 {
        self.height
    }

    fn title_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.title.as_deref().unwrap_or(default)
    }

    fn y_label_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.y_label.as_deref().unwrap_or(default)
    }
}
