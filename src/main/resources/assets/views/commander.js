// Commanders (and auditors, administrators): a unit's roster — status, validity, conditions,
// re-vetting due — never flags, evidence or record contents.
import { api, seg } from '../lib/api.js';
import { h, field, badge, table, view, fill, showError } from '../lib/dom.js';
import { day, moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { session, hasRole } from '../lib/session.js';
import { schema } from '../record/schema.js';

export function clearanceTable(items, withOfficer = false) {
  return table({ class: 'clearances' },
    [withOfficer ? t('officerId') : null, withOfficer ? t('name') : null, t('unit'), t('status'), t('validUntil'), t('clearanceConditions'), t('revettingDue'),
      t('updatedAt')].filter(Boolean),
    items.map((c) => h('tr', { 'data-officer': c.officerId },
      withOfficer ? h('td', { text: c.officerId }) : null, withOfficer ? h('td', { text: c.officerName || '' }) : null,
      h('td', { text: c.unit }), h('td', {}, badge(c.status)),
      h('td', { text: day(c.validUntil) || '—' }), h('td', { text: c.conditions.join('; ') }),
      h('td', { text: c.revettingDue ? t('yes') : t('no') }), h('td', { text: moment(c.updatedAt) }))));
}

export async function rosterView() {
  const units = hasRole('AUDITOR') || hasRole('ADMIN') ? session.units : session.me.units;
  const unit = h('select', { name: 'unit' }, units.map((u) => h('option', { value: u, text: u })));
  const status = h('select', { name: 'status' }, h('option', { value: '', text: t('any') }),
    schema().enums.clearanceStatus.map((s) => h('option', { value: s, text: s })));
  const sort = h('select', { name: 'sort' }, h('option', { value: 'due', text: t('revettingDue') }),
    h('option', { value: 'officer', text: t('officerId') }), h('option', { value: 'valid', text: t('validUntil') }));
  const out = h('div', { id: 'roster' });
  const load = async () => {
    const r = await api('GET', '/units/' + seg(unit.value) + '/roster?limit=1000'
      + (status.value ? '&status=' + status.value : ''));
    if (r.status !== 200) { showError(r); return; }
    const items = [...r.data.items];
    if (sort.value === 'due') items.sort((a, b) => (b.revettingDue - a.revettingDue) || a.officerId.localeCompare(b.officerId));
    if (sort.value === 'valid') items.sort((a, b) => (a.validUntil || '9999').localeCompare(b.validUntil || '9999'));
    fill(out, items.length ? clearanceTable(items, true) : h('p', { text: t('nothing') }));
  };
  [unit, status, sort].forEach((s) => s.addEventListener('change', load));
  view(t('roster'), h('div', { class: 'row' }, field(t('unit'), unit), field(t('filter'), status), field(t('sortBy'), sort)), out);
  await load();
}
