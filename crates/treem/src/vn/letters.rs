//! The Vietnamese letters with their marks, as one table: composition to Unicode NFC and
//! folding (tones and marks removed, `đ` → `d`) both read it.
//!
//! Why a table and not the `unicode-normalization` crate: a name field only ever needs the
//! 134 precomposed Vietnamese vowels (12 vowel shapes × 6 tones, upper and lower case) plus
//! `đ`/`Đ`, and this table costs a few hundred bytes in the WebAssembly build where the full
//! Unicode composition tables would cost tens of kilobytes. Text with combining marks outside
//! Vietnamese (a decomposed `ë`, say) is left as it is, and the callers report it.

/// The six tones in the order of the table's columns: ngang (none), huyền, sắc, hỏi, ngã, nặng.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];

/// A vowel shape: the base letter and its shape mark (breve, circumflex or horn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    Breve,
    Circumflex,
    Horn,
}

/// Each row: base letter, shape, and the letter with each tone (columns as [`TONE_MARKS`],
/// preceded by the toneless letter).
const ROWS: [(char, Shape, &str); 12] = [
    ('a', Shape::Plain, "aàáảãạ"),
    ('a', Shape::Breve, "ăằắẳẵặ"),
    ('a', Shape::Circumflex, "âầấẩẫậ"),
    ('e', Shape::Plain, "eèéẻẽẹ"),
    ('e', Shape::Circumflex, "êềếểễệ"),
    ('i', Shape::Plain, "iìíỉĩị"),
    ('o', Shape::Plain, "oòóỏõọ"),
    ('o', Shape::Circumflex, "ôồốổỗộ"),
    ('o', Shape::Horn, "ơờớởỡợ"),
    ('u', Shape::Plain, "uùúủũụ"),
    ('u', Shape::Horn, "ưừứửữự"),
    ('y', Shape::Plain, "yỳýỷỹỵ"),
];

/// A Vietnamese vowel taken apart: row in [`ROWS`], tone column (0 = none), upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Vowel {
    row: usize,
    tone: usize,
    upper: bool,
}

fn vowel_of(c: char) -> Option<Vowel> {
    // Most letters of a name are ASCII consonants, digits or spaces, which are in no row:
    // answering them at once avoids scanning the 72 letters of the table for each (the scan
    // was about a quarter of `treem validate`'s time on full child records). Every Vietnamese
    // letter lies in U+0000–U+01FF or U+1EA0–U+1EFF: those are answered from a table filled
    // once by the scan itself, so the answers are the scan's by construction (and proved for
    // every character up to U+2FFF by the test below).
    if c.is_ascii() && !matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
        return None;
    }
    static TABLE: std::sync::OnceLock<LetterTable<Vowel>> = std::sync::OnceLock::new();
    match TABLE
        .get_or_init(|| LetterTable::build(vowel_by_scan))
        .get(c)
    {
        Some(answer) => answer,
        None => vowel_by_scan(c),
    }
}

const LATIN_END: u32 = 0x200;
const EXTENDED_START: u32 = 0x1EA0;
const EXTENDED_END: u32 = 0x1F00;

/// Answers about characters for the two ranges that hold every Vietnamese letter
/// (U+0000–U+01FF and U+1EA0–U+1EFF), computed once by a slower function.
struct LetterTable<T>(Vec<Option<T>>, Vec<Option<T>>);

impl<T: Copy> LetterTable<T> {
    fn build(answer: fn(char) -> Option<T>) -> LetterTable<T> {
        let fill = |range: std::ops::Range<u32>| {
            range
                .map(|code| char::from_u32(code).and_then(answer))
                .collect()
        };
        LetterTable(fill(0..LATIN_END), fill(EXTENDED_START..EXTENDED_END))
    }

    /// The answer for `c`; `None` when `c` is outside both ranges.
    fn get(&self, c: char) -> Option<Option<T>> {
        let code = c as u32;
        if code < LATIN_END {
            self.0.get(code as usize).copied()
        } else if (EXTENDED_START..EXTENDED_END).contains(&code) {
            self.1.get((code - EXTENDED_START) as usize).copied()
        } else {
            None
        }
    }
}

/// The table scan behind [`vowel_of`].
fn vowel_by_scan(c: char) -> Option<Vowel> {
    let upper = c.is_uppercase();
    let lower = if upper { single_lower(c)? } else { c };
    ROWS.iter().enumerate().find_map(|(row, (_, _, letters))| {
        letters
            .chars()
            .position(|l| l == lower)
            .map(|tone| Vowel { row, tone, upper })
    })
}

fn single_lower(c: char) -> Option<char> {
    crate::letter_case::lower(c).single()
}

fn single_upper(c: char) -> char {
    crate::letter_case::upper(c).single().unwrap_or(c)
}

fn letter_of(v: Vowel) -> Option<char> {
    let (_, _, letters) = ROWS.get(v.row)?;
    let lower = letters.chars().nth(v.tone)?;
    Some(if v.upper { single_upper(lower) } else { lower })
}

