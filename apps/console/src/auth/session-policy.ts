/** A session ends after 30 minutes without a request from the user… */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
/** …and 12 hours after login, however active the user is. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

/** When a session created and last used at these times ends: the earlier of the idle and the absolute limit. */
export function sessionExpiresAt({ createdAt, lastSeenAt }: SessionTimes): Date {
  return new Date(
    Math.min(
      lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS,
      createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS,
    ),
  );
}

/** Whether the session is still valid at `now` (it ends at exactly its expiry). */
export function isSessionActive(session: SessionTimes, now: Date): boolean {
  return now.getTime() < sessionExpiresAt(session).getTime();
}

/** Whether a request at `now` should move last_seen_at forward (see SESSION_TOUCH_INTERVAL_MS). */
export function shouldTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}
