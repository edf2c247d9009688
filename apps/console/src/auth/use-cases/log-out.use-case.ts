import { Injectable } from '@nestjs/common';
import { SessionRepository } from '../session.repository';

/** Ends one session (the cookie is cleared by the controller). */
@Injectable()
export class LogOutUseCase {
  constructor(private readonly sessions: SessionRepository) {}

  async execute(idHash: string): Promise<void> {
    await this.sessions.delete(idHash);
  }
}
