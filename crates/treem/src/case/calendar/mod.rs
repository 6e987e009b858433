//! Working days of state agencies: Monday to Friday, less the public holidays, with the days
//! each year's announcement moves, and the caller's own calendar on top.
//!
//! **Weekends.** Quyết định 188/1999/QĐ-TTg, Điều 1: "Nay quy định chế độ tuần làm việc 40
//! giờ trong 5 ngày, nghỉ ngày thứ bẩy và chủ nhật hàng tuần đối với cán bộ, công chức và
//! người lao động trong các cơ quan, đơn vị hành chính, sự nghiệp, tổ chức chính trị, tổ chức
//! chính trị - xã hội". Saturday and Sunday are not working days (its Điều 2 lets units that
//! work round the clock rest on other days: their calendar comes from the caller).
//!
//! **Public holidays.** Bộ luật Lao động 2019, Điều 112 khoản 1: "a) Tết Dương lịch: 01 ngày
//! (ngày 01 tháng 01 dương lịch); b) Tết Âm lịch: 05 ngày; c) Ngày Chiến thắng: 01 ngày (ngày
//! 30 tháng 4 dương lịch); d) Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5 dương lịch);
//! đ) Quốc khánh: 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau);
//! e) Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)." Khoản 3: "Hằng năm, căn cứ
//! vào điều kiện thực tế, Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ quy định tại điểm b
//! và điểm đ khoản 1 Điều này." Texts: `tests/sources/laws/nghi-le-tet.md`.
//!
//! A year's calendar is built in one of three ways ([`Basis`]):
//! - **caller** — the year is in the caller's [`crate::Holidays::years`]: the days the law
//!   fixes by date (1/1, mùng 1 Tết, 10/3 âm lịch, 30/4, 1/5, 2/9) and the caller's lists;
//! - **announced** — the library holds the year's announced schedule ([`schedules`]: 2025 and
//!   2026): the days the law fixes by date and the schedule's days off and make-up days;
//! - **law only** — neither: the days the law fixes by date, and for the two the Prime
//!   Minister fixes each year, **our estimate** (not law): the five Tết days as the last day
//!   of the old lunar year and mùng 1–4 (every announced schedule 2025–2026 gave the last day
//!   and mùng 1–3), the Quốc khánh day as the neighbour that joins 2/9 to a weekend (1/9
//!   unless 2/9 is a Monday or a Thursday); and a holiday on a Saturday or Sunday moves to the
//!   next working day (nghỉ bù: Bộ luật Lao động 2019, Điều 111 khoản 3 as reported by the
//!   press; its text was not retrieved, so this too is marked as part of the estimate).
//!   Deadlines counted through such a year say `calendar: "law_only"` in their answer, so a
//!   portal can show that the date may move when the year's schedule is announced (or give
//!   the schedule itself as the caller's calendar).
//!
//! Over all three the caller's days win: a day in [`crate::Holidays::working_days`] is a
//! working day, one in [`crate::Holidays::days_off`] or in [`crate::Context::days_off`] is not.
//!
//! Lunar dates come from [`lunar`], computed for Viet Nam's time zone (UTC+7).
//!
//! Not modelled: years before 2021, when Bộ luật Lao động 2012 (Điều 115: one Quốc khánh
//! day) was in force, are counted with the 2019 code's days like any law-only year.

pub mod lunar;
pub mod schedules;

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::Serialize;

use crate::context::Context;

/// Where the calendar a working-day deadline was counted with comes from. Ordered from the
/// most to the least certain: a count through several years takes the least certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Every year counted has its announced schedule in the library ([`schedules`]).
    Announced,
    /// The caller's calendar describes the year(s) counted that the library has no schedule
    /// for ([`crate::Holidays::years`]).
    Caller,
    /// At least one year counted has neither: the law's fixed days and our estimate of the
    /// rest (see the module documentation); the due date may move.
    LawOnly,
}

impl Basis {
    /// The code in answers: `announced`, `caller`, `law_only`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::case::calendar::Basis;
    /// assert_eq!(Basis::LawOnly.as_str(), "law_only");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Announced => "announced",
            Basis::Caller => "caller",
            Basis::LawOnly => "law_only",
        }
    }
}

/// A holiday or a moved day of the library's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// What it is, in Vietnamese.
    pub what: &'static str,
    /// Where it comes from (article, document, or `estimate`).
    pub source: &'static str,
}

