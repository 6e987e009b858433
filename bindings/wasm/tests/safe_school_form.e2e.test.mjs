// End to end: the safe-school self-assessment form (examples/safe-school-form, served at
// /safe-school/ of target/browser-form with the module treem/safe-school) in headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser is downloaded).
// Offline once loaded: choose NĐ 80/2017's set, see its criteria as the catalog holds them,
// mark them, and the score and result the page shows must be treem's `safe_school_assess`
// answer in Node (pkg/node.js, the full module) for the same record, again after one criterion
// changes; a set whose criteria texts treem does not hold is answered with the library's
// message and no criterion; a bad school year's message sits beside its field; the fixed
// assessment submits clean. Screenshots go to test-artifacts/ at the repo root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, DEFAULT_ROOT } from '../serve.mjs';
import * as treem from '../pkg/node.js';

const CHROMIUM = process.env.TREEM_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server;
let browser;
let base;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; run: bash scripts/install.sh`);
  assert.ok(existsSync(`${DEFAULT_ROOT}/safe-school/pkg/web.js`), 'target/browser-form/safe-school is missing; run: bash bindings/wasm/build.sh');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DEFAULT_ROOT, 0);
  base = `http://127.0.0.1:${server.address().port}/safe-school/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
const options = (lang = 'vi') => ({ as_of: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, lang });
// A school year that has begun on any day of this year.
const YEAR = `${now.getFullYear() - 1}-${now.getFullYear()}`;
const SCHOOL = { code: '31000101', name: 'Trường THCS Lê Lợi', school_type: 'truong_thcs' };
const sets = treem.catalog('criteria_sets', { lang: 'vi' }).items;
const setOf = (id) => sets.find((s) => s.code === id);

/** What the score panel shows. */
const panel = (page) => page.evaluate(() => {
  const score = document.getElementById('score');
  const figures = Object.fromEntries([...score.querySelectorAll('.figure')].map((f) => [f.dataset.name, f.dataset.value]));
  return {
    ready: score.dataset.ready,
    level: score.dataset.level,
    figures,
    reasons: [...score.querySelectorAll('.reasons li')].map((li) => li.dataset.reason),
    text: score.textContent,
  };
});

/** The panel shows treem's score of `record`: counts, level and reasons. */
async function assertScore(page, record) {
  const { report, score } = treem.call('safe_school_assess', record, options());
  assert.equal(report.ok, true, JSON.stringify(report.issues.filter((i) => i.severity === 'error')));
  assert.ok(score);
  await page.waitForFunction((met) => document.querySelector('#score .figure.met')?.dataset.value === String(met), score.met);
  const shown = await panel(page);
  assert.equal(shown.ready, 'true');
  assert.deepEqual(
    { met: shown.figures.met, not_met: shown.figures.not_met, unanswered: shown.figures.unanswered, not_applicable: shown.figures.not_applicable },
    { met: String(score.met), not_met: String(score.not_met), unanswered: String(score.unanswered), not_applicable: String(score.not_applicable) });
  assert.equal(shown.level, score.level ?? '');
  assert.deepEqual(shown.reasons, score.reasons.map((r) => r.reason));
  return score;
}

const mark = (page, code, result) => page.check(`input[name="r-${code}"][value="${result}"]`);

