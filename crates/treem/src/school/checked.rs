//! The checked school record ([`School`]): a [`SchoolDraft`] that passed every school rule,
//! read into domain values (see [`crate::record`]).

use serde::{Serialize, Serializer};

use super::address::AddressDraft;
use super::record::SchoolDraft;
use super::types::{Authority, Level, Ownership, SchoolType};
use crate::context::{Context, Edition};
use crate::record::{self, canonical, AdminUnit, Checked, Record, Unknown, Unread};
use crate::report::{Location, Report};

/// A school record that passed the school rules (Luật Giáo dục 2019, Thông tư
/// 18/2023/TT-BGDĐT; see [`crate::school`]): its code, name and type are always there.
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "code": "31000123", "name": "Trường Tiểu học  Lê Lợi", "school_type": "Trường tiểu học",
///     "grades": [1, 2, 3, 4, 5], "ownership": "công lập", "managing_authority": "ubnd_xa",
///     "address": {"edition": "2025", "province_code": "31", "commune_code": "11311"},
/// });
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// let school = treem::school::School::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(school.school_type.code, "truong_tieu_hoc");
/// assert_eq!(school.levels_taught(), [treem::school::types::Level::TieuHoc]);
/// assert_eq!(school.grades, [1, 2, 3, 4, 5]);
/// assert_eq!(serde_json::to_value(&school).unwrap()["name"], "Trường Tiểu học Lê Lợi");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct School {
    /// Mã trường (the code in the sector's database).
    pub code: String,
    /// Tên trường, whitespace collapsed.
    pub name: String,
    /// The school type (catalog `school_types`).
    #[serde(serialize_with = "type_code")]
    pub school_type: &'static SchoolType,
    /// The levels the record lists (none: the levels of a single-level type, see
    /// [`School::levels_taught`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// Grades taught, 1–12, in the order given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<u8>,
    /// Công lập, dân lập or tư thục.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    /// The managing authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managing_authority: Option<Authority>,
    /// The address as units of the administrative list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Number of learners.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learners: Option<u64>,
    /// Number of teachers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teachers: Option<u64>,
    /// Number of managers, teachers and other staff in all (at least the teachers and the
    /// counsellors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<u64>,
    /// Number of staff doing school counselling (TT 18/2023 Điều 4 khoản 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counsellors: Option<u64>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn type_code<S: Serializer>(school_type: &&'static SchoolType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(school_type.code)
}

/// A school's address.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Address {
    /// The province.
    #[serde(rename = "province_code", skip_serializing_if = "Option::is_none")]
    pub province: Option<AdminUnit>,
    /// The district (edition 2024 only).
    #[serde(rename = "district_code", skip_serializing_if = "Option::is_none")]
    pub district: Option<AdminUnit>,
    /// The commune.
    #[serde(rename = "commune_code", skip_serializing_if = "Option::is_none")]
    pub commune: Option<AdminUnit>,
    /// The edition the record gave (`None`: the context's).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub edition: Option<Edition>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl School {
    /// The levels the school teaches: those listed, else those of its type when the type has
    /// a fixed set.
    ///
    /// # Examples
    /// ```
    /// use treem::record::Record;
    /// let input = serde_json::json!({"code": "1", "name": "Mầm non Hoa Sen", "school_type": "truong_mam_non"});
    /// let school = treem::school::School::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert!(school.levels.is_empty());
    /// assert_eq!(school.levels_taught().len(), 2);
    /// ```
    pub fn levels_taught(&self) -> Vec<Level> {
        if !self.levels.is_empty() {
            let mut out = self.levels.clone();
            crate::sorting::sort(&mut out);
            out.dedup();
            return out;
        }
        match self.school_type.levels {
            super::types::LevelRule::Exactly(levels) => levels.to_vec(),
            super::types::LevelRule::AnyOf { .. } => Vec::new(),
        }
    }

    /// The administrative unit of the managing authority, from the address: the province for
    /// a Sở, the district for a Phòng, the commune for a commune People's Committee (as
    /// [`SchoolDraft::authority_unit`] reads it from a draft).
    ///
    /// # Examples
    /// ```
    /// use treem::record::Record;
    /// let input = serde_json::json!({"code": "1", "name": "Tiểu học Hoa Sen",
    ///     "school_type": "truong_tieu_hoc", "managing_authority": "so_gddt",
    ///     "address": {"province_code": "31"}});
    /// let school = treem::school::School::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert_eq!(school.authority_unit().map(|u| u.code()), Some("31"));
    /// ```
    pub fn authority_unit(&self) -> Option<&AdminUnit> {
        let address = self.address.as_ref()?;
        match self.managing_authority? {
            Authority::SoGddt => address.province.as_ref(),
            Authority::PhongGddt => address.district.as_ref(),
            Authority::UbndXa => address.commune.as_ref(),
        }
    }

    fn read(draft: &SchoolDraft, ctx: &Context) -> Result<School, Unread> {
        School::read_at(draft, ctx, &Location::root())
    }

    /// Reads a normalised draft that passed the school rules at `root` (the root of a
    /// `school` record, `/school` of a safe-school assessment).
    pub(crate) fn read_at(
        draft: &SchoolDraft,
        ctx: &Context,
        root: &Location<'_>,
    ) -> Result<School, Unread> {
        let at = |key| root.key(key);
        let required = |field, key| {
            let here = at(key);
            record::owned(field, &here)?.ok_or_else(|| Unread::at(&here))
        };
        let type_at = at("school_type");
        let school_type = record::parsed(&draft.school_type, &type_at, super::types::school_type)?
            .ok_or_else(|| Unread::at(&type_at))?;
        Ok(School {
            code: required(&draft.code, "code")?,
            name: required(&draft.name, "name")?,
            school_type,
            levels: record::list(&draft.levels, &at("levels"), |text: &String, here| {
                record::parsed_text(text, here, Level::parse)
            })?,
            grades: record::list(&draft.grades, &at("grades"), |grade: &i64, here| {
                u8::try_from(*grade).map(Some).map_err(|_| Unread::at(here))
            })?,
            ownership: record::parsed(&draft.ownership, &at("ownership"), Ownership::parse)?,
            managing_authority: record::parsed(
                &draft.managing_authority,
                &at("managing_authority"),
                Authority::parse,
            )?,
            address: record::object(&draft.address, &at("address"), |a, here| {
                Address::read(a, ctx, here)
            })?,
            learners: record::plain(&draft.learners, &at("learners"))?,
            teachers: record::plain(&draft.teachers, &at("teachers"))?,
            staff: record::plain(&draft.staff, &at("staff"))?,
            counsellors: record::plain(&draft.counsellors, &at("counsellors"))?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Address {
    fn read(draft: &AddressDraft, ctx: &Context, at: &Location<'_>) -> Result<Address, Unread> {
        let judged_by = draft.edition(ctx);
        let unit = |field, key| record::admin_unit(field, &at.key(key), judged_by);
        Ok(Address {
            province: unit(&draft.province_code, "province_code")?,
            district: unit(&draft.district_code, "district_code")?,
            commune: unit(&draft.commune_code, "commune_code")?,
            edition: record::parsed(&draft.edition, &at.key("edition"), |t| {
                Edition::parse(t).ok()
            })?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl record::sealed::Sealed for School {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<School>, Report> {
        record::check(value, ctx, School::read)
    }
}

impl Record for School {
    const KIND: &'static str = "school";
}
