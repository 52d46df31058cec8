//! The options of the flow CSV reader and writer.

use crate::Source;

/// How a reader treats bad rows.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv_with, ReadMode, ReadOptions};
/// let csv = "date,count\n2021-08,12\n2021-09,lots\n2021-10,30\n";
/// // Strict: the first bad row is the error.
/// assert!(read_flows_csv_with(csv.as_bytes(), &ReadOptions::new()).is_err());
/// // Lenient: the good rows, and one error per bad row.
/// let report = read_flows_csv_with(csv.as_bytes(), &ReadOptions::new().mode(ReadMode::Lenient))?;
/// assert_eq!((report.table().len(), report.errors().len()), (2, 1));
/// assert!(report.errors()[0].to_string().starts_with("line 3, column 2"));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReadMode {
    /// Stop at the first bad cell or row and return its error (the default).
    #[default]
    Strict,
    /// Keep the good rows and list an error for every bad row in
    /// [`ReadReport::errors`](super::ReadReport::errors). A bad header still stops the reader.
    Lenient,
}

/// The header style of a flow CSV.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv_with, write_flows_csv, Header, ReadOptions};
/// let plain = read_flows_csv_with("date,count\n2021-08,12\n".as_bytes(), &ReadOptions::new())?;
/// assert_eq!(plain.header(), Header::Plain);
/// let hxl = read_flows_csv_with("date,count\n#date,#affected\n2021-08,12\n".as_bytes(), &ReadOptions::new())?;
/// assert_eq!(hxl.header(), Header::Hxl);
/// let mut out = Vec::new();
/// write_flows_csv(hxl.table(), &mut out, Header::Plain)?;
/// assert_eq!(String::from_utf8(out).unwrap(), "date,count\n2021-08,12\n");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Header {
    /// One row of plain column names (`date,nationality,location,count,…`).
    #[default]
    Plain,
    /// Column names followed by an HXL hashtag row (`#date,#country+name,#loc+name,#affected,…`),
    /// or a hashtag row alone.
    Hxl,
}

/// What the options of every CSV reader in [`io`](crate::io) share, with the setters of
/// [`common_read_setters`]: strict or lenient, unknown columns, delimiter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct CommonRead {
    /// Strict or lenient.
    pub(crate) mode: ReadMode,
    /// Skip unknown columns (listed in the report) instead of failing.
    pub(crate) ignore_unknown: bool,
    /// The field delimiter; `None` for `,`.
    pub(crate) delimiter: Option<u8>,
}

impl CommonRead {
    /// The delimiter, `,` by default.
    pub(crate) fn delimiter(self) -> u8 {
        self.delimiter.unwrap_or(b',')
    }
}

/// The setters `mode`, `ignore_unknown_columns` and `delimiter` of an options type with a `common:
/// CommonRead` field, written once for every CSV reader; `errors` and `ignored` are the doc links of
/// its report's accessors, `delimiter` a note appended to the delimiter's doc.
macro_rules! common_read_setters {
    (errors: $errors:literal, ignored: $ignored:literal, delimiter: $note:literal $(,)?) => {
        #[doc = concat!(
                    "Strict (stop at the first bad row and return its error, the default) or lenient (keep the good \
             rows and list an error for every bad row in ", $errors, "). A bad header still stops the reader."
                )]
        #[must_use]
        pub fn mode(mut self, mode: $crate::io::ReadMode) -> Self {
            self.common.mode = mode;
            self
        }

        #[doc = concat!(
                    "Skip columns the reader does not know instead of failing; the skipped headers are listed in ",
                    $ignored,
                    "."
                )]
        #[must_use]
        pub fn ignore_unknown_columns(mut self, yes: bool) -> Self {
            self.common.ignore_unknown = yes;
            self
        }

        #[doc = concat!("The field delimiter (default `,`", $note, ").")]
        #[must_use]
        pub fn delimiter(mut self, delimiter: u8) -> Self {
            self.common.delimiter = Some(delimiter);
            self
        }
    };
}
pub(crate) use common_read_setters;

/// Options of [`read_flows_csv_with`](super::read_flows_csv_with).
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv_with, ReadMode, ReadOptions};
///
/// let csv = "date,nationality,count,note\n2021-08,HTI,100,checked\n2021-09,HTI,lots,\n";
/// let report = read_flows_csv_with(
///     csv.as_bytes(),
///     &ReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true),
/// )?;
/// assert_eq!(report.table().len(), 1);
/// assert_eq!(report.errors().len(), 1);
/// assert_eq!(report.ignored_columns(), ["note"]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub(super) common: CommonRead,
    pub(super) default_source: Option<Source>,
    pub(super) groups: Vec<String>,
    pub(super) accept_new_groups: bool,
}

