//! The checked child record ([`Child`]): a [`ChildDraft`] that passed every child rule, read
//! into domain values (see [`crate::record`]).

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::catalog::{
    self, Group, DISABILITY_LEVELS, DISABILITY_TYPES, PERSON_STATUSES, PROTECTION_LEVELS,
    RELATIONSHIPS, SOCIAL_ASSISTANCE_CATEGORIES,
};
use super::draft::{
    AssistanceDraft, ChildDraft, CircumstanceDraft, DisabilityDraft, GuardianDraft, ResidenceDraft,
    SchoolingDraft,
};
use super::normalize::Members;
use crate::context::{Context, Edition};
use crate::record::{self, canonical, AdminUnit, Checked, Coded, Record, Unknown, Unread};
use crate::report::{IssueSink, Location, Report};
use crate::school::types::Level;
use crate::vn::ethnic::EthnicGroup;
use crate::vn::personal_id::PersonalId;
use crate::vn::phone::Phone;
use crate::vn::sex::Sex;

/// A child record that passed the child rules (Luật Trẻ em 2016, Nghị định 56/2017/NĐ-CP,
/// ...; see [`crate::child`]). Its members are the draft's, read as domain values from the
/// normalised draft; a member the input did not give (or gave as `null` or blank) is `None`.
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "full_name": "nguyễn thị hoa", "date_of_birth": "20/05/2016", "sex": "nữ",
///     "ethnic_group": "Kinh", "guardians": [{"relationship": "mẹ", "phone": "+84 912 345 678"}],
///     "special_circumstances": [{"group": "c", "sub_category": 2}],
/// });
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// let child = treem::child::Child::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(child.date_of_birth, chrono::NaiveDate::from_ymd_opt(2016, 5, 20));
/// assert_eq!(child.ethnic_group.map(|g| g.name), Some("Kinh"));
/// assert_eq!(child.guardians[0].phone.as_ref().map(|p| p.national.as_str()), Some("0912345678"));
/// assert_eq!(child.special_circumstances[0].group.map(|g| g.letter), Some("c"));
/// // Back to the canonical JSON that `normalize` writes.
/// let json = serde_json::to_value(&child).unwrap();
/// assert_eq!(json["date_of_birth"], "2016-05-20");
/// assert_eq!(json["guardians"][0]["relationship"], "mother");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Child {
    /// The record's identifier in the caller's system, whitespace collapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Họ và tên: Unicode NFC, Vietnamese title case ([`crate::vn::name::normalize`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Ngày sinh: not after `as_of`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub date_of_birth: Option<NaiveDate>,
    /// Giới tính.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Dân tộc: one of the 54 groups (or foreign, unknown) of [`crate::vn::ethnic`].
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub ethnic_group: Option<&'static EthnicGroup>,
    /// Số định danh cá nhân, consistent with the date of birth and sex.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub personal_id: Option<PersonalId>,
    /// Whether the birth has been registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_registered: Option<bool>,
    /// Date of the birth registration.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub birth_registration_date: Option<NaiveDate>,
    /// Where the child lives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence: Option<Residence>,
    /// Parents, caregivers and guardians.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guardians: Vec<Guardian>,
    /// Schooling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schooling: Option<Schooling>,
    /// Groups of special circumstances (Luật Trẻ em, Điều 10).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub special_circumstances: Vec<Circumstance>,
    /// Disability (Luật Người khuyết tật, Điều 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disability: Option<Disability>,
    /// Monthly social assistance (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub social_assistance: Option<Assistance>,
    /// The level of protection (catalog `protection_levels`; Luật Trẻ em, Điều 47).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection_level: Option<Coded>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Where the child lives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Residence {
    /// The edition the record gave (`None`: the context's edition, or the one in force at
    /// `as_of`, was used to judge the codes).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub edition: Option<Edition>,
    /// The province.
    #[serde(rename = "province_code", skip_serializing_if = "Option::is_none")]
    pub province: Option<AdminUnit>,
    /// The district (edition 2024 only).
    #[serde(rename = "district_code", skip_serializing_if = "Option::is_none")]
    pub district: Option<AdminUnit>,
    /// The commune, inside the province (and district).
    #[serde(rename = "commune_code", skip_serializing_if = "Option::is_none")]
    pub commune: Option<AdminUnit>,
    /// Street address, village, hamlet (free text, whitespace collapsed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A parent, caregiver or guardian.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Guardian {
    /// Họ và tên (NFC, title case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Relationship to the child (catalog `relationships`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Coded>,
    /// Living, deceased or declared missing (catalog `person_statuses`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Coded>,
    /// Phone number ([`crate::vn::phone`]); serialises as its national form.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub phone: Option<Phone>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Where and in what grade the child studies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Schooling {
    /// The school's code in the education database (not checked against a list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_code: Option<String>,
    /// School level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Grade (lớp).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<i64>,
    /// The school year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_year: Option<SchoolYear>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A school year (năm học), from September of `start` to the summer of `start + 1`.
