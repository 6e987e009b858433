//! Schooling: school, level, grade, and the grade expected for the child's birth year.
//!
//! Luật Giáo dục 2019, Điều 28 khoản 1: a pupil enters grade 1 at 6, grade 6 at 11 and grade
//! 10 at 15, ages "tính theo năm" (by year of birth). So in the school year starting in year
//! Y a child born in year B is expected in grade Y − B − 5. Khoản 2 allows pupils ahead of
//! that age (early development) or behind it (repeating a year, hardship areas, ethnic
//! minority, disability, orphans, poor households, return from abroad, ...): a mismatch is a
//! warning, never an error.
//!
//! The level is one of the school module's levels ([`Level`], catalog `school_levels`; the
//! English codes `primary`, `lower_secondary`, ... are read too). Continuing education
//! (GDTX) has no verified grade range, so its grades are not judged.
//!
//! Preschool (Luật Giáo dục 2019, Điều 26): "Cơ sở giáo dục mầm non bao gồm: 1. Nhà trẻ,
//! nhóm trẻ độc lập nhận trẻ em từ 03 tháng tuổi đến 03 tuổi; 2. Trường mẫu giáo, lớp mẫu
//! giáo độc lập nhận trẻ em từ 03 tuổi đến 06 tuổi; 3. Trường mầm non, lớp mầm non độc lập
//! là cơ sở giáo dục kết hợp nhà trẻ và mẫu giáo, nhận trẻ em từ 03 tháng tuổi đến 06 tuổi."
//! (text in `tests/sources/laws/luat-giao-duc-2019.md`). Our reading, with the child's age in
//! completed months and years at `as_of`:
//! - "từ 03 tháng tuổi" is a hard lower bound for both levels: younger is an error.
//! - "đến 03 tuổi" / "đến 06 tuổi" do not say whether the child may stay past that birthday,
//!   and preschool classes are formed per school year (as Điều 28 counts school ages "theo
//!   năm"), so a child turns 3 in nhà trẻ, enters mẫu giáo at 2 years and some months, and
//!   turns 6 in mẫu giáo. The strict range (nhà trẻ 3 months to the 3rd birthday, mẫu giáo
//!   3rd to 6th birthday) is therefore a warning band of one year on each open side: nhà trẻ
//!   at 3 years, mẫu giáo at 2 or at 6 years is a warning (`child.preschool_age_borderline`);
//!   nhà trẻ from 4 years, mẫu giáo under 2 or from 7 years is outside every reading and an
//!   error (`child.preschool_age_outside`).
//!
//! Not done: the school code checked against a school list (treem holds no list of schools;
//! a caller with one can validate records of kind `school`).

use chrono::Datelike;

use super::dates::Dates;
use super::draft::SchoolingDraft;
use super::read;
use crate::fields::typed;
use crate::report::{IssueSink, Location};
use crate::school::types::Level;

crate::codes! {
    /// A child in preschool (nhà trẻ or mẫu giáo) outside the ages of Luật Giáo dục 2019,
    /// Điều 26 under every reading: under 3 months, nhà trẻ from 4 years, mẫu giáo under 2 or
    /// from 7 years (see the module's reading of "đến 03 tuổi", "đến 06 tuổi"). Điều 26:
    /// "1. Nhà trẻ, nhóm trẻ độc lập nhận trẻ em từ 03 tháng tuổi đến 03 tuổi; 2. Trường mẫu
    /// giáo, lớp mẫu giáo độc lập nhận trẻ em từ 03 tuổi đến 06 tuổi".
    CHILD_PRESCHOOL_AGE_OUTSIDE = "child.preschool_age_outside", Error, "child.schooling",
        "Luật Giáo dục 2019, Điều 26 khoản 1 và 2",
        "Trẻ {age_vi} không thuộc độ tuổi {level_vi} ({range_vi}, Luật Giáo dục 2019 Điều 26)",
        "A child aged {age_en} is outside the ages of {level_en} ({range_en}, Education Law 2019 Article 26)";
    /// A child in preschool within a year of the ages of Luật Giáo dục 2019, Điều 26: nhà
    /// trẻ at 3 years, mẫu giáo at 2 or at 6 years. Classes are formed per school year, so
    /// such a child may be lawfully placed; the warning asks to check.
    CHILD_PRESCHOOL_AGE_BORDERLINE = "child.preschool_age_borderline", Warning, "child.schooling",
        "Luật Giáo dục 2019, Điều 26 khoản 1 và 2; cách đọc của treem: lớp xếp theo năm học, nên lệch dưới một năm chỉ là cảnh báo",
        "Trẻ {age_vi} ở ngoài độ tuổi {level_vi} ({range_vi}) nhưng trong phạm vi một năm: kiểm tra lại lớp theo năm học",
        "A child aged {age_en} is just outside the ages of {level_en} ({range_en}): check the class for the school year";
    /// The grade does not exist at the school level (primary 1–5, lower secondary 6–9, upper
    /// secondary 10–12; preschool has no grades).
    CHILD_GRADE_NOT_IN_LEVEL = "child.grade_not_in_level", Error, "child.schooling", "Luật Giáo dục 2019, Điều 28 khoản 1",
        "Lớp {grade} không thuộc cấp học {level_vi}",
        "Grade {grade} does not belong to the level {level_en}";
    /// The school year is not written `YYYY-YYYY` with consecutive years.
    CHILD_SCHOOL_YEAR_INVALID = "child.school_year_invalid", Error, "child.schooling", "treem",
        "Năm học phải viết dạng 2025-2026 (hai năm liên tiếp)",
        "The school year must be written like 2025-2026 (two consecutive years)";
    /// The grade is above the one expected for the birth year (allowed for early development).
    CHILD_GRADE_AHEAD_OF_AGE = "child.grade_ahead_of_age", Warning, "child.schooling", "Luật Giáo dục 2019, Điều 28 khoản 1, khoản 2 điểm a",
        "Lớp {grade} cao hơn lớp đúng độ tuổi theo năm sinh ({expected}): kiểm tra trường hợp học vượt lớp",
        "Grade {grade} is above the grade for the birth year ({expected}): check for an accelerated pupil";
    /// The grade is below the one expected for the birth year (allowed in the cases of
    /// khoản 2 điểm b).
    CHILD_GRADE_BEHIND_AGE = "child.grade_behind_age", Warning, "child.schooling", "Luật Giáo dục 2019, Điều 28 khoản 1, khoản 2 điểm b",
        "Lớp {grade} thấp hơn lớp đúng độ tuổi theo năm sinh ({expected}): kiểm tra trường hợp lưu ban hoặc học muộn",
        "Grade {grade} is below the grade for the birth year ({expected}): check for a repeated year or late entry";
}

