// One submission: its metadata, passages in reading order, search within it, similar submissions;
// quoting for its inquiry's authors and tagging for its researchers (session.js).
// Address: /submission.html?ref=LBN0012 (optionally #p-{passageId} to open at a passage).
import { getJson, ApiProblem, enc } from './api.js';
import { el, fill, snippet, copyButton } from './dom.js';
import { kinds, categories, publications, statuses, failureAdvice, locationParts, formatDate } from './codes.js';
import { mountSubmissionThemes } from './submission-themes.js';
import { mountQuoting, quoteButton } from './quoting.js';
import { me, can, isMember, problemContent } from './session.js';

const params = new URLSearchParams(location.search);
const reference = (params.get('ref') || '').trim().toUpperCase();
const loadProblem = document.getElementById('load-problem');
let mayQuote = false;

function fail(error) {
  loadProblem.hidden = false;
  fill(loadProblem, problemContent(error));
}

async function load() {
  if (!reference) {
    fail({ title: 'No submission given', detail: 'Open a submission from the search results, or add ?ref=LBN0012 to the address.' });
    return;
  }
  try {
    const [submission, caller] = await Promise.all([getJson(`/api/submissions/${enc(reference)}`), me()]);
    showSubmission(submission, isMember(caller, submission.inquiry));
    mayQuote = can(caller, 'author', submission.inquiry);
    if (mayQuote) {
      mountQuoting();
      document.getElementById('quote-hint').hidden = false;
    }
    document.getElementById('submission').hidden = false;
    const themesLoaded = mountSubmissionThemes(submission, caller);
    const [passages] = await Promise.all([
      getJson(`/api/submissions/${enc(reference)}/passages`),
      loadSimilar(),
    ]);
    showPassages(passages);
    await themesLoaded;
    if (params.get('q')) {
      document.getElementById('within-q').value = params.get('q');
      searchWithin(params.get('q'));
    }
  } catch (error) {
    fail(error instanceof ApiProblem ? error : { title: 'The submission could not be loaded', detail: String(error.message || error) });
  }
}

