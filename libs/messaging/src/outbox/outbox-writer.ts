import type { ContractRegistry, EventEnvelope } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';
import { partitionKeyOf } from '../envelope/create-envelope';

/** Postgres allows 65 535 bind parameters per statement; 5 per row. */
const MAX_ROWS_PER_STATEMENT = 10_000;

/**
 * Adds events to the outbox inside the caller's transaction, so they are published if and only if that
 * transaction commits. Call `OutboxRelay.poke()` after the commit for low latency (the relay also polls).
 */
export class OutboxWriter {
  constructor(private readonly registry: ContractRegistry) {}

  /**
   * Inserts the envelopes with one multi-row INSERT using `manager` (pass the transaction's manager).
   * Within one call the rows keep their order: created_at is `now()` plus a microsecond per row, and the relay
   * publishes in created_at order, so events of one key leave in the order they were appended.
   */
  async append(manager: EntityManager, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const rows = envelopes.map((envelope) => ({
      id: envelope.eventId,
      topic: envelope.type,
      partitionKey: partitionKeyOf(this.registry, envelope),
      envelope: JSON.stringify(envelope),
    }));
    for (let start = 0; start < rows.length; start += MAX_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + MAX_ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      const values = chunk.map((row, index) => {
        const base = params.length;
        params.push(row.id, row.topic, row.partitionKey, row.envelope, start + index);
        return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, now() + $${base + 5} * interval '1 microsecond')`;
      });
      await manager.query(
        `INSERT INTO outbox (id, topic, partition_key, envelope, created_at) VALUES ${values.join(', ')}`,
        params,
      );
    }
  }
}
