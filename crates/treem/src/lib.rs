//! # treem
//!
//! The data rules of Viet Nam's child care, education and protection work, in one pure
//! library: children and their circumstances, protection cases, schools, safe-school
//! self-assessments, directive tasks and statistical indicators.
//!
//! Invalid data is a result, not an error: [`api::validate`] returns a [`Report`] listing
//! every [`Issue`] with its JSON Pointer path, stable code, severity, parameters, message in
//! Vietnamese or English, and the rule (with its legal source in the code table). [`Error`]
//! is for misuse only: an unknown kind, input that is not JSON, an invalid option.
//!
//! The core is pure and deterministic: it never reads the clock, the environment or files.
//! The date that age and deadline rules are judged at (`as_of`) is given by the caller, in
//! the [`Context`].
//!
//! ```
//! let report = treem::api::validate("child", r#"{"full_name": "Nguyễn Văn An", "sex": "nam"}"#.as_bytes(),
//!     br#"{"as_of": "2026-11-28"}"#).unwrap();
//! assert!(report.ok);
//! ```

pub mod api;
#[cfg(feature = "case")]
pub mod case;
#[cfg(feature = "child")]
pub mod child;
pub mod code_list;
pub mod context;
#[cfg(feature = "directive")]
pub mod directive;
pub mod document;
mod error;
pub mod fields;
#[cfg(any(feature = "child", feature = "indicators"))]
mod hash;
pub mod i18n;
#[cfg(feature = "indicators")]
pub mod indicator;
pub mod issue_codes;
pub mod json;
pub mod kind;
mod letter_case;
pub mod normalize;
pub mod privacy;
#[cfg(any(feature = "child", feature = "school"))]
pub mod record;
mod registry;
pub mod report;
pub mod row;
#[cfg(feature = "safe-school")]
pub mod safe_school;
// The levels and types are the child record's too; the school record needs `school`.
#[cfg(any(feature = "school", feature = "child"))]
pub mod school;
pub mod sorted_map;
mod sorting;
pub mod stream;
#[cfg(feature = "directive")]
pub mod task_report;
pub mod vn;

pub use context::{Context, Edition, Holidays, NamedDay};
pub use error::Error;
pub use i18n::Lang;
pub use kind::Kind;
pub use report::{Issue, Report, Severity};

/// The library version (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
