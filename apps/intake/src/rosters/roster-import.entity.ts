import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const ROSTER_IMPORT_STATUSES = [
  'queued',
  'validating',
  'applying',
  'applied',
  'rejected',
  'failed',
] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];
export type RosterImportFormat = 'csv' | 'json';

export interface StoredRowError {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

/**
 * One roster upload and what became of it. The upload itself waits in roster_import_upload until the job has
 * finished with it. Errors are kept up to a cap (`errors`), with the full count in `error_count`.
 */
@Entity({ name: 'roster_import' })
@Index('uq_roster_import_idempotency', ['schoolId', 'idempotencyKey'], {
  unique: true,
  where: '"idempotency_key" IS NOT NULL',
})
export class RosterImport {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('ix_roster_import_school')
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'school_year', type: 'text' })
  schoolYear!: string;

  @Column({ name: 'format', type: 'text' })
  format!: RosterImportFormat;

  @Column({ name: 'status', type: 'text', default: 'queued' })
  status!: RosterImportStatus;

  @Column({ name: 'total', type: 'int', default: 0 })
  total!: number;

  @Column({ name: 'processed', type: 'int', default: 0 })
  processed!: number;

  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount!: number;

  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount!: number;

  @Column({ name: 'unchanged_count', type: 'int', default: 0 })
  unchangedCount!: number;

  @Column({ name: 'gone_count', type: 'int', default: 0 })
  goneCount!: number;

  @Column({ name: 'errors', type: 'jsonb', default: () => "'[]'" })
  errors!: StoredRowError[];

  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount!: number;

  /** CSV columns that were not used (e.g. addresses in a school's export); their contents were not stored. */
  @Column({ name: 'ignored_columns', type: 'text', array: true, default: () => "'{}'" })
  ignoredColumns!: string[];

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
