//! Charts (feature `plot`): every chart is well-formed XML, rasterises to an image that is not blank,
//! and shows what it claims to show (gaps as breaks, one rule per changepoint, thousands separators).
//!
//! Set `CORRIDOR_PLOT_DIR=/some/dir` to also write each chart there as SVG and PNG, to look at them.
#![cfg(all(feature = "plot", feature = "csv"))]

use corridor::datasets::darien;
use corridor::flow::FlowSeries;
use corridor::network::{Actor, Attack, Recovery, Role, SmugglingNetwork, Tie, TieKind};
use corridor::plot::{
    Chart, PlotError, SeriesChart, StocksChart, forecast_svg, its_svg, resilience_svg, series_svg, stl_svg, stocks_svg,
};
use corridor::stats::{
    Its, StlOptions,
    forecast::{EtsModel, ets},
    stl,
};
use corridor::{Count, Error};

/// The blue of data lines (Okabe–Ito blue) and the vermillion of changepoint rules, as plotters
/// writes them.
const BLUE: &str = "#0072B2";
const VERMILLION: &str = "#D55E00";

/// Parses `svg` (failing the test if it is not well-formed XML), rasterises it with resvg and returns
/// the share of pixels that are not the white background.
fn check(name: &str, svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg", "{name}");
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("{name}: usvg rejects it: {e}"));
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("non-zero size");
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    if let Some(dir) = std::env::var_os("CORRIDOR_PLOT_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join(format!("{name}.svg")), svg).expect("write svg");
        pixmap.save_png(dir.join(format!("{name}.png"))).expect("write png");
    }
    let inked = pixmap
        .pixels()
        .iter()
        .filter(|p| !(p.red() > 250 && p.green() > 250 && p.blue() > 250))
        .count();
    let share = inked as f64 / pixmap.pixels().len() as f64;
    assert!(share > 0.01, "{name}: only {share} of the pixels are drawn");
    share
}

/// The `<polyline>` elements drawn with `color`.
fn polylines<'a>(doc: &'a roxmltree::Document<'a>, color: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(color))
        .collect()
}

/// The text of every `<text>` element, trimmed.
fn texts<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect()
}

fn counts(values: &[Option<u64>]) -> Vec<Option<Count>> {
    values.iter().map(|v| v.map(Count::exact)).collect()
}

#[test]
fn series_with_gaps_and_changepoints() {
    let monthly = darien::monthly();
    let svg = series_svg(&monthly, &SeriesChart::default().changepoints(&[16, 36])).expect("chart");
    check("series_darien", &svg);
    let doc = roxmltree::Document::parse(&svg).expect("xml");
    // One polyline per gap-free run of months (isolated months are dots).
    let values = monthly.to_f64();
    let mut runs = 0;
    let mut len = 0;
    for v in values.iter().chain(std::iter::once(&None)) {
        if v.is_some() {
            len += 1;
        } else {
            runs += usize::from(len >= 2);
            len = 0;
        }
    }
    assert!(monthly.gap_count() > 0, "the Darién series has unpublished months");
    assert_eq!(polylines(&doc, BLUE).len(), runs);
    // One vertical rule per changepoint, labelled with the period where the new segment starts.
    assert_eq!(polylines(&doc, VERMILLION).len(), 2);
    let texts = texts(&doc);
    assert!(
        texts
            .iter()
            .any(|t| *t == monthly.periods().nth(16).unwrap().to_string())
    );
    // Thousands separators on the value axis; the sources in the caption.
    assert!(texts.iter().any(|t| t.contains(",000")), "{texts:?}");
    let publisher = monthly.sources()[0].publisher();
    assert!(texts.iter().any(|t| t.contains(publisher)));
}

