import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { GROUP_KINDS, type GroupKind } from '@meldpunt/contracts';
import { ROSTER_MESSAGES } from '../rosters.messages';

const F = ROSTER_MESSAGES.field;

export class ListPupilsQueryDto {
  @ApiPropertyOptional({ description: 'Part of a first name, last name or pupil number (accents ignored).' })
  @IsOptional()
  @IsString({ message: F.search })
  @MaxLength(100, { message: F.search })
  search?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this class (or group).' })
  @IsOptional()
  @IsUUID('all', { message: F.uuid })
  classId?: string;

  @ApiPropertyOptional({ enum: ['active', 'gone', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'gone', 'all'], { message: F.status })
  status?: 'active' | 'gone' | 'all';

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: F.limit })
  @Min(1, { message: F.limit })
  @Max(200, { message: F.limit })
  limit?: number;
}

export class ListGroupsQueryDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Default: the latest school year with groups.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/, { message: ROSTER_MESSAGES.schoolYear })
  schoolYear?: string;

  @ApiPropertyOptional({ enum: GROUP_KINDS })
  @IsOptional()
  @IsIn(GROUP_KINDS, { message: F.kind })
  kind?: GroupKind;
}

export class ListStaffQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'gone', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'gone', 'all'], { message: F.status })
  status?: 'active' | 'gone' | 'all';
}
