import { Injectable } from '@nestjs/common';
import type { Principal, TenancyScope } from '@meldpunt/auth';
import { DataSource } from 'typeorm';
import { Clock } from '../../meldingen/clock';
import { AccessDeniedError, NotFoundError } from '../../meldingen/meldingen.errors';
import { MESSAGES } from '../../meldingen/meldingen.messages';
import { generateSecrets } from '../credential-secrets';
import { SchoolCredential } from '../school-credential.entity';
import { SchoolCredentialRepository } from '../school-credential.repository';
import { sealingContext } from '../school-credential-verifier';
import { SchoolLookup } from '../school-lookup';
import { SecretSealer } from '../secret-sealer';

export interface IssueSchoolCredentialsCommand {
  readonly principal: Principal;
  readonly scope: TenancyScope;
  readonly schoolId: string;
  /** Minutes the previous credentials keep working, so school software can switch without downtime. */
  readonly gracePeriodMinutes: number;
}

export interface IssuedSchoolCredentials {
  readonly keyId: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
  readonly createdAt: Date;
  readonly revokedKeyIds: readonly string[];
  readonly previousValidUntil: Date;
}

/**
 * Issues a new API key and webhook secret for a school (admin, or CLB staff of the school's CLB) and revokes
 * the previous ones, now or after a grace period. The plaintexts are returned once and never stored.
 */
@Injectable()
export class IssueSchoolCredentialsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schools: SchoolLookup,
    private readonly credentials: SchoolCredentialRepository,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
  ) {}

  async execute(command: IssueSchoolCredentialsCommand): Promise<IssuedSchoolCredentials> {
    const school = await this.schools.findById(command.schoolId);
    if (!school) throw new NotFoundError(MESSAGES.credentials.unknownSchool);
    if (!command.scope.allowsSchool(school.id, [school.clbId]))
      throw new AccessDeniedError(MESSAGES.credentials.forbidden);

    const secrets = generateSecrets();
    const now = this.clock.now();
    const previousValidUntil = new Date(now.getTime() + command.gracePeriodMinutes * 60_000);
    const credential = Object.assign(new SchoolCredential(), {
      keyId: secrets.keyId,
      schoolId: school.id,
      apiKeyHash: secrets.apiKeyHash,
      webhookSecretSealed: this.sealer.seal(secrets.webhookSecret, sealingContext(secrets.keyId, school.id)),
      createdBy: `user:${command.principal.userId}`,
      createdAt: now,
      revokedAt: null,
    });
    const revokedKeyIds = await this.dataSource.transaction((manager) =>
      this.credentials.rotate(manager, credential, previousValidUntil),
    );
    return {
      keyId: secrets.keyId,
      apiKey: secrets.apiKey,
      webhookSecret: secrets.webhookSecret,
      createdAt: now,
      revokedKeyIds,
      previousValidUntil,
    };
  }
}
