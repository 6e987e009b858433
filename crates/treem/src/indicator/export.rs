//! Exports of a published table: CSV, and a DHIS2 data value set.
//!
//! The JSON export is the [`Table`] itself (`serde_json::to_value`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::table::{Cell, Table};

/// The CSV header, in column order.
pub const CSV_HEADER: &str = "indicator,period,unit,dimension,category,numerator,denominator,value,factor,additive,suppressed,suppression,conflict";

fn csv_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The table as CSV (RFC 4180, `\n` line ends). A hidden cell has empty figures and
/// `suppressed` = `true`: never an empty cell that reads as zero without saying why.
///
/// # Examples
///
/// ```
/// use treem::indicator::{compute, export::to_csv, Options};
/// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
/// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
/// let csv = to_csv(&compute(input, &options).unwrap().table.unwrap());
/// assert_eq!(csv.lines().nth(1), Some("I:0101,2025,31,urban_rural,urban,120,,120,number,true,false,,false"));
/// ```
pub fn to_csv(table: &Table) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for c in &table.cells {
        let factor = serde_json::to_value(c.factor)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let fields = [
            c.indicator.to_string(),
            c.period.to_string(),
            c.unit.clone(),
            c.dimension
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default(),
            c.category.clone().unwrap_or_default(),
            c.numerator
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            c.denominator
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            c.value.map(|v| v.to_string()).unwrap_or_default(),
            factor,
            c.additive.to_string(),
            c.suppressed.to_string(),
            c.suppression
                .and_then(|s| serde_json::to_value(s).ok())
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            c.conflict.to_string(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push('\n');
    }
    out
}

/// Which figure of a cell a DHIS2 data element receives.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// The numerator (DHIS2 usually stores counts and computes rates itself).
    #[default]
    Numerator,
    /// The denominator.
    Denominator,
    /// The computed or reported value.
    Value,
}

/// How one of our indicators maps to a DHIS2 instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dhis2Element {
    /// The DHIS2 data element uid.
    pub data_element: String,
    /// Which figure it receives (default `numerator`).
    #[serde(default)]
    pub figure: Figure,
    /// Category option combo uid per breakdown: key `total` for the unit's total, and
    /// `<dimension>=<category>` (e.g. `sex=female`) for a breakdown.
    #[serde(default)]
    pub category_option_combos: BTreeMap<String, String>,
}

/// The mapping file from our codes to one DHIS2 instance's ids. Its maps stay `BTreeMap`s: a
/// caller's file lists thousands of units in any order (a sorted `Vec` would shift on each).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dhis2Mapping {
    /// Our administrative unit code → DHIS2 organisation unit uid.
    #[serde(default)]
    pub org_units: BTreeMap<String, String>,
    /// Our indicator id (`II:0101`) → data elements (one per figure exported).
    #[serde(default)]
    pub indicators: BTreeMap<String, Vec<Dhis2Element>>,
}

/// One DHIS2 data value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dhis2DataValue {
    /// Data element uid.
    pub data_element: String,
    /// DHIS2 period (`2024`, `2024Q1`, `202401`, `2024Sep`).
    pub period: String,
    /// Organisation unit uid.
    pub org_unit: String,
    /// Category option combo uid.
    pub category_option_combo: String,
    /// The figure, as DHIS2 wants it: a string.
    pub value: String,
}

/// A DHIS2 data value set: `{"dataValues": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dhis2DataValueSet {
    /// The values.
    pub data_values: Vec<Dhis2DataValue>,
}

/// A cell that was not exported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotExported {
    /// `indicator|period|unit|dimension=category`.
    pub cell: String,
    /// `suppressed`, `no_value`, `indicator_unmapped`, `org_unit_unmapped`,
    /// `category_option_combo_unmapped` or `period_unmapped`.
    pub reason: String,
}

/// The DHIS2 export: the data value set, and every cell (or figure) left out with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dhis2Export {
    /// The data value set to import.
    pub data_value_set: Dhis2DataValueSet,
    /// What was not exported: nothing is dropped silently.
    pub not_exported: Vec<NotExported>,
}

fn cell_label(c: &Cell) -> String {
    let mut s = format!("{}|{}|{}", c.indicator, c.period, c.unit);
    if let (Some(d), Some(cat)) = (c.dimension, &c.category) {
        let _ = write!(s, "|{}={}", d.as_str(), cat);
    }
    s
}

fn coc_key(c: &Cell) -> String {
    match (c.dimension, &c.category) {
        (Some(d), Some(cat)) => format!("{}={}", d.as_str(), cat),
        _ => "total".to_owned(),
    }
}

fn figure_text(c: &Cell, figure: Figure) -> Option<String> {
    match figure {
        Figure::Numerator => c.numerator.as_ref().map(ToString::to_string),
        Figure::Denominator => c.denominator.as_ref().map(ToString::to_string),
        Figure::Value => c.value.map(|v| v.to_string()),
    }
}

/// Exports `table` as a DHIS2 data value set through `mapping`. Hidden cells are never
/// exported (DHIS2 has no "suppressed" mark, and a missing value must not read as zero):
/// they are listed in `not_exported` with reason `suppressed`, like every unmapped cell.
///
/// # Examples
///
/// ```
/// use treem::indicator::{compute, export::{to_dhis2, Dhis2Mapping}, Options};
/// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
/// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
/// let table = compute(input, &options).unwrap().table.unwrap();
/// let mapping: Dhis2Mapping = serde_json::from_value(serde_json::json!({"org_units": {"31": "OU1"},
///     "indicators": {"I:0101": [{"data_element": "DE1", "category_option_combos": {"urban_rural=urban": "C1"}}]}})).unwrap();
/// let export = to_dhis2(&table, &mapping);
/// assert_eq!(export.data_value_set.data_values[0].value, "120");
/// ```
pub fn to_dhis2(table: &Table, mapping: &Dhis2Mapping) -> Dhis2Export {
    let mut values = Vec::new();
    let mut not_exported = Vec::new();
    let mut skip = |c: &Cell, reason: &str| {
        not_exported.push(NotExported {
            cell: cell_label(c),
            reason: reason.to_owned(),
        });
    };
    for c in &table.cells {
        if c.suppressed {
            skip(c, "suppressed");
            continue;
        }
        let Some(elements) = mapping.indicators.get(&c.indicator.to_string()) else {
            skip(c, "indicator_unmapped");
            continue;
        };
        let Some(org_unit) = mapping.org_units.get(&c.unit) else {
            skip(c, "org_unit_unmapped");
            continue;
        };
        let Some(period) = c.period.dhis2() else {
            skip(c, "period_unmapped");
            continue;
        };
        for element in elements {
            let Some(coc) = element.category_option_combos.get(&coc_key(c)) else {
                skip(c, "category_option_combo_unmapped");
                continue;
            };
            let Some(value) = figure_text(c, element.figure) else {
                skip(c, "no_value");
                continue;
            };
            values.push(Dhis2DataValue {
                data_element: element.data_element.clone(),
                period: period.clone(),
                org_unit: org_unit.clone(),
                category_option_combo: coc.clone(),
                value,
            });
        }
    }
    Dhis2Export {
        data_value_set: Dhis2DataValueSet {
            data_values: values,
        },
        not_exported,
    }
}
