import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, says } from '@meldpunt/platform';
import { REPORT_STATUSES, type ReportStatus } from '../delivery-report-rules';
import { DELIVERY_REPORT_MESSAGES as M } from '../delivery-reports.messages';

export const MAX_REPORTS = 1_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class DeliveryReportDto {
  @ApiProperty({ maxLength: 200, description: 'The id the provider answered when it accepted the message' })
  @IsString({ message: says(M.providerMessageId) })
  @IsNotBlank(M.providerMessageId)
  @MaxLength(200, { message: says(M.providerMessageId) })
  providerMessageId!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  @IsIn(REPORT_STATUSES, { message: says(M.status(REPORT_STATUSES)) })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T08:30:00Z', description: 'When, at the provider' })
  @IsString({ message: says(M.at) })
  @Matches(INSTANT, { message: says(M.at) })
  @IsISO8601({ strict: true }, { message: says(M.at) })
  at!: string;

  @ApiPropertyOptional({ maxLength: 500, example: '550 5.1.1 mailbox unavailable' })
  @IsOptional()
  @IsString({ message: says(M.reason) })
  @MaxLength(500, { message: says(M.reason) })
  reason?: string;
}

export class DeliveryReportsRequestDto {
  @ApiProperty({ type: [DeliveryReportDto], maxItems: MAX_REPORTS })
  @IsArray({ message: says(M.reports(MAX_REPORTS)) })
  @ArrayMinSize(1, { message: says(M.reports(MAX_REPORTS)) })
  @ArrayMaxSize(MAX_REPORTS, { message: says(M.reports(MAX_REPORTS)) })
  @ValidateNested({ each: true, message: says(M.report) })
  @Type(() => DeliveryReportDto)
  reports!: DeliveryReportDto[];
}

export class DeliveryReportsResponseDto {
  @ApiProperty({ description: 'Reports that changed a letter' })
  applied!: number;

  @ApiProperty({ description: 'Reports for a letter already in a final state, or older than what we know' })
  ignored!: number;

  @ApiProperty({ description: 'Reports for a provider message id we do not know' })
  unknown!: number;
}
