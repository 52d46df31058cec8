//! Arrow IPC files: [`write_ipc`] through arrow-rs's `FileWriter`; [`read_ipc`] reads the file whole
//! into one buffer and decodes its blocks in place with `FileDecoder` (no copy per block), checking
//! every block of the footer against the file before it is sliced.

use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_buffer::{BooleanBuffer, Buffer, MutableBuffer, NullBuffer, ScalarBuffer};
use arrow_ipc::reader::{FileDecoder, read_footer_length};

use super::ArrowError;
use super::read::{Columns, Keys, Prim, StrColumn};
use crate::flow::FlowTable;

/// Writes record batches (all of the first one's schema) as an Arrow IPC file.
///
/// # Errors
/// [`crate::Error::Arrow`] when the batches' schemas differ or the writer fails (the i/o error's
/// message), [`crate::Error::Arrow`] with "no batch" when `batches` is empty.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::io::{read_ipc, write_ipc};
///
/// let t: FlowTable = [FlowRecord::new("2021-08".parse()?, "about 10,000".parse()?)].into_iter().collect();
/// let mut file = Vec::new();
/// write_ipc(&[t.to_record_batch()?], &mut file)?;
/// let batches = read_ipc(std::io::Cursor::new(file))?;
/// assert_eq!(FlowTable::from_record_batch(&batches[0])?, t);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn write_ipc<W: Write>(batches: &[RecordBatch], writer: W) -> crate::Result<()> {
    Ok(write_inner(batches, writer)?)
}

fn write_inner<W: Write>(batches: &[RecordBatch], writer: W) -> Result<(), ArrowError> {
    let first = batches.first().ok_or_else(|| arrow_error("no batch to write"))?;
    let mut w = arrow_ipc::writer::FileWriter::try_new(writer, first.schema_ref())?;
    for b in batches {
        w.write(b)?;
    }
    w.finish()?;
    Ok(())
}

/// Reads every record batch of an Arrow IPC file.
///
/// The file is read whole (from its start, whatever the reader's position) into one buffer, which the
/// batches' columns then share; dictionaries and batches are decoded from it without a further copy.
///
/// # Errors
/// [`crate::Error::Arrow`] when the input is not an Arrow IPC file, is cut short, its footer names a
/// block outside the file, or a message names a buffer outside its block or off the format's 8-byte
/// boundaries. arrow-rs 60 panics on a few other malformed messages (e.g. a buffer that is not a whole
/// number of its values); such a panic is caught and returned as this error too (a program built
/// with `panic = "abort"` still aborts there, and the panic hook still prints its message).
///
/// # Examples
/// ```
/// use corridor::flow::{FlowRecord, FlowTable};
/// use corridor::io::{read_ipc, write_ipc};
/// let t: FlowTable = [FlowRecord::new("2021-08".parse()?, "nearly 26,000".parse()?)].into_iter().collect();
/// let mut file = Vec::new();
/// // Two partitions of the same schema, read back as two batches.
/// write_ipc(&[t.to_record_batch()?, t.to_record_batch()?], &mut file)?;
/// let batches = read_ipc(std::io::Cursor::new(file))?;
/// assert_eq!(batches.len(), 2);
/// assert_eq!(FlowTable::from_record_batch(&batches[1])?.total().total().upper(), Some(26_000));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn read_ipc<R: Read + Seek>(reader: R) -> crate::Result<Vec<RecordBatch>> {
    Ok(read_inner(reader)?)
}

/// `"ARROW1"`, at both ends of an IPC file.
const MAGIC: &[u8; 6] = b"ARROW1";

/// The trailer: the footer's length (4 bytes) and the magic.
const TRAILER: usize = 10;

/// Runs an arrow-rs decoding step, turning a panic into an error. arrow-rs 60 checks most of a
/// message, but panics on some malformed ones (e.g. a buffer whose length is not a whole number of
/// its values, found by `tests/integration/no_panic.rs`); the blocks and buffers corridor can check
/// itself are checked before this is reached.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, arrow_schema::ArrowError>) -> Result<T, ArrowError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => Ok(r?),
        Err(payload) => {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(arrow_error(format!(
                "arrow-rs could not decode a malformed {what}: {why}"
            )))
        }
    }
}

