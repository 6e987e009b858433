//! What the feeders read from checked records: the few facts the indicators need, extracted
//! once so the counting rules ([`super::rules`]) are plain functions of plain data.

use chrono::NaiveDate;

use crate::case::CaseDraft;
use crate::child::catalog::{special_circumstance, DISABILITY_TYPES, PROTECTION_LEVELS};
use crate::child::ChildDraft;
use crate::context::Edition;
use crate::report::{IssueSink, Location};

/// One group of special circumstances the child is in at `as_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFact {
    /// The group's code (`orphan_both_parents`, ...; catalog `special_circumstances`).
    pub group: &'static str,
    /// The sub-category (khoản of the Nghị định 56/2017/NĐ-CP article), when given.
    pub sub_category: Option<i64>,
}

/// Schooling as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolingFact {
    /// The level code (catalog `school_levels`).
    pub level: &'static str,
    /// The first year of the recorded school year, when given.
    pub school_year: Option<i32>,
}

/// The facts of a child record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildFacts {
    /// The record's `id` (cases refer to it).
    pub id: Option<String>,
    /// `male`, `female`, or `None`.
    pub sex: Option<&'static str>,
    /// Date of birth.
    pub birth: Option<NaiveDate>,
    /// Ethnic group code (`01`, ..., `foreign`, `unknown`), when recognised.
    pub ethnic_group: Option<&'static str>,
    /// The residence's province and commune codes and their edition.
    pub residence: (Option<String>, Option<String>, Option<Edition>),
    /// Groups of special circumstances identified on or before `as_of`.
    pub groups: Vec<GroupFact>,
    /// Types of disability (codes of `disability_types`).
    pub disability_types: Vec<&'static str>,
    /// Receives monthly social assistance at `as_of` (Nghị định 20/2021/NĐ-CP, Điều 5).
    pub social_assistance: bool,
    /// The protection level (`prevention`, `support`, `intervention`).
    pub protection_level: Option<&'static str>,
    /// Schooling.
    pub schooling: Option<SchoolingFact>,
    /// Birth registration as recorded: `Some(true)` when `birth_registered` is true, or when
    /// it is absent and a `birth_registration_date` is given; `Some(false)` when it is false;
    /// `None` when the record does not say.
    pub birth_registered: Option<bool>,
    /// The day the birth was registered, when recorded.
    pub birth_registration_date: Option<NaiveDate>,
}

fn date(text: Option<&String>) -> Option<NaiveDate> {
    let text = text?;
    if text.trim().is_empty() {
        return None;
    }
    let mut scratch = IssueSink::new(crate::Lang::En);
    crate::vn::date::parse(text, &Location::root(), &mut scratch).map(|p| p.date)
}

fn on_or_before(d: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    d.is_none_or(|d| d <= as_of)
}

