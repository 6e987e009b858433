// A commune officer's protection case (kind `case`), checked in the browser by the module
// `treem/case`: the steps of Nghị định 56/2017/NĐ-CP come from the catalog `case_steps`, each
// step's deadline and status from the operation `case_deadlines`, the messages from
// `validate`. The page holds no rule: no time limit, no working-day count, no status is
// computed here; it lays out what the library answers. Offline once loaded.
import init, { validate, normalize, catalog, call, version } from './pkg/web.js';

// The fields of the case (section I) and of the separation (section III). `path` is where the
// value goes in the `case` record (a JSON Pointer; `/name` when absent), so each issue's path
// finds its field. `type`: text (default), select or checks (filled from the catalog
// `catalog`), bool (a checkbox, `true` when ticked).
const MOMENT = {
  vi: 'ngày/tháng/năm giờ:phút, ví dụ 27/11/2026 09:00',
  en: 'day/month/year hours:minutes, e.g. 27/11/2026 09:00',
};
const STEP_MOMENT = { vi: 'ví dụ 27/11/2026 14:30', en: 'e.g. 27/11/2026 14:30' };
const DAY = { vi: 'ngày/tháng/năm, ví dụ 26/11/2026', en: 'day/month/year, e.g. 26/11/2026' };
const CASE_FIELDS = [
  { name: 'id', label: { vi: 'Số hồ sơ vụ việc', en: 'Case number' }, placeholder: { vi: 'VV-2026-001', en: 'VV-2026-001' } },
  { name: 'child_id', label: { vi: 'Mã hồ sơ trẻ em', en: 'Child record ID' },
    placeholder: { vi: 'mã hồ sơ trẻ em đã lập, ví dụ TE-0123', en: 'the child record\'s ID, e.g. TE-0123' } },
  { name: 'reported_at', label: { vi: 'Thời điểm tiếp nhận thông tin', en: 'Report received at' }, placeholder: MOMENT },
  { name: 'incident_date', label: { vi: 'Ngày xảy ra vụ việc', en: 'Date of the incident' }, placeholder: DAY },
  { name: 'abuse_forms', type: 'checks', catalog: 'abuse_forms', label: { vi: 'Hình thức xâm hại', en: 'Forms of abuse' } },
  { name: 'environment', type: 'select', catalog: 'case_environments', label: { vi: 'Môi trường xâm hại', en: 'Where it happened' } },
  { name: 'protection_level', type: 'select', catalog: 'protection_levels', label: { vi: 'Cấp độ bảo vệ', en: 'Protection level' } },
  { name: 'emergency', type: 'bool', label: { vi: 'Trẻ em cần được bảo vệ khẩn cấp', en: 'The child needs emergency protection' } },
];
const SEPARATION_FIELDS = [
  { name: 'separation_start', path: '/separation/start', label: { vi: 'Ngày bắt đầu cách ly', en: 'First day of the separation' }, placeholder: DAY },
  { name: 'separation_end', path: '/separation/end', label: { vi: 'Ngày kết thúc cách ly', en: 'Last day of the separation' }, placeholder: DAY },
  { name: 'separation_extended', path: '/separation/extended_by_authority', type: 'bool',
    label: { vi: 'Cơ quan có thẩm quyền yêu cầu tiếp tục cách ly', en: 'A competent authority required the separation to continue' } },
];

