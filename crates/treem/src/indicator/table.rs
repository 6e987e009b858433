//! The published table: values computed from a partial, with small cells suppressed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::definition::{Definition, DenominatorFrom, Dimension, Factor, IndicatorId};
use super::partial::{Accum, CellKey, Partial};
use super::period::Period;
use super::suppress;
use crate::report::{IssueSink, Location};

/// The default small-cell threshold: counts from 1 to 4 are hidden.
pub const DEFAULT_THRESHOLD: u64 = 5;

/// The format tag of a serialised table.
pub const TABLE_FORMAT: &str = "treem.indicators.table/1";

/// Why a cell is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// The cell's own count is below the threshold.
    Primary,
    /// Hidden so that a primary cell cannot be recovered from its row or column total.
    Complementary,
}

/// One published cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cell {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The period.
    pub period: Period,
    /// The administrative unit code.
    pub unit: String,
    /// The breakdown's dimension; `null` for the unit's total.
    pub dimension: Option<Dimension>,
    /// The breakdown's category; `null` for the unit's total.
    pub category: Option<String>,
    /// The numerator (the "số lượng" of "số lượng, tỷ lệ"); `null` when hidden or unknown.
    pub numerator: Option<serde_json::Number>,
    /// The denominator; `null` when hidden, unknown or not applicable.
    pub denominator: Option<serde_json::Number>,
    /// The value (count, percent, per 1,000...); `null` when hidden or not computable.
    pub value: Option<f64>,
    /// How the value is scaled.
    pub factor: Factor,
    /// False for values reported by a caller for a non-additive measure (never summed).
    pub additive: bool,
    /// True when the cell is hidden: never read a hidden cell as zero.
    pub suppressed: bool,
    /// Why it is hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// True when inputs disagree (two different reported values, or a reported value beside
    /// counted ones): the value is `null` and an issue says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conflict: bool,
}

impl Cell {
    /// The cell's key.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{compute, Options};
    /// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
    ///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let table = compute(input, &options).unwrap().table.unwrap();
    /// let key = table.cells[0].key();
    /// assert_eq!((key.unit.as_str(), key.indicator.to_string()), ("31", "I:0101".to_string()));
    /// ```
    pub fn key(&self) -> CellKey {
        CellKey {
            indicator: self.indicator.clone(),
            period: self.period,
            unit: self.unit.clone(),
            breakdown: match (self.dimension, &self.category) {
                (Some(dimension), Some(category)) => Some(super::partial::Breakdown {
                    dimension,
                    category: category.clone(),
                }),
                _ => None,
            },
        }
    }
}

/// A published table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Table {
    /// `treem.indicators.table/1`.
    pub format: String,
    /// Counts from 1 to `suppression_threshold - 1` were hidden.
    pub suppression_threshold: u64,
    /// The cells, in key order (indicator, period, unit, breakdown).
    pub cells: Vec<Cell>,
}

/// Computes the table of `partial`, then suppresses small cells.
///
/// # Examples
///
/// ```
/// use treem::indicator::{definition::*, partial::{CellKey, Partial}, period::Period, table::build};
/// let def = find_builtin(&IndicatorId::new("I", "0101")).unwrap();
/// let mut partial = Partial::new();
/// let key = CellKey { indicator: def.id.clone(), period: Period::Year(2025), unit: "31".into(), breakdown: None };
/// partial.cell_mut(key).add_counts(3, None);
/// let mut sink = treem::report::IssueSink::new(treem::Lang::En);
/// let table = build(&partial, &[def], 5, &mut sink);
/// assert!(table.cells[0].suppressed); // 3 is below the threshold 5
/// ```
pub fn build(
    partial: &Partial,
    definitions: &[&Definition],
    threshold: u64,
    sink: &mut IssueSink,
) -> Table {
    let mut cells = Vec::with_capacity(partial.cells.len());
    let mut sensitive = Vec::with_capacity(partial.cells.len());
    for (key, accum) in &partial.cells {
        let def = definitions.iter().find(|d| d.id == key.indicator).copied();
        if def.is_none() {
            sink.push(
                &super::INDICATOR_UNKNOWN,
                &Location::root(),
                [("indicator", key.indicator.to_string().into())],
            );
        }
        let (cell, counted) = compute(key, accum, def, sink);
        // A denominator counted from records (all abused children...) is as sensitive as
        // a numerator; a population from outside is not.
        let den_sensitive = def.is_some_and(|d| d.denominator_from == DenominatorFrom::Records);
        let small = |n: u64| n > 0 && n < threshold;
        sensitive.push(
            counted
                && (small(accum.numerator)
                    || (den_sensitive && accum.denominator.is_some_and(small))),
        );
        cells.push(cell);
    }
    let counted: Vec<bool> = cells
        .iter()
        .map(|c| c.additive && !c.conflict && c.numerator.is_some())
        .collect();
    let marks = suppress::suppress(&cells, &counted, &sensitive);
    for (cell, mark) in cells.iter_mut().zip(marks) {
        if let Some(mark) = mark {
            cell.suppressed = true;
            cell.suppression = Some(mark);
            cell.numerator = None;
            cell.denominator = None;
            cell.value = None;
        }
    }
    Table {
        format: TABLE_FORMAT.to_owned(),
        suppression_threshold: threshold,
        cells,
    }
}

