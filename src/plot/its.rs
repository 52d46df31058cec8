//! Interrupted time series: the data, the fitted line, the counterfactual with its band, the event.

use plotters::prelude::*;

use super::frame::{
    self, ACCENT, Axis, INK, SECOND, caption_lines, check_size, draw_err, draw_gapped, extent, legend, panel,
    series_points, tick_label, time_axis, time_ticks,
};
use super::{Chart, PlotError};
use crate::flow::FlowSeries;
use crate::stats::ItsFit;

/// Draws an interrupted time series fit: the data as dots, the fitted line, the counterfactual (the
/// fit with the intervention terms set to zero) from the event on, its 95 % band, and the event as a
/// vertical rule.
///
/// The band is `fitted − [lower, upper]` of the 95 % interval of the absolute effect at each time
/// ([`ItsFit::effect_at`], delta method): the counterfactual values consistent with the fitted line
/// at that confidence.
///
/// `series` gives the time axis, the data and the sources; `fit` is [`crate::stats::Its`] fitted on
/// the same values; `intervention` is the index of the first period after the event (the `at` given
/// to [`crate::stats::Its::new`]).
///
/// # Errors
/// [`PlotError::Length`] when the fit does not have one value per period, [`PlotError::Index`] for an
/// intervention past the end, [`PlotError::NoData`] for an empty series, [`PlotError::Size`]; as
/// [`crate::Error::Plot`]. A failure to compute the effect's interval comes back as
/// [`crate::Error::Stats`].
///
/// # Examples
/// ```
/// use corridor::Count;
/// use corridor::flow::FlowSeries;
/// use corridor::plot::{Chart, its_svg};
/// use corridor::stats::Its;
///
/// let y: Vec<f64> = (0..36).map(|t| if t < 24 { 100.0 + 2.0 * t as f64 } else { 60.0 + t as f64 } + (t % 3) as f64).collect();
/// let s = FlowSeries::new("2021-01".parse()?, y.iter().map(|&v| Some(Count::exact(v as u64))).collect())?;
/// let fit = Its::new(&y, 24).fit()?;
/// let svg = its_svg(&s, &fit, 24, &Chart::default())?;
/// assert!(svg.contains("counterfactual"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn its_svg(series: &FlowSeries, fit: &ItsFit, intervention: usize, chart: &Chart) -> crate::Result<String> {
    check_size(chart)?;
    let (periods, values) = series_points(series)?;
    let n = values.len();
    if fit.fitted().len() != n {
        return Err(PlotError::Length {
            what: "interrupted time series fit",
            expected: n,
            got: fit.fitted().len(),
        }
        .into());
    }
    if intervention >= n {
        return Err(PlotError::Index {
            what: "intervention",
            index: intervention,
            len: n,
        }
        .into());
    }
    let mut band: Vec<(f64, f64, f64)> = Vec::with_capacity(n - intervention);
    for t in intervention..n {
        let e = fit.effect_at(t)?;
        let (lo, hi) = e.absolute().confidence_interval(0.95)?.bounds();
        band.push((t as f64, e.fitted() - hi, e.fitted() - lo));
    }
    Ok(draw(series, &periods, &values, fit, intervention, &band, chart)?)
}

fn draw(
    series: &FlowSeries,
    periods: &[crate::Period],
    values: &[Option<f64>],
    fit: &ItsFit,
    intervention: usize,
    band: &[(f64, f64, f64)],
    chart: &Chart,
) -> Result<String, PlotError> {
    let cf = &fit.counterfactual()[intervention..];
    let all = values
        .iter()
        .flatten()
        .chain(fit.fitted())
        .chain(cf)
        .chain(band.iter().flat_map(|(_, a, b)| [a, b]));
    let (lo, hi) = extent(all).ok_or(PlotError::NoData { what: "the series" })?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let caption = caption_lines(chart, series.sources());
        let body = frame::frame(&root, chart.title_or("Interrupted time series"), &caption)?;
        let ticks = time_ticks(periods);
        let labels = |v: &f64| tick_label(&ticks, *v);
        let y = Axis::nice(lo.min(0.0), hi * 1.04, 5);
        let mut p = panel(
            &body,
            None,
            time_axis(periods, &ticks),
            &labels,
            y,
            chart.y_label_or("people"),
            "",
        )?;
        let mut poly: Vec<(f64, f64)> = band.iter().map(|&(t, _, u)| (t, u)).collect();
        poly.extend(band.iter().rev().map(|&(t, l, _)| (t, l)));
        p.draw_series(std::iter::once(Polygon::new(poly, SECOND.mix(0.25).filled())))
            .map_err(draw_err)?;
        let cf_line: Vec<(f64, f64)> = cf
            .iter()
            .enumerate()
            .map(|(i, &v)| ((intervention + i) as f64, v))
            .collect();
        p.draw_series(std::iter::once(PathElement::new(cf_line, SECOND.stroke_width(2))))
            .map_err(draw_err)?;
        let fitted: Vec<Option<f64>> = fit.fitted().iter().map(|&v| Some(v)).collect();
        draw_gapped(&mut p, &fitted[..intervention], 0.0, INK.stroke_width(2))?;
        draw_gapped(
            &mut p,
            &fitted[intervention..],
            intervention as f64,
            INK.stroke_width(2),
        )?;
        let dots = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| Circle::new((i as f64, v), 2, frame::PALETTE[0].filled())));
        p.draw_series(dots).map_err(draw_err)?;
        let label = format!("event: {}", periods[intervention]);
        frame::vrule(&mut p, intervention as f64 - 0.5, ACCENT, Some(&label), 0)?;
        legend(
            &p,
            &[
                ("data".to_owned(), frame::PALETTE[0].filled()),
                ("fitted".to_owned(), INK.stroke_width(2)),
                ("counterfactual".to_owned(), SECOND.stroke_width(2)),
                ("95 % band of the effect".to_owned(), SECOND.mix(0.25).stroke_width(8)),
            ],
        )?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
