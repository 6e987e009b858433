//! Everything a rule may depend on besides the record itself.
//!
//! The core never reads the clock or the environment: the date rules are judged at is
//! `as_of`, given by the caller (the CLI defaults it to today and echoes it).

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::Error;

/// The first day of the two-level administrative geography (Nghị quyết 202/2025/QH15;
/// communes and provinces of Quyết định 19/2025/QĐ-TTg in force from 1 July 2025).
pub(crate) const EDITION_2025_START: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The largest record read by default (option `max_record_bytes`): 1 MiB. A child record of
/// the bundled sample is about 600 bytes, the largest real record seen about 20 KB; a record
/// beyond this is not data a form produces, and parsing it would cost memory in proportion
/// (a `serde_json::Value` takes several times its text; in WebAssembly the memory grown for
/// it is never given back).
pub const DEFAULT_MAX_RECORD_BYTES: usize = 1 << 20;

/// An edition of the national list of administrative units.
///
/// The wire codes stay `"2024"` and `"2025"` (portals and stored records send them), but the
/// `"2024"` edition is not the state of 2024: it is the three-level list in force from
/// 01/03/2025 to 30/06/2025, after the mergers of NQ 1365/NQ-UBTVQH15 and earlier
/// resolutions. Its name says so ([`Edition::label`]), with its dates ([`Edition::valid_from`],
/// [`Edition::valid_to`]); the code `"2025-03"` (the month it came into force) is read as
/// the same edition. Renaming the wire code itself would break every stored record and
/// every portal that sends `"2024"`, for a name that only people read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Edition {
    /// The three-level list (province, district, commune) in force until 30 June 2025:
    /// codes of Quyết định 124/2004/QĐ-TTg as amended.
    #[serde(rename = "2024", alias = "2025-03")]
    E2024,
    /// The two-level list (province, commune) from 1 July 2025: Quyết định 19/2025/QĐ-TTg.
    #[serde(rename = "2025")]
    E2025,
}

impl Edition {
    /// The edition in force on `date`.
    ///
    /// # Examples
    /// ```
    /// use treem::Edition;
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    /// assert_eq!(Edition::in_force_on(day), Edition::E2025);
    /// ```
    pub fn in_force_on(date: NaiveDate) -> Edition {
        if date < EDITION_2025_START {
            Edition::E2024
        } else {
            Edition::E2025
        }
    }

