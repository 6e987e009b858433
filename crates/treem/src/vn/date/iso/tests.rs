//! Every function against chrono's strftime formatting and parsing as the oracle.

// chrono's strftime is the oracle here; the rule against it (clippy.toml) is for the core.
#![allow(clippy::disallowed_methods)]

use super::*;
use chrono::format::ParseErrorKind;
use chrono::{Datelike, Duration};
use proptest::prelude::*;

/// chrono's error kind as a [`ReadError`] (a kind these forms never raise fails the test).
fn kind(e: chrono::ParseError) -> ReadError {
    match e.kind() {
        ParseErrorKind::OutOfRange => ReadError::OutOfRange,
        ParseErrorKind::Invalid => ReadError::Invalid,
        ParseErrorKind::TooShort => ReadError::TooShort,
        ParseErrorKind::TooLong => ReadError::TooLong,
        other => panic!("unexpected chrono error kind {other:?}"),
    }
}

fn chrono_date(text: &str) -> Result<NaiveDate, ReadError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(kind)
}

fn chrono_date_lenient(text: &str) -> Result<NaiveDate, ReadError> {
    text.parse::<NaiveDate>().map_err(kind)
}

fn chrono_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .ok()
}

/// Each reader answers as chrono for `text` (value and error kind).
fn assert_reads_as_chrono(text: &str) {
    assert_eq!(read_date(text), chrono_date(text), "read_date({text:?})");
    assert_eq!(
        read_date_lenient(text),
        chrono_date_lenient(text),
        "read_date_lenient({text:?})"
    );
    assert_eq!(read_time(text), chrono_time(text), "read_time({text:?})");
    let json = serde_json::Value::String(text.to_owned());
    let ours = deserialize_date(&json).map_err(|e| e.to_string());
    let theirs = serde_json::from_value::<NaiveDate>(json.clone()).map_err(|e| e.to_string());
    assert_eq!(ours, theirs, "deserialize_date({text:?})");
}

/// A date anywhere in chrono's range.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::MIN.num_days_from_ce();
    let last = NaiveDate::MAX.num_days_from_ce();
    (first..=last).prop_filter_map("in range", NaiveDate::from_num_days_from_ce_opt)
}

/// A time of day, leap seconds included, with any nanoseconds.
fn any_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60, 0u32..60, 0u32..2_000_000_000).prop_filter_map(
        "valid time",
        |(h, m, s, nano)| {
            let nano = if s == 59 { nano } else { nano % 1_000_000_000 };
            NaiveTime::from_hms_nano_opt(h, m, s, nano)
        },
    )
}

proptest! {
    #[test]
    fn dates_are_written_as_chrono_writes_them(date in any_date()) {
        prop_assert_eq!(super::date(date), date.format("%Y-%m-%d").to_string());
    }

    #[test]
    fn moments_are_written_as_chrono_writes_them(date in any_date(), time in any_time()) {
        let at = date.and_time(time);
        prop_assert_eq!(minute(at), at.format("%Y-%m-%dT%H:%M").to_string());
        prop_assert_eq!(second(at), at.format("%Y-%m-%dT%H:%M:%S").to_string());
        prop_assert_eq!(
            format!("{:02}", second_of_minute(time)),
            at.format("%S").to_string()
        );
    }

    #[test]
    fn written_dates_read_back(date in any_date()) {
        prop_assert_eq!(read_date(&super::date(date)), Ok(date));
        prop_assert_eq!(read_date_lenient(&super::date(date)), Ok(date));
    }

    /// Texts close to the accepted forms: signs, spaces, short and long numbers, colons.
    #[test]
    fn near_forms_read_as_chrono_reads_them(
        text in "[ +-]?[0-9]{0,6}[ ]?[-:]?[ ]?[0-9]{0,3}[ ]?[-:]?[ ]?[0-9]{0,3}[ x:]?[0-9]{0,2}"
    ) {
        assert_reads_as_chrono(&text);
    }

    #[test]
    fn any_text_reads_as_chrono_reads_it(text in "\\PC{0,16}") {
        assert_reads_as_chrono(&text);
    }

    #[test]
    fn any_date_text_reads_as_chrono_reads_it(date in any_date(), pad in "[ \u{3000}\t]{0,2}") {
        for text in [
            super::date(date),
            format!("{pad}{}{pad}", super::date(date)),
            format!("{}-{}-{}", date.year(), date.month(), date.day()),
            format!("{}{pad}-{pad}{}{pad}-{pad}{}{pad}", date.year(), date.month(), date.day()),
        ] {
            assert_reads_as_chrono(&text);
        }
    }
}

