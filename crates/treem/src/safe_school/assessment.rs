//! The safe-school self-assessment (kind `safe_school_assessment`).
//!
//! ```json
//! {"criteria_set": "nd80-2017", "criteria_set_version": "2017-07-17",
//!  "school": {"code": "...", "name": "...", "school_type": "truong_thcs", ...},
//!  "school_year": "2024-2025",
//!  "results": [{"criterion": "3.1", "result": "dat", "evidence": "..."},
//!              {"criterion": "3.2.a", "result": "chua_dat",
//!               "remedy": {"measures": "...", "by": "tu_khac_phuc"}}],
//!  "disqualifying_events": []}
//! ```
//! `criteria_set` is the id of a built-in set, or a complete set given inline (checked as the
//! kind `criteria_set`). The remedy follows TT 18/2023/TT-BGDĐT Điều 12 khoản 1: "kế hoạch,
//! biện pháp tự khắc phục hoặc kiến nghị cơ quan có thẩm quyền khắc phục".

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::choice::CriteriaSetChoice;
use super::criteria::{Completeness, CriteriaSet};
use super::score::{Outcome, Score};
use crate::context::Context;
use crate::fields::{required_text, typed, unknown_fields, FIELD_REQUIRED};
use crate::json::Field;
use crate::report::{IssueSink, Location, Report};
use crate::school::SchoolDraft;