const LAW: &str = "Bộ luật Lao động 2019, Điều 112 khoản 1";
const ESTIMATE: &str = "estimate (Bộ luật Lao động 2019, Điều 112 khoản 3: fixed each year by the \
Prime Minister; no announced schedule in the library for this year)";
const ESTIMATE_COMPENSATION: &str =
    "estimate (nghỉ bù, Bộ luật Lao động 2019, Điều 111 khoản 3 as \
reported by the press; article text not retrieved)";

/// Tết Nguyên đán (mùng 1 tháng Giêng) of `year`, computed at UTC+7; `None` outside
/// [`lunar::YEARS`].
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let tet = treem::case::calendar::lunar_new_year(2025);
/// assert_eq!(tet, NaiveDate::from_ymd_opt(2025, 1, 29));
/// ```
pub fn lunar_new_year(year: i32) -> Option<NaiveDate> {
    lunar::new_year(year, lunar::TimeZone::Vietnam)
}

/// Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch) of `year`, computed at UTC+7.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let day = treem::case::calendar::hung_kings_day(2025);
/// assert_eq!(day, NaiveDate::from_ymd_opt(2025, 4, 7));
/// ```
pub fn hung_kings_day(year: i32) -> Option<NaiveDate> {
    lunar::to_solar(year, 3, 10, lunar::TimeZone::Vietnam)
}

/// The days of `year` that Bộ luật Lao động 2019, Điều 112 khoản 1 fixes by date: 1/1 (điểm
/// a), mùng 1 Tết (the one Tết day certain from điểm b), 30/4 (c), 1/5 (d), 2/9 (đ), 10/3
/// âm lịch (e). Sorted.
///
/// # Examples
///
/// ```
/// let days = treem::case::calendar::law_days(2025);
/// assert_eq!(days.len(), 6);
/// assert_eq!(days[0].date, chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
/// ```
pub fn law_days(year: i32) -> Vec<Holiday> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let mut days: Vec<Holiday> = [
        (ymd(1, 1), "Tết Dương lịch"),
        (lunar_new_year(year), "Tết Âm lịch (mùng 1)"),
        (hung_kings_day(year), "Giỗ Tổ Hùng Vương"),
        (ymd(4, 30), "Ngày Chiến thắng"),
        (ymd(5, 1), "Ngày Quốc tế lao động"),
        (ymd(9, 2), "Quốc khánh"),
    ]
    .into_iter()
    .filter_map(|(date, what)| {
        date.map(|date| Holiday {
            date,
            what,
            source: LAW,
        })
    })
    .collect();
    crate::sorting::sort_by(&mut days, |a, b| a.date.cmp(&b.date));
    days
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Our estimate for a year without an announced schedule (see the module documentation):
/// the other four Tết days, the second Quốc khánh day and the compensatory days. Sorted.
fn estimated_days(year: i32, law: &[Holiday]) -> Vec<Holiday> {
    let mut days = Vec::new();
    if let Some(tet) = lunar_new_year(year) {
        let around = [
            (-1, "Tết Âm lịch (ngày cuối năm âm lịch)"),
            (1, "Tết Âm lịch (mùng 2)"),
            (2, "Tết Âm lịch (mùng 3)"),
            (3, "Tết Âm lịch (mùng 4)"),
        ];
        for (offset, what) in around {
            if let Some(date) = tet.checked_add_signed(chrono::Duration::days(offset)) {
                days.push(Holiday {
                    date,
                    what,
                    source: ESTIMATE,
                });
            }
        }
    }
    if let Some(national) = NaiveDate::from_ymd_opt(year, 9, 2) {
        let day = match national.weekday() {
            Weekday::Mon | Weekday::Thu => 3,
            _ => 1,
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, 9, day) {
            days.push(Holiday {
                date,
                what: "Quốc khánh (ngày liền kề)",
                source: ESTIMATE,
            });
        }
    }
    let mut holidays: Vec<Holiday> = law.iter().copied().chain(days.iter().copied()).collect();
    crate::sorting::sort_by(&mut holidays, |a, b| a.date.cmp(&b.date));
    let mut off: Vec<NaiveDate> = holidays.iter().map(|h| h.date).collect();
    for holiday in holidays.iter().filter(|h| is_weekend(h.date)) {
        let mut day = holiday.date;
        while let Some(next) = day.succ_opt() {
            day = next;
            if !is_weekend(day) && !off.contains(&day) {
                off.push(day);
                days.push(Holiday {
                    date: day,
                    what: "nghỉ bù",
                    source: ESTIMATE_COMPENSATION,
                });
                break;
            }
        }
    }
    crate::sorting::sort_by(&mut days, |a, b| a.date.cmp(&b.date));
    days
}

