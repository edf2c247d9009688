import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ContactChannel } from '@meldpunt/contracts';
import { ServiceConfig } from '@meldpunt/config';
import { LettersConfig } from './letters.config';

/** One queue per channel (and so per provider), each with its own rate limiter. */
export const LETTER_QUEUES: Readonly<Record<ContactChannel, string>> = {
  email: 'letters-email',
  sms: 'letters-sms',
};

/**
 * BullMQ priorities on the shared channel queues (lower = sooner; one queue per channel keeps one provider rate
 * limit): staff pages first, then the letters of a doctor's decision (quarantine), then information campaigns, so
 * a campaign of thousands never holds an urgent letter back.
 */
export const LETTER_PRIORITIES = {
  staffPage: 1,
  decision: 2,
  campaign: 10,
} as const;

/** Job payloads carry ids only. */
export interface LetterJob {
  readonly messageId: string;
}

/** What the queue needs of a message row. */
export interface QueueableMessage {
  readonly id: string;
  readonly messageKey: string;
  readonly channel: ContactChannel;
  readonly retries: number;
  /** Set on a campaign's letter: queued behind decision letters. */
  readonly campaignId: string | null;
}

export function letterPriority(message: Pick<QueueableMessage, 'campaignId'>): number {
  return message.campaignId === null ? LETTER_PRIORITIES.decision : LETTER_PRIORITIES.campaign;
}

/** The message key, plus `-r<n>` after the n-th retry from the dead-letter list (a new job for a new round). */
export function letterJobId(message: Pick<QueueableMessage, 'messageKey' | 'retries'>): string {
  return message.retries === 0 ? message.messageKey : `${message.messageKey}-r${message.retries}`;
}

/** The BullMQ jobs of one channel's messages: id-only payload, deterministic id, priority, retries, retention. */
export function letterJobs(
  messages: readonly QueueableMessage[],
  channel: ContactChannel,
  config: Pick<LettersConfig, 'maxAttempts' | 'retryBaseMs'>,
) {
  return messages
    .filter((message) => message.channel === channel)
    .map((message) => ({
      name: 'send',
      data: { messageId: message.id } satisfies LetterJob,
      opts: {
        jobId: letterJobId(message),
        priority: letterPriority(message),
        attempts: config.maxAttempts,
        backoff: { type: 'exponential', delay: config.retryBaseMs },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }));
}

const ENQUEUE_TIMEOUT_MS = 2_000;

/** Adds letters to their channel's queue, after the transaction that stored them committed. */
@Injectable()
export class LetterQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('LetterQueues');
  private readonly connection: Redis;
  private readonly queues: Record<ContactChannel, Queue<LetterJob>>;

  constructor(
    serviceConfig: ServiceConfig,
    private readonly config: LettersConfig,
  ) {
    // Fail fast when Redis is down: the rows stay queued and the sweeper queues them later.
    this.connection = new Redis(serviceConfig.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectionName: `${serviceConfig.service}-letter-queues`,
    });
    this.connection.on('error', () => undefined);
    const queue = (name: string) => {
      const created = new Queue<LetterJob>(name, { connection: this.connection, prefix: config.queuePrefix });
      created.on('error', () => undefined);
      return created;
    };
    this.queues = { email: queue(LETTER_QUEUES.email), sms: queue(LETTER_QUEUES.sms) };
  }

  queue(channel: ContactChannel): Queue<LetterJob> {
    return this.queues[channel];
  }

  /** Adds the jobs (one addBulk per channel); a job id already present is left alone. */
  async enqueue(messages: readonly QueueableMessage[]): Promise<void> {
    for (const channel of ['email', 'sms'] as const) {
      const jobs = letterJobs(messages, channel, this.config);
      if (jobs.length > 0) await this.queues[channel].addBulk(jobs);
    }
  }

  /** Removes waiting jobs of these messages (a cancelled campaign); a job already running is left to finish. */
  async removeQuietly(messages: readonly QueueableMessage[]): Promise<void> {
    const CHUNK = 200;
    for (let start = 0; start < messages.length; start += CHUNK) {
      await Promise.all(
        messages
          .slice(start, start + CHUNK)
          .map((message) => this.queues[message.channel].remove(letterJobId(message)).catch(() => 0)),
      );
    }
  }

  /** enqueue(), but never throws and never holds the caller up for more than two seconds. */
  async enqueueQuietly(messages: readonly QueueableMessage[]): Promise<boolean> {
    if (messages.length === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.enqueue(messages),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
      return true;
    } catch (error) {
      this.logger.warn(
        `${messages.length} letter(s) not queued (the sweeper retries): ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => queue.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
