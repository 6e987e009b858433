//! Ethnic groups (dân tộc): the 54 groups with the codes of Quyết định 121-TCTK/PPCĐ ngày
//! 02/3/1979 of Tổng cục Thống kê ("Danh mục các thành phần dân tộc Việt Nam").
//!
//! Two official lists exist with different orderings: this module uses the 1979 list. The
//! 2008 list of Quyết định 1019/QĐ-TCTK (used by the 2009 and 2019 censuses) orders the groups
//! by population and gives other codes (Mường is 04 there, 06 here); only its codes 01–20 were
//! read, so it is not encoded. Which list the education database uses was not found.
//!
//! Verification: codes 01–11 were read in the official list as reproduced by Cục Thống kê Đà
//! Nẵng ([`Verification::Official`]); codes 12–54 come from three independent public data
//! files that agree exactly and agree with 01–11 ([`Verification::Corroborated`]).
//!
//! Two entries are not part of the decision and say so (`official: false`): `foreign`
//! (người nước ngoài) and `unknown` (chưa xác định), so that a record can say either
//! explicitly rather than leave the field empty or invent a code.

use serde::Serialize;

use crate::report::{IssueSink, Location};
use crate::sorted_map::SortedMap;
use crate::vn::name::fold_compact;

crate::codes! {
    /// The ethnic group is empty.
    ETHNIC_EMPTY = "ethnic_group.empty", Error, "vn.ethnic_group", "treem",
        "Dân tộc trống (dùng \"unknown\" nếu chưa xác định)",
        "The ethnic group is empty (use \"unknown\" when not known)";
    /// Neither a code nor a name of the 1979 list (nor `foreign`/`unknown`).
    ETHNIC_UNKNOWN = "ethnic_group.unknown", Error, "vn.ethnic_group",
        "Quyết định 121-TCTK/PPCĐ ngày 02/3/1979",
        "Không tìm thấy dân tộc \"{text}\" trong danh mục 54 dân tộc",
        "\"{text}\" is not one of the 54 ethnic groups";
}

/// The source and edition of the catalog.
pub const SOURCE: &str = "Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục Thống kê (Danh mục các thành phần dân tộc Việt Nam); mã 01–11 đối chiếu văn bản chính thức, 12–54 đối chiếu ba nguồn dữ liệu độc lập";

/// How an entry's code was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Read in the official list.
    Official,
    /// From independent data files that agree; the official list itself was not read.
    Corroborated,
    /// Not part of the official list (the `foreign` and `unknown` entries).
    NotInList,
}

/// One ethnic group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EthnicGroup {
    /// The two-digit code of the 1979 list, or `foreign` / `unknown`.
    pub code: &'static str,
    /// The name as spelt in the 1979 list (Vietnamese).
    pub name: &'static str,
    /// Other names and spellings accepted by lookup (the first ones are those the official
    /// lists give in brackets).
    pub other_names: &'static [&'static str],
    /// False for the `foreign` and `unknown` entries, which the decision does not contain.
    pub official: bool,
    /// How the code was checked.
    pub verification: Verification,
}

const fn group(
    code: &'static str,
    name: &'static str,
    other_names: &'static [&'static str],
    verification: Verification,
) -> EthnicGroup {
    EthnicGroup {
        code,
        name,
        other_names,
        official: true,
        verification,
    }
}

use Verification::{Corroborated as C, Official as O};

/// The 54 groups of the 1979 list, by code.
pub const GROUPS: [EthnicGroup; 54] = [
    group("01", "Kinh", &["Việt"], O),
    group("02", "Tày", &[], O),
    group("03", "Thái", &[], O),
    group("04", "Hoa", &["Hán"], O),
    group("05", "Khơ-me", &["Khmer"], O),
    group("06", "Mường", &[], O),
    group("07", "Nùng", &[], O),
    // "Mông" is the everyday spelling; "Mèo" is the old name the list gives in brackets.
    group("08", "Hmông", &["Mèo", "Mông"], O),
    group("09", "Dao", &[], O),
    group("10", "Gia-rai", &[], O),
    group("11", "Ngái", &[], O),
    group("12", "Ê-đê", &[], C),
    group("13", "Ba-na", &[], C),
    group("14", "Xơ-đăng", &[], C),
    group("15", "Sán Chay", &["Cao Lan-Sán Chỉ"], C),
    group("16", "Cơ-ho", &[], C),
    group("17", "Chăm", &[], C),
    group("18", "Sán Dìu", &[], C),
    group("19", "Hrê", &[], C),
    group("20", "Mnông", &[], C),
    group("21", "Ra-glai", &[], C),
    group("22", "Xtiêng", &[], C),
    group("23", "Bru-Vân Kiều", &[], C),
    group("24", "Thổ", &[], C),
    group("25", "Giáy", &[], C),
    group("26", "Cơ-tu", &[], C),
    group("27", "Gié-Triêng", &[], C),
    group("28", "Mạ", &[], C),
    group("29", "Khơ-mú", &[], C),
    group("30", "Co", &[], C),
    group("31", "Ta-ôi", &[], C),
    group("32", "Chơ-ro", &[], C),
    group("33", "Kháng", &[], C),
    group("34", "Xinh-mun", &[], C),
    group("35", "Hà Nhì", &[], C),
    group("36", "Chu-ru", &[], C),
    group("37", "Lào", &[], C),
    group("38", "La Chí", &[], C),
    group("39", "La Ha", &[], C),
    group("40", "Phù Lá", &[], C),
    group("41", "La Hủ", &[], C),
    group("42", "Lự", &[], C),
    group("43", "Lô Lô", &[], C),
    group("44", "Chứt", &[], C),
    group("45", "Mảng", &[], C),
    group("46", "Pà Thẻn", &[], C),
    group("47", "Cơ Lao", &[], C),
    group("48", "Cống", &[], C),
    group("49", "Bố Y", &[], C),
    group("50", "Si La", &[], C),
    group("51", "Pu Péo", &[], C),
    group("52", "Brâu", &[], C),
    group("53", "Ơ Đu", &[], C),
    group("54", "Rơ-măm", &[], C),
];

