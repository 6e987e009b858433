//! Case rules and the deadline view of Nghị định 56/2017/NĐ-CP, Điều 25–32.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};

fn issues(record: &Value, options: &str) -> Vec<(String, String)> {
    let report =
        treem::api::validate("case", record.to_string().as_bytes(), options.as_bytes()).unwrap();
    report
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn one(path: &str, code: &str) -> Vec<(String, String)> {
    vec![(path.to_owned(), code.to_owned())]
}

fn view(record: &Value, options: &str) -> Vec<(String, Option<String>, String)> {
    let v = treem::api::case_deadlines(record.to_string().as_bytes(), options.as_bytes()).unwrap();
    v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_owned(),
                s["due"].as_str().map(str::to_owned),
                s["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row<'a>(
    rows: &'a [(String, Option<String>, String)],
    step: &str,
) -> &'a (String, Option<String>, String) {
    rows.iter().find(|r| r.0 == step).unwrap()
}

fn valid() -> Value {
    // Reported Thursday 26 Nov 2026; assessment done Friday 27: plan due 5 working days later
    // (Fri 4 Dec), done Wed 2 Dec; approval due 2 working days later (Fri 4 Dec), done Thu 3.
    json!({
        "id": "VV-2026-017", "child_id": "HP-000123",
        "reported_at": "2026-11-26T08:30", "incident_date": "2026-11-25",
        "abuse_forms": ["violence"], "injuries": ["fall"], "protection_level": "intervention",
        "emergency": false,
        "steps": {
            "intake": {"done_at": "2026-11-26T08:45"},
            "initial_assessment": {"done_at": "2026-11-26T15:00"},
            "detailed_assessment": {"done_at": "2026-11-27T16:00"},
            "support_plan": {"done_at": "2026-12-02"},
            "plan_approval": {"done_at": "2026-12-03"}
        }
    })
}

const AS_OF: &str = r#"{"as_of": "2026-12-05"}"#;

#[test]
fn the_valid_case_is_clean() {
    assert_eq!(issues(&valid(), AS_OF), vec![]);
}

#[test]
fn codes_are_checked_against_their_lists() {
    let mut r = valid();
    r["abuse_forms"] = json!(["violence", "bullying"]);
    r["injuries"] = json!(["Đuối nước"]);
    assert_eq!(
        issues(&r, AS_OF),
        one("/abuse_forms/1", "case.code_unknown")
    );
    let mut r = valid();
    r["protection_level"] = json!("urgent");
    assert_eq!(
        issues(&r, AS_OF),
        one("/protection_level", "case.code_unknown")
    );
}

#[test]
fn report_time_is_required_and_needs_a_time() {
    let mut r = valid();
    r.as_object_mut().unwrap().remove("reported_at");
    assert_eq!(issues(&r, AS_OF), one("/reported_at", "field.required"));
    r["reported_at"] = json!("26/11/2026");
    assert_eq!(
        issues(&r, AS_OF),
        one("/reported_at", "case.report_time_missing")
    );
    r["reported_at"] = json!("26/11/2026 27:00");
    assert_eq!(issues(&r, AS_OF), one("/reported_at", "case.time_invalid"));
}

#[test]
fn steps_follow_the_report_and_each_other() {
    let mut r = valid();
    r["steps"]["intake"]["done_at"] = json!("2026-11-26T08:00");
    assert_eq!(
        issues(&r, AS_OF),
        one("/steps/intake/done_at", "case.step_out_of_order")
    );
    let mut r = valid();
    r["steps"]["plan_approval"]["done_at"] = json!("2026-12-01");
    assert_eq!(
        issues(&r, AS_OF),
        one("/steps/plan_approval/done_at", "case.step_out_of_order")
    );
    let mut r = valid();
    r["steps"]["plan_approval"]["done_at"] = json!("2026-12-06");
    assert_eq!(
        issues(&r, AS_OF),
        one("/steps/plan_approval/done_at", "case.date_after_as_of")
    );
}

#[test]
fn late_and_overdue_steps_are_warned() {
    let mut r = valid();
    r["steps"]["support_plan"]["done_at"] = json!("2026-12-07");
    r["steps"]["plan_approval"]["done_at"] = json!("2026-12-08");
    assert_eq!(
        issues(&r, r#"{"as_of": "2026-12-08"}"#),
        one("/steps/support_plan/done_at", "case.step_late")
    );
    // A day off given by the caller moves the due day: no longer late.
    assert_eq!(
        issues(
            &r,
            r#"{"as_of": "2026-12-08", "days_off": ["2026-12-01", "2026-12-02"]}"#
        ),
        vec![]
    );
    let mut r = valid();
    r["steps"].as_object_mut().unwrap().remove("plan_approval");
    assert_eq!(issues(&r, r#"{"as_of": "2026-12-04"}"#), vec![]);
    assert_eq!(
        issues(&r, r#"{"as_of": "2026-12-07"}"#),
        one("/steps", "case.step_overdue")
    );
}

#[test]
fn deadline_view_counts_hours_and_working_days() {
    let rows = view(&valid(), AS_OF);
    assert_eq!(rows.len(), 10);
    assert_eq!(row(&rows, "intake").2, "done");
    assert_eq!(row(&rows, "emergency_intervention").2, "not_applicable");
    assert_eq!(row(&rows, "support_plan").1.as_deref(), Some("2026-12-04"));
    assert_eq!(row(&rows, "plan_approval").1.as_deref(), Some("2026-12-04"));
    assert_eq!(row(&rows, "plan_approval").2, "done");
    assert_eq!(row(&rows, "implementation").2, "pending");
    assert_eq!(row(&rows, "separation_end").2, "not_applicable");
    // Emergency: 12 hours from the report; working-day limits do not apply.
    let mut r = valid();
    r["emergency"] = json!(true);
    r["steps"] = json!({});
    let rows = view(&r, r#"{"as_of": "2026-11-26"}"#);
    assert_eq!(
        row(&rows, "emergency_intervention").1.as_deref(),
        Some("2026-11-26T20:30")
    );
    assert_eq!(row(&rows, "emergency_intervention").2, "due");
    assert_eq!(row(&rows, "support_plan").1, None);
    assert_eq!(row(&rows, "support_plan").2, "pending");
    let rows = view(&r, r#"{"as_of": "2026-11-27"}"#);
    assert_eq!(row(&rows, "emergency_intervention").2, "overdue");
    // Without the assessment the plan's limit has not started.
    let mut r = valid();
    r["steps"] = json!({});
    assert_eq!(row(&view(&r, AS_OF), "support_plan").2, "waiting");
}

#[test]
fn holidays_move_working_day_limits() {
    // Assessment done Tue 28 Apr 2026: 30/4 and 1/5 are holidays, then a weekend.
    let r = json!({"reported_at": "2026-04-27T09:00", "steps": {"detailed_assessment": {"done_at": "2026-04-28"}}});
    let rows = view(&r, r#"{"as_of": "2026-05-01"}"#);
    assert_eq!(row(&rows, "support_plan").1.as_deref(), Some("2026-05-07"));
    // Tết 2026: the five days of the announced schedule (16–20 Feb) are built in; the same
    // days given again as days_off change nothing.
    let r = json!({"reported_at": "2026-02-12T09:00", "steps": {"detailed_assessment": {"done_at": "2026-02-13"}}});
    assert_eq!(
        row(&view(&r, ""), "support_plan").1.as_deref(),
        Some("2026-02-27")
    );
    let days_off = r#"{"days_off": ["2026-02-16", "2026-02-18", "2026-02-19", "2026-02-20"]}"#;
    assert_eq!(
        row(&view(&r, days_off), "support_plan").1.as_deref(),
        Some("2026-02-27")
    );
    // A caller working day wins over the schedule: 16/2 worked.
    let holidays = r#"{"holidays": {"working_days": ["2026-02-16"]}}"#;
    assert_eq!(
        row(&view(&r, holidays), "support_plan").1.as_deref(),
        Some("2026-02-26")
    );
}

#[test]
fn separation_lasts_at_most_fifteen_days() {
    let mut r = valid();
    r["separation"] = json!({"start": "2026-11-26", "end": "2026-12-12"});
    r["steps"]["temporary_separation"] = json!({"done_at": "2026-11-26T18:00"});
    assert_eq!(
        issues(&r, r#"{"as_of": "2026-12-20"}"#),
        one("/separation/end", "case.separation_too_long")
    );
    r["separation"]["extended_by_authority"] = json!(true);
    assert_eq!(issues(&r, r#"{"as_of": "2026-12-20"}"#), vec![]);
    r["separation"] = json!({"start": "2026-11-26", "end": "2026-11-20"});
    assert_eq!(
        issues(&r, r#"{"as_of": "2026-12-20"}"#),
        one("/separation/end", "case.separation_end_before_start")
    );
    r["separation"] = json!({"start": "2026-11-26"});
    assert_eq!(
        issues(&r, r#"{"as_of": "2026-12-20"}"#),
        one("/separation", "case.step_overdue")
    );
    let rows = view(&r, r#"{"as_of": "2026-12-20"}"#);
    assert_eq!(
        row(&rows, "separation_end").1.as_deref(),
        Some("2026-12-11")
    );
    assert_eq!(
        row(&rows, "temporary_separation").1.as_deref(),
        Some("2026-11-26T20:30")
    );
}

#[test]
fn normalize_writes_moments_and_codes() {
    let input = json!({"reported_at": "26/11/2026 8:30", "abuse_forms": ["Bạo lực", "bỏ mặc"], "injuries": ["đuối nước"],
        "protection_level": "Can thiệp", "steps": {"intake": {"done_at": "08:45 26/11/2026"}}, "note": 1});
    let out = treem::api::normalize(
        "case",
        input.to_string().as_bytes(),
        br#"{"as_of": "2026-11-27"}"#,
    )
    .unwrap();
    assert_eq!(
        out.record,
        json!({"reported_at": "2026-11-26T08:30", "abuse_forms": ["violence", "neglect"], "injuries": ["drowning"],
        "protection_level": "intervention", "steps": {"intake": {"done_at": "2026-11-26T08:45"}}, "note": 1})
    );
    assert_eq!(out.changes.len(), 6);
}
