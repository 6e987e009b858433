//! The Vietnamese lunar calendar, computed: new moons and the sun's longitude, at the time
//! zone of Viet Nam (UTC+7, the meridian 105° east), with no table of dates.
//!
//! The method is the one Hồ Ngọc Đức describes in "Thuật toán tính âm lịch"
//! (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html>), written here
//! from its description:
//! 1. a lunar month begins on the day (local time) that holds the new moon (điểm Sóc);
//! 2. a common year has 12 lunar months, a leap year 13;
//! 3. the winter solstice (Đông chí) always falls in the 11th month;
//! 4. in a leap year the first month after the 11th that holds no major solar term
//!    (Trung khí: the sun's longitude crossing a multiple of 30°) is the leap month;
//! 5. the computations are made for the meridian 105° east (UTC+7).
//!
//! New moons come from Jean Meeus's series (Astronomical Algorithms, ch. 49, truncated to the
//! terms the description keeps, with its ΔT correction), the sun's longitude from the
//! low-precision series of the same book (ch. 25). The Chinese calendar follows the same rules
//! at UTC+8: the one parameter [`TimeZone`] is why the two calendars differ in some years
//! (a new moon between 23:00 and midnight, Viet Nam time, starts the month a day earlier in
//! Viet Nam; a solar term near midnight can move a leap month and, in 1985, Tết by a month).
//!
//! Pure float arithmetic, no clock. The results hold for the years 1900–2199 (the range the
//! public functions accept); precision is that of the truncated series, enough to put a new
//! moon on the right day except within minutes of midnight.

use chrono::{Datelike, NaiveDate};

/// The time zone the calendar is computed for, in hours east of Greenwich.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeZone {
    /// Viet Nam, UTC+7: the calendar the holidays of Bộ luật Lao động 2019 follow.
    Vietnam,
    /// China, UTC+8: for comparison only (tests), never used for a holiday.
    China,
}

impl TimeZone {
    fn hours(self) -> f64 {
        match self {
            TimeZone::Vietnam => 7.0,
            TimeZone::China => 8.0,
        }
    }
}

/// The years the lunar functions answer for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

const PI: f64 = std::f64::consts::PI;
/// The Julian day number of 0001-01-01 (proleptic Gregorian) less one: chrono counts days
/// from the common era with 0001-01-01 as day 1.
const JDN_CE_OFFSET: i64 = 1_721_425;
/// The mean length of a synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// The Julian day of the new moon of 1900-01-01 (k = 0 of the series).
const NEW_MOON_EPOCH: f64 = 2_415_021.076_998_695;

fn jdn(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_CE_OFFSET
}

fn date_of_jdn(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - JDN_CE_OFFSET).ok()?)
}

/// The Julian day (UT) of the `k`-th new moon after the one of 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    // Mean anomalies of the sun and the moon, the moon's argument of latitude.
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The sun's apparent longitude, in radians in [0, 2π), at Julian day `jd` (UT).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// The day (Julian day number, local) that holds the `k`-th new moon.
fn new_moon_day(k: i64, tz: TimeZone) -> i64 {
    (new_moon(k) + 0.5 + tz.hours() / 24.0).floor() as i64
}

/// Which 30° sector (0–11) the sun is in at the start of local day `day`: sector 9 begins at
/// the winter solstice (270°); a month whose start and the next month's start are in the same
/// sector holds no major solar term.
fn sun_sector(day: i64, tz: TimeZone) -> i64 {
    let jd = day as f64 - 0.5 - tz.hours() / 24.0;
    (sun_longitude(jd) / PI * 6.0).floor() as i64
}

/// The first day (Julian day number) of the 11th lunar month, the one that holds the winter
/// solstice of the solar year `year`.
fn month_11(year: i32, tz: TimeZone) -> Option<i64> {
    let off = jdn(NaiveDate::from_ymd_opt(year, 12, 31)?) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let day = new_moon_day(k, tz);
    // If that new moon is after the solstice (sun already past 270°), the 11th month began
    // one new moon earlier.
    Some(if sun_sector(day, tz) >= 9 {
        new_moon_day(k - 1, tz)
    } else {
        day
    })
}

