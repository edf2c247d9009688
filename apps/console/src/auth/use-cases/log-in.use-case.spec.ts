import type { UserAccount } from '../../users/user-account.entity';
import type { UserRepository } from '../../users/user.repository';
import { LoginThrottle } from '../login-throttle';
import type { PasswordHasher } from '../password-hasher';
import type { SessionRepository } from '../session.repository';
import { hashSessionId } from '../session-secrets';
import { LogInUseCase } from './log-in.use-case';

const NOW = new Date('2026-11-24T10:00:00Z');
const clock = { now: () => NOW, monotonicMs: () => 0 };

function user(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: 'a8d2b1f4-3c1e-4f7a-9b62-0d5e8c7f1a23',
    email: 'school@meldpunt.test',
    displayName: 'Directie',
    passwordHash: 'hash-of-right',
    role: 'school',
    clbIds: [],
    schoolIds: ['33333333-3333-4333-8333-333333333333'],
    active: true,
    createdAt: NOW,
    updatedAt: NOW,
    lastLoginAt: null,
    ...overrides,
  };
}

function setup(stored: UserAccount | null) {
  const calls = {
    verify: 0,
    verifyNobody: 0,
    inserted: [] as { idHash: string; expiresAt: Date }[],
    deleted: [] as string[],
  };
  const users = {
    findByEmail: async (email: string) =>
      stored && email.trim().toLowerCase() === stored.email ? stored : null,
    recordLogin: async () => undefined,
  } as unknown as UserRepository;
  const sessions = {
    insert: async (session: { idHash: string; expiresAt: Date }) => void calls.inserted.push(session),
    delete: async (idHash: string) => void calls.deleted.push(idHash),
    deleteExpired: async () => undefined,
  } as unknown as SessionRepository;
  const hasher = {
    verify: async (hash: string, password: string) => {
      calls.verify += 1;
      return hash === `hash-of-${password}`;
    },
    verifyNobody: async () => {
      calls.verifyNobody += 1;
      return false;
    },
  } as unknown as PasswordHasher;
  const throttle = new LoginThrottle(clock);
  return { calls, throttle, useCase: new LogInUseCase(users, sessions, hasher, throttle, clock) };
}

describe('LogInUseCase', () => {
  it('opens a session whose cookie value is stored only as its hash, and ends the previous one', async () => {
    const { calls, useCase } = setup(user());
    const previous = 'p'.repeat(43);
    const result = await useCase.execute({
      email: 'School@meldpunt.test',
      password: 'right',
      ip: '1.2.3.4',
      previousSessionId: previous,
    });
    if (result.outcome !== 'ok') throw new Error(result.outcome);
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(calls.inserted[0]?.idHash).toBe(hashSessionId(result.sessionId));
    expect(calls.inserted[0]?.expiresAt).toEqual(new Date(NOW.getTime() + 30 * 60_000));
    expect(calls.deleted).toEqual([hashSessionId(previous)]);
    expect(result.session.principal).toEqual({
      userId: user().id,
      role: 'school',
      clbIds: [],
      schoolIds: ['33333333-3333-4333-8333-333333333333'],
    });
    expect(result.session.csrfToken).not.toBe(result.sessionId);
  });

  it('spends an argon2 verify on an unknown address and on an inactive account', async () => {
    const unknown = setup(null);
    expect(await unknown.useCase.execute({ email: 'x@y.z', password: 'right', ip: 'ip' })).toEqual({
      outcome: 'refused',
    });
    expect(unknown.calls.verifyNobody).toBe(1);

    const inactive = setup(user({ active: false }));
    expect(
      await inactive.useCase.execute({ email: 'school@meldpunt.test', password: 'right', ip: 'ip' }),
    ).toEqual({
      outcome: 'refused',
    });
    expect(inactive.calls).toMatchObject({ verify: 0, verifyNobody: 1, inserted: [] });
  });

  it('refuses a throttled address before checking the password', async () => {
    const { calls, useCase } = setup(user());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await useCase.execute({ email: 'school@meldpunt.test', password: 'wrong', ip: 'ip' })).outcome,
      ).toBe('refused');
    }
    const blocked = await useCase.execute({ email: 'school@meldpunt.test', password: 'right', ip: 'ip' });
    expect(blocked).toEqual({ outcome: 'throttled', retryAfterMs: 15 * 60_000 });
    expect(calls.verify).toBe(5);
    expect(
      (await useCase.execute({ email: 'school@meldpunt.test', password: 'right', ip: 'other-ip' })).outcome,
    ).toBe('ok');
  });
});
