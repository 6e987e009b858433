//! The protection case (kind `case`): the incident (forms of abuse of Luật Trẻ em 2016,
//! Điều 4; accidents and injuries), the protection level (Điều 47) and the handling steps of
//! Nghị định 56/2017/NĐ-CP, Điều 25–32 with their forms (Mẫu số 01–07) and time limits.
//!
//! Modules: [`draft`] (input form), [`catalog`] (lists and steps), [`moment`] (date and time
//! of a report or a step), [`calendar`] (working days and the holiday table), [`deadlines`](mod@deadlines)
//! (the view of each step: done, due, overdue). `validate` reports late and overdue steps as
//! warnings: the record is still true to the facts, but someone should act.
//!
//! Not in this phase: linking `child_id` to a child record (the caller holds both), and the
//! post-2025 changes of authority (district level abolished, child affairs moved between
//! ministries), which were not verified as amendments of the decree.

pub mod calendar;
pub mod catalog;
pub mod deadlines;
pub mod draft;
pub mod moment;
mod record;
mod timeline;

pub use deadlines::{deadlines, Status, StepDeadline};
pub use draft::{CaseDraft, OffenderDraft, SeparationDraft, StepDraft, StepsDraft};
pub use record::{Case, Offender, Separation, StepDone, Steps};

use chrono::NaiveDate;

use crate::child::catalog::PROTECTION_LEVELS;
use crate::child::read;
use crate::code_list::Entry;
use crate::context::Context;
use crate::fields::typed;
use crate::json::Field;
use crate::normalize::ChangeLog;
use crate::report::{IssueSink, Location};
use catalog::{
    Step, ABUSE_FORMS, CASE_STEPS, ENVIRONMENTS, INJURY_TYPES, OFFENDER_RELATIONS,
    SEPARATION_MAX_DAYS,
};
use timeline::Timeline;

crate::codes! {
    /// A coded member of a case holds a value not in its catalog.
    CASE_CODE_UNKNOWN = "case.code_unknown", Error, "case.codes", "treem (lists of the catalog entry point, each with its legal source)",
        "Giá trị không có trong danh mục {catalog}",
        "Value is not in the catalog {catalog}";
    /// The report time has no time of day: the 12-hour limits are counted from midnight.
    CASE_REPORT_TIME_MISSING = "case.report_time_missing", Warning, "case.steps",
        "Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3; Điều 31 khoản 2; Điều 32 khoản 2",
        "Thời điểm tiếp nhận thông tin thiếu giờ: thời hạn 12 giờ được tính từ 00:00",
        "The report has no time of day: the 12-hour limits are counted from midnight";
    /// A moment lies after `as_of`.
    CASE_DATE_AFTER_AS_OF = "case.date_after_as_of", Error, "case.steps", "treem",
        "Thời điểm này sau ngày tính {as_of}",
        "This moment is after the as-of date {as_of}";
    /// A step was completed before the report was received, or before the step it follows.
    CASE_STEP_OUT_OF_ORDER = "case.step_out_of_order", Error, "case.steps",
        "Nghị định 56/2017/NĐ-CP, Điều 25–30",
        "Bước này được ghi hoàn thành trước {before_vi}",
        "This step is recorded as done before {before_en}";
    /// A step with a time limit was completed after its due time. Working days skip weekends
    /// (QĐ 188/1999/QĐ-TTg, Điều 1) and public holidays (Bộ luật Lao động 2019, Điều 112; see
    /// [`calendar`]); the param `calendar: "law_only"` says the due day was counted through a
    /// year with no announced schedule and no caller calendar.
    CASE_STEP_LATE = "case.step_late", Warning, "case.deadlines",
        "Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3, Điều 28 khoản 1 và 4, Điều 31 khoản 2, Điều 32; ngày làm việc: Bộ luật Lao động 2019, Điều 112; Quyết định 188/1999/QĐ-TTg, Điều 1",
        "Bước này hoàn thành sau thời hạn {due}",
        "This step was completed after its due time {due}";
    /// A step with a time limit is not done and its due day has passed at `as_of`. The
    /// emergency step is done by either measure of Điều 26 khoản 3: "trong vòng 12 giờ từ khi
    /// nhận thông tin, ... phải áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly
    /// trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em". Working days and the param
    /// `calendar` as for [`CASE_STEP_LATE`].
    CASE_STEP_OVERDUE = "case.step_overdue", Warning, "case.deadlines",
        "Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3 (\"các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em\" trong vòng 12 giờ: quyết định tạm thời cách ly kịp thời cũng đáp ứng bước can thiệp khẩn cấp), Điều 28 khoản 1 và 4, Điều 31 khoản 2, Điều 32; ngày làm việc: Bộ luật Lao động 2019, Điều 112; Quyết định 188/1999/QĐ-TTg, Điều 1",
        "Bước {step} chưa hoàn thành, đã quá thời hạn {due}",
        "Step {step} is not done and its due time {due} has passed";
    /// A separation longer than 15 days without a competent authority's requirement.
    CASE_SEPARATION_TOO_LONG = "case.separation_too_long", Error, "case.separation",
        "Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3",
        "Thời hạn tạm thời cách ly quá 15 ngày mà không có yêu cầu của cơ quan có thẩm quyền",
        "The temporary separation exceeds 15 days without a competent authority's requirement";
    /// An offender's age that is not a number of years from 0 to 150.
    CASE_OFFENDER_AGE_INVALID = "case.offender_age_invalid", Error, "case.offenders", "treem",
        "Tuổi của đối tượng xâm hại phải là số năm tròn từ 0 đến 150",
        "The offender's age must be a whole number of years from 0 to 150";
    /// The separation ends before it starts.
    CASE_SEPARATION_END_BEFORE_START = "case.separation_end_before_start", Error, "case.separation", "treem",
        "Ngày kết thúc cách ly trước ngày bắt đầu",
        "The separation ends before it starts";
}

