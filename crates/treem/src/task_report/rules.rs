//! The rules a task report is checked by.

use crate::sorted_map::SortedSet;

use chrono::Datelike;

use super::model::{ActivityDraft, TaskProgressDraft, TaskReportDraft};
use super::period::Period;
use crate::context::Context;
use crate::directive::vocab;
use crate::directive::{DirectiveDraft, TaskDraft};
use crate::fields::{required_text, typed, unknown_fields};
use crate::json::Field;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The report names a directive the library does not know.
    TASK_REPORT_DIRECTIVE_UNKNOWN = "task_report.directive_unknown", Error, "task_report", "treem",
        "Không có văn bản chỉ đạo mã {directive} (xem danh mục directives)",
        "No directive with id {directive} (see the catalog directives)";
    /// The period is not a school year, a year or a half-year.
    TASK_REPORT_PERIOD_INVALID = "task_report.period_invalid", Error, "task_report", "treem",
        "Kỳ báo cáo phải là năm học (2024-2025), năm (2024) hoặc 6 tháng (2024-H1, 2024-H2)",
        "The period must be a school year (2024-2025), a year (2024) or a half-year (2024-H1, 2024-H2)";
    /// The task id is not a task of the directive.
    TASK_REPORT_TASK_UNKNOWN = "task_report.task_unknown", Error, "task_report", "treem",
        "Văn bản chỉ đạo không có nhiệm vụ {task}",
        "The directive has no task {task}";
    /// The task is not assigned to this type of unit.
    TASK_REPORT_TASK_NOT_ASSIGNED = "task_report.task_not_assigned", Error, "task_report", "treem",
        "Nhiệm vụ {task} không giao cho loại đơn vị {unit_type}",
        "Task {task} is not assigned to units of type {unit_type}";
    /// The same task is reported twice.
    TASK_REPORT_TASK_DUPLICATE = "task_report.task_duplicate", Error, "task_report", "treem",
        "Nhiệm vụ {task} được báo cáo hai lần",
        "Task {task} is reported twice";
    /// A count is not a whole number ≥ 0.
    TASK_REPORT_COUNT_INVALID = "task_report.count_invalid", Error, "task_report", "treem",
        "Số lượng phải là số nguyên không âm",
        "A count must be a whole number, zero or more";
    /// An activity is dated outside the report's period.
    TASK_REPORT_DATE_OUTSIDE_PERIOD = "task_report.date_outside_period", Error, "task_report", "treem",
        "Ngày hoạt động nằm ngoài kỳ báo cáo ({start} – {end})",
        "The activity's date is outside the period ({start} – {end})";
    /// An activity for an occasion is dated outside the months the occasion falls in.
    TASK_REPORT_OCCASION_MONTH = "task_report.occasion_month", Warning, "task_report", "treem",
        "Hoạt động nhân dịp {occasion} thường diễn ra vào tháng {months}",
        "Activities for {occasion} usually take place in month(s) {months}";
    /// More learners took part than the school has.
    TASK_REPORT_PARTICIPANTS_EXCEED_LEARNERS = "task_report.participants_exceed_learners", Error, "task_report", "treem",
        "Số học sinh tham gia ({participants}) vượt số học sinh của trường ({learners})",
        "More learners took part ({participants}) than the school has ({learners})";
    /// A task marked done has neither activities nor evidence.
    TASK_REPORT_DONE_WITHOUT_EVIDENCE = "task_report.done_without_evidence", Warning, "task_report", "treem",
        "Nhiệm vụ báo cáo đã hoàn thành nhưng không có hoạt động hay minh chứng",
        "The task is reported done without any activity or evidence";
    /// Evidence should be a link (http or https).
    TASK_REPORT_EVIDENCE_NOT_LINK = "task_report.evidence_not_link", Warning, "task_report", "treem",
        "Minh chứng nên là đường dẫn (http hoặc https)",
        "Evidence should be a link (http or https)";
}

