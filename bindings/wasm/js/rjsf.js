// A react-jsonschema-form validator (`ValidatorType` of `@rjsf/utils` v6, and v5's
// `toErrorList`) over a treem Standard Schema object (js/standard.js): the form's data is
// validated by treem's rules for one kind, with treem's messages, at the fields that the
// issues' JSON Pointers name. No rule lives here and nothing is imported: the package keeps
// no dependency, and the module it validates with is the one the caller's schema came from
// (`treem/safe-school`, `treem/child`, ... or `treem`).
//
// What rjsf asks of a validator, and what this one answers:
// - `validateFormData(formData, schema, customValidate?, transformErrors?, uiSchema?)`: the
//   whole form, on submit and (with `liveValidate`) on change. Answered by treem's
//   `normalize` of the data as a record of the kind (the `schema` argument is rjsf's resolved
//   copy of the form's schema: the kind fixes the rules); errors only: warnings do not block
//   a submit (see `warnings`).
// - `isValid(schema, formData, rootSchema)`: rjsf's question "does this data fit this part of
//   the schema", asked with sub-schemas (the options of an `anyOf`/`oneOf`, with its own
//   augmentations, an `if`, a dependency) to choose which option to render. treem's rules
//   are about whole records, not schema fragments, so this one is answered structurally by
//   `matches` below: a small JSON Schema (2020-12 and draft-07) check of the keywords that
//   decide a match (types, enum/const, bounds, lengths, pattern, properties, required,
//   items, combinators, local `$ref`s into `rootSchema`); `format` is an annotation, as in
//   2020-12's default; `unevaluated*`, `$dynamicRef` and remote `$ref`s are not supported (a
//   `$ref` it cannot resolve answers false, rjsf's answer for an invalid schema). No ajv:
//   it would triple the JS a form page loads for a question that treem's own schemas
//   (types, `anyOf` with null, `$ref`s, `minimum`) only need this much of.

const ERRORS_KEY = '__errors';

/** rjsf's `toErrorList` (v5's `ValidatorType.toErrorList`; in v6 a function of `@rjsf/utils`). */
export function toErrorList(errorSchema, fieldPath = []) {
  if (!errorSchema) return [];
  const property = `.${fieldPath.join('.')}`;
  const own = Array.isArray(errorSchema[ERRORS_KEY])
    ? errorSchema[ERRORS_KEY].map((message) => ({ property, message, stack: `${property} ${message}` }))
    : [];
  return Object.keys(errorSchema).reduce((list, key) => {
    const child = errorSchema[key];
    return key !== ERRORS_KEY && isObject(child) ? list.concat(toErrorList(child, [...fieldPath, key])) : list;
  }, own);
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// rjsf's property paths (`.school.learners`, `.results.0.result`, `results[0].result`) as keys.
const toPath = (property) => String(property ?? '').split(/[.[\]]+/).filter(Boolean);

// The error tree rjsf shows beside each field: `{ school: { learners: { __errors: [..] } } }`.
function toErrorSchema(errors) {
  const root = {};
  for (const { property, message } of errors) {
    if (!message) continue;
    let node = root;
    for (const key of toPath(property)) {
      if (key === '__proto__') break;
      if (!Object.hasOwn(node, key) || !isObject(node[key])) node[key] = {};
      node = node[key];
    }
    (node[ERRORS_KEY] ??= []).push(message);
  }
  return root;
}

// `b` merged into `a` (error lists concatenated), as rjsf's `mergeObjects(a, b, true)`.
function mergeErrorSchemas(a, b) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === ERRORS_KEY) out[key] = [...(Array.isArray(a[key]) ? a[key] : []), ...value];
    else if (isObject(value)) out[key] = mergeErrorSchemas(isObject(a[key]) ? a[key] : {}, value);
  }
  return out;
}