fn arrow_error(message: impl Into<String>) -> ArrowError {
    ArrowError::Arrow {
        message: message.into(),
    }
}

fn read_inner<R: Read + Seek>(mut reader: R) -> Result<Vec<RecordBatch>, ArrowError> {
    let (footer_start, footer_bytes) = locate_footer(&mut reader)?;
    let footer = parse_footer(&footer_bytes)?;
    let schema = Arc::new(footer_schema(&footer)?);
    let buffer = read_whole(&mut reader)?;
    let mut decoder = FileDecoder::new(schema, footer.version());
    for block in footer.dictionaries().iter().flatten() {
        let bytes = slice(&buffer, block, footer_start)?;
        guarded("dictionary", || decoder.read_dictionary(block, &bytes))?;
    }
    let blocks = footer
        .recordBatches()
        .ok_or_else(|| arrow_error("no record batches in the footer"))?;
    let mut batches = Vec::with_capacity(blocks.len());
    for block in blocks {
        let bytes = slice(&buffer, block, footer_start)?;
        if let Some(batch) = guarded("record batch", || decoder.read_record_batch(block, &bytes))? {
            batches.push(batch);
        }
    }
    Ok(batches)
}

/// The file from its first byte to its last, in one buffer (8-byte aligned slices stay zero-copy).
fn read_whole<R: Read + Seek>(reader: &mut R) -> Result<Buffer, ArrowError> {
    let io = |e: std::io::Error| arrow_error(format!("io: {e}"));
    let len = reader.seek(SeekFrom::End(0)).map_err(io)?;
    reader.seek(SeekFrom::Start(0)).map_err(io)?;
    let len = usize::try_from(len).map_err(|_| arrow_error(format!("a file of {len} bytes")))?;
    let mut bytes =
        MutableBuffer::try_from_len_zeroed(len).map_err(|e| arrow_error(format!("a file of {len} bytes: {e}")))?;
    reader.read_exact(&mut bytes).map_err(io)?;
    Ok(bytes.into())
}

/// The start of the footer (after the leading magic, before the trailer) and its bytes, the file's
/// magic at both ends and the footer's length checked against the file's.
fn locate_footer<R: Read + Seek>(reader: &mut R) -> Result<(u64, Vec<u8>), ArrowError> {
    let io = |e: std::io::Error| arrow_error(format!("io: {e}"));
    let len = reader.seek(SeekFrom::End(0)).map_err(io)?;
    if len < (MAGIC.len() + TRAILER) as u64 {
        return Err(arrow_error(
            "not an Arrow IPC file (shorter than its magic and trailer)",
        ));
    }
    let mut head = [0u8; MAGIC.len()];
    let mut trailer = [0u8; TRAILER];
    reader.seek(SeekFrom::Start(0)).map_err(io)?;
    reader.read_exact(&mut head).map_err(io)?;
    reader.seek(SeekFrom::End(-(TRAILER as i64))).map_err(io)?;
    reader.read_exact(&mut trailer).map_err(io)?;
    if &head != MAGIC {
        return Err(arrow_error("not an Arrow IPC file (no ARROW1 at its start)"));
    }
    let footer_len = read_footer_length(trailer)? as u64;
    let footer_start = (len - TRAILER as u64)
        .checked_sub(footer_len)
        .filter(|&s| s >= MAGIC.len() as u64)
        .ok_or_else(|| {
            arrow_error(format!(
                "footer of {footer_len} bytes is longer than the file ({len} bytes)"
            ))
        })?;
    Ok((footer_start, read_at(reader, footer_start, footer_len)?))
}

fn parse_footer(bytes: &[u8]) -> Result<arrow_ipc::Footer<'_>, ArrowError> {
    arrow_ipc::root_as_footer(bytes).map_err(|e| arrow_error(format!("unable to read the footer: {e}")))
}

