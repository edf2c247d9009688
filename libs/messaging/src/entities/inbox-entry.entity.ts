import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One event a consumer group has applied. Inserted in the same transaction as the handler's effect, so a
 * redelivered event (same eventId, same consumer) is recognised and skipped: replaying changes nothing.
 */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** The consumer group (one per service), so two services each apply the same event once. */
  @PrimaryColumn({ name: 'consumer', type: 'text' })
  consumer!: string;

  @Column({ name: 'topic', type: 'text' })
  topic!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
