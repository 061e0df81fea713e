// The vetting service's web interface: plain ES modules, no build step. Safe by construction:
// every element is built with createElement/textContent (never innerHTML), credentials live only in
// this module's memory (gone on reload or sign-out), and no cookie is used, so there is no CSRF.
import { TEXT } from './i18n.js';

const ENUMS = {
  type: ['POLYGRAPH', 'TOXICOLOGICAL', 'PSYCHOLOGICAL', 'MEDICAL', 'SOCIOECONOMIC'],
  result: ['PASS', 'FAIL', 'INCONCLUSIVE', 'REFUSED'],
  crimeCategory: ['ORGANIZED_CRIME', 'DRUG_TRAFFICKING', 'CORRUPTION', 'MONEY_LAUNDERING', 'ARMS_TRAFFICKING',
    'HUMAN_TRAFFICKING', 'KIDNAPPING', 'HOMICIDE', 'VIOLENT', 'FRAUD', 'THEFT', 'OTHER', 'MINOR'],
  crimeStatus: ['CONVICTED', 'CHARGED', 'UNDER_INVESTIGATION', 'ARRESTED_NOT_CHARGED', 'ACQUITTED', 'DISMISSED'],
  misconduct: ['BRIBERY', 'EXTORTION', 'EVIDENCE_TAMPERING', 'INFORMATION_LEAK', 'COLLUSION', 'EXCESSIVE_FORCE',
    'ABSENCE', 'INSUBORDINATION', 'NEGLIGENCE', 'OTHER'],
  finding: ['SUBSTANTIATED', 'UNSUBSTANTIATED', 'PENDING', 'EXONERATED'],
  sanction: ['NONE', 'REPRIMAND', 'SUSPENSION', 'DEMOTION', 'DISMISSAL', 'DISQUALIFICATION'],
  subject: ['INDIVIDUAL', 'UNIT'],
  violation: ['TORTURE', 'EXTRAJUDICIAL_KILLING', 'ENFORCED_DISAPPEARANCE', 'SEXUAL_VIOLENCE', 'ARBITRARY_DETENTION',
    'EXCESSIVE_FORCE', 'OTHER'],
  credibility: ['CREDIBLE', 'UNDER_REVIEW', 'NOT_CREDIBLE'],
  relationship: ['FAMILY', 'ASSOCIATE', 'BUSINESS'],
  organizationType: ['CRIMINAL_ORGANIZATION', 'OTHER'],
  associationStatus: ['CONFIRMED', 'SUSPECTED'],
  vettingResult: ['GRANTED', 'DENIED', 'REVOKED'],
  outcome: ['ELIGIBLE', 'CONDITIONAL', 'REFERRED', 'INCOMPLETE', 'INELIGIBLE'],
  clearance: ['ACTIVE', 'PENDING_ADJUDICATION', 'PENDING_INFORMATION', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED'],
  roles: ['VETTING_OFFICER', 'ADJUDICATOR', 'COMMANDER', 'AUDITOR', 'ADMIN'],
};

// The record's lists: [field, kind, options, required]
const LISTS = {
  exams: [['id', 'text', null, true], ['type', 'select', ENUMS.type, true], ['result', 'select', ENUMS.result, true],
    ['date', 'date', null, true]],
  criminalRecords: [['id', 'text', null, true], ['category', 'select', ENUMS.crimeCategory, true],
    ['status', 'select', ENUMS.crimeStatus, true], ['date', 'date', null, true], ['servedMonths', 'number'],
    ['disclosedBySubject', 'checkbox']],
  disciplinaryRecords: [['id', 'text', null, true], ['category', 'select', ENUMS.misconduct, true],
    ['finding', 'select', ENUMS.finding, true], ['sanction', 'select', ENUMS.sanction], ['date', 'date', null, true],
    ['disclosedBySubject', 'checkbox']],
  humanRightsAllegations: [['id', 'text', null, true], ['subject', 'select', ENUMS.subject, true],
    ['category', 'select', ENUMS.violation, true], ['credibility', 'select', ENUMS.credibility, true],
    ['remediated', 'checkbox'], ['date', 'date', null, true]],
  financialDisclosures: [['year', 'number', null, true], ['annualIncome', 'number', null, true],
    ['otherIncome', 'number'], ['totalAssets', 'number', null, true], ['totalLiabilities', 'number', null, true],
    ['cashDeposits', 'number'], ['undeclaredAssets', 'number']],
  associations: [['id', 'text', null, true], ['relationship', 'select', ENUMS.relationship, true],
    ['organizationType', 'select', ENUMS.organizationType, true], ['status', 'select', ENUMS.associationStatus, true],
    ['disclosedBySubject', 'checkbox']],
  priorVetting: [['id', 'text', null, true], ['program', 'text'], ['result', 'select', ENUMS.vettingResult, true],
    ['date', 'date', null, true]],
};

const state = { auth: null, me: null, lang: localStorage.getItem('vetting.lang') === 'es' ? 'es' : 'en', units: [] };
const main = document.getElementById('main');
let uid = 0;

function t(key, ...args) {
  let s = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key] || key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
  return s;
}