    /// `"2024"` or `"2025"`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Edition::E2024.as_str(), "2024");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Edition::E2024 => "2024",
            Edition::E2025 => "2025",
        }
    }

    /// Parses `"2024"` (also written `"2025-03"`, the month that list came into force) or
    /// `"2025"`.
    ///
    /// # Errors
    /// An [`Error`] that `is_invalid_option()` for any other text.
    ///
    /// # Examples
    /// ```
    /// use treem::Edition;
    /// assert_eq!(Edition::parse("2025-03")?, Edition::E2024);
    /// assert!(Edition::parse("2023").unwrap_err().is_invalid_option());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Edition, Error> {
        match text.trim() {
            "2024" | "2025-03" => Ok(Edition::E2024),
            "2025" => Ok(Edition::E2025),
            _ => Err(Error::invalid_option(
                "edition",
                "expected \"2024\" (the list in force 01/03/2025–30/06/2025, also \"2025-03\") or \"2025\"",
            )),
        }
    }

    /// What the edition is, in `lang`: which list, in force when.
    ///
    /// # Examples
    /// ```
    /// let label = treem::Edition::E2025.label(treem::Lang::En);
    /// assert_eq!(label, "Two-level list (province, commune) in force from 01/07/2025");
    /// ```
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Edition::E2024, Lang::Vi) => {
                "Danh mục 3 cấp (tỉnh, huyện, xã) có hiệu lực từ 01/03/2025 đến 30/06/2025"
            }
            (Edition::E2024, Lang::En) => {
                "Three-level list (province, district, commune) in force 01/03/2025–30/06/2025"
            }
            (Edition::E2025, Lang::Vi) => "Danh mục 2 cấp (tỉnh, xã) có hiệu lực từ 01/07/2025",
            (Edition::E2025, Lang::En) => {
                "Two-level list (province, commune) in force from 01/07/2025"
            }
        }
    }

    /// The first day the list was in force (ISO 8601).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Edition::E2025.valid_from(), "2025-07-01");
    /// ```
    pub const fn valid_from(self) -> &'static str {
        match self {
            Edition::E2024 => "2025-03-01",
            Edition::E2025 => "2025-07-01",
        }
    }

    /// The last day the list was in force (ISO 8601), `None` while it is.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Edition::E2024.valid_to(), Some("2025-06-30"));
    /// assert_eq!(treem::Edition::E2025.valid_to(), None);
    /// ```
    pub const fn valid_to(self) -> Option<&'static str> {
        match self {
            Edition::E2024 => Some("2025-06-30"),
            Edition::E2025 => None,
        }
    }

    /// The other codes read as this edition.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Edition::E2024.aliases(), ["2025-03"]);
    /// ```
    pub const fn aliases(self) -> &'static [&'static str] {
        match self {
            Edition::E2024 => &["2025-03"],
            Edition::E2025 => &[],
        }
    }

    /// The edition as the catalogs describe it: code, label, dates, aliases.
    ///
    /// # Examples
    /// ```
    /// let v = treem::Edition::E2024.describe(treem::Lang::En);
    /// assert_eq!(v["code"], "2024");
    /// assert_eq!(v["valid_to"], "2025-06-30");
    /// ```
    pub fn describe(self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "code": self.as_str(),
            "label": self.label(lang),
            "valid_from": self.valid_from(),
            "valid_to": self.valid_to(),
            "aliases": self.aliases(),
        })
    }
}

/// The context rules are judged in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// The date rules are judged at (age, deadlines, what law is in force).
    /// `None` when the caller gave none: rules that need a date then report
    /// `context.as_of_missing` instead of guessing.
    pub as_of: Option<NaiveDate>,
    /// The language of messages and labels.
    pub lang: Lang,
    /// The administrative-geography edition, when fixed by the caller; otherwise chosen from
    /// `as_of` (see [`Context::edition`]).
    pub edition: Option<Edition>,
    /// Extra days off given by the caller (option `days_off`, ISO dates), on top of the
    /// library's calendar (weekends, public holidays, the announced schedules it holds).
    /// Working-day deadlines skip them. The same as days in [`Holidays::days_off`] without a
    /// name; kept for callers that used it before `holidays`. Kept sorted, no repeats.
    pub days_off: Vec<NaiveDate>,
    /// The caller's holiday calendar (option `holidays`, CLI `--holidays FILE`): days off and
    /// working days that take precedence over the library's calendar, and the years it fully
    /// describes. See [`Holidays`].
    pub holidays: Holidays,
    /// Catalog filter (option `province`): only units inside this province, given by code or
    /// name in the edition of the context. Used by the `districts` and `communes` catalogs.
    pub province: Option<String>,
    /// Catalog filter (option `district`): only units inside this district-level unit
    /// (edition 2024), given by code or name.
    pub district: Option<String>,
    /// The size limit of one record in bytes (option `max_record_bytes`), when the caller
    /// gave one; see [`Context::max_record_bytes`].
    pub max_record_bytes: Option<usize>,
}

impl Context {
    /// A context at `as_of`, Vietnamese messages, edition chosen by date.
    ///
    /// # Examples
    /// ```
    /// use treem::{Context, Edition, Lang};
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    /// let ctx = Context::at(day).with_lang(Lang::En);
    /// assert_eq!(ctx.edition(), Edition::E2024);
    /// assert_eq!(ctx.with_edition(Edition::E2025).edition(), Edition::E2025);
    /// ```
    pub fn at(as_of: NaiveDate) -> Context {
        Context {
            as_of: Some(as_of),
            lang: Lang::Vi,
            ..Context::default()
        }
    }