fn ratio(numerator: f64, denominator: f64, factor: Factor) -> Option<f64> {
    match factor {
        Factor::Number => Some(numerator),
        Factor::Unclear => None,
        _ if denominator > 0.0 => factor.multiplier().map(|m| numerator * m / denominator),
        _ => None,
    }
}

/// The cell of one accumulator, and whether it holds counts (subject to suppression).
fn compute(
    key: &CellKey,
    accum: &Accum,
    def: Option<&Definition>,
    sink: &mut IssueSink,
) -> (Cell, bool) {
    let factor = def.map_or(Factor::Unclear, |d| d.factor);
    let mut cell = Cell {
        indicator: key.indicator.clone(),
        period: key.period,
        unit: key.unit.clone(),
        dimension: key.breakdown.as_ref().map(|b| b.dimension),
        category: key.breakdown.as_ref().map(|b| b.category.clone()),
        numerator: None,
        denominator: None,
        value: None,
        factor,
        additive: true,
        suppressed: false,
        suppression: None,
        conflict: false,
    };
    let reported: Vec<_> = accum.reported.iter().collect();
    match (reported.as_slice(), accum.inputs) {
        ([], _) => {
            cell.numerator = Some(accum.numerator.into());
            cell.denominator = accum.denominator.map(Into::into);
            #[allow(clippy::cast_precision_loss)]
            let (n, d) = (accum.numerator as f64, accum.denominator.map(|d| d as f64));
            cell.value = match (factor, d) {
                (Factor::Number, _) => Some(n),
                (_, Some(d)) => ratio(n, d, factor),
                (_, None) => None,
            };
            (cell, true)
        }
        ([one], 0) => {
            cell.additive = false;
            cell.numerator = one
                .numerator
                .and_then(|n| serde_json::Number::from_f64(n.0));
            cell.denominator = one
                .denominator
                .and_then(|n| serde_json::Number::from_f64(n.0));
            cell.value =
                one.value
                    .map(|v| v.0)
                    .or_else(|| match (one.numerator, one.denominator) {
                        (Some(n), Some(d)) => ratio(n.0, d.0, factor),
                        (Some(n), None) if factor == Factor::Number => Some(n.0),
                        _ => None,
                    });
            (cell, false)
        }
        _ => {
            cell.additive = false;
            cell.conflict = true;
            sink.push(
                &super::INDICATOR_VALUE_CONFLICT,
                &Location::root(),
                [
                    ("indicator", key.indicator.to_string().into()),
                    ("unit", crate::privacy::truncate(&key.unit, 30).into()),
                    ("period", key.period.to_string().into()),
                ],
            );
            (cell, false)
        }
    }
}

/// Cells grouped for lookups by tests and exports: key → index. (A `BTreeMap`: one entry per
/// cell of the table, and the public form callers already use.)
///
/// # Examples
///
/// ```
/// use treem::indicator::{compute, table::index, Options};
/// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
/// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
/// let table = compute(input, &options).unwrap().table.unwrap();
/// assert_eq!(index(&table).len(), table.cells.len());
/// ```
pub fn index(table: &Table) -> BTreeMap<CellKey, usize> {
    table
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key(), i))
        .collect()
}
