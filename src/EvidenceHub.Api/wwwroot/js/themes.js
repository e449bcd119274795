// The codebook of an inquiry: its themes and how many submissions each matches; the coverage chart.
// Its staff also see each theme's rule, and its researchers add and edit a theme (its rule checked as
// a search before saving) and delete one.
// Address: /themes.html?inquiry=LBN
import { getJson, postJson, putJson, deleteJson, enc } from './api.js';
import { el, fill } from './dom.js';
import { me, can, isMember, problemContent } from './session.js';

const inquiryBox = document.getElementById('inquiry');
const form = document.getElementById('theme-form');
const fields = {
  id: document.getElementById('theme-id'),
  name: document.getElementById('theme-name'),
  description: document.getElementById('theme-description'),
  rule: document.getElementById('theme-rule'),
  colour: document.getElementById('theme-colour'),
};
const ruleCheck = document.getElementById('rule-check');
const saveResult = document.getElementById('save-result');
const cancelEdit = document.getElementById('cancel-edit');
const editorHeading = document.getElementById('editor-heading');
const loadProblem = document.getElementById('load-problem');

let themes = [];
let caller = null;
let colourChosen = false;
let checkTimer = null;
let checkSerial = 0;

const prefix = () => inquiryBox.value;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const searchLink = (params) => `/?${new URLSearchParams({ inquiry: prefix(), ...params })}`;
const mayEdit = () => can(caller, 'researcher', prefix());

function problem(target, error, fallback) {
  fill(target, el('p', { class: 'problem', role: 'alert' }, problemContent(error, fallback)));
}

/** The editor is for the inquiry's researchers only; without it the codebook takes the width. */
function showEditor() {
  const editor = document.getElementById('editor');
  editor.hidden = !mayEdit();
  document.getElementById('themes-layout').classList.toggle('single', editor.hidden);
}

async function loadInquiries() {
  const inquiries = await getJson('/api/inquiries');
  const wanted = new URLSearchParams(location.search).get('inquiry') || 'LBN';
  fill(inquiryBox, inquiries.map((i) => el('option', { value: i.prefix, selected: i.prefix === wanted }, `${i.prefix} — ${i.title}`)));
  if (!inquiries.length) fill(inquiryBox, el('option', { value: '' }, 'No inquiries yet'));
}

async function loadCodebook() {
  if (!prefix()) return;
  showEditor();
  const [list, coverage] = await Promise.all([
    getJson(`/api/inquiries/${enc(prefix())}/themes`),
    getJson(`/api/inquiries/${enc(prefix())}/themes/coverage`),
  ]);
  themes = list;
  const counts = new Map(coverage.themes.map((t) => [t.id, t.submissions]));
  document.getElementById('codebook-summary').textContent = themes.length
    ? `${plural(themes.length, 'theme')}.`
    : 'No themes yet: add the first one.';
  fill(document.getElementById('codebook'), themes.map((t) => themeItem(t, counts.get(t.id) ?? 0)));
  showCoverage();
  await showBalance();
  return counts;
}

