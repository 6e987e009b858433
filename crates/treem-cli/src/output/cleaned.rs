//! Cleaned records in the input's format: NDJSON stays NDJSON, a JSON array stays an array,
//! a table (CSV or workbook) becomes CSV with the same columns (UTF-8 with BOM).

use std::io::Write;

use super::issues::csv_failed;
use super::{write_failed, BOM};
use crate::check::Cleaned;
use crate::failure::Failure;
use crate::input::rows::LineEnding;
use crate::input::Layout;

/// Writes cleaned records in input order.
pub(crate) enum CleanWriter {
    /// One record per line.
    Ndjson(Box<dyn Write + Send>),
    /// A JSON array, one element per line.
    Array {
        /// The destination.
        out: Box<dyn Write + Send>,
        /// No element written yet.
        first: bool,
    },
    /// CSV rows.
    Table(Box<csv::Writer<Box<dyn Write + Send>>>),
}

impl CleanWriter {
    /// A writer for data of `layout`; tables get their header row (and BOM) first.
    pub(crate) fn new(
        layout: &Layout,
        mut out: Box<dyn Write + Send>,
    ) -> Result<CleanWriter, Failure> {
        Ok(match layout {
            Layout::Ndjson | Layout::Document => CleanWriter::Ndjson(out),
            Layout::JsonArray => {
                out.write_all(b"[").map_err(write_failed)?;
                CleanWriter::Array { out, first: true }
            }
            Layout::Table {
                columns,
                csv,
                bom,
                shape,
            } => {
                if *bom || !*csv {
                    out.write_all(BOM).map_err(write_failed)?;
                }
                // A CSV source keeps its delimiter, its line endings and the rows above its
                // header (a title, the unit's name), so the cleaned file opens in Excel as
                // the original did, row for row.
                let mut builder = csv::WriterBuilder::new();
                builder.flexible(true);
                if let Some(shape) = shape {
                    builder.delimiter(shape.delimiter);
                    builder.terminator(match shape.line_ending {
                        Some(LineEnding::CrLf) => csv::Terminator::CRLF,
                        Some(LineEnding::Cr) => csv::Terminator::Any(b'\r'),
                        Some(LineEnding::Lf) | None => csv::Terminator::Any(b'\n'),
                    });
                }
                let mut writer = builder.from_writer(out);
                for row in shape.iter().flat_map(|s| &s.preamble) {
                    writer.write_record(row).map_err(csv_failed)?;
                }
                writer.write_record(&columns.headers).map_err(csv_failed)?;
                CleanWriter::Table(Box::new(writer))
            }
        })
    }

    /// Writes one record.
    pub(crate) fn write(&mut self, cleaned: &Cleaned) -> Result<(), Failure> {
        match (self, cleaned) {
            (CleanWriter::Ndjson(out), Cleaned::Json(text) | Cleaned::Verbatim(text)) => {
                writeln!(out, "{text}").map_err(write_failed)
            }
            (CleanWriter::Array { out, first }, Cleaned::Json(text)) => {
                let sep = if *first { "\n" } else { ",\n" };
                *first = false;
                write!(out, "{sep}{text}").map_err(write_failed)
            }
            (CleanWriter::Table(w), Cleaned::Cells(cells)) => {
                w.write_record(cells).map_err(csv_failed)
            }
            // A table row reaches a table writer and a JSON value a JSON writer: the layout
            // and the reader come from the same input. Anything else is written as text.
            // An element that is not JSON stays in the array as a string, so the array
            // still parses and nothing is lost.
            (CleanWriter::Array { out, first }, Cleaned::Verbatim(text)) => {
                let sep = if *first { "\n" } else { ",\n" };
                *first = false;
                write!(out, "{sep}{}", serde_json::Value::String(text.clone()))
                    .map_err(write_failed)
            }
            (CleanWriter::Table(w), Cleaned::Json(text) | Cleaned::Verbatim(text)) => {
                w.write_record([text]).map_err(csv_failed)
            }
            (CleanWriter::Ndjson(out) | CleanWriter::Array { out, .. }, Cleaned::Cells(cells)) => {
                writeln!(out, "{}", serde_json::json!(cells)).map_err(write_failed)
            }
        }
    }

    /// Closes the array (if any) and flushes.
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            CleanWriter::Ndjson(mut out) => out.flush().map_err(write_failed),
            CleanWriter::Array { mut out, .. } => {
                out.write_all(b"\n]\n").map_err(write_failed)?;
                out.flush().map_err(write_failed)
            }
            CleanWriter::Table(mut w) => w.flush().map_err(write_failed),
        }
    }
}
