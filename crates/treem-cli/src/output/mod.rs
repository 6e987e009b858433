//! What a run writes: the summary for people, the issues for machines and spreadsheets, and
//! the cleaned records.

pub(crate) mod atomic;
pub(crate) mod cleaned;
pub(crate) mod html;
pub(crate) mod indicators;
pub(crate) mod issues;
pub(crate) mod labels;
pub(crate) mod summary;

use std::io::{BufWriter, Write};
use std::path::Path;

use crate::failure::Failure;
pub(crate) use atomic::{commit, discard, discard_and_exit};

/// The UTF-8 byte-order mark: Excel needs it to open a CSV file as UTF-8, so Vietnamese text
/// shows intact.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Buffer size of every output: large enough that writes cost little.
const BUFFER: usize = 1 << 16;

/// Where an output goes.
enum Sink {
    /// Standard output, streamed as it is written.
    Stdout(std::io::Stdout),
    /// A file, written whole or not at all ([`atomic`]).
    File(atomic::AtomicFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.flush(),
        }
    }
}

/// A buffered output: standard output, or a file that replaces its target only when the
/// run succeeds. [`Output::finish`] must be called once everything is written; an output
/// dropped without it leaves its target untouched.
pub(crate) struct Output(BufWriter<Sink>);

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl Output {
    /// Flushes everything; a file is forced to disk and waits for [`commit`] at the end of
    /// the run.
    ///
    /// # Errors
    /// A write error (full disk, closed pipe).
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self.0.into_inner() {
            Ok(Sink::Stdout(mut out)) => out.flush().map_err(write_failed),
            Ok(Sink::File(file)) => file.finish(),
            Err(e) => Err(write_failed(e.into_error())),
        }
    }
}

/// An output to `path`, or to standard output when `path` is `None` or `-`.
///
/// # Errors
/// When the file cannot be created.
pub(crate) fn create(path: Option<&Path>) -> Result<Output, Failure> {
    let sink = match path {
        Some(path) if path.as_os_str() != "-" => Sink::File(atomic::AtomicFile::create(path)?),
        _ => Sink::Stdout(std::io::stdout()),
    };
    Ok(Output(BufWriter::with_capacity(BUFFER, sink)))
}

/// Maps a write error to a failure.
pub(crate) fn write_failed(e: std::io::Error) -> Failure {
    Failure::io("cannot write the output", e)
}
