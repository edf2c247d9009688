import { Injectable } from '@nestjs/common';
import { Clock } from '../../clock';
import { principalOf } from '../../users/tenancy-rules';
import type { AuthenticatedSession } from '../authenticated-session';
import { SessionRepository } from '../session.repository';
import { isSessionActive, sessionExpiresAt, shouldTouch } from '../session-policy';
import { hashSessionId } from '../session-secrets';

/**
 * The session behind a cookie value, if it is still valid and its user still active; moves the idle deadline
 * forward unless the request is background polling (`touch: false`). An expired session is deleted. The user is
 * read fresh on every request, so a role change or deactivation applies at once.
 */
@Injectable()
export class ResolveSessionUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(sessionId: string, options: { touch: boolean }): Promise<AuthenticatedSession | null> {
    const idHash = hashSessionId(sessionId);
    const found = await this.sessions.findWithUser(idHash);
    if (!found) return null;
    const { session, user } = found;
    const now = this.clock.now();
    if (!user.active || !isSessionActive(session, now) || now >= session.expiresAt) {
      await this.sessions.delete(idHash);
      return null;
    }
    let expiresAt = session.expiresAt;
    if (options.touch && shouldTouch(session, now)) {
      expiresAt = sessionExpiresAt({ createdAt: session.createdAt, lastSeenAt: now });
      await this.sessions.touch(idHash, now, expiresAt);
    }
    return { idHash, csrfToken: session.csrfToken, expiresAt, user, principal: principalOf(user) };
  }
}
