//! The counting rules: which indicators a child (with its cases) or a safe-school
//! assessment counts towards, and in which categories. Each rule quotes the definition it
//! follows (TT 13/2021 Phụ lục III/IV); where a reading is ours, the comment says so.

use crate::sorted_map::SortedMap;

use chrono::{Datelike, NaiveDate};

use super::facts_of::{CaseFacts, ChildFacts};
use crate::indicator::definition::{find_builtin, Dimension, IndicatorId};
use crate::indicator::facts::{Contribution, FactContext, Facts};
use crate::indicator::period::Period;

/// A child with the protection cases about it (joined by `child_id`), placed in its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dossier {
    /// The child's facts.
    pub(crate) child: ChildFacts,
    /// The cases about the child.
    pub(crate) cases: Vec<CaseFacts>,
    /// The province (or `unknown` / `unmapped`) the child counts in.
    pub(crate) unit: String,
}

/// A safe-school self-assessment, scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AssessmentFacts {
    /// The province (or `unknown` / `unmapped`) of the school.
    pub(crate) unit: String,
    /// The managing authority's code (`so_gddt`, `phong_gddt`, `ubnd_xa`), or `unknown`.
    pub(crate) authority: String,
    /// The school's levels (codes of the child record's `school_levels`, plus
    /// `continuing_education`).
    pub(crate) levels: Vec<String>,
    /// The first year of the school year assessed.
    pub(crate) school_year: Option<i32>,
    /// The result is "Đạt" (Thông tư 18/2023/TT-BGDĐT, Điều 11 khoản 2).
    pub(crate) dat: bool,
}

const UNKNOWN: &str = "unknown";

/// Age in completed months on `on` (`None` before birth).
pub(crate) fn age_in_months(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut months = (on.year() - birth.year()) * 12 + on.month() as i32 - birth.month() as i32;
    if on.day() < birth.day() {
        months -= 1;
    }
    u32::try_from(months).ok()
}

/// The first year of the school year of `period`, else of the one `as_of` falls in
/// (a school year starts in September: khung kế hoạch thời gian năm học).
pub(crate) fn school_year_of(period: Period, as_of: NaiveDate) -> Period {
    match period {
        Period::SchoolYear(_) => period,
        _ if as_of.month() >= 9 => Period::SchoolYear(as_of.year()),
        _ => Period::SchoolYear(as_of.year() - 1),
    }
}

struct Out<'a> {
    ctx: &'a FactContext,
    unit: &'a str,
    out: &'a mut Vec<Contribution>,
}

impl Out<'_> {
    /// Pushes a contribution, keeping only the breakdowns its definition has.
    fn push(
        &mut self,
        id: IndicatorId,
        period: Period,
        numerator: bool,
        denominator: Option<u64>,
        categories: &[(Dimension, String)],
        multi: &[(Dimension, Vec<String>, bool)],
    ) {
        let def = find_builtin(&id);
        let has = |d: Dimension| def.is_some_and(|def| def.has_dimension(d));
        let mut c = Contribution::new(
            id,
            period,
            self.unit.to_owned(),
            u64::from(numerator),
            denominator,
        );
        c.categories = categories
            .iter()
            .filter(|(d, _)| has(*d))
            .cloned()
            .collect::<SortedMap<_, _>>();
        for (d, values, numerator_only) in multi {
            if has(*d) {
                c.multi.insert(*d, values.clone());
                if *numerator_only {
                    c.numerator_only.insert(*d);
                }
            }
        }
        self.out.push(c);
    }
}

/// The age group of an offender (Phụ lục IV mã 0108–0111 "Nhóm tuổi", groups not listed):
/// five-year bands `20_24`, the only groups TT 13/2021 spells out (Phụ lục III mã 0207,
/// "10 - 14 tuổi, 15 - 19 tuổi") carried over all ages. Ours, like the children's default
/// ([`super::age`]); `unknown` when the age is not recorded.
fn offender_age_group(age: Option<u32>) -> String {
    match age {
        Some(a) => {
            let low = a - a % 5;
            format!("{low}_{}", low.saturating_add(4))
        }
        None => UNKNOWN.to_owned(),
    }
}