const TEXT = {
  nation: { vi: 'Cộng hòa xã hội chủ nghĩa Việt Nam', en: 'Socialist Republic of Viet Nam' },
  motto: { vi: 'Độc lập – Tự do – Hạnh phúc', en: 'Independence – Freedom – Happiness' },
  title: { vi: 'Hồ sơ vụ việc bảo vệ trẻ em', en: 'Child protection case' },
  intro: {
    vi: 'Cán bộ cấp xã ghi các mốc xử lý vụ việc; thời hạn của từng bước được tính ngay khi nhập ngày, theo đúng các quy tắc máy chủ dùng. Không gửi dữ liệu đi đâu.',
    en: 'The commune officer records each step of the case; every step\'s deadline is computed as the dates are typed, by the very rules the server runs. Nothing is sent anywhere.',
  },
  caseSection: { vi: 'I. Thông tin vụ việc', en: 'I. The case' },
  stepsSection: { vi: 'II. Các bước xử lý và thời hạn', en: 'II. Steps and deadlines' },
  stepsHint: {
    vi: 'Nhập ngày (và giờ, nếu có) hoàn thành từng bước, ví dụ 27/11/2026 14:30. Thời hạn và tình trạng được tính lại sau mỗi lần nhập.',
    en: 'Type the date (and time, if known) each step was completed, e.g. 27/11/2026 14:30. Deadlines and statuses are computed again at every keystroke.',
  },
  separationSection: { vi: 'III. Tạm thời cách ly trẻ em', en: 'III. Temporary separation' },
  colStep: { vi: 'Bước xử lý', en: 'Step' },
  colLimit: { vi: 'Thời hạn theo quy định', en: 'Time limit' },
  colDone: { vi: 'Ngày hoàn thành', en: 'Completed on' },
  colDue: { vi: 'Hạn chót', en: 'Due' },
  colStatus: { vi: 'Tình trạng', en: 'Status' },
  submit: { vi: 'Kiểm tra và lưu hồ sơ', en: 'Check and save' },
  saved: { vi: 'Hồ sơ hợp lệ', en: 'The case is valid' },
  normalized: { vi: 'Bản ghi đã chuẩn hóa:', en: 'Normalised record:' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  choose: { vi: '— chọn —', en: '— choose —' },
  stillWrong: { vi: 'Còn {n} lỗi cần sửa.', en: '{n} error(s) to fix.' },
  separationEnd: { vi: 'Kết thúc tạm thời cách ly', en: 'End of the separation' },
  asOf: { vi: 'ngày tính', en: 'as of' },
  // How the catalog's time limits read.
  noLimit: { vi: 'Không quy định thời hạn', en: 'No time limit' },
  hours: { vi: 'Trong {n} giờ từ khi tiếp nhận thông tin', en: 'Within {n} hours of the report' },
  workingDays: { vi: '{n} ngày làm việc sau bước “{after}”', en: '{n} working days after “{after}”' },
  exceptEmergency: { vi: '(trừ trường hợp khẩn cấp)', en: '(except in an emergency)' },
  satisfiedBy: { vi: 'đáp ứng bởi bước “{step}”', en: 'met by “{step}”' },
  lawOnly: {
    vi: 'ước tính: năm này chưa có lịch nghỉ được công bố trong thư viện',
    en: 'estimate: no announced holiday schedule for this year in the library',
  },
  // The statuses of the deadline view (`case_deadlines`), by code.
  status: {
    done: { vi: 'Đã hoàn thành', en: 'Done' },
    done_late: { vi: 'Hoàn thành trễ hạn', en: 'Done late' },
    due: { vi: 'Đang trong hạn', en: 'Due' },
    overdue: { vi: 'Quá hạn', en: 'Overdue' },
    waiting: { vi: 'Chờ bước trước', en: 'Waiting for an earlier step' },
    pending: { vi: 'Chưa thực hiện', en: 'Not done' },
    not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
  },
};

let lang = 'vi';
let steps = []; // the catalog `case_steps` in the current language
const touched = new Set();
const form = document.getElementById('case-form');
const recordBox = document.getElementById('record-messages');
const rows = new Map(); // field name -> { def, control, label, msg }
const stepRows = new Map(); // step code -> { tr, limit, due, status }

const t = (key) => TEXT[key][lang];
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');
const pad = (n) => String(n).padStart(2, '0');
const today = () => {
  // The library never reads the clock: the form gives today's date as `as_of`.
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const options = () => ({ as_of: today(), lang });

/** An ISO moment of treem's answers as an officer reads it: `21:00 27/11/2026`, `27/11/2026`. */
function shown(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${m[4]} ${day}` : day;
}

function makeControl(def, id) {
  if (def.type === 'select') {
    const select = document.createElement('select');
    select.id = id;
    return select;
  }
  if (def.type === 'checks') {
    const box = document.createElement('div');
    box.className = 'checks';
    box.id = id;
    box.setAttribute('role', 'group');
    return box;
  }
  const input = document.createElement('input');
  input.id = id;
  input.type = def.type === 'bool' ? 'checkbox' : 'text';
  if (input.type === 'text') input.autocomplete = 'off';
  return input;
}

function listen(entry) {
  const { def, control } = entry;
  const changed = () => { touched.add(def.name); check(); };
  control.addEventListener('input', changed);
  control.addEventListener('change', changed);
}

function addField(def, container) {
  const row = document.createElement('div');
  row.className = def.type === 'bool' ? 'field bool' : 'field';
  row.dataset.field = def.name;
  const id = `f-${def.name}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  const control = makeControl(def, id);
  control.name = def.name;
  const msg = document.createElement('p');
  msg.className = 'msg';
  msg.id = `msg-${def.name}`;
  msg.setAttribute('aria-live', 'polite');
  control.setAttribute('aria-describedby', msg.id);
  if (def.type === 'bool') row.append(control, label, msg);
  else row.append(label, control, msg);
  container.append(row);
  const entry = { def, control, label, msg };
  rows.set(def.name, entry);
  listen(entry);
  localise(entry);
}

/** One row of the steps table: the step from the catalog, its input, its deadline cells. */
function addStep(item) {
  const tr = document.createElement('tr');
  tr.dataset.step = item.code;
  const name = `step_${item.code}`;
  const id = `f-${name}`;
  const stepCell = document.createElement('td');
  const label = document.createElement('label');
  label.htmlFor = id;
  label.className = 'step-label';
  const source = document.createElement('small');
  stepCell.append(label, source);
  const limit = document.createElement('td');
  limit.className = 'limit';
  const doneCell = document.createElement('td');
  doneCell.className = 'done';
  const control = document.createElement('input');
  control.type = 'text';
  control.id = id;
  control.name = name;
  control.autocomplete = 'off';
  const msg = document.createElement('p');
  msg.className = 'msg';
  msg.id = `msg-${name}`;
  msg.setAttribute('aria-live', 'polite');
  control.setAttribute('aria-describedby', msg.id);
  doneCell.append(control, msg);
  const due = document.createElement('td');
  due.className = 'due';
  const status = document.createElement('td');
  status.className = 'status';
  tr.append(stepCell, limit, doneCell, due, status);
  document.querySelector('#steps tbody').append(tr);
  const def = { name, path: `/steps/${item.code}/done_at`, step: item.code, placeholder: STEP_MOMENT };
  const entry = { def, control, label, msg, source, limitCell: limit };
  rows.set(name, entry);
  stepRows.set(item.code, { tr, due, status, msg });
  listen(entry);
  localiseStep(entry);
}

function localiseStep(entry) {
  const item = steps.find((s) => s.code === entry.def.step);
  entry.label.textContent = item.label;
  entry.source.textContent = [item.form, item.source].filter(Boolean).join(' · ');
  entry.control.placeholder = entry.def.placeholder[lang];
  entry.limitCell.textContent = limitText(item.limit);
}

/** The catalog's time limit of a step, in words. */
function limitText(limit) {
  if (!limit) return t('noLimit');
  if (limit.hours_from_report !== undefined) return fill(t('hours'), { n: limit.hours_from_report });
  if (limit.working_days !== undefined) {
    const after = steps.find((s) => s.code === limit.after)?.label ?? limit.after;
    const text = fill(t('workingDays'), { n: limit.working_days, after });
    return limit.except_emergency ? `${text} ${t('exceptEmergency')}` : text;
  }
  return JSON.stringify(limit);
}

function fillChoices(entry) {
  const { def, control } = entry;
  const keep = value(entry);
  const list = catalog(def.catalog, options()).items;
  if (def.type === 'select') {
    control.replaceChildren(new Option(t('choose'), ''));
    for (const item of list) control.append(new Option(item.label, item.code));
    control.value = keep;
    return;
  }
  control.replaceChildren(...list.map((item) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = item.code;
    box.checked = keep.includes(item.code);
    label.append(box, ` ${item.label}`);
    return label;
  }));
}

function localise(entry) {
  const { def, control, label } = entry;
  label.textContent = def.label[lang];
  if (def.placeholder) control.placeholder = def.placeholder[lang];
  if (def.catalog) fillChoices(entry);
}

/** The value of a field as the record carries it. */
function value({ def, control }) {
  if (def.type === 'checks') return [...control.querySelectorAll('input:checked')].map((b) => b.value);
  if (def.type === 'bool') return control.checked;
  return control.value.trim();
}

const pathOf = (def) => def.path ?? `/${def.name}`;

/** Sets `v` at a JSON Pointer inside `target`, creating objects on the way. */
function setAt(target, pointer, v) {
  const keys = pointer.split('/').slice(1);
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) { node[key] = v; return; }
    node[key] ??= {};
    node = node[key];
  });
}

