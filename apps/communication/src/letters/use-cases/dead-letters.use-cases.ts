import { Injectable } from '@nestjs/common';
import type { Principal, TenancyScope } from '@meldpunt/auth';
import type { DeliveryResolvedBy, GuardianContactV1 } from '@meldpunt/contracts';
import { DataSource } from 'typeorm';
import { GuardianContactRepository } from '../../contacts/guardian-contact.repository';
import { AfterCommit } from '../after-commit';
import { Clock } from '../clock';
import { DEAD_LETTER_STATUSES, type LetterDeadLetter } from '../dead-letter.entity';
import { DeadLetterRepository, type DeadLetterPage } from '../dead-letter.repository';
import type { DeadLetterFilter } from '../dto/list-dead-letters.request.dto';
import { LetterFallback } from '../letter-fallback';
import { LetterMessageRepository } from '../letter-message.repository';
import { LetterQueues } from '../letter-queues';
import { LettersError } from '../letters.errors';
import { LETTERS_MESSAGES } from '../letters.messages';

/** A dead letter with whom to call: the guardian's contact details, opened here for the CLB staff who phone. */
export interface DeadLetterWithGuardian {
  readonly deadLetter: LetterDeadLetter;
  /** null when intake no longer has the guardian (removed since). */
  readonly guardian: GuardianContactV1 | null;
}

/**
 * The dead-letter list of the caller's CLBs, newest first, each with the guardian's name, language, e-mail and
 * mobile: the staff who resolve a dead letter call the family. Decrypted only here, for a scoped caller; never
 * on Kafka.
 */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(
    private readonly deadLetters: DeadLetterRepository,
    private readonly contacts: GuardianContactRepository,
  ) {}

  async execute(
    scope: TenancyScope,
    filter: { status: DeadLetterFilter; limit: number; offset: number },
  ): Promise<{ items: DeadLetterWithGuardian[]; total: number }> {
    const page: DeadLetterPage = await this.deadLetters.list(scope, {
      statuses: filter.status === 'all' ? DEAD_LETTER_STATUSES : [filter.status],
      limit: filter.limit,
      offset: filter.offset,
    });
    const items = await Promise.all(
      page.items.map(async (deadLetter) => ({ deadLetter, guardian: await this.guardianOf(deadLetter) })),
    );
    return { items, total: page.total };
  }

  /** The guardian row belongs to one of the letter's pupils (siblings share one letter). */
  private async guardianOf(deadLetter: LetterDeadLetter): Promise<GuardianContactV1 | null> {
    const guardians = await this.contacts.guardiansOf(deadLetter.schoolId, deadLetter.contactRefs);
    return guardians.find((stored) => stored.guardianRef === deadLetter.guardianRef)?.contact ?? null;
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

/**
 * Marks a dead letter handled outside the pipeline ("called by phone"), with a note, and tells the doctor's case
 * page: a `delivered` update with `resolvedBy` (`phone` / `other`) and the channel that failed, so the call list
 * shows the family was reached (the note itself stays here: free text may hold personal data).
 */
@Injectable()
export class ResolveDeadLetterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterRepository,
    private readonly messages: LetterMessageRepository,
    private readonly fallback: LetterFallback,
    private readonly clock: Clock,
  ) {}

  execute(
    scope: TenancyScope,
    principal: Principal,
    id: string,
    note: string,
    resolvedBy: DeliveryResolvedBy = 'phone',
  ): Promise<LetterDeadLetter> {
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
      const message = await this.messages.lockById(manager, dead.messageId);
      if (message)
        await this.fallback.publishOutcome(manager, message, {
          status: 'delivered',
          at: dead.handledAt ?? this.clock.now(),
          resolvedBy,
        });
      return dead;
    });
  }
}