/// The footer's schema, refused when the file's endianness is not this machine's.
fn footer_schema(footer: &arrow_ipc::Footer<'_>) -> Result<arrow_schema::Schema, ArrowError> {
    let ipc_schema = footer.schema().ok_or_else(|| arrow_error("no schema in the footer"))?;
    if !ipc_schema.endianness().equals_to_target_endianness() {
        return Err(arrow_error("the file's endianness is not this machine's"));
    }
    guarded("schema", || arrow_ipc::convert::try_fb_to_schema(ipc_schema))
}

/// A footer block's offset, metadata length and body length, refused when it is not wholly between
/// the leading magic and the footer or its metadata is too short to hold a message's prefix.
fn block_span(block: &arrow_ipc::Block, footer_start: u64) -> Result<(u64, usize, usize), ArrowError> {
    let offset = u64::try_from(block.offset()).ok();
    let meta = usize::try_from(block.metaDataLength()).ok().filter(|&m| m >= 8);
    let body = usize::try_from(block.bodyLength()).ok();
    match (offset, meta, body) {
        (Some(o), Some(m), Some(b))
            if o >= MAGIC.len() as u64
                && (o + m as u64).is_multiple_of(8)
                && (m as u64)
                    .checked_add(b as u64)
                    .and_then(|n| o.checked_add(n))
                    .is_some_and(|end| end <= footer_start) =>
        {
            Ok((o, m, b))
        }
        _ => Err(arrow_error(format!(
            "a block at offset {} of {} + {} bytes lies outside the file's {footer_start} bytes of blocks",
            block.offset(),
            block.metaDataLength(),
            block.bodyLength()
        ))),
    }
}

/// A footer block's bytes (metadata and body) within the whole file, its message's buffers checked
/// against its body.
fn slice(buffer: &Buffer, block: &arrow_ipc::Block, footer_start: u64) -> Result<Buffer, ArrowError> {
    let (o, m, b) = block_span(block, footer_start)?;
    // The span ends before the footer, inside the buffer, so `o` fits a usize.
    let block = buffer.slice_with_length(usize::try_from(o).unwrap_or(usize::MAX), m + b);
    check_buffers(&message(&block[..m])?, b)?;
    Ok(block)
}

/// Refuses a record batch or dictionary message naming a buffer outside its body of `body` bytes, or
/// not on an 8-byte boundary as the format requires (arrow-rs slices them unchecked, and panics on
/// either).
fn check_buffers(message: &arrow_ipc::Message<'_>, body: usize) -> Result<(), ArrowError> {
    let batch = match (message.header_as_record_batch(), message.header_as_dictionary_batch()) {
        (Some(b), _) => Some(b),
        (None, Some(d)) => d.data(),
        (None, None) => None,
    };
    let Some(buffers) = batch.and_then(|b| b.buffers()) else {
        return Ok(());
    };
    for buf in buffers {
        let end = usize::try_from(buf.offset())
            .ok()
            .zip(usize::try_from(buf.length()).ok())
            .and_then(|(o, l)| o.checked_add(l));
        if end.is_none_or(|e| e > body) || buf.offset() % 8 != 0 {
            return Err(arrow_error(format!(
                "a buffer at {} of {} bytes is not on an 8-byte boundary within its message's body of {body} bytes",
                buf.offset(),
                buf.length()
            )));
        }
    }
    Ok(())
}

