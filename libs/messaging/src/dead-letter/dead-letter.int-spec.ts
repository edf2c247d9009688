import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf } from '@meldpunt/contracts';
import { TestHarness, waitFor, type TestRegistry } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { EventConsumer, type ConsumerOutcome } from '../consumer/event-consumer';
import { createEnvelope } from '../envelope/create-envelope';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventProducer, eventMessage, eventMessages } from '../kafka/event-producer';
import { silentLogger } from '../support/logger';
import { fixtureItemSchema } from '../test-fixtures/fixture-contracts';
import { effectCounts, openFixtureDatabase, recordEffect } from '../test-fixtures/fixture-database';
import { listDeadLetters, replayDeadLetters, summarizeDeadLetters } from './dead-letters';
import { runDlqCommand } from './dlq-command';

const retryOptions = {
  maxAttempts: 3,
  retryBackoffMs: [50, 100],
  maxWaitTimeMs: 200,
  logger: silentLogger,
} as const;

describe('retry and dead-letter queue (real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let dataSource: DataSource;
  let producer: EventProducer;
  let test: TestRegistry<'poisoned' | 'checked'>;
  let poisonGroup: string;
  let invalidGroup: string;
  const consumers: EventConsumer[] = [];
  const outcomes: ConsumerOutcome[] = [];
  let fixed = false;

  const item = (alias: 'poisoned' | 'checked', itemId: string, seq: number, note = 'ok') =>
    createEnvelope(
      test.registry,
      test.topics[alias],
      { itemId, seq, note },
      { producer: 'dlq-test', correlationId: itemId },
    );
  const outcomesOf = (eventId: string, kind: ConsumerOutcome['kind']) =>
    outcomes.filter((outcome) => outcome.eventId === eventId && outcome.kind === kind);

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false });
    dataSource = await openFixtureDatabase(
      await harness.createTestDatabase('dlq'),
      'dead-letter-int-spec',
      true,
    );
    test = harness.registry({
      poisoned: {
        name: 'test.item.poisoned.v1',
        schema: fixtureItemSchema,
        partitionKey: 'itemId',
        partitions: 3,
      },
      checked: {
        name: 'test.item.checked.v1',
        schema: fixtureItemSchema,
        partitionKey: 'itemId',
        partitions: 3,
      },
    });
    poisonGroup = harness.uniqueGroup('poison');
    invalidGroup = harness.uniqueGroup('invalid');
    await harness.withAdmin((admin) => ensureTopics(admin, test.registry, [poisonGroup, invalidGroup]));
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    const deps = { kafka: harness.kafka, dataSource, registry: test.registry, publisher: producer };
    const onOutcome = (outcome: ConsumerOutcome) => outcomes.push(outcome);
    consumers.push(
      new EventConsumer(deps, {
        consumerGroup: poisonGroup,
        handlers: {
          [test.topics.poisoned]: async (event, { manager, attempt }) => {
            const payload = fixtureItemSchema.parse(event.payload);
            if (payload.note === 'poison' && !fixed)
              throw new Error(`poison pill: cannot handle item ${payload.itemId}`);
            await recordEffect(manager, event, attempt);
          },
        },
        options: { ...retryOptions, onOutcome },
      }),
      new EventConsumer(deps, {
        consumerGroup: invalidGroup,
        handlers: {
          [test.topics.checked]: (event, { manager, attempt }) => recordEffect(manager, event, attempt),
        },
        options: { ...retryOptions, onOutcome },
      }),
    );
    await Promise.all(consumers.map((consumer) => consumer.start()));
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await producer?.disconnect();
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  it('dead-letters a poison event after maxAttempts, keeps going, and replays it once after the fix', async () => {
    const topic = test.topics.poisoned;
    const dlq = deadLetterTopicOf(poisonGroup);
    const itemId = randomUUID(); // one key: all five events on one partition, in order
    const events = [0, 1, 2, 3, 4].map((seq) => item('poisoned', itemId, seq, seq === 1 ? 'poison' : 'ok'));
    const poison = events[1]!;
    const watcher = await harness.watch([topic, dlq]);
    await producer.publish(eventMessages(test.registry, events));

    const dead = await watcher.waitFor((message) => message.topic === dlq, { timeoutMs: 15_000 });
    const original = await watcher.waitFor(
      (message) => message.topic === topic && message.eventId === poison.eventId,
    );
    expect(dead.eventId).toBe(poison.eventId);
    expect(dead.key).toBe(itemId);
    expect(dead.headers).toMatchObject({
      'event-id': poison.eventId,
      'x-original-topic': topic,
      'x-original-partition': String(original.partition),
      'x-original-offset': original.offset,
      'x-attempts': '3',
      'x-consumer-group': poisonGroup,
      'x-error': `poison pill: cannot handle item ${itemId}`,
    });
    expect(dead.headers['x-first-failed-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(dead.headers['x-dead-lettered-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(
      outcomesOf(poison.eventId, 'retry-scheduled').map(
        (outcome) => (outcome as { attempt: number }).attempt,
      ),
    ).toEqual([1, 2]);

    // The events behind the poison one on the same partition were not blocked.
    const others = events.filter((event) => event !== poison).map((event) => event.eventId);
    await waitFor(async () => ((await effectCounts(dataSource, others)).rows === 4 ? true : undefined), {
      description: 'the four healthy events to be applied',
    });
    expect(await effectCounts(dataSource, [poison.eventId])).toEqual({ rows: 0, distinctEvents: 0 });

    // The operator's view: listed, not replayed, no payload.
    const [entry, ...rest] = await listDeadLetters(harness.kafka, dlq);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      replayed: false,
      originalTopic: topic,
      originalPartition: original.partition,
      originalOffset: original.offset,
      attempts: 3,
      eventId: poison.eventId,
      eventType: topic,
    });
    expect(await summarizeDeadLetters(harness.kafka)).toContainEqual({
      topic: dlq,
      total: 1,
      notReplayed: 1,
    });

    // Fix the handler, replay: applied exactly once.
    fixed = true;
    await expect(replayDeadLetters(harness.kafka, dlq)).resolves.toMatchObject({ replayed: 1 });
    await waitFor(() => outcomesOf(poison.eventId, 'handled').length === 1 || undefined, {
      description: 'the replayed event to be handled',
    });
    expect(await effectCounts(dataSource, [poison.eventId])).toEqual({ rows: 1, distinctEvents: 1 });

    // A second replay finds nothing new.
    await expect(replayDeadLetters(harness.kafka, dlq)).resolves.toMatchObject({ replayed: 0 });
    expect((await listDeadLetters(harness.kafka, dlq)).map((listed) => listed.replayed)).toEqual([true]);
    expect(outcomesOf(poison.eventId, 'handled')).toHaveLength(1);
    expect(await effectCounts(dataSource, [poison.eventId])).toEqual({ rows: 1, distinctEvents: 1 });
  });

  it('dead-letters invalid records at once (no retries) and processes the records after them', async () => {
    const topic = test.topics.checked;
    const dlq = deadLetterTopicOf(invalidGroup);
    const itemId = randomUUID();
    const before = item('checked', itemId, 0);
    const after = item('checked', itemId, 3);
    const badPayload = { ...item('checked', itemId, 1), payload: { itemId, seq: 'one' } };
    const watcher = await harness.watch([topic, dlq]);
    await producer.publish([
      eventMessage(before, itemId),
      eventMessage(badPayload, itemId),
      { topic, key: itemId, value: 'not json at all', headers: {} },
      eventMessage(after, itemId),
    ]);

    const dead = await watcher.waitForCount((message) => message.topic === dlq, 2, { timeoutMs: 15_000 });
    const originals = watcher.matching((message) => message.topic === topic);
    expect(originals).toHaveLength(4);
    const [invalidPayload, notJson] = dead.map((message) => message.headers);
    expect(invalidPayload).toMatchObject({
      'x-original-topic': topic,
      'x-original-partition': String(originals[1]?.partition),
      'x-original-offset': originals[1]?.offset,
      'x-attempts': '0',
      'x-consumer-group': invalidGroup,
      'event-id': badPayload.eventId,
    });
    expect(invalidPayload?.['x-error']).toMatch(/payload invalid .*field 'seq'/);
    expect(notJson).toMatchObject({ 'x-original-offset': originals[2]?.offset, 'x-attempts': '0' });
    expect(notJson?.['x-error']).toMatch(/not valid JSON/);
    await waitFor(
      async () =>
        (await effectCounts(dataSource, [before.eventId, after.eventId])).rows === 2 ? true : undefined,
      {
        description: 'the valid records around the invalid ones to be applied',
      },
    );
    expect(
      outcomes.filter((outcome) => outcome.topic === topic && outcome.kind === 'retry-scheduled'),
    ).toHaveLength(0);
    expect(outcomesOf(badPayload.eventId, 'dead-lettered')).toHaveLength(1);
  });

  it('runs the dlq command: text and JSON listings without payloads, exit 1 when the broker is down', async () => {
    const dlq = deadLetterTopicOf(invalidGroup);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const env = { KAFKA_BROKERS: harness.env.kafkaBrokers.join(',') };

    await expect(runDlqCommand(['list', dlq, '--json'], io, { env })).resolves.toBe(0);
    const listed = JSON.parse(out.join('')) as Array<{ attempts: number; error: string }>;
    expect(listed).toHaveLength(2);
    expect(out.join('')).not.toContain('"payload"');

    out.length = 0;
    await expect(runDlqCommand(['list', dlq], io, { env })).resolves.toBe(0);
    expect(out.join('')).toMatch(
      new RegExp(`${dlq.replace(/\./g, '\\.')}: 2 dead letter\\(s\\), 2 not replayed`),
    );

    await expect(runDlqCommand(['list'], io, { env: { KAFKA_BROKERS: '127.0.0.1:1' } })).resolves.toBe(1);
    expect(err.join('')).toContain('Kafka does not answer on 127.0.0.1:1');
  });
});
