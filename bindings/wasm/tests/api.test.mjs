// The JS surface of the package: inputs as objects or text, plain objects out, a thrown
// TreemError (with its code) only for misuse, and recovery after a trap. Both entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as node from '../pkg/node.js';
import initWeb, * as web from '../pkg/web.js';
import initChildWeb, * as childWeb from '../pkg/child/web.js';

const wasmBytes = readFileSync(new URL('../pkg/treem_wasm_bg.wasm', import.meta.url));
const OPTIONS = { as_of: '2026-11-28', lang: 'en' };
const BAD_DATE = { full_name: 'Nguyễn Văn An', date_of_birth: '30/02/2016', sex: 'nam' };

function throwsCode(fn, code) {
  assert.throws(fn, (e) => {
    assert.ok(
      [node, web, childWeb].some((entry) => e instanceof entry.TreemError),
      `not a TreemError: ${e}`,
    );
    assert.ok(e instanceof Error);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('objects and JSON text give the same plain-object answers', () => {
  const fromObject = node.validate('child', BAD_DATE, OPTIONS);
  const fromText = node.validate('child', JSON.stringify(BAD_DATE), JSON.stringify(OPTIONS));
  assert.deepEqual(fromObject, fromText);
  assert.equal(Object.getPrototypeOf(fromObject), Object.prototype);
  assert.equal(fromObject.ok, false);
  assert.equal(fromObject.issues[0].path, '/date_of_birth');
  assert.equal(fromObject.issues[0].code, 'date.impossible');
});

test('validateMany takes an array, JSON text or NDJSON, one report per record', () => {
  const records = [BAD_DATE, {}, 7, { sex: '?' }];
  const fromArray = node.validateMany('child', records, OPTIONS);
  assert.equal(fromArray.length, 4);
  assert.deepEqual(fromArray.map((r) => r.ok), [false, true, false, false]);
  assert.deepEqual(node.validateMany('child', JSON.stringify(records), OPTIONS), fromArray);
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n');
  assert.deepEqual(node.validateMany('child', ndjson, OPTIONS), fromArray);
  assert.deepEqual(fromArray[0], node.validate('child', BAD_DATE, OPTIONS));
});

test('normalize, schema, parse, catalog and version answer plain objects', () => {
  const n = node.normalize('child', { date_of_birth: '5/9/2018', sex: 'Nữ' }, OPTIONS);
  assert.deepEqual(n.record, { date_of_birth: '2018-09-05', sex: 'female' });
  assert.equal(node.schema('child').type, 'object');
  assert.equal(node.parse('date', '13/8/2024').value.date, '2024-08-13');
  assert.deepEqual(node.catalog('sexes', { lang: 'vi' }).items.map((i) => i.label), ['Nam', 'Nữ']);
  const v = node.version();
  assert.equal(v.name, 'treem');
  assert.ok(v.kinds.includes('child'));
});

test('misuse throws a TreemError carrying the core error code', () => {
  throwsCode(() => node.validate('pupil', {}), 'unknown_kind');
  throwsCode(() => node.validate('child', '{"full_name": '), 'not_json');
  throwsCode(() => node.validate('child', [{}]), 'wrong_top_level_type');
  throwsCode(() => node.validate('child', {}, { asof: '2026-11-28' }), 'invalid_option');
  throwsCode(() => node.validate('child', {}, { lang: 'fr' }), 'invalid_option');
  throwsCode(() => node.validateMany('pupil', []), 'unknown_kind');
  throwsCode(() => node.normalize('child', 5), 'wrong_top_level_type');
  throwsCode(() => node.schema('pupil'), 'unknown_kind');
  throwsCode(() => node.parse('shoe_size', '40'), 'unknown_name');
  throwsCode(() => node.catalog('no_such_catalog'), 'unknown_name');
  throwsCode(() => node.validate(42, {}), 'invalid_argument');
  throwsCode(() => node.validate('child'), 'invalid_argument');
  throwsCode(() => node.parse('date', 20240813), 'invalid_argument');
  const cyclic = {};
  cyclic.self = cyclic;
  throwsCode(() => node.validate('child', cyclic), 'not_json');
  throwsCode(() => node.validate('child', { n: 1n }), 'not_json');
  // Invalid data is never thrown.
  assert.equal(node.validate('child', { full_name: 12 }).ok, false);
});

test('a trap re-instantiates the module and later calls still work', () => {
  const before = node.__testing.exports();
  const count = node.__testing.instances();
  throwsCode(() => node.__testing.trap(), 'trap');
  assert.equal(node.__testing.instances(), count + 1);
  assert.notEqual(node.__testing.exports(), before, 'a new instance is in use');
  assert.equal(node.validate('child', BAD_DATE, OPTIONS).issues[0].code, 'date.impossible');
  throwsCode(() => node.__testing.trap(), 'trap');
  assert.equal(node.validateMany('child', [BAD_DATE, {}], OPTIONS).length, 2);
  throwsCode(() => node.validate('pupil', {}), 'unknown_kind');
});

test('the browser entry needs init(), then answers like the Node entry', async () => {
  throwsCode(() => web.validate('child', {}), 'not_initialised');
  await initWeb(wasmBytes);
  assert.deepEqual(web.validate('child', BAD_DATE, OPTIONS), node.validate('child', BAD_DATE, OPTIONS));
  throwsCode(() => web.__testing.trap(), 'trap');
  assert.deepEqual(web.catalog('sexes', OPTIONS), node.catalog('sexes', OPTIONS));
});

test('the child form module (treem/child) answers its kind like the full one, with recovery', async () => {
  throwsCode(() => childWeb.validate('child', {}), 'not_initialised');
  await initChildWeb(readFileSync(new URL('../pkg/child/treem_wasm_bg.wasm', import.meta.url)));
  assert.deepEqual(childWeb.version().kinds, ['child']);
  for (const options of [OPTIONS, { ...OPTIONS, lang: 'vi' }]) {
    assert.deepEqual(childWeb.validate('child', BAD_DATE, options), node.validate('child', BAD_DATE, options));
    assert.deepEqual(childWeb.normalize('child', BAD_DATE, options), node.normalize('child', BAD_DATE, options));
    for (const name of ['sexes', 'ethnic_groups', 'provinces', 'special_circumstances', 'disability_types', 'school_levels']) {
      assert.deepEqual(childWeb.catalog(name, options), node.catalog(name, options), name);
    }
  }
  assert.deepEqual(childWeb.schema('child'), node.schema('child'));
  throwsCode(() => childWeb.validate('case', {}), 'unknown_kind');
  // A form checks one record: the operations over many (here `dedup`) are the full
  // package's (the core's feature `bulk-operations`, left out of every form module).
  const pair = [{ full_name: 'An', date_of_birth: '2016-01-02', sex: 'nam' }];
  assert.ok(Array.isArray(node.call('dedup', pair, OPTIONS).pairs));
  throwsCode(() => childWeb.call('dedup', pair, OPTIONS), 'unknown_name');
  assert.deepEqual(
    childWeb.call('residence_successors', { address: { province_code: '31' } }, OPTIONS),
    node.call('residence_successors', { address: { province_code: '31' } }, OPTIONS),
  );
  throwsCode(() => childWeb.__testing.trap(), 'trap');
  assert.equal(childWeb.validate('child', BAD_DATE, OPTIONS).issues[0].code, 'date.impossible');
});

test('the package ships its declarations and an exports map', () => {
  const pkg = JSON.parse(readFileSync(new URL('../pkg/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.exports['.'].node, './node.js');
  assert.equal(pkg.exports['.'].default, './web.js');
  assert.ok(pkg.files.includes('national.tsv'), 'the national geography tables ship with the package');
  // The child form's module, `treem/child`: the same entries under child/.
  assert.equal(pkg.exports['./child'].node, './child/node.js');
  assert.equal(pkg.exports['./child'].default, './child/web.js');
  assert.ok(pkg.files.includes('child/'));
  // One module per form (README "Which module for which form"), each laid out alike.
  for (const m of ['child', 'case', 'school', 'safe-school', 'task-report']) {
    assert.equal(pkg.exports[`./${m}`].node, `./${m}/node.js`);
    assert.equal(pkg.exports[`./${m}`].default, `./${m}/web.js`);
    assert.equal(pkg.exports[`./${m}/treem_wasm_bg.wasm`], `./${m}/treem_wasm_bg.wasm`);
    assert.ok(pkg.files.includes(`${m}/`), m);
    for (const file of ['node.js', 'web.js', 'core.js', 'standard.js', 'treem_wasm.js', 'treem_wasm_bg.wasm']) {
      assert.ok(existsSync(new URL(`../pkg/${m}/${file}`, import.meta.url)), `${m}/${file}`);
    }
  }
  const dts = readFileSync(new URL('../pkg/treem.d.ts', import.meta.url), 'utf8');
  for (const name of ['validate', 'validateMany', 'normalize', 'schema', 'parse', 'catalog', 'version', 'indicators', 'call', 'loadGeography']) {
    assert.match(dts, new RegExp(`export function ${name}\\b`));
  }
  for (const kind of node.version().kinds) assert.ok(dts.includes(`${kind}:`), kind);
});

test('options are read again whenever their text changes (the module keeps the last one read)', () => {
  const en = { as_of: '2026-11-28', lang: 'en' };
  const vi = { as_of: '2026-11-28', lang: 'vi' };
  const later = { as_of: '2027-11-28', lang: 'en' };
  const first = [en, vi, later].map((options) => node.validate('child', BAD_DATE, options));
  const normalized = [en, vi, later].map((options) => node.normalize('child', BAD_DATE, options));
  assert.notDeepEqual(first[0], first[1]);
  assert.notDeepEqual(normalized[0], normalized[1]);
  for (let round = 0; round < 3; round++) {
    [en, vi, later].forEach((options, i) => {
      assert.deepEqual(node.validate('child', BAD_DATE, options), first[i]);
      assert.deepEqual(node.normalize('child', BAD_DATE, options), normalized[i]);
    });
  }
  // Bad options after good ones are refused, and the good ones still answer after them.
  throwsCode(() => node.validate('child', BAD_DATE, { lang: 'fr' }), 'invalid_option');
  assert.deepEqual(node.validate('child', BAD_DATE, en), first[0]);
  throwsCode(() => node.validate('child', BAD_DATE, { lang: 'fr' }), 'invalid_option');
});
