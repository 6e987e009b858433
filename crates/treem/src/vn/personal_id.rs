//! The personal identification number (số định danh cá nhân), printed on the citizen
//! identity card (căn cước công dân, thẻ căn cước).
//!
//! Legal source: Nghị định 137/2015/NĐ-CP, Điều 13: "dãy số tự nhiên gồm 12 số, có cấu trúc
//! gồm 6 số là mã thế kỷ sinh, mã giới tính, mã năm sinh của công dân, mã tỉnh, thành phố trực
//! thuộc trung ương hoặc mã quốc gia nơi công dân đăng ký khai sinh và 6 số là khoảng số ngẫu
//! nhiên"; code tables in Thông tư 07/2016/TT-BCA, Phụ lục I (province of birth registration)
//! and Phụ lục III (century and sex). The number is kept under Luật Căn cước 2023, Điều 12.
//!
//! Layout: digits 1–3 the province where the birth was registered (the 63 codes in force
//! before 1 July 2025, `0` + the two-digit code of Quyết định 124/2004/QĐ-TTg), digit 4 the
//! century and sex (`0`/`1` 1900–1999 male/female, `2`/`3` 2000–2099, `4`/`5` 2100–2199, …),
//! digits 5–6 the last two digits of the birth year, digits 7–12 a random part.
//!
//! Not encoded: the country codes used for births registered abroad (the table was not read),
//! so an unknown first three digits is a warning, not an error; whether people born after the
//! 2025 merger receive other province codes is not known either. A number that passes cannot
//! be proved to have been issued: there is no check digit.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::privacy::mask_digits;
use crate::report::{IssueSink, Location};
use crate::vn::sex::Sex;

crate::codes! {
    /// A character other than a digit, space or dot.
    PERSONAL_ID_NON_DIGIT = "personal_id.non_digit", Error, "vn.personal_id",
        "Nghị định 137/2015/NĐ-CP, Điều 13",
        "Số định danh cá nhân chỉ gồm chữ số (ký tự thứ {position} không phải chữ số)",
        "A personal ID number has digits only (character {position} is not a digit)";
    /// Not 12 digits.
    PERSONAL_ID_WRONG_LENGTH = "personal_id.wrong_length", Error, "vn.personal_id",
        "Nghị định 137/2015/NĐ-CP, Điều 13",
        "Số định danh cá nhân phải có 12 chữ số, số đã nhập có {length}",
        "A personal ID number has 12 digits, this one has {length}";
    /// The first three digits are none of the 63 province codes. They may be a country code
    /// (birth registered abroad), which treem does not know, hence a warning.
    PERSONAL_ID_UNKNOWN_PROVINCE = "personal_id.unknown_province", Warning, "vn.personal_id",
        "Thông tư 07/2016/TT-BCA, Phụ lục I",
        "Mã {code} (3 chữ số đầu) không thuộc 63 mã tỉnh, thành phố; nếu khai sinh ở nước ngoài thì đây có thể là mã quốc gia (chưa được kiểm tra)",
        "Code {code} (first three digits) is none of the 63 province codes; for a birth registered abroad it may be a country code (not checked)";
    /// The century digit gives a birth year after 2100 (digits 4–9 denote the 22nd–24th
    /// centuries).
    PERSONAL_ID_IMPOSSIBLE_CENTURY = "personal_id.impossible_century", Error, "vn.personal_id",
        "Thông tư 07/2016/TT-BCA, Phụ lục III",
        "Chữ số thứ 4 là {digit}: năm sinh {year} không thể có",
        "The fourth digit is {digit}: birth year {year} is impossible";
    /// The birth year encoded is after the as-of date.
    PERSONAL_ID_BIRTH_IN_FUTURE = "personal_id.birth_year_in_future", Error, "vn.personal_id",
        "Thông tư 07/2016/TT-BCA, Phụ lục III",
        "Số định danh ghi năm sinh {year}, sau ngày tính {as_of}",
        "The personal ID encodes birth year {year}, after the as-of date {as_of}";
    /// The birth year in the number differs from the date of birth of the record.
    PERSONAL_ID_BIRTH_YEAR_MISMATCH = "personal_id.birth_year_mismatch", Error, "vn.personal_id",
        "Nghị định 137/2015/NĐ-CP, Điều 13",
        "Số định danh {id} ghi năm sinh {id_year}, nhưng ngày sinh là năm {dob_year}",
        "Personal ID {id} encodes birth year {id_year}, but the date of birth is in {dob_year}";
    /// The sex in the number differs from the sex of the record.
    PERSONAL_ID_SEX_MISMATCH = "personal_id.sex_mismatch", Error, "vn.personal_id",
        "Nghị định 137/2015/NĐ-CP, Điều 13",
        "Số định danh {id} ghi giới tính {id_sex_vi}, nhưng hồ sơ ghi {sex_vi}",
        "Personal ID {id} encodes sex {id_sex_en}, but the record says {sex_en}";
}

