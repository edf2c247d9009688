import type { EventEnvelope } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One event waiting to be published (or already published). Written in the same transaction as the business
 * change that caused it (see OutboxWriter) and published by the OutboxRelay, so an event is sent if and only if
 * its transaction committed.
 */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['availableAt', 'createdAt'], { where: '"sent_at" IS NULL' })
export class OutboxEntry {
  /** Equals the envelope's eventId. */
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'topic', type: 'text' })
  topic!: string;

  /** Value of the contract's partition-key field; becomes the Kafka message key. */
  @Column({ name: 'partition_key', type: 'text' })
  partitionKey!: string;

  @Column({ name: 'envelope', type: 'jsonb' })
  envelope!: EventEnvelope;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /**
   * Earliest moment of the next publish attempt (pushed back after a failed attempt). `'infinity'` marks a parked
   * row: one Kafka refused `maxRefusedAttempts` times (see OutboxRelay); it stays unsent with its last_error.
   */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'attempts', type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
