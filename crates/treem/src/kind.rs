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
pub trait Document: DeserializeOwned + crate::json::FromValue + Serialize + JsonSchema {
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
    validate_json: fn(&[u8], &Context) -> Result<Report, Error>,
    normalize: fn(&serde_json::Value, &Context) -> Result<Normalized, Error>,
    #[cfg(feature = "live-schemas")]
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
        validate_json: validate_json_doc::<D>,
        normalize: normalize_doc::<D>,
        #[cfg(feature = "live-schemas")]
        schema: schema_doc::<D>,
    }
}

fn validate_doc<D: Document>(record: &serde_json::Value, ctx: &Context) -> Result<Report, Error> {
    let draft: D = draft_of(record)?;
    let mut sink = IssueSink::new(ctx.lang);
    draft.check(ctx, &mut sink);
    Ok(sink.finish())
}

/// Reads the draft straight from the JSON bytes, skipping the intermediate
/// `serde_json::Value` (about a fifth of the time of a small record). Whenever that read
/// fails — not JSON, not an object, a duplicate member (where the value path keeps the last
/// one) — the value path decides, so the answer is always exactly [`validate_doc`]'s.
fn validate_json_doc<D: Document>(input: &[u8], ctx: &Context) -> Result<Report, Error> {
    // Only an object can be a record: anything else takes the value path, which says so
    // (a draft type that accepts any JSON, like a caller's criteria set, would not).
    // In WebAssembly the value path alone: reading bytes straight into every draft type
    // instantiates the whole JSON reader once per type, about 100 KB of code in the package,
    // for a gain that a browser validating one form at a time does not need.
    let starts_as_object = input.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !starts_as_object || cfg!(target_arch = "wasm32") {
        return validate_doc::<D>(&crate::json::parse_bytes(input)?, ctx);
    }
    // UTF-8 checked once for the whole record: serde_json checks each string of a byte slice
    // on its own, which cost more than this one pass. Invalid UTF-8 goes to the value path,
    // which reports where.
    let Ok(text) = utf8(input) else {
        return validate_doc::<D>(&crate::json::parse_bytes(input)?, ctx);
    };
    match serde_json::from_str::<D>(text) {
        Ok(draft) => {
            let mut sink = IssueSink::new(ctx.lang);
            draft.check(ctx, &mut sink);
            Ok(sink.finish())
        }
        Err(_) => validate_doc::<D>(&crate::json::parse_bytes(input)?, ctx),
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

    /// Validates a record given as JSON bytes: the same answer as parsing the bytes and
    /// calling [`Kind::validate`], faster (no intermediate `serde_json::Value`).
    ///
    /// # Errors
    /// An error that `is_not_json()` when `input` is not UTF-8 JSON, and one that
    /// `is_wrong_top_level_type()` when it is not an object.
    pub fn validate_json(self, input: &[u8], ctx: &Context) -> Result<Report, Error> {
        (self.0.validate_json)(input, ctx)
    }

    /// Rewrites a record into canonical form and validates the result.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    pub fn normalize(self, record: &serde_json::Value, ctx: &Context) -> Result<Normalized, Error> {
        (self.0.normalize)(record, ctx)
    }

    /// The JSON Schema (draft 2020-12) of the lenient input form of this kind.
    ///
    /// With the feature `live-schemas` (default) `schemars` derives it from the draft type;
    /// without it (the WebAssembly package, where that code would be about a sixth of the
    /// module) it is the committed text `data/schemas/<kind>.json`, the same value: the test
    /// `tests/schemas.rs` fails when a committed file is stale.
    pub fn schema(self) -> serde_json::Value {
        #[cfg(feature = "live-schemas")]
        return (self.0.schema)();
        #[cfg(not(feature = "live-schemas"))]
        return committed_schema(self.0.name).unwrap_or(serde_json::Value::Null);
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

/// The committed JSON Schema of the kind `name` (`data/schemas/<name>.json`), if any.
#[cfg(any(test, not(feature = "live-schemas")))]
pub(crate) fn committed_schema(name: &str) -> Option<serde_json::Value> {
    let (_, text) = crate::registry::SCHEMAS
        .iter()
        .find(|(kind, _)| *kind == name)?;
    serde_json::from_str(text).ok()
}

/// Reads the lenient draft of a record ([`crate::json::FromValue`]); only a non-object top
/// level is an error, since every field of a draft accepts any JSON value.
pub(crate) fn draft_of<D: crate::json::FromValue>(record: &serde_json::Value) -> Result<D, Error> {
    match record {
        // Drafts accept anything inside an object, so `None` would be a bug in a draft type;
        // that is still reported as an error value, never a panic.
        serde_json::Value::Object(_) => {
            D::from_value(record).ok_or_else(|| Error::wrong_top_level("object", record))
        }
        _ => Err(Error::wrong_top_level("object", record)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every kind has a committed schema that reads as a JSON Schema object, whatever the
    /// features (`tests/schemas.rs` checks that it equals the derived one).
    #[test]
    fn every_kind_has_a_committed_schema() {
        for kind in Kind::all() {
            let schema = committed_schema(kind.name());
            assert!(
                schema.as_ref().is_some_and(|s| s.get("$schema").is_some()),
                "no committed schema for {kind}"
            );
        }
        assert_eq!(crate::registry::SCHEMAS.len(), Kind::all().count());
    }

    /// The fast path answers exactly as the value path, including where it falls back.
    #[test]
    fn validate_json_equals_validate() {
        let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        let inputs: &[&[u8]] = &[
            b"{}",
            br#"{"full_name": "  An ", "date_of_birth": "31/2/2016", "sex": "x"}"#,
            br#"{"full_name": 12, "date_of_birth": null, "sex": ["nam"], "extra": {"a": [1, 2.5]}}"#,
            br#"{"sex": "nam", "sex": "x"}"#,
            br#"{"date_of_birth": "2030-01-01", "z": 1, "a": "b"}"#,
            b"[1]",
            b"3",
            b"{\"full_name\": \"\xff\"}",
            b"{\"a\": ",
            b"{} x",
            br#"{"residence": "Hai Phong", "guardians": {"full_name": "An"}, "schooling": [1]}"#,
            br#"{"residence": {"province_code": 31, "x": [1]}, "guardians": [1, "a", [2], null, {"phone": true}]}"#,
            br#"{"guardians": [{"full_name": "An", "full_name": "Binh"}], "disability": {"types": "x"}}"#,
            br#"{"residence": {"edition": "2025", "edition": "2024"}, "social_assistance": null}"#,
            br#"{"special_circumstances": [{"group": "a", "sub_category": "2"}, {}], "schooling": {"grade": 2.5}}"#,
        ];
        for kind in Kind::all() {
            for input in inputs {
                let fast = kind.validate_json(input, &ctx);
                let slow = crate::json::parse_bytes(input).and_then(|v| kind.validate(&v, &ctx));
                match (fast, slow) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(input)),
                    (Err(a), Err(b)) => assert_eq!(a.to_json(), b.to_json()),
                    (a, b) => unreachable!("{a:?} vs {b:?}"),
                }
            }
        }
    }

    /// Any JSON value, nested a few levels, with the member names drafts know, so that every
    /// member and nested draft of every kind meets values of every type (and duplicates).
    fn any_json() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let names = prop::sample::select(vec![
            "full_name",
            "date_of_birth",
            "sex",
            "residence",
            "guardians",
            "schooling",
            "disability",
            "types",
            "special_circumstances",
            "social_assistance",
            "phone",
            "province_code",
            "commune_code",
            "edition",
            "grade",
            "group",
            "level",
            "id",
            "x",
        ]);
        let leaf = prop_oneof![
            Just("null".to_owned()),
            any::<bool>().prop_map(|b| b.to_string()),
            (-3i64..30).prop_map(|n| n.to_string()),
            Just("2.5".to_owned()),
            prop::sample::select(vec!["\"nam\"", "\"31\"", "\"2025\"", "\"An\"", "\"\""])
                .prop_map(str::to_owned),
        ];
        leaf.prop_recursive(3, 24, 4, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                prop::collection::vec((names.clone(), inner), 0..5).prop_map(|members| {
                    let members: Vec<String> = members
                        .iter()
                        .map(|(k, v)| format!("\"{k}\":{v}"))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        /// The byte path (drafts read straight from JSON, nested drafts included) gives the
        /// value path's answer for any input.
        #[test]
        fn byte_path_equals_value_path(input in any_json()) {
            let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
            for kind in Kind::all() {
                let fast = kind.validate_json(input.as_bytes(), &ctx);
                let slow = crate::json::parse_bytes(input.as_bytes())
                    .and_then(|v| kind.validate(&v, &ctx));
                match (fast, slow) {
                    (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b, "{}", input),
                    (Err(a), Err(b)) => proptest::prop_assert_eq!(a.to_json(), b.to_json()),
                    (a, b) => proptest::prop_assert!(false, "{:?} vs {:?}", a, b),
                }
            }
        }
    }
}
