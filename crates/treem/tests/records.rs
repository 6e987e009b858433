//! The checked records (`treem::record`) against the JSON entry points: over every
//! conformance vector of a kind with a checked record, `Record::check` answers the report of
//! `validate` when it has an error, and otherwise a record that serialises to the record
//! `normalize` writes (without the members that say nothing: null, blank text, empty lists),
//! with `validate`'s warnings kept beside it.

#![cfg(all(feature = "child", feature = "case", feature = "school"))]
#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use serde_json::Value;
use treem::record::{Checked, Record};
use treem::{Context, Kind, Report};

/// `Record::check` of `kind`, the record serialised.
fn check(kind: &str, input: &Value, ctx: &Context) -> Option<Result<(Value, Report), Report>> {
    fn run<R: Record>(input: &Value, ctx: &Context) -> Result<(Value, Report), Report> {
        R::check(input, ctx).map(|checked: Checked<R>| {
            let (record, warnings) = checked.into_parts();
            (serde_json::to_value(&record).unwrap(), warnings)
        })
    }
    Some(match kind {
        "child" => run::<treem::child::Child>(input, ctx),
        "case" => run::<treem::case::Case>(input, ctx),
        "school" => run::<treem::school::School>(input, ctx),
        #[cfg(feature = "safe-school")]
        "criteria_set" => run::<treem::safe_school::CriteriaSet>(input, ctx),
        #[cfg(feature = "safe-school")]
        "safe_school_assessment" => run::<treem::safe_school::Assessment>(input, ctx),
        #[cfg(feature = "directive")]
        "directive" => run::<treem::directive::Directive>(input, ctx),
        #[cfg(feature = "directive")]
        "task_report" => run::<treem::task_report::TaskReport>(input, ctx),
        _ => return None,
    })
}

/// The record `normalize` writes, without nulls, blank text and empty lists.
fn without_silent_members(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, without_silent_members(v)))
                .filter(|(_, v)| !says_nothing(v))
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|v| !v.is_null())
                .map(without_silent_members)
                .filter(|v| !(v.is_string() && says_nothing(v)))
                .collect(),
        ),
        other => other,
    }
}

/// `value` without the members that are `false`.
fn without_false_members(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| *v != Value::Bool(false))
                .map(|(k, v)| (k, without_false_members(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_false_members).collect()),
        other => other,
    }
}

fn says_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// Holds `check` to `validate` and `normalize` for one input; answers whether it was valid.
fn holds(kind: &str, input: &Value, ctx: &Context, what: &str) -> Option<bool> {
    let answer = check(kind, input, ctx)?;
    let handle = Kind::all().find(|k| k.name() == kind).unwrap();
    let report = handle.validate(input, ctx).unwrap();
    match answer {
        Ok((record, warnings)) => {
            assert!(
                report.ok,
                "{what}: checked although validate found an error"
            );
            assert_eq!(
                warnings, report,
                "{what}: the warnings are validate's report"
            );
            let mut normalized = handle.normalize(input, ctx).unwrap().record;
            if kind == "safe_school_assessment" {
                // The assessment holds its school as a checked school, in the school's
                // canonical form, which the assessment's `normalize` does not write.
                let school = Kind::all().find(|k| k.name() == "school").unwrap();
                normalized["school"] = school.normalize(&input["school"], ctx).unwrap().record;
            }
            operations_agree(kind, input, &normalized, ctx, what);
            let normalized = without_silent_members(normalized);
            // A criteria set (a kind, or inline in an assessment) serialises as the built-in
            // sets do: a flag that is false is written (`remedy_required`) or left out
            // (`mandatory`, `conditional`) whatever the input did; false says the same as
            // absent there; so does its required `applies_to` when empty.
            let (record, normalized) = if matches!(kind, "criteria_set" | "safe_school_assessment")
            {
                (
                    without_false_members(without_silent_members(record)),
                    without_false_members(normalized),
                )
            } else {
                (record, normalized)
            };
            assert_eq!(
                record, normalized,
                "{what}: the checked record serialises to normalize's record"
            );
            Some(true)
        }
        Err(errors) => {
            assert!(
                !report.ok,
                "{what}: refused although validate found no error"
            );
            assert_eq!(errors, report, "{what}: the refusal is validate's report");
            Some(false)
        }
    }
}

