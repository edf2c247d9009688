import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MELDING_STATUSES, type MeldingStatus } from '../melding-status';
import { MESSAGES } from '../meldingen.messages';
import { says } from './melding-validators';

export const MAX_PAGE_SIZE = 100;

export class ListMeldingenRequestDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: says(MESSAGES.field.uuid) })
  schoolId?: string;

  @ApiPropertyOptional({ enum: MELDING_STATUSES })
  @IsOptional()
  @IsIn(MELDING_STATUSES, { message: says(MESSAGES.field.oneOf(MELDING_STATUSES)) })
  status?: MeldingStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(MESSAGES.field.integer(1, MAX_PAGE_SIZE)) })
  @Min(1, { message: says(MESSAGES.field.integer(1, MAX_PAGE_SIZE)) })
  @Max(MAX_PAGE_SIZE, { message: says(MESSAGES.field.integer(1, MAX_PAGE_SIZE)) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(MESSAGES.field.integer(0, 100_000)) })
  @Min(0, { message: says(MESSAGES.field.integer(0, 100_000)) })
  @Max(100_000, { message: says(MESSAGES.field.integer(0, 100_000)) })
  offset?: number;
}
