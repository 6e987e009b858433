//! The deadline view of a case: each step of Nghị định 56/2017/NĐ-CP, Điều 25–32 with its due
//! time and whether it is done, done late, due, overdue, waiting or not applicable.
//!
//! How the limits are counted (our reading of the decree, stated so it can be checked):
//! - 12 hours "từ khi nhận thông tin" (Điều 26 khoản 3, Điều 31 khoản 2, Điều 32 khoản 2):
//!   from `reported_at`. Emergency intervention applies when `emergency` is true; the
//!   separation decision when the case records a separation or its decision.
//! - Điều 26 khoản 3 is satisfied by either measure: "trong vòng 12 giờ từ khi nhận thông
//!   tin, Chủ tịch Ủy ban nhân dân cấp xã, cơ quan, tổ chức, cá nhân có thẩm quyền phải áp
//!   dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc
//!   người gây tổn hại cho trẻ em quy định tại Điều 31 và Điều 32 của Nghị định này". So the
//!   step `emergency_intervention` counts as done at the earlier of its own completion and the
//!   temporary separation decision (Mẫu số 07, `steps.temporary_separation`); when the
//!   separation is what met the limit, the row says so (`satisfied_by`).
//! - 5 working days for the plan (Điều 28 khoản 1) "căn cứ mức độ tổn hại và nhu cầu cần hỗ
//!   trợ, can thiệp": the decree names no starting event; we count from the completion of the
//!   detailed assessment (Điều 27), the step that establishes those needs. 2 working days for
//!   the approval (Điều 28 khoản 4): from the completion of the plan (its submission). Both
//!   apply "trừ trường hợp khẩn cấp": not to emergency cases.
//! - Working days start the day after the event and skip weekends, public holidays and the
//!   days each year's announcement moves, with the caller's calendar on top (see
//!   [`super::calendar`]); a working-day limit ends with its last day. Its row says which
//!   calendar it was counted with (`calendar`): `law_only` when a year counted has no
//!   announced schedule in the library and no caller calendar, so the due day may move.
//! - A separation lasts at most 15 days (Điều 32 khoản 3), counted like the other limits from
//!   the day after its first day, so it ends at the latest on `start` + 15, unless a competent
//!   authority required it to continue (`extended_by_authority`).
//! - `as_of` is a date: a step is overdue once the day of its due time has passed.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::catalog::{Limit, Step, CASE_STEPS, SEPARATION_MAX_DAYS};
use super::draft::CaseDraft;
use super::moment::{self, Moment};
use super::record::Case;
use super::timeline::Timeline;
use crate::context::Context;

/// Where a step stands at `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Completed within its limit (or completed, for a step without a limit).
    Done,
    /// Completed after its due time.
    DoneLate,
    /// Not completed; the due time has not passed.
    Due,
    /// Not completed and the due day has passed.
    Overdue,
    /// Not completed; its limit has not started (the step it counts from is not done).
    Waiting,
    /// Not completed, no time limit.
    Pending,
    /// The step does not apply to this case.
    NotApplicable,
}

/// One row of the deadline view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepDeadline {
    /// The step's code (catalog `case_steps`), or `separation_end`.
    pub step: &'static str,
    /// The form of the decree's appendix.
    pub form: Option<&'static str>,
    /// The article the limit comes from.
    pub source: &'static str,
    /// The due time: `2026-11-28T20:30` for hour limits, a date for day limits.
    pub due: Option<String>,
    /// When the step was done, canonical form.
    pub done_at: Option<String>,
    /// Where the step stands.
    pub status: Status,
    /// The other step whose completion met this step's limit, when it is not the step's own
    /// (`temporary_separation` for `emergency_intervention`, Điều 26 khoản 3: "can thiệp khẩn
    /// cấp hoặc tạm thời cách ly"); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satisfied_by: Option<&'static str>,
    /// For a working-day limit, the calendar its due day was counted with
    /// ([`super::calendar::Basis`]: `announced`, `caller` or `law_only`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<super::calendar::Basis>,
}

/// A due time: an instant, or a whole day.
#[derive(Debug, Clone, Copy)]
enum Due {
    At(NaiveDateTime),
    Day(NaiveDate),
}

impl Due {
    fn text(self) -> String {
        match self {
            Due::At(t) => crate::vn::date::iso::minute(t),
            Due::Day(d) => crate::vn::date::iso::date(d),
        }
    }

    fn day(self) -> NaiveDate {
        match self {
            Due::At(t) => t.date(),
            Due::Day(d) => d,
        }
    }

    fn missed_by(self, done: &Moment) -> bool {
        match self {
            Due::At(t) => done.at > t,
            Due::Day(d) => done.at.date() > d,
        }
    }
}

fn status(due: Option<Due>, done: Option<&Moment>, as_of: Option<NaiveDate>) -> Status {
    match (due, done) {
        (Some(due), Some(done)) if due.missed_by(done) => Status::DoneLate,
        (_, Some(_)) => Status::Done,
        (None, None) => Status::Pending,
        (Some(due), None) => match as_of {
            Some(as_of) if as_of > due.day() => Status::Overdue,
            _ => Status::Due,
        },
    }
}

