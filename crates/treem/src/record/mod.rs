//! Checked records: "parse, don't validate".
//!
//! A draft ([`crate::child::ChildDraft`], ...) is the record as a person typed it: every
//! member optional, text where the rules want a date or a code. A checked record
//! ([`crate::child::Child`], [`crate::case::Case`], [`crate::school::School`], and, with the
//! feature `safe-school`, [`crate::safe_school::CriteriaSet`] and
//! [`crate::safe_school::Assessment`], with `directive`, [`crate::directive::Directive`] and
//! [`crate::task_report::TaskReport`])
//! is the same record once its kind's rules found no error: its members are domain values (a
//! [`chrono::NaiveDate`], a [`crate::vn::sex::Sex`], a [`crate::vn::phone::Phone`], an entry
//! of a catalog, a unit of the administrative list), so the code that reads it never checks
//! again. The only way to one is [`Record::check`], which runs the kind's rules (the report
//! of [`crate::api::validate`]) and answers either the report (at least one error) or a
//! [`Checked`] record with the warnings kept beside it.
//!
//! A checked record serialises (serde) to the canonical JSON that `normalize` writes for the
//! same input, except members that say nothing: a member that is `null` or blank text, and an
//! empty list, are left out (every rule reads them as absent). Members the kind does not know
//! are kept as they were (they were warned about), so nothing of the input is lost.
//!
//! # Examples
//! A handler that turns a request body into a [`crate::child::Child`] or the report a form
//! shows (HTTP 422), in the caller's language:
//! ```
//! # #[cfg(feature = "child")] {
//! use treem::record::{Checked, Record};
//! use treem::child::Child;
//!
//! fn accept(body: &[u8], ctx: &treem::Context) -> Result<Checked<Child>, (u16, String)> {
//!     let value: serde_json::Value =
//!         serde_json::from_slice(body).map_err(|_| (400, "not JSON".to_owned()))?;
//!     Child::check(&value, ctx).map_err(|report| {
//!         (422, serde_json::to_string(&report).unwrap_or_default())
//!     })
//! }
//!
//! let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
//!     .with_lang(treem::Lang::En);
//! let body = r#"{"full_name": "lê văn an", "date_of_birth": "02/03/2019"}"#;
//! let checked = accept(body.as_bytes(), &ctx).unwrap();
//! assert_eq!(checked.record().date_of_birth.map(|d| d.to_string()).as_deref(), Some("2019-03-02"));
//! // What a portal stores: the canonical form.
//! let stored = serde_json::to_string(checked.record()).unwrap();
//! assert_eq!(stored, r#"{"full_name":"Lê Văn An","date_of_birth":"2019-03-02"}"#);
//!
//! let (status, report) = accept(br#"{"date_of_birth": "31/02/2019"}"#, &ctx).unwrap_err();
//! assert_eq!(status, 422);
//! assert!(report.contains("date.impossible"));
//! # }
//! ```

use serde::Serialize;
#[cfg(any(feature = "school", feature = "child", feature = "case"))]
use serde::Serializer;

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
use crate::code_list::Entry;
use crate::context::Context;
use crate::document::Document;
use crate::json::Field;
use crate::report::{IssueSink, Location, Report};

crate::codes! {
    /// A value the kind's rules accepted could not be read as its domain value: a defect of
    /// treem (the rules and the checked record disagree), answered as an error rather than a
    /// wrong record.
    RECORD_VALUE_UNREAD = "record.value_unread", Error, "record.checked", "treem",
        "Không đọc được giá trị đã qua kiểm tra thành kiểu dữ liệu của nó (lỗi của treem, xin báo lại)",
        "A value that passed the checks could not be read as its type (a defect of treem, please report it)";
}

/// Members a checked record does not know, kept as they were written (each was warned about
/// with `record.unknown_field`).
pub type Unknown = std::collections::BTreeMap<String, serde_json::Value>;

/// A record that passed its kind's rules, with the warnings they raised.
///
/// Obtained only from [`Record::check`]; holding one is the proof that the record has no
/// error. Its members are private, and the records are `#[non_exhaustive]`, so neither can be
/// written as a literal outside treem:
/// ```compile_fail
/// let checked = treem::record::Checked { record: (), warnings: treem::Report::clean() };
/// ```
/// ```compile_fail
/// # #[cfg(feature = "school")] {
/// let school = treem::school::School { code: "1".into(), ..todo!() };
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<R> {
    record: R,
    warnings: Report,
}

