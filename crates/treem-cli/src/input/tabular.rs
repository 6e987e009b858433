//! Tables (CSV files and worksheets): a header row, then one record per row.
//!
//! Each mapped cell becomes a string member of the record (empty cells are absent), so the
//! rules see exactly what the officer typed. Unmapped columns are not validated but are kept
//! in cleaned output. Row numbers are the file's line (CSV) or the sheet's row, header = 1, as
//! Excel shows them. The CSV delimiter (`,`, `;` or tab) is taken from the header line.

use std::io::BufRead;

use super::mapping::{Columns, Mapping};
use super::{BadRow, Body, Kept, Problem, RawRecord, RecordReader};
use crate::failure::Failure;

/// Builds the record of a row from its cells: each mapped, non-blank cell as a string; when
/// two columns feed one field, the first non-blank wins.
pub(crate) fn record_from_cells(columns: &Columns, cells: &[String]) -> serde_json::Value {
    let mut record = serde_json::Map::new();
    for (field, cell) in columns.fields.iter().zip(cells) {
        if let Some(field) = field {
            if !cell.trim().is_empty() && !record.contains_key(field) {
                record.insert(field.clone(), serde_json::Value::String(cell.clone()));
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

/// Reads CSV records with the `csv` crate (quoted fields, embedded newlines).
pub(crate) struct CsvReader<R> {
    reader: csv::Reader<R>,
    columns: Columns,
    record: csv::ByteRecord,
}

impl<R: BufRead + Send> CsvReader<R> {
    /// Reads the header row and matches it against `mapping`.
    pub(crate) fn open(
        mut stream: R,
        mapping: &Mapping,
    ) -> Result<(Columns, CsvReader<R>), Failure> {
        let delimiter = sniff_delimiter(&mut stream);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(stream);
        let mut header = csv::ByteRecord::new();
        let found = reader
            .read_byte_record(&mut header)
            .map_err(|e| Failure::Usage(format!("cannot read the CSV header: {e}")))?;
        if !found {
            return Err(Failure::Usage(
                "the CSV input is empty (no header row)".into(),
            ));
        }
        let headers = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_owned())
            .collect();
        let columns = mapping.columns(headers);
        Ok((
            columns.clone(),
            CsvReader {
                reader,
                columns,
                record: csv::ByteRecord::new(),
            },
        ))
    }
}

impl<R: BufRead + Send> RecordReader for CsvReader<R> {
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure> {
        let mut chunk = Vec::with_capacity(max);
        while chunk.len() < max {
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
            let row = self.record.position().map_or(0, csv::Position::line);
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
