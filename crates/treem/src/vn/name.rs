//! Person names (họ và tên): normalised for storage, folded for matching.
//!
//! Normal form: Unicode NFC for Vietnamese letters (decomposed input composes, see
//! [`crate::vn::letters`]), whitespace trimmed and collapsed, each syllable in title case
//! (`nguyễn văn AN` → `Nguyễn Văn An`; the letter after `-` or `'` is capitalised too, as in
//! Ê-đê names such as `H'Hen Niê`). Letters of any script are accepted (children of foreign
//! parents); digits, symbols, emoji, and invisible characters (zero-width, bidirectional
//! controls) are rejected.
//!
//! The folded key removes tones and marks, maps `đ` to `d` and lowers the case, so spellings
//! that differ only in tone placement (`Hoà`/`Hòa`, `Thuý`/`Thúy`) or in marks match.
//!
//! Legal source: none read. No legal rule on which characters a name may contain was found,
//! so these are data-quality rules of treem (issue source `treem`), not law.
//! Decomposed marks that make no Vietnamese letter (a decomposed `ë`) are reported, not
//! composed: full Unicode composition is not carried, to keep the WebAssembly build small.

use serde::Serialize;

use crate::report::{IssueSink, Location};
use crate::vn::letters;

crate::codes! {
    /// The name is empty or only whitespace.
    NAME_EMPTY = "name.empty", Error, "vn.name", "treem",
        "Họ tên trống",
        "The name is empty";
    /// The name contains a digit.
    NAME_DIGIT = "name.digit", Error, "vn.name", "treem",
        "Họ tên có chữ số (ký tự thứ {position})",
        "The name contains a digit (character {position})";
    /// The name contains a symbol, punctuation mark or emoji that names do not have.
    NAME_SYMBOL = "name.symbol", Error, "vn.name", "treem",
        "Họ tên có ký tự không hợp lệ {char} (ký tự thứ {position})",
        "The name contains the character {char}, not allowed in names (character {position})";
    /// The name contains an invisible character: zero-width, bidirectional control or other
    /// control character (often pasted from other software).
    NAME_INVISIBLE = "name.invisible_character", Error, "vn.name", "treem",
        "Họ tên có ký tự ẩn {codepoint} (ký tự thứ {position})",
        "The name contains the invisible character {codepoint} (character {position})";
    /// A combining mark that makes no Vietnamese letter and is not supported decomposed.
    NAME_COMBINING = "name.unsupported_combining_mark", Error, "vn.name", "treem",
        "Họ tên có dấu tổ hợp {codepoint} không ghép được thành chữ tiếng Việt; hãy gõ chữ dựng sẵn",
        "The name has a combining mark {codepoint} that makes no Vietnamese letter; type the precomposed letter";
    /// The name is longer than any real name (200 characters).
    NAME_TOO_LONG = "name.too_long", Error, "vn.name", "treem",
        "Họ tên dài {length} ký tự, quá {max}",
        "The name is {length} characters long, more than {max}";
}

/// Longest name accepted, in characters: far longer than any real name, short enough to stop
/// a pasted paragraph.
pub const MAX_CHARS: usize = 200;

/// A checked person name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonName {
    /// The name in normal form (NFC, single spaces, title case per syllable).
    pub name: String,
    /// The folded key for matching (no tones or marks, `đ` → `d`, lower case).
    pub key: String,
    /// Number of syllables (words).
    pub syllables: usize,
}

/// Parses a person name, raising issues at `at` for what a name cannot contain (one issue
/// per kind of problem; `position` counts characters of the normalised name, from 1).
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let n = treem::vn::name::parse("  nguyễn   thị  HOÀ ", &Location::root(), &mut sink).unwrap();
/// assert_eq!(n.name, "Nguyễn Thị Hoà");
/// assert_eq!(n.key, "nguyen thi hoa");
/// assert!(treem::vn::name::parse("An2", &Location::root(), &mut sink).is_none());
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<PersonName> {
    read_plain(text, Build::NameAndKey).or_else(|| parse_general(text, at, sink))
}

