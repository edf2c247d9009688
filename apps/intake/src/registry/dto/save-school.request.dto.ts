import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { SCHOOL_LEVELS, type SchoolLevel } from '@meldpunt/contracts';
import { REGISTRY_MESSAGES } from '../registry.messages';
import { Trim } from './trim';

const M = REGISTRY_MESSAGES.field;

export class SchoolAddressDto {
  @ApiProperty({ example: 'Kerkstraat 12' })
  @Trim()
  @IsString({ message: M.street })
  @Length(1, 200, { message: M.street })
  street!: string;

  @ApiProperty({ example: '9000', pattern: '^\\d{4}$' })
  @Trim()
  @IsString({ message: M.postalCode })
  @Matches(/^\d{4}$/, { message: M.postalCode })
  postalCode!: string;

  @ApiProperty({ example: 'Gent' })
  @Trim()
  @IsString({ message: M.city })
  @Length(1, 100, { message: M.city })
  city!: string;
}

/** Body of POST /v1/schools and PUT /v1/schools/:schoolId. */
export class SaveSchoolRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The CLB whose area the school lies in.' })
  @IsUUID('all', { message: M.clbId })
  clbId!: string;

  @ApiProperty({ example: '123456', pattern: '^\\d{6}$' })
  @Trim()
  @IsString({ message: M.instellingsnummer })
  @Matches(/^\d{6}$/, { message: M.instellingsnummer })
  instellingsnummer!: string;

  @ApiProperty({ example: 'Basisschool De Regenboog' })
  @Trim()
  @IsString({ message: M.schoolName })
  @Length(1, 200, { message: M.schoolName })
  name!: string;

  @ApiProperty({ type: SchoolAddressDto })
  @IsDefined({ message: M.address })
  @IsObject({ message: M.address })
  @ValidateNested()
  @Type(() => SchoolAddressDto)
  address!: SchoolAddressDto;

  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true, example: ['kleuter', 'lager'] })
  @IsArray({ message: M.levels })
  @ArrayMinSize(1, { message: M.levels })
  @ArrayUnique({ message: M.levels })
  @IsIn(SCHOOL_LEVELS, { each: true, message: M.levels })
  levels!: SchoolLevel[];

  @ApiProperty({ description: 'Whether the school is (also) an internaat with living groups.' })
  @IsBoolean({ message: M.isInternaat })
  isInternaat!: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    isArray: true,
    description: 'CLBs serving the school besides its own, by agreement (e.g. an internaat on a border).',
  })
  @IsOptional()
  @IsArray({ message: M.extraClbIds })
  @ArrayMaxSize(10, { message: M.extraClbIds })
  @IsUUID('all', { each: true, message: M.extraClbIds })
  extraClbIds?: string[];
}