impl<R> Checked<R> {
    /// The checked record.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"full_name": "nguyễn  văn an", "sex": "nam"});
    /// let checked = treem::child::Child::check(&input, &treem::Context::default()).unwrap();
    /// assert_eq!(checked.record().full_name.as_deref(), Some("Nguyễn Văn An"));
    /// # }
    /// ```
    pub fn record(&self) -> &R {
        &self.record
    }

    /// The checked record, without the warnings.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"sex": "nữ"});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert_eq!(child.sex, Some(treem::vn::sex::Sex::Female));
    /// # }
    /// ```
    pub fn into_record(self) -> R {
        self.record
    }

    /// The warnings the rules raised (`ok` is always true: a record with an error is not
    /// checked).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"sex": "nữ", "nickname": "Bé"});
    /// let checked = treem::child::Child::check(&input, &treem::Context::default()).unwrap();
    /// assert!(checked.warnings().has_code("record.unknown_field"));
    /// # }
    /// ```
    pub fn warnings(&self) -> &Report {
        &self.warnings
    }

    /// The record and the warnings.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"sex": "nữ"});
    /// let (child, warnings) = treem::child::Child::check(&input, &treem::Context::default())
    ///     .unwrap()
    ///     .into_parts();
    /// assert!(warnings.issues.is_empty() && child.full_name.is_none());
    /// # }
    /// ```
    pub fn into_parts(self) -> (R, Report) {
        (self.record, self.warnings)
    }
}

pub(crate) mod sealed {
    /// Only treem's record types are records: [`super::Checked`] is a proof of treem's rules.
    pub trait Sealed: Sized {
        /// [`super::Record::check`] of a value handed over: its texts move into the record
        /// instead of being copied (the crate's own callers, which parsed it, hand it over).
        fn check_value(
            value: serde_json::Value,
            ctx: &crate::context::Context,
        ) -> Result<super::Checked<Self>, crate::report::Report>;
    }
}

/// A kind of record with a checked form.
///
/// Implemented by [`crate::child::Child`], [`crate::case::Case`], [`crate::school::School`],
/// [`crate::safe_school::CriteriaSet`] (kind `criteria_set`; the type of the built-in sets
/// too, as the kind is not normalised) and [`crate::safe_school::Assessment`] (kind
/// `safe_school_assessment`; its school is a checked [`crate::school::School`]),
/// [`crate::directive::Directive`] and [`crate::task_report::TaskReport`], each with its
/// kind's feature; sealed.
pub trait Record: Sized + Serialize + sealed::Sealed {
    /// The kind's name, as in [`crate::api::validate`] (`child`, `case`, `school`,
    /// `criteria_set`, `safe_school_assessment`, `directive`, `task_report`).
    const KIND: &'static str;

    /// Runs the kind's rules on `value` and, when they find no error, reads the normalised
    /// record into its domain values.
    ///
    /// # Errors
    /// The report, when it holds at least one error: the same report as
    /// [`crate::api::validate`] of this kind with the options of `ctx`. A `value` that is not
    /// an object answers the report of one `record.not_object` issue (where `validate` answers
    /// the error `not_object`).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let ctx = treem::Context::default();
    /// let report = treem::child::Child::check(&serde_json::json!({"sex": "x"}), &ctx).unwrap_err();
    /// assert_eq!(report.issues[0].code, "child.sex_unknown");
    /// # }
    /// ```
    fn check(value: &serde_json::Value, ctx: &Context) -> Result<Checked<Self>, Report> {
        Self::check_value(value.clone(), ctx)
    }
}

/// Why a member of a normalised draft that passed the rules could not be read: its path.
#[derive(Debug)]
pub(crate) struct Unread(pub(crate) String);

impl Unread {
    pub(crate) fn at(at: &Location<'_>) -> Unread {
        Unread(at.to_pointer())
    }
}

