import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_KINDS, SCHOOL_LEVELS, type GroupKind, type SchoolLevel } from '@meldpunt/contracts';
import type { GroupListItem, PupilListItem, StaffListItem } from '../roster-read.repository';

export class GroupRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '3B' })
  name!: string;
}

export class PupilResponseDto {
  @ApiProperty({ format: 'uuid', description: "The roster's id (what a melding names)." })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Pseudonymous id used on Kafka; never changes.' })
  ref!: string;

  @ApiProperty({ example: '20260001' })
  pupilNumber!: string;

  @ApiProperty({ example: 'Zoë' })
  firstName!: string;

  @ApiProperty({ example: "D'Hondt" })
  lastName!: string;

  @ApiProperty({ example: "Zoë D'Hondt" })
  name!: string;

  @ApiProperty({ type: GroupRefDto })
  class!: GroupRefDto & { schoolYear: string };

  @ApiProperty({ example: '3B' })
  className!: string;

  @ApiProperty({
    format: 'uuid',
    isArray: true,
    description: 'Class, living group and extra groups: what a melding about the pupil concerns by default.',
  })
  groupIds!: string[];

  @ApiPropertyOptional({ type: GroupRefDto, nullable: true })
  livingGroup!: (GroupRefDto & { schoolId: string }) | null;

  @ApiProperty({ enum: ['active', 'gone'] })
  status!: string;

  static of(pupil: PupilListItem): PupilResponseDto {
    return Object.assign(new PupilResponseDto(), {
      id: pupil.id,
      ref: pupil.ref,
      pupilNumber: pupil.pupilNumber,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      name: `${pupil.firstName} ${pupil.lastName}`,
      class: { ...pupil.classGroup },
      className: pupil.classGroup.name,
      groupIds: [...pupil.groupIds],
      livingGroup: pupil.livingGroup ? { ...pupil.livingGroup } : null,
      status: pupil.status,
    });
  }
}

export class PupilListResponseDto {
  @ApiProperty({ type: [PupilResponseDto] })
  items!: PupilResponseDto[];
}

export class GroupResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: GROUP_KINDS })
  kind!: GroupKind;

  @ApiProperty({ example: '3B' })
  name!: string;

  @ApiProperty({ enum: SCHOOL_LEVELS })
  level!: SchoolLevel;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty()
  pupilCount!: number;

  @ApiProperty()
  staffCount!: number;

  static of(group: GroupListItem): GroupResponseDto {
    return Object.assign(new GroupResponseDto(), { ...group });
  }
}

export class GroupListResponseDto {
  @ApiProperty({ nullable: true, example: '2026-2027' })
  schoolYear!: string | null;

  @ApiProperty({ type: [GroupResponseDto] })
  items!: GroupResponseDto[];
}

export class StaffResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ref!: string;

  @ApiProperty()
  staffNumber!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ enum: ['active', 'gone'] })
  status!: string;

  @ApiProperty({ type: [GroupRefDto] })
  classes!: (GroupRefDto & { schoolYear: string })[];

  static of(member: StaffListItem): StaffResponseDto {
    return Object.assign(new StaffResponseDto(), {
      ...member,
      classes: member.classes.map((klas) => ({ ...klas })),
    });
  }
}

export class StaffListResponseDto {
  @ApiProperty({ type: [StaffResponseDto] })
  items!: StaffResponseDto[];
}
