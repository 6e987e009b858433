//! `normalize` for the child record: whitespace collapsed, identifiers without spaces or dots,
//! dates as ISO 8601, coded values as their codes, numbers typed as text made numbers.
//! A value that cannot be cleaned is kept as it was; no member is ever dropped.
//!
//! The helpers are also the protection case's (feature `case`, which compiles them without
//! the child record: some go unused there).
#![cfg_attr(not(feature = "child"), allow(dead_code))]

use crate::code_list::{lookup, Entry};
use crate::json::Field;
use crate::normalize::{collapse_whitespace, ChangeLog, Rewrite};
use crate::report::{IssueSink, Location};

#[cfg(feature = "child")]
use super::catalog::{
    special_circumstance, DISABILITY_LEVELS, DISABILITY_TYPES, PERSON_STATUSES, PROTECTION_LEVELS,
    RELATIONSHIPS, SOCIAL_ASSISTANCE_CATEGORIES,
};
#[cfg(feature = "child")]
use super::draft::ChildDraft;
#[cfg(feature = "child")]
use super::identity::Sex;

/// Collapses whitespace in free text.
pub(crate) fn text(field: &mut Field<String>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Value(value) = field {
        if let Some(clean) = collapse_whitespace(value) {
            *value = clean;
            log.push(at, Rewrite::Whitespace);
        }
    }
}

/// Removes spaces, dots and dashes from an identifier or a number.
/// A person's name: Unicode NFC, whitespace collapsed, Vietnamese title case
/// ([`crate::vn::name::normalize`]).
pub(crate) fn person_name(field: &mut Field<String>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Value(name) = field {
        let clean = crate::vn::name::normalize(name);
        if clean != *name {
            // Whitespace only, or also composition and case.
            let rewrite = if collapse_whitespace(name).as_deref() == Some(clean.as_str()) {
                Rewrite::Whitespace
            } else {
                Rewrite::Name
            };
            *name = clean;
            log.push(at, rewrite);
        }
    }
}

pub(crate) fn identifier(field: &mut Field<String>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Value(value) = field {
        let clean: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
            .collect();
        if clean != *value {
            *value = clean;
            log.push(at, Rewrite::Identifier);
        }
    }
}

/// Writes a phone number in national form ([`crate::vn::phone::normalize`]: `+84 912 345
/// 678` → `0912345678`) when it reads as one, and an 11-digit mobile number with the prefix
/// the 2018 conversion gave it (`0168 123 4567` → `0381234567`; the conversion is fixed, so
/// this is a rewrite and not a guess); otherwise keeps it.
pub(crate) fn phone(field: &mut Field<String>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Value(value) = field {
        if let Some(national) = crate::vn::phone::normalize(value) {
            if national != *value {
                *value = national;
                log.push(at, Rewrite::Phone);
            }
        }
        if let Some((converted, _, _)) = crate::vn::phone::converted_mobile(value) {
            *value = converted;
            log.push(at, Rewrite::PhonePrefix);
        }
    }
}

/// Writes a date as ISO 8601 when it parses.
pub(crate) fn date(field: &mut Field<String>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Value(value) = field {
        let mut scratch = IssueSink::new(crate::Lang::Vi);
        if let Some(parsed) = crate::vn::date::parse(value, at, &mut scratch) {
            let iso = crate::vn::date::iso::date(parsed.date);
            if *value != iso {
                *value = iso;
                log.push(at, Rewrite::DateIso);
            }
        }
    }
}

/// Writes a coded value as its code when it is a known spelling.
pub(crate) fn code(
    field: &mut Field<String>,
    list: &[Entry],
    at: &Location<'_>,
    log: &mut ChangeLog,
) {
    if let Field::Value(value) = field {
        if let Some(entry) = lookup(list, value) {
            set_code(value, entry.code, at, log);
        }
    }
}

pub(crate) fn set_code(value: &mut String, code: &str, at: &Location<'_>, log: &mut ChangeLog) {
    if value != code {
        *value = code.to_owned();
        log.push(at, Rewrite::CanonicalCode);
    }
}

/// Turns an integer written as text (`"5"`) into the number.
pub(crate) fn integer(field: &mut Field<i64>, at: &Location<'_>, log: &mut ChangeLog) {
    if let Field::Invalid(serde_json::Value::String(text)) = field {
        if let Ok(n) = text.trim().parse::<i64>() {
            *field = Field::Value(n);
            log.push(at, Rewrite::CanonicalCode);
        }
    }
}

/// Which members of a child record are rewritten ([`normalize_members`]) and read into a
/// [`super::Child`].
#[cfg(feature = "child")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Members {
    /// Every member: the canonical form, and the checked record `Record::check` answers.
    All,
    /// Only the members the indicator feed reads (`crate::indicator::feed`): not the
    /// child's name and personal ID, the guardians, the street address, the school's code
    /// nor the members the kind does not know. Folding names is the dearest part of
    /// normalising, and the feed never reads one (nor should it hold one).
    #[cfg(feature = "indicators")]
    Feed,
}

