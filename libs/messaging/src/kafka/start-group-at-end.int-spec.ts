import { logLevel } from 'kafkajs';
import { TestHarness, waitFor } from '@meldpunt/testing';
import { EventProducer } from './event-producer';
import { startGroupAtEnd } from './start-group-at-end';

describe('startGroupAtEnd (real Kafka)', () => {
  let harness: TestHarness;
  let producer: EventProducer;

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false, postgres: false, kafkaLogLevel: logLevel.NOTHING });
    producer = new EventProducer(harness.kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await harness?.cleanup();
  });

  it('makes a new group skip the history and read what comes after', async () => {
    const [topic] = await harness.createTopics(['test.history.made.v1'], 2);
    const send = (values: string[]) =>
      producer.publish(values.map((value) => ({ topic: topic!, key: value, value, headers: {} })));
    await send(['old-1', 'old-2', 'old-3']);

    const groupId = harness.uniqueGroup('at-end');
    await startGroupAtEnd(harness.kafka, groupId, [topic!, 'test.absent.never.v1']);
    await send(['new-1', 'new-2']);

    const seen: string[] = [];
    const consumer = harness.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: topic!, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? ''),
      });
      await waitFor(() => seen.length >= 2, { description: 'the two new records' });
      await new Promise((resolve) => setTimeout(resolve, 500)); // an old record would have arrived with them
      expect(seen.sort()).toEqual(['new-1', 'new-2']);
    } finally {
      await consumer.disconnect();
    }
  });
});
