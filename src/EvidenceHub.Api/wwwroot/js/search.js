// The search page. Its whole state lives in the query string (q, filters, from, to, sort, page), so a
// link reproduces a search and back/forward move between searches.
import { getJson, ApiProblem } from './api.js';
import { el, fill, snippet, copyButton } from './dom.js';
import { facetNames, facetValueLabel, kinds, categories, publications, locationParts, formatDate } from './codes.js';
import { problemContent } from './session.js';

const facetOrder = ['inquiry', 'kind', 'category', 'organisation', 'theme', 'year', 'speaker'];
const pageSize = 20;
const shortList = 8; // values a facet shows before "Show all"
const expanded = new Set();

const form = document.getElementById('search-form');
const queryBox = document.getElementById('q');
const problem = document.getElementById('query-problem');
const sortBox = document.getElementById('sort');
const fromBox = document.getElementById('from');
const toBox = document.getElementById('to');
const summary = document.getElementById('summary');
const didYouMean = document.getElementById('did-you-mean');
const hitList = document.getElementById('hits');
const pager = document.getElementById('pager');
const facetGroups = document.getElementById('facet-groups');

let current = null;

function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const facet of facetOrder) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  return {
    q: params.get('q') || '',
    filters,
    from: params.get('from') || '',
    to: params.get('to') || '',
    sort: params.get('sort') || 'relevance',
    page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1),
  };
}

function toQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of facetOrder) for (const value of state.filters[facet] || []) params.append(facet, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params.toString();
}

/** Moves to a new state: a new history entry, then a fresh search. */
function go(changes, { resetPage = true } = {}) {
  const next = { ...current, ...changes };
  if (resetPage && !('page' in changes)) next.page = 1;
  const query = toQuery(next);
  history.pushState(null, '', query ? `/?${query}` : '/');
  run(next);
}

function showForm(state) {
  queryBox.value = state.q;
  sortBox.value = state.sort;
  fromBox.value = state.from;
  toBox.value = state.to;
}

let inFlight = null;

async function run(state) {
  current = state;
  showForm(state);
  document.title = state.q ? `${state.q} · Search · EvidenceHub` : 'Search the evidence · EvidenceHub';
  inFlight?.abort();
  inFlight = new AbortController();
  const apiQuery = new URLSearchParams(toQuery(state));
  apiQuery.set('pageSize', String(pageSize));
  apiQuery.set('facetLimit', '25');
  summary.textContent = 'Searching…';
  try {
    const results = await getJson(`/api/search?${apiQuery}`, { signal: inFlight.signal });
    showProblem(null);
    render(state, results);
  } catch (error) {
    if (error.name === 'AbortError') return;
    showProblem(error instanceof ApiProblem ? error : new ApiProblem(0, { title: 'The search could not be run', detail: 'The server did not answer. Try again.' }));
    summary.textContent = 'No results: fix the search above.';
    renderDidYouMean(state, null);
    hitList.replaceChildren();
    facetGroups.replaceChildren();
    pager.replaceChildren();
  }
}

function showProblem(error) {
  if (!error) {
    problem.hidden = true;
    problem.textContent = '';
    queryBox.removeAttribute('aria-invalid');
    return;
  }
  problem.hidden = false;
  fill(problem, problemContent(error));
  queryBox.setAttribute('aria-invalid', 'true');
}

function render(state, results) {
  const pages = Math.max(1, Math.ceil(results.total / results.pageSize));
  const noun = results.total === 1 ? 'submission' : 'submissions';
  summary.textContent = results.total === 0
    ? 'No submissions match.'
    : `${results.total} ${noun}${state.q ? (results.total === 1 ? ' matches' : ' match') : ''} · page ${results.page} of ${pages} · ${results.tookMs} ms`;
  renderDidYouMean(state, results.didYouMean);
  fill(hitList, results.hits.map(renderHit));
  renderFacets(state, results.facets || {});
  renderPager(results.page, pages);
}

/**
 * "Did you mean …?": the API offers it when the search found few submissions and the query respelt
 * finds more. The link is the same search (filters kept) with the respelt query.
 */
function renderDidYouMean(state, suggestion) {
  if (!suggestion) {
    didYouMean.hidden = true;
    didYouMean.replaceChildren();
    return;
  }
  const noun = suggestion.hits === 1 ? 'submission' : 'submissions';
  const link = el('a', {
    href: `/?${toQuery({ ...state, q: suggestion.q, page: 1 })}`,
    onclick: (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab or window follows the href
      event.preventDefault();
      go({ q: suggestion.q });
    },
  }, suggestion.q);
  fill(didYouMean, 'Did you mean ', link, `? It finds ${suggestion.hits} ${noun}.`);
  didYouMean.hidden = false;
}

