//! Indicators computed from records (phase 2): a hand-checked data set with known answers
//! (`tests/fixtures/indicators/records.json`), shards merging to the whole, suppression.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use serde_json::{json, Value};
use treem::indicator::partial::Partial;
use treem::indicator::table::{Cell, Table};

fn fixture() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/indicators/records.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const OPTIONS: &str =
    r#"{"as_of": "2025-12-31", "lang": "en", "edition": "2025", "suppression_threshold": 0}"#;

fn run(items: &[Value], options: &str) -> treem::indicator::Answer {
    treem::api::indicators(
        Value::Array(items.to_vec()).to_string().as_bytes(),
        options.as_bytes(),
    )
    .unwrap()
}

fn partial(items: &[Value]) -> Partial {
    let opts = OPTIONS.replace('}', r#", "output": "partial"}"#);
    run(items, &opts).partial.unwrap()
}

fn cell<'a>(
    t: &'a Table,
    ind: &str,
    unit: &str,
    period: &str,
    b: Option<(&str, &str)>,
) -> &'a Cell {
    t.cells
        .iter()
        .find(|c| {
            c.indicator.to_string() == ind
                && c.unit == unit
                && c.period.to_string() == period
                && match b {
                    None => c.dimension.is_none(),
                    Some((d, cat)) => {
                        c.dimension.map(|x| x.as_str()) == Some(d)
                            && c.category.as_deref() == Some(cat)
                    }
                }
        })
        .unwrap_or_else(|| panic!("no cell {ind} {unit} {period} {b:?}"))
}

/// (numerator, denominator, value) of a cell.
fn ndv(c: &Cell) -> (Option<u64>, Option<u64>, Option<f64>) {
    (
        c.numerator.as_ref().and_then(serde_json::Number::as_u64),
        c.denominator.as_ref().and_then(serde_json::Number::as_u64),
        c.value.map(|v| (v * 100.0).round() / 100.0),
    )
}

