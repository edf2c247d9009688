import { Logger } from '@nestjs/common';
import { ServiceUnavailableError } from './meldingen.errors';

export type KafkaProbe = () => Promise<void>;

/**
 * Whether Kafka can take events now, from a short health probe whose answer is reused for a few seconds (every
 * melding does not open a connection). A melding is refused with 503 rather than accepted when the broker is
 * known to be down: the outbox would keep it, but nobody downstream would hear of it until the broker is back.
 */
export class KafkaAvailability {
  private readonly logger = new Logger('KafkaAvailability');
  private cached: { readonly up: boolean; readonly until: number } | null = null;
  private inFlight: Promise<boolean> | null = null;

  constructor(
    private readonly probe: KafkaProbe,
    private readonly cacheMs: { readonly up: number; readonly down: number },
    private readonly now: () => number = Date.now,
  ) {}

  async isUp(): Promise<boolean> {
    if (this.cached && this.cached.until > this.now()) return this.cached.up;
    this.inFlight ??= this.check().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Throws ServiceUnavailableError('kafka') when the broker does not answer. */
  async assertUp(): Promise<void> {
    if (!(await this.isUp())) throw new ServiceUnavailableError('kafka', 30);
  }

  private async check(): Promise<boolean> {
    let up = true;
    try {
      await this.probe();
    } catch (error) {
      up = false;
      this.logger.warn(`Kafka is not answering: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.cached = { up, until: this.now() + (up ? this.cacheMs.up : this.cacheMs.down) };
    return up;
  }
}
