import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISEASES, type Disease } from '@meldpunt/contracts';
import { PROTOCOL_AUDIT_ACTIONS, type ProtocolAuditAction } from '../protocol-audit-entry.entity';
import type { ProtocolAuditRow, ProtocolVersionRow } from '../protocol.repository';
import type { ProtocolSummary } from '../use-cases/list-protocols.use-case';
import type { ProtocolVersions } from '../use-cases/get-protocol-versions.use-case';

const SOURCES = ['database', 'example'] as const;

export class ProtocolSummaryResponseDto {
  @ApiProperty({ enum: DISEASES })
  protocolId!: Disease;

  @ApiProperty({ example: 'Mazelen' })
  title!: string;

  @ApiProperty({ description: 'Version in force today (Europe/Brussels)' })
  currentVersion!: number;

  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;

  @ApiProperty({ description: 'The version in force is a shipped example a CLB doctor must validate' })
  example!: boolean;

  @ApiProperty({ type: String, nullable: true })
  warning!: string | null;

  @ApiProperty({ enum: SOURCES })
  source!: 'database' | 'example';

  @ApiProperty()
  versionCount!: number;

  @ApiProperty({ type: Number, nullable: true })
  latestVersion!: number | null;

  static of(summary: ProtocolSummary): ProtocolSummaryResponseDto {
    return Object.assign(new ProtocolSummaryResponseDto(), { ...summary });
  }
}

export class ProtocolListResponseDto {
  @ApiProperty({ type: [ProtocolSummaryResponseDto] })
  items!: ProtocolSummaryResponseDto[];

  static of(summaries: readonly ProtocolSummary[]): ProtocolListResponseDto {
    return Object.assign(new ProtocolListResponseDto(), {
      items: summaries.map((summary) => ProtocolSummaryResponseDto.of(summary)),
    });
  }
}

export class ProtocolVersionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DISEASES })
  protocolId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;

  @ApiProperty({ description: 'userId of the admin, or `system`' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  definition!: unknown;

  static of(row: ProtocolVersionRow): ProtocolVersionResponseDto {
    return Object.assign(new ProtocolVersionResponseDto(), {
      id: row.id,
      protocolId: row.protocolId,
      version: row.version,
      effectiveFrom: row.effectiveFrom,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      definition: row.definition,
    });
  }
}

export class CurrentVersionDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: SOURCES })
  source!: 'database' | 'example';
}

export class ProtocolVersionsResponseDto {
  @ApiProperty({ enum: DISEASES })
  protocolId!: Disease;

  @ApiProperty({ type: CurrentVersionDto })
  current!: CurrentVersionDto;

  @ApiProperty({ type: [ProtocolVersionResponseDto] })
  versions!: ProtocolVersionResponseDto[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The shipped example' })
  example!: unknown;

  static of(result: ProtocolVersions): ProtocolVersionsResponseDto {
    return Object.assign(new ProtocolVersionsResponseDto(), {
      protocolId: result.protocolId,
      current: Object.assign(new CurrentVersionDto(), result.current),
      versions: result.versions.map((row) => ProtocolVersionResponseDto.of(row)),
      example: result.example,
    });
  }
}

export class ProtocolChangeDto {
  @ApiProperty({ example: 'rules[0].measures[0].days' })
  path!: string;

  @ApiPropertyOptional({ description: 'JSON value before (absent: the field did not exist)' })
  before?: unknown;

  @ApiPropertyOptional({ description: 'JSON value after (absent: the field was removed)' })
  after?: unknown;
}

export class ProtocolAuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DISEASES })
  protocolId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: PROTOCOL_AUDIT_ACTIONS })
  action!: ProtocolAuditAction;

  @ApiProperty({ description: 'userId of the admin, or `system`' })
  actor!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: [ProtocolChangeDto] })
  changes!: ProtocolChangeDto[];

  static of(row: ProtocolAuditRow): ProtocolAuditEntryResponseDto {
    return Object.assign(new ProtocolAuditEntryResponseDto(), {
      id: row.id,
      protocolId: row.protocolId,
      version: row.version,
      action: row.action,
      actor: row.actor,
      at: row.at.toISOString(),
      reason: row.reason,
      changes: row.changes.map((change) => Object.assign(new ProtocolChangeDto(), change)),
    });
  }
}

export class ProtocolAuditResponseDto {
  @ApiProperty({ type: [ProtocolAuditEntryResponseDto] })
  items!: ProtocolAuditEntryResponseDto[];

  static of(rows: readonly ProtocolAuditRow[]): ProtocolAuditResponseDto {
    return Object.assign(new ProtocolAuditResponseDto(), {
      items: rows.map((row) => ProtocolAuditEntryResponseDto.of(row)),
    });
  }
}
