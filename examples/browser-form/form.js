// A child-record form validated in the browser by the same rules the server runs (treem's
// WebAssembly package), on every keystroke and on submit, offline once loaded.
import init, { validate, normalize, catalog, version } from './pkg/web.js';

// The fields of the form, in order. `path` is where the value goes in the `child` record (a
// JSON Pointer; the field name when absent), so each issue's path finds its field. A field
// with `catalog` is a select box filled from the treem catalog of that name, with
// `catalogOptions` (an object, or a function of the form's current values) added to the
// options. Adding a select is one line here; a catalog the library does not know shows a
// visible error beside its field. The administrative units are those of the 2025 edition;
// this page carries Hải Phòng's communes (the package's built-in tables).
const EDITION = '2025';
const FIELDS = [
  { name: 'full_name', label: { vi: 'Họ và tên', en: 'Full name' }, placeholder: { vi: 'Nguyễn Văn An', en: 'Nguyễn Văn An' } },
  { name: 'date_of_birth', label: { vi: 'Ngày sinh', en: 'Date of birth' }, placeholder: { vi: 'ngày/tháng/năm, ví dụ 05/09/2018', en: 'day/month/year, e.g. 05/09/2018' } },
  { name: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, catalog: 'sexes' },
  { name: 'ethnic_group', label: { vi: 'Dân tộc', en: 'Ethnic group' }, catalog: 'ethnic_groups' },
  { name: 'province', path: '/residence/province_code', label: { vi: 'Tỉnh/thành phố', en: 'Province' },
    catalog: 'provinces', catalogOptions: { edition: EDITION } },
  { name: 'commune', path: '/residence/commune_code', label: { vi: 'Xã/phường/đặc khu', en: 'Commune' },
    catalog: 'communes', catalogOptions: (values) => ({ edition: EDITION, province: values.province || '31' }), refillOn: 'province' },
  { name: 'special_circumstance', path: '/special_circumstances/0/group', label: { vi: 'Hoàn cảnh đặc biệt', en: 'Special circumstance' },
    catalog: 'special_circumstances' },
  { name: 'disability_type', path: '/disability/types/0', label: { vi: 'Dạng khuyết tật', en: 'Disability type' },
    catalog: 'disability_types' },
];
// Members the record carries whenever one of the fields under them is filled.
const IMPLIED = { '/residence': { edition: EDITION } };

