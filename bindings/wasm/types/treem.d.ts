// Generated from the Rust types of treem 0.1.0 by bindings/wasm/src/typescript.rs.
// Do not edit. Regenerate with:
//   cargo run -q -p treem-wasm --bin treem-wasm-types > bindings/wasm/types/treem.d.ts

/**
 * One rewrite made by `normalize`. Old and new values are not echoed (they may be personal
 * data); the path and the kind of rewrite are.
 */
export interface Change {
  /**
   * What was done, e.g. `whitespace`, `date_iso`, `canonical_code`.
   */
  how: string;
  /**
   * The change described in the requested language.
   */
  message: string;
  /**
   * JSON Pointer of the rewritten value.
   */
  path: string;
}

/**
 * A child record as typed by a person: every field optional, strings as written.
 */
export interface ChildInput {
  /**
   * Ngày sinh, in any accepted date form (see [`crate::vn::date`]).
   */
  date_of_birth?: string | null;
  /**
   * Họ và tên.
   */
  full_name?: string | null;
  /**
   * Giới tính: `male`/`nam` or `female`/`nữ`.
   */
  sex?: string | null;
}

/**
 * An edition of the national list of administrative units.
 */
export type Edition = "2024" | "2025";

/**
 * One thing found wrong (or worth a look) in a record.
 */
export interface Issue {
  /**
   * Stable dotted code, e.g. `phone.unknown_prefix`. The code is the contract.
   */
  code: string;
  /**
   * The message rendered in the requested language.
   */
  message: string;
  /**
   * The values the message needs (never a full personal ID, phone number or name).
   */
  params?: {
    [key: string]: unknown;
  };
  /**
   * RFC 6901 JSON Pointer into the input, e.g. `/guardians/0/phone`; `""` is the whole record.
   */
  path: string;
  /**
   * The rule that raised the issue, e.g. `vn.phone`.
   */
  rule: string;
  /**
   * `error` or `warning`.
   */
  severity: Severity;
}

/**
 * The language messages and labels are rendered in.
 */
export type Lang = "vi" | "en";

/**
 * The answer of `normalize`: the cleaned record, the changes, and the report of what is
 * still wrong after cleaning.
 */
export interface Normalized {
  /**
   * The rewrites made, in input order.
   */
  changes: Change[];
  /**
   * The record in canonical form (every input member kept).
   */
  record: unknown;
  /**
   * Validation of the cleaned record.
   */
  report: Report;
}

/**
 * The options every entry point takes; every member is optional.
 */
export interface Options {
  /**
   * The date rules are judged at, ISO 8601 (`2026-11-28`). The core never reads the
   * clock: without it, rules that need a date report `context.as_of_missing`.
   */
  as_of?: string | null;
  /**
   * The administrative-geography edition: `2024` (three levels, until 30 June 2025) or
   * `2025` (two levels, from 1 July 2025); chosen from `as_of` when absent.
   */
  edition?: Edition | null;
  /**
   * The language of messages and labels: `vi` (default) or `en`.
   */
  lang?: Lang | null;
}

/**
 * The outcome of validating one record: `ok` is false when any issue is an error.
 */
export interface Report {
  /**
   * Every issue found, in input order then rule order.
   */
  issues: Issue[];
  /**
   * True when no issue has severity `error` (warnings do not make a record invalid).
   */
  ok: boolean;
}

/**
 * How serious an issue is.
 */
export type Severity = "error" | "warning";

/** The input form of each kind, by kind name. */
export interface KindInputs {
  child: ChildInput;
}

/** A kind of record (`child`). */
export type KindName = keyof KindInputs;

/** A catalog name; unknown names throw `TreemError` with code `unknown_name`. */
export type CatalogName = "issue_codes" | "kinds" | "sexes" | (string & {});

/** A parser name; unknown names throw `TreemError` with code `unknown_name`. */
export type ParserName = "date" | (string & {});

/** The codes a `TreemError` carries. */
export type TreemErrorCode =
  | "unknown_kind"
  | "unknown_name"
  | "not_json"
  | "invalid_utf8"
  | "wrong_top_level_type"
  | "invalid_option"
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

// `indicators` (binding contract) is pending: the core has no indicator tables yet.
