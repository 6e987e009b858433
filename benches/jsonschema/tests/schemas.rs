//! Every kind's JSON Schema checked by a second validator, independent of ajv
//! (`bindings/wasm/tests/schemas.test.mjs`): the `jsonschema` crate validates each schema
//! against its meta-schema (draft 2020-12), compiles it, and validates the conformance vectors'
//! valid inputs of that kind with it.
//!
//! The schemas are `crates/treem/data/schemas/<kind>.json`: what `treem::Kind::schema()`
//! answers (the committed files are embedded in every build without the core's feature
//! `live-schemas`, as in the WebAssembly package), and the core's test `tests/schemas.rs`
//! holds them equal to the schemas derived from the draft types, one file per kind. Reading
//! them keeps this workspace free of the core (it would build it a second time). Run by
//! `scripts/ci/rust.sh`: `cargo test --manifest-path benches/jsonschema/Cargo.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each kind's schema, by kind name.
fn schemas() -> BTreeMap<String, Value> {
    let dir = repo().join("crates/treem/data/schemas");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let kind = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_owned();
        out.insert(kind, read_json(&path));
    }
    out
}

#[test]
fn every_schema_is_valid_draft_2020_12_and_compiles() {
    let schemas = schemas();
    assert!(schemas.len() >= 7, "{:?}", schemas.keys());
    for (kind, schema) in &schemas {
        assert_eq!(
            schema.get("$schema").and_then(Value::as_str),
            Some("https://json-schema.org/draft/2020-12/schema"),
            "{kind}: the schema declares draft 2020-12"
        );
        if let Err(e) = jsonschema::meta::validate(schema) {
            panic!(
                "{kind}: not a valid schema of its draft: {e} at {}",
                e.instance_path()
            );
        }
        if let Err(e) = jsonschema::validator_for(schema) {
            panic!("{kind}: does not compile: {e}");
        }
    }
}

#[test]
fn the_valid_conformance_inputs_of_each_kind_pass_its_schema() {
    let schemas = schemas();
    let validators: BTreeMap<&str, jsonschema::Validator> = schemas
        .iter()
        .map(|(kind, schema)| {
            let validator =
                jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("{kind}: {e}"));
            (kind.as_str(), validator)
        })
        .collect();
    let dir = repo().join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    files.sort();
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rejected = Vec::new();
    for file in &files {
        let Value::Array(vectors) = read_json(file) else {
            continue;
        };
        for v in &vectors {
            // The selection of bindings/wasm/tests/schemas.test.mjs (validate cases of a kind
            // that expect ok, whose input is a record), and the assessments that
            // `safe_school_assess` cases score with a clean report (the vectors have no valid
            // `validate` case of that kind).
            let op = v.get("op").and_then(Value::as_str).unwrap_or("validate");
            let (kind, ok) = match op {
                "validate" => (
                    v.get("kind").and_then(Value::as_str),
                    v.pointer("/expect/ok").and_then(Value::as_bool) == Some(true),
                ),
                "safe_school_assess" => (
                    Some("safe_school_assessment"),
                    v.pointer("/expect/report/ok").and_then(Value::as_bool) == Some(true),
                ),
                _ => (None, false),
            };
            let (Some(kind), Some(input)) = (kind, v.get("input")) else {
                continue;
            };
            let Some((name, validator)) = validators.get_key_value(kind) else {
                continue;
            };
            if !ok || !input.is_object() {
                continue;
            }
            let errors: Vec<String> = validator
                .iter_errors(input)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            if !errors.is_empty() {
                let description = v.get("description").and_then(Value::as_str).unwrap_or("?");
                rejected.push(format!("{}: {description}: {errors:?}", file.display()));
            }
            *checked.entry(name).or_default() += 1;
        }
    }
    assert!(
        rejected.is_empty(),
        "valid vectors rejected:\n{}",
        rejected.join("\n")
    );
    for kind in schemas.keys() {
        assert!(
            checked.contains_key(kind.as_str()),
            "no valid input of {kind} checked: {checked:?}"
        );
    }
    let total: usize = checked.values().sum();
    eprintln!("valid inputs checked per kind: {checked:?}");
    assert!(total >= 10, "{total} inputs checked: {checked:?}");
}