/// The grade expected in the school year starting in `year` for a child born in `birth_year`
/// (Luật Giáo dục 2019, Điều 28 khoản 1: grade 1 at 6 by year).
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// assert_eq!(treem::child::schooling::expected_grade(2015, 2025), 5);
/// # }
/// ```
pub fn expected_grade(birth_year: i32, year: i32) -> i64 {
    i64::from(year) - i64::from(birth_year) - 5
}

/// Reads `2025-2026` as its first year.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// use treem::child::schooling::school_year_start;
/// assert_eq!(school_year_start("2025-2026"), Some(2025));
/// assert_eq!(school_year_start("2025-2027"), None);
/// # }
/// ```
pub fn school_year_start(text: &str) -> Option<i32> {
    let (a, b) = text.trim().split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    if a.len() != 4 || b.len() != 4 || !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (start, end): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (end == start + 1).then_some(start)
}

/// Whether `schooling` says the child is at school on `as_of` (used for Nghị định
/// 20/2021/NĐ-CP, Điều 5 khoản 2, "đang học văn hóa"): a level or a grade is recorded, and
/// the school year is absent or is the one `as_of` falls in (a school year `Y-(Y+1)` is
/// taken to cover the calendar years Y and Y+1, as the grade rule does when it has none).
pub(crate) fn in_school(schooling: &SchoolingDraft, as_of: Option<chrono::NaiveDate>) -> bool {
    let recorded = schooling
        .level
        .value()
        .is_some_and(|l| !crate::fields::is_blank(l))
        || schooling.grade.value().is_some();
    if !recorded {
        return false;
    }
    match (schooling.school_year.value(), as_of) {
        (None, _) | (Some(_), None) => true,
        (Some(text), Some(as_of)) => school_year_start(text)
            .is_none_or(|start| start == as_of.year() || start + 1 == as_of.year()),
    }
}

/// Checks the schooling members and the grade against level and age.
pub(crate) fn check(
    schooling: &SchoolingDraft,
    dates: &mut Dates,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    read::text(&schooling.school_code, &at.key("school_code"), sink);
    let level_at = at.key("level");
    let mut level = None;
    if let Some(text) = read::text(&schooling.level, &level_at, sink) {
        if !crate::fields::is_blank(text) {
            level = Level::parse(text);
            if level.is_none() {
                sink.push(
                    &super::read::CHILD_CODE_UNKNOWN,
                    &level_at,
                    [("catalog", "school_levels".into())],
                );
            }
        }
    }
    let grade_at = at.key("grade");
    let grade = typed(&schooling.grade, &grade_at, "integer", sink).copied();
    let year_at = at.key("school_year");
    let mut start = None;
    if let Some(text) = read::text(&schooling.school_year, &year_at, sink) {
        start = school_year_start(text);
        if start.is_none() {
            sink.push(&CHILD_SCHOOL_YEAR_INVALID, &year_at, []);
        }
    }
    crate::fields::unknown_fields(&schooling.unknown, at, sink);
    if let Some(level @ (Level::NhaTre | Level::MauGiao)) = level {
        check_preschool_age(level, dates, &level_at, sink);
    }
    let Some(grade) = grade else { return };
    if level == Some(Level::Gdtx) {
        return;
    }
    let range = level.map_or(Some((1, 12)), Level::grades);
    if !range.is_some_and(|(low, high)| (i64::from(low)..=i64::from(high)).contains(&grade)) {
        let (vi, en) = level.map_or(("phổ thông", "general education"), |l| {
            (l.label(crate::Lang::Vi), l.label(crate::Lang::En))
        });
        sink.push(
            &CHILD_GRADE_NOT_IN_LEVEL,
            &grade_at,
            [
                ("grade", grade.into()),
                ("level_vi", vi.into()),
                ("level_en", en.into()),
            ],
        );
        return;
    }
    let Some(birth) = dates.birth else { return };
    // Without a school year, `as_of` falls in the school year that started in its own year
    // or in the one before: a grade right for either is accepted.
    let years: Vec<i32> = match (start, dates.as_of) {
        (Some(y), _) => vec![y],
        (None, Some(as_of)) => vec![as_of.year() - 1, as_of.year()],
        (None, None) => {
            dates.needed_as_of = true;
            return;
        }
    };
    let expected: Vec<i64> = years
        .iter()
        .map(|&y| expected_grade(birth.year(), y))
        .collect();
    if expected.contains(&grade) {
        return;
    }
    let shown = expected
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join("/");
    let def = if expected.iter().all(|&e| grade > e) {
        &CHILD_GRADE_AHEAD_OF_AGE
    } else {
        &CHILD_GRADE_BEHIND_AGE
    };
    sink.push(
        def,
        &grade_at,
        [("grade", grade.into()), ("expected", shown.into())],
    );
}

