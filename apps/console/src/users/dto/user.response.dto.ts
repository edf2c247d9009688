import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@meldpunt/auth';
import type { UserAccount } from '../user-account.entity';

/** An account as admins see it; never the password hash. */
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: [String], format: 'uuid' })
  clbIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  schoolIds!: string[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  lastLoginAt!: string | null;

  static from(user: UserAccount): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      clbIds: [...user.clbIds],
      schoolIds: [...user.schoolIds],
      active: user.active,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    };
  }
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserResponseDto] })
  users!: UserResponseDto[];
}
