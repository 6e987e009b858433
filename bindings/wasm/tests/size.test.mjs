// The package's size budgets, and the breakdown that says what the size is made of.
// A change that makes a module's browser entry (.wasm + JS glue, gzipped as bench/bench.mjs
// measures it) larger than its budget fails here, so growth is a decision taken in review,
// not a surprise: raise the budget in the same commit and say why. The child form's module
// is also held to issue #8's target (150 KB gzipped with Hải Phòng's catalogs), which no
// budget may pass. Measured 29 Nov 2026: every domain 288.5 KiB, the child form's module
// 137.4 KiB. Raised 7 Dec 2026 (issues #19 and #25; README "Size after the officers' and
// operators' issues"): every domain 302.2 KiB, the child form's module 145.9 KiB, for the
// record size limit and streamed batches (+3.3 KiB), units read by name with the old → new
// map, special circumstances read from text and misuse messages in Vietnamese (+5.2 KiB);
// the budgets leave ~1.5 % for toolchain drift. Raised 7 Dec 2026 (issue #24: every kind as a
// Standard Schema, js/standard.js, 0.96 KiB gzipped alone, +0.7 KiB in the entry's JS): the
// child form's module measured 147.6 -> 148.4 KiB (budget 148 -> 149, still under the 150
// target), every domain 308.4 -> 309.2 KiB (budget 307 -> 310; it had already passed 307
// on main before this change). Re-measured 7 Dec 2026 after issues #20 and #22 (the derive
// readers, -5.5 KiB; the legal rules of #22, the working-day calendar with its lunar
// computation and announced schedules, the indicator feeds and their catalog, +16 KiB; the
// document numbers moved to the directive feature, -5.7 KiB in each form's module): every
// domain 320.3 KiB (budget 325), child 148.8 (budget 150, the target itself: no room is
// left for drift, so the next growth needs a cut), case 172.0 (175), school 121.4 (124),
// safe-school 156.4 (159). Raised 7 Dec 2026 (issue #21: the indicator feed reads checked
// children and cases, treem::record, so the module with indicators links the checked records'
// readers): every domain 321.9 -> 328.1 KiB (budget 325 -> 333); the form modules, which hold
// no indicator engine, are unchanged (child 149.4). Raised 7 Dec 2026 (issue #21's last
// point: `safe_school_assess` and the roll-up score the checked Assessment, so the module
// with the safe-school domain links the checked assessment's and school's readers, +12 KB raw;
// drafts read by moving the parsed texts, +0.4 KiB in child): every domain 328.5 -> 333.9 KiB
// (budget 333 -> 336), safe-school 144.4 -> 149.4 (budget 146 -> 150, the target itself: no
// room is left, the next growth needs a cut), child 149.8 (the same). Changed 7 Dec 2026
// (issue #24, README "Which module for which form"): records read straight from their JSON
// text by treem's own reader (json/text.rs, about +3.8 KiB in a form module), the operations
// over many records (dedup, roll-ups: the core's feature `bulk-operations`) left out of the
// form modules (-6 to -11 KiB), std's dlmalloc instead of talc (+2.2 KiB, 7.5 % faster on a
// safe-school assessment), the last options kept (+0.5 KiB): every domain 344.8 (budget
// 336 -> 350; it keeps the direct reader of drafts from values beside the text reader, +6
// KiB: its indicator feed reads thousands of records given as values, a third slower
// through their text), child 145.5 (150 -> 147), case 125.8 (123 -> 127), school 112.8 (110 -> 114),
// safe-school 145.2 (150 -> 147), task report 138.4 (148 -> 140). Later the same day (issue
// #24): the module's normalizeWhenValidJson for the Standard Schema's validate (the record left
// out when the report has an error) and the faster safe-school and task report rules,
// +0.2-0.4 KiB: every domain 345.1, child 145.8, case 126.2, school 113.1, safe-school 145.4,
// task report 138.5; then serde_json compiled for speed in the safe-school and task report
// modules (build.sh's form_config: x0.90-0.95 there), +1.1 KiB: safe-school 146.6, task
// report 139.5 (budgets unchanged; each module still 3.4 KiB or more under the 150 KiB target).
// Raised 8 Dec 2026 (issue #24, README "Which module for which form"): an assessment's inline
// criteria set read straight from the record's text into a typed CriteriaSetChoice (the
// derive's DataText readers, json/data_text.rs, +3.6 KiB with a threshold's reader), with
// serde_json back at "z" in the safe-school module (-1.2 KiB; "s" bought x0.95 once the set
// no longer went through a serde_json value) and wasm-opt -Os instead of -Oz (0.2-1.7 KiB
// smaller in every module): safe-school 146.6 -> 148.8 (budget 147 -> 149.5, the target's
// last KiB: the next growth needs a cut), for x0.79 on its vectors; every domain 345.1 ->
// 347.0 (budget 350 unchanged); child 145.7, case 126.0, school 112.9, task report 139.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  breakdown,
  dataFiles,
  gz,
  namedModulePath,
  readModule,
} from '../bench/size-breakdown.mjs';
import { KEY_END, layoutKey, renameFunctions } from '../layout-names.mjs';

