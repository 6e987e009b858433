//! Phone numbers: mobile, landline and special service numbers.
//!
//! Legal and official sources:
//! - Mobile numbers have 10 digits since the 2018 conversion of 11-digit subscriber numbers
//!   ordered by Bộ Thông tin và Truyền thông (15/9/2018 – 30/6/2019; only the prefix changed,
//!   the last 7 digits were kept). [`MOBILE_PREFIXES`] holds the prefixes read in sources:
//!   the new prefixes of the conversion with their operators, and the older 09x prefixes.
//!   The list is known to be incomplete, so a 10-digit number with another plausible prefix
//!   (03, 05, 07, 08, 09) is accepted with a warning, not rejected. Mobile number portability
//!   means a prefix's operator need not be the subscriber's current one.
//! - Landline numbers: area codes of the 2017 conversion (Quyết định 2036/QĐ-BTTTT), national
//!   form `0` + area code + subscriber number, 11 digits in all (Hà Nội 024, TP. Hồ Chí Minh
//!   028, Hải Phòng 0225, ...). Area codes are those of the 63 provinces before 1 July 2025:
//!   no source was found that the 2025 merger changed them.
//! - Service numbers: 111, Tổng đài điện thoại quốc gia bảo vệ trẻ em (Luật Trẻ em 2016,
//!   Điều 51 khoản 3; Nghị định 56/2017/NĐ-CP, Điều 22–23: "số điện thoại ngắn 03 số"), which
//!   replaced the line 18001567 in December 2017; 113 (police); and `1800` + 4 digits
//!   numbers such as 18006605 (Tổng đài tư vấn chính sách trợ giúp xã hội và bảo vệ, chăm sóc
//!   giáo dục trẻ em of Hải Phòng, named in the seed instruction). Other short numbers are
//!   accepted with a warning: the national list of short numbers was not read.
//!
//! `+84`, `84` and `0084` forms are rewritten to the national form (`0…`).

use serde::Serialize;

use crate::report::{IssueSink, Location};

crate::codes! {
    /// A character other than a digit or the separators people type (space, `.`, `-`, `(`,
    /// `)`, a leading `+`).
    PHONE_NON_DIGIT = "phone.non_digit", Error, "vn.phone", "treem",
        "Số điện thoại có ký tự không hợp lệ (ký tự thứ {position})",
        "The phone number has an invalid character (character {position})";
    /// Wrong number of digits for its type.
    PHONE_WRONG_LENGTH = "phone.wrong_length", Error, "vn.phone",
        "Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (2018); QĐ 2036/QĐ-BTTTT (2017)",
        "Số điện thoại có {length} chữ số; số di động có 10 chữ số, số cố định có 11 chữ số (kể cả số 0 đầu)",
        "The phone number has {length} digits; mobile numbers have 10 digits and landlines 11 (with the leading 0)";
    /// An 11-digit mobile prefix retired by the 2018 conversion; the new prefix is given.
    PHONE_OLD_MOBILE_PREFIX = "phone.old_mobile_prefix", Error, "vn.phone",
        "Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (15/9/2018 – 30/6/2019)",
        "Đầu số {old_prefix} đã chuyển thành {new_prefix} từ năm 2018 (giữ nguyên 7 số cuối)",
        "Prefix {old_prefix} became {new_prefix} in 2018 (the last 7 digits are kept)";
    /// No Vietnamese number starts this way.
    PHONE_UNKNOWN_PREFIX = "phone.unknown_prefix", Error, "vn.phone",
        "Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (2018); QĐ 2036/QĐ-BTTTT (2017)",
        "Đầu số {prefix} không phải đầu số di động hay mã vùng điện thoại cố định",
        "Prefix {prefix} is neither a mobile prefix nor a landline area code";
    /// A 10-digit mobile number whose prefix is plausible but not in the sources read.
    PHONE_UNVERIFIED_PREFIX = "phone.unverified_prefix", Warning, "vn.phone",
        "treem (danh sách đầu số di động chưa đầy đủ)",
        "Đầu số di động {prefix} chưa có trong danh sách đã kiểm chứng; hãy kiểm tra lại số",
        "Mobile prefix {prefix} is not in the verified list; check the number";
    /// An 11-digit number starting with 02 whose area code is unknown.
    PHONE_UNKNOWN_AREA_CODE = "phone.unknown_area_code", Error, "vn.phone",
        "QĐ 2036/QĐ-BTTTT (2017), mã vùng điện thoại cố định",
        "Số cố định {masked} không có mã vùng hợp lệ",
        "Landline {masked} has no valid area code";
    /// A short number not in the list of known service numbers.
    PHONE_UNVERIFIED_SERVICE = "phone.unverified_service", Warning, "vn.phone", "treem",
        "Số ngắn {number} không có trong danh sách số dịch vụ đã kiểm chứng",
        "Short number {number} is not in the verified list of service numbers";
    /// A retired service number that has a replacement.
    PHONE_SERVICE_REPLACED = "phone.service_replaced", Warning, "vn.phone",
        "Luật Trẻ em 2016, Điều 51 khoản 3; Nghị định 56/2017/NĐ-CP, Điều 22",
        "Số {number} đã được thay bằng số {replacement}",
        "Number {number} has been replaced by {replacement}";
    /// A number with another country code: kept in international form, not checked.
    PHONE_FOREIGN = "phone.foreign", Warning, "vn.phone", "treem",
        "Số điện thoại nước ngoài (mã +{country}), không kiểm tra được",
        "Foreign phone number (code +{country}), not checked";
    /// No digits at all.
    PHONE_EMPTY = "phone.empty", Error, "vn.phone", "treem",
        "Số điện thoại trống",
        "The phone number is empty";
}

