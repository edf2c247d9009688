import type { EventEnvelope } from '@meldpunt/contracts';
import { createDataSource } from '@meldpunt/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { MESSAGING_ENTITIES } from '../entities';

/**
 * Opens a throwaway test database. Its schema comes from `synchronize()` on MESSAGING_ENTITIES (exactly the
 * metadata the services generate their migrations from) plus two plain test tables: `fixture_item` (a business
 * row written beside an outbox event) and `fixture_effect` (one row per handler run, deliberately WITHOUT a
 * unique key, so a double effect shows up as two rows instead of an error).
 */
export async function openFixtureDatabase(
  url: string,
  applicationName: string,
  prepare = false,
): Promise<DataSource> {
  const dataSource = createDataSource({
    url,
    entities: MESSAGING_ENTITIES,
    migrations: [],
    applicationName,
    poolSize: 5,
  });
  await dataSource.initialize();
  if (prepare) {
    await dataSource.synchronize();
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS fixture_item (id uuid PRIMARY KEY, note text NOT NULL)`,
    );
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS fixture_effect (
         id bigserial PRIMARY KEY, event_id uuid NOT NULL, item_id uuid NOT NULL, seq int NOT NULL,
         attempt int NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  }
  return dataSource;
}

/** The handlers' effect: one row per run. */
export async function recordEffect(manager: EntityManager, event: EventEnvelope, attempt = 1): Promise<void> {
  const payload = event.payload as { itemId: string; seq: number };
  await manager.query(
    'INSERT INTO fixture_effect (event_id, item_id, seq, attempt) VALUES ($1, $2, $3, $4)',
    [event.eventId, payload.itemId, payload.seq, attempt],
  );
}

export interface EffectCounts {
  readonly rows: number;
  readonly distinctEvents: number;
}

export async function effectCounts(
  dataSource: DataSource,
  eventIds?: readonly string[],
): Promise<EffectCounts> {
  const rows: unknown = eventIds
    ? await dataSource.query(
        'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM fixture_effect WHERE event_id = ANY($1::uuid[])',
        [eventIds],
      )
    : await dataSource.query(
        'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM fixture_effect',
      );
  const first = (Array.isArray(rows) ? rows[0] : undefined) as { rows: number; distinct: number } | undefined;
  return { rows: first?.rows ?? 0, distinctEvents: first?.distinct ?? 0 };
}
