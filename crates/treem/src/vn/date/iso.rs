//! ISO 8601 dates and times as the core writes and reads them (`2026-11-28`,
//! `2026-11-28T08:30`, `08:30:15`), without chrono's strftime machinery.
//!
//! chrono's `format("%Y-%m-%d")` and `parse_from_str(.., "%Y-%m-%d")` interpret their format
//! string at run time, which links its whole strftime module (every specifier, RFC 2822,
//! time zones: about 30 KB of the WebAssembly package) for a handful of fixed forms. These
//! functions give exactly chrono's answers for those forms, for every input (property tests
//! below compare them with chrono), including chrono's leniencies, which callers have relied
//! on since they were written:
//! - a number may be preceded by whitespace and may have fewer digits than its width
//!   (`2024-1-5`, `2024- 01-05`, ` 8:5`);
//! - a year without a sign has one to four digits; with `+` or `-` it has any number
//!   (`+12024-01-01`, `-0044-03-15`), within chrono's range of dates;
//! - a time second of `60` is a leap second (chrono's representation: second 59 with a
//!   nanosecond count of one second or more), written back as `60`.
//!
//! Nothing trailing is accepted, except whitespace where chrono's `FromStr` accepts it
//! ([`read_date_lenient`], the reading of its serde `Deserialize`).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// Why a text is not read: the kind of chrono's `ParseError` for the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// A number or a date out of range (month 13, 30 February, a year beyond chrono's).
    OutOfRange,
    /// A character where a digit or a separator was expected.
    Invalid,
    /// The text ends where a number or a separator was expected.
    TooShort,
    /// Text after the last number.
    TooLong,
}

