// Smoke test of the dev broker with the project's kafkajs: admin (create/delete topic), idempotent
// producer (idempotent: true, maxInFlightRequests: 1), plain producer, consumer group (commit + re-join
// resumes after the committed offset). Creates and deletes its own topic. Exit 0 = all good.
// Usage: node infra/kafka/verify.mjs   (KAFKA_PORT / KAFKA_BROKERS honoured)
import kafkajs from 'kafkajs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const { Kafka, logLevel, CompressionTypes } = kafkajs;
const version = createRequire(import.meta.url)('kafkajs/package.json').version;
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
const kafka = new Kafka({ clientId: 'meldpunt-kafka-verify', brokers, logLevel: logLevel.WARN });
const topic = `meldpunt.verify.${randomUUID().slice(0, 8)}`;
const groupId = `${topic}.group`;
const t0 = Date.now();
const step = (msg) => console.log(`[verify] ${((Date.now() - t0) / 1000).toFixed(2)}s ${msg}`);
const fail = (msg) => {
  console.error(`[verify] FAILED: ${msg}`);
  process.exit(1);
};
const timeout = setTimeout(() => fail('timeout after 60s'), 60_000);

const admin = kafka.admin();
await admin.connect();
step(`kafkajs ${version} connected to ${brokers.join(',')}`);
await admin.createTopics({
  topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
  waitForLeaders: true,
});
const meta = await admin.fetchTopicMetadata({ topics: [topic] });
step(`created ${topic} with ${meta.topics[0].partitions.length} partitions`);

// auto.create.topics.enable=false: producing to an unknown topic must fail
const quiet = new Kafka({ clientId: 'meldpunt-kafka-verify', brokers, logLevel: logLevel.NOTHING });
const probe = quiet.producer({ allowAutoTopicCreation: false, retry: { retries: 1 } });
await probe.connect();
let autoCreated = true;
try {
  await probe.send({ topic: `${topic}.missing`, messages: [{ value: 'x' }] });
} catch {
  autoCreated = false;
}
await probe.disconnect();
if (autoCreated) fail('broker auto-created a topic');
step('unknown topic rejected (auto.create.topics.enable=false)');

const idem = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await idem.connect();
for (let i = 0; i < 10; i++) {
  await idem.send({
    topic,
    acks: -1,
    messages: [{ key: `k${i % 3}`, value: JSON.stringify({ i, kind: 'idempotent' }) }],
  });
}
await idem.sendBatch({
  acks: -1,
  compression: CompressionTypes.GZIP,
  topicMessages: [
    { topic, messages: [{ key: 'batch', value: JSON.stringify({ i: 10, kind: 'idempotent-batch' }) }] },
  ],
});
await idem.disconnect();
step('idempotent producer sent 11 messages (acks=all)');

const plain = kafka.producer();
await plain.connect();
await plain.send({ topic, messages: [{ key: 'plain', value: JSON.stringify({ i: 11, kind: 'plain' }) }] });
await plain.disconnect();
step('plain producer sent 1 message');

async function consume(expected) {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen = [];
  await new Promise((resolve) => {
    consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        seen.push(JSON.parse(message.value.toString()).i);
        // explicit commit (offset of the NEXT message), as an at-least-once consumer does
        await consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
        if (seen.length >= expected) resolve();
      },
    });
  });
  await consumer.disconnect();
  return seen.sort((a, b) => a - b);
}

const first = await consume(12);
if (first.join() !== [...Array(12).keys()].join()) fail(`unexpected first read ${first}`);
step(`consumer group ${groupId} read 12/12 messages, committed`);

const again = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await again.connect();
await again.send({
  topic,
  acks: -1,
  messages: [{ key: 'late', value: JSON.stringify({ i: 12, kind: 'after-commit' }) }],
});
await again.disconnect();
const second = await consume(1);
if (second.join() !== '12') fail(`group did not resume after committed offset: ${second}`);
const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
const committed = offsets[0].partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
if (committed !== 13) fail(`committed offsets sum ${committed}, expected 13`);
step('re-joined group resumed after committed offsets (only the new message delivered; committed sum 13)');

await admin.deleteGroups([groupId]);
await admin.deleteTopics({ topics: [topic] });
await admin.disconnect();
clearTimeout(timeout);
step('OK: cleaned up topic and group');
