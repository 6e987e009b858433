//! Checking a criteria set supplied by the caller (kind `criteria_set`, or the
//! `criteria_set` member of an assessment): its schema, then the rules a set must keep.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::criteria::{Completeness, CriteriaSet, Threshold};
use crate::context::Context;
use crate::fields::FIELD_REQUIRED;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// Two criteria (or two events) share a code.
    CRITERIA_SET_DUPLICATE_CODE = "criteria_set.duplicate_code", Error, "safe_school.criteria_set", "treem",
        "Mã {code} bị trùng trong bộ tiêu chí",
        "Code {code} appears twice in the criteria set";
    /// A criterion names a content area the set does not have.
    CRITERIA_SET_UNKNOWN_AREA = "criteria_set.unknown_area", Error, "safe_school.criteria_set", "treem",
        "Nội dung {area} không có trong bộ tiêu chí",
        "Content area {area} is not in the criteria set";
    /// A school type code that is not in the catalog `school_types` (nor `ho_gia_dinh`).
    CRITERIA_SET_UNKNOWN_SCHOOL_TYPE = "criteria_set.unknown_school_type", Error, "safe_school.criteria_set", "treem",
        "Loại hình {school_type} không có trong danh mục school_types",
        "School type {school_type} is not in the catalog school_types";
    /// A threshold that cannot be a pass rule (0 % or over 100 %, more mandatory than total).
    CRITERIA_SET_THRESHOLD_INVALID = "criteria_set.threshold_invalid", Error, "safe_school.criteria_set", "treem",
        "Ngưỡng đánh giá không hợp lệ",
        "The threshold is not a valid pass rule";
    /// A complete set whose criteria cannot reach its own count threshold.
    CRITERIA_SET_THRESHOLD_UNREACHABLE = "criteria_set.threshold_unreachable", Error, "safe_school.criteria_set", "treem",
        "Bộ tiêu chí có {total} tiêu chí ({mandatory} bắt buộc), không thể đạt ngưỡng {min_met} ({min_mandatory_met} bắt buộc)",
        "The set has {total} criteria ({mandatory} mandatory) and cannot reach {min_met} ({min_mandatory_met} mandatory)";
    /// A set marked complete without criteria.
    CRITERIA_SET_COMPLETE_WITHOUT_CRITERIA = "criteria_set.complete_without_criteria", Error, "safe_school.criteria_set", "treem",
        "Bộ tiêu chí ghi là đầy đủ nhưng không có tiêu chí nào",
        "The set is marked complete but has no criteria";
    /// A set with the id of a built-in set but another pass rule than the document's, when
    /// treem's threshold was read in the gazette (no built-in set is, today).
    CRITERIA_SET_THRESHOLD_DIFFERS_FROM_LAW = "criteria_set.threshold_differs_from_law", Error, "safe_school.criteria_set",
        "Ngưỡng đọc từ Công báo của văn bản (hiện không có bộ tiêu chí dựng sẵn nào)",
        "Ngưỡng đánh giá khác với ngưỡng của văn bản {document}",
        "The threshold differs from that of the document {document}";
    /// A set with the id of a built-in set but another pass rule, when treem's threshold comes
    /// from a source other than the gazette (TT 18/2023: a third-party transcription; TT
    /// 45/2021: an unofficial translation; QĐ 548/QĐ-LĐTBXH: a news article): the caller's
    /// set may be the right one; the warning names treem's source.
    CRITERIA_SET_THRESHOLD_DIFFERS_FROM_SOURCE = "criteria_set.threshold_differs_from_source", Warning, "safe_school.criteria_set",
        "Thông tư 18/2023/TT-BGDĐT Điều 11 (bản chép toàn văn của bên thứ ba); Thông tư 45/2021/TT-BGDĐT Điều 8 (bản dịch không chính thức); Quyết định 548/QĐ-LĐTBXH (bài báo): chưa đối chiếu Công báo",
        "Ngưỡng đánh giá khác với ngưỡng treem ghi cho văn bản {document}; ngưỡng đó lấy từ {quality_vi} ({source}), chưa đối chiếu Công báo: kiểm tra lại",
        "The threshold differs from treem's for the document {document}; treem's comes from {quality_en} ({source}), not the gazette: check it";
    /// A complete set whose counts differ from those a source reports for the official list.
    CRITERIA_SET_COUNT_DIFFERS_FROM_REPORTED = "criteria_set.count_differs_from_reported", Warning, "safe_school.criteria_set",
        "Nguồn thứ cấp (xem notes của bộ tiêu chí dựng sẵn)",
        "Bộ tiêu chí có {total} tiêu chí ({mandatory} bắt buộc), nguồn tham khảo ghi {reported_total} ({reported_mandatory} bắt buộc)",
        "The set has {total} criteria ({mandatory} mandatory); a source reports {reported_total} ({reported_mandatory} mandatory)";
    /// A date of the document that is not ISO 8601.
    CRITERIA_SET_DATE_INVALID = "criteria_set.date_invalid", Error, "safe_school.criteria_set", "treem",
        "Ngày phải viết dạng ISO 8601 (năm-tháng-ngày)",
        "Dates must be ISO 8601 (year-month-day)";
}