/// The index (1–13) of the leap month counted from the 11th month that begins on `a11`:
/// the first month with no major solar term.
fn leap_month_offset(a11: i64, tz: TimeZone) -> i64 {
    let k = ((a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The solar date of day `day` of lunar month `month` (1–12, not the leap month) of the lunar
/// year that begins in solar year `year`, at time zone `tz`. `None` outside [`YEARS`] or for
/// a day or month out of range.
///
/// # Examples
///
/// ```
/// use treem::case::calendar::lunar::{to_solar, TimeZone};
/// // Rằm tháng Tám (mid-autumn) of 2025.
/// let day = to_solar(2025, 8, 15, TimeZone::Vietnam);
/// assert_eq!(day, chrono::NaiveDate::from_ymd_opt(2025, 10, 6));
/// assert_eq!(to_solar(2025, 13, 1, TimeZone::Vietnam), None);
/// ```
pub fn to_solar(year: i32, month: u32, day: u32, tz: TimeZone) -> Option<NaiveDate> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let month = i64::from(month);
    let (a11, b11) = if month < 11 {
        (month_11(year - 1, tz)?, month_11(year, tz)?)
    } else {
        (month_11(year, tz)?, month_11(year + 1, tz)?)
    };
    let k = (0.5 + (a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut off = (month - 11).rem_euclid(12);
    // 13 months between two 11th months: a leap year; months from the leap one on shift.
    if b11 - a11 > 365 && off >= leap_month_offset(a11, tz) {
        off += 1;
    }
    let start = new_moon_day(k + off, tz);
    date_of_jdn(start + i64::from(day) - 1)
}

/// Tết Nguyên đán: the first day of the first lunar month of the lunar year that begins in
/// solar year `year` (Viet Nam: [`TimeZone::Vietnam`]).
///
/// # Examples
///
/// ```
/// use treem::case::calendar::lunar::{new_year, TimeZone};
/// let tet = new_year(2026, TimeZone::Vietnam);
/// assert_eq!(tet, chrono::NaiveDate::from_ymd_opt(2026, 2, 17));
/// ```
pub fn new_year(year: i32, tz: TimeZone) -> Option<NaiveDate> {
    to_solar(year, 1, 1, tz)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn julian_day_numbers() {
        // J2000.0 is JD 2451545.0, noon of 2000-01-01: its day number is 2451545.
        assert_eq!(jdn(d(2000, 1, 1)), 2_451_545);
        assert_eq!(date_of_jdn(2_451_545), Some(d(2000, 1, 1)));
    }

    /// Tết dates checked against sources copied in `tests/sources/laws/nghi-le-tet.md`
    /// (section "Tết dates used by the lunar calendar's tests"):
    /// - 2024-02-10: saimonthidan.com, "Mùng 1 Tết : vào Thứ 7 ngày 10/02/2024";
    /// - 2025-01-29: the 2025 holiday (25/1 = 26 tháng Chạp … 2/2/2025 = mùng 5 tháng Giêng,
    ///   tet-amlich.com), so mùng 1 is 29/1;
    /// - 2026-02-17: congan.com.vn, 14/2/2026 "tức 27 tháng Chạp" … 22/2/2026 "tức mùng 6
    ///   tháng Giêng", so mùng 1 is 17/2;
    /// - 2027-02-06: ntdvn.net, "Tết nguyên đán Đinh Mùi 2027 là vào ngày 6 tháng 2 năm 2027".
    #[test]
    fn tet_in_viet_nam_matches_the_sources() {
        for (year, tet) in [
            (2024, d(2024, 2, 10)),
            (2025, d(2025, 1, 29)),
            (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)),
        ] {
            assert_eq!(new_year(year, TimeZone::Vietnam), Some(tet), "{year}");
        }
    }

    /// Giỗ Tổ Hùng Vương (10/3 âm lịch), checked against: 2025-04-07 (tet-amlich.com, "ngày
    /// 10/3 âm lịch (tức ngày 7/4 dương lịch)"), 2026-04-26 (kenh14.vn, thanhnien.vn: "rơi vào
    /// Chủ nhật ngày 26/4/2026").
    #[test]
    fn hung_kings_day_matches_the_sources() {
        assert_eq!(
            to_solar(2025, 3, 10, TimeZone::Vietnam),
            Some(d(2025, 4, 7))
        );
        assert_eq!(
            to_solar(2026, 3, 10, TimeZone::Vietnam),
            Some(d(2026, 4, 26))
        );
    }

    /// 1985: the time zone moves Tết by a whole month (UTC+7: 21 January; UTC+8: 20 February).
    /// The Vietnamese date is the one commonly cited for that year but NO source for it was
    /// found in this session: this test only pins the algorithm's two answers apart.
    #[test]
    fn the_time_zone_matters_in_1985() {
        assert_eq!(new_year(1985, TimeZone::Vietnam), Some(d(1985, 1, 21)));
        assert_eq!(new_year(1985, TimeZone::China), Some(d(1985, 2, 20)));
    }

    #[test]
    fn every_year_is_sane() {
        for year in YEARS {
            let tet = new_year(year, TimeZone::Vietnam).unwrap();
            assert!(
                tet >= d(year, 1, 19) && tet <= d(year, 2, 21),
                "{year}: {tet}"
            );
            let hung = to_solar(year, 3, 10, TimeZone::Vietnam).unwrap();
            let gap = (hung - tet).num_days();
            // Two lunar months and 9 days, or three with a leap 1st or 2nd month.
            assert!(
                (66..=70).contains(&gap) || (95..=100).contains(&gap),
                "{year}: {gap}"
            );
        }
        assert_eq!(new_year(1899, TimeZone::Vietnam), None);
        assert_eq!(to_solar(2026, 13, 1, TimeZone::Vietnam), None);
    }
}
