//! The report: invalid data is a result, not an error.
//!
//! Every rule writes what it finds into an [`IssueSink`] at a [`Location`]; the sink renders
//! the message in the caller's language from the code catalog ([`crate::codes`]) and the
//! finished [`Report`] lists every issue in a deterministic order (input order, then rule
//! order). Nothing here uses a hash map, so the same input gives byte-identical output.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{CodeDef, Lang};

/// How serious an issue is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record cannot be accepted as it is.
    Error,
    /// The record is accepted, but a person should look at this.
    Warning,
}

impl Severity {
    /// The lower-case name used in JSON (`error`, `warning`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::Severity::Warning.as_str(), "warning");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing found wrong (or worth a look) in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Issue {
    /// RFC 6901 JSON Pointer into the input, e.g. `/guardians/0/phone`; `""` is the whole record.
    pub path: String,
    /// Stable dotted code, e.g. `phone.unknown_prefix`. The code is the contract.
    pub code: String,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The values the message needs (never a full personal ID, phone number or name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, serde_json::Value>,
    /// The message rendered in the requested language.
    pub message: String,
    /// The rule that raised the issue, e.g. `vn.phone`.
    pub rule: String,
}

/// The outcome of validating one record: `ok` is false when any issue is an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// True when no issue has severity `error` (warnings do not make a record invalid).
    pub ok: bool,
    /// Every issue found, in input order then rule order.
    pub issues: Vec<Issue>,
}

impl Report {
    /// A report with no issues.
    ///
    /// # Examples
    /// ```
    /// let report = treem::Report::clean();
    /// assert!(report.ok && report.issues.is_empty());
    /// ```
    pub fn clean() -> Report {
        Report {
            ok: true,
            issues: Vec::new(),
        }
    }

    /// Builds a report from issues, computing `ok` (false when any issue is an error): for
    /// a caller that adds issues of its own to the library's.
    ///
    /// # Examples
    /// ```
    /// use treem::{Issue, Report, Severity};
    /// let mine = Issue { path: "/school_id".into(), code: "portal.unknown_school".into(),
    ///     severity: Severity::Error, params: Default::default(),
    ///     message: "Unknown school".into(), rule: "portal".into() };
    /// let report = Report::from_issues(vec![mine]);
    /// assert!(!report.ok);
    /// ```
    pub fn from_issues(issues: Vec<Issue>) -> Report {
        let ok = !issues.iter().any(|i| i.severity == Severity::Error);
        Report { ok, issues }
    }

    /// Number of issues with severity `error`.
    ///
    /// # Examples
    /// ```
    /// let report = treem::api::validate("child", br#"{"sex": "x"}"#, br#"{"as_of": "2026-11-28"}"#)?;
    /// assert_eq!(report.error_count(), 1);
    /// assert_eq!(report.warning_count(), 0);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn error_count(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count()
    }

    /// Number of issues with severity `warning` (they do not make the record invalid).
    ///
    /// # Examples
    /// ```
    /// // Without `as_of` the rules that need a date are skipped, with a warning.
    /// let report = treem::api::validate("child", br#"{"date_of_birth": "2016-08-13"}"#, b"")?;
    /// assert!(report.ok);
    /// assert_eq!(report.warning_count(), 1);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn warning_count(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
            .count()
    }

    /// True when some issue carries `code` (a constant of [`crate::codes`]).
    ///
    /// # Examples
    /// ```
    /// use treem::codes;
    /// let report = treem::api::validate("child", br#"{"sex": "x"}"#, b"")?;
    /// assert!(report.has_code(codes::child::SEX_UNKNOWN));
    /// assert!(!report.has_code(codes::child::BIRTH_IN_FUTURE));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn has_code(&self, code: &str) -> bool {
        self.issues.iter().any(|i| i.code == code)
    }
}

/// A place in the input, built as the rules walk down the record.
///
/// Locations are linked to their parent on the stack and only turned into a JSON Pointer
/// string when an issue is actually raised, so walking a clean record allocates nothing.
///
/// ```
/// use treem::report::Location;
/// let root = Location::root();
/// let guardians = root.key("guardians");
/// let first = guardians.index(0);
/// assert_eq!(first.key("phone").to_pointer(), "/guardians/0/phone");
/// assert_eq!(root.key("a/b~c").to_pointer(), "/a~1b~0c");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Location<'a> {
    parent: Option<&'a Location<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl Location<'static> {
    /// The whole record (`""`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::report::Location::root().to_pointer(), "");
    /// ```
    pub const fn root() -> Location<'static> {
        Location {
            parent: None,
            segment: Segment::Root,
        }
    }
}

