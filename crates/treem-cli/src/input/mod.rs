//! Reading datasets: NDJSON, JSON arrays, CSV and Excel workbooks, as a stream of rows.
//!
//! Every reader hands out records in chunks ([`RecordReader::next_chunk`]) so that the file is
//! never held whole: only the `.xlsx` reader holds its worksheet (the format is a zip archive
//! and calamine reads a sheet at once). A row that cannot be read becomes a [`Body::Bad`]
//! record at its row number: it is reported and kept, never dropped.

pub(crate) mod json_array;
pub(crate) mod mapping;
pub(crate) mod ndjson;
pub(crate) mod paths;
pub(crate) mod rows;
pub(crate) mod sniff;
pub(crate) mod tabular;
pub(crate) mod xlsx;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::args::InputFormat;
use crate::failure::Failure;
use mapping::{Columns, Mapping};

/// The sample dataset bundled with the binary, used when no input file is given.
pub(crate) const SAMPLE_CHILDREN: &str = include_str!("../../../../examples/data/children.ndjson");

/// The protection cases of the bundled sample's children, used by `report` with no input.
pub(crate) const SAMPLE_CASES: &str = include_str!("../../../../examples/data/cases.ndjson");

/// One row of the input, numbered as the source counts it: the line of an NDJSON file or of
/// the start of a JSON array element, the row of a CSV file or worksheet (header = row 1).
#[derive(Debug)]
pub(crate) struct RawRecord {
    /// 1-based line or row number in the source.
    pub(crate) row: u64,
    /// What the row holds.
    pub(crate) body: Body,
}

/// The content of a row.
#[derive(Debug)]
pub(crate) enum Body {
    /// JSON bytes not yet parsed (an NDJSON line or an array element): parsed on a worker,
    /// where serde_json checks UTF-8 as it goes (no separate pass over the bytes).
    Json(Vec<u8>),
    /// A row of a table: its cells as written and the record built from the mapped columns.
    Row {
        /// Every cell, as text, in column order.
        cells: Vec<String>,
        /// The record made of the mapped cells.
        record: serde_json::Value,
    },
    /// A row that could not be read: reported and kept as it was.
    Bad(BadRow),
    /// A line or element longer than the record size limit: its length in bytes. Only
    /// readers given a cap (`validate`, which writes no cleaned records) answer this; the
    /// bytes past the limit were skipped, never held.
    TooLarge(usize),
}

/// Why a row could not be read, and what is kept of it.
#[derive(Debug)]
pub(crate) struct BadRow {
    /// The issue raised for it.
    pub(crate) problem: Problem,
    /// The row as written, for cleaned output.
    pub(crate) kept: Kept,
}

/// What was wrong with an unreadable row.
#[derive(Debug)]
pub(crate) enum Problem {
    /// A table row with another number of cells than the header.
    ColumnCount {
        /// Cells in the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
    },
    /// A cell that cannot be decoded.
    Cell {
        /// The column's header.
        column: String,
        /// Why, in Vietnamese and English.
        reason: (&'static str, &'static str),
    },
}

/// The row as written.
#[derive(Debug)]
pub(crate) enum Kept {
    /// The cells of a table row.
    Cells(Vec<String>),
}

/// A source of records read chunk by chunk.
pub(crate) trait RecordReader: Send {
    /// Up to `max` more records; an empty vector at the end of the input.
    fn next_chunk(&mut self, max: usize) -> Result<Vec<RawRecord>, Failure>;
}

/// The shape of the data, which decides the shape of cleaned output.
#[derive(Debug, Clone)]
pub(crate) enum Layout {
    /// One JSON record per line.
    Ndjson,
    /// A JSON array.
    JsonArray,
    /// A table with these columns; `bom` when the source began with a byte-order mark.
    Table {
        /// The header and the field of each column.
        columns: Columns,
        /// The source was CSV (false for a workbook).
        csv: bool,
        /// The CSV source began with a UTF-8 byte-order mark.
        bom: bool,
        /// The rows above the header, line endings and delimiter of a CSV source (`None`
        /// for a workbook).
        shape: Option<tabular::CsvShape>,
    },
    /// One JSON document that is not an array (read whole: one record).
    Document,
}

/// An opened input: its name for the report, its layout, and its reader.
pub(crate) struct Opened {
    /// `sample: ...`, `stdin` or the path.
    pub(crate) source: String,
    /// The shape of the data.
    pub(crate) layout: Layout,
    /// The records.
    pub(crate) reader: Box<dyn RecordReader>,
    /// How much of a file has been read, for the progress line (`None`: not a file).
    pub(crate) meter: Option<Meter>,
}

