// The vetting service's web interface: plain ES modules, no build step (lib/ the plumbing,
// record/ the record's schema and editor, views/ one module per role). This module signs in,
// builds the navigation each user's roles allow, and switches the language.
import { api, onReauthenticate } from './lib/api.js';
import { el } from './lib/svg.js';
import { h, field, table, view, say, showError, showFieldErrors } from './lib/dom.js';
import { moment } from './lib/labels.js';
import { t } from './lib/i18n.js';
import { keysSupported, registerKey, proveKey } from './lib/webauthn.js';
import { session, setLanguage, signOut, hasRole } from './lib/session.js';
import { loadSchema, forget } from './record/schema.js';
import { submitView, addRecordsView, batchView } from './views/vetting.js';
import { queueView } from './views/adjudicator.js';
import { proposeView, correctionsView } from './views/corrections.js';
import { rosterView } from './views/commander.js';
import { historyView, chainView, accessLogView, auditEvaluationView } from './views/auditor.js';
import { usersView, ruleSetView } from './views/admin.js';
import { policyView } from './views/policy.js';
import { hitsView, hitView, watchlistsView } from './views/screening.js';
import { adverseCasesView, adverseCaseView } from './views/adverse.js';
import { route, go, render, clearRoutes, onRoute } from './lib/router.js';
import { commanderHome, adjudicatorHome, auditorHome } from './views/home.js';

// [section, role that may use it, view]; a user sees each section once, in this order.
const SECTIONS = [
  ['commanderHome', 'COMMANDER', commanderHome], ['adjudicatorHome', 'ADJUDICATOR', adjudicatorHome],
  ['auditorHome', 'AUDITOR', auditorHome],
  ['submit', 'VETTING_OFFICER', submitView], ['batch', 'VETTING_OFFICER', batchView],
  ['addRecords', 'VETTING_OFFICER', addRecordsView],
  ['proposeCorrection', 'VETTING_OFFICER', proposeView], ['adverseCases', 'VETTING_OFFICER', adverseCasesView],
  ['queue', 'ADJUDICATOR', queueView], ['adverseCases', 'ADJUDICATOR', adverseCasesView],
  ['screening', 'ADJUDICATOR', hitsView],
  ['corrections', 'ADJUDICATOR', correctionsView],
  ['roster', 'COMMANDER', rosterView],
  ['history', 'AUDITOR', historyView], ['adverseCases', 'AUDITOR', adverseCasesView], ['screening', 'AUDITOR', hitsView], ['roster', 'AUDITOR', rosterView], ['chain', 'AUDITOR', chainView],
  ['accessLog', 'AUDITOR', accessLogView], ['users', 'ADMIN', usersView], ['ruleSet', 'ADMIN', ruleSetView],
  ['roster', 'ADMIN', rosterView], ['policy', 'POLICY_OFFICER', policyView],
  ['watchlists', 'POLICY_OFFICER', watchlistsView], ['adverseCases', 'APPEALS_BOARD', adverseCasesView],
];

function signInView() {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { id: 'signin', onsubmit: async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/session', JSON.stringify({ username: user.value, password: pass.value }));
    if (r.status === 429) { say(t('tooMany', r.headers.get('Retry-After')), true); return; }
    if (r.status !== 200) { say(t('badCredentials'), true); return; }
    session.csrf = r.data.csrfToken;
    const password = pass.value;
    pass.value = '';
    if (r.data.status === 'SECOND_FACTOR_REQUIRED') { say(''); factorView(false, r.data.methods); return; }
    if (r.data.status === 'ENROLMENT_REQUIRED') { say(''); enrolView(); return; }
    await signedIn(password);
  } }, field(t('username'), user), field(t('password'), pass),
  h('p', {}, h('button', { type: 'submit', text: t('signIn') })));
  const agency = h('p', { id: 'sso', hidden: true }, h('a', { id: 'sso-signin', class: 'button',
    href: '/auth/login?returnTo=' + encodeURIComponent(location.pathname) }, t('ssoSignIn')));
  view(t('signIn'), agency, form);
  ssoOffered().then((on) => { agency.hidden = !on; });
}

