//! `GraphML` export of a smuggling network (for Gephi, yEd, Cytoscape, networkx).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use crate::Source;
use crate::network::{Extra, SmugglingNetwork};
use crate::period::write_date;

/// Escapes text for XML 1.0 element content and attribute values so that a conforming parser reads it
/// back exactly.
///
/// - `& < > " '` become `&amp; &lt; &gt; &quot; &apos;`.
/// - Carriage return becomes `&#13;` (a parser turns a raw CR, or CR LF, into LF); tab and line feed
///   become `&#9;` and `&#10;` (raw they survive in element content but not in attribute values).
/// - Characters XML 1.0 forbids in any form — C0 controls other than tab, LF and CR, and the
///   non-characters U+FFFE and U+FFFF — are replaced by U+FFFD (the replacement character).
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The `<key>` declarations: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 15] = [
    ("name", "node", "name", "string"),
    ("actor_kind", "node", "kind", "string"),
    ("aliases", "node", "aliases", "string"),
    ("roles", "node", "roles", "string"),
    ("country", "node", "country", "string"),
    ("stages", "node", "stages", "string"),
    ("fee", "node", "fee", "double"),
    ("fee_currency", "node", "fee_currency", "string"),
    ("capacity", "node", "capacity", "long"),
    ("tie_kind", "edge", "kind", "string"),
    ("weight", "edge", "weight", "double"),
    ("first_seen", "edge", "first_seen", "string"),
    ("last_seen", "edge", "last_seen", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("sources", "edge", "sources", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml_escape(value));
}

/// Escapes one item of a list attribute: `\\`, `;` and `|` get a backslash before them.
fn escape_item(out: &mut String, item: &str) {
    for c in item.chars() {
        if matches!(c, '\\' | ';' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Items joined by `"; "`, each escaped (see [`escape_item`]).
fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        escape_item(&mut out, item);
    }
    out
}

/// A source as `publisher|title|date|address|note`, each field escaped, absent ones empty.
fn source_record(out: &mut String, s: &Source) {
    escape_item(out, s.publisher());
    out.push('|');
    escape_item(out, s.title());
    out.push('|');
    if let Some(d) = s.publication_date() {
        let _ = write_date(out, d);
    }
    out.push('|');
    escape_item(out, s.address_str().unwrap_or(""));
    out.push('|');
    escape_item(out, s.note_str().unwrap_or(""));
}

/// The `<key>` ids of the extra attributes, by (name, `attr.type`), in name order.
fn extra_keys<'a>(
    prefix: &str,
    all: impl Iterator<Item = &'a BTreeMap<String, Extra>>,
) -> BTreeMap<(&'a str, &'static str), String> {
    let mut keys = BTreeMap::new();
    for extras in all {
        for (name, v) in extras {
            keys.entry((name.as_str(), v.graphml_type()))
                .or_insert_with(String::new);
        }
    }
    for (i, id) in keys.values_mut().enumerate() {
        *id = format!("{prefix}{i}");
    }
    keys
}

fn extras_data(out: &mut String, keys: &BTreeMap<(&str, &'static str), String>, extras: &BTreeMap<String, Extra>) {
    for (name, v) in extras {
        if let Some(id) = keys.get(&(name.as_str(), v.graphml_type())) {
            data(out, id, &v.to_string());
        }
    }
}

/// Writes `net` as `GraphML` 1.0.
///
/// Every actor is a `<node id="n{index}">` and every tie (not the summed analysis edge) an
/// `<edge id="e{k}">`, so several ties between one pair appear as parallel edges (networkx reads a
/// `MultiGraph` / `MultiDiGraph`). The graph's `edgedefault` is `directed` iff the network is directed;
/// an undirected tie of a directed network is written once, from the lower id to the higher, with its
/// `directed` attribute `false`.
///
/// Attributes (`<key>` declarations; absent values are left out):
///
/// | element | attribute | type | content |
/// |---|---|---|---|
/// | node | `name` | string | the actor's name |
/// | node | `kind` | string | `person` or `organisation` |
/// | node | `aliases` | string | aliases, a list |
/// | node | `roles` | string | roles (snake case), a list |
/// | node | `country` | string | ISO 3166-1 alpha-3 |
/// | node | `stages` | string | `index:name`, a list |
/// | node | `fee`, `fee_currency` | double, string | fee per migrant |
/// | node | `capacity` | long | migrants per month |
/// | edge | `kind` | string | tie kind |
/// | edge | `weight` | double | tie weight |
/// | edge | `first_seen`, `last_seen` | string | `YYYY-MM-DD` |
/// | edge | `directed` | boolean | whether the tie is directed |
/// | edge | `sources` | string | `publisher\|title\|date\|address\|note`, a list (absent parts empty) |
/// | node, edge | each extra's name | `boolean`, `long`, `double` or `string` | the [`Extra`]s |
///
/// A list joins its items with `"; "`; inside an item a backslash, `;` and `|` are escaped with a
/// backslash (`a\; b` is the one item `a; b`), so [`read_graphml`](crate::io::read_graphml) reads every
/// list back exactly: a network written and read back equals the original, except for the characters
/// XML cannot carry (below).
///
/// Text is escaped for XML 1.0 so that a conforming parser reads every name back exactly: `& < > " '`
/// as entities, carriage return, line feed and tab as character references (`&#13;`, `&#10;`, `&#9;`; a
/// raw CR would be read back as LF). Characters XML 1.0 cannot carry at all — C0 controls other than
/// tab, LF and CR, and U+FFFE and U+FFFF — are **replaced by U+FFFD** (checked against networkx 3.6, see
/// `tests/integration/network_io.rs`).
///
/// # Errors
///
/// [`crate::Error::Io`] if writing fails.
///
/// # Examples
///
/// ```
/// use corridor::io::write_graphml;
/// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let x = b.add_actor(Actor::person("Tom & Jerry"));
/// let y = b.add_actor(Actor::person("Y"));
/// b.add_tie(x, y, Tie::undirected(TieKind::Kinship))?;
/// let mut out = Vec::new();
/// write_graphml(&b.build()?, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("Tom &amp; Jerry"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_graphml(net: &SmugglingNetwork, mut w: impl Write) -> crate::Result<()> {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, element, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{element}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let node_extras = extra_keys("node_extra", net.actors().map(|(_, a)| a.extras()));
    let edge_extras = extra_keys("edge_extra", net.ties().map(|(_, _, t)| t.extras()));
    for (element, keys) in [("node", &node_extras), ("edge", &edge_extras)] {
        for ((name, ty), id) in keys {
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{element}\" attr.name=\"{}\" attr.type=\"{ty}\"/>",
                xml_escape(name)
            );
        }
    }
    let default = if net.is_directed() { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph id=\"smuggling_network\" edgedefault=\"{default}\">");
    w.write_all(out.as_bytes())?;
    for (id, a) in net.actors() {
        out.clear();
        let _ = writeln!(out, "    <node id=\"n{}\">", id.index());
        data(&mut out, "name", a.name());
        data(&mut out, "actor_kind", a.kind().as_str());
        if !a.aliases().is_empty() {
            data(&mut out, "aliases", &list(a.aliases().iter().map(String::as_str)));
        }
        if !a.roles().is_empty() {
            data(&mut out, "roles", &list(a.roles().iter().map(|r| r.as_str())));
        }
        if let Some(c) = a.based_in() {
            data(&mut out, "country", c.alpha3());
        }
        if !a.stages().is_empty() {
            let stages: Vec<String> = a.stages().iter().map(ToString::to_string).collect();
            data(&mut out, "stages", &list(stages.iter().map(String::as_str)));
        }
        if let Some(fee) = a.fee_per_migrant() {
            data(&mut out, "fee", &fee.amount().to_string());
            data(&mut out, "fee_currency", fee.currency());
        }
        if let Some(c) = a.monthly_capacity() {
            data(&mut out, "capacity", &c.to_string());
        }
        extras_data(&mut out, &node_extras, a.extras());
        out.push_str("    </node>\n");
        w.write_all(out.as_bytes())?;
    }
    for (k, (from, to, t)) in net.ties().enumerate() {
        out.clear();
        let _ = writeln!(
            out,
            "    <edge id=\"e{k}\" source=\"n{}\" target=\"n{}\">",
            from.index(),
            to.index()
        );
        data(&mut out, "tie_kind", t.kind().as_str());
        data(&mut out, "weight", &t.tie_weight().to_string());
        let mut date = String::new();
        if let Some(d) = t.first_seen() {
            let _ = write_date(&mut date, d);
            data(&mut out, "first_seen", &date);
        }
        if let Some(d) = t.last_seen() {
            date.clear();
            let _ = write_date(&mut date, d);
            data(&mut out, "last_seen", &date);
        }
        data(&mut out, "directed", if t.is_directed() { "true" } else { "false" });
        if !t.sources().is_empty() {
            let mut s = String::new();
            for (i, src) in t.sources().iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                source_record(&mut s, src);
            }
            data(&mut out, "sources", &s);
        }
        extras_data(&mut out, &edge_extras, t.extras());
        out.push_str("    </edge>\n");
        w.write_all(out.as_bytes())?;
    }
    w.write_all(b"  </graph>\n</graphml>\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(xml_escape(r#"a&b<c>d"e'f"#), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
        assert_eq!(xml_escape("tab\tok\u{1}"), "tab&#9;ok\u{FFFD}");
        assert_eq!(xml_escape("a\r\nb\rc"), "a&#13;&#10;b&#13;c");
        assert_eq!(
            xml_escape("\u{FFFE}\u{FFFF}\u{FFFD}\u{10FFFF}"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{10FFFF}"
        );
        assert_eq!(xml_escape("Necoclí"), "Necoclí");
    }
}
