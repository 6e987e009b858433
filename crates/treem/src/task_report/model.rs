//! A unit's progress report on a directive's tasks, as written.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::json::Field;

/// One unit's report on the tasks of one directive for one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct TaskReportDraft {
    /// The directive reported on: the id of a built-in directive (catalog `directives`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub directive: Field<String>,
    /// The reporting unit.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub unit: Field<UnitDraft>,
    /// The period: a school year `2024-2025`, a year `2024`, or a half-year `2024-H1` / `2024-H2`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub period: Field<String>,
    /// Progress per task.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub tasks: Field<Vec<TaskProgressDraft>>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// The reporting unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct UnitDraft {
    /// The unit type (catalog `unit_types`; not `education_institution`, which is a group).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub r#type: Field<String>,
    /// The unit's code (school code or the code the Sở uses); identifies it in roll-ups.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub code: Field<String>,
    /// The unit's name.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub name: Field<String>,
    /// For a school: its number of learners (from its school record), which caps the
    /// learners taking part in any one activity.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub learners: Field<serde_json::Value>,
}

/// Progress on one task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct TaskProgressDraft {
    /// The task's id in the directive, e.g. `1b-4`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub task: Field<String>,
    /// `done`, `in_progress` or `not_started` (catalog `task_statuses`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub status: Field<String>,
    /// What was done.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub activities: Field<Vec<ActivityDraft>>,
    /// Links to evidence (documents, photos, articles).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub evidence: Field<Vec<String>>,
    /// Difficulties met.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub difficulties: Field<String>,
    /// Proposals to the directing body.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub proposals: Field<String>,
}

/// One activity carried out for a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct ActivityDraft {
    /// `event`, `media` or `campaign` (catalog `activity_kinds`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub kind: Field<String>,
    /// A short title.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub title: Field<String>,
    /// The date it took place (or started).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub date: Field<String>,
    /// The occasion it marked (catalog `occasions`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub occasion: Field<String>,
    /// How many events of this kind (default 1).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub count: Field<serde_json::Value>,
    /// Participants by group.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub participants: Field<ParticipantsDraft>,
    /// Communication products by type (catalog `media_types`) → number produced.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub media: Field<BTreeMap<String, serde_json::Value>>,
}

/// Participants of an activity by group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct ParticipantsDraft {
    /// Learners (học sinh, trẻ em).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub learners: Field<serde_json::Value>,
    /// Teachers and staff.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub teachers: Field<serde_json::Value>,
    /// Parents.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub parents: Field<serde_json::Value>,
    /// Others.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub others: Field<serde_json::Value>,
}
