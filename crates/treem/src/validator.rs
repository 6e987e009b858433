//! [`Validator`]: the options of a call read once, then any number of records checked with
//! them.
//!
//! The JSON entry points of [`crate::api`] take their options as JSON text on every call,
//! which suits bindings (C, WebAssembly, the CLI) that only carry bytes. A Rust service
//! holds its options as Rust values and its records as `serde_json::Value`s: it builds one
//! [`Validator`] (with [`Validator::builder`]) when it starts and shares it between
//! requests (it is `Send + Sync` and cheap to clone). The JSON entry points are built on it,
//! so both answer the same record alike.

use chrono::NaiveDate;

use crate::context::{Context, Edition, Holidays};
use crate::normalize::Normalized;
use crate::report::Report;
use crate::stream::{Batch, BatchItem};
use crate::{Error, Kind, Lang};

/// What names a kind: a [`Kind`], or its name (`"child"`, `"case"`, ...; see
/// [`Kind::names`]). An unknown name is an error that `is_unknown_kind()`.
pub trait IntoKind {
    /// The kind.
    ///
    /// # Errors
    /// An [`Error`] that `is_unknown_kind()` when the name is not a kind of this build.
    fn into_kind(self) -> Result<Kind, Error>;
}

impl IntoKind for Kind {
    fn into_kind(self) -> Result<Kind, Error> {
        Ok(self)
    }
}

impl IntoKind for &str {
    fn into_kind(self) -> Result<Kind, Error> {
        self.parse()
    }
}

impl IntoKind for &String {
    fn into_kind(self) -> Result<Kind, Error> {
        self.parse()
    }
}

/// Options read once, records checked many times: the compiled entry point of the library.
///
/// A `Validator` holds a [`Context`] (the date rules are judged at, the language of the
/// messages, the geography edition, the caller's holidays, the record size limit), checked
/// when it was built. Each call then only reads its record.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use treem::{Lang, Validator};
///
/// let validator = Validator::builder()
///     .as_of(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
///     .lang(Lang::En)
///     .build()?;
/// let child = serde_json::json!({"full_name": "Nguyễn Văn An", "date_of_birth": "2030-01-01"});
/// let report = validator.validate("child", &child)?;
/// assert!(!report.ok);
/// assert_eq!(report.issues[0].path, "/date_of_birth");
/// assert_eq!(report.issues[0].code, treem::codes::child::BIRTH_IN_FUTURE);
/// # Ok::<(), treem::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Validator {
    ctx: Context,
}

