//! Identity: name, date of birth, sex, ethnic group, personal ID, birth registration; and the
//! age rules of Luật Trẻ em 2016, Điều 1.
//!
//! Phase 2 (when the Vietnamese primitives land): the personal ID's 12-digit structure and
//! its consistency with the date of birth and sex (century/sex digit), the ethnic group
//! against the 54-group list, name normalisation. Until then these are type-checked only.

use chrono::NaiveDate;

use super::dates::Dates;
use super::draft::ChildDraft;
use super::read;
use crate::context::Context;
use crate::fields::typed;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// Sex must be one of the values of the catalog `sexes`.
    CHILD_SEX_UNKNOWN = "child.sex_unknown", Error, "child.identity", "treem",
        "Giới tính không hợp lệ (dùng nam hoặc nữ)",
        "Sex not recognised (use male or female)";
    /// The date of birth lies after `as_of`.
    CHILD_BIRTH_IN_FUTURE = "child.birth_in_future", Error, "child.identity", "treem",
        "Ngày sinh sau ngày tính {as_of}",
        "Date of birth is after the as-of date {as_of}";
    /// The person is 16 or older at `as_of`: not a child under Luật Trẻ em ("Trẻ em là người
    /// dưới 16 tuổi"). Kept, since schools and social assistance (Nghị định 20/2021/NĐ-CP,
    /// Điều 5 khoản 2) still hold records of people aged 16 and over, but the law's child
    /// protection measures do not apply.
    CHILD_AGE_OUTSIDE_CHILD_LAW = "child.age_outside_child_law", Warning, "child.identity", "Luật Trẻ em 2016, Điều 1",
        "Người này {age} tuổi tại ngày tính, không còn là trẻ em theo Luật Trẻ em (dưới 16 tuổi)",
        "This person is {age} at the as-of date, no longer a child under the Law on Children (under 16)";
}

/// Sex as recorded in the population database.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Sex {
    /// Reads `male`, `nam`, `m`, `female`, `nữ`, `nu`, `f` (any case).
    pub fn parse(text: &str) -> Option<Sex> {
        match text.trim().to_lowercase().as_str() {
            "male" | "nam" | "m" => Some(Sex::Male),
            "female" | "nữ" | "nu" | "f" => Some(Sex::Female),
            _ => None,
        }
    }

    /// The code (`male`, `female`).
    pub const fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// The age limit of Luật Trẻ em 2016, Điều 1.
pub const CHILD_AGE_LIMIT: u32 = 16;

/// Checks the identity members; keeps the valid date of birth in `dates` for the other rules.
pub(crate) fn check(draft: &ChildDraft, ctx: &Context, dates: &mut Dates, sink: &mut IssueSink) {
    let root = Location::root();
    read::text(&draft.id, &root.key("id"), sink);
    read::text(&draft.full_name, &root.key("full_name"), sink);
    let dob_at = root.key("date_of_birth");
    dates.birth = read::date(&draft.date_of_birth, &dob_at, sink);
    if let Some(birth) = dates.birth {
        check_age(birth, ctx, dates, &dob_at, sink);
    }
    let sex_at = root.key("sex");
    if let Some(text) = read::text(&draft.sex, &sex_at, sink) {
        if Sex::parse(text).is_none() {
            sink.push(&CHILD_SEX_UNKNOWN, &sex_at, []);
        }
    }
    read::text(&draft.ethnic_group, &root.key("ethnic_group"), sink);
    read::text(&draft.personal_id, &root.key("personal_id"), sink);
    typed(
        &draft.birth_registered,
        &root.key("birth_registered"),
        "boolean",
        sink,
    );
    let reg_at = root.key("birth_registration_date");
    if let Some(date) = read::date(&draft.birth_registration_date, &reg_at, sink) {
        dates.event(date, &reg_at, sink);
    }
}

/// Date of birth not in the future; under 16 at `as_of` (Luật Trẻ em 2016, Điều 1).
fn check_age(
    birth: NaiveDate,
    ctx: &Context,
    dates: &mut Dates,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let Some(as_of) = ctx.as_of else {
        dates.needed_as_of = true;
        return;
    };
    match crate::vn::date::age_on(birth, as_of) {
        None => {
            sink.push(
                &CHILD_BIRTH_IN_FUTURE,
                at,
                [("as_of", as_of.to_string().into())],
            );
            // A birth date in the future is wrong: judging other dates by it would only
            // repeat the same error at other paths.
            dates.birth = None;
        }
        Some(age) if age >= CHILD_AGE_LIMIT => {
            sink.push(&CHILD_AGE_OUTSIDE_CHILD_LAW, at, [("age", age.into())]);
        }
        Some(_) => {}
    }
}
