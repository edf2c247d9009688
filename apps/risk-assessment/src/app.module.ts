import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { DirectoryConsumer, DirectoryModule, PlatformModule } from '@meldpunt/platform';
import { CasesConsumer } from './cases/cases.consumer';
import { CasesModule } from './cases/cases.module';
import { ENTITIES } from './entities';
import { ProtocolsModule } from './protocols/protocols.module';

@Module({})
export class RiskAssessmentModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: RiskAssessmentModule,
      imports: [
        PlatformModule.forRoot({
          config,
          entities: ENTITIES,
          registry: CONTRACTS,
          consumers: [DirectoryConsumer, CasesConsumer],
        }),
        DirectoryModule,
        ProtocolsModule,
        CasesModule,
      ],
    };
  }
}
