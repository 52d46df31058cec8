//! Edge-list CSV reader and writer for smuggling networks (feature `csv`).

use std::collections::HashMap;
use std::io::{Read, Write};

use time::Date;

use super::ReadError;
use crate::network::{Actor, ActorId, SmugglingNetwork, Tie, TieKind};
use crate::period::write_date;

/// The columns, in the order [`write_edge_list`] writes them.
const COLUMNS: [&str; 7] = [
    "source",
    "target",
    "kind",
    "weight",
    "directed",
    "first_seen",
    "last_seen",
];

fn bad(line: u64, column: usize, text: &str, reason: impl Into<String>) -> crate::Error {
    ReadError::BadCell {
        line,
        column,
        text: text.to_owned(),
        reason: reason.into(),
    }
    .into()
}

fn csv_error(e: csv::Error) -> crate::Error {
    let line = e.position().map_or(0, csv::Position::line);
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        csv::ErrorKind::Utf8 { err, .. } => ReadError::BadCell {
            line,
            column: err.field() + 1,
            text: String::new(),
            reason: "not valid UTF-8".to_owned(),
        }
        .into(),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}

fn parse_directed(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "undirected" => Some(false),
        "true" | "yes" | "1" | "directed" => Some(true),
        _ => None,
    }
}

/// How [`read_edge_list_with`] treats columns it does not know.
///
/// # Examples
///
/// ```
/// use corridor::io::{EdgeListOptions, read_edge_list_with};
///
/// let csv = "source,target,kind,note\nA,B,kinship,cousins\n";
/// let report = read_edge_list_with(csv.as_bytes(), &EdgeListOptions::new().ignore_unknown_columns(true))?;
/// assert_eq!(report.ignored_columns(), ["note"]);
/// assert_eq!(report.network().tie_count(), 1);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EdgeListOptions {
    ignore_unknown: bool,
}

impl EdgeListOptions {
    /// Strict: a column the reader does not know is an error.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips unknown columns instead of failing; their headers are listed in
    /// [`EdgeListReport::ignored_columns`].
    #[must_use]
    pub fn ignore_unknown_columns(mut self, yes: bool) -> Self {
        self.ignore_unknown = yes;
        self
    }
}

/// What [`read_edge_list_with`] read: the network and the columns it skipped.
///
/// # Examples
/// ```
/// use corridor::io::{read_edge_list_with, EdgeListOptions};
/// let csv = "source,target,kind,note\nBoss,Guide,command,met in Necoclí\nGuide,Boatman,logistics,\n";
/// let report = read_edge_list_with(csv.as_bytes(), &EdgeListOptions::new().ignore_unknown_columns(true))?;
/// assert_eq!(report.ignored_columns(), ["note"]);
/// assert_eq!(report.network().actor_count(), 3);
/// let net = report.into_network();
/// assert_eq!(net.tie_count(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeListReport {
    network: SmugglingNetwork,
    ignored: Vec<String>,
}

impl EdgeListReport {
    /// The network read.
    #[must_use]
    pub fn network(&self) -> &SmugglingNetwork {
        &self.network
    }

    /// The network read, by value.
    #[must_use]
    pub fn into_network(self) -> SmugglingNetwork {
        self.network
    }

    /// Headers of the columns skipped by [`EdgeListOptions::ignore_unknown_columns`], in file order (as
    /// written, trimmed).
    #[must_use]
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }
}

/// The column of each of [`COLUMNS`] in `header`, and the headers skipped as unknown.
fn columns(header: &csv::StringRecord, options: EdgeListOptions) -> crate::Result<([Option<usize>; 7], Vec<String>)> {
    let mut col: [Option<usize>; 7] = [None; 7];
    let mut ignored = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let name = h.trim().trim_start_matches('\u{feff}');
        if let Some(k) = COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            if col[k].is_some() {
                return Err(ReadError::DuplicateColumn {
                    line: 1,
                    column: i + 1,
                    name: name.to_owned(),
                }
                .into());
            }
            col[k] = Some(i);
        } else {
            super::unknown_column(options.ignore_unknown, &mut ignored, 1, i + 1, name.to_owned())?;
        }
    }
    Ok((col, ignored))
}

/// An error of `add_tie` for the row at `line`; a weight overflow names the weight cell (column `c`).
fn tie_error(e: crate::network::NetworkError, line: u64, c: usize, record: &csv::StringRecord) -> crate::Error {
    match e {
        // The row is fine on its own: its weight and earlier rows' sum past f64::MAX.
        crate::network::NetworkError::WeightOverflow { .. } => bad(
            line,
            c + 1,
            record.get(c).unwrap_or(""),
            "tie weights of this and earlier rows sum past f64::MAX",
        ),
        other => other.into(),
    }
}

