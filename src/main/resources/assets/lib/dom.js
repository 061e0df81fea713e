// Building the page. Safe by construction: every element is made with createElement and every
// text set as text (never innerHTML), so no data from the API can become markup.
import { t } from './i18n.js';
import { label } from './labels.js';

let uid = 0;

/** Builds an element; text is always text, never markup. Null, undefined and false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...present(children));
  return el;
}

function present(children) {
  return children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

/** A labelled input. */
export function field(label, input) {
  input.id = input.id || 'f' + (++uid);
  return h('div', {}, h('label', { for: input.id, text: label }), input);
}

/** A code as a coloured badge, in the reader's words (the code itself in its title and class). */
export function badge(value) {
  return h('span', { class: 'badge b-' + value, text: label(value), title: value, 'data-code': value });
}

/** A table with a header row. */
export function table(attrs, headings, rows) {
  return h('table', attrs, h('thead', {}, h('tr', {}, headings.map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, rows));
}

/** The status line (announced to screen readers). */
export function say(text, error = false) {
  const s = document.getElementById('status');
  s.textContent = text || '';
  s.className = error ? 'error' : '';
}

export function showError(r) {
  say((r.data && r.data.message) || ('HTTP ' + r.status), true);
}

/** Replaces an element's content; leaves out empty parts (the DOM's own replaceChildren writes "null"). */
export function fill(into, ...content) {
  into.replaceChildren(...present(content));
}

/**
 * Replaces the main area with a titled view; leaves out empty parts. Focus moves to the new view's
 * heading, so a keyboard or screen-reader user starts at the page they went to.
 */
export function view(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h2', { text: title, tabindex: '-1' });
  main.replaceChildren(heading, ...present(content));
  heading.focus();
}

export function mark(el, message) {
  el.setAttribute('aria-invalid', 'true');
  const note = h('span', { class: 'field-error', id: el.id + '-err', text: message });
  el.setAttribute('aria-describedby', note.id);
  el.parentElement.append(note);
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
}

/** Server errors are shown next to the field they name (the API's field path is each input's data-field). */
export function showFieldErrors(form, r, prefix = '') {
  showError(r);
  for (const e of (r.data && r.data.errors) || []) {
    const name = e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    const el = form.querySelector('[data-field="' + CSS.escape(name) + '"]');
    if (el) mark(el, e.message);
  }
}

/** A labelled text input bound to a field of the API. */
export function basicInput(name, type = 'text', required = false) {
  const el = h('input', { type, name });
  el.dataset.field = name;
  el.dataset.required = String(required);
  return field(t(name), el);
}

/** Offers a downloaded body as a file. */
export function download(blob, name) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
