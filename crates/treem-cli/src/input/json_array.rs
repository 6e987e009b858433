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
    cap: usize,
}

/// Where the scan of one element stands.
#[derive(Default)]
struct Scan {
    depth: u32,
    in_string: bool,
    escaped: bool,
    bytes: Vec<u8>,
    /// Bytes of the element read, kept or not.
    len: usize,
    /// Blanks at the end of what was read.
    trailing: usize,
}

impl Scan {
    /// Measured without the blanks before the `,` or `]`, as the core measures an element
    /// (`treem::__private::Batch`).
    fn finish(self) -> (Vec<u8>, usize, bool) {
        let cut = self.len > self.bytes.len();
        (self.bytes, self.len - self.trailing, cut)
    }
}

impl<R: BufRead + Send> ArrayReader<R> {
    /// A reader over `stream` (byte-order mark already skipped).
    pub(crate) fn new(stream: R) -> ArrayReader<R> {
        ArrayReader {
            stream,
            line: 1,
            started: false,
            done: false,
            cap: usize::MAX,
        }
    }

    /// The same reader holding at most `cap` bytes of an element: a longer element is
    /// answered as [`Body::TooLarge`] and its bytes are dropped as they are read.
    pub(crate) fn capped(mut self, cap: usize) -> ArrayReader<R> {
        self.cap = cap;
        self
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
    /// Reads one element; answers its kept bytes, its length without the blanks after it,
    /// and whether it was cut (longer than the cap).
    fn element(&mut self) -> std::io::Result<(Vec<u8>, usize, bool)> {
        let mut scan = Scan::default();
        let keep = self.cap.saturating_add(1);
        loop {
            let buf = self.stream.fill_buf()?;
            if buf.is_empty() {
                return Ok(scan.finish());
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
                scan.trailing = if b.is_ascii_whitespace() {
                    scan.trailing + 1
                } else {
                    0
                };
                used += 1;
            }
            let room = keep.saturating_sub(scan.bytes.len()).min(used);
            scan.bytes
                .extend_from_slice(buf.get(..room).unwrap_or_default());
            scan.len += used;
            self.stream.consume(used);
            if finished {
                return Ok(scan.finish());
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
                    let (mut bytes, len, cut) = self.element().map_err(io(row))?;
                    let body = if cut {
                        Body::TooLarge(len)
                    } else {
                        while bytes.last().is_some_and(u8::is_ascii_whitespace) {
                            bytes.pop();
                        }
                        Body::Json(bytes)
                    };
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
