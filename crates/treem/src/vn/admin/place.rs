//! A place written as administrative-unit codes (province, district, commune) checked against
//! the list of its edition: each code exists at its level, and the lower units lie inside the
//! higher ones. Shared by every record that carries such codes (the child's residence, the
//! school's address), so that the rule and its codes are one.
//!
//! Sources: the 2024 list of Quyết định 124/2004/QĐ-TTg (as in force to 30 June 2025) and the
//! 2025 list of Quyết định 19/2025/QĐ-TTg (two levels, Nghị quyết 202/2025/QH15). A 2025
//! district code is not judged here: the callers report it with their own rule.

use super::data::Coverage;
use super::unit::{Level, Unit};
use super::{ADMIN_UNIT_TABLES_NOT_LOADED, ADMIN_UNIT_UNKNOWN};
use crate::context::Edition;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The commune (cấp xã) of the code is in another province than the province code.
    ADMIN_COMMUNE_OUTSIDE_PROVINCE = "admin_unit.commune_outside_province", Error, "vn.admin",
        "QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025); QĐ 19/2025/QĐ-TTg (từ 1/7/2025)",
        "Mã xã {commune} thuộc tỉnh {actual} trong danh mục {edition}, không thuộc tỉnh {province} đã ghi",
        "Commune {commune} lies in province {actual} in the {edition} list, not in the province {province} given";
    /// The commune of the code is in another district than the district code (2024 list).
    ADMIN_COMMUNE_OUTSIDE_DISTRICT = "admin_unit.commune_outside_district", Error, "vn.admin",
        "QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025)",
        "Mã xã {commune} thuộc huyện {actual} trong danh mục 2024, không thuộc huyện {district} đã ghi",
        "Commune {commune} lies in district {actual} in the 2024 list, not in the district {district} given";
    /// The district of the code is in another province than the province code (2024 list).
    ADMIN_DISTRICT_OUTSIDE_PROVINCE = "admin_unit.district_outside_province", Error, "vn.admin",
        "QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025)",
        "Mã huyện {district} thuộc tỉnh {actual} trong danh mục 2024, không thuộc tỉnh {province} đã ghi",
        "District {district} lies in province {actual} in the 2024 list, not in the province {province} given";
    /// A unit named as it was before 1 July 2025, in a record of the 2025 list: read as the
    /// one new unit it went into (the statistics office's old → new map).
    ADMIN_UNIT_OLD_NAME = "admin_unit.old_name", Warning, "vn.admin",
        "Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg; bảng chuyển đổi đơn vị hành chính cũ – mới của Cục Thống kê",
        "“{text}” là đơn vị trước ngày 01/7/2025 (mã cũ {old_code}); nay thuộc {name} (mã {code})",
        "“{text}” is a unit from before 1 July 2025 (old code {old_code}); it is now part of {name} (code {code})";
    /// An old unit that was split across several new ones: which one the child lives in
    /// cannot be read from the name.
    ADMIN_UNIT_OLD_NAME_SPLIT = "admin_unit.old_name_split", Error, "vn.admin",
        "Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg; bảng chuyển đổi đơn vị hành chính cũ – mới của Cục Thống kê",
        "“{text}” là đơn vị trước ngày 01/7/2025 (mã cũ {old_code}), nay được chia vào {count} đơn vị: hãy ghi mã đơn vị mới (một trong {candidates})",
        "“{text}” is a unit from before 1 July 2025 (old code {old_code}), now split across {count} units: give the new unit's code (one of {candidates})";
}

/// How many candidate codes an ambiguity lists.
const MAX_CANDIDATES: usize = 20;

/// The codes of a place as written (trimmed; `None` for an absent or empty member).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlaceCodes<'a> {
    /// Province code (2 digits).
    pub province: Option<&'a str>,
    /// District code (3 digits, 2024 only).
    pub district: Option<&'a str>,
    /// Commune code (5 digits).
    pub commune: Option<&'a str>,
}

/// The units the codes name, where they exist.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    /// The province, when its code exists in the edition.
    pub province: Option<&'static Unit>,
    /// The district, when its code exists (2024 only).
    pub district: Option<&'static Unit>,
    /// The commune, when its code exists in the edition.
    pub commune: Option<&'static Unit>,
}

fn unknown(code: &str, edition: Edition, at: &Location<'_>, sink: &mut IssueSink) {
    let def = match super::tables().coverage() {
        Coverage::National => &ADMIN_UNIT_UNKNOWN,
        Coverage::HaiPhong => &ADMIN_UNIT_TABLES_NOT_LOADED,
    };
    sink.push(
        def,
        at,
        [
            ("text", crate::privacy::truncate(code, 80).into()),
            ("edition", edition.as_str().into()),
        ],
    );
}

fn lookup(
    code: Option<&str>,
    level: Level,
    edition: Edition,
    parent: Option<&Unit>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'static Unit> {
    let code = code?;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        // A name ("Phường Lê Chân", "Phường 12"): codes are digits only.
        return by_name(code, level, edition, parent, at, sink);
    }
    let found = super::find(edition, code).filter(|u| u.level == level);
    if found.is_none() {
        unknown(code, edition, at, sink);
    }
    found
}

