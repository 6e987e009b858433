//! The JSON entry points every binding calls: bytes in, values out.
//!
//! Bindings only marshal: the C ABI, the WebAssembly package and the CLI call these
//! functions and print their results, so every platform answers the same input alike.

use crate::context::Context;
use crate::normalize::Normalized;
use crate::registry::{CATALOGS, PARSERS};
use crate::report::{IssueSink, Report};
use crate::{Error, Kind, Validator};

/// Validates one record of `kind` given as JSON bytes.
///
/// # Errors
/// `is_unknown_kind()` for an unknown kind; `is_not_json()` when `input` or `options` is not
/// UTF-8 JSON; `is_wrong_top_level_type()` when the record is not an object;
/// `is_invalid_option()` for a bad option; `is_record_too_large()` when `input` is longer
/// than the option `max_record_bytes` (default 1 MiB): refused before it is parsed.
/// Invalid data is never an error: it is the report.
///
/// # Examples
/// ```
/// let report = treem::api::validate("child", br#"{"date_of_birth": "31/2/2020"}"#, b"{}").unwrap();
/// assert!(!report.ok);
/// assert_eq!(report.issues[0].path, "/date_of_birth");
/// ```
pub fn validate(kind: &str, input: &[u8], options: &[u8]) -> Result<Report, Error> {
    let kind: Kind = kind.parse()?;
    Validator::from_options_json(options)?.validate_bytes(kind, input)
}

/// Validates many records at once: a JSON array, or NDJSON (one record per line, blank lines
/// skipped). One report per record, in input order; an element that is not an object, an
/// NDJSON line that is not JSON, or a record longer than the option `max_record_bytes`
/// (default 1 MiB; issue `record.too_large`, the record is not parsed) gets a report with
/// the issue instead of stopping the batch. The batch is read record by record
/// ([`Validator::validate_batch`]); bindings that answer JSON text write each report as it
/// comes, without holding them either.
///
/// # Errors
/// As [`validate`], except that a bad or oversized record is reported in its place; an
/// array that is not JSON is an error that `is_not_json()`.
///
/// # Examples
/// ```
/// let reports = treem::api::validate_many("child", b"{}\nnot json\n", b"")?;
/// assert_eq!(reports.len(), 2);
/// assert!(reports[1].has_code(treem::codes::record::NOT_OBJECT));
/// # Ok::<(), treem::Error>(())
/// ```
pub fn validate_many(kind: &str, input: &[u8], options: &[u8]) -> Result<Vec<Report>, Error> {
    let kind: Kind = kind.parse()?;
    let mut reports = Vec::new();
    Validator::from_options_json(options)?.validate_batch(kind, input, |r| reports.push(r))?;
    Ok(reports)
}

/// Rewrites one record into canonical form and validates the result.
///
/// # Errors
/// As [`validate`] (a record longer than `max_record_bytes` is refused unparsed).
///
/// # Examples
/// ```
/// let out = treem::api::normalize("child", br#"{"date_of_birth": "13/8/2016"}"#, b"")?;
/// assert_eq!(out.record["date_of_birth"], "2016-08-13");
/// # Ok::<(), treem::Error>(())
/// ```
pub fn normalize(kind: &str, input: &[u8], options: &[u8]) -> Result<Normalized, Error> {
    let kind: Kind = kind.parse()?;
    Validator::from_options_json(options)?.normalize_bytes(kind, input)
}

/// The JSON Schema (draft 2020-12) of the lenient input form of `kind`.
///
/// # Errors
/// `is_unknown_kind()` for an unknown kind.
///
/// # Examples
/// ```
/// let schema = treem::api::schema("child")?;
/// assert!(schema["properties"]["date_of_birth"].is_object());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn schema(kind: &str) -> Result<serde_json::Value, Error> {
    Ok(kind.parse::<Kind>()?.schema())
}

