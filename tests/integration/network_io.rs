//! Graph export and import through the public API: `GraphML` read back by networkx 3.6
//! (`tests/reference-scripts/graphml_networkx.py`), DOT escaping, and edge-list round trips.

use corridor::io::{write_dot, write_graphml};
use corridor::network::{Actor, Fee, Role, SmugglingNetwork, StageServed, Tie, TieKind};
use corridor::{Country, Source};
use serde_json::Value;
use time::macros::date;

/// A small network whose names need escaping in every format.
fn sample() -> SmugglingNetwork {
    let mut b = SmugglingNetwork::builder();
    let clan = b.add_actor(Actor::organisation("Clan <del> Golfo & \"Co\"").alias("AGC"));
    let boss = b.add_actor(
        Actor::person("O'Brien \\ the boss")
            .role(Role::Leader)
            .role(Role::Financier)
            .country(Country::COL),
    );
    let boat = b.add_actor(
        Actor::person("Lancha\nNecoclí")
            .role(Role::BoatOperator)
            .stage(StageServed::new(0, "Necoclí/Turbo"))
            .stage(StageServed::new(1, "Capurganá/Acandí"))
            .fee(Fee::new(50.0, "USD").expect("valid fee"))
            .capacity(1200),
    );
    b.add_actor(Actor::person("Isolated"));
    b.add_tie(boss, clan, Tie::undirected(TieKind::Membership)).unwrap();
    b.add_tie(boat, clan, Tie::undirected(TieKind::Membership)).unwrap();
    b.add_tie(
        boss,
        boat,
        Tie::directed(TieKind::Command)
            .weight(2.5)
            .seen(date!(2022 - 01 - 10), date!(2023 - 06 - 30))
            .source(
                Source::new("Policía Nacional", "Operación <Agamenón>")
                    .unwrap()
                    .address("https://example.org/?a=1&b=2"),
            ),
    )
    .unwrap();
    b.add_tie(boss, boat, Tie::undirected(TieKind::Financial).weight(0.1))
        .unwrap();
    b.build().unwrap()
}

