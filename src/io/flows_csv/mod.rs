//! Flow tables from and to CSV, with plain headers or an HXL hashtag row.
//!
//! - [`options`]: the reader's and the writer's options ([`ReadMode`], [`Header`], [`ReadOptions`],
//!   [`WriteOptions`]);
//! - [`header`]: the roles of the header's columns and their checked layout;
//! - [`rows`]: the cells, the rows of one chunk and the chunked (optionally parallel) driver;
//! - [`writer`]: the long-form writer.

use std::io::Read;

use crate::flow::{FlowTable, GroupName};

mod header;
mod options;
mod rows;
mod writer;

pub(crate) use options::{CommonRead, common_read_setters};
pub use options::{Header, ReadMode, ReadOptions, WriteOptions};
pub(crate) use rows::read_chunked;
pub(in crate::io) use rows::{CHUNK, bad, first_record, shift_line, unclosed};
pub use writer::{write_flows_csv, write_flows_csv_with};

/// What [`read_flows_csv_with`] read: the table, the header style, the skipped
/// columns and (in lenient mode) the errors of the rows it left out.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv_with, ReadOptions};
/// let csv = "date,nationality,count,url\n2021,Haiti (plus Brazil and Chile),5,a\n2021,VEN,3,b\n";
/// let options = ReadOptions::new().accept_new_groups(true).ignore_unknown_columns(true);
/// let report = read_flows_csv_with(csv.as_bytes(), &options)?;
/// assert_eq!(report.ignored_columns(), ["url"]);
/// assert_eq!(report.groups()[0].as_str(), "Haiti (plus Brazil and Chile)");
/// assert!(report.errors().is_empty());
/// let table = report.into_table();
/// assert_eq!(table.total().total().point(), 8);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug)]
pub struct ReadReport {
    table: FlowTable,
    header: Header,
    errors: Vec<crate::Error>,
    ignored: Vec<String>,
    groups: Vec<GroupName>,
}

impl ReadReport {
    /// The records read.
    #[must_use]
    pub fn table(&self) -> &FlowTable {
        &self.table
    }

    /// The records read, by value.
    #[must_use]
    pub fn into_table(self) -> FlowTable {
        self.table
    }

    /// Plain or HXL.
    #[must_use]
    pub fn header(&self) -> Header {
        self.header
    }

    /// One error per row left out (lenient mode only; empty in strict mode).
    #[must_use]
    pub fn errors(&self) -> &[crate::Error] {
        &self.errors
    }

    /// Headers of the columns skipped by [`ReadOptions::ignore_unknown_columns`].
    #[must_use]
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// Every nationality label read as a [`Nationality::Group`](crate::flow::Nationality::Group) (declared with
    /// [`ReadOptions::groups`] or accepted by [`ReadOptions::accept_new_groups`]), in
    /// order of first appearance.
    #[must_use]
    pub fn groups(&self) -> &[GroupName] {
        &self.groups
    }
}

/// Reads a flow table from CSV, strictly: the whole table or the first error.
///
/// The first row holds plain column names, optionally followed by an HXL hashtag
/// row; a hashtag row alone also works. Recognised columns (plain name / hashtag):
///
/// | holds | plain names | HXL |
/// |---|---|---|
/// | period (required; any [`Period`](crate::Period) text form) | `date`, `period` | `#date` |
/// | count (required; any [`Count`](crate::Count) text form) | `count`, `crossings`, `people`, `value`, `total`, `affected` | `#affected`, `#inneed`, `#reached`, `#targeted`, `#population`, each with `+f`/`+m`, `+children`/`+adults` (several columns: one record each) |
/// | count bounds as numbers (optional, beside a single count column or instead of it; see [`WriteOptions`]) | `count_lower`, `count_upper` | `#affected+lower`, `#affected+upper` |
/// | nationality as an ISO code | `nationality_code`, `country_code`, `iso3` | `#country+code` |
/// | nationality as a label ([`Nationality::from_label`](crate::flow::Nationality::from_label)) | `nationality`, `country`, `citizenship` | `#country`, `#country+name` |
/// | place name / its country / its kind | `location`, `place` / `location_country` / `location_kind` | `#loc+name` / `#loc+country+code` / `#loc+type` |
/// | direction, sex, age group | `direction`, `sex`, `age` | `#meta+direction`, `#meta+sex`, `#meta+age` |
/// | source: publisher, title, date, address, note | `source`, `source_title`, `source_date`, `source_address`, `source_note` | `#meta+source`, `#meta+source+title`, `+date`, `+url`, `+note` |
///
/// Empty optional cells mean "not stated"; an empty count is an error (a missing value
/// is not zero). Numeric bounds beside a text count must agree with it on every row (an empty
/// `count_upper` for "at least N"), or the row's error names the line and the column; without a text
/// count, the count is built from its bounds ([`Count::from_numbers`](crate::Count::from_numbers): a range's point is its midpoint). Unknown columns are errors unless
/// [`ReadOptions::ignore_unknown_columns`] is set.
///
/// Quoting follows RFC 4180 as the `csv` crate reads it (doubled quotes; `\r`, `\n` or
/// `\r\n` end a record; blank lines are skipped; a UTF-8 byte order mark at the start is
/// dropped). Line numbers in errors are those of the first line of the record.
///
/// The input is read in chunks of a few megabytes cut at record ends; with the
/// `parallel` feature the chunks are parsed on rayon's pool. The table and the errors
/// are the same either way: the first bad row in file order in strict mode, every bad
/// row in order in lenient mode. Memory stays near the size of the table plus a few
/// chunks, whatever the size of the input.
///
/// # Errors
/// [`crate::Error::Read`] naming the line, the column and the offending text, or
/// [`crate::Error::Io`] when the reader fails.
///
/// # Examples
/// ```
/// use corridor::io::read_flows_csv;
///
/// let csv = "\
/// date,country,location,affected,affected
/// #date,#country+code,#loc+name,#affected+f,#affected+m
/// 2021-08,HTI,Bajo Chiquito,900,1200
/// 2021-08,CUB,Bajo Chiquito,about 40,over 60
/// ";
/// let table = read_flows_csv(csv.as_bytes())?;
/// assert_eq!(table.len(), 4);
/// assert_eq!(table.total().total().lower(), 900 + 1200 + 36 + 61);
///
/// let err = read_flows_csv("date,count\n2021-08,12\n2021-13,5\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().starts_with("line 3, column 1:"));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flows_csv<R: Read>(reader: R) -> crate::Result<FlowTable> {
    read_flows_csv_with(reader, &ReadOptions::new()).map(ReadReport::into_table)
}

/// Reads a flow table from CSV with options: lenient mode, unknown columns, delimiter,
/// default source. See [`read_flows_csv`] for the columns.
///
/// # Errors
/// In strict mode, the first bad row; in both modes, a bad or missing header and
/// malformed CSV before the first data row.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv_with, ReadOptions};
/// use corridor::Source;
/// // Semicolon-separated, with a source for every record.
/// let snm = Source::new("SNM Panamá", "Tránsito irregular por Darién")?;
/// let options = ReadOptions::new().delimiter(b';').default_source(snm.clone());
/// let report = read_flows_csv_with("date;count\n2021-08;25332\n".as_bytes(), &options)?;
/// let row = report.table().get(0).unwrap();
/// assert_eq!((row.count().point(), row.source()), (25_332, Some(&snm)));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_flows_csv_with<R: Read>(reader: R, options: &ReadOptions) -> crate::Result<ReadReport> {
    read_chunked(reader, options, CHUNK, true)
}
