// The quote bank: collections (report chapters), their quotes in order with citation, note and
// status; reorder, delete, export (Markdown, CSV, Word footnotes) and verify against the sources.
// Address: /quotes.html?collection=Chapter%203 (no collection: every quote). For report authors only.
import { getJson, postJson, putJson, deleteJson, enc } from './api.js';
import { el, fill, copyButton } from './dom.js';
import { locationParts } from './codes.js';
import { me, can, problemContent, accessNotice } from './session.js';

const statusLabels = {
  ok: 'Checked: matches the source',
  moved: 'Moved: found again in the new version',
  drifted: 'Drifted: no longer in the source',
  'needs-review': 'Needs review: found in more than one place',
};

const list = document.getElementById('quotes');
const statusBox = document.getElementById('quotes-status');
const heading = document.getElementById('quotes-heading');
const deleteCollection = document.getElementById('delete-collection');

let collections = [];
let quotes = [];

const current = () => new URLSearchParams(location.search).get('collection') || '';
const currentCollection = () => collections.find((c) => c.name === current());

function say(message, isProblem = false) {
  fill(statusBox, el('p', { class: isProblem ? 'problem' : 'notice', role: isProblem ? 'alert' : null }, message));
}

function sayProblem(error, fallback) {
  say(problemContent(error, fallback), true);
}

async function loadCollections() {
  collections = await getJson('/api/collections');
  const link = (name, label, count) => el('li', {},
    el('a', { href: name ? `/quotes.html?collection=${enc(name)}` : '/quotes.html', 'aria-current': current() === name ? 'page' : null,
      onclick: (event) => { event.preventDefault(); go(name); } },
    label, count === undefined ? '' : el('span', { class: 'count' }, ` (${count})`)));
  fill(document.getElementById('collections'),
    link('', 'All quotes'),
    collections.map((c) => link(c.name, c.name, c.quoteCount)));
}

async function go(name) {
  const url = new URL(location.href);
  if (name) url.searchParams.set('collection', name); else url.searchParams.delete('collection');
  history.pushState(null, '', url);
  fill(statusBox, '');
  await show();
  heading.focus();
}

async function show() {
  await loadCollections();
  const name = current();
  heading.textContent = name ? `Collection: ${name}` : 'All quotes';
  deleteCollection.hidden = !currentCollection();
  for (const [id, format] of [['export-md', 'md'], ['export-csv', 'csv'], ['export-docx', 'docx']]) {
    document.getElementById(id).href = `/api/quotes/export?${new URLSearchParams(name ? { collection: name, format } : { format })}`;
  }
  quotes = await getJson(`/api/quotes${name ? `?collection=${enc(name)}` : ''}`);
  render();
}

function render(focus) {
  const name = current();
  document.getElementById('quotes-summary').textContent = quotes.length
    ? `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${name ? ', in report order' : ''}.`
    : 'No quotes here yet.';
  fill(list, quotes.map((q, index) => quoteItem(q, index, Boolean(name))));
  if (focus) list.querySelector(`li[data-quote-id="${focus.id}"] .${focus.button}`)?.focus();
}

function quoteItem(q, index, ordered) {
  const where = locationParts(q.location);
  const number = `quote ${index + 1}`;
  const actions = [];
  if (ordered) {
    actions.push(
      el('button', { type: 'button', class: 'secondary move-up', disabled: index === 0, 'aria-label': `Move ${number} up`, onclick: () => move(index, -1) }, '↑ Up'),
      el('button', { type: 'button', class: 'secondary move-down', disabled: index === quotes.length - 1, 'aria-label': `Move ${number} down`, onclick: () => move(index, 1) }, '↓ Down'));
  }
  actions.push(el('button', { type: 'button', class: 'secondary danger', 'aria-label': `Delete ${number}`, onclick: () => remove(q) }, 'Delete'));
  return el('li', { class: `quote status-${q.status}`, dataset: { quoteId: q.id } },
    el('blockquote', {}, q.text),
    el('p', { class: 'citation' }, el('cite', {}, q.citation), ' ', copyButton(q.citation)),
    q.note ? el('p', { class: 'note' }, el('span', { class: 'muted' }, 'Note: '), q.note) : null,
    el('p', { class: 'meta' },
      el('span', { class: `badge quote-${q.status}` }, statusLabels[q.status] || q.status),
      !ordered && q.collection ? el('span', {}, `In “${q.collection}”`) : null,
      el('a', { href: `/submission.html?ref=${enc(q.reference)}${q.location.passageId ? `#p-${q.location.passageId}` : ''}` },
        `${q.reference}${where.length ? ` · ${where.join(' · ')}` : ''}`)),
    el('div', { class: 'theme-actions' }, actions));
}

async function move(index, step) {
  const other = index + step;
  if (other < 0 || other >= quotes.length) return;
  const order = quotes.slice();
  [order[index], order[other]] = [order[other], order[index]];
  const collection = currentCollection();
  try {
    quotes = await putJson(`/api/collections/${enc(collection.id)}/order`, { quoteIds: order.map((q) => q.id) });
    const moved = order[other];
    const atEdge = other === 0 || other === quotes.length - 1;
    render({ id: moved.id, button: (step < 0) !== atEdge ? 'move-up' : 'move-down' });
    say(`Moved to position ${other + 1} of ${quotes.length}.`);
  } catch (error) {
    sayProblem(error, 'The order was not saved');
  }
}

async function remove(q) {
  if (!window.confirm(`Delete this quote from ${q.citation}?`)) return;
  try {
    await deleteJson(`/api/quotes/${enc(q.id)}`);
    quotes = quotes.filter((x) => x.id !== q.id);
    render();
    await loadCollections();
    say(`Deleted the quote from ${q.citation}.`);
    heading.focus();
  } catch (error) {
    sayProblem(error, 'The quote was not deleted');
  }
}

document.getElementById('verify').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  say('Checking every quote against its source…');
  try {
    const r = await postJson('/api/quotes/verify');
    await show();
    say(`Checked ${r.checked} quote${r.checked === 1 ? '' : 's'}: ${r.ok} unchanged, ${r.moved} moved, ${r.drifted} drifted.`, r.drifted > 0);
  } catch (error) {
    sayProblem(error, 'The quotes could not be verified');
  } finally {
    button.disabled = false;
  }
});

deleteCollection.addEventListener('click', async () => {
  const collection = currentCollection();
  if (!collection || !window.confirm(`Delete the collection “${collection.name}”? Its quotes stay in the bank, unfiled.`)) return;
  try {
    await deleteJson(`/api/collections/${enc(collection.id)}`);
    await go('');
    say(`Deleted the collection “${collection.name}”; its quotes are under All quotes.`);
  } catch (error) {
    sayProblem(error, 'The collection was not deleted');
  }
});

function showLoadProblem(error) {
  const box = document.getElementById('load-problem');
  box.hidden = false;
  fill(box, problemContent(error, 'The quotes could not be loaded'));
}

async function start() {
  const caller = await me();
  if (!can(caller, 'author')) {
    fill(document.getElementById('quotes-access'), accessNotice(caller, { what: 'The quote bank', role: 'author' }));
    return;
  }
  document.getElementById('quotes-page').hidden = false;
  window.addEventListener('popstate', () => show().catch(showLoadProblem));
  await show();
}

start().catch(showLoadProblem);
