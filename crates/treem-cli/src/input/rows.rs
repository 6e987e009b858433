//! Row numbers of a CSV text as a spreadsheet shows them.
//!
//! An officer who reads "row 12" opens the file in Excel and goes to row 12, so a row is what
//! Excel counts: every line ending outside quotes (`\r\n`, `\n` or a lone `\r`) ends a row,
//! blank lines are rows too, and a quoted cell with line breaks inside stays in one row. The
//! `csv` crate's own line number counts `\n` bytes from the start of the read that found the
//! record, which is one short on `\r\n` files, 1 for every row of a `\r`-only file, and
//! counts the lines inside quoted cells.
//!
//! [`RowNumbers`] watches the bytes as the `csv` reader pulls them and queues the number of
//! every row that has at least one byte: exactly the rows the `csv` crate yields as records
//! (it skips only empty lines), in the same order, so each record takes the next number.

use std::collections::VecDeque;
use std::io::Read;

/// Where the scanner is within a field (the `csv` crate's quoting rules: a quote opens a
/// quoted field only at the field's start, and a doubled quote inside one is a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// At the start of a field.
    Start,
    /// Inside an unquoted field (or after a quoted part).
    Unquoted,
    /// Inside quotes: delimiters and line breaks are text.
    Quoted,
    /// A quote inside quotes: closes them, or starts a doubled quote.
    QuoteInQuoted,
}

/// A reader that numbers the rows of the CSV text passing through it.
#[derive(Debug)]
pub(crate) struct RowNumbers<R> {
    inner: R,
    delimiter: u8,
    field: Field,
    /// The number of the row being scanned (1-based).
    row: u64,
    /// The row being scanned has a byte (it is not an empty line).
    row_has_bytes: bool,
    /// The last byte ended a row with `\r`: a `\n` right after it belongs to the same ending.
    after_cr: bool,
    /// The end of the input was seen.
    ended: bool,
    /// Numbers of the non-empty rows scanned and not yet taken.
    ready: VecDeque<u64>,
    /// The first line ending seen outside quotes.
    first_ending: Option<LineEnding>,
}

/// How the rows of a text file end, kept so cleaned output ends its rows the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEnding {
    /// `\r\n` (Windows, Excel's CSV export).
    CrLf,
    /// `\n`.
    Lf,
    /// `\r` alone (old Mac exports).
    Cr,
}

impl<R: Read> RowNumbers<R> {
    /// Numbers the rows of `inner`, a CSV text whose fields are separated by `delimiter`.
    pub(crate) fn new(inner: R, delimiter: u8) -> RowNumbers<R> {
        RowNumbers {
            inner,
            delimiter,
            field: Field::Start,
            row: 1,
            row_has_bytes: false,
            after_cr: false,
            ended: false,
            ready: VecDeque::new(),
            first_ending: None,
        }
    }

    /// The row number of the next record the `csv` reader yields.
    pub(crate) fn take(&mut self) -> Option<u64> {
        self.ready.pop_front()
    }

    /// The first line ending of the text read so far (`None`: one line without an ending).
    pub(crate) fn line_ending(&self) -> Option<LineEnding> {
        self.first_ending
    }

    fn end_row(&mut self, ending: u8) {
        if self.row_has_bytes {
            self.ready.push_back(self.row);
        }
        self.row += 1;
        self.row_has_bytes = false;
        self.field = Field::Start;
        self.after_cr = ending == b'\r';
        if self.first_ending.is_none() && ending == b'\n' {
            self.first_ending = Some(LineEnding::Lf);
        }
    }

    fn scan(&mut self, byte: u8) {
        if self.after_cr {
            self.after_cr = false;
            if byte == b'\n' {
                self.first_ending.get_or_insert(LineEnding::CrLf);
                return;
            }
            self.first_ending.get_or_insert(LineEnding::Cr);
        }
        self.field = match (self.field, byte) {
            (Field::Quoted, b'"') => Field::QuoteInQuoted,
            (Field::Quoted, _) => Field::Quoted,
            (_, b'\r' | b'\n') => {
                self.end_row(byte);
                return;
            }
            (Field::Start, b'"') | (Field::QuoteInQuoted, b'"') => Field::Quoted,
            (_, b) if b == self.delimiter => Field::Start,
            _ => Field::Unquoted,
        };
        self.row_has_bytes = true;
    }
}