    /// The same context with messages in `lang`.
    ///
    /// # Examples
    /// ```
    /// use treem::{Context, Lang};
    /// assert_eq!(Context::default().with_lang(Lang::En).lang, Lang::En);
    /// ```
    pub fn with_lang(mut self, lang: Lang) -> Context {
        self.lang = lang;
        self
    }

    /// The same context with a fixed geography edition.
    ///
    /// # Examples
    /// ```
    /// use treem::{Context, Edition};
    /// assert_eq!(Context::default().with_edition(Edition::E2024).edition(), Edition::E2024);
    /// ```
    pub fn with_edition(mut self, edition: Edition) -> Context {
        self.edition = Some(edition);
        self
    }

    /// The geography edition: the one fixed by the caller, else the one in force at `as_of`,
    /// else the current one (2025).
    ///
    /// # Examples
    /// ```
    /// use treem::{Context, Edition};
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    /// assert_eq!(Context::at(day).edition(), Edition::E2024);
    /// assert_eq!(Context::default().edition(), Edition::E2025);
    /// ```
    pub fn edition(&self) -> Edition {
        match (self.edition, self.as_of) {
            (Some(edition), _) => edition,
            (None, Some(date)) => Edition::in_force_on(date),
            (None, None) => Edition::E2025,
        }
    }

    /// The size limit of one record, in bytes of its UTF-8 text: the caller's
    /// `max_record_bytes`, else [`DEFAULT_MAX_RECORD_BYTES`]. A larger record is refused
    /// before it is parsed (see [`crate::api::validate`]).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Context::default().max_record_bytes(), treem::DEFAULT_MAX_RECORD_BYTES);
    /// ```
    pub fn max_record_bytes(&self) -> usize {
        self.max_record_bytes.unwrap_or(DEFAULT_MAX_RECORD_BYTES)
    }

    /// Reads options given as JSON: `{"as_of": "2026-11-28", "lang": "vi", "edition": "2025",
    /// "days_off": ["2026-02-16"]}`. `days_off` lists extra non-working days (ISO dates) for
    /// working-day deadlines, beyond the weekends and the holidays in the library's calendar;
    /// `holidays` is the caller's full calendar ([`Holidays`]: days off, working days, the
    /// years it describes), which takes precedence.
    /// Also the catalog filters `province` and `district` (`{"edition": "2025", "province": "31"}`),
    /// and `max_record_bytes`, the size limit of one record (a whole number ≥ 1).
    /// Empty input, `null` and `{}` give the default context. Unknown option names are
    /// rejected so that a misspelt option does not silently change nothing.
    ///
    /// # Errors
    /// An error that `is_not_json()` when the text is not JSON, `is_wrong_top_level_type()`
    /// when it is not an object, and `is_invalid_option()` for an unknown option or a value
    /// of the wrong form.
    ///
    /// # Examples
    /// ```
    /// use treem::{Context, Edition};
    /// let ctx = Context::from_options_json(br#"{"as_of": "2025-06-30"}"#).unwrap();
    /// assert_eq!(ctx.edition(), Edition::E2024);
    /// ```
    pub fn from_options_json(options: &[u8]) -> Result<Context, Error> {
        if options.iter().all(u8::is_ascii_whitespace) {
            return Ok(Context::default());
        }
        let value = crate::json::parse_bytes(options)?;
        Context::from_options_value(&value)
    }