fn or_unknown(mut values: Vec<String>) -> Vec<String> {
    if values.is_empty() {
        values.push(UNKNOWN.to_owned());
    }
    values
}

fn i(code: &str) -> IndicatorId {
    IndicatorId::new("I", code)
}

fn ii(code: &str) -> IndicatorId {
    IndicatorId::new("II", code)
}

impl Dossier {
    fn age_on(&self, on: NaiveDate) -> Option<u32> {
        self.child
            .birth
            .and_then(|b| crate::vn::date::age_on(b, on))
    }

    /// A child is a person under 16 (Luật Trẻ em 2016, Điều 1); unknown ages count.
    pub(crate) fn is_child_on(&self, on: NaiveDate) -> bool {
        self.age_on(on)
            .is_none_or(|a| a <= super::age::LAST_CHILD_AGE)
    }

    fn personal(&self, on: NaiveDate, ctx: &FactContext) -> Vec<(Dimension, String)> {
        let c = &self.child;
        vec![
            (Dimension::Sex, c.sex.unwrap_or(UNKNOWN).to_owned()),
            (Dimension::AgeGroup, ctx.age_groups.label(self.age_on(on))),
            (
                Dimension::EthnicGroup,
                c.ethnic_group.unwrap_or(UNKNOWN).to_owned(),
            ),
        ]
    }

    /// The day a state indicator of the year is judged at: 31/12 of the period ("tính đến
    /// ngày 31/12 năm báo cáo", Phụ lục III 0323), or `as_of` when that is earlier (nothing
    /// after `as_of` is known).
    fn reference_day(ctx: &FactContext) -> Option<NaiveDate> {
        ctx.period.end().map(|end| end.min(ctx.as_of))
    }

    /// Phụ lục I 0101 "Dân số trẻ em": "Trẻ em là người dưới 16 tuổi sống trong phạm vi một
    /// địa giới nhất định (một vùng kinh tế, một đơn vị hành chính, vv…) có đến một thời điểm
    /// hay một khoảng thời gian nhất định". Each child record counts once in the unit of its
    /// residence when it is born by the reference day and under 16 on it (Luật Trẻ em 2016,
    /// Điều 1; a record without a date of birth cannot show that and is not counted); by sex, age group and ethnic group from the record. "Thành thị/nông thôn" is
    /// not on the record: that breakdown is the caller's.
    ///
    /// Phụ lục I 0323 "Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh": "Số trẻ em dưới 5
    /// tuổi đã được đăng ký khai sinh tính đến ngày 31/12 năm báo cáo" over "Số trẻ em dưới 5
    /// tuổi tính đến ngày 31/12 năm báo cáo", by sex and province. A child under 5 on the
    /// reference day is in the denominator when its record says whether the birth is
    /// registered (`birth_registered`, or a `birth_registration_date`), and in the numerator
    /// when it is registered by that day; a record that does not say is left out of both
    /// (our reading: an unknown is not a "no").
    fn population(&self, o: &mut Out<'_>) {
        let ctx = o.ctx;
        let Some(day) = Self::reference_day(ctx) else {
            return;
        };
        // Under 16 on the day: a record without a date of birth cannot say so.
        let Some(age) = self.child.birth.filter(|b| *b <= day).and(self.age_on(day)) else {
            return;
        };
        if age > super::age::LAST_CHILD_AGE {
            return;
        }
        let personal = self.personal(day, ctx);
        o.push(i("0101"), ctx.period, true, None, &personal, &[]);
        let under_five = age < 5;
        if let (true, Some(registered)) = (under_five, self.child.birth_registered) {
            let by_then = registered && self.child.birth_registration_date.is_none_or(|d| d <= day);
            o.push(i("0323"), ctx.period, by_then, Some(1), &personal, &[]);
        }
    }

