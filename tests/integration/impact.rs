//! The impact layer: flow effects against R (`tests/reference-scripts/impact_its.R` →
//! `tests/data/reference/impact_its.json`), claims against sourced facts, error paths, serde.
#![cfg(feature = "csv")]

use crate::common;
use common::{close_scaled, close_scaled_slices, floats, load};
use corridor::datasets::darien;
use corridor::flow::{FlowFilter, FlowSeries, Nationality};
use corridor::impact::{
    Baseline, BaselineStatistic, Caveat, Claim, ClaimKind, Covariance, DatedEvent, EffectEstimate, EffectPoint,
    Evidence, Figure, FlowEffect, FlowEffectFit, GapPolicy, ImpactError, Independence, OperationRecord, Rate,
    RateReading, Verdict,
};
use corridor::stats::{Family, its::Seasonality};
use corridor::{Count, Country, Period, Source};
use serde_json::Value;
use time::macros::date;

/// Well-conditioned least squares: R and corridor agree to ~1e-10; quasi-Poisson IRLS to ~1e-8.
const TOL: f64 = 1e-8;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn check_estimate(got: EffectEstimate, want: &Value, what: &str) {
    close_scaled(
        got.value(),
        want["value"].as_f64().unwrap(),
        TOL,
        &format!("{what} value"),
    );
    close_scaled(
        got.std_error(),
        want["std_error"].as_f64().unwrap(),
        TOL,
        &format!("{what} se"),
    );
    let (lo, hi) = got.interval();
    close_scaled(lo, want["lower"].as_f64().unwrap(), TOL, &format!("{what} lower"));
    close_scaled(hi, want["upper"].as_f64().unwrap(), TOL, &format!("{what} upper"));
    close_scaled(
        got.p_value(),
        want["p_value"].as_f64().unwrap(),
        1e-7,
        &format!("{what} p"),
    );
}

