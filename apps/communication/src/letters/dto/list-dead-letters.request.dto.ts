import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { says } from '@meldpunt/platform';
import { FIELD_MESSAGES } from '../letters.messages';

export const DEAD_LETTER_FILTERS = ['open', 'retried', 'resolved', 'all'] as const;
export type DeadLetterFilter = (typeof DEAD_LETTER_FILTERS)[number];
export const MAX_DEAD_LETTER_PAGE = 500;

export class ListDeadLettersRequestDto {
  @ApiPropertyOptional({ enum: DEAD_LETTER_FILTERS, default: 'open' })
  @IsOptional()
  @IsIn(DEAD_LETTER_FILTERS, { message: says(FIELD_MESSAGES.oneOf(DEAD_LETTER_FILTERS)) })
  status?: DeadLetterFilter;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DEAD_LETTER_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(FIELD_MESSAGES.integer(1, MAX_DEAD_LETTER_PAGE)) })
  @Min(1, { message: says(FIELD_MESSAGES.integer(1, MAX_DEAD_LETTER_PAGE)) })
  @Max(MAX_DEAD_LETTER_PAGE, { message: says(FIELD_MESSAGES.integer(1, MAX_DEAD_LETTER_PAGE)) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(FIELD_MESSAGES.integer(0, 100_000)) })
  @Min(0, { message: says(FIELD_MESSAGES.integer(0, 100_000)) })
  @Max(100_000, { message: says(FIELD_MESSAGES.integer(0, 100_000)) })
  offset?: number;
}
