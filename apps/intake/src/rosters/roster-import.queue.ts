import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ServiceConfig } from '@meldpunt/config';

export const ROSTER_IMPORT_QUEUE = 'roster-import';
/** Attempts per import job: a technical failure (database gone) is retried; row errors are not failures. */
export const ROSTER_IMPORT_ATTEMPTS = 3;

/**
 * Deterministic job id: queuing the same import twice adds one job. (BullMQ refuses `:` in custom ids, hence
 * `roster-import-<id>` rather than `roster-import:<id>`.)
 */
export function rosterImportJobId(importId: string): string {
  return `${ROSTER_IMPORT_QUEUE}-${importId}`;
}

/** The job carries ids only: the upload waits in Postgres. */
export interface RosterImportJob {
  readonly importId: string;
}

/** Settings of the roster-import queue (tests use their own prefix). */
export class RosterQueueSettings {
  constructor(
    /** BullMQ key prefix. */
    readonly prefix = 'bull',
    /**
     * Imports processed at the same time by one intake process (each is one transaction and one connection):
     * 4 keeps both the Node thread and Postgres busy while the other waits (see the bench in README).
     */
    readonly concurrency = 4,
  ) {}
}

/** Queues roster imports for the RosterImportProcessor. */
@Injectable()
export class RosterImportQueue implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue<RosterImportJob>;

  constructor(config: ServiceConfig, settings: RosterQueueSettings) {
    this.connection = new Redis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectionName: `${config.service}-roster-import-queue`,
    });
    this.connection.on('error', () => undefined);
    this.queue = new Queue<RosterImportJob>(ROSTER_IMPORT_QUEUE, {
      connection: this.connection,
      prefix: settings.prefix,
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue(importId: string): Promise<void> {
    await this.queue.add(
      'process',
      { importId },
      {
        jobId: rosterImportJobId(importId),
        attempts: ROSTER_IMPORT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 10_000 },
        removeOnComplete: { age: 24 * 3600, count: 1_000 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
