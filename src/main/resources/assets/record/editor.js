// Editing the record's lists: one fieldset per list with repeatable rows, built from the schema.
// The client-side checks mirror the server's 422s (required fields, no date after today, unique
// ids and years, no negative numbers); the server's answer is shown next to the field it names.
import { h, field, mark, clearErrors, say } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { label } from '../lib/labels.js';
import { schema, list } from './schema.js';

function input(spec) {
  const { name, kind, options, defaultValue } = spec;
  if (kind === 'select') {
    return h('select', { name }, h('option', { value: '', text: '—' }),
      options.map((o) => h('option', { value: o, text: label(o), selected: o === defaultValue })));
  }
  if (kind === 'checkbox') return h('input', { type: 'checkbox', name, checked: defaultValue === true });
  return h('input', { type: kind, name, step: kind === 'number' ? 'any' : null });
}

/** The fieldset of one list, with a button that adds a row. */
export function listEditor(name) {
  const rows = h('div', { class: 'rows' });
  const addRow = () => {
    const row = h('div', { class: 'row', 'data-list': name });
    for (const spec of list(name).fields) {
      const el = input(spec);
      el.dataset.name = spec.name;
      row.append(field(t(spec.name), el));
    }
    row.append(h('button', { type: 'button', class: 'secondary', onclick: () => { row.remove(); renumber(rows, name); } },
      t('removeRow')));
    rows.append(row);
    renumber(rows, name);
  };
  return h('fieldset', { 'data-list': name }, h('legend', { text: t(name) }), rows,
    h('button', { type: 'button', class: 'secondary', 'data-add': name, onclick: addRow }, t('addRow') + ': ' + t(name)));
}

/** Every list's editor, in the record's order. */
export function listEditors() {
  return schema().lists.map((l) => listEditor(l.name));
}

function renumber(rows, name) {
  [...rows.children].forEach((row, i) => row.querySelectorAll('[data-name]')
    .forEach((el) => { el.dataset.field = name + '[' + i + '].' + el.dataset.name; }));
}

/** The entries of one list as the API takes them. */
export function collectList(form, name) {
  const out = [];
  for (const row of form.querySelectorAll('.row[data-list="' + name + '"]')) {
    const item = {};
    for (const el of row.querySelectorAll('[data-name]')) {
      const key = el.dataset.name;
      if (el.type === 'checkbox') item[key] = el.checked;
      else if (el.value !== '') item[key] = el.type === 'number' ? Number(el.value) : el.value;
    }
    out.push(item);
  }
  return out;
}

/** Every list's entries, keyed by the list's name; empty lists left out when {@code skipEmpty}. */
export function collectLists(form, skipEmpty = false) {
  const body = {};
  for (const l of schema().lists) {
    const items = collectList(form, l.name);
    if (items.length || !skipEmpty) body[l.name] = items;
  }
  return body;
}

function specOf(el) {
  const m = /^(\w+)\[\d+\]\.(\w+)$/.exec(el.dataset.field || '');
  const l = m && list(m[1]);
  return l ? l.fields.find((f) => f.name === m[2]) : null;
}

/** Marks what the server would refuse; answers whether the form may be sent. */
export function check(form) {
  clearErrors(form);
  const today = new Date().toISOString().slice(0, 10);
  let ok = true;
  for (const el of form.querySelectorAll('[data-field]')) {
    const spec = specOf(el);
    const required = el.dataset.required === 'true' || (spec && spec.required);
    if (required && el.type !== 'checkbox' && el.value === '') { mark(el, t('required')); ok = false; }
    if (el.type === 'date' && el.value && el.value > today) { mark(el, t('futureDate')); ok = false; }
  }
  for (const l of schema().lists) {
    const seen = new Set();
    for (const el of form.querySelectorAll('.row[data-list="' + l.name + '"] [data-name="' + l.key + '"]')) {
      if (el.value === '') continue;
      if (seen.has(el.value)) { mark(el, t('duplicate') + ' ' + el.value); ok = false; }
      seen.add(el.value);
    }
  }
  for (const el of form.querySelectorAll('input[type=number]')) {
    if (el.value !== '' && Number(el.value) < 0) { mark(el, t('negative')); ok = false; }
  }
  if (!ok) say(t('fixErrors'), true);
  return ok;
}
