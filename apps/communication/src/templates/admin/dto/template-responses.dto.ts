import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISEASES } from '@meldpunt/contracts';
import { LETTER_KINDS, LETTER_LANGUAGES } from '../../letter-renderer.types';

export class LanguageCoverageDto {
  @ApiProperty({ enum: LETTER_LANGUAGES })
  language!: string;

  @ApiProperty({
    type: [String],
    description: 'Keys without a text in this language: letters use Dutch there',
  })
  missingKeys!: string[];

  @ApiProperty({ type: [String] })
  overriddenKeys!: string[];
}

export class TemplatesOverviewDto {
  @ApiProperty({ enum: LETTER_LANGUAGES, isArray: true })
  languages!: string[];

  @ApiProperty({ enum: LETTER_KINDS, isArray: true })
  kinds!: string[];

  @ApiProperty({ enum: DISEASES, isArray: true })
  diseases!: string[];

  @ApiProperty({ type: [LanguageCoverageDto] })
  coverage!: LanguageCoverageDto[];
}

export class TemplateEntryDto {
  @ApiProperty()
  key!: string;

  @ApiProperty({ description: 'The text letters in this language use' })
  text!: string;

  @ApiProperty({ enum: ['override', 'catalog', 'fallback-nl'] })
  source!: string;

  @ApiProperty({ description: 'The Dutch reference text' })
  nl!: string;

  @ApiProperty({ type: [String], description: 'Placeholders the text may use, e.g. children' })
  placeholders!: string[];

  @ApiProperty({ description: 'The override version to send as expectedVersion (0: no override)' })
  version!: number;

  @ApiPropertyOptional({ nullable: true })
  updatedBy!: string | null;

  @ApiPropertyOptional({ nullable: true })
  updatedAt!: string | null;
}

export class LanguageTemplatesDto {
  @ApiProperty({ enum: LETTER_LANGUAGES })
  language!: string;

  @ApiProperty({ enum: ['ltr', 'rtl'] })
  direction!: string;

  @ApiProperty({ type: [TemplateEntryDto] })
  entries!: TemplateEntryDto[];
}

export class SmsPreviewDto {
  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] })
  encoding!: string;

  @ApiProperty()
  segments!: number;
}

export class TemplatePreviewDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'The e-mail as HTML (show it in a sandboxed iframe)' })
  html!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: SmsPreviewDto })
  sms!: SmsPreviewDto;

  @ApiProperty({ enum: ['ltr', 'rtl'] })
  direction!: string;

  @ApiProperty({ enum: LETTER_LANGUAGES })
  language!: string;

  @ApiProperty({ description: 'Some text came from the Dutch fallback' })
  fellBack!: boolean;

  @ApiPropertyOptional({ description: 'The PDF letter (channel email)' })
  pdfBase64?: string;
}

export class TestSendAcceptedDto {
  @ApiProperty({ enum: ['email', 'sms'] })
  channel!: string;

  @ApiProperty()
  to!: string;

  @ApiProperty({ description: 'The subject (e-mail) or reference (SMS) of the test message' })
  reference!: string;
}
