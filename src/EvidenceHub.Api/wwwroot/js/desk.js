// The clerk's desk: choose (or, as an administrator, create) an inquiry, receive files one by one or
// as a ZIP batch, and watch the submissions list, whose statuses refresh on their own while files are
// being read. Only clerks of an inquiry (and administrators) get the desk; others are told why.
import { getJson, postJson, uploadForm, enc } from './api.js';
import { el, fill } from './dom.js';
import { kinds, categories, publications, statuses, failureAdvice, formatDate, options } from './codes.js';
import { me, can, problemContent, accessNotice } from './session.js';

const inquiryBox = document.getElementById('inquiry');
const listBody = document.querySelector('#submissions tbody');
const listSummary = document.getElementById('list-summary');
const statusFilter = document.getElementById('filter-status');
const publicationFilter = document.getElementById('filter-publication');
const pageSize = 50;
let page = 1;
let pollTimer = null;
let caller = null;

document.getElementById('upload-kind').append(...options(kinds, 'written'));
document.getElementById('upload-category').append(...options(categories));
statusFilter.append(...options(statuses));
publicationFilter.append(...options(publications));

function problemBox(error) {
  return el('p', { class: 'problem', role: 'alert' }, problemContent(error));
}

function currentInquiry() {
  return inquiryBox.value;
}

async function loadInquiries(select) {
  // The inquiries this caller is a clerk of (an administrator: every one).
  const inquiries = (await getJson('/api/inquiries')).filter((i) => can(caller, 'clerk', i.prefix));
  const wanted = select || new URLSearchParams(location.search).get('inquiry') || inquiryBox.value;
  fill(inquiryBox, inquiries.map((i) => el('option', { value: i.prefix, selected: i.prefix === wanted }, `${i.prefix} — ${i.title}`)));
  if (!inquiries.length) fill(inquiryBox, el('option', { value: '' }, caller.isAdmin ? 'No inquiries yet: create one' : 'No inquiries'));
  showInquiry(inquiries.find((i) => i.prefix === currentInquiry()));
}

function showInquiry(inquiry) {
  document.getElementById('inquiry-summary').textContent = inquiry
    ? `${inquiry.submissionCount} submission${inquiry.submissionCount === 1 ? '' : 's'}${inquiry.description ? ` · ${inquiry.description}` : ''}`
    : '';
}

inquiryBox.addEventListener('change', async () => {
  const url = new URL(location.href);
  url.searchParams.set('inquiry', currentInquiry());
  history.replaceState(null, '', url);
  page = 1;
  await loadInquiries(currentInquiry());
  refreshList();
});

document.getElementById('inquiry-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('inquiry-result');
  const body = Object.fromEntries(new FormData(form));
  try {
    const inquiry = await postJson('/api/inquiries', body);
    fill(result, el('p', { class: 'notice' }, `Inquiry ${inquiry.prefix} created.`));
    form.reset();
    await loadInquiries(inquiry.prefix);
    inquiryBox.dispatchEvent(new Event('change'));
  } catch (error) {
    fill(result, problemBox(error));
  }
});

// ---- One file -------------------------------------------------------------------------------

document.getElementById('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('upload-result');
  const progress = document.getElementById('upload-progress');
  const button = document.getElementById('upload-button');
  const prefix = currentInquiry();
  if (!prefix) {
    fill(result, problemBox({ title: 'No inquiry chosen', detail: 'Create an inquiry first.' }));
    return;
  }
  const data = new FormData(form);
  for (const [key, value] of [...data.entries()]) if (value === '') data.delete(key);
  button.disabled = true;
  progress.value = 0;
  fill(result, el('p', { class: 'muted' }, 'Uploading…'));
  try {
    const submission = await uploadForm(`/api/inquiries/${enc(prefix)}/submissions`, data, (fraction) => { progress.value = Math.round(fraction * 100); });
    progress.value = 100;
    fill(result, el('p', { class: 'notice' }, 'Received as ',
      el('a', { href: `/submission.html?ref=${enc(submission.reference)}` }, submission.reference),
      '. It is queued to be read; its status below updates by itself.'));
    form.reset();
    refreshList();
  } catch (error) {
    const existing = error.problem?.existingReference;
    fill(result, problemBox(error), existing
      ? el('p', {}, 'See ', el('a', { href: `/submission.html?ref=${enc(existing)}` }, existing), '.')
      : null);
  } finally {
    button.disabled = false;
  }
});

