//! Upper and lower case of any text, with the standard library's answers but not its tables.
//!
//! `char::to_lowercase`, `char::to_uppercase` and `str::to_lowercase`/`to_uppercase` link the
//! standard library's Unicode conversion tables and code (about 12 KB of the gzipped
//! WebAssembly package). The same mappings are here in a compact form: most come in runs (a
//! range of letters, every one or every other one, moved by a constant delta: Latin-1 +32,
//! Latin Extended-A pairs, Greek, Cyrillic, Vietnamese U+1EA0–U+1EF9 pairs, Deseret...), plus
//! the few letters whose case is several letters (`ß` → `SS`, `İ` → `i̇`, ligatures, Greek
//! with ypogegrammeni).
//!
//! The tables (`tables.rs`) are generated from the standard library of the toolchain that
//! builds the crate, so they follow its Unicode version (written at the top of the file);
//! `tests/letter_case_tables.rs` fails when they are stale and says how to regenerate them.
//! This module's tests compare every character, and random strings, with the standard library.

#[rustfmt::skip]
mod tables;

/// One run of a case table: the characters `first`, `first + step`, … up to `first + span`
/// map to the character `delta` away; or (step 0) the one character `first` maps to several,
/// the expansion numbered `delta`. Packed: `first` in bits 0–20, the span in 21–28, the step
/// in 29–30.
#[derive(Clone, Copy)]
struct Run {
    key: u32,
    delta: i32,
}

impl Run {
    /// `first..=last` by `step` (1 or 2), each moved by `delta`; `last - first` < 256.
    const fn new(first: u32, last: u32, step: u32, delta: i32) -> Self {
        Self {
            key: first | (last - first) << 21 | step << 29,
            delta,
        }
    }

    /// `first` alone, mapped to the expansion numbered `index`.
    const fn expansion(first: u32, index: i32) -> Self {
        Self {
            key: first,
            delta: index,
        }
    }

    const fn first(self) -> u32 {
        self.key & 0x1F_FFFF
    }

    const fn span(self) -> u32 {
        (self.key >> 21) & 0xFF
    }

    const fn step(self) -> u32 {
        self.key >> 29
    }
}

/// The case of one character: one to three characters, as `char::to_lowercase`'s and
/// `char::to_uppercase`'s iterators give them.
#[derive(Clone, Debug)]
pub(crate) struct CaseMapping {
    chars: [char; 3],
    len: u8,
    next: u8,
}

impl CaseMapping {
    fn one(c: char) -> Self {
        Self {
            chars: [c, '\0', '\0'],
            len: 1,
            next: 0,
        }
    }

    fn several(chars: [char; 3]) -> Self {
        let len = if chars[2] != '\0' {
            3
        } else if chars[1] != '\0' {
            2
        } else {
            1
        };
        Self {
            chars,
            len,
            next: 0,
        }
    }

    /// Appends the characters to `out` (a plain loop: smaller than extending a `String` from
    /// a flattened iterator, in the WebAssembly module).
    pub(crate) fn push_to(&self, out: &mut String) {
        for c in self.chars.iter().take(usize::from(self.len)) {
            out.push(*c);
        }
    }

    /// The mapping when it is one character (`None` for `ß` → `SS`).
    pub(crate) fn single(&self) -> Option<char> {
        (self.len == 1).then_some(self.chars[0])
    }
}

impl Iterator for CaseMapping {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.next >= self.len {
            return None;
        }
        let c = self.chars.get(usize::from(self.next)).copied();
        self.next += 1;
        c
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.len.saturating_sub(self.next));
        (left, Some(left))
    }
}

impl ExactSizeIterator for CaseMapping {}