const TEXT = {
  title: { vi: 'Hồ sơ trẻ em', en: 'Child record' },
  intro: {
    vi: 'Kiểm tra ngay trên trình duyệt, theo đúng các quy tắc máy chủ dùng; không gửi dữ liệu đi đâu.',
    en: 'Checked in your browser by the very rules the server runs; nothing is sent anywhere.',
  },
  submit: { vi: 'Kiểm tra và lưu', en: 'Check and save' },
  saved: { vi: 'Hồ sơ hợp lệ', en: 'The record is valid' },
  normalized: { vi: 'Bản ghi đã chuẩn hóa:', en: 'Normalised record:' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  choose: { vi: '— chọn —', en: '— choose —' },
  catalogError: { vi: 'Không tải được danh mục', en: 'Cannot load the catalog' },
  stillWrong: { vi: 'Còn {n} lỗi cần sửa.', en: '{n} error(s) to fix.' },
};

let lang = 'vi';
const touched = new Set();
const form = document.getElementById('child-form');
const fieldsBox = document.getElementById('fields');
const recordBox = document.getElementById('record-messages');
const rows = new Map(); // field name -> { def, control, label, msg }

const t = (key) => TEXT[key][lang];
const today = () => {
  // The library never reads the clock: the form gives today's date as `as_of`.
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const options = () => ({ as_of: today(), lang });

function addField(def) {
  const row = document.createElement('div');
  row.className = 'field';
  row.dataset.field = def.name;
  const id = `f-${def.name}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  const control = document.createElement(def.catalog ? 'select' : 'input');
  control.id = id;
  control.name = def.name;
  if (!def.catalog) {
    control.type = 'text';
    control.autocomplete = 'off';
  }
  const msg = document.createElement('p');
  msg.className = 'msg';
  msg.id = `msg-${def.name}`;
  msg.setAttribute('aria-live', 'polite');
  control.setAttribute('aria-describedby', msg.id);
  row.append(label, control, msg);
  fieldsBox.append(row);
  const entry = { def, control, label, msg };
  rows.set(def.name, entry);
  control.addEventListener('input', () => { touched.add(def.name); check(); });
  control.addEventListener('change', () => {
    touched.add(def.name);
    // A select that depends on this one (communes of a province) is filled again.
    for (const other of rows.values()) if (other.def.refillOn === def.name) fillSelect(other);
    check();
  });
  control.addEventListener('blur', () => { if (control.value) { touched.add(def.name); check(); } });
  localise(entry);
  return entry;
}

/** Fills a select from the catalog `def.catalog`; an unknown catalog is shown, not hidden. */
function fillSelect(entry) {
  const { def, control, msg } = entry;
  const keep = control.value;
  control.replaceChildren(new Option(t('choose'), ''));
  msg.classList.remove('catalog-error');
  try {
    const extra = typeof def.catalogOptions === 'function' ? def.catalogOptions(values()) : def.catalogOptions ?? {};
    const list = catalog(def.catalog, { ...options(), ...extra });
    for (const item of list.items) control.append(new Option(item.label, item.code));
    control.value = keep;
    control.disabled = false;
  } catch (e) {
    control.disabled = true;
    msg.classList.add('catalog-error');
    msg.textContent = `${t('catalogError')} "${def.catalog}": ${e.message}`;
    entry.catalogFailed = true;
  }
}

function localise(entry) {
  const { def, control, label } = entry;
  label.textContent = def.label[lang];
  if (def.placeholder) control.placeholder = def.placeholder[lang];
  if (def.catalog) fillSelect(entry);
}

/** The raw value of every field, by field name. */
function values() {
  const out = {};
  for (const [name, { control }] of rows) out[name] = control.value;
  return out;
}

const pathOf = (def) => def.path ?? `/${def.name}`;

/** Sets `value` at a JSON Pointer inside `target`, creating objects and arrays on the way. */
function setAt(target, pointer, value) {
  const keys = pointer.split('/').slice(1);
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) { node[key] = value; return; }
    if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  });
}

function record() {
  const out = {};
  for (const [, { def, control }] of rows) {
    if (control.value.trim() === '') continue;
    setAt(out, pathOf(def), control.value);
    for (const [prefix, members] of Object.entries(IMPLIED)) {
      if (pathOf(def).startsWith(`${prefix}/`)) for (const [k, v] of Object.entries(members)) setAt(out, `${prefix}/${k}`, v);
    }
  }
  return out;
}

// An issue belongs to the field whose path is the longest prefix of the issue's path
// ("/residence/commune_code" -> commune; "/guardians/0/phone" -> none: shown for the record).
function fieldOf(pointer) {
  let best;
  for (const [name, { def }] of rows) {
    const p = pathOf(def);
    if ((pointer === p || pointer.startsWith(`${p}/`)) && (best === undefined || p.length > pathOf(rows.get(best).def).length)) best = name;
  }
  return best;
}

function show(report, all) {
  const byField = new Map();
  const elsewhere = [];
  for (const issue of report.issues) {
    const name = fieldOf(issue.path);
    if (name !== undefined && rows.has(name)) {
      if (!byField.has(name)) byField.set(name, []);
      byField.get(name).push(issue);
    } else {
      elsewhere.push(issue);
    }
  }
  for (const [name, entry] of rows) {
    if (entry.catalogFailed) continue;
    const issues = all || touched.has(name) ? byField.get(name) ?? [] : [];
    entry.msg.replaceChildren(...issues.map(issueLine));
    entry.control.closest('.field').classList.toggle('invalid', issues.some((i) => i.severity === 'error'));
    entry.control.setAttribute('aria-invalid', String(issues.some((i) => i.severity === 'error')));
  }
  const general = elsewhere;
  recordBox.replaceChildren(...general.map(issueLine));
  recordBox.hidden = general.length === 0;
}

function issueLine(issue) {
  const span = document.createElement('span');
  span.className = issue.severity;
  span.dataset.code = issue.code;
  span.textContent = issue.message;
  const line = document.createElement('span');
  line.append(span, document.createElement('br'));
  return line;
}

function check(all = false) {
  const report = validate('child', record(), options());
  show(report, all);
  document.getElementById('result').hidden = true;
  return report;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const name of rows.keys()) touched.add(name);
  const report = check(true);
  if (!report.ok) {
    const errors = report.issues.filter((i) => i.severity === 'error');
    const first = rows.get(fieldOf(errors[0]?.path ?? ''));
    first?.control.focus();
    const summary = document.createElement('span');
    summary.className = 'error';
    summary.textContent = t('stillWrong').replace('{n}', String(errors.length));
    recordBox.prepend(summary, document.createElement('br'));
    recordBox.hidden = false;
    return;
  }
  const clean = normalize('child', record(), options());
  document.getElementById('normalized').textContent = JSON.stringify(clean.record, null, 2);
  document.getElementById('result').hidden = false;
});

function setLang(next) {
  lang = next;
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  for (const node of document.querySelectorAll('[data-text]')) {
    if (node.id !== 'status') node.textContent = t(node.dataset.text);
  }
  for (const entry of rows.values()) localise(entry);
  check();
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset.lang));
}

await init();
for (const def of FIELDS) addField(def);
const v = version();
const status = document.getElementById('status');
status.textContent = `treem ${v.version} (WebAssembly) · as_of ${today()}`;
status.dataset.ready = 'true';
// For the end-to-end test and the curious: add a field at run time.
window.treemForm = { addField };
