// The Standard Schema v1 objects of the package (js/standard.js): the spec's shape, treem's
// issues behind it (code, severity, params), languages, warnings apart, and the same answers
// from the child form's module and the browser entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as treem from '../pkg/node.js';
import * as childModule from '../pkg/child/node.js';
import * as taskReportModule from '../pkg/task-report/node.js';

const AS_OF = { as_of: '2026-11-28' };
const impossible = { full_name: 'Nguyễn Văn An', date_of_birth: '30/02/2016' };
const DATE_PARAMS = { day: 30, month: 2, year: 2016, reason_en: 'month 2 has only 29 days', reason_vi: 'tháng 2 chỉ có 29 ngày' };

test('every kind is a Standard Schema v1 object of vendor treem', () => {
  const schemas = {
    child: treem.child,
    case: treem.caseRecord,
    school: treem.school,
    safe_school_assessment: treem.safeSchoolAssessment,
    criteria_set: treem.criteriaSet,
    directive: treem.directive,
    task_report: treem.taskReport,
  };
  assert.deepEqual(Object.keys(schemas).sort(), [...treem.version().kinds].sort(), 'one export per kind of the core');
  for (const [kind, s] of Object.entries(schemas)) {
    assert.equal(s.kind, kind);
    assert.equal(s['~standard'].version, 1);
    assert.equal(s['~standard'].vendor, 'treem');
    assert.equal(typeof s['~standard'].validate, 'function');
    // Synchronous: a result, not a promise; an empty record of each kind gets an answer.
    const r = s.withOptions(AS_OF)['~standard'].validate({});
    assert.ok(!(r instanceof Promise), kind);
    assert.ok('value' in r || Array.isArray(r.issues), kind);
  }
  assert.equal(treem.case, treem.caseRecord, '`case` is exported as well');
  assert.equal(treem.standardSchema('case').kind, 'case');
});

test('an error: message in the chosen language, path as keys, code, severity and params kept', () => {
  const vi = treem.child.withOptions(AS_OF)['~standard'].validate(impossible);
  assert.deepEqual(vi, {
    issues: [{
      message: 'Ngày 30/2/2016 không tồn tại: tháng 2 chỉ có 29 ngày',
      path: ['date_of_birth'],
      code: 'date.impossible',
      severity: 'error',
      params: DATE_PARAMS,
      rule: 'vn.date',
    }],
    warnings: [],
  });
  assert.equal('value' in vi, false);
  const en = treem.child.withOptions(AS_OF).withLang('en')['~standard'].validate(impossible);
  assert.equal(en.issues[0].message, '30/2/2016 is not a calendar date: month 2 has only 29 days');
  // The factory, and options for one call (the spec's libraryOptions).
  assert.deepEqual(treem.standardSchema('child', { ...AS_OF, lang: 'en' })['~standard'].validate(impossible), en);
  assert.deepEqual(
    treem.child['~standard'].validate(impossible, { libraryOptions: { ...AS_OF, lang: 'en' } }),
    en,
  );
  // withLang returns a new schema: the original still answers in Vietnamese.
  assert.equal(treem.child.withOptions(AS_OF)['~standard'].validate(impossible).issues[0].message, vi.issues[0].message);
});

test('array indices in a path are numbers; a record-level issue has no path', () => {
  const r = treem.child.withOptions({ ...AS_OF, lang: 'en' })['~standard'].validate({
    date_of_birth: '2014-09-09',
    guardians: [
      { full_name: 'Phạm Văn Hùng', relationship: 'bố', status: 'còn sống' },
      { full_name: 'Vũ Thị Mai', relationship: 'mother', status: 'deceased' },
    ],
    special_circumstances: [{ group: 'a', sub_category: 3, identified_on: '2022-01-10' }],
    social_assistance: { category: 'orphan_both_parents' },
  });
  assert.deepEqual(r.issues.map((i) => [i.code, i.path]), [['child.orphan_with_living_parent', ['guardians', 0, 'status']]]);
  assert.equal(r.issues[0].message, 'The child is recorded as orphaned of both parents but this parent is recorded as living');

  assert.deepEqual(treem.pointerPath(''), undefined);
  assert.deepEqual(treem.pointerPath('/guardians/10/phone'), ['guardians', 10, 'phone']);
  assert.deepEqual(treem.pointerPath('/a~1b/~0c/01'), ['a/b', '~c', '01']);
});

