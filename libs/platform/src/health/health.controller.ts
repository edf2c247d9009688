import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '@meldpunt/auth';
import { KafkaHealthIndicator } from '@meldpunt/messaging';
import { RedisHealthIndicator } from '../redis/redis.health';

const CHECK_TIMEOUT_MS = 1_500;

/** 200 when the service's database, Redis and Kafka all answer; 503 with the failing parts otherwise. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Health of this service and of its database, Redis and Kafka' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () => this.redis.isHealthy('redis', CHECK_TIMEOUT_MS),
      () => this.kafka.isHealthy('kafka', CHECK_TIMEOUT_MS),
    ]);
  }
}