impl<'a> Location<'a> {
    /// The member `key` of the object at this location.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::report::Location;
    /// let root = Location::root();
    /// assert_eq!(root.key("child_id").to_pointer(), "/child_id");
    /// ```
    pub fn key(&'a self, key: &'a str) -> Location<'a> {
        Location {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The element `index` of the array at this location.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::report::Location;
    /// let root = Location::root();
    /// assert_eq!(root.index(3).to_pointer(), "/3");
    /// ```
    pub fn index(&'a self, index: usize) -> Location<'a> {
        Location {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The RFC 6901 JSON Pointer of this location (`~` written `~0`, `/` written `~1`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::report::Location;
    /// let root = Location::root();
    /// let offenders = root.key("offenders");
    /// assert_eq!(offenders.index(0).key("a/b").to_pointer(), "/offenders/0/a~1b");
    /// ```
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        self.write_pointer(&mut out);
        out
    }

    /// Writes the parent's pointer, then this segment: no list of the segments is built
    /// (every issue raised writes its pointer, and a report's pointers are mostly plain keys).
    fn write_pointer(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_pointer(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(key) => {
                out.push('/');
                if key.bytes().any(|b| b == b'~' || b == b'/') {
                    for ch in key.chars() {
                        match ch {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            other => out.push(other),
                        }
                    }
                } else {
                    out.push_str(key);
                }
            }
            Segment::Index(index) => {
                out.push('/');
                let _ = write!(out, "{index}");
            }
        }
    }
}

/// A parameter value for a message.
pub type Param = (&'static str, serde_json::Value);

crate::codes! {
    /// The report stopped listing issues at [`MAX_ISSUES`]: a record that raises more is
    /// garbage (a million-element array of the wrong type), and listing each would make the
    /// answer hundreds of times larger than the input. `ok` still counts every issue.
    REPORT_TRUNCATED = "report.truncated", Warning, "report", "treem",
        "Còn {dropped} lỗi khác không được liệt kê (báo cáo chỉ liệt kê tối đa {max} mục)",
        "{dropped} more issues are not listed (a report lists at most {max})";
}

/// The most issues one report lists; the rest are counted in one `report.truncated` issue.
/// Bounds the memory and size of an answer whatever the input (a 4 MB array of a million
/// wrongly typed elements otherwise made 1,000,000 issues and 2.8 GB of memory).
pub const MAX_ISSUES: usize = 1000;

/// Collects issues as rules find them, rendering each message in one language.
#[derive(Debug)]
pub struct IssueSink {
    lang: Lang,
    issues: Vec<Issue>,
    /// Issues raised past [`MAX_ISSUES`], counted but not kept.
    dropped: usize,
    /// Whether a dropped issue was an error (so `ok` stays truthful).
    dropped_error: bool,
}

impl IssueSink {
    /// An empty sink that renders messages in `lang`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{report::IssueSink, Lang};
    /// let sink = IssueSink::new(Lang::En);
    /// assert!(sink.is_empty());
    /// assert_eq!(sink.finish().error_count(), 0);
    /// ```
    pub fn new(lang: Lang) -> IssueSink {
        IssueSink {
            lang,
            issues: Vec::new(),
            dropped: 0,
            dropped_error: false,
        }
    }

    /// A sink holding `issues` already raised, plus `dropped` more counted but not kept
    /// (`dropped_error` when one of those was an error): how issues collected elsewhere, in
    /// an order of their own, rejoin a report within the same limit.
    #[cfg(feature = "indicators")]
    pub(crate) fn from_parts(
        lang: Lang,
        issues: Vec<Issue>,
        dropped: usize,
        dropped_error: bool,
    ) -> IssueSink {
        IssueSink {
            lang,
            issues,
            dropped,
            dropped_error,
        }
    }

    /// The language messages are rendered in.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{report::IssueSink, Lang};
    /// assert_eq!(IssueSink::new(Lang::Vi).lang(), Lang::Vi);
    /// ```
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Raises the issue `def` at `location` with the given message parameters.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// let root = Location::root();
    /// sink.push(&CASE_REPORT_TIME_MISSING, &root.key("steps").key("intake"), []);
    /// assert!(sink.finish().has_code("case.report_time_missing"));
    /// ```
    pub fn push<I>(&mut self, def: &'static CodeDef, location: &Location<'_>, params: I)
    where
        I: IntoIterator<Item = Param>,
    {
        self.push_at(def, location.to_pointer(), params);
    }

    /// Raises the issue `def` at an already-built JSON Pointer.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// sink.push_at(&CASE_REPORT_TIME_MISSING, "/steps/intake".to_string(), []);
    /// assert_eq!(sink.into_issues()[0].path, "/steps/intake");
    /// ```
    pub fn push_at<I>(&mut self, def: &'static CodeDef, path: String, params: I)
    where
        I: IntoIterator<Item = Param>,
    {
        if self.drop_when_full(def) {
            return;
        }
        // Inserted one by one, not `collect`ed: `BTreeMap::from_iter` sorts, and its sort is
        // instantiated again for every distinct parameter list (about 17 KB of WebAssembly);
        // a repeated name keeps its last value either way.
        let mut map = BTreeMap::new();
        for (name, value) in params {
            map.insert(name.to_owned(), value);
        }
        self.push_params(def, path, map);
    }

    /// Counts the issue as dropped when the sink is full; true when it was.
    fn drop_when_full(&mut self, def: &CodeDef) -> bool {
        if self.issues.len() < MAX_ISSUES {
            return false;
        }
        self.dropped += 1;
        self.dropped_error |= def.severity == Severity::Error;
        true
    }

    /// The non-generic rest of [`IssueSink::push_at`]: renders the message and keeps the issue.
    fn push_params(
        &mut self,
        def: &'static CodeDef,
        path: String,
        params: BTreeMap<String, serde_json::Value>,
    ) {
        let message = def.render(self.lang, &params);
        self.issues.push(Issue {
            path,
            code: def.code.to_owned(),
            severity: def.severity,
            params,
            message,
            rule: def.rule.to_owned(),
        });
    }

    /// Moves the issues of `other` (rendered in any language) to the end of this sink,
    /// within the same limit of [`MAX_ISSUES`].
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// let mut other = IssueSink::new(Lang::Vi);
    /// other.push(&CASE_REPORT_TIME_MISSING, &Location::root(), []);
    /// sink.extend(other);
    /// assert_eq!(sink.len(), 1);
    /// ```
    pub fn extend(&mut self, other: IssueSink) {
        for issue in other.issues {
            if self.issues.len() >= MAX_ISSUES {
                self.dropped += 1;
                self.dropped_error |= issue.severity == Severity::Error;
            } else {
                self.issues.push(issue);
            }
        }
        self.dropped += other.dropped;
        self.dropped_error |= other.dropped_error;
    }

    /// True when nothing has been raised.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// assert!(sink.is_empty());
    /// sink.push(&CASE_REPORT_TIME_MISSING, &Location::root(), []);
    /// assert!(!sink.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty() && self.dropped == 0
    }

    /// True when an error (not a warning) has been raised.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// sink.push(&CASE_REPORT_TIME_MISSING, &Location::root(), []); // a warning
    /// assert!(!sink.has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.dropped_error || self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Number of issues raised so far (listed or not).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// sink.push(&CASE_REPORT_TIME_MISSING, &Location::root(), []);
    /// assert_eq!(sink.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.issues.len() + self.dropped
    }

    /// The finished report.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// sink.push(&CASE_REPORT_TIME_MISSING, &Location::root(), []);
    /// let report = sink.finish();
    /// assert_eq!((report.error_count(), report.warning_count()), (0, 1));
    /// ```
    pub fn finish(self) -> Report {
        let errors = self.has_errors();
        let issues = self.into_issues();
        Report {
            ok: !errors,
            issues,
        }
    }

    /// The raw issues, for callers that embed them in a larger answer; past [`MAX_ISSUES`]
    /// the last one is `report.truncated`, counting the rest.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::CASE_REPORT_TIME_MISSING, report::{IssueSink, Location}, Lang};
    /// let mut sink = IssueSink::new(Lang::En);
    /// sink.push(&CASE_REPORT_TIME_MISSING, &Location::root().key("reported_at"), []);
    /// let issues = sink.into_issues();
    /// assert_eq!(issues[0].path, "/reported_at");
    /// assert_eq!(issues[0].code, "case.report_time_missing");
    /// ```
    pub fn into_issues(mut self) -> Vec<Issue> {
        if self.dropped > 0 {
            // Inserted, not collected: `BTreeMap::from_iter` links a sort of its own (as in
            // `push_at`).
            let mut params = BTreeMap::new();
            params.insert("dropped".to_owned(), serde_json::Value::from(self.dropped));
            params.insert("max".to_owned(), serde_json::Value::from(MAX_ISSUES));
            let message = REPORT_TRUNCATED.render(self.lang, &params);
            self.issues.push(Issue {
                path: String::new(),
                code: REPORT_TRUNCATED.code.to_owned(),
                severity: REPORT_TRUNCATED.severity,
                params,
                message,
                rule: REPORT_TRUNCATED.rule.to_owned(),
            });
        }
        self.issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The pointer is RFC 6901's: each key with `~` as `~0` and `/` as `~1`, each index
        /// in decimal, joined by `/` from the root.
        #[test]
        fn the_pointer_escapes_every_key(
            path in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-z~/é0-9_]{0,6}".prop_map(Ok::<String, usize>),
                    (0usize..2000).prop_map(Err::<String, usize>),
                ],
                0..5,
            )
        ) {
            let mut expected = String::new();
            for segment in &path {
                expected.push('/');
                match segment {
                    Ok(key) => expected.push_str(&key.replace('~', "~0").replace('/', "~1")),
                    Err(index) => expected.push_str(&index.to_string()),
                }
            }
            fn at(path: &[Result<String, usize>], here: &Location<'_>) -> String {
                match path.split_first() {
                    None => here.to_pointer(),
                    Some((Ok(key), rest)) => at(rest, &here.key(key)),
                    Some((Err(index), rest)) => at(rest, &here.index(*index)),
                }
            }
            proptest::prop_assert_eq!(at(&path, &Location::root()), expected);
        }
    }

    #[test]
    fn a_report_lists_at_most_max_issues_and_counts_the_rest() {
        let mut sink = IssueSink::new(Lang::En);
        for i in 0..MAX_ISSUES + 5 {
            let def = if i == MAX_ISSUES + 2 {
                &crate::fields::FIELD_REQUIRED
            } else {
                &crate::fields::RECORD_UNKNOWN_FIELD
            };
            sink.push(def, &Location::root().index(i), [("field", "x".into())]);
        }
        assert_eq!(sink.len(), MAX_ISSUES + 5);
        assert!(sink.has_errors());
        let report = sink.finish();
        // Only warnings are listed, but a dropped error still makes the record invalid.
        assert!(!report.ok);
        assert_eq!(report.issues.len(), MAX_ISSUES + 1);
        let last = report.issues.last().unwrap();
        assert_eq!(last.code, "report.truncated");
        assert_eq!(last.params["dropped"], 5);
        let mut warnings = IssueSink::new(Lang::Vi);
        for i in 0..MAX_ISSUES + 1 {
            warnings.push(
                &crate::fields::RECORD_UNKNOWN_FIELD,
                &Location::root().index(i),
                [("field", "x".into())],
            );
        }
        assert!(warnings.finish().ok);
    }

    #[test]
    fn root_pointer_is_empty() {
        assert_eq!(Location::root().to_pointer(), "");
    }

    #[test]
    fn pointer_escapes_per_rfc6901() {
        let root = Location::root();
        let a = root.key("");
        assert_eq!(a.to_pointer(), "/");
        let b = root.key("m~n");
        let c = b.key("a/b");
        assert_eq!(c.to_pointer(), "/m~0n/a~1b");
    }

    #[test]
    fn report_ok_ignores_warnings() {
        let mut sink = IssueSink::new(Lang::Vi);
        sink.push(
            &crate::fields::RECORD_UNKNOWN_FIELD,
            &Location::root().key("x"),
            [("field", "x".into())],
        );
        let report = sink.finish();
        assert!(report.ok);
        assert_eq!(report.warning_count(), 1);
    }
}
