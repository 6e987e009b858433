// treem/rjsf, the react-jsonschema-form validator, with the real rjsf (pinned
// devDependencies: @rjsf/utils, @rjsf/core 6.11.1 rendered by react-dom/server 19.3.1, and
// @rjsf/validator-ajv8 6.11.1 as the reference for the answers that rjsf's own validator
// gives): treem's errors at rjsf's field paths, in Vietnamese and English; `customValidate`
// and `transformErrors` applied as rjsf applies them; valid data passes; warnings apart;
// `isValid` answering as ajv does over every kind's schema; the declarations against
// @rjsf/utils' own `ValidatorType`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Form from '@rjsf/core';
import * as utils from '@rjsf/utils';
import ajv8, { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import { createValidator, matches, toErrorList } from '../pkg/rjsf.js';
import * as full from '../pkg/node.js';
import * as safeSchool from '../pkg/safe-school/node.js';

const KIND = 'safe_school_assessment';
const OPTIONS = { as_of: '2026-11-28' };
const SET = safeSchool.catalog('criteria_sets').items.find((s) => s.code === 'nd80-2017');

// A self-assessment against ND 80/2017's checklist (a complete built-in set): clean.
function cleanRecord() {
  return {
    criteria_set: 'nd80-2017',
    criteria_set_version: SET.version,
    school_year: '2025-2026',
    school: { code: '31000101', name: 'Trường THCS Lê Lợi', school_type: 'truong_thcs', grades: [6, 7, 8, 9] },
    results: SET.criteria.map((c) => ({ criterion: c.code, result: 'dat', evidence: 'biên bản kiểm tra' })),
  };
}

// Three errors (a negative count, a school year of one year, an unknown result) and a warning.
function badRecord() {
  const r = cleanRecord();
  r.school_year = '2024';
  r.school.learners = -1;
  r.results[2].result = 'xyz';
  delete r.results[5].evidence;
  return r;
}

const vi = createValidator(safeSchool.safeSchoolAssessment, { ...OPTIONS, lang: 'vi' });
const formSchema = safeSchool.schema(KIND);

test('validateFormData: treem errors at the fields rjsf names, in Vietnamese', () => {
  const { errors, errorSchema } = vi.validateFormData(badRecord(), formSchema);
  assert.deepEqual(errorSchema, {
    school: { learners: { __errors: ['Giá trị phải là non-negative integer, nhưng nhận được number'] } },
    school_year: { __errors: ['Năm học phải viết dạng 2024-2025 (hai năm liên tiếp)'] },
    results: { 2: { result: { __errors: ['Kết quả phải là đạt, chưa đạt hoặc không áp dụng'] } } },
  });
  assert.deepEqual(errors.map((e) => [e.property, e.name, e.severity]), [
    ['.school.learners', 'field.wrong_type', 'error'],
    ['.school_year', 'safe_school.year_form', 'error'],
    ['.results.2.result', 'safe_school.result_unknown', 'error'],
  ]);
  // Exactly treem's errors (the module's own answer), no warning among them.
  const report = safeSchool.validate(KIND, badRecord(), { ...OPTIONS, lang: 'vi' });
  assert.deepEqual(errors.map((e) => e.message), report.issues.filter((i) => i.severity === 'error').map((i) => i.message));
  assert.ok(report.issues.some((i) => i.severity === 'warning'));
  // rjsf's own helpers read the answer the same way: the list is the tree.
  assert.deepEqual(utils.toErrorSchema(errors), errorSchema);
  // The error list shows the field's title when the uiSchema or schema has one.
  const titled = vi.validateFormData(badRecord(), formSchema, undefined, undefined, { school_year: { 'ui:title': 'Năm học' } });
  assert.equal(titled.errors[1].stack, 'Năm học: Năm học phải viết dạng 2024-2025 (hai năm liên tiếp)');
  assert.equal(titled.errors[0].stack, '.school.learners Giá trị phải là non-negative integer, nhưng nhận được number');
});

test('validateFormData in English; an empty form; the whole record', () => {
  const en = vi.withLang('en');
  assert.deepEqual(en.validateFormData(badRecord(), formSchema).errorSchema.school_year, {
    __errors: ['The school year must be written like 2024-2025 (two consecutive years)'],
  });
  // An empty form (rjsf passes undefined before anything is typed) is an empty record.
  const empty = en.validateFormData(undefined, formSchema);
  assert.deepEqual(Object.keys(empty.errorSchema).sort(), ['criteria_set', 'criteria_set_version', 'school', 'school_year']);
  // A value that is not a record: one error of the whole form, at rjsf's root.
  const list = en.validateFormData([1, 2], formSchema);
  assert.equal(list.errors.length, 1);
  assert.equal(list.errors[0].property, '');
  assert.equal(list.errors[0].name, 'wrong_top_level_type');
  assert.deepEqual(list.errorSchema, { __errors: [list.errors[0].message] });
});

test('valid data passes; warnings are apart and do not block', () => {
  assert.deepEqual(vi.validateFormData(cleanRecord(), formSchema), { errors: [], errorSchema: {} });
  // Only a warning (a result without evidence): valid for rjsf, the warning on request.
  const warned = cleanRecord();
  delete warned.results[0].evidence;
  assert.deepEqual(vi.validateFormData(warned, formSchema), { errors: [], errorSchema: {} });
  const w = vi.warnings(warned, formSchema);
  assert.deepEqual(w.errorSchema, { results: { 0: { evidence: { __errors: ['Tiêu chí đạt nên có minh chứng'] } } } });
  assert.equal(w.errors[0].severity, 'warning');
  // The normalised record once valid (the child module's `nam` read as male).
  const c = createValidator(full.child, OPTIONS);
  assert.deepEqual(c.validateFormData({ full_name: 'lê văn tùng', sex: 'nam' }, full.schema('child')).errors, []);
  assert.deepEqual(c.normalized({ full_name: 'lê văn tùng', sex: 'nam' }), { full_name: 'Lê Văn Tùng', sex: 'male' });
  assert.equal(c.normalized({ date_of_birth: '30/02/2016' }), undefined);
});

test('customValidate and transformErrors, as rjsf applies them', () => {
  const transformErrors = (errors) => errors.map((e) => (e.name === 'safe_school.year_form' ? { ...e, message: `[${e.message}]` } : e));
  const customValidate = (formData, errors) => {
    // A field the data does not have (no teachers typed) can be given an error too.
    if (formData.school?.teachers === undefined) errors.school.teachers.addError('Nhập số giáo viên');
    errors.addError('Kiểm tra lại trước khi gửi');
    return errors;
  };
  const got = vi.validateFormData(badRecord(), formSchema, customValidate, transformErrors);
  // What rjsf's validator answers for the same errors: rjsf's own merge.
  const transformed = transformErrors(vi.validateFormData(badRecord(), formSchema).errors);
  const expected = utils.validationDataMerge(
    { errors: transformed, errorSchema: utils.toErrorSchema(transformed) },
    { __errors: ['Kiểm tra lại trước khi gửi'], school: { teachers: { __errors: ['Nhập số giáo viên'] } } },
  );
  assert.deepEqual(got, expected);
  assert.deepEqual(got.errorSchema.school_year.__errors, ['[Năm học phải viết dạng 2024-2025 (hai năm liên tiếp)]']);
  assert.deepEqual(got.errorSchema.school.teachers.__errors, ['Nhập số giáo viên']);
  // rjsf's validator-ajv8 answers the same shape for its own errors.
  const small = { type: 'object', properties: { school: { type: 'object', properties: { teachers: { type: 'integer' } } } } };
  const ajvAnswer = ajv8.validateFormData({}, small, customValidate);
  assert.deepEqual(ajvAnswer.errorSchema.school.teachers, got.errorSchema.school.teachers);
});

test('toErrorList, rawValidation, reset', () => {
  const { errorSchema } = vi.validateFormData(badRecord(), formSchema);
  assert.deepEqual(toErrorList(errorSchema), utils.toErrorList(errorSchema));
  assert.deepEqual(vi.toErrorList(errorSchema, ['x']), utils.toErrorList(errorSchema, ['x']));
  const raw = vi.rawValidation(formSchema, badRecord());
  assert.deepEqual(raw.errors.map((i) => i.path), [['school', 'learners'], ['school_year'], ['results', 2, 'result']]);
  // The one remembered answer follows the data, and reset forgets it.
  const r = badRecord();
  assert.equal(vi.validateFormData(r, formSchema).errors.length, 3);
  r.school_year = '2025-2026';
  assert.equal(vi.validateFormData(r, formSchema).errors.length, 2);
  vi.reset();
  assert.equal(vi.validateFormData(r, formSchema).errors.length, 2);
  // A module that is not the form's: the kind is unknown there, a bug of the page, thrown.
  assert.throws(() => createValidator(safeSchool.child).validateFormData({}, {}), { code: 'unknown_kind' });
  assert.throws(() => createValidator({ kind: 'child' }), TypeError);
});

test('any synchronous Standard Schema (not only treem\'s) gives an rjsf validator', () => {
  const other = {
    '~standard': {
      version: 1,
      vendor: 'other',
      validate: (v) => (typeof v.name === 'string' ? { value: v } : { issues: [{ message: 'name needed', path: [{ key: 'name' }] }] }),
    },
  };
  const v = createValidator(other);
  assert.deepEqual(v.validateFormData({}, {}).errorSchema, { name: { __errors: ['name needed'] } });
  assert.deepEqual(v.validateFormData({ name: 'x' }, {}), { errors: [], errorSchema: {} });
  assert.deepEqual(v.normalized({ name: 'x' }), { name: 'x' });
  const asynchronous = { '~standard': { version: 1, vendor: 'a', validate: async () => ({ value: 1 }) } };
  assert.throws(() => createValidator(asynchronous).validateFormData({}, {}), TypeError);
});

// --- isValid: the structural answer, against rjsf's ajv validator ----------------------

// Every sub-schema of a schema at a place rjsf may ask about (the root, each member, each
// item, each option of an anyOf/oneOf/allOf, each definition).
function subSchemas(root) {
  const out = [];
  (function walk(node, depth) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || depth > 12) return;
    out.push(node);
    for (const key of ['properties', '$defs', 'definitions', 'patternProperties']) {
      if (node[key] && typeof node[key] === 'object') for (const v of Object.values(node[key])) walk(v, depth + 1);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(node[key])) node[key].forEach((v) => walk(v, depth + 1));
    for (const key of ['items', 'additionalProperties', 'not']) walk(node[key], depth + 1);
  })(root, 0);
  return out;
}

