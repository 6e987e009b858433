// End to end: the protection case form (examples/case-form, served at /case/ of
// target/browser-form with the module treem/case) in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no browser is ever downloaded). Offline once
// loaded: type the report and the steps' dates, and every deadline and status the page shows
// must be the one treem computes in Node for the same record (pkg/node.js, the full module);
// a late step shows as late with the library's message, a bad date's Vietnamese message sits
// beside its field, and the fixed case submits clean. Dates are counted back from today, so
// the test holds on any day. Screenshots go to test-artifacts/ at the repo root.
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
  assert.ok(existsSync(`${DEFAULT_ROOT}/case/pkg/web.js`), 'target/browser-form/case is missing; run: bash bindings/wasm/build.sh');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DEFAULT_ROOT, 0);
  base = `http://127.0.0.1:${server.address().port}/case/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// The page's `as_of` is today's local date; so is the test's.
const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const typed = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const daysAgo = (n) => { const d = new Date(); d.setHours(12, 0, 0, 0); d.setDate(d.getDate() - n); return d; };
const options = (lang = 'vi') => ({ as_of: isoDay(new Date()), lang });
// How the page writes one of treem's moments: `21:00 28/11/2026` or `28/11/2026`.
const shown = (iso) => {
  const [day, time] = iso.split('T');
  const [y, m, d] = day.split('-');
  return time ? `${time} ${d}/${m}/${y}` : `${d}/${m}/${y}`;
};

/** Every row of the page's steps table, and the separation line: due and status. */
async function pageView(page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('#steps tbody tr')].map((tr) => ({
      step: tr.dataset.step,
      due: tr.querySelector('td.due').dataset.due || null,
      dueText: tr.querySelector('td.due').textContent,
      status: tr.querySelector('td.status').dataset.status,
    }));
    const sep = document.getElementById('separation-deadline');
    rows.push({ step: 'separation_end', due: sep.querySelector('.due').dataset.due || null,
      dueText: sep.querySelector('.due').textContent, status: sep.dataset.status });
    return rows;
  });
}

/** The page shows, for every step, the due time and status treem computes for `record`. */
async function assertDeadlines(page, record) {
  const expected = treem.call('case_deadlines', record, options()).steps;
  const shownRows = await pageView(page);
  assert.deepEqual(shownRows.map((r) => r.step), expected.map((r) => r.step));
  for (const [i, row] of expected.entries()) {
    assert.equal(shownRows[i].due, row.due, `due of ${row.step}`);
    assert.equal(shownRows[i].status, row.status, `status of ${row.step}`);
    if (row.due) assert.ok(shownRows[i].dueText.includes(shown(row.due)), `${row.step} shows ${shown(row.due)}: ${shownRows[i].dueText}`);
  }
  return expected;
}

const stepOf = (view, code) => view.find((r) => r.step === code);
const messagesAt = (record, path, lang = 'vi') =>
  treem.validate('case', record, options(lang)).issues.filter((i) => i.path === path).map((i) => i.message);
const waitText = (page, selector, text) =>
  page.waitForFunction(([s, x]) => document.querySelector(s)?.textContent.includes(x), [selector, text]);

test('the case form computes each step\'s deadline as dates are typed, offline, in Vietnamese', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  await context.setOffline(true);
  // The form loads the case form's module, not the one with every domain.
  const kinds = await page.evaluate(async () => (await import('./pkg/web.js')).version().kinds);
  assert.deepEqual(kinds, ['case']);

  // The steps are the catalog's, in its order, with its labels.
  const steps = treem.catalog('case_steps', { lang: 'vi' }).items;
  assert.deepEqual(await page.$$eval('#steps tbody tr', (trs) => trs.map((tr) => tr.dataset.step)), steps.map((s) => s.code));
  assert.deepEqual(await page.$$eval('#steps .step-label', (ls) => ls.map((l) => l.textContent)), steps.map((s) => s.label));

  // An emergency case, reported 40 days ago at 09:00: the 12-hour step is due that evening
  // and, undone, overdue; the working-day steps do not apply to it.
  const reported = daysAgo(40);
  const record = { reported_at: `${typed(reported)} 09:00`, emergency: true };
  await page.fill('#f-reported_at', record.reported_at);
  await page.check('#f-emergency');
  let view = await assertDeadlines(page, record);
  assert.equal(stepOf(view, 'emergency_intervention').status, 'overdue');
  assert.match(stepOf(view, 'emergency_intervention').due, /T21:00$/);
  assert.equal(await page.textContent('tr[data-step="emergency_intervention"] .badge'), 'Quá hạn');

  // The intervention done at 15:00 the same day: met.
  record.steps = { emergency_intervention: { done_at: `${typed(reported)} 15:00` } };
  await page.fill('#f-step_emergency_intervention', record.steps.emergency_intervention.done_at);
  view = await assertDeadlines(page, record);
  assert.equal(stepOf(view, 'emergency_intervention').status, 'done');

  // Not an emergency after all: the 5 working days of the plan run from the detailed
  // assessment; the plan done 25 days later is late, and says so beside its field.
  delete record.emergency;
  delete record.steps.emergency_intervention;
  await page.fill('#f-step_emergency_intervention', '');
  await page.uncheck('#f-emergency');
  record.steps.detailed_assessment = { done_at: typed(daysAgo(38)) };
  await page.fill('#f-step_detailed_assessment', record.steps.detailed_assessment.done_at);
  view = await assertDeadlines(page, record);
  assert.equal(stepOf(view, 'support_plan').status, 'overdue');
  record.steps.support_plan = { done_at: typed(daysAgo(13)) };
  await page.fill('#f-step_support_plan', record.steps.support_plan.done_at);
  view = await assertDeadlines(page, record);
  assert.equal(stepOf(view, 'support_plan').status, 'done_late');
  assert.equal(await page.textContent('tr[data-step="support_plan"] .badge'), 'Hoàn thành trễ hạn');
  const [late] = messagesAt(record, '/steps/support_plan/done_at');
  assert.match(late, /sau thời hạn/, 'the library answers in Vietnamese');
  await waitText(page, '#msg-step_support_plan', late);
  // The approval's 2 working days now run from the plan.
  assert.ok(stepOf(view, 'plan_approval').due);

  // A date that does not exist: the library's Vietnamese message beside that field only.
  await page.fill('#f-step_plan_approval', '31/11/2025');
  const [impossible] = messagesAt({ ...record, steps: { ...record.steps, plan_approval: { done_at: '31/11/2025' } } }, '/steps/plan_approval/done_at');
  assert.match(impossible, /không tồn tại/);
  await waitText(page, '#msg-step_plan_approval', impossible);
  assert.equal(await page.getAttribute('#f-step_plan_approval', 'aria-invalid'), 'true');
  assert.equal((await page.textContent('#msg-step_detailed_assessment')).trim(), '');
  await page.screenshot({ path: `${ARTIFACTS}case-form-error.png`, fullPage: true });

  // Submitting with the error keeps the form.
  await page.click('#submit');
  assert.equal(await page.isVisible('#result'), false);
  assert.match(await page.textContent('#record-messages'), /Còn 1 lỗi cần sửa/);

  // English: the steps' labels and the message follow the language.
  await page.click('[data-lang="en"]');
  const english = treem.catalog('case_steps', { lang: 'en' }).items;
  assert.deepEqual(await page.$$eval('#steps .step-label', (ls) => ls.map((l) => l.textContent)), english.map((s) => s.label));
  const [impossibleEn] = treem.validate('case', { ...record, steps: { ...record.steps, plan_approval: { done_at: '31/11/2025' } } }, options('en'))
    .issues.filter((i) => i.path === '/steps/plan_approval/done_at').map((i) => i.message);
  await waitText(page, '#msg-step_plan_approval', impossibleEn);
  await page.click('[data-lang="vi"]');

  // Fixed: the approval the day after the plan, the case submits clean (the late plan is a
  // warning: the record is still true to the facts) and the normalised record is shown.
  record.steps.plan_approval = { done_at: typed(daysAgo(12)) };
  await page.fill('#f-step_plan_approval', record.steps.plan_approval.done_at);
  await page.waitForFunction(() => document.querySelector('#msg-step_plan_approval').textContent.trim() === '');
  record.id = 'VV-2026-001';
  record.child_id = 'TE-0123';
  record.abuse_forms = ['violence'];
  record.protection_level = 'intervention';
  await page.fill('#f-id', record.id);
  await page.fill('#f-child_id', record.child_id);
  await page.check('#f-abuse_forms input[value="violence"]');
  await page.selectOption('#f-protection_level', 'intervention');
  view = await assertDeadlines(page, record);
  assert.equal(treem.validate('case', record, options()).ok, true);
  await page.click('#submit');
  await page.waitForSelector('#result', { state: 'visible' });
  assert.deepEqual(JSON.parse(await page.textContent('#normalized')), treem.normalize('case', record, options()).record);
  await page.screenshot({ path: `${ARTIFACTS}case-form-clean.png`, fullPage: true });

  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the separation\'s end is shown against its limit as treem counts it', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('#status[data-ready="true"]');
  const record = {
    reported_at: `${typed(daysAgo(30))} 08:00`,
    steps: { temporary_separation: { done_at: `${typed(daysAgo(30))} 16:00` } },
    separation: { start: typed(daysAgo(30)), end: typed(daysAgo(5)) },
  };
  await page.fill('#f-reported_at', record.reported_at);
  await page.fill('#f-step_temporary_separation', record.steps.temporary_separation.done_at);
  await page.fill('#f-separation_start', record.separation.start);
  await page.fill('#f-separation_end', record.separation.end);
  const view = await assertDeadlines(page, record);
  // The separation decision met the emergency step's 12 hours (Điều 26 khoản 3).
  assert.equal(stepOf(view, 'temporary_separation').status, 'done');
  assert.equal(stepOf(view, 'separation_end').status, 'done_late');
  const [tooLong] = messagesAt(record, '/separation/end');
  await waitText(page, '#msg-separation_end', tooLong);
  await page.close();
});
