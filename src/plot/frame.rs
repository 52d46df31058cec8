//! What every chart shares: the axis type, tick choice, number formatting, the title and caption
//! layout, and the mapping of plotters' errors.

use std::fmt::Display;
use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Chart, PlotError};
use crate::flow::FlowSeries;
use crate::{Granularity, Period, Source};

/// The Okabe–Ito palette (Okabe & Ito 2008, *Color Universal Design*), safe for the common forms of
/// colour blindness; black first.
pub(crate) const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
];
/// Data lines.
pub(crate) const INK: RGBColor = PALETTE[5];
/// Marks that stand out from the data: changepoints, events.
pub(crate) const ACCENT: RGBColor = PALETTE[6];
/// Reference figures and counterfactuals.
pub(crate) const SECOND: RGBColor = PALETTE[1];
/// Axis text and caption.
pub(crate) const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
/// The family asked of the viewer: SVG text is laid out by whoever shows the file, so no font file is read.
pub(crate) const FONT: &str = "sans-serif";

/// Height of the title strip, in pixels.
const TITLE_H: u32 = 40;
/// Height of one caption line, in pixels.
const CAPTION_LINE_H: u32 = 16;

/// A plotters error as a [`PlotError`].
pub(crate) fn draw_err<E: Display>(e: E) -> PlotError {
    PlotError::Draw { reason: e.to_string() }
}

/// `1234567.0` as `1,234,567`; values below 10 in magnitude keep up to two decimals (`0.25`).
pub(crate) fn thousands(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.abs() < 10.0 && v.fract() != 0.0 {
        let s = format!("{v:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return if s == "-0" { "0".to_owned() } else { s.to_owned() };
    }
    let r = v.round();
    let digits = format!("{}", r.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if r < 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A linear axis whose tick positions are chosen by the chart (calendar ticks, 1-2-5 steps), not by
/// plotters.
#[derive(Debug, Clone)]
pub(crate) struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Axis {
    /// An axis over `range` with ticks at `ticks` (those outside the range are dropped).
    pub(crate) fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
        let ticks = ticks
            .into_iter()
            .filter(|t| *t >= range.start - 1e-9 && *t <= range.end + 1e-9)
            .collect();
        Self {
            lo: range.start,
            hi: range.end,
            ticks,
        }
    }

    /// A value axis from `lo` to `hi` with about `n` ticks on a 1-2-5 grid; the range is widened to
    /// the outer ticks.
    pub(crate) fn nice(lo: f64, hi: f64, n: usize) -> Self {
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo - lo.abs() * 0.5, hi + hi.abs() * 0.5)
        };
        let step = nice_step((hi - lo) / n.max(1) as f64);
        let first = (lo / step).floor() * step;
        let last = (hi / step).ceil() * step;
        let count = ((last - first) / step).round() as usize;
        let ticks = (0..=count).map(|i| first + i as f64 * step).collect();
        Self::new(first..last, ticks)
    }
}

