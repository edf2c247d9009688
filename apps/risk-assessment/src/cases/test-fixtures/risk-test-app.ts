import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Principal } from '@meldpunt/auth';
import { loadServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { startGroupAtEnd } from '@meldpunt/messaging';
import { createDataSource } from '@meldpunt/persistence';
import { configureHttp } from '@meldpunt/platform';
import { bearerFor, TEST_AUTH_KEYS, type TestHarness } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import { RiskAssessmentModule } from '../../app.module';
import { ENTITIES } from '../../entities';
import { PROTOCOL_EVALUATOR, type ProtocolEvaluator } from '../../protocols/protocol-engine.types';

export interface RiskTestApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly dataSource: DataSource;
  /** The service's consumer group (its `.dlq` topic receives dead letters). */
  readonly consumerGroup: string;
  call(
    principal: Principal | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface RiskTestAppOptions {
  /** Replaces the protocol engine (PROTOCOL_EVALUATOR); the real ProtocolService when absent. */
  readonly evaluator?: ProtocolEvaluator;
  /** Partitions consumed at once (KAFKA_PARTITION_CONCURRENCY). */
  readonly partitionConcurrency?: number;
  readonly poolSize?: number;
}

/**
 * The whole risk-assessment service (RiskAssessmentModule, as main.ts boots it) on real infrastructure: a
 * throwaway database synchronised from ENTITIES, the real Kafka topics with a consumer group of this run, the
 * console-token guard with the test key and the global ValidationPipe. HTTP through a real port.
 */
export async function startRiskTestApp(
  harness: TestHarness,
  options: RiskTestAppOptions = {},
): Promise<RiskTestApp> {
  const databaseUrl = await harness.createTestDatabase('risk');
  const setup = createDataSource({
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [],
    applicationName: 'test-setup',
  });
  await setup.initialize();
  await setup.synchronize();
  await setup.destroy();

  const config = loadServiceConfig('risk-assessment', 3002, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: harness.env.redisUrl,
    KAFKA_BROKERS: harness.env.kafkaBrokers.join(','),
    AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    KAFKA_GROUP_PREFIX: `${harness.uniqueGroup('risk')}.`,
    KAFKA_PARTITION_CONCURRENCY: String(options.partitionConcurrency ?? 3),
    DATABASE_POOL_SIZE: String(options.poolSize ?? 10),
    OUTBOX_POLL_INTERVAL_MS: '50',
    KAFKA_MAX_ATTEMPTS: '3',
    KAFKA_RETRY_BACKOFF_MS: '200',
    LOG_LEVEL: 'error',
  });
  // A fresh group would read the shared topics' whole history (every earlier run's events): start at their end.
  await startGroupAtEnd(harness.kafka, config.consumerGroup, Object.keys(CONTRACTS));
  let builder = Test.createTestingModule({ imports: [RiskAssessmentModule.register(config)] });
  if (options.evaluator) builder = builder.overrideProvider(PROTOCOL_EVALUATOR).useValue(options.evaluator);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'], rawBody: true });
  configureHttp(app);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    consumerGroup: config.consumerGroup,
    async call(principal, method, path, body) {
      const headers: Record<string, string> = {};
      if (principal) headers.authorization = bearerFor(principal, 'risk-assessment');
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? (JSON.parse(text) as unknown) : null;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed };
    },
    close: () => app.close(),
  };
}

/** One server-sent event. */
export interface ServerSentEvent {
  /** performance.now() when it arrived. */
  readonly at: number;
  readonly event: string;
  readonly id: string | null;
  readonly data: unknown;
}

/**
 * Reads a server-sent event stream (fetch, no EventSource in Node): collects events, resolves waits as they
 * arrive. Close it when done.
 */
export class SseClient {
  readonly events: ServerSentEvent[] = [];
  readonly status: number;
  readonly contentType: string | null;
  private readonly waiters = new Set<{
    predicate: (event: ServerSentEvent) => boolean;
    resolve: (event: ServerSentEvent) => void;
  }>();

  private constructor(
    private readonly controller: AbortController,
    response: Response,
  ) {
    this.status = response.status;
    this.contentType = response.headers.get('content-type');
  }

  static async open(url: string, authorization: string): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { authorization, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const client = new SseClient(controller, response);
    if (response.body) void client.read(response.body);
    return client;
  }

  async waitFor(
    predicate: (event: ServerSentEvent) => boolean,
    timeoutMs = 15_000,
  ): Promise<ServerSentEvent> {
    const seen = this.events.find(predicate);
    if (seen) return seen;
    let timer: NodeJS.Timeout | undefined;
    let waiter:
      | { predicate: (event: ServerSentEvent) => boolean; resolve: (event: ServerSentEvent) => void }
      | undefined;
    try {
      return await new Promise<ServerSentEvent>((resolve, reject) => {
        waiter = { predicate, resolve };
        this.waiters.add(waiter);
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching server-sent event within ${timeoutMs} ms; saw: ${this.events.map((event) => event.event).join(', ')}`,
              ),
            ),
          timeoutMs,
        );
      });
    } finally {
      clearTimeout(timer);
      if (waiter) this.waiters.delete(waiter);
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted
    }
  }

  private dispatch(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      // plain text
    }
    const received: ServerSentEvent = { at: performance.now(), event, id, data: parsed };
    this.events.push(received);
    for (const waiter of this.waiters) if (waiter.predicate(received)) waiter.resolve(received);
  }
}
