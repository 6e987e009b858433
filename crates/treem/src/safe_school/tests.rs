#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::sorted_map::SortedMap;

use proptest::prelude::*;
use serde_json::{json, Value};

use super::criteria::{Completeness, CriteriaSet, Criterion, DocumentRef, Threshold};
use super::score::{score, Outcome, Reason, ResultLevel};
use super::RollupPartial;
use crate::Context;

/// A synthetic set for tests: `n` criteria `c1..cn`, the first `m` mandatory. The texts are
/// placeholders of this test, not criteria of any document.
fn set(n: usize, m: usize, threshold: Threshold) -> CriteriaSet {
    CriteriaSet {
        id: "test-set".into(),
        version: "1".into(),
        title: "Bộ tiêu chí thử".into(),
        document: DocumentRef {
            number: "TEST".into(),
            title: "test".into(),
            issued: None,
            in_force_from: None,
            articles: "-".into(),
        },
        applies_to: vec!["truong_thcs".into()],
        threshold,
        completeness: Completeness::Complete,
        content_areas: vec![],
        criteria: (1..=n)
            .map(|i| Criterion {
                code: format!("c{i}"),
                text: format!("placeholder {i}"),
                area: None,
                mandatory: i <= m,
                conditional: i > n - 2,
            })
            .collect(),
        disqualifying_events: vec![super::criteria::Event {
            code: "e".into(),
            text: "event".into(),
        }],
        remedy_required: true,
        reported_total: None,
        reported_mandatory: None,
        notes: vec![],
    }
}

const PCT80: Threshold = Threshold::Percent {
    min_percent: 80,
    all_mandatory: true,
};

fn answers(pairs: &[(usize, Outcome)]) -> SortedMap<String, Outcome> {
    pairs.iter().map(|(i, o)| (format!("c{i}"), *o)).collect()
}

fn all(n: usize, o: Outcome) -> Vec<(usize, Outcome)> {
    (1..=n).map(|i| (i, o)).collect()
}

#[test]
fn exactly_eighty_percent_passes() {
    let s = set(10, 3, PCT80);
    let mut a = all(10, Outcome::Dat);
    a[8].1 = Outcome::ChuaDat;
    a[9].1 = Outcome::ChuaDat;
    let sc = score(&s, &answers(&a), &[]);
    assert_eq!(sc.level, Some(ResultLevel::Dat));
    assert_eq!(
        sc.reasons,
        vec![Reason::PercentReached {
            met: 8,
            applicable: 10,
            min_percent: 80
        }]
    );
    a[7].1 = Outcome::ChuaDat; // 70 %
    let sc = score(&s, &answers(&a), &[]);
    assert_eq!(sc.level, Some(ResultLevel::ChuaDat));
    assert_eq!(sc.failed, vec!["c8", "c9", "c10"]);
}

#[test]
fn just_below_eighty_percent_fails() {
    // 39 of 49 = 79.6 %.
    let s = set(49, 0, PCT80);
    let mut a = all(49, Outcome::Dat);
    for item in a.iter_mut().take(10) {
        item.1 = Outcome::ChuaDat;
    }
    assert_eq!(
        score(&s, &answers(&a), &[]).level,
        Some(ResultLevel::ChuaDat)
    );
}

#[test]
fn one_mandatory_missing_fails_even_at_ninety_percent() {
    let s = set(10, 3, PCT80);
    let mut a = all(10, Outcome::Dat);
    a[1].1 = Outcome::ChuaDat;
    let sc = score(&s, &answers(&a), &[]);
    assert_eq!(sc.level, Some(ResultLevel::ChuaDat));
    assert!(sc.reasons.contains(&Reason::MandatoryNotMet {
        criteria: vec!["c2".into()]
    }));
    // Unanswered mandatory counts as not met too.
    a.remove(1);
    assert_eq!(
        score(&s, &answers(&a), &[]).level,
        Some(ResultLevel::ChuaDat)
    );
}

#[test]
fn not_applicable_leaves_the_denominator() {
    // 10 criteria, 2 not applicable: 7 of 8 = 87.5 % passes; counted over 10 it would be 70 %.
    let s = set(10, 0, PCT80);
    let mut a = all(10, Outcome::Dat);
    a[0].1 = Outcome::ChuaDat;
    a[8].1 = Outcome::KhongApDung;
    a[9].1 = Outcome::KhongApDung;
    let sc = score(&s, &answers(&a), &[]);
    assert_eq!(sc.level, Some(ResultLevel::Dat));
    assert_eq!((sc.met, sc.not_applicable), (7, 2));
    // All not applicable: nothing assessed, nothing reached.
    let sc = score(
        &set(2, 0, PCT80),
        &answers(&all(2, Outcome::KhongApDung)),
        &[],
    );
    assert_eq!(sc.level, Some(ResultLevel::ChuaDat));
}

