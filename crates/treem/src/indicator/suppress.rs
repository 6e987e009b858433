//! Small-cell suppression with complementary suppression.
//!
//! The published table of one indicator and period is, per disaggregation, a grid: rows are
//! administrative units, columns the categories, and each row's total is the unit's total
//! cell, published beside it. A reader knows two kinds of sums: a row (the unit's total
//! equals the sum of its categories) and a column (a category summed over the units, which a
//! parent unit publishes or a reader adds up; the totals form such a column too). A hidden
//! cell is recoverable by subtraction exactly when it is the only hidden cell of some row or
//! column. So after hiding every small count (primary), we repeat: for every line with
//! exactly one hidden cell, hide the smallest other cell of that line (complementary), until
//! no such line remains. The loop ends because every step hides one more cell.
//!
//! This protects against single-sum subtraction, the attack the issue names. It is the
//! standard line rule, not a full audit against every linear combination of sums (a reader
//! combining several rows and columns can sometimes narrow a hidden cell to an interval).

use crate::sorted_map::SortedMap;

use super::definition::{Dimension, IndicatorId};
use super::period::Period;
use super::table::{Cell, Suppression};

/// The lines (rows and columns) of the published table, as lists of cell indices. Only
/// counted cells take part: reported values and conflicts are not counts.
///
/// # Examples
///
/// ```
/// use treem::indicator::{definition::*, partial::*, period::Period, suppress::lines, table::build};
/// let def = find_builtin(&IndicatorId::new("I", "0101")).unwrap();
/// let mut partial = Partial::new();
/// for (category, n) in [(None, 30), (Some("male"), 12), (Some("female"), 18)] {
///     let breakdown = category.map(|c| Breakdown { dimension: Dimension::Sex, category: c.into() });
///     let key = CellKey { indicator: def.id.clone(), period: Period::Year(2025), unit: "31".into(), breakdown };
///     partial.cell_mut(key).add_counts(n, None);
/// }
/// let table = build(&partial, &[def], 5, &mut treem::report::IssueSink::new(treem::Lang::En));
/// assert_eq!(lines(&table.cells, &[true, true, true]), [vec![1, 2, 0]]); // the categories, then the total
/// ```
pub fn lines(cells: &[Cell], counted: &[bool]) -> Vec<Vec<usize>> {
    // Sorted-`Vec` maps although the grids grow with the number of units: the table's cells
    // come in key order (indicator, period, unit, breakdown), so every insert below lands at
    // the end of its map (no shifting); cells in any other order are still handled right.
    type Group = (IndicatorId, Period);
    /// (unit, category) → cell index, per (indicator, period, dimension).
    type Grid<'c> = SortedMap<(&'c str, &'c str), usize>;
    let mut totals: SortedMap<Group, SortedMap<&str, usize>> = SortedMap::new();
    let mut grids: SortedMap<(Group, Dimension), Grid<'_>> = SortedMap::new();
    for (i, cell) in cells.iter().enumerate() {
        if !counted.get(i).copied().unwrap_or(false) {
            continue;
        }
        let group = (cell.indicator.clone(), cell.period);
        match (cell.dimension, cell.category.as_deref()) {
            (Some(dim), Some(cat)) => {
                grids
                    .entry((group, dim))
                    .or_default()
                    .insert((cell.unit.as_str(), cat), i);
            }
            _ => {
                totals
                    .entry(group)
                    .or_default()
                    .insert(cell.unit.as_str(), i);
            }
        }
    }
    let mut out = Vec::new();
    for units in totals.values() {
        out.push(units.values().copied().collect());
    }
    for ((group, _dim), grid) in &grids {
        let group_totals = totals.get(group);
        let mut rows: SortedMap<&str, Vec<usize>> = SortedMap::new();
        let mut cols: SortedMap<&str, Vec<usize>> = SortedMap::new();
        for (&(unit, cat), &i) in grid {
            rows.entry(unit).or_default().push(i);
            cols.entry(cat).or_default().push(i);
        }
        for (unit, mut row) in rows {
            if let Some(&t) = group_totals.and_then(|t| t.get(unit)) {
                row.push(t);
            }
            out.push(row);
        }
        out.extend(cols.into_values());
    }
    out.retain(|line| line.len() >= 2);
    out
}

/// Marks cells to hide: `sensitive` cells first, then complements until no line has exactly
/// one hidden cell.
///
/// # Examples
///
/// ```
/// use treem::indicator::{compute, suppress::suppress, table::Suppression, Options};
/// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
/// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
/// let table = compute(input, &options).unwrap().table.unwrap();
/// let hidden = suppress(&table.cells, &[true], &[true]);
/// assert_eq!(hidden, [Some(Suppression::Primary)]);
/// ```
pub fn suppress(cells: &[Cell], counted: &[bool], sensitive: &[bool]) -> Vec<Option<Suppression>> {
    let mut marks: Vec<Option<Suppression>> = sensitive
        .iter()
        .map(|&s| s.then_some(Suppression::Primary))
        .collect();
    let lines = lines(cells, counted);
    let size = |i: usize| -> u64 {
        cells
            .get(i)
            .and_then(|c| c.numerator.as_ref())
            .and_then(serde_json::Number::as_u64)
            .unwrap_or(0)
    };
    let hidden =
        |marks: &[Option<Suppression>], i: usize| marks.get(i).is_some_and(Option::is_some);
    loop {
        let mut changed = false;
        for line in &lines {
            let count = line.iter().filter(|&&i| hidden(&marks, i)).count();
            if count != 1 {
                continue;
            }
            // The smallest published cell of the line (then the first in key order) loses
            // the least information.
            let pick = line
                .iter()
                .copied()
                .filter(|&i| !hidden(&marks, i))
                .min_by_key(|&i| (size(i), i));
            if let Some(slot) = pick.and_then(|i| marks.get_mut(i)) {
                *slot = Some(Suppression::Complementary);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    marks
}