/// Edition note for the province-code catalog.
pub const PROVINCE_CODES_SOURCE: &str =
    "Thông tư 07/2016/TT-BCA, Phụ lục I (mã tỉnh nơi đăng ký khai sinh; 63 tỉnh, thành phố trước 01/7/2025)";

/// The 63 province codes of the personal ID number (province where the birth was registered),
/// as in force before 1 July 2025. Source: Thông tư 07/2016/TT-BCA, Phụ lục I.
pub const PROVINCE_CODES: [(&str, &str); 63] = [
    ("001", "Hà Nội"),
    ("002", "Hà Giang"),
    ("004", "Cao Bằng"),
    ("006", "Bắc Kạn"),
    ("008", "Tuyên Quang"),
    ("010", "Lào Cai"),
    ("011", "Điện Biên"),
    ("012", "Lai Châu"),
    ("014", "Sơn La"),
    ("015", "Yên Bái"),
    ("017", "Hòa Bình"),
    ("019", "Thái Nguyên"),
    ("020", "Lạng Sơn"),
    ("022", "Quảng Ninh"),
    ("024", "Bắc Giang"),
    ("025", "Phú Thọ"),
    ("026", "Vĩnh Phúc"),
    ("027", "Bắc Ninh"),
    ("030", "Hải Dương"),
    ("031", "Hải Phòng"),
    ("033", "Hưng Yên"),
    ("034", "Thái Bình"),
    ("035", "Hà Nam"),
    ("036", "Nam Định"),
    ("037", "Ninh Bình"),
    ("038", "Thanh Hóa"),
    ("040", "Nghệ An"),
    ("042", "Hà Tĩnh"),
    ("044", "Quảng Bình"),
    ("045", "Quảng Trị"),
    ("046", "Thừa Thiên Huế"),
    ("048", "Đà Nẵng"),
    ("049", "Quảng Nam"),
    ("051", "Quảng Ngãi"),
    ("052", "Bình Định"),
    ("054", "Phú Yên"),
    ("056", "Khánh Hòa"),
    ("058", "Ninh Thuận"),
    ("060", "Bình Thuận"),
    ("062", "Kon Tum"),
    ("064", "Gia Lai"),
    ("066", "Đắk Lắk"),
    ("067", "Đắk Nông"),
    ("068", "Lâm Đồng"),
    ("070", "Bình Phước"),
    ("072", "Tây Ninh"),
    ("074", "Bình Dương"),
    ("075", "Đồng Nai"),
    ("077", "Bà Rịa - Vũng Tàu"),
    ("079", "TP. Hồ Chí Minh"),
    ("080", "Long An"),
    ("082", "Tiền Giang"),
    ("083", "Bến Tre"),
    ("084", "Trà Vinh"),
    ("086", "Vĩnh Long"),
    ("087", "Đồng Tháp"),
    ("089", "An Giang"),
    ("091", "Kiên Giang"),
    ("092", "Cần Thơ"),
    ("093", "Hậu Giang"),
    ("094", "Sóc Trăng"),
    ("095", "Bạc Liêu"),
    ("096", "Cà Mau"),
];