/// Serialises as `2025-2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    start: i32,
}

impl SchoolYear {
    /// The calendar year the school year starts in.
    ///
    /// # Examples
    /// ```
    /// use treem::record::Record;
    /// let input = serde_json::json!({"schooling": {"school_year": "2025 - 2026"}});
    /// let child = treem::child::Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// assert_eq!(child.schooling.and_then(|s| s.school_year).map(|y| y.start()), Some(2025));
    /// ```
    pub fn start(self) -> i32 {
        self.start
    }
}

impl Serialize for SchoolYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!(
            "{}-{}",
            self.start,
            self.start.saturating_add(1)
        ))
    }
}

/// One group of special circumstances the child was identified in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Circumstance {
    /// The group (catalog `special_circumstances`, Luật Trẻ em Điều 10 khoản 1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "group_code")]
    pub group: Option<&'static Group>,
    /// The sub-category: the khoản of the group's Nghị định 56/2017/NĐ-CP article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_category: Option<i64>,
    /// The date the child was identified in the group.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub identified_on: Option<NaiveDate>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn group_code<S: Serializer>(group: &Option<&'static Group>, s: S) -> Result<S::Ok, S::Error> {
    match group {
        Some(group) => s.serialize_str(group.entry.code),
        None => s.serialize_none(),
    }
}

/// The child's disability.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Disability {
    /// Types of disability (catalog `disability_types`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<Coded>,
    /// Level of disability (catalog `disability_levels`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Coded>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Monthly social assistance received.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assistance {
    /// Category (catalog `social_assistance_categories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Coded>,
    /// The date assistance started.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "canonical::opt"
    )]
    pub since: Option<NaiveDate>,
    /// The beneficiary, 16 or older, is studying (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub studying: Option<bool>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl record::sealed::Sealed for Child {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<Child>, Report> {
        record::check(value, ctx, |draft, ctx| {
            Child::read(draft, ctx, Members::All)
        })
    }
}

impl Record for Child {
    const KIND: &'static str = "child";
}

impl Child {
    /// The child the indicator feed reads: the rules on `value`, then only the members the
    /// feed reads normalised and read ([`Members::Feed`]); the name, personal ID, guardians,
    /// street address, school code and unknown members are left out. Never handed out as
    /// [`Checked`]: it is not the whole record.
    ///
    /// # Errors
    /// The report of [`Record::check`], when it holds an error.
    #[cfg(feature = "indicators")]
    pub(crate) fn check_for_feed(value: serde_json::Value, ctx: &Context) -> Result<Child, Report> {
        record::check_with(value, ctx, |draft: &mut ChildDraft, ctx| {
            super::normalize::normalize_members(
                draft,
                ctx,
                &mut crate::normalize::ChangeLog::discarding(),
                Members::Feed,
            );
            Child::read(draft, ctx, Members::Feed)
        })
        .map(|(child, _warnings)| child)
    }
}

/// A parse of a value the rules accepted; the scratch sink takes the warnings they already
/// reported.
fn quiet<T>(
    parse: impl FnOnce(&str, &mut IssueSink) -> Option<T>,
) -> impl FnOnce(&str) -> Option<T> {
    move |text| parse(text, &mut IssueSink::new(crate::Lang::En))
}

