//! Partial aggregates: sums per cell that merge associatively and commutatively.
//!
//! A [`Partial`] maps each [`CellKey`] (indicator, period, administrative unit, optional
//! breakdown) to an [`Accum`]. Additive parts (numerator, denominator) are summed with
//! saturating `u64` addition, which is associative and commutative on non-negative counts;
//! values reported by a caller for non-additive measures (survey estimates) are kept as a
//! set, whose union is associative and commutative too. Everything sits in ordered maps and
//! sets (`BTreeMap`, `SortedSet`), so the serialised form is deterministic: compute per shard anywhere, merge in
//! any order and grouping, and get exactly the whole.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::definition::{Dimension, IndicatorId};
use super::period::Period;
use crate::sorted_map::SortedSet;

/// One breakdown of a cell: a dimension and its category (`sex` = `female`).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    schemars::JsonSchema,
    treem_derive::Data,
)]
pub struct Breakdown {
    /// The dimension.
    pub dimension: Dimension,
    /// The category, as the feeder or caller names it (`female`, `10_14`, ...).
    pub category: String,
}

/// What a cell is about. The total of a unit has no breakdown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, treem_derive::Data)]
pub struct CellKey {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The period.
    pub period: Period,
    /// The administrative unit code (of either geography edition; phase 2 resolves them).
    pub unit: String,
    /// The breakdown, `None` for the unit's total.
    #[serde(default, skip_serializing_if = "Option::is_none", flatten)]
    pub breakdown: Option<Breakdown>,
}

/// A finite number with a total order, for sets of reported values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Num(pub f64);

impl Eq for Num {}
impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Num {
    fn cmp(&self, other: &Num) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A value a caller reported for a non-additive measure (a survey estimate, a rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, treem_derive::Data)]
pub struct Reported {
    /// The reported numerator, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Num>,
    /// The reported denominator, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Num>,
    /// The reported value, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
}

/// The running sums of one cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, treem_derive::Data)]
pub struct Accum {
    /// Summed numerator of additive inputs.
    #[serde(default)]
    pub numerator: u64,
    /// Summed denominator; `None` when no input had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<u64>,
    /// How many additive inputs were summed (records or caller counts).
    #[serde(default)]
    pub inputs: u64,
    /// Values reported for non-additive measures; never summed. More than one is a conflict.
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub reported: SortedSet<Reported>,
}

impl Accum {
    /// Adds an additive input.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut accum = treem::indicator::partial::Accum::default();
    /// accum.add_counts(2, Some(10));
    /// accum.add_counts(1, None);
    /// assert_eq!((accum.numerator, accum.denominator, accum.inputs), (3, Some(10), 2));
    /// ```
    pub fn add_counts(&mut self, numerator: u64, denominator: Option<u64>) {
        self.numerator = self.numerator.saturating_add(numerator);
        self.denominator = add_opt(self.denominator, denominator);
        self.inputs = self.inputs.saturating_add(1);
    }

    /// Merges another accumulator into this one.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::partial::Accum;
    /// let (mut a, mut b) = (Accum::default(), Accum::default());
    /// a.add_counts(2, Some(10));
    /// b.add_counts(1, Some(5));
    /// a.merge(&b);
    /// assert_eq!((a.numerator, a.denominator, a.inputs), (3, Some(15), 2));
    /// ```
    pub fn merge(&mut self, other: &Accum) {
        self.numerator = self.numerator.saturating_add(other.numerator);
        self.denominator = add_opt(self.denominator, other.denominator);
        self.inputs = self.inputs.saturating_add(other.inputs);
        self.reported.extend(other.reported.iter().copied());
    }
}

fn add_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// The format tag of a serialised partial.
pub const PARTIAL_FORMAT: &str = "treem.indicators.partial/1";

/// A mergeable partial aggregate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PartialWire", into = "PartialWire")]
pub struct Partial {
    /// The cells, in key order. A `BTreeMap`, not a [`crate::sorted_map::SortedMap`]: the
    /// cells grow with the dataset (units × breakdowns), and records add to them in any order.
    pub cells: BTreeMap<CellKey, Accum>,
}

impl Partial {
    /// An empty partial (the identity of [`Partial::merge`]).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(treem::indicator::partial::Partial::new().cells.is_empty());
    /// ```
    pub fn new() -> Partial {
        Partial::default()
    }

