import { randomBytes } from 'node:crypto';
import { Global, type INestApplication, Module, type Provider } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceAuthModule } from '@meldpunt/auth';
import { loadServiceConfig, ServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { MessagingModule, OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import { configureHttp, RedisClient } from '@meldpunt/platform';
import { TEST_AUTH_KEYS } from '@meldpunt/testing';
import { CredentialsConfig } from '../../credentials/credentials.config';
import { ENTITIES } from '../../entities';
import { MeldingenConfig } from '../meldingen.config';
import { MeldingenModule } from '../meldingen.module';

export interface MeldingenTestAppOptions {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly smtpUrl: string;
  readonly queuePrefix: string;
  readonly kafkaGroupPrefix: string;
  /** true: MessagingModule (producer, relay to the real broker); false: an outbox writer and an idle relay. */
  readonly relay: boolean;
  readonly credentialsKey?: Buffer;
}

/**
 * Intake's meldingen feature in a Nest testing app on real infrastructure, wired as PlatformModule and
 * bootstrapService wire it: TypeORM, console-token guard, messaging, Redis, the global ValidationPipe, body
 * limits and raw bodies. Listens on a random port.
 */
export async function startMeldingenTestApp(options: MeldingenTestAppOptions): Promise<INestApplication> {
  const serviceConfig = loadServiceConfig('intake', 3001, {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    KAFKA_GROUP_PREFIX: options.kafkaGroupPrefix,
    OUTBOX_POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'error',
  });
  // Without MessagingModule (Kafka down at boot would stop it): the outbox still fills, nothing relays it.
  const outboxProviders: Provider[] = options.relay
    ? []
    : [
        { provide: OutboxWriter, useValue: new OutboxWriter(CONTRACTS) },
        { provide: OutboxRelay, useValue: { poke: () => undefined } },
      ];

  @Global()
  @Module({
    providers: [{ provide: ServiceConfig, useValue: serviceConfig }, RedisClient, ...outboxProviders],
    exports: [ServiceConfig, RedisClient, ...(options.relay ? [] : [OutboxWriter, OutboxRelay])],
  })
  class TestPlatformModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      TestPlatformModule,
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: options.databaseUrl,
        entities: ENTITIES,
        synchronize: false,
        retryAttempts: 0,
        extra: { connectionTimeoutMillis: 2_000 },
      }),
      ServiceAuthModule.forService({ audience: 'intake', publicKey: TEST_AUTH_KEYS.publicKey }),
      ...(options.relay ? [MessagingModule.forRoot({ config: serviceConfig, registry: CONTRACTS })] : []),
      MeldingenModule,
    ],
  })
    .overrideProvider(MeldingenConfig)
    .useValue(
      new MeldingenConfig({
        smtpUrl: options.smtpUrl,
        mailFrom: 'Meldpunt test <test@meldpunt.local>',
        queuePrefix: options.queuePrefix,
        confirmationSweepIntervalMs: 0,
        kafkaCheckCacheMs: { up: 5_000, down: 500 },
        kafkaCheckTimeoutMs: 1_000,
      }),
    )
    .overrideProvider(CredentialsConfig)
    .useValue(new CredentialsConfig(options.credentialsKey ?? randomBytes(32)))
    .compile();

  const app = moduleRef.createNestApplication<NestExpressApplication>({ rawBody: true, logger: ['error'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** http://127.0.0.1:<port> of a listening app. */
export function baseUrlOf(app: INestApplication): string {
  const address = (app.getHttpServer() as { address(): unknown }).address();
  if (typeof address !== 'object' || address === null || !('port' in address))
    throw new Error('the app is not listening');
  return `http://127.0.0.1:${String(address.port)}`;
}
