import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ContactChannel, DeliveryFailureReason, GuardianContactV1 } from '@meldpunt/contracts';
import { OutboxRelay } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';
import { AfterCommit } from './after-commit';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeliveryUpdates, type DeliveryOutcome } from './delivery-updates';
import { LetterComposer } from './letter-composer';
import { LetterMessage } from './letter-message.entity';
import { LetterMessageRepository } from './letter-message.repository';
import { LetterQueues } from './letter-queues';
import { fallbackChannel, keyOnChannel } from './planning/plan-letters';

export interface ChannelFailure {
  /** `bounced` when a provider's report said so, else `failed`. */
  readonly state: 'failed' | 'bounced';
  /** Shown to staff on the dead-letter list (Dutch). */
  readonly error: string;
  /** The optional `reason` of the delivery update. */
  readonly reason: DeliveryFailureReason;
  readonly at: Date;
}

/**
 * A letter failed for good on its channel, however we learnt it (the last attempt, a refusal, a provider's
 * bounce or failure report): the ONE place that marks it, publishes `failed`, and tries the other channel once
 * when the guardian has an address for it, else puts it on the dead-letter list. In the caller's transaction; the
 * fallback is queued after commit.
 */
@Injectable()
export class LetterFallback {
  private readonly logger = new Logger('LetterFallback');

  constructor(
    private readonly messages: LetterMessageRepository,
    private readonly deadLetters: DeadLetterRepository,
    private readonly deliveries: DeliveryUpdates,
    private readonly composer: LetterComposer,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * `lead`: the guardian's contact details when the caller has them, null when they are gone, undefined to read
   * them here.
   */
  async failOnChannel(
    manager: EntityManager,
    message: LetterMessage,
    failure: ChannelFailure,
    lead?: GuardianContactV1 | null,
  ): Promise<void> {
    message.state = failure.state;
    message.lastError = failure.error;
    await this.messages.save(manager, message);
    await this.publishOutcome(manager, message, { status: 'failed', at: failure.at, reason: failure.reason });
    const contact =
      lead === undefined && message.fallbackOf === null ? await this.composer.leadOf(message) : lead;
    const other = contact && message.fallbackOf === null ? fallbackChannel(contact, message.channel) : null;
    const fallback = other ? await this.insertFallback(manager, message, other) : [];
    if (fallback.length > 0) {
      this.logger.log(`letter ${message.id} ${failure.state} on ${message.channel}; trying ${other ?? '?'}`);
    } else {
      await this.deadLetters.insert(manager, {
        id: randomUUID(),
        messageId: message.id,
        retries: message.retries,
        clbId: message.clbId,
        schoolId: message.schoolId,
        caseId: message.caseId,
        decisionVersion: message.decisionVersion,
        campaignId: message.campaignId,
        channel: message.channel,
        guardianRef: message.guardianRef,
        contactRefs: [...new Set(message.recipients.map((recipient) => recipient.pupilRef))],
        reason: failure.error,
        status: 'open',
        note: null,
        handledBy: null,
        handledAt: null,
      });
      this.logger.warn(`letter ${message.id} dead-lettered: ${failure.error}`);
    }
    this.afterCommit.run(manager, async () => {
      this.relay.poke();
      await this.queues.enqueueQuietly(fallback);
    });
  }

  /** The same letter on the other channel, queued (at most one: its key is unique). */
  insertFallback(
    manager: EntityManager,
    message: LetterMessage,
    channel: ContactChannel,
  ): Promise<LetterMessage[]> {
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = message;
    return this.messages.insertMessages(manager, [
      Object.assign(new LetterMessage(), {
        ...copy,
        id: randomUUID(),
        messageKey: keyOnChannel(message, channel),
        channel,
        state: 'queued' as const,
        fallbackOf: message.id,
        retries: 0,
        lastError: null,
        providerMessageId: null,
        sentAt: null,
        deliveredAt: null,
        reportedAt: null,
        linkTokenHash: null,
        linkExpiresAt: null,
      }),
    ]);
  }

  /**
   * A decision letter's delivery update per pupil and guardian it covers, with the relay poked after commit;
   * campaign letters have none (false).
   */
  async publishOutcome(
    manager: EntityManager,
    message: LetterMessage,
    outcome: Pick<DeliveryOutcome, 'status' | 'at' | 'reason' | 'resolvedBy'>,
  ): Promise<boolean> {
    if (message.caseId === null || message.decisionVersion === null) return false;
    await this.deliveries.publish(
      manager,
      {
        ...outcome,
        caseId: message.caseId,
        decisionVersion: message.decisionVersion,
        channel: message.channel,
        correlationId: message.correlationId,
      },
      message.recipients.map((recipient) => ({
        contactRef: recipient.pupilRef,
        guardianRef: recipient.guardianRef,
      })),
    );
    this.afterCommit.run(manager, () => this.relay.poke());
    return true;
  }
}
