//! Coded select lists: the fixed lists a field takes its value from (forms of abuse, types of
//! disability, ...), each entry with its stable code, labels in both languages, the legal
//! source, and the other spellings people type for it.
//!
//! A rule reads a value with [`lookup`], which accepts the code and every alias (any case,
//! any spacing), so `"Nữ"` and `"female"` are the same value; `normalize` rewrites an alias
//! into the code. The `catalog` entry point lists the entries for select boxes.

use crate::i18n::Lang;

/// One value of a coded list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Stable code (snake_case ASCII): what records store and the API returns.
    pub code: &'static str,
    /// Label in Vietnamese (the law's wording where the value comes from law).
    pub vi: &'static str,
    /// Label in English.
    pub en: &'static str,
    /// Where the value comes from: document and article (or `treem` for a list of ours).
    pub source: &'static str,
    /// Other spellings accepted on input (compared case-insensitively, spaces collapsed).
    pub aliases: &'static [&'static str],
}

impl Entry {
    /// The label in `lang`.
    pub const fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    /// The entry as a catalog item `{code, label, source}`.
    pub fn to_item(self, lang: Lang) -> serde_json::Value {
        serde_json::json!({"code": self.code, "label": self.label(lang), "source": self.source})
    }
}

/// Lower-cases and collapses whitespace, for comparing what a person typed with a code or a
/// label (the code lists here and the school module's lists).
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most values are codes (`tieu_hoc`): one pass and one allocation.
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    crate::letter_case::lower_str(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `fold(label) == folded`, without building the folded label: lists are matched against a
/// typed value on every record. Labels are Vietnamese text, where lower-casing letter by
/// letter is what `to_lowercase` does (it differs only for a Greek final sigma).
pub(crate) fn label_folds_to(label: &str, folded: &str) -> bool {
    let mut expected = folded.chars();
    for (i, word) in label.split_whitespace().enumerate() {
        if i > 0 && expected.next() != Some(' ') {
            return false;
        }
        for c in word.chars().flat_map(crate::letter_case::lower) {
            if expected.next() != Some(c) {
                return false;
            }
        }
    }
    expected.next().is_none()
}

/// Finds the entry whose code, Vietnamese label or alias is `text` (any case, any spacing):
/// `" BẠO  LỰC "` finds the entry `violence` labelled `Bạo lực` (see the tests below).
pub(crate) fn lookup<'a>(entries: &'a [Entry], text: &str) -> Option<&'a Entry> {
    if let Some(exact) = entries.iter().find(|e| e.code == text) {
        return Some(exact);
    }
    let folded = fold(text);
    entries.iter().find(|e| {
        e.code == folded
            || label_folds_to(e.vi, &folded)
            || label_folds_to(e.en, &folded)
            || e.aliases.iter().any(|a| label_folds_to(a, &folded))
    })
}

/// Every entry as catalog items, in list order.
pub(crate) fn items(entries: &[Entry], lang: Lang) -> Vec<serde_json::Value> {
    entries.iter().map(|e| e.to_item(lang)).collect()
}

// Tests compare with, or sort through, the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    use super::*;

    /// The fold as it was before the ASCII fast path.
    fn fold_general(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    proptest::proptest! {
        #[test]
        fn label_matching_answers_as_folding(
            label in "[ a-zA-Z\\tàÀđĐẠẬỮ]{0,10}",
            other in "[ a-zA-Z\\tàÀđĐẠẬỮ]{0,10}",
        ) {
            for folded in [fold_general(&label), fold_general(&other), other.clone()] {
                proptest::prop_assert_eq!(
                    label_folds_to(&label, &folded),
                    fold_general(&label) == folded
                );
            }
        }

        #[test]
        fn fold_answers_as_the_general_fold(text in "[ a-zA-Z_\\t\u{b}\u{c}\r\nàÀđĐΣ]{0,12}") {
            proptest::prop_assert_eq!(fold(&text), fold_general(&text));
        }
    }

    const LIST: &[Entry] = &[
        Entry {
            code: "a",
            vi: "Một",
            en: "One",
            source: "treem",
            aliases: &["mot"],
        },
        Entry {
            code: "b",
            vi: "Hai",
            en: "Two",
            source: "treem",
            aliases: &[],
        },
    ];

    #[test]
    fn lookup_accepts_code_labels_and_aliases() {
        assert_eq!(lookup(LIST, "a").map(|e| e.code), Some("a"));
        assert_eq!(lookup(LIST, "  MỘT ").map(|e| e.code), Some("a"));
        assert_eq!(lookup(LIST, "two").map(|e| e.code), Some("b"));
        assert_eq!(lookup(LIST, "Mot").map(|e| e.code), Some("a"));
        assert!(lookup(LIST, "c").is_none());
    }
}