/// Parses one primitive (`date`, `personal_id`, `phone`, `name`, `ethnic_group`,
/// `document_number`; see [`parser_names`]) from text: `{"ok": true, "value": ...}` or
/// `{"ok": false, "issues": [...]}`. A build without every domain holds the parsers of its
/// domains' records only (`personal_id`, `phone`, `name` and `ethnic_group` come with
/// `child`, `document_number` with `directive`).
///
/// # Errors
/// `is_unknown_name()` for an unknown parser; `is_not_json()` / `is_invalid_option()` for bad
/// options.
///
/// # Examples
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

#[cfg(feature = "safe-school")]
/// Checks and scores one safe-school self-assessment: `{"report": ..., "score": ...}`
/// (`score` is null when the report has errors).
///
/// # Errors
/// As [`validate`].
///
/// # Examples
/// ```
/// let answer = treem::api::safe_school_assess(b"{}", br#"{"as_of": "2026-11-28"}"#)?;
/// assert_eq!(answer["report"]["ok"], false);
/// assert!(answer["score"].is_null());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn safe_school_assess(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let draft: crate::safe_school::assessment::AssessmentDraft =
        crate::document::draft_of_json(input)?;
    let assessed = crate::safe_school::assessment::assess_draft(&draft, &ctx);
    serde_json::to_value(assessed).map_err(|e| Error::not_json(&e))
}

#[cfg(all(feature = "bulk-operations", feature = "safe-school"))]
/// The roll-up per managing authority of many assessments (a JSON array or NDJSON):
/// `{"partial": ..., "rollup": ...}`. Partials from several calls merge with
/// [`safe_school_rollup_merge`].
///
/// # Errors
/// `is_not_json()` for input that is not UTF-8, or an array that is not JSON;
/// `is_invalid_option()` for a bad option. A line that is not JSON counts as invalid.
///
/// # Examples
/// ```
/// let answer = treem::api::safe_school_rollup(b"[]", b"")?;
/// assert!(answer["partial"].is_object());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn safe_school_rollup(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let mut partial = crate::safe_school::RollupPartial::new();
    for item in crate::json::batch_items(input)? {
        match item {
            Ok(item) => partial.add(&item, &ctx),
            Err(_) => partial.invalid += 1,
        }
    }
    rollup_answer(&partial)
}

#[cfg(all(feature = "bulk-operations", feature = "safe-school"))]
/// Merges partials (a JSON array of the `partial` members of [`safe_school_rollup`]):
/// `{"partial": ..., "rollup": ...}`.
///
/// # Errors
/// `is_not_json()` when the input is not JSON or an element is not a partial;
/// `is_wrong_top_level_type()` when it is not an array.
///
/// # Examples
/// ```
/// let answer = treem::api::safe_school_rollup_merge(b"[]")?;
/// assert!(answer["rollup"].is_object() || answer["rollup"].is_array());
/// assert!(treem::api::safe_school_rollup_merge(b"{}").unwrap_err().is_wrong_top_level_type());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn safe_school_rollup_merge(partials: &[u8]) -> Result<serde_json::Value, Error> {
    let value = crate::json::parse_bytes(partials)?;
    let serde_json::Value::Array(items) = value else {
        return Err(Error::wrong_top_level("array", &value));
    };
    let mut merged = crate::safe_school::RollupPartial::new();
    for item in items {
        let part: crate::safe_school::RollupPartial = crate::json::data::FromJson::from_json(&item)
            .map_err(|e| Error::not_json_detail(e.to_string()))?;
        merged.merge(part);
    }
    rollup_answer(&merged)
}

#[cfg(all(feature = "bulk-operations", feature = "safe-school"))]
fn rollup_answer(partial: &crate::safe_school::RollupPartial) -> Result<serde_json::Value, Error> {
    Ok(serde_json::json!({
        "partial": serde_json::to_value(partial).map_err(|e| Error::not_json(&e))?,
        "rollup": serde_json::to_value(partial.finish()).map_err(|e| Error::not_json(&e))?,
    }))
}

/// The names of every parser.
///
/// # Examples
/// ```
/// assert!(treem::api::parser_names().contains(&"date"));
/// ```
pub fn parser_names() -> Vec<&'static str> {
    PARSERS.iter().map(|p| p.name).collect()
}