fn path(rel: &str) -> String {
    format!("{}/tests/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn graphml_is_read_back_by_networkx() {
    let net = sample();
    let mut out = Vec::new();
    write_graphml(&net, &mut out).unwrap();
    let file = path("data/network/sample.graphml");
    if std::env::var_os("CORRIDOR_REGENERATE").is_some() {
        std::fs::write(&file, &out).unwrap();
    }
    // The committed file is exactly what we write, so networkx's reading of it applies to our output.
    assert_eq!(String::from_utf8(out).unwrap(), std::fs::read_to_string(&file).unwrap());

    let text = std::fs::read_to_string(path("data/reference/graphml_networkx.json")).unwrap();
    let nx: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(nx["directed"], Value::Bool(true));
    assert_eq!(nx["multigraph"], Value::Bool(true));
    let nodes = &nx["nodes"];
    for (id, a) in net.actors() {
        let n = &nodes[format!("n{}", id.index())];
        assert_eq!(n["name"].as_str(), Some(a.name()), "networkx decoded the name of {id}");
        assert_eq!(n["kind"].as_str(), Some(a.kind().as_str()));
        assert_eq!(n["country"].as_str(), a.based_in().map(Country::alpha3));
        assert_eq!(n["capacity"].as_u64(), a.monthly_capacity().map(u64::from));
        assert_eq!(n["fee"].as_f64(), a.fee_per_migrant().map(|f| f.amount()));
    }
    assert_eq!(
        nodes["n2"]["stages"].as_str(),
        Some("0:Necoclí/Turbo; 1:Capurganá/Acandí")
    );
    assert_eq!(nodes["n1"]["roles"].as_str(), Some("leader; financier"));
    assert_eq!(nodes["n0"]["aliases"].as_str(), Some("AGC"));
    let edges = nx["edges"].as_array().unwrap();
    assert_eq!(edges.len(), net.tie_count());
    for ((from, to, t), e) in net.ties().zip(edges) {
        assert_eq!(e[0].as_str().unwrap(), format!("n{}", from.index()));
        assert_eq!(e[1].as_str().unwrap(), format!("n{}", to.index()));
        assert_eq!(e[2]["kind"].as_str(), Some(t.kind().as_str()));
        assert_eq!(e[2]["weight"].as_f64(), Some(t.tie_weight()));
        assert_eq!(e[2]["directed"].as_bool(), Some(t.is_directed()));
    }
    assert_eq!(edges[2][2]["first_seen"].as_str(), Some("2022-01-10"));
    assert_eq!(
        edges[2][2]["sources"].as_str(),
        Some("Policía Nacional|Operación <Agamenón>||https://example.org/?a=1&b=2|")
    );
}

/// Names that XML 1.0 writers get wrong: line ends of every kind, tabs, the five special characters,
/// `]]>`, characters outside the BMP, and characters XML 1.0 forbids (replaced by U+FFFD, documented).
const TRICKY_NAMES: [&str; 16] = [
    "carriage\rreturn",
    "crlf\r\nline",
    "lf\nline",
    "trailing cr\r",
    "\ttabbed\t",
    "  spaces kept  ",
    "amp & lt < gt > quot \" apos '",
    "cdata end ]]> here",
    "&amp; already escaped",
    "astral 😀 𝔘𝔫𝔦",
    "nul \u{0} bell \u{7} esc \u{1b}",
    "nonchars \u{FFFE}\u{FFFF}",
    "replacement \u{FFFD} kept",
    "del \u{7f} nel \u{85} ls \u{2028}",
    "bidi \u{202e}Ʀ zero\u{200b}width",
    "nbsp\u{a0}and\u{feff}bom",
];

/// What XML can carry of `name`: the name itself, with characters XML 1.0 forbids as U+FFFD.
fn carried(name: &str) -> String {
    name.chars()
        .map(|c| {
            if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// networkx 3.6 reads every tricky name back exactly (`tests/reference-scripts/graphml_names_networkx.py`
/// read `tests/data/network/tricky_names.graphml`, which is exactly what we write). Before, a carriage
/// return came back as a line feed and U+FFFE / U+FFFF made the file not well-formed.
#[test]
fn graphml_names_are_read_back_exactly_by_networkx() {
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<_> = TRICKY_NAMES.iter().map(|n| b.add_actor(Actor::person(*n))).collect();
    for w in ids.windows(2) {
        b.add_tie(w[0], w[1], Tie::undirected(TieKind::Communication)).unwrap();
    }
    let net = b.build().unwrap();
    let mut out = Vec::new();
    write_graphml(&net, &mut out).unwrap();
    let file = path("data/network/tricky_names.graphml");
    if std::env::var_os("CORRIDOR_REGENERATE").is_some() {
        std::fs::write(&file, &out).unwrap();
    }
    assert_eq!(String::from_utf8(out).unwrap(), std::fs::read_to_string(&file).unwrap());
    let text = std::fs::read_to_string(path("data/reference/graphml_names_networkx.json")).unwrap();
    let nx: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        nx["versions"]["networkx"].as_str().map(|v| v.starts_with("3.6")),
        Some(true)
    );
    for (id, a) in net.actors() {
        let got = nx["names"][format!("n{}", id.index())].as_str();
        assert_eq!(
            got,
            Some(carried(a.name()).as_str()),
            "networkx read back the name of {id}"
        );
    }
    assert_eq!(nx["names"].as_object().unwrap().len(), TRICKY_NAMES.len());
}

/// A tie without sources has no `sources` element, one with a source has it (absent values are left
/// out, as `write_graphml` documents). Found by the `graphml` fuzz target (2026-12-03), whose oracle
/// expected an empty `sources` element for a tie whose only source had been refused as empty.
#[test]
fn graphml_leaves_out_the_sources_of_a_tie_without_any() {
    let mut b = SmugglingNetwork::builder();
    let x = b.add_actor(Actor::person("x"));
    let y = b.add_actor(Actor::person("y"));
    let z = b.add_actor(Actor::person("z"));
    assert!(Source::new("", "").is_err());
    b.add_tie(x, y, Tie::undirected(TieKind::Kinship)).unwrap();
    let cited = Tie::undirected(TieKind::Communication).source(Source::new("Fiscalía", "Informe").unwrap());
    b.add_tie(y, z, cited).unwrap();
    let mut out = Vec::new();
    write_graphml(&b.build().unwrap(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let edges: Vec<&str> = text.split("<edge ").skip(1).collect();
    assert_eq!(edges.len(), 2);
    assert!(!edges[0].contains("key=\"sources\""), "{}", edges[0]);
    assert!(edges[1].contains("<data key=\"sources\">"), "{}", edges[1]);
}

/// Each source of a tie is written as `publisher|title|date|address|note` with `\\`, `;` and `|` escaped,
/// the sources joined by `"; "`, and read back exactly. Found by the `graphml` fuzz target (2026-12-03),
/// whose oracle still expected the sources' display form (`publisher, "title"`) joined by `" | "`.
#[test]
fn graphml_writes_each_source_as_an_escaped_record() {
    let mut b = SmugglingNetwork::builder();
    let x = b.add_actor(Actor::person("x"));
    let y = b.add_actor(Actor::person("y"));
    let tie = Tie::undirected(TieKind::Communication)
        .source(Source::new("n", "n").unwrap())
        .source(
            Source::new("a|b; c", "back\\slash")
                .unwrap()
                .date(date!(2023 - 04 - 05))
                .note("x;y"),
        );
    b.add_tie(x, y, tie).unwrap();
    let net = b.build().unwrap();
    let mut out = Vec::new();
    write_graphml(&net, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(r#"<data key="sources">n|n|||; a\|b\; c|back\\slash|2023-04-05||x\;y</data>"#),
        "{text}"
    );
    assert_eq!(corridor::io::read_graphml(text.as_bytes()).unwrap(), net);
}

#[test]
fn dot_escapes_quotes_backslashes_and_newlines() {
    let mut out = Vec::new();
    write_dot(&sample(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("digraph smuggling_network {\n"));
    assert!(text.contains(r#"n0 [label="Clan <del> Golfo & \"Co\"", kind="organisation", shape=box];"#));
    assert!(text.contains(r#"label="O'Brien \\ the boss""#));
    assert!(text.contains(r#"label="Lancha\nNecoclí""#));
    assert!(text.trim_end().ends_with('}'));
}

/// Edge lists need the `csv` feature.
#[cfg(feature = "csv")]
mod edge_list {
    use super::sample;
    use corridor::io::{read_edge_list, write_edge_list};
    use corridor::network::{Actor, ActorId, SmugglingNetwork, Tie, TieKind};
    use proptest::prelude::*;

    #[test]
    fn edge_list_round_trip_keeps_ties() {
        let net = sample();
        let mut out = Vec::new();
        write_edge_list(&net, &mut out).unwrap();
        let back = read_edge_list(out.as_slice()).unwrap();
        // Isolated actors and actor attributes are not in an edge list; tie sources neither.
        assert_eq!(back.actor_count(), 3);
        for ((f, t, tie), (g, u, tie2)) in net.ties().zip(back.ties()) {
            assert_eq!(net.actor(f).unwrap().name(), back.actor(g).unwrap().name());
            assert_eq!(net.actor(t).unwrap().name(), back.actor(u).unwrap().name());
            assert_eq!(
                (
                    tie.kind(),
                    tie.direction(),
                    tie.tie_weight(),
                    tie.first_seen(),
                    tie.last_seen()
                ),
                (
                    tie2.kind(),
                    tie2.direction(),
                    tie2.tie_weight(),
                    tie2.first_seen(),
                    tie2.last_seen()
                )
            );
        }
    }

    /// (from, to, kind index, directed, weight, optional (year, days seen)).
    type RawTie = (usize, usize, usize, bool, f64, Option<(i32, u8)>);

    fn arb_ties() -> impl Strategy<Value = Vec<RawTie>> {
        proptest::collection::vec(
            (
                0usize..8,
                0usize..8,
                0usize..TieKind::ALL.len(),
                any::<bool>(),
                1e-6f64..1e6,
                proptest::option::of((2000i32..2030, 0u8..200)),
            ),
            0..25,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// write_edge_list then read_edge_list gives back an equal network when every actor has a tie.
        #[test]
        fn edge_list_round_trip(ties in arb_ties()) {
            let names = ["A", "b, \"quoted\"", "Ç", "d\ne", " spaced", "F", "g'h", "I"];
            let mut b = SmugglingNetwork::builder();
            let mut ids: Vec<Option<ActorId>> = vec![None; names.len()];
            for &(u, v, k, directed, w, seen) in &ties {
                if u == v {
                    continue;
                }
                for x in [u, v] {
                    if ids[x].is_none() {
                        ids[x] = Some(b.add_actor(Actor::person(names[x])));
                    }
                }
                let kind = TieKind::ALL[k];
                let mut t = if directed { Tie::directed(kind) } else { Tie::undirected(kind) }.weight(w);
                if let Some((y, d)) = seen {
                    let first = time::Date::from_ordinal_date(y, 1).unwrap();
                    t = t.seen(first, first + time::Duration::days(i64::from(d)));
                }
                b.add_tie(ids[u].unwrap(), ids[v].unwrap(), t).unwrap();
            }
            let net = b.build().unwrap();
            let mut out = Vec::new();
            write_edge_list(&net, &mut out).unwrap();
            let back = read_edge_list(out.as_slice()).unwrap();
            prop_assert_eq!(back, net);
        }
    }
}
