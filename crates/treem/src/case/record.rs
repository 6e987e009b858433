//! The checked protection case ([`Case`]): a [`CaseDraft`] that passed every case rule, read
//! into domain values (see [`crate::record`]).

use serde::Serialize;

use super::catalog::{ABUSE_FORMS, ENVIRONMENTS, INJURY_TYPES, OFFENDER_RELATIONS};
use super::draft::{CaseDraft, OffenderDraft, SeparationDraft, StepDraft, StepsDraft};
use super::moment::Moment;
use crate::child::catalog::PROTECTION_LEVELS;
use crate::context::Context;
use crate::record::{self, canonical, Checked, Coded, Record, Unknown, Unread};
use crate::report::{IssueSink, Location, Report};
use crate::vn::sex::Sex;

/// A protection case that passed the case rules (Nghị định 56/2017/NĐ-CP, Điều 25–32;
/// Thông tư 13/2021/TT-BLĐTBXH; see [`crate::case`]). Moments are read as
/// [`Moment`]s (a date and time, or a date alone) and coded members as entries of their
/// catalogs; a member the input did not give (or gave as `null` or blank) is `None`.
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "child_id": "HP-000123", "reported_at": "28/11/2026 08:30",
///     "abuse_forms": ["bạo lực"], "steps": {"intake": {"done_at": "2026-11-28 09:00"}},
/// });
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// let case = treem::case::Case::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(case.reported_at.map(|m| m.has_time), Some(true));
/// assert_eq!(case.abuse_forms[0].code(), "violence");
/// let json = serde_json::to_value(&case).unwrap();
/// assert_eq!(json["reported_at"], "2026-11-28T08:30");
/// assert_eq!(json["steps"]["intake"]["done_at"], "2026-11-28T09:00");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Case {
    /// The case's identifier in the caller's system, whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The `id` of the child record the case is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_id: Option<String>,
    /// When the information was received (Điều 25), not after `as_of`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub reported_at: Option<Moment>,
    /// When the incident happened.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub incident_date: Option<Moment>,
    /// Forms of abuse (catalog `abuse_forms`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub abuse_forms: Vec<Coded>,
    /// Accidents and injuries (catalog `injury_types`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub injuries: Vec<Coded>,
    /// Where the abuse happened (catalog `case_environments`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Coded>,
    /// The people who abused the child.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offenders: Vec<Offender>,
    /// The protection level applied (catalog `protection_levels`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection_level: Option<Coded>,
    /// The child needs emergency protection (Điều 31 khoản 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emergency: Option<bool>,
    /// When each step was completed, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Steps>,
    /// The temporary separation (Điều 32), when decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub separation: Option<Separation>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A person who abused the child (Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Offender {
    /// The relation to the child (catalog `offender_relations`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Coded>,
    /// The offender's sex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Age in completed years when the abuse happened (0–150).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The completion of each step of Nghị định 56/2017/NĐ-CP (catalog `case_steps`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
#[allow(missing_docs)]
pub struct Steps {
    /// Điều 25, Mẫu số 01.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intake: Option<StepDone>,
    /// Điều 26, Mẫu số 02.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_assessment: Option<StepDone>,
    /// Điều 26 khoản 3, Điều 31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emergency_intervention: Option<StepDone>,
    /// Điều 32, Mẫu số 07.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temporary_separation: Option<StepDone>,
    /// Điều 27, Mẫu số 03.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detailed_assessment: Option<StepDone>,
    /// Điều 28 khoản 1, Mẫu số 04.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_plan: Option<StepDone>,
    /// Điều 28 khoản 4, Mẫu số 05.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_approval: Option<StepDone>,
    /// Điều 29.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementation: Option<StepDone>,
    /// Điều 30, Mẫu số 06.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<StepDone>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The completion of one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StepDone {
    /// When the step was completed (in order after the steps before it).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub done_at: Option<Moment>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A temporary separation (Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Separation {
    /// First day of the separation.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub start: Option<Moment>,
    /// Last day of the separation (`None` while it lasts).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub end: Option<Moment>,
    /// A competent authority required the separation to continue beyond 15 days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_by_authority: Option<bool>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl record::sealed::Sealed for Case {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<Case>, Report> {
        record::check_finishing(value, ctx, |draft: &mut CaseDraft, _| {
            let log = &mut crate::normalize::ChangeLog::discarding();
            super::normalize_members(draft, super::Moments::AsWritten, log);
            Case::read(draft)
        })
    }
}