// ---- A ZIP batch ----------------------------------------------------------------------------

const outcomes = { accepted: 'Accepted', duplicate: 'Already received', rejected: 'Rejected' };

document.getElementById('batch-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('batch-result');
  const progress = document.getElementById('batch-progress');
  const button = document.getElementById('batch-button');
  const prefix = currentInquiry();
  if (!prefix) {
    fill(result, problemBox({ title: 'No inquiry chosen', detail: 'Create an inquiry first.' }));
    return;
  }
  button.disabled = true;
  progress.value = 0;
  fill(result, el('p', { class: 'muted' }, 'Uploading…'));
  try {
    const batch = await uploadForm(`/api/inquiries/${enc(prefix)}/submissions/batch`, new FormData(form), (fraction) => { progress.value = Math.round(fraction * 100); });
    progress.value = 100;
    fill(result, renderBatch(batch));
    form.reset();
    refreshList();
  } catch (error) {
    fill(result, problemBox(error));
  } finally {
    button.disabled = false;
  }
});

function renderBatch(batch) {
  const rows = batch?.rows || [];
  return [
    el('p', { class: 'notice' }, `${batch.accepted ?? 0} accepted, ${batch.duplicates ?? 0} already received, ${batch.rejected ?? 0} rejected.`),
    el('div', { class: 'table-wrap' }, el('table', { class: 'responsive batch-results' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'File'), el('th', { scope: 'col' }, 'Outcome'), el('th', { scope: 'col' }, 'Reference or reason'))),
      el('tbody', {}, rows.map((row) => el('tr', { dataset: { outcome: row.outcome } },
        el('td', { 'data-label': 'File' }, row.file),
        el('td', { 'data-label': 'Outcome' }, outcomes[row.outcome] || row.outcome),
        el('td', { 'data-label': 'Result' }, referenceOrReason(row))))))),
  ];
}

function referenceOrReason(row) {
  const ref = row.reference || row.existingReference;
  return [
    ref ? el('a', { href: `/submission.html?ref=${enc(ref)}` }, ref) : null,
    row.reason ? el('span', {}, ref ? ` — ${row.reason}` : row.reason) : null,
  ];
}

// ---- The submissions list, live ---------------------------------------------------------------

statusFilter.addEventListener('change', () => { page = 1; refreshList(); });
publicationFilter.addEventListener('change', () => { page = 1; refreshList(); });

async function refreshList() {
  clearTimeout(pollTimer);
  const prefix = currentInquiry();
  if (!prefix) {
    listBody.replaceChildren();
    listSummary.textContent = '';
    return;
  }
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (statusFilter.value) query.set('status', statusFilter.value);
  if (publicationFilter.value) query.set('publication', publicationFilter.value);
  let busy = false;
  try {
    const list = await getJson(`/api/inquiries/${enc(prefix)}/submissions?${query}`);
    showList(list);
    busy = list.items.some((s) => s.status === 'queued' || s.status === 'extracting');
  } catch (error) {
    listSummary.textContent = `The list could not be loaded: ${error.message}`;
  }
  // Poll quickly while files are being read, slowly otherwise.
  pollTimer = setTimeout(refreshList, busy ? 1500 : 10000);
}

function showList(list) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const reading = list.items.filter((s) => s.status === 'queued' || s.status === 'extracting').length;
  listSummary.textContent = `${list.total} submission${list.total === 1 ? '' : 's'}${reading ? ` · ${reading} being read` : ''} · page ${list.page} of ${pages}`;
  const existing = new Map([...listBody.rows].map((row) => [row.dataset.reference, row]));
  const rows = list.items.map((s) => {
    const row = existing.get(s.reference) || createRow(s);
    updateRow(row, s);
    return row;
  });
  // Re-append in reference order; rows keep their DOM (and any focused control) across polls.
  for (const row of existing.values()) if (!rows.includes(row)) row.remove();
  rows.forEach((row, i) => { if (listBody.rows[i] !== row) listBody.insertBefore(row, listBody.rows[i] || null); });
  renderPager(list.page, pages);
}