const MODULES = [
  { dir: '.', title: "'treem' (every domain)", budgetKiB: 350 },
  { dir: 'child', title: "'treem/child' (the child form's module)", budgetKiB: 147, targetKiB: 150 },
  // One module per form (issue #24; README "Which module for which form"), each held to issue
  // #24's target of 150 KiB. Measured 7 Dec 2026 (budget = measured + ~1.5 %) after the core's
  // features were split finer: `case` compiles the child domain's catalogs and readers, not
  // the kind `child` (172.0 -> 121.0 KiB); the parsers of a personal ID, a phone number, a
  // name and an ethnic group (and the catalog of ethnic groups) come with `child` only, the
  // one domain whose records hold them (school 121.4 -> 108.6, safe-school 156.4 -> 144.0);
  // `directive` no longer turns on the indicator engine (it checks a task's indicator
  // against the codes of TT 13/2021 only), so the task report's module is its own: 146.2.
  // After the speed work of the same day (codes found before folding: school 108.7; the seed
  // directive parsed once: task report 146.4): every domain 320.6, child 148.8 (budget and
  // target 150: still no room, the next growth needs a cut), case 121.0, safe-school 144.0.
  { dir: 'case', title: "'treem/case' (the protection case form's module)", budgetKiB: 127, targetKiB: 150 },
  { dir: 'school', title: "'treem/school' (the school record form's module)", budgetKiB: 114, targetKiB: 150 },
  { dir: 'safe-school', title: "'treem/safe-school' (the safe-school assessment form's module)", budgetKiB: 149.5, targetKiB: 150 },
  { dir: 'task-report', title: "'treem/task-report' (the task report form's module)", budgetKiB: 140, targetKiB: 150 },
];

const pkg = (f) => readFileSync(new URL(`../pkg/${f}`, import.meta.url));

// The named copies are written by build.sh beside the package (target/wasm-names/).
function namedModule(dir = '.') {
  const path = namedModulePath(dir);
  try {
    return readModule(readFileSync(path));
  } catch (e) {
    assert.fail(`${path} unreadable (${e.code ?? e.message}); build with: bash bindings/wasm/build.sh`);
  }
}

for (const { dir, title, budgetKiB, targetKiB } of MODULES) {
  const shipped = () => pkg(`${dir}/treem_wasm_bg.wasm`);

  if (targetKiB !== undefined) {
    test(`${title}: the budget keeps within the ${targetKiB} KiB target`, () => {
      assert.ok(budgetKiB <= targetKiB, `budget ${budgetKiB} KiB is over the target of ${targetKiB} KiB`);
    });
  }

  test(`${title}: browser entry is at most ${budgetKiB} KiB gzipped`, () => {
    const glue = Buffer.concat(['treem_wasm.js', 'core.js', 'standard.js', 'web.js'].map((f) => pkg(`${dir}/${f}`)));
    const total = (gz(shipped()) + gz(glue)) / 1024;
    if (total > budgetKiB) {
      const groups = breakdown(namedModule(dir)).code.groups.slice(0, 8);
      const lines = groups.map((g) => `  ${(g.gzipped / 1024).toFixed(1)} KiB  ${g.name}`);
      assert.fail(
        `${title} is ${total.toFixed(1)} KiB gzipped, over the budget of ${budgetKiB} KiB; ` +
          `largest code groups (node bench/size-breakdown.mjs --module ${dir} for all):\n${lines.join('\n')}`,
      );
    }
  });

  test(`${title}: the named module is the shipped module with names: same code, same data`, () => {
    const named = namedModule(dir);
    const plain = readModule(shipped());
    assert.ok(named.named, 'the named module has a name section');
    assert.ok(!plain.named, 'the shipped module carries no names');
    assert.equal(named.functions.length, plain.functions.length);
    named.functions.forEach((f, i) => {
      assert.ok(f.body.equals(plain.functions[i].body), `function ${i} (${f.name}) differs: stale named module?`);
    });
    const data = (m) => Buffer.concat(m.segments.map((s) => s.bytes));
    assert.ok(data(named).equals(data(plain)), 'data segments differ');
    // Names for nearly every function, or the breakdown would say little.
    const unnamed = named.functions.filter((f) => f.name.startsWith('<function')).length;
    assert.ok(unnamed < named.functions.length / 20, `${unnamed} functions without a name`);
  });

  // Core's float printer (Grisu, Dragon4, big numbers and their tables: ~9 KiB gzipped) is
  // linked by serde's `Unexpected` Display, which serde_json's `invalid_type` falls back to:
  // any serde reading from a `Value` whose error is formatted links it. treem reads drafts by
  // `json::FromValue` and data types by `json::data::FromJson` (errors name types, not
  // values), and formats no float with `core::fmt`, so any of these functions in the module
  // means it came back: find the caller with
  // `wasm-opt --print-call-graph target/wasm-names/<dir>/treem_wasm_bg.wasm`.
  test(`${title}: core's float formatting is not linked`, () => {
    const floatPrinting = namedModule(dir)
      .functions.map((f) => f.name)
      .filter((n) => /core\[?[0-9a-f]*\]?::num::flt2dec|<f(32|64) as core\[?[0-9a-f]*\]?::fmt::(Display|Debug|LowerExp)>/.test(n));
    assert.deepEqual(floatPrinting, [], 'float formatting linked; which serde reader of a Value came back?');
  });

  // The modules read drafts from a parsed Value by json::FromValue, one plain function per
  // draft; serde's reader of a draft (its visitors over serde_json's Value, Map and Number
  // deserializers) is several KiB per draft and is linked by a single
  // `Deserialize::deserialize(&value)` of a draft in the core (docs/architecture.md).
  test(`${title}: drafts are read by FromValue, not serde's reader`, () => {
    const serdeReaders = namedModule(dir)
      .functions.map((f) => f.name)
      .filter((n) => /ReadMembers>::read_members|::DraftVisitor(<[^>]*>)? as serde_core|treem(\[[0-9a-f]+\])?::json::DraftInPlace/.test(n));
    assert.deepEqual(serdeReaders, [], 'a draft is read through serde; use crate::document::draft_of or json::FromValue');
  });

  // build.sh runs wasm-opt with --low-memory-unused, which assumes the first 1 KiB of memory
  // is never accessed. That holds because Rust lays the stack first (1 MiB, growing down to
  // 0) and the static data after it: a layout change of the toolchain must fail here, not
  // corrupt.
  test(`${title}: static data starts after the stack, clear of the low 1 KiB`, () => {
    const lowest = Math.min(...readModule(shipped()).segments.map((s) => s.offset));
    assert.ok(lowest >= 1024 * 1024, `lowest data segment at ${lowest}, expected after a 1 MiB stack`);
  });
}

