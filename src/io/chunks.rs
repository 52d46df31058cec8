//! CSV input in large chunks cut at record ends, and the records of a chunk.
//!
//! The records are those of the `csv` crate with its defaults (RFC 4180 quoting with
//! doubled quotes, `\r`, `\n` or `\r\n` ending a record, blank lines skipped, a UTF-8
//! byte order mark dropped at the start of the input), because chunks with a quote
//! character go through `csv_core`, the parser under the `csv` crate. Chunks without
//! one are split by a plain loop over the bytes, which gives the same records faster.
//!
//! A chunk always starts at the start of a record, so chunks can be split on any thread
//! and in any order. Line numbers within a chunk count from 0; the reader adds the line
//! of the chunk's start once the chunks before it are known. A line ends at `\n`, at
//! `\r\n` and at a `\r` alone (old Mac files), as records do.
//!
//! A quote that opens a field and is never closed would make the rest of the input one
//! cell: the record is reported instead ([`Unclosed`], with the line and column where
//! the quote opened), and splitting goes on at the next line.

use std::io::Read;
use std::ops::ControlFlow;

use csv_core::ReadRecordResult;

/// A quote opened a field and was never closed: where it opened. The line counts from
/// 0 at the chunk's start (from 1 at the input's start for a header row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unclosed {
    pub(super) line: u64,
    /// 1-based field number.
    pub(super) column: usize,
}

/// Where in `record` (the bytes of one record from its first byte, as `csv_core` reads
/// it) a quote opens a field that runs to the end of `record` unclosed: the byte offset
/// of the quote and the 0-based field number. `None` when every quote closes or the
/// record ends at a line end. Follows `csv_core`'s states for RFC 4180 quoting with
/// doubled quotes and `\r` / `\n` line ends.
fn unclosed_quote(record: &[u8], delimiter: u8) -> Option<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        Start,
        Field,
        Quoted,
        AfterQuote,
    }
    let term = |b: u8| b == b'\r' || b == b'\n';
    let (mut state, mut field, mut open) = (S::Start, 0, 0);
    for (i, &b) in record.iter().enumerate() {
        state = match state {
            S::Start if b == b'"' => {
                open = i;
                S::Quoted
            }
            // A doubled quote before the delimiter, as `csv_core` checks them.
            S::AfterQuote if b == b'"' => S::Quoted,
            S::Start | S::Field | S::AfterQuote if b == delimiter => {
                field += 1;
                S::Start
            }
            S::Start | S::Field | S::AfterQuote if term(b) => return None,
            S::Quoted if b == b'"' => S::AfterQuote,
            S::Quoted => S::Quoted,
            S::Start | S::Field | S::AfterQuote => S::Field,
        };
    }
    (state == S::Quoted).then_some((open, field))
}

/// The end of the line holding `data[at]`: the offset after its `\r`, `\n` or `\r\n`,
/// or `data.len()`.
fn line_end(data: &[u8], at: usize) -> usize {
    match memchr::memchr2(b'\n', b'\r', &data[at..]) {
        Some(i) if data[at + i] == b'\r' && data.get(at + i + 1) == Some(&b'\n') => at + i + 2,
        Some(i) => at + i + 1,
        None => data.len(),
    }
}

/// The fields of one record: byte ranges of a buffer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rec<'a> {
    buf: &'a [u8],
    spans: &'a [(usize, usize)],
}

impl<'a> Rec<'a> {
    /// Number of fields.
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Field `i`, if there is one.
    pub(super) fn field(&self, i: usize) -> Option<&'a [u8]> {
        self.spans.get(i).map(|&(a, b)| &self.buf[a..b])
    }

    /// Field `i`, or nothing when there is no such field.
    #[inline]
    pub(super) fn get(&self, i: usize) -> &'a [u8] {
        self.field(i).unwrap_or_default()
    }

    /// The fields in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.spans.iter().map(|&(a, b)| &self.buf[a..b])
    }
}

/// A record read by `csv_core`: unquoted field bytes and their ranges.
#[derive(Debug, Clone)]
pub(super) struct OwnedRec {
    out: Vec<u8>,
    ends: Vec<usize>,
    spans: Vec<(usize, usize)>,
}