/// The mapping of `c` in `runs` (`expansions` for the multi-character ones).
fn map(c: char, runs: &[Run], expansions: &[[char; 3]]) -> CaseMapping {
    let code = u32::from(c);
    let after = runs.partition_point(|run| run.first() <= code);
    let Some(run) = after.checked_sub(1).and_then(|i| runs.get(i)) else {
        return CaseMapping::one(c);
    };
    let offset = code - run.first();
    if offset > run.span() {
        return CaseMapping::one(c);
    }
    match run.step() {
        0 => usize::try_from(run.delta)
            .ok()
            .and_then(|i| expansions.get(i))
            .map_or(CaseMapping::one(c), |chars| CaseMapping::several(*chars)),
        step if offset % step == 0 => code
            .checked_add_signed(run.delta)
            .and_then(char::from_u32)
            .map_or(CaseMapping::one(c), CaseMapping::one),
        _ => CaseMapping::one(c),
    }
}

/// `c.to_lowercase()`.
#[inline]
pub(crate) fn lower(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    map(c, &tables::LOWER, &tables::LOWER_EXPANSIONS)
}

/// `c.to_uppercase()`.
#[inline]
pub(crate) fn upper(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    map(c, &tables::UPPER, &tables::UPPER_EXPANSIONS)
}

/// `text.to_uppercase()`.
// Only document numbers upper-case whole texts (and tests compare with std).
#[cfg_attr(not(feature = "directive"), allow(dead_code))]
pub(crate) fn upper_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            upper(c).push_to(&mut out);
        }
    }
    out
}

/// `text.to_lowercase()`, with its one rule that looks at the context: a capital sigma at
/// the end of a word becomes `ς`, elsewhere `σ`.
pub(crate) fn lower_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            let before = text.get(..i).unwrap_or_default();
            let after = text.get(i + 'Σ'.len_utf8()..).unwrap_or_default();
            let word_final = cased_beside(before.chars().rev()) && !cased_beside(after.chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            lower(c).push_to(&mut out);
        }
    }
    out
}

/// Unicode's `Final_Sigma` condition on one side: past the case-ignorable characters, the
/// next one is cased.
fn cased_beside(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| sigma_class(c) != SigmaClass::Ignorable)
        .is_some_and(|c| sigma_class(c) == SigmaClass::Cased)
}

/// How a character counts beside `Σ`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SigmaClass {
    /// Neither cased nor case-ignorable: a word break.
    Other,
    /// Cased (a capital, small or title-case letter) and not case-ignorable.
    Cased,
    /// Case-ignorable (combining marks, apostrophes, modifier letters...): skipped.
    Ignorable,
}

/// The class of `c`, read from `SIGMA_CONTEXT` (decoded from the start: it is only read
/// beside a capital sigma).
fn sigma_class(c: char) -> SigmaClass {
    let code = u32::from(c);
    sigma_changes()
        .take_while(|&(first, _)| first <= code)
        .last()
        .map_or(SigmaClass::Other, |(_, class)| class)
}