/// The library's calendar of `year` without the caller's: its days off (weekdays and
/// weekend days alike), its working weekend days, and where it comes from
/// ([`Basis::Announced`] or [`Basis::LawOnly`]).
///
/// # Examples
///
/// ```
/// let (holidays, work_days, basis) = treem::case::calendar::public_holidays(2025);
/// assert!(holidays.iter().any(|h| h.date == chrono::NaiveDate::from_ymd_opt(2025, 9, 2).unwrap()));
/// assert!(holidays.len() >= 11);
/// let _ = (work_days, basis);
/// ```
pub fn public_holidays(year: i32) -> (Vec<Holiday>, Vec<Holiday>, Basis) {
    let law = law_days(year);
    let (extra, work, basis) = match schedules::of_year(year) {
        Some(schedule) => {
            let at = |e: &schedules::Entry| {
                NaiveDate::from_ymd_opt(year, e.month, e.day).map(|date| Holiday {
                    date,
                    what: e.what,
                    source: e.source,
                })
            };
            (
                schedule.days_off.iter().filter_map(at).collect(),
                schedule.working_days.iter().filter_map(at).collect(),
                Basis::Announced,
            )
        }
        None => (estimated_days(year, &law), Vec::new(), Basis::LawOnly),
    };
    let mut off: Vec<Holiday> = law.into_iter().chain(extra).collect();
    crate::sorting::sort_by(&mut off, |a, b| a.date.cmp(&b.date));
    (off, work, basis)
}

/// The library's calendar of one year as a count uses it: sorted dates.
#[derive(Clone)]
struct BuiltIn {
    law: Vec<NaiveDate>,
    off: Vec<NaiveDate>,
    work: Vec<NaiveDate>,
    basis: Basis,
}

impl BuiltIn {
    fn new(year: i32) -> BuiltIn {
        let (off, work, basis) = public_holidays(year);
        BuiltIn {
            law: law_days(year).iter().map(|h| h.date).collect(),
            off: off.iter().map(|h| h.date).collect(),
            work: work.iter().map(|h| h.date).collect(),
            basis,
        }
    }
}

const CACHED_YEARS: usize = 300;

/// The built-in calendar of `year`, computed once per year of [`lunar::YEARS`]: a count of 5
/// working days took 16 µs when each count recomputed the year (lunar dates included), 0.1 µs
/// with the year cached (release build, 10,000 counts over 2020–2029, 7 Dec 2026). Pure: the
/// cache holds only what the same call computes.
fn built_in(year: i32) -> std::borrow::Cow<'static, BuiltIn> {
    static CACHE: [std::sync::OnceLock<BuiltIn>; CACHED_YEARS] =
        [const { std::sync::OnceLock::new() }; CACHED_YEARS];
    let slot = usize::try_from(year - lunar::YEARS.start())
        .ok()
        .and_then(|i| CACHE.get(i));
    match slot {
        Some(slot) => std::borrow::Cow::Borrowed(slot.get_or_init(|| BuiltIn::new(year))),
        None => std::borrow::Cow::Owned(BuiltIn::new(year)),
    }
}

/// One year's calendar as a count uses it, the caller's years applied.
struct Year {
    year: i32,
    built_in: std::borrow::Cow<'static, BuiltIn>,
    basis: Basis,
}

impl Year {
    fn new(year: i32, ctx: &Context) -> Year {
        let built_in = built_in(year);
        let basis = if ctx.holidays.covers(year) {
            Basis::Caller
        } else {
            built_in.basis
        };
        Year {
            year,
            built_in,
            basis,
        }
    }

    /// The days off of the year: only the law's fixed days when the caller covers it.
    fn off(&self) -> &[NaiveDate] {
        match self.basis {
            Basis::Caller => &self.built_in.law,
            _ => &self.built_in.off,
        }
    }

    /// The working weekend days of the year: none of the library's when the caller covers it.
    fn work(&self) -> &[NaiveDate] {
        match self.basis {
            Basis::Caller => &[],
            _ => &self.built_in.work,
        }
    }

    fn is_working_day(&self, date: NaiveDate, ctx: &Context) -> bool {
        if ctx.holidays.is_working_day(date) {
            return true;
        }
        if ctx.holidays.is_day_off(date) || ctx.days_off.binary_search(&date).is_ok() {
            return false;
        }
        if self.work().contains(&date) {
            return true;
        }
        !is_weekend(date) && !self.off().contains(&date)
    }
}