crate::codes! {
    /// The criteria set id is not a built-in set.
    SAFE_SCHOOL_UNKNOWN_SET = "safe_school.unknown_set", Error, "safe_school.assessment", "treem",
        "Bộ tiêu chí {set} không có trong danh mục criteria_sets (hoặc cung cấp bộ tiêu chí đầy đủ)",
        "Criteria set {set} is not in the catalog criteria_sets (or supply the complete set)";
    /// The set holds no criteria list (thresholds only or partial): the answers cannot be checked.
    SAFE_SCHOOL_SET_NOT_COMPLETE = "safe_school.set_not_complete", Error, "safe_school.assessment", "treem",
        "Bộ tiêu chí {set} trong treem chưa có đủ danh sách tiêu chí ({completeness}); hãy cung cấp bộ tiêu chí đầy đủ",
        "treem's copy of {set} has no full criteria list ({completeness}); supply the complete set";
    /// The version given is not the set's version.
    SAFE_SCHOOL_VERSION_MISMATCH = "safe_school.version_mismatch", Error, "safe_school.assessment", "treem",
        "Phiên bản {given} không phải phiên bản của bộ tiêu chí ({version})",
        "Version {given} is not the set's version ({version})";
    /// The set is not for this school type.
    SAFE_SCHOOL_SET_NOT_FOR_SCHOOL = "safe_school.set_not_for_school", Error, "safe_school.assessment",
        "Thông tư 18/2023/TT-BGDĐT Điều 1 khoản 2; Thông tư 45/2021/TT-BGDĐT Điều 1; Thông tư 45/2021 Điều 8 khoản 2",
        "Bộ tiêu chí {set} không áp dụng cho loại hình {school_type}",
        "Criteria set {set} does not apply to school type {school_type}";
    /// The school year is not written `YYYY-YYYY` with consecutive years.
    SAFE_SCHOOL_YEAR_FORM = "safe_school.year_form", Error, "safe_school.assessment", "treem",
        "Năm học phải viết dạng 2024-2025 (hai năm liên tiếp)",
        "The school year must be written like 2024-2025 (two consecutive years)";
    /// The school year starts after the as-of date.
    SAFE_SCHOOL_YEAR_IN_FUTURE = "safe_school.year_in_future", Error, "safe_school.assessment", "treem",
        "Năm học {year} chưa bắt đầu vào ngày tính {as_of}",
        "School year {year} has not begun on the as-of date {as_of}";
    /// The school year ended before the set's document came into force.
    SAFE_SCHOOL_SET_NOT_IN_FORCE = "safe_school.set_not_in_force", Warning, "safe_school.assessment", "treem",
        "Năm học {year} kết thúc trước khi văn bản {document} có hiệu lực ({in_force_from})",
        "School year {year} ended before {document} came into force ({in_force_from})";
    /// A result for a criterion the set does not have.
    SAFE_SCHOOL_UNKNOWN_CRITERION = "safe_school.unknown_criterion", Error, "safe_school.assessment", "treem",
        "Tiêu chí {criterion} không thuộc bộ tiêu chí {set}",
        "Criterion {criterion} is not in the set {set}";
    /// Two results for one criterion.
    SAFE_SCHOOL_DUPLICATE_CRITERION = "safe_school.duplicate_criterion", Error, "safe_school.assessment", "treem",
        "Tiêu chí {criterion} được đánh giá hai lần",
        "Criterion {criterion} is assessed twice";
    /// The result is not đạt, chưa đạt or không áp dụng.
    SAFE_SCHOOL_RESULT_UNKNOWN = "safe_school.result_unknown", Error, "safe_school.assessment", "treem",
        "Kết quả phải là đạt, chưa đạt hoặc không áp dụng",
        "The result must be đạt, chưa đạt or không áp dụng";
    /// "Không áp dụng" for a criterion the set does not mark conditional ("nếu có").
    SAFE_SCHOOL_NOT_APPLICABLE_NOT_ALLOWED = "safe_school.not_applicable_not_allowed", Error, "safe_school.assessment", "treem",
        "Tiêu chí {criterion} không được đánh giá là không áp dụng",
        "Criterion {criterion} cannot be answered không áp dụng";
    /// A mandatory criterion without an answer.
    SAFE_SCHOOL_MANDATORY_UNANSWERED = "safe_school.mandatory_unanswered", Error, "safe_school.assessment",
        "Thông tư 18/2023/TT-BGDĐT Điều 11 khoản 2 (100% tiêu chí bắt buộc)",
        "Chưa đánh giá tiêu chí bắt buộc {criterion}",
        "Mandatory criterion {criterion} is not assessed";
    /// A criterion without an answer (counted as not met).
    SAFE_SCHOOL_CRITERION_UNANSWERED = "safe_school.criterion_unanswered", Warning, "safe_school.assessment", "treem",
        "Chưa đánh giá tiêu chí {criterion} (tính là chưa đạt)",
        "Criterion {criterion} is not assessed (counted as not met)";
    /// A criterion not met without the remedy plan the document asks for.
    SAFE_SCHOOL_REMEDY_MISSING = "safe_school.remedy_missing", Error, "safe_school.assessment",
        "Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 1",
        "Tiêu chí chưa đạt cần có kế hoạch, biện pháp khắc phục hoặc kiến nghị",
        "A criterion not met needs a remedy plan or a request to the competent authority";
    /// A criterion not met without a remedy, for a set whose document does not require one.
    SAFE_SCHOOL_REMEDY_ADVISED = "safe_school.remedy_advised", Warning, "safe_school.assessment", "treem",
        "Nên ghi biện pháp khắc phục cho tiêu chí chưa đạt",
        "A remedy for the criterion not met is advised";
    /// The remedy's `by` is neither `tu_khac_phuc` nor `kien_nghi`.
    SAFE_SCHOOL_REMEDY_BY_UNKNOWN = "safe_school.remedy_by_unknown", Error, "safe_school.assessment",
        "Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 1",
        "Hình thức khắc phục phải là tu_khac_phuc hoặc kien_nghi",
        "The remedy must be tu_khac_phuc (by the school) or kien_nghi (request to the authority)";
    /// A criterion met without evidence.
    SAFE_SCHOOL_EVIDENCE_MISSING = "safe_school.evidence_missing", Warning, "safe_school.assessment", "treem",
        "Tiêu chí đạt nên có minh chứng",
        "A criterion met should cite its evidence";
    /// An event the set does not list.
    SAFE_SCHOOL_UNKNOWN_EVENT = "safe_school.unknown_event", Error, "safe_school.assessment", "treem",
        "Sự việc {event} không có trong bộ tiêu chí {set}",
        "Event {event} is not listed in the set {set}";
}

