import type { ContactChannel } from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReportStatus } from './delivery-report-rules';

/**
 * A delivery report for a provider id we did not know yet: a fast provider can report before the transaction that
 * stored its id (the send) committed. Kept for a day and applied as soon as a letter carries that id
 * (PendingReportsSweeper, and right after the report's own commit). Ids and statuses only.
 */
@Entity({ name: 'provider_report_pending' })
@Index('ix_provider_report_pending_message', ['channel', 'providerMessageId'])
@Index('uq_provider_report_pending', ['channel', 'providerMessageId', 'status', 'at'], { unique: true })
export class ProviderReportPending {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_provider_report_pending' })
  id!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: ContactChannel;

  @Column({ name: 'provider_message_id', type: 'text' })
  providerMessageId!: string;

  @Column({ name: 'status', type: 'text' })
  status!: ReportStatus;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

export const PROVIDERS_ENTITIES = [ProviderReportPending];
