// An evaluation as every reader of findings sees it: outcome, validity, flags with their messages
// and records, and the rules that fired, in order.
import { h, badge, table, view } from '../lib/dom.js';
import { day } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { screeningBlock } from './screening.js';

export function evaluationBlock(e) {
  const flags = e.flags.length === 0 ? h('p', { text: t('noFlags') }) : table({ class: 'flags' },
    [t('severity'), t('code'), t('message'), t('evidence')],
    e.flags.map((f) => h('tr', {}, h('td', {}, badge(f.severity)), h('td', { text: f.code }),
      h('td', { text: f.message }), h('td', { text: f.evidence.join(', ') }))));
  return h('section', { class: 'evaluation', 'data-evaluation': e.evaluationId || '' },
    h('h3', {}, t('outcome') + ': ', badge(e.outcome)),
    e.reapplyFrom ? h('p', { class: 'error', text: t('reapplyFrom') + ' ' + day(e.reapplyFrom) }) : null,
    h('p', {}, t('officerId') + ': ' + e.officerId + ' · ' + t('unit') + ': ' + e.unit + ' · ' + t('validUntil') + ': '
      + (day(e.validUntil) || '—')),
    h('h3', { text: t('flags') }), flags, screeningBlock(e.screening),
    h('h3', { text: t('firedRules') }),
    h('ol', { class: 'timeline' }, folded(e.firedRules).map(([r, n]) => h('li', {},
      r.rule + (r.flag ? ' → ' + r.flag : '') + (n > 1 ? ' ×' + n : '')))),
    h('p', { class: 'muted', text: t('rulesetVersion') + ': ' + e.rulesetVersion }));
}

/**
 * Firings in order, a run of the same rule raising nothing folded into one line with its count (a
 * derivation fires once per exam type: "EXAMS-00 latest exam of each type ×5").
 */
function folded(firings) {
  const out = [];
  for (const r of firings) {
    const last = out[out.length - 1];
    if (last && last[0].rule === r.rule && !r.flag && !last[0].flag) last[1] += 1;
    else out.push([r, 1]);
  }
  return out;
}

export function evaluationView(e) {
  view(t('evaluation'), evaluationBlock(e));
}
