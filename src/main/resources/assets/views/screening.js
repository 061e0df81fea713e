// Screening against watchlists (policy v1.2). Adjudicators and auditors: the queue of possible
// matches, and a hit page with the list entry beside the officer, its explanation and reviews;
// adjudicators review it there (CONFIRM, or DISMISS: a second adjudicator completes a dismissal).
// Policy officers: the lists, their versions, importing one, and approving a version that removes
// entries. Commanders have no part of this.
import { api, seg } from '../lib/api.js';
import { h, field, badge, table, view, say, mark, clearErrors, showError, showFieldErrors } from '../lib/dom.js';
import { day, moment } from '../lib/labels.js';
import { t } from '../lib/i18n.js';
import { hasRole } from '../lib/session.js';
import { go } from '../lib/router.js';

/** A hit's review status, in the reader's words (DISMISSED means "not this person" here). */
export function hitBadge(status) {
  return h('span', { class: 'badge b-hit-' + status, text: t('hit_' + status), title: status, 'data-code': status });
}

export async function hitsView(status = '') {
  const r = await api('GET', '/screening-hits?limit=1000' + (status ? '&status=' + seg(status) : ''));
  if (r.status !== 200) { showError(r); return; }
  const filter = h('select', { name: 'status', id: 'hit-status', onchange: (ev) => hitsView(ev.target.value) },
    ['', 'OPEN', 'DISMISSAL_PENDING', 'CONFIRMED', 'DISMISSED'].map((s) => h('option', { value: s, text: s ? t('hit_' + s)
      : t('hitsToReview'), selected: s === status })));
  const rows = r.data.items.map((i) => h('tr', {}, h('td', { text: i.officerId }), h('td', { text: i.officerName || '' }),
    h('td', { text: subjectText(i.subject, i.subjectName) }), h('td', { text: i.list }),
    h('td', { text: i.entryName }), h('td', { text: Number(i.score).toFixed(2) }), h('td', {}, hitBadge(i.status)),
    h('td', { text: moment(i.raisedAt) }),
    h('td', {}, h('button', { type: 'button', 'data-hit': i.hitId, onclick: () => go('/hits/' + i.hitId) }, t('open')))));
  view(t('screening'), field(t('status'), filter), rows.length
    ? table({ id: 'hits' }, [t('officerId'), t('name'), t('screened'), t('list'), t('entry'), t('score'), t('status'),
      t('raisedAt'), ''], rows)
    : h('p', { text: t('nothing') }));
}

function subjectText(subject, name) {
  return subject === 'OFFICER' ? t('theOfficer') + ': ' + name
    : t('association') + ' ' + subject.slice(subject.indexOf(':') + 1) + ': ' + name;
}

export async function hitView(hitId) {
  const r = await api('GET', '/screening-hits/' + seg(hitId));
  if (r.status !== 200) { showError(r); return; }
  const hit = r.data;
  const e = hit.entry;
  const dl = (pairs) => h('dl', {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  const officer = h('section', { class: 'side', id: 'hit-officer' }, h('h3', { text: t('theOfficer') }), dl([
    [t('officerId'), hit.officerId], [t('name'), hit.officerName], [t('dateOfBirth'), day(hit.dateOfBirth)],
    [t('country'), hit.country], [t('screened'), subjectText(hit.subject, hit.subjectName)],
    [t('subjectBirthDate'), hit.subject === 'OFFICER' ? '' : day(hit.subjectBirthDate)]]));
  const entry = h('section', { class: 'side', id: 'hit-entry' }, h('h3', { text: t('listEntry') }), dl([
    [t('list'), hit.list + ' · ' + t('version') + ' ' + hit.listVersion], [t('entry'), hit.entryId],
    [t('name'), e.name], [t('matchedName'), hit.entryName], [t('type'), e.type],
    [t('aliases'), e.aliases.join('; ')], [t('weakAliases'), e.weakAliases.join('; ')],
    [t('dateOfBirth'), e.birthDate], [t('nationality'), e.nationality.join(', ')], [t('program'), e.program],
    [t('remarks'), e.remarks]]));
  const reviews = hit.reviews.length ? table({ id: 'hit-reviews' }, [t('decision'), t('reasons'), t('by'), t('when')],
    hit.reviews.map((v) => h('tr', {}, h('td', { text: t('review_' + v.decision) }), h('td', { text: v.reasons }),
      h('td', { text: v.reviewedBy }), h('td', { text: moment(v.reviewedAt) })))) : null;
  let form = null;
  if (hasRole('ADJUDICATOR') && (hit.status === 'OPEN' || hit.status === 'DISMISSAL_PENDING')) {
    const decision = h('select', { name: 'decision' }, h('option', { value: 'CONFIRM', text: t('review_CONFIRM') }),
      h('option', { value: 'DISMISS', text: t('review_DISMISS') }));
    const reasons = h('textarea', { name: 'reasons', required: true });
    reasons.dataset.field = 'reasons';
    form = h('form', { id: 'review', novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      if (!reasons.value.trim()) { mark(reasons, t('required')); say(t('fixErrors'), true); return; }
      const d = await api('POST', '/screening-hits/' + seg(hitId) + '/review',
        JSON.stringify({ decision: decision.value, reasons: reasons.value }));
      if (d.status !== 200) { showFieldErrors(form, d); return; }
      say(t('reviewed_' + d.data.status));
      hitView(hitId);
    } }, field(t('decision'), decision), field(t('reasons'), reasons),
    h('p', {}, h('button', { type: 'submit', text: t('recordReview') })));
  }
  view(t('hit') + ': ' + hit.officerId, h('p', {}, hitBadge(hit.status), ' ', t('score') + ' ' + Number(hit.score).toFixed(2)),
    h('p', { class: 'explanation', text: hit.explanation }),
    h('div', { class: 'beside' }, officer, entry),
    reviews, form,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => go('/screening') }, t('backToQueue'))));
}

