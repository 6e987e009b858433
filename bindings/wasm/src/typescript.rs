//! TypeScript declarations of the npm package, generated from the Rust types.
//!
//! The core's answer types (`Report`, `Issue`, `Normalized`, `Change`, ...) and every kind's
//! draft derive `schemars::JsonSchema`; this module turns those JSON Schemas into TypeScript,
//! so the committed `types/treem.d.ts` cannot drift from the Rust types: CI regenerates it and
//! fails on any difference. Kinds, catalogs and parsers come from the core's registry, so a
//! kind added to the core appears here (as `<Kind>Input`) with no change to this file.
//!
//! The converter covers the schema forms schemars emits (`type`, `properties`, `required`,
//! `items`, `enum`, `const`, `oneOf`/`anyOf`, `$ref` to `$defs`, `additionalProperties`);
//! any other form becomes `unknown` rather than a wrong type.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde_json::Value;

/// The command that regenerates the committed declarations (printed by CI when stale).
pub const REGENERATE: &str =
    "cargo run -q -p treem-wasm --bin treem-wasm-types > bindings/wasm/types/treem.d.ts";

/// The options every entry point takes; every member is optional.
// It mirrors what `treem::Context::from_options_value` reads (a unit test holds the two
// together) and exists only to describe the options to TypeScript.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct Options {
    /// The date rules are judged at, ISO 8601 (`2026-11-28`). The core never reads the
    /// clock: without it, rules that need a date report `context.as_of_missing`.
    as_of: Option<String>,
    /// The language of messages and labels: `vi` (default) or `en`.
    lang: Option<treem::Lang>,
    /// The administrative-geography edition: `2024` (three levels, until 30 June 2025) or
    /// `2025` (two levels, from 1 July 2025); chosen from `as_of` when absent.
    edition: Option<treem::Edition>,
    /// Extra days off (ISO dates) for working-day deadlines: the compensatory and Tết days
    /// fixed each year by the Prime Minister (Bộ luật Lao động 2019, Điều 112 khoản 3).
    days_off: Option<Vec<String>>,
    /// The caller's holiday calendar for working-day deadlines, which takes precedence over
    /// the built-in one (announced schedules 2025–2026; the law with an estimate otherwise).
    holidays: Option<HolidaysOption>,
    /// Catalog filter: only units inside this province (code or name).
    province: Option<String>,
    /// Catalog filter: only units inside this district-level unit (edition 2024).
    district: Option<String>,
    /// The size limit of one record in bytes of UTF-8 (default 1048576, 1 MiB; at least 1).
    /// A longer record is refused unparsed: `validate` and `normalize` throw `TreemError`
    /// with code `record_too_large`; in `validateMany` its report has the issue
    /// `record.too_large`.
    max_record_bytes: Option<u64>,
}

/// The option `holidays` (read by `treem::Holidays::from_value`).
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct HolidaysOption {
    /// The years the lists describe fully (their announced schedule): in them the library
    /// keeps only the days the law fixes by date, and deadlines say `calendar: "caller"`.
    years: Option<Vec<i32>>,
    /// Days off: ISO dates, or `{date, name}`.
    days_off: Option<Vec<HolidayDay>>,
    /// Working days (make-up Saturdays): ISO dates, or `{date, name}`.
    working_days: Option<Vec<HolidayDay>>,
}

/// A day of the caller's calendar: an ISO date, or the date with a name.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum HolidayDay {
    /// `"2027-02-05"`.
    Date(String),
    /// `{"date": "2027-02-05", "name": "Tết Âm lịch"}`.
    Named {
        /// ISO date.
        date: String,
        /// What the day is.
        name: Option<String>,
    },
}

/// Declarations collected from schemas: type name to TypeScript declaration, in name order so
/// the output is deterministic.
#[derive(Default)]
struct Declarations {
    decls: BTreeMap<String, String>,
}

impl Declarations {
    /// Adds the schema of `name` and every `$defs` entry it carries.
    fn add_schema(&mut self, name: &str, schema: &Value) {
        if let Some(Value::Object(defs)) = schema.get("$defs") {
            for (def_name, def) in defs {
                if !self.decls.contains_key(def_name) {
                    let decl = declaration(def_name, def);
                    self.decls.insert(def_name.clone(), decl);
                }
            }
        }
        let decl = declaration(name, schema);
        self.decls.insert(name.to_owned(), decl);
    }

