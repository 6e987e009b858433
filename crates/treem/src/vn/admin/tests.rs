#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

const HAI_PHONG_TEXT: &str = include_str!("../../../data/admin/hai-phong.tsv");

fn hai_phong() -> GeographyData {
    GeographyData::from_text(HAI_PHONG_TEXT).unwrap()
}

fn count_types(units: &[Unit]) -> BTreeMap<UnitType, usize> {
    let mut counts = BTreeMap::new();
    for u in units {
        *counts.entry(u.unit_type).or_default() += 1;
    }
    counts
}

#[test]
fn built_in_tables_parse() {
    let data = GeographyData::from_text(BUILT_IN_TEXT).unwrap();
    assert_eq!(&data, tables());
    assert!(!data.e2025.communes.is_empty());
}

#[test]
fn hai_phong_before_the_reform_had_15_district_level_units() {
    // legal-facts §7.3: 8 quận, 6 huyện, thành phố Thủy Nguyên; codes 303–309, 311–318.
    let data = hai_phong();
    let districts: Vec<&Unit> = data
        .e2024
        .districts
        .iter()
        .filter(|d| &*d.province_code == "31")
        .collect();
    let codes: Vec<&str> = districts.iter().map(|d| &*d.code).collect();
    assert_eq!(
        codes,
        [
            "303", "304", "305", "306", "307", "308", "309", "311", "312", "313", "314", "315",
            "316", "317", "318"
        ]
    );
    let types = count_types(&districts.iter().map(|d| (*d).clone()).collect::<Vec<_>>());
    assert_eq!(types[&UnitType::Quan], 8);
    assert_eq!(types[&UnitType::Huyen], 6);
    assert_eq!(types[&UnitType::ThanhPho], 1);
    assert_eq!(
        data.e2024.find("311").unwrap().unit_type,
        UnitType::ThanhPho
    );
    // 167 communes: 79 phường, 7 thị trấn, 81 xã (tienphong, April 2025).
    let communes: Vec<Unit> = data
        .e2024
        .communes
        .iter()
        .filter(|c| &*c.province_code == "31")
        .cloned()
        .collect();
    assert_eq!(communes.len(), 167);
    let types = count_types(&communes);
    assert_eq!(
        (
            types[&UnitType::Phuong],
            types[&UnitType::ThiTran],
            types[&UnitType::Xa]
        ),
        (79, 7, 81)
    );
}

#[test]
fn hai_phong_after_the_reform_has_114_units() {
    // legal-facts §7.4, NQ 1669/NQ-UBTVQH15: 45 phường, 67 xã, 2 đặc khu.
    let data = hai_phong();
    let units: Vec<Unit> = data
        .e2025
        .communes
        .iter()
        .filter(|c| &*c.province_code == "31")
        .cloned()
        .collect();
    assert_eq!(units.len(), 114);
    let types = count_types(&units);
    assert_eq!(
        (
            types[&UnitType::Phuong],
            types[&UnitType::Xa],
            types[&UnitType::DacKhu]
        ),
        (45, 67, 2)
    );
    assert_eq!(
        &*data.e2025.find("11560").unwrap().name,
        "Phường Thủy Nguyên"
    );
    assert_eq!(&*data.e2025.find("11914").unwrap().name, "Đặc khu Cát Hải");
    assert_eq!(
        &*data.e2025.find("11948").unwrap().name,
        "Đặc khu Bạch Long Vĩ"
    );
    // Every new Hải Phòng unit comes from old Hải Phòng or Hải Dương, all of whose links are in.
    for unit in &units {
        assert!(
            data.predecessors(&unit.code).next().is_some(),
            "{}",
            unit.code
        );
    }
    assert_eq!(&*data.province_successor("30").unwrap().code, "31");
    // Bạch Long Vĩ had no communes: the district itself became the đặc khu.
    assert_eq!(&*data.successors("318")[0].new_code, "11948");
}

#[test]
fn hai_phong_tables_know_every_province_but_no_other_commune() {
    let data = hai_phong();
    assert_eq!(data.coverage(), Coverage::HaiPhong);
    assert_eq!(data.e2024.provinces.len(), 63);
    assert_eq!(data.e2025.provinces.len(), 34);
    assert!(data.e2025.find("00004").is_none());
    assert_eq!(
        data.resolve("Phường Ba Đình, Hà Nội", Edition::E2025),
        Err(Unresolved::NotFound)
    );
}