fn case(name: &str) -> Value {
    load("impact_its.json")["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("case {name}"))
        .clone()
}

fn check_points(fit: &FlowEffectFit, r: &Value) {
    let observed: Vec<f64> = fit.points().iter().map(EffectPoint::observed).collect();
    assert_eq!(observed, floats(&r["y"]), "the fitted data are R's data");
    let fitted: Vec<f64> = fit.points().iter().map(EffectPoint::fitted).collect();
    let cf: Vec<f64> = fit.points().iter().map(EffectPoint::counterfactual).collect();
    close_scaled_slices(&fitted, &floats(&r["fitted"]), TOL, "fitted");
    close_scaled_slices(&cf, &floats(&r["counterfactual"]), TOL, "counterfactual");
}

/// The monthly series 2020-01 .. 2024-03: the gap-free stretch before 2024's unpublished months.
fn window() -> (Period, Period) {
    (p("2020-01"), p("2024-03"))
}

#[test]
fn carepa_quota_matches_r_lm_with_month_dummies() {
    // Carepa quota agreed 9 Aug 2021 (fact S05): September 2021 is the first full month after it.
    let monthly = darien::monthly();
    let (a, b) = window();
    let effect = FlowEffect::after(&monthly, date!(2021 - 08 - 09))
        .label("Carepa quota")
        .window(a, b)
        .seasonality(Seasonality::Dummies { period: 12 });
    let fit = effect.clone().fit().unwrap();
    assert_eq!(fit.first_after(), p("2021-09"));
    let r = case("carepa_ols_seasonal");
    check_estimate(fit.level_change(), &r["level"], "level");
    check_estimate(fit.slope_change(), &r["slope"], "slope");
    check_estimate(fit.end_absolute(), &r["end_absolute"], "end absolute");
    check_estimate(fit.end_relative(), &r["end_relative"], "end relative");
    check_points(&fit, &r);
    assert_eq!(fit.covariance(), Covariance::Model);

    let hac = effect.hac(3).fit().unwrap();
    let r = case("carepa_ols_seasonal_hac3");
    check_estimate(hac.level_change(), &r["level"], "hac level");
    check_estimate(hac.slope_change(), &r["slope"], "hac slope");
    assert!(
        hac.caveats()
            .iter()
            .any(|c| matches!(c, Caveat::NeweyWestShortSeries { n: 51 }))
    );
}

#[test]
fn october_2022_matches_r_quasipoisson_with_days_offset() {
    // US expulsion policy for Venezuelans from 12 Oct 2022 (monthly CSV note, 2022-11 row): 2022-11 first after.
    let monthly = darien::monthly();
    let (a, b) = window();
    let fit = FlowEffect::after(&monthly, date!(2022 - 10 - 12))
        .window(a, b)
        .family(Family::QuasiPoisson)
        .seasonality(Seasonality::Dummies { period: 12 })
        .fit()
        .unwrap();
    assert_eq!(fit.first_after(), p("2022-11"));
    let r = case("october2022_quasipoisson_seasonal");
    check_estimate(fit.level_change(), &r["level"], "level");
    check_estimate(fit.slope_change(), &r["slope"], "slope");
    check_estimate(fit.end_absolute(), &r["end_absolute"], "end absolute");
    check_estimate(fit.end_relative(), &r["end_relative"], "end relative");
    check_points(&fit, &r);
}

#[test]
fn trilateral_campaign_matches_r_and_flags_its_short_after_segment() {
    // Trilateral joint statement 11 Apr 2023 (fact S29); 2023-05 .. 2024-03 is 11 months after.
    let monthly = darien::monthly();
    let (a, b) = window();
    let fit = FlowEffect::after(&monthly, date!(2023 - 04 - 11))
        .label("trilateral campaign")
        .window(a, b)
        .seasonality(Seasonality::Dummies { period: 12 })
        .events([
            DatedEvent::new("trilateral campaign", Period::day(date!(2023 - 04 - 11))),
            DatedEvent::new("Campaña Escudo", Period::day(date!(2023 - 06 - 02))),
            DatedEvent::new("Bogotá ministerial", Period::day(date!(2021 - 10 - 20))),
        ])
        .fit()
        .unwrap();
    let r = case("trilateral2023_ols_seasonal");
    check_estimate(fit.level_change(), &r["level"], "level");
    check_estimate(fit.slope_change(), &r["slope"], "slope");
    check_points(&fit, &r);
    let caveats = fit.caveats();
    assert!(caveats.contains(&Caveat::Association));
    assert!(caveats.contains(&Caveat::ShortSegment { before: 40, after: 11 }));
    // Escudo (fact S30, 2 June 2023) is one month after the first period after the campaign; the event
    // with the intervention's own label is not reported against itself, the 2021 ministerial is far away.
    let co: Vec<&Caveat> = caveats
        .iter()
        .filter(|c| matches!(c, Caveat::CoOccurring { .. }))
        .collect();
    assert_eq!(
        co,
        [&Caveat::CoOccurring {
            event: "Campaña Escudo".into(),
            when: Period::day(date!(2023 - 06 - 02)),
            offset: 1
        }]
    );
    assert!(co[0].to_string().contains("cannot be told apart"));
    // every number carries its source: the fitted months come from the WOLA tabulation and the press
    assert!(fit.sources().iter().any(|s| s.publisher() == "WOLA"));
}

fn nationality_series(label: &str) -> FlowSeries {
    let table = darien::monthly_by_nationality()
        .filter(&FlowFilter::new().nationality(Nationality::from_label(label).unwrap()));
    FlowSeries::from_table(&table, corridor::Granularity::Month).unwrap()
}

#[test]
fn comparative_its_matches_r_stacked_regression() {
    let haiti = nationality_series("Haiti (plus Brazil and Chile)");
    let venezuela = nationality_series("Venezuela");
    let fit = FlowEffect::new(&haiti, p("2021-09"))
        .control(&venezuela, "Venezuelans")
        .fit()
        .unwrap();
    let r = case("carepa_haiti_vs_venezuela");
    check_estimate(fit.level_change(), &r["level"], "level");
    check_estimate(fit.slope_change(), &r["slope"], "slope");
    check_points(&fit, &r);
    assert_eq!(fit.control(), Some("Venezuelans"));
    assert!(fit.caveats().contains(&Caveat::Control {
        label: "Venezuelans".into()
    }));
    assert!(fit.caveats().contains(&Caveat::SeasonalityNotModelled {
        granularity: corridor::Granularity::Month
    }));
}

#[test]
fn gaps_are_refused_or_cut_never_zero() {
    // 2024 April–July are unpublished (monthly CSV): the whole series has gaps.
    let monthly = darien::monthly();
    let err = FlowEffect::new(&monthly, p("2021-09")).fit().unwrap_err();
    assert_eq!(
        err,
        ImpactError::Gap {
            period: "2024-04".into(),
            first: "2020-01".into(),
            last: "2025-07".into()
        }
    );
    let fit = FlowEffect::new(&monthly, p("2021-09"))
        .gaps(GapPolicy::LongestRun)
        .fit()
        .unwrap();
    assert_eq!(fit.window(), (p("2020-01"), p("2024-03")));
    assert!(fit.caveats().contains(&Caveat::Trimmed {
        first: p("2020-01"),
        last: p("2024-03"),
        left_out: 16
    }));
    // The same numbers as the explicit window.
    let explicit = FlowEffect::new(&monthly, p("2021-09"))
        .window(p("2020-01"), p("2024-03"))
        .fit()
        .unwrap();
    assert_eq!(fit.level_change(), explicit.level_change());
}

#[test]
fn flow_effect_error_paths() {
    let monthly = darien::monthly();
    let (a, b) = window();
    let base = || FlowEffect::new(&monthly, p("2021-09")).window(a, b);
    assert!(matches!(
        base().confidence(1.0).fit(),
        Err(ImpactError::InvalidLevel { level }) if level == 1.0
    ));
    assert!(matches!(
        FlowEffect::new(&monthly, p("2019-01")).fit(),
        Err(ImpactError::PeriodNotInSeries { period, .. }) if period == "2019-01"
    ));
    assert!(matches!(
        base().window(b, a).fit(),
        Err(ImpactError::ReversedWindow { .. })
    ));
    assert!(matches!(
        FlowEffect::new(&monthly, p("2020-02")).window(a, b).fit(),
        Err(ImpactError::TooFewPeriods {
            before: 1,
            needed: 2,
            ..
        })
    ));
    let annual = monthly
        .coarsen(corridor::Granularity::Year, corridor::flow::Partial::Missing)
        .unwrap();
    assert!(matches!(
        base().control(&annual, "years").fit(),
        Err(ImpactError::ControlMismatch { .. })
    ));
    let short = nationality_series("Venezuela"); // ends 2022-07
    assert!(matches!(
        base().control(&short, "Venezuelans").fit(),
        Err(ImpactError::ControlMismatch { reason }) if reason.contains("2022-08")
    ));
    let err = base().family(Family::Poisson).hac(2).fit().unwrap_err();
    assert!(matches!(err, ImpactError::Fit { .. }));
    // into the crate error and back
    let crate_err: corridor::Error = err.clone().into();
    assert!(crate_err.to_string().contains("newey-west"));
    assert_eq!(ImpactError::try_from(crate_err).unwrap(), err);
    let other = corridor::Error::from("x".parse::<Count>().unwrap_err());
    assert!(ImpactError::try_from(other).is_err());
}

#[test]
fn flow_effect_round_trips_and_invalid_json_is_rejected() {
    let monthly = darien::monthly();
    let (a, b) = window();
    let fit = FlowEffect::new(&monthly, p("2021-09"))
        .window(a, b)
        .seasonality(Seasonality::Dummies { period: 12 })
        .fit()
        .unwrap();
    let json = serde_json::to_string(&fit).unwrap();
    let back: FlowEffectFit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, fit);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["level_change"]["upper"] = Value::from(v["level_change"]["value"].as_f64().unwrap() - 1.0);
    assert!(serde_json::from_value::<FlowEffectFit>(v.clone()).is_err());
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["first_after"] = Value::from("2030-01");
    assert!(serde_json::from_value::<FlowEffectFit>(v).is_err());
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["points"].as_array_mut().unwrap().remove(5);
    assert!(serde_json::from_value::<FlowEffectFit>(v).is_err());
}

