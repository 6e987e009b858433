//! A progress line on stderr, shown only when stderr is a terminal (never in pipes, files or
//! tests), so long runs show life and short runs and scripts see nothing.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Records between two updates of the counter.
const EVERY: u64 = 8192;

/// A record counter on stderr.
pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A spinner with a record count and rate, or a hidden one when stderr is not a terminal.
    pub(crate) fn new() -> Progress {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {pos} bản ghi / records · {per_sec} · {elapsed}",
            ) {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { bar }
    }

    /// Notes that `done` records have been written.
    pub(crate) fn update(&self, done: u64) {
        if done % EVERY == 0 {
            self.bar.set_position(done);
        }
    }

    /// Removes the line.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
