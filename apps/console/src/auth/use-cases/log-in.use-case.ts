import { Injectable } from '@nestjs/common';
import { Clock } from '../../clock';
import { principalOf } from '../../users/tenancy-rules';
import type { UserAccount } from '../../users/user-account.entity';
import { UserRepository } from '../../users/user.repository';
import type { AuthenticatedSession } from '../authenticated-session';
import { LoginThrottle } from '../login-throttle';
import { PasswordHasher } from '../password-hasher';
import { SessionRepository } from '../session.repository';
import { sessionExpiresAt } from '../session-policy';
import { hashSessionId, looksLikeSessionId, newSecret } from '../session-secrets';

export interface LogInCommand {
  readonly email: string;
  readonly password: string;
  /** Client IP, for throttling. */
  readonly ip: string;
  /** The session cookie the browser still had, if any: ended, so one browser has one session. */
  readonly previousSessionId?: string | undefined;
}

export type LogInResult =
  | { readonly outcome: 'ok'; readonly sessionId: string; readonly session: AuthenticatedSession }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'throttled'; readonly retryAfterMs: number };

/**
 * Checks e-mail and password and opens a session. Unknown address, inactive account and wrong password all give
 * the same answer in about the same time (a dummy argon2 verify), and count towards the throttle of that e-mail
 * and IP. A throttled pair is refused before the password is even checked.
 */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<LogInResult> {
    const key = LoginThrottle.keyOf(command.email, command.ip);
    const retryAfterMs = this.throttle.retryAfterMs(key);
    if (retryAfterMs > 0) return { outcome: 'throttled', retryAfterMs };

    const user = await this.users.findByEmail(command.email);
    const valid =
      user?.active === true
        ? await this.hasher.verify(user.passwordHash, command.password)
        : await this.hasher.verifyNobody(command.password);
    if (!user || !valid) {
      this.throttle.recordFailure(key);
      return { outcome: 'refused' };
    }
    this.throttle.reset(key);
    return { outcome: 'ok', ...(await this.open(user, command.previousSessionId)) };
  }

  private async open(
    user: UserAccount,
    previousSessionId: string | undefined,
  ): Promise<{ sessionId: string; session: AuthenticatedSession }> {
    const now = this.clock.now();
    if (looksLikeSessionId(previousSessionId)) await this.sessions.delete(hashSessionId(previousSessionId));
    await this.sessions.deleteExpired(now);
    const sessionId = newSecret();
    const csrfToken = newSecret();
    const idHash = hashSessionId(sessionId);
    const expiresAt = sessionExpiresAt({ createdAt: now, lastSeenAt: now });
    await this.sessions.insert({
      idHash,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    await this.users.recordLogin(user.id, now);
    return { sessionId, session: { idHash, csrfToken, expiresAt, user, principal: principalOf(user) } };
  }
}