    /// Like [`Context::from_options_json`], from a parsed value.
    ///
    /// # Errors
    /// As [`Context::from_options_json`].
    ///
    /// # Examples
    /// ```
    /// let ctx = treem::Context::from_options_value(&serde_json::json!({"lang": "en"}))?;
    /// assert_eq!(ctx.lang, treem::Lang::En);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn from_options_value(value: &serde_json::Value) -> Result<Context, Error> {
        let map = match value {
            serde_json::Value::Null => return Ok(Context::default()),
            serde_json::Value::Object(map) => map,
            other => return Err(Error::wrong_top_level("object of options", other)),
        };
        let mut ctx = Context::default();
        for (name, value) in map {
            match name.as_str() {
                "as_of" => ctx.as_of = option_date(value)?,
                "lang" => {
                    ctx.lang = match value {
                        serde_json::Value::Null => Lang::default(),
                        serde_json::Value::String(s) => s.parse()?,
                        _ => return Err(Error::invalid_option("lang", "expected a string")),
                    }
                }
                "edition" => {
                    ctx.edition = match value {
                        serde_json::Value::Null => None,
                        serde_json::Value::String(s)
                            if s.trim().is_empty() || s.trim() == "auto" =>
                        {
                            None
                        }
                        serde_json::Value::String(s) => Some(Edition::parse(s)?),
                        serde_json::Value::Number(n) => Some(Edition::parse(&n.to_string())?),
                        _ => {
                            return Err(Error::invalid_option(
                                "edition",
                                "expected \"2024\" or \"2025\"",
                            ))
                        }
                    }
                }
                "days_off" => ctx.days_off = option_days_off(value)?,
                #[cfg(feature = "case")]
                "holidays" => ctx.holidays = Holidays::from_value(value)?,
                // Only the case kind counts working days: a build without it (the child
                // form's module) has nothing to read a calendar for, and reading one would
                // cost that module 1.4 KB gzipped.
                #[cfg(not(feature = "case"))]
                "holidays" => {}
                "province" => ctx.province = option_filter("province", value)?,
                "district" => ctx.district = option_filter("district", value)?,
                "max_record_bytes" => ctx.max_record_bytes = option_max_record_bytes(value)?,
                other => return Err(Error::invalid_option(
                    &crate::privacy::truncate(other, 40),
                    "unknown option; expected as_of, lang, edition, days_off, holidays, province, district or max_record_bytes",
                )),
            }
        }
        Ok(ctx)
    }

    /// The options as JSON, the inverse of [`Context::from_options_value`].
    ///
    /// # Examples
    /// ```
    /// let ctx = treem::Context::from_options_json(br#"{"as_of": "2026-11-28", "lang": "en"}"#)?;
    /// let json = ctx.to_options_value();
    /// assert_eq!(json["as_of"], "2026-11-28");
    /// assert_eq!(treem::Context::from_options_value(&json)?, ctx);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn to_options_value(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if let Some(date) = self.as_of {
            map.insert("as_of".into(), crate::vn::date::iso::date(date).into());
        }
        map.insert("lang".into(), self.lang.as_str().into());
        if let Some(edition) = self.edition {
            map.insert("edition".into(), edition.as_str().into());
        }
        if !self.days_off.is_empty() {
            let days: Vec<serde_json::Value> = self
                .days_off
                .iter()
                .map(|d| crate::vn::date::iso::date(*d).into())
                .collect();
            map.insert("days_off".into(), days.into());
        }
        #[cfg(feature = "case")]
        if !self.holidays.is_empty() {
            map.insert("holidays".into(), self.holidays.to_value());
        }
        for (name, filter) in [("province", &self.province), ("district", &self.district)] {
            if let Some(filter) = filter {
                map.insert(name.into(), filter.clone().into());
            }
        }
        if let Some(limit) = self.max_record_bytes {
            map.insert("max_record_bytes".into(), limit.into());
        }
        serde_json::Value::Object(map)
    }
}

