//! The checked directive ([`Directive`]): a [`DirectiveDraft`] that passed every directive
//! rule, read into plain values (see [`crate::record`]).
//!
//! The kind's `normalize` only collapses the whitespace of four texts, and a directive's date
//! may be incomplete as printed ("ngày tháng năm 2024", reported, not refused): so members
//! stay text, as `normalize` writes them; what the checked form gives is the structure without
//! [`crate::json::Field`]s, with blank and null members absent.

use serde::Serialize;

use super::model::{
    DirectiveDraft, DocumentRefDraft, IndicatorRefDraft, RecipientDraft, SectionDraft, SignerDraft,
    TaskDraft,
};
use crate::context::Context;
use crate::json::Field;
use crate::record::{self, Checked, Record, Unknown, Unread};
use crate::report::{Location, Report};

/// A directive (công văn, kế hoạch, chỉ thị ...) that passed the directive rules (thể thức of
/// Nghị định 30/2020/NĐ-CP Điều 8 khoản 2 and Điều 13; indicators of TT 13/2021/TT-BLĐTBXH;
/// see [`crate::directive`]).
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// // The seed as printed lacks its number, its summary and the day of issue: refused.
/// let mut input = treem::directive::built_in("hai-phong-2024").unwrap();
/// let report = treem::directive::Directive::check(&input, &ctx).unwrap_err();
/// assert!(report.has_code("directive.component_missing"));
/// input["number"] = "1234/SGDĐT-CTTT".into();
/// input["summary"] = "V/v  tăng cường công tác bảo vệ trẻ em".into();
/// input["date"] = "16/09/2024".into();
/// let directive = treem::directive::Directive::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(directive.summary.as_deref(), Some("V/v tăng cường công tác bảo vệ trẻ em"));
/// assert!(!directive.sections.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Directive {
    /// A stable identifier of ours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Tên cơ quan ban hành (Điều 8 khoản 2 điểm b), whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Số, ký hiệu (Điều 8 khoản 2 điểm c), whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Địa danh (Điều 8 khoản 2 điểm d), whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Thời gian ban hành as printed (it may lack its day or month).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Tên loại văn bản (Điều 7) as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// Trích yếu nội dung (Điều 8 khoản 2 điểm đ), whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Nơi nhận (Điều 8 khoản 2 điểm i).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// The documents the directive implements.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<DocumentRef>,
    /// Other documents its tasks cite.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<DocumentRef>,
    /// Người ký (Điều 8 khoản 2 điểm g; Điều 13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    /// The numbered sections that hold the tasks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One addressee.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Recipient {
    /// The unit type (catalog `unit_types`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<String>,
    /// The addressee as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A reference to another document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DocumentRef {
    /// Identifier used by tasks' `cites`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Số, ký hiệu.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of issue, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Issuing body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Title or summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Who signed, and in what capacity (Điều 13).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Signer {
    /// `TM`, `KT`, `TL`, `TUQ`, `Q`, or absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<String>,
    /// The title after the capacity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// The signer's own title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The signer's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Section {
    /// Stable identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The number as printed (absent for an unnumbered part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The heading, in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An English label (ours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Tasks directly under this section.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Sub-sections.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Task {
    /// Stable identifier, unique in the directive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The task as the directive words it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// An English label (ours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Unit types the task is assigned to (catalog `unit_types`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assignees: Vec<String>,
    /// Ids of the documents the task cites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<String>,
    /// Hotlines the task publicises.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hotlines: Vec<String>,
    /// Occasions (catalog `occasions`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occasions: Vec<String>,
    /// Kinds of activity (`event`, `media`, `campaign`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Communication products (catalog `media_types`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub media_types: Vec<String>,
    /// Indicators of TT 13/2021/TT-BLĐTBXH that measure the task.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorRef>,
}

/// A link from a task to an indicator of TT 13/2021/TT-BLĐTBXH.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct IndicatorRef {
    /// `I` or `II`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appendix: Option<String>,
    /// The four-digit code, or `*`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `cited` or `implied`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

fn texts(field: &Field<Vec<String>>, at: &Location<'_>) -> Result<Vec<String>, Unread> {
    record::plain_list(field, at, |text: &String, _| {
        Ok((!crate::fields::is_blank(text)).then(|| text.clone()))
    })
}

