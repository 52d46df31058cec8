//! `GraphML` import of a smuggling network: what networkx, igraph, Gephi and corridor write.

use std::borrow::Cow;
use std::io::Read;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use rustc_hash::FxHashMap;

use crate::Source;
use crate::network::{
    Actor, ActorId, ActorKind, Extra, Fee, NetworkBuilder, NetworkError, Role, SmugglingNetwork, StageServed, Tie,
    TieKind,
};
use crate::period::parse_iso_date;

/// Why a `GraphML` file could not be read: names the line and the column (both 1-based; columns count
/// characters) of the element or the text at fault.
///
/// # Examples
/// ```
/// use corridor::io::{read_graphml, GraphmlError};
/// // Not UTF-8: the error is at the first bad byte, line 2, column 43.
/// let bytes = b"<graphml>\n  <graph edgedefault='directed'><node id='\xff'/></graph></graphml>";
/// let err = read_graphml(&bytes[..]).unwrap_err();
/// assert!(matches!(err, corridor::Error::Graphml(GraphmlError::Xml { line: 2, column: 43, .. })));
/// // Well-formed, but not a GraphML graph.
/// let err = read_graphml("<svg/>".as_bytes()).unwrap_err();
/// assert!(matches!(err, corridor::Error::Graphml(GraphmlError::Structure { line: 1, .. })));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GraphmlError {
    /// The input is not well-formed XML, or not UTF-8.
    #[error("line {line}, column {column}: {message}")]
    Xml {
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        column: u64,
        /// What the XML parser found.
        message: String,
    },
    /// A reference to an entity other than the five XML predefines (`&amp;` `&lt;` `&gt;` `&quot;`
    /// `&apos;`): such entities are never expanded (no DTD is read), so the file cannot be read.
    #[error(
        "line {line}, column {column}: entity &{name}; is not expanded (only the five predefined entities and character references are)"
    )]
    Entity {
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        column: u64,
        /// The entity's name.
        name: String,
    },
    /// Well-formed XML that is not a `GraphML` graph corridor reads: no `<graphml>` root, no `<graph>`, a
    /// second or nested graph, a hyperedge, an undeclared key, a node declared twice, an edge to a node
    /// that is not declared.
    #[error("line {line}, column {column}: {reason}")]
    Structure {
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        column: u64,
        /// What is wrong.
        reason: String,
    },
    /// An attribute value that does not parse as its corridor field (a `kind`, a `country`, a `weight`)
    /// or as the type its key declares (`int`, `double`, `boolean`).
    #[error("line {line}, column {column}: {attribute} {text:?}: {reason}")]
    Value {
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        column: u64,
        /// The attribute's name (its key's `attr.name`).
        attribute: String,
        /// The text given.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The network refused an actor or a tie (two actors with one name, a self-loop, a weight that is not
    /// positive); the position is that of the `<node>` or `<edge>`.
    #[error("line {line}, column {column}: {source}")]
    Network {
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        column: u64,
        /// Why the network refused it.
        source: NetworkError,
    },
}