test('the NĐ 80/2017 checklist is scored live as treem scores it, offline', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  await context.setOffline(true);
  const kinds = await page.evaluate(async () => (await import('./pkg/web.js')).version().kinds);
  assert.deepEqual(kinds, ['school', 'safe_school_assessment', 'criteria_set']);

  // The sets offered are the catalog's.
  const offered = await page.$$eval('#f-criteria_set option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(offered, sets.map((s) => s.code));

  // A school year in the wrong form: the library's message beside that field.
  await page.fill('#f-school_year', '2025/2026');
  const [yearMessage] = treem.validate('safe_school_assessment', { school_year: '2025/2026' }, options())
    .issues.filter((i) => i.path === '/school_year').map((i) => i.message);
  assert.match(yearMessage, /Năm học phải viết dạng/);
  await page.waitForFunction((text) => document.querySelector('#msg-school_year')?.textContent.includes(text), yearMessage);
  assert.equal(await page.getAttribute('#f-school_year', 'aria-invalid'), 'true');
  assert.equal((await page.textContent('#msg-school_name')).trim(), '');

  await page.fill('#f-school_code', SCHOOL.code);
  await page.fill('#f-school_name', SCHOOL.name);
  await page.selectOption('#f-school_type', SCHOOL.school_type);
  await page.fill('#f-school_year', YEAR);
  await page.waitForFunction(() => document.querySelector('#msg-school_year').textContent.trim() === '');
  await page.selectOption('#f-criteria_set', 'nd80-2017');

  // Its criteria, as the catalog holds them (complete, verbatim), none invented.
  const set = setOf('nd80-2017');
  assert.equal(set.completeness, 'complete');
  const rows = await page.$$eval('.criterion', (rs) => rs.map((r) => ({ code: r.dataset.criterion, text: r.querySelector('.criterion-text').textContent })));
  assert.deepEqual(rows.map((r) => r.code), set.criteria.map((c) => c.code));
  for (const [i, c] of set.criteria.entries()) assert.ok(rows[i].text.includes(c.text), c.code);
  assert.equal(await page.isVisible('#set-answer'), false);

  // Mark the first 15 met, the next 3 not met with a remedy for one; the rest unanswered.
  const record = { criteria_set: 'nd80-2017', criteria_set_version: set.version, school: SCHOOL, school_year: YEAR, results: [] };
  // Nothing marked yet: every criterion unanswered, counted as not met.
  let score = await assertScore(page, record);
  assert.equal(score.unanswered, set.criteria.length);
  for (const c of set.criteria.slice(0, 15)) {
    await mark(page, c.code, 'dat');
    record.results.push({ criterion: c.code, result: 'dat' });
  }
  for (const c of set.criteria.slice(15, 18)) {
    await mark(page, c.code, 'chua_dat');
    record.results.push({ criterion: c.code, result: 'chua_dat' });
  }
  const remedied = set.criteria[15].code;
  await page.fill(`[data-criterion="${remedied}"] input.remedy`, 'Sửa hàng rào trước năm học mới');
  record.results[15].remedy = { measures: 'Sửa hàng rào trước năm học mới' };
  score = await assertScore(page, record);
  assert.equal(score.met, 15);
  assert.equal(score.level, null, 'NĐ 80/2017 sets no pass rule');
  assert.match((await panel(page)).text, /Không xếp mức/);
  // The library's advice beside a criterion not met without a remedy.
  const advice = treem.call('safe_school_assess', record, options()).report.issues
    .find((i) => i.path === '/results/16/remedy');
  assert.ok(advice);
  assert.ok((await page.textContent(`[data-criterion="${set.criteria[16].code}"] .msg`)).includes(advice.message));
  await page.screenshot({ path: `${ARTIFACTS}safe-school-form-nd80.png`, fullPage: true });

  // One criterion changes: the score follows at once.
  const changed = set.criteria[0].code;
  await mark(page, changed, 'chua_dat');
  record.results[0].result = 'chua_dat';
  const after = await assertScore(page, record);
  assert.equal(after.met, score.met - 1);
  assert.equal(after.not_met, score.not_met + 1);

  // Submit: clean, and the normalised record is the library's.
  await page.click('#submit');
  await page.waitForSelector('#result', { state: 'visible' });
  assert.deepEqual(JSON.parse(await page.textContent('#normalized')),
    treem.normalize('safe_school_assessment', record, options()).record);

  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a set without its official criteria texts is answered as the library answers it', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  const set = setOf('tt18-2023');
  assert.equal(set.completeness, 'thresholds_only');
  assert.equal(set.criteria, undefined);
  await page.fill('#f-school_code', SCHOOL.code);
  await page.fill('#f-school_name', SCHOOL.name);
  await page.selectOption('#f-school_type', SCHOOL.school_type);
  await page.fill('#f-school_year', YEAR);
  await page.selectOption('#f-criteria_set', 'tt18-2023');
  const record = { criteria_set: 'tt18-2023', criteria_set_version: set.version, school: SCHOOL, school_year: YEAR, results: [] };
  const answer = treem.call('safe_school_assess', record, options());
  assert.equal(answer.score, null);
  const notComplete = answer.report.issues.find((i) => i.code === 'safe_school.set_not_complete');
  assert.ok(notComplete);
  await page.waitForFunction((text) => document.querySelector('#set-answer')?.textContent.includes(text), notComplete.message);
  assert.equal(await page.isVisible('#set-answer'), true);
  // No criterion is shown (none is invented); the set's pass rule and counts are, from the catalog.
  assert.equal(await page.locator('.criterion').count(), 0);
  assert.equal(await page.isVisible('#criteria-section'), false);
  const facts = await page.textContent('#set-facts');
  assert.ok(facts.includes(`${set.threshold.min_percent}%`));
  assert.ok(facts.includes(String(set.reported_total)));
  await page.screenshot({ path: `${ARTIFACTS}safe-school-form-thresholds-only.png`, fullPage: true });

  // Submitting it is refused with the same answer.
  await page.click('#submit');
  assert.equal(await page.isVisible('#result'), false);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