// ---------------------------------------------------------------------------------------------------
// Claims against the monthly and annual series

fn ministry() -> Source {
    darien::statement_2022().source
}

fn rate(period: &str, per_day: Count, reading: RateReading) -> ClaimKind {
    ClaimKind::Rate {
        rate: Rate {
            period: p(period),
            per_day,
            reading,
        },
    }
}

fn claim(kind: ClaimKind) -> Claim {
    Claim::new("test", "a test claim", kind, ministry()).unwrap()
}

fn annual_figures() -> Vec<Figure> {
    darien::annual_totals()
        .into_iter()
        .map(|f| Figure::new(f.period(), *f.total(), f.source().clone()))
        .collect()
}

#[test]
fn a_peak_day_is_decided_only_by_the_arithmetic() {
    let monthly = darien::monthly();
    let ev = Evidence::new().monthly(&monthly);
    // 2021-08: 25,332 crossings (monthly CSV), a mean of 817.2 a day over 31 days.
    let check = ev.check(&claim(rate("2021-08", Count::exact(2461), RateReading::PeakDay)));
    assert_eq!(check.verdict(), Verdict::NotVerifiable);
    assert!(check.decided()[0].contains("allows"));
    assert!(check.decided()[0].contains("817.2"));
    // A peak day below the month's mean is impossible: 817.2 - 500 = 317.2 below.
    let check = ev.check(&claim(rate("2021-08", Count::exact(500), RateReading::PeakDay)));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    let d = check.discrepancy().unwrap();
    close_scaled(d.by(), 500.0 - 25_332.0 / 31.0, 1e-12, "below the mean");
    // A day above the month's total is impossible too.
    let check = ev.check(&claim(rate("2021-08", Count::exact(30_000), RateReading::Day)));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    assert_eq!(check.discrepancy().unwrap().by(), 30_000.0 - 25_332.0);
    // A daily mean is decided: 25,332 / 31.
    let check = ev.check(&claim(rate("2021-08", Count::about(817), RateReading::DailyMean)));
    assert_eq!(check.verdict(), Verdict::Consistent);
}