/// One criterion's result as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct ResultDraft {
    /// The criterion's code in its set.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub criterion: Field<String>,
    /// `dat`, `chua_dat` or `khong_ap_dung` (or the Vietnamese words).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub result: Field<String>,
    /// Minh chứng.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub evidence: Field<String>,
    /// For "chưa đạt": the remedy plan.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub remedy: Field<RemedyDraft>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// A remedy plan (TT 18/2023 Điều 12 khoản 1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct RemedyDraft {
    /// Kế hoạch, biện pháp.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub measures: Field<String>,
    /// `tu_khac_phuc` (the school remedies) or `kien_nghi` (request to the competent authority).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub by: Field<String>,
    /// Planned completion date (any accepted date form).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub deadline: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// A self-assessment as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct AssessmentDraft {
    /// The id of a built-in set (catalog `criteria_sets`), or a complete set inline.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub criteria_set: Field<CriteriaSetChoice>,
    /// The version of the set.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub criteria_set_version: Field<String>,
    /// The school, as a `school` record.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub school: Field<SchoolDraft>,
    /// Năm học, e.g. `2024-2025`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub school_year: Field<String>,
    /// One result per criterion.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub results: Field<Vec<Field<ResultDraft>>>,
    /// Codes of the set's disqualifying events that happened during the year.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub disqualifying_events: Field<Vec<Field<String>>>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// The kind `safe_school_assessment`.
pub(crate) const KIND: crate::document::KindDef = crate::document::kind_def::<AssessmentDraft>(
    "safe_school_assessment",
    "Tự đánh giá trường học an toàn",
    "Safe-school self-assessment",
);

impl crate::document::Document for AssessmentDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        check(self, ctx, sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut crate::normalize::ChangeLog) {
        if let Field::Value(results) = &mut self.results {
            let root = Location::root();
            let results_at = root.key("results");
            for (i, item) in results.iter_mut().enumerate() {
                if let Field::Value(ResultDraft {
                    result: Field::Value(text),
                    ..
                }) = item
                {
                    if let Some(outcome) = Outcome::parse(text) {
                        if text != outcome.code() {
                            *text = outcome.code().to_owned();
                            let item_at = results_at.index(i);
                            log.push(
                                &item_at.key("result"),
                                crate::normalize::Rewrite::CanonicalCode,
                            );
                        }
                    }
                }
            }
        }
    }
}

/// A checked assessment: the report, and the score when the record is valid (the score of
/// the checked [`super::Assessment`], [`super::Assessment::score`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessed {
    /// What is wrong with the record.
    pub report: Report,
    /// The score; `None` when the report has errors.
    pub score: Option<Score>,
}

/// The set an assessment names: built-in by id (borrowed: copying NĐ 80/2017's 23 criteria and
/// their texts for every record was a sixth of a whole assessment's validation), or inline,
/// read with the draft and checked here (borrowed too).
fn resolve_set<'a>(
    draft: &'a AssessmentDraft,
    sink: &mut IssueSink,
) -> Option<std::borrow::Cow<'a, CriteriaSet>> {
    let root = Location::root();
    let at = root.key("criteria_set");
    match &draft.criteria_set {
        Field::Value(CriteriaSetChoice::BuiltIn(id)) => match super::builtin::get(id) {
            Some(set) => Some(std::borrow::Cow::Borrowed(set)),
            None => {
                sink.push(
                    &SAFE_SCHOOL_UNKNOWN_SET,
                    &at,
                    [("set", crate::privacy::truncate(id, 40).into())],
                );
                None
            }
        },
        Field::Value(CriteriaSetChoice::Supplied(set)) => {
            super::set_check::check(set, &at, sink);
            Some(std::borrow::Cow::Borrowed(&**set))
        }
        // Reported by the reader of the kind `criteria_set` (its first problem, at its place).
        Field::Value(CriteriaSetChoice::Unread(value)) => {
            super::set_check::read(value, &at, sink).map(std::borrow::Cow::Owned)
        }
        Field::Invalid(other) => {
            sink.push(
                &crate::fields::FIELD_WRONG_TYPE,
                &at,
                [
                    ("expected", "string or object".into()),
                    ("found", crate::json::type_name(other).into()),
                ],
            );
            None
        }
        Field::Absent | Field::Null => {
            sink.push(&FIELD_REQUIRED, &at, []);
            None
        }
    }
}