test('warnings do not fail validation; validateAll and warnings() give them to the form', () => {
  const tung = { full_name: 'Lê Văn Tùng', date_of_birth: '2010-03-02', sex: 'nam' };
  const schema = treem.child.withOptions(AS_OF);
  const warning = {
    message: 'Người này 16 tuổi tại ngày tính, không còn là trẻ em theo Luật Trẻ em (dưới 16 tuổi)',
    path: ['date_of_birth'],
    code: 'child.age_outside_child_law',
    severity: 'warning',
    params: { age: 16 },
    rule: 'child.identity',
  };
  const r = schema['~standard'].validate(tung);
  assert.equal(r.issues, undefined);
  // The normalised record: `nam` read as the catalog code `male`.
  assert.deepEqual(r.value, { full_name: 'Lê Văn Tùng', date_of_birth: '2010-03-02', sex: 'male' });
  assert.deepEqual(r.warnings, [warning]);
  assert.deepEqual(schema.warnings(tung), [warning]);
  const all = schema.validateAll({ ...tung, personal_id: 31215000789 });
  assert.deepEqual(all.warnings, [warning]);
  assert.ok(all.issues.length > 0 && all.issues.every((i) => i.severity === 'error'));
  assert.equal(all.value.sex, 'male', 'validateAll gives the normalised record even with errors');
  assert.deepEqual(all.changes.map((c) => c.path), ['/sex']);
  // as_of as a function, asked at every validation.
  let asked = 0;
  const live = treem.child.withOptions({ as_of: () => (asked++, '2026-11-28') });
  assert.deepEqual(live['~standard'].validate(tung).warnings, [warning]);
  live['~standard'].validate(tung);
  assert.equal(asked, 2);
  // Without as_of, the core says so as a warning of the whole record (no path).
  const none = treem.child['~standard'].validate({ date_of_birth: '2016-05-20' });
  assert.deepEqual(none.value, { date_of_birth: '2016-05-20' });
  assert.deepEqual(none.warnings.map((w) => [w.code, 'path' in w]), [['context.as_of_missing', false]]);
});

// `~standard.validate` asks the module for the normalised record only when there is no
// error (normalizeWhenValid: the record is not built nor sent back); validateAll asks for it
// always. Over every conformance vector of every kind, both answer the same issues and
// warnings, and validate's value is validateAll's whenever it gives one.
test('~standard.validate answers what validateAll does, over every vector of every kind', () => {
  const vectors = new URL('../../../tests/vectors/', import.meta.url);
  let invalid = 0;
  let valid = 0;
  for (const file of readdirSync(vectors).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(new URL(file, vectors), 'utf8'));
    if (!Array.isArray(doc)) continue;
    for (const c of doc) {
      if (typeof c.kind !== 'string' || c.input === undefined) continue;
      const schema = treem.standardSchema(c.kind, c.options ?? AS_OF);
      let all;
      try {
        all = schema.validateAll(c.input);
      } catch {
        continue; // misuse (a bad option the vector names): thrown by both paths alike
      }
      const r = schema['~standard'].validate(c.input);
      assert.deepEqual(r.warnings, all.warnings, `${file}: ${c.description}`);
      if (all.issues.length > 0) {
        invalid += 1;
        assert.deepEqual(r.issues, all.issues, `${file}: ${c.description}`);
        assert.ok(!('value' in r));
      } else {
        valid += 1;
        assert.equal(r.issues, undefined);
        assert.deepEqual(r.value, all.value, `${file}: ${c.description}`);
      }
    }
  }
  assert.ok(invalid > 20 && valid > 20, `${invalid} invalid, ${valid} valid`);
});