/// What a number reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneType {
    /// A mobile subscriber (10 digits).
    Mobile,
    /// A landline subscriber (area code + number, 11 digits).
    Landline,
    /// A special service number (111, 113, 1800xxxx, ...).
    Service,
    /// A number with another country code, not checked.
    Foreign,
}

/// A parsed phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// Mobile, landline, service or foreign.
    #[serde(rename = "type")]
    pub phone_type: PhoneType,
    /// The national form (`0912345678`, `02253123456`, `111`); for a foreign number `+` and
    /// the digits.
    pub national: String,
    /// The international form (`+84912345678`) of a mobile or landline number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub international: Option<String>,
    /// Mobile prefix or landline area code with its leading 0 (`091`, `0225`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The operator the mobile prefix was assigned to, where the sources name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<&'static str>,
    /// The province of a landline area code (its name before 1 July 2025).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<&'static str>,
    /// What a service number is, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<&'static str>,
}

/// Mobile prefixes read in sources, with the operator where the source names it.
/// Sources: the 2018 conversion table (gsm.vn, plo.vn); 09x prefixes named by plo.vn;
/// Viettel 086, 096–098 named by FPT.
pub const MOBILE_PREFIXES: &[(&str, Option<&str>)] = &[
    ("032", Some("Viettel")),
    ("033", Some("Viettel")),
    ("034", Some("Viettel")),
    ("035", Some("Viettel")),
    ("036", Some("Viettel")),
    ("037", Some("Viettel")),
    ("038", Some("Viettel")),
    ("039", Some("Viettel")),
    ("056", Some("Vietnamobile")),
    ("058", Some("Vietnamobile")),
    ("059", Some("Gmobile")),
    ("070", Some("MobiFone")),
    ("076", Some("MobiFone")),
    ("077", Some("MobiFone")),
    ("078", Some("MobiFone")),
    ("079", Some("MobiFone")),
    ("081", Some("VinaPhone")),
    ("082", Some("VinaPhone")),
    ("083", Some("VinaPhone")),
    ("084", Some("VinaPhone")),
    ("085", Some("VinaPhone")),
    ("086", Some("Viettel")),
    ("090", None),
    ("091", None),
    ("092", None),
    ("093", None),
    ("094", None),
    ("096", Some("Viettel")),
    ("097", Some("Viettel")),
    ("098", Some("Viettel")),
    ("099", None),
];

