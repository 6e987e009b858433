//! One test per child rule, and the properties: a record built from valid parts validates
//! clean; a mutation of one member yields issues at exactly that member's path.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};

const AS_OF: &str = "2026-11-28";

fn issues_at(record: &Value, as_of: Option<&str>) -> Vec<(String, String)> {
    let options = match as_of {
        Some(d) => json!({"as_of": d}).to_string(),
        None => String::new(),
    };
    let report =
        treem::api::validate("child", record.to_string().as_bytes(), options.as_bytes()).unwrap();
    report
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn issues(record: &Value) -> Vec<(String, String)> {
    issues_at(record, Some(AS_OF))
}

fn one(path: &str, code: &str) -> Vec<(String, String)> {
    vec![(path.to_owned(), code.to_owned())]
}

fn valid() -> Value {
    json!({
        "id": "HP-000123",
        "full_name": "Nguyễn Thị Hoa",
        "date_of_birth": "2016-05-20",
        "sex": "female",
        "ethnic_group": "Kinh",
        "personal_id": "031316000123",
        "birth_registered": true,
        "birth_registration_date": "2016-06-01",
        "residence": {"edition": "2025", "province_code": "31", "commune_code": "11311", "address": "Thôn 3"},
        "guardians": [
            {"full_name": "Nguyễn Văn Nam", "relationship": "father", "status": "deceased"},
            {"full_name": "Trần Thị Lan", "relationship": "grandparent", "status": "alive", "phone": "0912345678"}
        ],
        "schooling": {"school_code": "31000123", "level": "primary", "grade": 5, "school_year": "2026-2027"},
        "special_circumstances": [
            {"group": "without_support", "sub_category": 2, "identified_on": "2024-03-01"}
        ],
        "social_assistance": {"category": "orphan_other_in_care", "since": "2024-04-01"},
        "protection_level": "support"
    })
}

#[test]
fn the_valid_record_is_clean() {
    assert_eq!(issues(&valid()), vec![]);
}

#[test]
fn birth_in_future_is_an_error() {
    let mut r = valid();
    r["date_of_birth"] = json!("2027-01-01");
    assert_eq!(issues(&r), one("/date_of_birth", "child.birth_in_future"));
}

#[test]
fn sixteen_and_over_is_flagged_outside_the_child_law() {
    let mut r = json!({"date_of_birth": "2010-11-28"});
    assert_eq!(
        issues(&r),
        one("/date_of_birth", "child.age_outside_child_law")
    );
    r["date_of_birth"] = json!("2010-11-29"); // one day short of 16
    assert_eq!(issues(&r), vec![]);
    let report = treem::api::validate(
        "child",
        br#"{"date_of_birth": "2009-01-01"}"#,
        br#"{"as_of": "2026-11-28"}"#,
    )
    .unwrap();
    assert!(report.ok, "a warning, not a rejection");
}

#[test]
fn date_rules_without_as_of_say_so() {
    let r = json!({"date_of_birth": "2016-05-20"});
    assert_eq!(issues_at(&r, None), one("", "context.as_of_missing"));
    assert_eq!(issues_at(&json!({"full_name": "A"}), None), vec![]);
}

#[test]
fn dates_about_the_child_lie_between_birth_and_as_of() {
    let mut r = valid();
    r["birth_registration_date"] = json!("2016-05-01");
    assert_eq!(
        issues(&r),
        one("/birth_registration_date", "child.date_before_birth")
    );
    let mut r = valid();
    r["special_circumstances"][0]["identified_on"] = json!("2027-03-01");
    assert_eq!(
        issues(&r),
        one(
            "/special_circumstances/0/identified_on",
            "child.date_after_as_of"
        )
    );
    let mut r = valid();
    r["social_assistance"]["since"] = json!("2015-01-01");
    assert_eq!(
        issues(&r),
        one("/social_assistance/since", "child.date_before_birth")
    );
}

#[test]
fn orphan_of_both_parents_has_no_living_parent() {
    let mut r = valid();
    r["special_circumstances"] =
        json!([{"group": "a", "sub_category": 3, "identified_on": "2024-03-01"}]);
    r["guardians"][0]["status"] = json!("alive");
    r["social_assistance"]["category"] = json!("orphan_both_parents");
    assert_eq!(
        issues(&r),
        one("/guardians/0/status", "child.orphan_with_living_parent")
    );
    r["guardians"][0]["status"] = json!("deceased");
    assert_eq!(issues(&r), vec![]);
}

#[test]
fn duplicate_guardians_are_warned() {
    let mut r = valid();
    r["guardians"]
        .as_array_mut()
        .unwrap()
        .push(json!({"full_name": " trần  thị LAN ", "relationship": "grandparent"}));
    assert_eq!(issues(&r), one("/guardians/2", "child.guardian_duplicate"));
    // Same name, different phone: two people.
    r["guardians"][2]["phone"] = json!("0987654321");
    assert_eq!(issues(&r), vec![]);
}

#[test]
fn grade_follows_level_and_birth_year() {
    let mut r = valid();
    r["schooling"]["grade"] = json!(6);
    assert_eq!(
        issues(&r),
        one("/schooling/grade", "child.grade_not_in_level")
    );
    r["schooling"]["level"] = json!("lower_secondary");
    assert_eq!(
        issues(&r),
        one("/schooling/grade", "child.grade_ahead_of_age")
    );
    r["schooling"] = json!({"level": "primary", "grade": 3, "school_year": "2026-2027"});
    assert_eq!(
        issues(&r),
        one("/schooling/grade", "child.grade_behind_age")
    );
    // Without a school year, either year around as_of is accepted.
    r["schooling"] = json!({"level": "primary", "grade": 4});
    assert_eq!(issues(&r), vec![]);
    r["schooling"] = json!({"level": "kindergarten", "grade": 1});
    assert_eq!(
        issues(&r),
        vec![
            // A 10-year-old in mẫu giáo (Luật Giáo dục Điều 26), and no grades there.
            (
                "/schooling/level".to_owned(),
                "child.preschool_age_outside".to_owned()
            ),
            (
                "/schooling/grade".to_owned(),
                "child.grade_not_in_level".to_owned()
            ),
        ]
    );
    r["schooling"] = json!({"school_year": "2026-2028"});
    assert_eq!(
        issues(&r),
        one("/schooling/school_year", "child.school_year_invalid")
    );
}

#[test]
fn sub_category_belongs_to_its_group() {
    let mut r = valid();
    r["special_circumstances"][0]["sub_category"] = json!(13);
    assert_eq!(
        issues(&r),
        one(
            "/special_circumstances/0/sub_category",
            "child.sub_category_not_in_group"
        )
    );
    r["special_circumstances"][0] = json!({"group": "hiv_aids", "sub_category": 1});
    assert_eq!(
        issues(&r),
        one(
            "/special_circumstances/0/sub_category",
            "child.sub_category_not_in_group"
        )
    );
    r["special_circumstances"][0] = json!({"group": "f"});
    assert_eq!(
        issues(&r),
        one("/special_circumstances/0/group", "child.code_unknown")
    );
    r["special_circumstances"] =
        json!([{"group": "c", "sub_category": 1}, {"group": "without_support", "sub_category": 2}]);
    assert_eq!(
        issues(&r),
        one(
            "/special_circumstances/1/group",
            "child.circumstance_repeated"
        )
    );
}

#[test]
fn disability_rules() {
    let mut r = valid();
    r["disability"] = json!({"level": "severe"});
    assert_eq!(
        issues(&r),
        one("/disability/level", "child.disability_level_without_type")
    );
    r["disability"] = json!({"types": ["mobility", "blue"], "level": "severe"});
    assert_eq!(issues(&r), one("/disability/types/1", "child.code_unknown"));
    r["disability"] = json!({"types": ["mobility"], "level": "severe"});
    r["special_circumstances"] = json!([{"group": "d", "sub_category": 3}]);
    assert_eq!(
        issues(&r),
        one(
            "/special_circumstances/0/sub_category",
            "child.disability_level_mismatch"
        )
    );
    r["special_circumstances"][0]["sub_category"] = json!(2);
    assert_eq!(issues(&r), vec![]);
    r.as_object_mut().unwrap().remove("disability");
    assert_eq!(
        issues(&r),
        one("/special_circumstances/0/group", "child.disability_missing")
    );
}

#[test]
fn assistance_under_clause_1_is_for_children_under_16() {
    let r = json!({"date_of_birth": "2010-01-01", "social_assistance": {"category": "orphan_both_parents"}});
    assert_eq!(
        issues(&r),
        vec![
            (
                "/date_of_birth".to_owned(),
                "child.age_outside_child_law".to_owned()
            ),
            (
                "/social_assistance/category".to_owned(),
                "child.assistance_age".to_owned()
            )
        ]
    );
}

#[test]
fn residence_edition_and_levels() {
    let mut r = valid();
    r["residence"]["district_code"] = json!("311");
    assert_eq!(
        issues(&r),
        one(
            "/residence/district_code",
            "child.district_in_two_level_edition"
        )
    );
    r["residence"]["edition"] = json!("2024");
    // In the 2024 list, 11311 (Phường Minh Khai) lies in Quận Hồng Bàng (303), not 311.
    assert_eq!(
        issues(&r),
        one(
            "/residence/commune_code",
            "admin_unit.commune_outside_district"
        )
    );
    r["residence"]["district_code"] = json!("303");
    assert_eq!(issues(&r), vec![]);
    r["residence"]["edition"] = json!("2023");
    assert_eq!(
        issues(&r),
        one("/residence/edition", "child.edition_unknown")
    );
    // No edition on the record: the one in force at as_of.
    let r = json!({"residence": {"district_code": "311"}});
    assert_eq!(issues_at(&r, Some("2025-06-30")), vec![]);
    assert_eq!(
        issues_at(&r, Some("2025-07-01")),
        one(
            "/residence/district_code",
            "child.district_in_two_level_edition"
        )
    );
}

#[test]
fn personal_id_structure_and_consistency() {
    let mut r = valid();
    r["personal_id"] = json!("03131600012");
    assert_eq!(issues(&r), one("/personal_id", "personal_id.wrong_length"));
    r["personal_id"] = json!("0313160001A3");
    assert_eq!(issues(&r), one("/personal_id", "personal_id.non_digit"));
    // Born 2016, female: the fourth digit must be 3 (2000s, female) and digits 5–6 "16".
    r["personal_id"] = json!("031216000123");
    assert_eq!(issues(&r), one("/personal_id", "personal_id.sex_mismatch"));
    r["personal_id"] = json!("031315000123");
    assert_eq!(
        issues(&r),
        one("/personal_id", "personal_id.birth_year_mismatch")
    );
    r["personal_id"] = json!("031 316 000 123");
    assert_eq!(issues(&r), vec![]);
    // With no date of birth, the sex is still compared; the message masks the number.
    let bad = json!({"personal_id": "031216000123", "sex": "nữ"});
    let report = treem::api::validate(
        "child",
        bad.to_string().as_bytes(),
        br#"{"as_of": "2026-11-28", "lang": "en"}"#,
    )
    .unwrap();
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].code, "personal_id.sex_mismatch");
    assert!(
        !report.issues[0].message.contains("031216000123"),
        "{}",
        report.issues[0].message
    );
}