#[test]
fn count_thresholds_of_tt45() {
    let t = Threshold::Count {
        min_met: 40,
        min_mandatory_met: 20,
    };
    let s = set(45, 20, t);
    let mut a = all(45, Outcome::Dat);
    for item in a.iter_mut().skip(40) {
        item.1 = Outcome::ChuaDat; // exactly 40 met, 20 mandatory met
    }
    assert_eq!(score(&s, &answers(&a), &[]).level, Some(ResultLevel::Dat));
    a[0].1 = Outcome::ChuaDat; // 39 met, 19 mandatory
    let sc = score(&s, &answers(&a), &[]);
    assert_eq!(sc.level, Some(ResultLevel::ChuaDat));
    assert!(sc.reasons.contains(&Reason::CountBelow {
        met: 39,
        min_met: 40
    }));
    assert!(sc.reasons.contains(&Reason::MandatoryCountBelow {
        mandatory_met: 19,
        min_mandatory_met: 20
    }));
    // 30 / 15 for independent groups and classes; not applicable does not count as met.
    let s = set(
        31,
        15,
        Threshold::Count {
            min_met: 30,
            min_mandatory_met: 15,
        },
    );
    let mut a = all(31, Outcome::Dat);
    a[30].1 = Outcome::KhongApDung;
    assert_eq!(score(&s, &answers(&a), &[]).level, Some(ResultLevel::Dat));
    a[29].1 = Outcome::KhongApDung;
    assert_eq!(
        score(&s, &answers(&a), &[]).level,
        Some(ResultLevel::ChuaDat)
    );
}

#[test]
fn a_disqualifying_event_fails_the_year() {
    let s = set(
        33,
        15,
        Threshold::Count {
            min_met: 23,
            min_mandatory_met: 15,
        },
    );
    let a = answers(&all(33, Outcome::Dat));
    assert_eq!(score(&s, &a, &[]).level, Some(ResultLevel::Dat));
    let sc = score(&s, &a, &["e".into()]);
    assert_eq!(sc.level, Some(ResultLevel::ChuaDat));
    assert!(sc
        .reasons
        .contains(&Reason::DisqualifyingEvent { event: "e".into() }));
}

#[test]
fn a_checklist_has_no_level() {
    let nd80 = super::builtin::get("nd80-2017").unwrap();
    let sc = score(nd80, &SortedMap::new(), &[]);
    assert_eq!(sc.level, None);
    assert_eq!(sc.unanswered as usize, nd80.criteria.len());
}

fn outcome() -> impl Strategy<Value = Option<Outcome>> {
    prop_oneof![
        Just(None),
        Just(Some(Outcome::Dat)),
        Just(Some(Outcome::ChuaDat)),
        Just(Some(Outcome::KhongApDung))
    ]
}

