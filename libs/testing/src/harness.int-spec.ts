import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { awaitJob } from './await-job';
import { awaitEvent } from './event-watcher';
import { checkKafka, checkPostgres } from './infra-check';
import { TestHarness } from './test-harness';

async function databaseExists(adminUrl: string, url: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('TestHarness (real Kafka, Postgres and Redis)', () => {
  let harness: TestHarness;

  beforeAll(async () => {
    harness = await TestHarness.start();
  });

  afterAll(async () => {
    await harness?.cleanup();
  });

  it('fails with a clear message when infrastructure does not answer', async () => {
    await expect(checkKafka(['127.0.0.1:1'], 3_000)).rejects.toThrow(
      'Kafka does not answer on 127.0.0.1:1 — run `npm run infra:up`',
    );
    await expect(checkPostgres('postgres://postgres@127.0.0.1:1/postgres', 2_000)).rejects.toThrow(
      /Postgres does not answer on 127\.0\.0\.1:1 — run `npm run infra:up`/,
    );
  });

  it('creates throwaway databases and drops them in cleanup()', async () => {
    const other = await TestHarness.start({ kafka: false, redis: false });
    const url = await other.createTestDatabase('probe');
    expect(new URL(url).pathname).toMatch(new RegExp(`^/meldpunt_t_${other.runId}_probe_[a-z]+$`));
    expect(await databaseExists(harness.env.databaseAdminUrl, url)).toBe(true);
    await other.cleanup();
    expect(await databaseExists(harness.env.databaseAdminUrl, url)).toBe(false);
  });

  it('creates unique topics and awaits an event produced after the watcher started', async () => {
    const [topic] = await harness.createTopics(['test.thing.made.v1'], 2);
    expect(topic).toMatch(new RegExp(`^test-${harness.runId}[a-z]+\\.thing\\.made\\.v1$`));
    const producer = harness.kafka.producer();
    await producer.connect();
    try {
      const send = (value: object) =>
        producer.send({ topic: topic!, messages: [{ key: 'k', value: JSON.stringify(value) }] });
      await send({ eventId: 'old' }); // before the watcher: must be ignored
      const found = await awaitEvent(harness.kafka, topic!, (message) => message.eventId === 'wanted', {
        trigger: async () => {
          await send({ eventId: 'noise' });
          await send({ eventId: 'wanted' });
        },
      });
      expect(found).toMatchObject({ topic, key: 'k', eventId: 'wanted', json: { eventId: 'wanted' } });

      const watcher = await harness.watch(topic!);
      await send({ eventId: 'seen' });
      await expect(
        watcher.waitFor((message) => message.eventId === 'never', {
          timeoutMs: 1_500,
          description: 'the never event',
        }),
      ).rejects.toThrow(
        /Timed out after 1500 ms waiting for the never event on .* Saw 1 record\(s\):\n.*eventId=seen/,
      );
      expect(watcher.matching((message) => message.eventId === 'old')).toHaveLength(0);
    } finally {
      await producer.disconnect();
    }
  });

  it('awaits BullMQ jobs and reports a failed one', async () => {
    const connection = new Redis(harness.env.redisUrl, { maxRetriesPerRequest: null });
    const workerConnection = new Redis(harness.env.redisUrl, { maxRetriesPerRequest: null });
    const name = harness.unique('jobs');
    const queue = new Queue<{ fail: boolean }>(name, { connection });
    const worker = new Worker<{ fail: boolean }>(
      name,
      async (job) => {
        if (job.data.fail) throw new Error('job exploded');
        return 'done';
      },
      { connection: workerConnection },
    );
    try {
      const ok = await queue.add('ok', { fail: false }, { removeOnComplete: false });
      const bad = await queue.add('bad', { fail: true }, { attempts: 1 });
      await expect(awaitJob(queue, ok.id!)).resolves.toMatchObject({ returnvalue: 'done' });
      await expect(awaitJob(queue, bad.id!)).rejects.toThrow(/failed: job exploded/);
      await expect(awaitJob(queue, bad.id!, { state: 'failed' })).resolves.toMatchObject({
        failedReason: 'job exploded',
      });
      await expect(awaitJob(queue, 'missing', { timeoutMs: 200 })).rejects.toThrow(/last state: not found/);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
      await workerConnection.quit();
    }
  });
});