/** The screening part of an evaluation: the lists in force and each possible match, explained. */
export function screeningBlock(s) {
  if (!s) return null;
  return h('section', { class: 'screening' }, h('h3', { text: t('screening') }),
    h('p', { class: 'muted', text: t('listsInForce') + ': ' + (s.lists.map((l) => l.list + ' v' + l.version).join(', ')
      || t('none')) }),
    s.hits.length === 0 ? h('p', { text: t('noHits') }) : table({ class: 'hits' }, [t('status'), t('explanation')],
      s.hits.map((x) => h('tr', { 'data-hit': x.hitId || '' }, h('td', {}, hitBadge(x.status)),
        h('td', { text: x.explanation })))));
}

export async function watchlistsView() {
  const r = await api('GET', '/watchlists');
  if (r.status !== 200) { showError(r); return; }
  const rows = r.data.flatMap((l) => l.versions.map((v) => h('tr', { 'data-list': l.list, 'data-version': v.version },
    h('td', { text: l.list }), h('td', { text: v.version }), h('td', {}, badge(v.status)),
    h('td', { text: v.entries }), h('td', { text: t('addedRemovedChanged', v.added, v.removed, v.changed) }),
    h('td', { text: v.importedBy + ' · ' + moment(v.importedAt) }),
    h('td', { text: v.decidedBy ? v.decidedBy + ' · ' + moment(v.decidedAt) : '' }),
    h('td', { text: v.status === 'ACTIVE' && l.rescreening ? t('rescreened', l.rescreening.done, l.rescreening.total,
      l.rescreening.newHits, l.rescreening.reevaluated) : '' }),
    h('td', {}, v.status === 'PENDING_APPROVAL' ? decideForm(l.list, v) : null))));
  const list = h('input', { name: 'list', id: 'import-list', placeholder: 'MX-UIF' });
  list.dataset.field = 'list';
  const format = h('select', { name: 'format', id: 'import-format' }, ['ofac-csv', 'opensanctions-ftm', 'csv']
    .map((f) => h('option', { value: f, text: t('format_' + f) })));
  const files = h('input', { type: 'file', name: 'files', id: 'import-files', multiple: true });
  files.dataset.field = 'files';
  const form = h('form', { id: 'import', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!files.files.length) { mark(files, t('required')); say(t('fixErrors'), true); return; }
    const body = { format: format.value, files: {} };
    // each file as its bytes, exactly as published (OFAC's legacy files are Windows-1252, end with 0x1A)
    for (const f of files.files) body.files[f.name] = { base64: await base64Of(f) };
    const d = await api('POST', '/watchlists/' + seg(list.value.trim()) + '/versions', JSON.stringify(body));
    if (d.status !== 201) { showFieldErrors(form, d); return; }
    say(t(d.data.status === 'ACTIVE' ? 'importedActive' : 'importedPending', d.data.list, d.data.version));
    watchlistsView();
  } }, field(t('list'), list), field(t('format'), format), field(t('listFiles'), files),
  h('p', { class: 'muted', text: t('importHint') }), h('p', {}, h('button', { type: 'submit', text: t('import') })));
  view(t('watchlists'), rows.length ? table({ id: 'watchlists' }, [t('list'), t('version'), t('status'), t('entries'),
    t('changes'), t('importedBy'), t('decidedBy'), t('rescreening'), ''], rows) : h('p', { text: t('nothing') }),
  h('h3', { text: t('importVersion') }), form);
}

/** A file's bytes in base64 (the browser encodes it; the service decodes it as it streams). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function decideForm(list, v) {
  const reasons = h('input', { name: 'reasons', size: 30, placeholder: t('reasons') });
  reasons.dataset.field = 'reasons';
  const send = async (what) => {
    const d = await api('POST', '/watchlists/' + seg(list) + '/versions/' + v.version + '/' + what,
      JSON.stringify({ reasons: reasons.value }));
    if (d.status !== 200) { showError(d); return; }
    say(t('done'));
    watchlistsView();
  };
  return h('span', { class: 'decide' }, reasons,
    h('button', { type: 'button', 'data-approve': list + '/' + v.version, onclick: () => send('approve') }, t('approve')),
    h('button', { type: 'button', class: 'secondary', onclick: () => send('reject') }, t('reject')));
}