/// The deadline view of `case` at `ctx.as_of` (with `ctx.days_off`). Values that do not parse
/// are treated as absent here; `validate` reports them. A form computes it while the officer
/// types, so the case need not be valid; for a checked case, [`Case::deadlines`] reads the
/// same view from its moments.
///
/// # Examples
///
/// ```
/// use treem::case::{deadlines, CaseDraft, Status};
/// let case: CaseDraft = serde_json::from_value(serde_json::json!({
///     "reported_at": "2026-11-28T08:30", "steps": {"intake": {"done_at": "2026-11-28T09:00"}},
/// })).unwrap();
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
/// let view = deadlines(&case, &ctx);
/// assert_eq!((view[0].step, view[0].status), ("intake", Status::Done));
/// ```
pub fn deadlines(case: &CaseDraft, ctx: &Context) -> Vec<StepDeadline> {
    view(&Timeline::of_draft(case), ctx)
}

impl Case {
    /// The deadline view of this case at `ctx.as_of` (with `ctx.days_off`): the same rows as
    /// [`deadlines`] of its draft, counted from the moments the check read (Nghị định
    /// 56/2017/NĐ-CP, Điều 25–32; how the limits are counted:
    /// [`crate::case::deadlines`](mod@crate::case::deadlines)).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{case::{Case, Status}, record::Record};
    /// let input = serde_json::json!({"reported_at": "27/11/2026 09:00", "emergency": true});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    /// let case = Case::check(&input, &ctx).unwrap().into_record();
    /// let emergency = &case.deadlines(&ctx)[2];
    /// assert_eq!(emergency.step, "emergency_intervention");
    /// assert_eq!(emergency.due.as_deref(), Some("2026-11-27T21:00"));
    /// assert_eq!(emergency.status, Status::Overdue);
    /// ```
    pub fn deadlines(&self, ctx: &Context) -> Vec<StepDeadline> {
        view(&Timeline::of(self), ctx)
    }
}

/// The rows of the deadline view of `case`.
pub(crate) fn view(case: &Timeline, ctx: &Context) -> Vec<StepDeadline> {
    let reported = case.reported_at;
    let emergency = case.emergency;
    let separated = case.separated;
    let mut rows = Vec::with_capacity(CASE_STEPS.len() + 1);
    for def in CASE_STEPS {
        let applies = match def.step {
            Step::EmergencyIntervention => emergency,
            Step::TemporarySeparation => separated,
            _ => true,
        };
        let (done, satisfied_by) = if applies {
            step_done(case, def.step)
        } else {
            (case.done_at(def.step), None)
        };
        let mut calendar = None;
        let (due, waiting) = match def.limit {
            Limit::None => (None, false),
            Limit::HoursFromReport(hours) => (
                reported.map(|r| Due::At(r.at + Duration::hours(hours))),
                reported.is_none(),
            ),
            Limit::WorkingDaysAfter(_, _) if emergency => (None, false),
            Limit::WorkingDaysAfter(from, days) => match case.done_at(from) {
                Some(start) => {
                    let counted = super::calendar::add_working_days(start.at.date(), days, ctx);
                    calendar = counted.map(|(_, basis)| basis);
                    (counted.map(|(day, _)| Due::Day(day)), false)
                }
                None => (None, true),
            },
        };
        let status = if !applies && done.is_none() {
            Status::NotApplicable
        } else if waiting && done.is_none() {
            Status::Waiting
        } else {
            status(due, done.as_ref(), ctx.as_of)
        };
        rows.push(StepDeadline {
            step: def.entry.code,
            form: def.form,
            source: def.entry.source,
            due: due.map(Due::text),
            done_at: done.as_ref().map(moment::format),
            status,
            satisfied_by,
            calendar,
        });
    }
    rows.push(separation_end(case, ctx));
    rows
}

/// When `step` counts as done, and the other step that did it if not itself. The emergency
/// step is met by "các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em" (Nghị định
/// 56/2017/NĐ-CP, Điều 26 khoản 3): the earlier of the two completions counts.
fn step_done(case: &Timeline, step: Step) -> (Option<Moment>, Option<&'static str>) {
    let own = case.done_at(step);
    if step != Step::EmergencyIntervention {
        return (own, None);
    }
    match (own, case.done_at(Step::TemporarySeparation)) {
        (Some(own), Some(sep)) if sep.at < own.at => (Some(sep), Some("temporary_separation")),
        (None, Some(sep)) => (Some(sep), Some("temporary_separation")),
        (own, _) => (own, None),
    }
}

fn separation_end(case: &Timeline, ctx: &Context) -> StepDeadline {
    let (start, end) = (case.separation_start, case.separation_end);
    let extended = case.extended_by_authority;
    let due = start.map(|s| Due::Day(s.at.date() + Duration::days(SEPARATION_MAX_DAYS)));
    let status = match (start, extended) {
        (None, _) | (Some(_), true) => Status::NotApplicable,
        (Some(_), false) => status(due, end.as_ref(), ctx.as_of),
    };
    StepDeadline {
        step: "separation_end",
        form: None,
        source: "Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3",
        due: if extended { None } else { due.map(Due::text) },
        done_at: end.as_ref().map(moment::format),
        status,
        satisfied_by: None,
        calendar: None,
    }
}
