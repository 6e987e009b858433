//! The fields of a synthetic child beyond name, birth and sex: identity (personal ID made by
//! the core's rule, ethnic group, birth registration), residence in Hải Phòng (2025 communes,
//! or a 2024 district and commune), guardians with mobile numbers, schooling by age, special
//! circumstances with what they imply (disability, deceased parents, assistance). Every value
//! is synthetic; every code comes from the core's tables, so no rule is restated here.

use chrono::{Datelike, Days, NaiveDate};
use serde_json::{json, Map, Value};

use treem::vn::admin::{self, Level};
use treem::Edition;

use super::names;
use super::rng::Rng;
use super::Child;

/// Hải Phòng's province code in both editions (Quyết định 124/2004 and 19/2025).
const HAI_PHONG: &str = "31";
/// The province code of birth registration in a personal ID, for Hải Phòng (Thông tư
/// 07/2016/TT-BCA, Phụ lục I, as the core's table holds it).
const HAI_PHONG_ID: &str = "031";

/// Ethnic groups with synthetic weights (Hải Phòng is almost all Kinh); names as officers
/// write them, the core maps them to codes.
const ETHNIC: &[(&str, u32)] = &[
    ("Kinh", 975),
    ("Hoa", 8),
    ("Tày", 5),
    ("Mường", 4),
    ("Thái", 3),
    ("Nùng", 3),
    ("Dao", 2),
];

/// Ages and the school level (core codes) and first grade.
const LEVELS: &[(u32, u32, &str, u32)] = &[
    (3, 5, "mau_giao", 0),
    (6, 10, "tieu_hoc", 1),
    (11, 14, "thcs", 6),
    (15, 17, "thpt", 10),
];

/// The generated fields of one child.
pub(crate) fn add(rng: &mut Rng, child: &Child, as_of: NaiveDate, record: &mut Map<String, Value>) {
    record.insert(
        "personal_id".into(),
        personal_id(rng, child.female, child.birth).into(),
    );
    record.insert(
        "ethnic_group".into(),
        rng.weighted(ETHNIC).copied().unwrap_or("Kinh").into(),
    );
    let registered = child
        .birth
        .checked_add_days(Days::new(1 + rng.below(60)))
        .unwrap_or(child.birth)
        .min(as_of);
    record.insert("birth_registered".into(), true.into());
    record.insert(
        "birth_registration_date".into(),
        registered.format("%Y-%m-%d").to_string().into(),
    );
    record.insert("residence".into(), residence(rng));
    let family = child.family;
    let mut guardians = vec![
        guardian(rng, family, "father", false),
        guardian(rng, family, "mother", true),
    ];
    if let Some(schooling) = schooling(rng, child.birth, as_of) {
        record.insert("schooling".into(), schooling);
    }
    // About 3 % of children are in a special circumstance (synthetic rate).
    if rng.chance(30_000) {
        circumstance(rng, child, as_of, record, &mut guardians);
    }
    record.insert("guardians".into(), Value::Array(guardians));
}

/// A personal ID built by the core's layout (Nghị định 137/2015/NĐ-CP, Điều 13; Thông tư
/// 07/2016/TT-BCA, Phụ lục III): province of birth registration, century and sex digit,
/// two digits of the birth year, six random digits. The random part makes it nobody's.
pub(crate) fn personal_id(rng: &mut Rng, female: bool, birth: NaiveDate) -> String {
    let year = birth.year();
    // Digit 4: 0/1 for 1900–1999 male/female, 2/3 for 2000–2099, and so on every century.
    let century = (year.div_euclid(100) - 19).max(0) * 2 + i32::from(female);
    format!(
        "{HAI_PHONG_ID}{century}{:02}{:06}",
        year.rem_euclid(100),
        rng.below(1_000_000)
    )
}

/// A residence in Hải Phòng: mostly a 2025 commune, some in the 2024 three-level form (old
/// exports), each from the core's administrative tables.
fn residence(rng: &mut Rng) -> Value {
    let tables = admin::tables();
    if rng.chance(750_000) {
        let communes: Vec<&admin::Unit> = tables
            .edition(Edition::E2025)
            .units(Level::Commune)
            .iter()
            .filter(|u| &*u.province_code == HAI_PHONG)
            .collect();
        if let Some(unit) = rng.pick(&communes) {
            return json!({"edition": "2025", "province_code": HAI_PHONG, "commune_code": &*unit.code});
        }
    }
    let communes: Vec<&admin::Unit> = tables
        .edition(Edition::E2024)
        .units(Level::Commune)
        .iter()
        .filter(|u| &*u.province_code == HAI_PHONG)
        .collect();
    match rng.pick(&communes) {
        Some(unit) => json!({
            "edition": "2024",
            "province_code": HAI_PHONG,
            "district_code": unit.district_code.as_deref().unwrap_or_default(),
            "commune_code": &*unit.code,
        }),
        None => json!({"province_code": HAI_PHONG}),
    }
}

/// A mobile number on a prefix of the core's table, in one of the forms people write.
pub(crate) fn phone(rng: &mut Rng) -> String {
    let prefixes = treem::vn::phone::MOBILE_PREFIXES;
    let prefix = rng.pick(prefixes).map_or("091", |(p, _)| *p);
    let rest = rng.below(10_000_000);
    match rng.below(4) {
        0 => format!("+84{} {:07}", prefix.trim_start_matches('0'), rest),
        1 => format!("{prefix}.{:03}.{:04}", rest / 10_000, rest % 10_000),
        _ => format!("{prefix}{rest:07}"),
    }
}