/// Reads a smuggling network from `GraphML`: files written by networkx (`write_graphml`), igraph
/// (`Graph.write_graphml`), Gephi, and [`write_graphml`](crate::io::write_graphml).
///
/// # What is read
///
/// The first and only `<graph>` of the file; each `<node>` becomes an [`Actor`] and each `<edge>` a
/// [`Tie`], in file order (so the n-th node is [`ActorId`] n-1). `<data>` values are matched to their
/// `<key>` by the key's `attr.name`, whatever its id (networkx writes `d0`, `d1`…, igraph `v_name`,
/// Gephi `label`), and a key's `<default>` applies to the elements without that data.
///
/// | element | attribute | becomes | when absent |
/// |---|---|---|---|
/// | node | `name`, else `label`, else the node's `id` | the actor's name | — |
/// | node | `kind` | [`ActorKind`] | a person |
/// | node | `aliases`, `roles`, `stages` | lists (as [`write_graphml`](crate::io::write_graphml) writes them) | none |
/// | node | `country` | a [`Country`](crate::Country) code | none |
/// | node | `fee` with `fee_currency` | a [`Fee`] | none |
/// | node | `capacity` | monthly capacity | none |
/// | edge | `kind` | [`TieKind`] | [`TieKind::Unspecified`] |
/// | edge | `weight` | the tie weight | 1 |
/// | edge | `directed` data, else the XML attribute `directed`, else the graph's `edgedefault` | the tie's direction | — |
/// | edge | `first_seen`, `last_seen` | `YYYY-MM-DD` dates | open |
/// | edge | `sources` | [`Source`]s (as `write_graphml` writes them) | none |
/// | node, edge | any other attribute | an [`Extra`] of its key's type (`label` only when it is not the name) | — |
///
/// A node's `id` joins edges to it and is the name when there is none; when the name comes from `name`
/// or `label`, the id is kept as the extra `id`, unless it is the positional `n0`, `n1`… that corridor
/// and igraph write (the n-th node's `n{n-1}`), which says nothing of its own. Edge ids, ports,
/// graph-level data and keys without an `attr.name` (yEd's graphics) are skipped. Parallel edges of one
/// kind and direction are merged as [`NetworkBuilder::add_tie`] merges duplicates (weights summed).
/// A network written by [`write_graphml`](crate::io::write_graphml) reads back equal to itself, apart
/// from the characters XML cannot carry (which the writer replaces by U+FFFD).
///
/// # Safety of the input
///
/// The whole input is read into memory, then parsed in place: memory is bounded by a small multiple of
/// the input's size (key defaults are copied into the elements that lack the data only up to the size of
/// the input in all). No entity is ever expanded beyond the five XML predefines and character
/// references; a `<!DOCTYPE>` is skipped and the entities it declares are refused where they are used.
///
/// # Complexity
///
/// O(n) time in the input's size (one pass; hash look-ups of node ids and duplicate ties).
///
/// # Errors
///
/// [`crate::Error::Io`] if reading fails; [`crate::Error::Graphml`] naming line and column for XML that
/// is not well-formed or not UTF-8 ([`GraphmlError::Xml`]), an entity that would need expanding
/// ([`GraphmlError::Entity`]), a structure corridor does not read ([`GraphmlError::Structure`]), a value
/// that does not parse ([`GraphmlError::Value`]), and an actor or tie the network refuses
/// ([`GraphmlError::Network`]: a repeated name, a self-loop, a weight that is not positive).
///
/// # Examples
///
/// ```
/// use corridor::io::read_graphml;
/// use corridor::network::TieKind;
///
/// // As networkx 3.6 writes `nx.Graph([("Ana", "Luis", {"weight": 2.0})])`.
/// let text = r#"<?xml version='1.0' encoding='utf-8'?>
/// <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
///   <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
///   <graph edgedefault="undirected">
///     <node id="Ana"/>
///     <node id="Luis"/>
///     <edge source="Ana" target="Luis"><data key="d0">2.0</data></edge>
///   </graph>
/// </graphml>"#;
/// let net = read_graphml(text.as_bytes())?;
/// let (_, _, tie) = net.ties().next().unwrap();
/// assert_eq!((net.actor_count(), tie.tie_weight(), tie.kind()), (2, 2.0, TieKind::Unspecified));
/// assert!(net.find("luis").is_some());
///
/// let err = read_graphml("<graphml><graph edgedefault='directed'><node id='&x;'/></graph></graphml>".as_bytes());
/// assert!(err.unwrap_err().to_string().starts_with("line 1, column 40: entity &x;"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_graphml(mut reader: impl Read) -> crate::Result<SmugglingNetwork> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(parse(&bytes)?)
}

/// Parses a whole `GraphML` document.
pub(crate) fn parse(bytes: &[u8]) -> Result<SmugglingNetwork, GraphmlError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = position(bytes, e.valid_up_to());
            return Err(GraphmlError::Xml {
                line,
                column,
                message: "the file is not UTF-8 (corridor reads UTF-8 GraphML only)".to_owned(),
            });
        }
    };
    let mut p = Parser::new(text);
    p.document()?;
    p.finish()
}

/// Line and column (1-based, columns in characters) of byte `offset`; CR LF, CR and LF each end a line.
fn position(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let mut line = 1u64;
    let mut start = 0;
    for (i, &b) in before.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    let column = before[start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64 + 1;
    (line, column)
}

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Node,
    Edge,
    All,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Bool,
    Int,
    Float,
    Text,
}

#[derive(Debug)]
struct Key {
    id: String,
    name: Option<String>,
    domain: Domain,
    ty: Type,
    default: Option<String>,
}

/// One `<data>` of the element being read: its key and its text in `Parser::vals`.
#[derive(Debug, Clone, Copy)]
struct Span {
    key: usize,
    start: usize,
    end: usize,
    at: usize,
}

/// An edge whose ends were not yet declared where it appeared.
#[derive(Debug)]
struct Pending<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    tie: Tie,
    at: usize,
}

struct Parser<'a> {
    text: &'a str,
    reader: Reader<&'a [u8]>,
    keys: Vec<Key>,
    key_ids: FxHashMap<String, usize>,
    builder: NetworkBuilder,
    nodes: FxHashMap<Cow<'a, str>, ActorId>,
    node_at: Vec<usize>,
    pending: Vec<Pending<'a>>,
    graph_at: Option<usize>,
    edgedefault_directed: bool,
    /// Bytes of key defaults that may still be copied into elements.
    budget: usize,
    vals: String,
    spans: Vec<Span>,
}

fn local<'e>(e: &'e BytesStart<'_>) -> &'e str {
    let name = e.name();
    let n: &str = name.0;
    n.rsplit(':').next().unwrap_or(n)
}

