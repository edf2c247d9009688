import type { EntityManager } from 'typeorm';
import { applyOnce, claimInbox } from './inbox';

/** A manager whose inbox already holds the given (eventId, consumer) pairs, like the real unique key. */
function fakeManager(existing: Array<[string, string]> = []) {
  const rows = new Set(existing.map(([eventId, consumer]) => `${eventId}|${consumer}`));
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      const key = `${String(params[0])}|${String(params[1])}`;
      if (rows.has(key)) return [];
      rows.add(key);
      return [{ event_id: params[0] }];
    },
  } as unknown as EntityManager;
  return { manager, queries };
}

const key = { eventId: 'e1', consumer: 'risk-assessment', topic: 'intake.clb.registered.v1' };

describe('inbox', () => {
  it('claims a new event with an idempotent insert', async () => {
    const { manager, queries } = fakeManager();
    await expect(claimInbox(manager, key)).resolves.toBe(true);
    expect(queries[0]?.sql).toMatch(
      /INSERT INTO inbox .* ON CONFLICT \(event_id, consumer\) DO NOTHING\s+RETURNING/s,
    );
    expect(queries[0]?.params).toEqual(['e1', 'risk-assessment', 'intake.clb.registered.v1']);
  });

  it('runs the effect for a new event, with the same manager', async () => {
    const { manager } = fakeManager();
    const effect = jest.fn(async (_manager: EntityManager) => undefined);
    await expect(applyOnce(manager, key, effect)).resolves.toBe('handled');
    expect(effect).toHaveBeenCalledWith(manager);
  });

  it('skips a redelivered event', async () => {
    const { manager } = fakeManager([['e1', 'risk-assessment']]);
    const effect = jest.fn(async () => undefined);
    await expect(applyOnce(manager, key, effect)).resolves.toBe('duplicate');
    expect(effect).not.toHaveBeenCalled();
  });

  it('applies the same event once per consumer group', async () => {
    const { manager } = fakeManager([['e1', 'communication']]);
    const effect = jest.fn(async () => undefined);
    await expect(applyOnce(manager, key, effect)).resolves.toBe('handled');
    await expect(applyOnce(manager, key, effect)).resolves.toBe('duplicate');
    expect(effect).toHaveBeenCalledTimes(1);
  });

  it('lets an effect failure propagate (the caller rolls back the claim with it)', async () => {
    const { manager } = fakeManager();
    await expect(applyOnce(manager, key, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
  });
});
