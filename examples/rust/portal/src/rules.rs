//! Every call into treem, in one place: checking a posted record and computing the indicator
//! table of what is stored. The rest of the service sees only what this module answers
//! (an accepted canonical record, a report, an indicator answer), so a newer entry point of
//! the library changes this file alone.
//!
//! The date rules are judged at (`as_of`) is fixed when the service starts: the library
//! never reads the clock, and neither does this module.

use chrono::NaiveDate;
use serde_json::{json, Value};
use treem::case::Case;
use treem::child::Child;
use treem::indicator::Answer;
use treem::record::{Checked, Record};
use treem::{Issue, Report, Validator};

/// treem's misuse errors: the body is not UTF-8 JSON, not an object, too long; a bad option.
pub(crate) use treem::Error as RulesError;
/// The languages treem writes messages in (Vietnamese, English).
pub(crate) use treem::Lang;

/// The kinds of record the portal accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKind {
    /// treem's kind `child`: a child and their circumstances (Luật Trẻ em 2016).
    Child,
    /// treem's kind `case`: a protection case (Nghị định 56/2017/NĐ-CP).
    Case,
}

impl RecordKind {
    /// The kind's name in treem and in the database.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            RecordKind::Child => "child",
            RecordKind::Case => "case",
        }
    }

    /// The route of the kind's records: `/children`, `/cases`.
    pub(crate) const fn collection(self) -> &'static str {
        match self {
            RecordKind::Child => "/children",
            RecordKind::Case => "/cases",
        }
    }

    /// The kind of a name stored by [`RecordKind::as_str`].
    pub(crate) fn from_name(name: &str) -> Option<RecordKind> {
        match name {
            "child" => Some(RecordKind::Child),
            "case" => Some(RecordKind::Case),
            _ => None,
        }
    }
}

/// A record the rules accept, in treem's canonical form.
#[derive(Debug)]
pub(crate) struct Accepted {
    /// The checked record's canonical JSON (every member the caller sent, rewritten
    /// canonically; blank and null members left out).
    pub(crate) record: Value,
    /// The record's own `id` member, when it has one (cases name their child by it).
    pub(crate) record_id: Option<String>,
    /// Warnings: the record is accepted, and a person should look at these.
    pub(crate) warnings: Vec<Issue>,
}

/// What the rules say of a posted record.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// No error: store it.
    Accepted(Accepted),
    /// At least one error: the report goes back to the caller.
    Rejected(Report),
}

/// A stored record as the indicator feed reads it.
#[derive(Debug)]
pub(crate) struct StoredRecord {
    /// The kind it was stored as.
    pub(crate) kind: RecordKind,
    /// Its row in the database.
    pub(crate) row: i64,
    /// Its canonical form.
    pub(crate) record: Value,
}

/// The options every check is made with: one treem validator per language, built once.
#[derive(Debug, Clone)]
pub(crate) struct Rules {
    as_of: NaiveDate,
    suppression_threshold: Option<u64>,
    vi: Validator,
    en: Validator,
}

impl Rules {
    /// Rules judged at `as_of`; indicator cells below `suppression_threshold` are hidden
    /// (treem's default, 5, when `None`).
    pub(crate) fn new(as_of: NaiveDate, suppression_threshold: Option<u64>) -> Rules {
        Rules {
            as_of,
            suppression_threshold,
            vi: Validator::from(treem::Context::at(as_of).with_lang(Lang::Vi)),
            en: Validator::from(treem::Context::at(as_of).with_lang(Lang::En)),
        }
    }

    /// Checks `body` as a record of `kind` (treem's checked record: the rules, then the
    /// record read into domain values); messages in `lang`.
    ///
    /// # Errors
    /// treem's misuse errors: the body is not UTF-8 JSON (`not_json`, `invalid_utf8`), not
    /// an object (`wrong_top_level_type`), or longer than 1 MiB (`record_too_large`).
    pub(crate) fn check(
        &self,
        kind: RecordKind,
        body: &[u8],
        lang: Lang,
    ) -> Result<Outcome, RulesError> {
        let validator = match lang {
            Lang::En => &self.en,
            _ => &self.vi,
        };
        Ok(match kind {
            RecordKind::Child => outcome(validator.check_bytes::<Child>(body)?, |c| c.id.clone()),
            RecordKind::Case => outcome(validator.check_bytes::<Case>(body)?, |c| c.id.clone()),
        })
    }