#[test]
fn lookups_by_name_in_hai_phong() {
    let data = hai_phong();
    let code = |text: &str, edition| data.resolve(text, edition).map(|u| u.code.to_string());
    assert_eq!(code("tp hai phong", Edition::E2025).as_deref(), Ok("31"));
    assert_eq!(
        code("Thành phố Hải Phòng", Edition::E2024).as_deref(),
        Ok("31")
    );
    assert_eq!(code("TP. HẢI PHÒNG", Edition::E2025).as_deref(), Ok("31"));
    assert_eq!(code("Q. Ngô Quyền", Edition::E2024).as_deref(), Ok("304"));
    assert_eq!(code("quận ngo quyen", Edition::E2024).as_deref(), Ok("304"));
    // Without the type word, Ngô Quyền in 2025 is the phường.
    assert_eq!(code("Ngô Quyền", Edition::E2025).as_deref(), Ok("11329"));
    assert_eq!(code("P. Ngô Quyền", Edition::E2025).as_deref(), Ok("11329"));
    // Tone placement: the list writes Hòa, people write Hoà.
    assert_eq!(
        code("Phường Hoà Bình", Edition::E2025).as_deref(),
        Ok("11533")
    );
    assert_eq!(code("xã Vĩnh Hoà", Edition::E2025).as_deref(), Ok("11848"));
    assert_eq!(code("Thuỷ Nguyên", Edition::E2025).as_deref(), Ok("11560"));
    assert_eq!(
        code("H. Bạch Long Vĩ", Edition::E2024).as_deref(),
        Ok("318")
    );
    assert_eq!(code("TP Thủy Nguyên", Edition::E2024).as_deref(), Ok("311"));
    // With parents.
    let unit = data
        .resolve(
            "Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng",
            Edition::E2024,
        )
        .unwrap();
    assert_eq!(
        (unit.level, &*unit.district_code.clone().unwrap()),
        (Level::Commune, "304")
    );
    assert_eq!(
        data.resolve("Phường Lạch Tray, Quận Lê Chân", Edition::E2024),
        Err(Unresolved::ParentMismatch { named: 1 })
    );
    // A type word that does not fit rules the reading out.
    assert_eq!(
        data.resolve("Xã Ngô Quyền", Edition::E2025),
        Err(Unresolved::NotFound)
    );
    assert_eq!(
        data.resolve("  ,  ", Edition::E2025),
        Err(Unresolved::Empty)
    );
}

#[test]
fn codes_are_edition_specific() {
    // 11311 is Phường Hồng Bàng from 1 July 2025; before, it was a commune of Hồng Bàng too,
    // but 00004 shows the reuse best (national test below).
    let data = hai_phong();
    assert!(data.e2024.find("11311").is_some());
    assert_eq!(&*data.e2025.find("11311").unwrap().name, "Phường Hồng Bàng");
    assert!(data.e2025.find("304").is_none(), "2025 has no districts");
}

#[test]
fn bad_data_text_is_an_error_not_a_panic() {
    for (text, line) in [
        ("", 1),
        ("nope", 1),
        ("treem-geography\t1\n[2024]\n31\tHải Phòng", 3),
        ("treem-geography\t1\n[2025]\n304\tQuận Ngô Quyền", 3),
        ("treem-geography\t1\n[2024]\n00001\tXã A", 3),
        ("treem-geography\t1\n[map]\n00001\t00002\t0", 3),
        ("treem-geography\t1\n[x]", 2),
    ] {
        assert_eq!(
            GeographyData::from_text(text).unwrap_err().line,
            line,
            "{text:?}"
        );
    }
    let dangling = "treem-geography\t1\n[2025]\n31\tThành phố Hải Phòng\n[province-map]\n31\t31";
    assert_eq!(GeographyData::from_text(dangling).unwrap_err().line, 0);
}

#[cfg(feature = "national-geography")]
mod national {
    use super::*;

    #[test]
    fn counts_match_the_sources() {
        // SOURCES.md: 63 / 696 (508 huyện, 87 thành phố, 52 thị xã, 49 quận) / 10,035
        // (7,692 xã, 1,726 phường, 617 thị trấn); 34 / 3,321 (2,621 xã, 687 phường, 13 đặc khu).
        let data = tables();
        assert_eq!(data.coverage(), Coverage::National);
        let e24 = data.edition(Edition::E2024);
        assert_eq!(e24.provinces.len(), 63);
        assert_eq!(e24.districts.len(), 696);
        assert_eq!(e24.communes.len(), 10_035);
        let d = count_types(&e24.districts);
        assert_eq!(
            (
                d[&UnitType::Huyen],
                d[&UnitType::ThanhPho],
                d[&UnitType::ThiXa],
                d[&UnitType::Quan]
            ),
            (508, 87, 52, 49)
        );
        let c = count_types(&e24.communes);
        assert_eq!(
            (
                c[&UnitType::Xa],
                c[&UnitType::Phuong],
                c[&UnitType::ThiTran]
            ),
            (7692, 1726, 617)
        );
        let e25 = data.edition(Edition::E2025);
        assert_eq!(e25.provinces.len(), 34);
        assert!(e25.districts.is_empty());
        assert_eq!(e25.communes.len(), 3321);
        let c = count_types(&e25.communes);
        assert_eq!(
            (c[&UnitType::Xa], c[&UnitType::Phuong], c[&UnitType::DacKhu]),
            (2621, 687, 13)
        );
    }