/// The names of every catalog.
///
/// # Examples
/// ```
/// assert!(treem::api::catalog_names().contains(&"kinds"));
/// ```
pub fn catalog_names() -> Vec<&'static str> {
    CATALOGS.iter().map(|c| c.name).collect()
}

/// A catalog for select boxes: `{"name", "source", "lang", "items": [{code, label, ...}]}`.
/// The geography catalogs (`provinces`, `districts`, `communes`) also answer `"edition":
/// {code, label, valid_from, valid_to, aliases}`: the `"2024"` edition is the list in force
/// 01/03/2025–30/06/2025 (catalog `editions`).
///
/// # Errors
/// `is_unknown_name()` for an unknown catalog; `is_not_json()` / `is_invalid_option()` for bad
/// options, and for a `province` or `district` option of a geography catalog that names no
/// unit of its level.
///
/// # Examples
/// ```
/// let kinds = treem::api::catalog("kinds", br#"{"lang": "en"}"#)?;
/// assert_eq!(kinds["items"][0]["code"], "child");
/// assert!(treem::api::catalog("nope", b"").unwrap_err().is_unknown_name());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn catalog(name: &str, options: &[u8]) -> Result<serde_json::Value, Error> {
    let def = CATALOGS
        .iter()
        .find(|c| c.name == name.trim())
        .ok_or_else(|| Error::unknown_name("catalog", name, &catalog_names()))?;
    let ctx = Context::from_options_json(options)?;
    let geography = matches!(def.name, "provinces" | "districts" | "communes");
    if geography {
        crate::vn::admin::check_filters(&ctx)?;
    }
    let mut answer = serde_json::json!({
        "name": def.name,
        "source": def.source,
        "lang": ctx.lang.as_str(),
        "items": (def.build)(&ctx),
    });
    if let (true, Some(map)) = (geography, answer.as_object_mut()) {
        // Which list the units are from, named by what it is, with its dates.
        map.insert("edition".into(), ctx.edition().describe(ctx.lang));
    }
    Ok(answer)
}

#[cfg(feature = "case")]
/// The deadline view of a protection case (kind `case`) at the options' `as_of`, with the
/// caller's `days_off` and `holidays`: `{"as_of": "2026-11-28" | null, "steps": [{step, form,
/// source, due, done_at, status, calendar?}]}`, one row per step of Nghị định 56/2017/NĐ-CP,
/// Điều 25–32, and a last row `separation_end`. `status` is `done`, `done_late`, `due`,
/// `overdue`, `waiting`, `pending` or `not_applicable`; `satisfied_by: "temporary_separation"`
/// on the emergency row when the separation decision met its 12 hours (Điều 26 khoản 3: "can
/// thiệp khẩn cấp hoặc tạm thời cách ly"). A working-day row with a due day says which
/// calendar counted it: `calendar` is `announced`, `caller` or `law_only` (a year without an
/// announced schedule or the caller's calendar: the due day may move). Values that do not parse count as absent here; `validate`
/// reports them. How limits are counted: [`crate::case::deadlines`](mod@crate::case::deadlines).
///
/// # Errors
/// `is_not_json()` when `input` or `options` is not UTF-8 JSON; `is_wrong_top_level_type()`
/// when the case is not an object; `is_invalid_option()` for a bad option.
///
/// # Examples
/// ```
/// let view = treem::api::case_deadlines(
///     br#"{"reported_at": "2026-11-27T09:00", "emergency": true}"#,
///     br#"{"as_of": "2026-11-28"}"#).unwrap();
/// let emergency = &view["steps"][2];
/// assert_eq!(emergency["step"], "emergency_intervention");
/// assert_eq!(emergency["due"], "2026-11-27T21:00");
/// assert_eq!(emergency["status"], "overdue");
/// ```
pub fn case_deadlines(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let draft: crate::case::CaseDraft = crate::document::draft_of_json(input)?;
    let steps = crate::case::deadlines(&draft, &ctx);
    Ok(serde_json::json!({
        "as_of": ctx.as_of.map(crate::vn::date::iso::date),
        "steps": steps,
    }))
}

