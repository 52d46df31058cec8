//! A flow series over time: gaps as gaps, changepoints as vertical rules, reference figures as
//! horizontal rules.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    self, ACCENT, Axis, FONT, INK, SECOND, caption_lines, check_size, draw_err, draw_gapped, extent, panel,
    series_points, thousands, tick_label, time_axis, time_ticks,
};
use super::{Chart, PlotError};
use crate::flow::FlowSeries;

/// Colours of reference rules: orange, bluish green, reddish purple, sky blue (Okabe–Ito).
const REFERENCES: [RGBColor; 4] = [SECOND, frame::PALETTE[3], frame::PALETTE[7], frame::PALETTE[2]];

/// Options of [`series_svg`].
///
/// # Examples
/// ```
/// use corridor::plot::SeriesChart;
/// let c = SeriesChart::default()
///     .title("Darién Gap crossings")
///     .changepoints(&[16, 37])
///     .reference("a normal year (statement)", 10_000.0);
/// # let _ = c;
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeriesChart {
    chart: Chart,
    changepoints: Vec<usize>,
    per_day: bool,
    bars: bool,
    references: Vec<(String, f64)>,
}

impl SeriesChart {
    /// Indices where a new segment starts (0-based, as [`crate::stats::Pelt`] returns them): each is
    /// drawn as a vertical rule between the period before and the period at the index, labelled with
    /// that period.
    #[must_use]
    pub fn changepoints(mut self, at: &[usize]) -> Self {
        self.changepoints = at.to_vec();
        self
    }

    /// Draw people per day (each value divided by its period's number of days) instead of counts.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::plot::{SeriesChart, series_svg};
    /// use corridor::Count;
    /// // 3,100 in January and 2,800 in February: 100 a day both months.
    /// let s = FlowSeries::new("2023-01".parse()?, vec![Some(Count::exact(3_100)), Some(Count::exact(2_800))])?;
    /// let svg = series_svg(&s, &SeriesChart::default().per_day(true).bars(true))?;
    /// assert!(svg.starts_with("<svg") && !svg.contains("3,100"));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn per_day(mut self, per_day: bool) -> Self {
        self.per_day = per_day;
        self
    }

    /// Draw bars (one per period; none for a gap) instead of a line.
    #[must_use]
    pub fn bars(mut self, bars: bool) -> Self {
        self.bars = bars;
        self
    }

    /// A horizontal rule at `value` with its label, for a figure to set beside the data (a statement's
    /// peak, a normal year).
    #[must_use]
    pub fn reference(mut self, label: impl Into<String>, value: f64) -> Self {
        self.references.push((label.into(), value));
        self
    }

    /// The shared options (title, size, caption note); see [`Chart`].
    #[must_use]
    pub fn chart(mut self, chart: Chart) -> Self {
        self.chart = chart;
        self
    }

    /// The title (default "Flows per month", "per quarter", …).
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.chart = self.chart.title(title);
        self
    }
}

/// Draws a [`FlowSeries`]: its point values over time, each gap left as a gap (a line is broken
/// there; an isolated value is a dot), changepoints as labelled vertical rules, reference figures as
/// labelled horizontal rules; the value axis starts at zero and has thousands separators; the series'
/// sources are in the caption.
///
/// # Errors
/// [`PlotError::NoData`] when the series is empty or all gaps, [`PlotError::Index`] for a changepoint
/// past its end, [`PlotError::NotFinite`] for a reference value that is NaN or infinite,
/// [`PlotError::Size`] for a size out of range; as [`crate::Error::Plot`].
///
/// # Examples
/// ```
/// use corridor::Count;
/// use corridor::flow::FlowSeries;
/// use corridor::plot::{SeriesChart, series_svg};
///
/// let s = FlowSeries::new("2021-01".parse()?, (1..=24).map(|m| Some(Count::exact(m * 1_000))).collect())?;
/// let svg = series_svg(&s, &SeriesChart::default().changepoints(&[12]))?;
/// assert!(svg.contains("2022-01")); // the changepoint's label
/// assert!(svg.contains("20,000")); // a value-axis label
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn series_svg(series: &FlowSeries, chart: &SeriesChart) -> crate::Result<String> {
    Ok(draw(series, chart)?)
}

