//! The C binding exports every public function of `treem::api`, or says in its README that it
//! does not yet (the ICU4X practice: a reviewed list of what the FFI lacks).
//!
//! The public functions are read from the core's source (`pub fn` at the top level of
//! `crates/treem/src/api.rs` or of the files under `api/`), the exports from the committed
//! header, and the list from the "Not yet exported" section of `bindings/c/README.md`. So when
//! the core gains `api::indicators`, this test fails until the binding exports it (and the
//! header is regenerated) or the README lists it.

#![allow(clippy::panic)] // assert! is how a test fails

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The name of the C function that exports `treem::api::<name>`.
fn c_name(api_fn: &str) -> String {
    match api_fn {
        // `treem_version` is the static version string the issue asks for.
        "version" => "treem_version_info".to_owned(),
        other => format!("treem_{other}"),
    }
}

/// Operations of the binding contract (`DESIGN.md`), whether or not the core has them yet.
const CONTRACT: &[&str] = &[
    "validate",
    "normalize",
    "schema",
    "parse",
    "catalog",
    "indicators",
    "version",
];

fn api_sources() -> Vec<PathBuf> {
    let src = root().join("crates/treem/src");
    let mut files = vec![src.join("api.rs")];
    if let Ok(dir) = std::fs::read_dir(src.join("api")) {
        files.extend(dir.filter_map(Result::ok).map(|e| e.path()));
    }
    files.into_iter().filter(|f| f.is_file()).collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Top-level `pub fn` names (indented ones are methods or test helpers).
fn public_api_fns() -> Vec<String> {
    let mut names = Vec::new();
    for file in api_sources() {
        let text = read(&file);
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("pub fn ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        }
    }
    names
}

fn header() -> String {
    read(&root().join("bindings/c/include/treem.h"))
}

fn exported(header: &str, c_fn: &str) -> bool {
    header.contains(&format!(" {c_fn}("))
}

/// Names listed as "- `name`" in the README's "Not yet exported" section.
fn not_yet_exported() -> Vec<String> {
    let readme = read(&root().join("bindings/c/README.md"));
    let Some(section) = readme
        .split("\n## ")
        .find(|s| s.starts_with("Not yet exported"))
    else {
        panic!("bindings/c/README.md has no \"## Not yet exported\" section");
    };
    section
        .lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_public_api_fn_is_exported_or_listed() {
    let header = header();
    let listed = not_yet_exported();
    let fns = public_api_fns();
    assert!(fns.len() >= 7, "found only {fns:?} in treem::api");
    let missing: Vec<String> = fns
        .iter()
        .filter(|f| {
            let through_call = exported(&header, "treem_call")
                && treem::api::operation_names().contains(&f.as_str());
            !exported(&header, &c_name(f)) && !through_call && !listed.contains(f)
        })
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "treem::api functions neither exported by the C binding nor listed under \
         \"Not yet exported\" in bindings/c/README.md: {missing:?}"
    );
}

#[test]
fn every_contract_operation_is_exported_or_listed() {
    let header = header();
    let listed = not_yet_exported();
    for op in CONTRACT {
        assert!(
            exported(&header, &c_name(op)) || listed.iter().any(|l| l == op),
            "binding-contract operation {op} is neither exported nor listed"
        );
    }
}

#[test]
fn the_list_holds_nothing_already_exported() {
    // A stale list hides work done; it is reviewed whenever it changes.
    let header = header();
    for name in not_yet_exported() {
        assert!(
            !exported(&header, &c_name(&name)),
            "{name} is exported; remove it from \"Not yet exported\" in bindings/c/README.md"
        );
    }
}

#[test]
fn every_export_has_its_n_variant() {
    // Every function that takes text also takes it as (pointer, length).
    let header = header();
    for op in [
        "validate",
        "validate_many",
        "normalize",
        "schema",
        "parse",
        "catalog",
    ] {
        assert!(exported(&header, &format!("treem_{op}")), "treem_{op}");
        assert!(exported(&header, &format!("treem_{op}_n")), "treem_{op}_n");
    }
}
