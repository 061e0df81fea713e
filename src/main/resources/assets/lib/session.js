// Who is signed in, in which language. The browser never holds a password: signing in yields a
// server-side session in an HttpOnly cookie the page cannot read; the page keeps only the session's
// CSRF token (sent with every state-changing call) and who is signed in. The language alone is
// remembered.
export const session = {
  me: null,
  csrf: null,
  /** When the session ends at the latest, and how long it may idle, by this page's clock. */
  absoluteEnd: null,
  idleMillis: null,
  lastCall: null,
  units: [],
  lang: localStorage.getItem('vetting.lang') === 'es' ? 'es' : 'en',
};

export function setLanguage(lang) {
  session.lang = lang === 'es' ? 'es' : 'en';
  localStorage.setItem('vetting.lang', session.lang);
}

export function signOut() {
  session.me = null;
  session.csrf = null;
  session.absoluteEnd = null;
  session.idleMillis = null;
}

export function hasRole(role) {
  return Boolean(session.me && session.me.roles.includes(role));
}
