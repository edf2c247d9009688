import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { DirectoryConsumer, DirectoryModule, PlatformModule } from '@meldpunt/platform';
import { ENTITIES } from './entities';

@Module({})
export class SchedulingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SchedulingModule,
      imports: [
        PlatformModule.forRoot({
          config,
          entities: ENTITIES,
          registry: CONTRACTS,
          consumers: [DirectoryConsumer],
        }),
        DirectoryModule,
      ],
    };
  }
}
