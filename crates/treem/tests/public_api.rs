//! The public surface of the crate, committed as `crates/treem/public-api.txt`, so that a
//! change of it (an item added, removed, renamed, a signature changed) shows in review.
//!
//! The listing is read off `cargo doc` (stable rustdoc's HTML: the JSON output needs a
//! nightly toolchain): every module reachable from the crate root, every item in it with its
//! declaration, and for types and traits the signatures of their inherent members and the
//! headers of their trait implementations (blanket implementations left out: they come with
//! the standard library, not with treem; so do the unstable marker traits). Items marked `#[doc(hidden)]` are not listed. The
//! documentation is built into `target/public-api` so that the test does not wait for, or
//! disturb, the build that runs it.
//!
//! Regenerate with `TREEM_WRITE_PUBLIC_API=1 cargo test -p treem --test public_api`.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[test]
fn public_api_is_current() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = manifest.join("../../target/public-api");
    let status = std::process::Command::new(env!("CARGO"))
        .args(["doc", "--quiet", "--no-deps", "-p", "treem", "--target-dir"])
        .arg(&target)
        .env_remove("RUSTDOCFLAGS")
        .current_dir(manifest)
        .status()
        .unwrap();
    assert!(status.success(), "cargo doc failed");
    let root = target.join("doc/treem");
    let generated = listing(&root);
    let path = manifest.join("public-api.txt");
    if std::env::var_os("TREEM_WRITE_PUBLIC_API").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let old: BTreeSet<&str> = committed.lines().collect();
        let new: BTreeSet<&str> = generated.lines().collect();
        let gone: Vec<&&str> = old.difference(&new).take(20).collect();
        let added: Vec<&&str> = new.difference(&old).take(20).collect();
        panic!(
            "the public API changed (crates/treem/public-api.txt is stale).\n\
             gone: {gone:#?}\nadded: {added:#?}\n\
             If the change is meant, regenerate the listing and commit it:\n  \
             TREEM_WRITE_PUBLIC_API=1 cargo test -p treem --test public_api"
        );
    }
}

/// The listing of the documentation under `root` (the crate's directory of `cargo doc`).
fn listing(root: &Path) -> String {
    let mut out = String::from(
        "# The public API of the crate treem, read off `cargo doc` by tests/public_api.rs.\n\
         # Regenerate with: TREEM_WRITE_PUBLIC_API=1 cargo test -p treem --test public_api\n",
    );
    let mut seen = BTreeSet::new();
    module(&root.join("index.html"), "treem", &mut out, &mut seen);
    out
}

/// Lists a module page: its re-exports, its items, then its submodules.
fn module(page: &Path, path: &str, out: &mut String, seen: &mut BTreeSet<PathBuf>) {
    let html = std::fs::read_to_string(page).unwrap();
    out.push_str(&format!("\nmod {path}\n"));
    let dir = page.parent().unwrap();
    let main = between(&html, "<section id=\"main-content\"", "</main>").unwrap_or(&html);
    for reexport in all_between(main, "<dt id=\"reexport.", "</dt>") {
        out.push_str(&format!("  {}\n", text(after(reexport, ">"))));
    }
    let mut modules = Vec::new();
    for entry in all_between(main, "<dt><a class=\"", "</a>") {
        let (kind, rest) = entry.split_once('"').unwrap();
        let href = between(rest, "href=\"", "\"").unwrap();
        let name = text(after(rest, ">"));
        let target = dir.join(href);
        if kind == "mod" {
            modules.push((target, format!("{path}::{name}")));
            continue;
        }
        item(&target, kind, &format!("{path}::{name}"), out, seen);
    }
    for (page, path) in modules {
        module(&page, &path, out, seen);
    }
}

/// Lists one item: its declaration, and for a type or a trait its members.
fn item(page: &Path, kind: &str, path: &str, out: &mut String, seen: &mut BTreeSet<PathBuf>) {
    let html = std::fs::read_to_string(page).unwrap();
    let decl = between(&html, "<pre class=\"rust item-decl\">", "</pre>")
        .map(text)
        .unwrap_or_default();
    out.push_str(&format!("  {kind} {path}: {decl}\n"));
    // An item re-exported in several places is one page: its members are listed once.
    if !seen.insert(page.to_path_buf()) {
        return;
    }
    for (section, members) in [
        ("implementations-list", true),
        ("trait-implementations-list", false),
        ("synthetic-implementations-list", false),
        ("required-associated-types", true),
        ("required-associated-consts", true),
        ("required-methods", true),
        ("provided-associated-consts", true),
        ("provided-methods", true),
        ("implementors-list", false),
    ] {
        let Some(start) = html.find(&format!("id=\"{section}\"")) else {
            continue;
        };
        let rest = &html[start..];
        let end = rest[1..].find("<h2 ").map_or(rest.len(), |e| e + 1);
        let body = &rest[..end];
        let mut at = 0;
        while let Some(found) = body[at..].find("class=\"code-header\">") {
            let open = at + found;
            let level = &body[open.saturating_sub(4)..open];
            let header_end = body[open..].find("</h").map_or(body.len(), |e| open + e);
            let header = text(&body[open + "class=\"code-header\">".len()..header_end]);
            // Unstable marker traits rustdoc lists with the auto traits: their names move with
            // the toolchain, not with treem.
            let unstable = ["Freeze for", "UnsafeUnpin for", "StructuralPartialEq for"]
                .iter()
                .any(|t| header.contains(t));
            if unstable {
            } else if level.contains("h3") {
                out.push_str(&format!("    {header}\n"));
            } else if members {
                out.push_str(&format!("      {header}\n"));
            }
            at = header_end;
        }
    }
}

/// Every text between `open` and the next `close` after it.
fn all_between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after_open = &rest[start + open.len()..];
        let Some(end) = after_open.find(close) else {
            break;
        };
        out.push(&after_open[..end]);
        rest = &after_open[end + close.len()..];
    }
    out
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

fn after<'a>(text: &'a str, mark: &str) -> &'a str {
    text.split_once(mark).map_or(text, |(_, rest)| rest)
}

/// The text of an HTML fragment: tags dropped, entities read, whitespace collapsed (and none
/// kept inside brackets, so a declaration laid out over several lines reads as one).
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("( ", "(")
        .replace(", )", ")")
        .replace(",}", "}")
}
