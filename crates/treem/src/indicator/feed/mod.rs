//! Record feeders (phase 2): child, case and safe-school assessment records into a partial.
//!
//! Items are `{"kind": "child" | "case" | "safe_school_assessment", "record": {...}}`. Each
//! record is checked by its own kind's rules first; **a record with errors is excluded and
//! reported** (`indicator.record_invalid`, at the item's index, with its error count and first
//! code): never silently dropped, never half counted.
//!
//! Cases are joined to children by `child_id` = the child's `id` **within the same input**:
//! the abuse indicators count children ("Số trẻ em bị xâm hại"), once per child whatever the
//! number of its cases, with the child's sex, age and residence. So a shard must hold each
//! child with its cases (shard by the child's commune, for example); a case whose child is
//! not in the input is excluded with `indicator.case_child_missing`.
//!
//! A child present in two shards is counted in both: a partial counts contributions, and
//! merging adds them. Removing duplicates is the caller's job (the dedup operation), before
//! computing. Within one input, a repeated child `id` is refused (`indicator.child_id_repeated`)
//! because the join would be ambiguous.
//!
//! `school` records feed no indicator on their own (the safe-school roll-up reads the school
//! embedded in each assessment): they get `indicator.record_pending`.

pub mod age;
pub mod facts_of;
pub mod geo;
pub mod rules;

use std::collections::BTreeMap;

use crate::context::{Context, Edition};
use crate::report::{IssueSink, Location};
use facts_of::{CaseFacts, ChildFacts};
use rules::{AssessmentFacts, Dossier};

use super::facts::{add_contribution, FactContext, Facts};
use super::partial::Partial;

crate::codes! {
    /// A record failed its own kind's checks: it is left out of every indicator.
    INDICATOR_RECORD_INVALID = "indicator.record_invalid", Error, "indicator.records", "treem",
        "Hồ sơ {kind} có {errors} lỗi (lỗi đầu: {first}) nên không được tính vào chỉ tiêu",
        "The {kind} record has {errors} errors (first: {first}) and is left out of the indicators";
    /// A case whose `child_id` names no child record of the same input.
    INDICATOR_CASE_CHILD_MISSING = "indicator.case_child_missing", Error, "indicator.records", "treem",
        "Vụ việc không gắn với hồ sơ trẻ em nào trong dữ liệu (child_id): không được tính; hãy đặt hồ sơ trẻ em cùng các vụ việc của trẻ trong một phần dữ liệu",
        "The case names no child record of this input (child_id): left out; keep each child with its cases in one shard";
    /// Two child records with one `id` in the same input.
    INDICATOR_CHILD_ID_REPEATED = "indicator.child_id_repeated", Error, "indicator.records", "treem",
        "Mã hồ sơ trẻ em trùng với mục {other}: hồ sơ này không được tính (hãy loại trùng trước khi tính)",
        "The child id repeats item {other}: this record is left out (remove duplicates before computing)";
    /// The record's unit has no single province in the report's edition, or is unknown.
    INDICATOR_UNIT_UNPLACED = "indicator.unit_unplaced", Warning, "indicator.records",
        "Nghị quyết 202/2025/QH15; bảng chuyển đổi đơn vị hành chính của Tổng cục Thống kê (7/2025)",
        "Không xác định được một tỉnh duy nhất cho mã {code} trong danh mục {edition}: tính vào đơn vị {unit}",
        "Code {code} has no single province in the {edition} list: counted in unit {unit}";
    /// The person is 16 or older on the date that matters: not a child (Luật Trẻ em 2016, Điều 1).
    INDICATOR_NOT_A_CHILD = "indicator.not_a_child", Warning, "indicator.records",
        "Luật Trẻ em 2016, Điều 1",
        "Người này đã đủ 16 tuổi vào ngày {date}: không tính vào chỉ tiêu về trẻ em",
        "This person is 16 or older on {date}: not counted in the indicators on children";
    /// An assessment with no "Đạt"/"Chưa đạt" level (a checklist set) cannot be counted.
    INDICATOR_ASSESSMENT_WITHOUT_LEVEL = "indicator.assessment_without_level", Warning, "indicator.records",
        "Thông tư 18/2023/TT-BGDĐT, Điều 11 khoản 2",
        "Bộ tiêu chí dạng danh mục kiểm tra không cho mức Đạt/Chưa đạt: không tính vào tỷ lệ đạt",
        "A checklist set gives no Đạt/Chưa đạt level: not counted in the pass rate";
    /// Records were given without `as_of`, which ages and states are judged at.
    INDICATOR_RECORDS_NEED_AS_OF = "indicator.records_need_as_of", Error, "indicator.records", "treem",
        "Cần ngày tính (as_of) để tính chỉ tiêu từ {count} hồ sơ; chưa hồ sơ nào được tính",
        "An as_of date is needed to compute indicators from {count} records; none was counted";
}