    fn add<T: JsonSchema>(&mut self, name: &str) {
        let schema = schemars::schema_for!(T).to_value();
        self.add_schema(name, &schema);
    }
}

/// `export interface` for an object with properties, `export type` otherwise.
fn declaration(name: &str, schema: &Value) -> String {
    let mut out = doc_comment(schema, "");
    let is_plain_object = schema.get("properties").is_some()
        && type_names(schema) == ["object"]
        && schema.get("oneOf").is_none()
        && schema.get("anyOf").is_none();
    if is_plain_object {
        let _ = writeln!(out, "export interface {name} {}", object_body(schema, ""));
    } else {
        let _ = writeln!(out, "export type {name} = {};", ts_type(schema, ""));
    }
    out
}

fn doc_comment(schema: &Value, indent: &str) -> String {
    match schema.get("description").and_then(Value::as_str) {
        Some(text) if !text.trim().is_empty() => {
            let mut out = format!("{indent}/**\n");
            for line in text.lines() {
                let line = line.replace("*/", "* /");
                let _ = writeln!(out, "{indent} * {line}");
                if line.is_empty() {
                    // Keep blank lines inside the comment without trailing spaces.
                    out.truncate(out.trim_end_matches([' ', '\n']).len());
                    out.push('\n');
                }
            }
            let _ = writeln!(out, "{indent} */");
            out
        }
        _ => String::new(),
    }
}

