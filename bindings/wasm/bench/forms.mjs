// Benchmark of the form modules (not a test): for each module of the package, its gzipped
// size (.wasm + the JS of its browser entry, as tests/size.test.mjs measures it) and the
// median time of one record's validation in Node, through `validate` and through the kind's
// Standard Schema (`~standard.validate`, which normalises as well). The records are the
// conformance vectors of the form's kind (tests/vectors/), valid and invalid alike.
//   bash bindings/wasm/build.sh && node bindings/wasm/bench/forms.mjs
// Prints the README's table ("Which module for which form"), then the safe-school module's
// time for one whole NĐ 80/2017 self-assessment (the built-in complete set: every one of its
// criteria answered) and that time per criterion.
// The column "JSON in/out" is the part of `validate` spent on the JS side's JSON alone: the
// median time of `JSON.stringify` of the same record and `JSON.parse` of its answer's text,
// measured in the same run. No module can take it away (a record crosses into WebAssembly as
// JSON text and its report comes back as JSON text), and it says how fast the machine was
// when the table was measured (it varies by a quarter between runs on a shared machine).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { median } from './median.mjs';

const FORMS = [
  { dir: '.', import: 'treem', kind: 'child', vectors: 'child.json' },
  { dir: 'child', import: 'treem/child', kind: 'child', vectors: 'child.json' },
  { dir: 'case', import: 'treem/case', kind: 'case', vectors: 'case.json' },
  { dir: 'school', import: 'treem/school', kind: 'school', vectors: 'school.json' },
  { dir: 'safe-school', import: 'treem/safe-school', kind: 'safe_school_assessment', vectors: 'safe_school.json' },
  { dir: 'task-report', import: 'treem/task-report', kind: 'task_report', vectors: 'task_report.json' },
];
const RUNS = 20000;
let wholeAssessment;

const pkg = (f) => readFileSync(new URL(`../pkg/${f}`, import.meta.url));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// The JS side's JSON of one call: the record written, its answer read.
function jsonInOut(fn, records) {
  const answers = records.map((r) => JSON.stringify(fn(r)));
  const indices = records.map((_, i) => i);
  let written = 0; // kept, so that the engine cannot drop the write
  const run = (i) => {
    written += JSON.stringify(records[i]).length;
    return JSON.parse(answers[i]);
  };
  median(run, indices, RUNS);
  const time = median(run, indices, RUNS);
  return written > 0 ? time : NaN;
}

console.log(`| import | size gzipped (.wasm + JS) | validate, median µs | of which JSON in/out (JS), µs | ~standard.validate, median µs | records |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const form of FORMS) {
  const glue = Buffer.concat(['treem_wasm.js', 'core.js', 'standard.js', 'web.js'].map((f) => pkg(`${form.dir}/${f}`)));
  const size = (gz(pkg(`${form.dir}/treem_wasm_bg.wasm`)) + gz(glue)) / 1024;
  const treem = await import(`../pkg/${form.dir === '.' ? '' : `${form.dir}/`}node.js`);
  const doc = JSON.parse(readFileSync(new URL(`../../../tests/vectors/${form.vectors}`, import.meta.url), 'utf8'));
  const cases = doc.filter((c) => c.kind === form.kind && c.input && typeof c.input === 'object' && !Array.isArray(c.input));
  const records = cases.map((c) => c.input);
  const options = { as_of: '2026-11-28' };
  const schema = treem.standardSchema(form.kind, options);
  const plain = (r) => treem.validate(form.kind, r, options);
  const standard = (r) => schema['~standard'].validate(r);
  median(plain, records, RUNS); // warm up the JIT
  median(standard, records, RUNS);
  const a = median(plain, records, RUNS);
  const b = median(standard, records, RUNS);
  const json = jsonInOut(plain, records);
  console.log(`| \`${form.import}\` | ${size.toFixed(1)} KiB | ${a.toFixed(1)} | ${json.toFixed(1)} | ${b.toFixed(1)} | ${records.length} |`);
  if (form.kind === 'safe_school_assessment') wholeAssessment = { treem, options, school: records.find((r) => r.school)?.school };
}

// One school's whole self-assessment against NĐ 80/2017 (the set the form offers complete):
// the school of the vectors, every criterion of the built-in set answered `dat` with its
// evidence.
if (wholeAssessment) {
  const { treem, options, school } = wholeAssessment;
  const set = treem.catalog('criteria_sets').items.find((s) => s.code === 'nd80-2017');
  const record = {
    criteria_set: set.code,
    criteria_set_version: set.version,
    school,
    school_year: '2024-2025',
    results: set.criteria.map((c) => ({ criterion: c.code, result: 'dat', evidence: 'biên bản kiểm tra' })),
  };
  const plain = () => treem.validate('safe_school_assessment', record, options);
  median(plain, [record], RUNS);
  const whole = median(plain, [record], RUNS);
  const json = jsonInOut(plain, [record]);
  const issues = plain().issues.map((i) => i.code);
  console.log(
    `\ntreem/safe-school, one NĐ 80/2017 assessment of ${set.criteria.length} criteria (${JSON.stringify(record).length} bytes, ` +
      `issues: ${JSON.stringify(issues)}): validate ${whole.toFixed(1)} µs (of which JSON in/out ${json.toFixed(1)} µs), ` +
      `${(whole / set.criteria.length).toFixed(2)} µs per criterion`,
  );
}
