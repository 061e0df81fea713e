// Security keys and passkeys (WebAuthn) in the browser: the service's options (JSON, binary values
// base64url) turned into the browser's call, and the key's answer back into JSON, by the browser's
// own PublicKeyCredential JSON methods. Each answers null when the person cancels or the key refuses.
import { api } from './api.js';

/** Whether this browser can use security keys (a secure context with WebAuthn and its JSON methods). */
export function keysSupported() {
  return window.isSecureContext && typeof PublicKeyCredential !== 'undefined'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function';
}

/** Registers a key: options from optionsPath, then the new credential sent to path with its label. */
export async function registerKey(optionsPath, path, label) {
  const o = await api('POST', optionsPath);
  if (o.status !== 200) return o;
  let credential;
  try {
    credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(o.data.publicKey) });
  } catch (e) {
    return null;
  }
  return api('POST', path, JSON.stringify({ label, credential: credential.toJSON() }));
}

/** Proves a key: options, then the key's signed answer sent to path (sign-in or re-authentication). */
export async function proveKey(path, retried = false) {
  const o = await api('POST', '/session/webauthn/options');
  if (o.status !== 200) return o;
  let credential;
  try {
    credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(o.data.publicKey) });
  } catch (e) {
    return null;
  }
  return api('POST', path, JSON.stringify({ credential: credential.toJSON() }), 'application/json', retried);
}
