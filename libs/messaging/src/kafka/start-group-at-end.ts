import type { Kafka } from 'kafkajs';
import { waitForTopicsReady } from './ensure-topics';
import { whileRetriable } from './kafka-errors';

/**
 * Commits the current end offsets of `topics` for a consumer group that is not running, so that when it starts it
 * handles only what is published from now on. For a throwaway stack or test app with its own fresh database: a new
 * group otherwise reads the shared topics' whole history (new groups start at the beginning, so a new service sees
 * history), which grows with every run. Topics that do not exist yet are skipped (they have no history).
 *
 * One short-lived member joins the group and commits every partition at once (kafkajs' admin.setOffsets joins the
 * group once per topic and waits seconds each time).
 */
export async function startGroupAtEnd(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
): Promise<void> {
  const admin = kafka.admin();
  const ends: Array<{ topic: string; partition: number; offset: string }> = [];
  await admin.connect();
  try {
    const present = new Set(await whileRetriable(() => admin.listTopics()));
    const existing = [...new Set(topics)].filter((topic) => present.has(topic));
    // Another process may have just created them: their partitions may not have a leader yet.
    await waitForTopicsReady(admin, existing, 30_000);
    for (const topic of existing) {
      for (const end of await whileRetriable(() => admin.fetchTopicOffsets(topic)))
        ends.push({ topic, partition: end.partition, offset: end.high });
    }
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  try {
    await whileRetriable(() =>
      consumer.subscribe({ topics: [...new Set(ends.map((end) => end.topic))], fromBeginning: false }),
    );
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await joined;
    await whileRetriable(() => consumer.commitOffsets(ends));
  } finally {
    await consumer.disconnect();
  }
}
