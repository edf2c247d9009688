import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ProviderWebhooksConfig } from './provider-webhooks.config';
import { ApplyDeliveryReportsUseCase } from './use-cases/apply-delivery-reports.use-case';

/**
 * Applies delivery reports that arrived before their letter's provider id was stored (every
 * `pendingSweepMs`, 5 s; 0 = never). Safe on every instance at once (SKIP LOCKED, idempotent rules).
 */
@Injectable()
export class PendingReportsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PendingReports');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: ProviderWebhooksConfig,
    private readonly reports: ApplyDeliveryReportsUseCase,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.pendingSweepMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.reports
        .applyPending()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = null));
    }, this.config.pendingSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
