import { Injectable } from '@nestjs/common';
import type { Principal, TenancyScope } from '@meldpunt/auth';
import { DataSource } from 'typeorm';
import { AfterCommit } from '../after-commit';
import { Clock } from '../clock';
import { DEAD_LETTER_STATUSES, type LetterDeadLetter } from '../dead-letter.entity';
import { DeadLetterRepository, type DeadLetterPage } from '../dead-letter.repository';
import type { DeadLetterFilter } from '../dto/list-dead-letters.request.dto';
import { LetterMessageRepository } from '../letter-message.repository';
import { LetterQueues } from '../letter-queues';
import { LettersError } from '../letters.errors';
import { LETTERS_MESSAGES } from '../letters.messages';

/** The dead-letter list of the caller's CLBs, newest first. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(private readonly deadLetters: DeadLetterRepository) {}

  execute(
    scope: TenancyScope,
    filter: { status: DeadLetterFilter; limit: number; offset: number },
  ): Promise<DeadLetterPage> {
    return this.deadLetters.list(scope, {
      statuses: filter.status === 'all' ? DEAD_LETTER_STATUSES : [filter.status],
      limit: filter.limit,
      offset: filter.offset,
    });
  }
}

/**
 * Sends a dead letter's message again (same channel, full attempts): the message is queued once more under a new
 * job id (`…-r<n>`); if it fails again it comes back on the list as a new dead letter.
 */
@Injectable()
export class RetryDeadLetterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterRepository,
    private readonly messages: LetterMessageRepository,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
  ) {}

  execute(scope: TenancyScope, principal: Principal, id: string): Promise<LetterDeadLetter> {
    return this.dataSource.transaction(async (manager) => {
      const dead = await this.deadLetters.lockInScope(manager, scope, id);
      if (!dead) throw new LettersError('not-found', LETTERS_MESSAGES.deadLetterNotFound);
      if (dead.status !== 'open') throw new LettersError('conflict', LETTERS_MESSAGES.deadLetterHandled);
      const message = await this.messages.lockById(manager, dead.messageId);
      if (!message) throw new LettersError('not-found', LETTERS_MESSAGES.deadLetterNotFound);
      message.state = 'queued';
      message.retries += 1;
      message.lastError = null;
      await this.messages.save(manager, message);
      Object.assign(dead, { status: 'retried', handledBy: principal.userId, handledAt: this.clock.now() });
      await this.deadLetters.save(manager, dead);
      this.afterCommit.run(manager, async () => {
        await this.queues.enqueueQuietly([message]);
      });
      return dead;
    });
  }
}

/** Marks a dead letter handled outside the pipeline ("called by phone"), with a note. */
@Injectable()
export class ResolveDeadLetterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterRepository,
    private readonly clock: Clock,
  ) {}

  execute(scope: TenancyScope, principal: Principal, id: string, note: string): Promise<LetterDeadLetter> {
    return this.dataSource.transaction(async (manager) => {
      const dead = await this.deadLetters.lockInScope(manager, scope, id);
      if (!dead) throw new LettersError('not-found', LETTERS_MESSAGES.deadLetterNotFound);
      if (dead.status !== 'open') throw new LettersError('conflict', LETTERS_MESSAGES.deadLetterHandled);
      Object.assign(dead, {
        status: 'resolved',
        note: note.trim(),
        handledBy: principal.userId,
        handledAt: this.clock.now(),
      });
      await this.deadLetters.save(manager, dead);
      return dead;
    });
  }
}
