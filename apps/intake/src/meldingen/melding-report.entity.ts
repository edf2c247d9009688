import { MELDING_CHANNELS, type MeldingChannel } from '@meldpunt/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MeldingInput } from './melding-input';
import { Melding } from './melding.entity';

/**
 * One report as a school sent it: the first creates the melding, later ones of the same infection (by any
 * channel) are merged into it and kept here, without a second event. `details` is the validated request body.
 */
@Entity({ name: 'melding_report' })
export class MeldingReport {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('ix_melding_report_melding')
  @Column({ name: 'melding_id', type: 'uuid' })
  meldingId!: string;

  @ManyToOne(() => Melding, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'melding_id', foreignKeyConstraintName: 'fk_melding_report_melding' })
  melding?: Melding;

  @Column({ name: 'channel', type: 'enum', enum: MELDING_CHANNELS, enumName: 'melding_channel' })
  channel!: MeldingChannel;

  /** `user:<id>` (console), `api-key:<keyId>` or `webhook:<keyId>`. */
  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  /** false for the report that created the melding. */
  @Column({ name: 'merged', type: 'boolean' })
  merged!: boolean;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'details', type: 'jsonb' })
  details!: MeldingInput;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
