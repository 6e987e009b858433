//! Statistical indicators: the 84 of Thông tư 13/2021/TT-BLĐTBXH (Phụ lục I: 60 on
//! children; Phụ lục II: 24 on abuse and administrative sanctions), treem's own safe-school
//! roll-up (namespace `treem`, NOT from TT 13/2021), and any a caller adds.
//!
//! - [`definition`]: the definitions as data, their schema and loader.
//! - [`facts`]: how records plug in ([`facts::Facts`]: each record states its
//!   contributions); [`feed`]: the feeders of `child` records (with their `case` records,
//!   joined by `child_id`) and `safe_school_assessment` records. Caller-supplied values
//!   (`values`) feed the external indicators and outside denominators.
//! - [`partial`]: mergeable partial aggregates; [`table`] and [`suppress`]: the published
//!   table with small-cell suppression; [`export`]: CSV and DHIS2.
//!
//! The JSON entry point is [`crate::api::indicators`].

pub mod definition;
pub mod export;
pub mod facts;
pub mod feed;
pub mod partial;
pub mod period;
pub mod stream;
pub mod suppress;
pub mod table;
mod values;

/// The age groups indicator cells are split by ([`Options::age_groups`]).
pub use feed::age::AgeGroups;

use serde::Serialize;

use crate::report::{Issue, IssueSink, Location};
use crate::{Context, Error};
use definition::{Computability, Definition};
use partial::Partial;
use period::Period;
use table::Table;

crate::codes! {
    /// The definitions compiled into the library did not parse: a broken build.
    INDICATOR_BUILTIN_INVALID = "indicator.builtin_invalid", Error, "indicator.definition", "treem",
        "Dữ liệu định nghĩa chỉ tiêu có sẵn bị lỗi: {reason}",
        "The built-in indicator definitions are broken: {reason}";
    /// A caller's definition does not fit the `indicator_definition` schema.
    INDICATOR_DEFINITION_INVALID = "indicator.definition_invalid", Error, "indicator.definition", "treem",
        "Định nghĩa chỉ tiêu không hợp lệ: {reason}",
        "Invalid indicator definition: {reason}";
    /// Callers may not define into `I`, `II` (TT 13/2021) or `treem`.
    INDICATOR_DEFINITION_RESERVED = "indicator.definition_reserved", Error, "indicator.definition",
        "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II",
        "Mã {indicator} thuộc không gian mã dành riêng (I, II, treem); hãy dùng không gian mã riêng",
        "{indicator} is in a reserved namespace (I, II, treem); use a namespace of your own";
    /// Two definitions with one id.
    INDICATOR_DEFINITION_DUPLICATE = "indicator.definition_duplicate", Error, "indicator.definition", "treem",
        "Chỉ tiêu {indicator} đã được định nghĩa",
        "Indicator {indicator} is already defined";
    /// A value or cell names an indicator no definition has.
    INDICATOR_UNKNOWN = "indicator.unknown", Error, "indicator.values", "treem",
        "Không có chỉ tiêu {indicator}",
        "No indicator {indicator}";
    /// A caller value is malformed.
    INDICATOR_VALUE_INVALID = "indicator.value_invalid", Error, "indicator.values", "treem",
        "Giá trị chỉ tiêu không hợp lệ: {reason}",
        "Invalid indicator value: {reason}";
    /// Values for indicators computed from records come from the records, not the caller.
    INDICATOR_VALUE_FOR_COMPUTED = "indicator.value_for_computed", Error, "indicator.values", "treem",
        "Chỉ tiêu {indicator} được tính từ hồ sơ; chỉ nhận mẫu số từ bên ngoài (nếu có)",
        "Indicator {indicator} is computed from records; the caller may give only its outside denominator";
    /// A period that cannot be read.
    INDICATOR_PERIOD_INVALID = "indicator.period_invalid", Error, "indicator.values", "treem",
        "Kỳ không hợp lệ: {reason}",
        "Invalid period: {reason}";
    /// A breakdown by a dimension the indicator does not have.
    INDICATOR_BREAKDOWN_UNKNOWN = "indicator.breakdown_unknown", Error, "indicator.values",
        "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục III và IV (phân tổ chủ yếu)",
        "Chỉ tiêu {indicator} không có phân tổ {dimension}",
        "Indicator {indicator} has no disaggregation {dimension}";
    /// The period ends before the indicator came into force.
    INDICATOR_NOT_IN_FORCE = "indicator.not_in_force", Warning, "indicator.values",
        "Thông tư 13/2021/TT-BLĐTBXH, Điều 3",
        "Chỉ tiêu {indicator} chỉ có hiệu lực từ {from}",
        "Indicator {indicator} is in force only from {from}";
    /// Different values reported for one cell of a non-additive measure.
    INDICATOR_VALUE_CONFLICT = "indicator.value_conflict", Error, "indicator.table", "treem",
        "Các giá trị khác nhau cho chỉ tiêu {indicator}, đơn vị {unit}, kỳ {period}: không cộng được",
        "Different values for indicator {indicator}, unit {unit}, period {period}: they cannot be summed";
    /// An item of the input is neither a record, a caller value nor a partial.
    INDICATOR_ITEM_INVALID = "indicator.item_invalid", Error, "indicator.input", "treem",
        "Mục không hợp lệ: {reason}",
        "Invalid item: {reason}";
    /// Records of this kind feed no indicator (`school`: the safe-school roll-up reads the
    /// school embedded in each assessment).
    INDICATOR_RECORD_PENDING = "indicator.record_pending", Warning, "indicator.input", "treem",
        "Hồ sơ loại {kind} không được dùng để tính chỉ tiêu nào trong phiên bản này",
        "Records of kind {kind} feed no indicator in this version";
}

