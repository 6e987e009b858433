// Every kind's JSON Schema, as the package answers it, is standard JSON Schema (draft
// 2020-12): ajv 8 compiles each one with its default options (strict mode on, so an unknown
// keyword or format fails), and the schema accepts the conformance vectors' valid inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import * as node from '../pkg/node.js';

const kinds = node.catalog('kinds').items.map((item) => item.code);

test('every kind has a schema', () => {
  assert.ok(kinds.length >= 7, `${kinds}`);
});

for (const kind of kinds) {
  test(`the ${kind} schema compiles with ajv's default options`, () => {
    const schema = node.schema(kind);
    const ajv = new Ajv2020();
    const validate = ajv.compile(schema);
    assert.equal(typeof validate, 'function');
    // No format outside JSON Schema's own (schemars' int64/uint32 are OpenAPI's).
    const formats = new Set();
    JSON.stringify(schema, (key, value) => {
      if (key === 'format' && typeof value === 'string') formats.add(value);
      return value;
    });
    for (const format of formats) {
      assert.ok(!/^u?int(8|16|32|64)?$/.test(format), `${kind}: format ${format}`);
    }
  });
}

test('the valid conformance inputs of each kind pass its schema', () => {
  const dir = new URL('../../../tests/vectors/', import.meta.url);
  let checked = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const v of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) {
      // validate cases that expect ok, and the assessments that safe_school_assess cases
      // score with a clean report (no validate case of that kind is valid).
      const op = v.op ?? 'validate';
      const kind = op === 'safe_school_assess' ? 'safe_school_assessment' : v.kind;
      const ok = op === 'safe_school_assess' ? v.expect?.report?.ok === true : op === 'validate' && v.expect?.ok === true;
      if (!ok || !kinds.includes(kind)) continue;
      if (typeof v.input !== 'object' || v.input === null || Array.isArray(v.input)) continue;
      const validate = new Ajv2020().compile(node.schema(kind));
      assert.ok(validate(v.input), `${file}: ${v.description}: ${JSON.stringify(validate.errors)}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 10, `${checked} inputs checked`);
});