fn draw(series: &FlowSeries, options: &SeriesChart) -> Result<String, PlotError> {
    let chart = &options.chart;
    check_size(chart)?;
    let (periods, mut values) = series_points(series)?;
    if options.per_day {
        for (v, p) in values.iter_mut().zip(&periods) {
            *v = v.map(|v| v / f64::from(p.days()));
        }
    }
    for &c in &options.changepoints {
        if c >= values.len() {
            return Err(PlotError::Index {
                what: "changepoint",
                index: c,
                len: values.len(),
            });
        }
    }
    for (_, v) in &options.references {
        if !v.is_finite() {
            return Err(PlotError::NotFinite {
                what: "reference value",
                value: v.to_string(),
            });
        }
    }
    let (_, hi) = extent(values.iter().flatten().chain(options.references.iter().map(|(_, v)| v)))
        .ok_or(PlotError::NoData { what: "the series" })?;
    let g = series.granularity();
    let default_title = format!("Flows per {}", g.as_str());
    let default_y = if options.per_day {
        "people per day".to_owned()
    } else {
        format!("people per {}", g.as_str())
    };

    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let caption = caption_lines(chart, series.sources());
        let body = frame::frame(&root, chart.title_or(&default_title), &caption)?;
        let ticks = time_ticks(&periods);
        let x = time_axis(&periods, &ticks);
        let y = Axis::nice(0.0, hi * 1.04, 5);
        let labels = |v: &f64| tick_label(&ticks, *v);
        let mut p = panel(&body, None, x, &labels, y, chart.y_label_or(&default_y), "")?;
        if options.bars {
            let bars = values.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| Rectangle::new([(i as f64 - 0.38, 0.0), (i as f64 + 0.38, v)], INK.filled()))
            });
            p.draw_series(bars).map_err(draw_err)?;
            let labels = values.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| {
                    Text::new(
                        thousands(v),
                        (i as f64, v),
                        TextStyle::from((FONT, 14).into_font())
                            .color(&frame::TEXT)
                            .pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )
                })
            });
            if values.len() <= 24 {
                p.draw_series(labels).map_err(draw_err)?;
            }
        } else {
            draw_gapped(&mut p, &values, 0.0, INK.stroke_width(2))?;
        }
        let mut entries = Vec::new();
        for (k, (label, v)) in options.references.iter().enumerate() {
            let xr = p.x_range();
            let color = REFERENCES[k % REFERENCES.len()];
            p.draw_series(std::iter::once(PathElement::new(
                vec![(xr.start, *v), (xr.end, *v)],
                color.stroke_width(2),
            )))
            .map_err(draw_err)?;
            entries.push((format!("{label}: {}", thousands(*v)), color.stroke_width(2)));
        }
        if !entries.is_empty() {
            // The legend goes in the top corner above the lower half of the data.
            let third = values.len().div_ceil(3);
            let peak = |vs: &[Option<f64>]| vs.iter().flatten().fold(f64::NEG_INFINITY, |m, v| m.max(*v));
            let left = peak(&values[..third]) <= peak(&values[values.len() - third..]);
            frame::legend_at(&p, &entries, left)?;
        }
        let mut cpts = options.changepoints.clone();
        cpts.sort_unstable();
        cpts.dedup();
        let labels: Vec<String> = cpts.iter().map(|&c| periods[c].to_string()).collect();
        let y_top = p.y_range().end;
        let xs: Vec<i32> = cpts
            .iter()
            .map(|&c| p.backend_coord(&(c as f64 - 0.5, y_top)).0)
            .collect();
        let widths: Vec<i32> = labels.iter().map(|l| frame::label_width(l)).collect();
        let rows = frame::label_rows(&xs, &widths);
        for ((&c, label), row) in cpts.iter().zip(&labels).zip(rows) {
            frame::vrule(&mut p, c as f64 - 0.5, ACCENT, Some(label), row)?;
        }
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
