// Calls to the EvidenceHub HTTP API (API.md). Errors arrive as RFC 7807 problem details; callers
// show `detail` (or `title`) to the user, never a raw response.

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.title = problem?.title || `The server answered ${status}`;
    this.detail = problem?.detail || null;
    this.problem = problem || {};
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

export async function getJson(url, { signal } = {}) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

/** Sends JSON with the given method (POST, PUT, PATCH, DELETE); resolves with the body, or null for 204. */
export async function sendJson(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
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
export function uploadForm(url, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
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
}

export const enc = encodeURIComponent;
