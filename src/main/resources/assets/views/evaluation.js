// An evaluation as every reader of findings sees it: outcome, validity, flags with their messages
// and records, and the rules that fired, in order.
import { h, badge, table, view } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export function evaluationBlock(e) {
  const flags = e.flags.length === 0 ? h('p', { text: t('noFlags') }) : table({ class: 'flags' },
    [t('severity'), t('code'), t('message'), t('evidence')],
    e.flags.map((f) => h('tr', {}, h('td', {}, badge(f.severity)), h('td', { text: f.code }),
      h('td', { text: f.message }), h('td', { text: f.evidence.join(', ') }))));
  return h('section', { class: 'evaluation', 'data-evaluation': e.evaluationId || '' },
    h('h3', {}, t('outcome') + ': ', badge(e.outcome)),
    e.reapplyFrom ? h('p', { class: 'error', text: t('reapplyFrom') + ' ' + e.reapplyFrom }) : null,
    h('p', {}, t('officerId') + ': ' + e.officerId + ' · ' + t('unit') + ': ' + e.unit + ' · ' + t('validUntil') + ': '
      + (e.validUntil || '—')),
    h('h3', { text: t('flags') }), flags,
    h('h3', { text: t('firedRules') }),
    h('ol', { class: 'timeline' }, e.firedRules.map((r) => h('li', {}, r.rule + (r.flag ? ' → ' + r.flag : '')))),
    h('p', { class: 'muted', text: t('rulesetVersion') + ': ' + e.rulesetVersion }));
}

export function evaluationView(e) {
  view(t('evaluation'), evaluationBlock(e));
}