impl Child {
    /// Reads a normalised draft that passed the rules.
    /// Reads the `members` of a draft that passed the rules and had those members
    /// normalised; the others are left out (`None`, empty).
    fn read(draft: &ChildDraft, ctx: &Context, members: Members) -> Result<Child, Unread> {
        let root = Location::root();
        let at = |key| root.key(key);
        let personal = members.personal();
        Ok(Child {
            id: record::owned(&draft.id, &at("id"))?,
            full_name: if personal {
                record::owned(&draft.full_name, &at("full_name"))?
            } else {
                None
            },
            date_of_birth: record::date(&draft.date_of_birth, &at("date_of_birth"))?,
            sex: record::parsed(&draft.sex, &at("sex"), Sex::parse)?,
            ethnic_group: record::parsed(
                &draft.ethnic_group,
                &at("ethnic_group"),
                crate::vn::ethnic::lookup,
            )?,
            personal_id: if !personal {
                None
            } else {
                let here = at("personal_id");
                record::parsed(
                    &draft.personal_id,
                    &here,
                    quiet(|text, sink| crate::vn::personal_id::parse(text, &here, sink)),
                )?
            },
            birth_registered: record::plain(&draft.birth_registered, &at("birth_registered"))?,
            birth_registration_date: record::date(
                &draft.birth_registration_date,
                &at("birth_registration_date"),
            )?,
            residence: record::object(&draft.residence, &at("residence"), |r, at| {
                Residence::read(r, ctx, at, members)
            })?,
            guardians: if personal {
                record::list(&draft.guardians, &at("guardians"), |g, at| {
                    Guardian::read(g, at).map(Some)
                })?
            } else {
                Vec::new()
            },
            schooling: record::object(&draft.schooling, &at("schooling"), |s, at| {
                Schooling::read(s, at, members)
            })?,
            special_circumstances: record::list(
                &draft.special_circumstances,
                &at("special_circumstances"),
                |c, at| Circumstance::read(c, at).map(Some),
            )?,
            disability: record::object(&draft.disability, &at("disability"), Disability::read)?,
            social_assistance: record::object(
                &draft.social_assistance,
                &at("social_assistance"),
                Assistance::read,
            )?,
            protection_level: record::coded(
                &draft.protection_level,
                &at("protection_level"),
                PROTECTION_LEVELS,
            )?,
            unknown: if personal {
                draft.unknown.clone()
            } else {
                Unknown::new()
            },
        })
    }
}

impl Residence {
    fn read(
        draft: &ResidenceDraft,
        ctx: &Context,
        at: &Location<'_>,
        members: Members,
    ) -> Result<Residence, Unread> {
        let edition = record::parsed(&draft.edition, &at.key("edition"), |t| {
            Edition::parse(t).ok()
        })?;
        // The edition the rules judged the codes by (the record's, else the context's).
        let judged_by = super::residence::edition_of(draft, ctx);
        let unit = |field, key| record::admin_unit(field, &at.key(key), judged_by);
        Ok(Residence {
            edition,
            province: unit(&draft.province_code, "province_code")?,
            district: unit(&draft.district_code, "district_code")?,
            commune: unit(&draft.commune_code, "commune_code")?,
            address: if members.personal() {
                record::owned(&draft.address, &at.key("address"))?
            } else {
                None
            },
            unknown: if members.personal() {
                draft.unknown.clone()
            } else {
                Unknown::new()
            },
        })
    }
}