/// The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    let m = raw / p;
    let k = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 2.5 {
        2.5
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    k * p
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        let t = if span > 0.0 { (value - self.lo) / span } else { 0.5 };
        (f64::from(limit.0) + t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        self.ticks.clone()
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

/// Tick positions and labels for a time axis of `periods` (index `i` at `x = i`): each year's first
/// period labelled with the year for monthly, quarterly and weekly data; every k-th period otherwise.
pub(crate) fn time_ticks(periods: &[Period]) -> Vec<(f64, String)> {
    let n = periods.len();
    let g = periods.first().and_then(Period::granularity);
    let yearly_marks = matches!(g, Some(Granularity::Month | Granularity::Quarter | Granularity::Week));
    let mut marks: Vec<(f64, String)> = Vec::new();
    if yearly_marks {
        let mut last_year = None;
        for (i, p) in periods.iter().enumerate() {
            let year = p.year_of_start();
            if last_year != Some(year) {
                let first_of_year = p.month_number().is_none_or(|m| m == 1)
                    && p.quarter_number().is_none_or(|q| q == 1)
                    && p.iso_week_number().is_none_or(|(_, w)| w == 1);
                if first_of_year {
                    marks.push((i as f64, year.to_string()));
                }
                last_year = Some(year);
            }
        }
        if matches!(g, Some(Granularity::Month)) && n <= 36 {
            return periods
                .iter()
                .enumerate()
                .filter(|(_, p)| p.month_number().is_some_and(|m| m % 3 == 1))
                .map(|(i, p)| (i as f64, p.to_string()))
                .collect();
        }
        if marks.len() >= 2 {
            let step = marks.len().div_ceil(12);
            return marks.into_iter().step_by(step).collect();
        }
    }
    let step = n.div_ceil(8).max(1);
    (0..n)
        .step_by(step)
        .map(|i| (i as f64, periods[i].to_string()))
        .collect()
}

/// The label of the tick at `x`, if `x` is one of `ticks`.
pub(crate) fn tick_label(ticks: &[(f64, String)], x: f64) -> String {
    ticks
        .iter()
        .find(|(t, _)| (t - x).abs() < 1e-6)
        .map(|(_, s)| s.clone())
        .unwrap_or_default()
}

/// The caption text, wrapped to `width` pixels: the chart's note, then the sources by publisher (each
/// once, in the order the data cites them).
pub(crate) fn caption_lines(chart: &Chart, sources: &[Source]) -> Vec<String> {
    // About 7 pixels a character at the caption's 12-pixel size.
    let max_chars = (chart.width as usize).saturating_sub(32) / 7;
    let mut lines = Vec::new();
    if let Some(note) = &chart.note {
        for line in note.lines() {
            wrap(line, max_chars, &mut lines);
        }
    }
    let mut publishers: Vec<&str> = Vec::new();
    for s in sources {
        if !publishers.contains(&s.publisher()) {
            publishers.push(s.publisher());
        }
    }
    if !publishers.is_empty() {
        let label = if publishers.len() == 1 { "Source: " } else { "Sources: " };
        wrap(&format!("{label}{}", publishers.join("; ")), max_chars, &mut lines);
    }
    lines
}

/// Splits `text` at spaces into lines of at most `max_chars` characters (a longer word stands alone).
fn wrap(text: &str, max_chars: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
}

/// Checks the chart size.
pub(crate) fn check_size(chart: &Chart) -> Result<(), PlotError> {
    let (w, h) = (chart.width, chart.height);
    if !(200..=10_000).contains(&w) || !(150..=10_000).contains(&h) {
        return Err(PlotError::Size { width: w, height: h });
    }
    Ok(())
}

/// Draws the white background, the title strip and the caption lines on `root`, and returns the area
/// left for the panels.
pub(crate) fn frame<'a>(
    root: &DrawingArea<SVGBackend<'a>, plotters::coord::Shift>,
    title: &str,
    caption: &[String],
) -> Result<DrawingArea<SVGBackend<'a>, plotters::coord::Shift>, PlotError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (_, h) = root.dim_in_pixel();
    let (top, rest) = root.split_vertically(TITLE_H);
    let caption_h = CAPTION_LINE_H * caption.len() as u32 + if caption.is_empty() { 0 } else { 8 };
    let (body, bottom) = rest.split_vertically(h.saturating_sub(TITLE_H + caption_h));
    let title_style = TextStyle::from((FONT, 25).into_font().style(FontStyle::Bold))
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    top.draw_text(title, &title_style, (16, TITLE_H as i32 / 2 + 2))
        .map_err(draw_err)?;
    let cap_style = TextStyle::from((FONT, 15).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Top));
    for (i, line) in caption.iter().enumerate() {
        bottom
            .draw_text(line, &cap_style, (16, 2 + (i as u32 * CAPTION_LINE_H) as i32))
            .map_err(draw_err)?;
    }
    Ok(body)
}

/// A 2-D chart context on two [`Axis`].
pub(crate) type Panel<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Axis, Axis>>;

/// Builds one panel on `area`: axes, grid, tick labels (time labels on x, thousands on y) and axis
/// descriptions.
pub(crate) fn panel<'a, 'b>(
    area: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    heading: Option<&str>,
    x: Axis,
    x_labels: &dyn Fn(&f64) -> String,
    y: Axis,
    y_desc: &str,
    x_desc: &str,
) -> Result<Panel<'a, 'b>, PlotError> {
    let mut builder = ChartBuilder::on(area);
    builder
        .margin_left(8)
        .margin_right(24)
        .margin_top(if heading.is_some() { 4 } else { 8 })
        .x_label_area_size(if x_desc.is_empty() { 24 } else { 40 })
        .y_label_area_size(if y_desc.is_empty() { 56 } else { 76 });
    if let Some(h) = heading {
        builder.caption(h, (FONT, 17).into_font().color(&TEXT));
    }
    let mut chart = builder.build_cartesian_2d(x, y).map_err(draw_err)?;
    chart
        .configure_mesh()
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(RGBColor(0x99, 0x99, 0x99))
        .x_label_formatter(x_labels)
        .y_label_formatter(&|v| thousands(*v))
        .x_label_style((FONT, 15).into_font().color(&TEXT))
        .y_label_style((FONT, 15).into_font().color(&TEXT))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .draw()
        .map_err(draw_err)?;
    Ok(chart)
}