let ssoAnswer = null;

/** Whether the agency's single sign-on is configured (asked once per page). */
function ssoOffered() {
  if (!ssoAnswer) {
    ssoAnswer = fetch('/auth/options', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : { sso: false })).then((b) => b.sso === true).catch(() => false);
  }
  return ssoAnswer;
}

/**
 * Proves it is still the person at the agency's provider, in a window of its own (the page and
 * what it holds stay): the provider asks again (max_age=0), and the session's second factor is
 * renewed; answers whether it was.
 */
async function reauthenticateWithAgency() {
  const before = session.me && session.me.secondFactorAt;
  const popup = window.open('/auth/login?reauth=true&returnTo=/auth/done', 'vetting-reauthenticate',
    'width=520,height=680');
  if (!popup) return false;
  for (let i = 0; i < 300; i += 1) {
    await new Promise((r) => setTimeout(r, 1000));
    const me = await api('GET', '/me');
    if (me.status === 200 && me.data.secondFactorAt && me.data.secondFactorAt !== before) {
      session.me = me.data;
      if (!popup.closed) popup.close();
      return true;
    }
    if (popup.closed) return false;
  }
  return false;
}

/** The second step: the security key, six digits from the authenticator app, or one of the recovery codes. */
function factorView(recovery = false, methods = ['totp', 'recovery']) {
  const totp = methods.includes('totp');
  const key = methods.includes('webauthn') && keysSupported() && !recovery;
  const code = h('input', { name: 'code', autocomplete: 'one-time-code', required: true,
    inputmode: recovery ? 'text' : 'numeric' });
  const useKey = key ? h('p', {}, h('button', { type: 'button', id: 'use-key', onclick: async () => {
    const r = await proveKey('/session/webauthn');
    if (r && r.status === 429) { say(t('tooMany', r.headers.get('Retry-After')), true); return; }
    if (!r || r.status !== 200) { say(t('keyRefused'), true); return; }
    await signedIn();
  } }, t('useKey'))) : null;
  const form = recovery || totp ? h('form', { id: 'factor', onsubmit: async (ev) => {
    ev.preventDefault();
    const r = await api('POST', recovery ? '/session/recovery' : '/session/totp', JSON.stringify({ code: code.value }));
    if (r.status === 429) { say(t('tooMany', r.headers.get('Retry-After')), true); return; }
    if (r.status !== 200) { code.value = ''; say(t('wrongCode'), true); return; }
    await signedIn();
  } }, field(t(recovery ? 'recoveryCode' : 'totpCode'), code),
  h('p', {}, h('button', { type: 'submit', class: key ? 'secondary' : null, text: t('verifyCode') })))
    : null;
  const other = recovery ? null : h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'use-recovery',
    onclick: () => factorView(true, methods) }, t('useRecovery')));
  view(t('secondFactor'), useKey, form, other);
  if (useKey) useKey.querySelector('button').focus(); else code.focus();
}

/**
 * First sign-in: register a security key or passkey, or enrol an authenticator app (its QR code drawn
 * here) and confirm it; keep the recovery codes.
 */
async function enrolView() {
  const r = await api('POST', '/me/factors/totp');
  if (r.status !== 200) { showError(r); return; }
  const code = h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true });
  const form = h('form', { id: 'enrol', onsubmit: async (ev) => {
    ev.preventDefault();
    const c = await api('POST', '/me/factors/totp/' + encodeURIComponent(r.data.factorId) + '/confirm',
      JSON.stringify({ code: code.value }));
    if (c.status !== 200) { code.value = ''; say(t('wrongCode'), true); return; }
    recoveryCodes(c.data.recoveryCodes);
  } }, h('p', { text: t('enrolHint') }), qrCode(r.data.qr),
  h('p', {}, t('secretKey') + ': ', h('code', { id: 'totp-secret', text: r.data.secret })),
  field(t('totpCode'), code), h('p', {}, h('button', { type: 'submit', text: t('verifyCode') })));
  view(t('enrolFactor'), keysSupported() ? keyEnrolment() : null, form);
}