impl Guardian {
    fn read(draft: &GuardianDraft, at: &Location<'_>) -> Result<Guardian, Unread> {
        let phone_at = at.key("phone");
        Ok(Guardian {
            full_name: record::owned(&draft.full_name, &at.key("full_name"))?,
            relationship: record::coded(
                &draft.relationship,
                &at.key("relationship"),
                RELATIONSHIPS,
            )?,
            status: record::coded(&draft.status, &at.key("status"), PERSON_STATUSES)?,
            phone: record::parsed(
                &draft.phone,
                &phone_at,
                quiet(|text, sink| crate::vn::phone::parse(text, &phone_at, sink)),
            )?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Schooling {
    fn read(
        draft: &SchoolingDraft,
        at: &Location<'_>,
        members: Members,
    ) -> Result<Schooling, Unread> {
        Ok(Schooling {
            school_code: if members.personal() {
                record::owned(&draft.school_code, &at.key("school_code"))?
            } else {
                None
            },
            level: record::parsed(&draft.level, &at.key("level"), Level::parse)?,
            grade: record::plain(&draft.grade, &at.key("grade"))?,
            school_year: record::parsed(&draft.school_year, &at.key("school_year"), |t| {
                super::schooling::school_year_start(t).map(|start| SchoolYear { start })
            })?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Circumstance {
    fn read(draft: &CircumstanceDraft, at: &Location<'_>) -> Result<Circumstance, Unread> {
        Ok(Circumstance {
            group: record::parsed(
                &draft.group,
                &at.key("group"),
                catalog::special_circumstance,
            )?,
            sub_category: record::plain(&draft.sub_category, &at.key("sub_category"))?,
            identified_on: record::date(&draft.identified_on, &at.key("identified_on"))?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Disability {
    fn read(draft: &DisabilityDraft, at: &Location<'_>) -> Result<Disability, Unread> {
        Ok(Disability {
            types: record::list(&draft.types, &at.key("types"), |text, here| {
                record::code_of(text, here, DISABILITY_TYPES)
            })?,
            level: record::coded(&draft.level, &at.key("level"), DISABILITY_LEVELS)?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Assistance {
    fn read(draft: &AssistanceDraft, at: &Location<'_>) -> Result<Assistance, Unread> {
        Ok(Assistance {
            category: record::coded(
                &draft.category,
                &at.key("category"),
                SOCIAL_ASSISTANCE_CATEGORIES,
            )?,
            since: record::date(&draft.since, &at.key("since"))?,
            studying: record::plain(&draft.studying, &at.key("studying"))?,
            unknown: draft.unknown.clone(),
        })
    }
}

#[cfg(all(test, feature = "indicators"))]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use crate::indicator::feed::facts_of::ChildFacts;
    use crate::record::Record;

    fn inputs() -> Vec<(serde_json::Value, chrono::NaiveDate)> {
        let vectors: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../../tests/vectors/child.json")).unwrap();
        let default = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut out: Vec<_> = vectors
            .iter()
            .filter(|v| v.get("kind").and_then(|k| k.as_str()) == Some("child"))
            .map(|v| {
                let as_of = v
                    .pointer("/options/as_of")
                    .and_then(|d| d.as_str())
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(default);
                (v.get("input").cloned().unwrap_or_default(), as_of)
            })
            .collect();
        // Spellings normalise rewrites: the feed reads them as written.
        out.push((
            serde_json::json!({
                "id": " HP-1 ", "full_name": "nguyễn  văn an", "date_of_birth": "02/03/2016",
                "sex": "nam", "ethnic_group": "kinh", "birth_registration_date": "5/4/2016",
                "residence": {"edition": " 2025 ", "province_code": "31", "commune_code": "11311"},
                "schooling": {"level": "tiểu học", "school_year": "2025 - 2026", "grade": 4},
                "special_circumstances": [{"group": "c", "sub_category": 2, "identified_on": "01/02/2020"}],
                "disability": {"types": ["vận động"]},
                "social_assistance": {"category": "orphan_both_parents", "since": "01/06/2020"},
                "protection_level": "hỗ trợ",
            }),
            default,
        ));
        out
    }

    /// The feed's partial read ([`super::Child::check_for_feed`]) answers the same facts as
    /// the whole checked record, and the same report when there is an error.
    #[test]
    fn the_feeds_child_has_the_facts_of_the_checked_child() {
        let inputs = inputs();
        let (messy, as_of) = inputs.last().unwrap();
        let feed =
            super::Child::check_for_feed(messy.clone(), &crate::Context::at(*as_of)).unwrap();
        assert_eq!(
            feed.date_of_birth,
            chrono::NaiveDate::from_ymd_opt(2016, 3, 2)
        );
        let mut checked = 0;
        for (input, as_of) in inputs {
            let ctx = crate::Context::at(as_of);
            match (
                super::Child::check(&input, &ctx),
                super::Child::check_for_feed(input.clone(), &ctx),
            ) {
                (Ok(whole), Ok(feed)) => {
                    checked += 1;
                    assert_eq!(
                        ChildFacts::of(whole.record(), as_of),
                        ChildFacts::of(&feed, as_of),
                        "{input}"
                    );
                }
                (Err(whole), Err(feed)) => assert_eq!(whole, feed, "{input}"),
                (whole, feed) => panic!("{input}: {whole:?} vs {feed:?}"),
            }
        }
        assert!(checked > 10, "only {checked} valid inputs");
    }
}
