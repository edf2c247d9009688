import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GuardianContactV1 } from '@meldpunt/contracts';
import { OutboxRelay } from '@meldpunt/messaging';
import { ClbReplica, SchoolReplica } from '@meldpunt/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { GuardianContactRepository, type StoredGuardian } from '../../contacts/guardian-contact.repository';
import {
  LETTER_RENDERING,
  type ChildForLetter,
  type LetterInput,
  type LetterRendering,
  type RenderedLetter,
} from '../../templates/letter-renderer.types';
import { AfterCommit } from '../after-commit';
import { LetterMailer } from '../channels/mailer';
import { PermanentDeliveryError, ProviderRateLimitedError } from '../channels/delivery-errors';
import { SmsProvider } from '../channels/sms-provider';
import { Clock } from '../clock';
import { DeadLetterRepository } from '../dead-letter.repository';
import { DeliveryUpdates } from '../delivery-updates';
import { LetterMessage } from '../letter-message.entity';
import { LetterMessageRepository } from '../letter-message.repository';
import { LetterQueues } from '../letter-queues';
import { LettersConfig } from '../letters.config';
import { FAILURE_REASONS, LETTERS_MESSAGES } from '../letters.messages';
import { fallbackChannel, messageKey } from '../planning/plan-letters';

export type SendResult = 'sent' | 'skipped' | 'failed';

interface Prepared {
  readonly to: string;
  readonly lead: GuardianContactV1;
  readonly letter: RenderedLetter;
}

/**
 * Sends one letter, once: the message row is locked while sending and marked `sent` in the same transaction with
 * its `delivered` updates (accepted by the SMTP server / SMS provider; real delivery reports are a follow-up), so
 * a duplicate or redelivered job finds it sent and sends nothing. (If the commit itself fails after the provider
 * accepted, the retry sends again: at-least-once, the best SMTP allows.) A transient failure is thrown for BullMQ
 * to retry with backoff; a 429 is thrown as ProviderRateLimitedError (the queue pauses, no attempt used). After the
 * last attempt, or on a permanent refusal, the letter fails: `failed` is published, and the other channel is
 * tried when the guardian has it, else the letter goes to the dead-letter list.
 */