fn shape_mark(c: char) -> Option<Shape> {
    match c {
        '\u{0306}' => Some(Shape::Breve),
        '\u{0302}' => Some(Shape::Circumflex),
        '\u{031B}' => Some(Shape::Horn),
        _ => None,
    }
}

fn tone_of_mark(c: char) -> Option<usize> {
    TONE_MARKS.iter().position(|m| *m == c).map(|i| i + 1)
}

/// True for the combining marks Vietnamese uses (five tones, breve, circumflex, horn).
///
/// # Examples
///
/// ```
/// use treem::vn::letters::is_vietnamese_mark;
/// assert!(is_vietnamese_mark('\u{302}'));
/// assert!(!is_vietnamese_mark('a'));
/// ```
pub fn is_vietnamese_mark(c: char) -> bool {
    shape_mark(c).is_some() || tone_of_mark(c).is_some()
}

/// Applies combining `marks` to `base`; `None` when they do not make a Vietnamese letter.
fn compose_one(base: char, marks: &[char]) -> Option<char> {
    let mut v = vowel_of(base)?;
    for &mark in marks {
        if let Some(shape) = shape_mark(mark) {
            let (letter, current, _) = ROWS.get(v.row)?;
            if *current != Shape::Plain {
                return None;
            }
            v.row = ROWS
                .iter()
                .position(|(l, s, _)| l == letter && *s == shape)?;
        } else if let Some(tone) = tone_of_mark(mark) {
            if v.tone != 0 {
                return None;
            }
            v.tone = tone;
        } else {
            return None;
        }
    }
    letter_of(v)
}

/// Composes decomposed Vietnamese letters into their precomposed (NFC) form: `a` + U+0302 +
/// U+0301 → `ấ`, in either mark order. Everything else is kept as it is.
///
/// # Examples
///
/// ```
/// use treem::vn::letters::compose;
/// assert_eq!(compose("Nguye\u{302}\u{303}n"), "Nguyễn");
/// assert_eq!(compose("a\u{323}\u{302}"), "ậ");
/// ```
pub fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut marks: Vec<char> = Vec::new();
    while let Some(base) = chars.next() {
        marks.clear();
        while let Some(&next) = chars.peek() {
            if !is_vietnamese_mark(next) {
                break;
            }
            marks.push(next);
            chars.next();
        }
        if marks.is_empty() {
            out.push(base);
            continue;
        }
        match compose_one(base, &marks) {
            Some(letter) => out.push(letter),
            None => {
                out.push(base);
                out.extend(marks.iter());
            }
        }
    }
    out
}

/// The letter without tone or shape mark, lower case: `Ữ` → `u`, `Đ` → `d`; other characters
/// are lower-cased (a character whose lower case is not one character is kept).
///
/// # Examples
///
/// ```
/// use treem::vn::letters::fold_char;
/// assert_eq!(fold_char('Ữ'), 'u');
/// assert_eq!(fold_char('Đ'), 'd');
/// ```
pub fn fold_char(c: char) -> char {
    if let Some(v) = vowel_of(c) {
        if let Some((base, _, _)) = ROWS.get(v.row) {
            return *base;
        }
    }
    match c {
        'đ' | 'Đ' => 'd',
        _ => single_lower(c).unwrap_or(c),
    }
}

/// A letter that a name can hold as it is, with its three forms: capital, small and folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlainLetter {
    /// The capital form (`Ấ`, `Đ`, `B`).
    pub(crate) upper: char,
    /// The small form (`ấ`, `đ`, `b`).
    pub(crate) lower: char,
    /// The folded form ([`fold_char`]: `a`, `d`, `b`).
    pub(crate) folded: char,
}

/// The forms of an ASCII letter, a precomposed Vietnamese vowel or `đ`/`Đ`; `None` for
/// every other character. Names are almost always made of these letters alone, and this
/// answer lets [`crate::vn::name`] read them in one pass without composing, splitting or
/// case-mapping through the general Unicode tables. The forms are those of `to_uppercase`,
/// `to_lowercase` and [`fold_char`] (checked for every character by a test).
#[inline]
pub(crate) fn plain_letter(c: char) -> Option<PlainLetter> {
    if c.is_ascii_alphabetic() {
        let lower = c.to_ascii_lowercase();
        return Some(PlainLetter {
            upper: c.to_ascii_uppercase(),
            lower,
            folded: lower,
        });
    }
    if c.is_ascii() {
        return None;
    }
    static TABLE: std::sync::OnceLock<LetterTable<PlainLetter>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| LetterTable::build(plain_letter_slow))
        .get(c)
        .flatten()
}

/// [`plain_letter`] for one non-ASCII character, from the vowel table.
fn plain_letter_slow(c: char) -> Option<PlainLetter> {
    if matches!(c, 'đ' | 'Đ') {
        return Some(PlainLetter {
            upper: 'Đ',
            lower: 'đ',
            folded: 'd',
        });
    }
    let v = vowel_of(c)?;
    Some(PlainLetter {
        upper: letter_of(Vowel { upper: true, ..v })?,
        lower: letter_of(Vowel { upper: false, ..v })?,
        folded: fold_char(c),
    })
}