/// A unit written by name (with or without its type words, any case, with or without
/// diacritics) where its code belongs, looked for at `level` inside `parent` when the
/// higher unit is known. One unit: accepted, without an issue (`normalize` writes its code
/// and logs the rewrite). Several: the
/// candidates are listed ([`super::ADMIN_UNIT_AMBIGUOUS`]), never guessed. None in a 2025
/// record: the name is tried in the 2024 list and followed through the old → new map
/// ([`ADMIN_UNIT_OLD_NAME`], or [`ADMIN_UNIT_OLD_NAME_SPLIT`] when it was split). Else units
/// of that name outside the parent ([`super::ADMIN_UNIT_PARENT_MISMATCH`]), or unknown.
fn by_name(
    text: &str,
    level: Level,
    edition: Edition,
    parent: Option<&Unit>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'static Unit> {
    let shown = crate::privacy::truncate(text.trim(), 80);
    let fits = |u: &&Unit| u.level == level && parent.is_none_or(|p| is_inside(u, p));
    let candidates = named(text, edition, parent, &fits);
    match candidates.as_slice() {
        // The name is as good as the code: no issue (an export would get one on every row),
        // and `normalize` writes the code, saying so in its change log.
        [unit] => return Some(unit),
        [] => {}
        several => {
            let codes: Vec<serde_json::Value> = several
                .iter()
                .take(MAX_CANDIDATES)
                .map(|u| (&*u.code).into())
                .collect();
            sink.push(
                &super::ADMIN_UNIT_AMBIGUOUS,
                at,
                [
                    ("text", shown.into()),
                    ("edition", edition.as_str().into()),
                    ("count", several.len().into()),
                    ("candidates", codes.into()),
                ],
            );
            return None;
        }
    }
    if edition == Edition::E2025 && level != Level::District {
        if let Some(unit) = by_old_name(text, level, parent, at, sink) {
            return unit;
        }
    }
    let elsewhere = named(text, edition, None, &|u: &&Unit| u.level == level);
    if !elsewhere.is_empty() {
        // Units have the name, but not inside the province (or district) of the record.
        sink.push(
            &super::ADMIN_UNIT_PARENT_MISMATCH,
            at,
            [
                ("text", shown.into()),
                ("edition", edition.as_str().into()),
                ("count", elsewhere.len().into()),
            ],
        );
        return None;
    }
    unknown(text, edition, at, sink);
    None
}

/// The 2025 unit an old (2024) name went into, for [`by_name`]: `Some(Some(unit))` when it
/// went into one, `Some(None)` when the answer is an issue already pushed (a split), `None`
/// when no old unit has the name.
fn by_old_name(
    text: &str,
    level: Level,
    parent: Option<&Unit>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<Option<&'static Unit>> {
    let olds = named(text, Edition::E2024, None, &|u: &&Unit| u.level == level);
    let mut new_units: Vec<&'static Unit> = Vec::new();
    let mut old_codes: Vec<&str> = Vec::new();
    for old in &olds {
        let successors: Vec<&'static Unit> = match level {
            Level::Province => super::new_province_of(&old.code).into_iter().collect(),
            _ => super::successors(&old.code)
                .iter()
                .filter_map(|s| super::find_commune(Edition::E2025, &s.new_code))
                .collect(),
        };
        let inside: Vec<&'static Unit> = successors
            .into_iter()
            .filter(|u| parent.is_none_or(|p| is_inside(u, p)))
            .collect();
        if !inside.is_empty() {
            old_codes.push(&old.code);
        }
        for unit in inside {
            if !new_units.iter().any(|u| std::ptr::eq(*u, unit)) {
                new_units.push(unit);
            }
        }
    }
    let shown = crate::privacy::truncate(text.trim(), 80);
    let old_code = old_codes.join(", ");
    match new_units.as_slice() {
        [] => None,
        [unit] => {
            sink.push(
                &ADMIN_UNIT_OLD_NAME,
                at,
                [
                    ("text", shown.into()),
                    ("old_code", old_code.into()),
                    ("name", (&*unit.name).into()),
                    ("code", (&*unit.code).into()),
                ],
            );
            Some(Some(unit))
        }
        several => {
            let codes: Vec<&str> = several
                .iter()
                .take(MAX_CANDIDATES)
                .map(|u| &*u.code)
                .collect();
            sink.push(
                &ADMIN_UNIT_OLD_NAME_SPLIT,
                at,
                [
                    ("text", shown.into()),
                    ("old_code", old_code.into()),
                    ("count", several.len().into()),
                    ("candidates", codes.join(", ").into()),
                ],
            );
            Some(None)
        }
    }
}

