//! How records plug into the computation: each record states the contributions it makes.
//!
//! Phase 2 (the child, case, school and safe-school engineers' record shapes) implements
//! [`Facts`] for each checked record kind: for every indicator a record counts towards, one
//! [`Contribution`] (numerator 0 or 1, denominator 0 or 1, the unit, the period, and the
//! categories of the indicator's disaggregations). The machinery here does the rest: it adds
//! each contribution to the unit's total cell and to one cell per disaggregation (one-way
//! tables, so every category row adds up to the total it is published beside).

use crate::sorted_map::{SortedMap, SortedSet};

use super::definition::{Dimension, IndicatorId};
use super::partial::{Breakdown, CellKey, Partial};
use super::period::Period;

/// What a record adds to one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The period the record counts in.
    pub period: Period,
    /// The administrative unit the record counts in.
    pub unit: String,
    /// 1 when the record is in the numerator (an abused child, a pupil who dropped out...).
    pub numerator: u64,
    /// 1 when the record is in a denominator counted from records, else `None`.
    pub denominator: Option<u64>,
    /// The record's category in each disaggregation the feeder knows (`sex` → `female`). A
    /// dimension the record does not know should be given as `unknown`, so that categories
    /// still add up to the total.
    pub categories: SortedMap<Dimension, String>,
    /// Dimensions in which the record falls in several categories at once (a child in two
    /// groups of special circumstances, a pupil counted both "all" and "right age"): each
    /// category's cell gets the contribution. Rows of such a dimension may add up to more
    /// than the total; the table does not claim they add up.
    pub multi: SortedMap<Dimension, Vec<String>>,
    /// Dimensions that break down the numerator only (forms of exploitation of exploited
    /// children): their cells get the numerator, never the denominator, and nothing is added
    /// when the numerator is 0.
    pub numerator_only: SortedSet<Dimension>,
}

impl Contribution {
    /// A contribution with no breakdown.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{definition::IndicatorId, facts::Contribution, period::Period};
    /// let c = Contribution::new(IndicatorId::new("I", "0101"), Period::Year(2025), "31".into(), 1, None);
    /// assert!(c.categories.is_empty() && c.denominator.is_none());
    /// ```
    pub fn new(
        indicator: IndicatorId,
        period: Period,
        unit: String,
        numerator: u64,
        denominator: Option<u64>,
    ) -> Contribution {
        Contribution {
            indicator,
            period,
            unit,
            numerator,
            denominator,
            categories: SortedMap::new(),
            multi: SortedMap::new(),
            numerator_only: SortedSet::new(),
        }
    }
}

/// The context a feeder judges a record in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactContext {
    /// The date ages and states are judged at.
    pub as_of: chrono::NaiveDate,
    /// The period being computed: events (cases) count when their date falls in it and is not
    /// after `as_of`; states (special circumstances) are judged at `as_of` and labelled with it.
    pub period: Period,
    /// The school year the education indicators are computed over ("năm học t").
    pub school_year: Period,
    /// The groups of the `age_group` disaggregation.
    pub age_groups: super::feed::age::AgeGroups,
}

/// A record that can feed indicators.
pub trait Facts {
    /// Appends the record's contributions.
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>);
}

/// Adds a contribution to a partial: the unit's total and one cell per category.
///
/// # Examples
///
/// ```
/// use treem::indicator::{definition::IndicatorId, facts::*, partial::Partial, period::Period};
/// let c = Contribution::new(IndicatorId::new("I", "0101"), Period::Year(2025), "31".into(), 1, None);
/// let mut partial = Partial::new();
/// add_contribution(&mut partial, &c);
/// add_contribution(&mut partial, &c);
/// assert_eq!(partial.cells.values().next().unwrap().numerator, 2);
/// ```
pub fn add_contribution(partial: &mut Partial, c: &Contribution) {
    let key = CellKey {
        indicator: c.indicator.clone(),
        period: c.period,
        unit: c.unit.clone(),
        breakdown: None,
    };
    let single = c
        .categories
        .iter()
        .map(|(d, cat)| (d, std::slice::from_ref(cat)));
    for (dimension, categories) in single.chain(c.multi.iter().map(|(d, v)| (d, v.as_slice()))) {
        let numerator_only = c.numerator_only.contains(dimension);
        if numerator_only && c.numerator == 0 {
            continue;
        }
        let denominator = if numerator_only { None } else { c.denominator };
        for category in categories {
            let mut k = key.clone();
            k.breakdown = Some(Breakdown {
                dimension: *dimension,
                category: category.clone(),
            });
            partial.cell_mut(k).add_counts(c.numerator, denominator);
        }
    }
    partial.cell_mut(key).add_counts(c.numerator, c.denominator);
}

/// Feeds every record of `records` into a new partial.
///
/// # Examples
///
/// ```
/// use treem::indicator::{definition::IndicatorId, facts::*, partial::Partial, period::Period};
/// struct One;
/// impl Facts for One {
///     fn contributions(&self, _: &FactContext, out: &mut Vec<Contribution>) {
///         out.push(Contribution::new(IndicatorId::new("I", "0101"), Period::Year(2025), "31".into(), 1, None));
///     }
/// }
/// let ctx = FactContext { as_of: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
///     period: Period::Year(2025), school_year: Period::SchoolYear(2025), age_groups: Default::default() };
/// let partial: Partial = feed(&[One, One], &ctx);
/// assert_eq!(partial.cells.values().next().unwrap().numerator, 2);
/// ```
pub fn feed<F: Facts>(records: &[F], ctx: &FactContext) -> Partial {
    let mut partial = Partial::new();
    let mut buf = Vec::new();
    for record in records {
        buf.clear();
        record.contributions(ctx, &mut buf);
        for c in &buf {
            add_contribution(&mut partial, c);
        }
    }
    partial
}