/// Whole months from `birth` to `on` (a child born on 31 January is 1 month old on 28 or 29
/// February: chrono's month addition clamps to the month's last day).
fn completed_months(birth: chrono::NaiveDate, on: chrono::NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let rough =
        u32::try_from((on.year() - birth.year()) * 12 + on.month0() as i32 - birth.month0() as i32)
            .ok()?;
    (0..=rough).rev().find(|&m| {
        birth
            .checked_add_months(chrono::Months::new(m))
            .is_some_and(|d| d <= on)
    })
}

/// Luật Giáo dục 2019, Điều 26 for a child in nhà trẻ or mẫu giáo (reading in the module
/// comment). Bounds in months: (error below, warning below, warning from, error from).
fn check_preschool_age(level: Level, dates: &mut Dates, at: &Location<'_>, sink: &mut IssueSink) {
    let Some(birth) = dates.birth else { return };
    let Some(as_of) = dates.as_of else {
        dates.needed_as_of = true;
        return;
    };
    let Some(months) = completed_months(birth, as_of) else {
        return;
    };
    let (hard_low, soft_low, soft_high, hard_high, range_vi, range_en) = match level {
        Level::NhaTre => (
            3,
            3,
            36,
            48,
            "từ 03 tháng tuổi đến 03 tuổi",
            "3 months to 3 years",
        ),
        _ => (24, 36, 72, 84, "từ 03 tuổi đến 06 tuổi", "3 to 6 years"),
    };
    let def = if months < 3 || months < hard_low || months >= hard_high {
        &CHILD_PRESCHOOL_AGE_OUTSIDE
    } else if months < soft_low || months >= soft_high {
        &CHILD_PRESCHOOL_AGE_BORDERLINE
    } else {
        return;
    };
    let (age_vi, age_en) = if months < 24 {
        (format!("{months} tháng tuổi"), format!("{months} months"))
    } else {
        (
            format!("{} tuổi", months / 12),
            format!("{} years", months / 12),
        )
    };
    sink.push(
        def,
        at,
        [
            ("age_vi", age_vi.into()),
            ("age_en", age_en.into()),
            ("level_vi", level.label(crate::Lang::Vi).into()),
            ("level_en", level.label(crate::Lang::En).into()),
            ("range_vi", range_vi.into()),
            ("range_en", range_en.into()),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_grade_follows_article_28() {
        // Born 2019: grade 1 in 2025-2026 (6 by year), grade 6 in 2030, grade 10 in 2034.
        assert_eq!(expected_grade(2019, 2025), 1);
        assert_eq!(expected_grade(2019, 2030), 6);
        assert_eq!(expected_grade(2019, 2034), 10);
    }

    #[test]
    fn completed_months_clamp() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(completed_months(d(2026, 1, 31), d(2026, 2, 28)), Some(1));
        assert_eq!(completed_months(d(2026, 1, 31), d(2026, 2, 27)), Some(0));
        assert_eq!(completed_months(d(2026, 8, 15), d(2026, 11, 14)), Some(2));
        assert_eq!(completed_months(d(2026, 8, 15), d(2026, 11, 15)), Some(3));
        assert_eq!(completed_months(d(2020, 3, 1), d(2026, 2, 28)), Some(71));
        assert_eq!(completed_months(d(2026, 3, 1), d(2026, 2, 28)), None);
    }

    #[test]
    fn school_year_form() {
        assert_eq!(school_year_start("2025-2026"), Some(2025));
        assert_eq!(school_year_start(" 2025 - 2026 "), Some(2025));
        assert_eq!(school_year_start("2025-2027"), None);
        assert_eq!(school_year_start("25-26"), None);
        assert_eq!(school_year_start("2025"), None);
    }
}
