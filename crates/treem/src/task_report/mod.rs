//! Progress reports on a directive's tasks (kind `task_report`) and their roll-up.
//!
//! A unit (a Phòng GD&ĐT, a school, an affiliated unit) reports, for a period, each task's
//! status, the activities carried out (events, communication products, campaigns by
//! occasion, participants by group), evidence links, difficulties and proposals. The rules
//! check that the tasks exist in the directive and are assigned to the unit's type, that
//! counts are whole and non-negative, that dates fall in the period, that an occasion's
//! activity falls in its months, and that no activity has more learners than the school.
//! [`rollup`] turns many reports into mergeable partials and a published table; a report that
//! passed the rules is a [`TaskReport`] ([`crate::record`]).

mod checked;
pub mod model;
pub mod period;
pub mod rollup;
pub mod rules;

pub use checked::{Activity, Participants, TaskProgress, TaskReport, Unit};
pub use model::{ActivityDraft, ParticipantsDraft, TaskProgressDraft, TaskReportDraft, UnitDraft};
pub use rollup::{RollupPartial, RollupTable};

use crate::context::Context;
use crate::normalize::ChangeLog;
use crate::report::{IssueSink, Location};

/// The kind `task_report`.
pub(crate) const KIND: crate::document::KindDef = crate::document::kind_def::<TaskReportDraft>(
    "task_report",
    "Báo cáo tiến độ nhiệm vụ",
    "Task progress report",
);

impl crate::document::Document for TaskReportDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        rules::check(self, ctx, sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut ChangeLog) {
        // Activity dates to ISO; everything else is codes and counts, kept as written.
        let root = Location::root();
        let tasks_at = root.key("tasks");
        for (i, progress) in self.tasks.value_mut().into_iter().flatten().enumerate() {
            let item = tasks_at.index(i);
            let activities_at = item.key("activities");
            for (j, activity) in progress
                .activities
                .value_mut()
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let crate::json::Field::Value(text) = &mut activity.date {
                    let mut scratch = IssueSink::new(crate::Lang::Vi);
                    if let Some(parsed) =
                        crate::vn::date::parse(text, &Location::root(), &mut scratch)
                    {
                        let iso = crate::vn::date::iso::date(parsed.date);
                        if *text != iso {
                            *text = iso;
                            let a = activities_at.index(j);
                            log.push(&a.key("date"), crate::normalize::Rewrite::DateIso);
                        }
                    }
                }
            }
        }
    }
}

/// Catalog `task_statuses`.
pub(crate) fn catalog_task_statuses(ctx: &Context) -> Vec<serde_json::Value> {
    crate::directive::terms_catalog(crate::directive::vocab::TASK_STATUSES, ctx)
}

/// Catalog `activity_kinds`.
pub(crate) fn catalog_activity_kinds(ctx: &Context) -> Vec<serde_json::Value> {
    crate::directive::terms_catalog(crate::directive::vocab::ACTIVITY_KINDS, ctx)
}

/// Splits a JSON array or NDJSON text into records (a line that is not JSON becomes `null`,
/// which the roll-up counts as rejected rather than dropping it).
fn records(input: &[u8]) -> Result<Vec<serde_json::Value>, crate::Error> {
    Ok(crate::json::batch_items(input)?
        .into_iter()
        .map(|item| item.unwrap_or(serde_json::Value::Null))
        .collect())
}

/// The roll-up partial of many task reports (a JSON array or NDJSON).
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8 or a top-level array is not JSON.
///
/// # Examples
///
/// ```
/// let report = serde_json::json!({"directive": "hai-phong-2024", "period": "2024-2025",
///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "1b-4", "status": "done"}]});
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
/// let input = serde_json::to_vec(&[report]).unwrap();
/// let partial = treem::task_report::rollup_partial(&input, &ctx).unwrap();
/// assert_eq!(partial.units.len(), 1);
/// ```
pub fn rollup_partial(input: &[u8], ctx: &Context) -> Result<RollupPartial, crate::Error> {
    Ok(records(input)?
        .iter()
        .map(|r| RollupPartial::of_report(r, ctx))
        .fold(RollupPartial::default(), RollupPartial::merge))
}

