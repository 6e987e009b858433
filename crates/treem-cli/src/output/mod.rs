//! What a run writes: the summary for people, the issues for machines and spreadsheets, and
//! the cleaned records.

pub(crate) mod cleaned;
pub(crate) mod html;
pub(crate) mod indicators;
pub(crate) mod issues;
pub(crate) mod labels;
pub(crate) mod summary;

use std::io::Write;
use std::path::Path;

use crate::failure::Failure;

/// The UTF-8 byte-order mark: Excel needs it to open a CSV file as UTF-8, so Vietnamese text
/// shows intact.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A buffered writer to `path`, or to standard output when `path` is `None` or `-`.
pub(crate) fn create(path: Option<&Path>) -> Result<Box<dyn Write + Send>, Failure> {
    Ok(match path {
        Some(path) if path.as_os_str() != "-" => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(path)
                .map_err(|e| Failure::io(format!("cannot write {}", path.display()), e))?,
        )),
        _ => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        )),
    })
}

/// Maps a write error to a failure.
pub(crate) fn write_failed(e: std::io::Error) -> Failure {
    Failure::io("cannot write the output", e)
}
