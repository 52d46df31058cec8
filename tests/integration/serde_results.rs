//! The JSON of fitted models and results carries the reference values: each family serialised with
//! `serde_json` and read back as a `Value`, compared with the same R / statsmodels / networkx references
//! as the family's own tests.

use crate::common;
use crate::network_disruption::build;
use common::{close_scaled, close_slices, floats, load};
use corridor::flow::{FlowRecord, FlowSeries, FlowTable, GroupBy, Location, Nationality};
use corridor::network::{ActorId, Attack, Recovery};
use corridor::stats::{
    Family, Its,
    bootstrap::Bootstrap,
    glm::Glm,
    regression::{Design, Ols},
};
use corridor::{Count, Granularity};
use serde_json::{Value, json};

/// Values in the JSON are the fit's own `f64`s (`serde_json` with `float_roundtrip`), so the references'
/// tolerances carry over unchanged.
const TOL: f64 = 1e-9;

fn column(rows: &Value, key: &str) -> Vec<f64> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r[key].as_f64().unwrap_or(f64::NAN))
        .collect()
}

#[test]
fn ols_json_carries_statsmodels_summary() {
    // statsmodels 0.15 `OLS(y, X).fit()` on the Nile mean shift plus trend (regression.json).
    let block = &load("regression.json")["ols_nile_shift_trend"];
    let cols: Vec<Vec<f64>> = block["X_columns"].as_array().unwrap().iter().map(floats).collect();
    let names: Vec<&str> = block["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let x = Design::from_columns(&cols).unwrap().with_names(&names).unwrap();
    let y = floats(&block["y"]);
    let fit = Ols::new(&x, &y).fit().unwrap();
    let j: Value = serde_json::to_value(&fit).unwrap();
    let nr = &block["nonrobust"];
    let rows = &j["coefficients"];
    let got_names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(got_names, names);
    close_slices(&column(rows, "estimate"), &floats(&nr["params"]), TOL, "params");
    close_slices(&column(rows, "std_error"), &floats(&nr["bse"]), TOL, "bse");
    close_slices(&column(rows, "p_value"), &floats(&nr["pvalues"]), 1e-6, "p-values");
    let ci: Vec<Vec<f64>> = nr["conf_int_95"].as_array().unwrap().iter().map(floats).collect();
    let lo: Vec<f64> = ci.iter().map(|c| c[0]).collect();
    let hi: Vec<f64> = ci.iter().map(|c| c[1]).collect();
    let bse = floats(&nr["bse"]);
    for (i, (g, w)) in column(rows, "ci_lower").iter().zip(&lo).enumerate() {
        close_scaled(*g, *w, 1e-8 * bse[i].max(1.0), "ci_lower");
    }
    for (i, (g, w)) in column(rows, "ci_upper").iter().zip(&hi).enumerate() {
        close_scaled(*g, *w, 1e-8 * bse[i].max(1.0), "ci_upper");
    }
    close_slices(
        &[
            j["r_squared"].as_f64().unwrap(),
            j["adj_r_squared"].as_f64().unwrap(),
            j["ssr"].as_f64().unwrap(),
            j["sigma2"].as_f64().unwrap(),
            j["df_resid"].as_f64().unwrap(),
            j["df_model"].as_f64().unwrap(),
        ],
        &[
            nr["rsquared"].as_f64().unwrap(),
            nr["rsquared_adj"].as_f64().unwrap(),
            nr["ssr"].as_f64().unwrap(),
            nr["scale"].as_f64().unwrap(),
            nr["df_resid"].as_f64().unwrap(),
            nr["df_model"].as_f64().unwrap(),
        ],
        TOL,
        "summary statistics",
    );
    assert_eq!(j["nobs"].as_u64().unwrap() as usize, y.len());
    close_slices(&floats(&j["fitted"])[..5], &floats(&nr["fitted_head"]), TOL, "fitted");
    close_slices(
        &floats(&j["residuals"])[..5],
        &floats(&nr["resid_head"]),
        TOL * 100.0,
        "residuals",
    );
    assert_eq!(j["covariance"].as_array().unwrap().len(), names.len() * names.len());
    assert_eq!(j["cov_type"], json!("Nonrobust"));
}

#[test]
fn glm_json_carries_r_glm() {
    // R 4.2.2 `glm(..., family = poisson)` with the days offset on the Darien ITS design (regression_R.json).
    let b = &load("regression.json")["darien_its"]["glm"];
    let r = &load("regression_R.json")["darien_its_glm"]["poisson"];
    let cols: Vec<Vec<f64>> = b["X_columns"].as_array().unwrap().iter().map(floats).collect();
    let x = Design::from_columns(&cols).unwrap();
    let (y, off) = (floats(&b["y"]), floats(&b["offset"]));
    let fit = Glm::new(&x, &y).family(Family::Poisson).offset(&off).fit().unwrap();
    let j = serde_json::to_value(&fit).unwrap();
    assert_eq!(j["family"], json!("Poisson"));
    let rows = &j["coefficients"];
    close_slices(&column(rows, "estimate"), &floats(&r["coef"]), TOL, "R coef");
    close_slices(&column(rows, "std_error"), &floats(&r["se"]), TOL, "R se");
    close_slices(&column(rows, "p_value"), &floats(&r["p"]), 1e-6, "R p");
    close_slices(
        &[
            j["deviance"].as_f64().unwrap(),
            j["aic"].as_f64().unwrap(),
            j["pearson_chi2"].as_f64().unwrap(),
        ],
        &[
            r["deviance"].as_f64().unwrap(),
            r["aic"].as_f64().unwrap(),
            r["pearson"].as_f64().unwrap(),
        ],
        TOL,
        "deviance, aic, pearson",
    );
    assert_eq!(j["iterations"].as_f64(), r["iter"].as_f64());
    assert_eq!(j["theta"], Value::Null);
    assert_eq!(floats(&j["fitted"]).len(), y.len());
}

#[test]
fn its_json_carries_statsmodels_effects() {
    // statsmodels 0.15 fit of the same segmented design with Newey–West lag 7 (regression.json).
    let d = &load("regression.json")["darien_its"];
    let y = floats(&d["ols"]["y"]);
    let t0 = d["intervention_index"].as_u64().unwrap() as usize;
    let fit = Its::new(&y, t0).hac(7).fit().unwrap();
    let j = serde_json::to_value(&fit).unwrap();
    let params = floats(&d["ols"]["nonrobust"]["params"]);
    let hac = &d["ols"]["HAC_lag7_correctionFalse"];
    let iv = &j["interventions"][0];
    close_slices(
        &[
            iv["level_change"]["estimate"].as_f64().unwrap(),
            iv["slope_change"]["estimate"].as_f64().unwrap(),
        ],
        &params[2..4],
        TOL,
        "level and slope change",
    );
    close_slices(
        &[
            iv["level_change"]["std_error"].as_f64().unwrap(),
            iv["slope_change"]["std_error"].as_f64().unwrap(),
        ],
        &floats(&hac["bse"])[2..4],
        TOL,
        "HAC standard errors",
    );
    assert_eq!(iv["level_change"]["name"], json!("D"));
    close_slices(&column(&j["coefficients"], "estimate"), &params, TOL, "coefficients");
    let r = &d["effects"]["ols_hac7"];
    close_slices(
        &floats(&j["counterfactual"]),
        &floats(&r["counterfactual"]),
        TOL,
        "counterfactual",
    );
    close_slices(&floats(&j["fitted"]), &floats(&r["fitted"]), TOL, "fitted");
    assert!(j["model"]["ols"]["r_squared"].is_f64());
    let e = serde_json::to_value(fit.effect_at(30).unwrap()).unwrap();
    assert_eq!(e["time"], json!(30));
    close_slices(
        &[
            e["absolute"]["value"].as_f64().unwrap(),
            e["relative"]["value"].as_f64().unwrap(),
        ],
        &[floats(&r["absolute"])[0], floats(&r["relative"])[0]],
        TOL,
        "effect at 30",
    );
}

#[test]
fn bootstrap_json_carries_r_boot_jackknife() {
    // R boot 1.3-28.1 leave-one-out values and acceleration (bootstrap.json), case "mean_*".
    let r = load("bootstrap.json");
    let case = r["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with("mean") && c["kind"] != "two-sample")
        .unwrap();
    let x = floats(&case["x"]);
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let res = Bootstrap::new(199).seed(3).run(&x, mean).unwrap();
    let j = serde_json::to_value(&res).unwrap();
    close_scaled(
        j["estimate"].as_f64().unwrap(),
        case["t0"].as_f64().unwrap(),
        1e-13,
        "t0",
    );
    close_slices(
        &floats(&j["jackknife"]),
        &floats(&case["jackknife"]),
        1e-13,
        "jackknife",
    );
    close_scaled(
        j["acceleration"].as_f64().unwrap(),
        case["acceleration"].as_f64().unwrap(),
        1e-13,
        "acceleration",
    );
    assert_eq!(floats(&j["replicates"]), res.replicates());
    let ci = res.percentile_interval(0.95).unwrap();
    assert_eq!(
        j["percentile_interval"],
        json!({"lower": ci.lower(), "upper": ci.upper(), "level": 0.95})
    );
    assert_eq!(j["std_error"].as_f64().unwrap(), res.std_error());
    assert!(j["bca_interval"]["lower"].is_f64());
}

#[test]
fn flow_table_json_is_records_and_reads_back() {
    // IOM DTM Panama, August 2021: 2,000 and 461 Haitians on two days, 300 Cubans; a place and a bound.
    let darien = Location::new("Bajo Chiquito").unwrap();
    let table: FlowTable = [
        FlowRecord::new("2021-08-01".parse().unwrap(), Count::exact(2000))
            .nationality("HTI".parse().unwrap())
            .location(darien.clone()),
        FlowRecord::new("2021-08-02".parse().unwrap(), Count::exact(461)).nationality("HTI".parse().unwrap()),
        FlowRecord::new("2021-08-02".parse().unwrap(), "over 300".parse().unwrap()).nationality("CUB".parse().unwrap()),
    ]
    .into_iter()
    .collect();
    let j = serde_json::to_value(&table).unwrap();
    let rows = j.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["period"], json!("2021-08-01"));
    assert_eq!(rows[0]["count"], json!("2000"));
    assert_eq!(rows[0]["nationality"], json!("HTI"));
    assert_eq!(rows[0]["location"]["name"], json!("Bajo Chiquito"));
    assert_eq!(rows[1]["location"], Value::Null);
    assert_eq!(rows[2]["count"], json!("at least 301"));
    // Each row is a FlowRecord's JSON, and the table reads back equal.
    let record: FlowRecord = serde_json::from_value(rows[2].clone()).unwrap();
    assert_eq!(record, table.get(2).unwrap().to_record());
    let back: FlowTable = serde_json::from_value(j.clone()).unwrap();
    assert_eq!(back, table);
    // A bad record is refused through the record's checks, naming what was wrong.
    let mut bad = j;
    bad[1]["nationality"] = json!("XX");
    assert!(serde_json::from_value::<FlowTable>(bad).is_err());

    let groups = table.group_by(Granularity::Month, GroupBy::Nationality).unwrap();
    let g = serde_json::to_value(&groups).unwrap();
    assert_eq!(g[0]["period"], json!("2021-08"));
    assert_eq!(g[0]["key"], json!({"nationality": "CUB"}));
    assert_eq!(g[1]["total"], json!("2461"));
    assert_eq!(g[1]["records"], json!(2));
    let shares = serde_json::to_value(table.shares(GroupBy::Total)).unwrap();
    assert_eq!(shares[0]["key"], json!("all"));
    assert_eq!(shares[0]["total"], json!("at least 2762"));
    assert_eq!(shares[0]["share"], json!(1.0));
    let key: corridor::flow::GroupKey = serde_json::from_value(json!({"nationality": "HTI"})).unwrap();
    assert_eq!(
        key,
        corridor::flow::GroupKey::Nationality(Some(Nationality::Country("HTI".parse().unwrap())))
    );
}

#[test]
fn flow_series_json_keeps_gaps_as_nulls() {
    // Panama SNM monthly Darien crossings, January and February 2024 (36,001 and 37,166), March missing.
    let s = FlowSeries::new(
        "2024-01".parse().unwrap(),
        vec![Some(Count::exact(36_001)), Some(Count::exact(37_166)), None],
    )
    .unwrap();
    let j = serde_json::to_value(&s).unwrap();
    assert_eq!(
        j,
        json!([
            {"period": "2024-01", "count": "36001", "partial": false, "sources": []},
            {"period": "2024-02", "count": "37166", "partial": false, "sources": []},
            {"period": "2024-03", "count": null, "partial": false, "sources": []},
        ])
    );
}

#[test]
fn flow_series_json_gives_a_source_to_values_not_gaps() {
    // The same months with their publisher attached: the two figures cite it, the missing March cites nothing.
    let snm = corridor::Source::new("SNM Panamá", "Tránsito irregular por Darién").unwrap();
    let s = FlowSeries::new(
        "2024-01".parse().unwrap(),
        vec![Some(Count::exact(36_001)), Some(Count::exact(37_166)), None],
    )
    .unwrap()
    .with_source(snm.clone());
    let src = serde_json::to_value(&snm).unwrap();
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!([
            {"period": "2024-01", "count": "36001", "partial": false, "sources": [src]},
            {"period": "2024-02", "count": "37166", "partial": false, "sources": [src]},
            {"period": "2024-03", "count": null, "partial": false, "sources": []},
        ])
    );
}