/// Draws `values` (x = index + `offset`) as a line broken at every gap; a value with a gap on both
/// sides is drawn as a dot.
pub(crate) fn draw_gapped(
    chart: &mut Panel<'_, '_>,
    values: &[Option<f64>],
    offset: f64,
    style: ShapeStyle,
) -> Result<(), PlotError> {
    let mut run: Vec<(f64, f64)> = Vec::new();
    let flush = |run: &mut Vec<(f64, f64)>, chart: &mut Panel<'_, '_>| -> Result<(), PlotError> {
        match run.len() {
            0 => {}
            1 => {
                chart
                    .draw_series(std::iter::once(Circle::new(run[0], 3, style.filled())))
                    .map_err(draw_err)?;
            }
            _ => {
                chart
                    .draw_series(std::iter::once(PathElement::new(run.clone(), style)))
                    .map_err(draw_err)?;
            }
        }
        run.clear();
        Ok(())
    };
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) if v.is_finite() => run.push((i as f64 + offset, *v)),
            _ => flush(&mut run, chart)?,
        }
    }
    flush(&mut run, chart)
}

/// Draws a vertical rule at `x` across the panel's y range, with an optional label at its top, on text
/// row `row` (0 at the top; rows keep the labels of close rules apart).
pub(crate) fn vrule(
    chart: &mut Panel<'_, '_>,
    x: f64,
    color: RGBColor,
    label: Option<&str>,
    row: usize,
) -> Result<(), PlotError> {
    let y = chart.y_range();
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(x, y.start), (x, y.end)],
            color.stroke_width(1),
        )))
        .map_err(draw_err)?;
    if let Some(label) = label {
        let style = TextStyle::from((FONT, 14).into_font())
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Top));
        let text = EmptyElement::at((x, y.end)) + Text::new(label.to_owned(), (4, 2 + 16 * row as i32), style);
        chart.draw_series(std::iter::once(text)).map_err(draw_err)?;
    }
    Ok(())
}

/// Text rows for labels that start at pixel `xs` (increasing) and are `widths` pixels wide: each label
/// goes on the first row where it does not overlap the previous label of that row.
pub(crate) fn label_rows(xs: &[i32], widths: &[i32]) -> Vec<usize> {
    let mut ends: Vec<i32> = Vec::new();
    xs.iter()
        .zip(widths)
        .map(|(&x, &w)| {
            let row = ends.iter().position(|&e| x > e + 6).unwrap_or(ends.len());
            if row == ends.len() {
                ends.push(x + w);
            } else {
                ends[row] = x + w;
            }
            row
        })
        .collect()
}

/// The approximate width in pixels of `text` at the rule-label size (about 6.5 pixels a character).
pub(crate) fn label_width(text: &str) -> i32 {
    (text.chars().count() as f64 * 6.5).ceil() as i32 + 4
}

/// A small legend in the top right corner of a panel: one coloured line and label per entry.
pub(crate) fn legend(chart: &Panel<'_, '_>, entries: &[(String, ShapeStyle)]) -> Result<(), PlotError> {
    legend_at(chart, entries, false)
}

