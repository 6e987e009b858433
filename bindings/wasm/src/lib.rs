//! WebAssembly binding of treem: marshaling only, every rule lives in the core.
//!
//! Each export takes JSON text and answers JSON text; the JS wrapper of the npm package
//! (`js/core.js`) turns JS objects into text with `JSON.stringify` and answers back into
//! plain objects with `JSON.parse`. Both are native in every JS engine, and measured faster
//! than building the objects field by field across the boundary (see `README.md`).
//!
//! Misuse (unknown kind, catalog or parser, input that is not JSON, a bad option) is thrown
//! as a string holding the core's error JSON `{"error": code, "message": text}`; the wrapper
//! turns it into an `Error` whose `code` is that code. Invalid data is never thrown: it is
//! the report.
//!
//! Every export is generic over names: kinds, catalogs and parsers are looked up by the core
//! in its registry, so a kind added to the core is available here with no change.

use wasm_bindgen::prelude::*;

// The module's allocator is std's (dlmalloc). talc was 2.3 KB smaller gzipped, chosen when
// every KB counted; once the forms' records were read straight from their text, the
// allocator was a tenth of a safe-school assessment's validation, and dlmalloc measured 7.5 %
// faster there (2.6 % for a task report) for 2.2 KB (README.md, "Which module for which
// form").

#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;

/// Turns the answer of a core entry point into JSON text, or the thrown error JSON.
fn answer<T: serde::Serialize>(result: Result<T, treem::Error>) -> Result<String, JsValue> {
    match result {
        Ok(value) => serde_json::to_string(&value).map_err(|e| {
            // Serialising our own report types cannot fail; if it ever did, say so as misuse
            // rather than trap.
            JsValue::from_str(
                &serde_json::json!({"error": "internal", "message": e.to_string()}).to_string(),
            )
        }),
        Err(err) => Err(thrown(&err)),
    }
}

/// The thrown form of a core error: its JSON text.
fn thrown(err: &treem::Error) -> JsValue {
    JsValue::from_str(&err.to_json().to_string())
}

std::thread_local! {
    /// The last options text and the validator read from it. A form validates record after
    /// record with the same options, and reading them was 3-4 % of a task report's
    /// validation. The same text always reads as the same validator (options read no global
    /// state), so keeping it changes no answer; a different text replaces it.
    static LAST_OPTIONS: std::cell::RefCell<Option<(String, treem::Validator)>> =
        const { std::cell::RefCell::new(None) };
}

/// `run` with the validator of `options` (JSON text), read once per distinct text in a row.
fn with_options<T>(
    options: &str,
    run: impl FnOnce(&treem::Validator) -> Result<T, treem::Error>,
) -> Result<T, treem::Error> {
    LAST_OPTIONS.with(|last| {
        let mut last = last.borrow_mut();
        let cached = last.as_ref().filter(|(text, _)| text == options);
        if let Some((_, validator)) = cached {
            return run(validator);
        }
        let validator = treem::Validator::from_options_json(options.as_bytes())?;
        let answer = run(&validator);
        *last = Some((options.to_owned(), validator));
        answer
    })
}

/// Validates one record of `kind` (JSON text); answers the report as JSON text.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(kind: &str, record: &str, options: &str) -> Result<String, JsValue> {
    answer(
        kind.parse::<treem::Kind>()
            .and_then(|kind| with_options(options, |v| v.validate_bytes(kind, record.as_bytes()))),
    )
}

/// Validates many records (a JSON array or NDJSON, as UTF-8 bytes); answers the array of
/// reports as JSON text, written report by report as the records are read (the reports are
/// never all held: the linear memory grown by a call is never given back).
///
/// The batch comes as bytes, encoded by the wrapper, not as a string: wasm-bindgen copies a
/// string that is not all ASCII into a buffer of three bytes per UTF-16 unit before it
/// shrinks it, which grew the memory by 3 times a Vietnamese batch for that copy alone.
#[wasm_bindgen(js_name = validateManyJson)]
pub fn validate_many_json(kind: &str, records: &[u8], options: &str) -> Result<String, JsValue> {
    treem::__private::validate_many_json(kind, records, options.as_bytes()).map_err(|e| thrown(&e))
}

/// What `validateJson` and `normalizeJson` would answer, before reading, to a record of
/// `bytes` bytes of UTF-8: throws the core's error (unknown kind, bad options,
/// `record_too_large`) or answers `true` (a bool, not JSON text: no serializer instantiated
/// for it: 0.15 KiB less gzipped). The wrapper asks this for a record longer than the
/// limit in UTF-16 units (so longer in bytes), so that the record is never copied into the
/// module's memory, which would grow by its size for the rest of the instance's life.
#[wasm_bindgen(js_name = checkRecordJson)]
pub fn check_record_json(kind: &str, bytes: f64, options: &str) -> Result<bool, JsValue> {
    // `as` saturates: a length beyond usize is beyond any limit too.
    treem::__private::check_record(kind, bytes as usize, options.as_bytes())
        .map(|_| true)
        .map_err(|e| thrown(&e))
}

