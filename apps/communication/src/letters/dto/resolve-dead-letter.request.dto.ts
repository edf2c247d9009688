import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DELIVERY_RESOLVED_BY, type DeliveryResolvedBy } from '@meldpunt/contracts';
import { IsNotBlank, says } from '@meldpunt/platform';
import { FIELD_MESSAGES, LETTERS_MESSAGES } from '../letters.messages';

export class ResolveDeadLetterRequestDto {
  @ApiProperty({ maxLength: 1000, example: 'Telefonisch gemeld aan de moeder' })
  @IsString({ message: says(LETTERS_MESSAGES.noteRequired) })
  @IsNotBlank(LETTERS_MESSAGES.noteRequired)
  @MaxLength(1000, { message: says(LETTERS_MESSAGES.noteTooLong) })
  note!: string;

  @ApiPropertyOptional({
    enum: DELIVERY_RESOLVED_BY,
    default: 'phone',
    description: 'How the family was reached (published with the delivery update)',
  })
  @IsOptional()
  @IsIn(DELIVERY_RESOLVED_BY, { message: says(FIELD_MESSAGES.oneOf(DELIVERY_RESOLVED_BY)) })
  resolvedBy?: DeliveryResolvedBy;
}
