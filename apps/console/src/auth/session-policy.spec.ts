import {
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  isSessionActive,
  sessionExpiresAt,
  shouldTouch,
} from './session-policy';

const login = new Date('2026-11-24T08:00:00Z');
const minutes = (n: number) => new Date(login.getTime() + n * 60_000);

describe('session expiry', () => {
  it('ends 30 minutes after the last request', () => {
    const session = { createdAt: login, lastSeenAt: minutes(10) };
    expect(sessionExpiresAt(session)).toEqual(minutes(40));
    expect(isSessionActive(session, minutes(39))).toBe(true);
    expect(isSessionActive(session, minutes(40))).toBe(false);
  });

  it('ends 12 hours after login however busy the user is', () => {
    const session = { createdAt: login, lastSeenAt: minutes(12 * 60 - 5) };
    expect(sessionExpiresAt(session)).toEqual(minutes(12 * 60));
    expect(isSessionActive(session, minutes(12 * 60 - 1))).toBe(true);
    expect(isSessionActive(session, minutes(12 * 60))).toBe(false);
  });

  it('uses the limits of the brief: 30 min idle, 12 h absolute', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(30 * 60_000);
    expect(SESSION_ABSOLUTE_TIMEOUT_MS).toBe(12 * 3_600_000);
  });

  it('writes last_seen_at at most once a minute', () => {
    const session = { createdAt: login, lastSeenAt: minutes(10) };
    expect(shouldTouch(session, new Date(minutes(10).getTime() + 59_999))).toBe(false);
    expect(shouldTouch(session, minutes(11))).toBe(true);
  });
});