    /// Phụ lục I group III: children in special circumstances (Luật Trẻ em 2016, Điều 10),
    /// a state judged at `as_of`.
    fn special_circumstances(&self, o: &mut Out<'_>) {
        let c = &self.child;
        let ctx = o.ctx;
        if c.groups.is_empty() || !self.is_child_on(ctx.as_of) {
            return;
        }
        let personal = self.personal(ctx.as_of, ctx);
        let mut groups: Vec<String> = c.groups.iter().map(|g| g.group.to_owned()).collect();
        crate::sorting::sort(&mut groups);
        groups.dedup();
        // 0301: all children in special circumstances / the child population (outside).
        o.push(i("0301"), ctx.period, true, None, &personal, &[]);
        // 0302 "được trợ giúp ... dưới một hoặc nhiều hình thức: ... trợ giúp xã hội (thường
        // xuyên, đột xuất); ... các dịch vụ bảo vệ trẻ em khác". Our reading: monthly social
        // assistance (Nghị định 20/2021/NĐ-CP) → `social_assistance`; a protection level of
        // support or intervention (Luật Trẻ em 2016, Điều 49–50) → `child_protection_services`.
        let mut support = Vec::new();
        if c.social_assistance {
            support.push("social_assistance".to_owned());
        }
        if matches!(c.protection_level, Some("support" | "intervention")) {
            support.push("child_protection_services".to_owned());
        }
        o.push(
            i("0302"),
            ctx.period,
            !support.is_empty(),
            Some(1),
            &personal,
            &[
                (Dimension::SpecialCircumstanceGroup, groups, false),
                (Dimension::SupportType, support, true),
            ],
        );
        // 0303 "Trẻ em mồ côi bao gồm: Trẻ em mồ côi cả cha và mẹ; Trẻ em mồ côi cha hoặc
        // mẹ": group a, and group c sub-categories 1–3 (Nghị định 56/2017/NĐ-CP, Điều 5
        // khoản 1–3: "mồ côi cha hoặc mẹ và người còn lại ...").
        let orphan = c.in_group("orphan_both_parents")
            || c.groups
                .iter()
                .any(|g| g.group == "without_support" && matches!(g.sub_category, Some(1..=3)));
        o.push(i("0303"), ctx.period, orphan, Some(1), &personal, &[]);
        for (code, group) in [
            ("0304", "abandoned"),
            ("0305", "without_support"),
            ("0307", "hiv_aids"),
            ("0308", "in_conflict_with_law"),
            ("0309", "drug_addicted"),
            ("0310", "dropped_out_to_work"),
            ("0311", "seriously_harmed_by_violence"),
            ("0314", "trafficked"),
            ("0315", "serious_illness_poor_household"),
            ("0316", "migrant_or_refugee_unaccompanied"),
        ] {
            o.push(
                i(code),
                ctx.period,
                c.in_group(group),
                Some(1),
                &personal,
                &[],
            );
        }
        // 0306: group d; "Dạng tật" from the recorded types (Luật Người khuyết tật 2010, Điều 3).
        let disabled = c.in_group("disabled");
        let types = c.disability_types.iter().map(|t| (*t).to_owned()).collect();
        o.push(
            i("0306"),
            ctx.period,
            disabled,
            Some(1),
            &personal,
            &[(Dimension::DisabilityType, or_unknown(types), true)],
        );
        // 0312 "Hình thức bóc lột" and 0313 "Hình thức xâm hại": the sub-category of the
        // group (Nghị định 56/2017/NĐ-CP, Điều 12 khoản 1–5 and Điều 13 khoản 1–...).
        for (code, group) in [("0312", "exploited"), ("0313", "sexually_abused")] {
            o.push(
                i(code),
                ctx.period,
                c.in_group(group),
                Some(1),
                &personal,
                &[(
                    Dimension::AbuseForm,
                    or_unknown(c.sub_categories(group)),
                    true,
                )],
            );
        }
    }

