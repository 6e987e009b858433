//! The lenient draft of a protection case.

use schemars::JsonSchema;
use serde::Serialize;

use crate::child::draft::Unknown;
use crate::json::Field;

/// A protection case as typed by a person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct CaseDraft {
    /// The case's identifier in the caller's system.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// The `id` of the child record the case is about.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub child_id: Field<String>,
    /// When the information was received (Nghị định 56/2017/NĐ-CP, Điều 25): `2026-11-28T08:30`
    /// (local time); a date alone counts from its first minute. The 12-hour limits run from it.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub reported_at: Field<String>,
    /// When the incident happened.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub incident_date: Field<String>,
    /// Forms of abuse (catalog `abuse_forms`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub abuse_forms: Field<Vec<Field<String>>>,
    /// Accidents and injuries (catalog `injury_types`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub injuries: Field<Vec<Field<String>>>,
    /// Where the abuse happened (catalog `case_environments`): the breakdown "Môi trường xâm
    /// hại" of Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0101.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub environment: Field<String>,
    /// The people who abused the child, one entry each: what the breakdowns of Thông tư
    /// 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111 need (relation, sex, age).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub offenders: Field<Vec<Field<OffenderDraft>>>,
    /// The protection level applied (catalog `protection_levels`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub protection_level: Field<String>,
    /// The child needs emergency protection (Nghị định 56/2017/NĐ-CP, Điều 31 khoản 1): the
    /// 12-hour limit applies and the working-day limits of Điều 28 do not.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub emergency: Field<bool>,
    /// When each step was completed (catalog `case_steps`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub steps: Field<StepsDraft>,
    /// The temporary separation from parents or caregivers (Điều 32), when decided.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub separation: Field<SeparationDraft>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// A person who abused the child (Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111:
/// "đối tượng xâm hại trẻ em", by "Giới tính; Nhóm tuổi; Nghề nghiệp"). Occupation is not
/// recorded: that breakdown stays with the caller.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct OffenderDraft {
    /// The offender's relation to the child (catalog `offender_relations`: the four groups of
    /// mã 0108–0111).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub relation: Field<String>,
    /// The offender's sex (`male`, `female`, `nam`, `nữ`; catalog `sexes`).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sex: Field<String>,
    /// The offender's age in completed years when the abuse happened (0–150).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub age: Field<i64>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// The completion of each step; a step not done is absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
#[allow(missing_docs)]
pub struct StepsDraft {
    /// Điều 25, Mẫu số 01.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub intake: Field<StepDraft>,
    /// Điều 26, Mẫu số 02.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub initial_assessment: Field<StepDraft>,
    /// Điều 26 khoản 3, Điều 31.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub emergency_intervention: Field<StepDraft>,
    /// Điều 32, Mẫu số 07.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub temporary_separation: Field<StepDraft>,
    /// Điều 27, Mẫu số 03.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub detailed_assessment: Field<StepDraft>,
    /// Điều 28 khoản 1, Mẫu số 04.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub support_plan: Field<StepDraft>,
    /// Điều 28 khoản 4, Mẫu số 05.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub plan_approval: Field<StepDraft>,
    /// Điều 29.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub implementation: Field<StepDraft>,
    /// Điều 30, Mẫu số 06.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub review: Field<StepDraft>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// The completion of one step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct StepDraft {
    /// When the step was completed (date and time, or a date).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub done_at: Field<String>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

/// A temporary separation (Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct SeparationDraft {
    /// First day of the separation.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub start: Field<String>,
    /// Last day of the separation (absent while it lasts).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub end: Field<String>,
    /// A competent authority required the separation to continue beyond 15 days.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub extended_by_authority: Field<bool>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: Unknown,
}

impl StepsDraft {
    /// The member of `step`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::case::{catalog::Step, StepsDraft};
    /// let steps: StepsDraft =
    ///     serde_json::from_value(serde_json::json!({"intake": {"done_at": "2026-11-28"}})).unwrap();
    /// assert!(steps.get(Step::Intake).value().is_some());
    /// assert!(steps.get(Step::Review).value().is_none());
    /// ```
    pub fn get(&self, step: super::catalog::Step) -> &Field<StepDraft> {
        use super::catalog::Step;
        match step {
            Step::Intake => &self.intake,
            Step::InitialAssessment => &self.initial_assessment,
            Step::EmergencyIntervention => &self.emergency_intervention,
            Step::TemporarySeparation => &self.temporary_separation,
            Step::DetailedAssessment => &self.detailed_assessment,
            Step::SupportPlan => &self.support_plan,
            Step::PlanApproval => &self.plan_approval,
            Step::Implementation => &self.implementation,
            Step::Review => &self.review,
        }
    }

    /// The member of `step`, mutably.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::case::{catalog::Step, StepsDraft};
    /// let mut steps = StepsDraft::default();
    /// assert!(steps.get_mut(Step::Review).value().is_none());
    /// ```
    pub fn get_mut(&mut self, step: super::catalog::Step) -> &mut Field<StepDraft> {
        use super::catalog::Step;
        match step {
            Step::Intake => &mut self.intake,
            Step::InitialAssessment => &mut self.initial_assessment,
            Step::EmergencyIntervention => &mut self.emergency_intervention,
            Step::TemporarySeparation => &mut self.temporary_separation,
            Step::DetailedAssessment => &mut self.detailed_assessment,
            Step::SupportPlan => &mut self.support_plan,
            Step::PlanApproval => &mut self.plan_approval,
            Step::Implementation => &mut self.implementation,
            Step::Review => &mut self.review,
        }
    }
}