/// Reads a whole, non-negative count, reporting anything else.
///
/// # Examples
///
/// ```
/// use treem::{report::{IssueSink, Location}, task_report::rules::count, Field, Lang};
/// let mut sink = IssueSink::new(Lang::En);
/// let field: Field<serde_json::Value> = serde_json::from_value(serde_json::json!(12)).unwrap();
/// assert_eq!(count(&field, &Location::root(), &mut sink), Some(12));
/// let field: Field<serde_json::Value> = serde_json::from_value(serde_json::json!(-1)).unwrap();
/// assert_eq!(count(&field, &Location::root(), &mut sink), None);
/// assert!(sink.has_errors());
/// ```
pub fn count(
    field: &Field<serde_json::Value>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<u64> {
    match field {
        Field::Value(value) => match value.as_u64() {
            Some(n) => Some(n),
            None => {
                sink.push(&TASK_REPORT_COUNT_INVALID, at, []);
                None
            }
        },
        Field::Invalid(_) => {
            sink.push(&TASK_REPORT_COUNT_INVALID, at, []);
            None
        }
        Field::Absent | Field::Null => None,
    }
}

/// Runs every task-report rule.
///
/// # Examples
///
/// ```
/// use treem::{report::IssueSink, task_report::{rules::check, TaskReportDraft}, Lang};
/// let draft: TaskReportDraft = serde_json::from_value(serde_json::json!({
///     "directive": "hai-phong-2024", "period": "2024-2025",
///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "no-such-task", "status": "done"}],
/// })).unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// check(&draft, &treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()), &mut sink);
/// assert!(sink.has_errors());
/// ```
pub fn check(draft: &TaskReportDraft, ctx: &Context, sink: &mut IssueSink) {
    let _ = ctx;
    let root = Location::root();
    let directive_at = root.key("directive");
    let directive: Option<&DirectiveDraft> = required_text(&draft.directive, &directive_at, sink)
        .and_then(|id| {
            let found = crate::directive::built_in_draft(crate::fields::trim(id));
            if found.is_none() {
                sink.push(
                    &TASK_REPORT_DIRECTIVE_UNKNOWN,
                    &directive_at,
                    [("directive", crate::privacy::truncate(id, 40).into())],
                );
            }
            found
        });
    let unit_at = root.key("unit");
    let mut unit_type = None;
    let mut learners = None;
    match typed(&draft.unit, &unit_at, "object", sink) {
        Some(unit) => {
            let type_at = unit_at.key("type");
            if let Some(code) = required_text(&unit.r#type, &type_at, sink) {
                if code == "education_institution" || vocab::find(vocab::UNIT_TYPES, code).is_none()
                {
                    sink.push(
                        &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                        &type_at,
                        [("catalog", "unit_types".into())],
                    );
                } else {
                    unit_type = Some(code.to_owned());
                }
            }
            required_text(&unit.code, &unit_at.key("code"), sink);
            typed(&unit.name, &unit_at.key("name"), "string", sink);
            learners = count(&unit.learners, &unit_at.key("learners"), sink);
        }
        None if draft.unit.is_missing() => sink.push(&crate::fields::FIELD_REQUIRED, &unit_at, []),
        None => {}
    }
    let period_at = root.key("period");
    let period = required_text(&draft.period, &period_at, sink).and_then(|text| {
        let period = Period::parse(text);
        if period.is_none() {
            sink.push(&TASK_REPORT_PERIOD_INVALID, &period_at, []);
        }
        period
    });
    let tasks_at = root.key("tasks");
    let all_tasks = directive.map(crate::directive::tasks).unwrap_or_default();
    let scope = Scope {
        period,
        unit_type: unit_type.as_deref(),
        learners,
    };
    match typed(&draft.tasks, &tasks_at, "array of task progress", sink) {
        Some(list) => {
            let mut seen = SortedSet::new();
            for (i, progress) in list.iter().enumerate() {
                let item = tasks_at.index(i);
                let task = find_task(
                    progress,
                    &all_tasks,
                    directive.is_some(),
                    &item,
                    &mut seen,
                    &scope,
                    sink,
                );
                check_progress(progress, task, &item, &scope, sink);
            }
        }
        None if draft.tasks.is_missing() => {
            sink.push(&crate::fields::FIELD_REQUIRED, &tasks_at, [])
        }
        None => {}
    }
    unknown_fields(&draft.unknown, &root, sink);
}

struct Scope<'a> {
    period: Option<Period>,
    unit_type: Option<&'a str>,
    learners: Option<u64>,
}

fn find_task<'d, 'r>(
    progress: &'r TaskProgressDraft,
    all: &[crate::directive::FlatTask<'d>],
    directive_known: bool,
    at: &Location<'_>,
    seen: &mut SortedSet<&'r str>,
    scope: &Scope<'_>,
    sink: &mut IssueSink,
) -> Option<&'d TaskDraft> {
    let task_at = at.key("task");
    let id = required_text(&progress.task, &task_at, sink)?;
    // The id as a message shows it, cut only when an issue is raised (most tasks raise none).
    let shown = || crate::privacy::truncate(id, 20).into();
    if !seen.insert(id) {
        sink.push(&TASK_REPORT_TASK_DUPLICATE, &task_at, [("task", shown())]);
    }
    if !directive_known {
        return None;
    }
    let Some(task) = all
        .iter()
        .map(|f| f.task)
        .find(|t| t.id.value().is_some_and(|t| t == id))
    else {
        sink.push(&TASK_REPORT_TASK_UNKNOWN, &task_at, [("task", shown())]);
        return None;
    };
    if let (Some(unit_type), Some(assignees)) = (scope.unit_type, task.assignees.value()) {
        if !assignees
            .iter()
            .any(|a| vocab::assignee_covers(a, unit_type))
        {
            sink.push(
                &TASK_REPORT_TASK_NOT_ASSIGNED,
                &task_at,
                [("task", shown()), ("unit_type", unit_type.into())],
            );
        }
    }
    Some(task)
}

