//! What the feeders read from checked records ([`crate::record`]): the few facts the indicators need, extracted
//! once so the counting rules ([`super::rules`]) are plain functions of plain data.

use chrono::NaiveDate;

use crate::case::Case;
use crate::child::Child;
use crate::context::Edition;
use crate::record::{AdminUnit, Coded};

/// One group of special circumstances the child is in at `as_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupFact {
    /// The group's code (`orphan_both_parents`, ...; catalog `special_circumstances`).
    pub(crate) group: &'static str,
    /// The sub-category (khoản of the Nghị định 56/2017/NĐ-CP article), when given.
    pub(crate) sub_category: Option<i64>,
}

/// Schooling as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchoolingFact {
    /// The level code (catalog `school_levels`).
    pub(crate) level: &'static str,
    /// The first year of the recorded school year, when given.
    pub(crate) school_year: Option<i32>,
}

/// The facts of a child record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChildFacts {
    /// The record's `id` (cases refer to it).
    pub(crate) id: Option<String>,
    /// `male`, `female`, or `None`.
    pub(crate) sex: Option<&'static str>,
    /// Date of birth.
    pub(crate) birth: Option<NaiveDate>,
    /// Ethnic group code (`01`, ..., `foreign`, `unknown`), when recognised.
    pub(crate) ethnic_group: Option<&'static str>,
    /// The residence's province and commune codes and their edition.
    pub(crate) residence: (Option<String>, Option<String>, Option<Edition>),
    /// Groups of special circumstances identified on or before `as_of`.
    pub(crate) groups: Vec<GroupFact>,
    /// Types of disability (codes of `disability_types`).
    pub(crate) disability_types: Vec<&'static str>,
    /// Receives monthly social assistance at `as_of` (Nghị định 20/2021/NĐ-CP, Điều 5).
    pub(crate) social_assistance: bool,
    /// The protection level (`prevention`, `support`, `intervention`).
    pub(crate) protection_level: Option<&'static str>,
    /// Schooling.
    pub(crate) schooling: Option<SchoolingFact>,
    /// Birth registration as recorded: `Some(true)` when `birth_registered` is true, or when
    /// it is absent and a `birth_registration_date` is given; `Some(false)` when it is false;
    /// `None` when the record does not say.
    pub(crate) birth_registered: Option<bool>,
    /// The day the birth was registered, when recorded.
    pub(crate) birth_registration_date: Option<NaiveDate>,
}

fn on_or_before(d: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    d.is_none_or(|d| d <= as_of)
}

impl ChildFacts {
    /// Extracts the facts of a checked child record.
    pub(crate) fn of(child: &Child, as_of: NaiveDate) -> ChildFacts {
        let residence = child.residence.as_ref();
        let unit = |pick: fn(&crate::child::Residence) -> Option<&AdminUnit>| {
            residence.and_then(pick).map(|u| u.code().to_owned())
        };
        let groups = child
            .special_circumstances
            .iter()
            .filter(|c| on_or_before(c.identified_on, as_of))
            .filter_map(|c| {
                Some(GroupFact {
                    group: c.group?.entry.code,
                    sub_category: c.sub_category,
                })
            })
            .collect();
        let disability_types = child
            .disability
            .as_ref()
            .map(|d| {
                let mut out: Vec<&'static str> = d.types.iter().map(|t| t.code()).collect();
                crate::sorting::sort(&mut out);
                out.dedup();
                out
            })
            .unwrap_or_default();
        let social_assistance = child
            .social_assistance
            .as_ref()
            .is_some_and(|a| a.category.is_some() && on_or_before(a.since, as_of));
        let schooling = child.schooling.as_ref().and_then(|s| {
            Some(SchoolingFact {
                level: s.level?.code(),
                school_year: s.school_year.map(crate::child::SchoolYear::start),
            })
        });
        let birth_registered = match child.birth_registered {
            Some(flag) => Some(flag),
            None => child.birth_registration_date.map(|_| true),
        };
        ChildFacts {
            id: child.id.clone(),
            sex: child.sex.map(crate::child::Sex::code),
            birth: child.date_of_birth,
            ethnic_group: child.ethnic_group.map(|g| g.code),
            residence: (
                unit(|r| r.province.as_ref()),
                unit(|r| r.commune.as_ref()),
                residence.and_then(|r| r.edition),
            ),
            groups,
            disability_types,
            social_assistance,
            protection_level: child.protection_level.map(Coded::code),
            schooling,
            birth_registered,
            birth_registration_date: child.birth_registration_date,
        }
    }

    /// True when the child is in `group` at `as_of`.
    pub(crate) fn in_group(&self, group: &str) -> bool {
        self.groups.iter().any(|g| g.group == group)
    }

    /// The sub-categories recorded for `group`.
    pub(crate) fn sub_categories(&self, group: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .groups
            .iter()
            .filter(|g| g.group == group)
            .filter_map(|g| g.sub_category)
            .map(|n| format!("sub_category_{n}"))
            .collect();
        crate::sorting::sort(&mut out);
        out.dedup();
        out
    }
}

/// One offender of a case (Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OffenderFact {
    /// The relation to the child (codes of `offender_relations`).
    pub(crate) relation: Option<&'static str>,
    /// `male`, `female`, or `None`.
    pub(crate) sex: Option<&'static str>,
    /// Age in completed years when the abuse happened.
    pub(crate) age: Option<u32>,
}

/// The facts of a protection case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaseFacts {
    /// The `child_id`.
    pub(crate) child_id: Option<String>,
    /// The date the case counts on: the incident date, else the day the report was received.
    pub(crate) date: Option<NaiveDate>,
    /// Forms of abuse (codes of `abuse_forms`).
    pub(crate) abuse_forms: Vec<&'static str>,
    /// True when the case records an accident or injury.
    pub(crate) injured: bool,
    /// Where the abuse happened (codes of `case_environments`).
    pub(crate) environment: Option<&'static str>,
    /// The offenders recorded.
    pub(crate) offenders: Vec<OffenderFact>,
    /// The day the support and intervention plan was being carried out (Nghị định
    /// 56/2017/NĐ-CP, Điều 29: step `implementation` done), when recorded.
    pub(crate) support_implemented: Option<NaiveDate>,
}

impl CaseFacts {
    /// Extracts the facts of a checked case.
    pub(crate) fn of(case: &Case) -> CaseFacts {
        let day = |moment: Option<crate::case::moment::Moment>| moment.map(|m| m.at.date());
        let codes = |items: &[Coded]| {
            let mut out: Vec<&'static str> = items.iter().map(|c| c.code()).collect();
            crate::sorting::sort(&mut out);
            out.dedup();
            out
        };
        CaseFacts {
            child_id: case.child_id.clone(),
            date: day(case.incident_date).or_else(|| day(case.reported_at)),
            abuse_forms: codes(&case.abuse_forms),
            injured: !case.injuries.is_empty(),
            environment: case.environment.map(Coded::code),
            offenders: case
                .offenders
                .iter()
                .map(|o| OffenderFact {
                    relation: o.relation.map(Coded::code),
                    sex: o.sex.map(crate::vn::sex::Sex::code),
                    age: o.age.map(u32::from),
                })
                .collect(),
            support_implemented: case
                .steps
                .as_ref()
                .and_then(|s| s.implementation.as_ref())
                .and_then(|s| day(s.done_at)),
        }
    }
}
