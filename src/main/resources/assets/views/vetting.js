// Vetting officers: submit a candidate (form or JSON upload), add records to an officer on file.
import { api, seg } from '../lib/api.js';
import { h, field, view, say, basicInput, showFieldErrors } from '../lib/dom.js';
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
