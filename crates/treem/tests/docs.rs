//! Generated documentation is committed; these tests fail when it is stale.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

/// `docs/codes.md`: the library's code table (`treem::codes::markdown()`, which
/// `treem catalog issue_codes --format markdown` prints) with one more column, where each code
/// is raised: the file and the function, read off the sources here (the library itself never
/// reads files), so a code leads to its rule in one step.
#[test]
fn code_table_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/codes.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = codes_with_places();
    if std::env::var_os("TREEM_WRITE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "docs/codes.md is stale; regenerate it with:\n  TREEM_WRITE_DOCS=1 cargo test -p treem --test docs"
    );
}

/// `crates/treem/src/codes/generated.rs`: one `&str` constant per issue code
/// (`treem::codes::child::DATE_AFTER_AS_OF`), grouped in a module per code prefix, generated
/// from the same code table, so a Rust caller matches on names that cannot drift from it.
#[test]
fn code_constants_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/codes/generated.rs");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = code_constants();
    if std::env::var_os("TREEM_WRITE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "crates/treem/src/codes/generated.rs is stale; regenerate it with:\n  TREEM_WRITE_DOCS=1 cargo test -p treem --test docs"
    );
}

/// The text of `codes/generated.rs`: modules in the order of the code table, constants in it.
fn code_constants() -> String {
    let mut groups: Vec<(&str, Vec<&treem::codes::CodeDef>)> = Vec::new();
    for def in treem::codes::all() {
        let (prefix, _) = def.code.split_once('.').unwrap();
        match groups.iter_mut().find(|(p, _)| *p == prefix) {
            Some((_, defs)) => defs.push(def),
            None => groups.push((prefix, vec![def])),
        }
    }
    let mut out = String::from(
        "// Generated from the code table by `TREEM_WRITE_DOCS=1 cargo test -p treem --test docs`\n\
         // (tests/docs.rs fails when this file is stale). Do not edit.\n",
    );
    let mut all = Vec::new();
    for (prefix, defs) in &groups {
        out.push_str(&format!(
            "\n/// The codes `{prefix}.*`.\npub mod {prefix} {{\n"
        ));
        for def in defs {
            let name = def.code.split_once('.').unwrap().1.to_ascii_uppercase();
            out.push_str(&format!(
                "    /// {} (rule `{}`; source: {}): \"{}\"\n    pub const {name}: &str = \"{}\";\n",
                match def.severity {
                    treem::Severity::Error => "Error",
                    treem::Severity::Warning => "Warning",
                },
                def.rule,
                def.source,
                def.en,
                def.code
            ));
            all.push(format!("{prefix}::{name}"));
        }
        out.push_str("}\n");
    }
    out.push_str("\n/// Every code, in the order of the code table (`docs/codes.md`).\npub const ALL: &[&str] = &[\n");
    for name in all {
        out.push_str(&format!("    {name},\n"));
    }
    out.push_str("];\n");
    out
}

/// The code table with a column `raised in`: `file` → `function` for every place a code's
/// constant is used outside its declaration and tests.
fn codes_with_places() -> String {
    let sources = sources();
    // Constant name -> code, from the `codes!` declarations (`NAME = "code", ...`).
    let mut constants: Vec<(String, String, String)> = Vec::new();
    for (file, text) in &sources {
        for line in text.lines() {
            let line = line.trim();
            let Some((name, rest)) = line.split_once(" = \"") else {
                continue;
            };
            if !name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            {
                continue;
            }
            let Some((code, _)) = rest.split_once('"') else {
                continue;
            };
            constants.push((name.to_owned(), code.to_owned(), file.clone()));
        }
    }
    let mut places: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (name, code, declared_in) in &constants {
        let mut found: Vec<String> = Vec::new();
        for (file, text) in &sources {
            let lines: Vec<&str> = code_lines(text);
            for (at, line) in lines.iter().enumerate() {
                if !has_word(line, name)
                    || line.trim_start().starts_with(&format!("{name} = "))
                    || in_use(&lines, at)
                {
                    continue;
                }
                let function = lines[..at]
                    .iter()
                    .rev()
                    .find_map(|l| fn_name(l))
                    .unwrap_or("(table)");
                let place = format!("`{file}` {function}");
                if !found.contains(&place) {
                    found.push(place);
                }
            }
        }
        if found.is_empty() {
            found.push(format!(
                "`{declared_in}` (declared; raised through a table)"
            ));
        }
        places.insert(code.clone(), found);
    }
    let table = treem::codes::markdown();
    let mut out = String::new();
    for line in table.lines() {
        if line.starts_with("| code |") {
            out.push_str(line);
            out.push_str(" raised in (`crates/...`) |\n");
        } else if line.starts_with("|---|") {
            out.push_str(line);
            out.push_str("---|\n");
        } else if let Some(code) = line.strip_prefix("| `").and_then(|l| l.split('`').next()) {
            let at = places.get(code).map(|p| p.join("<br>")).unwrap_or_default();
            out.push_str(line);
            out.push_str(&format!(" {at} |\n"));
        } else if line.starts_with("Generated from the code catalog") {
            out.push_str(
                "Generated from the code catalog (`treem::codes::markdown()`, which `treem catalog issue_codes --format markdown`\n\
                 prints) and, for the last column, the sources: `TREEM_WRITE_DOCS=1 cargo test -p treem --test docs`\n",
            );
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Source files of the core and the command line, relative to `crates/`.
fn sources() -> std::collections::BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut std::collections::BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                // The code constants name codes; they raise none.
                if !rel.ends_with("tests.rs") && !rel.starts_with("treem/src/codes/") {
                    out.insert(rel, std::fs::read_to_string(&path).unwrap());
                }
            }
        }
    }
    // Paths relative to `crates/`: the core's rules and the command line's row checks.
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = std::collections::BTreeMap::new();
    for src in ["treem/src", "treem-cli/src"] {
        walk(&crates.join(src), &crates, &mut out);
    }
    out
}

/// The lines of a file up to its test module, comments blanked.
fn code_lines(text: &str) -> Vec<&str> {
    let end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
    text[..end]
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect()
}

/// Whether line `at` is part of a `use` declaration (an import names a code, raises nothing).
fn in_use(lines: &[&str], at: usize) -> bool {
    for (n, line) in lines[..=at].iter().enumerate().rev() {
        let trimmed = line.trim_start();
        let head = trimmed.split_whitespace().next().unwrap_or("");
        let after_vis = if head.starts_with("pub") {
            trimmed.split_whitespace().nth(1).unwrap_or("")
        } else {
            head
        };
        if after_vis == "use" {
            return true;
        }
        if n != at && (trimmed.ends_with(';') || trimmed.ends_with('{') || trimmed.ends_with('}')) {
            return false;
        }
    }
    false
}

fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !part(before) && !part(after)
    })
}

/// The name of the function a line declares, if it does.
fn fn_name(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let at = trimmed.find("fn ")?;
    let head = &trimmed[..at];
    if !head.split_whitespace().all(|w| {
        [
            "pub",
            "pub(crate)",
            "pub(super)",
            "const",
            "unsafe",
            "async",
        ]
        .contains(&w)
    }) {
        return None;
    }
    let name = &trimmed[at + 3..];
    let end = name.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    Some(&name[..end]).filter(|n| !n.is_empty())
}
