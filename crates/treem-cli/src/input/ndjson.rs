//! NDJSON: one JSON record per line. Lines are split here and parsed on the workers.

use std::io::BufRead;

use super::{read_line_capped, Body, RawRecord, RecordReader};
use crate::failure::Failure;

/// Reads NDJSON line by line; blank lines are skipped but still counted in line numbers.
pub(crate) struct NdjsonReader<R> {
    stream: R,
    line: u64,
    buf: Vec<u8>,
    cap: usize,
}

impl<R: BufRead + Send> NdjsonReader<R> {
    /// A reader over `stream` (byte-order mark already skipped).
    pub(crate) fn new(stream: R) -> NdjsonReader<R> {
        NdjsonReader {
            stream,
            line: 0,
            buf: Vec::with_capacity(256),
            cap: usize::MAX,
        }
    }

    /// The same reader holding at most `cap` bytes of a line: a longer line is answered as
    /// [`Body::TooLarge`] and its bytes are dropped as they are read.
    pub(crate) fn capped(mut self, cap: usize) -> NdjsonReader<R> {
        self.cap = cap;
        self
    }
}

impl<R: BufRead + Send> RecordReader for NdjsonReader<R> {
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure> {
        let mut chunk = Vec::with_capacity(max);
        while chunk.len() < max {
            let read = read_line_capped(&mut self.stream, &mut self.buf, self.cap)
                .map_err(|e| Failure::io(format!("line {}", self.line + 1), e))?;
            let Some(read) = read else {
                break;
            };
            self.line += 1;
            if read.cut {
                chunk.push(RawRecord {
                    row: self.line,
                    body: Body::TooLarge(read.len),
                });
                continue;
            }
            let mut line = self.buf.as_slice();
            while let [rest @ .., b'\n' | b'\r'] = line {
                line = rest;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // A copy of exactly the line's size; the buffer stays for the next line (taking
            // it instead left an empty buffer that grew again, in steps, for every line).
            let body = Body::Json(line.to_vec());
            chunk.push(RawRecord {
                row: self.line,
                body,
            });
        }
        Ok(chunk)
    }
}

/// A single JSON document read whole (a pretty-printed record): one record at row 1.
pub(crate) struct OneDocument {
    text: Option<String>,
}

impl OneDocument {
    /// The document's text.
    pub(crate) fn new(text: String) -> OneDocument {
        OneDocument { text: Some(text) }
    }
}

impl RecordReader for OneDocument {
    fn next_chunk(&mut self, _max: usize) -> Result<Vec<RawRecord>, Failure> {
        Ok(self
            .text
            .take()
            .map(|text| RawRecord {
                row: 1,
                body: Body::Json(text.into_bytes()),
            })
            .into_iter()
            .collect())
    }
}
