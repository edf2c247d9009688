import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadServiceConfig } from '@meldpunt/config';
import type { ContractRegistry } from '@meldpunt/contracts';
import { TEST_AUTH_KEYS, TestHarness, waitFor } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import type { HandlerMap } from '../consumer/event-consumer';
import { createEnvelope } from '../envelope/create-envelope';
import { MESSAGING_ENTITIES } from '../entities';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { fixtureRegistry } from '../test-fixtures/fixture-contracts';
import { effectCounts, openFixtureDatabase, recordEffect } from '../test-fixtures/fixture-database';
import type { EventHandlers } from './event-handlers';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { MessagingModule } from './messaging.module';

let topic = '';

@Injectable()
class ItemHandlers implements EventHandlers<ContractRegistry> {
  eventHandlers(): HandlerMap<ContractRegistry> {
    return { [topic]: (event, { manager }) => recordEffect(manager, event) };
  }
}

describe('MessagingModule (Nest wiring, real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: false });
  });

  afterAll(async () => {
    await app?.close();
    await harness?.cleanup();
  });

  it('boots: creates topics, relays the outbox, runs EventHandlers providers, reports health, shuts down', async () => {
    const databaseUrl = await harness.createTestDatabase('nest');
    const prepared = await openFixtureDatabase(databaseUrl, 'nest-int-spec-setup', true);
    await prepared.destroy();
    topic = harness.uniqueTopic('test.item.wired.v1');
    const registry = fixtureRegistry(topic, 2);
    const prefix = `${harness.uniqueGroup('nest')}.`;
    const config = loadServiceConfig('wired', 3999, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: harness.env.redisUrl,
      KAFKA_BROKERS: harness.env.kafkaBrokers.join(','),
      AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
      KAFKA_GROUP_PREFIX: prefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });

    @Module({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: MESSAGING_ENTITIES,
          synchronize: false,
        }),
        MessagingModule.forRoot({ config, registry, consumers: [ItemHandlers] }),
      ],
      providers: [ItemHandlers],
    })
    class TestAppModule {}

    app = await NestFactory.createApplicationContext(TestAppModule, { logger: ['error'] });
    app.enableShutdownHooks();
    await app.init();

    const topics = await harness.withAdmin((admin) => admin.listTopics());
    expect(topics).toEqual(expect.arrayContaining([topic, `${prefix}wired.retry`, `${prefix}wired.dlq`]));

    const dataSource = app.get(DataSource);
    const event = createEnvelope(
      registry,
      topic,
      { itemId: randomUUID(), seq: 1 },
      { producer: 'wired', correlationId: 'c' },
    );
    await dataSource.transaction((manager) => app!.get(OutboxWriter).append(manager, [event]));
    app.get(OutboxRelay).poke();
    await waitFor(
      async () => ((await effectCounts(dataSource, [event.eventId])).rows === 1 ? true : undefined),
      {
        timeoutMs: 15_000,
        description: 'the handler provider to apply the event',
      },
    );
    const inbox: unknown = await dataSource.query('SELECT consumer FROM inbox WHERE event_id = $1', [
      event.eventId,
    ]);
    expect(inbox).toEqual([{ consumer: `${prefix}wired` }]);

    await expect(app.get(KafkaHealthIndicator).isHealthy()).resolves.toMatchObject({
      kafka: { status: 'up' },
    });

    const relay = app.get(OutboxRelay);
    await app.close();
    app = undefined;
    expect(relay.running).toBe(false);
  });

  it('reports Kafka down when the broker does not answer', async () => {
    const config = loadServiceConfig('unreachable', 3999, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
      REDIS_URL: harness.env.redisUrl,
      KAFKA_BROKERS: '127.0.0.1:1',
      AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    });
    const result = await new KafkaHealthIndicator(config, new HealthIndicatorService()).isHealthy(
      'kafka',
      1_000,
    );
    expect(result).toMatchObject({ kafka: { status: 'down' } });
  });
});
