// The site's navigation, in one place: the pages the caller's roles let them use, and who is signed in.
import { el, fill } from './dom.js';
import { me, can, signOut, signInHref } from './session.js';

const pages = [
  { href: '/', label: 'Search', match: ['/', '/index.html'] },
  { href: '/themes.html', label: 'Themes', match: ['/themes.html'] },
  { href: '/campaigns.html', label: 'Campaigns', match: ['/campaigns.html'] },
  { href: '/quotes.html', label: 'Quotes', match: ['/quotes.html'], shows: (caller) => can(caller, 'author') },
  { href: '/desk.html', label: "Clerk's desk", match: ['/desk.html'], shows: (caller) => can(caller, 'clerk') },
  { href: '/users.html', label: 'Users', match: ['/users.html'], shows: (caller) => caller.isAdmin },
  { href: '/account.html', label: 'Account', match: ['/account.html'], shows: (caller) => caller.signedIn },
];

function account(caller, here) {
  if (!caller.signedIn) {
    if (here === '/signin' || here === '/signin.html') return null;
    return el('p', { class: 'account' }, el('a', { href: signInHref(), id: 'sign-in' }, 'Sign in'));
  }
  const button = el('button', { type: 'button', class: 'sign-out', id: 'sign-out' }, 'Sign out');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await signOut();
      location.assign('/signin?signedOut=1');
    } catch {
      button.disabled = false;
      button.textContent = 'Sign out failed: try again';
    }
  });
  return el('p', { class: 'account' }, el('span', { id: 'signed-in-as' }, 'Signed in as ', el('strong', {}, caller.email)), ' ', button);
}

const notYetKnown = { signedIn: false, isAdmin: false, roles: [] };

export function renderNav(caller) {
  const nav = document.getElementById('site-nav');
  if (!nav) return;
  const here = location.pathname;
  const known = caller || notYetKnown;
  fill(nav,
    el('ul', {}, pages.filter((page) => !page.shows || page.shows(known)).map((page) =>
      el('li', {}, el('a', { href: page.href, 'aria-current': page.match.includes(here) ? 'page' : null }, page.label)))),
    caller ? account(caller, here) : null);
  if (caller) nav.dataset.ready = caller.signedIn ? 'signed-in' : 'public';
}

// The public links at once; the rest, and who is signed in, when /api/me answers.
renderNav(null);
me().then(renderNav);
