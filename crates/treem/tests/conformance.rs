//! Runs every conformance vector under `tests/vectors/` through the JSON entry points.
//!
//! The same files are run by Node against the npm package and by Python through the C ABI,
//! so all platforms are held to one set of answers. Format: see `tests/vectors/README.md`.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn vector_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Runs one case and returns the answer in the shape the vectors describe.
fn answer(case: &Value) -> Value {
    let options = case
        .get("options")
        .map(|o| o.to_string())
        .unwrap_or_default();
    let input_bytes = || -> Vec<u8> {
        match (case.get("input_text"), case.get("input")) {
            (Some(Value::String(raw)), _) => raw.clone().into_bytes(),
            (_, Some(v)) => v.to_string().into_bytes(),
            _ => Vec::new(),
        }
    };
    let op = case.get("op").and_then(Value::as_str).unwrap_or("validate");
    let kind = case.get("kind").and_then(Value::as_str).unwrap_or("");
    let result = match op {
        "validate" => treem::api::validate(kind, &input_bytes(), options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "validate_many" => treem::api::validate_many(kind, &input_bytes(), options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "normalize" => treem::api::normalize(kind, &input_bytes(), options.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap()),
        "parse" => treem::api::parse(
            case["what"].as_str().unwrap(),
            case["text"].as_str().unwrap(),
            options.as_bytes(),
        ),
        "catalog" => treem::api::catalog(case["name"].as_str().unwrap(), options.as_bytes()),
        "schema" => treem::api::schema(kind),
        // Every other op is a named domain operation (api::call), in every runner alike.
        other => treem::api::call(other, &input_bytes(), options.as_bytes()),
    };
    match result {
        Ok(v) => v,
        Err(e) => e.to_json(),
    }
}

/// True when every member of `expected` is in `actual` with a matching value; arrays of
/// issues compare by (path, code) in order, other arrays element-wise.
fn matches(expected: &Value, actual: &Value, at: &str, errors: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(exp), Value::Object(act)) => {
            for (key, exp_v) in exp {
                match act.get(key) {
                    Some(act_v) => matches(exp_v, act_v, &format!("{at}/{key}"), errors),
                    None => errors.push(format!("{at}/{key}: missing")),
                }
            }
        }
        (Value::Array(exp), Value::Array(act)) => {
            if exp.len() != act.len() {
                errors.push(format!(
                    "{at}: expected {} elements, got {}: {}",
                    exp.len(),
                    act.len(),
                    Value::Array(act.clone())
                ));
                return;
            }
            for (i, (e, a)) in exp.iter().zip(act).enumerate() {
                matches(e, a, &format!("{at}/{i}"), errors);
            }
        }
        (e, a) if e == a => {}
        (e, a) => errors.push(format!("{at}: expected {e}, got {a}")),
    }
}

#[test]
fn every_vector_passes() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases = match doc {
            Value::Array(cases) => cases,
            case => vec![case],
        };
        for case in cases {
            count += 1;
            let description = case["description"]
                .as_str()
                .unwrap_or("(no description)")
                .to_owned();
            let actual = answer(&case);
            let mut errors = Vec::new();
            matches(&case["expect"], &actual, "", &mut errors);
            if !errors.is_empty() {
                failures.push(format!(
                    "{} — {description}:\n  {}\n  answer: {actual}",
                    file.display(),
                    errors.join("\n  ")
                ));
            }
        }
    }
    assert!(
        count >= 10,
        "only {count} vectors found under {}",
        vectors_dir().display()
    );
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{count} conformance vectors passed");
}
