//! Numbers of legal and administrative documents (số, ký hiệu văn bản).
//!
//! Two forms:
//! - State form (Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm c and Phụ lục I): number, `/`,
//!   for legal normative documents the year and `/`, then the symbol: the abbreviation of the
//!   document type, `-`, the abbreviation of the issuer — `56/2017/NĐ-CP`, `188/KH-UBND`,
//!   `1669/NQ-UBTVQH15`. A công văn has no type abbreviation (`1027/CTK-CSCL`), nor do the
//!   laws and resolutions of the Quốc hội (`121/2020/QH14`): there the symbol is the issuer.
//! - Party form (Hướng dẫn 36-HD/VPTW ngày 03/4/2018): number, `-`, type, `/`, issuer —
//!   `28-CT/TW`, `365-KH/TU`. Numbers run per type within a Party term, not per year, so
//!   there is no year. Some state documents from before the current rules used this form too
//!   (Quyết định 121-TCTK/PPCĐ of 1979), so `system` says which form a number has, not who
//!   issued it.
//!
//! Issue 22 forms: `ND-CP` without its Đ is read as `NĐ-CP` with a warning; a symbol in small
//! letters (`nđ-cp`) is written as the tables write it, with a warning (Phụ lục I: "Ký hiệu của
//! văn bản được trình bày bằng chữ in hoa"); an administrative number below 10 without its
//! leading 0 is warned (Phụ lục I: "Với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước");
//! [`parse_as_of`] flags a year after `as_of`. The Phụ lục I sentences are quoted from a
//! secondary summary (`tests/sources/laws/nd-30-2020-phu-luc-i-so-ky-hieu.md`).
//!
//! Pasted text is tolerated: spaces and line breaks anywhere (`20/2021/NĐ- CP`), a leading
//! `Số:`, trailing punctuation, `Ð` (U+00D0) typed for `Đ`, decomposed letters, and dashes
//! other than `-`.
//!
//! Type names: the table of Nghị định 30/2020/NĐ-CP, Phụ lục III (administrative documents and
//! copies), plus the legal normative types seen in real numbers (NĐ, TT, TTLT, VBHN; Luật
//! Ban hành văn bản quy phạm pháp luật itself was not read). Party type names are given only
//! for CT, KH, QĐ and HD, seen in real Party numbers; the Party abbreviation table of
//! Hướng dẫn 36 was not read, so other Party types keep their abbreviation without a name.

use serde::Serialize;

use crate::report::{IssueSink, Location};