/** The `case` record of the form: every filled field, nothing else. */
function record() {
  const out = {};
  for (const entry of rows.values()) {
    const v = value(entry);
    if (v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    setAt(out, pathOf(entry.def), v);
  }
  return out;
}

// An issue belongs to the field whose path is the longest prefix of the issue's path; an
// issue about a step as a whole (`/steps` with the param `step`) to that step's row.
function fieldOf(issue) {
  const step = issue.params?.step;
  if (step !== undefined && rows.has(`step_${step}`)) return `step_${step}`;
  let best;
  for (const [name, { def }] of rows) {
    const p = pathOf(def);
    if ((issue.path === p || issue.path.startsWith(`${p}/`)) && (best === undefined || p.length > pathOf(rows.get(best).def).length)) best = name;
  }
  return best;
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

function show(report, all) {
  const byField = new Map();
  const elsewhere = [];
  for (const issue of report.issues) {
    const name = fieldOf(issue);
    if (name === undefined) { elsewhere.push(issue); continue; }
    if (!byField.has(name)) byField.set(name, []);
    byField.get(name).push(issue);
  }
  for (const [name, entry] of rows) {
    const issues = all || touched.has(name) ? byField.get(name) ?? [] : [];
    const bad = issues.some((i) => i.severity === 'error');
    entry.msg.replaceChildren(...issues.map(issueLine));
    (entry.control.closest('.field') ?? entry.control.closest('tr')).classList.toggle('invalid', bad);
    entry.control.setAttribute('aria-invalid', String(bad));
  }
  // Issues of no field: every one on submit, the errors only while typing.
  const general = all ? elsewhere : elsewhere.filter((i) => i.severity === 'error');
  recordBox.replaceChildren(...general.map(issueLine));
  recordBox.hidden = general.length === 0;
}

function statusBadge(row) {
  const badge = document.createElement('span');
  badge.className = `badge ${row.status}`;
  badge.textContent = TEXT.status[row.status]?.[lang] ?? row.status;
  const out = [badge];
  if (row.satisfied_by) {
    const label = steps.find((s) => s.code === row.satisfied_by)?.label ?? row.satisfied_by;
    const note = document.createElement('small');
    note.textContent = fill(t('satisfiedBy'), { step: label });
    out.push(note);
  }
  return out;
}

function dueCell(cell, row) {
  cell.dataset.due = row.due ?? '';
  cell.replaceChildren(row.due ? shown(row.due) : '—');
  if (row.calendar === 'law_only') {
    const note = document.createElement('small');
    note.textContent = t('lawOnly');
    cell.append(note);
  }
}

/** Lays out treem's deadline view of the record: due time and status of every step. */
function showDeadlines(view) {
  for (const row of view.steps) {
    const target = stepRows.get(row.step);
    if (target) {
      dueCell(target.due, row);
      target.status.dataset.status = row.status;
      target.status.replaceChildren(...statusBadge(row));
      target.tr.dataset.status = row.status;
    } else if (row.step === 'separation_end') {
      const box = document.getElementById('separation-deadline');
      box.dataset.status = row.status;
      const label = document.createElement('strong');
      label.textContent = `${t('separationEnd')}: `;
      const due = document.createElement('span');
      due.className = 'due';
      dueCell(due, row);
      const source = document.createElement('small');
      source.textContent = row.source;
      box.replaceChildren(label, due, ' ', ...statusBadge(row), source);
    }
  }
}

function check(all = false) {
  const rec = record();
  const report = validate('case', rec, options());
  show(report, all);
  showDeadlines(call('case_deadlines', rec, options()));
  document.getElementById('result').hidden = true;
  return report;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const name of rows.keys()) touched.add(name);
  const report = check(true);
  if (!report.ok) {
    const errors = report.issues.filter((i) => i.severity === 'error');
    rows.get(fieldOf(errors[0] ?? { path: '' }))?.control.focus();
    const summary = document.createElement('span');
    summary.className = 'error';
    summary.textContent = fill(t('stillWrong'), { n: errors.length });
    recordBox.prepend(summary, document.createElement('br'));
    recordBox.hidden = false;
    return;
  }
  const clean = normalize('case', record(), options());
  document.getElementById('normalized').textContent = JSON.stringify(clean.record, null, 2);
  document.getElementById('result').hidden = false;
});

function setStatusLine() {
  const v = version();
  const status = document.getElementById('status');
  status.textContent = `treem ${v.version} (WebAssembly: ${v.kinds.join(', ')}) · ${t('asOf')} ${shown(today())}`;
  status.dataset.ready = 'true';
}

function setLang(next) {
  lang = next;
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  for (const node of document.querySelectorAll('[data-text]')) {
    if (node.id !== 'status') node.textContent = t(node.dataset.text);
  }
  localisePage();
  for (const entry of rows.values()) {
    if (entry.def.step) localiseStep(entry);
    else localise(entry);
  }
  setStatusLine();
  check();
}

function localisePage() {
  const list = catalog('case_steps', options());
  steps = list.items;
  document.getElementById('decree').textContent = list.source;
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset.lang));
}

await init();
localisePage();
for (const def of CASE_FIELDS) addField(def, document.getElementById('case-fields'));
for (const item of steps) addStep(item);
for (const def of SEPARATION_FIELDS) addField(def, document.getElementById('separation-fields'));
setStatusLine();
check();
