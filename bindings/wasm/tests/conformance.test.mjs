// Every conformance vector in tests/vectors/*.json, run against the built npm package with the
// matching rules of crates/treem/tests/conformance.rs (format: tests/vectors/README.md).
// Records given as `input` are passed both as JS values and as JSON text: both must answer
// as the vector expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as treem from '../pkg/node.js';

const dir = fileURLToPath(new URL('../../../tests/vectors/', import.meta.url));

// The default package holds Hải Phòng's units only; the vectors cover the whole country, so
// the national tables are loaded as a browser would load them.
// The file the package ships beside the module, as a page would fetch it.
const national = fileURLToPath(new URL('../pkg/national.tsv', import.meta.url));
const loaded = treem.loadGeography(readFileSync(national, 'utf8'));
if (!loaded.ok) throw new Error(`national geography did not load: ${JSON.stringify(loaded)}`);

function run(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof treem.TreemError) return { error: e.code, message: e.message };
    throw e;
  }
}

/** The answers to one case: one per form of its input (JS value, JSON text). */
function answers(c) {
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
  return forms.map((input) => {
    switch (op) {
      case 'validate': return run(() => treem.validate(kind, input, options));
      case 'validate_many': return run(() => treem.validateMany(kind, input, options));
      case 'normalize': return run(() => treem.normalize(kind, input, options));
      case 'parse': return run(() => treem.parse(c.what, c.text, options));
      case 'catalog': return run(() => treem.catalog(c.name, options));
      case 'schema': return run(() => treem.schema(kind));
      // Every other op is a named domain operation, as in the Rust runner.
      default: return run(() => treem.call(op, input, options));
    }
  });
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

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let count = 0;
for (const file of files) {
  const doc = JSON.parse(readFileSync(dir + file, 'utf8'));
  const cases = Array.isArray(doc) ? doc : [doc];
  cases.forEach((c, i) => {
    count += 1;
    test(`${file} #${i}: ${c.description ?? '(no description)'}`, () => {
      for (const actual of answers(c)) {
        const errors = [];
        matches(c.expect, actual, '', errors);
        assert.deepEqual(errors, [], `answer: ${JSON.stringify(actual)}`);
      }
    });
  });
}

test('the vectors were found', () => {
  assert.ok(count >= 10, `only ${count} vectors under ${dir}`);
});
