//! The summary of a run: counts by issue code and by field, the first rows to look at, with
//! labels in the run's language (Vietnamese by default: officers read this).

use std::collections::BTreeMap;
use std::io::Write;

use treem::{Lang, Severity};

use super::write_failed;
use crate::check::Outcome;
use crate::failure::Failure;

/// How many invalid rows the summary lists by number.
const FIRST_ROWS: usize = 10;
/// How many codes and fields the table lists.
const TOP: usize = 15;

/// What is known about the run before the records: echoed at the top of every answer.
pub(crate) struct Header {
    /// Where the records came from.
    pub(crate) source: String,
    /// The kind.
    pub(crate) kind: treem::Kind,
    /// The options in force (`as_of`, `lang`, `edition`).
    pub(crate) options: serde_json::Value,
    /// Columns of a table that feed no field (kept, not validated).
    pub(crate) unmapped: Vec<String>,
}

/// Counts gathered while the outcomes stream past.
#[derive(Default)]
pub(crate) struct Tally {
    /// Records read (readable or not).
    pub(crate) records: u64,
    /// Records with an error (including unreadable rows).
    pub(crate) invalid: u64,
    /// Rows that could not be read as a record.
    pub(crate) unreadable: u64,
    /// Records with at least one warning and no error.
    pub(crate) warned: u64,
    /// Values rewritten by cleaning.
    pub(crate) changes: u64,
    by_code: BTreeMap<String, (Severity, u64)>,
    by_path: BTreeMap<String, u64>,
    first_rows: Vec<u64>,
}

impl Tally {
    /// Counts one outcome.
    pub(crate) fn add(&mut self, outcome: &Outcome) {
        self.records += 1;
        self.changes += outcome.changes as u64;
        if outcome.unreadable {
            self.unreadable += 1;
        }
        if !outcome.ok {
            self.invalid += 1;
            if self.first_rows.len() < FIRST_ROWS {
                self.first_rows.push(outcome.row);
            }
        } else if !outcome.issues.is_empty() {
            self.warned += 1;
        }
        for issue in &outcome.issues {
            let entry = self
                .by_code
                .entry(issue.code.clone())
                .or_insert((issue.severity, 0));
            entry.1 += 1;
            let path = if issue.path.is_empty() {
                "/"
            } else {
                issue.path.as_str()
            };
            *self.by_path.entry(path.to_owned()).or_insert(0) += 1;
        }
    }

    /// True when every record is valid (warnings allowed): exit code 0.
    pub(crate) fn all_valid(&self) -> bool {
        self.invalid == 0
    }