/// Runs every assessment rule on `draft`.
///
/// # Examples
///
/// ```
/// use treem::{report::IssueSink, safe_school::assessment::{check, AssessmentDraft}, Lang};
/// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
///   "criteria_set_version": "1", "school_year": "2025-2026",
///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
/// let draft: AssessmentDraft = serde_json::from_value(record).unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// check(&draft, &ctx, &mut sink);
/// assert!(sink.is_empty());
/// ```
pub fn check(draft: &AssessmentDraft, ctx: &Context, sink: &mut IssueSink) {
    check_members(draft, ctx, sink);
    unknown_fields(&draft.unknown, &Location::root(), sink);
}

/// The rules on the members: the set, the school, the year, then the results and events
/// against a complete set.
fn check_members(draft: &AssessmentDraft, ctx: &Context, sink: &mut IssueSink) {
    let root = Location::root();
    let set = resolve_set(draft, sink);
    let version_at = root.key("criteria_set_version");
    if let (Some(given), Some(set)) = (
        required_text(&draft.criteria_set_version, &version_at, sink),
        &set,
    ) {
        if crate::fields::trim(given) != set.version {
            sink.push(
                &SAFE_SCHOOL_VERSION_MISMATCH,
                &version_at,
                [
                    ("given", crate::privacy::truncate(given, 40).into()),
                    ("version", set.version.clone().into()),
                ],
            );
        }
    }
    let school_at = root.key("school");
    match typed(&draft.school, &school_at, "object", sink) {
        Some(school) => {
            crate::school::check_at(school, ctx, &school_at, sink);
            if let (Some(t), Some(set)) = (school.school_type(), &set) {
                if !set.applies_to(t.code) {
                    sink.push(
                        &SAFE_SCHOOL_SET_NOT_FOR_SCHOOL,
                        &root.key("criteria_set"),
                        [
                            ("set", set.id.clone().into()),
                            ("school_type", t.code.into()),
                        ],
                    );
                }
            }
        }
        None => {
            if draft.school.is_missing() {
                sink.push(&FIELD_REQUIRED, &school_at, []);
            }
        }
    }
    check_year(draft, set.as_deref(), ctx, sink);
    let Some(set) = set else {
        return;
    };
    if set.completeness != Completeness::Complete {
        sink.push(
            &SAFE_SCHOOL_SET_NOT_COMPLETE,
            &root.key("criteria_set"),
            [
                ("set", set.id.clone().into()),
                ("completeness", set.completeness.code().into()),
            ],
        );
        return;
    }
    check_results(draft, &set, sink);
    check_events(draft, &set, sink);
}

/// Parses `YYYY-YYYY` with consecutive years in 1900–2100.
///
/// # Examples
///
/// ```
/// use treem::safe_school::assessment::parse_school_year;
/// assert_eq!(parse_school_year("2025-2026"), Some((2025, 2026)));
/// assert_eq!(parse_school_year("2025 - 2027"), None);
/// ```
pub fn parse_school_year(text: &str) -> Option<(i32, i32)> {
    let (a, b) = text.trim().split_once('-')?;
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (b == a + 1
        && crate::vn::date::YEAR_RANGE.contains(&a)
        && crate::vn::date::YEAR_RANGE.contains(&b))
    .then_some((a, b))
}

