//! The long-form flow CSV writer.

use std::io::Write;

use super::{Header, WriteOptions};
use crate::flow::{FlowTable, Location, LocationKind};

/// The writer reports only i/o errors.
fn csv_error(e: csv::Error) -> crate::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        other => crate::Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}

/// Writes a flow table as CSV in long form: one record per row, plain column names,
/// followed by an HXL hashtag row when `header` is [`Header::Hxl`].
///
/// Only the columns that some record uses are written (date and count always), so
/// that reading the output back with [`read_flows_csv`](super::read_flows_csv) gives an equal table, sources
/// included; a table with nationality groups reads back with those groups declared
/// ([`ReadOptions::groups`](super::ReadOptions::groups)) or with [`ReadOptions::accept_new_groups`](super::ReadOptions::accept_new_groups).
///
/// # Errors
/// [`crate::Error::Io`] when the writer fails.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv, write_flows_csv, Header};
///
/// let table = read_flows_csv("date,nationality,count\n2021-08,HTI,over 60\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_flows_csv(&table, &mut out, Header::Hxl)?;
/// assert_eq!(
///     String::from_utf8(out.clone()).unwrap(),
///     "date,nationality,count\n#date,#country+name,#affected\n2021-08,HTI,at least 61\n"
/// );
/// assert_eq!(read_flows_csv(out.as_slice())?, table);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_flows_csv<W: Write>(table: &FlowTable, writer: W, header: Header) -> crate::Result<()> {
    write_flows_csv_with(table, writer, &WriteOptions::new().header(header))
}

/// Writes a flow table as CSV with options (see [`write_flows_csv`] for the columns and
/// [`WriteOptions`] for the numeric count columns).
///
/// # Errors
/// [`crate::Error::Io`] when the writer fails.
///
/// # Examples
/// ```
/// use corridor::io::{read_flows_csv, write_flows_csv_with, Header, WriteOptions};
/// let table = read_flows_csv("date,count\n2021-08,over 60\n".as_bytes())?;
/// let mut out = Vec::new();
/// write_flows_csv_with(&table, &mut out, &WriteOptions::new().header(Header::Hxl).count_bounds(true))?;
/// let text = String::from_utf8(out.clone()).unwrap();
/// // "Over 60" has a lower bound of 61 and no upper bound: an empty cell.
/// assert_eq!(text.lines().last(), Some("2021-08,at least 61,61,"));
/// assert!(text.lines().nth(1).unwrap().contains("#affected+lower"));
/// assert_eq!(read_flows_csv(out.as_slice())?, table);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_flows_csv_with<W: Write>(table: &FlowTable, writer: W, options: &WriteOptions) -> crate::Result<()> {
    type Cell = fn(&crate::flow::RecordRef<'_>) -> Option<String>;
    let header = options.header;
    let columns: [(&str, &str, Cell); 16] = [
        ("date", "#date", |r| Some(r.period().to_string())),
        ("nationality", "#country+name", |r| {
            r.nationality().map(ToString::to_string)
        }),
        ("location", "#loc+name", |r| r.location().map(|l| l.name().to_owned())),
        ("location_country", "#loc+country+code", |r| {
            r.location()?.country().map(|c| c.alpha3().to_owned())
        }),
        ("location_kind", "#loc+type", |r| {
            r.location()
                .map(Location::location_kind)
                .filter(|k| *k != LocationKind::Unspecified)
                .map(|k| k.to_string())
        }),
        ("direction", "#meta+direction", |r| r.direction().map(|d| d.to_string())),
        ("sex", "#meta+sex", |r| r.sex().map(|d| d.to_string())),
        ("age", "#meta+age", |r| r.age().map(|d| d.to_string())),
        ("count", "#affected", |r| Some(r.count().to_string())),
        ("count_lower", "#affected+lower", |r| {
            Some(r.count().lower().to_string())
        }),
        ("count_upper", "#affected+upper", |r| {
            r.count().upper().map(|u| u.to_string())
        }),
        ("source", "#meta+source", |r| {
            r.source().map(|s| s.publisher().to_owned())
        }),
        ("source_title", "#meta+source+title", |r| {
            r.source().map(|s| s.title().to_owned()).filter(|t| !t.is_empty())
        }),
        ("source_date", "#meta+source+date", |r| {
            r.source()?.publication_date().map(|d| d.to_string())
        }),
        ("source_address", "#meta+source+url", |r| {
            r.source()?.address_str().map(ToOwned::to_owned)
        }),
        ("source_note", "#meta+source+note", |r| {
            r.source()?.note_str().map(ToOwned::to_owned)
        }),
    ];
    let used: Vec<usize> = (0..columns.len())
        .filter(|&c| match columns[c].0 {
            "date" | "count" => true,
            "count_lower" | "count_upper" => options.count_bounds,
            _ => table.iter().any(|r| columns[c].2(&r).is_some()),
        })
        .collect();
    let mut w = csv::WriterBuilder::new().from_writer(writer);
    w.write_record(used.iter().map(|&c| columns[c].0)).map_err(csv_error)?;
    if header == Header::Hxl {
        w.write_record(used.iter().map(|&c| columns[c].1)).map_err(csv_error)?;
    }
    for r in table {
        w.write_record(used.iter().map(|&c| columns[c].2(&r).unwrap_or_default()))
            .map_err(csv_error)?;
    }
    w.flush()?;
    Ok(())
}
