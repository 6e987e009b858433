//! The address of a school as administrative-unit codes, in either geography edition.
//!
//! The form of the codes first: province 2 digits, district 3 digits, commune 5 digits
//! (Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg: "Mã số của đơn vị hành chính cấp
//! xã được xác định bằng 05 chữ số"). Codes of the right form are then checked against the
//! list of their edition by [`crate::vn::admin::place`] (the unit exists; the commune lies in
//! its district and province), the same rule as the child's residence.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::context::{Context, Edition};
use crate::fields::{typed, unknown_fields};
use crate::json::Field;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// An administrative-unit code does not have the number of digits of its level.
    SCHOOL_ADDRESS_CODE_FORM = "school.address_code_form", Error, "school.address",
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg",
        "Mã {level_vi} phải gồm {digits} chữ số",
        "A {level_en} code must have {digits} digits";
    /// The edition is neither `2024` nor `2025`.
    SCHOOL_ADDRESS_EDITION_UNKNOWN = "school.address_edition_unknown", Error, "school.address", "treem",
        "Phiên bản danh mục hành chính phải là 2024 hoặc 2025",
        "The geography edition must be 2024 or 2025";
    /// A district code in the 2025 edition, which has no district level.
    SCHOOL_ADDRESS_DISTRICT_IN_2025 = "school.address_district_in_2025", Error, "school.address",
        "Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg (34 tỉnh, 3.321 đơn vị cấp xã)",
        "Danh mục hành chính 2025 không còn cấp huyện: bỏ mã huyện",
        "The 2025 geography has no district level: remove the district code";
}

/// Address codes as typed: every member optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct AddressDraft {
    /// Mã tỉnh (2 digits).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub province_code: Field<String>,
    /// Mã huyện (3 digits; 2024 edition only).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub district_code: Field<String>,
    /// Mã xã (5 digits).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub commune_code: Field<String>,
    /// `2024` or `2025`; when absent, the edition of the context.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub edition: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl AddressDraft {
    /// The edition the codes belong to: the record's own, else the context's.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{school::address::AddressDraft, Context, Edition};
    /// let address: AddressDraft =
    ///     serde_json::from_value(serde_json::json!({"province_code": "31", "commune_code": "11311"})).unwrap();
    /// let ctx = Context::default().with_edition(Edition::E2025);
    /// assert_eq!(address.edition(&ctx), Some(Edition::E2025));
    /// ```
    pub fn edition(&self, ctx: &Context) -> Option<Edition> {
        match &self.edition {
            Field::Value(text) => Edition::parse(text).ok(),
            _ => Some(ctx.edition()),
        }
    }
}

fn all_digits(text: &str, n: usize) -> bool {
    text.len() == n && text.bytes().all(|b| b.is_ascii_digit())
}

/// Checks the form of the codes at `at`.
///
/// # Examples
///
/// ```
/// use treem::{report::{IssueSink, Location}, school::address::{check, AddressDraft}, Lang};
/// let address: AddressDraft = serde_json::from_value(serde_json::json!({"province_code": "3x"})).unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// check(&address, &treem::Context::default(), &Location::root(), &mut sink);
/// assert!(sink.has_errors());
/// ```
pub fn check(draft: &AddressDraft, ctx: &Context, at: &Location<'_>, sink: &mut IssueSink) {
    let edition_at = at.key("edition");
    if let Some(text) = typed(&draft.edition, &edition_at, "string", sink) {
        if Edition::parse(text).is_err() {
            sink.push(&SCHOOL_ADDRESS_EDITION_UNKNOWN, &edition_at, []);
        }
    }
    let levels: [(&Field<String>, &str, usize, &str, &str); 3] = [
        (&draft.province_code, "province_code", 2, "tỉnh", "province"),
        (
            &draft.district_code,
            "district_code",
            3,
            "huyện",
            "district",
        ),
        (&draft.commune_code, "commune_code", 5, "xã", "commune"),
    ];
    let mut well_formed: [Option<&str>; 3] = [None; 3];
    for (slot, (field, key, digits, vi, en)) in well_formed.iter_mut().zip(levels) {
        let field_at = at.key(key);
        if let Some(code) = typed(field, &field_at, "string", sink) {
            let code = crate::fields::trim(code);
            if all_digits(code, digits) {
                *slot = Some(code);
            } else {
                sink.push(
                    &SCHOOL_ADDRESS_CODE_FORM,
                    &field_at,
                    [
                        ("level_vi", vi.into()),
                        ("level_en", en.into()),
                        ("digits", digits.into()),
                    ],
                );
            }
        }
    }
    let edition = draft.edition(ctx);
    if edition == Some(Edition::E2025) && draft.district_code.value().is_some() {
        sink.push(
            &SCHOOL_ADDRESS_DISTRICT_IN_2025,
            &at.key("district_code"),
            [],
        );
    }
    if let Some(edition) = edition {
        let [province, district, commune] = well_formed;
        let codes = crate::vn::admin::place::PlaceCodes {
            province,
            district,
            commune,
        };
        crate::vn::admin::place::check(codes, edition, at, sink);
    }
    unknown_fields(&draft.unknown, at, sink);
}
