// Calls to the service's API under /api, with the session cookie (the browser sends it), the
// session's CSRF token on state-changing calls, and the reader's language. A four-eyes step answered
// "reauthenticate" asks the person for a second factor, then is sent again once.
import { session } from './session.js';

let reauthenticate = null;

/** Registers the dialog that proves a second factor again: an async function answering whether it did. */
export function onReauthenticate(dialog) {
  reauthenticate = dialog;
}

/** One call; answers {status, data, headers} with data parsed as JSON (or a Blob for other types). */
export async function api(method, path, body, accept = 'application/json', retried = false) {
  const headers = { Accept: accept, 'Accept-Language': session.lang };
  if (session.csrf && method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : body,
    credentials: 'same-origin' });
  if (r.status < 400) session.lastCall = Date.now(); // a call made with the session keeps it from idling
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : await r.blob();
  if (r.status === 401 && data && data.reauthenticate && !retried && reauthenticate && await reauthenticate()) {
    return api(method, path, body, accept, true);
  }
  return { status: r.status, data, headers: r.headers };
}

/** A path segment, escaped. */
export function seg(value) {
  return encodeURIComponent(value);
}
