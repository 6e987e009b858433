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

pub(crate) mod age;
pub(crate) mod facts_of;
pub(crate) mod geo;
pub(crate) mod rules;

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

/// When an issue is raised in the whole-set computation: issues are listed by phase, then by
/// item index, so the order does not depend on the order records are given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Phase {
    /// Reading the items (not JSON, wrong shape, caller values, partials, pending kinds).
    Intake,
    /// Checking children (invalid, repeated id, unplaced unit).
    Children,
    /// Checking cases and assessments, joining cases to their children.
    Others,
    /// Counting each child with its cases (not a child any more).
    Counting,
}

/// The hash of a child id the set of ids seen keeps instead of the id (8 bytes instead of
/// the text, for millions of children; [`crate::hash::text64`]).
fn id_hash(id: &str) -> u64 {
    crate::hash::text64(id)
}

/// The record feeders' state between records: the children's ids seen, the cases waiting for
/// their child, and the children waiting for the cases. What it keeps grows with the cases
/// (a few per hundred children) and with 16 bytes per child id, not with the records.
///
/// Cases join their child by `child_id`: a child is counted when it is given after every
/// case ([`Joiner::close_cases`]), at once; a child given before that waits (its facts only,
/// a few hundred bytes) until the cases are closed.
#[derive(Debug)]
pub(crate) struct Joiner {
    settings: FeedSettings,
    /// Hash of each counted child's id → the item index of the first child with it.
    seen: BTreeMap<u64, usize>,
    /// The checked cases, by position; `None` once joined to their child.
    cases: Vec<Option<(usize, CaseFacts)>>,
    /// Child id → positions in `cases`, in input order.
    by_child: BTreeMap<String, Vec<usize>>,
    /// Cases without a `child_id`, by item index (they can join no child).
    orphans: Vec<usize>,
    /// Children given before the cases were closed.
    waiting: Vec<(usize, Dossier)>,
    closed: bool,
    buf: Vec<super::facts::Contribution>,
}

impl Joiner {
    /// A joiner with nothing fed yet.
    pub(crate) fn new(settings: FeedSettings) -> Joiner {
        Joiner {
            settings,
            seen: BTreeMap::new(),
            cases: Vec::new(),
            by_child: BTreeMap::new(),
            orphans: Vec::new(),
            waiting: Vec::new(),
            closed: false,
            buf: Vec::new(),
        }
    }

    /// True once [`Joiner::close_cases`] has been called.
    pub(crate) fn is_closed(&self) -> bool {
        self.closed
    }

    /// Checks a child record and counts it (with its cases) or keeps it until the cases are
    /// closed; `sink` gets its [`Phase::Children`] issues, `counting` its [`Phase::Counting`] one.
    pub(crate) fn child(
        &mut self,
        index: usize,
        record: serde_json::Value,
        partial: &mut Partial,
        sink: &mut IssueSink,
        counting: &mut IssueSink,
    ) {
        let root = Location::root();
        let at = root.index(index);
        let ctx = &self.settings.ctx;
        if !record.is_object() {
            return; // reported by the caller
        }
        let child = match crate::child::Child::check_for_feed(record, ctx) {
            Ok(child) => child,
            Err(report) => {
                invalid(sink, &at, "child", &report);
                return;
            }
        };
        let facts = ChildFacts::of(&child, self.settings.facts.as_of);
        if let Some(id) = &facts.id {
            let hash = id_hash(id);
            if let Some(other) = self.seen.get(&hash) {
                sink.push(
                    &INDICATOR_CHILD_ID_REPEATED,
                    &at,
                    [("other", (*other).into())],
                );
                return;
            }
            self.seen.insert(hash, index);
        }
        let (p, c, e) = &facts.residence;
        let unit = place(p.as_ref(), c.as_ref(), *e, &self.settings, &at, sink);
        let dossier = Dossier {
            child: facts,
            cases: Vec::new(),
            unit,
        };
        if self.closed {
            self.count(index, dossier, partial, counting);
        } else {
            self.waiting.push((index, dossier));
        }
    }

    /// Ends the cases: children given from now on are counted at once. Returns the children
    /// kept so far, to be counted ([`Joiner::count`]) one by one.
    pub(crate) fn close_cases(&mut self) -> Vec<(usize, Dossier)> {
        self.closed = true;
        std::mem::take(&mut self.waiting)
    }

