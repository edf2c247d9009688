import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ContractRegistry, EventEnvelope } from '@meldpunt/contracts';
import { TestHarness, waitFor, type FixtureProcess } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { createEnvelope } from '../envelope/create-envelope';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventProducer, eventMessages } from '../kafka/event-producer';
import { fixtureRegistry } from '../test-fixtures/fixture-contracts';
import { effectCounts, openFixtureDatabase } from '../test-fixtures/fixture-database';

const CONSUMER_FIXTURE = join(__dirname, '..', 'test-fixtures', 'consumer.fixture.ts');
const EVENTS = 300;
const PARTITIONS = 4;

interface CountsMessage {
  type: 'counts';
  handled: number;
  duplicate: number;
}

function lastCounts(fixture: FixtureProcess): CountsMessage {
  const all = fixture.messages.filter(
    (message): message is CountsMessage => (message as { type?: unknown }).type === 'counts',
  );
  return all[all.length - 1] ?? { type: 'counts', handled: 0, duplicate: 0 };
}

describe('consumer killed mid-batch (real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let databaseUrl: string;
  let dataSource: DataSource;
  let producer: EventProducer;
  let topic: string;
  let group: string;
  let registry: ContractRegistry;

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false });
    databaseUrl = await harness.createTestDatabase('restart');
    dataSource = await openFixtureDatabase(databaseUrl, 'consumer-restart-int-spec', true);
    topic = harness.uniqueTopic('test.item.counted.v1');
    group = harness.uniqueGroup('restart');
    registry = fixtureRegistry(topic, PARTITIONS);
    await harness.withAdmin((admin) => ensureTopics(admin, registry, [group]));
    producer = new EventProducer(harness.kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  /** Records of the topic not yet committed by the group. */
  async function groupLag(): Promise<number> {
    return harness.withAdmin(async (admin) => {
      const [marks, committed] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId: group, topics: [topic] }),
      ]);
      const done = new Map(
        (committed[0]?.partitions ?? []).map((entry) => [entry.partition, Number(entry.offset)]),
      );
      return marks.reduce(
        (lag, mark) => lag + Number(mark.high) - Math.max(done.get(mark.partition) ?? 0, Number(mark.low)),
        0,
      );
    });
  }

  it('applies every event exactly once across a SIGKILL and a restart', async () => {
    const events: EventEnvelope[] = Array.from({ length: EVENTS }, (_, seq) =>
      createEnvelope(
        registry,
        topic,
        { itemId: randomUUID(), seq },
        { producer: 'restart-test', correlationId: 'restart' },
      ),
    );
    await producer.publish(eventMessages(registry, events));
    const partitionsUsed = new Set(
      (await harness.withAdmin((admin) => admin.fetchTopicOffsets(topic))).filter(
        (mark) => Number(mark.high) > 0,
      ),
    );
    expect(partitionsUsed.size).toBe(PARTITIONS);

    const input = {
      databaseUrl,
      brokers: harness.env.kafkaBrokers,
      topic,
      partitions: PARTITIONS,
      consumerGroup: group,
      handlerDelayMs: 15,
      partitionsConsumedConcurrently: 2,
      sessionTimeoutMs: 6_000,
    };
    const first = harness.startFixture(CONSUMER_FIXTURE, input);
    await waitFor(async () => ((await effectCounts(dataSource)).rows >= 60 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 20,
      description: `60 effects before the kill (fixture output: ${first.output()})`,
    });
    expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await effectCounts(dataSource);
    expect(atKill.distinctEvents).toBeLessThan(EVENTS); // really mid-run
    expect(atKill.rows).toBe(atKill.distinctEvents);

    const second = harness.startFixture(CONSUMER_FIXTURE, input);
    await waitFor(
      async () => {
        const counts = await effectCounts(dataSource);
        return counts.distinctEvents === EVENTS && (await groupLag()) === 0 ? true : undefined;
      },
      { timeoutMs: 40_000, intervalMs: 100, description: `all ${EVENTS} effects and no lag` },
    );

    expect(await effectCounts(dataSource)).toEqual({ rows: EVENTS, distinctEvents: EVENTS });
    const applied: unknown = await dataSource.query(
      'SELECT DISTINCT event_id FROM fixture_effect ORDER BY event_id',
    );
    expect((applied as Array<{ event_id: string }>).map((row) => row.event_id)).toEqual(
      events.map((event) => event.eventId).sort(),
    );
    const inbox: unknown = await dataSource.query(
      'SELECT count(*)::int AS n FROM inbox WHERE consumer = $1',
      [group],
    );
    expect(inbox).toEqual([{ n: EVENTS }]);
    // The restarted consumer was redelivered records the first one had applied but not committed: the inbox
    // skipped them (this is what the test is about, so make sure it really happened).
    expect(lastCounts(second).duplicate).toBeGreaterThan(0);

    await second.kill('SIGTERM');
  });
});
