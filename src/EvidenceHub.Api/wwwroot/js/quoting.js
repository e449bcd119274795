// Making a quote on a submission's page: select words inside one passage and press "Quote this"
// (or a passage's "Quote…" button, from the keyboard), choose or name a collection, add a note,
// and the API answers with the quote's citation. Offered only to the inquiry's authors (submission.js).
import { getJson, postJson } from './api.js';
import { el, fill, copyButton } from './dom.js';
import { problemContent } from './session.js';

const quoteThis = document.getElementById('quote-this');
const form = document.getElementById('quote-form');
const where = document.getElementById('quote-where');
const textBox = document.getElementById('quote-text');
const collectionBox = document.getElementById('quote-collection');
const noteBox = document.getElementById('quote-note');
const result = document.getElementById('quote-result');

let pending = null; // { passage, start, end, text } from the selection
let target = null; // the passage the form is open for, with the selected span if any

/** The passage text element a DOM node sits in, if any. */
function passageTextOf(node) {
  const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
  return element?.closest('#passages p.text') || null;
}

/** Offsets of the selection within the passage's text: the length of the text before each end. */
function offsetsIn(textElement, range) {
  const before = document.createRange();
  before.selectNodeContents(textElement);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

function onSelectionChange() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
    if (document.activeElement !== quoteThis) quoteThis.hidden = true;
    return;
  }
  const range = selection.getRangeAt(0);
  const textElement = passageTextOf(range.startContainer);
  if (!textElement || passageTextOf(range.endContainer) !== textElement || !range.toString().trim()) {
    quoteThis.hidden = true;
    pending = null;
    return;
  }
  const item = textElement.closest('li');
  const { start, end } = offsetsIn(textElement, range);
  pending = { item, passageId: Number(item.dataset.passageId), location: item.dataset.location, start, end, text: range.toString() };
  item.append(quoteThis);
  quoteThis.hidden = false;
  quoteThis.setAttribute('aria-label', `Quote this: “${pending.text.slice(0, 60)}${pending.text.length > 60 ? '…' : ''}”`);
}

async function fillCollections() {
  try {
    const collections = await getJson('/api/collections');
    fill(document.getElementById('collection-names'), collections.map((c) => el('option', { value: c.name })));
    if (!collectionBox.value && collections.length) collectionBox.value = localStorage.getItem('evidencehub.collection') || '';
  } catch {
    // the collection can still be named by hand
  }
}

/** Opens the form under a passage, with the selected words (or the whole passage) to quote. */
export function openQuoteForm(span) {
  target = span;
  span.item.append(form, result);
  where.textContent = `From ${span.location}`;
  textBox.value = span.text;
  fill(result, '');
  form.hidden = false;
  quoteThis.hidden = true;
  fillCollections();
  textBox.focus();
}

async function save(event) {
  event.preventDefault();
  const text = textBox.value;
  // Offsets go with the words only while they are still the words selected.
  const body = text === target.text && target.start !== undefined
    ? { passageId: target.passageId, start: target.start, end: target.end, text }
    : { passageId: target.passageId, text: text.trim() };
  body.collection = collectionBox.value.trim() || null;
  body.note = noteBox.value.trim() || null;
  try {
    const quote = await postJson('/api/quotes', body);
    if (quote.collection) localStorage.setItem('evidencehub.collection', quote.collection);
    form.hidden = true;
    noteBox.value = '';
    const quotesPage = `/quotes.html${quote.collection ? `?collection=${encodeURIComponent(quote.collection)}` : ''}`;
    fill(result, el('div', { class: 'notice quote-saved', tabindex: '-1' },
      el('p', {}, 'Quote saved', quote.collection ? ` to “${quote.collection}”` : '', '.'),
      el('blockquote', {}, quote.text),
      el('p', { class: 'citation' }, el('cite', { id: 'quote-citation' }, quote.citation), ' ', copyButton(quote.citation)),
      el('p', {}, el('a', { href: quotesPage }, 'See the collection'))));
    result.firstChild.focus();
  } catch (error) {
    fill(result, el('p', { class: 'problem', role: 'alert' }, problemContent(error, 'The quote was not saved')));
  }
}

export function mountQuoting() {
  document.addEventListener('selectionchange', onSelectionChange);
  // Keep the selection when the button is pressed with a pointer.
  quoteThis.addEventListener('mousedown', (event) => event.preventDefault());
  quoteThis.addEventListener('click', () => { if (pending) openQuoteForm(pending); });
  form.addEventListener('submit', save);
  document.getElementById('quote-cancel').addEventListener('click', () => {
    form.hidden = true;
    target?.item.querySelector('.quote-passage')?.focus();
  });
}

/** A passage's own "Quote…" button: the keyboard way in, starting from the whole passage. */
export function quoteButton(passage, location) {
  return el('button', { type: 'button', class: 'secondary quote-passage', 'aria-label': `Quote from ${location}`,
    onclick: (event) => openQuoteForm({ item: event.currentTarget.closest('li'), passageId: passage.id, location, text: passage.text, start: 0, end: passage.text.length }) }, 'Quote…');
}