proptest! {
    #[test]
    fn meeting_one_more_criterion_never_lowers_the_level(
        n in 3usize..40, m_share in 0usize..100, pct in 1u32..=100,
        use_count in any::<bool>(), raw in proptest::collection::vec(outcome(), 40), pick in 0usize..40,
    ) {
        let m = n * m_share / 100;
        let threshold = if use_count {
            let min_met = u32::try_from(n * usize::try_from(pct).unwrap() / 100).unwrap().max(1);
            Threshold::Count { min_met, min_mandatory_met: u32::try_from(m).unwrap().min(min_met) }
        } else {
            Threshold::Percent { min_percent: pct, all_mandatory: true }
        };
        let s = set(n, m, threshold);
        let mut a: SortedMap<String, Outcome> = raw.iter().take(n).enumerate()
            .filter_map(|(i, o)| o.map(|o| (format!("c{}", i + 1), o))).collect();
        let before = score(&s, &a, &[]);
        let code = format!("c{}", pick % n + 1);
        // Turn a criterion that is not met (or unanswered) into a met one.
        if a.get(&code) != Some(&Outcome::KhongApDung) {
            a.insert(code, Outcome::Dat);
            let after = score(&s, &a, &[]);
            prop_assert!(after.level >= before.level, "{:?} -> {:?}", before, after);
            prop_assert!(after.met >= before.met);
        }
    }

    #[test]
    fn merged_partials_equal_the_whole_in_any_order(
        levels in proptest::collection::vec((0usize..3, 0usize..4, any::<bool>()), 1..12),
        split in 0usize..12, shuffle in any::<u64>(),
    ) {
        let records: Vec<Value> = levels.iter().enumerate()
            .map(|(i, (auth, fail, valid))| record(i, *auth, *fail, *valid)).collect();
        let ctx = Context::from_options_json(br#"{"as_of":"2026-01-10"}"#).unwrap();
        let mut whole = RollupPartial::new();
        for r in &records { whole.add(r, &ctx); }
        let cut = split.min(records.len());
        let (left, right) = records.split_at(cut);
        let mut a = RollupPartial::new();
        for r in left { a.add(r, &ctx); }
        let mut b = RollupPartial::new();
        for r in right { b.add(r, &ctx); }
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(b.clone());
        ba.merge(a.clone());
        prop_assert_eq!(&ab, &whole);
        prop_assert_eq!(&ba, &whole);
        // Associativity with a third part made from a rotation of the records.
        let k = usize::try_from(shuffle % u64::try_from(records.len()).unwrap()).unwrap();
        let mut c = RollupPartial::new();
        c.add(&records[k], &ctx);
        let mut left_first = ab.clone();
        left_first.merge(c.clone());
        let mut right_first = a.clone();
        let mut bc = b.clone();
        bc.merge(c);
        right_first.merge(bc);
        prop_assert_eq!(left_first.finish(), right_first.finish());
    }
}

/// A caller-supplied complete set (synthetic: its texts are placeholders, not any document's).
fn supplied_set() -> Value {
    json!({
        "id": "so-31-thcs-2025", "version": "2025-1", "title": "Bộ tiêu chí thử nghiệm",
        "document": {"number": "TEST/2025", "title": "Tài liệu thử", "articles": "-"},
        "applies_to": ["truong_thcs", "truong_tieu_hoc"],
        "threshold": {"rule": "percent", "min_percent": 80, "all_mandatory": true},
        "completeness": "complete",
        "content_areas": [{"code": "A", "title": "Khu vực A"}],
        "criteria": [
            {"code": "1", "text": "Tiêu chí thử 1", "area": "A", "mandatory": true},
            {"code": "2", "text": "Tiêu chí thử 2", "area": "A"},
            {"code": "3", "text": "Tiêu chí thử 3", "area": "A"},
            {"code": "4", "text": "Tiêu chí thử 4", "area": "A"},
            {"code": "5", "text": "Tiêu chí thử 5 (nếu có)", "area": "A", "conditional": true}
        ],
        "remedy_required": true
    })
}

fn school(i: usize, authority: &str) -> Value {
    // Real 2025 communes of Hải Phòng: the address codes are checked against the list.
    let commune = ["11311", "11329", "11359", "11383"][i % 4];
    json!({"code": format!("S{i}"), "name": format!("Trường {i}"), "school_type": "truong_thcs",
           "managing_authority": authority,
           "address": {"province_code": "31", "commune_code": commune, "edition": "2025"}})
}

fn record(i: usize, auth: usize, fail: usize, valid: bool) -> Value {
    let authority = ["so_gddt", "ubnd_xa", "ubnd_xa"][auth];
    let mut results: Vec<Value> = (1..=5)
        .map(|c| json!({"criterion": c.to_string(), "result": "dat", "evidence": "biên bản"}))
        .collect();
    for r in results.iter_mut().skip(1).take(fail) {
        *r = json!({"criterion": r["criterion"], "result": "chua_dat",
                    "remedy": {"measures": "sửa chữa", "by": "tu_khac_phuc"}});
    }
    let mut rec = json!({"criteria_set": supplied_set(), "criteria_set_version": "2025-1",
        "school": school(i, authority), "school_year": "2024-2025", "results": results});
    if !valid {
        rec["school_year"] = json!("2024-2026");
    }
    rec
}

#[test]
fn caller_supplied_set_round_trips() {
    let value = supplied_set();
    let report = crate::api::validate("criteria_set", value.to_string().as_bytes(), b"").unwrap();
    assert!(report.issues.is_empty(), "{:?}", report.issues);
    let set: CriteriaSet = serde_json::from_value(value.clone()).unwrap();
    let again: CriteriaSet = serde_json::from_value(serde_json::to_value(&set).unwrap()).unwrap();
    assert_eq!(set, again);
    assert_eq!(
        serde_json::to_value(&again).unwrap()["criteria"],
        value["criteria"]
    );
    // Used inline in an assessment, it scores.
    let out = crate::api::safe_school_assess(
        record(1, 0, 1, true).to_string().as_bytes(),
        br#"{"as_of":"2026-01-10"}"#,
    )
    .unwrap();
    assert_eq!(out["report"]["ok"], true, "{out}");
    assert_eq!(out["score"]["level"], "dat"); // 4 of 5 = 80 %
    let out = crate::api::safe_school_assess(
        record(1, 0, 2, true).to_string().as_bytes(),
        br#"{"as_of":"2026-01-10"}"#,
    )
    .unwrap();
    assert_eq!(out["score"]["level"], "chua_dat");
    assert_eq!(out["score"]["failed"], json!(["2", "3"]));
}

/// Which criteria count as answered: by code, whatever place the answer has; a criterion
/// answered twice is reported once, at its second answer; a criterion not answered is named;
/// and a set listing one code twice (itself an error) asks for that code's answer once.
#[test]
fn answers_are_matched_to_criteria_by_code() {
    let validate = |rec: &Value| {
        crate::api::validate(
            "safe_school_assessment",
            rec.to_string().as_bytes(),
            br#"{"as_of":"2026-01-10"}"#,
        )
        .unwrap()
    };
    let mut rec = record(1, 0, 0, true);
    let results = rec["results"].as_array_mut().unwrap();
    results.reverse();
    results.swap(0, 1); // answered out of the set's order: still all answered
    assert!(validate(&rec).ok, "{:?}", validate(&rec).issues);
    let mut twice = rec.clone();
    let second = twice["results"][3].clone();
    twice["results"].as_array_mut().unwrap().push(second);
    let report = validate(&twice);
    let paths: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        [("safe_school.duplicate_criterion", "/results/5/criterion")]
    );
    let mut missing = rec.clone();
    missing["results"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["criterion"] != "1");
    let report = validate(&missing);
    let codes: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.params.get("criterion")))
        .collect();
    assert_eq!(
        codes,
        [("safe_school.mandatory_unanswered", Some(&json!("1")))]
    );
    let mut listed_twice = rec.clone();
    let first = listed_twice["criteria_set"]["criteria"][0].clone();
    listed_twice["criteria_set"]["criteria"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let report = validate(&listed_twice);
    let codes: Vec<_> = report.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        ["criteria_set.duplicate_code"],
        "{:?}",
        report.issues
    );
}

