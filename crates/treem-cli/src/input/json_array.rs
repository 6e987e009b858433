//! A JSON array streamed element by element.
//!
//! The reader only finds where each element starts and ends (tracking strings, escapes and
//! nesting), so memory holds one chunk of elements, not the array; the elements are parsed
//! on the workers like NDJSON lines. An element that is not JSON is reported at the line it
//! starts on and the scan goes on with the next one.

use std::io::BufRead;

use super::{Body, RawRecord, RecordReader};
use crate::failure::Failure;

/// Scans a JSON array whose first non-blank byte is `[`.
pub(crate) struct ArrayReader<R> {
    stream: R,
    /// The current line (1-based).
    line: u64,
    started: bool,
    done: bool,
}

/// Where the scan of one element stands.
#[derive(Default)]
struct Scan {
    depth: u32,
    in_string: bool,
    escaped: bool,
    bytes: Vec<u8>,
}

impl<R: BufRead + Send> ArrayReader<R> {
    /// A reader over `stream` (byte-order mark already skipped).
    pub(crate) fn new(stream: R) -> ArrayReader<R> {
        ArrayReader {
            stream,
            line: 1,
            started: false,
            done: false,
        }
    }

    /// Skips blanks, counting lines; returns the next byte without consuming it.
    fn peek_past_blanks(&mut self) -> std::io::Result<Option<u8>> {
        loop {
            let buf = self.stream.fill_buf()?;
            let Some(&b) = buf.first() else {
                return Ok(None);
            };
            if !b.is_ascii_whitespace() {
                return Ok(Some(b));
            }
            if b == b'\n' {
                self.line += 1;
            }
            self.stream.consume(1);
        }
    }

    /// Reads one element up to (not including) the `,` or `]` that ends it at depth 0.
    fn element(&mut self) -> std::io::Result<Vec<u8>> {
        let mut scan = Scan::default();
        loop {
            let buf = self.stream.fill_buf()?;
            if buf.is_empty() {
                return Ok(scan.bytes);
            }
            let mut used = 0;
            let mut finished = false;
            for &b in buf {
                if scan.in_string {
                    if scan.escaped {
                        scan.escaped = false;
                    } else if b == b'\\' {
                        scan.escaped = true;
                    } else if b == b'"' {
                        scan.in_string = false;
                    }
                } else {
                    match b {
                        b'"' => scan.in_string = true,
                        b'{' | b'[' => scan.depth += 1,
                        b'}' | b']' if scan.depth > 0 => scan.depth -= 1,
                        b',' | b']' if scan.depth == 0 => {
                            finished = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if b == b'\n' {
                    self.line += 1;
                }
                used += 1;
            }
            scan.bytes
                .extend_from_slice(buf.get(..used).unwrap_or_default());
            self.stream.consume(used);
            if finished {
                return Ok(scan.bytes);
            }
        }
    }
}

impl<R: BufRead + Send> RecordReader for ArrayReader<R> {
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure> {
        let io = |line: u64| move |e| Failure::io(format!("line {line}"), e);
        let mut chunk = Vec::with_capacity(max);
        if !self.started {
            self.started = true;
            if self.peek_past_blanks().map_err(io(self.line))? == Some(b'[') {
                self.stream.consume(1);
            }
        }
        while chunk.len() < max && !self.done {
            match self.peek_past_blanks().map_err(io(self.line))? {
                None | Some(b']') => self.done = true,
                Some(b',') => self.stream.consume(1),
                Some(_) => {
                    let row = self.line;
                    let mut bytes = self.element().map_err(io(row))?;
                    while bytes.last().is_some_and(u8::is_ascii_whitespace) {
                        bytes.pop();
                    }
                    let body = Body::Json(bytes);
                    chunk.push(RawRecord { row, body });
                }
            }
        }
        Ok(chunk)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(u64, String)> {
        let mut reader = ArrayReader::new(std::io::BufReader::with_capacity(4, input.as_bytes()));
        let mut out = Vec::new();
        loop {
            let chunk = reader.next_chunk(2).unwrap();
            if chunk.is_empty() {
                return out;
            }
            for r in chunk {
                match r.body {
                    Body::Json(t) => out.push((r.row, String::from_utf8(t).unwrap())),
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[test]
    fn splits_elements_with_nesting_strings_and_lines() {
        let got = texts("[\n {\"a\": \"x,]\\\"\"},\n [1, [2]],\n 3\n]");
        assert_eq!(
            got,
            vec![
                (2, "{\"a\": \"x,]\\\"\"}".to_owned()),
                (3, "[1, [2]]".to_owned()),
                (4, "3".to_owned())
            ]
        );
        assert!(texts("[]").is_empty());
        assert_eq!(texts("[{\"a\":1} , oops, {}]").len(), 3);
    }
}
