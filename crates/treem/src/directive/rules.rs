//! The rules a directive is checked by.

use crate::sorted_map::SortedSet;

use chrono::NaiveDate;

use super::model::{DirectiveDraft, DocumentRefDraft, IndicatorRefDraft, SectionDraft, TaskDraft};
use super::vocab;
use crate::context::Context;
use crate::fields::{typed, unknown_fields};
use crate::json::Field;
use crate::report::{IssueSink, Location};
use crate::vn::date;

crate::codes! {
    /// A main component of an administrative document is missing.
    DIRECTIVE_COMPONENT_MISSING = "directive.component_missing", Error, "directive.form",
        "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2",
        "Văn bản thiếu thành phần bắt buộc: {component_vi} (NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm {point})",
        "The document lacks a required component: {component_en} (Decree 30/2020/NĐ-CP, Art. 8(2)({point}))";
    /// The date of issue gives the year but leaves the day or month blank.
    DIRECTIVE_DATE_INCOMPLETE = "directive.date_incomplete", Error, "directive.form",
        "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm d; Điều 15",
        "Thời gian ban hành chưa đầy đủ: chỉ có năm {year}, thiếu ngày, tháng",
        "The date of issue is incomplete: only the year {year} is given, the day and month are blank";
    /// A document the directive is based on is dated after the directive itself.
    DIRECTIVE_BASIS_AFTER_DIRECTIVE = "directive.basis_after_directive", Error, "directive.references", "treem",
        "Văn bản căn cứ ngày {basis_date} lại sau thời gian ban hành văn bản này ({directive_date})",
        "A document it is based on is dated {basis_date}, after this document ({directive_date})";
    /// Sections are not numbered in sequence.
    DIRECTIVE_SECTION_NUMBERING = "directive.section_numbering", Error, "directive.structure",
        "Nghị định 30/2020/NĐ-CP, Phụ lục I (bố cục: phần, mục, khoản, điểm)",
        "Số thứ tự mục không liên tục: cần {expected}, gặp {found}",
        "Section numbers are out of sequence: expected {expected}, found {found}";
    /// A task names no unit type to carry it out.
    DIRECTIVE_TASK_WITHOUT_ASSIGNEE = "directive.task_without_assignee", Error, "directive.tasks", "treem",
        "Nhiệm vụ chưa giao cho loại đơn vị nào",
        "The task is not assigned to any type of unit";
    /// Two tasks, sections or documents share an id.
    DIRECTIVE_DUPLICATE_ID = "directive.duplicate_id", Error, "directive.structure", "treem",
        "Mã {id} bị trùng",
        "The id {id} is used twice";
    /// A task cites a document id that is neither in `basis` nor in `cited`.
    DIRECTIVE_CITES_UNKNOWN_DOCUMENT = "directive.cites_unknown_document", Error, "directive.references", "treem",
        "Nhiệm vụ dẫn chiếu văn bản {id} không có trong danh sách văn bản",
        "The task cites document {id}, which is not listed";
    /// A coded value is not in its vocabulary.
    DIRECTIVE_CODE_UNKNOWN = "directive.code_unknown", Error, "directive.vocabulary", "treem",
        "Giá trị không thuộc danh mục {catalog}",
        "Value not in the catalog {catalog}";
    /// KT. is for a deputy signing for the head.
    DIRECTIVE_KT_SIGNER_NOT_DEPUTY = "directive.kt_signer_not_deputy", Warning, "directive.form",
        "Nghị định 30/2020/NĐ-CP, Điều 13 khoản 1",
        "Ký thay (KT.) là cấp phó ký thay cấp trưởng, nhưng chức vụ người ký không phải cấp phó",
        "KT. (signed for) is a deputy signing for the head, but the signer's title is not a deputy's";
    /// The year in a document's number differs from the year of its date.
    DIRECTIVE_REFERENCE_YEAR_MISMATCH = "directive.reference_year_mismatch", Warning, "directive.references",
        "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (số văn bản cấp theo năm)",
        "Năm trong số, ký hiệu ({number_year}) khác năm ban hành ({date_year})",
        "The year in the number ({number_year}) differs from the year of issue ({date_year})";
    /// The type in the number and the declared document type disagree.
    DIRECTIVE_NUMBER_TYPE_MISMATCH = "directive.number_type_mismatch", Warning, "directive.form",
        "Nghị định 30/2020/NĐ-CP, Phụ lục III",
        "Ký hiệu {abbreviation} trong số văn bản không khớp tên loại văn bản đã khai",
        "The type {abbreviation} in the number does not match the declared document type";
    /// The indicator named is not one of TT 13/2021.
    DIRECTIVE_INDICATOR_UNKNOWN = "directive.indicator_unknown", Error, "directive.tasks",
        "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II",
        "Không có chỉ tiêu {appendix}:{code} trong Thông tư 13/2021/TT-BLĐTBXH",
        "TT 13/2021/TT-BLĐTBXH has no indicator {appendix}:{code}";
    /// An indicator reference is not of the form appendix I/II + four digits.
    DIRECTIVE_INDICATOR_INVALID = "directive.indicator_invalid", Error, "directive.tasks",
        "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II",
        "Chỉ tiêu phải ghi phụ lục I hoặc II và mã 4 chữ số",
        "An indicator needs appendix I or II and a four-digit code";
}