impl<R: Read> Read for RowNumbers<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() && !self.ended {
            self.ended = true;
            if self.after_cr {
                self.first_ending.get_or_insert(LineEnding::Cr);
            }
            if self.row_has_bytes {
                self.ready.push_back(self.row);
            }
        }
        for &byte in buf.get(..n).unwrap_or_default() {
            self.scan(byte);
        }
        Ok(n)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The rows the `csv` crate yields from `text`, each with the number `RowNumbers` gives
    /// it, read through a buffer of `capacity` bytes.
    fn numbered(text: &[u8], capacity: usize) -> Vec<(u64, Vec<String>)> {
        let rows = RowNumbers::new(text, b',');
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(capacity)
            .from_reader(rows);
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let row = reader.get_mut().take().unwrap();
            out.push((row, record.iter().map(str::to_owned).collect()));
        }
        assert_eq!(reader.get_mut().take(), None, "one number per record");
        out
    }

    fn rows_of(text: &str) -> Vec<(u64, String)> {
        let mut answers = Vec::new();
        for capacity in [1, 2, 3, 5, 64, 8192] {
            let rows: Vec<(u64, String)> = numbered(text.as_bytes(), capacity)
                .into_iter()
                .map(|(row, cells)| (row, cells.join("|")))
                .collect();
            answers.push(rows);
        }
        let first = answers.first().cloned().unwrap();
        assert!(answers.iter().all(|a| *a == first), "{answers:?}");
        first
    }

    fn expected(rows: &[(u64, &str)]) -> Vec<(u64, String)> {
        rows.iter().map(|(r, c)| (*r, (*c).to_owned())).collect()
    }

    #[test]
    fn every_line_ending_numbers_rows_as_excel_does() {
        let want = expected(&[(1, "a|b"), (2, "1|2"), (3, "3|4")]);
        assert_eq!(rows_of("a,b\n1,2\n3,4\n"), want);
        assert_eq!(rows_of("a,b\r\n1,2\r\n3,4\r\n"), want);
        assert_eq!(rows_of("a,b\r1,2\r3,4\r"), want);
        assert_eq!(rows_of("a,b\r\n1,2\r\n3,4"), want, "no final line ending");
    }

    #[test]
    fn blank_lines_are_rows_and_quoted_line_breaks_are_not() {
        assert_eq!(
            rows_of("a,b\r\n\r\n1,\"two\r\nlines\"\r\n\r\n\r\n3,\"x,\"\"y\"\"\"\r\n"),
            expected(&[(1, "a|b"), (3, "1|two\r\nlines"), (6, "3|x,\"y\"")])
        );
        assert_eq!(
            rows_of("a\n\"1\n2\n3\"\n4\n"),
            expected(&[(1, "a"), (2, "1\n2\n3"), (3, "4")])
        );
        // A quote inside an unquoted field is text, not the start of a quoted part.
        assert_eq!(
            rows_of("a,b\n5\"6,x\n7,y\n"),
            expected(&[(1, "a|b"), (2, "5\"6|x"), (3, "7|y")])
        );
    }

    #[test]
    fn the_first_line_ending_is_kept() {
        for (text, ending) in [
            ("a\r\nb\n", Some(LineEnding::CrLf)),
            ("a\nb\r\n", Some(LineEnding::Lf)),
            ("a\rb\r", Some(LineEnding::Cr)),
            ("a\r", Some(LineEnding::Cr)),
            ("\"x\ny\"\r\nb", Some(LineEnding::CrLf)),
            ("a,b", None),
        ] {
            let mut rows = RowNumbers::new(text.as_bytes(), b',');
            std::io::copy(&mut rows, &mut std::io::sink()).unwrap();
            assert_eq!(rows.line_ending(), ending, "{text:?}");
        }
    }
}
