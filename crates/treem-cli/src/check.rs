//! The work done for one record on a worker thread: parse, validate or clean, and render.

use treem::report::{IssueSink, Location};
use treem::{Issue, Kind};

use crate::input::mapping::Columns;
use crate::input::{BadRow, Body, Kept, Problem, RawRecord};

/// What a run does to each record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Report issues.
    Validate,
    /// Rewrite into canonical form, then report what is still wrong.
    Clean,
}

/// Everything a worker needs to check records; shared read-only by all workers.
pub(crate) struct Checker {
    /// The kind of every record.
    pub(crate) kind: Kind,
    /// The context rules are judged in.
    pub(crate) ctx: treem::Context,
    /// Validate or clean.
    pub(crate) mode: Mode,
    /// For tables: the columns, so cleaned values go back into their cells.
    pub(crate) columns: Option<Columns>,
}

/// The result for one record, in the order it was read.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// Line or row number in the source.
    pub(crate) row: u64,
    /// No error-severity issue.
    pub(crate) ok: bool,
    /// The row could not be read at all.
    pub(crate) unreadable: bool,
    /// Every issue, messages in the run's language.
    pub(crate) issues: Vec<Issue>,
    /// How many values cleaning rewrote.
    pub(crate) changes: usize,
    /// The record to write when cleaning.
    pub(crate) cleaned: Option<Cleaned>,
}

/// A cleaned record, ready to write in the input's format.
#[derive(Debug)]
pub(crate) enum Cleaned {
    /// One JSON value (NDJSON line or array element).
    Json(String),
    /// A line or element that is not JSON, as it was written.
    Verbatim(String),
    /// The cells of a table row.
    Cells(Vec<String>),
}

impl Checker {
    /// Checks one record.
    pub(crate) fn check(&self, record: RawRecord) -> Outcome {
        let row = record.row;
        match record.body {
            // Too long to parse (the core's limit, `max_record_bytes`): reported, and kept as
            // written when cleaning (only `validate`'s readers drop the bytes).
            Body::Json(bytes) if bytes.len() > self.ctx.max_record_bytes() => {
                let issue = too_large_issue(&self.ctx, bytes.len());
                let kept = Cleaned::Verbatim(String::from_utf8_lossy(&bytes).into_owned());
                self.unreadable(row, issue, kept)
            }
            Body::TooLarge(len) => {
                let issue = too_large_issue(&self.ctx, len);
                self.unreadable(row, issue, Cleaned::Verbatim(String::new()))
            }
            Body::Json(bytes) if self.mode == Mode::Validate => {
                // The fast path reads the draft straight from the bytes; anything it refuses
                // (not JSON, not an object) takes the path below, which names the problem.
                match self.kind.validate_json(&bytes, &self.ctx) {
                    Ok(report) => Outcome {
                        row,
                        ok: report.ok,
                        unreadable: false,
                        issues: report.issues,
                        changes: 0,
                        cleaned: None,
                    },
                    Err(_) => self.parsed(row, bytes),
                }
            }
            Body::Json(bytes) => self.parsed(row, bytes),
            Body::Row { cells, record } => {
                let columns = self.columns.as_ref();
                self.judge(
                    row,
                    &record,
                    || Cleaned::Cells(cells.clone()),
                    |v| Cleaned::Cells(rewrite_cells(columns, &cells, v)),
                )
            }
            Body::Bad(bad) => {
                let issue = bad_row_issue(self.ctx.lang, &bad);
                let Kept::Cells(cells) = bad.kept;
                let kept = Cleaned::Cells(cells);
                self.unreadable(row, issue, kept)
            }
        }
    }

    /// Parses JSON bytes into a value, then validates or cleans it; bytes that are not a JSON
    /// value (or not UTF-8) are reported and kept as written.
    fn parsed(&self, row: u64, bytes: Vec<u8>) -> Outcome {
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(value) => self.judge(
                row,
                &value,
                || Cleaned::Json(String::from_utf8_lossy(&bytes).into_owned()),
                |v| Cleaned::Json(v.to_string()),
            ),
            Err(e) => {
                let issue = match std::str::from_utf8(&bytes) {
                    Ok(_) => not_object_issue(
                        self.ctx.lang,
                        format!("invalid JSON (column {})", e.column()),
                    ),
                    Err(bad) => not_utf8_issue(self.ctx.lang, bad.valid_up_to()),
                };
                let kept = String::from_utf8_lossy(&bytes).into_owned();
                self.unreadable(row, issue, Cleaned::Verbatim(kept))
            }
        }
    }

    /// Validates (or cleans) a parsed record; a value that is not an object is reported.
    fn judge(
        &self,
        row: u64,
        value: &serde_json::Value,
        as_written: impl FnOnce() -> Cleaned,
        rewritten: impl FnOnce(&serde_json::Value) -> Cleaned,
    ) -> Outcome {
        let not_object =
            || not_object_issue(self.ctx.lang, treem::__private::type_name(value).to_owned());
        match self.mode {
            Mode::Validate => match self.kind.validate(value, &self.ctx) {
                Ok(report) => Outcome {
                    row,
                    ok: report.ok,
                    unreadable: false,
                    issues: report.issues,
                    changes: 0,
                    cleaned: None,
                },
                Err(_) => self.unreadable(row, not_object(), as_written()),
            },
            Mode::Clean => match self.kind.normalize(value, &self.ctx) {
                Ok(normalized) => Outcome {
                    row,
                    ok: normalized.report.ok,
                    unreadable: false,
                    issues: normalized.report.issues,
                    changes: normalized.changes.len(),
                    cleaned: Some(rewritten(&normalized.record)),
                },
                Err(_) => self.unreadable(row, not_object(), as_written()),
            },
        }
    }

    /// The outcome of a row that is not a record: one issue, kept as written.
    fn unreadable(&self, row: u64, issue: Issue, kept: Cleaned) -> Outcome {
        Outcome {
            row,
            ok: false,
            unreadable: true,
            issues: vec![issue],
            changes: 0,
            cleaned: (self.mode == Mode::Clean).then_some(kept),
        }
    }
}

