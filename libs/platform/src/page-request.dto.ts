import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { says } from './field-validators';

export const MAX_PAGE_SIZE = 100;
const MAX_OFFSET = 100_000;
const between = (min: number, max: number) => `moet een geheel getal van ${min} tot ${max} zijn.`;

/** `?limit&offset` of a list route: 1–100 (50 unless told) from 0; Dutch field errors. Extend it for filters. */
export class PageRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(between(1, MAX_PAGE_SIZE)) })
  @Min(1, { message: says(between(1, MAX_PAGE_SIZE)) })
  @Max(MAX_PAGE_SIZE, { message: says(between(1, MAX_PAGE_SIZE)) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(between(0, MAX_OFFSET)) })
  @Min(0, { message: says(between(0, MAX_OFFSET)) })
  @Max(MAX_OFFSET, { message: says(between(0, MAX_OFFSET)) })
  offset?: number;
}
