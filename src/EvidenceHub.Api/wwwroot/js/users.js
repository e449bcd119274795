// Users, for administrators: add a user with a first password; give or take away a role in an
// inquiry; unlock an account locked after wrong passwords; set a new password; make or unmake an
// administrator. Each change answers with the user as saved, and their card is drawn again from it.
import { getJson, postJson, putJson, deleteJson, enc } from './api.js';
import { el, fill } from './dom.js';
import { me, roleNames, problemContent, accessNotice } from './session.js';

const list = document.getElementById('users');
const statusBox = document.getElementById('users-status');
let caller = null;
let inquiries = [];

function say(message, isProblem = false) {
  fill(statusBox, el('p', { class: isProblem ? 'problem' : 'notice', role: isProblem ? 'alert' : null }, message));
}

function roleOptions(selected) {
  return Object.entries(roleNames).map(([value, label]) => el('option', { value, selected: value === selected }, label));
}

function userCard(user) {
  const id = user.id;
  const who = user.displayName ? `${user.displayName} (${user.email})` : user.email;
  const roleForm = el('form', { class: 'role-form' },
    el('fieldset', {},
      el('legend', {}, `Give ${user.email} a role`),
      el('label', { for: `role-inquiry-${id}` }, 'Inquiry'),
      el('select', { id: `role-inquiry-${id}`, name: 'inquiry' },
        inquiries.map((i) => el('option', { value: i.prefix }, `${i.prefix} — ${i.title}`))),
      el('label', { for: `role-role-${id}` }, 'Role'),
      el('select', { id: `role-role-${id}`, name: 'role' }, roleOptions('researcher')),
      el('button', { type: 'submit', class: 'secondary' }, 'Set role')));
  roleForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const prefix = roleForm.elements.inquiry.value;
    const role = roleForm.elements.role.value;
    act(user, () => putJson(`/api/inquiries/${enc(prefix)}/members/${id}`, { role }),
      `${user.email} is now ${article(role)} ${roleNames[role].toLowerCase()} in ${prefix}.`);
  });

  const passwordForm = el('form', { class: 'inline-form' },
    el('label', { for: `password-${id}` }, 'New password'),
    el('input', { id: `password-${id}`, type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: '12' }),
    el('button', { type: 'submit', class: 'secondary' }, 'Set password'));
  passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(user, () => putJson(`/api/users/${id}`, { password: passwordForm.elements.password.value }),
      `The password of ${user.email} is set (and the account unlocked). Give it to them privately.`);
  });

  const actions = [];
  if (user.lockedOut) {
    actions.push(el('button', { type: 'button', class: 'secondary', 'aria-label': `Unlock ${user.email}`,
      onclick: () => act(user, () => putJson(`/api/users/${id}`, { unlock: true }), `${user.email} is unlocked and can sign in again.`) }, 'Unlock'));
  }
  if (user.id !== caller.id) {
    actions.push(user.isAdmin
      ? el('button', { type: 'button', class: 'secondary danger', 'aria-label': `Remove administrator: ${user.email}`,
        onclick: () => act(user, () => putJson(`/api/users/${id}`, { isAdmin: false }), `${user.email} is no longer an administrator.`) }, 'Remove administrator')
      : el('button', { type: 'button', class: 'secondary', 'aria-label': `Make administrator: ${user.email}`,
        onclick: () => act(user, () => putJson(`/api/users/${id}`, { isAdmin: true }), `${user.email} is now an administrator.`) }, 'Make administrator'));
  }

  return el('li', { class: 'user card-row', dataset: { userId: id, email: user.email } },
    el('div', { class: 'user-head' },
      el('h3', { id: `user-${id}`, tabindex: '-1' }, who),
      user.isAdmin ? el('span', { class: 'badge admin' }, 'Administrator') : null,
      user.lockedOut ? el('span', { class: 'badge locked' }, 'Locked out') : null),
    el('h4', {}, 'Roles'),
    user.roles.length
      ? el('ul', { class: 'roles' }, user.roles.map((r) => el('li', {},
        el('span', { class: 'role-name' }, `${r.inquiry}: ${roleNames[r.role] || r.role}`), ' ',
        el('button', { type: 'button', class: 'link-button', 'aria-label': `Remove the ${r.role} role in ${r.inquiry} from ${user.email}`,
          onclick: () => act(user, () => deleteJson(`/api/inquiries/${enc(r.inquiry)}/members/${id}`), `${user.email} no longer has a role in ${r.inquiry}.`) }, 'Remove'))))
      : el('p', { class: 'muted' }, user.isAdmin ? 'No role in an inquiry (an administrator needs none).' : 'No role in any inquiry yet.'),
    inquiries.length ? roleForm : null,
    actions.length ? el('div', { class: 'theme-actions' }, actions) : null,
    el('details', { class: 'password-reset' }, el('summary', {}, `Set a new password for ${user.email}`), passwordForm));
}

const article = (role) => (role === 'author' ? 'an' : 'a');

/** Runs a change, then draws the user's card again from the server's answer and keeps focus in it. */
async function act(user, request, done) {
  try {
    const answer = await request();
    const saved = answer?.id === user.id ? answer : await getJson(`/api/users/${user.id}`);
    list.querySelector(`li[data-user-id="${user.id}"]`)?.replaceWith(userCard(saved));
    say(done);
    document.getElementById(`user-${user.id}`)?.focus();
  } catch (error) {
    say(problemContent(error, 'The change was not saved'), true);
  }
}

async function loadUsers() {
  const users = await getJson('/api/users');
  document.getElementById('users-summary').textContent = `${users.length} user${users.length === 1 ? '' : 's'}.`;
  fill(list, users.map(userCard));
}

document.getElementById('user-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('user-result');
  const body = {
    email: form.elements.email.value.trim(),
    displayName: form.elements.displayName.value.trim() || null,
    password: form.elements.password.value,
    isAdmin: form.elements.isAdmin.checked,
  };
  try {
    const user = await postJson('/api/users', body);
    form.reset();
    fill(result, el('p', { class: 'notice' }, `Added ${user.email}. Give them a role in an inquiry below.`));
    await loadUsers();
    document.getElementById(`user-${user.id}`)?.focus();
  } catch (error) {
    fill(result, el('p', { class: 'problem', role: 'alert' }, problemContent(error, 'The user was not added')));
  }
});

async function start() {
  caller = await me();
  if (!caller.isAdmin) {
    fill(document.getElementById('users-access'), accessNotice(caller, { what: 'Managing users', role: 'admin' }));
    return;
  }
  document.getElementById('users-page').hidden = false;
  try {
    inquiries = await getJson('/api/inquiries');
    await loadUsers();
  } catch (error) {
    say(problemContent(error, 'The users could not be loaded'), true);
  }
}

start();