impl ChildFacts {
    /// Extracts the facts of a draft that passed its checks.
    pub fn of(draft: &ChildDraft, as_of: NaiveDate) -> ChildFacts {
        let residence = draft.residence.value();
        let edition = residence
            .and_then(|r| r.edition.value())
            .and_then(|e| Edition::parse(e).ok());
        let groups = draft
            .special_circumstances
            .value()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|f| f.value())
                    .filter(|c| on_or_before(date(c.identified_on.value()), as_of))
                    .filter_map(|c| {
                        let g = special_circumstance(c.group.value()?)?;
                        Some(GroupFact {
                            group: g.entry.code,
                            sub_category: c.sub_category.value().copied(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let disability_types = draft
            .disability
            .value()
            .and_then(|d| d.types.value())
            .map(|types| {
                let mut out: Vec<&'static str> = types
                    .iter()
                    .filter_map(|t| crate::code_list::lookup(DISABILITY_TYPES, t.value()?))
                    .map(|e| e.code)
                    .collect();
                crate::sorting::sort(&mut out);
                out.dedup();
                out
            })
            .unwrap_or_default();
        let social_assistance = draft.social_assistance.value().is_some_and(|a| {
            a.category.value().is_some_and(|c| !c.trim().is_empty())
                && on_or_before(date(a.since.value()), as_of)
        });
        let schooling = draft.schooling.value().and_then(|s| {
            Some(SchoolingFact {
                level: crate::school::types::Level::parse(s.level.value()?)?.code(),
                school_year: s
                    .school_year
                    .value()
                    .and_then(|y| crate::child::schooling::school_year_start(y)),
            })
        });
        let birth_registration_date = date(draft.birth_registration_date.value());
        let birth_registered = match draft.birth_registered.value() {
            Some(flag) => Some(*flag),
            None => birth_registration_date.map(|_| true),
        };
        ChildFacts {
            id: draft
                .id
                .value()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
            sex: draft
                .sex
                .value()
                .and_then(|s| crate::child::Sex::parse(s))
                .map(crate::child::Sex::code),
            birth: date(draft.date_of_birth.value()),
            ethnic_group: draft
                .ethnic_group
                .value()
                .and_then(|e| crate::vn::ethnic::lookup(e))
                .map(|g| g.code),
            residence: (
                residence.and_then(|r| r.province_code.value().cloned()),
                residence.and_then(|r| r.commune_code.value().cloned()),
                edition,
            ),
            groups,
            disability_types,
            social_assistance,
            protection_level: draft
                .protection_level
                .value()
                .and_then(|p| crate::code_list::lookup(PROTECTION_LEVELS, p))
                .map(|e| e.code),
            schooling,
            birth_registered,
            birth_registration_date,
        }
    }

    /// True when the child is in `group` at `as_of`.
    pub fn in_group(&self, group: &str) -> bool {
        self.groups.iter().any(|g| g.group == group)
    }

    /// The sub-categories recorded for `group`.
    pub fn sub_categories(&self, group: &str) -> Vec<String> {
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
pub struct OffenderFact {
    /// The relation to the child (codes of `offender_relations`).
    pub relation: Option<&'static str>,
    /// `male`, `female`, or `None`.
    pub sex: Option<&'static str>,
    /// Age in completed years when the abuse happened.
    pub age: Option<u32>,
}

/// The facts of a protection case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    /// The `child_id`.
    pub child_id: Option<String>,
    /// The date the case counts on: the incident date, else the day the report was received.
    pub date: Option<NaiveDate>,
    /// Forms of abuse (codes of `abuse_forms`).
    pub abuse_forms: Vec<&'static str>,
    /// True when the case records an accident or injury.
    pub injured: bool,
    /// Where the abuse happened (codes of `case_environments`).
    pub environment: Option<&'static str>,
    /// The offenders recorded.
    pub offenders: Vec<OffenderFact>,
    /// The day the support and intervention plan was being carried out (Nghị định
    /// 56/2017/NĐ-CP, Điều 29: step `implementation` done), when recorded.
    pub support_implemented: Option<NaiveDate>,
}

impl CaseFacts {
    /// Extracts the facts of a draft that passed its checks.
    pub fn of(draft: &CaseDraft) -> CaseFacts {
        let day = |field: &crate::json::Field<String>| {
            // Moments are `2026-11-28T08:30` or a date; the date is the first ten characters
            // of the normalised form, so read through the moment parser.
            let text = field.value()?;
            let mut scratch = IssueSink::new(crate::Lang::En);
            crate::case::moment::parse(text, &Location::root(), &mut scratch).map(|m| m.at.date())
        };
        let codes = |field: &crate::json::Field<Vec<crate::json::Field<String>>>,
                     list: &'static [crate::code_list::Entry]| {
            let mut out: Vec<&'static str> = field
                .value()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| crate::code_list::lookup(list, i.value()?))
                        .map(|e| e.code)
                        .collect()
                })
                .unwrap_or_default();
            crate::sorting::sort(&mut out);
            out.dedup();
            out
        };
        CaseFacts {
            child_id: draft
                .child_id
                .value()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
            date: day(&draft.incident_date).or_else(|| day(&draft.reported_at)),
            abuse_forms: codes(&draft.abuse_forms, crate::case::catalog::ABUSE_FORMS),
            injured: !codes(&draft.injuries, crate::case::catalog::INJURY_TYPES).is_empty(),
            environment: draft
                .environment
                .value()
                .and_then(|e| crate::code_list::lookup(crate::case::catalog::ENVIRONMENTS, e))
                .map(|e| e.code),
            offenders: draft
                .offenders
                .value()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|f| f.value())
                        .map(|o| OffenderFact {
                            relation: o
                                .relation
                                .value()
                                .and_then(|r| {
                                    crate::code_list::lookup(
                                        crate::case::catalog::OFFENDER_RELATIONS,
                                        r,
                                    )
                                })
                                .map(|e| e.code),
                            sex: o
                                .sex
                                .value()
                                .and_then(|s| crate::vn::sex::Sex::parse(s))
                                .map(crate::vn::sex::Sex::code),
                            age: o.age.value().and_then(|a| u32::try_from(*a).ok()),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            support_implemented: draft
                .steps
                .value()
                .and_then(|s| s.implementation.value())
                .and_then(|s| day(&s.done_at)),
        }
    }
}