/** Builds an element; text is always text, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function field(label, input) {
  input.id = input.id || 'f' + (++uid);
  return h('div', {}, h('label', { for: input.id, text: label }), input);
}

function badge(value) {
  return h('span', { class: 'badge b-' + value, text: value });
}

function say(text, error = false) {
  const s = document.getElementById('status');
  s.textContent = text || '';
  s.className = error ? 'error' : '';
}

async function api(method, path, body, accept = 'application/json') {
  const headers = { Accept: accept, 'Accept-Language': state.lang };
  if (state.auth) headers.Authorization = state.auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : body });
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : await r.blob();
  return { status: r.status, data, headers: r.headers };
}

function showError(r) {
  say((r.data && r.data.message) || ('HTTP ' + r.status), true);
}

function view(title, ...content) {
  main.replaceChildren(h('h2', { text: title }), ...content);
  main.focus();
}

// ---- sign-in and navigation -------------------------------------------------------------------

function signInView() {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { id: 'signin', onsubmit: async (ev) => {
    ev.preventDefault();
    state.auth = 'Basic ' + btoa(unescape(encodeURIComponent(user.value + ':' + pass.value)));
    const r = await api('GET', '/me');
    if (r.status !== 200) { state.auth = null; say(t('badCredentials'), true); return; }
    state.me = r.data;
    const rs = await api('GET', '/rulesets/active');
    state.units = rs.status === 200 ? rs.data.units.map((u) => u.code) : [];
    say('');
    renderChrome();
  } }, field(t('username'), user), field(t('password'), pass), h('p', {}, h('button', { type: 'submit', text: t('signIn') })));
  view(t('signIn'), form);
}

// [section, role that may use it, view]; a user sees each section once, in this order.
const SECTIONS = [
  ['submit', 'VETTING_OFFICER', submitView], ['addRecords', 'VETTING_OFFICER', addRecordsView],
  ['queue', 'ADJUDICATOR', queueView], ['roster', 'COMMANDER', rosterView],
  ['history', 'AUDITOR', historyView], ['roster', 'AUDITOR', rosterView], ['chain', 'AUDITOR', chainView],
  ['accessLog', 'AUDITOR', accessLogView], ['users', 'ADMIN', usersView], ['ruleSet', 'ADMIN', ruleSetView],
  ['roster', 'ADMIN', rosterView],
];

function renderChrome() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  document.getElementById('title').textContent = t('title');
  document.getElementById('lang-label').textContent = t('language');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  const nav = document.getElementById('nav');
  if (!state.me) {
    nav.replaceChildren();
    out.hidden = true;
    document.getElementById('who').textContent = '';
    signInView();
    return;
  }
  out.hidden = false;
  document.getElementById('who').textContent = t('signedInAs') + ' ' + state.me.username;
  const seen = new Set();
  const buttons = [];
  for (const [key, role, fn] of SECTIONS) {
    if (!state.me.roles.includes(role) || seen.has(key)) continue;
    seen.add(key);
    buttons.push(h('button', { type: 'button', 'data-section': key, onclick: (ev) => {
      nav.querySelectorAll('button').forEach((b) => b.removeAttribute('aria-current'));
      ev.currentTarget.setAttribute('aria-current', 'page');
      say('');
      fn();
    } }, t(key)));
  }
  nav.replaceChildren(...buttons);
  if (buttons.length) buttons[0].click();
}

document.getElementById('lang').value = state.lang;
document.getElementById('lang').addEventListener('change', (ev) => {
  state.lang = ev.target.value;
  localStorage.setItem('vetting.lang', state.lang); // the language only; never credentials
  renderChrome();
});
document.getElementById('signout').addEventListener('click', () => {
  state.auth = null;
  state.me = null;
  say('');
  renderChrome();
});

// ---- record editing ---------------------------------------------------------------------------

function input(kind, options, name) {
  if (kind === 'select') {
    return h('select', { name }, h('option', { value: '', text: '—' }), options.map((o) => h('option', { value: o, text: o })));
  }
  if (kind === 'checkbox') return h('input', { type: 'checkbox', name, checked: name === 'disclosedBySubject' });
  return h('input', { type: kind, name, step: kind === 'number' ? 'any' : null });
}

function listEditor(key) {
  const rows = h('div', { class: 'rows' });
  const addRow = () => {
    const row = h('div', { class: 'row', 'data-list': key });
    for (const [name, kind, options] of LISTS[key]) {
      const el = input(kind, options, name);
      el.dataset.name = name;
      row.append(field(t(name), el));
    }
    row.append(h('button', { type: 'button', class: 'secondary', onclick: () => { row.remove(); renumber(rows, key); } }, t('removeRow')));
    rows.append(row);
    renumber(rows, key);
  };
  return h('fieldset', { 'data-list': key }, h('legend', { text: t(key) }), rows,
    h('button', { type: 'button', class: 'secondary', 'data-add': key, onclick: addRow }, t('addRow') + ': ' + t(key)));
}

function renumber(rows, key) {
  [...rows.children].forEach((row, i) => row.querySelectorAll('[data-name]')
    .forEach((el) => { el.dataset.field = key + '[' + i + '].' + el.dataset.name; }));
}

function collectList(form, key) {
  const out = [];
  for (const row of form.querySelectorAll('.row[data-list="' + key + '"]')) {
    const item = {};
    for (const el of row.querySelectorAll('[data-name]')) {
      const name = el.dataset.name;
      if (el.type === 'checkbox') item[name] = el.checked;
      else if (el.value !== '') item[name] = el.type === 'number' ? Number(el.value) : el.value;
    }
    out.push(item);
  }
  return out;
}

/** The client-side checks mirror the server's 422s: required fields, no date after today. */
function check(form) {
  clearErrors(form);
  const today = new Date().toISOString().slice(0, 10);
  let ok = true;
  for (const el of form.querySelectorAll('[data-field]')) {
    const spec = el.dataset.list ? null : findSpec(el);
    const required = el.dataset.required === 'true' || (spec && spec[3]);
    if (required && el.type !== 'checkbox' && el.value === '') { mark(el, t('required')); ok = false; }
    if (el.type === 'date' && el.value && el.value > today) { mark(el, t('futureDate')); ok = false; }
  }
  for (const key of Object.keys(LISTS)) {
    const seen = new Set();
    for (const el of form.querySelectorAll('.row[data-list="' + key + '"] [data-name="id"], .row[data-list="' + key + '"] [data-name="year"]')) {
      if (el.value === '') continue;
      if (seen.has(el.value)) { mark(el, t('duplicate') + ' ' + el.value); ok = false; }
      seen.add(el.value);
    }
  }
  for (const el of form.querySelectorAll('input[type=number]')) {
    if (el.value !== '' && Number(el.value) < 0) { mark(el, t('negative')); ok = false; }
  }
  if (!ok) say(t('fixErrors'), true);
  return ok;
}