/// The province name of a three-digit code, if it is one of the 63.
///
/// # Examples
///
/// ```
/// use treem::vn::personal_id::province_name;
/// assert_eq!(province_name("001"), Some("Hà Nội"));
/// assert_eq!(province_name("999"), None);
/// ```
pub fn province_name(code: &str) -> Option<&'static str> {
    // The last digit first: it differs between neighbours, so the full comparison (a call
    // to memcmp) runs about once instead of for every entry before the match.
    let last = code.as_bytes().last();
    PROVINCE_CODES
        .iter()
        .find(|(c, _)| c.as_bytes().last() == last && *c == code)
        .map(|(_, name)| *name)
}

/// A parsed personal identification number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonalId {
    /// The 12 digits, without spaces or dots.
    pub number: String,
    /// Digits 1–3: where the birth was registered.
    pub province_code: String,
    /// The province of `province_code` (its name before 1 July 2025), when it is one of the 63.
    pub province_name: Option<&'static str>,
    /// Sex, from digit 4.
    pub sex: Sex,
    /// Birth year, from digit 4 (century) and digits 5–6.
    pub birth_year: i32,
}

/// A disagreement between the number and the rest of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Mismatch {
    /// The birth year differs.
    BirthYear {
        /// The year the number encodes.
        id_year: i32,
        /// The year of the date of birth.
        dob_year: i32,
    },
    /// The sex differs.
    Sex {
        /// The sex the number encodes.
        id_sex: Sex,
        /// The sex of the record.
        sex: Sex,
    },
}

impl PersonalId {
    /// The canonical written form: the 12 digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::report::{IssueSink, Location};
    /// let mut sink = IssueSink::new(treem::Lang::Vi);
    /// let id = treem::vn::personal_id::parse("035.199.000.123", &Location::root(), &mut sink).unwrap();
    /// assert_eq!(id.format(), "035199000123");
    /// ```
    pub fn format(&self) -> String {
        self.number.clone()
    }

    /// What in `date_of_birth` and `sex` disagrees with the number (empty when all agree).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use treem::report::{IssueSink, Location};
    /// use treem::vn::{personal_id, sex::Sex};
    /// let mut sink = IssueSink::new(treem::Lang::Vi);
    /// let id = personal_id::parse("035199000123", &Location::root(), &mut sink).unwrap();
    /// let dob = NaiveDate::from_ymd_opt(1999, 5, 1).unwrap();
    /// assert!(id.check_against(dob, Sex::Female).is_empty());
    /// assert_eq!(id.check_against(dob, Sex::Male).len(), 1);
    /// ```
    pub fn check_against(&self, date_of_birth: NaiveDate, sex: Sex) -> Vec<Mismatch> {
        let mut out = Vec::new();
        if date_of_birth.year() != self.birth_year {
            out.push(Mismatch::BirthYear {
                id_year: self.birth_year,
                dob_year: date_of_birth.year(),
            });
        }
        if sex != self.sex {
            out.push(Mismatch::Sex {
                id_sex: self.sex,
                sex,
            });
        }
        out
    }

    /// Raises an issue at `at` for each mismatch with `date_of_birth` and `sex`; the number is
    /// masked in the messages.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use treem::report::{IssueSink, Location};
    /// use treem::vn::{personal_id, sex::Sex};
    /// let mut sink = IssueSink::new(treem::Lang::Vi);
    /// let id = personal_id::parse("035199000123", &Location::root(), &mut sink).unwrap();
    /// id.report_mismatches(NaiveDate::from_ymd_opt(2000, 5, 1).unwrap(), Sex::Male, &Location::root(), &mut sink);
    /// assert_eq!(sink.len(), 2);
    /// ```
    pub fn report_mismatches(
        &self,
        date_of_birth: NaiveDate,
        sex: Sex,
        at: &Location<'_>,
        sink: &mut IssueSink,
    ) {
        let mismatches = self.check_against(date_of_birth, sex);
        if mismatches.is_empty() {
            return;
        }
        let id = mask_digits(&self.number);
        for mismatch in mismatches {
            match mismatch {
                Mismatch::BirthYear { id_year, dob_year } => sink.push(
                    &PERSONAL_ID_BIRTH_YEAR_MISMATCH,
                    at,
                    [
                        ("id", id.clone().into()),
                        ("id_year", id_year.into()),
                        ("dob_year", dob_year.into()),
                    ],
                ),
                Mismatch::Sex { id_sex, sex } => sink.push(
                    &PERSONAL_ID_SEX_MISMATCH,
                    at,
                    [
                        ("id", id.clone().into()),
                        ("id_sex_vi", id_sex.label_vi().into()),
                        ("id_sex_en", id_sex.label_en().into()),
                        ("sex_vi", sex.label_vi().into()),
                        ("sex_en", sex.label_en().into()),
                    ],
                ),
            }
        }
    }