/// A parent (or other guardian) with a name of the child's family for the father.
fn guardian(rng: &mut Rng, family: &str, relationship: &str, female: bool) -> Value {
    let surname = if female {
        rng.weighted(names::FAMILY).copied().unwrap_or("Lê")
    } else {
        family
    };
    let (middle, given) = if female {
        (names::MIDDLE_FEMALE, names::GIVEN_FEMALE)
    } else {
        (names::MIDDLE_MALE, names::GIVEN_MALE)
    };
    let middle = rng.pick(middle).copied().unwrap_or("Văn");
    let given = rng.pick(given).copied().unwrap_or("An");
    json!({
        "full_name": format!("{surname} {middle} {given}"),
        "relationship": relationship,
        "status": "alive",
        "phone": phone(rng),
    })
}

/// The school year `as_of` falls in (it starts in September).
pub(crate) fn school_year(as_of: NaiveDate) -> String {
    let start = if as_of.month() >= 9 {
        as_of.year()
    } else {
        as_of.year() - 1
    };
    format!("{start}-{}", start + 1)
}

/// Schooling by age in years at the start of the school year (Luật Giáo dục 2019, Điều 28:
/// ages "tính theo năm"); none for the youngest and for some older children.
fn schooling(rng: &mut Rng, birth: NaiveDate, as_of: NaiveDate) -> Option<Value> {
    let year = school_year(as_of);
    let start: i32 = year.get(..4)?.parse().ok()?;
    let age = u32::try_from(start - birth.year()).ok()?;
    let &(from, _, level, first) = LEVELS
        .iter()
        .find(|(from, to, _, _)| (*from..=*to).contains(&age))?;
    if rng.chance(40_000) {
        return None;
    }
    let mut schooling = json!({"level": level, "school_year": year});
    if first > 0 {
        super::set(&mut schooling, "grade", first + age - from);
    }
    Some(schooling)
}

/// One special circumstance (Luật Trẻ em 2016, Điều 10) with the facts it implies, so that a
/// correct record stays correct: a disabled child has a disability of the matching level, an
/// orphan of both parents has both parents deceased and a carer, and monthly assistance.
fn circumstance(
    rng: &mut Rng,
    child: &Child,
    as_of: NaiveDate,
    record: &mut Map<String, Value>,
    guardians: &mut Vec<Value>,
) {
    let span = (as_of - child.birth).num_days().max(1) as u64;
    let identified = child
        .birth
        .checked_add_days(Days::new(rng.below(span)))
        .unwrap_or(child.birth)
        .format("%Y-%m-%d")
        .to_string();
    match rng.below(4) {
        0 | 1 => {
            let levels = ["extremely_severe", "severe", "mild"];
            let sub = rng.below(3);
            let types = [
                "mobility",
                "hearing_speech",
                "visual",
                "neurological_mental",
                "intellectual",
            ];
            record.insert(
                "disability".into(),
                json!({"types": [rng.pick(&types).copied().unwrap_or("mobility")], "level": levels.get(sub as usize).copied().unwrap_or("mild")}),
            );
            record.insert(
                "special_circumstances".into(),
                json!([{"group": "d", "sub_category": sub + 1, "identified_on": identified}]),
            );
        }
        2 => {
            for g in guardians.iter_mut() {
                super::set(g, "status", "deceased");
                if let Some(map) = g.as_object_mut() {
                    map.remove("phone");
                }
            }
            let grandmother = rng.chance(500_000);
            guardians.push(guardian(rng, child.family, "grandparent", grandmother));
            record.insert(
                "special_circumstances".into(),
                json!([{"group": "a", "sub_category": 3, "identified_on": identified}]),
            );
            record.insert(
                "social_assistance".into(),
                json!({"category": "orphan_both_parents", "since": identified}),
            );
            record.insert("protection_level".into(), "support".into());
        }
        _ => {
            let groups: &[(&str, u64)] = &[("b", 2), ("e", 4), ("h", 2), ("n", 2), ("o", 3)];
            let (letter, subs) = rng.pick(groups).copied().unwrap_or(("n", 2));
            record.insert(
                "special_circumstances".into(),
                json!([{"group": letter, "sub_category": 1 + rng.below(subs), "identified_on": identified}]),
            );
            record.insert("protection_level".into(), "support".into());
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use treem::report::{IssueSink, Location};
    use treem::vn::sex::Sex;

    #[test]
    fn personal_ids_agree_with_birth_and_sex_by_the_core() {
        let mut rng = Rng::new(3);
        for (y, m, d) in [(1999, 5, 1), (2000, 1, 1), (2012, 7, 31), (2025, 12, 31)] {
            let birth = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for female in [false, true] {
                let text = personal_id(&mut rng, female, birth);
                let mut sink = IssueSink::new(treem::Lang::En);
                let id =
                    treem::vn::personal_id::parse(&text, &Location::root(), &mut sink).unwrap();
                let sex = if female { Sex::Female } else { Sex::Male };
                assert!(id.check_against(birth, sex).is_empty(), "{text}");
                assert_eq!(id.province_name, Some("Hải Phòng"));
            }
        }
    }

    #[test]
    fn phones_are_accepted_by_the_core() {
        let mut rng = Rng::new(9);
        for _ in 0..200 {
            let text = phone(&mut rng);
            let mut sink = IssueSink::new(treem::Lang::En);
            let parsed = treem::vn::phone::parse(&text, &Location::root(), &mut sink);
            assert!(parsed.is_some(), "{text}: {:?}", sink.into_issues());
        }
    }
}