/// The required components of Điều 8 khoản 2 we check, with their point letters.
const COMPONENTS: &[(&str, &str, &str, &str)] = &[
    (
        "issuer",
        "b",
        "tên cơ quan, tổ chức ban hành văn bản",
        "the issuing body",
    ),
    (
        "number",
        "c",
        "số, ký hiệu của văn bản",
        "the number and symbol",
    ),
    ("place", "d", "địa danh", "the place of issue"),
    ("date", "d", "thời gian ban hành", "the date of issue"),
    ("doc_type", "đ", "tên loại văn bản", "the document type"),
    ("summary", "đ", "trích yếu nội dung", "the summary"),
    (
        "signer",
        "g",
        "chức vụ, họ tên và chữ ký người có thẩm quyền",
        "the signer's title and name",
    ),
    ("recipients", "i", "nơi nhận", "the recipients"),
];

fn component_missing(sink: &mut IssueSink, at: &Location<'_>, name: &str) {
    if let Some((_, point, vi, en)) = COMPONENTS.iter().find(|c| c.0 == name) {
        sink.push(
            &DIRECTIVE_COMPONENT_MISSING,
            at,
            [
                ("point", (*point).into()),
                ("component_vi", (*vi).into()),
                ("component_en", (*en).into()),
            ],
        );
    }
}

/// The date of issue as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueDate {
    /// A full date.
    Full(NaiveDate),
    /// Only the year ("ngày tháng năm 2024").
    Year(i32),
}

/// Reads "ngày tháng năm 2024", "năm 2024", "…/…/2024" or "2024" as a year-only date.
///
/// # Examples
///
/// ```
/// use treem::directive::rules::year_only;
/// assert_eq!(year_only("ngày tháng năm 2024"), Some(2024));
/// assert_eq!(year_only("12/3/2024"), None); // a full date, not year-only
/// ```
pub fn year_only(text: &str) -> Option<i32> {
    let lower = crate::letter_case::lower_str(text);
    let rest: String = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | '…' | '_'))
        .filter(|w| !w.is_empty() && !matches!(*w, "ngày" | "tháng" | "năm"))
        .collect::<Vec<_>>()
        .join(" ");
    (rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.parse().ok())
        .flatten()
}

/// Runs every directive rule.
///
/// # Examples
///
/// ```
/// use treem::{directive::{built_in_draft, rules::check}, report::IssueSink, Lang};
/// let directive = built_in_draft("hai-phong-2024").unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// check(directive, &treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()), &mut sink);
/// // The built-in seed leaves the number and summary blank.
/// assert!(sink.finish().has_code("directive.component_missing"));
/// ```
pub fn check(draft: &DirectiveDraft, ctx: &Context, sink: &mut IssueSink) {
    let root = Location::root();
    for name in ["issuer", "number", "place", "doc_type", "summary"] {
        let field = match name {
            "issuer" => &draft.issuer,
            "number" => &draft.number,
            "place" => &draft.place,
            "doc_type" => &draft.doc_type,
            _ => &draft.summary,
        };
        let at = root.key(name);
        match typed(field, &at, "string", sink) {
            Some(text) if !text.trim().is_empty() => {}
            Some(_) => component_missing(sink, &at, name),
            None if field.is_missing() => component_missing(sink, &at, name),
            None => {}
        }
    }
    let issued = check_date(&draft.date, &root.key("date"), sink);
    check_own_number(draft, ctx.as_of, &root, sink);
    check_recipients(draft, &root, sink);
    let mut ids = SortedSet::new();
    let basis_at = root.key("basis");
    check_references(
        &draft.basis,
        &basis_at,
        true,
        issued,
        ctx.as_of,
        &mut ids,
        sink,
    );
    let cited_at = root.key("cited");
    check_references(
        &draft.cited,
        &cited_at,
        false,
        None,
        ctx.as_of,
        &mut ids,
        sink,
    );
    check_signer(draft, &root, sink);
    let sections_at = root.key("sections");
    let mut task_ids = SortedSet::new();
    match typed(&draft.sections, &sections_at, "array of sections", sink) {
        Some(sections) => check_sections(sections, None, &sections_at, &ids, &mut task_ids, sink),
        None if draft.sections.is_missing() => {
            sink.push(&crate::fields::FIELD_REQUIRED, &sections_at, []);
        }
        None => {}
    }
    unknown_fields(&draft.unknown, &root, sink);
}

