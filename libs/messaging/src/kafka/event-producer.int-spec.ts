import { logLevel } from 'kafkajs';
import { TestHarness } from '@meldpunt/testing';
import { EventProducer, type OutgoingMessage } from './event-producer';

describe('EventProducer (real Kafka, default 1 MB broker limit)', () => {
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

  it('keeps every record after a request Kafka refused only in part', async () => {
    // One partition each: the small topic's batch is written, the big topic's batch (1.5 MB) refused.
    const [small, big] = await harness.createTopics(['test.small.sent.v1', 'test.big.sent.v1'], 1);
    const record = (topic: string, value: string): OutgoingMessage => ({
      topic,
      key: 'k',
      value,
      headers: {},
    });
    const watcher = await harness.watch([small!, big!]);

    await expect(
      producer.publish([
        record(small!, 's1'),
        record(small!, 's2'),
        ...Array.from({ length: 15 }, (_, n) => record(big!, `${n}`.padEnd(100_000, '.'))),
      ]),
    ).rejects.toThrow(/larger than the max message size/);
    await watcher.waitForCount((message) => message.topic === small, 2);

    // kafkajs rolled the small topic's sequence back although the broker had written s1, s2: without a fresh
    // producer id the next send is refused as out of order (one record) or dropped as a duplicate (two).
    await producer.publish([record(small!, 's3')]);
    await producer.publish([record(small!, 's4'), record(small!, 's5')]);
    const values = await watcher.waitForCount((message) => message.topic === small, 5);
    expect(values.map((message) => message.value)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(watcher.matching((message) => message.topic === big)).toEqual([]);
  });
});