/// A caller-supplied criteria set as given: any JSON, described by the schema of
/// [`CriteriaSet`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CriteriaSetDraft(pub serde_json::Value);

/// Any value, as its derived `Deserialize` reads it.
impl crate::json::FromValue for CriteriaSetDraft {
    fn accepts(_: &serde_json::Value) -> bool {
        true
    }

    fn from_value(value: serde_json::Value) -> Result<CriteriaSetDraft, serde_json::Value> {
        Ok(CriteriaSetDraft(value))
    }
}

/// Any value, read from text as its value.
impl crate::json::text::ReadText for CriteriaSetDraft {
    fn read_text(
        &mut self,
        text: &mut crate::json::text::Text<'_>,
    ) -> Result<(), crate::json::text::Fallback> {
        self.0 = text.value()?;
        Ok(())
    }

    fn from_text(
        text: &mut crate::json::text::Text<'_>,
    ) -> Result<CriteriaSetDraft, crate::json::text::Fallback> {
        text.value().map(CriteriaSetDraft)
    }
}

impl JsonSchema for CriteriaSetDraft {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        CriteriaSet::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CriteriaSet::json_schema(generator)
    }
}

/// The kind `criteria_set`.
pub(crate) const KIND: crate::document::KindDef =
    crate::document::kind_def::<CriteriaSetDraft>("criteria_set", "Bộ tiêu chí", "Criteria set");

impl crate::document::Document for CriteriaSetDraft {
    fn check(&self, _ctx: &Context, sink: &mut IssueSink) {
        read(&self.0, &Location::root(), sink);
    }

    fn normalize(&mut self, _ctx: &Context, _log: &mut crate::normalize::ChangeLog) {}
}

