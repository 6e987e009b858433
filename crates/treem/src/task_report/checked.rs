//! The checked task report ([`TaskReport`]): a [`TaskReportDraft`] that passed every
//! task-report rule, read into domain values (see [`crate::record`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{
    ActivityDraft, ParticipantsDraft, TaskProgressDraft, TaskReportDraft, UnitDraft,
};
use super::period::Period;
use crate::context::Context;
use crate::json::Field;
use crate::record::{self, canonical, Checked, Record, Unknown, Unread};
use crate::report::{Location, Report};

/// A unit's progress report that passed the task-report rules (see [`crate::task_report`]):
/// its directive is a built-in one, its tasks are the directive's and assigned to the unit's
/// type, its counts are whole and non-negative, its dates fall in the period.
///
/// The kind's `normalize` rewrites only the activity dates (to ISO 8601); the codes it keeps as
/// written (the directive's id, the unit type, statuses, activity kinds, occasions, media
/// types, the period) are kept as written here too, so the record serialises to what
/// `normalize` writes. Counts the draft accepts as any JSON value are whole numbers here (the
/// rules refused any other).
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "directive": "hai-phong-2024", "period": "2024-2025",
///     "unit": {"type": "thpt_school", "code": "THPT-NQ", "name": "Trường THPT Ngô Quyền", "learners": 1450},
///     "tasks": [{"task": "1b-4", "status": "done", "activities": [{
///         "kind": "campaign", "date": "16/09/2024", "occasion": "tet_trung_thu",
///         "participants": {"learners": 1200, "teachers": 80},
///     }]}],
/// });
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
/// let report = treem::task_report::TaskReport::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(report.unit.learners, Some(1450));
/// let activity = &report.tasks[0].activities[0];
/// assert_eq!(activity.date.map(|d| d.to_string()).as_deref(), Some("2024-09-16"));
/// assert_eq!(activity.participants.as_ref().and_then(|p| p.learners), Some(1200));
/// assert!(report.period().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TaskReport {
    /// The id of the built-in directive reported on, as written.
    pub directive: String,
    /// The reporting unit.
    pub unit: Unit,
    /// The period as written (see [`TaskReport::period`]).
    pub period: String,
    /// Progress per task, in the order given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskProgress>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The reporting unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Unit {
    /// The unit type (catalog `unit_types`), as written.
    #[serde(rename = "type")]
    pub unit_type: String,
    /// The unit's code.
    pub code: String,
    /// The unit's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// For a school: its number of learners.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learners: Option<u64>,
}

/// Progress on one task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TaskProgress {
    /// The task's id in the directive, as written.
    pub task: String,
    /// `done`, `in_progress` or `not_started` (catalog `task_statuses`).
    pub status: String,
    /// What was done.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Links to evidence (http or https).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Difficulties met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difficulties: Option<String>,
    /// Proposals to the directing body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposals: Option<String>,
}

/// One activity carried out for a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Activity {
    /// `event`, `media` or `campaign` (catalog `activity_kinds`).
    pub kind: String,
    /// A short title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date it took place (or started), within the period.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub date: Option<chrono::NaiveDate>,
    /// The occasion it marked (catalog `occasions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    /// How many events of this kind (absent: 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Participants by group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Participants>,
    /// Communication products by type (catalog `media_types`) → number produced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<BTreeMap<String, u64>>,
}

/// Participants of an activity by group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Participants {
    /// Learners (at most the school's learners).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learners: Option<u64>,
    /// Teachers and staff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teachers: Option<u64>,
    /// Parents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parents: Option<u64>,
    /// Others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub others: Option<u64>,
}

/// A count the rules accepted: a whole, non-negative number.
fn count(field: &Field<serde_json::Value>, at: &Location<'_>) -> Result<Option<u64>, Unread> {
    match field {
        Field::Absent | Field::Null => Ok(None),
        Field::Value(value) => value.as_u64().map(Some).ok_or_else(|| Unread::at(at)),
        Field::Invalid(_) => Err(Unread::at(at)),
    }
}

