//! Identity: name, date of birth, sex, ethnic group, personal ID, birth registration; and the
//! age rules of Luật Trẻ em 2016, Điều 1.
//!
//! The primitives of [`crate::vn`] do the reading: the name ([`crate::vn::name`]: no digits,
//! symbols or invisible characters; data-quality rules of treem, no law read), the ethnic
//! group ([`crate::vn::ethnic`]: the 54 groups of Quyết định 121-TCTK/PPCĐ, by code or
//! name), the personal ID ([`crate::vn::personal_id`]: Nghị định 137/2015/NĐ-CP, Điều 13) and
//! its consistency with the date of birth and sex. An empty text member counts as absent.

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

/// Sex: the one type of [`crate::vn::sex`], shared with the personal ID.
pub use crate::vn::sex::Sex;

/// The age limit of Luật Trẻ em 2016, Điều 1.
pub const CHILD_AGE_LIMIT: u32 = 16;

/// Checks the identity members; keeps the valid date of birth in `dates` for the other rules.
pub(crate) fn check(draft: &ChildDraft, ctx: &Context, dates: &mut Dates, sink: &mut IssueSink) {
    let root = Location::root();
    read::text(&draft.id, &root.key("id"), sink);
    read::check_person_name(&draft.full_name, &root.key("full_name"), sink);
    let dob_at = root.key("date_of_birth");
    dates.birth = read::date(&draft.date_of_birth, &dob_at, sink);
    if let Some(birth) = dates.birth {
        check_age(birth, ctx, dates, &dob_at, sink);
    }
    let sex_at = root.key("sex");
    let mut sex = None;
    if let Some(text) = read::text(&draft.sex, &sex_at, sink) {
        sex = Sex::parse(text);
        if sex.is_none() {
            sink.push(&CHILD_SEX_UNKNOWN, &sex_at, []);
        }
    }
    let ethnic_at = root.key("ethnic_group");
    if let Some(text) = read::text(&draft.ethnic_group, &ethnic_at, sink) {
        if !crate::fields::is_blank(text) {
            crate::vn::ethnic::parse(text, &ethnic_at, sink);
        }
    }
    let id_at = root.key("personal_id");
    if let Some(text) = read::text(&draft.personal_id, &id_at, sink) {
        if !crate::fields::is_blank(text) {
            check_personal_id(text, dates.birth, sex, ctx, &id_at, sink);
        }
    }
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

/// The personal ID's structure (Nghị định 137/2015/NĐ-CP, Điều 13; Thông tư 07/2016/TT-BCA,
/// Phụ lục I, III), its birth year not after `as_of`, and its consistency with the record's
/// date of birth and sex (the century/sex digit and the year digits). Each issue is at
/// `/personal_id`: the number is what disagrees with the rest of the record; the messages
/// mask it ([`crate::privacy::mask_digits`]).
fn check_personal_id(
    text: &str,
    birth: Option<NaiveDate>,
    sex: Option<Sex>,
    ctx: &Context,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let Some(id) = crate::vn::personal_id::parse(text, at, sink) else {
        return;
    };
    if let Some(as_of) = ctx.as_of {
        id.check_as_of(as_of, at, sink);
    }
    match (birth, sex) {
        (Some(birth), Some(sex)) => id.report_mismatches(birth, sex, at, sink),
        // With one of the two, check that one: a mismatch needs both to hold a value only
        // for the member it compares.
        (Some(birth), None) => id.report_mismatches(birth, id.sex, at, sink),
        (None, Some(sex)) => {
            let year_ok = NaiveDate::from_ymd_opt(id.birth_year, 1, 1);
            if let Some(date) = year_ok {
                id.report_mismatches(date, sex, at, sink);
            }
        }
        (None, None) => {}
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