fn type_names(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The TypeScript type of a schema, written inline.
fn ts_type(schema: &Value, indent: &str) -> String {
    let Value::Object(map) = schema else {
        // `true` accepts anything; `false` accepts nothing.
        return if schema == &Value::Bool(false) {
            "never".into()
        } else {
            "unknown".into()
        };
    };
    if let Some(Value::String(reference)) = map.get("$ref") {
        return reference
            .strip_prefix("#/$defs/")
            .map_or_else(|| "unknown".to_owned(), str::to_owned);
    }
    if let Some(value) = map.get("const") {
        return literal(value);
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        return union(values.iter().map(literal).collect());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = map.get(key) {
            return union(members.iter().map(|m| ts_type(m, indent)).collect());
        }
    }
    let names = type_names(schema);
    if names.is_empty() {
        return "unknown".into();
    }
    union(
        names
            .iter()
            .map(|name| match *name {
                "string" => "string".to_owned(),
                "integer" | "number" => "number".to_owned(),
                "boolean" => "boolean".to_owned(),
                "null" => "null".to_owned(),
                "array" => {
                    let item = map
                        .get("items")
                        .map_or_else(|| "unknown".to_owned(), |i| ts_type(i, indent));
                    if item.contains(' ') {
                        format!("Array<{item}>")
                    } else {
                        format!("{item}[]")
                    }
                }
                "object" => object_body(schema, indent),
                _ => "unknown".to_owned(),
            })
            .collect(),
    )
}

fn object_body(schema: &Value, indent: &str) -> String {
    let inner = format!("{indent}  ");
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = String::from("{\n");
    if let Some(Value::Object(props)) = schema.get("properties") {
        for (name, prop) in props {
            out.push_str(&doc_comment(prop, &inner));
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(
                out,
                "{inner}{}{optional}: {};",
                property_name(name),
                ts_type(prop, &inner)
            );
        }
    }
    match schema.get("additionalProperties") {
        Some(Value::Bool(false)) => {}
        Some(extra @ Value::Object(_)) => {
            let _ = writeln!(out, "{inner}[key: string]: {};", ts_type(extra, &inner));
        }
        _ if schema.get("properties").is_none() => {
            let _ = writeln!(out, "{inner}[key: string]: unknown;");
        }
        _ => {}
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn property_name(name: &str) -> String {
    let plain = name.chars().enumerate().all(|(i, c)| {
        c == '_' || c == '$' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())
    });
    if plain && !name.is_empty() {
        name.to_owned()
    } else {
        Value::from(name).to_string()
    }
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => value.to_string(),
        _ => "unknown".into(),
    }
}

fn union(mut members: Vec<String>) -> String {
    let mut seen = Vec::new();
    members.retain(|m| {
        let fresh = !seen.contains(m);
        seen.push(m.clone());
        fresh
    });
    match members.len() {
        0 => "never".into(),
        _ => members.join(" | "),
    }
}

/// `child` -> `ChildInput`, `safe_school_assessment` -> `SafeSchoolAssessmentInput`.
fn input_type_name(kind: &str) -> String {
    let mut out = String::new();
    for word in kind.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out.push_str("Input");
    out
}

/// A union of string literals that still accepts any string (names the core may add later),
/// while editors suggest the known ones.
fn names_union(names: &[&str]) -> String {
    let mut parts: Vec<String> = names.iter().map(|n| Value::from(*n).to_string()).collect();
    parts.push("(string & {})".into());
    parts.join(" | ")
}

/// The whole `treem.d.ts`.
pub fn declarations() -> String {
    let mut decls = Declarations::default();
    decls.add::<treem::Report>("Report");
    decls.add::<treem::Issue>("Issue");
    decls.add::<treem::Normalized>("Normalized");
    decls.add::<treem::Change>("Change");
    decls.add::<Options>("Options");
    let kinds = treem::Kind::names();
    let mut input_map = String::new();
    for kind in treem::Kind::all() {
        let name = input_type_name(kind.name());
        decls.add_schema(&name, &kind.schema());
        let _ = writeln!(input_map, "  {}: {name};", property_name(kind.name()));
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated from the Rust types of treem {} by bindings/wasm/src/typescript.rs.\n\
         // Do not edit. Regenerate with:\n//   {REGENERATE}\n",
        treem::VERSION
    );
    for decl in decls.decls.values() {
        out.push_str(decl);
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "/** The input form of each kind, by kind name. */\nexport interface KindInputs {{\n{input_map}}}\n"
    );
    let _ = writeln!(
        out,
        "/** A kind of record (`{}`). */\nexport type KindName = keyof KindInputs;\n",
        kinds.join("`, `")
    );
    let _ = writeln!(
        out,
        "/** A catalog name; unknown names throw `TreemError` with code `unknown_name`. */\n\
         export type CatalogName = {};\n",
        names_union(&treem::api::catalog_names())
    );
    let _ = writeln!(
        out,
        "/** A parser name; unknown names throw `TreemError` with code `unknown_name`. */\n\
         export type ParserName = {};\n",
        names_union(&treem::api::parser_names())
    );
    let _ = writeln!(
        out,
        "/** A domain operation name; unknown names throw `TreemError` with code `unknown_name`. */\n\
         export type OperationName = {};\n",
        names_union(&treem::api::operation_names())
    );
    out.push_str(API);
    out
}

/// The functions of the package: fixed text, since they are the binding contract.
const API: &str = r#"/** The codes a `TreemError` carries. */
export type TreemErrorCode =
  | "unknown_kind"
  | "unknown_name"
  | "not_json"
  | "invalid_utf8"
  | "wrong_top_level_type"
  | "invalid_option"
  | "record_too_large"
  | "invalid_argument"
  | "not_initialised"
  | "trap"
  | "internal";

/**
 * Thrown for misuse only (unknown kind, catalog or parser; input that is not JSON; a bad
 * option), never for invalid data, which is the report. `trap` means the WebAssembly module
 * trapped: the call failed, and the module was instantiated again for the next call.
 */
export declare class TreemError extends Error {
  readonly code: TreemErrorCode;
  /** `record_too_large`: the record's size and the limit, in bytes. */
  readonly params?: { bytes: number; limit: number };
  /** `record_too_large`: the message in Vietnamese. */
  readonly message_vi?: string;
}

/** A record: a JS object, or its JSON text. */
export type RecordInput<K extends KindName | string> =
  | (K extends keyof KindInputs ? KindInputs[K] : Record<string, unknown>)
  | string;

/** Options: a JS object, or its JSON text. */
export type OptionsInput = Options | string | null | undefined;

/** A parsed primitive: the value, or the issues that kept it from being read. */
export type Parsed =
  | { ok: true; value: unknown; issues?: Issue[] }
  | { ok: false; issues: Issue[] };

/** A catalog for select boxes. */
export interface Catalog {
  name: string;
  /** The legal document (and edition) the catalog comes from. */
  source: string;
  lang: Lang;
  items: Array<{ code: string; label: string; [key: string]: unknown }>;
}

/** The library version and the editions of its data. */
export interface Version {
  name: string;
  version: string;
  kinds: string[];
  geography_editions: string[];
  [key: string]: unknown;
}

/**
 * Loads the WebAssembly module; call and await it once before anything else. Browser entry:
 * from `source`, by default `treem_wasm_bg.wasm` beside the script. Node entry: a no-op (the
 * module loads on import).
 */
export default function init(
  source?: WebAssembly.Module | BufferSource | Response | URL | string | Promise<Response>
): Promise<void>;

/** Validates one record of `kind`. */
export function validate<K extends KindName | string>(
  kind: K,
  record: RecordInput<K>,
  options?: OptionsInput
): Report;

/**
 * Validates many records at once (one crossing of the boundary): an array, or JSON text
 * holding an array or NDJSON. One report per record, in input order.
 */
export function validateMany<K extends KindName | string>(
  kind: K,
  records: Array<RecordInput<K>> | string,
  options?: OptionsInput
): Report[];

/** Rewrites one record into canonical form and validates the result. */
export function normalize<K extends KindName | string>(
  kind: K,
  record: RecordInput<K>,
  options?: OptionsInput
): Normalized;

/** The JSON Schema (draft 2020-12) of the lenient input form of `kind`. */
export function schema(kind: KindName | string): Record<string, unknown>;

/** Parses one primitive (`date`, ...) from text. */
export function parse(what: ParserName, text: string, options?: OptionsInput): Parsed;

/** A catalog for select boxes, in the language of `options.lang`. */
export function catalog(name: CatalogName, options?: OptionsInput): Catalog;

/** The library version and the editions of its data. */
export function version(): Version;

/**
 * Computes indicators (TT 13/2021/TT-BLĐTBXH and treem's own) from caller values, tagged
 * records or partials; options add `period`, `suppression_threshold`, `output`
 * (`table` | `partial`) and `definitions`.
 */
export function indicators(input: unknown, options?: OptionsInput): Record<string, unknown>;

/** Runs a named domain operation (`case_deadlines`, `task_report_rollup`, ...). The operations over many records (`dedup`, `safe_school_rollup`, `safe_school_rollup_merge`, `task_report_rollup`, `task_report_table`) are in the full package (`treem`) only; a form module (`treem/child`, ...) throws `unknown_name` for them. */
export function call(operation: OperationName, input: unknown, options?: OptionsInput): unknown;

/**
 * Loads the national administrative-unit tables (the text of `national.tsv`); without it only
 * Hải Phòng's units are known. Kept across re-instantiation after a trap.
 */
export function loadGeography(text: string): { ok: boolean; coverage?: string; error?: string; message?: string };

/**
 * The Standard Schema v1 interface (https://standardschema.dev), as `@standard-schema/spec`
 * 1.1.0 declares it (MIT), copied so that the package needs no dependency: a `TreemSchema`
 * is assignable to that package's `StandardSchemaV1`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * One issue of a treem Standard Schema: `message` in the schema's language and `path` (the
 * issue's JSON Pointer split into keys, array indices as numbers; absent for the whole
 * record), and the rest of the treem `Issue`.
 */
export interface TreemStandardIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  /** The issue's stable code (`date.impossible`), or the misuse code of a value that is not a record (`wrong_top_level_type`, `not_json`, `record_too_large`). */
  readonly code: string;
  readonly severity: Severity;
  readonly params: { [key: string]: unknown };
  readonly rule?: string;
}