impl FlowTable {
    /// Writes the table as an Arrow IPC file of one record batch ([`FlowTable::to_record_batch`],
    /// then [`write_ipc`]).
    ///
    /// # Errors
    /// [`crate::Error::Arrow`] when `writer` fails.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowTable};
    /// let t: FlowTable = [FlowRecord::new("2021".parse()?, "nearly 140,000".parse()?)].into_iter().collect();
    /// let mut file = Vec::new();
    /// t.write_ipc(&mut file)?;
    /// assert_eq!(FlowTable::read_ipc(std::io::Cursor::new(file))?, t);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn write_ipc<W: Write>(&self, writer: W) -> crate::Result<()> {
        write_ipc(&[self.to_record_batch()?], writer)
    }

    /// Reads a table from an Arrow IPC file: the rows of every record batch, in order.
    /// The file is read from its start, whatever the reader's position.
    ///
    /// A file of the schema [`FlowTable::to_record_batch`] writes (any number of batches) is read
    /// straight into the table in runs of rows through one small buffer, without building record
    /// batches: memory stays near the table's own size. Any other file, such as one polars wrote back
    /// (its dictionaries are `Utf8View`), is read with [`read_ipc`] and each batch converted with
    /// [`FlowTable::from_record_batch`]. Both ways check the same things and give the same table.
    ///
    /// # Errors
    /// [`crate::Error::Arrow`]: what [`read_ipc`] and [`FlowTable::from_record_batch`] refuse, and a
    /// dictionary key outside its dictionary; a bad value names its row within its batch.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// use corridor::flow::FlowTable;
    /// let table = darien::by_nationality();
    /// let mut file = Vec::new();
    /// table.write_ipc(&mut file)?;
    /// assert_eq!(FlowTable::read_ipc(std::io::Cursor::new(file))?, table);
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn read_ipc<R: Read + Seek>(reader: R) -> crate::Result<FlowTable> {
        Ok(read_table(reader)?)
    }
}

/// The flow table schema's columns, in [`super::flow_schema`]'s order.
const NAMES: [&str; 19] = [
    "period_start",
    "period_end",
    "granularity",
    "nationality",
    "place",
    "place_country",
    "place_kind",
    "direction",
    "sex",
    "age",
    "count_lower",
    "count_upper",
    "count_point",
    "count_kind",
    "source",
    "source_title",
    "source_date",
    "source_address",
    "source_note",
];

/// Rows read at a time (a multiple of 8, so that each run's validity starts on a byte).
const RUN: usize = 1 << 15;

/// Where one column of one batch lies in the file.
struct ColumnLayout {
    /// Absolute offset of the validity bitmap, when the column has nulls.
    validity: Option<u64>,
    /// Absolute offset of the values (dictionary keys for a dictionary column).
    values: u64,
    /// Bytes a value.
    width: usize,
}

struct BatchLayout {
    rows: usize,
    columns: Vec<ColumnLayout>,
}

fn read_table<R: Read + Seek>(mut reader: R) -> Result<FlowTable, ArrowError> {
    let (footer_start, footer_bytes) = locate_footer(&mut reader)?;
    let footer = parse_footer(&footer_bytes)?;
    let schema = footer_schema(&footer)?;
    let flow = super::flow_schema();
    let is_flow =
        schema.fields().len() == flow.fields().len()
            && schema.fields().iter().zip(flow.fields()).all(|(a, b)| {
                a.name() == b.name() && a.data_type() == b.data_type() && a.is_nullable() == b.is_nullable()
            });
    if !is_flow {
        return generic(reader);
    }

    // Dictionaries, decoded by arrow-rs (they are small), then each column's distinct values.
    let dictionaries = read_dictionaries(&mut reader, &footer, &schema, footer_start)?;
    let fields = footer
        .schema()
        .and_then(|s| s.fields())
        .ok_or_else(|| arrow_error("no fields in the schema"))?;
    let mut values: Vec<Option<Vec<Option<&str>>>> = Vec::with_capacity(NAMES.len());
    for (i, field) in fields.iter().enumerate() {
        values.push(match field.dictionary() {
            None => None,
            Some(d) => {
                let array = dictionaries
                    .get(&d.id())
                    .ok_or_else(|| arrow_error(format!("no dictionary for column {:?}", NAMES[i])))?;
                Some(super::read::strings(array.as_ref()).ok_or_else(|| arrow_error("a dictionary of non-strings"))?)
            }
        });
    }

    // Every batch's layout, checked against the file before anything is read from it.
    let blocks = footer
        .recordBatches()
        .ok_or_else(|| arrow_error("no record batches in the footer"))?;
    let mut layouts = Vec::with_capacity(blocks.len());
    for block in blocks {
        let (at, meta, body) = block_span(block, footer_start)?;
        let bytes = read_at(&mut reader, at, meta as u64)?;
        let message = message(&bytes)?;
        if message
            .header_as_record_batch()
            .is_some_and(|b| b.compression().is_some())
        {
            return generic(reader);
        }
        layouts.push(batch_layout(&message, &schema, at + meta as u64, body)?);
    }
    read_runs(&mut reader, &schema, &layouts, &values)
}

