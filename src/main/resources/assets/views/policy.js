// Policy officers: propose a rule set (a folder or files, or one file of the active set edited),
// read what it changes, backtest it over everyone on file (progress bar, then the from × to chart),
// and approve or reject another officer's proposal.
import { api, seg } from '../lib/api.js';
import { h, badge, table, view, fill, say, field, showError, showFieldErrors, clearErrors, download } from '../lib/dom.js';
import { day, moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { session } from '../lib/session.js';
import { el } from '../lib/svg.js';
import { schema } from '../record/schema.js';


/** The list of versions and the two ways to propose one. */
export async function policyView() {
  const r = await api('GET', '/rulesets');
  if (r.status !== 200) { showError(r); return; }
  const list = table({ id: 'versions' }, [t('version'), t('status'), t('description'), t('proposedBy'), t('when'),
    t('scenariosCol'), ''], r.data.map((v) => h('tr', { 'data-version': v.version },
    h('td', {}, h('code', { text: v.version.slice(0, 12) })), h('td', {}, badge(v.status)),
    h('td', { text: v.description }), h('td', { text: v.proposedBy }),
    h('td', { text: moment(v.createdAt) }),
    h('td', { text: v.scenarios.passed + ' / ' + (v.scenarios.passed + v.scenarios.failed) }),
    h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-open': v.version,
      onclick: () => versionView(v.version) }, t('open'))))));
  view(t('policy'), list, await proposeForm(r.data.find((v) => v.status === 'ACTIVE')));
}

/** A proposal: every file of a set (from a folder, or chosen files), or the active set with one file edited. */
async function proposeForm(active) {
  const description = h('textarea', { name: 'description', rows: 2, required: true });
  description.dataset.field = 'description';
  const files = h('input', { type: 'file', name: 'files', multiple: true, accept: '.drl,.yml,.yaml' });
  files.dataset.field = 'files';
  const folder = h('input', { type: 'file', name: 'folder', webkitdirectory: true });
  const activeFiles = active ? (await api('GET', '/rulesets/' + seg(active.version))).data.files : {};
  const pick = h('select', { name: 'edit' }, h('option', { value: '', text: '—' }),
    Object.keys(activeFiles).map((n) => h('option', { value: n, text: n })));
  const editor = h('textarea', { name: 'content', rows: 16, class: 'code', spellcheck: 'false' });
  pick.addEventListener('change', () => { editor.value = activeFiles[pick.value] || ''; });
  const errors = h('ul', { id: 'propose-errors', class: 'error' });
  const form = h('form', { id: 'propose', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    fill(errors);
    let set;
    const chosen = [...folder.files, ...files.files];
    if (chosen.length) {
      set = {};
      for (const f of chosen) set[setName(f)] = await f.text();
    } else if (pick.value) {
      set = { ...activeFiles, [pick.value]: editor.value };
    } else { say(t('chooseFiles'), true); return; }
    const x = await api('POST', '/rulesets', JSON.stringify({ description: description.value, files: set }));
    if (x.status !== 201) {
      showFieldErrors(form, x);
      fill(errors, ...((x.data && x.data.errors) || []).map((e) => h('li', { text: e.field + ': ' + e.message })));
      return;
    }
    say(t('proposed', x.data.version.slice(0, 12)));
    versionView(x.data.version);
  } }, h('h3', { text: t('propose') }), field(t('description'), description),
  field(t('uploadFolder'), folder), field(t('uploadFiles'), files),
  h('p', { class: 'hint', text: t('orEditOne') }), field(t('fileToEdit'), pick), field(t('content'), editor), errors,
  h('p', {}, h('button', { type: 'submit', text: t('propose') })));
  return form;
}

/** The name a file has in a set: its path inside the folder, or (chosen one by one) by its kind. */
function setName(file) {
  const path = file.webkitRelativePath ? file.webkitRelativePath.split('/').slice(1).join('/') : file.name;
  if (path.includes('/') || path.endsWith('.drl') || path === 'units.yml') return path;
  return 'scenarios/' + path;
}