/// The domain operations on the checked record answer what they answer on the draft of the
/// same input (what the JSON entry points read), or of its normalised record for those that
/// read codes as written.
fn operations_agree(kind: &str, input: &Value, normalized: &Value, ctx: &Context, what: &str) {
    if kind == "child" {
        let child = treem::child::Child::check(input, ctx)
            .unwrap()
            .into_record();
        let draft: treem::child::ChildDraft = serde_json::from_value(normalized.clone()).unwrap();
        assert_eq!(
            treem::child::dedup::Key::of_child(&child, ctx),
            treem::child::dedup::Key::of(&draft, ctx),
            "{what}: the checked child's dedup key is that of its draft"
        );
        let residence = draft.residence.value().cloned().unwrap_or_default();
        assert_eq!(
            child.residence_successors(ctx),
            treem::child::residence::successors(&residence, ctx),
            "{what}: the checked child's residence successors are those of its draft"
        );
    }
    #[cfg(feature = "safe-school")]
    if kind == "safe_school_assessment" {
        use treem::safe_school::{builtin, score::Outcome, Assessment, CriteriaSet};
        let assessed = treem::safe_school::assess(input, ctx).unwrap();
        let checked = Assessment::check(input, ctx).unwrap();
        assert_eq!(&assessed.report, checked.warnings(), "{what}");
        // The score of the input as written: its set, its answers by criterion, its events.
        let set = match &input["criteria_set"] {
            Value::String(id) => builtin::get(id).unwrap().clone(),
            set => CriteriaSet::check(set, ctx).unwrap().into_record(),
        };
        let answers = input["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| {
                let outcome = Outcome::parse(r["result"].as_str()?)?;
                Some((r["criterion"].as_str()?.trim().to_owned(), outcome))
            });
        let events: Vec<String> = input["disqualifying_events"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| Some(e.as_str()?.trim().to_owned()))
            .collect();
        let expected = treem::safe_school::score(&set, &answers.collect(), &events);
        assert_eq!(assessed.score.as_ref(), Some(&expected), "{what}: assess");
        assert_eq!(
            checked.record().score(),
            expected,
            "{what}: the checked score"
        );
    }
    if kind == "case" {
        let case = treem::case::Case::check(input, ctx).unwrap().into_record();
        let draft: treem::case::CaseDraft = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(
            case.deadlines(ctx),
            treem::case::deadlines(&draft, ctx),
            "{what}: the checked case's deadlines are those of its draft"
        );
    }
}

#[test]
fn every_vector_of_a_checked_kind_agrees_with_validate_and_normalize() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut valid, mut invalid) = (std::collections::BTreeMap::new(), 0);
    for file in files {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let cases = match cases {
            Value::Array(items) => items,
            one => vec![one],
        };
        for case in cases {
            let op = case.get("op").and_then(Value::as_str).unwrap_or("validate");
            let (Some(kind), Some(input)) = (case["kind"].as_str(), case.get("input")) else {
                continue;
            };
            if !matches!(op, "validate" | "normalize") || !input.is_object() {
                continue;
            }
            // A vector of a wrong option tests the options, not the record.
            let Ok(ctx) = Context::from_options_value(case.get("options").unwrap_or(&Value::Null))
            else {
                continue;
            };
            let what = format!("{}: {}", file.display(), case["description"]);
            match holds(kind, input, &ctx, &what) {
                Some(true) => *valid.entry(kind.to_owned()).or_insert(0) += 1,
                Some(false) => invalid += 1,
                None => {}
            }
        }
    }
    eprintln!("valid: {valid:?}, invalid: {invalid}");
    assert!(valid.get("child").is_some_and(|n| *n >= 20), "{valid:?}");
    assert!(valid.get("case").is_some_and(|n| *n >= 10), "{valid:?}");
    assert!(valid.get("school").is_some_and(|n| *n >= 3), "{valid:?}");
    #[cfg(feature = "safe-school")]
    assert!(
        valid.get("criteria_set").is_some_and(|n| *n >= 1),
        "{valid:?}"
    );
    // No vector holds a valid safe_school_assessment: the generated ones below do.
    #[cfg(feature = "directive")]
    assert!(valid.get("directive").is_some_and(|n| *n >= 3), "{valid:?}");
    #[cfg(feature = "directive")]
    assert!(
        valid.get("task_report").is_some_and(|n| *n >= 1),
        "{valid:?}"
    );
    assert!(invalid >= 20, "{invalid}");
}