/** Registering a security key or passkey (at the first sign-in, or beside an app): its label, then the key. */
function keyEnrolment() {
  const label = h('input', { name: 'key-label', value: t('keyDefaultLabel'), maxlength: 100, required: true });
  return h('form', { id: 'enrol-key', onsubmit: async (ev) => {
    ev.preventDefault();
    const c = await registerKey('/me/factors/webauthn/options', '/me/factors/webauthn', label.value);
    if (!c || c.status !== 200) { say(t('keyRefused'), true); return; }
    recoveryCodes(c.data.recoveryCodes);
  } }, h('h3', { text: t('keyEnrol') }), h('p', { text: t('keyHint') }), field(t('keyLabel'), label),
  h('p', {}, h('button', { type: 'submit', id: 'register-key', text: t('keyRegister') })),
  h('h3', { text: t('orApp') }));
}

/** A factor enrolled: a first one shows the ten recovery codes once; a further one goes back to Security. */
function recoveryCodes(codes) {
  if (!codes.length) { say(t('saved')); securityView(); return; }
  say('');
  view(t('recoveryCodes'), h('p', { text: t('recoveryHint') }),
    h('ol', { id: 'recovery-codes', class: 'codes' }, codes.map((x) => h('li', { text: x }))),
    h('p', {}, h('button', { type: 'button', id: 'recovery-saved', onclick: () => signedIn() }, t('continue'))));
}

/** The QR code of the authenticator app's otpauth:// URI, from the matrix the service sends (one string per row). */
function qrCode(rows) {
  const size = rows.length;
  const svg = el('svg', { id: 'totp-qr', role: 'img', width: size * 5, height: size * 5,
    viewBox: '0 0 ' + size + ' ' + size, 'shape-rendering': 'crispEdges' });
  svg.append(el('title', {}, t('enrol')));
  svg.append(el('rect', { x: 0, y: 0, width: size, height: size, fill: '#ffffff' }));
  rows.forEach((row, y) => [...row].forEach((bit, x) => {
    if (bit === '1') svg.append(el('rect', { x, y, width: 1, height: 1, fill: '#000000' }));
  }));
  return h('figure', {}, svg);
}

/** Signed in: who it is, their units, the record schema, then the sections of their roles. */
async function signedIn(password = '') {
  const r = await api('GET', '/me');
  if (r.status !== 200) { signOut(); say(t('badCredentials'), true); renderChrome(); return; }
  session.me = r.data;
  session.csrf = r.data.csrfToken || session.csrf;
  // durations, not instants: this page's clock may differ from the service's
  session.absoluteEnd = r.data.sessionSecondsLeft != null ? Date.now() + r.data.sessionSecondsLeft * 1000 : null;
  session.idleMillis = r.data.sessionIdleSeconds != null ? r.data.sessionIdleSeconds * 1000 : null;
  session.lastCall = Date.now();
  if (session.me.mustChangePassword) { say(t('mustChange'), true); passwordView(password); return; }
  const rs = await api('GET', '/rulesets/active');
  session.units = rs.status === 200 ? rs.data.units.map((u) => u.code) : [];
  await loadSchema();
  say('');
  renderChrome();
}

/**
 * A four-eyes step asks for a second factor again: a dialog takes the security key, or a code (of
 * the authenticator app, or a recovery code), and the step is sent again.
 */