    /// Phụ lục I group IV: pupils in school year t (denominators are populations, given by
    /// the caller). Ages "tính theo năm" (Luật Giáo dục 2019, Điều 28 khoản 1); for nursery
    /// (0401, "từ 3 tháng tuổi đến 36 tháng tuổi") in months at `as_of`.
    fn schooling(&self, o: &mut Out<'_>) {
        let c = &self.child;
        let ctx = o.ctx;
        let Some(s) = &c.schooling else {
            return;
        };
        let Period::SchoolYear(year) = ctx.school_year else {
            return;
        };
        if s.school_year.is_some_and(|y| y != year) {
            return;
        }
        let age_year = c.birth.map(|b| year - b.year());
        let months = c.birth.and_then(|b| age_in_months(b, ctx.as_of));
        let disabled = !c.disability_types.is_empty() || c.in_group("disabled");
        let mut cats = self.personal(ctx.as_of, ctx);
        cats.push((
            Dimension::Disability,
            if disabled { "yes" } else { "no" }.to_owned(),
        ));
        cats.push((Dimension::SchoolLevel, s.level.to_owned()));
        let p = ctx.school_year;
        if s.level == "nha_tre" && months.is_some_and(|m| (3..=36).contains(&m)) {
            o.push(i("0401"), p, true, None, &cats, &[]);
        }
        let preschool = matches!(s.level, "nha_tre" | "mau_giao");
        if preschool && age_year.is_some_and(|a| (3..=5).contains(&a)) {
            o.push(i("0402"), p, true, None, &cats, &[]);
        }
        if s.level == "mau_giao" && age_year == Some(5) {
            o.push(i("0403"), p, true, None, &cats, &[]);
        }
        for (code, level, ages) in [("0405", "tieu_hoc", 6..=10), ("0407", "thcs", 11..=14)] {
            if s.level == level {
                // "Chung/đúng tuổi": every pupil is in `all`, pupils of the level's ages also
                // in `right_age`.
                let mut fit = vec!["all".to_owned()];
                if age_year.is_some_and(|a| ages.contains(&a)) {
                    fit.push("right_age".to_owned());
                }
                o.push(
                    i(code),
                    p,
                    true,
                    None,
                    &cats,
                    &[(Dimension::AgeAppropriateness, fit, false)],
                );
            }
        }
    }

    /// The cases counted in the period: dated inside it and not after `as_of`.
    fn cases_in_period<'a>(&'a self, ctx: &FactContext) -> Vec<&'a CaseFacts> {
        let (Some(start), Some(end)) = (ctx.period.start(), ctx.period.end()) else {
            return Vec::new();
        };
        let end = end.min(ctx.as_of);
        self.cases
            .iter()
            .filter(|k| k.date.is_some_and(|d| start <= d && d <= end))
            .collect()
    }

    /// Phụ lục II group I (abused children) and Phụ lục I 0208 (injured children), one count
    /// per child whatever the number of its cases; age at the first counted case.
    fn cases(&self, o: &mut Out<'_>) {
        let ctx = o.ctx;
        let cases = self.cases_in_period(ctx);
        let abused: Vec<&&CaseFacts> = cases.iter().filter(|k| !k.abuse_forms.is_empty()).collect();
        if let Some(first) = abused.iter().filter_map(|k| k.date).min() {
            if self.is_child_on(first) {
                let personal = self.personal(first, ctx);
                let has = |form: &str| abused.iter().any(|k| k.abuse_forms.contains(&form));
                // 0101 "Môi trường xâm hại": where each counted case happened (catalog
                // `case_environments`), `unknown` when a case does not say.
                let mut places: Vec<String> = abused
                    .iter()
                    .map(|k| k.environment.unwrap_or(UNKNOWN).to_owned())
                    .collect();
                crate::sorting::sort(&mut places);
                places.dedup();
                o.push(
                    ii("0101"),
                    ctx.period,
                    true,
                    None,
                    &personal,
                    &[(Dimension::AbuseEnvironment, places, false)],
                );
                // 0108–0111 "Số lượng, tỷ lệ đối tượng xâm hại trẻ em là ..." over "Tổng số đối
                // tượng xâm hại trẻ em": each offender entry of each counted case, by the
                // offender's sex and age group ("Giới tính; Nhóm tuổi"; "Nghề nghiệp" is not
                // recorded and stays with the caller). An offender whose relation is not
                // recorded is in the denominators only.
                for offender in abused.iter().flat_map(|k| k.offenders.iter()) {
                    let who = [
                        (Dimension::Sex, offender.sex.unwrap_or(UNKNOWN).to_owned()),
                        (Dimension::AgeGroup, offender_age_group(offender.age)),
                    ];
                    for (code, relation) in [
                        ("0108", "acquaintance_or_neighbour"),
                        ("0109", "family_member"),
                        ("0110", "institution_staff"),
                        ("0111", "other"),
                    ] {
                        o.push(
                            ii(code),
                            ctx.period,
                            offender.relation == Some(relation),
                            Some(1),
                            &who,
                            &[],
                        );
                    }
                }
                for (code, form) in [
                    ("0102", "violence"),
                    ("0105", "trafficking"),
                    ("0107", "other_harm"),
                ] {
                    o.push(ii(code), ctx.period, has(form), Some(1), &personal, &[]);
                }
                // 0103 "Hình thức bóc lột", 0104 "Hình thức xâm hại" (Phụ lục III 0312, 0313):
                // the child's sub-category of the matching group of special circumstances.
                for (code, form, group) in [
                    ("0103", "exploitation", "exploited"),
                    ("0104", "sexual_abuse", "sexually_abused"),
                ] {
                    o.push(
                        ii(code),
                        ctx.period,
                        has(form),
                        Some(1),
                        &personal,
                        &[(
                            Dimension::AbuseForm,
                            or_unknown(self.child.sub_categories(group)),
                            true,
                        )],
                    );
                }
                // 0106 "Loại hình (bỏ rơi, bỏ mặc)".
                let kinds: Vec<String> = ["abandonment", "neglect"]
                    .iter()
                    .filter(|f| has(f))
                    .map(|f| (*f).to_owned())
                    .collect();
                o.push(
                    ii("0106"),
                    ctx.period,
                    !kinds.is_empty(),
                    Some(1),
                    &personal,
                    &[(Dimension::AbuseForm, kinds, true)],
                );
                // 0112 "được trợ giúp": our reading, the support and intervention plan being
                // carried out by `as_of` (Nghị định 56/2017/NĐ-CP, Điều 29) →
                // `child_protection_services`; monthly social assistance → `social_assistance`.
                let mut support = Vec::new();
                if self.child.social_assistance {
                    support.push("social_assistance".to_owned());
                }
                if abused
                    .iter()
                    .any(|k| k.support_implemented.is_some_and(|d| d <= ctx.as_of))
                {
                    support.push("child_protection_services".to_owned());
                }
                o.push(
                    ii("0112"),
                    ctx.period,
                    !support.is_empty(),
                    Some(1),
                    &personal,
                    &[(Dimension::SupportType, support, true)],
                );
            }
        }
        let injured = cases
            .iter()
            .filter(|k| k.injured)
            .filter_map(|k| k.date)
            .min();
        if let Some(first) = injured {
            if self.is_child_on(first) {
                let personal = self.personal(first, ctx);
                o.push(i("0208"), ctx.period, true, None, &personal, &[]);
            }
        }
    }
}