function findSpec(el) {
  const m = /^(\w+)\[\d+\]\.(\w+)$/.exec(el.dataset.field || '');
  return m && LISTS[m[1]] ? LISTS[m[1]].find((s) => s[0] === m[2]) : null;
}

function mark(el, message) {
  el.setAttribute('aria-invalid', 'true');
  const note = h('span', { class: 'field-error', id: el.id + '-err', text: message });
  el.setAttribute('aria-describedby', note.id);
  el.parentElement.append(note);
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
}

/** Server errors are shown next to the field they name. */
function showFieldErrors(form, r, prefix = '') {
  showError(r);
  for (const e of (r.data && r.data.errors) || []) {
    const name = e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    const el = form.querySelector('[data-field="' + CSS.escape(name) + '"]');
    if (el) mark(el, e.message);
  }
}

function basicInput(name, type = 'text', required = false) {
  const el = h('input', { type, name });
  el.dataset.field = name;
  el.dataset.required = String(required);
  return field(t(name), el);
}

function submitView() {
  const unit = h('select', { name: 'targetUnit' }, state.units.map((u) => h('option', { value: u, text: u })));
  unit.dataset.field = 'targetUnit';
  const json = h('textarea', { name: 'json', 'aria-label': t('uploadJson') });
  const file = h('input', { type: 'file', accept: 'application/json', onchange: async (ev) => {
    json.value = await ev.target.files[0].text();
  } });
  const form = h('form', { id: 'candidate', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    let body;
    if (json.value.trim()) {
      body = json.value;
    } else {
      if (!check(form)) return;
      const record = {};
      for (const el of form.querySelectorAll('.basic [data-field]')) if (el.value !== '') record[el.dataset.field] = el.value;
      for (const key of Object.keys(LISTS)) record[key] = collectList(form, key);
      body = JSON.stringify(record);
    }
    say(t('loading'));
    const r = await api('POST', '/candidates', body);
    if (r.status === 201) { say(t('done')); evaluationView(r.data); } else showFieldErrors(form, r);
  } },
  h('fieldset', { class: 'basic' }, h('legend', { text: t('officer') }),
    basicInput('officerId', 'text', true), basicInput('givenName'), basicInput('familyName'),
    basicInput('serviceStartDate', 'date', true), field(t('targetUnit'), unit), basicInput('agency')),
  Object.keys(LISTS).map(listEditor),
  h('fieldset', {}, h('legend', { text: t('uploadJson') }), field('JSON', file), json),
  h('p', {}, h('button', { type: 'submit', text: t('send') })));
  view(t('submit'), form);
}