/// The stretches of `SIGMA_CONTEXT`, in order: the first character of each and its class.
/// Each is a LEB128 number, `gap << 2 | class`, the gap from the previous stretch's start.
fn sigma_changes() -> impl Iterator<Item = (u32, SigmaClass)> {
    let mut bytes = tables::SIGMA_CONTEXT.iter();
    let mut first = 0_u32;
    std::iter::from_fn(move || {
        let mut value = 0_u32;
        let mut shift = 0;
        loop {
            let byte = *bytes.next()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        first += value >> 2;
        let class = match value & 3 {
            1 => SigmaClass::Cased,
            2 => SigmaClass::Ignorable,
            _ => SigmaClass::Other,
        };
        Some((first, class))
    })
}

// Tests compare with, or sort through, the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10_FFFF_u32).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_maps_as_in_std() {
        for c in every_char() {
            assert!(lower(c).eq(c.to_lowercase()), "lower {c:?}");
            assert!(upper(c).eq(c.to_uppercase()), "upper {c:?}");
        }
    }

    #[test]
    fn sizes_and_singles_are_std_s() {
        for c in ['A', 'ß', 'İ', 'ﬃ', 'ᾳ', 'ạ', 'Ạ', '\0', '\u{10FFFF}'] {
            assert_eq!(upper(c).len(), c.to_uppercase().len(), "{c:?}");
            assert_eq!(lower(c).len(), c.to_lowercase().len(), "{c:?}");
            let std_single = |mut m: std::char::ToUppercase| match (m.next(), m.next()) {
                (Some(u), None) => Some(u),
                _ => None,
            };
            assert_eq!(upper(c).single(), std_single(c.to_uppercase()), "{c:?}");
        }
        assert_eq!(upper('ß').collect::<String>(), "SS");
        assert_eq!(upper('ﬃ').collect::<String>(), "FFI");
        assert_eq!(lower('İ').collect::<String>(), "i\u{307}");
    }

    /// How `str::to_lowercase` reads `c` beside a capital sigma: "cΣ" ends in `ς` when `c` is
    /// cased and not ignorable, "AcΣ" also when `c` is ignorable.
    fn std_sigma_class(c: char) -> SigmaClass {
        if format!("{c}Σ").to_lowercase().ends_with('ς') {
            SigmaClass::Cased
        } else if format!("A{c}Σ").to_lowercase().ends_with('ς') {
            SigmaClass::Ignorable
        } else {
            SigmaClass::Other
        }
    }

    #[test]
    fn every_character_counts_beside_sigma_as_in_std() {
        // One pass over the stretches (sigma_class decodes from the start each time).
        let mut changes = sigma_changes().peekable();
        let mut class = SigmaClass::Other;
        for c in every_char() {
            while let Some((_, next)) = changes.next_if(|&(first, _)| first <= u32::from(c)) {
                class = next;
            }
            assert_eq!(class, std_sigma_class(c), "{c:?}");
        }
        assert!(changes.next().is_none());
        for c in [
            'A',
            'a',
            'ǅ',
            '\'',
            '\u{301}',
            '1',
            ' ',
            'Σ',
            '\u{10FFFF}',
            '\u{E0001}',
        ] {
            assert_eq!(sigma_class(c), std_sigma_class(c), "{c:?}");
        }
    }

    #[test]
    fn final_sigma() {
        for text in [
            "Σ",
            "ΣΑ",
            "ΑΣ",
            "ΑΣ Α",
            "ὈΔΥΣΣΕΎΣ",
            "ΑΣ'",
            "Α'Σ",
            "Α\u{301}Σ",
            "ΑΣ\u{301}",
            "ΑΣ\u{301}Α",
            "ΑΣ.Α",
            "AΣ",
            "abcdefghijklmnopqrstuvwxyzΣ",
            "1Σ",
            "ǅΣ",
            "ΣΣ",
            "Σ Σ",
            "ᾼΣ",
            "Nguyễn ΣΑΣ",
        ] {
            assert_eq!(lower_str(text), text.to_lowercase(), "{text:?}");
            assert_eq!(upper_str(text), text.to_uppercase(), "{text:?}");
        }
    }

    #[test]
    fn tables_are_of_this_toolchain() {
        assert_eq!(tables::UNICODE_VERSION, char::UNICODE_VERSION);
    }

    proptest! {
        #[test]
        fn strings_map_as_in_std(
            text in "[ΣσςΑαΌόΈΰΐ\u{345}\u{301}\u{300}\u{323}\u{307}'’.·: a-zA-Z0-9ĐđạẠẮắƯưỆệÀàßİıŉﬀǅ\u{10400}\u{10428}-]{0,24}"
        ) {
            prop_assert_eq!(lower_str(&text), text.to_lowercase());
            prop_assert_eq!(upper_str(&text), text.to_uppercase());
        }

        #[test]
        fn any_strings_map_as_in_std(text in "\\PC{0,24}") {
            prop_assert_eq!(lower_str(&text), text.to_lowercase());
            prop_assert_eq!(upper_str(&text), text.to_uppercase());
        }

        #[test]
        fn sigma_among_any_characters(before in "\\PC{0,4}", after in "\\PC{0,4}") {
            let text = format!("{before}Σ{after}");
            prop_assert_eq!(lower_str(&text), text.to_lowercase());
        }
    }
}