test('a value that is not a record is an issue, not an exception; misuse still throws', () => {
  for (const [value, found] of [['{"full_name": "x"}', 'string'], [[impossible], 'array'], [null, 'null'], [undefined, 'null'], [7, 'number']]) {
    const r = treem.child['~standard'].validate(value);
    assert.deepEqual(r.issues.map((i) => [i.code, i.severity, 'path' in i]), [['wrong_top_level_type', 'error', false]], String(value));
    assert.match(r.issues[0].message, new RegExp(`found ${found}`));
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(treem.child['~standard'].validate(cyclic).issues[0].code, 'not_json');
  assert.equal(treem.child['~standard'].validate({ n: 1n }).issues[0].code, 'not_json');
  // Too large for the limit: refused before the copy, as an issue with the limit's params.
  const big = treem.child.withOptions({ max_record_bytes: 64 })['~standard'].validate({ full_name: 'x'.repeat(100) });
  assert.deepEqual(big.issues.map((i) => [i.code, i.params.limit]), [['record_too_large', 64]]);
  assert.match(big.issues[0].message, /64/);
  // An unknown kind or a bad option is the caller's mistake.
  assert.throws(() => treem.standardSchema('nope')['~standard'].validate({}), (e) => e.code === 'unknown_kind');
  assert.throws(() => treem.child.withOptions({ lang: 'fr' })['~standard'].validate({}), (e) => e.code === 'invalid_option');
});

test('the child module answers the child schema as the full package does; other kinds throw unknown_kind', () => {
  const full = treem.child.withOptions(AS_OF);
  const small = childModule.child.withOptions(AS_OF);
  for (const record of [impossible, { full_name: 'Lê Văn Tùng', date_of_birth: '2010-03-02', sex: 'nam' }]) {
    assert.deepEqual(small['~standard'].validate(record), full['~standard'].validate(record));
  }
  assert.throws(() => childModule.caseRecord['~standard'].validate({}), (e) => e.code === 'unknown_kind');
});

test('the task report module answers its kinds as the full package does; the child throws unknown_kind', () => {
  const report = { directive: 'hai-phong-2024', unit: { type: 'truong_tieu_hoc' }, period: '2024-2025', tasks: [] };
  for (const kind of ['taskReport', 'directive']) {
    for (const record of [{}, report]) {
      assert.deepEqual(
        taskReportModule[kind].withOptions(AS_OF)['~standard'].validate(record),
        treem[kind].withOptions(AS_OF)['~standard'].validate(record),
        kind,
      );
    }
  }
  assert.throws(() => taskReportModule.child['~standard'].validate(impossible), (e) => e.code === 'unknown_kind');
});

// The browser entry: after init(), validate is synchronous; before it, misuse.
test('browser entry: not_initialised before init(), synchronous after', async () => {
  const web = await import('../pkg/child/web.js');
  assert.throws(() => web.child['~standard'].validate(impossible), (e) => e.code === 'not_initialised');
  const { readFileSync } = await import('node:fs');
  await web.default(readFileSync(new URL('../pkg/child/treem_wasm_bg.wasm', import.meta.url)));
  const r = web.child.withOptions(AS_OF)['~standard'].validate(impossible);
  assert.deepEqual(r.issues.map((i) => [i.code, i.path]), [['date.impossible', ['date_of_birth']]]);
});

// The shipped declarations against the spec's own types: TypeScript (pinned devDependency)
// checks tests/types/standard-schema.ts, where each kind must be assignable to
// `@standard-schema/spec`'s StandardSchemaV1 and mistakes must be type errors.
test('treem.d.ts: every schema is a StandardSchemaV1 of @standard-schema/spec', () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