/// The file read with [`read_ipc`], each batch converted and appended.
fn generic<R: Read + Seek>(reader: R) -> Result<FlowTable, ArrowError> {
    let mut table = FlowTable::new();
    for batch in read_inner(reader)? {
        table.append(super::read::from_batch(&batch)?);
    }
    Ok(table)
}

/// `len` bytes at `at` (bounded by the file's length by the caller).
fn read_at<R: Read + Seek>(reader: &mut R, at: u64, len: u64) -> Result<Vec<u8>, ArrowError> {
    let io = |e: std::io::Error| arrow_error(format!("io: {e}"));
    reader.seek(SeekFrom::Start(at)).map_err(io)?;
    let mut bytes = Vec::new();
    reader.take(len).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 != len {
        return Err(arrow_error(format!(
            "cut short: {} of {len} bytes at offset {at}",
            bytes.len()
        )));
    }
    Ok(bytes)
}

/// An encapsulated message's flatbuffer (after the continuation marker and length).
fn message(meta: &[u8]) -> Result<arrow_ipc::Message<'_>, ArrowError> {
    // With the continuation marker (since format 0.15) or without it.
    let ([0xff, 0xff, 0xff, 0xff, _, _, _, _, fb @ ..] | [_, _, _, _, fb @ ..]) = meta else {
        return Err(arrow_error("a message shorter than its length prefix"));
    };
    arrow_ipc::root_as_message(fb).map_err(|e| arrow_error(format!("unable to read a message: {e}")))
}

/// The layout of a record batch of the flow table schema, every buffer checked to lie within the body.
fn batch_layout(
    message: &arrow_ipc::Message<'_>,
    schema: &arrow_schema::Schema,
    body_start: u64,
    body_len: usize,
) -> Result<BatchLayout, ArrowError> {
    let batch = message
        .header_as_record_batch()
        .ok_or_else(|| arrow_error("a record batch block holds no record batch"))?;
    let rows =
        usize::try_from(batch.length()).map_err(|_| arrow_error(format!("a batch of {} rows", batch.length())))?;
    let mismatch = || arrow_error("the batch's metadata does not match the file's schema");
    let nodes = batch.nodes().ok_or_else(mismatch)?;
    let buffers = batch.buffers().ok_or_else(mismatch)?;
    if nodes.len() != schema.fields().len()
        || buffers.len() != 2 * nodes.len()
        || batch.variadicBufferCounts().is_some_and(|v| !v.is_empty())
    {
        return Err(mismatch());
    }
    let mut columns = Vec::with_capacity(nodes.len());
    for (i, field) in schema.fields().iter().enumerate() {
        let node = nodes.get(i);
        if node.length() != batch.length() {
            return Err(mismatch());
        }
        let width = match field.data_type() {
            arrow_schema::DataType::Dictionary(k, _) => k.primitive_width(),
            t => t.primitive_width(),
        }
        .ok_or_else(mismatch)?;
        let span = |b: &arrow_ipc::Buffer, need: usize| {
            let at = usize::try_from(b.offset()).ok();
            let len = usize::try_from(b.length()).ok();
            match (at, len) {
                (Some(o), Some(l)) if l >= need && o.checked_add(l).is_some_and(|e| e <= body_len) => {
                    Ok(body_start + o as u64)
                }
                _ => Err(arrow_error(format!(
                    "column {:?}: a buffer at {} of {} bytes does not hold its {rows} rows within the batch's {body_len} bytes",
                    field.name(),
                    b.offset(),
                    b.length()
                ))),
            }
        };
        let values = span(buffers.get(2 * i + 1), rows.checked_mul(width).ok_or_else(mismatch)?)?;
        let validity = if node.null_count() > 0 {
            if !field.is_nullable() {
                return Err(arrow_error(format!(
                    "column {:?} is declared non-nullable but holds nulls",
                    field.name()
                )));
            }
            Some(span(buffers.get(2 * i), rows.div_ceil(8))?)
        } else {
            None
        };
        columns.push(ColumnLayout {
            validity,
            values,
            width,
        });
    }
    Ok(BatchLayout { rows, columns })
}

