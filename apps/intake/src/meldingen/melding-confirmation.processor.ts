import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { ServiceConfig } from '@meldpunt/config';
import { MELDING_CONFIRMATION_QUEUE, type MeldingConfirmationJob } from './melding-confirmation.queue';
import { MeldingenConfig } from './meldingen.config';
import {
  SendMeldingConfirmationUseCase,
  type ConfirmationResult,
} from './use-cases/send-melding-confirmation.use-case';

const jobSchema = z.object({ meldingId: z.uuid() });

/** BullMQ worker of the `melding-confirmation` queue: validates the job, calls the use-case. */
@Injectable()
export class MeldingConfirmationProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MeldingConfirmationProcessor');
  private worker: Worker<MeldingConfirmationJob, ConfirmationResult> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly serviceConfig: ServiceConfig,
    private readonly config: MeldingenConfig,
    private readonly sendConfirmation: SendMeldingConfirmationUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.serviceConfig.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: `${this.serviceConfig.service}-melding-confirmation-worker`,
    });
    this.connection.on('error', () => undefined);
    this.worker = new Worker<MeldingConfirmationJob, ConfirmationResult>(
      MELDING_CONFIRMATION_QUEUE,
      (job) => this.process(job),
      { connection: this.connection, prefix: this.config.queuePrefix, concurrency: 5 },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`confirmation job ${job?.id ?? '?'} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.warn(`confirmation worker: ${error.message}`));
  }

  async process(job: Job<MeldingConfirmationJob>): Promise<ConfirmationResult> {
    const parsed = jobSchema.safeParse(job.data);
    if (!parsed.success)
      throw new Error(`invalid melding-confirmation job ${job.id ?? '?'}: ${parsed.error.message}`);
    return this.sendConfirmation.execute(parsed.data.meldingId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