impl Directive {
    fn read(draft: &DirectiveDraft, _ctx: &Context) -> Result<Directive, Unread> {
        let root = Location::root();
        let at = |key| root.key(key);
        Ok(Directive {
            id: record::owned(&draft.id, &at("id"))?,
            issuer: record::owned(&draft.issuer, &at("issuer"))?,
            number: record::owned(&draft.number, &at("number"))?,
            place: record::owned(&draft.place, &at("place"))?,
            date: record::owned(&draft.date, &at("date"))?,
            doc_type: record::owned(&draft.doc_type, &at("doc_type"))?,
            summary: record::owned(&draft.summary, &at("summary"))?,
            recipients: record::plain_list(
                &draft.recipients,
                &at("recipients"),
                |r: &RecipientDraft, here| {
                    Ok(Some(Recipient {
                        unit_type: record::owned(&r.r#type, &here.key("type"))?,
                        text: record::owned(&r.text, &here.key("text"))?,
                    }))
                },
            )?,
            basis: record::plain_list(&draft.basis, &at("basis"), DocumentRef::read)?,
            cited: record::plain_list(&draft.cited, &at("cited"), DocumentRef::read)?,
            signer: record::object(&draft.signer, &at("signer"), |s: &SignerDraft, here| {
                Ok(Signer {
                    capacity: record::owned(&s.capacity, &here.key("capacity"))?,
                    on_behalf_of: record::owned(&s.on_behalf_of, &here.key("on_behalf_of"))?,
                    title: record::owned(&s.title, &here.key("title"))?,
                    name: record::owned(&s.name, &here.key("name"))?,
                })
            })?,
            sections: record::plain_list(&draft.sections, &at("sections"), Section::read)?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl DocumentRef {
    fn read(r: &DocumentRefDraft, at: &Location<'_>) -> Result<Option<DocumentRef>, Unread> {
        Ok(Some(DocumentRef {
            id: record::owned(&r.id, &at.key("id"))?,
            number: record::owned(&r.number, &at.key("number"))?,
            date: record::owned(&r.date, &at.key("date"))?,
            issuer: record::owned(&r.issuer, &at.key("issuer"))?,
            title: record::owned(&r.title, &at.key("title"))?,
        }))
    }
}

impl Section {
    fn read(s: &SectionDraft, at: &Location<'_>) -> Result<Option<Section>, Unread> {
        Ok(Some(Section {
            id: record::owned(&s.id, &at.key("id"))?,
            number: record::owned(&s.number, &at.key("number"))?,
            title: record::owned(&s.title, &at.key("title"))?,
            title_en: record::owned(&s.title_en, &at.key("title_en"))?,
            tasks: record::plain_list(&s.tasks, &at.key("tasks"), Task::read)?,
            sections: record::plain_list(&s.sections, &at.key("sections"), Section::read)?,
        }))
    }
}

impl Task {
    fn read(t: &TaskDraft, at: &Location<'_>) -> Result<Option<Task>, Unread> {
        Ok(Some(Task {
            id: record::owned(&t.id, &at.key("id"))?,
            text: record::owned(&t.text, &at.key("text"))?,
            label_en: record::owned(&t.label_en, &at.key("label_en"))?,
            assignees: texts(&t.assignees, &at.key("assignees"))?,
            cites: texts(&t.cites, &at.key("cites"))?,
            hotlines: texts(&t.hotlines, &at.key("hotlines"))?,
            occasions: texts(&t.occasions, &at.key("occasions"))?,
            activities: texts(&t.activities, &at.key("activities"))?,
            media_types: texts(&t.media_types, &at.key("media_types"))?,
            indicators: record::plain_list(
                &t.indicators,
                &at.key("indicators"),
                |i: &IndicatorRefDraft, here| {
                    Ok(Some(IndicatorRef {
                        appendix: record::owned(&i.appendix, &here.key("appendix"))?,
                        code: record::owned(&i.code, &here.key("code"))?,
                        basis: record::owned(&i.basis, &here.key("basis"))?,
                    }))
                },
            )?,
        }))
    }
}

impl record::sealed::Sealed for Directive {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<Directive>, Report> {
        record::check(value, ctx, Directive::read)
    }
}

impl Record for Directive {
    const KIND: &'static str = "directive";
}