/// One run of one column's values, typed (a view of the run buffer).
enum Run {
    I32(ScalarBuffer<i32>),
    I8(ScalarBuffer<i8>),
    U8(ScalarBuffer<u8>),
    U32(ScalarBuffer<u32>),
    U64(ScalarBuffer<u64>),
}

fn internal() -> ArrowError {
    arrow_error("internal: a run column of an unexpected type")
}

/// The run's columns as typed views of `frozen` (column `i` at byte `offsets[i]`, 8-byte aligned).
fn runs(
    schema: &arrow_schema::Schema,
    frozen: &Buffer,
    offsets: &[usize],
    rows: usize,
) -> Result<Vec<Run>, ArrowError> {
    use arrow_schema::DataType as T;
    schema
        .fields()
        .iter()
        .zip(offsets)
        .map(|(f, &off)| {
            let b = frozen.clone();
            let key = match f.data_type() {
                T::Dictionary(k, _) => k.as_ref(),
                t => t,
            };
            Ok(match key {
                T::Date32 => Run::I32(ScalarBuffer::new(b, off / 4, rows)),
                T::Int8 => Run::I8(ScalarBuffer::new(b, off, rows)),
                T::UInt8 => Run::U8(ScalarBuffer::new(b, off, rows)),
                T::UInt32 => Run::U32(ScalarBuffer::new(b, off / 4, rows)),
                T::UInt64 => Run::U64(ScalarBuffer::new(b, off / 8, rows)),
                _ => return Err(internal()),
            })
        })
        .collect()
}

/// The views [`TableBuilder`](super::read::TableBuilder) reads, every key checked against its
/// dictionary.
fn columns<'a>(
    runs: &'a [Run],
    nulls: &'a [Option<NullBuffer>],
    values: &[Option<Vec<Option<&'a str>>>],
    rows: usize,
    row0: usize,
) -> Result<Columns<'a>, ArrowError> {
    let prim_i32 = |i: usize| match &runs[i] {
        Run::I32(b) => Ok(Prim {
            values: b,
            nulls: nulls[i].as_ref(),
        }),
        _ => Err(internal()),
    };
    let prim_u64 = |i: usize| match &runs[i] {
        Run::U64(b) => Ok(Prim {
            values: b,
            nulls: nulls[i].as_ref(),
        }),
        _ => Err(internal()),
    };
    let text = |i: usize| -> Result<StrColumn<'a>, ArrowError> {
        let n = nulls[i].as_ref();
        let keys = match &runs[i] {
            Run::I8(b) => Keys::BorrowedI8(b, n),
            Run::U8(b) => Keys::BorrowedU8(b, n),
            Run::U32(b) => Keys::Borrowed(b, n),
            _ => return Err(internal()),
        };
        let c = StrColumn {
            name: NAMES[i],
            keys,
            len: rows,
            values: values[i].clone().ok_or_else(internal)?,
        };
        c.check_keys(row0)?;
        Ok(c)
    };
    Ok(Columns {
        n: rows,
        start: prim_i32(0)?,
        end: prim_i32(1)?,
        granularity: text(2)?,
        nationality: Some(text(3)?),
        place: [Some(text(4)?), Some(text(5)?), Some(text(6)?)],
        direction: Some(text(7)?),
        sex: Some(text(8)?),
        age: Some(text(9)?),
        lower: prim_u64(10)?,
        upper: Some(prim_u64(11)?),
        point: Some(prim_u64(12)?),
        kind: Some(text(13)?),
        source: [
            Some(text(14)?),
            Some(text(15)?),
            Some(text(16)?),
            Some(text(17)?),
            Some(text(18)?),
        ],
    })
}