/** One version: its state, what it changes, its backtest, and the decision. */
export async function versionView(version) {
  const r = await api('GET', '/rulesets/' + seg(version));
  if (r.status !== 200) { showError(r); return; }
  const v = r.data;
  const d = await api('GET', '/rulesets/' + seg(version) + '/diff');
  const facts = h('dl', { id: 'version-detail' },
    h('dt', { text: t('version') }), h('dd', {}, h('code', { text: v.version })),
    h('dt', { text: t('status') }), h('dd', {}, badge(v.status)),
    h('dt', { text: t('description') }), h('dd', { text: v.description }),
    h('dt', { text: t('proposedBy') }), h('dd', { text: v.proposedBy }),
    h('dt', { text: t('scenariosCol') }), h('dd', { id: 'scenario-result',
      text: t('scenarioCounts', v.scenarios.passed, v.scenarios.failed) }),
    v.approvedBy ? [h('dt', { text: t('approvedBy') }), h('dd', { text: v.approvedBy + ' — ' + v.reasons })] : null,
    v.rejectedBy ? [h('dt', { text: t('rejectedBy') }), h('dd', { text: v.rejectedBy + ' — ' + v.reasons })] : null,
    v.reevaluation ? [h('dt', { text: t('reevaluation') }), h('dd', { id: 'reevaluation',
      text: t('reevaluated', v.reevaluation.done, v.reevaluation.total, v.reevaluation.changed) })] : null);
  const failures = v.scenarios.failures.length
    ? h('ul', { class: 'error' }, v.scenarios.failures.map((f) => h('li', { text: f }))) : null;
  const backtest = h('section', { id: 'backtest' });
  const mine = v.proposedBy === session.me.username;
  const actions = v.status === 'DRAFT' ? [
    h('p', {}, h('button', { type: 'button', id: 'start-backtest', onclick: async () => {
      const b = await api('POST', '/rulesets/' + seg(version) + '/backtests', '{}');
      if (b.status !== 202) { showError(b); return; }
      follow(b.data.backtestId, backtest);
    } }, t('startBacktest'))),
    mine ? h('p', { class: 'hint', text: t('notYourOwn') }) : decisionForm(version),
  ] : null;
  view(t('version') + ' ' + version.slice(0, 12), facts, failures, d.status === 200 ? diffView(d.data) : null, backtest,
    actions);
  if (v.latestBacktestId) follow(v.latestBacktestId, backtest);
}

function decisionForm(version) {
  const reasons = h('textarea', { name: 'reasons', rows: 3 });
  reasons.dataset.field = 'reasons';
  const from = h('input', { type: 'date', name: 'effectiveFrom' });
  from.dataset.field = 'effectiveFrom';
  const decide = (how) => async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = { reasons: reasons.value };
    if (how === 'approve' && from.value) body.effectiveFrom = from.value;
    const x = await api('POST', '/rulesets/' + seg(version) + '/' + how, JSON.stringify(body));
    if (x.status !== 200) { showFieldErrors(form, x); return; }
    say(t('saved') + ' ' + x.data.status);
    versionView(version);
  };
  const form = h('form', { id: 'decide-version', novalidate: true, onsubmit: decide('approve') },
    h('h3', { text: t('decision') }), field(t('reasons'), reasons), field(t('effectiveFrom'), from),
    h('p', {}, h('button', { type: 'submit', id: 'approve-version', text: t('approve') }), ' ',
      h('button', { type: 'button', class: 'secondary', id: 'reject-version', onclick: decide('reject') }, t('reject'))));
  return form;
}

function diffView(d) {
  const rules = d.rules.map((x) => h('details', { class: 'rule-change' }, h('summary', {}, badge(x.change), ' ', x.name),
    h('div', { class: 'diff' }, h('pre', { class: 'before', text: x.before || '' }), h('pre', { class: 'after', text: x.after || '' }))));
  const units = d.units.length ? table({ id: 'unit-changes' }, [t('unit'), t('field'), t('before'), t('after')],
    d.units.map((u) => h('tr', {}, h('td', { text: u.unit }), h('td', { text: u.field }),
      h('td', { text: JSON.stringify(u.before) }), h('td', { text: JSON.stringify(u.after) })))) : null;
  const files = d.files.map((f) => h('li', {}, badge(f.change), ' ', f.file));
  return h('section', { id: 'diff' }, h('h3', { text: t('changesAgainst', d.against.slice(0, 12)) }),
    rules.length || units || files.length ? [rules, units, h('ul', {}, files)] : h('p', { text: t('nothing') }));
}