/// The kind `case`.
pub(crate) const KIND: crate::document::KindDef = crate::document::kind_def::<CaseDraft>(
    "case",
    "Vụ việc bảo vệ trẻ em",
    "Child protection case",
);

impl crate::document::Document for CaseDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        check(self, ctx, sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut ChangeLog) {
        normalize(self, log);
    }
}

struct Judge {
    as_of: Option<NaiveDate>,
    needed_as_of: bool,
}

impl Judge {
    fn moment(
        &mut self,
        field: &Field<String>,
        at: &Location<'_>,
        sink: &mut IssueSink,
    ) -> Option<moment::Moment> {
        let text = read::text(field, at, sink)?;
        if text.trim().is_empty() {
            return None;
        }
        let m = moment::parse(text, at, sink)?;
        match self.as_of {
            Some(as_of) if m.at.date() > as_of => {
                sink.push(
                    &CASE_DATE_AFTER_AS_OF,
                    at,
                    [("as_of", as_of.to_string().into())],
                );
            }
            Some(_) => {}
            None => self.needed_as_of = true,
        }
        Some(m)
    }
}

fn codes_list(
    field: &Field<Vec<Field<String>>>,
    list: &[Entry],
    catalog: &'static str,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let Some(items) = typed(field, at, "array", sink) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let here = at.index(i);
        if let Some(text) = read::text(item, &here, sink) {
            if crate::code_list::lookup(list, text).is_none() {
                sink.push(&CASE_CODE_UNKNOWN, &here, [("catalog", catalog.into())]);
            }
        }
    }
}

fn code_member(
    field: &Field<String>,
    list: &[Entry],
    catalog: &'static str,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    if let Some(text) = read::text(field, at, sink) {
        if !crate::fields::is_blank(text) && crate::code_list::lookup(list, text).is_none() {
            sink.push(&CASE_CODE_UNKNOWN, at, [("catalog", catalog.into())]);
        }
    }
}

