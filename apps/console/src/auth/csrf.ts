import { secretsEqual } from './session-secrets';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfVerdict = 'ok' | 'missing-or-wrong-token' | 'cross-origin';

export interface CsrfRequest {
  readonly method: string;
  /** The X-CSRF-Token header. */
  readonly token: string | undefined;
  /** The Origin header, when the browser sent one. */
  readonly origin: string | undefined;
  /** The Host header. */
  readonly host: string | undefined;
}

/** Whether the browser says the request comes from another site (Origin present and not this host). */
export function isCrossOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  if (origin === 'null' || !host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}

/**
 * The CSRF check of a logged-in request: reading is always allowed; a state-changing request (POST, PUT, PATCH,
 * DELETE, …) must come from this origin and carry the session's CSRF token in X-CSRF-Token. The session cookie is
 * SameSite=Strict as well, so this is the second line of defence.
 */
export function checkCsrf(request: CsrfRequest, sessionToken: string): CsrfVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return 'ok';
  if (isCrossOrigin(request.origin, request.host)) return 'cross-origin';
  if (!request.token || !secretsEqual(request.token, sessionToken)) return 'missing-or-wrong-token';
  return 'ok';
}
