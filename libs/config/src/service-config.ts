import { z } from 'zod';
import { loadConfig, type Env } from './load-config';

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/meldpunt_intake',
});
const redisUrl = z.url({
  protocol: /^rediss?$/,
  error: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379',
});
const brokerList = z
  .string()
  .regex(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092')
  .transform((value) => value.split(','));

/** Environment every Meldpunt service needs. Apps extend it with their own variables. */
export function serviceEnvSchema(defaultPort: number) {
  return z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort),
    /** Interface to listen on; 0.0.0.0 in containers. */
    HOST: z.union([z.ipv4(), z.literal('localhost')]).default('127.0.0.1'),
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    REDIS_URL: redisUrl,
    KAFKA_BROKERS: brokerList,
    /** Prefix for the Kafka consumer group; lets tests run a service beside a running one. */
    KAFKA_GROUP_PREFIX: z
      .string()
      .regex(/^[a-z0-9.-]*$/)
      .default(''),
    /** Handler attempts before an event goes to the service's dead-letter topic. */
    KAFKA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** Delays (ms) before the 1st, 2nd, … retry; the last one repeats. About 2.5 minutes in all by default. */
    KAFKA_RETRY_BACKOFF_MS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of milliseconds, e.g. 1000,5000,30000')
      .default('1000,5000,30000,120000')
      .transform((value) => value.split(',').map(Number)),
    /** Partitions a consumer handles at the same time (order is kept within each partition). */
    KAFKA_PARTITION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    /** The console's Ed25519 public key (PEM, or base64 of it): verifies the tokens callers present. */
    AUTH_PUBLIC_KEY: z
      .string()
      .min(40, "must be the console's Ed25519 public key, as PEM or base64 of the PEM"),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    /**
     * Key prefix of every BullMQ queue of this service. Two stacks on one Redis (a test stack beside `npm start`)
     * must use different prefixes, or one stack's worker takes the other's jobs.
     */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/, 'may contain a-z, 0-9, _ and - only')
      .default('bull'),
  });
}

/** The validated configuration of one service. Injected by class token. */
export class ServiceConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly consumerGroup: string;
  readonly kafkaPartitionConcurrency: number;
  readonly kafkaMaxAttempts: number;
  readonly kafkaRetryBackoffMs: readonly number[];
  readonly authPublicKey: string;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  readonly outboxPollIntervalMs: number;
  readonly queuePrefix: string;

  constructor(
    readonly service: string,
    env: z.infer<ReturnType<typeof serviceEnvSchema>>,
  ) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.host = env.HOST;
    this.databaseUrl = env.DATABASE_URL;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.redisUrl = env.REDIS_URL;
    this.kafkaBrokers = env.KAFKA_BROKERS;
    this.consumerGroup = `${env.KAFKA_GROUP_PREFIX}${service}`;
    this.kafkaPartitionConcurrency = env.KAFKA_PARTITION_CONCURRENCY;
    this.kafkaMaxAttempts = env.KAFKA_MAX_ATTEMPTS;
    this.kafkaRetryBackoffMs = env.KAFKA_RETRY_BACKOFF_MS;
    this.authPublicKey = env.AUTH_PUBLIC_KEY;
    this.logLevel = env.LOG_LEVEL;
    this.outboxPollIntervalMs = env.OUTBOX_POLL_INTERVAL_MS;
    this.queuePrefix = env.QUEUE_PREFIX;
  }
}

/** Loads and validates the shared service environment; throws ConfigError naming each bad variable. */
export function loadServiceConfig(service: string, defaultPort: number, env?: Env): ServiceConfig {
  return new ServiceConfig(service, loadConfig(service, serviceEnvSchema(defaultPort), env));
}