/// The 11-digit mobile prefixes retired in 2018 and their 10-digit replacements.
pub const OLD_MOBILE_PREFIXES: &[(&str, &str)] = &[
    ("0120", "070"),
    ("0121", "079"),
    ("0122", "077"),
    ("0126", "076"),
    ("0128", "078"),
    ("0123", "083"),
    ("0124", "084"),
    ("0125", "085"),
    ("0127", "081"),
    ("0129", "082"),
    ("0162", "032"),
    ("0163", "033"),
    ("0164", "034"),
    ("0165", "035"),
    ("0166", "036"),
    ("0167", "037"),
    ("0168", "038"),
    ("0169", "039"),
    ("0186", "056"),
    ("0188", "058"),
    ("0199", "059"),
];

/// Landline area codes (with the leading 0) of the 2017 conversion, by province before
/// 1 July 2025. Source: QĐ 2036/QĐ-BTTTT as listed in legal-facts §12.2.
pub const AREA_CODES: &[(&str, &str)] = &[
    ("024", "Hà Nội"),
    ("028", "TP. Hồ Chí Minh"),
    ("0203", "Quảng Ninh"),
    ("0204", "Bắc Giang"),
    ("0205", "Lạng Sơn"),
    ("0206", "Cao Bằng"),
    ("0207", "Tuyên Quang"),
    ("0208", "Thái Nguyên"),
    ("0209", "Bắc Kạn"),
    ("0210", "Phú Thọ"),
    ("0211", "Vĩnh Phúc"),
    ("0212", "Sơn La"),
    ("0213", "Lai Châu"),
    ("0214", "Lào Cai"),
    ("0215", "Điện Biên"),
    ("0216", "Yên Bái"),
    ("0218", "Hòa Bình"),
    ("0219", "Hà Giang"),
    ("0220", "Hải Dương"),
    ("0221", "Hưng Yên"),
    ("0222", "Bắc Ninh"),
    ("0225", "Hải Phòng"),
    ("0226", "Hà Nam"),
    ("0227", "Thái Bình"),
    ("0228", "Nam Định"),
    ("0229", "Ninh Bình"),
    ("0232", "Quảng Bình"),
    ("0233", "Quảng Trị"),
    ("0234", "Thừa Thiên Huế"),
    ("0235", "Quảng Nam"),
    ("0236", "Đà Nẵng"),
    ("0237", "Thanh Hóa"),
    ("0238", "Nghệ An"),
    ("0239", "Hà Tĩnh"),
    ("0251", "Đồng Nai"),
    ("0252", "Bình Thuận"),
    ("0254", "Bà Rịa - Vũng Tàu"),
    ("0255", "Quảng Ngãi"),
    ("0256", "Bình Định"),
    ("0257", "Phú Yên"),
    ("0258", "Khánh Hòa"),
    ("0259", "Ninh Thuận"),
    ("0260", "Kon Tum"),
    ("0261", "Đắk Nông"),
    ("0262", "Đắk Lắk"),
    ("0263", "Lâm Đồng"),
    ("0269", "Gia Lai"),
    ("0270", "Vĩnh Long"),
    ("0271", "Bình Phước"),
    ("0272", "Long An"),
    ("0273", "Tiền Giang"),
    ("0274", "Bình Dương"),
    ("0275", "Bến Tre"),
    ("0276", "Tây Ninh"),
    ("0277", "Đồng Tháp"),
    ("0290", "Cà Mau"),
    ("0291", "Bạc Liêu"),
    ("0292", "Cần Thơ"),
    ("0293", "Hậu Giang"),
    ("0294", "Trà Vinh"),
    ("0296", "An Giang"),
    ("0297", "Kiên Giang"),
    ("0299", "Sóc Trăng"),
];

/// Service numbers known from the sources, with what they are.
pub const SERVICE_NUMBERS: &[(&str, &str)] = &[
    ("111", "Tổng đài điện thoại quốc gia bảo vệ trẻ em"),
    ("113", "Công an"),
    (
        "18006605",
        "Tổng đài tư vấn chính sách trợ giúp xã hội và bảo vệ, chăm sóc giáo dục trẻ em (Hải Phòng)",
    ),
];

/// Retired service numbers and their replacements (18001567 → 111 in December 2017).
pub const REPLACED_SERVICE_NUMBERS: &[(&str, &str)] = &[("18001567", "111")];

/// The digits of `text`, with a leading `+` kept; `Err(position)` at the first character that
/// is neither a digit nor a separator people type.
fn digits(text: &str) -> Result<String, usize> {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '+' if out.is_empty() => out.push('+'),
            '.' | '-' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            _ => return Err(index + 1),
        }
    }
    Ok(out)
}

