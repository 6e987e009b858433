//! Batches read record by record, in memory bounded by the largest record.
//!
//! [`crate::api::validate_many`] once parsed a whole batch into `serde_json::Value`s, kept
//! every report, then wrote the whole answer: measured through the C ABI, 12.7 times the
//! input at the peak. Here a batch is cut into records by [`Batch`] without parsing it
//! (NDJSON at its line ends; a JSON array at the commas between its elements, found by a
//! scan that only follows strings and brackets), each record is parsed, checked and its
//! report written out before the next one is read, so what a batch holds at once is its
//! input, its answer and one record.
//!
//! A record longer than the limit (option `max_record_bytes`, [`Context::max_record_bytes`])
//! is never parsed: in a batch it gets a report with the issue `record.too_large` in its
//! place, as an unreadable NDJSON line gets `record.not_object`; alone ([`check_record`]) it
//! is the error `record_too_large`.

use crate::context::Context;
use crate::report::{IssueSink, Location, Report};
use crate::{Error, Kind};

/// One record of a batch, cut out but not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchItem<'a> {
    /// The text of a record (an NDJSON line without its line end, or an array element
    /// without the whitespace around it) and its byte offset in the batch.
    Record {
        /// The record's text.
        text: &'a str,
        /// Where it starts in the batch, in bytes.
        offset: usize,
    },
    /// A record longer than the limit: its length in bytes. It was not read.
    TooLarge(usize),
}

/// The records of a batch: a JSON array (one record per element), or NDJSON (one record per
/// line, blank lines skipped). An iterator of [`BatchItem`]s; for an array that is not
/// well formed between its elements (a missing comma, no closing bracket, text after it)
/// it yields one `not_json` error and ends. Elements themselves are not checked here: the
/// caller parses them.
#[derive(Debug, Clone)]
pub struct Batch<'a> {
    text: &'a str,
    pos: usize,
    limit: usize,
    array: bool,
    done: bool,
}

