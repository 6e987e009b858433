//! The JSON entry points every binding calls: bytes in, values out.
//!
//! Bindings only marshal: the C ABI, the WebAssembly package and the CLI call these
//! functions and print their results, so every platform answers the same input alike.

use crate::context::Context;
use crate::normalize::Normalized;
use crate::registry::{CATALOGS, PARSERS};
use crate::report::{IssueSink, Report};
use crate::{Error, Kind};

/// Validates one record of `kind` given as JSON bytes.
///
/// # Errors
/// `is_unknown_kind()` for an unknown kind; `is_not_json()` when `input` or `options` is not
/// UTF-8 JSON; `is_wrong_top_level_type()` when the record is not an object;
/// `is_invalid_option()` for a bad option. Invalid data is never an error: it is the report.
///
/// # Example
/// ```
/// let report = treem::api::validate("child", br#"{"date_of_birth": "31/2/2020"}"#, b"{}").unwrap();
/// assert!(!report.ok);
/// assert_eq!(report.issues[0].path, "/date_of_birth");
/// ```
pub fn validate(kind: &str, input: &[u8], options: &[u8]) -> Result<Report, Error> {
    let kind: Kind = kind.parse()?;
    let ctx = Context::from_options_json(options)?;
    kind.validate_json(input, &ctx)
}

/// Validates many records at once: a JSON array, or NDJSON (one record per line, blank lines
/// skipped). One report per record, in input order; an element that is not an object, or an
/// NDJSON line that is not JSON, gets a report with the error instead of stopping the batch.
///
/// # Errors
/// As [`validate`], except that a bad record is reported in its place.
pub fn validate_many(kind: &str, input: &[u8], options: &[u8]) -> Result<Vec<Report>, Error> {
    let kind: Kind = kind.parse()?;
    let ctx = Context::from_options_json(options)?;
    let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::not_json(&e))?;
        let serde_json::Value::Array(items) = value else {
            return Err(Error::wrong_top_level("array", &value));
        };
        return Ok(items
            .iter()
            .map(|item| validate_or_report(kind, item, &ctx))
            .collect());
    }
    Ok(text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(
            |line| match serde_json::from_str::<serde_json::Value>(line) {
                Ok(item) => validate_or_report(kind, &item, &ctx),
                Err(e) => not_json_report(&e, &ctx),
            },
        )
        .collect())
}

fn validate_or_report(kind: Kind, item: &serde_json::Value, ctx: &Context) -> Report {
    match kind.validate(item, ctx) {
        Ok(report) => report,
        Err(_) => {
            let mut sink = IssueSink::new(ctx.lang);
            sink.push(
                &crate::fields::RECORD_NOT_OBJECT,
                &crate::report::Location::root(),
                [("found", crate::json::type_name(item).into())],
            );
            sink.finish()
        }
    }
}

fn not_json_report(err: &serde_json::Error, ctx: &Context) -> Report {
    let mut sink = IssueSink::new(ctx.lang);
    sink.push(
        &crate::fields::RECORD_NOT_OBJECT,
        &crate::report::Location::root(),
        [(
            "found",
            format!("invalid JSON (column {})", err.column()).into(),
        )],
    );
    sink.finish()
}

/// Rewrites one record into canonical form and validates the result.
///
/// # Errors
/// As [`validate`].
pub fn normalize(kind: &str, input: &[u8], options: &[u8]) -> Result<Normalized, Error> {
    let kind: Kind = kind.parse()?;
    let ctx = Context::from_options_json(options)?;
    let record = crate::json::parse_bytes(input)?;
    kind.normalize(&record, &ctx)
}

/// The JSON Schema (draft 2020-12) of the lenient input form of `kind`.
///
/// # Errors
/// `is_unknown_kind()` for an unknown kind.
pub fn schema(kind: &str) -> Result<serde_json::Value, Error> {
    Ok(kind.parse::<Kind>()?.schema())
}