impl Default for OwnedRec {
    fn default() -> Self {
        Self {
            out: vec![0; 256],
            ends: vec![0; 16],
            spans: Vec::new(),
        }
    }
}

impl OwnedRec {
    /// The record.
    pub(super) fn rec(&self) -> Rec<'_> {
        Rec {
            buf: &self.out,
            spans: &self.spans,
        }
    }

    /// Reads one record from the start of `input` with `core`. `last` says that no
    /// input follows `input`. Returns the number of bytes used, or `None` when the
    /// record may go on past `input` (or there is none).
    fn read(&mut self, core: &mut csv_core::Reader, input: &[u8], last: bool) -> Option<usize> {
        let (mut i, mut o, mut e) = (0, 0, 0);
        loop {
            if i == input.len() && !last {
                return None;
            }
            let (res, nin, nout, nend) = core.read_record(&input[i..], &mut self.out[o..], &mut self.ends[e..]);
            i += nin;
            o += nout;
            e += nend;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    self.spans.clear();
                    let mut start = 0;
                    for &end in &self.ends[..e] {
                        self.spans.push((start, end));
                        start = end;
                    }
                    return Some(i);
                }
                ReadRecordResult::End => return None,
            }
        }
    }
}

/// How records are split: the delimiter and a `csv_core` parser set up like the `csv`
/// crate's default reader.
#[derive(Debug)]
pub(super) struct Splitter {
    delimiter: u8,
    /// Whether quote-free input can be split by the plain loop (the delimiter is not a
    /// quote or a line end).
    plain_ok: bool,
    builder: csv_core::ReaderBuilder,
}

impl Splitter {
    pub(super) fn new(delimiter: u8) -> Self {
        let mut builder = csv_core::ReaderBuilder::new();
        builder.delimiter(delimiter);
        Self {
            delimiter,
            plain_ok: !matches!(delimiter, b'"' | b'\r' | b'\n'),
            builder,
        }
    }

    /// A fresh parser. (Built each time: `csv_core::Reader::clone` does not copy the
    /// whole parser in csv-core 0.1.13.)
    fn core(&self) -> csv_core::Reader {
        let mut core = self.builder.build();
        // `csv_core` drops a byte order mark before the first record it reads. The input
        // drops the one at the very start itself; a record further on that starts with
        // those bytes keeps them, as with the `csv` crate. Asking for a record with no
        // room for output marks the parser as used without moving it.
        let _ = core.read_record(b"x", &mut [], &mut [0]);
        core
    }

    /// The end of the last whole record of `data`, which starts at a record start and
    /// is followed by more input; `None` when `data` holds no whole record.
    fn last_record_end(&self, data: &[u8], scratch: &mut OwnedRec) -> Option<usize> {
        if self.plain_ok && memchr::memchr(b'"', data).is_none() {
            return memchr::memrchr2(b'\n', b'\r', data).map(|i| i + 1);
        }
        let mut core = self.core();
        let (mut pos, mut last) = (0, None);
        while pos < data.len() {
            let (res, nin, _, _) = core.read_record(&data[pos..], &mut scratch.out, &mut scratch.ends);
            pos += nin;
            match res {
                ReadRecordResult::Record => last = Some(pos),
                ReadRecordResult::InputEmpty | ReadRecordResult::End => break,
                // The fields are not needed: keep writing over the same buffers.
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
            }
        }
        last
    }

