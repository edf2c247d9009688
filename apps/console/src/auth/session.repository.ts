import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type Repository } from 'typeorm';
import { UserAccount } from '../users/user-account.entity';
import { Session } from './session.entity';

/** Sessions, looked up by the hash of the cookie value. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sessions(): Repository<Session> {
    return this.dataSource.getRepository(Session);
  }

  async insert(session: Omit<Session, 'user'>): Promise<void> {
    await this.sessions.insert(session);
  }

  /** The session and its user, or null. Expiry is the caller's business (see session-policy.ts). */
  async findWithUser(idHash: string): Promise<{ session: Session; user: UserAccount } | null> {
    const session = await this.sessions.findOne({ where: { idHash }, relations: { user: true } });
    if (!session?.user) return null;
    return { session, user: session.user };
  }

  async touch(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.sessions.update({ idHash }, { lastSeenAt, expiresAt });
  }

  async delete(idHash: string): Promise<void> {
    await this.sessions.delete({ idHash });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThanOrEqual(now) });
  }
}
