import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITIES, type Activity } from '@meldpunt/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGES } from '../cases.messages';
import { MANUAL_EXPOSURE_KINDS, type ManualExposureKind } from '../domain/case-types';
import { IsCalendarDate, IsNotBlank, says } from './validators';

export class AddExposureRequestDto {
  @ApiProperty({ enum: MANUAL_EXPOSURE_KINDS })
  @IsIn(MANUAL_EXPOSURE_KINDS, { message: says(MESSAGES.field.oneOf(MANUAL_EXPOSURE_KINDS)) })
  kind!: ManualExposureKind;

  @ApiPropertyOptional({ enum: ACTIVITIES, description: 'Required for kind activity' })
  @IsOptional()
  @IsIn(ACTIVITIES, { message: says(MESSAGES.field.oneOf(ACTIVITIES)) })
  activity?: Activity;

  @ApiPropertyOptional({ maxLength: 100, example: 'Uitstap Gent', description: 'Never a name' })
  @IsOptional()
  @IsString({ message: says(MESSAGES.field.text(1, 100)) })
  @MaxLength(100, { message: says(MESSAGES.field.text(1, 100)) })
  @IsNotBlank()
  label?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  lastContactDate!: string;
}