/// Which answer `indicators` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, treem_derive::Data)]
#[serde(rename_all = "snake_case")]
pub enum OutputForm {
    /// The published table (suppressed).
    #[default]
    Table,
    /// The mergeable partial (unsuppressed sums: keep it inside the statistics office).
    Partial,
}

/// The options of the `indicators` entry point, beside the common ones of [`Context`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The common context (`as_of`, `lang`, `edition`).
    pub ctx: Context,
    /// Default period for values that give none (and, in phase 2, the period records count in).
    pub period: Option<Period>,
    /// Counts from 1 to `threshold - 1` are hidden (default 5; 0 or 1 hide nothing).
    pub threshold: u64,
    /// Table or partial.
    pub output: OutputForm,
    /// Definitions the caller adds (schema `indicator_definition`), as JSON.
    pub definitions: Option<serde_json::Value>,
    /// The groups of the `age_group` disaggregation (option `age_groups`: lower bounds).
    pub age_groups: feed::age::AgeGroups,
}

impl Options {
    /// Reads `{"as_of", "lang", "edition", "period", "suppression_threshold", "output",
    /// "definitions", "age_groups"}`. Records count in `period` (default: the calendar year
    /// of `as_of`); the education indicators in its school year (a `2024-2025` period, else
    /// the school year `as_of` falls in).
    ///
    /// # Errors
    /// `is_invalid_option()` for an unknown option or a bad value; `is_not_json()` /
    /// `is_wrong_top_level_type()` when the options are not a JSON object.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{Options, period::Period};
    /// let options = Options::from_json(br#"{"period": "2024", "suppression_threshold": 10}"#).unwrap();
    /// assert_eq!((options.period, options.threshold), (Some(Period::Year(2024)), 10));
    /// assert!(Options::from_json(br#"{"no_such_option": 1}"#).is_err());
    /// ```
    pub fn from_json(options: &[u8]) -> Result<Options, Error> {
        let mut map = if options.iter().all(u8::is_ascii_whitespace) {
            serde_json::Map::new()
        } else {
            match crate::json::parse_bytes(options)? {
                serde_json::Value::Object(map) => map,
                serde_json::Value::Null => serde_json::Map::new(),
                other => return Err(Error::wrong_top_level("object of options", &other)),
            }
        };
        let period = match map.remove("period") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(
                s.parse()
                    .map_err(|e: String| Error::invalid_option("period", e))?,
            ),
            Some(_) => return Err(Error::invalid_option("period", "expected a string")),
        };
        let threshold = match map.remove("suppression_threshold") {
            None | Some(serde_json::Value::Null) => table::DEFAULT_THRESHOLD,
            Some(v) => v.as_u64().ok_or_else(|| {
                Error::invalid_option("suppression_threshold", "expected a non-negative integer")
            })?,
        };
        let output = match map.remove("output") {
            None | Some(serde_json::Value::Null) => OutputForm::Table,
            Some(v) => crate::json::data::FromJson::from_json(&v).map_err(|_| {
                Error::invalid_option("output", "expected \"table\" or \"partial\"")
            })?,
        };
        let definitions = map.remove("definitions");
        let age_groups = match map.remove("age_groups") {
            None | Some(serde_json::Value::Null) => feed::age::AgeGroups::default(),
            Some(v) => {
                let bounds: Vec<u32> =
                    crate::json::data::FromJson::from_json(&v).map_err(|_| {
                        Error::invalid_option(
                            "age_groups",
                            "expected an array of ages (lower bounds)",
                        )
                    })?;
                feed::age::AgeGroups::from_bounds(bounds)
                    .map_err(|e| Error::invalid_option("age_groups", e))?
            }
        };
        let ctx = Context::from_options_value(&serde_json::Value::Object(map))?;
        Ok(Options {
            ctx,
            period,
            threshold,
            output,
            definitions,
            age_groups,
        })
    }
}

