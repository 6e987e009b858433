//! Caller-supplied values: how external indicators (surveys, other sectors) enter a table.
//!
//! One item: `{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period":
//! "2024", "breakdown": {"dimension": "sex", "category": "female"}, "numerator": 120,
//! "denominator": 400}` or `... "value": 30.5`. For an additive indicator, counts
//! (non-negative integers) are summed like records; a bare `value` (or any figure of a
//! non-additive indicator) is kept as reported and never summed.

use super::definition::{Computability, Definition, DenominatorFrom, IndicatorId};
use super::partial::{Breakdown, CellKey, Num, Partial, Reported};
use super::period::Period;
use crate::report::{IssueSink, Location};

/// One caller value as read (unknown members refused; `period`, `breakdown` and the figures
/// may be left out).
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(treem_derive::Data)]
#[serde(deny_unknown_fields)]
struct ValueItem {
    #[allow(dead_code)]
    kind: String,
    indicator: String,
    period: Option<String>,
    unit: String,
    breakdown: Option<Breakdown>,
    numerator: Option<serde_json::Number>,
    denominator: Option<serde_json::Number>,
    value: Option<serde_json::Number>,
}

fn count(n: &serde_json::Number) -> Option<u64> {
    n.as_u64()
}

fn finite(n: &serde_json::Number) -> Option<Num> {
    n.as_f64().filter(|f| f.is_finite()).map(Num)
}

/// Adds one caller value to `partial`, or reports why it cannot be used.
pub(crate) fn add_value(
    item: &serde_json::Value,
    at: &Location<'_>,
    definitions: &[&Definition],
    default_period: Option<Period>,
    partial: &mut Partial,
    sink: &mut IssueSink,
) {
    let invalid = |sink: &mut IssueSink, reason: String| {
        sink.push(
            &super::INDICATOR_VALUE_INVALID,
            at,
            [("reason", crate::privacy::truncate(&reason, 200).into())],
        );
    };
    let parsed: ValueItem = match crate::json::data::FromJson::from_json(item) {
        Ok(v) => v,
        Err(e) => {
            let e: crate::json::data::ReadError = e;
            return e.report(at, sink);
        }
    };
    let id: IndicatorId = match parsed.indicator.parse() {
        Ok(id) => id,
        Err(e) => return invalid(sink, e),
    };
    let Some(def) = definitions.iter().find(|d| d.id == id) else {
        sink.push(
            &super::INDICATOR_UNKNOWN,
            &at.key("indicator"),
            [(
                "indicator",
                crate::privacy::truncate(&parsed.indicator, 70).into(),
            )],
        );
        return;
    };
    // An indicator fed by records takes from the caller only its outside denominator (the
    // population of a per-100,000 rate, of an enrolment rate), and the cells of a breakdown the
    // records cannot give (`from_records: false`: the urban/rural split of the child
    // population, Phụ lục III 0101 "Thành thị/nông thôn").
    let denominator_only = parsed.numerator.is_none()
        && parsed.value.is_none()
        && parsed.denominator.is_some()
        && def.denominator_from == DenominatorFrom::External;
    let outside_breakdown = parsed.breakdown.as_ref().is_some_and(|b| {
        def.has_dimension(b.dimension) && !def.dimension_from_records(b.dimension)
    });
    if def.computability == Computability::FromRecords && !denominator_only && !outside_breakdown {
        sink.push(
            &super::INDICATOR_VALUE_FOR_COMPUTED,
            &at.key("indicator"),
            [("indicator", id.to_string().into())],
        );
        return;
    }
    let period = match (&parsed.period, default_period) {
        (Some(p), _) => match p.parse::<Period>() {
            Ok(p) => p,
            Err(e) => {
                sink.push(
                    &super::INDICATOR_PERIOD_INVALID,
                    &at.key("period"),
                    [("reason", e.into())],
                );
                return;
            }
        },
        (None, Some(p)) => p,
        (None, None) => {
            sink.push(
                &super::INDICATOR_PERIOD_INVALID,
                &at.key("period"),
                [("reason", "no period given, and no period option".into())],
            );
            return;
        }
    };
    if let Some(b) = &parsed.breakdown {
        if !def.has_dimension(b.dimension) {
            sink.push(
                &super::INDICATOR_BREAKDOWN_UNKNOWN,
                &at.key("breakdown"),
                [
                    ("indicator", id.to_string().into()),
                    ("dimension", b.dimension.as_str().into()),
                ],
            );
            return;
        }
    }
    if parsed.unit.trim().is_empty() {
        return invalid(sink, "unit is empty".to_owned());
    }
    if let Some(start) = period.end() {
        if !def.in_force_on(start) {
            sink.push(
                &super::INDICATOR_NOT_IN_FORCE,
                &at.key("period"),
                [
                    ("indicator", id.to_string().into()),
                    ("from", def.in_force_from.to_string().into()),
                ],
            );
        }
    }
    let key = CellKey {
        indicator: id,
        period,
        unit: parsed.unit.trim().to_owned(),
        breakdown: parsed.breakdown,
    };
    let has_counts = parsed.numerator.is_some() || parsed.denominator.is_some();
    if !has_counts && parsed.value.is_none() {
        return invalid(sink, "give numerator (and denominator) or value".to_owned());
    }
    if def.additive && has_counts {
        if parsed.value.is_some() {
            return invalid(
                sink,
                "give counts or a value, not both: the value is computed from the counts"
                    .to_owned(),
            );
        }
        let numerator = match parsed.numerator.as_ref().map(count) {
            Some(Some(n)) => n,
            None => 0,
            Some(None) => {
                return invalid(sink, "numerator must be a non-negative integer".to_owned())
            }
        };
        let denominator = match parsed.denominator.as_ref().map(count) {
            Some(Some(n)) => Some(n),
            None => None,
            Some(None) => {
                return invalid(
                    sink,
                    "denominator must be a non-negative integer".to_owned(),
                )
            }
        };
        partial.cell_mut(key).add_counts(numerator, denominator);
        return;
    }
    let mut reported = Reported {
        numerator: None,
        denominator: None,
        value: None,
    };
    for (field, slot) in [
        (&parsed.numerator, &mut reported.numerator),
        (&parsed.denominator, &mut reported.denominator),
        (&parsed.value, &mut reported.value),
    ] {
        if let Some(n) = field {
            match finite(n) {
                Some(v) => *slot = Some(v),
                None => return invalid(sink, "numbers must be finite".to_owned()),
            }
        }
    }
    partial.cell_mut(key).reported.insert(reported);
}