// Sample values: a few of each JSON type, and the vectors' inputs and the values inside them
// (distinct, at most 250).
function samples() {
  const seen = new Map();
  for (const x of [null, true, 0, -1, 1.5, 7, '', 'x', '2024-2025', [], [1], ['a', null], {}, { a: 1 }, { code: 5 }]) seen.set(JSON.stringify(x), x);
  const dir = new URL('../../../tests/vectors/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const v of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) {
      (function walk(x, depth) {
        if (seen.size >= 250 || depth > 5 || x === undefined) return;
        seen.set(JSON.stringify(x), x);
        if (x && typeof x === 'object') for (const y of Object.values(x)) walk(y, depth + 1);
      })(v.input, 0);
    }
  }
  return [...seen.values()];
}

// The reference: rjsf's ajv validator on JSON Schema 2020-12, treem's draft (the default
// `@rjsf/validator-ajv8` compiles draft-07 and refuses a schema that declares 2020-12).
const ajv = customizeValidator({ AjvClass: Ajv2020 });

// ajv8's isValid logs a schema it cannot compile; the cases below have one on purpose.
function quietly(fn) {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

test('isValid answers as rjsf\'s ajv validator over every kind\'s schema and the vectors\' values', () => {
  const values = samples();
  const kinds = full.catalog('kinds').items.map((i) => i.code);
  let compared = 0;
  const disagreeing = [];
  for (const kind of kinds) {
    const root = full.schema(kind);
    const validator = createValidator(full.standardSchema(kind));
    for (const sub of subSchemas(root)) {
      for (const value of values) {
        const ours = validator.isValid(sub, value, root);
        const theirs = ajv.isValid(sub, value, root);
        compared += 1;
        if (ours !== theirs) disagreeing.push([kind, JSON.stringify(sub).slice(0, 80), JSON.stringify(value)?.slice(0, 60), ours]);
      }
    }
  }
  assert.deepEqual(disagreeing.slice(0, 5), []);
  assert.ok(compared > 20000, `${compared} comparisons`);
});

test('isValid on the keywords rjsf\'s option matching uses, as ajv answers', () => {
  const root = {
    $defs: { Pos: { type: 'integer', minimum: 1 } },
    type: 'object',
  };
  const cases = [
    [{ anyOf: [{ required: ['a'] }, { required: ['b'] }] }, [{ a: 1 }, { c: 1 }, {}]],
    [{ oneOf: [{ type: 'string' }, { const: 'x' }] }, ['x', 'y', 3]],
    [{ enum: ['dat', 'chua_dat', null] }, ['dat', null, 'khac']],
    [{ $ref: '#/$defs/Pos' }, [1, 0, 'a']],
    [{ $ref: '#/$defs/Missing' }, [1]],
    [{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, [{ a: 'x' }, { a: 'x', b: 1 }, { a: 1 }]],
    [{ type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'integer' } }, [['a', 1], ['a', 'b'], [1]]],
    [{ type: 'array', items: { type: 'integer' }, minItems: 1, uniqueItems: true }, [[], [1, 1], [1, 2]]],
    [{ type: 'string', pattern: '^\\d{4}-\\d{4}$', minLength: 9, maxLength: 9 }, ['2024-2025', '2024', 'abcd-2025']],
    [{ type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 }, [0, 0.5, 0.7, 2]],
    [{ if: { properties: { kind: { const: 'a' } } }, then: { required: ['x'] }, else: { required: ['y'] } }, [{ kind: 'a', x: 1 }, { kind: 'a' }, { y: 1 }, {}]],
    [{ not: { type: 'null' } }, [null, 1]],
    [{ dependentRequired: { a: ['b'] } }, [{ a: 1 }, { a: 1, b: 2 }, { b: 1 }]],
    [{ allOf: [{ type: 'object' }, { anyOf: [{ required: ['a'] }, { required: ['b'] }] }], properties: { a: { type: ['string', 'null'] } } }, [{ a: null }, { a: 3 }, { c: 1 }]],
    [{ type: 'object', patternProperties: { '^x_': { type: 'integer' } }, propertyNames: { maxLength: 4 } }, [{ x_a: 1 }, { x_a: 'n' }, { toolong: 1 }]],
  ];
  for (const [schema, values] of cases) {
    for (const value of values) {
      const expected = quietly(() => ajv.isValid(schema, value, root));
      assert.equal(vi.isValid(schema, value, root), expected, `${JSON.stringify(schema)} ${JSON.stringify(value)}`);
      assert.equal(matches(schema, value, root), expected);
    }
  }
  // rjsf's option choice through its own utilities: treem's `anyOf: [{ $ref }, { type: null }]`.
  const ss = formSchema;
  const options = ss.properties.school.anyOf;
  for (const data of [{ name: 'THCS A' }, null, undefined, { learners: 5 }]) {
    assert.equal(
      utils.getFirstMatchingOption(vi, data, options, ss),
      utils.getFirstMatchingOption(ajv, data, options, ss),
      JSON.stringify(data),
    );
    assert.equal(
      utils.getClosestMatchingOption(vi, ss, data, options, 0),
      utils.getClosestMatchingOption(ajv, ss, data, options, 0),
      JSON.stringify(data),
    );
  }
});

// --- rjsf's Form ----------------------------------------------------------------------

test('@rjsf/core Form: validates with treem and shows the messages beside the fields', () => {
  const props = { schema: formSchema, validator: vi, formData: badRecord(), liveValidate: true };
  // Form.validate is what submit and live validation run: rjsf's resolved schema, our answer.
  const form = new Form(props);
  const validation = form.validate(badRecord());
  assert.deepEqual(validation, vi.validateFormData(badRecord(), formSchema));
  // Rendered (server side: no DOM) with that answer, each message is in its field's error slot.
  const html = renderToStaticMarkup(h(Form, { ...props, extraErrors: validation.errorSchema }));
  const slot = (id) => html.match(new RegExp(`<ul id="${id}__error"[^>]*>(.*?)</ul>`))?.[1] ?? '';
  assert.match(slot('root_school_year'), /Năm học phải viết dạng 2024-2025/);
  assert.match(slot('root_school_learners'), /non-negative integer/);
  assert.match(slot('root_results_2_result'), /Kết quả phải là đạt, chưa đạt hoặc không áp dụng/);
  assert.equal(slot('root_school_name'), '');
  // The school's `anyOf` (object or null) renders the object's fields (isValid chose it).
  assert.match(html, /id="root_school_name"[^>]*value="Trường THCS Lê Lợi"/);
});

test('the adapter is small: its shipped JS within 4 KiB gzipped', () => {
  const bytes = gzipSync(readFileSync(new URL('../pkg/rjsf.js', import.meta.url)), { level: 9 }).length;
  assert.ok(bytes <= 4096, `${bytes} bytes`);
  console.log(`pkg/rjsf.js: ${bytes} bytes gzipped`);
});

// --- declarations ---------------------------------------------------------------------

test('rjsf.d.ts: the validator is a ValidatorType of @rjsf/utils', () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('./types/tsconfig.rjsf.json', import.meta.url));
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
