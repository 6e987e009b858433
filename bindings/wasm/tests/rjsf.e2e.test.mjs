// End to end: examples/rjsf-safe-school (react-jsonschema-form over treem's schema of the
// safe-school assessment, validated by treem/rjsf with the treem/safe-school module) built by
// Vite from the packed package as an app depends on it, served on 127.0.0.1 and run in
// Debian's headless Chromium (playwright-core; no browser download): fill a school year of
// one year, see treem's Vietnamese message beside the field, switch to English, fix it, submit
// clean. This build is also the Vite check of tests/bundlers.test.mjs's list (the package
// unchanged under a bundler). Screenshots: test-artifacts/rjsf-safe-school-{error,clean}.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serve } from '../serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, WASM, makeApp } from './support/apps.mjs';
import * as treem from '../pkg/safe-school/node.js';

const EXAMPLE = join(ROOT, 'examples/rjsf-safe-school');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const KIND = 'safe_school_assessment';

let server;
let browser;
let base;
let dist;
let buildSeconds;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; run: bash scripts/install.sh`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const files = {};
  for (const f of ['index.html', 'main.js', 'style.css', 'vite.config.js']) files[f] = readFileSync(join(EXAMPLE, f), 'utf8');
  const app = makeApp('rjsf-safe-school', files, ['react', 'react-dom', 'scheduler', '@rjsf', 'markdown-to-jsx']);
  const t0 = performance.now();
  await build({ root: app, configFile: join(app, 'vite.config.js'), logLevel: 'warn' });
  buildSeconds = (performance.now() - t0) / 1000;
  dist = join(app, 'dist');
  server = await serve(dist, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const errorOf = (record, path, lang) =>
  treem.validate(KIND, record, { as_of: today(), lang }).issues.find((i) => i.path === path && i.severity === 'error')?.message;

test('the Vite build holds the safe-school module and no JSON Schema validator', () => {
  // 10–17 s on the shared 2-core machine; the bound leaves room for a loaded one.
  assert.ok(buildSeconds < 90, `vite build took ${buildSeconds.toFixed(1)} s`);
  const assets = readdirSync(join(dist, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `${assets}`);
  assert.equal(statSync(join(dist, 'assets', wasm[0])).size, statSync(join(WASM, 'pkg/safe-school/treem_wasm_bg.wasm')).size);
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, 'assets', f), 'utf8')).join('\n');
  // @rjsf/core's index imports @rjsf/validator-ajv8 (for its test registry); tree-shaken away.
  assert.ok(!js.includes('must have required property'), 'ajv is bundled');
  console.log(`vite build ${buildSeconds.toFixed(1)} s; JS ${(js.length / 1024).toFixed(0)} KiB`);
});

test('the rjsf form shows treem\'s messages beside the fields, in Vietnamese, and submits clean', async () => {
  const context = await browser.newContext({ viewport: { width: 820, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#root_school_year');
  await context.setOffline(true);

  // The school's fields, then a school year of one year.
  await page.fill('#root_school_code', '31000101');
  await page.fill('#root_school_name', 'Trường THCS Lê Lợi');
  // rjsf's selects carry option indices as values: chosen by the catalog's label.
  const thcs = treem.catalog('school_types', { lang: 'vi' }).items.find((i) => i.code === 'truong_thcs').label;
  await page.selectOption('#root_school_school_type', { label: thcs });
  await page.fill('#root_school_year', '2024');
  const expected = errorOf({ school_year: '2024' }, '/school_year', 'vi');
  assert.equal(expected, 'Năm học phải viết dạng 2024-2025 (hai năm liên tiếp)');
  await page.waitForFunction((text) => document.querySelector('#root_school_year__error')?.textContent.includes(text), expected);
  // Only the wrong field has a message: the school's fields are filled right.
  assert.equal(await page.locator('#root_school_code__error').count(), 0);
  assert.equal(await page.locator('#root_school_school_type__error').count(), 0);
  // rjsf's error list at the top (its heading translated by the page) names the field by its title.
  assert.match(await page.textContent('.errors'), /^Lỗi.*Năm học: Năm học phải viết dạng 2024-2025/);
  await page.locator('#root_school_year').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(ARTIFACTS, 'rjsf-safe-school-error.png') });

  // Submitting with the error keeps the form.
  await page.click('button[type="submit"]');
  assert.equal(await page.locator('#result').count(), 0);

  // English: treem's English message; labels follow.
  await page.click('[data-lang="en"]');
  const english = errorOf({ school_year: '2024' }, '/school_year', 'en');
  await page.waitForFunction((text) => document.querySelector('#root_school_year__error')?.textContent.includes(text), english);
  assert.equal((await page.textContent('label[for="root_school_year"]')).trim(), 'School year');
  await page.click('[data-lang="vi"]');

  // Fixed: no message; warnings (no evidence cited) shown apart, not blocking; submitted clean.
  await page.fill('#root_school_year', '2025-2026');
  await page.waitForFunction(() => document.querySelector('#root_school_year__error') === null);
  assert.equal(await page.locator('.errors').count(), 0);
  assert.match(await page.textContent('#warnings'), /Tiêu chí đạt nên có minh chứng/);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#result');
  const saved = JSON.parse(await page.textContent('#normalized'));
  const set = treem.catalog('criteria_sets').items.find((s) => s.code === 'nd80-2017');
  const typed = {
    criteria_set: 'nd80-2017',
    criteria_set_version: set.version,
    school: { code: '31000101', name: 'Trường THCS Lê Lợi', school_type: 'truong_thcs' },
    results: set.criteria.map((c) => ({ criterion: c.code, result: 'dat' })),
    school_year: '2025-2026',
  };
  const n = treem.normalize(KIND, typed, { as_of: today() });
  assert.deepEqual(n.report.issues.filter((i) => i.severity === 'error'), []);
  assert.deepEqual(saved, n.record);
  await page.locator('#result').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(ARTIFACTS, 'rjsf-safe-school-clean.png') });

  assert.deepEqual(pageErrors, []);
  await context.close();
});
