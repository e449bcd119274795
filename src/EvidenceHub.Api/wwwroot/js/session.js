// Who is signed in (GET /api/me, read once per page) and what their roles let the page offer. The
// server decides what is allowed; the page only avoids offering what the server would refuse.
import { getJson, postJson, refreshAntiforgery } from './api.js';
import { el } from './dom.js';

export const roleNames = {
  clerk: 'Clerk',
  researcher: 'Researcher',
  author: 'Author',
};

export const roleDuties = {
  clerk: 'receives evidence, decides publication, loads transcripts and corrected versions',
  researcher: 'keeps the codebook of themes and tags the evidence',
  author: 'makes quotes, collections, exports and citation templates',
};

const publicCaller = Object.freeze({ signedIn: false, id: null, email: null, isAdmin: false, roles: [] });

let current = null;

/** The caller, read once: `{ signedIn, id, email, isAdmin, roles: [{ inquiry, role }] }`. */
export function me() {
  current ??= getJson('/api/me').catch(() => publicCaller);
  return current;
}

/** Holds `role` in `inquiry` (or, with no inquiry, in any inquiry); an administrator holds every role. */
export function can(caller, role, inquiry) {
  if (!caller?.signedIn) return false;
  if (caller.isAdmin) return true;
  return caller.roles.some((r) => r.role === role && (!inquiry || r.inquiry === inquiry));
}

/** Holds any role in the inquiry: reads its unpublished evidence, its tags and its theme rules. */
export function isMember(caller, inquiry) {
  if (!caller?.signedIn) return false;
  return caller.isAdmin || caller.roles.some((r) => r.inquiry === inquiry);
}

/** The sign-in page, coming back here afterwards. */
export function signInHref(returnUrl = location.pathname + location.search + location.hash) {
  return returnUrl && returnUrl !== '/' ? `/signin?${new URLSearchParams({ returnUrl })}` : '/signin';
}

export function signInLink(text = 'Sign in') {
  return el('a', { href: signInHref(), class: 'sign-in-link' }, text);
}

export async function signOut() {
  try {
    await postJson('/api/auth/signout');
  } finally {
    refreshAntiforgery();
    current = null;
  }
}

/**
 * The words of a problem for a message box: its title in bold and its detail, with a sign-in link
 * when the server answered 401.
 */
export function problemContent(error, fallback = 'Something went wrong') {
  return [
    el('strong', {}, error?.title || fallback),
    error?.detail ? ` ${error.detail}` : '',
    error?.status === 401 ? [' ', signInLink()] : null,
  ];
}

/** A page (or part of one) that the caller may not use: why, and what to do about it. */
export function accessNotice(caller, { what, role }) {
  if (!caller.signedIn) {
    return el('div', { class: 'notice access', id: 'access-notice' },
      el('p', {}, `${what} is for staff. `, signInLink('Sign in'), ' to use it.'));
  }
  const needs = role === 'admin' ? 'an administrator' : `the ${roleNames[role]?.toLowerCase() || role} role in an inquiry`;
  return el('div', { class: 'notice access', id: 'access-notice' },
    el('p', {}, `${what} needs ${needs}. You are signed in as ${caller.email} without it: ask an administrator if you need it.`));
}
