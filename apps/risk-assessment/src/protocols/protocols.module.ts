import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PROTOCOL_EVALUATOR } from './protocol-engine.types';
import { ProtocolRepository } from './protocol.repository';
import { ProtocolSeeder } from './protocol-seeder';
import { ProtocolService, ProtocolSettings } from './protocol.service';
import { ProtocolsController } from './protocols.controller';
import { CreateProtocolVersionUseCase } from './use-cases/create-protocol-version.use-case';
import { GetProtocolVersionsUseCase } from './use-cases/get-protocol-versions.use-case';
import { ListProtocolAuditUseCase } from './use-cases/list-protocol-audit.use-case';
import { ListProtocolsUseCase } from './use-cases/list-protocols.use-case';
import { SeedExampleProtocolsUseCase } from './use-cases/seed-example-protocols.use-case';

/**
 * Disease protocols as versioned data: the admin API, the example seeding at start, and the ProtocolEvaluator
 * (PROTOCOL_EVALUATOR) the cases inject. Re-exports CalendarModule (Clock, SchoolCalendar). Needs the TypeORM data
 * source with PROTOCOL_ENTITIES (PlatformModule).
 */
@Module({
  imports: [CalendarModule],
  controllers: [ProtocolsController],
  providers: [
    ProtocolRepository,
    { provide: ProtocolSettings, useValue: new ProtocolSettings() },
    ProtocolService,
    { provide: PROTOCOL_EVALUATOR, useExisting: ProtocolService },
    ListProtocolsUseCase,
    GetProtocolVersionsUseCase,
    CreateProtocolVersionUseCase,
    ListProtocolAuditUseCase,
    SeedExampleProtocolsUseCase,
    ProtocolSeeder,
  ],
  exports: [PROTOCOL_EVALUATOR, ProtocolService, CalendarModule],
})
export class ProtocolsModule {}