crate::codes! {
    /// Nothing to parse.
    DOCUMENT_NUMBER_EMPTY = "document_number.empty", Error, "vn.document_number", "treem",
        "Số, ký hiệu văn bản trống",
        "The document number is empty";
    /// Not of the form `number/symbol`, `number/year/symbol` or `number-type/issuer`.
    DOCUMENT_NUMBER_INVALID_FORMAT = "document_number.invalid_format", Error,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW",
        "Số, ký hiệu văn bản không đúng dạng (ví dụ 56/2017/NĐ-CP, 188/KH-UBND, 28-CT/TW)",
        "Not a document number (such as 56/2017/NĐ-CP, 188/KH-UBND, 28-CT/TW)";
    /// The number is 0: numbers start at 01.
    DOCUMENT_NUMBER_ZERO = "document_number.zero", Error, "vn.document_number",
        "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1",
        "Số văn bản bắt đầu từ 01, không có số 0",
        "Document numbers start at 01; there is no number 0";
    /// The year segment is outside 1900–2100.
    DOCUMENT_NUMBER_YEAR = "document_number.year_out_of_range", Error, "vn.document_number",
        "treem",
        "Năm {year} trong số văn bản nằm ngoài khoảng 1900–2100",
        "Year {year} in the document number is outside 1900–2100";
    /// The symbol has a character other than letters, digits, `-` and `&`.
    DOCUMENT_NUMBER_CHARACTER = "document_number.invalid_character", Error,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Phụ lục I",
        "Ký hiệu văn bản có ký tự không hợp lệ {char}",
        "The document symbol has the invalid character {char}";
    /// The year segment is after `as_of`: a document cannot be cited before it is issued.
    DOCUMENT_NUMBER_YEAR_AFTER_AS_OF = "document_number.year_after_as_of", Error,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (\"Số và thời gian ban hành văn bản được lấy theo thứ tự và trình tự thời gian ban hành văn bản của cơ quan, tổ chức trong năm\")",
        "Năm {year} trong số văn bản sau ngày tính {as_of}",
        "Year {year} in the document number is after the as-of date {as_of}";
    /// A type abbreviation written without its `Đ` (`ND-CP`): read as the type it stands for.
    DOCUMENT_NUMBER_TYPE_WITHOUT_D = "document_number.type_without_diacritics", Warning,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Phụ lục III (bảng chữ viết tắt tên loại văn bản: \"Quyết định (cá biệt) QĐ\", ...); NĐ theo số hiệu văn bản thực tế",
        "Ký hiệu {written} được hiểu là {abbreviation} ({type_vi}): viết đúng chữ Đ",
        "Symbol {written} is read as {abbreviation} ({type_vi}): write the letter Đ";
    /// The symbol is not written as the tables write it (`nđ-cp` for `NĐ-CP`): Phụ lục I,
    /// "Ký hiệu của văn bản được trình bày bằng chữ in hoa" (quoted from a secondary
    /// summary; the appendix itself was not read). Normalised to the tables' form.
    DOCUMENT_NUMBER_SYMBOL_CASE = "document_number.symbol_case", Warning,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Phụ lục I (\"Ký hiệu của văn bản được trình bày bằng chữ in hoa\"; trích từ bản tóm tắt thứ cấp, chưa đối chiếu Công báo)",
        "Ký hiệu văn bản viết {written}, đúng là {canonical} (chữ in hoa)",
        "The symbol is written {written}; the correct form is {canonical} (capital letters)";
    /// An administrative document number below 10 without its leading 0 (`5/KH-UBND`).
    /// Phụ lục I, as quoted by a secondary summary: "Với những số nhỏ hơn 10 phải ghi thêm số
    /// 0 phía trước (theo điểm c khoản 3 mục II Phần I Phụ lục I Nghị định số
    /// 30/2020/NĐ-CP)". A warning: the appendix was not read in the gazette, and the number as
    /// registered is kept as written.
    DOCUMENT_NUMBER_LEADING_ZERO = "document_number.missing_leading_zero", Warning,
        "vn.document_number", "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục II khoản 3 điểm c (\"Với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước\"; trích từ bản tóm tắt thứ cấp, chưa đối chiếu Công báo)",
        "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước ({number} → 0{number})",
        "A document number below 10 is written with a leading 0 ({number} → 0{number})";
    /// The symbol is missing after the number (`188/`).
    DOCUMENT_NUMBER_NO_SYMBOL = "document_number.missing_symbol", Error, "vn.document_number",
        "Nghị định 30/2020/NĐ-CP, Phụ lục I",
        "Thiếu ký hiệu văn bản sau số",
        "The symbol is missing after the number";
}

/// Which numbering form a document number has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// `number[/year]/TYPE-ISSUER` (Nghị định 30/2020/NĐ-CP).
    State,
    /// `number-TYPE/ISSUER` (Hướng dẫn 36-HD/VPTW).
    Party,
}

/// Which list a document type comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeGroup {
    /// Administrative documents, Nghị định 30/2020/NĐ-CP, Phụ lục III, I.
    Administrative,
    /// Copies (bản sao), Nghị định 30/2020/NĐ-CP, Phụ lục III, I.
    Copy,
    /// Legal normative documents (văn bản quy phạm pháp luật), as seen in real numbers.
    LegalNormative,
}

/// A document type with its abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DocumentType {
    /// The abbreviation as the table writes it (`NĐ`, `QyĐ`, `CTr`).
    pub abbreviation: &'static str,
    /// The Vietnamese name.
    pub name: &'static str,
    /// Which list it comes from.
    pub group: TypeGroup,
}

const fn t(abbreviation: &'static str, name: &'static str, group: TypeGroup) -> DocumentType {
    DocumentType {
        abbreviation,
        name,
        group,
    }
}

use TypeGroup::{Administrative as A, Copy as Cp, LegalNormative as L};

