// Who is signed in, in which language. Credentials live only here, in memory: gone on reload or
// sign-out, never in localStorage or a cookie (so there is no CSRF surface). The language alone is
// remembered.
export const session = {
  auth: null,
  me: null,
  units: [],
  lang: localStorage.getItem('vetting.lang') === 'es' ? 'es' : 'en',
};

export function setLanguage(lang) {
  session.lang = lang === 'es' ? 'es' : 'en';
  localStorage.setItem('vetting.lang', session.lang);
}

export function signOut() {
  session.auth = null;
  session.me = null;
}

export function hasRole(role) {
  return Boolean(session.me && session.me.roles.includes(role));
}
