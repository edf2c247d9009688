import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from './clock';
import { LetterMessageRepository } from './letter-message.repository';
import { LetterQueues } from './letter-queues';
import { LettersConfig } from './letters.config';

const BATCH = 1_000;

/**
 * Queues again letters left `queued` (Redis was down when their decision committed, or a restart came between).
 * Safe to run anywhere and often: job ids are deterministic (a job still waiting or retrying is left alone) and
 * the use-case sends a letter only while its row is `queued`.
 */
@Injectable()
export class LetterSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LetterSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: LettersConfig,
    private readonly messages: LetterMessageRepository,
    private readonly queues: LetterQueues,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = null));
    }, this.config.sweepIntervalMs);
    this.timer.unref();
  }

  /** Queues letters that have been `queued` longer than the grace period; returns how many were handed over. */
  async sweep(): Promise<number> {
    const stale = await this.messages.findStaleQueued(
      new Date(this.clock.now().getTime() - this.config.sweepGraceMs),
      BATCH,
    );
    if (stale.length === 0) return 0;
    const queued = await this.queues.enqueueQuietly(stale);
    if (queued) this.logger.log(`handed ${stale.length} queued letter(s) to the queues again`);
    return queued ? stale.length : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
