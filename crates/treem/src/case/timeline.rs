//! What the deadline view ([`super::deadlines`](mod@super::deadlines)) reads of a case: the
//! moments and flags of Nghị định 56/2017/NĐ-CP, Điều 25–32, already typed. Built from a
//! checked [`Case`] without reading any text again, or leniently from a [`CaseDraft`] (a
//! form being typed: a value that does not parse counts as absent).

use super::catalog::Step;
use super::draft::CaseDraft;
use super::moment::{self, Moment};
use super::record::Case;
use crate::json::Field;
use crate::report::{IssueSink, Location};

/// The members the deadlines are counted from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Timeline {
    /// When the information was received (Điều 25): the 12-hour limits run from it.
    pub(crate) reported_at: Option<Moment>,
    /// The child needs emergency protection (Điều 31 khoản 1).
    pub(crate) emergency: bool,
    /// The case records a separation or its decision (Điều 32).
    pub(crate) separated: bool,
    /// When each step was done, in the order of [`Step`].
    done: [Option<Moment>; 9],
    /// First day of the separation.
    pub(crate) separation_start: Option<Moment>,
    /// Last day of the separation.
    pub(crate) separation_end: Option<Moment>,
    /// A competent authority required the separation to continue (Điều 32 khoản 3).
    pub(crate) extended_by_authority: bool,
}

/// The place of `step` in [`Timeline::done`].
fn slot(step: Step) -> usize {
    match step {
        Step::Intake => 0,
        Step::InitialAssessment => 1,
        Step::EmergencyIntervention => 2,
        Step::TemporarySeparation => 3,
        Step::DetailedAssessment => 4,
        Step::SupportPlan => 5,
        Step::PlanApproval => 6,
        Step::Implementation => 7,
        Step::Review => 8,
    }
}

/// A moment as typed, `None` when it does not parse (the rules report it).
fn lenient(field: &Field<String>) -> Option<Moment> {
    let mut scratch = IssueSink::new(crate::Lang::Vi);
    moment::parse(field.value()?, &Location::root(), &mut scratch)
}

impl Timeline {
    /// When `step` was done.
    pub(crate) fn done_at(&self, step: Step) -> Option<Moment> {
        self.done.get(slot(step)).copied().flatten()
    }

    /// Records when `step` was done.
    pub(crate) fn set_done(&mut self, step: Step, at: Option<Moment>) {
        if let Some(done) = self.done.get_mut(slot(step)) {
            *done = at;
        }
    }

    /// The timeline of a checked case: its moments as they were read.
    pub(crate) fn of(case: &Case) -> Timeline {
        let mut timeline = Timeline {
            reported_at: case.reported_at,
            emergency: case.emergency.unwrap_or(false),
            separated: case.separation.is_some()
                || case
                    .steps
                    .as_ref()
                    .is_some_and(|s| s.temporary_separation.is_some()),
            done: [None; 9],
            separation_start: case.separation.as_ref().and_then(|s| s.start),
            separation_end: case.separation.as_ref().and_then(|s| s.end),
            extended_by_authority: case
                .separation
                .as_ref()
                .and_then(|s| s.extended_by_authority)
                .unwrap_or(false),
        };
        if let Some(steps) = &case.steps {
            for def in super::catalog::CASE_STEPS {
                timeline.set_done(def.step, steps.get(def.step).and_then(|d| d.done_at));
            }
        }
        timeline
    }

    /// The flags of a draft (a member of another type counts as absent; a separation step of
    /// any type counts as recorded), without its moments: the rules fill them in as they read
    /// them.
    pub(crate) fn flags_of(case: &CaseDraft) -> Timeline {
        let separation = case.separation.value();
        Timeline {
            emergency: case.emergency.value().copied().unwrap_or(false),
            separated: separation.is_some()
                || case
                    .steps
                    .value()
                    .is_some_and(|s| !s.temporary_separation.is_missing()),
            extended_by_authority: separation
                .and_then(|s| s.extended_by_authority.value().copied())
                .unwrap_or(false),
            ..Timeline::default()
        }
    }

    /// The timeline of a draft, read leniently: [`Timeline::flags_of`], and each moment that
    /// parses (one that does not counts as absent).
    pub(crate) fn of_draft(case: &CaseDraft) -> Timeline {
        let separation = case.separation.value();
        let mut timeline = Timeline {
            reported_at: lenient(&case.reported_at),
            separation_start: separation.and_then(|s| lenient(&s.start)),
            separation_end: separation.and_then(|s| lenient(&s.end)),
            ..Timeline::flags_of(case)
        };
        if let Some(steps) = case.steps.value() {
            for def in super::catalog::CASE_STEPS {
                let done = steps
                    .get(def.step)
                    .value()
                    .and_then(|s| lenient(&s.done_at));
                timeline.set_done(def.step, done);
            }
        }
        timeline
    }
}