#[cfg(all(feature = "bulk-operations", feature = "child"))]
/// Likely and possible duplicate pairs in a set of child records (a JSON array or NDJSON):
/// `{"pairs": [{"a", "b", "level", "evidence": [{"field", "match"}]}], "records",
/// "unreadable", "comparisons", "capped_blocks"}`, with `a`, `b` the records' indices in the
/// input. The evidence names the members compared and how they matched, never their values.
/// Criteria and blocking: [`crate::child::dedup`]. Nothing is merged.
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8 or an array that is not JSON;
/// `is_invalid_option()` for a bad option.
///
/// # Examples
/// ```
/// let twins = r#"[{"full_name": "Nguyễn Văn An", "date_of_birth": "2016-08-13", "sex": "nam"},
///                 {"full_name": "Nguyen Van An", "date_of_birth": "2016-08-13", "sex": "nam"}]"#;
/// let answer = treem::api::dedup(twins.as_bytes(), b"")?;
/// assert_eq!(answer["records"], 2);
/// assert!(answer["pairs"].is_array());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn dedup(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let answer = crate::child::dedup::run(input, &ctx)?;
    serde_json::to_value(answer).map_err(|e| Error::not_json(&e))
}

#[cfg(feature = "child")]
/// The 2025 unit(s) a child's residence lies in ([`crate::child::residence::successors`]).
/// Input: a child record (its `residence` is read) or a residence object
/// (`{"edition": "2024", "province_code": "31", "district_code": "311", "commune_code":
/// "11311"}`). Output: `{"edition", "province": {code, name} | null, "communes": [{code,
/// name, province_code, relation, note_vi}], "unique"}`; for a 2024 commune split between
/// several new units `communes` lists each candidate and `unique` is false. `null` when the
/// edition cannot be known (no `edition` in the record or the options, no `as_of`).
///
/// # Errors
/// `is_not_json()` for input that is not JSON; `is_wrong_top_level_type()` when it is not an
/// object; `is_invalid_option()` for a bad option.
///
/// # Examples
/// ```
/// let residence = br#"{"edition": "2024", "commune_code": "11311"}"#;
/// let answer = treem::api::residence_successors(residence, b"")?;
/// assert_eq!(answer["edition"], "2024");
/// # Ok::<(), treem::Error>(())
/// ```
pub fn residence_successors(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let record = crate::json::parse_bytes(input)?;
    let residence = match &record {
        serde_json::Value::Object(map) => map.get("residence").unwrap_or(&record),
        other => return Err(Error::wrong_top_level("object", other)),
    };
    let draft: crate::child::ResidenceDraft = crate::document::draft_of(residence.clone())?;
    Ok(crate::child::residence::successors(&draft, &ctx).unwrap_or(serde_json::Value::Null))
}

#[cfg(feature = "indicators")]
/// Computes statistical indicators (TT 13/2021/TT-BLĐTBXH and treem's own) from `input`:
/// a JSON array or NDJSON of items, or one partial. Items are caller values
/// (`{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2024",
/// "numerator": 120, "denominator": 400}`), partials (`{"format":
/// "treem.indicators.partial/1", "cells": [...]}`, merged), or records tagged by kind
/// (`{"kind": "child" | "case" | "safe_school_assessment", "record": {...}}`): each record is
/// checked by its kind's rules, cases are joined to their child by `child_id`, and records
/// with errors are excluded and reported (`indicator.record_invalid`); see
/// [`crate::indicator::feed`] and `docs/indicators.md`. `school` records feed nothing and get
/// `indicator.record_pending`.
///
/// Options: `as_of` (needed by records), `lang`, `edition` (of the cells' provinces),
/// `period` (default: the year of `as_of`), `suppression_threshold` (default 5), `output`
/// (`table` or `partial`), `definitions` (caller definitions, schema `indicator_definition`),
/// `age_groups` (lower bounds of the age groups).
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8 or the options are not JSON;
/// `is_invalid_option()` for a bad option. Bad items are issues in the answer.
///
/// # Examples
/// ```
/// let input = br#"[{"kind": "indicator_value", "indicator": "I:0319", "unit": "31", "period": "2024", "numerator": 1200}]"#;
/// let answer = treem::api::indicators(input, b"{}").unwrap();
/// assert!(answer.ok);
/// let cell = &answer.table.unwrap().cells[0];
/// assert_eq!(cell.value, Some(1200.0));
/// ```
pub fn indicators(input: &[u8], options: &[u8]) -> Result<crate::indicator::Answer, Error> {
    let options = crate::indicator::Options::from_json(options)?;
    crate::indicator::compute(input, &options)
}

