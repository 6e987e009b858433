//! Vietnamese primitives: the typed values every record is built from.
//!
//! Each primitive has a `parse(text, &Location, &mut IssueSink) -> Option<T>` that returns
//! the value or raises issues at a location, and is reachable through the `parse` entry point
//! ([`crate::api::parse`]). Each module's docs name its legal source.

pub mod admin;
pub mod date;
// Document numbers are the directive domain's (its documents and the tasks' reports cite
// them); a form's module without it leaves them out (4-5 KB gzipped of every such module).
#[cfg(feature = "directive")]
pub mod document_number;
pub mod ethnic;
pub mod letters;
pub mod name;
pub mod personal_id;
pub mod phone;
pub mod sex;