impl<'a> Parser<'a> {
    /// A parser of `text` (a byte-order mark is skipped; positions count from after it).
    fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = Reader::from_reader(text.as_bytes());
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Self {
            text,
            reader,
            keys: Vec::new(),
            key_ids: FxHashMap::default(),
            builder: SmugglingNetwork::builder(),
            nodes: FxHashMap::default(),
            node_at: Vec::new(),
            pending: Vec::new(),
            graph_at: None,
            edgedefault_directed: false,
            budget: text.len(),
            vals: String::new(),
            spans: Vec::new(),
        }
    }

    fn pos(&self, at: usize) -> (u64, u64) {
        position(self.text.as_bytes(), at)
    }

    fn structure(&self, at: usize, reason: impl Into<String>) -> GraphmlError {
        let (line, column) = self.pos(at);
        GraphmlError::Structure {
            line,
            column,
            reason: reason.into(),
        }
    }

    fn value(&self, at: usize, attribute: &str, text: &str, reason: impl Into<String>) -> GraphmlError {
        let (line, column) = self.pos(at);
        GraphmlError::Value {
            line,
            column,
            attribute: attribute.to_owned(),
            text: text.to_owned(),
            reason: reason.into(),
        }
    }

    fn network(&self, at: usize, source: NetworkError) -> GraphmlError {
        let (line, column) = self.pos(at);
        GraphmlError::Network { line, column, source }
    }

    fn entity(&self, at: usize, name: &str) -> GraphmlError {
        let (line, column) = self.pos(at);
        GraphmlError::Entity {
            line,
            column,
            name: name.to_owned(),
        }
    }

    fn xml(&self, at: usize, message: String) -> GraphmlError {
        let (line, column) = self.pos(at);
        GraphmlError::Xml { line, column, message }
    }

    /// The next event with the byte offset where it starts.
    fn next(&mut self) -> Result<(usize, Event<'a>), GraphmlError> {
        let at = self.reader.buffer_position() as usize;
        match self.reader.read_event() {
            Ok(e) => Ok((at, e)),
            Err(e) => Err(self.xml(self.reader.error_position() as usize, e.to_string())),
        }
    }

    /// The value of attribute `a` with references resolved, refusing other entities.
    fn attr_value(&self, at: usize, a: &Attribute<'a>) -> Result<Cow<'a, str>, GraphmlError> {
        match a.normalized_value(XmlVersion::Implicit1_0) {
            Ok(v) => {
                if v.chars().all(xml_char) {
                    Ok(v)
                } else {
                    Err(self.xml(at, "an attribute value holds a character XML 1.0 forbids".to_owned()))
                }
            }
            Err(quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name))) => {
                Err(self.entity(at, &name))
            }
            Err(e) => Err(self.xml(at, e.to_string())),
        }
    }

    /// One attribute of a start tag by local name, resolved.
    fn attr(&self, at: usize, e: &BytesStart<'a>, name: &str) -> Result<Option<Cow<'a, str>>, GraphmlError> {
        for a in e.attributes() {
            let a = a.map_err(|err| self.xml(at, err.to_string()))?;
            let key: &str = a.key.0;
            if key.rsplit(':').next() == Some(name) && !key.starts_with("xmlns") {
                let v = self.attr_value(at, &a)?;
                return Ok(Some(self.reborrow(v)));
            }
        }
        Ok(None)
    }

    /// The same text borrowed from the input when it is a slice of it (values without references are),
    /// so that node ids are not copied.
    fn reborrow(&self, v: Cow<'_, str>) -> Cow<'a, str> {
        if let Cow::Borrowed(b) = &v {
            let base = self.text.as_ptr() as usize;
            let start = (b.as_ptr() as usize).wrapping_sub(base);
            if start <= self.text.len()
                && b.len() <= self.text.len() - start
                && let Some(slice) = self.text.get(start..start + b.len())
            {
                return Cow::Borrowed(slice);
            }
        }
        Cow::Owned(v.into_owned())
    }

    /// Resolves a reference in content: the five predefined entities and character references.
    fn reference(&self, at: usize, name: &str, out: &mut String) -> Result<(), GraphmlError> {
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix('x') {
                Some(hex) if !hex.starts_with(['+', '-']) => u32::from_str_radix(hex, 16).ok(),
                None if !num.starts_with(['+', '-']) => num.parse::<u32>().ok(),
                _ => None,
            };
            match code.and_then(char::from_u32).filter(|&c| xml_char(c)) {
                Some(c) => out.push(c),
                None => return Err(self.xml(at, format!("&{name}; is not a character XML 1.0 allows"))),
            }
        } else if let Some(s) = resolve_predefined_entity(name) {
            out.push_str(s);
        } else {
            return Err(self.entity(at, name));
        }
        Ok(())
    }

    /// Skips the rest of an element whose start tag was just read (checking what it holds).
    fn skip(&mut self) -> Result<(), GraphmlError> {
        let mut depth = 1usize;
        let mut scratch = String::new();
        loop {
            let (at, ev) = self.next()?;
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Event::GeneralRef(r) => {
                    scratch.clear();
                    self.reference(at, &r, &mut scratch)?;
                }
                Event::Eof => return Err(self.structure(at, "the file ends inside an element")),
                _ => {}
            }
        }
    }

    fn document(&mut self) -> Result<(), GraphmlError> {
        let mut scratch = String::new();
        let mut seen_root = false;
        loop {
            let (at, ev) = self.next()?;
            match ev {
                Event::Start(e) | Event::Empty(e) if seen_root => {
                    let _ = e;
                    return Err(self.structure(at, "a second root element after </graphml>"));
                }
                Event::Start(e) if local(&e) == "graphml" => {
                    seen_root = true;
                    self.graphml()?;
                }
                Event::Empty(e) if local(&e) == "graphml" => {
                    return Err(self.structure(at, "the <graphml> element holds no <graph>"));
                }
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(&e).to_owned();
                    return Err(self.structure(at, format!("the root element is <{name}>, not <graphml>")));
                }
                Event::GeneralRef(r) => {
                    scratch.clear();
                    self.reference(at, &r, &mut scratch)?;
                }
                Event::Eof => {
                    if !seen_root {
                        return Err(self.structure(at, "no <graphml> element"));
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
    }

    fn graphml(&mut self) -> Result<(), GraphmlError> {
        let mut scratch = String::new();
        loop {
            let (at, ev) = self.next()?;
            match ev {
                Event::Start(e) if local(&e) == "key" => self.key(at, &e, false)?,
                Event::Empty(e) if local(&e) == "key" => self.key(at, &e, true)?,
                Event::Start(e) | Event::Empty(e) if local(&e) == "graph" && self.graph_at.is_some() => {
                    let _ = e;
                    return Err(self.structure(at, "a second <graph>: corridor reads one graph per file"));
                }
                Event::Start(e) if local(&e) == "graph" => self.graph(at, &e, false)?,
                Event::Empty(e) if local(&e) == "graph" => self.graph(at, &e, true)?,
                Event::Start(_) => self.skip()?,
                Event::End(_) => {
                    if self.graph_at.is_none() {
                        return Err(self.structure(at, "the <graphml> element holds no <graph>"));
                    }
                    return Ok(());
                }
                Event::GeneralRef(r) => {
                    scratch.clear();
                    self.reference(at, &r, &mut scratch)?;
                }
                Event::Eof => return Err(self.structure(at, "the file ends inside <graphml>")),
                _ => {}
            }
        }
    }

    fn key(&mut self, at: usize, e: &BytesStart<'a>, empty: bool) -> Result<(), GraphmlError> {
        let Some(id) = self.attr(at, e, "id")? else {
            return Err(self.structure(at, "a <key> without an id"));
        };
        let name = self.attr(at, e, "attr.name")?.map(Cow::into_owned);
        let domain = match self.attr(at, e, "for")?.as_deref() {
            Some("node") => Domain::Node,
            Some("edge") => Domain::Edge,
            Some("all") | None => Domain::All,
            Some(_) => Domain::Other,
        };
        let ty = match self.attr(at, e, "attr.type")?.as_deref() {
            Some("boolean") => Type::Bool,
            Some("int" | "long") => Type::Int,
            Some("float" | "double") => Type::Float,
            Some("string") | None => Type::Text,
            Some(other) => {
                return Err(self.value(
                    at,
                    "attr.type",
                    other,
                    "not a GraphML type (boolean, int, long, float, double, string)",
                ));
            }
        };
        if self.key_ids.contains_key(id.as_ref()) {
            return Err(self.structure(at, format!("key {:?} is declared twice", id.as_ref())));
        }
        let mut default = None;
        if !empty {
            let mut scratch = String::new();
            loop {
                let (at, ev) = self.next()?;
                match ev {
                    Event::Start(d) if local(&d) == "default" => {
                        let mut text = String::new();
                        self.text_content(&mut text, None)?;
                        default = Some(text);
                    }
                    Event::Empty(d) if local(&d) == "default" => default = Some(String::new()),
                    Event::Start(_) => self.skip()?,
                    Event::End(_) => break,
                    Event::GeneralRef(r) => {
                        scratch.clear();
                        self.reference(at, &r, &mut scratch)?;
                    }
                    Event::Eof => return Err(self.structure(at, "the file ends inside <key>")),
                    _ => {}
                }
            }
        }
        self.key_ids.insert(id.clone().into_owned(), self.keys.len());
        self.keys.push(Key {
            id: id.into_owned(),
            name,
            domain,
            ty,
            default,
        });
        Ok(())
    }

    /// Reads the text of an element whose start tag was just read, up to its end tag, into `out`.
    /// `skip_markup` names the key whose data may hold markup (then skipped, text and all: `None`
    /// refuses markup).
    fn text_content(&mut self, out: &mut String, key: Option<&str>) -> Result<(), GraphmlError> {
        loop {
            let (at, ev) = self.next()?;
            match ev {
                Event::Text(t) => {
                    let s = t.xml10_content();
                    if !s.chars().all(xml_char) {
                        return Err(self.xml(at, "the text holds a character XML 1.0 forbids".to_owned()));
                    }
                    out.push_str(&s);
                }
                Event::CData(t) => {
                    let s = t.xml10_content();
                    if !s.chars().all(xml_char) {
                        return Err(self.xml(at, "the text holds a character XML 1.0 forbids".to_owned()));
                    }
                    out.push_str(&s);
                }
                Event::GeneralRef(r) => self.reference(at, &r, out)?,
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(&e).to_owned();
                    let what = key.map_or_else(|| "the key's default".to_owned(), |k| format!("the data of key {k:?}"));
                    return Err(self.structure(at, format!("{what} holds an element <{name}>, where text is expected")));
                }
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.structure(at, "the file ends inside an element")),
                _ => {}
            }
        }
    }

    fn graph(&mut self, at: usize, e: &BytesStart<'a>, empty: bool) -> Result<(), GraphmlError> {
        self.graph_at = Some(at);
        self.edgedefault_directed = match self.attr(at, e, "edgedefault")?.as_deref() {
            Some("directed") => true,
            Some("undirected") => false,
            Some(other) => {
                return Err(self.value(at, "edgedefault", other, "neither directed nor undirected"));
            }
            None => return Err(self.structure(at, "the <graph> has no edgedefault (directed or undirected)")),
        };
        if empty {
            return Ok(());
        }
        let mut scratch = String::new();
        loop {
            let (at, ev) = self.next()?;
            match ev {
                Event::Start(e) if local(&e) == "node" => self.node(at, &e, false)?,
                Event::Empty(e) if local(&e) == "node" => self.node(at, &e, true)?,
                Event::Start(e) if local(&e) == "edge" => self.edge(at, &e, false)?,
                Event::Empty(e) if local(&e) == "edge" => self.edge(at, &e, true)?,
                Event::Start(e) | Event::Empty(e) if local(&e) == "hyperedge" => {
                    let _ = e;
                    return Err(self.structure(at, "hyperedges are not supported"));
                }
                Event::Start(e) | Event::Empty(e) if local(&e) == "graph" => {
                    let _ = e;
                    return Err(self.structure(at, "nested graphs are not supported"));
                }
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok(()),
                Event::GeneralRef(r) => {
                    scratch.clear();
                    self.reference(at, &r, &mut scratch)?;
                }
                Event::Eof => return Err(self.structure(at, "the file ends inside <graph>")),
                _ => {}
            }
        }
    }

    /// Reads the children of a node or edge: its `<data>` into `spans`, then the defaults of the keys it
    /// lacks.
    fn children(&mut self, element: &str, empty: bool) -> Result<(), GraphmlError> {
        self.vals.clear();
        self.spans.clear();
        let domain = if element == "node" { Domain::Node } else { Domain::Edge };
        if !empty {
            let mut scratch = String::new();
            loop {
                let (at, ev) = self.next()?;
                match ev {
                    Event::Start(d) if local(&d) == "data" => self.data(at, &d, domain, false)?,
                    Event::Empty(d) if local(&d) == "data" => self.data(at, &d, domain, true)?,
                    Event::Start(e) | Event::Empty(e) if local(&e) == "graph" => {
                        let _ = e;
                        return Err(self.structure(at, "nested graphs are not supported"));
                    }
                    Event::Start(_) => self.skip()?,
                    Event::End(_) => break,
                    Event::GeneralRef(r) => {
                        scratch.clear();
                        self.reference(at, &r, &mut scratch)?;
                    }
                    Event::Eof => return Err(self.structure(at, format!("the file ends inside <{element}>"))),
                    _ => {}
                }
            }
        }
        for k in 0..self.keys.len() {
            let key = &self.keys[k];
            if !(key.domain == domain || key.domain == Domain::All) || key.name.is_none() {
                continue;
            }
            let Some(default) = &key.default else { continue };
            if self.spans.iter().any(|s| s.key == k) {
                continue;
            }
            if default.len() > self.budget {
                let at = self.reader.buffer_position() as usize;
                return Err(self.structure(
                    at,
                    "key defaults would copy more text into the elements than the file holds",
                ));
            }
            self.budget -= default.len();
            let start = self.vals.len();
            self.vals.push_str(default);
            self.spans.push(Span {
                key: k,
                start,
                end: self.vals.len(),
                at: 0,
            });
        }
        Ok(())
    }

    fn data(&mut self, at: usize, e: &BytesStart<'a>, domain: Domain, empty: bool) -> Result<(), GraphmlError> {
        let Some(id) = self.attr(at, e, "key")? else {
            return Err(self.structure(at, "a <data> without a key"));
        };
        let Some(&k) = self.key_ids.get(id.as_ref()) else {
            return Err(self.structure(at, format!("key {:?} is not declared (before its use)", id.as_ref())));
        };
        let key = &self.keys[k];
        if !(key.domain == domain || key.domain == Domain::All) {
            let element = if domain == Domain::Node { "node" } else { "edge" };
            return Err(self.structure(at, format!("key {:?} is not declared for a {element}", id.as_ref())));
        }
        if key.name.is_none() {
            // A key without attr.name (yEd's graphics): its data may hold markup and carries no attribute.
            return if empty { Ok(()) } else { self.skip() };
        }
        if self.spans.iter().any(|s| s.key == k) {
            return Err(self.structure(at, format!("key {:?} is given twice", id.as_ref())));
        }
        let start = self.vals.len();
        if !empty {
            let mut text = std::mem::take(&mut self.vals);
            let key_id = self.keys[k].id.clone();
            let r = self.text_content(&mut text, Some(&key_id));
            self.vals = text;
            r?;
        }
        self.spans.push(Span {
            key: k,
            start,
            end: self.vals.len(),
            at,
        });
        Ok(())
    }

    fn node(&mut self, at: usize, e: &BytesStart<'a>, empty: bool) -> Result<(), GraphmlError> {
        let Some(id) = self.attr(at, e, "id")? else {
            return Err(self.structure(at, "a <node> without an id"));
        };
        if self.nodes.contains_key(&id) {
            return Err(self.structure(at, format!("node {:?} is declared twice", id.as_ref())));
        }
        self.children("node", empty)?;
        let actor = self.actor(at, &id)?;
        actor
            .validate(self.node_at.len())
            .map_err(|err| self.network(at, err))?;
        let aid = self.builder.add_actor(actor);
        self.node_at.push(at);
        self.nodes.insert(id, aid);
        Ok(())
    }

    /// The typed value of an extra.
    fn extra(&self, span: &Span) -> Result<Extra, GraphmlError> {
        let key = &self.keys[span.key];
        let text = &self.vals[span.start..span.end];
        let t = text.trim();
        let name = key.name.as_deref().unwrap_or("");
        let at = self.span_at(span);
        Ok(match key.ty {
            Type::Text => Extra::Text(text.to_owned()),
            Type::Bool => Extra::Bool(parse_bool(t).ok_or_else(|| self.value(at, name, text, "not a boolean"))?),
            Type::Int => Extra::Int(t.parse().map_err(|_| self.value(at, name, text, "not an integer"))?),
            Type::Float => Extra::Float(t.parse().map_err(|_| self.value(at, name, text, "not a number"))?),
        })
    }

    fn span_at(&self, span: &Span) -> usize {
        if span.at == 0 {
            self.reader.buffer_position() as usize
        } else {
            span.at
        }
    }

    /// Runs `f` on each `<data>` of the element just read, as (span, attribute name, text, offset),
    /// refusing an attribute given twice; returns the attribute names in order.
    fn each_data<'s>(
        &'s self,
        mut f: impl FnMut(&Span, &'s str, &'s str, usize) -> Result<(), GraphmlError>,
    ) -> Result<Vec<&'s str>, GraphmlError> {
        let mut seen: Vec<&str> = Vec::new();
        for span in &self.spans {
            let attr = self.keys[span.key].name.as_deref().unwrap_or("");
            let text = &self.vals[span.start..span.end];
            let here = self.span_at(span);
            if seen.contains(&attr) {
                return Err(self.structure(here, format!("attribute {attr:?} is given twice")));
            }
            seen.push(attr);
            f(span, attr, text, here)?;
        }
        Ok(seen)
    }

    #[allow(clippy::too_many_lines)] // one arm per field an actor has, then the actor from them
    fn actor(&self, at: usize, id: &str) -> Result<Actor, GraphmlError> {
        let mut name: Option<&str> = None;
        let mut label: Option<Span> = None;
        let mut kind = ActorKind::Person;
        let mut aliases = Vec::new();
        let mut roles = Vec::new();
        let mut country = None;
        let mut stages = Vec::new();
        let mut fee: Option<(f64, Span)> = None;
        let mut currency: Option<(&str, Span)> = None;
        let mut capacity = None;
        let mut extras = Vec::new();
        let seen = self.each_data(|span, attr, text, here| {
            let bad = |reason: &str| self.value(here, attr, text, reason);
            match attr {
                "name" => name = Some(text),
                "label" => label = Some(*span),
                "kind" => {
                    kind = text
                        .parse()
                        .map_err(|_| bad("not an actor kind (person, organisation)"))?;
                }
                "aliases" => aliases = split_list(text),
                "roles" => {
                    for r in split_list(text) {
                        roles.push(r.parse::<Role>().map_err(|_| bad("not a list of roles"))?);
                    }
                }
                "country" => {
                    country = Some(
                        text.parse::<crate::Country>()
                            .map_err(|_| bad("not an ISO 3166-1 country code"))?,
                    );
                }
                "stages" => {
                    for s in split_list(text) {
                        let (i, n) = s
                            .split_once(':')
                            .and_then(|(i, n)| Some((i.trim().parse::<u32>().ok()?, n)))
                            .ok_or_else(|| bad("not a list of index:name stages"))?;
                        stages.push(StageServed::new(i, n));
                    }
                }
                "fee" => fee = Some((text.trim().parse().map_err(|_| bad("not a number"))?, *span)),
                "fee_currency" => currency = Some((text, *span)),
                "capacity" => {
                    capacity = Some(
                        text.trim()
                            .parse::<u32>()
                            .map_err(|_| bad("not a whole number of migrants per month"))?,
                    );
                }
                _ => extras.push(*span),
            }
            Ok(())
        })?;
        let name = match (name, label) {
            (Some(n), Some(l)) => {
                extras.push(l);
                n
            }
            (None, Some(l)) => &self.vals[l.start..l.end],
            (n, None) => n.unwrap_or(id),
        };
        // The node id is information of its own unless it is the name or the positional `n{k}` id that
        // corridor and igraph write.
        let positional = id.strip_prefix('n').is_some_and(|k| {
            k.bytes().all(|b| b.is_ascii_digit())
                && (k == "0" || !k.starts_with('0'))
                && k.parse::<usize>().ok() == Some(self.node_at.len())
        });
        let keep_id = name != id && !positional && !seen.contains(&"id");
        let mut a = match kind {
            ActorKind::Person => Actor::person(name),
            ActorKind::Organisation => Actor::organisation(name),
        };
        for x in aliases {
            a = a.alias(x);
        }
        for r in roles {
            a = a.role(r);
        }
        for s in stages {
            a = a.stage(s);
        }
        if let Some(c) = country {
            a = a.country(c);
        }
        match (fee, currency) {
            (Some((amount, _)), Some((cur, span))) => {
                let f = Fee::new(amount, cur).map_err(|err| self.network(self.span_at(&span), err))?;
                a = a.fee(f);
            }
            (Some((_, span)), None) => return Err(self.structure(self.span_at(&span), "a fee without fee_currency")),
            (None, Some((_, span))) => return Err(self.structure(self.span_at(&span), "a fee_currency without fee")),
            (None, None) => {}
        }
        if let Some(c) = capacity {
            a = a.capacity(c);
        }
        for span in extras {
            let name = self.keys[span.key].name.clone().unwrap_or_default();
            a = a.extra(name, self.extra(&span)?);
        }
        if keep_id {
            a = a.extra("id", id);
        }
        let _ = at;
        Ok(a)
    }

    fn edge(&mut self, at: usize, e: &BytesStart<'a>, empty: bool) -> Result<(), GraphmlError> {
        let source = self.attr(at, e, "source")?;
        let target = self.attr(at, e, "target")?;
        let (Some(source), Some(target)) = (source, target) else {
            return Err(self.structure(at, "an <edge> without a source and a target"));
        };
        let directed_attr = match self.attr(at, e, "directed")?.as_deref() {
            None => None,
            Some(t) => Some(parse_bool(t).ok_or_else(|| self.value(at, "directed", t, "not a boolean"))?),
        };
        self.children("edge", empty)?;
        let tie = self.tie(directed_attr)?;
        if let (Some(&from), Some(&to)) = (self.nodes.get(&source), self.nodes.get(&target)) {
            self.builder.add_tie(from, to, tie).map_err(|err| self.network(at, err))
        } else {
            self.pending.push(Pending {
                source,
                target,
                tie,
                at,
            });
            Ok(())
        }
    }

    fn tie(&self, directed_attr: Option<bool>) -> Result<Tie, GraphmlError> {
        let mut kind = TieKind::Unspecified;
        let mut weight = 1.0;
        let mut directed = directed_attr.unwrap_or(self.edgedefault_directed);
        let mut first = None;
        let mut last = None;
        let mut sources = Vec::new();
        let mut extras = Vec::new();
        self.each_data(|span, attr, text, here| {
            let bad = |reason: &str| self.value(here, attr, text, reason);
            match attr {
                "kind" => kind = text.parse().map_err(|_| bad("not a tie kind"))?,
                "weight" => weight = text.trim().parse().map_err(|_| bad("not a number"))?,
                "directed" => directed = parse_bool(text.trim()).ok_or_else(|| bad("not a boolean"))?,
                "first_seen" => first = Some(parse_iso_date(text.trim()).map_err(|_| bad("not a YYYY-MM-DD date"))?),
                "last_seen" => last = Some(parse_iso_date(text.trim()).map_err(|_| bad("not a YYYY-MM-DD date"))?),
                "sources" => {
                    for item in split_raw(text, ';') {
                        sources.push(parse_source(item).map_err(|reason| bad(&reason))?);
                    }
                }
                _ => extras.push(*span),
            }
            Ok(())
        })?;
        let mut t = if directed {
            Tie::directed(kind)
        } else {
            Tie::undirected(kind)
        }
        .weight(weight);
        if let Some(d) = first {
            t = t.seen_from(d);
        }
        if let Some(d) = last {
            t = t.seen_until(d);
        }
        for s in sources {
            t = t.source(s);
        }
        for span in extras {
            let name = self.keys[span.key].name.clone().unwrap_or_default();
            t = t.extra(name, self.extra(&span)?);
        }
        Ok(t)
    }

    fn finish(mut self) -> Result<SmugglingNetwork, GraphmlError> {
        for p in std::mem::take(&mut self.pending) {
            let mut ends = [None, None];
            for (end, id) in ends.iter_mut().zip([&p.source, &p.target]) {
                match self.nodes.get(id) {
                    Some(&a) => *end = Some(a),
                    None => {
                        return Err(self.structure(
                            p.at,
                            format!(
                                "the edge refers to node {:?}, which the graph does not declare",
                                id.as_ref()
                            ),
                        ));
                    }
                }
            }
            if let [Some(from), Some(to)] = ends {
                self.builder
                    .add_tie(from, to, p.tie)
                    .map_err(|err| self.network(p.at, err))?;
            }
        }
        let graph_at = self.graph_at.unwrap_or(0);
        let node_at = std::mem::take(&mut self.node_at);
        let builder = std::mem::take(&mut self.builder);
        builder.build().map_err(|err| {
            let at = match &err {
                NetworkError::DuplicateName { second, .. } => node_at.get(*second).copied().unwrap_or(graph_at),
                _ => graph_at,
            };
            self.network(at, err)
        })
    }
}

