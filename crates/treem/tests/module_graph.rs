//! The shape of the core's module graph: `registry.rs` is the one file that knows every
//! domain, and nothing the domains use imports it back.
//!
//! The graph is read from the sources: an edge `a -> b` for every `crate::` path in `a` that
//! names a module of file `b` (test modules and comments left out). Above the registry sit
//! only the files that need every domain: `api.rs` (the JSON entry points), `kind.rs` (the
//! public handle that lists the kinds) and `issue_codes.rs` (every code). The test fails when
//! a file below imports one of them, and when any cycle passes through the registry.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The files that may read the registry, and the registry itself.
const ABOVE: [&str; 4] = ["registry.rs", "api.rs", "kind.rs", "issue_codes.rs"];

/// Source file (relative to `src/`) -> its text.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The text without comments and without items marked `#[cfg(test)]` (a `mod x;` line or a
/// braced block).
fn code_only(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the next item: one line ending in `;`, or up to its closing brace.
            let mut depth = 0i32;
            let mut opened = false;
            for next in lines.by_ref() {
                let next = next.split("//").next().unwrap_or("");
                depth += next.matches('{').count() as i32 - next.matches('}').count() as i32;
                opened |= next.contains('{');
                if (opened && depth <= 0) || (!opened && next.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        out.push_str(line.split("//").next().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// The file of the module path `segments` (`["child", "dedup"]` -> `child/dedup.rs` or
/// `child/dedup/mod.rs`), trying the longest prefix first: `crate::child::dedup::Key` is in
/// `child/dedup.rs`.
fn file_of(segments: &[&str], files: &BTreeSet<String>) -> Option<String> {
    for n in (1..=segments.len()).rev() {
        let base = segments[..n].join("/");
        for candidate in [format!("{base}.rs"), format!("{base}/mod.rs")] {
            if files.contains(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// Each file's `crate::` dependencies (other files).
fn edges(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut out = BTreeMap::new();
    for (file, text) in sources {
        if file == "lib.rs" || file.ends_with("tests.rs") {
            continue;
        }
        let code = code_only(text);
        let mut deps = BTreeSet::new();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            // `crate::child::{dedup, draft}`: each braced item is a path of its own.
            let after = &rest[path.len()..];
            let mut targets = Vec::new();
            if let Some(list) = after.strip_prefix('{') {
                let list = list.split('}').next().unwrap_or("");
                for item in list.split(',') {
                    let item = item.trim().split(" as ").next().unwrap_or("").trim();
                    if item.is_empty() || item == "self" {
                        continue;
                    }
                    let mut full = segments.clone();
                    full.extend(item.split("::"));
                    targets.push(full.into_iter().map(str::to_owned).collect::<Vec<_>>());
                }
            }
            // A macro (`crate::codes!`) is not a module.
            if after.starts_with('!') {
                segments.pop();
            }
            targets.push(segments.iter().map(|s| (*s).to_owned()).collect());
            for target in targets {
                let target: Vec<&str> = target.iter().map(String::as_str).collect();
                if let Some(dep) = file_of(&target, &files) {
                    if &dep != file {
                        deps.insert(dep);
                    }
                }
            }
        }
        out.insert(file.clone(), deps);
    }
    out
}

/// Every file `from` reaches through the edges.
fn reach(edges: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(file) = stack.pop() {
        for dep in edges.get(&file).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                stack.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn nothing_below_the_registry_imports_it_back() {
    let sources = sources();
    let edges = edges(&sources);
    assert!(
        edges.len() > 50,
        "the sources were read: {} files",
        edges.len()
    );
    assert!(
        edges["registry.rs"].iter().any(|d| d.starts_with("child/")),
        "the graph sees the registry's domains"
    );
    // Nothing that the registry reaches reaches back into the registry or above it.
    let below = reach(&edges, "registry.rs");
    let mut wrong = Vec::new();
    for file in &below {
        for dep in &edges[file] {
            if ABOVE.contains(&dep.as_str()) {
                wrong.push(format!("{file} -> {dep}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "files below the registry import it or a file above it: {wrong:?}"
    );
    assert!(
        !below.contains("registry.rs"),
        "a cycle passes through registry.rs"
    );
    // Only the files above read the registry.
    let readers: Vec<&String> = edges
        .iter()
        .filter(|(_, deps)| deps.contains("registry.rs"))
        .map(|(file, _)| file)
        .collect();
    for reader in &readers {
        assert!(
            ABOVE.contains(&reader.as_str()),
            "{reader} reads the registry"
        );
    }
}

#[test]
fn the_graph_reader_sees_a_cycle_when_there_is_one() {
    // The reader itself, on a made-up crate: a domain that imports the registry back.
    let mut sources = BTreeMap::new();
    sources.insert(
        "registry.rs".to_owned(),
        "use crate::child::Draft;".to_owned(),
    );
    sources.insert(
        "child/mod.rs".to_owned(),
        "// crate::api is only named in a comment\nfn f() { crate::registry::KINDS; }\n\
         #[cfg(test)]\nmod tests { use crate::api::call; }"
            .to_owned(),
    );
    sources.insert(
        "api.rs".to_owned(),
        "use crate::registry::{KINDS, PARSERS};".to_owned(),
    );
    let edges = edges(&sources);
    assert_eq!(
        edges["child/mod.rs"],
        BTreeSet::from(["registry.rs".to_owned()])
    );
    assert!(reach(&edges, "registry.rs").contains("registry.rs"));
    assert_eq!(edges["api.rs"], BTreeSet::from(["registry.rs".to_owned()]));
}
