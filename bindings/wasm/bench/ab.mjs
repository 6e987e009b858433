// A/B benchmark of two builds of one module (not a test): both loaded in one Node process and
// measured in alternating rounds, so the machine's drift (10-25 % between runs minutes apart
// on a shared machine) falls on both alike. Prints each build's median and the median of the
// per-round ratios B/A with their range.
//   node bindings/wasm/bench/ab.mjs <pkg dir A> <pkg dir B> <kind> [--nd80] [--standard]
// e.g. build main into a copy of pkg/ (cp -r bindings/wasm/pkg /tmp/a), build the change
// (bash bindings/wasm/build.sh), then
//   node bindings/wasm/bench/ab.mjs /tmp/a/safe-school bindings/wasm/pkg/safe-school safe_school_assessment
// The records are the conformance vectors of the kind (tests/vectors/); --nd80 measures one
// school's whole NĐ 80/2017 self-assessment instead (as bench/forms.mjs does); --standard
// times the kind's Standard Schema (`~standard.validate`) instead of `validate`.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './median.mjs';

const [dirA, dirB, kind, ...flags] = process.argv.slice(2);
const flag = flags.includes('--nd80') ? '--nd80' : undefined;
const standard = flags.includes('--standard');
if (!dirA || !dirB || !kind) {
  console.error('usage: node ab.mjs <pkg dir A> <pkg dir B> <kind> [--nd80] [--standard]');
  process.exit(2);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'node.js')).href);
const [A, B] = [await load(dirA), await load(dirB)];

// The vector file of each form's kind, as bench/forms.mjs reads them; any other kind is
// looked for in every file.
const FILES = {
  child: 'child.json',
  case: 'case.json',
  school: 'school.json',
  safe_school_assessment: 'safe_school.json',
  task_report: 'task_report.json',
};
const vectors = new URL('../../../tests/vectors/', import.meta.url);
const files = FILES[kind] ? [FILES[kind]] : readdirSync(vectors).filter((f) => f.endsWith('.json'));
let records = [];
for (const file of files) {
  const doc = JSON.parse(readFileSync(new URL(file, vectors), 'utf8'));
  if (!Array.isArray(doc)) continue;
  records.push(...doc.filter((c) => c.kind === kind && c.input && typeof c.input === 'object' && !Array.isArray(c.input)).map((c) => c.input));
}
if (flag === '--nd80') {
  const set = A.catalog('criteria_sets').items.find((s) => s.code === 'nd80-2017');
  const school = records.find((r) => r.school)?.school;
  records = [{
    criteria_set: set.code,
    criteria_set_version: set.version,
    school,
    school_year: '2024-2025',
    results: set.criteria.map((c) => ({ criterion: c.code, result: 'dat', evidence: 'biên bản kiểm tra' })),
  }];
}
if (records.length === 0) {
  console.error(`no vectors of kind ${kind}`);
  process.exit(2);
}
const options = { as_of: '2026-11-28' };

// The call timed: `validate`, or the Standard Schema's `validate` (--standard).
const callOf = (treem) => {
  if (!standard) return (record) => treem.validate(kind, record, options);
  const schema = treem.standardSchema(kind, options)['~standard'];
  return (record) => schema.validate(record);
};
const [callA, callB] = [callOf(A), callOf(B)];

median(callA, records, 20000); // warm up the JIT on both
median(callB, records, 20000);
const a = [];
const b = [];
for (let round = 0; round < 16; round++) {
  a.push(median(callA, records, 4000));
  b.push(median(callB, records, 4000));
}
const mid = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const ratios = a.map((x, i) => b[i] / x);
console.log(
  `${kind}${flag === '--nd80' ? ' (one NĐ 80/2017 assessment)' : ''}${standard ? ', ~standard.validate' : ''}, ` +
    `${records.length} records: ` +
    `A ${mid(a).toFixed(1)} µs, B ${mid(b).toFixed(1)} µs, B/A ${mid(ratios).toFixed(3)} ` +
    `(rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
);