function renderHit(hit) {
  const href = `/submission.html?ref=${encodeURIComponent(hit.reference)}`;
  const who = [hit.organisation, hit.submitterName && hit.submitterName !== hit.organisation ? hit.submitterName : null].filter(Boolean).join(' · ');
  return el('li', { class: 'hit', dataset: { reference: hit.reference } },
    el('h3', {}, el('a', { href }, el('span', { class: 'ref' }, hit.reference), ' ', hit.title || who || 'Untitled submission')),
    el('p', { class: 'meta' },
      who ? el('span', {}, who) : null,
      hit.category ? el('span', {}, categories[hit.category] || hit.category) : null,
      el('span', {}, kinds[hit.kind] || hit.kind),
      hit.receivedOn ? el('span', {}, `received ${formatDate(hit.receivedOn)}`) : null,
      hit.publication && hit.publication !== 'published' ? el('span', { class: `badge pub-${hit.publication}` }, publications[hit.publication] || hit.publication) : null),
    hit.passages.length
      ? el('ul', { class: 'passages' }, hit.passages.map((p) => renderPassage(hit, p)))
      : null);
}

function renderPassage(hit, p) {
  const where = locationParts(p);
  return el('li', { class: 'passage' },
    el('p', { class: 'location' },
      el('a', { href: `/submission.html?ref=${encodeURIComponent(hit.reference)}#p-${p.id}` }, where.length ? where.join(' · ') : 'Read in context')),
    el('blockquote', {}, snippet(p.snippet)),
    el('p', { class: 'citation' }, el('cite', {}, p.citation), ' ', copyButton(p.citation)));
}

let lastFacets = {};

function renderFacets(state, facets) {
  lastFacets = facets;
  const groups = [];
  for (const facet of facetOrder) {
    const counts = facets[facet] || [];
    const selected = state.filters[facet] || [];
    // A selected value the API no longer returns (count 0) stays visible, so it can be unticked.
    const values = [...counts];
    for (const value of selected) if (!values.some((c) => c.value === value)) values.push({ value, count: 0 });
    if (!values.length) continue;
    const id = `facet-${facet}`;
    const open = expanded.has(facet) || values.length <= shortList + 2;
    const shown = open ? values : values.filter((item, i) => i < shortList || selected.includes(item.value));
    groups.push(el('fieldset', { class: 'facet', id },
      el('legend', {}, facetNames[facet] || facet),
      el('ul', {}, shown.map((item, i) => {
        const inputId = `${id}-${i}`;
        const checked = selected.includes(item.value);
        return el('li', {},
          el('input', { type: 'checkbox', id: inputId, value: item.value, checked, dataset: { facet }, onchange: onFacetChange }),
          el('label', { for: inputId }, facetValueLabel(facet, item.value), ' ', el('span', { class: 'count' }, `(${item.count})`)));
      })),
      values.length > shown.length || expanded.has(facet) && values.length > shortList + 2
        ? el('button', {
          type: 'button', class: 'link-button', 'aria-expanded': String(open), 'aria-controls': id,
          onclick: () => { if (open) expanded.delete(facet); else expanded.add(facet); renderFacets(current, lastFacets); document.querySelector(`#${id} button[aria-controls]`)?.focus(); },
        }, open ? 'Show fewer' : `Show all ${values.length}`)
        : null,
      selected.length ? el('button', { type: 'button', class: 'link-button', onclick: () => go({ filters: { ...current.filters, [facet]: [] } }) },
        `Clear ${(facetNames[facet] || facet).toLowerCase()}`) : null));
  }
  fill(facetGroups, groups.length ? groups : el('p', { class: 'muted' }, 'No filters for these results.'));
}

function onFacetChange(event) {
  const box = event.target;
  const facet = box.dataset.facet;
  const values = new Set(current.filters[facet] || []);
  if (box.checked) values.add(box.value); else values.delete(box.value);
  const focusId = box.id;
  go({ filters: { ...current.filters, [facet]: [...values] } });
  // Keep keyboard focus on the same control after the lists are redrawn.
  restoreFocus(focusId);
}

function restoreFocus(id) {
  const observer = new MutationObserver(() => {
    const target = document.getElementById(id);
    if (target) {
      target.focus();
      observer.disconnect();
    }
  });
  observer.observe(facetGroups, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5000);
}

function renderPager(page, pages) {
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const to = (n) => el('button', { type: 'button', class: 'link-button', onclick: () => { go({ page: n }, { resetPage: false }); document.getElementById('results').focus(); } });
  const previous = to(page - 1);
  previous.textContent = '← Previous page';
  previous.disabled = page <= 1;
  const next = to(page + 1);
  next.textContent = 'Next page →';
  next.disabled = page >= pages;
  fill(pager, previous, el('span', {}, `Page ${page} of ${pages}`), next);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ q: queryBox.value.trim() });
});
sortBox.addEventListener('change', () => go({ sort: sortBox.value }));
fromBox.addEventListener('change', () => go({ from: fromBox.value }));
toBox.addEventListener('change', () => go({ to: toBox.value }));
document.getElementById('clear-all').addEventListener('click', () => go({ filters: {}, from: '', to: '' }));
window.addEventListener('popstate', () => run(readState()));

run(readState());