#[test]
fn ethnic_group_by_code_or_name() {
    let mut r = valid();
    for ok in ["01", "1", "kinh", "Hmông", "Mèo", "dân tộc Tày"] {
        r["ethnic_group"] = json!(ok);
        assert_eq!(issues(&r), vec![], "{ok}");
    }
    r["ethnic_group"] = json!("Kinh Thượng");
    assert_eq!(issues(&r), one("/ethnic_group", "ethnic_group.unknown"));
    r["ethnic_group"] = json!("99");
    assert_eq!(issues(&r), one("/ethnic_group", "ethnic_group.unknown"));
}

#[test]
fn names_reject_digits_symbols_and_invisible_characters() {
    let mut r = valid();
    r["full_name"] = json!("Nguyễn Thị Hoa 2");
    assert_eq!(issues(&r), one("/full_name", "name.digit"));
    r["full_name"] = json!("Nguyễn Thị @Hoa");
    assert_eq!(issues(&r), one("/full_name", "name.symbol"));
    r["full_name"] = json!("Nguyễn Thị\u{200B}Hoa");
    assert_eq!(issues(&r), one("/full_name", "name.invisible_character"));
    r["full_name"] = json!("H'Hen Niê");
    assert_eq!(issues(&r), vec![]);
    r["guardians"][0]["full_name"] = json!("Nguyễn Văn Nam1");
    assert_eq!(issues(&r), one("/guardians/0/full_name", "name.digit"));
}

