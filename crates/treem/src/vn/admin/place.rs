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
}

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
            ("text", crate::privacy::truncate(code, 12).into()),
            ("edition", edition.as_str().into()),
        ],
    );
}

fn lookup(
    code: Option<&str>,
    level: Level,
    edition: Edition,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'static Unit> {
    let code = code?;
    let found = super::find(edition, code).filter(|u| u.level == level);
    if found.is_none() {
        unknown(code, edition, at, sink);
    }
    found
}

/// Checks `codes` against the `edition` list, reporting at `at.key("province_code")`,
/// `"district_code"` and `"commune_code"`: an unknown code, a district outside its province,
/// a commune outside its district or province. Each link is judged once: the commune against
/// the district when one is given (and the district against the province), else against
/// the province.
pub fn check(
    codes: PlaceCodes<'_>,
    edition: Edition,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Place {
    let province_at = at.key("province_code");
    let district_at = at.key("district_code");
    let commune_at = at.key("commune_code");
    let province = lookup(codes.province, Level::Province, edition, &province_at, sink);
    let district = match edition {
        Edition::E2024 => lookup(codes.district, Level::District, edition, &district_at, sink),
        Edition::E2025 => None,
    };
    let commune = lookup(codes.commune, Level::Commune, edition, &commune_at, sink);
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
pub fn code_for_name(
    text: &str,
    level: Level,
    edition: Edition,
    parent: Option<&str>,
) -> Option<&'static str> {
    let query = match parent {
        Some(p) => format!("{text}, {p}"),
        None => text.to_owned(),
    };
    let unit = super::resolve(&query, edition).ok()?;
    (unit.level == level).then_some(&*unit.code)
}