/// A person of foreign nationality: not an ethnic group of the list.
pub const FOREIGN: EthnicGroup = EthnicGroup {
    code: "foreign",
    name: "Người nước ngoài",
    other_names: &["nước ngoài", "foreigner", "foreign"],
    official: false,
    verification: Verification::NotInList,
};

/// The ethnic group is not known: not an ethnic group of the list.
pub const UNKNOWN: EthnicGroup = EthnicGroup {
    code: "unknown",
    name: "Chưa xác định",
    other_names: &["không xác định", "không rõ", "unknown"],
    official: false,
    verification: Verification::NotInList,
};

/// Every entry: the 54 groups, then `foreign` and `unknown`.
///
/// # Examples
///
/// ```
/// assert_eq!(treem::vn::ethnic::all().count(), 56);
/// assert!(treem::vn::ethnic::all().any(|g| g.name == "Kinh"));
/// ```
pub fn all() -> impl Iterator<Item = &'static EthnicGroup> {
    GROUPS.iter().chain([&FOREIGN, &UNKNOWN])
}

/// Finds an entry by code (`08`, `8`) or by name, ignoring case, tones, marks, spaces and
/// hyphens (`H'Mông`, `hmong`, `Mèo`, `dân tộc Kinh`).
///
/// # Examples
///
/// ```
/// use treem::vn::ethnic::lookup;
/// assert_eq!(lookup("Ê Đê").map(|g| g.code), Some("12"));
/// assert_eq!(lookup("8").map(|g| g.name), Some("Hmông"));
/// assert_eq!(lookup("dân tộc mèo").map(|g| g.code), Some("08"));
/// ```
pub fn lookup(text: &str) -> Option<&'static EthnicGroup> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.len() <= 2 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let code = format!("{trimmed:0>2}");
        return GROUPS.iter().find(|g| g.code == code);
    }
    // Most records write a name of the list as the list writes it: answered from a table of
    // those exact spellings, each holding the folded lookup's answer (so it cannot differ).
    if let Some(group) = by_exact_name().get(trimmed) {
        return Some(group);
    }
    let key = fold_compact(trimmed);
    let key = key.strip_prefix("dantoc").unwrap_or(&key);
    if key.is_empty() {
        return None;
    }
    by_folded_name().get(key).copied()
}

/// The code, the name and the other names of `group`, in that order.
fn names_of(group: &'static EthnicGroup) -> impl Iterator<Item = &'static str> {
    [group.code, group.name]
        .into_iter()
        .chain(group.other_names.iter().copied())
}

/// Every code and name of [`all`] as written, to the entry the folded lookup finds for it.
fn by_exact_name() -> &'static SortedMap<&'static str, &'static EthnicGroup> {
    static INDEX: std::sync::OnceLock<SortedMap<&'static str, &'static EthnicGroup>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = SortedMap::new();
        for group in all() {
            for name in names_of(group) {
                let key = fold_compact(name);
                let key = key.strip_prefix("dantoc").unwrap_or(&key);
                // A written name is in the table only when it is trimmed, not a bare number
                // (those take the code path above) and its folded lookup finds an entry.
                let is_code_like = name.len() <= 2 && name.bytes().all(|b| b.is_ascii_digit());
                if name.trim() != name || name.is_empty() || is_code_like || key.is_empty() {
                    continue;
                }
                if let Some(found) = by_folded_name().get(key) {
                    index.entry(name).or_insert(*found);
                }
            }
        }
        index
    })
}

/// Every code and name of [`all`], folded by [`fold_compact`], to the first entry (in list
/// order) that has it: folded once, not on every lookup (folding the whole list for each
/// record was most of the time of an ethnic-group check).
fn by_folded_name() -> &'static SortedMap<String, &'static EthnicGroup> {
    static INDEX: std::sync::OnceLock<SortedMap<String, &'static EthnicGroup>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = SortedMap::new();
        for group in all() {
            for name in names_of(group) {
                index.entry(fold_compact(name)).or_insert(group);
            }
        }
        index
    })
}

