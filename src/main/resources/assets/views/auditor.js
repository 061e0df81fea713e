// Auditors: the decision history with every filter and its CSV export, one evaluation with its
// input, hashes and replay, the chain check, and the access log.
import { api, seg } from '../lib/api.js';
import { h, field, badge, table, view, fill, showError, download } from '../lib/dom.js';
import { moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { schema } from '../record/schema.js';
import { evaluationBlock } from './evaluation.js';
import { go } from '../lib/router.js';

export async function historyView() {
  const filters = ['officerId', 'unit', 'rule', 'flag', 'outcome', 'actor', 'from', 'to'];
  const inputs = {};
  for (const f of filters) {
    inputs[f] = f === 'outcome'
      ? h('select', { name: f }, h('option', { value: '', text: t('any') }),
        schema().enums.outcome.map((o) => h('option', { value: o, text: o })))
      : h('input', { name: f, type: f === 'from' || f === 'to' ? 'date' : 'text' });
  }
  const out = h('div', { id: 'results' });
  const query = () => filters.filter((f) => inputs[f].value).map((f) => f + '=' + encodeURIComponent(inputs[f].value))
    .join('&');
  const load = async (cursor) => {
    const r = await api('GET', '/audit/evaluations?' + query() + (cursor ? '&cursor=' + cursor : ''));
    if (r.status !== 200) { showError(r); return; }
    fill(out, table({ id: 'history' },
      ['#', t('evaluatedAt'), t('officerId'), t('name'), t('unit'), t('outcome'), t('actor'), ''],
      r.data.items.map((e) => h('tr', {}, h('td', { text: e.sequence }), h('td', { text: moment(e.evaluatedAt) }),
        h('td', { text: e.officerId }), h('td', { text: e.officerName || '' }), h('td', { text: e.unit }),
        h('td', {}, badge(e.outcome), e.adverseCase ? [' ', h('button', { type: 'button', class: 'secondary',
          'data-case': e.adverseCase.caseId, onclick: () => go('/cases/' + e.adverseCase.caseId) },
        t('adverseCase') + ': ' + t('stage_' + e.adverseCase.stage))] : null),
        h('td', { text: e.evaluatedBy }),
        h('td', {}, h('button', { type: 'button', 'data-open': e.evaluationId,
          onclick: () => go('/evaluations/' + e.evaluationId) }, t('open')))))),
    r.data.next ? h('button', { type: 'button', class: 'secondary', onclick: () => load(r.data.next) }, t('next')) : null);
  };
  const csv = async () => {
    const r = await api('GET', '/audit/evaluations?format=csv&limit=1000&' + query(), undefined, 'text/csv');
    if (r.status !== 200) { showError(r); return; }
    download(r.data, 'evaluations.csv');
  };
  view(t('history'), h('form', { id: 'search', onsubmit: (ev) => { ev.preventDefault(); load(); } },
    h('div', { class: 'row' }, filters.map((f) => field(t(f), inputs[f]))),
    h('p', {}, h('button', { type: 'submit', text: t('search') }), ' ',
      h('button', { type: 'button', class: 'secondary', id: 'csv', onclick: csv }, t('exportCsv')))), out);
  await load();
}

export async function auditEvaluationView(id) {
  const r = await api('GET', '/audit/evaluations/' + seg(id));
  if (r.status !== 200) { showError(r); return; }
  const result = h('div', { id: 'replay-result', role: 'status' });
  const replay = async () => {
    const p = await api('GET', '/audit/evaluations/' + seg(id) + '/replay');
    if (p.status !== 200) { showError(p); return; }
    fill(result, p.data.matches ? h('p', { text: t('replayMatches') })
      : h('div', {}, h('p', { class: 'error', text: t('replayDiffers') }),
        h('ul', {}, p.data.differences.map((d) => h('li', { text: d })))));
  };
  view(t('evaluation') + ' #' + r.data.sequence, evaluationBlock(r.data),
    h('p', { class: 'muted', text: 'hash ' + r.data.hash + ' · previous ' + r.data.previousHash }),
    h('p', {}, h('button', { type: 'button', id: 'replay', onclick: replay }, t('replay'))), result,
    h('h3', { text: t('input') }), h('pre', { text: JSON.stringify(r.data.input, null, 2) }));
}

export async function chainView() {
  const out = h('div', { id: 'chain-result', role: 'status' });
  const verify = async () => {
    const r = await api('GET', '/audit/verify');
    if (r.status !== 200) { showError(r); return; }
    fill(out, h('p', { class: r.data.valid ? '' : 'error', text: r.data.valid ? t('chainValid', r.data.entries)
      : t('chainBroken', r.data.firstInvalid, r.data.problem) }));
  };
  view(t('chain'), h('button', { type: 'button', id: 'verify', onclick: verify }, t('verify')), out);
  await verify();
}

export async function accessLogView() {
  const officer = h('input', { name: 'officerId' });
  const user = h('input', { name: 'username' });
  const out = h('div');
  const load = async () => {
    const q = [officer.value ? 'officerId=' + encodeURIComponent(officer.value) : '',
      user.value ? 'username=' + encodeURIComponent(user.value) : ''].filter(Boolean).join('&');
    const r = await api('GET', '/audit/access-log?limit=1000&' + q);
    if (r.status !== 200) { showError(r); return; }
    fill(out, table({ id: 'access' }, [t('when'), t('username'), t('officerId'), t('path'), t('status')],
      r.data.items.map((e) => h('tr', {}, h('td', { text: moment(e.at) }), h('td', { text: e.username || '' }),
        h('td', { text: e.officerId || '' }), h('td', { text: e.method + ' ' + e.path }), h('td', { text: e.status })))));
  };
  view(t('accessLog'), h('form', { onsubmit: (ev) => { ev.preventDefault(); load(); } },
    h('div', { class: 'row' }, field(t('officerId'), officer), field(t('username'), user),
      h('button', { type: 'submit', text: t('filter') }))), out);
  await load();
}
