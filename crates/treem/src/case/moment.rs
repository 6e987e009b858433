//! A moment as case files write it: a date and a time (`2026-11-28T08:30`,
//! `2026-11-28 08:30`, `28/11/2026 08:30`, `08:30 28/11/2026`) or a date alone, local time.

use chrono::{NaiveDateTime, NaiveTime};

use crate::report::{IssueSink, Location};

crate::codes! {
    /// The time of day is not `HH:MM` or `HH:MM:SS` (24-hour clock).
    CASE_TIME_INVALID = "case.time_invalid", Error, "case.moment", "treem",
        "Giờ không đúng định dạng (dùng giờ:phút, ví dụ 08:30)",
        "Not a time of day (use hours:minutes such as 08:30)";
}

/// A parsed moment; `has_time` is false when only a date was given (the moment is then the
/// first minute of that day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The date and time.
    pub at: NaiveDateTime,
    /// Whether a time of day was given.
    pub has_time: bool,
}

/// Parses a moment, raising issues at `at` when it is not one.
///
/// # Examples
///
/// ```
/// use treem::{case::moment, report::{IssueSink, Location}, Lang};
/// let mut sink = IssueSink::new(Lang::En);
/// let day = moment::parse("2026-11-28", &Location::root(), &mut sink).unwrap();
/// assert!(!day.has_time);
/// assert!(moment::parse("yesterday", &Location::root(), &mut sink).is_none());
/// assert!(sink.has_errors());
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<Moment> {
    let text = text.trim();
    // ISO with `T`: split there; otherwise the token holding `:` is the time.
    let (date_part, time_part) = match text.split_once('T') {
        Some((d, t)) if d.len() == 10 => (d.to_owned(), Some(t.trim())),
        _ => {
            let tokens: Vec<&str> = text.split_whitespace().collect();
            let time_token = tokens.iter().copied().find(|t| t.contains(':'));
            let rest: Vec<&str> = tokens
                .iter()
                .copied()
                .filter(|t| Some(*t) != time_token)
                .collect();
            (rest.join(" "), time_token)
        }
    };
    let date = crate::vn::date::parse(&date_part, at, sink)?.date;
    match time_part {
        None => Some(Moment {
            at: date.and_time(NaiveTime::MIN),
            has_time: false,
        }),
        Some(t) => match crate::vn::date::iso::read_time(t) {
            Some(t) => Some(Moment {
                at: date.and_time(t),
                has_time: true,
            }),
            None => {
                sink.push(&CASE_TIME_INVALID, at, []);
                None
            }
        },
    }
}

/// The canonical form: `2026-11-28T08:30` (seconds only when not zero), or the ISO date.
///
/// # Examples
///
/// ```
/// use treem::{case::moment, report::{IssueSink, Location}, Lang};
/// let mut sink = IssueSink::new(Lang::En);
/// let m = moment::parse("28/11/2026 08:30", &Location::root(), &mut sink).unwrap();
/// assert_eq!(moment::format(&m), "2026-11-28T08:30");
/// ```
pub fn format(moment: &Moment) -> String {
    use crate::vn::date::iso;
    if !moment.has_time {
        return iso::date(moment.at.date());
    }
    if iso::second_of_minute(moment.at.time()) == 0 {
        iso::minute(moment.at)
    } else {
        iso::second(moment.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        let mut sink = IssueSink::new(crate::Lang::En);
        let m = parse(text, &Location::root(), &mut sink);
        assert!(sink.is_empty(), "{text}");
        format(&m.unwrap())
    }

    #[test]
    fn forms() {
        assert_eq!(ok("2026-11-28T08:30"), "2026-11-28T08:30");
        assert_eq!(ok("2026-11-28 08:30:15"), "2026-11-28T08:30:15");
        assert_eq!(ok("28/11/2026 8:30"), "2026-11-28T08:30");
        assert_eq!(ok("08:30 28/11/2026"), "2026-11-28T08:30");
        assert_eq!(ok("28/11/2026"), "2026-11-28");
        let mut sink = IssueSink::new(crate::Lang::En);
        assert!(parse("28/11/2026 25:00", &Location::root(), &mut sink).is_none());
        assert!(sink.finish().has_code("case.time_invalid"));
    }
}
