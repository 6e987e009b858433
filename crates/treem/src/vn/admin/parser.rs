//! The `admin_unit` parser: text (a code, or a name with optional parents) → one unit of the
//! edition in force (the `edition` option, else the one in force at `as_of`).

use serde_json::{json, Value};

use super::data::Coverage;
use super::lookup::Unresolved;
use super::unit::{Level, Unit};
use crate::context::{Context, Edition};
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The text names no unit.
    ADMIN_UNIT_EMPTY = "admin_unit.empty", Error, "vn.admin", "treem",
        "Chưa ghi đơn vị hành chính",
        "No administrative unit given";
    /// No unit of the edition has this code or name.
    ADMIN_UNIT_UNKNOWN = "admin_unit.unknown", Error, "vn.admin",
        "QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025); QĐ 19/2025/QĐ-TTg (từ 1/7/2025)",
        "Không có đơn vị hành chính “{text}” trong danh mục {edition}",
        "No administrative unit “{text}” in the {edition} list";
    /// Only the Hải Phòng tables are loaded, and the unit is not among them.
    ADMIN_UNIT_TABLES_NOT_LOADED = "admin_unit.tables_not_loaded", Error, "vn.admin", "treem",
        "Không tìm thấy “{text}” trong danh mục {edition}: chỉ có danh mục của Hải Phòng được nạp; hãy nạp danh mục toàn quốc",
        "“{text}” is not in the {edition} list: only the Hải Phòng tables are loaded; load the national tables";
    /// The name fits several units.
    ADMIN_UNIT_AMBIGUOUS = "admin_unit.ambiguous", Error, "vn.admin", "treem",
        "“{text}” ứng với {count} đơn vị hành chính trong danh mục {edition}; hãy ghi thêm tên huyện, tỉnh (ví dụ “Xã A, Huyện B, Tỉnh C”)",
        "“{text}” fits {count} administrative units in the {edition} list; add the district or province (e.g. “Xã A, Huyện B, Tỉnh C”)";
    /// Units have the name, but none lies in the parents given.
    ADMIN_UNIT_PARENT_MISMATCH = "admin_unit.parent_mismatch", Error, "vn.admin",
        "QĐ 124/2004/QĐ-TTg; QĐ 19/2025/QĐ-TTg",
        "Có {count} đơn vị tên “{text}” trong danh mục {edition} nhưng không đơn vị nào thuộc các cấp trên đã ghi",
        "{count} units are named “{text}” in the {edition} list, but none lies in the parents given";
}

/// How many candidate codes an ambiguity lists.
const MAX_CANDIDATES: usize = 20;

/// The `admin_unit` parser (see the module docs).
pub(crate) fn parse_admin_unit(text: &str, ctx: &Context, sink: &mut IssueSink) -> Option<Value> {
    let edition = ctx.edition();
    let data = super::tables();
    let here = Location::root();
    let shown = crate::privacy::truncate(text.trim(), 80);
    let base = [
        ("text", Value::from(shown)),
        ("edition", edition.as_str().into()),
    ];
    match data.resolve(text, edition) {
        Ok(unit) => Some(unit_value(unit)),
        Err(Unresolved::Empty) => {
            sink.push(&ADMIN_UNIT_EMPTY, &here, []);
            None
        }
        Err(Unresolved::NotFound) => {
            let def = match data.coverage() {
                Coverage::National => &ADMIN_UNIT_UNKNOWN,
                Coverage::HaiPhong => &ADMIN_UNIT_TABLES_NOT_LOADED,
            };
            sink.push(def, &here, base);
            None
        }
        Err(Unresolved::Ambiguous(units)) => {
            let codes: Vec<Value> = units
                .iter()
                .take(MAX_CANDIDATES)
                .map(|u| Value::from(&*u.code))
                .collect();
            let params = base
                .into_iter()
                .chain([("count", units.len().into()), ("candidates", codes.into())]);
            sink.push(&ADMIN_UNIT_AMBIGUOUS, &here, params);
            None
        }
        Err(Unresolved::ParentMismatch { named }) => {
            let params = base.into_iter().chain([("count", named.into())]);
            sink.push(&ADMIN_UNIT_PARENT_MISMATCH, &here, params);
            None
        }
    }
}

/// A unit as the `parse` entry point and the catalogs give it: code, name, level, type,
/// edition, parents, and for an old (2024) unit its successors in the 2025 list.
pub(crate) fn unit_value(unit: &Unit) -> Value {
    let data = super::tables();
    let table = data.edition(unit.edition);
    let mut value = json!({
        "code": &*unit.code,
        "label": &*unit.name,
        "name": &*unit.name,
        "level": unit.level,
        "type": unit.unit_type,
        "edition": unit.edition.as_str(),
        "province_code": &*unit.province_code,
    });
    let Value::Object(map) = &mut value else {
        return value;
    };
    if unit.level != Level::Province {
        if let Some(p) = table.find(&unit.province_code) {
            map.insert("province_name".into(), (&*p.name).into());
        }
    }
    if let Some(d) = unit.district_code.as_deref() {
        map.insert("district_code".into(), d.into());
        if let Some(d) = table.find(d) {
            map.insert("district_name".into(), (&*d.name).into());
        }
    }
    if unit.edition == Edition::E2024 {
        if unit.level == Level::Province {
            if let Some(p) = data.province_successor(&unit.code) {
                map.insert("new_province_code".into(), (&*p.code).into());
            }
        }
        let successors: Vec<Value> = data
            .successors(&unit.code)
            .iter()
            .map(|s| {
                json!({
                    "code": &*s.new_code,
                    "name": data.e2025.find(&s.new_code).map(|u| &*u.name),
                    "relation": s.relation,
                    "note_vi": &*s.note_vi,
                })
            })
            .collect();
        if !successors.is_empty() {
            map.insert("successors".into(), successors.into());
        }
    }
    value
}