test('the breakdown accounts for all the code and finds every embedded data file', () => {
  const b = breakdown(namedModule());
  const shipped = readModule(pkg('treem_wasm_bg.wasm'));
  const codeRaw = shipped.functions.reduce((s, f) => s + f.body.length, 0);
  assert.equal(b.code.raw, codeRaw);
  assert.equal(b.code.groups.reduce((s, g) => s + g.raw, 0), codeRaw);
  assert.equal(b.code.groups.reduce((s, g) => s + g.functions, 0), shipped.functions.length);
  // The rules are treem's: most of the code is attributed to treem's modules.
  const treem = b.code.groups.filter((g) => g.name.startsWith('treem')).reduce((s, g) => s + g.raw, 0);
  assert.ok(treem > codeRaw / 3, `only ${treem} of ${codeRaw} code bytes attributed to treem`);
  // Every file the core embeds in this build (all of crates/treem/data except the national
  // geography, which the package ships beside the module as national.tsv) is found verbatim.
  const expected = dataFiles()
    .map((f) => f.path)
    .filter((p) => !p.endsWith('admin/national.tsv'));
  assert.deepEqual(b.data.embedded.map((e) => e.path).sort(), expected.sort());
  assert.equal(
    b.data.embedded.reduce((s, e) => s + e.raw, 0) + b.data.rest.raw,
    b.data.raw,
  );
});

test('layout keys group the implementations of a trait method and keep the name', () => {
  const ser = '<treem::report::Issue as serde_core::ser::Serialize>::serialize::<serde_json::value::ser::Serializer>';
  const ser2 = '<treem::vn::phone::Phone as serde_core[0123abcd]::ser::Serialize>::serialize::h0123456789abcdef';
  const inherent = 'treem::child::check::h0123456789abcdef';
  assert.equal(layoutKey(ser), `serde_core::ser::Serialize::serialize${KEY_END}${ser}`);
  assert.equal(layoutKey(ser2), `serde_core::ser::Serialize::serialize${KEY_END}${ser2}`);
  assert.equal(layoutKey(inherent), `~${KEY_END}${inherent}`);
  // Trait methods sort before the other functions ('~' is after every letter).
  assert.ok(layoutKey(ser) < layoutKey(inherent));
});

test('renaming changes the names only', () => {
  const input = readFileSync(namedModulePath());
  const before = readModule(input);
  const after = readModule(renameFunctions(input, (name) => `k${KEY_END}${name}`));
  assert.equal(after.functions.length, before.functions.length);
  after.functions.forEach((f, i) => {
    assert.ok(f.body.equals(before.functions[i].body), `function ${i} changed`);
    if (!before.functions[i].name.startsWith('<function')) {
      assert.equal(f.name, `k${KEY_END}${before.functions[i].name}`);
    }
  });
  const data = (m) => Buffer.concat(m.segments.map((s) => s.bytes));
  assert.ok(data(after).equals(data(before)));
  // A module without names (the shipped one) cannot be laid out by name: an error, not a
  // silent no-op.
  assert.throws(() => renameFunctions(pkg('treem_wasm_bg.wasm'), (n) => n), /no function names/);
});
