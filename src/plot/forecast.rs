//! A forecast fan: history, mean forecast, prediction intervals.

use plotters::prelude::*;

use super::frame::{
    self, Axis, INK, SECOND, caption_lines, check_size, draw_err, draw_gapped, extent, legend, panel, series_points,
    tick_label, time_axis, time_ticks,
};
use super::{Chart, PlotError};
use crate::flow::FlowSeries;
use crate::stats::forecast::Forecast;

/// Draws a forecast fan after the history: the series, the mean forecast, and one shaded band per
/// prediction interval (for an ETS fit, `ets.predict(h, 0.8)` and `ets.predict(h, 0.95)`; the wider
/// band lighter).
///
/// `forecasts` are for the periods right after the series' last one, all with the same horizon; the
/// mean drawn is the first one's.
///
/// # Errors
/// [`PlotError::NoData`] when `forecasts` is empty, has horizon 0, or the series is empty;
/// [`PlotError::Length`] when the forecasts' horizons differ; [`PlotError::NotFinite`] for a NaN or
/// infinite bound; [`PlotError::Size`]; as [`crate::Error::Plot`].
///
/// # Examples
/// ```
/// use corridor::Count;
/// use corridor::flow::FlowSeries;
/// use corridor::plot::{Chart, forecast_svg};
/// use corridor::stats::forecast::{EtsModel, ets};
///
/// let y: Vec<f64> = (0..48).map(|t| 1_000.0 + 10.0 * t as f64 + 150.0 * ((t % 12) as f64 - 5.5).abs()).collect();
/// let s = FlowSeries::new("2020-01".parse()?, y.iter().map(|&v| Some(Count::exact(v as u64))).collect())?;
/// let fit = ets(&y, 12, EtsModel::Auto)?;
/// let fan = [fit.predict(12, 0.80)?, fit.predict(12, 0.95)?];
/// let svg = forecast_svg(&s, &fan, &Chart::default())?;
/// assert!(svg.contains("95 %"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn forecast_svg(series: &FlowSeries, forecasts: &[Forecast], chart: &Chart) -> crate::Result<String> {
    Ok(draw(series, forecasts, chart)?)
}

fn draw(series: &FlowSeries, forecasts: &[Forecast], chart: &Chart) -> Result<String, PlotError> {
    check_size(chart)?;
    let (mut periods, values) = series_points(series)?;
    let first = forecasts.first().ok_or(PlotError::NoData { what: "the forecasts" })?;
    let h = first.mean().len();
    if h == 0 {
        return Err(PlotError::NoData { what: "the forecast" });
    }
    for f in forecasts {
        for len in [f.mean().len(), f.lower().len(), f.upper().len()] {
            if len != h {
                return Err(PlotError::Length {
                    what: "forecast",
                    expected: h,
                    got: len,
                });
            }
        }
        if let Some(v) = f
            .lower()
            .iter()
            .chain(f.upper())
            .chain(f.mean())
            .find(|v| !v.is_finite())
        {
            return Err(PlotError::NotFinite {
                what: "forecast value",
                value: v.to_string(),
            });
        }
    }
    let n = values.len();
    for _ in 0..h {
        let next = periods.last().and_then(crate::Period::next);
        match next {
            Some(p) => periods.push(p),
            None => break,
        }
    }
    let mut order: Vec<&Forecast> = forecasts.iter().collect();
    order.sort_by(|a, b| b.level().total_cmp(&a.level()));
    let all = values
        .iter()
        .flatten()
        .chain(forecasts.iter().flat_map(|f| f.lower().iter().chain(f.upper())));
    let (lo, hi) = extent(all).ok_or(PlotError::NoData { what: "the series" })?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let caption = caption_lines(chart, series.sources());
        let body = frame::frame(&root, chart.title_or("Forecast"), &caption)?;
        let ticks = time_ticks(&periods);
        let labels = |v: &f64| tick_label(&ticks, *v);
        let y = Axis::nice(lo.min(0.0), hi * 1.04, 5);
        let mut p = panel(
            &body,
            None,
            time_axis(&periods, &ticks),
            &labels,
            y,
            chart.y_label_or("people"),
            "",
        )?;
        let mut entries = vec![("data".to_owned(), INK.stroke_width(2))];
        let k = order.len();
        for (j, f) in order.iter().enumerate() {
            // The widest band lightest; the narrowest darkest.
            let alpha = 0.18 + 0.22 * (j as f64) / (k.max(2) - 1) as f64;
            let style = SECOND.mix(alpha).filled();
            let mut poly: Vec<(f64, f64)> = f
                .upper()
                .iter()
                .enumerate()
                .map(|(i, &u)| ((n + i) as f64, u))
                .collect();
            poly.extend(f.lower().iter().enumerate().rev().map(|(i, &l)| ((n + i) as f64, l)));
            p.draw_series(std::iter::once(Polygon::new(poly, style)))
                .map_err(draw_err)?;
            entries.push((
                format!("{} % interval", fmt_level(f.level())),
                SECOND.mix(alpha).stroke_width(8),
            ));
        }
        draw_gapped(&mut p, &values, 0.0, INK.stroke_width(2))?;
        let mut mean: Vec<(f64, f64)> = Vec::with_capacity(h + 1);
        if let Some(Some(last)) = values.last() {
            mean.push(((n - 1) as f64, *last));
        }
        mean.extend(first.mean().iter().enumerate().map(|(i, &m)| ((n + i) as f64, m)));
        p.draw_series(std::iter::once(PathElement::new(mean, frame::ACCENT.stroke_width(2))))
            .map_err(draw_err)?;
        entries.insert(1, ("forecast mean".to_owned(), frame::ACCENT.stroke_width(2)));
        frame::vrule(&mut p, n as f64 - 0.5, RGBColor(0x99, 0x99, 0x99), None, 0)?;
        legend(&p, &entries)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// `0.8` as `80`, `0.975` as `97.5`.
fn fmt_level(level: f64) -> String {
    let pct = (level * 1000.0).round() / 10.0;
    if pct.fract() == 0.0 {
        format!("{pct:.0}")
    } else {
        format!("{pct:.1}")
    }
}
