import type { ContactChannel, Disease } from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LetterKind } from '../templates/letter-renderer.types';
import type { PlannedChild, PlannedRecipient } from './planning/plan-letters';

export const MESSAGE_STATES = ['queued', 'sent', 'failed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/**
 * One letter to one guardian (address) on one channel for one decision version: queued → sent (accepted by the
 * SMTP server / SMS provider) or failed (after the last attempt; then a fallback on the other channel or a dead
 * letter). Refs and measures only: names and addresses are read from the encrypted contact store when sending.
 */
@Entity({ name: 'letter_message' })
@Index('ix_letter_message_case', ['caseId', 'decisionVersion'])
@Index('ix_letter_message_queued', ['updatedAt'], { where: `state = 'queued'` })
export class LetterMessage {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_letter_message' })
  id!: string;

  /** `<caseId>-v<version>-<guardianRef>-<channel>`: unique, and the BullMQ job id. */
  @Index('uq_letter_message_key', { unique: true })
  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'decision_version', type: 'integer' })
  decisionVersion!: number;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
