import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTIVITIES,
  DISEASES,
  SUBJECT_KINDS,
  TEST_RESULTS,
  type Activity,
  type Disease,
  type SubjectKind,
  type TestResult,
} from '@meldpunt/contracts';
import { UNLISTED_ROLES, type UnlistedRole } from '../melding.entity';
import { MESSAGES } from '../meldingen.messages';
import { IsCalendarDate, IsNotBlank, OnlyWhen, says } from './melding-validators';

export const MAX_GROUPS = 100;
export const MAX_REMARKS = 2000;
const F = MESSAGES.field;
const ON_ROSTER = ['pupil', 'staff'] as const;

export class MeldingSubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS, description: 'pupil/staff: on the roster; unlisted: not on it' })
  @IsIn(SUBJECT_KINDS, { message: says(F.oneOf(SUBJECT_KINDS)) })
  kind!: SubjectKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Roster id (kind pupil or staff)' })
  @ValidateIf((subject: MeldingSubjectDto) => subject.kind !== 'unlisted' || subject.rosterId !== undefined)
  @IsUUID('all', { message: says(F.uuid) })
  @OnlyWhen('kind', ON_ROSTER)
  rosterId?: string;

  @ApiPropertyOptional({ description: 'kind unlisted only' })
  @ValidateIf((subject: MeldingSubjectDto) => subject.kind === 'unlisted' || subject.firstName !== undefined)
  @IsString({ message: says(F.text(1, 100)) })
  @Length(1, 100, { message: says(F.text(1, 100)) })
  @IsNotBlank()
  @OnlyWhen('kind', ['unlisted'])
  firstName?: string;

  @ApiPropertyOptional({ description: 'kind unlisted only' })
  @ValidateIf((subject: MeldingSubjectDto) => subject.kind === 'unlisted' || subject.lastName !== undefined)
  @IsString({ message: says(F.text(1, 100)) })
  @Length(1, 100, { message: says(F.text(1, 100)) })
  @IsNotBlank()
  @OnlyWhen('kind', ['unlisted'])
  lastName?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'kind unlisted only, optional' })
  @ValidateIf((subject: MeldingSubjectDto) => subject.birthDate !== undefined && subject.birthDate !== null)
  @IsCalendarDate({ message: says(F.dateOrNull) })
  @OnlyWhen('kind', ['unlisted'])
  birthDate?: string | null;

  @ApiPropertyOptional({ enum: UNLISTED_ROLES, description: 'kind unlisted only' })
  @ValidateIf((subject: MeldingSubjectDto) => subject.kind === 'unlisted' || subject.role !== undefined)
  @IsIn(UNLISTED_ROLES, { message: says(F.oneOf(UNLISTED_ROLES)) })
  @OnlyWhen('kind', ['unlisted'])
  role?: UnlistedRole;
}

export class MeldingTestDto {
  @ApiProperty({ format: 'date', example: '2026-11-21' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: TEST_RESULTS })
  @IsIn(TEST_RESULTS, { message: says(F.oneOf(TEST_RESULTS)) })
  result!: TestResult;
}

export class ContactPersonDto {
  @ApiProperty({ example: 'An Peeters' })
  @IsString({ message: says(F.text(1, 200)) })
  @Length(1, 200, { message: says(F.text(1, 200)) })
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({
    example: 'an.peeters@school.be',
    nullable: true,
    type: String,
    description: 'Receives the confirmation e-mail; without it, no confirmation is sent',
  })
  @IsOptional()
  @IsString({ message: says(F.email) })
  @MaxLength(254, { message: says(F.email) })
  @IsEmail({}, { message: says(F.email) })
  email?: string | null;

  @ApiProperty({ example: '+32 9 123 45 67' })
  @IsString({ message: says(F.phone) })
  @Matches(/^\+?[0-9][0-9 ()./-]{5,24}$/, { message: says(F.phone) })
  phone!: string;
}

/**
 * A melding as the console, the API and the webhook accept it. Shape only (400 when wrong); whether the dates are
 * consistent is checked by the use-case (422).
 */
export class SubmitMeldingRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: says(F.uuid) })
  schoolId!: string;

  @ApiProperty({ type: MeldingSubjectDto })
  @IsObject({ message: says(F.object) })
  @ValidateNested()
  @Type(() => MeldingSubjectDto)
  subject!: MeldingSubjectDto;

  @ApiProperty({ enum: DISEASES })
  @IsIn(DISEASES, { message: says(F.oneOf(DISEASES)) })
  disease!: Disease;

  @ApiPropertyOptional({
    description: "Which disease, when disease is 'other' (required then)",
    maxLength: 100,
  })
  @ValidateIf(
    (melding: SubmitMeldingRequestDto) => melding.disease === 'other' || melding.diseaseOther !== undefined,
  )
  @IsString({ message: says(F.text(1, 100)) })
  @Length(1, 100, { message: says(F.text(1, 100)) })
  @IsNotBlank()
  @OnlyWhen('disease', ['other'])
  diseaseOther?: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null: no symptoms' })
  @ValidateIf((melding: SubmitMeldingRequestDto) => melding.onsetDate !== null)
  @IsCalendarDate({ message: says(F.dateOrNull) })
  onsetDate!: string | null;

  @ApiProperty({ type: MeldingTestDto, nullable: true })
  @ValidateIf((melding: SubmitMeldingRequestDto) => melding.test !== null)
  @IsObject({ message: says(F.objectOrNull) })
  @ValidateNested()
  @Type(() => MeldingTestDto)
  test!: MeldingTestDto | null;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  lastDayPresent!: string;

  @ApiPropertyOptional({ type: [String], description: 'Classes/groups attended in the relevant period' })
  @IsOptional()
  @IsArray({ message: says(F.list(MAX_GROUPS)) })
  @ArrayMaxSize(MAX_GROUPS, { message: says(F.list(MAX_GROUPS)) })
  @ArrayUnique(undefined, { message: says(F.unique) })
  @IsUUID('all', { each: true, message: says(F.uuid) })
  groupIds?: string[];

  @ApiPropertyOptional({ enum: ACTIVITIES, isArray: true })
  @IsOptional()
  @IsArray({ message: says(F.list(ACTIVITIES.length)) })
  @ArrayMaxSize(ACTIVITIES.length, { message: says(F.list(ACTIVITIES.length)) })
  @ArrayUnique(undefined, { message: says(F.unique) })
  @IsIn(ACTIVITIES, { each: true, message: says(F.oneOf(ACTIVITIES)) })
  activities?: Activity[];

  @ApiProperty({ type: ContactPersonDto })
  @IsObject({ message: says(F.object) })
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contactPerson!: ContactPersonDto;

  @ApiPropertyOptional({ maxLength: MAX_REMARKS, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: says(F.maxLength(MAX_REMARKS)) })
  @MaxLength(MAX_REMARKS, { message: says(F.maxLength(MAX_REMARKS)) })
  remarks?: string | null;
}