fn required(field: &Field<String>, at: &Location<'_>) -> Result<String, Unread> {
    record::owned(field, at)?.ok_or_else(|| Unread::at(at))
}

impl TaskReport {
    /// The period the report covers.
    ///
    /// # Examples
    /// See [`TaskReport`].
    pub fn period(&self) -> Option<Period> {
        Period::parse(&self.period)
    }

    fn read(draft: &TaskReportDraft, _ctx: &Context) -> Result<TaskReport, Unread> {
        let root = Location::root();
        let unit_at = root.key("unit");
        Ok(TaskReport {
            directive: required(&draft.directive, &root.key("directive"))?,
            unit: record::object(&draft.unit, &unit_at, Unit::read)?
                .ok_or_else(|| Unread::at(&unit_at))?,
            period: required(&draft.period, &root.key("period"))?,
            tasks: record::plain_list(&draft.tasks, &root.key("tasks"), |p, at| {
                TaskProgress::read(p, at).map(Some)
            })?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Unit {
    fn read(draft: &UnitDraft, at: &Location<'_>) -> Result<Unit, Unread> {
        Ok(Unit {
            unit_type: required(&draft.r#type, &at.key("type"))?,
            code: required(&draft.code, &at.key("code"))?,
            name: record::owned(&draft.name, &at.key("name"))?,
            learners: count(&draft.learners, &at.key("learners"))?,
        })
    }
}

impl TaskProgress {
    fn read(draft: &TaskProgressDraft, at: &Location<'_>) -> Result<TaskProgress, Unread> {
        Ok(TaskProgress {
            task: required(&draft.task, &at.key("task"))?,
            status: required(&draft.status, &at.key("status"))?,
            activities: record::plain_list(&draft.activities, &at.key("activities"), |a, here| {
                Activity::read(a, here).map(Some)
            })?,
            evidence: record::plain_list(
                &draft.evidence,
                &at.key("evidence"),
                |link: &String, _| Ok((!crate::fields::is_blank(link)).then(|| link.clone())),
            )?,
            difficulties: record::owned(&draft.difficulties, &at.key("difficulties"))?,
            proposals: record::owned(&draft.proposals, &at.key("proposals"))?,
        })
    }
}

impl Activity {
    fn read(draft: &ActivityDraft, at: &Location<'_>) -> Result<Activity, Unread> {
        let media_at = at.key("media");
        let media = match &draft.media {
            Field::Absent | Field::Null => None,
            Field::Value(map) => {
                let mut out = BTreeMap::new();
                for (key, value) in map {
                    let n = value.as_u64().ok_or_else(|| Unread::at(&media_at))?;
                    out.insert(key.clone(), n);
                }
                Some(out)
            }
            Field::Invalid(_) => return Err(Unread::at(&media_at)),
        };
        Ok(Activity {
            kind: required(&draft.kind, &at.key("kind"))?,
            title: record::owned(&draft.title, &at.key("title"))?,
            date: record::date(&draft.date, &at.key("date"))?,
            occasion: record::owned(&draft.occasion, &at.key("occasion"))?,
            count: count(&draft.count, &at.key("count"))?,
            participants: record::object(
                &draft.participants,
                &at.key("participants"),
                Participants::read,
            )?,
            media,
        })
    }
}

impl Participants {
    fn read(draft: &ParticipantsDraft, at: &Location<'_>) -> Result<Participants, Unread> {
        Ok(Participants {
            learners: count(&draft.learners, &at.key("learners"))?,
            teachers: count(&draft.teachers, &at.key("teachers"))?,
            parents: count(&draft.parents, &at.key("parents"))?,
            others: count(&draft.others, &at.key("others"))?,
        })
    }
}

impl record::sealed::Sealed for TaskReport {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<TaskReport>, Report> {
        record::check(value, ctx, TaskReport::read)
    }
}

impl Record for TaskReport {
    const KIND: &'static str = "task_report";
}
