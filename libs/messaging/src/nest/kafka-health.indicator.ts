import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ServiceConfig } from '@meldpunt/config';
import { describeClusterWithin } from '../kafka/cluster-check';
import { errorMessageOf } from '../support/errors';

/** Terminus indicator: up when the cluster answers `describeCluster` within the timeout. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'kafka', timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const cluster = await describeClusterWithin({
        brokers: this.config.kafkaBrokers,
        timeoutMs,
        clientId: `${this.config.service}-health`,
      });
      return indicator.up({ brokers: cluster.brokers });
    } catch (error) {
      return indicator.down({ message: errorMessageOf(error) });
    }
  }
}
