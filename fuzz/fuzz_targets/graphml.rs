//! Fuzzes the GraphML writer through an XML 1.0 parser (roxmltree) and corridor's own reader: for any actor
//! names, stage names, aliases and tie sources, the output must be well-formed, every name must read back
//! exactly with the characters XML 1.0 forbids replaced by U+FFFD (as `write_graphml` documents), and when
//! no text holds such a character `read_graphml` must give back the network it was written from.
#![no_main]

use corridor::Source;
use corridor::io::{read_graphml, write_graphml};
use corridor::network::{Actor, SmugglingNetwork, StageServed, Tie, TieKind};
use libfuzzer_sys::fuzz_target;

/// What XML 1.0 can carry of `s`.
fn carried(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// A list item as `write_graphml` documents it: backslash, `;` and `|` escaped with a backslash.
fn item(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '\\' | ';' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A source as `write_graphml` documents it: `publisher|title|date|address|note`, absent parts empty.
fn record(s: &Source) -> String {
    let date = s.publication_date().map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{}|{}|{date}|{}|{}",
        item(s.publisher()),
        item(s.title()),
        item(s.address_str().unwrap_or("")),
        item(s.note_str().unwrap_or(""))
    )
}

fuzz_target!(|input: (Vec<(String, String, String)>, Vec<(u8, u8, u8, bool, String)>)| {
    let (actors, ties) = input;
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<_> = actors
        .iter()
        .map(|(name, alias, stage)| b.add_actor(Actor::person(name.as_str()).alias(alias.as_str()).stage(StageServed::new(0, stage.as_str()))))
        .collect();
    if ids.is_empty() {
        return;
    }
    for (u, v, k, directed, source) in &ties {
        let (u, v) = (ids[*u as usize % ids.len()], ids[*v as usize % ids.len()]);
        let kind = TieKind::ALL[*k as usize % TieKind::ALL.len()];
        let tie = if *directed { Tie::directed(kind) } else { Tie::undirected(kind) };
        let _ = b.add_tie(u, v, match Source::new(source.as_str(), source.as_str()) { Ok(s) => tie.source(s), Err(_) => tie });
    }
    let Ok(net) = b.build() else { return };
    let mut out = Vec::new();
    write_graphml(&net, &mut out).expect("writing to a Vec cannot fail");
    let text = String::from_utf8(out).expect("GraphML is UTF-8");
    let doc = roxmltree::Document::parse(&text).expect("GraphML is well-formed XML 1.0");
    let value = |node: roxmltree::Node<'_, '_>, key: &str| {
        node.children()
            .find(|d| d.has_tag_name("data") && d.attribute("key") == Some(key))
            .map(|d| d.text().unwrap_or("").to_owned())
    };
    let nodes: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("node")).collect();
    assert_eq!(nodes.len(), net.actor_count());
    for ((id, actor), node) in net.actors().zip(&nodes) {
        assert_eq!(node.attribute("id"), Some(format!("n{}", id.index()).as_str()));
        assert_eq!(value(*node, "name"), Some(carried(actor.name())), "name of {id}");
    }
    let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), net.tie_count());
    for ((_, _, tie), edge) in net.ties().zip(&edges) {
        assert_eq!(value(*edge, "tie_kind").as_deref(), Some(tie.kind().as_str()));
        // A tie without sources has no `sources` element (absent values are left out).
        let sources: Vec<String> = tie.sources().iter().map(record).collect();
        let expected = (!sources.is_empty()).then(|| carried(&sources.join("; ")));
        assert_eq!(value(*edge, "sources"), expected);
    }
    // Replaced characters can make two names one, so the exact round trip needs text XML can carry.
    let exact = actors.iter().all(|(n, a, s)| [n, a, s].iter().all(|t| carried(t) == **t))
        && ties.iter().all(|t| carried(&t.4) == t.4);
    if exact {
        let back = read_graphml(text.as_bytes()).expect("corridor reads what it writes");
        assert_eq!(back, net);
    }
});
