//! Reading a dataset row by row as JSON values, for the operations of the core that look at
//! records beside each other (`indicators` joins cases to children, `dedup` compares records
//! with each other): each keeps what it needs of a row, not the row. Rows that cannot be read
//! come as issues at their row number.

use std::path::Path;

use crate::args::{InputArgs, InputFormat};
use crate::check::{bad_row_issue, not_object_issue, not_utf8_issue, too_large_issue};
use crate::failure::Failure;
use crate::input::{self, Body};
use crate::pipeline::CHUNK;

/// One row of a loaded dataset.
pub(crate) struct Loaded {
    /// Line or row number in the source.
    pub(crate) row: u64,
    /// The record, or the issue that says why the row is not one.
    pub(crate) record: Result<serde_json::Value, treem::Issue>,
}

/// Where a dataset comes from and how to read it.
pub(crate) struct Source<'a> {
    /// The file (`-` = stdin); `None` = the bundled text `bundled`.
    pub(crate) path: Option<&'a Path>,
    /// The format, else from the extension or sniffed.
    pub(crate) format: Option<InputFormat>,
    /// The kind (chooses the column map of tables).
    pub(crate) kind: treem::Kind,
    /// A mapping file for tables.
    pub(crate) mapping: Option<&'a Path>,
    /// The worksheet of a workbook.
    pub(crate) sheet: Option<&'a str>,
    /// The bundled dataset used when `path` is `None`: its name and text.
    pub(crate) bundled: (&'static str, &'static str),
}

impl<'a> Source<'a> {
    /// The dataset the shared input flags name, of `kind`; the bundled children without a file.
    pub(crate) fn of_input(input: &'a InputArgs, kind: treem::Kind) -> Source<'a> {
        Source {
            path: input.input.as_deref(),
            format: input.input_format,
            kind,
            mapping: input.mapping.as_deref(),
            sheet: input.sheet.as_deref(),
            bundled: (
                "examples/data/children.ndjson",
                crate::input::SAMPLE_CHILDREN,
            ),
        }
    }
}

/// An opened dataset, read row by row.
pub(crate) struct Rows {
    /// `sample: ...`, `stdin` or the path.
    pub(crate) source: String,
    /// The table's columns that feed no field (none for JSON inputs).
    pub(crate) unmapped: Vec<String>,
    reader: Box<dyn crate::input::RecordReader>,
}

/// Opens `source`; lines longer than the context's record size limit are not held.
pub(crate) fn open(source: &Source<'_>, ctx: &treem::Context) -> Result<Rows, Failure> {
    let limit = ctx.max_record_bytes();
    let opened = match source.path {
        Some(path) => input::open(
            Some(path),
            source.format,
            source.kind,
            source.mapping,
            source.sheet,
            limit,
        )?,
        None => input::open_text(source.bundled.0, source.bundled.1),
    };
    let unmapped = match &opened.layout {
        input::Layout::Table { columns, .. } => {
            columns.unmapped().into_iter().map(str::to_owned).collect()
        }
        _ => Vec::new(),
    };
    Ok(Rows {
        source: opened.source,
        unmapped,
        reader: opened.reader,
    })
}

impl Rows {
    /// Hands every row to `each` in input order (messages of unreadable rows in `lang`); a
    /// chunk of rows at a time is in memory.
    pub(crate) fn for_each(
        mut self,
        ctx: &treem::Context,
        mut each: impl FnMut(Loaded) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let lang = ctx.lang;
        // A record over the size limit is an issue in its place, never parsed.
        let limit = ctx.max_record_bytes();
        loop {
            let chunk = self.reader.next_chunk(CHUNK)?;
            if chunk.is_empty() {
                return Ok(());
            }
            for raw in chunk {
                let record = match raw.body {
                    Body::Json(bytes) if bytes.len() > limit => {
                        Err(too_large_issue(ctx, bytes.len()))
                    }
                    Body::TooLarge(len) => Err(too_large_issue(ctx, len)),
                    Body::Json(bytes) => parse(&bytes, lang),
                    Body::Row { record, .. } => Ok(record),
                    Body::Bad(bad) => Err(bad_row_issue(lang, &bad)),
                };
                each(Loaded {
                    row: raw.row,
                    record,
                })?;
            }
        }
    }
}

/// Parses one JSON row; text that is not JSON, or not UTF-8, is an issue.
#[allow(clippy::result_large_err)] // one issue per unreadable row, kept by value in the set
fn parse(bytes: &[u8], lang: treem::Lang) -> Result<serde_json::Value, treem::Issue> {
    serde_json::from_slice(bytes).map_err(|e| match std::str::from_utf8(bytes) {
        Ok(_) => not_object_issue(lang, format!("invalid JSON (column {})", e.column())),
        Err(bad) => not_utf8_issue(lang, bad.valid_up_to()),
    })
}