/// A record item waiting to be fed: its index in the input, its kind and the record.
#[derive(Debug, Clone)]
pub(crate) struct RecordItem {
    pub(crate) index: usize,
    pub(crate) kind: &'static str,
    pub(crate) record: serde_json::Value,
}

/// Everything the feeders need beside the records.
#[derive(Debug, Clone)]
pub struct FeedSettings {
    /// The common context (`as_of` must be set; `lang`).
    pub ctx: Context,
    /// Period, school year and age groups.
    pub facts: FactContext,
    /// The geography edition cells are reported in.
    pub edition: Edition,
}

fn first_error(report: &crate::report::Report) -> String {
    report
        .issues
        .iter()
        .find(|i| i.severity == crate::report::Severity::Error)
        .map(|i| i.code.clone())
        .unwrap_or_default()
}

fn invalid(sink: &mut IssueSink, at: &Location<'_>, kind: &str, report: &crate::report::Report) {
    sink.push(
        &INDICATOR_RECORD_INVALID,
        at,
        [
            ("kind", kind.to_owned().into()),
            ("errors", report.error_count().into()),
            ("first", first_error(report).into()),
        ],
    );
}

fn place(
    province: Option<&String>,
    commune: Option<&String>,
    record_edition: Option<Edition>,
    settings: &FeedSettings,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> String {
    let from = record_edition.unwrap_or(settings.edition);
    let placed = geo::place(province, commune, from, settings.edition);
    match &placed {
        geo::Placed::Unknown(code) | geo::Placed::Unmapped(code) => sink.push(
            &INDICATOR_UNIT_UNPLACED,
            at,
            [
                ("code", crate::privacy::truncate(code, 12).into()),
                ("edition", settings.edition.as_str().into()),
                ("unit", placed.unit().to_owned().into()),
            ],
        ),
        geo::Placed::Province(_) | geo::Placed::Missing => {}
    }
    placed.unit().to_owned()
}

/// Checks, joins and feeds the records into `partial`, reporting every record left out.
pub(crate) fn feed_records(
    items: &[RecordItem],
    settings: &FeedSettings,
    partial: &mut Partial,
    sink: &mut IssueSink,
) {
    let root = Location::root();
    let ctx = &settings.ctx;
    let as_of = settings.facts.as_of;
    let mut dossiers: Vec<(usize, Dossier)> = Vec::new();
    // A `BTreeMap`, not a `SortedMap`: one entry per child of the dataset, in input order.
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut assessments: Vec<AssessmentFacts> = Vec::new();
    // Children first, so cases can find them wherever they sit in the input.
    for item in items.iter().filter(|i| i.kind == "child") {
        let at = root.index(item.index);
        let Ok(draft) = crate::kind::draft_of::<crate::child::ChildDraft>(&item.record) else {
            continue; // not an object: reported by the caller of this function
        };
        let mut check = IssueSink::new(ctx.lang);
        crate::child::check(&draft, ctx, &mut check);
        let report = check.finish();
        if !report.ok {
            invalid(sink, &at, "child", &report);
            continue;
        }
        let facts = ChildFacts::of(&draft, as_of);
        if let Some(id) = &facts.id {
            if let Some(other) = by_id.get(id) {
                sink.push(
                    &INDICATOR_CHILD_ID_REPEATED,
                    &at,
                    [("other", (*other).into())],
                );
                continue;
            }
            by_id.insert(id.clone(), item.index);
        }
        let (p, c, e) = &facts.residence;
        let unit = place(p.as_ref(), c.as_ref(), *e, settings, &at, sink);
        dossiers.push((
            item.index,
            Dossier {
                child: facts,
                cases: Vec::new(),
                unit,
            },
        ));
    }
    // Item index → position in `dossiers`, as a list rather than a map: one map type fewer
    // instantiated in the WebAssembly package.
    let mut position: Vec<Option<usize>> = vec![
        None;
        items
            .iter()
            .map(|i| i.index.saturating_add(1))
            .max()
            .unwrap_or(0)
    ];
    for (pos, (index, _)) in dossiers.iter().enumerate() {
        if let Some(slot) = position.get_mut(*index) {
            *slot = Some(pos);
        }
    }
    for item in items {
        let at = root.index(item.index);
        match item.kind {
            "case" => {
                let Ok(draft) = crate::kind::draft_of::<crate::case::CaseDraft>(&item.record)
                else {
                    continue;
                };
                let mut check = IssueSink::new(ctx.lang);
                crate::case::check(&draft, ctx, &mut check);
                let report = check.finish();
                if !report.ok {
                    invalid(sink, &at, "case", &report);
                    continue;
                }
                let facts = CaseFacts::of(&draft);
                let target = facts
                    .child_id
                    .as_ref()
                    .and_then(|id| by_id.get(id))
                    .and_then(|index| position.get(*index).copied().flatten())
                    .and_then(|pos| dossiers.get_mut(pos));
                match target {
                    Some((_, dossier)) => dossier.cases.push(facts),
                    None => sink.push(
                        &INDICATOR_CASE_CHILD_MISSING,
                        &at.key("record").key("child_id"),
                        [],
                    ),
                }
            }
            "safe_school_assessment" => {
                let Ok(draft) = crate::kind::draft_of::<
                    crate::safe_school::assessment::AssessmentDraft,
                >(&item.record) else {
                    continue;
                };
                let assessed = crate::safe_school::assessment::assess_draft(&draft, ctx);
                if !assessed.report.ok {
                    invalid(sink, &at, "safe_school_assessment", &assessed.report);
                    continue;
                }
                let Some(level) = assessed.score.as_ref().and_then(|s| s.level) else {
                    sink.push(&INDICATOR_ASSESSMENT_WITHOUT_LEVEL, &at, []);
                    continue;
                };
                let school = draft.school.value();
                let address = school.and_then(|s| s.address.value());
                let record_edition = address.and_then(|a| a.edition(ctx));
                let unit = place(
                    address.and_then(|a| a.province_code.value()),
                    address.and_then(|a| a.commune_code.value()),
                    record_edition,
                    settings,
                    &at,
                    sink,
                );
                assessments.push(AssessmentFacts {
                    unit,
                    authority: school
                        .and_then(crate::school::SchoolDraft::authority)
                        .map_or("unknown", |a| a.code())
                        .to_owned(),
                    levels: school
                        .map(|s| s.levels().into_iter().map(level_code).collect())
                        .unwrap_or_default(),
                    school_year: draft
                        .school_year
                        .value()
                        .and_then(|y| crate::safe_school::assessment::parse_school_year(y))
                        .map(|(a, _)| a),
                    dat: level == crate::safe_school::score::ResultLevel::Dat,
                });
            }
            _ => {}
        }
    }
    let mut buf = Vec::new();
    for (index, dossier) in &dossiers {
        buf.clear();
        dossier.contributions(&settings.facts, &mut buf);
        let counted_nothing = buf.is_empty();
        for c in &buf {
            add_contribution(partial, c);
        }
        // Say why a record with facts that would count was not counted: over 16.
        if counted_nothing && !dossier.is_child_on(as_of) && !dossier.child.groups.is_empty() {
            sink.push(
                &INDICATOR_NOT_A_CHILD,
                &root.index(*index),
                [("date", as_of.to_string().into())],
            );
        }
    }
    for a in &assessments {
        buf.clear();
        a.contributions(&settings.facts, &mut buf);
        for c in &buf {
            add_contribution(partial, c);
        }
    }
}

/// The school's level as its code in the catalog `school_levels` (the one list of levels,
/// shared by schools and the child record's schooling).
fn level_code(level: crate::school::types::Level) -> String {
    level.code().to_owned()
}
