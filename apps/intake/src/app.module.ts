import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { PlatformModule } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MeldingProgressConsumer } from './meldingen/melding-progress.consumer';
import { MeldingenModule } from './meldingen/meldingen.module';
import { RegistryModule } from './registry/registry.module';
import { RostersModule } from './rosters/rosters.module';
import { SchoolNoticesConsumer } from './school-notices/school-notices.consumer';
import { SchoolNoticesModule } from './school-notices/school-notices.module';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        PlatformModule.forRoot({
          config,
          entities: ENTITIES,
          registry: CONTRACTS,
          consumers: [MeldingProgressConsumer, SchoolNoticesConsumer],
        }),
        RegistryModule,
        RostersModule,
        MeldingenModule,
        SchoolNoticesModule,
      ],
    };
  }
}
