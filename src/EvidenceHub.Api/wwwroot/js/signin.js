// The sign-in page (/signin): email and password for the cookie, then back to where the reader came
// from (?returnUrl=, local paths only), or the organisation's sign-in when one is configured.
import { getJson, postJson, refreshAntiforgery } from './api.js';
import { el, fill } from './dom.js';
import { me } from './session.js';

const params = new URLSearchParams(location.search);
const form = document.getElementById('signin-form');
const email = document.getElementById('email');
const password = document.getElementById('password');
const button = document.getElementById('signin-button');
const problemBox = document.getElementById('signin-problem');
const statusBox = document.getElementById('signin-status');

/**
 * Where to go after signing in: a path on this site only, never another site (an open redirect would
 * let a link to our sign-in page send a clerk on to a look-alike). ASP.NET's own redirect names it ReturnUrl.
 */
export function safeReturnUrl(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f]/.test(value)) return '/';
  let target;
  try {
    target = new URL(value, location.origin);
  } catch {
    return '/';
  }
  if (target.origin !== location.origin || target.pathname === '/signin' || target.pathname === '/signin.html') return '/';
  return target.pathname + target.search + target.hash;
}

const returnUrl = safeReturnUrl(params.get('returnUrl') || params.get('ReturnUrl'));

function showProblem(title, detail) {
  fill(problemBox, el('div', { class: 'problem', id: 'signin-problem-text' }, el('strong', {}, title), detail ? ` ${detail}` : ''));
  for (const field of [email, password]) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'signin-problem-text');
  }
}

function clearProblem() {
  problemBox.replaceChildren();
  for (const field of [email, password]) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem();
  if (!email.value.trim() || !password.value) {
    showProblem('Enter your email address and password.', '');
    (email.value.trim() ? password : email).focus();
    return;
  }
  button.disabled = true;
  try {
    await postJson('/api/auth/signin', { email: email.value.trim(), password: password.value });
    refreshAntiforgery(); // the token belongs to who is signed in
    location.assign(returnUrl);
  } catch (error) {
    // The server's own words: "The email or password is not right", or the lockout and when it ends.
    const server = error.problem || {};
    if (error.status === 429) {
      showProblem(server.title || 'Too many failed sign-ins', server.detail || 'The account is locked for a while; try again later or ask an administrator to unlock it.');
    } else if (error.status === 401) {
      showProblem(server.title || 'The email or password is not right', server.detail || 'Check both and try again.');
    } else {
      showProblem(error.title || 'Signing in did not work', error.detail || 'Try again in a moment.');
    }
    password.value = '';
    password.focus();
    button.disabled = false;
  }
});

/** A "Sign in with your organisation" link for each OpenID Connect provider the server offers, if any. */
async function showProviders() {
  let providers;
  try {
    providers = await getJson('/api/auth/providers');
  } catch {
    return; // no provider configured (or a server without the endpoint): password only
  }
  if (!Array.isArray(providers) || !providers.length) return;
  const withReturn = (url) => {
    if (!url.startsWith('/') || url.startsWith('//')) return url;
    const target = new URL(url, location.origin);
    if (!target.searchParams.has('returnUrl')) target.searchParams.set('returnUrl', returnUrl);
    return target.pathname + target.search;
  };
  fill(document.getElementById('provider-list'), providers.filter((p) => p?.url).map((p) => el('li', {},
    el('a', { class: 'button', href: withReturn(p.url), dataset: { provider: p.name } },
      providers.length === 1 ? 'Sign in with your organisation' : `Sign in with ${p.displayName || p.name}`),
    providers.length === 1 && p.displayName ? el('span', { class: 'hint' }, ` (${p.displayName})`) : null)));
  document.getElementById('providers').hidden = false;
}

async function showWhoIsSignedIn() {
  if (params.has('signedOut')) {
    fill(statusBox, el('p', { class: 'notice' }, 'You have signed out.'));
    return;
  }
  const caller = await me();
  if (caller.signedIn) {
    fill(statusBox, el('p', { class: 'notice' }, `You are signed in as ${caller.email}. `,
      el('a', { href: returnUrl }, 'Continue'), ', or sign in below as someone else.'));
  }
}

showWhoIsSignedIn();
showProviders();
email.focus();
