import type { ContactChannel, Disease } from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LetterKind } from '../templates/letter-renderer.types';
import type { PlannedChild, PlannedRecipient } from './planning/plan-letters';

export const MESSAGE_STATES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'cancelled'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/**
 * One letter to one guardian (address) on one channel for one decision version or one campaign: queued → sent
 * (accepted by the SMTP server / SMS provider) → delivered (its delivery report; at once on a channel without
 * reports) or bounced / failed (a provider's report, a refusal, the last attempt; then a fallback on the other
 * channel or a dead letter; see providers/delivery-report-rules.ts), or cancelled (its campaign was cancelled, or the guardian opted out of SMS). Refs
 * and measures only: names and addresses are read from the encrypted contact store when sending.
 */
@Entity({ name: 'letter_message' })
@Index('ix_letter_message_case', ['caseId', 'decisionVersion'])
@Index('ix_letter_message_queued', ['updatedAt'], { where: `state = 'queued'` })
@Index('ix_letter_message_provider', ['channel', 'providerMessageId'], {
  where: `provider_message_id IS NOT NULL`,
})
@Index('ix_letter_message_campaign', ['campaignId', 'state'], { where: `campaign_id IS NOT NULL` })
@Index('ix_letter_message_fallback', ['fallbackOf'], { where: `fallback_of IS NOT NULL` })
export class LetterMessage {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_letter_message' })
  id!: string;

  /**
   * `<caseId>-v<version>-<guardianRef>-<channel>` (a decision's letter) or `c<campaignId>-<guardianRef>-<channel>`
   * (a campaign's): unique, and the BullMQ job id.
   */
  @Index('uq_letter_message_key', { unique: true })
  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  /** The case of a decision's letter; null for a campaign's letter. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'decision_version', type: 'integer', nullable: true })
  decisionVersion!: number | null;

  /** The campaign of an information letter sent in bulk (campaigns/); null for a decision's letter. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'disease', type: 'text' })
  disease!: Disease;

  @Column({ name: 'kind', type: 'text' })
  kind!: LetterKind;

  @Column({ name: 'channel', type: 'text' })
  channel!: ContactChannel;

  /** The guardian whose address, name and language the letter uses, and the pupil that guardian row belongs to. */
  @Column({ name: 'guardian_ref', type: 'uuid' })
  guardianRef!: string;

  @Column({ name: 'pupil_ref', type: 'uuid' })
  pupilRef!: string;

  @Column({ name: 'is_update', type: 'boolean' })
  isUpdate!: boolean;

  @Column({ name: 'children', type: 'jsonb' })
  children!: PlannedChild[];

  @Column({ name: 'recipients', type: 'jsonb' })
  recipients!: PlannedRecipient[];

  @Column({ name: 'state', type: 'text' })
  state!: MessageState;

  /** Set on a fallback letter: the message on the other channel that failed. */
  @Column({ name: 'fallback_of', type: 'uuid', nullable: true })
  fallbackOf!: string | null;

  /** How often staff retried it from the dead-letter list (part of the job id, so a retry is a new job). */
  @Column({ name: 'retries', type: 'integer', default: 0 })
  retries!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /**
   * Provider delivery reports (providers/): when the letter was delivered, and the `at` of the last report applied
   * (reports arrive out of order; an older one never overrides a newer one).
   */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt!: Date | null;

  /**
   * The public link to the letter (`<LETTER_BASE_URL>/<token>`, GET /v1/public/letters/:token): SHA-256 (hex) of
   * the random 128-bit token; the token itself is only in the message sent. Null until sent.
   */
  @Index('uq_letter_message_link', { unique: true, where: `link_token_hash IS NOT NULL` })
  @Column({ name: 'link_token_hash', type: 'text', nullable: true })
  linkTokenHash!: string | null;

  @Column({ name: 'link_expires_at', type: 'timestamptz', nullable: true })
  linkExpiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