function reauthenticateDialog() {
  const methods = (session.me && session.me.methods) || [];
  const key = methods.includes('webauthn') && keysSupported();
  const app = methods.includes('totp');
  const agency = methods.includes('sso');
  return new Promise((resolve) => {
    const code = h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: app ? 'numeric' : 'text',
      required: true });
    const error = h('p', { class: 'error', role: 'alert' });
    const done = (proved) => { dialog.close(); dialog.remove(); resolve(proved); };
    const keyButton = key ? h('button', { type: 'button', id: 'reauth-key', onclick: async () => {
      const r = await proveKey('/session/reauthenticate', true);
      if (!r || r.status !== 200) { error.textContent = t('keyRefused'); return; }
      done(true);
    } }, t('useKey')) : agency ? h('button', { type: 'button', id: 'reauth-sso', onclick: async () => {
      error.textContent = '';
      if (await reauthenticateWithAgency()) done(true); else error.textContent = t('ssoNotRenewed');
    } }, t('ssoAgain')) : null;
    const dialog = h('dialog', { id: 'reauthenticate', 'aria-labelledby': 'reauth-title' },
      h('form', { method: 'dialog', onsubmit: async (ev) => {
        ev.preventDefault();
        const r = await api('POST', '/session/reauthenticate', JSON.stringify({ code: code.value }), 'application/json', true);
        if (r.status !== 200) { code.value = ''; error.textContent = t('wrongCode'); return; }
        done(true);
      } }, h('h2', { id: 'reauth-title', text: t('reauthenticate') }),
      h('p', { text: t(agency ? 'reauthHintSso' : key ? 'reauthHint' : 'reauthHintApp') }),
      keyButton ? h('p', {}, keyButton) : null,
      agency ? null : field(t(app ? 'totpCode' : 'recoveryCode'), code), error,
      h('p', {}, agency ? null : h('button', { type: 'submit', class: key ? 'secondary' : null, text: t('verifyCode') }),
        ' ', h('button', { type: 'button', class: 'secondary', onclick: () => done(false) }, t('cancel')))));
    document.body.append(dialog);
    dialog.showModal();
    (keyButton || code).focus();
  });
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
    cur.value = '';
    next.value = '';
    const me = await api('GET', '/me');
    session.me = me.data;
    say(t('saved'));
    renderChrome();
  } }, field(t('currentPassword'), cur), field(t('newPassword'), next),
  h('p', {}, h('button', { type: 'submit', text: t('changePassword') })));
  view(t('changePassword'), form);
}

/** The person's own second factors: each app enrolled, recovery codes left; another app added, one removed. */
async function securityView() {
  const r = await api('GET', '/me/factors');
  if (r.status !== 200) { showError(r); return; }
  const rows = r.data.factors.map((f) => h('tr', { 'data-factor': f.factorId }, h('td', { text: f.label }),
    h('td', { text: moment(f.enrolledAt) }),
    h('td', {}, r.data.factors.length > 1 ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      const d = await api('DELETE', '/me/factors/' + encodeURIComponent(f.factorId));
      if (d.status === 204) { say(t('saved')); securityView(); } else showError(d);
    } }, t('remove')) : null)));
  view(t('security'), h('h3', { text: t('factors') }),
    table({ id: 'factors' }, [t('secondFactor'), t('enrolledAt'), ''], rows),
    h('p', { id: 'recovery-left', text: t('recoveryLeft', r.data.recoveryCodesLeft) }),
    h('p', {}, h('button', { type: 'button', id: 'add-app', onclick: () => enrolView() }, t('addFactor'))));
}

/** "Your session ends in N min", kept up to date; a session that ended sends the person to sign in. */
function sessionNotice() {
  const who = document.getElementById('session-ends');
  if (!session.me || session.absoluteEnd == null) { who.textContent = ''; return; }
  const end = Math.min(session.absoluteEnd, session.lastCall + session.idleMillis);
  const minutes = Math.max(0, Math.round((end - Date.now()) / 60000));
  who.textContent = t('sessionEnds', minutes);
}

/** The navigation's groups, by task; every section key is in one. */
const GROUPS = [
  ['work', ['commanderHome', 'adjudicatorHome', 'auditorHome', 'queue', 'adverseCases', 'screening', 'corrections']],
  ['records', ['submit', 'batch', 'addRecords', 'proposeCorrection']],
  ['oversight', ['roster', 'history', 'chain', 'accessLog']],
  ['policy', ['policy', 'watchlists', 'ruleSet']],
  ['administration', ['users']],
  ['account', ['security', 'password']],
];