/// Parses an ethnic group by code or name, raising issues at `at`.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let g = treem::vn::ethnic::parse("Ê Đê", &Location::root(), &mut sink).unwrap();
/// assert_eq!(g.code, "12");
/// assert!(sink.is_empty());
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<EthnicGroup> {
    if text.trim().is_empty() {
        sink.push(&ETHNIC_EMPTY, at, []);
        return None;
    }
    match lookup(text) {
        Some(group) => Some(*group),
        None => {
            sink.push(&ETHNIC_UNKNOWN, at, [("text", echo(text.trim()).into())]);
            None
        }
    }
}

/// What the message may echo of unknown text: a short word as typed, but anything with digits
/// masked (it may be an ID or phone number typed in the wrong field).
fn echo(text: &str) -> String {
    if text.chars().any(|c| c.is_numeric()) {
        crate::privacy::mask_digits(text)
    } else {
        crate::privacy::truncate(text, 30)
    }
}

/// The canonical written form of an entry: its code.
///
/// # Examples
///
/// ```
/// use treem::vn::ethnic::{format, lookup};
/// assert_eq!(format(lookup("Kinh").unwrap()), "01");
/// ```
pub fn format(group: &EthnicGroup) -> &'static str {
    group.code
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    /// The scan `lookup` did before the index: the first entry with a matching code or name.
    fn scan(key: &str) -> Option<&'static EthnicGroup> {
        all().find(|g| {
            fold_compact(g.code) == key
                || fold_compact(g.name) == key
                || g.other_names.iter().any(|n| fold_compact(n) == key)
        })
    }

    #[test]
    fn exact_names_answer_as_the_folded_lookup() {
        for (name, group) in by_exact_name() {
            let key = fold_compact(name);
            let key = key.strip_prefix("dantoc").unwrap_or(&key);
            assert_eq!(scan(key).map(|g| g.code), Some(group.code), "{name}");
        }
        assert!(by_exact_name().contains_key("Kinh"));
    }

    #[test]
    fn index_answers_as_the_scan() {
        let mut keys: Vec<String> = Vec::new();
        for g in all() {
            keys.push(fold_compact(g.code));
            keys.push(fold_compact(g.name));
            keys.extend(g.other_names.iter().map(|n| fold_compact(n)));
        }
        keys.extend(["x", "kinhh", "0", "99"].map(String::from));
        for key in &keys {
            assert_eq!(
                by_folded_name().get(key.as_str()).map(|g| g.code),
                scan(key).map(|g| g.code),
                "{key}"
            );
        }
    }

    #[test]
    fn fifty_four_distinct_codes_and_keys() {
        let mut codes: Vec<&str> = GROUPS.iter().map(|g| g.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 54);
        for (i, g) in GROUPS.iter().enumerate() {
            assert_eq!(g.code, format!("{:02}", i + 1));
        }
        // No two entries share a lookup key.
        let mut keys: Vec<String> = all()
            .flat_map(|g| std::iter::once(g.name).chain(g.other_names.iter().copied()))
            .map(fold_compact)
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn verified_entries_are_01_to_11() {
        for g in &GROUPS {
            let official = g.code <= "11";
            assert_eq!(
                g.verification == Verification::Official,
                official,
                "{}",
                g.code
            );
        }
    }

    #[test]
    fn lookup_by_spelling() {
        let cases = [
            ("Kinh", "01"),
            ("việt", "01"),
            ("KHMER", "05"),
            ("Khơ me", "05"),
            ("H'Mông", "08"),
            ("Mông", "08"),
            ("gia rai", "10"),
            ("Giarai", "10"),
            ("Ê Đê", "12"),
            ("Bru - Vân Kiều", "23"),
            ("dân tộc Tày", "02"),
            ("01", "01"),
            ("5", "05"),
            ("Người nước ngoài", "foreign"),
            ("không rõ", "unknown"),
        ];
        for (text, code) in cases {
            assert_eq!(lookup(text).map(|g| g.code), Some(code), "{text}");
        }
        assert!(lookup("55").is_none());
        assert!(lookup("00").is_none());
        assert!(lookup("Klingon").is_none());
        assert!(!lookup("foreign").unwrap().official);
    }

    #[test]
    fn parse_reports() {
        let mut sink = IssueSink::new(Lang::En);
        assert!(parse(" ", &Location::root(), &mut sink).is_none());
        assert!(parse("55", &Location::root(), &mut sink).is_none());
        let codes: Vec<String> = sink.finish().issues.into_iter().map(|i| i.code).collect();
        assert_eq!(codes, ["ethnic_group.empty", "ethnic_group.unknown"]);
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let mut sink = IssueSink::new(Lang::Vi);
            let r = parse(&s, &Location::root(), &mut sink);
            proptest::prop_assert_eq!(r.is_some(), !sink.has_errors());
        }

        #[test]
        fn format_then_parse_is_identity(i in 0usize..56) {
            let g = all().nth(i).unwrap();
            proptest::prop_assert_eq!(lookup(format(g)), Some(g));
            proptest::prop_assert_eq!(lookup(g.name), Some(g));
        }
    }
}