    #[test]
    fn the_map_is_complete_and_one_to_many() {
        let data = tables();
        // 10,565 commune links + 5 districts without communes.
        assert_eq!(data.successors.len(), 10_565 + 5);
        let e24 = data.edition(Edition::E2024);
        let mut split = 0;
        for commune in &e24.communes {
            let links = successors(&commune.code);
            assert!(!links.is_empty(), "{} unmapped", commune.code);
            split += usize::from(links.len() > 1);
        }
        assert_eq!(split, 440);
        let reached: std::collections::BTreeSet<&str> =
            data.successors.iter().map(|s| &*s.new_code).collect();
        assert_eq!(reached.len(), 3321);
        // Xã Kỳ Lợi: all its area into Phường Vũng Áng, part of its population elsewhere.
        let ky_loi = successors("18796");
        assert!(ky_loi.len() > 1);
        assert!(ky_loi
            .iter()
            .any(|s| s.relation == Relation::WholeAreaPartialPopulation));
        assert_eq!(data.province_successors.len(), 63);
        assert_eq!(&*new_province_of("30").unwrap().name, "Thành phố Hải Phòng");
        assert_eq!(&*new_province_of("02").unwrap().code, "08");
    }

    #[test]
    fn code_00004_changed_meaning() {
        assert_eq!(
            &*find_commune(Edition::E2024, "00004").unwrap().name,
            "Phường Trúc Bạch"
        );
        assert_eq!(
            &*find_commune(Edition::E2025, "00004").unwrap().name,
            "Phường Ba Đình"
        );
        let links = successors("00004");
        assert_eq!(links.len(), 1);
        assert_eq!(
            (&*links[0].new_code, &*links[0].note_vi),
            ("00004", "Nhập toàn bộ")
        );
        // Province 15 was Yên Bái, now Lào Cai.
        assert_eq!(
            &*find_province(Edition::E2024, "15").unwrap().name,
            "Tỉnh Yên Bái"
        );
        assert_eq!(
            &*find_province(Edition::E2025, "15").unwrap().name,
            "Tỉnh Lào Cai"
        );
        assert_eq!(&*find_district("001").unwrap().name, "Quận Ba Đình");
        let truc_bach = find_commune(Edition::E2024, "00004").unwrap();
        assert_eq!(&*province_of(truc_bach).unwrap().name, "Thành phố Hà Nội");
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        match resolve("Xã Tân Lập", Edition::E2024) {
            Err(Unresolved::Ambiguous(units)) => {
                assert!(units.len() > 5);
                assert!(units.iter().all(|u| u.unit_type == UnitType::Xa));
            }
            other => panic!("{other:?}"),
        }
        // A province or district narrows it down.
        let unit = resolve("Phường Ba Đình, Hà Nội", Edition::E2025).unwrap();
        assert_eq!(&*unit.code, "00004");
        assert_eq!(
            &*resolve("Quận Ba Đình", Edition::E2024).unwrap().code,
            "001"
        );
    }
}

proptest! {
    #[test]
    fn lookup_never_panics(text in ".{0,60}") {
        let data = hai_phong();
        let _ = data.resolve(&text, Edition::E2024);
        let _ = resolve(&text, Edition::E2025);
    }

    #[test]
    fn lookup_never_panics_on_name_like_text(text in "[ a-zA-ZàảạăâđêôơướờỳĐ.,]{0,40}") {
        let _ = resolve(&text, Edition::E2024);
        let _ = resolve(&text, Edition::E2025);
    }

    #[test]
    fn from_text_never_panics(text in "(treem-geography\t1\n)?[\\[\\]0-9a-zA-Zàả\t\n ]{0,80}") {
        let _ = GeographyData::from_text(&text);
    }
}

