import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

const HINT = 'run `npm run infra:up`';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Throws "Kafka does not answer on 127.0.0.1:9092 — run `npm run infra:up`" when the broker is not there. */
export async function checkKafka(brokers: readonly string[], timeoutMs = 5_000): Promise<void> {
  const kafka = new Kafka({
    clientId: 'meldpunt-test-check',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    retry: { retries: 1, initialRetryTime: 100 },
  });
  const admin = kafka.admin();
  try {
    await within(
      timeoutMs,
      'Kafka',
      (async () => {
        await admin.connect();
        await admin.describeCluster();
      })(),
    );
  } catch (error) {
    throw new Error(`Kafka does not answer on ${brokers.join(',')} — ${HINT} (${reason(error)})`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Throws a clear error when Postgres does not answer at `url`. */
export async function checkPostgres(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = new URL(url);
    throw new Error(`Postgres does not answer on ${where.host} — ${HINT} (${reason(error)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Throws a clear error when Redis does not answer at `url`. */
export async function checkRedis(url: string, timeoutMs = 5_000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await within(
      timeoutMs,
      'Redis',
      (async () => {
        await redis.connect();
        await redis.ping();
      })(),
    );
  } catch (error) {
    throw new Error(`Redis does not answer on ${new URL(url).host} — ${HINT} (${reason(error)})`);
  } finally {
    redis.disconnect();
  }
}