/// The body of every [`Record::check`] but the case's: the rules, then, without an error,
/// `normalize` and `read` of the normalised draft.
#[cfg(any(feature = "school", feature = "child", feature = "directive"))]
pub(crate) fn check<D: Document, R: sealed::Sealed>(
    value: serde_json::Value,
    ctx: &Context,
    read: fn(&D, &Context) -> Result<R, Unread>,
) -> Result<Checked<R>, Report> {
    check_finishing(value, ctx, |draft: &mut D, ctx| {
        draft.normalize(ctx, &mut crate::normalize::ChangeLog::discarding());
        read(draft, ctx)
    })
}

/// [`check`] with the kind's own `finish` of the draft that passed the rules, for a kind
/// whose reader needs less than the whole `normalize` (a case reads its moments as written).
pub(crate) fn check_finishing<D: Document, R: sealed::Sealed>(
    value: serde_json::Value,
    ctx: &Context,
    finish: impl FnOnce(&mut D, &Context) -> Result<R, Unread>,
) -> Result<Checked<R>, Report> {
    let (record, warnings) = check_with(value, ctx, finish)?;
    Ok(Checked { record, warnings })
}

/// The rules on `value`, then, without an error, `finish` of the draft that passed them
/// (normalise it and read it). [`check`] with every member; the indicator feed with the
/// members it reads (its record is never handed out as [`Checked`]).
pub(crate) fn check_with<D: Document, R>(
    value: serde_json::Value,
    ctx: &Context,
    finish: impl FnOnce(&mut D, &Context) -> Result<R, Unread>,
) -> Result<(R, Report), Report> {
    let mut sink = IssueSink::new(ctx.lang);
    let found = crate::json::type_name(&value);
    let Ok(mut draft) = crate::document::draft_of::<D>(value) else {
        sink.push(
            &crate::fields::RECORD_NOT_OBJECT,
            &Location::root(),
            [("found", found.into())],
        );
        return Err(sink.finish());
    };
    draft.check(ctx, &mut sink);
    if sink.has_errors() {
        return Err(sink.finish());
    }
    answer(finish(&mut draft, ctx), sink)
}

/// The rules on `draft`, then, without an error, `read` of it as it was given: for a kind
/// whose reader reads every spelling the rules accept (an assessment: its outcomes are read
/// by [`crate::safe_school::score::Outcome::parse`], its school normalised by its reader).
#[cfg(feature = "safe-school")]
pub(crate) fn check_draft<D: Document, R>(
    draft: &D,
    ctx: &Context,
    read: impl FnOnce(&D, &Context) -> Result<R, Unread>,
) -> Result<(R, Report), Report> {
    let mut sink = IssueSink::new(ctx.lang);
    draft.check(ctx, &mut sink);
    if sink.has_errors() {
        return Err(sink.finish());
    }
    answer(read(draft, ctx), sink)
}

/// The record read and the rules' warnings, or the report with the defect of a value the
/// rules accepted and the reader could not read.
fn answer<R>(read: Result<R, Unread>, mut sink: IssueSink) -> Result<(R, Report), Report> {
    match read {
        Ok(record) => Ok((record, sink.finish())),
        Err(Unread(path)) => {
            sink.push_at(&RECORD_VALUE_UNREAD, path, []);
            Err(sink.finish())
        }
    }
}

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
/// An entry of one of the library's catalogs (a relationship, a disability type, a form of
/// abuse, ...): its code, labels and legal source. Serialises as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coded(&'static Entry);

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
impl Coded {
    /// The catalog entry.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"protection_level": "hỗ trợ"});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert_eq!(child.protection_level.map(|l| l.code()), Some("support"));
    /// assert_eq!(child.protection_level.map(|l| l.entry().en), Some("Support"));
    /// # }
    /// ```
    pub fn entry(self) -> &'static Entry {
        self.0
    }

    /// The entry's code.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"protection_level": "hỗ trợ"});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert_eq!(child.protection_level.map(|l| l.code()), Some("support"));
    /// # }
    /// ```
    pub fn code(self) -> &'static str {
        self.0.code
    }
}

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
impl Serialize for Coded {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code)
    }
}

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
/// An administrative unit of an address (a child's residence, a school's address).
/// Serialises as its code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AdminUnit {
    /// A unit of the list of the residence's edition ([`crate::vn::admin`]).
    Listed(&'static crate::vn::admin::Unit),
    /// A code the installed tables could not judge, which the rules accepted with a warning:
    /// no edition could be known (`context.as_of_missing`), or the unit lies outside the
    /// tables installed (a build with one province's tables).
    Unjudged(String),
}

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
impl AdminUnit {
    /// The unit's code.
    ///
    /// # Examples
    /// ```
    /// use treem::record::Record;
    /// # #[cfg(feature = "child")] {
    /// let input = serde_json::json!({"residence": {"edition": "2025", "province_code": "31"}});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// let province = child.residence.and_then(|r| r.province).unwrap();
    /// assert_eq!(province.code(), "31");
    /// assert_eq!(province.unit().map(|u| &*u.name), Some("Thành phố Hải Phòng"));
    /// # }
    /// ```
    pub fn code(&self) -> &str {
        match self {
            AdminUnit::Listed(unit) => &unit.code,
            AdminUnit::Unjudged(code) => code,
        }
    }

