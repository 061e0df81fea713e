// Adverse decisions (policy v1.3, section 9). Adjudicators, vetting officers, auditors and the
// appeals board: the cases of their countries by stage, with the days left of the window that runs
// (overdue in red); a case page with its evaluation, letters, replies, votes and history, and the
// step the reader's role may take at that stage — the notice, an extension and the reconsideration
// (adjudicators), a reply and an appeal (vetting officers), a vote (the board). Commanders have no
// part of this: they see only the clearance's status.
import { api, seg } from '../lib/api.js';
import { h, field, badge, table, view, say, mark, clearErrors, showError, showFieldErrors, download } from '../lib/dom.js';
import { day, moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { hasRole, session } from '../lib/session.js';
import { evaluationBlock } from './evaluation.js';
import { go } from '../lib/router.js';

const STAGES = ['PROPOSED', 'NOTICE_ISSUED', 'RECONSIDERATION', 'FINAL', 'APPEALED', 'CLOSED'];

/** A case's stage (and result once it has one), in the reader's words. */
export function stageBadge(stage, result) {
  return h('span', { class: 'badge b-stage-' + stage, 'data-code': stage, title: stage,
    text: t('stage_' + stage) + (result ? ' · ' + t('result_' + result) : '') });
}

/** Days left of the window now running: overdue (negative) in red. */
function daysLeft(c) {
  if (c.daysLeft === null || c.daysLeft === undefined) return h('span', { class: 'muted', text: '—' });
  const overdue = c.daysLeft < 0;
  return h('span', { class: overdue ? 'overdue' : c.daysLeft <= 7 ? 'due-soon' : '', 'data-days': c.daysLeft,
    text: overdue ? t('overdueBy', -c.daysLeft) : t('daysLeft', c.daysLeft) + ' (' + day(c.dueOn) + ')' });
}

/** The queue: every case of the reader's countries, of one stage, or those due within a week. */
export async function adverseCasesView(filter = '') {
  const query = filter === 'due' ? '?due=7&limit=1000' : '?limit=1000' + (filter ? '&stage=' + seg(filter) : '');
  const r = await api('GET', '/adverse-cases' + query);
  if (r.status !== 200) { showError(r); return; }
  const select = h('select', { name: 'stage', id: 'case-stage', onchange: (ev) => adverseCasesView(ev.target.value) },
    h('option', { value: '', text: t('allStages'), selected: filter === '' }),
    h('option', { value: 'due', text: t('dueThisWeek'), selected: filter === 'due' }),
    STAGES.map((s) => h('option', { value: s, text: t('stage_' + s), selected: filter === s })));
  const rows = r.data.items.map((c) => h('tr', { 'data-case': c.caseId },
    h('td', { text: c.officerId }), h('td', { text: c.officerName || '' }), h('td', { text: c.unit }),
    h('td', { text: t('kind_' + c.kind) }), h('td', {}, stageBadge(c.stage, c.result)), h('td', {}, daysLeft(c)),
    h('td', { text: moment(c.openedAt) }),
    h('td', {}, h('button', { type: 'button', 'data-open-case': c.caseId, onclick: () => go('/cases/' + c.caseId) },
      t('open')))));
  view(t('adverseCases'), field(t('stage'), select), rows.length
    ? table({ id: 'adverse-cases' }, [t('officerId'), t('name'), t('unit'), t('kind'), t('stage'), t('window'),
      t('openedAt'), ''], rows)
    : h('p', { text: t('nothing') }));
}

/** One case: its facts, the evaluation it rests on, letters, statements, votes, history and the reader's step. */
export async function adverseCaseView(caseId) {
  const r = await api('GET', '/adverse-cases/' + seg(caseId));
  if (r.status !== 200) { showError(r); return; }
  const c = r.data;
  const e = await api('GET', '/evaluations/' + seg(c.evaluationId));
  const dl = (pairs) => h('dl', { id: 'case-facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)]));
  const facts = dl([
    [t('officerId'), c.officerId], [t('name'), c.officerName], [t('unit'), c.unit], [t('kind'), t('kind_' + c.kind)],
    [t('stage'), stageBadge(c.stage, c.result)], [t('window'), c.dueOn ? daysLeft(c) : ''],
    [t('openedAt'), moment(c.openedAt) + ' · ' + c.openedBy],
    [t('noticeIssued'), c.noticeIssuedBy ? moment(c.noticeIssuedAt) + ' · ' + c.noticeIssuedBy : ''],
    [t('replyDueOn'), day(c.replyDueOn)], [t('extendedTo'), day(c.extendedTo)],
    [t('reconsideredBy'), c.reconsideredBy], [t('appealDueOn'), day(c.appealDueOn)]]);
  const letters = c.letters.length ? table({ id: 'case-letters' }, [t('letter'), t('language'), 'SHA-256', t('when'), ''],
    c.letters.map((l) => h('tr', { 'data-letter': l.letterId }, h('td', { text: t('letter_' + l.kind) }),
      h('td', { text: l.language }), h('td', { class: 'hash', text: l.sha256.slice(0, 16) + '…' }),
      h('td', { text: moment(l.createdAt) }),
      h('td', {}, h('button', { type: 'button', 'data-pdf': l.letterId, onclick: () => openLetter(c.caseId, l) },
        t('openLetter')), ' ', h('button', { type: 'button', class: 'secondary', 'data-letter-text': l.letterId,
        onclick: () => showLetter(c.caseId, l) }, t('letterText')))))) : h('p', { class: 'muted', text: t('noLetters') });
  const statements = (list, id) => (list.length ? table({ id }, [t('text'), t('by'), t('when')],
    list.map((s) => h('tr', {}, h('td', { text: s.text }), h('td', { text: s.recordedBy }),
      h('td', { text: moment(s.recordedAt) })))) : h('p', { class: 'muted', text: t('none') }));
  const votes = c.votes.length ? table({ id: 'case-votes' }, [t('vote'), t('reasons'), t('by'), t('when')],
    c.votes.map((v) => h('tr', {}, h('td', { text: t('vote_' + v.vote) }), h('td', { text: v.reasons }),
      h('td', { text: v.by }), h('td', { text: moment(v.at) })))) : null;
  const history = table({ id: 'case-history' }, [t('step'), t('by'), t('when'), t('text')],
    c.history.map((s) => h('tr', { 'data-step': s.step }, h('td', { text: t('step_' + s.step)
      + (s.step === 'RECONSIDERATION' ? ' · ' + t('decision_' + s.decision) : '')
      + (s.step === 'VOTE' ? ' · ' + t('vote_' + s.decision) : '') + (s.days ? ' · ' + t('daysLeft', s.days) : '') }),
    h('td', { text: s.actor }), h('td', { text: moment(s.at) }), h('td', { text: s.text || '' }))));
  // the findings the case rests on, visible: what the notice states; the whole evaluation folded below
  const findings = e.status === 200 ? h('section', { id: 'case-findings' }, h('h3', {}, t('findings') + ' · ',
    badge(e.data.outcome)), e.data.flags.length ? table({ class: 'flags' }, [t('severity'), t('code'), t('message'),
    t('evidence')], e.data.flags.map((f) => h('tr', {}, h('td', {}, badge(f.severity)), h('td', { text: f.code }),
    h('td', { text: f.message }), h('td', { text: f.evidence.join(', ') })))) : h('p', { text: t('noFlags') }))
    : h('p', { class: 'muted', id: 'case-findings', text: t('findingsInLetters') });
  view(t('adverseCase') + ': ' + c.officerId, facts, findings,
    h('h3', { text: t('letters') }), letters, h('div', { id: 'letter-shown' }), actions(c),
    h('h3', { text: t('replies') }), statements(c.replies, 'case-replies'),
    c.appeal ? h('h3', { text: t('appeal') }) : null, c.appeal ? statements([c.appeal], 'case-appeal') : null,
    votes ? h('h3', { text: t('votes') }) : null, votes,
    h('h3', { text: t('caseHistory') }), history,
    e.status === 200 ? h('details', { id: 'case-evaluation' }, h('summary', { text: t('evaluationOfCase') }),
      evaluationBlock(e.data)) : null,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => go('/adverseCases') }, t('backToCases'))));
}

