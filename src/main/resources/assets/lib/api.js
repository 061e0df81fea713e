// Calls to the service's API under /api, with the signed-in user's credentials and language.
import { session } from './session.js';

/** One call; answers {status, data, headers} with data parsed as JSON (or a Blob for other types). */
export async function api(method, path, body, accept = 'application/json') {
  const headers = { Accept: accept, 'Accept-Language': session.lang };
  if (session.auth) headers.Authorization = session.auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : body });
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : await r.blob();
  return { status: r.status, data, headers: r.headers };
}

export function basicAuth(user, password) {
  return 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
}

/** A path segment, escaped. */
export function seg(value) {
  return encodeURIComponent(value);
}