    /// The unit of the list, when the code was judged against one.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::record::Record;
    /// let input = serde_json::json!({"residence": {"edition": "2025", "province_code": "31"}});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// let province = child.residence.and_then(|r| r.province).unwrap();
    /// assert_eq!(province.unit().map(|u| &*u.code), Some("31"));
    /// # }
    /// ```
    pub fn unit(&self) -> Option<&'static crate::vn::admin::Unit> {
        match self {
            AdminUnit::Listed(unit) => Some(unit),
            AdminUnit::Unjudged(_) => None,
        }
    }
}

#[cfg(any(feature = "school", feature = "child", feature = "case"))]
impl Serialize for AdminUnit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A code member of an address, as a unit of the list of `edition` (the one the rules judged
/// it by), else [`AdminUnit::Unjudged`]. (Addresses are the child's and the school's.)
#[cfg(any(feature = "child", feature = "school"))]
pub(crate) fn admin_unit(
    field: &Field<String>,
    at: &Location<'_>,
    edition: Option<crate::context::Edition>,
) -> Result<Option<AdminUnit>, Unread> {
    parsed(field, at, |code| {
        Some(
            edition
                .and_then(|e| crate::vn::admin::find(e, code))
                .map_or_else(|| AdminUnit::Unjudged(code.to_owned()), AdminUnit::Listed),
        )
    })
}

// ---- Reading the members of a normalised draft that passed the rules. ----

/// A text member: `None` when absent, null or blank.
pub(crate) fn text<'f>(
    field: &'f Field<String>,
    at: &Location<'_>,
) -> Result<Option<&'f str>, Unread> {
    match field {
        Field::Absent | Field::Null => Ok(None),
        Field::Value(text) if crate::fields::is_blank(text) => Ok(None),
        Field::Value(text) => Ok(Some(text)),
        Field::Invalid(_) => Err(Unread::at(at)),
    }
}

/// A text member read by `parse`; a text it does not read is [`Unread`].
pub(crate) fn parsed<T>(
    field: &Field<String>,
    at: &Location<'_>,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, Unread> {
    match text(field, at)? {
        Some(text) => parse(text).map(Some).ok_or_else(|| Unread::at(at)),
        None => Ok(None),
    }
}

/// A text (an element of a list) read by `parse`: `None` when blank.
#[cfg(feature = "school")]
pub(crate) fn parsed_text<T>(
    text: &str,
    at: &Location<'_>,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, Unread> {
    if crate::fields::is_blank(text) {
        return Ok(None);
    }
    parse(text).map(Some).ok_or_else(|| Unread::at(at))
}

/// A coded text (an element of a list of codes): `None` when blank.
#[cfg(any(feature = "child", feature = "case"))]
pub(crate) fn code_of(
    text: &str,
    at: &Location<'_>,
    list: &'static [Entry],
) -> Result<Option<Coded>, Unread> {
    if crate::fields::is_blank(text) {
        return Ok(None);
    }
    crate::code_list::lookup(list, text)
        .map(|entry| Some(Coded(entry)))
        .ok_or_else(|| Unread::at(at))
}

/// A text member kept as text.
pub(crate) fn owned(field: &Field<String>, at: &Location<'_>) -> Result<Option<String>, Unread> {
    Ok(text(field, at)?.map(str::to_owned))
}

/// A date member (ISO 8601 once normalised).
#[cfg(any(feature = "child", feature = "directive"))]
pub(crate) fn date(
    field: &Field<String>,
    at: &Location<'_>,
) -> Result<Option<chrono::NaiveDate>, Unread> {
    parsed(field, at, |text| {
        let mut scratch = IssueSink::new(crate::Lang::En);
        crate::vn::date::parse(text, at, &mut scratch).map(|p| p.date)
    })
}

