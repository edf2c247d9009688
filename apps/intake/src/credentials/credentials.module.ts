import { Module } from '@nestjs/common';
import { Clock } from '../meldingen/clock';
import { CredentialsConfig } from './credentials.config';
import { CredentialsController } from './credentials.controller';
import { SchoolCredentialRepository } from './school-credential.repository';
import { SchoolCredentialVerifier } from './school-credential-verifier';
import { SchoolLookup } from './school-lookup';
import { SecretSealer } from './secret-sealer';
import { IssueSchoolCredentialsUseCase } from './use-cases/issue-school-credentials.use-case';
import { ListSchoolCredentialsUseCase } from './use-cases/list-school-credentials.use-case';

/** School credentials: issue/rotate/list (HTTP) and verify (for the meldingen routes). */
@Module({
  controllers: [CredentialsController],
  providers: [
    { provide: CredentialsConfig, useFactory: () => CredentialsConfig.load() },
    {
      provide: SecretSealer,
      inject: [CredentialsConfig],
      useFactory: (config: CredentialsConfig) => new SecretSealer(config.encryptionKey),
    },
    Clock,
    SchoolLookup,
    SchoolCredentialRepository,
    SchoolCredentialVerifier,
    IssueSchoolCredentialsUseCase,
    ListSchoolCredentialsUseCase,
  ],
  exports: [SchoolCredentialVerifier, SchoolLookup],
})
export class CredentialsModule {}