impl Validator {
    /// A builder of options, every one at its default: no `as_of` (rules that need a date
    /// then report `context.as_of_missing`), Vietnamese messages, the edition in force at
    /// `as_of`, the library's calendar, records up to 1 MiB.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().build()?;
    /// assert_eq!(validator.context(), &treem::Context::default());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn builder() -> ValidatorBuilder {
        ValidatorBuilder::default()
    }

    /// A validator of the options as JSON text, as the bindings give them
    /// (`{"as_of": "2026-11-28", "lang": "en"}`; see [`Context::from_options_json`]).
    ///
    /// # Errors
    /// An error that `is_not_json()` when the text is not JSON, `is_wrong_top_level_type()`
    /// when it is not an object, `is_invalid_option()` for an unknown option or a value of
    /// the wrong form.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::from_options_json(br#"{"lang": "en"}"#)?;
    /// assert_eq!(validator.context().lang, treem::Lang::En);
    /// assert!(treem::Validator::from_options_json(br#"{"asof": 1}"#).unwrap_err().is_invalid_option());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn from_options_json(options: &[u8]) -> Result<Validator, Error> {
        Context::from_options_json(options).map(Validator::from)
    }

    /// A validator of the options as a parsed JSON value.
    ///
    /// # Errors
    /// As [`Validator::from_options_json`], except that the value is already JSON.
    ///
    /// # Examples
    /// ```
    /// let options = serde_json::json!({"as_of": "2025-06-30"});
    /// let validator = treem::Validator::from_options_value(&options)?;
    /// assert_eq!(validator.context().edition(), treem::Edition::E2024);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn from_options_value(options: &serde_json::Value) -> Result<Validator, Error> {
        Context::from_options_value(options).map(Validator::from)
    }

    /// The context every call is judged in: what the domain functions (such as
    /// `treem::case::deadlines`) take.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().lang(treem::Lang::En).build()?;
    /// assert_eq!(validator.context().lang, treem::Lang::En);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// Validates one record of `kind`. Invalid data is the report, never an error.
    ///
    /// # Errors
    /// An error that `is_unknown_kind()` for an unknown kind name, and one that
    /// `is_wrong_top_level_type()` when `record` is not a JSON object.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().build()?;
    /// let report = validator.validate("child", &serde_json::json!({"sex": "nam"}))?;
    /// assert!(report.ok);
    /// let err = validator.validate("child", &serde_json::json!([1])).unwrap_err();
    /// assert!(err.is_wrong_top_level_type());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate(
        &self,
        kind: impl IntoKind,
        record: &serde_json::Value,
    ) -> Result<Report, Error> {
        kind.into_kind()?.validate(record, &self.ctx)
    }

    /// Validates one record of `kind` given as JSON bytes (a request body), without an
    /// intermediate `serde_json::Value`. A record longer than the limit (option
    /// `max_record_bytes`, [`ValidatorBuilder::max_record_bytes`]; 1 MiB by default) is
    /// refused before it is parsed.
    ///
    /// # Errors
    /// An error that `is_unknown_kind()` for an unknown kind name; `is_record_too_large()`
    /// for a record over the limit; `is_not_json()` when `input` is not UTF-8 JSON;
    /// `is_wrong_top_level_type()` when it is not an object.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().max_record_bytes(64).build()?;
    /// let report = validator.validate_bytes("child", br#"{"date_of_birth": "31/2/2020"}"#)?;
    /// assert_eq!(report.issues[0].path, "/date_of_birth");
    /// assert!(validator.validate_bytes("child", b"{").unwrap_err().is_not_json());
    /// assert!(validator.validate_bytes("child", &[b' '; 65]).unwrap_err().is_record_too_large());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate_bytes(&self, kind: impl IntoKind, input: &[u8]) -> Result<Report, Error> {
        let kind = kind.into_kind()?;
        self.check_size(input.len())?;
        kind.validate_json(input, &self.ctx)
    }

    /// Validates many parsed records of `kind`: one report per record, in order. A value
    /// that is not an object gets a report with the issue `record.not_object` in its place,
    /// as in a batch of [`Validator::validate_batch`], instead of stopping the others.
    ///
    /// # Errors
    /// An error that `is_unknown_kind()` for an unknown kind name.
    ///
    /// # Examples
    /// ```
    /// use treem::codes;
    /// let validator = treem::Validator::builder().build()?;
    /// let records = [serde_json::json!({"sex": "nam"}), serde_json::json!(3)];
    /// let reports = validator.validate_many("child", &records)?;
    /// assert!(reports[0].ok);
    /// assert!(reports[1].has_code(codes::record::NOT_OBJECT));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate_many<'a>(
        &self,
        kind: impl IntoKind,
        records: impl IntoIterator<Item = &'a serde_json::Value>,
    ) -> Result<Vec<Report>, Error> {
        let kind = kind.into_kind()?;
        Ok(records
            .into_iter()
            .map(|record| match record {
                serde_json::Value::Object(_) => kind
                    .validate(record, &self.ctx)
                    .unwrap_or_else(|_| self.not_object_report(record)),
                other => self.not_object_report(other),
            })
            .collect())
    }

    /// Validates every record of a batch given as bytes (a JSON array, or NDJSON: one
    /// record per line, blank lines skipped) and hands each report to `each`, in input
    /// order, before reading the next record, so memory is bounded by the largest record.
    /// A record longer than the limit gets the issue `record.too_large`; an NDJSON line that
    /// is not JSON, or an element that is not an object, gets `record.not_object`; the batch
    /// goes on.
    ///
    /// # Errors
    /// An error that `is_unknown_kind()` for an unknown kind name; `is_not_json()` for input
    /// that is not UTF-8 or an array that is not JSON (reports already handed to `each` are
    /// then to be discarded).
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().build()?;
    /// let mut oks = Vec::new();
    /// validator.validate_batch("child", b"{}\nnot json\n{\"sex\": \"nam\"}\n", |r| oks.push(r.ok))?;
    /// assert_eq!(oks, [true, false, true]);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate_batch(
        &self,
        kind: impl IntoKind,
        input: &[u8],
        mut each: impl FnMut(Report),
    ) -> Result<(), Error> {
        let kind = kind.into_kind()?;
        let ctx = &self.ctx;
        let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
        let mut batch = Batch::new(text, ctx.max_record_bytes());
        let array = batch.is_array();
        for item in &mut batch {
            let report = match item? {
                BatchItem::TooLarge(bytes) => crate::stream::too_large_report(bytes, ctx),
                BatchItem::Record {
                    text: record,
                    offset,
                } => match kind.validate_json(record.as_bytes(), ctx) {
                    Ok(report) => report,
                    // Not JSON, or not an object: parsed again to say which.
                    Err(_) => match serde_json::from_str::<serde_json::Value>(record) {
                        Ok(value) => self.not_object_report(&value),
                        Err(e) if array => {
                            return Err(crate::stream::element_error(text, offset, &e))
                        }
                        Err(e) => crate::stream::not_object_report(
                            &format!("invalid JSON (column {})", e.column()),
                            ctx,
                        ),
                    },
                },
            };
            each(report);
        }
        Ok(())
    }

    /// Rewrites one record of `kind` into canonical form (trimmed text, ISO dates, canonical
    /// codes, names in title case, ...) and validates the result; every member is kept.
    ///
    /// # Errors
    /// An error that `is_unknown_kind()` for an unknown kind name, and one that
    /// `is_wrong_top_level_type()` when `record` is not a JSON object.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().build()?;
    /// let out = validator.normalize("child", &serde_json::json!({"date_of_birth": "13/8/2016"}))?;
    /// assert_eq!(out.record["date_of_birth"], "2016-08-13");
    /// assert_eq!(out.changes[0].how, "date_iso");
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn normalize(
        &self,
        kind: impl IntoKind,
        record: &serde_json::Value,
    ) -> Result<Normalized, Error> {
        kind.into_kind()?.normalize(record, &self.ctx)
    }

    /// [`Validator::normalize`] of a record given as JSON bytes; a record longer than the
    /// limit is refused before it is parsed.
    ///
    /// # Errors
    /// As [`Validator::validate_bytes`].
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().build()?;
    /// let out = validator.normalize_bytes("child", "{\"full_name\": \"  nguyễn văn  an \"}".as_bytes())?;
    /// assert_eq!(out.record["full_name"], "Nguyễn Văn An");
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn normalize_bytes(&self, kind: impl IntoKind, input: &[u8]) -> Result<Normalized, Error> {
        self.normalize_bytes_answering(kind, input, crate::document::Answer::Record)
    }

    /// [`Validator::normalize_bytes`], the record `null` when the report has an error (for
    /// the bindings' Standard Schema validation: see `crate::__private::normalize_when_valid`).
    pub(crate) fn normalize_bytes_answering(
        &self,
        kind: impl IntoKind,
        input: &[u8],
        answer: crate::document::Answer,
    ) -> Result<Normalized, Error> {
        let kind = kind.into_kind()?;
        self.check_size(input.len())?;
        kind.normalize_json(input, &self.ctx, answer)
    }

    /// The checked record of `value` ("parse, don't validate"): the kind's rules with this
    /// validator's options and, without an error, the record read into domain values
    /// ([`crate::record`]), its warnings kept beside it. The record to store is
    /// `serde_json::to_value(checked.record())`, the canonical form `normalize` writes.
    ///
    /// # Errors
    /// The report when it holds at least one error: the same report as
    /// [`Validator::validate`] of the kind `R::KIND` (a value that is not an object answers
    /// one `record.not_object` issue).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::{Child, Sex};
    /// let validator = treem::Validator::builder()
    ///     .as_of(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
    ///     .build()?;
    /// let body = serde_json::json!({"full_name": "nguyễn văn an", "sex": "nam", "date_of_birth": "13/8/2016"});
    /// let checked = validator.check::<Child>(&body).unwrap();
    /// assert_eq!(checked.record().sex, Some(Sex::Male));
    ///
    /// let report = validator.check::<Child>(&serde_json::json!({"sex": "x"})).unwrap_err();
    /// assert!(report.has_code(treem::codes::child::SEX_UNKNOWN));
    /// # }
    /// # Ok::<(), treem::Error>(())
    /// ```
    #[cfg(any(
        feature = "child",
        feature = "case",
        feature = "school",
        feature = "directive"
    ))]
    pub fn check<R: crate::record::Record>(
        &self,
        value: &serde_json::Value,
    ) -> Result<crate::record::Checked<R>, Report> {
        R::check(value, &self.ctx)
    }

    /// [`Validator::check`] of a record given as JSON bytes (a request body): the outer
    /// result is the body's reading, the inner one the record's rules.
    ///
    /// # Errors
    /// The outer error when the body is over the record limit, is not UTF-8, not JSON or not
    /// a JSON object (a portal answers 400 or 413); the inner `Err` is the report of a record
    /// with an error (422).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::Child;
    /// let validator = treem::Validator::builder().build()?;
    /// assert!(validator.check_bytes::<Child>(b"{not json").unwrap_err().is_not_json());
    /// assert!(validator.check_bytes::<Child>(b"[]").unwrap_err().is_wrong_top_level_type());
    /// let inner = validator.check_bytes::<Child>(br#"{"sex": "x"}"#)?;
    /// assert!(inner.is_err());
    /// # }
    /// # Ok::<(), treem::Error>(())
    /// ```
    #[cfg(any(
        feature = "child",
        feature = "case",
        feature = "school",
        feature = "directive"
    ))]
    pub fn check_bytes<R: crate::record::Record>(
        &self,
        input: &[u8],
    ) -> Result<Result<crate::record::Checked<R>, Report>, Error> {
        self.check_size(input.len())?;
        let value = crate::json::parse_bytes(input)?;
        // A body that is not an object is misuse, as in `validate_bytes` (not a report).
        if !value.is_object() {
            return Err(Error::wrong_top_level("object", &value));
        }
        // Handed over, not borrowed: the parsed body's texts move into the record.
        Ok(<R as crate::record::sealed::Sealed>::check_value(
            value, &self.ctx,
        ))
    }

    /// The error for a record of `bytes` bytes over the limit, before it is read.
    fn check_size(&self, bytes: usize) -> Result<(), Error> {
        let limit = self.ctx.max_record_bytes();
        if bytes > limit {
            return Err(Error::record_too_large(bytes, limit));
        }
        Ok(())
    }

    fn not_object_report(&self, value: &serde_json::Value) -> Report {
        crate::stream::not_object_report(crate::json::type_name(value), &self.ctx)
    }
}