#[test]
fn guardian_phones_are_vietnamese_numbers() {
    let mut r = valid();
    for ok in ["0912 345 678", "+84 912 345 678", "02253 123 456"] {
        r["guardians"][1]["phone"] = json!(ok);
        assert_eq!(issues(&r), vec![], "{ok}");
    }
    r["guardians"][1]["phone"] = json!("091234567");
    assert_eq!(issues(&r), one("/guardians/1/phone", "phone.wrong_length"));
    r["guardians"][1]["phone"] = json!("01212345678");
    assert_eq!(
        issues(&r),
        one("/guardians/1/phone", "phone.old_mobile_prefix")
    );
    r["guardians"][1]["phone"] = json!("0912-345-67x");
    assert_eq!(issues(&r), one("/guardians/1/phone", "phone.non_digit"));
}

#[test]
fn duplicate_guardians_match_on_folded_names_and_national_phones() {
    let mut r = valid();
    r["guardians"]
        .as_array_mut()
        .unwrap()
        .push(json!({"full_name": "TRAN THI LAN", "relationship": "grandparent", "phone": "+84912345678"}));
    assert_eq!(issues(&r), one("/guardians/2", "child.guardian_duplicate"));
}

#[test]
fn residence_codes_exist_in_their_edition_and_nest() {
    let mut r = valid();
    r["residence"]["commune_code"] = json!("99999");
    assert_eq!(
        issues(&r),
        one("/residence/commune_code", "admin_unit.unknown")
    );
    r["residence"]["commune_code"] = json!("00004"); // Phường Ba Đình, Hà Nội (01)
    assert_eq!(
        issues(&r),
        one(
            "/residence/commune_code",
            "admin_unit.commune_outside_province"
        )
    );
    r["residence"]["province_code"] = json!("01");
    assert_eq!(issues(&r), vec![]);
    r["residence"]["province_code"] = json!("64"); // not a province of the 2025 list
    assert_eq!(
        issues(&r),
        one("/residence/province_code", "admin_unit.unknown")
    );
    // 2024: a district outside its province.
    let r = json!({"residence": {"edition": "2024", "province_code": "30", "district_code": "303", "commune_code": "11311"}});
    assert_eq!(
        issues(&r),
        one(
            "/residence/district_code",
            "admin_unit.district_outside_province"
        )
    );
    // No edition in the record, the options or as_of: the codes cannot be judged.
    let r = json!({"residence": {"commune_code": "11311"}});
    assert_eq!(issues_at(&r, None), one("", "context.as_of_missing"));
}