/** Follows a backtest: a progress bar while it runs, then the chart and the tables. */
async function follow(id, into) {
  const b = await api('GET', '/backtests/' + seg(id));
  if (b.status !== 200) { showError(b); return; }
  const x = b.data;
  if (x.status === 'RUNNING') {
    fill(into, h('h3', { text: t('backtest') }),
      h('progress', { id: 'backtest-progress', max: Math.max(x.total, 1), value: x.done }),
      h('span', { text: ' ' + x.done + ' / ' + x.total }));
    setTimeout(() => { if (into.isConnected) follow(id, into); }, 500);
    return;
  }
  if (x.status !== 'DONE') {
    fill(into, h('h3', { text: t('backtest') }), h('p', { class: 'error', text: x.status + ': ' + (x.error || '') }));
    return;
  }
  const csv = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const c = await api('GET', '/backtests/' + seg(id) + '?format=csv', undefined, 'text/csv');
    if (c.status === 200) download(c.data, 'backtest-' + id + '.csv'); else showError(c);
  } }, t('exportCsv'));
  fill(into, h('h3', { text: t('backtest') }),
    h('p', { id: 'backtest-summary', text: t('backtestSummary', x.done, day(x.asOf), (x.changes || []).length
      + (x.changesOutsideScope || 0), moment(x.finishedAt)) }),
    chart(x.transitions),
    x.codes.length ? table({ id: 'code-changes' }, [t('code'), t('gained'), t('lost')],
      x.codes.map((c) => h('tr', {}, h('td', { text: c.code }), h('td', { text: c.gained }), h('td', { text: c.lost }))))
      : null,
    table({ id: 'backtest-changes' }, [t('officer'), t('country'), t('unit'), t('before'), t('after'), t('gained'), t('lost')],
      x.changes.map((c) => h('tr', {}, h('td', { text: c.officerId }), h('td', { text: c.country || '' }),
        h('td', { text: c.unit }), h('td', {}, badge(c.from)), h('td', {}, badge(c.to)),
        h('td', { text: c.gained.join(', ') }), h('td', { text: c.lost.join(', ') })))),
    x.changesOutsideScope ? h('p', { class: 'hint', text: t('outsideScope', x.changesOutsideScope) }) : null,
    h('p', {}, csv));
}

/** The transitions as a from-outcome × to-outcome grid over every unit: the diagonal is unchanged. */
function chart(transitions) {
  const counts = {};
  let max = 0;
  for (const tr of transitions) {
    const k = tr.from + '>' + tr.to;
    counts[k] = (counts[k] || 0) + tr.count;
    max = Math.max(max, counts[k]);
  }
  // the outcomes in the service's order, then a backtest's NO_UNIT (the unit left the rule set)
  const used = [...schema().enums.outcome, 'NO_UNIT'].filter((o) => transitions.some((tr) => tr.from === o || tr.to === o));
  const cell = 96;
  const left = 110;
  const top = 40;
  const size = used.length * cell;
  const svg = el('svg', { id: 'backtest-chart', role: 'img', width: left + size + 10, height: top + size + 30,
    viewBox: '0 0 ' + (left + size + 10) + ' ' + (top + size + 30) });
  svg.append(el('title', {}, t('chartTitle')));
  svg.append(el('text', { x: left + size / 2, y: 14, 'text-anchor': 'middle', class: 'axis' }, t('toOutcome')));
  used.forEach((to, j) => svg.append(el('text', { x: left + j * cell + cell / 2, y: top - 8, 'text-anchor': 'middle',
    class: 'label' }, to)));
  used.forEach((from, i) => {
    svg.append(el('text', { x: left - 6, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'label' }, from));
    used.forEach((to, j) => {
      const n = counts[from + '>' + to] || 0;
      const shade = n === 0 ? 0 : 0.15 + 0.85 * (n / max);
      const rect = el('rect', { x: left + j * cell, y: top + i * cell, width: cell - 2, height: cell - 2,
        fill: from === to ? '#5b7fa6' : '#c0392b', 'fill-opacity': n === 0 ? 0.05 : shade, 'data-from': from,
        'data-to': to, 'data-count': n });
      rect.append(el('title', {}, from + ' → ' + to + ': ' + n));
      svg.append(rect, el('text', { x: left + j * cell + cell / 2, y: top + i * cell + cell / 2 + 5,
        'text-anchor': 'middle', class: 'count' }, String(n)));
    });
  });
  svg.append(el('text', { x: 4, y: top + size + 22, class: 'axis' }, t('fromOutcome')));
  return h('figure', {}, svg, h('figcaption', { text: t('chartCaption') }));
}