    /// The indicator table (TT 13/2021/TT-BLĐTBXH and treem's own) of the stored records,
    /// for `period` (a year such as `2026`; default the year of `as_of`). treem joins each
    /// case to its child by `child_id`; an issue about a record points at its resource
    /// (`/cases/7/child_id`) rather than at its place in the feed.
    ///
    /// # Errors
    /// `invalid_option` for a period treem does not read.
    pub(crate) fn indicators(
        &self,
        stored: &[StoredRecord],
        lang: Lang,
        period: Option<&str>,
    ) -> Result<Answer, RulesError> {
        let items: Vec<Value> = stored
            .iter()
            .map(|s| json!({"kind": s.kind.as_str(), "record": s.record}))
            .collect();
        let mut options = serde_json::Map::new();
        options.insert("as_of".into(), self.as_of.to_string().into());
        options.insert("lang".into(), lang.as_str().into());
        if let Some(period) = period {
            options.insert("period".into(), period.into());
        }
        if let Some(threshold) = self.suppression_threshold {
            options.insert("suppression_threshold".into(), threshold.into());
        }
        let options = Value::Object(options).to_string();
        let input = Value::Array(items).to_string();
        let mut answer = treem::api::indicators(input.as_bytes(), options.as_bytes())?;
        for issue in &mut answer.issues {
            issue.path = resource_path(&issue.path, stored);
        }
        Ok(answer)
    }
}

/// What the rules said of a record, with the checked record as its canonical JSON.
fn outcome<R: Record>(
    checked: Result<Checked<R>, Report>,
    id: impl Fn(&R) -> Option<String>,
) -> Outcome {
    let (record, warnings) = match checked {
        Ok(checked) => checked.into_parts(),
        Err(report) => return Outcome::Rejected(report),
    };
    match serde_json::to_value(&record) {
        Ok(canonical) => Outcome::Accepted(Accepted {
            record_id: id(&record),
            record: canonical,
            warnings: warnings.issues,
        }),
        // A checked record is plain data (text, numbers, dates as ISO text): serde_json
        // cannot fail on it. Were it ever to, the record is refused, not stored half-read.
        Err(_) => Outcome::Rejected(warnings),
    }
}

/// `/3/record/child_id` (the fourth item of the feed) as `/cases/7/child_id` (its row).
fn resource_path(path: &str, stored: &[StoredRecord]) -> String {
    let mut segments = path.splitn(3, '/').skip(1);
    let index = segments.next().and_then(|i| i.parse::<usize>().ok());
    let Some(item) = index.and_then(|i| stored.get(i)) else {
        return path.to_owned();
    };
    let inner = match segments.next() {
        None => String::new(),
        // Records are fed as `{"kind", "record"}`: the path goes on inside the record.
        Some(rest) => match rest.strip_prefix("record") {
            Some(inner) if inner.is_empty() || inner.starts_with('/') => inner.to_owned(),
            _ => format!("/{rest}"),
        },
    };
    format!("{}/{}{inner}", item.kind.collection(), item.row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn a_valid_child_comes_back_canonical() {
        let body = r#"{"id": "A-1", "date_of_birth": "20/05/2016", "sex": "nữ"}"#.as_bytes();
        let Outcome::Accepted(accepted) = Rules::new(day(), None)
            .check(RecordKind::Child, body, Lang::En)
            .unwrap()
        else {
            panic!("rejected")
        };
        assert_eq!(accepted.record["date_of_birth"], "2016-05-20");
        assert_eq!(accepted.record["sex"], "female");
        assert_eq!(accepted.record_id.as_deref(), Some("A-1"));
    }

    #[test]
    fn an_invalid_child_is_a_report_in_the_callers_language() {
        let body = br#"{"date_of_birth": "31/2/2020"}"#;
        let rules = Rules::new(day(), None);
        let Outcome::Rejected(report) = rules.check(RecordKind::Child, body, Lang::En).unwrap()
        else {
            panic!("accepted")
        };
        assert_eq!(report.issues[0].code, "date.impossible");
        assert!(rules.check(RecordKind::Child, b"[]", Lang::Vi).is_err());
    }

    #[test]
    fn feed_paths_become_resource_paths() {
        let stored = [
            StoredRecord {
                kind: RecordKind::Child,
                row: 4,
                record: json!({}),
            },
            StoredRecord {
                kind: RecordKind::Case,
                row: 9,
                record: json!({}),
            },
        ];
        assert_eq!(
            resource_path("/1/record/child_id", &stored),
            "/cases/9/child_id"
        );
        assert_eq!(resource_path("/0", &stored), "/children/4");
        assert_eq!(resource_path("/0/kind", &stored), "/children/4/kind");
        assert_eq!(
            resource_path("/1/recordings", &stored),
            "/cases/9/recordings"
        );
        assert_eq!(resource_path("/7/record", &stored), "/7/record");
        assert_eq!(resource_path("", &stored), "");
    }
}
