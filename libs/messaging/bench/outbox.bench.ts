// Outbox → Kafka throughput on the real dev infrastructure (not part of the tests).
// Run: node --require ./libs/testing/src/swc-register.js libs/messaging/bench/outbox.bench.ts [events] [batchSize]
import { randomUUID } from 'node:crypto';
import { TestHarness } from '@meldpunt/testing';
import type { EventEnvelope } from '@meldpunt/contracts';
import { createEnvelope, ensureTopics, EventProducer, OutboxRelay, OutboxWriter, silentLogger } from '../src';
import { fixtureRegistry } from '../src/test-fixtures/fixture-contracts';
import { openFixtureDatabase } from '../src/test-fixtures/fixture-database';

export interface OutboxBenchResult {
  readonly events: number;
  readonly batchSize: number;
  readonly writeMs: number;
  readonly relayMs: number;
  readonly endToEndMs: number;
  readonly relayEventsPerSecond: number;
  readonly endToEndEventsPerSecond: number;
}

/** Writes `events` outbox rows (100 per transaction), then measures relay time and time until all are consumed. */
export async function main(events = 5_000, batchSize = 500): Promise<OutboxBenchResult> {
  const harness = await TestHarness.start({ redis: false });
  const producer = new EventProducer(harness.kafka);
  const dataSource = await openFixtureDatabase(
    await harness.createTestDatabase('bench'),
    'outbox-bench',
    true,
  );
  try {
    const topic = harness.uniqueTopic('bench.item.created.v1');
    const registry = fixtureRegistry(topic, 6);
    await harness.withAdmin((admin) => ensureTopics(admin, registry, []));
    await producer.connect();
    const writer = new OutboxWriter(registry);
    const envelopes: EventEnvelope[] = Array.from({ length: events }, (_, seq) =>
      createEnvelope(
        registry,
        topic,
        { itemId: randomUUID(), seq },
        { producer: 'bench', correlationId: 'bench' },
      ),
    );

    const writeStart = performance.now();
    for (let start = 0; start < envelopes.length; start += 100) {
      await dataSource.transaction((manager) => writer.append(manager, envelopes.slice(start, start + 100)));
    }
    const writeMs = performance.now() - writeStart;

    // Consumer first (it reads from the beginning of the fresh topic), so end-to-end includes consumption.
    let consumed = 0;
    let allConsumed: () => void = () => undefined;
    const consumedPromise = new Promise<void>((resolve) => (allConsumed = resolve));
    const consumer = harness.kafka.consumer({ groupId: harness.uniqueGroup('bench'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        if (consumed >= events) allConsumed();
      },
    });

    const relay = new OutboxRelay(dataSource, producer, {
      batchSize,
      logger: silentLogger,
      retentionDays: null,
    });
    const relayStart = performance.now();
    let published = 0;
    while (published < events) published += await relay.drainOnce();
    const relayMs = performance.now() - relayStart;
    await consumedPromise;
    const endToEndMs = performance.now() - relayStart;
    await consumer.disconnect();

    const result: OutboxBenchResult = {
      events,
      batchSize,
      writeMs: Math.round(writeMs),
      relayMs: Math.round(relayMs),
      endToEndMs: Math.round(endToEndMs),
      relayEventsPerSecond: Math.round((events / relayMs) * 1000),
      endToEndEventsPerSecond: Math.round((events / endToEndMs) * 1000),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await producer.disconnect();
    await dataSource.destroy();
    await harness.cleanup();
  }
}

if (require.main === module) {
  const [events, batch] = process.argv.slice(2).map(Number);
  main(events || undefined, batch || undefined).catch((error: unknown) => {
    process.stderr.write(
      `outbox bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
