// A school's safe-school self-assessment as a react-jsonschema-form, generated from treem's
// JSON Schema of the kind (`schema('safe_school_assessment')`) and validated by treem's rules
// through `treem/rjsf`, with the `treem/safe-school` module (its wasm only: no ajv, no other
// kind). Plain JavaScript (React.createElement), so Vite needs no React plugin.
import { createElement as h, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import init, { catalog, safeSchoolAssessment, schema } from 'treem/safe-school';
import { createValidator } from 'treem/rjsf';

const KIND = 'safe_school_assessment';
const SET = 'nd80-2017'; // ND 80/2017's checklist: a complete built-in set

// The labels of the page and the fields (treem's schema describes the fields in English and
// Vietnamese notes; a form shows its own labels).
const TEXT = {
  vi: {
    title: 'Tự đánh giá trường học an toàn', submit: 'Gửi', warnings: 'Lưu ý (không chặn gửi)',
    saved: 'Đã gửi: bản ghi đã chuẩn hóa', ready: 'Sẵn sàng',
    criteria_set: 'Bộ tiêu chí', criteria_set_version: 'Phiên bản bộ tiêu chí', school_year: 'Năm học',
    disqualifying_events: 'Sự việc loại trừ trong năm', school: 'Trường', results: 'Kết quả từng tiêu chí',
    code: 'Mã trường', name: 'Tên trường', school_type: 'Loại hình', levels: 'Cấp học', grades: 'Các khối lớp',
    ownership: 'Loại hình sở hữu', managing_authority: 'Cơ quan quản lý', address: 'Địa chỉ', learners: 'Số người học',
    teachers: 'Số giáo viên', staff: 'Tổng số cán bộ, giáo viên, nhân viên', counsellors: 'Số người làm tư vấn tâm lý',
    province_code: 'Mã tỉnh', commune_code: 'Mã xã', district_code: 'Mã huyện', edition: 'Phiên bản danh mục',
    criterion: 'Tiêu chí', result: 'Kết quả', evidence: 'Minh chứng', remedy: 'Kế hoạch khắc phục',
    by: 'Hình thức', deadline: 'Thời hạn', measures: 'Biện pháp',
    dat: 'Đạt', chua_dat: 'Chưa đạt', khong_ap_dung: 'Không áp dụng',
  },
  en: {
    title: 'Safe-school self-assessment', submit: 'Submit', warnings: 'Warnings (do not block submitting)',
    saved: 'Submitted: the normalised record', ready: 'Ready',
    criteria_set: 'Criteria set', criteria_set_version: 'Version of the set', school_year: 'School year',
    disqualifying_events: 'Disqualifying events this year', school: 'School', results: 'Result of each criterion',
    code: 'School code', name: 'School name', school_type: 'School type', levels: 'Levels', grades: 'Grades',
    ownership: 'Ownership', managing_authority: 'Managing authority', address: 'Address', learners: 'Learners',
    teachers: 'Teachers', staff: 'Staff in all', counsellors: 'Counsellors',
    province_code: 'Province code', commune_code: 'Commune code', district_code: 'District code', edition: 'Edition',
    criterion: 'Criterion', result: 'Result', evidence: 'Evidence', remedy: 'Remedy plan',
    by: 'By', deadline: 'Deadline', measures: 'Measures',
    dat: 'Met', chua_dat: 'Not met', khong_ap_dung: 'Not applicable',
  },
};

// rjsf's own strings (the error list's heading, ...) in Vietnamese where the page needs them.
const RJSF_VI = {
  [TranslatableString.ErrorsLabel]: 'Lỗi',
  [TranslatableString.SubmitLabel]: 'Gửi',
  [TranslatableString.AddItemButton]: 'Thêm',
  [TranslatableString.RemoveButton]: 'Xóa',
};
const translator = (lang) => (key, params) => (lang === 'vi' && RJSF_VI[key]) || englishStringTranslator(key, params);

const clone = (x) => JSON.parse(JSON.stringify(x));

// treem's schema of the lenient input, for a form: each optional member's
// `anyOf: [X, { type: 'null' }]` becomes X (a form holds an object, and rjsf would otherwise
// ask which option), the untyped `criteria_set` (a code or a whole set inline) a select of the
// built-in sets, `school_type` and `result` selects of their catalogs. The rules stay treem's:
// the validator does not read this schema.
function formSchema(lang) {
  const s = clone(schema(KIND));
  (function dropNull(node) {
    if (node === null || typeof node !== 'object') return;
    for (const value of Object.values(node)) dropNull(value);
    // The descriptions are notes for developers (English, codes): the page has its labels.
    if (typeof node.description === 'string') delete node.description;
    if (Array.isArray(node.anyOf) && node.anyOf.length === 2) {
      const kept = node.anyOf.filter((o) => o.type !== 'null');
      if (kept.length === 1) {
        delete node.anyOf;
        Object.assign(node, kept[0]);
      }
    }
  })(s);
  delete s.title; // the page's heading says it
  const choices = (items) => items.map((i) => ({ const: i.code, title: i.label }));
  s.properties.criteria_set = {
    ...s.properties.criteria_set,
    type: 'string',
    oneOf: choices(catalog('criteria_sets', { lang }).items.map((i) => ({ code: i.code, label: `${i.code}: ${i.label}` }))),
  };
  s.$defs.SchoolDraft.properties.school_type = {
    ...s.$defs.SchoolDraft.properties.school_type,
    type: 'string',
    oneOf: choices(catalog('school_types', { lang }).items),
  };
  s.$defs.ResultDraft.properties.result = {
    ...s.$defs.ResultDraft.properties.result,
    type: 'string',
    oneOf: ['dat', 'chua_dat', 'khong_ap_dung'].map((code) => ({ const: code, title: TEXT[lang][code] })),
  };
  return s;
}

// Labels and layout (uiSchema): every field's title in the page's language, the set and the
// year first, the results fixed to the set's criteria.
function uiSchema(lang) {
  const t = TEXT[lang];
  const titled = (names) => Object.fromEntries(names.map((n) => [n, { 'ui:title': t[n] }]));
  return {
    'ui:order': ['criteria_set', 'criteria_set_version', 'school_year', 'school', 'results', '*'],
    ...titled(['criteria_set', 'criteria_set_version', 'school_year', 'disqualifying_events']),
    school: {
      'ui:title': t.school,
      'ui:order': ['code', 'name', 'school_type', '*'],
      ...titled(['code', 'name', 'school_type', 'levels', 'grades', 'ownership', 'managing_authority', 'learners', 'teachers', 'staff', 'counsellors']),
      address: { 'ui:title': t.address, ...titled(['province_code', 'commune_code', 'district_code', 'edition']) },
    },
    results: {
      'ui:title': t.results,
      'ui:options': { addable: false, removable: false, orderable: false },
      items: {
        ...titled(['result', 'evidence']),
        criterion: { 'ui:title': t.criterion, 'ui:readonly': true },
        remedy: { 'ui:title': t.remedy, ...titled(['by', 'deadline', 'measures']) },
      },
    },
    'ui:submitButtonOptions': { submitText: t.submit },
  };
}

// A new assessment against the set: one result per criterion, answered "đạt" to start with.
function initialData() {
  const set = catalog('criteria_sets').items.find((s) => s.code === SET);
  return {
    criteria_set: SET,
    criteria_set_version: set.version,
    school: {},
    results: set.criteria.map((c) => ({ criterion: c.code, result: 'dat' })),
  };
}

function App() {
  const [lang, setLang] = useState('vi');
  const [formData, setFormData] = useState(initialData);
  const [saved, setSaved] = useState(null);
  const [edited, setEdited] = useState(false);
  const form = useRef(null);
  // today's date at every validation: a page left open past midnight
  const validator = useMemo(
    () => createValidator(safeSchoolAssessment, { lang, as_of: () => new Date().toISOString().slice(0, 10) }),
    [lang],
  );
  const s = useMemo(() => formSchema(lang), [lang]);
  const ui = useMemo(() => uiSchema(lang), [lang]);
  const t = TEXT[lang];
  const warnings = validator.warnings(formData, s, ui).errors;
  // rjsf keeps the messages of its last validation: a new language mounts a new Form (`key`)
  // with the new validator, which validates at once if the form was being edited.
  useEffect(() => {
    if (edited) form.current?.validateForm();
  }, [lang]);
  return h('div', null,
    h('h1', null, t.title),
    h('p', { className: 'langs' }, ['vi', 'en'].map((l) =>
      h('button', { key: l, type: 'button', 'data-lang': l, 'aria-pressed': String(l === lang), onClick: () => setLang(l) }, l === 'vi' ? 'Tiếng Việt' : 'English'))),
    h(Form, {
      key: lang,
      ref: form,
      schema: s,
      uiSchema: ui,
      validator,
      formData,
      translateString: translator(lang),
      liveValidate: 'onChange',
      showErrorList: 'top',
      noHtml5Validate: true,
      onChange: (e) => { setFormData(e.formData); setSaved(null); setEdited(true); },
      onSubmit: (e) => setSaved(validator.normalized(e.formData)),
    }),
    warnings.length > 0 && h('section', { id: 'warnings' },
      h('h2', null, `${t.warnings}: ${warnings.length}`),
      h('ul', null, warnings.slice(0, 5).map((w, i) => h('li', { key: i }, w.stack)))),
    saved && h('section', { id: 'result' }, h('h2', null, t.saved), h('pre', { id: 'normalized' }, JSON.stringify(saved, null, 2))),
  );
}

const status = document.getElementById('status');
init()
  .then(() => {
    createRoot(document.getElementById('app')).render(h(App));
    status.textContent = TEXT.vi.ready;
    status.dataset.ready = 'true';
  })
  .catch((e) => {
    status.textContent = `Không tải được treem: ${e.message}`;
    status.dataset.ready = 'error';
  });
