import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank, says } from '@meldpunt/platform';
import { LETTERS_MESSAGES } from '../letters.messages';

export class ResolveDeadLetterRequestDto {
  @ApiProperty({ maxLength: 1000, example: 'Telefonisch gemeld aan de moeder' })
  @IsString({ message: says(LETTERS_MESSAGES.noteRequired) })
  @IsNotBlank(LETTERS_MESSAGES.noteRequired)
  @MaxLength(1000, { message: says(LETTERS_MESSAGES.noteTooLong) })
  note!: string;
}
