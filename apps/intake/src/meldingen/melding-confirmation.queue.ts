import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ServiceConfig } from '@meldpunt/config';
import { MeldingenConfig } from './meldingen.config';

export const MELDING_CONFIRMATION_QUEUE = 'melding-confirmation';

/**
 * Deterministic job id: queuing the same melding twice adds one job. (BullMQ refuses `:` in custom ids, hence
 * `melding-confirmation-<id>` rather than `melding-confirmation:<id>`.)
 */
export function confirmationJobId(meldingId: string): string {
  return `${MELDING_CONFIRMATION_QUEUE}-${meldingId}`;
}

export interface MeldingConfirmationJob {
  readonly meldingId: string;
}

const ENQUEUE_TIMEOUT_MS = 2_000;

/** Queues the confirmation e-mail of a melding (after its transaction committed). */
@Injectable()
export class MeldingConfirmationQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('MeldingConfirmationQueue');
  private readonly connection: Redis;
  readonly queue: Queue<MeldingConfirmationJob>;

  constructor(serviceConfig: ServiceConfig, config: MeldingenConfig) {
    // Fail fast when Redis is down: the melding is kept already, the sweeper queues its confirmation later.
    this.connection = new Redis(serviceConfig.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectionName: `${serviceConfig.service}-melding-confirmation-queue`,
    });
    this.connection.on('error', () => undefined);
    this.queue = new Queue<MeldingConfirmationJob>(MELDING_CONFIRMATION_QUEUE, {
      connection: this.connection,
      prefix: config.queuePrefix,
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue(meldingId: string): Promise<void> {
    await this.queue.add(
      'send',
      { meldingId },
      {
        jobId: confirmationJobId(meldingId),
        attempts: 8,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    );
  }

  /** enqueue(), but never throws and never holds the caller up for more than two seconds. */
  async enqueueQuietly(meldingId: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.enqueue(meldingId),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
      return true;
    } catch (error) {
      this.logger.warn(
        `confirmation of melding ${meldingId} not queued (the sweeper retries): ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