    /// Joins the child's cases to it and adds its contributions; `counting` gets its
    /// [`Phase::Counting`] issue.
    pub(crate) fn count(
        &mut self,
        index: usize,
        mut dossier: Dossier,
        partial: &mut Partial,
        counting: &mut IssueSink,
    ) {
        let as_of = self.settings.facts.as_of;
        if let Some(positions) = dossier
            .child
            .id
            .as_ref()
            .and_then(|id| self.by_child.remove(id))
        {
            for pos in positions {
                if let Some((_, case)) = self.cases.get_mut(pos).and_then(Option::take) {
                    dossier.cases.push(case);
                }
            }
        }
        self.buf.clear();
        dossier.contributions(&self.settings.facts, &mut self.buf);
        let counted_nothing = self.buf.is_empty();
        for c in &self.buf {
            add_contribution(partial, c);
        }
        // Say why a record with facts that would count was not counted: over 16.
        if counted_nothing && !dossier.is_child_on(as_of) && !dossier.child.groups.is_empty() {
            counting.push(
                &INDICATOR_NOT_A_CHILD,
                &Location::root().index(index),
                [("date", as_of.to_string().into())],
            );
        }
    }

    /// Checks a case record and keeps its facts until its child comes; `sink` gets its
    /// [`Phase::Others`] issue.
    pub(crate) fn case(&mut self, index: usize, record: serde_json::Value, sink: &mut IssueSink) {
        let root = Location::root();
        let at = root.index(index);
        let ctx = &self.settings.ctx;
        if !record.is_object() {
            return; // reported by the caller
        }
        let case =
            match <crate::case::Case as crate::record::sealed::Sealed>::check_value(record, ctx) {
                Ok(checked) => checked.into_record(),
                Err(report) => {
                    invalid(sink, &at, "case", &report);
                    return;
                }
            };
        let facts = CaseFacts::of(&case);
        match facts.child_id.clone() {
            Some(id) => {
                self.by_child.entry(id).or_default().push(self.cases.len());
                self.cases.push(Some((index, facts)));
            }
            None => self.orphans.push(index),
        }
    }

    /// The item indices of the cases whose child never came, in input order.
    pub(crate) fn unjoined(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .cases
            .iter()
            .flatten()
            .map(|(index, _)| *index)
            .chain(self.orphans.iter().copied())
            .collect();
        crate::sorting::sort(&mut out);
        out
    }

    /// Checks a safe-school assessment and adds the score and school of the checked
    /// [`crate::safe_school::Assessment`]; `sink` gets its [`Phase::Others`] issues.
    pub(crate) fn assessment(
        &mut self,
        index: usize,
        record: serde_json::Value,
        partial: &mut Partial,
        sink: &mut IssueSink,
    ) {
        let root = Location::root();
        let at = root.index(index);
        let ctx = &self.settings.ctx;
        let Ok(draft) =
            crate::document::draft_of::<crate::safe_school::assessment::AssessmentDraft>(record)
        else {
            return;
        };
        let assessment =
            match crate::record::check_draft(&draft, ctx, crate::safe_school::Assessment::read) {
                Ok((assessment, _warnings)) => assessment,
                Err(report) => {
                    invalid(sink, &at, "safe_school_assessment", &report);
                    return;
                }
            };
        let Some(level) = assessment.score().level else {
            sink.push(&INDICATOR_ASSESSMENT_WITHOUT_LEVEL, &at, []);
            return;
        };
        let school = &assessment.school;
        let address = school.address.as_ref();
        let code = |unit: Option<&crate::record::AdminUnit>| unit.map(|u| u.code().to_owned());
        let unit = place(
            code(address.and_then(|a| a.province.as_ref())).as_ref(),
            code(address.and_then(|a| a.commune.as_ref())).as_ref(),
            address.map(|a| a.edition.unwrap_or_else(|| ctx.edition())),
            &self.settings,
            &at,
            sink,
        );
        let facts = AssessmentFacts {
            unit,
            authority: school
                .managing_authority
                .map_or("unknown", |a| a.code())
                .to_owned(),
            levels: school.levels_taught().into_iter().map(level_code).collect(),
            school_year: Some(assessment.school_years().0),
            dat: level == crate::safe_school::score::ResultLevel::Dat,
        };
        self.buf.clear();
        facts.contributions(&self.settings.facts, &mut self.buf);
        for c in &self.buf {
            add_contribution(partial, c);
        }
    }
}

/// The `case_child_missing` issue of a case whose child never came.
pub(crate) fn case_child_missing(index: usize, sink: &mut IssueSink) {
    sink.push(
        &INDICATOR_CASE_CHILD_MISSING,
        &Location::root().index(index).key("record").key("child_id"),
        [],
    );
}

/// The school's level as its code in the catalog `school_levels` (the one list of levels,
/// shared by schools and the child record's schooling).
fn level_code(level: crate::school::types::Level) -> String {
    level.code().to_owned()
}
