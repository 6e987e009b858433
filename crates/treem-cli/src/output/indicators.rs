//! An indicator table for people: the terminal summary, and what `report` and `merge` echo
//! on stderr when stdout carries data. Hidden cells are written as hidden, never as zero.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use treem::indicator::definition::Factor;
use treem::indicator::table::{Cell, Table};
use treem::{Lang, Severity};

use super::labels::Labels;

/// How many problems the terminal lists one by one.
const FIRST_PROBLEMS: usize = 10;

/// A problem with the input of a report, at its source and row.
#[derive(Clone)]
pub(crate) struct RecordIssue {
    /// The file (or partial) it is in; empty for the whole run.
    pub(crate) source: String,
    /// Its row in that file, when it concerns one record.
    pub(crate) row: Option<u64>,
    /// The issue, its path relative to the record.
    pub(crate) issue: treem::Issue,
}

/// Records given to the engine, by kind.
#[derive(Default, Clone, Copy)]
pub(crate) struct Counts {
    /// Child records.
    pub(crate) children: u64,
    /// Case records.
    pub(crate) cases: u64,
    /// Safe-school assessments.
    pub(crate) assessments: u64,
    /// Anything else (schools, caller values, unknown tags).
    pub(crate) other: u64,
    /// Rows that could not be read as a record.
    pub(crate) unreadable: u64,
}

impl Counts {
    /// Counts one item by its tag.
    pub(crate) fn add(&mut self, kind: Option<&str>) {
        match kind {
            Some("child") => self.children += 1,
            Some("case") => self.cases += 1,
            Some("safe_school_assessment") => self.assessments += 1,
            _ => self.other += 1,
        }
    }
}

/// What is echoed beside the table.
pub(crate) struct Context {
    /// The language of labels.
    pub(crate) lang: Lang,
    /// The inputs (data files or partials).
    pub(crate) sources: Vec<String>,
    /// The date records were judged at (`report` only).
    pub(crate) as_of: Option<String>,
    /// The period asked for (`None`: the engine's default).
    pub(crate) period: Option<String>,
    /// Records by kind (`report` only).
    pub(crate) counts: Option<Counts>,
    /// Problems with records or partials.
    pub(crate) problems: Vec<RecordIssue>,
    /// Columns of the inputs that were not read (they feed no field).
    pub(crate) unmapped: Vec<String>,
}

impl Context {
    /// Errors and warnings among the problems.
    fn tally(&self) -> (usize, usize) {
        let errors = self
            .problems
            .iter()
            .filter(|p| p.issue.severity == Severity::Error)
            .count();
        (errors, self.problems.len() - errors)
    }
}

/// The heading lines shared by the terminal and the HTML report.
pub(crate) fn heading(context: &Context, table: &Table, l: &Labels) -> Vec<(String, String)> {
    let mut lines = vec![(
        l.pick("Nguồn", "Source").to_owned(),
        context.sources.join("; "),
    )];
    if let Some(as_of) = &context.as_of {
        lines.push((l.pick("Ngày tính", "As of").to_owned(), as_of.clone()));
        let period = match &context.period {
            Some(p) => p.clone(),
            None => format!(
                "{} ({})",
                as_of.get(..4).unwrap_or(as_of),
                l.pick("năm của ngày tính", "the year of the as-of date")
            ),
        };
        lines.push((l.pick("Kỳ báo cáo", "Period").to_owned(), period));
    }
    lines.push((
        l.pick("Ẩn ô nhỏ", "Small cells hidden").to_owned(),
        match table.suppression_threshold {
            0 | 1 => l.pick("không", "none").to_owned(),
            n => format!(
                "{} 1–{} ({})",
                l.pick("số đếm từ", "counts from"),
                n - 1,
                l.pick(
                    "ghi là \"ẩn\", không phải 0",
                    "shown as \"hidden\", never as 0"
                )
            ),
        },
    ));
    if let Some(c) = context.counts {
        lines.push((
            l.pick("Bản ghi", "Records").to_owned(),
            format!(
                "{} {} · {} {} · {} {} · {} {}",
                c.children,
                l.pick("trẻ em", "children"),
                c.cases,
                l.pick("vụ việc", "cases"),
                c.assessments,
                l.pick("tự đánh giá trường học an toàn", "safe-school assessments"),
                c.unreadable,
                l.pick("dòng không đọc được", "unreadable rows"),
            ),
        ));
    }
    let (errors, warnings) = context.tally();
    lines.push((
        l.pick("Vấn đề", "Problems").to_owned(),
        format!(
            "{errors} {} · {warnings} {}",
            l.pick(
                "lỗi (bản ghi bị loại khỏi bảng)",
                "errors (records left out of the table)"
            ),
            l.pick("cảnh báo", "warnings")
        ),
    ));
    lines
}

