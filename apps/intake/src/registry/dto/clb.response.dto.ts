import { ApiProperty } from '@nestjs/swagger';
import type { ClbView } from '../clb.repository';

export class ClbResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Vrij CLB Gent' })
  name!: string;

  static of(clb: ClbView): ClbResponseDto {
    return Object.assign(new ClbResponseDto(), { id: clb.id, name: clb.name });
  }
}

export class ClbListResponseDto {
  @ApiProperty({ type: [ClbResponseDto] })
  items!: ClbResponseDto[];

  static of(clbs: readonly ClbView[]): ClbListResponseDto {
    return Object.assign(new ClbListResponseDto(), { items: clbs.map((clb) => ClbResponseDto.of(clb)) });
  }
}
