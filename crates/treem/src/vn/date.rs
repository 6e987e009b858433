//! Calendar dates as Vietnamese records write them, and ages.
//!
//! Accepted forms: ISO `2024-08-13`; day first with `/`, `-` or `.` (`13/8/2024`,
//! `13-08-2024`, `13.08.2024`), the order used in Vietnamese administrative documents
//! (Nghị định 30/2020/NĐ-CP, Phụ lục I: "ngày ... tháng ... năm ..."); and the words form
//! `ngày 13 tháng 8 năm 2024`. Years must have four digits: a two-digit year is ambiguous.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::report::{IssueSink, Location};

pub mod iso;

crate::codes! {
    /// The text is not a date in any accepted form.
    DATE_INVALID_FORMAT = "date.invalid_format", Error, "vn.date", "treem",
        "Ngày không đúng định dạng (dùng ngày/tháng/năm, ví dụ 13/8/2024, hoặc 2024-08-13)",
        "Not a date in an accepted form (use day/month/year such as 13/8/2024, or 2024-08-13)";
    /// The numbers form no calendar date (month 13, 30 February, 29 February of a common year).
    DATE_IMPOSSIBLE = "date.impossible", Error, "vn.date", "treem",
        "Ngày {day}/{month}/{year} không tồn tại: {reason_vi}",
        "{day}/{month}/{year} is not a calendar date: {reason_en}";
    /// The year is outside 1900–2100, almost always a typing error.
    DATE_YEAR_OUT_OF_RANGE = "date.year_out_of_range", Error, "vn.date", "treem",
        "Năm {year} nằm ngoài khoảng 1900–2100",
        "Year {year} is outside 1900–2100";
}

/// The longest text (after trimming) that is read as a date, in bytes: generous room for
/// extra spaces inside the longest accepted form.
pub const MAX_DATE_BYTES: usize = 64;

/// The first and last years accepted.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Which written form a date was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateForm {
    /// `2024-08-13`.
    Iso,
    /// `13/8/2024`, `13-08-2024`, `13.08.2024`.
    DayMonthYear,
    /// `ngày 13 tháng 8 năm 2024`.
    Words,
}

/// A parsed date with the form it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParsedDate {
    /// The date, serialized as ISO 8601.
    pub date: NaiveDate,
    /// The written form.
    pub form: DateForm,
}

/// Parses a date, raising issues at `location` when it is not one.
///
/// # Examples
///
/// ```
/// use treem::report::{IssueSink, Location};
/// use treem::vn::date::parse;
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let d = parse("ngày 13 tháng 8 năm 2024", &Location::root(), &mut sink).unwrap();
/// assert_eq!(d.date.to_string(), "2024-08-13");
/// assert!(parse("31/2/2024", &Location::root(), &mut sink).is_none());
/// assert!(sink.finish().has_code("date.impossible"));
/// ```
pub fn parse(text: &str, location: &Location<'_>, sink: &mut IssueSink) -> Option<ParsedDate> {
    let Some((day, month, year, form)) = split(text) else {
        sink.push(&DATE_INVALID_FORMAT, location, []);
        return None;
    };
    if !YEAR_RANGE.contains(&year) {
        sink.push(&DATE_YEAR_OUT_OF_RANGE, location, [("year", year.into())]);
        return None;
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Some(ParsedDate { date, form }),
        None => {
            let (vi, en) = impossible_reason(day, month, year);
            sink.push(
                &DATE_IMPOSSIBLE,
                location,
                [
                    ("day", day.into()),
                    ("month", month.into()),
                    ("year", year.into()),
                    ("reason_vi", vi.into()),
                    ("reason_en", en.into()),
                ],
            );
            None
        }
    }
}

fn impossible_reason(day: u32, month: u32, year: i32) -> (String, String) {
    if !(1..=12).contains(&month) {
        return (
            format!("không có tháng {month}"),
            format!("there is no month {month}"),
        );
    }
    if day == 0 {
        return ("không có ngày 0".into(), "there is no day 0".into());
    }
    let last = days_in_month(year, month);
    if month == 2 && day == 29 {
        return (
            format!("năm {year} không nhuận"),
            format!("{year} is not a leap year"),
        );
    }
    (
        format!("tháng {month} chỉ có {last} ngày"),
        format!("month {month} has only {last} days"),
    )
}

/// Number of days in `month` of `year` (0 for a month outside 1–12).
///
/// # Examples
///
/// ```
/// use treem::vn::date::days_in_month;
/// assert_eq!(days_in_month(2024, 2), 29);
/// assert_eq!(days_in_month(2023, 2), 28);
/// assert_eq!(days_in_month(2024, 13), 0);
/// ```
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if NaiveDate::from_ymd_opt(year, 2, 29).is_some() => 29,
        2 => 28,
        _ => 0,
    }
}