/// Merges partials (a JSON array of partials) and publishes the table; `expected` maps the
/// unit codes that should have reported to their types (`{}` when unknown).
///
/// # Errors
/// `is_not_json()` for text that is not JSON; `is_wrong_top_level_type()` when `partials` is
/// not an array of partials or `expected` not an object of strings.
///
/// # Examples
///
/// ```
/// let partials = br#"[{"units": {}, "duplicates": [], "rejected": {}}]"#;
/// let table = treem::task_report::rollup_table(partials, br#"{"U1": "thpt_school"}"#).unwrap();
/// assert_eq!(table.not_reported.len(), 1);
/// assert_eq!(table.units_reporting, 0);
/// assert!(treem::task_report::rollup_table(b"{}", b"{}").is_err());
/// ```
pub fn rollup_table(partials: &[u8], expected: &[u8]) -> Result<RollupTable, crate::Error> {
    let list = match crate::json::parse_bytes(partials)? {
        serde_json::Value::Array(items) => items,
        other => return Err(crate::Error::wrong_top_level("array of partials", &other)),
    };
    let mut merged = RollupPartial::default();
    for item in list {
        let partial: RollupPartial = crate::json::data::FromJson::from_json(&item)
            .map_err(|_| crate::Error::wrong_top_level("roll-up partial", &item))?;
        merged = merged.merge(partial);
    }
    let expected: std::collections::BTreeMap<String, String> =
        if expected.iter().all(u8::is_ascii_whitespace) {
            std::collections::BTreeMap::new()
        } else {
            let value = crate::json::parse_bytes(expected)?;
            crate::json::data::FromJson::from_json(&value).map_err(|_| {
                crate::Error::wrong_top_level("object of unit code → unit type", &value)
            })?
        };
    Ok(merged.table(&expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ctx() -> Context {
        Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
    }

    fn complete_report() -> serde_json::Value {
        serde_json::json!({
            "directive": "hai-phong-2024",
            "unit": {"type": "thpt_school", "code": "THPT-NQ", "name": "Trường THPT Ngô Quyền", "learners": 1450},
            "period": "2024-2025",
            "tasks": [
                {"task": "1a-3", "status": "done",
                 "activities": [{"kind": "media", "title": "Pa-nô Tổng đài 111", "date": "15/10/2024", "media": {"pa_no": 2, "to_roi": 500}}],
                 "evidence": ["https://thptngoquyen.edu.vn/tin-tuc/tong-dai-111"]},
                {"task": "1b-4", "status": "done",
                 "activities": [
                    {"kind": "campaign", "title": "Vui Tết Trung thu", "date": "2024-09-16", "occasion": "tet_trung_thu",
                     "participants": {"learners": 1200, "teachers": 80, "parents": 150}},
                    {"kind": "campaign", "title": "Tháng hành động vì trẻ em", "date": "2025-06-02", "occasion": "thang_hanh_dong_vi_tre_em",
                     "participants": {"learners": 900, "teachers": 60}}]},
                {"task": "schools-3", "status": "in_progress",
                 "activities": [{"kind": "event", "title": "Tập huấn phòng, chống đuối nước", "date": "2025-03-20", "count": 2,
                                 "participants": {"learners": 300, "teachers": 20}}],
                 "difficulties": "Thiếu bể bơi", "proposals": "Hỗ trợ kinh phí bể bơi di động"},
                {"task": "4-1", "status": "not_started"}
            ]
        })
    }

    fn codes(report: &crate::Report) -> Vec<(String, String)> {
        report
            .issues
            .iter()
            .map(|i| (i.path.clone(), i.code.clone()))
            .collect()
    }

    #[test]
    fn a_complete_realistic_report_validates_clean() {
        let report =
            crate::Kind::validate("task_report".parse().unwrap(), &complete_report(), &ctx())
                .unwrap();
        assert!(report.issues.is_empty(), "{:#?}", report.issues);
    }

    #[test]
    fn each_rule_fires_at_its_path() {
        let mut bad = complete_report();
        bad["tasks"][1]["activities"][0]["date"] = "2024-12-16".into();
        bad["tasks"][1]["activities"][0]["participants"]["learners"] = serde_json::json!(-3);
        bad["tasks"][2]["activities"][0]["participants"]["learners"] = 2000.into();
        bad["tasks"][3]["task"] = "1a-3".into();
        bad["tasks"][0]["evidence"][0] = "ảnh trong máy".into();
        bad["tasks"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"task": "9-9", "status": "done"}));
        let report = crate::Kind::validate("task_report".parse().unwrap(), &bad, &ctx()).unwrap();
        assert_eq!(
            codes(&report),
            [
                ("/tasks/0/evidence/0", "task_report.evidence_not_link"),
                ("/tasks/1/activities/0/date", "task_report.occasion_month"),
                (
                    "/tasks/1/activities/0/participants/learners",
                    "task_report.count_invalid"
                ),
                (
                    "/tasks/2/activities/0/participants/learners",
                    "task_report.participants_exceed_learners"
                ),
                ("/tasks/3/task", "task_report.task_duplicate"),
                ("/tasks/4/task", "task_report.task_unknown"),
                ("/tasks/4/status", "task_report.done_without_evidence"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned())),
            "{report:#?}"
        );
        // A preschool has no upper-secondary tasks of sections 1-4, and too many learners.
        let mut preschool = complete_report();
        preschool["unit"]["type"] = "preschool".into();
        preschool["unit"]["learners"] = 250.into();
        let report =
            crate::Kind::validate("task_report".parse().unwrap(), &preschool, &ctx()).unwrap();
        let found = codes(&report);
        assert!(found.contains(&(
            "/tasks/0/task".into(),
            "task_report.task_not_assigned".into()
        )));
        assert!(found.contains(&(
            "/tasks/1/activities/0/participants/learners".into(),
            "task_report.participants_exceed_learners".into()
        )));
        assert!(
            !found.iter().any(|(p, _)| p == "/tasks/2/task"),
            "schools-3 is for every institution"
        );
    }

    #[test]
    fn period_bounds_are_enforced() {
        let mut r = complete_report();
        r["period"] = "2024-H2".into();
        let report = crate::Kind::validate("task_report".parse().unwrap(), &r, &ctx()).unwrap();
        assert!(codes(&report).contains(&(
            "/tasks/1/activities/1/date".into(),
            "task_report.date_outside_period".into()
        )));
        r["period"] = "2024-2026".into();
        let report = crate::Kind::validate("task_report".parse().unwrap(), &r, &ctx()).unwrap();
        assert!(report.has_code("task_report.period_invalid"));
    }

    #[test]
    fn rollup_counts_and_lists_missing_units() {
        let mut second = complete_report();
        second["unit"]["code"] = "THPT-LQD".into();
        second["tasks"][3]["status"] = "done".into();
        second["tasks"][3]["evidence"] = serde_json::json!(["https://example.edu.vn/du-lieu"]);
        let input = format!("{}\n{}\n{{not json\n", complete_report(), second);
        let partial = rollup_partial(input.as_bytes(), &ctx()).unwrap();
        assert_eq!(partial.units.len(), 2);
        assert_eq!(partial.rejected.get("?"), Some(&1));
        let expected: std::collections::BTreeMap<String, String> = [
            ("THPT-NQ", "thpt_school"),
            ("THPT-LQD", "thpt_school"),
            ("THPT-TP", "thpt_school"),
        ]
        .into_iter()
        .map(|(a, b)| (a.into(), b.into()))
        .collect();
        let table = partial.table(&expected);
        let row = table.rows.iter().find(|r| r.task == "4-1").unwrap();
        assert_eq!((row.units_reporting, row.done, row.not_started), (2, 1, 1));
        assert_eq!(row.share_done_percent, Some(50.0));
        let campaigns = table.rows.iter().find(|r| r.task == "1b-4").unwrap();
        assert_eq!(campaigns.totals.participants.get("learners"), Some(&4200));
        assert_eq!(table.not_reported.len(), 1);
        assert_eq!(table.not_reported[0].code, "THPT-TP");
        assert!(table.to_csv().lines().count() == table.rows.len() + 1);
    }

    fn arb_report() -> impl Strategy<Value = serde_json::Value> {
        let tasks = ["1-1", "1a-3", "1b-4", "2-1", "4-1", "schools-1"];
        (0usize..8, proptest::collection::vec((0usize..6, 0usize..3, 0u64..50), 0..5)).prop_map(move |(unit, items)| {
            let mut seen = std::collections::BTreeSet::new();
            let tasks: Vec<_> = items
                .into_iter()
                .filter(|(t, _, _)| seen.insert(*t))
                .map(|(t, s, n)| {
                    let status = ["done", "in_progress", "not_started"][s];
                    serde_json::json!({"task": tasks[t], "status": status,
                        "activities": [{"kind": "event", "date": "2024-11-20", "count": n, "participants": {"teachers": n}}]})
                })
                .collect();
            serde_json::json!({"directive": "hai-phong-2024", "unit": {"type": "thpt_school", "code": format!("U{unit}")},
                               "period": "2024-2025", "tasks": tasks})
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn partials_merge_to_the_whole(reports in proptest::collection::vec(arb_report(), 0..12), cut in 0usize..12, order in any::<bool>()) {
            let ctx = ctx();
            let whole = reports.iter().map(|r| RollupPartial::of_report(r, &ctx)).fold(RollupPartial::default(), RollupPartial::merge);
            let cut = cut.min(reports.len());
            let (a, b) = reports.split_at(cut);
            let pa = a.iter().map(|r| RollupPartial::of_report(r, &ctx)).fold(RollupPartial::default(), RollupPartial::merge);
            let pb = b.iter().map(|r| RollupPartial::of_report(r, &ctx)).fold(RollupPartial::default(), RollupPartial::merge);
            // Through JSON, as shards on other machines would send them.
            let pa: RollupPartial = serde_json::from_str(&serde_json::to_string(&pa).unwrap()).unwrap();
            let merged = if order { pa.merge(pb) } else { pb.merge(pa) };
            prop_assert_eq!(merged.table(&Default::default()), whole.table(&Default::default()));
        }
    }
}
