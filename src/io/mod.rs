//! Readers and writers at the edge of the crate.
//!
//! - Flow tables from and to CSV, with plain column names or an HXL hashtag row
//!   ([`read_flows_csv`], [`read_flows_csv_with`], [`write_flows_csv`]; feature `csv`).
//! - Smuggling networks to `GraphML` ([`write_graphml`]) and DOT ([`write_dot`]), and from and to an
//!   edge-list CSV ([`read_edge_list`], [`write_edge_list`]; feature `csv`).
//!
//! Readers take any [`std::io::Read`] and writers any [`std::io::Write`]: this crate
//! never opens files itself.

#[cfg(feature = "csv")]
mod chunks;
#[cfg(feature = "csv")]
mod flows_csv;

#[cfg(feature = "csv")]
pub use flows_csv::{Header, ReadMode, ReadOptions, ReadReport, read_flows_csv, read_flows_csv_with, write_flows_csv};

// Graph export and import (issue 5, branch net-model).
mod dot;
#[cfg(feature = "csv")]
mod edges;
mod graphml;
pub use dot::write_dot;
#[cfg(feature = "csv")]
pub use edges::{EdgeListOptions, EdgeListReport, read_edge_list, read_edge_list_with, write_edge_list};
pub use graphml::write_graphml;

/// Why a file could not be read: names the line, the column and the offending text.
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
}
