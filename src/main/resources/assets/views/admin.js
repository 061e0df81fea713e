// Administrators: create, list and disable users; review the active rule set and propose rules/ from disk.
import { api, seg } from '../lib/api.js';
import { h, badge, table, view, fill, say, basicInput, clearErrors, showError, showFieldErrors } from '../lib/dom.js';
import { moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { session } from '../lib/session.js';
import { schema } from '../record/schema.js';

export function usersView() {
  const roles = schema().enums.role.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'roles', value: r }), ' ' + r));
  const unitBoxes = session.units.map((u) => h('label', {}, h('input', { type: 'checkbox', name: 'units', value: u }), ' ' + u));
  const form = h('form', { id: 'new-user', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = {
      username: form.querySelector('[data-field="username"]').value,
      // none for a person who signs in through the agency (the service refuses none where that is off)
      password: form.querySelector('[data-field="password"]').value || undefined,
      roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((i) => i.value),
      units: [...form.querySelectorAll('input[name="units"]:checked')].map((i) => i.value),
    };
    const officerId = form.querySelector('[data-field="officerId"]').value;
    if (officerId) body.officerId = officerId;
    if (form.querySelector('input[name="serviceAccount"]').checked) body.serviceAccount = true;
    body.countries = form.querySelector('[data-field="countries"]').value.split(',').map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const r = await api('POST', '/users', JSON.stringify(body));
    if (r.status !== 201 && r.status !== 202) { showFieldErrors(form, r); return; }
    say(t('saved') + ' ' + r.data.username + (r.status === 202 ? ' — ' + t('pending') : ''));
    form.reset();
  } }, basicInput('username', 'text', true), basicInput('password', 'password', true), basicInput('officerId'),
  basicInput('countries'),
  h('fieldset', {}, h('legend', { text: t('roles') }), roles), h('fieldset', {}, h('legend', { text: t('units') }), unitBoxes),
  h('p', {}, h('label', {}, h('input', { type: 'checkbox', name: 'serviceAccount' }), ' ' + t('serviceAccount'))),
  h('p', {}, h('button', { type: 'submit', text: t('create') })));
  const list = h('div', { id: 'user-list' });
  const sessions = h('div', { id: 'sessions-of-user' });
  const act = async (u, how, load) => {
    const d = await api('POST', '/users/' + seg(u.username) + '/' + how, '{}');
    if (d.status === 200 || d.status === 202) {
      say(t('saved') + ' ' + u.username + (d.status === 202 ? ' — ' + t('pending') : ''));
      load();
    } else showError(d);
  };
  const actions = (u, load) => {
    const mine = u.username === session.me.username;
    return [
      u.enabled && !mine ? h('button', { type: 'button', class: 'secondary', 'data-disable': u.username,
        onclick: () => act(u, 'disable', load) }, t('disable')) : null,
      !u.enabled && !mine && !u.pendingEnable ? h('button', { type: 'button', class: 'secondary', 'data-enable': u.username,
        onclick: () => act(u, 'enable', load) }, t('enable')) : null,
      u.status === 'PENDING_APPROVAL' && u.requestedBy !== session.me.username && !mine
        ? h('button', { type: 'button', 'data-approve': u.username, onclick: () => act(u, 'approve', load) }, t('approve'))
        : null,
      u.status !== 'PENDING_APPROVAL' && !mine ? h('button', { type: 'button', class: 'secondary',
        'data-reset': u.username, onclick: () => act(u, 'factors/reset', load) }, t('resetFactors')) : null,
      h('button', { type: 'button', class: 'secondary', 'data-sessions': u.username, onclick: async () => {
        const d = await api('GET', '/users/' + seg(u.username) + '/sessions');
        if (d.status !== 200) { showError(d); return; }
        fill(sessions, h('h3', { text: t('sessionsOf') + ' ' + u.username }), d.data.length
          ? table({ id: 'user-sessions' }, [t('signedInAt'), t('lastSeen'), t('address'), t('method')],
            d.data.map((x) => h('tr', {}, h('td', { text: moment(x.createdAt) }), h('td', { text: moment(x.lastSeenAt) }),
              h('td', { text: x.address }), h('td', { text: x.method }))))
          : h('p', { text: t('nothing') }));
      } }, t('sessions')),
      !mine ? h('button', { type: 'button', class: 'secondary', 'data-end-sessions': u.username, onclick: async () => {
        const d = await api('DELETE', '/users/' + seg(u.username) + '/sessions');
        if (d.status === 204) say(t('sessionsEnded') + ' ' + u.username); else showError(d);
      } }, t('endSessions')) : null,
    ];
  };
  const load = async () => {
    const r = await api('GET', '/users?limit=1000');
    if (r.status !== 200) { showError(r); return; }
    fill(list, table({}, [t('username'), t('roles'), t('units'), t('countries'), t('enabled'), t('pending'), ''],
      r.data.items.map((u) => h('tr', { 'data-user': u.username }, h('td', { text: u.username }), h('td', { text: u.roles.join(', ') }),
        h('td', { text: u.units.join(', ') }), h('td', { text: u.countries.join(', ') }),
        h('td', { text: u.enabled ? t('yes') : t('no') }),
        h('td', { text: [...u.pendingRoles, u.pendingEnable ? t('enable') : null,
          u.pendingFactorReset ? t('resetFactors') : null].filter(Boolean).join(', ') }),
        h('td', {}, actions(u, load))))));
  };
  form.addEventListener('submit', () => setTimeout(load, 300));
  view(t('users'), form, list, sessions);
  load();
}

export async function ruleSetView() {
  const r = await api('GET', '/rulesets/active');
  if (r.status !== 200) { showError(r); return; }
  const errors = h('div', { id: 'reload-result', role: 'status' });
  const reload = async () => {
    const x = await api('POST', '/rulesets/reload', '{}');
    if (x.status === 200) { say(t('reloaded', x.data.version.slice(0, 12), x.data.status)); ruleSetView(); return; }
    showError(x);
    fill(errors, h('ul', { class: 'error' }, ((x.data && x.data.errors) || [])
      .map((e) => h('li', { text: e.field + ': ' + e.message }))));
  };
  view(t('ruleSet'), h('p', { text: t('rulesetVersion') + ': ' + r.data.version + ' (' + moment(r.data.activatedAt) + ')' }),
    h('p', {}, h('button', { type: 'button', id: 'reload', onclick: reload }, t('reload'))), errors,
    table({ id: 'rules' }, [t('rule'), t('category'), t('code'), t('severity'), t('waivable')],
      r.data.rules.map((x) => h('tr', {}, h('td', { text: x.name }), h('td', { text: x.category }),
        h('td', { text: x.code || '' }), h('td', {}, x.severity ? badge(x.severity) : ''),
        h('td', { text: x.waivable == null ? '' : (x.waivable ? t('yes') : t('no')) })))),
    h('h3', { text: t('units') }),
    h('table', { id: 'units' }, h('tbody', {}, r.data.units.map((u) => h('tr', {}, h('td', { text: u.code }),
      h('td', { text: u.name }),
      h('td', { text: Object.entries(u.requiredExams).map(([k, v]) => k + ' ' + v).join(', ') }))))));
}