/**
 * The options of a Standard Schema: treem's `Options`, where `as_of` may also be a function
 * answering the date, asked at every validation (a page open past midnight).
 */
export type StandardSchemaOptions = Omit<Options, "as_of"> & { as_of?: string | null | (() => string) };

/** The answer of `validate`: the spec's, plus the warnings (which never fail validation). */
export type TreemStandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined; readonly warnings: ReadonlyArray<TreemStandardIssue> }
  | { readonly issues: ReadonlyArray<TreemStandardIssue>; readonly warnings: ReadonlyArray<TreemStandardIssue> };

/** The `~standard` property of a treem schema: the spec's, with treem's answer. */
export interface TreemStandardProps<Output> extends StandardSchemaV1.Props<Output, Output> {
  readonly vendor: "treem";
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => TreemStandardResult<Output>;
}

/**
 * A kind as a Standard Schema v1 validator (React Hook Form's `standardSchemaResolver`,
 * TanStack Form, `@hono/standard-validator`, ...). `validate` is synchronous (once `init()`
 * resolved): `{ value }` holds the normalised record (`normalize`), `{ issues }` the errors;
 * warnings do not fail it. `libraryOptions` of a call are treem options for that call.
 */
export interface TreemSchema<K extends KindName | string = KindName>
  extends StandardSchemaV1<RecordOf<K>, RecordOf<K>> {
  readonly "~standard": TreemStandardProps<RecordOf<K>>;
  readonly kind: K;
  readonly options: Readonly<StandardSchemaOptions>;
  /** The same schema answering in `lang`. */
  withLang(lang: Lang): TreemSchema<K>;
  /** The same schema with more options (`as_of`, `edition`, ...). */
  withOptions(options: StandardSchemaOptions): TreemSchema<K>;
  /** Errors, warnings, the normalised record (even with errors) and the changes made to it. */
  validateAll(value: unknown, options?: StandardSchemaOptions): {
    value: RecordOf<K> | undefined;
    issues: TreemStandardIssue[];
    warnings: TreemStandardIssue[];
    changes: Change[];
  };
  /** The warnings only: for a form to show beside its fields without blocking submit. */
  warnings(value: unknown, options?: StandardSchemaOptions): TreemStandardIssue[];
}