/// A figure as printed: the number, `ẩn`/`hidden`, or `–` when there is none.
pub(crate) fn figure(cell: &Cell, n: Option<&serde_json::Number>, l: &Labels) -> String {
    if cell.suppressed {
        return l.pick("ẩn", "hidden").to_owned();
    }
    n.map_or_else(|| "–".to_owned(), ToString::to_string)
}

/// The value with its scale (`12.5 %`, `3.1 ‰`), `ẩn` when hidden.
pub(crate) fn value_text(cell: &Cell, l: &Labels) -> String {
    if cell.suppressed {
        return l.pick("ẩn", "hidden").to_owned();
    }
    if cell.conflict {
        return l.pick("mâu thuẫn", "conflict").to_owned();
    }
    let Some(v) = cell.value else {
        return "–".to_owned();
    };
    let number = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    match cell.factor {
        Factor::Number | Factor::Unclear => number,
        Factor::Percent => format!("{number} %"),
        Factor::Per100 => format!("{number} /100"),
        Factor::Per1000 => format!("{number} ‰"),
        Factor::Per100000 => format!("{number} /100.000"),
    }
}

/// The cells of one unit.
pub(crate) type UnitCells<'a> = (String, Vec<&'a Cell>);
/// The units of one (indicator, period), keyed `indicator|period`.
pub(crate) type Block<'a> = (String, Vec<UnitCells<'a>>);

/// The cells grouped as they are read: by (indicator, period), then unit, in table order.
pub(crate) fn blocks(table: &Table) -> Vec<Block<'_>> {
    let mut out: Vec<Block<'_>> = Vec::new();
    for cell in &table.cells {
        let head = format!("{}|{}", cell.indicator, cell.period);
        if out.last().map(|(h, _)| h) != Some(&head) {
            out.push((head, Vec::new()));
        }
        if let Some((_, units)) = out.last_mut() {
            if units.last().map(|(u, _)| u) != Some(&cell.unit) {
                units.push((cell.unit.clone(), Vec::new()));
            }
            if let Some((_, cells)) = units.last_mut() {
                cells.push(cell);
            }
        }
    }
    out
}

/// The problems counted by code, most frequent first.
pub(crate) fn by_code(problems: &[RecordIssue]) -> Vec<(String, Severity, usize)> {
    let mut counts: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
    for p in problems {
        counts
            .entry(p.issue.code.as_str())
            .or_insert((p.issue.severity, 0))
            .1 += 1;
    }
    let mut out: Vec<_> = counts
        .into_iter()
        .map(|(code, (severity, n))| (code.to_owned(), severity, n))
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    out
}

/// Where a problem is, for people: `dòng 4 (children.ndjson) /sex`.
pub(crate) fn place(p: &RecordIssue, l: &Labels) -> String {
    let mut text = String::new();
    if let Some(row) = p.row {
        let _ = write!(text, "{} {row}", l.pick("dòng", "row"));
    }
    if !p.source.is_empty() {
        let _ = write!(text, " ({})", p.source);
    }
    if !p.issue.path.is_empty() {
        let _ = write!(text, " {}", p.issue.path);
    }
    text.trim().to_owned()
}