/// Normalises one record; answers `{record, changes, report}` as JSON text.
#[wasm_bindgen(js_name = normalizeJson)]
pub fn normalize_json(kind: &str, record: &str, options: &str) -> Result<String, JsValue> {
    answer(
        kind.parse::<treem::Kind>()
            .and_then(|kind| with_options(options, |v| v.normalize_bytes(kind, record.as_bytes()))),
    )
}

/// Normalises one record as `normalizeJson`, the record `null` when the report has an
/// error: what the Standard Schema objects ask (`js/standard.js`), which answer issues or the
/// value, never both.
#[wasm_bindgen(js_name = normalizeWhenValidJson)]
pub fn normalize_when_valid_json(
    kind: &str,
    record: &str,
    options: &str,
) -> Result<String, JsValue> {
    answer(kind.parse::<treem::Kind>().and_then(|kind| {
        with_options(options, |v| {
            treem::__private::normalize_when_valid(v, kind, record.as_bytes())
        })
    }))
}

/// The JSON Schema (draft 2020-12) of the lenient input form of `kind`, as JSON text.
#[wasm_bindgen(js_name = schemaJson)]
pub fn schema_json(kind: &str) -> Result<String, JsValue> {
    answer(treem::api::schema(kind))
}

/// Parses one primitive (`date`, ...) from text; answers `{ok, value}` or `{ok, issues}`.
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(what: &str, text: &str, options: &str) -> Result<String, JsValue> {
    answer(treem::api::parse(what, text, options.as_bytes()))
}

/// A catalog for select boxes: `{name, source, lang, items: [{code, label, ...}]}`.
#[wasm_bindgen(js_name = catalogJson)]
pub fn catalog_json(name: &str, options: &str) -> Result<String, JsValue> {
    answer(treem::api::catalog(name, options.as_bytes()))
}

/// Computes indicators from caller values, tagged records or partials (JSON array or
/// NDJSON); answers `{ok, issues, table | partial}` as JSON text.
#[wasm_bindgen(js_name = indicatorsJson)]
pub fn indicators_json(input: &str, options: &str) -> Result<String, JsValue> {
    #[cfg(feature = "indicators")]
    return answer(treem::api::indicators(input.as_bytes(), options.as_bytes()));
    // Built without indicators: the core's answer to an unknown operation.
    #[cfg(not(feature = "indicators"))]
    return answer(treem::api::call(
        "indicators",
        input.as_bytes(),
        options.as_bytes(),
    ));
}

/// Runs a named domain operation of the core (`case_deadlines`, `task_report_rollup`, ...);
/// answers its JSON. New operations arrive with no change here.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(operation: &str, input: &str, options: &str) -> Result<String, JsValue> {
    answer(treem::api::call(
        operation,
        input.as_bytes(),
        options.as_bytes(),
    ))
}

/// The library version and the editions of its data, as JSON text.
#[wasm_bindgen(js_name = versionJson)]
pub fn version_json() -> String {
    treem::api::version().to_string()
}

/// Loads the national administrative-unit tables (the text of `national.tsv`, shipped next to
/// the package and fetched by the page) so that every later call sees every province,
/// district and commune; without it only Hải Phòng's are known. Answers
/// `{"ok": true, "coverage": "national"}` or `{"ok": false, "error": "geography_data" |
/// "already_loaded", "message": ...}`.
#[wasm_bindgen(js_name = loadGeography)]
pub fn load_geography(text: &str) -> String {
    let answer = match treem::vn::admin::GeographyData::from_text(text) {
        Err(e) => {
            serde_json::json!({"ok": false, "error": "geography_data", "message": e.to_string()})
        }
        Ok(data) => {
            let coverage = data.coverage();
            match treem::vn::admin::install(data) {
                Ok(()) => serde_json::json!({"ok": true, "coverage": coverage.as_str()}),
                Err(_) => serde_json::json!({"ok": false, "error": "already_loaded",
                    "message": "geography tables can be loaded once per instance"}),
            }
        }
    };
    answer.to_string()
}

/// Executes the WebAssembly `unreachable` instruction. Test-only: it lets the npm package's
/// tests prove that the wrapper recovers from a trap by instantiating the module again.
/// Never call it otherwise.
#[wasm_bindgen(js_name = __testTrap)]
pub fn test_trap() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_the_core_answers_as_text() {
        let text = validate_json("child", r#"{"date_of_birth":"30/02/2016"}"#, "").unwrap();
        let report: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(report["ok"], false);
        assert_eq!(report["issues"][0]["path"], "/date_of_birth");
        let many = validate_many_json("child", b"[{}, 3]", "{\"lang\":\"en\"}").unwrap();
        let many: serde_json::Value = serde_json::from_str(&many).unwrap();
        assert_eq!(many.as_array().unwrap().len(), 2);
        let version: serde_json::Value = serde_json::from_str(&version_json()).unwrap();
        assert_eq!(version["name"], "treem");
    }
}
