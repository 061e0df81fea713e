// Vetting officers: submit a candidate (form or JSON upload), a batch of candidates from a file, add
// records to an officer on file.
import { api, seg } from '../lib/api.js';
import { h, field, view, fill, say, basicInput, showFieldErrors, table } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { session } from '../lib/session.js';
import { check, collectLists, listEditors } from '../record/editor.js';
import { evaluationBlock, evaluationView } from './evaluation.js';

export function submitView() {
  const unit = h('select', { name: 'targetUnit' }, session.units.map((u) => h('option', { value: u, text: u })));
  unit.dataset.field = 'targetUnit';
  // the officer's country: one of those the vetting officer may act in
  const country = h('select', { name: 'country' }, [...session.me.countries].sort()
    .map((c) => h('option', { value: c, text: c })));
  country.dataset.field = 'country';
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
      Object.assign(record, collectLists(form));
      body = JSON.stringify(record);
    }
    say(t('loading'));
    const r = await api('POST', '/candidates', body);
    if (r.status === 201) { say(t('done')); evaluationView(r.data); } else showFieldErrors(form, r);
  } },
  h('fieldset', { class: 'basic' }, h('legend', { text: t('officer') }),
    basicInput('officerId', 'text', true), basicInput('givenName'), basicInput('familyName'),
    basicInput('serviceStartDate', 'date', true), field(t('country'), country), field(t('targetUnit'), unit),
    basicInput('agency')),
  listEditors(),
  h('fieldset', {}, h('legend', { text: t('uploadJson') }), field('JSON', file), json),
  h('p', {}, h('button', { type: 'submit', text: t('send') })));
  view(t('submit'), form);
}

export function addRecordsView() {
  const form = h('form', { id: 'records', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!check(form)) return;
    const body = collectLists(form, true);
    const id = form.querySelector('[data-field="officerId"]').value;
    const r = await api('POST', '/officers/' + seg(id) + '/records', JSON.stringify(body));
    if (r.status !== 200) { showFieldErrors(form, r); return; }
    say(t('done'));
    view(t('addRecords'), ...r.data.evaluations.map(evaluationBlock));
  } }, basicInput('officerId', 'text', true), listEditors(),
  h('p', {}, h('button', { type: 'submit', text: t('send') })));
  view(t('addRecords'), form);
}

/** Up to this many records per call: the progress bar moves after each. */
const CHUNK = 50;

/**
 * Batch intake: a JSON file (an array of records, or {"records": [...]}) or NDJSON (one record per
 * line), sent in chunks; a progress bar while it runs, then one row per record with its result.
 */
export function batchView() {
  const file = h('input', { type: 'file', name: 'batch', accept: '.json,.ndjson,.jsonl,application/json' });
  const progress = h('progress', { id: 'batch-progress', max: 1, value: 0, hidden: true });
  const counter = h('span', { id: 'batch-counter' });
  const out = h('div', { id: 'batch-results' });
  const form = h('form', { id: 'batch', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!file.files.length) { say(t('chooseBatch'), true); return; }
    let records;
    try {
      records = parseBatch(await file.files[0].text());
    } catch (e) {
      say(t('batchUnreadable', e.message), true);
      return;
    }
    if (!records.length) { say(t('chooseBatch'), true); return; }
    progress.hidden = false;
    progress.max = records.length;
    progress.value = 0;
    const results = [];
    for (let i = 0; i < records.length; i += CHUNK) {
      const r = await api('POST', '/candidates/batch', JSON.stringify({ records: records.slice(i, i + CHUNK) }));
      if (r.status !== 200) { showFieldErrors(form, r); return; }
      results.push(...r.data.results.map((x) => ({ ...x, index: x.index + i })));
      progress.value = Math.min(records.length, i + CHUNK);
      counter.textContent = ' ' + progress.value + ' / ' + records.length;
    }
    const stored = results.filter((x) => x.status === 201).length;
    say(t('batchDone', stored, results.length - stored));
    fill(out, table({ id: 'batch-table' }, [t('row'), t('officerId'), t('status'), t('outcome'), t('problem')],
      results.map((x) => h('tr', { 'data-status': x.status }, h('td', { text: x.index + 1 }),
        h('td', { text: x.officerId || '' }), h('td', { text: x.status }),
        h('td', {}, x.evaluationId ? h('a', { href: '#', 'data-evaluation': x.evaluationId, onclick: async (e) => {
          e.preventDefault();
          const r = await api('GET', '/evaluations/' + seg(x.evaluationId));
          if (r.status === 200) evaluationView(r.data); else showFieldErrors(form, r);
        } }, x.outcome) : ''),
        h('td', { text: x.status === 201 ? '' : refusal(x) })))));
  } }, field(t('batchFile'), file), h('p', { class: 'hint', text: t('batchHint') }),
  h('p', {}, h('button', { type: 'submit', text: t('send') }), ' ', progress, counter));
  view(t('batch'), form, out);
}

/** Why a row was refused: each field's error, or the refusal's message when it names none. */
function refusal(x) {
  return x.errors && x.errors.length ? x.errors.map((e) => e.field + ': ' + e.message).join('; ') : (x.message || '');
}

/** A JSON array, {"records": [...]}, or one JSON record per line. */
function parseBatch(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  if (trimmed.startsWith('{') && !trimmed.includes('\n')) {
    const one = JSON.parse(trimmed);
    return Array.isArray(one.records) ? one.records : [one];
  }
  try {
    const whole = JSON.parse(trimmed);
    if (Array.isArray(whole.records)) return whole.records;
  } catch (notOneDocument) {
    // NDJSON: one record per line
  }
  return trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}
