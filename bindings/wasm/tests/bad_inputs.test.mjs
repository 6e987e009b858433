// The bad-input suite (tests/bad-inputs/cases.json) through the WebAssembly package: every
// input, built in memory from its recipe (format: tests/bad-inputs/README.md), gets an answer
// or a TreemError with a code within its time limit; no trap, no uncaught exception. The Rust
// and Python (C ABI) runners hold the other platforms to the same file.
//
// JavaScript strings cannot hold bytes that are not UTF-8: such inputs are decoded lossily
// (U+FFFD), and the case's `expect.wasm` says what that valid text answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as treem from '../pkg/node.js';

const file = fileURLToPath(new URL('../../../tests/bad-inputs/cases.json', import.meta.url));
const doc = JSON.parse(readFileSync(file, 'utf8'));

function build(parts) {
  return Buffer.concat(parts.map((part) => {
    if ('text' in part) return Buffer.from(part.text, 'utf8');
    if ('hex' in part) return Buffer.from(part.hex.replace(/\s+/g, ''), 'hex');
    return Buffer.from(part.repeat.repeat(part.times), 'utf8');
  }));
}

function optionsOf(c) {
  if ('options_text' in c) return c.options_text;
  return c.options;
}

function answer(c, text) {
  const options = optionsOf(c);
  try {
    switch (c.op) {
      case 'validate': return treem.validate(c.kind, text, options);
      case 'validate_many': return treem.validateMany(c.kind, text, options);
      case 'normalize': return treem.normalize(c.kind, text, options);
      case 'parse': return treem.parse(c.what, text, options);
      case 'call': return treem.call(c.operation, text, options);
      default: throw new Error(`unknown op ${c.op}`);
    }
  } catch (e) {
    if (e instanceof treem.TreemError) return { error: e.code, message: e.message };
    throw e;
  }
}

function collectCodes(value, out) {
  if (Array.isArray(value)) value.slice(0, 1000).forEach((v) => collectCodes(v, out));
  else if (value !== null && typeof value === 'object') {
    if (typeof value.code === 'string' && 'severity' in value) out.push(value.code);
    Object.values(value).forEach((v) => collectCodes(v, out));
  }
}

/** What does not match (the rules of crates/treem/tests/support/mod.rs). */
function check(expect, got) {
  const errors = [];
  const error = got !== null && typeof got === 'object' && !Array.isArray(got) ? got.error : undefined;
  if (expect.error) {
    if (!expect.error.includes(error)) errors.push(`expected an error ${expect.error}, got ${JSON.stringify(got).slice(0, 300)}`);
    if (!got?.message) errors.push('the error has no message');
    return errors;
  }
  if (error !== undefined) return [`expected an answer, got the error ${error}: ${got.message}`];
  const report = got?.report ?? got;
  if ('ok' in expect && report?.ok !== expect.ok) errors.push(`expected ok = ${expect.ok}, got ${JSON.stringify(got).slice(0, 300)}`);
  if ('length' in expect && (!Array.isArray(got) || got.length !== expect.length)) errors.push(`expected ${expect.length} answers`);
  const codes = [];
  collectCodes(got, codes);
  for (const code of expect.codes ?? []) if (!codes.includes(code)) errors.push(`expected the code ${code}, got ${codes}`);
  return errors;
}

test('every bad input gets a structured answer in time', () => {
  const trapsBefore = treem.__testing.instances();
  let count = 0;
  for (const c of doc.cases) {
    const bytes = build(c.input);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const expect = c.expect.wasm ?? c.expect;
    const start = performance.now();
    const got = answer(c, text);
    const took = performance.now() - start;
    count += 1;
    const limit = doc.time_limit_ms[c.giant ? 'giant' : 'default'];
    assert.ok(took < limit, `${c.name} took ${took.toFixed(0)} ms (limit ${limit})`);
    assert.notEqual(got?.error, 'trap', `${c.name} trapped`);
    assert.deepEqual(check(expect, got), [], c.name);
  }
  assert.ok(count >= 40, `only ${count} bad inputs`);
  // No case made the module trap (a trap instantiates it again).
  assert.equal(treem.__testing.instances(), trapsBefore);
});