impl ReadOptions {
    /// Strict mode, unknown columns are errors, comma-separated, no default source, no
    /// nationality groups.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    common_read_setters! {
        errors: "[`ReadReport::errors`](super::ReadReport::errors)",
        ignored: "[`ReadReport::ignored_columns`](super::ReadReport::ignored_columns)",
        delimiter: "",
    }

    /// The source of every record that has no source column or an empty source cell.
    #[must_use]
    pub fn default_source(mut self, source: Source) -> Self {
        self.default_source = Some(source);
        self
    }

    /// Declares nationality labels that are groups, not one country ("Haiti (plus Brazil
    /// and Chile)"): a nationality label that is no country code or name and no fixed
    /// category ("other", "unknown") is an error unless it is declared here (after
    /// trimming and Unicode normalisation form C, otherwise exactly) or
    /// [`ReadOptions::accept_new_groups`] is set, so that a typo ("Venezula") or a
    /// decomposed "Côte d'Ivoire" never becomes a group silently. Adds to the labels
    /// declared before.
    ///
    /// A declared label that is not a valid group (a country, a category, code-shaped
    /// text such as `"XX"`, empty) makes the read fail with that [`FlowError`](crate::flow::FlowError).
    ///
    /// # Examples
    /// ```
    /// use corridor::io::{read_flows_csv_with, ReadOptions};
    ///
    /// let csv = "date,nationality,count\n2021,Haiti (plus Brazil and Chile),5\n2021,Venezula,3\n";
    /// let options = ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]);
    /// let err = read_flows_csv_with(csv.as_bytes(), &options).unwrap_err();
    /// assert!(err.to_string().starts_with("line 3, column 2: unknown nationality \"Venezula\""));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn groups<I>(mut self, labels: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.groups.extend(labels.into_iter().map(|l| l.as_ref().to_owned()));
        self
    }

    /// Accepts every nationality label that is no country or category as a group, as
    /// [`Nationality::from_label`](crate::flow::Nationality::from_label) does (default: only the declared
    /// [`ReadOptions::groups`]). Every label accepted as a group is listed in
    /// [`ReadReport::groups`](super::ReadReport::groups).
    #[must_use]
    pub fn accept_new_groups(mut self, yes: bool) -> Self {
        self.accept_new_groups = yes;
        self
    }
}

/// Options of [`write_flows_csv_with`](super::write_flows_csv_with): the header style and whether the counts' bounds are written as
/// numbers too.
///
/// # Numeric count columns
///
/// With [`WriteOptions::count_bounds`] the writer adds, after `count`, the columns `count_lower` and
/// `count_upper` (HXL `#affected+lower`, `#affected+upper`): the lower and upper bounds as whole
/// numbers, the upper cell empty for "at least N". pandas and polars read them as integer columns (the
/// text `count` stays as it is, so nothing of the count is lost), and [`read_flows_csv`](super::read_flows_csv) reads such a
/// file back exactly, checking on every row that the bounds agree with the text count.
///
/// Checked by hand with polars 2.1.0 (Python 3.11.7) on the file the example below writes (its text
/// is asserted there), saved as `flows.csv`:
/// `python3 -c 'import polars as pl; print(pl.read_csv("flows.csv").schema)'` gives `count_lower` and
/// `count_upper` as `Int64`, the upper bound of "at least 61" null. pandas 3.1.1 (`pd.read_csv`) reads
/// `count_lower` as `int64` and `count_upper` as `float64` (pandas has no null in an `int64` column;
/// `dtype={"count_upper": "Int64"}` keeps integers); both forms read back here, as the reader accepts
/// `24.0` for a bound.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv, write_flows_csv_with, WriteOptions};
///
/// let table = read_flows_csv("date,nationality,count\n2021-08,HTI,over 60\n2021-08,CUB,21-24\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_flows_csv_with(&table, &mut out, &WriteOptions::new().count_bounds(true))?;
/// assert_eq!(
///     String::from_utf8(out.clone()).unwrap(),
///     "date,nationality,count,count_lower,count_upper\n2021-08,HTI,at least 61,61,\n2021-08,CUB,21-24,21,24\n"
/// );
/// assert_eq!(read_flows_csv(out.as_slice())?, table);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WriteOptions {
    pub(super) header: Header,
    pub(super) count_bounds: bool,
}

impl WriteOptions {
    /// Plain header, counts as text only.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Plain column names, or followed by an HXL hashtag row.
    #[must_use]
    pub fn header(mut self, header: Header) -> Self {
        self.header = header;
        self
    }

    /// Also write each count's bounds as the numeric columns `count_lower` and `count_upper` (see
    /// [`WriteOptions`]).
    #[must_use]
    pub fn count_bounds(mut self, yes: bool) -> Self {
        self.count_bounds = yes;
        self
    }
}