/// Option `max_record_bytes`: a whole number of bytes, at least 1 (`null`: the default).
fn option_max_record_bytes(value: &serde_json::Value) -> Result<Option<usize>, Error> {
    match value {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => n
            .as_u64()
            .filter(|n| *n >= 1)
            // Above the address space every record fits anyway.
            .map(|n| Some(usize::try_from(n).unwrap_or(usize::MAX)))
            .ok_or_else(|| {
                Error::invalid_option(
                    "max_record_bytes",
                    "expected a whole number of bytes, at least 1, such as 1048576",
                )
            }),
        _ => Err(Error::invalid_option(
            "max_record_bytes",
            "expected a whole number of bytes, at least 1, such as 1048576",
        )),
    }
}

fn option_days_off(value: &serde_json::Value) -> Result<Vec<NaiveDate>, Error> {
    const EXPECTED: &str = "expected an array of ISO dates such as [\"2026-02-16\"]";
    let items = match value {
        serde_json::Value::Null => return Ok(Vec::new()),
        serde_json::Value::Array(items) => items,
        _ => return Err(Error::invalid_option("days_off", EXPECTED)),
    };
    let mut days = Vec::with_capacity(items.len());
    for item in items {
        let text = item
            .as_str()
            .ok_or_else(|| Error::invalid_option("days_off", EXPECTED))?;
        let day = crate::vn::date::iso::read_date(text.trim())
            .map_err(|_| Error::invalid_option("days_off", EXPECTED))?;
        days.push(day);
    }
    crate::sorting::sort(&mut days);
    days.dedup();
    Ok(days)
}

/// A day of the caller's calendar: an ISO date and, optionally, what it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedDay {
    /// The day.
    pub date: NaiveDate,
    /// What it is (`"Tết Âm lịch"`, `"làm bù"`), as the caller wrote it; echoed, never judged.
    pub name: Option<String>,
}

/// The caller's holiday calendar (option `holidays`; the CLI reads it from `--holidays FILE`):
///
/// ```json
/// {"years": [2027],
///  "days_off": ["2027-02-05", {"date": "2027-02-08", "name": "Tết Âm lịch"}],
///  "working_days": [{"date": "2027-02-20", "name": "làm bù"}]}
/// ```
///
/// Every member is optional. It takes precedence over the library's calendar
/// ([`crate::case::calendar`](mod@crate::case::calendar)): a day in `working_days` is a
/// working day even on a Saturday, a Sunday or a holiday; a day in `days_off` is not. A year
/// in `years` is one the caller describes fully (its announced schedule): in it the library
/// keeps only the days Bộ luật Lao động 2019, Điều 112 khoản 1 fixes by date (1/1, mùng 1
/// Tết, 10/3 âm lịch, 30/4, 1/5, 2/9) and drops its own schedule and estimates, and
/// deadlines counted through it say `calendar: "caller"`. Lists are kept sorted by date; a
/// day in both lists is refused.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holidays {
    /// The years the caller's lists describe fully (sorted, no repeats).
    pub years: Vec<i32>,
    /// Days off (sorted by date, one entry per date).
    pub days_off: Vec<NamedDay>,
    /// Working days (sorted by date, one entry per date).
    pub working_days: Vec<NamedDay>,
}

const HOLIDAYS_EXPECTED: &str = "expected {\"years\": [2027], \"days_off\": [\"2027-02-05\" or {\"date\": \"2027-02-05\", \"name\": \"...\"}], \"working_days\": [...]}";

