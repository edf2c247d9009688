import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from './clock';
import { MeldingConfirmationQueue } from './melding-confirmation.queue';
import { MeldingRepository } from './melding.repository';
import { MeldingenConfig } from './meldingen.config';

const GRACE_MS = 60_000;
const LOOK_BACK_MS = 7 * 24 * 3600_000;

/**
 * Queues again the confirmations of meldingen that were accepted while Redis was unreachable (the request does
 * not fail for that). Safe to run anywhere and often: the job id is deterministic and the use-case sends once.
 */
@Injectable()
export class MeldingConfirmationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MeldingConfirmationSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: MeldingenConfig,
    private readonly meldingen: MeldingRepository,
    private readonly queue: MeldingConfirmationQueue,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.confirmationSweepIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = null));
    }, this.config.confirmationSweepIntervalMs);
    this.timer.unref();
  }

  /** Queues unconfirmed meldingen older than a minute (younger ones are still being queued by their request). */
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const ids = await this.meldingen.findUnconfirmedIds(
      new Date(now - LOOK_BACK_MS),
      new Date(now - GRACE_MS),
      500,
    );
    let queued = 0;
    for (const id of ids) if (await this.queue.enqueueQuietly(id)) queued += 1;
    if (queued > 0) this.logger.log(`queued ${queued} missed confirmation(s)`);
    return queued;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