/// The cells of a row with each field's cleaned value put back into the column that
/// supplied it (the first non-blank cell of that field); other cells stay as written.
fn rewrite_cells(
    columns: Option<&Columns>,
    cells: &[String],
    cleaned: &serde_json::Value,
) -> Vec<String> {
    let mut out = cells.to_vec();
    let Some(columns) = columns else {
        return out;
    };
    let mut done: Vec<&str> = Vec::new();
    // Where the cells of chosen list elements (`guardians[relationship=father].full_name`)
    // went in the record as read, before normalising could rewrite what chose them.
    let read = columns
        .fields
        .iter()
        .flatten()
        .any(|f| crate::input::paths::chooses(f))
        .then(|| crate::input::tabular::record_from_cells(columns, cells));
    let cells_and_slots = columns.fields.iter().zip(cells).zip(out.iter_mut());
    for (column, ((field, cell), slot)) in cells_and_slots.enumerate() {
        let Some(field) = field.as_deref() else {
            continue;
        };
        if cell.trim().is_empty() || done.contains(&field) {
            continue;
        }
        if columns.shapes.get(column) == Some(&Some(crate::input::paths::Shape::Grade)) {
            // A class name ("5A") gives the grade; the cell keeps the class, which the
            // record has no member for.
            done.push(field);
            continue;
        }
        if columns.code_columns.iter().any(|(i, _)| *i == column) {
            // A unit by name keeps its name; its code goes in the added column below.
            done.push(field);
            continue;
        }
        done.push(field);
        let numbered = match &read {
            Some(read) if crate::input::paths::chooses(field) => {
                crate::input::paths::numbered(read, field)
            }
            _ => None,
        };
        let path = numbered.as_deref().unwrap_or(field);
        match crate::input::paths::value_at(cleaned, path) {
            Some(serde_json::Value::String(s)) => s.clone_into(slot),
            Some(serde_json::Value::Null) | None => {}
            // A list from one cell goes back into it as the officer would write it.
            Some(serde_json::Value::Array(items)) if items.iter().all(|i| i.is_string()) => {
                *slot = items
                    .iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            // A list of objects read from one cell (groups of special circumstances) has no
            // cell form: the officer's text stays.
            Some(serde_json::Value::Array(_)) => {}
            Some(other) => *slot = other.to_string(),
        }
    }
    for (_, field) in &columns.code_columns {
        let code = match crate::input::paths::value_at(cleaned, field) {
            Some(serde_json::Value::String(s)) if s.bytes().all(|b| b.is_ascii_digit()) => s,
            // Not read as a unit (unknown, ambiguous, split): no code to write; the name and
            // its issue say why.
            _ => "",
        };
        out.push(code.to_owned());
    }
    out
}

/// `record.not_object` at the root, as the core's batch entry point reports it.
pub(crate) fn not_object_issue(lang: treem::Lang, found: String) -> Issue {
    let mut sink = IssueSink::new(lang);
    sink.push(
        &treem::__private::RECORD_NOT_OBJECT,
        &Location::root(),
        [("found", found.into())],
    );
    first_issue(sink)
}

/// `record.too_large` at the root, as the core's batch entry point reports it.
pub(crate) fn too_large_issue(ctx: &treem::Context, len: usize) -> Issue {
    let mut sink = IssueSink::new(ctx.lang);
    sink.push(
        &treem::__private::RECORD_TOO_LARGE,
        &Location::root(),
        [
            ("bytes", len.into()),
            ("limit", ctx.max_record_bytes().into()),
        ],
    );
    first_issue(sink)
}

/// `row.not_utf8` at the root.
pub(crate) fn not_utf8_issue(lang: treem::Lang, offset: usize) -> Issue {
    let mut sink = IssueSink::new(lang);
    sink.push(
        &treem::__private::ROW_NOT_UTF8,
        &Location::root(),
        [("offset", offset.into())],
    );
    first_issue(sink)
}

/// The issue for a row that could not be read.
pub(crate) fn bad_row_issue(lang: treem::Lang, bad: &BadRow) -> Issue {
    let mut sink = IssueSink::new(lang);
    let root = Location::root();
    match &bad.problem {
        Problem::ColumnCount { found, expected } => sink.push(
            &treem::__private::ROW_COLUMN_COUNT,
            &root,
            [("found", (*found).into()), ("expected", (*expected).into())],
        ),
        Problem::Cell { column, reason } => sink.push(
            &treem::__private::ROW_CELL_UNREADABLE,
            &root,
            [
                ("column", treem::privacy::truncate(column, 40).into()),
                ("reason_vi", reason.0.into()),
                ("reason_en", reason.1.into()),
            ],
        ),
    }
    first_issue(sink)
}

fn first_issue(sink: IssueSink) -> Issue {
    // A sink with exactly one pushed issue; `into_iter().next()` keeps clippy's indexing
    // rule and cannot be empty here.
    sink.into_issues()
        .into_iter()
        .next()
        .unwrap_or_else(|| Issue {
            path: String::new(),
            code: String::new(),
            severity: treem::Severity::Error,
            params: Default::default(),
            message: String::new(),
            rule: String::new(),
        })
}
