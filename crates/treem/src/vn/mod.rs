//! Vietnamese primitives: the typed values every record is built from.
//!
//! Each primitive has a `parse` that returns the value or raises issues at a location, and is
//! reachable through the `parse` entry point ([`crate::api::parse`]).

pub mod admin;
pub mod date;