/// Reads a network from an edge-list CSV with a header row; every column must be known.
///
/// Columns (matched by header name, trimmed, case-insensitive, in any order):
///
/// | column | required | content | when empty |
/// |---|---|---|---|
/// | `source` | yes | actor name | error |
/// | `target` | yes | actor name | error |
/// | `kind` | yes | a [`TieKind`] (`communication`, `financial`, …) | error |
/// | `weight` | no | positive finite number | 1 |
/// | `directed` | no | `true`/`false`, `yes`/`no`, `1`/`0`, `directed`/`undirected` | undirected |
/// | `first_seen` | no | `YYYY-MM-DD` | open (observed since an unknown date) |
/// | `last_seen` | no | `YYYY-MM-DD` | open (still observed) |
///
/// Actors are created as people, in order of first appearance (source before target); names are
/// matched trimmed and case-insensitively, the first spelling is kept. Duplicate rows merge as in
/// [`NetworkBuilder::add_tie`](crate::network::NetworkBuilder::add_tie). Rows may be shorter than the
/// header (missing cells are empty) but not longer. To skip columns this reader does not know (and be
/// told which), use [`read_edge_list_with`].
///
/// # Errors
///
/// [`ReadError::Empty`] without a header row; [`ReadError::MissingColumn`] if `source`, `target` or
/// `kind` is absent; [`ReadError::DuplicateColumn`] if one is given twice; [`ReadError::UnknownColumn`]
/// for any other header; [`ReadError::RowLength`] for a row with more cells than the header;
/// [`ReadError::BadCell`] with the 1-based line and column for an empty name, an unknown kind, a bad
/// weight, flag or date, dates in the wrong order, a tie from an actor to itself, weights of one tie that
/// sum past `f64::MAX`, or text that is not UTF-8; [`crate::Error::Io`] if reading fails.
///
/// # Examples
///
/// ```
/// use corridor::io::read_edge_list;
///
/// let csv = "source,target,kind,weight,directed,first_seen,last_seen\n\
///            Boss,Guide,command,1,true,2022-01-01,2022-12-31\n\
///            Guide,Boatman,logistics,3,,,\n";
/// let net = read_edge_list(csv.as_bytes())?;
/// assert_eq!((net.actor_count(), net.tie_count()), (3, 2));
/// assert!(net.is_directed());
///
/// let err = read_edge_list("source,target,kind\nA,B,friendship\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().starts_with("line 2, column 3: unknown tie kind"));
/// let err = read_edge_list("source,target,kind\nA,B,kinship,extra\n".as_bytes()).unwrap_err();
/// assert_eq!(err.to_string(), "line 2: 4 cells where the header has 3");
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_edge_list(reader: impl Read) -> crate::Result<SmugglingNetwork> {
    read_edge_list_with(reader, &EdgeListOptions::new()).map(EdgeListReport::into_network)
}

