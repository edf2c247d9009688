import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { says } from '@meldpunt/platform';
import { OPT_OUT_MESSAGES } from '../opt-outs.messages';

/** An SMS a guardian sent to our number, as the provider forwards it. */
export class InboundSmsRequestDto {
  @ApiProperty({ example: '+32470123456', description: 'E.164' })
  @IsString({ message: says(OPT_OUT_MESSAGES.from) })
  @Matches(/^\+[1-9]\d{7,14}$/, { message: says(OPT_OUT_MESSAGES.from) })
  from!: string;

  @ApiProperty({ example: 'STOP', maxLength: 1600 })
  @IsString({ message: says(OPT_OUT_MESSAGES.body) })
  @MaxLength(1600, { message: says(OPT_OUT_MESSAGES.body) })
  body!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T08:30:00Z' })
  @IsString({ message: says(OPT_OUT_MESSAGES.receivedAt) })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: says(OPT_OUT_MESSAGES.receivedAt) })
  receivedAt!: string;
}

export class InboundSmsResponseDto {
  @ApiProperty({ enum: ['opted-out', 'opted-in', 'ignored'] })
  action!: 'opted-out' | 'opted-in' | 'ignored';
}
