//! Residence: the administrative units the child lives in, in either edition of the list.
//!
//! Phase 2 (when the administrative-unit tables land): each code checked against the list
//! of its edition, the commune within its province (and district), and conversion between
//! editions. Until then the codes are type-checked only; the edition and the two-level
//! rule below need no table.

use super::draft::ResidenceDraft;
use super::read;
use crate::context::{Context, Edition};
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The edition is neither `2024` nor `2025`.
    CHILD_EDITION_UNKNOWN = "child.edition_unknown", Error, "child.residence", "treem",
        "Phiên bản danh mục hành chính phải là 2024 hoặc 2025",
        "The administrative-unit edition must be 2024 or 2025";
    /// A district code with the 2025 edition: from 1 July 2025 there are only provinces and
    /// communes.
    CHILD_DISTRICT_IN_TWO_LEVEL_EDITION = "child.district_in_two_level_edition", Error, "child.residence",
        "Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg",
        "Từ 01/7/2025 không còn cấp huyện: bỏ mã huyện hoặc dùng phiên bản 2024",
        "There is no district level from 1 July 2025: drop the district code or use edition 2024";
}

/// Checks the residence members.
pub(crate) fn check(
    residence: &ResidenceDraft,
    ctx: &Context,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let edition_at = at.key("edition");
    let edition = match read::text(&residence.edition, &edition_at, sink) {
        Some(text) => match Edition::parse(text) {
            Ok(edition) => Some(edition),
            Err(_) => {
                sink.push(&CHILD_EDITION_UNKNOWN, &edition_at, []);
                None
            }
        },
        // Without an edition on the record, the caller's edition or the one in force at
        // `as_of`; with neither, the rule has nothing to judge by.
        None => match (ctx.edition, ctx.as_of) {
            (Some(edition), _) => Some(edition),
            (None, Some(date)) => Some(Edition::in_force_on(date)),
            (None, None) => None,
        },
    };
    read::text(&residence.province_code, &at.key("province_code"), sink);
    let district_at = at.key("district_code");
    if let Some(district) = read::text(&residence.district_code, &district_at, sink) {
        if edition == Some(Edition::E2025) && !district.trim().is_empty() {
            sink.push(&CHILD_DISTRICT_IN_TWO_LEVEL_EDITION, &district_at, []);
        }
    }
    read::text(&residence.commune_code, &at.key("commune_code"), sink);
    read::text(&residence.address, &at.key("address"), sink);
    crate::fields::unknown_fields(&residence.unknown, at, sink);
}
