//! Reporting periods: school year, year, half-year.

use chrono::NaiveDate;
use serde::Serialize;

/// What a period spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// `2024-2025`: 1 September 2024 to 31 August 2025. The ministry sets each school year's
    /// calendar by decision; these bounds are our reporting convention, wide enough to hold
    /// any school year's activities.
    SchoolYear,
    /// `2024`: the calendar year.
    Year,
    /// `2024-H1` (January–June) or `2024-H2` (July–December).
    HalfYear,
}

/// A reporting period with its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// What it spans.
    pub kind: PeriodKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl Period {
    /// Parses `2024-2025`, `2024` or `2024-H1`/`2024-H2` (years 1900–2100).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::period::{Period, PeriodKind};
    /// let half = Period::parse("2024-H2").unwrap();
    /// assert_eq!(half.kind, PeriodKind::HalfYear);
    /// assert_eq!(half.start, chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap());
    /// assert!(Period::parse("2024-Q3").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Period> {
        let text = crate::fields::trim(text);
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| crate::vn::date::YEAR_RANGE.contains(y))
        };
        let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
        match text.split_once('-') {
            None => {
                let y = year(text)?;
                Some(Period {
                    kind: PeriodKind::Year,
                    start: ymd(y, 1, 1)?,
                    end: ymd(y, 12, 31)?,
                })
            }
            Some((a, b)) => {
                let y = year(a)?;
                match b.to_ascii_uppercase().as_str() {
                    "H1" => Some(Period {
                        kind: PeriodKind::HalfYear,
                        start: ymd(y, 1, 1)?,
                        end: ymd(y, 6, 30)?,
                    }),
                    "H2" => Some(Period {
                        kind: PeriodKind::HalfYear,
                        start: ymd(y, 7, 1)?,
                        end: ymd(y, 12, 31)?,
                    }),
                    other => {
                        let next = year(other)?;
                        (next == y + 1).then_some(())?;
                        Some(Period {
                            kind: PeriodKind::SchoolYear,
                            start: ymd(y, 9, 1)?,
                            end: ymd(next, 8, 31)?,
                        })
                    }
                }
            }
        }
    }

    /// True when `date` falls in the period.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::period::Period;
    /// let period = Period::parse("2024-2025").unwrap();
    /// assert!(period.contains(chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()));
    /// assert!(!period.contains(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()));
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let p = Period::parse("2024-2025").unwrap();
        assert_eq!(p.kind, PeriodKind::SchoolYear);
        assert_eq!(p.start.to_string(), "2024-09-01");
        assert_eq!(p.end.to_string(), "2025-08-31");
        assert_eq!(
            Period::parse("2024-h2").unwrap().start.to_string(),
            "2024-07-01"
        );
        assert_eq!(Period::parse("2024").unwrap().end.to_string(), "2024-12-31");
        for bad in ["2024-2026", "24-25", "2024-H3", "", "abcd", "0000"] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
    }
}
