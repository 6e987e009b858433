//! What a domain module gives the registry for one kind of record: a [`Document`] (the
//! kind's lenient draft, its rules and its normaliser) and the [`KindDef`] built from it.
//!
//! This sits below the domains and knows none of them; `registry.rs` is the one file that
//! lists every kind, and [`crate::kind::Kind`], the public handle, reads the list there.
//! Domain modules implement [`Document`] for their draft type and register
//! `kind_def::<TheirDraft>(...)`; nothing else needs to change to add a kind.

use schemars::JsonSchema;
use serde::Serialize;

use crate::context::Context;
use crate::normalize::{ChangeLog, Normalized};
use crate::report::{IssueSink, Report};
use crate::Error;

/// A lenient draft of one kind of record: what a domain module implements.
pub(crate) trait Document:
    crate::json::FromValue + crate::json::text::ReadText + Serialize + JsonSchema
{
    /// Runs every rule of the kind, raising issues into `sink`.
    fn check(&self, ctx: &Context, sink: &mut IssueSink);

    /// Rewrites the draft into canonical form, logging each rewrite. Values that cannot be
    /// cleaned stay as they are; nothing is dropped.
    fn normalize(&mut self, ctx: &Context, log: &mut ChangeLog);
}

/// The definition of a kind, as registered.
#[derive(Debug)]
pub(crate) struct KindDef {
    pub(crate) name: &'static str,
    pub(crate) label_vi: &'static str,
    pub(crate) label_en: &'static str,
    // The parsed record is taken (its texts move into the draft); `Kind`'s public methods
    // that borrow a record hand over a copy.
    pub(crate) validate: fn(serde_json::Value, &Context) -> Result<Report, Error>,
    pub(crate) validate_json: fn(&[u8], &Context) -> Result<Report, Error>,
    pub(crate) normalize: fn(serde_json::Value, &Context) -> Result<Normalized, Error>,
    pub(crate) normalize_json: fn(&[u8], &Context, Answer) -> Result<Normalized, Error>,
    #[cfg(feature = "live-schemas")]
    pub(crate) schema: fn() -> serde_json::Value,
}

/// Builds the definition of the kind whose draft is `D`.
pub(crate) const fn kind_def<D: Document>(
    name: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
) -> KindDef {
    KindDef {
        name,
        label_vi,
        label_en,
        validate: validate_doc::<D>,
        validate_json: validate_json_doc::<D>,
        normalize: normalize_doc::<D>,
        normalize_json: normalize_json_doc::<D>,
        #[cfg(feature = "live-schemas")]
        schema: schema_doc::<D>,
    }
}

fn validate_doc<D: Document>(record: serde_json::Value, ctx: &Context) -> Result<Report, Error> {
    Ok(report_of(&draft_of::<D>(record)?, ctx))
}

/// The report of every rule of the kind on `draft`.
fn report_of<D: Document>(draft: &D, ctx: &Context) -> Report {
    let mut sink = IssueSink::new(ctx.lang);
    draft.check(ctx, &mut sink);
    sink.finish()
}

/// Reads the draft straight from the JSON bytes with treem's own reader (json/text.rs),
/// with no `serde_json::Value` in between (parsing into one, reading the draft from it and
/// freeing it were half a record's validation in WebAssembly; natively the reader is as fast
/// as serde's readers from text, which were instantiated per draft type).
fn validate_json_doc<D: Document>(input: &[u8], ctx: &Context) -> Result<Report, Error> {
    Ok(report_of(&draft_of_json::<D>(input)?, ctx))
}

/// The draft of a record given as JSON bytes, read by treem's own reader; the value path
/// answers only what that reader stops on: JSON that is not an object, or not JSON at all
/// (the error says where, and invalid UTF-8 at which byte).
pub(crate) fn draft_of_json<D: crate::json::text::ReadText + crate::json::FromValue>(
    input: &[u8],
) -> Result<D, Error> {
    let read = utf8(input)
        .ok()
        .and_then(|text| crate::json::text::read(text).ok());
    match read {
        Some(draft) => Ok(draft),
        None => draft_of(crate::json::parse_bytes(input)?),
    }
}

/// `std::str::from_utf8`, by SIMD where the CPU has it (the answer is the same; only the
/// speed differs). The value path keeps std's check, whose error gives the offset.
#[cfg(not(target_arch = "wasm32"))]
fn utf8(input: &[u8]) -> Result<&str, simdutf8::basic::Utf8Error> {
    simdutf8::basic::from_utf8(input)
}

