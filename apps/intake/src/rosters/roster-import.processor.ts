import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { ServiceConfig } from '@meldpunt/config';
import { RosterImportRepository } from './roster-import.repository';
import {
  ROSTER_IMPORT_ATTEMPTS,
  ROSTER_IMPORT_QUEUE,
  RosterQueueSettings,
  type RosterImportJob,
} from './roster-import.queue';
import { ProcessRosterImportUseCase, type ProcessOutcome } from './use-cases/process-roster-import.use-case';

const jobSchema = z.object({ importId: z.uuid() });

/** BullMQ worker of the `roster-import` queue: validates the job, calls the use-case, records a final failure. */
@Injectable()
export class RosterImportProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RosterImportProcessor');
  private worker: Worker<RosterImportJob, ProcessOutcome> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly config: ServiceConfig,
    private readonly settings: RosterQueueSettings,
    private readonly processImport: ProcessRosterImportUseCase,
    private readonly imports: RosterImportRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: `${this.config.service}-roster-import-worker`,
    });
    this.connection.on('error', () => undefined);
    this.worker = new Worker<RosterImportJob, ProcessOutcome>(
      ROSTER_IMPORT_QUEUE,
      (job) => this.process(job),
      {
        connection: this.connection,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        // A region-sized import holds its job for a while; keep the lock renewed well inside its duration.
        lockDuration: 120_000,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`roster-import worker: ${error.message}`));
  }

  async process(job: Job<RosterImportJob>): Promise<ProcessOutcome> {
    const parsed = jobSchema.safeParse(job.data);
    if (!parsed.success)
      throw new Error(`invalid roster-import job ${job.id ?? '?'}: ${parsed.error.message}`);
    const { importId } = parsed.data;
    try {
      return await this.processImport.execute(importId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retrying = job.attemptsMade + 1 < (job.opts.attempts ?? ROSTER_IMPORT_ATTEMPTS);
      this.logger.warn(`roster import ${importId} failed${retrying ? ' (will retry)' : ''}: ${message}`);
      await this.imports.markFailed(importId, message, retrying).catch(() => undefined);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