/// The national form: `+84…`, `0084…` and `84…` (when 11 or 12 digits long) become `0…`.
/// Returns the digits unchanged otherwise; a foreign number keeps its `+`.
fn national(digits: String) -> String {
    let rest = if let Some(r) = digits.strip_prefix("+84") {
        Some(r)
    } else if let Some(r) = digits.strip_prefix("0084") {
        Some(r)
    } else if digits.starts_with("84") && (digits.len() == 11 || digits.len() == 12) {
        digits.get(2..)
    } else {
        None
    };
    match rest {
        // "+84 0912…": the trunk 0 typed after the country code is dropped.
        Some(r) => ["0", r.trim_start_matches('0')].concat(),
        None => digits,
    }
}

/// The national form of `text` when it is a phone number at all (errors aside); used by
/// normalisers. Idempotent.
///
/// # Examples
///
/// ```
/// use treem::vn::phone::normalize;
/// assert_eq!(normalize("+84 912 345 678").as_deref(), Some("0912345678"));
/// assert_eq!(normalize("").as_deref(), None);
/// ```
pub fn normalize(text: &str) -> Option<String> {
    let d = digits(text).ok()?;
    (!d.is_empty()).then(|| national(d))
}

/// The 10-digit number an 11-digit mobile number became in the 2018 conversion (Bộ Thông
/// tin và Truyền thông: only the prefix changed, the last 7 digits were kept; conversion from
/// 15/9/2018, [`OLD_MOBILE_PREFIXES`]), with the old and new prefixes; `None` for any other
/// number. `national` is a number in national form ([`normalize`]).
///
/// # Examples
///
/// ```
/// assert_eq!(
///     treem::vn::phone::converted_mobile("01681234567"),
///     Some(("0381234567".to_owned(), "0168", "038"))
/// );
/// assert_eq!(treem::vn::phone::converted_mobile("0381234567"), None);
/// ```
pub fn converted_mobile(national: &str) -> Option<(String, &'static str, &'static str)> {
    if national.len() != 11 || !national.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let old = national.get(..4)?;
    let rest = national.get(4..)?;
    let (old, new) = OLD_MOBILE_PREFIXES.iter().find(|(o, _)| *o == old)?;
    Some(([*new, rest].concat(), *old, *new))
}

/// Parses a phone number, raising issues at `at`.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// use treem::vn::phone::{parse, PhoneType};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let p = parse("+84 225 3123 456", &Location::root(), &mut sink).unwrap();
/// assert_eq!((p.phone_type, p.national.as_str(), p.area), (PhoneType::Landline, "02253123456", Some("Hải Phòng")));
/// let p = parse("111", &Location::root(), &mut sink).unwrap();
/// assert_eq!(p.phone_type, PhoneType::Service);
/// assert!(sink.is_empty());
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    let d = match digits(text) {
        Ok(d) => d,
        Err(position) => {
            sink.push(&PHONE_NON_DIGIT, at, [("position", position.into())]);
            return None;
        }
    };
    if d.is_empty() || d == "+" {
        sink.push(&PHONE_EMPTY, at, []);
        return None;
    }
    let number = national(d);
    if let Some(foreign) = number.strip_prefix('+') {
        return parse_foreign(foreign, at, sink);
    }
    if number.starts_with('1') {
        return parse_service(number, at, sink);
    }
    let prefix2 = number.get(..2).unwrap_or_default();
    match prefix2 {
        "02" => parse_landline(number, at, sink),
        "01" if number.len() == 11 => {
            let old = number.get(..4).unwrap_or_default();
            match OLD_MOBILE_PREFIXES.iter().find(|(o, _)| *o == old) {
                Some((old, new)) => sink.push(
                    &PHONE_OLD_MOBILE_PREFIX,
                    at,
                    [("old_prefix", (*old).into()), ("new_prefix", (*new).into())],
                ),
                None => sink.push(&PHONE_UNKNOWN_PREFIX, at, [("prefix", old.into())]),
            }
            None
        }
        "03" | "05" | "07" | "08" | "09" => parse_mobile(number, at, sink),
        _ => {
            let prefix = number.get(..3).unwrap_or(&number).to_owned();
            sink.push(&PHONE_UNKNOWN_PREFIX, at, [("prefix", prefix.into())]);
            None
        }
    }
}

