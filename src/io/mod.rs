//! Readers and writers at the edge: CSV / HXL flow tables, graph export.
//!
//! (Placeholder: lands with issue 2.)
//!
//! - Smuggling networks to `GraphML` ([`write_graphml`]) and DOT ([`write_dot`]), and from and to an
//!   edge-list CSV ([`read_edge_list`], [`write_edge_list`]; feature `csv`).

// Graph export and import (issue 5, branch net-model).
mod dot;
#[cfg(feature = "csv")]
mod edges;
mod graphml;
pub use dot::write_dot;
#[cfg(feature = "csv")]
pub use edges::{read_edge_list, write_edge_list};
pub use graphml::write_graphml;

/// Why a file could not be read: names the line, the column and the offending text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A cell could not be parsed.
    #[error("line {line}, column {column}: {reason} {text:?}")]
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
    /// A column the reader needs is absent.
    #[error("no {name} column (expected a header such as {expected})")]
    MissingColumn {
        /// What the column holds.
        name: &'static str,
        /// Header names or hashtags that would be accepted.
        expected: &'static str,
    },
}
