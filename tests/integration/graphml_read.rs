//! `read_graphml` through the public API: files written by networkx 3.6 and igraph 1.0.0
//! (`tests/reference-scripts/graphml_fixtures.py`, which also dumps what those libraries read back:
//! `tests/data/reference/graphml_fixtures.json`), a file shaped like Gephi's export, corridor's own
//! write → read round trip, and malformed files.

use corridor::io::{GraphmlError, read_graphml, write_graphml};
use corridor::network::{
    Actor, ActorKind, Extra, Fee, NetworkError, Role, SmugglingNetwork, StageServed, Tie, TieKind,
};
use corridor::{Country, Source};
use serde_json::Value;
use time::macros::date;

fn path(rel: &str) -> String {
    format!("{}/tests/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> SmugglingNetwork {
    let bytes = std::fs::read(path(&format!("data/network/{name}.graphml"))).unwrap();
    read_graphml(bytes.as_slice()).unwrap()
}

fn reference() -> Value {
    let text = std::fs::read_to_string(path("data/reference/graphml_fixtures.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn graphml_error(text: &str) -> GraphmlError {
    match read_graphml(text.as_bytes()) {
        Err(corridor::Error::Graphml(e)) => e,
        other => panic!("expected a GraphML error, got {other:?}"),
    }
}

/// What networkx 3.6 read from `networkx_graph.graphml` (the JSON), node by node and edge by edge.
#[test]
fn reads_what_networkx_writes() {
    let nx = &reference()["networkx_graph"];
    let net = fixture("networkx_graph");
    assert_eq!(net.is_directed(), nx["directed"].as_bool().unwrap());
    let nodes = nx["nodes"].as_object().unwrap();
    assert_eq!(net.actor_count(), nodes.len());
    for (key, attrs) in nodes {
        // The name is the label when there is one (then the networkx key is kept as the extra "id").
        let name = attrs.get("label").and_then(Value::as_str).unwrap_or(key);
        let actor = net.actor(net.find(name).unwrap()).unwrap();
        assert_eq!(actor.name(), name);
        if name != key {
            assert_eq!(actor.extras()["id"], Extra::Text(key.clone()));
        }
        let kind = attrs.get("kind").and_then(Value::as_str).unwrap_or("person");
        assert_eq!(actor.kind().as_str(), kind);
        assert_eq!(
            actor.based_in().map(Country::alpha3),
            attrs.get("country").and_then(Value::as_str)
        );
        assert_eq!(
            actor.monthly_capacity().map(u64::from),
            attrs.get("capacity").and_then(Value::as_u64)
        );
        let roles: Vec<&str> = actor.roles().iter().map(|r| r.as_str()).collect();
        assert_eq!(
            roles.join("; "),
            attrs.get("roles").and_then(Value::as_str).unwrap_or("")
        );
        for (k, v) in attrs.as_object().unwrap() {
            if ["label", "kind", "country", "capacity", "roles"].contains(&k.as_str()) {
                continue;
            }
            let want = match v {
                Value::Bool(b) => Extra::Bool(*b),
                Value::Number(n) if n.is_i64() => Extra::Int(n.as_i64().unwrap()),
                Value::Number(n) => Extra::Float(n.as_f64().unwrap()),
                Value::String(s) => Extra::Text(s.clone()),
                other => panic!("unexpected attribute {other}"),
            };
            assert_eq!(actor.extras()[k], want, "{name}: {k}");
        }
    }
    let edges = nx["edges"].as_array().unwrap();
    assert_eq!(net.tie_count(), edges.len());
    for ((from, to, tie), e) in net.ties().zip(edges) {
        let end = |id: corridor::network::ActorId| {
            let a = net.actor(id).unwrap();
            match a.extras().get("id") {
                Some(Extra::Text(k)) => k.clone(),
                _ => a.name().to_owned(),
            }
        };
        assert_eq!([end(from), end(to)], [e[0].as_str().unwrap(), e[1].as_str().unwrap()]);
        let attrs = &e[2];
        assert_eq!(tie.tie_weight(), attrs["weight"].as_f64().unwrap());
        let kind = attrs.get("kind").and_then(Value::as_str).unwrap_or("unspecified");
        assert_eq!(tie.kind().as_str(), kind);
        assert!(!tie.is_directed());
    }
    let (_, _, second) = net.ties().nth(1).unwrap();
    assert_eq!(second.first_seen(), Some(date!(2022 - 01 - 10)));
    assert_eq!(second.extras()["calls"], Extra::Int(17));
    let (_, _, first) = net.ties().next().unwrap();
    assert_eq!(first.extras()["note"], Extra::Text("from court file".into()));
}

/// A networkx `MultiDiGraph`: parallel edges of one kind merge (weights summed), kinds stay apart, an
/// edge without a kind is unspecified; the weights per kind add up to networkx's.
#[test]
fn reads_a_networkx_multidigraph() {
    let nx = &reference()["networkx_multidigraph"];
    let net = fixture("networkx_multidigraph");
    assert!(net.is_directed() && nx["directed"].as_bool().unwrap());
    assert_eq!(net.actor_count(), nx["nodes"].as_object().unwrap().len());
    let edges = nx["edges"].as_array().unwrap();
    for kind in ["command", "financial", "unspecified"] {
        let want: f64 = edges
            .iter()
            .filter(|e| e[2].get("kind").and_then(Value::as_str).unwrap_or("unspecified") == kind)
            .map(|e| e[2].get("weight").and_then(Value::as_f64).unwrap_or(1.0))
            .sum();
        let got: f64 = net
            .ties()
            .filter(|t| t.2.kind().as_str() == kind)
            .map(|t| t.2.tie_weight())
            .sum();
        assert_eq!(got, want, "{kind}");
    }
    // 1.0 + 2.0 command ties merged into one of weight 3.
    assert_eq!(net.tie_count(), 3);
    assert!(net.ties().all(|t| t.2.is_directed()));
}

/// What igraph 1.0.0 read back from `igraph_graph.graphml`: the `name` attribute is the name, the
/// positional ids `n0`… are not kept, `community` is a double.
#[test]
fn reads_what_igraph_writes() {
    let ig = &reference()["igraph_graph"];
    let net = fixture("igraph_graph");
    assert!(!net.is_directed() && !ig["directed"].as_bool().unwrap());
    let names: Vec<&str> = net.actors().map(|(_, a)| a.name()).collect();
    let want: Vec<&str> = ig["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, want);
    for ((_, a), c) in net.actors().zip(ig["community"].as_array().unwrap()) {
        assert_eq!(a.extras().len(), 1, "{}: only community, no id", a.name());
        assert_eq!(a.extras()["community"], Extra::Float(c.as_f64().unwrap()));
    }
    let edges = ig["edges"].as_array().unwrap();
    assert_eq!(net.tie_count(), edges.len());
    for ((from, to, t), e) in net.ties().zip(edges) {
        let mut got = [net.actor(from).unwrap().name(), net.actor(to).unwrap().name()];
        let mut want = [e[0].as_str().unwrap(), e[1].as_str().unwrap()];
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
        assert_eq!(t.tie_weight(), e[2].as_f64().unwrap());
        assert_eq!(t.kind(), TieKind::Unspecified);
    }
}

/// Gephi 0.10 exports `label` for the name, numeric ids, and its layout and colour as typed keys. This
/// file is written by hand in that shape (no Gephi on the test machine).
#[test]
fn reads_a_gephi_shaped_export() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="modularity_class" attr.type="int" for="node" id="modularity_class"><default>0</default></key>
<graph edgedefault="directed">
<node id="0"><data key="label">Ana</data><data key="r">153</data><data key="x">-12.5</data></node>
<node id="1"><data key="label">Luis</data><data key="r">0</data><data key="x">3.0</data><data key="modularity_class">2</data></node>
<edge id="0" source="0" target="1" directed="false"><data key="weight">2.0</data><data key="edgelabel">calls</data></edge>
</graph>
</graphml>"#;
    let net = read_graphml(text.as_bytes()).unwrap();
    let ana = net.actor(net.find("Ana").unwrap()).unwrap();
    assert_eq!(ana.extras()["id"], Extra::Text("0".into()));
    assert_eq!(ana.extras()["r"], Extra::Int(153));
    assert_eq!(ana.extras()["x"], Extra::Float(-12.5));
    // The key's default applies where the node has no data for it.
    assert_eq!(ana.extras()["modularity_class"], Extra::Int(0));
    let luis = net.actor(net.find("Luis").unwrap()).unwrap();
    assert_eq!(luis.extras()["modularity_class"], Extra::Int(2));
    let (_, _, t) = net.ties().next().unwrap();
    // The XML attribute directed="false" overrides the edge default.
    assert!(!t.is_directed() && !net.is_directed());
    assert_eq!(t.extras()["Edge Label"], Extra::Text("calls".into()));
}

/// Everything corridor writes reads back equal: names that need escaping, list items holding the list
/// separators, sources with every field, extras of every type, mixed directions.
#[test]
fn corridor_round_trip_is_exact() {
    let mut b = SmugglingNetwork::builder();
    let clan = b.add_actor(
        Actor::organisation("Clan <del> Golfo & \"Co\"")
            .alias("AGC")
            .alias("Los Urabeños; Gaitanistas")
            .alias("back\\slash | pipe")
            .extra("community", 3_i64)
            .extra("active", true)
            .extra("label", "Clan")
            .extra("x", -0.1),
    );
    let boss = b.add_actor(
        Actor::person("O'Brien \\ the boss")
            .role(Role::Leader)
            .role(Role::Financier)
            .country(Country::COL),
    );
    let boat = b.add_actor(
        Actor::person("Lancha\r\nNecoclí\ttab")
            .role(Role::BoatOperator)
            .stage(StageServed::new(0, "Necoclí/Turbo"))
            .stage(StageServed::new(1, " Capurganá: Acandí; Sapzurro "))
            .fee(Fee::new(50.25, "USD").unwrap())
            .capacity(1200),
    );
    b.add_actor(Actor::person("astral 😀 𝔘𝔫𝔦 ]]> end"));
    b.add_tie(boss, clan, Tie::undirected(TieKind::Membership)).unwrap();
    b.add_tie(
        boat,
        clan,
        Tie::undirected(TieKind::Unspecified).extra("note", "seen; twice"),
    )
    .unwrap();
    b.add_tie(
        boss,
        boat,
        Tie::directed(TieKind::Command)
            .weight(2.5)
            .seen(date!(2022 - 01 - 10), date!(2023 - 06 - 30))
            .source(
                Source::new("Policía Nacional", "Operación <Agamenón> | II; fase")
                    .unwrap()
                    .address("https://example.org/?a=1&b=2")
                    .date(date!(2021 - 10 - 23))
                    .note("back\\slash"),
            )
            .source(Source::new("Fiscalía", "").unwrap()),
    )
    .unwrap();
    b.add_tie(
        boss,
        boat,
        Tie::undirected(TieKind::Financial)
            .weight(0.1)
            .seen_from(date!(2020 - 02 - 29)),
    )
    .unwrap();
    let net = b.build().unwrap();
    let mut out = Vec::new();
    write_graphml(&net, &mut out).unwrap();
    let back = read_graphml(out.as_slice()).unwrap();
    assert_eq!(back, net);
    assert!(back.is_directed());

    // An undirected network stays undirected; the empty network reads back empty.
    for net in [
        {
            let mut b = SmugglingNetwork::builder();
            let x = b.add_actor(Actor::person("x"));
            let y = b.add_actor(Actor::person("y"));
            b.add_tie(x, y, Tie::undirected(TieKind::Kinship)).unwrap();
            b.build().unwrap()
        },
        SmugglingNetwork::builder().build().unwrap(),
    ] {
        let mut out = Vec::new();
        write_graphml(&net, &mut out).unwrap();
        let back = read_graphml(out.as_slice()).unwrap();
        assert_eq!(back, net);
        assert_eq!(back.is_directed(), net.is_directed());
    }
}

/// The committed `sample.graphml` (what `tests/network_io.rs` writes and networkx reads) reads back.
#[test]
fn reads_the_committed_sample() {
    let net = fixture("sample");
    assert_eq!((net.actor_count(), net.tie_count()), (4, 4));
    let clan = net.actor(net.find("AGC").unwrap()).unwrap();
    assert_eq!(clan.kind(), ActorKind::Organisation);
}

/// An extra named like a field corridor writes itself is refused when the network is built.
#[test]
fn extras_cannot_shadow_fields() {
    let mut b = SmugglingNetwork::builder();
    b.add_actor(Actor::person("x").extra("country", "COL"));
    assert_eq!(
        b.build().unwrap_err(),
        NetworkError::ReservedExtra { name: "country".into() }
    );
    let mut b = SmugglingNetwork::builder();
    let x = b.add_actor(Actor::person("x"));
    let y = b.add_actor(Actor::person("y"));
    assert!(matches!(
        b.add_tie(x, y, Tie::undirected(TieKind::Kinship).extra("weight", 2.0)),
        Err(NetworkError::ReservedExtra { .. })
    ));
    assert!(
        b.add_tie(x, y, Tie::undirected(TieKind::Kinship).extra(" ", 2.0))
            .is_err()
    );
}

const HEAD: &str = "<graphml><key id='k' for='node' attr.name='kind'/><key id='w' for='edge' attr.name='weight' attr.type='double'/>\n<graph edgedefault='undirected'>\n";

fn at(e: &GraphmlError) -> (u64, u64) {
    match e {
        GraphmlError::Xml { line, column, .. }
        | GraphmlError::Entity { line, column, .. }
        | GraphmlError::Structure { line, column, .. }
        | GraphmlError::Value { line, column, .. }
        | GraphmlError::Network { line, column, .. } => (*line, *column),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn malformed_xml_is_an_error_with_its_position() {
    // Not UTF-8: the position of the first bad byte.
    let bytes = b"<graphml>\n  <graph edgedefault='directed'><node id='\xff'/></graph></graphml>";
    match read_graphml(&bytes[..]) {
        Err(corridor::Error::Graphml(e @ GraphmlError::Xml { .. })) => assert_eq!(at(&e), (2, 43)),
        other => panic!("{other:?}"),
    }
    let e = graphml_error(&format!("{HEAD}<node id='a'>\n</edge></graph></graphml>"));
    assert!(matches!(e, GraphmlError::Xml { .. }), "{e}");
    assert_eq!(at(&e).0, 4);
    let e = graphml_error(&format!("{HEAD}<node id='a'"));
    assert!(matches!(e, GraphmlError::Xml { .. }), "{e}");
    // A character reference to a character XML 1.0 forbids.
    let e = graphml_error(&format!(
        "{HEAD}<node id='a'><data key='k'>&#1;</data></node></graph></graphml>"
    ));
    assert!(matches!(e, GraphmlError::Xml { .. }), "{e}");
    assert_eq!(at(&e), (3, 28));
    // The file ends inside the graph.
    let e = graphml_error(HEAD);
    assert!(
        matches!(e, GraphmlError::Xml { .. } | GraphmlError::Structure { .. }),
        "{e}"
    );
    let e = graphml_error("");
    assert!(matches!(e, GraphmlError::Structure { .. }), "{e}");
}

#[test]
fn entities_are_never_expanded() {
    // The "billion laughs": refused where the entity is used, without expanding anything.
    let laughs = format!(
        "<?xml version='1.0'?>\n<!DOCTYPE graphml [<!ENTITY a 'ha'>{}]>\n{HEAD}<node id='x'><data key='k'>&j;</data></node></graph></graphml>",
        (b'b'..=b'j')
            .map(|c| {
                let prev = char::from(c - 1);
                format!("<!ENTITY {} '{}'>", char::from(c), format!("&{prev};").repeat(10))
            })
            .collect::<Vec<_>>()
            .concat()
    );
    let e = graphml_error(&laughs);
    assert!(matches!(&e, GraphmlError::Entity { name, .. } if name == "j"), "{e}");
    assert_eq!(at(&e), (5, 28));
    // An external entity, in content and in an attribute value.
    let ext = "<!DOCTYPE g [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>";
    let e = graphml_error(&format!("{ext}{HEAD}<node id='&e;'/></graph></graphml>"));
    assert!(matches!(&e, GraphmlError::Entity { name, .. } if name == "e"), "{e}");
    // The five predefined entities and character references are read.
    let net = read_graphml(
        format!("{HEAD}<node id='&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;'/></graph></graphml>").as_bytes(),
    )
    .unwrap();
    assert_eq!(net.actors().next().unwrap().1.name(), "<&>\"'é😀");
}

#[test]
fn structures_corridor_does_not_read_are_errors() {
    let cases: [(&str, (u64, u64), &str); 10] = [
        ("<graph/>", (1, 1), "root element"),
        ("<graphml></graphml>", (1, 10), "no <graph>"),
        ("<graphml><graph/></graphml>", (1, 10), "edgedefault"),
        (
            "<graphml><graph edgedefault='directed'/><graph edgedefault='directed'/></graphml>",
            (1, 41),
            "second <graph>",
        ),
        (
            "<graphml><graph edgedefault='directed'><node id='a'><graph edgedefault='directed'/></node></graph></graphml>",
            (1, 53),
            "nested",
        ),
        (
            "<graphml><graph edgedefault='directed'><hyperedge/></graph></graphml>",
            (1, 40),
            "hyperedge",
        ),
        (
            "<graphml><graph edgedefault='directed'><node id='a'><data key='nope'>x</data></node></graph></graphml>",
            (1, 53),
            "not declared",
        ),
        (
            "<graphml><graph edgedefault='directed'><node id='a'/><node id='a'/></graph></graphml>",
            (1, 54),
            "declared twice",
        ),
        (
            "<graphml><graph edgedefault='directed'><node id='a'/><edge source='a' target='b'/></graph></graphml>",
            (1, 54),
            "does not declare",
        ),
        (
            "<graphml><key id='k' for='edge' attr.name='kind'/><graph edgedefault='directed'><node id='a'><data key='k'>x</data></node></graph></graphml>",
            (1, 94),
            "not declared for a node",
        ),
    ];
    for (text, pos, words) in cases {
        let e = graphml_error(text);
        assert!(matches!(e, GraphmlError::Structure { .. }), "{text}: {e}");
        assert!(e.to_string().contains(words), "{text}: {e}");
        assert_eq!(at(&e), pos, "{text}: {e}");
    }
}

#[test]
fn bad_values_and_refused_ties_are_errors_with_their_position() {
    let e = graphml_error(&format!(
        "{HEAD}<node id='a'><data key='k'>gang</data></node></graph></graphml>"
    ));
    assert!(
        matches!(&e, GraphmlError::Value { attribute, text, .. } if attribute == "kind" && text == "gang"),
        "{e}"
    );
    assert_eq!(at(&e), (3, 14));
    let e = graphml_error(&format!(
        "{HEAD}<node id='a'/><node id='b'/>\n<edge source='a' target='b'><data key='w'>heavy</data></edge></graph></graphml>"
    ));
    assert!(
        matches!(&e, GraphmlError::Value { attribute, .. } if attribute == "weight"),
        "{e}"
    );
    assert_eq!(at(&e), (4, 29));
    // A weight that parses but is not positive: the network refuses the tie, at the edge.
    let e = graphml_error(&format!(
        "{HEAD}<node id='a'/><node id='b'/>\n<edge source='a' target='b'><data key='w'>-1</data></edge></graph></graphml>"
    ));
    assert!(
        matches!(
            e,
            GraphmlError::Network {
                source: NetworkError::InvalidWeight { .. },
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(at(&e), (4, 1));
    // A self-loop.
    let e = graphml_error(&format!(
        "{HEAD}<node id='a'/>\n  <edge source='a' target='a'/></graph></graphml>"
    ));
    assert!(
        matches!(
            e,
            GraphmlError::Network {
                source: NetworkError::SelfTie { .. },
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(at(&e), (4, 3));
    // Two nodes whose labels are one name (case-insensitively): at the second node.
    let e = graphml_error(
        "<graphml><key id='l' for='node' attr.name='label'/><graph edgedefault='directed'>\n<node id='1'><data key='l'>Ana</data></node>\n<node id='2'><data key='l'>ANA</data></node></graph></graphml>",
    );
    assert!(
        matches!(
            e,
            GraphmlError::Network {
                source: NetworkError::DuplicateName { .. },
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(at(&e), (3, 1));
    // Typed extras that do not parse as their key's type.
    for (ty, text) in [("boolean", "maybe"), ("int", "1.5"), ("double", "one")] {
        let e = graphml_error(&format!(
            "<graphml><key id='x' for='node' attr.name='x' attr.type='{ty}'/><graph edgedefault='directed'><node id='a'><data key='x'>{text}</data></node></graph></graphml>"
        ));
        assert!(
            matches!(&e, GraphmlError::Value { text: t, .. } if t == text),
            "{ty}: {e}"
        );
    }
    let e = graphml_error(
        "<graphml><key id='x' for='node' attr.name='x' attr.type='date'/><graph edgedefault='directed'/></graphml>",
    );
    assert!(matches!(e, GraphmlError::Value { .. }), "{e}");
}

/// Key defaults are copied only up to the size of the input: a small file cannot make a large network.
#[test]
fn defaults_cannot_blow_up_memory() {
    let default = "x".repeat(1000);
    let nodes: String = (0..200)
        .map(|i| format!("<node id='{i}'/>"))
        .collect::<Vec<_>>()
        .concat();
    let text = format!(
        "<graphml><key id='d' for='node' attr.name='note'><default>{default}</default></key><graph edgedefault='directed'>{nodes}</graph></graphml>"
    );
    let e = graphml_error(&text);
    assert!(e.to_string().contains("defaults"), "{e}");
    // The same default on one node is fine.
    let nodes: String = (0..1).map(|i| format!("<node id='{i}'/>")).collect::<Vec<_>>().concat();
    let text = format!(
        "<graphml><key id='d' for='node' attr.name='note'><default>{default}</default></key><graph edgedefault='directed'>{nodes}</graph></graphml>"
    );
    let net = read_graphml(text.as_bytes()).unwrap();
    assert!(
        net.actors()
            .all(|(_, a)| a.extras()["note"] == Extra::Text(default.clone()))
    );
}