#[cfg(all(feature = "bulk-operations", feature = "directive"))]
/// The roll-up partial of many task reports (kind `task_report`, a JSON array or NDJSON):
/// one summary per reporting unit, mergeable with others by [`task_report_table`]. A report
/// with errors is counted under `rejected`, not summed.
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8 or a top-level array is not JSON;
/// `is_invalid_option()` for a bad option.
///
/// # Examples
/// ```
/// let partial = treem::api::task_report_rollup(b"[]", b"")?;
/// assert!(partial.is_object());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn task_report_rollup(input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let ctx = Context::from_options_json(options)?;
    let partial = crate::task_report::rollup_partial(input, &ctx)?;
    serde_json::to_value(partial).map_err(|e| Error::not_json(&e))
}

#[cfg(all(feature = "bulk-operations", feature = "directive"))]
/// Merges task-report partials and publishes the table. Input:
/// `{"partials": [...], "expected": {"<unit code>": "<unit type>", ...}}` (`expected`
/// optional: the units that should have reported, listed in `not_reported` when absent).
///
/// # Errors
/// `is_not_json()` for text that is not JSON; `is_wrong_top_level_type()` when the input is
/// not an object of that shape.
///
/// # Examples
/// ```
/// let table = treem::api::task_report_table(br#"{"partials": []}"#)?;
/// assert!(table.is_object());
/// assert!(treem::api::task_report_table(b"[]").unwrap_err().is_wrong_top_level_type());
/// # Ok::<(), treem::Error>(())
/// ```
pub fn task_report_table(input: &[u8]) -> Result<serde_json::Value, Error> {
    let value = crate::json::parse_bytes(input)?;
    let serde_json::Value::Object(map) = &value else {
        return Err(Error::wrong_top_level(
            "object {partials, expected}",
            &value,
        ));
    };
    let partials = map
        .get("partials")
        .cloned()
        .unwrap_or(serde_json::Value::Array(Vec::new()));
    let expected = map
        .get("expected")
        .cloned()
        .unwrap_or(serde_json::Value::Object(serde_json::Map::new()));
    let table = crate::task_report::rollup_table(
        partials.to_string().as_bytes(),
        expected.to_string().as_bytes(),
    )?;
    serde_json::to_value(table).map_err(|e| Error::not_json(&e))
}

/// Runs a named domain operation (`case_deadlines`, `dedup`, `indicators`, `residence_successors`, `safe_school_assess`,
/// `safe_school_rollup`, `safe_school_rollup_merge`, `task_report_rollup`,
/// `task_report_table`; the list is [`operation_names`]) on JSON input and options. Each
/// has its own function in this module, documented there; this entry point lets every
/// binding carry them all through one call.
///
/// # Errors
/// `is_unknown_name()` for an unknown operation; otherwise as the operation.
///
/// # Examples
/// ```
/// let v = treem::api::call("case_deadlines", br#"{"reported_at": "2026-11-27T09:00"}"#,
///     br#"{"as_of": "2026-11-28"}"#).unwrap();
/// assert!(v["steps"].is_array());
/// assert!(treem::api::call("nope", b"{}", b"").unwrap_err().is_unknown_name());
/// ```
pub fn call(operation: &str, input: &[u8], options: &[u8]) -> Result<serde_json::Value, Error> {
    let op = OPERATIONS
        .iter()
        .find(|o| o.name == operation.trim())
        .ok_or_else(|| Error::unknown_name("operation", operation, &operation_names()))?;
    (op.run)(input, options)
}