/// Splits text into (day, month, year) numbers and the form, without judging the calendar.
fn split(text: &str) -> Option<(u32, u32, i32, DateForm)> {
    let text = crate::fields::trim(text);
    // No accepted form is longer ("ngày 13 tháng 8 năm 2024" is 28 bytes); longer text is
    // refused before any scan, so a 100 MB field costs nothing here.
    if text.len() > MAX_DATE_BYTES {
        return None;
    }
    split_digits(text).or_else(|| split_general(text))
}

/// The numeric forms when typed as digits and one kind of separator alone (`2024-08-13`,
/// `13/8/2024`), read in one pass over the bytes: what [`split_general`] answers for them
/// (checked by a property test), without its searches and splits. `None` for any other text,
/// which the general reading then judges.
fn split_digits(text: &str) -> Option<(u32, u32, i32, DateForm)> {
    // (value, digits) of the three groups.
    let mut groups = [(0u32, 0usize); 3];
    let mut group = 0;
    let mut separator = None;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                let (value, digits) = groups.get_mut(group)?;
                if *digits == 4 {
                    return None;
                }
                *value = *value * 10 + u32::from(b - b'0');
                *digits += 1;
            }
            b'-' | b'/' | b'.' if separator.is_none_or(|s| s == b) => {
                separator = Some(b);
                group += 1;
            }
            _ => return None,
        }
    }
    match (groups, separator) {
        ([(year, 4), (month, 2), (day, 2)], Some(b'-')) if group == 2 => {
            Some((day, month, i32::try_from(year).ok()?, DateForm::Iso))
        }
        ([(day, 1..=2), (month, 1..=2), (year, 4)], Some(_)) if group == 2 => Some((
            day,
            month,
            i32::try_from(year).ok()?,
            DateForm::DayMonthYear,
        )),
        _ => None,
    }
}

/// [`split`] for any trimmed text of accepted length.
fn split_general(text: &str) -> Option<(u32, u32, i32, DateForm)> {
    // The words form has at least four spaces; the numeric forms, typed without spaces,
    // skip building the lower-cased words.
    if text.contains(char::is_whitespace) {
        if let Some(words) = strip_words(text) {
            return Some(words);
        }
    }
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = text.split(sep).map(str::trim);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if a.len() == 4 && sep == '-' {
        // ISO: exactly YYYY-MM-DD.
        if b.len() != 2 || c.len() != 2 {
            return None;
        }
        return Some((number(c)?, number(b)?, number(a)? as i32, DateForm::Iso));
    }
    if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && c.len() == 4 {
        return Some((
            number(a)?,
            number(b)?,
            number(c)? as i32,
            DateForm::DayMonthYear,
        ));
    }
    None
}