/// The source and edition of [`DOCUMENT_TYPES`].
pub const TYPES_SOURCE: &str = "Nghị định 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục III, I (Bảng chữ viết tắt tên loại văn bản hành chính và bản sao văn bản); loại văn bản QPPL NĐ, TT, TTLT, VBHN theo số hiệu văn bản thực tế";

/// State document types: the 27 administrative types and 3 copy types of Nghị định
/// 30/2020/NĐ-CP Phụ lục III (NQ and QĐ there are resolutions and decisions "cá biệt"; the
/// same abbreviations are used for legal normative ones), then the legal normative types.
pub const DOCUMENT_TYPES: [DocumentType; 34] = [
    t("NQ", "Nghị quyết", A),
    t("QĐ", "Quyết định", A),
    t("CT", "Chỉ thị", A),
    t("QC", "Quy chế", A),
    t("QyĐ", "Quy định", A),
    t("TC", "Thông cáo", A),
    t("TB", "Thông báo", A),
    t("HD", "Hướng dẫn", A),
    t("CTr", "Chương trình", A),
    t("KH", "Kế hoạch", A),
    t("PA", "Phương án", A),
    t("ĐA", "Đề án", A),
    t("DA", "Dự án", A),
    t("BC", "Báo cáo", A),
    t("BB", "Biên bản", A),
    t("TTr", "Tờ trình", A),
    t("HĐ", "Hợp đồng", A),
    t("CĐ", "Công điện", A),
    t("BGN", "Bản ghi nhớ", A),
    t("BTT", "Bản thỏa thuận", A),
    t("GUQ", "Giấy ủy quyền", A),
    t("GM", "Giấy mời", A),
    t("GGT", "Giấy giới thiệu", A),
    t("GNP", "Giấy nghỉ phép", A),
    t("PG", "Phiếu gửi", A),
    t("PC", "Phiếu chuyển", A),
    t("PB", "Phiếu báo", A),
    t("SY", "Bản sao y", Cp),
    t("TrS", "Bản trích sao", Cp),
    t("SL", "Bản sao lục", Cp),
    t("NĐ", "Nghị định", L),
    t("TT", "Thông tư", L),
    t("TTLT", "Thông tư liên tịch", L),
    t("VBHN", "Văn bản hợp nhất", L),
];

/// Party document types seen in real Party numbers (28-CT/TW, 365-KH/TU, 127-QĐ/TW,
/// 36-HD/VPTW). The full table of Hướng dẫn 36-HD/VPTW was not read.
pub const PARTY_TYPES: [(&str, &str); 4] = [
    ("CT", "Chỉ thị"),
    ("KH", "Kế hoạch"),
    ("QĐ", "Quyết định"),
    ("HD", "Hướng dẫn"),
];

/// Issuers whose abbreviation and name were read together in the seed instruction or the
/// legal facts (e.g. "Nghị định số 56/2017/NĐ-CP … của Chính phủ").
const ISSUERS: [(&str, &str); 10] = [
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("UBND", "Ủy ban nhân dân"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("BCA", "Bộ Công an"),
    ("TW", "Trung ương"),
    ("TU", "Tỉnh ủy, Thành ủy"),
    ("ĐU", "Đảng ủy"),
    ("VPTW", "Văn phòng Trung ương Đảng"),
];

/// A parsed document number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentNumber {
    /// The canonical written form (`56/2017/NĐ-CP`).
    pub text: String,
    /// State or Party form.
    pub system: System,
    /// The number as written (a leading 0 kept: `05/VBHN-BGDĐT`).
    pub number: String,
    /// The year, when the number has one (legal normative documents).
    pub year: Option<i32>,
    /// The type abbreviation (`NĐ`), absent for a công văn and for a law or resolution of the
    /// Quốc hội.
    pub type_abbreviation: Option<String>,
    /// The Vietnamese name of the type, when known.
    pub type_name: Option<&'static str>,
    /// The issuer part of the symbol (`CP`, `UBND`, `UBTVQH15`, `TW`).
    pub issuer: String,
    /// The issuer's name, when known (`Chính phủ`, `Quốc hội khóa XIV` is given as
    /// `Quốc hội khóa 14`).
    pub issuer_name: Option<String>,
}

