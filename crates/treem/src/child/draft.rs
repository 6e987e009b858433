//! The lenient draft of a child record: every member optional, values as a person typed them.
//! Each member keeps a value of the wrong JSON type ([`Field::Invalid`]) so it is reported at
//! its path and never lost; members the draft does not know are kept in `unknown`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::json::Field;

/// Members a draft does not know, kept as they were (and warned about).
pub type Unknown = BTreeMap<String, serde_json::Value>;

/// A child record as typed by a person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct ChildDraft {
    /// The record's identifier in the caller's system (opaque; cases refer to it).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// Họ và tên.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub full_name: Field<String>,
    /// Ngày sinh, in any accepted date form (see [`crate::vn::date`]).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub date_of_birth: Field<String>,
    /// Giới tính: `male`/`nam` or `female`/`nữ`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sex: Field<String>,
    /// Dân tộc: the code (`01`–`54`) or a name of the 54-group list ([`crate::vn::ethnic`]);
    /// `normalize` writes the code.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub ethnic_group: Field<String>,
    /// Số định danh cá nhân: 12 digits, consistent with the date of birth and sex
    /// ([`crate::vn::personal_id`]).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub personal_id: Field<String>,
    /// Whether the birth has been registered (đăng ký khai sinh).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub birth_registered: Field<bool>,
    /// Date of the birth registration.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub birth_registration_date: Field<String>,
    /// Where the child lives.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub residence: Field<ResidenceDraft>,
    /// Parents, caregivers and guardians.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub guardians: Field<Vec<Field<GuardianDraft>>>,
    /// Schooling.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub schooling: Field<SchoolingDraft>,
    /// Groups of special circumstances the child was identified in (Luật Trẻ em, Điều 10).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub special_circumstances: Field<Vec<Field<CircumstanceDraft>>>,
    /// Disability (Luật Người khuyết tật, Điều 3).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub disability: Field<DisabilityDraft>,
    /// Monthly social assistance (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub social_assistance: Field<AssistanceDraft>,
    /// The level of protection the child currently receives (Luật Trẻ em, Điều 47).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub protection_level: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// Where the child lives: administrative units of either edition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct ResidenceDraft {
    /// The edition the codes belong to: `2024` (three levels) or `2025` (two levels).
    /// When absent, the edition of the context.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub edition: Field<String>,
    /// Province code (2 digits) of the edition's list; `normalize` resolves a name to it.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub province_code: Field<String>,
    /// District code (3 digits; edition 2024 only).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub district_code: Field<String>,
    /// Commune code (5 digits) of the edition's list, inside the province (and district).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub commune_code: Field<String>,
    /// Street address, village, hamlet (free text).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub address: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// A parent, caregiver or guardian of the child.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct GuardianDraft {
    /// Họ và tên.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub full_name: Field<String>,
    /// Relationship to the child (catalog `relationships`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub relationship: Field<String>,
    /// Living, deceased or declared missing (catalog `person_statuses`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub status: Field<String>,
    /// Phone number as written, checked as a Vietnamese number ([`crate::vn::phone`]);
    /// `normalize` writes the national form.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub phone: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// Where and in what grade the child studies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct SchoolingDraft {
    /// The school's code in the education database (not checked: treem holds no school list).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub school_code: Field<String>,
    /// School level: a code of the catalog `school_levels` (`tieu_hoc`, `thcs`, ...), a
    /// Vietnamese name, or the English codes `primary`, `lower_secondary`, ...
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub level: Field<String>,
    /// Grade (lớp) 1–12; none for preschool.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub grade: Field<i64>,
    /// The school year, `2025-2026`. When absent, the grade is judged against both school
    /// years `as_of` may fall in.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub school_year: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// One group of special circumstances the child was identified in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct CircumstanceDraft {
    /// The group: code, or the letter of Luật Trẻ em Điều 10 khoản 1 (catalog `special_circumstances`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub group: Field<String>,
    /// The sub-category: the khoản number of the Nghị định 56/2017/NĐ-CP article of the group.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sub_category: Field<i64>,
    /// The date the child was identified in this group.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub identified_on: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// The child's disability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct DisabilityDraft {
    /// Types of disability (catalog `disability_types`); a person may have several.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub types: Field<Vec<Field<String>>>,
    /// Level of disability (catalog `disability_levels`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub level: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// Monthly social assistance received.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct AssistanceDraft {
    /// Category (catalog `social_assistance_categories`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub category: Field<String>,
    /// The date assistance started.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub since: Field<String>,
    /// The beneficiary, 16 or older, is studying (học văn hóa, học nghề, trung học chuyên
    /// nghiệp, cao đẳng, đại học văn bằng thứ nhất): assistance under khoản 1 continues to the
    /// end of study, at most to 22 (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2). A `schooling`
    /// of the current school year counts as studying too.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub studying: Field<bool>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}
