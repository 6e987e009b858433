//! # treem
//!
//! The data rules of Viet Nam's child care, education and protection work, in one pure
//! library: children and their circumstances, protection cases, schools, safe-school
//! self-assessments, directives and the reports on their tasks, and the statistical
//! indicators of Thông tư 13/2021/TT-BLĐTBXH computed from them. A portal of a Sở GD&ĐT or
//! a Phòng LĐ-TB&XH, a data pipeline, a form in a browser (WebAssembly), a C or Python host
//! and the `treem` command line all call these same rules, so a record gets the same answer
//! wherever it is checked.
//!
//! - **Invalid data is a result, not an error.** Checking a record answers a [`Report`]:
//!   every [`Issue`] with its JSON Pointer `path`, its stable `code` (a constant of
//!   [`codes`]), its [`Severity`], its `params`, its message in Vietnamese or English
//!   ([`Lang`]) and the `rule` that raised it. [`Error`] is for misuse only: an unknown
//!   kind, input that is not JSON, an invalid option, a record over the size limit.
//! - **Pure and deterministic.** The core never reads the clock, the environment or files.
//!   The date age and deadline rules are judged at (`as_of`) is given by the caller; the same
//!   input gives byte-identical output.
//! - **Private by construction.** Messages never print a full personal ID, phone number or
//!   name ([`privacy`]).
//! - **Every rule names its source**: the article of the law, decree or circular it
//!   encodes, in the code table (`docs/codes.md`, [`codes::get`]) and in the module docs.
//!
//! # Usage: a handler, from request body to report or accepted record
//!
//! Build one [`Validator`] when the service starts ([`Validator::builder`]: `as_of`, the
//! language, the geography [`Edition`], the caller's holidays, the record size limit, all in
//! Rust types and checked once), share it between requests, and check each body with it:
//!
//! ```
//! # #[cfg(feature = "child")] {
//! use chrono::NaiveDate;
//! use treem::child::{Child, Sex};
//! use treem::record::Checked;
//! use treem::{Lang, Report, Validator};
//!
//! /// What a handler answers: 201 with the checked child (its canonical JSON is what a
//! /// portal stores), 422 with the report (the caller's language, every issue with its
//! /// path and code), or 400 for a body that is not a JSON record.
//! #[derive(Debug)]
//! enum Answer {
//!     Created(Checked<Child>),
//!     Unprocessable(Report),
//!     BadRequest(treem::Error),
//! }
//!
//! fn post_child(validator: &Validator, body: &[u8]) -> Answer {
//!     match validator.check_bytes::<Child>(body) {
//!         Ok(Ok(child)) => Answer::Created(child), // warnings in `child.warnings()`
//!         Ok(Err(report)) => Answer::Unprocessable(report),
//!         Err(error) => Answer::BadRequest(error),
//!     }
//! }
//!
//! let validator = Validator::builder()
//!     .as_of(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
//!     .lang(Lang::En)
//!     .build()?;
//!
//! let good = r#"{"full_name": "nguyễn văn an", "date_of_birth": "13/8/2016", "sex": "nam"}"#;
//! let Answer::Created(child) = post_child(&validator, good.as_bytes()) else { unreachable!() };
//! // Members are domain values: a date, an enum, a normalised name.
//! assert_eq!(child.record().date_of_birth, NaiveDate::from_ymd_opt(2016, 8, 13));
//! assert_eq!(child.record().sex, Some(Sex::Male));
//! // Serialised, the record is the canonical JSON `normalize` writes: what to store.
//! let stored = serde_json::to_value(child.record()).unwrap();
//! assert_eq!(stored["full_name"], "Nguyễn Văn An");
//! assert_eq!(stored["date_of_birth"], "2016-08-13");
//!
//! let bad = br#"{"date_of_birth": "2030-01-01", "sex": "x"}"#;
//! let Answer::Unprocessable(report) = post_child(&validator, bad) else { unreachable!() };
//! let codes: Vec<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
//! assert_eq!(codes, [treem::codes::child::BIRTH_IN_FUTURE, treem::codes::child::SEX_UNKNOWN]);
//! assert_eq!(report.issues[0].path, "/date_of_birth");
//!
//! // A body that is not JSON is misuse of the endpoint: an `Error` (a 400, not a 422).
//! let Answer::BadRequest(error) = post_child(&validator, b"{") else { unreachable!() };
//! assert!(error.is_not_json());
//! # }
//! # Ok::<(), treem::Error>(())
//! ```
//!
//! The same with [`Validator::check`] for a body already parsed, for a protection case
//! ([`case::Case`]) or a school ([`school::School`]); [`record`] says what a checked record
//! holds. A handler that only needs the canonical JSON (any kind) calls
//! [`Validator::normalize_bytes`] and stores `normalized.record` when `normalized.report.ok`.
//!
//! A service that already holds a `serde_json::Value` calls [`Validator::validate`] or
//! [`Validator::normalize`]; many records at once go through [`Validator::validate_many`]
//! (values) or [`Validator::validate_batch`] (a JSON array or NDJSON, read record by record).
//! An issue code is matched as a constant:
//!
//! ```
//! use treem::{codes, Severity, Validator};
//!
//! let validator = Validator::builder().build()?;
//! let report = validator.validate("child", &serde_json::json!({"sex": "x"}))?;
//! for issue in &report.issues {
//!     match (issue.severity, issue.code.as_str()) {
//!         (Severity::Error, codes::child::SEX_UNKNOWN) => assert_eq!(issue.path, "/sex"),
//!         (_, codes::context::AS_OF_MISSING) => {} // no `as_of` was given
//!         (_, other) => unreachable!("{other}"),
//!     }
//! }
//! # Ok::<(), treem::Error>(())
//! ```
//!
//! # The kinds
//!
//! A kind is a type of record ([`Kind`]; its name is what the API takes). Each has a lenient
//! input form (every member a [`Field`]: absent, null, a value, or a value of the wrong
//! type kept to be reported), its rules, its normaliser and its JSON Schema
//! ([`Kind::schema`]).
//!
//! | kind | module | what | sources |
//! |---|---|---|---|
//! | `child` | [`child`] | a child: identity, residence, family, schooling, special circumstances, disability, assistance, protection level | Luật Trẻ em 2016; Nghị định 56/2017/NĐ-CP; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP; Luật Giáo dục 2019 |
//! | `case` | [`case`] | a protection case: the incident, the protection level, the handling steps and their time limits | Luật Trẻ em 2016, Điều 4, 47; Nghị định 56/2017/NĐ-CP, Điều 25–32; Bộ luật Lao động 2019, Điều 112 (holidays) |
//! | `school` | [`school`] | a school: type, levels and grades, ownership, managing authority, address, counts | Luật Giáo dục 2019, Điều 26, 28; Thông tư 18/2023/TT-BGDĐT; Nghị quyết 202/2025/QH15 |
//! | `safe_school_assessment` | [`safe_school`] | a safe-school self-assessment, scored against a criteria set | TT 18/2023/TT-BGDĐT; TT 45/2021/TT-BGDĐT; QĐ 548/QĐ-LĐTBXH; NĐ 80/2017/NĐ-CP |
//! | `criteria_set` | [`safe_school`] | a complete criteria set supplied by the caller | as above |
//! | `directive` | [`directive`] | a directive and its tasks for units | Nghị định 30/2020/NĐ-CP, Điều 8, 13, 15 |
//! | `task_report` | [`task_report`] | a unit's progress report on a directive's tasks | the directive it reports on |
//!
//! Beside the kinds: the Vietnamese primitives every record is built from ([`vn`]: dates,
//! personal IDs, phone numbers, names, ethnic groups, administrative units of both
//! editions, document numbers), and the statistical [`indicator`]s of Thông tư
//! 13/2021/TT-BLĐTBXH computed from records. Domain operations: the deadline view of a case
//! ([`api::case_deadlines`]), likely duplicate children ([`api::dedup`]), the 2025 units of
//! a 2024 residence ([`api::residence_successors`]), safe-school scores and roll-ups, task
//! report roll-ups, indicator tables ([`api::indicators`]).
//!
//! # The JSON entry points
//!
//! [`api`] is the same library as bytes in, values out: the kind and the options are
//! strings and JSON text (`{"as_of": "2026-11-28", "lang": "en"}`). The C ABI, the
//! WebAssembly package, the Python package and the command line call it, so every platform
//! answers the same input alike; it is built on [`Validator`].
//!
//! ```
//! let report = treem::api::validate("child", r#"{"full_name": "Nguyễn Văn An", "sex": "nam"}"#.as_bytes(),
//!     br#"{"as_of": "2026-11-28"}"#)?;
//! assert!(report.ok);
//! # Ok::<(), treem::Error>(())
//! ```
//!
//! # Crate features
//!
//! Every feature is on by default. A portal that ships its own WebAssembly package can turn
//! domains off to make it smaller: a domain that is off is absent from the registry (its
//! kinds, catalogs, parsers and operations answer `unknown`), and its codes are never raised
//! (their constants in [`codes`] stay).
//!
//! - `national-geography`: the national tables of administrative units compiled in (about
//!   470 KB of text). Without it only Hải Phòng's are, and a host installs the national file
//!   at run time ([`vn::admin::install`]).
//! - `live-schemas`: [`Kind::schema`] derived by `schemars` at run time; without it the
//!   committed schemas (`data/schemas/`, the same values) are answered.
//! - `school`: the kind `school`. `child`: the kind `child`. `case`: the kind `case` (turns
//!   on `child`). `safe-school`: the kinds `safe_school_assessment` and `criteria_set` (turns
//!   on `school`). `indicators`: the statistical indicators (turns on `child`, `case`,
//!   `safe-school`). `directive`: the kinds `directive` and `task_report` (turns on
//!   `indicators`).
//!
//! # Legal sources
//!
//! Each module names the articles its rules encode, and each issue code its source (the
//! `source` of [`codes::CodeDef`]; `treem` marks a data-quality rule of the library's own).
//! The main ones: Luật Trẻ em 2016 (102/2016/QH13); Nghị định 56/2017/NĐ-CP (child
//! protection: special circumstances, the handling of cases and its time limits); Luật Người
//! khuyết tật 2010; Nghị định 20/2021/NĐ-CP (social assistance); Luật Giáo dục 2019
//! (43/2019/QH14); Thông tư 18/2023/TT-BGDĐT and Thông tư 45/2021/TT-BGDĐT (the school
//! rules, and the safe-school criteria sets that cite them); Nghị định 80/2017/NĐ-CP (safe,
//! healthy and friendly educational environments); Thông tư 13/2021/TT-BLĐTBXH (the
//! indicators); Nghị định 30/2020/NĐ-CP (clerical work: directives); Bộ luật Lao động 2019,
//! Điều 112 (public holidays); Quyết định 124/2004/QĐ-TTg and Quyết định 19/2025/QĐ-TTg with
//! Nghị quyết 202/2025/QH15 (the administrative units of the 2024 and 2025 editions); Nghị
//! định 137/2015/NĐ-CP and Thông tư 07/2016/TT-BCA (personal identification numbers). No
//! criterion, code or indicator is invented: where an official text was not read, the
//! module says so and the rule is a warning or absent.