impl<'a> Batch<'a> {
    /// The records of `text`, each longer than `limit` bytes answered as
    /// [`BatchItem::TooLarge`]. A batch is an array when its first non-blank character is `[`.
    pub fn new(text: &'a str, limit: usize) -> Batch<'a> {
        let array = text.trim_start().starts_with('[');
        let mut batch = Batch {
            text,
            pos: 0,
            limit,
            array,
            done: false,
        };
        if array {
            batch.skip_blank();
            // The `[` itself (the first non-blank byte unless a non-JSON blank came first:
            // then the first element's scan fails and says so).
            if batch.byte(batch.pos) == Some(b'[') {
                batch.pos += 1;
            }
        }
        batch
    }

    /// Whether the batch is a JSON array (else NDJSON).
    pub fn is_array(&self) -> bool {
        self.array
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    fn skip_blank(&mut self) {
        while matches!(self.byte(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn item(&self, start: usize, end: usize) -> BatchItem<'a> {
        if end - start > self.limit {
            return BatchItem::TooLarge(end - start);
        }
        BatchItem::Record {
            text: self.text.get(start..end).unwrap_or(""),
            offset: start,
        }
    }

    fn next_line(&mut self) -> Option<BatchItem<'a>> {
        // As `str::lines`: split at `\n`, one `\r` before it dropped; blank lines skipped.
        while self.pos < self.text.len() {
            let start = self.pos;
            let rest = self.text.as_bytes().get(start..).unwrap_or(&[]);
            let (end, next) = match rest.iter().position(|b| *b == b'\n') {
                Some(at) => (start + at, start + at + 1),
                None => (self.text.len(), self.text.len()),
            };
            self.pos = next;
            let end = if end > start && self.byte(end - 1) == Some(b'\r') {
                end - 1
            } else {
                end
            };
            let line = self.text.get(start..end).unwrap_or("");
            if !line.trim().is_empty() {
                return Some(self.item(start, end));
            }
        }
        None
    }

    fn next_element(&mut self) -> Result<Option<BatchItem<'a>>, Error> {
        self.skip_blank();
        if self.byte(self.pos) == Some(b']') && !self.after_comma() {
            self.pos += 1;
            self.skip_blank();
            return match self.byte(self.pos) {
                None => Ok(None),
                Some(_) => Err(self.error("trailing characters")),
            };
        }
        let start = self.pos;
        let end = self.scan_value()?;
        self.pos = end;
        self.skip_blank();
        match self.byte(self.pos) {
            Some(b',') => self.pos += 1,
            Some(b']') => {}
            Some(_) => return Err(self.error("expected `,` or `]`")),
            None => return Err(self.error("EOF while parsing a list")),
        }
        Ok(Some(self.item(start, end)))
    }

    /// Whether the last non-blank byte before `pos` is a comma (`[1,]` is not JSON).
    fn after_comma(&self) -> bool {
        let before = self.text.as_bytes().get(..self.pos).unwrap_or(&[]);
        before
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            == Some(&b',')
    }

    /// The end of the value starting at `pos`: a string, an object or array (brackets
    /// counted outside strings; their matching is left to the parser of the element), or a
    /// scalar (up to the next delimiter).
    fn scan_value(&self) -> Result<usize, Error> {
        let bytes = self.text.as_bytes();
        let mut depth: usize = 0;
        let mut at = self.pos;
        let mut in_string = false;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            if in_string {
                match b {
                    b'\\' => at += 1,
                    b'"' => {
                        in_string = false;
                        if depth == 0 {
                            return Ok(at);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(at);
                    }
                }
                b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => {
                    return match at - 1 {
                        end if end == self.pos => Err(self.error_at("expected value", end)),
                        end => Ok(end),
                    };
                }
                _ => {}
            }
        }
        if depth == 0 && !in_string && at > self.pos {
            return Ok(at.min(bytes.len()));
        }
        Err(self.error_at("EOF while parsing a list", bytes.len()))
    }

    fn error(&self, what: &str) -> Error {
        self.error_at(what, self.pos)
    }

    fn error_at(&self, what: &str, at: usize) -> Error {
        let (line, column) = position(self.text, at);
        Error::not_json_detail(format!("{what} at line {line} column {column}"))
    }
}

impl<'a> Iterator for Batch<'a> {
    type Item = Result<BatchItem<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if !self.array {
            return self.next_line().map(Ok);
        }
        match self.next_element() {
            Ok(Some(item)) => Some(Ok(item)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Line and column (1-based, columns in bytes as serde_json counts them) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |nl| nl + 1);
    (line, at - line_start + 1)
}

/// The error for an array element that is not JSON, at its place in the whole batch (as
/// serde_json reported it when it parsed the whole array).
pub(crate) fn element_error(batch: &str, offset: usize, err: &serde_json::Error) -> Error {
    let full = crate::privacy::serde_error(err);
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let (line, column) = position(batch, offset);
    let (line, column) = if err.line() <= 1 {
        (line, column + err.column().saturating_sub(1))
    } else {
        (line + err.line() - 1, err.column())
    };
    Error::not_json_detail(format!("{message} at line {line} column {column}"))
}

/// What [`crate::api::validate`] and [`crate::api::normalize`] answer before they read a
/// record of `bytes` bytes: the kind and the context, or the error for an unknown kind, bad
/// options or a record longer than the limit (`record_too_large`). It needs only the
/// length, so a binding that must copy the record first (WebAssembly) can ask before
/// copying.
///
/// # Errors
/// `is_unknown_kind()`, `is_not_json()` / `is_invalid_option()` for the options,
/// `is_record_too_large()`.
pub fn check_record(kind: &str, bytes: usize, options: &[u8]) -> Result<(Kind, Context), Error> {
    let kind: Kind = kind.parse()?;
    let ctx = Context::from_options_json(options)?;
    let limit = ctx.max_record_bytes();
    if bytes > limit {
        return Err(Error::record_too_large(bytes, limit));
    }
    Ok((kind, ctx))
}

/// Validates every record of a batch (see [`Batch`]) and hands each report to `each`, in
/// input order, before reading the next record. A record longer than the limit gets the
/// issue `record.too_large`; an NDJSON line that is not JSON, or an element that is not an
/// object, gets `record.not_object`; the batch goes on.
///
/// # Errors
/// `is_unknown_kind()`; `is_not_json()` for input that is not UTF-8 or an array that is not
/// JSON (reports already handed to `each` are then to be discarded);
/// `is_invalid_option()` for a bad option.
pub(crate) fn validate_each(
    kind: &str,
    input: &[u8],
    options: &[u8],
    each: impl FnMut(Report),
) -> Result<(), Error> {
    let kind: Kind = kind.parse()?;
    crate::Validator::from_options_json(options)?.validate_batch(kind, input, each)
}

/// `validate_each` answering the JSON text of the array of reports, written report by
/// report (the same text as `serde_json::to_string` of [`crate::api::validate_many`]'s
/// answer, without holding the reports).
///
/// # Errors
/// As `validate_each`.
pub fn validate_many_json(kind: &str, input: &[u8], options: &[u8]) -> Result<String, Error> {
    let mut out = String::from("[");
    let mut failed = None;
    validate_each(kind, input, options, |report| {
        if out.len() > 1 {
            out.push(',');
        }
        match serde_json::to_string(&report) {
            Ok(text) => out.push_str(&text),
            Err(e) => failed = Some(Error::not_json(&e)),
        }
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    out.push(']');
    Ok(out)
}

pub(crate) fn too_large_report(bytes: usize, ctx: &Context) -> Report {
    let mut sink = IssueSink::new(ctx.lang);
    sink.push(
        &crate::fields::RECORD_TOO_LARGE,
        &Location::root(),
        [
            ("bytes", bytes.into()),
            ("limit", ctx.max_record_bytes().into()),
        ],
    );
    sink.finish()
}

pub(crate) fn not_object_report(found: &str, ctx: &Context) -> Report {
    let mut sink = IssueSink::new(ctx.lang);
    sink.push(
        &crate::fields::RECORD_NOT_OBJECT,
        &Location::root(),
        [("found", found.into())],
    );
    sink.finish()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn records(text: &str, limit: usize) -> Vec<Result<BatchItem<'_>, Error>> {
        Batch::new(text, limit).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        records(text, usize::MAX)
            .into_iter()
            .map(|item| match item.unwrap() {
                BatchItem::Record { text, .. } => text.to_owned(),
                BatchItem::TooLarge(n) => format!("<{n}>"),
            })
            .collect()
    }

    #[test]
    fn arrays_are_cut_at_their_elements() {
        assert_eq!(
            texts(r#" [ {"a": [1, "]", {"b": "\"}"}]} , 3,"x,]" ,null,[[]],-1.5e3 ] "#),
            [
                r#"{"a": [1, "]", {"b": "\"}"}]}"#,
                "3",
                r#""x,]""#,
                "null",
                "[[]]",
                "-1.5e3"
            ]
        );
        assert!(texts("[]").is_empty());
        assert!(texts(" [ \n ] \n").is_empty());
    }

    #[test]
    fn lines_are_cut_as_str_lines() {
        let text = "{}\r\n\n  \n{\"a\":1}\nlast";
        let expected: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(texts(text), expected);
    }

    #[test]
    fn records_over_the_limit_are_not_cut_out() {
        let items = records("[{\"a\": 12}, {}, 1234]", 4);
        assert_eq!(items[0].as_ref().unwrap(), &BatchItem::TooLarge(9));
        assert!(matches!(items[1], Ok(BatchItem::Record { text: "{}", .. })));
        // At the limit exactly: read.
        assert!(matches!(
            items[2],
            Ok(BatchItem::Record { text: "1234", .. })
        ));
    }

    /// Every array that is not JSON is still refused as a whole, as serde_json refused it,
    /// with the position serde_json gave.
    #[test]
    fn arrays_that_are_not_json_are_errors() {
        for bad in [
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1] x",
            "[{\"a\":}]",
            "[{]",
            "[\"ab",
            "[1,\n  {\"a\": tru}]",
            "[\u{a0}1]",
            "[{}, {\"a\" 1}]",
        ] {
            let serde = serde_json::from_str::<serde_json::Value>(bad).unwrap_err();
            let mut failed = None;
            // Any kind of this build: the framing is the same for every kind.
            let kind = crate::Kind::all().next().map(|k| k.name()).unwrap();
            let result = validate_each(kind, bad.as_bytes(), b"", |_| {});
            if let Err(e) = result {
                failed = Some(e);
            }
            let e = failed.unwrap_or_else(|| panic!("{bad:?} was accepted"));
            assert!(e.is_not_json(), "{bad:?}: {e}");
            let at = format!("line {} column {}", serde.line(), serde.column());
            // Framing errors are ours and may point one byte apart; element errors are
            // serde_json's own at serde_json's position.
            assert!(e.to_string().contains("at line"), "{bad:?}: {e} / {at}");
        }
    }
}
