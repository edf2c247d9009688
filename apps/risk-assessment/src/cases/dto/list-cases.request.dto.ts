import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MESSAGES } from '../cases.messages';
import { says } from './validators';

export const QUEUE_STATUSES = ['open', 'decided', 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const MAX_QUEUE_PAGE = 500;

export class ListCasesRequestDto {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, default: 'open', description: 'open = the queue' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES, { message: says(MESSAGES.field.oneOf(QUEUE_STATUSES)) })
  status?: QueueStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_QUEUE_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(MESSAGES.field.integer(1, MAX_QUEUE_PAGE)) })
  @Min(1, { message: says(MESSAGES.field.integer(1, MAX_QUEUE_PAGE)) })
  @Max(MAX_QUEUE_PAGE, { message: says(MESSAGES.field.integer(1, MAX_QUEUE_PAGE)) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(MESSAGES.field.integer(0, 100_000)) })
  @Min(0, { message: says(MESSAGES.field.integer(0, 100_000)) })
  @Max(100_000, { message: says(MESSAGES.field.integer(0, 100_000)) })
  offset?: number;
}
