// Every call the page makes goes to its own origin: /auth/* and /api/* (the console forwards /api/<service>/…).
import { t } from './i18n.js';

let csrfToken = null;

/** Remembers the session's CSRF token; it goes along on every POST, PUT, PATCH and DELETE. */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** A failed call: HTTP status (0 = no connection), the body, and the field errors [{ field, messages }] if any. */
export class ApiError extends Error {
  constructor(status, body) {
    super(messageIn(body) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.fields = Array.isArray(body?.fields)
      ? body.fields.filter((f) => f && typeof f.field === 'string')
      : [];
  }
}

function messageIn(body) {
  if (typeof body === 'string') return '';
  const value = body?.message;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(' ');
  return '';
}

/** A message for the user about a failed call. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 403) return messageIn(error.body) || t('error.forbidden');
    return messageIn(error.body) || t('error.generic', { status: error.status });
  }
  return t('error.unexpected');
}

/**
 * Calls the console. Options: method, json (sent as JSON), body + headers (anything else), background (does not
 * count as user activity for the session's idle timeout), signal. Resolves with the parsed JSON (or text); rejects
 * with ApiError. A 401 also fires `meldpunt:unauthenticated`, so the app can show the login page.
 */
export async function api(path, options = {}) {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = { accept: 'application/json', ...(options.headers ?? {}) };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  if (!['GET', 'HEAD'].includes(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.background) headers['x-meldpunt-background'] = '1';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, null);
  }
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (response.status === 401 && !options.anonymous) {
    window.dispatchEvent(new CustomEvent('meldpunt:unauthenticated'));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The list in an answer: the answer itself when it is an array, else its first array among keys, items, data. */
export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    for (const key of [...keys, 'items', 'data', 'results']) {
      if (Array.isArray(body[key])) return body[key];
    }
  }
  return [];
}

/** The id of a record that may call it id or <kind>Id. */
export function idOf(record, kind) {
  return record?.id ?? record?.[`${kind}Id`] ?? null;
}