/// The answer of the `indicators` entry point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// False when some issue is an error (the table is still given, from what could be used).
    pub ok: bool,
    /// Every problem with the input, by JSON Pointer (`/3` is the fourth item, counting
    /// non-blank NDJSON lines).
    pub issues: Vec<Issue>,
    /// The table, when `output` is `table`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// The partial, when `output` is `partial`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Partial>,
}

/// Turns problems in the embedded definitions into issues (none unless the build is broken).
///
/// # Examples
///
/// ```
/// let mut sink = treem::report::IssueSink::new(treem::Lang::En);
/// treem::indicator::check_builtin(&mut sink);
/// assert!(sink.is_empty());
/// ```
pub fn check_builtin(sink: &mut IssueSink) {
    for problem in &definition::builtin().problems {
        sink.push(
            &INDICATOR_BUILTIN_INVALID,
            &Location::root(),
            [("reason", problem.clone().into())],
        );
    }
}

/// Splits the input into items: one JSON value (an array of items, a partial, or one item),
/// or NDJSON (one item per line, blank lines skipped). A line that is not JSON stays in its
/// place as `Err(column)`, reported in input order with the others.
fn items(text: &str) -> Vec<Result<serde_json::Value, usize>> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        return match value {
            serde_json::Value::Array(items) => items.into_iter().map(Ok).collect(),
            other => vec![Ok(other)],
        };
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| serde_json::from_str(line).map_err(|e| e.column()))
        .collect()
}

/// Computes indicators from `input` (records tagged by kind, caller values, partials), by an
/// [`stream::Accumulator`]: every item but the children first (cases wait for their child),
/// then the children, each counted with its cases. Issues keep the input's order.
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8; option errors as [`Options::from_json`].
///
/// # Examples
///
/// ```
/// use treem::indicator::{compute, Options};
/// let input = br#"{"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2025",
///     "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120}"#;
/// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
/// let answer = compute(input, &options).unwrap();
/// assert!(answer.ok);
/// assert_eq!(answer.table.unwrap().cells[0].value, Some(120.0));
/// ```
pub fn compute(input: &[u8], options: &Options) -> Result<Answer, Error> {
    let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
    let mut acc = stream::Accumulator::new(options);
    // Cases first, then the children (kept aside, handed over after `close_cases`).
    let mut children = Vec::new();
    for (index, item) in items(text).into_iter().enumerate() {
        match item {
            Ok(item) if stream::Accumulator::is_child(&item) => children.push((index, item)),
            Ok(item) => acc.add_item(index, item),
            Err(column) => acc.add_not_json(index, column),
        }
    }
    acc.close_cases();
    for (index, item) in children {
        acc.add_item(index, item);
    }
    Ok(acc.finish())
}

/// The catalog `indicators`: every built-in definition with its source and completeness.
pub(crate) fn catalog(ctx: &Context) -> Vec<serde_json::Value> {
    let builtin = definition::builtin();
    let mut out: Vec<serde_json::Value> = builtin
        .definitions
        .iter()
        .map(|d| catalog_item(d, ctx))
        .collect();
    for problem in &builtin.problems {
        out.push(serde_json::json!({"code": "error", "label": problem, "source": "treem"}));
    }
    out
}

