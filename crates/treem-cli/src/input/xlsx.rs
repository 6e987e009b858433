//! Excel workbooks (`.xlsx`), read with calamine.
//!
//! An `.xlsx` file is a zip archive whose sheet XML calamine reads at once, so this reader
//! holds the worksheet's cells in memory (unlike the other readers, which stream); the
//! records are still built and checked chunk by chunk. Cells become text: numbers without a
//! spurious `.0`, date cells as ISO dates, so a date typed as a date and one typed as text
//! reach the same rules.

use calamine::{Data, Reader};

use super::mapping::{Columns, Mapping};
use super::tabular::row_record;
use super::{BadRow, Body, Kept, Problem, RawRecord, RecordReader};
use crate::failure::Failure;

/// The rows of one worksheet.
pub(crate) struct XlsxReader {
    range: calamine::Range<Data>,
    columns: Columns,
    /// The index (in the range) of the next row to hand out.
    next: usize,
    /// The sheet row number of the range's first row, minus one.
    first_row: u64,
}

impl XlsxReader {
    /// Opens the workbook in `bytes`, takes `sheet` (default the first) and its header row
    /// (the first row of the used range, or the first below a title that names columns).
    pub(crate) fn open(
        bytes: Vec<u8>,
        mapping: &Mapping,
        sheet: Option<&str>,
    ) -> Result<(Columns, XlsxReader), Failure> {
        let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes))
            .map_err(|e| Failure::Usage(format!("not a readable .xlsx workbook: {e}")))?;
        let names = book.sheet_names();
        let name = match sheet {
            Some(wanted) => names
                .iter()
                .find(|n| n.as_str() == wanted)
                .cloned()
                .ok_or_else(|| {
                    Failure::Usage(format!(
                        "no worksheet named {wanted:?}; the workbook has {names:?}"
                    ))
                })?,
            None => names
                .first()
                .cloned()
                .ok_or_else(|| Failure::Usage("the workbook has no worksheet".into()))?,
        };
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Failure::Usage(format!("cannot read worksheet {name:?}: {e}")))?;
        let first_row = u64::from(range.start().map_or(0, |(row, _)| row));
        let row_texts = |cells: &[Data]| -> Vec<String> {
            cells
                .iter()
                .map(|c| cell_text(c).unwrap_or_default().trim().to_owned())
                .collect()
        };
        // The header is the first row of the used range, unless that row names no known
        // column and a row below it names two (a title above the table), as in CSV files.
        let known = |cells: &[Data]| {
            let columns = mapping.columns(row_texts(cells));
            columns.fields.iter().flatten().count()
        };
        let header_at = match range.rows().next() {
            Some(first) if known(first) > 0 => 0,
            _ => range
                .rows()
                .take(super::tabular::HEADER_SEARCH_ROWS)
                .position(|cells| known(cells) >= 2)
                .unwrap_or(0),
        };
        let headers = range
            .rows()
            .nth(header_at)
            .map(row_texts)
            .unwrap_or_default();
        let columns = mapping.columns(headers);
        Ok((
            columns.clone(),
            XlsxReader {
                range,
                columns,
                next: header_at + 1,
                first_row,
            },
        ))
    }
}

impl RecordReader for XlsxReader {
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure> {
        let mut chunk = Vec::with_capacity(max);
        let mut rows = self.range.rows().skip(self.next);
        while chunk.len() < max {
            let Some(cells) = rows.next() else { break };
            let index = self.next;
            self.next += 1;
            if cells.iter().all(|c| matches!(c, Data::Empty)) {
                continue;
            }
            let row = self.first_row + index as u64 + 1;
            let mut texts = Vec::with_capacity(cells.len());
            let mut bad = None;
            for (i, cell) in cells.iter().enumerate() {
                match cell_text(cell) {
                    Ok(text) => texts.push(text),
                    Err(reason) => {
                        bad.get_or_insert((i, reason));
                        texts.push(String::new());
                    }
                }
            }
            chunk.push(match bad {
                Some((i, reason)) => RawRecord {
                    row,
                    body: Body::Bad(BadRow {
                        problem: Problem::Cell {
                            column: self
                                .columns
                                .headers
                                .get(i)
                                .cloned()
                                .unwrap_or_else(|| format!("#{}", i + 1)),
                            reason,
                        },
                        kept: Kept::Cells(texts),
                    }),
                },
                None => row_record(&self.columns, row, texts),
            });
        }
        Ok(chunk)
    }
}

/// A cell as text, or why it cannot be read (Vietnamese, English).
fn cell_text(cell: &Data) -> Result<String, (&'static str, &'static str)> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => {
                at.date().format("%Y-%m-%d").to_string()
            }
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => {
                return Err((
                    "ngày giờ của Excel ngoài phạm vi",
                    "an Excel date out of range",
                ))
            }
        },
        Data::Error(_) => {
            return Err((
                "ô chứa giá trị lỗi của Excel (#N/A, #VALUE!, ...)",
                "the cell holds an Excel error value (#N/A, #VALUE!, ...)",
            ))
        }
    })
}
