// Memory of the module: its linear memory only ever grows, so what one call makes it grow
// stays for the rest of the instance's life. A record over the size limit (option
// max_record_bytes, default 1 MiB) must not grow it at all beyond a small bound, and a batch
// must cost a small multiple of its input (issue #25: one 100-million-character record grew
// the memory to 1.5 GB; validateMany held every parsed record and every report).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as full from '../pkg/node.js';
import * as child from '../pkg/child/node.js';

const MiB = 1024 * 1024;
const memoryOf = (treem) => treem.__testing.exports().memory.buffer.byteLength;

// A fresh instance (the wrapper instantiates again after a trap): memory at its start.
function fresh(treem) {
  assert.throws(() => treem.__testing.trap(), (e) => e.code === 'trap');
  return memoryOf(treem);
}

function tooLarge(bytes, limit) {
  return (e) => {
    assert.equal(e.code, 'record_too_large', e.message);
    assert.deepEqual(e.params, { bytes, limit });
    assert.match(e.message_vi, new RegExp(`Bản ghi dài ${bytes} byte`));
    return true;
  };
}

for (const [name, treem] of [['treem', full], ['treem/child', child]]) {
  test(`${name}: one 100-million-character record leaves the memory under 64 MB more`, (t) => {
    const before = fresh(treem);
    treem.validate('child', { sex: 'nam' }, { as_of: '2026-11-28' }); // allocations of a first call
    const warm = memoryOf(treem);
    const record = `{"date_of_birth": "${'1'.repeat(100_000_000)}"}`;
    assert.throws(() => treem.validate('child', record, { as_of: '2026-11-28' }), tooLarge(100_000_021, MiB));
    assert.throws(() => treem.normalize('child', record), tooLarge(100_000_021, MiB));
    // As a JS value too (stringified by the wrapper without the blank, then measured).
    assert.throws(() => treem.validate('child', JSON.parse(record)), tooLarge(100_000_020, MiB));
    const grown = memoryOf(treem) - warm;
    t.diagnostic(`${name}: memory ${before / MiB} MiB fresh, ${warm / MiB} MiB after a first call, +${grown / MiB} MiB after the 100 MB record`);
    // Copying the record into the module alone would grow it by 100 MB: the check must
    // happen before the copy.
    assert.ok(grown < 64 * MiB, `grew by ${grown / MiB} MiB`);
  });
}

test('the wrapper and the core agree on the limit and on how bytes are counted', () => {
  // Longer than the default in UTF-16 units: refused by the wrapper, before copying.
  assert.throws(() => full.validate('child', 'x'.repeat(MiB + 1)), tooLarge(MiB + 1, MiB));
  // Within it in units but not in bytes (3 bytes a character): refused by the core itself,
  // with the same limit, which holds the wrapper's default to the core's.
  const text = `{"full_name": "${'Ễ'.repeat(400_000)}"}`;
  assert.ok(text.length <= MiB);
  assert.throws(() => full.validate('child', text), tooLarge(1_200_017, MiB));
  // Surrogate pairs count 4 bytes in both (vectors: tests/vectors/record_size.json).
  assert.throws(
    () => full.validate('child', `{"a": "${'😀'.repeat(40)}"}`, { max_record_bytes: 64 }),
    tooLarge(169, 64),
  );
  // A bad limit, or bad options, is the core's error even when the record is long.
  const long = 'x'.repeat(MiB + 1);
  assert.throws(() => full.validate('child', long, { max_record_bytes: 0 }), (e) => e.code === 'invalid_option');
  assert.throws(() => full.validate('child', long, 'not json'), (e) => e.code === 'not_json');
  assert.throws(() => full.validate('pupil', long), (e) => e.code === 'unknown_kind');
  // A raised limit lets the record through to the parser.
  assert.throws(() => full.validate('child', long, { max_record_bytes: 2 * MiB }), (e) => e.code === 'not_json');
});

// 20 MiB of the bundled sample's records as NDJSON (most with issues: the answer is 0.84
// times the input); the growth of a fresh instance's memory by one validateMany, as a
// multiple of the input. Measured: 9.53 before the batch was read record by record (every
// record parsed, every report kept, the input copied at 3 bytes a unit), 3.42 after: the
// input's copy (1.0), the answer (0.84) and the answer string's last doubling (its old and
// new buffers live at once while it grows).
test('validateMany grows the memory by a small multiple of its input', (t) => {
  const sample = readFileSync(fileURLToPath(new URL('../../../examples/data/children.ndjson', import.meta.url)), 'utf8');
  const lines = sample.split('\n').filter((l) => l.trim() !== '');
  let input = '';
  while (input.length < 20 * MiB) input += `${lines.join('\n')}\n`;
  const before = fresh(full);
  const reports = full.validateMany('child', input, { as_of: '2026-11-28' });
  const grown = memoryOf(full) - before;
  const multiple = grown / input.length;
  t.diagnostic(`validateMany: ${(input.length / MiB).toFixed(1)} MiB in, ${reports.length} reports, memory +${(grown / MiB).toFixed(1)} MiB = ${multiple.toFixed(2)} x input`);
  assert.equal(reports.length, (input.match(/\n/g) ?? []).length);
  assert.ok(multiple < 4, `memory grew by ${multiple.toFixed(2)} x the input`);
});
