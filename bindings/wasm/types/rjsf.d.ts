// treem/rjsf: a react-jsonschema-form validator over a treem schema (hand-written; the
// package has no dependency, so rjsf's types are restated structurally here: a
// `TreemRjsfValidator` is assignable to `ValidatorType` of `@rjsf/utils` 6, which
// tests/types/rjsf.ts checks with tsc against the real declarations).
import type { Lang, StandardSchemaOptions, StandardSchemaV1, TreemSchema, TreemStandardIssue } from './treem.js';

/** rjsf's `RJSFValidationError`, with treem's code, severity, parameters and rule. */
export interface TreemRjsfError {
  /** treem's issue code (`safe_school.year_form`); another Standard Schema's issue code, if any. */
  name: string;
  /** The field, as rjsf writes it (`.school.learners`, `.results.0.result`; `''`: the whole record). */
  property: string;
  /** treem's message, in the validator's language. */
  message: string;
  params: { [key: string]: unknown };
  /** What rjsf's error list shows: the field's title (uiSchema `ui:title`, else schema `title`) and the message. */
  stack: string;
  /** treem's rule (`safe_school.assessment`). */
  schemaPath: string;
  title: string;
  code: string;
  severity: 'error' | 'warning';
  rule?: string;
}

/** rjsf's `ErrorSchema`: `{ field: { __errors: [message] }, ... }`. */
export type TreemErrorSchema = { __errors?: string[] } & { [key: string]: any };

/** rjsf's `ValidationData`. */
export interface TreemValidationData {
  errors: TreemRjsfError[];
  errorSchema: TreemErrorSchema;
}

/** An rjsf validator (`validator` prop of `Form`) running treem's rules for one kind. */
export interface TreemRjsfValidator<K extends string = string> {
  /** The treem schema (with the options) it runs. */
  readonly schema: TreemSchema<any> | StandardSchemaV1;
  /**
   * treem's errors of the form's data (the kind fixes the rules; `schema` serves only the
   * error list's titles), then rjsf's `transformErrors` and `customValidate`, as rjsf's own
   * validator applies them. Warnings are not errors: see `warnings`.
   */
  validateFormData(
    formData: any,
    schema: any,
    customValidate?: (formData: any, errors: any, uiSchema?: any, errorSchema?: any) => any,
    transformErrors?: (errors: any[], uiSchema?: any) => any[],
    uiSchema?: any,
  ): TreemValidationData;
  /**
   * Whether `formData` fits the JSON Schema `schema` (rjsf asks with the options of an
   * `anyOf`/`oneOf`, an `if`, ...): a structural check, `$ref`s resolved in `rootSchema`.
   */
  isValid(schema: any, formData: any, rootSchema: any): boolean;
  /** treem's errors as issues, without rjsf's processing. */
  rawValidation<Result = any>(schema: any, formData?: any): { errors?: Result[]; validationError?: Error };
  /** rjsf v5's `toErrorList`: an error schema as a list. */
  toErrorList(errorSchema?: TreemErrorSchema, fieldPath?: string[]): { property: string; message: string; stack: string }[];
  /** Forgets the one remembered answer. */
  reset(): void;
  /** treem's warnings in rjsf's shapes: e.g. `<Form extraErrors={v.warnings(data).errorSchema} />`. */
  warnings(formData: any, schema?: any, uiSchema?: any): TreemValidationData;
  /** The normalised record, `undefined` while the data has errors. */
  normalized(formData: any): any;
  withLang(lang: Lang): TreemRjsfValidator<K>;
  withOptions(options: StandardSchemaOptions): TreemRjsfValidator<K>;
}

/**
 * An rjsf validator for the kind of `schema` (a treem schema object: `safeSchoolAssessment`
 * of `treem/safe-school`, `child` of `treem/child`, `standardSchema(kind)`), with more treem
 * options (`lang`, `as_of`, ...).
 */
export function createValidator<K extends string>(schema: TreemSchema<K>, options?: StandardSchemaOptions): TreemRjsfValidator<K>;
/** The same over any Standard Schema whose `validate` answers synchronously (`options` unused). */
export function createValidator(schema: StandardSchemaV1): TreemRjsfValidator<string>;

/** rjsf's `toErrorList`. */
export function toErrorList(errorSchema?: TreemErrorSchema, fieldPath?: string[]): { property: string; message: string; stack: string }[];

/** The structural JSON Schema check behind `isValid` (`$ref`s resolved in `root`). */
export function matches(schema: unknown, value: unknown, root?: unknown): boolean;

export type { TreemStandardIssue };
