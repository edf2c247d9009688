import type { ContactChannel } from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const DEAD_LETTER_STATUSES = ['open', 'retried', 'resolved'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/**
 * A letter that could not be delivered on any channel after every attempt: staff see it in the console and
 * retry it or resolve it ("called by phone"). Refs only; the console resolves who it is through intake.
 */
@Entity({ name: 'letter_dead_letter' })
@Index('ix_letter_dead_letter_clb', ['clbId', 'status', 'createdAt'])
@Index('uq_letter_dead_letter_message', ['messageId', 'retries'], { unique: true })
export class LetterDeadLetter {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_letter_dead_letter' })
  id!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  /** The message's retry count when it was dead-lettered (one dead letter per attempt round). */
  @Column({ name: 'retries', type: 'integer' })
  retries!: number;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** The case of a decision's letter; null for a campaign's letter. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'decision_version', type: 'integer', nullable: true })
  decisionVersion!: number | null;

  /** The campaign of an information letter; null for a decision's letter. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  @Column({ name: 'channel', type: 'text' })
  channel!: ContactChannel;

  @Column({ name: 'guardian_ref', type: 'uuid' })
  guardianRef!: string;

  @Column({ name: 'contact_refs', type: 'uuid', array: true })
  contactRefs!: string[];

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'status', type: 'text' })
  status!: DeadLetterStatus;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'handled_by', type: 'text', nullable: true })
  handledBy!: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