/// Where the calendar of `year` comes from, with the caller's calendar in `ctx`.
///
/// # Examples
///
/// ```
/// use treem::case::calendar::{basis, Basis};
/// let ctx = treem::Context::default();
/// assert_eq!(basis(2025, &ctx), Basis::Announced);
/// assert_eq!(basis(2090, &ctx), Basis::LawOnly);
/// ```
pub fn basis(year: i32, ctx: &Context) -> Basis {
    if ctx.holidays.covers(year) {
        Basis::Caller
    } else if schedules::of_year(year).is_some() {
        Basis::Announced
    } else {
        Basis::LawOnly
    }
}

/// True when `date` is a working day with the caller's calendar in `ctx` (see the module
/// documentation for the order in which the calendars apply).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let ctx = treem::Context::default();
/// let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// assert!(treem::case::calendar::is_working_day(day(3, 7), &ctx));
/// assert!(!treem::case::calendar::is_working_day(day(3, 8), &ctx)); // a Saturday
/// assert!(!treem::case::calendar::is_working_day(day(9, 2), &ctx)); // Quốc khánh
/// ```
pub fn is_working_day(date: NaiveDate, ctx: &Context) -> bool {
    Year::new(date.year(), ctx).is_working_day(date, ctx)
}

/// The end of a time limit of `count` working days that starts on `from`, and the calendar
/// it was counted with: counting starts the day after `from` (the day of the event itself is
/// not counted), and the limit ends with its last working day. The basis is the least
/// certain of the years the count went through (`from`'s year when `count` is 0).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use treem::case::calendar::{add_working_days, Basis};
/// let ctx = treem::Context::default();
/// let friday = NaiveDate::from_ymd_opt(2025, 3, 7).unwrap();
/// let (end, basis) = add_working_days(friday, 2, &ctx).unwrap();
/// assert_eq!(end, NaiveDate::from_ymd_opt(2025, 3, 11).unwrap());
/// assert_eq!(basis, Basis::Announced);
/// ```
pub fn add_working_days(from: NaiveDate, count: u32, ctx: &Context) -> Option<(NaiveDate, Basis)> {
    let mut year = Year::new(from.year(), ctx);
    let mut basis = year.basis;
    let mut day = from;
    let mut left = count;
    while left > 0 {
        day = day.succ_opt()?;
        if day.year() != year.year {
            year = Year::new(day.year(), ctx);
            basis = basis.max(year.basis);
        }
        if year.is_working_day(day, ctx) {
            left -= 1;
        }
    }
    Some((day, basis))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ctx() -> Context {
        Context::default()
    }

    #[test]
    fn computed_lunar_dates_match_the_former_table() {
        // The table this module held before (2020–2030, Tết and Giỗ Tổ), computed then with
        // the `vnlunar` package (Hồ Ngọc Đức's algorithm, UTC+7).
        let table = [
            (2020, (1, 25), (4, 2)),
            (2021, (2, 12), (4, 21)),
            (2022, (2, 1), (4, 10)),
            (2023, (1, 22), (4, 29)),
            (2024, (2, 10), (4, 18)),
            (2025, (1, 29), (4, 7)),
            (2026, (2, 17), (4, 26)),
            (2027, (2, 6), (4, 16)),
            (2028, (1, 26), (4, 4)),
            (2029, (2, 13), (4, 23)),
            (2030, (2, 2), (4, 12)),
        ];
        for (year, (tm, td), (hm, hd)) in table {
            assert_eq!(lunar_new_year(year), Some(d(year, tm, td)), "{year}");
            assert_eq!(hung_kings_day(year), Some(d(year, hm, hd)), "{year}");
        }
    }

    #[test]
    fn announced_years_have_five_tet_weekdays_and_two_national_days() {
        for year in schedules::years() {
            let (off, _, basis) = public_holidays(year);
            assert_eq!(basis, Basis::Announced);
            let tet = off
                .iter()
                .filter(|h| h.what.starts_with("Tết Âm lịch"))
                .count();
            assert_eq!(tet, 5, "{year}");
            let national = off
                .iter()
                .filter(|h| h.what.starts_with("Quốc khánh"))
                .count();
            assert_eq!(national, 2, "{year}");
            // Schedules list weekdays off and weekend working days only.
            let (_, work, _) = public_holidays(year);
            assert!(work.iter().all(|h| is_weekend(h.date)), "{year}");
        }
    }

    #[test]
    fn the_2026_schedule() {
        let c = ctx();
        // Tết: 14/2–22/2/2026 off.
        for day in 14..=22 {
            assert!(!is_working_day(d(2026, 2, day), &c), "{day}");
        }
        assert!(is_working_day(d(2026, 2, 23), &c));
        // Làm bù Saturday 10/1 and 22/8; 2/1 and 31/8 off.
        assert!(is_working_day(d(2026, 1, 10), &c));
        assert!(is_working_day(d(2026, 8, 22), &c));
        assert!(!is_working_day(d(2026, 1, 2), &c));
        assert!(!is_working_day(d(2026, 8, 31), &c));
        assert!(!is_working_day(d(2026, 9, 1), &c));
        assert!(is_working_day(d(2026, 9, 3), &c));
        // Giỗ Tổ on Sunday 26/4, nghỉ bù Monday 27/4.
        assert!(!is_working_day(d(2026, 4, 27), &c));
    }

    #[test]
    fn law_only_years_are_estimated_and_say_so() {
        let c = ctx();
        assert_eq!(basis(2027, &c), Basis::LawOnly);
        assert_eq!(basis(2026, &c), Basis::Announced);
        // 2027: Tết Saturday 6/2; estimate 5/2 (last day), 6–9/2, nghỉ bù 10/2 and 11/2.
        for day in [5, 8, 9, 10, 11] {
            assert!(!is_working_day(d(2027, 2, day), &c), "{day}");
        }
        assert!(is_working_day(d(2027, 2, 12), &c));
        assert!(is_working_day(d(2027, 2, 4), &c));
        // 2/9/2027 is a Thursday: 3/9 is the estimated second day.
        assert!(!is_working_day(d(2027, 9, 3), &c));
        assert!(is_working_day(d(2027, 9, 1), &c));
        let (_, basis) = add_working_days(d(2026, 12, 30), 2, &c).unwrap();
        assert_eq!(basis, Basis::LawOnly);
    }

    #[test]
    fn the_caller_calendar_wins() {
        let c = Context::from_options_json(
            br#"{"holidays": {"years": [2027], "days_off": ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"],
                 "working_days": ["2026-01-02", "2027-02-20"]}}"#,
        )
        .unwrap();
        assert!(is_working_day(d(2026, 1, 2), &c)); // overrides the 2026 schedule
        assert!(is_working_day(d(2027, 2, 20), &c)); // a Saturday
        assert!(is_working_day(d(2027, 2, 11), &c)); // the estimate is dropped for 2027
        assert!(!is_working_day(d(2027, 2, 6), &c)); // mùng 1 stays (a Saturday anyway)
        assert!(!is_working_day(d(2027, 4, 30), &c)); // law day stays
        let (due, basis) = add_working_days(d(2027, 2, 4), 2, &c).unwrap();
        assert_eq!((due, basis), (d(2027, 2, 12), Basis::Caller));
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_days_off() {
        let c = ctx();
        // Friday 27 Nov 2026 + 5 working days = Friday 4 Dec.
        assert_eq!(
            add_working_days(d(2026, 11, 27), 5, &c),
            Some((d(2026, 12, 4), Basis::Announced))
        );
        // Tuesday 28 Apr 2026 + 2: 29 Apr (Wed), then 30/4 and 1/5 are holidays, weekend: Mon 4 May.
        assert_eq!(
            add_working_days(d(2026, 4, 28), 2, &c).map(|r| r.0),
            Some(d(2026, 5, 4))
        );
        let mut off = ctx();
        off.days_off = vec![d(2026, 12, 1)];
        assert_eq!(
            add_working_days(d(2026, 11, 27), 5, &off).map(|r| r.0),
            Some(d(2026, 12, 7))
        );
        assert_eq!(
            add_working_days(d(2026, 11, 27), 0, &c).map(|r| r.0),
            Some(d(2026, 11, 27))
        );
        // 2025: 2/5 off (swapped), 26/4 a working Saturday.
        assert_eq!(
            add_working_days(d(2025, 4, 29), 5, &c).map(|r| r.0),
            Some(d(2025, 5, 9))
        );
        assert_eq!(
            add_working_days(d(2025, 4, 23), 5, &c).map(|r| r.0),
            Some(d(2025, 4, 29))
        );
    }
}
