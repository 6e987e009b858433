//! The child record (kind `child`): identity, residence, family, schooling, special
//! circumstances, disability, social assistance and protection level, with the rules of
//! Luật Trẻ em 2016, Nghị định 56/2017/NĐ-CP, Luật Người khuyết tật 2010, Nghị định
//! 20/2021/NĐ-CP and Luật Giáo dục 2019. Each rule's issue code names its article.
//!
//! Modules: [`draft`] (the lenient input form), [`catalog`] (the coded lists), and one module
//! per group of rules: [`identity`], [`residence`], [`family`], [`schooling`],
//! [`circumstances`] (and [`circumstance_text`], the groups read from free text, parser
//! `special_circumstances`); `dates` holds the rules on dates relative to birth and `as_of`.
//!
//! # The Vietnamese primitives in the rules
//! - `personal_id`: the 12-digit structure, the province/century/sex digits, and their
//!   consistency with `date_of_birth` and `sex` ([`crate::vn::personal_id`], messages masked);
//! - `ethnic_group`: membership of the 54-group list by code or name ([`crate::vn::ethnic`]);
//! - `full_name`, `guardians[].full_name`: [`crate::vn::name`] (no digits, symbols or
//!   invisible characters; NFC and title case in `normalize`; folded key for matching);
//! - `guardians[].phone`: a Vietnamese number ([`crate::vn::phone`]);
//! - `residence.*_code`: membership of the list of the record's edition and nesting
//!   ([`crate::vn::admin::place`]); [`residence::successors`] converts a 2024 residence to its
//!   2025 unit(s) (operation `residence_successors`);
//! - `schooling.level`: the school module's levels ([`crate::school::types::Level`]);
//! - [`dedup`]: likely and possible duplicates over a set of records (operation `dedup`).
//!
//! Not done: `schooling.school_code` against a list of schools (treem holds none).

// What a protection case reads of the child domain (feature `case` alone compiles only
// these): the catalogs, the draft type, the readers and the normalisers.
pub mod catalog;
pub mod draft;
pub(crate) mod normalize;
pub mod read;
// The child record's rules and operations: feature `child`.
#[cfg(feature = "child")]
pub mod circumstance_text;
#[cfg(feature = "child")]
pub mod circumstances;
#[cfg(feature = "child")]
pub mod dates;
#[cfg(feature = "child")]
pub mod dedup;
#[cfg(feature = "child")]
pub mod family;
#[cfg(feature = "child")]
pub mod identity;
#[cfg(feature = "child")]
pub mod residence;
#[cfg(feature = "child")]
pub mod schooling;
// The checked child record (treem::record): feature `child`.
#[cfg(feature = "child")]
mod record;

pub use draft::{
    AssistanceDraft, ChildDraft, CircumstanceDraft, DisabilityDraft, GuardianDraft, ResidenceDraft,
    SchoolingDraft,
};
#[cfg(feature = "child")]
pub use identity::Sex;
#[cfg(feature = "child")]
pub use record::{
    Assistance, Child, Circumstance, Disability, Guardian, Residence, SchoolYear, Schooling,
};

#[cfg(feature = "child")]
use crate::context::Context;
#[cfg(feature = "child")]
use crate::report::{IssueSink, Location};

#[cfg(feature = "child")]
crate::codes! {
    /// The protection level must be one of the three levels of Luật Trẻ em, Điều 47.
    CHILD_PROTECTION_LEVEL_UNKNOWN = "child.protection_level_unknown", Error, "child.protection",
        "Luật Trẻ em 2016, Điều 47 khoản 1",
        "Cấp độ bảo vệ phải là phòng ngừa, hỗ trợ hoặc can thiệp",
        "The protection level must be prevention, support or intervention";
}

/// The kind `child`.
#[cfg(feature = "child")]
pub(crate) const KIND: crate::document::KindDef =
    crate::document::kind_def::<ChildDraft>("child", "Hồ sơ trẻ em", "Child record");

#[cfg(feature = "child")]
impl crate::document::Document for ChildDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        check(self, ctx, sink);
    }

    fn normalize(&mut self, ctx: &Context, log: &mut crate::normalize::ChangeLog) {
        normalize::normalize(self, ctx, log);
    }
}

/// Runs every child rule on `draft`, in the order of its members.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// use treem::{child::ChildDraft, report::IssueSink, Field};
/// let draft = ChildDraft { date_of_birth: Field::Value("31/2/2020".into()), ..Default::default() };
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// treem::child::check(&draft, &treem::Context::default(), &mut sink);
/// assert_eq!(sink.finish().issues[0].path, "/date_of_birth");
/// # }
/// ```
#[cfg(feature = "child")]
pub fn check(draft: &ChildDraft, ctx: &Context, sink: &mut IssueSink) {
    let root = Location::root();
    let mut dates = dates::Dates::new(ctx);
    identity::check(draft, ctx, &mut dates, sink);

    let residence_at = root.key("residence");
    if let Some(residence) = read::object(&draft.residence, &residence_at, sink) {
        residence::check(residence, ctx, &mut dates, &residence_at, sink);
    }

    let guardians_at = root.key("guardians");
    let guardians = read::elements(&draft.guardians, &guardians_at, sink);
    let people = family::check(guardians, &guardians_at, sink);

    let schooling_at = root.key("schooling");
    let mut in_school = false;
    if let Some(schooling) = read::object(&draft.schooling, &schooling_at, sink) {
        schooling::check(schooling, &mut dates, &schooling_at, sink);
        in_school = schooling::in_school(schooling, dates.as_of);
    }

    let disability_at = root.key("disability");
    let disability = read::object(&draft.disability, &disability_at, sink);
    let mut findings = circumstances::Findings::default();
    let circumstances_at = root.key("special_circumstances");
    let items = read::elements(&draft.special_circumstances, &circumstances_at, sink);
    circumstances::check_circumstances(
        items,
        disability,
        &mut dates,
        &circumstances_at,
        &mut findings,
        sink,
    );
    if let Some(disability) = disability {
        circumstances::check_disability(disability, &disability_at, sink);
    }

    let assistance_at = root.key("social_assistance");
    if let Some(assistance) = read::object(&draft.social_assistance, &assistance_at, sink) {
        circumstances::check_assistance(
            assistance,
            in_school,
            &mut dates,
            &assistance_at,
            &mut findings,
            sink,
        );
    }

    if findings.orphan_both {
        family::check_orphan(&people, &guardians_at, sink);
    }
    if let Some((index, sub)) = findings.without_support {
        let item_at = circumstances_at.index(index);
        let sub_at = item_at.key("sub_category");
        family::check_without_support(&people, sub, &sub_at, sink);
    }

    let level_at = root.key("protection_level");
    if let Some(text) = read::text(&draft.protection_level, &level_at, sink) {
        if !crate::fields::is_blank(text)
            && crate::code_list::lookup(catalog::PROTECTION_LEVELS, text).is_none()
        {
            sink.push(&CHILD_PROTECTION_LEVEL_UNKNOWN, &level_at, []);
        }
    }

    crate::fields::unknown_fields(&draft.unknown, &root, sink);
    if dates.needed_as_of {
        sink.push(&crate::fields::CONTEXT_AS_OF_MISSING, &root, []);
    }
}
