//! A progress line on stderr, shown only when stderr is a terminal (never in pipes, files or
//! tests), so long runs show life and short runs and scripts see nothing.
//!
//! In the run's language only. When the input is a file of known size, the line shows how
//! far through it the reading is and the time left; always the records done and a
//! whole-number rate ("2 412 bản ghi/giây", not "2411.8734/s").

use std::io::IsTerminal;
use std::sync::atomic::Ordering;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::input::Meter;

/// Records between two updates of the line.
const EVERY: u64 = 8192;

/// The progress line.
pub(crate) struct Progress {
    bar: ProgressBar,
    lang: treem::Lang,
    meter: Option<Meter>,
}

impl Progress {
    /// A progress line for reading `meter`'s file (or an input of unknown size), hidden when
    /// stderr is not a terminal.
    pub(crate) fn new(lang: treem::Lang, meter: Option<Meter>) -> Progress {
        let bar = if std::io::stderr().is_terminal() {
            let bar = match &meter {
                Some(m) => ProgressBar::new(m.total),
                None => ProgressBar::new_spinner(),
            };
            let template = match &meter {
                Some(_) => "{spinner} {percent:>3}% · {msg}",
                None => "{spinner} {msg}",
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { bar, lang, meter }
    }

    /// Notes that `done` records have been checked.
    pub(crate) fn update(&self, done: u64) {
        if done % EVERY != 0 || self.bar.is_hidden() {
            return;
        }
        let elapsed = self.bar.elapsed();
        let fraction = self.meter.as_ref().map(|m| {
            let read = m.read.load(Ordering::Relaxed);
            self.bar.set_position(read.min(m.total));
            read as f64 / m.total.max(1) as f64
        });
        self.bar
            .set_message(line(self.lang, done, elapsed, fraction));
    }

    /// Removes the line.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The words of the line: records done, the rate as a whole number, and the time left when
/// the share of the input read (`fraction`) is known.
fn line(lang: treem::Lang, done: u64, elapsed: Duration, fraction: Option<f64>) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        (done as f64 / secs).round() as u64
    } else {
        0
    };
    let left = fraction
        .filter(|f| *f > 0.0 && *f < 1.0)
        .map(|f| clock((secs * (1.0 - f) / f).round() as u64));
    match (lang, left) {
        (treem::Lang::En, Some(left)) => {
            format!(
                "{} records · {} records/s · {left} left",
                group(done),
                group(rate)
            )
        }
        (treem::Lang::En, None) => format!(
            "{} records · {} records/s · {}",
            group(done),
            group(rate),
            clock(elapsed.as_secs())
        ),
        (_, Some(left)) => format!(
            "{} bản ghi · {} bản ghi/giây · còn {left}",
            group(done),
            group(rate)
        ),
        (_, None) => format!(
            "{} bản ghi · {} bản ghi/giây · {}",
            group(done),
            group(rate),
            clock(elapsed.as_secs())
        ),
    }
}

/// A whole number with a thin space between thousands (`1 234 567`): the same in both
/// languages, where `.` and `,` would each be read the other way by someone.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{2009}');
        }
        out.push(ch);
    }
    out
}

/// Seconds as `m:ss` or `h:mm:ss`.
fn clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_is_in_one_language_with_a_whole_rate_and_the_time_left() {
        let elapsed = Duration::from_secs(10);
        assert_eq!(
            line(treem::Lang::Vi, 123_456, elapsed, Some(0.25)),
            "123\u{2009}456 bản ghi · 12\u{2009}346 bản ghi/giây · còn 0:30"
        );
        assert_eq!(
            line(treem::Lang::En, 123_456, elapsed, None),
            "123\u{2009}456 records · 12\u{2009}346 records/s · 0:10"
        );
        assert_eq!(
            line(treem::Lang::En, 8192, Duration::from_secs(4000), Some(0.5)),
            "8\u{2009}192 records · 2 records/s · 1:06:40 left"
        );
        assert_eq!(
            line(treem::Lang::Vi, 0, Duration::ZERO, Some(0.0)),
            "0 bản ghi · 0 bản ghi/giây · 0:00"
        );
    }
}
