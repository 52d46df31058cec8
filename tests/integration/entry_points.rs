//! The entry points that programs depending on the crate rely on, written as those programs write them:
//! exact paths, argument and return types, and `?` in functions returning `corridor::Error`. A rename or a
//! changed signature fails to compile here before it breaks a user. Values are checked against the
//! references named beside them.
#![cfg(feature = "csv")]

use corridor::{Count, Country, Period};

/// Issue 2: vocabulary types, flow tables and series, the embedded monthly series, the CSV reader.
#[test]
fn flows_and_vocabulary() -> Result<(), corridor::Error> {
    let pa: Country = "PAN".parse()?;
    let (a2, a3, name) = (pa.alpha2(), pa.alpha3(), pa.name());
    assert_eq!((a2, a3, name), ("PA", "PAN", "Panama")); // ISO 3166-1
    assert_eq!(pa.numeric(), Some(591)); // ISO 3166-1 numeric
    let p: Period = "2021-08".parse()?;
    assert_eq!((p.to_string(), p.days()), ("2021-08".to_string(), 31));
    let c: Count = "over 60".parse()?;
    assert_eq!((c.lower(), c.upper()), (61, None));
    let total: Count = [c, Count::exact(40)].into_iter().sum();
    assert_eq!((total + Count::exact(1)).lower(), 102);

    let monthly: corridor::flow::FlowSeries = corridor::datasets::darien::monthly();
    let values: Vec<(Period, Option<u64>)> = monthly.iter().collect();
    // SNM Panama: 133,726 crossings in 2021 (the monthly figures of the embedded series add to it).
    let y2021: u64 = values
        .iter()
        .filter(|(p, _)| p.to_string().starts_with("2021"))
        .filter_map(|v| v.1)
        .sum();
    assert_eq!(y2021, 133_726);

    let csv = "period,count,nationality\n2021-08,25332,HTI\n";
    let table: corridor::flow::FlowTable = corridor::io::read_flows_csv(csv.as_bytes())?;
    assert_eq!(table.len(), 1);
    Ok(())
}

/// Issue 3: Mann–Kendall, Sen, PELT and the Poisson rate test, with their accessors' types.
#[test]
fn trend_changepoint_and_rate() -> Result<(), corridor::Error> {
    use corridor::stats::{Cost, Pelt, Penalty};
    let y = [1.0, 2.0, 4.0, 3.0, 5.0, 7.0, 6.0, 8.0];
    let mk = corridor::stats::mann_kendall(&y)?;
    let (s, var_s, z, p, tau): (f64, f64, f64, f64, f64) = (mk.s(), mk.var_s(), mk.z(), mk.p_value(), mk.tau());
    // pymannkendall 1.4.3 original_test on this series: s = 24, var_s = 65.33, tau = 0.857, z = 2.8455,
    // p = 0.004434.
    assert_eq!(s, 24.0);
    assert!((var_s - 65.333_333_333_333_33).abs() < 1e-9 && (tau - 24.0 / 28.0).abs() < 1e-12);
    assert!((z - 2.845_512_041).abs() < 1e-8 && (p - 0.004_434_008).abs() < 1e-8);
    let sen = corridor::stats::sens_slope(&y)?;
    let (slope, intercept): (f64, f64) = (sen.slope(), sen.intercept());
    assert_eq!((slope, intercept), (1.0, 1.0)); // pymannkendall 1.4.3: slope 1.0, intercept 1.0
    let data: Vec<f64> = (0..40)
        .map(|i| if i < 20 { 0.0 } else { 5.0 } + f64::from(i % 3) * 0.1)
        .collect();
    let cps: corridor::stats::Changepoints = Pelt::new(Cost::NormalMean)
        .penalty(Penalty::Manual(10.0))
        .min_segment_len(2)
        .detect(&data)?;
    let idx: &[usize] = cps.indices();
    assert_eq!(idx.first(), Some(&20));
    let t = corridor::stats::poisson_rate_test(10, 2.0, 20, 8.0)?;
    let (ratio, p): (f64, f64) = (t.ratio(), t.p_value());
    assert_eq!(ratio, 2.0);
    // R 4.2.2: poisson.test(c(10, 20), c(2, 8))$p.value = 0.1052661
    assert!((p - 0.105_266_1).abs() < 1e-6, "{p}");
    let (lo, hi): (f64, f64) = t.confidence_interval(0.95);
    assert!(lo < ratio && ratio < hi);
    Ok(())
}

/// Issue 4: interrupted time series and STL with their options.
#[test]
fn its_and_stl() -> Result<(), corridor::Error> {
    use corridor::stats::{Estimate, Family, ItsFit, Stl, StlOptions};
    let y: Vec<f64> = (0..24)
        .map(|i| f64::from(i) + if i >= 12 { 10.0 } else { 0.0 })
        .collect();
    let fit: ItsFit = corridor::stats::Its::new(&y, 12).hac(2).fit()?;
    let level: Estimate = fit.level_change();
    let _slope: Estimate = fit.slope_change();
    let (v, se, p): (f64, f64, f64) = (level.value(), level.std_error(), level.p_value());
    assert!((v - 10.0).abs() < 1e-9 && se.is_finite() && p.is_finite()); // a noiseless step of 10
    let counts: Vec<f64> = (0..24).map(|i| if i >= 12 { 20.0 } else { 10.0 }).collect();
    let pois = corridor::stats::Its::new(&counts, 12).family(Family::Poisson).fit()?;
    assert!((pois.level_change().value() - 2f64.ln()).abs() < 1e-6); // log of the doubling
    let season = [3.0, -1.0, -4.0, 2.0];
    let z: Vec<f64> = (0..48).map(|i| f64::from(i) + season[i as usize % 4]).collect();
    let d: Stl = corridor::stats::stl(&z, 4, StlOptions::default())?;
    let (s, t, r): (&[f64], &[f64], &[f64]) = (d.seasonal(), d.trend(), d.remainder());
    for i in 0..z.len() {
        assert!((s[i] + t[i] + r[i] - z[i]).abs() < 1e-9);
    }
    Ok(())
}