impl Record for Case {
    const KIND: &'static str = "case";
}

/// A moment member, read from the text the rules accepted (any spelling of
/// [`super::moment::parse`]: the record serialises it in canonical form).
fn moment(field: &crate::json::Field<String>, at: &Location<'_>) -> Result<Option<Moment>, Unread> {
    record::parsed(field, at, |text| {
        super::moment::parse(text, at, &mut IssueSink::new(crate::Lang::En))
    })
}

impl Case {
    fn read(draft: &CaseDraft) -> Result<Case, Unread> {
        let root = Location::root();
        let at = |key| root.key(key);
        let codes = |field, key, list| {
            record::list(field, &at(key), |text: &String, here| {
                record::code_of(text, here, list)
            })
        };
        Ok(Case {
            id: record::owned(&draft.id, &at("id"))?,
            child_id: record::owned(&draft.child_id, &at("child_id"))?,
            reported_at: moment(&draft.reported_at, &at("reported_at"))?,
            incident_date: moment(&draft.incident_date, &at("incident_date"))?,
            abuse_forms: codes(&draft.abuse_forms, "abuse_forms", ABUSE_FORMS)?,
            injuries: codes(&draft.injuries, "injuries", INJURY_TYPES)?,
            environment: record::coded(&draft.environment, &at("environment"), ENVIRONMENTS)?,
            offenders: record::list(&draft.offenders, &at("offenders"), |o, here| {
                Offender::read(o, here).map(Some)
            })?,
            protection_level: record::coded(
                &draft.protection_level,
                &at("protection_level"),
                PROTECTION_LEVELS,
            )?,
            emergency: record::plain(&draft.emergency, &at("emergency"))?,
            steps: record::object(&draft.steps, &at("steps"), Steps::read)?,
            separation: record::object(&draft.separation, &at("separation"), Separation::read)?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Offender {
    fn read(draft: &OffenderDraft, at: &Location<'_>) -> Result<Offender, Unread> {
        let age_at = at.key("age");
        let age = match record::plain(&draft.age, &age_at)? {
            Some(age) => Some(u8::try_from(age).map_err(|_| Unread::at(&age_at))?),
            None => None,
        };
        Ok(Offender {
            relation: record::coded(&draft.relation, &at.key("relation"), OFFENDER_RELATIONS)?,
            sex: record::parsed(&draft.sex, &at.key("sex"), Sex::parse)?,
            age,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Steps {
    fn read(draft: &StepsDraft, at: &Location<'_>) -> Result<Steps, Unread> {
        let step = |field, key| record::object(field, &at.key(key), StepDone::read);
        Ok(Steps {
            intake: step(&draft.intake, "intake")?,
            initial_assessment: step(&draft.initial_assessment, "initial_assessment")?,
            emergency_intervention: step(&draft.emergency_intervention, "emergency_intervention")?,
            temporary_separation: step(&draft.temporary_separation, "temporary_separation")?,
            detailed_assessment: step(&draft.detailed_assessment, "detailed_assessment")?,
            support_plan: step(&draft.support_plan, "support_plan")?,
            plan_approval: step(&draft.plan_approval, "plan_approval")?,
            implementation: step(&draft.implementation, "implementation")?,
            review: step(&draft.review, "review")?,
            unknown: draft.unknown.clone(),
        })
    }

    /// The completion of `step`, when recorded.
    pub(crate) fn get(&self, step: super::catalog::Step) -> Option<&StepDone> {
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
        .as_ref()
    }
}

impl StepDone {
    fn read(draft: &StepDraft, at: &Location<'_>) -> Result<StepDone, Unread> {
        Ok(StepDone {
            done_at: moment(&draft.done_at, &at.key("done_at"))?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Separation {
    fn read(draft: &SeparationDraft, at: &Location<'_>) -> Result<Separation, Unread> {
        Ok(Separation {
            start: moment(&draft.start, &at.key("start"))?,
            end: moment(&draft.end, &at.key("end"))?,
            extended_by_authority: record::plain(
                &draft.extended_by_authority,
                &at.key("extended_by_authority"),
            )?,
            unknown: draft.unknown.clone(),
        })
    }
}
