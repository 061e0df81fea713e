// The vetting service's web interface: plain ES modules, no build step (lib/ the plumbing,
// record/ the record's schema and editor, views/ one module per role). This module signs in,
// builds the navigation each user's roles allow, and switches the language.
import { api, basicAuth } from './lib/api.js';
import { h, field, view, say, showFieldErrors } from './lib/dom.js';
import { t } from './lib/i18n.js';
import { session, setLanguage, signOut, hasRole } from './lib/session.js';
import { loadSchema, forget } from './record/schema.js';
import { submitView, addRecordsView, batchView } from './views/vetting.js';
import { queueView } from './views/adjudicator.js';
import { proposeView, correctionsView } from './views/corrections.js';
import { rosterView } from './views/commander.js';
import { historyView, chainView, accessLogView } from './views/auditor.js';
import { usersView, ruleSetView } from './views/admin.js';
import { policyView } from './views/policy.js';
import { hitsView, watchlistsView } from './views/screening.js';
import { commanderHome, adjudicatorHome, auditorHome } from './views/home.js';

// [section, role that may use it, view]; a user sees each section once, in this order.
const SECTIONS = [
  ['commanderHome', 'COMMANDER', commanderHome], ['adjudicatorHome', 'ADJUDICATOR', adjudicatorHome],
  ['auditorHome', 'AUDITOR', auditorHome],
  ['submit', 'VETTING_OFFICER', submitView], ['batch', 'VETTING_OFFICER', batchView],
  ['addRecords', 'VETTING_OFFICER', addRecordsView],
  ['proposeCorrection', 'VETTING_OFFICER', proposeView],
  ['queue', 'ADJUDICATOR', queueView], ['screening', 'ADJUDICATOR', hitsView],
  ['corrections', 'ADJUDICATOR', correctionsView],
  ['roster', 'COMMANDER', rosterView],
  ['history', 'AUDITOR', historyView], ['screening', 'AUDITOR', hitsView], ['roster', 'AUDITOR', rosterView], ['chain', 'AUDITOR', chainView],
  ['accessLog', 'AUDITOR', accessLogView], ['users', 'ADMIN', usersView], ['ruleSet', 'ADMIN', ruleSetView],
  ['roster', 'ADMIN', rosterView], ['policy', 'POLICY_OFFICER', policyView],
  ['watchlists', 'POLICY_OFFICER', watchlistsView],
];

function signInView() {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { id: 'signin', onsubmit: async (ev) => {
    ev.preventDefault();
    session.auth = basicAuth(user.value, pass.value);
    const r = await api('GET', '/me');
    if (r.status === 429) { signOut(); say(t('tooMany', r.headers.get('Retry-After')), true); return; }
    if (r.status !== 200) { signOut(); say(t('badCredentials'), true); return; }
    session.me = r.data;
    if (session.me.mustChangePassword) { say(t('mustChange'), true); passwordView(pass.value); return; }
    const rs = await api('GET', '/rulesets/active');
    session.units = rs.status === 200 ? rs.data.units.map((u) => u.code) : [];
    await loadSchema();
    say('');
    renderChrome();
  } }, field(t('username'), user), field(t('password'), pass),
  h('p', {}, h('button', { type: 'submit', text: t('signIn') })));
  view(t('signIn'), form);
}

/** Changing one's own password; after a generated one, before anything else. */
function passwordView(current = '') {
  const cur = h('input', { name: 'current', type: 'password', autocomplete: 'current-password', value: current });
  cur.dataset.field = 'current';
  const next = h('input', { name: 'new', type: 'password', autocomplete: 'new-password' });
  next.dataset.field = 'new';
  const form = h('form', { id: 'password', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/me/password', JSON.stringify({ current: cur.value, new: next.value }));
    if (r.status !== 204) { showFieldErrors(form, r); return; }
    session.auth = basicAuth(session.me.username, next.value);
    const me = await api('GET', '/me');
    session.me = me.data;
    say(t('saved'));
    renderChrome();
  } }, field(t('currentPassword'), cur), field(t('newPassword'), next),
  h('p', {}, h('button', { type: 'submit', text: t('changePassword') })));
  view(t('changePassword'), form);
}

function renderChrome() {
  document.documentElement.lang = session.lang;
  document.title = t('title');
  document.getElementById('title').textContent = t('title');
  document.getElementById('lang-label').textContent = t('language');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  const nav = document.getElementById('nav');
  if (!session.me) {
    nav.replaceChildren();
    out.hidden = true;
    document.getElementById('who').textContent = '';
    signInView();
    return;
  }
  out.hidden = false;
  document.getElementById('who').textContent = t('signedInAs') + ' ' + session.me.username;
  const seen = new Set();
  const buttons = [];
  for (const [key, role, show] of SECTIONS) {
    if (!hasRole(role) || seen.has(key)) continue;
    seen.add(key);
    buttons.push(h('button', { type: 'button', 'data-section': key, onclick: (ev) => {
      nav.querySelectorAll('button').forEach((b) => b.removeAttribute('aria-current'));
      ev.currentTarget.setAttribute('aria-current', 'page');
      say('');
      show();
    } }, t(key)));
  }
  buttons.push(h('button', { type: 'button', 'data-section': 'password', onclick: () => passwordView() },
    t('changePassword')));
  nav.replaceChildren(...buttons);
  if (buttons.length) buttons[0].click();
}

document.getElementById('lang').value = session.lang;
document.getElementById('lang').addEventListener('change', (ev) => {
  setLanguage(ev.target.value);
  renderChrome();
});
document.getElementById('signout').addEventListener('click', () => {
  signOut();
  forget();
  say('');
  renderChrome();
});

renderChrome();
