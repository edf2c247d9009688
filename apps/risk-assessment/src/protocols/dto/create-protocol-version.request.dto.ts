import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsString, Length, ValidateBy } from 'class-validator';
import { isCalendarDate } from '../../calendar/calendar-date';
import { PROTOCOL_MESSAGES } from '../protocols.messages';

const F = PROTOCOL_MESSAGES.field;

/**
 * A new version of a disease protocol (admin). The DTO checks the envelope (400); the definition itself is checked
 * by the use-case against protocolDefinitionSchema (422 with `definition.…` field paths).
 */
export class CreateProtocolVersionRequestDto {
  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'Today (Europe/Brussels) or later' })
  @ValidateBy(
    { name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } },
    {
      message: F.effectiveFrom,
    },
  )
  effectiveFrom!: string;

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Aangepast aan de richtlijn van september 2026.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: F.reason })
  @Length(1, 1000, { message: F.reason })
  reason!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The protocol: title, example, warning, source, rules (ordered; first match wins), urgency. ' +
      'protocolId, version and effectiveFrom are set by the service.',
  })
  @IsObject({ message: F.definition })
  definition!: Record<string, unknown>;
}
