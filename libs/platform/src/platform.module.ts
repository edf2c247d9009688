import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import { ServiceAuthModule } from '@meldpunt/auth';
import { ServiceConfig } from '@meldpunt/config';
import type { ContractRegistry } from '@meldpunt/contracts';
import { MessagingModule, type EventHandlers } from '@meldpunt/messaging';
import { HealthController } from './health/health.controller';
import { RedisClient } from './redis/redis-client';
import { RedisHealthIndicator } from './redis/redis.health';

export interface PlatformOptions {
  readonly config: ServiceConfig;
  /** Every TypeORM entity of the service (its own, plus MESSAGING_ENTITIES and any replica entities). */
  readonly entities: MixedList<Type>;
  readonly registry: ContractRegistry;
  /** Classes whose handlers consume Kafka events in this service's consumer group. */
  readonly consumers?: readonly Type<EventHandlers>[];
}

/**
 * What every Meldpunt service stands on: its validated config, its own Postgres database, Redis, Kafka with
 * outbox and inbox, GET /health checking all three, and every other route closed to callers without a console
 * token for this service (see @meldpunt/auth). Migrations are applied before Nest starts (see
 * bootstrapService), so the data source never synchronises.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const configProvider: Provider = { provide: ServiceConfig, useValue: options.config };
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.config.databaseUrl,
          entities: options.entities,
          synchronize: false,
          migrationsRun: false,
          poolSize: options.config.databasePoolSize,
          applicationName: options.config.service,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        ServiceAuthModule.forService({
          audience: options.config.service,
          publicKey: options.config.authPublicKey,
        }),
        TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }),
        MessagingModule.forRoot({
          config: options.config,
          registry: options.registry,
          consumers: options.consumers ?? [],
          consumerOptions: {
            maxAttempts: options.config.kafkaMaxAttempts,
            retryBackoffMs: options.config.kafkaRetryBackoffMs,
          },
        }),
      ],
      controllers: [HealthController],
      providers: [configProvider, RedisClient, RedisHealthIndicator],
      exports: [configProvider, RedisClient],
    };
  }
}
