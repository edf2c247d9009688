import { Module } from '@nestjs/common';
import { ServiceConfig } from '@meldpunt/config';
import { RegistryModule } from '../registry/registry.module';
import { RosterBulkRepository } from './roster-bulk.repository';
import { RosterEvents } from './roster-events';
import { RosterImportProcessor } from './roster-import.processor';
import { RosterImportQueue, RosterQueueSettings } from './roster-import.queue';
import { RosterImportRepository } from './roster-import.repository';
import { RosterImportsController } from './roster-imports.controller';
import { RosterReadRepository } from './roster-read.repository';
import { RosterSubjectRepository } from './roster-subject.repository';
import { PeopleController } from './people.controller';
import { RosterController } from './roster.controller';
import { LookUpPeopleUseCase } from './use-cases/look-up-people.use-case';
import { ContactSealer } from './sealing/contact-sealer';
import { SealedContactsConfig } from './sealing/sealed-contacts.config';
import { GetRosterImportUseCase } from './use-cases/get-roster-import.use-case';
import { ProcessRosterImportUseCase } from './use-cases/process-roster-import.use-case';
import { ReadRosterUseCase } from './use-cases/read-roster.use-case';
import { RequestRosterImportUseCase } from './use-cases/request-roster-import.use-case';

/**
 * School rosters: pupils (with guardians), staff, classes, groups and internaat living groups per school year;
 * asynchronous all-or-nothing imports (JSON or CSV) on the `roster-import` queue; scoped reads; membership and
 * sealed-contact events. Needs what PlatformModule provides globally (DataSource, ServiceConfig, OutboxWriter).
 */
@Module({
  imports: [RegistryModule],
  controllers: [RosterImportsController, RosterController, PeopleController],
  providers: [
    { provide: SealedContactsConfig, useFactory: () => SealedContactsConfig.load() },
    {
      provide: RosterQueueSettings,
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => new RosterQueueSettings(config.queuePrefix),
    },
    ContactSealer,
    RosterImportRepository,
    RosterBulkRepository,
    RosterReadRepository,
    RosterSubjectRepository,
    RosterEvents,
    RosterImportQueue,
    RosterImportProcessor,
    RequestRosterImportUseCase,
    ProcessRosterImportUseCase,
    GetRosterImportUseCase,
    ReadRosterUseCase,
    LookUpPeopleUseCase,
  ],
  exports: [RosterSubjectRepository, ProcessRosterImportUseCase],
})
export class RostersModule {}