fn check_year(
    draft: &AssessmentDraft,
    set: Option<&CriteriaSet>,
    ctx: &Context,
    sink: &mut IssueSink,
) {
    use chrono::Datelike;
    let root = Location::root();
    let at = root.key("school_year");
    let Some(text) = required_text(&draft.school_year, &at, sink) else {
        return;
    };
    let Some((start, end)) = parse_school_year(text) else {
        sink.push(&SAFE_SCHOOL_YEAR_FORM, &at, []);
        return;
    };
    let year = format!("{start}-{end}");
    match ctx.as_of {
        Some(as_of) if start > as_of.year() => sink.push(
            &SAFE_SCHOOL_YEAR_IN_FUTURE,
            &at,
            [
                ("year", year.clone().into()),
                ("as_of", as_of.to_string().into()),
            ],
        ),
        Some(_) => {}
        None => sink.push(&crate::fields::CONTEXT_AS_OF_MISSING, &at, []),
    }
    if let Some((set, from)) = set.and_then(|s| s.in_force_from().map(|d| (s, d))) {
        if end < from.year() {
            sink.push(
                &SAFE_SCHOOL_SET_NOT_IN_FORCE,
                &at,
                [
                    ("year", year.into()),
                    ("document", set.document.number.clone().into()),
                    ("in_force_from", from.to_string().into()),
                ],
            );
        }
    }
}

fn check_results(draft: &AssessmentDraft, set: &CriteriaSet, sink: &mut IssueSink) {
    let root = Location::root();
    let results_at = root.key("results");
    // Which of the set's criteria are answered, by their place in the set (where a set lists
    // a code twice, its first place): a whole NĐ 80/2017 assessment spent a tenth of its
    // validation in a sorted set of the codes.
    let mut answered = vec![false; set.criteria.len()];
    let list = typed(&draft.results, &results_at, "array", sink)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (i, item) in list.iter().enumerate() {
        let item_at = results_at.index(i);
        let Some(result) = typed(item, &item_at, "object", sink) else {
            continue;
        };
        let code_at = item_at.key("criterion");
        let criterion = required_text(&result.criterion, &code_at, sink).and_then(|code| {
            let code = crate::fields::trim(code);
            let param = || crate::privacy::truncate(code, 40).into();
            match set
                .criteria
                .iter()
                .enumerate()
                .find(|(_, c)| c.code == code)
            {
                None => {
                    sink.push(
                        &SAFE_SCHOOL_UNKNOWN_CRITERION,
                        &code_at,
                        [("criterion", param()), ("set", set.id.clone().into())],
                    );
                    None
                }
                Some((i, _)) if answered.get(i) == Some(&true) => {
                    sink.push(
                        &SAFE_SCHOOL_DUPLICATE_CRITERION,
                        &code_at,
                        [("criterion", param())],
                    );
                    None
                }
                Some((i, c)) => {
                    if let Some(slot) = answered.get_mut(i) {
                        *slot = true;
                    }
                    Some(c)
                }
            }
        });
        let result_at = item_at.key("result");
        let outcome = required_text(&result.result, &result_at, sink).and_then(|text| {
            let parsed = Outcome::parse(text);
            if parsed.is_none() {
                sink.push(&SAFE_SCHOOL_RESULT_UNKNOWN, &result_at, []);
            }
            parsed
        });
        typed(&result.evidence, &item_at.key("evidence"), "string", sink);
        let remedy_at = item_at.key("remedy");
        let remedy = typed(&result.remedy, &remedy_at, "object", sink);
        if let Some(remedy) = remedy {
            check_remedy(remedy, &remedy_at, sink);
        }
        match outcome {
            Some(Outcome::KhongApDung) => {
                if let Some(c) = criterion.filter(|c| !c.conditional) {
                    sink.push(
                        &SAFE_SCHOOL_NOT_APPLICABLE_NOT_ALLOWED,
                        &result_at,
                        [("criterion", c.code.clone().into())],
                    );
                }
            }
            Some(Outcome::ChuaDat) if remedy.is_none() && result.remedy.is_missing() => {
                let def = if set.remedy_required {
                    &SAFE_SCHOOL_REMEDY_MISSING
                } else {
                    &SAFE_SCHOOL_REMEDY_ADVISED
                };
                sink.push(def, &remedy_at, []);
            }
            Some(Outcome::Dat)
                if result
                    .evidence
                    .value()
                    .is_none_or(|e| crate::fields::is_blank(e)) =>
            {
                sink.push(&SAFE_SCHOOL_EVIDENCE_MISSING, &item_at.key("evidence"), []);
            }
            _ => {}
        }
        unknown_fields(&result.unknown, &item_at, sink);
    }
    for (i, criterion) in set.criteria.iter().enumerate() {
        let first = || set.criteria.iter().position(|c| c.code == criterion.code);
        let is_answered = |i: usize| answered.get(i) == Some(&true);
        if !is_answered(i) && !first().is_some_and(is_answered) {
            let def = if criterion.mandatory {
                &SAFE_SCHOOL_MANDATORY_UNANSWERED
            } else {
                &SAFE_SCHOOL_CRITERION_UNANSWERED
            };
            sink.push(
                def,
                &results_at,
                [("criterion", criterion.code.clone().into())],
            );
        }
    }
}