/// How far through a file the reading is: its size and the bytes read so far (shared with
/// the reader, which counts as it reads).
#[derive(Debug, Clone)]
pub(crate) struct Meter {
    /// The file's size in bytes.
    pub(crate) total: u64,
    /// Bytes read so far.
    pub(crate) read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// A reader that counts the bytes it hands out into a [`Meter`].
struct Counted<R> {
    inner: R,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens `input` (`None` = the bundled sample, `-` = stdin) in `format` (by default from the
/// extension, else sniffed). NDJSON lines and array elements longer than `cap` bytes are
/// answered as [`Body::TooLarge`] without being held (`usize::MAX`: every record whole).
pub(crate) fn open(
    input: Option<&Path>,
    format: Option<InputFormat>,
    kind: treem::Kind,
    mapping_file: Option<&Path>,
    sheet: Option<&str>,
    cap: usize,
) -> Result<Opened, Failure> {
    let user_map = match mapping_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| Failure::io(format!("cannot read {}", path.display()), e))?,
        ),
        None => None,
    };
    let mapping = || Mapping::for_kind(kind, user_map.as_deref());
    let mut meter = None;
    let (source, stream): (String, Box<dyn Read + Send>) = match input {
        None => (
            "sample: examples/data/children.ndjson".into(),
            Box::new(SAMPLE_CHILDREN.as_bytes()),
        ),
        Some(path) if path.as_os_str() == "-" => ("stdin".into(), Box::new(std::io::stdin())),
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| Failure::io(format!("cannot read {}", path.display()), e))?;
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            if let Some(total) = size {
                let read = std::sync::Arc::default();
                meter = Some(Meter {
                    total,
                    read: std::sync::Arc::clone(&read),
                });
                let counted = Counted { inner: file, read };
                (path.display().to_string(), Box::new(counted))
            } else {
                (path.display().to_string(), Box::new(file))
            }
        }
    };
    let format = format.or_else(|| input.and_then(format_of_extension));
    let mut stream = BufReader::with_capacity(1 << 16, stream);
    if format != Some(InputFormat::Xlsx) {
        sniff::refuse_binary(&mut stream, &source)?;
    }
    // A workbook is read whole before its first row: no progress to show.
    if format == Some(InputFormat::Xlsx) {
        meter = None;
    }
    let mut opened = match format {
        Some(InputFormat::Xlsx) => {
            let mut bytes = Vec::new();
            stream
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::io(format!("cannot read {source}"), e))?;
            let (columns, reader) = xlsx::XlsxReader::open(bytes, &mapping()?, sheet)?;
            Ok(Opened {
                source,
                meter: None,
                layout: Layout::Table {
                    columns,
                    csv: false,
                    bom: true,
                    shape: None,
                },
                reader: Box::new(reader),
            })
        }
        Some(InputFormat::Csv) => {
            let bom = sniff::skip_bom(&mut stream).map_err(|e| Failure::io(&source, e))?;
            let (columns, shape, reader) = tabular::CsvReader::open(stream, &mapping()?)?;
            Ok(Opened {
                source,
                meter: None,
                layout: Layout::Table {
                    columns,
                    csv: true,
                    bom,
                    shape: Some(shape),
                },
                reader: Box::new(reader),
            })
        }
        Some(InputFormat::Ndjson) => {
            sniff::skip_bom(&mut stream).map_err(|e| Failure::io(&source, e))?;
            Ok(Opened {
                source,
                meter: None,
                layout: Layout::Ndjson,
                reader: Box::new(ndjson::NdjsonReader::new(stream).capped(cap)),
            })
        }
        Some(InputFormat::Json) | None => open_json(source, stream, cap),
    }?;
    opened.meter = meter;
    Ok(opened)
}

/// The answer to an input without a single record: an empty file, or a table with only its
/// header. Nothing was checked, which an officer must not mistake for "no errors", so it is
/// a misuse (exit 2) with the same message in every output format.
pub(crate) fn no_records(opened: &Opened) -> Failure {
    let source = &opened.source;
    match &opened.layout {
        Layout::Table { columns, .. } if !columns.headers.is_empty() => Failure::said(
            "empty_input",
            format!("{source}: chỉ có dòng tiêu đề, không có bản ghi nào để kiểm tra"),
            format!("{source}: only a header row, no record to check"),
        ),
        _ => Failure::said(
            "empty_input",
            format!("{source}: tệp rỗng, không có bản ghi nào để kiểm tra"),
            format!("{source}: the input is empty, no record to check"),
        ),
    }
}

/// A bundled NDJSON text, named `sample: NAME`.
pub(crate) fn open_text(name: &str, text: &'static str) -> Opened {
    Opened {
        source: format!("sample: {name}"),
        meter: None,
        layout: Layout::Ndjson,
        reader: Box::new(ndjson::NdjsonReader::new(BufReader::new(
            Box::new(text.as_bytes()) as Box<dyn Read + Send>,
        ))),
    }
}

