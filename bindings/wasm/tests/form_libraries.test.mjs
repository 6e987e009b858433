// The Standard Schema objects in the libraries a portal team uses (pinned devDependencies,
// installed by `npm ci`; nothing here needs the network): React Hook Form's
// `standardSchemaResolver` on the child record, TanStack Form's core on the case record, and a
// Hono app with `@hono/standard-validator` served on 127.0.0.1. Each asserts the exact codes,
// paths and messages that reach the library, so a broken adapter fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FieldApi, FormApi } from '@tanstack/form-core';
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import { serve } from '@hono/node-server';
import { caseRecord, child } from '../pkg/node.js';

const AS_OF = '2026-11-28';

// --- React Hook Form --------------------------------------------------------------------
// The resolver is the function useForm calls with the form's values; called directly here
// (no DOM, no React render), with the options useForm passes.
const RHF_OPTIONS = { fields: {}, shouldUseNativeValidation: false, criteriaMode: 'firstError', names: undefined };

test('React Hook Form: standardSchemaResolver on the child record', async () => {
  const resolver = standardSchemaResolver(child.withOptions({ as_of: AS_OF }));
  const bad = await resolver(
    {
      full_name: 'Nguyễn Văn An',
      date_of_birth: '30/02/2016',
      guardians: [
        { full_name: 'Phạm Văn Hùng', relationship: 'bố', status: 'còn sống' },
        { full_name: 'Vũ Thị Mai', relationship: 'mother', status: 'deceased' },
      ],
      special_circumstances: [{ group: 'a', sub_category: 3, identified_on: '2022-01-10' }],
      social_assistance: { category: 'orphan_both_parents' },
    },
    undefined,
    RHF_OPTIONS,
  );
  assert.deepEqual(bad.values, {});
  // Errors nested by path, as useForm's formState.errors holds them (array index included).
  assert.deepEqual(bad.errors, {
    date_of_birth: { message: 'Ngày 30/2/2016 không tồn tại: tháng 2 chỉ có 29 ngày', type: '', ref: undefined },
    guardians: [
      {
        status: {
          message: 'Trẻ được ghi là mồ côi cả cha và mẹ nhưng cha hoặc mẹ được ghi là còn sống',
          type: '',
          ref: undefined,
        },
      },
    ],
  });

  // Valid (a warning only): the form submits the normalised record.
  const en = standardSchemaResolver(child.withOptions({ as_of: AS_OF, lang: 'en' }));
  const good = await en({ full_name: 'lê văn tùng', date_of_birth: '02/03/2010', sex: 'nam' }, undefined, RHF_OPTIONS);
  assert.deepEqual(good, {
    values: { full_name: 'Lê Văn Tùng', date_of_birth: '2010-03-02', sex: 'male' },
    errors: {},
  });
  // criteriaMode 'all' collects every message of a field; English when asked.
  const all = await en({ date_of_birth: '30/02/2016' }, undefined, { ...RHF_OPTIONS, criteriaMode: 'all' });
  assert.deepEqual(all.errors.date_of_birth, {
    message: '30/2/2016 is not a calendar date: month 2 has only 29 days',
    type: '',
    ref: undefined,
    types: { 0: '30/2/2016 is not a calendar date: month 2 has only 29 days' },
  });
});

