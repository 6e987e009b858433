//! The period a cell is computed over, and its DHIS2 form.
//!
//! Written forms: year `2024`, quarter `2024Q1`, month `2024-01` (also read `202401`),
//! school year `2024-2025` (the school year that starts in autumn 2024; the second year must
//! follow the first), multi-year span `2021/2025` (for the 5- and 10-year publications).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter (1–4) of a year.
    Quarter(i32, u8),
    /// A month (1–12) of a year.
    Month(i32, u8),
    /// The school year starting in the given year (`2024-2025`).
    SchoolYear(i32),
    /// Calendar years `first..=last` (`2021/2025`).
    Years(i32, i32),
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "2024, 2024Q1, 2024-01, 2024-2025 (school year) or 2021/2025",
        })
    }
}

fn year(text: &str) -> Option<i32> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok().filter(|y| (1900..=2200).contains(y))
    } else {
        None
    }
}

fn small(text: &str, max: u8) -> Option<u8> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| (1..=max).contains(n))
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Period, String> {
        let s = s.trim();
        let bad = || {
            format!(
                "unknown period {:?}: use 2024, 2024Q1, 2024-01, 2024-2025 or 2021/2025",
                crate::privacy::truncate(s, 20)
            )
        };
        if let Some(y) = year(s) {
            return Ok(Period::Year(y));
        }
        if let Some((y, q)) = s.split_once('Q') {
            return match (year(y), small(q, 4)) {
                (Some(y), Some(q)) => Ok(Period::Quarter(y, q)),
                _ => Err(bad()),
            };
        }
        if let Some((a, b)) = s.split_once('/') {
            return match (year(a), year(b)) {
                (Some(a), Some(b)) if a < b => Ok(Period::Years(a, b)),
                _ => Err(bad()),
            };
        }
        if let Some((a, b)) = s.split_once('-') {
            if let (Some(a), Some(b)) = (year(a), year(b)) {
                return if b == a + 1 {
                    Ok(Period::SchoolYear(a))
                } else {
                    Err(bad())
                };
            }
            return match (year(a), small(b, 12)) {
                (Some(y), Some(m)) if b.len() == 2 => Ok(Period::Month(y, m)),
                _ => Err(bad()),
            };
        }
        if s.len() == 6 {
            if let (Some(y), Some(m)) = (
                s.get(..4).and_then(year),
                s.get(4..).and_then(|m| small(m, 12)),
            ) {
                return Ok(Period::Month(y, m));
            }
        }
        Err(bad())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::SchoolYear(y) => write!(f, "{y}-{}", y + 1),
            Period::Years(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(s: String) -> Result<Period, String> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

impl Period {
    /// The first day of the period (for the in-force check).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::period::Period;
    /// let period: Period = "2024-2025".parse().unwrap();
    /// assert_eq!(period.start(), chrono::NaiveDate::from_ymd_opt(2024, 9, 1));
    /// ```
    pub fn start(self) -> Option<chrono::NaiveDate> {
        let (y, m) = match self {
            Period::Year(y) | Period::Years(y, _) => (y, 1),
            Period::Quarter(y, q) => (y, u32::from(q) * 3 - 2),
            Period::Month(y, m) => (y, u32::from(m)),
            // Năm học starts in September at the earliest (khung kế hoạch thời gian năm học).
            Period::SchoolYear(y) => (y, 9),
        };
        chrono::NaiveDate::from_ymd_opt(y, m, 1)
    }

    /// The last day of the period.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::period::Period;
    /// let period: Period = "2024-2025".parse().unwrap();
    /// assert_eq!(period.end(), chrono::NaiveDate::from_ymd_opt(2025, 8, 31));
    /// ```
    pub fn end(self) -> Option<chrono::NaiveDate> {
        let (y, m) = match self {
            Period::Year(y) | Period::Years(_, y) => (y, 12),
            Period::Quarter(y, q) => (y, u32::from(q) * 3),
            Period::Month(y, m) => (y, u32::from(m)),
            Period::SchoolYear(y) => (y + 1, 8),
        };
        let first_next = if m == 12 {
            chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
        };
        first_next.and_then(|d| d.pred_opt())
    }

    /// The DHIS2 period identifier: `2024`, `2024Q1`, `202401`; a school year is DHIS2's
    /// financial year starting in September, `2024Sep` (1 September 2024 – 31 August 2025),
    /// the nearest DHIS2 period type to a Vietnamese school year. A multi-year span has no
    /// DHIS2 period type: `None`, and the export reports the cell as unmapped.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::period::Period;
    /// assert_eq!(Period::SchoolYear(2024).dhis2().as_deref(), Some("2024Sep"));
    /// assert_eq!(Period::Quarter(2024, 1).dhis2().as_deref(), Some("2024Q1"));
    /// assert_eq!(Period::Years(2021, 2025).dhis2(), None);
    /// ```
    pub fn dhis2(self) -> Option<String> {
        match self {
            Period::Year(y) => Some(format!("{y}")),
            Period::Quarter(y, q) => Some(format!("{y}Q{q}")),
            Period::Month(y, m) => Some(format!("{y}{m:02}")),
            Period::SchoolYear(y) => Some(format!("{y}Sep")),
            Period::Years(..) => None,
        }
    }
}

/// A period written as text (`2024`, `2024Q1`, `2024-01`, `2024-2025`, `2021/2025`).
impl crate::json::data::FromJson for Period {
    fn from_json(value: &serde_json::Value) -> Result<Period, crate::json::data::ReadError> {
        const FORM: &str = "period (2024, 2024Q1, 2024-01, 2024-2025 or 2021/2025)";
        let text = value
            .as_str()
            .ok_or_else(|| crate::json::data::ReadError::wrong_type(FORM, value))?;
        text.parse()
            .map_err(|_| crate::json::data::ReadError::invalid_value(FORM, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_round_trip() {
        for text in ["2024", "2024Q1", "2024-01", "2024-2025", "2021/2025"] {
            let p: Period = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
        }
        assert_eq!("202412".parse::<Period>().unwrap(), Period::Month(2024, 12));
    }

    #[test]
    fn bad_forms_are_rejected() {
        for text in [
            "",
            "24",
            "2024Q5",
            "2024-13",
            "2024-2026",
            "2025/2021",
            "2024-1",
            "x",
        ] {
            assert!(text.parse::<Period>().is_err(), "{text}");
        }
    }

    #[test]
    fn dhis2_forms() {
        assert_eq!(Period::Year(2024).dhis2().unwrap(), "2024");
        assert_eq!(Period::Quarter(2024, 1).dhis2().unwrap(), "2024Q1");
        assert_eq!(Period::Month(2024, 1).dhis2().unwrap(), "202401");
        assert_eq!(Period::SchoolYear(2024).dhis2().unwrap(), "2024Sep");
        assert_eq!(Period::Years(2021, 2025).dhis2(), None);
    }

    #[test]
    fn bounds() {
        let p = Period::Quarter(2024, 1);
        assert_eq!(p.start().unwrap().to_string(), "2024-01-01");
        assert_eq!(p.end().unwrap().to_string(), "2024-03-31");
        assert_eq!(
            Period::SchoolYear(2024).end().unwrap().to_string(),
            "2025-08-31"
        );
    }
}
