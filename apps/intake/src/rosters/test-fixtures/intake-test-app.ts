import { Module, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import sodium from 'libsodium-wrappers';
import type { Principal } from '@meldpunt/auth';
import { loadServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { createDataSource } from '@meldpunt/persistence';
import { configureHttp, PlatformModule } from '@meldpunt/platform';
import { bearerFor, TEST_AUTH_KEYS, type TestHarness } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { RegistryModule } from '../../registry/registry.module';
import { RosterQueueSettings } from '../roster-import.queue';
import { RostersModule } from '../rosters.module';
import { SealedContactsConfig } from '../sealing/sealed-contacts.config';

export interface IntakeTestApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly dataSource: DataSource;
  /** The communication service's key pair stand-in: contacts are sealed to its public key. */
  readonly sealKeys: { publicKey: Uint8Array; secretKey: Uint8Array };
  readonly queuePrefix: string;
  call(
    principal: Principal | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * Intake's registry and rosters on real infrastructure: a throwaway database synchronised from ENTITIES, the real
 * PlatformModule (Kafka + outbox relay, Redis, console-token guard with the test key), the roster-import worker on
 * a queue prefix of this run, and the global ValidationPipe of bootstrapService. HTTP through a real port.
 */
export async function startIntakeTestApp(harness: TestHarness): Promise<IntakeTestApp> {
  const databaseUrl = await harness.createTestDatabase('intake');
  const setup = createDataSource({
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [],
    applicationName: 'test-setup',
  });
  await setup.initialize();
  await setup.synchronize();
  await setup.destroy();

  const config = loadServiceConfig('intake', 3001, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: harness.env.redisUrl,
    KAFKA_BROKERS: harness.env.kafkaBrokers.join(','),
    AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    KAFKA_GROUP_PREFIX: `${harness.uniqueGroup('intake')}.`,
    OUTBOX_POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'error',
  });
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const queuePrefix = harness.unique('bull');

  @Module({
    imports: [
      PlatformModule.forRoot({ config, entities: ENTITIES, registry: CONTRACTS }),
      RegistryModule,
      RostersModule,
    ],
  })
  class TestIntakeModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestIntakeModule] })
    .overrideProvider(SealedContactsConfig)
    .useValue(new SealedContactsConfig(pair.publicKey, 'test-seal-key'))
    .overrideProvider(RosterQueueSettings)
    .useValue(new RosterQueueSettings(queuePrefix, 2))
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'], rawBody: true });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    sealKeys: { publicKey: pair.publicKey, secretKey: pair.privateKey },
    queuePrefix,
    async call(principal, method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (principal) (init.headers as Record<string, string>).authorization = bearerFor(principal, 'intake');
      if (typeof body === 'string') {
        init.body = body;
        (init.headers as Record<string, string>)['content-type'] ??= 'text/csv; charset=utf-8';
      } else if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? (JSON.parse(text) as unknown) : null;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await app.close();
    },
  };
}