fn check_progress(
    progress: &TaskProgressDraft,
    task: Option<&TaskDraft>,
    at: &Location<'_>,
    scope: &Scope<'_>,
    sink: &mut IssueSink,
) {
    let status_at = at.key("status");
    let status = required_text(&progress.status, &status_at, sink);
    if let Some(code) = status {
        if vocab::find(vocab::TASK_STATUSES, code).is_none() {
            sink.push(
                &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                &status_at,
                [("catalog", "task_statuses".into())],
            );
        }
    }
    let activities_at = at.key("activities");
    let activities = typed(
        &progress.activities,
        &activities_at,
        "array of activities",
        sink,
    );
    if let Some(list) = activities {
        for (i, activity) in list.iter().enumerate() {
            check_activity(activity, task, &activities_at.index(i), scope, sink);
        }
    }
    let evidence_at = at.key("evidence");
    let evidence = typed(&progress.evidence, &evidence_at, "array of links", sink);
    if let Some(links) = evidence {
        for (i, link) in links.iter().enumerate() {
            let link = crate::fields::trim(link);
            if !(link.starts_with("https://") || link.starts_with("http://")) {
                sink.push(&TASK_REPORT_EVIDENCE_NOT_LINK, &evidence_at.index(i), []);
            }
        }
    }
    if status == Some("done")
        && activities.is_none_or(Vec::is_empty)
        && evidence.is_none_or(Vec::is_empty)
    {
        sink.push(&TASK_REPORT_DONE_WITHOUT_EVIDENCE, &status_at, []);
    }
    typed(
        &progress.difficulties,
        &at.key("difficulties"),
        "string",
        sink,
    );
    typed(&progress.proposals, &at.key("proposals"), "string", sink);
}

fn check_activity(
    activity: &ActivityDraft,
    task: Option<&TaskDraft>,
    at: &Location<'_>,
    scope: &Scope<'_>,
    sink: &mut IssueSink,
) {
    let kind_at = at.key("kind");
    if let Some(kind) = required_text(&activity.kind, &kind_at, sink) {
        if vocab::find(vocab::ACTIVITY_KINDS, kind).is_none() {
            sink.push(
                &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                &kind_at,
                [("catalog", "activity_kinds".into())],
            );
        }
    }
    typed(&activity.title, &at.key("title"), "string", sink);
    let date_at = at.key("date");
    let date = typed(&activity.date, &date_at, "string", sink)
        .and_then(|text| crate::vn::date::parse(text, &date_at, sink))
        .map(|d| d.date);
    if let (Some(date), Some(period)) = (date, scope.period) {
        if !period.contains(date) {
            sink.push(
                &TASK_REPORT_DATE_OUTSIDE_PERIOD,
                &date_at,
                [
                    ("start", period.start.to_string().into()),
                    ("end", period.end.to_string().into()),
                ],
            );
        }
    }
    let occasion_at = at.key("occasion");
    if let Some(code) = typed(&activity.occasion, &occasion_at, "string", sink) {
        match vocab::OCCASIONS.iter().find(|(t, _)| t.code == code) {
            None => sink.push(
                &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                &occasion_at,
                [("catalog", "occasions".into())],
            ),
            Some((term, months)) => {
                if let Some(date) = date {
                    if !months.contains(&date.month()) {
                        let months = months
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ");
                        sink.push(
                            &TASK_REPORT_OCCASION_MONTH,
                            &date_at,
                            [
                                ("occasion", term.label(sink.lang()).into()),
                                ("months", months.into()),
                            ],
                        );
                    }
                }
                if let Some(listed) = task.and_then(|t| t.occasions.value()) {
                    if !listed.iter().any(|o| o == code) {
                        sink.push(
                            &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                            &occasion_at,
                            [("catalog", "occasions of the task".into())],
                        );
                    }
                }
            }
        }
    }
    count(&activity.count, &at.key("count"), sink);
    let participants_at = at.key("participants");
    if let Some(p) = typed(&activity.participants, &participants_at, "object", sink) {
        let learners_at = participants_at.key("learners");
        let took_part = count(&p.learners, &learners_at, sink);
        count(&p.teachers, &participants_at.key("teachers"), sink);
        count(&p.parents, &participants_at.key("parents"), sink);
        count(&p.others, &participants_at.key("others"), sink);
        if let (Some(took_part), Some(learners)) = (took_part, scope.learners) {
            if took_part > learners {
                sink.push(
                    &TASK_REPORT_PARTICIPANTS_EXCEED_LEARNERS,
                    &learners_at,
                    [
                        ("participants", took_part.into()),
                        ("learners", learners.into()),
                    ],
                );
            }
        }
    }
    let media_at = at.key("media");
    if let Some(media) = typed(
        &activity.media,
        &media_at,
        "object of counts by media type",
        sink,
    ) {
        for (code, value) in media {
            let item = media_at.key(code);
            if vocab::find(vocab::MEDIA_TYPES, code).is_none() {
                sink.push(
                    &crate::directive::rules::DIRECTIVE_CODE_UNKNOWN,
                    &item,
                    [("catalog", "media_types".into())],
                );
            }
            count(&Field::Value(value.clone()), &item, sink);
        }
    }
}
