import { Module } from '@nestjs/common';
import { ClbRepository } from './clb.repository';
import { ClbsController } from './clbs.controller';
import { RegistryEvents } from './registry-events';
import { SchoolRepository } from './school.repository';
import { SchoolsController } from './schools.controller';
import { CreateClbUseCase } from './use-cases/create-clb.use-case';
import { GetSchoolUseCase } from './use-cases/get-school.use-case';
import { ListClbsUseCase } from './use-cases/list-clbs.use-case';
import { ListSchoolsUseCase } from './use-cases/list-schools.use-case';
import { RegisterClbUseCase } from './use-cases/register-clb.use-case';
import { SaveSchoolUseCase } from './use-cases/save-school.use-case';

/** The CLB and school registry: admin API, scoped reads, and the announcements other services follow. */
@Module({
  controllers: [ClbsController, SchoolsController],
  providers: [
    ClbRepository,
    SchoolRepository,
    RegistryEvents,
    RegisterClbUseCase,
    CreateClbUseCase,
    ListClbsUseCase,
    SaveSchoolUseCase,
    ListSchoolsUseCase,
    GetSchoolUseCase,
  ],
  exports: [RegisterClbUseCase, SchoolRepository, RegistryEvents],
})
export class RegistryModule {}
