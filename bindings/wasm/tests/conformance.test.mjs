// Every conformance vector in tests/vectors/*.json, run against the built npm package with the
// matching rules of crates/treem/tests/conformance.rs (format: tests/vectors/README.md).
// Records given as `input` are passed both as JS values and as JSON text: both must answer
// as the vector expects. Every module of the package runs them: the root (every domain) must
// answer every vector; each form's module (`treem/child`, `treem/case`, `treem/school`,
// `treem/safe-school`, `treem/task-report`) every vector of what it holds, and the others
// with the misuse error of a name it does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as full from '../pkg/node.js';

// Each form's module and the kinds it holds (its feature and the domains that turns on; the
// case reads the child domain's catalogs and readers but holds no kind `child`).
const FORM_MODULES = {
  child: ['child'],
  case: ['case'],
  school: ['school'],
  'safe-school': ['criteria_set', 'safe_school_assessment', 'school'],
  'task-report': ['directive', 'task_report'],
};
const forms = {};
for (const name of Object.keys(FORM_MODULES)) forms[name] = await import(`../pkg/${name}/node.js`);

const dir = fileURLToPath(new URL('../../../tests/vectors/', import.meta.url));

// The default package holds Hải Phòng's units only; the vectors cover the whole country, so
// the national tables are loaded as a browser would load them.
// The file the package ships beside the module, as a page would fetch it.
const national = readFileSync(fileURLToPath(new URL('../pkg/national.tsv', import.meta.url)), 'utf8');
for (const treem of [full, ...Object.values(forms)]) {
  const loaded = treem.loadGeography(national);
  if (!loaded.ok) throw new Error(`national geography did not load: ${JSON.stringify(loaded)}`);
}

function run(treem, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof treem.TreemError) {
      // The error JSON of the other runners: code, message, and for record_too_large its
      // params and Vietnamese message.
      const answer = { error: e.code, message: e.message };
      if (e.params !== undefined) answer.params = e.params;
      if (e.message_vi !== undefined) answer.message_vi = e.message_vi;
      return answer;
    }
    throw e;
  }
}

/** The answers of module `treem` to one case: one per form of its input (JS value, JSON text). */
function answers(treem, c) {
  const options = typeof c.options === 'string' ? JSON.stringify(c.options) : c.options;
  const op = c.op ?? 'validate';
  const kind = c.kind ?? '';
  const forms = [];
  if (typeof c.input_text === 'string') forms.push(c.input_text);
  else if (c.input === undefined) forms.push('');
  else {
    forms.push(JSON.stringify(c.input));
    // A JS string is read as JSON text, so only non-strings also go in as JS values.
    if (typeof c.input !== 'string') forms.push(c.input);
  }
  return forms.map((input) => run(treem, () => {
    switch (op) {
      case 'validate': return treem.validate(kind, input, options);
      case 'validate_many': return treem.validateMany(kind, input, options);
      case 'normalize': return treem.normalize(kind, input, options);
      case 'parse': return treem.parse(c.what, c.text, options);
      case 'catalog': return treem.catalog(c.name, options);
      case 'schema': return treem.schema(kind);
      // Every other op is a named domain operation, as in the Rust runner.
      default: return treem.call(op, input, options);
    }
  }));
}

/** Subset match, as the Rust runner: objects by member, arrays by length then element. */
function matches(expected, actual, at, errors) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || expected.length !== actual.length) {
      errors.push(`${at}: expected ${expected.length} elements, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((e, i) => matches(e, actual[i], `${at}/${i}`, errors));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      errors.push(`${at}: expected an object, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) errors.push(`${at}/${key}: missing`);
      else matches(value, actual[key], `${at}/${key}`, errors);
    }
  } else if (!Object.is(expected, actual) && !(typeof expected === 'number' && expected === actual)) {
    errors.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The errors of matching the answers of `treem` to case `c`, one list per input form. */
const mismatches = (treem, c) =>
  answers(treem, c).map((actual) => {
    const errors = [];
    matches(c.expect, actual, '', errors);
    return { actual, errors };
  });

// What each form's module holds: its kinds, and the names it answers as unknown.
const UNKNOWN = new Set(['unknown_kind', 'unknown_name']);

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let count = 0;
const ran = Object.fromEntries(Object.keys(forms).map((m) => [m, { matched: 0, absent: 0 }]));
for (const file of files) {
  const doc = JSON.parse(readFileSync(dir + file, 'utf8'));
  const cases = Array.isArray(doc) ? doc : [doc];
  cases.forEach((c, i) => {
    count += 1;
    test(`${file} #${i}: ${c.description ?? '(no description)'}`, () => {
      for (const { actual, errors } of mismatches(full, c)) {
        assert.deepEqual(errors, [], `answer: ${JSON.stringify(actual)}`);
      }
    });
    for (const [name, module] of Object.entries(forms)) {
      test(`treem/${name}: ${file} #${i}`, () => {
        for (const { actual, errors } of mismatches(module, c)) {
          if (errors.length === 0) {
            ran[name].matched += 1;
            continue;
          }
          // Not in this module: only a kind, catalog or operation it does not hold, and never
          // one of its own kinds.
          assert.ok(UNKNOWN.has(actual?.error), `answer: ${JSON.stringify(actual)}\n${errors.join('\n')}`);
          assert.ok(!FORM_MODULES[name].includes(c.kind), `${c.kind} is a kind of treem/${name}`);
          ran[name].absent += 1;
        }
      });
    }
  });
}

test('the vectors were found', () => {
  assert.ok(count >= 10, `only ${count} vectors under ${dir}`);
});

for (const [name, kinds] of Object.entries(FORM_MODULES)) {
  test(`treem/${name} holds its kinds and answered their vectors`, () => {
    assert.deepEqual([...forms[name].version().kinds].sort(), kinds);
    // Every vector of its kinds matched (a mismatch of one of them fails above); some ran.
    assert.ok(ran[name].matched > 0, JSON.stringify(ran[name]));
  });
}