fn check_remedy(remedy: &RemedyDraft, at: &Location<'_>, sink: &mut IssueSink) {
    required_text(&remedy.measures, &at.key("measures"), sink);
    let by_at = at.key("by");
    if let Some(by) = typed(&remedy.by, &by_at, "string", sink) {
        if !matches!(crate::fields::trim(by), "tu_khac_phuc" | "kien_nghi") {
            sink.push(&SAFE_SCHOOL_REMEDY_BY_UNKNOWN, &by_at, []);
        }
    }
    let deadline_at = at.key("deadline");
    if let Some(text) = typed(&remedy.deadline, &deadline_at, "string", sink) {
        crate::vn::date::parse(text, &deadline_at, sink);
    }
    unknown_fields(&remedy.unknown, at, sink);
}

fn check_events(draft: &AssessmentDraft, set: &CriteriaSet, sink: &mut IssueSink) {
    let root = Location::root();
    let at = root.key("disqualifying_events");
    let list = typed(&draft.disqualifying_events, &at, "array", sink)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (i, item) in list.iter().enumerate() {
        let item_at = at.index(i);
        if let Some(code) = typed(item, &item_at, "string", sink) {
            let trimmed = crate::fields::trim(code);
            if !set.disqualifying_events.iter().any(|e| e.code == trimmed) {
                sink.push(
                    &SAFE_SCHOOL_UNKNOWN_EVENT,
                    &item_at,
                    [
                        ("event", crate::privacy::truncate(code, 40).into()),
                        ("set", set.id.clone().into()),
                    ],
                );
            }
        }
    }
}

/// Checks and scores one assessment record: the rules, then, without an error, the score of
/// the checked [`super::Assessment`] (a Rust caller holding one calls
/// [`super::Assessment::score`]).
///
/// # Errors
/// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
///
/// # Examples
///
/// ```
/// use treem::safe_school::{assess, score::ResultLevel};
/// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
///   "criteria_set_version": "1", "school_year": "2025-2026",
///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
/// let assessed = assess(&record, &ctx).unwrap();
/// assert_eq!(assessed.report.error_count(), 0);
/// assert_eq!(assessed.score.unwrap().level, Some(ResultLevel::Dat));
/// ```
pub fn assess(record: &serde_json::Value, ctx: &Context) -> Result<Assessed, crate::Error> {
    let draft: AssessmentDraft = crate::document::draft_of(record.clone())?;
    Ok(assess_draft(&draft, ctx))
}

/// Checks and scores a parsed draft: [`assess`] of its record.
///
/// # Examples
///
/// ```
/// use treem::safe_school::assessment::{assess_draft, AssessmentDraft};
/// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
///   "criteria_set_version": "1", "school_year": "2025-2026",
///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
/// let draft: AssessmentDraft = serde_json::from_value(record).unwrap();
/// assert_eq!(assess_draft(&draft, &ctx).score.unwrap().met, 1);
/// ```
pub fn assess_draft(draft: &AssessmentDraft, ctx: &Context) -> Assessed {
    match crate::record::check_draft(draft, ctx, super::Assessment::read) {
        Ok((assessment, report)) => Assessed {
            report,
            score: Some(assessment.score()),
        },
        Err(report) => Assessed {
            report,
            score: None,
        },
    }
}