fn wrong_length(number: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    sink.push(&PHONE_WRONG_LENGTH, at, [("length", number.len().into())]);
    None
}

fn international(national: &str) -> Option<String> {
    national.strip_prefix('0').map(|r| ["+84", r].concat())
}

fn parse_mobile(number: String, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    if number.len() != 10 {
        return wrong_length(&number, at, sink);
    }
    let prefix = number.get(..3).unwrap_or_default().to_owned();
    // The last digit first, as in `personal_id::province_name`: one memcmp, not one per entry.
    let last = prefix.as_bytes().last();
    let known = MOBILE_PREFIXES
        .iter()
        .find(|(p, _)| p.as_bytes().last() == last && *p == prefix);
    if known.is_none() {
        sink.push(
            &PHONE_UNVERIFIED_PREFIX,
            at,
            [("prefix", prefix.clone().into())],
        );
    }
    Some(Phone {
        phone_type: PhoneType::Mobile,
        international: international(&number),
        national: number,
        prefix: Some(prefix),
        operator: known.and_then(|(_, op)| *op),
        area: None,
        service: None,
    })
}

fn parse_landline(number: String, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    if number.len() != 11 {
        return wrong_length(&number, at, sink);
    }
    let found = AREA_CODES.iter().find(|(code, _)| number.starts_with(code));
    let Some((code, area)) = found else {
        sink.push(
            &PHONE_UNKNOWN_AREA_CODE,
            at,
            [("masked", crate::privacy::mask_digits(&number).into())],
        );
        return None;
    };
    Some(Phone {
        phone_type: PhoneType::Landline,
        international: international(&number),
        national: number,
        prefix: Some((*code).to_owned()),
        operator: None,
        area: Some(area),
        service: None,
    })
}

fn parse_service(number: String, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    // Short numbers have 3–5 digits; 18xx/19xx numbers 8 or 10.
    let plausible = (3..=5).contains(&number.len())
        || ((number.len() == 8 || number.len() == 10)
            && (number.starts_with("18") || number.starts_with("19")));
    if !plausible {
        let prefix = number.get(..4).unwrap_or(&number).to_owned();
        sink.push(&PHONE_UNKNOWN_PREFIX, at, [("prefix", prefix.into())]);
        return None;
    }
    let known = SERVICE_NUMBERS.iter().find(|(n, _)| *n == number);
    if let Some((_, replacement)) = REPLACED_SERVICE_NUMBERS.iter().find(|(n, _)| *n == number) {
        sink.push(
            &PHONE_SERVICE_REPLACED,
            at,
            [
                ("number", number.clone().into()),
                ("replacement", (*replacement).into()),
            ],
        );
    } else if known.is_none() && !is_free_call(&number) {
        sink.push(
            &PHONE_UNVERIFIED_SERVICE,
            at,
            [("number", crate::privacy::truncate(&number, 12).into())],
        );
    }
    let service = known.map(|(_, what)| *what).or_else(|| {
        is_free_call(&number).then_some("Số dịch vụ 1800 (gọi miễn phí) / 1800 service number")
    });
    Some(Phone {
        phone_type: PhoneType::Service,
        national: number,
        international: None,
        prefix: None,
        operator: None,
        area: None,
        service,
    })
}

/// `1800` followed by four digits, the form of 18006605 and 18001567.
fn is_free_call(number: &str) -> bool {
    number.len() == 8 && number.starts_with("1800")
}

/// The country codes shorter than three digits, from ITU-T E.164 assigned country codes
/// (list of ITU-T Recommendation E.164 assigned country codes, Annex to ITU Operational
/// Bulletin): `1` (North American Numbering Plan) and `7` (Russia, Kazakhstan), then every
/// assigned two-digit code. Every other code is three digits long (`+855`, `+886`, `+971`;
/// spare prefixes such as `+28x` too), so this short table is all a reader needs to know
/// where the country code ends: E.164 codes are a prefix code, no code starts another.
const SHORT_COUNTRY_CODES: [&str; 46] = [
    "1", "7", // zone 1 and zone 7
    "20", "27", // zone 2: Egypt, South Africa
    "30", "31", "32", "33", "34", "36", "39", // zone 3
    "40", "41", "43", "44", "45", "46", "47", "48", "49", // zone 4
    "51", "52", "53", "54", "55", "56", "57", "58", // zone 5
    "60", "61", "62", "63", "64", "65", "66", // zone 6
    "81", "82", "84", "86", // zone 8
    "90", "91", "92", "93", "94", "95", "98", // zone 9
];