/// Every combination of a few pieces of each part: the corners (empty, signs, widths,
/// ranges, leap days and seconds, spaces, trailing text) are each tried.
#[test]
fn every_combination_of_corner_pieces_reads_as_chrono() {
    let numbers = [
        "",
        "0",
        "1",
        "01",
        "002",
        "12",
        "13",
        "23",
        "24",
        "29",
        "30",
        "31",
        "32",
        "59",
        "60",
        "61",
        "2024",
        "2023",
        "20245",
        "+2024",
        "-44",
        "+",
        "-",
        " 7",
        "\u{a0}7",
        "a",
        "99999999999999999999",
        "+262143",
        "+262144",
        "-262144",
        "-262145",
    ];
    let separators = ["-", ":", " -", "- ", ""];
    let tails = ["", " ", "x", ":00", "-"];
    let mut checked = 0;
    for a in numbers {
        for s1 in separators {
            for b in ["", "1", "02", "12", "13", "23", "59", "60"] {
                for s2 in separators {
                    for c in ["", "1", "28", "29", "30", "31", "32", "59", "60"] {
                        for tail in tails {
                            assert_reads_as_chrono(&format!("{a}{s1}{b}{s2}{c}{tail}"));
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

#[test]
fn chrono_leniencies_are_kept() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or(ReadError::Invalid);
    assert_eq!(read_date("2024-1-5"), d(2024, 1, 5));
    assert_eq!(read_date(" 2024- 1- 5"), d(2024, 1, 5));
    assert_eq!(read_date("+2024-01-05"), d(2024, 1, 5));
    assert_eq!(read_date("-0044-03-15"), d(-44, 3, 15));
    assert_eq!(read_date("+12024-01-01"), d(12024, 1, 1));
    assert_eq!(read_date("12024-01-01"), Err(ReadError::Invalid));
    assert_eq!(read_date("2024 -01-05"), Err(ReadError::Invalid));
    assert_eq!(read_date_lenient("2024 - 01 - 05 "), d(2024, 1, 5));
    assert_eq!(read_date("2024-02-29"), d(2024, 2, 29));
    assert_eq!(read_date("2023-02-29"), Err(ReadError::OutOfRange));
    assert_eq!(read_date(""), Err(ReadError::TooShort));
    let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s);
    assert_eq!(read_time("08:30"), t(8, 30, 0));
    assert_eq!(read_time("8:5:7"), t(8, 5, 7));
    assert_eq!(read_time("08: 30"), t(8, 30, 0));
    assert_eq!(read_time("24:00"), None);
    assert_eq!(read_time("08:30 "), None);
    let leap = read_time("23:59:60");
    assert_eq!(
        leap,
        NaiveTime::from_hms_nano_opt(23, 59, 59, 1_000_000_000)
    );
    let at = NaiveDate::from_ymd_opt(2016, 12, 31).map(|d| d.and_time(leap.unwrap_or_default()));
    assert_eq!(at.map(second).as_deref(), Some("2016-12-31T23:59:60"));
}

#[test]
fn out_of_range_years_are_written_signed() {
    let at = |y| NaiveDate::from_ymd_opt(y, 1, 2).map(super::date);
    assert_eq!(at(2024).as_deref(), Some("2024-01-02"));
    assert_eq!(at(999).as_deref(), Some("0999-01-02"));
    assert_eq!(at(10000).as_deref(), Some("+10000-01-02"));
    assert_eq!(at(-1).as_deref(), Some("-0001-01-02"));
}

/// The serde readers answer as chrono's own `Deserialize` for any JSON value, in every
/// position a derive uses them (a member, an optional member, a missing one).
#[test]
fn serde_reading_is_chrono_s() {
    // Two structs of one name, so that serde's messages (which name the struct) compare.
    mod ours {
        use super::*;
        #[derive(Debug, PartialEq, serde::Deserialize)]
        pub(super) struct Dates {
            #[serde(deserialize_with = "deserialize_date")]
            pub(super) from: NaiveDate,
            #[serde(default, deserialize_with = "deserialize_optional_date")]
            pub(super) until: Option<NaiveDate>,
        }
    }
    mod theirs {
        use super::*;
        #[derive(Debug, PartialEq, serde::Deserialize)]
        pub(super) struct Dates {
            pub(super) from: NaiveDate,
            #[serde(default)]
            pub(super) until: Option<NaiveDate>,
        }
    }
    let values = [
        serde_json::json!("2024-01-05"),
        serde_json::json!(" 2024 -1- 5 "),
        serde_json::json!("2024-02-30"),
        serde_json::json!("2024-01"),
        serde_json::json!("x"),
        serde_json::json!(null),
        serde_json::json!(20240105),
        serde_json::json!(1.5),
        serde_json::json!(["2024-01-05"]),
        serde_json::json!({"a": 1}),
    ];
    let mut inputs = vec![serde_json::json!({}), serde_json::json!([])];
    for v in &values {
        inputs.push(serde_json::json!({ "from": v }));
        inputs.push(serde_json::json!({ "from": "2024-01-05", "until": v }));
        inputs.push(serde_json::json!([v]));
        inputs.push(serde_json::json!(["2024-01-05", v]));
    }
    for input in inputs {
        let ours = serde_json::from_value::<ours::Dates>(input.clone())
            .map(|o| (o.from, o.until))
            .map_err(|e| e.to_string());
        let theirs = serde_json::from_value::<theirs::Dates>(input.clone())
            .map(|t| (t.from, t.until))
            .map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "{input}");
        let text = input.to_string();
        let ours = serde_json::from_str::<ours::Dates>(&text)
            .map(|o| (o.from, o.until))
            .map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<theirs::Dates>(&text)
            .map(|t| (t.from, t.until))
            .map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "{text}");
    }
}

#[test]
fn a_day_after_the_last_date_is_out_of_range() {
    let last = NaiveDate::MAX;
    assert!(last.checked_add_signed(Duration::days(1)).is_none());
    let text = super::date(last);
    assert_eq!(read_date(&text), Ok(last));
    let beyond = format!("+{}-01-01", last.year() + 1);
    assert_eq!(read_date(&beyond), Err(ReadError::OutOfRange));
    assert_eq!(read_date(&beyond), chrono_date(&beyond));
}