// Every public function that can fail says how, under `# Errors` (CI's clippy denies
// warnings).
#![warn(clippy::missing_errors_doc)]

pub mod api;
#[cfg(feature = "case")]
pub mod case;
// The child record needs `child`; a protection case reads the child domain's draft type,
// readers, normalisers and protection levels, all that `case` alone compiles of it.
#[cfg(any(feature = "child", feature = "case"))]
pub mod child;
// Shared by the domains: a build without some of them (without `directive`, which turns
// on every other) leaves parts of these unused.
#[cfg_attr(not(feature = "directive"), allow(dead_code, unreachable_pub))]
// The coded lists of the domains that hold any (a directive-only build holds none).
#[cfg(any(feature = "school", feature = "child", feature = "case"))]
mod code_list;
pub mod codes;
mod context;
#[cfg(feature = "directive")]
pub mod directive;
mod document;
mod error;
#[cfg_attr(not(feature = "directive"), allow(dead_code, unreachable_pub))]
mod fields;
#[cfg(any(feature = "child", feature = "indicators"))]
mod hash;
mod i18n;
#[cfg(feature = "indicators")]
pub mod indicator;
mod issue_codes;
#[cfg_attr(not(feature = "directive"), allow(dead_code, unreachable_pub))]
mod json;
mod kind;
mod letter_case;
#[cfg_attr(not(feature = "directive"), allow(dead_code, unreachable_pub))]
// A directive-only build (the task report form's module) normalises no coded value, name or
// phone: those rewrites and the log's constructors are unused there.
#[cfg_attr(
    not(any(feature = "school", feature = "child", feature = "case")),
    allow(dead_code, unreachable_pub)
)]
mod normalize;
pub mod privacy;
#[cfg(any(
    feature = "child",
    feature = "case",
    feature = "school",
    feature = "directive"
))]
pub mod record;
mod registry;
pub mod report;
mod row;
#[cfg(feature = "safe-school")]
pub mod safe_school;
// The levels and types are the child record's too; the school record needs `school`.
#[cfg(any(feature = "school", feature = "child"))]
pub mod school;
mod sorted_map;
mod sorting;
mod stream;
#[cfg(feature = "directive")]
pub mod task_report;
mod validator;
pub mod vn;

