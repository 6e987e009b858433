//! Every issue code of the library: the code tables of all domains, chained in a fixed order
//! (`registry.rs` lists them), looked up by code, and written as the Markdown table of
//! `docs/codes.md`. The codes themselves are declared next to their rules with
//! the `codes!` macro (see [`crate::i18n::CodeDef`]).
//!
//! This module sits above the registry: the domains never read it, so adding a domain does
//! not make the message layer depend on every other domain.

use crate::i18n::CodeDef;

/// Every issue code of the library, grouped by module, in a fixed order.
///
/// # Examples
/// ```
/// assert!(treem::codes::all().any(|def| def.code == treem::codes::child::SEX_UNKNOWN));
/// ```
pub fn all() -> impl Iterator<Item = &'static CodeDef> {
    crate::registry::CODE_TABLES
        .iter()
        .flat_map(|table| table.iter())
}

/// Looks up a code's definition.
///
/// # Examples
/// ```
/// let def = treem::codes::get("child.sex_unknown").unwrap();
/// assert_eq!(def.severity, treem::Severity::Error);
/// assert!(treem::codes::get("no.such_code").is_none());
/// ```
pub fn get(code: &str) -> Option<&'static CodeDef> {
    all().find(|def| def.code == code)
}

/// The code table as Markdown: code, severity, rule, source and both messages.
/// `docs/codes.md` is this text; a test fails when the file is stale.
///
/// # Examples
/// ```
/// let table = treem::codes::markdown();
/// assert!(table.starts_with("# Issue codes"));
/// assert!(table.contains("child.sex_unknown"));
/// ```
pub fn markdown() -> String {
    let mut out = String::from(
        "# Issue codes\n\n\
         Generated from the code catalog by `cargo run -p treem-cli -- catalog issue_codes --format markdown`\n\
         (a test fails when this file is stale). A code is never reused with another meaning.\n\n\
         | code | severity | rule | source | message (vi) | message (en) |\n\
         |---|---|---|---|---|---|\n",
    );
    for def in all() {
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} | {} | {} |\n",
            def.code,
            def.severity.as_str(),
            def.rule,
            escape_cell(def.source),
            escape_cell(def.vi),
            escape_cell(def.en)
        ));
    }
    out
}

fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for def in all() {
            assert!(seen.insert(def.code), "duplicate code {}", def.code);
            assert!(
                def.code.split('.').count() >= 2
                    && def.code.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == '_'
                        || c == '.'),
                "code {} is not dotted snake_case",
                def.code
            );
            assert!(
                !def.vi.is_empty() && !def.en.is_empty(),
                "code {} lacks a message",
                def.code
            );
            assert!(!def.source.is_empty(), "code {} lacks a source", def.code);
        }
        assert!(seen.len() > 5);
    }

    #[test]
    fn templates_use_the_same_placeholders_in_both_languages() {
        fn placeholders(t: &str) -> std::collections::BTreeSet<String> {
            let mut out = std::collections::BTreeSet::new();
            let mut rest = t;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                if let Some(close) = after.find('}') {
                    // `reason_vi` / `reason_en` are one parameter in two languages.
                    let name = &after[..close];
                    let name = name
                        .strip_suffix("_vi")
                        .or_else(|| name.strip_suffix("_en"))
                        .unwrap_or(name);
                    out.insert(name.to_owned());
                    rest = &after[close + 1..];
                } else {
                    break;
                }
            }
            out
        }
        for def in all() {
            assert_eq!(
                placeholders(def.vi),
                placeholders(def.en),
                "placeholders differ for {}",
                def.code
            );
        }
    }
}
