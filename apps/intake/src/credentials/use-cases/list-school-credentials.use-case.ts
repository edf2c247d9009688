import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { Clock } from '../../meldingen/clock';
import { AccessDeniedError, NotFoundError } from '../../meldingen/meldingen.errors';
import { MESSAGES } from '../../meldingen/meldingen.messages';
import { SchoolCredentialRepository } from '../school-credential.repository';
import { SchoolLookup } from '../school-lookup';

export interface SchoolCredentialMetadata {
  readonly keyId: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly revokedAt: Date | null;
  /** active: the current pair; grace: revoked but still accepted until revokedAt; revoked: refused. */
  readonly state: 'active' | 'grace' | 'revoked';
}

/** Lists a school's credentials without any secret (not even the hash). */
@Injectable()
export class ListSchoolCredentialsUseCase {
  constructor(
    private readonly schools: SchoolLookup,
    private readonly credentials: SchoolCredentialRepository,
    private readonly clock: Clock,
  ) {}

  async execute(scope: TenancyScope, schoolId: string): Promise<SchoolCredentialMetadata[]> {
    const school = await this.schools.findById(schoolId);
    if (!school) throw new NotFoundError(MESSAGES.credentials.unknownSchool);
    const credentials = await this.credentials.listForSchool(scope, school);
    if (!credentials) throw new AccessDeniedError(MESSAGES.credentials.forbidden);
    const now = this.clock.now();
    return credentials.map((credential) => ({
      keyId: credential.keyId,
      createdAt: credential.createdAt,
      createdBy: credential.createdBy,
      revokedAt: credential.revokedAt,
      state: credential.revokedAt === null ? 'active' : credential.revokedAt > now ? 'grace' : 'revoked',
    }));
  }
}