/// Reads a network from an edge-list CSV as [`read_edge_list`], with options: unknown columns may be
/// skipped, and are then listed in the report.
///
/// # Errors
///
/// As [`read_edge_list`]; with [`EdgeListOptions::ignore_unknown_columns`] an unknown header is not an
/// error.
///
/// # Examples
///
/// ```
/// use corridor::io::{EdgeListOptions, read_edge_list_with};
/// let csv = "Source,Target,Kind,Note,Date\nA,B,kinship,x,2020\n";
/// let strict = read_edge_list_with(csv.as_bytes(), &EdgeListOptions::new());
/// assert_eq!(
///     strict.unwrap_err().to_string(),
///     "line 1, column 4: unknown column \"Note\" (ask the reader to ignore unknown columns to skip it)"
/// );
/// let lenient = EdgeListOptions::new().ignore_unknown_columns(true);
/// let report = read_edge_list_with(csv.as_bytes(), &lenient)?;
/// assert_eq!(report.ignored_columns(), ["Note", "Date"]);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_edge_list_with(reader: impl Read, options: &EdgeListOptions) -> crate::Result<EdgeListReport> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(reader);
    let header = rdr.headers().map_err(csv_error)?.clone();
    if header.is_empty() {
        return Err(ReadError::Empty.into());
    }
    let (col, ignored) = columns(&header, *options)?;
    let need = |k: usize, name: &'static str| {
        col[k].ok_or(ReadError::MissingColumn {
            name,
            expected: COLUMNS[k],
        })
    };
    let (c_source, c_target, c_kind) = (need(0, "source")?, need(1, "target")?, need(2, "kind")?);

    let mut b = SmugglingNetwork::builder();
    let mut ids: HashMap<String, ActorId> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while rdr.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() > header.len() {
            return Err(ReadError::RowLength {
                line,
                expected: header.len(),
                got: record.len(),
            }
            .into());
        }
        let cell = |c: usize| record.get(c).unwrap_or("");
        let cell_opt = |c: Option<usize>| c.map_or("", cell);
        let mut actor = |c: usize| -> crate::Result<ActorId> {
            let name = cell(c).trim();
            if name.is_empty() {
                return Err(bad(line, c + 1, name, "empty actor name"));
            }
            let key = name.to_lowercase();
            Ok(*ids.entry(key).or_insert_with(|| b.add_actor(Actor::person(name))))
        };
        let from = actor(c_source)?;
        let to = actor(c_target)?;
        if from == to {
            return Err(bad(line, c_target + 1, cell(c_target), "tie from an actor to itself"));
        }
        let kind: TieKind = cell(c_kind)
            .parse()
            .map_err(|_| bad(line, c_kind + 1, cell(c_kind), "unknown tie kind"))?;
        let directed = parse_directed(cell_opt(col[4]))
            .ok_or_else(|| bad(line, col[4].unwrap_or(0) + 1, cell_opt(col[4]), "not a directed flag"))?;
        let mut tie = if directed {
            Tie::directed(kind)
        } else {
            Tie::undirected(kind)
        };
        let w = cell_opt(col[3]).trim();
        if !w.is_empty() {
            let c = col[3].unwrap_or(0) + 1;
            let weight: f64 = w.parse().map_err(|_| bad(line, c, w, "not a number"))?;
            if !(weight.is_finite() && weight > 0.0) {
                return Err(bad(line, c, w, "weight not positive and finite"));
            }
            tie = tie.weight(weight);
        }
        let date = |k: usize| -> crate::Result<Option<Date>> {
            let t = cell_opt(col[k]).trim();
            if t.is_empty() {
                return Ok(None);
            }
            Date::parse(t, time::macros::format_description!("[year]-[month]-[day]"))
                .map(Some)
                .map_err(|_| bad(line, col[k].unwrap_or(0) + 1, t, "not a YYYY-MM-DD date"))
        };
        let (first, last) = (date(5)?, date(6)?);
        if let (Some(f), Some(l)) = (first, last)
            && l < f
        {
            let c = col[6].unwrap_or(0) + 1;
            return Err(bad(line, c, cell_opt(col[6]), "last seen before first seen"));
        }
        if let Some(f) = first {
            tie = tie.seen_from(f);
        }
        if let Some(l) = last {
            tie = tie.seen_until(l);
        }
        b.add_tie(from, to, tie)
            .map_err(|e| tie_error(e, line, col[3].unwrap_or(c_kind), &record))?;
    }
    Ok(EdgeListReport {
        network: b.build()?,
        ignored,
    })
}

