import { ApiProperty } from '@nestjs/swagger';
import { SCHOOL_LEVELS, type SchoolLevel } from '@meldpunt/contracts';
import type { SchoolView } from '../school.repository';
import { SchoolAddressDto } from './save-school.request.dto';

export class SchoolResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  clbId!: string;

  @ApiProperty({ example: '123456' })
  instellingsnummer!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: SchoolAddressDto, nullable: true })
  address!: SchoolAddressDto | null;

  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true })
  levels!: SchoolLevel[];

  @ApiProperty()
  isInternaat!: boolean;

  @ApiProperty({ format: 'uuid', isArray: true })
  extraClbIds!: string[];

  @ApiProperty({
    format: 'uuid',
    isArray: true,
    description: 'Every CLB serving the school: its own, by agreement, and through internaat boarders.',
  })
  servingClbIds!: string[];

  static of(school: SchoolView): SchoolResponseDto {
    return Object.assign(new SchoolResponseDto(), {
      id: school.id,
      clbId: school.clbId,
      instellingsnummer: school.instellingsnummer,
      name: school.name,
      address: school.address ? { ...school.address } : null,
      levels: [...school.levels],
      isInternaat: school.isInternaat,
      extraClbIds: [...school.extraClbIds],
      servingClbIds: [...school.servingClbIds],
    });
  }
}

export class SchoolListResponseDto {
  @ApiProperty({ type: [SchoolResponseDto] })
  items!: SchoolResponseDto[];

  static of(schools: readonly SchoolView[]): SchoolListResponseDto {
    return Object.assign(new SchoolListResponseDto(), {
      items: schools.map((school) => SchoolResponseDto.of(school)),
    });
  }
}
