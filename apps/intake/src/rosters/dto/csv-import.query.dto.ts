import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ROSTER_MESSAGES } from '../rosters.messages';

export class CsvImportQueryDto {
  @ApiProperty({ example: '2026-2027' })
  @IsString({ message: ROSTER_MESSAGES.schoolYear })
  @Matches(/^\d{4}-\d{4}$/, { message: ROSTER_MESSAGES.schoolYear })
  schoolYear!: string;
}