/// The administrative document types of Nghị định 30/2020/NĐ-CP Điều 7 that have no
/// abbreviation in its Phụ lục III (their numbers carry none).
const TYPES_WITHOUT_ABBREVIATION: &[&str] = &["Công văn", "Thư công"];

/// The abbreviation of a declared document type (by name or abbreviation), `Some(None)` for a
/// type without abbreviation, `None` for an unknown type.
fn type_abbreviation(declared: &str) -> Option<Option<&'static str>> {
    let key = crate::vn::name::fold(declared);
    if TYPES_WITHOUT_ABBREVIATION
        .iter()
        .any(|t| crate::vn::name::fold(t) == key)
    {
        return Some(None);
    }
    crate::vn::document_number::DOCUMENT_TYPES
        .iter()
        .find(|t| t.abbreviation == declared.trim() || crate::vn::name::fold(t.name) == key)
        .map(|t| Some(t.abbreviation))
}

fn check_own_number(
    draft: &DirectiveDraft,
    as_of: Option<chrono::NaiveDate>,
    root: &Location<'_>,
    sink: &mut IssueSink,
) {
    let type_at = root.key("doc_type");
    let declared = match draft.doc_type.value() {
        Some(text) if !text.trim().is_empty() => match type_abbreviation(text) {
            Some(abbreviation) => Some(abbreviation),
            None => {
                sink.push(
                    &DIRECTIVE_CODE_UNKNOWN,
                    &type_at,
                    [("catalog", "document_types".into())],
                );
                None
            }
        },
        _ => None,
    };
    let number_at = root.key("number");
    let Some(text) = draft.number.value().filter(|t| !t.trim().is_empty()) else {
        return;
    };
    let Some(number) = crate::vn::document_number::parse_as_of(text, as_of, &number_at, sink)
    else {
        return;
    };
    if let Some(expected) = declared {
        let found = number.type_abbreviation.as_deref();
        if found != expected {
            let shown = found.unwrap_or("—").to_owned();
            sink.push(
                &DIRECTIVE_NUMBER_TYPE_MISMATCH,
                &number_at,
                [("abbreviation", shown.into())],
            );
        }
    }
}

fn check_date(field: &Field<String>, at: &Location<'_>, sink: &mut IssueSink) -> Option<IssueDate> {
    match typed(field, at, "string", sink) {
        Some(text) if text.trim().is_empty() => {
            component_missing(sink, at, "date");
            None
        }
        Some(text) => {
            if let Some(year) = year_only(text) {
                sink.push(&DIRECTIVE_DATE_INCOMPLETE, at, [("year", year.into())]);
                return Some(IssueDate::Year(year));
            }
            date::parse(text, at, sink).map(|d| IssueDate::Full(d.date))
        }
        None => {
            if field.is_missing() {
                component_missing(sink, at, "date");
            }
            None
        }
    }
}