#[test]
fn a_total_is_checked_against_every_independent_figure() {
    let monthly = darien::monthly();
    let ev = Evidence::new().monthly(&monthly).annual(annual_figures());
    // 2021: 133,726 (annual CSV, WOLA; and the sum of the 12 monthly rows) is inside "nearly 140,000".
    let check = ev.check(&claim(ClaimKind::Total {
        period: p("2021"),
        total: Count::nearly(140_000),
    }));
    assert_eq!(check.verdict(), Verdict::Consistent);
    assert!(check.decided().iter().any(|d| d.contains("133,726")));
    // 2020: 6,465 (WOLA) and 8,594 (SNM via Latin Times) disagree: both kept, the spread 6,465–8,594.
    let check = ev.check(&claim(ClaimKind::Total {
        period: p("2020"),
        total: Count::exact(8000),
    }));
    assert_eq!(check.verdict(), Verdict::Consistent);
    let check = ev.check(&claim(ClaimKind::Total {
        period: p("2020"),
        total: Count::about(10_000),
    }));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    assert_eq!(check.discrepancy().unwrap().by(), 9000.0 - 8594.0);
}

#[test]
fn a_normal_year_read_as_a_median_or_a_mean() {
    let ev = Evidence::new().annual(annual_figures());
    let kind = |statistic| ClaimKind::RatioToBaseline {
        period: p("2021"),
        total: Count::nearly(140_000),
        baseline: Baseline {
            per_year: Count::about(10_000),
            first_year: 2011,
            last_year: 2020,
            statistic,
        },
    };
    // Annual CSV 2011–2020: 283, 1,777, 3,051, 6,175, 29,289, 30,060 | 30,055, 6,776, 9,221, 22,102,
    // 6,465 | 8,594. Median of the lower figures (6,465 + 6,776) / 2 = 6,620.5, of the upper (6,776 +
    // 8,594) / 2 = 7,685: "about 10,000" (9,000–11,000) lies 1,315 above.
    let check = ev.check(&claim(kind(BaselineStatistic::Median)));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    let d = check.discrepancy().unwrap();
    assert_eq!(d.evidence(), (6620.5, Some(7685.0)));
    assert_eq!(d.by(), 1315.0);
    // Mean: (115,194 .. 117,328) / 10 = 11,519.4 .. 11,732.8, 519.4 above 11,000.
    let check = ev.check(&claim(kind(BaselineStatistic::Mean)));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    let d = check.discrepancy().unwrap();
    close_scaled(d.evidence().0, 11_519.4, 1e-12, "mean of lowers");
    close_scaled(d.by(), -519.4, 1e-12, "below the mean");
}