/// The folded key of a name ([`PersonName::key`]), raising the issues [`parse`] raises:
/// for rules that only compare names, without building the normal form.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let key = treem::vn::name::key("  nguyễn   thị  HOÀ ", &Location::root(), &mut sink);
/// assert_eq!(key.as_deref(), Some("nguyen thi hoa"));
/// ```
pub fn key(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<String> {
    match read_plain(text, Build::Key) {
        Some(plain) => Some(plain.key),
        None => parse_general(text, at, sink).map(|n| n.key),
    }
}

/// Raises the issues [`parse`] raises and says whether the name is valid, building neither
/// the normal form nor the key: for rules that only judge a name.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// assert!(treem::vn::name::check("Nguyễn Văn An", &Location::root(), &mut sink));
/// assert!(!treem::vn::name::check("An2", &Location::root(), &mut sink));
/// ```
pub fn check(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> bool {
    read_plain(text, Build::Nothing).is_some() || parse_general(text, at, sink).is_some()
}

/// What [`read_plain`] builds besides judging the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Build {
    /// The normal form and the key ([`parse`]).
    NameAndKey,
    /// The key only ([`key`]).
    Key,
    /// Nothing ([`check`]).
    Nothing,
}

/// [`parse`] for any text: normalise, then judge each character.
fn parse_general(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<PersonName> {
    let name = normalize(text);
    if name.is_empty() {
        sink.push(&NAME_EMPTY, at, []);
        return None;
    }
    let length = name.chars().count();
    if length > MAX_CHARS {
        sink.push(
            &NAME_TOO_LONG,
            at,
            [("length", length.into()), ("max", MAX_CHARS.into())],
        );
        return None;
    }
    let before = sink.len();
    // One issue per kind of problem: the first offending character of each kind.
    let mut seen = [false; 4];
    for (index, c) in name.chars().enumerate() {
        let position = index + 1;
        let (slot, def, params): (usize, &'static crate::i18n::CodeDef, Vec<_>) = match classify(c)
        {
            CharClass::Allowed => continue,
            CharClass::Digit => (0, &NAME_DIGIT, vec![]),
            CharClass::Invisible => (1, &NAME_INVISIBLE, vec![("codepoint", codepoint(c))]),
            CharClass::Combining => (2, &NAME_COMBINING, vec![("codepoint", codepoint(c))]),
            CharClass::Symbol => (3, &NAME_SYMBOL, vec![("char", c.to_string().into())]),
        };
        if seen.get(slot).copied().unwrap_or(true) {
            continue;
        }
        if let Some(flag) = seen.get_mut(slot) {
            *flag = true;
        }
        let mut params = params;
        params.push(("position", position.into()));
        sink.push(def, at, params);
    }
    if sink.len() > before {
        return None;
    }
    Some(PersonName {
        key: fold(&name),
        syllables: name.split(' ').count(),
        name,
    })
}

/// A name of plain letters read in one pass: the answer [`parse`] gives, for the text that
/// almost every name is, ASCII letters and precomposed Vietnamese letters (with `đ`) between
/// plain spaces. Such a text needs no composing, has nothing to report, and its normal form
/// and key are made letter by letter ([`letters::plain_letter`]). `None` for any other text
/// (another character, an empty or over-long name), which the general path then reads.
/// What `build` leaves out stays empty (no allocation). A property test checks that both
/// paths agree.
fn read_plain(text: &str, build: Build) -> Option<PersonName> {
    let with_name = build == Build::NameAndKey;
    let with_key = build != Build::Nothing;
    let mut name = String::with_capacity(if with_name { text.len() } else { 0 });
    let mut key = String::with_capacity(if with_key { text.len() } else { 0 });
    let mut syllables = 0;
    let mut length = 0;
    let mut start_of_word = true;
    for c in text.chars() {
        if c == ' ' {
            start_of_word = true;
            continue;
        }
        let letter = letters::plain_letter(c)?;
        if start_of_word {
            if syllables > 0 {
                if with_name {
                    name.push(' ');
                }
                if with_key {
                    key.push(' ');
                }
                length += 1;
            }
            syllables += 1;
            if with_name {
                name.push(letter.upper);
            }
            start_of_word = false;
        } else if with_name {
            name.push(letter.lower);
        }
        if with_key {
            key.push(letter.folded);
        }
        length += 1;
    }
    if syllables == 0 || length > MAX_CHARS {
        return None;
    }
    Some(PersonName {
        name,
        key,
        syllables,
    })
}

fn codepoint(c: char) -> serde_json::Value {
    format!("U+{:04X}", u32::from(c)).into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Allowed,
    Digit,
    Invisible,
    Combining,
    Symbol,
}

fn classify(c: char) -> CharClass {
    if c == ' ' || c == '-' || c == '\'' || c == '\u{2019}' {
        return CharClass::Allowed;
    }
    if c.is_numeric() {
        return CharClass::Digit;
    }
    if is_invisible(c) {
        return CharClass::Invisible;
    }
    if letters::is_vietnamese_mark(c) || is_combining(c) {
        return CharClass::Combining;
    }
    if c.is_alphabetic() {
        return CharClass::Allowed;
    }
    CharClass::Symbol
}

/// Zero-width characters, bidirectional controls, variation selectors, other controls.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(u32::from(c),
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0xE0000..=0xE0FFF)
}

/// The main blocks of combining diacritical marks.
fn is_combining(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The normal form of a name, without judging it: Vietnamese letters composed (NFC), `ð`/`Ð`
/// typed for `đ`/`Đ` left alone (they are other letters), whitespace collapsed, each syllable
/// in title case. Idempotent.
///
/// # Examples
///
/// ```
/// assert_eq!(treem::vn::name::normalize("h'hen  NIÊ"), "H'Hen Niê");
/// ```
pub fn normalize(text: &str) -> String {
    let composed = letters::compose(text);
    let mut out = String::with_capacity(composed.len());
    for (i, word) in composed.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        title_case(word, &mut out);
    }
    out
}

fn title_case(word: &str, out: &mut String) {
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part && c.is_alphabetic() {
            // A letter whose capital is several letters (`ß` → `SS`) keeps its form, so
            // normalising twice gives the same text.
            out.push(crate::letter_case::upper(c).single().unwrap_or(c));
            start_of_part = false;
        } else {
            crate::letter_case::lower(c).push_to(out);
        }
        if matches!(c, '-' | '\'' | '\u{2019}') {
            start_of_part = true;
        }
    }
}

