//! The directive as data: the lenient draft a portal or the built-in seed supplies.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::json::Field;

/// A directive (a công văn, kế hoạch, chỉ thị ... that assigns tasks to units), as written.
///
/// The components follow Nghị định 30/2020/NĐ-CP Điều 8 khoản 2 (thể thức văn bản hành
/// chính): issuing body, number and symbol, place and date, type and summary, content,
/// signer, recipients.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct DirectiveDraft {
    /// A stable identifier of ours for the directive, e.g. `hai-phong-2024`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// Tên cơ quan, tổ chức ban hành văn bản (Điều 8 khoản 2 điểm b).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub issuer: Field<String>,
    /// Số, ký hiệu của văn bản (Điều 8 khoản 2 điểm c), e.g. `1234/SGDĐT-CTTT`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub number: Field<String>,
    /// Địa danh (Điều 8 khoản 2 điểm d).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub place: Field<String>,
    /// Thời gian ban hành (Điều 8 khoản 2 điểm d), in any accepted date form; a blank day or
    /// month ("ngày tháng năm 2024") is reported as incomplete.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub date: Field<String>,
    /// Tên loại văn bản (Điều 7), by name or abbreviation: `Công văn`, `Kế hoạch` / `KH`,
    /// `Hướng dẫn` / `HD`, ... (catalog `document_types`, plus Công văn and Thư công).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub doc_type: Field<String>,
    /// Trích yếu nội dung (Điều 8 khoản 2 điểm đ).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub summary: Field<String>,
    /// Nơi nhận (Điều 8 khoản 2 điểm i) and the "Kính gửi" addressees, each with its unit type.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub recipients: Field<Vec<RecipientDraft>>,
    /// The documents the directive implements ("Thực hiện ..."), each dated.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub basis: Field<Vec<DocumentRefDraft>>,
    /// Other documents its tasks cite.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub cited: Field<Vec<DocumentRefDraft>>,
    /// Chức vụ, họ tên người ký (Điều 8 khoản 2 điểm g) and the signing capacity (Điều 13).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub signer: Field<SignerDraft>,
    /// The numbered sections that hold the tasks.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sections: Field<Vec<SectionDraft>>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// One addressee.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct RecipientDraft {
    /// The unit type (see the catalog `unit_types`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub r#type: Field<String>,
    /// The addressee as written, e.g. "Hiệu trưởng các trường THPT".
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub text: Field<String>,
}

/// A reference to another document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct DocumentRefDraft {
    /// Identifier used by tasks' `cites`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// Số, ký hiệu (state form `56/2017/NĐ-CP` or Party form `28-CT/TW`); absent for a law
    /// cited by its title only.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub number: Field<String>,
    /// Date of issue.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub date: Field<String>,
    /// Issuing body.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub issuer: Field<String>,
    /// Title or summary.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub title: Field<String>,
}

/// Who signed, and in what capacity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct SignerDraft {
    /// `TM`, `KT`, `TL`, `TUQ`, `Q` (Nghị định 30/2020/NĐ-CP Điều 13), or absent when the
    /// head signs in their own name.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub capacity: Field<String>,
    /// The title after the capacity, e.g. "Giám đốc" in "KT. GIÁM ĐỐC".
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub on_behalf_of: Field<String>,
    /// The signer's own title, e.g. "Phó Giám đốc".
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub title: Field<String>,
    /// The signer's name (never echoed in messages).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub name: Field<String>,
}

/// A section: `1`, `3.1`, `a)`, or an unnumbered closing part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct SectionDraft {
    /// Stable identifier, e.g. `3.1`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// The number as printed (`1`, `3.1`, `a)`), or null for an unnumbered part.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub number: Field<String>,
    /// The heading, in Vietnamese.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub title: Field<String>,
    /// An English label (ours).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub title_en: Field<String>,
    /// Tasks directly under this section.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub tasks: Field<Vec<TaskDraft>>,
    /// Sub-sections.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sections: Field<Vec<SectionDraft>>,
}

/// One task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct TaskDraft {
    /// Stable identifier, unique in the directive, e.g. `1b-4`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// The task as the directive words it (Vietnamese).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub text: Field<String>,
    /// An English label (ours).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub label_en: Field<String>,
    /// Unit types the task is assigned to (catalog `unit_types`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub assignees: Field<Vec<String>>,
    /// Ids of the documents (in `basis` or `cited`) the task cites.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub cites: Field<Vec<String>>,
    /// Hotlines the task publicises (`111`, `18006605`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub hotlines: Field<Vec<String>>,
    /// Occasions the task's campaigns are tied to (catalog `occasions`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub occasions: Field<Vec<String>>,
    /// Kinds of activity that carry the task out (`event`, `media`, `campaign`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub activities: Field<Vec<String>>,
    /// Communication products the task names (catalog `media_types`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub media_types: Field<Vec<String>>,
    /// Indicators that measure the task.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub indicators: Field<Vec<IndicatorRefDraft>>,
}

/// A link from a task to an indicator of TT 13/2021/TT-BLĐTBXH.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct IndicatorRefDraft {
    /// `I` (Phụ lục I, children) or `II` (Phụ lục II, abuse and sanctions).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub appendix: Field<String>,
    /// The four-digit code, or `*` for the whole appendix.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub code: Field<String>,
    /// `cited` when the directive names the indicator set; `implied` when the link is our
    /// reading of the task text (not part of the directive).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub basis: Field<String>,
}