#[test]
fn hand_checked_data_set() {
    let answer = run(&fixture(), OPTIONS);
    let issues: Vec<(&str, &str)> = answer
        .issues
        .iter()
        .filter(|i| i.code.starts_with("indicator."))
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    // C6 has an impossible birth date; K4 names no child; C4 is 16 at as_of.
    assert_eq!(
        issues,
        vec![
            ("/5", "indicator.record_invalid"),
            ("/9/record/child_id", "indicator.case_child_missing"),
            ("/3", "indicator.not_a_child"),
        ]
    );
    assert!(!answer.ok);
    let t = answer.table.unwrap();
    let y = "2025";
    // Group III at as_of: C1 (exploited), C2 (orphan, Hải Dương 30 of 2024 → Hải Phòng 31 of
    // 2025), C7 (disabled). C4 is not a child.
    assert_eq!(
        ndv(cell(&t, "I:0301", "31", y, None)),
        (Some(3), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "I:0301", "31", y, Some(("sex", "male")))),
        (Some(2), None, None)
    );
    // Supported: C1 (protection level support), C2 (monthly social assistance).
    assert_eq!(
        ndv(cell(&t, "I:0302", "31", y, None)),
        (Some(2), Some(3), Some(66.67))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0302",
            "31",
            y,
            Some(("special_circumstance_group", "disabled"))
        )),
        (Some(0), Some(1), Some(0.0))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0302",
            "31",
            y,
            Some(("support_type", "social_assistance"))
        )),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "I:0303", "31", y, None)),
        (Some(1), Some(3), Some(33.33))
    );
    assert_eq!(
        ndv(cell(&t, "I:0306", "31", y, None)),
        (Some(1), Some(3), Some(33.33))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0306",
            "31",
            y,
            Some(("disability_type", "mobility"))
        )),
        (Some(1), None, None)
    );
    // C1 is 10, C2 13, C7 11 at as_of.
    assert_eq!(
        ndv(cell(&t, "I:0306", "31", y, Some(("age_group", "10_14")))).1,
        Some(3)
    );
    assert_eq!(
        ndv(cell(&t, "I:0312", "31", y, None)),
        (Some(1), Some(3), Some(33.33))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0312",
            "31",
            y,
            Some(("abuse_form", "sub_category_1"))
        )),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "I:0308", "31", y, None)),
        (Some(0), Some(3), Some(0.0))
    );
    // Phụ lục II in 2025: C1 (K1: exploitation, violence), C7 (K6: sexual abuse, supported).
    // K5 (C2, neglect) is dated 2024.
    assert_eq!(
        ndv(cell(&t, "II:0101", "31", y, None)),
        (Some(2), None, Some(2.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0101", "31", y, Some(("age_group", "10_14")))),
        (Some(2), None, Some(2.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0101", "31", y, Some(("sex", "female")))),
        (Some(1), None, Some(1.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0102", "31", y, None)),
        (Some(1), Some(2), Some(50.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0103", "31", y, None)),
        (Some(1), Some(2), Some(50.0))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "II:0103",
            "31",
            y,
            Some(("abuse_form", "sub_category_1"))
        )),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "II:0104", "31", y, None)),
        (Some(1), Some(2), Some(50.0))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "II:0104",
            "31",
            y,
            Some(("abuse_form", "unknown"))
        )),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "II:0105", "31", y, None)),
        (Some(0), Some(2), Some(0.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0106", "31", y, None)),
        (Some(0), Some(2), Some(0.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0107", "31", y, None)),
        (Some(0), Some(2), Some(0.0))
    );
    assert_eq!(
        ndv(cell(&t, "II:0112", "31", y, None)),
        (Some(1), Some(2), Some(50.0))
    );
    // Injuries: C3 (K3, drowning); the rate waits for the caller's population.
    assert_eq!(
        ndv(cell(&t, "I:0208", "31", y, None)),
        (Some(1), None, None)
    );
    // School year 2025-2026: C3 in grade 1 at 6 (by year), C5 in kindergarten at 4, Hà Nội.
    let sy = "2025-2026";
    assert_eq!(
        ndv(cell(&t, "I:0405", "31", sy, None)),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0405",
            "31",
            sy,
            Some(("age_appropriateness", "right_age"))
        )),
        (Some(1), None, None)
    );
    assert_eq!(
        ndv(cell(&t, "I:0402", "01", sy, None)),
        (Some(1), None, None)
    );
    assert!(t.cells.iter().all(|c| c.indicator.to_string() != "I:0403"));
    // Safe schools: one "Đạt", one "Chưa đạt" (mandatory criterion 1 not met).
    assert_eq!(
        ndv(cell(&t, "treem:safe_school_pass_rate", "31", sy, None)),
        (Some(1), Some(2), Some(50.0))
    );
    assert_eq!(
        ndv(cell(
            &t,
            "treem:safe_school_pass_rate",
            "31",
            sy,
            Some(("managing_authority", "ubnd_xa"))
        )),
        (Some(1), Some(2), Some(50.0))
    );
    // Every computable indicator of TT 13/2021 the data set touches has a cell.
    for id in [
        "I:0301", "I:0302", "I:0303", "I:0304", "I:0305", "I:0306", "I:0307", "I:0308", "I:0309",
        "I:0310", "I:0311", "I:0312", "I:0313", "I:0314", "I:0315", "I:0316", "II:0101", "II:0102",
        "II:0103", "II:0104", "II:0105", "II:0106", "II:0107", "II:0112", "I:0208",
    ] {
        assert!(
            t.cells.iter().any(|c| c.indicator.to_string() == id),
            "{id}"
        );
    }
    // Only dimensions of each definition are filled.
    for c in &t.cells {
        if let Some(d) = c.dimension {
            let def = treem::indicator::definition::find_builtin(&c.indicator).unwrap();
            assert!(def.has_dimension(d), "{} {:?}", c.indicator, d);
        }
    }
}

/// Every indicator the catalog marks as computed from records gets its numerator from the real
/// feed rules (records in, contributions out), not from contributions made by hand. The
/// hand-checked set is extended by a nursery child and a lower-secondary pupil, the two
/// schooling facts it lacks; their cells have known answers.
#[test]
fn every_computable_indicator_is_fed_by_records() {
    use treem::indicator::definition::{builtin, Computability};
    let mut items = fixture();
    // 18 months old at as_of, in nhà trẻ: I:0401 (3 to 36 months).
    items.push(
        json!({"kind": "child", "record": {"id": "C8", "date_of_birth": "2024-06-01", "sex": "male",
        "residence": {"edition": "2025", "province_code": "31"},
        "schooling": {"level": "nha_tre", "school_year": "2025-2026"}}}),
    );
    // 12 in the school year's first calendar year, in grade 7: I:0407, all and right age.
    items.push(json!({"kind": "child", "record": {"id": "C9", "date_of_birth": "2013-03-01", "sex": "female",
        "residence": {"edition": "2025", "province_code": "31"},
        "schooling": {"level": "thcs", "grade": 7, "school_year": "2025-2026"}}}));
    // One child in each group of Luật Trẻ em Điều 10 that the set has no child in (two groups
    // have no sub-categories in NĐ 56/2017).
    for (n, (group, sub_category)) in [
        ("abandoned", Some(1)),
        ("without_support", Some(1)),
        ("hiv_aids", None),
        ("drug_addicted", Some(1)),
        ("dropped_out_to_work", Some(1)),
        ("seriously_harmed_by_violence", None),
        ("trafficked", Some(1)),
        ("serious_illness_poor_household", Some(1)),
        ("migrant_or_refugee_unaccompanied", Some(1)),
        ("sexually_abused", Some(1)),
        ("in_conflict_with_law", Some(1)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut circumstance = json!({ "group": group });
        if let Some(sub) = sub_category {
            circumstance["sub_category"] = json!(sub);
        }
        items.push(
            json!({"kind": "child", "record": {"id": format!("G{n}"), "date_of_birth": "2016-05-01",
            "sex": "female", "residence": {"edition": "2025", "province_code": "31"},
            "special_circumstances": [circumstance]}}),
        );
    }
    // Five in the school year's first calendar year, in mẫu giáo: I:0403.
    items.push(json!({"kind": "child", "record": {"id": "C10", "date_of_birth": "2020-03-01", "sex": "male",
        "residence": {"edition": "2025", "province_code": "31"},
        "schooling": {"level": "mau_giao", "school_year": "2025-2026"}}}));
    // II:0108–0111: a case with one offender of each relation.
    items.push(
        json!({"kind": "case", "record": {"id": "K8", "child_id": "G0",
        "reported_at": "2025-09-02T10:00", "incident_date": "2025-09-01",
        "abuse_forms": ["violence"], "environment": "family",
        "offenders": [{"relation": "acquaintance_or_neighbour"}, {"relation": "family_member"},
            {"relation": "institution_staff"}, {"relation": "other"}]}}),
    );
    // I:0323: a child under 5 whose birth is registered.
    items.push(json!({"kind": "child", "record": {"id": "C11", "date_of_birth": "2023-02-01", "sex": "female",
        "birth_registered": true, "birth_registration_date": "2023-02-20",
        "residence": {"edition": "2025", "province_code": "31"}}}));
    // The abuse forms no case of the set has: II:0105 (trafficking), II:0106 (neglect),
    // II:0107 (other harm).
    items.push(
        json!({"kind": "case", "record": {"id": "K7", "child_id": "G0",
        "reported_at": "2025-08-02T10:00", "incident_date": "2025-08-01",
        "abuse_forms": ["trafficking", "neglect", "other_harm"]}}),
    );
    let answer = run(&items, OPTIONS);
    let invalid: Vec<_> = answer
        .issues
        .iter()
        .filter(|i| i.code == "indicator.record_invalid")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(invalid, ["/5"], "only the fixture's C6 is invalid");
    let t = answer.table.unwrap();
    let computable: Vec<String> = builtin()
        .definitions
        .iter()
        .filter(|d| d.computability == Computability::FromRecords)
        .map(|d| d.id.to_string())
        .collect();
    assert_eq!(computable.len(), 37);
    let mut unfed = Vec::new();
    for id in &computable {
        let fed = t.cells.iter().any(|c| {
            c.indicator.to_string() == *id
                && c.numerator
                    .as_ref()
                    .and_then(serde_json::Number::as_u64)
                    .is_some_and(|n| n > 0)
        });
        if !fed {
            unfed.push(id.clone());
        }
    }
    assert!(unfed.is_empty(), "no record fed a count: {unfed:?}");
    let sy = "2025-2026";
    assert_eq!(ndv(cell(&t, "I:0401", "31", sy, None)).0, Some(1));
    assert_eq!(ndv(cell(&t, "I:0407", "31", sy, None)).0, Some(1));
    assert_eq!(
        ndv(cell(
            &t,
            "I:0407",
            "31",
            sy,
            Some(("age_appropriateness", "right_age"))
        ))
        .0,
        Some(1)
    );
}

#[test]
fn outside_denominator_merges_with_records() {
    let mut items = fixture();
    items.push(json!({"kind": "indicator_value", "indicator": "I:0208", "unit": "31", "period": "2025", "denominator": 400000}));
    items.push(json!({"kind": "indicator_value", "indicator": "I:0405", "unit": "31", "period": "2025-2026", "denominator": 4}));
    let t = run(&items, OPTIONS).table.unwrap();
    assert_eq!(
        ndv(cell(&t, "I:0208", "31", "2025", None)),
        (Some(1), Some(400000), Some(0.25))
    );
    assert_eq!(
        ndv(cell(&t, "I:0405", "31", "2025-2026", None)),
        (Some(1), Some(4), Some(25.0))
    );
}

#[test]
fn small_counts_from_records_are_hidden() {
    let t = run(&fixture(), r#"{"as_of": "2025-12-31", "edition": "2025"}"#)
        .table
        .unwrap();
    for c in &t.cells {
        let small = c
            .numerator
            .as_ref()
            .and_then(serde_json::Number::as_u64)
            .is_some_and(|n| n > 0 && n < 5);
        assert!(!small, "published small cell {:?}", c.key());
        if c.suppressed {
            assert!(c.numerator.is_none() && c.denominator.is_none() && c.value.is_none());
        }
    }
    assert!(t.cells.iter().any(|c| c.suppressed));
}

#[test]
fn a_child_in_two_shards_is_counted_twice_by_merge() {
    // Merge adds contributions; removing duplicates is the caller's job before computing.
    let items = fixture();
    let c2 = vec![items[1].clone()];
    let twice = partial(&c2).merged(&partial(&c2));
    let t = treem::indicator::table::build(
        &twice,
        &treem::indicator::definition::builtin()
            .definitions
            .iter()
            .collect::<Vec<_>>(),
        0,
        &mut treem::report::IssueSink::new(treem::Lang::En),
    );
    assert_eq!(ndv(cell(&t, "I:0301", "31", "2025", None)).0, Some(2));
    // In one input, the repeated id is refused (the join with cases would be ambiguous).
    let answer = run(&[items[1].clone(), items[1].clone()], OPTIONS);
    assert!(answer
        .issues
        .iter()
        .any(|i| i.code == "indicator.child_id_repeated" && i.path == "/1"));
    // Without an id, there is no join: A + B equals A ∪ B.
    let mut anonymous = items[1].clone();
    anonymous["record"].as_object_mut().unwrap().remove("id");
    let one = vec![anonymous.clone()];
    assert_eq!(
        partial(&one).merged(&partial(&one)),
        partial(&[anonymous.clone(), anonymous])
    );
}

/// The fixture as shard units: each child with its cases, and each other record alone.
fn units() -> Vec<Vec<Value>> {
    let items = fixture();
    let mut out: Vec<Vec<Value>> = Vec::new();
    for item in &items {
        match item["kind"].as_str() {
            Some("child") => {
                let id = item["record"]["id"].clone();
                let mut unit = vec![item.clone()];
                unit.extend(
                    items
                        .iter()
                        .filter(|c| c["kind"] == "case" && c["record"]["child_id"] == id)
                        .cloned(),
                );
                out.push(unit);
            }
            Some("case")
                if items.iter().any(|c| {
                    c["kind"] == "child" && c["record"]["id"] == item["record"]["child_id"]
                }) => {}
            _ => out.push(vec![item.clone()]),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any split of the records into shards (a child stays with its cases), merged in any
    /// order, equals the partial of the whole.
    #[test]
    fn shards_of_records_merge_to_the_whole(
        assignment in proptest::collection::vec(0..3usize, 14),
        order in Just(vec![0usize, 1, 2]).prop_shuffle(),
    ) {
        let units = units();
        let mut shards: Vec<Vec<Value>> = vec![Vec::new(); 3];
        for (unit, shard) in units.iter().zip(assignment.iter().cycle()) {
            shards[*shard].extend(unit.iter().cloned());
        }
        let whole = partial(&units.concat());
        let mut merged = Partial::new();
        for s in order {
            merged.merge(&partial(&shards[s]));
        }
        prop_assert_eq!(merged, whole);
    }
}

/// Phụ lục III 0101 (the child population) and 0323 (birth registration of children under 5)
/// from child records: judged on 31/12 of the period (or `as_of` when earlier); a child whose
/// registration is not recorded is left out of 0323, not counted as unregistered.
#[test]
fn child_population_and_birth_registration_come_from_child_records() {
    let child = |id: &str, born: &str, sex: &str, extra: Value| {
        let mut record = json!({"id": id, "date_of_birth": born, "sex": sex, "ethnic_group": "Kinh",
            "residence": {"edition": "2025", "province_code": "31"}});
        if let (Some(r), Value::Object(more)) = (record.as_object_mut(), extra) {
            r.extend(more);
        }
        json!({"kind": "child", "record": record})
    };
    let items = vec![
        // Under 5, registered in time.
        child(
            "P1",
            "2023-02-01",
            "female",
            json!({"birth_registered": true, "birth_registration_date": "2023-02-20"}),
        ),
        // Under 5, registered: the date alone says so.
        child(
            "P2",
            "2024-06-01",
            "male",
            json!({"birth_registration_date": "2024-06-10"}),
        ),
        // Under 5, not registered.
        child(
            "P3",
            "2022-01-15",
            "male",
            json!({"birth_registered": false}),
        ),
        // Under 5, not said: in the population, not in 0323.
        child("P4", "2021-12-31", "female", json!({})),
        // 5 on 31/12/2025 (born 2020-12-31): not under 5.
        child(
            "P5",
            "2020-12-31",
            "female",
            json!({"birth_registered": true}),
        ),
        // 16 on 31/12/2025: not a child.
        child("P6", "2009-12-31", "male", json!({})),
        // 15: a child.
        child("P7", "2010-12-31", "male", json!({})),
    ];
    let answer = run(&items, OPTIONS);
    assert!(answer.ok, "{:?}", answer.issues);
    let t = answer.table.unwrap();
    assert_eq!(
        ndv(cell(&t, "I:0101", "31", "2025", None)),
        (Some(6), None, Some(6.0))
    );
    assert_eq!(
        ndv(cell(&t, "I:0101", "31", "2025", Some(("sex", "female")))).0,
        Some(3)
    );
    assert_eq!(
        ndv(cell(&t, "I:0101", "31", "2025", Some(("age_group", "15")))).0,
        Some(1)
    );
    assert_eq!(
        ndv(cell(
            &t,
            "I:0101",
            "31",
            "2025",
            Some(("ethnic_group", "01"))
        ))
        .0,
        Some(6)
    );
    // 2 registered of the 3 under 5 whose registration is recorded.
    assert_eq!(
        ndv(cell(&t, "I:0323", "31", "2025", None)),
        (Some(2), Some(3), Some(66.67))
    );
    assert_eq!(
        ndv(cell(&t, "I:0323", "31", "2025", Some(("sex", "male")))),
        (Some(1), Some(2), Some(50.0))
    );
    // Judged at as_of when it is before 31/12: on 2024-06-05 P5 is 3 (under 5, registered),
    // P2's registration (2024-06-10) is after as_of, so its record is refused and not counted.
    let early = run(
        &items,
        r#"{"as_of": "2024-06-05", "lang": "en", "edition": "2025", "suppression_threshold": 0}"#,
    );
    let refused: Vec<&str> = early
        .issues
        .iter()
        .filter(|i| i.code == "indicator.record_invalid")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(refused, ["/1"]);
    let t = early.table.unwrap();
    assert_eq!(
        ndv(cell(&t, "I:0323", "31", "2024", None)),
        (Some(2), Some(3), Some(66.67))
    );
    assert_eq!(ndv(cell(&t, "I:0101", "31", "2024", None)).0, Some(6));
}

/// "Thành thị/nông thôn" is not on the child record: the caller gives that breakdown of the
/// child population; the total and the breakdowns the records give stay the records'.
#[test]
fn the_caller_gives_the_breakdowns_records_cannot() {
    let items = vec![
        json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
            "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120000}),
        json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
            "breakdown": {"dimension": "sex", "category": "female"}, "numerator": 9}),
        json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025", "numerator": 9}),
    ];
    let answer = run(&items, OPTIONS);
    let issues: Vec<(&str, &str)> = answer
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        issues,
        [
            ("/1/indicator", "indicator.value_for_computed"),
            ("/2/indicator", "indicator.value_for_computed")
        ]
    );
    let t = answer.table.unwrap();
    assert_eq!(
        ndv(cell(
            &t,
            "I:0101",
            "31",
            "2025",
            Some(("urban_rural", "urban"))
        ))
        .0,
        Some(120000)
    );
}

/// Phụ lục IV 0101 "Môi trường xâm hại" from the case's `environment`; 0108–0111 (offenders
/// by relation over all offenders) from its `offenders`, by the offender's sex and five-year
/// age group; "Nghề nghiệp" is not on the case.
#[test]
fn abuse_environment_and_offenders_come_from_cases() {
    let child = |id: &str| {
        json!({"kind": "child", "record": {"id": id, "date_of_birth": "2014-05-01", "sex": "female",
            "residence": {"edition": "2025", "province_code": "31"}}})
    };
    let case = |id: &str, child: &str, extra: Value| {
        let mut record = json!({"id": id, "child_id": child, "reported_at": "2025-04-02T08:00",
            "incident_date": "2025-04-01", "abuse_forms": ["violence"]});
        if let (Some(r), Value::Object(more)) = (record.as_object_mut(), extra) {
            r.extend(more);
        }
        json!({"kind": "case", "record": record})
    };
    let items = vec![
        case(
            "K1",
            "A",
            json!({"environment": "gia_dinh", "offenders": [
            {"relation": "family_member", "sex": "nam", "age": 42},
            {"relation": "acquaintance_or_neighbour", "sex": "male", "age": 17}]}),
        ),
        case(
            "K2",
            "B",
            json!({"environment": "school", "offenders": [
            {"relation": "institution_staff", "sex": "female", "age": 44}]}),
        ),
        case("K3", "C", json!({"offenders": [{"sex": "male"}]})),
        child("A"),
        child("B"),
        child("C"),
    ];
    let answer = run(&items, OPTIONS);
    assert!(answer.ok, "{:?}", answer.issues);
    let t = answer.table.unwrap();
    let n = |ind: &str, b: Option<(&str, &str)>| ndv(cell(&t, ind, "31", "2025", b));
    assert_eq!(
        n("II:0101", Some(("abuse_environment", "family"))).0,
        Some(1)
    );
    assert_eq!(
        n("II:0101", Some(("abuse_environment", "school"))).0,
        Some(1)
    );
    assert_eq!(
        n("II:0101", Some(("abuse_environment", "unknown"))).0,
        Some(1)
    );
    // Four offenders: one of each recorded relation, one not said.
    assert_eq!(n("II:0109", None), (Some(1), Some(4), Some(25.0)));
    assert_eq!(n("II:0108", None), (Some(1), Some(4), Some(25.0)));
    assert_eq!(n("II:0110", None), (Some(1), Some(4), Some(25.0)));
    assert_eq!(n("II:0111", None), (Some(0), Some(4), Some(0.0)));
    assert_eq!(
        n("II:0109", Some(("sex", "male"))),
        (Some(1), Some(3), Some(33.33))
    );
    assert_eq!(
        n("II:0109", Some(("age_group", "40_44"))),
        (Some(1), Some(2), Some(50.0))
    );
    assert_eq!(
        n("II:0108", Some(("age_group", "15_19"))),
        (Some(1), Some(1), Some(100.0))
    );
    assert_eq!(n("II:0110", Some(("age_group", "unknown"))).1, Some(1));
    assert!(!t
        .cells
        .iter()
        .any(|c| c.dimension.map(|d| d.as_str()) == Some("occupation")));
}

/// The case's new members are checked against their catalogs.
#[test]
fn case_environment_and_offenders_are_checked() {
    let record = json!({"reported_at": "2025-04-02T08:00", "environment": "online",
        "offenders": [{"relation": "stranger", "sex": "x", "age": -3, "name": "A"}, 5]});
    let answer = treem::api::validate(
        "case",
        record.to_string().as_bytes(),
        br#"{"as_of": "2025-12-31", "lang": "en"}"#,
    )
    .unwrap();
    let issues: Vec<(&str, &str)> = answer
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        issues,
        [
            ("/environment", "case.code_unknown"),
            ("/offenders/0/relation", "case.code_unknown"),
            ("/offenders/0/sex", "case.code_unknown"),
            ("/offenders/0/age", "case.offender_age_invalid"),
            ("/offenders/0/name", "record.unknown_field"),
            ("/offenders/1", "field.wrong_type"),
        ]
    );
}
