// The officer record's shape, served by the API (GET /api/record-schema) from the record types
// themselves: each list, its fields, which are required, the values of each enum. Loaded once.
import { api } from '../lib/api.js';

let loaded = null;

/** {fields, lists: [{name, key, fields: [{name, kind, required, options, defaultValue}]}], enums} */
export async function loadSchema() {
  if (!loaded) {
    const r = await api('GET', '/record-schema');
    if (r.status !== 200) throw new Error('record schema: HTTP ' + r.status);
    loaded = r.data;
  }
  return loaded;
}

/** The schema once loaded (after sign-in). */
export function schema() {
  return loaded;
}

export function forget() {
  loaded = null;
}

/** The spec of a list by its JSON name. */
export function list(name) {
  return loaded.lists.find((l) => l.name === name);
}
