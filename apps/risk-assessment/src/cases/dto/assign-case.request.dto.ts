import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';
import { MESSAGES } from '../cases.messages';
import { says } from './validators';

export class AssignCaseRequestDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Console user id of a colleague; null: unassign',
  })
  @ValidateIf((dto: AssignCaseRequestDto) => dto.assigneeId !== null)
  @IsString({ message: says(MESSAGES.field.text(1, 100)) })
  @Length(1, 100, { message: says(MESSAGES.field.text(1, 100)) })
  assigneeId!: string | null;
}