#[test]
fn a_supplied_set_cannot_change_the_law() {
    let mut value = supplied_set();
    value["id"] = json!("tt18-2023");
    value["threshold"]["min_percent"] = json!(70);
    let report = crate::api::validate("criteria_set", value.to_string().as_bytes(), b"").unwrap();
    // TT 18/2023's 80 % was read in a third-party transcription, not the gazette: a warning.
    assert!(report.has_code("criteria_set.threshold_differs_from_source"));
    assert!(!report.has_code("criteria_set.threshold_differs_from_law"));
    assert!(report.has_code("criteria_set.count_differs_from_reported"));
    let bad = json!({"id": "x"});
    let report = crate::api::validate("criteria_set", bad.to_string().as_bytes(), b"").unwrap();
    assert!(report.has_code("json.missing_member"));
}

#[cfg(feature = "bulk-operations")]
#[test]
fn rollup_lists_schools_per_authority() {
    let input = Value::Array(vec![
        record(1, 0, 0, true),
        record(2, 1, 2, true),
        record(3, 1, 0, false),
    ]);
    let out =
        crate::api::safe_school_rollup(input.to_string().as_bytes(), br#"{"as_of":"2026-01-10"}"#)
            .unwrap();
    let roll = &out["rollup"];
    assert_eq!(roll["invalid"], 1);
    assert_eq!(roll["authorities"][0]["authority"], "so_gddt");
    assert_eq!(roll["authorities"][0]["unit"], "31");
    assert_eq!(roll["authorities"][0]["dat"][0]["school_code"], "S1");
    assert_eq!(roll["authorities"][1]["authority"], "ubnd_xa");
    assert_eq!(
        roll["authorities"][1]["chua_dat"][0]["failed_criteria"],
        json!(["2", "3"])
    );
    let merged = crate::api::safe_school_rollup_merge(
        Value::Array(vec![out["partial"].clone(), out["partial"].clone()])
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(merged["rollup"]["authorities"], roll["authorities"]);
}
