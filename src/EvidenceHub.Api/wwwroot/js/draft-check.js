// "Check a draft" on the quotes page: a report author sends the draft report (Word) to
// POST /api/inquiries/{prefix}/drafts/check and reads each quotation's finding here, or gets the draft
// back with a Word comment at each finding (?format=docx). Authors only; the server decides.
import { getJson, uploadForm, postFormForFile, enc } from './api.js';
import { el, fill, copyButton } from './dom.js';
import { me, can, problemContent } from './session.js';

const labels = {
  verbatim: 'Verbatim',
  'wrong-location': 'Wrong location',
  'not-verbatim': 'Not verbatim',
  'not-found': 'Not found',
  'unpublished-source': 'Unpublished source',
  'names-anonymous': 'Names an anonymous submitter',
};

const panel = document.getElementById('draft-check');
const form = document.getElementById('draft-form');
const inquiry = document.getElementById('draft-inquiry');
const fileInput = document.getElementById('draft-file');
const statusBox = document.getElementById('draft-status');
const findings = document.getElementById('draft-findings');

function say(message, isProblem = false) {
  fill(statusBox, el('p', { class: isProblem ? 'problem' : 'notice', role: isProblem ? 'alert' : null }, message));
}

function draftForm() {
  if (!fileInput.files.length) {
    say('Choose the draft report (.docx) first.', true);
    fileInput.focus();
    return null;
  }
  const data = new FormData();
  data.append('file', fileInput.files[0]);
  return data;
}

const checkUrl = (format) => `/api/inquiries/${enc(inquiry.value)}/drafts/check?format=${format}`;

function item(f) {
  return el('li', { class: `draft-finding finding-${f.status}` },
    el('p', { class: 'meta' },
      el('span', { class: `badge finding-${f.status}` }, labels[f.status] || f.status),
      el('span', { class: 'muted' }, ` Draft paragraph ${f.draftParagraph}`)),
    el('blockquote', {}, f.quote),
    f.cited ? el('p', {}, el('span', { class: 'muted' }, 'Cited as: '), f.cited) : null,
    el('p', {}, f.explanation),
    f.suggestion ? el('p', { class: 'citation' }, el('span', { class: 'muted' }, 'Suggested footnote: '), el('cite', {}, f.suggestion), ' ', copyButton(f.suggestion)) : null,
    f.diff ? el('p', { class: 'diff' }, el('span', { class: 'muted' }, 'Changes ([-evidence-] {+draft+}): '), f.diff) : null,
    f.location ? el('p', {}, el('a', { href: `/submission.html?ref=${enc(f.location.reference)}#p-${f.location.passageId}` }, `Read ${f.location.citation}`)) : null);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = draftForm();
  if (!data) return;
  say('Checking the draft against the evidence…');
  fill(findings);
  try {
    const report = await uploadForm(checkUrl('json'), data);
    const counts = Object.entries(report.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${labels[s].toLowerCase()}`);
    document.getElementById('draft-summary').textContent =
      `${report.quotations} quotation${report.quotations === 1 ? '' : 's'} checked${counts.length ? `: ${counts.join(', ')}` : ''}.`;
    fill(findings, report.items.map(item));
    say(`Checked in ${(report.tookMs / 1000).toFixed(1)} s.`);
  } catch (error) {
    say(problemContent(error, 'The draft could not be checked'), true);
  }
});

document.getElementById('draft-word').addEventListener('click', async () => {
  const data = draftForm();
  if (!data) return;
  say('Writing the comments into the draft…');
  try {
    const blob = await postFormForFile(checkUrl('docx'), data);
    const link = el('a', { href: URL.createObjectURL(blob), download: fileInput.files[0].name.replace(/\.docx$/i, '') + '-checked.docx' }, 'Download the checked draft');
    fill(statusBox, el('p', { class: 'notice' }, 'The draft is ready, with a comment at each finding: ', link));
    link.focus();
  } catch (error) {
    say(problemContent(error, 'The draft could not be checked'), true);
  }
});

async function start() {
  const caller = await me();
  if (!can(caller, 'author')) return;
  const inquiries = caller.isAdmin
    ? (await getJson('/api/inquiries')).map((i) => i.prefix)
    : caller.roles.filter((r) => r.role === 'author').map((r) => r.inquiry);
  fill(inquiry, inquiries.map((prefix) => el('option', { value: prefix }, prefix)));
  panel.hidden = inquiries.length === 0;
}

start().catch(() => {});
