// Your account: who you are and your roles per inquiry; personal tokens for scripts, made with an
// expiry (the token shown once, to copy), listed with when each was last used, and revoked.
import { getJson, postJson, deleteJson, enc } from './api.js';
import { el, fill, copyText } from './dom.js';
import { formatDateTime } from './codes.js';
import { me, roleNames, roleDuties, problemContent, accessNotice } from './session.js';

const rows = document.querySelector('#tokens tbody');
const result = document.getElementById('token-result');
const statusBox = document.getElementById('tokens-status');

function showWho(caller) {
  fill(document.getElementById('who'),
    el('dt', {}, 'Email'), el('dd', { id: 'account-email' }, caller.email),
    el('dt', {}, 'Administrator'), el('dd', {}, caller.isAdmin ? 'Yes: you manage users and can do everything in every inquiry' : 'No'));
  fill(document.getElementById('roles'), caller.roles.length
    ? el('table', { class: 'responsive', id: 'role-table' },
      el('caption', {}, 'Your roles in inquiries'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Inquiry'), el('th', { scope: 'col' }, 'Role'), el('th', { scope: 'col' }, 'What it lets you do'))),
      el('tbody', {}, caller.roles.map((r) => el('tr', {},
        el('td', { 'data-label': 'Inquiry' }, r.inquiry),
        el('td', { 'data-label': 'Role' }, roleNames[r.role] || r.role),
        el('td', { 'data-label': 'Lets you' }, roleDuties[r.role] || '')))))
    : el('p', { class: 'muted' }, caller.isAdmin
      ? 'You have no role in a particular inquiry; as an administrator you need none.'
      : 'You have no role in any inquiry yet: you read what the public reads. Ask an administrator for a role.'));
}

function stateOf(token) {
  if (token.revoked) return 'Revoked';
  return new Date(token.expiresAt) <= new Date() ? 'Expired' : 'Active';
}

function tokenRow(token) {
  const state = stateOf(token);
  return el('tr', { dataset: { tokenId: token.id, state: state.toLowerCase() } },
    el('th', { scope: 'row', 'data-label': 'Name' }, token.name),
    el('td', { 'data-label': 'Created' }, formatDateTime(token.createdAt)),
    el('td', { 'data-label': 'Expires' }, formatDateTime(token.expiresAt)),
    el('td', { 'data-label': 'Last used' }, token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'),
    el('td', { 'data-label': 'State' }, el('span', { class: `badge token-${state.toLowerCase()}` }, state)),
    el('td', { 'data-label': 'Action' }, state === 'Active'
      ? el('button', { type: 'button', class: 'secondary danger', 'aria-label': `Revoke ${token.name}`, onclick: () => revoke(token) }, 'Revoke')
      : null));
}

async function loadTokens() {
  const tokens = await getJson('/api/me/tokens');
  const active = tokens.filter((t) => stateOf(t) === 'Active').length;
  document.getElementById('tokens-summary').textContent = tokens.length
    ? `${tokens.length} token${tokens.length === 1 ? '' : 's'}, ${active} active.`
    : 'You have no tokens.';
  fill(rows, tokens.map(tokenRow));
}

function shownOnce(created) {
  const copy = el('button', { type: 'button', class: 'secondary', id: 'copy-token' }, 'Copy token');
  copy.addEventListener('click', async () => {
    copy.textContent = await copyText(created.token) ? 'Copied' : 'Copy failed: select the token and copy it';
  });
  return el('div', { class: 'notice token-once' },
    el('p', {}, el('strong', {}, `Copy the token “${created.name}” now: it is shown only this once.`),
      ' Keep it like a password; anyone who has it can act as you until ', formatDateTime(created.expiresAt), '.'),
    el('div', { class: 'field' },
      el('label', { for: 'new-token' }, 'Your new token'),
      el('div', { class: 'search-row' },
        el('input', { id: 'new-token', type: 'text', readonly: true, value: created.token, spellcheck: 'false', autocomplete: 'off' }),
        copy)));
}

document.getElementById('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const name = form.elements.name.value.trim();
  const days = Number(form.elements.days.value);
  if (!name) {
    form.elements.name.setAttribute('aria-invalid', 'true');
    fill(result, el('p', { class: 'problem', role: 'alert' }, 'Give the token a name.'));
    form.elements.name.focus();
    return;
  }
  form.elements.name.removeAttribute('aria-invalid');
  try {
    const created = await postJson('/api/me/tokens', { name, days });
    form.reset();
    fill(result, shownOnce(created));
    document.getElementById('new-token').select();
    await loadTokens();
  } catch (error) {
    fill(result, el('p', { class: 'problem', role: 'alert' }, problemContent(error, 'The token was not created')));
  }
});

async function revoke(token) {
  if (!window.confirm(`Revoke the token “${token.name}”? Scripts that use it stop working at once.`)) return;
  try {
    await deleteJson(`/api/me/tokens/${enc(token.id)}`);
    await loadTokens();
    fill(statusBox, el('p', { class: 'notice' }, `Revoked “${token.name}”.`));
    document.getElementById('tokens-heading').focus();
  } catch (error) {
    fill(statusBox, el('p', { class: 'problem', role: 'alert' }, problemContent(error, 'The token was not revoked')));
  }
}

async function start() {
  const caller = await me();
  if (!caller.signedIn) {
    fill(document.getElementById('account-access'), accessNotice(caller, { what: 'Your account', role: 'signed-in' }));
    return;
  }
  document.getElementById('account-page').hidden = false;
  showWho(caller);
  try {
    await loadTokens();
  } catch (error) {
    fill(statusBox, el('p', { class: 'problem', role: 'alert' }, problemContent(error, 'Your tokens could not be loaded')));
  }
}

start();