#[cfg(target_arch = "wasm32")]
fn utf8(input: &[u8]) -> Result<&str, std::str::Utf8Error> {
    std::str::from_utf8(input)
}

fn normalize_doc<D: Document>(
    record: serde_json::Value,
    ctx: &Context,
) -> Result<Normalized, Error> {
    normalize_draft(draft_of::<D>(record)?, ctx, Answer::Record)
}

fn normalize_json_doc<D: Document>(
    input: &[u8],
    ctx: &Context,
    answer: Answer,
) -> Result<Normalized, Error> {
    normalize_draft(draft_of_json::<D>(input)?, ctx, answer)
}

/// Which record a normalisation answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    /// The normalised record, always.
    Record,
    /// The normalised record only when the report has no error, else `null`: a form that
    /// shows the issues has no use for it (Standard Schema's `validate` answers issues or a
    /// value), and writing it, crossing it into JavaScript and reading it back there was
    /// about half the time of such a validation.
    RecordWhenValid,
}

fn normalize_draft<D: Document>(
    mut draft: D,
    ctx: &Context,
    answer: Answer,
) -> Result<Normalized, Error> {
    let mut log = ChangeLog::new(ctx.lang);
    draft.normalize(ctx, &mut log);
    let report = report_of(&draft, ctx);
    let record = if answer == Answer::RecordWhenValid && !report.ok {
        serde_json::Value::Null
    } else {
        serde_json::to_value(&draft).map_err(|e| Error::not_json(&e))?
    };
    Ok(Normalized {
        record,
        changes: log.into_changes(),
        report,
    })
}

#[cfg(feature = "live-schemas")]
fn schema_doc<D: Document>() -> serde_json::Value {
    let mut schema = schemars::schema_for!(D).to_value();
    standard_integer_formats(&mut schema);
    schema
}

/// Takes out the integer formats schemars writes (`int64`, `uint32`, ...), which are
/// OpenAPI's and not JSON Schema's (ajv 8 with its default options refuses a schema with an
/// unknown format), and says what they meant with `minimum`/`maximum` where a JSON number can
/// hold the bound (unsigned: at least 0; 8-, 16- and 32-bit: both bounds). The drafts are
/// lenient anyway: a value out of range is read and reported by the rules.
#[cfg(feature = "live-schemas")]
fn standard_integer_formats(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            let bounds: Option<(Option<i64>, Option<i64>)> =
                match map.get("format").and_then(serde_json::Value::as_str) {
                    Some("int8") => Some((Some(i64::from(i8::MIN)), Some(i64::from(i8::MAX)))),
                    Some("int16") => Some((Some(i64::from(i16::MIN)), Some(i64::from(i16::MAX)))),
                    Some("int32") => Some((Some(i64::from(i32::MIN)), Some(i64::from(i32::MAX)))),
                    Some("int64") => Some((None, None)),
                    Some("uint8") => Some((Some(0), Some(i64::from(u8::MAX)))),
                    Some("uint16") => Some((Some(0), Some(i64::from(u16::MAX)))),
                    Some("uint32") => Some((Some(0), Some(i64::from(u32::MAX)))),
                    Some("uint" | "uint64") => Some((Some(0), None)),
                    _ => None,
                };
            if let Some((min, max)) = bounds {
                map.remove("format");
                if let Some(min) = min {
                    map.entry("minimum").or_insert(min.into());
                }
                if let Some(max) = max {
                    map.entry("maximum").or_insert(max.into());
                }
            }
            for member in map.values_mut() {
                standard_integer_formats(member);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(standard_integer_formats),
        _ => {}
    }
}

/// Reads the lenient draft of a record ([`crate::json::FromValue`]), taking the value (its
/// texts move into the draft); only a non-object top level is an error, since every field of
/// a draft accepts any JSON value.
pub(crate) fn draft_of<D: crate::json::FromValue>(record: serde_json::Value) -> Result<D, Error> {
    match record {
        // Drafts accept anything inside an object, so an error here would be a bug in a
        // draft type; that is still reported as an error value, never a panic.
        serde_json::Value::Object(_) => {
            D::from_value(record).map_err(|record| Error::wrong_top_level("object", &record))
        }
        _ => Err(Error::wrong_top_level("object", &record)),
    }
}
