import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@meldpunt/auth';
import type { UserAccount } from '../user-account.entity';

/** A colleague as the CLB's pages show them (assignee, who did what on a case): never the e-mail or the CLBs. */
export class ColleagueResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  static from(user: UserAccount): ColleagueResponseDto {
    return { id: user.id, displayName: user.displayName, role: user.role };
  }
}

export class ColleagueListResponseDto {
  @ApiProperty({ type: [ColleagueResponseDto] })
  items!: ColleagueResponseDto[];
}