    /// Raises [`PERSONAL_ID_BIRTH_IN_FUTURE`] when the birth year is after `as_of`'s year.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use treem::report::{IssueSink, Location};
    /// let mut sink = IssueSink::new(treem::Lang::Vi);
    /// let id = treem::vn::personal_id::parse("035199000123", &Location::root(), &mut sink).unwrap();
    /// id.check_as_of(NaiveDate::from_ymd_opt(1998, 12, 31).unwrap(), &Location::root(), &mut sink);
    /// assert_eq!(sink.len(), 1);
    /// ```
    pub fn check_as_of(&self, as_of: NaiveDate, at: &Location<'_>, sink: &mut IssueSink) {
        if self.birth_year > as_of.year() {
            sink.push(
                &PERSONAL_ID_BIRTH_IN_FUTURE,
                at,
                [
                    ("year", self.birth_year.into()),
                    ("as_of", as_of.to_string().into()),
                ],
            );
        }
    }
}

/// The number with the spaces and dots people type removed (`035 199 000 123`,
/// `035.199.000.123`); other characters are kept so that [`parse`] can report them.
///
/// # Examples
///
/// ```
/// use treem::vn::personal_id::normalize;
/// assert_eq!(normalize("035 199.000 123"), "035199000123");
/// assert_eq!(normalize("035-199"), "035-199");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().filter(|c| !c.is_whitespace() && *c != '.'));
    out
}

