// The HTTP API (/api/v1): JSON in and out, the session cookie sent by the
// browser, the CSRF token on every state-changing request. A failure is thrown
// as an ApiError carrying the RFC 9457 problem (title, detail, per-field errors).

let csrfToken = '';

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  // Per-field messages, { field: message }, from the problem's `errors`.
  fieldErrors() {
    const out = {};
    for (const e of this.problem.errors || []) {
      const field = (e.pointer || e.field || '').replace(/^#?\//, '');
      if (field) out[field] = e.detail || e.message;
    }
    return out;
  }
}

async function request(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined || form ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: String(e.message || e) });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { title: `HTTP ${response.status}`, detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data || { title: `HTTP ${response.status}` });
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}, headers) => request('POST', path, body, headers),
  del: (path) => request('DELETE', path),
  // multipart/form-data (a document, an import file): the browser sets the boundary.
  upload: (path, form) => request('POST', path, form),
};

// A fresh Idempotency-Key for a money-moving POST (a promise, an arrangement):
// a retried click does not record it twice.
export function idempotencyKey() {
  return crypto.randomUUID();
}
