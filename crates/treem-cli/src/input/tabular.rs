//! Tables (CSV files and worksheets): a header row, then one record per row.
//!
//! Each mapped cell becomes a string member of the record (empty cells are absent), so the
//! rules see exactly what the officer typed. Unmapped columns are not validated but are kept
//! in cleaned output. Row numbers are the rows Excel shows (`rows.rs`): the header is the row
//! it is on, blank lines count, a quoted cell with line breaks stays one row. The CSV
//! delimiter (`,`, `;` or tab) is taken from the first line.

use std::io::BufRead;

use super::mapping::{Columns, Mapping};
use super::paths;
use super::rows::{LineEnding, RowNumbers};
use super::{BadRow, Body, Kept, Problem, RawRecord, RecordReader};
use crate::failure::Failure;

/// Builds the record of a row from its cells: each mapped, non-blank cell at its field's
/// path, as its shape says ([`super::paths`]); when two columns feed one field, the first
/// non-blank wins. Paths that choose a list element by its members
/// (`guardians[relationship=father].full_name`) are placed after the numbered ones, so a
/// numbered element is the same whatever the column order.
pub(crate) fn record_from_cells(columns: &Columns, cells: &[String]) -> serde_json::Value {
    let mut record = serde_json::Map::new();
    for chosen in [false, true] {
        let mapped = columns.fields.iter().zip(&columns.shapes).zip(cells);
        for ((field, shape), cell) in mapped {
            if let (Some(field), Some(shape)) = (field, shape) {
                if paths::chooses(field) == chosen && !cell.trim().is_empty() {
                    paths::insert(&mut record, field, paths::cell_value(cell, *shape));
                }
            }
        }
    }
    serde_json::Value::Object(record)
}

/// Makes the record of a row of decoded cells, or a bad row when the count is wrong.
pub(crate) fn row_record(columns: &Columns, row: u64, cells: Vec<String>) -> RawRecord {
    if cells.len() != columns.headers.len() {
        return RawRecord {
            row,
            body: Body::Bad(BadRow {
                problem: Problem::ColumnCount {
                    found: cells.len(),
                    expected: columns.headers.len(),
                },
                kept: Kept::Cells(cells),
            }),
        };
    }
    let record = record_from_cells(columns, &cells);
    RawRecord {
        row,
        body: Body::Row { cells, record },
    }
}

/// How many rows above the header a CSV file may have (a title, the unit's name, a date,
/// blank lines: what officers put above a table before exporting it).
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// What the rows above a table and its line endings are, for cleaned output.
#[derive(Debug, Clone)]
pub(crate) struct CsvShape {
    /// The rows above the header row, as written (kept in cleaned output).
    pub(crate) preamble: Vec<Vec<String>>,
    /// How the input's rows end (`None`: a single line).
    pub(crate) line_ending: Option<LineEnding>,
    /// The field delimiter.
    pub(crate) delimiter: u8,
}

/// Reads CSV records with the `csv` crate (quoted fields, embedded newlines), numbered as a
/// spreadsheet numbers its rows ([`RowNumbers`]).
pub(crate) struct CsvReader<R> {
    reader: csv::Reader<RowNumbers<R>>,
    columns: Columns,
    record: csv::ByteRecord,
    /// Rows read while looking for the header that turned out to be data.
    pending: std::collections::VecDeque<(u64, csv::ByteRecord)>,
}