/// Pasted text cleaned: whitespace removed, `Ð` → `Đ`, dashes → `-`, letters composed, a
/// leading `Số:` and surrounding punctuation dropped.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "directive")] {
/// use treem::vn::document_number::normalize;
/// assert_eq!(normalize("Số: 20/2021/NĐ – CP."), "20/2021/NĐ-CP");
/// # }
/// ```
pub fn normalize(text: &str) -> String {
    let joined: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{2044}' | '\u{2215}' => '/',
            c => c,
        })
        .collect();
    let mut current = crate::vn::letters::compose(&joined);
    // Peel "Số:", brackets and trailing punctuation until nothing changes, so that
    // normalising twice gives the same text.
    loop {
        let peeled = peel(&current);
        if peeled.len() == current.len() {
            return current;
        }
        current = peeled.to_owned();
    }
}

fn peel(text: &str) -> &str {
    let mut rest = text;
    for prefix in ["Số", "số", "SỐ", "So", "so", "No.", "no."] {
        if let Some(r) = rest.strip_prefix(prefix) {
            if r.is_empty() || r.starts_with(|c: char| c.is_ascii_digit() || c == ':' || c == '.') {
                rest = r;
                break;
            }
        }
    }
    rest.trim_start_matches([':', '.', '('])
        .trim_end_matches(['.', ',', ';', ':', ')'])
}

