import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import type { PersonByRef } from '../roster-read.repository';
import { ROSTER_MESSAGES } from '../rosters.messages';

const F = ROSTER_MESSAGES.field;

export class LookUpPeopleRequestDto {
  @ApiProperty({
    format: 'uuid',
    isArray: true,
    maxItems: 2000,
    description: 'Pseudonymous refs of pupils or staff.',
  })
  @IsArray({ message: F.refs })
  @ArrayMinSize(1, { message: F.refs })
  @ArrayMaxSize(2000, { message: F.refs })
  @IsUUID('all', { each: true, message: F.uuid })
  refs!: string[];
}

export class PersonResponseDto {
  @ApiProperty({ format: 'uuid' }) ref!: string;
  @ApiProperty({ enum: ['pupil', 'staff'] }) kind!: 'pupil' | 'staff';
  @ApiProperty({ example: "Zoë D'Hondt" }) name!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '3B',
    description: "The pupil's class; null for staff",
  })
  groupName!: string | null;

  static of(person: PersonByRef): PersonResponseDto {
    return {
      ref: person.ref,
      kind: person.kind,
      name: `${person.firstName} ${person.lastName}`,
      schoolId: person.schoolId,
      groupName: person.groupName,
    };
  }
}

export class PeopleResponseDto {
  @ApiProperty({ type: [PersonResponseDto] }) items!: PersonResponseDto[];
}
