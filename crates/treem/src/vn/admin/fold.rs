//! The folded form of a Vietnamese place name, used only for matching.
//!
//! Folding lower-cases, removes every tone mark and vowel diacritic (so `Hoà` and `Hòa`, both
//! spellings the official lists use, fold alike), writes `đ` as `d`, turns punctuation into
//! spaces and collapses whitespace. Decomposed input (combining marks, U+0300–U+036F) folds
//! like precomposed input.
//!
//! The letters are folded by the one Vietnamese fold, [`crate::vn::name::fold`] (table in
//! [`crate::vn::letters`]); a place name adds two steps a person's name does not take, which
//! is why this function remains: punctuation becomes a word break (`TP.Hải Phòng`,
//! `Ea H’leo`), and combining marks outside Vietnamese are dropped (a name keeps them so that
//! its checks can report them).

/// Folds `text` for matching: `"Thành phố  Hải Phòng"` → `"thanh pho hai phong"`.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::fold;
/// assert_eq!(fold("Q. Ngô Quyền"), "q ngo quyen");
/// assert_eq!(fold("Hoà"), fold("Hòa"));
/// assert_eq!(fold("Đắk Lắk"), "dak lak");
/// ```
pub fn fold(text: &str) -> String {
    let letters = crate::vn::name::fold(text);
    let mut out = String::with_capacity(letters.len());
    let mut pending_space = false;
    // Lower case again: the shared fold keeps a letter whose lower case is several
    // characters (`İ`), and its combining part is dropped here as before.
    for c in letters.chars().flat_map(crate::letter_case::lower) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_tones_marks_and_punctuation() {
        assert_eq!(fold("Thành phố Hải Phòng"), "thanh pho hai phong");
        assert_eq!(fold("  TP.Hải   Phòng "), "tp hai phong");
        assert_eq!(fold("Phường Thủy Nguyên"), fold("Phường Thuỷ Nguyên"));
        assert_eq!(fold("Xã Ia Mơ"), "xa ia mo");
        assert_eq!(fold("Ea H’leo"), fold("Ea H'leo"));
        // Decomposed: o + combining grave, a + combining breve + combining acute.
        assert_eq!(fold("Ho\u{300}a"), "hoa");
        assert_eq!(fold("Ba\u{306}\u{301}c"), "bac");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_ascii() {
        // The table the place fold had before it used the shared one.
        const GROUPS: &[(char, &str)] = &[
            ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
            ('e', "èéẻẽẹêềếểễệ"),
            ('i', "ìíỉĩị"),
            ('o', "òóỏõọôồốổỗộơờớởỡợ"),
            ('u', "ùúủũụưừứửữự"),
            ('y', "ỳýỷỹỵ"),
            ('d', "đ"),
        ];
        for (base, letters) in GROUPS {
            for c in letters.chars() {
                assert_eq!(fold(&c.to_string()), base.to_string());
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold(&upper), base.to_string(), "{upper}");
            }
        }
    }

    /// The place fold as it was before it used the shared fold, kept to prove them equal.
    fn legacy_fold(text: &str) -> String {
        const GROUPS: &[(char, &str)] = &[
            ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
            ('e', "èéẻẽẹêềếểễệ"),
            ('i', "ìíỉĩị"),
            ('o', "òóỏõọôồốổỗộơờớởỡợ"),
            ('u', "ùúủũụưừứửữự"),
            ('y', "ỳýỷỹỵ"),
            ('d', "đ"),
        ];
        let mut out = String::new();
        let mut pending_space = false;
        for upper in text.chars() {
            for c in upper.to_lowercase() {
                if ('\u{300}'..='\u{36f}').contains(&c) {
                    continue;
                }
                let base = GROUPS
                    .iter()
                    .find(|(_, letters)| letters.contains(c))
                    .map_or(c, |(base, _)| *base);
                if base.is_alphanumeric() {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(base);
                } else {
                    pending_space = true;
                }
            }
        }
        out
    }

    proptest! {
        #[test]
        fn same_as_the_former_place_fold(text in "[a-zA-Z0-9àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÊỀẾỂỄỆƠỜỚỞỠỢƯỪỨỬỮỰ ,.'’\\-\u{300}\u{301}\u{302}\u{303}\u{306}\u{309}\u{31b}\u{323}\u{308}İ]{0,30}") {
            prop_assert_eq!(fold(&text), legacy_fold(&text));
        }

        #[test]
        fn same_as_the_former_place_fold_on_any_text(text in ".{0,30}") {
            prop_assert_eq!(fold(&text), legacy_fold(&text));
        }

        #[test]
        fn fold_is_idempotent(text in ".{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn fold_of_vietnamese_words_is_ascii(text in "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ ,.]{0,40}") {
            prop_assert!(fold(&text).is_ascii());
        }
    }
}
