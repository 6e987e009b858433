//! Cleaned records in the input's format: NDJSON stays NDJSON, a JSON array stays an array,
//! a table (CSV or workbook) becomes CSV with the same columns (UTF-8 with BOM).

use std::io::Write;

use super::issues::{csv_failed, finish_csv};
use super::{write_failed, Output, BOM};
use crate::check::Cleaned;
use crate::failure::Failure;
use crate::input::rows::LineEnding;
use crate::input::Layout;

/// Writes cleaned records in input order.
pub(crate) enum CleanWriter {
    /// One record per line.
    Ndjson(Output),
    /// A JSON array, one element per line.
    Array {
        /// The destination.
        out: Output,
        /// No element written yet.
        first: bool,
    },
    /// CSV rows.
    Table(Box<csv::Writer<Output>>),
}

impl CleanWriter {
    /// A writer for data of `layout`; tables get their header row (and BOM) first.
    pub(crate) fn new(layout: &Layout, mut out: Output) -> Result<CleanWriter, Failure> {
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
                let added = columns
                    .code_columns
                    .iter()
                    .filter_map(|(i, _)| columns.headers.get(*i))
                    .map(|h| format!("Mã {h}"));
                let header: Vec<String> = columns.headers.iter().cloned().chain(added).collect();
                writer.write_record(&header).map_err(csv_failed)?;
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
                // As text first: serde_json (without `std`) panics inside `Display` when
                // the writer under it fails (a full disk must be an error, not a panic).
                let text = serde_json::Value::String(text.clone()).to_string();
                write!(out, "{sep}{text}").map_err(write_failed)
            }
            (CleanWriter::Table(w), Cleaned::Json(text) | Cleaned::Verbatim(text)) => {
                w.write_record([text]).map_err(csv_failed)
            }
            (CleanWriter::Ndjson(out) | CleanWriter::Array { out, .. }, Cleaned::Cells(cells)) => {
                let text = serde_json::json!(cells).to_string();
                writeln!(out, "{text}").map_err(write_failed)
            }
        }
    }

    /// Closes the array (if any) and writes out everything (a file then waits for the end
    /// of the run to replace its target).
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            CleanWriter::Ndjson(out) => out.finish(),
            CleanWriter::Array { mut out, .. } => {
                out.write_all(b"\n]\n").map_err(write_failed)?;
                out.finish()
            }
            CleanWriter::Table(w) => finish_csv(*w),
        }
    }
}
