import { Injectable } from '@nestjs/common';
import type { DeliveryFailureReason, GuardianContactV1 } from '@meldpunt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AfterCommit } from '../after-commit';
import { LetterMailer } from '../channels/mailer';
import { PermanentDeliveryError, ProviderRateLimitedError } from '../channels/delivery-errors';
import { SmsProvider } from '../channels/sms-provider';
import { Clock } from '../clock';
import { LetterComposer, type ComposedLetter } from '../letter-composer';
import { LetterFallback } from '../letter-fallback';
import { hashLetterToken, letterLinkExpiry, newLetterToken } from '../letter-links';
import { LetterMessage } from '../letter-message.entity';
import { LetterMessageRepository } from '../letter-message.repository';
import { LetterQueues } from '../letter-queues';
import { LettersConfig } from '../letters.config';
import { FAILURE_REASONS } from '../letters.messages';
import { OptOutRepository } from '../../opt-outs/opt-out.repository';

export type SendResult = 'sent' | 'skipped' | 'failed';

type Prepared = ComposedLetter;

/**
 * Sends one letter, once: the message row is locked while sending and marked in the same transaction, so a
 * duplicate or redelivered job finds it sent and sends nothing. Accepted by the provider = `sent` (with the
 * provider's message id) when the channel has delivery reports (the report makes it `delivered`, providers/), else
 * `delivered` at once with its `delivered` updates. The letter's link token (`<LETTER_BASE_URL>/<token>`) is made
 * per attempt and its hash stored with the `sent`. (If the commit itself fails after the provider
 * accepted, the retry sends again: at-least-once, the best SMTP allows.) A transient failure is thrown for BullMQ
 * to retry with backoff; a 429 is thrown as ProviderRateLimitedError (the queue pauses, no attempt used). After the
 * last attempt, or on a permanent refusal, the letter fails: `failed` is published, and the other channel is
 * tried when the guardian has it, else the letter goes to the dead-letter list.
 */
@Injectable()
export class SendLetterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: LetterMessageRepository,
    private readonly composer: LetterComposer,
    private readonly fallback: LetterFallback,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly mailer: LetterMailer,
    private readonly sms: SmsProvider,
    private readonly config: LettersConfig,
    private readonly clock: Clock,
    private readonly optOuts: OptOutRepository,
  ) {}

  async execute(messageId: string, attempt: { readonly final: boolean }): Promise<SendResult> {
    const unlocked = await this.dataSource.getRepository(LetterMessage).findOneBy({ id: messageId });
    if (!unlocked || unlocked.state !== 'queued') return 'skipped';
    // Rendered before the row is locked, so the transaction is held only while the provider answers.
    const token = newLetterToken();
    // An SMS carries no attachments: its PDF and .ics are not rendered.
    const prepared = await this.composer.compose(unlocked, `${this.config.letterBaseUrl}/${token}`, {
      attachments: unlocked.channel === 'email',
    });
    return this.dataSource.transaction(async (manager) => {
      const message = await this.messages.lockById(manager, messageId);
      if (!message || message.state !== 'queued') return 'skipped';
      if (
        message.campaignId !== null &&
        (await this.messages.campaignCancelled(manager, message.campaignId))
      ) {
        await this.cancel(manager, message, FAILURE_REASONS.campaignCancelled, null);
        return 'skipped';
      }
      if (typeof prepared === 'string') {
        await this.fail(manager, message, prepared, 'no-address', null);
        return 'failed';
      }
      // Information campaigns respect SMS STOP (checked again now: the guardian may have opted out since);
      // a doctor's decided measures are always sent.
      if (
        message.campaignId !== null &&
        message.channel === 'sms' &&
        (await this.optOuts.isOptedOut(prepared.to, manager))
      ) {
        await this.cancel(manager, message, FAILURE_REASONS.optedOut, prepared.lead);
        return 'skipped';
      }
      let providerMessageId: string | null = null;
      try {
        providerMessageId = await this.deliver(message, prepared);
      } catch (error) {
        if (error instanceof ProviderRateLimitedError) throw error;
        const text = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentDeliveryError) {
          await this.fail(manager, message, FAILURE_REASONS.refused(text), 'refused', prepared.lead);
          return 'failed';
        }
        if (attempt.final) {
          await this.fail(
            manager,
            message,
            FAILURE_REASONS.lastAttempt(text),
            'attempts-exhausted',
            prepared.lead,
          );
          return 'failed';
        }
        throw error;
      }
      const now = this.clock.now();
      const reported = this.config.deliveryReports[message.channel];
      message.state = reported ? 'sent' : 'delivered';
      message.sentAt = now;
      message.deliveredAt = reported ? null : now;
      message.reportedAt = null;
      message.lastError = null;
      message.providerMessageId = providerMessageId;
      message.linkTokenHash = hashLetterToken(token);
      message.linkExpiresAt = letterLinkExpiry(
        message.children.flatMap((child) => child.measures),
        message.decidedAt,
        this.config.letterLinkDays,
      );
      await this.messages.save(manager, message);
      if (!reported) await this.fallback.publishOutcome(manager, message, { status: 'delivered', at: now });
      return 'sent';
    });
  }

  private async deliver(message: LetterMessage, prepared: Prepared): Promise<string> {
    if (message.channel === 'email') {
      const { providerMessageId } = await this.mailer.send({
        to: prepared.to,
        subject: prepared.letter.subject,
        html: prepared.letter.html,
        text: prepared.letter.text,
        messageId: `<${message.id}@meldpunt.be>`,
        language: prepared.letter.language,
        attachments: prepared.letter.attachments,
      });
      return providerMessageId;
    }
    const { providerMessageId } = await this.sms.send({
      to: prepared.to,
      body: prepared.letter.sms.body,
      reference: message.id,
    });
    return providerMessageId;
  }

  /** Failed for good on this channel: LetterFallback publishes it, then the other channel or the dead-letter list. */
  private async fail(
    manager: EntityManager,
    message: LetterMessage,
    error: string,
    reason: DeliveryFailureReason,
    lead: GuardianContactV1 | null,
  ): Promise<void> {
    await this.fallback.failOnChannel(
      manager,
      message,
      { state: 'failed', error, reason, at: this.clock.now() },
      lead,
    );
  }

  /**
   * A campaign letter that will not be sent (its campaign was cancelled, or the guardian opted out of SMS): marked
   * `cancelled`; an opted-out guardian with an e-mail address gets the letter by e-mail instead.
   */
  private async cancel(
    manager: EntityManager,
    message: LetterMessage,
    reason: string,
    lead: GuardianContactV1 | null,
  ): Promise<void> {
    message.state = 'cancelled';
    message.lastError = reason;
    await this.messages.save(manager, message);
    if (!lead || message.channel !== 'sms' || !lead.email || message.fallbackOf !== null) return;
    const fallback = await this.fallback.insertFallback(manager, message, 'email');
    this.afterCommit.run(manager, async () => {
      await this.queues.enqueueQuietly(fallback);
    });
  }
}