impl Holidays {
    /// True when the caller gave nothing.
    ///
    /// # Examples
    /// ```
    /// assert!(treem::Holidays::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.years.is_empty() && self.days_off.is_empty() && self.working_days.is_empty()
    }

    /// True when `date` is one of the caller's days off.
    ///
    /// # Examples
    /// ```
    /// let h = treem::Holidays::from_value(&serde_json::json!({"days_off": ["2027-02-05"]}))?;
    /// assert!(h.is_day_off(chrono::NaiveDate::from_ymd_opt(2027, 2, 5).unwrap()));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn is_day_off(&self, date: NaiveDate) -> bool {
        self.days_off
            .binary_search_by(|d| d.date.cmp(&date))
            .is_ok()
    }

    /// True when `date` is one of the caller's working days.
    ///
    /// # Examples
    /// ```
    /// let h = treem::Holidays::from_value(&serde_json::json!({"working_days": ["2027-02-20"]}))?;
    /// assert!(h.is_working_day(chrono::NaiveDate::from_ymd_opt(2027, 2, 20).unwrap()));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.working_days
            .binary_search_by(|d| d.date.cmp(&date))
            .is_ok()
    }

    /// True when the caller describes `year` fully.
    ///
    /// # Examples
    /// ```
    /// let h = treem::Holidays::from_value(&serde_json::json!({"years": [2027]}))?;
    /// assert!(h.covers(2027) && !h.covers(2028));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn covers(&self, year: i32) -> bool {
        self.years.binary_search(&year).is_ok()
    }

    /// Reads the option `holidays` (`null`: none).
    ///
    /// # Errors
    /// `is_invalid_option()` for any other shape, an unknown member, a date that is not ISO
    /// or a day given both as a day off and as a working day.
    ///
    /// # Examples
    /// ```
    /// let h = treem::Holidays::from_value(&serde_json::json!({"days_off": ["2027-02-05"]}))?;
    /// assert_eq!(h.days_off.len(), 1);
    /// assert!(treem::Holidays::from_value(&serde_json::json!(1)).unwrap_err().is_invalid_option());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn from_value(value: &serde_json::Value) -> Result<Holidays, Error> {
        let bad = || Error::invalid_option("holidays", HOLIDAYS_EXPECTED);
        let map = match value {
            serde_json::Value::Null => return Ok(Holidays::default()),
            serde_json::Value::Object(map) => map,
            _ => return Err(bad()),
        };
        let mut out = Holidays::default();
        for (name, value) in map {
            if value.is_null() {
                continue;
            }
            match name.as_str() {
                "years" => {
                    for year in value.as_array().ok_or_else(bad)? {
                        let year = year
                            .as_i64()
                            .and_then(|y| i32::try_from(y).ok())
                            .filter(|y| AS_OF_YEARS.contains(y))
                            .ok_or_else(bad)?;
                        out.years.push(year);
                    }
                }
                "days_off" => out.days_off = named_days(value)?,
                "working_days" => out.working_days = named_days(value)?,
                "$schema" | "description" | "source" => {} // room for the file's own notes
                _ => return Err(bad()),
            }
        }
        crate::sorting::sort(&mut out.years);
        out.years.dedup();
        if out.days_off.iter().any(|d| out.is_working_day(d.date)) {
            return Err(Error::invalid_option(
                "holidays",
                "a day is given both in days_off and in working_days",
            ));
        }
        Ok(out)
    }

    /// The option as JSON, the inverse of [`Holidays::from_value`].
    ///
    /// # Examples
    /// ```
    /// let h = treem::Holidays::from_value(&serde_json::json!({"days_off": ["2027-02-05"]}))?;
    /// assert_eq!(h.to_value()["days_off"], serde_json::json!(["2027-02-05"]));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        let days = |list: &[NamedDay]| -> serde_json::Value {
            list.iter()
                .map(|d| {
                    let date = crate::vn::date::iso::date(d.date);
                    match &d.name {
                        Some(name) => serde_json::json!({ "date": date, "name": name }),
                        None => serde_json::Value::String(date),
                    }
                })
                .collect::<Vec<_>>()
                .into()
        };
        serde_json::json!({
            "years": self.years,
            "days_off": days(&self.days_off),
            "working_days": days(&self.working_days),
        })
    }
}

