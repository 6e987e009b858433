//! The document kinds and what each one can do.

use std::fmt;
use std::str::FromStr;

use serde::de::DeserializeOwned;

use crate::context::Context;
use crate::normalize::{ChangeLog, Normalized};
use crate::report::{IssueSink, Report};
use crate::Error;

/// A kind of record the library validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A child (`child`): identity, residence, family, schooling, circumstances.
    Child,
}

impl Kind {
    /// Every kind, in documentation order.
    pub const ALL: &'static [Kind] = &[Kind::Child];

    /// The name used in the API (`child`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Child => "child",
        }
    }

    /// A one-line description in `lang`.
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Kind::Child, crate::Lang::Vi) => "Hồ sơ trẻ em",
            (Kind::Child, crate::Lang::En) => "Child record",
        }
    }

    /// Validates a parsed record of this kind.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    pub fn validate(self, record: &serde_json::Value, ctx: &Context) -> Result<Report, Error> {
        let mut sink = IssueSink::new(ctx.lang);
        match self {
            Kind::Child => crate::child::check(&draft_of(record)?, ctx, &mut sink),
        }
        Ok(sink.finish())
    }

    /// Rewrites a record into canonical form and validates the result.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    pub fn normalize(self, record: &serde_json::Value, ctx: &Context) -> Result<Normalized, Error> {
        let mut log = ChangeLog::new(ctx.lang);
        let mut sink = IssueSink::new(ctx.lang);
        let record = match self {
            Kind::Child => {
                let mut draft: crate::child::ChildDraft = draft_of(record)?;
                crate::child::normalize(&mut draft, &mut log);
                crate::child::check(&draft, ctx, &mut sink);
                to_value(&draft)?
            }
        };
        Ok(Normalized {
            record,
            changes: log.into_changes(),
            report: sink.finish(),
        })
    }

    /// The JSON Schema (draft 2020-12) of the lenient input form of this kind.
    pub fn schema(self) -> serde_json::Value {
        let schema = match self {
            Kind::Child => schemars::schema_for!(crate::child::ChildDraft),
        };
        schema.to_value()
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = Error;

    fn from_str(name: &str) -> Result<Kind, Error> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.name() == name.trim())
            .ok_or_else(|| {
                Error::unknown_kind(
                    name,
                    &Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>(),
                )
            })
    }
}

/// Reads the lenient draft of a record; only a non-object top level is an error, since every
/// field of a draft accepts any JSON value.
pub(crate) fn draft_of<D: DeserializeOwned>(record: &serde_json::Value) -> Result<D, Error> {
    if !record.is_object() {
        return Err(Error::wrong_top_level("object", record));
    }
    // Drafts accept anything inside an object, so this only fails on a bug in a draft type;
    // that is still reported as an error value, never a panic.
    D::deserialize(record).map_err(|e| Error::not_json(&e))
}

fn to_value<T: serde::Serialize>(draft: &T) -> Result<serde_json::Value, Error> {
    serde_json::to_value(draft).map_err(|e| Error::not_json(&e))
}
