import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { MESSAGES } from '../cases.messages';
import { RISK_LEVELS, type RiskLevel } from '../domain/case-types';
import { IsNotBlank, says } from './validators';

export const MAX_SELECTED_CONTACTS = 2_000;

/** Bulk change of selected contacts: override their risk (with a reason), drop overrides, record vaccination. */
export class ReclassifyContactsRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Contact ids (`contacts[].id`)' })
  @IsArray({ message: says(MESSAGES.field.uuidList(MAX_SELECTED_CONTACTS)) })
  @ArrayMinSize(1, { message: says(MESSAGES.field.uuidList(MAX_SELECTED_CONTACTS)) })
  @ArrayMaxSize(MAX_SELECTED_CONTACTS, { message: says(MESSAGES.field.uuidList(MAX_SELECTED_CONTACTS)) })
  @ArrayUnique({ message: says(MESSAGES.field.uuidList(MAX_SELECTED_CONTACTS)) })
  @IsUUID('all', { each: true, message: says(MESSAGES.field.uuidList(MAX_SELECTED_CONTACTS)) })
  contactIds!: string[];

  @ApiPropertyOptional({ enum: RISK_LEVELS, description: 'Override the proposed risk; needs a reason' })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: says(MESSAGES.field.oneOf(RISK_LEVELS)) })
  risk?: RiskLevel;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why (mandatory with risk); kept on the case' })
  @IsOptional()
  @IsString({ message: says(MESSAGES.field.text(1, 500)) })
  @MaxLength(500, { message: says(MESSAGES.field.text(1, 500)) })
  @IsNotBlank()
  reason?: string;

  @ApiPropertyOptional({ description: 'true: back to the proposal (drops the override)' })
  @IsOptional()
  @IsBoolean({ message: says(MESSAGES.field.boolean) })
  clearOverride?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Vaccinated/immune (null: unknown); the protocol proposes again',
  })
  @ValidateIf((dto: ReclassifyContactsRequestDto) => dto.vaccinated !== undefined && dto.vaccinated !== null)
  @IsBoolean({ message: says(MESSAGES.field.booleanOrNull) })
  vaccinated?: boolean | null;
}
