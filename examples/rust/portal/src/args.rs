//! The command line: `--port`, `--db`, `--as-of`, `--suppression-threshold`, each also
//! from the environment (`TREEM_PORTAL_PORT`, ...), the flag winning.

use std::path::PathBuf;

use chrono::NaiveDate;

/// What the service is started with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Args {
    /// The port on 127.0.0.1; 0 asks the system for a free one.
    pub(crate) port: u16,
    /// The SQLite file (created when missing).
    pub(crate) db: PathBuf,
    /// The date rules are judged at; `None`: today in Viet Nam, read by `main`.
    pub(crate) as_of: Option<NaiveDate>,
    /// Indicator cells below this count are hidden; `None`: treem's default (5).
    pub(crate) suppression_threshold: Option<u64>,
}

/// The help text.
pub(crate) const USAGE: &str = "\
treem-portal: an HTTP service that checks child and case records with treem and stores
the accepted ones in SQLite. Listens on 127.0.0.1 and prints its address first.

Options (each also from the environment variable named after it):
  --port N                   port, 0 for a free one (TREEM_PORTAL_PORT; default 8080)
  --db PATH                  SQLite file (TREEM_PORTAL_DB; default treem-portal.sqlite3)
  --as-of YYYY-MM-DD         date the rules are judged at (TREEM_PORTAL_AS_OF; default today
                             in Viet Nam, UTC+7)
  --suppression-threshold N  indicator counts from 1 to N-1 are hidden
                             (TREEM_PORTAL_SUPPRESSION_THRESHOLD; default 5)
  --help                     this text
";

/// Reads the flags (`args` without the program name) over the environment (`env`).
///
/// # Errors
/// A message naming the flag or variable that is unknown, lacks a value, or does not read.
/// `Ok(None)` for `--help`.
pub(crate) fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Args>, String> {
    let mut values = [
        ("--port", "TREEM_PORTAL_PORT", None),
        ("--db", "TREEM_PORTAL_DB", None),
        ("--as-of", "TREEM_PORTAL_AS_OF", None),
        (
            "--suppression-threshold",
            "TREEM_PORTAL_SUPPRESSION_THRESHOLD",
            None,
        ),
    ];
    for (_, var, value) in &mut values {
        *value = env(var).map(|v| ((*var).to_owned(), v));
    }
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let Some((_, _, slot)) = values.iter_mut().find(|(f, _, _)| *f == flag) else {
            return Err(format!("unknown option {flag:?} (see --help)"));
        };
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{flag} needs a value"))?;
        *slot = Some((flag, value));
    }
    let [port, db, as_of, threshold] = values.map(|(_, _, value)| value);
    Ok(Some(Args {
        port: read(port, "a port number (0-65535)", |v| v.parse().ok())?.unwrap_or(8080),
        db: db.map_or_else(
            || PathBuf::from("treem-portal.sqlite3"),
            |(_, v)| PathBuf::from(v),
        ),
        as_of: read(as_of, "a date YYYY-MM-DD", |v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
        })?,
        suppression_threshold: read(threshold, "a whole number", |v| v.parse().ok())?,
    }))
}

/// A value read by `parse`, or a message naming where it came from.
fn read<T>(
    given: Option<(String, String)>,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    given
        .map(|(from, value)| {
            parse(value.trim()).ok_or_else(|| format!("{from}: expected {expected}"))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flags_win_over_the_environment() {
        let env = |var: &str| match var {
            "TREEM_PORTAL_PORT" => Some("9000".to_owned()),
            "TREEM_PORTAL_DB" => Some("env.sqlite3".to_owned()),
            _ => None,
        };
        let parsed = parse(args(&["--port", "0", "--as-of=2026-11-28"]), env)
            .unwrap()
            .unwrap();
        assert_eq!(parsed.port, 0);
        assert_eq!(parsed.db, PathBuf::from("env.sqlite3"));
        assert_eq!(parsed.as_of, NaiveDate::from_ymd_opt(2026, 11, 28));
        assert_eq!(parsed.suppression_threshold, None);
    }

    #[test]
    fn defaults_and_mistakes() {
        let parsed = parse(args(&[]), |_| None).unwrap().unwrap();
        assert_eq!((parsed.port, parsed.as_of), (8080, None));
        assert_eq!(parse(args(&["--help"]), |_| None), Ok(None));
        assert!(parse(args(&["--port"]), |_| None)
            .unwrap_err()
            .contains("needs a value"));
        assert!(parse(args(&["--nope", "1"]), |_| None)
            .unwrap_err()
            .contains("unknown"));
        let bad_date = parse(args(&[]), |v| {
            (v == "TREEM_PORTAL_AS_OF").then(|| "28/11".into())
        });
        assert_eq!(
            bad_date.unwrap_err(),
            "TREEM_PORTAL_AS_OF: expected a date YYYY-MM-DD"
        );
    }
}