#[test]
fn evidence_from_the_claims_own_source_is_set_aside() {
    let s = ministry();
    let own = FlowSeries::new(p("2021-08"), vec![Some(Count::exact(25_332))])
        .unwrap()
        .with_source(s.clone());
    let c = claim(rate("2021-08", Count::about(817), RateReading::DailyMean));
    let check = Evidence::new().monthly(&own).check(&c);
    assert_eq!(check.verdict(), Verdict::NotVerifiable);
    assert_eq!(check.set_aside().len(), 1);
    // The same publisher with another title is not independent either, by default …
    let press = Source::new(s.publisher(), "a later press release").unwrap();
    let same_publisher = FlowSeries::new(p("2021-08"), vec![Some(Count::exact(25_332))])
        .unwrap()
        .with_source(press);
    assert_eq!(
        Evidence::new().monthly(&same_publisher).check(&c).verdict(),
        Verdict::NotVerifiable
    );
    // … unless asked for.
    assert_eq!(
        Evidence::new()
            .monthly(&same_publisher)
            .independence(Independence::OtherSource)
            .check(&c)
            .verdict(),
        Verdict::Consistent
    );
    // Unsourced figures are never evidence.
    let unsourced = FlowSeries::new(p("2021-08"), vec![Some(Count::exact(25_332))]).unwrap();
    assert_eq!(
        Evidence::new().monthly(&unsourced).check(&c).verdict(),
        Verdict::NotVerifiable
    );
}

#[test]
fn operation_claims_need_independent_smuggling_operations() {
    let s = ministry();
    let efe = Source::new("EFE", "More than 40 arrested in Panama, Costa Rica raids").unwrap();
    let crepusculo = OperationRecord::new(
        "Crepúsculo",
        Period::day(date!(2021 - 09 - 21)),
        vec![Country::PAN, Country::CRI],
        true,
    )
    .arrested("over 40".parse().unwrap(), efe.clone());
    let fisher = OperationRecord::new(
        "Operación Fisher",
        Period::day(date!(2021 - 12 - 01)),
        vec![Country::PAN, Country::COL],
        false,
    )
    .target("Clan del Golfo")
    .arrested(Count::exact(56), Source::new("La Prensa", "Caraballo").unwrap());
    let claimed_only = OperationRecord::new(
        "Clan del Golfo network",
        Period::range(date!(2021 - 12 - 01), date!(2022 - 01 - 31)).unwrap(),
        vec![Country::PAN, Country::COL],
        true,
    )
    .target("Clan del Golfo")
    .arrested("over 60".parse().unwrap(), s.clone());
    let ev = Evidence::new().operations([crepusculo, fisher, claimed_only]);
    let op = |partners: Vec<Country>, within: Period, target: Option<&str>, arrested: Count| ClaimKind::Operation {
        focal: Country::PAN,
        partners,
        within,
        target: target.map(str::to_owned),
        arrested: Some(arrested),
        rescued: None,
        rescued_nationality: None,
    };
    let sept = op(vec![Country::CRI], p("2021-09"), None, "over 40".parse().unwrap());
    assert_eq!(ev.check(&claim(sept)).verdict(), Verdict::Consistent);
    // "over 100" is not refuted by "over 40"; "fewer than 30" is, by 41 - 29 = 12.
    let many = op(vec![Country::CRI], p("2021-09"), None, "over 100".parse().unwrap());
    assert_eq!(ev.check(&claim(many)).verdict(), Verdict::Consistent);
    let too_few = op(vec![Country::CRI], p("2021-09"), None, "fewer than 30".parse().unwrap());
    let check = ev.check(&claim(too_few));
    assert_eq!(check.verdict(), Verdict::Inconsistent);
    assert_eq!(check.discrepancy().unwrap().evidence(), (41.0, None));
    assert_eq!(check.discrepancy().unwrap().by(), -12.0);
    // Fisher is drug logistics and the other record is the claim's own: not verifiable.
    let dec_jan = Period::range(date!(2021 - 12 - 01), date!(2022 - 01 - 31)).unwrap();
    let check = ev.check(&claim(op(
        vec![Country::COL],
        dec_jan,
        Some("Clan del Golfo"),
        "over 60".parse().unwrap(),
    )));
    assert_eq!(check.verdict(), Verdict::NotVerifiable);
    assert!(check.decided().iter().any(|d| d.contains("Fisher")));
    assert!(check.undecided().iter().any(|d| d.contains("unconfirmed elsewhere")));
    assert!(check.evidence().is_empty());
}