/// The offenders (Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111): each an object, its
/// relation in `offender_relations`, its sex in `sexes`, its age 0–150 years.
fn check_offenders(draft: &CaseDraft, at: &Location<'_>, sink: &mut IssueSink) {
    for (i, item) in read::elements(&draft.offenders, at, sink)
        .iter()
        .enumerate()
    {
        let here = at.index(i);
        let Some(offender) = read::object(item, &here, sink) else {
            continue;
        };
        code_member(
            &offender.relation,
            OFFENDER_RELATIONS,
            "offender_relations",
            &here.key("relation"),
            sink,
        );
        let sex_at = here.key("sex");
        if let Some(text) = read::text(&offender.sex, &sex_at, sink) {
            if !crate::fields::is_blank(text) && crate::vn::sex::Sex::parse(text).is_none() {
                sink.push(&CASE_CODE_UNKNOWN, &sex_at, [("catalog", "sexes".into())]);
            }
        }
        let age_at = here.key("age");
        if let Some(age) = typed(&offender.age, &age_at, "integer", sink) {
            if !(0..=150).contains(age) {
                sink.push(&CASE_OFFENDER_AGE_INVALID, &age_at, []);
            }
        }
        crate::fields::unknown_fields(&offender.unknown, &here, sink);
    }
}

/// Runs every case rule on `draft`, in the order of its members.
///
/// # Examples
///
/// ```
/// use treem::{case::{check, CaseDraft}, report::IssueSink, Lang};
/// let draft: CaseDraft =
///     serde_json::from_value(serde_json::json!({"child_id": "HP-1", "reported_at": "2026-11-28"})).unwrap();
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
/// let mut sink = IssueSink::new(Lang::En);
/// check(&draft, &ctx, &mut sink);
/// assert!(sink.finish().has_code("case.report_time_missing"));
/// ```
pub fn check(draft: &CaseDraft, ctx: &Context, sink: &mut IssueSink) {
    let root = Location::root();
    let mut judge = Judge {
        as_of: ctx.as_of,
        needed_as_of: false,
    };
    read::text(&draft.id, &root.key("id"), sink);
    read::text(&draft.child_id, &root.key("child_id"), sink);
    let reported_at = root.key("reported_at");
    let reported = match &draft.reported_at {
        Field::Absent | Field::Null => {
            sink.push(&crate::fields::FIELD_REQUIRED, &reported_at, []);
            None
        }
        field => judge.moment(field, &reported_at, sink),
    };
    if reported.is_some_and(|m| !m.has_time) {
        sink.push(&CASE_REPORT_TIME_MISSING, &reported_at, []);
    }
    let incident_at = root.key("incident_date");
    judge.moment(&draft.incident_date, &incident_at, sink);
    codes_list(
        &draft.abuse_forms,
        ABUSE_FORMS,
        "abuse_forms",
        &root.key("abuse_forms"),
        sink,
    );
    codes_list(
        &draft.injuries,
        INJURY_TYPES,
        "injury_types",
        &root.key("injuries"),
        sink,
    );
    code_member(
        &draft.environment,
        ENVIRONMENTS,
        "case_environments",
        &root.key("environment"),
        sink,
    );
    check_offenders(draft, &root.key("offenders"), sink);
    let level_at = root.key("protection_level");
    if let Some(text) = read::text(&draft.protection_level, &level_at, sink) {
        if crate::code_list::lookup(PROTECTION_LEVELS, text).is_none() {
            sink.push(
                &CASE_CODE_UNKNOWN,
                &level_at,
                [("catalog", "protection_levels".into())],
            );
        }
    }
    typed(&draft.emergency, &root.key("emergency"), "boolean", sink);

    // The deadlines count from the moments read here, each read once.
    let mut timeline = Timeline::flags_of(draft);
    timeline.reported_at = reported;
    let steps_at = root.key("steps");
    if let Some(steps) = read::object(&draft.steps, &steps_at, sink) {
        for (step, done) in check_steps(steps, reported, &mut judge, &steps_at, sink) {
            timeline.set_done(step, Some(done));
        }
    }
    let separation_at = root.key("separation");
    if let Some(separation) = read::object(&draft.separation, &separation_at, sink) {
        (timeline.separation_start, timeline.separation_end) =
            check_separation(separation, &mut judge, &separation_at, sink);
    }
    check_deadlines(&timeline, ctx, &mut judge, sink);
    crate::fields::unknown_fields(&draft.unknown, &root, sink);
    if judge.needed_as_of {
        sink.push(&crate::fields::CONTEXT_AS_OF_MISSING, &root, []);
    }
}