/// The country code at the start of an international number's digits (without the `+`).
fn country_code(digits: &str) -> &str {
    SHORT_COUNTRY_CODES
        .iter()
        .copied()
        .find(|code| digits.starts_with(code))
        .unwrap_or_else(|| digits.get(..3).unwrap_or(digits))
}

fn parse_foreign(digits: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<Phone> {
    // E.164: at most 15 digits after the +; a country code has 1–3 digits.
    if !(4..=15).contains(&digits.len()) {
        return wrong_length(digits, at, sink);
    }
    let country = country_code(digits).to_owned();
    sink.push(&PHONE_FOREIGN, at, [("country", country.into())]);
    Some(Phone {
        phone_type: PhoneType::Foreign,
        national: format!("+{digits}"),
        international: Some(format!("+{digits}")),
        prefix: None,
        operator: None,
        area: None,
        service: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn one(text: &str) -> (Option<Phone>, Vec<String>) {
        let mut sink = IssueSink::new(Lang::En);
        let r = parse(text, &Location::root(), &mut sink);
        (
            r,
            sink.finish().issues.into_iter().map(|i| i.code).collect(),
        )
    }

    #[test]
    fn mobile_forms_normalise() {
        for t in [
            "0912345678",
            "091 234 5678",
            "0912.345.678",
            "+84912345678",
            "+84 912 345 678",
            "84912345678",
            "0084912345678",
            "(+84) 0912-345-678",
        ] {
            let (p, issues) = one(t);
            let p = p.unwrap();
            assert!(issues.is_empty(), "{t}: {issues:?}");
            assert_eq!(p.national, "0912345678", "{t}");
            assert_eq!(p.international.as_deref(), Some("+84912345678"));
            assert_eq!(p.phone_type, PhoneType::Mobile);
        }
    }

    #[test]
    fn operators_of_verified_prefixes() {
        assert_eq!(one("0971234567").0.unwrap().operator, Some("Viettel"));
        assert_eq!(one("0831234567").0.unwrap().operator, Some("VinaPhone"));
        assert_eq!(one("0701234567").0.unwrap().operator, Some("MobiFone"));
        assert_eq!(one("0901234567").0.unwrap().operator, None);
        let (p, issues) = one("0881234567");
        assert_eq!(issues, ["phone.unverified_prefix"]);
        assert_eq!(p.unwrap().operator, None);
    }

    #[test]
    fn landlines_with_area() {
        let (p, issues) = one("0225 3 123 456");
        let p = p.unwrap();
        assert!(issues.is_empty());
        assert_eq!(
            (p.area, p.prefix.as_deref()),
            (Some("Hải Phòng"), Some("0225"))
        );
        let (p, _) = one("024 3825 1234");
        assert_eq!(p.unwrap().area, Some("Hà Nội"));
        assert_eq!(one("02173123456").1, ["phone.unknown_area_code"]);
        assert_eq!(one("0225312345").1, ["phone.wrong_length"]);
    }

    #[test]
    fn service_numbers() {
        let (p, issues) = one("111");
        let p = p.unwrap();
        assert!(issues.is_empty());
        assert_eq!(p.phone_type, PhoneType::Service);
        assert_eq!(
            p.service,
            Some("Tổng đài điện thoại quốc gia bảo vệ trẻ em")
        );
        let (p, issues) = one("1800 6605");
        assert!(issues.is_empty());
        assert!(p.unwrap().service.unwrap().contains("Hải Phòng"));
        let (p, issues) = one("18001234");
        assert!(issues.is_empty());
        assert!(p.unwrap().service.is_some());
        assert_eq!(one("18001567").1, ["phone.service_replaced"]);
        assert_eq!(one("116").1, ["phone.unverified_service"]);
        assert_eq!(one("19001234").1, ["phone.unverified_service"]);
        assert_eq!(one("123456").1, ["phone.unknown_prefix"]);
        assert_eq!(one("1800123").1, ["phone.unknown_prefix"]);
    }

    #[test]
    fn precise_errors() {
        assert_eq!(one("").1, ["phone.empty"]);
        assert_eq!(one(" - ").1, ["phone.empty"]);
        assert_eq!(one("0912a45678").1, ["phone.non_digit"]);
        assert_eq!(one("091234567").1, ["phone.wrong_length"]);
        assert_eq!(one("09123456789").1, ["phone.wrong_length"]);
        assert_eq!(one("01234567890").1, ["phone.old_mobile_prefix"]);
        assert_eq!(one("01301234567").1, ["phone.unknown_prefix"]);
        assert_eq!(one("0412345678").1, ["phone.unknown_prefix"]);
        assert_eq!(one("+1 202 555 0100").1, ["phone.foreign"]);
        assert_eq!(one("+1").1, ["phone.wrong_length"]);
    }

    /// The `country` a foreign number is reported with, and its type.
    fn country(text: &str) -> (Option<PhoneType>, Option<String>) {
        let mut sink = IssueSink::new(Lang::En);
        let phone = parse(text, &Location::root(), &mut sink);
        let country = sink
            .finish()
            .issues
            .into_iter()
            .find(|i| i.code == "phone.foreign")
            .and_then(|i| {
                i.params
                    .get("country")
                    .and_then(|c| c.as_str().map(str::to_owned))
            });
        (phone.map(|p| p.phone_type), country)
    }

    #[test]
    fn foreign_numbers_have_e164_country_codes() {
        for (text, code) in [
            // +1 415 is the United States, not a country "+14".
            ("+1 415 555 0148", "1"),
            ("+7 495 123 4567", "7"),
            ("+44 20 7946 0958", "44"),
            ("+855 23 123 456", "855"),
            ("+886 2 2345 6789", "886"),
            ("+971 4 123 4567", "971"),
            // 28x is not assigned: like every code outside the short table, three digits.
            ("+281 234 5678", "281"),
        ] {
            assert_eq!(
                country(text),
                (Some(PhoneType::Foreign), Some(code.to_owned())),
                "{text}"
            );
        }
        // +84 is Viet Nam: read as a national number, not a foreign one.
        assert_eq!(country("+84 912 345 678"), (Some(PhoneType::Mobile), None));
    }

    #[test]
    fn short_country_codes_are_a_prefix_code() {
        // No entry starts another, so the first match is the only one.
        for a in SHORT_COUNTRY_CODES {
            for b in SHORT_COUNTRY_CODES {
                assert!(a == b || !b.starts_with(a), "{a} starts {b}");
            }
        }
    }

    #[test]
    fn old_prefix_message_names_the_new_one() {
        let mut sink = IssueSink::new(Lang::Vi);
        parse("0168 123 4567", &Location::root(), &mut sink);
        let issue = &sink.finish().issues[0];
        assert!(issue.message.contains("0168") && issue.message.contains("038"));
        assert!(!issue.message.contains("1234567"));
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let mut sink = IssueSink::new(Lang::Vi);
            let r = parse(&s, &Location::root(), &mut sink);
            proptest::prop_assert_eq!(r.is_some(), !sink.has_errors());
        }

        #[test]
        fn normalize_is_idempotent(s in "[+0-9 .()-]{0,20}") {
            if let Some(once) = normalize(&s) {
                proptest::prop_assert_eq!(normalize(&once), Some(once));
            }
        }

        #[test]
        fn format_then_parse_is_identity(p in 0usize..31, rest in "[0-9]{7}") {
            let text = format!("{}{rest}", MOBILE_PREFIXES[p].0);
            let mut sink = IssueSink::new(Lang::Vi);
            let phone = parse(&text, &Location::root(), &mut sink).unwrap();
            let intl = phone.international.clone().unwrap();
            proptest::prop_assert_eq!(parse(&phone.national, &Location::root(), &mut sink), Some(phone.clone()));
            proptest::prop_assert_eq!(parse(&intl, &Location::root(), &mut sink), Some(phone));
            proptest::prop_assert!(sink.is_empty());
        }
    }
}
