//! Shared by the integration tests that run the data-defined suites: the conformance vectors
//! (`tests/vectors/`) and the bad-input suite (`tests/bad-inputs/`).

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The repository's `tests/` folder.
pub(crate) fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// Every conformance case of `tests/vectors/*.json`, with its file name.
pub(crate) fn vector_cases() -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(tests_dir().join("vectors"))
        .expect("tests/vectors exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    #[allow(clippy::disallowed_methods)] // a test helper, not the core
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.display().to_string();
        match doc {
            Value::Array(list) => cases.extend(list.into_iter().map(|c| (name.clone(), c))),
            case => cases.push((name, case)),
        }
    }
    cases
}

/// The input bytes of a conformance case.
pub(crate) fn vector_input(case: &Value) -> Vec<u8> {
    match (case.get("input_text"), case.get("input")) {
        (Some(Value::String(raw)), _) => raw.clone().into_bytes(),
        (_, Some(v)) => v.to_string().into_bytes(),
        _ => Vec::new(),
    }
}

/// Runs one conformance case and returns the answer in the shape the vectors describe.
pub(crate) fn vector_answer(case: &Value) -> Value {
    let options = case
        .get("options")
        .map(|o| o.to_string())
        .unwrap_or_default();
    let op = case.get("op").and_then(Value::as_str).unwrap_or("validate");
    let kind = case.get("kind").and_then(Value::as_str).unwrap_or("");
    let input = vector_input(case);
    let result = match op {
        "validate" => treem::api::validate(kind, &input, options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "validate_many" => treem::api::validate_many(kind, &input, options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "normalize" => treem::api::normalize(kind, &input, options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "parse" => treem::api::parse(
            case["what"].as_str().unwrap(),
            case["text"].as_str().unwrap(),
            options.as_bytes(),
        ),
        "catalog" => treem::api::catalog(case["name"].as_str().unwrap(), options.as_bytes()),
        "schema" => treem::api::schema(kind),
        // Every other op is a named domain operation (api::call), in every runner alike.
        other => treem::api::call(other, &input, options.as_bytes()),
    };
    match result {
        Ok(v) => v,
        Err(e) => e.to_json(),
    }
}

/// The bad-input suite document (`tests/bad-inputs/cases.json`).
pub(crate) fn bad_input_doc() -> Value {
    let path = tests_dir().join("bad-inputs/cases.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Builds the bytes of a bad-input recipe: `text` parts as UTF-8, `hex` parts as raw bytes,
/// `repeat` parts `times` times over.
pub(crate) fn build_bytes(parts: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts.as_array().unwrap() {
        if let Some(text) = part.get("text").and_then(Value::as_str) {
            out.extend_from_slice(text.as_bytes());
        } else if let Some(hex) = part.get("hex").and_then(Value::as_str) {
            out.extend(
                hex.split_whitespace()
                    .map(|b| u8::from_str_radix(b, 16).unwrap()),
            );
        } else if let Some(unit) = part.get("repeat").and_then(Value::as_str) {
            let times = usize::try_from(part["times"].as_u64().unwrap()).unwrap();
            // `repeat` copies by doubling: fast even in a debug build.
            out.extend_from_slice(unit.repeat(times).as_bytes());
        } else {
            panic!("unknown part {part}");
        }
    }
    out
}

/// The options of a bad-input case as bytes.
pub(crate) fn bad_input_options(case: &Value) -> Vec<u8> {
    if let Some(text) = case.get("options_text").and_then(Value::as_str) {
        return text.as_bytes().to_vec();
    }
    case.get("options")
        .map(|o| o.to_string().into_bytes())
        .unwrap_or_default()
}

/// Runs one bad-input case through the Rust API: the answer as JSON, or the error JSON.
///
/// `parse` takes `&str`: text that is not UTF-8 cannot reach it in Rust (the type forbids
/// it), so such a case would be reported by the test as a recipe error.
pub(crate) fn bad_input_answer(case: &Value, input: &[u8]) -> Value {
    let options = bad_input_options(case);
    let kind = case.get("kind").and_then(Value::as_str).unwrap_or("");
    let result =
        match case["op"].as_str().unwrap() {
            "validate" => treem::api::validate(kind, input, &options)
                .map(|r| serde_json::to_value(r).unwrap()),
            "validate_many" => treem::api::validate_many(kind, input, &options)
                .map(|r| serde_json::to_value(r).unwrap()),
            "normalize" => treem::api::normalize(kind, input, &options)
                .map(|r| serde_json::to_value(r).unwrap()),
            "parse" => treem::api::parse(
                case["what"].as_str().unwrap(),
                std::str::from_utf8(input).expect("parse text of a bad-input case is UTF-8"),
                &options,
            ),
            "call" => treem::api::call(case["operation"].as_str().unwrap(), input, &options),
            other => panic!("unknown op {other}"),
        };
    match result {
        Ok(v) => v,
        Err(e) => e.to_json(),
    }
}

/// Checks an answer against a bad-input expectation (format: `tests/bad-inputs/README.md`);
/// returns what does not match.
pub(crate) fn check_expectation(expect: &Value, answer: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let error = answer.get("error").and_then(Value::as_str);
    if let Some(allowed) = expect.get("error").and_then(Value::as_array) {
        match error {
            Some(code) if allowed.iter().any(|a| a == code) => {}
            _ => errors.push(format!(
                "expected an error {allowed:?}, got {}",
                brief(answer)
            )),
        }
        if answer.get("message").and_then(Value::as_str).is_none() {
            errors.push("the error has no message".into());
        }
        return errors;
    }
    if let Some(code) = error {
        errors.push(format!("expected an answer, got the error {code}"));
        return errors;
    }
    // The report of a normalize answer is under `report`.
    let report = answer.get("report").unwrap_or(answer);
    if let Some(ok) = expect.get("ok") {
        if report.get("ok") != Some(ok) {
            errors.push(format!("expected ok = {ok}, got {}", brief(answer)));
        }
    }
    if let Some(n) = expect.get("length").and_then(Value::as_u64) {
        let len = answer.as_array().map_or(0, Vec::len) as u64;
        if len != n {
            errors.push(format!("expected {n} answers, got {len}"));
        }
    }
    let mut codes = Vec::new();
    collect_codes(answer, &mut codes);
    for code in expect
        .get("codes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !codes.iter().any(|c| c == code) {
            errors.push(format!("expected the code {code}, got {codes:?}"));
        }
    }
    errors
}

/// Every issue code in an answer (objects with `code` and `severity`), in order.
pub(crate) fn collect_codes(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(code)), Some(_)) = (map.get("code"), map.get("severity")) {
                out.push(code.clone());
            }
            map.values().for_each(|v| collect_codes(v, out));
        }
        Value::Array(items) => {
            // A million answers hold no more distinct codes than the first thousand.
            items.iter().take(1000).for_each(|v| collect_codes(v, out));
        }
        _ => {}
    }
}

fn brief(answer: &Value) -> String {
    let text = answer.to_string();
    text.chars().take(300).collect()
}