/// Issue 5: the smuggling network, its builder and its measures' types.
#[test]
fn networks() -> Result<(), corridor::Error> {
    use corridor::network::{Actor, ActorId, SmugglingNetwork, Tie, TieKind};
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<ActorId> = ["a", "b", "c", "d"]
        .into_iter()
        .map(|n| b.add_actor(Actor::person(n)))
        .collect();
    for w in ids.windows(2) {
        b.add_tie(w[0], w[1], Tie::undirected(TieKind::Communication))?;
    }
    let net: SmugglingNetwork = b.build()?;
    assert_eq!(ids.iter().map(|i| i.index()).collect::<Vec<usize>>(), [0, 1, 2, 3]);
    // networkx 3.6 on the path a-b-c-d: betweenness_centrality [0, 2/3, 2/3, 0]; closeness [0.5, 0.75, 0.75, 0.5].
    let bt: Vec<f64> = net.betweenness();
    assert!((bt[1] - 2.0 / 3.0).abs() < 1e-12 && bt[0] == 0.0);
    let cl: Vec<f64> = net.closeness();
    assert!((cl[0] - 0.5).abs() < 1e-12 && (cl[1] - 0.75).abs() < 1e-12);
    let ev: Vec<f64> = net.eigenvector()?;
    assert_eq!(ev.len(), 4);
    let cores: Vec<usize> = net.core_numbers();
    assert_eq!(cores, [1, 1, 1, 1]);
    let cut: Vec<ActorId> = net.articulation_points();
    assert_eq!(cut.len(), 2);
    let k: usize = net.component_count();
    assert_eq!(k, 1);
    Ok(())
}

/// Issue 14: each narrow error converts into `corridor::Error` and back.
#[test]
fn narrow_errors() {
    use corridor::flow::FlowError;
    use corridor::network::NetworkError;
    use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    use corridor::stats::StatsError;
    let stats: StatsError = corridor::stats::mann_kendall(&[]).unwrap_err();
    let e: corridor::Error = stats.clone().into();
    assert_eq!(StatsError::try_from(e).ok(), Some(stats.clone()));
    assert!(FlowError::try_from(corridor::Error::from(stats)).is_err());
    // An id from another builder is unknown to this one.
    let mut other = SmugglingNetwork::builder();
    let foreign = other.add_actor(Actor::person("x"));
    let mut b = SmugglingNetwork::builder();
    let a = b.add_actor(Actor::person("a"));
    let net: NetworkError = b.add_tie(a, foreign, Tie::undirected(TieKind::Logistics)).unwrap_err();
    let e: corridor::Error = net.into();
    assert!(matches!(
        NetworkError::try_from(e),
        Ok(NetworkError::UnknownActor { .. })
    ));
    let f: FlowError = "sideways".parse::<corridor::flow::Direction>().unwrap_err();
    assert!(FlowError::try_from(corridor::Error::from(f)).is_ok());
}

/// Issues 12 and 15: operations, partners and the simulation.
#[test]
fn operations_partners_and_simulation() -> Result<(), corridor::Error> {
    use corridor::operation::{JointOperation, OperationLog};
    use corridor::partner::{Agreement, PartnerRegistry};
    use corridor::sim::{Model, Run, Scenario};
    let log: OperationLog = corridor::datasets::darien::operations();
    let ops: Vec<&JointOperation> = log.iter().collect();
    for op in ops {
        let (_n, _p, parts, _a): (&str, Period, &[Country], Count) =
            (op.name(), op.period(), op.participants(), op.arrests());
        // A joint operation has at least two states; the log also keeps national ones.
        assert!(parts.len() >= if op.kind().is_joint() { 2 } else { 1 }, "{}", op.name());
    }
    let reg: PartnerRegistry = corridor::datasets::darien::partners();
    let agreements: Vec<&Agreement> = reg.agreements().collect();
    for a in agreements {
        let (_n, _al): (&str, &[String]) = (a.name(), a.aliases());
        let _on: Vec<Country> = a.parties_on(time::macros::date!(2022 - 01 - 01));
    }
    let within: Period = "2021-08-11..2022-01-31".parse()?;
    let engaged: Vec<Country> = reg.engaged_with(Country::PAN, within);
    assert!(engaged.len() > 2);
    let model: Model = corridor::datasets::darien::corridor_model();
    let scenario: Scenario = corridor::datasets::darien::scenario_2021_2024();
    let run: Run = model.run_cohorts(&scenario)?;
    let agents: Run = model.run(&scenario, 7)?;
    for r in [&run, &agents] {
        let _stock: Option<corridor::flow::FlowSeries> = r.stock("Necoclí");
        let arrivals = r.arrivals("Bajo Chiquito").expect("a place of the model");
        let (entered, lost): (u64, u64) = (r.entered(), r.attrition());
        assert!(entered > 0 && lost <= entered);
        assert!(arrivals.len() > 365);
    }
    Ok(())
}
