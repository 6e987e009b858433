//! The dataset readers (NDJSON, JSON arrays, CSV with its header mapping, Excel `.xlsx`) on
//! bytes in memory, for programs that must drive them without the command line: the fuzz
//! target `readers` checks that every input is read to its end and every row accounted for.

use std::io::{BufReader, Cursor};

use crate::input::mapping::Mapping;
use crate::input::{self, Body, RecordReader};

/// An input format the readers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// An Excel workbook (first worksheet).
    Xlsx,
    /// One JSON record per line.
    Ndjson,
    /// A JSON array of records.
    JsonArray,
}

/// What reading a whole input gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drained {
    /// Items handed out as records (JSON bytes or table rows).
    pub records: usize,
    /// Rows that could not be read, kept as they were.
    pub bad_rows: usize,
    /// Items over the record size limit.
    pub too_large: usize,
    /// The reader refused the input as a whole (not a workbook, no header row, not text):
    /// an answer, not a failure.
    pub refused: bool,
}

/// Why [`drain`] stopped before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDrained {
    /// The column mapping given was refused (not JSON, or a path the kind lacks).
    Mapping,
    /// The reader handed out `max_chunks` chunks without reaching the end: a reader that
    /// never ends on a small input is a bug.
    NoEnd,
}

/// Reads every record of `data` as `format`, child records, in chunks of 64, with `mapping`
/// (a caller's column map, the `--mapping` file's text) for tables.
///
/// # Errors
/// [`NotDrained::Mapping`] when `mapping` is refused; [`NotDrained::NoEnd`] when the reader
/// handed out `max_chunks` chunks and had more.
///
/// # Examples
/// ```
/// use treem_cli::readers::{drain, Format};
/// let csv = "STT,Họ và tên,Ngày sinh\r\n1,Nguyễn Văn An,05/09/2018\r\n2,\"Trần\r\nBé\"\r\n";
/// let read = drain(Format::Csv, csv.as_bytes().to_vec(), None, 100).unwrap();
/// assert_eq!((read.records, read.bad_rows), (1, 1));
/// ```
pub fn drain(
    format: Format,
    data: Vec<u8>,
    mapping: Option<&str>,
    max_chunks: usize,
) -> Result<Drained, NotDrained> {
    let kind: treem::Kind = "child".parse().map_err(|_| NotDrained::Mapping)?;
    let mapping = Mapping::for_kind(kind, mapping).map_err(|_| NotDrained::Mapping)?;
    let refused = Drained {
        refused: true,
        ..Drained::default()
    };
    // The input is moved into the one reader its format needs.
    match format {
        Format::Csv => {
            match input::tabular::CsvReader::open(BufReader::new(Cursor::new(data)), &mapping) {
                Ok((_, _, reader)) => read_to_end(reader, max_chunks),
                Err(_) => Ok(refused),
            }
        }
        Format::Xlsx => match input::xlsx::XlsxReader::open(data, &mapping, None) {
            Ok((_, reader)) => read_to_end(reader, max_chunks),
            Err(_) => Ok(refused),
        },
        Format::Ndjson => read_to_end(
            input::ndjson::NdjsonReader::new(BufReader::new(Cursor::new(data))),
            max_chunks,
        ),
        Format::JsonArray => read_to_end(
            input::json_array::ArrayReader::new(BufReader::new(Cursor::new(data))),
            max_chunks,
        ),
    }
}

fn read_to_end(mut reader: impl RecordReader, max_chunks: usize) -> Result<Drained, NotDrained> {
    let mut read = Drained::default();
    for _ in 0..max_chunks {
        match reader.next_chunk(64) {
            Ok(chunk) if chunk.is_empty() => return Ok(read),
            Ok(chunk) => {
                for item in chunk {
                    match item.body {
                        Body::Json(_) | Body::Row { .. } => read.records += 1,
                        Body::Bad(_) => read.bad_rows += 1,
                        Body::TooLarge(_) => read.too_large += 1,
                    }
                }
            }
            // A reader may refuse the rest of its input (a broken workbook): an answer.
            Err(_) => {
                read.refused = true;
                return Ok(read);
            }
        }
    }
    Err(NotDrained::NoEnd)
}