/// A legend in the top left (`left`) or top right corner of a panel.
pub(crate) fn legend_at(chart: &Panel<'_, '_>, entries: &[(String, ShapeStyle)], left: bool) -> Result<(), PlotError> {
    let area = chart.plotting_area().strip_coord_spec();
    let (w, _) = area.dim_in_pixel();
    let width = entries.iter().map(|(s, _)| s.chars().count()).max().unwrap_or(0) as i32 * 7 + 40;
    let x0 = if left { 14 } else { w as i32 - width - 8 };
    let style = TextStyle::from((FONT, 15).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let rows = entries.len() as i32;
    area.draw(&Rectangle::new(
        [(x0 - 6, 6), (x0 + width, 12 + rows * 18)],
        WHITE.mix(0.85).filled(),
    ))
    .map_err(draw_err)?;
    for (i, (label, s)) in entries.iter().enumerate() {
        let y = 18 + i as i32 * 18;
        area.draw(&PathElement::new(vec![(x0, y), (x0 + 24, y)], *s))
            .map_err(draw_err)?;
        area.draw_text(label, &style, (x0 + 30, y)).map_err(draw_err)?;
    }
    Ok(())
}

/// A legend in one row across `area` (a strip under the panels): a coloured line and a label per
/// entry, left to right.
pub(crate) fn legend_strip(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    entries: &[(String, ShapeStyle)],
) -> Result<(), PlotError> {
    let style = TextStyle::from((FONT, 15).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let (_, h) = area.dim_in_pixel();
    let y = h as i32 / 2;
    let mut x = 80;
    for (label, s) in entries {
        area.draw(&PathElement::new(vec![(x, y), (x + 24, y)], *s))
            .map_err(draw_err)?;
        area.draw_text(label, &style, (x + 30, y)).map_err(draw_err)?;
        x += 30 + (label.chars().count() as f64 * 7.2).ceil() as i32 + 28;
    }
    Ok(())
}

/// The periods of a series and its values as `f64`, checking that there is something to draw.
pub(crate) fn series_points(series: &FlowSeries) -> Result<(Vec<Period>, Vec<Option<f64>>), PlotError> {
    if series.is_empty() {
        return Err(PlotError::NoData { what: "the series" });
    }
    let values = series.to_f64();
    if values.iter().all(Option::is_none) {
        return Err(PlotError::NoData { what: "the series" });
    }
    Ok((series.periods().collect(), values))
}

/// The smallest and largest finite values, or `None`.
pub(crate) fn extent<'a>(values: impl IntoIterator<Item = &'a f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, &v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// A time axis over `n` periods (x from -0.5 to n - 0.5) plus `extra` periods after them.
pub(crate) fn time_axis(periods: &[Period], ticks: &[(f64, String)]) -> Axis {
    let n = periods.len() as f64;
    Axis::new(-0.5..(n - 0.5).max(0.5), ticks.iter().map(|(t, _)| *t).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(133_726.0), "133,726");
        assert_eq!(thousands(-2_461.0), "-2,461");
        assert_eq!(thousands(1_000_000.0), "1,000,000");
        assert_eq!(thousands(0.25), "0.25");
        assert_eq!(thousands(2.5), "2.5");
    }

    #[test]
    fn nice_steps_are_1_2_25_5() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(4.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(30_000.0), 50_000.0);
        let a = Axis::nice(0.0, 48_000.0, 5);
        assert_eq!(a.ticks, [0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0]);
    }

    #[test]
    fn monthly_ticks_fall_on_januaries() {
        let start: Period = "2020-03".parse().unwrap();
        let periods: Vec<Period> = std::iter::successors(Some(start), Period::next).take(30).collect();
        let ticks = time_ticks(&periods);
        let quarters: Vec<f64> = ticks.iter().map(|(t, _)| *t).collect();
        assert_eq!(quarters, [1.0, 4.0, 7.0, 10.0, 13.0, 16.0, 19.0, 22.0, 25.0, 28.0]);
        assert_eq!(ticks[0].1, "2020-04");
        let periods: Vec<Period> = std::iter::successors(Some(start), Period::next).take(50).collect();
        let ticks = time_ticks(&periods);
        assert_eq!(
            ticks,
            [
                (10.0, "2021".to_owned()),
                (22.0, "2022".to_owned()),
                (34.0, "2023".to_owned()),
                (46.0, "2024".to_owned())
            ]
        );
    }

    #[test]
    fn close_labels_go_on_new_rows() {
        assert_eq!(label_rows(&[0, 30, 100, 140], &[50, 50, 50, 50]), [0, 1, 0, 1]);
        assert_eq!(label_rows(&[0, 60, 120], &[50, 50, 50]), [0, 0, 0]);
    }

    #[test]
    fn captions_name_each_publisher_once_and_wrap() {
        let chart = Chart::default().size(300, 200).note("A note.");
        let s = [
            Source::new("WOLA", "a"),
            Source::new("SNM Panama", "b"),
            Source::new("WOLA", "c"),
        ];
        let lines = caption_lines(&chart, &s);
        assert_eq!(lines, ["A note.", "Sources: WOLA; SNM Panama"]);
        let chart = Chart::default().size(200, 200);
        let lines = caption_lines(&chart, &s);
        assert_eq!(lines, ["Sources: WOLA; SNM", "Panama"]);
    }
}