@Injectable()
export class SendLetterUseCase {
  private readonly logger = new Logger('SendLetter');

  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: LetterMessageRepository,
    private readonly contacts: GuardianContactRepository,
    private readonly deadLetters: DeadLetterRepository,
    private readonly deliveries: DeliveryUpdates,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly relay: OutboxRelay,
    private readonly mailer: LetterMailer,
    private readonly sms: SmsProvider,
    private readonly config: LettersConfig,
    private readonly clock: Clock,
    @Inject(LETTER_RENDERING) private readonly renderer: LetterRendering,
  ) {}

  async execute(messageId: string, attempt: { readonly final: boolean }): Promise<SendResult> {
    const unlocked = await this.dataSource.getRepository(LetterMessage).findOneBy({ id: messageId });
    if (!unlocked || unlocked.state !== 'queued') return 'skipped';
    // Rendered before the row is locked, so the transaction is held only while the provider answers.
    const prepared = await this.prepare(unlocked);
    return this.dataSource.transaction(async (manager) => {
      const message = await this.messages.lockById(manager, messageId);
      if (!message || message.state !== 'queued') return 'skipped';
      if (typeof prepared === 'string') {
        await this.fail(manager, message, prepared, null);
        return 'failed';
      }
      let providerMessageId: string | null = null;
      try {
        providerMessageId = await this.deliver(message, prepared);
      } catch (error) {
        if (error instanceof ProviderRateLimitedError) throw error;
        const text = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentDeliveryError) {
          await this.fail(manager, message, FAILURE_REASONS.refused(text), prepared.lead);
          return 'failed';
        }
        if (attempt.final) {
          await this.fail(manager, message, FAILURE_REASONS.lastAttempt(text), prepared.lead);
          return 'failed';
        }
        throw error;
      }
      const now = this.clock.now();
      message.state = 'sent';
      message.sentAt = now;
      message.lastError = null;
      message.providerMessageId = providerMessageId;
      await this.messages.save(manager, message);
      await this.deliveries.publish(
        manager,
        this.outcome(message, 'delivered', now),
        message.recipients.map((recipient) => ({
          contactRef: recipient.pupilRef,
          guardianRef: recipient.guardianRef,
        })),
      );
      this.afterCommit.run(manager, () => this.relay.poke());
      return 'sent';
    });
  }

  private async deliver(message: LetterMessage, prepared: Prepared): Promise<string | null> {
    if (message.channel === 'email') {
      await this.mailer.send({
        to: prepared.to,
        subject: prepared.letter.subject,
        html: prepared.letter.html,
        text: prepared.letter.text,
        messageId: `<${message.id}@meldpunt.be>`,
        language: prepared.letter.language,
        attachments: prepared.letter.attachments,
      });
      return null;
    }
    const { providerMessageId } = await this.sms.send({
      to: prepared.to,
      body: prepared.letter.sms.body,
      reference: message.id,
    });
    return providerMessageId;
  }

  /** The address and the rendered letter, or why the letter cannot be sent at all. */
  private async prepare(message: LetterMessage): Promise<Prepared | string> {
    const guardians = await this.contacts.guardiansOf(message.schoolId, [
      ...new Set([message.pupilRef, ...message.children.map((child) => child.pupilRef)]),
    ]);
    const byKey = new Map(
      guardians.map((guardian) => [`${guardian.pupilRef}/${guardian.guardianRef}`, guardian]),
    );
    const lead = byKey.get(`${message.pupilRef}/${message.guardianRef}`)?.contact;
    if (!lead) return FAILURE_REASONS.contactRemoved;
    const to = message.channel === 'email' ? lead.email : lead.mobile;
    if (!to) return FAILURE_REASONS.noAddress;
    const children = message.children.flatMap((child): ChildForLetter[] => {
      const named: StoredGuardian | undefined =
        byKey.get(`${child.pupilRef}/${child.guardianRef}`) ??
        guardians.find((guardian) => guardian.pupilRef === child.pupilRef);
      if (!named) return [];
      return [
        {
          firstName: named.contact.pupilFirstName,
          lastName: named.contact.pupilLastName,
          measures: child.measures,
          changed: child.changed,
        },
      ];
    });
    const [school, clb] = await Promise.all([
      this.dataSource.getRepository(SchoolReplica).findOneBy({ id: message.schoolId }),
      this.dataSource.getRepository(ClbReplica).findOneBy({ id: message.clbId }),
    ]);
    const input: LetterInput = {
      kind: message.kind,
      disease: message.disease,
      language: lead.language,
      guardianName: lead.name,
      schoolName: school?.name ?? LETTERS_MESSAGES.unknownSchool,
      clbName: clb?.name ?? LETTERS_MESSAGES.unknownClb,
      children,
      isUpdate: message.isUpdate,
      letterUrl: `${this.config.letterBaseUrl.replace(/\/+$/, '')}/${message.id}`,
      letterId: message.id,
      issuedAt: message.decidedAt.toISOString(),
    };
    return { to, lead, letter: await this.renderer.render(input) };
  }

  /** Failed for good on this channel: publish it, then the other channel or the dead-letter list. */
  private async fail(
    manager: EntityManager,
    message: LetterMessage,
    reason: string,
    lead: GuardianContactV1 | null,
  ): Promise<void> {
    const now = this.clock.now();
    message.state = 'failed';
    message.lastError = reason;
    await this.messages.save(manager, message);
    await this.deliveries.publish(
      manager,
      this.outcome(message, 'failed', now),
      message.recipients.map((recipient) => ({
        contactRef: recipient.pupilRef,
        guardianRef: recipient.guardianRef,
      })),
    );
    const other = lead && message.fallbackOf === null ? fallbackChannel(lead, message.channel) : null;
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = message;
    const fallback = other
      ? await this.messages.insertMessages(manager, [
          Object.assign(new LetterMessage(), {
            ...copy,
            id: randomUUID(),
            messageKey: messageKey(message.caseId, message.decisionVersion, message.guardianRef, other),
            channel: other,
            state: 'queued' as const,
            fallbackOf: message.id,
            retries: 0,
            lastError: null,
            providerMessageId: null,
            sentAt: null,
          }),
        ])
      : [];
    if (fallback.length > 0) {
      this.logger.log(`letter ${message.id} failed on ${message.channel}; trying ${other ?? '?'}`);
    } else {
      await this.deadLetters.insert(manager, {
        id: randomUUID(),
        messageId: message.id,
        retries: message.retries,
        clbId: message.clbId,
        schoolId: message.schoolId,
        caseId: message.caseId,
        decisionVersion: message.decisionVersion,
        channel: message.channel,
        guardianRef: message.guardianRef,
        contactRefs: [...new Set(message.recipients.map((recipient) => recipient.pupilRef))],
        reason,
        status: 'open',
        note: null,
        handledBy: null,
        handledAt: null,
      });
      this.logger.warn(`letter ${message.id} dead-lettered: ${reason}`);
    }
    this.afterCommit.run(manager, async () => {
      this.relay.poke();
      await this.queues.enqueueQuietly(fallback);
    });
  }

  private outcome(message: LetterMessage, status: 'delivered' | 'failed', at: Date) {
    return {
      caseId: message.caseId,
      decisionVersion: message.decisionVersion,
      status,
      channel: message.channel,
      at,
      correlationId: message.correlationId,
    };
  }
}
