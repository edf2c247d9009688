import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DISEASES, SCHOOL_LEVELS, type Disease, type SchoolLevel } from '@meldpunt/contracts';
import { IsNotBlank, says } from '@meldpunt/platform';
import { CAMPAIGN_FIELD_MESSAGES as FIELD } from '../campaigns.messages';

export class CampaignAudienceDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500 })
  @IsArray({ message: says(FIELD.schoolIds) })
  @ArrayMinSize(1, { message: says(FIELD.schoolIds) })
  @ArrayMaxSize(500, { message: says(FIELD.schoolIds) })
  @IsUUID('all', { each: true, message: says(FIELD.uuids) })
  schoolIds!: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these classes or groups' })
  @IsOptional()
  @IsArray({ message: says(FIELD.uuids) })
  @ArrayMaxSize(2000, { message: says(FIELD.groupIds) })
  @IsUUID('all', { each: true, message: says(FIELD.uuids) })
  groupIds?: string[];

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, isArray: true, description: 'Only groups of these levels' })
  @IsOptional()
  @IsArray({ message: says(FIELD.levels(SCHOOL_LEVELS)) })
  @ArrayMaxSize(SCHOOL_LEVELS.length * 2, { message: says(FIELD.levels(SCHOOL_LEVELS)) })
  @IsIn(SCHOOL_LEVELS, { each: true, message: says(FIELD.levels(SCHOOL_LEVELS)) })
  levels?: SchoolLevel[];
}

export class PreviewCampaignRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: says(FIELD.uuid) })
  clbId!: string;

  @ApiProperty({ enum: DISEASES })
  @IsIn(DISEASES, { message: says(FIELD.disease(DISEASES)) })
  disease!: Disease;

  @ApiProperty({ type: CampaignAudienceDto })
  @IsDefined({ message: says(FIELD.audience) })
  @IsObject({ message: says(FIELD.audience) })
  @ValidateNested()
  @Type(() => CampaignAudienceDto)
  audience!: CampaignAudienceDto;
}

export class CreateCampaignRequestDto extends PreviewCampaignRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Informatie over mazelen in de school' })
  @IsString({ message: says(FIELD.title) })
  @IsNotBlank(FIELD.title)
  @MaxLength(200, { message: says(FIELD.title) })
  title!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Client-generated id: sending the same request again returns the same campaign',
  })
  @IsOptional()
  @IsUUID('all', { message: says(FIELD.uuid) })
  id?: string;
}

export const MAX_CAMPAIGN_PAGE = 200;

export class ListCampaignsRequestDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: says(FIELD.uuid) })
  clbId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAMPAIGN_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(FIELD.integer(1, MAX_CAMPAIGN_PAGE)) })
  @Min(1, { message: says(FIELD.integer(1, MAX_CAMPAIGN_PAGE)) })
  @Max(MAX_CAMPAIGN_PAGE, { message: says(FIELD.integer(1, MAX_CAMPAIGN_PAGE)) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(FIELD.integer(0, 100_000)) })
  @Min(0, { message: says(FIELD.integer(0, 100_000)) })
  @Max(100_000, { message: says(FIELD.integer(0, 100_000)) })
  offset?: number;
}

export class AudiencesRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the caller's CLBs" })
  @IsOptional()
  @IsUUID('all', { message: says(FIELD.uuid) })
  clbId?: string;
}
