import type { Disease, SchoolLevel } from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who a campaign was sent to, as the staff member chose it. */
export interface CampaignAudience {
  readonly schoolIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly levels: readonly SchoolLevel[];
}

/** Stored states; `completed` is derived (every letter sent, failed or cancelled). */
export const CAMPAIGN_STORED_STATES = ['sending', 'cancelled'] as const;
export type CampaignStoredState = (typeof CAMPAIGN_STORED_STATES)[number];

/**
 * An information (reassurance) letter to the guardians of some schools, levels or classes of one CLB. Its letters
 * are `letter_message` rows with this `campaign_id`, sent by the same pipeline as a decision's (behind them in
 * priority); progress is counted from their states.
 */
@Entity({ name: 'campaign' })
@Index('ix_campaign_clb', ['clbId', 'createdAt'])
@Index('uq_campaign_idempotency', ['createdBy', 'idempotencyKey'], { unique: true })
export class Campaign {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_campaign' })
  id!: string;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'disease', type: 'text' })
  disease!: Disease;

  @Column({ name: 'audience', type: 'jsonb' })
  audience!: CampaignAudience;

  @Column({ name: 'status', type: 'text' })
  status!: CampaignStoredState;

  /** Letters planned (one per guardian address and channel). */
  @Column({ name: 'total', type: 'integer' })
  total!: number;

  /** Pupils in the audience. */
  @Column({ name: 'pupils', type: 'integer' })
  pupils!: number;

  /** Mobile numbers that opted out of information by SMS and have no e-mail address: nothing is sent to them. */
  @Column({ name: 'opted_out', type: 'integer' })
  optedOut!: number;

  /** Pupils none of whose guardians has a usable address (or without guardians on record). */
  @Column({ name: 'unreachable', type: 'integer' })
  unreachable!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  /** The console's Idempotency-Key header: the same key from the same user returns the same campaign. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;
}