fn check_recipients(draft: &DirectiveDraft, root: &Location<'_>, sink: &mut IssueSink) {
    let at = root.key("recipients");
    match typed(&draft.recipients, &at, "array of recipients", sink) {
        Some(list) if list.is_empty() => component_missing(sink, &at, "recipients"),
        Some(list) => {
            for (i, recipient) in list.iter().enumerate() {
                let item = at.index(i);
                let type_at = item.key("type");
                if let Some(code) = typed(&recipient.r#type, &type_at, "string", sink) {
                    if vocab::find(vocab::UNIT_TYPES, code).is_none() {
                        sink.push(
                            &DIRECTIVE_CODE_UNKNOWN,
                            &type_at,
                            [("catalog", "unit_types".into())],
                        );
                    }
                }
                typed(&recipient.text, &item.key("text"), "string", sink);
            }
        }
        None if draft.recipients.is_missing() => component_missing(sink, &at, "recipients"),
        None => {}
    }
}

fn check_references(
    field: &Field<Vec<DocumentRefDraft>>,
    at: &Location<'_>,
    is_basis: bool,
    issued: Option<IssueDate>,
    as_of: Option<chrono::NaiveDate>,
    ids: &mut SortedSet<String>,
    sink: &mut IssueSink,
) {
    let Some(list) = typed(field, at, "array of document references", sink) else {
        return;
    };
    for (i, reference) in list.iter().enumerate() {
        let item = at.index(i);
        let id_at = item.key("id");
        if let Some(id) = crate::fields::required_text(&reference.id, &id_at, sink) {
            if !ids.insert(id.to_owned()) {
                sink.push(
                    &DIRECTIVE_DUPLICATE_ID,
                    &id_at,
                    [("id", crate::privacy::truncate(id, 40).into())],
                );
            }
        }
        let number_at = item.key("number");
        let number_text = if is_basis {
            crate::fields::required_text(&reference.number, &number_at, sink)
        } else {
            typed(&reference.number, &number_at, "string", sink).map(String::as_str)
        };
        let number = number_text.and_then(|text| {
            crate::vn::document_number::parse_as_of(text, as_of, &number_at, sink)
        });
        let date_at = item.key("date");
        let dated = if is_basis {
            crate::fields::required_text(&reference.date, &date_at, sink)
        } else {
            typed(&reference.date, &date_at, "string", sink).map(String::as_str)
        };
        if let Some(text) = dated {
            if let Some(parsed) = date::parse(text, &date_at, sink) {
                if is_basis {
                    check_basis_date(parsed.date, issued, &date_at, sink);
                }
                use chrono::Datelike;
                if let Some(number_year) = number.as_ref().and_then(|n| n.year) {
                    if number_year != parsed.date.year() {
                        sink.push(
                            &DIRECTIVE_REFERENCE_YEAR_MISMATCH,
                            &number_at,
                            [
                                ("number_year", number_year.into()),
                                ("date_year", parsed.date.year().into()),
                            ],
                        );
                    }
                }
            }
        }
        if is_basis {
            crate::fields::required_text(&reference.issuer, &item.key("issuer"), sink);
        } else {
            typed(&reference.issuer, &item.key("issuer"), "string", sink);
        }
        typed(&reference.title, &item.key("title"), "string", sink);
    }
}

fn check_basis_date(
    basis: NaiveDate,
    issued: Option<IssueDate>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    use chrono::Datelike;
    let (after, shown) = match issued {
        Some(IssueDate::Full(day)) => (basis > day, day.to_string()),
        Some(IssueDate::Year(year)) => (basis.year() > year, year.to_string()),
        None => return,
    };
    if after {
        sink.push(
            &DIRECTIVE_BASIS_AFTER_DIRECTIVE,
            at,
            [
                ("basis_date", basis.to_string().into()),
                ("directive_date", shown.into()),
            ],
        );
    }
}

fn check_signer(draft: &DirectiveDraft, root: &Location<'_>, sink: &mut IssueSink) {
    let at = root.key("signer");
    let signer = match typed(&draft.signer, &at, "object", sink) {
        Some(signer) => signer,
        None => {
            if draft.signer.is_missing() {
                component_missing(sink, &at, "signer");
            }
            return;
        }
    };
    let capacity_at = at.key("capacity");
    let capacity = typed(&signer.capacity, &capacity_at, "string", sink)
        .map(|c| crate::letter_case::upper_str(c.trim().trim_end_matches('.')));
    if let Some(code) = &capacity {
        if vocab::find(vocab::SIGNING_CAPACITIES, code).is_none() {
            sink.push(
                &DIRECTIVE_CODE_UNKNOWN,
                &capacity_at,
                [("catalog", "signing_capacities".into())],
            );
        }
    }
    let title_at = at.key("title");
    let title = crate::fields::required_text(&signer.title, &title_at, sink);
    crate::fields::required_text(&signer.name, &at.key("name"), sink);
    if capacity.as_deref() == Some("KT") {
        if let Some(title) = title {
            if !crate::letter_case::lower_str(title.trim()).starts_with("phó") {
                sink.push(&DIRECTIVE_KT_SIGNER_NOT_DEPUTY, &title_at, []);
            }
        }
    }
    typed(
        &signer.on_behalf_of,
        &at.key("on_behalf_of"),
        "string",
        sink,
    );
}

