//! The announced holiday schedules for cán bộ, công chức, viên chức: for each year whose
//! announcement was found, the days the Prime Minister fixed under Bộ luật Lao động 2019,
//! Điều 112 khoản 3 ("Hằng năm, căn cứ vào điều kiện thực tế, Thủ tướng Chính phủ quyết định
//! cụ thể ngày nghỉ quy định tại điểm b và điểm đ khoản 1 Điều này": which five days are Tết
//! Âm lịch, which day next to 2 September), the working days swapped for days off (hoán đổi,
//! làm bù) and the compensatory days (nghỉ bù) reported for that year.
//!
//! Years covered: **2025 and 2026** only. The texts (with the page each was read from and
//! the date it was taken) are in `tests/sources/laws/nghi-le-tet.md`. Every other year is
//! computed from the law alone (see [`super::Basis::LawOnly`]).
//!
//! The days the law itself fixes (1/1, mùng 1 Tết, 10/3 âm lịch, 30/4, 1/5, 2/9) are not
//! repeated here; they hold every year (see [`super::public_holidays`]).

/// A day of a schedule: a solar date of the schedule's year, what it is, and the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Month (1–12).
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// What the day is, in Vietnamese (`Tết Âm lịch`, `nghỉ hoán đổi`, `làm bù`, ...).
    pub what: &'static str,
    /// The document that fixed it (number and date) and the quality of the copy found.
    pub source: &'static str,
}

/// The announced schedule of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The solar year.
    pub year: i32,
    /// Weekdays off beyond the days the law fixes.
    pub days_off: &'static [Entry],
    /// Saturdays or Sundays that are working days (làm bù).
    pub working_days: &'static [Entry],
}

const VN2025: &str = "Công văn 8726/VPCP-KGVX ngày 26/11/2024 (ý kiến Thủ tướng về nghỉ Tết Âm lịch \
và một số dịp nghỉ lễ năm 2025); Thông báo 6150/TB-BLĐTBXH năm 2024 — as quoted by baodanang.vn, \
pld.net.vn, tracuuquyhoach.com (TTXVN/VietnamPlus), tet-amlich.com; the documents themselves not seen";
const VN2026_NEW_YEAR: &str =
    "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (nghỉ Tết Dương lịch 2026) — \
as quoted by collector.com.tr and tracuuquyhoach.com; the document itself not seen";
const VN2026: &str =
    "Văn bản của Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng về nghỉ Tết Âm lịch, \
nghỉ lễ Quốc khánh năm 2026 (number not found) — as reported by kienthuc.net.vn 13/10/2025 and \
congan.com.vn; the document itself not seen";
const VN2026_HUNG: &str = "nghỉ bù for Giỗ Tổ Hùng Vương on a Sunday (Bộ luật Lao động 2019, \
Điều 111 khoản 3, article text not retrieved) — as reported by thanhnien.vn 23/02/2026 and \
kenh14.vn 11/03/2026";

const fn e(month: u32, day: u32, what: &'static str, source: &'static str) -> Entry {
    Entry {
        month,
        day,
        what,
        source,
    }
}

/// The schedules found, by year.
pub const SCHEDULES: &[Schedule] = &[
    Schedule {
        year: 2025,
        days_off: &[
            // Nghỉ 25/1 (26 tháng Chạp) đến hết 2/2/2025 (mùng 5 tháng Giêng): the weekdays.
            e(1, 27, "Tết Âm lịch (28 tháng Chạp)", VN2025),
            e(1, 28, "Tết Âm lịch (29 tháng Chạp)", VN2025),
            e(1, 30, "Tết Âm lịch (mùng 2)", VN2025),
            e(1, 31, "Tết Âm lịch (mùng 3)", VN2025),
            // Hoán đổi ngày làm việc thứ Sáu 2/5/2025 sang thứ Bảy 26/4/2025.
            e(5, 2, "nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", VN2025),
            // Quốc khánh: thứ Bảy 30/8 đến hết thứ Ba 2/9/2025.
            e(9, 1, "Quốc khánh (ngày liền kề)", VN2025),
        ],
        working_days: &[e(4, 26, "làm bù (nghỉ thứ Sáu 2/5/2025)", VN2025)],
    },
    Schedule {
        year: 2026,
        days_off: &[
            // Nghỉ 4 ngày từ thứ Năm 1/1 đến hết Chủ nhật 4/1/2026; hoán đổi thứ Sáu 2/1 sang
            // thứ Bảy 10/1/2026.
            e(
                1,
                2,
                "nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)",
                VN2026_NEW_YEAR,
            ),
            // Nghỉ từ thứ Bảy 14/2 (27 tháng Chạp) đến hết Chủ nhật 22/2/2026 (mùng 6): the
            // weekdays.
            e(2, 16, "Tết Âm lịch (29 tháng Chạp)", VN2026),
            e(2, 18, "Tết Âm lịch (mùng 2)", VN2026),
            e(2, 19, "Tết Âm lịch (mùng 3)", VN2026),
            e(2, 20, "Tết Âm lịch (mùng 4)", VN2026),
            e(
                4,
                27,
                "nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)",
                VN2026_HUNG,
            ),
            // Nghỉ từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026; hoán đổi thứ Hai 31/8 sang thứ
            // Bảy 22/8.
            e(8, 31, "nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)", VN2026),
            e(9, 1, "Quốc khánh (ngày liền kề)", VN2026),
        ],
        working_days: &[
            e(1, 10, "làm bù (nghỉ thứ Sáu 2/1/2026)", VN2026_NEW_YEAR),
            e(8, 22, "làm bù (nghỉ thứ Hai 31/8/2026)", VN2026),
        ],
    },
];

/// The schedule of `year`, when one was found.
///
/// # Examples
///
/// ```
/// use treem::case::calendar::schedules::of_year;
/// assert!(of_year(2025).is_some());
/// assert!(of_year(2090).is_none());
/// ```
pub fn of_year(year: i32) -> Option<&'static Schedule> {
    SCHEDULES.iter().find(|s| s.year == year)
}

/// The years with a schedule.
///
/// # Examples
///
/// ```
/// let years: Vec<i32> = treem::case::calendar::schedules::years().collect();
/// assert!(years.contains(&2025));
/// ```
pub fn years() -> impl Iterator<Item = i32> {
    SCHEDULES.iter().map(|s| s.year)
}