/// A JSON source: an array (streamed element by element), NDJSON, or one document.
fn open_json(
    source: String,
    mut stream: BufReader<Box<dyn Read + Send>>,
    cap: usize,
) -> Result<Opened, Failure> {
    sniff::skip_bom(&mut stream).map_err(|e| Failure::io(&source, e))?;
    match sniff::json_shape(&mut stream).map_err(|e| Failure::io(&source, e))? {
        sniff::JsonShape::Array => Ok(Opened {
            source,
            meter: None,
            layout: Layout::JsonArray,
            reader: Box::new(json_array::ArrayReader::new(stream).capped(cap)),
        }),
        sniff::JsonShape::Lines => Ok(Opened {
            source,
            meter: None,
            layout: Layout::Ndjson,
            reader: Box::new(ndjson::NdjsonReader::new(stream).capped(cap)),
        }),
        sniff::JsonShape::Document(text) => Ok(Opened {
            source,
            meter: None,
            layout: Layout::Document,
            reader: Box::new(ndjson::OneDocument::new(text)),
        }),
        sniff::JsonShape::Buffered(bytes) => Ok(Opened {
            source,
            meter: None,
            layout: Layout::Ndjson,
            reader: Box::new(
                ndjson::NdjsonReader::new(BufReader::new(
                    Box::new(std::io::Cursor::new(bytes)) as Box<dyn Read + Send>
                ))
                .capped(cap),
            ),
        }),
    }
}

/// The format a file name implies.
fn format_of_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "ndjson" | "jsonl" => Some(InputFormat::Ndjson),
        "json" => Some(InputFormat::Json),
        "csv" | "tsv" | "txt" => Some(InputFormat::Csv),
        "xlsx" | "xlsm" => Some(InputFormat::Xlsx),
        _ => None,
    }
}

/// One line read by [`read_line_capped`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineRead {
    /// The length of the line in bytes, without its `\n` and the `\r` before it.
    pub(crate) len: usize,
    /// Only the first bytes of the line are in the buffer (it was longer than the cap).
    pub(crate) cut: bool,
}

/// Reads one line (up to `\n`) into `buf`, keeping at most `cap` bytes of it (and two
/// more): the rest is read and dropped, so a giant line costs no memory. `None` at the end
/// of input. Uncapped, what `BufRead::read_until` does, with the `memchr` crate's
/// vectorised search for the newline (std's byte-at-a-time search was most of the reader
/// thread's time on long records).
pub(crate) fn read_line_capped(
    stream: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<LineRead>> {
    buf.clear();
    let mut total = 0usize;
    // The last two bytes seen, to measure a cut line without its `\r\n`.
    let mut tail = [0u8; 2];
    let keep = cap.saturating_add(2);
    loop {
        let available = match stream.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((total > 0).then(|| line_read(buf, total, tail)));
        }
        let (taken, done) = match memchr::memchr(b'\n', available) {
            Some(end) => (available.get(..=end).unwrap_or(available), true),
            None => (available, false),
        };
        let room = keep.saturating_sub(buf.len()).min(taken.len());
        buf.extend_from_slice(taken.get(..room).unwrap_or_default());
        for &b in taken.iter().rev().take(2).rev() {
            let [_, last] = tail;
            tail = [last, b];
        }
        total += taken.len();
        let used = taken.len();
        stream.consume(used);
        if done {
            return Ok(Some(line_read(buf, total, tail)));
        }
    }
}

fn line_read(buf: &[u8], total: usize, tail: [u8; 2]) -> LineRead {
    let len = match tail {
        [b'\r', b'\n'] => total - 2,
        [_, b'\n'] => total - 1,
        _ => total,
    };
    LineRead {
        len,
        cut: buf.len() < total,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// `read_line` splits as `read_until` does, whatever the buffer size (lines across buffer
    /// boundaries, no final newline, empty lines, `\r\n`).
    #[test]
    fn read_line_answers_as_read_until() {
        let text: &[u8] = b"{\"a\":1}\n\n  \r\n{\"b\":\"x\\ny\"}\r\nlast line without newline";
        for capacity in [1, 2, 3, 7, 64] {
            let mut ours = BufReader::with_capacity(capacity, text);
            let mut std_reader = BufReader::with_capacity(capacity, text);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            loop {
                let more = read_line_capped(&mut ours, &mut a, usize::MAX)
                    .unwrap()
                    .is_some();
                b.clear();
                let expected = std_reader.read_until(b'\n', &mut b).unwrap() > 0;
                assert_eq!((more, &a), (expected, &b), "capacity {capacity}");
                if !more {
                    break;
                }
            }
        }
    }

    /// A line longer than the cap is measured (without its line end) but not held.
    #[test]
    fn capped_lines_are_measured_not_held() {
        let text: &[u8] = b"0123456789\r\nabc\n0123456789";
        for capacity in [1, 3, 64] {
            let mut reader = BufReader::with_capacity(capacity, text);
            let mut buf = Vec::new();
            let read = read_line_capped(&mut reader, &mut buf, 4).unwrap().unwrap();
            assert_eq!(read, LineRead { len: 10, cut: true });
            assert!(buf.len() <= 6, "{buf:?}");
            let read = read_line_capped(&mut reader, &mut buf, 4).unwrap().unwrap();
            assert_eq!(read, LineRead { len: 3, cut: false });
            assert_eq!(buf, b"abc\n");
            let read = read_line_capped(&mut reader, &mut buf, 4).unwrap().unwrap();
            assert_eq!(read, LineRead { len: 10, cut: true });
            assert_eq!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), None);
        }
    }
}