/// Checks the steps; answers the moments each step was done.
fn check_steps(
    steps: &StepsDraft,
    reported: Option<moment::Moment>,
    judge: &mut Judge,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Vec<(Step, moment::Moment)> {
    let mut done: Vec<(Step, moment::Moment)> = Vec::new();
    for def in CASE_STEPS {
        let here = at.key(def.entry.code);
        let Some(step) = read::object(steps.get(def.step), &here, sink) else {
            continue;
        };
        let done_at = here.key("done_at");
        crate::fields::unknown_fields(&step.unknown, &here, sink);
        let Some(m) = judge.moment(&step.done_at, &done_at, sink) else {
            continue;
        };
        // A date without a time is the whole day: compare dates then.
        let earlier = |a: &moment::Moment, b: &moment::Moment| {
            if a.has_time && b.has_time {
                a.at < b.at
            } else {
                a.at.date() < b.at.date()
            }
        };
        let prerequisite = def
            .after
            .and_then(|after| done.iter().find(|(s, _)| *s == after));
        if reported.is_some_and(|r| earlier(&m, &r)) {
            sink.push(
                &CASE_STEP_OUT_OF_ORDER,
                &done_at,
                [
                    ("before_vi", "thời điểm tiếp nhận thông tin".into()),
                    ("before_en", "the report was received".into()),
                ],
            );
        } else if let Some((after, pm)) = prerequisite {
            if earlier(&m, pm) {
                let label = catalog::step_def(*after).map(|d| d.entry);
                let (vi, en) =
                    label.map_or(("bước trước", "the previous step"), |e| (e.vi, e.en));
                sink.push(
                    &CASE_STEP_OUT_OF_ORDER,
                    &done_at,
                    [
                        ("before_vi", crate::letter_case::lower_str(vi).into()),
                        ("before_en", crate::letter_case::lower_str(en).into()),
                    ],
                );
            }
        }
        done.push((def.step, m));
    }
    crate::fields::unknown_fields(&steps.unknown, at, sink);
    done
}

/// Checks the separation; answers its start and end.
fn check_separation(
    separation: &SeparationDraft,
    judge: &mut Judge,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> (Option<moment::Moment>, Option<moment::Moment>) {
    let start = judge.moment(&separation.start, &at.key("start"), sink);
    let end_at = at.key("end");
    let end = judge.moment(&separation.end, &end_at, sink);
    let extended = typed(
        &separation.extended_by_authority,
        &at.key("extended_by_authority"),
        "boolean",
        sink,
    )
    .copied()
    .unwrap_or(false);
    crate::fields::unknown_fields(&separation.unknown, at, sink);
    if let (Some(start), Some(end)) = (start, end) {
        let days = (end.at.date() - start.at.date()).num_days();
        if days < 0 {
            sink.push(&CASE_SEPARATION_END_BEFORE_START, &end_at, []);
        } else if days > SEPARATION_MAX_DAYS && !extended {
            sink.push(&CASE_SEPARATION_TOO_LONG, &end_at, []);
        }
    }
    (start, end)
}

/// Late steps and, at `as_of`, overdue ones (warnings: the record is still accepted).
fn check_deadlines(case: &Timeline, ctx: &Context, judge: &mut Judge, sink: &mut IssueSink) {
    let root = Location::root();
    for row in deadlines::view(case, ctx) {
        let due = row.due.clone().unwrap_or_default();
        match row.status {
            Status::DoneLate if row.step == "separation_end" => {} // reported as separation_too_long
            // Met by the separation decision (Điều 26 khoản 3): that step's row reports it.
            Status::DoneLate if row.satisfied_by.is_some() => {}
            // A completion after as_of is already an error (case.date_after_as_of).
            Status::DoneLate
                if ctx
                    .as_of
                    .zip(row.done_at.as_deref().and_then(|d| d.get(..10)))
                    .is_some_and(|(as_of, day)| {
                        day > crate::vn::date::iso::date(as_of).as_str()
                    }) => {}
            Status::DoneLate => {
                let steps = root.key("steps");
                let step = steps.key(row.step);
                let params = [("due", due.into())].into_iter().chain(law_only(&row));
                sink.push(&CASE_STEP_LATE, &step.key("done_at"), params);
            }
            Status::Overdue => {
                let at = if row.step == "separation_end" {
                    root.key("separation")
                } else {
                    root.key("steps")
                };
                let params = [("step", row.step.into()), ("due", due.into())]
                    .into_iter()
                    .chain(law_only(&row));
                sink.push(&CASE_STEP_OVERDUE, &at, params);
            }
            Status::Due if ctx.as_of.is_none() => judge.needed_as_of = true,
            _ => {}
        }
    }
}

/// The param `calendar: "law_only"` of a late or overdue working-day step whose due day was
/// counted through a year with neither an announced schedule nor the caller's calendar (see
/// [`calendar`]): the due day rests on the library's estimate and may move.
fn law_only(row: &StepDeadline) -> Option<crate::report::Param> {
    (row.calendar == Some(calendar::Basis::LawOnly))
        .then(|| ("calendar", calendar::Basis::LawOnly.as_str().into()))
}

/// Rewrites `draft` into canonical form: moments as ISO, codes canonical, whitespace.
pub(crate) fn normalize(draft: &mut CaseDraft, log: &mut ChangeLog) {
    normalize_members(draft, Moments::Iso, log);
}

/// What [`normalize_members`] does with the moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moments {
    /// Rewritten as ISO text (`normalize`).
    Iso,
    /// Left as written: the checked case reads them as [`moment::Moment`]s straight from the
    /// text the rules accepted, not through ISO text read again.
    AsWritten,
}

/// [`normalize`], with the moments rewritten or not.
pub(crate) fn normalize_members(draft: &mut CaseDraft, moments: Moments, log: &mut ChangeLog) {
    use crate::child::normalize as n;
    let root = Location::root();
    n::text(&mut draft.id, &root.key("id"), log);
    n::text(&mut draft.child_id, &root.key("child_id"), log);
    moment_iso(
        &mut draft.reported_at,
        moments,
        &root.key("reported_at"),
        log,
    );
    moment_iso(
        &mut draft.incident_date,
        moments,
        &root.key("incident_date"),
        log,
    );
    for (field, list, name) in [
        (&mut draft.abuse_forms, ABUSE_FORMS, "abuse_forms"),
        (&mut draft.injuries, INJURY_TYPES, "injuries"),
    ] {
        if let Field::Value(items) = field {
            let at = root.key(name);
            for (i, item) in items.iter_mut().enumerate() {
                n::code(item, list, &at.index(i), log);
            }
        }
    }
    n::code(
        &mut draft.protection_level,
        PROTECTION_LEVELS,
        &root.key("protection_level"),
        log,
    );
    n::code(
        &mut draft.environment,
        ENVIRONMENTS,
        &root.key("environment"),
        log,
    );
    if let Field::Value(offenders) = &mut draft.offenders {
        let at = root.key("offenders");
        for (i, item) in offenders.iter_mut().enumerate() {
            if let Field::Value(offender) = item {
                let here = at.index(i);
                n::code(
                    &mut offender.relation,
                    OFFENDER_RELATIONS,
                    &here.key("relation"),
                    log,
                );
                if let Field::Value(value) = &mut offender.sex {
                    if let Some(sex) = crate::vn::sex::Sex::parse(value) {
                        n::set_code(value, sex.code(), &here.key("sex"), log);
                    }
                }
            }
        }
    }
    if let Field::Value(steps) = &mut draft.steps {
        let at = root.key("steps");
        for def in CASE_STEPS {
            if let Field::Value(step) = steps.get_mut(def.step) {
                let here = at.key(def.entry.code);
                moment_iso(&mut step.done_at, moments, &here.key("done_at"), log);
            }
        }
    }
    if let Field::Value(separation) = &mut draft.separation {
        let at = root.key("separation");
        moment_iso(&mut separation.start, moments, &at.key("start"), log);
        moment_iso(&mut separation.end, moments, &at.key("end"), log);
    }
}

fn moment_iso(field: &mut Field<String>, moments: Moments, at: &Location<'_>, log: &mut ChangeLog) {
    if moments == Moments::AsWritten {
        return;
    }
    if let Field::Value(text) = field {
        let mut scratch = IssueSink::new(crate::Lang::Vi);
        if let Some(m) = moment::parse(text, at, &mut scratch) {
            let canonical = moment::format(&m);
            if *text != canonical {
                *text = canonical;
                log.push(at, crate::normalize::Rewrite::DateIso);
            }
        }
    }
}