impl ReadError {
    /// chrono's message for the same error (its `ParseError` display), which serde errors
    /// carry: a caller sees the same text as before.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::date::iso::{read_date, ReadError};
    /// assert_eq!(read_date("2024-02-30").unwrap_err().message(), ReadError::OutOfRange.message());
    /// assert_eq!(ReadError::OutOfRange.message(), "input is out of range");
    /// ```
    pub fn message(self) -> &'static str {
        match self {
            ReadError::OutOfRange => "input is out of range",
            ReadError::Invalid => "input contains invalid characters",
            ReadError::TooShort => "premature end of input",
            ReadError::TooLong => "trailing input",
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// `YYYY-MM-DD`, as chrono's `format("%Y-%m-%d")` writes it: four digits for years 0–9999,
/// otherwise a sign and at least four digits (`+10000-01-01`, `-0001-12-31`). This is
/// `NaiveDate`'s `Display`, which chrono writes without its strftime machinery.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 8, 3).unwrap();
/// assert_eq!(treem::vn::date::iso::date(d), "2024-08-03");
/// ```
pub fn date(date: NaiveDate) -> String {
    date.to_string()
}

/// `YYYY-MM-DDTHH:MM`, as chrono's `format("%Y-%m-%dT%H:%M")` writes it.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let at = NaiveDate::from_ymd_opt(2024, 8, 3).unwrap().and_hms_opt(7, 5, 9).unwrap();
/// assert_eq!(treem::vn::date::iso::minute(at), "2024-08-03T07:05");
/// ```
pub fn minute(at: NaiveDateTime) -> String {
    let mut out = date(at.date());
    out.push('T');
    push_two(&mut out, at.hour());
    out.push(':');
    push_two(&mut out, at.minute());
    out
}

/// `YYYY-MM-DDTHH:MM:SS`, as chrono's `format("%Y-%m-%dT%H:%M:%S")` writes it (whole
/// seconds; a leap second is `60`).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// let at = NaiveDate::from_ymd_opt(2024, 8, 3).unwrap().and_hms_opt(7, 5, 9).unwrap();
/// assert_eq!(treem::vn::date::iso::second(at), "2024-08-03T07:05:09");
/// ```
pub fn second(at: NaiveDateTime) -> String {
    let mut out = minute(at);
    out.push(':');
    push_two(&mut out, second_of_minute(at.time()));
    out
}

/// The second as chrono's `%S` writes it: 0–59, or 60 for a leap second.
///
/// # Examples
///
/// ```
/// use chrono::NaiveTime;
/// use treem::vn::date::iso::second_of_minute;
/// assert_eq!(second_of_minute(NaiveTime::from_hms_opt(7, 5, 9).unwrap()), 9);
/// assert_eq!(second_of_minute(NaiveTime::from_hms_milli_opt(23, 59, 59, 1_500).unwrap()), 60);
/// ```
pub fn second_of_minute(time: NaiveTime) -> u32 {
    time.second() + time.nanosecond() / 1_000_000_000
}

/// Two digits of a number below 100.
fn push_two(out: &mut String, n: u32) {
    for digit in [n / 10 % 10, n % 10] {
        out.push(char::from(b'0' + (digit as u8)));
    }
}

/// Reads `YYYY-MM-DD` as chrono's `NaiveDate::parse_from_str(text, "%Y-%m-%d")` does.
///
/// # Errors
/// chrono's error kind for the same text.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use treem::vn::date::iso::{read_date, ReadError};
/// assert_eq!(read_date("2024-08-13"), NaiveDate::from_ymd_opt(2024, 8, 13).ok_or(ReadError::Invalid));
/// assert_eq!(read_date("2024-02-30"), Err(ReadError::OutOfRange));
/// assert_eq!(read_date("2024-08-13 "), Err(ReadError::TooLong));
/// ```
pub fn read_date(text: &str) -> Result<NaiveDate, ReadError> {
    read_ymd(text, false)
}

/// Reads `YYYY-MM-DD` as chrono's `NaiveDate::from_str` (and so its serde `Deserialize`)
/// does: [`read_date`], and whitespace also before each `-` and at the end.
///
/// # Errors
/// chrono's error kind for the same text.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use treem::vn::date::iso::{read_date, read_date_lenient};
/// assert_eq!(read_date_lenient("2024 -08 -13 "), Ok(NaiveDate::from_ymd_opt(2024, 8, 13).unwrap()));
/// assert!(read_date("2024 -08 -13 ").is_err());
/// ```
pub fn read_date_lenient(text: &str) -> Result<NaiveDate, ReadError> {
    read_ymd(text, true)
}

fn read_ymd(text: &str, spaces: bool) -> Result<NaiveDate, ReadError> {
    let mut scan = Scan(text);
    let year = i32::try_from(scan.year()?).map_err(|_| ReadError::OutOfRange)?;
    scan.spaces(spaces);
    scan.literal('-')?;
    let month = scan.number(2, 1..=12)?;
    scan.spaces(spaces);
    scan.literal('-')?;
    let day = scan.number(2, 1..=31)?;
    scan.spaces(spaces);
    scan.end()?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(ReadError::OutOfRange)
}

/// Reads a time of day as chrono's `NaiveTime::parse_from_str(text, "%H:%M:%S")` does, or
/// failing that `parse_from_str(text, "%H:%M")`.
///
/// # Examples
///
/// ```
/// use treem::vn::date::iso::read_time;
/// assert_eq!(read_time("8:30").map(|t| t.to_string()).as_deref(), Some("08:30:00"));
/// assert!(read_time("24:00").is_none());
/// ```
pub fn read_time(text: &str) -> Option<NaiveTime> {
    read_hms(text, true).or_else(|_| read_hms(text, false)).ok()
}

/// chrono's `%H:%M:%S` (with `seconds`) or `%H:%M` reading.
fn read_hms(text: &str, seconds: bool) -> Result<NaiveTime, ReadError> {
    let mut scan = Scan(text);
    let hour = scan.number(2, 0..=23)?;
    scan.literal(':')?;
    let minute = scan.number(2, 0..=59)?;
    let second = if seconds {
        scan.literal(':')?;
        scan.number(2, 0..=60)?
    } else {
        0
    };
    scan.end()?;
    // chrono's leap second: second 59 and one more second of nanoseconds.
    let (second, nano) = match second {
        60 => (59, 1_000_000_000),
        s => (s, 0),
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or(ReadError::OutOfRange)
}

/// The rest of a text being read, with chrono's scanning steps.
struct Scan<'a>(&'a str);

impl Scan<'_> {
    /// chrono's `scan::number(s, 1, max)`: one to `max` ASCII digits.
    fn digits(&mut self, max: usize) -> Result<i64, ReadError> {
        if self.0.is_empty() {
            return Err(ReadError::TooShort);
        }
        let mut value = 0i64;
        let mut used = 0;
        for b in self.0.bytes().take(max) {
            if !b.is_ascii_digit() {
                break;
            }
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(b - b'0')))
                .ok_or(ReadError::OutOfRange)?;
            used += 1;
        }
        if used == 0 {
            return Err(ReadError::Invalid);
        }
        self.0 = self.0.get(used..).unwrap_or_default();
        Ok(value)
    }

    /// An unsigned number item of chrono (whitespace first), checked against its range as
    /// chrono's `Parsed` setters check it.
    fn number(
        &mut self,
        width: usize,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, ReadError> {
        self.0 = self.0.trim_start();
        let value = self.digits(width)?;
        u32::try_from(value)
            .ok()
            .filter(|v| range.contains(v))
            .ok_or(ReadError::OutOfRange)
    }

    /// chrono's `%Y`: whitespace first; a sign then any number of digits, or one to four.
    fn year(&mut self) -> Result<i64, ReadError> {
        self.0 = self.0.trim_start();
        if let Some(rest) = self.0.strip_prefix('-') {
            self.0 = rest;
            Ok(-self.digits(usize::MAX)?)
        } else if let Some(rest) = self.0.strip_prefix('+') {
            self.0 = rest;
            self.digits(usize::MAX)
        } else {
            self.digits(4)
        }
    }

    /// chrono's space item (when `on`): skips whitespace.
    fn spaces(&mut self, on: bool) {
        if on {
            self.0 = self.0.trim_start();
        }
    }

    /// chrono's literal item of one character.
    fn literal(&mut self, c: char) -> Result<(), ReadError> {
        if self.0.is_empty() {
            return Err(ReadError::TooShort);
        }
        self.0 = self.0.strip_prefix(c).ok_or(ReadError::Invalid)?;
        Ok(())
    }

    /// The end of the text: nothing may trail.
    fn end(&self) -> Result<(), ReadError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ReadError::TooLong)
        }
    }
}