#[test]
fn normalize_resolves_unit_names_and_pads_codes() {
    let input = json!({"ethnic_group": "mèo",
        "residence": {"edition": "2025", "province_code": "Hải Phòng", "commune_code": "Phường Lê Chân"},
        "guardians": [{"phone": "+84 912 345 678"}]});
    let out = treem::api::normalize(
        "child",
        input.to_string().as_bytes(),
        br#"{"as_of": "2026-11-28"}"#,
    )
    .unwrap();
    assert_eq!(out.record["ethnic_group"], "08");
    assert_eq!(out.record["residence"]["province_code"], "31");
    assert_eq!(out.record["residence"]["commune_code"], "11383");
    assert_eq!(out.record["guardians"][0]["phone"], "0912345678");
    let input = json!({"residence": {"edition": "2024", "province_code": "1", "district_code": "1", "commune_code": "4"}});
    let out = treem::api::normalize("child", input.to_string().as_bytes(), b"").unwrap();
    assert_eq!(
        out.record["residence"],
        json!({"edition": "2024", "province_code": "01", "district_code": "001", "commune_code": "00004"})
    );
    // A name that fits no unit is kept as written.
    let input = json!({"residence": {"edition": "2025", "commune_code": "Xã Không Có"}});
    let out = treem::api::normalize("child", input.to_string().as_bytes(), b"").unwrap();
    assert_eq!(out.record["residence"]["commune_code"], "Xã Không Có");
}