fn is_invisible(c: char) -> bool {
    matches!(u32::from(c), 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// Parses a document number, raising issues at `at`.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "directive")] {
/// use treem::report::{IssueSink, Location};
/// use treem::vn::document_number::{parse, System};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let d = parse("20/2021/NĐ- \nCP", &Location::root(), &mut sink).unwrap();
/// assert_eq!((d.text.as_str(), d.year, d.type_name), ("20/2021/NĐ-CP", Some(2021), Some("Nghị định")));
/// let p = parse("28-CT/TW", &Location::root(), &mut sink).unwrap();
/// assert_eq!((p.system, p.type_name, p.issuer.as_str()), (System::Party, Some("Chỉ thị"), "TW"));
/// # }
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<DocumentNumber> {
    parse_as_of(text, None, at, sink)
}

/// [`parse`], and with `as_of` a year segment after it is an error
/// (`document_number.year_after_as_of`).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "directive")] {
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
/// assert!(treem::vn::document_number::parse_as_of("12/2027/NĐ-CP", as_of, &Location::root(), &mut sink).is_none());
/// # }
/// ```
pub fn parse_as_of(
    text: &str,
    as_of: Option<chrono::NaiveDate>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<DocumentNumber> {
    let parsed = parse_text(text, at, sink)?;
    if let (Some(year), Some(as_of)) = (parsed.year, as_of) {
        if year > chrono::Datelike::year(&as_of) {
            sink.push(
                &DOCUMENT_NUMBER_YEAR_AFTER_AS_OF,
                at,
                [
                    ("year", year.into()),
                    ("as_of", crate::vn::date::iso::date(as_of).into()),
                ],
            );
            return None;
        }
    }
    Some(parsed)
}

fn parse_text(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<DocumentNumber> {
    let clean = normalize(text);
    if clean.is_empty() {
        sink.push(&DOCUMENT_NUMBER_EMPTY, at, []);
        return None;
    }
    let digits_end = clean
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(clean.len());
    let number = clean.get(..digits_end).unwrap_or_default();
    let rest = clean.get(digits_end..).unwrap_or_default();
    if number.is_empty() || number.len() > 9 {
        sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
        return None;
    }
    if number.bytes().all(|b| b == b'0') {
        sink.push(&DOCUMENT_NUMBER_ZERO, at, []);
        return None;
    }
    if let Some(symbol) = rest.strip_prefix('/') {
        parse_state(number, symbol, at, sink)
    } else if let Some(symbol) = rest.strip_prefix('-') {
        parse_party(number, symbol, at, sink)
    } else {
        sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
        None
    }
}

fn parse_state(
    number: &str,
    after: &str,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<DocumentNumber> {
    let (year, symbol) = match after.split_once('/') {
        Some((y, s)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            let year: i32 = y.parse().ok()?;
            if !crate::vn::date::YEAR_RANGE.contains(&year) {
                sink.push(&DOCUMENT_NUMBER_YEAR, at, [("year", year.into())]);
                return None;
            }
            (Some(year), s)
        }
        Some(_) => {
            sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
            return None;
        }
        None => (None, after),
    };
    let groups = symbol_groups(symbol, at, sink)?;
    let (first, others) = groups.split_first()?;
    let (type_def, issuer_groups) = match state_type(first) {
        Some(def) if !others.is_empty() => (Some(def), others),
        _ => match state_type_without_d(first) {
            Some(def) if !others.is_empty() => {
                sink.push(
                    &DOCUMENT_NUMBER_TYPE_WITHOUT_D,
                    at,
                    [
                        ("written", first.clone().into()),
                        ("abbreviation", def.abbreviation.into()),
                        ("type_vi", def.name.into()),
                    ],
                );
                (Some(def), others)
            }
            _ => (None, groups.as_slice()),
        },
    };
    let issuer_groups: Vec<String> = issuer_groups.iter().map(|g| canonical_issuer(g)).collect();
    let issuer = issuer_groups.join("-");
    let type_abbreviation = type_def.map(|d| d.abbreviation.to_owned());
    let canonical_symbol = match &type_abbreviation {
        Some(ty) => format!("{ty}-{issuer}"),
        None => issuer.clone(),
    };
    // Case only (a type read without its Đ has its own warning).
    let written = groups.join("-");
    if written != canonical_symbol
        && crate::letter_case::upper_str(&written)
            == crate::letter_case::upper_str(&canonical_symbol)
    {
        sink.push(
            &DOCUMENT_NUMBER_SYMBOL_CASE,
            at,
            [
                ("written", written.into()),
                ("canonical", canonical_symbol.clone().into()),
            ],
        );
    }
    if year.is_none() && number.len() == 1 {
        sink.push(
            &DOCUMENT_NUMBER_LEADING_ZERO,
            at,
            [("number", number.to_owned().into())],
        );
    }
    let text = match year {
        Some(y) => format!("{number}/{y}/"),
        None => format!("{number}/"),
    } + &canonical_symbol;
    Some(DocumentNumber {
        text,
        system: System::State,
        number: number.to_owned(),
        year,
        type_abbreviation,
        type_name: type_def.map(|d| d.name),
        issuer_name: issuer_name(issuer_groups.first().map_or("", String::as_str)),
        issuer,
    })
}

/// An issuer group in the form the tables write it: a known issuer (`TTg`, `CP`) as listed,
/// a group written all in small letters in capitals (Phụ lục I: "chữ in hoa"); any other
/// group as written (`UBTVQH15`, mixed case of an issuer not in the table).
fn canonical_issuer(group: &str) -> String {
    use crate::letter_case::upper_str;
    if let Some((abbr, _)) = ISSUERS
        .iter()
        .find(|(abbr, _)| upper_str(abbr) == upper_str(group))
    {
        return (*abbr).to_owned();
    }
    if group.chars().any(char::is_alphabetic) && !group.chars().any(char::is_uppercase) {
        return upper_str(group);
    }
    group.to_owned()
}

/// The state type a symbol group stands for when written without the letter Đ (`ND` for
/// `NĐ`, `QD` for `QĐ`): only when no type is written that way and exactly one type folds
/// to it (`HD` stays Hướng dẫn, not Hợp đồng; `DA` stays Dự án, not Đề án).
fn state_type_without_d(written: &str) -> Option<&'static DocumentType> {
    use crate::letter_case::upper_str;
    let fold = |s: &str| upper_str(s).replace('Đ', "D");
    let key = fold(written);
    if !upper_str(written).contains('D') || state_type(written).is_some() {
        return None;
    }
    let mut found = DOCUMENT_TYPES
        .iter()
        .filter(|d| fold(d.abbreviation) == key);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn parse_party(
    number: &str,
    after: &str,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<DocumentNumber> {
    let Some((ty, issuer)) = after.split_once('/') else {
        sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
        return None;
    };
    let ty_groups = symbol_groups(ty, at, sink)?;
    let issuer_groups = symbol_groups(issuer, at, sink)?;
    let [ty] = ty_groups.as_slice() else {
        sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
        return None;
    };
    let known = PARTY_TYPES
        .iter()
        .find(|(abbr, _)| same_abbreviation(abbr, ty));
    let ty = known.map_or_else(|| ty.clone(), |(abbr, _)| (*abbr).to_owned());
    let issuer = issuer_groups.join("-");
    Some(DocumentNumber {
        text: format!("{number}-{ty}/{issuer}"),
        system: System::Party,
        number: number.to_owned(),
        year: None,
        type_abbreviation: Some(ty),
        type_name: known.map(|(_, name)| *name),
        issuer_name: issuer_name(&issuer),
        issuer,
    })
}

/// Splits a symbol on `-`, checking each group is letters, digits and `&` only.
fn symbol_groups(symbol: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<Vec<String>> {
    if symbol.is_empty() {
        sink.push(&DOCUMENT_NUMBER_NO_SYMBOL, at, []);
        return None;
    }
    if let Some(bad) = symbol
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '&'))
    {
        sink.push(
            &DOCUMENT_NUMBER_CHARACTER,
            at,
            [("char", bad.to_string().into())],
        );
        return None;
    }
    let groups: Vec<String> = symbol.split('-').map(str::to_owned).collect();
    if groups.iter().any(String::is_empty) || !symbol.chars().any(char::is_alphabetic) {
        sink.push(&DOCUMENT_NUMBER_INVALID_FORMAT, at, []);
        return None;
    }
    Some(groups)
}

fn same_abbreviation(table: &str, written: &str) -> bool {
    use crate::letter_case::upper_str;
    table == written || upper_str(table) == upper_str(written)
}

fn state_type(abbreviation: &str) -> Option<&'static DocumentType> {
    DOCUMENT_TYPES
        .iter()
        .find(|d| d.abbreviation == abbreviation)
        .or_else(|| {
            DOCUMENT_TYPES
                .iter()
                .find(|d| same_abbreviation(d.abbreviation, abbreviation))
        })
}

/// The name of an issuer abbreviation; `QH14` and `UBTVQH15` name the Quốc hội term.
fn issuer_name(issuer: &str) -> Option<String> {
    if let Some((_, name)) = ISSUERS.iter().find(|(abbr, _)| *abbr == issuer) {
        return Some((*name).to_owned());
    }
    for (prefix, name) in [
        ("UBTVQH", "Ủy ban Thường vụ Quốc hội khóa"),
        ("QH", "Quốc hội khóa"),
    ] {
        if let Some(term) = issuer.strip_prefix(prefix) {
            if !term.is_empty() && term.len() <= 2 && term.bytes().all(|b| b.is_ascii_digit()) {
                return Some(format!("{name} {term}"));
            }
        }
    }
    None
}

/// The canonical written form of a parsed number (parsing it again gives the same value).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "directive")] {
/// use treem::report::{IssueSink, Location};
/// use treem::vn::document_number::{format, parse};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let d = parse("20/2021/NĐ- CP", &Location::root(), &mut sink).unwrap();
/// assert_eq!(format(&d), "20/2021/NĐ-CP");
/// # }
/// ```
pub fn format(number: &DocumentNumber) -> &str {
    &number.text
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn ok(text: &str) -> DocumentNumber {
        let mut sink = IssueSink::new(Lang::En);
        let d = parse(text, &Location::root(), &mut sink);
        assert!(sink.is_empty(), "{text}: {:?}", sink.finish());
        d.unwrap()
    }

    fn bad(text: &str) -> Vec<String> {
        let mut sink = IssueSink::new(Lang::En);
        assert!(
            parse(text, &Location::root(), &mut sink).is_none(),
            "{text}"
        );
        sink.finish().issues.into_iter().map(|i| i.code).collect()
    }

    /// Every document number cited in the seed instruction (seed/000_ab959c91e8b72801.txt),
    /// as written there, line break included, with what it must parse to.
    #[test]
    fn every_number_of_the_seed_parses() {
        let seed = [
            ("188/KH-UBND", "188/KH-UBND", Some("Kế hoạch"), "UBND"),
            ("365-KH/TU", "365-KH/TU", Some("Kế hoạch"), "TU"),
            ("28-CT/TW", "28-CT/TW", Some("Chỉ thị"), "TW"),
            ("56/2017/NĐ-CP", "56/2017/NĐ-CP", Some("Nghị định"), "CP"),
            ("80/2017/NĐ-CP", "80/2017/NĐ-CP", Some("Nghị định"), "CP"),
            (
                "20/2021/NĐ- \n\nCP",
                "20/2021/NĐ-CP",
                Some("Nghị định"),
                "CP",
            ),
            ("76/2024/NĐ-CP", "76/2024/NĐ-CP", Some("Nghị định"), "CP"),
            ("20/2021/NĐ-CP", "20/2021/NĐ-CP", Some("Nghị định"), "CP"),
            ("121/2020/QH14", "121/2020/QH14", None, "QH14"),
            ("23/CT-TTg", "23/CT-TTg", Some("Chỉ thị"), "TTg"),
            ("496/QĐ-TTg", "496/QĐ-TTg", Some("Quyết định"), "TTg"),
            (
                "13/2021/TT-BLĐTBXH",
                "13/2021/TT-BLĐTBXH",
                Some("Thông tư"),
                "BLĐTBXH",
            ),
        ];
        for (input, text, type_name, issuer) in seed {
            let d = ok(input);
            assert_eq!(d.text, text, "{input}");
            assert_eq!(d.type_name, type_name, "{input}");
            assert_eq!(d.issuer, issuer, "{input}");
        }
    }

    #[test]
    fn fields_of_each_form() {
        let d = ok("56/2017/NĐ-CP");
        assert_eq!(d.system, System::State);
        assert_eq!((d.number.as_str(), d.year), ("56", Some(2017)));
        assert_eq!(d.type_abbreviation.as_deref(), Some("NĐ"));
        assert_eq!(d.issuer_name.as_deref(), Some("Chính phủ"));
        let d = ok("1669/NQ-UBTVQH15");
        assert_eq!((d.year, d.type_name), (None, Some("Nghị quyết")));
        assert_eq!(
            d.issuer_name.as_deref(),
            Some("Ủy ban Thường vụ Quốc hội khóa 15")
        );
        let d = ok("121/2020/QH14");
        assert_eq!(d.issuer_name.as_deref(), Some("Quốc hội khóa 14"));
        let d = ok("1027/CTK-CSCL");
        assert_eq!((d.type_abbreviation, d.issuer.as_str()), (None, "CTK-CSCL"));
        let d = ok("05/VBHN-BGDĐT");
        assert_eq!(
            (d.number.as_str(), d.type_name),
            ("05", Some("Văn bản hợp nhất"))
        );
        let d = ok("365-KH/TU");
        assert_eq!((d.system, d.year), (System::Party, None));
        assert_eq!(d.issuer_name.as_deref(), Some("Tỉnh ủy, Thành ủy"));
        let d = ok("24-BS/UBKTTU");
        assert_eq!(
            (d.type_abbreviation.as_deref(), d.type_name),
            (Some("BS"), None)
        );
    }

    #[test]
    fn pasted_text_is_tolerated() {
        for t in [
            "Số: 56/2017/NĐ-CP",
            "số 56/2017/NĐ-CP,",
            "56 / 2017 / NĐ - CP",
            "56/2017/NÐ-CP",
            "56/2017/NĐ–CP",
            "(56/2017/NĐ-CP)",
        ] {
            assert_eq!(ok(t).text, "56/2017/NĐ-CP", "{t}");
        }
        assert_eq!(ok("05/QyĐ-UBND").type_name, Some("Quy định"));
        assert_eq!(ok("05/TrS-UBND").type_name, Some("Bản trích sao"));
    }

    fn warned(text: &str) -> (String, Vec<String>) {
        let mut sink = IssueSink::new(Lang::En);
        let d = parse(text, &Location::root(), &mut sink).unwrap();
        (
            d.text,
            sink.finish().issues.into_iter().map(|i| i.code).collect(),
        )
    }

    #[test]
    fn issue_22_forms_are_read_and_flagged() {
        let w = |t| warned(t);
        assert_eq!(
            w("56/2017/ND-CP"),
            (
                "56/2017/NĐ-CP".to_owned(),
                vec!["document_number.type_without_diacritics".to_owned()]
            )
        );
        assert_eq!(ok("56/2017/NĐ-CP").type_name, Some("Nghị định"));
        assert_eq!(
            w("56/2017/nđ-cp"),
            (
                "56/2017/NĐ-CP".to_owned(),
                vec!["document_number.symbol_case".to_owned()]
            )
        );
        assert_eq!(
            w("56/2017/nđ-CP"),
            (
                "56/2017/NĐ-CP".to_owned(),
                vec!["document_number.symbol_case".to_owned()]
            )
        );
        assert_eq!(
            w("5/KH-UBND"),
            (
                "5/KH-UBND".to_owned(),
                vec!["document_number.missing_leading_zero".to_owned()]
            )
        );
        assert_eq!(ok("05/KH-UBND").number, "05");
        // HD is Hướng dẫn, DA Dự án: no Đ is guessed where a type is written that way.
        assert_eq!(ok("12/HD-UBND").type_name, Some("Hướng dẫn"));
        assert_eq!(ok("12/DA-UBND").type_name, Some("Dự án"));
        assert_eq!(w("12/QD-TTg").0, "12/QĐ-TTg");
        assert_eq!(
            w("12/qđ-ttg"),
            (
                "12/QĐ-TTg".to_owned(),
                vec!["document_number.symbol_case".to_owned()]
            )
        );
        let mut sink = IssueSink::new(Lang::En);
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
        assert!(parse_as_of("12/2027/NĐ-CP", as_of, &Location::root(), &mut sink).is_none());
        assert!(parse_as_of("12/2026/NĐ-CP", as_of, &Location::root(), &mut sink).is_some());
        let codes: Vec<String> = sink.finish().issues.into_iter().map(|i| i.code).collect();
        assert_eq!(codes, ["document_number.year_after_as_of"]);
    }

    #[test]
    fn precise_errors() {
        assert_eq!(bad(""), ["document_number.empty"]);
        assert_eq!(bad("Số:"), ["document_number.empty"]);
        assert_eq!(bad("NĐ-CP"), ["document_number.invalid_format"]);
        assert_eq!(bad("56"), ["document_number.invalid_format"]);
        assert_eq!(bad("188/"), ["document_number.missing_symbol"]);
        assert_eq!(bad("0/KH-UBND"), ["document_number.zero"]);
        assert_eq!(bad("56/1800/NĐ-CP"), ["document_number.year_out_of_range"]);
        assert_eq!(bad("56/17/NĐ-CP"), ["document_number.invalid_format"]);
        assert_eq!(bad("56/2017/NĐ--CP"), ["document_number.invalid_format"]);
        assert_eq!(bad("56/2017/NĐ_CP"), ["document_number.invalid_character"]);
        assert_eq!(bad("28-CT"), ["document_number.invalid_format"]);
        assert_eq!(bad("28-CT/"), ["document_number.missing_symbol"]);
        assert_eq!(bad("12/2024/123"), ["document_number.invalid_format"]);
    }

    #[test]
    fn type_table_abbreviations_are_unique_ignoring_case() {
        let mut keys: Vec<String> = DOCUMENT_TYPES
            .iter()
            .map(|d| d.abbreviation.to_uppercase())
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), DOCUMENT_TYPES.len());
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let mut sink = IssueSink::new(Lang::Vi);
            let r = parse(&s, &Location::root(), &mut sink);
            proptest::prop_assert_eq!(r.is_some(), !sink.has_errors());
        }

        #[test]
        fn normalize_is_idempotent(s in "\\PC*") {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn format_then_parse_is_identity(
            n in 1u32..5000, year in proptest::option::of(1990i32..2030),
            ty in 0usize..34, issuer in "[A-ZĐ]{1,8}", party in proptest::bool::ANY,
        ) {
            // A known issuer in capitals (TTG) is rewritten to the table's form (TTg).
            proptest::prop_assume!(issuer != "TTG");
            let ty = DOCUMENT_TYPES[ty].abbreviation;
            let text = match (party, year) {
                (true, _) => format!("{n}-{ty}/{issuer}"),
                (false, Some(y)) => format!("{n}/{y}/{ty}-{issuer}"),
                (false, None) => format!("{n}/{ty}-{issuer}"),
            };
            let mut sink = IssueSink::new(Lang::Vi);
            let d = parse(&text, &Location::root(), &mut sink).unwrap();
            proptest::prop_assert_eq!(format(&d), text.as_str());
            proptest::prop_assert_eq!(parse(format(&d), &Location::root(), &mut sink), Some(d.clone()));
        }
    }
}
