// Child-process fixture for outbox.int-spec.ts: a relay that dies right after Kafka acknowledged its batch,
// before the rows are marked sent (so the batch is published again by the next relay).
// Run: node --require libs/testing/src/swc-register.js relay-crash.fixture.ts '<json input>'
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { EventProducer, type EventPublisher } from '../kafka/event-producer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { openFixtureDatabase } from './fixture-database';
import { fixtureInput } from './fixture-input';

const input = fixtureInput(z.object({ databaseUrl: z.string(), brokers: z.array(z.string()).min(1) }));

async function main(): Promise<void> {
  const kafka = new Kafka({
    clientId: 'relay-crash-fixture',
    brokers: input.brokers,
    logLevel: logLevel.ERROR,
  });
  const producer = new EventProducer(kafka);
  await producer.connect();
  const dataSource = await openFixtureDatabase(input.databaseUrl, 'relay-crash-fixture');
  const crashing: EventPublisher = {
    publish: async (messages) => {
      await producer.publish(messages);
      process.stderr.write(
        `relay-crash fixture: ${messages.length} message(s) acknowledged, exiting before marking sent\n`,
      );
      process.exit(1);
    },
  };
  await new OutboxRelay(dataSource, crashing).drainOnce();
  process.stderr.write('relay-crash fixture: nothing to publish\n');
  process.exit(3);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `relay-crash fixture failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
});