/** The record type of a kind (its input form; a normalised record is one too). */
export type RecordOf<K extends KindName | string> = K extends keyof KindInputs ? KindInputs[K] : Record<string, unknown>;

/** The Standard Schema of `kind`, with options used at every validation. */
export function standardSchema<K extends KindName | string>(kind: K, options?: StandardSchemaOptions): TreemSchema<K>;

/** The Standard Schema of each kind, with the core's default options (messages in Vietnamese). */
export const child: TreemSchema<"child">;
/** The protection case record's (`case` is a reserved word; also exported as `case`). */
export const caseRecord: TreemSchema<"case">;
export { caseRecord as case };
export const school: TreemSchema<"school">;
export const safeSchoolAssessment: TreemSchema<"safe_school_assessment">;
export const criteriaSet: TreemSchema<"criteria_set">;
export const directive: TreemSchema<"directive">;
export const taskReport: TreemSchema<"task_report">;

/** A JSON Pointer as a Standard Schema path (array indices as numbers; `undefined` for `""`). */
export function pointerPath(pointer: string): Array<string | number> | undefined;
"#;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn options_mirror_what_the_core_reads() {
        let schema = schemars::schema_for!(Options).to_value();
        let described: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
        // Every option the core writes back is described...
        let full = treem::Context::from_options_json(
            br#"{"as_of": "2026-11-28", "lang": "en", "edition": "2024", "days_off": ["2026-02-16"], "holidays": {"years": [2027], "days_off": ["2027-02-05"]}, "province": "31", "district": "304", "max_record_bytes": 64}"#,
        )
        .unwrap()
        .to_options_value();
        for key in full.as_object().unwrap().keys() {
            assert!(described.contains(&key), "option {key} not described");
        }
        // ...and every described option is accepted by the core.
        for key in described {
            let one = serde_json::json!({ key.as_str(): null });
            assert!(treem::Context::from_options_value(&one).is_ok(), "{key}");
        }
    }

    #[test]
    fn every_kind_gets_an_input_type() {
        let text = declarations();
        for kind in treem::Kind::names() {
            assert!(text.contains(&format!("export interface {}", input_type_name(kind))));
        }
        assert!(text.contains("export interface Report"));
        assert!(text.contains("export type Severity = \"error\" | \"warning\";"));
    }

    #[test]
    fn schema_forms_become_types() {
        let schema = serde_json::json!({
            "type": "object",
            "required": ["a"],
            "properties": {
                "a": {"type": ["string", "null"]},
                "b": {"type": "array", "items": {"$ref": "#/$defs/X"}},
                "c-d": {"enum": ["x", 1]},
                "e": {"oneOf": [{"const": "p"}, {"const": "q"}]},
                "f": true,
                "g": {"type": "object", "additionalProperties": {"type": "integer"}}
            }
        });
        let body = object_body(&schema, "");
        assert!(body.contains("  a: string | null;"), "{body}");
        assert!(body.contains("  b?: X[];"), "{body}");
        assert!(body.contains("  \"c-d\"?: \"x\" | 1;"), "{body}");
        assert!(body.contains("  e?: \"p\" | \"q\";"), "{body}");
        assert!(body.contains("  f?: unknown;"), "{body}");
        assert!(body.contains("[key: string]: number;"), "{body}");
        assert_eq!(
            input_type_name("safe_school_assessment"),
            "SafeSchoolAssessmentInput"
        );
    }
}
