//! Resilience curves of several attack strategies, side by side.

use plotters::prelude::*;

use super::frame::{self, Axis, PALETTE, caption_lines, check_size, draw_err, legend_strip, panel};
use super::{Chart, PlotError};
use crate::network::{AttackComparison, DisruptionMetrics, Recovery};

/// One measure of a damaged network.
type Measure = fn(&DisruptionMetrics) -> f64;

/// The order of the palette for curves: blue, vermillion, bluish green, orange, reddish purple, sky
/// blue, black, yellow.
const CURVES: [usize; 8] = [5, 6, 3, 1, 7, 2, 0, 4];

/// Draws the resilience curves of an [`AttackComparison`] in two panels side by side: the share of
/// the intact network in the largest connected component, and the global efficiency, against the
/// number of actors removed; one line per attack, in the colour-blind-safe palette, named in a legend.
///
/// # Errors
/// [`PlotError::NoData`] when the comparison has no curve or no point, [`PlotError::Size`]; as
/// [`crate::Error::Plot`].
///
/// # Examples
/// ```
/// use corridor::network::{Actor, Attack, Recovery, Role, SmugglingNetwork, Tie, TieKind};
/// use corridor::plot::{Chart, resilience_svg};
///
/// let mut b = SmugglingNetwork::builder();
/// let hub = b.add_actor(Actor::person("hub").role(Role::Leader));
/// for i in 0..6 {
///     let a = b.add_actor(Actor::person(format!("guide {i}")).role(Role::Guide));
///     b.add_tie(hub, a, Tie::undirected(TieKind::Kinship))?;
/// }
/// let cmp = b.build()?.compare_attacks(&[Attack::HighestDegree, Attack::Random { seed: 1 }], 4, Recovery::None)?;
/// let svg = resilience_svg(&cmp, &Chart::default())?;
/// assert!(svg.contains("degree"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn resilience_svg(comparison: &AttackComparison, chart: &Chart) -> crate::Result<String> {
    Ok(draw(comparison, chart)?)
}

fn draw(comparison: &AttackComparison, chart: &Chart) -> Result<String, PlotError> {
    check_size(chart)?;
    let curves = comparison.curves();
    let steps = curves.iter().map(|c| c.points().len()).max().unwrap_or(0);
    if steps == 0 {
        return Err(PlotError::NoData {
            what: "the attack comparison",
        });
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart.height)).into_drawing_area();
        let mut caption = caption_lines(chart, &[]);
        let all_recover = curves.iter().all(|c| c.recovery() == Recovery::SameRoleNeighbour);
        if all_recover {
            caption.insert(
                0,
                "With recovery: before an actor is removed, its ties pass to a same-role neighbour (Duijn et al. 2014).".to_owned(),
            );
        }
        let body = frame::frame(&root, chart.title_or("Resilience under attack"), &caption)?;
        let (_, body_h) = body.dim_in_pixel();
        let (panels, strip) = body.split_vertically(body_h.saturating_sub(30));
        let areas = panels.split_evenly((1, 2));
        let mut entries = Vec::with_capacity(curves.len());
        let measures: [(&str, Measure); 2] = [
            ("share of actors in the largest component", |m| {
                m.largest_component_share()
            }),
            ("global efficiency", |m| m.efficiency()),
        ];
        let x_max = (steps - 1).max(1) as f64;
        for ((heading, measure), area) in measures.iter().zip(&areas) {
            let x = Axis::nice(0.0, x_max, 6);
            let hi = curves
                .iter()
                .flat_map(|c| c.points().iter().map(|p| measure(p.metrics())))
                .filter(|v| v.is_finite())
                .fold(0.0f64, f64::max);
            let y = Axis::nice(0.0, if hi > 0.0 { hi } else { 1.0 }, 5);
            let labels = |v: &f64| frame::thousands(*v);
            let mut p = panel(area, Some(heading), x, &labels, y, "", "actors removed")?;
            entries.clear();
            for (k, c) in curves.iter().enumerate() {
                let color = PALETTE[CURVES[k % CURVES.len()]];
                let line: Vec<(f64, f64)> = c
                    .points()
                    .iter()
                    .enumerate()
                    .map(|(i, pt)| (i as f64, measure(pt.metrics())))
                    .filter(|(_, v)| v.is_finite())
                    .collect();
                p.draw_series(std::iter::once(PathElement::new(line, color.stroke_width(2))))
                    .map_err(draw_err)?;
                let name = match c.recovery() {
                    Recovery::SameRoleNeighbour if !all_recover => format!("{}, with recovery", c.attack()),
                    _ => c.attack().to_string(),
                };
                entries.push((name, color.stroke_width(2)));
            }
        }
        legend_strip(&strip, &entries)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