#[test]
fn claim_error_paths() {
    let s = ministry();
    let bad = |label: &str, text: &str, kind: ClaimKind| Claim::new(label, text, kind, s.clone()).unwrap_err();
    let ok_kind = || ClaimKind::Total {
        period: p("2021"),
        total: Count::exact(1),
    };
    assert!(matches!(bad(" ", "t", ok_kind()), ImpactError::InvalidClaim { .. }));
    assert!(matches!(bad("l", "", ok_kind()), ImpactError::InvalidClaim { .. }));
    let r = |period: &str| Rate {
        period: p(period),
        per_day: Count::exact(1),
        reading: RateReading::Day,
    };
    assert!(matches!(
        bad("l", "t", ClaimKind::RateChange { from: r("2022-01"), to: r("2021-08") }),
        ImpactError::InvalidClaim { reason, .. } if reason.contains("before")
    ));
    let base = |first_year, last_year| ClaimKind::RatioToBaseline {
        period: p("2021"),
        total: Count::exact(1),
        baseline: Baseline {
            per_year: Count::exact(1),
            first_year,
            last_year,
            statistic: BaselineStatistic::Median,
        },
    };
    assert!(matches!(
        bad("l", "t", base(2020, 2011)),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", base(2011, 20_000)),
        ImpactError::InvalidClaim { .. }
    ));
    let partners = |named: Vec<Country>| ClaimKind::PartnerCount {
        focal: Country::PAN,
        within: p("2021"),
        count: Count::exact(1),
        named,
    };
    assert!(matches!(
        bad("l", "t", partners(vec![Country::USA, Country::USA])),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", partners(vec![Country::PAN])),
        ImpactError::InvalidClaim { .. }
    ));
    let coop = |partners: Vec<Country>| ClaimKind::Cooperation {
        focal: Country::PAN,
        partners,
        within: p("2021"),
    };
    assert!(matches!(bad("l", "t", coop(vec![])), ImpactError::InvalidClaim { .. }));
    assert!(matches!(
        bad("l", "t", coop(vec![Country::COL, Country::COL])),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", coop(vec![Country::PAN])),
        ImpactError::InvalidClaim { .. }
    ));
    let op = |partners: Vec<Country>,
              target: Option<&str>,
              arrested: Option<Count>,
              rescued: Option<Count>,
              nat: Option<Country>| {
        ClaimKind::Operation {
            focal: Country::PAN,
            partners,
            within: p("2021"),
            target: target.map(str::to_owned),
            arrested,
            rescued,
            rescued_nationality: nat,
        }
    };
    let one = Some(Count::exact(1));
    assert!(matches!(
        bad("l", "t", op(vec![], None, None, None, None)),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", op(vec![], None, one, None, Some(Country::NIC))),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", op(vec![], Some(" "), one, None, None)),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", op(vec![Country::CRI, Country::CRI], None, one, None, None)),
        ImpactError::InvalidClaim { .. }
    ));
    assert!(matches!(
        bad("l", "t", op(vec![Country::PAN], None, one, None, None)),
        ImpactError::InvalidClaim { .. }
    ));
}

