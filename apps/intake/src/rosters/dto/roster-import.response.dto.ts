import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROSTER_IMPORT_STATUSES, type RosterImport, type RosterImportStatus } from '../roster-import.entity';

export class RosterImportAcceptedResponseDto {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ example: '/v1/roster-imports/6f1c…', description: 'Poll it for status and report.' })
  statusUrl!: string;

  static of(importId: string): RosterImportAcceptedResponseDto {
    return Object.assign(new RosterImportAcceptedResponseDto(), {
      importId,
      statusUrl: `/v1/roster-imports/${importId}`,
    });
  }
}

export class RosterImportCountsDto {
  @ApiProperty({ description: 'Pupils new to the school.' })
  created!: number;

  @ApiProperty({ description: 'Pupils whose data, class, living group or guardians changed.' })
  updated!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty({ description: 'Pupils missing from the file: marked gone, never deleted.' })
  gone!: number;
}

export class RosterImportErrorDto {
  @ApiProperty({ description: 'CSV: line in the file (header = 1). JSON: position of the pupil (from 1).' })
  line!: number;

  @ApiProperty({ example: 'ouder1_gsm', description: 'CSV column header, or JSON path.' })
  field!: string;

  @ApiProperty({ example: 'Ongeldig gsm-nummer: gebruik bv. 0470 12 34 56 of +32 470 12 34 56.' })
  reason!: string;
}

export class RosterImportResponseDto {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ format: 'uuid' })
  schoolId!: string;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty({ enum: ['csv', 'json'] })
  format!: string;

  @ApiProperty({ enum: ROSTER_IMPORT_STATUSES })
  status!: RosterImportStatus;

  @ApiProperty({ description: 'Rows in the file (an estimate while validating a CSV).' })
  total!: number;

  @ApiProperty({ description: 'Rows validated so far.' })
  processed!: number;

  @ApiProperty({ type: RosterImportCountsDto })
  counts!: RosterImportCountsDto;

  @ApiProperty({ type: [RosterImportErrorDto], description: 'Why the import was rejected (first 1000).' })
  errors!: RosterImportErrorDto[];

  @ApiProperty({ description: 'All errors, also beyond the first 1000.' })
  errorCount!: number;

  @ApiProperty({ type: [String], description: 'CSV columns that were not used.' })
  ignoredColumns!: string[];

  @ApiPropertyOptional({ nullable: true })
  failureReason!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true })
  finishedAt!: string | null;

  static of(row: RosterImport): RosterImportResponseDto {
    return Object.assign(new RosterImportResponseDto(), {
      importId: row.id,
      schoolId: row.schoolId,
      schoolYear: row.schoolYear,
      format: row.format,
      status: row.status,
      total: row.total,
      processed: row.processed,
      counts: {
        created: row.createdCount,
        updated: row.updatedCount,
        unchanged: row.unchangedCount,
        gone: row.goneCount,
      },
      errors: row.errors.map((error) => ({ line: error.line, field: error.field, reason: error.reason })),
      errorCount: row.errorCount,
      ignoredColumns: row.ignoredColumns,
      failureReason: row.status === 'failed' ? row.failureReason : null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    });
  }
}

export class RosterImportListResponseDto {
  @ApiProperty({ type: [RosterImportResponseDto] })
  items!: RosterImportResponseDto[];
}
