//! Readers and writers at the edge of the crate.
//!
//! - Flow tables from and to CSV, with plain column names or an HXL hashtag row
//!   ([`read_flows_csv`], [`read_flows_csv_with`], [`write_flows_csv`], [`write_flows_csv_with`] with
//!   numeric `count_lower` / `count_upper` columns on request; feature `csv`).
//! - Smuggling networks from and to `GraphML` ([`read_graphml`], [`write_graphml`]) and to DOT ([`write_dot`]), and from and to an
//!   edge-list CSV ([`read_edge_list`], [`write_edge_list`]; feature `csv`).
//! - Cooperation events (GDELT / ICEWS-like: day, CAMEO code, two states, a count) from and to CSV
//!   ([`read_cooperation_events`], [`read_cooperation_events_with`], [`write_cooperation_events`];
//!   feature `csv`) into a columnar [`crate::partner::CooperationEvents`].
//! - Flee's scenario files (locations, routes, closures, conflicts, period, source data) into a
//!   simulation model and scenario ([`flee`]; feature `csv`).
//! - Smuggling networks to and from `petgraph::Graph` (`SmugglingNetwork::to_petgraph`,
//!   `SmugglingNetwork::from_petgraph`; feature `petgraph`).
//! - Flow tables and series as Arrow record batches, and Arrow IPC files ([`write_ipc`], [`read_ipc`];
//!   feature `arrow`; the schema and which aggregates merge across partitions: [`arrow`]).
//!
//! Readers take any [`std::io::Read`] and writers any [`std::io::Write`]: this crate
//! never opens files itself.

#[cfg(feature = "csv")]
mod chunks;
#[cfg(feature = "csv")]
mod events_csv;
#[cfg(feature = "csv")]
mod flows_csv;

#[cfg(feature = "csv")]
pub use events_csv::{
    EventReadOptions, EventReadReport, read_cooperation_events, read_cooperation_events_with, write_cooperation_events,
};
#[cfg(feature = "csv")]
pub use flows_csv::{
    Header, ReadMode, ReadOptions, ReadReport, WriteOptions, read_flows_csv, read_flows_csv_with, write_flows_csv,
    write_flows_csv_with,
};

// Flee's input files into a simulation model and scenario.
#[cfg(feature = "csv")]
pub mod flee;

// Arrow record batches and IPC files.
#[cfg(feature = "arrow")]
pub mod arrow;
#[cfg(feature = "arrow")]
pub use arrow::{ArrowError, read_ipc, write_ipc};
// Per-actor network measures as a record batch.
#[cfg(feature = "arrow")]
mod arrow_network;
#[cfg(feature = "arrow")]
pub use arrow_network::ActorMeasures;

// petgraph conversions (methods of SmugglingNetwork).
#[cfg(feature = "petgraph")]
mod petgraph;

// Graph export and import.
mod dot;
#[cfg(feature = "csv")]
mod edges;
mod graphml;
mod graphml_read;
pub use dot::write_dot;
#[cfg(feature = "csv")]
pub use edges::{EdgeListOptions, EdgeListReport, read_edge_list, read_edge_list_with, write_edge_list};
pub use graphml::write_graphml;
pub use graphml_read::{GraphmlError, read_graphml};

/// Why a file could not be read: names the line, the column and the offending text.
///
/// # Examples
/// ```
/// # #[cfg(feature = "csv")] {
/// use corridor::io::{read_flows_csv, ReadError};
/// // Every error names the line and the column of the bad cell.
/// let err = read_flows_csv("date,count\n2021-08,12\n2021-08,-5\n".as_bytes()).unwrap_err();
/// let corridor::Error::Read(ReadError::BadCell { line, column, text, .. }) = err else { panic!("{err}") };
/// assert_eq!((line, column, text.as_str()), (3, 2, "-5"));
/// let err = read_flows_csv("date,count,colour\n".as_bytes()).unwrap_err();
/// assert!(matches!(err, corridor::Error::Read(ReadError::UnknownColumn { column: 3, .. })));
/// let err = read_flows_csv("".as_bytes()).unwrap_err();
/// assert!(matches!(err, corridor::Error::Read(ReadError::Empty)));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A cell could not be parsed.
    #[error("line {line}, column {column}: {reason}: {text:?}")]
    BadCell {
        /// 1-based line number in the file.
        line: u64,
        /// 1-based column number.
        column: usize,
        /// The offending text.
        text: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The input has no header row.
    #[error("the input is empty: no header row")]
    Empty,
    /// A column the reader needs is absent.
    #[error("no {name} column (expected a header such as {expected})")]
    MissingColumn {
        /// What the column holds.
        name: &'static str,
        /// Header names or hashtags that would be accepted.
        expected: &'static str,
    },
    /// A header the reader does not know.
    #[error(
        "line {line}, column {column}: unknown column {name:?} (ask the reader to ignore unknown columns to skip it)"
    )]
    UnknownColumn {
        /// 1-based line of the header or hashtag row.
        line: u64,
        /// 1-based column number.
        column: usize,
        /// The header text.
        name: String,
    },
    /// Two columns hold the same thing.
    #[error("line {line}, column {column}: column {name:?} repeats an earlier column")]
    DuplicateColumn {
        /// 1-based line of the header or hashtag row.
        line: u64,
        /// 1-based column number of the second one.
        column: usize,
        /// The header text.
        name: String,
    },
    /// A quote opens a field and is never closed, so the rest of the input would be one
    /// cell. In lenient mode the row is reported and reading goes on at the next line.
    #[error(
        "line {line}, column {column}: a quote opens this field and is never closed (the rest of the input would be one cell)"
    )]
    UnterminatedQuote {
        /// 1-based line where the quote opens.
        line: u64,
        /// 1-based column (field number) of the field it opens.
        column: usize,
    },
    /// Count columns that cannot be read together without counting people twice: two
    /// breakdowns that overlap, or a total broken down only in part.
    #[error("line {line}, column {column}: column {name:?} {reason}")]
    ConflictingColumns {
        /// 1-based line of the header or hashtag row.
        line: u64,
        /// 1-based column number.
        column: usize,
        /// The header text.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A row has a different number of cells from the header.
    #[error("line {line}: {got} cells where the header has {expected}")]
    RowLength {
        /// 1-based line number.
        line: u64,
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        got: usize,
    },
    /// A row of a Flee scenario's `data_layout.csv` is absent, or its files cannot be added up as
    /// Flee 3.1 adds them (`io::flee::read_flee_dir`, feature `csv`).
    #[error("data_layout.csv row {key:?}: {reason}")]
    FleeLayout {
        /// The row's key: `total` or a camp's name.
        key: String,
        /// What is wrong.
        reason: String,
    },
}

/// A header that no column role of a reader matches: listed in `ignored` (and skipped) when `ignore`,
/// else [`ReadError::UnknownColumn`] at `line` and the 1-based `column`.
#[cfg(feature = "csv")]
fn unknown_column(
    ignore: bool,
    ignored: &mut Vec<String>,
    line: u64,
    column: usize,
    name: String,
) -> crate::Result<()> {
    if ignore {
        ignored.push(name);
        Ok(())
    } else {
        Err(ReadError::UnknownColumn { line, column, name }.into())
    }
}
