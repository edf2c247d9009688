import type { EntityManager } from 'typeorm';

export interface InboxKey {
  readonly eventId: string;
  /** The consumer group; each service applies an event once. */
  readonly consumer: string;
  readonly topic: string;
}

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Records that `consumer` applies `eventId`, inside the caller's transaction. False when the row already
 * exists: the event was applied before (a redelivery) and must be skipped. A concurrent claim of the same event
 * waits on the primary key and then sees the committed row, so two deliveries can never both win.
 */
export async function claimInbox(manager: EntityManager, key: InboxKey): Promise<boolean> {
  const rows: unknown = await manager.query(
    `INSERT INTO inbox (event_id, consumer, topic) VALUES ($1, $2, $3)
     ON CONFLICT (event_id, consumer) DO NOTHING
     RETURNING event_id`,
    [key.eventId, key.consumer, key.topic],
  );
  return Array.isArray(rows) && rows.length === 1;
}

/**
 * Runs `effect` exactly once per (eventId, consumer): claims the inbox row and runs the effect with the same
 * manager, so both commit or roll back together. Pass the manager of an open transaction.
 */
export async function applyOnce(
  manager: EntityManager,
  key: InboxKey,
  effect: (manager: EntityManager) => Promise<void>,
): Promise<InboxOutcome> {
  if (!(await claimInbox(manager, key))) return 'duplicate';
  await effect(manager);
  return 'handled';
}
