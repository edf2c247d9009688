import { randomBytes } from 'node:crypto';
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
import { CommunicationModule } from '../../app.module';
import { ContactsConfig } from '../../contacts/contacts.config';
import type { TestSealKeys } from '../../contacts/test-fixtures/contact-sealing';
import { ENTITIES } from '../../entities';
import { ProviderWebhooksConfig } from '../../providers/provider-webhooks.config';
import { LETTER_RENDERING, type LetterRendering } from '../../templates/letter-renderer.types';
import { LettersConfig, type LettersSettings } from '../letters.config';

export interface CommunicationTestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly consumerGroup: string;
  readonly queuePrefix: string;
  /** `http://127.0.0.1:<port>` (what a provider posts its webhooks to). */
  readonly baseUrl: string;
  call(
    principal: Principal | null,
    method: string,
    path: string,
    body?: unknown,
    /** Extra request headers; a string body is sent as is (signed webhooks). */
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface CommunicationTestAppOptions {
  readonly sealKeys: TestSealKeys;
  readonly smtpUrl: string;
  readonly smsProviderUrl: string;
  /** Overrides of the letters settings (attempts, backoff, rates, sweeper). */
  readonly letters?: Partial<LettersSettings>;
  /** Replaces the letter templates (LETTER_RENDERING); the real renderer when absent. */
  readonly renderer?: LetterRendering;
  /** The secret delivery reports are signed with (PROVIDER_WEBHOOK_SECRET); the development one when absent. */
  readonly providerWebhookSecret?: string;
}

/**
 * The whole communication service (CommunicationModule, as main.ts boots it) on real infrastructure: a throwaway
 * database synchronised from ENTITIES, the shared Kafka topics read from their end by a consumer group of this
 * run, BullMQ queues under a prefix of this run, the console-token guard with the test key. HTTP on a real port.
 */
export async function startCommunicationTestApp(
  harness: TestHarness,
  options: CommunicationTestAppOptions,
): Promise<CommunicationTestApp> {
  const databaseUrl = await harness.createTestDatabase('communication');
  const setup = createDataSource({
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [],
    applicationName: 'test-setup',
  });
  await setup.initialize();
  await setup.synchronize();
  await setup.destroy();

  const queuePrefix = harness.unique('bull-comm');
  const config = loadServiceConfig('communication', 3003, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: harness.env.redisUrl,
    KAFKA_BROKERS: harness.env.kafkaBrokers.join(','),
    AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    KAFKA_GROUP_PREFIX: `${harness.uniqueGroup('comm')}.`,
    OUTBOX_POLL_INTERVAL_MS: '50',
    KAFKA_MAX_ATTEMPTS: '3',
    KAFKA_RETRY_BACKOFF_MS: '200',
    DATABASE_POOL_SIZE: '20',
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'error',
  });
  // A fresh group would read the shared topics' whole history (every earlier run's events): start at their end.
  await startGroupAtEnd(harness.kafka, config.consumerGroup, Object.keys(CONTRACTS));
  let builder = Test.createTestingModule({ imports: [CommunicationModule.register(config)] })
    .overrideProvider(ContactsConfig)
    .useValue(
      new ContactsConfig(
        { keyId: options.sealKeys.keyId, secretKey: options.sealKeys.secretKey },
        randomBytes(32),
      ),
    )
    .overrideProvider(LettersConfig)
    .useValue(
      new LettersConfig({
        smtpUrl: options.smtpUrl,
        mailFrom: 'CLB test <test@meldpunt.local>',
        smsProviderUrl: options.smsProviderUrl,
        queuePrefix,
        maxAttempts: 4,
        retryBaseMs: 50,
        sweepIntervalMs: 0,
        emailRatePerSecond: 1_000,
        smsRatePerSecond: 1_000,
        concurrency: 4,
        ...options.letters,
      }),
    );
  if (options.renderer) builder = builder.overrideProvider(LETTER_RENDERING).useValue(options.renderer);
  if (options.providerWebhookSecret)
    builder = builder
      .overrideProvider(ProviderWebhooksConfig)
      .useValue(new ProviderWebhooksConfig([options.providerWebhookSecret]));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'], rawBody: true });
  configureHttp(app);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    dataSource: app.get(DataSource),
    consumerGroup: config.consumerGroup,
    queuePrefix,
    baseUrl,
    async call(principal, method, path, body, extraHeaders = {}) {
      const headers: Record<string, string> = {};
      if (principal) headers.authorization = bearerFor(principal, 'communication');
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, ...extraHeaders },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
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
