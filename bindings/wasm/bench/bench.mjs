// Benchmark of the npm package (not a test): size, one-record latency, batch throughput,
// each beside ajv validating the same records against our exported JSON Schema.
//   bash bindings/wasm/build.sh && node bindings/wasm/bench/bench.mjs
// Targets: < 20 µs per record, < 150 KB gzipped (.wasm + JS glue).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import * as treem from '../pkg/node.js';
import { median } from './median.mjs';
import { readModule } from './size-breakdown.mjs';

const pkg = (f) => readFileSync(new URL(`../pkg/${f}`, import.meta.url));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
// Brotli at its best quality, as a server that precompresses its files would serve them.
const br = (buf) =>
  brotliCompressSync(buf, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

// --- size ---------------------------------------------------------------------------------
// Each module of the package as a browser page loads it: the .wasm and the JS of its entry.
function size(dir, title) {
  const wasm = pkg(`${dir}/treem_wasm_bg.wasm`);
  const glue = Buffer.concat(['treem_wasm.js', 'core.js', 'standard.js', 'web.js'].map((f) => pkg(`${dir}/${f}`)));
  console.log(`size of ${title} (browser entry: .wasm + treem_wasm.js + core.js + standard.js + web.js)`);
  console.log(`  .wasm     ${kb(wasm.length)} raw, ${kb(gz(wasm))} gzipped`);
  console.log(`  JS glue   ${kb(glue.length)} raw, ${kb(gz(glue))} gzipped`);
  console.log(`  total     ${kb(gz(wasm) + gz(glue))} gzipped (target < 150 KB)`);
  console.log(`  brotli    ${kb(br(wasm) + br(glue))} (quality 11; for servers that precompress, not the target)`);
  // What the .wasm is made of: code vs data (strings, message templates, catalogs).
  const SECTION_NAMES = { 1: 'type', 2: 'import', 3: 'function', 7: 'export', 10: 'code', 11: 'data' };
  const sections = [...readModule(wasm).sections].map(([id, size]) => `${SECTION_NAMES[id] ?? `other(${id})`} ${kb(size)}`);
  console.log(`  sections  ${sections.join(', ')}`);
}
size('.', "'treem' (every domain)");
size('child', "'treem/child' (the child form's module)");

// --- records --------------------------------------------------------------------------------
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thị Én'];
const DATES = ['05/09/2018', '2016-02-29', '30/02/2016', 'ngày 13 tháng 8 năm 2015', '31/4/2019', '2031-01-01'];
const SEXES = ['nam', 'Nữ', 'female', 'x'];
const records = Array.from({ length: 10000 }, (_, i) => ({
  full_name: NAMES[i % NAMES.length],
  date_of_birth: DATES[i % DATES.length],
  sex: SEXES[i % SEXES.length],
}));
const options = { as_of: '2026-11-28', lang: 'vi' };
const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
const ajvValidate = ajv.compile(treem.schema('child'));

function throughput(fn) {
  fn(); // warm up
  const t0 = process.hrtime.bigint();
  const rounds = 5;
  for (let r = 0; r < rounds; r++) fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return (records.length * rounds) / seconds;
}

const RUNS = 20000;
median((r) => treem.validate('child', r, options), records, RUNS); // warm up the JIT
median((r) => ajvValidate(r), records, RUNS);
const texts = records.map((r) => JSON.stringify(r));
console.log(`\none record, median of ${RUNS} calls (mix of valid and invalid records)`);
console.log(`  treem validate(JS object)      ${median((r) => treem.validate('child', r, options), records, RUNS).toFixed(2)} µs  (target < 20 µs)`);
let k = 0;
console.log(`  treem validate(JSON text)      ${median(() => treem.validate('child', texts[k++ % texts.length], options), records, RUNS).toFixed(2)} µs`);
console.log(`  ajv (schema('child'))          ${median((r) => ajvValidate(r), records, RUNS).toFixed(2)} µs`);
// The JS half of the marshaling (stringify the record, parse a report) for the same records.
const reportTexts = records.slice(0, 100).map((r) => JSON.stringify(treem.validate('child', r, options)));
k = 0;
console.log(`  of which JSON.stringify+parse  ${median((r) => { JSON.stringify(r); JSON.parse(reportTexts[k++ % 100]); }, records, RUNS).toFixed(2)} µs`);

console.log(`\nbatch of ${records.length} records`);
console.log(`  treem validateMany(array)      ${Math.round(throughput(() => treem.validateMany('child', records, options))).toLocaleString('en')} records/s`);
const ndjson = texts.join('\n');
console.log(`  treem validateMany(NDJSON)     ${Math.round(throughput(() => treem.validateMany('child', ndjson, options))).toLocaleString('en')} records/s`);
console.log(`  ajv loop                       ${Math.round(throughput(() => { for (const r of records) ajvValidate(r); })).toLocaleString('en')} records/s`);
console.log('\nnote: ajv checks only the lenient input schema (types); treem also runs every rule and renders messages.');
