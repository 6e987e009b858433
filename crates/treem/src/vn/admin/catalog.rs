//! The `provinces`, `districts` and `communes` catalogs, for the edition of the context and
//! optionally inside one province (`province` option) or district (`district` option), each
//! given by code or name.
//!
//! A filter is tried first as a unit of its own level: `Hải Dương` is a province, a city
//! (district level) and a ward of the 2024 list, and `--province "Hải Dương"` means the
//! province. A filter that names no unit of its level is an error (`invalid_option`), not an
//! empty list: an empty answer would read as "this province has no communes".

use serde_json::{json, Value};

use super::unit::{Level, Unit};
use crate::context::{Context, Edition};

/// The source every geography catalog names.
pub(crate) const CATALOG_SOURCE: &str = "edition 2024: QĐ 124/2004/QĐ-TTg codes, list in force 01/03/2025–30/06/2025 (NQ 1365/NQ-UBTVQH15; GSO); \
edition 2025: QĐ 19/2025/QĐ-TTg (Công văn 1027/CTK-CSCL, from 01/07/2025); lists and checks: tests/sources/admin-units/ in the treem repository";

fn item(unit: &Unit) -> Value {
    let mut value = json!({
        "code": &*unit.code,
        "label": &*unit.name,
        "level": unit.level,
        "type": unit.unit_type,
        "edition": unit.edition.as_str(),
        "province_code": &*unit.province_code,
    });
    if let (Some(d), Value::Object(map)) = (unit.district_code.as_deref(), &mut value) {
        map.insert("district_code".into(), d.into());
    }
    value
}

/// The code of the unit of `level` that `text` names (by code or name, within `within` when
/// given), or `None`. A name is matched against the units of `level` first (with or without
/// its type words: `Hải Dương`, `Tỉnh Hải Dương`), then read like any place name.
fn filter_code(text: &str, within: Option<&str>, level: Level, edition: Edition) -> Option<String> {
    let folded = super::fold(text);
    let mut same_level = super::tables()
        .edition(edition)
        .units(level)
        .iter()
        .filter(|u| within.is_none_or(|p| *u.province_code == *p))
        .filter(|u| super::fold(&u.name) == folded || super::fold(u.bare_name()) == folded);
    if let (Some(unit), None) = (same_level.next(), same_level.next()) {
        return Some(unit.code.to_string());
    }
    let query = match within {
        Some(parent) => format!("{text}, {parent}"),
        None => text.to_owned(),
    };
    super::resolve(&query, edition)
        .ok()
        .filter(|u| u.level == level)
        .map(|u| u.code.to_string())
}

/// The units of `level` in the context's edition, inside the `province` / `district` options
/// when given; an option that names no unit of its level gives an empty list.
fn list(ctx: &Context, level: Level) -> Vec<Value> {
    let edition = ctx.edition();
    let province = match ctx.province.as_deref() {
        None => None,
        Some(text) => match filter_code(text, None, Level::Province, edition) {
            Some(code) => Some(code),
            None => return Vec::new(),
        },
    };
    let district = match ctx.district.as_deref() {
        None => None,
        Some(text) => match filter_code(text, province.as_deref(), Level::District, edition) {
            Some(code) => Some(code),
            None => return Vec::new(),
        },
    };
    super::tables()
        .edition(edition)
        .units(level)
        .iter()
        .filter(|u| province.as_deref().is_none_or(|p| *u.province_code == *p))
        .filter(|u| {
            district
                .as_deref()
                .is_none_or(|d| u.district_code.as_deref() == Some(d))
        })
        .map(item)
        .collect()
}

/// Checks the `province` and `district` options of a geography catalog: each must name a
/// unit of its level in the context's edition.
///
/// # Errors
/// `invalid_option` naming the option, the text (cut to 40 characters) and the edition.
pub(crate) fn check_filters(ctx: &Context) -> Result<(), crate::Error> {
    let edition = ctx.edition();
    let mut province = None;
    if let Some(text) = ctx.province.as_deref() {
        province = filter_code(text, None, Level::Province, edition);
        if province.is_none() {
            return Err(crate::Error::invalid_option(
                "province",
                format!(
                    "\"{}\" names no province of the {} edition: give its 2-digit code or its name, such as \"31\" or \"Hải Phòng\" (catalog provinces)",
                    crate::privacy::truncate(text, 40),
                    edition.as_str()
                ),
            ));
        }
    }
    if let Some(text) = ctx.district.as_deref() {
        if filter_code(text, province.as_deref(), Level::District, edition).is_none() {
            return Err(crate::Error::invalid_option(
                "district",
                format!(
                    "\"{}\" names no district{} of the {} edition (catalog districts; the 2025 edition has none)",
                    crate::privacy::truncate(text, 40),
                    if province.is_some() { " of that province" } else { "" },
                    edition.as_str()
                ),
            ));
        }
    }
    Ok(())
}

/// Provinces of the edition (63 in 2024, 34 in 2025).
pub(crate) fn provinces(ctx: &Context) -> Vec<Value> {
    list(ctx, Level::Province)
}

/// District-level units (edition 2024: 696). The 2025 edition has no district level, so
/// its list is empty.
pub(crate) fn districts(ctx: &Context) -> Vec<Value> {
    list(ctx, Level::District)
}

/// Commune-level units (10,035 in 2024, 3,321 in 2025), optionally of one province or
/// (2024) one district.
pub(crate) fn communes(ctx: &Context) -> Vec<Value> {
    list(ctx, Level::Commune)
}
