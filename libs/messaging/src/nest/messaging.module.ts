import { Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ModuleRef } from '@nestjs/core';
import { ServiceConfig } from '@meldpunt/config';
import type { ContractRegistry } from '@meldpunt/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventConsumer, type EventConsumerOptions, type HandlerMap } from '../consumer/event-consumer';
import { EventProducer } from '../kafka/event-producer';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import type { EventHandlers } from './event-handlers';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { nestKafkaLogCreator } from './kafka-log-creator';
import { MessagingLifecycle, type MessagingSetup } from './messaging.lifecycle';
import { MESSAGING_KAFKA, MESSAGING_REGISTRY, MESSAGING_SETUP } from './tokens';

export interface MessagingModuleOptions<R extends ContractRegistry> {
  readonly registry: R;
  /** The service's config; injected by its `ServiceConfig` class token when absent. */
  readonly config?: ServiceConfig;
  /** Providers (of any module) implementing EventHandlers; all run in the service's one consumer group. */
  readonly consumers?: ReadonlyArray<Type<EventHandlers<R>>>;
  readonly consumerOptions?: Omit<EventConsumerOptions, 'logger'>;
  readonly relayOptions?: Omit<OutboxRelayOptions, 'pollIntervalMs' | 'logger'>;
}

function mergeHandlers<R extends ContractRegistry>(
  moduleRef: ModuleRef,
  classes: ReadonlyArray<Type<EventHandlers<R>>>,
): HandlerMap<R> {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const type of classes) {
    const instance = moduleRef.get(type, { strict: false });
    for (const [topic, handler] of Object.entries(instance.eventHandlers())) {
      if (handler === undefined) continue;
      const previous = owner.get(topic);
      if (previous) throw new Error(`Topic ${topic} has two handlers: ${previous} and ${type.name}`);
      owner.set(topic, type.name);
      merged[topic] = handler;
    }
  }
  return merged as HandlerMap<R>;
}

/**
 * Kafka producer, transactional outbox (writer + relay), consumers with inbox/retry/DLQ and a health indicator
 * for one service. Needs `ServiceConfig` (@meldpunt/config) and TypeORM's `DataSource` to be injectable
 * (global). Global, so feature modules inject OutboxWriter / OutboxRelay without importing it.
 */
@Module({})
export class MessagingModule {
  static forRoot<R extends ContractRegistry>(options: MessagingModuleOptions<R>): DynamicModule {
    const consumers = options.consumers ?? [];
    const setup: MessagingSetup = {
      registry: options.registry,
      hasConsumers: consumers.length > 0,
      createConsumer: (moduleRef, dataSource, kafka, producer, config) => {
        if (consumers.length === 0) return null;
        return new EventConsumer<R>(
          { kafka, dataSource, registry: options.registry, publisher: producer },
          {
            consumerGroup: config.consumerGroup,
            handlers: mergeHandlers(moduleRef, consumers),
            options: {
              partitionsConsumedConcurrently: config.kafkaPartitionConcurrency,
              ...options.consumerOptions,
              logger: new Logger(`EventConsumer:${config.consumerGroup}`),
            },
          },
        );
      },
    };
    const configProviders = options.config ? [{ provide: ServiceConfig, useValue: options.config }] : [];
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        ...configProviders,
        { provide: MESSAGING_REGISTRY, useValue: options.registry },
        { provide: MESSAGING_SETUP, useValue: setup },
        {
          provide: MESSAGING_KAFKA,
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) =>
            new Kafka({
              clientId: config.service,
              brokers: [...config.kafkaBrokers],
              logLevel: logLevel.WARN,
              logCreator: nestKafkaLogCreator,
            }),
        },
        {
          provide: EventProducer,
          inject: [MESSAGING_KAFKA],
          useFactory: (kafka: Kafka) => new EventProducer(kafka),
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.registry) },
        {
          provide: OutboxRelay,
          inject: [DataSource, EventProducer, ServiceConfig],
          useFactory: (dataSource: DataSource, producer: EventProducer, config: ServiceConfig) =>
            new OutboxRelay(dataSource, producer, {
              ...options.relayOptions,
              pollIntervalMs: config.outboxPollIntervalMs,
              logger: new Logger('OutboxRelay'),
            }),
        },
        MessagingLifecycle,
        KafkaHealthIndicator,
      ],
      exports: [
        MESSAGING_KAFKA,
        MESSAGING_REGISTRY,
        EventProducer,
        OutboxWriter,
        OutboxRelay,
        KafkaHealthIndicator,
      ],
    };
  }
}
