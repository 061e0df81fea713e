// Each role's start page: the few numbers that role acts on, and a chart of them, drawn as SVG
// from the DOM (no library, nothing inline: the CSP stays strict). Counts only, never an officer.
import { api } from '../lib/api.js';
import { h, view, showError } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { label, day } from '../lib/labels.js';
import { session } from '../lib/session.js';
import { el, colour } from '../lib/svg.js';
import { schema } from '../record/schema.js';


export async function commanderHome() {
  const r = await api('GET', '/dashboard/commander');
  if (r.status !== 200) { showError(r); return; }
  const byStatus = r.data.series.filter((p) => p.key !== 'EXPIRING');
  const statuses = [...new Set(byStatus.map((p) => p.key))];
  const units = [...new Set(byStatus.map((p) => p.group))];
  const months = r.data.series.filter((p) => p.key === 'EXPIRING');
  view(t('homeCommander'), figures(r.data.figures),
    h('h3', { text: t('clearancesByStatus') }),
    bars('chart-clearances', units, statuses, (g, k) => value(byStatus, g, k), (g) => g),
    h('h3', { text: t('expiriesByMonth') }),
    bars('chart-expiries', months.map((p) => p.group), ['EXPIRING'], (g) => value(months, g, 'EXPIRING'), monthName));
}

export async function adjudicatorHome() {
  const r = await api('GET', '/dashboard/adjudicator');
  if (r.status !== 200) { showError(r); return; }
  view(t('homeAdjudicator'), figures(r.data.figures), h('h3', { text: t('queueByAge') }),
    bars('chart-queue', r.data.series.map((p) => p.group), ['CASES'], (g) => value(r.data.series, g, 'CASES'),
      (g) => t('daysBand', g)));
}

export async function auditorHome() {
  const r = await api('GET', '/dashboard/auditor');
  if (r.status !== 200) { showError(r); return; }
  const days = [...new Set(r.data.series.map((p) => p.group))];
  // the outcomes in the service's order (GET /api/record-schema), those that occur
  const outcomes = schema().enums.outcome.filter((o) => r.data.series.some((p) => p.key === o));
  view(t('homeAuditor'), figures(r.data.figures), h('h3', { text: t('decisionsPerDay') }),
    days.length ? bars('chart-decisions', days, outcomes, (g, k) => value(r.data.series, g, k), day)
      : h('p', { text: t('nothing') }));
}

function value(series, group, key) {
  const p = series.find((x) => x.group === group && x.key === key);
  return p ? p.value : 0;
}

function monthName(ym) {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(session.lang === 'es' ? 'es-MX' : 'en-US',
    { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

function figures(list) {
  return h('div', { class: 'figures' }, list.map((f) => h('div', { class: 'figure', 'data-key': f.key },
    h('span', { class: 'figure-value', text: f.value.toLocaleString(session.lang) }),
    h('span', { class: 'figure-label', text: label(f.key) === f.key ? t('fig' + f.key) : label(f.key) }))));
}

/** Stacked bars: one per group, a segment per key, a legend when there are several keys. */
function bars(id, groups, keys, valueOf, groupLabel) {
  const width = Math.max(320, groups.length * 36 + 60);
  const height = 220;
  const top = 10;
  const bottom = 50;
  const left = 40;
  const max = Math.max(1, ...groups.map((g) => keys.reduce((s, k) => s + valueOf(g, k), 0)));
  const step = Math.min(80, (width - left - 10) / Math.max(groups.length, 1));
  const svg = el('svg', { id, role: 'img', width, height: height + (keys.length > 1 ? 24 : 0),
    viewBox: '0 0 ' + width + ' ' + (height + (keys.length > 1 ? 24 : 0)) });
  svg.append(el('title', {}, t(id)));
  svg.append(el('line', { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: '#767676' }));
  svg.append(el('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis' }, String(max)));
  svg.append(el('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', class: 'axis' }, '0'));
  groups.forEach((g, i) => {
    let y = height - bottom;
    const x = left + i * step + 4;
    for (const k of keys) {
      const v = valueOf(g, k);
      if (!v) continue;
      const hgt = (height - bottom - top) * v / max;
      y -= hgt;
      const rect = el('rect', { x, y, width: Math.max(step - 8, 4), height: hgt, fill: colour(k),
        'data-group': g, 'data-key': k, 'data-value': v });
      rect.append(el('title', {}, groupLabel(g) + ' · ' + label(k) + ': ' + v));
      svg.append(rect);
    }
    svg.append(el('text', { x: x + (step - 8) / 2, y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis',
      transform: groups.length > 8 ? 'rotate(45 ' + (x + (step - 8) / 2) + ' ' + (height - bottom + 14) + ')' : '' },
    groupLabel(g)));
  });
  if (keys.length > 1) {
    keys.forEach((k, i) => {
      svg.append(el('rect', { x: left + i * 130, y: height + 6, width: 12, height: 12, fill: colour(k) }));
      svg.append(el('text', { x: left + i * 130 + 16, y: height + 16, class: 'axis' }, label(k)));
    });
  }
  return h('figure', { class: 'chart' }, svg);
}