#[test]
fn a_gap_breaks_the_line() {
    let s = FlowSeries::new(
        "2024-01".parse().unwrap(),
        counts(&[Some(5), Some(7), None, Some(6), Some(9), Some(4)]),
    )
    .unwrap();
    let svg = series_svg(&s, &SeriesChart::default()).unwrap();
    check("series_gap", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let lines = polylines(&doc, BLUE);
    assert_eq!(lines.len(), 2);
    let points = |n: &roxmltree::Node<'_, '_>| n.attribute("points").unwrap().split_whitespace().count();
    assert_eq!((points(&lines[0]), points(&lines[1])), (2, 3));
    // No gap: one line.
    let full = FlowSeries::new("2024-01".parse().unwrap(), counts(&[Some(5), Some(7), Some(6)])).unwrap();
    let svg = series_svg(&full, &SeriesChart::default()).unwrap();
    assert_eq!(polylines(&roxmltree::Document::parse(&svg).unwrap(), BLUE).len(), 1);
}

#[test]
fn bars_per_day_and_references() {
    let monthly = darien::monthly();
    let s = monthly
        .slice("2021-01".parse().unwrap(), "2022-03".parse().unwrap())
        .unwrap();
    let chart = SeriesChart::default()
        .per_day(true)
        .bars(true)
        .reference("statement: peak day", 2_461.0)
        .title("Crossings per day");
    let svg = series_svg(&s, &chart).unwrap();
    check("series_per_day", &svg);
    // August 2021 (index 7) is labelled with its mean per day: the month's count over its 31 days.
    let aug = s.point(7).unwrap() as f64 / 31.0;
    assert!(svg.contains(&corridor_thousands(aug)), "bar label for August 2021");
    assert!(svg.contains("statement: peak day: 2,461"));
}

/// The chart's number format, written out independently: grouped digits of the rounded value.
fn corridor_thousands(v: f64) -> String {
    let digits = (v.round() as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn series_errors_name_the_problem() {
    let s = FlowSeries::new("2024-01".parse().unwrap(), counts(&[Some(5), Some(7)])).unwrap();
    let e = series_svg(&s, &SeriesChart::default().changepoints(&[2])).unwrap_err();
    assert!(
        matches!(e, Error::Plot(PlotError::Index { index: 2, len: 2, .. })),
        "{e}"
    );
    assert_eq!(e.to_string(), "changepoint 2 is past the end of a series of 2 values");
    let gaps = FlowSeries::new("2024-01".parse().unwrap(), counts(&[None, None])).unwrap();
    assert!(matches!(
        series_svg(&gaps, &SeriesChart::default()),
        Err(Error::Plot(PlotError::NoData { .. }))
    ));
    let e = series_svg(&s, &SeriesChart::default().reference("x", f64::NAN)).unwrap_err();
    assert!(matches!(e, Error::Plot(PlotError::NotFinite { .. })));
    let e = series_svg(&s, &SeriesChart::default().chart(Chart::default().size(10, 10))).unwrap_err();
    assert!(matches!(e, Error::Plot(PlotError::Size { width: 10, height: 10 })));
    assert!(PlotError::try_from(e).is_ok());
}

/// 2020-01 … 2023-12 of the Darién series (complete months), as values and as a series.
fn complete_stretch() -> (FlowSeries, Vec<f64>) {
    let s = darien::monthly()
        .slice("2020-01".parse().unwrap(), "2023-12".parse().unwrap())
        .unwrap();
    let y: Vec<f64> = s.to_f64().into_iter().map(|v| v.expect("2020-2023 complete")).collect();
    (s, y)
}

#[test]
fn stl_panels() {
    let (s, y) = complete_stretch();
    let fit = stl(&y, 12, StlOptions::default()).unwrap();
    let svg = stl_svg(&s, &fit, &Chart::default().size(900, 720)).unwrap();
    check("stl", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    for name in ["data", "trend", "seasonal", "remainder"] {
        assert!(texts(&doc).contains(&name), "{name} panel");
    }
    let short = s.slice("2020-01".parse().unwrap(), "2020-12".parse().unwrap()).unwrap();
    assert!(matches!(
        stl_svg(&short, &fit, &Chart::default()),
        Err(Error::Plot(PlotError::Length {
            expected: 12,
            got: 48,
            ..
        }))
    ));
}

#[test]
fn interrupted_time_series() {
    let (s, y) = complete_stretch();
    let at = 24; // 2022-01
    let fit = Its::new(&y, at).fit().unwrap();
    let svg = its_svg(&s, &fit, at, &Chart::default()).unwrap();
    check("its", &svg);
    assert!(svg.contains("event: 2022-01"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The band is one polygon with two vertices per period from the event on.
    let band: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("polygon")).collect();
    assert_eq!(band.len(), 1);
    assert_eq!(
        band[0].attribute("points").unwrap().split_whitespace().count(),
        2 * (y.len() - at)
    );
    assert!(matches!(
        its_svg(&s, &fit, 48, &Chart::default()),
        Err(Error::Plot(PlotError::Index { index: 48, .. }))
    ));
}

#[test]
fn ets_forecast_fan() {
    let (s, y) = complete_stretch();
    let fit = ets(&y, 12, EtsModel::Auto).unwrap();
    let fan = [fit.predict(12, 0.80).unwrap(), fit.predict(12, 0.95).unwrap()];
    let svg = forecast_svg(&s, &fan, &Chart::default().title(format!("{} forecast", fit.spec()))).unwrap();
    check("forecast", &svg);
    assert!(svg.contains("80 % interval") && svg.contains("95 % interval"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("polygon")).count(), 2);
    assert!(matches!(
        forecast_svg(&s, &[], &Chart::default()),
        Err(Error::Plot(PlotError::NoData { .. }))
    ));
}

#[test]
fn resilience_curves_side_by_side() {
    let mut b = SmugglingNetwork::builder();
    let leaders: Vec<_> = (0..2)
        .map(|i| b.add_actor(Actor::person(format!("leader {i}")).role(Role::Leader)))
        .collect();
    for i in 0..12 {
        let g = b.add_actor(Actor::person(format!("guide {i}")).role(Role::Guide));
        b.add_tie(leaders[i % 2], g, Tie::undirected(TieKind::Command)).unwrap();
        if i > 0 && i % 3 == 0 {
            b.add_tie(g, leaders[(i + 1) % 2], Tie::undirected(TieKind::Kinship))
                .unwrap();
        }
    }
    let net = b.build().unwrap();
    let attacks = [
        Attack::HighestDegree,
        Attack::HighestBetweenness { recompute: true },
        Attack::Random { seed: 7 },
    ];
    let cmp = net.compare_attacks(&attacks, 6, Recovery::None).unwrap();
    let svg = resilience_svg(&cmp, &Chart::default().size(1000, 420)).unwrap();
    check("resilience", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    for name in ["degree", "betweenness (adaptive)", "random (seed 7)"] {
        // Named once, in the legend under the two panels.
        let n = texts(&doc).iter().filter(|t| **t == name).count();
        assert_eq!(n, 1, "{name}");
    }
}

#[test]
fn simulated_stocks_per_place() {
    let model = darien::corridor_model();
    let run = model.run_cohorts(&darien::scenario_2021_2024()).unwrap();
    let sources = darien::monthly().sources().to_vec();
    let svg = stocks_svg(
        &run,
        &StocksChart::default().sources(&sources).chart(
            Chart::default()
                .size(1100, 520)
                .note("Cohort engine, calibrated parameters."),
        ),
    )
    .unwrap();
    check("stocks_darien", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts = texts(&doc);
    // Every place that is not the destination and holds somebody is drawn (the largest eight), named in the
    // legend with its largest stock, each in its own colour of the Okabe-Ito palette with one point per day.
    let mut held: Vec<_> = run
        .summaries()
        .into_iter()
        .filter(|s| s.name() != "Costa Rica" && s.max_stock() > 0)
        .collect();
    held.sort_by_key(|s| std::cmp::Reverse(s.max_stock()));
    held.truncate(8);
    // In this run four places hold people at the end of some day (the others pass everyone on the day they come).
    assert!(held.len() >= 3, "{} places hold somebody", held.len());
    for s in &held {
        let label = format!("{} (max {})", s.name(), corridor_thousands(s.max_stock() as f64));
        assert_eq!(texts.iter().filter(|t| **t == label).count(), 1, "{label}");
    }
    let palette = [
        "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
    ];
    for color in &palette[..held.len()] {
        // The data line and the legend's short line.
        let mut points: Vec<usize> = polylines(&doc, color)
            .iter()
            .map(|l| l.attribute("points").unwrap().split_whitespace().count())
            .collect();
        points.sort_unstable();
        assert_eq!(points, [2, run.days()], "{color}");
    }
    // Years on the time axis, thousands separators on the value axis, the sources in the caption.
    for year in ["2021", "2022", "2023", "2024"] {
        assert!(texts.contains(&year), "{year}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || c == ','))
    );
    assert!(texts.iter().any(|t| t.starts_with("Source")), "caption");
    assert!(texts.contains(&"Cohort engine, calibrated parameters."));

    // Chosen places, and the errors.
    let two = stocks_svg(&run, &StocksChart::default().places(&["Necoclí", "San Vicente"])).unwrap();
    check("stocks_two", &two);
    let e = stocks_svg(&run, &StocksChart::default().places(&["Necocli"])).unwrap_err();
    assert_eq!(e.to_string(), "no place is called \"Necocli\"");
    let nine = ["Necoclí"; 9];
    let e = stocks_svg(&run, &StocksChart::default().places(&nine)).unwrap_err();
    assert!(
        matches!(e, Error::Plot(PlotError::TooMany { got: 9, max: 8, .. })),
        "{e}"
    );
    let e = stocks_svg(
        &run,
        &StocksChart::default()
            .places(&["Costa Rica"])
            .chart(Chart::default().size(10, 10)),
    )
    .unwrap_err();
    assert!(matches!(e, Error::Plot(PlotError::Size { .. })));
}