// --- TanStack Form ----------------------------------------------------------------------
test('TanStack Form: FormApi with the case record as its validator', async () => {
  const messy = {
    reported_at: '03/12/2026',
    abuse_forms: ['bạo lực', 'bắt nạt'],
    injuries: [7],
    protection_level: 'cao',
    steps: { support_plan: { done_at: '2026-12-05' }, plan_approval: { done_at: '2026-12-04' } },
  };
  const schema = caseRecord.withOptions({ as_of: '2026-12-10' });
  let submitted = null;
  const form = new FormApi({
    defaultValues: messy,
    validators: { onChange: schema },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  const level = new FieldApi({ form, name: 'protection_level' });
  level.mount();
  const planApproval = new FieldApi({ form, name: 'steps.plan_approval.done_at' });
  planApproval.mount();

  await form.handleSubmit();
  assert.equal(submitted, null, 'invalid: not submitted');
  assert.equal(form.state.canSubmit, false);
  const fieldErrors = form.state.errorMap.onChange;
  // TanStack's own field names: dotted, array indices in brackets.
  assert.deepEqual(
    Object.fromEntries(Object.entries(fieldErrors).map(([name, issues]) => [name, issues.map((i) => i.code)])),
    {
      'abuse_forms[1]': ['case.code_unknown'],
      'injuries[0]': ['field.wrong_type'],
      protection_level: ['case.code_unknown'],
      'steps.plan_approval.done_at': ['case.step_out_of_order'],
    },
  );
  assert.deepEqual(level.state.meta.errors.map((i) => i.message), ['Giá trị không có trong danh mục protection_levels']);
  assert.deepEqual(level.state.meta.errors[0].params, { catalog: 'protection_levels' });
  assert.deepEqual(planApproval.state.meta.errors.map((i) => i.message), [
    'Bước này được ghi hoàn thành trước xây dựng kế hoạch hỗ trợ, can thiệp',
  ]);
  // The warning (no time of report) is not an error of the form.
  assert.ok(!JSON.stringify(form.state.errors).includes('case.report_time_missing'));
  assert.deepEqual(schema.warnings(messy).map((w) => w.code), ['case.report_time_missing']);

  // Fixed one field at a time; the form validates on change and then submits.
  form.setFieldValue('abuse_forms', ['violence']);
  form.setFieldValue('injuries', ['burn']);
  form.setFieldValue('protection_level', 'intervention');
  form.setFieldValue('steps', { support_plan: { done_at: '2026-12-05' }, plan_approval: { done_at: '2026-12-06' } });
  form.setFieldValue('reported_at', '2026-12-03T09:00');
  assert.deepEqual(level.state.meta.errors, []);
  await form.handleSubmit();
  assert.deepEqual(form.state.errors, []);
  assert.equal(submitted.protection_level, 'intervention');
});

// --- Hono -------------------------------------------------------------------------------
test('Hono: sValidator answers 400 with treem issues and passes the normalised record', async (t) => {
  const app = new Hono();
  app.post('/children', sValidator('json', child.withOptions({ as_of: AS_OF, lang: 'en' })), (c) => {
    const record = c.req.valid('json');
    return c.json({ saved: record }, 200);
  });
  // A server that must not echo a record (personal data) back answers with the issues only.
  app.post(
    '/cases',
    sValidator('json', caseRecord.withOptions({ as_of: '2026-12-20' }), (result, c) => {
      if (!result.success) return c.json({ issues: result.error }, 400);
    }),
    (c) => c.json({ saved: c.req.valid('json') }, 201),
  );

  const server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address();
  const post = (path, body) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const bad = await post('/children', { full_name: 'Nguyễn Văn An', date_of_birth: '30/02/2016' });
  assert.equal(bad.status, 400);
  const badBody = await bad.json();
  assert.equal(badBody.success, false);
  assert.deepEqual(badBody.error, [
    {
      message: '30/2/2016 is not a calendar date: month 2 has only 29 days',
      code: 'date.impossible',
      severity: 'error',
      params: { day: 30, month: 2, year: 2016, reason_en: 'month 2 has only 29 days', reason_vi: 'tháng 2 chỉ có 29 ngày' },
      path: ['date_of_birth'],
      rule: 'vn.date',
    },
  ]);

  const good = await post('/children', { full_name: 'nguyễn  văn an', date_of_birth: '20/05/2016', sex: 'Nữ' });
  assert.equal(good.status, 200);
  assert.deepEqual(await good.json(), {
    saved: { full_name: 'Nguyễn Văn An', date_of_birth: '2016-05-20', sex: 'female' },
  });

  const notRecord = await post('/children', ['x']);
  assert.equal(notRecord.status, 400);
  assert.deepEqual((await notRecord.json()).error.map((i) => i.code), ['wrong_top_level_type']);

  const late = await post('/cases', {
    reported_at: '2026-11-26T08:30',
    abuse_forms: ['violence'],
    steps: { temporary_separation: { done_at: '2026-11-26T19:00' } },
    separation: { start: '2026-11-26', end: '2026-12-16' },
  });
  assert.equal(late.status, 400);
  assert.deepEqual(await late.json(), {
    issues: [
      {
        message: 'Thời hạn tạm thời cách ly quá 15 ngày mà không có yêu cầu của cơ quan có thẩm quyền',
        code: 'case.separation_too_long',
        severity: 'error',
        params: {},
        path: ['separation', 'end'],
        rule: 'case.separation',
      },
    ],
  });
  const ok = await post('/cases', { reported_at: '2026-11-26T08:30', abuse_forms: ['violence'] });
  assert.equal(ok.status, 201);
});