impl From<Context> for Validator {
    /// A validator of a context as it is (its members are not checked again: a context from
    /// [`Context::from_options_json`] or [`Context::at`] is already well formed).
    fn from(ctx: Context) -> Validator {
        Validator { ctx }
    }
}

/// The options of a [`Validator`], set one by one in Rust types and checked once by
/// [`ValidatorBuilder::build`], as the JSON options of the bindings are.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use treem::{Edition, Lang, Validator};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
/// let validator = Validator::builder()
///     .as_of(day(2, 1))
///     .lang(Lang::Vi)
///     .edition(Edition::E2025)
///     .days_off([day(2, 16), day(2, 15)])
///     .build()?;
/// assert_eq!(validator.context().days_off, [day(2, 15), day(2, 16)]);
/// # Ok::<(), treem::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ValidatorBuilder {
    ctx: Context,
}

impl ValidatorBuilder {
    /// The date rules are judged at (ages, deadlines, which law and which geography edition
    /// are in force). Without it rules that need a date report `context.as_of_missing`.
    ///
    /// # Examples
    /// ```
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    /// let validator = treem::Validator::builder().as_of(day).build()?;
    /// assert_eq!(validator.context().edition(), treem::Edition::E2024);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.ctx.as_of = Some(date);
        self
    }

    /// The language of messages and labels (Vietnamese by default).
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().lang(treem::Lang::En).build()?;
    /// let report = validator.validate("child", &serde_json::json!({"sex": "x"}))?;
    /// assert!(report.issues[0].message.is_ascii());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn lang(mut self, lang: Lang) -> Self {
        self.ctx.lang = lang;
        self
    }

    /// A fixed geography edition (by default the one in force at `as_of`, see
    /// [`Context::edition`]).
    ///
    /// # Examples
    /// ```
    /// use treem::{Edition, Validator};
    /// let validator = Validator::builder().edition(Edition::E2024).build()?;
    /// assert_eq!(validator.context().edition(), Edition::E2024);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn edition(mut self, edition: Edition) -> Self {
        self.ctx.edition = Some(edition);
        self
    }

    /// Extra days off for working-day deadlines (option `days_off`), on top of the library's
    /// calendar; added to any given before.
    ///
    /// # Examples
    /// ```
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 16).unwrap();
    /// let validator = treem::Validator::builder().days_off([day, day]).build()?;
    /// assert_eq!(validator.context().days_off, [day]);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn days_off(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.ctx.days_off.extend(days);
        self
    }

    /// The caller's holiday calendar (option `holidays`; see [`Holidays`]), which takes
    /// precedence over the library's. Read only by the working-day deadlines of cases (a
    /// build without the feature `case` ignores it, as it ignores the JSON option).
    ///
    /// # Examples
    /// ```
    /// use treem::{Holidays, NamedDay, Validator};
    /// let date = chrono::NaiveDate::from_ymd_opt(2027, 2, 5).unwrap();
    /// let holidays = Holidays {
    ///     years: vec![2027],
    ///     days_off: vec![NamedDay { date, name: Some("Tết Âm lịch".into()) }],
    ///     working_days: Vec::new(),
    /// };
    /// let validator = Validator::builder().holidays(holidays).build()?;
    /// assert!(validator.context().holidays.is_day_off(date));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn holidays(mut self, holidays: Holidays) -> Self {
        self.ctx.holidays = holidays;
        self
    }

    /// Catalog filter (option `province`): only units inside this province, by code or name.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().province("31").build()?;
    /// assert_eq!(validator.context().province.as_deref(), Some("31"));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn province(mut self, province: impl Into<String>) -> Self {
        self.ctx.province = Some(province.into());
        self
    }

    /// Catalog filter (option `district`): only units inside this district (edition 2024).
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().district("311").build()?;
    /// assert_eq!(validator.context().district.as_deref(), Some("311"));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn district(mut self, district: impl Into<String>) -> Self {
        self.ctx.district = Some(district.into());
        self
    }

    /// The size limit of one record in bytes (option `max_record_bytes`, at least 1;
    /// 1 MiB by default): a longer record is refused before it is parsed.
    ///
    /// # Examples
    /// ```
    /// let validator = treem::Validator::builder().max_record_bytes(16).build()?;
    /// let err = validator.validate_bytes("child", &[b' '; 17]).unwrap_err();
    /// assert_eq!(err.record_too_large_size(), Some((17, 16)));
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn max_record_bytes(mut self, limit: usize) -> Self {
        self.ctx.max_record_bytes = Some(limit);
        self
    }

    /// Checks the options as the JSON options are checked and builds the validator.
    ///
    /// # Errors
    /// An error that `is_invalid_option()` for an `as_of` outside the years 1900 to 2100, a
    /// holiday calendar that gives a day both as a day off and as a working day (or a year
    /// outside those years), or a `max_record_bytes` of 0.
    ///
    /// # Examples
    /// ```
    /// use chrono::NaiveDate;
    /// let far = NaiveDate::from_ymd_opt(2200, 1, 1).unwrap();
    /// let err = treem::Validator::builder().as_of(far).build().unwrap_err();
    /// assert!(err.is_invalid_option());
    /// assert!(treem::Validator::builder().max_record_bytes(0).build().is_err());
    /// ```
    pub fn build(self) -> Result<Validator, Error> {
        // The options written as JSON and read back: the same checks, sorting and
        // de-duplication as the bindings' options get, with no second copy of them here.
        Context::from_options_value(&self.ctx.to_options_value()).map(Validator::from)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The bindings' normalisation for Standard Schema answers `normalize_bytes`'s changes and
    /// report, and its record exactly when the report has no error.
    #[cfg(feature = "child")]
    #[test]
    fn normalize_when_valid_leaves_out_only_the_record_of_an_invalid_one() {
        let validator = Validator::from_options_json(br#"{"as_of": "2026-11-28"}"#).unwrap();
        let kind: crate::Kind = "child".parse().unwrap();
        for (record, ok) in [
            (&br#"{"full_name": " nguyen van  an", "date_of_birth": "20/05/2016", "sex": "nam"}"#[..], true),
            (&br#"{"full_name": "An", "date_of_birth": "30/02/2016", "sex": "nam"}"#[..], false),
        ] {
            let whole = validator.normalize_bytes(kind, record).unwrap();
            let lean = crate::__private::normalize_when_valid(&validator, kind, record).unwrap();
            assert_eq!(whole.report.ok, ok);
            assert_eq!((&lean.report, &lean.changes), (&whole.report, &whole.changes));
            assert!(!whole.changes.is_empty());
            if ok {
                assert_eq!(lean.record, whole.record);
            } else {
                assert_eq!(lean.record, serde_json::Value::Null);
                assert!(whole.record.is_object());
            }
        }
    }

    #[test]
    fn the_builder_equals_the_json_options() {
        let built = Validator::builder()
            .as_of(day(2026, 11, 28))
            .lang(Lang::En)
            .edition(Edition::E2024)
            .days_off([day(2026, 2, 20), day(2026, 2, 16), day(2026, 2, 20)])
            .province("31")
            .max_record_bytes(4096)
            .build()
            .unwrap();
        let json = Validator::from_options_json(
            br#"{"as_of": "2026-11-28", "lang": "en", "edition": "2024",
                 "days_off": ["2026-02-16", "2026-02-20"], "province": "31",
                 "max_record_bytes": 4096}"#,
        )
        .unwrap();
        assert_eq!(built, json);
    }

    #[cfg(feature = "case")]
    #[test]
    fn the_builder_checks_the_holidays() {
        use crate::context::NamedDay;
        let named = |date| NamedDay { date, name: None };
        let both = Holidays {
            years: vec![2027],
            days_off: vec![named(day(2027, 2, 5))],
            working_days: vec![named(day(2027, 2, 5))],
        };
        let err = Validator::builder().holidays(both).build().unwrap_err();
        assert!(err.is_invalid_option());
        let unsorted = Holidays {
            years: vec![2027, 2027],
            days_off: vec![named(day(2027, 2, 8)), named(day(2027, 2, 5))],
            working_days: Vec::new(),
        };
        let v = Validator::builder().holidays(unsorted).build().unwrap();
        assert_eq!(v.context().holidays.years, [2027]);
        assert!(v.context().holidays.is_day_off(day(2027, 2, 5)));
    }

    #[cfg(feature = "child")]
    #[test]
    fn values_and_bytes_answer_alike() {
        let v = Validator::builder()
            .as_of(day(2026, 11, 28))
            .build()
            .unwrap();
        let record =
            serde_json::json!({"full_name": " An ", "date_of_birth": "31/2/2016", "sex": "x"});
        let text = record.to_string();
        assert_eq!(
            v.validate("child", &record).unwrap(),
            v.validate_bytes("child", text.as_bytes()).unwrap()
        );
        assert_eq!(
            v.normalize("child", &record).unwrap(),
            v.normalize_bytes("child", text.as_bytes()).unwrap()
        );
        let kind: Kind = "child".parse().unwrap();
        let many = v
            .validate_many(kind, &[record.clone(), serde_json::json!("x")])
            .unwrap();
        assert_eq!(many[0], v.validate(kind, &record).unwrap());
        assert!(many[1].has_code("record.not_object"));
        let mut batch = Vec::new();
        v.validate_batch(kind, format!("[{text}, \"x\"]").as_bytes(), |r| {
            batch.push(r)
        })
        .unwrap();
        assert_eq!(batch, many);
    }

    /// A service shares one validator between its request threads.
    #[test]
    fn a_validator_is_shared_between_threads() {
        fn shareable<T: Send + Sync + Clone + 'static>() {}
        shareable::<Validator>();
        let v = std::sync::Arc::new(Validator::default());
        let other = std::sync::Arc::clone(&v);
        let seen = std::thread::spawn(move || other.context().lang)
            .join()
            .unwrap();
        assert_eq!(seen, v.context().lang);
    }

    #[test]
    fn unknown_kinds_are_errors() {
        let v = Validator::default();
        let value = serde_json::json!({});
        assert!(v.validate("nope", &value).unwrap_err().is_unknown_kind());
        assert!(v
            .validate_bytes("nope", b"{}")
            .unwrap_err()
            .is_unknown_kind());
        assert!(v.normalize("nope", &value).unwrap_err().is_unknown_kind());
        let many = v.validate_many(&"nope".to_owned(), [&value]);
        assert!(many.unwrap_err().is_unknown_kind());
        assert!(v
            .validate_batch("nope", b"", |_| {})
            .unwrap_err()
            .is_unknown_kind());
    }
}
