import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@meldpunt/auth';
import type { AuthenticatedSession } from '../authenticated-session';

export class SessionUserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'school@meldpunt.test' })
  email!: string;

  @ApiProperty({ example: 'Directie De Regenboog' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: [String], format: 'uuid' })
  clbIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  schoolIds!: string[];
}

export class SessionResponseDto {
  @ApiProperty({ type: SessionUserResponseDto })
  user!: SessionUserResponseDto;

  @ApiProperty({ description: 'Send back in X-CSRF-Token on every POST, PUT, PATCH and DELETE' })
  csrfToken!: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends unless used before then' })
  expiresAt!: string;

  static from(session: AuthenticatedSession): SessionResponseDto {
    const { user } = session;
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        clbIds: [...user.clbIds],
        schoolIds: [...user.schoolIds],
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}