#[test]
fn warnings_are_kept_beside_the_record() {
    let input = serde_json::json!({
        "full_name": "Lê Văn Tùng", "date_of_birth": "2010-03-02", "sex": "male", "nickname": "Tùng",
    });
    let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    let checked = treem::child::Child::check(&input, &ctx).unwrap();
    let codes: Vec<&str> = checked
        .warnings()
        .issues
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["child.age_outside_child_law", "record.unknown_field"]
    );
    assert!(checked.warnings().ok);
    assert_eq!(checked.record().unknown["nickname"], "Tùng");
}

#[cfg(feature = "safe-school")]
#[test]
fn an_assessment_holds_its_school_checked_and_scores() {
    let input: Value = serde_json::from_str(
        r#"{"criteria_set": {"id": "vector-set", "version": "1", "title": "Bộ tiêu chí thử", "document": {"number": "TEST/2025", "title": "Tài liệu thử", "articles": "-", "issued": null}, "applies_to": ["truong_thcs"], "threshold": {"rule": "percent", "min_percent": 80, "all_mandatory": true}, "completeness": "complete", "criteria": [{"code": "1", "text": "Tiêu chí thử 1", "mandatory": true}, {"code": "2", "text": "Tiêu chí thử 2", "mandatory": false}, {"code": "3", "text": "Tiêu chí thử 3 (nếu có)", "conditional": true}], "disqualifying_events": [{"code": "e1", "text": "Sự việc"}], "remedy_required": true}, "criteria_set_version": "1", "school": {"code": "1", "name": "Trường  THCS Lê Lợi", "school_type": "truong_thcs", "grades": [6, 7, 8, 9]}, "school_year": "2025-2026", "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]}"#,
    )
    .unwrap();
    let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    assert_eq!(
        holds("safe_school_assessment", &input, &ctx, "an assessment"),
        Some(true)
    );
    let assessment = treem::safe_school::Assessment::check(&input, &ctx)
        .unwrap()
        .into_record();
    // The school in its canonical form, which the assessment's normalize does not write.
    assert_eq!(assessment.school.name, "Trường THCS Lê Lợi");
    assert_eq!(assessment.school_years(), (2025, 2026));
    let score = assessment.score();
    assert_eq!((score.met, score.not_met), (1, 0));
}

