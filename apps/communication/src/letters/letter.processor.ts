import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { CONTACT_CHANNELS, type ContactChannel } from '@meldpunt/contracts';
import { ServiceConfig } from '@meldpunt/config';
import { ProviderRateLimitedError } from './channels/delivery-errors';
import { LETTER_QUEUES, type LetterJob } from './letter-queues';
import { LettersConfig } from './letters.config';
import { SendLetterUseCase, type SendResult } from './use-cases/send-letter.use-case';

const jobSchema = z.object({ messageId: z.uuid() });

/**
 * One BullMQ worker per channel queue, rate limited to the provider's limit: validates the job, calls the
 * use-case. A provider's 429 pauses that queue (worker.rateLimit) instead of using up an attempt.
 */
@Injectable()
export class LetterProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LetterProcessor');
  private readonly workers: Worker<LetterJob, SendResult>[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly serviceConfig: ServiceConfig,
    private readonly config: LettersConfig,
    private readonly sendLetter: SendLetterUseCase,
  ) {}

  onApplicationBootstrap(): void {
    for (const channel of CONTACT_CHANNELS) {
      const connection = new Redis(this.serviceConfig.redisUrl, {
        maxRetriesPerRequest: null,
        connectionName: `${this.serviceConfig.service}-letters-${channel}-worker`,
      });
      connection.on('error', () => undefined);
      const perSecond = channel === 'email' ? this.config.emailRatePerSecond : this.config.smsRatePerSecond;
      const worker: Worker<LetterJob, SendResult> = new Worker<LetterJob, SendResult>(
        LETTER_QUEUES[channel],
        (job) => this.process(channel, job, worker),
        {
          connection,
          prefix: this.config.queuePrefix,
          concurrency: this.config.concurrency,
          limiter: { max: perSecond, duration: 1_000 },
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(`${channel} letter job ${job?.id ?? '?'} attempt failed: ${error.message}`),
      );
      worker.on('error', (error) => this.logger.warn(`${channel} letter worker: ${error.message}`));
      this.connections.push(connection);
      this.workers.push(worker);
    }
  }

  async process(
    channel: ContactChannel,
    job: Job<LetterJob>,
    worker: Worker<LetterJob, SendResult>,
  ): Promise<SendResult> {
    const parsed = jobSchema.safeParse(job.data);
    if (!parsed.success)
      throw new Error(`invalid ${channel} letter job ${job.id ?? '?'}: ${parsed.error.message}`);
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.sendLetter.execute(parsed.data.messageId, { final });
    } catch (error) {
      if (error instanceof ProviderRateLimitedError) {
        this.logger.warn(`${channel} provider rate limit: queue paused for ${error.retryAfterMs} ms`);
        await worker.rateLimit(error.retryAfterMs);
        throw Worker.RateLimitError();
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    for (const connection of this.connections) connection.disconnect();
  }
}
