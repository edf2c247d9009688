import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ServiceConfig } from '@meldpunt/config';
import type { ContractRegistry } from '@meldpunt/contracts';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventProducer } from '../kafka/event-producer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MESSAGING_KAFKA, MESSAGING_SETUP } from './tokens';

export interface RunningConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Built by MessagingModule.forRoot (where the registry's type is known). */
export interface MessagingSetup {
  readonly registry: ContractRegistry;
  readonly hasConsumers: boolean;
  createConsumer(
    moduleRef: ModuleRef,
    dataSource: DataSource,
    kafka: Kafka,
    producer: EventProducer,
    config: ServiceConfig,
  ): RunningConsumer | null;
}

/** Boot: connect producer, ensure topics, start the relay and the consumers. Shutdown: the reverse. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumer: RunningConsumer | null = null;

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_SETUP) private readonly setup: MessagingSetup,
    @Inject(EventProducer) private readonly producer: EventProducer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Built first: a handler for a topic without a contract fails the boot before anything connects.
    this.consumer = this.setup.createConsumer(
      this.moduleRef,
      this.dataSource,
      this.kafka,
      this.producer,
      this.config,
    );
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const groups = this.setup.hasConsumers ? [this.config.consumerGroup] : [];
      const { created } = await ensureTopics(admin, this.setup.registry, groups);
      if (created.length > 0) this.logger.log(`created topics: ${created.join(', ')}`);
    } finally {
      await admin.disconnect();
    }
    this.relay.start();
    await this.consumer?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Consumers first (they publish retries through the producer), then the relay, then the producer.
    await this.consumer?.stop();
    await this.relay.stop();
    await this.producer.disconnect();
  }
}
