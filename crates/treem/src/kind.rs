//! The document kinds and what each one can do.
//!
//! A kind is a [`KindDef`] in the registry: its name, labels, and the functions that validate,
//! normalise and describe it. Domain modules implement [`Document`] for their draft type and
//! register `kind_def::<TheirDraft>(...)`; nothing else needs to change to add a kind.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::context::Context;
use crate::normalize::{ChangeLog, Normalized};
use crate::report::{IssueSink, Report};
use crate::{Error, Lang};

/// A lenient draft of one kind of record: what a domain module implements.
pub trait Document: DeserializeOwned + Serialize + JsonSchema {
    /// Runs every rule of the kind, raising issues into `sink`.
    fn check(&self, ctx: &Context, sink: &mut IssueSink);

    /// Rewrites the draft into canonical form, logging each rewrite. Values that cannot be
    /// cleaned stay as they are; nothing is dropped.
    fn normalize(&mut self, ctx: &Context, log: &mut ChangeLog);
}

/// The definition of a kind, as registered.
#[derive(Debug)]
pub struct KindDef {
    name: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
    validate: fn(&serde_json::Value, &Context) -> Result<Report, Error>,
    normalize: fn(&serde_json::Value, &Context) -> Result<Normalized, Error>,
    schema: fn() -> serde_json::Value,
}

/// Builds the definition of the kind whose draft is `D`.
pub const fn kind_def<D: Document>(
    name: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
) -> KindDef {
    KindDef {
        name,
        label_vi,
        label_en,
        validate: validate_doc::<D>,
        normalize: normalize_doc::<D>,
        schema: schema_doc::<D>,
    }
}

fn validate_doc<D: Document>(record: &serde_json::Value, ctx: &Context) -> Result<Report, Error> {
    let draft: D = draft_of(record)?;
    let mut sink = IssueSink::new(ctx.lang);
    draft.check(ctx, &mut sink);
    Ok(sink.finish())
}

fn normalize_doc<D: Document>(
    record: &serde_json::Value,
    ctx: &Context,
) -> Result<Normalized, Error> {
    let mut draft: D = draft_of(record)?;
    let mut log = ChangeLog::new(ctx.lang);
    draft.normalize(ctx, &mut log);
    let mut sink = IssueSink::new(ctx.lang);
    draft.check(ctx, &mut sink);
    let record = serde_json::to_value(&draft).map_err(|e| Error::not_json(&e))?;
    Ok(Normalized {
        record,
        changes: log.into_changes(),
        report: sink.finish(),
    })
}

fn schema_doc<D: Document>() -> serde_json::Value {
    schemars::schema_for!(D).to_value()
}

/// A kind of record the library validates (`child`, ...): a handle to its registered
/// definition, cheap to copy.
#[derive(Clone, Copy)]
pub struct Kind(&'static KindDef);

impl Kind {
    /// Every kind, in registry order.
    pub fn all() -> impl Iterator<Item = Kind> {
        crate::registry::KINDS.iter().map(Kind)
    }

    /// The names of every kind.
    pub fn names() -> Vec<&'static str> {
        Kind::all().map(Kind::name).collect()
    }

    /// The name used in the API (`child`, ...).
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// A short label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.0.label_vi,
            Lang::En => self.0.label_en,
        }
    }

    /// Validates a parsed record of this kind.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    pub fn validate(self, record: &serde_json::Value, ctx: &Context) -> Result<Report, Error> {
        (self.0.validate)(record, ctx)
    }

    /// Rewrites a record into canonical form and validates the result.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    pub fn normalize(self, record: &serde_json::Value, ctx: &Context) -> Result<Normalized, Error> {
        (self.0.normalize)(record, ctx)
    }

    /// The JSON Schema (draft 2020-12) of the lenient input form of this kind.
    pub fn schema(self) -> serde_json::Value {
        (self.0.schema)()
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Kind {}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.0.name)
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
        Kind::all()
            .find(|k| k.name() == name.trim())
            .ok_or_else(|| Error::unknown_kind(name, &Kind::names()))
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