/// The folded key of any text: Vietnamese letters composed, tones and marks removed, `đ` →
/// `d`, lower case, whitespace collapsed to single spaces. Other characters are kept.
///
/// # Examples
///
/// ```
/// use treem::vn::name::fold;
/// assert_eq!(fold("Hoà"), fold("Hòa"));
/// assert_eq!(fold("ĐẶNG Thị Thuý"), "dang thi thuy");
/// ```
pub fn fold(text: &str) -> String {
    let composed = letters::compose(text);
    let mut out = String::with_capacity(composed.len());
    for (i, word) in composed.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().map(letters::fold_char));
    }
    out
}

/// The folded key with everything but letters and digits removed: `Gia-rai`, `Gia Rai` and
/// `giarai` give the same key. For matching catalog names, not for display.
///
/// # Examples
///
/// ```
/// use treem::vn::name::fold_compact;
/// assert_eq!(fold_compact("Gia-rai"), "giarai");
/// assert_eq!(fold_compact("Gia Rai"), fold_compact("giarai"));
/// ```
pub fn fold_compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn codes(text: &str) -> Vec<String> {
        let mut sink = IssueSink::new(Lang::En);
        let r = parse(text, &Location::root(), &mut sink);
        let report = sink.finish();
        assert_eq!(r.is_none(), !report.ok);
        report.issues.into_iter().map(|i| i.code).collect()
    }

    #[test]
    fn real_names_normalise() {
        let mut sink = IssueSink::new(Lang::Vi);
        let cases = [
            ("nguyễn văn an", "Nguyễn Văn An", "nguyen van an"),
            (
                "TRẦN THỊ  HỒNG\tNHUNG",
                "Trần Thị Hồng Nhung",
                "tran thi hong nhung",
            ),
            ("Lê Ngọc Ánh", "Lê Ngọc Ánh", "le ngoc anh"),
            ("ĐỖ ĐỨC DŨNG", "Đỗ Đức Dũng", "do duc dung"),
            ("vũ thị thuỷ", "Vũ Thị Thuỷ", "vu thi thuy"),
            ("Phạm Ưng Ữu", "Phạm Ưng Ữu", "pham ung uu"),
            ("h'hen niê", "H'Hen Niê", "h'hen nie"),
        ];
        for (input, name, key) in cases {
            let n = parse(input, &Location::root(), &mut sink).unwrap();
            assert_eq!((n.name.as_str(), n.key.as_str()), (name, key), "{input}");
        }
        assert!(sink.is_empty());
    }

    #[test]
    fn decomposed_input_composes() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ho\u{302}\u{300}ng";
        assert_eq!(normalize(nfd), "Nguyễn Thị Hồng");
        assert_eq!(fold(nfd), "nguyen thi hong");
    }

    #[test]
    fn tone_placement_variants_fold_alike() {
        assert_eq!(fold("Hoà"), fold("Hòa"));
        assert_eq!(fold("Thuý"), fold("Thúy"));
        assert_eq!(fold("Khoẻ"), fold("Khỏe"));
    }

    #[test]
    fn every_letter_folds_in_both_cases() {
        for c in letters::all_letters() {
            let upper: String = c.to_uppercase().collect();
            assert_eq!(fold(&c.to_string()), fold(&upper), "{c}");
            assert!(fold(&c.to_string()).chars().all(|f| f.is_ascii_lowercase()));
        }
    }

    #[test]
    fn rejects_with_precise_codes() {
        assert_eq!(codes(""), ["name.empty"]);
        assert_eq!(codes("  \n "), ["name.empty"]);
        assert_eq!(codes("Nguyễn Văn 2"), ["name.digit"]);
        assert_eq!(codes("An @ Bình"), ["name.symbol"]);
        assert_eq!(codes("An 😀"), ["name.symbol"]);
        assert_eq!(codes("Nguyễn.Văn"), ["name.symbol"]);
        assert_eq!(codes("An\u{200B}Bình"), ["name.invisible_character"]);
        assert_eq!(codes("An\u{202E}Bình"), ["name.invisible_character"]);
        assert_eq!(codes("Zoe\u{308}"), ["name.unsupported_combining_mark"]);
        assert_eq!(codes("A1 B2 @"), ["name.digit", "name.symbol"]);
        assert_eq!(codes(&"a".repeat(MAX_CHARS + 1)), ["name.too_long"]);
        assert!(codes("Zoë Nguyễn").is_empty());
        assert!(codes("王小明").is_empty());
    }

    #[test]
    fn plain_path_leaves_empty_long_and_odd_names_to_the_general_path() {
        assert!(read_plain("", Build::NameAndKey).is_none());
        assert!(read_plain("   ", Build::NameAndKey).is_none());
        assert!(read_plain(&"a".repeat(MAX_CHARS + 1), Build::NameAndKey).is_none());
        assert!(read_plain(&"a".repeat(MAX_CHARS), Build::NameAndKey).is_some());
        assert!(read_plain("H'Hen", Build::NameAndKey).is_none());
        assert!(read_plain("An\tBình", Build::NameAndKey).is_none());
        assert!(read_plain("Zoë", Build::NameAndKey).is_none());
        let n = read_plain("  nguyễn   thị  HOÀ ", Build::NameAndKey).unwrap();
        assert_eq!(
            (n.name.as_str(), n.key.as_str(), n.syllables),
            ("Nguyễn Thị Hoà", "nguyen thi hoa", 3)
        );
    }

    #[test]
    fn messages_do_not_echo_the_name() {
        let mut sink = IssueSink::new(Lang::Vi);
        parse("Nguyễn Văn 2", &Location::root(), &mut sink);
        let msg = &sink.finish().issues[0].message;
        assert!(!msg.contains("Nguyễn"), "{msg}");
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let mut sink = IssueSink::new(Lang::Vi);
            let r = parse(&s, &Location::root(), &mut sink);
            proptest::prop_assert_eq!(r.is_some(), !sink.has_errors());
        }

        #[test]
        fn normalize_is_idempotent(s in ".*") {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once.clone());
            let folded = fold(&s);
            proptest::prop_assert_eq!(fold(&folded), folded);
        }

        #[test]
        fn plain_path_agrees_with_general_path(s in "[ a-zA-ZàáạăằắâầấđèéêềếìíòóôồốơờớùúưừứỳýĐẶỮỒÍ\t'-]{0,24}") {
            let mut sink = IssueSink::new(Lang::Vi);
            let general = parse_general(&s, &Location::root(), &mut sink);
            if let Some(plain) = read_plain(&s, Build::NameAndKey) {
                proptest::prop_assert_eq!(Some(plain), general.clone());
                proptest::prop_assert!(sink.is_empty());
            }
            let mut key_sink = IssueSink::new(Lang::Vi);
            let key = key(&s, &Location::root(), &mut key_sink);
            let mut check_sink = IssueSink::new(Lang::Vi);
            let valid = check(&s, &Location::root(), &mut check_sink);
            proptest::prop_assert_eq!(valid, general.is_some());
            proptest::prop_assert_eq!(key, general.map(|n| n.key));
            let issues = sink.finish();
            proptest::prop_assert_eq!(key_sink.finish(), issues.clone());
            proptest::prop_assert_eq!(check_sink.finish(), issues);
        }

        #[test]
        fn format_then_parse_is_identity(words in proptest::collection::vec("[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐẶỮỒÍ]{1,7}", 1..5)) {
            let mut sink = IssueSink::new(Lang::Vi);
            let first = parse(&words.join(" "), &Location::root(), &mut sink).unwrap();
            let again = parse(&first.name, &Location::root(), &mut sink).unwrap();
            proptest::prop_assert_eq!(first, again);
        }
    }
}
