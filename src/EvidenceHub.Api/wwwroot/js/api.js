// Calls to the EvidenceHub HTTP API (API.md). Errors arrive as RFC 7807 problem details; callers
// show `detail` (or `title`) to the user, never a raw response. Every change carries the antiforgery
// token (the sign-in cookie alone is not enough), and a 401 becomes sign-in guidance.

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
    if (status === 401) {
      // The page is signed out (or its sign-in ran out): say what to do, not "Unauthorized".
      this.title = 'You need to sign in to do this';
      this.detail = 'Sign in with a staff account and try again; a sign-in lasts 12 hours.';
      this.message = `${this.title}. ${this.detail}`;
    } else {
      this.title = problem?.title || `The server answered ${status}`;
      this.detail = problem?.detail || null;
    }
  }

  get needsSignIn() {
    return this.status === 401;
  }
}

async function problemOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page, say): fall back to the status alone
  }
  return new ApiProblem(response.status, body);
}

// ---- Antiforgery -----------------------------------------------------------------------------

let antiforgery = null; // a promise of { token, headerName }

/** Forgets the token: it is tied to who is signed in, so it must be fetched again after signing in or out. */
export function refreshAntiforgery() {
  antiforgery = null;
}

async function antiforgeryHeaders() {
  antiforgery ??= fetch('/api/auth/antiforgery', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  const issued = await antiforgery;
  if (!issued?.token) {
    antiforgery = null; // try again next time; the server will say the token is missing
    return {};
  }
  return { [issued.headerName || 'X-EvidenceHub-Antiforgery']: issued.token };
}

/** The server's answer when the token is missing or stale (another tab signed in or out, say). */
function isStaleToken(problem) {
  return problem.status === 400 && /security token/i.test(problem.problem?.title || '');
}

export async function getJson(url, { signal } = {}) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

/** Sends JSON with the given method (POST, PUT, PATCH, DELETE); resolves with the body, or null for 204. */
export async function sendJson(method, url, body, { retried = false } = {}) {
  const headers = { Accept: 'application/json', ...await antiforgeryHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (!retried && isStaleToken(problem)) {
      refreshAntiforgery();
      return sendJson(method, url, body, { retried: true });
    }
    throw problem;
  }
  return response.status === 204 ? null : response.json();
}

export const postJson = (url, body) => sendJson('POST', url, body ?? {});
export const putJson = (url, body) => sendJson('PUT', url, body);
export const patchJson = (url, body) => sendJson('PATCH', url, body);
export const deleteJson = (url) => sendJson('DELETE', url);

/**
 * Posts a multipart form with XMLHttpRequest so that upload progress can be shown (fetch has no
 * upload progress). Resolves with the parsed JSON body on 2xx; rejects with an ApiProblem otherwise.
 */
export async function uploadForm(url, formData, onProgress, { retried = false } = {}) {
  const headers = await antiforgeryHeaders();
  try {
    return await new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        let body = null;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          body = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(new ApiProblem(xhr.status, body));
      });
      xhr.addEventListener('error', () => reject(new ApiProblem(0, { title: 'The upload did not reach the server', detail: 'Check the connection and try again.' })));
      xhr.send(formData);
    });
  } catch (error) {
    if (!retried && error instanceof ApiProblem && isStaleToken(error)) {
      refreshAntiforgery();
      return uploadForm(url, formData, onProgress, { retried: true });
    }
    throw error;
  }
}

/** Posts a multipart form and resolves with the response body as a Blob (a file to save); rejects with an ApiProblem. */
export async function postFormForFile(url, formData, { retried = false } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...await antiforgeryHeaders() },
    credentials: 'same-origin',
    body: formData,
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (!retried && isStaleToken(problem)) {
      refreshAntiforgery();
      return postFormForFile(url, formData, { retried: true });
    }
    throw problem;
  }
  return response.blob();
}

export const enc = encodeURIComponent;