/// The footer's dictionaries, decoded by arrow-rs.
fn read_dictionaries<R: Read + Seek>(
    reader: &mut R,
    footer: &arrow_ipc::Footer<'_>,
    schema: &arrow_schema::Schema,
    footer_start: u64,
) -> Result<std::collections::HashMap<i64, arrow_array::ArrayRef>, ArrowError> {
    let mut dictionaries = std::collections::HashMap::new();
    for block in footer.dictionaries().iter().flatten() {
        let (at, meta, body) = block_span(block, footer_start)?;
        let bytes = Buffer::from_vec(read_at(reader, at, (meta + body) as u64)?);
        let message = message(&bytes[..meta])?;
        check_buffers(&message, body)?;
        let batch = message
            .header_as_dictionary_batch()
            .ok_or_else(|| arrow_error("a dictionary block holds no dictionary batch"))?;
        guarded("dictionary", || {
            arrow_ipc::reader::read_dictionary(&bytes.slice(meta), batch, schema, &mut dictionaries, &message.version())
        })?;
    }
    Ok(dictionaries)
}

/// Every batch of `layouts`, a run of [`RUN`] rows at a time through one buffer, into one table.
fn read_runs<R: Read + Seek>(
    reader: &mut R,
    schema: &arrow_schema::Schema,
    layouts: &[BatchLayout],
    values: &[Option<Vec<Option<&str>>>],
) -> Result<FlowTable, ArrowError> {
    let io = |e: std::io::Error| arrow_error(format!("io: {e}"));
    let total: usize = layouts.iter().map(|l| l.rows).sum();
    let mut builder: Option<super::read::TableBuilder> = None;
    let mut scratch = MutableBuffer::from_len_zeroed(0);
    for layout in layouts {
        for run in (0..layout.rows).step_by(RUN) {
            let rows = RUN.min(layout.rows - run);
            // One region a column, each on an 8-byte boundary.
            let mut offsets = Vec::with_capacity(layout.columns.len());
            let mut need = 0;
            for c in &layout.columns {
                offsets.push(need);
                need += (rows * c.width).next_multiple_of(8);
            }
            if scratch.len() < need {
                scratch.resize(need, 0);
            }
            let mut nulls = Vec::with_capacity(layout.columns.len());
            for (c, &off) in layout.columns.iter().zip(&offsets) {
                let n = rows * c.width;
                reader
                    .seek(SeekFrom::Start(c.values + (run * c.width) as u64))
                    .map_err(io)?;
                reader
                    .read_exact(&mut scratch.as_slice_mut()[off..off + n])
                    .map_err(io)?;
                nulls.push(match c.validity {
                    None => None,
                    Some(v) => {
                        let bits = Buffer::from_vec(read_at(reader, v + (run / 8) as u64, rows.div_ceil(8) as u64)?);
                        Some(NullBuffer::new(BooleanBuffer::new(bits, 0, rows)))
                    }
                });
            }
            let frozen: Buffer = std::mem::take(&mut scratch).into();
            {
                let runs = runs(schema, &frozen, &offsets, rows)?;
                let cols = columns(&runs, &nulls, values, rows, run)?;
                let b = match &mut builder {
                    Some(b) => b,
                    None => builder.insert(super::read::TableBuilder::new(&cols, total)?),
                };
                b.push(&cols, run)?;
            }
            scratch = frozen
                .into_mutable()
                .map_err(|_| arrow_error("internal: the run buffer is still shared"))?;
        }
    }
    Ok(builder.map_or_else(FlowTable::new, super::read::TableBuilder::finish))
}
