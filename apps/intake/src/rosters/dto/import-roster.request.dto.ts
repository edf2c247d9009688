import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ROSTER_MESSAGES } from '../rosters.messages';

const F = ROSTER_MESSAGES.field;
/** Only types and sizes are checked here; what the values mean is checked per row by the import job. */
const Text = (max = 500) =>
  applyDecorators(IsOptional(), IsString({ message: F.text(max) }), MaxLength(max, { message: F.text(max) }));
/** School software often sends numbers as JSON numbers. */
const NumberAsText = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value));

export class GuardianImportDto {
  @ApiProperty({ example: 'Marie Peeters' })
  @Text(200)
  name?: string;

  @ApiPropertyOptional({
    example: 'gezin 1',
    description: 'Guardians with the same label share a household.',
  })
  @Text(100)
  householdLabel?: string;

  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1; nl when absent.' })
  @Text(50)
  language?: string;

  @ApiPropertyOptional({ example: 'marie.peeters@example.be' })
  @Text(254)
  email?: string;

  @ApiPropertyOptional({ example: '0470 12 34 56', description: 'Normalised to E.164 (+32470123456).' })
  @Text(50)
  mobile?: string;

  @ApiPropertyOptional({ enum: ['email', 'sms'] })
  @Text(20)
  preferredChannel?: string;
}

export class LivingGroupImportDto {
  @ApiPropertyOptional({
    example: '900003',
    description: "Instellingsnummer of the internaat; absent = this school's own internaat.",
  })
  @NumberAsText()
  @Text(20)
  internaat?: string;

  @ApiProperty({ example: 'Leefgroep Noord' })
  @Text(100)
  name?: string;
}

export class PupilImportDto {
  @ApiProperty({ example: '20260001' })
  @NumberAsText()
  @Text(50)
  pupilNumber?: string;

  @ApiProperty({ example: 'Zoë' })
  @Text(200)
  firstName?: string;

  @ApiProperty({ example: "D'Hondt" })
  @Text(200)
  lastName?: string;

  @ApiProperty({ example: '2015-03-12', description: 'yyyy-mm-dd or dd/mm/yyyy' })
  @Text(20)
  birthDate?: string;

  @ApiProperty({ example: '3B' })
  @NumberAsText()
  @Text(100)
  className?: string;

  @ApiPropertyOptional({ enum: ['kleuter', 'lager', 'secundair', 'buitengewoon'] })
  @Text(50)
  level?: string;

  @ApiPropertyOptional({ type: LivingGroupImportDto, nullable: true })
  @IsOptional()
  @IsObject({ message: F.object })
  @ValidateNested()
  @Type(() => LivingGroupImportDto)
  livingGroup?: LivingGroupImportDto | null;

  @ApiPropertyOptional({ type: [String], example: ['Koor'], description: 'Extra groups (kind group).' })
  @IsOptional()
  @IsArray({ message: F.list(20) })
  @ArrayMaxSize(20, { message: F.list(20) })
  @IsString({ each: true, message: F.text(100) })
  @MaxLength(100, { each: true, message: F.text(100) })
  groups?: string[];

  @ApiProperty({ type: [GuardianImportDto] })
  @IsOptional()
  @IsArray({ message: F.list(10) })
  @ArrayMaxSize(10, { message: F.list(10) })
  @ValidateNested({ each: true })
  @Type(() => GuardianImportDto)
  guardians?: GuardianImportDto[];
}

export class StaffImportDto {
  @ApiProperty({ example: 'P0012' })
  @NumberAsText()
  @Text(50)
  staffNumber?: string;

  @ApiProperty({ example: 'Jan' })
  @Text(200)
  firstName?: string;

  @ApiProperty({ example: 'Janssens' })
  @Text(200)
  lastName?: string;

  @ApiProperty({ type: [String], example: ['3B', '4A'] })
  @IsOptional()
  @IsArray({ message: F.list(50) })
  @ArrayMaxSize(50, { message: F.list(50) })
  @IsString({ each: true, message: F.text(100) })
  @MaxLength(100, { each: true, message: F.text(100) })
  classes?: string[];
}

/** Body of POST /v1/schools/:schoolId/roster-imports: the whole roster of one school year. */
export class ImportRosterRequestDto {
  @ApiProperty({ example: '2026-2027' })
  @IsString({ message: ROSTER_MESSAGES.schoolYear })
  @MaxLength(9, { message: ROSTER_MESSAGES.schoolYear })
  schoolYear!: string;

  @ApiProperty({ type: [PupilImportDto], description: 'Every pupil; pupils missing here become gone.' })
  @IsArray({ message: ROSTER_MESSAGES.jsonShape })
  @ArrayMaxSize(20_000, { message: F.list(20_000) })
  @ValidateNested({ each: true })
  @Type(() => PupilImportDto)
  pupils!: PupilImportDto[];

  @ApiPropertyOptional({
    type: [StaffImportDto],
    description: 'The whole staff list; staff missing here become gone. Absent = staff stay as they are.',
  })
  @IsOptional()
  @IsArray({ message: F.list(5_000) })
  @ArrayMaxSize(5_000, { message: F.list(5_000) })
  @ValidateNested({ each: true })
  @Type(() => StaffImportDto)
  staff?: StaffImportDto[];
}
