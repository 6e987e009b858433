//! The child record (kind `child`).
//!
//! This first cut checks identity fields for type and form; the rules of Luật Trẻ em 2016 and
//! Nghị định 56/2017/NĐ-CP (special circumstances, protection, guardians) build on it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::fields::{typed, unknown_fields};
use crate::json::Field;
use crate::report::{IssueSink, Location};
use crate::vn::date;

crate::codes! {
    /// Sex must be one of the values of the catalog `sexes`.
    CHILD_SEX_UNKNOWN = "child.sex_unknown", Error, "child.identity", "treem",
        "Giới tính không hợp lệ (dùng nam hoặc nữ)",
        "Sex not recognised (use male or female)";
    /// The date of birth lies after `as_of`.
    CHILD_BIRTH_IN_FUTURE = "child.birth_in_future", Error, "child.identity", "treem",
        "Ngày sinh sau ngày tính {as_of}",
        "Date of birth is after the as-of date {as_of}";
}

/// A child record as typed by a person: every field optional, strings as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ChildDraft {
    /// Họ và tên.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub full_name: Field<String>,
    /// Ngày sinh, in any accepted date form (see [`crate::vn::date`]).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub date_of_birth: Field<String>,
    /// Giới tính: `male`/`nam` or `female`/`nữ`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sex: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

pub use crate::vn::sex::Sex;

/// The kind `child`.
pub(crate) const KIND: crate::kind::KindDef =
    crate::kind::kind_def::<ChildDraft>("child", "Hồ sơ trẻ em", "Child record");

impl crate::kind::Document for ChildDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        check(self, ctx, sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut crate::normalize::ChangeLog) {
        normalize(self, log);
    }
}

/// Runs every child rule on `draft`.
pub fn check(draft: &ChildDraft, ctx: &Context, sink: &mut IssueSink) {
    let root = Location::root();
    typed(&draft.full_name, &root.key("full_name"), "string", sink);
    let dob_at = root.key("date_of_birth");
    if let Some(text) = typed(&draft.date_of_birth, &dob_at, "string", sink) {
        if let Some(parsed) = date::parse(text, &dob_at, sink) {
            if let Some(as_of) = ctx.as_of {
                if parsed.date > as_of {
                    sink.push(
                        &CHILD_BIRTH_IN_FUTURE,
                        &dob_at,
                        [("as_of", as_of.to_string().into())],
                    );
                }
            }
        }
    }
    let sex_at = root.key("sex");
    if let Some(text) = typed(&draft.sex, &sex_at, "string", sink) {
        if Sex::parse(text).is_none() {
            sink.push(&CHILD_SEX_UNKNOWN, &sex_at, []);
        }
    }
    unknown_fields(&draft.unknown, &root, sink);
}

/// Rewrites `draft` into canonical form: whitespace in the name, the date of birth as ISO,
/// sex as its code. Values that cannot be cleaned stay as they were.
pub fn normalize(draft: &mut ChildDraft, log: &mut crate::normalize::ChangeLog) {
    use crate::normalize::{collapse_whitespace, Rewrite};
    let root = Location::root();
    if let Field::Value(name) = &mut draft.full_name {
        let clean = crate::vn::name::normalize(name);
        if clean != *name {
            // Whitespace only, or also composition and case.
            let rewrite = if collapse_whitespace(name).as_deref() == Some(clean.as_str()) {
                Rewrite::Whitespace
            } else {
                Rewrite::Name
            };
            *name = clean;
            log.push(&root.key("full_name"), rewrite);
        }
    }
    if let Field::Value(text) = &mut draft.date_of_birth {
        let mut scratch = IssueSink::new(crate::Lang::Vi);
        if let Some(parsed) = date::parse(text, &root, &mut scratch) {
            let iso = parsed.date.format("%Y-%m-%d").to_string();
            if *text != iso {
                *text = iso;
                log.push(&root.key("date_of_birth"), Rewrite::DateIso);
            }
        }
    }
    if let Field::Value(text) = &mut draft.sex {
        if let Some(sex) = Sex::parse(text) {
            let code = sex.code();
            if text != code {
                *text = code.to_owned();
                log.push(&root.key("sex"), Rewrite::CanonicalCode);
            }
        }
    }
}
