//! A simulation's stocks per place over time.

use plotters::prelude::*;
use time::Date;

use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{self, Axis, FONT, PALETTE, TEXT, caption_lines, check_size, draw_err, panel};
use super::{Chart, PlotError};
use crate::Source;
use crate::sim::{PlaceKind, Run};

/// The order of the palette for places: blue, vermillion, bluish green, orange, reddish purple, sky
/// blue, black, yellow.
const LINES: [usize; 8] = [5, 6, 3, 1, 7, 2, 0, 4];

/// Options of [`stocks_svg`].
///
/// # Examples
/// ```
/// use corridor::plot::StocksChart;
/// let c = StocksChart::default().title("Waiting along the corridor").places(&["Necoclí", "San Vicente"]);
/// # let _ = c;
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StocksChart {
    chart: Chart,
    places: Option<Vec<String>>,
    sources: Vec<Source>,
}

impl StocksChart {
    /// The places to draw, in legend order (at most eight, one colour each). By default: the places
    /// that are not destinations and hold somebody on some day, the eight with the largest stocks,
    /// in the model's order.
    #[must_use]
    pub fn places(mut self, places: &[&str]) -> Self {
        self.places = Some(places.iter().map(|&p| p.to_owned()).collect());
        self
    }

    /// The sources of the model's inputs, named in the caption by publisher (a run does not carry
    /// them).
    #[must_use]
    pub fn sources(mut self, sources: &[Source]) -> Self {
        self.sources = sources.to_vec();
        self
    }

    /// The shared options (title, size, caption note); see [`Chart`].
    #[must_use]
    pub fn chart(mut self, chart: Chart) -> Self {
        self.chart = chart;
        self
    }

    /// The title (default "People held at each place, end of day (simulated)").
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.chart = self.chart.title(title);
        self
    }
}

/// Draws a simulation [`Run`]'s stocks (people held at the end of each day) per place: one line per
/// place in the colour-blind-safe palette, named in a legend under the panel; days on the time axis
/// (labelled by year, quarter or month as the run's length asks), people on the value axis from
/// zero with thousands separators; the note and the sources in the caption.
///
/// # Errors
/// [`PlotError::NoData`] when the run has no day, or no chosen place holds anybody;
/// [`PlotError::UnknownName`] for a place the run does not have; [`PlotError::TooMany`] for more
/// than eight places; [`PlotError::Size`]; as [`crate::Error::Plot`].
///
/// # Examples
/// ```
/// use corridor::flow::Nationality;
/// use corridor::plot::{StocksChart, stocks_svg};
/// use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
/// use time::macros::date;
///
/// let model = Model::builder()
///     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?)
///     .place(Place::new("Paso Canoas", PlaceKind::Destination)?)
///     .route(Route::new("Necoclí", "Paso Canoas", 1.0, Transit::fixed(3)?)?.throughput(500)?)
///     .build()?;
/// let s = Scenario::new(date!(2021 - 08 - 01), 61)?.inflow_daily("Necoclí", Nationality::Unknown, vec![800; 61])?;
/// let svg = stocks_svg(&model.run_cohorts(&s)?, &StocksChart::default())?;
/// assert!(svg.contains("Necoclí"));
/// assert!(svg.contains("15,000")); // a value-axis label: 300 a day more than the boats take
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn stocks_svg(run: &Run, chart: &StocksChart) -> crate::Result<String> {
    Ok(draw(run, chart)?)
}

/// The places drawn: those asked for, or the default (see [`StocksChart::places`]).
fn chosen<'a>(run: &'a Run, options: &StocksChart) -> Result<Vec<(String, &'a [u64])>, PlotError> {
    if let Some(names) = &options.places {
        if names.len() > LINES.len() {
            return Err(PlotError::TooMany {
                what: "places",
                got: names.len(),
                max: LINES.len(),
            });
        }
        return names
            .iter()
            .map(|n| {
                run.stock_values(n)
                    .map(|v| (n.clone(), v))
                    .ok_or_else(|| PlotError::UnknownName {
                        what: "place",
                        name: n.clone(),
                    })
            })
            .collect();
    }
    let mut held: Vec<(usize, String, &[u64], u64)> = run
        .summaries()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind() != PlaceKind::Destination && s.max_stock() > 0)
        .filter_map(|(i, s)| Some((i, s.name().to_owned(), run.stock_values(s.name())?, s.max_stock())))
        .collect();
    // The largest eight, kept in the model's order.
    held.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    held.truncate(LINES.len());
    held.sort_by_key(|h| h.0);
    Ok(held.into_iter().map(|(_, n, v, _)| (n, v)).collect())
}

/// Ticks on the first day of each year (runs over two years), quarter (over six months) or month.
fn day_ticks(start: Date, days: usize) -> Vec<(f64, String)> {
    let step_months = if days > 730 {
        12
    } else if days > 183 {
        3
    } else {
        1
    };
    let mut ticks = Vec::new();
    let mut d = start;
    for t in 0..days {
        let m = d.month() as u8;
        if d.day() == 1 && (m - 1).is_multiple_of(step_months) {
            let label = if step_months == 12 {
                d.year().to_string()
            } else {
                format!("{}-{:02}", d.year(), m)
            };
            ticks.push((t as f64, label));
        }
        match d.next_day() {
            Some(n) => d = n,
            None => break,
        }
    }
    if ticks.len() < 2 {
        // A short run: its first and last days.
        ticks = vec![(0.0, start.to_string())];
        if days > 1 {
            let last = start
                .checked_add(time::Duration::days(days as i64 - 1))
                .unwrap_or(Date::MAX);
            ticks.push(((days - 1) as f64, last.to_string()));
        }
    }
    ticks
}