/// The names of every operation [`call`] accepts.
///
/// # Examples
/// ```
/// assert!(treem::api::operation_names().contains(&"case_deadlines"));
/// ```
pub fn operation_names() -> Vec<&'static str> {
    OPERATIONS.iter().map(|o| o.name).collect()
}

// The operations are this module's own entry points, so their table lives here rather than
// in the registry: the registry lists the domains, and nothing the domains use reads it.

/// A domain operation beyond the contract's record entry points (deadlines, roll-ups,
/// indicators), reachable by name through [`call`], so every binding carries it
/// with no code of its own.
struct OperationDef {
    name: &'static str,
    run: fn(&[u8], &[u8]) -> Result<serde_json::Value, crate::Error>,
}

/// Every operation, by its stable name.
const OPERATIONS: &[OperationDef] = &[
    #[cfg(feature = "case")]
    OperationDef {
        name: "case_deadlines",
        run: case_deadlines,
    },
    #[cfg(all(feature = "bulk-operations", feature = "child"))]
    OperationDef {
        name: "dedup",
        run: dedup,
    },
    #[cfg(feature = "indicators")]
    OperationDef {
        name: "indicators",
        run: |input, options| indicators(input, options).and_then(to_json),
    },
    #[cfg(feature = "child")]
    OperationDef {
        name: "residence_successors",
        run: residence_successors,
    },
    #[cfg(feature = "safe-school")]
    OperationDef {
        name: "safe_school_assess",
        run: safe_school_assess,
    },
    #[cfg(all(feature = "bulk-operations", feature = "safe-school"))]
    OperationDef {
        name: "safe_school_rollup",
        run: safe_school_rollup,
    },
    #[cfg(all(feature = "bulk-operations", feature = "safe-school"))]
    OperationDef {
        name: "safe_school_rollup_merge",
        run: |input, _options| safe_school_rollup_merge(input),
    },
    #[cfg(all(feature = "bulk-operations", feature = "directive"))]
    OperationDef {
        name: "task_report_rollup",
        run: task_report_rollup,
    },
    #[cfg(all(feature = "bulk-operations", feature = "directive"))]
    OperationDef {
        name: "task_report_table",
        run: |input, _options| task_report_table(input),
    },
];

#[cfg(feature = "indicators")]
fn to_json<T: serde::Serialize>(value: T) -> Result<serde_json::Value, crate::Error> {
    serde_json::to_value(value).map_err(|e| crate::Error::not_json(&e))
}