/// `ngày 13 tháng 8 năm 2024` (any case, any spacing; "ngày" optional).
fn strip_words(text: &str) -> Option<(u32, u32, i32, DateForm)> {
    let lower = crate::letter_case::lower_str(text);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"ngày") => words.get(1..)?,
        _ => words.as_slice(),
    };
    let [d, t, m, n, y] = words else { return None };
    if *t != "tháng" || *n != "năm" || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    Some((number(d)?, number(m)?, number(y)? as i32, DateForm::Words))
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Age in completed years on `on` (0 before the first birthday; `None` if `on` is before birth).
/// A child born on 29 February completes a year on 1 March in common years.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use treem::vn::date::age_on;
/// let birth = NaiveDate::from_ymd_opt(2016, 2, 29).unwrap();
/// assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2017, 2, 28).unwrap()), Some(0));
/// assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2017, 3, 1).unwrap()), Some(1));
/// assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()), None);
/// ```
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// Age counted by birth year, as school entry is (Luật Giáo dục 2019, Điều 28 khoản 1:
/// lớp 1 at 6, lớp 6 at 11, lớp 10 at 15 "tính theo năm"): the calendar year in which a
/// school year starts minus the year of birth.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let birth = NaiveDate::from_ymd_opt(2018, 12, 31).unwrap();
/// assert_eq!(treem::vn::date::age_by_year(birth, 2024), 6);
/// ```
pub fn age_by_year(birth: NaiveDate, year: i32) -> i32 {
    year - birth.year()
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {

    proptest::proptest! {
        /// The one-pass reading of numeric dates answers as the general one.
        #[test]
        fn digit_dates_read_as_the_general_reading(text in "[0-9]{0,5}[-/.]?[0-9]{0,3}[-/. ]?[0-9]{0,5}[-/.]?[0-9]?") {
            if let Some(fast) = split_digits(&text) {
                proptest::prop_assert_eq!(Some(fast), split_general(&text));
            }
        }
    }

    /// Every shape of up to three groups of digits and separators, with a tail.
    #[test]
    fn digit_dates_read_as_the_general_reading_for_every_shape() {
        let groups = ["", "1", "12", "2024", "20245"];
        let seps = ["-", "/", ".", " "];
        let tails = ["", "-", "-1", "/", " "];
        let mut checked = 0;
        for a in groups {
            for s1 in seps {
                for b in groups {
                    for s2 in seps {
                        for c in groups {
                            for tail in tails {
                                let text = format!("{a}{s1}{b}{s2}{c}{tail}");
                                if let Some(fast) = split_digits(&text) {
                                    assert_eq!(Some(fast), split_general(&text), "{text}");
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10, "{checked}");
    }

    #[test]
    fn digit_dates_take_the_one_pass_reading() {
        assert_eq!(
            split_digits("2024-08-13"),
            Some((13, 8, 2024, DateForm::Iso))
        );
        assert_eq!(
            split_digits("5/8/2024"),
            Some((5, 8, 2024, DateForm::DayMonthYear))
        );
        assert_eq!(
            split_digits("05.08.2024"),
            Some((5, 8, 2024, DateForm::DayMonthYear))
        );
        assert_eq!(split_digits("2024/08/13"), None);
        assert_eq!(split_digits("2024-8-13"), None);
        assert_eq!(split_digits("5/8-2024"), None);
        assert_eq!(split_digits("5/8/2024/1"), None);
        assert_eq!(split_digits("5 /8/2024"), None);
        assert_eq!(split_digits("2024-08-13-"), None);
        assert_eq!(split_digits("5/8/2024/"), None);
    }

    use super::*;
    use crate::Lang;

    fn ok(text: &str) -> NaiveDate {
        let mut sink = IssueSink::new(Lang::En);
        let d = parse(text, &Location::root(), &mut sink);
        assert!(sink.is_empty(), "{text}: {:?}", sink.finish());
        d.unwrap().date
    }

    fn bad(text: &str) -> String {
        let mut sink = IssueSink::new(Lang::En);
        assert!(
            parse(text, &Location::root(), &mut sink).is_none(),
            "{text} parsed"
        );
        sink.finish().issues[0].code.clone()
    }

    #[test]
    fn accepted_forms() {
        let d = NaiveDate::from_ymd_opt(2024, 8, 13).unwrap();
        for t in [
            "2024-08-13",
            "13/8/2024",
            "13-08-2024",
            "13.08.2024",
            " 13/08/2024 ",
            "ngày 13 tháng 8 năm 2024",
            "Ngày 13  tháng 08 năm 2024",
            "13 tháng 8 năm 2024",
        ] {
            assert_eq!(ok(t), d, "{t}");
        }
    }

    #[test]
    fn rejected_forms_and_reasons() {
        assert_eq!(bad("2024-8-13"), "date.invalid_format");
        assert_eq!(bad("13/8/24"), "date.invalid_format");
        assert_eq!(bad("hôm qua"), "date.invalid_format");
        assert_eq!(bad(""), "date.invalid_format");
        assert_eq!(bad("31/2/2024"), "date.impossible");
        assert_eq!(bad("29/2/2025"), "date.impossible");
        assert_eq!(bad("1/13/2024"), "date.impossible");
        assert_eq!(bad("0000-00-00"), "date.year_out_of_range");
        assert_eq!(
            ok("29/2/2024"),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn impossible_message_names_the_reason() {
        let mut sink = IssueSink::new(Lang::Vi);
        parse("29/02/2025", &Location::root(), &mut sink);
        assert_eq!(
            sink.finish().issues[0].message,
            "Ngày 29/2/2025 không tồn tại: năm 2025 không nhuận"
        );
    }

    #[test]
    fn ages() {
        let b = NaiveDate::from_ymd_opt(2010, 2, 28).unwrap();
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 2, 27).unwrap()),
            Some(15)
        );
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()),
            Some(16)
        );
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2009, 1, 1).unwrap()),
            None
        );
        let leap = NaiveDate::from_ymd_opt(2012, 2, 29).unwrap();
        assert_eq!(
            age_on(leap, NaiveDate::from_ymd_opt(2013, 2, 28).unwrap()),
            Some(0)
        );
        assert_eq!(
            age_on(leap, NaiveDate::from_ymd_opt(2013, 3, 1).unwrap()),
            Some(1)
        );
        assert_eq!(age_by_year(leap, 2018), 6);
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in ".*") {
            let mut sink = IssueSink::new(Lang::Vi);
            let r = parse(&s, &Location::root(), &mut sink);
            proptest::prop_assert!(r.is_some() != sink.has_errors());
        }

        #[test]
        fn format_then_parse_is_identity(days in 0i64..73000) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            let mut sink = IssueSink::new(Lang::Vi);
            for text in [date.format("%Y-%m-%d").to_string(), date.format("%-d/%-m/%Y").to_string()] {
                proptest::prop_assert_eq!(parse(&text, &Location::root(), &mut sink).map(|p| p.date), Some(date));
            }
        }
    }
}
