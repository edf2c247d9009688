// Child-process fixture for consumer-restart.int-spec.ts: an EventConsumer whose handler writes an effect row
// and then dawdles inside the transaction, so a SIGKILL lands mid-batch (and mid-transaction).
// Run: node --require libs/testing/src/swc-register.js consumer.fixture.ts '<json input>'
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { EventConsumer } from '../consumer/event-consumer';
import { EventProducer } from '../kafka/event-producer';
import { silentLogger } from '../support/logger';
import { sleep } from '../support/sleep';
import { fixtureRegistry } from './fixture-contracts';
import { openFixtureDatabase, recordEffect } from './fixture-database';
import { fixtureInput, report } from './fixture-input';

const input = fixtureInput(
  z.object({
    databaseUrl: z.string(),
    brokers: z.array(z.string()).min(1),
    topic: z.string(),
    partitions: z.number().int().positive(),
    consumerGroup: z.string(),
    handlerDelayMs: z.number().int().nonnegative(),
    partitionsConsumedConcurrently: z.number().int().positive(),
    sessionTimeoutMs: z.number().int().positive(),
  }),
);

async function main(): Promise<void> {
  const kafka = new Kafka({
    clientId: 'consumer-fixture',
    brokers: input.brokers,
    logLevel: logLevel.NOTHING,
  });
  const dataSource = await openFixtureDatabase(input.databaseUrl, 'consumer-fixture');
  const producer = new EventProducer(kafka);
  await producer.connect();
  const counts = { handled: 0, duplicate: 0, retry: 0, dead: 0 };
  const consumer = new EventConsumer(
    { kafka, dataSource, registry: fixtureRegistry(input.topic, input.partitions), publisher: producer },
    {
      consumerGroup: input.consumerGroup,
      handlers: {
        [input.topic]: async (event, { manager, attempt }) => {
          await recordEffect(manager, event, attempt);
          await sleep(input.handlerDelayMs);
        },
      },
      options: {
        partitionsConsumedConcurrently: input.partitionsConsumedConcurrently,
        sessionTimeoutMs: input.sessionTimeoutMs,
        rebalanceTimeoutMs: input.sessionTimeoutMs + 4_000,
        heartbeatIntervalMs: 500,
        logger: silentLogger,
        onOutcome: (outcome) => {
          if (outcome.kind === 'handled') counts.handled += 1;
          else if (outcome.kind === 'duplicate') counts.duplicate += 1;
          else if (outcome.kind === 'retry-scheduled') counts.retry += 1;
          else counts.dead += 1;
          report({ type: 'counts', ...counts });
        },
      },
    },
  );
  await consumer.start();
  await consumer.waitUntilJoined();
  report({ type: 'joined' });
  process.on('SIGTERM', () => {
    void (async () => {
      await consumer.stop();
      await producer.disconnect();
      await dataSource.destroy();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `consumer fixture failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
});
