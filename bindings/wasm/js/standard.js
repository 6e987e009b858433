// Standard Schema v1 (https://standardschema.dev, `@standard-schema/spec` 1.1.0) over the
// package's `normalize`: what React Hook Form's `standardSchemaResolver`, TanStack Form and
// Hono's `@hono/standard-validator` take as a validator. No rule lives here: the answer is
// the core's report, reshaped.
import { TreemError } from './core.js';

// The misuse errors that are really about the value a form handed over (not JSON, not an
// object, too large): answered as one issue of the whole record, since a Standard Schema
// validator answers invalid input with issues, not by throwing. Every other error (an
// unknown kind, a bad option, the module not initialised) is the caller's mistake and throws.
const VALUE_ERRORS = new Set(['not_json', 'wrong_top_level_type', 'record_too_large', 'invalid_utf8']);

/**
 * A JSON Pointer (RFC 6901) as a Standard Schema path: its tokens unescaped, a token of
 * digits (an array index) as a number; `undefined` for the whole record (`""`).
 */
export function pointerPath(pointer) {
  if (typeof pointer !== 'string' || pointer === '') return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
    });
}

// A treem issue as a Standard Schema issue: `message` and `path` as the spec says, and the
// rest of the issue (code, severity, params, rule) kept as extra properties.
function standardIssue(issue) {
  const out = { message: issue.message, code: issue.code, severity: issue.severity, params: issue.params ?? {} };
  const path = pointerPath(issue.path);
  if (path !== undefined) out.path = path;
  if (issue.rule !== undefined) out.rule = issue.rule;
  return out;
}

// Options of one validation: the schema's, then the call's; `as_of` may be a function (a
// page open past midnight asks it for today's date at every validation).
function resolveOptions(base, extra) {
  const options = extra ? { ...base, ...extra } : { ...base };
  if (typeof options.as_of === 'function') options.as_of = options.as_of();
  return options;
}

/** The Standard Schema objects, bound to the operations of one module (`api`). */
export function standardSchemas(api) {
  // Normalises and validates `value`; errors and warnings apart. `value` of the answer is the
  // normalised record; with `always` false it is null when there are errors (the record is
  // then not built nor sent back, which was half the time of a form's validation).
  function run(kind, base, value, extra, always) {
    const options = resolveOptions(base, extra);
    let text;
    try {
      // Always a value, never JSON text: a form's string is a string, not a record.
      text = JSON.stringify(value === undefined ? null : value) ?? 'null';
    } catch (e) {
      return { value: undefined, issues: [{ message: e.message, code: 'not_json', severity: 'error', params: {} }], warnings: [], changes: [] };
    }
    let answer;
    try {
      answer = (always ? api.normalize : api.normalizeWhenValid)(kind, text, options);
    } catch (e) {
      if (!(e instanceof TreemError) || !VALUE_ERRORS.has(e.code)) throw e;
      const message = options.lang === 'en' || e.message_vi === undefined ? e.message : e.message_vi;
      const issue = { message, code: e.code, severity: 'error', params: e.params ?? {} };
      return { value: undefined, issues: [issue], warnings: [], changes: [] };
    }
    const issues = [];
    const warnings = [];
    for (const issue of answer.report.issues) {
      (issue.severity === 'error' ? issues : warnings).push(standardIssue(issue));
    }
    return { value: answer.record, issues, warnings, changes: answer.changes };
  }

  /**
   * The Standard Schema of `kind` (`child`, `case`, ...), with options (`lang`, `as_of` as a
   * date or a function answering one, `edition`, ...) used at every validation.
   */
  function standardSchema(kind, options = {}) {
    if (typeof kind !== 'string') {
      throw new TreemError('invalid_argument', `kind must be a string, got ${typeof kind}`);
    }
    const base = Object.freeze({ ...options });
    return Object.freeze({
      kind,
      options: base,
      '~standard': Object.freeze({
        version: 1,
        vendor: 'treem',
        // Errors fail; warnings do not (they ride along as `warnings`, which the spec leaves
        // free). `libraryOptions` are treem options for this call only.
        validate(value, callOptions) {
          const r = run(kind, base, value, callOptions?.libraryOptions, false);
          return r.issues.length > 0
            ? { issues: r.issues, warnings: r.warnings }
            : { value: r.value, warnings: r.warnings };
        },
      }),
      withLang: (lang) => standardSchema(kind, { ...base, lang }),
      withOptions: (more) => standardSchema(kind, { ...base, ...more }),
      /** Everything at once: `{ value, issues, warnings, changes }` (value even with errors). */
      validateAll: (value, more) => run(kind, base, value, more, true),
      /** The warnings only, for a form to show beside its fields without blocking submit. */
      warnings: (value, more) => run(kind, base, value, more, false).warnings,
    });
  }

  return {
    standardSchema,
    child: standardSchema('child'),
    caseRecord: standardSchema('case'),
    school: standardSchema('school'),
    safeSchoolAssessment: standardSchema('safe_school_assessment'),
    criteriaSet: standardSchema('criteria_set'),
    directive: standardSchema('directive'),
    taskReport: standardSchema('task_report'),
  };
}