function createRow(s) {
  return el('tr', { dataset: { reference: s.reference } },
    el('td', { 'data-label': 'Reference' }, el('a', { href: `/submission.html?ref=${enc(s.reference)}`, class: 'ref' }, s.reference)),
    el('td', { 'data-label': 'Submitter', class: 'submitter' }),
    el('td', { 'data-label': 'Kind', class: 'kind' }),
    el('td', { 'data-label': 'Received', class: 'received' }),
    el('td', { 'data-label': 'Status', class: 'status' }),
    el('td', { 'data-label': 'Publication', class: 'publication' }));
}

function updateRow(row, s) {
  row.querySelector('.submitter').textContent = [s.organisation, s.submitterName].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' · ') + (s.anonymous ? ' (anonymous)' : '');
  row.querySelector('.kind').textContent = kinds[s.kind] || s.kind;
  row.querySelector('.received').textContent = formatDate(s.receivedOn);
  const statusKey = [s.status, s.failureKind, s.failureReason, s.passageCount, s.warning].join('|');
  if (row.dataset.status !== statusKey) {
    row.dataset.status = statusKey;
    row.dataset.state = s.status;
    fill(row.querySelector('.status'), statusCell(s));
  }
  if (row.dataset.publication !== s.publication && !row.querySelector('.publication').contains(document.activeElement)) {
    row.dataset.publication = s.publication;
    fill(row.querySelector('.publication'), publicationCell(s));
  }
}

function statusCell(s) {
  const badge = el('span', { class: `badge status-${s.status}` }, statuses[s.status] || s.status);
  if (s.status === 'indexed') {
    return [
      badge,
      el('span', { class: 'muted' }, ` ${s.passageCount} passages`),
      // Words of the file missing from its passages: said plainly, never passed off as complete.
      s.warning ? el('p', { class: 'reason coverage-warning' }, el('strong', {}, 'Words missing: '), s.warning) : null,
    ];
  }
  if (s.status !== 'failed') return badge;
  return [
    badge,
    el('p', { class: 'reason' }, s.failureReason || 'The file could not be read.'),
    failureAdvice[s.failureKind] ? el('p', { class: 'reason muted' }, failureAdvice[s.failureKind]) : null,
    s.failureKind === 'needs-password' ? passwordForm(s) : null,
  ];
}

function passwordForm(s) {
  const id = `password-${s.reference}`;
  const message = el('span', { role: 'status' });
  const input = el('input', { id, type: 'password', name: 'password', required: true, autocomplete: 'off' });
  return el('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        await postJson(`/api/submissions/${enc(s.reference)}/password`, { password: input.value });
        message.textContent = 'Trying the password…';
        refreshList();
      } catch (error) {
        message.textContent = error.detail || error.title;
      }
    },
  }, el('label', { for: id }, `Password for ${s.reference}`), input, el('button', { type: 'submit' }, 'Try password'), message);
}

function publicationCell(s) {
  const id = `publication-${s.reference}`;
  const select = el('select', { id, name: 'publication' }, options(publications, s.publication));
  const message = el('span', { role: 'status', class: 'muted' });
  return el('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const updated = await postJson(`/api/submissions/${enc(s.reference)}/publication`, { publication: select.value });
        message.textContent = 'Saved';
        select.closest('tr').dataset.publication = updated.publication;
      } catch (error) {
        message.textContent = error.detail || error.title;
      }
    },
  }, el('label', { for: id, class: 'visually-hidden' }, `Publication of ${s.reference}`), select, el('button', { type: 'submit', class: 'secondary' }, 'Set'), message);
}

function renderPager(current, pages) {
  const pager = document.getElementById('list-pager');
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const button = (label, target, disabled) => el('button', { type: 'button', class: 'link-button', disabled, onclick: () => { page = target; refreshList(); } }, label);
  fill(pager, button('← Previous', current - 1, current <= 1), el('span', {}, `Page ${current} of ${pages}`), button('Next →', current + 1, current >= pages));
}

async function start() {
  caller = await me();
  const access = document.getElementById('desk-access');
  if (!can(caller, 'clerk')) {
    fill(access, accessNotice(caller, { what: "The clerk's desk", role: 'clerk' }));
    return;
  }
  document.getElementById('desk').hidden = false;
  document.getElementById('new-inquiry').hidden = !caller.isAdmin;
  try {
    await loadInquiries();
    refreshList();
  } catch (error) {
    fill(listSummary, problemContent(error, 'The desk could not load its inquiries'));
  }
}

start();
