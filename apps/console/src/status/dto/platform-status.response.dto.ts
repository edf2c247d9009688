import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_IDS, type ServiceId } from '../platform-service';
import type {
  Availability,
  HealthChecks,
  PlatformStatus,
  ProbeFailure,
  ServiceStatus,
} from '../use-cases/get-platform-status.use-case';

const AVAILABILITY: Availability[] = ['up', 'down'];
const FAILURES: ProbeFailure[] = ['timeout', 'unreachable', 'unhealthy'];

export class ServiceStatusResponseDto {
  @ApiProperty({ enum: SERVICE_IDS, example: 'intake' })
  service!: ServiceId;

  @ApiProperty({ description: 'Base URL the console uses for the service', example: 'http://127.0.0.1:3001' })
  url!: string;

  @ApiProperty({ description: "The service's OpenAPI page", example: 'http://127.0.0.1:3001/docs' })
  docsUrl!: string;

  @ApiProperty({ enum: AVAILABILITY })
  status!: Availability;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'HTTP status of GET /health; null without answer',
  })
  httpStatus!: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The `details` of the service's terminus health response",
    example: { database: { status: 'up' } },
  })
  checks!: HealthChecks | null;

  @ApiProperty({ enum: FAILURES, nullable: true, description: 'Why the service is down; null when up' })
  failure!: ProbeFailure | null;

  @ApiProperty({ type: 'integer', example: 12 })
  latencyMs!: number;

  static from(status: ServiceStatus): ServiceStatusResponseDto {
    return Object.assign(new ServiceStatusResponseDto(), {
      service: status.service,
      url: status.url,
      docsUrl: status.docsUrl,
      status: status.status,
      httpStatus: status.httpStatus,
      checks: status.checks,
      failure: status.failure,
      latencyMs: status.latencyMs,
    });
  }
}

export class PlatformLinksResponseDto {
  @ApiProperty({ description: 'Web UI of the development mail catcher', example: 'http://127.0.0.1:1080' })
  mailUi!: string;

  @ApiProperty({ description: 'Web UI of the development SMS sink', example: 'http://127.0.0.1:1090' })
  smsSink!: string;
}

export class PlatformStatusResponseDto {
  @ApiProperty({ enum: AVAILABILITY, description: "'up' only when every service is up" })
  status!: Availability;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [ServiceStatusResponseDto] })
  services!: ServiceStatusResponseDto[];

  @ApiProperty({ type: PlatformLinksResponseDto })
  links!: PlatformLinksResponseDto;

  static from(status: PlatformStatus): PlatformStatusResponseDto {
    return Object.assign(new PlatformStatusResponseDto(), {
      status: status.status,
      checkedAt: status.checkedAt.toISOString(),
      services: status.services.map((service) => ServiceStatusResponseDto.from(service)),
      links: Object.assign(new PlatformLinksResponseDto(), status.links),
    });
  }
}