#[cfg(not(feature = "national-geography"))]
#[test]
fn without_the_national_tables_the_issue_says_so() {
    let v = crate::api::parse(
        "admin_unit",
        "Phường Ba Đình, Hà Nội",
        br#"{"edition":"2025"}"#,
    )
    .unwrap();
    assert_eq!(v["issues"][0]["code"], "admin_unit.tables_not_loaded");
    let v = crate::api::parse("admin_unit", "Phường Lạch Tray", br#"{"edition":"2024"}"#).unwrap();
    assert_eq!(v["value"]["code"], "11365");
}

/// (path, code, severity) of a child record's issues about its residence, as of a 2025
/// date, and the residence `normalize` writes.
#[cfg(feature = "child")]
fn residence_answer(
    residence: serde_json::Value,
) -> (Vec<(String, String, String)>, serde_json::Value) {
    let record = serde_json::json!({ "residence": residence }).to_string();
    let options = br#"{"as_of":"2026-01-01","lang":"en"}"#;
    let report = crate::api::validate("child", record.as_bytes(), options).unwrap();
    let issues = report
        .issues
        .iter()
        .filter(|i| i.path.starts_with("/residence"))
        .map(|i| (i.path.clone(), i.code.clone(), format!("{:?}", i.severity)))
        .collect();
    let normalized = crate::api::normalize("child", record.as_bytes(), options).unwrap();
    let value = serde_json::to_value(&normalized).unwrap();
    (issues, value["record"]["residence"].clone())
}

#[cfg(feature = "child")]
fn one(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.to_owned(), code.to_owned(), severity.to_owned())
}

#[cfg(feature = "child")]
#[test]
fn units_written_by_name_are_read_as_their_codes() {
    // Any case, no diacritics, without the type word: one unit, no issue, the code written.
    let (issues, residence) = residence_answer(serde_json::json!({
        "province_code": "hai phong", "commune_code": "Phường Lê Chân"
    }));
    assert_eq!(issues, vec![]);
    assert_eq!(residence["province_code"], "31");
    assert_eq!(residence["commune_code"], "11383");
    // A name from before 1 July 2025 that went into one new unit: that unit, with a warning.
    let (issues, residence) = residence_answer(serde_json::json!({
        "province_code": "31", "commune_code": "Phường Quán Toan"
    }));
    assert_eq!(
        issues,
        vec![one(
            "/residence/commune_code",
            "admin_unit.old_name",
            "Warning"
        )]
    );
    assert_eq!(residence["commune_code"], "11602");
    // The old province too (Hải Dương went into Hải Phòng).
    let (issues, residence) =
        residence_answer(serde_json::json!({ "province_code": "Tỉnh Hải Dương" }));
    assert_eq!(
        issues,
        vec![one(
            "/residence/province_code",
            "admin_unit.old_name",
            "Warning"
        )]
    );
    assert_eq!(residence["province_code"], "31");
    // An old unit split across several: an error listing them, the name kept as written.
    let (issues, residence) = residence_answer(serde_json::json!({
        "province_code": "31", "commune_code": "Phường Lạch Tray"
    }));
    assert_eq!(
        issues,
        vec![one(
            "/residence/commune_code",
            "admin_unit.old_name_split",
            "Error"
        )]
    );
    assert_eq!(residence["commune_code"], "Phường Lạch Tray");
    // No unit of the name anywhere: unknown (with only Hải Phòng's tables loaded, it may be
    // elsewhere), kept as written.
    let (issues, residence) = residence_answer(serde_json::json!({
        "province_code": "31", "commune_code": "Xã Không Có Thật"
    }));
    let unknown = match tables().coverage() {
        Coverage::National => "admin_unit.unknown",
        Coverage::HaiPhong => "admin_unit.tables_not_loaded",
    };
    assert_eq!(
        issues,
        vec![one("/residence/commune_code", unknown, "Error")]
    );
    assert_eq!(residence["commune_code"], "Xã Không Có Thật");
}

#[cfg(all(feature = "child", feature = "national-geography"))]
#[test]
fn a_name_of_several_units_is_never_guessed() {
    // Without a province, "Xã Tân Tiến" fits several communes of the 2025 list.
    let (issues, residence) =
        residence_answer(serde_json::json!({ "commune_code": "Xã Tân Tiến" }));
    assert_eq!(
        issues,
        vec![one(
            "/residence/commune_code",
            "admin_unit.ambiguous",
            "Error"
        )]
    );
    assert_eq!(residence["commune_code"], "Xã Tân Tiến");
    let record = r#"{"residence": {"commune_code": "Xã Tân Tiến"}}"#;
    let report =
        crate::api::validate("child", record.as_bytes(), br#"{"as_of":"2026-01-01"}"#).unwrap();
    let candidates = report.issues[0].params["candidates"].as_array().unwrap();
    assert!(candidates.len() > 1);
    for code in candidates {
        let unit = super::find_commune(Edition::E2025, code.as_str().unwrap()).unwrap();
        assert!(fold(&unit.name).contains("tan tien"));
    }
    // Named in another province than the record's: said so, not read as unknown.
    let (issues, _) = residence_answer(serde_json::json!({
        "province_code": "31", "commune_code": "Xã Tân Tiến, Tỉnh Hưng Yên"
    }));
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].1, "admin_unit.parent_mismatch");
}
