//! STL decomposition panels: data, trend, seasonal, remainder.

use plotters::prelude::*;

use super::frame::{
    self, Axis, INK, PALETTE, caption_lines, check_size, draw_err, draw_gapped, extent, panel, series_points,
    tick_label, time_axis, time_ticks,
};
use super::{Chart, PlotError};
use crate::flow::FlowSeries;
use crate::stats::Stl;

/// Draws an STL decomposition as four stacked panels on one time axis, as R's `plot.stl` does: the
/// data (gaps as gaps), the trend, the seasonal component and the remainder (with a zero line).
///
/// `series` gives the time axis, the data and the sources; `fit` is [`crate::stats::stl`] of the
/// same values (one per period).
///
/// # Errors
/// [`PlotError::Length`] when the fit does not have one value per period of the series,
/// [`PlotError::NoData`] when the series is empty or all gaps, [`PlotError::Size`] for a size out of
/// range; as [`crate::Error::Plot`].
///
/// # Examples
/// ```
/// use corridor::Count;
/// use corridor::flow::FlowSeries;
/// use corridor::plot::{Chart, stl_svg};
/// use corridor::stats::{StlOptions, stl};
///
/// let y: Vec<f64> = (0..48).map(|t| 1_000.0 + 10.0 * t as f64 + 200.0 * ((t % 12) as f64 - 5.5).abs()).collect();
/// let s = FlowSeries::new("2020-01".parse()?, y.iter().map(|&v| Some(Count::exact(v as u64))).collect())?;
/// let fit = stl(&y, 12, StlOptions::default())?;
/// let svg = stl_svg(&s, &fit, &Chart::default().size(900, 700))?;
/// assert!(svg.contains("remainder"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn stl_svg(series: &FlowSeries, fit: &Stl, chart: &Chart) -> crate::Result<String> {
    Ok(draw(series, fit, chart)?)
}

fn draw(series: &FlowSeries, fit: &Stl, chart: &Chart) -> Result<String, PlotError> {
    check_size(chart)?;
    let (periods, values) = series_points(series)?;
    if fit.trend().len() != values.len() {
        return Err(PlotError::Length {
            what: "STL fit",
            expected: values.len(),
            got: fit.trend().len(),
        });
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let caption = caption_lines(chart, series.sources());
        let body = frame::frame(&root, chart.title_or("Seasonal-trend decomposition (STL)"), &caption)?;
        let areas = body.split_evenly((4, 1));
        let ticks = time_ticks(&periods);
        let some = |v: &[f64]| v.iter().map(|&x| Some(x)).collect::<Vec<_>>();
        let panels: [(&str, Vec<Option<f64>>, RGBColor); 4] = [
            (chart.y_label_or("data"), values.clone(), INK),
            ("trend", some(fit.trend()), PALETTE[6]),
            ("seasonal", some(fit.seasonal()), PALETTE[3]),
            ("remainder", some(fit.remainder()), PALETTE[0]),
        ];
        let last = panels.len() - 1;
        for (k, ((name, vals, color), area)) in panels.iter().zip(&areas).enumerate() {
            let (lo, hi) = extent(vals.iter().flatten()).ok_or(PlotError::NoData { what: "the STL fit" })?;
            let (lo, hi) = if k == last {
                let m = lo.abs().max(hi.abs());
                (-m, m)
            } else {
                (lo, hi)
            };
            let y = Axis::nice(lo, hi, 3);
            let x = time_axis(&periods, &ticks);
            let labels = |v: &f64| {
                if k == last {
                    tick_label(&ticks, *v)
                } else {
                    String::new()
                }
            };
            let mut p = panel(area, None, x, &labels, y, name, "")?;
            if k == last {
                let xr = p.x_range();
                p.draw_series(std::iter::once(PathElement::new(
                    vec![(xr.start, 0.0), (xr.end, 0.0)],
                    RGBColor(0x99, 0x99, 0x99).stroke_width(1),
                )))
                .map_err(draw_err)?;
                let bars = vals.iter().enumerate().filter_map(|(i, v)| {
                    v.map(|v| PathElement::new(vec![(i as f64, 0.0), (i as f64, v)], color.stroke_width(2)))
                });
                p.draw_series(bars).map_err(draw_err)?;
            } else {
                draw_gapped(&mut p, vals, 0.0, color.stroke_width(2))?;
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