pub use context::{Context, Edition, Holidays, NamedDay, DEFAULT_MAX_RECORD_BYTES};
pub use error::Error;
pub use i18n::Lang;
pub use json::Field;
pub use kind::Kind;
pub use normalize::{Change, Normalized};
pub use report::{Issue, Report, Severity};
pub use validator::{IntoKind, Validator, ValidatorBuilder};

/// What the command line and the bindings share with the core and nothing else should use:
/// the framing of batches, the codes of rows and records they raise themselves, and a few
/// helpers. Hidden from the documentation; no stability is promised.
#[doc(hidden)]
pub mod __private {
    pub use crate::context::AS_OF_YEARS;
    pub use crate::fields::{RECORD_NOT_OBJECT, RECORD_TOO_LARGE};
    pub use crate::json::type_name;
    pub use crate::row::{ROW_CELL_UNREADABLE, ROW_COLUMN_COUNT, ROW_NOT_UTF8};
    pub use crate::sorted_map::SortedMap;
    pub use crate::stream::{check_record, validate_many_json, Batch, BatchItem};

    /// [`crate::Validator::normalize_bytes`] whose `record` is `null` when the report has an
    /// error: the record is neither built nor written. A Standard Schema validator answers
    /// issues or the normalised value, never both, so a form being filled in (its record
    /// invalid at most keystrokes) needs no record back.
    ///
    /// # Errors
    /// As [`crate::Validator::normalize_bytes`].
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::__private::normalize_when_valid;
    /// let validator = treem::Validator::from_options_json(br#"{"as_of": "2026-11-28"}"#)?;
    /// let kind: treem::Kind = "child".parse()?;
    /// let valid = normalize_when_valid(&validator, kind, br#"{"sex": "nam"}"#)?;
    /// assert_eq!(valid.record["sex"], "male");
    /// let invalid = normalize_when_valid(&validator, kind, br#"{"sex": "nam", "date_of_birth": "30/02/2016"}"#)?;
    /// assert!(!invalid.report.ok && invalid.record.is_null());
    /// assert_eq!(invalid.changes[0].path, "/sex"); // the changes are still said
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn normalize_when_valid(
        validator: &crate::Validator,
        kind: crate::Kind,
        input: &[u8],
    ) -> Result<crate::Normalized, crate::Error> {
        validator.normalize_bytes_answering(kind, input, crate::document::Answer::RecordWhenValid)
    }
}

/// The library version (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
