import { ApiProperty } from '@nestjs/swagger';
import {
  DISEASES,
  MELDING_CHANNELS,
  SUBJECT_KINDS,
  TEST_RESULTS,
  type Disease,
  type MeldingChannel,
  type SubjectKind,
  type TestResult,
} from '@meldpunt/contracts';
import { MELDING_STATUSES, type MeldingStatus } from '../melding-status';
import type { Melding } from '../melding.entity';

/** 202 (new melding) or 200 (merged into an existing one). */
export class MeldingAcceptedResponseDto {
  @ApiProperty({ example: 'M-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) meldingId!: string;
  @ApiProperty({ enum: MELDING_STATUSES, example: 'received' }) status!: MeldingStatus;
  @ApiProperty({ example: '/v1/meldingen/6f1c…' }) statusUrl!: string;
  @ApiProperty({ description: 'true: the same person, disease and onset was reported before' })
  merged!: boolean;
}

export class MeldingTestResponseDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: TEST_RESULTS }) result!: TestResult;
}

/** A melding as the school and the CLB see it in lists: no names, no contact details. */
export class MeldingResponseDto {
  @ApiProperty({ format: 'uuid' }) meldingId!: string;
  @ApiProperty({ example: 'M-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: MELDING_STATUSES }) status!: MeldingStatus;
  @ApiProperty() statusChangedAt!: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) subjectKind!: SubjectKind;
  @ApiProperty({ enum: DISEASES }) disease!: Disease;
  @ApiProperty({ format: 'date', nullable: true, type: String }) onsetDate!: string | null;
  @ApiProperty({ type: MeldingTestResponseDto, nullable: true }) test!: MeldingTestResponseDto | null;
  @ApiProperty({ format: 'date' }) lastDayPresent!: string;
  @ApiProperty({ enum: MELDING_CHANNELS }) channel!: MeldingChannel;
  @ApiProperty() createdAt!: string;

  static of(melding: Melding): MeldingResponseDto {
    return {
      meldingId: melding.id,
      reference: melding.reference,
      schoolId: melding.schoolId,
      status: melding.status,
      statusChangedAt: melding.statusChangedAt.toISOString(),
      subjectKind: melding.subjectKind,
      disease: melding.disease,
      onsetDate: melding.onsetDate,
      test:
        melding.testDate !== null && melding.testResult !== null
          ? { date: melding.testDate, result: melding.testResult }
          : null,
      lastDayPresent: melding.lastDayPresent,
      channel: melding.channel,
      createdAt: melding.createdAt.toISOString(),
    };
  }
}

export class MeldingListResponseDto {
  @ApiProperty({ type: [MeldingResponseDto] }) items!: MeldingResponseDto[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
