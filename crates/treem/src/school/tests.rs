#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::json;

use crate::api;

fn codes(record: serde_json::Value, as_of: &str) -> Vec<(String, String)> {
    let options = json!({ "as_of": as_of }).to_string();
    let report =
        api::validate("school", record.to_string().as_bytes(), options.as_bytes()).unwrap();
    report
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn base() -> serde_json::Value {
    json!({"code": "31000101", "name": "Trường THCS Lê Lợi", "school_type": "truong_thcs",
           "grades": [6, 7, 8, 9], "ownership": "công lập", "managing_authority": "ubnd_xa",
           "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
           "learners": 600, "teachers": 35, "staff": 42, "counsellors": 1})
}

#[test]
fn a_complete_record_is_clean() {
    assert!(codes(base(), "2026-01-10").is_empty());
}

#[test]
fn grades_must_fit_the_levels() {
    let mut r = base();
    r["grades"] = json!([5, 6, 13, 6]);
    // Exactly one issue per wrong grade, and none for the grade that fits (6).
    let found = codes(r, "2026-01-10");
    let expected: Vec<(String, String)> = [
        ("/grades/0", "school.grade_level_mismatch"),
        ("/grades/2", "school.grade_out_of_range"),
        ("/grades/3", "school.grade_duplicate"),
    ]
    .into_iter()
    .map(|(p, c)| (p.into(), c.into()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn mam_non_has_no_grades_and_both_levels() {
    let r = json!({"code": "X", "name": "MN Hoa Sen", "school_type": "truong_mam_non",
                   "levels": ["mau_giao"], "grades": [1]});
    let found = codes(r, "2026-01-10");
    assert!(found.contains(&("/levels".into(), "school.level_type_mismatch".into())));
    assert!(found.contains(&("/grades/0".into(), "school.grade_level_mismatch".into())));
}

#[test]
fn multi_level_school_needs_two_levels() {
    let r = json!({"code": "X", "name": "PT nhiều cấp", "school_type": "truong_pho_thong_nhieu_cap",
                   "levels": ["thcs"], "grades": [6, 7, 8, 9]});
    assert!(codes(r, "2026-01-10").contains(&("/levels".into(), "school.too_few_levels".into())));
    let r = json!({"code": "X", "name": "PT nhiều cấp", "school_type": "truong_pho_thong_nhieu_cap",
                   "levels": ["thcs", "thpt"], "grades": [6, 7, 8, 9, 10, 11, 12]});
    assert!(codes(r, "2026-01-10").is_empty());
}

#[test]
fn counts_are_consistent() {
    let mut r = base();
    r["teachers"] = json!(50);
    r["counsellors"] = json!(-1);
    let found = codes(r, "2026-01-10");
    assert!(found.contains(&("/teachers".into(), "school.count_exceeds_staff".into())));
    assert!(found.contains(&("/counsellors".into(), "field.wrong_type".into())));
    let mut r = base();
    r["teachers"] = json!(0);
    assert!(codes(r, "2026-01-10").contains(&(
        "/teachers".into(),
        "school.learners_without_teachers".into()
    )));
}

#[test]
fn authority_fits_the_date() {
    let mut r = base();
    r["managing_authority"] = json!("Phòng GD&ĐT");
    r["address"] = json!({"province_code": "31", "district_code": "303", "commune_code": "11311", "edition": "2024"});
    assert!(codes(r.clone(), "2025-06-30").is_empty());
    assert_eq!(
        codes(r.clone(), "2025-07-01"),
        vec![(
            "/managing_authority".to_owned(),
            "school.authority_abolished".to_owned()
        )]
    );
    r["managing_authority"] = json!("ubnd_xa");
    assert_eq!(
        codes(r, "2025-06-30"),
        vec![(
            "/managing_authority".to_owned(),
            "school.authority_before_reform".to_owned()
        )]
    );
}

#[test]
fn upper_secondary_under_a_commune_is_worth_a_look() {
    let r = json!({"code": "X", "name": "THPT A", "school_type": "truong_thpt",
                   "managing_authority": "ubnd_xa"});
    assert_eq!(
        codes(r, "2026-01-10"),
        vec![(
            "/managing_authority".to_owned(),
            "school.authority_unusual_for_level".to_owned()
        )]
    );
}

#[test]
fn address_codes_are_checked_for_form() {
    let mut r = base();
    r["address"] = json!({"province_code": "031", "district_code": "303", "commune_code": "1131", "edition": "2025"});
    let found = codes(r, "2026-01-10");
    assert_eq!(
        found,
        vec![
            (
                "/address/province_code".to_owned(),
                "school.address_code_form".to_owned()
            ),
            (
                "/address/commune_code".to_owned(),
                "school.address_code_form".to_owned()
            ),
            (
                "/address/district_code".to_owned(),
                "school.address_district_in_2025".to_owned()
            ),
        ]
    );
}

#[test]
fn normalize_writes_codes() {
    let r = json!({"code": "X", "name": "  THCS   A ", "school_type": "Trường trung học cơ sở",
                   "ownership": "Tư thục", "managing_authority": "Sở GD&ĐT", "levels": ["THCS"]});
    let n = api::normalize(
        "school",
        r.to_string().as_bytes(),
        b"{\"as_of\":\"2026-01-01\"}",
    )
    .unwrap();
    assert_eq!(n.record["school_type"], "truong_thcs");
    assert_eq!(n.record["ownership"], "tu_thuc");
    assert_eq!(n.record["managing_authority"], "so_gddt");
    assert_eq!(n.record["levels"][0], "thcs");
    assert_eq!(n.record["name"], "THCS A");
    let again = api::normalize(
        "school",
        n.record.to_string().as_bytes(),
        b"{\"as_of\":\"2026-01-01\"}",
    )
    .unwrap();
    assert!(again.changes.is_empty());
}