/// Reads and checks a caller-supplied set at `at`; the set when its schema fits (it may still
/// have raised errors: look at the sink).
///
/// # Examples
///
/// ```
/// use treem::{report::{IssueSink, Location}, safe_school::set_check, Lang};
/// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
///   "criteria_set_version": "1", "school_year": "2025-2026",
///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
/// let mut sink = IssueSink::new(Lang::En);
/// let set = set_check::read(&record["criteria_set"], &Location::root(), &mut sink).unwrap();
/// assert_eq!((set.id.as_str(), set.mandatory_count()), ("truong-x", 1));
/// ```
pub fn read(
    value: &serde_json::Value,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<CriteriaSet> {
    let set: CriteriaSet = match crate::json::data::FromJson::from_json(value) {
        Ok(set) => set,
        Err(e) => {
            let e: crate::json::data::ReadError = e;
            e.report(at, sink);
            return None;
        }
    };
    check(&set, at, sink);
    Some(set)
}

/// The rules a criteria set keeps.
///
/// # Examples
///
/// ```
/// use treem::{report::{IssueSink, Location}, safe_school::set_check, Lang};
/// let set = treem::safe_school::builtin::get("nd80-2017").unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// set_check::check(set, &Location::root(), &mut sink);
/// assert!(!sink.has_errors());
/// ```
pub fn check(set: &CriteriaSet, at: &Location<'_>, sink: &mut IssueSink) {
    for (key, text) in [
        ("id", &set.id),
        ("version", &set.version),
        ("title", &set.title),
    ] {
        if crate::fields::is_blank(text) {
            sink.push(&FIELD_REQUIRED, &at.key(key), []);
        }
    }
    let doc_at = at.key("document");
    for (key, text) in [
        ("number", &set.document.number),
        ("articles", &set.document.articles),
    ] {
        if crate::fields::is_blank(text) {
            sink.push(&FIELD_REQUIRED, &doc_at.key(key), []);
        }
    }
    for (key, date) in [
        ("issued", &set.document.issued),
        ("in_force_from", &set.document.in_force_from),
    ] {
        if let Some(date) = date {
            if crate::vn::date::iso::read_date(date).is_err() {
                sink.push(&CRITERIA_SET_DATE_INVALID, &doc_at.key(key), []);
            }
        }
    }
    let types_at = at.key("applies_to");
    for (i, code) in set.applies_to.iter().enumerate() {
        let known = code == "ho_gia_dinh"
            || crate::school::types::SCHOOL_TYPES
                .iter()
                .any(|t| t.code == code);
        if !known {
            sink.push(
                &CRITERIA_SET_UNKNOWN_SCHOOL_TYPE,
                &types_at.index(i),
                [("school_type", crate::privacy::truncate(code, 40).into())],
            );
        }
    }
    check_criteria(set, at, sink);
    check_threshold(set, at, sink);
}

fn check_criteria(set: &CriteriaSet, at: &Location<'_>, sink: &mut IssueSink) {
    let criteria_at = at.key("criteria");
    let mut seen = crate::sorted_map::SortedSet::new();
    for (i, criterion) in set.criteria.iter().enumerate() {
        let item_at = criteria_at.index(i);
        if crate::fields::is_blank(&criterion.code) {
            sink.push(&FIELD_REQUIRED, &item_at.key("code"), []);
        } else if !seen.insert(criterion.code.as_str()) {
            sink.push(
                &CRITERIA_SET_DUPLICATE_CODE,
                &item_at.key("code"),
                [("code", crate::privacy::truncate(&criterion.code, 40).into())],
            );
        }
        if crate::fields::is_blank(&criterion.text) {
            sink.push(&FIELD_REQUIRED, &item_at.key("text"), []);
        }
        if let Some(area) = &criterion.area {
            if !set.content_areas.iter().any(|a| &a.code == area) {
                sink.push(
                    &CRITERIA_SET_UNKNOWN_AREA,
                    &item_at.key("area"),
                    [("area", crate::privacy::truncate(area, 40).into())],
                );
            }
        }
    }
    let events_at = at.key("disqualifying_events");
    let mut seen = crate::sorted_map::SortedSet::new();
    for (i, event) in set.disqualifying_events.iter().enumerate() {
        if !seen.insert(event.code.as_str()) {
            sink.push(
                &CRITERIA_SET_DUPLICATE_CODE,
                &events_at.index(i).key("code"),
                [("code", crate::privacy::truncate(&event.code, 40).into())],
            );
        }
    }
    if set.completeness == Completeness::Complete && set.criteria.is_empty() {
        sink.push(&CRITERIA_SET_COMPLETE_WITHOUT_CRITERIA, &criteria_at, []);
    }
}

fn check_threshold(set: &CriteriaSet, at: &Location<'_>, sink: &mut IssueSink) {
    let threshold_at = at.key("threshold");
    match set.threshold {
        Threshold::Percent { min_percent, .. } if !(1..=100).contains(&min_percent) => {
            sink.push(&CRITERIA_SET_THRESHOLD_INVALID, &threshold_at, []);
        }
        Threshold::Count {
            min_met,
            min_mandatory_met,
        } => {
            if min_mandatory_met > min_met || min_met == 0 {
                sink.push(&CRITERIA_SET_THRESHOLD_INVALID, &threshold_at, []);
            } else if set.completeness == Completeness::Complete {
                let total = set.criteria.len();
                let mandatory = set.mandatory_count();
                if total < min_met as usize || mandatory < min_mandatory_met as usize {
                    sink.push(
                        &CRITERIA_SET_THRESHOLD_UNREACHABLE,
                        &threshold_at,
                        [
                            ("total", total.into()),
                            ("mandatory", mandatory.into()),
                            ("min_met", min_met.into()),
                            ("min_mandatory_met", min_mandatory_met.into()),
                        ],
                    );
                }
            }
        }
        Threshold::Percent { .. } | Threshold::Checklist => {}
    }
    let Some(builtin) = super::builtin::get(&set.id) else {
        return;
    };
    if builtin.threshold != set.threshold {
        let document = builtin.document.number.clone();
        match super::builtin::threshold_source(&set.id) {
            Some(t) if t.quality != super::builtin::SourceQuality::Gazette => sink.push(
                &CRITERIA_SET_THRESHOLD_DIFFERS_FROM_SOURCE,
                &threshold_at,
                [
                    ("document", document.into()),
                    ("quality", t.quality.code().into()),
                    ("quality_vi", t.quality.vi().into()),
                    ("quality_en", t.quality.en().into()),
                    ("source", t.source.into()),
                ],
            ),
            _ => sink.push(
                &CRITERIA_SET_THRESHOLD_DIFFERS_FROM_LAW,
                &threshold_at,
                [("document", document.into())],
            ),
        }
    }
    if let (Completeness::Complete, Some(reported_total), Some(reported_mandatory)) = (
        set.completeness,
        builtin.reported_total,
        builtin.reported_mandatory,
    ) {
        let total = set.criteria.len();
        let mandatory = set.mandatory_count();
        if total != reported_total as usize || mandatory != reported_mandatory as usize {
            sink.push(
                &CRITERIA_SET_COUNT_DIFFERS_FROM_REPORTED,
                &at.key("criteria"),
                [
                    ("total", total.into()),
                    ("mandatory", mandatory.into()),
                    ("reported_total", reported_total.into()),
                    ("reported_mandatory", reported_mandatory.into()),
                ],
            );
        }
    }
}

impl crate::record::sealed::Sealed for CriteriaSet {
    fn check_value(
        value: serde_json::Value,
        ctx: &Context,
    ) -> Result<crate::record::Checked<CriteriaSet>, crate::report::Report> {
        crate::record::check(value, ctx, |draft: &CriteriaSetDraft, _ctx| {
            // The rules read the set with the same reader; a set they passed reads.
            crate::json::data::FromJson::from_json(&draft.0).map_err(
                |_: crate::json::data::ReadError| {
                    crate::record::Unread::at(&crate::report::Location::root())
                },
            )
        })
    }
}

/// A criteria set supplied by the caller (kind `criteria_set`) is checked into the same type
/// that carries treem's built-in sets: its schema read, then the rules a set keeps (the
/// criteria of TT 18/2023/TT-BGDĐT Điều 11, TT 45/2021/TT-BGDĐT Điều 8 and QĐ 548/QĐ-LĐTBXH
/// are the caller's; treem checks the set's own coherence and its pass rule against the
/// documents', see [`check`]). The kind is not normalised: the checked set is the set as given,
/// read; it serialises as the built-in sets do (`remedy_required` always written, a `false`
/// `mandatory` or `conditional` left out).
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "id": "truong-x-2026", "version": "2026-01-01", "title": "Bộ tiêu chí của trường",
///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///     "applies_to": ["truong_thcs"],
///     "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///     "completeness": "complete",
///     "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}],
/// });
/// let set = treem::safe_school::CriteriaSet::check(&input, &treem::Context::default())
///     .unwrap()
///     .into_record();
/// assert_eq!(set.mandatory_count(), 1);
///
/// let mut duplicate = input.clone();
/// duplicate["criteria"] = serde_json::json!([
///     {"code": "1", "text": "Có nội quy", "mandatory": true},
///     {"code": "1", "text": "Có camera"},
/// ]);
/// let report = treem::safe_school::CriteriaSet::check(&duplicate, &treem::Context::default())
///     .unwrap_err();
/// assert!(report.has_code("criteria_set.duplicate_code"));
/// ```
impl crate::record::Record for CriteriaSet {
    const KIND: &'static str = "criteria_set";
}
