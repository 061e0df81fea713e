// Corrections take two people: a vetting officer proposes (records to remove, records to replace,
// reasons); an adjudicator who is neither the proposer nor the officer approves or rejects.
import { api, seg } from '../lib/api.js';
import { h, field, table, view, say, basicInput, mark, clearErrors, showError, showFieldErrors } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { collectLists, listEditors } from '../record/editor.js';
import { evaluationBlock } from './evaluation.js';

export function proposeView() {
  const remove = h('input', { name: 'remove' });
  remove.dataset.field = 'remove';
  const reasons = h('textarea', { name: 'reasons' });
  reasons.dataset.field = 'reasons';
  const replace = h('fieldset', { class: 'replace' }, h('legend', { text: t('replaceRecords') }), listEditors());
  const form = h('form', { id: 'propose', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!reasons.value.trim()) { mark(reasons, t('required')); say(t('fixErrors'), true); return; }
    const id = form.querySelector('[data-field="officerId"]').value;
    const body = {
      remove: remove.value.split(',').map((s) => s.trim()).filter(Boolean),
      replace: collectLists(replace, true),
      reasons: reasons.value,
    };
    const r = await api('POST', '/officers/' + seg(id) + '/corrections', JSON.stringify(body));
    if (r.status !== 201) { showFieldErrors(form, r); return; }
    say(t('correctionProposed'));
    form.reset();
  } }, basicInput('officerId', 'text', true), field(t('removeKeys'), remove), replace,
  field(t('reasons'), reasons), h('p', {}, h('button', { type: 'submit', text: t('send') })));
  view(t('proposeCorrection'), form);
}

export async function correctionsView() {
  const r = await api('GET', '/corrections?status=PENDING&limit=1000');
  if (r.status !== 200) { showError(r); return; }
  const rows = r.data.items.map((c) => h('tr', { 'data-correction': c.correctionId },
    h('td', { text: c.officerId }), h('td', { text: c.proposedBy }), h('td', { text: c.reasons }),
    h('td', { text: c.remove.join(', ') }), h('td', {}, h('pre', { text: JSON.stringify(c.replace, null, 1) })),
    h('td', {}, h('button', { type: 'button', 'data-open': c.correctionId, onclick: () => decideView(c) }, t('open')))));
  view(t('corrections'), rows.length
    ? table({ id: 'corrections' }, [t('officerId'), t('proposedBy'), t('reasons'), t('removeKeys'), t('replaceRecords'), ''], rows)
    : h('p', { text: t('nothing') }));
}

function decideView(c) {
  const reasons = h('textarea', { name: 'reasons' });
  reasons.dataset.field = 'reasons';
  const decide = async (how) => {
    clearErrors(form);
    if (!reasons.value.trim()) { mark(reasons, t('required')); say(t('fixErrors'), true); return; }
    const r = await api('POST', '/corrections/' + seg(c.correctionId) + '/' + how, JSON.stringify({ reasons: reasons.value }));
    if (r.status !== 200) { showFieldErrors(form, r); return; }
    say(t('done'));
    if (how === 'approve') view(t('corrections'), ...r.data.evaluations.map(evaluationBlock));
    else correctionsView();
  };
  const form = h('form', { id: 'decide-correction', novalidate: true, onsubmit: (ev) => ev.preventDefault() },
    field(t('decisionReasons'), reasons),
    h('p', {}, h('button', { type: 'button', id: 'approve', onclick: () => decide('approve') }, t('approve')), ' ',
      h('button', { type: 'button', class: 'secondary', id: 'reject', onclick: () => decide('reject') }, t('reject'))));
  view(t('corrections') + ': ' + c.officerId,
    h('p', {}, t('proposedBy') + ': ' + c.proposedBy), h('p', {}, t('reasons') + ': ' + c.reasons),
    h('p', {}, t('removeKeys') + ': ' + (c.remove.join(', ') || '—')),
    h('pre', { text: JSON.stringify(c.replace, null, 2) }), form);
}