/// The summary for the terminal.
pub(crate) fn terminal(table: &Table, context: &Context) -> String {
    let l = Labels::new(context.lang);
    let mut text = String::new();
    let _ = writeln!(
        text,
        "treem · {}",
        l.pick(
            "Báo cáo chỉ tiêu thống kê (Thông tư 13/2021/TT-BLĐTBXH)",
            "Statistical indicators (Circular 13/2021/TT-BLĐTBXH)"
        )
    );
    for (name, value) in heading(context, table, &l) {
        let _ = writeln!(text, "{name}: {value}");
    }
    if table.cells.is_empty() {
        let _ = writeln!(text, "\n{}", why_empty(context));
    }
    for (head, units) in blocks(table) {
        let Some(first) = units.first().and_then(|(_, cells)| cells.first()) else {
            continue;
        };
        let _ = writeln!(
            text,
            "\n{} · {} · {} {}",
            first.indicator,
            l.indicator(&first.indicator),
            l.pick("kỳ", "period"),
            head.rsplit('|').next().unwrap_or_default()
        );
        for (unit, cells) in units {
            let _ = writeln!(
                text,
                "  {:<52} {:>9} {:>9} {:>14}",
                l.unit(&unit),
                l.pick("Tử số", "Numerator"),
                l.pick("Mẫu số", "Denom."),
                l.pick("Giá trị", "Value")
            );
            for cell in cells {
                let label = match (cell.dimension, &cell.category) {
                    (Some(d), Some(c)) => format!("  {}: {}", l.dimension(d), l.category(d, c)),
                    _ => l.pick("Tổng", "Total").to_owned(),
                };
                let label = treem::privacy::truncate(&label, 52);
                let _ = writeln!(
                    text,
                    "  {label:<52} {:>9} {:>9} {:>14}",
                    figure(cell, cell.numerator.as_ref(), &l),
                    figure(cell, cell.denominator.as_ref(), &l),
                    value_text(cell, &l)
                );
            }
        }
    }
    if !context.problems.is_empty() {
        let _ = writeln!(
            text,
            "\n{}",
            l.pick(
                "Vấn đề với dữ liệu (theo mã)",
                "Problems with the data (by code)"
            )
        );
        for (code, severity, n) in by_code(&context.problems) {
            let severity = match severity {
                Severity::Error => l.pick("lỗi", "error"),
                Severity::Warning => l.pick("cảnh báo", "warning"),
            };
            let _ = writeln!(text, "{n:>9}  {severity:<9} {code}");
        }
        let _ = writeln!(
            text,
            "\n{}",
            l.pick("Các vấn đề đầu tiên", "First problems")
        );
        for p in context.problems.iter().take(FIRST_PROBLEMS) {
            let _ = writeln!(text, "  {}: {}", place(p, &l), p.issue.message);
        }
    }
    text
}

/// One line on stderr when stdout carries data: the date judged at and the problems found.
/// Why a table has no cell, in the run's language: what the records must hold for an
/// indicator to count them, how many were read, and the columns that were not read (an
/// officer's export whose columns were not recognised gives exactly this).
pub(crate) fn why_empty(context: &Context) -> String {
    let l = Labels::new(context.lang);
    let mut text = String::from(l.pick(
        "Không có ô nào trong bảng: không hồ sơ nào có đủ dữ liệu cho một chỉ tiêu. Các chỉ tiêu tính từ hồ sơ trẻ em cần ngày sinh (date_of_birth) và tỉnh nơi ở (residence.province_code), cùng hoàn cảnh đặc biệt (special_circumstances), việc học (schooling) hoặc các vụ việc bảo vệ trẻ em của trẻ (--cases).",
        "The table has no cell: no record holds what an indicator needs. The indicators computed from child records need the date of birth (date_of_birth) and the province of residence (residence.province_code), with the child's special circumstances (special_circumstances), schooling (schooling) or protection cases (--cases).",
    ));
    if let Some(c) = context.counts {
        let _ = write!(
            text,
            " {}: {} {}, {} {}.",
            l.pick("Đã đọc", "Read"),
            c.children,
            l.pick("trẻ em", "children"),
            c.cases,
            l.pick("vụ việc", "cases")
        );
    }
    if !context.unmapped.is_empty() {
        let _ = write!(
            text,
            " {}: {}.",
            l.pick("Các cột không được đọc", "Columns not read"),
            context.unmapped.join(", ")
        );
    }
    text
}

pub(crate) fn note_on_stderr(context: &Context) {
    let l = Labels::new(context.lang);
    let (errors, warnings) = context.tally();
    let mut line = String::from("treem");
    if let Some(as_of) = &context.as_of {
        let _ = write!(line, " · {}: {as_of}", l.pick("ngày tính", "as of"));
    }
    if let Some(c) = context.counts {
        let _ = write!(
            line,
            " · {} {}, {} {}",
            c.children,
            l.pick("trẻ em", "children"),
            c.cases,
            l.pick("vụ việc", "cases")
        );
    }
    let _ = write!(
        line,
        " · {errors} {}, {warnings} {}",
        l.pick("lỗi", "errors"),
        l.pick("cảnh báo", "warnings")
    );
    if errors + warnings > 0 {
        let _ = write!(
            line,
            " ({})",
            l.pick("chi tiết: --issues FILE", "details: --issues FILE")
        );
    }
    eprintln!("{line}");
}