    /// The accumulator of `key`, created empty if absent.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{definition::IndicatorId, partial::{CellKey, Partial}, period::Period};
    /// let indicator = IndicatorId::new("I", "0101");
    /// let key = CellKey { indicator, period: Period::Year(2025), unit: "31".into(), breakdown: None };
    /// let mut partial = Partial::new();
    /// partial.cell_mut(key).add_counts(2, Some(10));
    /// assert_eq!(partial.cells.len(), 1);
    /// ```
    pub fn cell_mut(&mut self, key: CellKey) -> &mut Accum {
        self.cells.entry(key).or_default()
    }

    /// Merges `other` into `self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{definition::IndicatorId, partial::{CellKey, Partial}, period::Period};
    /// let indicator = IndicatorId::new("I", "0101");
    /// let key = CellKey { indicator, period: Period::Year(2025), unit: "31".into(), breakdown: None };
    /// let mut a = Partial::new();
    /// a.cell_mut(key.clone()).add_counts(3, None);
    /// let b = a.clone();
    /// a.merge(&b);
    /// assert_eq!(a.cells[&key].numerator, 6);
    /// ```
    pub fn merge(&mut self, other: &Partial) {
        for (key, accum) in &other.cells {
            self.cells.entry(key.clone()).or_default().merge(accum);
        }
    }

    /// The merge of two partials, leaving both as they were.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{definition::IndicatorId, partial::{CellKey, Partial}, period::Period};
    /// let indicator = IndicatorId::new("I", "0101");
    /// let key = CellKey { indicator, period: Period::Year(2025), unit: "31".into(), breakdown: None };
    /// let mut a = Partial::new();
    /// a.cell_mut(key.clone()).add_counts(3, None);
    /// let both = a.clone().merged(&a);
    /// assert_eq!(both.cells[&key].numerator, 6);
    /// ```
    pub fn merged(mut self, other: &Partial) -> Partial {
        self.merge(other);
        self
    }

    /// The partial as JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// let json = treem::indicator::partial::Partial::new().to_json();
    /// assert_eq!(json["format"], "treem.indicators.partial/1");
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// The serialised form: `{"format": "treem.indicators.partial/1", "cells": [...]}`, cells in
/// key order, each its key members plus its sums. JSON has no struct keys, hence the list.
#[derive(Serialize, treem_derive::Data)]
struct PartialWire {
    format: String,
    cells: Vec<WireCell>,
}

/// One serialised cell: its key members and its sums side by side.
#[derive(Serialize, treem_derive::Data)]
struct WireCell {
    #[serde(flatten)]
    key: CellKey,
    #[serde(flatten)]
    accum: Accum,
}

impl From<Partial> for PartialWire {
    fn from(p: Partial) -> PartialWire {
        PartialWire {
            format: PARTIAL_FORMAT.to_owned(),
            cells: p
                .cells
                .into_iter()
                .map(|(key, accum)| WireCell { key, accum })
                .collect(),
        }
    }
}

impl TryFrom<PartialWire> for Partial {
    type Error = String;
    fn try_from(w: PartialWire) -> Result<Partial, String> {
        if w.format != PARTIAL_FORMAT {
            return Err(format!("expected format \"{PARTIAL_FORMAT}\""));
        }
        let mut p = Partial::new();
        // A key listed twice is merged, which is what concatenating two shards' lists means.
        for cell in w.cells {
            p.cell_mut(cell.key).merge(&cell.accum);
        }
        Ok(p)
    }
}

/// Any JSON number.
impl crate::json::data::FromJson for Num {
    fn from_json(value: &serde_json::Value) -> Result<Num, crate::json::data::ReadError> {
        value
            .as_f64()
            .map(Num)
            .ok_or_else(|| crate::json::data::ReadError::wrong_type("number", value))
    }
}

/// A partial from its serialised form (`PartialWire`); `json.invalid_value` at `/format`
/// for another format.
impl crate::json::data::FromJson for Partial {
    fn from_json(value: &serde_json::Value) -> Result<Partial, crate::json::data::ReadError> {
        let wire = PartialWire::from_json(value)?;
        if wire.format != PARTIAL_FORMAT {
            return Err(crate::json::data::ReadError::invalid_value(
                PARTIAL_FORMAT,
                &serde_json::Value::Null,
            )
            .at("format"));
        }
        Partial::try_from(wire).map_err(|_| {
            crate::json::data::ReadError::invalid_value("a partial", &serde_json::Value::Null)
        })
    }
}
