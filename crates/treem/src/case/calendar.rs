//! Working days: Monday to Friday, less the public holidays of Bộ luật Lao động 2019, Điều 112
//! khoản 1 and the days off the caller adds ([`crate::Context::days_off`]).
//!
//! What the table holds:
//! - the fixed solar days of khoản 1: 1 January (điểm a), 30 April (điểm c), 1 May (điểm d),
//!   2 September (điểm đ), in every year;
//! - the lunar days, as solar dates for the years 2020–2030 only: the first day of the lunar
//!   year (Tết Âm lịch, điểm b) and the 10th day of the 3rd lunar month (Giỗ Tổ Hùng Vương,
//!   điểm e). The dates were computed with Hồ Ngọc Đức's astronomical lunar-calendar
//!   algorithm at UTC+7, the Vietnamese calendar's time zone (Python package `vnlunar` 1.0.5),
//!   and cross-checked with the Chinese calendar (package `lunardate` 0.3.0, UTC+8); the two
//!   agree on every date except Tết 2030, where the new moon falls at 23:07 on 2 February in
//!   Viet Nam (UTC+7), so Tết 2030 is 2 February. A unit test checks that each Giỗ Tổ falls
//!   where two or three lunar months after Tết put it.
//!
//! What it does not hold (the caller adds them through the option `days_off`): the other
//! four days of the five-day Tết holiday and the second Quốc khánh day, which the Prime
//! Minister fixes each year (Điều 112 khoản 3); the compensatory days when a holiday falls on
//! a weekend, and the swapped working days decided each year. Outside 2020–2030 the lunar
//! holidays are unknown to the library and also come from `days_off`.

use chrono::{Datelike, NaiveDate, Weekday};

/// The years whose lunar holidays are in the table.
pub const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 2020..=2030;

/// (year, Tết month, Tết day, Giỗ Tổ month, Giỗ Tổ day), solar dates.
const LUNAR_HOLIDAYS: &[(i32, u32, u32, u32, u32)] = &[
    (2020, 1, 25, 4, 2),
    (2021, 2, 12, 4, 21),
    (2022, 2, 1, 4, 10),
    (2023, 1, 22, 4, 29),
    (2024, 2, 10, 4, 18),
    (2025, 1, 29, 4, 7),
    (2026, 2, 17, 4, 26),
    (2027, 2, 6, 4, 16),
    (2028, 1, 26, 4, 4),
    (2029, 2, 13, 4, 23),
    (2030, 2, 2, 4, 12),
];

/// The first day of the lunar year (Tết Nguyên đán) in `year`, for the years of the table.
pub fn lunar_new_year(year: i32) -> Option<NaiveDate> {
    let &(y, m, d, _, _) = LUNAR_HOLIDAYS.iter().find(|h| h.0 == year)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month) in `year`, for the years of the table.
pub fn hung_kings_day(year: i32) -> Option<NaiveDate> {
    let &(y, _, _, m, d) = LUNAR_HOLIDAYS.iter().find(|h| h.0 == year)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// True when `date` is a public holiday in the table (Bộ luật Lao động 2019, Điều 112 khoản 1,
/// as far as encoded: see the module docs).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (4, 30) | (5, 1) | (9, 2)
    );
    fixed || lunar_new_year(date.year()) == Some(date) || hung_kings_day(date.year()) == Some(date)
}

/// True when `date` is a working day: not Saturday or Sunday, not a public holiday of the
/// table, not one of `days_off` (sorted, as [`crate::Context::days_off`] keeps them).
pub fn is_working_day(date: NaiveDate, days_off: &[NaiveDate]) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !is_public_holiday(date)
        && days_off.binary_search(&date).is_err()
}

/// The day on which a time limit of `count` working days that starts on `from` ends: counting
/// starts the day after `from` (the day of the event itself is not counted).
pub fn add_working_days(from: NaiveDate, count: u32, days_off: &[NaiveDate]) -> Option<NaiveDate> {
    let mut day = from;
    let mut left = count;
    while left > 0 {
        day = day.succ_opt()?;
        if is_working_day(day, days_off) {
            left -= 1;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table_covers_every_year_once() {
        let years: Vec<i32> = LUNAR_HOLIDAYS.iter().map(|h| h.0).collect();
        assert_eq!(years, LUNAR_YEARS.collect::<Vec<_>>());
    }

    #[test]
    fn lunar_dates_are_consistent_with_the_lunar_calendar() {
        for year in LUNAR_YEARS {
            let tet = lunar_new_year(year).unwrap();
            // Tết falls between 21 January and 20 February.
            assert!(tet >= d(year, 1, 21) && tet <= d(year, 2, 20), "{year}");
            // 10/3 lunar is two lunar months (59 ± 1 days) plus 9 days after Tết, or three
            // (88 ± 1) when a leap month comes first (2023 had a leap 2nd month).
            let gap = (hung_kings_day(year).unwrap() - tet).num_days();
            let expected = if year == 2023 { 96..=99 } else { 67..=70 };
            assert!(expected.contains(&gap), "{year}: {gap}");
        }
    }

    #[test]
    fn holidays_and_weekends() {
        assert!(is_public_holiday(d(2026, 9, 2)));
        assert!(is_public_holiday(d(2031, 5, 1)));
        assert!(is_public_holiday(d(2026, 2, 17)));
        assert!(is_public_holiday(d(2026, 4, 26)));
        assert!(!is_public_holiday(d(2026, 4, 27)));
        assert!(!is_working_day(d(2026, 11, 28), &[])); // Saturday
        assert!(is_working_day(d(2026, 11, 27), &[]));
        assert!(!is_working_day(d(2026, 11, 27), &[d(2026, 11, 27)]));
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_days_off() {
        // Friday 27 Nov 2026 + 5 working days = Friday 4 Dec.
        assert_eq!(
            add_working_days(d(2026, 11, 27), 5, &[]),
            Some(d(2026, 12, 4))
        );
        // Tuesday 28 Apr 2026 + 2: 29 Apr (Wed), then 30/4 and 1/5 are holidays, weekend: Mon 4 May.
        assert_eq!(
            add_working_days(d(2026, 4, 28), 2, &[]),
            Some(d(2026, 5, 4))
        );
        // A day off given by the caller moves the end.
        assert_eq!(
            add_working_days(d(2026, 11, 27), 5, &[d(2026, 12, 1)]),
            Some(d(2026, 12, 7))
        );
        assert_eq!(
            add_working_days(d(2026, 11, 27), 0, &[]),
            Some(d(2026, 11, 27))
        );
    }
}