#[test]
fn a_2024_residence_converts_to_its_2025_units() {
    let v = treem::api::call(
        "residence_successors",
        json!({"residence": {"edition": "2024", "province_code": "31", "district_code": "303", "commune_code": "11311"}})
            .to_string()
            .as_bytes(),
        b"",
    )
    .unwrap();
    assert_eq!(v["province"]["code"], "31");
    let communes = v["communes"].as_array().unwrap();
    assert!(!communes.is_empty());
    assert!(communes.iter().all(|c| c["province_code"] == "31"));
    assert_eq!(v["unique"], communes.len() == 1);
    // One-to-many: an old commune split between several new units lists them all.
    let split = treem::vn::admin::tables()
        .edition(treem::Edition::E2024)
        .units(treem::vn::admin::Level::Commune)
        .iter()
        .find(|u| treem::vn::admin::successors(&u.code).len() > 1)
        .unwrap();
    let v = treem::api::call(
        "residence_successors",
        json!({"edition": "2024", "commune_code": &*split.code})
            .to_string()
            .as_bytes(),
        b"",
    )
    .unwrap();
    assert_eq!(v["unique"], false);
    assert_eq!(
        v["communes"].as_array().unwrap().len(),
        treem::vn::admin::successors(&split.code).len()
    );
    // No edition known: null.
    let v = treem::api::call("residence_successors", br#"{"commune_code": "11311"}"#, b"").unwrap();
    assert!(v.is_null());
}

#[test]
fn school_level_is_the_school_modules_level() {
    let mut r = valid();
    for ok in ["tieu_hoc", "Tiểu học", "primary"] {
        r["schooling"]["level"] = json!(ok);
        assert_eq!(issues(&r), vec![], "{ok}");
    }
    // GDTX has no verified grade range: its grades are not judged.
    r["schooling"] = json!({"level": "gdtx", "grade": 9});
    assert_eq!(issues(&r), vec![]);
}

#[test]
fn protection_level_is_one_of_three() {
    let mut r = valid();
    r["protection_level"] = json!("urgent");
    assert_eq!(
        issues(&r),
        one("/protection_level", "child.protection_level_unknown")
    );
    r["protection_level"] = json!("Can thiệp");
    assert_eq!(issues(&r), vec![]);
}

#[test]
fn normalize_cleans_without_dropping() {
    let input = json!({
        "full_name": "  Lê   Minh Châu ", "date_of_birth": "5/9/2018", "sex": "Nam",
        "personal_id": "031 218 000 456", "x_note": "giữ nguyên",
        "guardians": [{"relationship": "Mẹ", "status": "còn sống", "phone": "0912.345.678"}, 7],
        "schooling": {"level": "tiểu học", "grade": "3", "school_year": " 2026 - 2027 "},
        "special_circumstances": [{"group": "đ", "identified_on": "ngày 1 tháng 2 năm 2025"}],
        "disability": {"types": ["trí tuệ"], "level": "nhẹ"},
        "protection_level": "Hỗ trợ"
    });
    let out = treem::api::normalize(
        "child",
        input.to_string().as_bytes(),
        br#"{"as_of": "2026-11-28"}"#,
    )
    .unwrap();
    let r = &out.record;
    assert_eq!(r["full_name"], "Lê Minh Châu");
    assert_eq!(r["date_of_birth"], "2018-09-05");
    assert_eq!(r["sex"], "male");
    assert_eq!(r["personal_id"], "031218000456");
    assert_eq!(r["x_note"], "giữ nguyên");
    assert_eq!(
        r["guardians"][0],
        json!({"relationship": "mother", "status": "alive", "phone": "0912345678"})
    );
    assert_eq!(r["guardians"][1], 7);
    assert_eq!(
        r["schooling"],
        json!({"level": "tieu_hoc", "grade": 3, "school_year": "2026-2027"})
    );
    assert_eq!(
        r["special_circumstances"][0],
        json!({"group": "hiv_aids", "identified_on": "2025-02-01"})
    );
    assert_eq!(
        r["disability"],
        json!({"types": ["intellectual"], "level": "mild"})
    );
    assert_eq!(r["protection_level"], "support");
    let codes: Vec<&str> = out.report.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["field.wrong_type", "record.unknown_field"]);
    // Idempotent.
    let again = treem::api::normalize(
        "child",
        r.to_string().as_bytes(),
        br#"{"as_of": "2026-11-28"}"#,
    )
    .unwrap();
    assert_eq!(&again.record, r);
    assert!(again.changes.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A personal ID consistent with `birth` and `sex`: Hải Phòng (031), the century/sex digit
    /// of Thông tư 07/2016/TT-BCA Phụ lục III, the year, a random part.
    fn personal_id(birth: chrono::NaiveDate, male: bool, random: u32) -> String {
        let year = chrono::Datelike::year(&birth);
        let century = (year / 100 - 19) * 2 + i32::from(!male);
        format!("031{century}{:02}{:06}", year % 100, random % 1_000_000)
    }

    /// A valid mobile number: a prefix of the source tables and seven digits.
    fn phone(prefix: usize, rest: u32) -> String {
        const PREFIXES: [&str; 8] = ["032", "038", "070", "079", "086", "091", "096", "098"];
        format!(
            "{}{:07}",
            PREFIXES[prefix % PREFIXES.len()],
            rest % 10_000_000
        )
    }

    /// A real place: a commune of Hải Phòng in the 2025 list (two levels), or a 2024 commune
    /// with its district and province.
    fn residence(pick: usize, old: bool) -> Value {
        use treem::vn::admin::{tables, Level};
        let edition = if old {
            treem::Edition::E2024
        } else {
            treem::Edition::E2025
        };
        let communes: Vec<_> = tables()
            .edition(edition)
            .units(Level::Commune)
            .iter()
            .filter(|u| &*u.province_code == "31")
            .collect();
        let c = communes[pick % communes.len()];
        let mut r = json!({"edition": edition.as_str(), "province_code": &*c.province_code,
            "commune_code": &*c.code, "address": "Thôn 3"});
        if let Some(d) = c.district_code.as_deref() {
            r["district_code"] = json!(d);
        }
        r
    }

    /// A valid record for a child born `age_days` days before as_of (0–15 years), with the
    /// personal ID's random part, the phone and the place chosen.
    fn record_with(
        age_days: i64,
        sex: bool,
        group: usize,
        sub: i64,
        relation: usize,
        (random, prefix, pick, old): (u32, usize, usize, bool),
    ) -> Value {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let birth = as_of - chrono::Duration::days(age_days);
        let identified = birth + chrono::Duration::days(age_days / 2);
        let mut r = valid();
        r["date_of_birth"] = json!(birth.format("%d/%m/%Y").to_string());
        r["birth_registration_date"] = json!(identified.to_string());
        r["social_assistance"]["since"] = json!(identified.to_string());
        r["sex"] = json!(if sex { "nam" } else { "nữ" });
        r["personal_id"] = json!(personal_id(birth, sex, random));
        r["guardians"][1]["phone"] = json!(phone(prefix, random));
        r["residence"] = residence(pick, old);
        let groups = treem::child::catalog::SPECIAL_CIRCUMSTANCES;
        let g = &groups[group % groups.len()];
        let mut item = json!({"group": g.letter, "identified_on": identified.to_string()});
        if !g.sub_categories.is_empty() {
            item["sub_category"] = json!(1 + sub.rem_euclid(g.sub_categories.len() as i64));
        }
        r["special_circumstances"] = json!([item]);
        if g.entry.code == "disabled" {
            let level = treem::child::catalog::DISABILITY_LEVELS
                [(item["sub_category"].as_i64().unwrap() - 1) as usize]
                .code;
            r["disability"] = json!({"types": ["visual"], "level": level});
        }
        if g.entry.code == "orphan_both_parents" {
            r["social_assistance"]["category"] = json!("orphan_both_parents");
        }
        // Group c: the father's status as Nghị định 56/2017 Điều 5 khoản n says it.
        if g.entry.code == "without_support" {
            let father = match item["sub_category"].as_i64().unwrap() {
                1..=3 => "deceased",
                4..=6 => "missing",
                _ => "alive",
            };
            r["guardians"][0]["status"] = json!(father);
        }
        let rels = [
            "grandparent",
            "sibling",
            "other_relative",
            "guardian",
            "alternative_caregiver",
        ];
        r["guardians"][1]["relationship"] = json!(rels[relation % rels.len()]);
        // Grade by birth year (Luật Giáo dục Điều 28) or no schooling before grade 1.
        let grade = 2026 - chrono::Datelike::year(&birth) as i64 - 5;
        r["schooling"] = match grade {
            1..=5 => json!({"level": "primary", "grade": grade, "school_year": "2026-2027"}),
            6..=9 => {
                json!({"level": "lower_secondary", "grade": grade, "school_year": "2026-2027"})
            }
            10..=12 => {
                json!({"level": "upper_secondary", "grade": grade, "school_year": "2026-2027"})
            }
            // Preschool by Luật Giáo dục Điều 26: nhà trẻ from 3 months, mẫu giáo from 3.
            _ if birth + chrono::Months::new(36) <= as_of => {
                json!({"level": "kindergarten", "school_code": "31000999"})
            }
            _ => json!({"level": "nha_tre", "school_code": "31000999"}),
        };
        if birth + chrono::Months::new(3) > as_of {
            r.as_object_mut().unwrap().remove("schooling");
        }
        r
    }

    /// Members and a value each that is wrong there.
    type Mutation = (&'static str, fn() -> Value);
    const MUTATIONS: &[Mutation] = &[
        ("/full_name", || json!(42)),
        ("/date_of_birth", || json!("31/02/2016")),
        ("/sex", || json!("x")),
        ("/ethnic_group", || json!(["Kinh"])),
        ("/personal_id", || json!(31316000123_i64)),
        ("/personal_id", || json!("031 0")),
        ("/ethnic_group", || json!("Kinh Thượng")),
        ("/full_name", || json!("Nguyễn Văn 2")),
        ("/guardians/0/full_name", || json!("Trần\u{200B}Thị")),
        ("/guardians/1/phone", || json!("0212345678")),
        ("/residence/commune_code", || json!("99999")),
        ("/residence/province_code", || json!("99")),
        ("/birth_registered", || json!("yes")),
        ("/birth_registration_date", || json!("2016-13-01")),
        ("/residence/edition", || json!("2019")),
        ("/residence/commune_code", || json!(11311)),
        ("/guardians/0/relationship", || json!("uncle-ish")),
        ("/guardians/1/status", || json!("unknown")),
        ("/guardians/1/phone", || json!(912345678)),
        ("/schooling/level", || json!("university")),
        ("/schooling/school_year", || json!("2026")),
        ("/special_circumstances/0/group", || json!("z")),
        ("/special_circumstances/0/identified_on", || {
            json!("hôm qua")
        }),
        ("/social_assistance/category", || json!("k1x")),
        ("/social_assistance/since", || json!(true)),
        ("/protection_level", || json!("maximum")),
    ];

    fn set(record: &mut Value, pointer: &str, value: Value) {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = record.pointer_mut(parent).unwrap();
        match target {
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            Value::Object(map) => {
                map.insert(key.to_owned(), value);
            }
            _ => panic!("{pointer}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn valid_parts_validate_clean(age in 0i64..(16 * 365 - 5), sex: bool, group in 0usize..14, sub in 0i64..12, relation in 0usize..5,
                random: u32, prefix in 0usize..8, pick: usize, old: bool) {
            let r = record_with(age, sex, group, sub, relation, (random, prefix, pick, old));
            prop_assert_eq!(issues(&r), vec![], "{}", r);
        }

        #[test]
        fn one_mutation_one_path(age in 400i64..(16 * 365 - 5), group in 0usize..14, which in 0usize..MUTATIONS.len(),
                sex: bool, random: u32, pick: usize, old: bool) {
            let mut r = record_with(age, sex, group, 0, 0, (random, 0, pick, old));
            let (path, bad) = MUTATIONS[which];
            set(&mut r, path, bad());
            let found = issues(&r);
            prop_assert!(!found.is_empty(), "{} gave no issue", path);
            for (at, code) in &found {
                prop_assert_eq!(at.as_str(), path, "{} gave {} at {}", path, code, at);
            }
        }
    }
}