// The `errors` object handed to `customValidate`: every field, present in the data or not,
// has `addError(message)` (created when first touched, so a field the user left empty can
// be given an error too; rjsf's own validator fills the data with its defaults for that).
function errorHandler() {
  const node = { [ERRORS_KEY]: [], addError(message) { this[ERRORS_KEY].push(message); } };
  return new Proxy(node, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key !== 'then' && key !== 'toJSON') target[key] = errorHandler();
      return Reflect.get(target, key, receiver);
    },
  });
}

// The error tree out of the handler `customValidate` returned (lists that are not empty).
function unwrapHandler(handler) {
  const out = {};
  for (const key of Object.keys(handler)) {
    const value = handler[key];
    if (key === ERRORS_KEY) {
      if (Array.isArray(value) && value.length > 0) out[key] = [...value];
    } else if (isObject(value)) {
      const inner = unwrapHandler(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// `matches(schema, value, root)`: the structural check that answers `isValid`.

function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
}

function typeOk(type, v) {
  switch (type) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return Number.isInteger(v);
    case 'string': return typeof v === 'string';
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    default: return false;
  }
}

// A local `$ref` (`#`, `#/$defs/X`, `#/definitions/X`, also behind rjsf's root prefix) in
// `root`; `undefined` if it cannot be resolved.
function resolveRef(ref, root) {
  const at = ref.indexOf('#');
  if (at < 0) return undefined;
  let node = root;
  for (const raw of ref.slice(at + 1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Whether `value` fits the JSON Schema `schema` (see the keywords above); `$ref`s in `root`. */
export function matches(schema, value, root = schema, depth = 0) {
  if (schema === true || schema === undefined) return true;
  if (schema === false || !isObject(schema) || depth > 64) return false;
  const s = schema;
  const sub = (x, v) => matches(x, v, root, depth + 1);
  if (typeof s.$ref === 'string') {
    const target = resolveRef(s.$ref, root);
    if (target === undefined || !sub(target, value)) return false;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => typeOk(t, value))) return false;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, value))) return false;
  if ('const' in s && !equal(s.const, value)) return false;
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return false;
    if (typeof s.maximum === 'number' && value > s.maximum) return false;
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(value / s.multipleOf)) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && length > s.maxLength) return false;
    if (typeof s.pattern === 'string') {
      let re;
      try { re = new RegExp(s.pattern, 'u'); } catch { return false; }
      if (!re.test(value)) return false;
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
    if (s.uniqueItems === true && value.some((v, i) => value.findIndex((w) => equal(v, w)) !== i)) return false;
    // 2020-12: prefixItems + items; draft-07: items as an array + additionalItems.
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
    const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
    for (let i = 0; i < value.length; i += 1) {
      if (!sub(i < prefix.length ? prefix[i] : rest, value[i])) return false;
    }
    if (s.contains !== undefined) {
      const n = value.filter((v) => sub(s.contains, v)).length;
      if (n < (typeof s.minContains === 'number' ? s.minContains : 1)) return false;
      if (typeof s.maxContains === 'number' && n > s.maxContains) return false;
    }
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (Array.isArray(s.required) && !s.required.every((k) => Object.hasOwn(value, k))) return false;
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) return false;
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) return false;
    const props = isObject(s.properties) ? s.properties : {};
    const patterns = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    for (const key of keys) {
      let known = false;
      if (Object.hasOwn(props, key)) {
        known = true;
        if (!sub(props[key], value[key])) return false;
      }
      for (const [p, ps] of patterns) {
        let re;
        try { re = new RegExp(p, 'u'); } catch { return false; }
        if (re.test(key)) {
          known = true;
          if (!sub(ps, value[key])) return false;
        }
      }
      if (!known && s.additionalProperties !== undefined && !sub(s.additionalProperties, value[key])) return false;
      if (s.propertyNames !== undefined && !sub(s.propertyNames, key)) return false;
    }
    const deps = { ...(isObject(s.dependencies) ? s.dependencies : {}), ...(isObject(s.dependentRequired) ? s.dependentRequired : {}), ...(isObject(s.dependentSchemas) ? s.dependentSchemas : {}) };
    for (const [key, dep] of Object.entries(deps)) {
      if (!Object.hasOwn(value, key)) continue;
      if (Array.isArray(dep) ? !dep.every((k) => Object.hasOwn(value, k)) : !sub(dep, value)) return false;
    }
  }
  if (Array.isArray(s.allOf) && !s.allOf.every((x) => sub(x, value))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => sub(x, value))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((x) => sub(x, value)).length !== 1) return false;
  if (s.not !== undefined && sub(s.not, value)) return false;
  if (s.if !== undefined) {
    const branch = sub(s.if, value) ? s.then : s.else;
    if (branch !== undefined && !sub(branch, value)) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------

// The label of the field at `path` for the error list: the uiSchema's `ui:title`, else the
// schema's `title`; `undefined` when neither says.
function labelAt(schema, uiSchema, path) {
  let ui = uiSchema;
  let node = schema;
  const root = schema;
  for (const key of path) {
    ui = isObject(ui) ? (/^\d+$/.test(key) ? ui.items : ui[key]) : undefined;
    node = step(node, key, root);
  }
  const uiTitle = isObject(ui) ? ui['ui:title'] ?? (isObject(ui['ui:options']) ? ui['ui:options'].title : undefined) : undefined;
  return typeof uiTitle === 'string' ? uiTitle : typeof node?.title === 'string' ? node.title : undefined;
}

// One step down a schema: through `$ref`s and the first option of an `anyOf`/`oneOf` that
// has the member (treem's optional members are `anyOf: [{ $ref }, { type: 'null' }]`).
function step(node, key, root, depth = 0) {
  if (!isObject(node) || depth > 16) return undefined;
  if (typeof node.$ref === 'string') return step(resolveRef(node.$ref, root), key, root, depth + 1);
  if (/^\d+$/.test(key) && (node.items !== undefined || node.prefixItems !== undefined)) {
    const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : [];
    const item = Number(key) < prefix.length ? prefix[Number(key)] : Array.isArray(node.items) ? undefined : node.items;
    return deref(item, root);
  }
  if (isObject(node.properties) && Object.hasOwn(node.properties, key)) return deref(node.properties[key], root);
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    const found = step(option, key, root, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function deref(node, root, depth = 0) {
  if (isObject(node) && typeof node.$ref === 'string' && depth < 16 && node.title === undefined) {
    return deref(resolveRef(node.$ref, root), root, depth + 1);
  }
  return node;
}

// A treem issue (Standard Schema form: `path` as keys) as rjsf's `RJSFValidationError`:
// `property` in ajv's form (`.school.learners`; `''` for the whole record), `name` treem's
// code, and treem's `code`, `severity`, `params`, `rule` kept as extra properties.
function rjsfError(issue, schema, uiSchema) {
  // A Standard Schema path segment is a key or `{ key }`.
  const path = (issue.path ?? []).map((p) => String(p !== null && typeof p === 'object' ? p.key : p));
  const property = path.length > 0 ? `.${path.join('.')}` : '';
  const title = path.length > 0 ? labelAt(schema, uiSchema, path) : undefined;
  const error = {
    name: issue.code,
    property,
    message: issue.message,
    params: issue.params ?? {},
    stack: title ? `${title}: ${issue.message}` : `${property} ${issue.message}`.trim(),
    schemaPath: issue.rule ?? '',
    title: title ?? '',
    code: issue.code,
    severity: issue.severity,
  };
  if (issue.rule !== undefined) error.rule = issue.rule;
  return error;
}

/**
 * An rjsf validator (`ValidatorType`) that validates with treem's rules for the kind of
 * `schema`, a treem Standard Schema object (`safeSchoolAssessment`, `child`, ... or
 * `standardSchema(kind)` of any module), with `options` (`lang`, `as_of` as a date or a
 * function, `edition`, ...) added to the schema's own.
 */
export function createValidator(schema, options) {
  if (!schema || typeof schema !== 'object' || typeof schema['~standard']?.validate !== 'function') {
    throw new TypeError('treem/rjsf: createValidator takes a treem schema object (e.g. safeSchoolAssessment from treem/safe-school)');
  }
  const treem = options && typeof schema.withOptions === 'function' ? schema.withOptions(options) : schema;
  // One remembered answer: rjsf validates the same data again (submit after live validation),
  // and a page asks for the warnings of the data it just validated.
  // Not remembered when `as_of` is a function (today's date may have changed since).
  const remember = typeof treem.options?.as_of !== 'function';
  let last;
  function answer(formData) {
    const data = formData === undefined ? {} : formData;
    let key;
    try {
      key = remember ? JSON.stringify(data) : undefined;
    } catch {
      key = undefined; // a cycle: treem answers it as an issue
    }
    if (key !== undefined && last?.key === key) return last.result;
    let result;
    if (typeof treem.validateAll === 'function') {
      result = treem.validateAll(data);
    } else {
      // Any Standard Schema whose validate is synchronous.
      const r = treem['~standard'].validate(data);
      if (typeof r?.then === 'function') throw new TypeError('treem/rjsf: the schema validates asynchronously; rjsf needs an answer now');
      result = { value: r.value, issues: r.issues ?? [], warnings: r.warnings ?? [] };
    }
    if (key !== undefined) last = { key, result };
    return result;
  }

  const validator = {
    /** The treem schema (with the options) this validator runs. */
    schema: treem,
    validateFormData(formData, formSchema, customValidate, transformErrors, uiSchema) {
      let errors = answer(formData).issues.map((issue) => rjsfError(issue, formSchema, uiSchema));
      if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
      let errorSchema = toErrorSchema(errors);
      if (typeof customValidate === 'function') {
        const handler = errorHandler();
        const returned = customValidate(formData === undefined ? {} : formData, handler, uiSchema, errorSchema);
        const user = unwrapHandler(returned ?? handler);
        errorSchema = mergeErrorSchemas(errorSchema, user);
        errors = [...errors, ...toErrorList(user)];
      }
      return { errors, errorSchema };
    },
    isValid(subSchema, formData, rootSchema) {
      try {
        return matches(subSchema, formData, rootSchema ?? subSchema);
      } catch {
        return false;
      }
    },
    /** treem's errors of `formData` as issues (`{ message, path, code, ... }`), schema aside. */
    rawValidation(_schema, formData) {
      try {
        return { errors: answer(formData).issues };
      } catch (e) {
        return { errors: undefined, validationError: e };
      }
    },
    toErrorList,
    /** Forgets the remembered answer (nothing else is kept: treem compiles no schema). */
    reset() {
      last = undefined;
    },
    /**
     * treem's warnings of `formData` in rjsf's shapes (`{ errors, errorSchema }`), which rjsf
     * has no place for: a page shows them with `extraErrors={validator.warnings(data).errorSchema}`
     * (not blocking submit unless `extraErrorsBlockSubmit`) or in its own list.
     */
    warnings(formData, formSchema, uiSchema) {
      const errors = answer(formData).warnings.map((issue) => rjsfError(issue, formSchema, uiSchema));
      return { errors, errorSchema: toErrorSchema(errors) };
    },
    /** The normalised record of `formData` (`nam` → `male`, ISO dates), `undefined` while it has errors. */
    normalized(formData) {
      const r = answer(formData);
      // a copy: the remembered answer stays as treem gave it
      return r.issues.length > 0 || r.value === undefined ? undefined : JSON.parse(JSON.stringify(r.value));
    },
    /** The same validator in another language (`'vi'`, `'en'`). */
    withLang: (lang) => createValidator(schema, { ...options, lang }),
    /** The same validator with more treem options. */
    withOptions: (more) => createValidator(schema, { ...options, ...more }),
  };
  return validator;
}