function themeItem(t, count) {
  return el('li', { class: 'theme', dataset: { themeId: t.id } },
    el('div', { class: 'theme-head' },
      el('span', { class: 'swatch', style: { background: t.colour }, 'aria-hidden': 'true' }),
      el('h3', {}, t.name),
      el('a', { class: 'theme-count', href: searchLink({ theme: t.name }), 'aria-label': `${plural(count, 'submission')} match ${t.name}: show them` },
        plural(count, 'submission'))),
    t.description ? el('p', { class: 'muted' }, t.description) : null,
    isMember(caller, prefix()) && t.rule
      ? el('p', { class: 'rule' }, el('span', { class: 'visually-hidden' }, 'Rule: '), el('code', {}, t.rule))
      : null,
    mayEdit()
      ? el('div', { class: 'theme-actions' },
        el('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${t.name}`, onclick: () => startEdit(t) }, 'Edit'),
        el('button', { type: 'button', class: 'secondary danger', 'aria-label': `Delete ${t.name}`, onclick: () => remove(t) }, 'Delete'))
      : null);
}

function showCoverage() {
  const base = `/api/inquiries/${enc(prefix())}/themes/coverage`;
  document.getElementById('coverage-csv').href = `${base}?format=csv`;
  document.getElementById('coverage-svg').href = `${base}?format=svg`;
  fill(document.getElementById('coverage'),
    el('img', { src: `${base}?format=svg&t=${Date.now()}`, alt: `Bar chart: submissions per theme and submitter category in ${prefix()}. The same numbers are in the CSV download.` }));
}

/** One row per theme: how balanced its evidence is, with the flags a report author should read first. */
async function showBalance() {
  const base = `/api/inquiries/${enc(prefix())}/themes`;
  document.getElementById('balance-csv').href = `${base}/balance?format=csv`;
  document.getElementById('cooccurrence-svg').href = `${base}/cooccurrence?format=svg`;
  const { themes: rows } = await getJson(`${base}/balance`);
  const percent = (share) => `${Math.round(share * 100)}%`;
  const categories = (c) => Object.entries(c).map(([name, n]) => `${name} ${n}`).join(', ');
  fill(document.getElementById('balance'), rows.length
    ? el('table', { id: 'balance-table' },
      el('caption', { class: 'visually-hidden' }, `Evidence balance per theme in ${prefix()}`),
      el('thead', {}, el('tr', {}, ['Theme', 'Submissions', 'Submitters', 'Categories', 'From campaigns', 'Written / oral', 'Quotes', 'Flags']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((t) => el('tr', { dataset: { themeId: t.id } },
        el('th', { scope: 'row' }, t.name),
        el('td', {}, String(t.submissions)),
        el('td', {}, String(t.submitters)),
        el('td', {}, categories(t.categories) || '—'),
        el('td', {}, percent(t.campaignShare)),
        el('td', {}, `${t.written} / ${t.oral}`),
        el('td', {}, t.quotes === null ? '—' : String(t.quotes)),
        el('td', {}, t.flags.length ? t.flags.map((f) => el('span', { class: 'flag' }, f)) : '—')))))
    : el('p', { class: 'muted' }, 'No themes yet.'));
}

/** Runs the rule as a search of the inquiry and says how many submissions it matches, or why it does not parse. */
async function checkRule() {
  const rule = fields.rule.value.trim();
  const serial = ++checkSerial;
  if (!rule) {
    fill(ruleCheck, '');
    fields.rule.removeAttribute('aria-invalid');
    return null;
  }
  fill(ruleCheck, el('span', { class: 'muted' }, 'Checking…'));
  try {
    const results = await getJson(`/api/search?${new URLSearchParams({ q: rule, inquiry: prefix(), pageSize: '1' })}`);
    if (serial !== checkSerial) return null;
    fields.rule.removeAttribute('aria-invalid');
    ruleCheck.className = 'rule-check ok';
    fill(ruleCheck, 'This rule matches ', el('strong', { id: 'rule-count' }, plural(results.total, 'submission')), ' now. ',
      el('a', { href: searchLink({ q: rule }) }, 'See them in search'));
    return results.total;
  } catch (error) {
    if (serial !== checkSerial) return null;
    fields.rule.setAttribute('aria-invalid', 'true');
    ruleCheck.className = 'rule-check problem';
    fill(ruleCheck, el('strong', {}, error.title || 'The rule is not valid'), error.detail ? ` ${error.detail}` : '');
    return null;
  }
}

function startEdit(t) {
  fields.id.value = t.id;
  fields.name.value = t.name;
  fields.description.value = t.description || '';
  fields.rule.value = t.rule;
  fields.colour.value = t.colour.toLowerCase();
  colourChosen = true;
  editorHeading.textContent = `Edit “${t.name}”`;
  cancelEdit.hidden = false;
  fill(saveResult, '');
  checkRule();
  fields.name.focus();
}

function resetForm() {
  form.reset();
  fields.id.value = '';
  colourChosen = false;
  editorHeading.textContent = 'Add a theme';
  cancelEdit.hidden = true;
  ruleCheck.className = 'rule-check';
  fill(ruleCheck, '');
  fields.rule.removeAttribute('aria-invalid');
}

async function save(event) {
  event.preventDefault();
  const id = fields.id.value;
  const body = {
    name: fields.name.value.trim(),
    description: fields.description.value.trim(),
    rule: fields.rule.value.trim(),
    colour: colourChosen ? fields.colour.value.toUpperCase() : null,
  };
  if (!body.name) {
    fields.name.setAttribute('aria-invalid', 'true');
    fill(saveResult, el('p', { class: 'problem', role: 'alert' }, 'Give the theme a name.'));
    fields.name.focus();
    return;
  }
  fields.name.removeAttribute('aria-invalid');
  try {
    const saved = id
      ? await putJson(`/api/themes/${enc(id)}`, body)
      : await postJson(`/api/inquiries/${enc(prefix())}/themes`, body);
    resetForm();
    fill(saveResult, el('p', { class: 'notice' }, `Saved “${saved.name}”. Its rule is being applied to the evidence; the counts update in a few seconds.`));
    await loadCodebook();
    refreshWhileApplying();
  } catch (error) {
    problem(saveResult, error, 'The theme could not be saved');
  }
}

/** A saved rule is applied by a background job: refresh the counts a few times while it runs. */
function refreshWhileApplying() {
  let rounds = 0;
  const timer = setInterval(async () => {
    rounds += 1;
    try {
      await loadCodebook();
    } catch {
      // the next round tries again
    }
    if (rounds >= 6) clearInterval(timer);
  }, 1500);
}

async function remove(t) {
  if (!window.confirm(`Delete the theme “${t.name}” and all its tags? Search and coverage lose it; the evidence stays.`)) return;
  try {
    await deleteJson(`/api/themes/${enc(t.id)}`);
    if (fields.id.value === String(t.id)) resetForm();
    fill(saveResult, el('p', { class: 'notice' }, `Deleted “${t.name}”.`));
    await loadCodebook();
    document.getElementById('codebook-heading').focus();
  } catch (error) {
    problem(saveResult, error, 'The theme could not be deleted');
  }
}

fields.rule.addEventListener('input', () => {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkRule, 400);
});
fields.colour.addEventListener('input', () => { colourChosen = true; });
document.getElementById('check-rule').addEventListener('click', checkRule);
form.addEventListener('submit', save);
cancelEdit.addEventListener('click', () => { resetForm(); fill(saveResult, ''); fields.name.focus(); });
inquiryBox.addEventListener('change', async () => {
  const url = new URL(location.href);
  url.searchParams.set('inquiry', prefix());
  history.replaceState(null, '', url);
  resetForm();
  await loadCodebook().catch(showLoadProblem);
});

function showLoadProblem(error) {
  loadProblem.hidden = false;
  fill(loadProblem, problemContent(error, 'The themes could not be loaded'));
}

me().then((who) => { caller = who; })
  .then(loadInquiries)
  .then(loadCodebook)
  .catch(showLoadProblem);