#[test]
fn disruption_json_carries_networkx_metrics() {
    // networkx 3.6 metrics of the corridor case (network_disruption.json).
    let r = load("network_disruption.json");
    let case = r["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "corridor")
        .unwrap();
    let net = build(case);
    for rem in case["removals"].as_array().unwrap() {
        let ids: Vec<ActorId> = rem["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| ActorId::new(v.as_u64().unwrap() as usize))
            .collect();
        let j = serde_json::to_value(net.disrupt(&ids).unwrap()).unwrap();
        let (m, x) = (&j["after"], &rem["metrics"]);
        assert_eq!(m["largest_component"], x["largest"]);
        assert_eq!(m["components"], x["components"]);
        assert_eq!(m["corridor"]["capacity"], x["flow"]);
        for (ours, theirs) in [
            ("largest_component_share", "largest_share"),
            ("fragmentation", "fragmentation"),
            ("efficiency", "efficiency"),
        ] {
            close_scaled(m[ours].as_f64().unwrap(), x[theirs].as_f64().unwrap(), 1e-12, ours);
        }
        assert_eq!(j["removed"], rem["removed"]);
    }
    let order = &case["degree_attack"];
    let k = order.as_array().unwrap().len();
    let curve = net.resilience(Attack::HighestDegree, k, Recovery::None).unwrap();
    let j = serde_json::to_value(&curve).unwrap();
    assert_eq!(j["attack"], json!("highest_degree"));
    assert_eq!(j["recovery"], json!("none"));
    let removed: Vec<Value> = j["points"].as_array().unwrap()[1..]
        .iter()
        .map(|p| p["removed"].clone())
        .collect();
    assert_eq!(&Value::Array(removed), order);
    assert_eq!(j["points"][0]["removed"], Value::Null);
    let cmp = net
        .compare_attacks(&[Attack::HighestDegree, Attack::Random { seed: 7 }], 2, Recovery::None)
        .unwrap();
    let j = serde_json::to_value(&cmp).unwrap();
    assert_eq!(j["curves"][1]["attack"], json!({"random": {"seed": 7}}));
    let back: Attack = serde_json::from_value(json!({"highest_betweenness": {"recompute": true}})).unwrap();
    assert_eq!(back, Attack::HighestBetweenness { recompute: true });
    let cap: corridor::network::Capacity = serde_json::from_value(json!("unbounded")).unwrap();
    assert_eq!(cap, corridor::network::Capacity::Unbounded);
    assert!(serde_json::from_value::<corridor::network::Capacity>(json!("lots")).is_err());
}

#[test]
fn simulation_run_json_conserves_people() {
    // The `Run` example: 1,000 a day into a station with a 3-day dwell, one day on to the destination.
    use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
    use time::macros::date;
    let model = Model::builder()
        .place(
            Place::new("Lajas Blancas", PlaceKind::ReceptionStation)
                .unwrap()
                .dwell(3),
        )
        .place(Place::new("Paso Canoas", PlaceKind::Destination).unwrap())
        .route(Route::new("Lajas Blancas", "Paso Canoas", 1.0, Transit::fixed(1).unwrap()).unwrap())
        .build()
        .unwrap();
    let s = Scenario::new(date!(2023 - 10 - 01), 61)
        .unwrap()
        .inflow_daily("Lajas Blancas", Nationality::Unknown, vec![1_000; 61])
        .unwrap();
    let run = model.run_cohorts(&s).unwrap();
    let j = serde_json::to_value(&run).unwrap();
    assert_eq!(j["days"], json!(61));
    assert_eq!(j["places"][0]["name"], json!("Lajas Blancas"));
    assert_eq!(j["places"][0]["stock"][30], json!(3_000));
    assert_eq!(j["routes"][0]["from"], json!("Lajas Blancas"));
    let u = |k: &str| j[k].as_u64().unwrap();
    assert_eq!(u("entered"), 61_000);
    assert_eq!(
        u("entered"),
        u("held_at_end") + u("in_transit_at_end") + u("dead") + u("turned_back") + u("removed")
    );
    let november: u64 = floats(&j["places"][1]["arrivals"])[31..61]
        .iter()
        .map(|&x| x as u64)
        .sum();
    assert_eq!(november, 30_000);
}

#[test]
fn darien_figures_json_carry_the_published_numbers() {
    // data/darien/darien_monthly_totals.csv: 2023-08, 81,946, official_reported (WOLA, from Panama SNM).
    let figures = corridor::datasets::darien::monthly_figures();
    let rows = serde_json::to_value(&figures).unwrap();
    let i = rows
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["period"] == "2023-08")
        .unwrap();
    assert_eq!(rows[i]["crossings"], json!("81946"));
    assert_eq!(rows[i]["value_type"], json!("official_reported"));
    assert_eq!(rows[i]["source"], serde_json::to_value(figures[i].source()).unwrap());
}

#[test]
fn dyad_counts_json_is_one_row_per_pair() {
    use corridor::partner::{CooperationEvent, CooperationEvents};
    use time::macros::date;
    let code = "036".parse().unwrap();
    let (pan, col, cri): (corridor::Country, corridor::Country, corridor::Country) =
        ("PAN".parse().unwrap(), "COL".parse().unwrap(), "CRI".parse().unwrap());
    let events: CooperationEvents = [
        CooperationEvent::new(date!(2021 - 08 - 11), code, pan, col, 2).unwrap(),
        CooperationEvent::new(date!(2021 - 08 - 20), code, col, pan, 1).unwrap(),
        CooperationEvent::new(date!(2021 - 09 - 02), code, pan, cri, 4).unwrap(),
    ]
    .into_iter()
    .collect();
    let records = serde_json::to_value(&events).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 3);
    assert_eq!(
        serde_json::from_value::<CooperationEvents>(records.clone()).unwrap(),
        events
    );
    let mut bad = records;
    bad[0]["count"] = json!(0); // PartnerError::ZeroEvents through the record's checks
    assert!(serde_json::from_value::<CooperationEvents>(bad).is_err());
    let j = serde_json::to_value(events.dyads(Granularity::Month)).unwrap();
    assert_eq!(
        j,
        json!([
            {"period": "2021-08", "a": "COL", "b": "PAN", "events": 3},
            {"period": "2021-09", "a": "CRI", "b": "PAN", "events": 4},
        ])
    );
}