#[test]
fn claims_and_checks_round_trip_and_invalid_json_is_rejected() {
    let monthly = darien::monthly();
    let ev = Evidence::new().monthly(&monthly).annual(annual_figures());
    let c = claim(rate("2021-08", Count::exact(500), RateReading::PeakDay));
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<Claim>(&json).unwrap(), c);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["label"] = Value::from("");
    assert!(serde_json::from_value::<Claim>(v).is_err());

    let check = ev.check(&c);
    let json = serde_json::to_string(&check).unwrap();
    let back: corridor::impact::ClaimCheck = serde_json::from_str(&json).unwrap();
    assert_eq!(back, check);
    // an inconsistent verdict without its discrepancy
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["discrepancy"] = Value::Null;
    assert!(serde_json::from_value::<corridor::impact::ClaimCheck>(v).is_err());
    // a consistent verdict resting on the claim's own source
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["verdict"] = Value::from("consistent");
    v["discrepancy"] = Value::Null;
    v["evidence"] = serde_json::json!([{ "what": "itself", "source": serde_json::to_value(ministry()).unwrap() }]);
    assert!(serde_json::from_value::<corridor::impact::ClaimCheck>(v).is_err());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// However the evidence is built, if every piece of it comes from the claim's own source, the
        /// claim is never confirmed (and never refuted).
        #[test]
        fn a_claim_is_never_confirmed_by_its_own_source(
            values in proptest::collection::vec(0u64..100_000, 1..30),
            claimed in 0u64..100_000,
            pick in 0usize..5,
            other_title in any::<bool>(),
        ) {
            let own = ministry();
            let evidence_source = if other_title { Source::new(own.publisher(), "another release").unwrap() } else { own.clone() };
            let series = FlowSeries::new(p("2021-01"), values.iter().map(|&v| Some(Count::exact(v))).collect())
                .unwrap()
                .with_source(evidence_source.clone());
            let period = series.end();
            let figures: Vec<Figure> = (2011..=2021)
                .map(|y| Figure::new(Period::year(y).unwrap(), Count::exact(values[y as usize % values.len()]), evidence_source.clone()))
                .collect();
            let op = OperationRecord::new("op", period, vec![Country::PAN, Country::CRI], true)
                .arrested(Count::exact(values[0]), evidence_source.clone());
            let kind = match pick {
                0 => rate(&period.to_string(), Count::exact(claimed), RateReading::DailyMean),
                1 => rate(&period.to_string(), Count::exact(claimed), RateReading::PeakDay),
                2 => ClaimKind::Total { period: Period::year(2021).unwrap(), total: Count::exact(claimed) },
                3 => ClaimKind::RatioToBaseline {
                    period: Period::year(2021).unwrap(),
                    total: Count::exact(claimed),
                    baseline: Baseline { per_year: Count::exact(claimed), first_year: 2011, last_year: 2020, statistic: BaselineStatistic::Median },
                },
                _ => ClaimKind::Operation {
                    focal: Country::PAN, partners: vec![Country::CRI], within: period, target: None,
                    arrested: Some(Count::exact(claimed)), rescued: None, rescued_nationality: None,
                },
            };
            let c = Claim::new("p", "property", kind, own).unwrap();
            let check = Evidence::new().monthly(&series).annual(figures).operations([op]).check(&c);
            prop_assert_eq!(check.verdict(), Verdict::NotVerifiable);
            prop_assert!(check.evidence().is_empty());
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Arrests on a network; the report

fn corridor_network() -> corridor::network::SmugglingNetwork {
    use corridor::network::{Actor, Role, SmugglingNetwork, StageServed, Tie, TieKind};
    let mut b = SmugglingNetwork::builder();
    let guide = b.add_actor(
        Actor::person("Guide")
            .stage(StageServed::new(0, "Necoclí"))
            .capacity(400),
    );
    let boat = b.add_actor(
        Actor::person("Boatman")
            .alias("el lanchero")
            .stage(StageServed::new(1, "Capurganá"))
            .capacity(300),
    );
    let driver = b.add_actor(
        Actor::person("Driver")
            .stage(StageServed::new(2, "Metetí"))
            .capacity(500),
    );
    let boss = b.add_actor(Actor::person("Boss").role(Role::Leader));
    b.add_tie(guide, boat, Tie::undirected(TieKind::Logistics)).unwrap();
    b.add_tie(boat, driver, Tie::undirected(TieKind::Logistics)).unwrap();
    b.add_tie(boss, boat, Tie::undirected(TieKind::Command)).unwrap();
    b.add_tie(boss, guide, Tie::undirected(TieKind::Command)).unwrap();
    b.build().unwrap()
}

#[test]
fn arrests_cut_the_corridor_hand_checked() {
    use corridor::impact::{FlowCapacity, NetworkImpact};
    let net = corridor_network();
    let hit = NetworkImpact::of_arrests(&net, "raid", &["El Lanchero", "boatman"])
        .unwrap()
        .reported_arrests(Count::exact(1));
    assert_eq!(hit.removed(), ["Boatman"]);
    // Intact: 4 actors in one component; distances G-B, B-D, L-B, L-G = 1 and G-D, L-D = 2:
    // efficiency (4 + 2 / 2) * 2 / 12 = 10 / 12. The corridor's bottleneck is the boatman's 300 a month.
    let before = hit.before();
    assert_eq!(
        (before.remaining(), before.components(), before.largest_component()),
        (4, 1, 4)
    );
    close_scaled(before.efficiency(), 10.0 / 12.0, 1e-12, "efficiency before");
    assert_eq!(before.capacity(), FlowCapacity::Bounded { per_month: 300 });
    // After: {Guide, Boss} and {Driver}; fragmentation 1 - 2/6; efficiency 2/6; no flow passes.
    let after = hit.after();
    assert_eq!(
        (after.remaining(), after.components(), after.largest_component()),
        (3, 2, 2)
    );
    close_scaled(after.largest_component_share(), 0.5, 1e-12, "share");
    close_scaled(after.fragmentation(), 2.0 / 3.0, 1e-12, "fragmentation");
    close_scaled(after.efficiency(), 1.0 / 3.0, 1e-12, "efficiency after");
    assert_eq!(hit.capacity_lost(), Some(300));
    // Removing the leader, who serves no stage, leaves the capacity as it was.
    let boss = NetworkImpact::of_arrests(&net, "raid", &["Boss"]).unwrap();
    assert_eq!(boss.capacity_lost(), Some(0));
    // Unknown names are errors, never skipped silently.
    assert_eq!(
        NetworkImpact::of_arrests(&net, "raid", &["Nobody"]).unwrap_err(),
        ImpactError::UnknownActor {
            operation: "raid".into(),
            name: "Nobody".into()
        }
    );
    let json = serde_json::to_string(&hit).unwrap();
    assert_eq!(serde_json::from_str::<NetworkImpact>(&json).unwrap(), hit);
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["removed"] = serde_json::json!([]);
    assert!(serde_json::from_value::<NetworkImpact>(v).is_err());
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["after"]["fragmentation"] = Value::from(1.5);
    assert!(serde_json::from_value::<NetworkImpact>(v).is_err());
}

#[test]
fn a_report_round_trips_and_validates_every_part() {
    use corridor::impact::{ImpactReport, NetworkImpact, ReportedFigure, Subject};
    let monthly = darien::monthly();
    let (a, b) = window();
    let fit = FlowEffect::after(&monthly, date!(2021 - 09 - 21))
        .label("Crepúsculo")
        .window(a, b)
        .fit()
        .unwrap();
    let efe = Source::new("EFE", "More than 40 arrested in Panama, Costa Rica raids").unwrap();
    let check =
        Evidence::new()
            .monthly(&monthly)
            .check(&claim(rate("2021-08", Count::exact(500), RateReading::PeakDay)));
    let report = ImpactReport::new(Subject::Operation, "Crepúsculo")
        .unwrap()
        .when(Period::day(date!(2021 - 09 - 21)))
        .subject_source(efe.clone())
        .figure(ReportedFigure::new("arrested", "over 40".parse().unwrap(), efe.clone()))
        .flow_effect(fit)
        .network(
            NetworkImpact::of_arrests(&corridor_network(), "Crepúsculo", &["Boatman"])
                .unwrap()
                .source(efe.clone()),
        )
        .claim(check);
    let sources = report.sources();
    assert_eq!(sources[0], &efe);
    assert!(sources.contains(&&ministry()));
    assert!(sources.iter().any(|s| s.publisher() == "WOLA"));
    let json = serde_json::to_string_pretty(&report).unwrap();
    assert_eq!(serde_json::from_str::<ImpactReport>(&json).unwrap(), report);
    for (path, bad) in [
        ("/name", Value::from(" ")),
        ("/flow_effects/0/confidence", Value::from(2.0)),
        ("/claims/0/verdict", Value::from("consistent")),
        ("/networks/0/after/remaining", Value::from(7)),
        ("/subject", Value::from("rumour")),
    ] {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        *v.pointer_mut(path).unwrap() = bad;
        assert!(serde_json::from_value::<ImpactReport>(v).is_err(), "{path}");
    }
    assert!(serde_json::from_str::<ImpactReport>("{\"subject\": \"operation\"}").is_err());
    assert!(ImpactReport::new(Subject::Statement, "").is_err());
}

#[test]
fn the_statement_has_seven_typed_claims_from_one_source() {
    let claims = darien::statement();
    assert_eq!(claims.len(), 7);
    assert!(claims.iter().all(|c| c.source() == &ministry()));
    // Claim 7: "over 40" is at least 41, never 40 (README of the data, statement figures).
    let ClaimKind::Operation {
        arrested: Some(a),
        partners,
        ..
    } = claims[6].kind()
    else {
        panic!("claim 7")
    };
    assert_eq!(a.lower(), 41);
    assert_eq!(partners, &[Country::CRI]);
    // Claim 3: "more than ten" is at least 11.
    let ClaimKind::PartnerCount { count, .. } = claims[2].kind() else {
        panic!("claim 3")
    };
    assert_eq!(count.lower(), 11);
    for c in &claims {
        let json = serde_json::to_string(c).unwrap();
        assert_eq!(&serde_json::from_str::<Claim>(&json).unwrap(), c);
    }
}
