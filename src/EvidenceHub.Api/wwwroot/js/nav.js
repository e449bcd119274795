// The site's navigation, in one place.
import { el, fill } from './dom.js';

const pages = [
  { href: '/', label: 'Search', match: ['/', '/index.html'] },
  { href: '/themes.html', label: 'Themes', match: ['/themes.html'] },
  { href: '/quotes.html', label: 'Quotes', match: ['/quotes.html'] },
  { href: '/desk.html', label: "Clerk's desk", match: ['/desk.html'] },
];

export function renderNav() {
  const nav = document.getElementById('site-nav');
  if (!nav) return;
  const here = location.pathname;
  fill(nav, el('ul', {}, pages.map((page) =>
    el('li', {}, el('a', { href: page.href, 'aria-current': page.match.includes(here) ? 'page' : null }, page.label)))));
}

renderNav();