fn parse_bool(t: &str) -> Option<bool> {
    let t = t.trim();
    if t.eq_ignore_ascii_case("true") || t == "1" {
        Some(true)
    } else if t.eq_ignore_ascii_case("false") || t == "0" {
        Some(false)
    } else {
        None
    }
}

/// Splits at each `sep` not escaped by a backslash; escapes are kept. Items after the first lose one
/// leading space (the writer joins with `"; "`). Empty text is no item.
fn split_raw(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    if s.is_empty() {
        return out;
    }
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&s[start..]);
    for item in out.iter_mut().skip(1) {
        if sep == ';' {
            *item = item.strip_prefix(' ').unwrap_or(item);
        }
    }
    out
}

/// Removes the backslash escapes of a list item.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut escaped = false;
    for c in s.chars() {
        if escaped || c != '\\' {
            out.push(c);
            escaped = false;
        } else {
            escaped = true;
        }
    }
    out
}

/// A list attribute (`aliases`, `roles`, `stages`): items as [`write_graphml`](crate::io::write_graphml)
/// writes them.
fn split_list(s: &str) -> Vec<String> {
    split_raw(s, ';').into_iter().map(unescape).collect()
}

/// A source as `publisher|title|date|address|note`.
fn parse_source(item: &str) -> Result<Source, String> {
    let fields: Vec<String> = split_raw(item, '|').into_iter().map(unescape).collect();
    let [publisher, title, date, address, note] = fields.as_slice() else {
        return Err(format!(
            "a source has {} fields where publisher|title|date|address|note has 5",
            fields.len()
        ));
    };
    let mut s = Source::new(publisher, title).map_err(|e| e.to_string())?;
    if !date.is_empty() {
        s = s.date(parse_iso_date(date).map_err(|e| e.to_string())?);
    }
    Ok(s.address(address).note(note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let t = "ab\ncé\r\nx\ry";
        assert_eq!(position(t.as_bytes(), 0), (1, 1));
        assert_eq!(position(t.as_bytes(), 3), (2, 1));
        // "cé" is three bytes: the byte after it is column 3.
        assert_eq!(position(t.as_bytes(), 6), (2, 3));
        assert_eq!(position(t.as_bytes(), 8), (3, 1));
        assert_eq!(position(t.as_bytes(), 10), (4, 1));
    }

    #[test]
    fn lists_split_at_unescaped_separators() {
        assert_eq!(split_list("a; b\\; c; d\\\\"), ["a", "b; c", "d\\"]);
        assert!(split_list("").is_empty());
        assert_eq!(split_list("0:x; 1: y"), ["0:x", "1: y"]);
        let s = parse_source("P\\|Q|T||https://x/?a=1&b=2|n").unwrap();
        assert_eq!(
            (s.publisher(), s.title(), s.address_str(), s.note_str()),
            ("P|Q", "T", Some("https://x/?a=1&b=2"), Some("n"))
        );
        assert!(parse_source("P|T").is_err());
    }
}
