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
//! of the chunk's start once the chunks before it are known.

use std::io::Read;
use std::ops::ControlFlow;

use csv_core::ReadRecordResult;

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
    /// order, until it breaks. Returns the number of `\n` in the chunk (when `f` never
    /// broke).
    pub(super) fn for_each(
        &self,
        chunk: &Chunk,
        scratch: &mut OwnedRec,
        mut f: impl FnMut(u64, Rec<'_>) -> ControlFlow<()>,
    ) -> u64 {
        let data = chunk.data();
        if self.plain_ok && memchr::memchr(b'"', data).is_none() {
            let mut spans = Vec::with_capacity(16);
            return self.plain(data, &mut spans, f);
        }
        let mut core = self.core();
        let (mut pos, mut line) = (0, 0);
        loop {
            let skip = blank_prefix(&data[pos..]);
            line += newlines(&data[pos..pos + skip]);
            pos += skip;
            if pos == data.len() {
                return line;
            }
            // The chunk ends at a record end or at the end of the input.
            let Some(n) = scratch.read(&mut core, &data[pos..], true) else {
                return line;
            };
            if f(line, scratch.rec()).is_break() {
                return line;
            }
            line += newlines(&data[pos..pos + n]);
            pos += n;
        }
    }

    /// Splits quote-free input: a record is a run of bytes without `\r` or `\n`, its
    /// fields are separated by the delimiter.
    fn plain(
        &self,
        data: &[u8],
        spans: &mut Vec<(usize, usize)>,
        mut f: impl FnMut(u64, Rec<'_>) -> ControlFlow<()>,
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
                if f(line, Rec { buf: data, spans }).is_break() {
                    return line;
                }
                spans.clear();
            }
            line += u64::from(data[p] == b'\n');
            start = p + 1;
            field = p + 1;
        }
        if data.len() > start || !spans.is_empty() {
            spans.push((field, data.len()));
            let _ = f(line, Rec { buf: data, spans });
        }
        line
    }
}

/// Bytes from a record start to a record end (or the end of the input).
#[derive(Debug)]
pub(super) struct Chunk {
    bytes: Vec<u8>,
    start: usize,
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

fn newlines(data: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', data).count() as u64
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

    /// Reads the next record into `out` and returns its line, or `None` at the end of
    /// the input. Used for the header rows, before the chunks.
    pub(super) fn record(&mut self, splitter: &Splitter, out: &mut OwnedRec) -> std::io::Result<Option<u64>> {
        loop {
            let skip = blank_prefix(&self.buf[self.start..]);
            self.line += newlines(&self.buf[self.start..self.start + skip]);
            self.start += skip;
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
                self.line += newlines(&self.buf[self.start..self.start + n]);
                self.start += n;
                return Ok(Some(line));
            }
            if self.eof {
                return Ok(None);
            }
            self.fill(have.saturating_mul(2).max(self.chunk))?;
        }
    }

    /// Puts the reading position back to `pos` (from [`Input::position`]), which must
    /// not be before the last chunk handed out.
    pub(super) fn rewind(&mut self, pos: (usize, u64)) {
        (self.start, self.line) = pos;
    }

    /// The reading position, for [`Input::rewind`].
    pub(super) fn position(&self) -> (usize, u64) {
        (self.start, self.line)
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
        let mut rest = self.spare.pop().unwrap_or_default();
        rest.clear();
        rest.reserve((self.buf.len() - end).max(self.chunk.min(1 << 26)));
        rest.extend_from_slice(&self.buf[end..]);
        self.buf.truncate(end);
        let bytes = std::mem::replace(&mut self.buf, rest);
        let start = std::mem::replace(&mut self.start, 0);
        Chunk { bytes, start }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every record as (line, fields), through chunks of `chunk` bytes.
    fn records(data: &[u8], delimiter: u8, chunk: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let splitter = Splitter::new(delimiter);
        let mut input = Input::new(data, chunk);
        input.skip_bom().unwrap();
        let mut out = Vec::new();
        let mut line = input.line();
        let mut scratch = OwnedRec::default();
        while let Some(c) = input.next_chunk(&splitter).unwrap() {
            let lines = splitter.for_each(&c, &mut scratch, |l, rec| {
                out.push((line + l, rec.iter().map(<[u8]>::to_vec).collect()));
                ControlFlow::Continue(())
            });
            line += lines;
        }
        out
    }

    /// The same with the `csv` crate; the line is that of the record's first byte.
    fn csv_records(data: &[u8], delimiter: u8) -> Vec<(u64, Vec<Vec<u8>>)> {
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
            out.push((1 + newlines(&data[..at]), rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    #[test]
    fn records_cross_chunk_ends() {
        let data = b"a,b\r\n\"x\ny\",\"q\"\"\"\n\n\nz,\"\"\rlast";
        let want = csv_records(data, b',');
        assert_eq!(want.len(), 4);
        assert_eq!(want[1], (2, vec![b"x\ny".to_vec(), b"q\"".to_vec()]));
        assert_eq!(want[2].0, 6);
        for chunk in [1, 2, 3, 5, 8, 1000] {
            assert_eq!(records(data, b',', chunk), want, "chunk {chunk}");
        }
    }

    #[test]
    fn byte_order_mark_only_at_the_start() {
        let data = b"\xef\xbb\xbfa,b\n\xef\xbb\xbfc,d\n";
        let want = csv_records(data, b',');
        assert_eq!(want[0].1[0], b"a");
        assert_eq!(want[1].1[0], b"\xef\xbb\xbfc");
        for chunk in [1, 4, 1000] {
            assert_eq!(records(data, b',', chunk), want);
        }
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(prop::sample::select(b"ab,;\"\r\n \xef".to_vec()), 0..120)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn same_records_as_the_csv_crate(data in bytes(), chunk in 1usize..40, semi in any::<bool>()) {
            let d = if semi { b';' } else { b',' };
            let want = csv_records(&data, d);
            prop_assert_eq!(records(&data, d, chunk), want.clone());
            prop_assert_eq!(records(&data, d, 1 << 20), want);
        }

        #[test]
        fn odd_delimiters(data in bytes(), chunk in 1usize..40, d in prop::sample::select(b"\"\n\r".to_vec())) {
            prop_assert_eq!(records(&data, d, chunk), csv_records(&data, d));
        }
    }
}