    /// The counts as JSON members: records, invalid, unreadable, warned, changes, counts.
    pub(crate) fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut map = serde_json::Map::new();
        map.insert("records".into(), self.records.into());
        map.insert("invalid".into(), self.invalid.into());
        map.insert("unreadable".into(), self.unreadable.into());
        map.insert("warned".into(), self.warned.into());
        map.insert("changes".into(), self.changes.into());
        let counts: serde_json::Map<_, _> = self
            .by_code
            .iter()
            .map(|(code, (_, n))| (code.clone(), (*n).into()))
            .collect();
        map.insert("counts".into(), counts.into());
        map
    }

    /// The summary table for people.
    pub(crate) fn write_table(&self, header: &Header, out: &mut dyn Write) -> Result<(), Failure> {
        let lang = treem::Context::from_options_value(&header.options)
            .map(|c| c.lang)
            .unwrap_or_default();
        let l = Labels::of(lang);
        let as_of = header
            .options
            .get("as_of")
            .and_then(|v| v.as_str())
            .unwrap_or("-");
        let mut text = String::new();
        text.push_str(&format!(
            "treem · {} ({}) · {}: {}\n",
            header.kind.label(lang),
            header.kind.name(),
            l.source,
            header.source
        ));
        text.push_str(&format!("{}: {as_of}\n", l.as_of));
        if !header.unmapped.is_empty() {
            text.push_str(&format!("{}: {}\n", l.unmapped, header.unmapped.join(", ")));
        }
        text.push_str(&format!(
            "{}: {} · {}: {} · {}: {} · {}: {} · {}: {}\n",
            l.records,
            self.records,
            l.valid,
            self.records - self.invalid,
            l.invalid,
            self.invalid,
            l.unreadable,
            self.unreadable,
            l.warned,
            self.warned
        ));
        if self.changes > 0 {
            text.push_str(&format!("{}: {}\n", l.changes, self.changes));
        }
        if !self.by_code.is_empty() {
            text.push_str(&format!("\n{}\n", l.by_code));
            let mut codes: Vec<_> = self.by_code.iter().collect();
            codes.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(b.0)));
            codes.truncate(TOP);
            // Columns as wide as their longest entry, so a long code keeps the meanings
            // aligned (widths count characters: the labels are Vietnamese).
            let code_width = codes
                .iter()
                .map(|(code, _)| code.chars().count())
                .chain([l.code.chars().count()])
                .max()
                .unwrap_or(0);
            let severity_width = [l.severity, l.error, l.warning]
                .iter()
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            text.push_str(&format!(
                "{:>9}  {:<severity_width$} {:<code_width$} {}\n",
                l.count, l.severity, l.code, l.meaning
            ));
            for (code, (severity, n)) in codes {
                let meaning = treem::codes::get(code)
                    .map(|def| blank_placeholders(def.template(lang)))
                    .unwrap_or_default();
                let severity = match severity {
                    Severity::Error => l.error,
                    Severity::Warning => l.warning,
                };
                text.push_str(&format!(
                    "{n:>9}  {severity:<severity_width$} {code:<code_width$} {meaning}\n"
                ));
            }
            text.push_str(&format!("\n{}\n", l.by_field));
            let mut paths: Vec<_> = self.by_path.iter().collect();
            paths.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (path, n) in paths.into_iter().take(TOP) {
                text.push_str(&format!("{n:>9}  {path}\n"));
            }
        }
        if !self.first_rows.is_empty() {
            let rows: Vec<String> = self.first_rows.iter().map(u64::to_string).collect();
            text.push_str(&format!("\n{}: {}\n", l.first_rows, rows.join(", ")));
        }
        out.write_all(text.as_bytes()).map_err(write_failed)
    }
}

/// A message template with each `{param}` shown as `…`: the meaning of a code, no data.
fn blank_placeholders(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut inside = false;
    for ch in template.chars() {
        match ch {
            '{' => {
                inside = true;
                out.push('…');
            }
            '}' => inside = false,
            _ if inside => {}
            other => out.push(other),
        }
    }
    out
}

/// The labels of the summary in one language.
struct Labels {
    source: &'static str,
    as_of: &'static str,
    unmapped: &'static str,
    records: &'static str,
    valid: &'static str,
    invalid: &'static str,
    unreadable: &'static str,
    warned: &'static str,
    changes: &'static str,
    by_code: &'static str,
    by_field: &'static str,
    count: &'static str,
    severity: &'static str,
    code: &'static str,
    meaning: &'static str,
    error: &'static str,
    warning: &'static str,
    first_rows: &'static str,
}

impl Labels {
    fn of(lang: Lang) -> Labels {
        match lang {
            Lang::Vi => Labels {
                source: "nguồn",
                as_of: "Ngày tính",
                unmapped: "Cột không kiểm tra (giữ nguyên)",
                records: "Số bản ghi",
                valid: "hợp lệ",
                invalid: "có lỗi",
                unreadable: "dòng không đọc được",
                warned: "chỉ có cảnh báo",
                changes: "Số giá trị đã chuẩn hoá",
                by_code: "Các lỗi thường gặp (theo mã)",
                by_field: "Trường có nhiều vấn đề nhất",
                count: "Số lượng",
                severity: "Mức",
                code: "Mã",
                meaning: "Nội dung",
                error: "lỗi",
                warning: "cảnh báo",
                first_rows: "Các dòng có lỗi đầu tiên",
            },
            Lang::En => Labels {
                source: "source",
                as_of: "As of",
                unmapped: "Columns not checked (kept)",
                records: "Records",
                valid: "valid",
                invalid: "invalid",
                unreadable: "unreadable rows",
                warned: "warnings only",
                changes: "Values normalised",
                by_code: "Most frequent issues (by code)",
                by_field: "Fields with the most issues",
                count: "Count",
                severity: "Severity",
                code: "Code",
                meaning: "Meaning",
                error: "error",
                warning: "warning",
                first_rows: "First invalid rows",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_blanked() {
        assert_eq!(
            blank_placeholders("Năm {year} nằm ngoài"),
            "Năm … nằm ngoài"
        );
        assert_eq!(blank_placeholders("no params"), "no params");
    }
}
