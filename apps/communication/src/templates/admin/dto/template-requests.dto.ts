import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import { DISEASES, type Disease } from '@meldpunt/contracts';
import { says } from '@meldpunt/platform';
import {
  LETTER_KINDS,
  LETTER_LANGUAGES,
  type LetterKind,
  type LetterLanguage,
} from '../../letter-renderer.types';
import { TEMPLATE_ADMIN_MESSAGES as M } from '../template-admin.messages';

export const PREVIEW_CHANNELS = ['email', 'sms'] as const;
export type PreviewChannel = (typeof PREVIEW_CHANNELS)[number];

export class SaveTemplateRequestDto {
  @ApiProperty({ example: '{children} had op {school} nauw contact met iemand met {disease}.' })
  @IsString({ message: says(M.textRequired) })
  text!: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'The version edited (0 = the catalog text); 409 if it changed',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: says(M.version) })
  @Min(0, { message: says(M.version) })
  @Max(1_000_000, { message: says(M.version) })
  expectedVersion?: number;
}

/** Which sample letter: kind × disease × language on a channel. */
export class SampleLetterRequestDto {
  @ApiProperty({ enum: LETTER_KINDS })
  @IsIn(LETTER_KINDS, { message: says(M.oneOf(LETTER_KINDS)) })
  kind!: LetterKind;

  @ApiProperty({ enum: DISEASES })
  @IsIn(DISEASES, { message: says(M.oneOf(DISEASES)) })
  disease!: Disease;

  @ApiProperty({ enum: LETTER_LANGUAGES })
  @IsIn(LETTER_LANGUAGES, { message: says(M.oneOf(LETTER_LANGUAGES)) })
  language!: LetterLanguage;

  @ApiProperty({ enum: PREVIEW_CHANNELS })
  @IsIn(PREVIEW_CHANNELS, { message: says(M.oneOf(PREVIEW_CHANNELS)) })
  channel!: PreviewChannel;
}

export class PreviewTemplateRequestDto extends SampleLetterRequestDto {
  @ApiPropertyOptional({
    description: 'Unsaved texts of this language by key, applied to the preview only',
    example: { 'intro.high-risk': '…' },
  })
  @IsOptional()
  @IsObject({ message: says(M.draft) })
  draft?: Record<string, unknown>;
}

export class TestSendTemplateRequestDto extends SampleLetterRequestDto {
  @ApiProperty({ description: 'An e-mail address (channel email) or an E.164 mobile number (channel sms)' })
  @IsString({ message: says(M.email) })
  to!: string;
}