#[test]
fn a_value_that_is_not_an_object_is_refused_with_a_report() {
    let report =
        treem::child::Child::check(&serde_json::json!([1]), &Context::default()).unwrap_err();
    assert!(!report.ok);
    assert_eq!(report.issues[0].code, "record.not_object");
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    fn member(values: &'static [&'static str]) -> impl Strategy<Value = Option<Value>> {
        proptest::option::of(
            proptest::sample::select(values)
                .prop_map(|v| serde_json::from_str::<Value>(v).unwrap_or_else(|_| Value::from(v))),
        )
    }

    /// One of `values` (JSON, else text), always present.
    fn json(values: &'static [&'static str]) -> impl Strategy<Value = Option<Value>> {
        proptest::sample::select(values)
            .prop_map(|v| Some(serde_json::from_str::<Value>(v).unwrap_or_else(|_| Value::from(v))))
    }

    fn always(values: &'static [&'static str]) -> impl Strategy<Value = Option<Value>> {
        proptest::sample::select(values).prop_map(|v| Some(Value::from(v)))
    }

    /// Child records from spellings that are valid, lenient, blank, null or wrong.
    fn child() -> impl Strategy<Value = Value> {
        (
            (
                member(&["Nguyễn  thị hoa", " lê văn an ", "", "null", "An2"]),
                member(&["20/05/2016", "2016-05-20", "31/2/2020", "2030-01-01", ""]),
                member(&["nữ", "Nam", "x", "null"]),
                member(&["Kinh", "01", "tày", "Martian", ""]),
                member(&["031316000123", "0313 1600 0123", "12", "null"]),
            ),
            (
                member(&[
                    r#"{"edition": "2025", "province_code": "31", "commune_code": "11311"}"#,
                    r#"{"province_code": "31", "address": "  thôn  1 "}"#,
                    r#"{"edition": "2024", "province_code": "31", "district_code": "303", "commune_code": "11311"}"#,
                    r#"{"edition": "2030"}"#,
                    "{}",
                ]),
                member(&[
                    r#"[{"full_name": "trần thị lan", "relationship": "mẹ", "phone": "+84 912 345 678"}]"#,
                    r#"[null, {"status": "deceased", "relationship": "father"}]"#,
                    r#"[{"phone": "01681234567", "x": 1}]"#,
                    r#"[{"phone": "abc"}]"#,
                    "[]",
                ]),
                member(&[
                    r#"{"level": "primary", "grade": 5, "school_year": "2026 - 2027"}"#,
                    r#"{"level": "thcs", "grade": "7"}"#,
                    r#"{"level": "university"}"#,
                ]),
                member(&[
                    r#"[{"group": "c", "sub_category": 2, "identified_on": "01/03/2024"}]"#,
                    r#"[{"group": "orphan_both_parents"}]"#,
                    r#"[{"group": "zz"}]"#,
                ]),
                member(&[
                    r#"{"types": ["vận động", ""], "level": "severe"}"#,
                    r#"{"types": []}"#,
                ]),
                member(&["hỗ trợ", "support", "none", ""]),
            ),
        )
            .prop_map(|((name, dob, sex, ethnic, id), (residence, guardians, schooling, circumstances, disability, level))| {
                let mut map = serde_json::Map::new();
                for (key, value) in [
                    ("full_name", name),
                    ("date_of_birth", dob),
                    ("sex", sex),
                    ("ethnic_group", ethnic),
                    ("personal_id", id),
                    ("residence", residence),
                    ("guardians", guardians),
                    ("schooling", schooling),
                    ("special_circumstances", circumstances),
                    ("disability", disability),
                    ("protection_level", level),
                ] {
                    if let Some(value) = value {
                        map.insert(key.to_owned(), value);
                    }
                }
                Value::Object(map)
            })
    }

    /// Cases from spellings that are valid, lenient, blank, null or wrong.
    fn case() -> impl Strategy<Value = Value> {
        (
            member(&["28/11/2026 08:30", "2026-11-27T22:00:15", "2026-11-28", "2030-01-01 08:00", "28/11/2026 25:00", ""]),
            member(&["2026-11-20", "20/11/2026", "x"]),
            member(&[r#"["bạo lực", "violence"]"#, r#"["sexual_abuse", ""]"#, r#"["zz"]"#, "[]"]),
            member(&[r#"[{"relation": "family", "sex": "nam", "age": 40}, null]"#, r#"[{"age": 200}]"#, r#"[{"sex": "x"}]"#]),
            member(&[
                r#"{"intake": {"done_at": "28/11/2026 09:00"}, "review": null}"#,
                r#"{"intake": {"done_at": "2026-11-28T10:00", "note": 1}, "initial_assessment": {"done_at": "2026-11-28T09:00"}}"#,
                r#"{"revew": {}}"#,
            ]),
            member(&[r#"{"start": "01/11/2026", "extended_by_authority": true}"#, r#"{"end": "x"}"#]),
            member(&["true", "false", r#""yes""#]),
        )
            .prop_map(|(reported, incident, forms, offenders, steps, separation, emergency)| {
                let mut map = serde_json::Map::new();
                for (key, value) in [
                    ("reported_at", reported),
                    ("incident_date", incident),
                    ("abuse_forms", forms),
                    ("offenders", offenders),
                    ("steps", steps),
                    ("separation", separation),
                    ("emergency", emergency),
                ] {
                    if let Some(value) = value {
                        map.insert(key.to_owned(), value);
                    }
                }
                Value::Object(map)
            })
    }

    /// Schools from spellings that are valid, lenient, blank, null or wrong.
    fn school() -> impl Strategy<Value = Value> {
        (
            always(&["31000123", " 31 000 ", ""]),
            always(&["Trường  Tiểu học Lê Lợi", "Mầm non"]),
            always(&[
                "Trường tiểu học",
                "truong_mam_non",
                "truong_thcs",
                "Trường mẫu giáo",
                "x",
            ]),
            member(&[
                r#"["tiểu học"]"#,
                r#"["thcs", "THCS"]"#,
                r#"["nha_tre", "mau_giao"]"#,
                "[]",
                r#"[null]"#,
            ]),
            member(&["[1, 2, 3, 4, 5]", "[6, 6, 7]", "[13]", "[]"]),
            member(&["công lập", "tu_thuc", "x"]),
            member(&["ubnd_xa", "so_gddt", "phong_gddt"]),
            member(&[
                r#"{"edition": "2025", "province_code": "31", "commune_code": "11311"}"#,
                r#"{"province_code": "31", "commune_code": " 11311 "}"#,
                r#"{"edition": "2024", "province_code": "31", "district_code": "303"}"#,
                r#"{"province_code": "99", "x": 1}"#,
            ]),
            member(&["10", "0", "-1"]),
            member(&["120", "5"]),
            member(&["12", "3"]),
        )
            .prop_map(
                |(
                    code,
                    name,
                    school_type,
                    levels,
                    grades,
                    ownership,
                    authority,
                    address,
                    teachers,
                    learners,
                    staff,
                )| {
                    let mut map = serde_json::Map::new();
                    for (key, value) in [
                        ("code", code),
                        ("name", name),
                        ("school_type", school_type),
                        ("levels", levels),
                        ("grades", grades),
                        ("ownership", ownership),
                        ("managing_authority", authority),
                        ("address", address),
                        ("teachers", teachers),
                        ("learners", learners),
                        ("staff", staff),
                    ] {
                        if let Some(value) = value {
                            map.insert(key.to_owned(), value);
                        }
                    }
                    Value::Object(map)
                },
            )
    }

    /// Criteria sets from members that are valid, wrong or missing.
    #[cfg(feature = "safe-school")]
    fn criteria_set() -> impl Strategy<Value = Value> {
        (
            json(&["tt18-2023", "truong-x", "truong-x", ""]),
            json(&["2026-01-01", "2026-01-01", ""]),
            json(&[
                r#"{"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"}"#,
                r#"{"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1", "issued": "2026-01-01", "in_force_from": null}"#,
                r#"{"number": "", "title": "x", "articles": "Điều 1", "issued": "1/1/2026"}"#,
                r#"{"number": "1"}"#,
            ]),
            json(&[r#"["truong_thcs"]"#, r#"["ho_gia_dinh", "x"]"#, "[]"]),
            json(&[
                r#"{"rule": "count", "min_met": 1, "min_mandatory_met": 1}"#,
                r#"{"rule": "percent", "min_percent": 70, "all_mandatory": true}"#,
                r#"{"rule": "percent", "min_percent": 0, "all_mandatory": false}"#,
                r#"{"rule": "checklist"}"#,
                r#"{"rule": "x"}"#,
            ]),
            json(&["complete", "partial", "thresholds_only", "x"]),
            member(&[
                r#"[{"code": "1", "text": "Có nội quy", "mandatory": true, "area": "a"}]"#,
                r#"[{"code": "1", "text": "A", "conditional": false}, {"code": "1", "text": "B"}]"#,
                r#"[{"code": "2", "text": "C", "area": "zz"}]"#,
                "[]",
            ]),
            member(&[r#"[{"code": "a", "title": "An toàn"}]"#, "[]"]),
            member(&["true", "false"]),
        )
            .prop_map(|(id, version, document, applies_to, threshold, completeness, criteria, areas, remedy)| {
                let mut map = serde_json::Map::new();
                map.insert("title".to_owned(), Value::from("Bộ tiêu chí"));
                for (key, value) in [
                    ("id", id),
                    ("version", version),
                    ("document", document),
                    ("applies_to", applies_to),
                    ("threshold", threshold),
                    ("completeness", completeness),
                    ("criteria", criteria),
                    ("content_areas", areas),
                    ("remedy_required", remedy),
                ] {
                    if let Some(value) = value {
                        map.insert(key.to_owned(), value);
                    }
                }
                Value::Object(map)
            })
    }

    /// Assessments against a supplied set or a built-in one, with answers that are valid,
    /// lenient, missing or wrong.
    #[cfg(feature = "safe-school")]
    fn assessment() -> impl Strategy<Value = Value> {
        let set = serde_json::json!({
            "id": "vector-set", "version": "1", "title": "Bộ tiêu chí thử",
            "document": {"number": "TEST/2025", "title": "Tài liệu thử", "articles": "-", "issued": null},
            "applies_to": ["truong_thcs"],
            "threshold": {"rule": "percent", "min_percent": 80, "all_mandatory": true},
            "completeness": "complete",
            "criteria": [
                {"code": "1", "text": "Tiêu chí thử 1", "mandatory": true},
                {"code": "2", "text": "Tiêu chí thử 2", "mandatory": false},
                {"code": "3", "text": "Tiêu chí thử 3 (nếu có)", "conditional": true},
            ],
            "disqualifying_events": [{"code": "e1", "text": "Sự việc"}],
            "remedy_required": true,
        });
        let answer = |code: &'static str| {
            json(&[
                r#"{"result": "đạt", "evidence": "Biên bản"}"#,
                r#"{"result": "dat", "evidence": "", "note": 1}"#,
                r#"{"result": "Chưa đạt", "remedy": {"measures": "Sửa", "by": "kien_nghi", "deadline": "01/06/2026"}}"#,
                r#"{"result": "chua_dat"}"#,
                r#"{"result": "không áp dụng"}"#,
                r#"{"result": "x"}"#,
                "null",
            ])
            .prop_map(move |v| {
                v.filter(|v| !v.is_null()).map(|mut v| {
                    v["criterion"] = Value::from(code);
                    v
                })
            })
        };
        (
            proptest::sample::select(vec![set.clone(), set, Value::from("nd80-2017"), Value::from("zz")]),
            json(&[r#""1""#, r#""1""#, r#""2""#]),
            json(&[
                r#"{"code": "1", "name": "Trường  THCS Lê Lợi", "school_type": "truong_thcs", "grades": [6, 7, 8, 9]}"#,
                r#"{"code": " 1 ", "name": "THCS B", "school_type": "truong_thcs", "address": {"edition": "2025", "province_code": "31", "x": 1}}"#,
                r#"{"code": "1", "name": "Tiểu học A", "school_type": "truong_tieu_hoc"}"#,
                r#"{"code": "1"}"#,
            ]),
            json(&["2025-2026", "2025-2026", "2025-2027", "2030-2031"]),
            (answer("1"), answer("2"), answer("3")),
            member(&[r#"["e1"]"#, r#"[null]"#, r#"["e9"]"#, "[]"]),
        )
            .prop_map(|(set, version, school, year, (a, b, c), events)| {
                let mut map = serde_json::Map::new();
                map.insert("criteria_set".to_owned(), set);
                let results: Vec<Value> = [a, b, c].into_iter().flatten().collect();
                map.insert("results".to_owned(), Value::from(results));
                for (key, value) in [
                    ("criteria_set_version", version),
                    ("school", school),
                    ("school_year", year),
                    ("disqualifying_events", events),
                ] {
                    if let Some(value) = value {
                        map.insert(key.to_owned(), value);
                    }
                }
                Value::Object(map)
            })
    }

    /// Reports on the seed directive, with members valid, lenient, blank or wrong.
    #[cfg(feature = "directive")]
    fn task_report() -> impl Strategy<Value = Value> {
        (
            json(&["hai-phong-2024", "hai-phong-2024", "zz"]),
            json(&[
                r#"{"type": "thpt_school", "code": "THPT-NQ", "name": "Trường THPT Ngô Quyền", "learners": 1450}"#,
                r#"{"type": "thpt_school", "code": "THPT-NQ", "name": "", "learners": null}"#,
                r#"{"type": "thpt_school", "code": "THPT-NQ", "learners": 1.5}"#,
            ]),
            json(&["2024-2025", "2024-2025", "2024"]),
            json(&["15/10/2024", "2024-10-15", " 15-10-2024 ", "2026-01-01", ""]),
            json(&[
                r#"{"pa_no": 2, "to_roi": 500}"#,
                r#"{"pa_no": -1}"#,
                "{}",
            ]),
            json(&[
                r#"{"learners": 1200, "teachers": 80}"#,
                r#"{"learners": 2000}"#,
                r#"{"parents": null, "others": 3}"#,
            ]),
            json(&["done", "in_progress", "x"]),
            json(&[
                r#"["https://thpt-ngoquyen.edu.vn/tong-dai-111"]"#,
                r#"["ftp://x"]"#,
                "[]",
            ]),
            member(&[r#""Khó khăn""#, r#""""#, "null"]),
        )
            .prop_map(|(directive, unit, period, date, media, participants, status, evidence, difficulties)| {
                let mut media_activity = serde_json::json!({"kind": "media", "title": "", "count": 2});
                media_activity["date"] = date.clone().unwrap();
                media_activity["media"] = media.unwrap();
                let campaign = serde_json::json!({
                    "kind": "campaign", "date": "2024-09-16", "occasion": "tet_trung_thu",
                    "participants": participants.unwrap(),
                });
                let mut first = serde_json::json!({"task": "1a-3", "activities": [media_activity]});
                first["status"] = status.unwrap();
                first["evidence"] = evidence.unwrap();
                if let Some(difficulties) = difficulties {
                    first["difficulties"] = difficulties;
                }
                serde_json::json!({
                    "directive": directive.unwrap(), "unit": unit.unwrap(), "period": period.unwrap(),
                    "tasks": [first, {"task": "1b-4", "status": "done", "activities": [campaign]},
                              {"task": "schools-3", "status": "in_progress"}],
                })
            })
    }

    /// The seed directive with members respaced, blanked, nulled or wrong.
    #[cfg(feature = "directive")]
    fn directive() -> impl Strategy<Value = Value> {
        (
            json(&["  Sở  Giáo dục và Đào tạo  Hải Phòng ", "Sở Giáo dục và Đào tạo Hải Phòng", ""]),
            json(&["Hải  Phòng", "Hải Phòng", "1"]),
            json(&[r#""V/v  tăng cường""#, r#""V/v tăng cường""#, r#""""#]),
            member(&[
                r#"{"title": "Giám đốc", "name": "A", "capacity": null}"#,
                r#"{"title": "Phó Giám đốc", "name": "A", "capacity": "KT", "on_behalf_of": "Giám đốc"}"#,
                r#"{"title": ""}"#,
            ]),
            json(&[
                r#"[{"type": "thpt_school", "text": ""}]"#,
                r#"[{"type": "thpt_school", "text": "Các trường THPT"}]"#,
                "[1]",
            ]),
        )
            .prop_map(|(issuer, place, summary, signer, recipients)| {
                // The seed as printed lacks its number and summary and has an incomplete date.
                let mut input = treem::directive::built_in("hai-phong-2024").unwrap();
                input["number"] = Value::from("1234/SGDĐT-CTTT");
                input["summary"] = Value::from("V/v tăng cường công tác bảo vệ trẻ em");
                input["date"] = Value::from("16/09/2024");
                for (key, value) in [
                    ("issuer", issuer),
                    ("place", place),
                    ("summary", summary),
                    ("signer", signer),
                    ("recipients", recipients),
                ] {
                    if let Some(value) = value {
                        input[key] = value;
                    }
                }
                input
            })
    }

    #[cfg(feature = "directive")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_generated_directive_agrees_with_validate_and_normalize(input in directive(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
            } else {
                Context::default()
            };
            holds("directive", &input, &ctx, "a generated directive");
        }
    }

    #[cfg(feature = "directive")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn a_generated_task_report_agrees_with_validate_and_normalize(input in task_report(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
            } else {
                Context::default()
            };
            holds("task_report", &input, &ctx, &input.to_string());
        }
    }

    #[cfg(feature = "safe-school")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn a_generated_assessment_agrees_with_validate_and_normalize(input in assessment(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
            } else {
                Context::default()
            };
            holds("safe_school_assessment", &input, &ctx, &input.to_string());
        }
    }

    #[cfg(feature = "safe-school")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn a_generated_criteria_set_agrees_with_validate_and_normalize(input in criteria_set()) {
            holds("criteria_set", &input, &Context::default(), &input.to_string());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn a_generated_school_agrees_with_validate_and_normalize(input in school(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
            } else {
                Context::default()
            };
            holds("school", &input, &ctx, &input.to_string());
        }

        #[test]
        fn a_generated_case_agrees_with_validate_and_normalize(input in case(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
            } else {
                Context::default()
            };
            holds("case", &input, &ctx, &input.to_string());
        }

        #[test]
        fn a_generated_child_agrees_with_validate_and_normalize(input in child(), dated in any::<bool>()) {
            let ctx = if dated {
                Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
            } else {
                Context::default()
            };
            holds("child", &input, &ctx, &input.to_string());
        }
    }
}
