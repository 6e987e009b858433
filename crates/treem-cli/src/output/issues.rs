//! The issues of a run, one line per issue: CSV (UTF-8 with BOM, for Excel) or NDJSON, with
//! the columns `row, path, code, severity, message`.

use std::io::Write;

use super::{write_failed, Output, BOM};
use crate::failure::Failure;

/// The columns, in order.
const COLUMNS: [&str; 5] = ["row", "path", "code", "severity", "message"];

/// Writes issues as they come, in input order.
pub(crate) enum IssueWriter {
    /// CSV with a header row.
    Csv(Box<csv::Writer<Output>>),
    /// One JSON object per line.
    Ndjson(Output),
}

impl IssueWriter {
    /// A CSV writer: byte-order mark and header first.
    pub(crate) fn csv(mut out: Output) -> Result<IssueWriter, Failure> {
        out.write_all(BOM).map_err(write_failed)?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS).map_err(csv_failed)?;
        Ok(IssueWriter::Csv(Box::new(writer)))
    }

    /// An NDJSON writer.
    pub(crate) fn ndjson(out: Output) -> IssueWriter {
        IssueWriter::Ndjson(out)
    }

    /// CSV when `path` ends in `.csv`, else NDJSON.
    pub(crate) fn for_path(path: &std::path::Path) -> Result<IssueWriter, Failure> {
        let out = super::create(Some(path))?;
        let is_csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            IssueWriter::csv(out)
        } else {
            Ok(IssueWriter::ndjson(out))
        }
    }

    /// Writes every issue of one record.
    pub(crate) fn write(&mut self, row: u64, issues: &[treem::Issue]) -> Result<(), Failure> {
        for issue in issues {
            match self {
                IssueWriter::Csv(w) => w
                    .write_record([
                        row.to_string().as_str(),
                        &issue.path,
                        &issue.code,
                        issue.severity.as_str(),
                        &issue.message,
                    ])
                    .map_err(csv_failed)?,
                IssueWriter::Ndjson(w) => {
                    let line = serde_json::json!({
                        "row": row,
                        "path": issue.path,
                        "code": issue.code,
                        "severity": issue.severity.as_str(),
                        "message": issue.message,
                    });
                    // As a string first: serde_json (without `std`) panics when the writer
                    // under its `Display` fails, and a full disk or a closed pipe must be
                    // an error, not a panic.
                    let line = line.to_string();
                    writeln!(w, "{line}").map_err(write_failed)?;
                }
            }
        }
        Ok(())
    }

    /// Writes out everything (a file then waits for the end of the run to replace its
    /// target).
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            IssueWriter::Csv(w) => finish_csv(*w),
            IssueWriter::Ndjson(w) => w.finish(),
        }
    }
}

/// Flushes a CSV writer and finishes its output.
pub(crate) fn finish_csv(writer: csv::Writer<Output>) -> Result<(), Failure> {
    writer
        .into_inner()
        .map_err(|e| write_failed(e.into_error()))?
        .finish()
}

/// Maps a CSV write error to a failure: an I/O error stays one (a full disk, a closed pipe
/// must be told apart from a misuse).
pub(crate) fn csv_failed(e: csv::Error) -> Failure {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(io) = e.into_kind() {
            return write_failed(io);
        }
        return Failure::Usage("cannot write CSV".into());
    }
    Failure::Usage(format!("cannot write CSV: {e}"))
}