function addRecordsView() {
  const form = h('form', { id: 'records', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!check(form)) return;
    const body = {};
    for (const key of Object.keys(LISTS)) {
      const items = collectList(form, key);
      if (items.length) body[key] = items;
    }
    const id = form.querySelector('[data-field="officerId"]').value;
    const r = await api('POST', '/officers/' + encodeURIComponent(id) + '/records', JSON.stringify(body));
    if (r.status !== 200) { showFieldErrors(form, r); return; }
    say(t('done'));
    view(t('addRecords'), ...r.data.evaluations.map(evaluationBlock));
  } }, basicInput('officerId', 'text', true), Object.keys(LISTS).map(listEditor),
  h('p', {}, h('button', { type: 'submit', text: t('send') })));
  view(t('addRecords'), form);
}

// ---- evaluations ------------------------------------------------------------------------------

function evaluationBlock(e) {
  const flags = e.flags.length === 0 ? h('p', { text: t('noFlags') }) : h('table', { class: 'flags' },
    h('thead', {}, h('tr', {}, [t('severity'), t('code'), t('message'), t('evidence')].map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, e.flags.map((f) => h('tr', {}, h('td', {}, badge(f.severity)), h('td', { text: f.code }),
      h('td', { text: f.message }), h('td', { text: f.evidence.join(', ') })))));
  return h('section', { class: 'evaluation', 'data-evaluation': e.evaluationId || '' },
    h('h3', {}, t('outcome') + ': ', badge(e.outcome)),
    h('p', {}, t('officerId') + ': ' + e.officerId + ' · ' + t('unit') + ': ' + e.unit + ' · ' + t('validUntil') + ': '
      + (e.validUntil || '—')),
    h('h3', { text: t('flags') }), flags,
    h('h3', { text: t('firedRules') }),
    h('ol', { class: 'timeline' }, e.firedRules.map((r) => h('li', {}, r.rule + (r.flag ? ' → ' + r.flag : '')))),
    h('p', { class: 'muted', text: t('rulesetVersion') + ': ' + e.rulesetVersion }));
}

function evaluationView(e) {
  view(t('evaluation'), evaluationBlock(e));
}

// ---- adjudicators -----------------------------------------------------------------------------

async function queueView() {
  const r = await api('GET', '/adjudications/queue');
  if (r.status !== 200) { showError(r); return; }
  const rows = r.data.map((c) => h('tr', {}, h('td', { text: c.officerId }), h('td', { text: c.unit }),
    h('td', {}, badge(c.status)), h('td', {}, badge(c.outcome)), h('td', { text: c.evaluatedAt }),
    h('td', { text: c.firstApprovalBy ? t('awaitingSecond', c.firstApprovalBy) : '' }),
    h('td', {}, h('button', { type: 'button', 'data-open': c.evaluationId, onclick: () => caseView(c) }, t('open')))));
  view(t('queue'), rows.length ? h('table', { id: 'queue' },
    h('thead', {}, h('tr', {}, [t('officerId'), t('unit'), t('status'), t('outcome'), t('evaluatedAt'), '', ''].map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, rows)) : h('p', { text: t('nothing') }));
}

async function caseView(c) {
  const r = await api('GET', '/evaluations/' + encodeURIComponent(c.evaluationId));
  if (r.status !== 200) { showError(r); return; }
  const e = r.data;
  const history = await api('GET', '/officers/' + encodeURIComponent(e.officerId) + '/clearances');
  const past = await api('GET', '/officers/' + encodeURIComponent(e.officerId) + '/evaluations');
  const disqualifying = [...new Set(e.flags.filter((f) => f.severity === 'DISQUALIFYING').map((f) => f.code))];
  const decision = h('select', { name: 'decision' }, h('option', { value: 'GRANT', text: t('grant') }), h('option', { value: 'DENY', text: t('deny') }));
  const reasons = h('textarea', { name: 'reasons', required: true });
  reasons.dataset.field = 'reasons';
  const conditions = h('textarea', { name: 'conditions' });
  const waive = disqualifying.map((code) => h('label', {}, h('input', { type: 'checkbox', name: 'waive', value: code, checked: true }), ' ' + code));
  const form = h('form', { id: 'decide', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!reasons.value.trim()) { mark(reasons, t('required')); say(t('fixErrors'), true); return; }
    const body = { decision: decision.value, reasons: reasons.value };
    if (decision.value === 'GRANT') {
      body.conditions = conditions.value.split('\n').map((s) => s.trim()).filter(Boolean);
      body.waive = [...form.querySelectorAll('input[name="waive"]:checked')].map((i) => i.value);
    }
    const d = await api('POST', '/evaluations/' + encodeURIComponent(e.evaluationId) + '/adjudication', JSON.stringify(body));
    if (d.status !== 200) { showFieldErrors(form, d); return; }
    say(d.data.stage === 'FIRST_APPROVAL' ? t('awaitingSecond', d.data.adjudicator) : t('done'));
    queueView();
  } }, field(t('decision'), decision), field(t('reasons'), reasons), field(t('conditions'), conditions),
  waive.length ? h('fieldset', {}, h('legend', { text: t('waive') }), waive) : null,
  h('p', {}, h('button', { type: 'submit', text: t('decide') })));
  view(t('decide') + ': ' + e.officerId, c.firstApprovalBy ? h('p', { class: 'error', text: t('awaitingSecond', c.firstApprovalBy) }) : null,
    evaluationBlock(e), h('h3', { text: t('clearances') }),
    history.status === 200 ? clearanceTable(history.data) : null,
    h('h3', { text: t('officerHistory') }),
    past.status === 200 ? h('table', { id: 'officer-history' }, h('tbody', {}, past.data.map((p) => h('tr', {},
      h('td', { text: p.evaluatedAt }), h('td', { text: p.unit }), h('td', {}, badge(p.outcome)), h('td', { text: p.evaluatedBy }))))) : null,
    form);
}

