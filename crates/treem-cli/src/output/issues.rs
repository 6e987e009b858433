//! The issues of a run, one line per issue: CSV (UTF-8 with BOM, for Excel) or NDJSON, with
//! the columns `row, path, code, severity, message`.

use std::io::Write;

use super::{write_failed, BOM};
use crate::failure::Failure;

/// The columns, in order.
const COLUMNS: [&str; 5] = ["row", "path", "code", "severity", "message"];

/// Writes issues as they come, in input order.
pub(crate) enum IssueWriter {
    /// CSV with a header row.
    Csv(Box<csv::Writer<Box<dyn Write + Send>>>),
    /// One JSON object per line.
    Ndjson(Box<dyn Write + Send>),
}

impl IssueWriter {
    /// A CSV writer: byte-order mark and header first.
    pub(crate) fn csv(mut out: Box<dyn Write + Send>) -> Result<IssueWriter, Failure> {
        out.write_all(BOM).map_err(write_failed)?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS).map_err(csv_failed)?;
        Ok(IssueWriter::Csv(Box::new(writer)))
    }

    /// An NDJSON writer.
    pub(crate) fn ndjson(out: Box<dyn Write + Send>) -> IssueWriter {
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
                    writeln!(w, "{line}").map_err(write_failed)?;
                }
            }
        }
        Ok(())
    }

    /// Flushes everything.
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            IssueWriter::Csv(mut w) => w.flush().map_err(write_failed),
            IssueWriter::Ndjson(mut w) => w.flush().map_err(write_failed),
        }
    }
}

/// Maps a CSV write error to a failure.
pub(crate) fn csv_failed(e: csv::Error) -> Failure {
    Failure::Usage(format!("cannot write CSV: {e}"))
}