/// Parses a personal identification number, raising issues at `at`.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// use treem::vn::{personal_id, sex::Sex};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let id = personal_id::parse("035 199 000 123", &Location::root(), &mut sink).unwrap();
/// assert_eq!((id.province_name, id.sex, id.birth_year), (Some("Hà Nam"), Sex::Female, 1999));
/// ```
pub fn parse(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Option<PersonalId> {
    let number = normalize(text);
    if let Some(index) = number.chars().position(|c| !c.is_ascii_digit()) {
        sink.push(
            &PERSONAL_ID_NON_DIGIT,
            at,
            [("position", (index + 1).into())],
        );
        return None;
    }
    if number.len() != 12 {
        sink.push(
            &PERSONAL_ID_WRONG_LENGTH,
            at,
            [("length", number.len().into())],
        );
        return None;
    }
    let digit = |i: usize| -> i32 {
        number
            .as_bytes()
            .get(i)
            .map_or(0, |b| i32::from(b.saturating_sub(b'0')))
    };
    let province_code = number.get(..3).unwrap_or_default().to_owned();
    let century_digit = digit(3);
    let birth_year = 1900 + 100 * (century_digit / 2) + 10 * digit(4) + digit(5);
    let sex = if century_digit % 2 == 0 {
        Sex::Male
    } else {
        Sex::Female
    };
    if birth_year > *crate::vn::date::YEAR_RANGE.end() {
        sink.push(
            &PERSONAL_ID_IMPOSSIBLE_CENTURY,
            at,
            [("digit", century_digit.into()), ("year", birth_year.into())],
        );
        return None;
    }
    let province_name = province_name(&province_code);
    if province_name.is_none() {
        sink.push(
            &PERSONAL_ID_UNKNOWN_PROVINCE,
            at,
            [("code", province_code.clone().into())],
        );
    }
    Some(PersonalId {
        number,
        province_code,
        province_name,
        sex,
        birth_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn one(text: &str) -> (Option<PersonalId>, Vec<String>) {
        let mut sink = IssueSink::new(Lang::En);
        let r = parse(text, &Location::root(), &mut sink);
        (
            r,
            sink.finish().issues.into_iter().map(|i| i.code).collect(),
        )
    }

    #[test]
    fn worked_example_of_legal_facts_6_1() {
        // "035199000123 … khai sinh ở Hà Nam, giới tính nữ, sinh năm 1999".
        let (id, issues) = one("035199000123");
        let id = id.unwrap();
        assert!(issues.is_empty());
        assert_eq!(id.province_code, "035");
        assert_eq!(id.province_name, Some("Hà Nam"));
        assert_eq!(id.sex, Sex::Female);
        assert_eq!(id.birth_year, 1999);
    }

    #[test]
    fn century_and_sex_digit() {
        let cases = [
            ('0', Sex::Male, 1912),
            ('1', Sex::Female, 1912),
            ('2', Sex::Male, 2012),
            ('3', Sex::Female, 2012),
        ];
        for (d, sex, year) in cases {
            let (id, _) = one(&format!("031{d}12345678"));
            let id = id.unwrap();
            assert_eq!((id.sex, id.birth_year), (sex, year), "{d}");
        }
        assert_eq!(one("031412345678").1, ["personal_id.impossible_century"]);
        assert_eq!(one("031912345678").1, ["personal_id.impossible_century"]);
        // 2100 itself is inside the range the date rules accept.
        assert_eq!(one("031400345678").0.unwrap().birth_year, 2100);
    }

    #[test]
    fn typed_separators_are_accepted() {
        for t in ["031 212 345 678", "031.212.345.678", " 031212345678\n"] {
            assert_eq!(one(t).0.unwrap().number, "031212345678", "{t}");
        }
    }

    #[test]
    fn precise_codes() {
        assert_eq!(one("03121234567").1, ["personal_id.wrong_length"]);
        assert_eq!(one("").1, ["personal_id.wrong_length"]);
        assert_eq!(one("0312-12345678").1, ["personal_id.non_digit"]);
        assert_eq!(one("O31212345678").1, ["personal_id.non_digit"]);
        assert_eq!(one("０31212345678").1, ["personal_id.non_digit"]);
        let (id, issues) = one("003212345678");
        assert_eq!(issues, ["personal_id.unknown_province"]);
        assert_eq!(id.unwrap().province_name, None);
    }

    #[test]
    fn every_province_code_is_three_digits_and_unique() {
        let mut codes: Vec<&str> = PROVINCE_CODES.iter().map(|(c, _)| *c).collect();
        assert!(codes
            .iter()
            .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit())));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 63);
        assert_eq!(province_name("031"), Some("Hải Phòng"));
    }

    #[test]
    fn mismatches_are_reported_masked() {
        let (id, _) = one("031212345678");
        let id = id.unwrap();
        let dob = NaiveDate::from_ymd_opt(2013, 1, 2).unwrap();
        let mut sink = IssueSink::new(Lang::Vi);
        id.report_mismatches(
            dob,
            Sex::Female,
            &Location::root().key("personal_id"),
            &mut sink,
        );
        let report = sink.finish();
        let codes: Vec<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "personal_id.birth_year_mismatch",
                "personal_id.sex_mismatch"
            ]
        );
        for issue in &report.issues {
            assert!(!issue.message.contains("031212345678"), "{}", issue.message);
            assert!(issue.message.contains("031*******78"), "{}", issue.message);
        }
        let ok = NaiveDate::from_ymd_opt(2012, 12, 31).unwrap();
        assert!(id.check_against(ok, Sex::Male).is_empty());
    }

    #[test]
    fn future_birth_year() {
        let (id, _) = one("031225345678");
        let mut sink = IssueSink::new(Lang::En);
        let at = Location::root();
        id.unwrap().check_as_of(
            NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
            &at,
            &mut sink,
        );
        assert!(sink.finish().has_code("personal_id.birth_year_in_future"));
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
            proptest::prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn format_then_parse_is_identity(p in 0usize..63, d in 0u8..4, rest in "[0-9]{8}") {
            let code = PROVINCE_CODES[p].0;
            let text = format!("{code}{d}{rest}");
            let mut sink = IssueSink::new(Lang::Vi);
            let id = parse(&text, &Location::root(), &mut sink).unwrap();
            proptest::prop_assert_eq!(parse(&id.format(), &Location::root(), &mut sink), Some(id));
            proptest::prop_assert!(sink.is_empty());
        }
    }
}