// ---- commanders -------------------------------------------------------------------------------

function clearanceTable(items, withOfficer = false) {
  return h('table', { class: 'clearances' },
    h('thead', {}, h('tr', {}, [withOfficer ? t('officerId') : null, t('unit'), t('status'), t('validUntil'),
      t('conditions'), t('revettingDue'), t('updatedAt')].filter(Boolean).map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, items.map((c) => h('tr', { 'data-officer': c.officerId },
      withOfficer ? h('td', { text: c.officerId }) : null, h('td', { text: c.unit }), h('td', {}, badge(c.status)),
      h('td', { text: c.validUntil || '—' }), h('td', { text: c.conditions.join('; ') }),
      h('td', { text: c.revettingDue ? t('yes') : t('no') }), h('td', { text: c.updatedAt })))));
}

async function rosterView() {
  const units = state.me.roles.includes('AUDITOR') || state.me.roles.includes('ADMIN') ? state.units : state.me.units;
  const unit = h('select', { name: 'unit' }, units.map((u) => h('option', { value: u, text: u })));
  const status = h('select', { name: 'status' }, h('option', { value: '', text: t('any') }),
    ENUMS.clearance.map((s) => h('option', { value: s, text: s })));
  const sort = h('select', { name: 'sort' }, h('option', { value: 'due', text: t('revettingDue') }),
    h('option', { value: 'officer', text: t('officerId') }), h('option', { value: 'valid', text: t('validUntil') }));
  const out = h('div', { id: 'roster' });
  const load = async () => {
    const r = await api('GET', '/units/' + encodeURIComponent(unit.value) + '/roster?limit=1000'
      + (status.value ? '&status=' + status.value : ''));
    if (r.status !== 200) { showError(r); return; }
    const items = [...r.data.items];
    if (sort.value === 'due') items.sort((a, b) => (b.revettingDue - a.revettingDue) || a.officerId.localeCompare(b.officerId));
    if (sort.value === 'valid') items.sort((a, b) => (a.validUntil || '9999').localeCompare(b.validUntil || '9999'));
    out.replaceChildren(items.length ? clearanceTable(items, true) : h('p', { text: t('nothing') }));
  };
  [unit, status, sort].forEach((s) => s.addEventListener('change', load));
  view(t('roster'), h('div', { class: 'row' }, field(t('unit'), unit), field(t('filter'), status), field(t('sortBy'), sort)), out);
  await load();
}

// ---- auditors ---------------------------------------------------------------------------------

async function historyView() {
  const filters = ['officerId', 'unit', 'rule', 'flag', 'outcome', 'actor', 'from', 'to'];
  const inputs = {};
  for (const f of filters) {
    inputs[f] = f === 'outcome' ? h('select', { name: f }, h('option', { value: '', text: t('any') }), ENUMS.outcome.map((o) => h('option', { value: o, text: o })))
      : h('input', { name: f, type: f === 'from' || f === 'to' ? 'date' : 'text' });
  }
  const out = h('div', { id: 'results' });
  const query = () => filters.filter((f) => inputs[f].value).map((f) => f + '=' + encodeURIComponent(inputs[f].value)).join('&');
  const load = async (cursor) => {
    const r = await api('GET', '/audit/evaluations?' + query() + (cursor ? '&cursor=' + cursor : ''));
    if (r.status !== 200) { showError(r); return; }
    out.replaceChildren(h('table', { id: 'history' },
      h('thead', {}, h('tr', {}, ['#', t('evaluatedAt'), t('officerId'), t('unit'), t('outcome'), t('actor'), ''].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, r.data.items.map((e) => h('tr', {}, h('td', { text: e.sequence }), h('td', { text: e.evaluatedAt }),
        h('td', { text: e.officerId }), h('td', { text: e.unit }), h('td', {}, badge(e.outcome)), h('td', { text: e.evaluatedBy }),
        h('td', {}, h('button', { type: 'button', 'data-open': e.evaluationId, onclick: () => auditEvaluationView(e.evaluationId) }, t('open'))))))),
    r.data.next ? h('button', { type: 'button', class: 'secondary', onclick: () => load(r.data.next) }, t('next')) : null);
  };
  const csv = async () => {
    const r = await api('GET', '/audit/evaluations?format=csv&limit=1000&' + query(), undefined, 'text/csv');
    if (r.status !== 200) { showError(r); return; }
    const a = h('a', { href: URL.createObjectURL(r.data), download: 'evaluations.csv' });
    document.body.append(a);
    a.click();
    a.remove();
  };
  view(t('history'), h('form', { id: 'search', onsubmit: (ev) => { ev.preventDefault(); load(); } },
    h('div', { class: 'row' }, filters.map((f) => field(t(f), inputs[f]))),
    h('p', {}, h('button', { type: 'submit', text: t('search') }), ' ',
      h('button', { type: 'button', class: 'secondary', id: 'csv', onclick: csv }, t('exportCsv')))), out);
  await load();
}

async function auditEvaluationView(id) {
  const r = await api('GET', '/audit/evaluations/' + encodeURIComponent(id));
  if (r.status !== 200) { showError(r); return; }
  const result = h('div', { id: 'replay-result', role: 'status' });
  const replay = async () => {
    const p = await api('GET', '/audit/evaluations/' + encodeURIComponent(id) + '/replay');
    if (p.status !== 200) { showError(p); return; }
    result.replaceChildren(p.data.matches ? h('p', { text: t('replayMatches') })
      : h('div', {}, h('p', { class: 'error', text: t('replayDiffers') }), h('ul', {}, p.data.differences.map((d) => h('li', { text: d })))));
  };
  view(t('evaluation') + ' #' + r.data.sequence, evaluationBlock(r.data),
    h('p', { class: 'muted', text: 'hash ' + r.data.hash + ' · previous ' + r.data.previousHash }),
    h('p', {}, h('button', { type: 'button', id: 'replay', onclick: replay }, t('replay'))), result,
    h('h3', { text: t('input') }), h('pre', { text: JSON.stringify(r.data.input, null, 2) }));
}

async function chainView() {
  const out = h('div', { id: 'chain-result', role: 'status' });
  const verify = async () => {
    const r = await api('GET', '/audit/verify');
    if (r.status !== 200) { showError(r); return; }
    out.replaceChildren(h('p', { class: r.data.valid ? '' : 'error', text: r.data.valid ? t('chainValid', r.data.entries)
      : t('chainBroken', r.data.firstInvalid, r.data.problem) }));
  };
  view(t('chain'), h('button', { type: 'button', id: 'verify', onclick: verify }, t('verify')), out);
  await verify();
}

async function accessLogView() {
  const officer = h('input', { name: 'officerId' });
  const user = h('input', { name: 'username' });
  const out = h('div');
  const load = async () => {
    const q = [officer.value ? 'officerId=' + encodeURIComponent(officer.value) : '', user.value ? 'username=' + encodeURIComponent(user.value) : '']
      .filter(Boolean).join('&');
    const r = await api('GET', '/audit/access-log?limit=1000&' + q);
    if (r.status !== 200) { showError(r); return; }
    out.replaceChildren(h('table', { id: 'access' },
      h('thead', {}, h('tr', {}, [t('when'), t('username'), t('officerId'), t('path'), t('status')].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, r.data.items.map((e) => h('tr', {}, h('td', { text: e.at }), h('td', { text: e.username || '' }),
        h('td', { text: e.officerId || '' }), h('td', { text: e.method + ' ' + e.path }), h('td', { text: e.status }))))));
  };
  view(t('accessLog'), h('form', { onsubmit: (ev) => { ev.preventDefault(); load(); } },
    h('div', { class: 'row' }, field(t('officerId'), officer), field(t('username'), user),
      h('button', { type: 'submit', text: t('filter') }))), out);
  await load();
}

// ---- administrators ---------------------------------------------------------------------------

function usersView() {
  const roles = ENUMS.roles.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'roles', value: r }), ' ' + r));
  const unitBoxes = state.units.map((u) => h('label', {}, h('input', { type: 'checkbox', name: 'units', value: u }), ' ' + u));
  const form = h('form', { id: 'new-user', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = {
      username: form.querySelector('[data-field="username"]').value,
      password: form.querySelector('[data-field="password"]').value,
      roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((i) => i.value),
      units: [...form.querySelectorAll('input[name="units"]:checked')].map((i) => i.value),
    };
    const officerId = form.querySelector('[data-field="officerId"]').value;
    if (officerId) body.officerId = officerId;
    const r = await api('POST', '/users', JSON.stringify(body));
    if (r.status !== 201) { showFieldErrors(form, r); return; }
    say(t('saved') + ' ' + r.data.username);
    form.reset();
  } }, basicInput('username', 'text', true), basicInput('password', 'password', true), basicInput('officerId'),
  h('fieldset', {}, h('legend', { text: t('roles') }), roles), h('fieldset', {}, h('legend', { text: t('units') }), unitBoxes),
  h('p', {}, h('button', { type: 'submit', text: t('create') })));
  const list = h('div', { id: 'user-list' });
  const load = async () => {
    const r = await api('GET', '/users');
    if (r.status !== 200) { showError(r); return; }
    list.replaceChildren(h('table', {}, h('thead', {}, h('tr', {}, [t('username'), t('roles'), t('units'), t('enabled'), ''].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, r.data.map((u) => h('tr', { 'data-user': u.username }, h('td', { text: u.username }), h('td', { text: u.roles.join(', ') }),
        h('td', { text: u.units.join(', ') }), h('td', { text: u.enabled ? t('yes') : t('no') }),
        h('td', {}, u.enabled && u.username !== state.me.username ? h('button', { type: 'button', class: 'secondary', 'data-disable': u.username,
          onclick: async () => { const d = await api('POST', '/users/' + encodeURIComponent(u.username) + '/disable', '{}');
            if (d.status === 200) { say(t('saved') + ' ' + u.username); load(); } else showError(d); } }, t('disable')) : null))))));
  };
  form.addEventListener('submit', () => setTimeout(load, 300));
  view(t('users'), form, list);
  load();
}

