import { type INestApplication, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Principal, ServiceAuthModule } from '@meldpunt/auth';
import { createDataSource } from '@meldpunt/persistence';
import { configureHttp } from '@meldpunt/platform';
import { bearerFor, TEST_AUTH_KEYS, type TestHarness } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import { Clock, type FixedClock } from '../../calendar/clock';
import { PROTOCOL_ENTITIES } from '../protocols.entities';
import { ProtocolsModule } from '../protocols.module';

export interface ProtocolsTestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  call(
    principal: Principal | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * ProtocolsModule on a throwaway Postgres database whose schema is synchronised from PROTOCOL_ENTITIES (the lead
 * generates the migration), with the console-token guard (test key), the platform's HTTP settings (field-level
 * 400s) and a FixedClock. Kafka and Redis are not needed. Listens on a random port.
 */
export async function startProtocolsTestApp(
  harness: TestHarness,
  clock: FixedClock,
): Promise<ProtocolsTestApp> {
  const databaseUrl = await harness.createTestDatabase('protocols');
  const setup = createDataSource({
    url: databaseUrl,
    entities: PROTOCOL_ENTITIES,
    migrations: [],
    applicationName: 'test-setup',
  });
  await setup.initialize();
  await setup.synchronize();
  await setup.destroy();

  @Module({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: databaseUrl,
        entities: PROTOCOL_ENTITIES,
        synchronize: false,
        retryAttempts: 0,
      }),
      ServiceAuthModule.forService({ audience: 'risk-assessment', publicKey: TEST_AUTH_KEYS.publicKey }),
      ProtocolsModule,
    ],
  })
  class TestProtocolsModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestProtocolsModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    dataSource: app.get(DataSource),
    async call(principal, method, path, body) {
      const headers: Record<string, string> = {};
      if (principal) headers.authorization = bearerFor(principal, 'risk-assessment');
      const init: RequestInit = { method, headers };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async close() {
      await app.close();
    },
  };
}
