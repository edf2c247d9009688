// Readiness probe for the dev broker: retries until kafkajs admin.listTopics() succeeds AND the group
// coordinators answer (right after a start they are still loading __consumer_offsets, and consumers that join
// then crash and restart), or the timeout (argv[2] seconds, default 60) runs out. Exit code 0 = ready.
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const timeoutMs = Number(process.argv[2] ?? 60) * 1000;
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
const kafka = new Kafka({
  clientId: 'meldpunt-kafka-wait',
  brokers,
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 3000,
  retry: { retries: 0 },
});

const PROBE_GROUPS = Array.from({ length: 40 }, (_, i) => `meldpunt-readiness-probe-${i}`);
const deadline = Date.now() + timeoutMs;
let lastError;
while (Date.now() < deadline) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    // Group ids spread over every __consumer_offsets partition: each needs its coordinator loaded.
    await admin.describeGroups(PROBE_GROUPS);
    await admin.disconnect();
    console.log(`[kafka] ready on ${brokers.join(',')} (${topics.length} topics)`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await admin.disconnect().catch(() => {});
    await new Promise((r) => setTimeout(r, 250));
  }
}
console.error(`[kafka] not ready: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
