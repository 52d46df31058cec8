//! Graphviz DOT export of a smuggling network.

use std::fmt::Write as _;
use std::io::Write;

use crate::network::SmugglingNetwork;

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks written as `\n`.
pub(crate) fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `net` in Graphviz DOT.
///
/// A `graph` with `--` edges if the network is undirected, else a `digraph` with `->` edges where an
/// undirected tie is drawn with `dir=none`. Nodes are `n{index}` labelled with the actor's name and
/// carrying `kind`, `roles`, `country`, `capacity` attributes; organisations are boxes. Every tie is one
/// edge with `kind`, `weight` and `label` (the kind). Strings are double-quoted with `\` and `"`
/// escaped and line breaks written as `\n`.
///
/// # Errors
///
/// [`crate::Error::Io`] if writing fails.
///
/// # Examples
///
/// ```
/// use corridor::io::write_dot;
/// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let x = b.add_actor(Actor::person("\"El Flaco\""));
/// let y = b.add_actor(Actor::organisation("Clan"));
/// b.add_tie(x, y, Tie::undirected(TieKind::Membership))?;
/// let mut out = Vec::new();
/// write_dot(&b.build()?, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("graph smuggling_network {"));
/// assert!(text.contains(r#"label="\"El Flaco\"""#));
/// assert!(text.contains("n0 -- n1"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_dot(net: &SmugglingNetwork, mut w: impl Write) -> crate::Result<()> {
    let directed = net.is_directed();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} smuggling_network {{",
        if directed { "digraph" } else { "graph" }
    );
    for (id, a) in net.actors() {
        let _ = write!(
            out,
            "  n{} [label={}, kind={}",
            id.index(),
            dot_quote(a.name()),
            dot_quote(a.kind().as_str())
        );
        if a.kind() == crate::network::ActorKind::Organisation {
            out.push_str(", shape=box");
        }
        if !a.roles().is_empty() {
            let roles: Vec<&str> = a.roles().iter().map(|r| r.as_str()).collect();
            let _ = write!(out, ", roles={}", dot_quote(&roles.join("; ")));
        }
        if let Some(c) = a.based_in() {
            let _ = write!(out, ", country={}", dot_quote(c.alpha3()));
        }
        if let Some(c) = a.monthly_capacity() {
            let _ = write!(out, ", capacity={c}");
        }
        out.push_str("];\n");
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    let arrow = if directed { "->" } else { "--" };
    for (from, to, t) in net.ties() {
        let _ = write!(
            out,
            "  n{} {arrow} n{} [kind={k}, label={k}, weight={}",
            from.index(),
            to.index(),
            t.tie_weight(),
            k = dot_quote(t.kind().as_str()),
        );
        if directed && !t.is_directed() {
            out.push_str(", dir=none");
        }
        out.push_str("];\n");
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    w.write_all(b"}\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Actor, Tie, TieKind};

    #[test]
    fn quotes_backslashes_and_newlines() {
        assert_eq!(dot_quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(dot_quote("line1\r\nline2"), r#""line1\nline2""#);
    }

    #[test]
    fn mixed_network_marks_undirected_ties() {
        let mut b = SmugglingNetwork::builder();
        let x = b.add_actor(Actor::person("X"));
        let y = b.add_actor(Actor::person("Y"));
        b.add_tie(x, y, Tie::undirected(TieKind::Kinship)).unwrap();
        b.add_tie(y, x, Tie::directed(TieKind::Command).weight(2.5)).unwrap();
        let mut out = Vec::new();
        write_dot(&b.build().unwrap(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("digraph"));
        assert!(text.contains(r#"n0 -> n1 [kind="kinship", label="kinship", weight=1, dir=none];"#));
        assert!(text.contains(r#"n1 -> n0 [kind="command", label="command", weight=2.5];"#));
    }
}
