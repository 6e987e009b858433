// Benchmark of the form modules (not a test): for each module of the package, its gzipped
// size (.wasm + the JS of its browser entry, as tests/size.test.mjs measures it) and the
// median time of one record's validation in Node, through `validate` and through the kind's
// Standard Schema (`~standard.validate`, which normalises as well). The records are the
// conformance vectors of the form's kind (tests/vectors/), valid and invalid alike.
//   bash bindings/wasm/build.sh && node bindings/wasm/bench/forms.mjs
// Prints the README's table ("Which module for which form").
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const FORMS = [
  { dir: '.', import: 'treem', kind: 'child', vectors: 'child.json' },
  { dir: 'child', import: 'treem/child', kind: 'child', vectors: 'child.json' },
  { dir: 'case', import: 'treem/case', kind: 'case', vectors: 'case.json' },
  { dir: 'school', import: 'treem/school', kind: 'school', vectors: 'school.json' },
  { dir: 'safe-school', import: 'treem/safe-school', kind: 'safe_school_assessment', vectors: 'safe_school.json' },
  { dir: 'task-report', import: 'treem/task-report', kind: 'task_report', vectors: 'task_report.json' },
];
const RUNS = 20000;

const pkg = (f) => readFileSync(new URL(`../pkg/${f}`, import.meta.url));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function median(fn, inputs, runs) {
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const input = inputs[i % inputs.length];
    const t0 = process.hrtime.bigint();
    fn(input);
    times[i] = Number(process.hrtime.bigint() - t0);
  }
  times.sort();
  return times[runs >> 1] / 1000;
}

console.log(`| import | size gzipped (.wasm + JS) | validate, median µs | ~standard.validate, median µs | records |`);
console.log('|---|---:|---:|---:|---:|');
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
  console.log(`| \`${form.import}\` | ${size.toFixed(1)} KiB | ${a.toFixed(1)} | ${b.toFixed(1)} | ${records.length} |`);
}
