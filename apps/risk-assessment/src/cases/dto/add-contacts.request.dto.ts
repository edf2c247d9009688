import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '@meldpunt/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MESSAGES } from '../cases.messages';
import { CONTACT_TYPES, type ContactType } from '../domain/case-types';
import { IsCalendarDate, IsNotBlank, says } from './validators';

export const MAX_ADDED_CONTACTS = 500;

export class NewContactDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Pseudonymous roster ref (required for pupil and staff; left out for external: an id is made)',
  })
  @ValidateIf((dto: NewContactDto) => dto.kind !== 'external' || dto.ref !== undefined)
  @IsUUID('all', { message: says(MESSAGES.field.uuid) })
  ref?: string;

  @ApiProperty({ enum: CONTACT_KINDS })
  @IsIn(CONTACT_KINDS, { message: says(MESSAGES.field.oneOf(CONTACT_KINDS)) })
  kind!: ContactKind;

  @ApiPropertyOptional({ enum: CONTACT_TYPES, description: "Default: from the exposure's kind" })
  @IsOptional()
  @IsIn(CONTACT_TYPES, { message: says(MESSAGES.field.oneOf(CONTACT_TYPES)) })
  type?: ContactType;

  @ApiPropertyOptional({ format: 'date', description: "Default: the exposure's last-contact date" })
  @IsOptional()
  @IsCalendarDate()
  lastContactDate?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'gezinslid 1', description: 'Never a name' })
  @IsOptional()
  @IsString({ message: says(MESSAGES.field.text(1, 100)) })
  @MaxLength(100, { message: says(MESSAGES.field.text(1, 100)) })
  @IsNotBlank()
  label?: string;
}

export class AddContactsRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The exposure (`exposures[].id`) the contacts were in' })
  @IsUUID('all', { message: says(MESSAGES.field.uuid) })
  exposureId!: string;

  @ApiProperty({ type: [NewContactDto] })
  @IsArray({ message: says(MESSAGES.field.list(1, MAX_ADDED_CONTACTS)) })
  @ArrayMinSize(1, { message: says(MESSAGES.field.list(1, MAX_ADDED_CONTACTS)) })
  @ArrayMaxSize(MAX_ADDED_CONTACTS, { message: says(MESSAGES.field.list(1, MAX_ADDED_CONTACTS)) })
  @ValidateNested({ each: true })
  @Type(() => NewContactDto)
  contacts!: NewContactDto[];
}
