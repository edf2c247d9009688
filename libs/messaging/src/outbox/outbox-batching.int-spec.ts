import { logLevel } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ContractRegistry, EventEnvelope } from '@meldpunt/contracts';
import { TestHarness, type WatchedMessage } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { createEnvelope } from '../envelope/create-envelope';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventProducer } from '../kafka/event-producer';
import type { MessagingLogger } from '../support/logger';
import { openFixtureDatabase } from '../test-fixtures/fixture-database';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

interface LogLine {
  readonly level: 'log' | 'warn' | 'error';
  readonly message: string;
  readonly at: number;
}

/** Events as large as a big school's guardian-contacts change: sealed contacts are random-looking base64. */
const blobSchema = z.object({ itemId: z.uuid(), seq: z.number().int().nonnegative(), blob: z.string() });

describe('outbox relay with large events (real Kafka and Postgres, default 1 MB broker limit)', () => {
  let harness: TestHarness;
  let dataSource: DataSource;
  let producer: EventProducer;
  let writer: OutboxWriter;
  let topic: string;
  let registry: ContractRegistry;
  let relay: OutboxRelay | null = null;

  const blobEvent = (itemId: string, seq: number, bytes: number): EventEnvelope =>
    createEnvelope(
      registry,
      topic,
      { itemId, seq, blob: randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64') },
      { producer: 'outbox-batching-test', correlationId: `corr-${itemId}` },
    );
  const capture = (logs: LogLine[]): MessagingLogger => ({
    log: (message) => logs.push({ level: 'log', message, at: Date.now() }),
    warn: (message) => logs.push({ level: 'warn', message, at: Date.now() }),
    error: (message) => logs.push({ level: 'error', message, at: Date.now() }),
  });
  const seqOf = (message: WatchedMessage) => (message.json as { payload: { seq: number } }).payload.seq;
  const ofKey = (key: string) => (message: WatchedMessage) => message.key === key;
  const outboxRow = async (id: string) => {
    const rows: unknown = await dataSource.query(
      `SELECT sent_at, attempts, last_error, available_at = 'infinity' AS parked FROM outbox WHERE id = $1`,
      [id],
    );
    return (Array.isArray(rows) ? rows[0] : undefined) as
      { sent_at: Date | null; attempts: number; last_error: string | null; parked: boolean } | undefined;
  };

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false, kafkaLogLevel: logLevel.NOTHING });
    dataSource = await openFixtureDatabase(
      await harness.createTestDatabase('outbox_batching'),
      'outbox-batching',
      true,
    );
    topic = harness.uniqueTopic('test.blob.changed.v1');
    registry = {
      [topic]: {
        topic,
        schema: blobSchema,
        partitionKey: 'itemId',
        partitions: 3,
        description: 'large test events',
      },
    };
    await harness.withAdmin((admin) => ensureTopics(admin, registry, []));
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    writer = new OutboxWriter(registry);
  });

  afterEach(async () => {
    await relay?.stop();
    relay = null;
  });

  afterAll(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  it('delivers 40 events of ~100 KB of one key written in one transaction, in order, without a size error', async () => {
    const key = randomUUID();
    const events = Array.from({ length: 40 }, (_, seq) => blobEvent(key, seq, 100_000));
    const watcher = await harness.watch(topic);
    await dataSource.transaction((manager) => writer.append(manager, events));
    const logs: LogLine[] = [];
    relay = new OutboxRelay(dataSource, producer, {
      pollIntervalMs: 50,
      retentionDays: null,
      logger: capture(logs),
    });

    const started = Date.now();
    relay.start();
    const delivered = await watcher.waitForCount(ofKey(key), 40, {
      timeoutMs: 20_000,
      description: '40 large events of one key',
    });
    const elapsedMs = Date.now() - started;

    expect(delivered.map(seqOf)).toEqual(events.map((_, seq) => seq));
    expect(delivered.map((message) => message.eventId)).toEqual(events.map((event) => event.eventId));
    expect(new Set(delivered.map((message) => message.partition)).size).toBe(1);
    expect(logs.filter((line) => line.level !== 'log')).toEqual([]);
    expect(elapsedMs).toBeLessThan(20_000);
    const unsent: unknown = await dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NULL',
      [events.map((event) => event.eventId)],
    );
    expect(unsent).toEqual([{ n: 0 }]);
  });

  it('parks an event Kafka refuses as too large; other keys flow meanwhile, its own key after it is parked', async () => {
    const stuckKey = randomUUID();
    const otherKey = randomUUID();
    const oversized = blobEvent(stuckKey, 0, 2_000_000);
    const others = Array.from({ length: 5 }, (_, seq) => blobEvent(otherKey, seq, 1_000));
    const behind = [blobEvent(stuckKey, 1, 1_000), blobEvent(stuckKey, 2, 1_000)];
    const watcher = await harness.watch(topic);
    await dataSource.transaction((manager) => writer.append(manager, [oversized, ...others, ...behind]));
    const logs: LogLine[] = [];
    relay = new OutboxRelay(dataSource, producer, {
      pollIntervalMs: 20,
      retentionDays: null,
      maxRefusedAttempts: 3,
      backoff: { initialMs: 200, maxMs: 400 },
      logger: capture(logs),
    });

    relay.start();
    const otherDelivered = await watcher.waitForCount(ofKey(otherKey), 5, { description: 'the other key' });
    const behindDelivered = await watcher.waitForCount(ofKey(stuckKey), 2, {
      description: 'the events behind the parked one',
    });
    await relay.stop();

    expect(otherDelivered.map(seqOf)).toEqual([0, 1, 2, 3, 4]);
    expect(behindDelivered.map(seqOf)).toEqual([1, 2]);
    expect(watcher.matching((message) => message.eventId === oversized.eventId)).toEqual([]);
    const row = await outboxRow(oversized.eventId);
    expect(row).toMatchObject({ sent_at: null, attempts: 3, parked: true });
    expect(row?.last_error).toMatch(/larger than the max message size/);

    const warnings = logs.filter((line) => line.level === 'warn');
    const errors = logs.filter((line) => line.level === 'error');
    expect(warnings.map((line) => line.message)).toEqual([
      expect.stringMatching(new RegExp(`refused event ${oversized.eventId} .*attempt 1 of 3`)),
      expect.stringMatching(new RegExp(`refused event ${oversized.eventId} .*attempt 2 of 3`)),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      new RegExp(`refused event ${oversized.eventId} .*3 time\\(s\\).*Parked`),
    );
    // The other key did not wait for the retries; the oversized event's own key did.
    const sentAt = async (event: EventEnvelope) =>
      (await outboxRow(event.eventId))?.sent_at?.getTime() ?? NaN;
    expect(await sentAt(others[4]!)).toBeLessThan(warnings[1]!.at);
    expect(await sentAt(behind[0]!)).toBeGreaterThanOrEqual(errors[0]!.at);
  });

  it('holds back later events of a key while an earlier one waits for its retry', async () => {
    const waitingKey = randomUUID();
    const freeKey = randomUUID();
    const first = blobEvent(waitingKey, 0, 100);
    const second = blobEvent(waitingKey, 1, 100);
    const free = blobEvent(freeKey, 0, 100);
    await dataSource.transaction((manager) => writer.append(manager, [first, second, free]));
    await dataSource.query(
      `UPDATE outbox SET attempts = 1, available_at = now() + interval '1 hour' WHERE id = $1`,
      [first.eventId],
    );
    relay = new OutboxRelay(dataSource, producer, { retentionDays: null, logger: capture([]) });

    expect(await relay.drainOnce()).toBe(1);
    expect((await outboxRow(free.eventId))?.sent_at).toBeInstanceOf(Date);
    expect((await outboxRow(second.eventId))?.sent_at).toBeNull();

    // Parked, the first one no longer holds the second back.
    await dataSource.query(`UPDATE outbox SET available_at = 'infinity' WHERE id = $1`, [first.eventId]);
    expect(await relay.drainOnce()).toBe(1);
    expect((await outboxRow(second.eventId))?.sent_at).toBeInstanceOf(Date);
    expect(await outboxRow(first.eventId)).toMatchObject({ sent_at: null, parked: true });
  });
});
