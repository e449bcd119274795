// An inquiry's campaigns, one row each: its label, how many submissions sent it and how alike they are,
// the template's text, and the words each member added of its own (each linked to its submission).
// Address: /campaigns.html?inquiry=LBN
import { getJson, enc } from './api.js';
import { el, fill } from './dom.js';
import { problemContent } from './session.js';

const inquiryBox = document.getElementById('inquiry');
const loadProblem = document.getElementById('load-problem');
const prefix = () => inquiryBox.value;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function loadInquiries() {
  const inquiries = await getJson('/api/inquiries');
  const wanted = new URLSearchParams(location.search).get('inquiry') || 'LBN';
  fill(inquiryBox, inquiries.map((i) => el('option', { value: i.prefix, selected: i.prefix === wanted }, `${i.prefix} — ${i.title}`)));
  if (!inquiries.length) fill(inquiryBox, el('option', { value: '' }, 'No inquiries yet'));
}

function campaignItem(c) {
  const search = `/?${new URLSearchParams({ inquiry: prefix(), campaign: String(c.id) })}`;
  const own = c.ownWords.length
    ? el('ul', { class: 'own-words' }, c.ownWords.map((w) => el('li', {},
      el('a', { href: `/submission.html?ref=${enc(w.reference)}` }, w.reference), ': ', w.text)))
    : el('p', { class: 'muted' }, 'No member added words of its own.');
  return el('li', { class: 'campaign', dataset: { campaignId: c.id } },
    el('h3', {}, c.label),
    el('p', { class: 'campaign-size' },
      el('a', { href: search, 'aria-label': `${plural(c.size, 'submission')} in ${c.label}: show them` }, plural(c.size, 'submission')),
      ` · ${Math.round(c.similarity * 100)}% alike on average · ${plural(c.ownWords.length, 'passage')} of their own`),
    el('details', {},
      el('summary', {}, 'The template letter'),
      c.exemplar.split('\n\n').map((p) => el('p', { class: 'exemplar' }, p))),
    el('details', { open: c.ownWords.length > 0 && c.ownWords.length <= 10 },
      el('summary', {}, `Members' own words (${c.ownWords.length})`),
      own));
}

async function load() {
  loadProblem.hidden = true;
  if (!prefix()) return;
  try {
    const { items } = await getJson(`/api/inquiries/${enc(prefix())}/campaigns`);
    const members = items.reduce((n, c) => n + c.size, 0);
    document.getElementById('campaigns-summary').textContent = items.length
      ? `${plural(items.length, 'campaign')}, ${plural(members, 'submission')} between them.`
      : 'No campaigns: every submission here is an individual response.';
    fill(document.getElementById('campaigns'), items.map(campaignItem));
  } catch (error) {
    loadProblem.hidden = false;
    fill(loadProblem, problemContent(error, 'The campaigns could not be loaded'));
  }
}

inquiryBox.addEventListener('change', () => {
  history.replaceState(null, '', `?inquiry=${enc(prefix())}`);
  load();
});

loadInquiries().then(load).catch((error) => {
  loadProblem.hidden = false;
  fill(loadProblem, problemContent(error, 'The inquiries could not be loaded'));
});
