// End to end: the browser form example in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is ever downloaded). Fill a bad date of birth, see
// the Vietnamese message beside that field, fix it, submit clean. Screenshots go to
// test-artifacts/ at the repo root.
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
  assert.ok(existsSync(`${DEFAULT_ROOT}/pkg/web.js`), 'target/browser-form is missing; run: bash bindings/wasm/build.sh');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DEFAULT_ROOT, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const messageFor = (record, lang) =>
  treem.validate('child', record, { as_of: today(), lang }).issues.map((i) => i.message);

test('the form validates as you type, in Vietnamese, offline, and submits clean', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  // Everything is loaded: from here on the page must work with no network at all.
  await context.setOffline(true);
  // The form loads the child form's module (treem/child), not the one with every domain;
  // its answers are checked below against the full module's in Node.
  const kinds = await page.evaluate(async () => (await import('./pkg/web.js')).version().kinds);
  assert.deepEqual(kinds, ['child']);

  // The select is filled from the `sexes` catalog.
  const sexLabels = await page.$$eval('#f-sex option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(sexLabels.slice(1), treem.catalog('sexes', { lang: 'vi' }).items.map((i) => i.label));

  await page.fill('#f-full_name', 'Nguyễn Văn An');
  await page.fill('#f-date_of_birth', '30/02/2016');
  const [expected] = messageFor({ date_of_birth: '30/02/2016' }, 'vi');
  assert.match(expected, /không tồn tại/, 'the library answers in Vietnamese');
  await page.waitForFunction(
    (text) => document.querySelector('#msg-date_of_birth')?.textContent.includes(text), expected);
  assert.equal(await page.getAttribute('#f-date_of_birth', 'aria-invalid'), 'true');
  // Only the field that is wrong carries a message.
  assert.equal((await page.textContent('#msg-full_name')).trim(), '');
  await page.screenshot({ path: `${ARTIFACTS}browser-form-error.png`, fullPage: true });

  // Submitting with the error keeps the form and says what is left.
  await page.click('#submit');
  assert.equal(await page.isVisible('#result'), false);

  // English, then back to Vietnamese: the message follows the language.
  await page.click('[data-lang="en"]');
  const [english] = messageFor({ date_of_birth: '30/02/2016' }, 'en');
  await page.waitForFunction(
    (text) => document.querySelector('#msg-date_of_birth')?.textContent.includes(text), english);
  assert.equal(await page.textContent('label[for="f-date_of_birth"]'), 'Date of birth');
  await page.click('[data-lang="vi"]');
  assert.equal(await page.textContent('label[for="f-date_of_birth"]'), 'Ngày sinh');

  // Fix the date, choose a sex, submit: clean, and the normalised record is shown.
  await page.fill('#f-date_of_birth', '29/02/2016');
  await page.waitForFunction(() => document.querySelector('#msg-date_of_birth').textContent.trim() === '');
  await page.selectOption('#f-sex', 'female');
  // Selects filled from catalogs: the 34 provinces of 2025; choosing Hải Phòng (31) fills its
  // communes, and the chosen commune goes into the nested residence of the record.
  assert.equal(await page.locator('#f-province option').count(), 35); // 34 + "— chọn —"
  await page.selectOption('#f-province', '31');
  await page.waitForFunction(() => document.querySelectorAll('#f-commune option').length === 115);
  const commune = await page.getAttribute('#f-commune option:nth-child(2)', 'value');
  await page.selectOption('#f-commune', commune);
  assert.ok((await page.locator('#f-ethnic_group option').count()) >= 55);
  await page.selectOption('#f-ethnic_group', '01');
  await page.click('#submit');
  await page.waitForSelector('#result', { state: 'visible' });
  const saved = JSON.parse(await page.textContent('#normalized'));
  assert.deepEqual(saved, {
    full_name: 'Nguyễn Văn An', date_of_birth: '2016-02-29', sex: 'female', ethnic_group: '01',
    residence: { edition: '2025', province_code: '31', commune_code: commune },
  });
  assert.equal(await page.isVisible('#record-messages'), false);
  await page.screenshot({ path: `${ARTIFACTS}browser-form-clean.png`, fullPage: true });

  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a select whose catalog is unknown shows a visible error', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  await page.evaluate(() => window.treemForm.addField(
    { name: 'province_code', label: { vi: 'Tỉnh/thành phố', en: 'Province' }, catalog: 'no_such_catalog' }));
  const msg = page.locator('#msg-province_code');
  assert.equal(await msg.isVisible(), true);
  assert.match(await msg.textContent(), /Không tải được danh mục "no_such_catalog"/);
  assert.equal(await page.isDisabled('#f-province_code'), true);
  await page.close();
});