impl Facts for Dossier {
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>) {
        let mut o = Out {
            ctx,
            unit: &self.unit,
            out,
        };
        self.population(&mut o);
        self.special_circumstances(&mut o);
        self.schooling(&mut o);
        self.cases(&mut o);
    }
}

impl Facts for AssessmentFacts {
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>) {
        let Period::SchoolYear(year) = ctx.school_year else {
            return;
        };
        if self.school_year != Some(year) {
            return;
        }
        let mut o = Out {
            ctx,
            unit: &self.unit,
            out,
        };
        o.push(
            IndicatorId::new("treem", "safe_school_pass_rate"),
            ctx.school_year,
            self.dat,
            Some(1),
            &[(Dimension::ManagingAuthority, self.authority.clone())],
            &[(
                Dimension::SchoolLevel,
                or_unknown(self.levels.clone()),
                false,
            )],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_school_years() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(age_in_months(d(2024, 1, 31), d(2024, 4, 30)), Some(2));
        assert_eq!(age_in_months(d(2024, 1, 31), d(2024, 5, 1)), Some(3));
        assert_eq!(age_in_months(d(2024, 5, 1), d(2024, 4, 1)), None);
        assert_eq!(
            school_year_of(Period::Year(2025), d(2025, 9, 1)),
            Period::SchoolYear(2025)
        );
        assert_eq!(
            school_year_of(Period::Year(2025), d(2025, 8, 31)),
            Period::SchoolYear(2024)
        );
        assert_eq!(
            school_year_of(Period::SchoolYear(2023), d(2025, 8, 31)),
            Period::SchoolYear(2023)
        );
    }
}
