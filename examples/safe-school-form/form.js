// A school's safe-school self-assessment (kind `safe_school_assessment`), checked and scored in
// the browser by the module `treem/safe-school`: the sets, their criteria, thresholds and notes
// come from the catalog `criteria_sets`, the score, level and reasons from the operation
// `safe_school_assess`, the messages from its report. The page holds no rule: it counts
// nothing, compares with no threshold, and invents no criterion; a set whose criteria texts
// treem does not hold is answered as the library answers it. Offline once loaded.
import init, { call, catalog, normalize, version } from './pkg/web.js';

const SCHOOL_FIELDS = [
  { name: 'school_code', path: '/school/code', label: { vi: 'Mã trường', en: 'School code' }, placeholder: { vi: 'ví dụ 31000101', en: 'e.g. 31000101' } },
  { name: 'school_name', path: '/school/name', label: { vi: 'Tên trường', en: 'School name' }, placeholder: { vi: 'Trường THCS Lê Lợi', en: 'Trường THCS Lê Lợi' } },
  { name: 'school_type', path: '/school/school_type', label: { vi: 'Loại hình', en: 'Type of school' }, catalog: 'school_types' },
  { name: 'school_year', path: '/school_year', label: { vi: 'Năm học', en: 'School year' }, placeholder: { vi: 'ví dụ 2025-2026', en: 'e.g. 2025-2026' } },
];
const SET_FIELD = { name: 'criteria_set', path: '/criteria_set', label: { vi: 'Bộ tiêu chí', en: 'Criteria set' }, catalog: 'criteria_sets' };