/** Staff of the inquiry see who an anonymous submitter is and the original file's name; the public never do. */
function showSubmission(s, staff) {
  document.title = `${s.reference} · EvidenceHub`;
  document.getElementById('reference').textContent = s.reference;
  document.getElementById('title').textContent = s.title || (s.anonymous && !staff ? 'Anonymous submission' : s.organisation || s.submitterName);
  const status = el('span', { class: `badge status-${s.status}` }, statuses[s.status] || s.status);
  const rows = [
    ['Submitter', !s.anonymous ? s.submitterName : staff ? `${s.submitterName} (to be published anonymously)` : 'Anonymous'],
    ['Organisation', s.anonymous && !staff ? null : s.organisation],
    ['Category', categories[s.category] || s.category],
    ['Kind', kinds[s.kind] || s.kind],
    ['Inquiry', s.inquiry],
    ['Received', formatDate(s.receivedOn)],
    ['Publication', el('span', { class: `badge pub-${s.publication}` }, publications[s.publication] || s.publication)],
    ['Status', s.status === 'failed'
      ? [status, el('p', { class: 'reason' }, s.failureReason || '', ' ', failureAdvice[s.failureKind] || '')]
      : status],
    ['Pages', s.pageCount],
    ['Passages', s.passageCount],
    ['Words in passages', s.wordCoverage === null || s.wordCoverage === undefined ? null
      : s.warning ? el('p', { class: 'reason coverage-warning' }, s.warning) : `${(s.wordCoverage * 100).toFixed(1)}% of the file's words`],
    ['Original file', staff
      ? el('a', { href: `/api/submissions/${enc(s.reference)}/file`, download: s.fileName }, s.fileName || 'Download')
      : el('a', { href: `/api/submissions/${enc(s.reference)}/file`, download: s.reference }, 'Download')],
    ['SHA-256', el('code', {}, s.sha256)],
  ];
  fill(document.getElementById('metadata'), rows
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function citationOf(p) {
  return `${reference}${locationParts(p).length ? ` ${locationParts(p).join(' · ')}` : ''}`;
}

function showPassages(passages) {
  document.getElementById('passages-summary').textContent = passages.length
    ? `${passages.length} passage${passages.length === 1 ? '' : 's'}.`
    : 'No passages: the file has not been read yet, or has no text.';
  fill(document.getElementById('passages'), passages.map((p) => {
    const where = locationParts(p);
    const location = where.length ? where.join(' · ') : `passage ${p.ordinal}`;
    return el('li', { id: `p-${p.id}`, tabindex: '-1', dataset: { passageId: p.id, location } },
      el('div', { class: 'passage-head' }, el('p', { class: 'location' }, location), mayQuote ? quoteButton(p, location) : null),
      p.section ? el('p', { class: 'section muted' }, p.section) : null,
      el('p', { class: 'text' }, p.text));
  }));
  if (location.hash.startsWith('#p-')) {
    const target = document.getElementById(location.hash.slice(1));
    target?.scrollIntoView();
    target?.focus();
  }
}

async function loadSimilar() {
  const list = document.getElementById('similar');
  try {
    const similar = await getJson(`/api/submissions/${enc(reference)}/similar`);
    fill(list, similar.length
      ? similar.map((hit) => el('li', {},
        el('a', { href: `/submission.html?ref=${enc(hit.reference)}` }, el('span', { class: 'ref' }, hit.reference), ' ', hit.title || hit.organisation || hit.submitterName),
        el('div', { class: 'meta' }, [hit.organisation, categories[hit.category]].filter(Boolean).join(' · '))))
      : el('li', { class: 'muted' }, 'No similar submissions found.'));
  } catch (error) {
    fill(list, el('li', { class: 'muted' }, `Similar submissions could not be loaded: ${error.message}`));
  }
}

const withinProblem = document.getElementById('within-problem');
const withinSummary = document.getElementById('within-summary');
const withinHits = document.getElementById('within-hits');

async function searchWithin(q) {
  document.querySelectorAll('.reading li.found').forEach((li) => li.classList.remove('found'));
  withinProblem.hidden = true;
  if (!q) {
    withinSummary.textContent = '';
    withinHits.replaceChildren();
    return;
  }
  try {
    const hits = await getJson(`/api/submissions/${enc(reference)}/search?q=${enc(q)}`);
    withinSummary.textContent = hits.length
      ? `${hits.length} passage${hits.length === 1 ? '' : 's'} match.`
      : 'No passage in this submission matches.';
    fill(withinHits, hits.map((p) => {
      document.getElementById(`p-${p.id}`)?.classList.add('found');
      const where = locationParts(p);
      return el('li', { class: 'passage' },
        el('p', { class: 'location' }, el('a', { href: `#p-${p.id}` }, where.length ? where.join(' · ') : `passage ${p.ordinal}`)),
        el('blockquote', {}, snippet(p.snippet)),
        el('p', { class: 'citation' }, el('cite', {}, p.citation || citationOf(p)), ' ', copyButton(p.citation || citationOf(p))));
    }));
  } catch (error) {
    withinProblem.hidden = false;
    fill(withinProblem, problemContent(error, 'The search failed'));
    withinSummary.textContent = '';
    withinHits.replaceChildren();
  }
}

document.getElementById('within-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('within-q').value.trim();
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
  url.hash = '';
  history.replaceState(null, '', url);
  searchWithin(q);
});
document.getElementById('within-clear').addEventListener('click', () => {
  document.getElementById('within-q').value = '';
  const url = new URL(location.href);
  url.searchParams.delete('q');
  history.replaceState(null, '', url);
  searchWithin('');
});
// A link back to the search the reader came from, when there was one.
if (document.referrer && new URL(document.referrer).origin === location.origin && new URL(document.referrer).pathname === '/') {
  document.getElementById('back-to-search').href = document.referrer;
}

load();
