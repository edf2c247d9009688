import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SeedExampleProtocolsUseCase } from './use-cases/seed-example-protocols.use-case';

/** Seeds the example protocols when the service starts (after migrations; a failure stops the start). */
@Injectable()
export class ProtocolSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Protocols');

  constructor(private readonly seed: SeedExampleProtocolsUseCase) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.seed.execute();
    if (seeded.length > 0) this.logger.log(`Seeded example protocols: ${seeded.join(', ')}`);
  }
}