fn catalog_item(d: &Definition, ctx: &Context) -> serde_json::Value {
    let label = match ctx.lang {
        crate::Lang::Vi => &d.name_vi,
        crate::Lang::En => &d.name_en,
    };
    let mut gaps = Vec::new();
    if d.factor == definition::Factor::Unclear {
        gaps.push("factor_unclear");
    }
    if d.disaggregations.is_empty() {
        gaps.push("no_disaggregation_in_source");
    }
    if d.numerator_vi.is_none() && d.factor != definition::Factor::Number {
        gaps.push("numerator_not_extracted");
    }
    let computation = match d.computability {
        Computability::FromRecords => "records",
        Computability::External => "caller_values",
    };
    let feeds = feeds(d, ctx);
    serde_json::json!({
        "code": d.id.to_string(),
        "label": label,
        "name_vi": d.name_vi,
        "name_en": d.name_en,
        "namespace": d.namespace,
        "group": d.group,
        "factor": d.factor,
        "computability": d.computability,
        "denominator_from": d.denominator_from,
        "facts_needed": d.facts_needed,
        "additive": d.additive,
        "dimensions": d.disaggregations.iter().map(|x| x.dimension.as_str()).collect::<Vec<_>>(),
        "periods": d.periods,
        "computation_period": d.computation_period,
        "data_sources_vi": d.data_sources_vi,
        "agency_vi": d.agency_vi,
        "lead_agency_vi": d.lead_agency_vi,
        "feeds": feeds,
        "in_force_from": d.in_force_from.to_string(),
        "source": d.source,
        "completeness": {
            "definition": if gaps.is_empty() { "complete" } else { "partial" },
            "gaps": gaps,
            "computation": computation,
        },
    })
}

/// What feeds an indicator: the parts records compute and the parts the caller must give,
/// each with the official wording, and who gives them: the unit that collects and compiles
/// the indicator ("Cơ quan chịu trách nhiệm thu thập, tổng hợp", section 5 of each indicator
/// of Thông tư 13/2021/TT-BLĐTBXH, Phụ lục III/IV; its "Chủ trì" in `from_vi`).
fn feeds(d: &Definition, ctx: &Context) -> serde_json::Value {
    use definition::{DenominatorFrom, Factor};
    let records = d.computability == Computability::FromRecords;
    let mut external = Vec::new();
    if !records {
        if !d.additive || d.factor == Factor::Unclear {
            external.push(serde_json::json!({"part": "value"}));
        } else if d.factor == Factor::Number {
            external.push(serde_json::json!({"part": "count", "text_vi": d.name_vi}));
        } else {
            external.push(serde_json::json!({"part": "numerator", "text_vi": d.numerator_vi}));
        }
    }
    if d.denominator_from == DenominatorFrom::External && d.additive && d.factor != Factor::Unclear
    {
        external.push(serde_json::json!({"part": "denominator", "text_vi": d.denominator_vi}));
    }
    let mut from_records = Vec::new();
    for x in &d.disaggregations {
        if records && x.from_records {
            from_records.push(x.dimension.as_str());
        } else if records {
            external.push(serde_json::json!({
                "part": "breakdown", "dimension": x.dimension.as_str(), "text_vi": x.text_vi,
            }));
        }
    }
    let parts: Vec<String> = external
        .iter()
        .map(|e| {
            let part = e["part"].as_str().unwrap_or_default();
            match (part, e["dimension"].as_str(), ctx.lang) {
                ("breakdown", Some(dim), crate::Lang::En) => format!("the breakdown {dim}"),
                ("breakdown", Some(dim), crate::Lang::Vi) => format!("phân tổ {dim}"),
                ("numerator", _, crate::Lang::Vi) => "tử số".to_owned(),
                ("denominator", _, crate::Lang::Vi) => "mẫu số".to_owned(),
                ("value", _, crate::Lang::Vi) => "giá trị".to_owned(),
                ("count", _, crate::Lang::Vi) => "số đếm".to_owned(),
                (other, _, _) => format!("the {other}"),
            }
        })
        .collect();
    let list = parts.join(", ");
    let by = match (d.lead_agency_vi.as_deref(), ctx.lang) {
        (Some(unit), crate::Lang::En) => format!(", collected by {unit}"),
        (Some(unit), crate::Lang::Vi) => format!(", do {unit} thu thập, tổng hợp"),
        (None, _) => String::new(),
    };
    let summary = match (ctx.lang, records, parts.is_empty()) {
        (crate::Lang::En, true, true) => "Computed from records; nothing from outside".to_owned(),
        (crate::Lang::Vi, true, true) => "Tính từ hồ sơ; không cần số liệu bên ngoài".to_owned(),
        (crate::Lang::En, true, false) => {
            format!("Computed from records; from outside: {list}{by}")
        }
        (crate::Lang::Vi, true, false) => format!("Tính từ hồ sơ; số liệu bên ngoài: {list}{by}"),
        (crate::Lang::En, false, _) => format!("Not on records: {list}{by}"),
        (crate::Lang::Vi, false, _) => format!("Hồ sơ không có: {list}{by}"),
    };
    serde_json::json!({
        "computed_from_records": records,
        "facts_needed": d.facts_needed,
        "breakdowns_from_records": from_records,
        "external": external,
        "from_vi": d.lead_agency_vi,
        "agency_vi": d.agency_vi,
        "summary": summary,
    })
}