/// Parses one primitive (`date`, ...) from text: `{"ok": true, "value": ...}` or
/// `{"ok": false, "issues": [...]}`.
///
/// # Errors
/// `is_unknown_name()` for an unknown parser; `is_not_json()` / `is_invalid_option()` for bad
/// options.
///
/// # Example
/// ```
/// let v = treem::api::parse("date", "13/8/2024", b"").unwrap();
/// assert_eq!(v["value"]["date"], "2024-08-13");
/// ```
pub fn parse(what: &str, text: &str, options: &[u8]) -> Result<serde_json::Value, Error> {
    let parser = PARSERS
        .iter()
        .find(|p| p.name == what.trim())
        .ok_or_else(|| Error::unknown_name("parser", what, &parser_names()))?;
    let ctx = Context::from_options_json(options)?;
    let mut sink = IssueSink::new(ctx.lang);
    let value = (parser.parse)(text, &ctx, &mut sink);
    let report = sink.finish();
    Ok(match value {
        Some(value) if report.ok => {
            // Warnings (if any) ride along with an accepted value.
            let mut out = serde_json::Map::new();
            out.insert("ok".into(), true.into());
            out.insert("value".into(), value);
            if !report.issues.is_empty() {
                out.insert(
                    "issues".into(),
                    serde_json::to_value(&report.issues).unwrap_or_default(),
                );
            }
            serde_json::Value::Object(out)
        }
        _ => serde_json::json!({"ok": false, "issues": report.issues}),
    })
}

/// The names of every parser.
pub fn parser_names() -> Vec<&'static str> {
    PARSERS.iter().map(|p| p.name).collect()
}

/// The names of every catalog.
pub fn catalog_names() -> Vec<&'static str> {
    CATALOGS.iter().map(|c| c.name).collect()
}

/// A catalog for select boxes: `{"name", "source", "lang", "items": [{code, label, ...}]}`.
///
/// # Errors
/// `is_unknown_name()` for an unknown catalog; `is_not_json()` / `is_invalid_option()` for bad
/// options.
pub fn catalog(name: &str, options: &[u8]) -> Result<serde_json::Value, Error> {
    let def = CATALOGS
        .iter()
        .find(|c| c.name == name.trim())
        .ok_or_else(|| Error::unknown_name("catalog", name, &catalog_names()))?;
    let ctx = Context::from_options_json(options)?;
    Ok(serde_json::json!({
        "name": def.name,
        "source": def.source,
        "lang": ctx.lang.as_str(),
        "items": (def.build)(&ctx),
    }))
}

/// The library version and the editions of its data.
pub fn version() -> serde_json::Value {
    serde_json::json!({
        "name": "treem",
        "version": crate::VERSION,
        "kinds": Kind::names(),
        "geography_editions": ["2024", "2025"],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misuse_is_an_error_value() {
        assert!(validate("nope", b"{}", b"").unwrap_err().is_unknown_kind());
        assert!(validate("child", b"{", b"").unwrap_err().is_not_json());
        assert!(validate("child", b"[]", b"")
            .unwrap_err()
            .is_wrong_top_level_type());
        assert!(validate("child", b"{}", b"{\"lang\":1}")
            .unwrap_err()
            .is_invalid_option());
        assert!(parse("nope", "x", b"").unwrap_err().is_unknown_name());
        assert!(catalog("nope", b"").unwrap_err().is_unknown_name());
        assert!(schema("nope").unwrap_err().is_unknown_kind());
    }

    #[test]
    fn batch_keeps_every_record() {
        let reports =
            validate_many("child", b"{}\n\nnot json\n[1]\n{\"sex\":\"x\"}\n", b"").unwrap();
        assert_eq!(reports.len(), 4);
        assert!(reports[0].ok);
        assert!(reports[1].has_code("record.not_object"));
        assert!(reports[2].has_code("record.not_object"));
        assert!(reports[3].has_code("child.sex_unknown"));
        let reports = validate_many("child", b"[{}, 3]", b"").unwrap();
        assert_eq!(reports.len(), 2);
        assert!(!reports[1].ok);
    }

    #[test]
    fn every_catalog_builds() {
        for name in catalog_names() {
            let c = catalog(name, b"{\"lang\":\"en\"}").unwrap();
            assert!(!c["items"].as_array().unwrap().is_empty(), "{name}");
        }
    }
}