/// The Vietnamese alphabet order of points ("điểm a, b, c, d, đ, e, g, h, i, k, ...").
const POINT_LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The number the `index`-th numbered child of `parent` should carry, in the style of `found`.
fn expected_number(parent: Option<&str>, index: usize, found: &str) -> String {
    if found.trim_end().ends_with(')') {
        let letter = POINT_LETTERS.get(index).copied().unwrap_or("?");
        return format!("{letter})");
    }
    match parent {
        Some(parent) if !parent.ends_with(')') => {
            format!("{}.{}", parent.trim_end_matches('.'), index + 1)
        }
        _ => (index + 1).to_string(),
    }
}

fn check_sections(
    sections: &[SectionDraft],
    parent: Option<&str>,
    at: &Location<'_>,
    documents: &SortedSet<String>,
    ids: &mut SortedSet<String>,
    sink: &mut IssueSink,
) {
    let mut numbered = 0usize;
    for (i, section) in sections.iter().enumerate() {
        let item = at.index(i);
        let id_at = item.key("id");
        if let Some(id) = crate::fields::required_text(&section.id, &id_at, sink) {
            if !ids.insert(format!("section:{id}")) {
                sink.push(
                    &DIRECTIVE_DUPLICATE_ID,
                    &id_at,
                    [("id", crate::privacy::truncate(id, 40).into())],
                );
            }
        }
        let number_at = item.key("number");
        let number = typed(&section.number, &number_at, "string", sink)
            .map(|n| n.trim().trim_end_matches('.').to_owned());
        if let Some(number) = &number {
            let expected = expected_number(parent, numbered, number);
            if *number != expected {
                sink.push(
                    &DIRECTIVE_SECTION_NUMBERING,
                    &number_at,
                    [
                        ("expected", expected.into()),
                        ("found", crate::privacy::truncate(number, 12).into()),
                    ],
                );
            }
            numbered += 1;
        }
        crate::fields::required_text(&section.title, &item.key("title"), sink);
        typed(&section.title_en, &item.key("title_en"), "string", sink);
        let tasks_at = item.key("tasks");
        if let Some(tasks) = typed(&section.tasks, &tasks_at, "array of tasks", sink) {
            for (t, task) in tasks.iter().enumerate() {
                check_task(task, &tasks_at.index(t), documents, ids, sink);
            }
        }
        let sub_at = item.key("sections");
        if let Some(subsections) = typed(&section.sections, &sub_at, "array of sections", sink) {
            check_sections(
                subsections,
                number.as_deref().or(Some("?")),
                &sub_at,
                documents,
                ids,
                sink,
            );
        }
    }
}

