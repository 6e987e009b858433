//! Every public function of the core has an `# Examples` section (issue #21: "every public
//! function documents its errors and has an example that runs"; the errors half is clippy's
//! `missing_errors_doc`, denied in CI). Stable rustdoc has no lint for missing examples
//! (`rustdoc::missing_doc_code_examples` is nightly-only), so this test reads the sources:
//! each `pub fn` / `pub const fn` outside `#[cfg(test)]` code must have `# Examples` in the
//! doc comment above it. The examples themselves run as doctests (`cargo test --doc`).

// Test code: a failure is a panic with its message, and the order of files needs no
// WebAssembly-size care.
#![allow(clippy::panic, clippy::indexing_slicing, clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

/// Files whose `pub` functions are not public API: modules that are private to the crate
/// (reached by the CLI and bindings only through the hidden `treem::__private`), or
/// functions on types a caller cannot name. Each with the reason.
const NOT_PUBLIC: [(&str, &str); 3] = [
    (
        "sorted_map.rs",
        "private module; SortedMap only through the hidden __private",
    ),
    (
        "stream.rs",
        "private module; the batch reader only through the hidden __private",
    ),
    (
        "code_list.rs",
        "private module; Entry is reached only through Coded::entry",
    ),
];

/// Single functions exempt in a file that is otherwise checked (`json.rs` holds the public
/// `Field`), with the reason.
const NOT_PUBLIC_FNS: [(&str, &str, &str); 1] = [(
    "json.rs",
    "pub fn type_name(",
    "private module json; reached only through the hidden __private",
)];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display())
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `pub fn` lines of `text` (1-based) whose doc comment has no `# Examples`.
fn without_examples(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut missing = Vec::new();
    let mut in_tests = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // Test modules come last in this crate's files.
            in_tests = true;
        }
        if in_tests || !(trimmed.starts_with("pub fn ") || trimmed.starts_with("pub const fn ")) {
            continue;
        }
        // The item's doc comment and attributes: the lines above it up to the end of the
        // previous item (a blank line, or a line closing a block or a statement).
        let mut has_examples = false;
        for above in lines[..i].iter().rev() {
            let above = above.trim();
            if above.is_empty() || above.ends_with('}') && !above.starts_with("///") {
                break;
            }
            if above.ends_with(';') && !above.starts_with("///") {
                break;
            }
            if above.starts_with("/// # Examples") {
                has_examples = true;
            }
        }
        if !has_examples {
            missing.push((i + 1, trimmed.to_owned()));
        }
    }
    missing
}

#[test]
fn every_public_function_has_an_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut missing = Vec::new();
    let mut counted = 0;
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let relative = file.strip_prefix(&root).unwrap_or(file);
        // Only the crate root's files are exempt by name (a domain's `json.rs` would not be).
        let exempt =
            relative.parent() == Some(Path::new("")) && NOT_PUBLIC.iter().any(|(f, _)| *f == name);
        if exempt || relative.starts_with("codes/generated.rs") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        counted += text.matches("pub fn ").count();
        for (line, item) in without_examples(&text) {
            if NOT_PUBLIC_FNS
                .iter()
                .any(|(f, prefix, _)| *f == name && item.starts_with(prefix))
            {
                continue;
            }
            missing.push(format!("{}:{line}: {item}", relative.display()));
        }
    }
    assert!(
        counted > 300,
        "only {counted} public functions found: is the scan broken?"
    );
    assert!(
        missing.is_empty(),
        "{} public functions without `# Examples`:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn the_scan_sees_a_missing_example() {
    let text = "/// Does it.\n///\n/// # Examples\n/// ```\n/// ```\npub fn documented() {}\n\n/// Does it.\n#[must_use]\npub fn bare() -> u8 { 1 }\n";
    assert_eq!(
        without_examples(text),
        [(10, "pub fn bare() -> u8 { 1 }".to_owned())]
    );
}