const TEXT = {
  nation: { vi: 'Cộng hòa xã hội chủ nghĩa Việt Nam', en: 'Socialist Republic of Viet Nam' },
  motto: { vi: 'Độc lập – Tự do – Hạnh phúc', en: 'Independence – Freedom – Happiness' },
  title: { vi: 'Phiếu tự đánh giá trường học an toàn', en: 'Safe-school self-assessment' },
  subtitle: { vi: 'Nhà trường tự đánh giá theo bộ tiêu chí đã chọn', en: 'The school assesses itself against the chosen criteria set' },
  intro: {
    vi: 'Kết quả được tính ngay trên trình duyệt khi đánh dấu từng tiêu chí, theo đúng các quy tắc máy chủ dùng. Không gửi dữ liệu đi đâu.',
    en: 'The result is computed in your browser as each criterion is marked, by the very rules the server runs. Nothing is sent anywhere.',
  },
  schoolSection: { vi: 'I. Thông tin nhà trường', en: 'I. The school' },
  setSection: { vi: 'II. Bộ tiêu chí', en: 'II. Criteria set' },
  criteriaSection: { vi: 'III. Đánh giá từng tiêu chí', en: 'III. Each criterion' },
  notes: { vi: 'Ghi chú của thư viện về bộ tiêu chí', en: 'The library\'s notes on the set' },
  submit: { vi: 'Kiểm tra và lưu phiếu', en: 'Check and save' },
  saved: { vi: 'Phiếu tự đánh giá hợp lệ', en: 'The assessment is valid' },
  normalized: { vi: 'Bản ghi đã chuẩn hóa:', en: 'Normalised record:' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  choose: { vi: '— chọn —', en: '— choose —' },
  stillWrong: { vi: 'Còn {n} lỗi cần sửa.', en: '{n} error(s) to fix.' },
  asOf: { vi: 'ngày tính', en: 'as of' },
  // The facts of a set, from the catalog.
  document: { vi: 'Văn bản', en: 'Document' },
  appliesTo: { vi: 'Áp dụng cho', en: 'Applies to' },
  threshold: { vi: 'Ngưỡng đạt', en: 'Pass rule' },
  thresholdSource: { vi: 'Nguồn của ngưỡng', en: 'Source of the pass rule' },
  completeness: { vi: 'Danh sách tiêu chí trong thư viện', en: 'Criteria list in the library' },
  reported: { vi: 'Số tiêu chí theo nguồn', en: 'Criteria reported by a source' },
  reportedCounts: { vi: '{total} tiêu chí, trong đó {mandatory} bắt buộc', en: '{total} criteria, {mandatory} of them mandatory' },
  criteriaCount: { vi: '{n} tiêu chí', en: '{n} criteria' },
  percentRule: { vi: 'tối thiểu {min_percent}% tiêu chí được đánh giá ở mức “Đạt”', en: 'at least {min_percent}% of the criteria assessed met' },
  percentMandatory: { vi: ', trong đó 100% tiêu chí bắt buộc đạt', en: ', every mandatory criterion met' },
  countRule: { vi: 'tối thiểu {min_met} tiêu chí đạt, trong đó {min_mandatory_met} tiêu chí bắt buộc', en: 'at least {min_met} criteria met, {min_mandatory_met} of them mandatory' },
  checklistRule: { vi: 'không có (danh mục kiểm tra, văn bản không quy định ngưỡng đạt)', en: 'none (a checklist: the document sets no pass rule)' },
  completenessCode: {
    complete: { vi: 'đầy đủ, nguyên văn', en: 'complete, verbatim' },
    partial: { vi: 'một phần', en: 'partial' },
    thresholds_only: { vi: 'chỉ có ngưỡng đạt, chưa có văn bản các tiêu chí', en: 'the pass rule only, not the criteria texts' },
  },
  quality: {
    gazette: { vi: 'Công báo', en: 'the official gazette' },
    official_portal: { vi: 'cổng thông tin chính thức', en: 'an official portal' },
    transcription: { vi: 'bản chép toàn văn của bên thứ ba', en: 'a third-party transcription' },
    news: { vi: 'bài báo', en: 'a news article' },
    translation: { vi: 'bản dịch không chính thức', en: 'an unofficial translation' },
  },
  // The answers of a criterion (the codes of the kind `safe_school_assessment`).
  outcome: {
    dat: { vi: 'Đạt', en: 'Met' },
    chua_dat: { vi: 'Chưa đạt', en: 'Not met' },
    khong_ap_dung: { vi: 'Không áp dụng', en: 'Not applicable' },
  },
  mandatory: { vi: 'Bắt buộc', en: 'Mandatory' },
  evidence: { vi: 'Minh chứng', en: 'Evidence' },
  remedy: { vi: 'Biện pháp khắc phục', en: 'Remedy' },
  events: { vi: 'Sự việc trong năm học', en: 'Events during the year' },
  // The score panel: treem's `safe_school_assess` answer, laid out.
  scoreTitle: { vi: 'Kết quả tự đánh giá', en: 'Result' },
  met: { vi: 'Đạt', en: 'Met' },
  notMet: { vi: 'Chưa đạt', en: 'Not met' },
  unanswered: { vi: 'Chưa đánh giá', en: 'Not assessed' },
  notApplicable: { vi: 'Không áp dụng', en: 'Not applicable' },
  mandatoryMet: { vi: 'Bắt buộc đạt', en: 'Mandatory met' },
  level: { vi: 'Mức', en: 'Level' },
  levelCode: { dat: { vi: 'Đạt', en: 'Pass' }, chua_dat: { vi: 'Chưa đạt', en: 'Not passed' } },
  noLevel: { vi: 'Không xếp mức', en: 'No level' },
  noScore: { vi: 'Chưa tính được kết quả: còn {n} lỗi cần sửa (xem bên cạnh các ô).', en: 'No result yet: {n} error(s) to fix (see beside the fields).' },
  reason: {
    percent_reached: { vi: '{met}/{applicable} tiêu chí được đánh giá đạt, đủ mức tối thiểu {min_percent}%', en: '{met}/{applicable} criteria assessed met, reaching {min_percent}%' },
    percent_below: { vi: '{met}/{applicable} tiêu chí được đánh giá đạt, dưới mức tối thiểu {min_percent}%', en: '{met}/{applicable} criteria assessed met, below {min_percent}%' },
    mandatory_not_met: { vi: 'Tiêu chí bắt buộc chưa đạt: {criteria}', en: 'Mandatory criteria not met: {criteria}' },
    count_reached: { vi: '{met} tiêu chí đạt, trong đó {mandatory_met} tiêu chí bắt buộc', en: '{met} criteria met, {mandatory_met} of them mandatory' },
    count_below: { vi: '{met} tiêu chí đạt, chưa đủ {min_met}', en: '{met} criteria met, fewer than {min_met}' },
    mandatory_count_below: { vi: '{mandatory_met} tiêu chí bắt buộc đạt, chưa đủ {min_mandatory_met}', en: '{mandatory_met} mandatory criteria met, fewer than {min_mandatory_met}' },
    disqualifying_event: { vi: 'Xảy ra sự việc: {event}', en: 'Event during the year: {event}' },
    checklist: { vi: 'Danh mục kiểm tra: văn bản không quy định ngưỡng đạt, chỉ đếm số tiêu chí', en: 'A checklist: the document sets no pass rule; the criteria are counted' },
  },
};

let lang = 'vi';
let sets = []; // the catalog `criteria_sets`
let schoolTypes = []; // the catalog `school_types`
let set = null; // the chosen set
let order = []; // the criterion of each entry of `results`, in the order the record lists them
const touched = new Set();
const fields = new Map(); // field name -> { def, control, label, msg }
const criterionRows = new Map(); // criterion code -> { row, radios, evidence, remedy, msg }
const recordBox = document.getElementById('record-messages');

const t = (key) => TEXT[key][lang];
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');
const pad = (n) => String(n).padStart(2, '0');
const today = () => {
  // The library never reads the clock: the form gives today's date as `as_of`.
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const options = () => ({ as_of: today(), lang });
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function addField(def, container) {
  const id = `f-${def.name}`;
  const label = el('label', { htmlFor: id });
  const control = def.catalog ? el('select', { id, name: def.name }) : el('input', { id, name: def.name, type: 'text', autocomplete: 'off' });
  const msg = el('p', { className: 'msg', id: `msg-${def.name}` });
  msg.setAttribute('aria-live', 'polite');
  control.setAttribute('aria-describedby', msg.id);
  const row = el('div', { className: 'field' }, label, control, msg);
  row.dataset.field = def.name;
  container.append(row);
  const entry = { def, control, label, msg };
  fields.set(def.name, entry);
  const changed = () => { touched.add(def.name); if (def === SET_FIELD) chooseSet(); check(); };
  control.addEventListener('input', changed);
  control.addEventListener('change', changed);
  localise(entry);
}

function localise(entry) {
  const { def, control, label } = entry;
  label.textContent = def.label[lang];
  if (def.placeholder) control.placeholder = def.placeholder[lang];
  if (!def.catalog) return;
  const keep = control.value;
  const items = def.catalog === 'criteria_sets' ? sets : schoolTypes;
  control.replaceChildren(new Option(t('choose'), ''));
  for (const item of items) {
    control.append(new Option(def.catalog === 'criteria_sets' ? `${item.source} — ${item.label}` : item.label, item.code));
  }
  control.value = keep;
}

function loadCatalogs() {
  sets = catalog('criteria_sets', options()).items;
  schoolTypes = catalog('school_types', options()).items;
}

function thresholdText(threshold) {
  if (threshold.rule === 'percent') return fill(t('percentRule'), threshold) + (threshold.all_mandatory ? t('percentMandatory') : '');
  if (threshold.rule === 'count') return fill(t('countRule'), threshold);
  if (threshold.rule === 'checklist') return t('checklistRule');
  return JSON.stringify(threshold);
}

/** The facts of the chosen set, as the catalog gives them. */
function showSet() {
  const info = document.getElementById('set-info');
  info.hidden = set === null;
  document.getElementById('criteria-section').hidden = set === null || (set.criteria ?? []).length === 0;
  if (set === null) return;
  const typeLabel = (code) => schoolTypes.find((s) => s.code === code)?.label ?? code;
  const facts = [
    [t('document'), `${set.document.number} — ${set.document.title} (${set.document.articles})`],
    [t('appliesTo'), set.applies_to.map(typeLabel).join(', ')],
    [t('threshold'), thresholdText(set.threshold)],
    [t('completeness'), TEXT.completenessCode[set.completeness]?.[lang] ?? set.completeness,
      (set.criteria ?? []).length ? ` · ${fill(t('criteriaCount'), { n: set.criteria.length })}` : ''],
  ];
  if (set.reported_total !== undefined) {
    facts.push([t('reported'), fill(t('reportedCounts'), { total: set.reported_total, mandatory: set.reported_mandatory ?? '?' })]);
  }
  if (set.threshold_source) {
    facts.push([t('thresholdSource'), `${TEXT.quality[set.threshold_source.quality]?.[lang] ?? set.threshold_source.quality}: ${set.threshold_source.source}`]);
  }
  const dl = document.getElementById('set-facts');
  dl.replaceChildren(...facts.flatMap(([k, ...v]) => [el('dt', {}, k), el('dd', {}, ...v)]));
  dl.dataset.completeness = set.completeness;
  document.querySelector('#set-notes ul').replaceChildren(...(set.notes ?? []).map((n) => el('li', {}, n)));
}

/** The criteria of the chosen set, grouped by content area, each with its answer controls. */
function showCriteria() {
  const box = document.getElementById('criteria');
  criterionRows.clear();
  box.replaceChildren();
  const events = document.getElementById('events');
  events.replaceChildren();
  // A set without its criteria texts in treem has none to show: nothing is invented.
  if (set === null || !set.criteria?.length) return;
  const areas = set.content_areas?.length ? set.content_areas : [{ code: undefined, title: '' }];
  for (const area of areas) {
    const list = set.criteria.filter((c) => area.code === undefined || c.area === area.code);
    if (list.length === 0) continue;
    if (area.title) box.append(el('h3', {}, area.title));
    for (const criterion of list) box.append(criterionRow(criterion));
  }
  // The set's disqualifying events, when it has any (ticked: it happened this year).
  if (set.disqualifying_events?.length) {
    events.append(el('h3', {}, t('events')), ...set.disqualifying_events.map((e) => {
      const box = el('input', { type: 'checkbox', value: e.code, name: 'event' });
      box.addEventListener('change', () => check());
      return el('label', { className: 'event' }, box, ` ${e.text}`);
    }));
  }
}

function criterionRow(criterion) {
  const code = criterion.code;
  const id = `c-${code}`;
  const row = el('div', { className: 'criterion', id });
  row.dataset.criterion = code;
  const head = el('div', { className: 'criterion-text' }, el('span', { className: 'code' }, code), ' ', criterion.text);
  if (criterion.mandatory) head.append(' ', el('span', { className: 'tag' }, t('mandatory')));
  // "Không áp dụng" is offered where the set marks the criterion conditional ("nếu có").
  const outcomes = ['dat', 'chua_dat', ...(criterion.conditional ? ['khong_ap_dung'] : [])];
  const radios = el('div', { className: 'outcomes' });
  radios.setAttribute('role', 'radiogroup');
  for (const outcome of outcomes) {
    const radio = el('input', { type: 'radio', name: `r-${code}`, value: outcome });
    radio.addEventListener('change', () => { touched.add(id); check(); });
    radios.append(el('label', { className: `outcome ${outcome}` }, radio, ` ${TEXT.outcome[outcome][lang]}`));
  }
  const evidence = el('input', { type: 'text', className: 'evidence', placeholder: t('evidence'), autocomplete: 'off' });
  const remedy = el('input', { type: 'text', className: 'remedy', placeholder: t('remedy'), autocomplete: 'off' });
  remedy.hidden = true;
  for (const input of [evidence, remedy]) input.addEventListener('input', () => { touched.add(id); check(); });
  const msg = el('p', { className: 'msg' });
  row.append(head, el('div', { className: 'answer' }, radios, evidence, remedy), msg);
  criterionRows.set(code, { row, radios, evidence, remedy, msg, id });
  return row;
}

function chooseSet() {
  const code = fields.get('criteria_set').control.value;
  set = sets.find((s) => s.code === code) ?? null;
  showSet();
  showCriteria();
}

const answerOf = ({ radios }) => radios.querySelector('input:checked')?.value;

/** The `safe_school_assessment` record of the form. */
function record() {
  const out = {};
  const school = {};
  for (const [name, { def, control }] of fields) {
    const v = control.value.trim();
    if (v === '') continue;
    if (def.path.startsWith('/school/')) school[def.path.slice(8)] = v;
    else out[def.path.slice(1)] = v;
  }
  if (Object.keys(school).length) out.school = school;
  if (set) out.criteria_set_version = set.version;
  order = [];
  const results = [];
  for (const [code, entry] of criterionRows) {
    const result = answerOf(entry);
    entry.remedy.hidden = result !== 'chua_dat';
    if (result === undefined) continue;
    const item = { criterion: code, result };
    if (entry.evidence.value.trim()) item.evidence = entry.evidence.value.trim();
    if (result === 'chua_dat' && entry.remedy.value.trim()) item.remedy = { measures: entry.remedy.value.trim() };
    results.push(item);
    order.push(code);
  }
  if (set) out.results = results;
  const events = [...document.querySelectorAll('#events input:checked')].map((b) => b.value);
  if (events.length) out.disqualifying_events = events;
  return out;
}

/** Where an issue is shown: a field, a criterion's row, the set's box, or the record's. */
function placeOf(issue) {
  const path = issue.path ?? '';
  const m = /^\/results\/(\d+)(\/|$)/.exec(path);
  if (m) return { criterion: order[Number(m[1])] };
  if (path === '/results' && issue.params?.criterion !== undefined) return { criterion: issue.params.criterion };
  if (path === '/criteria_set' || path === '/criteria_set_version') return { set: true };
  for (const [name, { def }] of fields) if (path === def.path || path.startsWith(`${def.path}/`)) return { field: name };
  return {};
}

function issueLine(issue) {
  const span = el('span', { className: issue.severity, textContent: issue.message });
  span.dataset.code = issue.code;
  return el('span', {}, span, el('br'));
}

function show(report, all) {
  const byField = new Map();
  const byCriterion = new Map();
  const setIssues = [];
  const elsewhere = [];
  const push = (map, key, issue) => { if (!map.has(key)) map.set(key, []); map.get(key).push(issue); };
  for (const issue of report.issues) {
    const place = placeOf(issue);
    if (place.field) push(byField, place.field, issue);
    else if (place.criterion !== undefined && criterionRows.has(place.criterion)) push(byCriterion, place.criterion, issue);
    else if (place.set) setIssues.push(issue);
    else elsewhere.push(issue);
  }
  for (const [name, entry] of fields) {
    const issues = all || touched.has(name) ? byField.get(name) ?? [] : [];
    const bad = issues.some((i) => i.severity === 'error');
    entry.msg.replaceChildren(...issues.map(issueLine));
    entry.control.closest('.field').classList.toggle('invalid', bad);
    entry.control.setAttribute('aria-invalid', String(bad));
  }
  for (const [code, entry] of criterionRows) {
    const issues = all || touched.has(entry.id) ? byCriterion.get(code) ?? [] : [];
    entry.msg.replaceChildren(...issues.map(issueLine));
    entry.row.classList.toggle('invalid', issues.some((i) => i.severity === 'error'));
    entry.row.dataset.answer = answerOf(entry) ?? '';
  }
  // What the library answers about the set itself (a set without its criteria texts, a set
  // not for this school), shown as soon as the set is chosen.
  const answer = document.getElementById('set-answer');
  answer.replaceChildren(...setIssues.map(issueLine));
  answer.hidden = setIssues.length === 0;
  const general = all ? elsewhere : elsewhere.filter((i) => i.severity === 'error');
  recordBox.replaceChildren(...general.map(issueLine));
  recordBox.hidden = general.length === 0;
}

/** The score panel: treem's answer laid out, or why there is none. */
function showScore(answer) {
  const panel = document.getElementById('score');
  const score = answer.score;
  panel.dataset.ready = score ? 'true' : 'false';
  if (!score) {
    const errors = answer.report.issues.filter((i) => i.severity === 'error').length;
    panel.replaceChildren(el('h3', {}, t('scoreTitle')), el('p', { className: 'no-score' }, fill(t('noScore'), { n: errors })));
    delete panel.dataset.level;
    return;
  }
  const figure = (key, value, name) => {
    const cell = el('div', { className: `figure ${name}` }, el('strong', {}, String(value)), el('span', {}, t(key)));
    cell.dataset.name = name;
    cell.dataset.value = String(value);
    return cell;
  };
  const figures = el('div', { className: 'figures' },
    figure('met', score.met, 'met'),
    figure('notMet', score.not_met, 'not_met'),
    figure('unanswered', score.unanswered, 'unanswered'),
    figure('notApplicable', score.not_applicable, 'not_applicable'));
  if (score.mandatory_total > 0) figures.append(figure('mandatoryMet', `${score.mandatory_met}/${score.mandatory_total}`, 'mandatory'));
  const level = el('p', { className: `level ${score.level ?? 'none'}` }, `${t('level')}: `,
    el('strong', {}, score.level ? TEXT.levelCode[score.level][lang] : t('noLevel')));
  panel.dataset.level = score.level ?? '';
  const eventText = (code) => set?.disqualifying_events?.find((e) => e.code === code)?.text ?? code;
  const reasons = el('ul', { className: 'reasons' }, ...score.reasons.map((r) => {
    const params = { ...r, criteria: (r.criteria ?? []).join(', '), event: r.event ? eventText(r.event) : '' };
    const li = el('li', {}, fill(TEXT.reason[r.reason]?.[lang] ?? r.reason, params));
    li.dataset.reason = r.reason;
    return li;
  }));
  panel.replaceChildren(el('h3', {}, t('scoreTitle')), figures, level, reasons);
}

function check(all = false) {
  const rec = record();
  const answer = call('safe_school_assess', rec, options());
  show(answer.report, all);
  if (set && (set.criteria ?? []).length) showScore(answer);
  document.getElementById('result').hidden = true;
  return answer.report;
}

document.getElementById('assessment-form').addEventListener('submit', (event) => {
  event.preventDefault();
  for (const name of fields.keys()) touched.add(name);
  for (const entry of criterionRows.values()) touched.add(entry.id);
  const report = check(true);
  if (!report.ok) {
    const errors = report.issues.filter((i) => i.severity === 'error');
    const summary = el('span', { className: 'error', textContent: fill(t('stillWrong'), { n: errors.length }) });
    recordBox.prepend(summary, el('br'));
    recordBox.hidden = false;
    return;
  }
  const clean = normalize('safe_school_assessment', record(), options());
  document.getElementById('normalized').textContent = JSON.stringify(clean.record, null, 2);
  document.getElementById('result').hidden = false;
});

function setStatusLine() {
  const v = version();
  const status = document.getElementById('status');
  const [y, m, d] = today().split('-');
  status.textContent = `treem ${v.version} (WebAssembly: ${v.kinds.join(', ')}) · ${t('asOf')} ${d}/${m}/${y}`;
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
  loadCatalogs();
  for (const entry of fields.values()) localise(entry);
  // The answers stay; the rows are drawn again in the new language.
  const answers = new Map([...criterionRows].map(([code, e]) => [code, [answerOf(e), e.evidence.value, e.remedy.value]]));
  chooseSet();
  for (const [code, [result, evidence, remedy]] of answers) {
    const entry = criterionRows.get(code);
    if (!entry) continue;
    if (result) entry.radios.querySelector(`input[value="${result}"]`).checked = true;
    entry.evidence.value = evidence;
    entry.remedy.value = remedy;
  }
  setStatusLine();
  check();
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset.lang));
}

await init();
loadCatalogs();
for (const def of SCHOOL_FIELDS) addField(def, document.getElementById('school-fields'));
addField(SET_FIELD, document.getElementById('set-fields'));
setStatusLine();
check();