fn named_days(value: &serde_json::Value) -> Result<Vec<NamedDay>, Error> {
    let bad = || Error::invalid_option("holidays", HOLIDAYS_EXPECTED);
    let mut days = Vec::new();
    for item in value.as_array().ok_or_else(bad)? {
        let (date, name) = match item {
            serde_json::Value::String(s) => (s.as_str(), None),
            serde_json::Value::Object(map) => {
                if map.keys().any(|k| k != "date" && k != "name") {
                    return Err(bad());
                }
                let date = map.get("date").and_then(|d| d.as_str()).ok_or_else(bad)?;
                let name = match map.get("name") {
                    None | Some(serde_json::Value::Null) => None,
                    Some(serde_json::Value::String(n)) => Some(n.trim().to_owned()),
                    Some(_) => return Err(bad()),
                };
                (date, name)
            }
            _ => return Err(bad()),
        };
        let date = crate::vn::date::iso::read_date(date.trim()).map_err(|_| bad())?;
        days.push(NamedDay { date, name });
    }
    crate::sorting::sort_by(&mut days, |a, b| a.date.cmp(&b.date));
    days.dedup_by(|a, b| a.date == b.date);
    Ok(days)
}

/// A catalog filter option: a code or name as a string (`null` or blank = no filter).
fn option_filter(name: &str, value: &serde_json::Value) -> Result<Option<String>, Error> {
    match value {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(None),
        serde_json::Value::String(s) => Ok(Some(s.trim().to_owned())),
        _ => Err(Error::invalid_option(
            name,
            "expected a code or a name as a string, such as \"31\"",
        )),
    }
}

/// The years an `as_of` may fall in. Rules judge records of living children at `as_of`:
/// a date such as `9999-12-31` (ages of 7,984 years) or `-2026-01-01` is a typing slip, not
/// a date anyone means, and it must not silently give every record a nonsense age.
pub const AS_OF_YEARS: core::ops::RangeInclusive<i32> = 1900..=2100;