#[cfg(feature = "child")]
impl Members {
    /// True when the personal members (names, IDs, guardians, address) are wanted.
    pub(crate) fn personal(self) -> bool {
        self == Members::All
    }

    /// True when the values a reader parses from any spelling (dates, the school year) are
    /// rewritten too: the feed's reader parses the spelling as written into the same value
    /// (`crate::vn::date::parse`, `school_year_start`), so writing the canonical text first
    /// would only be parsed again.
    pub(crate) fn canonical_text(self) -> bool {
        self == Members::All
    }
}

/// Rewrites `draft` into canonical form, logging each change.
#[cfg(feature = "child")]
pub(crate) fn normalize(draft: &mut ChildDraft, ctx: &crate::Context, log: &mut ChangeLog) {
    normalize_members(draft, ctx, log, Members::All);
}

/// Rewrites the `members` of `draft` into canonical form, logging each change (in the order
/// of the members, whichever are skipped).
#[cfg(feature = "child")]
pub(crate) fn normalize_members(
    draft: &mut ChildDraft,
    ctx: &crate::Context,
    log: &mut ChangeLog,
    members: Members,
) {
    let root = Location::root();
    text(&mut draft.id, &root.key("id"), log);
    if members.personal() {
        person_name(&mut draft.full_name, &root.key("full_name"), log);
    }
    if members.canonical_text() {
        date(&mut draft.date_of_birth, &root.key("date_of_birth"), log);
    }
    if let Field::Value(value) = &mut draft.sex {
        if let Some(sex) = Sex::parse(value) {
            set_code(value, sex.code(), &root.key("sex"), log);
        }
    }
    if let Field::Value(value) = &mut draft.ethnic_group {
        let at = root.key("ethnic_group");
        match crate::vn::ethnic::lookup(value) {
            Some(group) => set_code(value, group.code, &at, log),
            None => text(&mut draft.ethnic_group, &at, log),
        }
    }
    if members.personal() {
        identifier(&mut draft.personal_id, &root.key("personal_id"), log);
    }
    if members.canonical_text() {
        date(
            &mut draft.birth_registration_date,
            &root.key("birth_registration_date"),
            log,
        );
    }
    if let Field::Value(residence) = &mut draft.residence {
        super::residence::normalize(residence, ctx, &root.key("residence"), log);
    }
    if let (Field::Value(guardians), true) = (&mut draft.guardians, members.personal()) {
        let list_at = root.key("guardians");
        for (i, item) in guardians.iter_mut().enumerate() {
            let Field::Value(g) = item else { continue };
            let at = list_at.index(i);
            person_name(&mut g.full_name, &at.key("full_name"), log);
            code(
                &mut g.relationship,
                RELATIONSHIPS,
                &at.key("relationship"),
                log,
            );
            code(&mut g.status, PERSON_STATUSES, &at.key("status"), log);
            phone(&mut g.phone, &at.key("phone"), log);
        }
    }
    if let Field::Value(s) = &mut draft.schooling {
        let at = root.key("schooling");
        if members.personal() {
            identifier(&mut s.school_code, &at.key("school_code"), log);
        }
        if let Field::Value(level) = &mut s.level {
            if let Some(found) = crate::school::types::Level::parse(level) {
                set_code(level, found.code(), &at.key("level"), log);
            }
        }
        integer(&mut s.grade, &at.key("grade"), log);
        if let (Field::Value(year), true) = (&mut s.school_year, members.canonical_text()) {
            if let Some(start) = super::schooling::school_year_start(year) {
                set_code(
                    year,
                    &format!("{start}-{}", start + 1),
                    &at.key("school_year"),
                    log,
                );
            }
        }
    }
    if let Field::Value(items) = &mut draft.special_circumstances {
        let list_at = root.key("special_circumstances");
        for (i, item) in items.iter_mut().enumerate() {
            let Field::Value(c) = item else { continue };
            let at = list_at.index(i);
            if let Field::Value(group) = &mut c.group {
                if let Some(found) = special_circumstance(group) {
                    set_code(group, found.entry.code, &at.key("group"), log);
                }
            }
            integer(&mut c.sub_category, &at.key("sub_category"), log);
            if members.canonical_text() {
                date(&mut c.identified_on, &at.key("identified_on"), log);
            }
        }
    }
    if let Field::Value(d) = &mut draft.disability {
        let at = root.key("disability");
        if let Field::Value(types) = &mut d.types {
            let types_at = at.key("types");
            for (i, t) in types.iter_mut().enumerate() {
                code(t, DISABILITY_TYPES, &types_at.index(i), log);
            }
        }
        code(&mut d.level, DISABILITY_LEVELS, &at.key("level"), log);
    }
    if let Field::Value(a) = &mut draft.social_assistance {
        let at = root.key("social_assistance");
        code(
            &mut a.category,
            SOCIAL_ASSISTANCE_CATEGORIES,
            &at.key("category"),
            log,
        );
        if members.canonical_text() {
            date(&mut a.since, &at.key("since"), log);
        }
    }
    code(
        &mut draft.protection_level,
        PROTECTION_LEVELS,
        &root.key("protection_level"),
        log,
    );
}