/// Deserializes a date exactly as chrono's own `Deserialize for NaiveDate` does (a string
/// read by [`read_date_lenient`]; the same error messages), for
/// `#[serde(deserialize_with = "...")]`.
///
/// # Errors
/// The deserializer's error: not a string, or chrono's message for a text that is no date.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(deserialize_with = "treem::vn::date::iso::deserialize_date")]
///     born: NaiveDate,
/// }
/// let row: Row = serde_json::from_str(r#"{"born": "2018-05-01"}"#).unwrap();
/// assert_eq!(row.born, NaiveDate::from_ymd_opt(2018, 5, 1).unwrap());
/// ```
pub fn deserialize_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DateVisitor)
}

/// [`deserialize_date`] for an `Option<NaiveDate>` (as serde reads `Option<NaiveDate>`).
///
/// # Errors
/// As [`deserialize_date`].
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(deserialize_with = "treem::vn::date::iso::deserialize_optional_date")]
///     left: Option<NaiveDate>,
/// }
/// let row: Row = serde_json::from_str(r#"{"left": null}"#).unwrap();
/// assert_eq!(row.left, None);
/// ```
pub fn deserialize_optional_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    let date: Option<SerdeDate> = serde::Deserialize::deserialize(deserializer)?;
    Ok(date.map(|SerdeDate(d)| d))
}

/// A date read by [`deserialize_date`].
struct SerdeDate(NaiveDate);

impl<'de> serde::Deserialize<'de> for SerdeDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_date(deserializer).map(SerdeDate)
    }
}

/// chrono's `NaiveDateVisitor`: its expectation text and its one accepted input.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a formatted date string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<NaiveDate, E> {
        read_date_lenient(value).map_err(|e| E::custom(e.message()))
    }
}

#[cfg(test)]
mod tests;
