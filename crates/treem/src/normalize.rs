//! Normalisation: a record rewritten into canonical form, with what changed.
//!
//! A normaliser never drops a field: a value it cannot clean is kept as it was and the
//! report says what is still wrong.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{CodeDef, Lang};
use crate::report::{Location, Report};

crate::codes! {
    /// A value was rewritten into its canonical form.
    NORMALIZE_REWRITTEN = "normalize.rewritten", Warning, "normalize", "treem",
        "Đã chuẩn hóa giá trị ({how_vi})",
        "Value normalised ({how_en})";
}

/// One rewrite made by `normalize`. Old and new values are not echoed (they may be personal
/// data); the path and the kind of rewrite are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// JSON Pointer of the rewritten value.
    pub path: String,
    /// What was done, e.g. `whitespace`, `date_iso`, `canonical_code`.
    pub how: String,
    /// The change described in the requested language.
    pub message: String,
}

/// The answer of `normalize`: the cleaned record, the changes, and the report of what is
/// still wrong after cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Normalized {
    /// The record in canonical form (every input member kept).
    pub record: serde_json::Value,
    /// The rewrites made, in input order.
    pub changes: Vec<Change>,
    /// Validation of the cleaned record.
    pub report: Report,
}

/// Collects changes in one language.
#[derive(Debug)]
pub(crate) struct ChangeLog {
    lang: Lang,
    changes: Vec<Change>,
    /// False for a log whose changes nobody reads (a checked record wants the rewritten
    /// record only): rendering each change's message was a fifth of the time of reading one.
    keep: bool,
}

/// The kinds of rewrite, with their labels in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Spaces trimmed and runs of whitespace collapsed.
    Whitespace,
    /// A date written as ISO 8601.
    DateIso,
    /// A coded value written as its canonical code.
    CanonicalCode,
    /// A name put in Unicode NFC and Vietnamese title case.
    Name,
    /// A phone number in national form.
    Phone,
    /// An 11-digit mobile number written with the 10-digit prefix it was given in the 2018
    /// conversion ([`crate::vn::phone::converted_mobile`]).
    PhonePrefix,
    /// An identifier with its spaces and dots removed.
    Identifier,
}

impl Rewrite {
    const fn how(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Rewrite::Whitespace => (
                "whitespace",
                "bỏ khoảng trắng thừa",
                "extra whitespace removed",
            ),
            Rewrite::DateIso => (
                "date_iso",
                "ngày viết theo ISO 8601",
                "date written as ISO 8601",
            ),
            Rewrite::CanonicalCode => ("canonical_code", "mã chuẩn", "canonical code"),
            Rewrite::Name => ("name", "họ tên chuẩn hóa", "name normalised"),
            Rewrite::Phone => (
                "phone",
                "số điện thoại dạng trong nước",
                "phone number in national form",
            ),
            Rewrite::PhonePrefix => (
                "phone_prefix",
                "đầu số di động 11 số đổi sang đầu số 10 số theo đợt chuyển đổi năm 2018 của Bộ Thông tin và Truyền thông (giữ nguyên 7 số cuối)",
                "11-digit mobile prefix changed to its 10-digit prefix of the 2018 conversion by the Ministry of Information and Communications (last 7 digits kept)",
            ),
            Rewrite::Identifier => (
                "identifier",
                "bỏ dấu cách và dấu chấm",
                "spaces and dots removed",
            ),
        }
    }
}

impl ChangeLog {
    /// An empty log.
    pub(crate) fn new(lang: Lang) -> ChangeLog {
        ChangeLog {
            lang,
            changes: Vec::new(),
            keep: true,
        }
    }

    /// A log that keeps nothing: for a rewrite whose changes are not asked for.
    pub(crate) fn discarding() -> ChangeLog {
        ChangeLog {
            lang: Lang::En,
            changes: Vec::new(),
            keep: false,
        }
    }

    /// Records a rewrite at `location`.
    pub(crate) fn push(&mut self, location: &Location<'_>, rewrite: Rewrite) {
        if !self.keep {
            return;
        }
        let (how, vi, en) = rewrite.how();
        let def: &CodeDef = &NORMALIZE_REWRITTEN;
        let mut params = std::collections::BTreeMap::new();
        params.insert("how_vi".to_owned(), serde_json::Value::from(vi));
        params.insert("how_en".to_owned(), serde_json::Value::from(en));
        self.changes.push(Change {
            path: location.to_pointer(),
            how: how.to_owned(),
            message: def.render(self.lang, &params),
        });
    }

    /// The changes recorded.
    pub(crate) fn into_changes(self) -> Vec<Change> {
        self.changes
    }
}

/// Collapses runs of whitespace and trims; `None` when nothing changes.
pub(crate) fn collapse_whitespace(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (collapsed != text).then_some(collapsed)
}