fn option_date(value: &serde_json::Value) -> Result<Option<NaiveDate>, Error> {
    match value {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) => {
            let date = crate::vn::date::iso::read_date(s.trim()).map_err(|_| {
                Error::invalid_option("as_of", "expected an ISO date such as 2026-11-28")
            })?;
            if !AS_OF_YEARS.contains(&date.year()) {
                return Err(Error::invalid_option(
                    "as_of",
                    format!(
                        "the year must be from {} to {} (inclusive)",
                        AS_OF_YEARS.start(),
                        AS_OF_YEARS.end()
                    ),
                ));
            }
            Ok(Some(date))
        }
        _ => Err(Error::invalid_option(
            "as_of",
            "expected an ISO date string such as 2026-11-28",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_switches_on_first_july_2025() {
        let before = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let after = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert_eq!(Edition::in_force_on(before), Edition::E2024);
        assert_eq!(Edition::in_force_on(after), Edition::E2025);
    }

    #[test]
    fn options_round_trip() {
        let ctx =
            Context::from_options_json(br#"{"as_of":"2024-08-13","lang":"en","edition":"2024","province":"31","district":"304","max_record_bytes":64}"#)
                .unwrap();
        assert_eq!(ctx.lang, Lang::En);
        assert_eq!(ctx.edition(), Edition::E2024);
        assert_eq!(ctx.max_record_bytes(), 64);
        assert_eq!(
            Context::default().max_record_bytes(),
            DEFAULT_MAX_RECORD_BYTES
        );
        let again = Context::from_options_value(&ctx.to_options_value()).unwrap();
        assert_eq!(again, ctx);
    }

    #[test]
    fn days_off_are_read_sorted_and_round_trip() {
        let ctx =
            Context::from_options_json(br#"{"days_off":["2026-02-20","2026-02-16","2026-02-20"]}"#)
                .unwrap();
        assert_eq!(
            ctx.days_off,
            vec![
                NaiveDate::from_ymd_opt(2026, 2, 16).unwrap(),
                NaiveDate::from_ymd_opt(2026, 2, 20).unwrap()
            ]
        );
        let again = Context::from_options_value(&ctx.to_options_value()).unwrap();
        assert_eq!(again, ctx);
    }

    #[test]
    #[cfg(not(feature = "case"))]
    fn a_build_without_cases_accepts_and_ignores_a_calendar() {
        let ctx =
            Context::from_options_json(br#"{"holidays": {"days_off": ["2027-02-05"]}}"#).unwrap();
        assert!(!ctx
            .to_options_value()
            .as_object()
            .unwrap()
            .contains_key("holidays"));
    }

    #[test]
    #[cfg(feature = "case")]
    fn holidays_are_read_sorted_and_round_trip() {
        let ctx = Context::from_options_json(
            br#"{"holidays": {"years": [2027, 2027], "days_off": [{"date": "2027-02-08", "name": "Tet"}, "2027-02-05"],
                 "working_days": ["2027-02-20"]}}"#,
        )
        .unwrap();
        assert_eq!(ctx.holidays.years, vec![2027]);
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        assert!(ctx.holidays.is_day_off(d(2, 5)) && ctx.holidays.is_day_off(d(2, 8)));
        assert!(ctx.holidays.is_working_day(d(2, 20)));
        assert_eq!(ctx.holidays.days_off[1].name.as_deref(), Some("Tet"));
        let again = Context::from_options_value(&ctx.to_options_value()).unwrap();
        assert_eq!(again, ctx);
        for bad in [
            &br#"{"holidays": ["2027-02-05"]}"#[..],
            br#"{"holidays": {"days": []}}"#,
            br#"{"holidays": {"days_off": ["5/2/2027"]}}"#,
            br#"{"holidays": {"days_off": [{"day": "2027-02-05"}]}}"#,
            br#"{"holidays": {"years": ["2027"]}}"#,
            br#"{"holidays": {"days_off": ["2027-02-05"], "working_days": ["2027-02-05"]}}"#,
        ] {
            assert!(Context::from_options_json(bad)
                .unwrap_err()
                .is_invalid_option());
        }
    }

    #[test]
    fn bad_options_are_errors() {
        for bad in [
            &br#"{"as_of":"13/8/2024"}"#[..],
            br#"{"lang":"fr"}"#,
            br#"{"edition":"2023"}"#,
            br#"{"province":31}"#,
            br#"{"asof":"2024-01-01"}"#,
            br#"{"days_off":"2026-02-16"}"#,
            br#"{"days_off":["16/2/2026"]}"#,
            br#"{"days_off":[20260216]}"#,
            br#"{"max_record_bytes":0}"#,
            br#"{"max_record_bytes":-5}"#,
            br#"{"max_record_bytes":1.5}"#,
            br#"{"max_record_bytes":"64"}"#,
            br#"[1]"#,
        ] {
            let err = Context::from_options_json(bad).unwrap_err();
            assert!(
                err.is_invalid_option() || err.is_wrong_top_level_type(),
                "{err}"
            );
        }
        assert!(Context::from_options_json(b"{").unwrap_err().is_not_json());
    }

    #[test]
    fn as_of_years_are_1900_to_2100() {
        for bad in [
            "-2026-01-01",
            "9999-12-31",
            "1899-12-31",
            "2101-01-01",
            "0000-01-01",
        ] {
            let options = serde_json::json!({ "as_of": bad });
            let err = Context::from_options_value(&options).unwrap_err();
            assert!(err.is_invalid_option(), "{bad}: {err}");
            assert!(err.to_string().contains("1900 to 2100"), "{bad}: {err}");
        }
        for good in ["1900-01-01", "2100-12-31"] {
            let options = serde_json::json!({ "as_of": good });
            let ctx = Context::from_options_value(&options).unwrap();
            assert_eq!(ctx.as_of.map(|d| d.to_string()).as_deref(), Some(good));
        }
        assert_eq!(
            Context::from_options_json(b"  ").unwrap(),
            Context::default()
        );
    }
}