fn check_task(
    task: &TaskDraft,
    at: &Location<'_>,
    documents: &SortedSet<String>,
    ids: &mut SortedSet<String>,
    sink: &mut IssueSink,
) {
    let id_at = at.key("id");
    if let Some(id) = crate::fields::required_text(&task.id, &id_at, sink) {
        if !ids.insert(format!("task:{id}")) {
            sink.push(
                &DIRECTIVE_DUPLICATE_ID,
                &id_at,
                [("id", crate::privacy::truncate(id, 40).into())],
            );
        }
    }
    crate::fields::required_text(&task.text, &at.key("text"), sink);
    typed(&task.label_en, &at.key("label_en"), "string", sink);
    let assignees_at = at.key("assignees");
    match typed(&task.assignees, &assignees_at, "array of unit types", sink) {
        Some(list) if list.is_empty() => {
            sink.push(&DIRECTIVE_TASK_WITHOUT_ASSIGNEE, &assignees_at, [])
        }
        Some(list) => codes_in(list, vocab::UNIT_TYPES, "unit_types", &assignees_at, sink),
        None if task.assignees.is_missing() => {
            sink.push(&DIRECTIVE_TASK_WITHOUT_ASSIGNEE, &assignees_at, [])
        }
        None => {}
    }
    let cites_at = at.key("cites");
    if let Some(cites) = typed(&task.cites, &cites_at, "array of document ids", sink) {
        for (i, id) in cites.iter().enumerate() {
            if !documents.contains(id) {
                sink.push(
                    &DIRECTIVE_CITES_UNKNOWN_DOCUMENT,
                    &cites_at.index(i),
                    [("id", crate::privacy::truncate(id, 40).into())],
                );
            }
        }
    }
    let hotlines_at = at.key("hotlines");
    if let Some(list) = typed(&task.hotlines, &hotlines_at, "array of strings", sink) {
        codes_in(list, vocab::HOTLINES, "hotlines", &hotlines_at, sink);
    }
    let occasions_at = at.key("occasions");
    if let Some(list) = typed(&task.occasions, &occasions_at, "array of strings", sink) {
        for (i, code) in list.iter().enumerate() {
            if !vocab::OCCASIONS.iter().any(|(t, _)| t.code == code) {
                sink.push(
                    &DIRECTIVE_CODE_UNKNOWN,
                    &occasions_at.index(i),
                    [("catalog", "occasions".into())],
                );
            }
        }
    }
    let activities_at = at.key("activities");
    if let Some(list) = typed(&task.activities, &activities_at, "array of strings", sink) {
        codes_in(
            list,
            vocab::ACTIVITY_KINDS,
            "activity_kinds",
            &activities_at,
            sink,
        );
    }
    let media_at = at.key("media_types");
    if let Some(list) = typed(&task.media_types, &media_at, "array of strings", sink) {
        codes_in(list, vocab::MEDIA_TYPES, "media_types", &media_at, sink);
    }
    let indicators_at = at.key("indicators");
    if let Some(list) = typed(
        &task.indicators,
        &indicators_at,
        "array of indicator references",
        sink,
    ) {
        for (i, indicator) in list.iter().enumerate() {
            check_indicator(indicator, &indicators_at.index(i), sink);
        }
    }
}

fn codes_in(
    list: &[String],
    terms: &[vocab::Term],
    catalog: &'static str,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    for (i, code) in list.iter().enumerate() {
        if vocab::find(terms, code).is_none() {
            sink.push(
                &DIRECTIVE_CODE_UNKNOWN,
                &at.index(i),
                [("catalog", catalog.into())],
            );
        }
    }
}

fn check_indicator(indicator: &IndicatorRefDraft, at: &Location<'_>, sink: &mut IssueSink) {
    let appendix = typed(&indicator.appendix, &at.key("appendix"), "string", sink);
    let code = typed(&indicator.code, &at.key("code"), "string", sink);
    let appendix_ok = matches!(appendix.map(String::as_str), Some("I" | "II"));
    let code_ok =
        code.is_some_and(|c| c == "*" || (c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit())));
    if !appendix_ok || !code_ok {
        sink.push(&DIRECTIVE_INDICATOR_INVALID, at, []);
    } else if let (Some(appendix), Some(code)) = (appendix, code) {
        if code != "*" && !super::tt13::is_tt13(appendix, code) {
            sink.push(
                &DIRECTIVE_INDICATOR_UNKNOWN,
                at,
                [
                    ("appendix", appendix.clone().into()),
                    ("code", code.clone().into()),
                ],
            );
        }
    }
    if let Some(basis) = typed(&indicator.basis, &at.key("basis"), "string", sink) {
        if !matches!(basis.as_str(), "cited" | "implied") {
            sink.push(
                &DIRECTIVE_CODE_UNKNOWN,
                &at.key("basis"),
                [("catalog", "indicator_link_basis".into())],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_only_forms() {
        assert_eq!(year_only("ngày        tháng     năm 2024"), Some(2024));
        assert_eq!(year_only("…/…/2024"), Some(2024));
        assert_eq!(year_only("2024"), Some(2024));
        assert_eq!(year_only("13/8/2024"), None);
        assert_eq!(year_only("ngày 13 tháng 8 năm 2024"), None);
    }

    #[test]
    fn expected_numbers() {
        assert_eq!(expected_number(None, 0, "1"), "1");
        assert_eq!(expected_number(Some("3"), 1, "3.2"), "3.2");
        assert_eq!(expected_number(Some("1"), 4, "đ)"), "đ)");
    }
}