async function openLetter(caseId, letter) {
  const r = await api('GET', '/adverse-cases/' + seg(caseId) + '/letters/' + seg(letter.letterId), undefined,
    'application/pdf');
  if (r.status !== 200) { showError(r); return; }
  download(r.data, 'letter-' + letter.kind.toLowerCase() + '-' + letter.language.toLowerCase() + '.pdf');
}

/** A letter's text as sent, with its SHA-256 and whether the service regenerated the same PDF from the chain. */
async function showLetter(caseId, letter) {
  const r = await api('GET', '/adverse-cases/' + seg(caseId) + '/letters/' + seg(letter.letterId));
  if (r.status !== 200) { showError(r); return; }
  document.getElementById('letter-shown').replaceChildren(h('section', { class: 'letter', id: 'letter-text',
    lang: r.data.language.toLowerCase() }, h('pre', { text: r.data.text }),
  h('p', { class: r.data.reproduced ? 'muted' : 'error', text: 'SHA-256 ' + r.data.sha256 + ' · '
    + t(r.data.reproduced ? 'letterReproduced' : 'letterNotReproduced') })));
}

/** The step the reader's role may take at this stage, as a form; none when there is none. */
function actions(c) {
  const forms = [];
  if (hasRole('ADJUDICATOR') && c.stage === 'PROPOSED') {
    const es = h('input', { type: 'checkbox', name: 'ES', value: 'ES' });
    const en = h('input', { type: 'checkbox', name: 'EN', value: 'EN' });
    forms.push(stepForm(c, 'notice', t('issueNotice'), [reasonsField()], (body, form) => {
      const languages = [es, en].filter((x) => x.checked).map((x) => x.value);
      if (languages.length) body.languages = languages;
      return body;
    }, h('fieldset', {}, h('legend', { text: t('letterLanguages') }), h('label', {}, es, ' ES'), ' ',
      h('label', {}, en, ' EN'), h('p', { class: 'muted', text: t('letterLanguagesHint') }))));
  }
  if (hasRole('VETTING_OFFICER') && c.stage === 'NOTICE_ISSUED') {
    forms.push(stepForm(c, 'replies', t('recordReply'), [textField()], (body) => body,
      h('p', { class: 'muted', text: t('replyHint') })));
  }
  if (hasRole('ADJUDICATOR') && c.stage === 'NOTICE_ISSUED' && !c.extendedTo) {
    const days = h('input', { type: 'number', name: 'days', min: 1, max: 30, size: 4 });
    days.dataset.field = 'days';
    forms.push(stepForm(c, 'extension', t('grantExtension'), [field(t('days'), days), reasonsField()], (body) => {
      body.days = Number(days.value);
      return body;
    }));
  }
  // the notice's issuer, and the adjudicator whose DENY proposed the case, never reconsider it
  const me = session.me.username;
  if (hasRole('ADJUDICATOR') && (c.stage === 'NOTICE_ISSUED' || c.stage === 'RECONSIDERATION')
    && me !== c.noticeIssuedBy && me !== c.openedBy) {
    const decision = h('select', { name: 'decision' }, ['UPHOLD', 'WITHDRAW'].map((d) =>
      h('option', { value: d, text: t('decision_' + d) })));
    decision.dataset.field = 'decision';
    forms.push(stepForm(c, 'reconsideration', t('reconsider'), [field(t('decision'), decision), reasonsField()],
      (body) => ({ ...body, decision: decision.value }), h('p', { class: 'muted', text: t('reconsiderHint') })));
  }
  if (hasRole('VETTING_OFFICER') && c.stage === 'FINAL') {
    forms.push(stepForm(c, 'appeal', t('recordAppeal'), [textField()], (body) => body));
  }
  if (hasRole('APPEALS_BOARD') && c.stage === 'APPEALED') {
    const vote = h('select', { name: 'vote' }, ['UPHOLD', 'REVERSE'].map((d) =>
      h('option', { value: d, text: t('vote_' + d) })));
    vote.dataset.field = 'vote';
    forms.push(stepForm(c, 'votes', t('castVote'), [field(t('vote'), vote), reasonsField()],
      (body) => ({ ...body, vote: vote.value })));
  }
  return forms.length ? h('section', { class: 'case-actions' }, forms) : null;
}

function reasonsField() {
  const reasons = h('textarea', { name: 'reasons', required: true, rows: 3 });
  reasons.dataset.field = 'reasons';
  return field(t('reasons'), reasons);
}

function textField() {
  const text = h('textarea', { name: 'text', required: true, rows: 4 });
  text.dataset.field = 'text';
  return field(t('officerText'), text);
}

/** A form for one step: its required texts checked here first, then the API's answer on the field it names. */
function stepForm(c, step, title, fields, build, ...extra) {
  const form = h('form', { id: 'step-' + step, class: 'case-step', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = {};
    let missing = false;
    for (const el of form.querySelectorAll('textarea')) {
      if (!el.value.trim()) { mark(el, t('required')); missing = true; }
      body[el.name] = el.value;
    }
    if (missing) { say(t('fixErrors'), true); return; }
    const d = await api('POST', '/adverse-cases/' + seg(c.caseId) + '/' + step, JSON.stringify(build(body, form)));
    if (d.status !== 200) { showFieldErrors(form, d); return; }
    say(t('stepDone_' + step));
    adverseCaseView(c.caseId);
  } }, h('h3', { text: title }), fields, extra, h('p', {}, h('button', { type: 'submit', text: title })));
  return form;
}