/// The units of `edition` that `text` names inside `parent` and that `fits` accepts (the
/// name lookup of [`super::resolve`], whose parents written in the text also count).
fn named(
    text: &str,
    edition: Edition,
    parent: Option<&Unit>,
    fits: &dyn Fn(&&Unit) -> bool,
) -> Vec<&'static Unit> {
    let query = match parent {
        Some(p) => format!("{text}, {}", p.code),
        None => text.to_owned(),
    };
    match super::resolve(&query, edition) {
        Ok(unit) => [unit].into_iter().filter(|u| fits(u)).collect(),
        Err(super::Unresolved::Ambiguous(units)) => units.into_iter().filter(|u| fits(u)).collect(),
        Err(_) => Vec::new(),
    }
}

/// Whether `unit` lies in `parent` (a province or, in the 2024 list, a district).
fn is_inside(unit: &Unit, parent: &Unit) -> bool {
    match parent.level {
        Level::Province => unit.province_code == parent.code,
        Level::District => unit.district_code.as_deref() == Some(&*parent.code),
        Level::Commune => false,
    }
}

/// Checks `codes` against the `edition` list, reporting at `at.key("province_code")`,
/// `"district_code"` and `"commune_code"`: an unknown code, a district outside its province,
/// a commune outside its district or province. Each link is judged once: the commune against
/// the district when one is given (and the district against the province), else against
/// the province.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// use treem::vn::admin::place::{check, PlaceCodes};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let codes = PlaceCodes { province: Some("31"), district: Some("304"), commune: Some("11338") };
/// let place = check(codes, treem::Edition::E2024, &Location::root(), &mut sink);
/// assert_eq!(place.commune.map(|u| &*u.name), Some("Phường Cầu Tre"));
/// assert!(sink.is_empty());
/// ```
pub fn check(
    codes: PlaceCodes<'_>,
    edition: Edition,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Place {
    let province_at = at.key("province_code");
    let district_at = at.key("district_code");
    let commune_at = at.key("commune_code");
    let province = lookup(
        codes.province,
        Level::Province,
        edition,
        None,
        &province_at,
        sink,
    );
    let district = match edition {
        Edition::E2024 => lookup(
            codes.district,
            Level::District,
            edition,
            province,
            &district_at,
            sink,
        ),
        Edition::E2025 => None,
    };
    let commune = lookup(
        codes.commune,
        Level::Commune,
        edition,
        district.or(province),
        &commune_at,
        sink,
    );
    let edition_text = edition.as_str();
    if let (Some(p), Some(d)) = (province, district) {
        if d.province_code != p.code {
            sink.push(
                &ADMIN_DISTRICT_OUTSIDE_PROVINCE,
                &district_at,
                [
                    ("district", (&*d.code).into()),
                    ("actual", (&*d.province_code).into()),
                    ("province", (&*p.code).into()),
                ],
            );
        }
    }
    if let Some(c) = commune {
        let in_district = district.map(|d| c.district_code.as_deref() == Some(&*d.code));
        let in_province = province.map(|p| c.province_code == p.code);
        if let (Some(false), Some(d)) = (in_district, district) {
            sink.push(
                &ADMIN_COMMUNE_OUTSIDE_DISTRICT,
                &commune_at,
                [
                    ("commune", (&*c.code).into()),
                    ("actual", c.district_code.as_deref().unwrap_or("?").into()),
                    ("district", (&*d.code).into()),
                ],
            );
        } else if let (None, Some(false), Some(p)) = (in_district, in_province, province) {
            // With a district given, the commune is judged against it, and the district
            // against the province: one issue per wrong link.
            sink.push(
                &ADMIN_COMMUNE_OUTSIDE_PROVINCE,
                &commune_at,
                [
                    ("commune", (&*c.code).into()),
                    ("actual", (&*c.province_code).into()),
                    ("province", (&*p.code).into()),
                    ("edition", edition_text.into()),
                ],
            );
        }
    }
    Place {
        province,
        district,
        commune,
    }
}

/// The code of the unit a name (or a code) denotes at `level` in `edition`, inside `parent`
/// (a province or district code) when given; `None` when the text names no unit of that
/// level or several. For normalisers: a name written where a code belongs.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::{place::code_for_name, Level};
/// use treem::Edition;
/// assert_eq!(code_for_name("Ngô Quyền", Level::District, Edition::E2024, Some("31")), Some("304"));
/// assert_eq!(code_for_name("Cầu Tre", Level::Commune, Edition::E2024, Some("304")), Some("11338"));
/// ```
pub fn code_for_name(
    text: &str,
    level: Level,
    edition: Edition,
    parent: Option<&str>,
) -> Option<&'static str> {
    // The rule's own reading, its issues set aside: normalize writes a code only where the
    // rules read exactly one unit (an old name that went into one new unit included).
    let parent = parent.and_then(|p| super::find(edition, p));
    let mut set_aside = IssueSink::new(crate::Lang::En);
    let unit = by_name(
        text,
        level,
        edition,
        parent,
        &Location::root(),
        &mut set_aside,
    )?;
    Some(&*unit.code)
}
