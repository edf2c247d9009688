import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ContractRegistry, EventEnvelope } from '@meldpunt/contracts';
import { TestHarness, waitFor } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { EventConsumer, type ConsumerOutcome } from '../consumer/event-consumer';
import { createEnvelope } from '../envelope/create-envelope';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventProducer, type EventPublisher } from '../kafka/event-producer';
import { silentLogger } from '../support/logger';
import { fixtureRegistry } from '../test-fixtures/fixture-contracts';
import { effectCounts, openFixtureDatabase, recordEffect } from '../test-fixtures/fixture-database';
import { OutboxPublishError, OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

const RELAY_CRASH_FIXTURE = join(__dirname, '..', 'test-fixtures', 'relay-crash.fixture.ts');

describe('transactional outbox (real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let databaseUrl: string;
  let dataSource: DataSource;
  let producer: EventProducer;
  let consumer: EventConsumer;
  let relay: OutboxRelay;
  let writer: OutboxWriter;
  let topic: string;
  let registry: ContractRegistry;
  const outcomes: ConsumerOutcome[] = [];

  const itemEvent = (itemId: string, seq: number): EventEnvelope =>
    createEnvelope(
      registry,
      topic,
      { itemId, seq },
      { producer: 'outbox-test', correlationId: `corr-${itemId}` },
    );
  const outcomesOf = (eventId: string, kind: ConsumerOutcome['kind']) =>
    outcomes.filter((outcome) => outcome.eventId === eventId && outcome.kind === kind).length;
  const outboxRow = async (id: string) => {
    const rows: unknown = await dataSource.query(
      'SELECT sent_at, attempts, last_error, available_at > now() AS deferred FROM outbox WHERE id = $1',
      [id],
    );
    return (Array.isArray(rows) ? rows[0] : undefined) as
      { sent_at: Date | null; attempts: number; last_error: string | null; deferred: boolean } | undefined;
  };

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false });
    databaseUrl = await harness.createTestDatabase('outbox');
    dataSource = await openFixtureDatabase(databaseUrl, 'outbox-int-spec', true);
    topic = harness.uniqueTopic('test.item.created.v1');
    registry = fixtureRegistry(topic, 3);
    const group = harness.uniqueGroup('outbox');
    await harness.withAdmin((admin) => ensureTopics(admin, registry, [group]));
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    writer = new OutboxWriter(registry);
    relay = new OutboxRelay(dataSource, producer, {
      pollIntervalMs: 50,
      logger: silentLogger,
      retentionDays: null,
    });
    consumer = new EventConsumer(
      { kafka: harness.kafka, dataSource, registry, publisher: producer },
      {
        consumerGroup: group,
        handlers: { [topic]: (event, { manager, attempt }) => recordEffect(manager, event, attempt) },
        options: { onOutcome: (outcome) => outcomes.push(outcome), logger: silentLogger, maxWaitTimeMs: 200 },
      },
    );
    await consumer.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await producer?.disconnect();
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  it('publishes an event written in the same transaction as a data row; the consumer applies it once', async () => {
    const itemId = randomUUID();
    const event = itemEvent(itemId, 1);
    const watcher = await harness.watch(topic);
    relay.start();
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO fixture_item (id, note) VALUES ($1, $2)', [itemId, 'created']);
      await writer.append(manager, [event]);
    });
    relay.poke();

    const record = await watcher.waitFor((message) => message.eventId === event.eventId);
    expect(record.key).toBe(itemId);
    expect(record.headers).toMatchObject({
      'event-type': topic,
      'event-id': event.eventId,
      'correlation-id': `corr-${itemId}`,
    });
    expect(record.json).toEqual(event);
    await waitFor(() => outcomesOf(event.eventId, 'handled') === 1 || undefined, {
      description: 'the consumer to handle the event',
    });
    await relay.stop();

    expect(await effectCounts(dataSource, [event.eventId])).toEqual({ rows: 1, distinctEvents: 1 });
    expect((await outboxRow(event.eventId))?.sent_at).toBeInstanceOf(Date);
    expect(await relay.drainOnce()).toBe(0);
    expect(watcher.matching((message) => message.eventId === event.eventId)).toHaveLength(1);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const itemId = randomUUID();
    const rolledBack = itemEvent(itemId, 1);
    const marker = itemEvent(itemId, 2); // same key → same partition, consumed after anything published before it
    const watcher = await harness.watch(topic);

    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO fixture_item (id, note) VALUES ($1, $2)', [itemId, 'doomed']);
        await writer.append(manager, [rolledBack]);
        throw new Error('use-case failed after appending');
      }),
    ).rejects.toThrow('use-case failed after appending');
    expect(await outboxRow(rolledBack.eventId)).toBeUndefined();

    await dataSource.transaction((manager) => writer.append(manager, [marker]));
    expect(await relay.drainOnce()).toBe(1);
    await watcher.waitFor((message) => message.eventId === marker.eventId);
    await waitFor(() => outcomesOf(marker.eventId, 'handled') === 1 || undefined, {
      description: 'the marker to be handled',
    });

    expect(watcher.matching((message) => message.eventId === rolledBack.eventId)).toHaveLength(0);
    expect(outcomes.filter((outcome) => outcome.eventId === rolledBack.eventId)).toHaveLength(0);
    expect(await effectCounts(dataSource, [rolledBack.eventId])).toEqual({ rows: 0, distinctEvents: 0 });
    expect(await dataSource.query('SELECT 1 FROM fixture_item WHERE id = $1', [itemId])).toHaveLength(0);
  });

  it('republishes after a relay crash between send and mark-sent; the effect still happens once', async () => {
    const event = itemEvent(randomUUID(), 1);
    await dataSource.transaction((manager) => writer.append(manager, [event]));
    const watcher = await harness.watch(topic);

    const crashing = harness.startFixture(RELAY_CRASH_FIXTURE, {
      databaseUrl,
      brokers: harness.env.kafkaBrokers,
    });
    const exit = await crashing.waitForExit(30_000);
    expect({ ...exit, output: exit.code === 1 ? '' : crashing.output() }).toEqual({
      code: 1,
      signal: null,
      output: '',
    });
    expect(crashing.output()).toContain('1 message(s) acknowledged');

    // The first publish reached Kafka, but the row is still unsent.
    await watcher.waitFor((message) => message.eventId === event.eventId);
    expect(await outboxRow(event.eventId)).toMatchObject({ sent_at: null, attempts: 0 });

    // A normal relay publishes it again …
    expect(await relay.drainOnce()).toBe(1);
    const deliveries = await watcher.waitForCount((message) => message.eventId === event.eventId, 2);
    expect(new Set(deliveries.map((message) => `${message.partition}@${message.offset}`)).size).toBe(2);

    // … the consumer really receives the duplicate, and the inbox makes it a no-op.
    await waitFor(
      () =>
        (outcomesOf(event.eventId, 'handled') === 1 && outcomesOf(event.eventId, 'duplicate') === 1) ||
        undefined,
      { description: 'one handled and one duplicate delivery', timeoutMs: 15_000 },
    );
    expect(await effectCounts(dataSource, [event.eventId])).toEqual({ rows: 1, distinctEvents: 1 });
    expect((await outboxRow(event.eventId))?.sent_at).toBeInstanceOf(Date);
  });

  it('reschedules rows with a backoff when the publish fails', async () => {
    const event = itemEvent(randomUUID(), 1);
    await dataSource.transaction((manager) => writer.append(manager, [event]));
    const failing: EventPublisher = { publish: async () => Promise.reject(new Error('broker says no')) };
    const broken = new OutboxRelay(dataSource, failing, {
      logger: silentLogger,
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });

    await expect(broken.drainOnce()).rejects.toThrow(OutboxPublishError);
    expect(await outboxRow(event.eventId)).toMatchObject({
      sent_at: null,
      attempts: 1,
      last_error: 'broker says no',
      deferred: true,
    });
    // Not due yet: neither relay picks it up before available_at.
    expect(await relay.drainOnce()).toBe(0);
    await dataSource.query('UPDATE outbox SET available_at = now() WHERE id = $1', [event.eventId]);
    expect(await relay.drainOnce()).toBe(1);
    expect((await outboxRow(event.eventId))?.sent_at).toBeInstanceOf(Date);
  });

  it('cleans up sent rows older than the retention, never unsent ones', async () => {
    const old = itemEvent(randomUUID(), 1);
    const unsent = itemEvent(randomUUID(), 2);
    await dataSource.transaction((manager) => writer.append(manager, [old, unsent]));
    await dataSource.query(`UPDATE outbox SET sent_at = now() - interval '8 days' WHERE id = $1`, [
      old.eventId,
    ]);
    await dataSource.query(`UPDATE outbox SET available_at = now() + interval '1 hour' WHERE id = $1`, [
      unsent.eventId,
    ]);
    expect(await relay.cleanup(7)).toBe(1);
    expect(await outboxRow(old.eventId)).toBeUndefined();
    expect(await outboxRow(unsent.eventId)).toMatchObject({ sent_at: null });
  });
});
