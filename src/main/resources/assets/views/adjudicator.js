// Adjudicators: the queue, and a case page with the full evaluation, the officer's clearances and
// history, and the decision form (reasons required; a waiver lists the codes it waives).
import { api, seg } from '../lib/api.js';
import { h, field, badge, table, view, say, mark, clearErrors, showError, showFieldErrors } from '../lib/dom.js';
import { moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { evaluationBlock } from './evaluation.js';
import { clearanceTable } from './commander.js';

export async function queueView() {
  const r = await api('GET', '/adjudications/queue?limit=1000');
  if (r.status !== 200) { showError(r); return; }
  const rows = r.data.items.map((c) => h('tr', {}, h('td', { text: c.officerId }),
    h('td', { text: [c.givenName, c.familyName].filter(Boolean).join(' ') }), h('td', { text: c.unit }),
    h('td', {}, badge(c.status)), h('td', {}, badge(c.outcome)), h('td', { text: moment(c.evaluatedAt) }),
    h('td', { text: c.firstApprovalBy ? t('awaitingSecond', c.firstApprovalBy) : '' }),
    h('td', {}, h('button', { type: 'button', 'data-open': c.evaluationId, onclick: () => caseView(c) }, t('open')))));
  view(t('queue'), rows.length
    ? table({ id: 'queue' }, [t('officerId'), t('name'), t('unit'), t('status'), t('outcome'), t('evaluatedAt'), '', ''], rows)
    : h('p', { text: t('nothing') }));
}

async function caseView(c) {
  const r = await api('GET', '/evaluations/' + seg(c.evaluationId));
  if (r.status !== 200) { showError(r); return; }
  const e = r.data;
  const clearances = await api('GET', '/officers/' + seg(e.officerId) + '/clearances');
  const past = await api('GET', '/officers/' + seg(e.officerId) + '/evaluations?limit=1000');
  const disqualifying = [...new Set(e.flags.filter((f) => f.severity === 'DISQUALIFYING').map((f) => f.code))];
  const decision = h('select', { name: 'decision' }, h('option', { value: 'GRANT', text: t('grant') }),
    h('option', { value: 'DENY', text: t('deny') }));
  const reasons = h('textarea', { name: 'reasons', required: true });
  reasons.dataset.field = 'reasons';
  const conditions = h('div', { class: 'rows', id: 'conditions' });
  const addCondition = () => conditions.append(h('div', { class: 'row condition' },
    field(t('commanderText'), h('input', { name: 'commander', size: 50 })),
    field(t('fileNote'), h('input', { name: 'note', size: 40 }))));
  addCondition();
  const waive = disqualifying.map((code) => h('label', {},
    h('input', { type: 'checkbox', name: 'waive', value: code, checked: true }), ' ' + code));
  const form = h('form', { id: 'decide', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!reasons.value.trim()) { mark(reasons, t('required')); say(t('fixErrors'), true); return; }
    const body = { decision: decision.value, reasons: reasons.value };
    if (decision.value === 'GRANT') {
      body.conditions = [...conditions.querySelectorAll('.condition')].map((row) => ({
        commander: row.querySelector('[name=commander]').value.trim(),
        note: row.querySelector('[name=note]').value.trim() || null,
      })).filter((c) => c.commander);
      body.waive = [...form.querySelectorAll('input[name="waive"]:checked')].map((i) => i.value);
    }
    const d = await api('POST', '/evaluations/' + seg(e.evaluationId) + '/adjudication', JSON.stringify(body));
    if (d.status !== 200) { showFieldErrors(form, d); return; }
    say(d.data.stage === 'FIRST_APPROVAL' ? t('awaitingSecond', d.data.adjudicator) : t('done'));
    queueView();
  } }, field(t('decision'), decision), field(t('reasons'), reasons), h('fieldset', {}, h('legend', { text: t('clearanceConditions') }), conditions,
    h('button', { type: 'button', class: 'secondary', id: 'add-condition', onclick: addCondition }, t('addCondition'))),
  waive.length ? h('fieldset', {}, h('legend', { text: t('waive') }), waive) : null,
  h('p', {}, h('button', { type: 'submit', text: t('decide') })));
  view(t('decide') + ': ' + e.officerId,
    c.firstApprovalBy ? h('p', { class: 'error', text: t('awaitingSecond', c.firstApprovalBy) }) : null,
    evaluationBlock(e), h('h3', { text: t('clearances') }),
    clearances.status === 200 ? clearanceTable(clearances.data) : null,
    h('h3', { text: t('officerHistory') }),
    past.status === 200 ? h('table', { id: 'officer-history' }, h('tbody', {}, past.data.items.map((p) => h('tr', {},
      h('td', { text: moment(p.evaluatedAt) }), h('td', { text: p.unit }), h('td', {}, badge(p.outcome)),
      h('td', { text: p.evaluatedBy }))))) : null,
    form);
}
