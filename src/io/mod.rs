//! Readers and writers at the edge: CSV / HXL flow tables, graph export.
//!
//! (Placeholder: lands with issue 2.)

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
}