/// Writes the ties of `net` as an edge-list CSV that [`read_edge_list`] reads back.
///
/// Columns `source,target,kind,weight,directed,first_seen,last_seen`; names are the actors' names, the
/// weight is written in the shortest form that parses back to the same `f64`. Actor attributes,
/// isolated actors and tie sources are not part of an edge list (use `GraphML` for those).
///
/// # Errors
///
/// [`crate::Error::Io`] if writing fails.
///
/// # Examples
///
/// ```
/// use corridor::io::{read_edge_list, write_edge_list};
/// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let x = b.add_actor(Actor::person("X, \"the boss\""));
/// let y = b.add_actor(Actor::person("Y"));
/// b.add_tie(x, y, Tie::directed(TieKind::Command).weight(0.1))?;
/// let net = b.build()?;
/// let mut out = Vec::new();
/// write_edge_list(&net, &mut out)?;
/// assert_eq!(read_edge_list(out.as_slice())?, net);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_edge_list(net: &SmugglingNetwork, w: impl Write) -> crate::Result<()> {
    let mut wtr = csv::Writer::from_writer(w);
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    };
    wtr.write_record(COLUMNS).map_err(io)?;
    let name = |id: ActorId| net.actor(id).map_or("", |a| a.name());
    let date = |d: Option<Date>| {
        let mut s = String::new();
        if let Some(d) = d {
            let _ = write_date(&mut s, d);
        }
        s
    };
    for (from, to, t) in net.ties() {
        wtr.write_record([
            name(from),
            name(to),
            t.kind().as_str(),
            &t.tie_weight().to_string(),
            if t.is_directed() { "true" } else { "false" },
            &date(t.first_seen()),
            &date(t.last_seen()),
        ])
        .map_err(io)?;
    }
    wtr.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_err(text: &str) -> ReadError {
        match read_edge_list(text.as_bytes()) {
            Err(crate::Error::Read(e)) => e,
            other => panic!("expected a read error, got {other:?}"),
        }
    }

    fn cell_of(e: &ReadError) -> (u64, usize) {
        match e {
            ReadError::BadCell { line, column, .. } => (*line, *column),
            other => panic!("expected a bad cell, got {other:?}"),
        }
    }

    #[test]
    fn errors_name_line_and_column() {
        let h = "source,target,kind,weight,directed,first_seen,last_seen\n";
        assert!(matches!(
            read_err("source,kind\nA,kinship\n"),
            ReadError::MissingColumn { name: "target", .. }
        ));
        assert_eq!(cell_of(&read_err(&format!("{h}A,,kinship\n"))), (2, 2));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kinship\nA,A,kinship\n"))), (3, 2));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kin\n"))), (2, 3));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kinship,-2\n"))), (2, 4));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kinship,x\n"))), (2, 4));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kinship,1,maybe\n"))), (2, 5));
        assert_eq!(cell_of(&read_err(&format!("{h}A,B,kinship,1,no,2022-13-01\n"))), (2, 6));
        assert_eq!(
            cell_of(&read_err(&format!("{h}A,B,kinship,1,no,2022-02-01,2022-01-01\n"))),
            (2, 7)
        );
        assert_eq!(
            read_err("source,target,kind,Kind\nA,B,kinship,kinship\n"),
            ReadError::DuplicateColumn {
                line: 1,
                column: 4,
                name: "Kind".to_owned()
            }
        );
        assert_eq!(read_err(""), ReadError::Empty);
        let bytes: &[u8] = b"source,target,kind\nA,\xff,kinship\n";
        assert!(matches!(
            read_edge_list(bytes),
            Err(crate::Error::Read(ReadError::BadCell { line: 2, .. }))
        ));
    }

    #[test]
    fn long_rows_and_unknown_columns_are_errors() {
        let h = "source,target,kind\n";
        // A cell beyond the header used to be dropped.
        assert_eq!(
            read_err(&format!("{h}A,B,kinship\nB,C,kinship,5\n")),
            ReadError::RowLength {
                line: 3,
                expected: 3,
                got: 4
            }
        );
        // A quoted empty extra cell is still a cell.
        assert!(matches!(
            read_err(&format!("{h}A,B,kinship,\"\"\n")),
            ReadError::RowLength { line: 2, .. }
        ));
        // Shorter rows are fine: the missing cells are empty.
        assert_eq!(
            read_edge_list("source,target,kind,weight\nA,B,kinship\n".as_bytes())
                .unwrap()
                .tie_count(),
            1
        );
        assert_eq!(
            read_err("source,target,kind,wieght\nA,B,kinship,2\n"),
            ReadError::UnknownColumn {
                line: 1,
                column: 4,
                name: "wieght".to_owned()
            }
        );
        let lenient = EdgeListOptions::new().ignore_unknown_columns(true);
        let report = read_edge_list_with(
            "note, source ,target,kind,wieght\nx,A,B,kinship,2\n".as_bytes(),
            &lenient,
        )
        .unwrap();
        assert_eq!(report.ignored_columns(), ["note", "wieght"]);
        assert_eq!(report.network().ties().next().unwrap().2.tie_weight(), 1.0);
        // Lenient about columns, still strict about row length.
        assert!(read_edge_list_with("source,target,kind\nA,B,kinship,x\n".as_bytes(), &lenient).is_err());
    }

    #[test]
    fn weights_summing_past_the_largest_float_name_the_row() {
        let text = "source,target,kind,weight\nA,B,kinship,1e308\nB,A,kinship,1e308\n";
        assert_eq!(cell_of(&read_err(text)), (3, 4));
    }

    #[test]
    fn names_match_case_insensitively_and_columns_in_any_order() {
        let text = "KIND,Target,Source,note\nkinship,b,A,x\nfinancial,a,B\n";
        let net = read_edge_list_with(text.as_bytes(), &EdgeListOptions::new().ignore_unknown_columns(true))
            .unwrap()
            .into_network();
        assert_eq!(net.actor_count(), 2);
        assert_eq!(net.actor(ActorId::new(0)).unwrap().name(), "A");
        assert_eq!(net.tie_count(), 2);
        assert!(!net.is_directed());
    }
}