impl<R: BufRead + Send> CsvReader<R> {
    /// Reads the header row and matches it against `mapping`.
    ///
    /// The header is the first row unless that row names no known column: then it is the
    /// first of the next rows that names at least two (a title above the table), and the rows
    /// above it are kept as they are. A file with no such row keeps its first row as header.
    pub(crate) fn open(
        mut stream: R,
        mapping: &Mapping,
    ) -> Result<(Columns, CsvShape, CsvReader<R>), Failure> {
        let delimiter = sniff_delimiter(&mut stream);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(RowNumbers::new(stream, delimiter));
        let known = |record: &csv::ByteRecord| {
            let columns = mapping.columns(texts(record));
            columns.fields.iter().flatten().count()
        };
        let mut read = Vec::new();
        while read.len() < HEADER_SEARCH_ROWS {
            let mut record = csv::ByteRecord::new();
            let found = reader
                .read_byte_record(&mut record)
                .map_err(|e| Failure::Usage(format!("cannot read the CSV header: {e}")))?;
            if !found {
                break;
            }
            let row = reader.get_mut().take().unwrap_or(0);
            let is_header = known(&record) >= if read.is_empty() { 1 } else { 2 };
            read.push((row, record));
            if is_header {
                break;
            }
        }
        let header_at = match read.first() {
            Some((_, first)) if known(first) > 0 => 0,
            _ => read.iter().position(|(_, r)| known(r) >= 2).unwrap_or(0),
        };
        let mut rows = read.into_iter();
        let preamble = rows
            .by_ref()
            .take(header_at)
            .map(|(_, r)| texts(&r))
            .collect();
        // An empty file has no header: no columns, and no records (`input::no_records`).
        let header = rows.next().map(|(_, h)| texts(&h)).unwrap_or_default();
        let columns = mapping.columns(header.into_iter().map(|h| h.trim().to_owned()).collect());
        let shape = CsvShape {
            preamble,
            line_ending: reader.get_ref().line_ending(),
            delimiter,
        };
        Ok((
            columns.clone(),
            shape,
            CsvReader {
                reader,
                columns,
                record: csv::ByteRecord::new(),
                pending: rows.collect(),
            },
        ))
    }
}

/// The cells of a record as text (bytes that are not UTF-8 replaced).
fn texts(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

impl<R: BufRead + Send> RecordReader for CsvReader<R> {
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure> {
        let mut chunk = Vec::with_capacity(max);
        while chunk.len() < max {
            let row = if let Some((row, record)) = self.pending.pop_front() {
                self.record = record;
                row
            } else {
                match self.reader.read_byte_record(&mut self.record) {
                    Ok(false) => break,
                    Ok(true) => {}
                    Err(e) => match e.kind() {
                        csv::ErrorKind::Io(_) => {
                            return Err(Failure::Usage(format!("cannot read the CSV input: {e}")))
                        }
                        // The csv crate reports invalid UTF-8 only for string records; other
                        // errors cannot happen with `flexible`, but are reported, not fatal.
                        _ => continue,
                    },
                }
                // Every record the csv crate yields has its number queued (RowNumbers); the
                // crate's own line count is the fallback only.
                let fallback = self.record.position().map_or(0, csv::Position::line);
                self.reader.get_mut().take().unwrap_or(fallback)
            };
            if self
                .record
                .iter()
                .all(|c| c.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            chunk.push(self.decode(row));
        }
        Ok(chunk)
    }
}

impl<R> CsvReader<R> {
    /// Decodes the current record's cells; an undecodable cell makes a bad row.
    fn decode(&self, row: u64) -> RawRecord {
        let mut cells = Vec::with_capacity(self.record.len());
        let mut bad_column = None;
        for (i, cell) in self.record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push(text.to_owned()),
                Err(_) => {
                    bad_column.get_or_insert(i);
                    cells.push(String::from_utf8_lossy(cell).into_owned());
                }
            }
        }
        if let Some(i) = bad_column {
            let column = self
                .columns
                .headers
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("#{}", i + 1));
            return RawRecord {
                row,
                body: Body::Bad(BadRow {
                    problem: Problem::Cell {
                        column,
                        reason: ("không phải văn bản UTF-8", "not UTF-8 text"),
                    },
                    kept: Kept::Cells(cells),
                }),
            };
        }
        row_record(&self.columns, row, cells)
    }
}

/// The delimiter of the header line: the most frequent of `,`, `;` and tab (`,` on a tie).
fn sniff_delimiter(stream: &mut impl BufRead) -> u8 {
    let Ok(buf) = stream.fill_buf() else {
        return b',';
    };
    let line = buf.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    let (comma, semicolon, tab) = (count(b','), count(b';'), count(b'\t'));
    if tab > comma && tab >= semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}
