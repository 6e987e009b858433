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
pub fn expected_grade(birth_year: i32, year: i32) -> i64 {
    i64::from(year) - i64::from(birth_year) - 5
}

/// Reads `2025-2026` as its first year.
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
    fn school_year_form() {
        assert_eq!(school_year_start("2025-2026"), Some(2025));
        assert_eq!(school_year_start(" 2025 - 2026 "), Some(2025));
        assert_eq!(school_year_start("2025-2027"), None);
        assert_eq!(school_year_start("25-26"), None);
        assert_eq!(school_year_start("2025"), None);
    }
}