/// Every precomposed Vietnamese letter, lower then upper case (for tests and catalogs).
///
/// # Examples
///
/// ```
/// use treem::vn::letters::all_letters;
/// assert!(all_letters().any(|c| c == 'ễ'));
/// assert!(all_letters().any(|c| c == 'Đ'));
/// assert!(!all_letters().any(|c| c == 'b'));
/// ```
pub fn all_letters() -> impl Iterator<Item = char> {
    let lower = ROWS
        .iter()
        .flat_map(|(_, _, letters)| letters.chars())
        .chain(std::iter::once('đ'));
    lower.clone().chain(lower.map(single_upper))
}

/// A precomposed Vietnamese letter taken apart into base letter and combining marks in
/// canonical (NFD) order: `ậ` → `a` U+0323 U+0302. Other characters give themselves.
///
/// # Examples
///
/// ```
/// use treem::vn::letters::decompose_char;
/// assert_eq!(decompose_char('ậ'), "a\u{323}\u{302}");
/// assert_eq!(decompose_char('x'), "x");
/// ```
pub fn decompose_char(c: char) -> String {
    let Some(v) = vowel_of(c) else {
        return c.to_string();
    };
    let Some((base, shape, _)) = ROWS.get(v.row) else {
        return c.to_string();
    };
    let mut out = String::new();
    out.push(if v.upper { single_upper(*base) } else { *base });
    // Canonical order: the dot below (class 220) before the marks above (class 230).
    let tone = v.tone.checked_sub(1).and_then(|i| TONE_MARKS.get(i));
    let dot_below = tone == Some(&'\u{0323}');
    let horn = *shape == Shape::Horn;
    // The horn has class 216 and so precedes the dot below.
    if horn {
        out.push('\u{031B}');
    }
    if dot_below {
        out.push('\u{0323}');
    }
    match shape {
        Shape::Breve => out.push('\u{0306}'),
        Shape::Circumflex => out.push('\u{0302}'),
        Shape::Plain | Shape::Horn => {}
    }
    if let Some(mark) = tone {
        if !dot_below {
            out.push(*mark);
        }
    }
    out
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {

    #[test]
    fn ascii_shortcut_answers_as_the_scan() {
        for code in 0..=0x2FFF_u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(super::vowel_of(c), super::vowel_by_scan(c), "{c:?}");
            }
        }
    }

    use super::*;

    #[test]
    fn table_has_every_letter_once() {
        let all: Vec<char> = all_letters().collect();
        assert_eq!(all.len(), 146);
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 146);
    }

    #[test]
    fn decompose_then_compose_is_identity_for_every_letter() {
        for c in all_letters() {
            let d = decompose_char(c);
            assert_eq!(compose(&d), c.to_string(), "{c} via {d:?}");
        }
    }

    #[test]
    fn known_nfd_sequences() {
        // NFD forms as Unicode defines them (UnicodeData.txt decompositions).
        assert_eq!(decompose_char('ậ'), "a\u{323}\u{302}");
        assert_eq!(decompose_char('ự'), "u\u{31b}\u{323}");
        assert_eq!(decompose_char('Ữ'), "U\u{31b}\u{303}");
        assert_eq!(decompose_char('ề'), "e\u{302}\u{300}");
        assert_eq!(
            compose("Tra\u{302}\u{300}n Thi\u{323} Ho\u{61}\u{300}"),
            "Trần Thị Hoà"
        );
        // Marks in a non-canonical order still compose.
        assert_eq!(compose("a\u{302}\u{323}"), "ậ");
        // Marks that make no Vietnamese letter are kept.
        assert_eq!(compose("e\u{308}"), "e\u{308}");
        assert_eq!(compose("a\u{300}\u{301}"), "a\u{300}\u{301}");
        assert_eq!(compose("\u{301}x"), "\u{301}x");
    }

    #[test]
    fn plain_letters_agree_with_unicode_case_mapping() {
        let mut count = 0;
        for code in 0..=0x2FFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let Some(p) = plain_letter(c) else {
                assert!(
                    !(c.is_ascii_alphabetic() || all_letters().any(|l| l == c)),
                    "{c:?} is a plain letter"
                );
                continue;
            };
            count += 1;
            assert_eq!(
                c.to_uppercase().collect::<String>(),
                p.upper.to_string(),
                "{c:?}"
            );
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                p.lower.to_string(),
                "{c:?}"
            );
            assert_eq!(fold_char(c), p.folded, "{c:?}");
        }
        // 52 ASCII letters and the 146 Vietnamese letters of the table, 12 of which (the
        // toneless a, e, i, o, u, y in both cases) are ASCII.
        assert_eq!(count, 52 + 146 - 12);
    }

    #[test]
    fn fold_every_letter() {
        for c in all_letters() {
            let f = fold_char(c);
            assert!("aeiouyd".contains(f), "{c} -> {f}");
        }
        assert_eq!(fold_char('Ơ'), 'o');
        assert_eq!(fold_char('ỵ'), 'y');
        assert_eq!(fold_char('B'), 'b');
    }
}