/// Height of a legend row, in pixels.
const LEGEND_ROW_H: u32 = 20;
/// Left margin of the legend, in pixels.
const LEGEND_X0: i32 = 80;

/// The width of a legend entry: its line, a gap, the label at about 7.2 pixels a character, a gap.
fn entry_width(label: &str) -> i32 {
    30 + (label.chars().count() as f64 * 7.2).ceil() as i32 + 28
}

/// The legend row of each entry, filling rows left to right across `width` pixels.
fn legend_rows(labels: &[String], width: u32) -> Vec<u32> {
    let (mut row, mut x) = (0, LEGEND_X0);
    labels
        .iter()
        .map(|l| {
            let w = entry_width(l);
            if x > LEGEND_X0 && x + w > width as i32 {
                row += 1;
                x = LEGEND_X0;
            }
            x += w;
            row
        })
        .collect()
}

/// The legend under the panel: a coloured line and a label per entry, in the rows given.
fn legend(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    entries: &[(&str, ShapeStyle)],
    rows: &[u32],
) -> Result<(), PlotError> {
    let style = TextStyle::from((FONT, 15).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let (mut x, mut last_row) = (LEGEND_X0, 0);
    for ((label, s), &row) in entries.iter().zip(rows) {
        if row != last_row {
            x = LEGEND_X0;
            last_row = row;
        }
        let y = (4 + LEGEND_ROW_H / 2 + row * LEGEND_ROW_H) as i32;
        area.draw(&PathElement::new(vec![(x, y), (x + 24, y)], *s))
            .map_err(draw_err)?;
        area.draw_text(label, &style, (x + 30, y)).map_err(draw_err)?;
        x += entry_width(label);
    }
    Ok(())
}

fn draw(run: &Run, options: &StocksChart) -> Result<String, PlotError> {
    let chart = &options.chart;
    check_size(chart)?;
    let days = run.days();
    if days == 0 {
        return Err(PlotError::NoData { what: "the run" });
    }
    let places = chosen(run, options)?;
    let hi = places.iter().flat_map(|(_, v)| v.iter().copied()).max().unwrap_or(0);
    if hi == 0 {
        return Err(PlotError::NoData {
            what: "the stocks of the places chosen",
        });
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let caption = caption_lines(chart, &options.sources);
        let body = frame::frame(
            &root,
            chart.title_or("People held at each place, end of day (simulated)"),
            &caption,
        )?;
        let (body_w, body_h) = body.dim_in_pixel();
        let names: Vec<String> = places
            .iter()
            .map(|(name, v)| {
                format!(
                    "{name} (max {})",
                    frame::thousands(v.iter().copied().max().unwrap_or(0) as f64)
                )
            })
            .collect();
        let rows = legend_rows(&names, body_w);
        let strip_h = 8 + LEGEND_ROW_H * rows.iter().max().map_or(1, |r| r + 1);
        let (area, strip) = body.split_vertically(body_h.saturating_sub(strip_h));
        let ticks = day_ticks(run.start(), days);
        let x = Axis::new(
            -0.5..(days as f64 - 0.5).max(0.5),
            ticks.iter().map(|(t, _)| *t).collect(),
        );
        let y = Axis::nice(0.0, hi as f64 * 1.04, 5);
        let labels = |v: &f64| frame::tick_label(&ticks, *v);
        let mut p = panel(&area, None, x, &labels, y, chart.y_label_or("people held"), "")?;
        let mut entries = Vec::with_capacity(places.len());
        for (k, ((_, values), name)) in places.iter().zip(&names).enumerate() {
            let color = PALETTE[LINES[k]];
            let line: Vec<(f64, f64)> = values.iter().enumerate().map(|(t, &v)| (t as f64, v as f64)).collect();
            p.draw_series(std::iter::once(PathElement::new(line, color.stroke_width(2))))
                .map_err(draw_err)?;
            entries.push((name.as_str(), color.stroke_width(2)));
        }
        legend(&strip, &entries, &rows)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn ticks_follow_the_run_length() {
        let years = day_ticks(date!(2021 - 01 - 01), 1461);
        let labels: Vec<&str> = years.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(labels, ["2021", "2022", "2023", "2024"]);
        assert_eq!(years[1].0, 365.0);
        let quarters = day_ticks(date!(2021 - 02 - 15), 300);
        // 2021-02-15 + 45 days = 2021-04-01 (13 more days of February, 31 of March, then the 1st)
        assert_eq!(quarters[0], (45.0, "2021-04".to_owned()));
        let short = day_ticks(date!(2021 - 08 - 03), 20);
        assert_eq!(short, [(0.0, "2021-08-03".to_owned()), (19.0, "2021-08-22".to_owned())]);
    }
}