async function ruleSetView() {
  const r = await api('GET', '/rulesets/active');
  if (r.status !== 200) { showError(r); return; }
  const errors = h('div', { id: 'reload-result', role: 'status' });
  const reload = async () => {
    const x = await api('POST', '/rulesets/reload', '{}');
    if (x.status === 200) { say(t('reloaded', x.data.version.slice(0, 12))); ruleSetView(); return; }
    showError(x);
    errors.replaceChildren(h('ul', { class: 'error' }, ((x.data && x.data.errors) || []).map((e) => h('li', { text: e.field + ': ' + e.message }))));
  };
  view(t('ruleSet'), h('p', { text: t('rulesetVersion') + ': ' + r.data.version + ' (' + r.data.activatedAt + ')' }),
    h('p', {}, h('button', { type: 'button', id: 'reload', onclick: reload }, t('reload'))), errors,
    h('table', { id: 'rules' }, h('thead', {}, h('tr', {}, [t('rule'), t('category'), t('code'), t('severity'), t('waivable')].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, r.data.rules.map((x) => h('tr', {}, h('td', { text: x.name }), h('td', { text: x.category }),
        h('td', { text: x.code || '' }), h('td', {}, x.severity ? badge(x.severity) : ''), h('td', { text: x.waivable == null ? '' : (x.waivable ? t('yes') : t('no')) }))))),
    h('h3', { text: t('units') }),
    h('table', { id: 'units' }, h('tbody', {}, r.data.units.map((u) => h('tr', {}, h('td', { text: u.code }), h('td', { text: u.name }),
      h('td', { text: Object.entries(u.requiredExams).map(([k, v]) => k + ' ' + v).join(', ') }))))));
}

renderChrome();