/// A coded member of `list`.
#[cfg(any(feature = "child", feature = "case"))]
pub(crate) fn coded(
    field: &Field<String>,
    at: &Location<'_>,
    list: &'static [Entry],
) -> Result<Option<Coded>, Unread> {
    parsed(field, at, |text| {
        crate::code_list::lookup(list, text).map(Coded)
    })
}

/// A plain member (a number, a flag).
#[cfg(any(feature = "school", feature = "child", feature = "case"))]
pub(crate) fn plain<T: Copy>(field: &Field<T>, at: &Location<'_>) -> Result<Option<T>, Unread> {
    match field {
        Field::Absent | Field::Null => Ok(None),
        Field::Value(value) => Ok(Some(*value)),
        Field::Invalid(_) => Err(Unread::at(at)),
    }
}

/// A nested object member, read by `read`.
pub(crate) fn object<T, R>(
    field: &Field<T>,
    at: &Location<'_>,
    read: impl FnOnce(&T, &Location<'_>) -> Result<R, Unread>,
) -> Result<Option<R>, Unread> {
    match field {
        Field::Absent | Field::Null => Ok(None),
        Field::Value(value) => read(value, at).map(Some),
        Field::Invalid(_) => Err(Unread::at(at)),
    }
}

/// A list member, each element read by `read` (null elements skipped, as the rules skip
/// them).
#[cfg(any(feature = "school", feature = "child", feature = "case"))]
pub(crate) fn list<T, R>(
    field: &Field<Vec<Field<T>>>,
    at: &Location<'_>,
    mut read: impl FnMut(&T, &Location<'_>) -> Result<Option<R>, Unread>,
) -> Result<Vec<R>, Unread> {
    let items = match field {
        Field::Absent | Field::Null => return Ok(Vec::new()),
        Field::Value(items) => items,
        Field::Invalid(_) => return Err(Unread::at(at)),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = at.index(i);
        match item {
            Field::Absent | Field::Null => {}
            Field::Value(value) => out.extend(read(value, &here)?),
            Field::Invalid(_) => return Err(Unread::at(&here)),
        }
    }
    Ok(out)
}

/// A list member whose elements are not fields (the directive's and the task report's
/// lists: a null element is refused by their drafts), each element read by `read`.
#[cfg(feature = "directive")]
pub(crate) fn plain_list<T, R>(
    field: &Field<Vec<T>>,
    at: &Location<'_>,
    mut read: impl FnMut(&T, &Location<'_>) -> Result<Option<R>, Unread>,
) -> Result<Vec<R>, Unread> {
    match field {
        Field::Absent | Field::Null => Ok(Vec::new()),
        Field::Value(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                out.extend(read(item, &at.index(i))?);
            }
            Ok(out)
        }
        Field::Invalid(_) => Err(Unread::at(at)),
    }
}

/// Serialisers of the domain values in their canonical written form.
pub(crate) mod canonical {
    use serde::Serializer;

    /// A domain value's canonical written form.
    pub(crate) trait Canonical {
        fn write(&self) -> std::borrow::Cow<'_, str>;
    }

    impl Canonical for chrono::NaiveDate {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            crate::vn::date::iso::date(*self).into()
        }
    }

    impl Canonical for &'static crate::vn::ethnic::EthnicGroup {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            self.code.into()
        }
    }

    impl Canonical for crate::vn::personal_id::PersonalId {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            self.number.as_str().into()
        }
    }

    impl Canonical for crate::vn::phone::Phone {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            self.national.as_str().into()
        }
    }

    #[cfg(feature = "case")]
    impl Canonical for crate::case::moment::Moment {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            crate::case::moment::format(self).into()
        }
    }

    impl Canonical for crate::context::Edition {
        fn write(&self) -> std::borrow::Cow<'_, str> {
            self.as_str().into()
        }
    }

    /// `Option<T>` as its canonical text (skipped when `None` by the field's attribute).
    pub(crate) fn opt<T: Canonical, S: Serializer>(
        value: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => s.serialize_str(&value.write()),
            None => s.serialize_none(),
        }
    }
}