    /// Calls `f` with the line (from 0) and the fields of every record of `chunk`, in
    /// order, until it breaks; a record whose quote never closes is passed as
    /// [`Unclosed`], and the records after the line where that quote opened follow.
    /// Returns the number of line ends in the chunk (when `f` never broke).
    pub(super) fn for_each(
        &self,
        chunk: &Chunk,
        scratch: &mut OwnedRec,
        mut f: impl FnMut(u64, Result<Rec<'_>, Unclosed>) -> ControlFlow<()>,
    ) -> u64 {
        let data = chunk.data();
        if self.plain_ok && memchr::memchr(b'"', data).is_none() {
            let mut spans = Vec::with_capacity(16);
            return self.plain(data, chunk.after_cr, &mut spans, f);
        }
        let ends = |from: usize, to: usize| line_ends(&data[from..to], after_cr_at(data, from, chunk.after_cr));
        let mut core = self.core();
        let (mut pos, mut line) = (0, 0);
        loop {
            let skip = blank_prefix(&data[pos..]);
            line += ends(pos, pos + skip);
            pos += skip;
            if pos == data.len() {
                return line;
            }
            // The chunk ends at a record end or at the end of the input.
            let Some(n) = scratch.read(&mut core, &data[pos..], true) else {
                return line;
            };
            // Only the last record of the chunk can run into its end inside a quote.
            if pos + n == data.len()
                && let Some((open, field)) = unclosed_quote(&data[pos..], self.delimiter)
            {
                let at = Unclosed {
                    line: line + ends(pos, pos + open),
                    column: field + 1,
                };
                if f(line, Err(at)).is_break() {
                    return line;
                }
                // Go on after the line where the quote opened, with a fresh parser.
                core = self.core();
                let next = line_end(data, pos + open);
                line += ends(pos, next);
                pos = next;
                continue;
            }
            if f(line, Ok(scratch.rec())).is_break() {
                return line;
            }
            line += ends(pos, pos + n);
            pos += n;
        }
    }

    /// Splits quote-free input: a record is a run of bytes without `\r` or `\n`, its
    /// fields are separated by the delimiter.
    fn plain(
        &self,
        data: &[u8],
        after_cr: bool,
        spans: &mut Vec<(usize, usize)>,
        mut f: impl FnMut(u64, Result<Rec<'_>, Unclosed>) -> ControlFlow<()>,
    ) -> u64 {
        let d = self.delimiter;
        let mut line = 0;
        // Start of the current line and of the current field.
        let (mut start, mut field) = (0, 0);
        spans.clear();
        for p in memchr::memchr3_iter(d, b'\n', b'\r', data) {
            if data[p] == d {
                spans.push((field, p));
                field = p + 1;
                continue;
            }
            if p > start || !spans.is_empty() {
                spans.push((field, p));
                if f(line, Ok(Rec { buf: data, spans })).is_break() {
                    return line;
                }
                spans.clear();
            }
            // `\r`, `\n` and `\r\n` each end one line.
            line += u64::from(data[p] == b'\r' || !after_cr_at(data, p, after_cr));
            start = p + 1;
            field = p + 1;
        }
        if data.len() > start || !spans.is_empty() {
            spans.push((field, data.len()));
            let _ = f(line, Ok(Rec { buf: data, spans }));
        }
        line
    }
}

/// Bytes from a record start to a record end (or the end of the input).
#[derive(Debug)]
pub(super) struct Chunk {
    bytes: Vec<u8>,
    start: usize,
    /// Whether the byte before the chunk is a `\r` (so that a `\n` starting the chunk
    /// ends no new line).
    after_cr: bool,
}

impl Chunk {
    fn data(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// Length of the run of `\r` and `\n` at the start of `data`.
fn blank_prefix(data: &[u8]) -> usize {
    data.iter().take_while(|&&b| b == b'\n' || b == b'\r').count()
}

/// The number of line ends in `data`: every `\r`, and every `\n` not right after a
/// `\r` (`after_cr` says whether the byte before `data` is one).
fn line_ends(data: &[u8], after_cr: bool) -> u64 {
    let cr = memchr::memchr_iter(b'\r', data).count();
    let lf = memchr::memchr_iter(b'\n', data)
        .filter(|&i| !after_cr_at(data, i, after_cr))
        .count();
    (cr + lf) as u64
}

/// Whether the byte before `data[i]` is a `\r`; `before` for `i == 0`.
#[inline]
fn after_cr_at(data: &[u8], i: usize, before: bool) -> bool {
    if i == 0 { before } else { data[i - 1] == b'\r' }
}

/// Buffered input that hands out record-aligned chunks.
#[derive(Debug)]
pub(super) struct Input<R> {
    reader: R,
    buf: Vec<u8>,
    /// Bytes before this are used.
    start: usize,
    eof: bool,
    chunk: usize,
    /// Line of `buf[start]`, from 1.
    line: u64,
    /// Whether the byte before `buf[start]` is a `\r`.
    after_cr: bool,
    scratch: OwnedRec,
    /// Buffers of parsed chunks, to be filled again.
    spare: Vec<Vec<u8>>,
}

impl<R: Read> Input<R> {
    /// Input read in chunks of about `chunk` bytes (at least 1).
    pub(super) fn new(reader: R, chunk: usize) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            start: 0,
            eof: false,
            chunk: chunk.max(1),
            line: 1,
            after_cr: false,
            scratch: OwnedRec::default(),
            spare: Vec::new(),
        }
    }

    /// The line of the next unread byte, from 1.
    pub(super) fn line(&self) -> u64 {
        self.line
    }

    /// Reads until `want` unused bytes are buffered or the input ends.
    fn fill(&mut self, want: usize) -> std::io::Result<()> {
        let have = self.buf.len() - self.start;
        if self.eof || have >= want {
            return Ok(());
        }
        let need = want - have;
        // `read_to_end` grows the buffer further if the input has more.
        self.buf.reserve(need.min(1 << 26));
        let got = (&mut self.reader).take(need as u64).read_to_end(&mut self.buf)?;
        if got < need {
            self.eof = true;
        }
        Ok(())
    }

    /// Drops a UTF-8 byte order mark at the start of the input.
    pub(super) fn skip_bom(&mut self) -> std::io::Result<()> {
        self.fill(self.chunk.max(3))?;
        if self.buf[self.start..].starts_with(b"\xef\xbb\xbf") {
            self.start += 3;
        }
        Ok(())
    }

    /// Consumes the next `n` bytes, counting their lines.
    fn advance(&mut self, n: usize) {
        let bytes = &self.buf[self.start..self.start + n];
        self.line += line_ends(bytes, self.after_cr);
        if let Some(&last) = bytes.last() {
            self.after_cr = last == b'\r';
        }
        self.start += n;
    }

    /// Reads the next record into `out` and returns its line, or `None` at the end of
    /// the input; with [`Unclosed`] (its line counted from 1) when a quote in it never
    /// closes, in which case `out` is not set and the reading position is after the line
    /// where that quote opened. Used for the header rows, before the chunks.
    pub(super) fn record(
        &mut self,
        splitter: &Splitter,
        out: &mut OwnedRec,
    ) -> std::io::Result<Option<(u64, Option<Unclosed>)>> {
        loop {
            let skip = blank_prefix(&self.buf[self.start..]);
            self.advance(skip);
            let have = self.buf.len() - self.start;
            if have == 0 {
                if self.eof {
                    return Ok(None);
                }
                self.fill(self.chunk)?;
                continue;
            }
            let mut core = splitter.core();
            if let Some(n) = out.read(&mut core, &self.buf[self.start..], self.eof) {
                let line = self.line;
                let rest = &self.buf[self.start..];
                if n == rest.len()
                    && let Some((open, field)) = unclosed_quote(rest, splitter.delimiter)
                {
                    let at = Unclosed {
                        line: line + line_ends(&rest[..open], self.after_cr),
                        column: field + 1,
                    };
                    self.advance(line_end(rest, open));
                    return Ok(Some((line, Some(at))));
                }
                self.advance(n);
                return Ok(Some((line, None)));
            }
            if self.eof {
                return Ok(None);
            }
            self.fill(have.saturating_mul(2).max(self.chunk))?;
        }
    }

    /// Puts the reading position back to `pos` (from [`Input::position`]), which must
    /// not be before the last chunk handed out.
    pub(super) fn rewind(&mut self, pos: (usize, u64, bool)) {
        (self.start, self.line, self.after_cr) = pos;
    }

    /// The reading position, for [`Input::rewind`].
    pub(super) fn position(&self) -> (usize, u64, bool) {
        (self.start, self.line, self.after_cr)
    }

    /// The next chunk: about `chunk` bytes ending at a record end, longer when one
    /// record is longer; `None` at the end of the input. The chunk's lines are not
    /// counted into [`Input::line`].
    pub(super) fn next_chunk(&mut self, splitter: &Splitter) -> std::io::Result<Option<Chunk>> {
        let mut want = self.chunk;
        loop {
            self.fill(want)?;
            let avail = &self.buf[self.start..];
            if avail.is_empty() {
                return Ok(None);
            }
            let cut = if self.eof {
                Some(avail.len())
            } else {
                splitter.last_record_end(avail, &mut self.scratch)
            };
            match cut {
                Some(cut) if cut > 0 => return Ok(Some(self.take(cut))),
                _ => want = avail.len().saturating_mul(2),
            }
        }
    }

    /// Takes back the buffer of a parsed chunk.
    pub(super) fn recycle(&mut self, chunk: Chunk) {
        self.spare.push(chunk.bytes);
    }

    /// Hands out the next `n` bytes as a chunk, keeping the rest for the next one.
    fn take(&mut self, n: usize) -> Chunk {
        let end = self.start + n;
        let after_cr = std::mem::replace(&mut self.after_cr, self.buf[end - 1] == b'\r');
        let mut rest = self.spare.pop().unwrap_or_default();
        rest.clear();
        rest.reserve((self.buf.len() - end).max(self.chunk.min(1 << 26)));
        rest.extend_from_slice(&self.buf[end..]);
        self.buf.truncate(end);
        let bytes = std::mem::replace(&mut self.buf, rest);
        let start = std::mem::replace(&mut self.start, 0);
        Chunk { bytes, start, after_cr }
    }
}

/// Parses the chunks of `input` with `parse` one after the other, or (with the `parallel` feature,
/// when `parallel` is set and rayon's pool has more than one thread) on rayon's pool, and hands the
/// results to `merge` in file order. Stops at the first error of `merge` or of the input.
pub(super) fn parse_chunks<R, T, P, M>(
    input: &mut Input<R>,
    splitter: &Splitter,
    parse: P,
    mut merge: M,
    parallel: bool,
) -> crate::Result<()>
where
    R: Read,
    T: Send,
    P: Fn(&Chunk) -> T + Sync,
    M: FnMut(T) -> crate::Result<()>,
{
    #[cfg(feature = "parallel")]
    if parallel && rayon::current_num_threads() > 1 {
        return parse_chunks_parallel(input, splitter, &parse, &mut merge);
    }
    let _ = parallel;
    while let Some(chunk) = input.next_chunk(splitter)? {
        let out = parse(&chunk);
        input.recycle(chunk);
        merge(out)?;
    }
    Ok(())
}

/// Reads chunks on this thread (the reader need not be `Send`) and parses them on rayon's pool, a
/// few ahead; merges their results here in file order as they finish.
#[cfg(feature = "parallel")]
fn parse_chunks_parallel<R, T, P, M>(
    input: &mut Input<R>,
    splitter: &Splitter,
    parse: &P,
    merge: &mut M,
) -> crate::Result<()>
where
    R: Read,
    T: Send,
    P: Fn(&Chunk) -> T + Sync,
    M: FnMut(T) -> crate::Result<()>,
{
    use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
    let ahead = rayon::current_num_threads() + 2;
    rayon::in_place_scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut ready = std::collections::BTreeMap::new();
        let (mut sent, mut next) = (0usize, 0usize);
        let (mut reading, mut failure) = (true, None);
        loop {
            while reading && sent - next < ahead {
                match input.next_chunk(splitter) {
                    Ok(Some(chunk)) => {
                        let tx = tx.clone();
                        let i = sent;
                        scope.spawn(move |_| {
                            let out = catch_unwind(AssertUnwindSafe(|| parse(&chunk)));
                            // The receiver is gone only when reading has stopped.
                            let _ = tx.send((i, out, chunk));
                        });
                        sent += 1;
                    }
                    Ok(None) => reading = false,
                    Err(e) => {
                        // Errors in the rows before come first.
                        failure = Some(e);
                        reading = false;
                    }
                }
            }
            if next == sent {
                return failure.map_or(Ok(()), |e| Err(e.into()));
            }
            // This thread holds a sender, so `recv` waits for a chunk rather than failing.
            let Ok((i, out, chunk)) = rx.recv() else { continue };
            input.recycle(chunk);
            ready.insert(i, out.unwrap_or_else(|p| resume_unwind(p)));
            while let Some(out) = ready.remove(&next) {
                next += 1;
                merge(out)?;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A record or an unclosed quote, with its line.
    type Item = (u64, Result<Vec<Vec<u8>>, usize>);

    /// Every record as (line, fields), or (line of the quote, Err(column)) for an
    /// unclosed quote, through chunks of `chunk` bytes.
    fn records(data: &[u8], delimiter: u8, chunk: usize) -> Vec<Item> {
        let splitter = Splitter::new(delimiter);
        let mut input = Input::new(data, chunk);
        input.skip_bom().unwrap();
        let mut out = Vec::new();
        let mut line = input.line();
        let mut scratch = OwnedRec::default();
        while let Some(c) = input.next_chunk(&splitter).unwrap() {
            let lines = splitter.for_each(&c, &mut scratch, |l, rec| {
                out.push(match rec {
                    Ok(rec) => (line + l, Ok(rec.iter().map(<[u8]>::to_vec).collect())),
                    Err(at) => (line + at.line, Err(at.column)),
                });
                ControlFlow::Continue(())
            });
            line += lines;
        }
        out
    }

    /// Lines counted the simple way: each `\r\n`, `\r` or `\n` ends one.
    fn lines_in(data: &[u8]) -> u64 {
        let mut n = 0;
        let mut i = 0;
        while i < data.len() {
            if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            n += u64::from(data[i] == b'\r' || data[i] == b'\n');
            i += 1;
        }
        n
    }

    /// The records of the `csv` crate; the line is that of the record's first byte.
    fn csv_plain(data: &[u8], delimiter: u8) -> Vec<(usize, Vec<Vec<u8>>)> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(data);
        let mut out = Vec::new();
        let mut rec = csv::ByteRecord::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let mut at = rec.position().unwrap().byte() as usize;
            if at == 0 && data.starts_with(b"\xef\xbb\xbf") {
                at = 3;
            }
            at += blank_prefix(&data[at..]);
            out.push((at, rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// Whether the `csv` crate's last record runs to the end of `data` inside a quote:
    /// more text after a line end is swallowed into it instead of making a new record.
    fn csv_swallows(data: &[u8], delimiter: u8) -> bool {
        let n = csv_plain(data, delimiter).len();
        // A line end that is not the delimiter.
        let end: &[u8] = if delimiter == b'\n' { b"\rz" } else { b"\nz" };
        let more = [data, end].concat();
        n > 0 && csv_plain(&more, delimiter).len() == n
    }

    /// What the reader must give: the `csv` crate's records; where the `csv` crate
    /// would swallow the rest of the input into a quoted cell, an unclosed quote at the
    /// start of that cell (its column is the field count of the swallowing record),
    /// and then the records after the line where it opened.
    fn csv_records(data: &[u8], delimiter: u8) -> Vec<Item> {
        let mut out = Vec::new();
        let (mut base, mut line) = (0usize, 1u64);
        loop {
            let rest = &data[base..];
            let recs = csv_plain(rest, delimiter);
            let swallowed = csv_swallows(rest, delimiter);
            let keep = recs.len() - usize::from(swallowed);
            for (at, fields) in &recs[..keep] {
                out.push((line + lines_in(&rest[..*at]), Ok(fields.clone())));
            }
            if !swallowed {
                return out;
            }
            let (at, fields) = &recs[keep];
            // The quote opens the last field: find it by the field count.
            let (open, field) = unclosed_quote(&rest[*at..], delimiter).expect("the csv crate swallowed the rest");
            assert_eq!(field + 1, fields.len(), "{rest:?}");
            let open = at + open;
            out.push((line + lines_in(&rest[..open]), Err(fields.len())));
            let next = line_end(rest, open);
            line += lines_in(&rest[..next]);
            base += next;
        }
    }

    /// The BOM-free start, as the reader sees it (the oracle above counts from there).
    fn strip_bom(data: &[u8]) -> &[u8] {
        data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data)
    }

    #[test]
    fn records_cross_chunk_ends() {
        let data = b"a,b\r\n\"x\ny\",\"q\"\"\"\n\n\nz,\"\"\rlast";
        let want = csv_records(data, b',');
        assert_eq!(want.len(), 4);
        assert_eq!(want[1], (2, Ok(vec![b"x\ny".to_vec(), b"q\"".to_vec()])));
        assert_eq!(want[2].0, 6);
        for chunk in [1, 2, 3, 5, 8, 1000] {
            assert_eq!(records(data, b',', chunk), want, "chunk {chunk}");
        }
    }

    #[test]
    fn byte_order_mark_only_at_the_start() {
        let data = b"\xef\xbb\xbfa,b\n\xef\xbb\xbfc,d\n";
        let want = csv_records(strip_bom(data), b',');
        assert_eq!(want[0].1.as_ref().unwrap()[0], b"a");
        assert_eq!(want[1].1.as_ref().unwrap()[0], b"\xef\xbb\xbfc");
        for chunk in [1, 4, 1000] {
            assert_eq!(records(data, b',', chunk), want);
        }
    }

    #[test]
    fn carriage_returns_alone_end_lines() {
        let data = b"a,b\rc,d\r\re,f\r\ng,h\n\ri,j";
        let lines: Vec<u64> = records(data, b',', 1000).iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 2, 4, 5, 7]);
        let quoted = b"a,\"b\rc\"\rd,e";
        for chunk in [1, 2, 3, 1000] {
            let lines: Vec<u64> = records(quoted, b',', chunk).iter().map(|r| r.0).collect();
            assert_eq!(lines, [1, 3], "chunk {chunk}");
        }
        // A `\r\n` cut between two chunks is still one line end.
        for chunk in 1..12 {
            let got: Vec<u64> = records(b"a\r\nb\r\nc\r\"d\"\r\ne", b',', chunk)
                .iter()
                .map(|r| r.0)
                .collect();
            assert_eq!(got, [1, 2, 3, 4, 5], "chunk {chunk}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let data = b"a,b\nc,\"d\ne,f\ng,h\n";
        let want: Vec<Item> = vec![
            (1, Ok(vec![b"a".to_vec(), b"b".to_vec()])),
            (2, Err(2)),
            (3, Ok(vec![b"e".to_vec(), b"f".to_vec()])),
            (4, Ok(vec![b"g".to_vec(), b"h".to_vec()])),
        ];
        assert_eq!(csv_records(data, b','), want);
        for chunk in [1, 2, 3, 5, 8, 1000] {
            assert_eq!(records(data, b',', chunk), want, "chunk {chunk}");
        }
        // The quote opens on a later line of a record that began with a closed quoted cell.
        let data = b"\"x\ny\",\"z\r\nw,v";
        assert_eq!(
            records(data, b',', 1000),
            [(2, Err(2)), (3, Ok(vec![b"w".to_vec(), b"v".to_vec()]))]
        );
        // A quote inside an unquoted cell is a plain character, as in the csv crate.
        assert_eq!(
            records(b"a\"b,c\n", b',', 1000),
            [(1, Ok(vec![b"a\"b".to_vec(), b"c".to_vec()]))]
        );
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(prop::sample::select(b"ab,;\"\r\n \xef".to_vec()), 0..120)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn same_records_as_the_csv_crate(data in bytes(), chunk in 1usize..40, semi in any::<bool>()) {
            let d = if semi { b';' } else { b',' };
            let want = csv_records(strip_bom(&data), d);
            prop_assert_eq!(records(&data, d, chunk), want.clone());
            prop_assert_eq!(records(&data, d, 1 << 20), want);
        }

        #[test]
        fn odd_delimiters(data in bytes(), chunk in 1usize..40, d in prop::sample::select(b"\"\n\r".to_vec())) {
            prop_assert_eq!(records(&data, d, chunk), csv_records(strip_bom(&data), d));
        }
    }
}