function renderChrome() {
  document.documentElement.lang = session.lang;
  document.title = t('title');
  document.getElementById('title').textContent = t('title');
  document.getElementById('lang-label').textContent = t('language');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  const nav = document.getElementById('nav');
  if (!session.me) {
    clearRoutes();
    nav.replaceChildren();
    out.hidden = true;
    document.getElementById('who').textContent = '';
    sessionNotice();
    signInView();
    return;
  }
  out.hidden = false;
  document.getElementById('who').textContent = t('signedInAs') + ' ' + session.me.username;
  sessionNotice();
  const seen = new Set();
  const buttons = [];
  clearRoutes();
  const section = (key, show) => {
    route(key, new RegExp('^/' + key + '$'), () => { say(''); show(); });
    buttons.push(h('button', { type: 'button', 'data-section': key, onclick: () => go('/' + key) }, t(key)));
  };
  for (const [key, role, show] of SECTIONS) {
    if (!hasRole(role) || seen.has(key)) continue;
    seen.add(key);
    section(key, show);
  }
  if (session.me.signedInWith !== 'sso') { // the agency's provider keeps their factors and password
    section('security', () => securityView());
    route('changePassword', /^\/password$/, () => passwordView());
    buttons.push(h('button', { type: 'button', 'data-section': 'password', onclick: () => go('/password') },
      t('changePassword')));
  }
  // the pages of one thing, for the roles that read it
  if (['ADJUDICATOR', 'AUDITOR', 'VETTING_OFFICER', 'APPEALS_BOARD'].some(hasRole)) {
    route('case', /^\/cases\/([^/]+)$/, (id) => adverseCaseView(id));
  }
  if (hasRole('AUDITOR')) {
    route('evaluation', /^\/evaluations\/([^/]+)$/, (id) => auditEvaluationView(id));
  }
  if (hasRole('ADJUDICATOR') || hasRole('AUDITOR')) {
    route('hit', /^\/hits\/([^/]+)$/, (id) => hitView(id));
  }
  onRoute((path) => nav.querySelectorAll('button').forEach((b) => {
    if ('/' + b.dataset.section === path || (b.dataset.section === 'adverseCases' && path.startsWith('/cases/'))) {
      b.setAttribute('aria-current', 'page');
    } else {
      b.removeAttribute('aria-current');
    }
  }));
  // grouped by task, in the order of SECTIONS within each group
  const grouped = [];
  for (const [group, keys] of GROUPS) {
    const inGroup = buttons.filter((b) => keys.includes(b.dataset.section));
    if (inGroup.length) grouped.push(h('span', { class: 'nav-group', 'aria-hidden': 'true', text: t('nav_' + group) }),
      ...inGroup);
  }
  nav.replaceChildren(...grouped);
  // a reload, a link or a bookmark keeps its place; otherwise the first section
  if (!render() && buttons.length) go('/' + buttons[0].dataset.section);
}

document.getElementById('lang').value = session.lang;
document.getElementById('lang').addEventListener('change', (ev) => {
  setLanguage(ev.target.value);
  renderChrome();
});
document.getElementById('signout').addEventListener('click', async () => {
  if (session.me && session.me.signedInWith === 'sso') {
    // signed in by the agency's provider: signed out there too
    const r = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': session.csrf || '' } });
    const body = r.ok ? await r.json() : {};
    signOut();
    forget();
    if (body.providerLogout) { location.assign(body.providerLogout); return; }
    renderChrome();
    return;
  }
  await api('DELETE', '/session');
  signOut();
  forget();
  say('');
  // the next person at this screen starts at the start, not at the last one's page
  history.replaceState(null, '', location.pathname);
  renderChrome();
});

onReauthenticate(reauthenticateDialog);
setInterval(sessionNotice, 30000);

// a page reloaded keeps its session: the cookie is still there
(async () => {
  const me = await api('GET', '/me');
  if (me.status === 200 && me.data.csrfToken) {
    await signedIn();
  } else {
    renderChrome();
  }
})();