/// The library version and the editions of its data.
///
/// # Examples
/// ```
/// assert_eq!(treem::api::version()["version"], treem::VERSION);
/// ```
pub fn version() -> serde_json::Value {
    serde_json::json!({
        "name": "treem",
        "version": crate::VERSION,
        "kinds": Kind::names(),
        "geography_editions": ["2024", "2025"],
        "geography_tables": crate::vn::admin::tables().coverage().as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_error_values() {
        assert!(validate("nope", b"{}", b"").unwrap_err().is_unknown_kind());
        assert!(parse("nope", "x", b"").unwrap_err().is_unknown_name());
        assert!(catalog("nope", b"").unwrap_err().is_unknown_name());
        assert!(schema("nope").unwrap_err().is_unknown_kind());
    }

    // These read the kind `child`; scripts/ci/rust.sh also tests builds without it.
    #[cfg(feature = "child")]
    #[test]
    fn misuse_is_an_error_value() {
        assert!(validate("child", b"{", b"").unwrap_err().is_not_json());
        assert!(validate("child", b"[]", b"")
            .unwrap_err()
            .is_wrong_top_level_type());
        assert!(validate("child", b"{}", b"{\"lang\":1}")
            .unwrap_err()
            .is_invalid_option());
    }

    #[cfg(feature = "child")]
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

    /// In a batch a record over the limit is reported in its place, unparsed (the second line
    /// is not JSON, the fourth is), and the batch goes on.
    #[cfg(feature = "child")]
    #[test]
    fn batch_reports_records_over_the_limit() {
        let options = br#"{"max_record_bytes": 11, "lang": "en"}"#;
        let ndjson = b"{}\nnot JSON at all\n{\"sex\":\"x\"}\n{\"a\": 12345}\n";
        let reports = validate_many("child", ndjson, options).unwrap();
        assert_eq!(reports.len(), 4);
        assert!(reports[0].ok);
        assert_eq!(reports[1].issues.len(), 1);
        assert!(reports[1].has_code("record.too_large"));
        assert_eq!(reports[1].issues[0].params["bytes"], 15);
        assert_eq!(reports[1].issues[0].params["limit"], 11);
        assert_eq!(
            reports[1].issues[0].message,
            "The record is 15 bytes long, more than the limit of 11 bytes (option max_record_bytes): it was not read"
        );
        assert!(reports[2].has_code("child.sex_unknown"));
        assert!(reports[3].has_code("record.too_large"));
        let array = validate_many("child", br#"[{}, "not JSON", {"a": 12345}]"#, options).unwrap();
        assert_eq!(array.len(), 3);
        assert!(array[1].has_code("record.not_object"));
        assert!(array[2].has_code("record.too_large"));
        // The JSON text answer is the same as the reports written at once.
        let text = crate::stream::validate_many_json("child", ndjson, options).unwrap();
        assert_eq!(text, serde_json::to_string(&reports).unwrap());
    }

    /// A record of limit + 1 bytes is refused before it is parsed: the same answer whether
    /// or not it is JSON (a parse would say `not_json` for the second), for every kind and
    /// both single-record entry points; at the limit it is read.
    #[test]
    fn records_over_the_limit_are_refused_unparsed() {
        let options = br#"{"max_record_bytes": 16}"#;
        let json = br#"{"sex": "nam"}  "#; // 16 bytes: at the limit, read
        assert_eq!(json.len(), 16);
        let not_json = b"this is not JSON!"; // 17 bytes
        for kind in Kind::names() {
            let err = validate(kind, not_json, options).unwrap_err();
            assert!(err.is_record_too_large(), "{kind}: {err}");
            assert_eq!(err.record_too_large_size(), Some((17, 16)));
            let err = normalize(kind, not_json, options).unwrap_err();
            assert!(err.is_record_too_large(), "{kind}: {err}");
            assert!(validate(kind, json, options).is_ok(), "{kind}");
            // Without the option the same text is parsed, and refused as not JSON.
            assert!(validate(kind, not_json, b"").unwrap_err().is_not_json());
        }
        let answer = validate("nope", not_json, options).unwrap_err();
        assert!(answer.is_unknown_kind(), "the kind is checked first");
        let answer = validate(Kind::names()[0], not_json, br#"{"max_record_bytes": 0}"#);
        assert!(answer.unwrap_err().is_invalid_option());
        let json = validate(Kind::names()[0], not_json, options)
            .unwrap_err()
            .to_json();
        assert_eq!(json["error"], "record_too_large");
        assert_eq!(json["params"]["bytes"], 17);
        assert_eq!(json["params"]["limit"], 16);
        let text = json.to_string();
        assert!(
            text.starts_with("{\"error\":\"record_too_large\","),
            "{text}"
        );
        assert!(json["message_vi"].as_str().unwrap().contains("17 byte"));
        assert!(json["message"]
            .as_str()
            .unwrap()
            .contains("limit of 16 bytes"));
    }

    #[test]
    fn every_catalog_builds() {
        for name in catalog_names() {
            // The 2024 edition: the 2025 one has no district level, so `districts` is empty.
            let c = catalog(name, b"{\"lang\":\"en\",\"edition\":\"2024\"}").unwrap();
            assert!(!c["items"].as_array().unwrap().is_empty(), "{name}");
        }
    }
}
