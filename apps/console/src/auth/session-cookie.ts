import type { HttpCookieOptions as CookieOptions, HttpResponse as Response } from '../http-types';
import type { ConsoleConfig } from '../config';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from './session-policy';

export const SESSION_COOKIE = 'meldpunt_session';

/** HttpOnly (no script reads it), SameSite=Strict (never sent by another site), Secure over HTTPS, whole site. */
export function sessionCookieOptions(config: Pick<ConsoleConfig, 'cookieSecure'>): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/' };
}

export function setSessionCookie(response: Response, sessionId: string, config: ConsoleConfig): void {
  response.cookie(SESSION_COOKIE, sessionId, {
    ...sessionCookieOptions(config),
    maxAge: SESSION_ABSOLUTE_TIMEOUT_MS,
  });
}

export function clearSessionCookie(response: Response, config: ConsoleConfig): void {
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
}
